"""The plan models, their look-ups, and the `sciplan plan` commands.

Broken plans are made by editing the shipped plan's YAML text, one change per case; the expected
finding's position is found in the edited text, so the cases survive edits elsewhere in plan.yaml.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sciplan import __version__
from sciplan.plan import Plan
from sciplan.validation import check_plan_file

REPO = Path(__file__).resolve().parents[1]
PLAN_FILE = REPO / "data" / "plan.yaml"
SHIPPED = PLAN_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded, findings = check_plan_file(PLAN_FILE, "data/plan.yaml")
    assert findings == [] and loaded is not None, findings
    return loaded


def squeeze(text: str) -> str:
    """Text without whitespace: the terminal renderer wraps long Chinese paragraphs at any character."""
    return re.sub(r"\s+", "", text)


def table_rows(out: str, title: str, starts: int = 0) -> list[list[str]]:
    """The body rows of the box-drawn table under `title`, each cell's wrapped lines joined.

    A row starts on a line whose cell in column `starts` is filled (a one-line column); the lines
    that follow add to the same cells.
    """
    lines = out.splitlines()
    start = lines.index(title)
    rows: list[list[str]] = []
    in_body = False
    for line in lines[start + 1:]:
        if line.startswith("└"):
            break
        if line.startswith("┡"):
            in_body = True
            continue
        if not in_body or not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.strip("│").split("│")]
        if cells[starts] or not rows:
            rows.append(cells)
        else:
            rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
    return rows


# --- the shipped plan -----------------------------------------------------------------------------

def test_shipped_plan_is_sound(cli) -> None:
    code, out, err = cli("plan", "check", cwd=REPO)
    assert (code, err) == (0, "")
    assert out.startswith("data/plan.yaml: plan `xinhuang-science-literacy` version 1 is sound: ")
    assert "9 groups, 36 tasks, 18 indicators, 30 units, 11 areas (township)" in out


def test_plan_check_outside_the_checkout_uses_the_bundled_plan(cli, tmp_path: Path) -> None:
    code, out, _ = cli("plan", "check", cwd=tmp_path)
    assert code == 0 and "is sound" in out


def test_plan_check_of_a_path(cli, tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text(SHIPPED, encoding="utf-8")
    code, out, _ = cli("plan", "check", copy, cwd=tmp_path)
    assert code == 0 and out.startswith("copy.yaml: plan ")


def test_version(cli) -> None:
    assert cli("--version") == (0, f"sciplan {__version__}\n", "")


# --- broken copies: one edit each, the finding's code and position --------------------------------

# A cumulative indicator of the shipped plan, which rightly has no baseline.
FLOW_WITHOUT_BASELINE = "  target: 5000\n  target_year: 2025\n  task: farmers.2\n  reported_by: group\n" \
                        "  baseline: null\n"
# (case, text replaced, replacement, expected code, text whose first character is the finding's position)
BROKEN = [
    ("duplicate-key", "\nversion: 1\n", "\nversion: 1\nversion: 7\n", "L006", "version: 7"),
    ("unknown-unit-in-responsibility", "    lead:\n    - edu\n", "    lead:\n    - nobody\n", "C003",
     "nobody"),
    ("duplicate-task-id", "  - id: youth.2\n", "  - id: youth.1\n", "C002", "youth.1\n    number: 2"),
    ("ratio-without-inputs",
     "  ratio:\n    numerator: exhibition-area\n    denominator: resident-population\n"
     "    denominator_scale: 10000\n", "", "C004", "id: exhibition-area-per-10k"),
    ("annual-with-target-year", "  target: 100\n  target_year: null\n",
     "  target: 100\n  target_year: 2025\n", "C004", "2025\n  task: youth.4"),
    ("missing-required-key", "    title: 大力弘扬科学精神和科学家精神\n", "", "C001", "id: youth.1\n"),
    ("wrong-type", "  kind: action\n  number: 1\n", "  kind: action\n  number: one\n", "C001", "one\n"),
    ("goal-names-unknown-indicator", "  indicator: literacy-rate\n", "  indicator: literacy-rat\n", "C003",
     "literacy-rat\n"),
    ("alias-of-two-units", "  - 教育局\n", "  - 教育局\n  - 县人社局\n", "C005", "id: hrss\n"),
    ("baseline-on-a-flow", FLOW_WITHOUT_BASELINE,
     FLOW_WITHOUT_BASELINE.replace("null", "\n    year: 2020\n    value: 800\n    source: 年报"), "C006",
     "year: 2020"),
    # Hostile numbers: each would make an assessment undefined, loop for ever or a report grow without end.
    ("target-nan", "  target: 5000\n", "  target: .nan\n", "C001", ".nan"),
    ("target-inf", "  target: 5000\n", "  target: .inf\n", "C001", ".inf"),
    ("target-huge", "  target: 5000\n", "  target: 1.0e+308\n", "C007", "1.0e+308"),
    ("percent-over-100", "  target: 15\n  target_year: 2025\n  task: goal\n",
     "  target: 150\n  target_year: 2025\n  task: goal\n", "C007", "150\n"),
    ("baseline-nan",
     "  baseline: null\n  additive: false\n  source_text: 到2025年，我县公民具备科学素质的比例超过15%",
     "  baseline:\n    year: 2020\n    value: .nan\n    source: 调查\n  additive: false\n"
     "  source_text: 到2025年，我县公民具备科学素质的比例超过15%", "C001", ".nan\n    source: 调查"),
    ("period-endless", "period:\n  start: 2021\n  end: 2025\n", "period:\n  start: -1e18\n  end: 1e18\n",
     "C001", "-1e18"),  # YAML reads 1e18 as a float: not a year at all
    ("period-far-past", "period:\n  start: 2021\n  end: 2025\n", "period:\n  start: -2021\n  end: 2025\n",
     "C007", "-2021"),
    ("period-too-long", "period:\n  start: 2021\n  end: 2025\n", "period:\n  start: 2021\n  end: 1000000\n",
     "C007", "1000000"),
]


def position(text: str, marker: str) -> tuple[int, int]:
    assert text.count(marker) == 1, f"marker {marker!r} is not unique in the edited plan"
    offset = text.index(marker)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def broken_copy(folder: Path, old: str, new: str) -> tuple[Path, str]:
    assert SHIPPED.count(old) == 1, f"{old!r} no longer occurs once in data/plan.yaml"
    text = SHIPPED.replace(old, new)
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


@pytest.mark.parametrize(("old", "new", "code", "marker"), [c[1:] for c in BROKEN],
                         ids=[c[0] for c in BROKEN])
def test_broken_plan_is_reported_located(cli, tmp_path: Path, old: str, new: str, code: str,
                                         marker: str) -> None:
    path, text = broken_copy(tmp_path, old, new)
    line, column = position(text, marker)

    exit_code, out, err = cli("plan", "check", "--format", "json", path, cwd=tmp_path)
    assert exit_code == 1 and err == ""
    findings = json.loads(out)["findings"]
    located = [(f["code"], f["file"], f["line"], f["column"]) for f in findings]
    assert (code, "plan.yaml", line, column) in located

    exit_code, out, _ = cli("plan", "check", "--format", "github", path)
    assert exit_code == 1
    assert f"::error file=plan.yaml,line={line},col={column},title={code}::" in out

    exit_code, out, _ = cli("plan", "check", path)
    assert exit_code == 1
    assert out.startswith("plan.yaml\n")
    assert re.search(rf"^\s+{line}:{column}\s+error\s+{code}\s", out, re.MULTILINE), out
    assert "pydantic" not in out and "validation error" not in out.lower()


def test_missing_key_names_the_key(cli, tmp_path: Path) -> None:
    path, _ = broken_copy(tmp_path, "    title: 大力弘扬科学精神和科学家精神\n", "")
    _, out, _ = cli("plan", "check", "--format", "json", path, cwd=tmp_path)
    (finding,) = json.loads(out)["findings"]
    assert finding["path"] == "groups[0].tasks[0].title"
    assert finding["message"] == "required key `title` is missing"


def test_duplicate_key_names_the_first_one(cli, tmp_path: Path) -> None:
    path, text = broken_copy(tmp_path, "\nversion: 1\n", "\nversion: 1\nversion: 7\n")
    first_line = position(text, "version: 7")[0] - 1
    _, out, _ = cli("plan", "check", "--format", "json", path, cwd=tmp_path)
    (finding,) = json.loads(out)["findings"]
    assert f"(first on line {first_line})" in finding["message"]


def test_every_finding_of_a_broken_plan_is_reported(cli, tmp_path: Path) -> None:
    """Two unrelated faults in one file: both are reported, not just the first."""
    _, once = broken_copy(tmp_path, "    lead:\n    - edu\n", "    lead:\n    - nobody\n")
    twice = once.replace("  indicator: literacy-rate\n", "  indicator: nothing\n")
    (tmp_path / "plan.yaml").write_text(twice, encoding="utf-8")
    code, out, _ = cli("plan", "check", "--format", "json", tmp_path / "plan.yaml", cwd=tmp_path)
    assert code == 1
    assert sorted(f["message"] for f in json.loads(out)["findings"]) == [
        "unknown indicator `nothing`", "unknown unit `nobody`"]


def test_a_broken_plan_stops_other_commands_with_exit_2(cli, tmp_path: Path) -> None:
    path, text = broken_copy(tmp_path, "    lead:\n    - edu\n", "    lead:\n    - nobody\n")
    line, column = position(text, "nobody")
    for args in (("plan", "--plan", path), ("plan", "--plan", path, "show", "youth.4")):
        code, out, err = cli(*args, cwd=tmp_path)
        assert (code, out) == (2, ""), args
        assert err.startswith("Error: the plan plan.yaml is not usable; run `sciplan plan check`")
        assert re.search(rf"^\s+{line}:{column}\s+error\s+C003\s", err, re.MULTILINE), err


def test_the_plan_can_come_from_the_environment(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = broken_copy(tmp_path, "  - 教育局\n", "  - 教育局\n  - 县人社局\n")
    monkeypatch.setenv("SCIPLAN_PLAN", str(path))
    code, out, _ = cli("plan", "check", cwd=tmp_path)
    assert code == 1 and "C005" in out


def test_a_baseline_on_a_flow_says_why_it_has_no_meaning(cli, tmp_path: Path) -> None:
    path, _ = broken_copy(tmp_path, FLOW_WITHOUT_BASELINE,
                          FLOW_WITHOUT_BASELINE.replace("null", "{year: 2020, value: 800, source: 年报}"))
    _, out, _ = cli("plan", "check", "--format", "json", path, cwd=tmp_path)
    (finding,) = json.loads(out)["findings"]
    assert (finding["code"], finding["severity"]) == ("C006", "error")
    assert finding["path"] == "indicators[2].baseline"
    assert "flows start from zero each period" in finding["message"]
    assert finding["hint"].startswith("Write `baseline: null`")
    _, out, _ = cli("plan", "check", "--lang", "zh", path, cwd=tmp_path)
    assert "累计类指标不设基线：流量类指标每期都从零开始累计" in out


def test_plan_check_of_a_missing_file_cannot_run(cli, tmp_path: Path) -> None:
    code, out, err = cli("plan", "check", tmp_path / "nowhere.yaml", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("Error: plan file not found: ")


# --- sciplan plan: the overview -------------------------------------------------------------------

def test_overview_lists_groups_indicators_and_units(cli, plan: Plan) -> None:
    code, out, err = cli("plan", cwd=REPO)
    assert (code, err) == (0, "")
    assert out.startswith(plan.title_en.split(" of the ")[0])  # the plan's English title in English
    assert "晃政办发〔2022〕11号" in out
    groups = table_rows(out, "Groups and tasks")
    assert [(r[0], r[2]) for r in groups] == [(g.id, str(len(g.tasks))) for g in plan.groups]
    assert squeeze(groups[4][3]) == squeeze("Organization Department of the County Party Committee, "
                                            "County Human Resources and Social Security Bureau")
    indicators = table_rows(out, "Indicators", starts=1)
    assert [squeeze(r[0]) for r in indicators] == [squeeze(f"{i.id}{i.label_en} ({i.measure})")
                                                   for i in plan.indicators]
    targets = {r[0][: len(i.id)]: r[2] for r, i in zip(indicators, plan.indicators, strict=True)}
    assert targets["literacy-rate"] == "> 15% (2025)"
    assert targets["youth-competition-participants"] == ">= 100 /yr"
    assert targets["dissemination-count"] == "> 2,000,000 (2025)"
    assert targets["exhibition-area"] == "(input)"
    assert "30 units (27 named in responsibility lines), 11 areas (township), 4" in out


# --- sciplan plan show ----------------------------------------------------------------------------

def test_show_task(cli, plan: Plan) -> None:
    code, out, err = cli("plan", "show", "youth.4", cwd=REPO)
    assert (code, err) == (0, "")
    task = plan.task("youth.4")
    assert task is not None
    assert out.startswith(f"youth.4  {task.title}\n"
                          "Youth science literacy enhancement action (Enhancement actions)  group `youth`")
    assert squeeze(task.text) in squeeze(out)
    leads = ("Lead: County Education Bureau, County Committee of the Communist Youth League, "
             "County Association")
    assert squeeze(leads) in squeeze(out)
    participating = ", ".join(plan.unit(u).label_en for u in plan.group("youth").responsibility.participating)
    assert squeeze("Participating: " + participating) in squeeze(out)
    assert squeeze("youth-competition-participants  Young people taking part in science and technology "
                   "competitions  >= 100 /yr") in squeeze(out)


def test_show_group_lists_its_tasks(cli) -> None:
    code, out, _ = cli("plan", "show", "elderly", cwd=REPO)
    assert code == 0
    assert re.findall(r"^(elderly\.\d)  ", out, re.MULTILINE) == ["elderly.1", "elderly.2", "elderly.3"]


def test_show_indicator(cli, plan: Plan) -> None:
    code, out, err = cli("plan", "show", "health-literacy-rate", cwd=REPO)
    assert (code, err) == (0, "")
    assert out.startswith("health-literacy-rate  Residents' health literacy level\n\n")
    assert re.search(r"^target\s+>= 25% \(2025\)$", out, re.MULTILINE)
    assert re.search(r"^task\s+capacity.3  实施基层科普服务能力提升工程$", out, re.MULTILINE)
    assert re.search(r"^reported by\s+County Health Bureau$", out, re.MULTILINE)
    assert re.search(r"^baseline\s+none given in the document$", out, re.MULTILINE)
    assert "source:" + plan.indicator("health-literacy-rate").source_text in squeeze(out)


def test_show_indicator_by_chinese_name(cli) -> None:
    code, out, _ = cli("plan", "show", "培训农民", cwd=REPO)
    assert code == 0 and out.startswith("farmer-trainings  Farmers trained\n")


def test_show_ratio_indicator(cli) -> None:
    code, out, _ = cli("plan", "show", "exhibition-area-per-10k", cwd=REPO)
    assert code == 0
    assert re.search(r"^reported by\s+computed, never reported$", out, re.MULTILINE)
    assert re.search(r"^computed as\s+exhibition-area ÷ \(resident-population ÷ 10,000\)$", out, re.MULTILINE)


def test_show_flow_indicator_lists_every_reporter(cli, plan: Plan) -> None:
    code, out, _ = cli("plan", "show", "dissemination-count", cwd=REPO)
    assert code == 0
    names = squeeze(", ".join(plan.unit(u).label_en for u in plan.group("capacity").units))
    assert "reportedby" + names in squeeze(out)


@pytest.mark.parametrize("key", ["hrss", "县人力资源和社会保障局", "县人社局", "人社局"])
def test_show_unit_by_id_name_or_alias(cli, plan: Plan, key: str) -> None:
    code, out, err = cli("plan", "show", key, cwd=REPO)
    assert (code, err) == (0, "")
    assert out.startswith("County Human Resources and Social Security Bureau  (hrss)\n"
                          "aliases: 县人社局, 人社局\n")
    roles = {row[1].rsplit("(", 1)[1].rstrip(")"): row[0] for row in table_rows(out, "Groups")}
    assert roles == {g.id: ("lead" if role == "lead" else "joins") for g, role in plan.groups_of_unit("hrss")}
    assert [g for g, role in roles.items() if role == "lead"] == ["workers", "officials"]
    assert len(roles) == 9  # 县人社局 is named in every responsibility line
    tasks = {row[1].rsplit("(", 1)[1].rstrip(")"): row[2] for row in table_rows(out, "Groups")}
    assert squeeze(tasks["capacity"]) == "capacity.1,capacity.2,capacity.3,capacity.4,capacity.5"
    reported = [row[0] for row in table_rows(out, "Indicators it may report")]
    assert reported == [i.id for i in plan.indicators_of_unit("hrss")]


def test_show_office_placed_at_another_unit(cli) -> None:
    code, out, _ = cli("plan", "show", "领导小组办公室", cwd=REPO)
    assert code == 0
    assert out.startswith("Office of the County Leading Group for Science Literacy  (leading-group-office)\n")
    assert "placed at: County Association for Science and Technology\n" in out
    assert "Named in no responsibility line." in out


@pytest.mark.parametrize(("key", "suggestion"), [("youth.44", "youth.4"), ("县人社", "县人社局"),
                                                 ("farmer-training", "farmer-trainings")])
def test_show_unknown_key_suggests(cli, key: str, suggestion: str) -> None:
    code, out, err = cli("plan", "show", key, cwd=REPO)
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: nothing in the plan is called `{key}`; did you mean ")
    assert suggestion in err.split("did you mean", 1)[1]


def test_show_unknown_key_without_anything_close(cli) -> None:
    code, _, err = cli("plan", "show", "zzzzzz", cwd=REPO)
    assert code == 2
    assert "`sciplan plan` lists the ids" in err


# --- look-ups on the plan -------------------------------------------------------------------------

def test_reporters_of_a_flow_are_the_group(plan: Plan) -> None:
    farmers = plan.group("farmers")
    assert farmers is not None
    expected = farmers.responsibility.lead + farmers.responsibility.participating
    assert plan.reporters(plan.indicator("farmer-trainings")) == expected
    assert expected[:2] == ["agriculture", "rural-revitalization"] and len(expected) == 21


def test_reporters_of_a_level_are_one_unit(plan: Plan) -> None:
    for indicator_id in ("literacy-rate", "science-volunteers", "info-officers", "exhibition-area",
                         "resident-population"):
        assert plan.reporters(plan.indicator(indicator_id)) == ["cast"], indicator_id
    assert plan.reporters(plan.indicator("health-literacy-rate")) == ["health"]


def test_reporters_of_the_ratio_are_none(plan: Plan) -> None:
    assert plan.reporters(plan.indicator("exhibition-area-per-10k")) == []


def test_officials_responsibility_line_without_prefix_is_parsed(plan: Plan) -> None:
    officials = plan.group("officials")
    assert officials is not None
    assert officials.responsibility.text.startswith("（由县委组织部")
    assert officials.responsibility.lead == ["organization", "hrss"]
    assert officials.responsibility.participating[:3] == ["publicity", "united-front", "party-school"]


@pytest.mark.parametrize(("key", "unit_id"), [
    ("hrss", "hrss"), ("县人力资源和社会保障局", "hrss"), ("县人社局", "hrss"), (" 县人社局 ", "hrss"),
    ("县委党校（县行政学校）", "party-school"), ("县委党校", "party-school"), ("县科协", "cast"),
    ("县全民科学素质工作领导小组办公室", "leading-group-office"), ("各乡镇人民政府", "township-governments"),
    ("县人民政府", "county-government"),
])
def test_unit_lookup(plan: Plan, key: str, unit_id: str) -> None:
    unit = plan.unit(key)
    assert unit is not None and unit.id == unit_id


@pytest.mark.parametrize("key", ["", "县", "人社", "HRSS", "县人力资源局"])
def test_unit_lookup_unknown(plan: Plan, key: str) -> None:
    assert plan.unit(key) is None


def test_groups_of_unit(plan: Plan) -> None:
    assert [(g.id, role) for g, role in plan.groups_of_unit("rural-revitalization")] == [("farmers", "lead")]
    assert [(g.id, role) for g, role in plan.groups_of_unit("justice")] == [("youth", "participating")]
    assert plan.groups_of_unit("county-government") == []


def test_township_lookup(plan: Plan) -> None:
    assert plan.township("晃州镇").id == plan.township("huangzhou").id == "huangzhou"
    assert plan.township("晃州") is None


def test_task_and_group_lookup(plan: Plan) -> None:
    assert plan.task("capacity.5").title == "加强区域科学素质交流合作"
    assert plan.group_of_task("capacity.5").id == "capacity"
    assert plan.task("capacity.6") is None and plan.group_of_task("goal") is None


# --- docs/formats.md ------------------------------------------------------------------------------

FORMATS = REPO / "docs" / "formats.md"


def doc_example(first_line: str) -> str:
    """The ```yaml block of docs/formats.md whose first line is `first_line`."""
    text = FORMATS.read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)
    matching = [b for b in blocks if b.startswith(first_line)]
    assert len(matching) == 1, f"docs/formats.md has no single example starting {first_line!r}"
    return matching[0]


def test_the_documented_plan_example_is_sound(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(doc_example("# Example plan file"), encoding="utf-8")
    example, findings = check_plan_file(path, "plan.yaml")
    assert findings == [] and example is not None
    assert {i.kind for i in example.indicators} == {"level", "cumulative", "ratio"}


def test_the_documented_progress_examples_validate(tmp_path: Path, plan: Plan) -> None:
    from sciplan.validation import validate_paths

    county = tmp_path / "cast.yaml"
    county.write_text(doc_example("# Example progress file"), encoding="utf-8")
    township = tmp_path / "agriculture-huangzhou.yaml"
    township.write_text(doc_example("plan: xinhuang-science-literacy\nplan_version: 1\nunit: 县农业农村局"),
                        encoding="utf-8")
    result = validate_paths(plan, [county, township], ["cast.yaml", "agriculture-huangzhou.yaml"])
    assert result.report.findings == []
    assert len(result.values) == 5 and len(result.tasks) == 2 and len(result.milestones) == 1


def test_formats_doc_names_every_id_of_the_plan(plan: Plan) -> None:
    text = FORMATS.read_text(encoding="utf-8")
    ids = ([g.id for g in plan.groups] + [i.id for i in plan.indicators] + [u.id for u in plan.units]
           + [t.id for t in plan.areas] + [m.id for m in plan.milestones])
    assert [i for i in ids if f"`{i}`" not in text] == []
    assert [u.name for u in plan.units if u.name not in text] == []
