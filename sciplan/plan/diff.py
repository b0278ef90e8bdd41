"""What changed between two versions of a plan: groups, tasks, indicators, units and areas added,
removed or changed, field by field (`sciplan plan diff OLD NEW`). Pure: two plans in, one value out.

A field's values are kept as JSON would show them (a `by_year` table keyed by year strings, a
breakdown as its two tables), so the JSON document is the value's own `as_dict()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from .models import Plan

DIFF_SCHEMA_VERSION = 1
WHAT = ("group", "task", "indicator", "unit", "area")  # the order changes are listed in


@dataclass(frozen=True)
class FieldChange:
    """One field of an item that both plans have, with its value in each (as JSON shows it)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Change:
    """An item added, removed, or changed (then with the fields that differ)."""

    what: str  # one of WHAT
    id: str
    change: str  # added | removed | changed
    name: str  # the item's name in the newer plan (the older one's when removed)
    fields: tuple[FieldChange, ...] = ()


class PlanSide(NamedTuple):
    """One of the two plans compared: its file as shown, its id and version."""

    file: str
    plan: str
    version: int


@dataclass(frozen=True)
class PlanDiff:
    """The changes from the older plan to the newer; `as_dict()` is `sciplan plan diff`'s JSON."""

    old: PlanSide
    new: PlanSide
    changes: tuple[Change, ...] = field(default=())

    @property
    def same(self) -> bool:
        return not self.changes

    def as_dict(self) -> dict:
        return {"schema_version": DIFF_SCHEMA_VERSION, "old": self.old._asdict(), "new": self.new._asdict(),
                "same": self.same,
                "changes": [{**asdict(c), "fields": [asdict(f) for f in c.fields]} for c in self.changes]}


def _responsibility(item: Any) -> dict[str, Any]:
    r = item.responsibility
    return {"lead": list(r.lead) if r else [], "participating": list(r.participating) if r else []}


def _breakdown(indicator: Any) -> dict | None:
    b = indicator.breakdown
    return None if b is None else {"areas": dict(b.areas), "units": dict(b.units)}


# What is compared of each kind of item: field name -> its value, as JSON shows it.
FIELDS: dict[str, dict[str, Callable[[Any], Any]]] = {
    "group": {"kind": lambda g: g.kind, "title": lambda g: g.title,
              "lead": lambda g: _responsibility(g)["lead"],
              "participating": lambda g: _responsibility(g)["participating"]},
    "task": {"title": lambda t: t.title, "lead": lambda t: _responsibility(t)["lead"],
             "participating": lambda t: _responsibility(t)["participating"]},
    "indicator": {"name": lambda i: i.name, "kind": lambda i: str(i.kind),
                  "comparator": lambda i: i.comparator,
                  "target": lambda i: i.target, "target_year": lambda i: i.target_year,
                  "by_year": lambda i: {str(y): v for y, v in sorted(i.by_year.items())},
                  "breakdown": _breakdown, "task": lambda i: i.task, "reported_by": lambda i: i.reported_by},
    "unit": {"name": lambda u: u.name},
    "area": {"name": lambda a: a.name},
}


def _items(plan: Plan, what: str) -> dict[str, Any]:
    found: Iterable[Any] = {
        "group": lambda: plan.groups, "task": lambda: [t for g in plan.groups for t in g.tasks],
        "indicator": lambda: plan.indicators, "unit": lambda: plan.units, "area": lambda: plan.areas,
    }[what]()
    return {item.id: item for item in found}


def _name(item: Any) -> str:
    return getattr(item, "name", None) or getattr(item, "title", "")


def diff_plans(old: Plan, new: Plan, old_file: str = "", new_file: str = "") -> PlanDiff:
    """Every item of the two plans that one has and the other lacks, or whose fields differ; in the
    order of WHAT, then the newer plan's order (removed items after, in the older plan's order)."""
    changes: list[Change] = []
    for what in WHAT:
        before, after = _items(old, what), _items(new, what)
        for item_id, item in after.items():
            if item_id not in before:
                changes.append(Change(what, item_id, "added", _name(item)))
                continue
            fields = tuple(FieldChange(name, a, b) for name, read in FIELDS[what].items()
                           if (a := read(before[item_id])) != (b := read(item)))
            if fields:
                changes.append(Change(what, item_id, "changed", _name(item), fields))
        changes += [Change(what, item_id, "removed", _name(item))
                    for item_id, item in before.items() if item_id not in after]
    return PlanDiff(PlanSide(old_file, old.id, old.version), PlanSide(new_file, new.id, new.version),
                    tuple(changes))
