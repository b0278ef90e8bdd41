"""A clean file is parsed once; a finding still stands on the right line.

The loader's fast path records where each mapping and list starts (the lines records keep) and
leaves the positions of single values, keys and raw text until a finding asks for one; the Document
then parses its text again. Here every example file, and variants of a full one with each kind of
problem the per-file checks word, is checked twice: as shipped, and with the fast path switched off
(the full path records every position up front). Findings - with their lines and columns - and
records must be identical, and a clean file must never be parsed a second time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sciplan import loading, reading
from sciplan.plan import Plan
from sciplan.validation import load_plan
from sciplan.validation.document import check_loaded

EXAMPLES = Path(__file__).parent / "examples"
PLAN = Path(__file__).parent.parent / "data" / "plan.yaml"
FULL = EXAMPLES / "valid" / "full-example" / "2024" / "agriculture-huangzhou.yaml"
MILESTONES = EXAMPLES / "valid" / "tasks-and-milestones" / "2022" / "cast.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


def _result(plan: Plan, text: str, display: str) -> tuple:
    result = check_loaded(plan, loading.load_text(text, display))
    return (result.findings, result.submission, result.values, result.tasks, result.milestones,
            result.claims)


def _both(plan: Plan, text: str, display: str, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple]:
    lazy = _result(plan, text, display)
    with monkeypatch.context() as patch:
        patch.setattr(loading, "_parse_simple", lambda *args: None)
        eager = _result(plan, text, display)
    return lazy, eager


def _example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*.y*ml") if p.is_file() and p.name != "expected.yaml")


@pytest.mark.parametrize("path", _example_files(), ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_every_example_gives_the_same_findings_and_records(plan: Plan, path: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    text = path.read_bytes().decode("utf-8", errors="replace")
    display = str(path.relative_to(EXAMPLES))
    lazy, eager = _both(plan, text, display, monkeypatch)
    assert lazy == eager


def _sub(pattern: str, replacement: str, count: int = 1):
    return lambda text: re.sub(pattern, replacement, text, count=count, flags=re.MULTILINE)


# One change per kind of problem a file's values, tasks and header can have.
VARIANTS = {
    "value as text": _sub(r"value: (\d+)", r"value: '\1'"),
    "value with commas": _sub(r"value: (\d+)", r"value: '1,200'"),
    "value negative": _sub(r"value: (\d+)", r"value: -\1"),
    "value not whole": _sub(r"value: (\d+)$", r"value: \1.5"),
    "value too large": _sub(r"value: (\d+)", r"value: 1e13"),
    "value huge integer": _sub(r"value: (\d+)", r"value: 99999999999999999999999999"),
    "value huge negative": _sub(r"value: (\d+)", r"value: -99999999999999999999999999"),
    "value infinite": _sub(r"value: (\d+)", r"value: .inf"),
    "value not a number": _sub(r"value: (\d+)", r"value: .nan"),
    "value yes": _sub(r"value: (\d+)", r"value: yes"),
    "value empty": _sub(r"value: (\d+)", r"value:"),
    "value a list": _sub(r"value: (\d+)", r"value: [1, 2]"),
    "value a date": _sub(r"value: (\d+)", r"value: 2024-01-01"),
    "value in hex": _sub(r"value: (\d+)", r"value: 0x1F"),
    "indicator unknown": _sub(r"indicator: (\S+)", r"indicator: \1-x"),
    "indicator a number": _sub(r"indicator: (\S+)", r"indicator: 12"),
    "indicator empty": _sub(r"indicator: (\S+)", r"indicator: '  '"),
    "note a list": _sub(r"^( +)(value: .*)$", r"\1\2\n\1note: [a]"),
    "unknown key in an entry": _sub(r"^( +)(value: .*)$", r"\1\2\n\1valeu: 3"),
    "entry without its value": _sub(r"^ +value: .*\n", ""),
    "entry not a mapping": _sub(r"^values:\n", "values:\n  - 5\n"),
    "task unknown": _sub(r"task: (\S+)", r"task: \1x"),
    "task a number": _sub(r"task: (\S+)", r"task: 7"),
    "status unknown": _sub(r"status: \w+", "status: finished"),
    "status in Chinese": _sub(r"status: \w+", "status: 已完成"),
    "status true": _sub(r"status: \w+", "status: true"),
    "status empty": _sub(r"status: \w+", "status:"),
    "done without evidence": _sub(r"^( +)status: \w+.*\n +evidence: .*$", r"\1status: done"),
    "in progress without evidence": _sub(r"^( +)status: \w+.*\n +evidence: .*$", r"\1status: in_progress"),
    "evidence a number": _sub(r"evidence: .*$", "evidence: 12"),
    "evidence blank": _sub(r"evidence: .*$", "evidence: '   '"),
    "unit unknown": _sub(r"^unit: (.*)$", r"unit: x\1"),
    "area unknown": _sub(r"^area: \S+", "area: nowhere"),
    "period as text": _sub(r"^period: (\d+)", r"period: '\1'"),
    "period outside": _sub(r"^period: (\d+)", r"period: 1999"),
    "period of another folder": _sub(r"^period: (\d+)", r"period: 2021"),
    "submitted quoted": _sub(r"^submitted: (\S+)", r"submitted: '\1'"),
    "submitted no such day": _sub(r"^submitted: (\S+)", r"submitted: 2025-02-30"),
    "submitted before the year": _sub(r"^submitted: (\S+)", r"submitted: 2020-01-20"),
    "plan version a word": _sub(r"^plan_version: .*$", "plan_version: one"),
    "plan version later": _sub(r"^plan_version: .*$", "plan_version: 99"),
    "top key unknown": _sub(r"^(unit: .*)$", r"\1\nunits: 3"),
    "values not a list": _sub(r"^values:\n", "values: 5\nvalues_old:\n"),
    "flow style entries": _sub(r"^( +)- indicator: (\S+)\n +value: (\S+)$",
                               r"\1- {indicator: \2,\n\1   value: \3}", 0),
    "comments after values": _sub(r"^( +value: \S+)$", r"\1  # checked", 0),
}


CLEAN = {"value in hex", "comments after values"}  # still sound: 0x1F is 31


@pytest.mark.parametrize("change", list(VARIANTS), ids=list(VARIANTS))
def test_each_kind_of_problem_is_found_on_the_same_line(plan: Plan, change: str,
                                                        monkeypatch: pytest.MonkeyPatch):
    changed = 0
    for example, folder in ((FULL, "progress/2024/"), (MILESTONES, "progress/2022/")):
        original = example.read_text(encoding="utf-8")
        text = VARIANTS[change](original)
        if text == original:
            continue
        changed += 1
        lazy, eager = _both(plan, text, folder + example.name, monkeypatch)
        assert lazy == eager
        assert bool(lazy[0]) is (change not in CLEAN), "the change gives a finding, unless it is clean"
    assert changed, "the change must apply to an example"


@pytest.mark.parametrize("change", ["unknown", "not responsible", "bad date", "no evidence"])
def test_milestone_problems_are_found_on_the_same_line(plan: Plan, change: str,
                                                       monkeypatch: pytest.MonkeyPatch):
    original = MILESTONES.read_text(encoding="utf-8")
    reporters = {u for m in plan.milestones for u in plan.milestone_reporters(m)}
    outsider = next(u.id for u in plan.units if u.id not in reporters)
    text = {
        "unknown": _sub(r"milestone: (\S+)", r"milestone: \1-x"),
        "not responsible": _sub(r"^unit: .*$", f"unit: {outsider}"),
        "bad date": _sub(r"date: \S+", "date: soon"),
        "no evidence": _sub(r"^( +date: \S+)\n +evidence: .*$", r"\1"),
    }[change](original)
    assert text != original
    lazy, eager = _both(plan, text, "progress/2022/" + MILESTONES.name, monkeypatch)
    assert lazy == eager
    assert lazy[0], "the change must give a finding"


def test_a_clean_file_is_parsed_once(plan: Plan, monkeypatch: pytest.MonkeyPatch):
    calls: list[bool] = []
    parse_simple = loading._parse_simple

    def counted(text, display, max_depth, full=True):
        calls.append(full)
        return parse_simple(text, display, max_depth, full)

    monkeypatch.setattr(loading, "_parse_simple", counted)
    loaded = loading.load_text(FULL.read_text(encoding="utf-8"), "progress/2024/" + FULL.name)
    result = check_loaded(plan, loaded)
    assert result.findings == [] and result.values and result.tasks
    assert calls == [False]  # the positions of containers only, and never a second pass
    assert [v.place.line for v in result.values] == [loaded.document.positions[("values", n)][0]
                                                     for n in range(len(result.values))]
    assert calls == [False, True]  # asking for every position parses the text again, once
    loaded.document.raw, loaded.document.key_positions  # noqa: B018 - already complete
    assert calls == [False, True]


def test_a_finding_completes_the_positions_of_its_document(plan: Plan):
    text = VARIANTS["value negative"](FULL.read_text(encoding="utf-8"))
    loaded = loading.load_text(text, "progress/2024/" + FULL.name)
    doc = loaded.document
    assert doc is not None and doc._text is not None  # containers only, so far
    result = check_loaded(plan, loaded)
    finding = next(f for f in result.findings if f.code == "S107")
    assert doc._text is None
    assert (finding.line, finding.column) == doc.positions[("values", 0, "value")]
    assert text.splitlines()[finding.line - 1].lstrip().startswith("value: -")


@pytest.mark.parametrize("text", [
    "张三", "举办培训班", "組", "youth.1", "yes", "no", "null", "~", "true", "True", "on", "Off", "12", "-3",
    "+4", ".5", ".inf", "-.inf", ".nan", "0x1F", "0o17", "1_000", "2024-01-01", "2024-02-30",
    "2024-01-01 10:00:00", "<<", "=", "", "in_progress", "a: b", "#x", "@x", "%x", "`x", "1e3", "1.5e3",
])
def test_a_plain_scalar_is_what_the_resolver_makes_of_it(text: str):
    tag = loading._resolver.resolve(loading.ScalarNode, text, (True, False))
    construct = loading._CONSTRUCT.get(tag)
    try:
        expected = text if construct is None else construct(loading.ScalarNode(tag, text))
    except ValueError:  # a date that is no day: the text stays
        expected = text
    value = loading._plain_scalar(text)
    assert type(value) is type(expected)
    assert repr(value) == repr(expected)


def test_a_file_read_in_short_pieces_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "f.yaml"
    data = "单位: 一\n".encode() * 500
    path.write_bytes(data)
    read = reading.os.read
    monkeypatch.setattr(reading.os, "read", lambda fd, n: read(fd, min(n, 7)))
    assert reading.read_regular(path, 1 << 20) == data
    assert reading.read_regular(path, 100) == data[:101]  # more than the limit: one byte over


def test_plan_look_ups_are_worked_out_once_per_plan(plan: Plan):
    from sciplan.plan import Kind
    from sciplan.validation.lookups import lookups

    first = lookups(plan)
    assert lookups(plan) is first
    other = load_plan(PLAN)
    assert lookups(other) is not first and lookups(other) == first
    assert set(first.figures) == {i.id for i in plan.indicators if i.kind is not Kind.RATIO}
    for indicator in plan.indicators:
        if indicator.id in first.figures:
            assert first.figures[indicator.id][1] == set(plan.reporters(indicator))
    for group in plan.groups:
        for task in group.tasks:
            assert first.task_units[task.id] == set(plan.task_units(task.id))


@pytest.mark.skipif(loading._NodeParser is None, reason="needs libyaml 0.2.6 or later")
@pytest.mark.parametrize("text, walker_takes", [
    ("a: 1\nb:\n  - x\n  - - y\n    - z\nc: {d: [1, 2.5, null, yes]}\n", True),
    ("- a\n- b: 1\n  c: [x, {d: e}]\n", True),
    ("key: 'quoted'\nother: \"1\"\nblock: |\n  line one\nfolded: >\n  a\n  b\n'x': 2024-01-01\n", True),
    ("[]\n", True),
    ("{}\n", True),
    ("a:\n  b:\n    c:\n      d: 1\n", True),
    ("1: one\ntrue: yes\n", False),  # keys that are no text: the loop tells 1 from "1"
    ("a: 1\na: 2\n", False),  # duplicate key
    ("? [a, b]\n: c\n", False),  # a list as a key
    ("a: 1\n---\nb: 2\n", False),  # two documents
    ("just text\n", False),
    ("", False),
    ("a: [1, 2\n", False),  # syntax error
])
def test_the_node_walker_builds_what_the_event_loop_builds(text: str, walker_takes: bool,
                                                           monkeypatch: pytest.MonkeyPatch):
    walked = loading._parse_nodes(text, "f.yaml", 32)
    assert (walked is not None) is walker_takes
    with monkeypatch.context() as patch:
        patch.setattr(loading, "_NodeParser", None)
        looped = loading._parse_simple(text, "f.yaml", 32, False)
    shipped = loading._parse_simple(text, "f.yaml", 32, False)

    def seen(doc):
        return None if doc is None else (repr(doc.data), list(doc._positions.items()))

    assert seen(shipped) == seen(looped)
    if walked is not None:
        assert seen(walked) == seen(looped)


def test_the_node_walker_steps_aside_below_the_nesting_limit():
    text = "a:\n  b:\n    c:\n      d: 1\n"  # four mappings deep
    assert loading._parse_nodes(text, "f.yaml", 4) is not None
    assert loading._parse_nodes(text, "f.yaml", 3) is None
    assert loading._parse_simple(text, "f.yaml", 3, False) is None  # and the loop too


def test_each_area_of_a_unit_is_held_to_the_same_peers(plan: Plan):
    """W504 works out the other units' median once per indicator, year and unit: every area of the
    unit is compared with it, and only the figure far from it is named."""
    from sciplan import progress as pf
    from sciplan.validation import cross_file_findings

    flow = next(i for i in plan.indicators if i.is_flow)
    units = [u.id for u in plan.units][:5]
    first, second = plan.areas[0].id, plan.areas[1].id
    records = [pf.ValueRecord(u, 2024, first, flow.id, 100.0, pf.Place(f"{u}.yaml", 3)) for u in units[1:]]
    records += [pf.ValueRecord(units[0], 2024, first, flow.id, 120.0, pf.Place("near.yaml", 3)),
                pf.ValueRecord(units[0], 2024, second, flow.id, 9000.0, pf.Place("far.yaml", 3))]
    findings, dropped = cross_file_findings(plan, records, [])
    far = [f for f in findings if f.code == "W504"]
    assert [f.file for f in far] == ["far.yaml"] and not dropped
    assert json.loads(far[0].params)["count"] == len(units) - 1
