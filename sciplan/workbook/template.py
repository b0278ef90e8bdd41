"""The fill-in workbook: a `templates.Template` written as .xlsx, each sheet from its description.

An "Info" sheet (the header fields and how to fill in), then one table sheet per description of
`sheets.TABLE_SHEETS` that has rows (Values and Tasks always, Milestones for the unit that reports
the schedule). The plan's columns are locked (sheet protection without a password, so a clerk who
must can lift it); the columns to fill in are unlocked, pale yellow and carry data validation.
"""

from __future__ import annotations

import math
from typing import Any

from ..plan import ValueType
from ..templates import Template
from .sheets import (
    FIRST_ROW,
    HEADER_ROW,
    INFO,
    INFO_SHEET,
    MILESTONE_SHEET,
    STATUS_CHOICES,
    TASK_SHEET,
    VALUE_SHEET,
    Sheet,
    both,
    display_width,
    info_values,
    is_marker,
    saved,
    styles,
)

_VALUE_RULES = {  # a value type -> (the message ids' part, its data validation)
    ValueType.COUNT: ("count", {"type": "whole", "operator": "greaterThanOrEqual", "formula1": "0"}),
    ValueType.PERCENT: ("percent", {"type": "decimal", "operator": "between", "formula1": "0",
                                    "formula2": "100"}),
    ValueType.QUANTITY: ("quantity", {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"}),
}


def template_workbook(template: Template) -> bytes:
    """The template as .xlsx bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    info = wb.active
    info.title = INFO
    _info_sheet(info, template)
    unit, year = template.unit.name, template.year
    for sheet in (VALUE_SHEET, TASK_SHEET, MILESTONE_SHEET):
        rows = sheet.rows(template)
        if sheet is MILESTONE_SHEET:
            if not rows:
                continue
            title = f"{template.plan.reference} {both('workbook.title.milestones')}"
        else:
            title = f"{unit} {year} {both(f'workbook.title.{sheet.section}')}"
            if not rows:
                title += f" · {both(f'workbook.title.{sheet.section}.none')}"
        _table_sheet(wb.create_sheet(sheet.name), title, sheet, rows, template)
    wb.properties.title = f"{unit} {year} {_zh('workbook.title.info')}"
    wb.properties.creator = "sciplan"
    return saved(wb)


def _zh(message_id: str, **fields: object) -> str:
    from ..i18n import text

    return text(message_id, "zh", **fields)


def _protect(sheet) -> None:
    sheet.protection.sheet = True
    # Allowed despite the protection: widening columns and rows, so long text can be read.
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _table_sheet(ws, title: str, sheet: Sheet, rows: list[list[Any]], template: Template) -> None:
    from openpyxl.styles import Protection
    from openpyxl.utils import get_column_letter

    style = styles()
    columns = sheet.columns
    ws.cell(row=1, column=1, value=title).font = style["title"]
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    for n, column in enumerate(columns, start=1):
        cell = ws.cell(row=HEADER_ROW, column=n, value=column.label)
        cell.font = style["header"]
        cell.fill = style["header_fill"]
        cell.alignment = style["wrap"]
    widths = [display_width(c.label) for c in columns]
    for r, values in enumerate(rows, start=FIRST_ROW):
        if is_marker(values):  # the optional part starts here: one bold line across the sheet
            cell = ws.cell(row=r, column=1, value=values[0])
            cell.font = style["header"]
            cell.fill = style["optional_fill"]
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(columns))
            continue
        for n, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = ws.cell(row=r, column=n, value=value)
            cell.alignment = style["wrap"] if column.wrap else style["top"]
            if column.fill:
                cell.protection = Protection(locked=False)
                cell.fill = style["fill_in"]
            if value is not None and not column.wrap:
                widths[n - 1] = max(widths[n - 1], display_width(str(value)))
    for n, column in enumerate(columns, start=1):
        width = column.width or min(max(widths[n - 1], 10), 40)
        ws.column_dimensions[get_column_letter(n)].width = width + 2
    # Wrapped text needs taller rows; Excel does not grow them by itself when it opens a file.
    for r, values in enumerate(rows, start=FIRST_ROW):
        lines = 1
        if is_marker(values):
            continue
        for column, value in zip(columns, values, strict=True):
            if column.wrap and value is not None:
                lines = max(lines, math.ceil(display_width(str(value)) / (column.width or 40)))
        if lines > 1:
            ws.row_dimensions[r].height = 15 * lines + 2
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=1)
    for n, column in enumerate(columns, start=1):
        if column.rule == "value":
            _value_validation(ws, n, template, [r for r, row in enumerate(rows, start=FIRST_ROW)
                                                if not is_marker(row)])
        elif column.rule == "status" and rows:
            _status_validation(ws, n, len(rows))
        elif column.rule == "date" and rows:
            _date_validation(ws, n, FIRST_ROW, FIRST_ROW + len(rows) - 1, template.plan.period.start)
    _protect(ws)


def _info_sheet(ws, template: Template) -> None:
    from openpyxl.styles import Protection

    style = styles()
    title = f"{template.plan.title} {_zh('workbook.title.info')}"
    ws.cell(row=1, column=1, value=title).font = style["title"]
    ws.merge_cells("A1:C1")
    for n, key in enumerate(("field", "value", "note"), start=1):
        cell = ws.cell(row=HEADER_ROW, column=n, value=f"{_zh(f'workbook.column.info.{key}')} {key}")
        cell.font = style["header"]
        cell.fill = style["header_fill"]
    values = info_values(template)
    for r, field in enumerate(INFO_SHEET, start=FIRST_ROW):
        ws.cell(row=r, column=1, value=field.label)
        cell = ws.cell(row=r, column=2, value=values.get(field.key))
        if field.fill:
            cell.protection = Protection(locked=False)
            cell.fill = style["fill_in"]
        if field.read == "date":
            cell.number_format = "yyyy-mm-dd"
            _date_validation(ws, 2, r, r, template.year)
        ws.cell(row=r, column=3, value=field.note)
    r = FIRST_ROW + len(INFO_SHEET) + 1
    stem = template.default_name
    steps = [
        both("workbook.steps.title"),
        both("workbook.steps.values"),
        both("workbook.steps.tasks"),
        f"{both('workbook.steps.import')} sciplan import {stem}.xlsx -o {stem}.yaml",
        both("workbook.steps.empty"),
    ]
    for n, step in enumerate(steps):
        cell = ws.cell(row=r + n, column=1, value=step)
        cell.alignment = style["wrap"] if n else style["top"]
        if n == 0:
            cell.font = style["header"]
        else:
            ws.merge_cells(start_row=r + n, start_column=1, end_row=r + n, end_column=3)
            ws.row_dimensions[r + n].height = 15 * max(1, math.ceil(display_width(step) / 100)) + 4
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 48
    _protect(ws)


def _validation(rule: str, **kwargs):
    """A data validation whose prompt and error texts are the catalogue's `workbook.rule.<rule>.*`."""
    from openpyxl.worksheet.datavalidation import DataValidation

    fields = kwargs.pop("fields", {})
    return DataValidation(allow_blank=True, showErrorMessage=True, showInputMessage=True, errorStyle="stop",
                          promptTitle=both(f"workbook.rule.{rule}.prompt_title"),
                          prompt=both(f"workbook.rule.{rule}.prompt", ""),
                          errorTitle=_zh(f"workbook.rule.{rule}.error_title"),
                          error=both(f"workbook.rule.{rule}.error", "", **fields), **kwargs)


def _value_validation(ws, column: int, template: Template, row_numbers: list[int]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import MultiCellRange

    letter = get_column_letter(column)
    rows: dict[object, list[int]] = {}
    for r, slot in zip(row_numbers, template.values, strict=True):
        rows.setdefault(slot.value_type, []).append(r)
    for value_type, numbers in rows.items():
        name, settings = _VALUE_RULES[value_type]
        rule = _validation(name, **settings)
        # One range per run of rows, given all at once: adding cells one by one makes openpyxl test
        # each against every range so far, which grows with the square of a plan's indicators.
        ranges = (f"{letter}{first}:{letter}{last}" for first, last in _runs(numbers))
        rule.sqref = MultiCellRange(" ".join(ranges))
        ws.add_data_validation(rule)


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """[3, 4, 5, 8] -> [(3, 5), (8, 8)]: consecutive numbers as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _status_validation(ws, column: int, count: int) -> None:
    from openpyxl.utils import get_column_letter

    rule = _validation("status", type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"')
    letter = get_column_letter(column)
    rule.add(f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + count - 1}")
    ws.add_data_validation(rule)


def _date_validation(ws, column: int, first: int, last: int, year: int) -> None:
    from openpyxl.utils import get_column_letter

    rule = _validation("date", type="date", operator="greaterThanOrEqual", formula1=f"DATE({year},1,1)",
                       fields={"year": year})
    letter = get_column_letter(column)
    rule.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(rule)
    for r in range(first, last + 1):
        ws.cell(row=r, column=column).number_format = "yyyy-mm-dd"
