"""Writing output files: atomically (a temporary file in the same folder, then a rename), as UTF-8,
and never over an existing file unless the caller passes force.

sciplan writes regular files only. A target that exists in any form — a file, a symbolic link, even
one whose target is gone — needs force, and force then replaces the link itself, never what it points
to. A device, pipe, socket or folder is refused even with force: `-o /dev/null --force` run as root
must not replace the system's /dev/null with a regular file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputExists(Exception):
    def __init__(self, path: Path):
        super().__init__(f"{path} already exists; pass --force to overwrite it")
        self.path = path


class NotRegularOutput(Exception):
    """The target exists and is not a regular file or a symbolic link (a device, pipe, socket or folder)."""

    def __init__(self, path: Path, kind: str):
        super().__init__(f"{path} is a {kind}, not a regular file")
        self.path = path
        self.kind = kind  # folder, device, pipe, socket


class OutputIsInput(Exception):
    """The target is one of the files the command reads."""

    def __init__(self, path: Path):
        super().__init__(f"{path} is an input of this command")
        self.path = path


def _kind(mode: int) -> str | None:
    """What a non-regular, non-link file is; None for a regular file or a symbolic link."""
    if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def check_target(path: Path, *, force: bool = False, inputs: Iterable[Path] = ()) -> None:
    """Raise unless `path` may be written: absent, or (with force) a regular file or link that is
    none of `inputs`. Nothing is followed: the link itself is what would be replaced."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    except NotADirectoryError:
        return  # a parent is a file: creating the folder fails later with the system's own words
    kind = _kind(status.st_mode)
    if kind is not None:
        raise NotRegularOutput(path, kind)
    for source in inputs:
        try:
            if os.path.samefile(path, source):
                raise OutputIsInput(path)
        except OSError:
            continue  # a dangling link or a vanished input is not the same file
    if not force:
        raise OutputExists(path)


def write_atomic(path: Path, data: bytes | str, *, force: bool = False, inputs: Iterable[Path] = ()) -> None:
    if isinstance(data, str):
        # A lone surrogate (a file name's undecodable byte) becomes an escape, never invalid UTF-8.
        data = data.encode("utf-8", "backslashreplace")
    check_target(path, force=force, inputs=inputs)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file private (0600); give it the mode any new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # Checked again just before the rename: the target may have appeared since the first look.
        check_target(path, force=force, inputs=inputs)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
