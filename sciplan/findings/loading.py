"""Loading: reading the file and parsing YAML (sciplan/loading.py, and finding the files).

Each code is one definition: its slug, severity, titles, the description the diagnostics
reference is generated from, and its messages in English and Chinese (`variant` is the message id
`finding.CODE.variant`; `variant.hint` is its hint).
"""

from __future__ import annotations

from .core import ERROR, WARNING, Code

L001 = Code(
    "L001", "not-utf8", ERROR,
    title={"en": "File is not UTF-8", "zh": "文件不是 UTF-8 编码"},
    description="The file's bytes are not valid UTF-8. Files saved by Chinese Office/WPS are often "
                "GBK/GB18030; re-save as UTF-8. A UTF-8 byte-order mark is accepted.",
    messages={
        "utf16": {"en": "file is UTF-16 (what Notepad calls \"Unicode\"), not UTF-8",
                  "zh": "文件是 UTF-16 编码（记事本中称为“Unicode”），不是 UTF-8"},
        "not_utf8": {"en": "file is not UTF-8 (invalid byte 0x{byte})",
                     "zh": "文件不是 UTF-8 编码（无效字节 0x{byte}）"},
        "looks_gbk": {"en": "file is not UTF-8 (invalid byte 0x{byte}); it looks like GBK/GB18030, the "
                            "encoding Chinese Office/WPS uses by default",
                      "zh": "文件不是 UTF-8 编码（无效字节 0x{byte}），看起来是 GBK/GB18030 编码，即中文版 "
                            "Office/WPS 默认保存的编码"},
        "hint": {"en": "Save the file as UTF-8 (in WPS/Excel/Notepad: Save As -> Encoding: UTF-8).",
                 "zh": "请将文件另存为 UTF-8 编码（在 WPS、Excel 或记事本中：另存为 -> 编码选 UTF-8）。"},
    },
)

L002 = Code(
    "L002", "empty-file", ERROR,
    title={"en": "File is empty", "zh": "文件为空"},
    description="The file has no content, or only comments and blank lines.",
    messages={
        "empty": {"en": "file is empty", "zh": "文件为空"},
        "empty.hint": {"en": "Fill in the report, e.g. start from `sciplan template --unit ... --year "
                             "...`.",
                       "zh": "请填写报告内容，例如先用 `sciplan template --unit ... --year ...` "
                             "生成模板。"},
        "plan_empty": {"en": "plan file is empty", "zh": "方案文件为空"},
        "plan_empty.hint": {"en": "A plan file holds the whole plan: its groups, tasks, indicators and "
                                  "units; see docs/formats.md for an example, or use the plan shipped with "
                                  "sciplan.",
                            "zh": "方案文件应包含整个方案：任务组、任务、指标和责任单位；示例见 "
                                  "docs/formats.md，也可以直接使用 sciplan 自带的方案。"},
    },
)

L003 = Code(
    "L003", "file-too-large", ERROR,
    title={"en": "File is larger than the limit", "zh": "文件超过大小上限"},
    description="The file exceeds the size limit (1 MiB for a progress file unless --max-bytes says "
                "otherwise, 16 MiB for the plan). Progress files are a few kilobytes, a plan some tens "
                "of kilobytes.",
    messages={
        "size": {"en": "file is {size} bytes; the limit is {limit}",
                 "zh": "文件大小为 {size} 字节，超过上限 {limit} 字节"},
        "size.hint": {"en": "Progress files are a few kilobytes; is this the right file? Raise the limit "
                            "with --max-bytes if it really is.",
                      "zh": "进展报告文件一般只有几 KB，请确认是否选错了文件；确实需要时，可用 --max-bytes "
                            "提高上限。"},
        "over": {"en": "file is larger than the limit of {limit} bytes",
                 "zh": "文件超过大小上限 {limit} 字节"},
        "over.hint": {"en": "Progress files are a few kilobytes; is this the right file?",
                      "zh": "进展报告文件一般只有几 KB，请确认是否选错了文件。"},
        "plan_size": {"en": "plan file is {size} bytes; the limit is {limit}",
                      "zh": "方案文件大小为 {size} 字节，超过上限 {limit} 字节"},
        "plan_size.hint": {"en": "A plan file is some tens of kilobytes; is this the right file?",
                           "zh": "方案文件一般只有几十 KB，请确认是否选错了文件。"},
        "plan_over": {"en": "plan file is larger than the limit of {limit} bytes",
                      "zh": "方案文件超过大小上限 {limit} 字节"},
        "plan_over.hint": {"en": "A plan file is some tens of kilobytes; is this the right file?",
                           "zh": "方案文件一般只有几十 KB，请确认是否选错了文件。"},
    },
)

L004 = Code(
    "L004", "yaml-syntax", ERROR,
    title={"en": "YAML syntax error", "zh": "YAML 语法错误"},
    description="The YAML parser stopped at this position.",
    messages={
        "key_not_text": {"en": "a mapping key must be plain text, not a list or mapping",
                         "zh": "键必须是普通文字，不能是列表或键值映射"},
        "key_not_text.hint": {"en": "Write keys as plain words followed by a colon, e.g. `value: 1200`.",
                              "zh": "键写成普通文字再加冒号，例如 `value: 1200`。"},
        "unclosed": {"en": "YAML syntax error: {what} that starts here is never closed",
                     "zh": "YAML 语法错误：从此处开始的{what}没有结束"},
        "open.quoted": {"en": "the quoted text", "zh": "引号内文字"},
        "open.list": {"en": "the [ list", "zh": "[ 列表"},
        "open.mapping": {"en": "the {brace} mapping", "zh": "{brace} 键值映射"},
        "close.quoted": {"en": "Add the closing quote (\" or ') where the text ends.",
                         "zh": "请在文字结尾处补上后引号（\" 或 '）。"},
        "close.list": {"en": "Close the list with ].", "zh": "请用 ] 结束列表。"},
        "close.mapping": {"en": "Close the mapping with {brace}.", "zh": "请用 {brace} 结束键值映射。"},
        "syntax": {"en": "YAML syntax error: {problem}{context}",
                   "zh": "YAML 语法错误：{problem}{context}"},
        "syntax.hint": {"en": "Check the indentation and that every `key: value` has a space after the "
                              "colon.",
                        "zh": "请检查缩进，并确认每个 `key: value` 的冒号后面都有一个空格。"},
        "colon": {"en": "A colon inside a value needs quotes: `note: \"比例: 15%\"`; check the indentation "
                        "too.",
                  "zh": "值里有冒号时要加引号，例如 `note: \"比例: 15%\"`；也请检查缩进。"},
        "context": {"en": " ({context})", "zh": "（{context}）"},
    },
)

L005 = Code(
    "L005", "tab-indent", ERROR,
    title={"en": "Tab character used for indentation", "zh": "使用了制表符缩进"},
    description="YAML does not allow tabs for indentation; use spaces.",
    messages={
        "tab": {"en": "a tab character is used for indentation", "zh": "使用了制表符（Tab）缩进"},
        "tab.hint": {"en": "Replace tabs with spaces (two spaces per level).",
                     "zh": "请把制表符换成空格（每层缩进两个空格）。"},
    },
)

L006 = Code(
    "L006", "duplicate-key", ERROR,
    title={"en": "Duplicate key", "zh": "重复的键"},
    description="A mapping has the same key twice; YAML loaders would silently keep the last one.",
    messages={
        "duplicate_key": {"en": "key `{key}` appears twice (first on line {first_line})",
                          "zh": "键 `{key}` 出现了两次（第一次在第 {first_line} 行）"},
        "duplicate_key.hint": {"en": "Keep one of them; YAML would otherwise silently use the last one.",
                               "zh": "请只保留一个；否则 YAML 会不加提示地采用最后一个。"},
    },
)

L007 = Code(
    "L007", "alias-or-anchor", ERROR,
    title={"en": "Anchors and aliases are not allowed", "zh": "不允许使用锚点和别名"},
    description="`&anchor` and `*alias` are rejected: submissions never need them and alias expansion can "
                "exhaust memory. Each alias name is reported once; a file with an alias is not checked "
                "further.",
    messages={
        "alias": {"en": "alias *{name} is not allowed", "zh": "不允许使用别名 *{name}"},
        "alias.hint": {"en": "Write the value out in full instead of referring to an anchor.",
                       "zh": "请直接写出完整的值，不要引用锚点。"},
        "alias_repeated": {"en": "alias *{name} is not allowed (used {uses} times; the first is here)",
                           "zh": "不允许使用别名 *{name}（共用了 {uses} 次，此处是第一次）"},
        "anchor": {"en": "anchor &{name} is not allowed", "zh": "不允许使用锚点 &{name}"},
        "anchor.hint": {"en": "Remove the `&` anchor; write every value out in full.",
                        "zh": "请删除 `&` 锚点，每个值都直接完整写出。"},
    },
)

L008 = Code(
    "L008", "explicit-tag", ERROR,
    title={"en": "Explicit tags are not allowed", "zh": "不允许使用显式标签"},
    description="`!tag` and `!!type` annotations are rejected.",
    messages={
        "tag": {"en": "explicit tag {tag} is not allowed", "zh": "不允许使用显式标签 {tag}"},
        "tag.hint": {"en": "Remove the tag; write plain values such as 1200 or a unit's name.",
                     "zh": "请删除标签，直接填写 1200 或单位名称这样的普通值。"},
    },
)

L009 = Code(
    "L009", "too-deep", ERROR,
    title={"en": "Nesting is too deep", "zh": "嵌套层级过深"},
    description="The document nests deeper than the limit (default 32 levels).",
    messages={
        "too_deep": {"en": "nesting deeper than {depth} levels", "zh": "嵌套超过 {depth} 层"},
        "too_deep.hint": {"en": "Progress files nest three levels at most; check the indentation.",
                          "zh": "进展报告最多嵌套三层，请检查缩进。"},
    },
)

L010 = Code(
    "L010", "not-a-mapping", ERROR,
    title={"en": "Top level is not a mapping", "zh": "顶层不是键值映射"},
    description="A progress or plan file must be a mapping of keys such as `plan:`, `unit:`, `period:`.",
    messages={
        "not_mapping": {"en": "the top level is {got}, not a mapping of keys",
                        "zh": "文件顶层是{got}，而不是由键组成的映射"},
        "not_mapping.hint": {"en": "Start the file with `plan: ` and the plan's id (`sciplan plan` shows "
                                   "it), then the other keys, each on its own line.",
                             "zh": "文件开头应为 `plan: ` 加方案编号（`sciplan plan` 可查看），"
                                   "然后是其他各键，每个键单独一行。"},
    },
)

L011 = Code(
    "L011", "binary-content", ERROR,
    title={"en": "File looks binary", "zh": "文件看起来是二进制内容"},
    description="The file contains NUL bytes or other control characters; it is not a text file.",
    messages={
        "nul": {"en": "file contains NUL bytes: it is binary, not YAML text",
                "zh": "文件含有 NUL 字节：这是二进制文件，不是 YAML 文本"},
        "nul.hint": {"en": "Save the progress file as plain UTF-8 text (.yaml); a workbook is turned into "
                           "one with `sciplan import`.",
                     "zh": "请将进展报告保存为 UTF-8 纯文本（.yaml）；Excel 工作簿可用 `sciplan import` "
                           "转换。"},
        "control": {"en": "file contains control characters: it looks binary, not YAML text",
                    "zh": "文件含有控制字符：看起来是二进制文件，不是 YAML 文本"},
        "control.hint": {"en": "Save the progress file as plain UTF-8 text.",
                         "zh": "请将进展报告保存为 UTF-8 纯文本。"},
    },
)

L012 = Code(
    "L012", "not-a-file", ERROR,
    title={"en": "Path is not a regular file", "zh": "路径不是普通文件"},
    description="A folder, pipe, device or broken symlink stands where a progress file was expected, such "
                "as a folder named `2024.yaml` inside the progress folder.",
    messages={
        "folder": {"en": "this is a folder, not a file", "zh": "这是文件夹，不是文件"},
        "broken_link": {"en": "this is a broken symlink: what it points to does not exist",
                        "zh": "这是失效的符号链接：它指向的文件不存在"},
        "special": {"en": "this is not a regular file (a pipe or a device?)",
                    "zh": "这不是普通文件（可能是管道或设备）"},
        "hint": {"en": "Give the path of a .yaml file, or a folder to check every file in it.",
                 "zh": "请给出 .yaml 文件的路径，或给出文件夹以检查其中的全部文件。"},
        "folder_named_yaml": {"en": "this is a folder, named like a progress file",
                              "zh": "这是文件夹，却用了进展报告文件的名字"},
        "folder_named_yaml.hint": {"en": "Progress files are single .yaml files; rename the folder or move "
                                         "the file out of it.",
                                   "zh": "进展报告是单个 .yaml 文件；请给文件夹改名，或把文件移出来。"},
    },
)

L013 = Code(
    "L013", "outside-root", ERROR,
    title={"en": "Symlink leads outside the folder", "zh": "符号链接指向文件夹之外"},
    description="A symbolic link inside the checked folder points outside it; it is not followed.",
    messages={
        "outside": {"en": "this symlink leads outside {folder}, to {target}",
                    "zh": "此符号链接指向 {folder} 之外：{target}"},
        "outside.hint": {"en": "Copy the file into the folder instead of linking it.",
                         "zh": "请把文件复制到该文件夹中，不要使用链接。"},
    },
)

L014 = Code(
    "L014", "unreadable", ERROR,
    title={"en": "File cannot be read", "zh": "无法读取文件"},
    description="The operating system refused to read the file (permissions, or it vanished).",
    messages={
        "gone": {"en": "cannot read file: it does not exist", "zh": "无法读取文件：文件不存在"},
        "unreadable": {"en": "cannot read file: {reason}", "zh": "无法读取文件：{reason}"},
        "hint": {"en": "Check that the file exists and that you may read it.",
                 "zh": "请确认文件存在，且有读取权限。"},
    },
)

L015 = Code(
    "L015", "multiple-documents", ERROR,
    title={"en": "More than one YAML document", "zh": "包含多个 YAML 文档"},
    description="A file holds exactly one document; `---` starts a second one.",
    messages={
        "second_document": {"en": "the file holds a second YAML document",
                            "zh": "文件中有第二个 YAML 文档"},
        "second_document.hint": {"en": "Put one unit's report for one year in each file; remove the `---`.",
                                 "zh": "每个文件只放一个单位一年的报告；请删除 `---`。"},
    },
)

L016 = Code(
    "L016", "no-files", WARNING,
    title={"en": "No progress files found", "zh": "未找到进度文件"},
    description="The folder holds no `.yaml`/`.yml` files.",
    messages={
        "no_files": {"en": "no .yaml or .yml files in this folder",
                     "zh": "此文件夹中没有 .yaml 或 .yml 文件"},
        "no_files.hint": {"en": "Progress files are named like 2024/agriculture.yaml.",
                          "zh": "进展报告文件的命名形如 2024/agriculture.yaml。"},
    },
)

L017 = Code(
    "L017", "control-character", ERROR,
    title={"en": "Control character in text", "zh": "文本中含有控制字符"},
    description="YAML does not allow this control character in a document.",
    messages={
        "character": {"en": "character {character} is not allowed in YAML",
                      "zh": "YAML 中不允许出现字符 {character}"},
        "character.hint": {"en": "Delete the invisible character (often pasted from a web page or a "
                                 "workbook); save as plain text.",
                           "zh": "请删除这个看不见的字符（常是从网页或表格中复制带入的），再保存为纯文本"
                                 "。"},
        "reader": {"en": "character not allowed in YAML: {character}",
                   "zh": "YAML 中不允许出现的字符：{character}"},
        "reader.hint": {"en": "Remove the control character; save as plain text.",
                        "zh": "请删除该控制字符，再保存为纯文本。"},
    },
)

L018 = Code(
    "L018", "folder-unreadable", ERROR,
    title={"en": "Folder cannot be read", "zh": "无法读取文件夹"},
    description="The operating system refused to list a folder of the progress tree (permissions, or it "
                "vanished); the files in it are not checked, so the folder is an error rather than silently "
                "skipped.",
    messages={
        "unreadable": {"en": "cannot read this folder: {reason}; the files in it are not checked",
                       "zh": "无法读取此文件夹：{reason}；其中的文件未被检查"},
        "unreadable.hint": {"en": "Check that you may read the folder (its permissions).",
                            "zh": "请检查是否有读取该文件夹的权限。"},
    },
)

L019 = Code(
    "L019", "folder-too-deep", ERROR,
    title={"en": "Folders nest too deep", "zh": "文件夹层级过深"},
    description="A progress tree is year folders of unit files; folders nested deeper than 32 levels are "
                "not walked.",
    messages={
        "too_deep": {"en": "folders nest deeper than {limit} levels here; this folder is not walked",
                     "zh": "此处文件夹嵌套超过 {limit} 层，未再向下查找"},
        "too_deep.hint": {"en": "Progress files lie in year folders: progress/2024/unit.yaml.",
                          "zh": "进展报告放在年份文件夹中，例如 progress/2024/单位.yaml。"},
    },
)


L020 = Code(
    "L020", "file-not-read", WARNING,
    title={"en": "File in the progress folder not read", "zh": "进度文件夹中有未读取的文件"},
    description="A file in the progress tree that is not a progress file (.yaml, .yml), such as a workbook, "
                "a CSV table or a document, is not read: its figures count for nothing until it is taken "
                "in. README files, hidden files and Excel's lock files (~$name.xlsx) are passed over.",
    messages={
        "workbook": {"en": "this workbook is not read: its figures do not count yet",
                     "zh": "未读取此报表，其中的数据尚未计入"},
        "workbook.hint": {"en": "Take it in with `sciplan import {name}` (it is checked and written as a "
                                "progress file), then remove the workbook from the progress folder.",
                          "zh": "请用 `sciplan import {name}` 导入（会校验并写成进度文件），"
                                "然后把报表移出进度文件夹。"},
        "old_sheet": {"en": "this spreadsheet is not read: its figures do not count yet",
                      "zh": "未读取此表格，其中的数据尚未计入"},
        "old_sheet.hint": {"en": "Save it as .xlsx (Excel, WPS or LibreOffice: Save as) and take it in with "
                                 "`sciplan import`.",
                           "zh": "请另存为 .xlsx（Excel、WPS 或 LibreOffice 均可“另存为”），再用 "
                                 "`sciplan import` 导入。"},
        "document": {"en": "this file is not read: sciplan reads progress files and filled forms only",
                     "zh": "未读取此文件：sciplan 只读取进度文件和填好的报表"},
        "document.hint": {"en": "Copy its figures into the unit's form (`sciplan template --unit NAME "
                                "--year YEAR --format xlsx`) and take that in with `sciplan import`.",
                          "zh": "请把其中的数据填入该单位的报表（`sciplan template --unit 单位 --year 年度 "
                                "--format xlsx`），再用 `sciplan import` 导入。"},
    },
)

