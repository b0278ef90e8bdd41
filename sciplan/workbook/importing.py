"""Import of a filled workbook: the template's sheets read back, through the descriptions of
`sheets`, into progress YAML text and cell-located findings, then the checks every progress file gets.

Import reads a filled workbook the way people really leave them - numbers typed as text, stray
spaces, full-width digits and punctuation, added title rows, merged cells, empty rows, extra
columns - writes the progress YAML, checks that text with `validation.check_document`, and reports
every problem at its sheet and cell. A header is found by its English key word (the last ASCII word
of the cell; `sheets` holds the contract). Import never raises for bad content: problems are
findings. What it may cost is bounded in `reading`.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..domain import TASK_STATUS
from ..findings import (
    I601,
    I602,
    I603,
    I604,
    I605,
    I606,
    S102,
    S105,
    S106,
    S109,
    S110,
    S111,
    S112,
    W503,
    Code,
    Finding,
    Report,
    code_of,
    say,
)
from ..i18n import MESSAGES, Message
from ..loading import load_text
from ..plan import Plan, ValueType
from ..templates import NO_FIGURE_WORDS, Template, build_template, scalar
from ..validation import check_document, cross_file_findings, number_from_text
from .reading import MAX_BYTES, Book, Cell, Grid, open_book
from .sheets import (
    INFO,
    INFO_KEYS,
    INFO_OPTIONAL,
    INFO_SHEET,
    MILESTONE_SHEET,
    MILESTONES,
    OPTIONAL_KEY,
    TABLE_SHEETS,
    TASKS,
    VALUES,
    Column,
    Sheet,
)

_INFO_READ = {f.key: f.read for f in INFO_SHEET}


@dataclass
class Imported:
    """What `import_workbook` made of a workbook: the YAML text (None when there is nothing to write)
    and every finding, located at sheet and cell."""

    yaml_text: str | None
    report: Report
    counts: dict[str, int] = field(default_factory=lambda: {"values": 0, "tasks": 0, "milestones": 0,
                                                              "left_out": 0, "optional": 0})
    optional_reported: tuple[str, ...] = ()  # ids of the form's optional part that were filled in
    unit: str | None = None  # the unit's id, year and township's id read from the Info sheet
    year: int | None = None
    area: str | None = None

    @property
    def valid(self) -> bool:
        return self.yaml_text is not None and self.report.valid


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_key(value: Any) -> str | None:
    """'数值 value' -> 'value'; the last ASCII word of a header cell, lower case."""
    if not isinstance(value, str):
        return None
    words = re.findall(r"[a-z_]+", unicodedata.normalize("NFKC", value).lower())
    return words[-1] if words else None


class _Reader:
    """Turns cells into values; what it cannot read it reports at the cell."""

    def __init__(self, plan: Plan, display: str):
        self.plan = plan
        self.display = display
        self.findings: list[Finding] = []
        self.bad_cells: set[Cell] = set()  # cells already reported: validation's findings there are dropped

    def problem(self, code: Code, cell: Cell | None, message: Message) -> None:
        """A finding about the workbook, at `cell` when there is one; the hint is the message's own."""
        if cell is None:
            self.findings.append(say(code, message.id, file=self.display, **message.fields))
            return
        self.bad_cells.add(cell)
        self.findings.append(_in_cell(code, cell, message, _own_hint(message), self.display))

    # --- opening ---

    def open(self, data: bytes) -> Book | None:
        if len(data) > MAX_BYTES:
            self.problem(I603, None, I603.message("too_big", mib=MAX_BYTES >> 20))
            return None
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            self.problem(I603, None, I603.message("xls"))
            return None
        if not data:
            self.problem(I603, None, I603.message("empty"))
            return None
        if not zipfile.is_zipfile(io.BytesIO(data)):
            looks = "finding.I603.looks_text" if _looks_text(data) else "finding.I603.looks_other"
            self.problem(I603, None, I603.message("not_zip", looks=Message(looks)))
            return None
        return open_book(data, self.problem)

    # --- the sheets ---

    def sheet(self, book: Book, name: str) -> Grid | None:
        grid = book.grids.get(name)
        if grid is None and name not in book.refused:
            self.problem(I601, None, I601.message("missing", name=name,
                                                  found=", ".join(book.names) or Message("finding.none")))
        return grid

    def info(self, grid: Grid) -> dict[str, tuple[Any, Cell]]:
        """The Info sheet's fields in the template's order: the key is the last word of a label, the
        value the next cell to the right."""
        found: dict[str, tuple[Any, Cell]] = {}
        for (r, c), value in sorted(grid.cells.items()):
            key = _header_key(value)
            labelled = isinstance(value, str) and value.strip().endswith(str(key))
            if key in INFO_KEYS and key not in found and labelled:
                found[key] = (grid.value(r, c + 1), Cell(grid.name, r, c + 1))
        return {key: found[key] for key in INFO_KEYS if key in found}

    def table(self, grid: Grid, columns: Sequence[Column], id_key: str, required: Sequence[str]
              ) -> tuple[dict[str, int], list[int]] | None:
        """Find the header row and the columns by their keys; the data rows below it."""
        header_row = None
        for r in range(1, min(grid.rows, 20) + 1):
            if any(_header_key(grid.value(r, c)) == id_key for c in range(1, grid.columns + 1)):
                header_row = r
                break
        if header_row is None:
            self.problem(I604, Cell(grid.name, 1, 1), I604.message("no_header", key=id_key,
                                                                   sheet=grid.name))
            return None
        known = {c.key for c in columns}
        found: dict[str, int] = {}
        for c in range(1, grid.columns + 1):
            key = _header_key(grid.value(header_row, c))
            if key in known and key not in found:
                found[key] = c
            elif any(not _blank(grid.value(r, c)) for r in range(header_row + 1, grid.rows + 1)):
                header = grid.value(header_row, c)
                named = (f"`{str(header).strip()}`" if not _blank(header)
                         else I605.message("without_header"))
                message = I605.message("ignored", named=named)
                self.findings.append(_in_cell(I605, Cell(grid.name, header_row, c), message,
                                              _own_hint(message), self.display))
        missing = [k for k in required if k not in found]
        if missing:
            labels = ", ".join(next(c.label for c in columns if c.key == k) for k in missing)
            self.problem(I604, Cell(grid.name, header_row, 1),
                         I604.message("columns", sheet=grid.name, labels=labels))
            return None
        rows = [r for r in range(header_row + 1, grid.rows + 1)
                if any(not _blank(grid.value(r, c)) for c in found.values())]
        return found, rows

    # --- cells ---

    def text(self, grid: Grid, cell: Cell) -> str | None:
        value = grid.value(cell.row, cell.column)  # type: ignore[arg-type]
        if _blank(value):
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, dt.datetime):
            return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
        if isinstance(value, (int, float, dt.date, dt.time)):
            return str(value)
        return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()

    def identifier(self, grid: Grid, cell: Cell) -> str | None:
        text = self.text(grid, cell)
        return unicodedata.normalize("NFKC", text).strip() if text is not None else None

    def name(self, grid: Grid, cell: Cell, look_up) -> str | None:
        """A unit or township name as written, or its NFKC form (full-width digits and brackets made
        plain) when only that one is known to the plan."""
        text = self.text(grid, cell)
        if text is None or look_up(text) is not None:
            return text
        plain = unicodedata.normalize("NFKC", text)
        return plain if look_up(plain) is not None else text

    def number(self, grid: Grid, cell: Cell, indicator) -> tuple[int | float | None, bool]:
        """The figure a clerk meant, and whether the cell could be read (False: already reported)."""
        value = grid.value(cell.row, cell.column)  # type: ignore[arg-type]
        percent = indicator is not None and indicator.value_type is ValueType.PERCENT
        if _blank(value):
            return None, True
        if isinstance(value, bool):
            self.problem(I602, cell, I602.message("bool", value="TRUE" if value else "FALSE"))
            return None, False
        if isinstance(value, (dt.date, dt.time, dt.timedelta)):
            self.problem(I602, cell, I602.message("date", value=str(value)))
            return None, False
        if isinstance(value, (int, float)):
            try:
                number = float(value)
            except OverflowError:  # an int of hundreds of digits, as a cell's XML may hold
                self.problem(I602, cell, I602.message("too_large", digits=len(str(abs(value)))))
                return None, False
            fmt = grid.formats.get((cell.row, cell.column), "") or ""  # type: ignore[arg-type]
            if percent and "%" in fmt and math.isfinite(number):
                number = round(number * 100, 10)  # a cell formatted as 15% holds 0.15
        else:
            text = unicodedata.normalize("NFKC", str(value)).strip()
            if indicator is not None:
                measure = unicodedata.normalize("NFKC", indicator.measure)
                if measure != "%" and text.endswith(measure):
                    text = text[: -len(measure)].strip()  # "1200人次": the unit of measure is not part of it
            if "%" in text and indicator is not None and not percent:
                self.problem(I602, cell, I602.message("percent", value=str(value),
                                                      indicator=indicator.id, measure=indicator.measure))
                return None, False
            parsed = number_from_text(text)
            if parsed is None:
                self.problem(I602, cell, I602.message("not_number", value=str(value).strip()))
                return None, False
            number = parsed
        if not math.isfinite(number):
            self.problem(I602, cell, I602.message("not_finite"))
            return None, False
        return (int(number) if number.is_integer() else number), True

    def status(self, grid: Grid, cell: Cell) -> str | None:
        text = self.identifier(grid, cell)
        if text is None:
            return None
        return TASK_STATUS.meaning(text) or text

    def date(self, grid: Grid, cell: Cell) -> dt.date | str | None:
        value = grid.value(cell.row, cell.column)  # type: ignore[arg-type]
        if _blank(value):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.problem(I602, cell, I602.message("number_not_date", value=str(value)))
            return None
        text = unicodedata.normalize("NFKC", str(value)).strip()
        match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                pass
        return text  # validation says why it is not a date


def _looks_text(data: bytes) -> bool:
    head = data[:2048]
    try:
        head.decode("utf-8")
        return b"\x00" not in head
    except UnicodeDecodeError:
        return False


class _YamlWriter:
    """Builds the progress YAML line by line, remembering which cell each line and key came from."""

    def __init__(self):
        self.lines: list[str] = []
        self.line_cells: dict[int, Cell] = {}
        self.path_cells: dict[str, Cell] = {}
        self.empty: set[Cell] = set()  # cells left empty, whose findings say "not filled in"
        self.optional_reported: list[str] = []  # ids from the form's optional part that were filled in

    def add(self, text: str, cell: Cell | None = None, path: str | None = None) -> None:
        self.lines.append(text)
        if cell is not None:
            self.line_cells[len(self.lines)] = cell
            if path is not None:
                self.path_cells[path] = cell

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _yaml_value(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return scalar(value)


def import_workbook(plan: Plan, data: bytes, display: str) -> Imported:
    """Read a filled template and turn it into progress YAML, checked against the plan.

    Findings from the YAML are mapped back to the cells the values came from.
    """
    reader = _Reader(plan, display)
    book = reader.open(data)
    if book is None:
        return Imported(None, Report(files=1, findings=reader.findings))
    info_grid = reader.sheet(book, INFO)
    value_grid = reader.sheet(book, VALUES)
    task_grid = reader.sheet(book, TASKS)
    if info_grid is None or value_grid is None or task_grid is None:
        return Imported(None, Report(files=1, findings=reader.findings))

    out = _YamlWriter()
    shown = "".join(c if c.isprintable() else "?" for c in display)  # a comment stays on its one line
    out.add(f"# Imported from {shown} by `sciplan import`; check with `sciplan validate`.")
    header = _info(reader, info_grid, out)
    unit = plan.unit(header["unit"]) if isinstance(header.get("unit"), str) else None
    area = plan.township(header["area"]) if isinstance(header.get("area"), str) else None
    period = header.get("period")
    expected: Template | None = None
    if unit is not None and isinstance(period, int) and plan.period.start <= period <= plan.period.end:
        try:
            expected = build_template(plan, unit, period, area)
        except ValueError:
            expected = None

    counts = {"values": 0, "tasks": 0, "milestones": 0, "left_out": 0}
    # What the form listed as optional: left empty, such a row is not reported (no entry, no finding).
    optional = set() if expected is None else ({s.indicator.id for s in expected.values if not s.owed}
                                               | {s.task.id for s in expected.tasks if not s.owed})
    _entries(reader, TABLE_SHEETS[0], value_grid, out, counts, optional)
    _entries(reader, TABLE_SHEETS[1], task_grid, out, counts, optional)
    milestone_grid = book.grids.get(MILESTONES)
    if milestone_grid is None and MILESTONES in book.refused:
        pass  # hidden or named twice: reported
    elif milestone_grid is None and expected is not None and expected.milestones:
        reader.sheet(book, MILESTONES)  # reports it missing
    elif milestone_grid is not None:
        _entries(reader, MILESTONE_SHEET, milestone_grid, out, counts, optional)

    yaml_text = out.text()
    findings = list(reader.findings)
    counts["optional"] = len(out.optional_reported)
    loaded = load_text(yaml_text, display)
    if loaded.document is None:  # cannot happen for text we wrote; say so rather than crash
        findings.extend(f for f in (_relocate(f, out, reader) for f in loaded.findings) if f is not None)
        return Imported(None, Report(files=1, findings=findings))
    result = check_document(plan, loaded.document)
    cross, _ = cross_file_findings(plan, result.values, result.tasks)
    for finding in [*loaded.findings, *result.findings, *cross]:
        relocated = _relocate(finding, out, reader)
        if relocated is not None:
            findings.append(relocated)
    return Imported(yaml_text, Report(files=1, findings=findings), counts, tuple(out.optional_reported),
                    unit.id if unit else None, period if isinstance(period, int) else None,
                    area.id if area else None)


def _info(reader: _Reader, grid: Grid, out: _YamlWriter) -> dict[str, Any]:
    """The Info sheet's fields, written as the YAML's header; a missing one is left for validation
    to report (S102), on the Info sheet."""
    plan = reader.plan
    header: dict[str, Any] = {}
    for key, (_, cell) in reader.info(grid).items():
        read = _INFO_READ[key]
        if read == "whole":
            value: Any = _whole(reader.identifier(grid, cell))
        elif read == "date":
            value = reader.date(grid, cell)
        elif read == "identifier":
            value = reader.identifier(grid, cell)
        elif read == "name":
            value = reader.name(grid, cell, plan.unit if key == "unit" else plan.township)
        else:
            value = reader.text(grid, cell)
        header[key] = value
        if value is None and key in INFO_OPTIONAL:
            continue  # optional, and empty
        out.add(f"{key}: {_yaml_value(value)}".rstrip(), cell, key)
    return header


def _whole(text: str | None) -> int | str | None:
    if text is None:
        return None
    number = number_from_text(text.rstrip("年").strip())
    if number is not None and number.is_integer():
        return int(number)
    return text


def _entries(reader: _Reader, sheet: Sheet, grid: Grid, out: _YamlWriter, counts: dict[str, int],
             optional: set[str]) -> None:
    """A table sheet's rows as its section of the YAML: the id, then the sheet's fields, each at its cell.

    A row with entries but no id is I606; a value left empty with 无 in its note is left out, and so is a
    row of the form's optional part left empty (`optional`: those ids), and the row that opens it."""
    found = reader.table(grid, sheet.columns, sheet.id_key, sheet.required)
    if found is None:
        return
    columns, rows = found
    entries = []
    for r in rows:
        cell = {key: Cell(grid.name, r, c) for key, c in columns.items()}
        item = reader.identifier(grid, cell[sheet.id_key])
        values: dict[str, Any] = {}
        readable = True
        for f in sheet.fields:
            if f.key not in cell:
                values[f.key] = None
            elif f.read == "number":
                indicator = reader.plan.indicator(item) if item else None
                values[f.key], readable = reader.number(grid, cell[f.key], indicator)
            else:
                values[f.key] = _READ[f.read](reader, grid, cell[f.key])
        if item is None:
            if not readable or any(v is not None for v in values.values()):
                reader.problem(I606, cell[sheet.id_key], sheet.without_id)
            continue
        if readable and all(v is None for v in values.values()) and (
                item in optional or _header_key(item) == OPTIONAL_KEY and item.endswith(OPTIONAL_KEY)):
            continue  # optional and left empty: not reported
        if item in optional:
            out.optional_reported.append(item)
        note = values.get("note")
        if (sheet.section == "values" and values["value"] is None and readable and isinstance(note, str)
                and note.lower() in NO_FIGURE_WORDS):
            counts["left_out"] += 1  # the clerk says the unit has no figure: not reported, not zero
            continue
        entries.append((cell, item, values))
    if not entries:
        return
    out.add(f"{sheet.section}:")
    for n, (cell, item, values) in enumerate(entries):
        path = f"{sheet.section}[{n}]"
        out.add(f"  - {sheet.id_key}: {scalar(item)}", cell[sheet.id_key], path)
        out.path_cells[f"{path}.{sheet.id_key}"] = cell[sheet.id_key]
        for f in sheet.fields:
            value = values[f.key]
            if f.always:
                out.add(f"    {f.key}: {_yaml_value(value)}".rstrip(), cell[f.key], f"{path}.{f.key}")
                if value is None:
                    out.empty.add(cell[f.key])
            elif value is not None:
                out.add(f"    {f.key}: {_yaml_value(value)}", cell[f.key], f"{path}.{f.key}")
            elif f.key in cell:
                out.path_cells[f"{path}.{f.key}"] = cell[f.key]  # a finding about it points at its cell
        counts[sheet.section] += 1


_READ = {"text": _Reader.text, "status": _Reader.status, "date": _Reader.date}


# Validation speaks of YAML keys; in a workbook the clerk needs to hear about cells.
_WORKBOOK_HINTS = {code.code: Message(f"finding.workbook.{code.code}")
                   for code in (S111, S109, S110, W503, S105, S106, S112)}
# A cell left empty: "not filled in" / "not chosen" rather than YAML's words.
_EMPTY_CELL = {S111.code: "finding.workbook.value_empty", S109.code: "finding.workbook.status_empty"}
# Validation's hints that suggest a word ("Did you mean ...?"): kept in front of a workbook hint.
_SUGGESTIONS = ("finding.did_you_mean", S109.key("chinese"))
_EVIDENCE_CODES = (S110.code, W503.code)
_LAST_STEP = re.compile(r"(\.[^.\[]+|\[\d+\]|^[^.\[]+)$")  # values[2].value -> values[2] -> values -> ''


def _cell_of(finding: Finding, out: _YamlWriter) -> Cell | None:
    path = finding.path
    if path:
        if finding.code in _EVIDENCE_CODES and f"{path}.evidence" in out.path_cells:
            return out.path_cells[f"{path}.evidence"]
        while path:
            if path in out.path_cells:
                return out.path_cells[path]
            path = _LAST_STEP.sub("", path)
    if finding.line is not None:
        return out.line_cells.get(finding.line)
    return None


def _relocate(finding: Finding, out: _YamlWriter, reader: _Reader) -> Finding | None:
    """A finding about the generated YAML, moved to the cell its content came from."""
    cell = _cell_of(finding, out)
    if finding.code == S102.code and not finding.path:
        cell = Cell(INFO)  # a header field is missing: its row on the Info sheet is gone
    if cell is not None and cell in reader.bad_cells:
        return None  # the cell was already reported with a workbook-specific message
    message = finding.message_source()
    if cell in out.empty:
        empty = _EMPTY_CELL.get(finding.code)
        message = Message(empty) if empty else message
    hint = finding.hint_source()
    if cell == Cell(INFO):
        hint = Message("finding.workbook.info_row")
    elif cell is not None and cell.sheet != INFO and finding.code in _WORKBOOK_HINTS:
        advice = _WORKBOOK_HINTS[finding.code]
        suggests = isinstance(hint, Message) and hint.id in _SUGGESTIONS
        hint = Message("finding.workbook.suggestion", suggestion=hint, advice=advice) if suggests else advice
    if cell is None:
        if isinstance(message, Message):
            return say(code_of(finding.code), message.id, hint=hint, file=reader.display, **message.fields)
        return say(code_of(finding.code), "finding.as_is", hint=hint, file=reader.display, message=message)
    return _in_cell(code_of(finding.code), cell, message, hint, reader.display)


def _in_cell(code: Code, cell: Cell, message: Message | str, hint: Message | str | None, display: str
             ) -> Finding:
    """A finding at a cell: the cell's reference in front of the message."""
    return say(code, "finding.in_cell", hint=hint, file=display, line=cell.row, column=cell.column,
               path=cell.ref, cell=cell.ref, message=message)


def _own_hint(message: Message) -> Message | None:
    """The hint that goes with a message (its id + ".hint"), if it has one."""
    hint_id = f"{message.id}.hint"
    return Message(hint_id, **message.fields) if hint_id in MESSAGES else None


