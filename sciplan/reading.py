"""Reading an input file's bytes safely: only a regular file, and never past its size or a limit.

Beside `loading`, which parses what is read here, and `writing`, its counterpart. Kept apart from
`loading` so that a warm start (output_cache hashing the inputs) reads files without importing
the YAML parser or the findings catalogue.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

DEFAULT_MAX_BYTES = 1 << 20  # a progress file's size limit unless --max-bytes says otherwise
PLAN_MAX_BYTES = 16 * DEFAULT_MAX_BYTES  # a plan file's


class NotRegularFile(OSError):
    """A pipe, device, socket or folder stands where a file was expected: opening it could block for
    ever (a FIFO waits for a writer) or read without end (/dev/zero)."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` + 1 of them (more than `limit` means too large).
    Opened without blocking and checked on the open descriptor, so nothing can be swapped in between
    the look and the read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        # Never ask for more than the file holds: a read of `limit` would reserve `limit` bytes up front.
        # Plain reads on the descriptor: no buffered file object is needed for one read of a small file.
        wanted = min(status.st_size, limit) + 1
        chunks = []
        while wanted > 0:
            chunk = os.read(fd, wanted)
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)
