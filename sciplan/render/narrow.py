"""Narrow terminals (below STACKED_BELOW columns): `gap`, `status` and `unit` as one block per row
instead of tables whose columns would fold names two characters a line.

Lines are wrapped here, not by rich: a line breaks at a space or between two Chinese characters,
never inside a run of Latin letters, digits and signs (an id, a number, `--option`, a file name) nor
inside a code span, and a closing mark (，。）、) never starts a line. Each line handed to rich already
fits, so rich prints it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..i18n import text
from ..overview import TASK_COLUMNS, GapRow, GapTable, StatusOverview, grouped
from . import numbers as num
from . import text as screen

STACKED_BELOW = 70

# One piece of a line: a code span, a run of non-space ASCII, a run of spaces, or one other character.
_PIECE = re.compile(r"`[^`\n]*`|[!-~]+|[ \t]+|.", re.DOTALL)
_CLOSING = set("，。、；：！？）》」』】”’…")
_OPENING = set("（《「『【“‘")


def _pieces(line: str) -> list[str]:
    pieces: list[str] = []
    for piece in _PIECE.findall(line):
        if pieces and (piece[0] in _CLOSING or pieces[-1][-1] in _OPENING) and not piece.isspace():
            pieces[-1] += piece  # a closing mark stays with what it closes, an opening one with what follows
        else:
            pieces.append(piece)
    return pieces


def wrap(line: str, width: int, hang: str = "") -> list[str]:
    """`line` as lines of at most `width` cells, later lines indented by `hang`. A piece wider than a
    whole line (an id longer than the terminal) is the one thing cut, as little as it must be."""
    lines: list[str] = []
    current = ""
    for piece in _pieces(line):
        if piece.isspace() and (not current.strip() or current == hang):
            if not lines:
                current += piece  # the line's own indent
            continue
        if cell_len(current) + cell_len(piece) <= width:
            current += piece
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = hang
        if piece.isspace():
            continue
        while cell_len(current) + cell_len(piece) > width and cell_len(current) < width:
            room = width - cell_len(current)
            cut = 0
            while cut < len(piece) and cell_len(piece[:cut + 1]) <= room:
                cut += 1
            if cut == 0:
                break
            soft = max(piece.rfind("-", 0, cut), piece.rfind("/", 0, cut))
            cut = soft + 1 if soft > 0 else cut  # an id or a path is cut after a hyphen or slash if it can be
            lines.append(current + piece[:cut])
            current, piece = hang, piece[cut:]
        current += piece
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def atoms(items: Iterable[str], width: int, indent: str = "  ", separator: str = " · ") -> list[str]:
    """Items (a label and its figure) kept whole, as many to a line as fit, joined by `separator`."""
    lines: list[str] = []
    current = ""
    for item in items:
        candidate = f"{current}{separator}{item}" if current else indent + item
        if current and cell_len(candidate) > width:
            lines.append(current)
            candidate = indent + item
        current = candidate
        if cell_len(current) > width:
            *full, current = wrap(current, width, indent)
            lines += full
    if current:
        lines.append(current)
    return lines


def put(console: Console, line: str | Text, *, hang: str = "", style: str = "") -> None:
    """Print `line` wrapped to the console's width (a Text keeps its style when it fits on one line)."""
    if isinstance(line, Text):
        if cell_len(line.plain) <= console.width:
            console.print(line)
            return
        style = style or str(line.style or "")
        line = line.plain
    for paragraph in line.split("\n"):
        for part in wrap(paragraph, console.width, hang):
            console.print(Text(part, style=style))


def put_all(console: Console, lines: Iterable[str], style: str = "") -> None:
    for line in lines:
        console.print(Text(line, style=style))


# --- gap ------------------------------------------------------------------------------------------

def _figures(row: GapRow, lang: str) -> list[str]:
    i, a = row.indicator, row.assessment
    decimals = screen._row_decimals(row)
    colon = text("punctuation.colon", lang).strip() if lang == "zh" else ""
    labelled = [(text("screen.col.expected", lang), screen._figure(i, a.expected, decimals)),
                (text("screen.col.actual", lang), screen._figure(i, a.actual, decimals)),
                (text("screen.col.gap", lang), screen._figure(i, a.gap, decimals)),
                (text("screen.col.ratio", lang), num.ratio(a.ratio))]
    return [f"{label}{colon or ' '}{value}" for label, value in labelled]


def gap_block(console: Console, row: GapRow, year: int, period_end: int, lang: str) -> None:
    """One indicator: name, id, target; status; figures; forecast; kind and gaps; notes."""
    i, a = row.indicator, row.assessment
    width = console.width
    put(console, Text(i.label(lang), style="bold"), hang="  ")
    put_all(console, atoms([i.id, screen._long_target(i, lang)], width, separator="  "), style="dim")
    console.print(Text("  ").append_text(screen._status_text(a.status, lang)))
    put_all(console, atoms(_figures(row, lang), width))
    forecast = text("screen.col.forecast_in", lang, year=period_end) + " " + screen._forecast_text(row, lang)
    put_all(console, atoms([forecast], width))
    detail = [text(f"screen.kind.{i.kind}", lang)]
    if row.year < year:
        detail.append(text("screen.gap.judged_at", lang, year=row.year).lstrip(" ·"))
    if a.missing_years:
        detail.append(text("screen.gap.no_figure", lang, years=num.years(a.missing_years, lang)).lstrip(" ·"))
    if a.missed_years:
        detail.append(text("screen.gap.missed", lang, years=num.years(a.missed_years, lang)).lstrip(" ·"))
    put_all(console, atoms(detail, width), style="dim")
    notes = screen.row_notes(row, lang)
    if notes:
        put_all(console, atoms(notes, width), style="yellow")


def gap_rows(console: Console, table: GapTable, by: str, lang: str) -> None:
    for heading, rows in grouped(table, by, lang):
        if heading:
            put(console, Text(heading, style="bold underline"))
            console.print()
        for row in rows:
            gap_block(console, row, table.year, table.plan.period.end, lang)
            console.print()


def counts(console: Console, table: GapTable, lang: str) -> None:
    shown = [f"{screen._label('status', s, lang)} {c}" for s, c in table.counts().items() if c]
    put_all(console, atoms(shown, console.width, indent=""))
    for line in screen._at_risk_lines(table, lang):
        put(console, line, hang="    ", style="yellow")


# --- status ---------------------------------------------------------------------------------------

def status_sections(console: Console, overview: StatusOverview, lang: str) -> None:
    """The indicators, the tasks, the milestones due and the reports, one block per row."""
    width, end = console.width, overview.plan.period.end
    put(console, Text(text("screen.col.indicators_in", lang, year=overview.year), style="bold"))
    for row in overview.gap.rows:
        i, a = row.indicator, row.assessment
        put(console, Text("  " + i.label(lang)), hang="  ")
        line = Text("    ").append_text(screen._bar(row)).append("  ").append_text(
            screen._status_text(a.status, lang))
        console.print(line)
        target = text("screen.col.target_in", lang, year=end) + " " + screen._short_target(row, end, lang)
        actual = text("screen.col.actual", lang) + " " + screen._figure(i, a.actual)
        put_all(console, atoms([target, actual], width, indent="    "))
    counts(console, overview.gap, lang)
    put(console, Text(text("screen.status.legend", lang, made=screen.BAR_FULL, expected=screen.BAR_EXPECTED),
                      style="dim"))
    console.print()
    put(console, Text(text("screen.col.tasks_for", lang, year=overview.year), style="bold"))
    for g in overview.groups:
        put(console, Text("  " + g.group.label(lang)), hang="  ")
        shown = [f"{text(f'task.{key}', lang)} {g.counts[key]}" for key in TASK_COLUMNS]
        put_all(console, atoms(shown, width, indent="    "))
    console.print()
    shown = [m for m in overview.milestones if m.state != "upcoming"]
    if shown:
        put(console, Text(text("screen.col.milestones_due", lang, year=overview.year), style="bold"))
        for m in shown:
            console.print(Text(f"  {m.milestone.year}  ").append(screen._label("milestone", m.state, lang)))
            put(console, "    " + m.milestone.text, hang="    ")
        console.print()


def reporting(console: Console, overview: StatusOverview, lang: str) -> None:
    plan = overview.plan
    items = screen._reporting_lines(overview, lang)
    put(console, items[0], hang="  ")  # the head: how many sent
    if len(items) == 1:
        return
    put(console, Text(text("screen.reports.not_received_from", lang), style="yellow"))
    separator = text("list.separator", lang)
    for unit in overview.missing_reports:
        found = plan.unit(unit.unit_id)
        put(console, Text("  " + (found.label(lang) if found else unit.unit_id)))
        groups = [r for r in unit.reasons if plan.group(r)]
        indicators = [r for r in unit.reasons if not plan.group(r)]
        if groups:
            put(console, "    " + text("screen.reports.leads", lang, groups=separator.join(
                screen.group_name(plan, g, lang) for g in groups)), hang="    ", style="dim")
        if indicators:
            put(console, "    " + text("screen.reports.reports", lang, indicators=separator.join(
                screen.indicator_name(plan, i, lang) for i in indicators)), hang="    ", style="dim")


# --- one unit -------------------------------------------------------------------------------------

def unit_tasks(console: Console, detail, lang: str) -> None:
    """`sciplan unit`'s groups and tasks, one block per group: its title, id and role, then each task
    with its id, title and the years it was reported in."""
    plan, width = detail.plan, console.width
    put(console, Text(text("screen.groups_and_tasks", lang), style="bold"))
    current = None
    for duty in detail.tasks:
        if duty.group.id != current:
            current = duty.group.id
            kind = plan.kind_label(duty.group.kind, lang)
            put(console, Text(screen.titled(duty.group.label(lang), kind, lang), style="bold"), hang="  ")
            put_all(console, atoms([duty.group.id, text(f"screen.role.{duty.role}", lang)], width,
                                   separator="  "), style="dim")
        put(console, f"  {duty.task.id}  {duty.task.title}", hang="    ")
        if duty.reported_years:
            reported, style = num.years(duty.reported_years, lang), ""
        elif duty.owed:
            reported, style = text("screen.unit.not_yet", lang), "yellow"
        else:
            reported, style = text("screen.unit.optional", lang), "dim"
        label = text("screen.col.reported", lang) + text("punctuation.colon", lang)
        put(console, "    " + label + reported, hang="    ", style=style)


def unit_indicators(console: Console, detail, target_text, lang: str) -> None:
    """`sciplan unit`'s figures, one block per indicator: name and measure, id, target, then each
    year's figure."""
    plan, width = detail.plan, console.width
    put(console, Text(text("screen.unit.figures", lang), style="bold"))
    years = range(plan.period.start, detail.year + 1)
    colon = text("punctuation.colon", lang)
    for duty in detail.indicators:
        i = duty.indicator
        put(console, Text(screen.titled(i.label(lang), i.measure, lang), style="bold"), hang="  ")
        first = [i.id] + ([text("screen.unit.optional", lang)] if not duty.owed else [])
        put_all(console, atoms(first, width, separator="  "), style="dim")
        put(console, "  " + text("screen.unit.target", lang, target=target_text(i, lang)), hang="    ")
        put_all(console, atoms([f"{y}{colon}{num.figure(duty.figures.get(y), i.measure)}" for y in years],
                               width))
