"""The set of progress files as a whole: double counting, conflicting levels and implausible changes.

Runs over the records of every file once the files are checked: the same figure reported twice
(X401), two units reporting one level (X402), a task reported twice (X403), and the plausibility
warnings that compare a unit's figure with its previous year's (W501; W502 in the target's
direction), with its earlier years and with what other units report (W504). Returns findings and
which value records must not be counted; reads nothing but the plan and the records.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from .. import progress as pf
from ..findings import W501, W502, W504, X401, X402, X403, Finding
from ..i18n import Message
from ..plan import Kind, Plan
from .context import plain


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
    del first, level_owner, task_seen  # the plausibility index is as large: not both at once
    kept = [v for n, v in enumerate(values) if n not in dropped]
    findings.extend(_plausibility(plan, kept))
    findings.extend(_out_of_place(plan, kept))
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
                                     indicator=rec.indicator, value=plain(rec.value), year=rec.year,
                                     previous=plain(prev.value), previous_year=rec.year - 1,
                                     ratio=_times(rec.value / prev.value)))
        elif ind.kind is Kind.LEVEL and ind.rising and rec.value < prev.value:
            findings.append(W502.say("falls", file=rec.place.file, line=rec.place.line,
                                     indicator=rec.indicator, previous=plain(prev.value),
                                     previous_year=rec.year - 1, value=plain(rec.value), year=rec.year))
        elif ind.kind is Kind.LEVEL and not ind.rising and rec.value > prev.value:  # away from its target
            findings.append(W502.say("rises", file=rec.place.file, line=rec.place.line,
                                     indicator=rec.indicator, previous=plain(prev.value),
                                     previous_year=rec.year - 1, value=plain(rec.value), year=rec.year,
                                     comparator=ind.comparator, target=plain(ind.target)))
    return findings


OUT_OF_PLACE = 5  # W504: more than this many times the typical figure, or less than its inverse
PEERS_NEEDED = 3  # other units' figures (that year and the one before) before they make a typical figure
HISTORY_NEEDED = 2  # earlier years of the unit's own before they make a typical figure


def _far(value: float, typical: float) -> bool:
    """`value` more than OUT_OF_PLACE times `typical` or under its inverse, figures of 10 and more."""
    if typical <= 0 or max(value, typical) < JUMP_FLOOR:
        return False
    return value > OUT_OF_PLACE * typical or value < typical / OUT_OF_PLACE


def _out_of_place(plan: Plan, values: list[pf.ValueRecord]) -> list[Finding]:
    """W504: a flow far from the median of the unit's earlier years (when W501 has no previous year to
    judge by) or, for a unit that never reported it before, from what other units report for the same
    indicator in the same year or the one before (for the whole or an area: a round half collected is
    compared with last year's reports too). Figures of one indicator differ widely between units, so a
    unit with figures of its own is held to those."""
    flows = [v for v in values if (ind := plan.indicator(v.indicator)) is not None and ind.is_flow]
    history: dict[tuple, list[pf.ValueRecord]] = {}
    peers: dict[tuple, list[pf.ValueRecord]] = {}
    for v in flows:
        history.setdefault((v.unit, v.area, v.indicator), []).append(v)
        peers.setdefault((v.indicator, v.year), []).append(v)
    for own in history.values():
        own.sort(key=lambda v: v.year)  # stable: figures of one year keep their order
    findings = []
    peer_typical: dict[tuple, float | None] = {}  # (indicator, year, unit) -> median of the others
    for rec in flows:
        earlier = [v for v in history[(rec.unit, rec.area, rec.indicator)] if v.year < rec.year]
        if earlier:  # its own figures are the measure; the previous year's is W501's
            gap_before = earlier[-1].year != rec.year - 1
            if len(earlier) >= HISTORY_NEEDED and gap_before:
                typical = median(v.value for v in earlier)
                if _far(rec.value, typical):
                    findings.append(W504.say("history", file=rec.place.file, line=rec.place.line,
                                             indicator=rec.indicator, value=plain(rec.value), year=rec.year,
                                             ratio=_times(rec.value / typical), typical=plain(typical),
                                             years="、".join(str(v.year) for v in earlier)))
            continue
        key = (rec.indicator, rec.year, rec.unit)  # every area of a unit has the same peers
        if key not in peer_typical:
            others = _peers(peers, rec)
            peer_typical[key] = median(v.value for v in others) if len(others) >= PEERS_NEEDED else None
        typical = peer_typical[key]
        if typical is not None and _far(rec.value, typical):
            others = _peers(peers, rec)
            years = "、".join(str(y) for y in sorted({v.year for v in others}))
            findings.append(W504.say("peers", file=rec.place.file, line=rec.place.line,
                                     indicator=rec.indicator, value=plain(rec.value), year=rec.year,
                                     ratio=_times(rec.value / typical), typical=plain(typical),
                                     count=len(others), years=years,
                                     low=plain(min(v.value for v in others)),
                                     high=plain(max(v.value for v in others))))
    return findings


def _peers(peers: dict[tuple, list[pf.ValueRecord]], rec: pf.ValueRecord) -> list[pf.ValueRecord]:
    """Other units' figures for the record's indicator, that year and the one before."""
    return [v for year in (rec.year - 1, rec.year) for v in peers.get((rec.indicator, year), ())
            if v.unit != rec.unit]
