"""The county-level picture for a year, as plain data: the gap table and the status overview.

Built from the plan and validated records; renderers turn these values into text, JSON, Markdown
or CSV. Nothing here formats numbers or knows about terminals.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from .assessment import (
    STATUS_ORDER,
    Assessment,
    Baseline,
    Comparator,
    Status,
    Target,
    Thresholds,
    assess,
    assessed_year,
    part_target,
)
from .i18n import text
from .ledger import Ledger
from .plan import Group, Indicator, Milestone, Plan, ValueType
from .progress import MilestoneRecord, Submission, TaskRecord, TaskStatus, ValueRecord
from .sources import DataSource, with_source

GROUP_BY = ("indicator", "group", "unit", "area")


@dataclass(frozen=True)
class PartRow:
    """One part of a breakdown (an area or a unit) assessed on its own values."""

    by: str  # "area" or "unit"
    id: str
    target: float
    assessment: Assessment
    series: dict[int, float]

    @property
    def status(self) -> Status:
        return self.assessment.status

    def as_dict(self) -> dict:
        a = self.assessment
        return {self.by: self.id, "target": self.target, "expected": a.expected, "actual": a.actual,
                "gap": a.gap, "ratio": a.ratio, "status": str(a.status), "forecast": a.forecast,
                "forecast_meets_target": a.forecast_meets_target, "missing_years": list(a.missing_years),
                "missed_years": list(a.missed_years)}


@dataclass(frozen=True)
class GapRow:
    indicator: Indicator
    group: Group | None  # None for the overall goal
    assessment: Assessment
    series: dict[int, float]  # the county's values for S..Y
    year: int  # the year assessed: Y, or the target year when the target fell due before Y
    parts: tuple[PartRow, ...] = ()  # the breakdown's parts, areas first, in the plan's order
    part: PartRow | None = None  # set on a row that shows one part's share (see `share_row`)

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def pro_rata(self) -> bool:
        """The expected figure of a whole-number indicator is a fraction (2.4 places): a pro-rata
        share of the target by now, not a count anyone could reach."""
        expected = self.assessment.expected
        return (self.indicator.value_type is ValueType.COUNT and expected is not None
                and not float(expected).is_integer())

    def as_dict(self) -> dict:
        ind, a = self.indicator, self.assessment
        return {
            "id": ind.id,
            "name": ind.name,
            "name_en": ind.label_en,
            "measure": ind.measure,
            "group": self.group.id if self.group else self.indicator.task,
            "task": ind.task,
            "kind": str(ind.kind),
            "comparator": ind.comparator,
            "target": ind.target,
            "target_year": ind.target_year,
            "baseline": {"year": a.baseline.year, "value": a.baseline.value} if a.baseline else None,
            "expected": a.expected,
            "actual": a.actual,
            "gap": a.gap,
            "ratio": a.ratio,
            "status": str(a.status),
            "forecast": a.forecast,
            "forecast_meets_target": a.forecast_meets_target,
            "forecast_short": a.forecast_short,
            "at_risk": a.at_risk,
            "expected_pro_rata": self.pro_rata,
            "missing_years": list(a.missing_years),
            "missed_years": list(a.missed_years),
            "assessed_year": self.year,
            "values": {str(y): v for y, v in self.series.items()},
            **({"parts": [p.as_dict() for p in self.parts]} if self.indicator.breakdown is not None else {}),
        }


@dataclass(frozen=True)
class GapTable:
    plan: Plan
    year: int
    rows: list[GapRow]
    source: DataSource | None = None  # the inputs, named in every format; None: not known

    def as_dict(self) -> dict:
        return with_source({
            "plan": self.plan.id,
            "plan_version": self.plan.version,
            "year": self.year,
            "indicators": [row.as_dict() for row in self.rows],
        }, self.source)

    def at_risk(self) -> list[GapRow]:
        """Rows on track (or needing acceleration) whose forecast still misses the target."""
        return [r for r in self.rows if r.assessment.at_risk]

    def counts(self) -> dict[str, int]:
        counter = Counter(str(r.status) for r in self.rows)
        return {str(s): counter.get(str(s), 0) for s in STATUS_ORDER}


def target_of(plan: Plan, indicator: Indicator) -> Target:
    baseline = indicator.baseline
    return Target(
        kind=indicator.kind,
        comparator=Comparator(indicator.comparator),
        value=float(indicator.target),  # type: ignore[arg-type]
        target_year=indicator.target_year,
        start_year=plan.period.start,
        end_year=plan.period.end,
        baseline=Baseline(baseline.year, baseline.value) if baseline else None,
        by_year=tuple(sorted(indicator.by_year.items())),
    )


def thresholds_of(plan: Plan) -> Thresholds:
    t = plan.assessment.thresholds
    return Thresholds(t.on_track, t.needs_acceleration, t.limited_progress)


def check_year(plan: Plan, year: int) -> None:
    """YearOutsidePeriod (a ValueError) unless `year` lies inside the plan period."""
    plan.period.check_year(year)


def _parts(ledger: Ledger, indicator: Indicator, target: Target, year: int, at: int,
           thresholds: Thresholds) -> tuple[PartRow, ...]:
    """Each part of the indicator's breakdown assessed like the whole, on its own values."""
    if indicator.breakdown is None:
        return ()
    out = []
    for by, shares in (("area", indicator.breakdown.areas), ("unit", indicator.breakdown.units)):
        for part_id, value in shares.items():
            whole = ledger.part_series(indicator, **{by: part_id})
            series = {y: v for y, v in whole.items() if ledger.plan.period.start <= y <= at}
            a = assess(part_target(target, value), series, year, thresholds)
            out.append(PartRow(by, part_id, value, a, series))
    return tuple(out)


def share_row(row: GapRow, part: PartRow) -> GapRow:
    """The row of one part's share, shaped like a whole row so every layout shows it alike: the
    indicator carries the part's target (no `by_year`, baseline or breakdown of the whole), the
    figures are the part's own. Only the layouts of `gap --by area|unit` and the lists of parts
    behind show these rows; JSON keeps them in `parts`."""
    shared = row.indicator.model_copy(update={"target": part.target, "by_year": {}, "baseline": None,
                                              "breakdown": None})
    shared.keep_written_target(None)
    return replace(row, indicator=shared, assessment=part.assessment, series=part.series, parts=(), part=part)


BEHIND = frozenset({Status.NOT_ACHIEVED, Status.DETERIORATION, Status.LIMITED_PROGRESS,
                    Status.NEEDS_ACCELERATION})


def parts_behind(table: GapTable) -> list[GapRow]:
    """The shares of parts that are behind (needing acceleration or worse), worst first."""
    rows = [share_row(row, part) for row in table.rows for part in row.parts if part.status in BEHIND]
    return sorted(rows, key=lambda r: STATUS_ORDER.index(r.status))


def part_name(plan: Plan, part: PartRow, lang: str = "zh") -> str:
    """The name of the area or unit a part is, in `lang` (the plan's English name in English)."""
    found = plan.area(part.id) if part.by == "area" else plan.unit(part.id)
    return found.label(lang) if found is not None else part.id


def gap_table(plan: Plan, values: list[ValueRecord], year: int) -> GapTable:
    """Every indicator with a target, assessed for `year`, worst first."""
    check_year(plan, year)
    ledger = Ledger(plan, values)
    thresholds = thresholds_of(plan)
    rows = []
    for indicator in plan.targeted_indicators():
        target = target_of(plan, indicator)
        # A target due by Y is judged at its own deadline (met or missed): later figures say nothing
        # about whether it was met on time.
        at = assessed_year(target, year)
        series = {y: v for y, v in ledger.series(indicator).items() if plan.period.start <= y <= at}
        a = assess(target, series, year, thresholds)
        parts = _parts(ledger, indicator, target, year, at, thresholds)
        rows.append(GapRow(indicator, plan.group_of_indicator(indicator), a, series, at, parts))
    rows.sort(key=lambda r: (STATUS_ORDER.index(r.status), r.indicator.id))
    return GapTable(plan, year, rows)


def filter_rows(table: GapTable, statuses: set[str] | None) -> GapTable:
    if not statuses:
        return table
    return replace(table, rows=[r for r in table.rows if str(r.status) in statuses])


def grouped(table: GapTable, by: str, lang: str = "zh") -> list[tuple[str, list[GapRow]]]:
    """Rows under headings: one heading per group (by=group); per lead unit, each followed by the
    shares the breakdowns give that unit (by=unit); the whole (the plan's word for it, in `lang`),
    then one heading per area with the shares it is given (by=area)."""
    plan = table.plan
    if by == "indicator":
        return [("", table.rows)]
    sections: dict[str, list[GapRow]] = {}
    if by == "area":
        for row in table.rows:
            for part in row.parts:
                if part.by == "area":
                    sections.setdefault(part_name(plan, part, lang), []).append(share_row(row, part))
        areas = [(a.label(lang), sections[a.label(lang)]) for a in plan.areas if a.label(lang) in sections]
        return [(plan.whole(lang) or "", table.rows), *areas]
    if by == "group":
        goal = plan.goal_title or plan.goal_id or ""  # its heading without the outline number
        if lang == "en":
            goal = text("screen.goal", lang)
        order = [goal] + [g.label(lang) for g in plan.groups]
        for row in table.rows:
            sections.setdefault(row.group.label(lang) if row.group else goal, []).append(row)
        return [(name, sections[name]) for name in order if name in sections]
    if by == "unit":
        order = [u.label(lang) for u in plan.units]
        for row in table.rows:
            task = plan.task(row.indicator.task)
            owner = task.responsibility if task is not None else None
            leads = (owner.lead if owner else row.group.lead) if row.group else plan.reporters(row.indicator)
            for unit_id in leads:
                sections.setdefault(plan.unit(unit_id).label(lang), []).append(row)  # type: ignore[union-attr]
        for row in table.rows:
            for part in row.parts:
                if part.by == "unit":
                    sections.setdefault(part_name(plan, part, lang), []).append(share_row(row, part))
        return [(name, sections[name]) for name in order if name in sections]
    raise ValueError(f"unknown grouping {by!r}; choose one of {', '.join(GROUP_BY)}")


# --- the status overview --------------------------------------------------------------------------

TASK_COLUMNS = ("done", "in_progress", "not_started", "blocked", "not_reported")


def task_status(reports: list[TaskRecord]) -> str:
    """One status for a task from all units' reports for the year.

    Any blocked report makes it blocked; done only when every report says done; in progress
    when any work is reported; not started otherwise.
    """
    if not reports:
        return "not_reported"
    statuses = {r.status for r in reports}
    if TaskStatus.BLOCKED in statuses:
        return "blocked"
    if statuses == {TaskStatus.DONE}:
        return "done"
    if statuses & {TaskStatus.DONE, TaskStatus.IN_PROGRESS}:
        return "in_progress"
    return "not_started"


@dataclass(frozen=True)
class GroupTasks:
    group: Group
    counts: dict[str, int]
    tasks: dict[str, str]  # task id -> combined status


@dataclass(frozen=True)
class MilestoneState:
    milestone: Milestone
    state: str  # done | due | overdue | upcoming
    status: str | None  # the latest reported status, if any
    reported: MilestoneRecord | None


@dataclass(frozen=True)
class UnitDue:
    unit_id: str
    reasons: tuple[str, ...]  # group ids it leads, indicator ids it reports
    submitted: bool


@dataclass
class StatusOverview:
    plan: Plan
    year: int
    gap: GapTable
    groups: list[GroupTasks]
    milestones: list[MilestoneState]
    reporting: list[UnitDue]
    files: int = 0
    errors: int = 0
    warnings: int = 0
    notes: list[str] = field(default_factory=list)
    source: DataSource | None = None  # the inputs, named in every format; None: not known

    @property
    def goal_row(self) -> GapRow | None:
        return next((r for r in self.gap.rows if r.indicator.id == self.plan.goal_indicator), None)

    @property
    def missing_reports(self) -> list[UnitDue]:
        return [u for u in self.reporting if not u.submitted]

    def as_dict(self) -> dict:
        goal = self.goal_row
        return with_source({
            "plan": self.plan.id,
            "plan_version": self.plan.version,
            "year": self.year,
            "validation": {"files": self.files, "errors": self.errors, "warnings": self.warnings},
            "goal": goal.as_dict() if goal else None,
            "counts": self.gap.counts(),
            "at_risk": [r.indicator.id for r in self.gap.at_risk()],
            "indicators": [r.as_dict() for r in self.gap.rows],
            "tasks": [{"group": g.group.id, "title": g.group.title, **g.counts, "by_task": g.tasks}
                      for g in self.groups],
            "milestones": [{"id": m.milestone.id, "year": m.milestone.year, "text": m.milestone.text,
                            "state": m.state, "status": m.status} for m in self.milestones],
            "reporting": {
                "owed": [u.unit_id for u in self.reporting],
                "submitted": [u.unit_id for u in self.reporting if u.submitted],
                "missing": [u.unit_id for u in self.missing_reports],
            },
        }, self.source)


def latest_year(plan: Plan, submissions: list[Submission], values: list[ValueRecord]) -> int:
    years = [s.year for s in submissions] + [v.year for v in values]
    years = [y for y in years if plan.period.start <= y <= plan.period.end]
    return max(years) if years else plan.period.start


def units_owing(plan: Plan) -> dict[str, list[str]]:
    """Units that owe a yearly report: they lead a group, or are named to report an indicator."""
    owed: dict[str, list[str]] = {}
    for group in plan.groups:
        for unit_id in group.lead:
            owed.setdefault(unit_id, []).append(group.id)
    for indicator in plan.indicators:
        if isinstance(indicator.reported_by, list):
            for unit_id in indicator.reported_by:
                owed.setdefault(unit_id, []).append(indicator.id)
    order = {u.id: n for n, u in enumerate(plan.units)}
    return dict(sorted(owed.items(), key=lambda kv: order.get(kv[0], 0)))


def status_overview(plan: Plan, year: int, submissions: list[Submission], values: list[ValueRecord],
                    tasks: list[TaskRecord], milestones: list[MilestoneRecord]) -> StatusOverview:
    check_year(plan, year)
    gap = gap_table(plan, values, year)
    groups = []
    for group in plan.groups:
        states = {t.id: task_status([r for r in tasks if r.task == t.id and r.year == year])
                  for t in group.tasks}
        counter = Counter(states.values())
        groups.append(GroupTasks(group, {c: counter.get(c, 0) for c in TASK_COLUMNS}, states))
    milestone_states = []
    for milestone in plan.milestones:
        reports = sorted((r for r in milestones if r.milestone == milestone.id and r.year <= year),
                         key=lambda r: r.year)
        latest = reports[-1] if reports else None
        if latest is not None and latest.status is TaskStatus.DONE:
            state = "done"
        elif milestone.year < year:
            state = "overdue"
        elif milestone.year == year:
            state = "due"
        else:
            state = "upcoming"
        milestone_states.append(MilestoneState(milestone, state, str(latest.status) if latest else None,
                                               latest))
    submitted = {s.unit for s in submissions if s.year == year}
    reporting = [UnitDue(unit_id, tuple(reasons), unit_id in submitted)
                 for unit_id, reasons in units_owing(plan).items()]
    return StatusOverview(plan, year, gap, groups, milestone_states, reporting)
