"""The plan document as pydantic models, with the look-ups every other stage needs.

Two formats load (docs/formats.md): format 2 (`schema_version: 2`), where only the outline every
scheme has is required, and format 1, whose fixed names (`townships`, `actions_intro`,
`projects_intro`, group kinds `action`/`project`) are read into the same model.

No I/O here: `validation.load_plan` reads the file and turns model errors into located findings.
Referential integrity (every unit, task and indicator a plan names exists) is checked by
`plan.integrity.integrity_problems`.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from ..domain import COMPARATORS, FLOW_KINDS, RISING, Kind


class ValueType(StrEnum):
    COUNT = "count"  # whole numbers: people, times, places, items
    PERCENT = "percent"  # 0-100
    QUANTITY = "quantity"  # any non-negative number (areas, ratios)


ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # lower-case words joined by hyphens
TASK_ID = r"^[a-z0-9]+(-[a-z0-9]+)*\.[1-9][0-9]*$"  # the group's id, a dot and the task's number
ComparatorLiteral = Literal[COMPARATORS]  # type: ignore[valid-type]


OUTLINE_NUMBER = r"^\s*([（(][^）)]{1,4}[）)]|[一二三四五六七八九十0-9]+[、.．])\s*"  # （二）, 三、, 2.


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


class Breakdown(_Model):
    """The target split among parts, each with the indicator's comparator, kind and target year."""

    areas: dict[str, float] = {}
    units: dict[str, float] = {}


class Indicator(_Model):
    id: str = Field(pattern=ID)
    name: str
    name_en: str | None = None
    measure: str = ""
    kind: Kind
    value_type: ValueType
    comparator: ComparatorLiteral | None = None
    target: float | None = None
    target_year: int | None = None
    # The document's own target for given years: a cumulative's total by then, a level's value by
    # then, an annual's target for that year.
    by_year: dict[int, float] = {}
    breakdown: Breakdown | None = None
    task: str  # a task id, or the goal's id for the overall goal
    reported_by: Literal["group"] | list[str]
    baseline: Baseline | None = None
    source_text: str = ""
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

    @property
    def rising(self) -> bool:
        """Whether the target asks for more (`>`, `>=`) rather than less (`<`, `<=`)."""
        return self.comparator is None or self.comparator in RISING

    @property
    def label_en(self) -> str:
        return self.name_en or self.name

    def label(self, lang: str) -> str:
        """Its name for a reader of `lang`: the English one in English (the Chinese where none is given)."""
        return self.label_en if lang == "en" else self.name


class Responsibility(_Model):
    text: str = ""
    lead: list[str] = Field(min_length=1)
    participating: list[str] = []

    @property
    def units(self) -> list[str]:
        return [*self.lead, *self.participating]


class Task(_Model):
    id: str = Field(pattern=TASK_ID)
    number: int
    title: str
    text: str = ""
    # Who answers for this task when the document says so under the task (责任单位); replaces the group's.
    responsibility: Responsibility | None = None


class GroupKind(_Model):
    """One part of the document's own division of its groups (actions, projects, key works ...)."""

    id: str = Field(pattern=ID)
    name: str
    name_en: str | None = None
    intro: str | None = None

    def label(self, lang: str) -> str:
        return self.name_en or self.name if lang == "en" else self.name


class Group(_Model):
    id: str = Field(pattern=ID)
    kind: str
    number: int
    heading: str | None = None
    title: str
    title_en: str | None = None
    aim: str = ""
    responsibility: Responsibility | None = None
    tasks: list[Task] = Field(min_length=1)

    @property
    def label_en(self) -> str:
        return self.title_en or self.title

    def label(self, lang: str) -> str:
        """Its name for a reader of `lang`: the English one in English (the Chinese where none is given)."""
        return self.label_en if lang == "en" else self.title

    @property
    def shown_heading(self) -> str:
        return self.heading or f"{self.number}. {self.title}"

    @property
    def lead(self) -> list[str]:
        """The group's leads: its own, else the leads of its tasks (in task order, once each)."""
        if self.responsibility is not None:
            return list(self.responsibility.lead)
        return list(dict.fromkeys(u for t in self.tasks if t.responsibility for u in t.responsibility.lead))

    @property
    def participating(self) -> list[str]:
        own = list(self.responsibility.participating) if self.responsibility is not None else []
        lead = set(self.lead)
        more = (u for t in self.tasks if t.responsibility for u in t.responsibility.units)
        return list(dict.fromkeys(u for u in [*own, *more] if u not in lead))

    @property
    def units(self) -> list[str]:
        return [*self.lead, *self.participating]

    def task_units(self, task: Task) -> list[str]:
        """Who reports on a task and the flows it sets: the task's own responsibility, else the group's."""
        if task.responsibility is not None:
            return task.responsibility.units
        return self.responsibility.units if self.responsibility is not None else []


class Unit(_Model):
    id: str = Field(pattern=ID)
    name: str
    name_en: str | None = None
    aliases: list[str] = []
    hosted_by: str | None = None  # an office placed at another unit, which reports through it

    @property
    def label_en(self) -> str:
        return self.name_en or self.name

    def label(self, lang: str) -> str:
        """Its name for a reader of `lang`: the English one in English (the Chinese where none is given)."""
        return self.label_en if lang == "en" else self.name


class Area(_Model):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    name_en: str | None = None

    @property
    def label_en(self) -> str:
        return self.name_en or self.name

    def label(self, lang: str) -> str:
        """Its name for a reader of `lang`: the English one in English (the Chinese where none is given)."""
        return self.label_en if lang == "en" else self.name


Township = Area  # the format-1 name


class Scope(_Model):
    """How the plan calls its whole and its parts: 全市 and 街道, county-wide and township ..."""

    name: str | None = None
    whole: str | None = None
    whole_en: str | None = None
    area: str | None = None
    area_en: str | None = None


class Milestone(_Model):
    id: str = Field(pattern=ID)
    year: int | None = None
    due: dt.date | None = None
    task: str | None = None  # the task the schedule item belongs to
    responsible: list[str] = []  # empty where the document names no unit
    text: str

    @model_validator(mode="after")
    def _year_of_due(self) -> Milestone:
        # An item dated only by `due` falls in that date's year, so every reader can use `year`.
        if self.year is None and self.due is not None:
            object.__setattr__(self, "year", self.due.year)
        return self

    @property
    def year_due(self) -> int:
        """The year the item falls in: `year`, else the year of `due`."""
        return self.year if self.year is not None else 0


class Goal(_Model):
    id: str
    heading: str | None = None
    text: str = ""
    indicator: str | None = None
    aims: list[str] = []


class Revision(_Model):
    version: int = Field(ge=1)
    date: dt.date | None = None
    document: str | None = None
    note: str | None = None


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
    number: str | None = None
    issuer: str | None = None
    issued: dt.date | None = None
    notice_title: str | None = None
    addressees: str | None = None
    notice: str | None = None
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

    schema_version: Literal[1, 2]
    id: str
    version: int = Field(ge=1)
    title: str
    title_en: str | None = None
    document: DocumentInfo | None = None
    period: Period
    based_on: list[BasedOn] = []
    preamble: str | None = None
    guiding_ideology: str | None = None
    goal: Goal | None = None
    scope: Scope = Scope()
    assessment: AssessmentSettings = AssessmentSettings()
    group_kinds: list[GroupKind] = []
    actions_intro: str | None = None  # format 1: the intro of the groups of kind `action`
    projects_intro: str | None = None  # format 1: the intro of the groups of kind `project`
    groups: list[Group]
    indicators: list[Indicator]
    units: list[Unit]
    areas: list[Area] = []
    townships: list[Area] | None = None  # format 1's name of `areas`
    milestones: list[Milestone] = []
    implementation: list[ImplementationSection] = []
    # The unit that coordinates the plan and reports schedule items the document assigns to no one;
    # without one, such an item may be reported by any unit that leads a group.
    coordinator: str | None = None
    revisions: list[Revision] = []

    def model_post_init(self, __context: object) -> None:
        if self.townships is not None and not self.areas:
            object.__setattr__(self, "areas", list(self.townships))
        if not self.group_kinds and (self.schema_version == 1 or self.actions_intro or self.projects_intro):
            # Format 1 knew two kinds by fixed ids; they get neutral names here (docs/formats.md).
            kinds = [GroupKind(id="action", name="行动", name_en="Actions", intro=self.actions_intro),
                     GroupKind(id="project", name="工程", name_en="Projects", intro=self.projects_intro)]
            object.__setattr__(self, "group_kinds", kinds)
        self._index()

    def _index(self) -> None:
        # The look-up tables go straight into the instance dict: pydantic's private attributes are read
        # through __getattr__, which costs more than the look-up itself on every value validated.
        unit_keys: dict[str, str] = {}
        for unit in self.units:
            for key in (unit.id, unit.name, *unit.aliases):
                unit_keys.setdefault(key, unit.id)
        townships: dict[str, str] = {}
        for township in self.areas:
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

    def township(self, key: str) -> Area | None:
        """An area by id or name (format 1 called areas townships)."""
        township_id = self._townships.get(key.strip())
        return next((t for t in self.areas if t.id == township_id), None)

    area = township

    def township_keys(self) -> list[str]:
        return list(self._townships)

    # --- the plan's own words -------------------------------------------------------------------
    @property
    def label_en(self) -> str:
        return self.title_en or self.title

    def label(self, lang: str) -> str:
        """Its name for a reader of `lang`: the English one in English (the Chinese where none is given)."""
        return self.label_en if lang == "en" else self.title

    @property
    def reference(self) -> str:
        """How outputs name the plan: its document number, else its title."""
        return (self.document.number if self.document and self.document.number else None) or self.title

    @property
    def goal_id(self) -> str | None:
        return self.goal.id if self.goal is not None else None

    @property
    def goal_title(self) -> str | None:
        """The goal's heading without the document's outline number: （二）目标 -> 目标."""
        if self.goal is None or not self.goal.heading:
            return None
        return re.sub(OUTLINE_NUMBER, "", self.goal.heading) or None

    @property
    def goal_summary(self) -> str:
        """The goal's first sentence, as status screens quote it."""
        if self.goal is None or not self.goal.text:
            return ""
        first = self.goal.text.split("。")[0]
        return first + "。" if "。" in self.goal.text else first

    @property
    def goal_indicator(self) -> str | None:
        return self.goal.indicator if self.goal is not None else None

    def group_kind(self, kind_id: str) -> GroupKind | None:
        return next((k for k in self.group_kinds if k.id == kind_id), None)

    def kind_label(self, kind_id: str, lang: str) -> str:
        """A group kind's name in `lang` (the Chinese one where the plan gives no English)."""
        kind = self.group_kind(kind_id)
        return kind.label(lang) if kind is not None else kind_id

    def whole(self, lang: str) -> str | None:
        """The plan's word for all of it (全市, city-wide), or None where the plan gives none."""
        if lang == "en":
            return self.scope.whole_en or self.scope.whole
        return self.scope.whole

    def area_word(self, lang: str) -> str | None:
        """The plan's word for one of its parts (街道, sub-district), or None where it gives none."""
        if lang == "en":
            return self.scope.area_en or self.scope.area
        return self.scope.area

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

    def task_units(self, task_id: str) -> list[str]:
        """Who reports on a task: its own responsibility, else its group's."""
        found = self._tasks.get(task_id)
        return found[0].task_units(found[1]) if found else []

    def reporters(self, indicator: Indicator) -> list[str]:
        """Unit ids that may report this indicator; empty for computed ratios. `group` means the units of
        the task's own responsibility, else the group's; a unit given a share in `breakdown.units` too."""
        if indicator.kind is Kind.RATIO:
            return []
        if indicator.reported_by == "group":
            units = self.task_units(indicator.task)
        else:
            units = list(indicator.reported_by)
        if indicator.breakdown is not None:
            units += [u for u in indicator.breakdown.units if u not in units]
        return units

    def groups_of_unit(self, unit_id: str) -> list[tuple[Group, str]]:
        """(group, role) for every group the unit leads ('lead') or joins ('participating'), its own
        responsibility or a task's."""
        out = []
        for group in self.groups:
            if unit_id in group.lead:
                out.append((group, "lead"))
            elif unit_id in group.participating:
                out.append((group, "participating"))
        return out

    def tasks_of_unit(self, unit_id: str) -> list[tuple[Group, Task]]:
        """Every task the unit answers for (its own responsibility, else its group's)."""
        return [(g, t) for g in self.groups for t in g.tasks if unit_id in g.task_units(t)]

    def indicators_of_unit(self, unit_id: str) -> list[Indicator]:
        return [i for i in self.indicators if unit_id in self.reporters(i)]

    def milestone_reporters(self, milestone: Milestone) -> list[str]:
        """Units that report a schedule item: those it names, else the coordinator (without one, every
        unit that leads a group); an office placed at another unit reports through its host."""
        leads = list(dict.fromkeys(u for g in self.groups for u in g.lead))
        units = list(milestone.responsible) or ([self.coordinator] if self.coordinator else leads)
        hosts = [self._units[u].hosted_by for u in units if u in self._units and self._units[u].hosted_by]
        return [*units, *(h for h in hosts if h)]

    def ratio_inputs(self) -> set[str]:
        return {i.id for i in self.indicators if i.role == "input"}

    def targeted_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators if i.has_target]
