"""The plan document as pydantic models, with the look-ups every other stage needs.

No I/O here: `validation.load_plan` reads the file and turns model errors into located findings.
Referential integrity (every unit, task and indicator a plan names exists) is checked by
`integrity_problems`, which returns (path, code, message) triples so the caller can locate them and
word them (the message is an i18n.Message: an id and its fields).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from .domain import FLOW_KINDS, Kind
from .findings import C002, C003, C004, C005, C006, C007, Code
from .i18n import Message


class ValueType(StrEnum):
    COUNT = "count"  # whole numbers: people, times, places, items
    PERCENT = "percent"  # 0-100
    QUANTITY = "quantity"  # any non-negative number (areas, ratios)


class _Model(BaseModel):
    # .nan and .inf are no figures: a plan with one would make every later computation undefined.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Baseline(_Model):
    year: int
    value: float
    source: str = Field(min_length=1)


class RatioInputs(_Model):
    numerator: str
    denominator: str
    denominator_scale: float = Field(default=1, gt=0)  # 10000 for "per 10,000 people"


class Indicator(_Model):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str
    name_en: str
    measure: str
    kind: Kind
    value_type: ValueType
    comparator: Literal[">", ">="] | None = None
    target: float | None = None
    target_year: int | None = None
    task: str  # a task id, or the goal's id for the overall goal
    reported_by: Literal["group"] | list[str]
    baseline: Baseline | None = None
    source_text: str
    additive: bool | None = None  # levels: can township figures be summed into a county figure?
    role: Literal["input"] | None = None  # feeds a ratio; has no target of its own
    ratio: RatioInputs | None = None
    # The target as the plan file writes it ('15', '3.0'), set by whoever loads the file; not a key.
    _target_text: str | None = PrivateAttr(default=None)

    @property
    def target_text(self) -> str | None:
        return self._target_text

    def keep_written_target(self, text: str | None) -> None:
        self._target_text = text

    @property
    def has_target(self) -> bool:
        return self.target is not None

    @property
    def is_flow(self) -> bool:
        return self.kind in FLOW_KINDS


class Responsibility(_Model):
    text: str
    lead: list[str] = Field(min_length=1)
    participating: list[str] = []


class Task(_Model):
    id: str = Field(pattern=r"^[a-z]+\.[1-9][0-9]*$")
    number: int
    title: str
    text: str


class Group(_Model):
    id: str = Field(pattern=r"^[a-z]+$")
    kind: Literal["action", "project"]
    number: int
    heading: str
    title: str
    title_en: str
    aim: str
    responsibility: Responsibility
    tasks: list[Task] = Field(min_length=1)

    @property
    def units(self) -> list[str]:
        return [*self.responsibility.lead, *self.responsibility.participating]


class Unit(_Model):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str
    name_en: str
    aliases: list[str] = []
    hosted_by: str | None = None  # an office placed at another unit (领导小组办公室 at 县科协)


class Township(_Model):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    name_en: str


class Milestone(_Model):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    year: int
    responsible: list[str] = []  # empty where the document names no unit
    text: str


class Goal(_Model):
    id: str
    heading: str
    text: str
    indicator: str
    aims: list[str] = []


class Period(_Model):
    start: int
    end: int

    def years(self) -> range:
        return range(self.start, self.end + 1)

    def check_year(self, year: int) -> int:
        """`year` when it lies inside the period; YearOutsidePeriod otherwise."""
        if not self.start <= year <= self.end:
            raise YearOutsidePeriod(year, self.start, self.end)
        return year


class YearOutsidePeriod(ValueError):
    """A year asked for lies outside the plan period: sciplan cannot answer for it."""

    def __init__(self, year: int, start: int, end: int) -> None:
        super().__init__(f"year {year} is outside the plan period {start}-{end}")
        self.year, self.start, self.end = year, start, end


class DocumentInfo(_Model):
    number: str
    issuer: str
    issued: dt.date
    notice_title: str
    addressees: str
    notice: str
    copied_to: list[str] = []


class BasedOn(_Model):
    title: str
    number: str | None = None


class Thresholds(_Model):
    on_track: float = 0.95
    needs_acceleration: float = 0.6
    limited_progress: float = 0.0


class AssessmentSettings(_Model):
    method: Literal["straight-line"] = "straight-line"
    thresholds: Thresholds = Thresholds()


class ImplementationSection(_Model):
    id: str
    heading: str
    items: list[str]


class Plan(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    schema_version: Literal[1]
    id: str
    version: int = Field(ge=1)
    title: str
    title_en: str
    document: DocumentInfo
    period: Period
    based_on: list[BasedOn]
    preamble: str
    guiding_ideology: str
    goal: Goal
    assessment: AssessmentSettings = AssessmentSettings()
    actions_intro: str
    projects_intro: str
    groups: list[Group]
    indicators: list[Indicator]
    units: list[Unit]
    townships: list[Township]
    milestones: list[Milestone] = []
    implementation: list[ImplementationSection] = []
    # The unit that coordinates the plan and reports schedule items the document assigns to no one
    # (四（一）1: 县科协发挥县全民科学素质工作领导小组办公室的综合协调作用).
    coordinator: str

    def model_post_init(self, __context: object) -> None:
        # The look-up tables go straight into the instance dict: pydantic's private attributes are read
        # through __getattr__, which costs more than the look-up itself on every value validated.
        unit_keys: dict[str, str] = {}
        for unit in self.units:
            for key in (unit.id, unit.name, *unit.aliases):
                unit_keys.setdefault(key, unit.id)
        townships: dict[str, str] = {}
        for township in self.townships:
            townships.setdefault(township.id, township.id)
            townships.setdefault(township.name, township.id)
        tables = {
            "_units": {u.id: u for u in self.units},
            "_unit_keys": unit_keys,
            "_tasks": {t.id: (g, t) for g in self.groups for t in g.tasks},
            "_indicators": {i.id: i for i in self.indicators},
            "_townships": townships,
            "_file": None,
        }
        for name, table in tables.items():
            object.__setattr__(self, name, table)

    @property
    def file(self) -> str | None:
        """The plan file as shown to the reader, set by whoever loaded it (`keep_file`); not a key."""
        return self._file

    def keep_file(self, shown: str) -> None:
        object.__setattr__(self, "_file", shown)

    # --- look-ups -------------------------------------------------------------------------------
    def unit(self, key: str) -> Unit | None:
        """A unit by id, full name or alias."""
        unit_id = self._unit_keys.get(key.strip())
        return self._units[unit_id] if unit_id else None

    def unit_keys(self) -> list[str]:
        return list(self._unit_keys)

    def township(self, key: str) -> Township | None:
        township_id = self._townships.get(key.strip())
        return next((t for t in self.townships if t.id == township_id), None)

    def township_keys(self) -> list[str]:
        return list(self._townships)

    def task(self, task_id: str) -> Task | None:
        found = self._tasks.get(task_id)
        return found[1] if found else None

    def group_of_task(self, task_id: str) -> Group | None:
        found = self._tasks.get(task_id)
        return found[0] if found else None

    def group(self, group_id: str) -> Group | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return self._indicators.get(indicator_id)

    def milestone(self, milestone_id: str) -> Milestone | None:
        return next((m for m in self.milestones if m.id == milestone_id), None)

    def group_of_indicator(self, indicator: Indicator) -> Group | None:
        return self.group_of_task(indicator.task)

    def reporters(self, indicator: Indicator) -> list[str]:
        """Unit ids that may report this indicator; empty for computed ratios."""
        if indicator.kind is Kind.RATIO:
            return []
        if indicator.reported_by == "group":
            group = self.group_of_indicator(indicator)
            return group.units if group else []
        return list(indicator.reported_by)

    def groups_of_unit(self, unit_id: str) -> list[tuple[Group, str]]:
        """(group, role) for every group the unit leads ('lead') or joins ('participating')."""
        out = []
        for group in self.groups:
            if unit_id in group.responsibility.lead:
                out.append((group, "lead"))
            elif unit_id in group.responsibility.participating:
                out.append((group, "participating"))
        return out

    def indicators_of_unit(self, unit_id: str) -> list[Indicator]:
        return [i for i in self.indicators if unit_id in self.reporters(i)]

    def milestone_reporters(self, milestone: Milestone) -> list[str]:
        """Units that report a schedule item: those it names, else the coordinator; an office placed at
        another unit (领导小组办公室 at 县科协) reports through its host."""
        units = list(milestone.responsible) or [self.coordinator]
        hosts = [self._units[u].hosted_by for u in units if u in self._units and self._units[u].hosted_by]
        return [*units, *(h for h in hosts if h)]

    def ratio_inputs(self) -> set[str]:
        return {i.id for i in self.indicators if i.role == "input"}

    def targeted_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators if i.has_target]


def integrity_problems(plan: Plan) -> list[tuple[tuple[str | int, ...], Code, Message]]:
    """Everything a well-formed plan must satisfy beyond its field types, as (path, code, message):
    the message an i18n.Message, worded in the language of whoever reads it."""
    problems: list[tuple[tuple[str | int, ...], Code, Message]] = []

    def unique(items: list, section: str, label: str) -> None:
        seen: dict[str, int] = {}
        for n, item in enumerate(items):
            if item.id in seen:
                name = Message(f"finding.plan.label.{label}")
                problems.append(((section, n, "id"), C002,
                                 C002.message("id_twice", label=name, id=item.id,
                                              first=f"{section}[{seen[item.id]}]")))
            seen.setdefault(item.id, n)

    unique(plan.groups, "groups", "group")
    unique(plan.indicators, "indicators", "indicator")
    unique(plan.units, "units", "unit")
    unique(plan.townships, "townships", "township")
    unique(plan.milestones, "milestones", "milestone")
    task_seen: set[str] = set()
    for g, group in enumerate(plan.groups):
        for t, task in enumerate(group.tasks):
            if task.id in task_seen:
                problems.append((("groups", g, "tasks", t, "id"), C002,
                                 C002.message("task_twice", id=task.id)))
            task_seen.add(task.id)
            if task.id != f"{group.id}.{task.number}":
                problems.append((("groups", g, "tasks", t, "id"), C002,
                                 C002.message("task_number", id=task.id,
                                              expected=f"{group.id}.{task.number}")))

    unit_ids = {u.id for u in plan.units}
    if plan.coordinator not in unit_ids:
        problems.append((("coordinator",), C003, Message("finding.plan.unknown_unit", id=plan.coordinator)))
    names: dict[str, str] = {}
    for n, unit in enumerate(plan.units):
        for key in (unit.name, *unit.aliases):
            if key in names and names[key] != unit.id:
                problems.append((("units", n), C005,
                                 C005.message("name_twice", name=key, unit=unit.id,
                                              other=names[key])))
            names.setdefault(key, unit.id)
        if unit.hosted_by is not None and unit.hosted_by not in unit_ids:
            problems.append((("units", n, "hosted_by"), C003,
                             Message("finding.plan.unknown_unit", id=unit.hosted_by)))

    for g, group in enumerate(plan.groups):
        for role in ("lead", "participating"):
            for k, unit_id in enumerate(getattr(group.responsibility, role)):
                if unit_id not in unit_ids:
                    problems.append((("groups", g, "responsibility", role, k), C003,
                                     Message("finding.plan.unknown_unit", id=unit_id)))

    indicator_ids = {i.id for i in plan.indicators}
    task_ids = task_seen | {plan.goal.id}
    if plan.goal.indicator not in indicator_ids:
        problems.append((("goal", "indicator"), C003,
                         Message("finding.plan.unknown_indicator", id=plan.goal.indicator)))
    for n, ind in enumerate(plan.indicators):
        here = ("indicators", n)
        if ind.task not in task_ids:
            problems.append(((*here, "task"), C003, Message("finding.plan.unknown_task", id=ind.task)))
        if isinstance(ind.reported_by, list):
            for k, unit_id in enumerate(ind.reported_by):
                if unit_id not in unit_ids:
                    problems.append(((*here, "reported_by", k), C003,
                                     Message("finding.plan.unknown_unit", id=unit_id)))
        problems.extend(((*here, *p), C004, m) for p, m in _target_problems(plan, ind, indicator_ids))
        if ind.is_flow and ind.baseline is not None:
            problems.append(((*here, "baseline"), C006,
                             C006.message("flow_baseline", kind=Message(f"screen.kind.{ind.kind}"))))
    for n, milestone in enumerate(plan.milestones):
        for k, unit_id in enumerate(milestone.responsible):
            if unit_id not in unit_ids:
                problems.append((("milestones", n, "responsible", k), C003,
                                 Message("finding.plan.unknown_unit", id=unit_id)))
        if not plan.period.start <= milestone.year <= plan.period.end:
            problems.append((("milestones", n, "year"), C004,
                             C004.message("milestone_year", year=milestone.year)))
    if plan.period.start > plan.period.end:
        problems.append((("period",), C004, C004.message("period")))
    problems.extend(_range_problems(plan))
    t = plan.assessment.thresholds
    if not t.on_track > t.needs_acceleration > t.limited_progress:
        problems.append((("assessment", "thresholds"), C004, C004.message("thresholds")))
    return problems


# What a plan's numbers may be. Years: a plan of the People's Republic, written for the years ahead;
# a period of a few decades at most (five-year plans, 2035 visions). Figures: up to a trillion, far
# beyond any county's or province's count, and small enough that sums over every report stay finite.
FIRST_YEAR, LAST_YEAR, LONGEST_PERIOD = 1949, 2200, 50
LARGEST_FIGURE = 1e12


def _range_problems(plan: Plan):
    """Numbers a plan may hold, so that no later computation loops for ever or overflows."""
    start, end = plan.period.start, plan.period.end
    for key, year in (("start", start), ("end", end)):
        if not FIRST_YEAR <= year <= LAST_YEAR:
            yield ("period", key), C007, C007.message("year", year=year, first=FIRST_YEAR, last=LAST_YEAR)
    if end - start + 1 > LONGEST_PERIOD:
        yield ("period",), C007, C007.message("period", years=end - start + 1, longest=LONGEST_PERIOD)
    for n, ind in enumerate(plan.indicators):
        here = ("indicators", n)
        figures = [(("target",), ind.target), (("baseline", "value"), ind.baseline and ind.baseline.value)]
        for path, value in figures:
            if value is None:
                continue
            if abs(value) > LARGEST_FIGURE:
                yield (*here, *path), C007, C007.message("figure", value=f"{value:g}",
                                                         largest=f"{LARGEST_FIGURE:g}")
            elif ind.value_type is ValueType.PERCENT and not 0 <= value <= 100:
                yield (*here, *path), C007, C007.message("percent", value=f"{value:g}")
        if ind.ratio is not None and ind.ratio.denominator_scale > LARGEST_FIGURE:
            yield (*here, "ratio", "denominator_scale"), C007, C007.message(
                "figure", value=f"{ind.ratio.denominator_scale:g}", largest=f"{LARGEST_FIGURE:g}")


def _target_problems(plan: Plan, ind: Indicator, indicator_ids: set[str]):
    target_fields = (ind.comparator, ind.target)
    if ind.role == "input":
        if any(v is not None for v in (*target_fields, ind.target_year)):
            yield ("target",), C004.message("input_target")
        if ind.kind is not Kind.LEVEL:
            yield ("kind",), C004.message("input_kind")
        return
    if None in target_fields:
        yield ("target",), C004.message("no_target")
    if ind.kind is Kind.ANNUAL and ind.target_year is not None:
        yield ("target_year",), C004.message("annual_year")
    if ind.kind is not Kind.ANNUAL:
        if ind.target_year is None:
            kind = Message(f"screen.kind.{ind.kind}")
            yield ("target_year",), C004.message("needs_year", kind=kind)
        elif not plan.period.start <= ind.target_year <= plan.period.end:
            yield ("target_year",), C004.message("year_outside", year=ind.target_year)
    if ind.kind is Kind.RATIO:
        if ind.ratio is None:
            yield ("ratio",), C004.message("ratio_inputs")
        else:
            for part in ("numerator", "denominator"):
                ref = getattr(ind.ratio, part)
                if ref not in indicator_ids:
                    yield ("ratio", part), Message("finding.plan.unknown_indicator", id=ref)
                elif plan.indicator(ref).kind is not Kind.LEVEL:  # type: ignore[union-attr]
                    yield ("ratio", part), C004.message("input_not_level", id=ref)
        if ind.reported_by not in ([],):
            yield ("reported_by",), C004.message("ratio_reported")
    elif ind.ratio is not None:
        yield ("ratio",), C004.message("inputs_not_ratio")
    if ind.kind is Kind.LEVEL and ind.reported_by != "group" and len(ind.reported_by) != 1:
        yield ("reported_by",), C004.message("level_one_unit")
    if ind.kind is Kind.LEVEL and ind.reported_by == "group":
        yield ("reported_by",), C004.message("level_not_group")
    if ind.kind is Kind.LEVEL and ind.additive is None:
        yield ("additive",), C004.message("additive")
    if ind.baseline is not None and not plan.period.start - 10 <= ind.baseline.year <= plan.period.end:
        yield ("baseline", "year"), C004.message("baseline_year")
