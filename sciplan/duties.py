"""What each unit owes, as plain data: the groups it leads or joins, the indicators it reports, and,
from validated records, which reports arrived, the unit's own figures and what it has not reported.

Built from the plan and the records of `validation.validate_paths`; the renderers in `render/units.py`
and `render/json.py` turn these values into text and JSON. Nothing here formats or prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ledger import flow_series, level_series
from .overview import units_owing
from .plan import Group, Indicator, Milestone, Plan, Task, Unit
from .progress import Submission, TaskRecord, ValueRecord
from .sources import DataSource, with_source


@dataclass(frozen=True)
class UnitSummary:
    """One line of `sciplan units`."""

    unit: Unit
    leads: list[Group]
    joins: list[Group]
    indicators: list[Indicator]
    owes_report: bool  # leads a group or is named to report an indicator (overview.units_owing)
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
    owing = units_owing(plan)
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


@dataclass(frozen=True)
class IndicatorDuty:
    indicator: Indicator
    figures: dict[int, float]  # year -> the unit's own figure (all its townships together)
    by_area: dict[str, dict[int, float]]  # township id or "county" -> year -> figure as reported


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
        return [t for t in self.tasks if not t.reported_years]

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
                       "reported_years": list(t.reported_years)} for t in self.tasks],
            "indicators": [{
                "id": d.indicator.id, "name": d.indicator.name, "measure": d.indicator.measure,
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
    """One unit's duties, with its validated records for the plan start up to `year`."""
    in_view = range(plan.period.start, year + 1)
    own_values = [v for v in values if v.unit == unit.id and v.year in in_view]
    own_tasks = [t for t in tasks if t.unit == unit.id and t.year in in_view]
    own_submissions = [s for s in submissions if s.unit == unit.id and s.year in in_view]

    task_duties = []
    for group, role in plan.groups_of_unit(unit.id):
        for task in group.tasks:
            if unit.id not in group.task_units(task):  # a task with its own responsibility, not this unit's
                continue
            years = sorted({t.year for t in own_tasks if t.task == task.id})
            task_duties.append(TaskDuty(task, group, role, tuple(years)))

    indicator_duties = []
    for indicator in plan.indicators_of_unit(unit.id):
        records = [v for v in own_values if v.indicator == indicator.id]
        if indicator.is_flow:
            figures = flow_series(records)
        else:
            figures = level_series(records, additive=bool(indicator.additive))
        by_area: dict[str, dict[int, float]] = {}
        for rec in sorted(records, key=lambda r: (r.year, r.area or "")):
            by_area.setdefault(rec.area or "county", {})[rec.year] = rec.value
        indicator_duties.append(IndicatorDuty(indicator, figures, by_area))

    submitted = tuple(sorted({s.year for s in own_submissions}))
    owes = unit.id in units_owing(plan)
    missing = tuple(y for y in in_view if y not in submitted) if owes else ()
    milestones = [m for m in plan.milestones if unit.id in plan.milestone_reporters(m)]
    files = tuple(sorted({s.file for s in own_submissions}))
    return UnitDetail(plan, unit, year, task_duties, indicator_duties, milestones, owes, submitted, missing,
                      files)
