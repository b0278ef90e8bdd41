"""The header of a progress file: its top keys and who, when and where it reports for.

Checks the top-level keys, `plan` and `plan_version` against the plan in use, `unit`, `area`,
`submitted`, `period` (and that it matches a year folder the file lies in) and `contact`, and
returns the `Header` the entry sections record under. A header that is not sound still lets the
entries be checked, but nothing of the file enters the ledger (`Header.record_unit` is None).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .. import progress as pf
from ..findings import R201, R202, R203, R204, R209, R210, R211, R213, S103, S113
from .context import Context, did_you_mean, type_name

_YEAR_DIR = re.compile(r"^(19|20)[0-9]{2}$")
_TOP_KEYS = frozenset(pf.TOP_KEYS)


@dataclass(frozen=True)
class Header:
    unit_id: str | None  # the unit the file names, when the plan knows it
    year: int | None  # the period, when it is a year of the plan that the submission date allows
    area_id: str | None  # the township reported for, if any
    record_unit: str | None  # the unit records are kept under: None when the header is not sound


def check_header(ctx: Context) -> Header:
    data = ctx.doc.data
    plan = ctx.plan
    if not (data.keys() <= _TOP_KEYS and all(key in data for key in pf.REQUIRED_TOP_KEYS)):
        ctx.keys(data, (), pf.TOP_KEYS, pf.REQUIRED_TOP_KEYS)  # says which key is unknown or missing

    header_ok = True
    plan_id = data.get("plan")
    if "plan" in data and plan_id != plan.id:
        header_ok = False
        ctx.emit(R201, ("plan",), R201.message("other_plan", plan=str(plan_id),
                                              expected=plan.id))
    version = data.get("plan_version")
    if "plan_version" in data:
        if isinstance(version, bool) or not isinstance(version, int):
            header_ok = False
            ctx.emit(S103, ("plan_version",), S103.message("plan_version",
                                                          got=type_name(version), version=plan.version))
        elif 1 <= version < plan.version:
            # A file made for an earlier version keeps counting where what it names still exists.
            ctx.earlier_version = version
            ctx.emit(R213, ("plan_version",), R213.message("earlier", version=version,
                                                          expected=plan.version))
        elif version != plan.version:
            header_ok = False
            ctx.emit(R202, ("plan_version",), R202.message("version", version=version,
                                                          expected=plan.version))

    unit_id = None
    if "unit" in data:
        unit_name = ctx.text(data, (), "unit")
        if unit_name is not None:
            unit = plan.unit(unit_name)
            if unit is None:
                ctx.unknown(R203, ("unit",), "unknown_unit",
                        did_you_mean(unit_name, plan.unit_keys(), R203.message("units")), unit=unit_name)
            else:
                unit_id = unit.id

    area_id = None
    area_ok = True
    if data.get("area") is not None:
        area_name = ctx.text(data, (), "area")
        township = plan.township(area_name) if area_name else None
        if area_name and township is None:
            area_ok = False
            ctx.unknown(R204, ("area",), "unknown_township",
                        did_you_mean(area_name, plan.township_keys(),
                                     R204.message("townships",
                                                  townships="、".join(t.name for t in plan.areas))),
                        area=area_name)
        elif township is not None:
            area_id = township.id
        else:
            area_ok = False

    submitted = ctx.date(data, (), "submitted")
    year = None
    if "period" in data:
        period = data["period"]
        if isinstance(period, bool) or not isinstance(period, int):
            ctx.emit(S113, ("period",), S113.message("not_year", example=plan.period.end - 1,
                                                    got=type_name(period)))
        elif not plan.period.start <= period <= plan.period.end:
            ctx.emit(R209, ("period",), R209.message("outside", year=period,
                                                    start=plan.period.start, end=plan.period.end))
        elif submitted is not None and submitted < dt.date(period, 1, 1):
            # R210 compares two dates written in the file, never the current date: the result of a
            # file depends only on its bytes and the plan, which is what lets the runner cache it.
            ctx.emit(R210, ("submitted",), R210.message("before_year", period=period,
                                                       submitted=str(submitted)))
        else:
            year = period
            _folder_year(ctx, period)

    contact = ctx.text(data, (), "contact") if data.get("contact") is not None else None

    if not (header_ok and unit_id and year and area_ok):
        # Entries are still checked for structure, but nothing from this file enters the ledger.
        record_unit = None
    else:
        record_unit = unit_id
        ctx.result.submission = pf.Submission(ctx.doc.file, unit_id, year, area_id, submitted,
                                                 contact)
    return Header(unit_id, year, area_id, record_unit)


def _folder_year(ctx: Context, period: int) -> None:
    years = _folder_years(ctx.doc.file)
    if years and years[-1] != period:
        ctx.emit(R211, ("period",), R211.message("folder_year", folder=years[-1],
                                                period=period))


_FOLDER_YEARS: dict[str, list[int]] = {}  # a folder as shown -> the years its path names
_FOLDER_YEARS_SIZE = 4096


def _folder_years(file: str) -> list[int]:
    """The year folders (2021, ...) the file lies in, outermost first. Files of one folder share the
    answer: it is worked out once per folder."""
    folder, sep, name = file.rpartition("/")
    if not sep or name in ("", ".", "..") or "\\" in file:
        return _years_of(Path(file).parts[:-1])  # anything unusual: the whole path, as it is
    years = _FOLDER_YEARS.get(folder)
    if years is None:
        years = _years_of(Path(file).parts[:-1])
        if len(_FOLDER_YEARS) < _FOLDER_YEARS_SIZE:
            _FOLDER_YEARS[folder] = years
    return years


def _years_of(parts: tuple[str, ...]) -> list[int]:
    return [int(p) for p in parts if _YEAR_DIR.match(p)]
