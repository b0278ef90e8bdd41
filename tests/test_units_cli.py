"""`sciplan units` and `sciplan unit NAME`: who owes what, on a small progress folder built here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from sciplan.duties import unit_detail, unit_summaries
from sciplan.overview import units_owing
from sciplan.progress import Place, Submission, TaskRecord, TaskStatus, ValueRecord
from sciplan.validation import load_plan

PLAN = load_plan(Path(__file__).parent.parent / "data" / "plan.yaml")

FILES = {
    "2021/cast.yaml": """plan: xinhuang-science-literacy
plan_version: 1
unit: 县科协
period: 2021
values:
  - indicator: science-volunteers
    value: 80
  - indicator: dissemination-count
    value: 190000
tasks:
  - task: youth.5
    status: in_progress
    evidence: 开展科技馆进校园活动
""",
    "2022/cast.yaml": """plan: xinhuang-science-literacy
plan_version: 1
unit: cast
period: 2022
values:
  - indicator: science-volunteers
    value: 110
  - indicator: dissemination-count
    value: 280000
""",
    "2022/cast-huangzhou.yaml": """plan: xinhuang-science-literacy
plan_version: 1
unit: 科协
period: 2022
area: 晃州镇
values:
  - indicator: dissemination-count
    value: 20000
""",
    "2022/edu.yaml": """plan: xinhuang-science-literacy
plan_version: 1
unit: 县教育局
period: 2022
tasks:
  - task: youth.2
    status: done
    evidence: 全县中小学开齐科学课
""",
}


@pytest.fixture
def progress(tmp_path) -> Path:
    folder = tmp_path / "progress"
    for name, text in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def _fits(text: str, width: int = 80) -> None:
    for line in text.splitlines():
        assert cell_len(line) <= width, line


def test_units_json_lists_every_unit_with_its_duties(cli, progress):
    code, stdout, _ = cli("units", "--format", "json", "--progress", progress)
    assert code == 0
    doc = json.loads(stdout)
    assert doc["year"] is None and len(doc["units"]) == len(PLAN.units)
    edu = next(u for u in doc["units"] if u["id"] == "edu")
    assert edu["leads"] == ["youth", "resources"]
    assert edu["joins"] == [g.id for g, role in PLAN.groups_of_unit("edu") if role == "participating"]
    assert edu["indicators"] == [i.id for i in PLAN.indicators_of_unit("edu")]
    assert edu["reported"] is None and edu["owes_report"] is True
    finance = next(u for u in doc["units"] if u["id"] == "finance")
    assert finance["leads"] == [] and finance["owes_report"] is False


def test_units_for_a_year_say_whose_report_arrived(cli, progress):
    code, stdout, _ = cli("units", "--year", "2022", "--format", "json", "--progress", progress)
    assert code == 0
    units = {u["id"]: u for u in json.loads(stdout)["units"]}
    assert units["cast"]["reported"] is True and units["edu"]["reported"] is True
    assert units["agriculture"]["reported"] is False and units["agriculture"]["owes_report"] is True
    assert units["veteran-cadres"]["reported"] is False and units["veteran-cadres"]["owes_report"] is False

    code, text, _ = cli("units", "--year", "2022", "--progress", progress)
    assert code == 0
    _fits(text)
    owed = len(units_owing(PLAN))
    assert f"Reports for 2022: 2 of {owed} received" in text
    assert "  not received: County Committee of the Communist Youth League, " in text  # English names
    assert _first_line_of(text, "agriculture").rstrip().endswith("NO")
    row = _first_line_of(text, "cast")
    assert row.startswith("County ") and row.rstrip().endswith("yes") and "11 via groups" in row


def _first_line_of(table: str, unit_id: str) -> str:
    """The first line of a unit's row in the units table: its row ends with a line led by its id."""
    for block in table.split("\n\n"):
        lines = block.split("─\n")[-1].splitlines()  # the first row's block holds the heading too
        if any(line.split(" ")[0] == unit_id for line in lines[1:]):
            return lines[0]
    raise AssertionError(f"no row for {unit_id}")


@pytest.mark.parametrize("width", [70, 80, 120])
def test_english_units_table_keeps_every_column_at_every_width(cli, progress, width, monkeypatch):
    # English names wrap inside their columns; the year column keeps its heading and its answers whole.
    monkeypatch.setenv("COLUMNS", str(width))
    code, text, _ = cli("units", "--year", "2022", "--progress", progress)
    assert code == 0
    _fits(text, width)
    head = next(line for line in text.splitlines() if line.startswith("Unit "))
    assert head.split() == ["Unit", "Leads", "Joins", "Indicators", "2022"]
    assert _first_line_of(text, "edu").split()[-1] == "yes"
    assert _first_line_of(text, "youth-league").split()[-1] == "NO"


def test_units_text_without_a_year(cli, progress):
    code, text, _ = cli("units", "--progress", progress)
    assert code == 0
    _fits(text)
    # levels it alone reports are named, by the plan's English names
    assert "Resident population" in text and "Residents' health" in text
    assert "Reports for" not in text


@pytest.mark.parametrize("name", ["cast", "县科协", "科协", "县科学技术协会"])
def test_unit_is_found_by_id_name_or_alias(cli, progress, name):
    code, stdout, _ = cli("unit", name, "--format", "json", "--progress", progress)
    assert code == 0
    assert json.loads(stdout)["unit"]["id"] == "cast"


def test_unit_json_has_figures_tasks_and_missing_years(cli, progress):
    code, stdout, _ = cli("unit", "cast", "--format", "json", "--progress", progress)
    assert code == 0
    doc = json.loads(stdout)
    assert doc["year"] == 2022  # the latest year with data
    indicators = {i["id"]: i for i in doc["indicators"]}
    assert indicators["science-volunteers"]["figures"] == {"2021": 80, "2022": 110}
    # A flow adds up the unit's county-wide and township figures of the year.
    assert indicators["dissemination-count"]["figures"] == {"2021": 190000, "2022": 300000}
    assert indicators["dissemination-count"]["by_area"] == {"county": {"2021": 190000, "2022": 280000},
                                                            "huangzhou": {"2022": 20000}}
    assert indicators["farmer-trainings"]["figures"] == {}
    assert indicators["literacy-rate"]["target"] == 15 and indicators["literacy-rate"]["comparator"] == ">"
    assert [t["id"] for t in doc["tasks"] if t["reported_years"]] == ["youth.5"]
    assert "youth.5" not in doc["unreported_tasks"] and "youth.1" in doc["unreported_tasks"]
    assert doc["submitted_years"] == [2021, 2022] and doc["missing_years"] == []
    assert {m["id"] for m in doc["milestones"]} == {m.id for m in PLAN.milestones}


def test_unit_with_a_later_year_shows_it_missing(cli, progress):
    code, stdout, _ = cli("unit", "edu", "--year", "2023", "--format", "json", "--progress", progress)
    doc = json.loads(stdout)
    assert code == 0 and doc["missing_years"] == [2021, 2023] and doc["submitted_years"] == [2022]


def test_unit_text_fits_80_columns(cli, progress):
    code, text, _ = cli("unit", "县科协", "--progress", progress)
    assert code == 0
    _fits(text)
    assert "County Association for Science and Technology  (cast)" in text
    assert "Registered science and technology volunteers (名)" in text and "target >= 200 (2025)" in text
    volunteers = text.splitlines()[[n for n, line in enumerate(text.splitlines())
                                    if "Registered science" in line][0]]
    assert re.findall(r"\d[\d,]*", volunteers) == ["80", "110"]
    assert "Tasks not reported on by 2022: youth.1, youth.2" in text
    assert "Missing years: none" in text
    assert "sciplan template --unit cast --year 2022 --format xlsx" in text


def test_unit_that_owes_nothing_says_so(cli, progress):
    code, text, _ = cli("unit", "县财政局", "--progress", progress)
    assert code == 0 and "owes no yearly report" in text


def test_unknown_unit_cannot_run(cli, progress):
    code, stdout, err = cli("unit", "县科学局", "--progress", progress)
    assert code == 2 and stdout == "" and "no unit is called `县科学局`" in err and "did you mean" in err


def test_unit_summaries_and_detail_on_plain_records():
    place = Place("x.yaml", 1)
    submissions = [Submission("x.yaml", "health", 2022, None, None)]
    values = [ValueRecord("health", 2022, None, "health-literacy-rate", 19.6, place),
              ValueRecord("health", 2022, "fuluo", "health-literacy-rate", 12.0, place)]
    tasks = [TaskRecord("health", 2022, None, "elderly.2", TaskStatus.DONE, "讲座 12 场", place)]
    summary = {s.unit.id: s for s in unit_summaries(PLAN, 2022, submissions)}
    assert summary["health"].reported is True and summary["cast"].reported is False
    assert [g.id for g in summary["health"].leads] == ["elderly", "capacity"]
    detail = unit_detail(PLAN, PLAN.unit("health"), 2023, submissions, values, tasks)
    by_id = {d.indicator.id: d for d in detail.indicators}
    # A rate is never summed: the county-wide figure stands, the township's is kept apart.
    assert by_id["health-literacy-rate"].figures == {2022: 19.6}
    assert by_id["health-literacy-rate"].by_area == {"county": {2022: 19.6}, "fuluo": {2022: 12.0}}
    assert detail.missing_years == (2021, 2023)
    assert [t.task.id for t in detail.tasks if t.reported_years] == ["elderly.2"]
