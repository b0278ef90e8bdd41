"""The yearly collection round: what a unit owes and may report, the forms for every unit, the
workbooks taken back in one go, who still owes, and the final evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import yaml

from sciplan.duties import duty, units_owing
from sciplan.validation import load_plan

ROOT = Path(__file__).parent.parent
PLAN = load_plan(ROOT / "data" / "plan.yaml")


# --- owed first, optional after -------------------------------------------------------------------

def test_a_unit_owes_what_names_it_and_may_report_its_groups_flows():
    rule = duty(PLAN, PLAN.unit("health"), 2024)
    named = [i.id for i in PLAN.indicators if isinstance(i.reported_by, list) and "health" in i.reported_by]
    assert [i.id for i in rule.owed_indicators] == named
    assert all(i.reported_by == "group" for i in rule.optional_indicators)
    led = {t.id for g, role in PLAN.groups_of_unit("health") if role == "lead" for t in g.tasks}
    joined = {t.id for g, role in PLAN.groups_of_unit("health") if role == "participating" for t in g.tasks}
    assert {t.task.id for t in rule.owed_tasks} == led and {t.task.id for t in rule.optional_tasks} == joined
    assert [t.owed for t in rule.tasks] == sorted((t.owed for t in rule.tasks), reverse=True)  # owed first
    assert rule.owes and not rule.milestones


def test_milestones_are_owed_once_due_and_an_office_reports_through_its_host():
    office = next(u for u in PLAN.units if u.hosted_by)
    host = PLAN.unit(office.hosted_by)
    due = [m.id for m in PLAN.milestones if m.year <= 2022 and host.id in PLAN.milestone_reporters(m)]
    assert [m.id for m in duty(PLAN, host, 2022).milestones] == due
    assert len(duty(PLAN, host, PLAN.period.end).milestones) >= len(due)
    assert not duty(PLAN, office, 2024).owes


def test_a_unit_that_only_joins_owes_nothing_but_may_report():
    rule = duty(PLAN, PLAN.unit("natural-resources"), 2024)
    assert not rule.owes and rule.asks_anything
    assert "natural-resources" not in {u.id for u in units_owing(PLAN, 2024)}


def test_unit_shows_the_split(cli):
    code, stdout, _ = cli("unit", "health", "--year", "2024", "--format", "json")
    assert code == 0
    data = json.loads(stdout)
    owed = {i["id"] for i in data["indicators"] if i["owed"]}
    assert owed == {i.id for i in duty(PLAN, PLAN.unit("health"), 2024).owed_indicators}
    assert {t["id"] for t in data["tasks"] if not t["owed"]} == {
        t.task.id for t in duty(PLAN, PLAN.unit("health"), 2024).optional_tasks}
    # a task it may report and did not is no gap
    assert set(data["unreported_tasks"]) <= {t["id"] for t in data["tasks"] if t["owed"]}
    code, text, _ = cli("unit", "health", "--year", "2024")
    assert "optional" in text and "Optional: the unit may report these" in text


# --- forms out ------------------------------------------------------------------------------------

def test_template_all_writes_one_workbook_per_unit_that_owes(cli, tmp_path):
    out = tmp_path / "forms"
    code, stdout, err = cli("template", "--all", "--year", "2025", "-o", out)
    assert code == 0, err
    owing = units_owing(PLAN, 2025)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"2025-{u.name}.xlsx" for u in owing)
    assert f"{len(owing)} forms for 2025" in stdout and all(n in stdout for n in names)
    book = openpyxl.load_workbook(out / "2025-县卫生健康局.xlsx")
    first_column = [c.value for c in book["Values"]["A"]]
    assert any(isinstance(v, str) and v.endswith("optional") for v in first_column)
    # again: nothing is overwritten without --force
    code, _, err = cli("template", "--all", "--year", "2025", "-o", out)
    assert code == 2 and "already exists" in err
    assert cli("template", "--all", "--year", "2025", "-o", out, "--force")[0] == 0


def test_template_all_as_yaml_and_its_usage_errors(cli, tmp_path):
    out = tmp_path / "forms"
    assert cli("template", "--all", "--year", "2023", "-o", out, "--format", "yaml")[0] == 0
    files = sorted(out.iterdir())
    assert files and all(p.suffix == ".yaml" for p in files)
    data = yaml.safe_load((out / "2023-县卫生健康局.yaml").read_text(encoding="utf-8"))
    assert [v["indicator"] for v in data["values"]] == [
        i.id for i in duty(PLAN, PLAN.unit("health"), 2023).owed_indicators]
    code, _, err = cli("template", "--all", "--year", "2023")
    assert code == 2 and "-o" in err
    code, _, err = cli("template", "--year", "2023")
    assert code == 2 and "--unit" in err


def test_an_untouched_form_of_a_unit_that_joins_imports_without_warnings(cli, tmp_path):
    book = tmp_path / "h.xlsx"
    assert cli("template", "--unit", "health", "--year", "2024", "--format", "xlsx", "-o", book)[0] == 0
    code, stdout, _ = cli("import", book, "--format", "json", "-o", tmp_path / "h.yaml")
    report = json.loads(stdout)
    rule = duty(PLAN, PLAN.unit("health"), 2024)
    assert code == 1 and report["warnings"] == 0
    assert report["errors"] == len(rule.owed_indicators) + len(rule.owed_tasks) + len(rule.milestones)
