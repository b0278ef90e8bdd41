"""The cache of checked files: served only when nothing that shapes a result has changed.

A warm run must give exactly what a run without the cache gives; an edited file (even one whose
size and mtime are restored), a changed plan and another sciplan version are checked afresh; a
corrupt or unwritable cache is ignored; cross-file checks still run over cached results.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

import sciplan
from sciplan import cache
from sciplan import progress as pf
from sciplan.findings import Severity, make
from sciplan.plan import Plan
from sciplan.validation import FileResult, Validation, load_plan, validate_paths
from sciplan.validation import runner as validation

EXAMPLES = Path(__file__).parent / "examples"
PLAN = Path(__file__).parent.parent / "data" / "plan.yaml"

REPORT = """\
plan: xinhuang-science-literacy
plan_version: 1
unit: 县农业农村局
period: 2024
values:
- indicator: farmer-trainings
  value: {value}
"""


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the files actually parsed and checked (not served from the cache)."""
    checked: list[str] = []
    real = validation.check_loaded

    def spy(plan, loaded):
        checked.append(loaded.document.file if loaded.document else loaded.findings[0].file)
        return real(plan, loaded)

    monkeypatch.setattr(validation, "check_loaded", spy)
    return checked


def snapshot(result: Validation) -> tuple:
    return (result.report.files, result.report.findings, result.submissions, result.values, result.tasks,
            result.milestones)


def examples(tmp_path: Path) -> Path:
    corpus = tmp_path / "examples"
    for kind in ("valid", "invalid"):
        for case in sorted(p for p in (EXAMPLES / kind).iterdir() if p.is_dir()):
            shutil.copytree(case, corpus / kind / case.name, symlinks=True,
                            ignore=shutil.ignore_patterns("expected.yaml"))
    return corpus


def one_report(folder: Path, value: str = "1200") -> Path:
    path = folder / "2024" / "agriculture.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(REPORT.format(value=value), encoding="utf-8")
    return path


# --- the codec -----------------------------------------------------------------------------------

def test_codec_round_trips_every_kind_of_result() -> None:
    place = pf.Place("2024/县科协.yaml", 7)
    result = FileResult(
        findings=[make("S104", "`value` is text ('1,200'), not a number", hint="写 `value: 1200`",
                       file="2024/a.yaml", line=3, column=10, path="values[0].value"),
                  make("W503", "no evidence", file="2024/a.yaml"),
                  make("L016", "no .yaml files", file=None)],
        submission=pf.Submission("2024/a.yaml", "cast", 2024, "huangzhou", dt.date(2025, 1, 20)),
        values=[pf.ValueRecord("cast", 2024, None, "farmer-trainings", 1200.0, place),
                pf.ValueRecord("cast", 2024, "huangzhou", "literacy-rate", 12.5, pf.Place("b.yaml", None))],
        tasks=[pf.TaskRecord("cast", 2024, None, "farmers.2", pf.TaskStatus.DONE, "举办培训班 6 期", place),
               pf.TaskRecord("cast", 2024, None, "farmers.3", pf.TaskStatus.NOT_STARTED, None, place)],
        milestones=[pf.MilestoneRecord("cast", 2022, "outline-publicity", pf.TaskStatus.BLOCKED, None, place),
                    pf.MilestoneRecord("cast", 2022, "literacy-survey", pf.TaskStatus.DONE,
                                       dt.date(2023, 5, 1), place)],
    )
    codec = cache.codec_for(FileResult)
    back = codec.loads(codec.dumps(result))
    assert back == result
    assert back.findings[1].severity is Severity.WARNING
    assert back.tasks[0].status is pf.TaskStatus.DONE
    assert type(back.values[0].value) is float and type(back.submission.year) is int
    assert codec.loads(codec.dumps(FileResult())) == FileResult()


def test_codec_refuses_a_field_it_cannot_store() -> None:
    from dataclasses import dataclass

    @dataclass
    class Odd:
        where: Path

    with pytest.raises(TypeError, match="cannot store"):
        cache.RecordCodec(Odd)


# --- served only when unchanged ------------------------------------------------------------------

def test_warm_run_equals_a_run_without_cache(plan: Plan, tmp_path: Path, counted: list[str]) -> None:
    corpus = examples(tmp_path)
    store = tmp_path / "cache"
    plain = snapshot(validate_paths(plan, [corpus]))
    checked_without_cache = len(counted)
    assert checked_without_cache > 10
    assert snapshot(validate_paths(plan, [corpus], cache=store)) == plain  # cold: fills the cache
    counted.clear()
    assert snapshot(validate_paths(plan, [corpus], cache=store)) == plain  # warm
    assert counted == []  # nothing parsed or checked again


def test_results_held_in_small_portions_change_nothing(plan: Plan, tmp_path: Path, counted: list[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A run holds only so many encoded results: new ones are written out on the way, found ones past
    the portion are read again at their turn. Neither changes a result."""
    corpus = examples(tmp_path)
    store = tmp_path / "cache"
    plain = snapshot(validate_paths(plan, [corpus]))
    saves: list[int] = []
    real_save = cache.ResultStore.save
    monkeypatch.setattr(cache.ResultStore, "save",
                        lambda self: saves.append(len(self._pending)) or real_save(self))
    monkeypatch.setattr(validation, "_KEEP_BYTES", 4000)
    assert snapshot(validate_paths(plan, [corpus], cache=store)) == plain  # cold, written in portions
    assert len(saves) > 3 and max(saves) < 20
    counted.clear()
    again: list[str] = []
    real_get = cache.ResultStore.get
    monkeypatch.setattr(cache.ResultStore, "get", lambda self, d, h: again.append(d) or real_get(self, d, h))
    assert snapshot(validate_paths(plan, [corpus], cache=store)) == plain  # warm, most read twice
    assert counted == []
    assert len(again) > 1.5 * plain[0]


def test_a_malformed_entry_read_at_its_turn_is_a_miss(plan: Plan, tmp_path: Path, counted: list[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = examples(tmp_path)
    store = tmp_path / "cache"
    plain = snapshot(validate_paths(plan, [corpus], cache=store))
    rewrite_results(store, lambda blob: b"\x00not marshal")
    monkeypatch.setattr(validation, "_KEEP_BYTES", 0)
    counted.clear()
    assert snapshot(validate_paths(plan, [corpus], cache=store)) == plain
    assert len(counted) > 10
    counted.clear()
    assert snapshot(validate_paths(plan, [corpus], cache=store)) == plain
    assert counted == []  # they were written again


def test_an_edited_file_is_checked_again_even_with_size_and_mtime_kept(plan: Plan, tmp_path: Path,
                                                                       counted: list[str]) -> None:
    path = one_report(tmp_path / "progress", "1200")
    store = tmp_path / "cache"
    first = validate_paths(plan, [tmp_path / "progress"], cache=store)
    assert [v.value for v in first.values] == [1200.0]
    stat = path.stat()
    path.write_text(REPORT.format(value="1300"), encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    counted.clear()
    second = validate_paths(plan, [tmp_path / "progress"], cache=store)
    assert [v.value for v in second.values] == [1300.0]
    assert len(counted) == 1
    path.write_text(REPORT.format(value='"1,200"'), encoding="utf-8")
    third = validate_paths(plan, [tmp_path / "progress"], cache=store)
    assert [f.code for f in third.report.findings] == ["S104"] and third.values == []


def test_a_changed_plan_is_never_served_stale(plan: Plan, tmp_path: Path, counted: list[str]) -> None:
    one_report(tmp_path / "progress")
    store = tmp_path / "cache"
    assert validate_paths(plan, [tmp_path / "progress"], cache=store).report.findings == []
    changed_file = tmp_path / "plan.yaml"
    changed_file.write_text(PLAN.read_text(encoding="utf-8").replace("\nversion: 1\n", "\nversion: 2\n", 1),
                            encoding="utf-8")
    changed = load_plan(changed_file)
    assert changed.version == 2
    counted.clear()
    result = validate_paths(changed, [tmp_path / "progress"], cache=store)
    assert [f.code for f in result.report.findings] == ["R213"]
    assert len(counted) == 1
    # and back: the first plan's results are still there
    counted.clear()
    assert validate_paths(plan, [tmp_path / "progress"], cache=store).report.findings == []
    assert counted == []


def test_a_new_sciplan_version_is_never_served_stale(plan: Plan, tmp_path: Path, counted: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    one_report(tmp_path / "progress")
    store = tmp_path / "cache"
    validate_paths(plan, [tmp_path / "progress"], cache=store)
    counted.clear()
    validate_paths(plan, [tmp_path / "progress"], cache=store)
    assert counted == []
    monkeypatch.setattr(sciplan, "__version__", "99.0.0")
    validate_paths(plan, [tmp_path / "progress"], cache=store)
    assert len(counted) == 1


def warm_cache(plan: Plan, tmp_path: Path, counted: list[str]) -> Path:
    """A cache holding the one report of `one_report`, and nothing counted yet."""
    one_report(tmp_path / "progress")
    store = tmp_path / "cache"
    validate_paths(plan, [tmp_path / "progress"], cache=store)
    counted.clear()
    return store


def test_other_code_is_another_namespace(plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    key = validation._cache_key(plan, 1 << 20)
    assert validation._cache_key(plan, 1 << 10) != key  # the size limit changes results

    monkeypatch.setattr(cache, "code_fingerprint", lambda: "0.1.0:other-source")
    assert validation._cache_key(plan, 1 << 20) != key


def test_the_date_is_not_part_of_the_key(plan: Plan, tmp_path: Path, counted: list[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """No rule reads the date, so a result checked yesterday is served today."""
    store = warm_cache(plan, tmp_path, counted)
    parts: list[tuple[str, ...]] = []
    real = cache.namespace
    monkeypatch.setattr(cache, "namespace", lambda *given: parts.append(given) or real(*given))
    validate_paths(plan, [tmp_path / "progress"], cache=store)
    assert counted == [] and parts
    today = dt.date.today()
    assert not [part for part in parts[0] if today.isoformat() in part]


def test_same_bytes_under_another_name_are_checked_as_that_file(plan: Plan, tmp_path: Path) -> None:
    progress = tmp_path / "progress"
    path = one_report(progress)
    store = tmp_path / "cache"
    validate_paths(plan, [progress], cache=store)
    moved = progress / "2023" / "agriculture.yaml"
    moved.parent.mkdir()
    path.rename(moved)
    result = validate_paths(plan, [progress], cache=store)
    assert [(f.code, f.file) for f in result.report.findings] == [("R211", str(moved))]


def test_cross_file_checks_run_over_cached_results(plan: Plan, tmp_path: Path, counted: list[str]) -> None:
    progress = tmp_path / "progress"
    one_report(progress)
    shutil.copy(progress / "2024" / "agriculture.yaml", progress / "2024" / "agriculture-again.yaml")
    store = tmp_path / "cache"
    cold = validate_paths(plan, [progress], cache=store)
    counted.clear()
    warm = validate_paths(plan, [progress], cache=store)
    assert counted == []
    assert [f.code for f in warm.report.findings] == [f.code for f in cold.report.findings] == ["X401"]
    assert len(warm.values) == 1  # the second report is dropped, from cached records too


# --- a cache that is broken, locked, forged or cannot be written -----------------------------------

def database(store: Path) -> Path:
    return store / cache.DATABASE


def entries(store: Path) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(database(store)) as db:
        return db.execute("SELECT namespace, display, digest, result FROM results").fetchall()


def rewrite_results(store: Path, change) -> None:
    """Replace every stored result with change(result), as someone editing the database would."""
    import sqlite3

    db = sqlite3.connect(database(store))
    with db:
        for namespace, display, _, result in db.execute("SELECT * FROM results").fetchall():
            db.execute("UPDATE results SET result = ? WHERE namespace = ? AND display = ?",
                       (change(result), namespace, display))
    db.close()


@pytest.mark.parametrize("damage", ["garbage", "truncate", "empty", "other-format"])
def test_a_corrupt_database_is_ignored_and_rebuilt(plan: Plan, tmp_path: Path, counted: list[str],
                                                   damage: str) -> None:
    import sqlite3

    corpus = examples(tmp_path)
    store = tmp_path / "cache"
    plain = snapshot(validate_paths(plan, [corpus], cache=store))
    path = database(store)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every entry in the main file
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 999")
    counted.clear()
    assert snapshot(validate_paths(plan, [corpus], cache=store)) == plain
    assert len(counted) > 10  # everything checked again ...
    counted.clear()
    assert snapshot(validate_paths(plan, [corpus], cache=store)) == plain
    assert counted == []  # ... and the cache rebuilt


@pytest.mark.parametrize("forgery", ["not-marshal", "wrong-shape", "wrong-types", "huge-list"])
def test_a_malformed_entry_is_a_miss_never_a_crash(plan: Plan, tmp_path: Path, counted: list[str],
                                                   forgery: str) -> None:
    import marshal

    corpus = examples(tmp_path)
    store = tmp_path / "cache"
    plain = snapshot(validate_paths(plan, [corpus], cache=store))
    forged = {
        "not-marshal": lambda blob: b"\x00not marshal",
        "wrong-shape": lambda blob: marshal.dumps((1, 2)),
        # Valid marshal of the right length, fields of the wrong types: what made TypeError/IndexError.
        "wrong-types": lambda blob: marshal.dumps(tuple(7 for _ in marshal.loads(blob))),
        "huge-list": lambda blob: marshal.dumps(((("x",) * 3),) + marshal.loads(blob)[1:]),
    }[forgery]
    rewrite_results(store, forged)
    counted.clear()
    assert snapshot(validate_paths(plan, [corpus], cache=store)) == plain
    assert len(counted) > 10


def test_a_cache_in_a_folder_others_can_write_is_not_used(plan: Plan, tmp_path: Path,
                                                          counted: list[str]) -> None:
    """A forged "clean" entry must not make a file with errors pass: a folder that others may write
    to is not trusted, so its entries are never read."""
    progress = tmp_path / "progress"
    bad = one_report(progress, "'1,200'")  # S104: a number written as text
    store = tmp_path / "cache"
    first = validate_paths(plan, [progress], cache=store)
    assert first.report.errors == 1
    # Forge: the entry of the bad file replaced by the result of a clean file with the same bytes' digest.
    clean_blob = cache.codec_for(FileResult).dumps(FileResult())
    rewrite_results(store, lambda blob: clean_blob)
    store.chmod(0o777)
    counted.clear()
    again = validate_paths(plan, [progress], cache=store)
    assert again.report.errors == 1 and counted == [str(bad)]
    assert cache.cache_info(store)["usable"] is False


@pytest.mark.parametrize("kind", ["fifo", "symlink", "sparse"])
def test_a_database_that_is_not_a_plain_file_is_skipped(plan: Plan, tmp_path: Path, kind: str) -> None:
    one_report(tmp_path / "progress")
    store = tmp_path / "cache"
    store.mkdir(mode=0o700)
    path = database(store)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        (tmp_path / "elsewhere.sqlite3").write_bytes(b"")
        path.symlink_to(tmp_path / "elsewhere.sqlite3")
    else:
        with path.open("wb") as handle:  # 2 GiB that occupy no disk
            handle.truncate(2 << 30)
    for _ in range(2):
        result = validate_paths(plan, [tmp_path / "progress"], cache=store)
        assert result.report.findings == [] and len(result.values) == 1
    assert cache.cache_info(store)["entries"] == 0


def test_a_locked_database_is_bypassed(plan: Plan, tmp_path: Path) -> None:
    import sqlite3

    one_report(tmp_path / "progress")
    store = tmp_path / "cache"
    validate_paths(plan, [tmp_path / "progress"], cache=store)
    one_report(tmp_path / "progress", "1300")  # a changed file: its new result must be written
    holder = sqlite3.connect(database(store), timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        original = cache.BUSY_MS
        cache.BUSY_MS = 50
        result = validate_paths(plan, [tmp_path / "progress"], cache=store)
    finally:
        cache.BUSY_MS = original
        holder.rollback()
        holder.close()
    assert result.report.findings == [] and result.values[0].value == 1300


def test_two_processes_at_once_lose_nothing(tmp_path: Path) -> None:
    """2 x 20 runs at once over one cache: each gives what a run without the cache gives, and every
    entry afterwards is the file's own. (The 20 files are one unit's, so X401 is part of the result.)"""
    import subprocess
    import sys

    progress = tmp_path / "progress"
    for n in range(20):
        path = progress / "2024" / f"u{n}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REPORT.format(value=1000 + n), encoding="utf-8")
    store = tmp_path / "cache"
    script = ("from pathlib import Path\nfrom sciplan.validation import load_plan, validate_paths\n"
              f"plan = load_plan(Path({str(PLAN)!r}))\n"
              f"plain = validate_paths(plan, [Path({str(progress)!r})])\n"
              "for n in range(20):\n"
              f"    r = validate_paths(plan, [Path({str(progress)!r})], cache=Path({str(store)!r}))\n"
              "    assert (r.report.findings, r.values) == (plain.report.findings, plain.values)\n")
    runs = [subprocess.Popen([sys.executable, "-c", script], cwd=Path(__file__).parent.parent,
                             stderr=subprocess.PIPE) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    stored = entries(store)
    assert len(stored) == 20
    codec = cache.codec_for(FileResult)
    for _, display, digest, blob in stored:
        result = codec.loads(blob)
        path = Path(display)
        assert digest == cache.digest(path.read_bytes())
        assert result.values[0].value == 1000 + int(path.stem[1:])


def test_an_unwritable_cache_is_no_failure(plan: Plan, tmp_path: Path) -> None:
    one_report(tmp_path / "progress")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    for _ in range(2):
        result = validate_paths(plan, [tmp_path / "progress"], cache=blocked)
        assert result.report.findings == [] and len(result.values) == 1
    assert blocked.read_text(encoding="utf-8").startswith("a file")


def test_a_new_cache_folder_is_private(plan: Plan, tmp_path: Path) -> None:
    one_report(tmp_path / "progress")
    store = tmp_path / "new" / "cache"
    validate_paths(plan, [tmp_path / "progress"], cache=store)
    assert store.stat().st_mode & 0o777 == 0o700
    assert cache.cache_info(store)["entries"] == 1


def test_old_namespaces_are_pruned(plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one_report(tmp_path / "progress")
    store = tmp_path / "cache"
    for n in range(cache.KEEP_STORES + 3):
        monkeypatch.setattr(sciplan, "__version__", f"0.0.{n}")
        validate_paths(plan, [tmp_path / "progress"], cache=store)
    assert cache.cache_info(store)["namespaces"] == cache.KEEP_STORES + 1
    assert len({namespace for namespace, *_ in entries(store)}) == cache.KEEP_STORES + 1


def test_entries_of_files_gone_are_dropped_past_the_bound(plan: Plan, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    store = tmp_path / "cache"
    for n in range(5):
        folder = tmp_path / f"p{n}"
        one_report(folder, str(1000 + n))
        validate_paths(plan, [folder], cache=store)
    assert len(entries(store)) <= 3


def test_clear_removes_the_database(plan: Plan, tmp_path: Path) -> None:
    one_report(tmp_path / "progress")
    store = tmp_path / "cache"
    validate_paths(plan, [tmp_path / "progress"], cache=store)
    assert cache.cache_info(store)["entries"] == 1
    assert cache.clear_cache(store) >= 1
    assert not database(store).exists() and cache.cache_info(store)["entries"] == 0


# --- the command line ------------------------------------------------------------------------------

def test_cli_uses_the_cache_folder_from_the_environment(cli, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    progress = tmp_path / "progress"
    one_report(progress)
    store = tmp_path / "my-cache"
    monkeypatch.setenv("SCIPLAN_CACHE_DIR", str(store))
    first = cli("validate", "--plan", PLAN, progress)
    assert first[0] == 0 and database(store).is_file()
    assert cli("validate", "--plan", PLAN, progress) == first
    for command in (["status"], ["gap", "--year", "2024"]):
        assert cli(*command, "--plan", PLAN, "--progress", progress)[0] == 0


def test_cli_no_cache_writes_nothing(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    progress = tmp_path / "progress"
    one_report(progress)
    store = tmp_path / "my-cache"
    monkeypatch.setenv("SCIPLAN_CACHE_DIR", str(store))
    assert cli("validate", "--no-cache", "--plan", PLAN, progress)[0] == 0
    assert cli("status", "--no-cache", "--plan", PLAN, "--progress", progress)[0] == 0
    assert cli("gap", "--no-cache", "--year", "2024", "--plan", PLAN, "--progress", progress)[0] == 0
    assert not store.exists()


def test_default_folder_is_the_users_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import platformdirs

    assert cache.default_folder() == Path(platformdirs.user_cache_dir("sciplan", appauthor=False))
    from sciplan.cli import Settings

    monkeypatch.setenv("SCIPLAN_CACHE_DIR", str(tmp_path))
    assert Settings(None, None).cache_folder() == tmp_path
    assert Settings(None, None, use_cache=False).cache_folder() is None
    monkeypatch.delenv("SCIPLAN_CACHE_DIR")
    assert Settings(None, None).cache_folder() == cache.default_folder()


# --- the checked plan, kept --------------------------------------------------------------------------

def _plan_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from sciplan.validation import plan_file

    calls: list[str] = []
    real = plan_file._check_loaded

    def spy(loaded, display):
        calls.append(display)
        return real(loaded, display)

    monkeypatch.setattr(plan_file, "_check_loaded", spy)
    return calls


def test_a_checked_plan_is_read_back_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _plan_checks(monkeypatch)
    store = tmp_path / "cache"
    first = load_plan(PLAN, cache=store)
    second = load_plan(PLAN, cache=store)
    assert len(calls) == 1
    fresh = load_plan(PLAN)
    assert second == fresh == first
    assert [i.target_text for i in second.indicators] == [i.target_text for i in fresh.indicators]
    assert second.indicator(fresh.indicators[0].id) is second.indicators[0]
    assert cache.cache_info(store)["plans"] == 1


def test_an_edited_plan_is_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _plan_checks(monkeypatch)
    store = tmp_path / "cache"
    plan_path = tmp_path / "plan.yaml"
    shutil.copyfile(PLAN, plan_path)
    load_plan(plan_path, cache=store)
    text = plan_path.read_text(encoding="utf-8")
    plan_path.write_text(text.replace("\nversion: 1\n", "\nversion: 2\n", 1), encoding="utf-8")
    edited = load_plan(plan_path, cache=store)
    assert len(calls) == 2 and edited.version == 2
    # and the files' results of the two plans are kept apart
    shipped = load_plan(PLAN, cache=store)
    assert validation._cache_key(edited, 1 << 20) != validation._cache_key(shipped, 1 << 20)


@pytest.mark.parametrize("blob", [b"not a pickle", b"\x80\x05K\x01.",  # the number 1
                                  b"\x80\x04\x95\x13\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x8c\x06getcwd\x93)R."],
                         ids=["garbage", "not-a-plan", "foreign-global"])
def test_a_kept_plan_that_is_not_one_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               blob: bytes) -> None:
    from sciplan.validation import plan_file

    calls = _plan_checks(monkeypatch)
    store = tmp_path / "cache"
    load_plan(PLAN, cache=store)
    called: list[str] = []
    monkeypatch.setattr(os, "getcwd", lambda: called.append("getcwd") or "/")
    db = __import__("sqlite3").connect(store / cache.DATABASE)
    with db:
        db.execute("UPDATE objects SET value = ?", (blob,))
    db.close()
    assert plan_file._unpickled_plan(blob) is None
    assert load_plan(PLAN, cache=store) == load_plan(PLAN)
    assert len(calls) == 3 and called == []


def test_the_plan_is_not_kept_in_a_folder_others_may_write(tmp_path: Path) -> None:
    store = tmp_path / "shared"
    store.mkdir(mode=0o777)
    store.chmod(0o777)
    load_plan(PLAN, cache=store)
    assert not (store / cache.DATABASE).exists()


# --- sciplan cache info / clear -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cache_info_and_clear(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    store = tmp_path / "cache"
    monkeypatch.setenv("SCIPLAN_CACHE_DIR", str(store))
    code, out, _ = cli("cache", "info", "--lang", lang)
    assert code == 0
    assert out == {"en": f"cache folder: {store}\nno cache yet: the next run that checks files makes one\n",
                   "zh": f"缓存文件夹：{store}\n尚无缓存：下次检查文件时会自动建立\n"}[lang]
    progress = tmp_path / "progress"
    one_report(progress)
    assert cli("validate", "--plan", PLAN, progress)[0] == 0
    code, out, _ = cli("cache", "info", "--lang", lang)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[2] == {"en": "kept: 1 checked files in 1 namespaces (plans, options, sciplan versions), "
                              "1 checked plans, 1 whole outputs of validate, status and gap, "
                              "0 files known by their stat data",
                        "zh": "已保存：1 个文件的检查结果（分属 1 组方案、选项或 sciplan 版本），"
                              "1 份已检查的方案，1 份 validate、status、gap 的完整输出，"
                              "0 个按文件属性识别的文件"}[lang]
    code, out, _ = cli("cache", "clear", "--lang", lang)
    assert code == 0 and not (store / cache.DATABASE).exists()
    assert out == {"en": f"cleared the cache in {store} (1 file removed)\n",
                   "zh": f"已清空缓存 {store}（删除 1 个文件）\n"}[lang]
    code, out, _ = cli("cache", "clear", "--lang", lang)
    assert out == {"en": f"nothing to clear: no cache in {store}\n",
                   "zh": f"无需清空：{store} 中没有缓存\n"}[lang]


def test_cache_info_and_clear_as_json(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    store = tmp_path / "cache"
    monkeypatch.setenv("SCIPLAN_CACHE_DIR", str(store))
    progress = tmp_path / "progress"
    one_report(progress)
    cli("validate", "--plan", PLAN, progress)
    code, out, _ = cli("cache", "info", "--format", "json")
    info = json.loads(out)
    assert code == 0
    assert {k: info[k] for k in ("schema_version", "folder", "exists", "usable", "entries", "namespaces",
                                 "plans")} == {"schema_version": 1, "folder": str(store), "exists": True,
                                               "usable": True, "entries": 1, "namespaces": 1, "plans": 1}
    assert info["bytes"] > 0
    code, out, _ = cli("cache", "clear", "--format", "json")
    assert json.loads(out) == {"schema_version": 1, "folder": str(store), "removed": 1}


def test_cache_info_says_when_the_folder_is_not_used(cli, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "shared"
    store.mkdir()
    store.chmod(0o777)
    monkeypatch.setenv("SCIPLAN_CACHE_DIR", str(store))
    code, out, _ = cli("cache", "info")
    assert code == 0 and "not used: others may write to this folder" in out
