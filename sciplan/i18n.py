"""Message catalogue: every human-readable string sciplan writes, in English and Chinese.

One dict, message id -> {language: template}. Templates use `str.format` fields ({year}); literal
braces are doubled ({{ and }}). A test checks that every message exists in every language with the
same fields, so adding a message in one language only fails the suite. Ids are grouped by where they
are used: `status.*` and `task.*` are shared by every output, `report.*` belong to `sciplan report`,
`error.*` to the command line.

Plan names (units, tasks, indicators) are not translated: they come from the plan, in Chinese, and
English output may add the plan's English names next to them.

The core never reads the environment: it takes a `lang` argument. The command line picks the
default with `locale_language(os.environ)`.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
# POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

MESSAGES: dict[str, dict[str, str]] = {
    # --- assessment statuses (sdg-build's classes) -------------------------------------------------
    "status.achieved": {"en": "achieved", "zh": "已实现"},
    "status.on_track": {"en": "on track", "zh": "进展顺利"},
    "status.needs_acceleration": {"en": "needs acceleration", "zh": "需加快推进"},
    "status.limited_progress": {"en": "limited progress", "zh": "进展有限"},
    "status.deterioration": {"en": "deteriorating", "zh": "出现倒退"},
    "status.no_data": {"en": "no data", "zh": "无数据"},
    "status.no_baseline": {"en": "no baseline", "zh": "无基线"},
    # --- task and milestone states -------------------------------------------------------------
    "task.done": {"en": "done", "zh": "已完成"},
    "task.in_progress": {"en": "in progress", "zh": "推进中"},
    "task.not_started": {"en": "not started", "zh": "未启动"},
    "task.blocked": {"en": "blocked", "zh": "受阻"},
    "task.not_reported": {"en": "not reported", "zh": "未报送"},
    "milestone.done": {"en": "done", "zh": "已完成"},
    "milestone.due": {"en": "due this year", "zh": "本年到期"},
    "milestone.overdue": {"en": "overdue", "zh": "已逾期"},
    "milestone.upcoming": {"en": "upcoming", "zh": "未到期"},
    # --- targets and figures -------------------------------------------------------------------
    "target.by_year": {"en": "{comparator} {value} by {year}", "zh": "到{year}年{comparator} {value}"},
    "target.every_year": {"en": "{comparator} {value} every year", "zh": "每年{comparator} {value}"},
    "forecast.meets": {"en": "meets the target", "zh": "可达标"},
    "forecast.short": {"en": "falls short", "zh": "难达标"},
    "forecast.with_verdict": {"en": "{value} ({verdict})", "zh": "{value}（{verdict}）"},
    "years.missing": {"en": "not reported: {years}", "zh": "缺报：{years}"},
    "years.missed": {"en": "target missed: {years}", "zh": "未达标：{years}"},
    "list.separator": {"en": ", ", "zh": "、"},
    "punctuation.colon": {"en": ": ", "zh": "："},
    # --- sciplan report ------------------------------------------------------------------------
    "report.title": {"en": "Progress report {year}", "zh": "{year}年度实施进展报告"},
    "report.document_number": {"en": "Document number", "zh": "文号"},
    "report.plan_version": {"en": "Plan version", "zh": "方案版本"},
    "report.made": {"en": "Report made", "zh": "报告日期"},
    "report.data": {"en": "Data", "zh": "数据来源"},
    "report.data_files": {"en": "{files} progress files up to {year}",
                          "zh": "截至{year}年的进展报告 {files} 份"},
    "report.errors": {"en": "The {files} progress files have {errors} error(s): entries with errors are not "
                            "counted. Run `sciplan validate` for details.",
                      "zh": "{files} 份进展报告中有 {errors} 处错误，出错的条目未计入。"
                            "详情请运行 `sciplan validate`。"},
    "report.summary": {"en": "Summary", "zh": "总体情况"},
    "report.goal": {"en": "Overall goal", "zh": "总目标"},
    "report.goal_line": {"en": "{name}: target {target}. In {year}: {actual} (expected {expected}).",
                         "zh": "{name}：目标{target}。{year}年实际 {actual}（按进度应达 {expected}）。"},
    "report.counts_intro": {"en": "{total} targets assessed for {year}:",
                            "zh": "{year}年共评估 {total} 项目标："},
    "report.targets": {"en": "Targets, most in need of attention first", "zh": "指标目标（需关注的在前）"},
    "report.col.indicator": {"en": "Indicator", "zh": "指标"},
    "report.col.target": {"en": "Target", "zh": "目标"},
    "report.col.expected": {"en": "Expected", "zh": "应达"},
    "report.col.actual": {"en": "Actual", "zh": "实际"},
    "report.col.gap": {"en": "Gap", "zh": "差距"},
    "report.col.ratio": {"en": "Progress ratio", "zh": "进度比"},
    "report.col.status": {"en": "Status", "zh": "状态"},
    "report.col.forecast": {"en": "Forecast {year}", "zh": "{year}年预测"},
    "report.col.notes": {"en": "Notes", "zh": "备注"},
    "report.col.unit": {"en": "Unit", "zh": "单位"},
    "report.col.count": {"en": "Targets", "zh": "项数"},
    "report.col.measure": {"en": "Measure", "zh": "计量单位"},
    "report.col.task": {"en": "Task", "zh": "任务"},
    "report.col.year": {"en": "Year", "zh": "年份"},
    "report.col.milestone": {"en": "Milestone", "zh": "事项"},
    "report.col.owes": {"en": "Reports for", "zh": "报送事项"},
    "report.col.received": {"en": "Report for {year}", "zh": "{year}年报告"},
    "report.values": {"en": "Reported values by year", "zh": "各年度报送数值"},
    "report.values_note": {"en": "Cumulative targets: the yearly figures; "
                                 "the chart draws their running total.",
                           "zh": "累计类指标列出各年数值，图中为逐年累计。"},
    "report.charts": {"en": "Each target over the plan period", "zh": "各项目标进展图"},
    "report.unit_of_measure": {"en": "Unit: {measure}", "zh": "单位：{measure}"},
    "report.legend.expected": {"en": "expected path (straight line to the target)",
                               "zh": "应达进度（直线至目标）"},
    "report.legend.reported": {"en": "reported (cumulative: running total), coloured by status",
                               "zh": "实际报送（累计类为逐年累计），颜色表示状态"},
    "report.legend.target": {"en": "target", "zh": "目标"},
    "report.legend.forecast": {"en": "forecast", "zh": "预测"},
    "report.legend.report_year": {"en": "report year", "zh": "报告年份"},
    "report.chart_label": {"en": "Chart of {name}: {status}", "zh": "{name}进展图：{status}"},
    "report.tasks": {"en": "Tasks reported for {year}", "zh": "{year}年重点任务报送情况"},
    "report.group.action": {"en": "Enhancement actions", "zh": "提升行动"},
    "report.group.project": {"en": "Key projects", "zh": "重点工程"},
    "report.lead_units": {"en": "Lead units", "zh": "牵头单位"},
    "report.task_counts": {"en": "Task status", "zh": "任务状态"},
    "report.milestones": {"en": "Schedule", "zh": "进度安排"},
    "report.reporting": {"en": "Reports received for {year}", "zh": "{year}年度报送情况"},
    "report.reporting_line": {"en": "{sent} of {owed} units that owe a report sent one.",
                              "zh": "应报送单位 {owed} 个，已报送 {sent} 个。"},
    "report.received": {"en": "received", "zh": "已报送"},
    "report.not_received": {"en": "missing", "zh": "未报送"},
    "report.method": {"en": "Method", "zh": "评估方法"},
    "report.method_text": {
        "en": "Each target is compared with a straight line from its starting point to the target. "
              "For a cumulative target the amount expected by the end of {year} is an equal yearly share of "
              "the target for every year since {start}; for a yearly target it is the target itself; for a "
              "level (a rate or a registered count) it is the point on the line from the baseline (the "
              "plan's, or else the first reported year) to the target in {end}. The ratio of progress made "
              "to progress expected gives the status, following Open SDG's progress assessment: achieved "
              "when the final target is already met; on track from {on_track}; needs acceleration from "
              "{needs_acceleration}; limited progress from {limited_progress}; deteriorating below "
              "{limited_progress}. A year without a report is not counted as zero but listed as not "
              "reported. The forecast for {end} keeps the pace so far (cumulative targets), the latest "
              "value (yearly targets) or the least-squares line through the reported years (levels).",
        "zh": "每项目标均与从起点到目标的直线进度相比较。累计类目标到{year}年底的应达值，"
              "为目标值按年均分后乘以自{start}年起已过的年数；年度目标的应达值即每年的目标值；"
              "水平类目标（比例、注册人数等）的应达值，取从基线（方案给出的基线，否则为最早报送的年份）"
              "到{end}年目标的直线上对应的点。以实际进展与应有进展之比判定状态，参照 Open SDG 的进展"
              "评估方法：已达到最终目标为“已实现”；比值不低于{on_track}为“进展顺利”；"
              "不低于{needs_acceleration}为“需加快推进”；不低于{limited_progress}为“进展有限”；"
              "低于{limited_progress}为“出现倒退”。未报送的年份不按零计算，而是列为缺报。"
              "{end}年的预测值：累计类按目前进度推算，年度类取最近一年数值，水平类取已报年份的最小二乘直线。",
    },
    "report.made_with": {"en": "Made with sciplan {version} from the plan and the units' progress files.",
                         "zh": "由 sciplan {version} 根据实施方案和各单位进展报告生成。"},
    "report.none": {"en": "none", "zh": "无"},
    # --- command line ---------------------------------------------------------------------------
    "error.report_extra": {"en": "the report needs the report extra: pip install 'sciplan[report]'",
                           "zh": "生成报告需要安装 report 扩展：pip install 'sciplan[report]'"},
}


def text(message_id: str, lang: str, /, **fields: object) -> str:
    """The message in `lang`, with its {fields} filled in.

    An unknown id or language is a programming error (KeyError, ValueError), not a user's mistake.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    # Always formatted, so a template reads the same with or without fields: literal braces are doubled.
    return MESSAGES[message_id][lang].format(**fields)


def fields_of(template: str) -> set[str]:
    """The {field} names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def locale_language(environ: Mapping[str, str]) -> str:
    """`zh` when the locale is Chinese (LC_ALL, LC_MESSAGES or LANG starting with zh), else English."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
