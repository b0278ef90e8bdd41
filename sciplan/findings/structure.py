"""Structure: keys, types and value ranges of a progress file (sciplan/validation.py).

Each code is one definition: its slug, severity, titles, the description the diagnostics
reference is generated from, and its messages in English and Chinese (`variant` is the message id
`finding.CODE.variant`; `variant.hint` is its hint).
"""

from __future__ import annotations

from ..domain import TASK_STATUS
from .core import ERROR, Code

S101 = Code(
    "S101", "unknown-key", ERROR,
    title={"en": "Unknown key", "zh": "未知的键"},
    description="The key is not part of the format; often a typo.",
    messages={
        "unknown_key": {"en": "unknown key `{key}`", "zh": "未知的键 `{key}`"},
        "allowed_keys": {"en": "Allowed keys: {keys}.", "zh": "可用的键：{keys}。"},
    },
)

S102 = Code(
    "S102", "missing-key", ERROR,
    title={"en": "Required key missing", "zh": "缺少必填的键"},
    description="A required key is absent.",
    messages={
        "missing": {"en": "required key `{key}` is missing{where}", "zh": "{where}缺少必填的键 `{key}`"},
        "missing.hint": {"en": "Add `{key}:`; see docs/formats.md for an example.",
                         "zh": "请补上 `{key}:`，示例见 docs/formats.md。"},
        "in_entry": {"en": " in entry {number} of `{list}`", "zh": "`{list}` 第 {number} 条"},
    },
)

S103 = Code(
    "S103", "wrong-type", ERROR,
    title={"en": "Wrong type", "zh": "类型错误"},
    description="The value has the wrong type (for example a list where text is expected).",
    messages={
        "not_text": {"en": "`{key}` must be text, not {got}", "zh": "`{key}` 应填写文字，而不是{got}"},
        "not_text.hint": {"en": "Write it as `{key}: ...` on one line.",
                          "zh": "请写在一行内：`{key}: ...`。"},
        "plan_version": {"en": "`plan_version` must be a whole number, not {got}",
                         "zh": "`plan_version` 应为整数，而不是{got}"},
        "plan_version.hint": {"en": "Write `plan_version: {version}`.",
                              "zh": "请填写 `plan_version: {version}`。"},
        "not_list": {"en": "`{key}` must be a list of entries, each starting with `- `, not {got}",
                     "zh": "`{key}` 应为条目列表，每条以 `- ` 开头，而不是{got}"},
        "not_list.hint": {"en": "See docs/formats.md for the `{key}` list.",
                          "zh": "`{key}` 列表的写法见 docs/formats.md。"},
        "entry_not_mapping": {"en": "entry {number} of `{key}` must be a mapping of keys, not {got}",
                              "zh": "`{key}` 的第 {number} 条应由若干键组成，而不是{got}"},
        "entry_not_mapping.hint": {"en": "Each entry starts with `- ` followed by `key: value` lines, "
                                         "indented alike.",
                                   "zh": "每条以 `- ` 开头，后面是缩进对齐的 `key: value` 各行。"},
        "value_bool": {"en": "`value` must be a number; `{raw}` is read as true/false",
                       "zh": "`value` 应为数字；`{raw}` 会被读成 true/false（是/否）"},
        "plain_number": {"en": "Write the figure as a plain number, e.g. `value: 1200`.",
                         "zh": "请直接填写数字，例如 `value: 1200`。"},
        "value_text": {"en": "`value` must be a number, not text ({value})",
                       "zh": "`value` 应为数字，而不是文字（{value}）"},
        "value_text.hint": {"en": "Write the figure as a plain number; put remarks in `note:`.",
                            "zh": "请直接填写数字；说明文字请写在 `note:` 中。"},
        "value_type": {"en": "`value` must be a number, not {got}", "zh": "`value` 应为数字，而不是{got}"},
        "evidence": {"en": "`evidence` must be text, not {got}",
                     "zh": "`evidence`（佐证）应填写文字，而不是{got}"},
        "evidence.hint": {"en": "Describe briefly what was done.", "zh": "请简要说明做了哪些工作。"},
    },
)

S104 = Code(
    "S104", "number-as-text", ERROR,
    title={"en": "Number written as text", "zh": "数字被写成了文本"},
    description="A value must be a plain YAML number: `1200`, not `\"1200\"`, `1,200` or `15%`.",
    messages={
        "number_as_text": {"en": "`value` is text ({value}), not a number",
                           "zh": "`value` 填成了文字（{value}），不是数字"},
        "number_as_text.hint": {"en": "Write `value: {number}`: digits only, no quotes, commas or % sign.",
                                "zh": "请写成 `value: {number}`：只填数字，不加引号、逗号或 % 号。"},
    },
)

S105 = Code(
    "S105", "not-whole", ERROR,
    title={"en": "Count must be a whole number", "zh": "计数必须是整数"},
    description="Counts of people, times, places and items are whole numbers.",
    messages={
        "not_whole": {"en": "`{indicator}` counts {measure}; {number} is not a whole number",
                      "zh": "`{indicator}` 的计量单位是{measure}，{number} 不是整数"},
        "not_whole.hint": {"en": "Write a whole number, e.g. `value: {whole}`.",
                           "zh": "请填写整数，例如 `value: {whole}`。"},
    },
)

S106 = Code(
    "S106", "percent-range", ERROR,
    title={"en": "Percentage outside 0-100", "zh": "百分比不在 0–100 之间"},
    description="Rates are written as percentages between 0 and 100 (15.2 for 15.2%).",
    messages={
        "above_100": {"en": "`{indicator}` is a percentage; {number} is above 100",
                      "zh": "`{indicator}` 是百分比，{number} 超过了 100"},
        "above_100.hint": {"en": "Write the percentage itself: 15.2 for 15.2%, not 0.152 or 1520.",
                           "zh": "请直接填写百分数：15.2% 填 15.2，不要填 0.152 或 1520。"},
    },
)

S107 = Code(
    "S107", "negative", ERROR,
    title={"en": "Negative value", "zh": "数值为负"},
    description="Reported figures are never negative.",
    messages={
        "negative": {"en": "`value` is negative ({number})", "zh": "`value` 为负数（{number}）"},
        "negative.hint": {"en": "Reported figures are never negative; check the sign.",
                          "zh": "填报的数值不会是负数，请检查正负号。"},
    },
)

S108 = Code(
    "S108", "not-finite", ERROR,
    title={"en": "Not a finite number", "zh": "不是有限数值"},
    description="`.nan`, `.inf` and `-.inf` are not figures.",
    messages={
        "not_finite": {"en": "`value` is {raw}, not a finite number",
                       "zh": "`value` 为 {raw}，不是有限的数值"},
        "not_finite.hint": {"en": "Write the actual figure; leave the entry out if there is none.",
                            "zh": "请填写实际数值；没有数据的，请删除该条。"},
    },
)

S109 = Code(
    "S109", "bad-status", ERROR,
    title={"en": "Unknown task status", "zh": "未知的任务状态"},
    description=f"A task or milestone status is one of {', '.join(TASK_STATUS.ids)}. YAML words "
                "such as yes/no/on/off are not statuses.",
    messages={
        "bool": {"en": "`status: {raw}` is read by YAML as true/false, not a status",
                 "zh": "`status: {raw}` 会被 YAML 读成 true/false（是/否），不是状态"},
        "empty": {"en": "`status` is empty", "zh": "`status`（状态）未填写"},
        "unknown": {"en": "`status` must be one of {words}, not {value}",
                    "zh": "`status` 应为 {words} 之一，而不是 {value}"},
        "chinese": {"en": "Did you mean `{status}`? Statuses are written in English.",
                    "zh": "是否应为 `{status}`？状态请用英文填写。"},
        "words": {"en": "Write one of: {words}.", "zh": "请填写其中之一：{words}。"},
    },
)

S110 = Code(
    "S110", "evidence-required", ERROR,
    title={"en": "Evidence required", "zh": "需要填写佐证"},
    description="A task marked done or blocked needs `evidence:` saying what was done or what blocks it.",
    messages={
        "missing": {"en": "{what} is marked {status}, but `evidence` is missing",
                    "zh": "{what} 的状态为 {status}，但没有填写 `evidence`（佐证）"},
        "missing.hint": {"en": "Add `evidence:` saying what was done (or what blocks it), e.g. 举办培训班 "
                               "6 期.",
                         "zh": "请补充 `evidence:`，说明完成了什么（或受阻的原因），例如 举办培训班 6 "
                               "期。"},
    },
)

S111 = Code(
    "S111", "empty-value", ERROR,
    title={"en": "Value not filled in", "zh": "数值未填写"},
    description="The value is empty or still the template's placeholder; fill in the figure or remove the "
                "entry.",
    messages={
        "empty": {"en": "`value` is not filled in", "zh": "`value`（数值）未填写"},
        "empty.hint": {"en": "Write the year's figure, e.g. `value: 1200`, or remove the entry if there is "
                             "none.",
                       "zh": "请填写当年数值，例如 `value: 1200`；没有数据的，请删除该条。"},
    },
)

S112 = Code(
    "S112", "bad-date", ERROR,
    title={"en": "Not a valid date", "zh": "日期无效"},
    description="Dates are written YYYY-MM-DD.",
    messages={
        "no_such_day": {"en": "`{key}` is not a real date: {value} (no such day)",
                        "zh": "`{key}` 不是真实的日期：{value}（没有这一天）"},
        "no_such_day.hint": {"en": "Check the month and day; dates are written YYYY-MM-DD, e.g. "
                                   "2025-01-20.",
                             "zh": "请核对月份和日期；日期写作 YYYY-MM-DD，例如 2025-01-20。"},
        "quoted": {"en": "`{key}` is quoted text ({value}), not a date",
                   "zh": "`{key}` 加了引号（{value}），是文字而不是日期"},
        "quoted.hint": {"en": "Remove the quotes: `{key}: {date}`.", "zh": "请去掉引号：`{key}: {date}`。"},
        "invalid": {"en": "`{key}` is not a valid date: {value}", "zh": "`{key}` 不是有效的日期：{value}"},
        "invalid.hint": {"en": "Write dates as YYYY-MM-DD, e.g. 2025-01-20.",
                         "zh": "日期请写作 YYYY-MM-DD，例如 2025-01-20。"},
    },
)

S113 = Code(
    "S113", "bad-period", ERROR,
    title={"en": "Period must be a year", "zh": "报告期必须是年份"},
    description="`period` is a calendar year such as 2024.",
    messages={
        "not_year": {"en": "`period` must be a year such as {example}, not {got}",
                     "zh": "`period`（报告期）应为年份，例如 {example}，而不是{got}"},
        "not_year.hint": {"en": "Write the year alone: `period: 2024`.",
                          "zh": "只填年份：`period: 2024`。"},
    },
)

S114 = Code(
    "S114", "implausibly-large", ERROR,
    title={"en": "Figure implausibly large", "zh": "数值大得不合常理"},
    description="A figure above what any real report can hold (10^12 for counts and quantities) is a typo "
                "or a wrong unit. It is refused, so that no total, ratio or chart is thrown by it.",
    messages={
        "too_large": {"en": "`value` is {number}, larger than any real figure (the limit is {limit})",
                      "zh": "`value` 为 {number}，大得不合常理（上限为 {limit}）"},
        "too_large.hint": {"en": "Check the figure and its unit: write the number itself, e.g. "
                                 "`value: 1200`, not in scientific notation.",
                           "zh": "请核对数值和计量单位：直接填写实际数字，例如 `value: 1200`，"
                                 "不要用科学计数法。"},
    },
)
