"""Excel workbooks: ready-to-fill templates, importing a filled one, and the export workbook.

A template holds an "Info" sheet (plan, plan_version, unit, period, area, and the optional submitted
date and contact), a "Values" sheet (one row per indicator the unit may report), a "Tasks" sheet (one
row per task of its groups) and, for the unit that reports the schedule, a "Milestones" sheet. The
plan's columns are locked (sheet protection without a password, so a clerk who must can lift it);
the columns to fill in are unlocked and carry data validation.

Import reads a filled workbook the way people really leave them - numbers typed as text, stray
spaces, full-width digits and punctuation, added title rows, merged cells, empty rows, extra
columns - writes the progress YAML, checks that text with `validation.check_document`, and reports
every problem at its sheet and cell. Import never raises for bad content: problems are findings.

openpyxl is imported inside the functions, so that commands which do not touch workbooks start fast.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .domain import TASK_STATUS
from .findings import (
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
from .i18n import MESSAGES, Message
from .loading import load_text
from .plan import Plan, ValueType
from .templates import NO_FIGURE_WORDS, Template, build_template, scalar
from .validation import check_document, cross_file_findings, number_from_text

INFO, VALUES, TASKS, MILESTONES = "Info", "Values", "Tasks", "Milestones"

MAX_BYTES = 10 << 20  # a filled template is ~20 KB
MAX_UNPACKED = 64 << 20  # guards against a zip bomb posing as a workbook
MAX_ROWS = 2000
MAX_COLUMNS = 40


@dataclass(frozen=True)
class Column:
    key: str  # the machine name: the last word of the header, which import matches on
    label: str  # the header as shown: Chinese first, then the key
    fill: bool = False  # the clerk fills it in: unlocked
    wrap: bool = False
    width: int | None = None  # fixed width (in characters) for long text; None fits the content


VALUE_COLUMNS = (
    Column("indicator", "指标编号 indicator"),
    Column("name", "指标名称 name"),
    Column("measure", "计量单位 measure"),
    Column("target", "目标 target"),
    Column("guidance", "填报说明 guidance", wrap=True, width=34),
    Column("value", "数值 value", fill=True),
    Column("note", "备注 note", fill=True, wrap=True, width=24),
    Column("source", "数据来源 source", fill=True, wrap=True, width=20),
)
TASK_COLUMNS = (
    Column("task", "任务编号 task"),
    Column("group", "行动/工程 group"),
    Column("role", "职责 role"),
    Column("title", "任务 title", wrap=True, width=30),
    Column("status", "状态 status", fill=True),
    Column("evidence", "进展与佐证 evidence", fill=True, wrap=True, width=44),
)
MILESTONE_COLUMNS = (
    Column("milestone", "节点编号 milestone"),
    Column("year", "年份 year"),
    Column("text", "内容 text", wrap=True, width=44),
    Column("status", "状态 status", fill=True),
    Column("date", "完成日期 date", fill=True),
    Column("evidence", "佐证 evidence", fill=True, wrap=True, width=36),
)
INFO_FIELDS = (  # key, label, explanation, filled in by the clerk
    ("plan", "规划 plan", "规划编号，请勿修改 plan id: do not change", False),
    ("plan_version", "规划版本 plan_version", "请勿修改 do not change", False),
    ("unit", "填报单位 unit", "请勿修改 do not change", False),
    ("period", "报告年度 period", "请勿修改 do not change", False),
    ("area", "乡镇 area", "空白表示全县数 empty: county-wide figures", False),
    ("submitted", "填报日期 submitted", "可选，如 2025-01-20 optional: the date you submit", True),
    ("contact", "联系人 contact", "可选，姓名和电话 optional: name and telephone", True),
)
INFO_KEYS = tuple(f[0] for f in INFO_FIELDS)
STATUS_CHOICES = tuple(w.choice for w in TASK_STATUS.words)

HEADER_ROW = 2  # row 1 is the sheet's title
FIRST_ROW = 3


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: wide (CJK) characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cell_ref(sheet: str, row: int, column: int) -> str:
    """('Values', 7, 6) -> 'Values!F7'"""
    from openpyxl.utils import get_column_letter

    return f"{sheet}!{get_column_letter(column)}{row}"


# --- the template ---------------------------------------------------------------------------------

def template_workbook(template: Template) -> bytes:
    """The template as .xlsx bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    info = wb.active
    info.title = INFO
    _info_sheet(info, template)
    plan = template.plan
    value_rows = [[s.indicator.id, s.indicator.name, s.indicator.measure, s.target, s.asks, None, None, None]
                  for s in template.values]
    values = wb.create_sheet(VALUES)
    title = f"{template.unit.name} {template.year} 年度指标数值 Values"
    if not value_rows:
        title += " · 本单位没有需要填报的指标 no indicators to report"
    _table_sheet(values, title, VALUE_COLUMNS, value_rows)
    _value_validation(values, template)
    task_rows = [[s.task.id, s.group.title, s.role_label, s.task.title, None, None] for s in template.tasks]
    tasks = wb.create_sheet(TASKS)
    title = f"{template.unit.name} {template.year} 年度任务进展 Tasks"
    if not task_rows:
        title += " · 本单位没有需要填报的任务 no tasks to report"
    _table_sheet(tasks, title, TASK_COLUMNS, task_rows)
    _status_validation(tasks, TASK_COLUMNS, len(task_rows))
    if template.milestones:
        sheet = wb.create_sheet(MILESTONES)
        rows = [[m.id, m.year, m.text, None, None, None] for m in template.milestones]
        _table_sheet(sheet, f"{plan.document.number} 进度安排 Milestones", MILESTONE_COLUMNS, rows)
        _status_validation(sheet, MILESTONE_COLUMNS, len(rows))
        last = FIRST_ROW + len(rows) - 1
        _date_validation(sheet, _column_index(MILESTONE_COLUMNS, "date"), FIRST_ROW, last, plan.period.start)
    wb.properties.title = f"{template.unit.name} {template.year} 进度报告"
    wb.properties.creator = "sciplan"
    return _saved(wb)


def _saved(wb) -> bytes:
    """The workbook as .xlsx bytes, every string as text. openpyxl stores a string that starts with `=`
    as a formula; sciplan writes no formulas, so such a cell is someone's text (a plan name, a note, a
    path) and must not run when the file is opened."""
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _styles():
    from openpyxl.styles import Alignment, Font, PatternFill

    return {
        "title": Font(bold=True, size=13),
        "header": Font(bold=True),
        "header_fill": PatternFill("solid", fgColor="DDDDDD"),
        "fill_in": PatternFill("solid", fgColor="FFF2CC"),  # the cells to fill in, pale yellow
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "top": Alignment(vertical="top"),
    }


def _column_index(columns: Sequence[Column], key: str) -> int:
    return next(n for n, c in enumerate(columns, start=1) if c.key == key)


def _protect(sheet) -> None:
    sheet.protection.sheet = True
    # Allowed despite the protection: widening columns and rows, so long text can be read.
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _table_sheet(sheet, title: str, columns: Sequence[Column], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Protection
    from openpyxl.utils import get_column_letter

    style = _styles()
    sheet.cell(row=1, column=1, value=title).font = style["title"]
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    for n, column in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=n, value=column.label)
        cell.font = style["header"]
        cell.fill = style["header_fill"]
        cell.alignment = style["wrap"]
    widths = [display_width(c.label) for c in columns]
    heights: list[int] = []
    for r, values in enumerate(rows, start=FIRST_ROW):
        for n, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = sheet.cell(row=r, column=n, value=value)
            cell.alignment = style["wrap"] if column.wrap else style["top"]
            if column.fill:
                cell.protection = Protection(locked=False)
                cell.fill = style["fill_in"]
            if value is not None and not column.wrap:
                widths[n - 1] = max(widths[n - 1], display_width(str(value)))
    for n, column in enumerate(columns, start=1):
        width = column.width or min(max(widths[n - 1], 10), 40)
        sheet.column_dimensions[get_column_letter(n)].width = width + 2
    # Wrapped text needs taller rows; Excel does not grow them by itself when it opens a file.
    for r, values in enumerate(rows, start=FIRST_ROW):
        lines = 1
        for column, value in zip(columns, values, strict=True):
            if column.wrap and value is not None:
                lines = max(lines, math.ceil(display_width(str(value)) / (column.width or 40)))
        heights.append(lines)
        if lines > 1:
            sheet.row_dimensions[r].height = 15 * lines + 2
    sheet.row_dimensions[HEADER_ROW].height = 30
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=1)
    _protect(sheet)


def _info_sheet(sheet, template: Template) -> None:
    from openpyxl.styles import Protection

    style = _styles()
    plan = template.plan
    sheet.cell(row=1, column=1, value=f"{plan.title} 进度报告").font = style["title"]
    sheet.merge_cells("A1:C1")
    for n, label in enumerate(("项目 field", "内容 value", "说明 note"), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=n, value=label)
        cell.font = style["header"]
        cell.fill = style["header_fill"]
    values = {"plan": plan.id, "plan_version": plan.version, "unit": template.unit.name,
              "period": template.year, "area": template.area.name if template.area else None}
    for r, (key, label, note, fill) in enumerate(INFO_FIELDS, start=FIRST_ROW):
        sheet.cell(row=r, column=1, value=label)
        cell = sheet.cell(row=r, column=2, value=values.get(key))
        if fill:
            cell.protection = Protection(locked=False)
            cell.fill = style["fill_in"]
        if key == "submitted":
            cell.number_format = "yyyy-mm-dd"
            _date_validation(sheet, 2, r, r, template.year)
        sheet.cell(row=r, column=3, value=note)
    r = FIRST_ROW + len(INFO_FIELDS) + 1
    stem = template.default_name
    steps = [
        "填写方法 How to fill in:",
        "1. 在 Values 表的“数值 value”列填写本单位的数字（黄色单元格）；"
        "本单位没有某项数据时，数值留空并在“备注 note”中填“无”。 "
        "Type your figures in the yellow value cells; if you have no figure for an indicator, "
        "leave the value empty and write 无 in its note.",
        "2. 在 Tasks 表为每项任务选择状态，已完成或受阻的任务须填写佐证。 "
        "Choose each task's status; done and blocked need evidence.",
        f"3. 保存后导入并校验 Save, then import and check: sciplan import {stem}.xlsx -o {stem}.yaml",
        "未填写的数值和状态不能通过校验。 Empty values and statuses do not pass the check.",
    ]
    for n, text in enumerate(steps):
        cell = sheet.cell(row=r + n, column=1, value=text)
        cell.alignment = style["wrap"] if n else style["top"]
        if n == 0:
            cell.font = style["header"]
        else:
            sheet.merge_cells(start_row=r + n, start_column=1, end_row=r + n, end_column=3)
            sheet.row_dimensions[r + n].height = 15 * max(1, math.ceil(display_width(text) / 100)) + 4
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 30
    sheet.column_dimensions["C"].width = 48
    _protect(sheet)


def _validation(**kwargs):
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(allow_blank=True, showErrorMessage=True, showInputMessage=True, errorStyle="stop",
                          **kwargs)


def _value_validation(sheet, template: Template) -> None:
    column = _column_index(VALUE_COLUMNS, "value")
    rules = {
        ValueType.COUNT: _validation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                     promptTitle="整数 whole number", prompt="填写整数，不小于 0；不累计。"
                                     "Type a whole number, 0 or more.",
                                     errorTitle="需要整数",
                                     error="请填写不小于 0 的整数。"
                                           "Type a whole number, 0 or more, without units."),
        ValueType.PERCENT: _validation(type="decimal", operator="between", formula1="0", formula2="100",
                                       promptTitle="百分数 percentage",
                                       prompt="填写 0–100 的数，如 15.2 表示 15.2%。Type 15.2 for 15.2%.",
                                       errorTitle="需要 0–100 的数",
                                       error="请填写 0 到 100 之间的数，如 15.2。"
                                             "Type a number from 0 to 100."),
        ValueType.QUANTITY: _validation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                                        promptTitle="数量 quantity", prompt="填写不小于 0 的数。"
                                        "Type a number, 0 or more.",
                                        errorTitle="需要不小于 0 的数", error="请填写不小于 0 的数。"
                                        "Type a number, 0 or more."),
    }
    used = set()
    for r, slot in enumerate(template.values, start=FIRST_ROW):
        rules[slot.value_type].add(sheet.cell(row=r, column=column))
        used.add(slot.value_type)
    for value_type in used:
        sheet.add_data_validation(rules[value_type])


def _status_validation(sheet, columns: Sequence[Column], count: int) -> None:
    if not count:
        return
    column = _column_index(columns, "status")
    rule = _validation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"',
                       promptTitle="状态 status", prompt="从下拉列表选择。Choose from the list.",
                       errorTitle="状态无效", error="请从下拉列表选择状态。Choose a status from the list.")
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(column)
    rule.add(f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + count - 1}")
    sheet.add_data_validation(rule)


def _date_validation(sheet, column: int, first: int, last: int, year: int) -> None:
    from openpyxl.utils import get_column_letter

    rule = _validation(type="date", operator="greaterThanOrEqual", formula1=f"DATE({year},1,1)",
                       promptTitle="日期 date", prompt="如 2025-01-20。e.g. 2025-01-20",
                       errorTitle="日期无效",
                       error=f"请填写 {year} 年 1 月 1 日以后的日期。Type a date from {year} on.")
    letter = get_column_letter(column)
    rule.add(f"{letter}{first}:{letter}{last}")
    sheet.add_data_validation(rule)
    for r in range(first, last + 1):
        sheet.cell(row=r, column=column).number_format = "yyyy-mm-dd"


# --- import ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    sheet: str
    row: int | None = None
    column: int | None = None

    @property
    def ref(self) -> str:
        if self.row is None or self.column is None:
            return self.sheet
        return cell_ref(self.sheet, self.row, self.column)


@dataclass
class Imported:
    """What `import_workbook` made of a workbook: the YAML text (None when there is nothing to write)
    and every finding, located at sheet and cell."""

    yaml_text: str | None
    report: Report
    counts: dict[str, int] = field(default_factory=lambda: {"values": 0, "tasks": 0, "milestones": 0,
                                                              "left_out": 0})

    @property
    def valid(self) -> bool:
        return self.yaml_text is not None and self.report.valid


@dataclass
class _Grid:
    """A sheet's cells as values (and number formats), 1-based, bounded in size."""

    name: str
    cells: dict[tuple[int, int], Any]
    formats: dict[tuple[int, int], str]
    rows: int
    columns: int

    def value(self, row: int, column: int) -> Any:
        return self.cells.get((row, column))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_key(value: Any) -> str | None:
    """'数值 value' -> 'value'; the last ASCII word of a header cell, lower case."""
    if not isinstance(value, str):
        return None
    words = re.findall(r"[a-z_]+", unicodedata.normalize("NFKC", value).lower())
    return words[-1] if words else None


class _Reader:
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

    def open(self, data: bytes) -> dict[str, _Grid] | None:
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
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                unpacked = sum(i.file_size for i in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError):
            unpacked = MAX_UNPACKED + 1
        if unpacked > MAX_UNPACKED:
            self.problem(I603, None, I603.message("unpacks", mib=MAX_UNPACKED >> 20))
            return None
        from openpyxl import load_workbook

        try:
            with warnings.catch_warnings():
                # openpyxl warns about workbook features it drops (extensions, styles); none carry data here.
                warnings.simplefilter("ignore")
                book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
                try:
                    return {ws.title: self._grid(ws) for ws in book.worksheets}
                finally:
                    book.close()
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many types on damaged files; all mean "not readable"
            self.problem(I603, None, I603.message("unreadable", error=type(exc).__name__))
            return None

    @staticmethod
    def _grid(ws) -> _Grid:
        cells: dict[tuple[int, int], Any] = {}
        formats: dict[tuple[int, int], str] = {}
        rows = columns = 0
        for r, row in enumerate(ws.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS), start=1):
            for c, cell in enumerate(row, start=1):
                value = getattr(cell, "value", None)
                if value is None:
                    continue
                cells[(r, c)] = value
                formats[(r, c)] = getattr(cell, "number_format", None) or "General"
                rows, columns = max(rows, r), max(columns, c)
        return _Grid(ws.title, cells, formats, rows, columns)

    # --- the sheets ---

    def sheet(self, grids: dict[str, _Grid], name: str) -> _Grid | None:
        found = {n.strip().casefold(): g for n, g in grids.items()}
        grid = found.get(name.casefold())
        if grid is None:
            self.problem(I601, None, I601.message("missing", name=name,
                                                  found=", ".join(grids) or Message("finding.none")))
        return grid

    def info(self, grid: _Grid) -> dict[str, tuple[Any, Cell]]:
        """The Info sheet's fields in the template's order: the key is the last word of a label, the
        value the next cell to the right."""
        found: dict[str, tuple[Any, Cell]] = {}
        for (r, c), value in sorted(grid.cells.items()):
            key = _header_key(value)
            labelled = isinstance(value, str) and value.strip().endswith(str(key))
            if key in INFO_KEYS and key not in found and labelled:
                found[key] = (grid.value(r, c + 1), Cell(grid.name, r, c + 1))
        return {key: found[key] for key in INFO_KEYS if key in found}

    def table(self, grid: _Grid, columns: Sequence[Column], id_key: str, required: Sequence[str]
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

    def text(self, grid: _Grid, cell: Cell) -> str | None:
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

    def identifier(self, grid: _Grid, cell: Cell) -> str | None:
        text = self.text(grid, cell)
        return unicodedata.normalize("NFKC", text).strip() if text is not None else None

    def name(self, grid: _Grid, cell: Cell, look_up) -> str | None:
        """A unit or township name as written, or its NFKC form (full-width digits and brackets made
        plain) when only that one is known to the plan."""
        text = self.text(grid, cell)
        if text is None or look_up(text) is not None:
            return text
        plain = unicodedata.normalize("NFKC", text)
        return plain if look_up(plain) is not None else text

    def number(self, grid: _Grid, cell: Cell, indicator) -> tuple[int | float | None, bool]:
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
            number = float(value)
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

    def status(self, grid: _Grid, cell: Cell) -> str | None:
        text = self.identifier(grid, cell)
        if text is None:
            return None
        return TASK_STATUS.meaning(text) or text

    def date(self, grid: _Grid, cell: Cell) -> dt.date | str | None:
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


def import_workbook(plan: Plan, data: bytes, display: str, *, today: dt.date | None = None) -> Imported:
    """Read a filled template and turn it into progress YAML, checked against the plan.

    Findings from the YAML are mapped back to the cells the values came from.
    """
    reader = _Reader(plan, display)
    grids = reader.open(data)
    if grids is None:
        return Imported(None, Report(files=1, findings=reader.findings))
    info_grid = reader.sheet(grids, INFO)
    value_grid = reader.sheet(grids, VALUES)
    task_grid = reader.sheet(grids, TASKS)
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
    _values(reader, value_grid, out, counts)
    _tasks(reader, task_grid, out, counts)
    milestone_grid = next((g for name, g in grids.items()
                           if name.strip().casefold() == MILESTONES.casefold()), None)
    if milestone_grid is None and expected is not None and expected.milestones:
        reader.sheet(grids, MILESTONES)  # reports it missing
    elif milestone_grid is not None:
        _milestones(reader, milestone_grid, out, counts)

    yaml_text = out.text()
    findings = list(reader.findings)
    loaded = load_text(yaml_text, display)
    if loaded.document is None:  # cannot happen for text we wrote; say so rather than crash
        findings.extend(f for f in (_relocate(f, out, reader) for f in loaded.findings) if f is not None)
        return Imported(None, Report(files=1, findings=findings))
    result = check_document(plan, loaded.document, today)
    cross, _ = cross_file_findings(plan, result.values, result.tasks)
    for finding in [*loaded.findings, *result.findings, *cross]:
        relocated = _relocate(finding, out, reader)
        if relocated is not None:
            findings.append(relocated)
    return Imported(yaml_text, Report(files=1, findings=findings), counts)


def _info(reader: _Reader, grid: _Grid, out: _YamlWriter) -> dict[str, Any]:
    """The Info sheet's fields, written as the YAML's header; a missing one is left for validation
    to report (S102), on the Info sheet."""
    plan = reader.plan
    header: dict[str, Any] = {}
    for key, (_, cell) in reader.info(grid).items():
        if key in ("plan_version", "period"):
            value: Any = _whole(reader.identifier(grid, cell))
        elif key == "submitted":
            value = reader.date(grid, cell)
        elif key == "plan":
            value = reader.identifier(grid, cell)
        elif key in ("unit", "area"):
            value = reader.name(grid, cell, plan.unit if key == "unit" else plan.township)
        else:
            value = reader.text(grid, cell)
        header[key] = value
        if value is None and key in ("area", "submitted", "contact"):
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


def _values(reader: _Reader, grid: _Grid, out: _YamlWriter, counts: dict[str, int]) -> None:
    found = reader.table(grid, VALUE_COLUMNS, "indicator", ("indicator", "value"))
    if found is None:
        return
    columns, rows = found
    entries = []
    for r in rows:
        cell = {key: Cell(grid.name, r, c) for key, c in columns.items()}
        indicator_id = reader.identifier(grid, cell["indicator"])
        note = reader.text(grid, cell["note"]) if "note" in cell else None
        source = reader.text(grid, cell["source"]) if "source" in cell else None
        indicator = reader.plan.indicator(indicator_id) if indicator_id else None
        value, readable = reader.number(grid, cell["value"], indicator)
        if indicator_id is None:
            if value is not None or not readable or note or source:
                reader.problem(I606, cell["indicator"], I606.message("indicator"))
            continue
        if value is None and readable and note is not None and note.lower() in NO_FIGURE_WORDS:
            counts["left_out"] += 1  # the clerk says the unit has no figure: not reported, not zero
            continue
        entries.append((cell, indicator_id, value, note, source))
    if not entries:
        return
    out.add("values:")
    for n, (cell, indicator_id, value, note, source) in enumerate(entries):
        path = f"values[{n}]"
        out.add(f"  - indicator: {scalar(indicator_id)}", cell["indicator"], path)
        out.path_cells[f"{path}.indicator"] = cell["indicator"]
        out.add(f"    value: {_yaml_value(value)}".rstrip(), cell["value"], f"{path}.value")
        if value is None:
            out.empty.add(cell["value"])
        if note is not None:
            out.add(f"    note: {scalar(note)}", cell["note"], f"{path}.note")
        if source is not None:
            out.add(f"    source: {scalar(source)}", cell["source"], f"{path}.source")
        counts["values"] += 1


def _tasks(reader: _Reader, grid: _Grid, out: _YamlWriter, counts: dict[str, int]) -> None:
    found = reader.table(grid, TASK_COLUMNS, "task", ("task", "status"))
    if found is None:
        return
    columns, rows = found
    entries = []
    for r in rows:
        cell = {key: Cell(grid.name, r, c) for key, c in columns.items()}
        task_id = reader.identifier(grid, cell["task"])
        status = reader.status(grid, cell["status"])
        evidence = reader.text(grid, cell["evidence"]) if "evidence" in cell else None
        if task_id is None:
            if status is not None or evidence is not None:
                reader.problem(I606, cell["task"], I606.message("task"))
            continue
        entries.append((cell, task_id, status, evidence))
    if not entries:
        return
    out.add("tasks:")
    for n, (cell, task_id, status, evidence) in enumerate(entries):
        path = f"tasks[{n}]"
        out.add(f"  - task: {scalar(task_id)}", cell["task"], path)
        out.path_cells[f"{path}.task"] = cell["task"]
        out.add(f"    status: {scalar(status)}".rstrip(), cell["status"], f"{path}.status")
        if status is None:
            out.empty.add(cell["status"])
        if evidence is not None:
            out.add(f"    evidence: {scalar(evidence)}", cell["evidence"], f"{path}.evidence")
        elif "evidence" in cell:
            out.path_cells[f"{path}.evidence"] = cell["evidence"]
        counts["tasks"] += 1


def _milestones(reader: _Reader, grid: _Grid, out: _YamlWriter, counts: dict[str, int]) -> None:
    found = reader.table(grid, MILESTONE_COLUMNS, "milestone", ("milestone", "status"))
    if found is None:
        return
    columns, rows = found
    entries = []
    for r in rows:
        cell = {key: Cell(grid.name, r, c) for key, c in columns.items()}
        milestone_id = reader.identifier(grid, cell["milestone"])
        status = reader.status(grid, cell["status"])
        when = reader.date(grid, cell["date"]) if "date" in cell else None
        evidence = reader.text(grid, cell["evidence"]) if "evidence" in cell else None
        if milestone_id is None:
            if status is not None or when is not None or evidence is not None:
                reader.problem(I606, cell["milestone"], I606.message("milestone"))
            continue
        entries.append((cell, milestone_id, status, when, evidence))
    if not entries:
        return
    out.add("milestones:")
    for n, (cell, milestone_id, status, when, evidence) in enumerate(entries):
        path = f"milestones[{n}]"
        out.add(f"  - milestone: {scalar(milestone_id)}", cell["milestone"], path)
        out.path_cells[f"{path}.milestone"] = cell["milestone"]
        out.add(f"    status: {scalar(status)}".rstrip(), cell["status"], f"{path}.status")
        if status is None:
            out.empty.add(cell["status"])
        if when is not None:
            out.add(f"    date: {_yaml_value(when)}", cell["date"], f"{path}.date")
        if evidence is not None:
            out.add(f"    evidence: {scalar(evidence)}", cell["evidence"], f"{path}.evidence")
        elif "evidence" in cell:
            out.path_cells[f"{path}.evidence"] = cell["evidence"]
        counts["milestones"] += 1


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


# --- export ---------------------------------------------------------------------------------------

def table_workbook(sheets: Iterable[tuple], note: str | None = None) -> bytes:
    """Plain data sheets (name, header, rows) as .xlsx bytes: bold frozen header, fitted widths. A
    sheet may add a fourth item, {(row, column): number format}, both 0-based below the header.

    `note` (the workbook is made from the shipped sample) takes row 1 of the first sheet, in bold red
    across the table, above its header."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    style = _styles()
    wb = Workbook()
    wb.remove(wb.active)
    for number, (name, header, rows, *more) in enumerate(sheets):
        formats: dict[tuple[int, int], str] = more[0] if more else {}
        sheet = wb.create_sheet(name)
        noted = number == 0 and note is not None
        if noted:
            sheet.append([note])
            sheet["A1"].font = Font(bold=True, color="C62828")
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(header), 1))
        sheet.append(list(header))
        for cell in sheet[2 if noted else 1]:
            cell.font = style["header"]
            cell.fill = style["header_fill"]
        widths = [display_width(str(h)) for h in header]
        for row in rows:
            sheet.append(list(row))
            for n, value in enumerate(row):
                if value is not None:
                    widths[n] = max(widths[n], display_width(str(value)))
        for n, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(n)].width = min(max(width, 6), 50) + 2
        header_row = 2 if noted else 1
        for (row, column), number_format in formats.items():
            sheet.cell(row=row + header_row + 1, column=column + 1).number_format = number_format
        sheet.freeze_panes = "A3" if noted else "A2"
        if sheet.max_row > header_row:
            sheet.auto_filter.ref = (f"A2:{get_column_letter(len(header))}{sheet.max_row}" if noted
                                     else sheet.dimensions)
    return _saved(wb)
