"""How figures are written for people: the same in every human-readable format."""

from __future__ import annotations

from ..i18n import text

UNKNOWN = "-"


def figure(value: float | None, measure: str = "") -> str:
    """1234.0 -> '1,234'; 15.234 with % -> '15.2'; None -> '-'."""
    if value is None:
        return UNKNOWN
    if measure == "%":
        return f"{value:.1f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def ratio(value: float | None) -> str:
    return UNKNOWN if value is None else f"{value:.2f}"


def percent_of(value: float | None) -> str:
    return UNKNOWN if value is None else f"{value * 100:.0f}%"


def years(values: tuple[int, ...] | list[int], lang: str = "en") -> str:
    return text("list.separator", lang).join(str(y) for y in values) if values else ""


def target(comparator: str | None, value: float | None, measure: str, year: int | None,
           lang: str = "en") -> str:
    """'> 15.0% (2025)', '>= 100 /yr'; in Chinese '> 15.0%（2025年）', '>= 100 /年'."""
    if value is None:
        return UNKNOWN
    amount = f"{comparator} {figure(value, measure)}{'%' if measure == '%' else ''}"
    if year:
        return text("screen.target.year", lang, target=amount, year=year)
    return text("screen.target.per_year", lang, target=amount)
