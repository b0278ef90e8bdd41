"""Falling targets, the plan's own yearly figures (by_year) and annual caps: hand-worked examples
(docs/method.md works each of them through)."""

from __future__ import annotations

import pytest

from sciplan.assessment import (
    Baseline,
    Comparator,
    Kind,
    Status,
    Target,
    assess,
    expected_by,
    meets,
    target_for,
)

S, E = 2021, 2025


def target(kind, value, comparator=Comparator.GE, by_year=(), baseline=None):
    return Target(kind, comparator, value, None if kind is Kind.ANNUAL else E, S, E, baseline, tuple(by_year))


@pytest.mark.parametrize(("value", "comparator", "ok"), [
    (19.99, Comparator.LT, True), (20.0, Comparator.LT, False),  # 低于 is strict
    (20.0, Comparator.LE, True), (20.01, Comparator.LE, False),
])
def test_falling_comparators(value, comparator, ok):
    assert meets(value, comparator, 20.0) is ok


# --- by_year: the straight line through the plan's own points -------------------------------------

def test_a_cumulative_path_runs_through_the_by_year_totals():
    # (2020, 0) -> (2022, 800) -> (2024, 3000) -> (2025, 5000)
    t = target(Kind.CUMULATIVE, 5000, by_year=[(2022, 800), (2024, 3000)])
    assert [expected_by(t, y, None) for y in range(S, E + 1)] == [400, 800, 1900, 3000, 5000]


def test_without_by_year_the_path_is_the_old_straight_line():
    t = target(Kind.CUMULATIVE, 5000)
    assert [expected_by(t, y, None) for y in range(S, E + 1)] == [1000, 2000, 3000, 4000, 5000]


def test_a_level_path_runs_from_its_baseline_through_by_year_to_the_target():
    # (2020, 10) -> (2023, 18) -> (2025, 20)
    t = target(Kind.LEVEL, 20, by_year=[(2023, 18)], baseline=Baseline(2020, 10))
    got = [expected_by(t, y, t.baseline) for y in range(S, E + 1)]
    assert got == pytest.approx([10 + 8 / 3, 10 + 16 / 3, 18, 19, 20])


def test_by_year_points_before_the_baseline_play_no_part():
    # baseline = the earliest reported year, 2022: the 2021 point lies before it
    t = target(Kind.LEVEL, 20, by_year=[(2021, 99)])
    assert expected_by(t, 2023, Baseline(2022, 12)) == pytest.approx(12 + 8 / 3)


def test_an_annual_target_has_its_own_figure_for_the_years_by_year_gives():
    t = target(Kind.ANNUAL, 100, by_year=[(2022, 60)])
    assert (target_for(t, 2022), target_for(t, 2023)) == (60, 100)
    a = assess(t, {2021: 90, 2022: 70, 2023: 90}, 2022)
    assert (a.expected, a.gap, a.ratio, a.status) == (60, -10, 70 / 60, Status.ACHIEVED)
    assert assess(t, {2021: 90, 2022: 70, 2023: 90}, 2023).missed_years == (2021, 2023)


def test_a_cumulative_forecast_keeps_its_pace_whatever_by_year_says():
    t = target(Kind.CUMULATIVE, 5000, by_year=[(2022, 800)])
    a = assess(t, {2021: 300, 2022: 300}, 2022)
    assert (a.expected, a.actual, a.gap, a.forecast) == (800, 600, 200, 1500)
    assert a.ratio == 0.75 and a.status is Status.NEEDS_ACCELERATION


# --- falling targets: gap is always the shortfall -------------------------------------------------

def test_a_falling_level_measures_the_fall_made_against_the_fall_expected():
    # 下降到 20 by 2025 from 30 in 2020: expected in 2022 = 30 - 10 * 2/5 = 26; actual 27
    t = target(Kind.LEVEL, 20, Comparator.LE, baseline=Baseline(2020, 30))
    a = assess(t, {2021: 29, 2022: 27}, 2022)
    assert a.expected == 26 and a.gap == 1  # actual - expected: one point behind
    assert a.ratio == pytest.approx(0.75) and a.status is Status.NEEDS_ACCELERATION
    # least squares through 2021-2022 (-2 a year) reaches 21 in 2025: short of <= 20
    assert a.forecast == pytest.approx(21) and a.forecast_meets_target is False


def test_a_falling_level_ahead_of_its_path_has_a_negative_gap():
    t = target(Kind.LEVEL, 20, Comparator.LE, baseline=Baseline(2020, 30))
    a = assess(t, {2022: 24}, 2022)
    assert a.gap == -2 and a.ratio == 1.5 and a.status is Status.ON_TRACK


def test_a_level_that_rises_against_a_falling_target_deteriorates():
    t = target(Kind.LEVEL, 20, Comparator.LE, baseline=Baseline(2020, 30))
    a = assess(t, {2022: 31}, 2022)
    assert a.gap == 5 and a.ratio == pytest.approx(-0.25) and a.status is Status.DETERIORATION


@pytest.mark.parametrize(("comparator", "status"), [(Comparator.LE, Status.ACHIEVED),
                                                     (Comparator.LT, Status.NOT_ACHIEVED)])
def test_a_falling_deadline_is_met_or_missed_on_the_comparator(comparator, status):
    t = target(Kind.LEVEL, 20, comparator, baseline=Baseline(2020, 30))
    a = assess(t, {2025: 20}, 2025)
    assert (a.expected, a.gap, a.status, a.forecast) == (20, 0, status, None)


def test_an_annual_cap_is_kept_the_better_the_further_below():
    t = target(Kind.ANNUAL, 50, Comparator.LE)
    under = assess(t, {2021: 40}, 2021)
    assert (under.gap, under.ratio, under.status) == (-10, 1.25, Status.ACHIEVED)
    over = assess(t, {2021: 40, 2022: 60}, 2022)
    assert (over.gap, over.status, over.missed_years) == (10, Status.NEEDS_ACCELERATION, (2022,))
    assert over.ratio == pytest.approx(50 / 60)
    zero = assess(t, {2021: 0}, 2021)
    assert (zero.ratio, zero.status) == (None, Status.ACHIEVED)  # no division by 0


def test_an_annual_forecast_is_held_against_the_last_years_target():
    series = {2021: 40}
    assert assess(target(Kind.ANNUAL, 50, Comparator.LE), series, 2021).forecast_meets_target is True
    capped = target(Kind.ANNUAL, 50, Comparator.LE, by_year=[(2025, 30)])
    assert assess(capped, series, 2021).forecast_meets_target is False
