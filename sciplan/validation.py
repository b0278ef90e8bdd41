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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import progress as pf
from .findings import Finding, Report, format_path, make
from .loading import DEFAULT_MAX_BYTES, Document, Loaded, decode, load_file, load_text
from .plan import Kind, Plan, ValueType, integrity_problems


class UsageError(Exception):
    """sciplan cannot run: the message says why, `findings` (if any) say where."""

    def __init__(self, message: str, findings: Sequence[Finding] = ()):
        super().__init__(message)
        self.findings = list(findings)


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
        return None, findings + pydantic_findings(exc, doc, "C001")
    for path_, code, message in integrity_problems(plan):
        line, column = doc.locate(path_)
        findings.append(make(code, message, file=display, line=line, column=column, path=format_path(path_),
                             hint="Fix the plan file; `sciplan plan show ID` lists what each id names."))
    if any(f.severity == "error" for f in findings):
        return None, findings
    return plan, findings


def load_plan(path: Path, display: str | None = None) -> Plan:
    plan, findings = check_plan_file(path, display)
    if plan is None:
        raise UsageError(f"the plan {display or path} is not usable; run `sciplan plan check` for details",
                         findings)
    return plan


_PYDANTIC_MESSAGES = {
    "missing": "required key `{key}` is missing",
    "extra_forbidden": "unknown key `{key}`",
}


def pydantic_findings(exc: ValidationError, doc: Document, code: str) -> list[Finding]:
    """Turn pydantic's errors into located findings; its raw text never reaches a user."""
    out = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        key = loc[-1] if loc else ""
        template = _PYDANTIC_MESSAGES.get(error["type"])
        if template:
            message = template.format(key=key)
        else:
            message = f"`{format_path(loc)}`: {error['msg'].lower()}"
        if error["type"] == "missing":
            line, column = doc.locate(loc[:-1])
        else:
            line, column = doc.locate_key(loc) if error["type"] == "extra_forbidden" else doc.locate(loc)
        out.append(make(code, message, file=doc.file, line=line, column=column, path=format_path(loc),
                        hint="See docs/formats.md for the plan format."))
    return out


# --- finding files --------------------------------------------------------------------------------

YAML_SUFFIXES = (".yaml", ".yml")


def discover(paths: Iterable[Path], displays: Iterable[str] | None = None
             ) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """Expand files and folders into (path, display name) pairs, sorted within each folder.

    Symlinks that lead outside a given folder are reported, not followed.
    """
    files: list[tuple[Path, str]] = []
    findings: list[Finding] = []
    displays = list(displays) if displays is not None else None
    for n, path in enumerate(paths):
        shown = displays[n] if displays is not None else str(path)
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"no such file or folder: {shown}")
        if not path.is_dir():
            files.append((path, shown))
            continue
        root = path.resolve()
        found_here = 0
        for current, dirnames, filenames in os.walk(path, followlinks=False):
            dirnames.sort()
            current_path = Path(current)
            for name in [*sorted(dirnames), *sorted(filenames)]:
                entry = current_path / name
                rel = entry.relative_to(path)
                entry_shown = str(Path(shown) / rel)
                if entry.is_symlink():
                    target = entry.resolve()
                    if not target.is_relative_to(root):
                        if name.endswith(YAML_SUFFIXES) or target.is_dir():
                            findings.append(make("L013", f"this symlink leads outside {shown}, to {target}",
                                                 file=entry_shown,
                                                 hint="Copy the file into the folder instead of linking it."))
                        continue
                    if target.is_dir():
                        continue  # a link back inside the folder: its files are listed under their real path
                if name in dirnames:
                    if name.endswith(YAML_SUFFIXES):
                        # Named like a progress file: the user expects a file here, so say so, don't walk it.
                        dirnames.remove(name)
                        findings.append(make("L012", "this is a folder, named like a progress file",
                                             file=entry_shown,
                                             hint="Progress files are single .yaml files; rename the folder "
                                                  "or move the file out of it."))
                    continue
                if name.endswith(YAML_SUFFIXES):
                    files.append((entry, entry_shown))
                    found_here += 1
        if found_here == 0:
            findings.append(make("L016", "no .yaml or .yml files in this folder", file=shown,
                                 hint="Progress files are named like 2024/agriculture.yaml."))
    return files, findings


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
# Chinese words a clerk may write for a status, and the status each means.
_STATUS_IN_CHINESE = {
    "未开始": "not_started", "未启动": "not_started", "尚未开始": "not_started",
    "进行中": "in_progress", "推进中": "in_progress", "正在进行": "in_progress", "实施中": "in_progress",
    "已完成": "done", "完成": "done", "已办结": "done",
    "受阻": "blocked", "暂停": "blocked", "停滞": "blocked",
}


def _suggest(word: Any, choices: Iterable[str]) -> str | None:
    if not isinstance(word, str):
        return None
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


def _did_you_mean(word: Any, choices: Iterable[str], fallback: str) -> str:
    suggestion = _suggest(word, choices)
    return f"Did you mean `{suggestion}`?" if suggestion else fallback


def _type_name(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, dt.date):
        return "a date"
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


class _FileChecker:
    def __init__(self, plan: Plan, doc: Document, today: dt.date):
        self.plan = plan
        self.doc = doc
        self.today = today
        self.result = FileResult()

    def emit(self, code: str, path: tuple, message: str, hint: str | None = None, *, key: bool = False) -> None:
        line, column = self.doc.locate_key(path) if key else self.doc.locate(path)
        self.result.findings.append(make(code, message, hint=hint, file=self.doc.file, line=line,
                                         column=column, path=format_path(path) or None))

    def keys(self, mapping: dict, path: tuple, allowed: Sequence[str], required: Sequence[str]) -> bool:
        ok = True
        for key in mapping:
            if key not in allowed:
                ok = False
                self.emit("S101", (*path, key), f"unknown key `{key}`",
                          _did_you_mean(key, allowed, "Allowed keys: " + ", ".join(allowed) + "."), key=True)
        for key in required:
            if key not in mapping:
                ok = False
                where = f" in entry {path[1] + 1} of `{path[0]}`" if len(path) == 2 else ""
                self.emit("S102", path, f"required key `{key}` is missing{where}",
                          f"Add `{key}:`; see docs/formats.md for an example.")
        return ok

    def text(self, mapping: dict, path: tuple, key: str, *, optional: bool = False) -> str | None:
        value = mapping.get(key)
        if value is None and optional:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _plain(value)  # an id or name that happens to look like a number: let references judge
        if not isinstance(value, str) or not value.strip():
            self.emit("S103", (*path, key), f"`{key}` must be text, not {_type_name(value)}",
                      f"Write it as `{key}: ...` on one line.")
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
            self.emit("R201", ("plan",), f"plan `{plan_id}` is not the plan being checked (`{plan.id}`)",
                      f"Write `plan: {plan.id}`.")
        version = data.get("plan_version")
        if "plan_version" in data:
            if isinstance(version, bool) or not isinstance(version, int):
                header_ok = False
                self.emit("S103", ("plan_version",), f"`plan_version` must be a whole number, not "
                                                      f"{_type_name(version)}", f"Write `plan_version: {plan.version}`.")
            elif version != plan.version:
                header_ok = False
                self.emit("R202", ("plan_version",), f"plan version {version} does not match the plan's "
                                                      f"version {plan.version}",
                          f"Update the file to plan version {plan.version} (`sciplan template` makes a fresh one).")

        unit_id = None
        if "unit" in data:
            unit_name = self.text(data, (), "unit")
            if unit_name is not None:
                unit = plan.unit(unit_name)
                if unit is None:
                    self.emit("R203", ("unit",), f"unknown unit `{unit_name}`",
                              _did_you_mean(unit_name, plan.unit_keys(),
                                            "`sciplan units` lists every unit with its id and short names."))
                else:
                    unit_id = unit.id

        area_id = None
        area_ok = True
        if data.get("area") is not None:
            area_name = self.text(data, (), "area")
            township = plan.township(area_name) if area_name else None
            if area_name and township is None:
                area_ok = False
                self.emit("R204", ("area",), f"unknown township `{area_name}`",
                          _did_you_mean(area_name, plan.township_keys(),
                                        "Townships: " + "、".join(t.name for t in plan.townships)
                                        + "; leave `area` out for county-wide figures."))
            elif township is not None:
                area_id = township.id
            else:
                area_ok = False

        submitted = self.date(data, (), "submitted")
        year = None
        if "period" in data:
            period = data["period"]
            if isinstance(period, bool) or not isinstance(period, int):
                self.emit("S113", ("period",), f"`period` must be a year such as {plan.period.end - 1}, not "
                                               f"{_type_name(period)}", "Write the year alone: `period: 2024`.")
            elif not plan.period.start <= period <= plan.period.end:
                self.emit("R209", ("period",), f"year {period} is outside the plan period "
                                               f"{plan.period.start}-{plan.period.end}",
                          f"Report a year from {plan.period.start} to {plan.period.end}.")
            elif submitted is not None and submitted < dt.date(period, 1, 1):
                self.emit("R210", ("submitted",), f"the report for {period} is dated {submitted}, "
                                                  "before that year began",
                          "Check `period` and `submitted`: the submission date comes after the year reported.")
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
            self.emit("R211", ("period",), f"file is in folder {years[-1]} but reports period {period}",
                      f"Move the file to the {period} folder, or correct `period` if it is wrong.")

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
                self.emit("S112", (*path, key), f"`{key}` is not a real date: {value.strip()} (no such day)",
                          "Check the month and day; dates are written YYYY-MM-DD, e.g. 2025-01-20.")
                return None
            else:
                self.emit("S112", (*path, key), f"`{key}` is quoted text ({value!r}), not a date",
                          f"Remove the quotes: `{key}: {value.strip()}`.")
                return None
        self.emit("S112", (*path, key), f"`{key}` is not a valid date: {value!r}",
                  "Write dates as YYYY-MM-DD, e.g. 2025-01-20.")
        return None

    def entries(self, data: dict, key: str) -> list[tuple[int, dict]]:
        items = data.get(key)
        if items is None:
            return []
        if not isinstance(items, list):
            self.emit("S103", (key,), f"`{key}` must be a list of entries, each starting with `- `, not "
                                      f"{_type_name(items)}", f"See docs/formats.md for the `{key}` list.")
            return []
        out = []
        for n, item in enumerate(items):
            if not isinstance(item, dict):
                self.emit("S103", (key, n), f"entry {n + 1} of `{key}` must be a mapping of keys, not "
                                            f"{_type_name(item)}",
                          "Each entry starts with `- ` followed by `key: value` lines, indented alike.")
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
                    self.emit("R205", (*path, "indicator"), f"unknown indicator `{ind_id}`",
                              _did_you_mean(ind_id, [i.id for i in plan.indicators],
                                            "`sciplan plan` lists every indicator id."))
                elif indicator is not None and indicator.kind is Kind.RATIO:
                    ok = False
                    inputs = indicator.ratio
                    self.emit("R208", (*path, "indicator"), f"`{indicator.id}` is computed, not reported",
                              f"Report `{inputs.numerator}` and `{inputs.denominator}` instead; sciplan "
                              "computes the ratio." if inputs else None)
                elif indicator is not None and unit_id is not None:
                    reporters = plan.reporters(indicator)
                    if unit_id not in reporters:
                        ok = False
                        not_reporter = True
                        names = "、".join(plan.unit(u).name for u in reporters[:4])  # type: ignore[union-attr]
                        more = " ..." if len(reporters) > 4 else ""
                        self.emit("P301", (*path, "indicator"),
                                  f"{plan.unit(unit_id).name} may not report `{indicator.id}` "  # type: ignore[union-attr]
                                  f"({indicator.name})",
                                  f"It is reported by {names}{more}; `sciplan unit {unit_id}` lists what "
                                  "this unit reports.")
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
            self.emit("S111", vpath, "`value` is not filled in",
                      "Write the year's figure, e.g. `value: 1200`, or remove the entry if there is none.")
            return None
        if isinstance(value, bool):
            self.emit("S103", vpath, f"`value` must be a number; `{raw}` is read as true/false",
                      "Write the figure as a plain number, e.g. `value: 1200`.")
            return None
        if isinstance(value, str):
            meant = number_from_text(value)
            if meant is not None:
                self.emit("S104", vpath, f"`value` is text ({value!r}), not a number",
                          f"Write `value: {_plain(meant)}`: digits only, no quotes, commas or % sign.")
            else:
                self.emit("S103", vpath, f"`value` must be a number, not text ({value!r})",
                          "Write the figure as a plain number; put remarks in `note:`.")
            return None
        if not isinstance(value, (int, float)):
            self.emit("S103", vpath, f"`value` must be a number, not {_type_name(value)}",
                      "Write the figure as a plain number, e.g. `value: 1200`.")
            return None
        number = float(value)
        if not math.isfinite(number):
            self.emit("S108", vpath, f"`value` is {raw or value}, not a finite number",
                      "Write the actual figure; leave the entry out if there is none.")
            return None
        if number < 0:
            self.emit("S107", vpath, f"`value` is negative ({_plain(number)})",
                      "Reported figures are never negative; check the sign.")
            return None
        if indicator is not None:
            if indicator.value_type is ValueType.COUNT and not number.is_integer():
                self.emit("S105", vpath, f"`{indicator.id}` counts {indicator.measure}; {_plain(number)} is "
                                         "not a whole number",
                          f"Write a whole number, e.g. `value: {math.floor(number)}`.")
                return None
            if indicator.value_type is ValueType.PERCENT and number > 100:
                self.emit("S106", vpath, f"`{indicator.id}` is a percentage; {_plain(number)} is above 100",
                          "Write the percentage itself: 15.2 for 15.2%, not 0.152 or 1520.")
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
            message = f"`status: {raw}` is read by YAML as true/false, not a status"
        elif value is None:
            message = "`status` is empty"
        else:
            message = f"`status` must be one of {words}, not {value!r}"
        meant = _STATUS_IN_CHINESE.get(value.strip()) if isinstance(value, str) else None
        hint = (f"Did you mean `{meant}`? Statuses are written in English." if meant
                else _did_you_mean(value, pf.STATUS_WORDS, f"Write one of: {words}."))
        self.emit("S109", spath, message, hint)
        return None

    def evidence(self, item: dict, path: tuple, status: pf.TaskStatus | None, what: str) -> tuple[bool, str | None]:
        value = item.get("evidence")
        if value is not None and not (isinstance(value, str) and value.strip()):
            if not isinstance(value, str):
                self.emit("S103", (*path, "evidence"), f"`evidence` must be text, not {_type_name(value)}",
                          "Describe briefly what was done.")
                return False, None
            value = None
        if value is None and status in (pf.TaskStatus.DONE, pf.TaskStatus.BLOCKED):
            self.emit("S110", path, f"{what} is marked {status}, but `evidence` is missing",
                      "Add `evidence:` saying what was done (or what blocks it), e.g. 举办培训班 6 期.")
            return False, None
        if value is None and status is pf.TaskStatus.IN_PROGRESS:
            self.emit("W503", path, f"{what} is in progress but has no `evidence`",
                      "Add `evidence:` with a line on what has been done so far.")
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
                self.emit("R206", (*path, "task"), f"unknown task `{task_id}`",
                          _did_you_mean(task_id, [t.id for g in plan.groups for t in g.tasks],
                                        "Task ids look like farmers.2; `sciplan plan` lists them."))
            elif task_id is not None and unit_id is not None:
                group = plan.group_of_task(task_id)
                if group is not None and group.id not in unit_groups:
                    ok = False
                    self.emit("P302", (*path, "task"),
                              f"{plan.unit(unit_id).name} neither leads nor joins {group.title}, "  # type: ignore[union-attr]
                              f"so it does not report on {task_id}",
                              f"Report only tasks of your groups; `sciplan unit {unit_id}` lists them.")
            status = self.status(item, path) if "status" in item else None
            if status is None:
                ok = False
            evidence_ok, evidence = self.evidence(item, path, status, f"task {task_id or n + 1}")
            ok = ok and evidence_ok
            if ok and record_unit and task_id and status:
                self.result.tasks.append(pf.TaskRecord(record_unit, year, area_id, task_id, status,  # type: ignore[arg-type]
                                                       evidence, pf.Place(self.doc.file, self.doc.locate(path)[0])))

    def milestones(self, data: dict, unit_id: str | None, year: int | None, record_unit: str | None) -> None:
        plan = self.plan
        for n, item in self.entries(data, "milestones"):
            path = ("milestones", n)
            ok = self.keys(item, path, pf.MILESTONE_KEYS, ("milestone", "status"))
            milestone_id = self.text(item, path, "milestone") if "milestone" in item else None
            milestone = plan.milestone(milestone_id) if milestone_id else None
            if milestone_id and milestone is None:
                ok = False
                self.emit("R207", (*path, "milestone"), f"unknown milestone `{milestone_id}`",
                          _did_you_mean(milestone_id, [m.id for m in plan.milestones],
                                        "Milestones: " + ", ".join(m.id for m in plan.milestones) + "."))
            elif milestone is not None and unit_id is not None and unit_id not in plan.milestone_reporters(milestone):
                ok = False
                self.emit("P303", (*path, "milestone"),
                          f"{plan.unit(unit_id).name} does not report the schedule item `{milestone.id}`",  # type: ignore[union-attr]
                          "Schedule items are reported by the leading group's office at 县科协.")
            status = self.status(item, path) if "status" in item else None
            if status is None:
                ok = False
            when = self.date(item, path, "date")
            if item.get("date") is not None and when is None:
                ok = False
            evidence_ok, _ = self.evidence(item, path, status, f"milestone {milestone_id or n + 1}")
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
    if any(f.code in ("L006", "L007", "L008") for f in loaded.findings):
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
            findings.append(make("X401", f"{plan.unit(rec.unit).name} reports `{rec.indicator}` for "  # type: ignore[union-attr]
                                         f"{rec.year}{_area_text(plan, rec.area)} twice: here and at "
                                         f"{other.place.file}:{other.place.line}",
                                 file=rec.place.file, line=rec.place.line,
                                 hint="Keep one figure; if both are parts of a total, add them up."))
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
            findings.append(make("X402", f"`{rec.indicator}` for {rec.year}{_area_text(plan, rec.area)} is "
                                         f"also reported by {plan.unit(other.unit).name} at "  # type: ignore[union-attr]
                                         f"{other.place.file}:{other.place.line}",
                                 file=rec.place.file, line=rec.place.line,
                                 hint="A level indicator has one reporting unit; agree which figure stands."))
            dropped.add(n)
        level_owner.setdefault(key, n)
    for claim in claims:
        owner = level_owner.get((claim.year, claim.area, claim.indicator))
        if owner is None or owner in dropped or values[owner].unit == claim.unit:
            continue
        other = values[owner]
        findings.append(make("X402", f"`{claim.indicator}` for {claim.year}{_area_text(plan, claim.area)} is "
                                     f"also reported by {plan.unit(other.unit).name} at "  # type: ignore[union-attr]
                                     f"{other.place.file}:{other.place.line}; that figure stands",
                             file=claim.place.file, line=claim.place.line,
                             hint="A level indicator has one reporting unit; remove this entry and agree the "
                                  "figure with that unit."))
    task_seen: dict[tuple, pf.TaskRecord] = {}
    for task in tasks:
        key = (task.unit, task.year, task.area, task.task)
        if key in task_seen:
            other = task_seen[key]
            findings.append(make("X403", f"task {task.task} is reported twice for {task.year}: here and at "
                                         f"{other.place.file}:{other.place.line}",
                                 file=task.place.file, line=task.place.line, hint="Keep one entry per task."))
        task_seen.setdefault(key, task)
    findings.extend(_plausibility(plan, [v for n, v in enumerate(values) if n not in dropped]))
    return findings, dropped


def _area_text(plan: Plan, area: str | None) -> str:
    if area is None:
        return ""
    township = plan.township(area)
    return f" in {township.name if township else area}"


def _times(ratio: float) -> str:
    """12.0 -> "12x", 0.18 -> "0.18x": enough digits that 0.18 is not shown as the threshold 0.2."""
    return f"{ratio:.3g}x" if ratio < 10 else f"{ratio:.0f}x"


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
            findings.append(make("W501", f"`{rec.indicator}` is {_plain(rec.value)} in {rec.year} against "
                                         f"{_plain(prev.value)} in {rec.year - 1} "
                                         f"({_times(rec.value / prev.value)})",
                                 file=rec.place.file, line=rec.place.line,
                                 hint="Check the figure (a missing or extra digit?); if it is right, say why "
                                      "in `note:`."))
        elif ind.kind is Kind.LEVEL and rec.value < prev.value:
            findings.append(make("W502", f"`{rec.indicator}` falls from {_plain(prev.value)} in {rec.year - 1} "
                                         f"to {_plain(rec.value)} in {rec.year}",
                                 file=rec.place.file, line=rec.place.line,
                                 hint="A level such as a registered count rarely falls; check it, or explain "
                                      "in `note:`."))
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
        if not path.is_file() or path.stat().st_size > max_bytes:
            return None
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
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
        store = cache.ResultStore.open(cache_dir, _cache_key(plan, max_bytes))
        for n, (path, display) in enumerate(files):
            data = _read_bytes(path, max_bytes)
            blob = store.get(display, cache.digest(data)) if data is not None else None
            if blob is not None:
                try:
                    slots[n] = cache.decode_result(codec, blob)
                except (ValueError, TypeError, EOFError, KeyError, IndexError):
                    slots[n] = None  # an entry that does not decode is checked again
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
        from .cache import codec_for, encode_result

        store.put(display, data_digest, encode_result(codec_for(FileResult), result))
    return result


def _check_in_pool(plan: Plan, files: list[tuple[Path, str]], max_bytes: int, jobs: int, store
                   ) -> Iterable[FileResult]:
    """Results of `files`, in order, checked by `jobs` worker processes; in this process when the
    platform cannot start them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .cache import codec_for, decode_result

    codec = codec_for(FileResult)
    items = [(str(path), display) for path, display in files]
    # fork starts workers with the plan already in memory; elsewhere each worker imports sciplan.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunksize = max(1, min(256, len(items) // (jobs * 8)))
    try:
        pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                                   initargs=(plan, max_bytes, store is not None))
        outputs = pool.map(_check_in_worker, items, chunksize=chunksize)
    except (OSError, NotImplementedError, ImportError):
        yield from (_check_serial(plan, file, max_bytes, store) for file in files)
        return
    with pool:
        try:
            for (_, display), (blob, data_digest) in zip(items, outputs, strict=True):
                if data_digest is not None:
                    store.put(display, data_digest, blob)
                yield decode_result(codec, blob)
        except BrokenProcessPool:
            raise UsageError("a worker process stopped unexpectedly (out of memory?); "
                             "run again with --jobs 1") from None


_worker: dict[str, Any] = {}


def _init_worker(plan: Plan, max_bytes: int, want_digest: bool) -> None:
    _worker.update(plan=plan, max_bytes=max_bytes, want_digest=want_digest)


def _check_in_worker(item: tuple[str, str]) -> tuple[bytes, bytes | None]:
    from .cache import codec_for, encode_result

    path, display = item
    result, data_digest = _check_path(_worker["plan"], Path(path), display, _worker["max_bytes"],
                                      _worker["want_digest"])
    return encode_result(codec_for(FileResult), result), data_digest
