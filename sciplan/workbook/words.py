"""The words of the fill-in workbook, in English and Chinese, added to `i18n.MESSAGES` by the package.

The template is bilingual on purpose: a label shows the Chinese words and then the English ones in
the same cell (`sheets.both`). For a column the English words are its key (`indicator`, `value`),
which is what import matches a header on, so `workbook.column.*` ids hold the key as their English.
The Info sheet's title and a validation's error title (Excel limits it to 32 characters) show the
Chinese only; their English is kept here for completeness.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # --- sheet titles (row 1) ----------------------------------------------------------------------
    "workbook.title.info": {"zh": "进度报告", "en": "progress report"},  # Chinese only: after the name
    "workbook.title.values": {"zh": "年度指标数值", "en": "Values"},
    "workbook.title.tasks": {"zh": "年度任务进展", "en": "Tasks"},
    "workbook.title.milestones": {"zh": "进度安排", "en": "Milestones"},
    "workbook.title.values.none": {"zh": "本单位没有需要填报的指标", "en": "no indicators to report"},
    "workbook.title.tasks.none": {"zh": "本单位没有需要填报的任务", "en": "no tasks to report"},
    # The row that opens a sheet's optional part; import knows it by its last word, `optional`.
    "workbook.optional": {"zh": "以下为选报项目：本单位可以填报，不填即视为未报告（不按零计）",
                          "en": "Below: may be reported; left empty means not reported (never zero), "
                                "optional"},
    # --- column headers: Chinese, then the key ------------------------------------------------------
    "workbook.column.values.indicator": {"zh": "指标编号", "en": "indicator"},
    "workbook.column.values.name": {"zh": "指标名称", "en": "name"},
    "workbook.column.values.measure": {"zh": "计量单位", "en": "measure"},
    "workbook.column.values.target": {"zh": "目标", "en": "target"},
    "workbook.column.values.guidance": {"zh": "填报说明", "en": "guidance"},
    "workbook.column.values.value": {"zh": "数值", "en": "value"},
    "workbook.column.values.note": {"zh": "备注", "en": "note"},
    "workbook.column.values.source": {"zh": "数据来源", "en": "source"},
    "workbook.column.tasks.task": {"zh": "任务编号", "en": "task"},
    "workbook.column.tasks.group": {"zh": "行动/工程", "en": "group"},
    "workbook.column.tasks.role": {"zh": "职责", "en": "role"},
    "workbook.column.tasks.title": {"zh": "任务", "en": "title"},
    "workbook.column.tasks.status": {"zh": "状态", "en": "status"},
    "workbook.column.tasks.evidence": {"zh": "进展与佐证", "en": "evidence"},
    "workbook.column.milestones.milestone": {"zh": "节点编号", "en": "milestone"},
    "workbook.column.milestones.year": {"zh": "年份", "en": "year"},
    "workbook.column.milestones.text": {"zh": "内容", "en": "text"},
    "workbook.column.milestones.status": {"zh": "状态", "en": "status"},
    "workbook.column.milestones.date": {"zh": "完成日期", "en": "date"},
    "workbook.column.milestones.evidence": {"zh": "佐证", "en": "evidence"},
    "workbook.column.info.field": {"zh": "项目", "en": "field"},
    "workbook.column.info.value": {"zh": "内容", "en": "value"},
    "workbook.column.info.note": {"zh": "说明", "en": "note"},
    # --- the Info sheet: a field's label (Chinese, then the key) and its explanation ------------------
    "workbook.info.plan": {"zh": "规划", "en": "plan"},
    "workbook.info.plan.note": {"zh": "规划编号，请勿修改", "en": "plan id: do not change"},
    "workbook.info.plan_version": {"zh": "规划版本", "en": "plan_version"},
    "workbook.info.plan_version.note": {"zh": "请勿修改", "en": "do not change"},
    "workbook.info.unit": {"zh": "填报单位", "en": "unit"},
    "workbook.info.unit.note": {"zh": "请勿修改", "en": "do not change"},
    "workbook.info.period": {"zh": "报告年度", "en": "period"},
    "workbook.info.period.note": {"zh": "请勿修改", "en": "do not change"},
    "workbook.info.area": {"zh": "区域", "en": "area"},
    "workbook.info.area.note": {"zh": "空白表示不分区域的总数", "en": "empty: figures for the whole"},
    "workbook.info.submitted": {"zh": "填报日期", "en": "submitted"},
    "workbook.info.submitted.note": {"zh": "可选，如 2025-01-20", "en": "optional: the date you submit"},
    "workbook.info.contact": {"zh": "联系人", "en": "contact"},
    "workbook.info.contact.note": {"zh": "可选，姓名和电话", "en": "optional: name and telephone"},
    # --- how to fill in (below the Info fields) ---------------------------------------------------
    "workbook.steps.title": {"zh": "填写方法", "en": "How to fill in:"},
    "workbook.steps.values": {
        "zh": "1. 在 Values 表的“数值 value”列填写本单位的数字（黄色单元格）；"
              "本单位没有某项数据时，数值留空并在"
              "“备注 note”中填“无”。",
        "en": "Type your figures in the yellow value cells; if you have no figure for an indicator, "
              "leave the value empty and write 无 in its note."},
    "workbook.steps.tasks": {"zh": "2. 在 Tasks 表为每项任务选择状态，已完成或受阻的任务须填写佐证。",
                             "en": "Choose each task's status; done and blocked need evidence."},
    "workbook.steps.import": {"zh": "3. 保存后导入并校验",
                              "en": "Save, then import and check:"},
    "workbook.steps.empty": {"zh": "未填写的数值和状态不能通过校验。",
                             "en": "Empty values and statuses do not pass the check."},
    # --- data validation: prompt and error texts of the cells to fill in ----------------------------
    "workbook.rule.count.prompt_title": {"zh": "整数", "en": "whole number"},
    "workbook.rule.count.prompt": {"zh": "填写整数，不小于 0；不累计。",
                                   "en": "Type a whole number, 0 or more."},
    "workbook.rule.count.error_title": {"zh": "需要整数", "en": "Whole number needed"},
    "workbook.rule.count.error": {"zh": "请填写不小于 0 的整数。",
                                  "en": "Type a whole number, 0 or more, without units."},
    "workbook.rule.percent.prompt_title": {"zh": "百分数", "en": "percentage"},
    "workbook.rule.percent.prompt": {"zh": "填写 0–100 的数，如 15.2 表示 15.2%。",
                                     "en": "Type 15.2 for 15.2%."},
    "workbook.rule.percent.error_title": {"zh": "需要 0–100 的数", "en": "0–100 needed"},
    "workbook.rule.percent.error": {"zh": "请填写 0 到 100 之间的数，如 15.2。",
                                    "en": "Type a number from 0 to 100."},
    "workbook.rule.quantity.prompt_title": {"zh": "数量", "en": "quantity"},
    "workbook.rule.quantity.prompt": {"zh": "填写不小于 0 的数。", "en": "Type a number, 0 or more."},
    "workbook.rule.quantity.error_title": {"zh": "需要不小于 0 的数", "en": "0 or more needed"},
    "workbook.rule.quantity.error": {"zh": "请填写不小于 0 的数。", "en": "Type a number, 0 or more."},
    "workbook.rule.status.prompt_title": {"zh": "状态", "en": "status"},
    "workbook.rule.status.prompt": {"zh": "从下拉列表选择。", "en": "Choose from the list."},
    "workbook.rule.status.error_title": {"zh": "状态无效", "en": "Not a status"},
    "workbook.rule.status.error": {"zh": "请从下拉列表选择状态。", "en": "Choose a status from the list."},
    "workbook.rule.date.prompt_title": {"zh": "日期", "en": "date"},
    "workbook.rule.date.prompt": {"zh": "如 2025-01-20。", "en": "e.g. 2025-01-20"},
    "workbook.rule.date.error_title": {"zh": "日期无效", "en": "Not a date"},
    "workbook.rule.date.error": {"zh": "请填写 {year} 年 1 月 1 日以后的日期。",
                                 "en": "Type a date from {year} on."},
}
