"""The `values:` section of a progress file: each figure, the indicator it is for, and who may report it.

Owns the checks of one value entry (its keys, the indicator named, whether the unit reports it,
the figure itself) and the bound on how large a figure of each value type can sanely be
(`LARGEST`). An entry that passes every check becomes a `ValueRecord`; a level figure refused only
because the unit does not report it is kept as a claim, for the cross-file check X402.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from .. import progress as pf
from ..findings import P301, R205, R208, S103, S104, S105, S106, S107, S108, S111, S114
from ..plan import Indicator, Kind, ValueType
from .context import OWN_HINT, Context, did_you_mean, number_from_text, plain, type_name
from .header import Header
from .lookups import lookups

# The largest figure of each value type that a real report can hold, in one place. A count of
# people, times or items in one county never comes near 10^12, nor does an amount or an area; a
# figure above its bound is a typo or a wrong unit (S114). Percentages stop at 100 (S106). The bound
# also keeps every sum finite: even 40,000 files of 10^12 each add up to 4 x 10^16, far inside what a
# float holds (about 1.8 x 10^308), so no total, ratio or chart can overflow to infinity.
LARGEST: dict[ValueType, float] = {
    ValueType.COUNT: 1e12,
    ValueType.PERCENT: 100,
    ValueType.QUANTITY: 1e12,
}
_LARGEST_ANY = max(LARGEST.values())  # for a figure whose indicator is unknown


def check_values(ctx: Context, header: Header) -> None:
    unit_id = header.unit_id
    figures = lookups(ctx.plan).figures
    kept = ctx.result.values
    for n, item in ctx.entries(ctx.doc.data, "values"):
        path = ("values", n)
        # The clean entry, in one go: only known keys, an indicator of the plan (no ratio) that the
        # unit reports, a figure within its bounds, notes that are text. Anything else is checked
        # step by step below, which words what is wrong.
        written, value = item.get("indicator"), item.get("value")
        kind = type(value)
        if unit_id is not None and type(written) is str and (kind is int or kind is float) \
                and item.keys() <= _VALUE_KEYS:
            known = figures.get(written.strip())  # (id, reporters, largest figure, whole numbers only)
            if known is not None and unit_id in known[1]:
                number = _as_float(value)
                if 0 <= number <= known[2] and (not known[3] or number.is_integer()) \
                        and _is_text_or_none(item.get("note")) and _is_text_or_none(item.get("source")):
                    if header.record_unit:
                        kept.append(pf.ValueRecord(header.record_unit, header.year,  # type: ignore[arg-type]
                                                   header.area_id, known[0], number, ctx.place(path)))
                    continue
        ok = ctx.keys(item, path, pf.VALUE_KEYS, ("indicator", "value"))
        indicator, indicator_ok, not_reporter = (
            _indicator(ctx, item, path, header.unit_id) if "indicator" in item else (None, True, False))
        ok = ok and indicator_ok
        for key in ("note", "source"):
            if item.get(key) is not None and ctx.text(item, path, key) is None:
                ok = False
        value = _figure(ctx, item, path, indicator) if "value" in item else None
        if value is None:
            ok = False
        if header.record_unit and indicator is not None and value is not None:
            record = pf.ValueRecord(header.record_unit, header.year, header.area_id,  # type: ignore[arg-type]
                                    indicator.id, value, ctx.place(path))
            if ok:
                ctx.result.values.append(record)
            elif not_reporter and indicator.kind is Kind.LEVEL:
                ctx.result.claims.append(record)


_VALUE_KEYS = frozenset(pf.VALUE_KEYS)


def _is_text_or_none(value: Any) -> bool:
    """A note or source that `ctx.text` takes without a word: none, or text that is not blank."""
    return value is None or (type(value) is str and bool(value.strip()))


def _indicator(ctx: Context, item: dict, path: tuple, unit_id: str | None
               ) -> tuple[Indicator | None, bool, bool]:
    """The indicator an entry names, whether the entry may count for it, and whether it was refused
    only because the unit does not report it (P301)."""
    plan = ctx.plan
    ind_id = ctx.text(item, path, "indicator")
    indicator = plan.indicator(ind_id) if ind_id else None
    if ind_id and indicator is None:
        ctx.unknown(R205, (*path, "indicator"), "unknown_indicator",
                    did_you_mean(ind_id, [i.id for i in plan.indicators], R205.message("indicators")),
                    indicator=ind_id)
        return None, False, False
    if indicator is not None and indicator.kind is Kind.RATIO:
        inputs = indicator.ratio
        ctx.emit(R208, (*path, "indicator"),
                 R208.message("computed", indicator=indicator.id,
                              numerator=inputs.numerator if inputs else "",
                              denominator=inputs.denominator if inputs else ""),
                 OWN_HINT if inputs else None)
        return indicator, False, False
    if indicator is not None and unit_id is not None:
        reporters = plan.reporters(indicator)
        if unit_id not in reporters:
            names = "、".join(plan.unit(u).name for u in reporters[:4])  # type: ignore[union-attr]
            more = P301.message("more") if len(reporters) > 4 else ""
            ctx.emit(P301, (*path, "indicator"),
                     P301.message("not_reporter", unit=plan.unit(unit_id).name,  # type: ignore[union-attr]
                                  indicator=indicator.id, name=indicator.name, reporters=names,
                                  more=more, unit_id=unit_id))
            return indicator, False, True
    return indicator, True, False


def _figure(ctx: Context, item: dict, path: tuple, indicator: Indicator | None) -> float | None:
    """The entry's figure when it is one a report can hold, or None after saying why not."""
    vpath = (*path, "value")
    value = item["value"]
    if value is None:
        ctx.emit(S111, vpath, S111.message("empty"))
        return None
    if isinstance(value, bool):
        ctx.emit(S103, vpath, S103.message("value_bool", raw=str(ctx.doc.raw.get(vpath))),
                 S103.message("plain_number"))
        return None
    if isinstance(value, str):
        meant = number_from_text(value)
        if meant is not None:
            ctx.emit(S104, vpath, S104.message("number_as_text", value=repr(value), number=plain(meant)))
        else:
            ctx.emit(S103, vpath, S103.message("value_text", value=repr(value)))
        return None
    if not isinstance(value, (int, float)):
        ctx.emit(S103, vpath, S103.message("value_type", got=type_name(value)), S103.message("plain_number"))
        return None
    number = _as_float(value)
    if isinstance(value, float) and not math.isfinite(number):
        ctx.emit(S108, vpath, S108.message("not_finite", raw=str(ctx.doc.raw.get(vpath) or value)))
        return None
    if number < 0:
        ctx.emit(S107, vpath, S107.message("negative", number=plain(number) if math.isfinite(number)
                                                 else _shown(value, number, ctx.doc.raw.get(vpath))))
        return None
    value_type = indicator.value_type if indicator is not None else None
    if value_type is ValueType.PERCENT and number > LARGEST[ValueType.PERCENT]:
        ctx.emit(S106, vpath, S106.message("above_100", indicator=indicator.id,  # type: ignore[union-attr]
                                           number=plain(number)))
        return None
    largest = LARGEST[value_type] if value_type is not None else _LARGEST_ANY
    if number > largest:
        ctx.emit(S114, vpath, S114.message("too_large", number=_shown(value, number, ctx.doc.raw.get(vpath)),
                                           limit=f"{largest:,.0f}"))
        return None
    if value_type is ValueType.COUNT and not number.is_integer():
        ctx.emit(S105, vpath, S105.message("not_whole", indicator=indicator.id,  # type: ignore[union-attr]
                                           measure=indicator.measure, number=plain(number),  # type: ignore[union-attr]
                                           whole=math.floor(number)))
        return None
    return number


def _as_float(value: int | float) -> float:
    """The figure as a float; YAML reads any run of digits as an integer, which may lie beyond the
    largest float: it is then infinitely large for the bounds above, never an OverflowError."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _shown(value: Any, number: float, raw: str | None) -> str:
    """A figure as the finding shows it: as written when short, else in a few significant digits."""
    if abs(number) < 1e15:
        return plain(number)
    return raw if raw and len(raw) <= 20 else format(Decimal(value), ".3g")
