"""What the section checkers ask the plan for every clean entry, worked out once per plan.

A clean value entry needs to know whether its indicator is one of the plan's (and no ratio), whether
the file's unit reports it and how large its figure may be; a clean task entry, whether the task is
one the unit reports on. `lookups(plan)` keeps the answers in plain dictionaries and sets, built the
first time a plan checks a file; the plan is frozen, so they never go stale. An entry that is not
clean is checked step by step, asking the plan itself, which words what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..plan import Kind, Plan, ValueType


@dataclass(frozen=True)
class Lookups:
    # indicator id -> (the id, the units that report it, the largest figure, whole numbers only);
    # computed ratios are left out: no entry may report one
    figures: dict[str, tuple[str, frozenset[str], float, bool]]
    task_units: dict[str, frozenset[str]]  # task id -> the units that report on it


_CACHE: dict[int, tuple[Plan, Lookups]] = {}  # id(plan) -> the plan (kept alive, so its id stays its own)
_CACHE_SIZE = 4


def lookups(plan: Plan) -> Lookups:
    cached = _CACHE.get(id(plan))
    if cached is not None and cached[0] is plan:
        return cached[1]
    from .values import LARGEST

    figures = {
        indicator.id: (indicator.id, frozenset(plan.reporters(indicator)), LARGEST[indicator.value_type],
                       indicator.value_type is ValueType.COUNT)
        for indicator in plan.indicators if indicator.kind is not Kind.RATIO
    }
    task_units = {task.id: frozenset(plan.task_units(task.id))
                  for group in plan.groups for task in group.tasks}
    found = Lookups(figures=figures, task_units=task_units)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(plan)] = (plan, found)
    return found
