"""Every reported value as a flat table, for people who analyse in spreadsheets.

One row per unit, township, indicator and year, from the records validation accepted (entries with
errors and the later of two double-counted entries are not in them), with names in Chinese beside
the ids. `sciplan export` writes it as CSV (UTF-8 with a byte-order mark, so Excel and WPS read the
Chinese text) or as the "Values" sheet of a workbook whose "Gap" sheet is `overview.gap_table`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from .figures import decimals_for
from .overview import GapTable
from .plan import Plan
from .progress import ValueRecord

# The gap table's columns, in the CSV file and the export workbook's Gap sheet.
GAP_COLUMNS = ["year", "id", "name", "measure", "group", "kind", "comparator", "target", "target_year",
               "expected", "actual", "gap", "ratio", "status", "forecast", "forecast_meets_target",
               "missing_years", "missed_years", "forecast_short", "at_risk", "expected_pro_rata"]


def sample_comment(note: str | None) -> str:
    """The leading comment line of a CSV file made from the sample (`note`), or nothing."""
    return "" if note is None else "# " + " ".join(note.split()) + "\r\n"

WHOLE = "合计"  # the area column of figures for the whole, where the plan has no word for it (`scope.whole`)

VALUE_COLUMNS = ("year", "unit", "unit_name", "area", "area_name", "indicator", "indicator_name", "measure",
                 "kind", "value", "file", "line")
VALUE_HEADERS = {  # the workbook's bilingual column titles
    "year": "年份 year", "unit": "单位编号 unit", "unit_name": "单位 unit_name", "area": "区域编号 area",
    "area_name": "区域 area_name", "indicator": "指标编号 indicator", "indicator_name": "指标 indicator_name",
    "measure": "计量单位 measure", "kind": "类型 kind", "value": "数值 value", "file": "文件 file",
    "line": "行 line",
}


def value_rows(plan: Plan, records: Iterable[ValueRecord], year: int) -> list[dict]:
    """Accepted values for the plan start up to `year`, ordered by year, unit, township and indicator
    as the plan lists them."""
    unit_order = {u.id: n for n, u in enumerate(plan.units)}
    township_order = {t.id: n for n, t in enumerate(plan.areas)}
    indicator_order = {i.id: n for n, i in enumerate(plan.indicators)}
    chosen = [r for r in records if r.year <= year]
    chosen.sort(key=lambda r: (r.year, unit_order.get(r.unit, len(unit_order)),
                               -1 if r.area is None else township_order.get(r.area, len(township_order)),
                               indicator_order.get(r.indicator, len(indicator_order))))
    whole = plan.whole("zh") or WHOLE
    rows = []
    for rec in chosen:
        unit = plan.unit(rec.unit)
        township = plan.township(rec.area) if rec.area else None
        indicator = plan.indicator(rec.indicator)
        value = int(rec.value) if float(rec.value).is_integer() else rec.value
        rows.append({
            "year": rec.year,
            "unit": rec.unit,
            "unit_name": unit.name if unit else rec.unit,
            "area": rec.area or "",
            "area_name": township.name if township else (whole if rec.area is None else rec.area),
            "indicator": rec.indicator,
            "indicator_name": indicator.name if indicator else rec.indicator,
            "measure": indicator.measure if indicator else "",
            "kind": str(indicator.kind) if indicator else "",
            "value": value,
            "file": rec.place.file,
            "line": rec.place.line,
        })
    return rows


def values_csv(rows: Sequence[dict], *, sample_note: str | None = None) -> str:
    """The values as CSV; `sample_note` (made from the shipped sample) opens it as a `# ` comment line."""
    buffer = io.StringIO()
    buffer.write("\ufeff" + sample_comment(sample_note))
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(VALUE_COLUMNS)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in VALUE_COLUMNS])
    return buffer.getvalue()


def _cell(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return value


def gap_sheet_rows(table: GapTable) -> list[list[object]]:
    out = []
    for row in table.rows:
        d = row.as_dict()
        d["year"] = table.year
        out.append([_cell(d.get(c)) for c in GAP_COLUMNS])
    return out


def gap_number_formats(table: GapTable) -> dict[tuple[int, int], str]:
    """(row, column) of the Gap sheet's rows, 0-based -> the cell's number format: each row's expected,
    actual and gap show the decimals that make them add up on screen; the cells keep every digit."""
    formats = {}
    columns = [GAP_COLUMNS.index(c) for c in ("expected", "actual", "gap")]
    for r, row in enumerate(table.rows):
        a = row.assessment
        decimals = decimals_for(a.expected, a.actual, a.gap, row.indicator.measure)
        for c in columns:
            formats[(r, c)] = "#,##0" + ("." + "0" * decimals if decimals else "")
    return formats


def export_sheets(rows: Sequence[dict], table: GapTable) -> list[tuple]:
    """(name, header, rows[, number formats]) of the export workbook: "Values" and "Gap"."""
    values = [[row[c] for c in VALUE_COLUMNS] for row in rows]
    return [
        ("Values", [VALUE_HEADERS[c] for c in VALUE_COLUMNS], values),
        ("Gap", list(GAP_COLUMNS), gap_sheet_rows(table), gap_number_formats(table)),
    ]
