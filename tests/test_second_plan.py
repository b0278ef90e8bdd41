"""A second, invented plan (examples/city-fitness): every command runs on it with its own words, none
of the shipped plan's, and its gap table matches values worked out by hand for each rule of format 2."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "city-fitness"
PLAN = EXAMPLE / "plan.yaml"
PROGRESS = EXAMPLE / "progress"
SHIPPED = yaml.safe_load((ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"))
OURS = PLAN.read_text(encoding="utf-8")


def _shipped_words() -> list[str]:
    """Strings of the shipped plan that must never show in the second plan's outputs."""
    words = [SHIPPED["title"], "晃政办发", "晃", "县科协", "提升行动", "重点工程", "全县", "乡镇"]
    words += [u["name"] for u in SHIPPED["units"]]
    words += [a["name"] for a in SHIPPED.get("areas") or SHIPPED.get("townships") or []]
    words += [SHIPPED["id"]]
    return [w for w in dict.fromkeys(words) if w not in OURS]


SHIPPED_WORDS = _shipped_words()


def test_the_list_of_forbidden_words_is_real():
    assert len(SHIPPED_WORDS) > 30 and "晃" in SHIPPED_WORDS and "县科协" in SHIPPED_WORDS


def _text_of(path: Path) -> str:
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row
                 if c.value is not None]
        return "\n".join(book.sheetnames + cells)
    return path.read_text(encoding="utf-8-sig")


def _assert_own_words(*texts: str) -> None:
    joined = "\n".join(texts)
    leaked = [w for w in SHIPPED_WORDS if w in joined]
    assert leaked == [], leaked


COMMANDS = [
    ("plan", "check", PLAN),
    ("plan",),
    ("plan", "show", "venues.2"),
    ("validate",),
    ("validate", "--format", "json"),
    ("status",),
    ("status", "--format", "json"),
    ("status", "--format", "markdown"),
    ("status", "--format", "csv"),
    *[("gap", "--year", "2027", "--format", fmt, "--by", by)
      for fmt in ("text", "json", "markdown", "csv") for by in ("indicator", "group", "unit", "area")],
    ("units",),
    ("units", "--year", "2027", "--format", "json"),
    ("unit", "市住建局"),
    ("unit", "subdistrict-offices", "--format", "json"),
    ("template", "--unit", "sports", "--year", "2028"),
    ("template", "--unit", "subdistrict-offices", "--year", "2028", "--area", "donghu"),
    ("export", "--year", "2027"),
    ("export", "--year", "2027", "--gap"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(map(str, a)).replace(str(PLAN), "PLAN"))
def test_every_command_speaks_the_plans_own_words(cli, args, lang):
    if args[0] == "plan":  # the plan's options belong to the group
        args = ("plan", *(["--plan", PLAN] if args[1:2] != ("check",) else []), "--lang", lang, *args[1:])
        code, out, err = cli(*args)
    else:
        where = ["--plan", PLAN] + (["--progress", PROGRESS] if args[0] != "template" else [])
        code, out, err = cli(*args, *where, "--lang", lang)
    assert code == 0, out + err
    assert out.strip()
    _assert_own_words(out, err)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("args", "name"), [
    (("report", "--year", "2027", "--format", "html"), "report.html"),
    (("report", "--year", "2027", "--format", "markdown"), "report.md"),
    (("export", "--year", "2027", "--format", "xlsx"), "export.xlsx"),
    (("export", "--year", "2027", "--format", "csv"), "export.csv"),
    (("template", "--unit", "市住建局", "--year", "2028", "--format", "xlsx"), "form.xlsx"),
    (("template", "--unit", "市住建局", "--year", "2028", "--format", "yaml"), "form.yaml"),
])
def test_every_document_speaks_the_plans_own_words(cli, tmp_path, args, name, lang):
    out_file = tmp_path / name
    where = ["--plan", PLAN] + (["--progress", PROGRESS] if args[0] != "template" else [])
    code, out, err = cli(*args, *where, "--lang", lang, "-o", out_file)
    assert code == 0, out + err
    text = _text_of(out_file)
    assert "新建社区健身场地" in text  # an indicator's name, taken from the plan
    _assert_own_words(out, err, text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_filled_workbook_imports_and_validates(cli, tmp_path, lang):
    book = tmp_path / "housing.xlsx"
    code, out, err = cli("template", "--unit", "housing", "--year", "2028", "--format", "xlsx", "-o", book,
                         "--plan", PLAN, "--lang", lang)
    assert code == 0, out + err
    wb = openpyxl.load_workbook(book)
    for sheet, key, cells in ((wb["Values"], "indicator", {"value": 9}),
                              (wb["Tasks"], "task", {"status": "推进中", "evidence": "完成场地选址"}),
                              (wb["Milestones"], "milestone", {"status": "已完成", "evidence": "普查完成"})):
        col = {str(c.value).split()[-1]: c.column for c in sheet[2] if c.value}
        for row in range(3, sheet.max_row + 1):
            item = sheet.cell(row, col[key]).value
            if item in ("new-venues", "venues.1", "venue-survey"):
                for column, value in cells.items():
                    sheet.cell(row, col[column]).value = value
    wb.save(book)
    target = tmp_path / "progress" / "2028" / "housing.yaml"
    code, out, err = cli("import", book, "-o", target, "--plan", PLAN, "--lang", lang)
    assert code == 0, out + err
    _assert_own_words(out, err, target.read_text(encoding="utf-8"))
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["plan"] == "yunxi-fitness" and data["plan_version"] == 2
    assert {"indicator": "new-venues", "value": 9} in [{k: v[k] for k in ("indicator", "value")}
                                                        for v in data["values"]]
    code, out, err = cli("validate", target, "--plan", PLAN, "--lang", lang)
    assert code == 0, out + err


# --- the gap table, worked out by hand -------------------------------------------------------------

def _gap(cli, year: int) -> dict:
    code, out, err = cli("gap", "--year", year, "--format", "json", "--plan", PLAN, "--progress", PROGRESS)
    assert code == 0, err
    return {row["id"]: row for row in json.loads(out)["indicators"]}


def test_a_cumulative_with_by_year_follows_the_documents_own_points(cli):
    # (2025, 0) -> (2027, 30) -> (2029, 90) -> (2030, 120): 15 expected by 2026, 30 by 2027
    row = _gap(cli, 2027)["new-venues"]
    # 8 (city-wide, 2026) + 7 (东湖, 2026) + 10 (东湖, 2027) + 4 (西山, 2027) + 6 (the offices, 2027)
    assert (row["expected"], row["actual"], row["gap"]) == (30, 35, -5)
    assert row["ratio"] == pytest.approx(35 / 30) and row["status"] == "on_track"
    assert row["forecast"] == 35 * 5 / 2 and row["forecast_meets_target"] is False  # the pace, not by_year
    assert _gap(cli, 2026)["new-venues"]["expected"] == 15


def test_breakdown_parts_are_assessed_on_their_own_values(cli):
    parts = {p.get("area") or p.get("unit"): p for p in _gap(cli, 2027)["new-venues"]["parts"]}
    assert list(parts) == ["donghu", "xishan", "subdistrict-offices"]
    # 东湖: 40 by 2030 on a straight line from (2025, 0): 16 expected by 2027; 7 + 10 = 17
    assert (parts["donghu"]["expected"], parts["donghu"]["actual"], parts["donghu"]["gap"]) == (16, 17, -1)
    assert parts["donghu"]["status"] == "on_track"
    # 西山: 30 by 2030 -> 12 by 2027; only 4, and nothing for 2026
    assert (parts["xishan"]["expected"], parts["xishan"]["actual"], parts["xishan"]["gap"]) == (12, 4, 8)
    assert parts["xishan"]["ratio"] == pytest.approx(1 / 3)
    assert parts["xishan"]["status"] == "limited_progress"
    assert parts["xishan"]["missing_years"] == [2026]
    # the subdistrict offices: 20 by 2030 -> 8 by 2027; 6
    offices = parts["subdistrict-offices"]
    assert (offices["expected"], offices["actual"], offices["gap"], offices["ratio"]) == (8, 6, 2, 0.75)
    assert offices["status"] == "needs_acceleration"


def test_a_level_with_by_year_bends_at_the_documents_point(cli):
    # (2025, 36) -> (2028, 40) -> (2030, 42): 36 + 4 × 2/3 = 38.67 expected by 2027; 38 reported
    row = _gap(cli, 2027)["exercise-share"]
    assert row["expected"] == pytest.approx(38 + 2 / 3) and row["actual"] == 38
    assert row["gap"] == pytest.approx(2 / 3)
    assert row["ratio"] == pytest.approx(2 / (8 / 3)) and row["status"] == "needs_acceleration"
    # the least-squares line through 37 and 38 reaches 41 in 2030
    assert row["forecast"] == pytest.approx(41) and row["forecast_meets_target"] is False


def test_a_falling_level_counts_its_shortfall_upwards(cli):
    # below 15 by 2030 from 20 in 2025: 18 expected by 2027; 18.5 reported, half a point behind
    row = _gap(cli, 2027)["obesity-rate"]
    assert (row["expected"], row["actual"]) == (18, 18.5)
    assert row["gap"] == pytest.approx(0.5) and row["ratio"] == pytest.approx(0.75)  # (18.5 − 20) ÷ (18 − 20)
    assert row["status"] == "needs_acceleration"
    assert row["forecast"] == pytest.approx(15.5) and row["forecast_meets_target"] is False


def test_an_annual_cap_holds_each_year_to_its_own_limit(cli):
    # 2026's own cap is 60: 40 + 15 = 55 is within it
    first = _gap(cli, 2026)["sport-injuries"]
    assert (first["expected"], first["actual"], first["gap"], first["status"]) == (60, 55, -5, "achieved")
    assert first["ratio"] == pytest.approx(60 / 55)
    # 2027 falls back to the target, 50: 45 + 12 = 57 is 7 over
    row = _gap(cli, 2027)["sport-injuries"]
    assert (row["expected"], row["actual"], row["gap"]) == (50, 57, 7)
    assert row["ratio"] == pytest.approx(50 / 57) and row["status"] == "needs_acceleration"
    assert row["missed_years"] == [2027] and row["forecast_meets_target"] is False


def test_a_strictly_rising_ratio(cli):
    # 1800 and 2070 instructors per 900,000 residents: 2.0 and 2.3 per 1,000; from 2.0 to over 2.5
    row = _gap(cli, 2027)["instructors-per-1000"]
    assert row["expected"] == pytest.approx(2.125) and row["actual"] == pytest.approx(2.3)
    assert row["gap"] == pytest.approx(-0.175) and row["status"] == "on_track"
    assert row["forecast"] == pytest.approx(3.2) and row["forecast_meets_target"] is True


# --- the parts of a breakdown, shown -----------------------------------------------------------------

def _run(cli, *args: str) -> str:
    code, out, err = cli(*args, "--plan", PLAN, "--progress", PROGRESS)
    assert code == 0, out + err
    return out


@pytest.mark.parametrize("by", ["area", "按区域", "by area", "区域"])
def test_gap_by_area_shows_the_whole_then_each_areas_share(cli, by):
    out = _run(cli, "gap", "--year", "2027", "--by", by, "--lang", "zh")
    whole, donghu, xishan = out.index("\n全市\n"), out.index("\n东湖街道\n"), out.index("\n西山街道\n")
    assert whole < donghu < xishan
    assert "东湖街道分解目标：到2030年 >= 40 处" in out and "西山街道分解目标：到2030年 >= 30 处" in out
    # 西山's share: 12 expected, 4 reported, 8 behind, nothing for 2026
    xishan_lines = out[xishan:].splitlines()
    assert xishan_lines[3].split()[:5] == ["进展有限", "12", "4", "8", "0.33"]
    assert "缺报：2026" in xishan_lines[4]
    assert "南桥街道" not in out  # an area given no share has no heading


def test_gap_by_unit_adds_the_units_share_under_its_heading(cli):
    out = _run(cli, "gap", "--year", "2027", "--by", "unit", "--lang", "en")
    # In English the unit's English name heads its section and names its share.
    section = out[out.index("\nSubdistrict offices\n"):]
    assert "Subdistrict offices's share: >= 20 处" in section
    assert section.splitlines()[4].split()[:5] == ["needs_acceleration", "8", "6", "2", "0.75"]


def test_gap_csv_by_area_names_the_part_of_each_row(cli):
    import csv
    import io
    out = _run(cli, "gap", "--year", "2027", "--by", "area", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    shares = {(r["section"], r["part"]): r for r in rows if r["part"]}
    assert set(shares) == {("东湖街道", "donghu"), ("西山街道", "xishan")}
    xishan = shares[("西山街道", "xishan")]
    assert (xishan["id"], xishan["target"], xishan["expected"], xishan["actual"], xishan["gap"],
            xishan["status"]) == ("new-venues", "30", "12", "4", "8", "limited_progress")
    assert {r["section"] for r in rows if not r["part"]} == {"全市"} and len(rows) == 5 + 2
    by_unit = list(csv.DictReader(io.StringIO(_run(cli, "gap", "--year", "2027", "--by", "unit",
                                                   "--format", "csv").lstrip("\ufeff"))))
    assert [(r["section"], r["target"]) for r in by_unit if r["part"] == "subdistrict-offices"] == [
        ("各街道办事处", "20")]


def test_gap_markdown_by_area_has_a_table_per_area(cli):
    out = _run(cli, "gap", "--year", "2027", "--by", "area", "--format", "markdown", "--lang", "en")
    assert "## 全市" not in out and "## city-wide" in out  # the plan's own word, in English
    assert "## Donghu Subdistrict" in out  # the area's English name
    assert "| Donghu Subdistrict's share: >= 40 (2030) | 16 | 17 | -1 |" in out


def test_json_keeps_parts_whatever_the_grouping(cli):
    plain = json.loads(_run(cli, "gap", "--year", "2027", "--format", "json"))
    by_area = json.loads(_run(cli, "gap", "--year", "2027", "--format", "json", "--by", "area"))
    assert plain == by_area


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_status_lists_the_shares_that_are_behind(cli, fmt):
    out = _run(cli, "status", "--year", "2027", "--format", fmt, "--lang", "zh")
    section = out[out.index("进度滞后的分解目标"):]
    assert "西山街道分解目标" in section and "各街道办事处分解目标" in section
    assert "东湖街道" not in out  # on track: not listed
    assert section.index("西山街道") < section.index("各街道办事处")  # worst first


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_the_report_lists_the_shares_that_are_behind(cli, fmt):
    out = _run(cli, "report", "--year", "2027", "--format", fmt, "--lang", "zh")
    section = out[out.index("进度滞后的分解目标"):]
    assert "西山街道" in section and "各街道办事处" in section and "东湖街道" not in section
    if fmt == "html":
        assert 'data-part="西山街道"' in section


def test_no_shares_section_without_a_breakdown(cli):
    code, out, err = cli("status", "--year", "2024", "--lang", "zh")
    assert code == 0, err
    assert "进度滞后的分解目标" not in out


# --- the target's direction: bars, charts, plausibility warnings ----------------------------------

def test_a_falling_level_coming_down_is_no_warning(cli):
    code, out, err = cli("validate", "--plan", PLAN, "--progress", PROGRESS, "--format", "json", "--no-cache")
    assert code == 0, err
    assert json.loads(out)["warnings"] == 0  # 成人肥胖率 19.5 -> 18.5: the way it should go


def test_a_falling_level_going_up_is_w502_and_a_rising_one_going_down_too(cli, tmp_path):
    import shutil
    folder = tmp_path / "progress"
    shutil.copytree(PROGRESS, folder)
    for name, old, new in (("health.yaml", "value: 18.5", "value: 21"),
                           ("sports.yaml", "value: 38\n", "value: 36.5\n")):
        path = folder / "2027" / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    code, out, err = cli("validate", "--plan", PLAN, "--progress", folder, "--format", "json", "--no-cache")
    found = {(f["code"], f["file"].rsplit("/", 1)[-1], f["message"]) for f in json.loads(out)["findings"]}
    assert found == {
        ("W502", "health.yaml", "`obesity-rate` rises from 19.5 in 2026 to 21 in 2027, away from its target "
                                "(< 15)"),
        ("W502", "sports.yaml", "`exercise-share` falls from 37 in 2026 to 36.5 in 2027"),
    }


def test_an_annual_caps_bar_fills_as_the_figure_stays_within_it(cli):
    out = _run(cli, "status", "--year", "2027", "--lang", "zh")
    # 57 against a cap of 50: 50 ÷ 57 = 0.88 of the bar, not a full bar for being over the cap
    line = next(line for line in out.splitlines() if line.startswith("运动伤害事故"))
    assert "█████████·" in line and "██████████" not in line
    # a falling level: (18.5 − 20) ÷ (15 − 20) = 0.3 of the way, the straight line at 0.4
    line = next(line for line in out.splitlines() if line.startswith("成人肥胖率"))
    assert "███·┊·····" in line


def test_charts_follow_the_documents_own_points_and_each_years_cap():
    import datetime as dt

    from sciplan import api
    plan = api.load_plan(PLAN)
    data = api.report(plan, PROGRESS, 2027, dt.date(2028, 1, 15))
    paths = {i.id: i.expected_path for i in data.indicators}
    assert paths["new-venues"] == ((2025, 0), (2027, 30), (2029, 90), (2030, 120))
    assert paths["exercise-share"] == ((2025, 36), (2028, 40), (2030, 42))
    assert paths["obesity-rate"] == ((2025, 20), (2030, 15))  # down to the target
    assert paths["sport-injuries"] == ((2026, 60), (2027, 50), (2028, 50), (2029, 50), (2030, 50))
    assert paths["instructors-per-1000"] == ((2026, 2.0), (2030, 2.5))  # from the first reported year


@pytest.mark.parametrize(("lang", "words"), [("en", "or actual − expected for a falling target"),
                                             ("zh", "下降类目标为实际 − 应达")])
def test_the_gap_legend_says_how_a_falling_targets_gap_is_counted(cli, lang, words):
    out = _run(cli, "gap", "--year", "2027", "--lang", lang)
    assert words.replace(" ", "") in "".join(out.split())  # wherever the screen wraps the line


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_plan_diff_of_a_revision_speaks_the_plans_own_words(cli, tmp_path, fmt, lang):
    """A revision of the second plan: a target raised and an area added. `plan diff` names them in
    the plan's own words, and nothing of the shipped plan."""
    plan = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    plan["version"] += 1
    plan["indicators"][0]["target"] = plan["indicators"][0]["target"] + 1
    plan["areas"].append({"id": "xinqu", "name": "新区街道", "name_en": "Xinqu Subdistrict"})
    revised = tmp_path / "plan-v2.yaml"
    revised.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, out, err = cli("plan", "diff", PLAN, revised, "--format", fmt, "--lang", lang)
    assert code == 1, out + err  # different, as `diff` says
    assert "新区街道" in out and plan["indicators"][0]["id"] in out
    _assert_own_words(out, err)
