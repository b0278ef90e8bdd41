"""Assess one plan indicator against its target for a report year.

Pure arithmetic: no I/O, no formatting, nothing rounded (callers format).
The status classes follow Open SDG sdg-build's progress assessment, adapted to
the plan's own period S..E (start year to target year).

A missing yearly report is never read as zero: sums use the years that were
reported, and every result lists the years that were not.

A deadline that has come is met or missed: from its target year on, a cumulative,
level or ratio target is `achieved` or `not_achieved`, never a progress class.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .domain import FLOW_KINDS, LEVEL_KINDS, STATUS_ORDER, Baseline, Comparator, Kind, Status, Thresholds

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
    "forecast",
    "assessed_year",
    "meets",
    "past_deadline",
    "progress_ratio",
    "sort_key",
]

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


@dataclass(frozen=True)
class Assessment:
    expected: float | None
    actual: float | None
    gap: float | None  # expected - actual; positive = shortfall
    ratio: float | None  # progress made / progress expected
    status: Status
    forecast: float | None  # projected value at E; None once the target year has come
    forecast_meets_target: bool | None
    missing_years: tuple[int, ...]  # years in S..Y (S..E past the deadline) with no reported value
    missed_years: tuple[int, ...]  # annual only: reported years in S..Y that failed the yearly target
    baseline: Baseline | None  # baseline used by a level/ratio (plan's or earliest reported); None otherwise


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


def expected_by(target: Target, year: int, baseline: Baseline | None) -> float | None:
    """Where the county should be in `year` if it moved steadily from start to target."""
    _check_year(target, year)
    t, s, e = target.value, target.start_year, _final_year(target)
    if target.kind == Kind.CUMULATIVE:
        # Equal share of the period total per elapsed year.
        return t * (year - s + 1) / (e - s + 1)
    if target.kind == Kind.ANNUAL:
        return t
    if baseline is None:
        return None
    b, bv = baseline.year, baseline.value
    # At the baseline year nothing is expected yet; also avoids 0/0 when E == b.
    if year == b or e == b:
        return bv
    return bv + (t - bv) * (year - b) / (e - b)


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
        # Flows start from zero each period, so the baseline plays no part.
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
    gap = expected - actual if expected is not None and actual is not None else None
    # From the line, so that a baseline in the target year itself still gives no ratio (0/0).
    ratio = progress_ratio(target, actual, on_line, baseline)

    missed: tuple[int, ...] = ()
    if target.kind == Kind.ANNUAL:
        missed = tuple(y for y, v in reported.items() if not meets(v, target.comparator, target.value))

    if actual is None:
        status = Status.NO_DATA
    elif meets(actual, target.comparator, target.value):
        status = Status.ACHIEVED
    elif due:
        status = Status.NOT_ACHIEVED
    else:
        # Covers no_baseline too: a single point or Y == b gives a None ratio.
        status = classify(ratio, thresholds)

    fc = None if due else forecast(target, series, year)
    fc_meets = meets(fc, target.comparator, target.value) if fc is not None else None

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
    )


def sort_key(indicator_id: str, a: Assessment) -> tuple[int, str]:
    """Order report rows worst status first, then by indicator id."""
    return (STATUS_ORDER.index(a.status), indicator_id)
