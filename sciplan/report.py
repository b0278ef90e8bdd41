"""The yearly report as plain data, built from the status overview: what county leaders read.

Headline counts (the overall goal first), the numbers behind one chart per targeted indicator, the
task tables of the enhancement actions and key projects, who has reported, and the method in a
paragraph. The renderers (`render/html.py`, `render/report_markdown.py`) lay this out; nothing here
knows HTML or Markdown, and the date the report was made is passed in, so the same inputs always
give the same report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .assessment import STATUS_ORDER, Kind, Status, expected_points
from .i18n import text
from .overview import TASK_COLUMNS, GapRow, StatusOverview, part_name, parts_behind, target_of, task_status
from .plan import Plan
from .progress import Submission, TaskRecord, TaskStatus, ValueRecord
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
    part: str | None = None  # the area or unit whose share of the target this is; None: the whole
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
    parts_behind: tuple[IndicatorReport, ...] = ()  # shares of areas and units that are behind, worst first
    final: FinalEvaluation | None = None  # the period's last year: the final evaluation's own parts

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


def expected_path(row: GapRow, plan: Plan) -> tuple[Point, ...]:
    """The path a target's chart draws, by year-end: straight through the points of the assessment
    (`assessment.expected_points`), so it bends at the plan's own yearly figures (`by_year`) and runs
    down for a falling target.

    cumulative: from 0 at the start of the period (the end of the year before S) to T in E;
    annual: each year's own target; level and ratio: from the baseline used (plan's, or the first
    reported year) to T in E, and nothing when there is no baseline to start from.
    """
    return expected_points(target_of(plan, row.indicator), row.assessment.baseline)


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
        expected_path=expected_path(row, plan),
        forecast_from=plotted[-1] if plotted and a.forecast is not None else None,
        part=part_name(plan, row.part) if row.part is not None else None,
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
        parts_behind=tuple(indicator_report(row, plan) for row in parts_behind(overview.gap)),
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


# --- the final evaluation: the report for the plan period's last year ---------------------------------

# Every target is met or missed once the period is over: no forecast, no "on track".
FINAL_VERDICTS: tuple[Status, ...] = (Status.ACHIEVED, Status.NOT_ACHIEVED, Status.NO_DATA)
# Where a task stands at the end: what its last reports say, in three parts.
FINAL_TASK_COLUMNS = ("done", "in_progress", "not_started")
_FINAL_TASK_PART = {"done": "done", "in_progress": "in_progress", "blocked": "in_progress",
                    "not_started": "not_started", "not_reported": "not_started"}


@dataclass(frozen=True)
class TaskOutcome:
    """A task at the end of the period, from the last year anyone reported on it."""

    id: str
    number: int
    title: str
    part: str  # one of FINAL_TASK_COLUMNS
    status: str  # as last reported, one of overview.TASK_COLUMNS
    year: int | None  # the last year reported on; None: never
    evidence: tuple[tuple[str, str], ...]  # (unit name, what it reported) for that year


@dataclass(frozen=True)
class GroupOutcome:
    id: str
    kind: str
    number: int
    title: str
    title_en: str
    lead: tuple[str, ...]  # unit names
    counts: dict[str, int]  # FINAL_TASK_COLUMNS -> number of tasks
    tasks: tuple[TaskOutcome, ...]


@dataclass(frozen=True)
class UnitRecord:
    """One unit over the whole period: the years it owed a report and how each was met, what it gave."""

    id: str
    name: str
    name_en: str
    owed_years: tuple[int, ...]
    on_time: tuple[int, ...]  # its report for the year is dated by the end of the year after
    late: tuple[int, ...]  # dated later than that
    undated: tuple[int, ...]  # received, without a `submitted` date
    missing: tuple[int, ...]  # owed and never received
    figures: int  # accepted figures it reported over the period
    tasks_done: int  # tasks it reported done


@dataclass(frozen=True)
class FinalEvaluation:
    groups: tuple[GroupOutcome, ...]
    units: tuple[UnitRecord, ...]

    def groups_of_kind(self, kind: str) -> list[GroupOutcome]:
        return [g for g in self.groups if g.kind == kind]


def final_verdict(status: Status) -> Status:
    """A target's status at the end of the period, achieved or not: an annual target judged on the
    last year whose ratio still says 'on track' has not met that year's figure."""
    return status if status in FINAL_VERDICTS else Status.NOT_ACHIEVED


def on_time_by(year: int) -> dt.date:
    """When the report for `year` is due: the plan sets no date, so by the end of the year after."""
    return dt.date(year + 1, 12, 31)


def final_evaluation(data: ReportData, plan: Plan, submissions: list[Submission], values: list[ValueRecord],
                     tasks: list[TaskRecord], owed_years: dict[str, tuple[int, ...]]) -> ReportData:
    """The report for the period's last year made into the final evaluation: every target achieved
    or not (no forecasts), every task where its last reports leave it with their evidence, and each
    unit's record over the period. `owed_years`: unit id -> the years it owed a report (`duties`)."""
    indicators = tuple(replace(i, status=final_verdict(i.status), forecast=None, forecast_meets_target=None,
                               forecast_from=None) for i in data.indicators)
    goal = next((i for i in indicators if data.goal is not None and i.id == data.goal.id), None)
    counts = {s: sum(1 for i in indicators if i.status is s) for s in HEADLINE_ORDER}
    in_period = [t for t in tasks if plan.period.start <= t.year <= data.year]
    names = {u.id: u.name for u in plan.units}
    groups = []
    for group in plan.groups:
        outcomes = []
        for task in group.tasks:
            reports = [r for r in in_period if r.task == task.id]
            last = max((r.year for r in reports), default=None)
            latest = [r for r in reports if r.year == last]
            status = task_status(latest)
            evidence = tuple((names.get(r.unit, r.unit), r.evidence) for r in
                             sorted(latest, key=lambda r: (r.unit, r.area or "")) if r.evidence)
            outcomes.append(TaskOutcome(task.id, task.number, task.title, _FINAL_TASK_PART[status], status,
                                        last, evidence))
        lead = tuple(names.get(u, u) for u in group.lead)
        counts_g = {c: sum(1 for o in outcomes if o.part == c) for c in FINAL_TASK_COLUMNS}
        groups.append(GroupOutcome(group.id, group.kind, group.number, group.title, group.label_en, lead,
                                   counts_g, tuple(outcomes)))
    units = []
    for unit in plan.units:
        own = [s for s in submissions if s.unit == unit.id and plan.period.start <= s.year <= data.year]
        owed = owed_years.get(unit.id, ())
        if not owed and not own:
            continue
        on_time, late, undated = [], [], []
        for year in sorted({s.year for s in own}):
            dates = [s.submitted for s in own if s.year == year and s.submitted is not None]
            if not dates:
                undated.append(year)
            else:
                (on_time if max(dates) <= on_time_by(year) else late).append(year)
        received = {s.year for s in own}
        figures = sum(1 for v in values if v.unit == unit.id and plan.period.start <= v.year <= data.year)
        done = len({t.task for t in in_period if t.unit == unit.id and t.status is TaskStatus.DONE})
        units.append(UnitRecord(unit.id, unit.name, unit.label_en, owed, tuple(on_time), tuple(late),
                                tuple(undated), tuple(y for y in owed if y not in received), figures, done))
    return replace(data, indicators=indicators, goal=goal, counts=counts,
                   final=FinalEvaluation(tuple(groups), tuple(units)))


def final_method_paragraph(data: ReportData, lang: str) -> str:
    return text("final.method_text", lang, start=data.start_year, end=data.end_year)
