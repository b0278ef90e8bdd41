"""Hand-worked checks of sciplan.overview: the gap table and the status overview.

The plan is the real one (data/plan.yaml: S = 2021, E = 2025, thresholds 0.95 / 0.6 / 0); the
records are built by hand, and every expected figure is worked out in the comments.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from sciplan.assessment import STATUS_ORDER, Status
from sciplan.overview import (
    GapTable,
    check_year,
    filter_rows,
    gap_table,
    grouped,
    latest_year,
    status_overview,
    task_status,
    units_owing,
)
from sciplan.plan import Plan
from sciplan.progress import MilestoneRecord, Place, Submission, TaskRecord, TaskStatus, ValueRecord
from sciplan.validation import load_plan

PLAN_FILE = Path(__file__).resolve().parents[1] / "data" / "plan.yaml"
HERE = Place("test.yaml", 1)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_FILE)


def plan_with(change) -> Plan:
    """The real plan with one change applied to its YAML data."""
    data = yaml.safe_load(PLAN_FILE.read_text(encoding="utf-8"))
    change(data)
    return Plan.model_validate(data)


def v(indicator: str, year: int, value: float, unit: str = "cast", area: str | None = None) -> ValueRecord:
    return ValueRecord(unit, year, area, indicator, value, HERE)


def row(table: GapTable, indicator_id: str):
    return next(r for r in table.rows if r.indicator.id == indicator_id)


# One county, reported for 2021-2024; the table below is for Y = 2023.
VALUES = [
    # farmer-trainings, cumulative >= 5000 by 2025: 2022 = 900 + 300 = 1200, 2023 = 800 + 200 = 1000
    v("farmer-trainings", 2022, 900, "agriculture"),
    v("farmer-trainings", 2022, 300, "agriculture", "huangzhou"),
    v("farmer-trainings", 2023, 800, "agriculture"),
    v("farmer-trainings", 2023, 200, "rural-revitalization"),
    v("farmer-trainings", 2024, 5000, "agriculture"),  # after Y: must not count
    # skilled-worker-trainings, annual >= 2000 a year
    v("skilled-worker-trainings", 2022, 2100, "hrss"),
    v("skilled-worker-trainings", 2023, 1500, "hrss"),
    # youth-competition-participants, annual >= 100 a year
    v("youth-competition-participants", 2023, 120, "edu"),
    # enterprise-village-pairings, cumulative >= 15 by 2025
    v("enterprise-village-pairings", 2023, 3, "agriculture"),
    # literacy-rate, level > 15% by 2025, no plan baseline; a township figure beside the county's
    v("literacy-rate", 2022, 10.2),
    v("literacy-rate", 2023, 12.0),
    v("literacy-rate", 2023, 11.0, area="huangzhou"),
    # science-volunteers, level (additive) >= 200: county-wide in 2022, townships only in 2023
    v("science-volunteers", 2022, 120),
    v("science-volunteers", 2023, 90, area="huangzhou"),
    v("science-volunteers", 2023, 60, area="fuluo"),
    # info-officers, level >= 10000: falls
    v("info-officers", 2021, 5000),
    v("info-officers", 2023, 4000),
    # exhibition-area-per-10k, ratio >= 160: both inputs in 2022, only the area in 2023
    v("exhibition-area", 2022, 2000),
    v("resident-population", 2022, 250000),
    v("exhibition-area", 2023, 2600),
    # health-literacy-rate, a rate >= 25%: county-wide in 2022, a township only in 2023
    v("health-literacy-rate", 2022, 20, "health"),
    v("health-literacy-rate", 2023, 24, "health", "huangzhou"),
]


@pytest.fixture(scope="module")
def table(plan) -> GapTable:
    return gap_table(plan, VALUES, 2023)


# --- each kind --------------------------------------------------------------------------------------

def test_cumulative(table):
    r = row(table, "farmer-trainings").assessment
    # actual = 1200 + 1000 = 2200 (2021 missing, 2024's 5000 ignored)
    # expected = 5000 * (2023 - 2021 + 1) / (2025 - 2021 + 1) = 5000 * 3 / 5 = 3000
    # gap = 3000 - 2200 = 800; ratio = 2200 / 3000 = 0.7333 -> 0.6 <= r < 0.95
    # forecast = 2200 * 5 / 3 = 3666.67 < 5000
    assert (r.actual, r.expected, r.gap) == (2200, 3000, 800)
    assert r.ratio == pytest.approx(2200 / 3000)
    assert r.status is Status.NEEDS_ACCELERATION
    assert r.forecast == pytest.approx(3666.6667, abs=1e-3)
    assert r.forecast_meets_target is False
    assert r.missing_years == (2021,) and r.missed_years == ()


def test_cumulative_limited_progress(table):
    r = row(table, "enterprise-village-pairings").assessment
    # actual 3; expected 15 * 3 / 5 = 9; gap 6; ratio 3 / 9 = 0.333 -> 0 <= r < 0.6
    assert (r.actual, r.expected, r.gap) == (3, 9, 6)
    assert r.ratio == pytest.approx(1 / 3)
    assert r.status is Status.LIMITED_PROGRESS
    assert r.missing_years == (2021, 2022)


def test_annual_lists_missed_years(table):
    r = row(table, "skilled-worker-trainings").assessment
    # actual = 2023's 1500; expected = 2000; gap 500; ratio 0.75; 2022's 2100 met the target, 2023 missed
    assert (r.actual, r.expected, r.gap, r.ratio) == (1500, 2000, 500, 0.75)
    assert r.status is Status.NEEDS_ACCELERATION
    assert r.missed_years == (2023,) and r.missing_years == (2021,)
    assert (r.forecast, r.forecast_meets_target) == (1500, False)  # the latest year's value
    assert row(table, "skilled-worker-trainings").indicator.target_year is None


def test_annual_achieved_when_the_year_meets_its_target(table):
    r = row(table, "youth-competition-participants").assessment
    # 120 >= 100: achieved; ratio 120 / 100 = 1.2 is still reported; gap 100 - 120 = -20
    assert (r.actual, r.expected, r.gap, r.ratio) == (120, 100, -20, 1.2)
    assert r.status is Status.ACHIEVED
    assert r.missing_years == (2021, 2022) and r.missed_years == ()


def test_level_without_plan_baseline_takes_the_earliest_reported_year(table):
    r = row(table, "literacy-rate").assessment
    # baseline B = 10.2 in b = 2022 (earliest county value; the 11.0 of one township is not the county's)
    # expected = 10.2 + (15 - 10.2) * (2023 - 2022) / (2025 - 2022) = 10.2 + 1.6 = 11.8
    # gap = 11.8 - 12.0 = -0.2; ratio = (12.0 - 10.2) / (11.8 - 10.2) = 1.8 / 1.6 = 1.125 -> on_track
    # forecast: line through (2022, 10.2), (2023, 12.0), slope 1.8 -> 12.0 + 2 * 1.8 = 15.6 > 15
    assert (r.baseline.year, r.baseline.value) == (2022, 10.2)
    assert r.actual == 12.0
    assert r.expected == pytest.approx(11.8)
    assert r.gap == pytest.approx(-0.2)
    assert r.ratio == pytest.approx(1.125)
    assert r.status is Status.ON_TRACK
    assert r.forecast == pytest.approx(15.6)
    assert r.forecast_meets_target is True


def test_additive_level_from_township_sum(table):
    r = row(table, "science-volunteers").assessment
    # 2022: 120 (county-wide); 2023: 90 + 60 = 150 (townships). B = 120 in 2022.
    # expected = 120 + (200 - 120) * 1 / 3 = 146.667; gap = -3.333; ratio = 30 / 26.667 = 1.125
    assert r.actual == 150
    assert r.expected == pytest.approx(146.6667, abs=1e-4)
    assert r.gap == pytest.approx(-3.3333, abs=1e-4)
    assert r.ratio == pytest.approx(1.125)
    assert r.status is Status.ON_TRACK


def test_level_deterioration(table):
    r = row(table, "info-officers").assessment
    # B = 5000 in 2021; expected = 5000 + (10000 - 5000) * 2 / 4 = 7500; actual 4000
    # gap = 3500; ratio = (4000 - 5000) / (7500 - 5000) = -0.4 < 0 -> deterioration
    # forecast: line through (2021, 5000), (2023, 4000), slope -500 -> 4000 - 1000 = 3000
    assert (r.actual, r.expected, r.gap, r.ratio) == (4000, 7500, 3500, -0.4)
    assert r.status is Status.DETERIORATION
    assert (r.forecast, r.forecast_meets_target) == (3000, False)
    assert r.missing_years == (2022,)


def test_ratio_with_one_input_missing_in_the_report_year(table):
    r = row(table, "exhibition-area-per-10k")
    a = r.assessment
    # 2022: 2000 / (250000 / 10000) = 80; 2023: population missing -> no value.
    # actual null, status no_data; expected is still evaluable from B = 80 in 2022:
    # 80 + (160 - 80) * 1 / 3 = 106.667; missing years: 2021 (neither input), 2023 (one input missing)
    assert r.series == {2022: 80.0}
    assert a.actual is None and a.gap is None and a.ratio is None
    assert a.status is Status.NO_DATA
    assert a.expected == pytest.approx(106.6667, abs=1e-4)
    assert a.missing_years == (2021, 2023)
    assert a.forecast is None and a.forecast_meets_target is None  # one point: no line


def test_rate_given_only_per_township_is_no_data(table):
    a = row(table, "health-literacy-rate").assessment
    # 2023 has only 晃州镇's 24%: no county value. expected = 20 + (25 - 20) / 3 = 21.667
    assert a.actual is None and a.status is Status.NO_DATA
    assert a.expected == pytest.approx(21.6667, abs=1e-4)
    assert a.missing_years == (2021, 2023)


def test_no_values_at_all(plan):
    t = gap_table(plan, [], 2023)
    for r in t.rows:
        a = r.assessment
        assert a.actual is None and a.gap is None and a.ratio is None and a.status is Status.NO_DATA
        assert a.missing_years == (2021, 2022, 2023)
        if r.indicator.kind in ("level", "ratio"):
            assert a.expected is None  # no baseline and no value: nothing to draw a line from
        elif r.indicator.kind == "annual":
            assert a.expected == r.indicator.target
        else:
            assert a.expected == pytest.approx(r.indicator.target * 3 / 5)
    # dissemination-count: 2,000,000 * 3 / 5 = 1,200,000 even with nothing reported
    assert row(t, "dissemination-count").assessment.expected == 1_200_000


def test_baseline_year_itself_is_no_baseline(plan):
    t = gap_table(plan, [v("literacy-rate", 2022, 10.2), v("literacy-rate", 2023, 12.0)], 2022)
    a = row(t, "literacy-rate").assessment
    # Y = b = 2022: expected = B = 10.2, gap = 0, ratio null -> no_baseline; 2023 is not used
    assert (a.expected, a.actual, a.gap, a.ratio) == (10.2, 10.2, 0, None)
    assert a.status is Status.NO_BASELINE


def test_gt_is_strict_at_the_target_year(plan):
    # B = 10.2 in 2021; Y = E = 2025: expected 15.0. 15.0 is not "over 15%", and the period is over:
    # not achieved (ratio 1.0 is still given), with no forecast for a year that has ended.
    a = row(gap_table(plan, [v("literacy-rate", 2021, 10.2), v("literacy-rate", 2025, 15.0)], 2025),
            "literacy-rate").assessment
    assert a.ratio == 1.0 and a.status is Status.NOT_ACHIEVED
    assert a.expected == 15.0 and a.forecast is None and a.forecast_meets_target is None
    a = row(gap_table(plan, [v("literacy-rate", 2021, 10.2), v("literacy-rate", 2025, 15.1)], 2025),
            "literacy-rate").assessment
    assert a.status is Status.ACHIEVED


@pytest.mark.parametrize(("trained", "status"), [
    (2850, Status.ON_TRACK),  # 2850 / 3000 = 0.95 exactly: the higher class
    (2849, Status.NEEDS_ACCELERATION),
    (1800, Status.NEEDS_ACCELERATION),  # 0.6 exactly
    (1799, Status.LIMITED_PROGRESS),
    (0, Status.LIMITED_PROGRESS),  # 0 reported is a value: ratio 0, not no_data
])
def test_threshold_boundaries_through_the_table(plan, trained, status):
    # farmer-trainings by 2023: expected 5000 * 3 / 5 = 3000
    t = gap_table(plan, [v("farmer-trainings", 2023, trained, "agriculture")], 2023)
    assert row(t, "farmer-trainings").status is status


def test_thresholds_come_from_the_plan_file():
    def lower(data):
        data["assessment"]["thresholds"] = {"on_track": 0.7, "needs_acceleration": 0.5,
                                            "limited_progress": 0.0}

    changed = plan_with(lower)
    # farmer-trainings ratio 2200 / 3000 = 0.733: needs_acceleration at 0.95, on_track at 0.7
    assert row(gap_table(changed, VALUES, 2023), "farmer-trainings").status is Status.ON_TRACK


def test_a_target_due_before_the_report_year_is_judged_at_its_target_year():
    def earlier(data):
        next(i for i in data["indicators"] if i["id"] == "literacy-rate")["target_year"] = 2023

    changed = plan_with(earlier)
    values = [v("literacy-rate", 2022, 10.2), v("literacy-rate", 2023, 12.0), v("literacy-rate", 2024, 16.0)]
    r = row(gap_table(changed, values, 2024), "literacy-rate")
    # Judged at 2023 (E = 2023): expected = T = 15.0, actual 12.0, ratio 1.8 / 4.8 = 0.375 (still
    # given); the deadline has passed unmet -> not_achieved; 2024's 16.0 comes after the deadline.
    assert r.year == 2023 and r.as_dict()["assessed_year"] == 2023
    assert (r.assessment.expected, r.assessment.actual) == (15.0, 12.0)
    assert r.assessment.ratio == pytest.approx(0.375)
    assert r.status is Status.NOT_ACHIEVED
    assert r.as_dict()["forecast"] is None and r.as_dict()["forecast_meets_target"] is None
    assert r.as_dict()["values"] == {"2022": 10.2, "2023": 12.0}


# --- table shape -----------------------------------------------------------------------------------

def test_rows_worst_first_then_by_id(table):
    keys = [(STATUS_ORDER.index(r.status), r.indicator.id) for r in table.rows]
    assert keys == sorted(keys)
    assert [r.indicator.id for r in table.rows][:4] == [
        "info-officers",  # deterioration
        "enterprise-village-pairings",  # limited_progress
        "farmer-trainings", "skilled-worker-trainings",  # needs_acceleration, by id
    ]
    assert table.rows[-1].indicator.id == "youth-competition-participants"  # achieved
    assert len(table.rows) == 16  # every indicator with a target; the two ratio inputs have none


def test_counts(table):
    assert table.counts() == {"not_achieved": 0, "deterioration": 1, "limited_progress": 1,
                              "needs_acceleration": 2, "no_data": 9, "no_baseline": 0, "on_track": 2,
                              "achieved": 1}


def test_json_keys(table):
    d = table.as_dict()
    assert {"plan", "plan_version", "year", "indicators"} <= d.keys()
    assert (d["plan"], d["plan_version"], d["year"]) == ("xinhuang-science-literacy", 1, 2023)
    required = {"id", "kind", "comparator", "target", "target_year", "expected", "actual", "gap", "ratio",
                "status", "forecast", "forecast_meets_target", "missing_years", "missed_years"}
    for item in d["indicators"]:
        assert required <= item.keys()
    lit = next(i for i in d["indicators"] if i["id"] == "exhibition-area-per-10k")
    assert lit["actual"] is None and lit["status"] == "no_data" and lit["missing_years"] == [2021, 2023]
    assert lit["missed_years"] == [] and lit["target_year"] == 2025 and lit["kind"] == "ratio"


def test_filter_rows(table):
    only = filter_rows(table, {"limited_progress", "deterioration"})
    assert [r.indicator.id for r in only.rows] == ["info-officers", "enterprise-village-pairings"]
    assert filter_rows(table, None) is table


def test_grouped_by_group_and_unit(plan, table):
    by_group = dict(grouped(table, "group"))
    assert list(by_group)[0] == "目标"
    assert [r.indicator.id for r in by_group["目标"]] == ["literacy-rate"]
    assert [r.indicator.id for r in by_group["农民科学素质提升行动"]] == [
        "enterprise-village-pairings", "farmer-trainings", "rural-entrepreneur-leaders",
        "rural-practical-talents", "tech-commissioners"]
    by_unit = dict(grouped(table, "unit"))
    # farmers group is led by 县农业农村局 and 县乡村振兴局: its rows appear under both
    farmers = [r.indicator.id for r in by_group["农民科学素质提升行动"]]
    assert [r.indicator.id for r in by_unit["县乡村振兴局"]] == farmers
    assert [r.indicator.id for r in by_unit["县农业农村局"]] == farmers
    # the goal row sits under its reporter, 县科协
    assert "literacy-rate" in [r.indicator.id for r in by_unit["县科协"]]
    assert grouped(table, "indicator") == [("", table.rows)]
    with pytest.raises(ValueError, match="unknown grouping"):
        grouped(table, "township")


def test_year_outside_the_period(plan):
    with pytest.raises(ValueError, match="outside the plan period 2021-2025"):
        check_year(plan, 2026)
    with pytest.raises(ValueError):
        gap_table(plan, [], 2020)


# --- the status overview -----------------------------------------------------------------------------

def t(task: str, status: str, year: int = 2023, unit: str = "agriculture") -> TaskRecord:
    return TaskRecord(unit, year, None, task, TaskStatus(status), "证明", HERE)


@pytest.mark.parametrize(("statuses", "combined"), [
    ([], "not_reported"),
    (["done"], "done"),
    (["done", "done"], "done"),
    (["done", "in_progress"], "in_progress"),
    (["done", "not_started"], "in_progress"),  # some work done, not by everyone
    (["not_started", "not_started"], "not_started"),
    (["done", "blocked"], "blocked"),  # one unit blocked blocks the task
    (["in_progress", "blocked", "not_started"], "blocked"),
])
def test_task_status_combination(statuses, combined):
    assert task_status([t("farmers.2", s) for s in statuses]) == combined


def m(milestone: str, status: str, year: int) -> MilestoneRecord:
    return MilestoneRecord("cast", year, milestone, TaskStatus(status), None, HERE)


def sub(unit: str, year: int, area: str | None = None) -> Submission:
    return Submission(f"{year}/{unit}.yaml", unit, year, area, dt.date(year + 1, 1, 10))


def overview_2023(plan, year: int = 2023):
    tasks = [
        t("farmers.1", "blocked"), t("farmers.1", "not_started", unit="rural-revitalization"),
        t("farmers.2", "done"), t("farmers.2", "in_progress", unit="rural-revitalization"),
        t("farmers.4", "not_started"),
        t("farmers.3", "done", year=2022),  # another year: farmers.3 is not reported for 2023
    ]
    milestones = [
        m("township-implementation-plans", "done", 2022),
        m("outline-publicity", "in_progress", 2022),
        m("literacy-survey", "done", 2024),  # reported after 2023
    ]
    submissions = [sub("agriculture", 2023), sub("rural-revitalization", 2023), sub("hrss", 2023),
                   sub("edu", 2023), sub("health", 2023, "huangzhou"),  # a township file counts
                   sub("cast", 2022)]  # last year's report does not
    return status_overview(plan, year, submissions, VALUES, tasks, milestones)


def test_task_counts_per_group(plan):
    ov = overview_2023(plan)
    farmers = next(g for g in ov.groups if g.group.id == "farmers")
    # farmers.1 blocked + not_started -> blocked; farmers.2 done + in_progress -> in_progress;
    # farmers.3 only reported for 2022 -> not_reported; farmers.4 not_started
    assert farmers.tasks == {"farmers.1": "blocked", "farmers.2": "in_progress",
                             "farmers.3": "not_reported", "farmers.4": "not_started"}
    assert farmers.counts == {"done": 0, "in_progress": 1, "not_started": 1, "blocked": 1, "not_reported": 1}
    youth = next(g for g in ov.groups if g.group.id == "youth")
    assert youth.counts["not_reported"] == 7 and sum(youth.counts.values()) == 7


def test_milestones_done_due_overdue(plan):
    states = {s.milestone.id: (s.state, s.status) for s in overview_2023(plan).milestones}
    assert states == {
        "township-implementation-plans": ("done", "done"),
        "outline-publicity": ("overdue", "in_progress"),  # due 2022, not done by 2023
        "literacy-survey": ("due", None),  # due 2023; the 2024 report is after Y
        "final-evaluation": ("upcoming", None),
    }
    later = {s.milestone.id: s.state for s in overview_2023(plan, 2024).milestones}
    assert later["literacy-survey"] == "done" and later["outline-publicity"] == "overdue"


def test_units_owing(plan):
    owed = units_owing(plan)
    # Every group's lead units, plus units named to report an indicator, in the plan's unit order.
    assert list(owed) == ["edu", "youth-league", "cast", "publicity", "commerce-tech", "civil-affairs",
                          "hrss", "agriculture", "media-center", "rural-revitalization", "organization",
                          "health", "trade-union", "development-reform", "emergency"]
    assert owed["cast"] == ["youth", "resources", "infrastructure", "literacy-rate", "science-volunteers",
                            "info-officers", "exhibition-area", "resident-population"]
    assert owed["health"] == ["elderly", "capacity", "health-literacy-rate"]


def test_reporting_completeness(plan):
    ov = overview_2023(plan)
    sent = [u.unit_id for u in ov.reporting if u.submitted]
    assert sent == ["edu", "hrss", "agriculture", "rural-revitalization", "health"]
    missing = [u.unit_id for u in ov.missing_reports]
    assert len(missing) == 15 - 5 and "cast" in missing
    d = ov.as_dict()
    assert d["reporting"]["missing"] == missing and len(d["reporting"]["owed"]) == 15


def test_overview_goal_and_year(plan):
    ov = overview_2023(plan)
    assert ov.goal_row.indicator.id == "literacy-rate"
    assert ov.gap.year == 2023
    assert ov.as_dict()["goal"]["status"] == "on_track"


def test_latest_year(plan):
    assert latest_year(plan, [sub("edu", 2022)], [v("literacy-rate", 2023, 12.0)]) == 2023
    assert latest_year(plan, [sub("edu", 2024)], []) == 2024
    assert latest_year(plan, [], []) == 2021  # nothing reported: the plan's first year
