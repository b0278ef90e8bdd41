"""Assess one plan indicator against its target for a report year.

Pure arithmetic: no I/O, no formatting, nothing rounded (callers format).
The status classes follow Open SDG sdg-build's progress assessment, adapted to
the plan's own period S..E (start year to target year).

A missing yearly report is never read as zero: sums use the years that were
reported, and every result lists the years that were not.

A deadline that has come is met or missed: from its target year on, a cumulative,
level or ratio target is `achieved` or `not_achieved`, never a progress class.

A target may fall (`<`, `<=`): the same path and ratio, `gap` still the shortfall (positive means
behind). The expected path runs straight through the plan's own yearly figures (`by_year`), piece
by piece (docs/method.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .domain import (
    FLOW_KINDS,
    LEVEL_KINDS,
    RISING,
    STATUS_ORDER,
    Baseline,
    Comparator,
    Kind,
    Status,
    Thresholds,
)

__all__ = [
    "STATUS_ORDER",
    "Assessment",
    "Baseline",
    "Comparator",
    "Kind",
    "Status",
    "Target",
    "Thresholds",
    "assess",
    "classify",
    "cumulative_actual",
    "expected_by",
    "expected_points",
    "forecast",
    "forecast_shortfall",
    "shortfall",
    "target_for",
    "assessed_year",
    "meets",
    "part_target",
    "past_deadline",
    "progress_ratio",
    "sort_key",
]

# The statuses that say "keep going" by now; with a forecast that misses, the row is at risk.
AT_RISK_STATUSES = (Status.ON_TRACK, Status.NEEDS_ACCELERATION)

DEFAULT_THRESHOLDS = Thresholds()  # a frozen dataclass: one shared value serves every call


@dataclass(frozen=True)
class Target:
    kind: Kind
    comparator: Comparator
    value: float
    target_year: int | None  # None for annual
    start_year: int  # plan period start S
    end_year: int  # plan period end; E = target_year, or end_year when target_year is None
    baseline: Baseline | None = None
    # The plan's own figures for given years, (year, figure) in year order: a cumulative's total by
    # then, a level's value by then, an annual's target for that year.
    by_year: tuple[tuple[int, float], ...] = ()

    @property
    def rising(self) -> bool:
        return self.comparator in RISING


@dataclass(frozen=True)
class Assessment:
    expected: float | None
    actual: float | None
    gap: float | None  # the shortfall: expected - actual (falling targets: actual - expected); + = behind
    ratio: float | None  # progress made / progress expected
    status: Status
    forecast: float | None  # projected value at E; None once the target year has come
    forecast_meets_target: bool | None
    missing_years: tuple[int, ...]  # years in S..Y (S..E past the deadline) with no reported value
    missed_years: tuple[int, ...]  # annual only: reported years in S..Y that failed the yearly target
    baseline: Baseline | None  # baseline used by a level/ratio (plan's or earliest reported); None otherwise
    # How far the forecast falls short of the final target, in the target's direction (positive);
    # None when the forecast meets it or there is none.
    forecast_short: float | None = None

    @property
    def at_risk(self) -> bool:
        """On track or needing acceleration by now, yet the pace so far misses the final target: the
        two statements hold together only with this said beside them."""
        return self.status in AT_RISK_STATUSES and self.forecast_short is not None


def meets(value: float, comparator: Comparator, target: float) -> bool:
    """Whether value satisfies the target; '>' is strict (15.0 is not 'over 15')."""
    if comparator == Comparator.GT:
        return value > target
    if comparator == Comparator.GE:
        return value >= target
    if comparator == Comparator.LT:
        return value < target
    if comparator == Comparator.LE:
        return value <= target
    raise ValueError(f"unknown comparator: {comparator!r}")


def _final_year(target: Target) -> int:
    # Annual targets carry no target year; they run to the end of the plan.
    return target.target_year if target.target_year is not None else target.end_year


def _check_year(target: Target, year: int) -> None:
    start, end = target.start_year, _final_year(target)
    if not start <= year <= end:
        raise ValueError(f"report year {year} is outside the plan period {start}-{end}")


def past_deadline(target: Target, year: int) -> bool:
    """Whether report year `year` has reached the target's own year, so the target is met or missed.

    From its target year on, a cumulative, level or ratio target has no progress left to measure and
    nothing left to forecast. Annual targets have no single deadline (each year is judged on its own),
    so they never pass one.
    """
    return target.kind != Kind.ANNUAL and year >= _final_year(target)


def assessed_year(target: Target, year: int) -> int:
    """The year a report for `year` judges the target at: its target year once that has come, else `year`."""
    return _final_year(target) if past_deadline(target, year) else year


def _reported(series: Mapping[int, float], start: int, year: int) -> dict[int, float]:
    """Values for S..Y only, in year order; later years must not leak into a report for Y.

    None and NaN are treated as "not reported" so a caller's placeholder never counts as a value.
    """
    out: dict[int, float] = {}
    for y in range(start, year + 1):
        v = series.get(y)
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        out[y] = float(v)
    return out


def _baseline_used(target: Target, reported: Mapping[int, float]) -> Baseline | None:
    """The plan's baseline if it has one, else the earliest reported year in S..Y."""
    if target.baseline is not None:
        return target.baseline
    if not reported:
        return None
    first = min(reported)
    return Baseline(first, reported[first])


def target_for(target: Target, year: int) -> float:
    """An annual target's figure for `year`: the plan's own for that year, else its `target`."""
    return dict(target.by_year).get(year, target.value)


def _through(points: list[tuple[int, float]], year: int) -> float:
    """The straight line through `points` (distinct years, in order), piece by piece, at `year`; before
    the first point the first piece is extended."""
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if year <= x1 or (x1, y1) == points[-1]:
            return y0 + (y1 - y0) * (year - x0) / (x1 - x0)
    return points[-1][1]


def expected_points(target: Target, baseline: Baseline | None) -> tuple[tuple[int, float], ...]:
    """The points the expected path runs straight through, in year order (what a chart draws).

    cumulative: (S − 1, 0), each `by_year` point, (E, T); level and ratio: (b, B), each `by_year` point
    after b, (E, T), and none without a baseline; annual: each year's own target, S..E."""
    t, s, e = target.value, target.start_year, _final_year(target)
    if target.kind == Kind.ANNUAL:
        return tuple((y, target_for(target, y)) for y in range(s, e + 1))
    if target.kind == Kind.CUMULATIVE:
        # Nothing before the first year; each by_year point a total by the end of its year.
        return ((s - 1, 0.0), *((y, v) for y, v in target.by_year if s <= y < e), (e, t))
    if baseline is None:
        return ()
    b, bv = baseline.year, baseline.value
    if e == b:
        return ((b, bv),)
    return ((b, bv), *((y, v) for y, v in target.by_year if b < y < e), (e, t))


def expected_by(target: Target, year: int, baseline: Baseline | None) -> float | None:
    """Where the plan should be in `year`: on the straight line from start to target, through the plan's
    own figures for the years between (`by_year`) where it gives them."""
    _check_year(target, year)
    if target.kind == Kind.ANNUAL:
        return target_for(target, year)
    points = list(expected_points(target, baseline))
    if not points:
        return None
    # At the baseline year nothing is expected yet; also avoids 0/0 when E == b.
    if target.kind != Kind.CUMULATIVE and (year == points[0][0] or len(points) == 1):
        return points[0][1]
    return _through(points, year)


def part_target(target: Target, value: float) -> Target:
    """The target of one part of a breakdown: the indicator's kind, comparator and target year with the
    part's own figure; a part inherits neither the plan's baseline nor its `by_year` (a level part starts
    at its own earliest value)."""
    return Target(target.kind, target.comparator, value, target.target_year, target.start_year,
                  target.end_year)


def shortfall(target: Target, expected: float | None, actual: float | None) -> float | None:
    """How far behind: expected - actual for a rising target, actual - expected for a falling one."""
    if expected is None or actual is None:
        return None
    return expected - actual if target.rising else actual - expected


def forecast_shortfall(target: Target, forecast_value: float | None, final: float) -> float | None:
    """How far a forecast misses the final figure `final`: final - forecast for a rising target,
    forecast - final for a falling one; None when there is no forecast or it meets the target."""
    if forecast_value is None or meets(forecast_value, target.comparator, final):
        return None
    return final - forecast_value if target.rising else forecast_value - final


def cumulative_actual(series: Mapping[int, float], start: int, year: int) -> float | None:
    """Sum of reported values for start..year; None (not 0) when nothing was reported."""
    reported = _reported(series, start, year)
    if not reported:
        return None
    return sum(reported.values())


def progress_ratio(
    target: Target,
    actual: float | None,
    expected: float | None,
    baseline: Baseline | None,
) -> float | None:
    """Progress made / progress expected; None whenever it cannot be computed without dividing by 0."""
    if actual is None or expected is None:
        return None
    if target.kind in FLOW_KINDS:
        # Flows start from zero each period, so the baseline plays no part. A cap (an annual `<=`)
        # is kept the better the further below it: expected ÷ actual.
        if not target.rising:
            return expected / actual if actual != 0 else None
        if expected == 0:
            return None
        return actual / expected
    if baseline is None:
        return None
    expected_change = expected - baseline.value
    if expected_change == 0:
        return None
    return (actual - baseline.value) / expected_change


def classify(ratio: float | None, thresholds: Thresholds) -> Status:
    """Threshold classes only; a ratio exactly on a bound takes the higher class.

    A None ratio means there was no progress to measure against (baseline year, single
    point, or a zero expected change), so it is reported as no_baseline rather than guessed.
    """
    if ratio is None:
        return Status.NO_BASELINE
    if ratio >= thresholds.on_track:
        return Status.ON_TRACK
    if ratio >= thresholds.needs_acceleration:
        return Status.NEEDS_ACCELERATION
    if ratio >= thresholds.limited_progress:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION


def _least_squares_at(points: Mapping[int, float], x: int) -> float | None:
    """Ordinary least-squares line through (year, value), evaluated at x; None with < 2 points."""
    if len(points) < 2:
        return None
    n = len(points)
    mean_x = sum(points) / n
    mean_y = sum(points.values()) / n
    sxx = sum((px - mean_x) ** 2 for px in points)
    sxy = sum((px - mean_x) * (py - mean_y) for px, py in points.items())
    # Distinct years guarantee sxx > 0 once there are two points.
    slope = sxy / sxx
    return mean_y + slope * (x - mean_x)


def forecast(target: Target, series: Mapping[int, float], year: int) -> float | None:
    """Projected value at E from the data for S..Y."""
    _check_year(target, year)
    s, e = target.start_year, _final_year(target)
    reported = _reported(series, s, year)
    if target.kind == Kind.CUMULATIVE:
        if not reported:
            return None
        # Keep the pace so far for the remaining years.
        return sum(reported.values()) * (e - s + 1) / (year - s + 1)
    if target.kind == Kind.ANNUAL:
        # A yearly target is best predicted by the latest year's performance.
        return reported[max(reported)] if reported else None
    return _least_squares_at(reported, e)


def assess(
    target: Target,
    series: Mapping[int, float],
    year: int,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Assessment:
    """Assess `target` for report year `year` from the county's yearly `series`.

    Once `year` reaches the target year (see `past_deadline`), the target is judged at its target year
    only: `achieved` or `not_achieved` (or `no_data`), expected = T, no forecast; values for later
    years play no part. `year` may then lie after the target year, up to the plan's last year.
    """
    s = target.start_year
    if not s <= year <= max(_final_year(target), target.end_year):
        raise ValueError(f"report year {year} is outside the plan period {s}-{target.end_year}")
    due = past_deadline(target, year)
    year = assessed_year(target, year)
    reported = _reported(series, s, year)
    missing = tuple(y for y in range(s, year + 1) if y not in reported)

    baseline: Baseline | None = None
    if target.kind == Kind.CUMULATIVE:
        actual = sum(reported.values()) if reported else None
    else:
        actual = reported.get(year)
    if target.kind in LEVEL_KINDS:
        baseline = _baseline_used(target, reported)

    on_line = expected_by(target, year, baseline)
    # At the deadline the straight line has reached T; say T itself rather than T * 5 / 5 in floats.
    expected = target.value if due else on_line
    gap = shortfall(target, expected, actual)
    # From the line, so that a baseline in the target year itself still gives no ratio (0/0).
    ratio = progress_ratio(target, actual, on_line, baseline)

    missed: tuple[int, ...] = ()
    if target.kind == Kind.ANNUAL:
        missed = tuple(y for y, v in reported.items()
                       if not meets(v, target.comparator, target_for(target, y)))
    # What the value is held against: an annual's figure for this year, else the target itself.
    goal = target_for(target, year) if target.kind == Kind.ANNUAL else target.value

    if actual is None:
        status = Status.NO_DATA
    elif meets(actual, target.comparator, goal):
        status = Status.ACHIEVED
    elif due:
        status = Status.NOT_ACHIEVED
    else:
        # Covers no_baseline too: a single point or Y == b gives a None ratio.
        status = classify(ratio, thresholds)

    fc = None if due else forecast(target, series, year)
    # An annual forecast is held against the last year's target.
    final = target_for(target, target.end_year) if target.kind == Kind.ANNUAL else target.value
    fc_meets = meets(fc, target.comparator, final) if fc is not None else None

    return Assessment(
        expected=expected,
        actual=actual,
        gap=gap,
        ratio=ratio,
        status=status,
        forecast=fc,
        forecast_meets_target=fc_meets,
        missing_years=missing,
        missed_years=missed,
        baseline=baseline,
        forecast_short=forecast_shortfall(target, fc, final),
    )


def sort_key(indicator_id: str, a: Assessment) -> tuple[int, str]:
    """Order report rows worst status first, then by indicator id."""
    return (STATUS_ORDER.index(a.status), indicator_id)
