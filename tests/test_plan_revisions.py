"""A revised plan keeps its history: files made for an earlier version count where what they name remains."""

from __future__ import annotations

from pathlib import Path

import yaml

from sciplan import api
from sciplan.plan import Plan

ROOT = Path(__file__).resolve().parents[1]
PROGRESS = ROOT / "data" / "progress"


def revised(tmp_path: Path, edit=None) -> Plan:
    data = yaml.safe_load((ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"))
    data["version"] = 2
    data["revisions"].append({"version": 2, "note": "修订"})
    if edit is not None:
        edit(data)
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.load_plan(path)


def test_a_file_for_an_earlier_version_counts_with_a_warning_naming_the_version(tmp_path):
    plan = revised(tmp_path)
    findings = api.validate(plan, [PROGRESS]).report.findings
    assert {f.code for f in findings} == {"R213"}
    files = {p for p in PROGRESS.rglob("*.yaml")}
    assert len(findings) == len(files)
    assert all(f.severity == "warning" and f.path == "plan_version" for f in findings)
    assert findings[0].message == "file made for plan version 1; the plan is now version 2"
    assert findings[0].localized("zh").message == "文件按第 1 版方案填报，实施方案现为第 2 版"
    # the history still counts: the same records as under the version the files were made for
    before = api.read_progress(api.load_plan(ROOT / "data" / "plan.yaml"), PROGRESS).validation
    after = api.read_progress(plan, PROGRESS).validation
    assert len(after.values) == len(before.values) > 0
    assert len(after.tasks) == len(before.tasks) and len(after.milestones) == len(before.milestones)


def test_what_a_revision_removed_is_an_error_naming_it(tmp_path):
    def drop(data):
        data["indicators"] = [i for i in data["indicators"] if i["id"] != "innovation-studios"]

    plan = revised(tmp_path, drop)
    errors = [f for f in api.validate(plan, [PROGRESS]).report.findings if f.severity == "error"]
    assert {f.code for f in errors} == {"R205"}
    assert {Path(f.file).name for f in errors} == {"trade-union.yaml"} and len(errors) == 3
    assert errors[0].message == "indicator `innovation-studios` of plan version 1 is not in version 2"
    assert errors[0].localized("zh").message == "第 1 版方案中的指标 `innovation-studios` 在第 2 版中已不存在"
    assert "plan diff" in errors[0].hint


def test_a_version_newer_than_the_plan_is_still_an_error(tmp_path):
    plan = api.load_plan(ROOT / "data" / "plan.yaml")
    report = tmp_path / "2024" / "cast.yaml"
    report.parent.mkdir()
    text = (PROGRESS / "2024" / "cast.yaml").read_text(encoding="utf-8")
    report.write_text(text.replace("plan_version: 1", "plan_version: 3"), encoding="utf-8")
    findings = api.validate(plan, [report]).report.findings
    assert [(f.code, f.severity) for f in findings] == [("R202", "error")]


def test_an_unknown_id_in_a_current_file_is_still_worded_as_unknown(tmp_path):
    plan = api.load_plan(ROOT / "data" / "plan.yaml")
    report = tmp_path / "2024" / "cast.yaml"
    report.parent.mkdir()
    text = (PROGRESS / "2024" / "cast.yaml").read_text(encoding="utf-8")
    report.write_text(text.replace("indicator: ", "indicator: x-", 1), encoding="utf-8")
    (finding,) = [f for f in api.validate(plan, [report]).report.findings if f.code == "R205"]
    assert finding.message.startswith("unknown indicator `x-")


def test_each_kind_of_id_a_revision_removed_is_named(tmp_path):
    """Version 1 had a unit `gardens`, an area `west`, a task `clean-water.9` and a milestone `survey`;
    version 2 has none of them. A version-1 file naming each gets one error per id, worded as removed."""
    from sciplan.validation import check_file
    from tests.test_plan_format2 import MINIMAL, check

    plan_v2, findings = check(tmp_path, {**MINIMAL, "version": 2, "areas": [{"id": "east", "name": "东片区"}],
                                         "revisions": [{"version": 1}, {"version": 2}]})
    assert findings == [] and plan_v2 is not None
    report = tmp_path / "parks.yaml"
    report.write_text("plan: river-care\nplan_version: 1\nunit: gardens\nperiod: 2027\narea: west\n"
                      "tasks:\n- task: clean-water.9\n  status: in_progress\n  evidence: 进行中\n"
                      "milestones:\n- milestone: survey\n  status: done\n  evidence: 已完成\n",
                      encoding="utf-8")
    found = check_file(plan_v2, report, "parks.yaml").findings
    assert [(f.code, f.message) for f in found] == [
        ("R213", "file made for plan version 1; the plan is now version 2"),
        ("R203", "unit `gardens` of plan version 1 is not in version 2"),
        ("R204", "area `west` of plan version 1 is not in version 2"),
        ("R206", "task `clean-water.9` of plan version 1 is not in version 2"),
        ("R207", "milestone `survey` of plan version 1 is not in version 2"),
    ]
    assert [f.localized("zh").message for f in found][1:3] == [
        "第 1 版方案中的单位 `gardens` 在第 2 版中已不存在", "第 1 版方案中的区域 `west` 在第 2 版中已不存在"]
