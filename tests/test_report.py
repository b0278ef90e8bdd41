"""`sciplan report`: the report data, the HTML and Markdown a reader gets, both languages, the catalogue.

The fixture below is a small progress folder assessed for 2024 with the real plan (S = 2021, E = 2025,
thresholds 0.95 / 0.6 / 0). Hand-worked statuses, one of each class:

  literacy-rate (level > 15%, no plan baseline): 2021 = 10.0 is the baseline; 2024 = 13.0;
      expected = 10 + (15 - 10) * 3/4 = 13.75; ratio = 3 / 3.75 = 0.8 -> needs_acceleration
  info-officers (level >= 10000): 2021 = 2000, 2024 = 8200; expected = 2000 + 8000 * 3/4 = 8000;
      ratio = 6200 / 6000 = 1.03 -> on_track
  science-volunteers (level >= 200): 2021 = 100, 2024 = 80; expected = 175; ratio = -20/75 -> deterioration
  health-literacy-rate (level >= 25%): only 2024 = 21.5, so 2024 is its own baseline -> no_baseline
  farmer-trainings (cumulative >= 5000): 400 + 300 + (2023 missing) + 300 = 1000; expected = 4000;
      ratio = 0.25 -> limited_progress; the chart's running total is 400, 700, 1000 at 2021, 2022, 2024
  youth-competition-participants (annual >= 100): 2023 = 80 (missed), 2024 = 120 -> achieved
  the other 10 targeted indicators: nothing reported -> no_data
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sciplan.assessment import Kind, Status
from sciplan.i18n import LANGUAGES, MESSAGES, fields_of, locale_language, text
from sciplan.overview import TASK_COLUMNS, status_overview
from sciplan.report import HEADLINE_ORDER, build_report, expected_path, plotted_values
from sciplan.sources import DataSource
from sciplan.validation import load_plan, validate_paths

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "plan.yaml"
EXAMPLES = ROOT / "docs" / "examples"
MADE = dt.date(2025, 1, 20)

HEADER = "plan: xinhuang-science-literacy\nplan_version: 1\n"
FIXTURE = {
    "2021/cast.yaml": """unit: 县科协
period: 2021
values:
  - {indicator: literacy-rate, value: 10.0}
  - {indicator: info-officers, value: 2000}
  - {indicator: science-volunteers, value: 100}
""",
    "2024/cast.yaml": """unit: 县科协
period: 2024
values:
  - {indicator: literacy-rate, value: 13.0}
  - {indicator: info-officers, value: 8200}
  - {indicator: science-volunteers, value: 80}
tasks:
  - {task: capacity.2, status: blocked, evidence: 经费未到位}
""",
    "2024/health.yaml": """unit: 县卫生健康局
period: 2024
values:
  - {indicator: health-literacy-rate, value: 21.5}
""",
    "2021/agriculture.yaml": """unit: 县农业农村局
period: 2021
values:
  - {indicator: farmer-trainings, value: 400}
""",
    "2022/agriculture.yaml": """unit: 县农业农村局
period: 2022
values:
  - {indicator: farmer-trainings, value: 300}
""",
    "2024/agriculture.yaml": """unit: 县农业农村局
period: 2024
values:
  - {indicator: farmer-trainings, value: 300}
tasks:
  - {task: farmers.2, status: in_progress, evidence: 举办培训班 6 期}
""",
    "2023/edu.yaml": """unit: 县教育局
period: 2023
values:
  - {indicator: youth-competition-participants, value: 80}
""",
    "2024/edu.yaml": """unit: 县教育局
period: 2024
values:
  - {indicator: youth-competition-participants, value: 120}
tasks:
  - {task: youth.4, status: done, evidence: 组织参加省青少年科技创新大赛}
""",
}
EXPECTED_STATUS = {
    "literacy-rate": Status.NEEDS_ACCELERATION,
    "info-officers": Status.ON_TRACK,
    "science-volunteers": Status.DETERIORATION,
    "health-literacy-rate": Status.NO_BASELINE,
    "farmer-trainings": Status.LIMITED_PROGRESS,
    "youth-competition-participants": Status.ACHIEVED,
}


def write_progress(folder: Path) -> Path:
    """The fixture progress folder under `folder`; returns its path."""
    for name, body in FIXTURE.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER + body, encoding="utf-8")
    return folder


def fixture_overview(folder: Path, year: int = 2024):
    plan = load_plan(PLAN)
    validation = validate_paths(plan, [folder])
    assert validation.report.errors == 0, validation.report
    overview = status_overview(plan, year, validation.submissions, validation.values, validation.tasks,
                               validation.milestones)
    overview.files, overview.errors = validation.report.files, validation.report.errors
    return overview


@pytest.fixture
def progress(tmp_path: Path) -> Path:
    return write_progress(tmp_path / "progress")


@pytest.fixture
def overview(progress: Path):
    return fixture_overview(progress)


@pytest.fixture
def data(overview):
    return build_report(overview, MADE)


# --- a small DOM, to read the HTML as a browser would parse it -------------------------------------

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "source", "wbr", "area", "base", "embed"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, attrs, parent, [], []

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [n for n in self.iter()
                if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def content(self) -> str:
        return "".join(self.text) + "".join(c.content() for c in self.children)


class DomBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text.append(data)


def dom(html: str) -> Node:
    builder = DomBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# --- the catalogue -----------------------------------------------------------------------------------

def test_every_message_exists_in_every_language_with_the_same_fields():
    for message_id, translations in MESSAGES.items():
        missing = set(LANGUAGES) - set(translations)
        assert not missing, f"{message_id} is not in {', '.join(sorted(missing))}"
        assert set(translations) == set(LANGUAGES), f"{message_id}: unknown languages {set(translations)}"
        for lang, template in translations.items():
            assert template.strip(), f"{message_id} is empty in {lang}"
        fields = {lang: fields_of(template) for lang, template in translations.items()}
        assert fields["zh"] == fields["en"], f"{message_id}: fields differ {fields}"


def test_every_message_formats_with_its_fields():
    for message_id, translations in MESSAGES.items():
        for lang, template in translations.items():
            filled = text(message_id, lang, **{name: "<x>" for name in fields_of(template)})
            assert "{" not in filled.replace("{{", ""), (message_id, lang, filled)


def test_the_completeness_check_would_catch_a_one_language_message(monkeypatch):
    monkeypatch.setitem(MESSAGES, "report.only_english", {"en": "only in English"})
    with pytest.raises(AssertionError, match="report.only_english"):
        test_every_message_exists_in_every_language_with_the_same_fields()


def test_every_status_task_state_and_milestone_state_has_a_message():
    # group kinds are named by the plan (`group_kinds`), never by the catalogue
    ids = ([f"status.{s}" for s in Status] + [f"task.{c}" for c in TASK_COLUMNS]
           + [f"milestone.{m}" for m in ("done", "due", "overdue", "upcoming")])
    assert [i for i in ids if i not in MESSAGES] == []


def test_every_message_id_the_code_uses_is_in_the_catalogue():
    sources = [*(ROOT / "sciplan").rglob("*.py"), *(ROOT / "sciplan").rglob("*.j2")]
    used = set()
    for path in sources:
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\b(?:text|t)\(\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""", source))
    assert "report.title" in used  # the scan sees the report's own calls
    assert sorted(used - set(MESSAGES)) == []


def test_text_fills_fields_and_rejects_an_unknown_language():
    assert text("report.title", "en", year=2024) == "Progress report 2024"
    assert text("report.title", "zh", year=2024) == "2024年度实施进展报告"
    with pytest.raises(ValueError, match="unknown language"):
        text("report.title", "fr", year=2024)


@pytest.mark.parametrize(("environ", "lang"), [
    ({}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_TW.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL overrides LANG
    ({"LC_ALL": "", "LANG": "zh_CN.GB18030"}, "zh"),  # an empty variable does not count
])
def test_locale_language(environ, lang):
    assert locale_language(environ) == lang


# --- the report's data -------------------------------------------------------------------------------

def test_statuses_and_headline_counts_match_the_overview(data, overview):
    statuses = {i.id: i.status for i in data.indicators}
    assert {k: statuses[k] for k in EXPECTED_STATUS} == EXPECTED_STATUS
    assert [s for s, n in statuses.items() if s not in EXPECTED_STATUS and n is not Status.NO_DATA] == []
    assert list(data.counts) == list(HEADLINE_ORDER)
    assert {str(s): n for s, n in data.counts.items()} == overview.gap.counts()
    assert data.counts == {Status.ACHIEVED: 1, Status.ON_TRACK: 1, Status.NEEDS_ACCELERATION: 1,
                           Status.LIMITED_PROGRESS: 1, Status.DETERIORATION: 1, Status.NOT_ACHIEVED: 0,
                           Status.NO_DATA: 10,
                           Status.NO_BASELINE: 1}


def test_the_goal_comes_first_then_the_plan_order(data):
    plan = load_plan(PLAN)
    assert data.goal is not None and data.goal.id == "literacy-rate"
    assert [i.id for i in data.indicators] == [i.id for i in plan.targeted_indicators()]
    assert data.indicators[0] is data.goal
    worst = data.worst_first
    assert [worst[0].id, worst[-1].id] == ["science-volunteers", "youth-competition-participants"]


def test_chart_points_of_a_cumulative_target(data):
    farmers = next(i for i in data.indicators if i.id == "farmer-trainings")
    assert farmers.values == ((2021, 400.0), (2022, 300.0), (2024, 300.0))
    assert farmers.plotted == ((2021, 400.0), (2022, 700.0), (2024, 1000.0))  # 2023 missing: no point
    assert farmers.expected_path == ((2020, 0.0), (2025, 5000.0))  # from 0 at the start of 2021
    assert farmers.forecast == pytest.approx(1000 * 5 / 4)
    assert farmers.forecast_from == (2024, 1000.0)
    assert farmers.missing_years == (2023,)


def test_chart_points_of_levels_and_of_an_annual_target(data):
    by_id = {i.id: i for i in data.indicators}
    literacy = by_id["literacy-rate"]
    assert literacy.expected_path == ((2021, 10.0), (2025, 15.0))  # from the first reported year
    assert literacy.plotted == ((2021, 10.0), (2024, 13.0))
    assert literacy.forecast == pytest.approx(14.0)  # the line through (2021, 10) and (2024, 13)
    youth = by_id["youth-competition-participants"]
    assert youth.kind is Kind.ANNUAL and youth.target_year is None and youth.final_year == 2025
    assert youth.expected_path == tuple((y, 100.0) for y in range(2021, 2026))  # each year's own target
    assert youth.missed_years == (2023,)
    nothing = by_id["exhibition-area-per-10k"]
    assert nothing.status is Status.NO_DATA and nothing.plotted == () and nothing.expected_path == ()
    assert nothing.forecast_from is None


def test_plotted_values_keep_levels_and_sum_flows():
    assert plotted_values(Kind.LEVEL, {2022: 5.0, 2021: 3.0}) == ((2021, 3.0), (2022, 5.0))
    assert plotted_values(Kind.CUMULATIVE, {2023: 2.0, 2021: 1.0}) == ((2021, 1.0), (2023, 3.0))
    assert plotted_values(Kind.CUMULATIVE, {}) == ()


def test_expected_path_of_a_level_with_a_plan_baseline(overview):
    row = next(r for r in overview.gap.rows if r.indicator.id == "literacy-rate")
    from dataclasses import replace

    from sciplan.assessment import Baseline

    with_baseline = replace(row, assessment=replace(row.assessment, baseline=Baseline(2020, 9.0)))
    assert expected_path(with_baseline, overview.plan) == ((2020, 9.0), (2025, 15.0))


def test_task_tables_reporting_and_document_details(data):
    assert data.document_number == "晃政办发〔2022〕11号"
    assert (data.plan_version, data.made, data.year) == (1, MADE, 2024)
    assert [g.id for g in data.groups_of_kind("action")] == ["youth", "farmers", "workers", "elderly",
                                                            "officials"]
    assert [g.id for g in data.groups_of_kind("project")] == ["resources", "informatization",
                                                             "infrastructure", "capacity"]
    youth = next(g for g in data.groups if g.id == "youth")
    assert {t.id: t.status for t in youth.tasks}["youth.4"] == "done"
    assert youth.counts == {"done": 1, "in_progress": 0, "not_started": 0, "blocked": 0, "not_reported": 6}
    capacity = next(g for g in data.groups if g.id == "capacity")
    assert {t.id: t.status for t in capacity.tasks}["capacity.2"] == "blocked"
    sent = {u.id for u in data.reporting if u.submitted}
    assert sent == {"cast", "health", "agriculture", "edu"}
    assert data.reports_received == 4 and len(data.reporting) > 4
    league = next(u for u in data.reporting if u.id == "youth-league")
    assert league.name == "团县委" and "青少年科学素质提升行动" in league.owes_for and not league.submitted


# --- the HTML report ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def html_pages(tmp_path_factory) -> dict[str, str]:
    pytest.importorskip("jinja2")
    pytest.importorskip("matplotlib")
    from sciplan.render.html import render_report

    folder = write_progress(tmp_path_factory.mktemp("report") / "progress")
    data = build_report(fixture_overview(folder), MADE)
    return {lang: render_report(data, lang) for lang in LANGUAGES}


def test_a_plan_with_many_targets_charts_those_that_need_attention_most(monkeypatch, tmp_path):
    """Past MAX_CHARTS targets the report draws the goal and the worst first, and says so: a chart
    costs ~60 ms, and a plan of 10,000 indicators made a report of over five minutes."""
    pytest.importorskip("matplotlib")
    from sciplan.render import html

    monkeypatch.setattr(html, "MAX_CHARTS", 3)
    data = build_report(fixture_overview(write_progress(tmp_path / "progress")), MADE)
    page = dom(html.render_report(data, "en"))
    charted = [f.attrs["data-indicator"] for f in page.find_all("figure", cls="chart-figure")]
    worst = [r.id for r in data.worst_first if r.id != data.goal.id][:2]
    assert charted == [r.id for r in data.indicators if r.id in {data.goal.id, *worst}]
    more = len(data.indicators) - 3
    assert f"Charts of the 3 targets that need attention most; the other {more} are in the tables." \
        in page.content()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_has_a_chart_for_every_targeted_indicator(html_pages, lang):
    page = dom(html_pages[lang])
    plan = load_plan(PLAN)
    figures = page.find_all("figure", cls="chart-figure")
    assert [f.attrs["data-indicator"] for f in figures] == [i.id for i in plan.targeted_indicators()]
    for figure in figures:
        charts = figure.find_all("svg", cls="chart")
        assert len(charts) == 1, figure.attrs
        svg = charts[0]
        assert svg.attrs["id"] == f"chart-{figure.attrs['data-indicator']}"
        assert svg.attrs["role"] == "img" and svg.attrs["aria-label"]
        ticks = [t.content().strip() for t in svg.find_all("text")]
        assert "2025" in ticks and "2021" in ticks  # text kept as text, not glyph outlines
        assert f"s-{figure.attrs['data-status']}" in figure.classes()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_headline_counts_match_the_overview(html_pages, lang, overview):
    page = dom(html_pages[lang])
    cards = page.find_all("li", cls="card")
    shown = {c.attrs["data-status"]: int(c.find_all("span", cls="n")[0].content()) for c in cards}
    assert [c.attrs["data-status"] for c in cards] == [str(s) for s in HEADLINE_ORDER]
    assert shown == overview.gap.counts()
    goal = page.find_all(id="goal")[0]
    assert "公民具备科学素质的比例" in goal.content()
    assert text("status.needs_acceleration", lang) in goal.content()
    # The goal is the first thing in the summary, before the counts.
    summary = page.find_all("section", id="summary")[0]
    assert [n.attrs.get("id") for n in summary.children if n.attrs.get("id")] == ["goal", "counts"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_is_self_contained(html_pages, lang):
    html = html_pages[lang]
    for reference in ('src="http', "src='http", 'href="http', "href='http", "url(http", "@import"):
        assert reference not in html
    # Stronger: no URL at all (matplotlib's namespace and DTD URLs are stripped too), nothing to load.
    assert "http://" not in html and "https://" not in html
    page = dom(html)
    assert page.find_all("script") == [] and page.find_all("link") == [] and page.find_all("img") == []
    assert page.find_all("iframe") == [] and page.find_all("object") == []
    assert "url(" not in html.replace("url(#chart-", "")  # only references inside an SVG
    csp = page.find_all("meta", http_equiv="Content-Security-Policy")
    assert csp and csp[0].attrs["content"].startswith("default-src 'none'")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_ids_are_unique_and_svg_references_resolve(html_pages, lang):
    page = dom(html_pages[lang])
    ids = [n.attrs["id"] for n in page.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    references = set(re.findall(r'(?:xlink:href="#|url\(#)([^")]+)', html_pages[lang]))
    assert references and references <= set(ids)


def test_html_charts_keep_text_as_text_in_the_page_fonts(html_pages):
    html = html_pages["zh"]
    svg = html[html.index("<svg id=\"chart-"):]
    assert "<text" in svg
    assert "font-family" not in re.sub(r"<style>.*?</style>", "", svg, flags=re.S)  # the page's fonts apply
    assert "DejaVuSans-" not in svg  # no glyph outlines


def _ticks(svg: str) -> list[str]:
    return [t.content().strip() for t in dom(svg).find_all("text")]


def test_chart_axes_cover_the_whole_path(data):
    pytest.importorskip("matplotlib")
    from dataclasses import replace

    from sciplan.render.charts import chart_svg, value_range

    by_id = {i.id: i for i in data.indicators}
    cumulative = _ticks(chart_svg(by_id["farmer-trainings"], 2024, 2021, "c1", "farmers"))
    assert cumulative[:6] == ["2020", "2021", "2022", "2023", "2024", "2025"]  # the path starts at 0 in 2020
    old_baseline = replace(by_id["literacy-rate"], expected_path=((2019, 8.0), (2025, 15.0)))
    assert _ticks(chart_svg(old_baseline, 2024, 2021, "c2", "literacy"))[0] == "2019"
    level = _ticks(chart_svg(by_id["literacy-rate"], 2024, 2021, "c3", "literacy"))
    assert level[:5] == ["2021", "2022", "2023", "2024", "2025"] and "15%" in level
    assert value_range(by_id["farmer-trainings"]) == (0.0, pytest.approx(5000 * 1.12))
    falling = replace(by_id["science-volunteers"], forecast=-40.0)
    assert value_range(falling)[0] == pytest.approx(-44.8)  # the axis reaches a forecast below zero


def test_html_is_reproducible(html_pages, overview):
    from sciplan.render.html import render_report

    assert render_report(build_report(overview, MADE), "zh") == html_pages["zh"]


def test_html_print_stylesheet_gives_a4_pages(html_pages):
    style = dom(html_pages["en"]).find_all("style")[0].content()
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", style)
    print_rules = style[style.index("@media print"):]
    assert "break-inside: avoid" in print_rules and "background: transparent" in print_rules


def test_html_in_chinese(html_pages):
    page = dom(html_pages["zh"])
    assert page.find_all("html")[0].attrs["lang"] == "zh-CN"
    assert page.find_all("h1")[0].content() == "2024年度实施进展报告"
    body = page.content()
    for words in ("总体情况", "总目标", "提升行动", "重点工程", "评估方法", "2024年度报送情况", "出现倒退",
                  "晃政办发〔2022〕11号", "2025-01-20", "培训农民", "团县委", "未报送"):
        assert words in body, words
    assert "Farmers trained" not in body and "Summary" not in body


def test_html_in_english_keeps_the_chinese_names_and_adds_the_english(html_pages):
    page = dom(html_pages["en"])
    assert page.find_all("html")[0].attrs["lang"] == "en"
    body = page.content()
    for words in ("Progress report 2024", "Summary", "Overall goal", "Enhancement actions", "Key projects",
                  "Method", "deteriorating", "Plan version", "2025-01-20",
                  "培训农民", "Farmers trained", "团县委", "County Committee of the Communist Youth League",
                  "青少年科学素质提升行动", "Youth science literacy enhancement action"):
        assert words in body, words
    assert "总体情况" not in body


def test_html_task_tables_and_reporting(html_pages):
    page = dom(html_pages["en"])
    tables = {t.attrs["data-group"]: t for t in page.find_all("table", cls="group-tasks")}
    assert list(tables) == ["youth", "farmers", "workers", "elderly", "officials", "resources",
                            "informatization", "infrastructure", "capacity"]
    rows = {r.attrs["data-task"]: r.attrs["data-status"] for r in tables["youth"].find_all("tr")
            if "data-task" in r.attrs}
    assert rows["youth.4"] == "done" and rows["youth.1"] == "not_reported"
    missing = [r.attrs["data-unit"] for r in page.find_all("tr", cls="missing")]
    assert "youth-league" in missing and "cast" not in missing


# --- the Markdown report -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_markdown_has_the_same_content_as_tables(data, lang):
    from sciplan.render.report_markdown import render_report

    md = render_report(data, lang)
    assert md.startswith(f"# {text('report.title', lang, year=2024)}\n")
    assert "<svg" not in md and "http" not in md
    for status, count in data.counts.items():
        assert f"| {text(f'status.{status}', lang)} | {count} |" in md
    for indicator in data.indicators:
        assert indicator.name in md
    farmers_row = next(line for line in md.splitlines()
                       if line.startswith("| 培训农民") and "| 人次 |" in line)
    assert "| 400 | 300 | - | 300 |" in farmers_row  # the yearly values behind the chart, 2023 missing
    assert "晃政办发〔2022〕11号" in md and "2025-01-20" in md
    assert "#### 青少年科学素质提升行动" in md
    assert f"| 4. 实施科技创新后备人才培育计划 | {text('task.done', lang)} |" in md
    assert f"**{text('report.not_received', lang)}**" in md
    assert text("report.method", lang) in md and "0.95" in md


def test_markdown_in_english_adds_english_names(data):
    from sciplan.render.report_markdown import render_report

    md = render_report(data, "en")
    assert "培训农民 (Farmers trained)" in md and "## Reports received for 2024" in md
    assert "4 of " in md


# --- the command -------------------------------------------------------------------------------------

def test_report_command_writes_html_atomically_and_refuses_to_overwrite(cli, progress, tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "out" / "report.html"
    code, stdout, err = cli("report", "--year", "2024", "--plan", PLAN, "--progress", progress, "-o", out,
                            "--lang", "en")
    assert (code, stdout) == (0, "") and f"wrote {out}" in err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.count('<svg id="chart-') == 16
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]  # no temporary file left behind
    out.write_text("keep me", encoding="utf-8")
    # Markdown from here on: the same writing path, without drawing the charts again.
    again = ("report", "--year", "2024", "--format", "markdown", "--plan", PLAN, "--progress", progress,
             "-o", out)
    code, _, err = cli(*again)
    assert code == 2 and "already exists; pass --force" in err
    assert out.read_text(encoding="utf-8") == "keep me"
    code, _, _ = cli(*again, "--force")
    assert code == 0 and out.read_text(encoding="utf-8").startswith("# ")


def test_report_command_markdown_to_stdout_in_the_locale_language(cli, progress, monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = cli("report", "--year", "2024", "--format", "markdown", "--plan", PLAN, "--progress",
                       progress)
    assert code == 0 and out.startswith("# 2024年度实施进展报告\n")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    code, out, _ = cli("report", "--year", "2024", "--format", "markdown", "--plan", PLAN, "--progress",
                       progress)
    assert code == 0 and out.startswith("# Progress report 2024\n")
    code, out, _ = cli("report", "--year", "2024", "--format", "markdown", "--lang", "zh", "--plan", PLAN,
                       "--progress", progress)
    assert code == 0 and out.startswith("# 2024年度实施进展报告\n")


def test_report_command_dates_the_report_today_or_source_date_epoch(cli, progress, monkeypatch):
    args = ("report", "--year", "2024", "--format", "markdown", "--lang", "en", "--plan", PLAN, "--progress",
            progress)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    code, out, _ = cli(*args)
    assert code == 0 and f"Report made: {dt.date.today().isoformat()}" in out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01T00:00:00Z
    code, out, _ = cli(*args)
    assert code == 0 and "Report made: 2025-01-01" in out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, out, err = cli(*args)
    assert (code, out) == (2, "") and "Error: SOURCE_DATE_EPOCH='yesterday' is not a number" in err


@pytest.mark.parametrize("missing", ["jinja2", "matplotlib"])
def test_report_command_without_the_report_extra(cli, progress, monkeypatch, missing):
    # As if the package were not installed: importing it raises ImportError.
    monkeypatch.setitem(sys.modules, missing, None)
    for module in ("sciplan.render.html", "sciplan.render.charts"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    code, out, err = cli("report", "--year", "2024", "--lang", "en", "--plan", PLAN, "--progress", progress)
    assert (code, out) == (2, "")
    assert err == "Error: the report needs the report extra: pip install 'sciplan[report]'\n"
    code, _, err = cli("report", "--year", "2024", "--lang", "zh", "--plan", PLAN, "--progress", progress)
    assert code == 2 and "pip install 'sciplan[report]'" in err and "扩展" in err
    # Markdown needs neither jinja2 nor matplotlib.
    code, out, _ = cli("report", "--year", "2024", "--format", "markdown", "--lang", "en", "--plan", PLAN,
                       "--progress", progress)
    assert code == 0 and out.startswith("# Progress report 2024")


def test_report_counts_only_entries_without_errors_and_says_so(cli, progress):
    broken = progress / "2024" / "hrss.yaml"
    broken.write_text(HEADER + "unit: 县人社局\nperiod: 2024\nvalues:\n"
                      "  - {indicator: skilled-worker-trainings, value: lots}\n", encoding="utf-8")
    code, out, err = cli("report", "--year", "2024", "--format", "markdown", "--lang", "en", "--plan", PLAN,
                         "--progress", progress)
    assert code == 0
    assert "> The 9 progress files have 1 error(s): entries with errors are not counted." in out
    assert err.startswith("warning: 1 error")
    assert "| 培训技能劳动者 (Skilled workers trained) | ≥ 2,000 人次 every year | 2,000 | - |" in out


def test_report_command_rejects_a_year_outside_the_plan(cli, progress):
    code, out, err = cli("report", "--year", "2026", "--format", "markdown", "--plan", PLAN, "--progress",
                         progress)
    assert (code, out) == (2, "") and "Error: --year 2026 is outside the plan period 2021-2025" in err


def test_other_commands_do_not_import_matplotlib_or_jinja2():
    import subprocess

    probe = ("import sys; from sciplan.cli import main; main(['status', '--format', 'json']); "
             "sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('matplotlib', 'jinja2'))))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                            encoding="utf-8", check=True)
    assert result.stderr.strip().endswith("[]")


@pytest.mark.parametrize("fmt", ["html", "markdown"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_report_on_the_shipped_sample(cli, fmt, lang, tmp_path):
    if fmt == "html":
        pytest.importorskip("matplotlib")
    out = tmp_path / f"report.{lang}.{fmt}"
    code, _, err = cli("report", "--year", "2024", "--format", fmt, "--lang", lang, "-o", out, cwd=ROOT)
    assert code == 0, err
    assert "warning" not in err
    content = out.read_text(encoding="utf-8")
    assert text("report.title", lang, year=2024) in content


# --- the committed examples are what sciplan makes today ---------------------------------------------

SVG_ELEMENT = re.compile(r"<svg id=\"chart-[^\"]+\".*?</svg>", re.S)


def _example_date(content: str) -> dt.date:
    found = re.search(r"(?:Report made|报告日期)\D*(\d{4}-\d{2}-\d{2})", content)
    assert found, "no report date in the example"
    return dt.date.fromisoformat(found.group(1))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_committed_examples_are_current(lang):
    """docs/examples/ is regenerated on purpose (docs/examples/make.sh); this fails when it goes stale.

    Charts are compared by presence only: their SVG details follow the matplotlib version installed.
    """
    plan = load_plan(PLAN)
    validation = validate_paths(plan, [ROOT / "data" / "progress"])
    overview = status_overview(plan, 2024, validation.submissions, validation.values, validation.tasks,
                               validation.milestones)
    overview.files, overview.errors = validation.report.files, validation.report.errors
    from sciplan.render.report_markdown import render_report as markdown

    source = DataSource("data/plan.yaml", "data/progress", sample=True)  # make.sh runs in the repository root
    md_path = EXAMPLES / f"report-2024.{lang}.md"
    committed = md_path.read_text(encoding="utf-8")
    data = build_report(overview, _example_date(committed), source)
    assert committed == markdown(data, lang), f"{md_path} is stale: run docs/examples/make.sh"
    pytest.importorskip("matplotlib")
    from sciplan.render.html import render_report as html

    html_path = EXAMPLES / f"report-2024.{lang}.html"
    committed = html_path.read_text(encoding="utf-8")
    fresh = html(build_report(overview, _example_date(committed), source), lang)
    assert SVG_ELEMENT.sub("<svg/>", committed) == SVG_ELEMENT.sub("<svg/>", fresh), \
        f"{html_path} is stale: run docs/examples/make.sh"
    assert (EXAMPLES / "report-2024.zh.png").stat().st_size > 10_000


def _final_example():
    import importlib.util

    spec = importlib.util.spec_from_file_location("final_example", EXAMPLES / "final_example.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lang", LANGUAGES)
def test_committed_final_evaluation_examples_are_current(lang):
    """docs/examples/final-2025.*: the sample plus the invented 2025 reports, made by final_example.py."""
    example = _final_example()
    from sciplan.render.report_markdown import render_report as markdown

    md_path = EXAMPLES / f"final-2025.{lang}.md"
    committed = md_path.read_text(encoding="utf-8")
    data = example.final_report(_example_date(committed))
    assert data.final is not None and data.sample
    assert committed == markdown(data, lang), f"{md_path} is stale: run docs/examples/make.sh"
    pytest.importorskip("matplotlib")
    from sciplan.render.html import render_report as html

    html_path = EXAMPLES / f"final-2025.{lang}.html"
    committed = html_path.read_text(encoding="utf-8")
    fresh = html(example.final_report(_example_date(committed)), lang)
    assert SVG_ELEMENT.sub("<svg/>", committed) == SVG_ELEMENT.sub("<svg/>", fresh), \
        f"{html_path} is stale: run docs/examples/make.sh"
