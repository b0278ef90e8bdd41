"""Checking files in worker processes (`--jobs N`) changes nothing but the time it takes.

The same folder is validated in one process and in several; findings, their order and every
extracted record must be identical. The folder mixes the example corpus (valid and invalid
cases), copies that collide across files (double counting), and files whose bytes git cannot hold.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sciplan import cache
from sciplan.plan import Plan
from sciplan.validation import Validation, load_plan, validate_paths
from sciplan.validation import runner as validation

EXAMPLES = Path(__file__).parent / "examples"
PLAN = Path(__file__).parent.parent / "data" / "plan.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


def mixed_corpus(root: Path, copies: int = 4) -> Path:
    """Every example case `copies` times, plus broken files built here; well over the pool threshold."""
    corpus = root / "corpus"
    cases = sorted(p for kind in ("valid", "invalid") for p in (EXAMPLES / kind).iterdir() if p.is_dir())
    for n in range(copies):
        for case in cases:
            shutil.copytree(case, corpus / f"copy-{n}" / f"{case.parent.name}-{case.name}", symlinks=True,
                            ignore=shutil.ignore_patterns("expected.yaml"))
    broken = corpus / "broken" / "2024"
    broken.mkdir(parents=True)
    (broken / "gbk.yaml").write_bytes("plan: xinhuang-science-literacy\nunit: 县科协\n".encode("gb18030"))
    (broken / "binary.yaml").write_bytes(b"\x00\x01\x02PK\x03\x04")
    (broken / "control.yaml").write_text("plan: x\nnote: a\x07b\n", encoding="utf-8")
    (broken / "empty.yaml").write_text("", encoding="utf-8")
    (broken / "big.yaml").write_text("note: " + "x" * 5000 + "\n", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(broken / "pipe.yaml")
    assert sum(1 for _ in corpus.rglob("*.yaml")) > 2 * validation._POOL_MIN_FILES
    return corpus


def snapshot(result: Validation) -> tuple:
    return (result.report.files, result.report.findings, result.submissions, result.values, result.tasks,
            result.milestones)


def test_findings_identical_whatever_the_jobs(plan: Plan, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = mixed_corpus(tmp_path)
    pools = []
    real_pool = validation._check_in_pool
    monkeypatch.setattr(validation, "_check_in_pool", lambda *a: pools.append(a[3]) or real_pool(*a))
    from_workers = []  # results that came back from a worker process, encoded
    real_loads = cache.RecordCodec.loads
    monkeypatch.setattr(cache.RecordCodec, "loads",
                        lambda self, blob: from_workers.append(1) or real_loads(self, blob))
    one = validate_paths(plan, [corpus], max_bytes=4096, jobs=1)
    assert pools == [] and from_workers == []
    for jobs in (2, 3):
        many = validate_paths(plan, [corpus], max_bytes=4096, jobs=jobs)
        assert snapshot(many) == snapshot(one)
    assert pools == [2, 3]  # the pool really ran ...
    # ... and workers checked most files: over half with --jobs 2, two thirds with --jobs 3
    assert len(from_workers) > one.report.files
    codes = {f.code for f in one.report.findings}
    # the corpus exercises loading, structure, references and cross-file findings alike
    assert {"L001", "L003", "L011", "X401"} <= codes
    assert len(one.values) > 0 and len(one.tasks) > 0


def test_pool_and_cache_together(plan: Plan, tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path, copies=3)
    plain = snapshot(validate_paths(plan, [corpus], jobs=1))
    cache = tmp_path / "cache"
    assert snapshot(validate_paths(plan, [corpus], jobs=2, cache=cache)) == plain
    assert snapshot(validate_paths(plan, [corpus], jobs=2, cache=cache)) == plain
    assert snapshot(validate_paths(plan, [corpus], jobs=1, cache=cache)) == plain


def test_without_records_the_report_is_the_same(plan: Plan, tmp_path: Path) -> None:
    """`sciplan validate` keeps no records; its findings are those of a run that keeps them."""
    corpus = mixed_corpus(tmp_path, copies=3)
    plain = validate_paths(plan, [corpus], jobs=1)
    for jobs, folder in ((1, None), (2, None), (2, tmp_path / "cache"), (1, tmp_path / "cache")):
        lean = validate_paths(plan, [corpus], jobs=jobs, cache=folder, keep_records=False)
        assert lean.report == plain.report
        assert (lean.submissions, lean.values, lean.tasks, lean.milestones) == ([], [], [], [])
    assert plain.values and plain.tasks and plain.submissions


def test_few_files_are_checked_in_this_process(plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation, "_check_in_pool", lambda *a: pytest.fail("no pool for a few files"))
    result = validate_paths(plan, [EXAMPLES / "valid"], jobs=4)
    assert result.report.files > 0 and result.report.findings == []


def test_no_pool_on_this_platform_falls_back(plan: Plan, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def refuse(*args, **kwargs):
        raise OSError(38, "Function not implemented")

    corpus = mixed_corpus(tmp_path, copies=3)
    expected = snapshot(validate_paths(plan, [corpus], jobs=1))
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    assert snapshot(validate_paths(plan, [corpus], jobs=2)) == expected


def test_default_jobs_is_the_cores_we_may_use() -> None:
    jobs = validation.default_jobs()
    assert 1 <= jobs <= (os.cpu_count() or 1)


def test_cli_output_identical_whatever_the_jobs(cli, tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path, copies=3)
    outputs = {}
    for jobs in ("1", "2"):
        for fmt in ("text", "json"):
            code, out, err = cli("validate", "--plan", PLAN, "--jobs", jobs, "--no-cache", "--format", fmt,
                                 "--max-bytes", "4096", corpus)
            assert code == 1, err
            outputs[jobs, fmt] = out
    assert outputs["1", "text"] == outputs["2", "text"]
    assert outputs["1", "json"] == outputs["2", "json"]
    assert json.loads(outputs["2", "json"])["errors"] > 0


def test_cli_status_and_gap_accept_jobs(cli, tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path, copies=2)
    for command in (["status"], ["gap", "--year", "2024"]):
        results = [cli(*command, "--plan", PLAN, "--progress", corpus, "--format", "json", "--jobs", jobs,
                       "--no-cache") for jobs in ("1", "2")]
        assert results[0][0] == results[1][0] == 0
        assert results[0][1] == results[1][1]


@pytest.mark.parametrize("jobs", ["0", "-1", "many"])
def test_cli_rejects_bad_jobs(cli, jobs: str) -> None:
    code, out, err = cli("validate", "--plan", PLAN, "--jobs", jobs, EXAMPLES / "valid")
    assert code == 2
    assert "--jobs" in err and "Traceback" not in err
