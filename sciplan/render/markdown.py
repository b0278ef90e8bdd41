"""Markdown tables for review in a repository or pasting into a document.

Both renderers take `lang` ("en" or "zh"); the words come from the catalogue in `i18n`. English keeps
the status and milestone-state ids (`on_track`) that scripts grep; Chinese shows their labels."""

from __future__ import annotations

from .. import overview as ov
from ..i18n import text
from ..overview import GROUP_BY, TASK_COLUMNS, GapRow, GapTable, StatusOverview, grouped
from . import numbers as num


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[object]], align: list[str] | None = None) -> list[str]:
    align = align or ["l"] * len(header)
    rule = ["---:" if a == "r" else "---" for a in align]
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def _label(prefix: str, value: object, lang: str) -> str:
    """An id as English output has always shown it (`on_track`), or its label from the catalogue."""
    return str(value) if lang == "en" else text(f"{prefix}.{value}", lang)


GAP_COLUMNS = ("markdown.col.indicator", "markdown.col.id", "screen.col.target", "screen.col.expected",
               "screen.col.actual", "screen.col.gap", "screen.col.ratio", "screen.col.status",
               "markdown.col.forecast", "markdown.col.missing")


def gap_header(lang: str = "en") -> list[str]:
    return [text(column, lang) for column in GAP_COLUMNS]


GAP_HEADER = gap_header()
GAP_ALIGN = ["l", "l"] + ["r"] * 5 + ["l", "r", "l"]


def _figure(value: float | None, measure: str, decimals: int | None = None) -> str:
    # Percentages carry their sign so 12.0 is not read as a count next to a target of "> 15%".
    return num.figure(value, measure, decimals) + ("%" if measure == "%" and value is not None else "")


def _row_decimals(row: GapRow) -> int:
    a = row.assessment
    return num.decimals_for(a.expected, a.actual, a.gap, row.indicator.measure)


def gap_cells(row: GapRow, lang: str = "en", plan=None) -> list[object]:
    """One table row; a part's share (`row.part`, with the plan to name it) says whose target it is."""
    i, a = row.indicator, row.assessment
    forecast = _figure(a.forecast, i.measure)
    if a.forecast_meets_target is not None:
        verdict = "markdown.forecast.meets" if a.forecast_meets_target else "markdown.forecast.short"
        forecast = text(verdict, lang, value=forecast)
    if a.at_risk:
        forecast = text("markdown.forecast.short_note", lang, value=_figure(a.forecast, i.measure),
                        note=num.row_short_note(row, lang))
    missing = num.years(a.missing_years, lang)
    if a.missed_years:
        missed = text("markdown.missed", lang, years=num.years(a.missed_years, lang))
        missing = (missing + text("screen.semicolon", lang) if missing else "") + missed
    target = num.target(i.comparator, i.target, i.measure, i.target_year, lang, i.target_text)
    if row.part is not None and plan is not None:
        target = text("screen.gap.share", lang, part=ov.part_name(plan, row.part, lang), target=target)
    expected, actual, gap = (_figure(v, i.measure, _row_decimals(row)) for v in (a.expected, a.actual, a.gap))
    if row.pro_rata:
        expected = text("note.pro_rata_cell", lang, value=expected)
    return [i.label(lang), f"`{i.id}`", target, expected, actual, gap,
            num.ratio(a.ratio), f"**{_label('status', a.status, lang)}**", forecast, missing]


def _plan_line(plan, lang: str) -> str:
    return text("markdown.plan", lang, title=plan.label(lang), number=plan.reference, version=plan.version)


def render_gap(table: GapTable, by: str = "indicator", *, lang: str = "en") -> str:
    assert by in GROUP_BY
    lines = [f"# {text('screen.gap.title', lang, year=table.year)}", "", _plan_line(table.plan, lang), ""]
    if not table.rows:
        return "\n".join([*lines, text("screen.no_match", lang)]) + "\n"
    for heading, rows in grouped(table, by, lang):
        if heading:
            lines += [f"## {heading}", ""]
        lines += _table(gap_header(lang), [gap_cells(r, lang, table.plan) for r in rows], GAP_ALIGN)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_status(overview: StatusOverview, *, lang: str = "en") -> str:
    plan = overview.plan
    lines = [f"# {text('markdown.status.title', lang, year=overview.year)}", "", _plan_line(plan, lang), ""]
    if overview.errors:
        errors = text("markdown.status.errors", lang, errors=overview.errors, files=overview.files)
        lines += [f"> {errors}", ""]
    goal = overview.goal_row
    goal_title = (plan.goal_title if lang == "zh" else None) or text("screen.goal", lang)
    if goal is not None:
        a, i = goal.assessment, goal.indicator
        target = num.target(i.comparator, i.target, i.measure, i.target_year, lang, i.target_text)
        line = text("markdown.goal_line", lang, name=i.label(lang), target=target,
                    actual=_figure(a.actual, i.measure, _row_decimals(goal)),
                    expected=_figure(a.expected, i.measure, _row_decimals(goal)),
                    status=f"**{_label('status', a.status, lang)}**")
        lines += [f"**{goal_title}{text('markdown.colon', lang)}** {plan.goal_summary}", "", line, ""]
    lines += [f"## {text('screen.indicators', lang)}", ""]
    lines += _table(gap_header(lang), [gap_cells(r, lang) for r in overview.gap.rows], GAP_ALIGN)
    counts = text("screen.comma", lang).join(f"{_label('status', s, lang)} {c}"
                                             for s, c in overview.gap.counts().items() if c)
    lines += ["", counts, ""]
    behind = ov.parts_behind(overview.gap)
    if behind:
        lines += [f"## {text('screen.parts_behind', lang)}", ""]
        lines += _table(gap_header(lang), [gap_cells(r, lang, plan) for r in behind], GAP_ALIGN)
        lines.append("")
    at_risk = overview.gap.at_risk()
    if at_risk:
        named = [text("note.at_risk_row", lang, note=num.row_short_note(r, lang),
                      name=r.indicator.label(lang)) for r in at_risk]
        lines += [text("note.at_risk_line", lang, rows=text("list.separator", lang).join(named)), ""]
    lines += [f"## {text('markdown.tasks', lang, year=overview.year)}", ""]
    lines += _table([text("screen.col.group", lang), *(text(f"task.{key}", lang) for key in TASK_COLUMNS)],
                    [[g.group.label(lang), *(g.counts[key] for key in TASK_COLUMNS)]
                     for g in overview.groups],
                    ["l", "r", "r", "r", "r", "r"])
    shown = [m for m in overview.milestones if m.state != "upcoming"]
    if shown:
        lines += ["", f"## {text('markdown.milestones', lang)}", ""]
        lines += _table([text("screen.col.year", lang), text("screen.col.state", lang),
                         text("markdown.col.milestone", lang)],
                        [[m.milestone.year, _label("milestone", m.state, lang), m.milestone.text]
                         for m in shown])
    missing = overview.missing_reports
    lines += ["", f"## {text('markdown.reports', lang, year=overview.year)}", "",
              text("markdown.reports_line", lang, sent=len(overview.reporting) - len(missing),
                   owed=len(overview.reporting))]
    if missing:
        names = text("list.separator", lang).join(
            plan.unit(u.unit_id).label(lang) for u in missing)  # type: ignore[union-attr]
        lines += ["", text("markdown.not_received", lang) + names]
    return "\n".join(lines).rstrip() + "\n"
