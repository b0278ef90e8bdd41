"""Shared fixtures.

`cli` runs sciplan in-process, the way a user would from a shell:

    def test_version(cli):
        code, out, err = cli("--version")
        assert code == 0 and out.startswith("sciplan ")

Arguments may be strings or paths. The environment is made predictable first: no plan or progress
folder from the developer's shell (SCIPLAN_PLAN, SCIPLAN_PROGRESS), no colour (NO_COLOR set,
FORCE_COLOR removed) and an English locale (LANG=C.UTF-8, LC_ALL and LC_MESSAGES removed), so output
is plain English text 80 columns wide. Pass `cwd=tmp_path` to run in another
working directory (where ./data/ is looked up; the test stays there afterwards); use
monkeypatch.setenv in a test to set a variable.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sciplan.cli import main

RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def _cache_under_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """sciplan's cache of checked files goes to a fresh folder of each test, never the user's."""
    monkeypatch.setenv("SCIPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("sciplan-cache")))


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """cli(*args, cwd=None) -> (exit_code, stdout, stderr) of `sciplan *args`."""
    for name in ("SCIPLAN_PLAN", "SCIPLAN_PROGRESS", "FORCE_COLOR", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("LANG", "C.UTF-8")  # the default language follows the locale: English here

    def run(*args: str | os.PathLike[str], cwd: Path | None = None) -> tuple[int, str, str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()  # drop whatever the test printed before
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="session")
def sample_figures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped sample's progress files in a folder of their own: the same figures, but
    not the shipped sample folder, so outputs are not marked as sample data (for tests about other
    things than that mark)."""
    folder = tmp_path_factory.mktemp("figures") / "progress"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data" / "progress", folder)
    return folder
