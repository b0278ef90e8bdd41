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
from .i18n import text
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
VALUE_HEADERS = {  # the English workbook's bilingual column titles
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


SHEET_NAMES = {"en": ("Values", "Gap"), "zh": ("报送数值", "差距")}


def _worded(column: str, value: object, row, lang: str) -> object:
    """A Gap sheet cell as a Chinese reader reads it: statuses, kinds and groups by their labels,
    yes/no in words; the English sheet keeps the ids and true/false (what the CSV has)."""
    if lang == "en" or value is None:
        return _cell(value)
    if column == "status":
        return text(f"status.{value}", lang)
    if column == "kind":
        return text(f"screen.kind.{value}", lang)
    if column == "group":
        return row.group.title if row.group is not None else row.indicator.name
    if column == "forecast_meets_target":
        return text("forecast.meets" if value else "forecast.short", lang)
    if isinstance(value, bool):
        return text("export.yes" if value else "export.no", lang)
    if isinstance(value, (list, tuple)):
        return text("list.separator", lang).join(str(v) for v in value)
    return _cell(value)


def gap_header(lang: str = "en") -> list[str]:
    """The Gap sheet's column titles: the CSV's column names in English, Chinese words in Chinese."""
    return list(GAP_COLUMNS) if lang == "en" else [text(f"export.col.{c}", lang) for c in GAP_COLUMNS]


def gap_sheet_rows(table: GapTable, lang: str = "en") -> list[list[object]]:
    out = []
    for row in table.rows:
        d = row.as_dict()
        d["year"] = table.year
        out.append([_worded(c, d.get(c), row, lang) for c in GAP_COLUMNS])
    return out


def _number_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def gap_number_formats(table: GapTable) -> dict[tuple[int, int], str]:
    """(row, column) of the Gap sheet's rows, 0-based -> the cell's number format: each row's expected,
    actual and gap show the decimals that make them add up on screen, its target, forecast and the
    forecast's shortfall those the indicator's figures show, the ratio two; the cells keep every digit."""
    formats = {}
    columns = [GAP_COLUMNS.index(c) for c in ("expected", "actual", "gap")]
    own = [GAP_COLUMNS.index(c) for c in ("target", "forecast", "forecast_short")]
    for r, row in enumerate(table.rows):
        a, measure = row.assessment, row.indicator.measure
        decimals = decimals_for(a.expected, a.actual, a.gap, measure)
        for c in columns:
            formats[(r, c)] = _number_format(decimals)
        for c, value in zip(own, (row.indicator.target, a.forecast, a.forecast_short), strict=True):
            if value is not None:
                formats[(r, c)] = _number_format(decimals_for(value, None, None, measure))
        formats[(r, GAP_COLUMNS.index("ratio"))] = "0.00"
    return formats


def export_sheets(rows: Sequence[dict], table: GapTable, lang: str = "en") -> list[tuple]:
    """(name, header, rows[, number formats]) of the export workbook: the reported values and the gap
    table, in the run's language (headers, sheet names, statuses and labels; ids stay as they are)."""
    values_name, gap_name = SHEET_NAMES.get(lang, SHEET_NAMES["en"])
    if lang == "en":
        header = [VALUE_HEADERS[c] for c in VALUE_COLUMNS]
    else:
        header = [text(f"export.col.{c}", lang) for c in VALUE_COLUMNS]
    values = [[_worded_value(c, row[c], lang) for c in VALUE_COLUMNS] for row in rows]
    return [
        (values_name, header, values),
        (gap_name, gap_header(lang), gap_sheet_rows(table, lang), gap_number_formats(table)),
    ]


def _worded_value(column: str, value: object, lang: str) -> object:
    if lang != "en" and column == "kind" and value:
        return text(f"screen.kind.{value}", lang)
    return value
