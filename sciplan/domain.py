"""Words of the domain: ids, labels in both languages, synonyms a clerk may type.

Each vocabulary is defined here once, and every reader and writer takes its words from here: the
progress format and its validation, the YAML and xlsx templates (the drop-down list), the workbook
import, and the labels of every screen and report (the message catalogue builds them from here).
This module imports nothing from sciplan.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


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
