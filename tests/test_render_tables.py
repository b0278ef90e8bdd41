"""Exact output of the gap renderers on one hand-built table.

The rows are written out by hand (not computed), so a renderer is tested on its own: Chinese names,
unknown values (None), an annual target with a missed year, a percentage, a level with no value at
all. The plan is the real one, for names, targets and groups.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from sciplan.assessment import Assessment, Baseline, Status
from sciplan.overview import GapRow, GapTable
from sciplan.render import csv as csv_render
from sciplan.render import markdown, text
from sciplan.validation import load_plan

PLAN_FILE = Path(__file__).resolve().parents[1] / "data" / "plan.yaml"


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN_FILE)


def gap_row(plan, indicator_id: str, assessment: Assessment, series: dict[int, float]) -> GapRow:
    indicator = plan.indicator(indicator_id)
    return GapRow(indicator, plan.group_of_indicator(indicator), assessment, series, 2023)


@pytest.fixture(scope="module")
def table(plan) -> GapTable:
    rows = [
        # annual: 1500 against 2000 a year; 2023 missed, 2021 not reported
        gap_row(plan, "skilled-worker-trainings",
                Assessment(expected=2000.0, actual=1500.0, gap=500.0, ratio=0.75,
                           status=Status.NEEDS_ACCELERATION, forecast=1500.0, forecast_meets_target=False,
                           missing_years=(2021,), missed_years=(2023,), baseline=None),
                {2022: 2100.0, 2023: 1500.0}),
        # ratio with no value in 2023, expected still drawn from the 2022 baseline of 80
        gap_row(plan, "exhibition-area-per-10k",
                Assessment(expected=106.66666666666667, actual=None, gap=None, ratio=None,
                           status=Status.NO_DATA, forecast=None, forecast_meets_target=None,
                           missing_years=(2021, 2023), missed_years=(), baseline=Baseline(2022, 80.0)),
                {2022: 80.0}),
        # a level with no value at all: nothing known
        gap_row(plan, "info-officers",
                Assessment(expected=None, actual=None, gap=None, ratio=None, status=Status.NO_DATA,
                           forecast=None, forecast_meets_target=None, missing_years=(2021, 2022, 2023),
                           missed_years=(), baseline=None),
                {}),
        # the goal, a percentage
        gap_row(plan, "literacy-rate",
                Assessment(expected=11.8, actual=12.0, gap=-0.2, ratio=1.13, status=Status.ON_TRACK,
                           forecast=15.6, forecast_meets_target=True, missing_years=(2021,), missed_years=(),
                           baseline=Baseline(2022, 10.2)),
                {2022: 10.2, 2023: 12.0}),
    ]
    return GapTable(plan, 2023, rows)


MARKDOWN_HEAD = """\
# Gap by the end of 2023

Xinhuang Dong Autonomous County Implementation Scheme of the Outline of the National Science Literacy Action \
Plan (2021-2025) (晃政办发〔2022〕11号), plan version 1.

"""
TABLE_HEAD = """\
| Indicator | id | Target | Expected | Actual | Gap | Ratio | Status | Forecast | Missing years |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |
"""
ROW_SKILLED = ("| Skilled workers trained | `skilled-worker-trainings` | >= 2,000 /yr | 2,000 | 1,500 | "
               "500 | 0.75 | **needs_acceleration** | 1,500 (short) | 2021; missed 2023 |\n")
ROW_EXHIBITION = ("| Science exhibition hall area per 10,000 people | `exhibition-area-per-10k` | "
                  ">= 160 (2025) | 107 | - | - | - | **no_data** | - | 2021, 2023 |\n")
ROW_OFFICERS = ("| Registered “Science China” information officers | `info-officers` | >= 10,000 (2025) | "
                "- | - | - | - | **no_data** | - | 2021, 2022, 2023 |\n")
ROW_LITERACY = ("| Share of citizens with basic science literacy | `literacy-rate` | > 15% (2025) | 11.8% | "
                "12.0% | -0.2% | 1.13 | **on_track** | 15.6% (meets) | 2021 |\n")


def test_markdown_gap(table):
    assert markdown.render_gap(table) == (MARKDOWN_HEAD + TABLE_HEAD + ROW_SKILLED + ROW_EXHIBITION
                                          + ROW_OFFICERS + ROW_LITERACY)


def test_markdown_gap_by_group(table):
    # Sections in plan order: the goal first, then the groups; rows keep their order inside a section.
    assert markdown.render_gap(table, "group") == (
        MARKDOWN_HEAD
        + "## Goal\n\n" + TABLE_HEAD + ROW_LITERACY + "\n"
        + "## Industrial workers' science literacy enhancement action\n\n" + TABLE_HEAD + ROW_SKILLED + "\n"
        + "## Project for grassroots science popularisation capacity\n\n" + TABLE_HEAD + ROW_EXHIBITION
        + ROW_OFFICERS)


def test_markdown_empty_table(plan):
    assert markdown.render_gap(GapTable(plan, 2023, [])) == MARKDOWN_HEAD + "No indicator matches.\n"


CSV_HEAD = ("year,id,name,measure,group,kind,comparator,target,target_year,expected,actual,gap,ratio,status,"
            "forecast,forecast_meets_target,missing_years,missed_years,forecast_short,at_risk,expected_pro_rata")


def test_csv_gap(table):
    # UTF-8 BOM for Excel/WPS, CRLF rows, numbers unformatted (whole numbers without ".0"), unknown empty
    assert csv_render.render_gap(table) == "\ufeff" + "\r\n".join([
        CSV_HEAD,
        "2023,skilled-worker-trainings,培训技能劳动者,人次,workers,annual,>=,2000,,2000,1500,500,0.75,"
        "needs_acceleration,1500,false,2021,2023,,false,false",
        "2023,exhibition-area-per-10k,每万人拥有科普展厅面积,平方米/万人,capacity,ratio,>=,160,2025,"
        "106.66666666666667,,,,no_data,,,2021 2023,,,false,false",
        "2023,info-officers,“科普中国”信息员注册人数,人,capacity,level,>=,10000,2025,,,,,no_data,,,"
        "2021 2022 2023,,,false,false",
        "2023,literacy-rate,公民具备科学素质的比例,%,goal,level,>,15,2025,11.8,12,-0.2,1.13,on_track,15.6,true,"
        "2021,,,false,false",
    ]) + "\r\n"


def test_csv_gap_by_unit_adds_a_section_column(table):
    lines = csv_render.render_gap(table, "unit").lstrip("\ufeff").split("\r\n")
    assert lines[0] == "section," + CSV_HEAD + ",part"  # part: whose share a row is; none in this plan
    # skilled-worker-trainings (workers group) is led by 县人力资源和社会保障局, 县总工会 and
    # 县商务科技和工业信息化局; literacy-rate is reported by 县科协 alone.
    sections = [(line.split(",")[0], line.split(",")[2]) for line in lines[1:] if line]
    assert ("县人力资源和社会保障局", "skilled-worker-trainings") in sections
    assert ("县总工会", "skilled-worker-trainings") in sections
    assert ("县科协", "literacy-rate") in sections
    assert [s for s in sections if s[1] == "literacy-rate"] == [("县科协", "literacy-rate")]


def test_text_gap_key_lines(table):
    out = text.render_gap(table)
    lines = out.splitlines()
    # English screens name the plan and its indicators by the plan's English names; a long name wraps
    # at a space, the rest of its line indented under it.
    assert lines[:6] == [
        "Gap by the end of 2023",
        "Xinhuang Dong Autonomous County Implementation Scheme of the Outline of the",
        "National Science Literacy Action Plan (2021-2025)",
        "晃政办发〔2022〕11号 · plan version 1",
        "Data 2021-2023. Gap = expected − actual (+ is a shortfall); ratio = progress",
        "made ÷ progress expected; worst first.",
    ]
    assert lines[7] == "  Status               Expected     Actual        Gap  Ratio  Forecast 2025"
    assert lines[8:22] == [
        "Skilled workers trained  skilled-worker-trainings  >= 2,000 人次 a year",
        "  needs_acceleration      2,000      1,500        500   0.75  1,500 short",
        "  annual · no figure for 2021 · yearly target missed in 2023",
        "Science exhibition hall area per 10,000 people  exhibition-area-per-10k  >= 160",
        "    平方米/万人 by 2025",
        "  no_data                   107          -          -      -  -",
        "  ratio · no figure for 2021, 2023",
        "Registered “Science China” information officers  info-officers  >= 10,000 人 by",
        "    2025",
        "  no_data                     -          -          -      -  -",
        "  level · no figure for 2021, 2022, 2023",
        "Share of citizens with basic science literacy  literacy-rate  > 15% by 2025",
        "  on_track                11.8%      12.0%      -0.2%   1.13  15.6% meets",
        "  level · no figure for 2021",
    ]
    assert lines[-1] == "needs_acceleration 1 · no_data 2 · on_track 1"
    assert all(cell_len(line) <= 80 for line in lines)
    assert "\x1b[" not in out


def test_text_gap_colour_only_when_asked(table):
    coloured = text.render_gap(table, color=True)
    assert "\x1b[" in coloured
    assert "\x1b[32mon_track" in coloured  # on_track in green


def test_text_gap_by_unit_headings(table):
    lines = text.render_gap(table, "unit").splitlines()
    assert "County Association for Science and Technology" in lines
    assert "County Federation of Trade Unions" in lines


@pytest.mark.parametrize(("indicator_id", "actual", "expected", "baseline", "bar"), [
    # cumulative 5000: 2200 / 5000 = 0.44 -> 4 cells; expected 3000 / 5000 = 0.6 -> marker in cell 7
    ("farmer-trainings", 2200.0, 3000.0, None, "████··┊···"),
    # ahead of the line: 3500 / 5000 = 0.7 -> 7 cells, the marker at 6 is covered
    ("farmer-trainings", 3500.0, 3000.0, None, "███████···"),
    # level from B = 10.2 to 15: (12.6 - 10.2) / 4.8 = 0.5 -> 5 cells;
    # expected (13.8 - 10.2) / 4.8 = 0.75 -> the 8th cell holds the 7.5 mark
    ("literacy-rate", 12.6, 13.8, Baseline(2021, 10.2), "█████··┊··"),
    # below the baseline: no cells filled; expected (155 - 140) / 20 = 0.75 -> 8th cell
    ("exhibition-area-per-10k", 139.0, 155.0, Baseline(2021, 140.0), "·······┊··"),
    # past the target: full, never more than 10
    ("farmer-trainings", 9000.0, 3000.0, None, "██████████"),
    # no value: dots only
    ("farmer-trainings", None, 3000.0, None, "··········"),
])
def test_progress_bar(plan, indicator_id, actual, expected, baseline, bar):
    a = Assessment(expected, actual, None, None, Status.ON_TRACK, None, None, (), (), baseline)
    assert text._bar(gap_row(plan, indicator_id, a, {})).plain == bar
