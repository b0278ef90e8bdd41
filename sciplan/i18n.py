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
when shown. Their messages are not written here but next to their codes, in the `sciplan.findings`
package, which adds them to MESSAGES with `register` when it is imported. `findings.say` builds
a finding, `Finding.localized(lang)` words it. The fields travel as a JSON object
(`encode_fields` / `decode_fields`), a value being one of:

- a number, true/false or null: filled in as it is;
- a string: filled in as it is (one that starts with `@` is stored with a second `@` in front);
- `"@id"`: the message `id` (no fields of its own) in the language shown, for a word that must be
  translated, such as a type name: `{"got": "@finding.type.list"}`;
- `{"key": id, "params": {...}}`: the message `id` with its own fields, worded the same way.

`Message(id, **fields)` is how code writes the last two. A finding's hint is the message `id.hint`
with the finding's fields, when that id exists; a field named `hint` replaces it (a suggestion
such as "Did you mean …?", a workbook's own hint), and a `hint` that is null or words to nothing
means no hint.

Longer than 600 lines because it is the catalogue itself: every message in both languages, kept in
one place so that a translator reads them together.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from .domain import KIND, TARGET_STATUS, TASK_STATUS

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
# POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

MESSAGES: dict[str, dict[str, str]] = {
    # --- assessment statuses (sdg-build's classes) -------------------------------------------------
    **{f"status.{w.id}": {"en": w.en, "zh": w.zh} for w in TARGET_STATUS.words},  # domain.TARGET_STATUS
    # --- task and milestone states -------------------------------------------------------------
    **{f"task.{w.id}": {"en": w.en, "zh": w.zh} for w in TASK_STATUS.words},  # domain.TASK_STATUS
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
    # --- the export workbook's column titles (the English sheet keeps the CSV's column names) --------
    "export.col.year": {"en": "year", "zh": "年份"},
    "export.col.id": {"en": "id", "zh": "编号"},
    "export.col.name": {"en": "name", "zh": "指标"},
    "export.col.measure": {"en": "measure", "zh": "计量单位"},
    "export.col.group": {"en": "group", "zh": "分组"},
    "export.col.kind": {"en": "kind", "zh": "类型"},
    "export.col.comparator": {"en": "comparator", "zh": "比较"},
    "export.col.target": {"en": "target", "zh": "目标值"},
    "export.col.target_year": {"en": "target_year", "zh": "目标年份"},
    "export.col.expected": {"en": "expected", "zh": "应达"},
    "export.col.actual": {"en": "actual", "zh": "实际"},
    "export.col.gap": {"en": "gap", "zh": "差距"},
    "export.col.ratio": {"en": "ratio", "zh": "进度比"},
    "export.col.status": {"en": "status", "zh": "状态"},
    "export.col.forecast": {"en": "forecast", "zh": "预测"},
    "export.col.forecast_meets_target": {"en": "forecast_meets_target", "zh": "预测能否达标"},
    "export.col.missing_years": {"en": "missing_years", "zh": "缺报年份"},
    "export.col.missed_years": {"en": "missed_years", "zh": "未达年度目标的年份"},
    "export.col.forecast_short": {"en": "forecast_short", "zh": "按当前进度预计差"},
    "export.col.at_risk": {"en": "at_risk", "zh": "进展尚可但达标有风险"},
    "export.col.expected_pro_rata": {"en": "expected_pro_rata", "zh": "应达为按进度折算"},
    "export.col.unit": {"en": "unit", "zh": "单位编号"},
    "export.col.unit_name": {"en": "unit_name", "zh": "单位"},
    "export.col.area": {"en": "area", "zh": "区域编号"},
    "export.col.area_name": {"en": "area_name", "zh": "区域"},
    "export.col.indicator": {"en": "indicator", "zh": "指标编号"},
    "export.col.indicator_name": {"en": "indicator_name", "zh": "指标"},
    "export.col.value": {"en": "value", "zh": "数值"},
    "export.col.file": {"en": "file", "zh": "文件"},
    "export.col.line": {"en": "line", "zh": "行"},
    "export.yes": {"en": "yes", "zh": "是"},
    "export.no": {"en": "no", "zh": "否"},
    # --- notes that reconcile a status with its forecast (every format) ----------------------------
    "note.forecast_short": {"en": "forecast short by {value}", "zh": "按当前进度预计差 {value}"},
    "note.pro_rata": {"en": "pro-rata {value}", "zh": "按进度应达 {value}"},
    "note.pro_rata_cell": {"en": "{value} (pro-rata)", "zh": "{value}（按进度折算）"},
    "note.at_risk": {"en": "On track but at risk", "zh": "进展尚可但达标有风险"},
    "note.at_risk_line": {"en": "On track but at risk: {rows}", "zh": "进展尚可但达标有风险：{rows}"},
    "note.at_risk_row": {"en": "{name} ({note})", "zh": "{name}（{note}）"},
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
    "report.parts_behind": {"en": "Shares behind: targets split among areas and units",
                            "zh": "进度滞后的分解目标"},
    "report.col.part": {"en": "Share of", "zh": "分解到"},
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
    "report.charts_limited": {"en": "Charts of the {charted} targets that need attention most; the other "
                                    "{more} are in the tables.",
                              "zh": "以下为最需关注的 {charted} 项目标的进展图，其余 {more} 项见表格。"},
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
    "report.lead_units": {"en": "Lead units", "zh": "牵头单位"},
    "report.task_counts": {"en": "Task status", "zh": "任务状态"},
    "report.milestones": {"en": "Schedule", "zh": "进度安排"},
    "report.reporting": {"en": "Reports received for {year}", "zh": "{year}年度报送情况"},
    "report.reporting_line": {"en": "{sent} of {owed} units that owe a report sent one.",
                              "zh": "应报送单位 {owed} 个，已报送 {sent} 个。"},
    "report.received": {"en": "received", "zh": "已报送"},
    "report.not_received": {"en": "missing", "zh": "未报送"},
    "report.method": {"en": "Method", "zh": "评估方法"},
    "final.title": {"en": "Final evaluation {start}-{end} (draft)",
                    "zh": "{start}—{end}年实施情况总结评估（初稿）"},
    "final.summary": {"en": "Overall verdict", "zh": "总体评价"},
    "final.goal_line": {"en": "{name}: target {target}; {year}: {actual}.",
                        "zh": "{name}：目标{target}；{year}年实际 {actual}。"},
    "final.counts_intro": {"en": "{total} targets at the end of the period ({end}):",
                           "zh": "规划期末（{end}年）共评估 {total} 项目标："},
    "final.targets": {"en": "Targets: achieved or not", "zh": "指标目标完成情况"},
    "final.col.final": {"en": "At the end", "zh": "期末实际"},
    "final.col.verdict": {"en": "Verdict", "zh": "评价"},
    "final.tasks": {"en": "Tasks at the end of the period", "zh": "主要任务完成情况"},
    "final.tasks_note": {"en": "Each task as its last reports leave it (the year in brackets), with what the "
                               "units reported.",
                         "zh": "每项任务按最近一年的报送情况认定（括号内为年份），"
                               "并列出各单位报送的工作成效。"},
    "final.col.evidence": {"en": "Evidence", "zh": "工作成效"},
    "final.last_year": {"en": "({year})", "zh": "（{year}年）"},
    "final.never": {"en": "never reported", "zh": "从未报送"},
    "final.units": {"en": "Units' record {start}-{end}", "zh": "各单位报送情况（{start}—{end}年）"},
    "final.units_note": {"en": "On time: the report for a year is dated by the end of the year after (the "
                               "plan sets no due date). Figures: accepted figures reported over the period; "
                               "tasks done: tasks the unit reported done.",
                         "zh": "按时：年度报告的报送日期不晚于次年年底（方案未规定报送期限）。"
                               "数值：规划期内报送并通过检查的数值项数；完成任务：本单位报告已完成的任务项数。"},
    "final.col.owed": {"en": "Years owed", "zh": "应报年份"},
    "final.col.on_time": {"en": "On time", "zh": "按时报送"},
    "final.col.late": {"en": "Late", "zh": "逾期报送"},
    "final.col.undated": {"en": "Undated", "zh": "未注明日期"},
    "final.col.missing": {"en": "Missing", "zh": "缺报"},
    "final.col.figures": {"en": "Figures", "zh": "数值（项）"},
    "final.col.tasks_done": {"en": "Tasks done", "zh": "完成任务（项）"},
    "final.method_text": {
        "en": "The plan period {start}-{end} is over: each target is judged at its own target year (an "
              "annual target on {end}) and is either achieved or not achieved; no data means no figure was "
              "reported for that year. Cumulative targets add up the yearly figures from {start}; levels "
              "take the figure of the target year. A missing report is never counted as zero.",
        "zh": "{start}—{end}年规划期已结束：每项目标按其目标年份（年度类目标按{end}年）认定为已实现或未实现；"
              "无数据表示该年份没有报送数值。累计类目标为{start}年起各年数值之和，水平类目标取目标年份的数值。"
              "缺报不按零计算。"},
    "report.method_text": {
        "en": "Each target is compared with a straight line from its starting point to the target. "
              "For a cumulative target the amount expected by the end of {year} is an equal yearly share of "
              "the target for every year since {start}; for a yearly target it is the target itself; for a "
              "level (a rate or a registered count) it is the point on the line from the baseline (the "
              "plan's, or else the first reported year) to the target in {end}. The ratio of progress made "
              "to progress expected gives the status, following Open SDG's progress assessment: achieved "
              "when the final target is already met; on track from {on_track}; needs acceleration from "
              "{needs_acceleration}; limited progress from {limited_progress}; deteriorating below "
              "{limited_progress}. From its target year on, a target is judged on that year's value alone: "
              "achieved or not achieved, with no forecast. A year without a report is not counted as zero "
              "but listed as not reported. The forecast for {end} keeps the pace so far (cumulative "
              "targets), the latest value (yearly targets) or the least-squares line through the reported "
              "years (levels).",
        "zh": "每项目标均与从起点到目标的直线进度相比较。累计类目标到{year}年底的应达值，"
              "为目标值按年均分后乘以自{start}年起已过的年数；年度目标的应达值即每年的目标值；"
              "水平类目标（比例、注册人数等）的应达值，取从基线（方案给出的基线，否则为最早报送的年份）"
              "到{end}年目标的直线上对应的点。以实际进展与应有进展之比判定状态，参照 Open SDG 的进展"
              "评估方法：已达到最终目标为“已实现”；比值不低于{on_track}为“进展顺利”；"
              "不低于{needs_acceleration}为“需加快推进”；不低于{limited_progress}为“进展有限”；"
              "低于{limited_progress}为“出现倒退”。到达目标年份后，只看目标年份的数值："
              "达到目标为“已实现”，否则为“未实现”，不再作预测。未报送的年份不按零计算，而是列为缺报。"
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
    **{f"screen.kind.{w.id}": {"en": w.en, "zh": w.zh} for w in KIND.words},  # domain.KIND
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
    "screen.col.name": {"en": "Name", "zh": "名称"},
    "screen.col.task_count": {"en": "Tasks", "zh": "任务数"},
    "screen.col.tasks": {"en": "Tasks", "zh": "任务"},
    "screen.col.task": {"en": "Task", "zh": "任务"},
    "screen.col.task_title": {"en": "Title", "zh": "任务名称"},
    "screen.col.lead": {"en": "Lead", "zh": "牵头单位"},
    "screen.col.indicator": {"en": "Indicator", "zh": "指标"},
    "screen.col.indicator_name": {"en": "Indicator / name", "zh": "指标 / 名称"},
    "screen.col.indicator_target": {"en": "Indicator / target", "zh": "指标 / 目标"},
    "screen.col.kind": {"en": "Kind", "zh": "类型"},
    "screen.col.target": {"en": "Target", "zh": "目标"},
    "screen.col.target_in": {"en": "Target {year}", "zh": "{year}年目标"},
    "screen.col.role": {"en": "Role", "zh": "职责"},
    # --- plan diff: what changed between two versions of a plan ------------------------------------
    "screen.diff.summary": {"en": "plan `{plan}` version {old_version} ({old_file}) -> `{new_plan}` version "
                                  "{new_version} ({new_file}): {count} changes",
                            "zh": "方案 `{plan}` 第 {old_version} 版（{old_file}）→ `{new_plan}` "
                                  "第 {new_version} 版（{new_file}）：共 {count} 处改动"},
    "screen.diff.same": {"en": "the two plans are the same: nothing added, removed or changed",
                         "zh": "两版方案相同：没有新增、删除或改动"},
    "screen.diff.col.what": {"en": "What", "zh": "类别"},
    "screen.diff.col.id": {"en": "Id", "zh": "编号"},
    "screen.diff.col.change": {"en": "Change", "zh": "变动"},
    "screen.diff.col.field": {"en": "Field", "zh": "内容"},
    "screen.diff.col.old": {"en": "Old", "zh": "原为"},
    "screen.diff.col.new": {"en": "New", "zh": "现为"},
    "screen.diff.what.group": {"en": "group", "zh": "分组"},
    "screen.diff.what.task": {"en": "task", "zh": "任务"},
    "screen.diff.what.indicator": {"en": "indicator", "zh": "指标"},
    "screen.diff.what.unit": {"en": "unit", "zh": "单位"},
    "screen.diff.what.area": {"en": "area", "zh": "区域"},
    "screen.diff.change.added": {"en": "added", "zh": "新增"},
    "screen.diff.change.removed": {"en": "removed", "zh": "删除"},
    "screen.diff.change.changed": {"en": "changed", "zh": "改动"},
    "screen.diff.field.name": {"en": "name", "zh": "名称"},
    "screen.diff.field.title": {"en": "title", "zh": "标题"},
    "screen.diff.field.kind": {"en": "kind", "zh": "类型"},
    "screen.diff.field.lead": {"en": "lead", "zh": "牵头单位"},
    "screen.diff.field.participating": {"en": "participating", "zh": "参加单位"},
    "screen.diff.field.comparator": {"en": "comparator", "zh": "比较方式"},
    "screen.diff.field.target": {"en": "target", "zh": "目标值"},
    "screen.diff.field.target_year": {"en": "target_year", "zh": "目标年份"},
    "screen.diff.field.by_year": {"en": "by_year", "zh": "分年目标"},
    "screen.diff.field.breakdown": {"en": "breakdown", "zh": "分解目标"},
    "screen.diff.field.task": {"en": "task", "zh": "所属任务"},
    "screen.diff.field.reported_by": {"en": "reported_by", "zh": "填报单位"},
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
    "screen.col.unit": {"en": "Unit", "zh": "单位"},
    "screen.col.leads": {"en": "Leads", "zh": "牵头"},
    "screen.col.joins": {"en": "Joins", "zh": "参加"},
    "screen.col.indicators": {"en": "Indicators", "zh": "指标"},
    "screen.role.lead": {"en": "lead", "zh": "牵头"},
    "screen.role.participating": {"en": "joins", "zh": "参加"},
    "screen.plan.document": {"en": "{number}  {issuer}  {issued}  period {start}-{end}  plan version "
                                   "{version}",
                             "zh": "{number}  {issuer}  {issued}  实施期 {start}-{end}  方案版本 {version}"},
    "screen.plan.counts": {"en": "{units} units ({named} named in responsibility lines), {townships} "
                                 "areas ({area}), {milestones} schedule milestones. `sciplan plan show ID` "
                                 "shows any of them.",
                           "zh": "共 {units} 个单位（其中 {named} 个列入责任分工）、{townships} 个{area}、"
                                 "{milestones} 个进度安排事项。\n`sciplan plan show ID` 可查看其中任一项。"},
    "screen.task.group": {"en": "{heading} ({kind})  group `{group}`",
                          "zh": "{heading}（{kind}）  分组 `{group}`"},
    "screen.task.lead": {"en": "Lead: ", "zh": "牵头单位："},
    "screen.task.participating": {"en": "Participating: ", "zh": "参加单位："},
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
    "screen.gap.legend_falling": {
        "en": "Data {start}-{year}. Gap = the shortfall: expected − actual, or actual − expected for a "
              "falling target (+ is behind); ratio = progress made ÷ progress expected; worst first.",
        "zh": "数据 {start}-{year}年。差距 = 落后的量：应达 − 实际，下降类目标为实际 − 应达（正数为落后）；"
              "进度比 = 实际进展 ÷ 应有进展；最需关注的在前。"},
    "screen.no_match": {"en": "No indicator matches.", "zh": "没有符合条件的指标。"},
    "screen.gap.share": {"en": "{part}'s share: {target}", "zh": "{part}分解目标：{target}"},
    "screen.parts_behind": {"en": "Shares behind (targets split among areas and units)",
                            "zh": "进度滞后的分解目标"},
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
    # column titles of the task table: the status labels, an English one broken over two lines
    **{f"screen.tasks.{w.id}": {"en": w.en.replace(" ", "\n"), "zh": w.zh} for w in TASK_STATUS.words},
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
    "missing.title": {"en": "Still owed for {year} (reminder list)",
                      "zh": "{year}年度尚未报齐的单位（催报清单）"},
    "missing.counts": {"en": "{owing} units owe a report for {year}; {complete} have sent everything, "
                             "{open} have not.",
                       "zh": "{year}年应报单位 {owing} 个，已报齐 {complete} 个，未报齐 {open} 个。"},
    "missing.none": {"en": "Every unit has sent what it owes for {year}.",
                     "zh": "{year}年各单位均已报齐。"},
    "missing.contact": {"en": "contact: ", "zh": "联系人："},
    "missing.no_contact": {"en": "no contact on file", "zh": "未留联系人"},
    "missing.last_report": {"en": "last report: {year}", "zh": "最近一次报送：{year}年"},
    "missing.never": {"en": "never reported", "zh": "从未报送"},
    "missing.no_report": {"en": "No report for {year} received.", "zh": "未收到{year}年度报告。"},
    "missing.values": {"en": "Figures: ", "zh": "数值："},
    "missing.tasks": {"en": "Task statuses: ", "zh": "任务进展："},
    "missing.milestones": {"en": "Milestones: ", "zh": "进度安排："},
    "missing.due": {"en": "due {year}", "zh": "{year}年"},
    "missing.note": {"en": "Owed: what `sciplan unit NAME` lists as owed; figures and task statuses of the "
                           "year, milestones due by then and not yet reported done.",
                     "zh": "应报内容按 `sciplan unit 单位` 所列必报项：当年数值和任务进展，"
                           "以及已到期且尚未报告完成的进度安排。"},
    "screen.unit.owes_nothing": {"en": "It owes no yearly report of its own (it neither leads a group nor "
                                       "reports a level); it reports when it has figures for its groups.",
                                 "zh": "本单位无需单独按年报送（既不牵头分组，也不报送水平类指标）；\n"
                                       "有所在分组的数据时再报送。"},
    "screen.unit.template": {"en": "Template: ", "zh": "模板："},
    # Markdown (`--format markdown` of gap and status): the markup stays outside the messages.
    "markdown.col.indicator": {"en": "Indicator", "zh": "指标"},
    "markdown.col.id": {"en": "id", "zh": "编号"},
    "markdown.col.forecast": {"en": "Forecast", "zh": "预测"},
    "markdown.col.missing": {"en": "Missing years", "zh": "缺报年份"},
    "markdown.col.milestone": {"en": "Milestone", "zh": "事项"},
    "markdown.forecast.meets": {"en": "{value} (meets)", "zh": "{value}（可达标）"},
    "markdown.forecast.short": {"en": "{value} (short)", "zh": "{value}（难达标）"},
    "markdown.forecast.short_note": {"en": "{value} ({note})", "zh": "{value}（难达标：{note}）"},
    "markdown.missed": {"en": "missed {years}", "zh": "未达标 {years}"},
    "markdown.plan": {"en": "{title} ({number}), plan version {version}.",
                      "zh": "{title}（{number}），方案版本 {version}。"},
    "markdown.status.title": {"en": "Status for {year}", "zh": "{year}年实施进展"},
    "markdown.status.errors": {"en": "{errors} errors in {files} progress files: entries with errors are "
                                     "not counted. Run `sciplan validate` for details.",
                               "zh": "{files} 份进展报告中有 {errors} 处错误，出错的条目未计入。"
                                     "详情请运行 `sciplan validate`。"},
    "markdown.colon": {"en": ":", "zh": "："},
    "screen.goal": {"en": "Goal", "zh": "目标"},
    "screen.area": {"en": "area", "zh": "区域"},
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
                    "zh": "找不到实施方案：请用 --plan 指定方案文件，或设置 SCIPLAN_PLAN"},
    "cli.plan_is_folder": {"en": "--plan {path} is a folder; give the plan's .yaml file",
                           "zh": "--plan {path} 是文件夹；请给出方案的 .yaml 文件"},
    "cli.plan_not_found": {"en": "plan file not found: {path}", "zh": "找不到方案文件：{path}"},
    "cli.progress_not_found": {"en": "progress folder not found: {path}",
                               "zh": "找不到进展报告文件夹：{path}"},
    "cli.progress_is_file": {"en": "--progress {path} is a file; give the folder that holds the progress "
                                   "files",
                             "zh": "--progress {path} 是文件；请给出存放进展报告的文件夹"},
    "cli.no_progress": {"en": "no progress folder found: pass --progress DIR or set SCIPLAN_PROGRESS",
                        "zh": "找不到进展报告文件夹：请用 --progress 指定，或设置 SCIPLAN_PROGRESS"},
    "cli.no_progress_to_validate": {"en": "no progress folder found: give files or folders, or pass "
                                          "--progress DIR",
                                    "zh": "找不到进展报告文件夹：请给出文件或文件夹，或用 --progress "
                                          "指定"},
    "cli.progress_none": {"en": "note: no progress folder: looked for {path} and found none, so 0 progress "
                                "files are read and every target shows no data. Make a unit's file with "
                                "`sciplan template --unit UNIT --year YEAR` and save it under {path}/, or "
                                "pass --progress DIR.",
                          "zh": "提示：没有进展报告文件夹：已查找 {path}，未找到，因此读取 0 份进展报告，"
                                "各项指标均显示为无数据。请用 `sciplan template --unit 单位 --year 年份` "
                                "生成本单位的报告文件并保存到 {path}/ 下，或用 --progress 指定文件夹。"},
    # --- the invented sample shipped with sciplan, announced wherever it is in use -------------------
    "sample.line": {"en": "SAMPLE DATA: invented figures shipped with sciplan for illustration, not real "
                          "reports.",
                    "zh": "示例数据：以下为 sciplan 自带的虚构演示数据，并非真实报送。"},
    "sample.hint": {"en": "For real figures put the units' progress files in ./data/progress/ (make one "
                          "with `sciplan template`) or pass --progress DIR.",
                    "zh": "如需使用真实数据，请将各单位的进展报告放入 ./data/progress/"
                          "（可用 `sciplan template` 生成模板），或用 --progress 指定文件夹。"},
    "sample.print": {"en": "SAMPLE DATA: invented figures, not real reports",
                     "zh": "示例数据：虚构演示，并非真实报送"},
    "cli.output_exists": {"en": "{path} already exists; pass --force to overwrite it",
                          "zh": "{path} 已存在；如需覆盖请加 --force"},
    "cli.cannot_write": {"en": "cannot write {path}: {reason}", "zh": "无法写入 {path}：{reason}"},
    "cli.cannot_write_stdout": {"en": "cannot write to standard output: {reason}",
                                "zh": "无法写入标准输出：{reason}"},
    "cli.output_not_regular": {"en": "{path} is a {kind}; sciplan writes regular files only: give another "
                                     "file name",
                               "zh": "{path} 是{kind}，sciplan 只写普通文件：请换一个文件名"},
    "cli.output_is_input": {"en": "{path} is a file this command reads; write the output to another file",
                            "zh": "{path} 是本命令读取的文件，请把结果写到另一个文件"},
    "cli.file_kind.folder": {"en": "folder", "zh": "文件夹"},
    "cli.file_kind.device": {"en": "device", "zh": "设备文件"},
    "cli.file_kind.pipe": {"en": "named pipe", "zh": "命名管道"},
    "cli.file_kind.socket": {"en": "socket", "zh": "套接字文件"},
    "cli.jobs_capped": {"en": "--jobs {asked}: this machine has {cpus} CPU(s) available; using {cpus}",
                        "zh": "--jobs {asked}：本机可用 CPU 为 {cpus} 个，按 {cpus} 个进程检查"},
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
    "cli.init_exists": {"en": "already there: {paths}; sciplan init never overwrites, so nothing was written",
                        "zh": "以下文件或文件夹已存在：{paths}；sciplan init 不会覆盖，未写入任何内容"},
    "cli.init_not_folder": {"en": "{path} is a file, not a folder", "zh": "{path} 是文件，不是文件夹"},
    "cli.init_done": {"en": "a new plan's workspace is ready in {folder}:\n{made}\nNext: replace the "
                            "placeholders in data/plan.yaml and run `sciplan plan check` in {folder}.",
                      "zh": "新方案的工作文件夹已在 {folder} 建好：\n{made}\n下一步：把 data/plan.yaml 中的"
                            "占位文字换成本方案的内容，然后在 {folder} 中运行 `sciplan plan check`。"},
    "cli.plan_sound": {"en": "{path}: plan `{plan}` version {version} is sound: {groups} groups, {tasks} "
                             "tasks, {indicators} indicators, {units} units, {townships} areas ({area}), "
                             "{milestones} milestones",
                       "zh": "{path}：方案 `{plan}` 第 {version} 版无误：{groups} 个分组、{tasks} 项任务、"
                             "{indicators} 项指标、{units} 个单位、{townships} 个{area}、{milestones} "
                             "个进度安排事项"},
    "cli.no_township": {"en": "no {word} is called `{area}`; the plan's areas: {townships}",
                        "zh": "没有名为 `{area}` 的{word}；方案中的{word}有：{townships}"},
    "cli.no_such_file": {"en": "no such file: {path}", "zh": "文件不存在：{path}"},
    "cli.not_regular_input": {"en": "{path} is not a regular file (a pipe, device or socket); give the "
                                    ".xlsx file",
                              "zh": "{path} 不是普通文件（而是管道、设备或套接字），请给出 .xlsx 文件"},
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
    # --- the collection round: forms out, workbooks in, who still owes ---
    "cli.template_all_needs_dir": {"en": "--all writes one file per unit: give a folder with -o",
                                   "zh": "--all 为每个单位各写一个文件：请用 -o 指定文件夹"},
    "cli.template_unit_or_all": {"en": "give --unit NAME, or --all for every unit that owes a report",
                                 "zh": "请指定 --unit 单位名称，或用 --all 为每个应报单位生成"},
    "cli.template_written": {"en": "{count} forms for {year} in {folder}:",
                             "zh": "{year} 年报表 {count} 份，已写入 {folder}："},
    "cli.import_line": {"en": "{state}  {path} -> {target}", "zh": "{state}  {path} -> {target}"},
    "cli.import_refused_line": {"en": "refused  {path}: {reason}", "zh": "拒收  {path}：{reason}"},
    "cli.import_state.written": {"en": "written ", "zh": "已写入"},
    "cli.import_state.replaced": {"en": "replaced", "zh": "已替换"},
    "cli.import_state.unchanged": {"en": "unchanged", "zh": "无变化"},
    "cli.import_reason.errors": {"en": "{count} errors, nothing written", "zh": "有 {count} 处错误，未写入"},
    "cli.import_reason.exists": {"en": "{target} exists; pass --force to replace it",
                                 "zh": "{target} 已存在；如需替换请加 --force"},
    "cli.import_reason.twice": {"en": "the same unit, year and area as {other}",
                                "zh": "与 {other} 的单位、年度和范围相同"},
    "cli.import_reason.no_header": {"en": "unit and year not readable from the Info sheet",
                                    "zh": "无法从 Info 表读出单位和年度"},
    "cli.import_summary": {"en": "{total} workbooks: {written} written, {replaced} replaced, {unchanged} "
                                 "unchanged, {refused} refused",
                           "zh": "共 {total} 份报表：写入 {written} 份，替换 {replaced} 份，"
                                 "无变化 {unchanged} 份，拒收 {refused} 份"},
    "cli.import_optional": {"en": "note: {path} reports {ids}, optional on its form and never reported "
                                  "by the unit before; please confirm",
                            "zh": "提示：{path} 填报了 {ids}，这些是表中的选报项目，该单位以前从未"
                                  "填报过，请核实"},
    "cli.import_output_one": {"en": "-o takes one workbook; for several, leave it out (each goes to the "
                                    "progress folder)",
                              "zh": "-o 只能用于一份报表；导入多份时请省略 -o（各自写入进度文件夹）"},
    "cli.import_no_workbooks": {"en": "no workbooks (.xlsx) in {path}", "zh": "{path} 中没有报表（.xlsx）"},
    "cli.import_no_progress": {"en": "no progress folder to write to: give --progress or -o",
                               "zh": "没有可写入的进度文件夹：请用 --progress 或 -o 指定"},
    "screen.unit.optional": {"en": "optional", "zh": "选报"},
    "screen.unit.optional_note": {"en": "Optional: the unit may report these; not reported is no gap.",
                                  "zh": "选报：本单位可以填报；未填报不算缺报。"},
    "cli.bad_grouping": {"en": "{value!r} is not a way to group the rows; choose from {choices}",
                         "zh": "{value!r} 不是可用的分组方式；可选：{choices}"},
    "cli.bad_epoch": {"en": "SOURCE_DATE_EPOCH={value} is not a number of seconds since 1970",
                      "zh": "SOURCE_DATE_EPOCH={value} 不是自 1970 年起的秒数"},
    "cli.cache.folder": {"en": "cache folder: {path}", "zh": "缓存文件夹：{path}"},
    "cli.cache.database": {"en": "database: {path} ({size})", "zh": "数据库：{path}（{size}）"},
    "cli.cache.none": {"en": "no cache yet: the next run that checks files makes one",
                       "zh": "尚无缓存：下次检查文件时会自动建立"},
    "cli.cache.entries": {"en": "kept: {entries} checked files in {namespaces} namespaces (plans, options, "
                                "sciplan versions), {plans} checked plans, {outputs} whole outputs of "
                                "validate, status and gap, {digests} files known by their stat data",
                          "zh": "已保存：{entries} 个文件的检查结果（分属 {namespaces} 组方案、选项或 "
                                "sciplan 版本），{plans} 份已检查的方案，{outputs} 份 validate、status、"
                                "gap 的完整输出，{digests} 个按文件属性识别的文件"},
    "cli.cache.unusable": {"en": "not used: others may write to this folder, so its results are not "
                                 "trusted; make it yours alone (chmod 700) or set SCIPLAN_CACHE_DIR",
                           "zh": "未使用：其他用户可以写入此文件夹，其中的结果不可信；请将其设为仅本人可写"
                                 "（chmod 700），或设置 SCIPLAN_CACHE_DIR"},
    "cli.cache.cleared.one": {"en": "cleared the cache in {path} ({count} file removed)",
                              "zh": "已清空缓存 {path}（删除 {count} 个文件）"},
    "cli.cache.cleared.other": {"en": "cleared the cache in {path} ({count} files removed)",
                                "zh": "已清空缓存 {path}（删除 {count} 个文件）"},
    "cli.cache.nothing": {"en": "nothing to clear: no cache in {path}", "zh": "无需清空：{path} 中没有缓存"},
    "cli.cache.cannot_clear": {"en": "cannot clear the cache in {path}: {reason}",
                               "zh": "无法清空缓存 {path}：{reason}"},
    "error.no_such_path": {"en": "no such file or folder: {path}", "zh": "文件或文件夹不存在：{path}"},
    "error.worker_stopped": {"en": "a worker process stopped unexpectedly (out of memory?); "
                                   "run again with --jobs 1",
                             "zh": "检查进程意外退出（内存不足？）；请加 --jobs 1 重新运行"},
    "error.plan_unusable": {"en": "the plan {path} is not usable; run `sciplan plan check` for details",
                            "zh": "实施方案 {path} 无法使用；详情请运行 `sciplan plan check`"},
}


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    """Add messages defined elsewhere (the findings package's) to MESSAGES.

    An id that already exists is a programming error: two definitions of one message would make the
    words depend on import order.
    """
    taken = sorted(set(messages) & set(MESSAGES))
    if taken:
        raise ValueError(f"message ids defined twice: {', '.join(taken)}")
    for message_id, templates in messages.items():
        MESSAGES[message_id] = dict(templates)


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
