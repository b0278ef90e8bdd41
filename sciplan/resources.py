"""Where the plan and the progress files are, when the user does not say.

Order: an explicit path (option or environment variable, resolved by the CLI), then `./data/` in
the working directory, then the copy shipped inside the package.
"""

from __future__ import annotations

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
    bundled = bundled_data_dir()
    return bundled / PLAN_NAME if bundled else None


def default_progress(cwd: Path) -> Path | None:
    local = cwd / "data" / PROGRESS_NAME
    if local.is_dir():
        return local
    bundled = bundled_data_dir()
    if bundled and (bundled / PROGRESS_NAME).is_dir():
        return bundled / PROGRESS_NAME
    return None


def display_path(path: Path, cwd: Path) -> str:
    """A path as a clerk would recognise it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return str(path)
