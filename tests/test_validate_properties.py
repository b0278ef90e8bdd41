"""Property-based tests: whatever a file holds, validation returns findings and never raises.

Hypothesis throws generated documents at the loader and the validator: random nested structures,
a valid progress file with keys dropped, values swapped for other types and unknown keys added, and
its text and bytes damaged at random. Every finding must carry a catalogued code and a sane location.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciplan import progress as pf
from sciplan.findings import CATALOGUE, Finding, Report
from sciplan.loading import decode, load_text
from sciplan.plan import Plan
from sciplan.render import github, text
from sciplan.render import json as json_format
from sciplan.validation import check_document, load_plan, validate_paths

PLAN = Path(__file__).parent.parent / "data" / "plan.yaml"

# Enough examples to find the shapes that matter, few enough to keep the file under ~20 s in CI.
# No example database: tests write only under tmp_path (a failure prints its example anyway).
PROPERTY = settings(max_examples=200, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

VALID: dict[str, Any] = {
    "plan": "xinhuang-science-literacy",
    "plan_version": 1,
    "unit": "县科协",
    "period": 2024,
    "area": "晃州镇",
    "submitted": dt.date(2025, 1, 20),
    "contact": "张三 0745-0000000",
    "values": [
        {"indicator": "farmer-trainings", "value": 1200, "note": "含线上培训 300 人次", "source": "台账"},
        {"indicator": "tech-commissioners", "value": 12},
    ],
    "tasks": [
        {"task": "farmers.2", "status": "in_progress", "evidence": "举办培训班 6 期"},
        {"task": "farmers.1", "status": "done", "evidence": "已完成"},
    ],
    "milestones": [{"milestone": "literacy-survey", "status": "done", "date": dt.date(2023, 11, 30),
                    "evidence": "已完成"}],
}

KEYS = sorted({*pf.TOP_KEYS, *pf.VALUE_KEYS, *pf.TASK_KEYS, *pf.MILESTONE_KEYS})


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: most of the time saved


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def assert_sound(findings: list[Finding], source: str | None = None) -> None:
    """Every finding is catalogued, with the catalogue's severity, and points inside the file."""
    last_line = source.count("\n") + 2 if source is not None else None
    for f in findings:
        assert f.code in CATALOGUE, f
        assert f.severity == CATALOGUE[f.code].severity, f
        assert f.message and "Traceback" not in f.message, f
        if f.line is not None:
            assert f.line >= 1, f
            if last_line is not None:
                assert f.line <= last_line, f
        if f.column is not None:
            assert f.line is not None and f.column >= 1, f
    report = Report(files=1, findings=list(findings))
    # The renderers take whatever validation produced.
    text.render_findings(report)
    github.render_findings(report)
    json.loads(json_format.render_findings(report))


def check_text(plan: Plan, source: str, name: str = "2024/x.yaml") -> list[Finding]:
    loaded = load_text(source, name)
    findings = list(loaded.findings)
    if loaded.document is not None:
        findings += check_document(plan, loaded.document).findings
    return findings


# --- strategies -----------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20), st.dates(),
    st.sampled_from(["1,200", "15%", "１２００", "yes", "done", "in_progress", "2024", "县科协", "farmers.2",
                     "farmer-trainings", "literacy-rate", "晃州镇", "", " "]),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=12))
structures = st.recursive(
    scalars, lambda children: st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=6),
    max_leaves=40,
)
# What an edit puts into the valid file: small, so the file stays recognisably a progress file.
small_structures = st.recursive(
    scalars, lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=3),
    max_leaves=6,
)


@st.composite
def mutated(draw: st.DrawFn) -> dict:
    """The valid file with a few random edits: keys dropped, values replaced, unknown keys added."""
    data = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        container: Any = data
        # Walk down a random path, then edit at the place reached.
        while isinstance(container, (dict, list)) and container and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(container) if isinstance(container, dict)
                                       else list(range(len(container)))))
            if not isinstance(container[key], (dict, list)):
                break
            container = container[key]
        if isinstance(container, dict) and container:
            key = draw(st.sampled_from(sorted(container)))
            action = draw(st.sampled_from(["drop", "replace", "add"]))
            if action == "drop":
                del container[key]
            elif action == "replace":
                container[key] = draw(small_structures)
            else:
                container[draw(keys)] = draw(small_structures)
        elif isinstance(container, list):
            container.append(draw(small_structures))
    return data


# --- properties -----------------------------------------------------------------------------------

def test_the_valid_file_is_valid(plan: Plan):
    # The mutations start from a clean file, so that what they find is what they broke.
    loaded = load_text(_dump(VALID), "2024/x.yaml")
    assert loaded.findings == [] and loaded.document is not None
    result = check_document(plan, loaded.document)
    assert result.findings == []
    assert len(result.values) == 2 and len(result.tasks) == 2 and len(result.milestones) == 1


@PROPERTY
@given(document=structures)
def test_any_structure(plan: Plan, document: Any):
    source = _dump(document)
    assert_sound(check_text(plan, source), source)


@PROPERTY
@given(document=mutated())
def test_mutated_progress_file(plan: Plan, document: dict):
    source = _dump(document)
    assert_sound(check_text(plan, source), source)


@PROPERTY
@given(position=st.integers(min_value=0), junk=st.text(min_size=1, max_size=8))
def test_random_unicode_in_a_valid_file(plan: Plan, position: int, junk: str):
    source = _dump(VALID)
    position %= len(source) + 1
    damaged = source[:position] + junk + source[position:]
    assert_sound(check_text(plan, damaged), damaged)


@PROPERTY
@given(data=st.data())
def test_random_bytes(plan: Plan, data: st.DataObject):
    raw = _dump(VALID).encode()
    choice = data.draw(st.sampled_from(["flip", "truncate", "noise"]))
    if choice == "flip":
        raw = bytearray(raw)
        for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
            raw[data.draw(st.integers(min_value=0, max_value=len(raw) - 1))] = data.draw(st.integers(0, 255))
        raw = bytes(raw)
    elif choice == "truncate":
        raw = raw[: data.draw(st.integers(min_value=0, max_value=len(raw)))]
    else:
        raw = data.draw(st.binary(max_size=300))
    source, findings = decode(raw, "2024/x.yaml")
    if source is not None:
        findings = findings + check_text(plan, source)
    assert_sound(findings, source)


@settings(PROPERTY, max_examples=60)  # each example writes and walks a folder
@given(document=mutated(), other=mutated())
def test_validate_paths_on_mutated_files(plan: Plan, tmp_path_factory: pytest.TempPathFactory,
                                         document: dict, other: dict):
    # Two mutated files of one unit and year plus a clean file for the year before, so the cross-file
    # rules (double counting, jumps, conflicting levels) see whatever records survive.
    folder = tmp_path_factory.mktemp("progress")
    (folder / "2024").mkdir()
    (folder / "2023").mkdir()
    (folder / "2024" / "a.yaml").write_text(_dump(document), encoding="utf-8")
    (folder / "2024" / "b.yaml").write_text(_dump(other), encoding="utf-8")
    previous = dict(VALID, period=2023, submitted=dt.date(2024, 1, 10))
    (folder / "2023" / "a.yaml").write_text(_dump(previous), encoding="utf-8")
    result = validate_paths(plan, [folder], ["."])
    assert result.report.files == 3
    assert_sound(result.report.findings)
    for record in result.values:
        assert record.value >= 0 and record.value == record.value  # no negative or NaN figure is kept
