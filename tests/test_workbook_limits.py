"""What a workbook import may cost, and sheets that must not be read in silence.

Each hostile workbook is built here, at test time, from a correctly filled template: its zip parts are
rewritten with zipfile (hidden sheets added to xl/workbook.xml, a huge part, a huge shared-strings
table). Where the point is time, the import runs in a subprocess with a time limit.
"""

from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_workbook import PLAN, YEAR, fill

from sciplan.templates import build_template
from sciplan.workbook import import_workbook, template_workbook

ROOT = Path(__file__).resolve().parent.parent
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TIME_LIMIT = 30  # seconds; the bounded import of any case here takes a few


@pytest.fixture
def filled(tmp_path) -> bytes:
    """The health office's workbook, completely and correctly filled in."""
    path = tmp_path / "health.xlsx"
    path.write_bytes(template_workbook(build_template(PLAN, PLAN.unit("health"), YEAR)))
    fill(path, random.Random(5))
    return path.read_bytes()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _sheet_part(parts: dict[str, bytes], name: str) -> str:
    """The part of the sheet called `name`, e.g. xl/worksheets/sheet2.xml."""
    book = parts["xl/workbook.xml"].decode()
    rid = re.search(rf'<sheet [^>]*name="{name}"[^>]*r:id="(rId\d+)"', book)
    if rid is None:
        rid = re.search(rf'<sheet [^>]*r:id="(rId\d+)"[^>]*name="{name}"', book)
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(rf'<Relationship [^>]*Id="{rid.group(1)}"[^>]*/>', rels).group(0)
    path = re.search(r'Target="([^"]+)"', target).group(1)
    return path.lstrip("/") if path.startswith("/") else f"xl/{path}"


def _add_sheets(parts: dict[str, bytes], sheets: list[tuple[str, str, str]]) -> None:
    """Add sheets (name, state, part path inside xl/) to the workbook's list and its relationships."""
    book = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    entries, links = [], []
    for n, (name, state, target) in enumerate(sheets):
        state_attr = f' state="{state}"' if state != "visible" else ""
        entries.append(f'<sheet xmlns:r="{RELATIONSHIPS}" name="{name}" sheetId="{100 + n}"{state_attr} '
                       f'r:id="rIdAdded{n}"/>')
        links.append(f'<Relationship Id="rIdAdded{n}" Target="{target}" Type="{RELATIONSHIPS}/worksheet"/>')
    parts["xl/workbook.xml"] = book.replace("</sheets>", "".join(entries) + "</sheets>").encode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>",
                                                       "".join(links) + "</Relationships>").encode()


def _big_sheet(mib: int) -> bytes:
    """A sheet part of `mib` MiB: one row of small cells, which compresses to almost nothing."""
    head = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1">')
    cell = b"<c><v>1</v></c>"
    tail = b"</row></sheetData></worksheet>"
    return head + cell * ((mib << 20) // len(cell)) + tail


def _import_in_subprocess(tmp_path: Path, data: bytes) -> tuple[int, dict, float]:
    """`sciplan import --format json` of `data` in a fresh process, killed past TIME_LIMIT."""
    import time

    book = tmp_path / "hostile.xlsx"
    book.write_bytes(data)
    code = "import sys; from sciplan.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "PYTHONPATH": str(ROOT),
           "SCIPLAN_CACHE_DIR": str(tmp_path)}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code, "import", str(book), "--format", "json",
                           "-o", str(tmp_path / "out.yaml")], cwd=ROOT, capture_output=True, text=True,
                          timeout=TIME_LIMIT, env=env)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout), time.monotonic() - started


def _codes(report: dict) -> list[str]:
    return [f["code"] for f in report["findings"]]


# --- cost ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("hidden", [1, 10, 200])
def test_hidden_sheets_sharing_one_huge_part_are_not_read(filled, tmp_path, hidden):
    parts = _parts(filled)
    parts["xl/worksheets/big.xml"] = _big_sheet(24)
    _add_sheets(parts, [(f"h{n}", "hidden", "worksheets/big.xml") for n in range(hidden)])
    code, report, _ = _import_in_subprocess(tmp_path, _zipped(parts))
    assert code == 0, report  # the template's sheets are fine; the hidden ones are not read, and said so
    (warning,) = report["findings"]
    assert warning["code"] == "I609" and "h0" in warning["message"] and warning["severity"] == "warning"


def test_a_template_sheet_pointing_at_a_huge_part_is_refused(filled, tmp_path):
    parts = _parts(filled)
    parts[_sheet_part(parts, "Tasks")] = _big_sheet(24)
    code, report, _ = _import_in_subprocess(tmp_path, _zipped(parts))
    assert code == 1 and _codes(report) == ["I607"]
    assert "MiB" in report["findings"][0]["message"]


def test_a_huge_shared_strings_part_is_refused(filled, tmp_path):
    parts = _parts(filled)  # openpyxl writes its strings inline: the table is added, as Excel would have it
    padding = b"<si><t>x</t></si>" * ((60 << 20) // 17)
    parts["xl/sharedStrings.xml"] = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                     + padding + b"</sst>")
    override = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.spreadsheetml.sharedStrings+xml"/>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", override + b"</Types>")
    data = _zipped(parts)
    assert len(data) < 400_000
    code, report, _ = _import_in_subprocess(tmp_path, data)
    assert code == 1 and _codes(report) == ["I607"]
    assert "sharedStrings.xml" in report["findings"][0]["message"]


def test_template_sheets_sharing_one_part_count_it_each_time(filled, monkeypatch):
    from sciplan.workbook import reading

    read: list[str] = []
    real = reading._Parts.read

    def spy(self, name):
        read.append(name)
        return real(self, name)
    monkeypatch.setattr(reading._Parts, "read", spy)
    parts = _parts(filled)
    values, tasks = _sheet_part(parts, "Values"), _sheet_part(parts, "Tasks")
    import_workbook(PLAN, filled, "h.xlsx")
    assert read.count(values) == 1 and tasks in read  # only the template's parts, each once
    assert not any(name.startswith(("docProps/", "xl/theme/")) for name in read)
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(tasks.removeprefix("xl/"),
                                                       values.removeprefix("xl/")).encode()
    read.clear()
    import_workbook(PLAN, _zipped(parts), "h.xlsx")
    assert read.count(values) == 2 and tasks not in read


def test_the_bytes_read_in_all_are_bounded(filled, monkeypatch):
    from sciplan.workbook import reading

    monkeypatch.setattr(reading, "MAX_READ", 20_000)  # a filled template reads ~30 KB
    result = import_workbook(PLAN, filled, "h.xlsx")
    assert [f.code for f in result.report.findings] == ["I607"]
    assert "in all" in result.report.findings[0].message


def test_too_many_cells_are_refused(filled, monkeypatch):
    from sciplan.workbook import reading

    monkeypatch.setattr(reading, "MAX_CELLS", 50)
    result = import_workbook(PLAN, filled, "h.xlsx")
    assert [f.code for f in result.report.findings] == ["I607"]
    assert "50" in result.report.findings[0].message


# --- cells --------------------------------------------------------------------------------------

def _edited(data: bytes, change) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    change(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _value_cell(book, indicator: str):
    sheet = book["Values"]
    row = next(c.row for c in sheet["A"] if c.value == indicator)
    return sheet.cell(row, 6)


def test_a_number_too_large_for_a_float_is_a_finding_at_its_cell(filled):
    indicator = PLAN.indicators_of_unit("health")[0].id

    def change(book):
        _value_cell(book, indicator).value = 987654321
    parts = _parts(_edited(filled, change))  # openpyxl cannot write such a number: Excel's XML can hold it
    values = _sheet_part(parts, "Values")
    parts[values] = parts[values].replace(b"<v>987654321</v>", b"<v>" + b"9" * 400 + b"</v>")
    result = import_workbook(PLAN, _zipped(parts), "h.xlsx")
    (error,) = [f for f in result.report.findings if f.severity == "error"]
    assert error.code == "I602" and error.path.startswith("Values!F") and "too large" in error.message


# --- sheets that must not be read in silence ------------------------------------------------------

def _with_hidden_values(data: bytes, name: str, state: str, figure: int) -> bytes:
    indicator = PLAN.indicators_of_unit("health")[0].id

    def change(book):
        copy = book.copy_worksheet(book["Values"])
        copy.title = name
        copy.sheet_state = state
        _value_cell(book, indicator).value = 10
        row = next(c.row for c in copy["A"] if c.value == indicator)
        copy.cell(row, 6).value = figure
    return _edited(data, change)


@pytest.mark.parametrize(("name", "state"), [("Values ", "veryHidden"), ("values\u3000", "hidden"),
                                             ("Ｖａｌｕｅｓ", "visible")])
def test_a_second_sheet_that_looks_like_values_is_an_error(filled, name, state):
    result = import_workbook(PLAN, _with_hidden_values(filled, name, state, 999), "h.xlsx")
    assert result.yaml_text is None or "999" not in result.yaml_text
    errors = [f for f in result.report.findings if f.severity == "error"]
    assert [f.code for f in errors] == ["I608"] and not result.valid


def test_a_hidden_template_sheet_is_an_error(filled):
    def change(book):
        book["Tasks"].sheet_state = "hidden"
    result = import_workbook(PLAN, _edited(filled, change), "h.xlsx")
    assert [f.code for f in result.report.findings if f.severity == "error"] == ["I608"]
    assert "hidden" in result.report.findings[0].message


def test_a_hidden_sheet_of_ones_own_is_a_warning(filled):
    def change(book):
        book.create_sheet("scratch").sheet_state = "hidden"
    result = import_workbook(PLAN, _edited(filled, change), "h.xlsx")
    (warning,) = result.report.findings
    assert warning.code == "I609" and "scratch" in warning.message and result.valid


@pytest.mark.parametrize(("row", "column", "ref"), [(2001, 6, "Values!F2001"), (3, 41, "Values!AO3"),
                                                    (5000, 60, "Values!BH5000")])
def test_data_outside_the_template_area_is_a_warning_naming_the_cells(filled, row, column, ref):
    def change(book):
        book["Values"].cell(row, column).value = 5
    result = import_workbook(PLAN, _edited(filled, change), "h.xlsx")
    (warning,) = result.report.findings
    assert warning.code == "I609" and ref in warning.message and result.valid
