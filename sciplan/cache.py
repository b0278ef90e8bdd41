"""A cache of per-file results, so a second run over unchanged files skips parsing and checking.

An entry is one file's checked result (its findings and extracted records), found by the name the
file is shown under and the hash of its exact bytes. Entries live in one store per namespace; the
namespace is a hash of everything else a result depends on: the cache format, sciplan's version
and source code, the plan, the options that change results (the size limit) and the date checks
are run against. An edited file, a changed plan or another sciplan therefore never meets a stale
entry: it is simply not found. mtimes are never trusted.

A store is one file, written atomically (temporary file and rename), with a checksum over its
content: a store that is truncated, corrupt or from another format is ignored and rebuilt. The
cache is an optimisation only: any problem reading or writing it is silent, never a failure.

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
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_FORMAT = 1
MAGIC = b"sciplan-cache\x00"
DIGEST_SIZE = 16
MAX_ENTRIES = 200_000  # past this, entries of files not seen in the current run are dropped
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
    hasher.update(__version__.encode())
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
    converted; everything else must already be a plain value.
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
        if self._decoders:
            values = list(values)  # type: ignore[assignment]
            for i, dec in self._decoders:
                if values[i] is not None:
                    values[i] = dec(values[i])  # type: ignore[index]
        return self.cls(*values)


_codecs: dict[type, RecordCodec] = {}


def codec_for(cls: type) -> RecordCodec:
    if cls not in _codecs:
        _codecs[cls] = RecordCodec(cls)
    return _codecs[cls]


def _converters(hint: Any) -> tuple[Callable | None, Callable | None]:
    """(encode, decode) for one field's type, or (None, None) when the value is stored as it is."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) != 1:
            return _plain_only(hint)
        return _converters(inner[0])
    if origin is list:
        (item,) = typing.get_args(hint)
        enc, dec = _converters(item)
        if enc is None:
            return (list, list) if dec is None else (list, lambda xs: [dec(x) for x in xs])
        return (lambda xs: [enc(x) for x in xs]), (lambda xs: [dec(x) for x in xs])
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


_PLAIN = (str, int, float, bool, type(None), typing.Any)


def _plain_only(hint: Any) -> tuple[None, None]:
    args = typing.get_args(hint) or (hint,)
    if not all(a in _PLAIN for a in args):
        raise TypeError(f"the cache cannot store a field of type {hint}")
    return None, None


# --- the store -----------------------------------------------------------------------------------

class ResultStore:
    """Encoded results of one namespace: display name -> (content digest, encoded result)."""

    def __init__(self, folder: Path, key: str):
        self.folder = folder
        self.key = key
        self.path = folder / f"results-{key}.bin"
        self.entries: dict[str, tuple[bytes, bytes]] = {}
        self.seen: set[str] = set()
        self.changed = False

    @classmethod
    def open(cls, folder: Path, key: str) -> ResultStore:
        store = cls(folder, key)
        store.entries = _read_store(store.path, key)
        return store

    def get(self, display: str, content_digest: bytes) -> bytes | None:
        self.seen.add(display)
        found = self.entries.get(display)
        if found is None or found[0] != content_digest:
            return None
        return found[1]

    def put(self, display: str, content_digest: bytes, blob: bytes) -> None:
        self.seen.add(display)
        if self.entries.get(display) != (content_digest, blob):
            self.entries[display] = (content_digest, blob)
            self.changed = True

    def save(self) -> None:
        """Write the store if it changed; a cache that cannot be written is simply not written."""
        if not self.changed:
            return
        entries = self.entries
        if len(entries) > MAX_ENTRIES:
            entries = {k: v for k, v in entries.items() if k in self.seen}
        payload = marshal.dumps((CACHE_FORMAT, self.key, entries))
        data = MAGIC + hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest() + payload
        try:
            from .writing import write_atomic

            write_atomic(self.path, data, force=True)
            self.changed = False
            _prune(self.folder, self.path)
        except OSError:
            pass


def _read_store(path: Path, key: str) -> dict[str, tuple[bytes, bytes]]:
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
    """Keep the newest few stores of other namespaces; older plans and versions are not coming back."""
    try:
        stores = [p for p in folder.glob("results-*.bin") if p != keep]
        stores.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stores[KEEP_STORES:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def decode_result(codec: RecordCodec, blob: bytes) -> Any:
    return codec.decode(marshal.loads(blob))


def encode_result(codec: RecordCodec, result: Any) -> bytes:
    return marshal.dumps(codec.encode(result))
