"""Workbook import, `sciplan import` (sciplan/workbook/).

Each code is one definition: its slug, severity, titles, the description the diagnostics
reference is generated from, and its messages in English and Chinese (`variant` is the message id
`finding.CODE.variant`; `variant.hint` is its hint).
"""

from __future__ import annotations

from .core import ERROR, WARNING, Code

I601 = Code(
    "I601", "sheet-missing", ERROR,
    title={"en": "Sheet missing", "zh": "缺少工作表"},
    description="The workbook lacks a required sheet.",
    messages={
        "missing": {"en": "sheet `{name}` is missing (found: {found})",
                    "zh": "缺少工作表 `{name}`（现有：{found}）"},
        "missing.hint": {"en": "Restore the `{name}` sheet from the template (`sciplan template --format "
                               "xlsx`); sheets may be reordered but not renamed or deleted.",
                         "zh": "请从模板（`sciplan template --format xlsx`）中恢复 `{name}` "
                               "工作表；工作表可以调整顺序，但不能改名或删除。"},
    },
)

I602 = Code(
    "I602", "bad-cell", ERROR,
    title={"en": "Cell cannot be read", "zh": "单元格内容无法识别"},
    description="A cell's content cannot be turned into the expected value.",
    messages={
        "bool": {"en": "{value} is not a figure", "zh": "{value} 不是数值"},
        "bool.hint": {"en": "Type the figure as digits, e.g. 1200.", "zh": "请用数字填写，例如 1200。"},
        "date": {"en": "the cell holds a date or time ({value}), not a figure",
                 "zh": "单元格里是日期或时间（{value}），不是数值"},
        "date.hint": {"en": "Excel turned the entry into a date: format the cell as Number (数值) and type "
                            "the figure again.",
                      "zh": "Excel 把输入的内容变成了日期：请把单元格格式设为“数值”，再重新输入。"},
        "percent": {"en": "`{value}` has a % sign, but {indicator} counts {measure}",
                    "zh": "`{value}` 带有 % 号，但 {indicator} 的计量单位是{measure}"},
        "percent.hint": {"en": "Type the figure alone, e.g. 1200.", "zh": "只填数字，例如 1200。"},
        "not_number": {"en": "`{value}` is not a number", "zh": "`{value}` 不是数字"},
        "not_number.hint": {"en": "Type digits only, e.g. 1200 or 15.2; put remarks in the note column "
                                  "(备注 note).",
                            "zh": "只填数字，例如 1200 或 15.2；说明文字请写在备注（note）列。"},
        "too_large": {"en": "the number in the cell is too large ({digits} digits)",
                      "zh": "单元格里的数字过大（{digits} 位）"},
        "too_large.hint": {"en": "Type the figure itself, e.g. 1200.", "zh": "请填写实际数值，例如 1200。"},
        "not_finite": {"en": "the cell does not hold a finite number", "zh": "单元格里不是有限的数值"},
        "not_finite.hint": {"en": "Type the figure, e.g. 1200.", "zh": "请填写数值，例如 1200。"},
        "number_not_date": {"en": "{value} is a number, not a date", "zh": "{value} 是数字，不是日期"},
        "number_not_date.hint": {"en": "Type the date as 2025-01-20.",
                                 "zh": "日期请写成 2025-01-20 这样的形式。"},
    },
)

I603 = Code(
    "I603", "not-a-workbook", ERROR,
    title={"en": "Not an .xlsx workbook", "zh": "不是 .xlsx 工作簿"},
    description="The file cannot be opened as an Excel workbook (.xlsx).",
    messages={
        "too_big": {"en": "the file is over {mib} MiB; a progress workbook is a few dozen KB",
                    "zh": "文件超过 {mib} MiB；进展报告工作簿一般只有几十 KB"},
        "too_big.hint": {"en": "Is this the right file? Start from `sciplan template --format xlsx`.",
                         "zh": "请确认是否选错了文件；可从 `sciplan template --format xlsx` "
                               "生成的模板开始填写。"},
        "xls": {"en": "this is an old-style .xls (or encrypted) workbook, not .xlsx",
                "zh": "这是旧版 .xls（或已加密的）工作簿，不是 .xlsx"},
        "xls.hint": {"en": "Open it in Excel or WPS and save as \"Excel Workbook (*.xlsx)\", without a "
                           "password.",
                     "zh": "请用 Excel 或 WPS 打开，另存为“Excel 工作簿(*.xlsx)”，不要设置密码。"},
        "empty": {"en": "the file is empty, not a workbook", "zh": "文件是空的，不是工作簿"},
        "empty.hint": {"en": "Save the workbook again from Excel or WPS, or make a new one with `sciplan "
                             "template`.",
                       "zh": "请用 Excel 或 WPS 重新保存工作簿，或用 `sciplan template` 生成新的模板。"},
        "not_zip": {"en": "the file is {looks}; an .xlsx workbook is a zip archive",
                    "zh": "该文件{looks}；.xlsx 工作簿应是 zip 压缩包"},
        "not_zip.hint": {"en": "Save the workbook as \"Excel Workbook (*.xlsx)\"; a renamed file is not "
                               "enough.",
                         "zh": "请将工作簿另存为“Excel 工作簿(*.xlsx)”；只改文件扩展名是不行的。"},
        "looks_text": {"en": "text (CSV?)", "zh": "是文本文件（CSV？）"},
        "looks_other": {"en": "not a workbook", "zh": "不是工作簿"},
        "unpacks": {"en": "the workbook unpacks to more than {mib} MiB; a progress workbook is far smaller",
                    "zh": "工作簿解压后超过 {mib} MiB；进展报告工作簿应小得多"},
        "unpacks.hint": {"en": "Start from `sciplan template --format xlsx`.",
                         "zh": "请从 `sciplan template --format xlsx` 生成的模板开始填写。"},
        "unreadable": {"en": "the file cannot be read as an .xlsx workbook ({error})",
                       "zh": "无法作为 .xlsx 工作簿读取该文件（{error}）"},
        "unreadable.hint": {"en": "Open it in Excel or WPS and save it again as \"Excel Workbook "
                                  "(*.xlsx)\".",
                            "zh": "请用 Excel 或 WPS 打开，重新另存为“Excel 工作簿(*.xlsx)”。"},
    },
)

I604 = Code(
    "I604", "column-missing", ERROR,
    title={"en": "Header row or column missing", "zh": "缺少表头或列"},
    description="A sheet lacks its header row or a required column (the id, value or status column); the "
                "template's column titles must keep their English word. A missing Info field is S102.",
    messages={
        "no_header": {"en": "no header row with a `{key}` column in sheet `{sheet}`",
                      "zh": "工作表 `{sheet}` 中找不到含 `{key}` 列的表头行"},
        "no_header.hint": {"en": "Keep the template's header row (its column titles) as it was.",
                           "zh": "请保持模板的表头行（各列标题）原样不动。"},
        "columns": {"en": "sheet `{sheet}` lacks the column(s) {labels}",
                    "zh": "工作表 `{sheet}` 缺少列：{labels}"},
        "columns.hint": {"en": "Restore the column from the template; column titles must keep their "
                               "English word.",
                         "zh": "请从模板中恢复该列；列标题中的英文词须保留。"},
    },
)

I605 = Code(
    "I605", "column-ignored", WARNING,
    title={"en": "Column not in the template", "zh": "列不属于模板"},
    description="A column with content that the template does not have; its contents are not imported.",
    messages={
        "ignored": {"en": "column {named} is not part of the template; its contents are not imported",
                    "zh": "{named}列不属于模板，其内容不会导入"},
        "ignored.hint": {"en": "Move remarks into the note/evidence column if they belong in the report.",
                         "zh": "如需写入报告，请把说明移到备注（note）或佐证（evidence）列。"},
        "without_header": {"en": "without a header", "zh": "无标题的"},
    },
)

I606 = Code(
    "I606", "row-without-id", ERROR,
    title={"en": "Row without an id", "zh": "行缺少编号"},
    description="A row has entries but its id cell (indicator, task or milestone) is empty; rows come from "
                "the template and are not added by hand.",
    messages={
        "indicator": {"en": "this row has entries but no indicator id",
                      "zh": "该行填了内容，但没有指标编号"},
        "indicator.hint": {"en": "Rows come from the template: do not add rows; put remarks in the note "
                                 "column.",
                           "zh": "行由模板生成，请不要自行加行；说明文字请写在备注（note）列。"},
        "task": {"en": "this row has entries but no task id", "zh": "该行填了内容，但没有任务编号"},
        "task.hint": {"en": "Rows come from the template: do not add rows; describe work in the evidence "
                            "column.",
                      "zh": "行由模板生成，请不要自行加行；工作情况请写在佐证（evidence）列。"},
        "milestone": {"en": "this row has entries but no milestone id",
                      "zh": "该行填了内容，但没有节点编号"},
        "milestone.hint": {"en": "Rows come from the template: do not add rows.",
                           "zh": "行由模板生成，请不要自行加行。"},
    },
)

I607 = Code(
    "I607", "workbook-over-limit", ERROR,
    title={"en": "Workbook too large to read", "zh": "工作簿超出读取限度"},
    description="Reading the workbook would pass one of import's limits: the unpacked size of one part "
                "(a sheet, the shared strings, the styles), the bytes read in all (a part counts each "
                "time it is read), or the cells scanned. Import stops there; a filled template is far "
                "below every limit.",
    messages={
        "part": {"en": "part `{part}` of the workbook unpacks to more than {mib} MiB, the limit for one part",
                 "zh": "工作簿的组成部分 `{part}` 解压后超过单个部分的上限 {mib} MiB"},
        "part.hint": {"en": "A progress workbook is a few dozen KB: copy the figures into a fresh template "
                            "(`sciplan template --format xlsx`).",
                      "zh": "进展报告工作簿一般只有几十 KB：请把数字抄到新生成的模板"
                            "（`sciplan template --format xlsx`）中。"},
        "total": {"en": "reading the workbook's sheets would unpack more than {mib} MiB in all, the limit",
                  "zh": "读取工作簿的各工作表需要解压超过 {mib} MiB，超出总量上限"},
        "total.hint": {"en": "Copy the figures into a fresh template (`sciplan template --format xlsx`).",
                       "zh": "请把数字抄到新生成的模板（`sciplan template --format xlsx`）中。"},
        "cells": {"en": "the workbook's sheets hold more than {count} cells, the limit for a progress "
                        "workbook",
                  "zh": "工作簿各工作表的单元格超过 {count} 个，超出进展报告工作簿的上限"},
        "cells.hint": {"en": "Delete what does not belong to the template, or copy the figures into a fresh "
                             "one (`sciplan template --format xlsx`).",
                       "zh": "请删除不属于模板的内容，或把数字抄到新生成的模板"
                             "（`sciplan template --format xlsx`）中。"},
    },
)

I608 = Code(
    "I608", "sheet-ambiguous", ERROR,
    title={"en": "Sheet hidden or named twice", "zh": "工作表被隐藏或重名"},
    description="A sheet import would read (Info, Values, Tasks, Milestones) is hidden, or several sheets "
                "have names that look the same once spaces, letter case and full-width letters are set "
                "aside. Import reads none of them rather than guess.",
    messages={
        "hidden": {"en": "sheet `{name}` is hidden ({state}); a hidden sheet is never imported",
                   "zh": "工作表 `{name}` 被隐藏（{state}）；隐藏的工作表不会导入"},
        "hidden.hint": {"en": "Make the sheet visible again (right-click a sheet tab, Unhide), check what it "
                              "holds, and import again.",
                        "zh": "请取消隐藏该工作表（右键单击工作表标签，选择“取消隐藏”），"
                              "核对其内容后重新导入。"},
        "duplicate": {"en": "sheets {names} all look like `{name}`; sciplan cannot tell which one to read",
                      "zh": "工作表 {names} 看起来都是 `{name}`，无法确定应读取哪一个"},
        "duplicate.hint": {"en": "Keep one `{name}` sheet (unhide any hidden one first, right-click a sheet "
                                 "tab) and delete or rename the others.",
                           "zh": "请只保留一个 `{name}` 工作表（如有隐藏的，先右键单击工作表标签取消隐藏），"
                                 "删除其他的或改名。"},
    },
)

I609 = Code(
    "I609", "not-imported", WARNING,
    title={"en": "Content not imported", "zh": "内容未导入"},
    description="Content import does not read: hidden sheets that are not the template's, or cells outside "
                "the template's area (past its rows or columns). It is named so that nothing is left out "
                "in silence.",
    messages={
        "hidden_sheets": {"en": "hidden sheet(s) {names} are not imported",
                          "zh": "隐藏的工作表 {names} 不会导入"},
        "hidden_sheets.hint": {"en": "If they hold figures for the report, copy them into the template's "
                                     "sheets.",
                               "zh": "如其中有需要报送的数字，请抄到模板的工作表中。"},
        "outside": {"en": "{count} cell(s) of sheet `{sheet}` lie outside the template's area "
                          "(rows 1–{rows}, "
                          "columns A–{last}) and are not imported: {cells}",
                    "zh": "工作表 `{sheet}` 有 {count} 个单元格位于模板范围（第 1–{rows} 行，A–{last} 列）"
                          "之外，不会导入：{cells}"},
        "outside.hint": {"en": "Move what belongs to the report into the template's rows and columns; delete "
                               "the rest.",
                         "zh": "请把需要报送的内容移到模板的行和列中，其余的删除。"},
    },
)
