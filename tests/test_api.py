"""The library face: what the commands do, from Python without click, and the same documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sciplan import api
from sciplan.domain import TARGET_STATUS, Status, closest
from sciplan.plan import YearOutsidePeriod

ROOT = Path(__file__).resolve().parents[1]
PLAN_FILE = ROOT / "data" / "plan.yaml"
SAMPLE = ROOT / "data" / "progress"


def test_a_notebook_reads_the_status_and_gap_without_click(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = api.load_plan(PLAN_FILE)
    overview = api.status(plan, SAMPLE, 2023)
    assert overview.year == 2023 and overview.files > 0 and overview.errors == 0
    assert overview.source.sample and overview.source.files == overview.files
    table = api.gap_table(plan, SAMPLE, 2023, statuses=["进展有限", "deterioration"])
    assert {r["status"] for r in table.as_dict()["indicators"]} <= {"limited_progress", "deterioration"}
    assert api.formats(table) == ("text", "json", "markdown", "csv")
    assert "|" in api.render(table, "markdown", lang="zh", by="group")
    checked = api.validate(plan, [SAMPLE])
    assert checked.report.valid and checked.as_dict()["sample"] is True
    roster = api.units(plan)
    assert roster.year is None and len(roster.units) == len(plan.units)


def test_the_api_does_not_import_click():
    code = ("import sys; from sciplan import api; "
            f"plan = api.load_plan({str(PLAN_FILE)!r}); "
            f"api.render(api.status(plan, {str(SAMPLE)!r}), 'text'); "
            "print('click' in sys.modules, 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "True"]  # rendered text with rich, and never touched click


@pytest.mark.parametrize("command", [("status", "--year", "2023"), ("gap", "--year", "2023", "--by", "unit")])
def test_the_cli_json_is_the_api_document(cli, command):
    code, out, _ = cli(*command, "--format", "json", "--plan", PLAN_FILE, "--progress", SAMPLE, cwd=ROOT)
    assert code == 0
    plan = api.load_plan(PLAN_FILE)
    if command[0] == "status":
        document = api.status(plan, SAMPLE, 2023)
    else:
        document = api.gap_table(plan, SAMPLE, 2023)
    assert json.loads(out) == json.loads(api.render(document, "json"))
    assert {k: v for k, v in json.loads(out).items() if k != "schema_version"} == json.loads(
        json.dumps(document.as_dict(), allow_nan=True))


def test_a_year_outside_the_plan_and_an_unknown_status_are_errors_of_the_core():
    plan = api.load_plan(PLAN_FILE)
    with pytest.raises(YearOutsidePeriod, match="2030 is outside the plan period 2021-2025"):
        api.status(plan, SAMPLE, 2030)
    with pytest.raises(ValueError, match="unknown status late"):
        api.gap_table(plan, SAMPLE, 2023, statuses=["late"])
    with pytest.raises(FileNotFoundError):
        api.load_plan(PLAN_FILE.with_name("missing.yaml"))


def test_target_statuses_are_one_vocabulary():
    assert TARGET_STATUS.ids == tuple(str(s) for s in Status)
    assert TARGET_STATUS.meaning("Limited Progress") == "limited_progress"
    assert TARGET_STATUS.meaning("进展顺利") == "on_track"
    assert api.target_statuses(["需加快推进", " achieved "]) == {"needs_acceleration", "achieved"}


def test_closest_suggests_the_nearest_spellings():
    assert closest("edo", ["edu", "cast", "health"], n=3, cutoff=0.5) == ["edu"]
    assert closest(3, ["edu"]) == []


def test_gap_status_accepts_a_label(cli):
    code, out, err = cli("gap", "--year", "2023", "--status", "出现倒退,limited progress", "--format", "json",
                         "--plan", PLAN_FILE, "--progress", SAMPLE, cwd=ROOT)
    assert code == 0, err
    assert {r["status"] for r in json.loads(out)["indicators"]} <= {"deterioration", "limited_progress"}
