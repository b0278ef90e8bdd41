"""Terminal output with rich: tables that align Chinese text (rich measures cell width), colour only
when the caller says the output is a colour terminal, plain text otherwise."""

from __future__ import annotations

import io
import math
from collections.abc import Callable

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..assessment import Status
from ..findings import Report, Severity
from ..overview import GROUP_BY, GapRow, GapTable, StatusOverview, grouped
from ..plan import Indicator, Plan, Task, Unit
from . import numbers as num

STATUS_STYLE = {
    "achieved": "bold green",
    "on_track": "green",
    "needs_acceleration": "yellow",
    "limited_progress": "red",
    "deterioration": "bold red",
    "no_data": "dim",
    "no_baseline": "cyan",
}


def _render(build: Callable[[Console], None], *, color: bool, width: int) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, color_system="standard" if color
                      else None, width=width, highlight=False, emoji=False, soft_wrap=False, legacy_windows=False)
    build(console)
    # rich pads table cells to the full width; trailing blanks only get in the way of diffs and pastes.
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


# --- findings -------------------------------------------------------------------------------------

def render_findings(report: Report, *, color: bool = False, width: int = 80) -> str:
    def build(console: Console) -> None:
        by_file: dict[str, list] = {}
        for f in report.sorted():
            by_file.setdefault(f.file or "(no file)", []).append(f)
        # One width for every file's location and severity columns, so all messages start in one column.
        where_width = max((len(_where(f)) for f in report.findings), default=1) + 2
        for file, findings in by_file.items():
            console.print(Text(file, style="bold underline"))
            grid = Table.grid(padding=(0, 1), pad_edge=False)
            grid.add_column(no_wrap=True, style="dim", min_width=where_width)  # line:column
            grid.add_column(no_wrap=True, min_width=len("warning"))  # severity
            grid.add_column(no_wrap=True, style="bold")  # code
            grid.add_column(overflow="fold")  # message and hint
            for f in findings:
                where = _where(f)
                style = "red" if f.severity is Severity.ERROR else "yellow"
                body = Text(f.message)
                if f.hint:
                    body.append("\nhint: ", style="dim").append(f.hint, style="dim" if not color else "")
                grid.add_row("  " + where, Text(str(f.severity), style=style), f.code, body)
            console.print(grid)
            console.print()
        summary = Text(f"{report.files} file{'s' if report.files != 1 else ''} checked: ")
        summary.append(f"{report.errors} error{'s' if report.errors != 1 else ''}",
                       style="bold red" if report.errors else "green")
        summary.append(", ")
        summary.append(f"{report.warnings} warning{'s' if report.warnings != 1 else ''}",
                       style="yellow" if report.warnings else "")
        console.print(summary)

    return _render(build, color=color, width=width)


def _where(f) -> str:
    return f"{f.line}:{f.column}" if f.line and f.column else (f"{f.line}" if f.line else "-")


def render_plan_findings(findings, *, color: bool = False, width: int = 80) -> str:
    report = Report(files=1, findings=list(findings))
    return render_findings(report, color=color, width=width)


# --- the plan -------------------------------------------------------------------------------------

def render_plan(plan: Plan, *, color: bool = False, width: int = 80) -> str:
    def build(console: Console) -> None:
        console.print(Text(plan.title, style="bold"))
        console.print(f"{plan.document.number}  {plan.document.issuer}  {plan.document.issued}  "
                      f"period {plan.period.start}-{plan.period.end}  plan version {plan.version}")
        console.print()
        console.print(Text(f"{plan.goal.heading} ", style="bold").append(plan.goal.text.split("。")[0] + "。",
                                                                        style=""))
        console.print()
        groups = Table(title="Groups and tasks", title_justify="left", expand=False)
        groups.add_column("Group", no_wrap=True)
        groups.add_column("名称", overflow="fold", ratio=2)
        groups.add_column("Tasks", justify="right", no_wrap=True)
        groups.add_column("Lead (牵头)", overflow="fold", ratio=3)
        for g in plan.groups:
            kind = "提升行动" if g.kind == "action" else "重点工程"
            groups.add_row(g.id, f"{g.title}（{kind}）", str(len(g.tasks)),
                           "、".join(plan.unit(u).name for u in g.responsibility.lead))  # type: ignore[union-attr]
        console.print(groups)
        console.print()
        inds = Table(title="Indicators", title_justify="left")
        inds.add_column("Indicator / 名称", overflow="fold", ratio=1)
        inds.add_column("Kind", no_wrap=True)
        inds.add_column("Target", justify="right", no_wrap=True)
        for i in plan.indicators:
            target = num.target(i.comparator, i.target, i.measure, i.target_year) if i.has_target else "(input)"
            inds.add_row(Text(i.id, style="bold").append(f"\n{i.name}（{i.measure}）", style=""), str(i.kind),
                         target)
        console.print(inds)
        console.print()
        reporting = sum(1 for u in plan.units if plan.groups_of_unit(u.id))
        console.print(f"{len(plan.units)} units ({reporting} named in responsibility lines), "
                      f"{len(plan.townships)} townships, {len(plan.milestones)} schedule milestones. "
                      "`sciplan plan show ID` shows any of them.")

    return _render(build, color=color, width=width)


def render_task(plan: Plan, task: Task, *, color: bool = False, width: int = 80) -> str:
    group = plan.group_of_task(task.id)

    def build(console: Console) -> None:
        console.print(Text(f"{task.id}  {task.title}", style="bold"))
        if group:
            kind = "提升行动" if group.kind == "action" else "重点工程"
            console.print(f"{group.heading}（{kind}）  group `{group.id}`")
        console.print()
        console.print(task.text)
        console.print()
        if group:
            console.print(Text("牵头 lead: ", style="bold").append(_names(plan, group.responsibility.lead)))
            console.print(Text("参加 participating: ", style="bold")
                          .append(_names(plan, group.responsibility.participating)))
        indicators = [i for i in plan.indicators if i.task == task.id]
        if indicators:
            console.print()
            console.print(Text("Indicators:", style="bold"))
            for i in indicators:
                console.print(f"  {i.id}  {i.name}  {_target_text(i)}")

    return _render(build, color=color, width=width)


def _names(plan: Plan, unit_ids: list[str]) -> str:
    return "、".join(plan.unit(u).name if plan.unit(u) else u for u in unit_ids)  # type: ignore[union-attr]


def _target_text(i: Indicator) -> str:
    return num.target(i.comparator, i.target, i.measure, i.target_year) if i.has_target else "(input to a ratio)"


def render_indicator(plan: Plan, i: Indicator, *, color: bool = False, width: int = 80) -> str:
    def build(console: Console) -> None:
        console.print(Text(f"{i.id}  {i.name}", style="bold"))
        console.print(i.name_en)
        console.print()
        rows = [
            ("measure", i.measure), ("kind", str(i.kind)), ("target", _target_text(i)),
            ("task", f"{i.task}  {plan.task(i.task).title if plan.task(i.task) else plan.goal.heading}"),
            ("baseline", f"{i.baseline.value} ({i.baseline.year}, {i.baseline.source})" if i.baseline
             else "none given in the document"),
            ("reported by", _names(plan, plan.reporters(i)) or "computed, never reported"),
        ]
        if i.ratio:
            rows.append(("computed as", f"{i.ratio.numerator} ÷ ({i.ratio.denominator} ÷ "
                                        f"{num.figure(i.ratio.denominator_scale)})"))
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column(overflow="fold")  # every reporting unit, never cut off with an ellipsis
        for k, v in rows:
            table.add_row(k, escape(v))
        console.print(table)
        console.print()
        console.print(Text("source: ", style="bold").append(i.source_text))

    return _render(build, color=color, width=width)


def render_unit(plan: Plan, unit: Unit, *, color: bool = False, width: int = 80) -> str:
    def build(console: Console) -> None:
        console.print(Text(f"{unit.name}  ({unit.id})", style="bold"))
        console.print(unit.name_en)
        if unit.aliases:
            console.print("aliases: " + "、".join(unit.aliases))
        if unit.hosted_by:
            console.print(f"placed at: {_names(plan, [unit.hosted_by])}")
        console.print()
        groups = plan.groups_of_unit(unit.id)
        if groups:
            table = Table(title="Groups", title_justify="left")
            table.add_column("Role")
            table.add_column("Group", overflow="fold")
            table.add_column("Tasks")
            for g, role in groups:
                table.add_row("牵头 lead" if role == "lead" else "参加 joins", f"{g.title} ({g.id})",
                              ", ".join(t.id for t in g.tasks))
            console.print(table)
        else:
            console.print("Named in no responsibility line.")
        indicators = plan.indicators_of_unit(unit.id)
        if indicators:
            console.print()
            table = Table(title="Indicators it may report", title_justify="left")
            table.add_column("Indicator", no_wrap=True)  # an id is what the user types next
            table.add_column("名称", overflow="fold")
            table.add_column("Target", justify="right")
            for i in indicators:
                table.add_row(i.id, i.name, _target_text(i))
            console.print(table)
        milestones = [m for m in plan.milestones if unit.id in plan.milestone_reporters(m)]
        if milestones:
            console.print()
            console.print(Text("Schedule milestones:", style="bold"))
            for m in milestones:
                console.print(f"  {m.year}  {m.id}  {m.text}")

    return _render(build, color=color, width=width)


# --- gap and status -------------------------------------------------------------------------------
#
# Both screens must read in an 80-column terminal with Chinese names, so an indicator's name gets a
# line of its own (rich folds it by display width) and the figures go on the line below, in fixed
# ASCII columns that line up from one indicator to the next.

BAR_WIDTH = 10
BAR_FULL, BAR_EMPTY, BAR_EXPECTED = "█", "·", "┊"
_NUMBER_COLUMNS = (("Expected", 11), ("Actual", 11), ("Gap", 11), ("Ratio", 7))
_STATUS_WIDTH = max(len(str(s)) for s in Status)


def _status_text(status: Status | str) -> Text:
    return Text(str(status), style=STATUS_STYLE.get(str(status), ""))


def _is_level(row: GapRow) -> bool:
    return row.indicator.kind in ("level", "ratio")


def _share(row: GapRow, value: float | None) -> float | None:
    """Where `value` lies on the way to the final target: 0 at the start (0 for flows, the baseline
    for levels), 1 at the target."""
    a, i = row.assessment, row.indicator
    if value is None or not i.target:
        return None
    if _is_level(row):
        if a.baseline is None or i.target == a.baseline.value:
            return None
        return (value - a.baseline.value) / (i.target - a.baseline.value)
    return value / i.target


def progress_share(row: GapRow) -> float | None:
    """Share of the final target reached (flows) or of the way from baseline to target (levels)."""
    return _share(row, row.assessment.actual)


def _bar(row: GapRow, width: int = BAR_WIDTH) -> Text:
    """█ for the way made, ┊ where the straight line says the county should be by now."""
    share = progress_share(row)
    if share is None:
        return Text(BAR_EMPTY * width, style="dim")
    filled = max(0, min(width, round(share * width)))
    cells = [BAR_FULL] * filled + [BAR_EMPTY] * (width - filled)
    expected = _share(row, row.assessment.expected)
    if expected is not None:
        # The cell holding the expected point; the small epsilon keeps 0.6 * 10 from landing on 5.
        mark = math.floor(expected * width + 1e-9)
        if filled <= mark < width:
            cells[mark] = BAR_EXPECTED
    # Styles go on the segments, not the Text: a base style would tint the dots too.
    bar = Text().append("".join(cells[:filled]), style=STATUS_STYLE.get(str(row.status), ""))
    return bar.append("".join(cells[filled:]), style="dim")


def _unit_suffix(i: Indicator, value: float | None) -> str:
    return "%" if i.measure == "%" and value is not None else ""


def _figure(i: Indicator, value: float | None) -> str:
    return num.figure(value, i.measure) + _unit_suffix(i, value)


def _short_target(row: GapRow, period_end: int) -> str:
    """'>= 5,000', '> 15.0%', '>= 2,000/yr'; the year only when it is not the plan's end year."""
    i = row.indicator
    text = f"{i.comparator} {_figure(i, i.target)}"
    if i.kind == "annual":
        return text + "/yr"
    if i.target_year and i.target_year != period_end:
        text += f" by {i.target_year}"
    return text


def _long_target(i: Indicator) -> str:
    measure = "" if i.measure == "%" else f" {i.measure}"
    when = "a year" if i.kind == "annual" else f"by {i.target_year}"
    return f"{i.comparator} {_figure(i, i.target)}{measure} {when}"


def _forecast_text(row: GapRow) -> str:
    a = row.assessment
    if a.forecast is None:
        return num.UNKNOWN
    verdict = {True: " meets", False: " short", None: ""}[a.forecast_meets_target]
    return _figure(row.indicator, a.forecast) + verdict


def _gap_header(table: GapTable) -> Text:
    head = "  " + "Status".ljust(_STATUS_WIDTH)
    head += "".join(label.rjust(w) for label, w in _NUMBER_COLUMNS)
    head += f"  Forecast {table.plan.period.end}"
    return Text(head, style="bold")


def _gap_entry(row: GapRow, year: int) -> list[Text]:
    """Three lines: name, id and target; the figures under the column heads; kind and gaps in the data."""
    i, a = row.indicator, row.assessment
    title = Text(i.name, style="bold").append(f"  {i.id}", style="dim").append(f"  {_long_target(i)}")
    figures = Text("  ").append_text(_status_text(a.status))
    figures.append(" " * (_STATUS_WIDTH - len(str(a.status))))
    for (_, w), value in zip(_NUMBER_COLUMNS, (a.expected, a.actual, a.gap), strict=False):
        figures.append(_figure(i, value).rjust(w))
    figures.append(num.ratio(a.ratio).rjust(_NUMBER_COLUMNS[-1][1]))
    figures.append("  " + _forecast_text(row))
    detail = Text(f"  {i.kind}", style="dim")
    if row.year < year:
        detail.append(f" · judged at its target year {row.year}", style="yellow")
    if a.missing_years:
        detail.append(" · no figure for " + num.years(a.missing_years), style="yellow")
    if a.missed_years:
        detail.append(" · yearly target missed in " + num.years(a.missed_years), style="yellow")
    return [title, figures, detail]


def render_gap(table: GapTable, by: str = "indicator", *, color: bool = False, width: int = 80) -> str:
    assert by in GROUP_BY
    plan = table.plan

    def build(console: Console) -> None:
        console.print(Text(f"Gap by the end of {table.year}", style="bold"))
        console.print(plan.title)
        console.print(f"{plan.document.number} · plan version {plan.version}")
        console.print(Text(f"Data {plan.period.start}-{table.year}. Gap = expected − actual (+ is a "
                           "shortfall); ratio = progress made ÷ progress expected; worst first.",
                           style="dim"))
        console.print()
        if not table.rows:
            console.print("No indicator matches.")
            return
        console.print(_gap_header(table))
        for heading, rows in grouped(table, by):
            if heading:
                console.print()
                console.print(Text(heading, style="bold underline"))
            for row in rows:
                for line in _gap_entry(row, table.year):
                    console.print(line)
        console.print()
        console.print(_counts_line(table))

    return _render(build, color=color, width=width)


def _counts_line(table: GapTable) -> Text:
    line = Text()
    for status, count in table.counts().items():
        if count:
            if line:
                line.append(" · ")
            line.append(f"{status} {count}", style=STATUS_STYLE.get(status, ""))
    return line


def _goal_lines(overview: StatusOverview) -> list[Text]:
    plan, goal = overview.plan, overview.goal_row
    lines = [Text("总体目标 ", style="bold").append(plan.goal.text.split("。")[0] + "。")]
    if goal is None:
        return lines
    i, a = goal.indicator, goal.assessment
    line = Text(f"  {i.name} ")
    if a.actual is None:
        line.append(f"has no figure for {goal.year}", style="bold")
    else:
        line.append(_figure(i, a.actual), style="bold").append(f" in {goal.year}")
    if a.expected is not None:
        line.append(f"; expected {_figure(i, a.expected)}")
    line.append(f"; target {_long_target(i)}")
    lines.append(line)
    bar = Text("  ").append_text(_bar(goal)).append("  ").append_text(_status_text(a.status))
    if a.forecast is not None:
        verdict = "meets the target" if a.forecast_meets_target else "short of the target"
        bar.append(f" · forecast {_figure(i, a.forecast)} in {plan.period.end}, {verdict}")
    lines.append(bar)
    return lines


def _indicator_table(overview: StatusOverview) -> Table:
    end = overview.plan.period.end
    table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold", show_edge=False)
    table.add_column(f"Indicators in {overview.year}", overflow="fold", ratio=1)
    table.add_column(f"Target {end}", justify="right", no_wrap=True)
    table.add_column("Actual", justify="right", no_wrap=True)
    table.add_column("Progress", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    for row in overview.gap.rows:
        i, a = row.indicator, row.assessment
        table.add_row(Text(i.name), _short_target(row, end), _figure(i, a.actual), _bar(row),
                      _status_text(a.status))
    return table


_TASK_HEADERS = (("done", "done"), ("in_progress", "in\nprogress"), ("not_started", "not\nstarted"),
                 ("blocked", "blocked"), ("not_reported", "not\nreported"))


def _task_table(overview: StatusOverview) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold", show_edge=False)
    table.add_column(f"Tasks reported for {overview.year}", overflow="fold", ratio=1, vertical="bottom")
    for _, label in _TASK_HEADERS:
        table.add_column(label, justify="right", no_wrap=True)
    style = {"done": "green", "blocked": "red", "not_reported": "yellow"}
    for g in overview.groups:
        cells = [Text(str(g.counts[key]), style=style.get(key, "") if g.counts[key] else "dim")
                 for key, _ in _TASK_HEADERS]
        table.add_row(g.group.title, *cells)
    return table


def _milestone_table(overview: StatusOverview) -> Table | None:
    shown = [m for m in overview.milestones if m.state != "upcoming"]
    if not shown:
        return None
    style = {"done": "green", "due": "yellow", "overdue": "bold red"}
    table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold", show_edge=False)
    table.add_column("Year", no_wrap=True)
    table.add_column("State", no_wrap=True)
    table.add_column(f"Schedule milestones due by {overview.year}", overflow="fold", ratio=1)
    for m in shown:
        table.add_row(str(m.milestone.year), Text(m.state, style=style.get(m.state, "")), m.milestone.text)
    return table


def _reporting_lines(overview: StatusOverview) -> list[Text | Table]:
    plan = overview.plan
    missing = overview.missing_reports
    owed = len(overview.reporting)
    head = Text(f"Reports for {overview.year}: ", style="bold")
    head.append(f"{owed - len(missing)} of {owed} units that owe one sent it",
                style="bold" if not missing else "bold yellow")
    out: list[Text | Table] = [head]
    if not missing:
        return out
    table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=False, show_edge=False)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold", ratio=1, style="dim")
    for unit in missing:
        groups = [r for r in unit.reasons if plan.group(r)]
        indicators = [r for r in unit.reasons if not plan.group(r)]
        why = []
        if groups:
            why.append("leads " + ", ".join(groups))
        if indicators:
            why.append("reports " + ", ".join(indicators))
        found = plan.unit(unit.unit_id)
        table.add_row("  " + (found.name if found else unit.unit_id), "; ".join(why))
    out.append(Text("  not received from:", style="yellow"))
    out.append(table)
    return out


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render_status(overview: StatusOverview, *, color: bool = False, width: int = 80) -> str:
    plan = overview.plan

    def build(console: Console) -> None:
        console.print(Text(plan.title, style="bold"))
        console.print(f"{plan.document.number} · status for {overview.year} · plan version {plan.version}"
                      f" · {_plural(overview.files, 'progress file')}")
        if overview.errors:
            console.print(Text(f"{_plural(overview.errors, 'error')} in the progress files: entries with "
                               "errors are not counted. Run `sciplan validate` for details.",
                               style="bold red"))
        console.print()
        for line in _goal_lines(overview):
            console.print(line)
        console.print()
        console.print(_indicator_table(overview))
        console.print(_counts_line(overview.gap))
        console.print(Text(f"Progress: {BAR_FULL} way made towards the target, {BAR_EXPECTED} where a "
                           "straight line from the start says it should be by now.", style="dim"))
        console.print()
        console.print(_task_table(overview))
        console.print()
        milestones = _milestone_table(overview)
        if milestones is not None:
            console.print(milestones)
            console.print()
        for item in _reporting_lines(overview):
            console.print(item)

    return _render(build, color=color, width=width)
