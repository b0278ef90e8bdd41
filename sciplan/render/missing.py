"""`sciplan missing`: who still owes what for a year, as a terminal screen (rich, Chinese aligned),
Markdown to paste into a reminder notice, and CSV with one row per outstanding item. Plan names are
the plan's English ones in English (its Chinese ones where it gives none; CSV keeps the plan's own);
the words come from the catalogue in `i18n`."""

from __future__ import annotations

import csv
import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..duties import MissingList, UnitOwing
from ..export import sample_comment
from ..i18n import text
from .text import render_console, titled

CSV_COLUMNS = ["year", "unit", "unit_name", "contact", "last_report", "report_missing", "item", "id",
               "title"]


def _counts(missing: MissingList, lang: str) -> str:
    if not missing.units:
        return text("missing.none", lang, year=missing.year)
    return text("missing.counts", lang, year=missing.year, owing=missing.owing,
                complete=missing.owing - len(missing.units), open=len(missing.units))


def _about(u: UnitOwing, lang: str) -> str:
    contact = text("missing.contact", lang) + (u.contact or text("missing.no_contact", lang))
    last = (text("missing.never", lang) if u.last_report is None
            else text("missing.last_report", lang, year=u.last_report))
    return f"{contact}；{last}" if lang == "zh" else f"{contact}; {last}"


def _items(u: UnitOwing, lang: str) -> list[tuple[str, list[str]]]:
    """(label, lines) for each kind of outstanding item the unit has."""
    out = []
    if u.indicators:
        out.append((text("missing.values", lang),
                    [f"{titled(i.label(lang), i.measure, lang)} {i.id}" for i in u.indicators]))
    if u.tasks:
        out.append((text("missing.tasks", lang), [f"{t.task.id} {t.task.title}" for t in u.tasks]))
    if u.milestones:
        out.append((text("missing.milestones", lang),
                    [f"{titled(m.id, text('missing.due', lang, year=m.year), lang)} {m.text}"
                     for m in u.milestones]))
    return out


def render_text(missing: MissingList, *, color: bool = False, width: int = 80, lang: str = "en") -> str:
    def build(console: Console) -> None:
        console.print(Text(text("missing.title", lang, year=missing.year), style="bold"))
        console.print(_counts(missing, lang))
        for u in missing.units:
            console.print()
            console.print(Text(f"{u.unit.label(lang)}  ({u.unit.id})", style="bold"))
            console.print(Text("  " + _about(u, lang), style="dim"))
            # Labels in a column of their own: items wrap under themselves, aligned by display width.
            grid = Table.grid(padding=(0, 1), pad_edge=False)
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            if u.report_missing:
                grid.add_row("", Text(text("missing.no_report", lang, year=missing.year), style="yellow"))
            for label, lines in _items(u, lang):
                for n, line in enumerate(lines):
                    grid.add_row("  " + label if n == 0 else "", line)
            console.print(grid)
        console.print()
        console.print(Text(text("missing.note", lang), style="dim"))

    return render_console(build, color=color, width=width)


def render_markdown(missing: MissingList, *, lang: str = "en") -> str:
    out = [f"## {text('missing.title', lang, year=missing.year)}", "", _counts(missing, lang), ""]
    for u in missing.units:
        out += [f"### {u.unit.label(lang)}", "", _about(u, lang), ""]
        if u.report_missing:
            out += [f"- **{text('missing.no_report', lang, year=missing.year)}**"]
        for label, lines in _items(u, lang):
            out += [f"- {label.strip()}"] + [f"  - {line}" for line in lines]
        out.append("")
    out.append(f"*{text('missing.note', lang)}*")
    return "\n".join(out) + "\n"


def render_csv(missing: MissingList, *, sample_note: str | None = None) -> str:
    """One row per outstanding item (item: value, task, milestone); a unit with no report for the year
    and nothing else outstanding has one row with item `report`."""
    buffer = io.StringIO()
    buffer.write("\ufeff" + sample_comment(sample_note))
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for u in missing.units:
        head = [missing.year, u.unit.id, u.unit.name, u.contact or "", u.last_report or "",
                "true" if u.report_missing else "false"]
        rows = ([["value", i.id, i.name] for i in u.indicators] + [["task", t.task.id, t.task.title]
                                                                   for t in u.tasks]
                + [["milestone", m.id, m.text] for m in u.milestones])
        for row in rows or [["report", "", ""]]:
            writer.writerow(head + row)
    return buffer.getvalue()
