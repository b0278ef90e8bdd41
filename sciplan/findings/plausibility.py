"""Plausibility warnings: figures and tasks worth a second look (sciplan/validation.py).

Each code is one definition: its slug, severity, titles, the description the diagnostics
reference is generated from, and its messages in English and Chinese (`variant` is the message id
`finding.CODE.variant`; `variant.hint` is its hint).
"""

from __future__ import annotations

from .core import WARNING, Code

W501 = Code(
    "W501", "flow-jump", WARNING,
    title={"en": "Unusual change from the previous year", "zh": "与上年相比变化异常"},
    description="A yearly flow is more than 5 times, or less than a fifth of, the same unit's previous "
                "year. Small counts (both years under 10, such as 1 base then none) are not judged.",
    messages={
        "jump": {"en": "`{indicator}` is {value} in {year} against {previous} in {previous_year} "
                       "({ratio}x)",
                 "zh": "`{indicator}` {year} 年为 {value}，{previous_year} 年为 {previous}（是上年的 "
                       "{ratio} 倍）"},
        "jump.hint": {"en": "Check the figure (a missing or extra digit?); if it is right, say why in "
                            "`note:`.",
                      "zh": "请核对数值（是否少写或多写了一位？）；如数值无误，请在 `note:` 中说明原因。"},
    },
)

W502 = Code(
    "W502", "level-falls", WARNING,
    title={"en": "Level moves away from its target", "zh": "水平类指标背离目标"},
    description="A level indicator moves away from its target against the same unit's figure for the "
                "previous year: lower for a target that rises (`>`, `>=`, and levels that feed a ratio), "
                "higher for one that falls (`<`, `<=`).",
    messages={
        "falls": {"en": "`{indicator}` falls from {previous} in {previous_year} to {value} in {year}",
                  "zh": "`{indicator}` 从 {previous_year} 年的 {previous} 降到 {year} 年的 {value}"},
        "falls.hint": {"en": "A level such as a registered count rarely falls; check it, or explain in "
                             "`note:`.",
                       "zh": "注册人数这类水平类指标很少下降；请核对，或在 `note:` 中说明。"},
        "rises": {"en": "`{indicator}` rises from {previous} in {previous_year} to {value} in {year}, away "
                        "from its target ({comparator} {target})",
                  "zh": "`{indicator}` 从 {previous_year} 年的 {previous} 升到 {year} 年的 {value}，"
                        "与目标（{comparator} {target}）方向相反"},
        "rises.hint": {"en": "The target asks for this figure to come down; check it, or explain in `note:`.",
                       "zh": "目标要求该指标下降；请核对，或在 `note:` 中说明原因。"},
    },
)


W503 = Code(
    "W503", "evidence-missing", WARNING,
    title={"en": "Evidence missing", "zh": "缺少佐证"},
    description="A task in progress has no evidence; say briefly what has been done.",
    messages={
        "missing": {"en": "{what} is in progress but has no `evidence`",
                    "zh": "{what} 正在推进（in_progress），但没有填写 `evidence`（佐证）"},
        "missing.hint": {"en": "Add `evidence:` with a line on what has been done so far.",
                         "zh": "请补充 `evidence:`，用一句话说明目前已做的工作。"},
    },
)

W504 = Code(
    "W504", "flow-out-of-place", WARNING,
    title={"en": "Figure far from the unit's other years or from similar reports",
           "zh": "数值与本单位往年或同类报送相差悬殊"},
    description="A yearly flow is more than 5 times, or less than a fifth of, the median of the same "
                "unit's figures in earlier years (at least two; when the previous year is missing, so W501 "
                "cannot judge), or, for a unit that never reported the indicator before, the median of what "
                "other units report for it in the same year or the one before (at least three figures, the "
                "whole's and the areas'). Small counts (both figures under 10) are not judged. Often a "
                "figure typed into the wrong row.",
    messages={
        "history": {"en": "`{indicator}` is {value} in {year}, {ratio}x the unit's earlier figures "
                          "(median {typical} over {years})",
                    "zh": "`{indicator}` {year} 年为 {value}，"
                          "是本单位往年数值（{years} 年，中位数 {typical}）的 {ratio} 倍"},
        "history.hint": {"en": "Check the figure and the row it is in; if it is right, say why in `note:`.",
                         "zh": "请核对数值及所填的行；如数值无误，请在 `note:` 中说明原因。"},
        "peers": {"en": "`{indicator}` is {value} in {year}, {ratio}x the median of what other units "
                        "reported for it in {years}: {typical} ({count} figures, {low} to {high})",
                  "zh": "`{indicator}` {year} 年为 {value}，是 {years} 年其他单位同类数值中位数 {typical}"
                        "（共 {count} 个，{low} 至 {high}）的 {ratio} 倍"},
        "peers.hint": {"en": "Was it typed into the wrong row? Check the figure against the form; if it is "
                             "right, say why in `note:`.",
                       "zh": "是否填错了行？请对照报表核对；如数值无误，请在 `note:` 中说明原因。"},
    },
)
