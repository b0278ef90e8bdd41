"""Across files: double counting and conflicting reports (sciplan/validation.py).

Each code is one definition: its slug, severity, titles, the description the diagnostics
reference is generated from, and its messages in English and Chinese (`variant` is the message id
`finding.CODE.variant`; `variant.hint` is its hint).
"""

from __future__ import annotations

from .core import ERROR, Code

X401 = Code(
    "X401", "double-count", ERROR,
    title={"en": "Reported twice", "zh": "重复填报"},
    description="The same unit, year, township and indicator appear twice; the figure would be counted "
                "twice.",
    messages={
        "twice": {"en": "{unit} reports `{indicator}` for {year}{area} twice: here and at {other}",
                  "zh": "{unit}重复填报了 {year} 年{area}的 `{indicator}`：此处和 {other}"},
        "twice.hint": {"en": "Keep one figure; if both are parts of a total, add them up.",
                       "zh": "请只保留一个数值；如果两者都是总数的一部分，请相加后填报。"},
    },
)

X402 = Code(
    "X402", "conflicting-level", ERROR,
    title={"en": "Two units report one level", "zh": "两个单位填报了同一存量指标"},
    description="A level indicator has exactly one reporting unit per year and area; a figure from another "
                "unit is refused (P301) and this names the figure that stands.",
    messages={
        "also": {"en": "`{indicator}` for {year}{area} is also reported by {unit} at {other}",
                 "zh": "{year} 年{area}的 `{indicator}` 也由{unit}在 {other} 填报"},
        "also.hint": {"en": "A level indicator has one reporting unit; agree which figure stands.",
                      "zh": "水平类指标只由一个单位填报；请商定以哪个数值为准。"},
        "stands": {"en": "`{indicator}` for {year}{area} is also reported by {unit} at {other}; that "
                         "figure stands",
                   "zh": "{year} 年{area}的 `{indicator}` 也由{unit}在 {other} 填报，以该数值为准"},
        "stands.hint": {"en": "A level indicator has one reporting unit; remove this entry and agree the "
                              "figure with that unit.",
                        "zh": "水平类指标只由一个单位填报；请删除本条，并与该单位核定数值。"},
    },
)

X403 = Code(
    "X403", "duplicate-task", ERROR,
    title={"en": "Task reported twice", "zh": "任务重复填报"},
    description="The same unit reports the same task twice for one year and area.",
    messages={
        "twice": {"en": "task {task} is reported twice for {year}: here and at {other}",
                  "zh": "任务 {task} 的 {year} 年情况报送了两次：此处和 {other}"},
        "twice.hint": {"en": "Keep one entry per task.", "zh": "每项任务只保留一条。"},
    },
)
