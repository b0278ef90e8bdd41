"""Terminal views of the units' duties (`sciplan units`, `sciplan unit NAME`), with rich tables that
align Chinese text; plain text unless the caller asks for colour. Both take `lang` ("en" or "zh"); the
words come from the catalogue in `i18n`; plan names are the plan's English ones in English (its Chinese
ones where it gives none)."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..duties import UnitDetail, UnitSummary
from ..i18n import text
from ..plan import Indicator, Plan
from . import narrow
from . import numbers as num
from .text import group_name, indicator_name, titled
from .text import render_console as _render

# Below this many columns the units table is shown as one block per unit.
STACKED_BELOW = 70


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
        if width < STACKED_BELOW:
            _stacked_units(console, plan, summaries, year, lang)
        else:
            _units_table(console, plan, summaries, year, lang)
        owing = [s for s in summaries if s.owes_report]
        console.print(text("screen.units.owing", lang, units=len(summaries), owing=len(owing)))
        if year is not None:
            missing = [s for s in owing if not s.reported]
            received = text("screen.units.received", lang, year=year, received=len(owing) - len(missing),
                            owing=len(owing))
            console.print(Text(received, style="bold"))
            if missing:
                names = text("list.separator", lang).join(s.unit.label(lang) for s in missing)
                console.print(_labelled(text("screen.units.not_received", lang), names, "yellow"))

    return _render(build, color=color, width=width)


def _units_table(console: Console, plan: Plan, summaries: list[UnitSummary], year: int | None,
                 lang: str) -> None:
    # No vertical rules: the room goes to the ids, which should not be cut in the middle.
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, show_lines=False, padding=(0, 1),
                  collapse_padding=True)
    # Widths that fit 80 columns and every group id and level indicator id whole.
    # Wide enough for every unit id where the terminal has room (at 80 columns the longest still folds).
    longest_id = max((len(s.unit.id) for s in summaries), default=0) if console.width >= 100 else 0
    unit_width, groups_width, indicators_width = max(18, longest_id), None, None
    if lang == "en":
        # English names are long: the columns share out what the year column and the gaps between the
        # columns (2 each) leave, so that names wrap inside their column and no column is squeezed away.
        room = console.width - (8 + 4 if year is not None else 6)
        unit_width = min(unit_width, max(12, room // 4))
        groups_width = max(15, (room - unit_width - 20) // 2)
        indicators_width = room - unit_width - 2 * groups_width
    table.add_column(text("screen.col.unit", lang), overflow="fold",
                     min_width=min(unit_width, max(12, longest_id)), max_width=unit_width)
    table.add_column(text("screen.col.leads", lang), overflow="fold", min_width=15, max_width=groups_width)
    table.add_column(text("screen.col.joins", lang), overflow="fold", min_width=15, max_width=groups_width)
    table.add_column(text("screen.col.indicators", lang), overflow="fold",
                     min_width=min(20, indicators_width or 20), max_width=indicators_width)
    if year is not None:
        table.add_column(str(year), no_wrap=True, min_width=4)
    for s in summaries:
        name = Text(s.unit.label(lang)).append(f"\n{s.unit.id}", style="dim")
        row = [name, _groups_cell(plan, s.leads, lang), _groups_cell(plan, s.joins, lang),
               _indicators_cell(plan, s, lang)]
        if year is not None:
            row.append(_report_cell(s, lang))
        table.add_row(*row, end_section=True)
    console.print(table)


def _stacked_units(console: Console, plan: Plan, summaries: list[UnitSummary], year: int | None,
                   lang: str) -> None:
    """The units one block each, for a narrow terminal: the name and id, then the groups and
    indicators one a line under their label (a name is never cut where it could be kept whole)."""
    colon = text("punctuation.colon", lang)
    for s in summaries:
        console.print(Text(s.unit.label(lang), style="bold").append(f"  {s.unit.id}", style="dim"))
        fields = [("screen.col.leads", _groups_cell(plan, s.leads, lang)),
                  ("screen.col.joins", _groups_cell(plan, s.joins, lang)),
                  ("screen.col.indicators", _indicators_cell(plan, s, lang))]
        for key, value in fields:
            console.print(_labelled("  " + text(key, lang) + colon, value))
        if year is not None:
            console.print(_labelled(f"  {year}{colon}", _report_cell(s, lang)))
        console.print()


def _labelled(label: str, text: str, style: str = "") -> Table:
    """A label with text that wraps under itself (Chinese lists have no spaces to break at)."""
    grid = Table.grid(pad_edge=False)
    grid.add_column(no_wrap=True, style=style)
    grid.add_column(overflow="fold")
    grid.add_row(label, text)
    return grid


def _groups_cell(plan: Plan, groups, lang: str) -> str:
    """The groups a unit leads or joins, one a line, by their short titles."""
    return "\n".join(group_name(plan, g.id, lang, short=True) for g in groups) or "-"


def _indicators_cell(plan: Plan, s: UnitSummary, lang: str) -> str:
    """'11 via groups' (flows of the groups it leads or joins) and the indicators it alone reports."""
    via_groups = [i for i in s.indicators if i.reported_by == "group"]
    named = [indicator_name(plan, i.id, lang) for i in s.indicators if i.reported_by != "group"]
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
        console.print(Text(f"{unit.label(lang)}  ({unit.id})", style="bold"))
        if unit.aliases:
            console.print(text("screen.aliases", lang) + text("list.separator", lang).join(unit.aliases))
        if unit.hosted_by:
            host = plan.unit(unit.hosted_by)
            console.print(text("screen.placed_at", lang, host=host.label(lang) if host else unit.hosted_by))
        console.print(text("screen.unit.records", lang, start=plan.period.start, year=detail.year))
        console.print()

        narrow_screen = width < STACKED_BELOW  # one block per group and per indicator, no table
        if detail.tasks and narrow_screen:
            narrow.unit_tasks(console, detail, lang)
        elif detail.tasks:
            table = Table(title=text("screen.groups_and_tasks", lang), title_justify="left", pad_edge=False)
            table.add_column(text("screen.col.task", lang), no_wrap=True)
            table.add_column(text("screen.col.task_title", lang), overflow="fold", ratio=3)
            table.add_column(text("screen.col.role", lang), no_wrap=True)
            # wide enough for the years a task was reported in, so a year is not cut in two
            widest = max((cell_len(num.years(d.reported_years, lang)) for d in detail.tasks), default=4)
            table.add_column(text("screen.col.reported", lang), overflow="fold", ratio=1,
                             min_width=min(widest, 24))
            current = None
            for duty in detail.tasks:
                if duty.group.id != current:
                    current = duty.group.id
                    kind = plan.kind_label(duty.group.kind, lang)
                    table.add_row(Text(duty.group.id, style="bold"),
                                  Text(titled(duty.group.label(lang), kind, lang), style="bold"),
                                  text(f"screen.role.{duty.role}", lang), "")
                if duty.reported_years:
                    reported = Text(num.years(duty.reported_years, lang))
                elif duty.owed:
                    reported = Text(text("screen.unit.not_yet", lang), style="yellow")
                else:  # it may report the task: not reported is no gap
                    reported = Text(text("screen.unit.optional", lang), style="dim")
                table.add_row("  " + duty.task.id, duty.task.title, "", reported)
            console.print(table)
        else:
            console.print(text("screen.unit.no_tasks", lang))
        console.print()

        if detail.indicators and narrow_screen:
            narrow.unit_indicators(console, detail, _target_text, lang)
            narrow.put(console, text("screen.unit.figures_note", lang))
            if any(not d.owed for d in detail.indicators) or any(not t.owed for t in detail.tasks):
                narrow.put(console, text("screen.unit.optional_note", lang))
        elif detail.indicators:
            years = list(range(plan.period.start, detail.year + 1))
            table = Table(title=text("screen.unit.figures", lang), title_justify="left", pad_edge=False)
            longest_id = max(len(d.indicator.id) for d in detail.indicators)  # an id is never cut
            table.add_column(text("screen.col.indicator_target", lang), overflow="fold", ratio=1,
                             min_width=longest_id)
            for year in years:
                table.add_column(str(year), justify="right", no_wrap=True)
            for duty in detail.indicators:
                i = duty.indicator
                name = Text(titled(i.label(lang), i.measure, lang)).append(f"\n{i.id}", style="dim")
                if not duty.owed:
                    name.append(f"  {text('screen.unit.optional', lang)}", style="dim")
                name.append("\n" + text("screen.unit.target", lang, target=_target_text(i, lang)))
                table.add_row(name, *(num.figure(duty.figures.get(y), i.measure) for y in years))
            console.print(table)
            console.print(text("screen.unit.figures_note", lang))
            if any(not d.owed for d in detail.indicators) or any(not t.owed for t in detail.tasks):
                console.print(text("screen.unit.optional_note", lang))
        else:
            console.print(text("screen.unit.no_indicators", lang))
        console.print()

        if detail.milestones and narrow_screen:
            narrow.put(console, Text(text("screen.unit.milestones", lang), style="bold"))
            for m in detail.milestones:
                narrow.put(console, f"  {m.year}  {m.id}  {m.text}", hang="    ")
            console.print()
        elif detail.milestones:
            grid = Table.grid(padding=(0, 1), pad_edge=False)
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            for m in detail.milestones:
                grid.add_row(f"  {m.year}", Text(m.id, style="bold").append(f"  {m.text}", style=""))
            console.print(Text(text("screen.unit.milestones", lang), style="bold"))
            console.print(grid)
            console.print()

        unreported = detail.unreported_tasks
        if unreported and lang == "en":
            console.print(Text(text("screen.unit.unreported", lang, year=detail.year), style="bold")
                          .append(", ".join(t.task.id for t in unreported), style="yellow"))
        elif unreported and narrow_screen:
            narrow.put(console, Text(text("screen.unit.unreported", lang, year=detail.year), style="bold"))
            for t in unreported:
                narrow.put(console, f"  {t.task.title}  {t.task.id}", hang="    ", style="yellow")
        elif unreported:  # in Chinese the task's title, its id beside it (what `plan show` takes)
            console.print(Text(text("screen.unit.unreported", lang, year=detail.year), style="bold"))
            grid = Table.grid(padding=(0, 2), pad_edge=False)
            grid.add_column(overflow="fold", style="yellow")
            grid.add_column(no_wrap=True)
            for t in unreported:
                grid.add_row("  " + t.task.title, Text(t.task.id, style="dim"))
            console.print(grid)
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
