"""Every renderer survives any finite figure: 1e308 reported in two years sums past the largest float
(an infinite actual, gap and forecast), and a hand-built row carries infinities and NaN outright.
Each renderer gets the same overview and must return its document, not raise."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

from sciplan.assessment import Assessment, Baseline, Status
from sciplan.duties import unit_detail
from sciplan.overview import GapRow, GapTable, status_overview
from sciplan.progress import Place, ValueRecord
from sciplan.render import csv as csv_render
from sciplan.render import json as json_render
from sciplan.render import markdown, text, units
from sciplan.report import build_report
from sciplan.validation import load_plan

PLAN_FILE = Path(__file__).resolve().parents[1] / "data" / "plan.yaml"
HUGE = 1.0e308


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN_FILE)


def _flow_and_level(plan):
    flow = next(i for i in plan.targeted_indicators() if i.kind == "cumulative")
    level = next(i for i in plan.targeted_indicators() if i.kind == "level")
    return flow, level


@pytest.fixture(scope="module")
def values(plan) -> list[ValueRecord]:
    """1e308 in two years for a cumulative target (the sum is infinite) and for a level."""
    flow, level = _flow_and_level(plan)
    records = []
    for indicator in (flow, level):
        unit = plan.reporters(indicator)[0]
        records += [ValueRecord(unit, year, None, indicator.id, HUGE, Place("huge.yaml", 1))
                    for year in (2022, 2023)]
    return records


@pytest.fixture(scope="module")
def overview(plan, values):
    computed = status_overview(plan, 2023, [], values, [], [])
    flow, _ = _flow_and_level(plan)
    assert next(r for r in computed.gap.rows if r.indicator.id == flow.id).assessment.actual == float("inf")
    # and one row written by hand: every figure infinite or not a number
    level = computed.gap.rows[0].indicator
    wild = GapRow(level, plan.group_of_indicator(level),
                  Assessment(expected=HUGE, actual=float("inf"), gap=float("-inf"), ratio=float("nan"),
                             status=Status.ON_TRACK, forecast=float("-inf"), forecast_meets_target=None,
                             missing_years=(), missed_years=(), baseline=Baseline(2021, -HUGE)),
                  {2022: HUGE, 2023: float("inf")}, 2023)
    gap = GapTable(plan, 2023, [*computed.gap.rows, wild])
    return replace(computed, gap=gap)


@pytest.fixture(scope="module")
def table(overview) -> GapTable:
    return overview.gap


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_status_and_gap(overview, table, lang):
    for by in ("indicator", "group", "unit"):
        assert text.render_gap(table, by, color=True, width=120, lang=lang)
    assert "█" in text.render_status(overview, color=True, width=120, lang=lang)


def test_markdown_status_and_gap(overview, table):
    assert markdown.render_gap(table, "group", lang="zh")
    assert markdown.render_status(overview, lang="en")


def test_csv_status_and_gap(overview, table):
    assert "inf" in csv_render.render_gap(table, "unit")
    assert csv_render.render_status(overview)


def test_json_status_and_gap(overview, table):
    # JSON has no infinity: the renderer writes null rather than invalid JSON
    for document in (overview.as_dict(), table.as_dict()):
        json.loads(json_render.dumps(document))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_report_and_its_charts(overview, lang):
    from sciplan.render.html import render_report

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib's "axes collapsed" warning is a broken chart
        page = render_report(build_report(overview, dt.date(2024, 1, 31)), lang)
    assert page.count("<svg") >= len(overview.gap.rows)


def test_markdown_report(overview):
    from sciplan.render.report_markdown import render_report

    assert render_report(build_report(overview, dt.date(2024, 1, 31)), "zh")


def test_unit_detail_and_list(plan, values):
    from sciplan.duties import unit_summaries

    unit = plan.unit(values[0].unit)
    detail = unit_detail(plan, unit, 2023, [], values, [])
    assert units.render_unit_detail(detail, color=True, width=100, lang="zh")
    assert units.render_units(plan, unit_summaries(plan, 2023, []), color=False, width=100, lang="en")
