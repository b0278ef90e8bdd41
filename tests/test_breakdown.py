"""Breakdown rows: each part assessed like the whole, on its own values (hand-worked)."""

from __future__ import annotations

import copy

import pytest

from sciplan.overview import gap_table
from sciplan.progress import Place, ValueRecord
from tests.test_plan_format2 import MINIMAL, check


def record(unit, year, indicator, value, area=None):
    return ValueRecord(unit, year, area, indicator, value, Place("f.yaml", 1))


@pytest.fixture
def plan(tmp_path):
    data = copy.deepcopy(MINIMAL)
    data["areas"] = [{"id": "east", "name": "东街道"}, {"id": "west", "name": "西街道"}]
    data["units"].append({"id": "district", "name": "区政府"})
    data["indicators"][0]["breakdown"] = {"areas": {"east": 300, "west": 200}, "units": {"district": 100}}
    data["indicators"].append({
        "id": "dirty-share", "name": "劣五类水体比例", "kind": "level", "value_type": "percent",
        "comparator": "<=", "target": 10, "target_year": 2030, "task": "clean-water.1",
        "reported_by": ["water"], "additive": False, "by_year": {2028: 12},
        "baseline": {"year": 2025, "value": 20, "source": "公报"},
        "breakdown": {"areas": {"east": 8}}})
    found, findings = check(tmp_path, data)
    assert findings == []
    return found


def test_cumulative_parts_run_from_zero_to_their_own_target(plan):
    values = [record("parks", 2026, "patrols", 40, "east"), record("water", 2026, "patrols", 20, "east"),
              record("parks", 2027, "patrols", 70, "east"), record("parks", 2027, "patrols", 10, "west"),
              record("district", 2027, "patrols", 25)]
    row = next(r for r in gap_table(plan, values, 2027).rows if r.indicator.id == "patrols")
    parts = {p["area"] if "area" in p else p["unit"]: p for p in row.as_dict()["parts"]}
    # east: 40 + 20 + 70 = 130 against 300 × 2/5 = 120: ahead
    assert (parts["east"]["actual"], parts["east"]["expected"], parts["east"]["gap"]) == (130, 120, -10)
    assert parts["east"]["status"] == "on_track" and parts["east"]["missing_years"] == []
    # west: 10 against 200 × 2/5 = 80 (2026 missing, never a zero)
    assert (parts["west"]["actual"], parts["west"]["expected"], parts["west"]["gap"]) == (10, 80, 70)
    assert parts["west"]["missing_years"] == [2026] and parts["west"]["ratio"] == 0.125
    assert parts["west"]["status"] == "limited_progress"
    # the district's own records: 25 against 100 × 2/5 = 40
    district = parts["district"]
    assert (district["actual"], district["gap"], district["ratio"]) == (25, 15, 0.625)
    assert parts["district"]["status"] == "needs_acceleration"
    assert list(parts["district"]) == ["unit", "target", "expected", "actual", "gap", "ratio", "status",
                                       "forecast", "forecast_meets_target", "missing_years", "missed_years"]


def test_a_level_part_starts_at_its_own_earliest_value_without_the_plans_baseline_or_by_year(plan):
    values = [record("water", 2026, "dirty-share", 18, "east"),
              record("water", 2028, "dirty-share", 13, "east"),
              record("water", 2028, "dirty-share", 15)]
    row = next(r for r in gap_table(plan, values, 2028).rows if r.indicator.id == "dirty-share")
    # the whole: (2025, 20) -> (2028, 12) -> (2030, 10): expected 12, actual 15, shortfall 3
    assert (row.assessment.expected, row.assessment.gap) == (12, 3)
    (east,) = row.as_dict()["parts"]
    # east: from (2026, 18) to (2030, 8): expected in 2028 = 18 - 10 × 2/4 = 13 = actual
    assert (east["area"], east["expected"], east["actual"], east["gap"]) == ("east", 13, 13, 0)
    assert east["ratio"] == 1
    assert east["status"] == "on_track"


def test_rows_without_a_breakdown_have_no_parts_key(tmp_path):
    found, _ = check(tmp_path, MINIMAL)
    assert "parts" not in gap_table(found, [], 2026).rows[0].as_dict()
