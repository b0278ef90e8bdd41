"""The `tasks:` section of a progress file, and the status and evidence every task and milestone carries.

Owns the checks of one task entry (its keys, the task named, whether it lies in one of the unit's
groups, its status and evidence) and the two readers the milestones section shares: `status` (one
of the status words, or why not) and `evidence` (required when done or blocked).
"""

from __future__ import annotations

from .. import progress as pf
from ..domain import TASK_STATUS
from ..findings import P302, R206, S103, S109, S110, W503
from ..i18n import Message
from .context import Context, did_you_mean, type_name
from .header import Header
from .lookups import lookups


def check_tasks(ctx: Context, header: Header) -> None:
    plan = ctx.plan
    unit_id = header.unit_id
    task_units = lookups(plan).task_units
    kept = ctx.result.tasks
    for n, item in ctx.entries(ctx.doc.data, "tasks"):
        path = ("tasks", n)
        # The clean entry, in one go: only known keys, a task of the unit's groups, a status word, and
        # evidence written or not needed yet. Anything else is checked step by step below.
        written, word, said = item.get("task"), item.get("status"), item.get("evidence")
        if unit_id is not None and type(written) is str and type(word) is str and item.keys() <= _TASK_KEYS:
            task_id = written.strip()
            task_status = _STATUSES.get(word.strip())
            if task_status is not None and unit_id in task_units.get(task_id, ()):
                text = said.strip() if type(said) is str else None
                if text or (said is None and task_status is pf.TaskStatus.NOT_STARTED):
                    if header.record_unit:
                        kept.append(pf.TaskRecord(header.record_unit, header.year,  # type: ignore[arg-type]
                                                  header.area_id, task_id, task_status, text or None,
                                                  ctx.place(path)))
                    continue
        ok = ctx.keys(item, path, pf.TASK_KEYS, ("task", "status"))
        task_id = ctx.text(item, path, "task") if "task" in item else None
        if task_id is not None and plan.task(task_id) is None:
            ok = False
            ctx.unknown(R206, (*path, "task"), "unknown_task",
                        did_you_mean(task_id, [t.id for g in plan.groups for t in g.tasks],
                                     R206.message("tasks")), task=task_id)
        elif task_id is not None and unit_id is not None:
            group = plan.group_of_task(task_id)
            if group is not None and unit_id not in plan.task_units(task_id):
                ok = False
                ctx.emit(P302, (*path, "task"),
                         P302.message("not_in_groups", unit=plan.unit(unit_id).name,  # type: ignore[union-attr]
                                      group=group.title, task=task_id, unit_id=unit_id))
        task_status = status(ctx, item, path) if "status" in item else None
        if task_status is None:
            ok = False
        what = Message("finding.what.task", id=task_id or n + 1)
        evidence_ok, said = evidence(ctx, item, path, task_status, what)
        if ok and evidence_ok and header.record_unit and task_id and task_status:
            record = pf.TaskRecord(header.record_unit, header.year, header.area_id,  # type: ignore[arg-type]
                                   task_id, task_status, said, ctx.place(path))
            ctx.result.tasks.append(record)


_TASK_KEYS = frozenset(pf.TASK_KEYS)
_STATUSES = {word: pf.TaskStatus(word) for word in pf.STATUS_WORDS}


def status(ctx: Context, item: dict, path: tuple) -> pf.TaskStatus | None:
    spath = (*path, "status")
    value = item.get("status")
    if isinstance(value, str) and value.strip() in pf.STATUS_WORDS:
        return pf.TaskStatus(value.strip())
    raw = ctx.doc.raw.get(spath, value)
    words = " | ".join(pf.STATUS_WORDS)
    if isinstance(value, bool):
        message = S109.message("bool", raw=str(raw))
    elif value is None:
        message = S109.message("empty")
    else:
        message = S109.message("unknown", words=words, value=repr(value))
    meant = TASK_STATUS.meaning(value) if isinstance(value, str) else None
    hint = (S109.message("chinese", status=meant) if meant
            else did_you_mean(value, pf.STATUS_WORDS, S109.message("words", words=words)))
    ctx.emit(S109, spath, message, hint)
    return None


def evidence(ctx: Context, item: dict, path: tuple, status: pf.TaskStatus | None, what: Message
             ) -> tuple[bool, str | None]:
    value = item.get("evidence")
    if value is not None and not (isinstance(value, str) and value.strip()):
        if not isinstance(value, str):
            ctx.emit(S103, (*path, "evidence"), S103.message("evidence", got=type_name(value)))
            return False, None
        value = None
    if value is None and status in (pf.TaskStatus.DONE, pf.TaskStatus.BLOCKED):
        ctx.emit(S110, path, S110.message("missing", what=what, status=str(status)))
        return False, None
    if value is None and status is pf.TaskStatus.IN_PROGRESS:
        ctx.emit(W503, path, W503.message("missing", what=what))
    return True, value.strip() if isinstance(value, str) else None
