"""A plan's integrity: everything a well-formed plan must satisfy beyond its field types.

`integrity_problems` returns (path, code, message) triples so the caller can locate them and word
them (the message is an i18n.Message: an id and its fields).
"""

from __future__ import annotations

from ..domain import Kind
from ..findings import C002, C003, C004, C005, C006, C007, Code
from ..i18n import Message
from .models import Indicator, Plan, ValueType


def integrity_problems(plan: Plan) -> list[tuple[tuple[str | int, ...], Code, Message]]:
    """Everything a well-formed plan must satisfy beyond its field types, as (path, code, message):
    the message an i18n.Message, worded in the language of whoever reads it."""
    problems: list[tuple[tuple[str | int, ...], Code, Message]] = []

    def unique(items: list, section: str, label: str) -> None:
        seen: dict[str, int] = {}
        for n, item in enumerate(items):
            if item.id in seen:
                name = Message(f"finding.plan.label.{label}")
                problems.append(((section, n, "id"), C002,
                                 C002.message("id_twice", label=name, id=item.id,
                                              first=f"{section}[{seen[item.id]}]")))
            seen.setdefault(item.id, n)

    areas_key = "townships" if plan.townships is not None else "areas"
    unique(plan.group_kinds, "group_kinds", "group_kind")
    unique(plan.groups, "groups", "group")
    unique(plan.indicators, "indicators", "indicator")
    unique(plan.units, "units", "unit")
    unique(plan.areas, areas_key, "township")
    unique(plan.milestones, "milestones", "milestone")
    if plan.townships is not None and "areas" in plan.model_fields_set:
        problems.append((("townships",), C002, C002.message("areas_twice")))
    kind_ids = {k.id for k in plan.group_kinds}
    task_seen: set[str] = set()
    for g, group in enumerate(plan.groups):
        if group.kind not in kind_ids:
            problems.append((("groups", g, "kind"), C003,
                             Message("finding.plan.unknown_group_kind", id=group.kind,
                                     kinds=", ".join(sorted(kind_ids)) or "-")))
        for t, task in enumerate(group.tasks):
            if task.id in task_seen:
                problems.append((("groups", g, "tasks", t, "id"), C002,
                                 C002.message("task_twice", id=task.id)))
            task_seen.add(task.id)
            if task.id != f"{group.id}.{task.number}":
                problems.append((("groups", g, "tasks", t, "id"), C002,
                                 C002.message("task_number", id=task.id,
                                              expected=f"{group.id}.{task.number}")))
            if group.responsibility is None and task.responsibility is None:
                problems.append((("groups", g, "tasks", t), C004,
                                 C004.message("no_responsibility", task=task.id)))

    unit_ids = {u.id for u in plan.units}
    if plan.coordinator is not None and plan.coordinator not in unit_ids:
        problems.append((("coordinator",), C003, Message("finding.plan.unknown_unit", id=plan.coordinator)))
    names: dict[str, str] = {}
    for n, unit in enumerate(plan.units):
        for key in (unit.name, *unit.aliases):
            if key in names and names[key] != unit.id:
                problems.append((("units", n), C005,
                                 C005.message("name_twice", name=key, unit=unit.id,
                                              other=names[key])))
            names.setdefault(key, unit.id)
        if unit.hosted_by is not None and unit.hosted_by not in unit_ids:
            problems.append((("units", n, "hosted_by"), C003,
                             Message("finding.plan.unknown_unit", id=unit.hosted_by)))

    for g, group in enumerate(plan.groups):
        owners = [(("groups", g, "responsibility"), group.responsibility)]
        owners += [(("groups", g, "tasks", t, "responsibility"), task.responsibility)
                   for t, task in enumerate(group.tasks)]
        for here, responsibility in owners:
            if responsibility is None:
                continue
            for role in ("lead", "participating"):
                for k, unit_id in enumerate(getattr(responsibility, role)):
                    if unit_id not in unit_ids:
                        problems.append(((*here, role, k), C003,
                                         Message("finding.plan.unknown_unit", id=unit_id)))

    indicator_ids = {i.id for i in plan.indicators}
    task_ids = task_seen | ({plan.goal.id} if plan.goal is not None else set())
    if plan.goal is not None and plan.goal.indicator is not None and plan.goal.indicator not in indicator_ids:
        problems.append((("goal", "indicator"), C003,
                         Message("finding.plan.unknown_indicator", id=plan.goal.indicator)))
    area_ids = {a.id for a in plan.areas}
    for n, ind in enumerate(plan.indicators):
        here = ("indicators", n)
        if ind.task not in task_ids:
            problems.append(((*here, "task"), C003, Message("finding.plan.unknown_task", id=ind.task)))
        if isinstance(ind.reported_by, list):
            for k, unit_id in enumerate(ind.reported_by):
                if unit_id not in unit_ids:
                    problems.append(((*here, "reported_by", k), C003,
                                     Message("finding.plan.unknown_unit", id=unit_id)))
        if ind.breakdown is not None:
            for area_id in ind.breakdown.areas:
                if area_id not in area_ids:
                    problems.append(((*here, "breakdown", "areas", area_id), C003,
                                     Message("finding.plan.unknown_area", id=area_id)))
            for unit_id in ind.breakdown.units:
                if unit_id not in unit_ids:
                    problems.append(((*here, "breakdown", "units", unit_id), C003,
                                     Message("finding.plan.unknown_unit", id=unit_id)))
        problems.extend(((*here, *p), C004, m) for p, m in _target_problems(plan, ind, indicator_ids))
        if ind.is_flow and ind.baseline is not None:
            problems.append(((*here, "baseline"), C006,
                             C006.message("flow_baseline", kind=Message(f"screen.kind.{ind.kind}"))))
    for n, milestone in enumerate(plan.milestones):
        for k, unit_id in enumerate(milestone.responsible):
            if unit_id not in unit_ids:
                problems.append((("milestones", n, "responsible", k), C003,
                                 Message("finding.plan.unknown_unit", id=unit_id)))
        if milestone.task is not None and milestone.task not in task_seen:
            problems.append((("milestones", n, "task"), C003,
                             Message("finding.plan.unknown_task", id=milestone.task)))
        if milestone.year is None and milestone.due is None:
            problems.append((("milestones", n), C004, C004.message("milestone_when")))
        elif not plan.period.start <= milestone.year_due <= plan.period.end:
            key = "year" if "year" in milestone.model_fields_set else "due"
            problems.append((("milestones", n, key), C004,
                             C004.message("milestone_year", year=milestone.year_due)))
    for n, revision in enumerate(plan.revisions):
        if revision.version > plan.version:
            problems.append((("revisions", n, "version"), C004,
                             C004.message("revision_version", version=revision.version,
                                          current=plan.version)))
    if plan.period.start > plan.period.end:
        problems.append((("period",), C004, C004.message("period")))
    problems.extend(_range_problems(plan))
    t = plan.assessment.thresholds
    if not t.on_track > t.needs_acceleration > t.limited_progress:
        problems.append((("assessment", "thresholds"), C004, C004.message("thresholds")))
    return problems


# What a plan's numbers may be. Years: a plan of the People's Republic, written for the years ahead;
# a period of a few decades at most (five-year plans, 2035 visions). Figures: up to a trillion, far
# beyond any county's or province's count, and small enough that sums over every report stay finite.
FIRST_YEAR, LAST_YEAR, LONGEST_PERIOD = 1949, 2200, 50
LARGEST_FIGURE = 1e12


def _range_problems(plan: Plan):
    """Numbers a plan may hold, so that no later computation loops for ever or overflows."""
    start, end = plan.period.start, plan.period.end
    for key, year in (("start", start), ("end", end)):
        if not FIRST_YEAR <= year <= LAST_YEAR:
            yield ("period", key), C007, C007.message("year", year=year, first=FIRST_YEAR, last=LAST_YEAR)
    if end - start + 1 > LONGEST_PERIOD:
        yield ("period",), C007, C007.message("period", years=end - start + 1, longest=LONGEST_PERIOD)
    for n, ind in enumerate(plan.indicators):
        here = ("indicators", n)
        figures = [(("target",), ind.target), (("baseline", "value"), ind.baseline and ind.baseline.value)]
        figures += [(("by_year", year), value) for year, value in ind.by_year.items()]
        if ind.breakdown is not None:
            figures += [(("breakdown", part, key), value) for part in ("areas", "units")
                        for key, value in getattr(ind.breakdown, part).items()]
        for path, value in figures:
            if value is None:
                continue
            if abs(value) > LARGEST_FIGURE:
                yield (*here, *path), C007, C007.message("figure", value=f"{value:g}",
                                                         largest=f"{LARGEST_FIGURE:g}")
            elif ind.value_type is ValueType.PERCENT and not 0 <= value <= 100:
                yield (*here, *path), C007, C007.message("percent", value=f"{value:g}")
        if ind.ratio is not None and ind.ratio.denominator_scale > LARGEST_FIGURE:
            yield (*here, "ratio", "denominator_scale"), C007, C007.message(
                "figure", value=f"{ind.ratio.denominator_scale:g}", largest=f"{LARGEST_FIGURE:g}")


def _target_problems(plan: Plan, ind: Indicator, indicator_ids: set[str]):
    target_fields = (ind.comparator, ind.target)
    if ind.role == "input":
        if any(v is not None for v in (*target_fields, ind.target_year)) or ind.by_year or ind.breakdown:
            yield ("target",), C004.message("input_target")
        if ind.kind is not Kind.LEVEL:
            yield ("kind",), C004.message("input_kind")
        return
    if None in target_fields:
        yield ("target",), C004.message("no_target")
    if ind.kind is Kind.CUMULATIVE and not ind.rising:
        yield ("comparator",), C004.message("cumulative_falling", comparator=ind.comparator)
    for year in ind.by_year:
        last = plan.period.end if ind.kind is Kind.ANNUAL else (ind.target_year or plan.period.end) - 1
        if not plan.period.start <= year <= last:
            yield ("by_year", year), C004.message("by_year", year=year, first=plan.period.start, last=last)
    if ind.kind is Kind.ANNUAL and ind.target_year is not None:
        yield ("target_year",), C004.message("annual_year")
    if ind.kind is not Kind.ANNUAL:
        if ind.target_year is None:
            kind = Message(f"screen.kind.{ind.kind}")
            yield ("target_year",), C004.message("needs_year", kind=kind)
        elif not plan.period.start <= ind.target_year <= plan.period.end:
            yield ("target_year",), C004.message("year_outside", year=ind.target_year)
    if ind.kind is Kind.RATIO:
        if ind.ratio is None:
            yield ("ratio",), C004.message("ratio_inputs")
        else:
            for part in ("numerator", "denominator"):
                ref = getattr(ind.ratio, part)
                if ref not in indicator_ids:
                    yield ("ratio", part), Message("finding.plan.unknown_indicator", id=ref)
                elif plan.indicator(ref).kind is not Kind.LEVEL:  # type: ignore[union-attr]
                    yield ("ratio", part), C004.message("input_not_level", id=ref)
        if ind.reported_by not in ([],):
            yield ("reported_by",), C004.message("ratio_reported")
    elif ind.ratio is not None:
        yield ("ratio",), C004.message("inputs_not_ratio")
    if ind.kind is Kind.LEVEL and ind.reported_by != "group" and len(ind.reported_by) != 1:
        yield ("reported_by",), C004.message("level_one_unit")
    if ind.kind is Kind.LEVEL and ind.reported_by == "group":
        yield ("reported_by",), C004.message("level_not_group")
    if ind.kind is Kind.LEVEL and ind.additive is None:
        yield ("additive",), C004.message("additive")
    if ind.baseline is not None and not plan.period.start - 10 <= ind.baseline.year <= plan.period.end:
        yield ("baseline", "year"), C004.message("baseline_year")
