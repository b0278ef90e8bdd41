"""What changed between two versions of a plan (`sciplan plan diff`), for the terminal (rich, which
aligns Chinese by display width) and for Markdown. JSON is the document's own `as_dict()`.

Both list one row per item added or removed and one per field changed; English keeps the ids of
kinds and fields (`indicator`, `target_year`) that scripts grep, Chinese shows their labels."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from ..i18n import text
from . import Style
from . import numbers as num
from .markdown import _table
from .text import render_console

COLUMNS = ("screen.diff.col.what", "screen.diff.col.id", "screen.diff.col.change", "screen.diff.col.field",
           "screen.diff.col.old", "screen.diff.col.new")


def value(v: Any) -> str:
    """A field's value in a cell: figures as the plan writes them, lists and tables on one line."""
    if v is None or v == [] or v == {}:
        return "—"
    if isinstance(v, bool) or isinstance(v, str):
        return str(v)
    if isinstance(v, (int, float)):
        return num.written(v)
    if isinstance(v, list):
        return ", ".join(value(x) for x in v)
    if isinstance(v, dict):
        return "; ".join(f"{k}: {value(x)}" for k, x in v.items() if x not in ({}, [], None)) or "—"
    return str(v)


def rows(diff: Any, lang: str) -> list[list[str]]:
    out = []
    for c in diff.changes:
        what, change = text(f"screen.diff.what.{c.what}", lang), text(f"screen.diff.change.{c.change}", lang)
        if not c.fields:
            out.append([what, c.id, change, c.name, "", ""])
        for n, f in enumerate(c.fields):
            head = [what, c.id, change] if n == 0 else ["", "", ""]
            out.append([*head, text(f"screen.diff.field.{f.field}", lang), value(f.old), value(f.new)])
    return out


def summary(diff: Any, lang: str) -> str:
    if diff.same:
        return text("screen.diff.same", lang)
    return text("screen.diff.summary", lang, plan=diff.old.plan, old_version=diff.old.version,
                old_file=diff.old.file, new_plan=diff.new.plan, new_version=diff.new.version,
                new_file=diff.new.file, count=len(diff.changes))


def diff_text(diff: Any, style: Style) -> str:
    def build(console: Console) -> None:
        console.print(summary(diff, style.lang))
        if diff.same:
            return
        table = Table(expand=False)
        for n, column in enumerate(COLUMNS):
            table.add_column(text(column, style.lang), overflow="fold", no_wrap=n < 3)
        for row in rows(diff, style.lang):
            table.add_row(*row)
        console.print(table)

    return render_console(build, color=style.color, width=style.width)


def diff_markdown(diff: Any, style: Style) -> str:
    lines = [summary(diff, style.lang)]
    if not diff.same:
        lines += ["", *_table([text(c, style.lang) for c in COLUMNS], rows(diff, style.lang))]
    return "\n".join(lines) + "\n"
