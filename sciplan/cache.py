"""A cache of per-file results, so a second run over unchanged files skips parsing and checking.

An entry is one file's checked result (its findings and extracted records), found by the name the
file is shown under and a hash of its exact bytes; mtimes are never trusted. Entries are grouped by
namespace, a hash of everything else a result depends on: the cache format, sciplan's version and
source code, the plan and the options that change results (the size limit). An edited file, a
changed plan or another sciplan therefore never meets a stale entry: it is simply not found.
Cross-file checks are not cached; they run on the cached records.

The same database holds two tables of single records, each bounded to its newest few: `objects`
(checked plans, `validation.plan_file`) and `outputs` (whole runs, `output_cache`).

The entries live in one SQLite database per cache folder (`results.sqlite3`, WAL mode), so two
sciplan processes can read and write it at once, and a crash mid-write never leaves a torn entry.
The cache is an optimisation only: any problem reading or writing it is silent, never a failure —
a database that is locked is bypassed for the run, one that is corrupt is rebuilt.

The cache is trusted only as far as its folder is: sciplan uses a folder only the user can write
(created with mode 0700; one that others may write is not used at all), opens the database only
when it is a regular file of sane size, and decodes entries totally — an entry that is malformed in
any way, or holds values of the wrong types, is a miss and the file is checked again.

Results are encoded with `marshal` as plain tuples, not pickled: decoding is several times faster,
which is what makes a warm run fast. `RecordCodec` derives the encoding of a dataclass from its
type hints, so a field added to a record is carried along.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import marshal
import os
import shutil
import stat
import sys
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_FORMAT = 3
DIGEST_SIZE = 16
DATABASE = "results.sqlite3"
MAX_ENTRIES = 200_000  # in one namespace; past this, entries of files not seen in the current run go
KEEP_STORES = 4  # namespaces besides the current one (older plans, versions) kept for switching back
MAX_DATABASE_BYTES = 1 << 30  # a larger file is not a cache sciplan wrote: it is not opened
BUSY_MS = 2000  # how long to wait for another sciplan's write before doing without the cache
KEEP_OBJECTS = 8  # checked plans (and other single records) kept, newest first
KEEP_OUTPUTS = 64  # whole runs' outputs kept (output_cache), newest first
MAX_OUTPUT_BYTES = 4 << 20  # a larger output is made again: KEEP_OUTPUTS of them stay far below 1 GiB
MAX_DIGESTS = 200_000  # files' digests kept by their stat data (KnownDigests); past this, the oldest go


def default_folder() -> Path:
    """The user's cache folder for sciplan (e.g. ~/.cache/sciplan on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("sciplan", appauthor=False))


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


def code_fingerprint() -> str:
    """sciplan's version and a hash of its source, so results of other code are never reused."""
    from . import __version__

    return f"{__version__}:{_source_hash()}"


@functools.cache
def _source_hash() -> str:
    """A hash of sciplan's source files, read once a process."""
    package = Path(__file__).resolve().parent
    hasher = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for source in sorted(package.rglob("*.py")):
        try:
            hasher.update(source.relative_to(package).as_posix().encode() + b"\x00" + source.read_bytes())
        except OSError:
            hasher.update(b"unreadable")
    return hasher.hexdigest()


def namespace(*parts: str) -> str:
    hasher = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for part in (f"format {CACHE_FORMAT}", *parts):
        hasher.update(part.encode("utf-8") + b"\x00")
    return hasher.hexdigest()


# --- encoding results ----------------------------------------------------------------------------

class RecordCodec:
    """Dataclass instances <-> nested tuples of str/int/float/bool/None that marshal can store.

    Built from the class's type hints: nested dataclasses, lists of them, enums and dates are
    converted; any other field must hold plain values, or building the codec fails.
    """

    def __init__(self, cls: type):
        self.cls = cls
        hints = typing.get_type_hints(cls)
        self.fields = [f.name for f in dataclasses.fields(cls)]
        converters = [_converters(hints[name]) for name in self.fields]
        self._encoders = [(i, enc) for i, (enc, _) in enumerate(converters) if enc is not None]
        self._decoders = [(i, dec) for i, (_, dec) in enumerate(converters) if dec is not None]
        # Fields stored as they are: the types a decoded value may have, so a malformed entry is refused.
        self._checks = [(i, kinds) for i, name in enumerate(self.fields)
                        if converters[i][0] is None and (kinds := _plain_types(hints[name])) is not None]
        # Short text fields (ids, names, file names) are shared between records: a warm run over many
        # files then holds one copy of each unit's id, not one per record.
        self._shared = [i for i, kinds in self._checks if str in kinds and name_is_short(self.fields[i])]
        self._decode = self._compiled_decode()

    def encode(self, obj: Any) -> tuple:
        values = [getattr(obj, name) for name in self.fields]
        for i, enc in self._encoders:
            if values[i] is not None:
                values[i] = enc(values[i])
        return tuple(values)

    def decode(self, values: tuple) -> Any:
        """The instance `values` encodes; TypeError or ValueError when they are not such an encoding."""
        return self._decode(values)

    def _compiled_decode(self) -> Callable[[Any], Any]:
        """`decode` as one function written for this class's fields: a warm run decodes every record of
        every file, and a generic loop over the fields costs several times more."""
        n = len(self.fields)
        names = [f"f{i}" for i in range(n)]
        scope: dict[str, Any] = {"cls": self.cls, "intern": sys.intern, "tuple": tuple,
                                 "isinstance": isinstance, "len": len, "str": str}
        lines = ["def decode(values):",
                 f"    if values.__class__ is not tuple or len(values) != {n}:",
                 "        raise ValueError('not an encoded record')",
                 f"    {', '.join(names)}{',' if n == 1 else ''} = values"]
        for i, kinds in self._checks:
            scope[f"K{i}"] = kinds
            lines += [f"    if not isinstance(f{i}, K{i}):",
                      f"        raise TypeError('field {self.fields[i]} holds ' + type(f{i}).__name__)"]
        for i in self._shared:
            lines.append(f"    if f{i}.__class__ is str: f{i} = intern(f{i})")
        for i, dec in self._decoders:
            scope[f"D{i}"] = dec
            lines.append(f"    if f{i} is not None: f{i} = D{i}(f{i})")
        lines.append(f"    return cls({', '.join(names)})")
        exec("\n".join(lines), scope)  # noqa: S102 - the text is made above from the field count only
        return scope["decode"]

    def dumps(self, obj: Any) -> bytes:
        return marshal.dumps(self.encode(obj))

    def loads(self, blob: bytes) -> Any:
        return self.decode(marshal.loads(blob))


_LONG_TEXT = {"evidence", "message", "hint", "note", "source", "params"}  # free text: seldom the same twice


def name_is_short(field: str) -> bool:
    return field not in _LONG_TEXT


_codecs: dict[type, RecordCodec] = {}


def codec_for(cls: type) -> RecordCodec:
    if cls not in _codecs:
        _codecs[cls] = RecordCodec(cls)
    return _codecs[cls]


def _converters(hint: Any) -> tuple[Callable | None, Callable | None]:
    """(encode, decode) for one field's type; (None, None) when the value is stored as it is."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _converters(inner[0]) if len(inner) == 1 else _plain_only(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        enc, dec = _converters(item)
        if enc is None or dec is None:
            kinds = _plain_types(item)
            return tuple, (list if kinds is None else (lambda xs: _checked_list(xs, kinds)))
        return (lambda xs: tuple(enc(x) for x in xs)), (lambda xs: [dec(x) for x in _checked_list(xs, tuple)])
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        codec = codec_for(hint)
        return codec.encode, codec.decode
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        members = {m.value: m for m in hint}
        return (lambda member: member.value), members.__getitem__
    if hint is dt.datetime:
        return (lambda value: value.isoformat()), dt.datetime.fromisoformat
    if hint is dt.date:
        return (lambda value: value.toordinal()), dt.date.fromordinal
    return _plain_only(hint)


_PLAIN = (str, int, float, bool, type(None), Any)


def _plain_types(hint: Any) -> tuple[type, ...] | None:
    """The types a plain field's value may have once decoded; None for Any (anything goes)."""
    args = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    if Any in args or not all(isinstance(a, type) for a in args):
        return None
    return tuple({int, float} if float in args else set()) + tuple(args)


def _checked_list(values: Any, kinds: tuple[type, ...]) -> list:
    if not isinstance(values, tuple) or not all(isinstance(v, kinds) for v in values):
        raise TypeError("not an encoded list")
    return list(values)


def _plain_only(hint: Any) -> tuple[None, None]:
    args = typing.get_args(hint) or (hint,)
    if not all(a in _PLAIN for a in args):
        raise TypeError(f"the cache cannot store a field of type {hint}")
    return None, None


# --- the store -----------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS namespaces (name TEXT PRIMARY KEY, generation INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    namespace TEXT NOT NULL, display TEXT NOT NULL, digest BLOB NOT NULL, result BLOB NOT NULL,
    PRIMARY KEY (namespace, display)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS objects (key TEXT PRIMARY KEY, value BLOB NOT NULL, generation INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS outputs (key TEXT PRIMARY KEY, value BLOB NOT NULL, generation INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS digests (
    path TEXT PRIMARY KEY, stat TEXT NOT NULL, digest BLOB NOT NULL, generation INTEGER NOT NULL
) WITHOUT ROWID;
"""


class ResultStore:
    """Encoded results of one namespace, by the name a file is shown under."""

    def __init__(self, folder: Path, key: str):
        self.folder = folder
        self.key = key
        self.path = folder / DATABASE
        self._db: Any = None  # sqlite3.Connection once opened; False when the cache is not usable
        self._pending: dict[str, tuple[bytes, bytes]] = {}
        self._seen: set[str] = set()

    def get(self, display: str, content_digest: bytes) -> bytes | None:
        """The encoded result of a file shown as `display` whose bytes have this digest, if kept."""
        self._seen.add(display)
        db = self._open()
        if db is None:
            return None
        try:
            row = db.execute("SELECT digest, result FROM results WHERE namespace = ? AND display = ?",
                             (self.key, _text(display))).fetchone()
        except _sqlite_errors() as exc:
            self._give_up(exc)
            return None
        if row is None or not isinstance(row[0], bytes) or row[0] != content_digest:
            return None
        return row[1] if isinstance(row[1], bytes) else None

    def put(self, display: str, content_digest: bytes, blob: bytes) -> None:
        self._seen.add(display)
        self._pending[display] = (content_digest, blob)

    def save(self) -> None:
        """Write the new entries in one transaction and close the database; a cache that cannot be
        written is not written. A database found corrupt on the way is removed and written afresh, once."""
        try:
            self._write()
        finally:
            self.close()

    def _write(self) -> None:
        for _attempt in range(2):
            if not self._pending:
                return
            db = self._open(create=True)
            if db is None:
                return
            try:
                with db:
                    rows = [(self.key, _text(d), digest, blob) for d, (digest, blob) in self._pending.items()]
                    db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)
                    (generation,) = db.execute("SELECT coalesce(max(generation), 0) + 1 "
                                               "FROM namespaces").fetchone()
                    db.execute("INSERT OR REPLACE INTO namespaces VALUES (?, ?)", (self.key, generation))
                    self._prune(db)
                self._pending.clear()
            except _sqlite_errors() as exc:
                self._give_up(exc)

    def close(self) -> None:
        if self._db:
            self._db.close()
        self._db = None

    def _prune(self, db) -> None:
        """Keep the newest few namespaces, and at most MAX_ENTRIES entries in this one."""
        old = [name for (name,) in db.execute("SELECT name FROM namespaces WHERE name != ? "
                                              "ORDER BY generation DESC LIMIT -1 OFFSET ?",
                                              (self.key, KEEP_STORES))]
        for name in old:
            db.execute("DELETE FROM results WHERE namespace = ?", (name,))
            db.execute("DELETE FROM namespaces WHERE name = ?", (name,))
        (count,) = db.execute("SELECT count(*) FROM results WHERE namespace = ?", (self.key,)).fetchone()
        if count > MAX_ENTRIES:
            keep = {_text(d) for d in self._seen}
            stale = [(self.key, d) for (d,) in db.execute("SELECT display FROM results WHERE namespace = ?",
                                                          (self.key,)) if d not in keep]
            db.executemany("DELETE FROM results WHERE namespace = ? AND display = ?", stale)

    def _open(self, create: bool = False):
        """The open database, or None when the cache is not usable for this run."""
        if self._db is None:
            self._db = _connect(self.folder, self.path, create) or (False if create else None)
        return self._db or None

    def _give_up(self, exc: BaseException) -> None:
        """A locked database: do without the cache for the rest of the run. A corrupt one: remove it,
        so that this run's results start a new one."""
        import sqlite3

        self.close()
        locked = isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))
        if isinstance(exc, sqlite3.DatabaseError) and not locked:
            try:
                _remove_database(self.path)
            except OSError:
                self._db = False
            return  # self._db stays None: save() makes a new database
        self._db = False


class KnownDigests:
    """Digests of files hashed before, by path, each with the stat data it was hashed under.

    A file whose stat data (size, modification and change times in nanoseconds, inode, device) are
    exactly those recorded need not be read again to know its digest, as git's index trusts a file
    whose stat data it has. The caller records a file only once it has stood unchanged for a while
    (output_cache.SETTLED_NS): a file written again within a file system's timestamp granularity of
    the recording could otherwise keep its times. Any problem with the database is a miss."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._known: dict[str, tuple[str, bytes]] = {}
        self._new: dict[str, tuple[str, bytes]] = {}

    def load_under(self, roots: list[str]) -> None:
        """Read what is recorded of the files at or under each of `roots` (absolute paths), in one
        query each: a county's files are then looked up without a query apiece."""
        db = _connect(self.folder, self.folder / DATABASE, create=False)
        if db is None:
            return
        try:
            for root in roots:
                under = root.rstrip(os.sep) + os.sep
                # Every path under `under` sorts between it and `under` followed by the last code point.
                rows = db.execute("SELECT path, stat, digest FROM digests WHERE path = ? OR "
                                  "(path >= ? AND path < ?)",
                                  (_text(root), _text(under), _text(under) + "\U0010ffff"))
                for path, stat_key, file_digest in rows:
                    if (isinstance(stat_key, str) and isinstance(file_digest, bytes)
                            and len(file_digest) == DIGEST_SIZE):
                        self._known[path] = (stat_key, file_digest)
        except _sqlite_errors():
            self._known.clear()
        finally:
            db.close()

    def get(self, path: str, stat_key: str) -> bytes | None:
        """The digest recorded for the file at `path` (absolute) under exactly this stat data, or None."""
        found = self._known.get(_text(path))
        return found[1] if found is not None and found[0] == stat_key else None

    def put(self, path: str, stat_key: str, file_digest: bytes) -> None:
        self._new[_text(path)] = (stat_key, file_digest)

    def save(self) -> None:
        """Record the new digests in one transaction; silent when it cannot."""
        if not self._new:
            return
        db = _connect(self.folder, self.folder / DATABASE, create=True)
        if db is None:
            return
        try:
            with db:
                (generation,) = db.execute("SELECT coalesce(max(generation), 0) + 1 FROM digests").fetchone()
                db.executemany("INSERT OR REPLACE INTO digests VALUES (?, ?, ?, ?)",
                               [(path, stat_key, d, generation) for path, (stat_key, d) in self._new.items()])
                db.execute("DELETE FROM digests WHERE path IN (SELECT path FROM digests "
                           "ORDER BY generation DESC LIMIT -1 OFFSET ?)", (MAX_DIGESTS,))
            self._new.clear()
        except _sqlite_errors():
            pass
        finally:
            db.close()

def _text(display: str) -> str:
    # A file name with an undecodable byte (a lone surrogate) cannot be stored as SQLite text.
    return display.encode("utf-8", "surrogatepass").decode("utf-8", "backslashreplace")


def _sqlite_errors() -> tuple[type[BaseException], ...]:
    import sqlite3

    return (sqlite3.Error, OSError, ValueError, TypeError, IndexError, OverflowError)


def load_object(folder: Path, key: str) -> bytes | None:
    """A single record kept under `key` (a checked plan, for one), or None: not kept, or no usable cache."""
    return _load_row(folder, "objects", key)


def save_object(folder: Path, key: str, value: bytes) -> None:
    """Keep one record under `key`, with the newest KEEP_OBJECTS others; silent when it cannot."""
    _save_row(folder, "objects", key, value, KEEP_OBJECTS)


def load_output(folder: Path, key: str) -> bytes | None:
    """A whole run's output kept under `key` (see output_cache), or None."""
    return _load_row(folder, "outputs", key)


def save_output(folder: Path, key: str, value: bytes) -> None:
    """Keep a run's output under `key`, with the newest KEEP_OUTPUTS others; silent when it cannot."""
    if len(value) <= MAX_OUTPUT_BYTES:
        _save_row(folder, "outputs", key, value, KEEP_OUTPUTS)


_TABLES = ("objects", "outputs")  # the keyed single-record tables; names are never taken from input


def _load_row(folder: Path, table: str, key: str) -> bytes | None:
    assert table in _TABLES
    db = _connect(folder, folder / DATABASE, create=False)
    if db is None:
        return None
    try:
        row = db.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
    except _sqlite_errors():
        return None
    finally:
        db.close()
    return row[0] if row is not None and isinstance(row[0], bytes) else None


def _save_row(folder: Path, table: str, key: str, value: bytes, keep: int) -> None:
    assert table in _TABLES
    db = _connect(folder, folder / DATABASE, create=True)
    if db is None:
        return
    try:
        with db:
            (generation,) = db.execute(f"SELECT coalesce(max(generation), 0) + 1 FROM {table}").fetchone()
            db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", (key, value, generation))
            db.execute(f"DELETE FROM {table} WHERE key NOT IN "
                       f"(SELECT key FROM {table} ORDER BY generation DESC LIMIT ?)", (keep,))
    except _sqlite_errors():
        pass
    finally:
        db.close()


def folder_is_private(folder: Path) -> bool:
    """Whether `folder` is a real folder of this user that no one else may write to. A cache in a
    folder others can write could be fed results that make a bad file pass."""
    try:
        status = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(status.st_mode):
        return False
    if os.name != "posix":
        return True  # Windows keeps a user's cache folder in the user's own profile
    return status.st_uid == os.geteuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _connect(folder: Path, path: Path, create: bool):
    """Open (or, with `create`, make) the cache database; None when it must not or cannot be used."""
    import sqlite3

    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not folder_is_private(folder):
            return None
        try:
            status = os.lstat(path)
        except FileNotFoundError:
            if not create:
                return None
        else:
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_DATABASE_BYTES:
                return None  # a link, pipe or giant file where the database should be: not opened
            if status.st_size < 512:
                # Shorter than SQLite's header: nothing worth keeping, and a WAL left beside an emptied
                # file makes SQLite wait for a lock that never comes.
                _remove_database(path)
                if not create:
                    return None
        try:
            return _prepared(sqlite3.connect(path, timeout=BUSY_MS / 1000))
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return None  # another sciplan is writing: do without the cache this run
        except sqlite3.DatabaseError:
            pass  # not a database, or a corrupt one
        if not create:
            return None
        _remove_database(path)  # start afresh
        return _prepared(sqlite3.connect(path, timeout=BUSY_MS / 1000))
    except (sqlite3.Error, OSError):
        return None


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _prepared(db):
    """The connection in WAL mode with the current schema; closed again when anything fails."""
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # in WAL mode a crash loses the last run, never the file
        db.executescript(_SCHEMA)
        (version,) = db.execute("PRAGMA user_version").fetchone()
        if version != CACHE_FORMAT:
            with db:
                db.execute("DELETE FROM results")
                db.execute("DELETE FROM namespaces")
                db.execute("DELETE FROM objects")
                db.execute("DELETE FROM outputs")
                db.execute("DELETE FROM digests")
                db.execute(f"PRAGMA user_version = {CACHE_FORMAT}")
        return db
    except BaseException:
        db.close()
        raise


def cache_info(folder: Path) -> dict[str, Any]:
    """Where the cache is, whether it is used, how big it is and how many entries it holds."""
    path = folder / DATABASE
    info: dict[str, Any] = {"folder": str(folder), "database": str(path), "exists": path.exists(),
                            "usable": folder_is_private(folder) if folder.exists() else True,
                            "bytes": 0, "entries": 0, "namespaces": 0, "plans": 0, "outputs": 0, "digests": 0}
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            info["bytes"] += os.lstat(part).st_size
        except OSError:
            pass
    db = _connect(folder, path, create=False) if info["exists"] else None
    if db is not None:
        try:
            info["entries"] = db.execute("SELECT count(*) FROM results").fetchone()[0]
            info["namespaces"] = db.execute("SELECT count(*) FROM namespaces").fetchone()[0]
            info["plans"] = db.execute("SELECT count(*) FROM objects").fetchone()[0]
            info["outputs"] = db.execute("SELECT count(*) FROM outputs").fetchone()[0]
            info["digests"] = db.execute("SELECT count(*) FROM digests").fetchone()[0]
        except _sqlite_errors():
            pass
        finally:
            db.close()
    return info


def clear_cache(folder: Path) -> int:
    """Remove the cache database (and files of older cache formats); the number of files removed."""
    removed = 0
    for part in (DATABASE, DATABASE + "-wal", DATABASE + "-shm"):
        try:
            (folder / part).unlink()
            removed += 1
        except FileNotFoundError:
            pass
    for old in folder.glob("results-*"):  # the shard folders of cache format 1
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
            removed += 1
    return removed
