"""Finding the progress files: files and folders given on the command line -> (path, display name) pairs.

Owns the folder walk (`discover`, `_walk`): which names count as progress files (YAML_SUFFIXES), how
deep a progress tree may go (MAX_FOLDER_DEPTH), and the findings about the tree itself (a folder that
cannot be listed, a link that leads outside, a folder named like a file, nothing to check). Beside
`loading`, which reads each file found; imports only its own layer and findings below it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .resources import shown_path

if TYPE_CHECKING:
    from .findings import Finding

# Every warm start walks the progress folder (output_cache hashes what it finds), so the findings
# catalogue is imported only when there is a finding to make: a clean tree costs no more than the walk.

YAML_SUFFIXES = (".yaml", ".yml")
# Files a progress folder may hold that sciplan does not read, by what takes them in (L020).
UNREAD_KINDS = {".xlsx": "workbook", ".xlsm": "workbook", ".xls": "old_sheet", ".et": "old_sheet",
                ".ods": "old_sheet", ".csv": "document", ".docx": "document", ".doc": "document",
                ".wps": "document", ".txt": "document", ".pdf": "document", ".json": "document"}


def unread(name: str) -> str | None:
    """What kind of unread file `name` is (`UNREAD_KINDS`; "document" for any other), or None when it is
    passed over in silence: a README, a hidden file, an office lock file (~$name.xlsx)."""
    if name.startswith((".", "~$")) or name.upper().startswith("README"):
        return None
    suffix = os.path.splitext(name)[1].lower()
    return UNREAD_KINDS.get(suffix, "document")


# A progress tree is year folders of unit files; past this depth a folder is a mistake or a trap.
MAX_FOLDER_DEPTH = 32


def discover(paths: Iterable[Path], displays: Iterable[str] | None = None
             ) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """Expand files and folders into (path, display name) pairs, sorted within each folder.

    Folders are walked without recursion, to MAX_FOLDER_DEPTH levels. Symlinks that lead outside a
    given folder are reported, not followed; a folder that cannot be listed, or lies too deep, is a
    finding, never silently skipped.
    """
    files: list[tuple[Path, str]] = []
    findings: list[Finding] = []
    displays = list(displays) if displays is not None else None
    for n, path in enumerate(paths):
        shown = displays[n] if displays is not None else shown_path(path)
        if not path.exists() and not path.is_symlink():
            from .findings import UsageError
            from .i18n import Message

            raise UsageError(Message("error.no_such_path", path=shown))
        if not path.is_dir():
            files.append((path, shown))
            continue
        found, walk_findings = _walk(path, shown)
        files.extend(found)
        findings.extend(walk_findings)
        if not found:
            from .findings import L016

            findings.append(L016.say("no_files", file=shown))
    return files, findings


def _walk(folder: Path, shown: str) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """The progress files under one folder, depth first in name order, as `discover` lists them."""
    root = folder.resolve()
    files: list[tuple[Path, str]] = []
    findings: list[Finding] = []
    stack: list[tuple[Path, str, int]] = [(folder, shown, 0)]
    while stack:
        current, current_shown, depth = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: (not _is_real_dir(e), e.name))
        except OSError as exc:
            from .findings import L018
            from .loading import os_reason

            findings.append(L018.say("unreadable", file=current_shown, reason=os_reason(exc)))
            continue
        subfolders: list[tuple[Path, str, int]] = []
        # What Path(current_shown) / name shows, without building a Path for each name.
        base = str(Path(current_shown))
        for entry in entries:
            path = current / entry.name  # a child parses only the name: cheaper than Path(entry.path)
            entry_shown = shown_path(entry.name if base == "." else os.path.join(base, entry.name))
            is_yaml = entry.name.endswith(YAML_SUFFIXES)
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):  # dangling, or a loop: reading it says which
                    if is_yaml:
                        files.append((path, entry_shown))
                    continue
                if not target.is_relative_to(root):
                    if is_yaml or target.is_dir():
                        from .findings import L013

                        findings.append(L013.say("outside", file=entry_shown,
                                            folder=shown, target=shown_path(target)))
                    continue
                if target.is_dir():
                    continue  # a link back inside the folder: its files are listed under their real path
            elif _is_real_dir(entry):
                if is_yaml:
                    # Named like a progress file: the user expects a file here, so say so, don't walk it.
                    from .findings import L012

                    findings.append(L012.say("folder_named_yaml", file=entry_shown))
                elif depth + 1 > MAX_FOLDER_DEPTH:
                    from .findings import L019

                    findings.append(L019.say("too_deep", file=entry_shown,
                                        limit=MAX_FOLDER_DEPTH))
                else:
                    subfolders.append((path, entry_shown, depth + 1))
                continue
            if is_yaml:
                files.append((path, entry_shown))
            elif (kind := unread(entry.name)) is not None:
                from .findings import L020

                named = {"name": entry_shown} if kind == "workbook" else {}
                findings.append(L020.say(kind, file=entry_shown, **named))  # never silently skipped
        # Folders before files at each level, as the listing was sorted: push them in reverse order.
        stack.extend(reversed(subfolders))
    return files, findings


def _is_real_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False
