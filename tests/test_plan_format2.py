"""Plan format 2: what is required, what falls back, format 1 still loading, and the new checks."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from sciplan.plan import Milestone, Plan
from sciplan.validation.plan_file import check_plan_file

ROOT = Path(__file__).resolve().parents[1]

MINIMAL = {
    "schema_version": 2, "id": "river-care", "version": 1, "title": "河湖保护行动方案",
    "period": {"start": 2026, "end": 2030},
    "group_kinds": [{"id": "work", "name": "主要工作"}],
    "groups": [{"id": "clean-water", "kind": "work", "number": 1, "title": "水质提升",
                "responsibility": {"lead": ["water"]},
                "tasks": [{"id": "clean-water.1", "number": 1, "title": "治理支流"},
                          {"id": "clean-water.2", "number": 2, "title": "巡河",
                           "responsibility": {"lead": ["parks"], "participating": ["water"]}}]}],
    "indicators": [{"id": "patrols", "name": "巡河次数", "kind": "cumulative", "value_type": "count",
                    "comparator": ">=", "target": 500, "target_year": 2030, "task": "clean-water.2",
                    "reported_by": "group"}],
    "units": [{"id": "water", "name": "水务局"}, {"id": "parks", "name": "园林局"}],
}


def check(tmp_path: Path, data: dict) -> tuple[Plan | None, list]:
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return check_plan_file(path)


def changed(edit) -> dict:
    data = copy.deepcopy(MINIMAL)
    edit(data)
    return data


def codes(findings) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in findings]


def test_a_plan_with_only_the_required_keys_loads(tmp_path):
    plan, findings = check(tmp_path, MINIMAL)
    assert findings == [] and plan is not None
    assert plan.document is None and plan.goal is None and plan.areas == []
    # a missing English name falls back to the Chinese one
    assert plan.label_en == "河湖保护行动方案" and plan.unit("water").label_en == "水务局"
    assert plan.indicator("patrols").label_en == "巡河次数" and plan.kind_label("work", "en") == "主要工作"
    assert plan.reference == "河湖保护行动方案"


@pytest.mark.parametrize("key", ["schema_version", "id", "version", "title", "period", "groups", "indicators",
                                 "units"])
def test_each_required_key_is_required(tmp_path, key):
    plan, findings = check(tmp_path, changed(lambda d: d.pop(key)))
    assert plan is None and ("C001", key) in codes(findings)


def test_a_tasks_own_responsibility_replaces_the_groups(tmp_path):
    plan, _ = check(tmp_path, MINIMAL)
    assert plan.task_units("clean-water.1") == ["water"]
    assert plan.task_units("clean-water.2") == ["parks", "water"]
    assert plan.reporters(plan.indicator("patrols")) == ["parks", "water"]
    assert [(g.id, role) for g, role in plan.groups_of_unit("parks")] == [("clean-water", "participating")]
    assert [t.id for _, t in plan.tasks_of_unit("parks")] == ["clean-water.2"]


def test_a_group_without_responsibility_is_owed_by_the_leads_of_its_tasks(tmp_path):
    def edit(d):
        group = d["groups"][0]
        del group["responsibility"]
        group["tasks"][0]["responsibility"] = {"lead": ["water"]}
    plan, findings = check(tmp_path, changed(edit))
    assert findings == []
    assert plan.groups[0].lead == ["water", "parks"]
    # no coordinator: a schedule item that names no unit is reported by the leads
    assert plan.milestone_reporters(Milestone(id="kick-off", year=2026, text="启动")) == ["water", "parks"]


def test_a_task_with_no_responsibility_anywhere_is_c004(tmp_path):
    plan, findings = check(tmp_path, changed(lambda d: d["groups"][0].pop("responsibility")))
    assert plan is None and ("C004", "groups[0].tasks[0]") in codes(findings)


def test_group_kind_must_exist_and_group_ids_are_hyphenated_words(tmp_path):
    plan, findings = check(tmp_path, changed(lambda d: d["groups"][0].update(kind="project")))
    assert ("C003", "groups[0].kind") in codes(findings)
    assert "group_kinds: work" in findings[0].message


@pytest.mark.parametrize("comparator", ["<", "<="])
def test_a_cumulative_target_must_rise(tmp_path, comparator):
    plan, findings = check(tmp_path, changed(lambda d: d["indicators"][0].update(comparator=comparator)))
    assert plan is None and codes(findings) == [("C004", "indicators[0].comparator")]


@pytest.mark.parametrize(("year", "ok"), [(2025, False), (2026, True), (2029, True), (2030, False)])
def test_by_year_lies_in_the_period_before_the_target_year(tmp_path, year, ok):
    plan, findings = check(tmp_path, changed(lambda d: d["indicators"][0].update(by_year={year: 100})))
    assert (findings == []) is ok
    if not ok:
        assert codes(findings) == [("C004", f"indicators[0].by_year[{year}]")]


def test_breakdown_names_known_areas_and_units(tmp_path):
    def edit(d):
        d["areas"] = [{"id": "east", "name": "东街道"}]
        d["indicators"][0]["breakdown"] = {"areas": {"east": 300, "west": 200}, "units": {"ghost": 1}}
    plan, findings = check(tmp_path, changed(edit))
    assert sorted(codes(findings)) == [("C003", "indicators[0].breakdown.areas.west"),
                                       ("C003", "indicators[0].breakdown.units.ghost")]


def test_a_unit_given_a_share_may_report(tmp_path):
    def edit(d):
        d["units"].append({"id": "district", "name": "区政府"})
        d["indicators"][0]["breakdown"] = {"units": {"district": 100}}
    plan, _ = check(tmp_path, changed(edit))
    assert plan.reporters(plan.indicator("patrols")) == ["parks", "water", "district"]


def test_a_milestone_dated_by_due_falls_in_its_year_and_may_name_a_task(tmp_path):
    def edit(d):
        d["milestones"] = [{"id": "survey", "due": "2027-06-30", "task": "clean-water.1", "text": "普查"},
                           {"id": "late", "due": "2031-01-01", "text": "总结"},
                           {"id": "nowhen", "text": "无日期"},
                           {"id": "ghost", "year": 2027, "task": "clean-water.9", "text": "x"}]
    plan, findings = check(tmp_path, changed(edit))
    assert sorted(codes(findings)) == [("C003", "milestones[3].task"), ("C004", "milestones[1].due"),
                                       ("C004", "milestones[2]")]


def test_a_revision_cannot_be_later_than_the_plan(tmp_path):
    plan, findings = check(tmp_path, changed(lambda d: d.update(revisions=[{"version": 2, "note": "x"}])))
    assert codes(findings) == [("C004", "revisions[0].version")]


def test_format_one_still_loads_with_neutral_kind_names(tmp_path):
    data = yaml.safe_load((ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"))
    data["schema_version"] = 1
    kinds = data.pop("group_kinds")
    data["actions_intro"], data["projects_intro"] = kinds[0]["intro"], kinds[1]["intro"]
    data["townships"] = data.pop("areas")
    del data["scope"]
    plan, findings = check(tmp_path, data)
    assert findings == [] and plan is not None
    assert [(k.id, k.name, k.intro) for k in plan.group_kinds] == [
        ("action", "行动", kinds[0]["intro"]), ("project", "工程", kinds[1]["intro"])]
    assert len(plan.areas) == 11 and plan.township(plan.areas[0].name) == plan.areas[0]


def test_areas_and_townships_together_is_c002(tmp_path):
    def edit(d):
        d["areas"] = [{"id": "east", "name": "东街道"}]
        d["townships"] = [{"id": "east", "name": "东街道"}]
    plan, findings = check(tmp_path, changed(edit))
    assert ("C002", "townships") in codes(findings)


SHIPPED_WORDS = ("晃", "县科协", "提升行动", "重点工程", "xinhuang", "literacy-rate", "全县", "乡镇")


def test_the_code_holds_no_word_of_the_shipped_plan():
    # labels, scope words, examples and hints come from the plan in use, or are neutral
    import re
    found = []
    for path in [*(ROOT / "sciplan").rglob("*.py"), *(ROOT / "sciplan").rglob("*.j2")]:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(w in line for w in SHIPPED_WORDS) or re.search(r"farmers\.[0-9]", line):
                found.append(f"{path.relative_to(ROOT)}:{n}")
    assert found == []


def test_a_schedule_item_names_who_reports_it_when_another_unit_does(tmp_path):
    from sciplan.validation import check_file
    def edit(d):
        d["milestones"] = [{"id": "survey", "year": 2027, "responsible": ["parks"], "text": "普查"}]
    plan, _ = check(tmp_path, changed(edit))
    report = tmp_path / "water-2027.yaml"
    report.write_text("plan: river-care\nplan_version: 1\nunit: water\nperiod: 2027\nmilestones:\n"
                      "- milestone: survey\n  status: done\n  evidence: 已完成\n", encoding="utf-8")
    findings = check_file(plan, report, "water-2027.yaml").findings
    assert [(f.code, f.hint) for f in findings] == [("P303", "This schedule item is reported by 园林局.")]


def test_figures_for_the_whole_take_the_plans_word(tmp_path):
    from sciplan.export import value_rows
    from sciplan.progress import Place, ValueRecord
    from sciplan.templates import build_template, render_yaml
    plan, _ = check(tmp_path, changed(lambda d: d.update(scope={"whole": "全市", "whole_en": "city-wide"})))
    record = ValueRecord("water", 2026, None, "patrols", 5.0, Place("f", 1))
    assert value_rows(plan, [record], 2026)[0]["area_name"] == "全市"
    assert "· 全市 city-wide" in render_yaml(build_template(plan, plan.unit("water"), 2026)).splitlines()[1]
    bare, _ = check(tmp_path, MINIMAL)
    assert value_rows(bare, [record], 2026)[0]["area_name"] == "合计"
