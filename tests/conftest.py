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

The session also records the code of every finding made while it runs (in any test, by any
command; findings checked in worker processes are rebuilt in this one, so they count too). When
the whole suite ran and passed, a catalogued code that no test raised fails the session: each code
needs a test with a real input that raises it. Retired codes are exempt.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sciplan.cli import main
from sciplan.findings import CATALOGUE, OBSERVERS, Finding

RunCli = Callable[..., tuple[int, str, str]]

RAISED: set[str] = set()  # the codes of the findings made during the session


def _record(finding: Finding) -> None:
    RAISED.add(finding.code)


def pytest_sessionstart(session: pytest.Session) -> None:
    OBSERVERS.append(_record)


def _whole_suite(session: pytest.Session) -> bool:
    """True when the run selected every test: the default test paths, no -k, -m or --deselect."""
    config = session.config
    option = config.option
    if (option.keyword or option.markexpr or option.deselect or option.collectonly
            or getattr(option, "lf", False) or session.testsfailed or session.shouldstop):
        return False
    given = [Path(config.invocation_params.dir, arg) for arg in config.args]
    default = [Path(config.rootpath, path) for path in config.getini("testpaths")]
    return [p.resolve() for p in given] == [p.resolve() for p in default]


def unraised_codes(raised: set[str]) -> list[str]:
    """Catalogued codes, not retired, that are not in `raised`."""
    return [code for code, entry in CATALOGUE.items() if not entry.retired and code not in raised]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _record in OBSERVERS:
        OBSERVERS.remove(_record)
    if exitstatus != 0 or not _whole_suite(session):
        return
    missing = unraised_codes(RAISED)
    if missing:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        text = (f"codes raised by no test: {', '.join(missing)}; add a test with an input that raises each "
                "(or retire the code in sciplan/findings)")
        if reporter is not None:
            reporter.write_line(text, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


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
