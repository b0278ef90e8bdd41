"""Hostile and unlucky input: every case gives its finding or its exit status, in bounded time and memory.

The cases are folders under tests/examples/hostile/, beside the YAML corpus of valid and invalid files:
`case.yaml` says what to run (`args`, with `{case}` standing for the case's copy), what it must give
(`exit`, the finding `codes` of its JSON output, or a piece of `stderr`) and its bounds (`seconds`,
`megabytes`); `one_line: true` where the error must be a single line. Inputs that are large or cannot be
committed (workbook bombs, symbolic-link loops, a thousand nested folders, a named pipe) are built at
test time by the function named in `build`. Each case runs sciplan in its own process: killed past its
time, and its peak memory (the child's own maximum resident size) held to its bound. A new case is a new
folder.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "examples" / "hostile"
SHIPPED_PLAN = ROOT / "data" / "plan.yaml"
ADDRESS_SPACE = 4 << 30  # a safety net under the measured bound: no case may take the machine down


def _case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "case.yaml").is_file())


# --- builders: inputs made at test time ------------------------------------------------------------

def _plan_with(old: str, new: str):
    def build(case: Path) -> None:
        text = SHIPPED_PLAN.read_text(encoding="utf-8")
        assert text.count(old) == 1
        (case / "plan.yaml").write_text(text.replace(old, new), encoding="utf-8")
    return build


def _filled_workbook() -> bytes:
    import random
    import tempfile

    from test_workbook import PLAN, YEAR, fill

    from sciplan.templates import build_template
    from sciplan.workbook import template_workbook

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "health.xlsx"
        path.write_bytes(template_workbook(build_template(PLAN, PLAN.unit("health"), YEAR)))
        fill(path, random.Random(5))
        return path.read_bytes()


def _workbook_hidden_sheets(case: Path) -> None:
    from test_workbook_limits import _add_sheets, _big_sheet, _parts, _zipped

    parts = _parts(_filled_workbook())
    parts["xl/worksheets/big.xml"] = _big_sheet(24)
    _add_sheets(parts, [(f"h{n}", "hidden", "worksheets/big.xml") for n in range(200)])
    (case / "book.xlsx").write_bytes(_zipped(parts))


def _workbook_shared_strings(case: Path) -> None:
    from test_workbook_limits import _parts, _zipped

    parts = _parts(_filled_workbook())
    padding = b"<si><t>x</t></si>" * ((60 << 20) // 17)
    parts["xl/sharedStrings.xml"] = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                     + padding + b"</sst>")
    override = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.spreadsheetml.sharedStrings+xml"/>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", override + b"</Types>")
    (case / "book.xlsx").write_bytes(_zipped(parts))


def _workbook_400_nines(case: Path) -> None:
    from test_workbook import PLAN
    from test_workbook_limits import _edited, _parts, _sheet_part, _value_cell, _zipped

    indicator = PLAN.indicators_of_unit("health")[0].id

    def change(book):
        _value_cell(book, indicator).value = 987654321
    parts = _parts(_edited(_filled_workbook(), change))
    values = _sheet_part(parts, "Values")
    parts[values] = parts[values].replace(b"<v>987654321</v>", b"<v>" + b"9" * 400 + b"</v>")
    (case / "book.xlsx").write_bytes(_zipped(parts))


def _workbook_hidden_override(case: Path) -> None:
    from test_workbook_limits import _with_hidden_values

    (case / "book.xlsx").write_bytes(_with_hidden_values(_filled_workbook(), "Values ", "veryHidden", 999))


def _symlink_loop(case: Path) -> None:
    year = case / "progress" / "2024"
    year.mkdir(parents=True)
    (year / "a.yaml").symlink_to(year / "b.yaml")
    (year / "b.yaml").symlink_to(year / "a.yaml")
    (case / "progress" / "x").symlink_to(case / "progress" / "x")


DEEP = 1100


def _deep_folders(case: Path) -> None:
    here = os.getcwd()
    (case / "progress").mkdir()
    os.chdir(case / "progress")
    try:
        for _ in range(DEEP):  # one by one through a relative path: os.makedirs would recurse
            os.mkdir("d")
            os.chdir("d")
    finally:
        os.chdir(here)


def _remove_deep_folders(case: Path) -> None:
    """Remove the chain from the bottom; shutil.rmtree (and pytest's clean-up) would recurse."""
    here = os.getcwd()
    os.chdir(case / "progress")
    try:
        depth = 0
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)


def _output_fifo(case: Path) -> None:
    os.mkfifo(case / "pipe")


def _input_fifo(case: Path) -> None:
    os.mkfifo(case / "book.xlsx")


def _import_own_input(case: Path) -> None:
    from sciplan.templates import build_template
    from sciplan.validation import load_plan
    from sciplan.workbook import template_workbook

    plan = load_plan(SHIPPED_PLAN)
    unit = plan.unit(plan.groups[0].responsibility.lead[0])
    (case / "book.yaml").write_bytes(template_workbook(build_template(plan, unit, 2024)))


BUILDERS = {
    "plan_nan_target": _plan_with("  target: 5000\n", "  target: .nan\n"),
    "plan_endless_period": _plan_with("period:\n  start: 2021\n  end: 2025\n",
                                      "period:\n  start: 2021\n  end: 1000000\n"),
    "workbook_hidden_sheets": _workbook_hidden_sheets,
    "workbook_shared_strings": _workbook_shared_strings,
    "workbook_400_nines": _workbook_400_nines,
    "workbook_hidden_override": _workbook_hidden_override,
    "symlink_loop": _symlink_loop,
    "deep_folders": _deep_folders,
    "output_fifo": _output_fifo,
    "input_fifo": _input_fifo,
    "import_own_input": _import_own_input,
}
CLEAN_UP = {"deep_folders": _remove_deep_folders}


# --- running one case ------------------------------------------------------------------------------

def _limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _run(args: list[str], cwd: Path, cache: Path, seconds: float) -> tuple[int, str, str, float, int]:
    """(exit status, stdout, stderr, seconds taken, peak resident megabytes) of one sciplan run."""
    import threading

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "NO_COLOR": "1",
           "PYTHONPATH": str(ROOT), "SCIPLAN_CACHE_DIR": str(cache)}
    out_path, err_path = cwd / "stdout.txt", cwd / "stderr.txt"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-c", "from sciplan.cli import run; run()", *args], cwd=cwd,
                                 env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                 preexec_fn=_limit_address_space)
    timer = threading.Timer(seconds, child.kill)
    timer.start()
    try:
        # wait4 gives this child's own peak memory, not the largest of every child the tests started.
        _, status, usage = os.wait4(child.pid, 0)
    finally:
        timer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)
    taken = time.monotonic() - started
    if taken >= seconds:
        pytest.fail(f"still running after {seconds} s: sciplan {' '.join(args)}")
    return (child.returncode, out_path.read_text(encoding="utf-8"), err_path.read_text(encoding="utf-8"),
            taken, usage.ru_maxrss // 1024)


@pytest.mark.parametrize("name", _case_names())
def test_hostile_case(name: str, tmp_path: Path) -> None:
    case = tmp_path / name
    shutil.copytree(CASES / name, case, ignore=shutil.ignore_patterns("case.yaml"))
    spec = yaml.safe_load((CASES / name / "case.yaml").read_text(encoding="utf-8"))
    build = spec.get("build")
    if build:
        BUILDERS[build](case)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    args = [str(a).format(case=case) for a in spec["args"]]
    try:
        code, out, err, seconds, megabytes = _run(args, tmp_path, cache, spec["seconds"])
    finally:
        if build in CLEAN_UP:
            CLEAN_UP[build](case)
    assert "Traceback" not in err, err
    assert code == spec["exit"], (out, err)
    if "codes" in spec:
        codes = {finding["code"] for finding in json.loads(out)["findings"]}
        assert set(spec["codes"]) <= codes, codes
    if "stderr" in spec:
        assert spec["stderr"] in err
    if spec.get("one_line"):
        assert len(err.strip().splitlines()) == 1, err
    assert seconds <= spec["seconds"]
    assert megabytes <= spec["megabytes"], f"peak {megabytes} MB"


def test_every_builder_is_used_by_a_case() -> None:
    used = {yaml.safe_load((CASES / n / "case.yaml").read_text(encoding="utf-8")).get("build")
            for n in _case_names()}
    assert set(BUILDERS) <= used


def test_ctrl_c_stops_a_parallel_check_within_a_second_or_two(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group; the workers ignore it and the main process ends them.
    Before, the pool finished its queue first (5-8 s)."""
    import signal

    progress = tmp_path / "progress"
    sample = sorted((ROOT / "data" / "progress").rglob("*.yaml"))
    for n in range(40):  # 40 copies of the sample: thousands of files, seconds of work for two processes
        for path in sample:
            target = progress / f"copy{n}" / path.relative_to(ROOT / "data" / "progress")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", "from sciplan.cli import run; run()", "validate",
                              str(progress), "--jobs", "2", "--no-cache"], cwd=tmp_path, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(1.5)
    assert child.poll() is None, "the check ended before it could be interrupted: make the corpus larger"
    interrupted = time.monotonic()
    os.killpg(child.pid, signal.SIGINT)  # as the terminal does: to the main process and its workers
    _, err = child.communicate(timeout=30)
    assert time.monotonic() - interrupted < 4  # before: 5-8 s on an idle machine; slack for a loaded one
    assert child.returncode != 0 and b"Traceback" not in err
