"""Writing output files: atomically (a temporary file in the same folder, then a rename), as UTF-8,
and never over an existing file unless the caller passes force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputExists(Exception):
    def __init__(self, path: Path):
        super().__init__(f"{path} already exists; pass --force to overwrite it")
        self.path = path


def write_atomic(path: Path, data: bytes | str, *, force: bool = False) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if path.exists() and not force:
        raise OutputExists(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; give a file name")
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
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
