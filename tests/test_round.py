"""The yearly collection round: what a unit owes and may report, the forms for every unit, the
workbooks taken back in one go, who still owes, and the final evaluation."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from sciplan.duties import duty, units_owing
from sciplan.validation import load_plan

ROOT = Path(__file__).parent.parent
PLAN = load_plan(ROOT / "data" / "plan.yaml")


# --- owed first, optional after -------------------------------------------------------------------

def test_a_unit_owes_what_names_it_and_may_report_its_groups_flows():
    rule = duty(PLAN, PLAN.unit("health"), 2024)
    named = [i.id for i in PLAN.indicators if isinstance(i.reported_by, list) and "health" in i.reported_by]
    assert [i.id for i in rule.owed_indicators] == named
    assert all(i.reported_by == "group" for i in rule.optional_indicators)
    led = {t.id for g, role in PLAN.groups_of_unit("health") if role == "lead" for t in g.tasks}
    joined = {t.id for g, role in PLAN.groups_of_unit("health") if role == "participating" for t in g.tasks}
    assert {t.task.id for t in rule.owed_tasks} == led and {t.task.id for t in rule.optional_tasks} == joined
    assert [t.owed for t in rule.tasks] == sorted((t.owed for t in rule.tasks), reverse=True)  # owed first
    assert rule.owes and not rule.milestones


def test_milestones_are_owed_once_due_and_an_office_reports_through_its_host():
    office = next(u for u in PLAN.units if u.hosted_by)
    host = PLAN.unit(office.hosted_by)
    due = [m.id for m in PLAN.milestones if m.year <= 2022 and host.id in PLAN.milestone_reporters(m)]
    assert [m.id for m in duty(PLAN, host, 2022).milestones] == due
    assert len(duty(PLAN, host, PLAN.period.end).milestones) >= len(due)
    assert not duty(PLAN, office, 2024).owes


def test_a_unit_that_only_joins_owes_nothing_but_may_report():
    rule = duty(PLAN, PLAN.unit("natural-resources"), 2024)
    assert not rule.owes and rule.asks_anything
    assert "natural-resources" not in {u.id for u in units_owing(PLAN, 2024)}


def test_unit_shows_the_split(cli):
    code, stdout, _ = cli("unit", "health", "--year", "2024", "--format", "json")
    assert code == 0
    data = json.loads(stdout)
    owed = {i["id"] for i in data["indicators"] if i["owed"]}
    assert owed == {i.id for i in duty(PLAN, PLAN.unit("health"), 2024).owed_indicators}
    assert {t["id"] for t in data["tasks"] if not t["owed"]} == {
        t.task.id for t in duty(PLAN, PLAN.unit("health"), 2024).optional_tasks}
    # a task it may report and did not is no gap
    assert set(data["unreported_tasks"]) <= {t["id"] for t in data["tasks"] if t["owed"]}
    code, text, _ = cli("unit", "health", "--year", "2024")
    assert "optional" in text and "Optional: the unit may report these" in text


# --- forms out ------------------------------------------------------------------------------------

def test_template_all_writes_one_workbook_per_unit_that_owes(cli, tmp_path):
    out = tmp_path / "forms"
    code, stdout, err = cli("template", "--all", "--year", "2025", "-o", out)
    assert code == 0, err
    owing = units_owing(PLAN, 2025)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"2025-{u.name}.xlsx" for u in owing)
    assert f"{len(owing)} forms for 2025" in stdout and all(n in stdout for n in names)
    book = openpyxl.load_workbook(out / "2025-县卫生健康局.xlsx")
    first_column = [c.value for c in book["Values"]["A"]]
    assert any(isinstance(v, str) and v.endswith("optional") for v in first_column)
    # again: nothing is overwritten without --force
    code, _, err = cli("template", "--all", "--year", "2025", "-o", out)
    assert code == 2 and "already exists" in err
    assert cli("template", "--all", "--year", "2025", "-o", out, "--force")[0] == 0


def test_template_all_as_yaml_and_its_usage_errors(cli, tmp_path):
    out = tmp_path / "forms"
    assert cli("template", "--all", "--year", "2023", "-o", out, "--format", "yaml")[0] == 0
    files = sorted(out.iterdir())
    assert files and all(p.suffix == ".yaml" for p in files)
    data = yaml.safe_load((out / "2023-县卫生健康局.yaml").read_text(encoding="utf-8"))
    assert [v["indicator"] for v in data["values"]] == [
        i.id for i in duty(PLAN, PLAN.unit("health"), 2023).owed_indicators]
    code, _, err = cli("template", "--all", "--year", "2023")
    assert code == 2 and "-o" in err
    code, _, err = cli("template", "--year", "2023")
    assert code == 2 and "--unit" in err


def test_an_untouched_form_of_a_unit_that_joins_imports_without_warnings(cli, tmp_path):
    book = tmp_path / "h.xlsx"
    assert cli("template", "--unit", "health", "--year", "2024", "--format", "xlsx", "-o", book)[0] == 0
    code, stdout, _ = cli("import", book, "--format", "json", "-o", tmp_path / "h.yaml")
    report = json.loads(stdout)
    rule = duty(PLAN, PLAN.unit("health"), 2024)
    assert code == 1 and report["warnings"] == 0
    assert report["errors"] == len(rule.owed_indicators) + len(rule.owed_tasks) + len(rule.milestones)


# --- the whole round, end to end, on a copy of the sample ----------------------------------------

ROUND_YEAR = 2025


@pytest.fixture
def county(tmp_path) -> Path:
    """A working copy: ./data/plan.yaml and ./data/progress with the sample's years."""
    data = tmp_path / "county" / "data"
    shutil.copytree(ROOT / "data" / "progress", data / "progress")
    shutil.copy(ROOT / "data" / "plan.yaml", data / "plan.yaml")
    return tmp_path / "county"


def _columns(sheet) -> dict[str, int]:
    return {str(c.value).split()[-1]: c.column for c in sheet[2] if c.value}


def _fill(path: Path, *, contact: str, figure=None, wrong_row: tuple[str, float] | None = None,
          leave_empty: str | None = None) -> None:
    """Fill what the form requires, as a clerk would; the optional part stays empty."""
    book = openpyxl.load_workbook(path)
    values = book["Values"]
    col = _columns(values)
    for row in range(3, values.max_row + 1):
        item = values.cell(row, col["indicator"]).value
        if isinstance(item, str) and item.endswith("optional"):
            break
        indicator = PLAN.indicator(item)
        if item != leave_empty:
            percent = indicator.value_type.value == "percent"
            values.cell(row, col["value"]).value = 55.5 if percent else (figure or 100)
    if wrong_row is not None:
        for row in range(3, values.max_row + 1):
            if values.cell(row, col["indicator"]).value == wrong_row[0]:
                values.cell(row, col["value"]).value = wrong_row[1]
    for name, key in (("Tasks", "task"), ("Milestones", "milestone")):
        if name not in book.sheetnames:
            continue
        sheet = book[name]
        col = _columns(sheet)
        for row in range(3, sheet.max_row + 1):
            item = sheet.cell(row, col[key]).value
            if isinstance(item, str) and item.endswith("optional"):
                break
            sheet.cell(row, col["status"]).value = "done"
            sheet.cell(row, col["evidence"]).value = "已完成，见年度总结"
    book["Info"]["B8"] = dt.date(ROUND_YEAR + 1, 1, 15)
    book["Info"]["B9"] = contact
    book.save(path)


def test_the_whole_round(cli, county):
    forms = county / "forms"
    code, stdout, err = cli("template", "--all", "--year", ROUND_YEAR, "-o", forms, cwd=county)
    assert code == 0, err
    owing = units_owing(PLAN, ROUND_YEAR)
    assert len(list(forms.iterdir())) == len(owing)
    inbox = county / "inbox"
    inbox.mkdir()
    # correct: the science association, education, health (with a figure typed into an optional row)
    for name, contact in (("县科协", "王科 0745-1111111"), ("县教育局", "李教 0745-2222222")):
        shutil.copy(forms / f"{ROUND_YEAR}-{name}.xlsx", inbox / f"{name}.xlsx")
        _fill(inbox / f"{name}.xlsx", contact=contact)
    shutil.copy(forms / f"{ROUND_YEAR}-县卫生健康局.xlsx", inbox / "卫健.xlsx")
    _fill(inbox / "卫健.xlsx", contact="赵卫 0745-3333333", wrong_row=("farmer-trainings", 1200))
    # one with errors: a required figure left empty
    shutil.copy(forms / f"{ROUND_YEAR}-团县委.xlsx", inbox / "团县委.xlsx")
    _fill(inbox / "团县委.xlsx", contact="x")
    book = openpyxl.load_workbook(inbox / "团县委.xlsx")
    tasks = book["Tasks"]
    tasks.cell(3, _columns(tasks)["status"]).value = "差不多"  # not a status
    book.save(inbox / "团县委.xlsx")
    # a duplicate: the education bureau's form sent twice under another name
    shutil.copy(inbox / "县教育局.xlsx", inbox / "县教育局（改）.xlsx")

    code, stdout, err = cli("import", inbox, cwd=county)
    assert code == 1, stdout + err
    progress = county / "data" / "progress" / str(ROUND_YEAR)
    assert (progress / "cast.yaml").exists() and (progress / "health.yaml").exists()
    assert not (progress / "edu.yaml").exists() and not (progress / "youth-league.yaml").exists()
    assert "written" in stdout and "refused" in stdout
    assert "县教育局（改）.xlsx" in stdout and stdout.count("the same unit, year and area as") == 2
    assert "Tasks!" in stdout  # the refused workbook's problem, at its cell
    assert "farmer-trainings" in err and "please confirm" in err  # an optional flow, new for the unit
    assert "4 unchanged" not in stdout and "2 written" in stdout and "3 refused" in stdout

    # again: unchanged; with another figure: refused without --force, replaced with it
    code, stdout, _ = cli("import", inbox / "县科协.xlsx", cwd=county)
    assert code == 0 and "unchanged" in stdout
    _fill(inbox / "县科协.xlsx", contact="王科 0745-1111111", figure=101)
    code, stdout, _ = cli("import", inbox / "县科协.xlsx", cwd=county)
    assert code == 1 and "--force" in stdout
    code, stdout, _ = cli("import", inbox / "县科协.xlsx", "--force", cwd=county)
    assert code == 0 and "replaced" in stdout

    code, stdout, _ = cli("import", inbox / "县科协.xlsx", inbox / "卫健.xlsx", "--format", "json",
                          cwd=county)
    report = json.loads(stdout)
    assert code == 0 and report["unchanged"] == 2
    assert [w["state"] for w in report["workbooks"]] == ["unchanged", "unchanged"]

    code, stdout, _ = cli("status", "--year", ROUND_YEAR, "--format", "json", cwd=county)
    assert code == 0

    # validate: the figure typed into the wrong row is named beside what the other units report
    code, stdout, _ = cli("validate", "--format", "json", "--no-cache", cwd=county)
    report = json.loads(stdout)
    assert code == 0 and report["errors"] == 0
    wrong = [f for f in report["findings"] if f["code"] == "W504"]
    assert [f["file"].rsplit("/", 1)[-1] for f in wrong] == ["health.yaml"]
    assert "is 1200 in 2025" in wrong[0]["message"] and "median" in wrong[0]["message"]

    # missing: who still owes for the year, with the contact from its last report
    code, stdout, _ = cli("missing", "--format", "json", cwd=county)
    owing = {u["id"]: u for u in json.loads(stdout)["units"]}
    assert code == 0 and json.loads(stdout)["year"] == ROUND_YEAR
    assert "cast" not in owing and "health" not in owing  # sent everything the form required
    assert owing["edu"]["report_missing"] and owing["youth-league"]["report_missing"]  # refused
    assert owing["edu"]["last_report"] == ROUND_YEAR - 1 and owing["edu"]["contact"]
    code, stdout, _ = cli("missing", "--lang", "zh", cwd=county)
    assert code == 0 and "县教育局" in stdout and "县科协" not in stdout

    # the final evaluation: the period is over
    code, stdout, err = cli("report", "--year", ROUND_YEAR, "--format", "markdown", "--lang", "zh",
                            cwd=county)
    assert code == 0, err
    assert stdout.startswith("# 2021—2025年实施情况总结评估（初稿）")
    cast_row = next(line for line in stdout.splitlines() if line.startswith("| 县科协 |"))
    assert "2021、2022、2023、2024、2025 | 2021、2022、2023、2024、2025 |" in cast_row  # owed, on time


def test_a_batch_import_is_a_document_of_the_api_rendered_by_name(cli, county):
    from sciplan import api

    forms = county / "forms"
    assert cli("template", "--all", "--year", ROUND_YEAR, "-o", forms, cwd=county)[0] == 0
    inbox = county / "inbox"
    inbox.mkdir()
    shutil.copy(forms / f"{ROUND_YEAR}-县科协.xlsx", inbox / "a.xlsx")
    _fill(inbox / "a.xlsx", contact="王科 0745-1111111")
    shutil.copy(forms / f"{ROUND_YEAR}-团县委.xlsx", inbox / "b.xlsx")  # left empty: refused
    progress = county / "data" / "progress"
    plan = api.load_plan(county / "data" / "plan.yaml")

    batch = api.import_workbooks(plan, [inbox], progress)
    assert [r.state for r in batch.workbooks] == ["written", "refused"]
    assert not (progress / str(ROUND_YEAR) / "cast.yaml").exists()  # the API decides; the CLI writes
    code, stdout, _ = cli("import", inbox, cwd=county)
    assert code == 1 and stdout == api.render(batch, "text")
    assert "-> data/progress/2025/cast.yaml" in stdout  # shown from the working folder
    assert "1 written" in stdout and "1 file checked: 7 errors" in stdout  # what refused it, listed
    assert (progress / str(ROUND_YEAR) / "cast.yaml").exists()

    again = api.import_workbooks(plan, [inbox], progress)
    code, stdout, _ = cli("import", inbox, "--format", "json", cwd=county)
    assert json.loads(stdout) == json.loads(api.render(again, "json")) == again.as_dict()
    assert json.loads(stdout)["unchanged"] == 1
    code, stdout, _ = cli("import", inbox, "--format", "github", cwd=county)
    assert stdout == api.render(again, "github") and stdout.startswith("::error")


def test_gap_defaults_to_the_latest_year_with_data(cli):
    code, stdout, err = cli("gap", "--format", "json")
    assert code == 0, err
    latest = json.loads(cli("status", "--format", "json")[1])["year"]
    assert json.loads(stdout)["year"] == latest == 2024


def test_validate_names_every_file_it_does_not_read(cli, tmp_path):
    progress = tmp_path / "progress"
    shutil.copytree(ROOT / "data" / "progress", progress)
    for name in ("2024/卫健.xlsx", "2024/old.xls", "2024/wps.et", "2024/table.csv", "2024/letter.docx",
                 "2024/~$卫健.xlsx", "2024/.DS_Store"):
        (progress / name).write_bytes(b"x")
    code, stdout, _ = cli("validate", progress, "--format", "json", "--no-cache")
    found = {f["file"].rsplit("/", 1)[-1]: f for f in json.loads(stdout)["findings"] if f["code"] == "L020"}
    assert sorted(found) == ["letter.docx", "old.xls", "table.csv", "wps.et", "卫健.xlsx"]
    assert "sciplan import" in found["卫健.xlsx"]["hint"] and ".xlsx" in found["old.xls"]["hint"]
    assert all(f["severity"] == "warning" for f in found.values()) and code == 0
    assert "README.md" not in stdout
