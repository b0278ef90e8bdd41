"""sciplan as a library: what the commands do, as plain functions (no click, nothing printed).

    from sciplan import api

    plan = api.load_plan("data/plan.yaml")
    overview = api.status(plan, "data/progress")          # the latest year with data
    print(api.render(overview, "text", lang="zh"))        # or "json", "markdown", "csv"
    table = api.gap_table(plan, "data/progress", 2023, statuses={"deterioration"})
    rows = table.as_dict()["indicators"]                  # what `sciplan gap --format json` prints
    checked = api.validate(plan, ["data/progress"])
    checked.report.valid, checked.report.errors

Every result is complete: it carries its figures, how the progress files checked and the `source`
it was made from (plan file, progress folder, whether it is the invented sample), and its
`as_dict()` is exactly the JSON document the command prints (`render(result, "json")`). A folder of
None means no progress folder: zero files. Errors: `YearOutsidePeriod` (a ValueError) for a year
outside the plan period, `FileNotFoundError` for a missing plan; an unusable plan raises
`sciplan.validation.UsageError` with located findings.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .domain import TARGET_STATUS
from .findings import Report
from .i18n import Message
from .plan import Plan, PlanDiff, Unit, YearOutsidePeriod, diff_plans
from .render import Style, renderers_for
from .resources import display_path, is_sample
from .sources import DataSource, with_source
from .validation import Validation, validate_paths
from .validation import load_plan as _load_plan

if TYPE_CHECKING:
    from .duties import MissingList, UnitDetail, UnitRoster
    from .overview import GapTable, StatusOverview
    from .report import ReportData
    from .templates import Template
    from .workbook import Imported

# The documents' modules (overview, duties, report) are imported by the functions that build them:
# `sciplan validate` needs none of them, and they cost more start-up than checking a file.

__all__ = ["Checked", "ImportBatch", "Progress", "YearOutsidePeriod", "formats", "gap_table",
           "import_workbooks", "load_plan", "missing", "read_progress", "render", "report", "status",
           "templates", "unit", "units", "validate"]

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Checked:
    """Files checked against the plan: the findings, and (for progress files) the source they came from."""

    report: Report
    source: DataSource | None = None

    def localized(self, lang: str) -> Checked:
        return replace(self, report=self.report.localized(lang))

    def as_dict(self) -> dict:
        return with_source(self.report.as_dict(), self.source)


@dataclass(frozen=True)
class Progress:
    """A progress folder read and checked: the accepted records and where they came from."""

    validation: Validation
    source: DataSource


def load_plan(path: PathLike | None = None, *, cache: Path | None = None) -> Plan:
    """The plan at `path` (default: ./data/plan.yaml, else the plan shipped with sciplan). With a
    `cache` folder, a plan checked before is read back from it instead of being checked again."""
    from .resources import default_plan

    plan_path = Path(path) if path is not None else default_plan(Path.cwd())
    if plan_path is None or not plan_path.is_file():
        raise FileNotFoundError(f"no plan file at {plan_path or './data/plan.yaml'}")
    plan = _load_plan(plan_path, display_path(plan_path, Path.cwd()), cache=cache)
    plan.keep_file(display_path(plan_path, Path.cwd()))
    return plan


def plan_diff(old: PathLike, new: PathLike) -> PlanDiff:
    """What changed from the plan at `old` to the plan at `new` (what `sciplan plan diff` prints)."""
    before, after = load_plan(old), load_plan(new)
    return diff_plans(before, after, before.file or str(old), after.file or str(new))


def init_workspace(folder: PathLike) -> list[Path]:
    """Start a new plan's workspace in `folder` (made if missing): a plan skeleton, an empty progress
    folder, the pre-commit and CI configurations and a README. Nothing is overwritten: when any of
    them exists already, UsageError names it and nothing is written. Returns what was made."""
    from .starter import FOLDERS, workspace_files
    from .validation import UsageError
    from .writing import NotRegularOutput, OutputExists, write_atomic

    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise UsageError(Message("cli.init_not_folder", path=display_path(root, Path.cwd())))
    files = workspace_files()
    targets = [root / name for name in (*files, *FOLDERS)]
    there = [display_path(t, Path.cwd()) for t in targets if t.exists() or t.is_symlink()]
    if there:
        raise UsageError(Message("cli.init_exists", paths=", ".join(there)))
    try:
        root.mkdir(parents=True, exist_ok=True)  # a parent that is a file fails here, before any write
        for name, text in files.items():
            write_atomic(root / name, text)
        for name in FOLDERS:
            (root / name).mkdir(parents=True)
    except (OutputExists, NotRegularOutput) as exc:  # appeared since the look above
        raise UsageError(Message("cli.init_exists", paths=display_path(exc.path, Path.cwd()))) from None
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else root
        raise UsageError(Message("cli.cannot_write", path=display_path(where, Path.cwd()),
                                 reason=exc.strerror or str(exc))) from None
    return targets


def source_of(plan: Plan, progress_dir: PathLike | None, report: Report | None = None) -> DataSource:
    """What an output names as its inputs: the plan's file and the progress folder (None: none read)."""
    folder = None if progress_dir is None else Path(progress_dir)
    counts = {} if report is None else {"files": report.files, "errors": report.errors,
                                         "warnings": report.warnings}
    return DataSource(plan.file or "", None if folder is None else display_path(folder, Path.cwd()),
                      folder is not None and is_sample(folder), **counts)


def validate(plan: Plan, paths: Sequence[PathLike], *, max_bytes: int = 1 << 20, jobs: int | None = None,
             cache: Path | None = None) -> Checked:
    """Check progress files and folders against the plan (what `sciplan validate` prints)."""
    paths = [Path(p) for p in paths]
    cwd = Path.cwd()
    shown = [display_path(p, cwd) if p.is_absolute() else str(p) for p in paths]
    # Only the findings are shown: the records are not kept once the cross-file checks have them.
    result = validate_paths(plan, paths, shown, max_bytes=max_bytes, jobs=jobs, cache=cache,
                            keep_records=False)
    # progress_dir names the folder when one folder was checked; sample: any path is in the sample
    source = source_of(plan, paths[0] if len(paths) == 1 and paths[0].is_dir() else None)
    if not source.sample and any(is_sample(p) for p in paths):
        source = replace(source, sample=True)
    return Checked(result.report, source)


def read_progress(plan: Plan, progress_dir: PathLike | None, *, jobs: int | None = None,
                  cache: Path | None = None) -> Progress:
    """The progress folder's files, checked; entries with errors are left out of the records."""
    if progress_dir is None:
        return Progress(Validation(Report(files=0), [], [], [], []), source_of(plan, None))
    folder = Path(progress_dir)
    validation = validate_paths(plan, [folder], [display_path(folder, Path.cwd())], jobs=jobs, cache=cache)
    return Progress(validation, source_of(plan, folder, validation.report))


def gap_table(plan: Plan, progress_dir: PathLike | None, year: int | None = None, *,
              statuses: Iterable[str] | None = None, jobs: int | None = None,
              cache: Path | None = None) -> GapTable:
    """Every target for `year` (default: the latest year with data, as for `status`), worst first;
    with `statuses` (ids or any label or synonym in `domain.TARGET_STATUS`), only those. ValueError
    for a status that is none of them."""
    from .overview import filter_rows, latest_year
    from .overview import gap_table as _gap_table

    if year is not None:
        plan.period.check_year(year)
    wanted = target_statuses(statuses)
    progress = read_progress(plan, progress_dir, jobs=jobs, cache=cache)
    if year is None:
        year = latest_year(plan, progress.validation.submissions, progress.validation.values)
    table = _gap_table(plan, progress.validation.values, year)
    return replace(filter_rows(table, wanted), source=progress.source)


def target_statuses(typed: Iterable[str] | None) -> set[str] | None:
    """The status ids meant by what a user typed (None or nothing: every status)."""
    typed = [t.strip() for t in typed or () if t.strip()]
    if not typed:
        return None
    meant = {t: TARGET_STATUS.meaning(t) for t in typed}
    unknown = sorted(t for t, m in meant.items() if m is None)
    if unknown:
        raise UnknownStatus(unknown)
    return {m for m in meant.values() if m is not None}


class UnknownStatus(ValueError):
    def __init__(self, words: list[str]) -> None:
        super().__init__(f"unknown status {', '.join(words)}; choose from {', '.join(TARGET_STATUS.ids)}")
        self.words = words


def status(plan: Plan, progress_dir: PathLike | None, year: int | None = None, *, jobs: int | None = None,
           cache: Path | None = None) -> StatusOverview:
    """The one-screen picture for `year` (default: the latest year with data), with the counts of
    the progress files checked and the source."""
    from .overview import latest_year

    if year is not None:
        plan.period.check_year(year)
    progress = read_progress(plan, progress_dir, jobs=jobs, cache=cache)
    v = progress.validation
    return _overview(plan, progress, latest_year(plan, v.submissions, v.values) if year is None else year)


def _overview(plan: Plan, progress: Progress, year: int) -> StatusOverview:
    from .overview import status_overview

    v = progress.validation
    overview = status_overview(plan, year, v.submissions, v.values, v.tasks, v.milestones)
    overview.files, overview.errors, overview.warnings = v.report.files, v.report.errors, v.report.warnings
    overview.source = progress.source
    return overview


def report(plan: Plan, progress_dir: PathLike | None, year: int, made: dt.date | None = None, *,
           jobs: int | None = None, cache: Path | None = None) -> ReportData:
    """The yearly report's contents, dated `made` (default: today); for the period's last year, the
    final evaluation (`ReportData.final`)."""
    from .report import build_report, final_evaluation

    plan.period.check_year(year)
    progress = read_progress(plan, progress_dir, jobs=jobs, cache=cache)
    data = build_report(_overview(plan, progress, year), made or dt.date.today(), progress.source)
    if year != plan.period.end:
        return data
    from .duties import duty

    # The period is over: the final evaluation.
    v = progress.validation
    owed = {u.id: tuple(y for y in plan.period.years() if duty(plan, u, y).owes) for u in plan.units}
    return final_evaluation(data, plan, v.submissions, v.values, v.tasks, owed)


def units(plan: Plan, progress_dir: PathLike | None = None, year: int | None = None) -> UnitRoster:
    """Every unit's duties; with `year`, whether its report for that year arrived (the folder is read
    only then)."""
    from .duties import UnitRoster, unit_summaries

    if year is None:
        return UnitRoster(plan, None, unit_summaries(plan), source_of(plan, None))
    plan.period.check_year(year)
    progress = read_progress(plan, progress_dir)
    summaries = unit_summaries(plan, year, progress.validation.submissions)
    return UnitRoster(plan, year, summaries, progress.source)


def unit(plan: Plan, who: Unit, progress_dir: PathLike | None, year: int | None = None) -> UnitDetail:
    """One unit's duties and what it reported up to `year` (default: the latest year with data)."""
    from .duties import unit_detail
    from .overview import latest_year

    if year is not None:
        plan.period.check_year(year)
    progress = read_progress(plan, progress_dir)
    v = progress.validation
    year = latest_year(plan, v.submissions, v.values) if year is None else year
    return replace(unit_detail(plan, who, year, v.submissions, v.values, v.tasks), source=progress.source)


def missing(plan: Plan, progress_dir: PathLike | None, year: int | None = None, *, jobs: int | None = None,
            cache: Path | None = None) -> MissingList:
    """Per unit, what it owes for `year` (default: the latest year with data) and has not sent, with
    the contact from its last report: the reminder list of `sciplan missing`."""
    from .duties import missing_list
    from .overview import latest_year

    if year is not None:
        plan.period.check_year(year)
    progress = read_progress(plan, progress_dir, jobs=jobs, cache=cache)
    v = progress.validation
    year = latest_year(plan, v.submissions, v.values) if year is None else year
    return replace(missing_list(plan, year, v.submissions, v.values, v.tasks, v.milestones),
                   source=progress.source)


def templates(plan: Plan, year: int) -> list[Template]:
    """The forms of every unit that owes a report for `year` (`duties.duty`), in the plan's order."""
    from .duties import units_owing
    from .templates import build_template

    plan.period.check_year(year)
    return [build_template(plan, u, year) for u in units_owing(plan, year)]


@dataclass(frozen=True)
class WorkbookImport:
    """One workbook of `sciplan import`: what it holds and what becomes of it."""

    path: Path
    shown: str
    imported: Imported | None  # None: the file could not be read (`reason` says why)
    target: Path | None  # <progress>/<year>/<unit-id>[-<area-id>].yaml
    state: str  # written | replaced | unchanged | refused
    reason: Message | None = None  # why it was refused
    new_optional: tuple[str, ...] = ()  # optional figures the unit never reported before: to confirm

    @property
    def target_shown(self) -> str | None:
        """Where the progress file goes, as the user sees the path (from the working folder)."""
        return None if self.target is None else display_path(self.target, Path.cwd())

    def as_dict(self, lang: str = "en") -> dict:
        result = self.imported
        return {"workbook": self.shown, "state": self.state,
                "reason": None if self.reason is None else self.reason.render(lang),
                "output": self.target_shown,
                "unit": result.unit if result else None, "year": result.year if result else None,
                "area": result.area if result else None,
                "imported": result.counts if result else None, "new_optional": list(self.new_optional),
                "findings": result.report.localized(lang).as_dict()["findings"] if result else []}


IMPORT_STATES = ("written", "replaced", "unchanged", "refused")


@dataclass(frozen=True)
class ImportBatch:
    """Workbooks for a progress folder (`sciplan import FILES|DIR`): what becomes of each, in order.
    Nothing is written by making it: the caller writes `to_write()`, then shows the batch."""

    workbooks: tuple[WorkbookImport, ...]

    def counts(self) -> dict[str, int]:
        return {state: sum(r.state == state for r in self.workbooks) for state in IMPORT_STATES}

    @property
    def refused(self) -> tuple[WorkbookImport, ...]:
        return tuple(r for r in self.workbooks if r.state == "refused")

    def to_write(self) -> list[WorkbookImport]:
        """The workbooks whose progress file is to be written (new or replacing another)."""
        return [r for r in self.workbooks
                if r.state in ("written", "replaced") and r.target is not None and r.imported is not None]

    def findings(self) -> Checked:
        """The findings that refused workbooks, as `validate` shows findings."""
        refused = self.refused
        return Checked(Report(files=len(refused), findings=[f for r in refused if r.imported is not None
                                                             for f in r.imported.report.findings]))

    def as_dict(self, lang: str = "en") -> dict:
        return {"schema_version": 1, "workbooks": [r.as_dict(lang) for r in self.workbooks], **self.counts()}


def workbooks_in(paths: Sequence[PathLike]) -> list[Path]:
    """The workbooks given: files as they are, a folder's .xlsx files (not its subfolders) by name."""
    out: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            out += sorted(p for p in given.iterdir() if p.suffix.lower() == ".xlsx" and p.is_file()
                          and not p.name.startswith("~$"))  # ~$name.xlsx: Excel's lock file
        else:
            out.append(given)
    return out


def import_workbooks(plan: Plan, paths: Sequence[PathLike], progress_dir: PathLike, *,
                     force: bool = False) -> ImportBatch:
    """Read every workbook and decide where each goes in the progress folder; nothing is written here.

    A workbook with errors is refused; so are two for the same unit, year and area (each naming the
    other), and one whose file exists with other content unless `force`. Same content: unchanged."""
    from .reading import NotRegularFile, read_regular
    from .workbook import MAX_BYTES, import_workbook

    folder = Path(progress_dir)
    cwd = Path.cwd()
    results: list[WorkbookImport] = []
    for path in workbooks_in(paths):
        shown = display_path(path, cwd) if path.is_absolute() else str(path)
        try:
            data = read_regular(path, MAX_BYTES)
        except NotRegularFile:
            results.append(WorkbookImport(path, shown, None, None, "refused",
                                          Message("cli.not_regular_input", path=shown)))
            continue
        except OSError as exc:
            reason = Message("cli.cannot_read", path=shown, reason=exc.strerror or str(exc))
            results.append(WorkbookImport(path, shown, None, None, "refused", reason))
            continue
        result = import_workbook(plan, data, shown)
        target = None
        if result.unit is not None and result.year is not None:
            stem = result.unit + (f"-{result.area}" if result.area else "")
            target = folder / str(result.year) / f"{stem}.yaml"
        if not result.valid:
            reason = Message("cli.import_reason.errors", count=max(result.report.errors, 1))
            results.append(WorkbookImport(path, shown, result, target, "refused", reason))
        elif target is None:
            results.append(WorkbookImport(path, shown, result, None, "refused",
                                          Message("cli.import_reason.no_header")))
        else:
            state = _state(target, result.yaml_text, force)
            results.append(WorkbookImport(path, shown, result, target, state))
    results = _refuse_twins(results)
    results = [_refuse_existing(r, cwd) for r in results]
    return ImportBatch(tuple(_note_new_optional(plan, folder, results)))


def _state(target: Path, text: str | None, force: bool) -> str:
    if not target.exists():
        return "written"
    try:
        old = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "replaced" if force else "exists"
    if _body(old) == _body(text or ""):
        return "unchanged"
    return "replaced" if force else "exists"


def _refuse_existing(r: WorkbookImport, cwd: Path) -> WorkbookImport:
    if r.state != "exists" or r.target is None:
        return r
    return replace(r, state="refused",
                   reason=Message("cli.import_reason.exists", target=display_path(r.target, cwd)))


def _body(text: str) -> str:
    """A progress file's text without the line naming the workbook it was imported from."""
    lines = text.splitlines()
    return "\n".join(lines[1:] if lines and lines[0].startswith("# Imported from") else lines)


def _refuse_twins(results: list[WorkbookImport]) -> list[WorkbookImport]:
    """Two workbooks for one unit, year and area: both refused, each naming the other(s)."""
    by_target: dict[Path, list[int]] = {}
    for n, r in enumerate(results):
        if r.target is not None and r.imported is not None and r.imported.valid:
            by_target.setdefault(r.target, []).append(n)
    out = list(results)
    for members in by_target.values():
        if len(members) < 2:
            continue
        for n in members:
            others = "、".join(results[m].shown for m in members if m != n)
            out[n] = replace(results[n], state="refused",
                             reason=Message("cli.import_reason.twice", other=others))
    return out


def _note_new_optional(plan: Plan, folder: Path, results: list[WorkbookImport]) -> list[WorkbookImport]:
    """Optional figures a unit reports for the first time: named, for the office to confirm."""
    wanted = [r for r in results if r.state != "refused" and r.imported and r.imported.optional_reported]
    if not wanted:
        return results
    values = read_progress(plan, folder).validation.values
    seen = {(v.unit, v.indicator) for v in values}
    out = []
    for r in results:
        if r in wanted and r.imported is not None:
            new = tuple(i for i in r.imported.optional_reported
                        if plan.indicator(i) is not None and (r.imported.unit, i) not in seen)
            r = replace(r, new_optional=new)
        out.append(r)
    return out


def formats(document: Any) -> tuple[str, ...]:
    """The format names `render` accepts for `document`."""
    return renderers_for(document).names


def render(document: Any, fmt: str = "text", *, lang: str = "en", color: bool = False, width: int = 80,
           **options: Any) -> str:
    """`document` (any result above) as text, json, markdown, csv, github, html: see `formats`.
    Options: `by="group"` or `"unit"` for a gap table."""
    return renderers_for(document)[fmt](document, Style(lang, color, width), **options)
