"""What every section checker of a progress file shares: the file's result and a small context.

`Context` holds the plan, the parsed document and the result being built, and the few things each
section does alike: `emit` (a finding located at a key path), `keys` (unknown and missing keys),
`text`, `date` and `entries` (reading a value of the expected type, or saying why it is not one).
The helpers below word what a value is (`type_name`), suggest a close word (`did_you_mean`) and
read a number a clerk wrote as text (`number_from_text`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import progress as pf
from ..domain import closest
from ..findings import R203, R204, R205, R206, R207, S101, S102, S103, S112, Code, Finding, format_path, say
from ..i18n import Message
from ..loading import Document
from ..plan import Plan


@dataclass
class FileResult:
    """What checking one progress file gave: its findings, and the records of the entries that passed."""

    findings: list[Finding] = field(default_factory=list)
    submission: pf.Submission | None = None
    values: list[pf.ValueRecord] = field(default_factory=list)
    tasks: list[pf.TaskRecord] = field(default_factory=list)
    milestones: list[pf.MilestoneRecord] = field(default_factory=list)
    # Level figures refused because the unit may not report them (P301), kept only so the set check
    # can name the figure that stands (X402); never counted.
    claims: list[pf.ValueRecord] = field(default_factory=list)


# The codes of an id the plan lacks; each has a "removed" variant for a file of an earlier plan version.
UNKNOWN_ID_CODES = (R203, R204, R205, R206, R207)

_NUMBERISH = re.compile(r"^[+-]?[0-9][0-9,，_ ]*(\.[0-9]+)?([eE][+-]?[0-9]+)?\s*[%％]?$")


def did_you_mean(word: Any, choices: Iterable[str], fallback: Message) -> Message:
    suggestion = closest(word, choices) if isinstance(word, str) else []
    return Message("finding.did_you_mean", word=suggestion[0]) if suggestion else fallback


def type_name(value: Any) -> Message | str:
    """What a value is, in words to be translated (Python's name for anything unexpected)."""
    if value is None:
        return Message("finding.type.empty")
    if isinstance(value, bool):
        return Message("finding.type.bool")
    if isinstance(value, (int, float)):
        return Message("finding.type.number")
    if isinstance(value, str):
        return Message("finding.type.text")
    if isinstance(value, list):
        return Message("finding.type.list")
    if isinstance(value, dict):
        return Message("finding.type.mapping")
    if isinstance(value, dt.date):
        return Message("finding.type.date")
    return type(value).__name__


def number_from_text(text: str) -> float | None:
    """'1,200' / '１２００' / '15%' / ' 1200 ' -> the number a clerk meant, or None."""
    normal = unicodedata.normalize("NFKC", text).strip()
    if not _NUMBERISH.match(normal):
        return None
    cleaned = normal.rstrip("%").replace(",", "").replace("_", "").replace(" ", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        return None


def plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(number)


OWN_HINT: Any = object()  # a finding's hint is the one its message id has


class Context:
    """One progress file being checked: the plan, the document, and the result its sections fill."""

    def __init__(self, plan: Plan, doc: Document):
        self.plan = plan
        self.doc = doc
        self.result = FileResult()
        # The plan version the file was made for, when it is an earlier one (R213): what it names that
        # is gone is then worded as removed in a revision rather than as unknown.
        self.earlier_version: int | None = None

    def emit(self, code: Code, path: tuple, message: Message, hint: Message | None | Any = OWN_HINT, *,
             key: bool = False) -> None:
        """A finding at `path`; its hint is `hint` (None: no hint), by default the message's own `.hint`."""
        line, column = self.doc.locate_key(path) if key else self.doc.locate(path)
        where = {"file": self.doc.file, "line": line, "column": column, "path": format_path(path) or None}
        if hint is not OWN_HINT:
            where["hint"] = hint
        self.result.findings.append(say(code, message.id, **where, **message.fields))  # type: ignore[arg-type]

    def unknown(self, code: Code, path: tuple, variant: str, hint: Message, **fields: Any) -> None:
        """An id the plan lacks: unknown (with `hint`), or removed since the file's earlier plan version."""
        assert code in UNKNOWN_ID_CODES, code
        if self.earlier_version is None:
            self.emit(code, path, code.message(variant, **fields), hint)
        else:
            self.emit(code, path, code.message("removed", version=self.earlier_version,
                                               expected=self.plan.version, **fields))

    def place(self, path: tuple) -> pf.Place:
        """Where the entry at `path` stands, as its record keeps it."""
        return pf.Place(self.doc.file, self.doc.locate(path)[0])

    def keys(self, mapping: dict, path: tuple, allowed: Sequence[str], required: Sequence[str]) -> bool:
        ok = True
        for key in mapping:
            if key not in allowed:
                ok = False
                allowed_keys = S101.message("allowed_keys", keys=", ".join(allowed))
                self.emit(S101, (*path, key), S101.message("unknown_key", key=str(key)),
                          did_you_mean(key, allowed, allowed_keys), key=True)
        for key in required:
            if key not in mapping:
                ok = False
                in_entry = len(path) == 2
                where = S102.message("in_entry", number=path[1] + 1, list=path[0]) if in_entry else ""
                self.emit(S102, path, S102.message("missing", key=key, where=where))
        return ok

    def text(self, mapping: dict, path: tuple, key: str, *, optional: bool = False) -> str | None:
        value = mapping.get(key)
        if value is None and optional:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return plain(value)  # an id or name that happens to look like a number: let references judge
        if not isinstance(value, str) or not value.strip():
            self.emit(S103, (*path, key), S103.message("not_text", key=key, got=type_name(value)))
            return None
        return value.strip()

    def date(self, mapping: dict, path: tuple, key: str) -> dt.date | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                dt.date.fromisoformat(value.strip())
            except ValueError:
                self.emit(S112, (*path, key), S112.message("no_such_day", key=key,
                                                           value=value.strip()))
                return None
            else:
                self.emit(S112, (*path, key), S112.message("quoted", key=key, value=repr(value),
                                                           date=value.strip()))
                return None
        self.emit(S112, (*path, key), S112.message("invalid", key=key, value=repr(value)))
        return None

    def entries(self, data: dict, key: str) -> list[tuple[int, dict]]:
        items = data.get(key)
        if items is None:
            return []
        if not isinstance(items, list):
            self.emit(S103, (key,), S103.message("not_list", key=key, got=type_name(items)))
            return []
        out = []
        for n, item in enumerate(items):
            if not isinstance(item, dict):
                self.emit(S103, (key, n), S103.message("entry_not_mapping", number=n + 1, key=key,
                                                       got=type_name(item)))
                continue
            out.append((n, item))
        return out

