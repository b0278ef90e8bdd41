"""Accepted records -> the county's value for each indicator and year.

Rules (docs/method.md): flows are summed over every unit and township; a level is the county-wide
figure when one was given, otherwise the sum over townships for additive levels (counts, areas,
population) and no value for rates, which are never summed or averaged; a ratio is computed each
year from its two inputs and has no value in a year where either is missing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .assessment import Kind
from .plan import Indicator, Plan
from .progress import ValueRecord


class Ledger:
    """The county's yearly values, built once from validated records."""

    def __init__(self, plan: Plan, records: Iterable[ValueRecord]):
        self.plan = plan
        self.records = list(records)
        self._by_indicator: dict[str, list[ValueRecord]] = defaultdict(list)
        for rec in self.records:
            self._by_indicator[rec.indicator].append(rec)
        self._series: dict[str, dict[int, float]] = {}

    def records_of(self, indicator_id: str) -> list[ValueRecord]:
        return self._by_indicator.get(indicator_id, [])

    def series(self, indicator: Indicator) -> dict[int, float]:
        """year -> the county's value; years without one are absent (never zero)."""
        if indicator.id not in self._series:
            self._series[indicator.id] = self._compute(indicator)
        return self._series[indicator.id]

    def part_series(self, indicator: Indicator, *, area: str | None = None,
                    unit: str | None = None) -> dict[int, float]:
        """year -> one part's value (docs/method.md, breakdown): an area's from every unit's records for
        it (added for flows, the area's figure for levels); a unit's from its own records, for the
        whole and per area (added for flows; its figure for the whole, else the areas' sum when
        additive, for levels). A ratio's part is its inputs' parts divided."""
        if indicator.kind is Kind.RATIO:
            inputs = indicator.ratio
            numerator = self.plan.indicator(inputs.numerator) if inputs else None
            denominator = self.plan.indicator(inputs.denominator) if inputs else None
            if inputs is None or numerator is None or denominator is None:
                return {}
            return ratio_series(self.part_series(numerator, area=area, unit=unit),
                                self.part_series(denominator, area=area, unit=unit), inputs.denominator_scale)
        records = self.records_of(indicator.id)
        if area is not None:
            mine = [r for r in records if r.area == area]
            if indicator.is_flow:
                return flow_series(mine)
            return dict(sorted((r.year, r.value) for r in mine))  # a level has one reporting unit
        mine = [r for r in records if r.unit == unit]
        if indicator.is_flow:
            return flow_series(mine)
        return level_series(mine, additive=bool(indicator.additive))

    def _compute(self, indicator: Indicator) -> dict[int, float]:
        if indicator.kind is Kind.RATIO:
            return self._ratio(indicator)
        records = self.records_of(indicator.id)
        if indicator.is_flow:
            return flow_series(records)
        return level_series(records, additive=bool(indicator.additive))

    def _ratio(self, indicator: Indicator) -> dict[int, float]:
        inputs = indicator.ratio
        if inputs is None:
            return {}
        numerator = self.plan.indicator(inputs.numerator)
        denominator = self.plan.indicator(inputs.denominator)
        if numerator is None or denominator is None:
            return {}
        return ratio_series(self.series(numerator), self.series(denominator), inputs.denominator_scale)


def flow_series(records: Iterable[ValueRecord]) -> dict[int, float]:
    out: dict[int, float] = defaultdict(float)
    for rec in records:
        out[rec.year] += rec.value
    return dict(sorted(out.items()))


def level_series(records: Iterable[ValueRecord], *, additive: bool) -> dict[int, float]:
    county: dict[int, float] = {}
    townships: dict[int, float] = defaultdict(float)
    for rec in records:
        if rec.area is None:
            county[rec.year] = rec.value
        else:
            townships[rec.year] += rec.value
    out = dict(county)
    if additive:
        for year, total in townships.items():
            out.setdefault(year, total)  # a county-wide figure wins over the township sum
    return dict(sorted(out.items()))


def ratio_series(numerator: dict[int, float], denominator: dict[int, float],
                 scale: float) -> dict[int, float]:
    """numerator / (denominator / scale) for each year with both inputs and a non-zero denominator."""
    return {
        year: numerator[year] / (denominator[year] / scale)
        for year in sorted(numerator.keys() & denominator.keys())
        if denominator[year] > 0
    }
