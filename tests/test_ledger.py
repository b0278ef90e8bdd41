"""Hand-worked checks of sciplan.ledger: the county's value for each indicator and year.

Records are built by hand; the indicators are the real plan's (data/plan.yaml), so the rules are
checked on the kinds and `additive` flags the county actually uses:

- farmer-trainings: cumulative flow        - skilled-worker-trainings: annual flow
- science-volunteers: level, additive       - health-literacy-rate: level, a rate (not additive)
- exhibition-area-per-10k: ratio of exhibition-area (level, additive) to resident-population
  (level, additive) per 10,000 people
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sciplan.ledger import Ledger, flow_series, level_series, ratio_series
from sciplan.progress import Place, ValueRecord
from sciplan.validation import load_plan

PLAN_FILE = Path(__file__).resolve().parents[1] / "data" / "plan.yaml"


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN_FILE)


def rec(indicator: str, year: int, value: float, unit: str = "cast", area: str | None = None) -> ValueRecord:
    return ValueRecord(unit, year, area, indicator, value, Place("test.yaml", 1))


# --- flows ----------------------------------------------------------------------------------------

def test_flows_are_summed_over_units_and_townships():
    records = [
        rec("farmer-trainings", 2022, 900, "agriculture"),  # county-wide
        rec("farmer-trainings", 2022, 300, "agriculture", "huangzhou"),  # a township
        rec("farmer-trainings", 2022, 200, "rural-revitalization"),  # the other lead unit
        rec("farmer-trainings", 2023, 800, "agriculture"),
    ]
    # 2022: 900 + 300 + 200 = 1400; 2023: 800; 2021 was not reported and stays absent (never 0).
    assert flow_series(records) == {2022: 1400.0, 2023: 800.0}


def test_flow_series_is_in_year_order_and_empty_without_records():
    records = [rec("farmer-trainings", 2024, 1), rec("farmer-trainings", 2022, 2)]
    assert list(flow_series(records)) == [2022, 2024]
    assert flow_series([]) == {}


def test_a_reported_zero_is_a_value_not_a_gap():
    # 0 reported for 2022 is a figure; 2021 not reported is not.
    assert flow_series([rec("farmer-trainings", 2022, 0)]) == {2022: 0.0}


# --- levels ---------------------------------------------------------------------------------------

def test_additive_level_county_wide_figure_wins_over_township_sum():
    records = [
        rec("science-volunteers", 2022, 120),  # county-wide
        rec("science-volunteers", 2022, 90, area="huangzhou"),
        rec("science-volunteers", 2022, 60, area="fuluo"),
        rec("science-volunteers", 2023, 90, area="huangzhou"),  # townships only this year
        rec("science-volunteers", 2023, 70, area="fuluo"),
    ]
    # 2022: the county-wide 120 (not 120 + 150, not 150); 2023: 90 + 70 = 160.
    assert level_series(records, additive=True) == {2022: 120.0, 2023: 160.0}


def test_a_rate_given_only_per_township_gives_no_county_value():
    records = [
        rec("health-literacy-rate", 2022, 20, "health"),  # county-wide
        rec("health-literacy-rate", 2023, 24, "health", "huangzhou"),  # township only: no county value
        rec("health-literacy-rate", 2023, 18, "health", "fuluo"),
        rec("health-literacy-rate", 2024, 22, "health"),  # county-wide beside a township figure
        rec("health-literacy-rate", 2024, 30, "health", "huangzhou"),
    ]
    # Rates are never summed (24 + 18 = 42%) or averaged (21%): 2023 has no value at all.
    assert level_series(records, additive=False) == {2022: 20.0, 2024: 22.0}


def test_ledger_uses_the_plans_additive_flag(plan):
    records = [rec("science-volunteers", 2023, 90, area="huangzhou"),
               rec("science-volunteers", 2023, 70, area="fuluo"),
               rec("literacy-rate", 2023, 11.0, area="huangzhou"),
               rec("literacy-rate", 2023, 13.0, area="fuluo")]
    ledger = Ledger(plan, records)
    assert ledger.series(plan.indicator("science-volunteers")) == {2023: 160.0}  # additive: true
    assert ledger.series(plan.indicator("literacy-rate")) == {}  # additive: false (a rate)


def test_ledger_kinds_flow_and_level(plan):
    records = [rec("skilled-worker-trainings", 2022, 1500, "hrss"),
               rec("skilled-worker-trainings", 2022, 600, "trade-union"),
               rec("skilled-worker-trainings", 2023, 400, "hrss", "huangzhou")]
    ledger = Ledger(plan, records)
    # Annual is a flow: 1500 + 600 = 2100 in 2022; the township's 400 counts in 2023.
    assert ledger.series(plan.indicator("skilled-worker-trainings")) == {2022: 2100.0, 2023: 400.0}
    assert ledger.records_of("skilled-worker-trainings") == records
    assert ledger.series(plan.indicator("farmer-trainings")) == {}


# --- ratios ---------------------------------------------------------------------------------------

def test_ratio_per_10k_from_its_two_inputs(plan):
    records = [
        rec("exhibition-area", 2022, 2000), rec("resident-population", 2022, 250000),
        rec("exhibition-area", 2023, 2600),  # population missing in 2023
        rec("resident-population", 2024, 240000),  # area missing in 2024
        # 2025: area from two townships (additive), population county-wide
        rec("exhibition-area", 2025, 3000, area="huangzhou"),
        rec("exhibition-area", 2025, 1000, area="fuluo"),
        rec("resident-population", 2025, 200000),
    ]
    ledger = Ledger(plan, records)
    # 2022: 2000 / (250000 / 10000) = 2000 / 25 = 80
    # 2023 and 2024: one input missing -> no value
    # 2025: (3000 + 1000) / (200000 / 10000) = 4000 / 20 = 200
    assert ledger.series(plan.indicator("exhibition-area-per-10k")) == {2022: 80.0, 2025: 200.0}


def test_ratio_series_needs_both_inputs_and_a_positive_denominator():
    # 2021: 50 / (0 / 10000) would divide by zero -> no value; 2022: 30 / (20000 / 10000) = 15.
    numerator = {2021: 50.0, 2022: 30.0, 2023: 1.0}
    assert ratio_series(numerator, {2021: 0.0, 2022: 20000.0}, 10000) == {2022: 15.0}
    # Scale 1: a plain quotient, 3 / 4 = 0.75.
    assert ratio_series({2022: 3.0}, {2022: 4.0}, 1) == {2022: 0.75}


def test_ratio_inputs_follow_the_level_rules(plan):
    # County-wide area 500 wins over the townships' 100 + 100; population only from townships,
    # 30000 + 20000 = 50000. Ratio: 500 / (50000 / 10000) = 500 / 5 = 100.
    records = [rec("exhibition-area", 2023, 500), rec("exhibition-area", 2023, 100, area="huangzhou"),
               rec("exhibition-area", 2023, 100, area="fuluo"),
               rec("resident-population", 2023, 30000, area="huangzhou"),
               rec("resident-population", 2023, 20000, area="fuluo")]
    ledger = Ledger(plan, records)
    assert ledger.series(plan.indicator("exhibition-area")) == {2023: 500.0}
    assert ledger.series(plan.indicator("resident-population")) == {2023: 50000.0}
    assert ledger.series(plan.indicator("exhibition-area-per-10k")) == {2023: 100.0}
