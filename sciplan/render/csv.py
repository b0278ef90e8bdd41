"""CSV for spreadsheets: one row per indicator, numbers unformatted, UTF-8 with a BOM so that Excel
and WPS open Chinese text correctly.

Made from the invented sample shipped with sciplan, a file opens with one comment line, `# ` and the
notice (after the BOM, before the header); a file from real reports has none, so its first line is
always the header. Readers that skip comments (pandas `comment="#"`) read both alike."""

from __future__ import annotations

import csv
import io

from ..export import GAP_COLUMNS, sample_comment
from ..overview import GapTable, StatusOverview, grouped


def _value(v: object) -> object:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return int(v)  # 5000, not 5000.0: whole figures read as whole numbers in a spreadsheet
    if isinstance(v, (list, tuple)):
        return " ".join(str(x) for x in v)
    return v


def render_gap(table: GapTable, by: str = "indicator", *, sample_note: str | None = None) -> str:
    """One row per indicator; with by=group, unit or area, a leading `section` column names the heading
    (a row appears once under each lead unit, as in the other formats); with by=unit or area, a last
    column `part` names the area or unit whose share a row is (empty on the whole's rows)."""
    buffer = io.StringIO()
    buffer.write("\ufeff" + sample_comment(sample_note))
    writer = csv.writer(buffer, lineterminator="\r\n")
    sectioned = by != "indicator"
    with_parts = by in ("unit", "area")
    writer.writerow((["section"] if sectioned else []) + GAP_COLUMNS + (["part"] if with_parts else []))
    for heading, rows in grouped(table, by):
        for row in rows:
            d = row.as_dict()
            d["year"] = table.year
            part = [row.part.id if row.part else ""] if with_parts else []
            writer.writerow(([heading] if sectioned else []) + [_value(d[c]) for c in GAP_COLUMNS] + part)
    return buffer.getvalue()


def render_status(overview: StatusOverview, *, sample_note: str | None = None) -> str:
    return render_gap(overview.gap, sample_note=sample_note)
