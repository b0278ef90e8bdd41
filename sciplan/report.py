"""The yearly report as plain data, built from the status overview: what county leaders read.

Headline counts (the overall goal first), the numbers behind one chart per targeted indicator, the
task tables of the enhancement actions and key projects, who has reported, and the method in a
paragraph. The renderers (`render/html.py`, `render/report_markdown.py`) lay this out; nothing here
knows HTML or Markdown, and the date the report was made is passed in, so the same inputs always
give the same report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .assessment import STATUS_ORDER, Kind, Status
from .i18n import text
from .overview import TASK_COLUMNS, GapRow, StatusOverview
from .plan import Plan
from .sources import DataSource

# Good news first in the headline: achieved, on track, ... deteriorating, not achieved, no data.
HEADLINE_ORDER: tuple[Status, ...] = (
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.NEEDS_ACCELERATION,
    Status.LIMITED_PROGRESS,
    Status.DETERIORATION,
    Status.NOT_ACHIEVED,
    Status.NO_DATA,
    Status.NO_BASELINE,
)
GROUP_KINDS = ("action", "project")

Point = tuple[int, float]


@dataclass(frozen=True)
class IndicatorReport:
    """One targeted indicator: its assessment and the points its chart draws."""

    id: str
    name: str
    name_en: str
    measure: str
    kind: Kind
    comparator: str
    target: float
    target_text: str | None  # the target as the plan file writes it, when known
    target_year: int | None  # None for annual targets
    final_year: int  # E: the target year, or the plan's last year for annual targets
    group_title: str | None  # None for the overall goal
    status: Status
    expected: float | None
    actual: float | None
    gap: float | None
    ratio: float | None
    forecast: float | None
    forecast_meets_target: bool | None
    missing_years: tuple[int, ...]
    missed_years: tuple[int, ...]
    values: tuple[Point, ...]  # the county's yearly values, S..Y
    plotted: tuple[Point, ...]  # what the chart draws: the running total for cumulative targets
    expected_path: tuple[Point, ...]  # the straight line to the target; empty when it has no start
    forecast_from: Point | None  # the last plotted point, where the forecast line starts
    forecast_short: float | None = None  # how far the forecast misses the target (assessment.forecast_short)
    at_risk: bool = False  # on track or needing acceleration, yet the forecast misses the target
    pro_rata: bool = False  # a whole-number indicator whose expected figure is a fraction
    whole: bool = False  # a whole-number (count) indicator


@dataclass(frozen=True)
class TaskLine:
    id: str
    number: int
    title: str
    status: str  # one of overview.TASK_COLUMNS


@dataclass(frozen=True)
class GroupSection:
    id: str
    kind: str  # action | project
    number: int
    title: str
    title_en: str
    lead: tuple[str, ...]  # unit names
    counts: dict[str, int]  # TASK_COLUMNS -> number of tasks
    tasks: tuple[TaskLine, ...]


@dataclass(frozen=True)
class MilestoneLine:
    year: int
    text: str
    state: str  # done | due | overdue | upcoming


@dataclass(frozen=True)
class UnitLine:
    id: str
    name: str
    name_en: str
    owes_for: tuple[str, ...]  # group titles it leads, indicator names it reports
    submitted: bool


@dataclass(frozen=True)
class KindLine:
    """One kind of group as the plan names it (its `group_kinds`)."""

    id: str
    name: str
    name_en: str

    def label(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name


@dataclass(frozen=True)
class ReportData:
    plan_id: str
    title: str
    title_en: str
    document_number: str
    plan_version: int
    start_year: int
    end_year: int
    year: int
    made: dt.date
    thresholds: tuple[float, float, float]  # on_track, needs_acceleration, limited_progress
    files: int
    errors: int
    goal: IndicatorReport | None
    counts: dict[Status, int]  # in HEADLINE_ORDER
    indicators: tuple[IndicatorReport, ...]  # the goal first, then in the plan's order
    groups: tuple[GroupSection, ...]
    milestones: tuple[MilestoneLine, ...]
    reporting: tuple[UnitLine, ...]
    source: DataSource | None = None  # the plan file and progress folder read; None: not known
    kinds: tuple[KindLine, ...] = ()  # the plan's group kinds, in its order

    @property
    def sample(self) -> bool:
        """Made from the invented sample shipped with sciplan: every page says so."""
        return self.source is not None and self.source.sample

    @property
    def worst_first(self) -> list[IndicatorReport]:
        return sorted(self.indicators, key=lambda r: (STATUS_ORDER.index(r.status), r.id))

    @property
    def at_risk(self) -> list[IndicatorReport]:
        """On track or needing acceleration, yet at the pace so far short of the target."""
        return [r for r in self.worst_first if r.at_risk]

    @property
    def years(self) -> range:
        return range(self.start_year, self.year + 1)

    def groups_of_kind(self, kind: str) -> list[GroupSection]:
        return [g for g in self.groups if g.kind == kind]

    @property
    def reports_received(self) -> int:
        return sum(1 for u in self.reporting if u.submitted)


def expected_path(row: GapRow, start: int, final_year: int) -> tuple[Point, ...]:
    """The straight line a target's chart draws, by year-end.

    cumulative: from 0 at the start of the period (the end of the year before S) to T in E;
    annual: T in every year of the plan; level and ratio: from the baseline used (plan's, or the
    first reported year) to T in E, and nothing when there is no baseline to start from.
    """
    indicator, target = row.indicator, float(row.indicator.target)  # type: ignore[arg-type]
    if indicator.kind is Kind.CUMULATIVE:
        return ((start - 1, 0.0), (final_year, target))
    if indicator.kind is Kind.ANNUAL:
        return ((start, target), (final_year, target))
    baseline = row.assessment.baseline
    if baseline is None:
        return ()
    return ((baseline.year, baseline.value), (final_year, target))


def plotted_values(kind: Kind, values: dict[int, float]) -> tuple[Point, ...]:
    """What the chart draws for the reported values: the running total for cumulative targets.

    A year without a report adds nothing to the running total and gets no point of its own, so a
    missing year shows as a gap in the markers rather than as a zero.
    """
    if kind is not Kind.CUMULATIVE:
        return tuple(sorted(values.items()))
    total, points = 0.0, []
    for year in sorted(values):
        total += values[year]
        points.append((year, total))
    return tuple(points)


def indicator_report(row: GapRow, plan: Plan) -> IndicatorReport:
    indicator, a = row.indicator, row.assessment
    final_year = indicator.target_year or plan.period.end
    plotted = plotted_values(indicator.kind, row.series)
    return IndicatorReport(
        id=indicator.id,
        name=indicator.name,
        name_en=indicator.label_en,
        measure=indicator.measure,
        kind=indicator.kind,
        comparator=indicator.comparator or ">=",
        target=float(indicator.target),  # type: ignore[arg-type]
        target_text=indicator.target_text,
        target_year=indicator.target_year,
        final_year=final_year,
        group_title=row.group.title if row.group else None,
        status=a.status,
        expected=a.expected,
        actual=a.actual,
        gap=a.gap,
        ratio=a.ratio,
        forecast=a.forecast,
        forecast_meets_target=a.forecast_meets_target,
        missing_years=a.missing_years,
        missed_years=a.missed_years,
        values=tuple(sorted(row.series.items())),
        plotted=plotted,
        expected_path=expected_path(row, plan.period.start, final_year),
        forecast_from=plotted[-1] if plotted and a.forecast is not None else None,
        forecast_short=a.forecast_short,
        at_risk=a.at_risk,
        pro_rata=row.pro_rata,
        whole=str(indicator.value_type) == "count",
    )


def build_report(overview: StatusOverview, made: dt.date, source: DataSource | None = None) -> ReportData:
    """Everything the report shows for `overview.year`; `made` is the date printed on it, `source` the
    plan file and progress folder it was made from (named in its header)."""
    plan = overview.plan
    rows = {r.indicator.id: r for r in overview.gap.rows}
    goal = plan.goal_indicator
    order = ([goal] if goal else []) + [i.id for i in plan.targeted_indicators() if i.id != goal]
    indicators = tuple(indicator_report(rows[i], plan) for i in order if i in rows)
    counts = overview.gap.counts()
    groups = []
    for g in overview.groups:
        tasks = tuple(TaskLine(t.id, t.number, t.title, g.tasks[t.id]) for t in g.group.tasks)
        lead = tuple(plan.unit(u).name for u in g.group.lead)  # type: ignore[union-attr]
        groups.append(GroupSection(g.group.id, g.group.kind, g.group.number, g.group.title, g.group.label_en,
                                   lead, {c: g.counts[c] for c in TASK_COLUMNS}, tasks))
    reporting = []
    for due in overview.reporting:
        unit = plan.unit(due.unit_id)
        reasons = tuple(_reason_name(plan, reason) for reason in due.reasons)
        name, name_en = (unit.name, unit.label_en) if unit else (due.unit_id, "")
        reporting.append(UnitLine(due.unit_id, name, name_en, reasons, due.submitted))
    t = plan.assessment.thresholds
    return ReportData(
        plan_id=plan.id,
        title=plan.title,
        title_en=plan.label_en,
        document_number=plan.reference,
        plan_version=plan.version,
        start_year=plan.period.start,
        end_year=plan.period.end,
        year=overview.year,
        made=made,
        thresholds=(t.on_track, t.needs_acceleration, t.limited_progress),
        files=overview.files,
        errors=overview.errors,
        goal=next((r for r in indicators if r.id == goal), None) if goal else None,
        kinds=tuple(KindLine(k.id, k.name, k.label("en")) for k in plan.group_kinds),
        counts={s: counts[str(s)] for s in HEADLINE_ORDER},
        indicators=indicators,
        groups=tuple(groups),
        milestones=tuple(MilestoneLine(m.milestone.year_due, m.milestone.text, m.state)
                         for m in overview.milestones),
        reporting=tuple(reporting),
        source=source,
    )


def _reason_name(plan: Plan, reason: str) -> str:
    group = plan.group(reason)
    if group is not None:
        return group.title
    indicator = plan.indicator(reason)
    return indicator.name if indicator else reason


def method_paragraph(data: ReportData, lang: str) -> str:
    """How the statuses were worked out, in a paragraph, with the plan's own thresholds."""
    on_track, needs, limited = data.thresholds
    return text("report.method_text", lang, year=data.year, start=data.start_year, end=data.end_year,
                on_track=f"{on_track:g}", needs_acceleration=f"{needs:g}", limited_progress=f"{limited:g}")
