"""Markdown tables for review in a repository or pasting into a document."""

from __future__ import annotations

from ..overview import GROUP_BY, GapRow, GapTable, StatusOverview, grouped
from . import numbers as num


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[object]], align: list[str] | None = None) -> list[str]:
    align = align or ["l"] * len(header)
    rule = ["---:" if a == "r" else "---" for a in align]
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


GAP_HEADER = ["指标 Indicator", "id", "Target", "Expected", "Actual", "Gap", "Ratio", "Status", "Forecast",
              "Missing years"]


def _figure(value: float | None, measure: str) -> str:
    # Percentages carry their sign so 12.0 is not read as a count next to a target of "> 15.0%".
    return num.figure(value, measure) + ("%" if measure == "%" and value is not None else "")


def gap_cells(row: GapRow) -> list[object]:
    i, a = row.indicator, row.assessment
    forecast = _figure(a.forecast, i.measure)
    if a.forecast_meets_target is not None:
        forecast += " (meets)" if a.forecast_meets_target else " (short)"
    missing = num.years(a.missing_years)
    if a.missed_years:
        missing = (missing + "; " if missing else "") + "missed " + num.years(a.missed_years)
    return [i.name, f"`{i.id}`", num.target(i.comparator, i.target, i.measure, i.target_year),
            _figure(a.expected, i.measure), _figure(a.actual, i.measure), _figure(a.gap, i.measure),
            num.ratio(a.ratio), f"**{a.status}**", forecast, missing]


def render_gap(table: GapTable, by: str = "indicator") -> str:
    assert by in GROUP_BY
    lines = [f"# Gap by the end of {table.year}", "",
             f"{table.plan.title} ({table.plan.document.number}), plan version {table.plan.version}.", ""]
    if not table.rows:
        return "\n".join([*lines, "No indicator matches."]) + "\n"
    for heading, rows in grouped(table, by):
        if heading:
            lines += [f"## {heading}", ""]
        lines += _table(GAP_HEADER, [gap_cells(r) for r in rows], ["l", "l"] + ["r"] * 5 + ["l", "r", "l"])
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_status(overview: StatusOverview) -> str:
    plan = overview.plan
    lines = [f"# Status for {overview.year}", "",
             f"{plan.title} ({plan.document.number}), plan version {plan.version}.", ""]
    if overview.errors:
        lines += [f"> {overview.errors} errors in {overview.files} progress files: entries with errors are "
                  "not counted. Run `sciplan validate` for details.", ""]
    goal = overview.goal_row
    if goal is not None:
        a, i = goal.assessment, goal.indicator
        target = num.target(i.comparator, i.target, i.measure, i.target_year)
        lines += [f"**总体目标 Overall goal:** {plan.goal.text.split('。')[0]}。", "",
                  f"{i.name} {target}: actual {_figure(a.actual, i.measure)}, expected "
                  f"{_figure(a.expected, i.measure)}: **{a.status}**.", ""]
    lines += ["## Indicators", ""]
    lines += _table(GAP_HEADER, [gap_cells(r) for r in overview.gap.rows],
                    ["l", "l"] + ["r"] * 5 + ["l", "r", "l"])
    counts = ", ".join(f"{s} {c}" for s, c in overview.gap.counts().items() if c)
    lines += ["", counts, "", f"## Task status reported for {overview.year}", ""]
    lines += _table(["Group", "done", "in progress", "not started", "blocked", "not reported"],
                    [[g.group.title, g.counts["done"], g.counts["in_progress"], g.counts["not_started"],
                      g.counts["blocked"], g.counts["not_reported"]] for g in overview.groups],
                    ["l", "r", "r", "r", "r", "r"])
    shown = [m for m in overview.milestones if m.state != "upcoming"]
    if shown:
        lines += ["", "## Schedule milestones", ""]
        lines += _table(["Year", "State", "Milestone"], [[m.milestone.year, m.state, m.milestone.text]
                                                           for m in shown])
    missing = overview.missing_reports
    lines += ["", f"## Reports for {overview.year}", "",
              f"{len(overview.reporting) - len(missing)} of {len(overview.reporting)} units that owe a "
              "report sent one."]
    if missing:
        lines += ["", "Not received: " + "、".join(plan.unit(u.unit_id).name for u in missing)]  # type: ignore[union-attr]
    return "\n".join(lines).rstrip() + "\n"
