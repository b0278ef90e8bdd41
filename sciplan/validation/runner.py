"""The runner: every progress file under the given paths, then the set as a whole.

`validate_paths` is the one entry point for progress files. It finds the files (`discovery`),
checks each one (`document`) - from the per-file cache when its bytes were checked before, in
worker processes when there are many - and then runs the cross-file checks (`crossfile`) over
every file's records. One broken file never stops the others; neither the cache nor `--jobs`
changes the findings or their order. Problems that mean sciplan cannot run raise `UsageError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import progress as pf
from ..discovery import discover
from ..findings import Report, UsageError
from ..i18n import Message
from ..loading import decode, load_text
from ..plan import Plan
from ..reading import DEFAULT_MAX_BYTES, read_regular
from .context import FileResult
from .crossfile import SetRecords
from .document import check_file, check_loaded
from .plan_file import plan_key


@dataclass
class Validation:
    report: Report
    submissions: list[pf.Submission]
    values: list[pf.ValueRecord]
    tasks: list[pf.TaskRecord]
    milestones: list[pf.MilestoneRecord]


def validate_paths(plan: Plan, paths: Sequence[Path], displays: Sequence[str] | None = None, *,
                   max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = 1,
                   cache: Path | None = None, keep_records: bool = True) -> Validation:
    """Check every progress file under `paths` and the set as a whole.

    `jobs` > 1 checks files in that many worker processes (None: one per core); `cache` is a folder
    where per-file results are kept between runs (None: no cache). Neither changes the findings or
    their order. Without `keep_records` the result holds the report alone (its record lists are
    empty): each file's records are dropped once the cross-file checks have taken what they need,
    so memory grows by tens of bytes a figure, not hundreds.
    """
    files, findings = discover(paths, displays)
    report = Report(files=len(files), findings=list(findings))
    submissions: list[pf.Submission] = []
    values: list[pf.ValueRecord] = []
    tasks: list[pf.TaskRecord] = []
    milestones: list[pf.MilestoneRecord] = []
    records = SetRecords()
    for result in _file_results(plan, files, max_bytes, jobs or default_jobs(), cache):
        report.extend(result.findings)
        records.add(result.values, result.tasks, result.claims)
        if not keep_records:
            continue
        if result.submission:
            submissions.append(result.submission)
        values.extend(result.values)
        tasks.extend(result.tasks)
        milestones.extend(result.milestones)
    cross, dropped = records.findings(plan)
    del records
    report.extend(cross)
    if dropped and values:
        values = [v for n, v in enumerate(values) if n not in dropped]
    return Validation(report, submissions, values, tasks, milestones)


# --- many files: worker processes and the cache ---------------------------------------------------

_POOL_MIN_FILES = 64  # fewer files than this are checked faster than worker processes start
_OWN_SHARE = 0.9  # of an even share of the files, what the main process checks itself


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _read_bytes(path: Path, max_bytes: int) -> bytes | None:
    """A regular file's bytes within the size limit; None leaves the file to `load_file`, which
    words whatever is wrong with it."""
    try:
        data = read_regular(path, max_bytes)
    except OSError:
        return None
    return data if len(data) <= max_bytes else None


def _check_path(plan: Plan, path: Path, display: str, max_bytes: int, want_digest: bool
                ) -> tuple[FileResult, bytes | None]:
    """One file's result and, when asked, the digest of the exact bytes that were checked."""
    data = _read_bytes(path, max_bytes)
    if data is None:
        return check_file(plan, path, display, max_bytes), None
    text, findings = decode(data, display, max_bytes)
    result = FileResult(findings=findings) if text is None else check_loaded(plan, load_text(text, display))
    if not want_digest:
        return result, None
    from ..cache import digest

    return result, digest(data)


def _cache_key(plan: Plan, max_bytes: int) -> str:
    from ..cache import code_fingerprint, namespace

    # A file's result depends on its bytes (the entry's digest), the plan, the size limit and the
    # code that checks it - and on nothing else: no rule reads the date (R210 compares `submitted`
    # with the first day of `period`, both written in the file) or the environment. So the key holds
    # no date and the cache lasts from one day to the next. A rule that compared a file with the
    # current date would have to run outside this cached per-file result, on the records.
    return namespace(code_fingerprint(), plan_key(plan), f"max_bytes={max_bytes}")


_KEEP_BYTES = 16 << 20  # encoded results held at once: cached ones awaiting their turn, new ones unwritten


class _Store:
    """The cache's store as the runner uses it: new entries are written out every `_KEEP_BYTES`, so
    a first run over many files does not hold every file's encoded result until its end."""

    def __init__(self, store):
        self.store = store
        self.pending = 0

    def get(self, display: str, data_digest: bytes) -> bytes | None:
        return self.store.get(display, data_digest)

    def put(self, display: str, data_digest: bytes, blob: bytes) -> None:
        self.store.put(display, data_digest, blob)
        self.pending += len(blob)
        if self.pending > _KEEP_BYTES:
            self.save()

    def save(self) -> None:
        self.store.save()
        self.pending = 0


def _file_results(plan: Plan, files: list[tuple[Path, str]], max_bytes: int, jobs: int,
                  cache_dir: Path | None) -> Iterable[FileResult]:
    """Each file's result, in the order of `files`: from the cache, worker processes or this one.

    The cache is looked up first, to know which files to check. Found results are decoded only at
    their turn; up to `_KEEP_BYTES` of them are held from the look-up, the others are read again."""
    store = codec = None
    found: dict[int, bytes] = {}  # file -> its cached result
    again: dict[int, bytes] = {}  # file -> the digest its cached result is read by again at its turn
    if cache_dir is not None:
        from .. import cache

        codec = cache.codec_for(FileResult)
        store = _Store(cache.ResultStore(cache_dir, _cache_key(plan, max_bytes)))
        held = 0
        for n, (path, display) in enumerate(files):
            data = _read_bytes(path, max_bytes)
            if data is None:
                continue
            data_digest = cache.digest(data)
            blob = store.get(display, data_digest)
            if blob is not None:
                held += len(blob)
                if held <= _KEEP_BYTES:
                    found[n] = blob
                else:
                    again[n] = data_digest
            del data, blob
    todo = [n for n in range(len(files)) if n not in found and n not in again]
    if jobs > 1 and len(todo) >= _POOL_MIN_FILES:
        checked = _check_in_pool(plan, [files[n] for n in todo], max_bytes, jobs, store)
    else:
        checked = (_check_serial(plan, files[n], max_bytes, store) for n in todo)
    for n in range(len(files)):
        if n in found:
            blob = found.pop(n)
        elif n in again:
            blob = store.get(files[n][1], again.pop(n))  # type: ignore[union-attr]
        else:
            yield next(checked)
            continue
        result = _decoded(codec, blob)
        del blob
        # A malformed entry (or one gone since the look-up) is a miss: the file is checked now.
        yield result if result is not None else _check_serial(plan, files[n], max_bytes, store)
    if store is not None:
        store.save()


def _decoded(codec, blob: bytes | None) -> FileResult | None:
    if blob is None:
        return None
    try:
        return codec.loads(blob)
    except Exception:  # noqa: BLE001 - any malformed entry, however it fails, is only a miss
        return None


def _check_serial(plan: Plan, file: tuple[Path, str], max_bytes: int, store) -> FileResult:
    path, display = file
    result, data_digest = _check_path(plan, path, display, max_bytes, store is not None)
    if data_digest is not None:
        from ..cache import codec_for

        store.put(display, data_digest, codec_for(FileResult).dumps(result))
    return result


def _check_in_pool(plan: Plan, files: list[tuple[Path, str]], max_bytes: int, jobs: int, store
                   ) -> Iterable[FileResult]:
    """Results of `files`, in order, from `jobs` processes: this one checks the first files while
    `jobs - 1` worker processes check the rest. All in this process when the platform cannot start
    workers."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from ..cache import codec_for

    codec = codec_for(FileResult)
    # This process also decodes what the workers send back and then runs the cross-file checks,
    # so it takes a little less than its even share.
    split = int(len(files) / jobs * _OWN_SHARE)
    items = [(str(path), display) for path, display in files[split:]]
    # fork starts workers with the plan already in memory; elsewhere each worker imports sciplan.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunksize = max(1, min(256, len(items) // (jobs * 8)))
    try:
        pool = ProcessPoolExecutor(jobs - 1, mp_context=context, initializer=_init_worker,
                                   initargs=(plan, max_bytes, store is not None))
        outputs = pool.map(_check_in_worker, items, chunksize=chunksize)
    except (OSError, NotImplementedError, ImportError):
        yield from (_check_serial(plan, file, max_bytes, store) for file in files)
        return
    try:
        for file in files[:split]:
            yield _check_serial(plan, file, max_bytes, store)
        for (_, display), (blob, data_digest) in zip(items, outputs, strict=True):
            if data_digest is not None:
                store.put(display, data_digest, blob)
            yield codec.loads(blob)
    except BrokenProcessPool:
        raise UsageError(Message("error.worker_stopped")) from None
    except BaseException:
        # Ctrl-C (or any failure here): stop the workers now rather than let them finish the queue.
        _stop_workers(pool)
        raise
    pool.shutdown()


def _stop_workers(pool) -> None:
    """End a pool's workers at once. The executor has no public way to kill running workers; its
    `_processes` map has been stable since Python 3.2."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=1)


_worker: dict[str, Any] = {}


def _init_worker(plan: Plan, max_bytes: int, want_digest: bool) -> None:
    import signal

    # Ctrl-C reaches the whole process group: the main process alone decides, and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(plan=plan, max_bytes=max_bytes, want_digest=want_digest)


def _check_in_worker(item: tuple[str, str]) -> tuple[bytes, bytes | None]:
    from ..cache import codec_for

    path, display = item
    result, data_digest = _check_path(_worker["plan"], Path(path), display, _worker["max_bytes"],
                                      _worker["want_digest"])
    # marshal of plain tuples: several times cheaper to send back than pickled records.
    return codec_for(FileResult).dumps(result), data_digest
