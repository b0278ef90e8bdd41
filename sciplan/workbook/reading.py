"""Opening a filled workbook with bounded cost: only the template's sheets, each part read under limits.

An .xlsx is a zip of XML parts. Import never hands the whole archive to openpyxl: it reads the
manifest and the workbook part itself, picks the sheets named like the template's (Info, Values,
Tasks, Milestones) - refusing a hidden one and a name that several sheets share (I608), naming the
hidden sheets it leaves out (I609) - and builds a small archive of just those sheets, the shared
strings and the styles for openpyxl to read. Every part is read with a limit of its own
(MAX_PART) and counts towards a limit for the whole import (MAX_READ), each time it is read: two
sheets that point at one part count it twice. Cells are scanned row by row as the XML holds them
(no padding of empty rows) up to MAX_CELLS in all; cells past the template's area (MAX_ROWS,
MAX_COLUMNS) are not imported and are named in a warning (I609). Past a limit, import stops with I607.
"""

from __future__ import annotations

import io
import posixpath
import unicodedata
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

from ..findings import I603, I607, I608, I609, Code
from ..i18n import Message
from .sheets import TEMPLATE_SHEETS, cell_ref

MAX_BYTES = 10 << 20  # the file; a filled template is ~20 KB
MAX_UNPACKED = 64 << 20  # every part together, as the archive declares them: a zip bomb posing as a workbook
MAX_PART = 4 << 20  # one part (a sheet, the shared strings, the styles) unpacked
MAX_READ = 16 << 20  # everything import unpacks, a part counted each time it is read
MAX_CELLS = 200_000  # cells scanned in all sheets read
MAX_ROWS = 2000  # the template's area: rows and columns import reads
MAX_COLUMNS = 40
_SHOWN_CELLS = 5  # cells outside the area named in the warning

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_WORKBOOK_TYPES = (  # openpyxl's order
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


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
class Grid:
    """A sheet's cells inside the template's area as values (and number formats), 1-based."""

    name: str
    cells: dict[tuple[int, int], Any]
    formats: dict[tuple[int, int], str]
    rows: int
    columns: int

    def value(self, row: int, column: int) -> Any:
        return self.cells.get((row, column))


@dataclass
class Book:
    """What import may read: the template's sheets found, by the template's name for them."""

    grids: dict[str, Grid]  # "Values" -> the sheet named like it (" values ", "VALUES")
    names: list[str]  # every sheet's name, for "found: ..."
    refused: set[str]  # template sheets found but not read (hidden, or named twice): already reported


Problem = Callable[[Code, "Cell | None", Message], None]


class _OverLimit(Exception):
    def __init__(self, message: Message):
        super().__init__(message.id)
        self.message = message


def sheet_key(name: str) -> str:
    """A sheet name as import compares it: full-width letters made plain, no spaces, any case."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


class _Parts:
    """The archive's parts, each read under MAX_PART, all reads together under MAX_READ."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.infos = {i.filename: i for i in archive.infolist()}
        self.total = 0

    def read(self, name: str) -> bytes | None:
        info = self.infos.get(name)
        if info is None:
            return None
        if info.file_size > MAX_PART:
            raise _OverLimit(I607.message("part", part=name, mib=MAX_PART >> 20))
        if self.total + info.file_size > MAX_READ:
            raise _OverLimit(I607.message("total", mib=MAX_READ >> 20))
        with self.archive.open(info) as source:
            content = source.read(MAX_PART + 1)  # zipfile stops at the declared size; this is a second fence
        if len(content) > MAX_PART:
            raise _OverLimit(I607.message("part", part=name, mib=MAX_PART >> 20))
        self.total += len(content)
        return content


def _xml(content: bytes | None) -> ElementTree.Element | None:
    if content is None:
        return None
    try:
        return ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return None


def open_book(data: bytes, problem: Problem) -> Book | None:
    """The template's sheets of an .xlsx, or None (the reason reported through `problem`)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(i.file_size for i in archive.infolist())
            if unpacked > MAX_UNPACKED:
                problem(I603, None, I603.message("unpacks", mib=MAX_UNPACKED >> 20))
                return None
            parts = _Parts(archive)
            sheets, rebuilt = _select(parts, problem)
            if sheets is None:
                problem(I603, None, I603.message("unreadable", error="no workbook part"))
                return None
    except _OverLimit as over:
        problem(I607, None, over.message)
        return None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, NotImplementedError) as exc:
        problem(I603, None, I603.message("unreadable", error=type(exc).__name__))
        return None
    names, chosen, refused = sheets
    if not chosen:
        return Book({}, names, refused)
    try:
        grids = _grids(rebuilt, chosen, problem)
    except _OverLimit as over:
        problem(I607, None, over.message)
        return None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types on damaged files; all mean "not readable"
        problem(I603, None, I603.message("unreadable", error=type(exc).__name__))
        return None
    return Book(grids, names, refused)


def _select(parts: _Parts, problem: Problem):
    """Read the manifest and the workbook part, choose the sheets to read, and build the archive that
    holds only them: ((every name, {template name: sheet name}, refused), archive bytes)."""
    types = _xml(parts.read("[Content_Types].xml"))
    overrides = {} if types is None else {
        o.get("ContentType"): o.get("PartName", "").lstrip("/") for o in types.iter(f"{{{_TYPES}}}Override")}
    book_part = next((overrides[t] for t in _WORKBOOK_TYPES if overrides.get(t)), "xl/workbook.xml")
    book = _xml(parts.read(book_part))
    if book is None:
        return None, None
    folder, base = posixpath.split(book_part)
    rels = _xml(parts.read(posixpath.join(folder, "_rels", f"{base}.rels")))
    targets: dict[str, str] = {}
    for rel in (rels.iter(f"{{{_PACKAGE_REL}}}Relationship") if rels is not None else ()):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not rel.get("Id"):
            continue
        targets[rel.get("Id")] = (target[1:] if target.startswith("/")
                                  else posixpath.normpath(posixpath.join(folder, target)))
    listed = [(s.get("name", ""), s.get("state", "visible") or "visible",
               targets.get(s.get(f"{{{_REL}}}id", ""))) for s in book.iter(f"{{{_MAIN}}}sheet")]
    names = [name for name, _, _ in listed]
    template_keys = {sheet_key(t): t for t in TEMPLATE_SHEETS}
    hidden = [name for name, state, _ in listed
              if state != "visible" and sheet_key(name) not in template_keys]
    if hidden:
        shown = ", ".join(f"`{n}`" for n in hidden[:10]) + (" …" if len(hidden) > 10 else "")
        problem(I609, None, I609.message("hidden_sheets", names=shown))
    chosen: dict[str, tuple[str, str]] = {}  # template name -> (sheet name, part)
    refused: set[str] = set()
    for template_name in TEMPLATE_SHEETS:
        found = [s for s in listed if sheet_key(s[0]) == sheet_key(template_name)]
        if len(found) > 1:
            refused.add(template_name)
            problem(I608, None, I608.message("duplicate", name=template_name,
                                             names=", ".join(f"`{n}`" for n, _, _ in found)))
        elif found and found[0][1] != "visible":
            refused.add(template_name)
            problem(I608, None, I608.message("hidden", name=found[0][0], state=found[0][1]))
        elif found and found[0][2] is not None and found[0][2] in parts.infos:
            chosen[template_name] = (found[0][0], found[0][2])
    pr = book.find(f"{{{_MAIN}}}workbookPr")
    date1904 = pr is not None and pr.get("date1904", "").lower() in ("1", "true")
    return (names, {t: n for t, (n, _) in chosen.items()}, refused), _rebuilt(
        parts, overrides.get(_STRINGS_TYPE), [(n, p) for n, p in chosen.values()], date1904)


def _rebuilt(parts: _Parts, strings: str | None, sheets: list[tuple[str, str]], date1904: bool) -> bytes:
    """A small archive openpyxl reads: the chosen sheets, the shared strings, the styles."""
    from xml.sax.saxutils import quoteattr

    members: dict[str, bytes] = {}
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{_WORKBOOK_TYPES[-1]}"/>']
    entries, links = [], []
    for n, (name, part) in enumerate(sheets, start=1):
        content = parts.read(part)  # read once per sheet that points at it
        assert content is not None  # the part is in the archive: _select checked
        members[f"xl/worksheets/sheet{n}.xml"] = content
        overrides.append(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>')
        entries.append(f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>')
        links.append(f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>')
    shared = parts.read(strings) if strings else None
    if shared is not None:
        members["xl/sharedStrings.xml"] = shared
        overrides.append(f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_STRINGS_TYPE}"/>')
    style = parts.read("xl/styles.xml")
    if style is not None:
        members["xl/styles.xml"] = style
    members["xl/workbook.xml"] = (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><workbookPr date1904="{int(date1904)}"/>'
        f'<sheets>{"".join(entries)}</sheets></workbook>').encode()
    members["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="{_PACKAGE_REL}">{"".join(links)}</Relationships>').encode()
    members["[Content_Types].xml"] = (
        f'<Types xmlns="{_TYPES}"><Default Extension="xml" ContentType="application/xml"/>'
        f'{"".join(overrides)}</Types>').encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _grids(rebuilt: bytes, chosen: dict[str, str], problem: Problem) -> dict[str, Grid]:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # openpyxl warns about workbook features it drops (extensions, styles, dates out of range); none
        # carry data here.
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(rebuilt), read_only=True, data_only=True)
        try:
            sheets = {ws.title: ws for ws in book.worksheets}
            scanned = [0]
            return {template: _grid(sheets[name], scanned, problem) for template, name in chosen.items()}
        finally:
            book.close()


def _grid(ws, scanned: list[int], problem: Problem) -> Grid:
    """The sheet's cells, as the XML lists them; past the template's area, named in one warning."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import WorkSheetParser

    cells: dict[tuple[int, int], Any] = {}
    formats: dict[tuple[int, int], str] = {}
    outside: list[tuple[int, int]] = []
    rows = columns = 0
    book = ws.parent
    with ws._get_source() as source:
        parser = WorkSheetParser(source, ws._shared_strings, data_only=True, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for r, row in parser.parse():
            scanned[0] += len(row) + 1
            if scanned[0] > MAX_CELLS:
                raise _OverLimit(I607.message("cells", count=MAX_CELLS))
            for found in row:
                value, c = found["value"], found["column"]
                if value is None:
                    continue
                if r > MAX_ROWS or c > MAX_COLUMNS:
                    outside.append((r, c))
                    continue
                cells[(r, c)] = value
                try:
                    formats[(r, c)] = ReadOnlyCell(ws, **found).number_format or "General"
                except (IndexError, KeyError):
                    formats[(r, c)] = "General"
                rows, columns = max(rows, r), max(columns, c)
    if outside:
        from openpyxl.utils import get_column_letter

        shown = ", ".join(cell_ref(ws.title, r, c) for r, c in outside[:_SHOWN_CELLS])
        first = Cell(ws.title, *outside[0])
        problem(I609, first, I609.message("outside", sheet=ws.title, count=len(outside), rows=MAX_ROWS,
                                          last=get_column_letter(MAX_COLUMNS),
                                          cells=shown + (" …" if len(outside) > _SHOWN_CELLS else "")))
    return Grid(ws.title, cells, formats, rows, columns)
