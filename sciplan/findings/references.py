"""References: what a progress file names must exist in the plan (sciplan/validation.py).

Each code is one definition: its slug, severity, titles, the description the diagnostics
reference is generated from, and its messages in English and Chinese (`variant` is the message id
`finding.CODE.variant`; `variant.hint` is its hint).
"""

from __future__ import annotations

from .core import ERROR, WARNING, Code

R201 = Code(
    "R201", "plan-mismatch", ERROR,
    title={"en": "Plan id does not match", "zh": "规划编号不匹配"},
    description="`plan:` names a different plan than the one being checked.",
    messages={
        "other_plan": {"en": "plan `{plan}` is not the plan being checked (`{expected}`)",
                       "zh": "`plan` 填的是 `{plan}`，不是本次校验所用的实施方案（`{expected}`）"},
        "other_plan.hint": {"en": "Write `plan: {expected}`.", "zh": "请填写 `plan: {expected}`。"},
    },
)

R202 = Code(
    "R202", "plan-version-mismatch", ERROR,
    title={"en": "Plan version does not match", "zh": "规划版本不匹配"},
    description="`plan_version:` is newer than the plan's version, or not a version of it. A file made for "
                "an earlier version is checked against the current plan instead (R213).",
    messages={
        "version": {"en": "plan version {version} does not match the plan's version {expected}",
                    "zh": "方案版本 {version} 与实施方案的版本 {expected} 不一致"},
        "version.hint": {"en": "Update the file to plan version {expected} (`sciplan template` makes a "
                               "fresh one).",
                         "zh": "请按第 {expected} 版方案更新文件（可用 `sciplan template` 重新生成）。"},
    },
)

R203 = Code(
    "R203", "unknown-unit", ERROR,
    title={"en": "Unknown unit", "zh": "未知的单位"},
    description="The unit is not in the plan's unit registry (by id, full name or alias).",
    messages={
        "unknown_unit": {"en": "unknown unit `{unit}`", "zh": "未知的单位 `{unit}`"},
        "removed": {"en": "unit `{unit}` of plan version {version} is not in version {expected}",
                    "zh": "第 {version} 版方案中的单位 `{unit}` 在第 {expected} 版中已不存在"},
        "removed.hint": {"en": "The plan was revised; `sciplan plan diff` shows what changed.",
                         "zh": "实施方案已修订，可用 `sciplan plan diff` 查看改动。"},
        "units": {"en": "`sciplan units` lists every unit with its id and short names.",
                  "zh": "`sciplan units` 可列出全部单位及其编号和简称。"},
    },
)

R204 = Code(
    "R204", "unknown-township", ERROR,
    title={"en": "Unknown area", "zh": "未知的区域"},
    description="`area:` is not one of the plan's areas (format 1: townships).",
    messages={
        "unknown_township": {"en": "unknown area `{area}`", "zh": "未知的区域 `{area}`"},
        "removed": {"en": "area `{area}` of plan version {version} is not in version {expected}",
                    "zh": "第 {version} 版方案中的区域 `{area}` 在第 {expected} 版中已不存在"},
        "removed.hint": {"en": "The plan was revised; `sciplan plan diff` shows what changed.",
                         "zh": "实施方案已修订，可用 `sciplan plan diff` 查看改动。"},
        "townships": {"en": "The plan's areas: {townships}; leave `area` out for figures for the whole.",
                      "zh": "方案中的区域有：{townships}；不分区域的总数请不要填写 `area`。"},
    },
)

R205 = Code(
    "R205", "unknown-indicator", ERROR,
    title={"en": "Unknown indicator", "zh": "未知的指标"},
    description="The indicator id is not in the plan.",
    messages={
        "unknown_indicator": {"en": "unknown indicator `{indicator}`", "zh": "未知的指标 `{indicator}`"},
        "removed": {"en": "indicator `{indicator}` of plan version {version} is not in version {expected}",
                    "zh": "第 {version} 版方案中的指标 `{indicator}` 在第 {expected} 版中已不存在"},
        "removed.hint": {"en": "The plan was revised; `sciplan plan diff` shows what changed.",
                         "zh": "实施方案已修订，可用 `sciplan plan diff` 查看改动。"},
        "indicators": {"en": "`sciplan plan` lists every indicator id.",
                       "zh": "`sciplan plan` 可列出全部指标编号。"},
    },
)

R206 = Code(
    "R206", "unknown-task", ERROR,
    title={"en": "Unknown task", "zh": "未知的任务"},
    description="The task id is not in the plan.",
    messages={
        "unknown_task": {"en": "unknown task `{task}`", "zh": "未知的任务 `{task}`"},
        "removed": {"en": "task `{task}` of plan version {version} is not in version {expected}",
                    "zh": "第 {version} 版方案中的任务 `{task}` 在第 {expected} 版中已不存在"},
        "removed.hint": {"en": "The plan was revised; `sciplan plan diff` shows what changed.",
                         "zh": "实施方案已修订，可用 `sciplan plan diff` 查看改动。"},
        "tasks": {"en": "A task id is its group's id, a dot and its number; `sciplan plan` lists them.",
                  "zh": "任务编号由分组编号、点号和序号组成；`sciplan plan` 可列出全部任务。"},
    },
)

R207 = Code(
    "R207", "unknown-milestone", ERROR,
    title={"en": "Unknown milestone", "zh": "未知的进度节点"},
    description="The milestone id is not in the plan's schedule.",
    messages={
        "unknown_milestone": {"en": "unknown milestone `{milestone}`",
                              "zh": "未知的进度节点 `{milestone}`"},
        "removed": {"en": "milestone `{milestone}` of plan version {version} is not in version {expected}",
                    "zh": "第 {version} 版方案中的进度节点 `{milestone}` 在第 {expected} 版中已不存在"},
        "removed.hint": {"en": "The plan was revised; `sciplan plan diff` shows what changed.",
                         "zh": "实施方案已修订，可用 `sciplan plan diff` 查看改动。"},
        "milestones": {"en": "Milestones: {milestones}.", "zh": "进度节点有：{milestones}。"},
    },
)

R208 = Code(
    "R208", "ratio-reported", ERROR,
    title={"en": "Computed indicator reported directly", "zh": "计算型指标不能直接填报"},
    description="A ratio indicator is computed from its inputs; report the inputs instead.",
    messages={
        "computed": {"en": "`{indicator}` is computed, not reported",
                     "zh": "`{indicator}` 由计算得出，不需要填报"},
        "computed.hint": {"en": "Report `{numerator}` and `{denominator}` instead; sciplan computes the "
                                "ratio.",
                          "zh": "请改为填报 `{numerator}` 和 `{denominator}`，比值由 sciplan 计算。"},
    },
)

R209 = Code(
    "R209", "period-outside-plan", ERROR,
    title={"en": "Period outside the plan period", "zh": "报告期不在规划期内"},
    description="The year is not within the plan period.",
    messages={
        "outside": {"en": "year {year} is outside the plan period {start}-{end}",
                    "zh": "{year} 年不在方案实施期 {start}-{end} 内"},
        "outside.hint": {"en": "Report a year from {start} to {end}.",
                         "zh": "请填报 {start} 至 {end} 年之间的年份。"},
    },
)

R210 = Code(
    "R210", "period-after-submission", ERROR,
    title={"en": "Period after the submission date", "zh": "报告期晚于提交日期"},
    description="A year cannot be reported before it has begun.",
    messages={
        "before_year": {"en": "the report for {period} is dated {submitted}, before that year began",
                        "zh": "{period} 年报告的报送日期为 {submitted}，早于该年开始"},
        "before_year.hint": {"en": "Check `period` and `submitted`: the submission date comes after the "
                                   "year reported.",
                             "zh": "请核对 `period` 和 `submitted`：报送日期应在所报年份开始之后。"},
    },
)

R211 = Code(
    "R211", "path-year-mismatch", WARNING,
    title={"en": "Folder year differs from period", "zh": "文件夹年份与报告期不符"},
    description="The file lies under a year folder that differs from its `period:`; the content is "
                "authoritative.",
    messages={
        "folder_year": {"en": "file is in folder {folder} but reports period {period}",
                        "zh": "文件在 {folder} 文件夹中，报告期却是 {period}"},
        "folder_year.hint": {"en": "Move the file to the {period} folder, or correct `period` if it is "
                                   "wrong.",
                             "zh": "请把文件移到 {period} 文件夹；如报告期填错了，请改正 `period`。"},
    },
)

R212 = Code(
    "R212", "input-indicator-target", ERROR,
    title={"en": "Not a reportable indicator", "zh": "不是可填报的指标"},
    description="The indicator cannot be reported in this file.",
    retired="Never raised: each case it named has its own code. An indicator the plan lacks is R205, a "
            "computed (ratio) indicator is R208, one the unit does not report is P301, and a ratio's input "
            "indicators are reported like any other figure. The code stays listed and is not reused.",
)

R213 = Code(
    "R213", "earlier-plan-version", WARNING,
    title={"en": "Made for an earlier plan version", "zh": "按较早版本方案填报"},
    description="`plan_version:` is an earlier version of the plan. The file is checked against the "
                "current plan: it counts when every unit, area, indicator, task and milestone it names "
                "still exists, and each one that no longer does is an error of its own (R203-R207).",
    messages={
        "earlier": {"en": "file made for plan version {version}; the plan is now version {expected}",
                    "zh": "文件按第 {version} 版方案填报，实施方案现为第 {expected} 版"},
        "earlier.hint": {"en": "Its figures count where what it names is still in the plan; the next "
                               "report uses version {expected} (`sciplan template` makes a fresh form).",
                         "zh": "文件中仍在现行方案内的内容照常计入；下次请按第 {expected} 版填报"
                               "（可用 `sciplan template` 重新生成）。"},
    },
)
