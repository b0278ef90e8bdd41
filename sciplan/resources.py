"""Where the plan and the progress files are, when the user does not say.

Order: an explicit path (option or environment variable, resolved by the CLI), then `./data/` in
the working directory, then the copy shipped inside the package.

The progress files shipped with sciplan are an invented sample. They are read only together with the
plan shipped with sciplan, and only when no progress folder was given or found: a user's own plan
never meets them (with no progress folder of its own it has zero progress files). Whether a folder is
the sample is decided by what it is (the same folder as the shipped one), not by how it was found, so
the source checkout's own `data/progress` is announced as the sample too.
"""

from __future__ import annotations

import os
from pathlib import Path

PLAN_NAME = "plan.yaml"
PROGRESS_NAME = "progress"


def bundled_data_dir() -> Path | None:
    """The data folder shipped with sciplan: inside the wheel, or the source checkout's `data/`."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled", here.parent / "data"):
        if (candidate / PLAN_NAME).is_file():
            return candidate
    return None


def default_plan(cwd: Path) -> Path | None:
    local = cwd / "data" / PLAN_NAME
    if local.is_file():
        return local
    return bundled_plan()


def bundled_plan() -> Path | None:
    bundled = bundled_data_dir()
    return bundled / PLAN_NAME if bundled else None


def sample_progress() -> Path | None:
    """The invented sample of progress files shipped with sciplan."""
    bundled = bundled_data_dir()
    if bundled and (bundled / PROGRESS_NAME).is_dir():
        return bundled / PROGRESS_NAME
    return None


def _same(a: Path | None, b: Path | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def is_bundled_plan(path: Path) -> bool:
    return _same(path, bundled_plan())


def is_sample(path: Path) -> bool:
    """`path` is the shipped sample folder, or a folder or file inside it."""
    sample = sample_progress()
    if sample is None:
        return False
    try:
        resolved, root = path.resolve(), sample.resolve()
    except OSError:
        return False
    return resolved == root or root in resolved.parents


def local_progress(cwd: Path) -> Path:
    """Where a progress folder is looked for when none is given."""
    return cwd / "data" / PROGRESS_NAME


def default_progress(cwd: Path, plan: Path | None = None) -> Path | None:
    """The progress folder to read for `plan` when none was given: ./data/progress, else the sample,
    but the sample only for the plan shipped with sciplan (`plan` None counts as that plan)."""
    shipped_plan = plan is None or is_bundled_plan(plan)
    local = local_progress(cwd)
    if local.is_dir() and (shipped_plan or not is_sample(local)):
        return local
    return sample_progress() if shipped_plan else None



def display_path(path: Path, cwd: Path) -> str:
    """A path as a clerk would recognise it: relative to the working directory when inside it."""
    try:
        return shown_path(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return shown_path(path)


def shown_path(path: Path | str) -> str:
    """A path as text that any output can carry: bytes of a name that are not UTF-8 (kept by Python as
    lone surrogates) are written as escapes such as \\xff, never passed on raw."""
    name = os.fspath(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name
