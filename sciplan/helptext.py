"""The command line's own words, in Chinese and English: the help of every command and option, the
names shown for option values (metavars), and click's usage messages.

How a command gets its help (the CLI's `SciplanCommand` words these at run time, in the run's
language, so `--lang` and the locale decide, and `--help` imports nothing but this and i18n):

- a command: `@cli.command("name", help="cmd.name")`, and a message `cmd.name` here;
- an option or argument: `help="opt.<what>"` (shared) or `help="opt.<command>.<what>"`, and
  `metavar="var.<what>"` where the value needs a name (`--year 年份`); a type's own metavar
  (INTEGER, TEXT, PATH) is worded from `var.type.*`;
- a new message needs both languages (the catalogue test checks it), and a test runs every
  command's `--help` in Chinese and fails on English words.

Click's messages (`click.*`): the English is click's own message, character for character, so the
CLI can find the Chinese for what click asks (see `click_words`); its {fields} are click's, filled in
by click.
"""

from __future__ import annotations

from .i18n import MESSAGES, register

HELP: dict[str, dict[str, str]] = {
    # --- commands ------------------------------------------------------------------------------------
    "cmd.sciplan": {
        "en": "Track the targets of a county's implementation scheme.\n\nUnits submit yearly progress "
              "files; `validate` checks them against the plan, `status` and `gap` show where every target "
              "stands.",
        "zh": "跟踪实施方案各项目标的完成情况。\n\n各单位每年报送进展报告；`validate` 对照实施方案检查报告，"
              "`status` 和 `gap` 显示每项目标的进展。"},
    "cmd.plan": {"en": "Show the plan: groups, tasks, indicators with targets, units.",
                 "zh": "查看实施方案：分组、任务、指标及目标、单位。"},
    "cmd.plan.check": {"en": "Check a plan file (default: the plan in use): exit 0 when sound, 1 with "
                             "located "
                             "errors.",
                       "zh": "检查方案文件（默认检查当前使用的方案）：无误时退出码为 0，有错误时为 1 并指出位"
                             "置。"},
    "cmd.init": {"en": "Start a new plan's workspace in DIR: a commented data/plan.yaml skeleton, an empty "
                       "data/progress/, .pre-commit-config.yaml, a GitHub Actions workflow and a README.\n\n"
                       "Nothing is overwritten: when any of these exists, exit 2 and nothing is written.",
                 "zh": "在指定文件夹中建立新方案的工作文件夹：带注释的 data/plan.yaml 骨架、空的 "
                       "data/progress/、.pre-commit-config.yaml、GitHub Actions 工作流和一份说明。\n\n"
                       "不会覆盖任何已有文件：其中任何一项已存在时，退出码为 2，不写入任何内容。"},
    "cmd.plan.diff": {"en": "What changed from plan file OLD to plan file NEW: groups, tasks, indicators "
                            "(kind, comparator, target, target_year, by_year, breakdown), units and areas "
                            "added, removed or changed.\n\nExit 0 when the two are the same, 1 when they "
                            "differ, 2 when sciplan cannot run (like `diff`).",
                      "zh": "比较原方案和新方案两个文件：列出新增、删除和改动的分组、"
                            "任务、指标（类型、比较方式、目标值、目标年份、分年目标、分解目标）、单位和区域。\n\n"
                            "两者相同时退出码为 0，不同时为 1，无法运行时为 2（与 `diff` 相同）。"},
    "opt.format.diff": {"en": "text for the terminal, markdown for documents, json for programs.",
                        "zh": "text 在终端显示，markdown 用于文档，json 供程序读取。"},
    "var.old": {"en": "OLD", "zh": "原方案"},
    "var.new": {"en": "NEW", "zh": "新方案"},
    "cmd.plan.show": {"en": "Show a task, indicator or unit by id, Chinese name or alias.",
                      "zh": "按编号、中文名称或别名查看一项任务、指标或单位。"},
    "cmd.validate": {"en": "Check progress files (default: the progress folder) against the plan.\n\nExit 0 "
                           "when there are no errors (warnings allowed unless --strict), 1 when there are, 2 "
                           "when sciplan cannot run (for example an unusable plan).",
                     "zh": "对照实施方案检查进展报告（默认检查进展报告文件夹）。\n\n没有错误时退出码为 0"
                           "（有警告也为 0，加 --strict 时除外），有错误时为 1，无法运行时为 2"
                           "（例如方案文件无法使用）。"},
    "cmd.schema": {"en": "Print the JSON Schema of the progress file format, or with --plan of the plan file "
                         "format (for editors' YAML support).\n\n"
                         "--lang only changes sciplan's own messages: the schema's descriptions are the same "
                         "in every language.",
                   "zh": "输出进展报告格式的 JSON Schema；加 --plan 时输出方案文件格式的 Schema"
                         "（供编辑器检查 YAML）。\n\n--lang 只改变 sciplan "
                         "自身的提示；Schema 中的说明不分语言。"},
    "cmd.diagnostics": {"en": "Print the reference of every finding code as Markdown (docs/diagnostics.md is "
                              "this output).\n\n--lang only changes sciplan's own messages: the reference is "
                              "kept in one language, as committed.",
                        "zh": "以 Markdown 输出全部问题代码的说明（docs/diagnostics.md 即由此生成）。\n\n"
                              "--lang 只改变 sciplan 自身的提示；说明文档只有一种语言。"},
    "cmd.gap": {"en": "Every target: expected by the end of YEAR, actual, gap, ratio, status, forecast; "
                      "worst "
                      "first.",
                "zh": "每项目标截至指定年份年底的应达值、实际值、差距、进度比、状态和预测；最需关注的在前。"},
    "cmd.status": {"en": "The one-screen picture: the overall goal, every target, task status, milestones, "
                         "missing reports.",
                   "zh": "一屏总览：总体目标、各项指标、任务进展、进度安排、未报送的单位。"},
    "cmd.units": {"en": "Every unit: the groups it leads and joins, the indicators it reports, and (with "
                        "--year) whether its report arrived.",
                  "zh": "全部单位：牵头和参加的分组、报送的指标，以及（加 --year 时）当年报告是否已收到。"},
    "cmd.unit": {"en": "One unit's obligations in full (NAME: id, full name or alias): its groups and tasks, "
                       "the indicators it reports with targets and its own figures, tasks not reported on, "
                       "missing years.",
                 "zh": "一个单位的全部职责（单位可用编号、全称或别名）：所在分组和任务、报送的指标及目标和"
                       "本单位数值、尚未报送的任务、缺报年份。"},
    "cmd.missing": {"en": "Who still owes what for a year (default: the latest year with data): per unit, "
                          "the figures, task statuses and milestones it owes and has not sent, with the "
                          "contact from its last report; ready to paste into a reminder notice.",
                    "zh": "某年度（默认：有数据的最近一年）哪些单位尚未报齐：逐个单位列出应报而未报的数值、"
                          "任务进展和进度安排，并附最近一次报告中的联系人，可直接用于催报通知。"},
    "cmd.template": {"en": "A ready-to-fill progress file for one unit and year, or (--all) one per "
                           "unit that owes a report.\n\nWhat the unit owes comes first; what it may "
                           "report follows in a part marked optional, which may be left empty. YAML goes "
                           "to standard output unless -o is given; xlsx is written to -o, by default "
                           "./<unit>-<year>[-<area>].xlsx; with --all, -o is the folder. Empty "
                           "required values and statuses fail validation until filled in. The template "
                           "itself is bilingual; --lang changes sciplan's messages.",
                     "zh": "为一个单位生成某年度的进展报告模板；加 --all 时为每个应报单位各生成一份。"
                           "\n\n应报内容在前；可报内容在后，单列为“选报”部分，可以不填。yaml 格式输出"
                           "到屏幕，加 -o 时写入文件；xlsx 格式写入 -o 指定的文件，默认为 "
                           "./<单位编号>-<年份>[-<区域编号>].xlsx；加 --all 时 -o 为文件夹。应报的数值和"
                           "状态未填写前检查不能通过。模板本身中英对照；--lang 只改变 sciplan 的提示。"},
    "cmd.import": {"en": "Take filled workbooks (.xlsx files, or folders of them) into the progress "
                         "folder, checked.\n\nUnit, year and area come from each workbook's Info "
                         "sheet; each goes to <progress>/<year>/<unit>[-<area>].yaml. One line per "
                         "workbook: written, replaced, unchanged or refused, with the refused ones' "
                         "problems at their sheet and cell (Values!F7). A workbook with errors writes "
                         "nothing; an existing file is replaced only with --force; two workbooks for one "
                         "unit, year and area are both refused. With -o, one workbook goes to that "
                         "file. Exit 0 all taken in, 1 any refused, 2 sciplan could not run.",
                   "zh": "把填好的工作簿（.xlsx 文件，或存放工作簿的文件夹）检查后收入进展报告文件夹。"
                         "\n\n单位、年度和区域取自每份工作簿的 Info 表，写入 <进展报告文件夹>/<年份>/"
                         "<单位编号>[-<区域编号>].yaml。每份工作簿一行：已写入、已替换、无变化或拒收；"
                         "拒收的列出问题所在的工作表和单元格（如 Values!F7）。有错误的工作簿不写入；已有"
                         "文件只在加 --force 时替换；同一单位、年度和区域的两份工作簿都拒收。加 -o 时，"
                         "把一份工作簿写入该文件。退出码：0 全部收入，1 有拒收，2 无法运行。"},
    "cmd.export": {"en": "All reported values up to YEAR and the gap table, for spreadsheets.\n\ncsv is for "
                         "programs: one row per unit, area, indicator and year, with ids and full "
                         "precision, the same in every language; it goes to standard output unless -o is "
                         "given. xlsx is for people: sheets of values and gaps with headers, statuses and "
                         "names in the language of the run and figures rounded for display; it is written "
                         "to -o, by default ./sciplan-<year>.xlsx.",
                   "zh": "导出截至指定年份的全部报送数值和差距表，供电子表格使用。\n\ncsv 供程序读取：每个"
                         "单位、区域、指标、年份一行，保留编号和完整精度，不分语言；输出到屏幕，加 -o 时写入"
                         "文件。xlsx 供人阅读：数值表和差距表的表头、状态和名称使用本次运行的语言，数字按指标"
                         "精度显示；写入 -o 指定的文件，默认为 ./sciplan-<年份>.xlsx。"},
    "cmd.report": {"en": "The yearly report for county leaders: the overall goal, every target with a chart, "
                         "task status, reports received and the method. HTML opens offline (nothing is "
                         "fetched) and prints on A4. Dated today, or SOURCE_DATE_EPOCH when set. For the "
                         "plan's last year, the final evaluation: every target achieved or not, the tasks "
                         "with their evidence, each unit's record over the period.",
                   "zh": "供县领导阅读的年度报告：总体目标、每项目标及进展图、任务进展、报送情况和评估方法。"
                         "html 格式无需联网即可打开，可用 A4 纸打印。报告日期为当天，设置了 "
                         "SOURCE_DATE_EPOCH 时取其日期。规划期最后一年为总结评估：逐项目标认定是否实现，"
                         "列出各项任务及工作成效，以及各单位规划期内的报送情况。"},
    # --- options shared by several commands ---------------------------------------------------------
    "opt.plan": {"en": "Plan file (default ./data/plan.yaml, else the plan shipped with sciplan). Env: "
                       "SCIPLAN_PLAN.",
                 "zh": "方案文件（默认 ./data/plan.yaml，没有时使用 sciplan 自带的方案）。环境变量："
                       "SCIPLAN_PLAN。"},
    "opt.progress": {"en": "Folder of progress files (default ./data/progress; with the plan shipped with "
                           "sciplan and no such folder, its invented sample, announced as such). Env: "
                           "SCIPLAN_PROGRESS.",
                     "zh": "进展报告文件夹（默认 ./data/progress；使用自带方案且没有该文件夹时，读取自带的"
                           "虚构示例数据，并会注明）。环境变量：SCIPLAN_PROGRESS。"},
    "opt.output": {"en": "Write to this file instead of standard output (atomically).",
                   "zh": "写入此文件，而不输出到屏幕（写入过程不会留下半个文件）。"},
    "opt.force": {"en": "Overwrite the output file if it exists.", "zh": "输出文件已存在时覆盖。"},
    "opt.lang": {"en": "Language of the output (default: Chinese when LC_ALL, LC_MESSAGES or LANG starts "
                       "with "
                       "zh, else English).",
                 "zh": "输出语言（默认：LC_ALL、LC_MESSAGES 或 LANG 以 zh 开头时为中文，否则为英文）。"},
    "opt.jobs": {"en": "Check files in N processes (default: one per core, at most the CPUs available; 1: "
                       "this process only).",
                 "zh": "检查文件所用的进程数（默认每个 CPU 核一个，不超过可用 CPU 数；1 表示只用本进程）。"},
    "opt.cache": {"en": "Reuse the results of unchanged files from earlier runs (kept under SCIPLAN_CACHE_DIR"
                        ", "
                        "else the user's cache folder).",
                  "zh": "未改动的文件沿用上次的检查结果（保存在 SCIPLAN_CACHE_DIR，未设置时为用户缓存文件夹）"
                        "。"},
    "cmd.cache": {"en": "The cache of checked files and plans: where it is, how big, and clearing it.\n\n"
                        "It lives in SCIPLAN_CACHE_DIR, else the user's cache folder; it only saves time, "
                        "so clearing it is always safe.",
                  "zh": "已检查文件和方案的缓存：所在位置、大小，以及清空缓存。\n\n缓存位于 "
                        "SCIPLAN_CACHE_DIR，未设置时位于用户的缓存文件夹；缓存只为节省时间，随时清空都安全。"},
    "cmd.cache.info": {"en": "Where the cache is, how big it is and how many entries it holds.",
                       "zh": "缓存的位置、大小和条目数。"},
    "cmd.cache.clear": {"en": "Remove every kept result; the next run checks every file again.",
                        "zh": "清除全部缓存结果；下次运行时重新检查每个文件。"},
    "opt.format.plain": {"en": "text for people, json for scripts.",
                         "zh": "text 供人阅读，json 供程序使用。"},
    "opt.format.findings": {"en": "text for people, json for scripts, github for Actions annotations.",
                            "zh": "text 供人阅读，json 供脚本使用，github 用于 GitHub Actions 标注。"},
    "opt.format.table": {"en": "text for the terminal, markdown for documents, csv and json for programs.",
                         "zh": "text 在终端显示，markdown 用于文档，csv 和 json 供程序读取。"},
    "opt.help": {"en": "Show this message and exit.", "zh": "显示本帮助并退出。"},
    "opt.version": {"en": "Show the version and exit.", "zh": "显示版本号并退出。"},
    "opt.year.report": {"en": "Report year: data for the plan start to this year.",
                        "zh": "报告年份：统计从方案起始年到该年的数据。"},
    "opt.year.gap": {"en": "Report year: data for the plan start to this year (default: the latest year with "
                           "data).",
                     "zh": "报告年份：统计从方案起始年到该年的数据（默认：有数据的最近一年）。"},
    # --- options of one command ----------------------------------------------------------------------
    "opt.validate.strict": {"en": "Treat warnings as errors (exit 1).", "zh": "警告也按错误处理（退出码为 1）"
                                                                              "。"},
    "opt.validate.max_bytes": {"en": "Largest file accepted.", "zh": "可接受的最大文件字节数。"},
    "opt.gap.by": {"en": "Group rows under the tasks' groups, their lead units (with each unit's share of "
                         "split targets) or the areas (the whole, then each area's share) (ids or the words "
                         "shown: by indicator, by group, by unit, by area).",
                   "zh": "按指标、按分组、按牵头单位（另列各单位的分解目标）或按区域（先列全域，"
                         "再列各区域的分解目标）分组显示（可填 indicator、group、unit、area，"
                         "或填 按指标、按分组、按单位、按区域）。"},
    "opt.gap.status": {"en": "Only these statuses, comma-separated: ids or the words shown, e.g. "
                             "limited_progress,deterioration or \"limited progress\".",
                       "zh": "只显示这些状态，用逗号分隔：可填状态编号或屏幕上显示的名称，如 进展有限,出现倒"
                             "退。"},
    "opt.status.year": {"en": "Report year (default: the latest year with data).",
                        "zh": "报告年份（默认：有数据的最近一年）。"},
    "opt.units.year": {"en": "Also show whether each unit's report for this year arrived.",
                       "zh": "同时显示各单位该年度的报告是否已收到。"},
    "opt.unit.year": {"en": "Count reports up to this year (default: the latest year with data).",
                      "zh": "统计到该年的报告（默认：有数据的最近一年）。"},
    "opt.missing.year": {"en": "The year of the round (default: the latest year with data).",
                         "zh": "报送年度（默认：有数据的最近一年）。"},
    "opt.template.unit": {"en": "The reporting unit: id, full name or alias (or --all).",
                          "zh": "报送单位：编号、全称或别名（或改用 --all）。"},
    "opt.template.all": {"en": "One form per unit that owes a report for the year, written into the "
                               "folder -o, named <year>-<unit's name>.xlsx (or .yaml); the list is "
                               "printed.",
                         "zh": "为当年每个应报单位各生成一份报表，写入 -o 指定的文件夹，文件名为 "
                               "<年份>-<单位名称>.xlsx（或 .yaml），并列出清单。"},
    "opt.template.output": {"en": "Write to this file (with --all: into this folder) instead of standard "
                                  "output.",
                            "zh": "写入此文件（加 --all 时写入此文件夹），而不输出到屏幕。"},
    "opt.template.year": {"en": "The year the report is for.", "zh": "报告所属年份。"},
    "opt.template.area": {"en": "An area, when the figures are for it alone (default: the whole).",
                          "zh": "数据只针对某个区域时填该区域（默认：整体合计）。"},
    "opt.template.format": {"en": "yaml: a text file; xlsx: a workbook to fill in (default: yaml; xlsx "
                                  "with --all).",
                            "zh": "yaml 为文本文件；xlsx 为可填写的工作簿（默认 yaml；加 --all 时默认 "
                                  "xlsx）。"},
    "opt.schema.plan": {"en": "The JSON Schema of the plan file format instead (for plan authors' editors).",
                        "zh": "改为输出方案文件格式的 JSON Schema（供编写方案时在编辑器中使用）。"},
    "opt.template.schema": {"en": "Path or URL of the JSON Schema named in the YAML's `$schema` line (make "
                                  "the "
                                  "file with `sciplan schema -o progress.schema.json`).",
                            "zh": "YAML 文件 `$schema` 行中写入的 JSON Schema 路径或网址（可用 "
                                  "`sciplan schema -o progress.schema.json` 生成该文件）。"},
    "opt.import.output": {"en": "One workbook only: the progress file to write (- for standard output).",
                          "zh": "仅用于一份工作簿：要写入的进展报告文件（填 - 时输出到屏幕）。"},
    "opt.import.force": {"en": "Replace an existing progress file; with -o, also write it when the "
                               "workbook has errors.",
                         "zh": "替换已有的进展报告文件；加 -o 时，工作簿有错误也照样写入。"},
    "opt.import.format": {"en": "How findings are shown (as for `validate`).",
                          "zh": "问题的显示格式（与 `validate` 相同）。"},
    "opt.export.year": {"en": "Values from the plan start up to this year.",
                        "zh": "导出从方案起始年到该年的数值。"},
    "opt.export.format": {"en": "csv: the values table (or the gap table with --gap), ids and full "
                                "precision; "
                                "xlsx: sheets of values and gaps for people.",
                          "zh": "csv：数值表（加 --gap 时为差距表），保留编号和完整精度；xlsx：供人阅读的数值"
                                "表"
                                "和差距表。"},
    "opt.export.gap": {"en": "csv: write the gap table instead of the values.",
                       "zh": "csv 格式时导出差距表，而不是数值表。"},
    "opt.report.format": {"en": "html: one self-contained page with charts; markdown: the same as tables and "
                                "text.",
                          "zh": "html：含进展图的单个网页文件；markdown：同样内容的表格和文字。"},
    # --- names of option values and arguments ----------------------------------------------------------
    "var.type.integer": {"en": "INTEGER", "zh": "整数"},
    "var.type.text": {"en": "TEXT", "zh": "文字"},
    "var.type.path": {"en": "PATH", "zh": "路径"},
    "var.type.file": {"en": "FILE", "zh": "文件"},
    "var.year": {"en": "YEAR", "zh": "年份"},
    "var.by": {"en": "GROUPING", "zh": "分组方式"},
    "var.n": {"en": "N", "zh": "进程数"},
    "var.list": {"en": "LIST", "zh": "状态列表"},
    "var.unit": {"en": "UNIT", "zh": "单位"},
    "var.area": {"en": "AREA", "zh": "区域"},
    "var.bytes": {"en": "BYTES", "zh": "字节数"},
    "var.path": {"en": "PATH", "zh": "路径"},
    "var.file": {"en": "FILE", "zh": "文件"},
    "var.folder": {"en": "DIR", "zh": "文件夹"},
    "var.key": {"en": "KEY", "zh": "编号或名称"},
    "var.name": {"en": "NAME", "zh": "单位"},
    "var.paths": {"en": "PATHS", "zh": "文件或文件夹"},
    "var.workbook": {"en": "WORKBOOK", "zh": "工作簿"},
    "var.workbooks": {"en": "WORKBOOKS", "zh": "工作簿"},
    "var.options": {"en": "[OPTIONS]", "zh": "[选项]"},
    "var.command": {"en": "COMMAND [ARGS]...", "zh": "命令 [参数]..."},
}

# Click's own messages: the English is click's text exactly; the Chinese says the same.
CLICK: dict[str, dict[str, str]] = {
    "click.usage": {"en": "Usage:", "zh": "用法："},
    "click.options": {"en": "Options", "zh": "选项"},
    "click.commands": {"en": "Commands", "zh": "命令"},
    "click.positional": {"en": "Positional arguments", "zh": "位置参数"},
    "click.try_help": {"en": "Try '{command} {option}' for help.", "zh": "运行 '{command} {option}' 查看帮助"
                                                                         "。"},
    "click.error": {"en": "Error: {message}", "zh": "错误：{message}"},
    "click.aborted": {"en": "Aborted!", "zh": "已中止。"},
    "click.default": {"en": "default: {default}", "zh": "默认：{default}"},
    "click.env_var": {"en": "env var: {var}", "zh": "环境变量：{var}"},
    "click.required": {"en": "required", "zh": "必填"},
    "click.invalid_value_for": {"en": "Invalid value for {param_hint}: {message}",
                                "zh": "{param_hint} 的值无效：{message}"},
    "click.invalid_value": {"en": "Invalid value: {message}", "zh": "值无效：{message}"},
    "click.missing_argument": {"en": "Missing argument", "zh": "缺少参数"},
    "click.missing_option": {"en": "Missing option", "zh": "缺少选项"},
    "click.missing_parameter": {"en": "Missing parameter", "zh": "缺少参数"},
    "click.missing_command": {"en": "Missing command.", "zh": "缺少命令。"},
    "click.no_such_option": {"en": "No such option {name!r}.", "zh": "没有选项 {name!r}。"},
    "click.no_such_command": {"en": "No such command {name!r}.", "zh": "没有命令 {name!r}。"},
    "click.did_you_mean": {"en": "Did you mean {possibility}?", "zh": "是否要用 {possibility}？"},
    "click.did_you_mean_one_of": {"en": "(Did you mean one of: {possibilities}?)",
                                  "zh": "（是否要用其中之一：{possibilities}？）"},
    "click.requires_argument": {"en": "Option {name!r} requires an argument.", "zh": "选项 {name!r} 需要一个"
                                                                                     "值。"},
    "click.takes_no_value": {"en": "Option {name!r} does not take a value.", "zh": "选项 {name!r} 不带值。"},
    "click.extra_argument": {"en": "Got unexpected extra argument ({args})", "zh": "多余的参数（{args}）"},
    "click.extra_arguments": {"en": "Got unexpected extra arguments ({args})", "zh": "多余的参数（{args}）"},
    # click fills {number_type} with its type's English name; `:.0` shows none of it in Chinese.
    "click.not_valid_number": {"en": "{value!r} is not a valid {number_type}.",
                               "zh": "{value!r} 不是有效的数字{number_type:.0}。"},
    "click.integer": {"en": "integer", "zh": "整数"},
    "click.float": {"en": "float", "zh": "数字"},
    "click.not_one_of": {"en": "{value!r} is not one of {choices}.", "zh": "{value!r} 不在可选值 {choices} 之"
                                                                           "中。"},
    "click.not_choice": {"en": "{value!r} is not {choice}.", "zh": "{value!r} 不是 {choice}。"},
    "click.not_in_range": {"en": "{value} is not in the range {range}.", "zh": "{value} 不在范围 {range} 内。"
                                                                               ""},
    "click.file_missing": {"en": "{name} {filename!r} does not exist.", "zh": "{name} {filename!r} 不存在。"},
    "click.file_is_folder": {"en": "{name} {filename!r} is a directory.", "zh": "{name} {filename!r} 是文件夹"
                                                                                "。"},
    "click.file_is_file": {"en": "{name} {filename!r} is a file.", "zh": "{name} {filename!r} 是文件。"},
    "click.path": {"en": "path", "zh": "路径"},
    "click.file": {"en": "file", "zh": "文件"},
    "click.directory": {"en": "directory", "zh": "文件夹"},
}

register(HELP)
register(CLICK)

# Types whose metavar click writes from the type's name (INT → INTEGER …): the message to word it.
TYPE_METAVARS = {"INTEGER": "var.type.integer", "TEXT": "var.type.text", "PATH": "var.type.path",
                 "FILE": "var.type.file", "INTEGER RANGE": "var.type.integer"}

_CLICK_BY_ENGLISH = {MESSAGES[key]["en"]: key for key in CLICK}


def click_words(message: str, lang: str) -> str:
    """Click's `message` (its English template) in `lang`; a message not written here stays as it is."""
    key = _CLICK_BY_ENGLISH.get(message)
    return MESSAGES[key][lang] if key else message
