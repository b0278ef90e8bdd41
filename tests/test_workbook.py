"""The Excel round trip: `template --format xlsx`, filled with openpyxl as a clerk would, then `import`
and `validate`; workbooks edited the way people really edit them; and LibreOffice opening the files.

Every case goes through the command line (the `cli` fixture) and writes only under tmp_path.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import yaml

from sciplan.domain import TASK_STATUS
from sciplan.duties import duty
from sciplan.plan import Plan, ValueType
from sciplan.progress import STATUS_WORDS, TaskStatus
from sciplan.templates import build_template, render_yaml
from sciplan.validation import load_plan
from sciplan.workbook import display_width, import_workbook, template_workbook

PLAN_FILE = Path(__file__).parent.parent / "data" / "plan.yaml"
PLAN = load_plan(PLAN_FILE)
YEAR = 2024


def _reporting_units(plan: Plan) -> list[str]:
    """Units with a form: they report indicators, lead or join groups, or report milestones (an office
    placed at another unit reports through its host)."""
    return [u.id for u in plan.units if plan.indicators_of_unit(u.id) or plan.groups_of_unit(u.id)
            or (not u.hosted_by and any(u.id in plan.milestone_reporters(m)
                                        for m in plan.milestones if m.year <= YEAR))]


REPORTING_UNITS = _reporting_units(PLAN)


def _columns(sheet) -> dict[str, int]:
    """header key (the last word of the header) -> column number, from the template's header row 2."""
    return {str(c.value).split()[-1]: c.column for c in sheet[2] if c.value}


def _figure(value_type: ValueType, rng: random.Random) -> int | float:
    if value_type is ValueType.COUNT:
        return rng.randint(0, 50_000)
    if value_type is ValueType.PERCENT:
        return round(rng.uniform(0, 100), 1)
    return round(rng.uniform(0, 100_000), 2)


def fill(path: Path, rng: random.Random, *, with_status_labels: bool = True) -> dict:
    """Fill every yellow cell of a template like a clerk: plausible figures of the right kind, a status
    from the drop-down, evidence. Returns what was filled, keyed like the progress YAML."""
    book = openpyxl.load_workbook(path)
    filled: dict = {"values": {}, "tasks": {}, "milestones": {}}
    values = book["Values"]
    col = _columns(values)
    for row in range(3, values.max_row + 1):
        indicator = PLAN.indicator(values.cell(row, col["indicator"]).value)
        if indicator is None:  # the row that opens the optional part
            continue
        figure = _figure(indicator.value_type, rng)
        values.cell(row, col["value"]).value = figure
        filled["values"][indicator.id] = figure
    for name, id_key, key in (("Tasks", "task", "tasks"), ("Milestones", "milestone", "milestones")):
        if name not in book.sheetnames:
            continue
        sheet = book[name]
        col = _columns(sheet)
        for row in range(3, sheet.max_row + 1):
            item = sheet.cell(row, col[id_key]).value
            if not (PLAN.task(item) or PLAN.milestone(item)):  # the row that opens the optional part
                continue
            status = rng.choice(STATUS_WORDS)
            evidence = f"{item} 进展：举办活动 {rng.randint(1, 9)} 次"
            shown = TASK_STATUS.word(status).choice if with_status_labels else status
            sheet.cell(row, col["status"]).value = shown
            sheet.cell(row, col["evidence"]).value = evidence
            filled[key][item] = (status, evidence)
    book["Info"]["B8"] = dt.date(YEAR + 1, 1, 20)  # submitted
    book["Info"]["B9"] = "张三 0745-0000000"  # contact
    book.save(path)
    return filled


def imported(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        "values": {v["indicator"]: v["value"] for v in data.get("values", [])},
        "tasks": {t["task"]: (t["status"], t["evidence"]) for t in data.get("tasks", [])},
        "milestones": {m["milestone"]: (m["status"], m["evidence"]) for m in data.get("milestones", [])},
        "data": data,
    }


# --- the round trip, for every unit ---------------------------------------------------------------

def test_reporting_units_are_most_of_the_plan():
    # The round trip below must cover real ground: every unit named in a responsibility line.
    assert len(REPORTING_UNITS) >= 26
    assert "cast" in REPORTING_UNITS and "leading-group-office" not in REPORTING_UNITS


@pytest.mark.parametrize("unit_id", REPORTING_UNITS)
def test_round_trip_every_unit(cli, tmp_path, unit_id):
    book = tmp_path / f"{unit_id}.xlsx"
    code, _, err = cli("template", "--unit", unit_id, "--year", YEAR, "--format", "xlsx", "-o", book)
    assert code == 0, err
    filled = fill(book, random.Random(unit_id))
    out = tmp_path / "progress" / str(YEAR) / f"{unit_id}.yaml"
    code, stdout, err = cli("import", book, "-o", out)
    assert code == 0, stdout + err
    assert "no problems" in stdout
    code, stdout, err = cli("validate", out, "--strict")
    assert code == 0, stdout + err
    back = imported(out)
    assert back["values"] == filled["values"]
    assert back["tasks"] == filled["tasks"]
    assert back["milestones"] == filled["milestones"]
    unit = PLAN.unit(unit_id)
    assert set(back["values"]) == {i.id for i in PLAN.indicators_of_unit(unit_id)}
    assert set(back["tasks"]) == {t.id for g, _ in PLAN.groups_of_unit(unit_id) for t in g.tasks}
    assert back["data"]["unit"] == unit.name and back["data"]["period"] == YEAR
    assert back["data"]["submitted"] == dt.date(YEAR + 1, 1, 20)
    for value in back["values"].values():
        assert isinstance(value, (int, float)) and not isinstance(value, bool)


def test_round_trip_for_a_township(cli, tmp_path):
    book = tmp_path / "agriculture-huangzhou.xlsx"
    assert cli("template", "--unit", "县农业农村局", "--year", 2023, "--area", "晃州镇", "--format", "xlsx",
               "-o", book)[0] == 0
    filled = fill(book, random.Random(7))
    out = tmp_path / "out.yaml"
    assert cli("import", book, "-o", out)[0] == 0
    back = imported(out)
    assert back["data"]["area"] == "晃州镇" and back["data"]["period"] == 2023
    assert back["values"] == filled["values"]
    assert cli("validate", out)[0] == 0


def test_the_plain_status_word_is_accepted_too(cli, tmp_path):
    book = tmp_path / "t.xlsx"
    cli("template", "--unit", "edu", "--year", YEAR, "--format", "xlsx", "-o", book)
    filled = fill(book, random.Random(1), with_status_labels=False)
    assert cli("import", book, "-o", tmp_path / "t.yaml")[0] == 0
    assert imported(tmp_path / "t.yaml")["tasks"] == filled["tasks"]


# --- messy workbooks ------------------------------------------------------------------------------

@pytest.fixture
def filled_book(cli, tmp_path) -> Path:
    """县科协's 2024 workbook, completely and correctly filled in (it has every kind of value, and
    milestones)."""
    book = tmp_path / "cast-2024.xlsx"
    assert cli("template", "--unit", "cast", "--year", YEAR, "--format", "xlsx", "-o", book)[0] == 0
    fill(book, random.Random(3))
    return book


def _row_of(sheet, item: str) -> int:
    return next(c.row for c in sheet["A"] if c.value == item)


def _edit(book: Path, change) -> None:
    wb = openpyxl.load_workbook(book)
    change(wb)
    wb.save(book)


def _set_value(indicator: str, value, number_format: str | None = None):
    def change(wb):
        sheet = wb["Values"]
        cell = sheet.cell(_row_of(sheet, indicator), _columns(sheet)["value"])
        cell.value = value
        if number_format:
            cell.number_format = number_format
    return change


NORMALISED = [  # (indicator, what the clerk typed, cell number format, the value imported)
    ("farmer-trainings", "1200", None, 1200),
    ("farmer-trainings", " 1200 ", None, 1200),
    ("farmer-trainings", "1,200", None, 1200),
    ("farmer-trainings", "１２００", None, 1200),
    ("farmer-trainings", "１，２００", None, 1200),
    ("farmer-trainings", "1200人次", None, 1200),
    ("farmer-trainings", "1200\u3000", None, 1200),  # an ideographic space typed after it
    ("farmer-trainings", 1200.0, None, 1200),
    ("literacy-rate", "12.5%", None, 12.5),
    ("literacy-rate", "１２．５％", None, 12.5),
    ("literacy-rate", 0.125, "0.0%", 12.5),  # a cell formatted as a percentage holds 0.125
    ("exhibition-area", "2,960.5", None, 2960.5),
    ("exhibition-area", 0, None, 0),  # zero typed on purpose is a figure, not an empty cell
]


@pytest.mark.parametrize(("indicator", "typed", "number_format", "expected"), NORMALISED,
                         ids=[repr(c[1]) for c in NORMALISED])
def test_numbers_typed_messily_are_normalised(cli, filled_book, tmp_path, indicator, typed, number_format,
                                              expected):
    _edit(filled_book, _set_value(indicator, typed, number_format))
    out = tmp_path / "out.yaml"
    code, stdout, err = cli("import", filled_book, "-o", out)
    assert code == 0, stdout + err
    value = imported(out)["values"][indicator]
    assert value == expected and type(value) is type(expected)
    assert cli("validate", out)[0] == 0


REJECTED = [  # (indicator, typed, code, words in the message, words in the hint)
    ("farmer-trainings", "约1200", "I602", "is not a number", "digits only"),
    ("farmer-trainings", "1200%", "I602", "% sign", "figure alone"),
    ("farmer-trainings", True, "I602", "TRUE", "digits"),
    ("farmer-trainings", dt.datetime(2024, 1, 2), "I602", "date", "format the cell as Number"),
    ("farmer-trainings", 12.5, "S105", "not a whole number", "whole number"),
    ("farmer-trainings", -3, "S107", "negative", "sign"),
    ("farmer-trainings", 1e308, "S114", "larger than any real figure", "scientific notation"),
    ("literacy-rate", 150, "S106", "above 100", "15.2 for 15.2%"),
    ("science-volunteers", None, "S111", "not filled in", "write 无"),  # owed: empty is an error
]


@pytest.mark.parametrize(("indicator", "typed", "code", "message", "hint"), REJECTED,
                         ids=[f"{c[2]}-{c[1]!r}" for c in REJECTED])
def test_bad_figures_are_reported_at_their_cell(cli, filled_book, tmp_path, indicator, typed, code, message,
                                                hint):
    _edit(filled_book, _set_value(indicator, typed))
    sheet = openpyxl.load_workbook(filled_book)["Values"]
    row, column = _row_of(sheet, indicator), _columns(sheet)["value"]
    out = tmp_path / "out.yaml"
    status, stdout, err = cli("import", filled_book, "-o", out, "--format", "json")
    assert status == 1, stdout + err
    report = yaml.safe_load(stdout)
    found = [f for f in report["findings"] if f["severity"] == "error"]
    assert len(found) == 1, found  # one problem, said once, not again by validation
    f = found[0]
    assert (f["code"], f["file"], f["path"], f["line"], f["column"]) == (
        code, str(filled_book), f"Values!F{row}", row, column)
    assert message in f["message"] and hint in f["hint"]
    assert f["message"].startswith(f"Values!F{row}: ")
    assert not out.exists() and report["written"] is False


def _set_task(task: str, status=None, evidence=None):
    def change(wb):
        sheet = wb["Tasks"]
        col = _columns(sheet)
        row = _row_of(sheet, task)
        sheet.cell(row, col["status"]).value = status
        sheet.cell(row, col["evidence"]).value = evidence
    return change


@pytest.mark.parametrize(("typed", "expected"), [
    ("done ", "done"), ("  已完成 done  ", "done"), ("已完成", "done"), ("Done", "done"),
    ("In Progress", "in_progress"), ("受阻", "blocked"), ("未开始 not_started", "not_started"),
])
def test_statuses_typed_loosely_are_understood(cli, filled_book, tmp_path, typed, expected):
    _edit(filled_book, _set_task("youth.1", typed, "  举办科学家精神报告会 3 场  "))
    out = tmp_path / "out.yaml"
    assert cli("import", filled_book, "-o", out)[0] == 0
    assert imported(out)["tasks"]["youth.1"] == (expected, "举办科学家精神报告会 3 场")


@pytest.mark.parametrize(("status", "evidence", "code", "column_key", "words"), [
    ("doen", "x", "S109", "status", "did you mean `done`?"),
    ("finished", "x", "S109", "status", "drop-down list"),
    (None, None, "S109", "status", "not chosen"),
    ("已完成 done", None, "S110", "evidence", "evidence"),
])
def test_bad_task_entries_are_reported_at_their_cell(cli, filled_book, tmp_path, status, evidence, code,
                                                     column_key, words):
    _edit(filled_book, _set_task("youth.2", status, evidence))
    sheet = openpyxl.load_workbook(filled_book)["Tasks"]
    row, column = _row_of(sheet, "youth.2"), _columns(sheet)[column_key]
    result, stdout, _ = cli("import", filled_book, "--format", "json")
    assert result == 1
    errors = [f for f in yaml.safe_load(stdout)["findings"] if f["severity"] == "error"]
    assert [(f["code"], f["line"], f["column"]) for f in errors] == [(code, row, column)]
    assert words in (errors[0]["message"] + " " + errors[0]["hint"]).lower()


def test_in_progress_without_evidence_is_a_warning_at_the_evidence_cell(cli, filled_book, tmp_path):
    _edit(filled_book, _set_task("youth.3", "进行中 in_progress", None))
    row = _row_of(openpyxl.load_workbook(filled_book)["Tasks"], "youth.3")
    code, stdout, _ = cli("import", filled_book, "-o", tmp_path / "o.yaml", "--format", "json")
    assert code == 0  # warnings do not stop the import
    (warning,) = yaml.safe_load(stdout)["findings"]
    assert (warning["code"], warning["path"]) == ("W503", f"Tasks!F{row}")
    assert (tmp_path / "o.yaml").exists()


def test_merged_title_rows_and_an_empty_row_are_ignored(cli, filled_book, tmp_path):
    def change(wb):
        for name in ("Values", "Tasks"):
            sheet = wb[name]
            for merged in list(sheet.merged_cells.ranges):
                sheet.unmerge_cells(str(merged))
            sheet.insert_rows(1, amount=2)  # a two-row title, merged across, as offices like them
            sheet["A1"] = "新晃侗族自治县 2024 年全民科学素质工作进度表"
            sheet.merge_cells("A1:F2")
            sheet.insert_rows(8)  # and an empty row in the middle of the data
    _edit(filled_book, change)
    before = imported_values_from(filled_book)
    out = tmp_path / "out.yaml"
    code, stdout, err = cli("import", filled_book, "-o", out)
    assert code == 0, stdout + err
    assert imported(out)["values"] == before
    assert cli("validate", out)[0] == 0


def imported_values_from(book: Path) -> dict:
    sheet = openpyxl.load_workbook(book)["Values"]
    header = next(r for r in sheet.iter_rows() if any(c.value == "指标编号 indicator" for c in r))
    col = {str(c.value).split()[-1]: c.column for c in header if c.value}
    return {sheet.cell(r, col["indicator"]).value: sheet.cell(r, col["value"]).value
            for r in range(header[0].row + 1, sheet.max_row + 1)
            if PLAN.indicator(sheet.cell(r, col["indicator"]).value or "")}


def test_an_extra_column_is_ignored_with_a_warning(cli, filled_book, tmp_path):
    def change(wb):
        sheet = wb["Values"]
        sheet.cell(2, 9).value = "联系人 phone"
        sheet.cell(3, 9).value = "13800000000"
    _edit(filled_book, change)
    code, stdout, _ = cli("import", filled_book, "-o", tmp_path / "o.yaml")
    assert code == 0
    assert "I605" in stdout and "Values!I2" in stdout and "联系人 phone" in stdout
    assert "13800000000" not in (tmp_path / "o.yaml").read_text(encoding="utf-8")


def test_no_figure_is_said_with_wu_in_the_note(cli, filled_book, tmp_path):
    def change(wb):
        sheet = wb["Values"]
        col = _columns(sheet)
        row = _row_of(sheet, "innovation-studios")
        sheet.cell(row, col["value"]).value = None
        sheet.cell(row, col["note"]).value = " 无 "
    _edit(filled_book, change)
    code, stdout, _ = cli("import", filled_book, "-o", tmp_path / "o.yaml")
    assert code == 0 and "1 left out as 无" in stdout
    assert "innovation-studios" not in imported(tmp_path / "o.yaml")["values"]


@pytest.mark.parametrize("sheet", ["Values", "Tasks", "Info", "Milestones"])
def test_a_deleted_sheet_is_reported(cli, filled_book, tmp_path, sheet):
    _edit(filled_book, lambda wb: wb.remove(wb[sheet]))
    out = tmp_path / "o.yaml"
    code, stdout, _ = cli("import", filled_book, "-o", out)
    assert code == 1 and not out.exists()
    assert "I601" in stdout and f"sheet `{sheet}` is missing" in stdout


def test_a_renamed_sheet_with_other_case_and_spaces_still_counts(cli, filled_book, tmp_path):
    def change(wb):
        wb["Values"].title = " values "
    _edit(filled_book, change)
    assert cli("import", filled_book, "-o", tmp_path / "o.yaml")[0] == 0


def test_a_deleted_value_column_is_reported(cli, filled_book, tmp_path):
    _edit(filled_book, lambda wb: wb["Values"].delete_cols(6))
    code, stdout, _ = cli("import", filled_book, "--format", "json")
    assert code == 1
    codes = {f["code"] for f in yaml.safe_load(stdout)["findings"]}
    assert "I604" in codes


def test_a_row_added_without_an_id_is_reported(cli, filled_book, tmp_path):
    def change(wb):
        sheet = wb["Values"]
        sheet.cell(sheet.max_row + 1, 6).value = 99
    _edit(filled_book, change)
    code, stdout, _ = cli("import", filled_book, "--format", "json")
    assert code == 1
    (f,) = [f for f in yaml.safe_load(stdout)["findings"] if f["severity"] == "error"]
    assert f["code"] == "I606" and f["path"].startswith("Values!A")


def test_a_row_copied_twice_is_double_counting(cli, filled_book, tmp_path):
    def change(wb):
        sheet = wb["Values"]
        row = _row_of(sheet, "farmer-trainings")
        new = sheet.max_row + 1
        for column in range(1, 9):
            sheet.cell(new, column).value = sheet.cell(row, column).value
    _edit(filled_book, change)
    code, stdout, _ = cli("import", filled_book, "--format", "json")
    assert code == 1
    (f,) = [f for f in yaml.safe_load(stdout)["findings"] if f["severity"] == "error"]
    assert f["code"] == "X401" and f["path"].startswith("Values!A")


def test_an_edited_unit_is_reported_on_the_info_sheet(cli, filled_book, tmp_path):
    _edit(filled_book, lambda wb: wb["Info"].__setitem__("B5", "县科学局"))
    code, stdout, _ = cli("import", filled_book, "--format", "json")
    assert code == 1
    f = next(f for f in yaml.safe_load(stdout)["findings"] if f["code"] == "R203")
    assert f["path"] == "Info!B5"


def test_a_deleted_info_row_is_reported_on_the_info_sheet(cli, filled_book, tmp_path):
    _edit(filled_book, lambda wb: wb["Info"].delete_rows(6))  # the period row
    code, stdout, _ = cli("import", filled_book, "--format", "json")
    assert code == 1
    (f,) = [f for f in yaml.safe_load(stdout)["findings"] if f["severity"] == "error"]
    assert (f["code"], f["path"], f["line"]) == ("S102", "Info", None)
    assert "`period`" in f["message"] and "Restore the row" in f["hint"]


def test_an_unknown_indicator_id_is_reported_with_a_suggestion(cli, filled_book, tmp_path):
    def change(wb):
        sheet = wb["Values"]
        sheet.cell(_row_of(sheet, "farmer-trainings"), 1).value = "farmer-training"
    _edit(filled_book, change)
    code, stdout, _ = cli("import", filled_book, "--format", "json")
    (f,) = [f for f in yaml.safe_load(stdout)["findings"] if f["severity"] == "error"]
    assert code == 1 and f["code"] == "R205" and "farmer-trainings" in f["hint"]


def test_an_untouched_template_never_passes(cli, tmp_path):
    book = tmp_path / "cast.xlsx"
    cli("template", "--unit", "cast", "--year", YEAR, "--format", "xlsx", "-o", book)
    out = tmp_path / "cast.yaml"
    code, stdout, _ = cli("import", book, "--format", "json")
    assert code == 1 and not out.exists()
    report = yaml.safe_load(stdout)
    rule = duty(PLAN, PLAN.unit("cast"), YEAR)  # what it owes: the optional part left empty is no error
    expected = len(rule.owed_indicators) + len(rule.owed_tasks) + len(rule.milestones)
    assert report["errors"] == expected and report["warnings"] == 0
    assert {f["code"] for f in report["findings"]} == {"S111", "S109"}


# --- files that are not workbooks ---------------------------------------------------------------

@pytest.mark.parametrize(("content", "words"), [
    (b"indicator,value\nfarmer-trainings,1200\n", "text (CSV?)"),
    (b"", "empty"),
    (bytes(range(256)) * 8, "not a workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old-style .xls"),
    (b"PK\x03\x04" + b"\x00" * 100, "not a workbook"),
])
def test_a_file_that_is_not_an_xlsx_is_a_finding(cli, tmp_path, content, words):
    book = tmp_path / "report.xlsx"
    book.write_bytes(content)
    code, stdout, err = cli("import", book)
    assert code == 1, err
    assert "I603" in stdout and words in stdout
    assert "Traceback" not in stdout + err and not (tmp_path / "report.yaml").exists()


def test_a_zip_that_is_not_a_workbook_is_a_finding(tmp_path):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    result = import_workbook(PLAN, buffer.getvalue(), "x.xlsx")
    assert result.yaml_text is None
    assert [f.code for f in result.report.findings] == ["I603"]


# --- the command's contract ---------------------------------------------------------------------

def test_import_writes_next_to_the_workbook_by_default_and_never_overwrites(cli, filled_book):
    target = filled_book.with_suffix(".yaml")
    code, _, err = cli("import", filled_book)
    assert code == 0 and target.exists() and f"wrote {target}" in err
    first = target.read_bytes()
    code, _, err = cli("import", filled_book)
    assert code == 2 and "already exists" in err and target.read_bytes() == first
    assert cli("import", filled_book, "--force")[0] == 0


def test_import_with_errors_writes_only_when_forced(cli, filled_book, tmp_path):
    _edit(filled_book, _set_value("science-volunteers", None))
    out = tmp_path / "o.yaml"
    code, _, err = cli("import", filled_book, "-o", out)
    assert code == 1 and not out.exists() and "nothing written" in err
    code, _, _ = cli("import", filled_book, "-o", out, "--force")
    assert code == 1 and out.exists()
    assert cli("validate", out)[0] == 1  # what was forced out still fails validation, as it should


def test_import_to_standard_output(cli, filled_book):
    code, stdout, err = cli("import", filled_book, "-o", "-")
    assert code == 0
    assert yaml.safe_load(stdout)["unit"] == "县科协" and "no problems" in err


def test_import_github_annotations_name_the_workbook_and_cell(cli, filled_book):
    _edit(filled_book, _set_value("farmer-trainings", "约1200"))
    row = _row_of(openpyxl.load_workbook(filled_book)["Values"], "farmer-trainings")
    code, stdout, _ = cli("import", filled_book, "--format", "github")
    assert code == 1
    assert stdout.startswith(f"::error file={filled_book},line={row},col=6,title=I602::Values!F{row}: ")


def test_import_of_a_missing_file_cannot_run(cli, tmp_path):
    code, _, err = cli("import", tmp_path / "nope.xlsx")
    assert code == 2 and "no such file" in err


# --- the template workbook itself ---------------------------------------------------------------

def test_template_workbook_structure(cli, tmp_path):
    code, _, err = cli("template", "--unit", "cast", "--year", YEAR, "--format", "xlsx", cwd=tmp_path)
    book_path = tmp_path / "cast-2024.xlsx"  # the default name
    assert code == 0 and book_path.exists(), err
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["Info", "Values", "Tasks", "Milestones"]
    info = {row[0].value.split()[-1]: row[1].value for row in book["Info"].iter_rows(min_row=3, max_row=9)}
    assert info == {"plan": PLAN.id, "plan_version": PLAN.version, "unit": "县科协", "period": YEAR,
                    "area": None, "submitted": None, "contact": None}
    values = book["Values"]
    col = _columns(values)
    assert values.freeze_panes == "A3" and values.protection.sheet
    rules = {}
    for rule in values.data_validations.dataValidation:
        for cell_range in rule.sqref.ranges:
            for (row, column) in cell_range.cells:
                rules[(row, column)] = rule
    marker = None
    for row in range(3, values.max_row + 1):
        indicator = PLAN.indicator(values.cell(row, col["indicator"]).value)
        if indicator is None:  # the row that opens the optional part: after every owed indicator
            marker = row
            assert values.cell(row, 1).value.endswith("optional")
            continue
        assert (indicator.id in {i.id for i in duty(PLAN, PLAN.unit("cast"), YEAR).owed_indicators}) == (
            marker is None)
        cell = values.cell(row, col["value"])
        assert cell.value is None and cell.protection.locked is False
        assert values.cell(row, col["name"]).protection.locked is not False  # the plan's text is read-only
        rule = rules[(row, col["value"])]
        expected = {ValueType.COUNT: ("whole", "greaterThanOrEqual", "0", None),
                    ValueType.PERCENT: ("decimal", "between", "0", "100"),
                    ValueType.QUANTITY: ("decimal", "greaterThanOrEqual", "0", None)}[indicator.value_type]
        assert (rule.type, rule.operator, rule.formula1, rule.formula2) == expected
        assert values.cell(row, col["measure"]).value == indicator.measure
    tasks = book["Tasks"]
    (status_rule,) = tasks.data_validations.dataValidation
    assert status_rule.type == "list"
    assert [w.split()[-1] for w in status_rule.formula1.strip('"').split(",")] == list(STATUS_WORDS)


@pytest.mark.parametrize("unit_id", ["cast", "health", "veteran-cadres", "edu"])
def test_template_stays_within_excels_limits(unit_id):
    # Excel refuses (or "repairs") a file whose validation texts or list exceed these lengths.
    data = template_workbook(build_template(PLAN, PLAN.unit(unit_id), YEAR))
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        assert len(sheet.title) <= 31
        for rule in sheet.data_validations.dataValidation:
            assert len(rule.promptTitle or "") <= 32 and len(rule.errorTitle or "") <= 32
            assert len(rule.prompt or "") <= 255 and len(rule.error or "") <= 255
            assert len(rule.formula1 or "") <= 255
            assert rule.showErrorMessage and rule.errorStyle == "stop"


def test_template_columns_fit_their_chinese_text(tmp_path, cli):
    book = tmp_path / "t.xlsx"
    cli("template", "--unit", "县商务科技和工业信息化局", "--year", YEAR, "--format", "xlsx", "-o", book)
    wb = openpyxl.load_workbook(book)
    for sheet in wb.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.value is None or cell.alignment.wrap_text or cell.coordinate in sheet.merged_cells:
                    continue
                width = sheet.column_dimensions[cell.column_letter].width
                assert width >= min(display_width(str(cell.value)), 40), (sheet.title, cell.coordinate)


def test_a_unit_that_reports_nothing_gets_no_template(cli, tmp_path):
    code, _, err = cli("template", "--unit", "county-government", "--year", YEAR, "--format", "xlsx",
                       "-o", tmp_path / "x.xlsx")
    assert code == 2 and "reports nothing" in err and not (tmp_path / "x.xlsx").exists()


def test_template_workbook_is_not_overwritten_without_force(cli, tmp_path):
    book = tmp_path / "t.xlsx"
    book.write_bytes(b"keep")
    code, _, err = cli("template", "--unit", "edu", "--year", YEAR, "--format", "xlsx", "-o", book)
    assert code == 2 and "already exists" in err and book.read_bytes() == b"keep"
    assert cli("template", "--unit", "edu", "--year", YEAR, "--format", "xlsx", "-o", book, "--force")[0] == 0


# --- LibreOffice opens the files ---------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run "
                                                           "installs Debian's libreoffice-calc-nogui")
# Sheet by sheet as UTF-8 CSV: separator, quote, encoding (76 = UTF-8), first line, ..., all sheets (-1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _soffice(tmp_path: Path, *args: str) -> None:
    profile = tmp_path / "lo-profile"  # a private profile: no clash with another running LibreOffice
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", *args], check=True,
                   capture_output=True, timeout=180)


@needs_soffice
def test_libreoffice_converts_the_template_to_csv(cli, tmp_path):
    book = tmp_path / "cast-2024.xlsx"
    cli("template", "--unit", "cast", "--year", YEAR, "--format", "xlsx", "-o", book)
    out = tmp_path / "csv"
    _soffice(tmp_path, "--convert-to", CSV_FILTER, "--outdir", str(out), str(book))
    sheets = {p.stem.removeprefix("cast-2024-"): p.read_text(encoding="utf-8") for p in out.glob("*.csv")}
    assert set(sheets) == {"Info", "Values", "Tasks", "Milestones"}
    assert "指标编号 indicator,指标名称 name" in sheets["Values"]
    assert "literacy-rate,公民具备科学素质的比例,%" in sheets["Values"]
    assert "youth.1,青少年科学素质提升行动,牵头 lead,大力弘扬科学精神和科学家精神" in sheets["Tasks"]
    assert "xinhuang-science-literacy" in sheets["Info"]


@needs_soffice
def test_a_workbook_saved_again_by_libreoffice_imports_the_same(cli, filled_book, tmp_path):
    direct = tmp_path / "direct.yaml"
    assert cli("import", filled_book, "-o", direct)[0] == 0
    resaved = tmp_path / "lo"
    _soffice(tmp_path, "--convert-to", "xlsx", "--outdir", str(resaved), str(filled_book))
    again = tmp_path / "again.yaml"
    code, stdout, err = cli("import", resaved / filled_book.name, "-o", again)
    assert code == 0, stdout + err
    assert imported(again)["values"] == imported(direct)["values"]
    assert imported(again)["tasks"] == imported(direct)["tasks"]
    # LibreOffice kept the protection and the data validation.
    book = openpyxl.load_workbook(resaved / filled_book.name)
    assert book["Values"].protection.sheet and book["Tasks"].data_validations.dataValidation


# --- whatever a cell holds, import answers with findings -----------------------------------------

def _cell_values():
    from hypothesis import strategies as st
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = st.text(max_size=30).filter(lambda t: not ILLEGAL_CHARACTERS_RE.search(t))
    return st.one_of(st.none(), text, st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                     st.booleans(), st.dates(min_value=dt.date(1900, 3, 1)),
                     st.sampled_from(["1,200", "１２００", "15%", "无", "done", "已完成", " ", "=1+1"]))


def test_import_never_raises_whatever_the_cells_hold():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from openpyxl.cell.cell import MergedCell

    template = template_workbook(build_template(PLAN, PLAN.unit("health"), YEAR))

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.sampled_from(["Info", "Values", "Tasks"]), st.integers(2, 12),
                              st.integers(1, 10), _cell_values()), max_size=8))
    def check(edits):
        book = openpyxl.load_workbook(io.BytesIO(template))
        for sheet, row, column, value in edits:
            cell = book[sheet].cell(row, column)
            if not isinstance(cell, MergedCell):  # part of a merged block: Excel does not let you type there
                cell.value = value
        buffer = io.BytesIO()
        book.save(buffer)
        result = import_workbook(PLAN, buffer.getvalue(), "h.xlsx")
        assert result.report.findings  # an untouched or scribbled template never passes
        for finding in result.report.findings:
            assert finding.file == "h.xlsx" and finding.code and finding.message
            if finding.path and "!" in finding.path:
                assert finding.message.startswith(finding.path + ": ")

    check()


# --- one vocabulary of task statuses --------------------------------------------------------------

def _every_status_spelling() -> list[tuple[str, str]]:
    """(what a clerk may type, the id it means): every label a screen or report shows for a task
    status, in both languages, the drop-down's choices, the ids and every synonym."""
    from sciplan.i18n import LANGUAGES, text

    cases = []
    for word in TASK_STATUS.words:
        shown = {text(f"{key}.{word.id}", lang) for key in ("task", "screen.tasks") for lang in LANGUAGES}
        for typed in sorted(shown | set(word.spellings)):
            cases.append((typed, word.id))
    return cases


STATUS_SPELLINGS = _every_status_spelling()


def test_the_screens_show_the_vocabularys_labels():
    from sciplan.i18n import text

    assert STATUS_WORDS == tuple(TaskStatus) == TASK_STATUS.ids
    for word in TASK_STATUS.words:
        assert text(f"task.{word.id}", "zh") == text(f"screen.tasks.{word.id}", "zh") == word.zh
        assert text(f"task.{word.id}", "en") == word.en
    assert {("推进中", "in_progress"), ("in\nprogress", "in_progress")} <= set(STATUS_SPELLINGS)


@pytest.mark.parametrize(("typed", "expected"), STATUS_SPELLINGS, ids=[repr(c[0]) for c in STATUS_SPELLINGS])
def test_every_status_label_and_synonym_imports_to_its_id(cli, filled_book, tmp_path, typed, expected):
    _edit(filled_book, _set_task("youth.1", typed, "举办科学家精神报告会 3 场"))
    out = tmp_path / "out.yaml"
    code, stdout, err = cli("import", filled_book, "-o", out)
    assert code == 0, stdout + err
    assert imported(out)["tasks"]["youth.1"] == (expected, "举办科学家精神报告会 3 场")


def test_the_drop_down_and_the_yaml_template_offer_the_vocabulary(tmp_path):
    template = build_template(PLAN, PLAN.unit("cast"), YEAR)
    tasks = openpyxl.load_workbook(io.BytesIO(template_workbook(template)))["Tasks"]
    (rule,) = tasks.data_validations.dataValidation
    assert rule.formula1.strip('"').split(",") == ["未启动 not_started", "推进中 in_progress", "已完成 done",
                                                     "受阻 blocked"]
    yaml_template = render_yaml(template)
    assert "# not_started=未启动 | in_progress=推进中 | done=已完成 | blocked=受阻" in yaml_template
