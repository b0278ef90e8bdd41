"""Entries that are nearly clean take the step-by-step checks and are worded as before.

The section checkers take a clean value or task entry in one go and leave anything else to the
checks one by one. Each case here changes one thing in a clean file so that the entry only just
misses the clean path (or only just takes it): the findings and the records must be what the step
by step checks give.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sciplan.loading import load_text
from sciplan.plan import Kind, Plan
from sciplan.validation import load_plan
from sciplan.validation.document import check_loaded

EXAMPLE = Path(__file__).parent / "examples" / "valid" / "tasks-and-milestones" / "2022" / "cast.yaml"
PLAN = Path(__file__).parent.parent / "data" / "plan.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


def _change(text: str, pattern: str, replacement: str) -> str:
    changed = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert changed != text, pattern
    return changed


NOT_STARTED = r"^(  - task: \S+\n    status: )not_started$"
# (what is changed, replacement) -> (finding codes, value records, task records, evidence kept)
CASES = {
    "evidence a number, not started": ((NOT_STARTED, r"\1not_started\n    evidence: 12"), (["S103"], 2, 2)),
    "evidence blank, done": ((r"^(    status: done\n    evidence: ).*$", r"\1'  '"), (["S110"], 2, 2)),
    "evidence missing, in progress": ((NOT_STARTED, r"\1in_progress"), (["W503"], 2, 3)),
    "evidence a list": ((r"^(    status: blocked\n    evidence: ).*$", r"\1[a]"), (["S103"], 2, 2)),
    "evidence padded": ((r"^(    status: blocked\n    evidence: )(.*)$", r"\1'  \2  '"), ([], 2, 3)),
    "note blank": ((r"^(    note: ).*$", r"\1'  '"), (["S103"], 1, 3)),
    "note a number": ((r"^(    note: ).*$", r"\g<1>5"), ([], 2, 3)),
    "source a list": ((r"^(    )note: .*$", r"\1source: [a]"), (["S103"], 1, 3)),
    "value true": ((r"^(    value: )\d+$", r"\1true"), (["S103"], 1, 3)),
    "value not whole": ((r"^(    value: )(\d+)$", r"\1\2.5"), (["S105"], 1, 3)),
    "value beyond a float": ((r"^(    value: )\d+$", r"\g<1>9" + "9" * 400), (["S114"], 1, 3)),
    "value negative zero": ((r"^(    value: )\d+$", r"\1-0.0"), ([], 2, 3)),
    "status padded": ((r"^(    status: )done$", r"\1' done '"), ([], 2, 3)),
    "task padded": ((r"^(  - task: )(\S+)$", r"\1' \2 '"), ([], 2, 3)),
    "indicator padded": ((r"^(  - indicator: )(\S+)$", r"\1' \2 '"), ([], 2, 3)),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_nearly_clean_entry_is_worded_as_step_by_step(plan: Plan, case: str):
    (pattern, replacement), (codes, values, tasks) = CASES[case]
    text = _change(EXAMPLE.read_text(encoding="utf-8"), pattern, replacement)
    result = check_loaded(plan, load_text(text, "progress/2022/" + EXAMPLE.name))
    assert sorted(f.code for f in result.findings) == codes
    assert (len(result.values), len(result.tasks)) == (values, tasks)
    assert all(t.evidence is None or t.evidence == t.evidence.strip() != "" for t in result.tasks)
    assert all(v.indicator == v.indicator.strip() for v in result.values)


def test_a_ratio_is_never_taken_as_clean(plan: Plan):
    ratio = next(i for i in plan.indicators if i.kind is Kind.RATIO)
    text = _change(EXAMPLE.read_text(encoding="utf-8"), r"^(  - indicator: )\S+$", rf"\g<1>{ratio.id}")
    result = check_loaded(plan, load_text(text, "progress/2022/" + EXAMPLE.name))
    assert [f.code for f in result.findings] == ["R208"]
    assert ratio.id not in {v.indicator for v in result.values}


def test_a_figure_the_unit_does_not_report_is_not_taken_as_clean(plan: Plan):
    text = EXAMPLE.read_text(encoding="utf-8")
    unit = plan.unit(re.search(r"^unit: (.*)$", text, flags=re.MULTILINE).group(1).strip())
    other = next(i for i in plan.indicators
                 if i.kind is not Kind.RATIO and unit.id not in plan.reporters(i))
    text = _change(text, r"^(  - indicator: )\S+$", rf"\g<1>{other.id}")
    result = check_loaded(plan, load_text(text, "progress/2022/" + EXAMPLE.name))
    assert "P301" in [f.code for f in result.findings]
    assert other.id not in {v.indicator for v in result.values}
