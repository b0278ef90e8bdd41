"""One description per sheet of the fill-in workbook: the template, the import and their tests read it.

A `Sheet` (Values, Tasks, Milestones) lists its columns - key, label, width, whether the clerk fills
it in, its data validation - and how a row maps to a progress entry: the id column, then the `Field`s
written under the entry, each read as a number, a status, a date or text. `rows` goes the other way:
a template's slots become the rows the clerk sees. The Info sheet is a list of `InfoField`s, a label
and the value to its right.

The bilingual contract: every label a person reads comes from the message catalogue (ids
`workbook.*`, `words.py`) and is shown Chinese first, then English, in one cell (`both`). Import
matches a header (or an Info label) on its English key word - the last ASCII word of the cell -
so a clerk may retype or translate the Chinese, but the English key must stay.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..domain import TASK_STATUS
from ..findings import I606
from ..i18n import Message, text
from ..templates import Template

INFO, VALUES, TASKS, MILESTONES = "Info", "Values", "Tasks", "Milestones"
OPTIONAL_KEY = "optional"  # the last word of the row that opens a sheet's optional part
HEADER_ROW = 2  # row 1 is the sheet's title
FIRST_ROW = 3
STATUS_CHOICES = tuple(w.choice for w in TASK_STATUS.words)


def both(message_id: str, sep: str = " ", **fields: object) -> str:
    """A message as the template shows it: the Chinese, `sep`, then the English."""
    return f"{text(message_id, 'zh', **fields)}{sep}{text(message_id, 'en', **fields)}"


def display_width(value: str) -> int:
    """Columns a text takes in a spreadsheet: wide (CJK) characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def cell_ref(sheet: str, row: int, column: int) -> str:
    """('Values', 7, 6) -> 'Values!F7'"""
    from openpyxl.utils import get_column_letter

    return f"{sheet}!{get_column_letter(column)}{row}"


@dataclass(frozen=True)
class Column:
    key: str  # the machine name: the last word of the header, which import matches on
    label: str  # the header as shown: Chinese first, then the key
    fill: bool = False  # the clerk fills it in: unlocked
    wrap: bool = False
    width: int | None = None  # fixed width (in characters) for long text; None fits the content
    rule: str | None = None  # the data validation of a cell to fill in: "value", "status" or "date"


def _column(sheet: str, key: str, **kwargs: Any) -> Column:
    return Column(key, f"{text(f'workbook.column.{sheet}.{key}', 'zh')} {key}", **kwargs)


@dataclass(frozen=True)
class Field:
    """A column written under a row's entry in the progress YAML (the key is the column's and YAML's)."""

    key: str
    read: str  # "number", "status", "date" or "text": how the cell is read
    always: bool = False  # written even when empty: the clerk must fill it in (validation says so)


@dataclass(frozen=True)
class Sheet:
    name: str
    section: str  # the progress YAML's list: values, tasks, milestones
    columns: tuple[Column, ...]
    fields: tuple[Field, ...]  # what a row holds besides its id
    slots: Callable[[Template], list[Any]]  # the template's rows, in order
    row: Callable[[Any], dict[str, Any]]  # a slot's cells the plan fills in, by column key
    without_id: Message  # what import says of a row with entries but an empty id cell

    @property
    def id_key(self) -> str:
        return self.columns[0].key

    @property
    def required(self) -> tuple[str, str]:
        return self.id_key, self.fields[0].key

    def column(self, key: str) -> int:
        """A column's number, 1-based."""
        return next(n for n, c in enumerate(self.columns, start=1) if c.key == key)

    def rows(self, template: Template) -> list[list[Any]]:
        """The template's rows as the sheet shows them; the cells to fill in are empty. What the unit
        owes comes first; the optional part after a row that says so (`is_marker`)."""
        out: list[list[Any]] = []
        marked = False
        for slot in self.slots(template):
            if not getattr(slot, "owed", True) and not marked:
                out.append([optional_mark(), *([None] * (len(self.columns) - 1))])
                marked = True
            cells = self.row(slot)
            out.append([cells.get(c.key) for c in self.columns])
        return out


def optional_mark() -> str:
    return both("workbook.optional")


def is_marker(row: list[Any]) -> bool:
    """The row that opens the optional part (its first cell ends in `optional`)."""
    first = row[0] if row else None
    return (isinstance(first, str) and first.rstrip().endswith(OPTIONAL_KEY)
            and all(v is None for v in row[1:]))


VALUE_SHEET = Sheet(
    VALUES, "values",
    columns=(
        _column("values", "indicator"),
        _column("values", "name"),
        _column("values", "measure"),
        _column("values", "target"),
        _column("values", "guidance", wrap=True, width=34),
        _column("values", "value", fill=True, rule="value"),
        _column("values", "note", fill=True, wrap=True, width=24),
        _column("values", "source", fill=True, wrap=True, width=20),
    ),
    fields=(Field("value", "number", always=True), Field("note", "text"), Field("source", "text")),
    slots=lambda t: list(t.values),
    row=lambda s: {"indicator": s.indicator.id, "name": s.indicator.name, "measure": s.indicator.measure,
                   "target": s.target, "guidance": s.asks},
    without_id=I606.message("indicator"),
)
TASK_SHEET = Sheet(
    TASKS, "tasks",
    columns=(
        _column("tasks", "task"),
        _column("tasks", "group"),
        _column("tasks", "role"),
        _column("tasks", "title", wrap=True, width=30),
        _column("tasks", "status", fill=True, rule="status"),
        _column("tasks", "evidence", fill=True, wrap=True, width=44),
    ),
    fields=(Field("status", "status", always=True), Field("evidence", "text")),
    slots=lambda t: list(t.tasks),
    row=lambda s: {"task": s.task.id, "group": s.group.title, "role": s.role_label, "title": s.task.title},
    without_id=I606.message("task"),
)
MILESTONE_SHEET = Sheet(
    MILESTONES, "milestones",
    columns=(
        _column("milestones", "milestone"),
        _column("milestones", "year"),
        _column("milestones", "text", wrap=True, width=44),
        _column("milestones", "status", fill=True, rule="status"),
        _column("milestones", "date", fill=True, rule="date"),
        _column("milestones", "evidence", fill=True, wrap=True, width=36),
    ),
    fields=(Field("status", "status", always=True), Field("date", "date"), Field("evidence", "text")),
    slots=lambda t: list(t.milestones),
    row=lambda m: {"milestone": m.id, "year": m.year, "text": m.text},
    without_id=I606.message("milestone"),
)
TABLE_SHEETS = (VALUE_SHEET, TASK_SHEET, MILESTONE_SHEET)
VALUE_COLUMNS, TASK_COLUMNS, MILESTONE_COLUMNS = (s.columns for s in TABLE_SHEETS)


@dataclass(frozen=True)
class InfoField:
    """A row of the Info sheet: the label (Chinese, then the key) and, to its right, the value."""

    key: str
    read: str  # "identifier", "whole", "name", "date" or "text"
    fill: bool = False  # the clerk fills it in; the others come from the template

    @property
    def label(self) -> str:
        return f"{text(f'workbook.info.{self.key}', 'zh')} {self.key}"

    @property
    def note(self) -> str:
        return both(f"workbook.info.{self.key}.note")


INFO_SHEET = (
    InfoField("plan", "identifier"),
    InfoField("plan_version", "whole"),
    InfoField("unit", "name"),
    InfoField("period", "whole"),
    InfoField("area", "name"),
    InfoField("submitted", "date", fill=True),
    InfoField("contact", "text", fill=True),
)
INFO_KEYS = tuple(f.key for f in INFO_SHEET)
INFO_OPTIONAL = ("area", "submitted", "contact")  # left out of the YAML when empty
INFO_FIELDS = tuple((f.key, f.label, f.note, f.fill) for f in INFO_SHEET)  # the 0.1 shape, for callers
TEMPLATE_SHEETS = (INFO, VALUES, TASKS, MILESTONES)  # the only sheets import reads


def info_values(template: Template) -> dict[str, Any]:
    """The Info fields the template fills in."""
    plan = template.plan
    return {"plan": plan.id, "plan_version": plan.version, "unit": template.unit.name,
            "period": template.year, "area": template.area.name if template.area else None}


def styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Font, PatternFill

    return {
        "title": Font(bold=True, size=13),
        "header": Font(bold=True),
        "header_fill": PatternFill("solid", fgColor="DDDDDD"),
        "fill_in": PatternFill("solid", fgColor="FFF2CC"),  # the cells to fill in, pale yellow
        "optional_fill": PatternFill("solid", fgColor="DDEBF7"),  # the row opening the optional part
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "top": Alignment(vertical="top"),
    }


def saved(wb) -> bytes:
    """The workbook as .xlsx bytes, every string as text. openpyxl stores a string that starts with `=`
    as a formula; sciplan writes no formulas, so such a cell is someone's text (a plan name, a note, a
    path) and must not run when the file is opened."""
    import io

    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
