"""The `milestones:` section of a progress file: the schedule's milestones the unit reports on.

Owns the checks of one milestone entry: its keys, the milestone named, whether the unit is
responsible for it, its status, date and evidence (the last two read as the tasks section reads them).
"""

from __future__ import annotations

from .. import progress as pf
from ..findings import P303, R207
from ..i18n import Message
from .context import Context, did_you_mean
from .header import Header
from .tasks import evidence, status


def check_milestones(ctx: Context, header: Header) -> None:
    plan = ctx.plan
    unit_id = header.unit_id
    for n, item in ctx.entries(ctx.doc.data, "milestones"):
        path = ("milestones", n)
        ok = ctx.keys(item, path, pf.MILESTONE_KEYS, ("milestone", "status"))
        milestone_id = ctx.text(item, path, "milestone") if "milestone" in item else None
        milestone = plan.milestone(milestone_id) if milestone_id else None
        if milestone_id and milestone is None:
            ok = False
            ctx.unknown(R207, (*path, "milestone"), "unknown_milestone",
                        did_you_mean(milestone_id, [m.id for m in plan.milestones],
                                     R207.message("milestones",
                                                  milestones=", ".join(m.id for m in plan.milestones))),
                        milestone=milestone_id)
        elif (milestone is not None and unit_id is not None
              and unit_id not in plan.milestone_reporters(milestone)):
            ok = False
            ctx.emit(P303, (*path, "milestone"),
                     P303.message("not_responsible", unit=plan.unit(unit_id).name,  # type: ignore[union-attr]
                                  milestone=milestone.id,
                                  reporters=_names(plan, plan.milestone_reporters(milestone))))
        milestone_status = status(ctx, item, path) if "status" in item else None
        if milestone_status is None:
            ok = False
        when = ctx.date(item, path, "date")
        if item.get("date") is not None and when is None:
            ok = False
        what = Message("finding.what.milestone", id=milestone_id or n + 1)
        ok = evidence(ctx, item, path, milestone_status, what)[0] and ok
        if ok and header.record_unit and milestone and milestone_status:
            record = pf.MilestoneRecord(header.record_unit, header.year,  # type: ignore[arg-type]
                                        milestone.id, milestone_status, when, ctx.place(path))
            ctx.result.milestones.append(record)


def _names(plan, unit_ids: list[str]) -> str:
    return "、".join(plan.unit(u).name if plan.unit(u) else u for u in unit_ids)
