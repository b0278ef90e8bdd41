"""Responsibility: who may report what (sciplan/validation.py).

Each code is one definition: its slug, severity, titles, the description the diagnostics
reference is generated from, and its messages in English and Chinese (`variant` is the message id
`finding.CODE.variant`; `variant.hint` is its hint).
"""

from __future__ import annotations

from .core import ERROR, Code

P301 = Code(
    "P301", "not-reporter", ERROR,
    title={"en": "Unit may not report this indicator", "zh": "该单位不负责填报此指标"},
    description="Flows are reported by the lead and participating units of the indicator's group; each "
                "level indicator by exactly one unit.",
    messages={
        "not_reporter": {"en": "{unit} may not report `{indicator}` ({name})",
                         "zh": "{unit}不负责填报 `{indicator}`（{name}）"},
        "not_reporter.hint": {"en": "It is reported by {reporters}{more}; `sciplan unit {unit_id}` lists "
                                    "what this unit reports.",
                              "zh": "该指标由{reporters}{more}填报；`sciplan unit {unit_id}` "
                                    "可列出本单位应填报的内容。"},
        "more": {"en": " ...", "zh": "等"},
    },
)

P302 = Code(
    "P302", "task-not-in-groups", ERROR,
    title={"en": "Task outside the unit's groups", "zh": "任务不属于该单位负责的分组"},
    description="A unit reports only on tasks it answers for: those of groups it leads or joins, or a "
                "task whose own responsibility names it.",
    messages={
        "not_in_groups": {"en": "{unit} neither leads nor joins {group}, so it does not report on {task}",
                          "zh": "{unit}既不是{group}的牵头单位，也不是参加单位，不报送任务 {task}"},
        "not_in_groups.hint": {"en": "Report only tasks of your groups; `sciplan unit {unit_id}` lists "
                                     "them.",
                               "zh": "只报送本单位牵头或参加的分组中的任务；`sciplan unit "
                                     "{unit_id}` 可列出这些任务。"},
    },
)

P303 = Code(
    "P303", "milestone-not-responsible", ERROR,
    title={"en": "Unit is not responsible for this milestone", "zh": "该单位不负责此进度节点"},
    description="A schedule item is reported by the units it names, else by the plan's coordinator "
                "(without one, by the units that lead a group), or by the unit that hosts an office it "
                "names.",
    messages={
        "not_responsible": {"en": "{unit} does not report the schedule item `{milestone}`",
                            "zh": "{unit}不负责报送进度节点 `{milestone}`"},
        "not_responsible.hint": {"en": "This schedule item is reported by {reporters}.",
                                 "zh": "此进度节点由{reporters}报送。"},
    },
)
