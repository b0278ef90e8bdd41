"""The plan document: its models (`models`, both file formats) and its integrity (`integrity`)."""

from ..domain import Kind
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

__all__ = [
    "FIRST_YEAR", "ID", "Kind", "LARGEST_FIGURE", "LAST_YEAR", "LONGEST_PERIOD", "TASK_ID", "Area",
    "AssessmentSettings", "BasedOn", "Baseline", "Breakdown", "DocumentInfo", "Goal", "Group", "GroupKind",
    "ImplementationSection",
    "Indicator", "Milestone", "Period", "Plan", "RatioInputs", "Responsibility", "Revision", "Scope", "Task",
    "Thresholds", "Township", "Unit", "ValueType", "YearOutsidePeriod", "integrity_problems",
]
