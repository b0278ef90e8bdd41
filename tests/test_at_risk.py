"""No contradiction without explanation: a row on track (or needing acceleration) whose forecast misses
the target carries the shortfall of the forecast in every format, the report's summary names these
rows, and the fractional expected figure of a whole-number indicator is marked as pro-rata."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sciplan.assessment import Baseline, Comparator, Kind, Status, Target, assess, forecast_shortfall

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "plan.yaml"
SAMPLE = ROOT / "data" / "progress"
S, E = 2021, 2025


def target(kind, value, comparator=Comparator.GE, baseline=None):
    return Target(kind, comparator, value, E, S, E, baseline)


# --- the arithmetic -------------------------------------------------------------------------------

@pytest.mark.parametrize(("comparator", "forecast", "final", "short"), [
    (Comparator.GE, 4862.5, 5000, 137.5),  # rising: the target minus the forecast
    (Comparator.GE, 5000, 5000, None),  # meets it: nothing short
    (Comparator.GT, 15, 15, 0),  # '>' is strict: level with the target still misses it, by nothing
    (Comparator.LE, 21, 20, 1),  # falling: the forecast minus the target
    (Comparator.LT, 19, 20, None),
    (Comparator.LE, None, 20, None),  # no forecast
])
def test_the_forecast_shortfall_is_taken_in_the_targets_direction(comparator, forecast, final, short):
    assert forecast_shortfall(target(Kind.LEVEL, final, comparator), forecast, final) == short


def test_a_cumulative_on_track_whose_pace_misses_the_target_is_at_risk():
    # expected by 2024: 4000; actual 3900 (ratio 0.975, on track); forecast 3900 / 4 * 5 = 4875
    a = assess(target(Kind.CUMULATIVE, 5000), {2021: 1000, 2022: 1000, 2023: 1000, 2024: 900}, 2024)
    assert a.status is Status.ON_TRACK and a.forecast_meets_target is False
    assert a.forecast_short == pytest.approx(5000 - a.forecast) and a.at_risk


def test_a_falling_level_needing_acceleration_is_at_risk_by_how_far_above_the_cap_it_ends():
    t = target(Kind.LEVEL, 20, Comparator.LE, baseline=Baseline(2020, 30))
    a = assess(t, {2021: 29, 2022: 27}, 2022)
    assert a.status is Status.NEEDS_ACCELERATION and a.forecast == pytest.approx(21)
    assert a.forecast_short == pytest.approx(1) and a.at_risk


def test_neither_a_row_that_meets_nor_one_in_worse_shape_is_at_risk():
    meets = assess(target(Kind.CUMULATIVE, 5000), {2021: 1000, 2022: 1100}, 2022)
    assert meets.forecast_meets_target and meets.forecast_short is None and not meets.at_risk
    limited = assess(target(Kind.CUMULATIVE, 5000), {2021: 500, 2022: 500}, 2022)
    assert limited.status is Status.LIMITED_PROGRESS and limited.forecast_short == 2500
    assert not limited.at_risk  # its status already says it is behind


# --- every format ---------------------------------------------------------------------------------

def _run(cli, *args, lang="zh"):
    code, out, err = cli(*args, "--lang", lang, "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0, err
    return out


@pytest.mark.parametrize(("lang", "short", "pro_rata"), [
    ("zh", "按当前进度预计差 138人次", "按进度应达 2.4家"),
    ("en", "forecast short by 138 人次", "pro-rata 2.4 家")])
def test_the_gap_screen_notes_the_shortfall_and_the_pro_rata_figure(cli, monkeypatch, lang, short, pro_rata):
    monkeypatch.setenv("COLUMNS", "160")  # an English name and its note on one line
    out = _run(cli, "gap", "--year", "2024", lang=lang)
    row = out[out.index("farmer-trainings"):]
    assert row.splitlines()[3] == "  " + short  # a line of its own, under the row's figures
    assert pro_rata in out[out.index("municipal-science-bases"):].splitlines()[3]
    summary = out.strip().splitlines()
    heading = summary.index("进展尚可但达标有风险：" if lang == "zh" else "On track but at risk:")
    assert len(summary) - heading - 1 == 7  # one line for each of the seven rows at risk
    assert ("  培训农民（按当前进度预计差 138人次）" if lang == "zh"
            else "  Farmers trained (forecast short by 138 人次)") in summary[heading:]


def test_a_row_that_meets_carries_no_note(cli):
    out = _run(cli, "gap", "--year", "2024")
    row = out[out.index("rural-practical-talents"):].splitlines()
    assert "按当前进度预计差" not in row[3] and "按进度应达" not in row[3]
    assert row[3].startswith("培训技能劳动者")  # the next row: three lines, no note


def test_the_status_screen_names_the_rows_at_risk(cli):
    out = _run(cli, "status")
    line = out[out.index("进展尚可但达标有风险"):out.index("进度：")]
    assert "\n  培训农民（按当前进度预计差 138人次）\n" in line
    assert "省级科普基地" not in line  # achieved


def test_markdown_puts_the_note_beside_the_forecast_and_marks_pro_rata(cli):
    out = _run(cli, "gap", "--year", "2024", "--format", "markdown")
    farmers = next(line for line in out.splitlines() if "`farmer-trainings`" in line)
    assert "4,862（难达标：按当前进度预计差 138人次）" in farmers
    bases = next(line for line in out.splitlines() if "`municipal-science-bases`" in line)
    assert "| 2.4（按进度折算） |" in bases
    status = _run(cli, "status", "--format", "markdown", lang="en")
    assert "On track but at risk: " in status and "Farmers trained (forecast short by 138 人次)" in status


def test_csv_and_json_carry_the_shortfall_unrounded(cli):
    rows = list(csv.DictReader(io.StringIO(_run(cli, "gap", "--year", "2024", "--format", "csv")
                                           .lstrip("\ufeff").split("\n", 1)[1])))
    farmers = next(r for r in rows if r["id"] == "farmer-trainings")
    assert (farmers["forecast_short"], farmers["at_risk"], farmers["expected_pro_rata"]) == ("137.5", "true",
                                                                                            "false")
    bases = next(r for r in rows if r["id"] == "municipal-science-bases")
    assert bases["expected_pro_rata"] == "true"
    data = json.loads(_run(cli, "gap", "--year", "2024", "--format", "json"))
    by_id = {r["id"]: r for r in data["indicators"]}
    farmers = by_id["farmer-trainings"]
    assert farmers["forecast_short"] == 137.5 and farmers["at_risk"] is True
    assert by_id["rural-practical-talents"]["forecast_short"] is None
    status = json.loads(_run(cli, "status", "--format", "json"))
    assert "farmer-trainings" in status["at_risk"] and "provincial-science-bases" not in status["at_risk"]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_report_summary_names_the_rows_on_track_but_at_risk(cli, tmp_path, fmt):
    target_file = tmp_path / f"report.{'md' if fmt == 'markdown' else 'html'}"
    _run(cli, "report", "--year", "2024", "--format", fmt, "-o", target_file)
    out = target_file.read_text(encoding="utf-8")
    summary = out[out.index("总体情况"):out.index("指标目标")]
    assert "进展尚可但达标有风险：" in summary and "培训农民（按当前进度预计差 138人次）" in summary
    table = out[out.index("指标目标"):]
    assert "2.4（按进度折算）" in table and "按当前进度预计差 62,500次" in table
