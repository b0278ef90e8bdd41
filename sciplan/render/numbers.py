"""How figures are written for people: the same in every human-readable format."""

from __future__ import annotations

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


def years(values: tuple[int, ...] | list[int]) -> str:
    return ", ".join(str(y) for y in values) if values else ""


def target(comparator: str | None, value: float | None, measure: str, year: int | None) -> str:
    if value is None:
        return UNKNOWN
    by = f" ({year})" if year else " /yr"
    return f"{comparator} {figure(value, measure)}{'%' if measure == '%' else ''}{by}"
