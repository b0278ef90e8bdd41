"""Whole runs remembered: the same command over unchanged inputs prints its output again at once.

`validate`, `status` and `gap` depend on nothing but their inputs: the plan's bytes, the name and
bytes of every progress file, what the folder walk found besides them, the command's options, the
language, the width and colour of the output, and sciplan's own code. `run_key` hashes all of these -
reading and hashing every input file each time, never trusting a modification time - so a second
run with the same key prints what the first one printed (standard output, the notes on standard
error, the exit status) without loading the plan or checking a single file. Whatever changes an
input changes the key and the command runs in full.

A run whose key cannot be made (a path that does not exist, a file that cannot be read whole or is
over the size limit) is neither looked up nor kept: the command runs and says what is wrong. Only
runs that finished are kept - exit 0, or 1 for findings - never a run that stopped on an error.
Kept outputs live in the cache database (`cache.load_output`), the newest few only.
"""

from __future__ import annotations

import marshal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import cache
from .discovery import discover
from .reading import DEFAULT_MAX_BYTES, read_regular
from .resources import is_sample


@dataclass(frozen=True)
class Outcome:
    """What a run printed: `text` on standard output, `notes` (lines) on standard error before it."""

    text: str
    notes: tuple[str, ...] = ()
    status: int = 0

    def encode(self) -> bytes:
        return marshal.dumps((self.text, self.notes, self.status))

    @staticmethod
    def decode(blob: bytes) -> Outcome | None:
        """The outcome a record holds, or None when it holds anything else."""
        try:
            text, notes, status = marshal.loads(blob)
        except (ValueError, EOFError, TypeError):
            return None
        if (not isinstance(text, str) or not isinstance(notes, tuple) or type(status) is not int
                or not all(isinstance(note, str) for note in notes)):
            return None
        return Outcome(text, notes, status)


def run_key(command: str, options: Mapping[str, object], plan_file: Path, paths: Sequence[Path],
            max_bytes: int | None = None) -> str | None:
    """The hash of everything the output of `command` depends on, or None when some input cannot be
    read whole (the command then runs in full and words the problem).

    `options` are the resolved settings that shape the output (language, format, width, colour,
    year, the working folder the paths are shown from, ...); `paths` the progress files and folders
    to walk, each file read up to `max_bytes` (None: the default limit)."""
    # Options are plain values (text, numbers, flags, lists of text): their repr is exact and stable.
    parts = [f"command {command}", repr(sorted(options.items()))]
    plan_digest = _digest(plan_file, _PLAN_LIMIT)
    if plan_digest is None:
        return None
    parts.append(f"plan {plan_file}\x00{plan_digest}")
    parts.extend(f"sample {is_sample(path)}" for path in paths)
    try:
        files, findings = discover(paths)
    except Exception:  # noqa: BLE001 - a path that does not exist: the full run words it
        return None
    # The walk's findings (a workbook left in the folder, a link leading outside) are part of the output.
    parts.extend(f"found {f.code}\x00{f.file}\x00{f.line}\x00{f.key}\x00{f.params}\x00{f.message}"
                 for f in findings)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    for path, display in files:
        file_digest = _digest(path, limit)
        if file_digest is None:
            return None
        parts.append(f"file {display}\x00{file_digest}")
    return cache.namespace(cache.code_fingerprint(), "output", *parts)


# Any plan the loader accepts is smaller; a larger one never loads, so no run of it is ever kept.
_PLAN_LIMIT = 1 << 28


def _digest(path: Path, limit: int) -> str | None:
    try:
        data = read_regular(path, limit)
    except OSError:
        return None
    return cache.digest(data).hex() if len(data) <= limit else None


def recall(folder: Path, key: str) -> Outcome | None:
    """The outcome kept under `key`, or None."""
    blob = cache.load_output(folder, key)
    return None if blob is None else Outcome.decode(blob)


def keep(folder: Path, key: str, outcome: Outcome) -> None:
    """Keep a finished run's outcome; silent when the cache cannot be written."""
    if outcome.status in (0, 1):
        cache.save_output(folder, key, outcome.encode())
