"""The cross-file checks over compact records give exactly what they gave over the records themselves.

`SetRecords` keeps every file's records as arrays of indexes; `reference` below is the earlier
implementation over lists of `ValueRecord`/`TaskRecord`, kept here as the specification. Both run
over generated sets full of what the checks look for: figures reported twice, two units reporting
one level, refused level claims, tasks reported twice, jumps, falls and rises, figures far from a
unit's own earlier years and from other units', unknown lines.
"""

from __future__ import annotations

import random
from pathlib import Path
from statistics import median

import pytest

from sciplan import progress as pf
from sciplan.findings import W501, W502, W504, X401, X402, X403
from sciplan.plan import Kind, Plan
from sciplan.validation import load_plan
from sciplan.validation.context import plain
from sciplan.validation.crossfile import (
    HISTORY_NEEDED,
    JUMP_FLOOR,
    PEERS_NEEDED,
    SetRecords,
    _area_text,
    _far,
    _nth_without,
    _times,
    cross_file_findings,
)

PLAN = Path(__file__).parent.parent / "data" / "plan.yaml"


class FallingPlan:
    """The shipped plan, with one level indicator whose target asks for less (W502 "rises")."""

    def __init__(self, plan: Plan):
        self._plan = plan
        level = next(i for i in plan.indicators if i.kind is Kind.LEVEL)
        self.falling = level.model_copy(update={"comparator": "<="})

    def __getattr__(self, name: str):
        return getattr(self._plan, name)

    def indicator(self, key: str):
        return self.falling if key == self.falling.id else self._plan.indicator(key)


@pytest.fixture(scope="module")
def plan() -> FallingPlan:
    return FallingPlan(load_plan(PLAN))


def reference(plan, values, tasks, claims=()):
    """The cross-file checks as they were written over the records (the specification)."""
    findings, dropped = [], set()
    first: dict[tuple, int] = {}
    for n, rec in enumerate(values):
        key = (rec.unit, rec.year, rec.area, rec.indicator)
        if key in first:
            other = values[first[key]]
            findings.append(X401.say("twice", file=rec.place.file, line=rec.place.line,
                                     unit=plan.unit(rec.unit).name, indicator=rec.indicator, year=rec.year,
                                     area=_area_text(plan, rec.area),
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
                                     unit=plan.unit(other.unit).name,
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
                                 area=_area_text(plan, claim.area), unit=plan.unit(other.unit).name,
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
    kept = [v for n, v in enumerate(values) if n not in dropped]
    by_key = {(v.unit, v.area, v.indicator, v.year): v for v in kept}
    for rec in kept:
        prev = by_key.get((rec.unit, rec.area, rec.indicator, rec.year - 1))
        ind = plan.indicator(rec.indicator)
        if prev is None or ind is None:
            continue
        if ind.is_flow and prev.value > 0 and max(prev.value, rec.value) >= JUMP_FLOOR and \
                (rec.value > 5 * prev.value or rec.value < prev.value / 5):
            findings.append(W501.say("jump", file=rec.place.file, line=rec.place.line,
                                     indicator=rec.indicator, value=plain(rec.value), year=rec.year,
                                     previous=plain(prev.value), previous_year=rec.year - 1,
                                     ratio=_times(rec.value / prev.value)))
        elif ind.kind is Kind.LEVEL and ind.rising and rec.value < prev.value:
            findings.append(W502.say("falls", file=rec.place.file, line=rec.place.line,
                                     indicator=rec.indicator, previous=plain(prev.value),
                                     previous_year=rec.year - 1, value=plain(rec.value), year=rec.year))
        elif ind.kind is Kind.LEVEL and not ind.rising and rec.value > prev.value:
            findings.append(W502.say("rises", file=rec.place.file, line=rec.place.line,
                                     indicator=rec.indicator, previous=plain(prev.value),
                                     previous_year=rec.year - 1, value=plain(rec.value), year=rec.year,
                                     comparator=ind.comparator, target=plain(ind.target)))
    flows = [v for v in kept if (ind := plan.indicator(v.indicator)) is not None and ind.is_flow]
    history: dict[tuple, list] = {}
    peers: dict[tuple, list] = {}
    for v in flows:
        history.setdefault((v.unit, v.area, v.indicator), []).append(v)
        peers.setdefault((v.indicator,), []).append(v)
    for rec in flows:
        earlier = sorted((v for v in history[(rec.unit, rec.area, rec.indicator)] if v.year < rec.year),
                         key=lambda v: v.year)
        if earlier:
            typical = median(v.value for v in earlier)
            gap_before = earlier[-1].year != rec.year - 1
            if len(earlier) >= HISTORY_NEEDED and gap_before and _far(rec.value, typical):
                findings.append(W504.say("history", file=rec.place.file, line=rec.place.line,
                                         indicator=rec.indicator, value=plain(rec.value), year=rec.year,
                                         ratio=_times(rec.value / typical), typical=plain(typical),
                                         years="、".join(str(v.year) for v in earlier)))
            continue
        others = [v for v in peers[(rec.indicator,)]
                  if v.unit != rec.unit and rec.year - 1 <= v.year <= rec.year]
        if len(others) >= PEERS_NEEDED:
            typical = median(v.value for v in others)
            if _far(rec.value, typical):
                findings.append(W504.say("peers", file=rec.place.file, line=rec.place.line,
                                         indicator=rec.indicator, value=plain(rec.value), year=rec.year,
                                         ratio=_times(rec.value / typical), typical=plain(typical),
                                         count=len(others),
                                         years="、".join(str(y) for y in sorted({v.year for v in others})),
                                         low=plain(min(v.value for v in others)),
                                         high=plain(max(v.value for v in others))))
    return findings, dropped


def generated_set(plan, seed: int, files: int = 300):
    """Records of `files` generated files: few units, areas and years, so that figures collide."""
    rng = random.Random(seed)
    units = [u.id for u in plan.units][:6]
    areas = [None, *(a.id for a in plan.areas[:3])]
    indicators = [i.id for i in plan.indicators]
    task_ids = [t.id for g in plan.groups for t in g.tasks][:5]
    years = [2021, 2022, 2023, 2024, 2025]
    values, tasks, claims = [], [], []
    for f in range(files):
        unit, area, year = rng.choice(units), rng.choice(areas), rng.choice(years)
        file = f"progress/{year}/{unit}-{f}.yaml"
        for line, indicator in enumerate(rng.sample(indicators, rng.randint(1, 8)), start=5):
            value = rng.choice([0.0, 1.0, 3.0, 12.0, 40.0, 55.5, 60.0, 300.0, 2000.0, 9000.0,
                                float(rng.randint(0, 5000))])
            place = pf.Place(file, None if rng.random() < 0.05 else line * 3)
            record = pf.ValueRecord(unit, year, area, indicator, value, place)
            (claims if rng.random() < 0.08 else values).append(record)
        for line, task in enumerate(rng.sample(task_ids, rng.randint(0, 3)), start=40):
            place = pf.Place(file, line)
            tasks.append(pf.TaskRecord(unit, year, area, task, pf.TaskStatus.DONE, "done", place))
    return values, tasks, claims


@pytest.mark.parametrize("seed", range(12))
def test_compact_records_give_the_findings_of_the_records(plan, seed: int) -> None:
    values, tasks, claims = generated_set(plan, seed)
    expected = reference(plan, values, tasks, claims)
    assert cross_file_findings(plan, values, tasks, claims) == expected
    # Added a few records at a time, as the runner streams files, they give the same again.
    records = SetRecords()
    for n in range(0, max(len(values), len(tasks), len(claims)), 7):
        records.add(values[n:n + 7], tasks[n:n + 7], claims[n:n + 7])
    assert records.findings(plan) == expected


def test_the_generated_sets_raise_every_cross_file_code(plan) -> None:
    """The comparison above is only worth something when the sets give each finding."""
    keys = {f.key for seed in range(12) for f in reference(plan, *generated_set(plan, seed))[0]}
    assert {f"finding.{key}" for key in ("X401.twice", "X402.also", "X402.stands", "X403.twice", "W501.jump",
                                         "W502.falls", "W502.rises", "W504.history", "W504.peers")} <= keys


def test_nothing_to_check() -> None:
    assert SetRecords().findings(load_plan(PLAN)) == ([], set())


def test_nth_figure_with_some_left_out() -> None:
    """The k-th smallest of the figures without a unit's own, as if they had been taken out."""
    rng = random.Random(7)
    for _ in range(3000):
        figures = [float(rng.randint(0, 6)) for _ in range(rng.randint(1, 12))]
        left_out = rng.sample(figures, rng.randint(0, len(figures) - 1))
        rest = list(figures)
        for figure in left_out:
            rest.remove(figure)
        rest.sort()
        for k in range(len(rest)):
            assert _nth_without(sorted(figures), sorted(left_out), k) == rest[k]
