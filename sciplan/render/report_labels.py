"""Words and figures shared by the HTML and the Markdown report, so both say exactly the same."""

from __future__ import annotations

from ..i18n import text
from ..report import IndicatorReport, TaskOutcome
from . import numbers as num

COMPARATOR_SIGNS = {">": ">", ">=": "≥"}


def amount(value: float | None, measure: str, decimals: int | None = None) -> str:
    """A figure as the report prints it: '15.2%' for percentages, '1,234' otherwise, '-' when unknown."""
    if value is None:
        return num.UNKNOWN
    return num.figure(value, measure, decimals) + ("%" if measure == "%" else "")


def row_amount(ind: IndicatorReport, value: float | None) -> str:
    """One of the indicator's expected, actual and gap, with the decimals that make the three add up."""
    return amount(value, ind.measure, num.decimals_for(ind.expected, ind.actual, ind.gap, ind.measure))


def expected_amount(ind: IndicatorReport, lang: str) -> str:
    """The expected figure, marked as pro-rata where a whole-number indicator's is a fraction."""
    shown = row_amount(ind, ind.expected)
    return text("note.pro_rata_cell", lang, value=shown) if ind.pro_rata else shown


def short_note(ind: IndicatorReport, lang: str) -> str:
    """'按当前进度预计差 138人次' for a row at risk; empty otherwise."""
    if not ind.at_risk or ind.forecast_short is None:
        return ""
    return num.forecast_short_note(ind.forecast_short, ind.measure, ind.whole, lang)


def at_risk_line(rows: list[IndicatorReport], lang: str) -> str:
    """The summary's sentence naming the rows on track but at risk; empty when there are none."""
    if not rows:
        return ""
    named = [text("note.at_risk_row", lang, name=named_short(r, lang), note=short_note(r, lang))
             for r in rows]
    return text("note.at_risk_line", lang, rows=text("list.separator", lang).join(named))


def named_short(ind: IndicatorReport, lang: str) -> str:
    return ind.name_en if lang == "en" and ind.name_en else ind.name


def target(ind: IndicatorReport, lang: str) -> str:
    sign = COMPARATOR_SIGNS.get(ind.comparator, ind.comparator)
    value = num.written(ind.target, ind.target_text) + ("%" if ind.measure == "%" else f" {ind.measure}")
    if ind.target_year is None:
        return text("target.every_year", lang, comparator=sign, value=value)
    return text("target.by_year", lang, comparator=sign, value=value, year=ind.target_year)


def status(value: object, lang: str) -> str:
    return text(f"status.{value}", lang)


def task_status(value: str, lang: str) -> str:
    return text(f"task.{value}", lang)


def forecast(ind: IndicatorReport, lang: str) -> str:
    shown = amount(ind.forecast, ind.measure)
    if ind.forecast_meets_target is None:
        return shown
    verdict = text("forecast.meets" if ind.forecast_meets_target else "forecast.short", lang)
    return text("forecast.with_verdict", lang, value=shown, verdict=verdict)


def notes(ind: IndicatorReport, lang: str) -> str:
    separator = text("list.separator", lang)
    parts = []
    if ind.missing_years:
        parts.append(text("years.missing", lang, years=separator.join(map(str, ind.missing_years))))
    if ind.missed_years:
        parts.append(text("years.missed", lang, years=separator.join(map(str, ind.missed_years))))
    if short_note(ind, lang):
        parts.append(short_note(ind, lang))
    return "; ".join(parts) if lang == "en" else "；".join(parts)


def named(name: str, name_en: str, lang: str) -> str:
    """A plan name: Chinese always; English output adds the plan's English name."""
    return f"{name} ({name_en})" if lang == "en" and name_en else name


def joined(items: tuple[str, ...] | list[str], lang: str) -> str:
    return text("list.separator", lang).join(items) if items else text("report.none", lang)


def goal_line(ind: IndicatorReport, year: int, lang: str) -> str:
    return text("report.goal_line", lang, name=ind.name, target=target(ind, lang), year=year,
                actual=row_amount(ind, ind.actual), expected=row_amount(ind, ind.expected))


def final_task(task: TaskOutcome, lang: str) -> str:
    """Where a task stands at the end of the period: its status, and the year it was last reported."""
    if task.year is None:
        return text("final.never", lang)
    return task_status(task.status, lang) + text("final.last_year", lang, year=task.year)


def years(values: tuple[int, ...], lang: str) -> str:
    return text("list.separator", lang).join(map(str, values)) if values else num.UNKNOWN
