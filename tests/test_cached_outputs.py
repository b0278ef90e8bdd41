"""The cache is an optimisation only: every command prints the same bytes with it, cold or warm.

Each command runs three times against the same inputs - without the cache, with an empty cache and
with the cache the first run filled (the plan and every file then come from it) - on the shipped
sample and on a generated corpus mixed with broken files, and all three outputs must be identical:
standard output, standard error and the exit code.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PLAN = ROOT / "data" / "plan.yaml"
SAMPLE = ROOT / "data" / "progress"
INVALID = Path(__file__).parent / "examples" / "invalid"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two years of the benchmark's full-county corpus (county-wide and two townships' files), and
    every broken example file beside them."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    out = tmp_path_factory.mktemp("corpus")
    make_corpus.build(out, "full", seed=11)
    folder = out / "full" / "progress"
    for year in ("2021", "2022", "2023"):
        shutil.rmtree(folder / year)
    areas = sorted({p.name.split(".")[1] for p in folder.rglob("*.*.yaml")})
    for path in folder.rglob("*.*.yaml"):
        if path.name.split(".")[1] not in areas[:2]:
            path.unlink()
    for n, case in enumerate(sorted(p for p in INVALID.iterdir() if p.is_dir())):
        for source in sorted(case.glob("*.yaml")):
            if source.name != "expected.yaml" and source.is_file() and not source.is_symlink():
                shutil.copyfile(source, folder / "2024" / f"broken-{n}-{source.name}")
    return folder


COMMANDS = [
    ("validate", "{progress}"),
    ("validate", "--format", "json", "{progress}"),
    ("validate", "--format", "github", "--lang", "zh", "{progress}"),
    ("status",),
    ("status", "--year", "2024", "--format", "json"),
    ("status", "--format", "markdown", "--lang", "zh"),
    ("gap", "--year", "2025"),
    ("gap", "--year", "2024", "--format", "csv", "--by", "unit"),
    ("gap", "--year", "2025", "--format", "json", "--lang", "zh"),
    ("units", "--year", "2024"),
    ("unit", "县科协"),
    ("missing", "--year", "2024"),
    ("missing", "--format", "csv", "--lang", "zh"),
    ("export", "--year", "2025"),
    ("report", "--year", "2025", "--format", "markdown"),
    ("plan",),
    ("plan", "show", "youth.4"),
    ("template", "--unit", "县科协", "--year", "2024"),
]


def _args(command: tuple[str, ...], progress: Path) -> list[str]:
    args = [a.format(progress=progress) for a in command]
    if args[0] == "plan":
        return ["plan", "--plan", str(PLAN), *args[1:]]
    takes_progress = args[0] in ("status", "gap", "units", "unit", "missing", "export", "report")
    return [*args, "--plan", str(PLAN), *(["--progress", str(progress)] if takes_progress else [])]


@pytest.mark.parametrize("where", ["sample", "corpus"])
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_cached_output_is_byte_identical(cli, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          command: tuple[str, ...], where: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("SCIPLAN_CACHE_DIR", str(tmp_path / "cache"))
    args = _args(command, SAMPLE if where == "sample" else corpus)
    without = cli(*args, "--no-cache") if "--jobs" in _options(args) else None
    cold = cli(*args)
    warm = cli(*args)
    assert (tmp_path / "cache" / "results.sqlite3").exists()
    assert warm == cold
    if without is not None:
        assert without == cold
    assert cold[0] in (0, 1), cold[2]


def _options(args: list[str]) -> set[str]:
    """The options of the command `args` names."""
    from sciplan.cli import cli as group

    command = group
    for word in args:
        sub = getattr(command, "commands", {}).get(word)
        if sub is None:
            break
        command = sub
    return {opt for p in command.params for opt in p.opts}
