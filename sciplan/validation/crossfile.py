"""The set of progress files as a whole: double counting, conflicting levels and implausible changes.

Runs over the records of every file once the files are checked: the same figure reported twice
(X401), two units reporting one level (X402), a task reported twice (X403), and the plausibility
warnings that compare a unit's figure with its previous year's (W501; W502 in the target's
direction), with its earlier years and with what other units report (W504). Returns findings and
which value records must not be counted; reads nothing but the plan and the records.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
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
    records = SetRecords()
    records.add(values, tasks, claims)
    return records.findings(plan)


class _Columns:
    """Records of one kind, one array per field: ids and file names as indexes into `SetRecords`'
    tables, the line as -1 when unknown."""

    def __init__(self, with_value: bool):
        self.unit, self.area, self.name = array("i"), array("i"), array("i")
        self.year = array("q")
        self.file, self.line = array("i"), array("i")
        self.value = array("d") if with_value else None

    def __len__(self) -> int:
        return len(self.unit)


class SetRecords:
    """What the cross-file checks need of every file's records, kept compact.

    A value record costs ~40 bytes here instead of ~200 as a `ValueRecord` with its `Place`: one
    array per field, each id and file name stored once in a table and referred to by its index.
    Files are added one after the other (`add`), so a run need not keep their records;
    `findings` then gives exactly what the checks give over the records themselves."""

    def __init__(self) -> None:
        self._ids: dict[str | None, int] = {}
        self.ids: list[str | None] = []
        self._files: dict[str, int] = {}
        self.files: list[str] = []
        self.values = _Columns(with_value=True)
        self.tasks = _Columns(with_value=False)
        self.claims = _Columns(with_value=False)

    def add(self, values: Iterable[pf.ValueRecord], tasks: Iterable[pf.TaskRecord],
            claims: Iterable[pf.ValueRecord] = ()) -> None:
        for rec in values:
            self._put(self.values, rec.unit, rec.year, rec.area, rec.indicator, rec.place)
            self.values.value.append(rec.value)  # type: ignore[union-attr]
        for task in tasks:
            self._put(self.tasks, task.unit, task.year, task.area, task.task, task.place)
        for claim in claims:
            self._put(self.claims, claim.unit, claim.year, claim.area, claim.indicator, claim.place)

    def _id(self, word: str | None) -> int:
        n = self._ids.get(word)
        if n is None:
            n = self._ids[word] = len(self.ids)
            self.ids.append(word)
        return n

    def _put(self, columns: _Columns, unit: str, year: int, area: str | None, name: str, place: pf.Place
             ) -> None:
        file = self._files.get(place.file)
        if file is None:
            file = self._files[place.file] = len(self.files)
            self.files.append(place.file)
        columns.unit.append(self._id(unit))
        columns.year.append(year)
        columns.area.append(self._id(area))
        columns.name.append(self._id(name))
        columns.file.append(file)
        columns.line.append(-1 if place.line is None else place.line)

    def _where(self, columns: _Columns, n: int) -> tuple[str, int | None]:
        line = columns.line[n]
        return self.files[columns.file[n]], None if line < 0 else line

    def _other(self, columns: _Columns, n: int) -> str:
        file, line = self._where(columns, n)
        return f"{file}:{line}"

    def _repeats(self, columns: _Columns) -> list[tuple[int, int]]:
        """(record, the first record with its unit, year, area and id) for each record whose four are
        those of an earlier one, in the records' order."""
        size, radix = len(columns), len(self.ids)
        if not size:
            return []
        low = min(columns.year)
        span = max(columns.year) - low + 1
        # One integer per record: its key, then its index; sorted, equal keys stand together, first first.
        order = sorted(((((u * radix + a) * radix + d) * span + y - low) * size + n
                        for n, (u, a, d, y) in enumerate(zip(columns.unit, columns.area, columns.name,
                                                             columns.year, strict=True))))
        repeats = []
        last_key = first = -1
        for code in order:
            key, n = divmod(code, size)
            if key == last_key:
                repeats.append((n, first))
            else:
                last_key, first = key, n
        repeats.sort()
        return repeats

    def findings(self, plan: Plan) -> tuple[list[Finding], set[int]]:
        """Double counting, conflicting levels and implausible jumps (see `cross_file_findings`)."""
        ids, values = self.ids, self.values
        findings: list[Finding] = []
        dropped: set[int] = set()
        for n, first in self._repeats(values):
            file, line = self._where(values, n)
            findings.append(X401.say("twice", file=file, line=line,
                                     unit=plan.unit(ids[values.unit[n]]).name,  # type: ignore[arg-type,union-attr]
                                     indicator=ids[values.name[n]], year=values.year[n],
                                     area=_area_text(plan, ids[values.area[n]]),
                                     other=self._other(values, first)))
            dropped.add(n)
        indicators = [plan.indicator(word) if word is not None else None for word in ids]
        levels = {n for n, ind in enumerate(indicators) if ind is not None and ind.kind is Kind.LEVEL}
        level_owner: dict[tuple, int] = {}
        for n, indicator in enumerate(values.name):
            if indicator not in levels or n in dropped:
                continue
            key = (values.year[n], values.area[n], indicator)
            owner = level_owner.get(key)
            if owner is None:
                level_owner[key] = n
            elif values.unit[owner] != values.unit[n]:
                file, line = self._where(values, n)
                findings.append(X402.say("also", file=file, line=line, indicator=ids[indicator],
                                         year=values.year[n], area=_area_text(plan, ids[values.area[n]]),
                                         unit=plan.unit(ids[values.unit[owner]]).name,  # type: ignore[arg-type,union-attr]
                                         other=self._other(values, owner)))
                dropped.add(n)
        claims = self.claims
        for n in range(len(claims)):
            owner = level_owner.get((claims.year[n], claims.area[n], claims.name[n]))
            if owner is None or owner in dropped or values.unit[owner] == claims.unit[n]:
                continue
            file, line = self._where(claims, n)
            findings.append(X402.say("stands", file=file, line=line, indicator=ids[claims.name[n]],
                                     year=claims.year[n], area=_area_text(plan, ids[claims.area[n]]),
                                     unit=plan.unit(ids[values.unit[owner]]).name,  # type: ignore[arg-type,union-attr]
                                     other=self._other(values, owner)))
        del level_owner
        tasks = self.tasks
        for n, first in self._repeats(tasks):
            file, line = self._where(tasks, n)
            findings.append(X403.say("twice", file=file, line=line, task=ids[tasks.name[n]],
                                     year=tasks.year[n], other=self._other(tasks, first)))
        findings.extend(self._plausibility(plan, indicators, dropped))
        return findings, dropped

    def _series(self, dropped: set[int]) -> Iterator[list[int]]:
        """The counted value records of each unit, area and indicator, as indexes in year order."""
        values, radix = self.values, len(self.ids)
        size = len(values)
        order = sorted(((u * radix + a) * radix + d) * size + n
                       for n, (u, a, d) in enumerate(zip(values.unit, values.area, values.name, strict=True))
                       if n not in dropped)
        year = values.year
        series: list[int] = []
        last_key = -1
        for code in order:
            key, n = divmod(code, size)
            if key != last_key:
                if series:
                    yield sorted(series, key=year.__getitem__)
                series, last_key = [], key
            series.append(n)
        if series:
            yield sorted(series, key=year.__getitem__)

    def _plausibility(self, plan: Plan, indicators: list, dropped: set[int]) -> list[Finding]:
        """W501 and W502 (each figure against the year before), then W504, each in the order of the
        records.

        W504: a flow far from the median of the unit's earlier years (when W501 has no previous year
        to judge by) or, for a unit that never reported it before, from what other units report for
        the same indicator in the same year or the one before (for the whole or an area: a round half
        collected is compared with last year's reports too). Figures of one indicator differ widely
        between units, so a unit with figures of its own is held to those."""
        values = self.values
        year = values.year
        flows = {n for n, ind in enumerate(indicators) if ind is not None and ind.is_flow}
        jumps: list[tuple[int, Finding]] = []
        far: list[tuple[int, Finding]] = []
        newcomers = array("i")  # flows a unit reports for the first time: judged by other units' figures
        for series in self._series(dropped):
            ind = indicators[values.name[series[0]]]
            if ind is None:
                continue
            flow = values.name[series[0]] in flows
            for t, n in enumerate(series):
                if t and year[series[t - 1]] == year[n] - 1:
                    finding = _against_previous(plan, ind, n, series[t - 1], self)
                    if finding is not None:
                        jumps.append((n, finding))
                if flow and t:
                    finding = self._far_from_own(ind, n, series[:t])
                    if finding is not None:
                        far.append((n, finding))
                elif flow:
                    newcomers.append(n)
        far.extend(self._far_from_peers(indicators, newcomers, flows, dropped))
        jumps.sort(key=lambda item: item[0])
        far.sort(key=lambda item: item[0])
        return [finding for _, finding in jumps] + [finding for _, finding in far]

    def _far_from_own(self, ind, n: int, earlier: list[int]) -> Finding | None:
        """W504 against the median of the unit's own earlier years (`earlier`, in year order)."""
        values = self.values
        year, value = values.year[n], values.value[n]  # type: ignore[index]
        if len(earlier) < HISTORY_NEEDED or values.year[earlier[-1]] == year - 1:
            return None  # too few years of its own, or the previous year's, which is W501's
        typical = median(values.value[m] for m in earlier)  # type: ignore[index]
        if not _far(value, typical):
            return None
        file, line = self._where(values, n)
        return W504.say("history", file=file, line=line, indicator=ind.id, value=plain(value), year=year,
                        ratio=_times(value / typical), typical=plain(typical),
                        years="、".join(str(values.year[m]) for m in earlier))

    def _far_from_peers(self, indicators: list, newcomers: array, flows: set[int], dropped: set[int]
                        ) -> list[tuple[int, Finding]]:
        """W504 against the median of the other units' figures for the indicator that year and the
        year before. Taken indicator by indicator and year by year: all units' figures sorted once,
        each unit's own left out by `_nth_without` rather than by copying the rest."""
        values = self.values
        asked: dict[tuple[int, int], list[int]] = {}
        for n in newcomers:
            asked.setdefault((values.name[n], values.year[n]), []).append(n)
        if not asked:
            return []
        counted: dict[tuple[int, int], array] = {}  # (indicator, year) -> its counted flow records
        for n, indicator in enumerate(values.name):
            if indicator in flows and n not in dropped:
                counted.setdefault((indicator, values.year[n]), array("i")).append(n)
        found = []
        for (indicator, year), members in asked.items():
            figures: list[float] = []
            own: dict[int, list[float]] = {}
            units_by_year = {}
            for y in (year - 1, year):
                units = array("i", (values.unit[m] for m in counted.get((indicator, y), ())))
                units_by_year[y] = units
                for m in counted.get((indicator, y), ()):
                    figures.append(values.value[m])  # type: ignore[index]
                    own.setdefault(values.unit[m], []).append(values.value[m])  # type: ignore[index]
            figures.sort()
            for mine in own.values():
                mine.sort()
            for n in members:
                unit = values.unit[n]
                mine = own.get(unit, [])
                count = len(figures) - len(mine)
                if count < PEERS_NEEDED:
                    continue
                half = count // 2
                typical = _nth_without(figures, mine, half) if count % 2 else \
                    (_nth_without(figures, mine, half - 1) + _nth_without(figures, mine, half)) / 2
                value = values.value[n]  # type: ignore[index]
                if not _far(value, typical):
                    continue
                years = [y for y, units in units_by_year.items() if len(units) > units.count(unit)]
                file, line = self._where(values, n)
                found.append((n, W504.say("peers", file=file, line=line, indicator=indicators[indicator].id,
                                          value=plain(value), year=year, ratio=_times(value / typical),
                                          typical=plain(typical), count=count,
                                          years="、".join(str(y) for y in years),
                                          low=plain(_nth_without(figures, mine, 0)),
                                          high=plain(_nth_without(figures, mine, count - 1)))))
        return found


def _nth_without(figures: list[float], left_out: list[float], k: int) -> float:
    """The k-th smallest (from 0) of the sorted `figures` once the sorted `left_out`, which are
    among them, are taken away: the first figure that has k + 1 of the rest at or below it."""
    low, high = 0, len(figures) - 1
    while low < high:
        middle = (low + high) // 2
        figure = figures[middle]
        if bisect_right(figures, figure) - bisect_right(left_out, figure) > k:
            high = middle
        else:
            low = middle + 1
    return figures[low]


def _against_previous(plan: Plan, ind, n: int, prev: int, records: SetRecords) -> Finding | None:
    """W501 (a flow five times its previous year's or a fifth of it) or W502 (a level moving away
    from its target) for value record `n`, whose unit reported `prev` the year before."""
    values = records.values
    now, before = values.value[n], values.value[prev]  # type: ignore[index]
    year = values.year[n]
    file, line = records._where(values, n)
    # Small counts (1 base one year, none the next) swing by design; only larger figures are judged.
    if ind.is_flow and before > 0 and max(before, now) >= JUMP_FLOOR and \
            (now > 5 * before or now < before / 5):
        return W501.say("jump", file=file, line=line, indicator=ind.id, value=plain(now), year=year,
                        previous=plain(before), previous_year=year - 1, ratio=_times(now / before))
    if ind.kind is Kind.LEVEL and ind.rising and now < before:
        return W502.say("falls", file=file, line=line, indicator=ind.id, previous=plain(before),
                        previous_year=year - 1, value=plain(now), year=year)
    if ind.kind is Kind.LEVEL and not ind.rising and now > before:  # away from its target
        return W502.say("rises", file=file, line=line, indicator=ind.id, previous=plain(before),
                        previous_year=year - 1, value=plain(now), year=year,
                        comparator=ind.comparator, target=plain(ind.target))
    return None


def _area_text(plan: Plan, area: str | None) -> Message | str:
    if area is None:
        return ""
    township = plan.township(area)
    return Message("finding.area.in", name=township.name if township else area)


def _times(ratio: float) -> str:
    """12.0 -> "12", 0.18 -> "0.18" (times): enough digits that 0.18 is not shown as the threshold 0.2."""
    return f"{ratio:.3g}" if ratio < 10 else f"{ratio:.0f}"


JUMP_FLOOR = 10  # W501 ignores flows whose both years are below this


OUT_OF_PLACE = 5  # W504: more than this many times the typical figure, or less than its inverse
PEERS_NEEDED = 3  # other units' figures (that year and the one before) before they make a typical figure
HISTORY_NEEDED = 2  # earlier years of the unit's own before they make a typical figure


def _far(value: float, typical: float) -> bool:
    """`value` more than OUT_OF_PLACE times `typical` or under its inverse, figures of 10 and more."""
    if typical <= 0 or max(value, typical) < JUMP_FLOOR:
        return False
    return value > OUT_OF_PLACE * typical or value < typical / OUT_OF_PLACE
