"""Whole runs remembered: the same command over unchanged inputs prints its output again at once.

`validate`, `status` and `gap` depend on nothing but their inputs: the plan's bytes, the name and
bytes of every progress file, what the folder walk found besides them, the command's options, the
language, the width and colour of the output, and sciplan's own code. `run_key` hashes all of these,
so a second run with the same key prints what the first one printed (standard output, the notes on
standard error, the exit status) without loading the plan or checking a single file. Whatever
changes an input changes the key and the command runs in full.

The plan is read and hashed every time. A progress file is too, unless its stat data - size,
modification and change times to the nanosecond, inode and device - are exactly those it was hashed
under (`cache.KnownDigests`), as git trusts its index: any write to a file moves its change time,
which no program can set back. A file is recorded so only once it has stood unchanged for SETTLED_NS,
so that a second write within a file system's timestamp granularity cannot hide. On Windows, whose
"change time" is the creation time, every file is read and hashed.

A run whose key cannot be made (a path that does not exist, a file that cannot be read whole or is
over the size limit) is neither looked up nor kept: the command runs and says what is wrong. Only
runs that finished are kept - exit 0, or 1 for findings - never a run that stopped on an error.
Kept outputs live in the cache database (`cache.load_output`), the newest few only.
"""

from __future__ import annotations

import marshal
import os
import stat
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import cache
from .discovery import discover
from .reading import DEFAULT_MAX_BYTES, PLAN_MAX_BYTES, read_regular
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
            max_bytes: int | None = None, folder: Path | None = None) -> str | None:
    """The hash of everything the output of `command` depends on, or None when some input cannot be
    read whole (the command then runs in full and words the problem).

    `options` are the resolved settings that shape the output (language, format, width, colour,
    year, the working folder the paths are shown from, ...); `paths` the progress files and folders
    to walk, each file read up to `max_bytes` (None: the default limit). With the cache `folder`, a
    progress file whose stat data are those it was hashed under is not read again (`KnownDigests`)."""
    # Options are plain values (text, numbers, flags, lists of text): their repr is exact and stable.
    parts = [f"command {command}", repr(sorted(options.items()))]
    plan_digest = _digest(plan_file, PLAN_MAX_BYTES)
    if plan_digest is None:
        return None
    parts.append(f"plan {plan_file}\x00{plan_digest.hex()}")
    parts.extend(f"sample {is_sample(path)}" for path in paths)
    try:
        files, findings = discover(paths)
    except Exception:  # noqa: BLE001 - a path that does not exist: the full run words it
        return None
    # The walk's findings (a workbook left in the folder, a link leading outside) are part of the output.
    parts.extend(f"found {f.code}\x00{f.file}\x00{f.line}\x00{f.key}\x00{f.params}\x00{f.message}"
                 for f in findings)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    known = cache.KnownDigests(folder) if folder is not None and os.name == "posix" else None
    if known is not None:
        known.load_under([os.path.abspath(path) for path in paths])
    try:
        for path, display in files:
            file_digest = _file_digest(path, limit, known)
            if file_digest is None:
                return None
            parts.append(f"file {display}\x00{file_digest.hex()}")
    finally:
        if known is not None:
            known.save()
    return cache.namespace(cache.code_fingerprint(), "output", *parts)


# A file is recorded by its stat data only once it has stood unchanged this long: a file written again
# within the file system's timestamp granularity (2 s on FAT) of the recording could keep its times.
SETTLED_NS = 3 * 10**9


def _file_digest(path: Path, limit: int, known: cache.KnownDigests | None) -> bytes | None:
    """The digest of a progress file's bytes: from its stat data when they are those it was hashed
    under, else read and hashed (and recorded, once it has settled). None: not a regular file within
    the limit."""
    if known is None:
        return _digest(path, limit)
    try:
        status = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
        return None
    where = os.path.abspath(path)
    stat_key = (f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}:{status.st_ino}:"
                f"{status.st_dev}")
    found = known.get(where, stat_key)
    if found is not None:
        return found
    found = _digest(path, limit)
    if found is not None and time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) > SETTLED_NS:
        known.put(where, stat_key, found)
    return found


def _digest(path: Path, limit: int) -> bytes | None:
    try:
        data = read_regular(path, limit)
    except OSError:
        return None
    return cache.digest(data) if len(data) <= limit else None


def recall(folder: Path, key: str) -> Outcome | None:
    """The outcome kept under `key`, or None."""
    blob = cache.load_output(folder, key)
    return None if blob is None else Outcome.decode(blob)


def keep(folder: Path, key: str, outcome: Outcome) -> None:
    """Keep a finished run's outcome; silent when the cache cannot be written."""
    if outcome.status in (0, 1):
        cache.save_output(folder, key, outcome.encode())
