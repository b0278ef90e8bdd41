"""Rules -> findings: the plan file, each progress file, and the set of files as a whole.

`validate_paths` is the one entry point for progress files. Each file becomes findings and, for the
entries that passed every check, records; one broken file never stops the others. Problems that
mean sciplan cannot run at all (an unusable plan, a path that does not exist) raise `UsageError`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import progress as pf
from .domain import TASK_STATUS
from .findings import (
    C001,
    L006,
    L007,
    L008,
    L012,
    L013,
    L016,
    L018,
    L019,
    P301,
    P302,
    P303,
    R201,
    R202,
    R203,
    R204,
    R205,
    R206,
    R207,
    R208,
    R209,
    R210,
    R211,
    S101,
    S102,
    S103,
    S104,
    S105,
    S106,
    S107,
    S108,
    S109,
    S110,
    S111,
    S112,
    S113,
    W501,
    W502,
    W503,
    X401,
    X402,
    X403,
    Code,
    Finding,
    Report,
    format_path,
    say,
)
from .i18n import MESSAGES, Message
from .loading import (
    DEFAULT_MAX_BYTES,
    Document,
    Loaded,
    decode,
    load_file,
    load_text,
    os_reason,
    read_regular,
)
from .plan import Kind, Plan, ValueType, integrity_problems
from .resources import shown_path


class UsageError(Exception):
    """sciplan cannot run: the message says why, `findings` (if any) say where.

    `str()` gives the English message; `text(lang)` words it in `lang` when it is a catalogue Message.
    """

    def __init__(self, message: str | Message, findings: Sequence[Finding] = ()):
        super().__init__(message.render("en") if isinstance(message, Message) else message)
        self.message = message
        self.findings = list(findings)

    def text(self, lang: str) -> str:
        return self.message.render(lang) if isinstance(self.message, Message) else self.message


# --- the plan -------------------------------------------------------------------------------------

def check_plan_file(path: Path, display: str | None = None) -> tuple[Plan | None, list[Finding]]:
    """Load and check a plan file: the plan when sound, and every problem found, located."""
    display = display or str(path)
    loaded = load_file(path, display, max_bytes=16 * DEFAULT_MAX_BYTES)
    if loaded.document is None:
        return None, loaded.findings
    doc = loaded.document
    findings = list(loaded.findings)
    try:
        plan = Plan.model_validate(doc.data)
    except ValidationError as exc:
        return None, findings + pydantic_findings(exc, doc)
    for path_, code, message in integrity_problems(plan):
        line, column = doc.locate(path_)
        # A message with a hint of its own keeps it; the others share the general one.
        hint = {} if f"{message.id}.hint" in MESSAGES else {"hint": Message("finding.plan.fix")}
        findings.append(say(code, message.id, file=display, line=line, column=column, path=format_path(path_),
                            **hint, **message.fields))
    if any(f.severity == "error" for f in findings):
        return None, findings
    for n, indicator in enumerate(plan.indicators):
        indicator.keep_written_target(doc.raw.get(("indicators", n, "target")))
    return plan, findings


def load_plan(path: Path, display: str | None = None) -> Plan:
    plan, findings = check_plan_file(path, display)
    if plan is None:
        raise UsageError(Message("error.plan_unusable", path=str(display or path)), findings)
    return plan


_PYDANTIC_MESSAGES = {  # pydantic's error type -> the variant of C001 that words it
    "missing": "missing",
    "extra_forbidden": "unknown_key",
}
# pydantic's errors that have a translation: the error type -> the fields its wording takes from the
# error's context. Used only while pydantic's (lower-cased) words are exactly the catalogue's English.
_PYDANTIC_DETAILS: dict[str, tuple[str, ...]] = {
    "string_type": (), "int_type": (), "int_from_float": (), "int_parsing": (), "float_type": (),
    "float_parsing": (), "bool_type": (), "bool_parsing": (), "finite_number": (), "list_type": (),
    "dict_type": (), "model_type": ("class_name",), "string_pattern_mismatch": ("pattern",),
    "literal_error": ("expected",), "enum": ("expected",), "greater_than": ("gt",),
}


def _pydantic_detail(error: Any) -> Message | str:
    """pydantic's explanation of an error, translatable when the catalogue words it the same way."""
    said = error["msg"].lower()
    names = _PYDANTIC_DETAILS.get(error["type"])
    if names is None:
        return said
    context = error.get("ctx") or {}
    fields = {name: _plain(value) if isinstance(value, float) else str(value).lower()
              for name, value in ((name, context.get(name)) for name in names)}
    known = Message(f"finding.pydantic.{error['type']}", **fields)
    return known if known.render("en") == said else said


def pydantic_findings(exc: ValidationError, doc: Document) -> list[Finding]:
    """Turn pydantic's errors about the plan into located C001 findings; its raw text never reaches a user."""
    out = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        key = loc[-1] if loc else ""
        variant = _PYDANTIC_MESSAGES.get(error["type"])
        if variant:
            fields: dict[str, object] = {"key": str(key)}
        else:
            variant = "invalid"
            fields = {"where": format_path(loc), "detail": _pydantic_detail(error)}
        if error["type"] == "missing":
            line, column = doc.locate(loc[:-1])
        else:
            line, column = doc.locate_key(loc) if error["type"] == "extra_forbidden" else doc.locate(loc)
        out.append(C001.say(variant, file=doc.file, line=line, column=column, path=format_path(loc),
                            hint=C001.message("hint"), **fields))
    return out


# --- finding files --------------------------------------------------------------------------------

YAML_SUFFIXES = (".yaml", ".yml")


# A progress tree is year folders of unit files; past this depth a folder is a mistake or a trap.
MAX_FOLDER_DEPTH = 32


def discover(paths: Iterable[Path], displays: Iterable[str] | None = None
             ) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """Expand files and folders into (path, display name) pairs, sorted within each folder.

    Folders are walked without recursion, to MAX_FOLDER_DEPTH levels. Symlinks that lead outside a
    given folder are reported, not followed; a folder that cannot be listed, or lies too deep, is a
    finding, never silently skipped.
    """
    files: list[tuple[Path, str]] = []
    findings: list[Finding] = []
    displays = list(displays) if displays is not None else None
    for n, path in enumerate(paths):
        shown = displays[n] if displays is not None else shown_path(path)
        if not path.exists() and not path.is_symlink():
            raise UsageError(Message("error.no_such_path", path=shown))
        if not path.is_dir():
            files.append((path, shown))
            continue
        found, walk_findings = _walk(path, shown)
        files.extend(found)
        findings.extend(walk_findings)
        if not found:
            findings.append(L016.say("no_files", file=shown))
    return files, findings


def _walk(folder: Path, shown: str) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """The progress files under one folder, depth first in name order, as `discover` lists them."""
    root = folder.resolve()
    files: list[tuple[Path, str]] = []
    findings: list[Finding] = []
    stack: list[tuple[Path, str, int]] = [(folder, shown, 0)]
    while stack:
        current, current_shown, depth = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: (not _is_real_dir(e), e.name))
        except OSError as exc:
            findings.append(L018.say("unreadable", file=current_shown,
                                reason=os_reason(exc)))
            continue
        subfolders: list[tuple[Path, str, int]] = []
        for entry in entries:
            path = Path(entry.path)
            entry_shown = shown_path(Path(current_shown) / entry.name)
            is_yaml = entry.name.endswith(YAML_SUFFIXES)
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):  # dangling, or a loop: reading it says which
                    if is_yaml:
                        files.append((path, entry_shown))
                    continue
                if not target.is_relative_to(root):
                    if is_yaml or target.is_dir():
                        findings.append(L013.say("outside", file=entry_shown,
                                            folder=shown, target=shown_path(target)))
                    continue
                if target.is_dir():
                    continue  # a link back inside the folder: its files are listed under their real path
            elif _is_real_dir(entry):
                if is_yaml:
                    # Named like a progress file: the user expects a file here, so say so, don't walk it.
                    findings.append(L012.say("folder_named_yaml", file=entry_shown))
                elif depth + 1 > MAX_FOLDER_DEPTH:
                    findings.append(L019.say("too_deep", file=entry_shown,
                                        limit=MAX_FOLDER_DEPTH))
                else:
                    subfolders.append((path, entry_shown, depth + 1))
                continue
            if is_yaml:
                files.append((path, entry_shown))
        # Folders before files at each level, as the listing was sorted: push them in reverse order.
        stack.extend(reversed(subfolders))
    return files, findings


def _is_real_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


# --- one progress file ----------------------------------------------------------------------------

@dataclass
class FileResult:
    findings: list[Finding] = field(default_factory=list)
    submission: pf.Submission | None = None
    values: list[pf.ValueRecord] = field(default_factory=list)
    tasks: list[pf.TaskRecord] = field(default_factory=list)
    milestones: list[pf.MilestoneRecord] = field(default_factory=list)
    # Level figures refused because the unit may not report them (P301), kept only so the set check
    # can name the figure that stands (X402); never counted.
    claims: list[pf.ValueRecord] = field(default_factory=list)


_NUMBERISH = re.compile(r"^[+-]?[0-9][0-9,，_ ]*(\.[0-9]+)?([eE][+-]?[0-9]+)?\s*[%％]?$")
_YEAR_DIR = re.compile(r"^(19|20)[0-9]{2}$")


def _suggest(word: Any, choices: Iterable[str]) -> str | None:
    if not isinstance(word, str):
        return None
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


def _did_you_mean(word: Any, choices: Iterable[str], fallback: Message) -> Message:
    suggestion = _suggest(word, choices)
    return Message("finding.did_you_mean", word=suggestion) if suggestion else fallback


def _type_name(value: Any) -> Message | str:
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


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(number)


_OWN_HINT: Any = object()  # a finding's hint is the one its message id has


class _FileChecker:
    def __init__(self, plan: Plan, doc: Document, today: dt.date):
        self.plan = plan
        self.doc = doc
        self.today = today
        self.result = FileResult()

    def emit(self, code: Code, path: tuple, message: Message, hint: Message | None | Any = _OWN_HINT, *,
             key: bool = False) -> None:
        """A finding at `path`; its hint is `hint` (None: no hint), by default the message's own `.hint`."""
        line, column = self.doc.locate_key(path) if key else self.doc.locate(path)
        where = {"file": self.doc.file, "line": line, "column": column, "path": format_path(path) or None}
        if hint is not _OWN_HINT:
            where["hint"] = hint
        self.result.findings.append(say(code, message.id, **where, **message.fields))  # type: ignore[arg-type]

    def keys(self, mapping: dict, path: tuple, allowed: Sequence[str], required: Sequence[str]) -> bool:
        ok = True
        for key in mapping:
            if key not in allowed:
                ok = False
                allowed_keys = S101.message("allowed_keys", keys=", ".join(allowed))
                self.emit(S101, (*path, key), S101.message("unknown_key", key=str(key)),
                          _did_you_mean(key, allowed, allowed_keys), key=True)
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
            return _plain(value)  # an id or name that happens to look like a number: let references judge
        if not isinstance(value, str) or not value.strip():
            self.emit(S103, (*path, key), S103.message("not_text", key=key, got=_type_name(value)))
            return None
        return value.strip()

    def check(self) -> FileResult:
        data = self.doc.data
        plan = self.plan
        self.keys(data, (), pf.TOP_KEYS, pf.REQUIRED_TOP_KEYS)

        header_ok = True
        plan_id = data.get("plan")
        if "plan" in data and plan_id != plan.id:
            header_ok = False
            self.emit(R201, ("plan",), R201.message("other_plan", plan=str(plan_id),
                                                  expected=plan.id))
        version = data.get("plan_version")
        if "plan_version" in data:
            if isinstance(version, bool) or not isinstance(version, int):
                header_ok = False
                self.emit(S103, ("plan_version",), S103.message("plan_version",
                                                              got=_type_name(version), version=plan.version))
            elif version != plan.version:
                header_ok = False
                self.emit(R202, ("plan_version",), R202.message("version", version=version,
                                                              expected=plan.version))

        unit_id = None
        if "unit" in data:
            unit_name = self.text(data, (), "unit")
            if unit_name is not None:
                unit = plan.unit(unit_name)
                if unit is None:
                    self.emit(R203, ("unit",), R203.message("unknown_unit", unit=unit_name),
                              _did_you_mean(unit_name, plan.unit_keys(), R203.message("units")))
                else:
                    unit_id = unit.id

        area_id = None
        area_ok = True
        if data.get("area") is not None:
            area_name = self.text(data, (), "area")
            township = plan.township(area_name) if area_name else None
            if area_name and township is None:
                area_ok = False
                self.emit(R204, ("area",), R204.message("unknown_township", area=area_name),
                          _did_you_mean(area_name, plan.township_keys(),
                                        R204.message("townships",
                                                     townships="、".join(t.name for t in plan.townships))))
            elif township is not None:
                area_id = township.id
            else:
                area_ok = False

        submitted = self.date(data, (), "submitted")
        year = None
        if "period" in data:
            period = data["period"]
            if isinstance(period, bool) or not isinstance(period, int):
                self.emit(S113, ("period",), S113.message("not_year", example=plan.period.end - 1,
                                                        got=_type_name(period)))
            elif not plan.period.start <= period <= plan.period.end:
                self.emit(R209, ("period",), R209.message("outside", year=period,
                                                        start=plan.period.start, end=plan.period.end))
            elif submitted is not None and submitted < dt.date(period, 1, 1):
                self.emit(R210, ("submitted",), R210.message("before_year", period=period,
                                                           submitted=str(submitted)))
            else:
                year = period
                self.path_year(period)

        for key in ("contact",):
            if data.get(key) is not None:
                self.text(data, (), key)

        if not (header_ok and unit_id and year and area_ok):
            # Entries are still checked for structure, but nothing from this file enters the ledger.
            unit_id_for_records = None
        else:
            unit_id_for_records = unit_id
            self.result.submission = pf.Submission(self.doc.file, unit_id, year, area_id, submitted)

        self.values(data, unit_id, year, area_id, unit_id_for_records)
        self.tasks(data, unit_id, year, area_id, unit_id_for_records)
        self.milestones(data, unit_id, year, unit_id_for_records)
        return self.result

    def path_year(self, period: int) -> None:
        parts = Path(self.doc.file).parts[:-1]
        years = [int(p) for p in parts if _YEAR_DIR.match(p)]
        if years and years[-1] != period:
            self.emit(R211, ("period",), R211.message("folder_year", folder=years[-1],
                                                    period=period))

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
            self.emit(S103, (key,), S103.message("not_list", key=key, got=_type_name(items)))
            return []
        out = []
        for n, item in enumerate(items):
            if not isinstance(item, dict):
                self.emit(S103, (key, n), S103.message("entry_not_mapping", number=n + 1, key=key,
                                                       got=_type_name(item)))
                continue
            out.append((n, item))
        return out

    def values(self, data: dict, unit_id: str | None, year: int | None, area_id: str | None,
               record_unit: str | None) -> None:
        plan = self.plan
        for n, item in self.entries(data, "values"):
            path = ("values", n)
            ok = self.keys(item, path, pf.VALUE_KEYS, ("indicator", "value"))
            indicator = None
            not_reporter = False
            if "indicator" in item:
                ind_id = self.text(item, path, "indicator")
                indicator = plan.indicator(ind_id) if ind_id else None
                if ind_id and indicator is None:
                    ok = False
                    self.emit(R205, (*path, "indicator"),
                              R205.message("unknown_indicator", indicator=ind_id),
                              _did_you_mean(ind_id, [i.id for i in plan.indicators],
                                            R205.message("indicators")))
                elif indicator is not None and indicator.kind is Kind.RATIO:
                    ok = False
                    inputs = indicator.ratio
                    self.emit(R208, (*path, "indicator"),
                              R208.message("computed", indicator=indicator.id,
                                           numerator=inputs.numerator if inputs else "",
                                           denominator=inputs.denominator if inputs else ""),
                              _OWN_HINT if inputs else None)
                elif indicator is not None and unit_id is not None:
                    reporters = plan.reporters(indicator)
                    if unit_id not in reporters:
                        ok = False
                        not_reporter = True
                        names = "、".join(plan.unit(u).name for u in reporters[:4])  # type: ignore[union-attr]
                        more = P301.message("more") if len(reporters) > 4 else ""
                        self.emit(P301, (*path, "indicator"),
                                  P301.message("not_reporter", unit=plan.unit(unit_id).name,  # type: ignore[union-attr]
                                               indicator=indicator.id, name=indicator.name, reporters=names,
                                               more=more, unit_id=unit_id))
            for key in ("note", "source"):
                if item.get(key) is not None and self.text(item, path, key) is None:
                    ok = False
            value = self.number(item, path, indicator) if "value" in item else None
            if value is None:
                ok = False
            if record_unit and indicator is not None and value is not None:
                line = self.doc.locate(path)[0]
                record = pf.ValueRecord(record_unit, year, area_id, indicator.id,  # type: ignore[arg-type]
                                        value, pf.Place(self.doc.file, line))
                if ok:
                    self.result.values.append(record)
                elif not_reporter and indicator.kind is Kind.LEVEL:
                    self.result.claims.append(record)

    def number(self, item: dict, path: tuple, indicator) -> float | None:
        vpath = (*path, "value")
        value = item["value"]
        raw = self.doc.raw.get(vpath)
        if value is None:
            self.emit(S111, vpath, S111.message("empty"))
            return None
        if isinstance(value, bool):
            self.emit(S103, vpath, S103.message("value_bool", raw=str(raw)),
                      S103.message("plain_number"))
            return None
        if isinstance(value, str):
            meant = number_from_text(value)
            if meant is not None:
                self.emit(S104, vpath, S104.message("number_as_text", value=repr(value),
                                                    number=_plain(meant)))
            else:
                self.emit(S103, vpath, S103.message("value_text", value=repr(value)))
            return None
        if not isinstance(value, (int, float)):
            self.emit(S103, vpath, S103.message("value_type", got=_type_name(value)),
                      S103.message("plain_number"))
            return None
        number = float(value)
        if not math.isfinite(number):
            self.emit(S108, vpath, S108.message("not_finite", raw=str(raw or value)))
            return None
        if number < 0:
            self.emit(S107, vpath, S107.message("negative", number=_plain(number)))
            return None
        if indicator is not None:
            if indicator.value_type is ValueType.COUNT and not number.is_integer():
                self.emit(S105, vpath, S105.message("not_whole", indicator=indicator.id,
                                                    measure=indicator.measure, number=_plain(number),
                                                    whole=math.floor(number)))
                return None
            if indicator.value_type is ValueType.PERCENT and number > 100:
                self.emit(S106, vpath, Message("finding.S106.above_100", indicator=indicator.id,
                                               number=_plain(number)))
                return None
        return number

    def status(self, item: dict, path: tuple) -> pf.TaskStatus | None:
        spath = (*path, "status")
        value = item.get("status")
        if isinstance(value, str) and value.strip() in pf.STATUS_WORDS:
            return pf.TaskStatus(value.strip())
        raw = self.doc.raw.get(spath, value)
        words = " | ".join(pf.STATUS_WORDS)
        if isinstance(value, bool):
            message = S109.message("bool", raw=str(raw))
        elif value is None:
            message = S109.message("empty")
        else:
            message = S109.message("unknown", words=words, value=repr(value))
        meant = TASK_STATUS.meaning(value) if isinstance(value, str) else None
        hint = (S109.message("chinese", status=meant) if meant
                else _did_you_mean(value, pf.STATUS_WORDS, S109.message("words", words=words)))
        self.emit(S109, spath, message, hint)
        return None

    def evidence(self, item: dict, path: tuple, status: pf.TaskStatus | None, what: Message
                 ) -> tuple[bool, str | None]:
        value = item.get("evidence")
        if value is not None and not (isinstance(value, str) and value.strip()):
            if not isinstance(value, str):
                self.emit(S103, (*path, "evidence"),
                          S103.message("evidence", got=_type_name(value)))
                return False, None
            value = None
        if value is None and status in (pf.TaskStatus.DONE, pf.TaskStatus.BLOCKED):
            self.emit(S110, path, S110.message("missing", what=what, status=str(status)))
            return False, None
        if value is None and status is pf.TaskStatus.IN_PROGRESS:
            self.emit(W503, path, W503.message("missing", what=what))
        return True, value.strip() if isinstance(value, str) else None

    def tasks(self, data: dict, unit_id: str | None, year: int | None, area_id: str | None,
              record_unit: str | None) -> None:
        plan = self.plan
        unit_groups = {g.id for g, _ in plan.groups_of_unit(unit_id)} if unit_id else set()
        for n, item in self.entries(data, "tasks"):
            path = ("tasks", n)
            ok = self.keys(item, path, pf.TASK_KEYS, ("task", "status"))
            task_id = self.text(item, path, "task") if "task" in item else None
            if task_id is not None and plan.task(task_id) is None:
                ok = False
                self.emit(R206, (*path, "task"), R206.message("unknown_task", task=task_id),
                          _did_you_mean(task_id, [t.id for g in plan.groups for t in g.tasks],
                                        R206.message("tasks")))
            elif task_id is not None and unit_id is not None:
                group = plan.group_of_task(task_id)
                if group is not None and group.id not in unit_groups:
                    ok = False
                    self.emit(P302, (*path, "task"),
                              P302.message("not_in_groups", unit=plan.unit(unit_id).name,  # type: ignore[union-attr]
                                           group=group.title, task=task_id, unit_id=unit_id))
            status = self.status(item, path) if "status" in item else None
            if status is None:
                ok = False
            evidence_ok, evidence = self.evidence(item, path, status,
                                                  Message("finding.what.task", id=task_id or n + 1))
            ok = ok and evidence_ok
            if ok and record_unit and task_id and status:
                place = pf.Place(self.doc.file, self.doc.locate(path)[0])
                self.result.tasks.append(pf.TaskRecord(record_unit, year, area_id, task_id, status,  # type: ignore[arg-type]
                                                       evidence, place))

    def milestones(self, data: dict, unit_id: str | None, year: int | None, record_unit: str | None) -> None:
        plan = self.plan
        for n, item in self.entries(data, "milestones"):
            path = ("milestones", n)
            ok = self.keys(item, path, pf.MILESTONE_KEYS, ("milestone", "status"))
            milestone_id = self.text(item, path, "milestone") if "milestone" in item else None
            milestone = plan.milestone(milestone_id) if milestone_id else None
            if milestone_id and milestone is None:
                ok = False
                self.emit(R207, (*path, "milestone"),
                          R207.message("unknown_milestone", milestone=milestone_id),
                          _did_you_mean(milestone_id, [m.id for m in plan.milestones],
                                        R207.message("milestones",
                                                     milestones=", ".join(m.id for m in plan.milestones))))
            elif (milestone is not None and unit_id is not None
                  and unit_id not in plan.milestone_reporters(milestone)):
                ok = False
                self.emit(P303, (*path, "milestone"),
                          P303.message("not_responsible", unit=plan.unit(unit_id).name,  # type: ignore[union-attr]
                                       milestone=milestone.id))
            status = self.status(item, path) if "status" in item else None
            if status is None:
                ok = False
            when = self.date(item, path, "date")
            if item.get("date") is not None and when is None:
                ok = False
            evidence_ok, _ = self.evidence(item, path, status,
                                           Message("finding.what.milestone", id=milestone_id or n + 1))
            ok = ok and evidence_ok
            if ok and record_unit and milestone and status:
                self.result.milestones.append(pf.MilestoneRecord(record_unit, year, milestone.id, status,  # type: ignore[arg-type]
                                                                 when, pf.Place(self.doc.file,
                                                                                self.doc.locate(path)[0])))


def check_document(plan: Plan, doc: Document, today: dt.date | None = None) -> FileResult:
    """Check one parsed progress file against the plan."""
    return _FileChecker(plan, doc, today or dt.date.today()).check()


def check_file(plan: Plan, path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    return check_loaded(plan, load_file(path, display, max_bytes=max_bytes))


def check_loaded(plan: Plan, loaded: Loaded) -> FileResult:
    """Check what the loader made of one file (its findings stay first)."""
    if loaded.document is None:
        return FileResult(findings=loaded.findings)
    result = check_document(plan, loaded.document)
    result.findings[:0] = loaded.findings
    if any(f.code in (L006.code, L007.code, L008.code) for f in loaded.findings):
        # The YAML parsed, but a duplicate key or alias means the data may not say what was meant.
        result.values.clear()
        result.tasks.clear()
        result.milestones.clear()
        result.submission = None
    return result


# --- the set of files -----------------------------------------------------------------------------

@dataclass
class Validation:
    report: Report
    submissions: list[pf.Submission]
    values: list[pf.ValueRecord]
    tasks: list[pf.TaskRecord]
    milestones: list[pf.MilestoneRecord]


def cross_file_findings(plan: Plan, values: list[pf.ValueRecord], tasks: list[pf.TaskRecord],
                        claims: Sequence[pf.ValueRecord] = ()) -> tuple[list[Finding], set[int]]:
    """Double counting, conflicting levels and implausible jumps; returns findings and the indexes of
    value records that must not be counted (the later of each duplicate pair).

    `claims` are level figures refused for responsibility (P301); each one that meets an accepted
    figure for the same indicator, year and area gets X402 naming the figure that stands."""
    findings: list[Finding] = []
    dropped: set[int] = set()
    first: dict[tuple, int] = {}
    for n, rec in enumerate(values):
        key = (rec.unit, rec.year, rec.area, rec.indicator)
        if key in first:
            other = values[first[key]]
            findings.append(X401.say("twice", file=rec.place.file, line=rec.place.line,
                                     unit=plan.unit(rec.unit).name,  # type: ignore[union-attr]
                                     indicator=rec.indicator, year=rec.year, area=_area_text(plan, rec.area),
                                     other=f"{other.place.file}:{other.place.line}"))
            dropped.add(n)
        else:
            first[key] = n
    level_owner: dict[tuple, int] = {}
    for n, rec in enumerate(values):
        ind = plan.indicator(rec.indicator)
        if n in dropped or ind is None or ind.kind is not Kind.LEVEL:
            continue
        key = (rec.year, rec.area, rec.indicator)
        if key in level_owner and values[level_owner[key]].unit != rec.unit:
            other = values[level_owner[key]]
            findings.append(X402.say("also", file=rec.place.file, line=rec.place.line,
                                     indicator=rec.indicator, year=rec.year, area=_area_text(plan, rec.area),
                                     unit=plan.unit(other.unit).name,  # type: ignore[union-attr]
                                     other=f"{other.place.file}:{other.place.line}"))
            dropped.add(n)
        level_owner.setdefault(key, n)
    for claim in claims:
        owner = level_owner.get((claim.year, claim.area, claim.indicator))
        if owner is None or owner in dropped or values[owner].unit == claim.unit:
            continue
        other = values[owner]
        findings.append(X402.say("stands", file=claim.place.file, line=claim.place.line,
                                 indicator=claim.indicator, year=claim.year,
                                 area=_area_text(plan, claim.area), unit=plan.unit(other.unit).name,  # type: ignore[union-attr]
                                 other=f"{other.place.file}:{other.place.line}"))
    task_seen: dict[tuple, pf.TaskRecord] = {}
    for task in tasks:
        key = (task.unit, task.year, task.area, task.task)
        if key in task_seen:
            other = task_seen[key]
            findings.append(X403.say("twice", file=task.place.file, line=task.place.line,
                                     task=task.task, year=task.year,
                                     other=f"{other.place.file}:{other.place.line}"))
        task_seen.setdefault(key, task)
    findings.extend(_plausibility(plan, [v for n, v in enumerate(values) if n not in dropped]))
    return findings, dropped


def _area_text(plan: Plan, area: str | None) -> Message | str:
    if area is None:
        return ""
    township = plan.township(area)
    return Message("finding.area.in", name=township.name if township else area)


def _times(ratio: float) -> str:
    """12.0 -> "12", 0.18 -> "0.18" (times): enough digits that 0.18 is not shown as the threshold 0.2."""
    return f"{ratio:.3g}" if ratio < 10 else f"{ratio:.0f}"


JUMP_FLOOR = 10  # W501 ignores flows whose both years are below this


def _plausibility(plan: Plan, values: list[pf.ValueRecord]) -> list[Finding]:
    findings = []
    by_key = {(v.unit, v.area, v.indicator, v.year): v for v in values}
    for rec in values:
        prev = by_key.get((rec.unit, rec.area, rec.indicator, rec.year - 1))
        ind = plan.indicator(rec.indicator)
        if prev is None or ind is None:
            continue
        # Small counts (1 base one year, none the next) swing by design; only larger figures are judged.
        if ind.is_flow and prev.value > 0 and max(prev.value, rec.value) >= JUMP_FLOOR and \
                (rec.value > 5 * prev.value or rec.value < prev.value / 5):
            findings.append(W501.say("jump", file=rec.place.file, line=rec.place.line,
                                     indicator=rec.indicator, value=_plain(rec.value), year=rec.year,
                                     previous=_plain(prev.value), previous_year=rec.year - 1,
                                     ratio=_times(rec.value / prev.value)))
        elif ind.kind is Kind.LEVEL and rec.value < prev.value:
            findings.append(W502.say("falls", file=rec.place.file, line=rec.place.line,
                                     indicator=rec.indicator, previous=_plain(prev.value),
                                     previous_year=rec.year - 1, value=_plain(rec.value), year=rec.year))
    return findings


def validate_paths(plan: Plan, paths: Sequence[Path], displays: Sequence[str] | None = None, *,
                   max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = 1,
                   cache: Path | None = None) -> Validation:
    """Check every progress file under `paths` and the set as a whole.

    `jobs` > 1 checks files in that many worker processes (None: one per core); `cache` is a folder
    where per-file results are kept between runs (None: no cache). Neither changes the findings or
    their order.
    """
    files, findings = discover(paths, displays)
    report = Report(files=len(files), findings=list(findings))
    submissions: list[pf.Submission] = []
    values: list[pf.ValueRecord] = []
    tasks: list[pf.TaskRecord] = []
    milestones: list[pf.MilestoneRecord] = []
    claims: list[pf.ValueRecord] = []
    for result in _file_results(plan, files, max_bytes, jobs or default_jobs(), cache):
        report.extend(result.findings)
        if result.submission:
            submissions.append(result.submission)
        values.extend(result.values)
        tasks.extend(result.tasks)
        milestones.extend(result.milestones)
        claims.extend(result.claims)
    cross, dropped = cross_file_findings(plan, values, tasks, claims)
    report.extend(cross)
    values = [v for n, v in enumerate(values) if n not in dropped]
    return Validation(report, submissions, values, tasks, milestones)


# --- many files: worker processes and the cache ---------------------------------------------------

_POOL_MIN_FILES = 64  # fewer files than this are checked faster than worker processes start
_OWN_SHARE = 0.9  # of an even share of the files, what the main process checks itself


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _read_bytes(path: Path, max_bytes: int) -> bytes | None:
    """A regular file's bytes within the size limit; None leaves the file to `load_file`, which
    words whatever is wrong with it."""
    try:
        data = read_regular(path, max_bytes)
    except OSError:
        return None
    return data if len(data) <= max_bytes else None


def _check_path(plan: Plan, path: Path, display: str, max_bytes: int, want_digest: bool
                ) -> tuple[FileResult, bytes | None]:
    """One file's result and, when asked, the digest of the exact bytes that were checked."""
    data = _read_bytes(path, max_bytes)
    if data is None:
        return check_file(plan, path, display, max_bytes), None
    text, findings = decode(data, display, max_bytes)
    result = FileResult(findings=findings) if text is None else check_loaded(plan, load_text(text, display))
    if not want_digest:
        return result, None
    from .cache import digest

    return result, digest(data)


def _cache_key(plan: Plan, max_bytes: int) -> str:
    from .cache import code_fingerprint, namespace

    # The date is part of the key because the checks are given it (check_document's `today`).
    return namespace(code_fingerprint(), plan.model_dump_json(), f"max_bytes={max_bytes}",
                     f"today={dt.date.today().isoformat()}")


def _file_results(plan: Plan, files: list[tuple[Path, str]], max_bytes: int, jobs: int,
                  cache_dir: Path | None) -> Iterable[FileResult]:
    """Each file's result, in the order of `files`: from the cache, worker processes or this one."""
    store = None
    slots: list[FileResult | None] = [None] * len(files)
    if cache_dir is not None:
        from . import cache

        codec = cache.codec_for(FileResult)
        store = cache.ResultStore(cache_dir, _cache_key(plan, max_bytes))
        for n, (path, display) in enumerate(files):
            data = _read_bytes(path, max_bytes)
            if data is not None:
                slots[n] = store.load(display, cache.digest(data), codec)
    todo = [n for n, slot in enumerate(slots) if slot is None]
    if jobs > 1 and len(todo) >= _POOL_MIN_FILES:
        checked = _check_in_pool(plan, [files[n] for n in todo], max_bytes, jobs, store)
    else:
        checked = (_check_serial(plan, files[n], max_bytes, store) for n in todo)
    next_todo = iter(todo)
    n_todo = next(next_todo, None)
    for n, slot in enumerate(slots):
        if n == n_todo:
            slot = next(checked)
            n_todo = next(next_todo, None)
        yield slot  # type: ignore[misc]
    if store is not None:
        store.save()


def _check_serial(plan: Plan, file: tuple[Path, str], max_bytes: int, store) -> FileResult:
    path, display = file
    result, data_digest = _check_path(plan, path, display, max_bytes, store is not None)
    if data_digest is not None:
        from .cache import codec_for

        store.put(display, data_digest, codec_for(FileResult).dumps(result))
    return result


def _check_in_pool(plan: Plan, files: list[tuple[Path, str]], max_bytes: int, jobs: int, store
                   ) -> Iterable[FileResult]:
    """Results of `files`, in order, from `jobs` processes: this one checks the first files while
    `jobs - 1` worker processes check the rest. All in this process when the platform cannot start
    workers."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .cache import codec_for

    codec = codec_for(FileResult)
    # This process also decodes what the workers send back and then runs the cross-file checks,
    # so it takes a little less than its even share.
    split = int(len(files) / jobs * _OWN_SHARE)
    items = [(str(path), display) for path, display in files[split:]]
    # fork starts workers with the plan already in memory; elsewhere each worker imports sciplan.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunksize = max(1, min(256, len(items) // (jobs * 8)))
    try:
        pool = ProcessPoolExecutor(jobs - 1, mp_context=context, initializer=_init_worker,
                                   initargs=(plan, max_bytes, store is not None))
        outputs = pool.map(_check_in_worker, items, chunksize=chunksize)
    except (OSError, NotImplementedError, ImportError):
        yield from (_check_serial(plan, file, max_bytes, store) for file in files)
        return
    try:
        for file in files[:split]:
            yield _check_serial(plan, file, max_bytes, store)
        for (_, display), (blob, data_digest) in zip(items, outputs, strict=True):
            if data_digest is not None:
                store.put(display, data_digest, blob)
            yield codec.loads(blob)
    except BrokenProcessPool:
        raise UsageError(Message("error.worker_stopped")) from None
    except BaseException:
        # Ctrl-C (or any failure here): stop the workers now rather than let them finish the queue.
        _stop_workers(pool)
        raise
    pool.shutdown()


def _stop_workers(pool) -> None:
    """End a pool's workers at once. The executor has no public way to kill running workers; its
    `_processes` map has been stable since Python 3.2."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=1)


_worker: dict[str, Any] = {}


def _init_worker(plan: Plan, max_bytes: int, want_digest: bool) -> None:
    import signal

    # Ctrl-C reaches the whole process group: the main process alone decides, and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(plan=plan, max_bytes=max_bytes, want_digest=want_digest)


def _check_in_worker(item: tuple[str, str]) -> tuple[bytes, bytes | None]:
    from .cache import codec_for

    path, display = item
    result, data_digest = _check_path(_worker["plan"], Path(path), display, _worker["max_bytes"],
                                      _worker["want_digest"])
    # marshal of plain tuples: several times cheaper to send back than pickled records.
    return codec_for(FileResult).dumps(result), data_digest
