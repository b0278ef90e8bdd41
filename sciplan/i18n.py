"""Message catalogue: every human-readable string sciplan writes, in English and Chinese.

One dict, message id -> {language: template}. Templates use `str.format` fields ({year}); literal
braces are doubled ({{ and }}). A test checks that every message exists in every language with the
same fields, so adding a message in one language only fails the suite. Ids are grouped by where they
are used: `status.*` and `task.*` are shared by every output, `report.*` belong to `sciplan report`,
`screen.*` and `markdown.*` to the terminal screens and the gap/status Markdown, `error.*` and `cli.*`
to the command line.

Plan names (units, tasks, indicators) are not translated: they come from the plan, in Chinese, and
English output may add the plan's English names next to them.

The core never reads the environment: it takes a `lang` argument. The command line picks the
default with `locale_language(os.environ)`.

Findings (`finding.*`) are data that outlive the run that made them (the per-file cache keeps
them), so they carry a message id and their fields, not text, and are worded in a language only
when shown: `findings.say` builds one, `Finding.localized(lang)` words it. The fields travel as a
JSON object (`encode_fields` / `decode_fields`), a value being one of:

- a number, true/false or null: filled in as it is;
- a string: filled in as it is (one that starts with `@` is stored with a second `@` in front);
- `"@id"`: the message `id` (no fields of its own) in the language shown, for a word that must be
  translated, such as a type name: `{"got": "@finding.type.list"}`;
- `{"key": id, "params": {...}}`: the message `id` with its own fields, worded the same way.

`Message(id, **fields)` is how code writes the last two. A finding's hint is the message `id.hint`
with the finding's fields, when that id exists; a field named `hint` replaces it (a suggestion
such as "Did you mean …?", a workbook's own hint), and a `hint` that is null or words to nothing
means no hint.
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
    "report.plan_file": {"en": "Plan file", "zh": "方案文件"},
    "report.progress_dir": {"en": "Progress folder", "zh": "进展报告文件夹"},
    "report.no_progress_dir": {"en": "none (no progress folder was found)",
                               "zh": "无（未找到进展报告文件夹）"},
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
    # --- terminal and Markdown screens (render/text.py, render/units.py, render/markdown.py) -----------
    # English keeps the words the screens have always printed; status, milestone-state and kind ids stay
    # as ids in English (scripts grep `on_track`) and are shown with the labels above in Chinese.
    # Ids ending .one / .other are the forms `plural()` picks from.
    "screen.no_file": {"en": "(no file)", "zh": "（无文件）"},
    "screen.severity.error": {"en": "error", "zh": "错误"},
    "screen.severity.warning": {"en": "warning", "zh": "警告"},
    "screen.hint": {"en": "hint: ", "zh": "提示："},
    "screen.checked.one": {"en": "{count} file checked: ", "zh": "已检查 {count} 个文件："},
    "screen.checked.other": {"en": "{count} files checked: ", "zh": "已检查 {count} 个文件："},
    "screen.errors.one": {"en": "{count} error", "zh": "{count} 个错误"},
    "screen.errors.other": {"en": "{count} errors", "zh": "{count} 个错误"},
    "screen.warnings.one": {"en": "{count} warning", "zh": "{count} 个警告"},
    "screen.warnings.other": {"en": "{count} warnings", "zh": "{count} 个警告"},
    "screen.comma": {"en": ", ", "zh": "，"},
    "screen.semicolon": {"en": "; ", "zh": "；"},
    "screen.none": {"en": "none", "zh": "无"},
    "screen.kind.level": {"en": "level", "zh": "水平类"},
    "screen.kind.cumulative": {"en": "cumulative", "zh": "累计类"},
    "screen.kind.annual": {"en": "annual", "zh": "年度类"},
    "screen.kind.ratio": {"en": "ratio", "zh": "比值类"},
    "screen.target.year": {"en": "{target} ({year})", "zh": "{target}（{year}年）"},
    "screen.target.per_year": {"en": "{target} /yr", "zh": "{target} /年"},
    "screen.target.by": {"en": "{target} by {year}", "zh": "到{year}年 {target}"},
    "screen.target.a_year": {"en": "{target} a year", "zh": "每年 {target}"},
    "screen.target.short_per_year": {"en": "{target}/yr", "zh": "{target}/年"},
    "screen.input": {"en": "(input)", "zh": "（输入项）"},
    "screen.input_to_ratio": {"en": "(input to a ratio)", "zh": "（用于计算比值）"},
    "screen.groups_and_tasks": {"en": "Groups and tasks", "zh": "分组与任务"},
    "screen.indicators": {"en": "Indicators", "zh": "指标"},
    "screen.col.group": {"en": "Group", "zh": "分组"},
    "screen.col.name": {"en": "名称", "zh": "名称"},
    "screen.col.task_count": {"en": "Tasks", "zh": "任务数"},
    "screen.col.tasks": {"en": "Tasks", "zh": "任务"},
    "screen.col.task": {"en": "Task", "zh": "任务"},
    "screen.col.task_title": {"en": "任务 Title", "zh": "任务名称"},
    "screen.col.lead": {"en": "Lead (牵头)", "zh": "牵头单位"},
    "screen.col.indicator": {"en": "Indicator", "zh": "指标"},
    "screen.col.indicator_name": {"en": "Indicator / 名称", "zh": "指标 / 名称"},
    "screen.col.indicator_target": {"en": "指标 Indicator / target", "zh": "指标 / 目标"},
    "screen.col.kind": {"en": "Kind", "zh": "类型"},
    "screen.col.target": {"en": "Target", "zh": "目标"},
    "screen.col.target_in": {"en": "Target {year}", "zh": "{year}年目标"},
    "screen.col.role": {"en": "Role", "zh": "职责"},
    "screen.col.reported": {"en": "Reported", "zh": "已报年份"},
    "screen.col.status": {"en": "Status", "zh": "状态"},
    "screen.col.expected": {"en": "Expected", "zh": "应达"},
    "screen.col.actual": {"en": "Actual", "zh": "实际"},
    "screen.col.gap": {"en": "Gap", "zh": "差距"},
    "screen.col.ratio": {"en": "Ratio", "zh": "进度比"},
    "screen.col.forecast_in": {"en": "Forecast {year}", "zh": "{year}年预测"},
    "screen.col.progress": {"en": "Progress", "zh": "进度"},
    "screen.col.indicators_in": {"en": "Indicators in {year}", "zh": "{year}年各项指标"},
    "screen.col.tasks_for": {"en": "Tasks reported for {year}", "zh": "{year}年任务报送情况"},
    "screen.col.year": {"en": "Year", "zh": "年份"},
    "screen.col.state": {"en": "State", "zh": "状态"},
    "screen.col.milestones_due": {"en": "Schedule milestones due by {year}",
                                  "zh": "截至{year}年到期的进度安排"},
    "screen.col.unit": {"en": "单位 Unit", "zh": "单位"},
    "screen.col.leads": {"en": "Leads", "zh": "牵头"},
    "screen.col.joins": {"en": "Joins", "zh": "参加"},
    "screen.col.indicators": {"en": "Indicators", "zh": "指标"},
    "screen.role.lead": {"en": "牵头 lead", "zh": "牵头"},
    "screen.role.participating": {"en": "参加 joins", "zh": "参加"},
    "screen.plan.document": {"en": "{number}  {issuer}  {issued}  period {start}-{end}  plan version "
                                   "{version}",
                             "zh": "{number}  {issuer}  {issued}  实施期 {start}-{end}  方案版本 {version}"},
    "screen.plan.counts": {"en": "{units} units ({named} named in responsibility lines), {townships} "
                                 "townships, {milestones} schedule milestones. `sciplan plan show ID` "
                                 "shows any of them.",
                           "zh": "共 {units} 个单位（其中 {named} 个列入责任分工）、{townships} 个乡镇、"
                                 "{milestones} 个进度安排事项。\n`sciplan plan show ID` 可查看其中任一项。"},
    "screen.task.group": {"en": "{heading}（{kind}）  group `{group}`",
                          "zh": "{heading}（{kind}）  分组 `{group}`"},
    "screen.task.lead": {"en": "牵头 lead: ", "zh": "牵头单位："},
    "screen.task.participating": {"en": "参加 participating: ", "zh": "参加单位："},
    "screen.task.indicators": {"en": "Indicators:", "zh": "指标："},
    "screen.field.measure": {"en": "measure", "zh": "计量单位"},
    "screen.field.kind": {"en": "kind", "zh": "类型"},
    "screen.field.target": {"en": "target", "zh": "目标"},
    "screen.field.task": {"en": "task", "zh": "所属任务"},
    "screen.field.baseline": {"en": "baseline", "zh": "基线"},
    "screen.field.reported_by": {"en": "reported by", "zh": "报送单位"},
    "screen.field.computed_as": {"en": "computed as", "zh": "计算方法"},
    "screen.baseline": {"en": "{value} ({year}, {source})", "zh": "{value}（{year}年，{source}）"},
    "screen.no_baseline": {"en": "none given in the document", "zh": "文件未给出"},
    "screen.never_reported": {"en": "computed, never reported", "zh": "由计算得出，无需报送"},
    "screen.source": {"en": "source: ", "zh": "原文："},
    "screen.aliases": {"en": "aliases: ", "zh": "别名："},
    "screen.placed_at": {"en": "placed at: {host}", "zh": "设在：{host}"},
    "screen.unit.groups": {"en": "Groups", "zh": "所在分组"},
    "screen.unit.no_groups": {"en": "Named in no responsibility line.", "zh": "未列入任何责任分工。"},
    "screen.unit.may_report": {"en": "Indicators it may report", "zh": "可报送的指标"},
    "screen.milestones": {"en": "Schedule milestones:", "zh": "进度安排："},
    "screen.gap.title": {"en": "Gap by the end of {year}", "zh": "截至{year}年底的差距"},
    "screen.gap.plan": {"en": "{number} · plan version {version}", "zh": "{number} · 方案版本 {version}"},
    "screen.gap.legend": {"en": "Data {start}-{year}. Gap = expected − actual (+ is a shortfall); ratio = "
                                "progress made ÷ progress expected; worst first.",
                          "zh": "数据 {start}-{year}年。差距 = 应达 − 实际（正数为不足）；进度比 = "
                                "实际进展 ÷ 应有进展；最需关注的在前。"},
    "screen.no_match": {"en": "No indicator matches.", "zh": "没有符合条件的指标。"},
    "screen.forecast.meets": {"en": "meets", "zh": "可达标"},
    "screen.forecast.short": {"en": "short", "zh": "难达标"},
    "screen.gap.judged_at": {"en": " · judged at its target year {year}", "zh": " · 按目标年份{year}年评估"},
    "screen.gap.no_figure": {"en": " · no figure for {years}", "zh": " · 缺报：{years}"},
    "screen.gap.missed": {"en": " · yearly target missed in {years}", "zh": " · 未达年度目标：{years}"},
    "screen.progress_files.one": {"en": "{count} progress file", "zh": "进展报告 {count} 份"},
    "screen.progress_files.other": {"en": "{count} progress files", "zh": "进展报告 {count} 份"},
    "screen.status.head": {"en": "{number} · status for {year} · plan version {version} · {files}",
                           "zh": "{number} · {year}年进展 · 方案版本 {version} · {files}"},
    "screen.status.errors.one": {"en": "{count} error in the progress files: entries with errors are not "
                                       "counted. Run `sciplan validate` for details.",
                                 "zh": "进展报告中有 {count} 处错误，出错的条目未计入。详情请运行 "
                                       "`sciplan validate`。"},
    "screen.status.errors.other": {"en": "{count} errors in the progress files: entries with errors are "
                                         "not counted. Run `sciplan validate` for details.",
                                   "zh": "进展报告中有 {count} 处错误，出错的条目未计入。详情请运行 "
                                         "`sciplan validate`。"},
    "screen.goal.no_figure": {"en": "has no figure for {year}", "zh": "{year}年无数据"},
    "screen.goal.actual": {"en": "{actual} in {year}", "zh": "{year}年为 {actual}"},
    "screen.goal.expected": {"en": "; expected {value}", "zh": "；应达 {value}"},
    "screen.goal.target": {"en": "; target {target}", "zh": "；目标 {target}"},
    "screen.goal.forecast": {"en": " · forecast {value} in {year}, {verdict}",
                             "zh": " · 预测{year}年为 {value}，{verdict}"},
    "screen.goal.meets": {"en": "meets the target", "zh": "可达标"},
    "screen.goal.short": {"en": "short of the target", "zh": "难达标"},
    "screen.status.legend": {"en": "Progress: {made} way made towards the target, {expected} where a "
                                   "straight line from the start says it should be by now.",
                             "zh": "进度：{made} 为已完成的部分，{expected} "
                                   "为按从起点到目标的直线此时应达的位置。"},
    "screen.tasks.done": {"en": "done", "zh": "已完成"},
    "screen.tasks.in_progress": {"en": "in\nprogress", "zh": "推进中"},
    "screen.tasks.not_started": {"en": "not\nstarted", "zh": "未启动"},
    "screen.tasks.blocked": {"en": "blocked", "zh": "受阻"},
    "screen.tasks.not_reported": {"en": "not\nreported", "zh": "未报送"},
    "screen.reports.head": {"en": "Reports for {year}: ", "zh": "{year}年报送情况："},
    "screen.reports.sent": {"en": "{sent} of {owed} units that owe one sent it",
                            "zh": "应报送单位 {owed} 个，已报送 {sent} 个"},
    "screen.reports.not_received_from": {"en": "  not received from:", "zh": "  未报送的单位："},
    "screen.reports.leads": {"en": "leads {groups}", "zh": "牵头 {groups}"},
    "screen.reports.reports": {"en": "reports {indicators}", "zh": "报送 {indicators}"},
    "screen.units.title": {"en": "Units of {number}", "zh": "{number} 涉及的单位"},
    "screen.units.intro": {"en": "Leads and joins name the groups (`sciplan plan` lists them). "
                                 "Indicators: how many of its groups' indicators it may report, and those "
                                 "it alone reports; `sciplan unit ID` lists them all.",
                           "zh": "牵头、参加：所在分组（`sciplan plan` 列出全部分组）。\n"
                                 "指标：可报送的所在分组指标数，以及只由该单位报送的指标；\n"
                                 "`sciplan unit ID` 列出单位的全部指标。"},
    "screen.units.intro_year": {"en": " {year}: did a valid report for {year} arrive (- owes none)?",
                                "zh": "\n{year}：是否已收到该单位 {year} 年的有效报告（- 表示无需报送）。"},
    "screen.units.via_groups": {"en": "{count} via groups", "zh": "所在分组 {count} 项"},
    "screen.units.yes": {"en": "yes", "zh": "已报"},
    "screen.units.no": {"en": "NO", "zh": "未报"},
    "screen.units.owing": {"en": "{units} units; {owing} owe a yearly report (they lead a group or report "
                                 "a level).",
                           "zh": "共 {units} 个单位，其中 {owing} "
                                 "个须按年报送（牵头分组或报送水平类指标）。"},
    "screen.units.received": {"en": "Reports for {year}: {received} of {owing} received",
                              "zh": "{year}年报告：应报 {owing} 个，已收到 {received} 个"},
    "screen.units.not_received": {"en": "  not received: ", "zh": "  未收到："},
    "screen.unit.records": {"en": "records counted: {start}-{year}", "zh": "统计年份：{start}-{year}"},
    "screen.unit.not_yet": {"en": "not yet", "zh": "尚未报送"},
    "screen.unit.no_tasks": {"en": "Named in no responsibility line: no tasks to report on.",
                             "zh": "未列入任何责任分工，没有需要报送的任务。"},
    "screen.unit.figures": {"en": "Indicators it reports: its own figures", "zh": "报送的指标：本单位数值"},
    "screen.unit.target": {"en": "target {target}", "zh": "目标 {target}"},
    "screen.unit.figures_note": {"en": "Annual and cumulative indicators: the unit's figure for each year "
                                       "(not a running total); levels: its year-end figure. - means none "
                                       "reported.",
                                 "zh": "年度类和累计类指标为本单位当年数值（非逐年累计）；"
                                       "水平类指标为年末数值。\n- 表示未报送。"},
    "screen.unit.no_indicators": {"en": "Reports no indicator.", "zh": "不报送指标。"},
    "screen.unit.milestones": {"en": "Schedule milestones it reports:", "zh": "负责报送的进度安排："},
    "screen.unit.unreported": {"en": "Tasks not reported on by {year}: ",
                               "zh": "截至{year}年尚未报送的任务："},
    "screen.unit.all_reported": {"en": "Every task has been reported on at least once.",
                                 "zh": "每项任务均至少报送过一次。"},
    "screen.unit.received": {"en": "Reports received: ", "zh": "已收到的报告："},
    "screen.unit.missing": {"en": "Missing years: ", "zh": "缺报年份："},
    "screen.unit.missing_none": {"en": "Missing years: none", "zh": "缺报年份：无"},
    "screen.unit.owes_nothing": {"en": "It owes no yearly report of its own (it neither leads a group nor "
                                       "reports a level); it reports when it has figures for its groups.",
                                 "zh": "本单位无需单独按年报送（既不牵头分组，也不报送水平类指标）；\n"
                                       "有所在分组的数据时再报送。"},
    "screen.unit.template": {"en": "Template: ", "zh": "模板："},
    # Markdown (`--format markdown` of gap and status): the markup stays outside the messages.
    "markdown.col.indicator": {"en": "指标 Indicator", "zh": "指标"},
    "markdown.col.id": {"en": "id", "zh": "编号"},
    "markdown.col.forecast": {"en": "Forecast", "zh": "预测"},
    "markdown.col.missing": {"en": "Missing years", "zh": "缺报年份"},
    "markdown.col.milestone": {"en": "Milestone", "zh": "事项"},
    "markdown.forecast.meets": {"en": "{value} (meets)", "zh": "{value}（可达标）"},
    "markdown.forecast.short": {"en": "{value} (short)", "zh": "{value}（难达标）"},
    "markdown.missed": {"en": "missed {years}", "zh": "未达标 {years}"},
    "markdown.plan": {"en": "{title} ({number}), plan version {version}.",
                      "zh": "{title}（{number}），方案版本 {version}。"},
    "markdown.status.title": {"en": "Status for {year}", "zh": "{year}年实施进展"},
    "markdown.status.errors": {"en": "{errors} errors in {files} progress files: entries with errors are "
                                     "not counted. Run `sciplan validate` for details.",
                               "zh": "{files} 份进展报告中有 {errors} 处错误，出错的条目未计入。"
                                     "详情请运行 `sciplan validate`。"},
    "markdown.goal": {"en": "总体目标 Overall goal:", "zh": "总体目标："},
    "markdown.goal_line": {"en": "{name} {target}: actual {actual}, expected {expected}: {status}.",
                           "zh": "{name} {target}：实际 {actual}，应达 {expected}：{status}。"},
    "markdown.tasks": {"en": "Task status reported for {year}", "zh": "{year}年任务报送情况"},
    "markdown.milestones": {"en": "Schedule milestones", "zh": "进度安排"},
    "markdown.reports": {"en": "Reports for {year}", "zh": "{year}年报送情况"},
    "markdown.reports_line": {"en": "{sent} of {owed} units that owe a report sent one.",
                              "zh": "应报送单位 {owed} 个，已报送 {sent} 个。"},
    "markdown.not_received": {"en": "Not received: ", "zh": "未报送："},
    # --- command line messages (cli.py) ---------------------------------------------------------------
    "cli.error": {"en": "Error: {message}", "zh": "错误：{message}"},
    "cli.aborted": {"en": "Aborted.", "zh": "已中止。"},
    "cli.no_plan": {"en": "no plan found: pass --plan PATH or set SCIPLAN_PLAN",
                    "zh": "找不到实施方案：请用 --plan PATH 指定，或设置 SCIPLAN_PLAN"},
    "cli.plan_is_folder": {"en": "--plan {path} is a folder; give the plan's .yaml file",
                           "zh": "--plan {path} 是文件夹；请给出方案的 .yaml 文件"},
    "cli.plan_not_found": {"en": "plan file not found: {path}", "zh": "找不到方案文件：{path}"},
    "cli.progress_not_found": {"en": "progress folder not found: {path}",
                               "zh": "找不到进展报告文件夹：{path}"},
    "cli.progress_is_file": {"en": "--progress {path} is a file; give the folder that holds the progress "
                                   "files",
                             "zh": "--progress {path} 是文件；请给出存放进展报告的文件夹"},
    "cli.no_progress": {"en": "no progress folder found: pass --progress DIR or set SCIPLAN_PROGRESS",
                        "zh": "找不到进展报告文件夹：请用 --progress DIR 指定，或设置 SCIPLAN_PROGRESS"},
    "cli.no_progress_to_validate": {"en": "no progress folder found: give files or folders, or pass "
                                          "--progress DIR",
                                    "zh": "找不到进展报告文件夹：请给出文件或文件夹，或用 --progress DIR "
                                          "指定"},
    "cli.progress_none": {"en": "note: no progress folder: looked for {path} and found none, so 0 progress "
                                "files are read and every target shows no data. Make a unit's file with "
                                "`sciplan template --unit UNIT --year YEAR` and save it under {path}/, or "
                                "pass --progress DIR.",
                          "zh": "提示：没有进展报告文件夹：已查找 {path}，未找到，因此读取 0 份进展报告，"
                                "各项指标均显示为无数据。请用 `sciplan template --unit 单位 --year 年份` "
                                "生成本单位的报告文件并保存到 {path}/ 下，或用 --progress DIR 指定文件夹。"},
    # --- the invented sample shipped with sciplan, announced wherever it is in use -------------------
    "sample.line": {"en": "SAMPLE DATA: invented figures shipped with sciplan for illustration, not real "
                          "reports.",
                    "zh": "示例数据：以下为 sciplan 自带的虚构演示数据，并非真实报送。"},
    "sample.hint": {"en": "For real figures put the units' progress files in ./data/progress/ (make one "
                          "with `sciplan template`) or pass --progress DIR.",
                    "zh": "如需使用真实数据，请将各单位的进展报告放入 ./data/progress/"
                          "（可用 `sciplan template` 生成模板），或用 --progress DIR 指定文件夹。"},
    "sample.print": {"en": "SAMPLE DATA: invented figures, not real reports",
                     "zh": "示例数据：虚构演示，并非真实报送"},
    "cli.output_exists": {"en": "{path} already exists; pass --force to overwrite it",
                          "zh": "{path} 已存在；如需覆盖请加 --force"},
    "cli.cannot_write": {"en": "cannot write {path}: {reason}", "zh": "无法写入 {path}：{reason}"},
    "cli.cannot_read": {"en": "cannot read {path}: {reason}", "zh": "无法读取 {path}：{reason}"},
    "cli.wrote": {"en": "wrote {path}", "zh": "已写入 {path}"},
    "cli.year_outside": {"en": "--year {year} is outside the plan period {start}-{end}",
                         "zh": "--year {year} 不在方案实施期 {start}-{end} 内"},
    "cli.unknown_status": {"en": "unknown status {statuses}; choose from {choices}",
                           "zh": "未知状态 {statuses}；可选：{choices}"},
    "cli.errors_warning.one": {"en": "warning: {count} error in the progress files; entries with errors "
                                     "are not counted (run `sciplan validate`)",
                               "zh": "警告：进展报告中有 {count} 处错误，出错的条目未计入（请运行 "
                                     "`sciplan validate`）"},
    "cli.errors_warning.other": {"en": "warning: {count} errors in the progress files; entries with "
                                       "errors are not counted (run `sciplan validate`)",
                                 "zh": "警告：进展报告中有 {count} 处错误，出错的条目未计入（请运行 "
                                       "`sciplan validate`）"},
    "cli.no_unit": {"en": "no unit is called `{name}`; `sciplan units` lists them",
                    "zh": "没有名为 `{name}` 的单位；`sciplan units` 可列出全部单位"},
    "cli.no_unit_close": {"en": "no unit is called `{name}`; did you mean {close}?",
                          "zh": "没有名为 `{name}` 的单位；是否要找 {close}？"},
    "cli.not_in_plan": {"en": "nothing in the plan is called `{key}`; `sciplan plan` lists the ids",
                        "zh": "方案中没有 `{key}`；`sciplan plan` 可列出全部编号"},
    "cli.not_in_plan_close": {"en": "nothing in the plan is called `{key}`; did you mean {close}?",
                              "zh": "方案中没有 `{key}`；是否要找 {close}？"},
    "cli.plan_sound": {"en": "{path}: plan `{plan}` version {version} is sound: {groups} groups, {tasks} "
                             "tasks, {indicators} indicators, {units} units, {townships} townships, "
                             "{milestones} milestones",
                       "zh": "{path}：方案 `{plan}` 第 {version} 版无误：{groups} 个分组、{tasks} 项任务、"
                             "{indicators} 项指标、{units} 个单位、{townships} 个乡镇、{milestones} "
                             "个进度安排事项"},
    "cli.no_township": {"en": "no township is called `{area}`; townships: {townships}",
                        "zh": "没有名为 `{area}` 的乡镇；乡镇有：{townships}"},
    "cli.no_such_file": {"en": "no such file: {path}", "zh": "文件不存在：{path}"},
    "cli.workbook_is_folder": {"en": "{path} is a folder; give the .xlsx file",
                               "zh": "{path} 是文件夹；请给出 .xlsx 文件"},
    "cli.imported": {"en": "{path}: {values} values{left_out}, {tasks} tasks, {milestones} milestones; no "
                           "problems",
                     "zh": "{path}：数值 {values} 项{left_out}，任务 {tasks} 项，进度安排 {milestones} "
                           "项；未发现问题"},
    "cli.left_out": {"en": " ({count} left out as 无)", "zh": "（{count} 项填“无”，未计入）"},
    "cli.nothing_written": {"en": "nothing written: fix the errors above (or pass --force to write {path} "
                                  "anyway)",
                            "zh": "未写入任何文件：请先改正上述错误（或加 --force 仍写入 {path}）"},
    "cli.bad_epoch": {"en": "SOURCE_DATE_EPOCH={value} is not a number of seconds since 1970",
                      "zh": "SOURCE_DATE_EPOCH={value} 不是自 1970 年起的秒数"},
    # --- findings: loading -----------------------------------------------------------------------------
    "finding.L001.utf16": {"en": "file is UTF-16 (what Notepad calls \"Unicode\"), not UTF-8",
                           "zh": "文件是 UTF-16 编码（记事本中称为“Unicode”），不是 UTF-8"},
    "finding.L001.not_utf8": {"en": "file is not UTF-8 (invalid byte 0x{byte})",
                              "zh": "文件不是 UTF-8 编码（无效字节 0x{byte}）"},
    "finding.L001.looks_gbk": {"en": "file is not UTF-8 (invalid byte 0x{byte}); it looks like GBK/GB18030, "
                                     "the encoding Chinese Office/WPS uses by default",
                               "zh": "文件不是 UTF-8 编码（无效字节 0x{byte}），看起来是 GBK/GB18030 编码，"
                                     "即中文版 Office/WPS 默认保存的编码"},
    "finding.L001.hint": {"en": "Save the file as UTF-8 (in WPS/Excel/Notepad: Save As -> Encoding: UTF-8).",
                          "zh": "请将文件另存为 UTF-8 编码（在 WPS、Excel 或记事本中：另存为 -> 编码选 UTF-"
                                "8）。"},
    "finding.L002.empty": {"en": "file is empty", "zh": "文件为空"},
    "finding.L002.empty.hint": {"en": "Fill in the report, e.g. start from `sciplan template --unit ... "
                                      "--year ...`.",
                                "zh": "请填写报告内容，例如先用 `sciplan template --unit ... --year ...` 生"
                                      "成模板。"},
    "finding.L003.size": {"en": "file is {size} bytes; the limit is {limit}",
                          "zh": "文件大小为 {size} 字节，超过上限 {limit} 字节"},
    "finding.L003.size.hint": {"en": "Progress files are a few kilobytes; is this the right file? Raise the "
                                     "limit with --max-bytes if it really is.",
                               "zh": "进展报告文件一般只有几 KB，请确认是否选错了文件；确实需要时，可用 --m"
                                     "ax-bytes 提高上限。"},
    "finding.L003.over": {"en": "file is larger than the limit of {limit} bytes",
                          "zh": "文件超过大小上限 {limit} 字节"},
    "finding.L003.over.hint": {"en": "Progress files are a few kilobytes; is this the right file?",
                               "zh": "进展报告文件一般只有几 KB，请确认是否选错了文件。"},
    "finding.L004.key_not_text": {"en": "a mapping key must be plain text, not a list or mapping",
                                  "zh": "键必须是普通文字，不能是列表或键值映射"},
    "finding.L004.key_not_text.hint": {"en": "Write keys as plain words followed by a colon, e.g. `value: "
                                             "1200`.",
                                       "zh": "键写成普通文字再加冒号，例如 `value: 1200`。"},
    "finding.L004.unclosed": {"en": "YAML syntax error: {what} that starts here is never closed",
                              "zh": "YAML 语法错误：从此处开始的{what}没有结束"},
    "finding.L004.open.quoted": {"en": "the quoted text", "zh": "引号内文字"},
    "finding.L004.open.list": {"en": "the [ list", "zh": "[ 列表"},
    "finding.L004.open.mapping": {"en": "the {brace} mapping", "zh": "{brace} 键值映射"},
    "finding.L004.close.quoted": {"en": "Add the closing quote (\" or ') where the text ends.",
                                  "zh": "请在文字结尾处补上后引号（\" 或 '）。"},
    "finding.L004.close.list": {"en": "Close the list with ].", "zh": "请用 ] 结束列表。"},
    "finding.L004.close.mapping": {"en": "Close the mapping with {brace}.",
                                   "zh": "请用 {brace} 结束键值映射。"},
    "finding.L004.syntax": {"en": "YAML syntax error: {problem}{context}",
                            "zh": "YAML 语法错误：{problem}{context}"},
    "finding.L004.syntax.hint": {"en": "Check the indentation and that every `key: value` has a space after "
                                       "the colon.",
                                 "zh": "请检查缩进，并确认每个 `key: value` 的冒号后面都有一个空格。"},
    "finding.L004.colon": {"en": "A colon inside a value needs quotes: `note: \"比例: 15%\"`; check the inde"
                                 "ntation too.",
                           "zh": "值里有冒号时要加引号，例如 `note: \"比例: 15%\"`；也请检查缩进。"},
    "finding.L004.context": {"en": " ({context})", "zh": "（{context}）"},
    # What YAML's parser says (libyaml's words, and the pure-Python parser's where they differ).
    "finding.yaml.problem.mapping_values": {"en": "mapping values are not allowed in this context",
                                            "zh": "此处不能出现“键: 值”"},
    "finding.yaml.problem.mapping_values_here": {"en": "mapping values are not allowed here",
                                                 "zh": "此处不能出现“键: 值”"},
    "finding.yaml.problem.expected_key": {"en": "did not find expected key", "zh": "找不到应有的键"},
    "finding.yaml.problem.expected_dash": {"en": "did not find expected '-' indicator",
                                           "zh": "缺少应有的列表标记 -"},
    "finding.yaml.problem.expected_bracket": {"en": "did not find expected ',' or ']'",
                                              "zh": "缺少应有的 , 或 ]"},
    "finding.yaml.problem.expected_brace": {"en": "did not find expected ',' or '{brace}'",
                                            "zh": "缺少应有的 , 或 {brace}"},
    "finding.yaml.problem.expected_colon": {"en": "could not find expected ':'", "zh": "找不到应有的冒号 :"},
    "finding.yaml.problem.end_of_stream": {"en": "found unexpected end of stream", "zh": "文件意外结束"},
    "finding.yaml.problem.cannot_start_token": {"en": "found character that cannot start any token",
                                                "zh": "出现了不能用在开头的字符"},
    "finding.yaml.problem.unknown_escape": {"en": "found unknown escape character",
                                            "zh": "出现了未知的转义字符"},
    "finding.yaml.problem.document_start": {"en": "did not find expected <document start>",
                                            "zh": "缺少应有的文档开始标记"},
    "finding.yaml.problem.node_content": {"en": "did not find expected node content", "zh": "缺少应有的内容"},
    "finding.yaml.problem.sequence_entries": {"en": "block sequence entries are not allowed in this context",
                                              "zh": "此处不能出现列表项 -"},
    "finding.yaml.problem.alphanumeric": {"en": "did not find expected alphabetic or numeric character",
                                          "zh": "缺少应有的字母或数字"},
    "finding.yaml.context.block_mapping": {"en": "while parsing a block mapping", "zh": "解析键值映射时"},
    "finding.yaml.context.block_collection": {"en": "while parsing a block collection", "zh": "解析列表时"},
    "finding.yaml.context.block_node": {"en": "while parsing a block node", "zh": "解析内容时"},
    "finding.yaml.context.flow_sequence": {"en": "while parsing a flow sequence", "zh": "解析 [ ] 列表时"},
    "finding.yaml.context.flow_mapping": {"en": "while parsing a flow mapping",
                                          "zh": "解析花括号内的键值映射时"},
    "finding.yaml.context.flow_node": {"en": "while parsing a flow node", "zh": "解析内容时"},
    "finding.yaml.context.scanning_quoted": {"en": "while scanning a quoted scalar",
                                             "zh": "读取引号内文字时"},
    "finding.yaml.context.parsing_quoted": {"en": "while parsing a quoted scalar", "zh": "解析引号内文字时"},
    "finding.yaml.context.plain_scalar": {"en": "while scanning a plain scalar", "zh": "读取值时"},
    "finding.yaml.context.simple_key": {"en": "while scanning a simple key", "zh": "读取键时"},
    "finding.yaml.context.next_token": {"en": "while scanning for the next token", "zh": "查找下一个符号时"},
    "finding.yaml.context.alias": {"en": "while scanning an alias", "zh": "读取别名时"},
    "finding.yaml.context.anchor": {"en": "while scanning an anchor", "zh": "读取锚点时"},
    "finding.L005.tab": {"en": "a tab character is used for indentation", "zh": "使用了制表符（Tab）缩进"},
    "finding.L005.tab.hint": {"en": "Replace tabs with spaces (two spaces per level).",
                              "zh": "请把制表符换成空格（每层缩进两个空格）。"},
    "finding.L006.duplicate_key": {"en": "key `{key}` appears twice (first on line {first_line})",
                                   "zh": "键 `{key}` 出现了两次（第一次在第 {first_line} 行）"},
    "finding.L006.duplicate_key.hint": {"en": "Keep one of them; YAML would otherwise silently use the last "
                                              "one.",
                                        "zh": "请只保留一个；否则 YAML 会不加提示地采用最后一个。"},
    "finding.L007.alias": {"en": "alias *{name} is not allowed", "zh": "不允许使用别名 *{name}"},
    "finding.L007.alias.hint": {"en": "Write the value out in full instead of referring to an anchor.",
                                "zh": "请直接写出完整的值，不要引用锚点。"},
    "finding.L007.alias_repeated": {"en": "alias *{name} is not allowed (used {uses} times; the first is "
                                          "here)",
                                    "zh": "不允许使用别名 *{name}（共用了 {uses} 次，此处是第一次）"},
    "finding.L007.anchor": {"en": "anchor &{name} is not allowed", "zh": "不允许使用锚点 &{name}"},
    "finding.L007.anchor.hint": {"en": "Remove the `&` anchor; write every value out in full.",
                                 "zh": "请删除 `&` 锚点，每个值都直接完整写出。"},
    "finding.L008.tag": {"en": "explicit tag {tag} is not allowed", "zh": "不允许使用显式标签 {tag}"},
    "finding.L008.tag.hint": {"en": "Remove the tag; write plain values such as 1200 or 县科协.",
                              "zh": "请删除标签，直接填写 1200 或 县科协 这样的普通值。"},
    "finding.L009.too_deep": {"en": "nesting deeper than {depth} levels", "zh": "嵌套超过 {depth} 层"},
    "finding.L009.too_deep.hint": {"en": "Progress files nest three levels at most; check the indentation.",
                                   "zh": "进展报告最多嵌套三层，请检查缩进。"},
    "finding.L010.not_mapping": {"en": "the top level is {got}, not a mapping of keys",
                                 "zh": "文件顶层是{got}，而不是由键组成的映射"},
    "finding.L010.not_mapping.hint": {"en": "Start the file with `plan: xinhuang-science-literacy` and the "
                                            "other keys, each on its own line.",
                                      "zh": "文件开头应为 `plan: xinhuang-science-literacy` 及其他各键，每"
                                            "个键单独一行。"},
    "finding.L011.nul": {"en": "file contains NUL bytes: it is binary, not YAML text",
                         "zh": "文件含有 NUL 字节：这是二进制文件，不是 YAML 文本"},
    "finding.L011.nul.hint": {"en": "Save the progress file as plain UTF-8 text (.yaml); a workbook is "
                                    "turned into one with `sciplan import`.",
                              "zh": "请将进展报告保存为 UTF-8 纯文本（.yaml）；Excel 工作簿可用 `sciplan im"
                                    "port` 转换。"},
    "finding.L011.control": {"en": "file contains control characters: it looks binary, not YAML text",
                             "zh": "文件含有控制字符：看起来是二进制文件，不是 YAML 文本"},
    "finding.L011.control.hint": {"en": "Save the progress file as plain UTF-8 text.",
                                  "zh": "请将进展报告保存为 UTF-8 纯文本。"},
    "finding.L012.folder": {"en": "this is a folder, not a file", "zh": "这是文件夹，不是文件"},
    "finding.L012.broken_link": {"en": "this is a broken symlink: what it points to does not exist",
                                 "zh": "这是失效的符号链接：它指向的文件不存在"},
    "finding.L012.special": {"en": "this is not a regular file (a pipe or a device?)",
                             "zh": "这不是普通文件（可能是管道或设备）"},
    "finding.L012.hint": {"en": "Give the path of a .yaml file, or a folder to check every file in it.",
                          "zh": "请给出 .yaml 文件的路径，或给出文件夹以检查其中的全部文件。"},
    "finding.L014.gone": {"en": "cannot read file: it does not exist", "zh": "无法读取文件：文件不存在"},
    "finding.L014.unreadable": {"en": "cannot read file: {reason}", "zh": "无法读取文件：{reason}"},
    "finding.L014.hint": {"en": "Check that the file exists and that you may read it.",
                          "zh": "请确认文件存在，且有读取权限。"},
    # The operating system's reasons (its English words on Linux and macOS).
    "finding.os.permission_denied": {"en": "Permission denied", "zh": "没有权限"},
    "finding.os.not_found": {"en": "No such file or directory", "zh": "文件或文件夹不存在"},
    "finding.os.is_directory": {"en": "Is a directory", "zh": "这是文件夹"},
    "finding.os.io_error": {"en": "Input/output error", "zh": "读写出错"},
    "finding.os.symlink_loop": {"en": "Too many levels of symbolic links", "zh": "符号链接层数过多"},
    "finding.L015.second_document": {"en": "the file holds a second YAML document",
                                     "zh": "文件中有第二个 YAML 文档"},
    "finding.L015.second_document.hint": {"en": "Put one unit's report for one year in each file; remove "
                                                "the `---`.",
                                          "zh": "每个文件只放一个单位一年的报告；请删除 `---`。"},
    "finding.L017.character": {"en": "character {character} is not allowed in YAML",
                               "zh": "YAML 中不允许出现字符 {character}"},
    "finding.L017.character.hint": {"en": "Delete the invisible character (often pasted from a web page or "
                                          "a workbook); save as plain text.",
                                    "zh": "请删除这个看不见的字符（常是从网页或表格中复制带入的），再保存为"
                                          "纯文本。"},
    "finding.L017.reader": {"en": "character not allowed in YAML: {character}",
                            "zh": "YAML 中不允许出现的字符：{character}"},
    "finding.L017.reader.hint": {"en": "Remove the control character; save as plain text.",
                                 "zh": "请删除该控制字符，再保存为纯文本。"},
    # --- findings: validation --------------------------------------------------------------------------
    # Words filled into other findings: what a value turned out to be, a suggestion, a township.
    "finding.type.empty": {"en": "empty", "zh": "空值"},
    "finding.type.bool": {"en": "true/false", "zh": "true/false（是/否）"},
    "finding.type.number": {"en": "a number", "zh": "数字"},
    "finding.type.text": {"en": "text", "zh": "文字"},
    "finding.type.plain_text": {"en": "plain text", "zh": "普通文字"},
    "finding.type.list": {"en": "a list", "zh": "列表"},
    "finding.type.mapping": {"en": "a mapping", "zh": "键值映射"},
    "finding.type.date": {"en": "a date", "zh": "日期"},
    "finding.did_you_mean": {"en": "Did you mean `{word}`?", "zh": "是否应为 `{word}`？"},
    "finding.area.in": {"en": " in {name}", "zh": "{name}"},
    "finding.none": {"en": "none", "zh": "无"},
    # Finding the files.
    "finding.L012.folder_named_yaml": {"en": "this is a folder, named like a progress file",
                                       "zh": "这是文件夹，却用了进展报告文件的名字"},
    "finding.L012.folder_named_yaml.hint": {"en": "Progress files are single .yaml files; rename the folder "
                                                  "or move the file out of it.",
                                            "zh": "进展报告是单个 .yaml 文件；请给文件夹改名，或把文件移出"
                                                  "来。"},
    "finding.L013.outside": {"en": "this symlink leads outside {folder}, to {target}",
                             "zh": "此符号链接指向 {folder} 之外：{target}"},
    "finding.L013.outside.hint": {"en": "Copy the file into the folder instead of linking it.",
                                  "zh": "请把文件复制到该文件夹中，不要使用链接。"},
    "finding.L016.no_files": {"en": "no .yaml or .yml files in this folder",
                              "zh": "此文件夹中没有 .yaml 或 .yml 文件"},
    "finding.L016.no_files.hint": {"en": "Progress files are named like 2024/agriculture.yaml.",
                                   "zh": "进展报告文件的命名形如 2024/agriculture.yaml。"},
    "error.no_such_path": {"en": "no such file or folder: {path}", "zh": "文件或文件夹不存在：{path}"},
    "error.worker_stopped": {"en": "a worker process stopped unexpectedly (out of memory?); "
                                   "run again with --jobs 1",
                             "zh": "检查进程意外退出（内存不足？）；请加 --jobs 1 重新运行"},
    "error.plan_unusable": {"en": "the plan {path} is not usable; run `sciplan plan check` for details",
                            "zh": "实施方案 {path} 无法使用；详情请运行 `sciplan plan check`"},
    # The plan file's format (pydantic's errors, worded by sciplan).
    "finding.C001.missing": {"en": "required key `{key}` is missing", "zh": "缺少必填的键 `{key}`"},
    "finding.C001.unknown_key": {"en": "unknown key `{key}`", "zh": "未知的键 `{key}`"},
    "finding.C001.invalid": {"en": "`{where}`: {detail}", "zh": "`{where}`：{detail}"},
    "finding.C001.hint": {"en": "See docs/formats.md for the plan format.",
                          "zh": "实施方案文件的格式见 docs/formats.md。"},
    "finding.pydantic.string_type": {"en": "input should be a valid string", "zh": "应填写文字"},
    "finding.pydantic.int_type": {"en": "input should be a valid integer", "zh": "应填写整数"},
    "finding.pydantic.int_from_float": {"en": "input should be a valid integer, got a number with a "
                                              "fractional part",
                                        "zh": "应填写整数，不能有小数"},
    "finding.pydantic.int_parsing": {"en": "input should be a valid integer, unable to parse string as an "
                                           "integer",
                                     "zh": "应填写整数，这段文字不是整数"},
    "finding.pydantic.float_type": {"en": "input should be a valid number", "zh": "应填写数字"},
    "finding.pydantic.float_parsing": {"en": "input should be a valid number, unable to parse string as a "
                                             "number",
                                       "zh": "应填写数字，这段文字不是数字"},
    "finding.pydantic.bool_type": {"en": "input should be a valid boolean", "zh": "应填写 true 或 false"},
    "finding.pydantic.list_type": {"en": "input should be a valid list", "zh": "应填写列表"},
    "finding.pydantic.bool_parsing": {"en": "input should be a valid boolean, unable to interpret input",
                                      "zh": "应填写 true 或 false，无法识别所填内容"},
    "finding.pydantic.finite_number": {"en": "input should be a finite number", "zh": "应填写有限的数值"},
    "finding.pydantic.model_type": {"en": "input should be a valid dictionary or instance of {class_name}",
                                    "zh": "应为键值映射（{class_name}）"},
    "finding.pydantic.string_pattern_mismatch": {"en": "string should match pattern '{pattern}'",
                                                 "zh": "应符合格式 '{pattern}'"},
    "finding.pydantic.literal_error": {"en": "input should be {expected}", "zh": "应为 {expected}"},
    "finding.pydantic.enum": {"en": "input should be {expected}", "zh": "应为 {expected}"},
    "finding.pydantic.greater_than": {"en": "input should be greater than {gt}", "zh": "应大于 {gt}"},
    "finding.pydantic.dict_type": {"en": "input should be a valid dictionary", "zh": "应填写键值映射"},
    # Structure of a progress file.
    "finding.S101.unknown_key": {"en": "unknown key `{key}`", "zh": "未知的键 `{key}`"},
    "finding.S101.allowed_keys": {"en": "Allowed keys: {keys}.", "zh": "可用的键：{keys}。"},
    "finding.S102.missing": {"en": "required key `{key}` is missing{where}",
                             "zh": "{where}缺少必填的键 `{key}`"},
    "finding.S102.missing.hint": {"en": "Add `{key}:`; see docs/formats.md for an example.",
                                  "zh": "请补上 `{key}:`，示例见 docs/formats.md。"},
    "finding.S102.in_entry": {"en": " in entry {number} of `{list}`", "zh": "`{list}` 第 {number} 条"},
    "finding.S103.not_text": {"en": "`{key}` must be text, not {got}",
                              "zh": "`{key}` 应填写文字，而不是{got}"},
    "finding.S103.not_text.hint": {"en": "Write it as `{key}: ...` on one line.",
                                   "zh": "请写在一行内：`{key}: ...`。"},
    "finding.S103.plan_version": {"en": "`plan_version` must be a whole number, not {got}",
                                  "zh": "`plan_version` 应为整数，而不是{got}"},
    "finding.S103.plan_version.hint": {"en": "Write `plan_version: {version}`.",
                                       "zh": "请填写 `plan_version: {version}`。"},
    "finding.S103.not_list": {"en": "`{key}` must be a list of entries, each starting with `- `, not {got}",
                              "zh": "`{key}` 应为条目列表，每条以 `- ` 开头，而不是{got}"},
    "finding.S103.not_list.hint": {"en": "See docs/formats.md for the `{key}` list.",
                                   "zh": "`{key}` 列表的写法见 docs/formats.md。"},
    "finding.S103.entry_not_mapping": {"en": "entry {number} of `{key}` must be a mapping of keys, not {got}",
                                       "zh": "`{key}` 的第 {number} 条应由若干键组成，而不是{got}"},
    "finding.S103.entry_not_mapping.hint": {"en": "Each entry starts with `- ` followed by `key: value` "
                                                  "lines, indented alike.",
                                            "zh": "每条以 `- ` 开头，后面是缩进对齐的 `key: value` 各行。"},
    "finding.S103.value_bool": {"en": "`value` must be a number; `{raw}` is read as true/false",
                                "zh": "`value` 应为数字；`{raw}` 会被读成 true/false（是/否）"},
    "finding.S103.plain_number": {"en": "Write the figure as a plain number, e.g. `value: 1200`.",
                                  "zh": "请直接填写数字，例如 `value: 1200`。"},
    "finding.S103.value_text": {"en": "`value` must be a number, not text ({value})",
                                "zh": "`value` 应为数字，而不是文字（{value}）"},
    "finding.S103.value_text.hint": {"en": "Write the figure as a plain number; put remarks in `note:`.",
                                     "zh": "请直接填写数字；说明文字请写在 `note:` 中。"},
    "finding.S103.value_type": {"en": "`value` must be a number, not {got}",
                                "zh": "`value` 应为数字，而不是{got}"},
    "finding.S103.evidence": {"en": "`evidence` must be text, not {got}",
                              "zh": "`evidence`（佐证）应填写文字，而不是{got}"},
    "finding.S103.evidence.hint": {"en": "Describe briefly what was done.", "zh": "请简要说明做了哪些工作。"},
    "finding.S104.number_as_text": {"en": "`value` is text ({value}), not a number",
                                    "zh": "`value` 填成了文字（{value}），不是数字"},
    "finding.S104.number_as_text.hint": {"en": "Write `value: {number}`: digits only, no quotes, commas or "
                                               "% sign.",
                                         "zh": "请写成 `value: {number}`：只填数字，不加引号、逗号或 % 号。"},
    "finding.S105.not_whole": {"en": "`{indicator}` counts {measure}; {number} is not a whole number",
                               "zh": "`{indicator}` 的计量单位是{measure}，{number} 不是整数"},
    "finding.S105.not_whole.hint": {"en": "Write a whole number, e.g. `value: {whole}`.",
                                    "zh": "请填写整数，例如 `value: {whole}`。"},
    "finding.S106.above_100": {"en": "`{indicator}` is a percentage; {number} is above 100",
                               "zh": "`{indicator}` 是百分比，{number} 超过了 100"},
    "finding.S106.above_100.hint": {"en": "Write the percentage itself: 15.2 for 15.2%, not 0.152 or 1520.",
                                    "zh": "请直接填写百分数：15.2% 填 15.2，不要填 0.152 或 1520。"},
    "finding.S107.negative": {"en": "`value` is negative ({number})", "zh": "`value` 为负数（{number}）"},
    "finding.S107.negative.hint": {"en": "Reported figures are never negative; check the sign.",
                                   "zh": "填报的数值不会是负数，请检查正负号。"},
    "finding.S108.not_finite": {"en": "`value` is {raw}, not a finite number",
                                "zh": "`value` 为 {raw}，不是有限的数值"},
    "finding.S108.not_finite.hint": {"en": "Write the actual figure; leave the entry out if there is none.",
                                     "zh": "请填写实际数值；没有数据的，请删除该条。"},
    "finding.S109.bool": {"en": "`status: {raw}` is read by YAML as true/false, not a status",
                          "zh": "`status: {raw}` 会被 YAML 读成 true/false（是/否），不是状态"},
    "finding.S109.empty": {"en": "`status` is empty", "zh": "`status`（状态）未填写"},
    "finding.S109.unknown": {"en": "`status` must be one of {words}, not {value}",
                             "zh": "`status` 应为 {words} 之一，而不是 {value}"},
    "finding.S109.chinese": {"en": "Did you mean `{status}`? Statuses are written in English.",
                             "zh": "是否应为 `{status}`？状态请用英文填写。"},
    "finding.S109.words": {"en": "Write one of: {words}.", "zh": "请填写其中之一：{words}。"},
    "finding.S110.missing": {"en": "{what} is marked {status}, but `evidence` is missing",
                             "zh": "{what} 的状态为 {status}，但没有填写 `evidence`（佐证）"},
    "finding.S110.missing.hint": {"en": "Add `evidence:` saying what was done (or what blocks it), e.g. 举办"
                                        "培训班 6 期.",
                                  "zh": "请补充 `evidence:`，说明完成了什么（或受阻的原因），例如 举办培训"
                                        "班 6 期。"},
    "finding.what.task": {"en": "task {id}", "zh": "任务 {id}"},
    "finding.what.milestone": {"en": "milestone {id}", "zh": "进度节点 {id}"},
    "finding.S111.empty": {"en": "`value` is not filled in", "zh": "`value`（数值）未填写"},
    "finding.S111.empty.hint": {"en": "Write the year's figure, e.g. `value: 1200`, or remove the entry if "
                                      "there is none.",
                                "zh": "请填写当年数值，例如 `value: 1200`；没有数据的，请删除该条。"},
    "finding.S112.no_such_day": {"en": "`{key}` is not a real date: {value} (no such day)",
                                 "zh": "`{key}` 不是真实的日期：{value}（没有这一天）"},
    "finding.S112.no_such_day.hint": {"en": "Check the month and day; dates are written YYYY-MM-DD, e.g. "
                                            "2025-01-20.",
                                      "zh": "请核对月份和日期；日期写作 YYYY-MM-DD，例如 2025-01-20。"},
    "finding.S112.quoted": {"en": "`{key}` is quoted text ({value}), not a date",
                            "zh": "`{key}` 加了引号（{value}），是文字而不是日期"},
    "finding.S112.quoted.hint": {"en": "Remove the quotes: `{key}: {date}`.",
                                 "zh": "请去掉引号：`{key}: {date}`。"},
    "finding.S112.invalid": {"en": "`{key}` is not a valid date: {value}",
                             "zh": "`{key}` 不是有效的日期：{value}"},
    "finding.S112.invalid.hint": {"en": "Write dates as YYYY-MM-DD, e.g. 2025-01-20.",
                                  "zh": "日期请写作 YYYY-MM-DD，例如 2025-01-20。"},
    "finding.S113.not_year": {"en": "`period` must be a year such as {example}, not {got}",
                              "zh": "`period`（报告期）应为年份，例如 {example}，而不是{got}"},
    "finding.S113.not_year.hint": {"en": "Write the year alone: `period: 2024`.",
                                   "zh": "只填年份：`period: 2024`。"},
    # References to the plan.
    "finding.R201.other_plan": {"en": "plan `{plan}` is not the plan being checked (`{expected}`)",
                                "zh": "`plan` 填的是 `{plan}`，不是本次校验所用的实施方案（`{expected}`）"},
    "finding.R201.other_plan.hint": {"en": "Write `plan: {expected}`.", "zh": "请填写 `plan: {expected}`。"},
    "finding.R202.version": {"en": "plan version {version} does not match the plan's version {expected}",
                             "zh": "方案版本 {version} 与实施方案的版本 {expected} 不一致"},
    "finding.R202.version.hint": {"en": "Update the file to plan version {expected} (`sciplan template` "
                                        "makes a fresh one).",
                                  "zh": "请按第 {expected} 版方案更新文件（可用 `sciplan template` 重新生成"
                                        "）。"},
    "finding.R203.unknown_unit": {"en": "unknown unit `{unit}`", "zh": "未知的单位 `{unit}`"},
    "finding.R203.units": {"en": "`sciplan units` lists every unit with its id and short names.",
                           "zh": "`sciplan units` 可列出全部单位及其编号和简称。"},
    "finding.R204.unknown_township": {"en": "unknown township `{area}`", "zh": "未知的乡镇 `{area}`"},
    "finding.R204.townships": {"en": "Townships: {townships}; leave `area` out for county-wide figures.",
                               "zh": "乡镇有：{townships}；全县的数据请不要填写 `area`。"},
    "finding.R205.unknown_indicator": {"en": "unknown indicator `{indicator}`",
                                       "zh": "未知的指标 `{indicator}`"},
    "finding.R205.indicators": {"en": "`sciplan plan` lists every indicator id.",
                                "zh": "`sciplan plan` 可列出全部指标编号。"},
    "finding.R206.unknown_task": {"en": "unknown task `{task}`", "zh": "未知的任务 `{task}`"},
    "finding.R206.tasks": {"en": "Task ids look like farmers.2; `sciplan plan` lists them.",
                           "zh": "任务编号形如 farmers.2；`sciplan plan` 可列出全部任务。"},
    "finding.R207.unknown_milestone": {"en": "unknown milestone `{milestone}`",
                                       "zh": "未知的进度节点 `{milestone}`"},
    "finding.R207.milestones": {"en": "Milestones: {milestones}.", "zh": "进度节点有：{milestones}。"},
    "finding.R208.computed": {"en": "`{indicator}` is computed, not reported",
                              "zh": "`{indicator}` 由计算得出，不需要填报"},
    "finding.R208.computed.hint": {"en": "Report `{numerator}` and `{denominator}` instead; sciplan "
                                         "computes the ratio.",
                                   "zh": "请改为填报 `{numerator}` 和 `{denominator}`，比值由 sciplan 计算"
                                         "。"},
    "finding.R209.outside": {"en": "year {year} is outside the plan period {start}-{end}",
                             "zh": "{year} 年不在方案实施期 {start}-{end} 内"},
    "finding.R209.outside.hint": {"en": "Report a year from {start} to {end}.",
                                  "zh": "请填报 {start} 至 {end} 年之间的年份。"},
    "finding.R210.before_year": {"en": "the report for {period} is dated {submitted}, before that year began",
                                 "zh": "{period} 年报告的报送日期为 {submitted}，早于该年开始"},
    "finding.R210.before_year.hint": {"en": "Check `period` and `submitted`: the submission date comes "
                                            "after the year reported.",
                                      "zh": "请核对 `period` 和 `submitted`：报送日期应在所报年份开始之后。"},
    "finding.R211.folder_year": {"en": "file is in folder {folder} but reports period {period}",
                                 "zh": "文件在 {folder} 文件夹中，报告期却是 {period}"},
    "finding.R211.folder_year.hint": {"en": "Move the file to the {period} folder, or correct `period` if "
                                            "it is wrong.",
                                      "zh": "请把文件移到 {period} 文件夹；如报告期填错了，请改正 `period`"
                                            "。"},
    # Who may report what.
    "finding.P301.not_reporter": {"en": "{unit} may not report `{indicator}` ({name})",
                                  "zh": "{unit}不负责填报 `{indicator}`（{name}）"},
    "finding.P301.not_reporter.hint": {"en": "It is reported by {reporters}{more}; `sciplan unit {unit_id}` "
                                             "lists what this unit reports.",
                                       "zh": "该指标由{reporters}{more}填报；`sciplan unit {unit_id}` 可列"
                                             "出本单位应填报的内容。"},
    "finding.P301.more": {"en": " ...", "zh": "等"},
    "finding.P302.not_in_groups": {"en": "{unit} neither leads nor joins {group}, so it does not report on "
                                         "{task}",
                                   "zh": "{unit}既不是{group}的牵头单位，也不是参加单位，不报送任务 {task}"},
    "finding.P302.not_in_groups.hint": {"en": "Report only tasks of your groups; `sciplan unit {unit_id}` "
                                              "lists them.",
                                        "zh": "只报送本单位牵头或参加的提升行动、重点工程中的任务；`sciplan"
                                              " unit {unit_id}` 可列出这些任务。"},
    "finding.P303.not_responsible": {"en": "{unit} does not report the schedule item `{milestone}`",
                                     "zh": "{unit}不负责报送进度节点 `{milestone}`"},
    "finding.P303.not_responsible.hint": {"en": "Schedule items are reported by the leading group's office "
                                                "at 县科协.",
                                          "zh": "进度节点由设在县科协的领导小组办公室报送。"},
    # Across files, and plausibility.
    "finding.X401.twice": {"en": "{unit} reports `{indicator}` for {year}{area} twice: here and at {other}",
                           "zh": "{unit}重复填报了 {year} 年{area}的 `{indicator}`：此处和 {other}"},
    "finding.X401.twice.hint": {"en": "Keep one figure; if both are parts of a total, add them up.",
                                "zh": "请只保留一个数值；如果两者都是总数的一部分，请相加后填报。"},
    "finding.X402.also": {"en": "`{indicator}` for {year}{area} is also reported by {unit} at {other}",
                          "zh": "{year} 年{area}的 `{indicator}` 也由{unit}在 {other} 填报"},
    "finding.X402.also.hint": {"en": "A level indicator has one reporting unit; agree which figure stands.",
                               "zh": "水平类指标只由一个单位填报；请商定以哪个数值为准。"},
    "finding.X402.stands": {"en": "`{indicator}` for {year}{area} is also reported by {unit} at {other}; "
                                  "that figure stands",
                            "zh": "{year} 年{area}的 `{indicator}` 也由{unit}在 {other} 填报，以该数值为准"},
    "finding.X402.stands.hint": {"en": "A level indicator has one reporting unit; remove this entry and "
                                       "agree the figure with that unit.",
                                 "zh": "水平类指标只由一个单位填报；请删除本条，并与该单位核定数值。"},
    "finding.X403.twice": {"en": "task {task} is reported twice for {year}: here and at {other}",
                           "zh": "任务 {task} 的 {year} 年情况报送了两次：此处和 {other}"},
    "finding.X403.twice.hint": {"en": "Keep one entry per task.", "zh": "每项任务只保留一条。"},
    "finding.W501.jump": {"en": "`{indicator}` is {value} in {year} against {previous} in {previous_year} "
                                "({ratio}x)",
                          "zh": "`{indicator}` {year} 年为 {value}，{previous_year} 年为 {previous}（是上年"
                                "的 {ratio} 倍）"},
    "finding.W501.jump.hint": {"en": "Check the figure (a missing or extra digit?); if it is right, say why "
                                     "in `note:`.",
                               "zh": "请核对数值（是否少写或多写了一位？）；如数值无误，请在 `note:` 中说明"
                                     "原因。"},
    "finding.W502.falls": {"en": "`{indicator}` falls from {previous} in {previous_year} to {value} in "
                                 "{year}",
                           "zh": "`{indicator}` 从 {previous_year} 年的 {previous} 降到 {year} 年的 {value}"},
    "finding.W502.falls.hint": {"en": "A level such as a registered count rarely falls; check it, or "
                                      "explain in `note:`.",
                                "zh": "注册人数这类水平类指标很少下降；请核对，或在 `note:` 中说明。"},
    "finding.W503.missing": {"en": "{what} is in progress but has no `evidence`",
                             "zh": "{what} 正在推进（in_progress），但没有填写 `evidence`（佐证）"},
    "finding.W503.missing.hint": {"en": "Add `evidence:` with a line on what has been done so far.",
                                  "zh": "请补充 `evidence:`，用一句话说明目前已做的工作。"},
    # --- findings: plan --------------------------------------------------------------------------------
    "finding.plan.fix": {"en": "Fix the plan file; `sciplan plan show ID` lists what each id names.",
                         "zh": "请修改实施方案文件；`sciplan plan show ID` 可查看各编号所指的内容。"},
    "finding.plan.label.group": {"en": "group", "zh": "分组"},
    "finding.plan.label.indicator": {"en": "indicator", "zh": "指标"},
    "finding.plan.label.unit": {"en": "unit", "zh": "单位"},
    "finding.plan.label.township": {"en": "township", "zh": "乡镇"},
    "finding.plan.label.milestone": {"en": "milestone", "zh": "进度节点"},
    "finding.C002.id_twice": {"en": "{label} id `{id}` is used twice (first at {first})",
                              "zh": "{label}编号 `{id}` 用了两次（第一次在 {first}）"},
    "finding.C002.task_twice": {"en": "task id `{id}` is used twice", "zh": "任务编号 `{id}` 用了两次"},
    "finding.C002.task_number": {"en": "task id `{id}` does not match its group and number (`{expected}`)",
                                 "zh": "任务编号 `{id}` 与所属分组和序号不符（应为 `{expected}`）"},
    "finding.plan.unknown_unit": {"en": "unknown unit `{id}`", "zh": "未知的单位 `{id}`"},
    "finding.plan.unknown_indicator": {"en": "unknown indicator `{id}`", "zh": "未知的指标 `{id}`"},
    "finding.plan.unknown_task": {"en": "unknown task `{id}`", "zh": "未知的任务 `{id}`"},
    "finding.C005.name_twice": {"en": "name `{name}` of unit `{unit}` is also used by unit `{other}`",
                                "zh": "单位 `{unit}` 的名称 `{name}` 也被单位 `{other}` 使用"},
    "finding.C004.milestone_year": {"en": "milestone year {year} is outside the plan period",
                                    "zh": "进度节点的年份 {year} 不在方案实施期内"},
    "finding.C004.period": {"en": "period start is after its end", "zh": "实施期的起始年份晚于结束年份"},
    "finding.C004.thresholds": {"en": "thresholds must decrease: on_track > needs_acceleration > "
                                      "limited_progress",
                                "zh": "评估阈值必须逐级递减：on_track > needs_acceleration > limited_progre"
                                      "ss"},
    "finding.C004.input_target": {"en": "a ratio input has no target of its own",
                                  "zh": "比值的输入指标不设自己的目标"},
    "finding.C004.input_kind": {"en": "a ratio input must be a level", "zh": "比值的输入指标必须是水平类"},
    "finding.C004.no_target": {"en": "an indicator needs a comparator and a target (or `role: input`)",
                               "zh": "指标需要比较符和目标值（或写明 `role: input`）"},
    "finding.C004.annual_year": {"en": "an annual target applies every year and has no target_year",
                                 "zh": "年度类目标每年适用，不设 target_year"},
    "finding.C004.needs_year": {"en": "a {kind} target needs a target_year",
                                "zh": "{kind}目标需要 target_year"},
    "finding.C004.year_outside": {"en": "target_year {year} is outside the plan period",
                                  "zh": "target_year {year} 不在方案实施期内"},
    "finding.C004.ratio_inputs": {"en": "a ratio indicator names its numerator and denominator",
                                  "zh": "比值类指标须写明分子和分母"},
    "finding.C004.input_not_level": {"en": "ratio input `{id}` must be a level indicator",
                                     "zh": "比值的输入指标 `{id}` 必须是水平类指标"},
    "finding.C004.ratio_reported": {"en": "a ratio is computed, never reported: use `reported_by: []`",
                                    "zh": "比值由计算得出，不由单位填报：请写 `reported_by: []`"},
    "finding.C004.inputs_not_ratio": {"en": "only a ratio indicator names inputs",
                                      "zh": "只有比值类指标才写明输入指标"},
    "finding.C004.level_one_unit": {"en": "a level indicator is reported by exactly one unit",
                                    "zh": "水平类指标只能由一个单位填报"},
    "finding.C004.level_not_group": {"en": "a level indicator is reported by exactly one unit, not the "
                                           "whole group",
                                     "zh": "水平类指标只能由一个单位填报，不能由整个分组填报"},
    "finding.C004.additive": {"en": "a level says whether township figures add up (`additive: true|false`)",
                              "zh": "水平类指标须写明各乡镇的数值能否相加（`additive: true|false`）"},
    "finding.C004.baseline_year": {"en": "baseline year is implausible", "zh": "基线年份不合理"},
    # --- findings: workbook ----------------------------------------------------------------------------
    "finding.in_cell": {"en": "{cell}: {message}", "zh": "{cell}：{message}"},
    "finding.as_is": {"en": "{message}", "zh": "{message}"},
    "finding.I601.missing": {"en": "sheet `{name}` is missing (found: {found})",
                             "zh": "缺少工作表 `{name}`（现有：{found}）"},
    "finding.I601.missing.hint": {"en": "Restore the `{name}` sheet from the template (`sciplan template "
                                        "--format xlsx`); sheets may be reordered but not renamed or "
                                        "deleted.",
                                  "zh": "请从模板（`sciplan template --format xlsx`）中恢复 `{name}` 工作表"
                                        "；工作表可以调整顺序，但不能改名或删除。"},
    "finding.I602.bool": {"en": "{value} is not a figure", "zh": "{value} 不是数值"},
    "finding.I602.bool.hint": {"en": "Type the figure as digits, e.g. 1200.",
                               "zh": "请用数字填写，例如 1200。"},
    "finding.I602.date": {"en": "the cell holds a date or time ({value}), not a figure",
                          "zh": "单元格里是日期或时间（{value}），不是数值"},
    "finding.I602.date.hint": {"en": "Excel turned the entry into a date: format the cell as Number (数值) a"
                                     "nd type the figure again.",
                               "zh": "Excel 把输入的内容变成了日期：请把单元格格式设为“数值”，再重新输入。"},
    "finding.I602.percent": {"en": "`{value}` has a % sign, but {indicator} counts {measure}",
                             "zh": "`{value}` 带有 % 号，但 {indicator} 的计量单位是{measure}"},
    "finding.I602.percent.hint": {"en": "Type the figure alone, e.g. 1200.", "zh": "只填数字，例如 1200。"},
    "finding.I602.not_number": {"en": "`{value}` is not a number", "zh": "`{value}` 不是数字"},
    "finding.I602.not_number.hint": {"en": "Type digits only, e.g. 1200 or 15.2; put remarks in the note "
                                           "column (备注 note).",
                                     "zh": "只填数字，例如 1200 或 15.2；说明文字请写在备注（note）列。"},
    "finding.I602.not_finite": {"en": "the cell does not hold a finite number",
                                "zh": "单元格里不是有限的数值"},
    "finding.I602.not_finite.hint": {"en": "Type the figure, e.g. 1200.", "zh": "请填写数值，例如 1200。"},
    "finding.I602.number_not_date": {"en": "{value} is a number, not a date",
                                     "zh": "{value} 是数字，不是日期"},
    "finding.I602.number_not_date.hint": {"en": "Type the date as 2025-01-20.",
                                          "zh": "日期请写成 2025-01-20 这样的形式。"},
    "finding.I603.too_big": {"en": "the file is over {mib} MiB; a progress workbook is a few dozen KB",
                             "zh": "文件超过 {mib} MiB；进展报告工作簿一般只有几十 KB"},
    "finding.I603.too_big.hint": {"en": "Is this the right file? Start from `sciplan template --format "
                                        "xlsx`.",
                                  "zh": "请确认是否选错了文件；可从 `sciplan template --format xlsx` 生成的"
                                        "模板开始填写。"},
    "finding.I603.xls": {"en": "this is an old-style .xls (or encrypted) workbook, not .xlsx",
                         "zh": "这是旧版 .xls（或已加密的）工作簿，不是 .xlsx"},
    "finding.I603.xls.hint": {"en": "Open it in Excel or WPS and save as \"Excel Workbook (*.xlsx)\", "
                                    "without a password.",
                              "zh": "请用 Excel 或 WPS 打开，另存为“Excel 工作簿(*.xlsx)”，不要设置密码。"},
    "finding.I603.empty": {"en": "the file is empty, not a workbook", "zh": "文件是空的，不是工作簿"},
    "finding.I603.empty.hint": {"en": "Save the workbook again from Excel or WPS, or make a new one with "
                                      "`sciplan template`.",
                                "zh": "请用 Excel 或 WPS 重新保存工作簿，或用 `sciplan template` 生成新的模"
                                      "板。"},
    "finding.I603.not_zip": {"en": "the file is {looks}; an .xlsx workbook is a zip archive",
                             "zh": "该文件{looks}；.xlsx 工作簿应是 zip 压缩包"},
    "finding.I603.not_zip.hint": {"en": "Save the workbook as \"Excel Workbook (*.xlsx)\"; a renamed file "
                                        "is not enough.",
                                  "zh": "请将工作簿另存为“Excel 工作簿(*.xlsx)”；只改文件扩展名是不行的。"},
    "finding.I603.looks_text": {"en": "text (CSV?)", "zh": "是文本文件（CSV？）"},
    "finding.I603.looks_other": {"en": "not a workbook", "zh": "不是工作簿"},
    "finding.I603.unpacks": {"en": "the workbook unpacks to more than {mib} MiB; a progress workbook is far "
                                   "smaller",
                             "zh": "工作簿解压后超过 {mib} MiB；进展报告工作簿应小得多"},
    "finding.I603.unpacks.hint": {"en": "Start from `sciplan template --format xlsx`.",
                                  "zh": "请从 `sciplan template --format xlsx` 生成的模板开始填写。"},
    "finding.I603.unreadable": {"en": "the file cannot be read as an .xlsx workbook ({error})",
                                "zh": "无法作为 .xlsx 工作簿读取该文件（{error}）"},
    "finding.I603.unreadable.hint": {"en": "Open it in Excel or WPS and save it again as \"Excel Workbook "
                                           "(*.xlsx)\".",
                                     "zh": "请用 Excel 或 WPS 打开，重新另存为“Excel 工作簿(*.xlsx)”。"},
    "finding.I604.no_header": {"en": "no header row with a `{key}` column in sheet `{sheet}`",
                               "zh": "工作表 `{sheet}` 中找不到含 `{key}` 列的表头行"},
    "finding.I604.no_header.hint": {"en": "Keep the template's header row (its column titles) as it was.",
                                    "zh": "请保持模板的表头行（各列标题）原样不动。"},
    "finding.I604.columns": {"en": "sheet `{sheet}` lacks the column(s) {labels}",
                             "zh": "工作表 `{sheet}` 缺少列：{labels}"},
    "finding.I604.columns.hint": {"en": "Restore the column from the template; column titles must keep "
                                        "their English word.",
                                  "zh": "请从模板中恢复该列；列标题中的英文词须保留。"},
    "finding.I605.ignored": {"en": "column {named} is not part of the template; its contents are not "
                                   "imported",
                             "zh": "{named}列不属于模板，其内容不会导入"},
    "finding.I605.ignored.hint": {"en": "Move remarks into the note/evidence column if they belong in the "
                                        "report.",
                                  "zh": "如需写入报告，请把说明移到备注（note）或佐证（evidence）列。"},
    "finding.I605.without_header": {"en": "without a header", "zh": "无标题的"},
    "finding.I606.indicator": {"en": "this row has entries but no indicator id",
                               "zh": "该行填了内容，但没有指标编号"},
    "finding.I606.indicator.hint": {"en": "Rows come from the template: do not add rows; put remarks in the "
                                          "note column.",
                                    "zh": "行由模板生成，请不要自行加行；说明文字请写在备注（note）列。"},
    "finding.I606.task": {"en": "this row has entries but no task id", "zh": "该行填了内容，但没有任务编号"},
    "finding.I606.task.hint": {"en": "Rows come from the template: do not add rows; describe work in the "
                                     "evidence column.",
                               "zh": "行由模板生成，请不要自行加行；工作情况请写在佐证（evidence）列。"},
    "finding.I606.milestone": {"en": "this row has entries but no milestone id",
                               "zh": "该行填了内容，但没有节点编号"},
    "finding.I606.milestone.hint": {"en": "Rows come from the template: do not add rows.",
                                    "zh": "行由模板生成，请不要自行加行。"},
    # Validation's findings moved to a cell: the words a clerk at a workbook needs.
    "finding.workbook.value_empty": {"en": "the value is not filled in", "zh": "数值未填写"},
    "finding.workbook.status_empty": {"en": "the status is not chosen", "zh": "未选择状态"},
    "finding.workbook.info_row": {"en": "Restore the row from a fresh template (`sciplan template --format "
                                        "xlsx`): the Info sheet's first column names each field.",
                                  "zh": "请从新模板（`sciplan template --format xlsx`）中恢复这一行：Info "
                                        "工作表的第一列是各项的名称。"},
    "finding.workbook.suggestion": {"en": "{suggestion} {advice}", "zh": "{suggestion}{advice}"},
    "finding.workbook.S105": {"en": "Type a whole number: counts of people, times and places have no "
                                    "decimals.",
                              "zh": "请填写整数：人数、次数、个数都没有小数。"},
    "finding.workbook.S106": {"en": "Type the percentage itself: 15.2 for 15.2%, not 0.152.",
                              "zh": "请直接填写百分数：15.2% 填 15.2，不要填 0.152。"},
    "finding.workbook.S109": {"en": "Choose a status from the cell's drop-down list: 未开始 not_started, 进"
                                    "行中 in_progress, 已完成 done, 受阻 blocked.",
                              "zh": "请从单元格的下拉列表中选择状态：未开始 not_started、进行中 in_progress"
                                    "、已完成 done、受阻 blocked。"},
    "finding.workbook.S110": {"en": "Say in this cell what was done (or what blocks the task), e.g. 举办培训"
                                    "班 6 期.",
                              "zh": "请在此单元格说明完成了什么（或任务受阻的原因），例如 举办培训班 6 期。"},
    "finding.workbook.S111": {"en": "Type the figure in this cell; if your unit has no figure for this "
                                    "indicator, leave it empty and write 无 in the note column (备注 note).",
                              "zh": "请在此单元格填写数值；本单位没有该指标数据的，此格留空，并在备注（note"
                                    "）列填写 无。"},
    "finding.workbook.S112": {"en": "Type the date as 2025-01-20.",
                              "zh": "日期请写成 2025-01-20 这样的形式。"},
    "finding.workbook.W503": {"en": "Add a line on what has been done so far.",
                              "zh": "请用一句话说明目前已做的工作。"},
}


def text(message_id: str, lang: str, /, **fields: object) -> str:
    """The message in `lang`, with its {fields} filled in.

    An unknown id or language is a programming error (KeyError, ValueError), not a user's mistake.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    # Always formatted, so a template reads the same with or without fields: literal braces are doubled.
    return MESSAGES[message_id][lang].format(**fields)


def plural(message_id: str, count: int, lang: str, /, **fields: object) -> str:
    """`message_id.one` when count is 1, else `message_id.other`, with {count} filled in.

    Chinese has a single form, but both ids exist in both languages so the completeness test holds.
    """
    return text(f"{message_id}.{'one' if count == 1 else 'other'}", lang, count=count, **fields)


def parts(message_id: str, lang: str, /, **fields: object) -> list[tuple[str, str | None]]:
    """The message cut at its fields: (piece, field name), the name None for the template's own words.

    A renderer styles a field (a figure in bold) while the words around it follow the language's order.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    formatter = string.Formatter()
    pieces: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in formatter.parse(MESSAGES[message_id][lang]):
        if literal:
            pieces.append((literal, None))  # parse() has already undoubled {{ and }}
        if name is not None:
            value = formatter.convert_field(fields[name], conversion) if conversion else fields[name]
            pieces.append((formatter.format_field(value, spec or ""), name))
    return pieces


class Message:
    """A message id and its fields, worded later in any language (`render`)."""

    __slots__ = ("id", "fields")

    def __init__(self, message_id: str, /, **fields: object):
        self.id = message_id
        self.fields = fields

    def render(self, lang: str) -> str:
        return text(self.id, lang, **{name: render(value, lang) for name, value in self.fields.items()})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.id, self.fields) == (other.id, other.fields)

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        fields = "".join(f", {name}={value!r}" for name, value in self.fields.items())
        return f"Message({self.id!r}{fields})"


def render(value: object, lang: str) -> object:
    """A field's value as shown in `lang`: a Message worded, anything else as it is."""
    return value.render(lang) if isinstance(value, Message) else value


def encode_fields(fields: Mapping[str, object]) -> dict[str, object]:
    """Fields as plain JSON values (see the module's docstring); `decode_fields` undoes it."""
    return {name: _encode(value) for name, value in fields.items()}


def decode_fields(encoded: Mapping[str, object]) -> dict[str, object]:
    return {name: _decode(value) for name, value in encoded.items()}


def _encode(value: object) -> object:
    if isinstance(value, Message):
        if not value.fields:
            return "@" + value.id
        return {"key": value.id, "params": encode_fields(value.fields)}
    if isinstance(value, str):
        return "@" + value if value.startswith("@") else value
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)  # what an f-string would have shown: a path, a date, a list from the file


def _decode(value: object) -> object:
    if isinstance(value, str):
        if value.startswith("@@"):
            return value[1:]
        return Message(value[1:]) if value.startswith("@") else value
    if isinstance(value, dict):
        return Message(value["key"], **decode_fields(value["params"]))
    return value


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
