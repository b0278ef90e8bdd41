"""Terminal views of the units' duties (`sciplan units`, `sciplan unit NAME`), with rich tables that
align Chinese text; plain text unless the caller asks for colour."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..duties import UnitDetail, UnitSummary
from ..plan import Indicator, Plan
from . import numbers as num

ROLE = {"lead": "牵头 lead", "participating": "参加 joins"}


def _render(build: Callable[[Console], None], *, color: bool, width: int) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, width=width, highlight=False, emoji=False,
                      soft_wrap=False, legacy_windows=False)
    build(console)
    # rich pads table cells to the full width; trailing blanks only get in the way of diffs and pastes.
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _target_text(i: Indicator) -> str:
    return num.target(i.comparator, i.target, i.measure, i.target_year) if i.has_target else "(input)"


def render_units(plan: Plan, summaries: list[UnitSummary], *, color: bool = False, width: int = 80) -> str:
    year = summaries[0].year if summaries else None

    def build(console: Console) -> None:
        console.print(Text(f"Units of {plan.document.number}", style="bold"))
        console.print("Leads and joins name the groups (`sciplan plan` lists them). Indicators: how many "
                      "of its groups' indicators it may report, and those it alone reports; "
                      "`sciplan unit ID` lists them all."
                      + (f" {year}: did a valid report for {year} arrive (- owes none)?" if year else ""))
        console.print()
        # No vertical rules: the room goes to the ids, which should not be cut in the middle.
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, show_lines=False, padding=(0, 1),
                      collapse_padding=True)
        # Widths that fit 80 columns and every group id and level indicator id whole.
        table.add_column("单位 Unit", overflow="fold", min_width=12, max_width=18)
        table.add_column("Leads", overflow="fold", min_width=15)
        table.add_column("Joins", overflow="fold", min_width=15)
        table.add_column("Indicators", overflow="fold", min_width=20)
        if year is not None:
            table.add_column(str(year), no_wrap=True, min_width=4)
        for s in summaries:
            name = Text(s.unit.name).append(f"\n{s.unit.id}", style="dim")
            row = [name, "\n".join(g.id for g in s.leads) or "-", "\n".join(g.id for g in s.joins) or "-",
                   _indicators_cell(s)]
            if year is not None:
                row.append(_report_cell(s))
            table.add_row(*row, end_section=True)
        console.print(table)
        owing = [s for s in summaries if s.owes_report]
        console.print(f"{len(summaries)} units; {len(owing)} owe a yearly report (they lead a group or "
                      "report a level).")
        if year is not None:
            missing = [s for s in owing if not s.reported]
            console.print(Text(f"Reports for {year}: {len(owing) - len(missing)} of {len(owing)} received",
                               style="bold"))
            if missing:
                names = "、".join(s.unit.name for s in missing)
                console.print(_labelled("  not received: ", names, "yellow"))

    return _render(build, color=color, width=width)


def _labelled(label: str, text: str, style: str = "") -> Table:
    """A label with text that wraps under itself (Chinese lists have no spaces to break at)."""
    grid = Table.grid(pad_edge=False)
    grid.add_column(no_wrap=True, style=style)
    grid.add_column(overflow="fold")
    grid.add_row(label, text)
    return grid


def _indicators_cell(s: UnitSummary) -> str:
    """'11 via groups' (flows of the groups it leads or joins) and the indicators it alone reports."""
    via_groups = [i for i in s.indicators if i.reported_by == "group"]
    named = [i.id for i in s.indicators if i.reported_by != "group"]
    parts = [f"{len(via_groups)} via groups"] if via_groups else []
    return "\n".join(parts + named) or "-"


def _report_cell(s: UnitSummary) -> Text:
    if s.reported:
        return Text("yes", style="green")
    if s.owes_report:
        return Text("NO", style="bold red")
    return Text("-", style="dim")


def render_unit_detail(detail: UnitDetail, *, color: bool = False, width: int = 80) -> str:
    plan, unit = detail.plan, detail.unit

    def build(console: Console) -> None:
        console.print(Text(f"{unit.name}  ({unit.id})", style="bold"))
        console.print(unit.name_en)
        if unit.aliases:
            console.print("aliases: " + "、".join(unit.aliases))
        if unit.hosted_by:
            host = plan.unit(unit.hosted_by)
            console.print(f"placed at: {host.name if host else unit.hosted_by}")
        console.print(f"records counted: {plan.period.start}-{detail.year}")
        console.print()

        if detail.tasks:
            table = Table(title="Groups and tasks", title_justify="left", pad_edge=False)
            table.add_column("Task", no_wrap=True)
            table.add_column("任务 Title", overflow="fold", ratio=3)
            table.add_column("Role", no_wrap=True)
            table.add_column("Reported", overflow="fold", ratio=1)
            current = None
            for duty in detail.tasks:
                if duty.group.id != current:
                    current = duty.group.id
                    kind = "提升行动" if duty.group.kind == "action" else "重点工程"
                    table.add_row(Text(duty.group.id, style="bold"),
                                  Text(f"{duty.group.title}（{kind}）", style="bold"), ROLE[duty.role], "")
                reported = (Text(", ".join(str(y) for y in duty.reported_years)) if duty.reported_years
                            else Text("not yet", style="yellow"))
                table.add_row("  " + duty.task.id, duty.task.title, "", reported)
            console.print(table)
        else:
            console.print("Named in no responsibility line: no tasks to report on.")
        console.print()

        if detail.indicators:
            years = list(range(plan.period.start, detail.year + 1))
            table = Table(title="Indicators it reports: its own figures", title_justify="left",
                          pad_edge=False)
            table.add_column("指标 Indicator / target", overflow="fold", ratio=1)
            for year in years:
                table.add_column(str(year), justify="right", no_wrap=True)
            for duty in detail.indicators:
                i = duty.indicator
                name = Text(f"{i.name}（{i.measure}）").append(f"\n{i.id}", style="dim")
                name.append(f"\ntarget {_target_text(i)}")
                table.add_row(name, *(num.figure(duty.figures.get(y), i.measure) for y in years))
            console.print(table)
            console.print("Annual and cumulative indicators: the unit's figure for each year (not a running "
                          "total); levels: its year-end figure. - means none reported.")
        else:
            console.print("Reports no indicator.")
        console.print()

        if detail.milestones:
            grid = Table.grid(padding=(0, 1), pad_edge=False)
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            for m in detail.milestones:
                grid.add_row(f"  {m.year}", Text(m.id, style="bold").append(f"  {m.text}", style=""))
            console.print(Text("Schedule milestones it reports:", style="bold"))
            console.print(grid)
            console.print()

        unreported = detail.unreported_tasks
        if unreported:
            console.print(Text(f"Tasks not reported on by {detail.year}: ", style="bold")
                          .append(", ".join(t.task.id for t in unreported), style="yellow"))
        elif detail.tasks:
            console.print(Text("Every task has been reported on at least once.", style="green"))
        submitted = ", ".join(str(y) for y in detail.submitted_years) or "none"
        console.print(Text("Reports received: ", style="bold").append(submitted))
        if detail.owes_report:
            if detail.missing_years:
                console.print(Text("Missing years: ", style="bold")
                              .append(", ".join(str(y) for y in detail.missing_years), style="bold red"))
            else:
                console.print(Text("Missing years: none", style="green"))
        else:
            console.print("It owes no yearly report of its own (it neither leads a group nor reports a "
                          "level); it reports when it has figures for its groups.")
        console.print(Text("Template: ", style="bold")
                      .append(f"sciplan template --unit {unit.id} --year {detail.year} --format xlsx"))

    return _render(build, color=color, width=width)
