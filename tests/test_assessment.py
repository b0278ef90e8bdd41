"""Hand-worked checks of sciplan.assessment.

Plan period throughout: S = 2021, E = 2025 (five years) unless a test says otherwise.
"""

from __future__ import annotations

import math

import pytest

try:
    from hypothesis import given
    from hypothesis import strategies as st
except ImportError:  # hypothesis is an optional test extra; the hand-worked cases still run
    given = st = None

from sciplan.assessment import (
    STATUS_ORDER,
    Assessment,
    Baseline,
    Comparator,
    Kind,
    Status,
    Target,
    Thresholds,
    assess,
    assessed_year,
    classify,
    cumulative_actual,
    expected_by,
    forecast,
    meets,
    past_deadline,
    progress_ratio,
    sort_key,
)

S, E = 2021, 2025


def cumulative(value: float = 5000, comparator: Comparator = Comparator.GE) -> Target:
    return Target(Kind.CUMULATIVE, comparator, value, E, S, E)


def annual(value: float = 100, comparator: Comparator = Comparator.GE) -> Target:
    return Target(Kind.ANNUAL, comparator, value, None, S, E)


def level(
    value: float = 15.0,
    baseline: Baseline | None = None,
    comparator: Comparator = Comparator.GE,
    kind: Kind = Kind.LEVEL,
    target_year: int = E,
) -> Target:
    return Target(kind, comparator, value, target_year, S, E, baseline)


# --- meets -------------------------------------------------------------------------------------------


def test_meets_gt_is_strict():
    assert not meets(15.0, Comparator.GT, 15.0)
    assert meets(15.01, Comparator.GT, 15.0)
    assert not meets(14.99, Comparator.GT, 15.0)


def test_meets_ge_includes_the_target():
    assert meets(15.0, Comparator.GE, 15.0)
    assert meets(15.01, Comparator.GE, 15.0)
    assert not meets(14.99, Comparator.GE, 15.0)


def test_meets_accepts_the_plain_string_comparators():
    # StrEnum members compare equal to their values, so ">=" read from YAML works too.
    assert meets(15.0, ">=", 15.0)  # type: ignore[arg-type]
    assert not meets(15.0, ">", 15.0)  # type: ignore[arg-type]


# --- cumulative ----------------------------------------------------------------------------------------


def test_cumulative_with_a_missing_middle_year():
    a = assess(cumulative(5000), {2021: 800, 2023: 1200}, 2023)
    assert a.actual == 2000  # 800 + (2022 missing, not 0) + 1200
    assert a.expected == 3000  # 5000 * 3/5
    assert a.gap == 1000  # 3000 - 2000
    assert a.ratio == pytest.approx(0.6667, abs=1e-4)  # 2000 / 3000
    assert a.status is Status.NEEDS_ACCELERATION  # 0.6 <= 0.667 < 0.95
    assert a.missing_years == (2022,)
    assert a.missed_years == ()
    assert a.forecast == pytest.approx(3333.33, abs=0.01)  # 2000 * 5/3
    assert a.forecast_meets_target is False  # 3333.33 < 5000
    assert a.baseline is None  # flows use no baseline


def test_cumulative_ignores_years_after_y_and_before_s():
    plain = assess(cumulative(5000), {2021: 800, 2023: 1200}, 2023)
    noisy = assess(cumulative(5000), {2019: 9999, 2020: 9999, 2021: 800, 2023: 1200, 2024: 5000}, 2023)
    assert noisy == plain


def test_cumulative_with_nothing_reported_is_no_data_not_zero():
    a = assess(cumulative(5000), {2024: 3000}, 2022)  # 2024 is after Y, so nothing counts
    assert a.actual is None
    assert a.expected == 2000  # 5000 * 2/5, still given on no_data rows
    assert a.gap is None
    assert a.ratio is None
    assert a.status is Status.NO_DATA
    assert a.missing_years == (2021, 2022)
    assert a.forecast is None
    assert a.forecast_meets_target is None


def test_cumulative_reported_zero_is_a_value():
    a = assess(cumulative(5000), {2021: 0}, 2021)
    assert a.actual == 0  # reported 0, not missing
    assert a.expected == 1000  # 5000 * 1/5
    assert a.ratio == 0  # 0 / 1000
    assert a.status is Status.LIMITED_PROGRESS  # exactly 0 takes the higher class
    assert a.missing_years == ()
    assert a.forecast == 0  # 0 * 5/1
    assert a.forecast_meets_target is False


def test_cumulative_achieved_early_still_reports_the_ratio():
    a = assess(cumulative(5000), {2021: 2000, 2022: 2000, 2023: 1000}, 2023)
    assert a.actual == 5000  # 2000 + 2000 + 1000
    assert a.expected == 3000  # 5000 * 3/5
    assert a.gap == -2000  # ahead of schedule
    assert a.ratio == pytest.approx(5 / 3)  # 5000 / 3000
    assert a.status is Status.ACHIEVED  # 5000 >= 5000
    assert a.forecast == pytest.approx(25000 / 3)  # 5000 * 5/3
    assert a.forecast_meets_target is True


def test_cumulative_gt_at_the_target_exactly_is_not_achieved():
    a = assess(cumulative(5000, Comparator.GT), {2021: 2000, 2022: 2000, 2023: 1000}, 2023)
    assert a.actual == 5000  # not > 5000
    assert a.status is Status.ON_TRACK  # ratio 5000/3000 = 1.67 >= 0.95


def test_cumulative_in_the_final_year():
    a = assess(cumulative(5000), {2021: 900, 2022: 900, 2023: 900, 2024: 900, 2025: 900}, 2025)
    assert a.actual == 4500  # 5 * 900
    assert a.expected == 5000  # 5000 * 5/5
    assert a.gap == 500
    assert a.ratio == 0.9  # 4500 / 5000, still given
    assert a.status is Status.NOT_ACHIEVED  # the period is over: 4500 < 5000 is a miss, not a pace
    assert a.forecast is None  # nothing left to forecast
    assert a.forecast_meets_target is None


# Y = 2021: expected = 5000 * 1/5 = 1000, so ratio = actual / 1000.
@pytest.mark.parametrize(
    ("actual", "ratio", "status"),
    [
        (950, 0.95, Status.ON_TRACK),  # exactly on the bound -> higher class
        (949.9, 0.9499, Status.NEEDS_ACCELERATION),
        (600, 0.6, Status.NEEDS_ACCELERATION),  # exactly on the bound
        (599.9, 0.5999, Status.LIMITED_PROGRESS),
        (0, 0.0, Status.LIMITED_PROGRESS),  # exactly 0
        (-1, -0.001, Status.DETERIORATION),  # e.g. a correction booked as a negative flow
    ],
)
def test_cumulative_status_boundaries(actual, ratio, status):
    a = assess(cumulative(5000), {2021: actual}, 2021)
    assert a.expected == 1000
    assert a.ratio == pytest.approx(ratio, abs=1e-12)
    assert a.status is status


# --- annual --------------------------------------------------------------------------------------------


def test_annual_achieved_this_year_with_an_earlier_miss():
    series = {2021: 120, 2022: 90, 2023: 100, 2024: 10}  # 2024 is after Y: ignored
    a = assess(annual(100), series, 2023)
    assert a.actual == 100  # Y's own value
    assert a.expected == 100  # the yearly target
    assert a.gap == 0
    assert a.ratio == 1.0  # 100 / 100
    assert a.status is Status.ACHIEVED  # 100 >= 100
    assert a.missed_years == (2022,)  # 90 < 100; 2024's 10 is not counted
    assert a.missing_years == ()
    assert a.forecast == 100  # latest value in S..Y
    assert a.forecast_meets_target is True
    assert a.baseline is None


def test_annual_below_target():
    a = assess(annual(100), {2021: 120, 2022: 90}, 2022)
    assert a.actual == 90
    assert a.gap == 10  # 100 - 90
    assert a.ratio == 0.9  # 90 / 100
    assert a.status is Status.NEEDS_ACCELERATION
    assert a.missed_years == (2022,)
    assert a.forecast == 90
    assert a.forecast_meets_target is False


def test_annual_gt_misses_at_the_target_exactly():
    a = assess(annual(100, Comparator.GT), {2021: 120, 2022: 90, 2023: 100}, 2023)
    assert a.missed_years == (2022, 2023)  # 90 and 100 are not > 100
    assert a.ratio == 1.0
    assert a.status is Status.ON_TRACK  # not achieved; ratio 1.0 >= 0.95
    assert a.forecast_meets_target is False  # 100 is not > 100


def test_annual_without_a_value_for_y_is_no_data():
    a = assess(annual(100), {2021: 120}, 2022)
    assert a.actual is None
    assert a.expected == 100
    assert a.gap is None and a.ratio is None
    assert a.status is Status.NO_DATA
    assert a.missing_years == (2022,)
    assert a.missed_years == ()  # a missing year is not a missed target
    assert a.forecast == 120  # latest value in S..Y is 2021's
    assert a.forecast_meets_target is True


def test_annual_runs_to_the_plan_end_year():
    assert assess(annual(100), {2025: 100}, 2025).status is Status.ACHIEVED
    with pytest.raises(ValueError):
        assess(annual(100), {}, 2026)


# --- level ---------------------------------------------------------------------------------------------


def test_level_with_a_plan_baseline():
    t = level(15.0, Baseline(2020, 10.0))
    a = assess(t, {2021: 10.8, 2022: 11.5}, 2022)
    assert a.actual == 11.5
    assert a.expected == 12.0  # 10 + (15 - 10) * (2022 - 2020)/(2025 - 2020) = 10 + 5 * 2/5
    assert a.gap == 0.5  # 12 - 11.5
    assert a.ratio == 0.75  # (11.5 - 10) / (12 - 10) = 1.5 / 2
    assert a.status is Status.NEEDS_ACCELERATION
    assert a.baseline == Baseline(2020, 10.0)
    assert a.missing_years == ()
    # OLS through (2021, 10.8), (2022, 11.5): slope 0.7; 11.5 + 0.7 * 3 = 13.6
    assert a.forecast == pytest.approx(13.6)
    assert a.forecast_meets_target is False


# Literacy 10% in 2020 -> 15% in 2025; Y = 2021: expected = 1000 + 500 * 1/5 = 1100 on a x100 scale,
# so ratio = (actual - 1000) / 100.
@pytest.mark.parametrize(
    ("actual", "ratio", "status"),
    [
        (1095, 0.95, Status.ON_TRACK),  # 95 / 100, exactly on the bound
        (1094.99, 0.9499, Status.NEEDS_ACCELERATION),
        (1060, 0.6, Status.NEEDS_ACCELERATION),  # 60 / 100, exactly on the bound
        (1059.99, 0.5999, Status.LIMITED_PROGRESS),
        (1000, 0.0, Status.LIMITED_PROGRESS),  # no change from the baseline
        (999.99, -0.0001, Status.DETERIORATION),  # slightly below the baseline
        (900, -1.0, Status.DETERIORATION),
    ],
)
def test_level_status_boundaries(actual, ratio, status):
    a = assess(level(1500, Baseline(2020, 1000)), {2021: actual}, 2021)
    assert a.expected == 1100
    assert a.ratio == pytest.approx(ratio, abs=1e-9)
    assert a.status is status


def test_literacy_at_the_target_with_gt_is_not_achieved():
    # "over 15%": 15.0 is not over 15.
    a = assess(level(15.0, Baseline(2020, 10.0), Comparator.GT), {2023: 15.0}, 2023)
    assert a.expected == 13.0  # 10 + 5 * 3/5
    assert a.ratio == pytest.approx(5 / 3)  # (15 - 10) / (13 - 10)
    assert a.status is Status.ON_TRACK


def test_literacy_at_the_target_with_ge_is_achieved():
    a = assess(level(15.0, Baseline(2020, 10.0), Comparator.GE), {2023: 15.0}, 2023)
    assert a.status is Status.ACHIEVED
    assert a.ratio == pytest.approx(5 / 3)  # still reported on achieved rows


def test_level_no_baseline_and_a_single_data_point():
    a = assess(level(15.0), {2023: 12.0}, 2023)
    assert a.baseline == Baseline(2023, 12.0)  # earliest reported year stands in
    assert a.actual == 12.0
    assert a.expected == 12.0  # Y == b: expected = B
    assert a.gap == 0
    assert a.ratio is None  # no progress expected yet: 0/0 avoided
    assert a.status is Status.NO_BASELINE
    assert a.missing_years == (2021, 2022)
    assert a.forecast is None  # one point: no line
    assert a.forecast_meets_target is None


def test_level_single_point_already_at_target_is_achieved():
    # achieved outranks no_baseline
    a = assess(level(15.0), {2022: 16.0}, 2022)
    assert a.status is Status.ACHIEVED
    assert a.ratio is None


def test_level_report_year_equal_to_the_derived_baseline_year():
    series = {2021: 12.0, 2022: 13.0}
    a = assess(level(15.0), series, 2021)  # 2022 lies after Y and is ignored
    assert a.baseline == Baseline(2021, 12.0)
    assert a.expected == 12.0
    assert a.gap == 0
    assert a.ratio is None
    assert a.status is Status.NO_BASELINE
    assert a.forecast is None  # only 2021 counts


def test_level_year_after_the_derived_baseline():
    a = assess(level(15.0), {2021: 12.0, 2022: 13.0}, 2022)
    assert a.baseline == Baseline(2021, 12.0)
    assert a.expected == 12.75  # 12 + (15 - 12) * (2022 - 2021)/(2025 - 2021) = 12 + 3/4
    assert a.gap == -0.25  # 12.75 - 13
    assert a.ratio == pytest.approx(4 / 3)  # (13 - 12) / (12.75 - 12) = 1 / 0.75
    assert a.status is Status.ON_TRACK
    assert a.forecast == pytest.approx(16.0)  # slope 1/yr: 13 + 3
    assert a.forecast_meets_target is True


def test_level_without_y_value_is_no_data_but_has_expected():
    a = assess(level(15.0), {2021: 10.0}, 2022)
    assert a.baseline == Baseline(2021, 10.0)
    assert a.actual is None
    assert a.expected == 11.25  # 10 + 5 * 1/4
    assert a.gap is None and a.ratio is None
    assert a.status is Status.NO_DATA
    assert a.missing_years == (2022,)


def test_level_without_any_value_or_plan_baseline_has_no_expected():
    a = assess(level(15.0), {2024: 14.0}, 2022)  # 2024 is after Y
    assert a.baseline is None
    assert a.expected is None
    assert a.actual is None
    assert a.status is Status.NO_DATA
    assert a.missing_years == (2021, 2022)
    assert a.forecast is None


def test_level_without_any_value_but_a_plan_baseline_has_expected():
    a = assess(level(15.0, Baseline(2020, 10.0)), {}, 2022)
    assert a.expected == 12.0  # 10 + 5 * 2/5
    assert a.status is Status.NO_DATA


def test_level_with_baseline_in_the_target_year_has_no_ratio():
    # E == b: no expected change to divide by.
    t = level(15.0, Baseline(2025, 10.0))
    a = assess(t, {2024: 11.0}, 2024)
    assert a.expected == 10.0  # E == b -> expected = B (no 0/0)
    assert a.ratio is None
    assert a.status is Status.NO_BASELINE


# --- ratio ---------------------------------------------------------------------------------------------


def test_ratio_series_with_a_year_absent():
    # e.g. science teachers / all teachers; 2022 lacked one input so the caller left it out.
    t = level(0.2, kind=Kind.RATIO)
    a = assess(t, {2021: 0.10, 2023: 0.14}, 2023)
    assert a.baseline == Baseline(2021, 0.10)
    assert a.actual == 0.14
    assert a.expected == pytest.approx(0.15)  # 0.10 + 0.10 * 2/4
    assert a.gap == pytest.approx(0.01)
    assert a.ratio == pytest.approx(0.8)  # 0.04 / 0.05
    assert a.status is Status.NEEDS_ACCELERATION
    assert a.missing_years == (2022,)
    assert a.missed_years == ()
    assert a.forecast == pytest.approx(0.18)  # slope 0.02/yr: 0.14 + 2 * 0.02
    assert a.forecast_meets_target is False


def test_ratio_is_assessed_exactly_as_a_level():
    series = {2021: 0.10, 2022: 0.11, 2023: 0.125}
    for y in (2021, 2022, 2023):
        as_level = assess(level(0.2, Baseline(2020, 0.09)), series, y)
        as_ratio = assess(level(0.2, Baseline(2020, 0.09), kind=Kind.RATIO), series, y)
        assert as_ratio == as_level


# --- forecast ------------------------------------------------------------------------------------------


def test_forecast_least_squares_on_a_known_line():
    # 10, 12, 14 at 2021-2023: slope 2/yr, so 14 + 2 * 2 = 18 at 2025
    assert forecast(level(20.0), {2021: 10, 2022: 12, 2023: 14}, 2023) == pytest.approx(18.0)
    # same line with 2022 absent
    assert forecast(level(20.0), {2021: 10, 2023: 14}, 2023) == pytest.approx(18.0)


def test_forecast_least_squares_off_the_line():
    # x - 2022 = -1, 0, 1; y - 12 = -2, 1, 1; slope = (2 + 0 + 1) / 2 = 1.5; 12 + 1.5 * 3 = 16.5
    assert forecast(level(20.0), {2021: 10, 2022: 13, 2023: 13}, 2023) == pytest.approx(16.5)


def test_forecast_ignores_data_after_y_and_the_plan_baseline():
    t = level(20.0, Baseline(2020, 0.0))  # the plan baseline is not a data point
    assert forecast(t, {2021: 10, 2022: 12, 2023: 14, 2024: 100}, 2023) == pytest.approx(18.0)


def test_forecast_cumulative_and_annual():
    assert forecast(cumulative(5000), {2021: 800, 2023: 1200}, 2023) == pytest.approx(2000 * 5 / 3)
    assert forecast(annual(100), {2021: 80, 2022: 95, 2023: 70}, 2022) == 95  # latest in S..Y


def test_assess_uses_the_least_squares_forecast():
    a = assess(level(18.0), {2021: 10, 2022: 12, 2023: 14}, 2023)
    assert a.forecast == pytest.approx(18.0)
    assert a.forecast_meets_target is True  # 18 >= 18


# --- building blocks -----------------------------------------------------------------------------------


def test_expected_by():
    assert expected_by(cumulative(5000), 2021, None) == 1000  # 5000 * 1/5
    assert expected_by(cumulative(5000), 2025, None) == 5000  # 5000 * 5/5
    assert expected_by(annual(100), 2023, None) == 100
    b = Baseline(2020, 10.0)
    assert expected_by(level(15.0, b), 2025, b) == 15.0  # reaches T at E
    assert expected_by(level(15.0), 2023, None) is None
    assert expected_by(level(15.0), 2023, Baseline(2023, 12.0)) == 12.0  # Y == b


def test_cumulative_actual():
    assert cumulative_actual({2021: 800, 2023: 1200}, 2021, 2023) == 2000
    assert cumulative_actual({2020: 5, 2021: 800, 2024: 7}, 2021, 2023) == 800  # outside S..Y ignored
    assert cumulative_actual({}, 2021, 2023) is None
    assert cumulative_actual({2021: 0}, 2021, 2023) == 0


def test_progress_ratio_guards():
    assert progress_ratio(cumulative(0, Comparator.GT), 0, 0, None) is None  # expected 0
    assert progress_ratio(cumulative(), None, 1000, None) is None
    assert progress_ratio(cumulative(), 500, None, None) is None
    assert progress_ratio(level(), 12.0, 13.0, None) is None  # no baseline
    assert progress_ratio(level(), 12.0, 13.0, Baseline(2020, 13.0)) is None  # expected - B == 0
    assert progress_ratio(level(), 12.0, 14.0, Baseline(2020, 10.0)) == 0.5  # 2 / 4
    assert progress_ratio(annual(100), 50, 100, Baseline(2020, 40)) == 0.5  # flows ignore B


def test_flow_with_zero_expected_falls_back_to_no_baseline():
    a = assess(cumulative(0, Comparator.GT), {2021: 0}, 2021)
    assert a.expected == 0  # 0 * 1/5
    assert a.ratio is None
    assert a.status is Status.NO_BASELINE


def test_classify_boundaries_and_custom_thresholds():
    d = Thresholds()
    assert (d.on_track, d.needs_acceleration, d.limited_progress) == (0.95, 0.6, 0.0)
    assert classify(None, d) is Status.NO_BASELINE
    assert classify(0.95, d) is Status.ON_TRACK
    assert classify(0.9499, d) is Status.NEEDS_ACCELERATION
    assert classify(0.6, d) is Status.NEEDS_ACCELERATION
    assert classify(0.5999, d) is Status.LIMITED_PROGRESS
    assert classify(0.0, d) is Status.LIMITED_PROGRESS
    assert classify(-1e-9, d) is Status.DETERIORATION
    strict = Thresholds(on_track=1.0, needs_acceleration=0.8, limited_progress=0.1)
    assert classify(0.95, strict) is Status.NEEDS_ACCELERATION
    assert classify(0.05, strict) is Status.DETERIORATION


def test_assess_passes_thresholds_through():
    a = assess(cumulative(5000), {2021: 920}, 2021, Thresholds(on_track=0.9))
    assert a.ratio == 0.92  # 920 / 1000
    assert a.status is Status.ON_TRACK


@pytest.mark.parametrize("year", [2020, 2026])
def test_report_year_outside_the_plan_period_is_rejected(year):
    for t in (cumulative(), annual(), level(), level(kind=Kind.RATIO)):
        with pytest.raises(ValueError, match="outside the plan period"):
            assess(t, {}, year)
        with pytest.raises(ValueError):
            forecast(t, {}, year)
        with pytest.raises(ValueError):
            expected_by(t, year, None)


def test_target_year_before_end_year_bounds_the_period():
    t = level(15.0, Baseline(2020, 10.0), target_year=2023)
    assert assess(t, {2023: 14.0}, 2023).expected == 15.0
    assert assess(t, {}, 2024).status is Status.NO_DATA  # judged at 2023, which has no value
    with pytest.raises(ValueError):
        assess(t, {}, 2026)  # after the plan's last year
    with pytest.raises(ValueError):
        forecast(t, {2022: 12.0, 2023: 14.0}, 2024)  # the line ends at the target year


def test_missing_years_for_every_kind():
    series = {2021: 1.0, 2023: 1.0}
    for t in (cumulative(), annual(), level(), level(kind=Kind.RATIO)):
        assert assess(t, series, 2024).missing_years == (2022, 2024)


# --- a deadline that has come is met or missed ------------------------------------------------------
# Literacy-like level throughout: baseline 10.0 in 2020, target 15.0 in 2025, so the straight line is
# 10 + (Y - 2020); the county moves exactly one point a year from 2021.

STEADY = {2021: 11.0, 2022: 12.0, 2023: 13.0, 2024: 14.0}


def test_past_deadline_and_assessed_year():
    t = level(15.0, Baseline(2020, 10.0))
    assert (past_deadline(t, 2024), past_deadline(t, 2025)) == (False, True)
    assert (assessed_year(t, 2024), assessed_year(t, 2025)) == (2024, 2025)
    early = level(15.0, Baseline(2020, 10.0), target_year=2023)
    assert (past_deadline(early, 2022), past_deadline(early, 2023), past_deadline(early, 2025)) == (
        False, True, True)
    assert (assessed_year(early, 2022), assessed_year(early, 2025)) == (2022, 2023)
    assert past_deadline(cumulative(), 2025) and past_deadline(level(kind=Kind.RATIO), 2025)
    # Each year of an annual target is its own deadline: the ratio classes stay.
    assert not past_deadline(annual(), 2025) and assessed_year(annual(), 2025) == 2025


def test_the_year_before_the_deadline_keeps_the_ratio_classes_and_the_forecast():
    a = assess(level(15.0, Baseline(2020, 10.0), Comparator.GT), STEADY, 2024)
    assert a.expected == 14.0  # 10 + 5 * 4/5
    assert a.ratio == pytest.approx(1.0)  # (14 - 10) / (14 - 10)
    assert a.status is Status.ON_TRACK
    assert a.forecast == pytest.approx(15.0)  # OLS through 11..14, slope 1: 14 + 1
    assert a.forecast_meets_target is False  # 15.0 is not > 15


def test_gt_target_met_exactly_at_its_target_year_is_not_achieved():
    a = assess(level(15.0, Baseline(2020, 10.0), Comparator.GT), STEADY | {2025: 15.0}, 2025)
    assert (a.expected, a.actual, a.gap) == (15.0, 15.0, 0.0)  # expected is T itself
    assert a.ratio == pytest.approx(1.0)  # (15 - 10) / (15 - 10), still given
    assert a.status is Status.NOT_ACHIEVED  # "over 15": 15.0 is not over 15, and time is up
    assert a.forecast is None and a.forecast_meets_target is None
    assert a.missing_years == ()


def test_ge_target_met_exactly_at_its_target_year_is_achieved():
    a = assess(level(15.0, Baseline(2020, 10.0), Comparator.GE), STEADY | {2025: 15.0}, 2025)
    assert a.status is Status.ACHIEVED
    assert a.forecast is None and a.forecast_meets_target is None


def test_a_report_after_the_target_year_judges_the_target_year_and_ignores_later_values():
    t = level(15.0, Baseline(2020, 10.0), Comparator.GT, target_year=2023)
    a = assess(t, {2022: 13.0, 2023: 14.0, 2024: 16.0, 2025: 17.0}, 2025)
    assert (a.expected, a.actual, a.gap) == (15.0, 14.0, 1.0)  # 2023's value; 16.0 came too late
    assert a.ratio == pytest.approx(0.8)  # (14 - 10) / (15 - 10): the line reaches 15 in 2023
    assert a.status is Status.NOT_ACHIEVED
    assert a.missing_years == (2021,)  # S..2023 only: 2024 and 2025 are not owed for this target
    assert a.forecast is None
    on_time = assess(t, {2023: 15.5, 2024: 14.0}, 2025)
    assert (on_time.actual, on_time.status) == (15.5, Status.ACHIEVED)  # 2024's drop is not counted
    assert assess(t, {2023: 14.0}, 2025) == assess(t, {2023: 14.0}, 2023)


def test_no_value_in_the_target_year_is_no_data():
    a = assess(level(15.0, Baseline(2020, 10.0)), STEADY, 2025)
    assert a.actual is None and a.gap is None and a.ratio is None
    assert a.expected == 15.0
    assert a.status is Status.NO_DATA
    assert a.missing_years == (2025,)
    assert a.forecast is None  # no forecast for a year that is over, even with four points
    t = level(15.0, Baseline(2020, 10.0), target_year=2023)
    assert assess(t, {2022: 13.0, 2024: 16.0}, 2025).status is Status.NO_DATA  # 2024 is after the deadline


@pytest.mark.parametrize(
    ("last", "comparator", "status"),
    [
        (999, Comparator.GE, Status.NOT_ACHIEVED),  # 4999 < 5000
        (1000, Comparator.GE, Status.ACHIEVED),  # 5000 >= 5000
        (1000, Comparator.GT, Status.NOT_ACHIEVED),  # 5000 is not > 5000
        (1001, Comparator.GT, Status.ACHIEVED),  # 5001 > 5000
    ],
)
def test_cumulative_at_its_target_year(last, comparator, status):
    series = {2021: 1000, 2022: 1000, 2023: 1000, 2024: 1000, 2025: last}
    a = assess(cumulative(5000, comparator), series, 2025)
    assert a.actual == 4000 + last
    assert a.expected == 5000
    assert a.gap == 1000 - last
    assert a.ratio == pytest.approx((4000 + last) / 5000)
    assert a.status is status
    assert a.forecast is None and a.forecast_meets_target is None


def test_cumulative_with_missing_years_at_its_target_year():
    a = assess(cumulative(5000), {2021: 3000, 2023: 2500}, 2025)
    assert a.actual == 5500  # the years reported; the others are listed, not read as zero
    assert a.status is Status.ACHIEVED
    assert a.missing_years == (2022, 2024, 2025)


def test_ratio_kind_at_its_target_year():
    t = level(160.0, comparator=Comparator.GE, kind=Kind.RATIO)  # no plan baseline
    a = assess(t, {2021: 120.0, 2023: 130.0, 2025: 150.0}, 2025)
    assert a.baseline == Baseline(2021, 120.0)  # the earliest reported year
    assert (a.expected, a.actual, a.gap) == (160.0, 150.0, 10.0)
    assert a.ratio == pytest.approx(0.75)  # (150 - 120) / (160 - 120)
    assert a.status is Status.NOT_ACHIEVED
    assert a.forecast is None
    # Only the target year reported: it is its own baseline, so no ratio, but still met or missed.
    single = assess(t, {2025: 150.0}, 2025)
    assert (single.expected, single.ratio, single.status) == (160.0, None, Status.NOT_ACHIEVED)
    assert assess(t, {2025: 160.0}, 2025).status is Status.ACHIEVED


def test_annual_target_in_the_last_year_keeps_the_ratio_classes():
    a = assess(annual(100), {2024: 120, 2025: 90}, 2025)
    assert a.ratio == 0.9  # 90 / 100
    assert a.status is Status.NEEDS_ACCELERATION
    assert a.forecast == 90 and a.forecast_meets_target is False


# --- ordering ------------------------------------------------------------------------------------------


def test_status_order_is_worst_first():
    assert STATUS_ORDER == (
        Status.NOT_ACHIEVED,
        Status.DETERIORATION,
        Status.LIMITED_PROGRESS,
        Status.NEEDS_ACCELERATION,
        Status.NO_DATA,
        Status.NO_BASELINE,
        Status.ON_TRACK,
        Status.ACHIEVED,
    )
    assert set(STATUS_ORDER) == set(Status)


def _row(status: Status) -> Assessment:
    return Assessment(None, None, None, None, status, None, None, (), (), None)


def test_sort_key_orders_rows_worst_first_then_by_id():
    rows = [
        ("A3", _row(Status.ACHIEVED)),
        ("B1", _row(Status.NO_DATA)),
        ("A1", _row(Status.DETERIORATION)),
        ("A2", _row(Status.ON_TRACK)),
        ("C1", _row(Status.LIMITED_PROGRESS)),
        ("B2", _row(Status.NO_DATA)),
        ("A0", _row(Status.NO_DATA)),
        ("D1", _row(Status.NEEDS_ACCELERATION)),
        ("D2", _row(Status.NO_BASELINE)),
        ("E1", _row(Status.NOT_ACHIEVED)),
    ]
    ordered = [i for i, _ in sorted(rows, key=lambda r: sort_key(*r))]
    assert ordered == ["E1", "A1", "C1", "D1", "A0", "B1", "B2", "D2", "A2", "A3"]
    assert sort_key("X", _row(Status.NOT_ACHIEVED)) == (0, "X")
    assert sort_key("X", _row(Status.DETERIORATION)) == (1, "X")


# --- properties ----------------------------------------------------------------------------------------

if given is None:

    def test_properties_need_hypothesis():
        pytest.skip("hypothesis not installed")

else:
    _years = st.integers(min_value=2015, max_value=2030)

    def _targets(max_value: float | None = None):
        values = st.floats(min_value=0, max_value=max_value, allow_nan=False, allow_infinity=False)
        return st.builds(
            Target,
            kind=st.sampled_from(Kind),
            comparator=st.sampled_from(Comparator),
            value=values,
            target_year=st.just(E),
            start_year=st.just(S),
            end_year=st.just(E),
            baseline=st.none() | st.builds(Baseline, year=st.integers(2015, E), value=values),
        )

    def _series(max_value: float | None = None):
        values = st.floats(min_value=0, max_value=max_value, allow_nan=False, allow_infinity=False)
        return st.dictionaries(_years, values, max_size=12)

    @given(target=_targets(), series=_series(), year=st.integers(S, E))
    def test_assess_never_raises_and_status_is_a_member(target, series, year):
        a = assess(target, series, year)
        assert a.status in Status
        assert (a.actual is None) == (a.status is Status.NO_DATA)
        assert set(a.missing_years).isdisjoint(y for y in series if S <= y <= year)
        assert set(a.missing_years) | {y for y in series if S <= y <= year} == set(range(S, year + 1))
        if target.kind is not Kind.ANNUAL:
            assert a.missed_years == ()
        if a.forecast is None:
            assert a.forecast_meets_target is None

    @given(target=_targets(1e9), series=_series(1e9), year=st.integers(S, E))
    def test_gap_is_the_shortfall(target, series, year):
        a = assess(target, series, year)
        if a.expected is not None and a.actual is not None:
            assert a.gap == (a.expected - a.actual if target.rising else a.actual - a.expected)
            assert math.isfinite(a.gap)
        else:
            assert a.gap is None

    @given(target=_targets(), series=_series(), year=st.integers(S, E))
    def test_a_passed_deadline_is_met_or_missed(target, series, year):
        a = assess(target, series, year)
        if past_deadline(target, year):
            assert a.status in (Status.ACHIEVED, Status.NOT_ACHIEVED, Status.NO_DATA)
            assert a.forecast is None and a.forecast_meets_target is None
        else:
            assert a.status is not Status.NOT_ACHIEVED

    @given(target=_targets(1e9), series=_series(1e9), year=st.integers(S, E - 1), later=st.floats(0, 1e9))
    def test_data_after_y_never_changes_the_result(target, series, year, later):
        before = {y: v for y, v in series.items() if y <= year}
        after = dict(before) | {y: later for y in range(year + 1, E + 1)}
        assert assess(target, after, year) == assess(target, before, year)
