"""Outputs and options under hostile or unlucky conditions: sciplan writes regular files only, never
over an input, fails to write with one line and exit 2, ends quietly when the reader stops, keeps
output valid UTF-8 whatever the file names, and refuses option values that make no sense.

Cases that need a real process (a full disk behind standard output, a closed pipe, a FIFO that
would block) run sciplan in a subprocess with a time limit."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sciplan.writing import NotRegularOutput, OutputExists, write_atomic

REPO = Path(__file__).parent.parent
SAMPLE = REPO / "data" / "progress"
RUN = [sys.executable, "-c", "from sciplan.cli import run; run()"]


def _sciplan(*args: str | os.PathLike[str], timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8", "NO_COLOR": "1"}
    for name in ("LC_ALL", "LC_MESSAGES", "SCIPLAN_PLAN", "SCIPLAN_PROGRESS"):
        env.pop(name, None)
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([*RUN, *map(str, args)], cwd=REPO, env=env, timeout=timeout, **kwargs)


# --- what may be written -------------------------------------------------------------------------

def test_a_dangling_link_needs_force_and_force_replaces_the_link_not_its_target(tmp_path: Path):
    target = tmp_path / "out.txt"
    pointed = tmp_path / "elsewhere.txt"
    target.symlink_to(pointed)
    with pytest.raises(OutputExists):
        write_atomic(target, "new")
    write_atomic(target, "new", force=True)
    assert not target.is_symlink() and target.read_text(encoding="utf-8") == "new"
    assert not pointed.exists()


def test_a_link_to_a_file_is_replaced_by_a_file_and_the_file_it_named_is_untouched(tmp_path: Path):
    original = tmp_path / "original.txt"
    original.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(original)
    write_atomic(link, "new", force=True)
    assert original.read_text(encoding="utf-8") == "keep"
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"


def test_a_fifo_or_a_folder_is_refused_even_with_force(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularOutput) as caught:
        write_atomic(fifo, "x", force=True)
    assert caught.value.kind == "pipe"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with pytest.raises(NotRegularOutput) as caught:
        write_atomic(tmp_path, "x", force=True)
    assert caught.value.kind == "folder"


def test_a_device_node_is_refused_with_exit_2_and_stays_a_device(cli, tmp_path: Path):
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("this user cannot make device nodes")
    code, out, err = cli("status", "-o", node, "--force")
    assert code == 2
    assert "regular files only" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_status_to_a_fifo_is_refused(cli, tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = cli("status", "-o", fifo, "--force")
    assert code == 2 and "named pipe" in err


def test_import_never_overwrites_its_own_input(cli, tmp_path: Path):
    book = tmp_path / "book.xlsx"
    code, _, _ = cli("template", "--unit", _a_reporting_unit(), "--year", "2024", "--format", "xlsx",
                     "-o", book)
    assert code == 0
    # A workbook named .yaml: the default output (its name with .yaml) is the workbook itself.
    named_yaml = tmp_path / "book.yaml"
    book.rename(named_yaml)
    before = named_yaml.read_bytes()
    code, _, err = cli("import", named_yaml, "--force")
    assert code == 2 and "reads" in err
    assert named_yaml.read_bytes() == before


def _a_reporting_unit() -> str:
    from sciplan.validation import load_plan

    plan = load_plan(REPO / "data" / "plan.yaml")
    lead = plan.groups[0].responsibility.lead
    return lead[0]


# --- failing to write ----------------------------------------------------------------------------

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_behind_standard_output_is_one_line_and_exit_2():
    with open("/dev/full", "w") as full:
        result = _sciplan("status", "--no-cache", stdout=full, stderr=subprocess.PIPE)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert "Traceback" not in err and "Exception ignored" not in err
    assert "standard output" in err and len(err.strip().splitlines()) == 1


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path: Path):
    import shutil

    figures = tmp_path / "progress"  # a copy: the shipped sample would add its notice on stderr
    shutil.copytree(SAMPLE, figures)
    # A pipe whose reader is already gone, as when `| head -1` has read its line and exited.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = _sciplan("gap", "--year", "2024", "--format", "csv", "--no-cache", "--progress", figures,
                          stdout=write_end)
    finally:
        os.close(write_end)
    assert result.stderr.decode("utf-8") == ""
    assert result.returncode == 0


# --- file names that are not UTF-8 ---------------------------------------------------------------

@pytest.fixture
def odd_name_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "progress"
    folder.mkdir()
    name = os.fsdecode(b"\xff\xfe-report.yaml")
    (folder / name).write_text("plan: [unclosed\n", encoding="utf-8")
    return folder


def test_json_output_is_valid_utf8_whatever_the_file_names(odd_name_folder: Path):
    if sys.platform == "darwin":
        pytest.skip("macOS file systems refuse names that are not UTF-8")
    result = _sciplan("validate", odd_name_folder, "--format", "json", "--no-cache")
    assert result.returncode == 1
    text = result.stdout.decode("utf-8")  # raises on a raw 0xFF byte
    files = {finding["file"] for finding in json.loads(text)["findings"]}
    assert any("\\xff\\xfe-report.yaml" in name for name in files)


def test_writing_findings_of_an_undecodable_name_to_a_file_works(cli, odd_name_folder: Path, tmp_path: Path):
    out = tmp_path / "findings.txt"
    code, _, err = cli("validate", "progress", "--no-cache", "-o", out, cwd=odd_name_folder.parent)
    assert code == 1, err
    assert "\\xff\\xfe-report.yaml" in out.read_bytes().decode("utf-8")


# --- inputs that are not regular files -----------------------------------------------------------

def test_import_of_a_fifo_ends_at_once_with_exit_2(tmp_path: Path):
    fifo = tmp_path / "book.xlsx"
    os.mkfifo(fifo)
    result = _sciplan("import", fifo, timeout=30)
    assert result.returncode == 2
    assert "not a regular file" in result.stderr.decode("utf-8")


def test_text_that_looks_like_a_formula_is_written_as_text():
    from openpyxl import load_workbook

    from sciplan.workbook import table_workbook

    data = table_workbook([("Values", ["name", "note"], [["=1+2", "=HYPERLINK(\"x\")"]])])
    sheet = load_workbook(io.BytesIO(data))["Values"]
    assert [cell.data_type for cell in sheet[2]] == ["s", "s"]
    assert [cell.value for cell in sheet[2]] == ["=1+2", "=HYPERLINK(\"x\")"]


# --- option values -------------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["0", "2147483647", "2147483648", "-1"])
def test_nonsense_job_counts_are_refused(cli, jobs: str):
    code, _, err = cli("validate", "--jobs", jobs)
    assert code == 2 and "--jobs" in err and "Traceback" not in err


def test_more_jobs_than_cpus_are_capped_with_one_note(cli, monkeypatch: pytest.MonkeyPatch):
    import sciplan.validation as validation

    monkeypatch.setattr(validation, "default_jobs", lambda: 2)
    code, _, err = cli("validate", "--jobs", "1000", "--no-cache")
    assert code == 0
    assert err.count("using 2") == 1


@pytest.mark.parametrize("size", ["1000000000000", "9223372036854775807", "0"])
def test_nonsense_size_limits_are_refused(cli, size: str):
    code, _, err = cli("validate", "--max-bytes", size)
    assert code == 2 and "--max-bytes" in err


# --- walking the progress folder -----------------------------------------------------------------

def _codes(out: str) -> set[str]:
    return {finding["code"] for finding in json.loads(out)["findings"]}


def test_symlink_loops_are_findings_not_a_crash(cli, tmp_path: Path):
    folder = tmp_path / "progress"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "a.yaml").symlink_to(folder / "2024" / "b.yaml")
    (folder / "2024" / "b.yaml").symlink_to(folder / "2024" / "a.yaml")
    (folder / "x").symlink_to(folder / "x")
    code, out, err = cli("validate", folder, "--format", "json", "--no-cache")
    assert code == 1, err
    assert _codes(out) == {"L012"}
    assert "Traceback" not in err


def test_a_thousand_nested_folders_are_walked_without_recursion(cli, tmp_path: Path):
    folder = tmp_path / "progress"
    # os.makedirs would recurse; make them one by one through a relative path, as a script would.
    os.makedirs(folder)
    os.chdir(folder)
    for _ in range(1100):
        os.mkdir("d")
        os.chdir("d")
    os.chdir(tmp_path)
    try:
        code, out, err = cli("validate", folder, "--format", "json", "--no-cache")
    finally:
        _remove_chain(folder, 1100)
    assert code == 1, err
    assert "L019" in _codes(out)


def _remove_chain(folder: Path, depth: int) -> None:
    """Remove a chain of nested `d` folders from the bottom, without recursion (rmtree would recurse)."""
    os.chdir(folder)
    for _ in range(depth):
        os.chdir("d")
    for _ in range(depth):
        os.chdir("..")
        os.rmdir("d")
    os.chdir(folder.parent)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_a_finding(cli, tmp_path: Path):
    folder = tmp_path / "progress"
    (folder / "2023").mkdir(parents=True)
    (folder / "2024").mkdir()
    (folder / "2024" / "a.yaml").write_text("plan: x\n", encoding="utf-8")
    (folder / "2023").chmod(0)
    try:
        code, out, _ = cli("validate", folder, "--format", "json", "--no-cache")
    finally:
        (folder / "2023").chmod(0o755)
    assert "L018" in _codes(out) and code == 1


def test_an_unreadable_folder_is_a_finding_also_for_root(cli, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "progress"
    (folder / "2023").mkdir(parents=True)
    (folder / "2024").mkdir()
    (folder / "2024" / "a.yaml").write_text("plan: x\n", encoding="utf-8")
    real_scandir = os.scandir

    def refusing_scandir(path):
        if Path(path).name == "2023":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    code, out, _ = cli("validate", folder, "--format", "json", "--no-cache")
    findings = json.loads(out)["findings"]
    unreadable = [f for f in findings if f["code"] == "L018"]
    assert code == 1 and len(unreadable) == 1
    assert unreadable[0]["file"].endswith("2023")
