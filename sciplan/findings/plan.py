"""Plan file checks, `sciplan plan check` (sciplan/plan.py, sciplan/validation.py).

Each code is one definition: its slug, severity, titles, the description the diagnostics
reference is generated from, and its messages in English and Chinese (`variant` is the message id
`finding.CODE.variant`; `variant.hint` is its hint).
"""

from __future__ import annotations

from .core import ERROR, Code

C001 = Code(
    "C001", "plan-invalid", ERROR,
    title={"en": "Plan file is invalid", "zh": "规划文件无效"},
    description="The plan file does not match the plan format.",
    messages={
        "missing": {"en": "required key `{key}` is missing", "zh": "缺少必填的键 `{key}`"},
        "unknown_key": {"en": "unknown key `{key}`", "zh": "未知的键 `{key}`"},
        "invalid": {"en": "`{where}`: {detail}", "zh": "`{where}`：{detail}"},
        "hint": {"en": "See docs/formats.md for the plan format.",
                 "zh": "实施方案文件的格式见 docs/formats.md。"},
    },
)

C002 = Code(
    "C002", "plan-duplicate-id", ERROR,
    title={"en": "Duplicate id in the plan", "zh": "规划中存在重复编号"},
    description="Ids of group kinds, groups, tasks, indicators, units, areas and milestones must be unique.",
    messages={
        "id_twice": {"en": "{label} id `{id}` is used twice (first at {first})",
                     "zh": "{label}编号 `{id}` 用了两次（第一次在 {first}）"},
        "task_twice": {"en": "task id `{id}` is used twice", "zh": "任务编号 `{id}` 用了两次"},
        "task_number": {"en": "task id `{id}` does not match its group and number (`{expected}`)",
                        "zh": "任务编号 `{id}` 与所属分组和序号不符（应为 `{expected}`）"},
        "areas_twice": {"en": "both `areas` and its format-1 name `townships` are given",
                        "zh": "同时写了 `areas` 和它在格式 1 中的名称 `townships`"},
        "areas_twice.hint": {"en": "Keep `areas` only.", "zh": "请只保留 `areas`。"},
    },
)

C003 = Code(
    "C003", "plan-unknown-reference", ERROR,
    title={"en": "Plan refers to something it does not define", "zh": "规划引用了未定义的对象"},
    description="A unit, task, indicator, area or group kind referenced in the plan does not exist.",
)

C004 = Code(
    "C004", "plan-bad-target", ERROR,
    title={"en": "Target does not fit its kind", "zh": "目标与指标类型不符"},
    description="A ratio names its two inputs; an annual target has no year; other targets have one; a "
                "cumulative target rises; `by_year` years lie in the period before the target year; every "
                "task has a responsibility, its own or its group's; a milestone has a year or a due date.",
    messages={
        "milestone_year": {"en": "milestone year {year} is outside the plan period",
                           "zh": "进度节点的年份 {year} 不在方案实施期内"},
        "period": {"en": "period start is after its end", "zh": "实施期的起始年份晚于结束年份"},
        "thresholds": {"en": "thresholds must decrease: on_track > needs_acceleration > limited_progress",
                       "zh": "评估阈值必须逐级递减：on_track > needs_acceleration > limited_progress"},
        "input_target": {"en": "a ratio input has no target of its own",
                         "zh": "比值的输入指标不设自己的目标"},
        "input_kind": {"en": "a ratio input must be a level", "zh": "比值的输入指标必须是水平类"},
        "no_target": {"en": "an indicator needs a comparator and a target (or `role: input`)",
                      "zh": "指标需要比较符和目标值（或写明 `role: input`）"},
        "annual_year": {"en": "an annual target applies every year and has no target_year",
                        "zh": "年度类目标每年适用，不设 target_year"},
        "needs_year": {"en": "a {kind} target needs a target_year", "zh": "{kind}目标需要 target_year"},
        "year_outside": {"en": "target_year {year} is outside the plan period",
                         "zh": "target_year {year} 不在方案实施期内"},
        "ratio_inputs": {"en": "a ratio indicator names its numerator and denominator",
                         "zh": "比值类指标须写明分子和分母"},
        "input_not_level": {"en": "ratio input `{id}` must be a level indicator",
                            "zh": "比值的输入指标 `{id}` 必须是水平类指标"},
        "ratio_reported": {"en": "a ratio is computed, never reported: use `reported_by: []`",
                           "zh": "比值由计算得出，不由单位填报：请写 `reported_by: []`"},
        "inputs_not_ratio": {"en": "only a ratio indicator names inputs",
                             "zh": "只有比值类指标才写明输入指标"},
        "level_one_unit": {"en": "a level indicator is reported by exactly one unit",
                           "zh": "水平类指标只能由一个单位填报"},
        "level_not_group": {"en": "a level indicator is reported by exactly one unit, not the whole group",
                            "zh": "水平类指标只能由一个单位填报，不能由整个分组填报"},
        "additive": {"en": "a level says whether the areas' figures add up (`additive: true|false`)",
                     "zh": "水平类指标须写明各区域的数值能否相加（`additive: true|false`）"},
        "baseline_year": {"en": "baseline year is implausible", "zh": "基线年份不合理"},
        "no_responsibility": {"en": "task `{task}` has no responsibility, nor has its group",
                              "zh": "任务 `{task}` 及其所属分组都没有写明责任分工"},
        "no_responsibility.hint": {"en": "Give the group a `responsibility`, or the task its own.",
                                   "zh": "请为分组写明 `responsibility`，或为该任务单独写明。"},
        "cumulative_falling": {"en": "a cumulative target adds figures up, so it must be `>` or `>=`, "
                                     "not `{comparator}`",
                               "zh": "累计类目标逐年相加，比较符只能是 `>` 或 `>=`，不能是 `{comparator}`"},
        "cumulative_falling.hint": {"en": "A cap on a yearly amount is an `annual` target with `<=`.",
                                    "zh": "对每年数量的上限，请写成比较符为 `<=` 的年度类（annual）目标。"},
        "by_year": {"en": "by_year {year} lies outside {first}-{last}",
                    "zh": "by_year 中的年份 {year} 不在 {first} 至 {last} 年之间"},
        "by_year.hint": {"en": "by_year gives the years of the period before the target year (every year "
                               "of the period for an annual target).",
                         "zh": "by_year 只写实施期内、目标年份之前的年份（年度类目标可写实施期内任一年）。"},
        "milestone_when": {"en": "a milestone needs a `year` or a `due` date",
                           "zh": "进度节点需要写明 `year` 或 `due`（日期）"},
        "revision_version": {"en": "revision version {version} is later than the plan's version {current}",
                             "zh": "修订记录的版本 {version} 晚于方案当前版本 {current}"},
    },
)

C005 = Code(
    "C005", "plan-duplicate-name", ERROR,
    title={"en": "Name or alias used twice", "zh": "名称或简称重复"},
    description="A unit's full name or alias is used by another unit, so it could not be resolved.",
    messages={
        "name_twice": {"en": "name `{name}` of unit `{unit}` is also used by unit `{other}`",
                       "zh": "单位 `{unit}` 的名称 `{name}` 也被单位 `{other}` 使用"},
    },
)

C006 = Code(
    "C006", "plan-flow-baseline", ERROR,
    title={"en": "Baseline on a flow indicator", "zh": "流量类指标不应设基线"},
    description="A cumulative or annual indicator counts from zero each period (its figures are added "
                "up from the plan's first year, or judged year by year), so a baseline has no meaning for "
                "it and would be ignored. Only levels and ratios take a baseline.",
    messages={
        "flow_baseline": {"en": "a {kind} indicator has no baseline: flows start from zero each period, so a "
                                "baseline would be ignored",
                          "zh": "{kind}指标不设基线：流量类指标每期都从零开始累计，基线不起作用，会被忽略"},
        "flow_baseline.hint": {"en": "Write `baseline: null`; only level and ratio indicators are measured "
                                     "from a baseline.",
                               "zh": "请改为 `baseline: null`；只有水平类和比值类指标才从基线起算。"},
    },
)

C007 = Code(
    "C007", "plan-number-out-of-range", ERROR,
    title={"en": "Number out of range in the plan", "zh": "实施方案中的数值超出范围"},
    description="Plan years lie between 1949 and 2200 and the period spans at most 50 years; targets, "
                "baselines and scales are at most 10^12 in size, and percentages lie between 0 and 100. "
                "`.nan` and `.inf` are refused by the format itself (C001). Anything else would make the "
                "assessment undefined, or a report without end.",
    messages={
        "year": {"en": "year {year} is not a plan year (from {first} to {last})",
                 "zh": "年份 {year} 不是合理的方案年份（应在 {first} 至 {last} 之间）"},
        "year.hint": {"en": "Write the calendar year, e.g. `start: 2021`.",
                      "zh": "请填写公历年份，例如 `start: 2021`。"},
        "period": {"en": "the period spans {years} years; a plan spans at most {longest}",
                   "zh": "实施期长达 {years} 年，方案实施期最长为 {longest} 年"},
        "period.hint": {"en": "Check `start` and `end`: a five-year plan is e.g. 2021 to 2025.",
                        "zh": "请核对 `start` 和 `end`，例如五年规划为 2021 至 2025。"},
        "figure": {"en": "{value} is larger than any plan figure (at most {largest})",
                   "zh": "{value} 超出了方案数值的合理范围（最大为 {largest}）"},
        "figure.hint": {"en": "Write the figure as the document gives it, e.g. `target: 5000`.",
                        "zh": "请按文件原文填写数值，例如 `target: 5000`。"},
        "percent": {"en": "{value} is not a percentage between 0 and 100",
                    "zh": "{value} 不是 0 至 100 之间的百分数"},
        "percent.hint": {"en": "Write percentages as numbers from 0 to 100: 15 for 15%.",
                         "zh": "百分数请写成 0 至 100 的数字：15% 写作 15。"},
    },
)
