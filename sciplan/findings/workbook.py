"""Workbook import, `sciplan import` (sciplan/workbook.py).

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
