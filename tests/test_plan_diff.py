"""`sciplan plan diff OLD NEW`: what changed between two versions of a plan, on hand-made pairs."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml

from sciplan import api
from sciplan.plan import Plan, diff_plans
from tests.test_plan_format2 import MINIMAL

# The minimal plan of the format tests, with a second task (no responsibility of its own), a level
# indicator with a falling target and two areas.
OLD = copy.deepcopy(MINIMAL)
OLD["groups"][0]["tasks"][1].pop("responsibility")
OLD["indicators"].append({"id": "outfalls", "name": "排污口数量", "kind": "level", "value_type": "count",
                          "comparator": "<=", "target": 10, "target_year": 2030, "task": "clean-water.1",
                          "reported_by": ["water"], "additive": False})
OLD["areas"] = [{"id": "east", "name": "东街道"}, {"id": "west", "name": "西街道"}]


def revised() -> dict:
    new = copy.deepcopy(OLD)
    new["version"] = 2
    patrols, outfalls = new["indicators"]
    patrols.update(target=600, by_year={2027: 200}, breakdown={"areas": {"east": 300, "west": 300}})
    outfalls.update(comparator="<", target_year=2029)
    new["indicators"].append({"id": "volunteers", "name": "护河志愿者", "kind": "annual",
                              "value_type": "count",
                              "comparator": ">=", "target": 50, "task": "clean-water.2",
                              "reported_by": ["parks"]})
    new["groups"][0]["tasks"].pop(0)
    new["indicators"][1]["task"] = "clean-water.2"
    new["groups"][0]["kind"] = "work"
    new["units"][1]["name"] = "园林绿化局"
    new["areas"].pop()
    del patrols["breakdown"]["areas"]["west"]
    patrols["breakdown"]["areas"]["east"] = 600
    return new


def write(folder: Path, name: str, data: dict) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_every_kind_of_change_is_listed_field_by_field():
    changes = diff_plans(Plan.model_validate(OLD), Plan.model_validate(revised())).changes
    listed = [(c.what, c.id, c.change, [(f.field, f.old, f.new) for f in c.fields]) for c in changes]
    assert listed == [
        ("task", "clean-water.1", "removed", []),
        ("indicator", "patrols", "changed", [("target", 500, 600), ("by_year", {}, {"2027": 200}),
                                             ("breakdown", None, {"areas": {"east": 600}, "units": {}})]),
        ("indicator", "outfalls", "changed", [("comparator", "<=", "<"), ("target_year", 2030, 2029),
                                              ("task", "clean-water.1", "clean-water.2")]),
        ("indicator", "volunteers", "added", []),
        ("unit", "parks", "changed", [("name", "园林局", "园林绿化局")]),
        ("area", "west", "removed", []),
    ]
    assert changes[0].name == "治理支流" and changes[3].name == "护河志愿者"


def test_a_plan_compared_with_itself_has_no_changes():
    plan = Plan.model_validate(OLD)
    assert diff_plans(plan, plan).same


def test_groups_and_their_kinds_and_responsibility(tmp_path):
    new = copy.deepcopy(OLD)
    new["group_kinds"].append({"id": "project", "name": "重点项目"})
    new["groups"][0].update(kind="project", responsibility={"lead": ["water"], "participating": ["parks"]})
    new["groups"].append({"id": "banks", "kind": "work", "number": 2, "title": "岸线整治",
                          "responsibility": {"lead": ["parks"]},
                          "tasks": [{"id": "banks.1", "number": 1, "title": "清理岸线"}]})
    changes = diff_plans(Plan.model_validate(OLD), Plan.model_validate(new)).changes
    assert [(c.what, c.id, c.change, [(f.field, f.old, f.new) for f in c.fields]) for c in changes] == [
        ("group", "clean-water", "changed", [("kind", "work", "project"), ("participating", [], ["parks"])]),
        ("group", "banks", "added", []),
        ("task", "banks.1", "added", []),
    ]


def test_the_command_exits_like_diff_and_writes_json_markdown_and_text(tmp_path, cli):
    old, new = write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", revised())
    code, out, err = cli("plan", "diff", old, new, "--format", "json", cwd=tmp_path)
    assert (code, err) == (1, "")
    doc = json.loads(out)
    assert doc == api.plan_diff(old, new).as_dict()
    assert doc["schema_version"] == 1 and doc["same"] is False
    assert doc["old"] == {"file": "old.yaml", "plan": "river-care", "version": 1}
    assert doc["changes"][1]["fields"][1] == {"field": "by_year", "old": {}, "new": {"2027": 200}}

    code, out, _ = cli("plan", "diff", old, new, "--format", "markdown", "--lang", "zh")
    assert code == 1
    assert out.splitlines()[0] == ("方案 `river-care` 第 1 版（old.yaml）→ `river-care` 第 2 版（new.yaml）："
                                   "共 6 处改动")
    assert "| 指标 | patrols | 改动 | 目标值 | 500 | 600 |" in out
    assert "|  |  |  | 分年目标 | — | 2027: 200 |" in out
    assert "| 区域 | west | 删除 | 西街道 |  |  |" in out

    code, out, _ = cli("plan", "diff", old, new)
    assert code == 1 and "(new.yaml): 6 changes" in " ".join(out.split("\n")[:2])
    assert "│ indicator │ patrols" in out and "target_year" in out

    code, out, _ = cli("plan", "diff", old, old)
    assert (code, out) == (0, "the two plans are the same: nothing added, removed or changed\n")


def test_chinese_text_stays_aligned(tmp_path, cli):
    old, new = write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", revised())
    code, out, _ = cli("plan", "diff", old, new, "--lang", "zh", cwd=tmp_path)
    assert code == 1
    from rich.cells import cell_len

    table = [line for line in out.splitlines() if line.startswith(("┃", "│", "┏", "└"))]
    assert len({cell_len(line) for line in table}) == 1 and "园林绿化局" in out


def test_an_unusable_plan_cannot_be_compared(tmp_path, cli):
    old = write(tmp_path, "old.yaml", OLD)
    broken = write(tmp_path, "broken.yaml", {**OLD, "groups": "none"})
    code, out, err = cli("plan", "diff", old, broken)
    assert code == 2 and out == "" and "broken.yaml" in err
    code, _, err = cli("plan", "diff", old, tmp_path / "missing.yaml")
    assert code == 2
