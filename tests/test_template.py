"""`sciplan template` as YAML: exactly what the unit reports, commented for people, and placeholders
that fail validation until they are filled in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sciplan.duties import duty
from sciplan.plan import Plan
from sciplan.templates import build_template, render_yaml, scalar, target_text
from sciplan.validation import load_plan

PLAN: Plan = load_plan(Path(__file__).parent.parent / "data" / "plan.yaml")
YEAR = 2024
REPORTING_UNITS = [u.id for u in PLAN.units if PLAN.indicators_of_unit(u.id) or PLAN.groups_of_unit(u.id)
                   or (not u.hosted_by and any(u.id in PLAN.milestone_reporters(m)
                                               for m in PLAN.milestones if m.year <= YEAR))]


def _expected_entries(unit_id: str) -> tuple[list[str], list[str], list[str]]:
    """The required entries: what the unit owes (the optional part is commented out)."""
    rule = duty(PLAN, PLAN.unit(unit_id), YEAR)
    return ([i.id for i in rule.owed_indicators], [t.task.id for t in rule.owed_tasks],
            [m.id for m in rule.milestones])


def _optional_entries(unit_id: str) -> tuple[list[str], list[str]]:
    rule = duty(PLAN, PLAN.unit(unit_id), YEAR)
    return [i.id for i in rule.optional_indicators], [t.task.id for t in rule.optional_tasks]


def fill_text(text: str) -> str:
    """Fill a YAML template the way a clerk would in an editor, keeping every comment."""
    text = re.sub(r"(?m)^    value:$", "    value: 5", text)
    text = re.sub(r"(?m)^    status:( +#)", r"    status: done\1", text)
    return re.sub(r"(?m)^    evidence:( +#.*)?$", r"    evidence: 已完成，见年度总结\1", text)


@pytest.mark.parametrize("unit_id", REPORTING_UNITS)
def test_the_template_lists_exactly_what_the_unit_reports(cli, tmp_path, unit_id):
    code, stdout, err = cli("template", "--unit", unit_id, "--year", YEAR)
    assert code == 0, err
    data = yaml.safe_load(stdout)
    values, tasks, milestones = _expected_entries(unit_id)
    assert [v["indicator"] for v in data.get("values") or []] == values
    assert [t["task"] for t in data.get("tasks") or []] == tasks
    # The optional part, uncommented, is the rest of what the unit may report.
    optional_values, optional_tasks = _optional_entries(unit_id)
    opened = yaml.safe_load(re.sub(r"(?m)^#(?=values:|tasks:|  - |    )", "", stdout))
    assert [v["indicator"] for v in opened.get("values") or []] == values + optional_values
    assert [t["task"] for t in opened.get("tasks") or []] == tasks + optional_tasks
    assert [m["milestone"] for m in data.get("milestones", [])] == milestones
    assert all(v["value"] is None for v in data.get("values") or [])
    assert all(t["status"] is None for t in (data.get("tasks") or []) + (data.get("milestones") or []))
    assert data["unit"] == PLAN.unit(unit_id).name and data["period"] == YEAR


@pytest.mark.parametrize("unit_id", REPORTING_UNITS)
def test_an_unfilled_template_fails_and_a_filled_one_passes(cli, tmp_path, unit_id):
    path = tmp_path / "2024" / f"{unit_id}.yaml"
    assert cli("template", "--unit", unit_id, "--year", YEAR, "-o", path)[0] == 0
    code, stdout, _ = cli("validate", path, "--format", "json")
    values, tasks, milestones = _expected_entries(unit_id)
    assert code == (1 if values or tasks or milestones else 0)  # a unit that only may report passes empty
    report = yaml.safe_load(stdout)
    codes = [f["code"] for f in report["findings"]]
    assert sorted(codes) == sorted(["S111"] * len(values) + ["S109"] * (len(tasks) + len(milestones)))
    path.write_text(fill_text(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, stdout, _ = cli("validate", path, "--strict")
    assert code == 0, stdout


def test_comments_carry_name_measure_and_target():
    template = build_template(PLAN, PLAN.unit("cast"), YEAR)
    text = render_yaml(template)
    assert text.startswith("# yaml-language-server: $schema=progress.schema.json\n")
    assert "sciplan schema -o progress.schema.json" in text
    for indicator in PLAN.indicators_of_unit("cast"):
        assert f"# {indicator.name}（{indicator.measure}）目标 {target_text(PLAN, indicator)}" in text
    assert "# 培训农民（人次）目标 ≥ 5,000 人次（2021—2025年累计）" in text
    assert "# 公民具备科学素质的比例（%）目标 > 15%（2025年）" in text
    assert "无单独目标，用于计算每万人拥有科普展厅面积" in text  # an input to a ratio
    assert "本年度数（不累计）" in text and "年末数" in text
    assert "  # ── 青少年科学素质提升行动 (youth) · 牵头 lead" in text


def test_schema_option_and_area(cli):
    code, stdout, _ = cli("template", "--unit", "科协", "--year", 2022, "--area", "扶罗镇", "--schema",
                          "https://example.org/progress.schema.json")
    assert code == 0
    assert stdout.splitlines()[0] == "# yaml-language-server: $schema=https://example.org/progress.schema.json"
    assert yaml.safe_load(stdout)["area"] == "扶罗镇"


def test_the_schema_named_in_the_template_can_be_made(cli, tmp_path):
    assert cli("schema", "-o", tmp_path / "progress.schema.json")[0] == 0
    assert cli("template", "--unit", "edu", "--year", YEAR, "-o", tmp_path / "edu.yaml")[0] == 0
    first = (tmp_path / "edu.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert (tmp_path / first.split("=", 1)[1]).is_file()


@pytest.mark.parametrize(("args", "message"), [
    (("--unit", "县科学局", "--year", "2024"), "did you mean"),
    (("--unit", "edu", "--year", "2030"), "outside the plan period"),
    (("--unit", "edu", "--year", "2024", "--area", "火星镇"), "no township is called"),
    (("--unit", "finance-bureau", "--year", "2024"), "no unit is called"),
    (("--unit", "leading-group-office", "--year", "2021"), "reports nothing for 2021"),
])
def test_bad_requests_cannot_run(cli, args, message):
    code, stdout, err = cli("template", *args)
    assert code == 2 and message in err and stdout == ""


def test_output_is_never_overwritten_without_force(cli, tmp_path):
    path = tmp_path / "edu.yaml"
    path.write_text("keep", encoding="utf-8")
    code, _, err = cli("template", "--unit", "edu", "--year", YEAR, "-o", path)
    assert code == 2 and "already exists" in err and path.read_text(encoding="utf-8") == "keep"
    assert cli("template", "--unit", "edu", "--year", YEAR, "-o", path, "--force")[0] == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server")


@pytest.mark.parametrize(("value", "written"), [
    ("县农业农村局", "县农业农村局"), ("farmer-trainings", "farmer-trainings"), ("yes", '"yes"'),
    ("1200", '"1200"'), ("a: b", '"a: b"'), (" padded", '" padded"'), ("#1", '"#1"'), ("- x", '"- x"'),
    ('say "hi"', 'say "hi"'), ('"quoted"', '"\\"quoted\\""'), ("two\nlines", '"two\\nlines"'),
    ("全角　空格", "全角　空格"), ("tab\there", '"tab\\there"'), ("\x07", '"\\u0007"'),
    (1200, "1200"), (12.5, "12.5"), (3.0, "3"), (None, ""),
])
def test_scalars_read_back_as_written(value, written):
    assert scalar(value) == written
    if value is not None:
        assert yaml.safe_load(f"k: {written}")["k"] == (int(value) if value == 3.0 else value)


def test_value_rules_cover_each_row_once_as_runs_of_rows():
    """Rows of a value type are given to the workbook's data validation as runs (F3:F5), all at once:
    adding cells one by one made a template cost the square of a plan's indicators."""
    from sciplan.workbook.template import _runs

    assert _runs([]) == []
    assert _runs([3]) == [(3, 3)]
    assert _runs([3, 4, 5, 8, 9, 12]) == [(3, 5), (8, 9), (12, 12)]
