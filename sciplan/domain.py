"""Words of the domain: ids, labels in both languages, synonyms a clerk may type.

Each vocabulary is defined here once, and every reader and writer takes its words from here: the
progress format and its validation, the YAML and xlsx templates (the drop-down list), the workbook
import, and the labels of every screen and report (the message catalogue builds them from here).
This module imports nothing from sciplan.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Word:
    """One word of a vocabulary: the id files store, its label in each language, and other words
    that mean the same (a clerk may type any of them in a workbook)."""

    id: str
    en: str
    zh: str
    synonyms: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return {"en": self.en, "zh": self.zh}[lang]

    @property
    def choice(self) -> str:
        """How a drop-down list offers it: the Chinese label and the id, `推进中 in_progress`."""
        return f"{self.zh} {self.id}"

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.id, self.en, self.zh, self.choice, *self.synonyms)


@dataclass(frozen=True)
class Vocabulary:
    words: tuple[Word, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(w.id for w in self.words)

    def word(self, word_id: str) -> Word:
        return next(w for w in self.words if w.id == word_id)

    def meaning(self, typed: str) -> str | None:
        """The id `typed` stands for, or None: any spelling of a word, whatever its case, width,
        spaces, hyphens or underscores (`In Progress`, `in-progress`, `推进中`), or a label with its
        id as the drop-down list writes it (`推进中 in_progress`), where the id decides."""
        key = _key(typed)
        for word in self.words:
            if key in {_key(s) for s in word.spellings}:
                return word.id
        plain = unicodedata.normalize("NFKC", typed).casefold().replace("-", "_")
        found = [w.id for w in self.words if re.search(rf"(^|[^a-z_]){w.id}($|[^a-z_])", plain)]
        return found[0] if len(found) == 1 else None


def closest(typed: object, choices: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The spellings in `choices` nearest to what was typed, best first (at most `n`, none below
    `cutoff`): the "did you mean" of every lookup by name. Not text: no suggestion."""
    if not isinstance(typed, str):
        return []
    import difflib  # only when a lookup failed: every command imports this module at start-up

    return difflib.get_close_matches(typed, list(choices), n=n, cutoff=cutoff)


def _key(text: str) -> str:
    """`In-Progress `, `in progress`, `ｉｎ＿progress` -> `in_progress`; `推进 中` -> `推进中`."""
    normal = unicodedata.normalize("NFKC", text).casefold().strip()
    normal = re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", normal)  # no spaces in Chinese
    return re.sub(r"[\s_\-]+", "_", normal)


# The status of a task or a schedule milestone in a progress report.
TASK_STATUS = Vocabulary((
    Word("not_started", "not started", "未启动", ("未开始", "尚未开始", "尚未启动", "not yet started")),
    Word("in_progress", "in progress", "推进中", ("进行中", "正在进行", "实施中", "正在推进", "ongoing")),
    Word("done", "done", "已完成", ("完成", "已办结", "completed")),
    Word("blocked", "blocked", "受阻", ("暂停", "停滞")),
))


# How a plan indicator is measured over the period.
class Kind(StrEnum):
    LEVEL = "level"  # a stock measured each year, e.g. a rate
    CUMULATIVE = "cumulative"  # yearly flows summed over the period, e.g. trainees
    ANNUAL = "annual"  # a flow with its own target every year
    RATIO = "ratio"  # a level whose yearly value the caller derived from two inputs


FLOW_KINDS = frozenset({Kind.CUMULATIVE, Kind.ANNUAL})  # yearly amounts: summed, never carried
LEVEL_KINDS = frozenset({Kind.LEVEL, Kind.RATIO})  # a state at a date: the latest value counts

KIND = Vocabulary((
    Word("level", "level", "水平类"),
    Word("cumulative", "cumulative", "累计类"),
    Word("annual", "annual", "年度类"),
    Word("ratio", "ratio", "比值类"),
))


# How `gap` groups its rows (`--by`): under each indicator, each group, or each lead unit.
GAP_GROUPING = Vocabulary((
    Word("indicator", "by indicator", "按指标", ("指标",)),
    Word("group", "by group", "按分组", ("分组",)),
    Word("unit", "by unit", "按单位", ("单位", "按牵头单位", "牵头单位")),
    Word("area", "by area", "按区域", ("区域", "按地区", "地区", "分区域")),
))

class Comparator(StrEnum):
    GT = ">"  # 超过, 高于
    GE = ">="  # 达到, 不低于
    LT = "<"  # 低于
    LE = "<="  # 不超过, 控制在…以内, 下降到


COMPARATORS: tuple[str, ...] = tuple(c.value for c in Comparator)
RISING = frozenset({Comparator.GT, Comparator.GE})  # the target asks for more; the others for less


class Status(StrEnum):
    """Where a target stands in a report year; declared worst first (STATUS_ORDER)."""

    NOT_ACHIEVED = "not_achieved"  # the target year has come and its value does not meet the target
    DETERIORATION = "deterioration"
    LIMITED_PROGRESS = "limited_progress"
    NEEDS_ACCELERATION = "needs_acceleration"
    NO_DATA = "no_data"
    NO_BASELINE = "no_baseline"
    ON_TRACK = "on_track"
    ACHIEVED = "achieved"


# Worst first, so rows needing attention sort to the top: the order the members are declared in.
STATUS_ORDER: tuple[Status, ...] = tuple(Status)

# The status of a target: its labels on every screen and report, and what a user may type for it
# (`gap --status`), in the same shape as TASK_STATUS.
TARGET_STATUS = Vocabulary((
    Word("not_achieved", "not achieved", "未实现", ("未达成", "未达标", "missed")),
    Word("deterioration", "deteriorating", "出现倒退", ("倒退", "退步")),
    Word("limited_progress", "limited progress", "进展有限", ("进展缓慢",)),
    Word("needs_acceleration", "needs acceleration", "需加快推进", ("需加快", "加快推进")),
    Word("no_data", "no data", "无数据", ("暂无数据", "缺数据")),
    Word("no_baseline", "no baseline", "无基线", ("缺基线",)),
    Word("on_track", "on track", "进展顺利", ("按计划推进", "正常推进")),
    Word("achieved", "achieved", "已实现", ("已达成", "已达标", "met")),
))


@dataclass(frozen=True)
class Thresholds:
    """Lower bounds (inclusive) of the progress-ratio classes."""

    on_track: float = 0.95
    needs_acceleration: float = 0.6
    limited_progress: float = 0.0


@dataclass(frozen=True)
class Baseline:
    """A value known before the period: the level progress is measured from."""

    year: int
    value: float
