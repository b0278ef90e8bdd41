"""A cache of per-file results, so a second run over unchanged files skips parsing and checking.

An entry is one file's checked result (its findings and extracted records), found by the name the
file is shown under and a hash of its exact bytes; mtimes are never trusted. Entries live in a store
per namespace, a hash of everything else a result depends on: the cache format, sciplan's version
and source code, the plan, the options that change results (the size limit) and the date the
checks are run on. An edited file, a changed plan or another sciplan therefore never meets a stale
entry: it is simply not found. Cross-file checks are not cached; they run on the cached records.

A store is a folder of shard files, so checking one file reads and rewrites one shard, not the
results of a whole province. A shard is written atomically (temporary file, then rename) and
carries a checksum: one that is truncated, corrupt or of another format is ignored and rebuilt.
The cache is an optimisation only: any problem reading or writing it is silent, never a failure.

Results are encoded with `marshal` as plain tuples, not pickled: decoding is several times faster,
which is what makes a warm run fast. `RecordCodec` derives the encoding of a dataclass from its
type hints, so a field added to a record is carried along.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import marshal
import os
import shutil
import tempfile
import types
import typing
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_FORMAT = 1
MAGIC = b"sciplan-cache\x00"
DIGEST_SIZE = 16
SHARDS = 32
MAX_SHARD_ENTRIES = 10_000  # past this, entries of files not seen in the current run are dropped
KEEP_STORES = 4  # stores of other namespaces (older plans, versions, days) kept for switching back


def default_folder() -> Path:
    """The user's cache folder for sciplan (e.g. ~/.cache/sciplan on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("sciplan", appauthor=False))


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


def code_fingerprint() -> str:
    """sciplan's version and a hash of its source, so results of other code are never reused."""
    from . import __version__

    package = Path(__file__).resolve().parent
    hasher = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for source in sorted(package.rglob("*.py")):
        try:
            hasher.update(source.relative_to(package).as_posix().encode() + b"\x00" + source.read_bytes())
        except OSError:
            hasher.update(b"unreadable")
    return f"{__version__}:{hasher.hexdigest()}"


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

    def encode(self, obj: Any) -> tuple:
        values = [getattr(obj, name) for name in self.fields]
        for i, enc in self._encoders:
            if values[i] is not None:
                values[i] = enc(values[i])
        return tuple(values)

    def decode(self, values: tuple) -> Any:
        if not self._decoders:
            return self.cls(*values)
        items = list(values)
        for i, dec in self._decoders:
            if items[i] is not None:
                items[i] = dec(items[i])
        return self.cls(*items)

    def dumps(self, obj: Any) -> bytes:
        return marshal.dumps(self.encode(obj))

    def loads(self, blob: bytes) -> Any:
        return self.decode(marshal.loads(blob))


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
            return tuple, list
        return (lambda xs: tuple(enc(x) for x in xs)), (lambda xs: [dec(x) for x in xs])
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


def _plain_only(hint: Any) -> tuple[None, None]:
    args = typing.get_args(hint) or (hint,)
    if not all(a in _PLAIN for a in args):
        raise TypeError(f"the cache cannot store a field of type {hint}")
    return None, None


# --- the store -----------------------------------------------------------------------------------

Entry = tuple[bytes, bytes]  # (content digest, encoded result)


class ResultStore:
    """Encoded results of one namespace, by the name a file is shown under."""

    def __init__(self, folder: Path, key: str):
        self.folder = folder
        self.key = key
        self.path = folder / f"results-{key}"
        self._shards: dict[int, dict[str, Entry]] = {}
        self._changed: set[int] = set()
        self._seen: set[str] = set()

    def get(self, display: str, content_digest: bytes) -> bytes | None:
        """The encoded result of a file shown as `display` whose bytes have this digest, if kept."""
        self._seen.add(display)
        found = self._shard(display).get(display)
        if found is None or found[0] != content_digest:
            return None
        return found[1]

    def put(self, display: str, content_digest: bytes, blob: bytes) -> None:
        self._seen.add(display)
        number = _shard_number(display)
        shard = self._shard(display)
        if shard.get(display) != (content_digest, blob):
            shard[display] = (content_digest, blob)
            self._changed.add(number)

    def save(self) -> None:
        """Write the shards that changed; a cache that cannot be written is simply not written."""
        if not self._changed:
            return
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            os.utime(self.path)  # the newest store is the last one pruned
            for number in sorted(self._changed):
                entries = self._shards[number]
                if len(entries) > MAX_SHARD_ENTRIES:
                    entries = {k: v for k, v in entries.items() if k in self._seen}
                _write_shard(self.path / f"{number:02x}.bin", self.key, entries)
            self._changed.clear()
            _prune(self.folder, self.path)
        except OSError:
            pass

    def _shard(self, display: str) -> dict[str, Entry]:
        number = _shard_number(display)
        shard = self._shards.get(number)
        if shard is None:
            shard = self._shards[number] = _read_shard(self.path / f"{number:02x}.bin", self.key)
        return shard


def _shard_number(display: str) -> int:
    return zlib.crc32(display.encode("utf-8", "surrogatepass")) % SHARDS


def _write_shard(path: Path, key: str, entries: dict[str, Entry]) -> None:
    payload = marshal.dumps((CACHE_FORMAT, key, entries))
    data = MAGIC + hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest() + payload
    # Atomic but not fsynced: a shard torn by a crash fails its checksum and is rebuilt.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_shard(path: Path, key: str) -> dict[str, Entry]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    head = len(MAGIC) + DIGEST_SIZE
    if len(data) < head or not data.startswith(MAGIC):
        return {}
    payload = memoryview(data)[head:]
    if hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest() != data[len(MAGIC):head]:
        return {}  # truncated or corrupt: rebuilt on the next save
    try:
        fmt, stored_key, entries = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return {}
    if fmt != CACHE_FORMAT or stored_key != key or not isinstance(entries, dict):
        return {}
    return entries


def _prune(folder: Path, keep: Path) -> None:
    """Keep the newest few stores of other namespaces; older plans and versions rarely come back."""
    try:
        stores = [p for p in folder.glob("results-*") if p.is_dir() and p != keep]
        stores.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stores[KEEP_STORES:]:
            shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass
