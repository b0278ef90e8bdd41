"""CSV for spreadsheets: one row per indicator, numbers unformatted, UTF-8 with a BOM so that Excel
and WPS open Chinese text correctly."""

from __future__ import annotations

import csv
import io

from ..overview import GapTable, StatusOverview

GAP_COLUMNS = ["year", "id", "name", "measure", "group", "kind", "comparator", "target", "target_year",
               "expected", "actual", "gap", "ratio", "status", "forecast", "forecast_meets_target",
               "missing_years", "missed_years"]


def _value(v: object) -> object:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return " ".join(str(x) for x in v)
    return v


def render_gap(table: GapTable, by: str = "indicator") -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(GAP_COLUMNS)
    for row in table.rows:
        d = row.as_dict()
        d["year"] = table.year
        writer.writerow([_value(d[c]) for c in GAP_COLUMNS])
    return buffer.getvalue()


def render_status(overview: StatusOverview) -> str:
    return render_gap(overview.gap)
