"""The plan document: its models (`models`, both file formats) and its integrity (`integrity`).

Every name below is re-exported: the rest of sciplan imports them from `sciplan.plan`.
"""
# ruff: noqa: F401

from ..domain import Kind
from .diff import Change, FieldChange, PlanDiff, diff_plans
from .integrity import FIRST_YEAR, LARGEST_FIGURE, LAST_YEAR, LONGEST_PERIOD, integrity_problems
from .models import (
    ID,
    TASK_ID,
    Area,
    AssessmentSettings,
    BasedOn,
    Baseline,
    Breakdown,
    DocumentInfo,
    Goal,
    Group,
    GroupKind,
    ImplementationSection,
    Indicator,
    Milestone,
    Period,
    Plan,
    RatioInputs,
    Responsibility,
    Revision,
    Scope,
    Task,
    Thresholds,
    Township,
    Unit,
    ValueType,
    YearOutsidePeriod,
)
from .schema import json_schema as plan_json_schema
