"""`sciplan export`: every accepted value as one row per unit, township, indicator and year, with
Chinese names, and the gap table - as CSV for scripts and Excel, or as a two-sheet workbook."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from sciplan.render.csv import GAP_COLUMNS
from sciplan.validation import load_plan

PLAN = load_plan(Path(__file__).parent.parent / "data" / "plan.yaml")

FILES = {
    "2022/agriculture.yaml": """plan: xinhuang-science-literacy
plan_version: 1
unit: 县农业农村局
period: 2022
values:
  - indicator: farmer-trainings
    value: 1200
""",
    "2023/agriculture-huangzhou.yaml": """plan: xinhuang-science-literacy
plan_version: 1
unit: agriculture
period: 2023
area: 晃州镇
values:
  - indicator: farmer-trainings
    value: 300
""",
    "2023/cast.yaml": """plan: xinhuang-science-literacy
plan_version: 1
unit: 县科协
period: 2023
values:
  - indicator: literacy-rate
    value: 12.5
  - indicator: exhibition-area
    value: 2960.5
""",
    "2023/broken.yaml": """plan: xinhuang-science-literacy
plan_version: 1
unit: 县科协
period: 2023
values:
  - indicator: science-volunteers
    value: "1,200"
""",
}

HEADER = ["year", "unit", "unit_name", "area", "area_name", "indicator", "indicator_name", "measure", "kind",
          "value", "file", "line"]
ROWS_2023 = [
    ["2022", "agriculture", "县农业农村局", "", "全县", "farmer-trainings", "培训农民", "人次", "cumulative",
     "1200", "progress/2022/agriculture.yaml", "6"],
    # Within a year, units, townships and indicators come in the plan's order (县科协 before 县农业农村局).
    ["2023", "cast", "县科协", "", "全县", "literacy-rate", "公民具备科学素质的比例", "%", "level", "12.5",
     "progress/2023/cast.yaml", "6"],
    ["2023", "cast", "县科协", "", "全县", "exhibition-area", "科普展厅面积", "平方米", "level", "2960.5",
     "progress/2023/cast.yaml", "8"],
    ["2023", "agriculture", "县农业农村局", "huangzhou", "晃州镇", "farmer-trainings", "培训农民", "人次",
     "cumulative", "300", "progress/2023/agriculture-huangzhou.yaml", "7"],
]


@pytest.fixture
def progress(tmp_path) -> Path:
    folder = tmp_path / "progress"
    for name, text in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def _csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")  # Excel and WPS read the Chinese text as UTF-8
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_has_one_row_per_accepted_value(cli, progress):
    code, stdout, err = cli("export", "--year", "2023", "--progress", progress, cwd=progress.parent)
    assert code == 0
    rows = _csv(stdout)
    assert rows[0] == HEADER
    assert rows[1:] == ROWS_2023
    # The entry with an error is not exported, and the user is told why figures may be missing.
    assert "1 error" in err and "science-volunteers" not in stdout


def test_csv_stops_at_the_year(cli, progress):
    code, stdout, _ = cli("export", "--year", "2022", "--progress", progress, cwd=progress.parent)
    assert code == 0 and _csv(stdout)[1:] == ROWS_2023[:1]


def test_csv_gap_table(cli, progress):
    code, stdout, _ = cli("export", "--year", "2023", "--gap", "--progress", progress)
    assert code == 0
    rows = _csv(stdout)
    assert rows[0] == GAP_COLUMNS
    assert len(rows) - 1 == len(PLAN.targeted_indicators())
    farmers = next(r for r in rows if r[1] == "farmer-trainings")
    assert farmers[2] == "培训农民" and farmers[GAP_COLUMNS.index("actual")] == "1500"


def test_xlsx_has_values_and_gap_sheets(cli, progress, tmp_path):
    out = tmp_path / "export.xlsx"
    code, _, err = cli("export", "--year", "2023", "--format", "xlsx", "-o", out, "--progress", progress,
                       cwd=progress.parent)
    assert code == 0 and f"wrote {out}" in err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Values", "Gap"]
    values = [[c.value for c in row] for row in book["Values"].iter_rows()]
    assert [h.split()[-1] for h in values[0]] == HEADER
    assert values[0][2] == "单位 unit_name"
    assert [["" if v is None else str(v) for v in row] for row in values[1:]] == ROWS_2023
    assert isinstance(values[1][9], int) and isinstance(values[2][9], float)  # numbers, not text
    gap = [[c.value for c in row] for row in book["Gap"].iter_rows()]
    assert gap[0] == GAP_COLUMNS and len(gap) - 1 == len(PLAN.targeted_indicators())
    assert book["Values"].freeze_panes == "A2"


def test_xlsx_default_name_and_no_overwrite(cli, progress, tmp_path):
    code, _, _ = cli("export", "--year", "2023", "--format", "xlsx", "--progress", progress, cwd=tmp_path)
    assert code == 0 and (tmp_path / "sciplan-2023.xlsx").is_file()
    code, _, err = cli("export", "--year", "2023", "--format", "xlsx", "--progress", progress, cwd=tmp_path)
    assert code == 2 and "already exists" in err
    code, _, _ = cli("export", "--year", "2023", "--format", "xlsx", "--progress", progress, "--force",
                     cwd=tmp_path)
    assert code == 0


def test_year_outside_the_plan_cannot_run(cli, progress):
    code, stdout, err = cli("export", "--year", "2019", "--progress", progress)
    assert code == 2 and stdout == "" and "outside the plan period" in err
