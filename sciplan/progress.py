"""The progress file format as pydantic models, and the records validation extracts from it.

The models define the format and its JSON Schema (`sciplan schema`); they are built only when asked
for (`models()`), so checking a file does not import pydantic for them. Validation checks the raw
YAML itself, field by field, so each problem gets a precise location and a hint, and only then
builds the small frozen records below, which are all later stages keep.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
from dataclasses import dataclass
from enum import StrEnum

from .domain import TASK_STATUS


class TaskStatus(StrEnum):  # the ids of domain.TASK_STATUS, by name (tests check they agree)
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"


STATUS_WORDS = TASK_STATUS.ids

# The keys of each part of a progress file, in the models' order (a test checks they agree). Written
# out so that checking a file never builds the pydantic models: they only serve `sciplan schema`.
TOP_KEYS = ("plan", "plan_version", "unit", "period", "area", "submitted", "contact", "values", "tasks",
            "milestones")
REQUIRED_TOP_KEYS = ("plan", "plan_version", "unit", "period")
VALUE_KEYS = ("indicator", "value", "note", "source")
TASK_KEYS = ("task", "status", "evidence")
MILESTONE_KEYS = ("milestone", "status", "date", "evidence")


def json_schema() -> dict:
    schema = models().ProgressFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "sciplan progress file"
    return schema


@functools.cache
def models() -> types.SimpleNamespace:
    """The progress file format as pydantic models (`ProgressFile`, `ValueEntry`, `TaskEntry`,
    `MilestoneEntry`), built on first use: importing pydantic and building them costs more than
    checking a file, and only `sciplan schema` needs them."""
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field

    StatusLiteral = Literal[TASK_STATUS.ids]  # type: ignore[valid-type]  # noqa: N806

    class _Entry(BaseModel):
        model_config = ConfigDict(extra="forbid")

    class ValueEntry(_Entry):
        indicator: str = Field(description="Indicator id from the plan (`sciplan plan` lists them)")
        value: float = Field(ge=0, description="The figure for the year, a plain number: 1200, 15.2")
        note: str | None = Field(default=None, description="Optional remark, e.g. 含线上培训 300 人次")
        source: str | None = Field(default=None, description="Optional: where the figure comes from")

    class TaskEntry(_Entry):
        task: str = Field(description="Task id from the plan: its group's id, a dot and its number",
                          pattern=r"^[a-z0-9]+(-[a-z0-9]+)*\.[1-9][0-9]*$")
        status: StatusLiteral  # type: ignore[valid-type]
        evidence: str | None = Field(default=None, description="What was done; required for done and blocked")

    class MilestoneEntry(_Entry):
        milestone: str = Field(description="Milestone id from the plan's schedule")
        status: StatusLiteral  # type: ignore[valid-type]
        date: dt.date | None = None
        evidence: str | None = None

    class ProgressFile(_Entry):
        """One unit's report for one year (and optionally one area)."""

        plan: str = Field(description="Plan id, as the plan file's `id` gives it")
        plan_version: int = Field(ge=1)
        unit: str = Field(description="Unit id, full Chinese name or registered alias")
        period: int = Field(description="The calendar year reported, inside the plan period")
        area: str | None = Field(default=None, description="An area of the plan (id or name); omitted: "
                                                           "figures for the whole")
        submitted: dt.date | None = None
        contact: str | None = None
        values: list[ValueEntry] = []
        tasks: list[TaskEntry] = []
        milestones: list[MilestoneEntry] = []

    return types.SimpleNamespace(ProgressFile=ProgressFile, ValueEntry=ValueEntry, TaskEntry=TaskEntry,
                                 MilestoneEntry=MilestoneEntry)


# --- records: what validation keeps of a file ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class Place:
    file: str
    line: int | None


@dataclass(frozen=True, slots=True)
class ValueRecord:
    unit: str  # unit id
    year: int
    area: str | None  # township id, None = county-wide
    indicator: str
    value: float
    place: Place


@dataclass(frozen=True, slots=True)
class TaskRecord:
    unit: str
    year: int
    area: str | None
    task: str
    status: TaskStatus
    evidence: str | None
    place: Place


@dataclass(frozen=True, slots=True)
class MilestoneRecord:
    unit: str
    year: int
    milestone: str
    status: TaskStatus
    date: dt.date | None
    place: Place


@dataclass(frozen=True, slots=True)
class Submission:
    """A progress file that passed its header checks: who reported which year, and where it lives."""

    file: str
    unit: str
    year: int
    area: str | None
    submitted: dt.date | None
    contact: str | None = None  # who to ask about the report, as the file gives it
