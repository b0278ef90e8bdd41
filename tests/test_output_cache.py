"""A run over unchanged inputs prints the first run's output again, and any change is seen.

`validate`, `status` and `gap` keep their whole output in the cache, keyed by everything it depends
on (output_cache). These tests hold the two promises that makes: an unchanged run is answered without
loading the plan or checking a file (and prints exactly what the first run printed), and every kind
of change - a file's bytes, a file added, removed or renamed, the plan, an option, the language, the
width, the working folder, a file sciplan does not read - gives the output of a fresh run.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import sciplan.api
from sciplan.output_cache import Outcome

ROOT = Path(__file__).parent.parent
PLAN = ROOT / "data" / "plan.yaml"


@pytest.fixture
def plan_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The plan files loaded by the commands run in this test (one entry per load)."""
    loads: list[Path] = []
    real = sciplan.api.load_plan

    def counted(path=None, **kwargs):
        loads.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(sciplan.api, "load_plan", counted)
    return loads


@pytest.fixture
def progress(sample_figures: Path, tmp_path: Path) -> Path:
    """A progress folder of this test's own, to change."""
    folder = tmp_path / "progress"
    shutil.copytree(sample_figures, folder)
    return folder


def fresh(cli, *args) -> tuple[int, str, str]:
    """What the command prints without any cache."""
    return cli(*args, "--no-cache")


COMMANDS = [
    ("validate", "{progress}"),
    ("validate", "--format", "json", "{progress}"),
    ("status", "--progress", "{progress}"),
    ("status", "--progress", "{progress}", "--format", "json", "--lang", "zh"),
    ("gap", "--progress", "{progress}", "--year", "2024"),
    ("gap", "--progress", "{progress}", "--year", "2023", "--format", "csv", "--by", "unit"),
]


def _args(command: tuple[str, ...], progress: Path) -> list[str]:
    return [a.format(progress=progress) for a in command] + ["--plan", str(PLAN)]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_an_unchanged_run_prints_the_first_output_without_loading_the_plan(
        cli, progress: Path, plan_loads: list, command: tuple[str, ...]) -> None:
    args = _args(command, progress)
    first = cli(*args)
    again = cli(*args)
    assert again == first == fresh(cli, *args)
    assert len(plan_loads) == 2  # the first run and the run without cache; not the second
    assert first[0] in (0, 1)


def _edit(progress: Path) -> None:
    """Change one reported figure of one file."""
    for path in sorted(progress.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "value:" in text:
            line = next(ln for ln in text.splitlines() if ln.strip().startswith("value:"))
            path.write_text(text.replace(line, line.split(":")[0] + ": 1", 1), encoding="utf-8")
            return
    raise AssertionError("no value to edit")


def _add(progress: Path) -> None:
    source = sorted(progress.rglob("*.yaml"))[0]
    shutil.copyfile(source, source.with_name("copy-" + source.name))  # the same figures twice: X401


def _remove(progress: Path) -> None:
    sorted(progress.rglob("*.yaml"))[-1].unlink()


def _rename(progress: Path) -> None:
    source = sorted(progress.rglob("*.yaml"))[0]
    source.rename(source.with_name("renamed-" + source.name))


def _workbook(progress: Path) -> None:
    (sorted(progress.iterdir())[0] / "filled-in.xlsx").write_bytes(b"not read: L020 names it")


CHANGES = {"edited figure": _edit, "file added": _add, "file removed": _remove, "file renamed": _rename,
           "workbook left in the folder": _workbook}
# The changes each command's output shows (a clean file under another name changes nothing shown;
# a file not read is named by validate only).
SHOWN = {"validate": {"edited figure", "file added", "file removed", "workbook left in the folder"},
         "status": {"edited figure", "file added", "file removed"},
         "gap": {"edited figure", "file added", "file removed"}}


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("command", [COMMANDS[0], COMMANDS[2], COMMANDS[4]],
                         ids=["validate", "status", "gap"])
def test_a_changed_progress_folder_is_run_again(cli, progress: Path, plan_loads: list, change: str,
                                                 command: tuple[str, ...]) -> None:
    args = _args(command, progress)
    before = cli(*args)
    CHANGES[change](progress)
    after = cli(*args)
    assert after == fresh(cli, *args)
    assert len(plan_loads) == 3  # the run after the change loaded the plan: it ran in full
    if change in SHOWN[command[0]]:
        assert after != before


def test_a_changed_plan_is_run_again(cli, progress: Path, tmp_path: Path, plan_loads: list) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(PLAN, plan)
    args = ["status", "--plan", plan, "--progress", progress, "--format", "json"]
    before = cli(*args)
    text = plan.read_text(encoding="utf-8")
    edited = text.replace("target: 5000\n", "target: 6000\n", 1)
    assert edited != text
    plan.write_text(edited, encoding="utf-8")
    after = cli(*args)
    assert after == fresh(cli, *args)
    assert json.loads(after[1]) != json.loads(before[1])
    assert len(plan_loads) == 3


@pytest.mark.parametrize("options", [("--lang", "zh"), ("--format", "markdown"), ("--year", "2023")],
                         ids=["language", "format", "year"])
def test_another_option_is_another_run(cli, progress: Path, plan_loads: list, options: tuple) -> None:
    args = _args(COMMANDS[2], progress)
    cli(*args)
    other = cli(*args, *options)
    assert other == fresh(cli, *args, *options)
    assert len(plan_loads) == 3


def test_another_width_is_another_run(cli, progress: Path, plan_loads: list,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    args = _args(COMMANDS[2], progress)
    monkeypatch.setenv("COLUMNS", "120")
    wide = cli(*args)
    monkeypatch.setenv("COLUMNS", "50")
    narrow = cli(*args)
    assert narrow == fresh(cli, *args)
    assert narrow != wide
    assert len(plan_loads) == 3


def test_another_working_folder_shows_paths_from_there(cli, progress: Path, tmp_path: Path,
                                                       plan_loads: list) -> None:
    (tmp_path / "elsewhere").mkdir()
    args = ["validate", "--plan", PLAN, "--format", "json", "progress"]
    here = cli(*args, cwd=tmp_path)
    shutil.copytree(progress, tmp_path / "elsewhere" / "progress")
    there = cli(*args, cwd=tmp_path / "elsewhere")
    assert there == fresh(cli, *args)
    assert len(plan_loads) == 3
    assert here[0] == there[0]


def test_findings_and_their_exit_status_are_replayed(cli, progress: Path, plan_loads: list) -> None:
    _add(progress)  # a duplicate file: X401 errors
    args = _args(COMMANDS[0], progress)
    first = cli(*args)
    again = cli(*args)
    assert first[0] == 1 and "X401" in first[1]
    assert again == first
    assert len(plan_loads) == 1


def test_the_sample_notice_is_replayed(cli, plan_loads: list) -> None:
    args = ["status", "--format", "json", "--plan", PLAN, "--progress", ROOT / "data" / "progress"]
    first = cli(*args)
    again = cli(*args)
    assert again == first
    assert first[2]  # the notice on standard error: the output is the invented sample
    assert len(plan_loads) == 1


def test_a_run_that_stops_on_an_error_is_not_kept(cli, progress: Path, tmp_path: Path,
                                                  plan_loads: list) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace("end: 2025", "end: oops", 1), encoding="utf-8")
    args = ["status", "--plan", plan, "--progress", progress]
    first = cli(*args)
    again = cli(*args)
    assert first[0] == 2 and again == first
    assert len(plan_loads) == 2


def test_a_file_over_the_size_limit_is_never_answered_from_the_cache(cli, progress: Path,
                                                                     plan_loads: list) -> None:
    args = [*_args(COMMANDS[0], progress), "--max-bytes", "100"]
    first = cli(*args)
    again = cli(*args)
    assert first[0] == 1 and "L003" in first[1]
    assert again == first
    assert len(plan_loads) == 2  # no key can be made: both runs check the files


def test_a_damaged_record_is_a_miss(cli, progress: Path, tmp_path: Path, plan_loads: list,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCIPLAN_CACHE_DIR", str(tmp_path / "cache"))
    args = _args(COMMANDS[2], progress)
    first = cli(*args)
    with sqlite3.connect(tmp_path / "cache" / "results.sqlite3") as db:
        assert db.execute("UPDATE outputs SET value = ?", (b"\x00garbage",)).rowcount == 1
    db.close()
    assert cli(*args) == first
    assert len(plan_loads) == 2


def test_cache_info_counts_the_kept_outputs(cli, progress: Path) -> None:
    cli(*_args(COMMANDS[2], progress))
    cli(*_args(COMMANDS[4], progress))
    code, out, _ = cli("cache", "info", "--format", "json")
    assert code == 0 and json.loads(out)["outputs"] == 2
    assert json.loads(out)["digests"] == 0  # the files were written a moment ago: not yet settled


def test_an_outcome_decodes_only_what_it_encoded() -> None:
    outcome = Outcome("表\n", ("note",), 1)
    assert Outcome.decode(outcome.encode()) == outcome
    for junk in (b"", b"\x00", json.dumps(["a", [], 0]).encode(), Outcome("x", (), 0).encode()[:-3]):
        assert Outcome.decode(junk) is None
    import marshal

    assert Outcome.decode(marshal.dumps(("x", ("ok", 3), 0))) is None
    assert Outcome.decode(marshal.dumps(("x", (), True))) is None


def test_an_unchanged_run_imports_neither_the_plan_nor_the_checker(tmp_path: Path, progress: Path) -> None:
    """In a fresh interpreter, as pre-commit runs it: the second run reads one record."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCIPLAN_", "FORCE_COLOR"))}
    env.update(NO_COLOR="1", LANG="C.UTF-8", PYTHONPATH=str(ROOT), SCIPLAN_CACHE_DIR=str(tmp_path / "cache"))
    probe = ("import json, sys, sciplan.cli\n"
             "code = sciplan.cli.main(sys.argv[1:])\n"
             "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}), file=sys.stderr)\n")
    for command in (["validate", str(sorted(progress.rglob("*.yaml"))[0])],
                    ["status", "--progress", str(progress)]):
        runs = [subprocess.run([sys.executable, "-c", probe, *command, "--plan", str(PLAN)],
                               capture_output=True, text=True, env=env, timeout=120) for _ in range(2)]
        assert runs[1].stdout == runs[0].stdout
        result = json.loads(runs[1].stderr.strip().splitlines()[-1])
        assert result["code"] == 0
        heavy = [m for m in result["modules"]
                 if m.split(".")[0] in ("pydantic", "yaml", "rich")
                 or m.startswith(("sciplan.plan", "sciplan.validation", "sciplan.findings", "sciplan.loading",
                                  "sciplan.overview", "sciplan.assessment"))]
        assert heavy == []


# --- files known by their stat data -----------------------------------------------------------------

@pytest.fixture
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled as soon as they are written (the tests write them a moment before)."""
    import sciplan.output_cache

    monkeypatch.setattr(sciplan.output_cache, "SETTLED_NS", -(10**15))


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    import sciplan.output_cache

    reads: list[Path] = []
    real = sciplan.output_cache.read_regular

    def counted(path, limit):
        reads.append(Path(path))
        return real(path, limit)

    monkeypatch.setattr(sciplan.output_cache, "read_regular", counted)
    return reads


@pytest.mark.skipif(os.name != "posix", reason="on Windows every file is read and hashed")
def test_a_settled_file_is_known_by_its_stat_data_and_not_read_again(
        cli, progress: Path, plan_loads: list, settled_at_once: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    args = _args(COMMANDS[2], progress)
    first = cli(*args)
    reads = _reads(monkeypatch)
    assert cli(*args) == first
    assert [p for p in reads if p.suffix == ".yaml" and progress in p.parents] == []
    assert len(plan_loads) == 1


def test_a_file_rewritten_with_its_old_size_and_time_is_still_seen(
        cli, progress: Path, plan_loads: list, settled_at_once: None) -> None:
    args = _args(COMMANDS[2], progress)
    cli(*args)
    path = next(p for p in sorted(progress.rglob("*.yaml")) if "value: " in p.read_text(encoding="utf-8"))
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("value: "))
    figure = line.split(":", 1)[1].strip()
    other = ("1" if figure[0] != "1" else "2") + figure[1:]  # the same length, another figure
    path.write_text(text.replace(line, line.replace(figure, other), 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # size and modification time as before
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    after = cli(*args)
    assert after == fresh(cli, *args)
    assert len(plan_loads) == 3  # the change time gave the rewrite away: the run was made anew


def test_a_file_written_a_moment_ago_is_not_known_by_its_stat_data(cli, progress: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCIPLAN_CACHE_DIR", str(tmp_path / "cache"))
    (progress / "2024" / "fresh.yaml").write_bytes(sorted(progress.rglob("*.yaml"))[0].read_bytes())
    cli(*_args(COMMANDS[2], progress))
    with sqlite3.connect(tmp_path / "cache" / "results.sqlite3") as db:
        known = {Path(p).name for (p,) in db.execute("SELECT path FROM digests")}
    db.close()
    # The copied sample files are older than the settling time only if the copy kept their times: what
    # this test needs is that a file written within it is never recorded.
    assert "fresh.yaml" not in known


def test_an_output_larger_than_the_bound_is_made_again(cli, progress: Path, plan_loads: list,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from sciplan import cache

    monkeypatch.setattr(cache, "MAX_OUTPUT_BYTES", 100)  # the status screen is longer
    args = _args(COMMANDS[2], progress)
    assert cli(*args) == cli(*args)
    assert len(plan_loads) == 2
