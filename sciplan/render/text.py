"""Terminal output with rich: tables that align Chinese text (rich measures cell width), colour only
when the caller says the output is a colour terminal, plain text otherwise."""

from __future__ import annotations

import io
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
        for file, findings in by_file.items():
            console.print(Text(file, style="bold underline"))
            grid = Table.grid(padding=(0, 1), pad_edge=False)
            grid.add_column(no_wrap=True, style="dim")  # line:column
            grid.add_column(no_wrap=True)  # severity
            grid.add_column(no_wrap=True, style="bold")  # code
            grid.add_column(overflow="fold")  # message and hint
            for f in findings:
                where = f"{f.line}:{f.column}" if f.line and f.column else (f"{f.line}" if f.line else "-")
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
        table.add_column()
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
            table.add_column("Group")
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
            table.add_column("Indicator")
            table.add_column("名称")
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

def _status_text(status: Status | str) -> Text:
    return Text(str(status), style=STATUS_STYLE.get(str(status), ""))


def _bar(row: GapRow, width: int = 10) -> Text:
    """Share of the final target reached (flows) or of the way from baseline to target (levels)."""
    share = progress_share(row)
    if share is None:
        return Text("·" * width, style="dim")
    filled = max(0, min(width, round(share * width)))
    return Text("█" * filled, style=STATUS_STYLE.get(str(row.status), "")).append("·" * (width - filled),
                                                                                 style="dim")


def progress_share(row: GapRow) -> float | None:
    a, i = row.assessment, row.indicator
    if a.actual is None or not i.target:
        return None
    if a.baseline is not None and i.kind in ("level", "ratio") and i.target != a.baseline.value:
        return (a.actual - a.baseline.value) / (i.target - a.baseline.value)
    return a.actual / i.target


def _gap_table(rows: list[GapRow], *, title: str = "") -> Table:
    table = Table(title=title or None, title_justify="left", show_lines=False, pad_edge=False)
    table.add_column("指标 Indicator", overflow="fold", ratio=3)
    table.add_column("Target", justify="right", no_wrap=True)
    table.add_column("Expected", justify="right", no_wrap=True)
    table.add_column("Actual", justify="right", no_wrap=True)
    table.add_column("Gap", justify="right", no_wrap=True)
    table.add_column("Ratio", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Forecast", justify="right", no_wrap=True)
    for row in rows:
        i, a = row.indicator, row.assessment
        name = Text(i.name, style="bold").append(f"\n{i.id}", style="dim")
        notes = []
        if a.missing_years:
            notes.append("missing " + num.years(a.missing_years))
        if a.missed_years:
            notes.append("missed " + num.years(a.missed_years))
        if notes:
            name.append("\n" + "; ".join(notes), style="yellow")
        forecast = num.figure(a.forecast, i.measure)
        if a.forecast_meets_target is not None:
            forecast += " ✓" if a.forecast_meets_target else " ✗"
        table.add_row(name, num.target(i.comparator, i.target, i.measure, i.target_year),
                      num.figure(a.expected, i.measure), num.figure(a.actual, i.measure),
                      num.figure(a.gap, i.measure), num.ratio(a.ratio), _status_text(a.status), forecast)
    return table


def render_gap(table: GapTable, by: str = "indicator", *, color: bool = False, width: int = 80) -> str:
    assert by in GROUP_BY

    def build(console: Console) -> None:
        console.print(Text(f"{table.plan.title}", style="bold"))
        console.print(f"Gap by the end of {table.year}: expected by then, actual, gap (+ = shortfall), "
                      "ratio of progress made to progress expected, status and forecast for "
                      f"{table.plan.period.end}.")
        console.print()
        if not table.rows:
            console.print("No indicator matches.")
            return
        for heading, rows in grouped(table, by):
            console.print(_gap_table(rows, title=heading))
            console.print()
        console.print(_counts_line(table))

    return _render(build, color=color, width=width)


def _counts_line(table: GapTable) -> Text:
    line = Text()
    for status, count in table.counts().items():
        if count:
            if line:
                line.append("  ")
            line.append(f"{status} {count}", style=STATUS_STYLE.get(status, ""))
    return line


def render_status(overview: StatusOverview, *, color: bool = False, width: int = 80) -> str:
    plan = overview.plan

    def build(console: Console) -> None:
        console.print(Text(plan.title, style="bold"))
        console.print(f"{plan.document.number} · status for {overview.year} · plan version {plan.version}")
        if overview.errors:
            console.print(Text(f"{overview.errors} errors in {overview.files} progress files: entries with "
                               "errors are not counted. Run `sciplan validate` for details.", style="bold red"))
        console.print()
        goal = overview.goal_row
        if goal is not None:
            a, i = goal.assessment, goal.indicator
            line = Text("总体目标 Overall goal: ", style="bold")
            line.append(f"{i.name} {num.target(i.comparator, i.target, i.measure, i.target_year)}; ")
            line.append(f"actual {num.figure(a.actual, i.measure)}{'%' if a.actual is not None else ''}, "
                        f"expected {num.figure(a.expected, i.measure)}  ")
            line.append_text(_status_text(a.status))
            console.print(line)
            console.print()

        table = Table(title="Indicators", title_justify="left", pad_edge=False)
        table.add_column("指标 Indicator", overflow="fold", ratio=3)
        table.add_column("Target", justify="right", no_wrap=True)
        table.add_column("Actual", justify="right", no_wrap=True)
        table.add_column("Progress", no_wrap=True)
        table.add_column("Status", no_wrap=True)
        for row in overview.gap.rows:
            i, a = row.indicator, row.assessment
            table.add_row(Text(i.name), num.target(i.comparator, i.target, i.measure, i.target_year),
                          num.figure(a.actual, i.measure), _bar(row), _status_text(a.status))
        console.print(table)
        console.print(_counts_line(overview.gap))
        console.print()

        tasks = Table(title=f"Task status reported for {overview.year}", title_justify="left", pad_edge=False)
        tasks.add_column("Group", overflow="fold")
        for label in ("done", "in progress", "not started", "blocked", "not reported"):
            tasks.add_column(label, justify="right", no_wrap=True)
        for g in overview.groups:
            c = g.counts
            tasks.add_row(g.group.title, str(c["done"]), str(c["in_progress"]), str(c["not_started"]),
                          Text(str(c["blocked"]), style="red" if c["blocked"] else ""),
                          Text(str(c["not_reported"]), style="yellow" if c["not_reported"] else ""))
        console.print(tasks)
        console.print()

        shown = [m for m in overview.milestones if m.state != "upcoming"]
        if shown:
            console.print(Text("Schedule milestones", style="bold"))
            style = {"done": "green", "due": "yellow", "overdue": "bold red"}
            for m in shown:
                line = Text(f"  {m.milestone.year}  ")
                line.append(f"{m.state:<8}", style=style.get(m.state, ""))
                line.append(m.milestone.text)
                console.print(line)
            console.print()

        missing = overview.missing_reports
        owed = len(overview.reporting)
        head = Text(f"Reports for {overview.year}: {owed - len(missing)} of {owed} units that owe one",
                    style="bold")
        console.print(head)
        if missing:
            names = "、".join(plan.unit(u.unit_id).name for u in missing)  # type: ignore[union-attr]
            console.print(Text("  not received: ", style="yellow").append(names))

    return _render(build, color=color, width=width)
