"""Findings: what sciplan says about a file, as data, and the catalogue of codes.

A finding is a frozen value (code, severity, file, line, column, path, message, hint). Renderers
turn findings into text, JSON or CI annotations; nothing here prints. Codes are stable and grouped
by stage; a retired code is never reused. `docs/diagnostics.md` is generated from CATALOGUE.

`say` builds a finding from a message id of `i18n.MESSAGES` and its fields: `message` and `hint`
hold the English words, and `key` and `params` keep the id and fields so that `localized(lang)`
can word the same finding in another language when it is shown. A finding stays language-neutral
until then, which is what lets the per-file cache keep findings without knowing the language.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from . import i18n
from .domain import TASK_STATUS
from .i18n import Message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Code:
    code: str
    slug: str
    severity: Severity
    stage: str
    title: dict[str, str]  # lang -> one-line title
    description: str  # English, for the reference docs


# Stages, in the order files pass through them.
STAGES = {
    "L": "Loading: reading the file and parsing YAML",
    "S": "Structure: keys, types and value ranges",
    "R": "References: plan, units, townships, indicators, tasks, milestones, periods",
    "P": "Responsibility: who may report what",
    "X": "Across files: double counting and conflicting reports",
    "W": "Plausibility warnings",
    "C": "Plan file checks (`sciplan plan check`)",
    "I": "Workbook import",
}


def _c(code: str, slug: str, severity: str, en: str, zh: str, description: str) -> Code:
    return Code(code, slug, Severity(severity), code[0], {"en": en, "zh": zh}, description)


_CODES = [
    # --- loading ---
    _c("L001", "not-utf8", "error", "File is not UTF-8", "文件不是 UTF-8 编码",
       "The file's bytes are not valid UTF-8. Files saved by Chinese Office/WPS are often GBK/GB18030; "
       "re-save as UTF-8. A UTF-8 byte-order mark is accepted."),
    _c("L002", "empty-file", "error", "File is empty", "文件为空",
       "The file has no content, or only comments and blank lines."),
    _c("L003", "file-too-large", "error", "File is larger than the limit", "文件超过大小上限",
       "The file exceeds the size limit (default 1 MiB). Progress files are a few kilobytes."),
    _c("L004", "yaml-syntax", "error", "YAML syntax error", "YAML 语法错误",
       "The YAML parser stopped at this position."),
    _c("L005", "tab-indent", "error", "Tab character used for indentation", "使用了制表符缩进",
       "YAML does not allow tabs for indentation; use spaces."),
    _c("L006", "duplicate-key", "error", "Duplicate key", "重复的键",
       "A mapping has the same key twice; YAML loaders would silently keep the last one."),
    _c("L007", "alias-or-anchor", "error", "Anchors and aliases are not allowed", "不允许使用锚点和别名",
       "`&anchor` and `*alias` are rejected: submissions never need them and alias expansion can "
       "exhaust memory. Each alias name is reported once; a file with an alias is not checked further."),
    _c("L008", "explicit-tag", "error", "Explicit tags are not allowed", "不允许使用显式标签",
       "`!tag` and `!!type` annotations are rejected."),
    _c("L009", "too-deep", "error", "Nesting is too deep", "嵌套层级过深",
       "The document nests deeper than the limit (default 32 levels)."),
    _c("L010", "not-a-mapping", "error", "Top level is not a mapping", "顶层不是键值映射",
       "A progress or plan file must be a mapping of keys such as `plan:`, `unit:`, `period:`."),
    _c("L011", "binary-content", "error", "File looks binary", "文件看起来是二进制内容",
       "The file contains NUL bytes or other control characters; it is not a text file."),
    _c("L012", "not-a-file", "error", "Path is not a regular file", "路径不是普通文件",
       "A folder, pipe, device or broken symlink stands where a progress file was expected, such as a "
       "folder named `2024.yaml` inside the progress folder."),
    _c("L013", "outside-root", "error", "Symlink leads outside the folder", "符号链接指向文件夹之外",
       "A symbolic link inside the checked folder points outside it; it is not followed."),
    _c("L014", "unreadable", "error", "File cannot be read", "无法读取文件",
       "The operating system refused to read the file (permissions, or it vanished)."),
    _c("L015", "multiple-documents", "error", "More than one YAML document", "包含多个 YAML 文档",
       "A file holds exactly one document; `---` starts a second one."),
    _c("L016", "no-files", "warning", "No progress files found", "未找到进度文件",
       "The folder holds no `.yaml`/`.yml` files."),
    _c("L017", "control-character", "error", "Control character in text", "文本中含有控制字符",
       "YAML does not allow this control character in a document."),
    # --- structure ---
    _c("S101", "unknown-key", "error", "Unknown key", "未知的键",
       "The key is not part of the format; often a typo."),
    _c("S102", "missing-key", "error", "Required key missing", "缺少必填的键", "A required key is absent."),
    _c("S103", "wrong-type", "error", "Wrong type", "类型错误",
       "The value has the wrong type (for example a list where text is expected)."),
    _c("S104", "number-as-text", "error", "Number written as text", "数字被写成了文本",
       "A value must be a plain YAML number: `1200`, not `\"1200\"`, `1,200` or `15%`."),
    _c("S105", "not-whole", "error", "Count must be a whole number", "计数必须是整数",
       "Counts of people, times, places and items are whole numbers."),
    _c("S106", "percent-range", "error", "Percentage outside 0-100", "百分比不在 0–100 之间",
       "Rates are written as percentages between 0 and 100 (15.2 for 15.2%)."),
    _c("S107", "negative", "error", "Negative value", "数值为负", "Reported figures are never negative."),
    _c("S108", "not-finite", "error", "Not a finite number", "不是有限数值",
       "`.nan`, `.inf` and `-.inf` are not figures."),
    _c("S109", "bad-status", "error", "Unknown task status", "未知的任务状态",
       f"A task or milestone status is one of {', '.join(TASK_STATUS.ids)}. YAML words such "
       "as yes/no/on/off are not statuses."),
    _c("S110", "evidence-required", "error", "Evidence required", "需要填写佐证",
       "A task marked done or blocked needs `evidence:` saying what was done or what blocks it."),
    _c("S111", "empty-value", "error", "Value not filled in", "数值未填写",
       "The value is empty or still the template's placeholder; fill in the figure or remove the entry."),
    _c("S112", "bad-date", "error", "Not a valid date", "日期无效", "Dates are written YYYY-MM-DD."),
    _c("S113", "bad-period", "error", "Period must be a year", "报告期必须是年份",
       "`period` is a calendar year such as 2024."),
    # --- references ---
    _c("R201", "plan-mismatch", "error", "Plan id does not match", "规划编号不匹配",
       "`plan:` names a different plan than the one being checked."),
    _c("R202", "plan-version-mismatch", "error", "Plan version does not match", "规划版本不匹配",
       "`plan_version:` differs from the plan's version."),
    _c("R203", "unknown-unit", "error", "Unknown unit", "未知的单位",
       "The unit is not in the plan's unit registry (by id, full name or alias)."),
    _c("R204", "unknown-township", "error", "Unknown township", "未知的乡镇",
       "`area:` is not one of the county's townships."),
    _c("R205", "unknown-indicator", "error", "Unknown indicator", "未知的指标",
       "The indicator id is not in the plan."),
    _c("R206", "unknown-task", "error", "Unknown task", "未知的任务", "The task id is not in the plan."),
    _c("R207", "unknown-milestone", "error", "Unknown milestone", "未知的进度节点",
       "The milestone id is not in the plan's schedule."),
    _c("R208", "ratio-reported", "error", "Computed indicator reported directly", "计算型指标不能直接填报",
       "A ratio indicator is computed from its inputs; report the inputs instead."),
    _c("R209", "period-outside-plan", "error", "Period outside the plan period", "报告期不在规划期内",
       "The year is not within the plan period."),
    _c("R210", "period-after-submission", "error", "Period after the submission date",
       "报告期晚于提交日期", "A year cannot be reported before it has begun."),
    _c("R211", "path-year-mismatch", "warning", "Folder year differs from period", "文件夹年份与报告期不符",
       "The file lies under a year folder that differs from its `period:`; the content is authoritative."),
    _c("R212", "input-indicator-target", "error", "Not a reportable indicator", "不是可填报的指标",
       "The indicator cannot be reported in this file."),
    # --- responsibility ---
    _c("P301", "not-reporter", "error", "Unit may not report this indicator", "该单位不负责填报此指标",
       "Flows are reported by the lead and participating units of the indicator's group; each level "
       "indicator by exactly one unit."),
    _c("P302", "task-not-in-groups", "error", "Task outside the unit's groups",
       "任务不属于该单位负责的行动或工程",
       "A unit reports only on tasks of groups it leads or joins."),
    _c("P303", "milestone-not-responsible", "error", "Unit is not responsible for this milestone",
       "该单位不负责此进度节点", "Schedule items are reported by the leading group's office (县科协)."),
    # --- across files ---
    _c("X401", "double-count", "error", "Reported twice", "重复填报",
       "The same unit, year, township and indicator appear twice; the figure would be counted twice."),
    _c("X402", "conflicting-level", "error", "Two units report one level", "两个单位填报了同一存量指标",
       "A level indicator has exactly one reporting unit per year and area; a figure from another unit "
       "is refused (P301) and this names the figure that stands."),
    _c("X403", "duplicate-task", "error", "Task reported twice", "任务重复填报",
       "The same unit reports the same task twice for one year and area."),
    # --- plausibility ---
    _c("W501", "flow-jump", "warning", "Unusual change from the previous year", "与上年相比变化异常",
       "A yearly flow is more than 5 times, or less than a fifth of, the same unit's previous year. "
       "Small counts (both years under 10, such as 1 base then none) are not judged."),
    _c("W502", "level-falls", "warning", "Level falls", "存量指标下降",
       "A level indicator is lower than the same unit's figure for the previous year."),
    _c("W503", "evidence-missing", "warning", "Evidence missing", "缺少佐证",
       "A task in progress has no evidence; say briefly what has been done."),
    # --- plan checks ---
    _c("C001", "plan-invalid", "error", "Plan file is invalid", "规划文件无效",
       "The plan file does not match the plan format."),
    _c("C002", "plan-duplicate-id", "error", "Duplicate id in the plan", "规划中存在重复编号",
       "Ids of groups, tasks, indicators, units, townships and milestones must be unique."),
    _c("C003", "plan-unknown-reference", "error", "Plan refers to something it does not define",
       "规划引用了未定义的对象", "A unit, task or indicator referenced in the plan does not exist."),
    _c("C004", "plan-bad-target", "error", "Target does not fit its kind", "目标与指标类型不符",
       "A ratio names its two inputs; an annual target has no year; other targets have one."),
    _c("C005", "plan-duplicate-name", "error", "Name or alias used twice", "名称或简称重复",
       "A unit's full name or alias is used by another unit, so it could not be resolved."),
    _c("C006", "plan-flow-baseline", "error", "Baseline on a flow indicator", "流量类指标不应设基线",
       "A cumulative or annual indicator counts from zero each period (its figures are added up from the "
       "plan's first year, or judged year by year), so a baseline has no meaning for it and would be "
       "ignored. Only levels and ratios take a baseline."),
    # --- workbook import ---
    _c("I601", "sheet-missing", "error", "Sheet missing", "缺少工作表",
       "The workbook lacks a required sheet."),
    _c("I602", "bad-cell", "error", "Cell cannot be read", "单元格内容无法识别",
       "A cell's content cannot be turned into the expected value."),
    _c("I603", "not-a-workbook", "error", "Not an .xlsx workbook", "不是 .xlsx 工作簿",
       "The file cannot be opened as an Excel workbook (.xlsx)."),
    _c("I604", "column-missing", "error", "Header row or column missing", "缺少表头或列",
       "A sheet lacks its header row or a required column (the id, value or status column); the "
       "template's column titles must keep their English word. A missing Info field is S102."),
    _c("I605", "column-ignored", "warning", "Column not in the template", "列不属于模板",
       "A column with content that the template does not have; its contents are not imported."),
    _c("I606", "row-without-id", "error", "Row without an id", "行缺少编号",
       "A row has entries but its id cell (indicator, task or milestone) is empty; rows come from the "
       "template and are not added by hand."),
]

CATALOGUE: dict[str, Code] = {c.code: c for c in _CODES}


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None
    hint: str | None = None
    severity: Severity = field(default=Severity.ERROR)
    key: str | None = None  # the message id in i18n.MESSAGES; None for a finding made from English text
    params: str = ""  # the fields, a JSON object (i18n.encode_fields): a str, which caches keep as it is

    def localized(self, lang: str) -> Finding:
        """The same finding with its message and hint worded in `lang`."""
        if self.key is None or lang == "en":
            return self
        message, hint = _word(self.key, self._fields(), lang)
        return replace(self, message=message, hint=hint)

    def message_source(self) -> Message | str:
        """What the message is made from: its id and fields, or the text of a finding without an id."""
        if self.key is None:
            return self.message
        fields = self._fields()
        fields.pop("hint", None)
        return Message(self.key, **fields)

    def hint_source(self) -> Message | str | None:
        """What the hint is made from (see the i18n module's docstring), or the text without an id."""
        if self.key is None:
            return self.hint
        return _hint_source(self.key, self._fields())

    def _fields(self) -> dict[str, object]:
        return i18n.decode_fields(json.loads(self.params)) if self.params else {}

    def sort_key(self) -> tuple:
        # A workbook finding's path starts with its sheet (`Values!F9`): one sheet's cells stay together.
        sheet = self.path.split("!", 1)[0] if self.path and "!" in self.path else ""
        return (self.file or "", sheet, self.line or 0, self.column or 0, self.code, self.message)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
        }


def make(code: str, message: str, *, hint: str | None = None, file: str | None = None,
         line: int | None = None, column: int | None = None, path: str | None = None) -> Finding:
    """Build a finding whose severity comes from the catalogue (unknown codes are a programming error)."""
    return Finding(code=code, message=message, file=file, line=line, column=column, path=path, hint=hint,
                   severity=CATALOGUE[code].severity)


_DERIVED: Any = object()  # say()'s default hint: the message id + ".hint"
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def say(code: str, key: str, /, *, hint: Message | str | None = _DERIVED, file: str | None = None,
        line: int | None = None, column: int | None = None, path: str | None = None,
        **fields: object) -> Finding:
    """Build a finding from the message `key` and its fields, worded in English.

    The hint is the message `key.hint` (when it exists) with the same fields; `hint` replaces it,
    and None means no hint. A field value may be a Message, for words that need translating.
    """
    if hint is not _DERIVED:
        fields["hint"] = hint
    encoded = i18n.encode_fields(fields)
    # Worded from the encoded fields, exactly as `localized` words them after a trip through a cache.
    message, hint_text = _word(key, i18n.decode_fields(encoded), "en")
    return Finding(code=code, message=message, file=file, line=line, column=column, path=path, hint=hint_text,
                   severity=CATALOGUE[code].severity, key=key,
                   params=_JSON.encode(encoded) if encoded else "")


def _word(key: str, fields: dict[str, object], lang: str) -> tuple[str, str | None]:
    """The message and hint of `key` with `fields`, in `lang`."""
    source = _hint_source(key, fields)
    hint = source.render(lang) if isinstance(source, Message) else source
    fields.pop("hint", None)
    return Message(key, **fields).render(lang), hint or None


def _hint_source(key: str, fields: dict[str, object]) -> Message | str | None:
    if "hint" in fields:
        return fields["hint"]  # type: ignore[return-value]
    if f"{key}.hint" in i18n.MESSAGES:
        return Message(f"{key}.hint", **{name: value for name, value in fields.items() if name != "hint"})
    return None


def format_path(path: Sequence[str | int]) -> str:
    """('values', 2, 'value') -> 'values[2].value'"""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class Report:
    """The result of checking a set of files: what was checked and what was found."""

    files: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def valid(self) -> bool:
        return self.errors == 0

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=Finding.sort_key)

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    def localized(self, lang: str) -> Report:
        """The report with every finding worded in `lang`, listed in the English report's order
        (within a place and code, the order of the English messages), so both languages agree."""
        if lang == "en":
            return self
        return _LocalizedReport(files=self.files, findings=[f.localized(lang) for f in self.sorted()])

    def as_dict(self) -> dict:
        return {
            "files": self.files,
            "errors": self.errors,
            "warnings": self.warnings,
            "findings": [f.as_dict() for f in self.sorted()],
        }


class _LocalizedReport(Report):
    """A report worded in another language: its findings are already in order."""

    def sorted(self) -> list[Finding]:
        return list(self.findings)
