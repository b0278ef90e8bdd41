"""The layer contract and the map of the rooms: written down, and kept.

`lint-imports` checks `.importlinter` (each module imports only from the layers below it, lazy
imports inside functions included); docs/architecture.md names every room; a module longer than
~600 lines says at its top why it is."""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "sciplan"
LONGEST = 620  # "about 600 lines"


def _rooms() -> list[str]:
    """The modules and packages directly under sciplan/, as the contract names them."""
    rooms = []
    for path in sorted(PACKAGE.iterdir()):
        if path.name.startswith(("_", ".")):
            continue
        if path.suffix == ".py" or (path.is_dir() and (path / "__init__.py").exists()):
            rooms.append(path.stem)
    return rooms


def test_the_layer_contract_holds():
    linter = shutil.which("lint-imports")
    assert linter, "lint-imports is missing: install the test extra (pip install -e '.[test]')"
    result = subprocess.run([linter], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_room_has_a_layer_and_no_import_is_ignored():
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter", encoding="utf-8")
    (contract,) = [s for s in config.sections() if s.startswith("importlinter:contract:")]
    assert "ignore_imports" not in config[contract]
    named = set(re.findall(r"sciplan\.([a-z_0-9]+)", config[contract]["layers"]))
    assert named == set(_rooms())


def test_the_architecture_doc_names_every_room():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [room for room in _rooms() if f"`{room}`" not in text]
    assert missing == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_long_module_says_why(path: Path):
    text = path.read_text(encoding="utf-8")
    if text.count("\n") <= LONGEST:
        return
    docstring = ast.get_docstring(ast.parse(text)) or ""
    assert "Longer than" in docstring, f"{path.name} has {text.count(chr(10))} lines and no reason at its top"
