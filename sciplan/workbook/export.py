"""The export workbook (`sciplan export --format xlsx`): plain data sheets, number formats, the sample note.

Unlike the fill-in template it has no description per sheet: its sheets are whatever rows the export
stage hands over, each with a bold frozen header and fitted widths.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..figures import figure
from .sheets import display_width, saved, styles


def _shown(value: object, number_format: str | None) -> str:
    """What a cell shows: a number through its format ('#,##0.0' -> '1,234.5'), anything else as text."""
    if number_format and isinstance(value, (int, float)) and not isinstance(value, bool):
        return figure(float(value), decimals=len(number_format.partition(".")[2]))
    return str(value)


def table_workbook(sheets: Iterable[tuple], note: str | None = None) -> bytes:
    """Plain data sheets (name, header, rows) as .xlsx bytes: bold frozen header, widths fitted to what
    the cells show (a Chinese character counts twice, a number as its format rounds it). A
    sheet may add a fourth item, {(row, column): number format}, both 0-based below the header.

    `note` (the workbook is made from the shipped sample) takes row 1 of the first sheet, in bold red
    across the table, above its header."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    style = styles()
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
        for r, row in enumerate(rows):
            sheet.append(list(row))
            for n, value in enumerate(row):
                if value is not None:  # as shown, not every digit the cell keeps
                    widths[n] = max(widths[n], display_width(_shown(value, formats.get((r, n)))))
        for n, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(n)].width = min(max(width, 6), 50) + 2
        header_row = 2 if noted else 1
        for (row, column), number_format in formats.items():
            sheet.cell(row=row + header_row + 1, column=column + 1).number_format = number_format
        sheet.freeze_panes = "A3" if noted else "A2"
        if sheet.max_row > header_row:
            sheet.auto_filter.ref = (f"A2:{get_column_letter(len(header))}{sheet.max_row}" if noted
                                     else sheet.dimensions)
    return saved(wb)
