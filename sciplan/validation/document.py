"""One progress file against the plan: the header, then each entry section, in the file's order.

`check_document` runs the section checkers (header, values, tasks, milestones) over one parsed
document and returns its `FileResult`; `check_loaded` and `check_file` put the loader's findings
first. The result depends only on the plan and the document, never on the date or the
environment, which is what lets the runner cache it by the file's bytes.
"""

from __future__ import annotations

from pathlib import Path

from ..findings import L006, L007, L008
from ..loading import Document, Loaded, load_file
from ..plan import Plan
from ..reading import DEFAULT_MAX_BYTES
from .context import Context, FileResult
from .header import check_header
from .milestones import check_milestones
from .tasks import check_tasks
from .values import check_values


def check_document(plan: Plan, doc: Document) -> FileResult:
    """Check one parsed progress file against the plan.

    No rule compares a file with the current date (R210 compares `submitted` with the first day of
    `period`), so the result depends only on the plan and the file, and can be cached.
    """
    ctx = Context(plan, doc)
    header = check_header(ctx)
    check_values(ctx, header)
    check_tasks(ctx, header)
    check_milestones(ctx, header)
    return ctx.result


def check_file(plan: Plan, path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    return check_loaded(plan, load_file(path, display, max_bytes=max_bytes))


def check_loaded(plan: Plan, loaded: Loaded) -> FileResult:
    """Check what the loader made of one file (its findings stay first)."""
    if loaded.document is None:
        return FileResult(findings=loaded.findings)
    result = check_document(plan, loaded.document)
    result.findings[:0] = loaded.findings
    if any(f.code in (L006.code, L007.code, L008.code) for f in loaded.findings):
        # The YAML parsed, but a duplicate key or alias means the data may not say what was meant.
        result.values.clear()
        result.tasks.clear()
        result.milestones.clear()
        result.submission = None
    return result
