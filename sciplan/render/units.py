"""Terminal views of the units' duties (`sciplan units`, `sciplan unit NAME`), with rich tables that
align Chinese text; plain text unless the caller asks for colour. Both take `lang` ("en" or "zh"); the
words come from the catalogue in `i18n`, plan names stay Chinese."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..duties import UnitDetail, UnitSummary
from ..i18n import text
from ..plan import Indicator, Plan
from . import numbers as num
from .text import render_console as _render


def _target_text(i: Indicator, lang: str) -> str:
    if not i.has_target:
        return text("screen.input", lang)
    return num.target(i.comparator, i.target, i.measure, i.target_year, lang, i.target_text)


def render_units(plan: Plan, summaries: list[UnitSummary], *, color: bool = False, width: int = 80,
                 lang: str = "en") -> str:
    year = summaries[0].year if summaries else None

    def build(console: Console) -> None:
        console.print(Text(text("screen.units.title", lang, number=plan.reference), style="bold"))
        console.print(text("screen.units.intro", lang)
                      + (text("screen.units.intro_year", lang, year=year) if year else ""))
        console.print()
        # No vertical rules: the room goes to the ids, which should not be cut in the middle.
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, show_lines=False, padding=(0, 1),
                      collapse_padding=True)
        # Widths that fit 80 columns and every group id and level indicator id whole.
        table.add_column(text("screen.col.unit", lang), overflow="fold", min_width=12, max_width=18)
        table.add_column(text("screen.col.leads", lang), overflow="fold", min_width=15)
        table.add_column(text("screen.col.joins", lang), overflow="fold", min_width=15)
        table.add_column(text("screen.col.indicators", lang), overflow="fold", min_width=20)
        if year is not None:
            table.add_column(str(year), no_wrap=True, min_width=4)
        for s in summaries:
            name = Text(s.unit.name).append(f"\n{s.unit.id}", style="dim")
            row = [name, "\n".join(g.id for g in s.leads) or "-", "\n".join(g.id for g in s.joins) or "-",
                   _indicators_cell(s, lang)]
            if year is not None:
                row.append(_report_cell(s, lang))
            table.add_row(*row, end_section=True)
        console.print(table)
        owing = [s for s in summaries if s.owes_report]
        console.print(text("screen.units.owing", lang, units=len(summaries), owing=len(owing)))
        if year is not None:
            missing = [s for s in owing if not s.reported]
            received = text("screen.units.received", lang, year=year, received=len(owing) - len(missing),
                            owing=len(owing))
            console.print(Text(received, style="bold"))
            if missing:
                names = "、".join(s.unit.name for s in missing)
                console.print(_labelled(text("screen.units.not_received", lang), names, "yellow"))

    return _render(build, color=color, width=width)


def _labelled(label: str, text: str, style: str = "") -> Table:
    """A label with text that wraps under itself (Chinese lists have no spaces to break at)."""
    grid = Table.grid(pad_edge=False)
    grid.add_column(no_wrap=True, style=style)
    grid.add_column(overflow="fold")
    grid.add_row(label, text)
    return grid


def _indicators_cell(s: UnitSummary, lang: str) -> str:
    """'11 via groups' (flows of the groups it leads or joins) and the indicators it alone reports."""
    via_groups = [i for i in s.indicators if i.reported_by == "group"]
    named = [i.id for i in s.indicators if i.reported_by != "group"]
    counted = [text("screen.units.via_groups", lang, count=len(via_groups))] if via_groups else []
    return "\n".join(counted + named) or "-"


def _report_cell(s: UnitSummary, lang: str) -> Text:
    if s.reported:
        return Text(text("screen.units.yes", lang), style="green")
    if s.owes_report:
        return Text(text("screen.units.no", lang), style="bold red")
    return Text("-", style="dim")


def render_unit_detail(detail: UnitDetail, *, color: bool = False, width: int = 80, lang: str = "en") -> str:
    plan, unit = detail.plan, detail.unit

    def build(console: Console) -> None:
        console.print(Text(f"{unit.name}  ({unit.id})", style="bold"))
        if lang == "en":  # plan names stay Chinese; English output adds the plan's English name
            console.print(unit.label_en)
        if unit.aliases:
            console.print(text("screen.aliases", lang) + "、".join(unit.aliases))
        if unit.hosted_by:
            host = plan.unit(unit.hosted_by)
            console.print(text("screen.placed_at", lang, host=host.name if host else unit.hosted_by))
        console.print(text("screen.unit.records", lang, start=plan.period.start, year=detail.year))
        console.print()

        if detail.tasks:
            table = Table(title=text("screen.groups_and_tasks", lang), title_justify="left", pad_edge=False)
            table.add_column(text("screen.col.task", lang), no_wrap=True)
            table.add_column(text("screen.col.task_title", lang), overflow="fold", ratio=3)
            table.add_column(text("screen.col.role", lang), no_wrap=True)
            table.add_column(text("screen.col.reported", lang), overflow="fold", ratio=1)
            current = None
            for duty in detail.tasks:
                if duty.group.id != current:
                    current = duty.group.id
                    kind = plan.kind_label(duty.group.kind, "zh")
                    table.add_row(Text(duty.group.id, style="bold"),
                                  Text(f"{duty.group.title}（{kind}）", style="bold"),
                                  text(f"screen.role.{duty.role}", lang), "")
                reported = (Text(num.years(duty.reported_years, lang)) if duty.reported_years
                            else Text(text("screen.unit.not_yet", lang), style="yellow"))
                table.add_row("  " + duty.task.id, duty.task.title, "", reported)
            console.print(table)
        else:
            console.print(text("screen.unit.no_tasks", lang))
        console.print()

        if detail.indicators:
            years = list(range(plan.period.start, detail.year + 1))
            table = Table(title=text("screen.unit.figures", lang), title_justify="left", pad_edge=False)
            table.add_column(text("screen.col.indicator_target", lang), overflow="fold", ratio=1)
            for year in years:
                table.add_column(str(year), justify="right", no_wrap=True)
            for duty in detail.indicators:
                i = duty.indicator
                name = Text(f"{i.name}（{i.measure}）").append(f"\n{i.id}", style="dim")
                name.append("\n" + text("screen.unit.target", lang, target=_target_text(i, lang)))
                table.add_row(name, *(num.figure(duty.figures.get(y), i.measure) for y in years))
            console.print(table)
            console.print(text("screen.unit.figures_note", lang))
        else:
            console.print(text("screen.unit.no_indicators", lang))
        console.print()

        if detail.milestones:
            grid = Table.grid(padding=(0, 1), pad_edge=False)
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            for m in detail.milestones:
                grid.add_row(f"  {m.year}", Text(m.id, style="bold").append(f"  {m.text}", style=""))
            console.print(Text(text("screen.unit.milestones", lang), style="bold"))
            console.print(grid)
            console.print()

        unreported = detail.unreported_tasks
        if unreported:
            console.print(Text(text("screen.unit.unreported", lang, year=detail.year), style="bold")
                          .append(", ".join(t.task.id for t in unreported), style="yellow"))
        elif detail.tasks:
            console.print(Text(text("screen.unit.all_reported", lang), style="green"))
        submitted = num.years(detail.submitted_years, lang) or text("screen.none", lang)
        console.print(Text(text("screen.unit.received", lang), style="bold").append(submitted))
        if detail.owes_report:
            if detail.missing_years:
                console.print(Text(text("screen.unit.missing", lang), style="bold")
                              .append(num.years(detail.missing_years, lang), style="bold red"))
            else:
                console.print(Text(text("screen.unit.missing_none", lang), style="green"))
        else:
            console.print(text("screen.unit.owes_nothing", lang))
        console.print(Text(text("screen.unit.template", lang), style="bold")
                      .append(f"sciplan template --unit {unit.id} --year {detail.year} --format xlsx"))

    return _render(build, color=color, width=width)
