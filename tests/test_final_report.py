"""The final evaluation: `sciplan report --year <period end>` on a copy of the sample plus invented
reports for the last year (docs/examples/sample-2025/): verdicts only, the goal first, the tasks with
their evidence, and each unit's record over the period."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from sciplan import api
from sciplan.assessment import Status
from sciplan.report import FINAL_VERDICTS, final_verdict, on_time_by

ROOT = Path(__file__).resolve().parents[1]
MADE = dt.date(2026, 2, 20)


@pytest.fixture(scope="module")
def progress(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("final") / "progress"
    shutil.copytree(ROOT / "data" / "progress", folder)
    shutil.copytree(ROOT / "docs" / "examples" / "sample-2025" / "2025", folder / "2025")
    return folder


@pytest.fixture(scope="module")
def data(progress: Path):
    return api.report(api.load_plan(ROOT / "data" / "plan.yaml"), progress, 2025, MADE, jobs=1)


def test_every_target_is_achieved_or_not_and_nothing_is_forecast(data) -> None:
    assert data.final is not None
    assert {i.status for i in data.indicators} <= set(FINAL_VERDICTS)
    assert all(i.forecast is None and i.forecast_from is None for i in data.indicators)
    assert sum(data.counts.values()) == len(data.indicators)
    assert data.goal is not None and data.goal.status is Status.ACHIEVED  # 15.2% > 15%


@pytest.mark.parametrize(("status", "verdict"), [
    (Status.ACHIEVED, Status.ACHIEVED), (Status.NOT_ACHIEVED, Status.NOT_ACHIEVED),
    (Status.NO_DATA, Status.NO_DATA), (Status.ON_TRACK, Status.NOT_ACHIEVED),
    (Status.NEEDS_ACCELERATION, Status.NOT_ACHIEVED), (Status.DETERIORATION, Status.NOT_ACHIEVED)])
def test_final_verdict(status, verdict) -> None:
    assert final_verdict(status) is verdict


def test_a_report_is_on_time_by_the_end_of_the_year_after() -> None:
    assert on_time_by(2024) == dt.date(2025, 12, 31)


def test_units_record_on_time_late_undated_and_missing(data) -> None:
    units = {u.id: u for u in data.final.units}
    assert units["edu"].late == (2025,) and 2025 not in units["edu"].on_time  # dated 2027-02-15
    assert units["trade-union"].undated == (2025,)  # no `submitted`
    assert 2025 in units["media-center"].missing  # sent nothing for 2025
    assert units["health"].missing == (2024, 2025)
    assert units["cast"].on_time == (2021, 2022, 2023, 2024, 2025) and units["cast"].figures > 30
    assert "women-federation" in units and units["women-federation"].owed_years == ()  # reported, owes none


def test_tasks_stand_where_their_last_reports_leave_them_with_evidence(data) -> None:
    tasks = {t.id: t for g in data.final.groups for t in g.tasks}
    done = [t for t in tasks.values() if t.part == "done"]
    assert done and all(t.evidence for t in done)
    never = [t for t in tasks.values() if t.year is None]
    assert all(t.part == "not_started" and t.status == "not_reported" for t in never)
    for g in data.final.groups:
        assert sum(g.counts.values()) == len(g.tasks)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_and_html_of_the_final_evaluation(cli, progress: Path, lang: str, tmp_path: Path) -> None:
    code, md, err = cli("report", "--year", "2025", "--format", "markdown", "--lang", lang,
                        "--progress", progress, cwd=ROOT)
    assert code == 0, err
    title = "2021—2025年实施情况总结评估（初稿）" if lang == "zh" else "Final evaluation 2021-2025 (draft)"
    assert md.splitlines()[0] == f"# {title}"
    summary = md.index("## 总体评价" if lang == "zh" else "## Overall verdict")
    goal = md.index("**总目标**" if lang == "zh" else "**Overall goal**")
    assert summary < goal < md.index("|")  # the goal's verdict before any table
    forecast_word = "预测" if lang == "zh" else "orecast"
    assert forecast_word not in md
    assert ("按时报送" if lang == "zh" else "On time") in md
    pytest.importorskip("matplotlib")
    out = tmp_path / f"final.{lang}.html"
    code, _, err = cli("report", "--year", "2025", "--format", "html", "--lang", lang, "--progress", progress,
                       "-o", out, cwd=ROOT)
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert f"<h1 id=\"report-title\">{title}</h1>" in html and 'id="units"' in html
    assert 'data-status="on_track"' not in html and forecast_word not in html


def test_an_earlier_year_keeps_the_yearly_report(cli, progress: Path) -> None:
    code, md, _ = cli("report", "--year", "2024", "--format", "markdown", "--lang", "zh",
                      "--progress", progress, cwd=ROOT)
    assert code == 0 and md.startswith("# 2024年度实施进展报告")
