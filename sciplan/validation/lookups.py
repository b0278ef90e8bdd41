"""What the section checkers ask the plan for every entry, worked out once per plan.

A clean entry needs three answers: is the indicator (or task) one the plan knows, may the file's
unit report it, and how large may its figure be. `lookups(plan)` keeps them in plain dictionaries
and sets, built the first time a plan checks a file; the plan is frozen, so they never go stale.
Anything that ends in a finding still asks the plan itself, which words it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..plan import Kind, Plan, ValueType


@dataclass(frozen=True)
class Lookups:
    indicators: dict[str, object]  # id -> Indicator
    reporters: dict[str, frozenset[str]]  # indicator id -> units that may report it (not for ratios)
    bounds: dict[str, tuple[float, bool]]  # indicator id -> (largest figure, whole numbers only)
    # indicator id -> (the id, its reporters, largest figure, whole numbers only), ratios left out:
    # all a clean entry needs, in one look-up
    figures: dict[str, tuple[str, frozenset[str], float, bool]]
    task_units: dict[str, frozenset[str]]  # task id -> units that report on it


_CACHE: dict[int, tuple[Plan, Lookups]] = {}  # id(plan) -> the plan (kept alive, so its id stays its own)
_CACHE_SIZE = 4


def lookups(plan: Plan) -> Lookups:
    cached = _CACHE.get(id(plan))
    if cached is not None and cached[0] is plan:
        return cached[1]
    from .values import LARGEST

    reporters: dict[str, frozenset[str]] = {}
    bounds: dict[str, tuple[float, bool]] = {}
    for indicator in plan.indicators:
        if indicator.kind is not Kind.RATIO:
            reporters[indicator.id] = frozenset(plan.reporters(indicator))
        bounds[indicator.id] = (LARGEST[indicator.value_type], indicator.value_type is ValueType.COUNT)
    task_units = {task.id: frozenset(plan.task_units(task.id))
                  for group in plan.groups for task in group.tasks}
    figures = {key: (key, units, *bounds[key]) for key, units in reporters.items()}
    found = Lookups(indicators={i.id: i for i in plan.indicators}, reporters=reporters, bounds=bounds,
                    figures=figures, task_units=task_units)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(plan)] = (plan, found)
    return found
