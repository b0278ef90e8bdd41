"""The core of findings: the finding type, the code type, the report, and how a finding is worded.

A finding is a frozen value (code, severity, file, line, column, path, message, hint). Renderers
turn findings into text, JSON or CI annotations; nothing here prints. A `Code` is one finding code's
whole definition (the stage modules of this package hold them); defining one adds it to CATALOGUE.

`say` builds a finding from a message id of `i18n.MESSAGES` and its fields: `message` and `hint`
hold the English words, and `key` and `params` keep the id and fields so that `localized(lang)`
can word the same finding in another language when it is shown. A finding stays language-neutral
until then, which is what lets the per-file cache keep findings without knowing the language.
Rules call `Code.say(variant, ...)` or `Code.message(variant, ...)`, which check the variant and
its fields against the code's definition.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from .. import i18n
from ..i18n import Message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


_DERIVED: Any = object()  # say()'s default hint: the message id + ".hint"
ERROR = Severity.ERROR
WARNING = Severity.WARNING

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

# code -> its definition, in the order the stage modules define them (the package imports them in
# the order of STAGES). Filled by Code itself, so a code cannot be defined twice.
CATALOGUE: dict[str, Code] = {}


@dataclass(frozen=True, eq=False)
class Code:
    """One finding code: everything about it in one place.

    `messages` maps a variant to its templates ({lang: template}); the variant `v` is the message id
    `finding.CODE.v`, and `v.hint` its hint. A retired code stays listed (and documented) so that it
    is never reused, but nothing raises it and it has no messages.
    """

    code: str
    slug: str
    severity: Severity
    title: dict[str, str]  # lang -> one-line title
    description: str  # English, for the reference docs
    messages: dict[str, dict[str, str]] = field(default_factory=dict)
    retired: str | None = None  # why the code is no longer raised (English, for the docs)

    def __post_init__(self) -> None:
        if self.code[:1] not in STAGES or len(self.code) != 4 or not self.code[1:].isdigit():
            raise ValueError(f"{self.code!r} is not a finding code (a stage letter and three digits)")
        if self.code in CATALOGUE:
            raise ValueError(f"finding code {self.code} is defined twice")
        if self.retired is not None and self.messages:
            raise ValueError(f"{self.code} is retired but has messages")
        CATALOGUE[self.code] = self

    @property
    def stage(self) -> str:
        return self.code[0]

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        return f"<Code {self.code} {self.slug}>"

    def key(self, variant: str) -> str:
        """The message id of `variant`; a variant the code does not have is a programming error."""
        if variant not in self.messages:
            known = ", ".join(self.messages)
            raise KeyError(f"{self.code} has no message {variant!r} (it has: {known or 'none'})")
        return f"finding.{self.code}.{variant}"

    def message(self, variant: str, /, **fields: object) -> Message:
        """The message `variant` with its fields, checked against its templates."""
        key = self.key(variant)
        self._check_fields(variant, fields)
        return Message(key, **fields)

    def say(self, variant: str, /, *, hint: Message | str | None = _DERIVED, file: str | None = None,
            line: int | None = None, column: int | None = None, path: str | None = None,
            **fields: object) -> Finding:
        """A finding of this code worded by its message `variant` (see `say`)."""
        key = self.key(variant)
        self._check_fields(variant, fields)
        return say(self, key, hint=hint, file=file, line=line, column=column, path=path, **fields)

    def message_ids(self) -> dict[str, dict[str, str]]:
        """Every message of the code by its full id, for the i18n catalogue."""
        return {f"finding.{self.code}.{variant}": templates for variant, templates in self.messages.items()}

    def _check_fields(self, variant: str, fields: dict[str, object]) -> None:
        needed = i18n.fields_of(self.messages[variant]["en"])
        allowed = needed | i18n.fields_of(self.messages.get(f"{variant}.hint", {}).get("en", ""))
        if not needed <= set(fields) <= allowed:
            raise TypeError(f"{self.code} {variant} takes the fields {sorted(allowed)} "
                            f"(needs {sorted(needed)}), given {sorted(fields)}")


def code_of(code: Code | str) -> Code:
    """The definition of `code`; a code that is not catalogued is a programming error (KeyError)."""
    return code if isinstance(code, Code) else CATALOGUE[code]


# Called with every finding made, wherever it is made (tests use this to see which codes were raised).
OBSERVERS: list[Callable[[Finding], None]] = []


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

    def __post_init__(self) -> None:
        for observer in OBSERVERS:
            observer(self)

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


def make(code: Code | str, message: str, *, hint: str | None = None, file: str | None = None,
         line: int | None = None, column: int | None = None, path: str | None = None) -> Finding:
    """Build a finding whose severity comes from the catalogue (unknown codes are a programming error)."""
    definition = code_of(code)
    return Finding(code=definition.code, message=message, file=file, line=line, column=column, path=path,
                   hint=hint, severity=definition.severity)


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def say(code: Code | str, key: str, /, *, hint: Message | str | None = _DERIVED, file: str | None = None,
        line: int | None = None, column: int | None = None, path: str | None = None,
        **fields: object) -> Finding:
    """Build a finding from the message `key` and its fields, worded in English.

    The hint is the message `key.hint` (when it exists) with the same fields; `hint` replaces it,
    and None means no hint. A field value may be a Message, for words that need translating.
    `key` is one of the code's own messages or a shared one (`finding.in_cell`), never another code's.
    """
    definition = code_of(code)
    owner = key.split(".")[1] if key.count(".") >= 2 else ""
    if owner in CATALOGUE and owner != definition.code:
        raise ValueError(f"a {definition.code} finding cannot be worded by {key}, a message of {owner}")
    if hint is not _DERIVED:
        fields["hint"] = hint
    encoded = i18n.encode_fields(fields)
    # Worded from the encoded fields, exactly as `localized` words them after a trip through a cache.
    message, hint_text = _word(key, i18n.decode_fields(encoded), "en")
    return Finding(code=definition.code, message=message, file=file, line=line, column=column, path=path,
                   hint=hint_text, severity=definition.severity, key=key,
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


class UsageError(Exception):
    """sciplan cannot run: the message says why, `findings` (if any) say where.

    `str()` gives the English message; `text(lang)` words it in `lang` when it is a catalogue Message.
    Defined here, at the bottom, so that every stage that can find sciplan unable to run (finding the
    files, loading the plan, the worker processes) raises the same exception.
    """

    def __init__(self, message: str | Message, findings: Sequence[Finding] = ()):
        super().__init__(message.render("en") if isinstance(message, Message) else message)
        self.message = message
        self.findings = list(findings)

    def text(self, lang: str) -> str:
        return self.message.render(lang) if isinstance(self.message, Message) else self.message


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
