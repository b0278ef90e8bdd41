"""How figures are written for people: the same in every human-readable format, and in the
templates and export workbooks that show a target or pick a row's decimals. Imports only i18n."""

from __future__ import annotations

import re
from decimal import Decimal

from .i18n import text

UNKNOWN = "-"
MAX_DECIMALS = 4  # a row's figures never show more decimals than this


def figure(value: float | None, measure: str = "", decimals: int | None = None) -> str:
    """1234.0 -> '1,234'; 15.234 with % -> '15.2'; None -> '-'. With `decimals`, exactly that many
    (see `decimals_for`, which picks them for the figures of one row)."""
    if value is None:
        return UNKNOWN
    if decimals is None:
        decimals = _natural_decimals(value, measure)
    shown = f"{value:,.{decimals}f}"
    return shown[1:] if re.fullmatch(r"-[0.,]+", shown) else shown  # never '-0.0'


def _natural_decimals(value: float, measure: str) -> int:
    """How many decimals a figure shows on its own: one for percentages and for fractions under 100."""
    if measure == "%":
        return 1
    if float(value).is_integer() or abs(value) >= 100:
        return 0
    return 1


def decimals_for(expected: float | None, actual: float | None, gap: float | None, measure: str = "") -> int:
    """The decimals that a row of expected, actual and gap shows, the same for all three: the fewest,
    from what each figure shows on its own, at which the figures shown add up (expected shown minus
    actual shown is the gap shown, or its negative for a falling target) and a gap that is not zero
    does not show as zero; at most MAX_DECIMALS. 109.6, 110, -0.4 -> 1 (109.6, 110.0, -0.4);
    10.04, 10, 0.04 -> 2."""
    present = [v for v in (expected, actual, gap) if v is not None]
    if not present:
        return 0
    decimals = max(_natural_decimals(v, measure) for v in present)
    while decimals < MAX_DECIMALS and not _adds_up(expected, actual, gap, decimals):
        decimals += 1
    return decimals


def _adds_up(expected: float | None, actual: float | None, gap: float | None, decimals: int) -> bool:
    def shown(value: float) -> Decimal:
        return Decimal(figure(value, decimals=decimals).replace(",", ""))

    if gap is not None and gap != 0 and shown(gap) == 0:
        return False
    if expected is None or actual is None or gap is None:
        return True
    # The gap is the shortfall: expected − actual for a rising target, actual − expected for a falling one.
    return abs(shown(expected) - shown(actual)) == abs(shown(gap))


def written(value: float | None, literal: str | None = None) -> str:
    """A figure as the plan writes it, with thousands separators: the plan's own text when known
    ('3.0' stays 3.0), else the shortest form of the number (15.0 -> '15', 0.35 -> '0.35')."""
    if value is None:
        return UNKNOWN
    if literal is None or not re.fullmatch(r"[+-]?[0-9_]+(\.[0-9_]*)?", literal.strip()):
        literal = str(int(value)) if float(value).is_integer() else repr(float(value))
    whole, dot, fraction = literal.strip().replace("_", "").partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("+-")
    return f"{sign}{int(digits or 0):,}{dot}{fraction}"


def ratio(value: float | None) -> str:
    return UNKNOWN if value is None else f"{value:.2f}"


def percent_of(value: float | None) -> str:
    return UNKNOWN if value is None else f"{value * 100:.0f}%"


def years(values: tuple[int, ...] | list[int], lang: str = "en") -> str:
    return text("list.separator", lang).join(str(y) for y in values) if values else ""


def target(comparator: str | None, value: float | None, measure: str, year: int | None,
           lang: str = "en", literal: str | None = None) -> str:
    """'> 15% (2025)', '>= 100 /yr'; in Chinese '> 15%（2025年）', '>= 100 /年': the target as the
    plan writes it (`literal`, its text in the plan file, when known)."""
    if value is None:
        return UNKNOWN
    amount = f"{comparator} {written(value, literal)}{'%' if measure == '%' else ''}"
    if year:
        return text("screen.target.year", lang, target=amount, year=year)
    return text("screen.target.per_year", lang, target=amount)
