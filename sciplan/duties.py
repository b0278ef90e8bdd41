"""What each unit owes, as plain data: the groups it leads or joins, the indicators it reports, and,
from validated records, which reports arrived, the unit's own figures and what it has not reported.

`duty(plan, unit, year)` is the one rule of what a unit owes for a year and what it may report
besides: the form (`templates`), the workbook import, `sciplan unit`, `sciplan missing` and the
status's missing reports all ask it. Extend the rule there (for example when a task names its own
responsible units, or a target is broken down by unit) and every one of them follows.

Built from the plan and the records of `validation.validate_paths`; the renderers in `render/units.py`
and `render/json.py` turn these values into text and JSON. Nothing here formats or prints. It sits
beside `templates` and `workbook` (layer 5) because the forms ask it what to ask for.
"""

from __future__ import annotations

from dataclasses import dataclass

from .domain import Kind
from .ledger import flow_series, level_series
from .plan import Group, Indicator, Milestone, Plan, Task, Unit
from .progress import MilestoneRecord, Submission, TaskRecord, TaskStatus, ValueRecord
from .sources import DataSource, with_source


@dataclass(frozen=True)
class TaskSlotDuty:
    """A task on a unit's form: its group, the unit's role there, and whether a status is owed."""

    task: Task
    group: Group
    role: str  # lead | participating
    owed: bool


@dataclass(frozen=True)
class Duty:
    """What one unit owes for one year (`owed_*`, `milestones`) and what it may report besides
    (`optional_*`): left out, an optional entry means "not reported", never a zero nor a finding."""

    unit: Unit
    year: int
    owed_indicators: tuple[Indicator, ...]
    optional_indicators: tuple[Indicator, ...]
    tasks: tuple[TaskSlotDuty, ...]  # owed first, in the plan's order
    milestones: tuple[Milestone, ...]  # due by `year`; always owed

    @property
    def owed_tasks(self) -> tuple[TaskSlotDuty, ...]:
        return tuple(t for t in self.tasks if t.owed)

    @property
    def optional_tasks(self) -> tuple[TaskSlotDuty, ...]:
        return tuple(t for t in self.tasks if not t.owed)

    @property
    def owes(self) -> bool:
        """It owes a report for the year: some figure, task status or milestone is required of it."""
        return bool(self.owed_indicators or self.owed_tasks or self.milestones)

    @property
    def asks_anything(self) -> bool:
        return self.owes or bool(self.optional_indicators or self.optional_tasks)

    def owed_ids(self) -> set[str]:
        """The ids of every entry the form requires (indicators, tasks, milestones)."""
        return ({i.id for i in self.owed_indicators} | {t.task.id for t in self.owed_tasks}
                | {m.id for m in self.milestones})


def duty(plan: Plan, unit: Unit, year: int) -> Duty:
    """The rule of what `unit` owes for `year`, and what it may report besides.

    Owed: the indicators whose `reported_by` names the unit, or whose `breakdown` gives it a share; a
    status for every task it leads (its group's, or the task's own responsibility); the schedule
    milestones it reports (`Plan.milestone_reporters`) due by `year` - those of an office placed at
    another unit are its host's.
    Optional: the flows reported by a group it leads or joins (`reported_by: group`) and the tasks it
    joins. Computed ratios are reported by nobody.
    """
    owed, optional = [], []
    for indicator in plan.indicators:
        if indicator.kind is Kind.RATIO or unit.id not in plan.reporters(indicator):
            continue
        named = isinstance(indicator.reported_by, list) or (
            indicator.breakdown is not None and unit.id in indicator.breakdown.units)
        (owed if named else optional).append(indicator)
    tasks = []
    for group, role in plan.groups_of_unit(unit.id):
        for task in group.tasks:
            if unit.id not in group.task_units(task):  # a task with its own responsibility, not this unit's
                continue
            if task.responsibility is not None:  # the task's own line decides the unit's role in it
                role = "lead" if unit.id in task.responsibility.lead else "participating"
            tasks.append(TaskSlotDuty(task, group, role, role == "lead"))
    tasks.sort(key=lambda t: not t.owed)  # stable: the plan's order within each part
    # An office placed at another unit reports its milestones through its host, which owes them.
    milestones = () if unit.hosted_by else tuple(
        m for m in plan.milestones if m.year <= year and unit.id in plan.milestone_reporters(m))
    return Duty(unit, year, tuple(owed), tuple(optional), tuple(tasks), milestones)


def units_owing(plan: Plan, year: int | None = None) -> list[Unit]:
    """The units that owe a report for `year` (default: the plan's last year), in the plan's order."""
    year = plan.period.end if year is None else year
    return [u for u in plan.units if duty(plan, u, year).owes]


@dataclass(frozen=True)
class UnitSummary:
    """One line of `sciplan units`."""

    unit: Unit
    leads: list[Group]
    joins: list[Group]
    indicators: list[Indicator]
    owes_report: bool  # owes something for the year (`duty`; without a year, by the plan's end)
    year: int | None
    reported: bool | None  # a valid report for `year` arrived; None when no year was asked for

    def as_dict(self) -> dict:
        return {
            "id": self.unit.id,
            "name": self.unit.name,
            "name_en": self.unit.label_en,
            "aliases": list(self.unit.aliases),
            "leads": [g.id for g in self.leads],
            "joins": [g.id for g in self.joins],
            "indicators": [i.id for i in self.indicators],
            "owes_report": self.owes_report,
            "year": self.year,
            "reported": self.reported,
        }


def unit_summaries(plan: Plan, year: int | None = None,
                   submissions: list[Submission] | None = None) -> list[UnitSummary]:
    """Every unit of the plan, in the plan's order; with a year, whether its report for it arrived."""
    owing = {u.id for u in units_owing(plan, year)}
    arrived = {s.unit for s in submissions or [] if s.year == year}
    out = []
    for unit in plan.units:
        groups = plan.groups_of_unit(unit.id)
        out.append(UnitSummary(
            unit=unit,
            leads=[g for g, role in groups if role == "lead"],
            joins=[g for g, role in groups if role == "participating"],
            indicators=plan.indicators_of_unit(unit.id),
            owes_report=unit.id in owing,
            year=year,
            reported=None if year is None else unit.id in arrived,
        ))
    return out


@dataclass(frozen=True)
class UnitRoster:
    """Everything `sciplan units` shows: every unit's duties and (with a year) whether its report arrived."""

    plan: Plan
    year: int | None
    units: list[UnitSummary]
    source: DataSource | None = None

    def as_dict(self) -> dict:
        return with_source({"plan": self.plan.id, "plan_version": self.plan.version, "year": self.year,
                            "units": [s.as_dict() for s in self.units]}, self.source)


@dataclass(frozen=True)
class TaskDuty:
    task: Task
    group: Group
    role: str  # lead | participating
    reported_years: tuple[int, ...]  # years this unit reported on the task, up to the view's year
    owed: bool = True  # a status is required of it (`duty`); False: it may report one


@dataclass(frozen=True)
class IndicatorDuty:
    indicator: Indicator
    figures: dict[int, float]  # year -> the unit's own figure (all its townships together)
    by_area: dict[str, dict[int, float]]  # township id or "county" -> year -> figure as reported
    owed: bool = True  # required of the unit (`duty`); False: it may report it


@dataclass(frozen=True)
class UnitDetail:
    """Everything `sciplan unit NAME` shows: one unit's obligations and what it has reported so far."""

    plan: Plan
    unit: Unit
    year: int  # figures and reports are counted up to and including this year
    tasks: list[TaskDuty]
    indicators: list[IndicatorDuty]
    milestones: list[Milestone]
    owes_report: bool
    submitted_years: tuple[int, ...]
    missing_years: tuple[int, ...]  # years up to `year` without a valid report (only if it owes one)
    files: tuple[str, ...]  # its progress files, for reference
    source: DataSource | None = None  # the inputs, named in every format; None: not known

    @property
    def unreported_tasks(self) -> list[TaskDuty]:
        """The tasks it owes a status for and never reported on (an optional one left out is no gap)."""
        return [t for t in self.tasks if t.owed and not t.reported_years]

    def as_dict(self) -> dict:
        return with_source({
            "plan": self.plan.id,
            "plan_version": self.plan.version,
            "year": self.year,
            "unit": {"id": self.unit.id, "name": self.unit.name, "name_en": self.unit.label_en,
                     "aliases": list(self.unit.aliases), "hosted_by": self.unit.hosted_by},
            "owes_report": self.owes_report,
            "groups": [{"id": g.id, "title": g.title, "role": role}
                       for g, role in self.plan.groups_of_unit(self.unit.id)],
            "tasks": [{"id": t.task.id, "title": t.task.title, "group": t.group.id, "role": t.role,
                       "owed": t.owed, "reported_years": list(t.reported_years)} for t in self.tasks],
            "indicators": [{
                "id": d.indicator.id, "name": d.indicator.name, "measure": d.indicator.measure,
                "owed": d.owed,
                "kind": str(d.indicator.kind), "comparator": d.indicator.comparator,
                "target": d.indicator.target, "target_year": d.indicator.target_year,
                "figures": {str(y): v for y, v in d.figures.items()},
                "by_area": {a: {str(y): v for y, v in s.items()} for a, s in d.by_area.items()},
            } for d in self.indicators],
            "milestones": [{"id": m.id, "year": m.year, "text": m.text} for m in self.milestones],
            "unreported_tasks": [t.task.id for t in self.unreported_tasks],
            "submitted_years": list(self.submitted_years),
            "missing_years": list(self.missing_years),
            "files": list(self.files),
        }, self.source)


def unit_detail(plan: Plan, unit: Unit, year: int, submissions: list[Submission], values: list[ValueRecord],
                tasks: list[TaskRecord]) -> UnitDetail:
    """One unit's duties for `year` (`duty`: owed first, optional after), with its validated records for
    the plan start up to `year`."""
    in_view = range(plan.period.start, year + 1)
    own_values = [v for v in values if v.unit == unit.id and v.year in in_view]
    own_tasks = [t for t in tasks if t.unit == unit.id and t.year in in_view]
    own_submissions = [s for s in submissions if s.unit == unit.id and s.year in in_view]
    rule = duty(plan, unit, year)

    task_duties = []
    for slot in rule.tasks:
        years = sorted({t.year for t in own_tasks if t.task == slot.task.id})
        task_duties.append(TaskDuty(slot.task, slot.group, slot.role, tuple(years), slot.owed))

    indicator_duties = []
    owed_ids = {i.id for i in rule.owed_indicators}
    for indicator in (*rule.owed_indicators, *rule.optional_indicators):
        records = [v for v in own_values if v.indicator == indicator.id]
        if indicator.is_flow:
            figures = flow_series(records)
        else:
            figures = level_series(records, additive=bool(indicator.additive))
        by_area: dict[str, dict[int, float]] = {}
        for rec in sorted(records, key=lambda r: (r.year, r.area or "")):
            by_area.setdefault(rec.area or "county", {})[rec.year] = rec.value
        indicator_duties.append(IndicatorDuty(indicator, figures, by_area, indicator.id in owed_ids))

    submitted = tuple(sorted({s.year for s in own_submissions}))
    owed_years = [y for y in in_view if duty(plan, unit, y).owes]
    missing = tuple(y for y in owed_years if y not in submitted)
    milestones = [m for m in plan.milestones if unit.id in plan.milestone_reporters(m)]
    files = tuple(sorted({s.file for s in own_submissions}))
    return UnitDetail(plan, unit, year, task_duties, indicator_duties, milestones, bool(owed_years),
                      submitted, missing, files)


# --- who still owes: `sciplan missing` ------------------------------------------------------------

@dataclass(frozen=True)
class UnitOwing:
    """One unit's outstanding part of a year's round: what it owes (`duty`) and has not sent."""

    unit: Unit
    report_missing: bool  # no report from it for the year at all
    indicators: tuple[Indicator, ...]
    tasks: tuple[TaskSlotDuty, ...]
    milestones: tuple[Milestone, ...]
    contact: str | None  # from its latest report that names one
    last_report: int | None  # the latest year it reported, any year of the period

    def as_dict(self) -> dict:
        return {
            "id": self.unit.id, "name": self.unit.name, "name_en": self.unit.label_en,
            "contact": self.contact, "last_report": self.last_report, "report_missing": self.report_missing,
            "values": [{"id": i.id, "name": i.name, "measure": i.measure} for i in self.indicators],
            "tasks": [{"id": t.task.id, "title": t.task.title, "group": t.group.id} for t in self.tasks],
            "milestones": [{"id": m.id, "year": m.year, "text": m.text} for m in self.milestones],
        }


@dataclass(frozen=True)
class MissingList:
    """Everything `sciplan missing` shows: per unit that still owes something for `year`, what."""

    plan: Plan
    year: int
    owing: int  # units that owe something for the year
    units: list[UnitOwing]
    source: DataSource | None = None

    def as_dict(self) -> dict:
        return with_source({"plan": self.plan.id, "plan_version": self.plan.version, "year": self.year,
                            "owing": self.owing, "complete": self.owing - len(self.units),
                            "units": [u.as_dict() for u in self.units]}, self.source)


def missing_list(plan: Plan, year: int, submissions: list[Submission], values: list[ValueRecord],
                 tasks: list[TaskRecord], milestones: list[MilestoneRecord]) -> MissingList:
    """Per unit, in the plan's order, what `duty` says it owes for `year` and its accepted records do
    not hold: a value of the year for each owed indicator, a status of the year for each task it
    leads, a report on each milestone due by then (one reported done in an earlier year is settled)."""
    sent_values = {(v.unit, v.indicator) for v in values if v.year == year}
    sent_tasks = {(t.unit, t.task) for t in tasks if t.year == year}
    sent_milestones = {(m.unit, m.milestone) for m in milestones
                       if m.year == year or (m.year < year and m.status is TaskStatus.DONE)}
    out, owing = [], 0
    for unit in plan.units:
        rule = duty(plan, unit, year)
        if not rule.owes:
            continue
        owing += 1
        own = sorted((s for s in submissions if s.unit == unit.id), key=lambda s: (s.year, s.file))
        entry = UnitOwing(
            unit=unit,
            report_missing=not any(s.year == year for s in own),
            indicators=tuple(i for i in rule.owed_indicators if (unit.id, i.id) not in sent_values),
            tasks=tuple(t for t in rule.owed_tasks if (unit.id, t.task.id) not in sent_tasks),
            milestones=tuple(m for m in rule.milestones if (unit.id, m.id) not in sent_milestones),
            contact=next((s.contact for s in reversed(own) if s.contact), None),
            last_report=own[-1].year if own else None,
        )
        if entry.report_missing or entry.indicators or entry.tasks or entry.milestones:
            out.append(entry)
    return MissingList(plan, year, owing, out)
