"""End to end: once the plan period is over, every dated target is met or missed.

A copy of the shipped sample (data/progress, 2021-2024) gets a 2025 report from the unit that
reports the overall goal's indicator, giving exactly the goal's threshold. The ids are read from the
plan at test time.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "plan.yaml"
SAMPLE = ROOT / "data" / "progress"
DATED_KINDS = ("cumulative", "level", "ratio")
JUDGED = {"achieved", "not_achieved", "no_data"}


def _plan() -> dict:
    return yaml.safe_load(PLAN.read_text(encoding="utf-8"))


def _goal_indicator(plan: dict) -> dict:
    return next(i for i in plan["indicators"] if i["id"] == plan["goal"]["indicator"])


@pytest.fixture
def progress_2025(tmp_path: Path) -> Path:
    """The sample plus a 2025 report giving the goal indicator exactly its target value."""
    plan = _plan()
    goal = _goal_indicator(plan)
    folder = tmp_path / "progress"
    shutil.copytree(SAMPLE, folder)
    # The sample's own latest report of that indicator, moved on a year.
    source = next(p for p in sorted((folder / str(plan["period"]["end"] - 1)).glob("*.yaml"))
                  if any(v.get("indicator") == goal["id"]
                         for v in (yaml.safe_load(p.read_text(encoding="utf-8")).get("values") or [])))
    report = yaml.safe_load(source.read_text(encoding="utf-8"))
    report["period"] = plan["period"]["end"]
    report["submitted"] = f"{plan['period']['end'] + 1}-01-20"
    report["values"] = [{"indicator": goal["id"], "value": goal["target"]}]
    report.pop("tasks", None)
    out = folder / str(plan["period"]["end"]) / source.name
    out.parent.mkdir()
    out.write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def test_the_shipped_goal_is_a_strict_target_due_at_the_period_end():
    # What the end-to-end test below relies on: a '>' goal due in the plan's last year.
    plan = _plan()
    goal = _goal_indicator(plan)
    assert goal["comparator"] == ">" and goal["target_year"] == plan["period"]["end"]
    assert goal["kind"] in DATED_KINDS


def test_gap_after_the_period_shows_met_or_missed_only(cli, progress_2025):
    plan = _plan()
    goal = _goal_indicator(plan)
    end = plan["period"]["end"]
    code, out, err = cli("gap", "--year", str(end), "--format", "json", "--plan", PLAN,
                         "--progress", progress_2025)
    assert code == 0, err
    rows = {r["id"]: r for r in json.loads(out)["indicators"]}
    row = rows[goal["id"]]
    # Exactly the threshold of a '>' target in its target year: not achieved, no forecast.
    assert (row["actual"], row["expected"], row["gap"]) == (goal["target"], goal["target"], 0)
    assert row["status"] == "not_achieved"
    assert row["forecast"] is None and row["forecast_meets_target"] is None
    assert row["assessed_year"] == end and row["ratio"] is not None
    dated = [r for r in rows.values() if r["kind"] in DATED_KINDS]
    assert dated and all(r["target_year"] <= end for r in dated)
    assert {r["id"]: r["status"] for r in dated if r["status"] not in JUDGED} == {}
    assert [r["id"] for r in dated
            if r["forecast"] is not None or r["forecast_meets_target"] is not None] == []
    assert {r["status"] for r in dated} >= {"achieved", "not_achieved"}  # the sample has both by now
    # Annual targets keep their yearly judgement and their forecast.
    annual = [r for r in rows.values() if r["kind"] == "annual"]
    assert annual and all(r["status"] != "not_achieved" for r in annual)
    # Worst first: the missed targets lead the table.
    statuses = [r["status"] for r in json.loads(out)["indicators"]]
    assert statuses[0] == "not_achieved"


def test_the_year_before_still_forecasts_and_uses_the_progress_classes(cli, progress_2025):
    plan = _plan()
    goal = _goal_indicator(plan)
    code, out, _ = cli("gap", "--year", str(plan["period"]["end"] - 1), "--format", "json", "--plan", PLAN,
                       "--progress", progress_2025)
    assert code == 0
    row = next(r for r in json.loads(out)["indicators"] if r["id"] == goal["id"])
    assert row["status"] not in ("achieved", "not_achieved") and row["forecast"] is not None


def test_not_achieved_in_the_filter_text_csv_and_workbook(cli, progress_2025, tmp_path):
    plan = _plan()
    goal = _goal_indicator(plan)
    end = str(plan["period"]["end"])
    common = ("--plan", PLAN, "--progress", progress_2025)
    code, out, _ = cli("gap", "--year", end, "--format", "json", "--status", "not_achieved", *common)
    assert code == 0
    only = json.loads(out)["indicators"]
    assert goal["id"] in [r["id"] for r in only] and {r["status"] for r in only} == {"not_achieved"}

    code, out, _ = cli("gap", "--year", end, *common)
    assert code == 0 and "  not_achieved " in out and "not_achieved " in out.splitlines()[-1]
    code, out, _ = cli("gap", "--year", end, "--lang", "zh", *common)
    assert code == 0 and "未实现" in out

    code, out, _ = cli("gap", "--year", end, "--format", "csv", *common)
    table = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    row = next(r for r in table if r["id"] == goal["id"])
    assert (row["status"], row["forecast"], row["forecast_meets_target"]) == ("not_achieved", "", "")

    openpyxl = pytest.importorskip("openpyxl")
    book_path = tmp_path / "export.xlsx"
    code, _, err = cli("export", "--year", end, "--format", "xlsx", "-o", book_path, *common)
    assert code == 0, err
    sheet = openpyxl.load_workbook(book_path)["Gap"]
    header = [c.value for c in sheet[1]]
    found = {r[header.index("id")]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert found[goal["id"]][header.index("status")] == "not_achieved"
    assert found[goal["id"]][header.index("forecast")] is None


def test_status_screen_and_report_after_the_period(cli, progress_2025):
    plan = _plan()
    end = str(plan["period"]["end"])
    common = ("--plan", PLAN, "--progress", progress_2025)
    code, out, _ = cli("status", "--year", end, "--format", "json", *common)
    assert code == 0
    doc = json.loads(out)
    assert doc["goal"]["status"] == "not_achieved" and doc["counts"]["not_achieved"] >= 1
    assert list(doc["counts"])[0] == "not_achieved"
    code, out, _ = cli("status", "--year", end, *common)
    assert code == 0 and "not_achieved" in out and "forecast" not in out.split("\n\n")[1]
    code, out, _ = cli("report", "--year", end, "--format", "markdown", *common)
    assert code == 0, out
    assert "| not achieved |" in out and "**not achieved**" in out
