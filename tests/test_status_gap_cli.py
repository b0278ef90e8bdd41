"""`sciplan gap` and `sciplan status` end to end, in every format.

Two data sets:

1. A small progress folder written under tmp_path (FIXTURE below), assessed for 2023 with the real
   plan. Every figure asserted here is worked out by hand in the comments.
2. The shipped sample (data/progress/), assessed for 2024: the test reads the sample's YAML files
   itself, adds the figures up and applies the method's formulas (docs/method.md), and the JSON that
   `sciplan gap --year 2024 --format json` prints must agree with that hand calculation.

Plan period S = 2021, E = 2025 throughout; thresholds 0.95 / 0.6 / 0.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from rich.cells import cell_len

from sciplan.i18n import text

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "plan.yaml"
SAMPLE = ROOT / "data" / "progress"
SAMPLE_NOTICE = text("sample.line", "en") + " " + text("sample.hint", "en") + "\n"
ANSI = re.compile(r"\x1b\[")

HEADER = "plan: xinhuang-science-literacy\nplan_version: 1\n"

# The fixture folder. Hand-worked county values (see docs/method.md for the rules):
#   farmer-trainings (cumulative >= 5000 by 2025): 2022 = 900 + 300 (晃州镇) = 1200; 2023 = 800 + 200 = 1000
#   skilled-worker-trainings (annual >= 2000): 2022 = 2100; 2023 = 1500
#   youth-competition-participants (annual >= 100): 2023 = 120
#   literacy-rate (level > 15%): 2022 = 10.2; 2023 = 12.0 (晃州镇's 11.0 is not the county's)
#   science-volunteers (level, additive, >= 200): 2022 = 120 county-wide; 2023 = 90 + 60 from townships
#   exhibition-area-per-10k (ratio >= 160): 2022 = 2000 / (250000 / 10000) = 80; 2023: no population -> none
#   health-literacy-rate (a rate >= 25%): 2022 = 20; 2023: only 晃州镇's 24 -> no county value
FIXTURE = {
    "2022/cast.yaml": """unit: 县科协
period: 2022
values:
  - {indicator: literacy-rate, value: 10.2}
  - {indicator: science-volunteers, value: 120}
  - {indicator: exhibition-area, value: 2000}
  - {indicator: resident-population, value: 250000}
tasks:
  - {task: capacity.2, status: done, evidence: 新增注册科技志愿者 35 名}
milestones:
  - {milestone: township-implementation-plans, status: done, evidence: 11 个乡镇均已印发实施方案}
""",
    "2023/cast.yaml": """unit: 县科协
period: 2023
values:
  - {indicator: literacy-rate, value: 12.0}
  - {indicator: exhibition-area, value: 2600}
tasks:
  - {task: capacity.2, status: in_progress, evidence: 新增 30 名}
""",
    "2023/cast-huangzhou.yaml": """unit: 县科协
period: 2023
area: 晃州镇
values:
  - {indicator: science-volunteers, value: 90}
  - {indicator: literacy-rate, value: 11.0}
""",
    "2023/cast-fuluo.yaml": """unit: 县科协
period: 2023
area: 扶罗镇
values:
  - {indicator: science-volunteers, value: 60}
""",
    "2022/health.yaml": """unit: 县卫生健康局
period: 2022
values:
  - {indicator: health-literacy-rate, value: 20}
""",
    "2023/health-huangzhou.yaml": """unit: 县卫健局
period: 2023
area: 晃州镇
values:
  - {indicator: health-literacy-rate, value: 24}
""",
    "2022/agriculture.yaml": """unit: 县农业农村局
period: 2022
values:
  - {indicator: farmer-trainings, value: 900}
""",
    "2022/agriculture-huangzhou.yaml": """unit: 县农业农村局
period: 2022
area: 晃州镇
values:
  - {indicator: farmer-trainings, value: 300}
""",
    "2023/agriculture.yaml": """unit: 县农业农村局
period: 2023
values:
  - {indicator: farmer-trainings, value: 800}
tasks:
  - {task: farmers.2, status: in_progress, evidence: 培训班 4 期}
  - {task: farmers.1, status: blocked, evidence: 经费未到位}
""",
    "2023/rural-revitalization.yaml": """unit: 县乡村振兴局
period: 2023
values:
  - {indicator: farmer-trainings, value: 200}
tasks:
  - {task: farmers.2, status: done, evidence: 完成}
""",
    "2022/hrss.yaml": """unit: 县人社局
period: 2022
values:
  - {indicator: skilled-worker-trainings, value: 2100}
""",
    "2023/hrss.yaml": """unit: 县人社局
period: 2023
values:
  - {indicator: skilled-worker-trainings, value: 1500}
""",
    "2023/edu.yaml": """unit: 县教育局
period: 2023
values:
  - {indicator: youth-competition-participants, value: 120}
""",
}


@pytest.fixture
def progress(tmp_path: Path) -> Path:
    folder = tmp_path / "progress"
    for name, body in FIXTURE.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER + body, encoding="utf-8")
    return folder


@pytest.fixture
def run(cli, progress):
    """sciplan with the real plan and the fixture folder."""
    def go(*args):
        return cli(*args, "--plan", PLAN, "--progress", progress)
    return go


def by_id(document: dict) -> dict[str, dict]:
    return {item["id"]: item for item in document["indicators"]}


def assert_fits_80_columns(text: str) -> None:
    assert not ANSI.search(text), "colour codes in plain output"
    wide = [line for line in text.splitlines() if cell_len(line) > 80]
    assert not wide, f"lines wider than 80 cells: {wide}"


# --- gap on the fixture --------------------------------------------------------------------------------

def test_gap_json_fixture(run):
    code, out, err = run("gap", "--year", "2023", "--format", "json")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert (doc["plan"], doc["plan_version"], doc["year"]) == ("xinhuang-science-literacy", 1, 2023)
    rows = by_id(doc)
    assert len(rows) == 16

    fa = rows["farmer-trainings"]
    # actual = 1200 + 1000 = 2200; expected = 5000 * 3/5 = 3000; gap 800; ratio 2200/3000 = 0.7333
    # -> needs_acceleration; forecast 2200 * 5/3 = 3666.67 < 5000
    assert (fa["kind"], fa["comparator"], fa["target"], fa["target_year"]) == ("cumulative", ">=", 5000, 2025)
    assert (fa["expected"], fa["actual"], fa["gap"]) == (3000, 2200, 800)
    assert fa["ratio"] == pytest.approx(0.733333, abs=1e-6)
    assert fa["status"] == "needs_acceleration"
    assert fa["forecast"] == pytest.approx(3666.6667, abs=1e-4) and fa["forecast_meets_target"] is False
    assert (fa["missing_years"], fa["missed_years"]) == ([2021], [])

    sk = rows["skilled-worker-trainings"]
    # annual: actual 1500, expected 2000, gap 500, ratio 0.75; 2022's 2100 met the target, 2023 missed it
    assert sk["target_year"] is None
    assert (sk["expected"], sk["actual"], sk["gap"], sk["ratio"]) == (2000, 1500, 500, 0.75)
    assert (sk["status"], sk["missed_years"], sk["missing_years"]) == ("needs_acceleration", [2023], [2021])

    yc = rows["youth-competition-participants"]
    # 120 >= 100 -> achieved; the ratio 1.2 is still given
    assert (yc["actual"], yc["gap"], yc["ratio"], yc["status"]) == (120, -20, 1.2, "achieved")

    li = rows["literacy-rate"]
    # B = 10.2 (2022, earliest); expected = 10.2 + 4.8 * 1/3 = 11.8; ratio (12 - 10.2)/(11.8 - 10.2) = 1.125
    # forecast: slope 1.8 a year -> 12.0 + 2 * 1.8 = 15.6 > 15
    assert li["actual"] == 12.0
    assert li["expected"] == pytest.approx(11.8) and li["gap"] == pytest.approx(-0.2)
    assert li["ratio"] == pytest.approx(1.125) and li["status"] == "on_track"
    assert li["forecast"] == pytest.approx(15.6) and li["forecast_meets_target"] is True

    sv = rows["science-volunteers"]
    # townships 90 + 60 = 150; expected 120 + 80/3 = 146.667; ratio 30 / 26.667 = 1.125
    assert sv["actual"] == 150 and sv["expected"] == pytest.approx(146.6667, abs=1e-4)
    assert sv["status"] == "on_track"

    ex = rows["exhibition-area-per-10k"]
    # 2023 has the area but not the population: no value; expected from B = 80: 80 + 80/3 = 106.667
    assert (ex["actual"], ex["gap"], ex["ratio"], ex["status"]) == (None, None, None, "no_data")
    assert ex["expected"] == pytest.approx(106.6667, abs=1e-4)
    assert ex["missing_years"] == [2021, 2023]

    hl = rows["health-literacy-rate"]
    # only a township figure in 2023: a rate is never summed -> no county value
    assert (hl["actual"], hl["status"], hl["missing_years"]) == (None, "no_data", [2021, 2023])

    io_ = rows["info-officers"]
    # a level with no value at all: expected cannot be drawn
    assert (io_["expected"], io_["actual"], io_["status"]) == (None, None, "no_data")
    # a cumulative with nothing reported still has an expected value: 2,000,000 * 3/5
    assert rows["dissemination-count"]["expected"] == 1_200_000

    order = [item["id"] for item in doc["indicators"]]
    assert order[:2] == ["farmer-trainings", "skilled-worker-trainings"]  # needs_acceleration, by id
    assert order[-3:] == ["literacy-rate", "science-volunteers", "youth-competition-participants"]


def test_gap_text_fixture(run):
    code, out, err = run("gap", "--year", "2023")
    assert code == 0 and err == ""
    assert_fits_80_columns(out)
    lines = out.splitlines()
    assert lines[0] == "Gap by the end of 2023"
    assert "  Status               Expected     Actual        Gap  Ratio  Forecast 2025" in lines
    # English names of the plan's indicators, ids beside them (what `plan show` takes)
    i = lines.index("Farmers trained  farmer-trainings  >= 5,000 人次 by 2025")
    assert lines[i + 1] == "  needs_acceleration      3,000      2,200        800   0.73  3,667 short"
    assert lines[i + 2: i + 4] == ["  cumulative · no figure for 2021", "  forecast short by 1,334 人次"]
    i = lines.index("Skilled workers trained  skilled-worker-trainings  >= 2,000 人次 a year")
    assert lines[i + 1] == "  needs_acceleration      2,000      1,500        500   0.75  1,500 short"
    assert lines[i + 2: i + 4] == ["  annual · no figure for 2021 · yearly target missed in 2023",
                                   "  forecast short by 500 人次"]
    i = lines.index("Share of citizens with basic science literacy  literacy-rate  > 15% by 2025")
    assert lines[i + 1] == "  on_track                11.8%      12.0%      -0.2%   1.13  15.6% meets"
    # a name too long for the line wraps at a space, the rest indented under it
    i = lines.index("Science exhibition hall area per 10,000 people  exhibition-area-per-10k  >= 160")
    assert lines[i + 1] == "    平方米/万人 by 2025"
    assert lines[i + 2] == "  no_data                   107          -          -      -  -"
    counts = lines.index("needs_acceleration 2 · no_data 11 · on_track 2 · achieved 1")
    assert lines[counts + 1:] == ["On track but at risk:",
                                  "  Farmers trained (forecast short by 1,334 人次)",
                                  "  Skilled workers trained (forecast short by 500 人次)"]


def test_gap_markdown_fixture(run):
    code, out, _ = run("gap", "--year", "2023", "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Gap by the end of 2023"
    assert ("| Farmers trained | `farmer-trainings` | >= 5,000 (2025) | 3,000 | 2,200 | 800 | 0.73 | "
            "**needs_acceleration** | 3,667 (forecast short by 1,334 人次) | 2021 |") in lines
    assert ("| Skilled workers trained | `skilled-worker-trainings` | >= 2,000 /yr | 2,000 | 1,500 | 500 | "
            "0.75 | **needs_acceleration** | 1,500 (forecast short by 500 人次) | "
            "2021; missed 2023 |") in lines
    assert ("| Share of citizens with basic science literacy | `literacy-rate` | > 15% (2025) | 11.8% | "
            "12.0% | -0.2% | 1.13 | **on_track** | 15.6% (meets) | 2021 |") in lines


def test_gap_csv_fixture(run):
    code, out, _ = run("gap", "--year", "2023", "--format", "csv")
    assert code == 0
    assert out.startswith("\ufeffyear,id,name,")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}
    assert len(rows) == 16
    fa = rows["farmer-trainings"]
    keys = ("year", "kind", "target", "expected", "actual", "gap", "status", "missing_years")
    assert [fa[k] for k in keys] == [
        "2023", "cumulative", "5000", "3000", "2200", "800", "needs_acceleration", "2021"]
    assert float(fa["ratio"]) == pytest.approx(2200 / 3000)
    sk = rows["skilled-worker-trainings"]
    assert (sk["target_year"], sk["missed_years"], sk["forecast_meets_target"]) == ("", "2023", "false")
    ex = rows["exhibition-area-per-10k"]
    assert (ex["actual"], ex["gap"], ex["ratio"], ex["status"]) == ("", "", "", "no_data")
    assert ex["missing_years"] == "2021 2023"


def test_gap_status_filter_and_grouping(run):
    code, out, _ = run("gap", "--year", "2023", "--format", "json", "--status", "needs_acceleration,achieved")
    assert code == 0
    assert [i["id"] for i in json.loads(out)["indicators"]] == [
        "farmer-trainings", "skilled-worker-trainings", "youth-competition-participants"]
    code, out, _ = run("gap", "--year", "2023", "--format", "markdown", "--by", "group",
                       "--status", "on_track")
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    # literacy-rate is the overall goal's; science-volunteers belongs to capacity.2
    assert headings == ["## Goal", "## Project for grassroots science popularisation capacity"]
    code, out, _ = run("gap", "--year", "2023", "--format", "csv", "--by", "unit", "--status", "achieved")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    # youth-competition-participants (youth.4) appears once under each of the youth group's three leads
    assert [(r["section"], r["id"]) for r in rows] == [("县教育局", "youth-competition-participants"),
                                                      ("团县委", "youth-competition-participants"),
                                                      ("县科协", "youth-competition-participants")]
    code, out, _ = run("gap", "--year", "2023", "--status", "deterioration")
    assert code == 0 and "No indicator matches." in out


@pytest.mark.parametrize("year", ["2020", "2026"])
def test_gap_year_outside_the_plan_period(run, year):
    code, out, err = run("gap", "--year", year)
    assert code == 2 and out == ""
    assert f"--year {year} is outside the plan period 2021-2025" in err
    assert "Traceback" not in err


def test_gap_unknown_status_and_missing_year(run):
    code, _, err = run("gap", "--year", "2023", "--status", "late")
    assert code == 2 and "unknown status late; choose from not_achieved, deterioration, " in err
    code, stdout, err = run("gap", "--format", "json")  # no --year: the latest year with data, as status
    latest = json.loads(run("status", "--format", "json")[1])["year"]
    assert code == 0 and json.loads(stdout)["year"] == latest, err


def test_status_year_outside_the_plan_period(run):
    code, _, err = run("status", "--year", "2030")
    assert code == 2 and "--year 2030 is outside the plan period 2021-2025" in err


def test_later_years_are_ignored_and_status_defaults_to_the_latest(cli, progress):
    (progress / "2024").mkdir()
    (progress / "2024" / "agriculture.yaml").write_text(
        HEADER + "unit: 县农业农村局\nperiod: 2024\nvalues:\n"
        "  - {indicator: farmer-trainings, value: 5000}\n",
        encoding="utf-8")
    code, out, _ = cli("gap", "--year", "2023", "--format", "json", "--plan", PLAN, "--progress", progress)
    assert by_id(json.loads(out))["farmer-trainings"]["actual"] == 2200  # 2024's 5000 is not counted
    code, out, _ = cli("status", "--format", "json", "--plan", PLAN, "--progress", progress)
    doc = json.loads(out)
    # default year: 2024, the latest with data; 1200 + 1000 + 5000 = 7200 >= 5000 -> achieved
    assert doc["year"] == 2024
    assert by_id(doc)["farmer-trainings"]["actual"] == 7200
    assert by_id(doc)["farmer-trainings"]["status"] == "achieved"


# --- status on the fixture -------------------------------------------------------------------------------

def test_status_text_fixture(run):
    code, out, err = run("status")
    assert code == 0 and err == ""
    assert_fits_80_columns(out)
    lines = out.splitlines()
    # the default year is 2023, the latest with data
    # the plan's English title (it wraps), its goal under the English word; the goal's own text has no
    # English in the plan, so it is quoted as the plan gives it
    assert lines[:2] == ["Xinhuang Dong Autonomous County Implementation Scheme of the Outline of the",
                         "National Science Literacy Action Plan (2021-2025)"]
    assert lines[2] == "晃政办发〔2022〕11号 · status for 2023 · plan version 1 · 13 progress files"
    assert lines[4] == "Goal 到2025年，我县公民具备科学素质的比例超过15%，达到全国平均水平。"
    assert lines[5:7] == ["  Share of citizens with basic science literacy 12.0% in 2023; expected 11.8%;",
                          "    target > 15% by 2025"]
    # bar: (12.0 - 10.2) / (15 - 10.2) = 0.375 of the way -> 4 of 10 cells
    assert lines[7] == "  ████······  on_track · forecast 15.6% in 2025, meets the target"
    # farmer-trainings: 2200 / 5000 = 0.44 -> 4 cells; expected 3000 / 5000 = 0.6 -> marker in cell 7
    assert re.search(r"^Farmers trained +>= 5,000 +2,200  ████··┊···  needs_acceleration$", out, re.M)
    assert re.search(r"^Science exhibition hall +>= 160 +-  ··········  no_data$", out, re.M)
    assert re.search(r"^Skilled workers trained +>= 2,000/yr +1,500  ", out, re.M)
    # task counts: farmers.1 blocked; farmers.2 done + in_progress -> in_progress; farmers.3, .4 not reported
    assert re.search(r"^Farmers' science literacy +0 +1 +0 +1 +2$", out, re.M)
    assert re.search(r"^Project for grassroots science +0 +1 +0 +0 +4$", out, re.M)  # capacity.2 in progress
    assert re.search(r"^2022  done +县全民科学素质工作领导小组办公室", out, re.M)
    assert re.search(r"^2022  overdue +做好《全民科学素质行动规划纲要", out, re.M)
    assert re.search(r"^2023  due +配合做好全省公民科学素质调查和科普统计工作$", out, re.M)
    assert "final-evaluation" not in out and "总结和评估" not in out  # 2025: not yet due
    # owed: 15 units (group leads and named reporters); sent for 2023: 县教育局, 县科协, 县人社局,
    # 县农业农村局, 县乡村振兴局, 县卫生健康局 (its 晃州镇 file counts) = 6
    assert "Reports for 2023: 6 of 15 units that owe one sent it" in out
    # long English unit names wrap in their own column, what they lead beside them
    assert re.search(r"^  County Committee of the +leads Youth science literacy enhancement\n"
                     r"  Communist Youth League +action$", out, re.M)
    assert re.search(r"^  County Emergency Management +leads Project for grassroots science\n"
                     r"  Bureau +popularisation capacity$", out, re.M)


def test_status_json_fixture(run):
    code, out, _ = run("status", "--year", "2023", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["year"] == 2023 and doc["goal"]["id"] == "literacy-rate"
    assert doc["counts"] == {"not_achieved": 0, "deterioration": 0, "limited_progress": 0,
                             "needs_acceleration": 2, "no_data": 11, "no_baseline": 0, "on_track": 2,
                             "achieved": 1}
    farmers = next(g for g in doc["tasks"] if g["group"] == "farmers")
    assert {k: farmers[k] for k in ("done", "in_progress", "not_started", "blocked", "not_reported")} == {
        "done": 0, "in_progress": 1, "not_started": 0, "blocked": 1, "not_reported": 2}
    states = {m["id"]: m["state"] for m in doc["milestones"]}
    assert states == {"township-implementation-plans": "done", "outline-publicity": "overdue",
                      "literacy-survey": "due", "final-evaluation": "upcoming"}
    assert doc["reporting"]["submitted"] == ["edu", "cast", "hrss", "agriculture", "rural-revitalization",
                                             "health"]
    assert len(doc["reporting"]["missing"]) == 9
    assert doc["validation"] == {"files": 13, "errors": 0, "warnings": 0}


def test_status_baseline_year(run):
    # For 2022 every level is at its first year: expected = B, gap 0, ratio null -> no_baseline
    code, out, _ = run("status", "--year", "2022", "--format", "json")
    li = by_id(json.loads(out))["literacy-rate"]
    assert (li["expected"], li["actual"], li["gap"], li["ratio"], li["status"]) == (
        10.2, 10.2, 0, None, "no_baseline")


def test_status_markdown_and_csv_fixture(run):
    code, out, _ = run("status", "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Status for 2023"
    assert "| Farmers' science literacy enhancement action | 0 | 1 | 0 | 1 | 2 |" in lines
    assert ("| 2022 | overdue | 做好《全民科学素质行动规划纲要（2021-2035年）》和省市县"
            "《全民科学素质行动规划纲要（2021-2025年）》的宣传工作 |") in lines
    assert "6 of 15 units that owe a report sent one." in lines
    code, out, _ = run("status", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert len(rows) == 16 and {r["year"] for r in rows} == {"2023"}


# --- colour and output files ----------------------------------------------------------------------------

def test_colour_only_when_forced(run, monkeypatch):
    code, out, _ = run("status")
    assert not ANSI.search(out)  # NO_COLOR (set by the cli fixture)
    monkeypatch.delenv("NO_COLOR")
    code, out, _ = run("status")
    assert not ANSI.search(out)  # piped: stdout is not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    code, out, _ = run("gap", "--year", "2023")
    assert ANSI.search(out)


def test_output_file_is_not_overwritten_without_force(run, tmp_path):
    target = tmp_path / "gap.md"
    code, out, err = run("gap", "--year", "2023", "--format", "markdown", "-o", target)
    assert code == 0 and out == "" and "wrote" in err
    assert target.read_text(encoding="utf-8").startswith("# Gap by the end of 2023")
    code, _, err = run("gap", "--year", "2023", "--format", "markdown", "-o", target)
    assert code == 2 and "Error:" in err
    code, _, _ = run("gap", "--year", "2023", "--format", "markdown", "-o", target, "--force")
    assert code == 0


# --- the shipped sample, 2024, by hand ------------------------------------------------------------------

def sample_figures() -> dict[tuple[str, int], list[tuple[str | None, float]]]:
    """(indicator, year) -> [(area, value), ...] read straight from the sample's YAML files."""
    figures: dict[tuple[str, int], list[tuple[str | None, float]]] = defaultdict(list)
    for path in sorted(SAMPLE.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data.get("values") or []:
            figures[(entry["indicator"], data["period"])].append((data.get("area"), float(entry["value"])))
    return figures


def county_total(figures, indicator: str, year: int) -> float | None:
    """A flow: every unit's and township's figure added up."""
    found = figures.get((indicator, year))
    return sum(v for _, v in found) if found else None


def county_wide(figures, indicator: str, year: int) -> float | None:
    """A level: the figure with no `area`."""
    return next((v for area, v in figures.get((indicator, year), []) if area is None), None)


def classify(ratio: float) -> str:
    return ("on_track" if ratio >= 0.95 else "needs_acceleration" if ratio >= 0.6
            else "limited_progress" if ratio >= 0 else "deterioration")


@pytest.fixture
def sample_2024(cli) -> dict[str, dict]:
    code, out, err = cli("gap", "--year", "2024", "--format", "json", "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0 and err == SAMPLE_NOTICE
    doc = json.loads(out)
    assert doc["year"] == 2024
    return by_id(doc)


def test_sample_cumulative_farmer_trainings(sample_2024):
    f = sample_figures()
    yearly = [county_total(f, "farmer-trainings", y) for y in range(2021, 2025)]
    # 2021: 500 + 70 (扶罗镇) + 110 (晃州镇) + 55 (中寨镇) + 80 (县妇联) = 815
    # 2022: 560 + 80 + 125 + 65 + 90 = 920
    # 2023: 620 + 95 + 140 + 75 + 100 = 1030
    # 2024: 680 + 100 + 150 + 85 + 110 = 1125
    assert yearly == [815, 920, 1030, 1125]
    actual = sum(yearly)  # 815 + 920 + 1030 + 1125 = 3890
    expected = 5000 * (2024 - 2021 + 1) / (2025 - 2021 + 1)  # 5000 * 4/5 = 4000
    ratio = actual / expected  # 3890 / 4000 = 0.9725 >= 0.95 -> on_track
    forecast = actual * 5 / 4  # 4862.5 < 5000
    assert (actual, expected, ratio, forecast) == (3890, 4000, 0.9725, 4862.5)
    row = sample_2024["farmer-trainings"]
    assert row["actual"] == actual and row["expected"] == expected and row["gap"] == 110
    assert row["ratio"] == pytest.approx(ratio)
    assert row["status"] == classify(ratio) == "on_track"
    assert row["forecast"] == pytest.approx(forecast) and row["forecast_meets_target"] is False
    assert row["missing_years"] == [] and row["missed_years"] == []


def test_sample_annual_skilled_worker_trainings(sample_2024):
    f = sample_figures()
    yearly = {y: county_total(f, "skilled-worker-trainings", y) for y in range(2021, 2025)}
    # 县人社局 + 县总工会: 2021 1650 + 520 = 2170; 2022 1420 + 440 = 1860; 2023 1780 + 480 = 2260;
    # 2024 1850 + 510 = 2360
    assert yearly == {2021: 2170, 2022: 1860, 2023: 2260, 2024: 2360}
    # actual = 2360 (2024 alone); expected = the yearly 2000; gap = 2000 - 2360 = -360;
    # ratio = 2360 / 2000 = 1.18
    # 2360 >= 2000 -> achieved; 2022's 1860 < 2000 -> missed
    row = sample_2024["skilled-worker-trainings"]
    assert (row["actual"], row["expected"], row["gap"]) == (2360, 2000, -360)
    assert row["ratio"] == pytest.approx(1.18)
    assert row["status"] == "achieved"
    assert row["missed_years"] == [y for y, v in yearly.items() if v < 2000] == [2022]
    assert row["target_year"] is None and row["forecast"] == 2360


def test_sample_level_literacy_rate(sample_2024):
    f = sample_figures()
    series = {y: county_wide(f, "literacy-rate", y) for y in range(2021, 2025)}
    assert series == {2021: 10.2, 2022: 11.5, 2023: 12.6, 2024: 13.4}
    # No baseline in the plan: B = 10.2 in b = 2021, the earliest reported year.
    b, base = 2021, series[2021]
    expected = base + (15 - base) * (2024 - b) / (2025 - b)  # 10.2 + 4.8 * 3/4 = 13.8
    actual = series[2024]  # 13.4
    ratio = (actual - base) / (expected - base)  # 3.2 / 3.6 = 0.889 -> needs_acceleration
    assert expected == pytest.approx(13.8) and ratio == pytest.approx(0.8889, abs=1e-4)
    # forecast: least squares through the four points; mean year 2022.5, mean value 47.7 / 4 = 11.925,
    # slope = 5.35 / 5 = 1.07 a year -> 11.925 + 1.07 * 2.5 = 14.6, not over 15
    row = sample_2024["literacy-rate"]
    assert row["actual"] == 13.4
    assert row["expected"] == pytest.approx(expected) and row["gap"] == pytest.approx(0.4)
    assert row["ratio"] == pytest.approx(ratio)
    assert row["status"] == classify(ratio) == "needs_acceleration"
    assert row["forecast"] == pytest.approx(14.6) and row["forecast_meets_target"] is False


def test_sample_ratio_exhibition_area_per_10k(sample_2024):
    f = sample_figures()
    area = {y: county_wide(f, "exhibition-area", y) for y in range(2021, 2025)}
    people = {y: county_wide(f, "resident-population", y) for y in range(2021, 2025)}
    assert area == {2021: 2950, 2022: 2960, 2023: 2960, 2024: 2960}
    assert people == {2021: 210500, 2022: 211300, 2023: 212000, 2024: 212900}
    per_10k = {y: area[y] / (people[y] / 10000) for y in area}
    # 2021: 2950 / 21.05 = 140.1425; 2024: 2960 / 21.29 = 139.0324
    base = per_10k[2021]
    expected = base + (160 - base) * 3 / 4  # 140.1425 + 19.8575 * 0.75 = 155.0356
    actual = per_10k[2024]
    ratio = (actual - base) / (expected - base)  # -1.1101 / 14.8931 = -0.0745 < 0 -> deterioration
    assert base == pytest.approx(140.1425, abs=1e-4) and actual == pytest.approx(139.0324, abs=1e-4)
    assert expected == pytest.approx(155.0356, abs=1e-4) and ratio == pytest.approx(-0.0745, abs=1e-4)
    row = sample_2024["exhibition-area-per-10k"]
    assert row["kind"] == "ratio"
    assert row["actual"] == pytest.approx(actual)
    assert row["expected"] == pytest.approx(expected)
    assert row["gap"] == pytest.approx(expected - actual)  # 16.0032
    assert row["ratio"] == pytest.approx(ratio)
    assert row["status"] == classify(ratio) == "deterioration"
    assert row["missing_years"] == []


def test_sample_missing_report_gives_no_data(sample_2024):
    # 县卫生健康局 sent no 2024 report: health-literacy-rate has no 2024 value
    f = sample_figures()
    assert county_wide(f, "health-literacy-rate", 2024) is None
    row = sample_2024["health-literacy-rate"]
    assert (row["actual"], row["gap"], row["ratio"], row["status"]) == (None, None, None, "no_data")
    assert row["missing_years"] == [2024] and row["expected"] is not None


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "csv"])
@pytest.mark.parametrize("command", [["gap", "--year", "2024"], ["status"]])
def test_sample_every_format(cli, command, fmt):
    code, out, err = cli(*command, "--format", fmt, "--plan", PLAN, "--progress", SAMPLE)
    # the output opens with the notice; formats that cannot show it in words also say it on stderr
    assert code == 0 and err == ("" if fmt in ("text", "markdown") else SAMPLE_NOTICE)
    if fmt == "text":
        assert_fits_80_columns(out)
        assert out.startswith("SAMPLE DATA: invented figures")
    if fmt == "markdown":
        assert out.startswith("> **SAMPLE DATA: invented figures")
    if fmt == "csv":
        first = out.splitlines()[0]
        assert first.startswith("\ufeff# 示例数据：") and "SAMPLE DATA: invented figures" in first
    if fmt == "json":
        doc = json.loads(out)
        assert doc["year"] == 2024 and doc["sample"] is True


def test_sample_status_text(cli):
    code, out, _ = cli("status", "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0
    assert out.startswith("SAMPLE DATA: invented figures shipped with sciplan")
    assert re.search(r"^.*status for 2024", out, re.M)
    assert re.search(r"^  County Health Bureau  leads Elderly people's science literacy enhancement\n"
                     r" +action, Project for grassroots science popularisation\n"
                     r" +capacity; reports Residents' health literacy level$", out, re.M)
    assert re.search(r"^2022  overdue +做好《全民科学素质行动规划纲要", out, re.M)


def test_entries_with_errors_are_left_out_and_said_so(cli, progress):
    # A percentage written as text is an error (S104); the file's other entry still counts.
    (progress / "2023" / "cast.yaml").write_text(
        HEADER + "unit: 县科协\nperiod: 2023\nvalues:\n  - {indicator: literacy-rate, value: '12%'}\n"
        "  - {indicator: exhibition-area, value: 2600}\n", encoding="utf-8")
    code, out, err = cli("gap", "--year", "2023", "--format", "json", "--plan", PLAN, "--progress", progress)
    assert code == 0
    assert err == ("warning: 1 error in the progress files; entries with errors are not counted "
                   "(run `sciplan validate`)\n")
    li = by_id(json.loads(out))["literacy-rate"]
    assert (li["actual"], li["status"], li["missing_years"]) == (None, "no_data", [2021, 2023])
    code, out, _ = cli("status", "--plan", PLAN, "--progress", progress)
    assert code == 0
    assert "1 error in the progress files: entries with errors are not counted." in out
    # the goal line wraps at 80 columns; the 2022 baseline of 10.2 still gives an expected 11.8%
    assert "  Share of citizens with basic science literacy has no figure for 2023; expected" in out
