"""The plan's own screens: `sciplan plan` (the whole plan) and `sciplan plan show` (a task, an
indicator, a unit), drawn with rich like the other terminal screens of `render.text`."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..i18n import text
from ..plan import Indicator, Plan, Task, Unit
from . import numbers as num
from .text import render_console, titled


def render_plan(plan: Plan, *, color: bool = False, width: int = 80, lang: str = "en") -> str:
    def build(console: Console) -> None:
        console.print(Text(plan.label(lang), style="bold"))
        document = plan.document
        console.print(text("screen.plan.document", lang, number=plan.reference,
                           issuer=(document.issuer if document else None) or "",
                           issued=(document.issued if document else None) or "", start=plan.period.start,
                           end=plan.period.end, version=plan.version))
        console.print()
        if plan.goal is not None and plan.goal.text:
            heading = (plan.goal.heading if lang == "zh" else None) or text("screen.goal", lang)
            console.print(Text(f"{heading} ", style="bold").append(plan.goal_summary, style=""))
            console.print()
        groups = Table(title=text("screen.groups_and_tasks", lang), title_justify="left", expand=False)
        groups.add_column(text("screen.col.group", lang), no_wrap=True)
        groups.add_column(text("screen.col.name", lang), overflow="fold", ratio=2)
        groups.add_column(text("screen.col.task_count", lang), justify="right", no_wrap=True)
        groups.add_column(text("screen.col.lead", lang), overflow="fold", ratio=3)
        for g in plan.groups:
            kind = plan.kind_label(g.kind, lang)
            groups.add_row(g.id, titled(g.label(lang), kind, lang), str(len(g.tasks)),
                           _names(plan, g.lead, lang))
        console.print(groups)
        console.print()
        inds = Table(title=text("screen.indicators", lang), title_justify="left")
        inds.add_column(text("screen.col.indicator_name", lang), overflow="fold", ratio=1)
        inds.add_column(text("screen.col.kind", lang), no_wrap=True)
        inds.add_column(text("screen.col.target", lang), justify="right", no_wrap=True)
        for i in plan.indicators:
            target = (num.target(i.comparator, i.target, i.measure, i.target_year, lang, i.target_text)
                      if i.has_target else text("screen.input", lang))
            name = "\n" + titled(i.label(lang), i.measure, lang)
            inds.add_row(Text(i.id, style="bold").append(name, style=""),
                         text(f"screen.kind.{i.kind}", lang), target)
        console.print(inds)
        console.print()
        reporting = sum(1 for u in plan.units if plan.groups_of_unit(u.id))
        console.print(text("screen.plan.counts", lang, units=len(plan.units), named=reporting,
                           townships=len(plan.areas), area=plan.area_word(lang) or text("screen.area", lang),
                           milestones=len(plan.milestones)))

    return render_console(build, color=color, width=width)


def render_task(plan: Plan, task: Task, *, color: bool = False, width: int = 80, lang: str = "en") -> str:
    group = plan.group_of_task(task.id)

    def build(console: Console) -> None:
        console.print(Text(f"{task.id}  {task.title}", style="bold"))
        if group:
            kind = plan.kind_label(group.kind, lang)
            heading = group.shown_heading if lang == "zh" else group.label_en
            console.print(text("screen.task.group", lang, heading=heading, kind=kind,
                               group=group.id))
        console.print()
        console.print(task.text)
        console.print()
        owner = task.responsibility or (group.responsibility if group else None)
        if owner is not None:
            console.print(Text(text("screen.task.lead", lang), style="bold")
                          .append(_names(plan, owner.lead, lang)))
            console.print(Text(text("screen.task.participating", lang), style="bold")
                          .append(_names(plan, owner.participating, lang)))
        indicators = [i for i in plan.indicators if i.task == task.id]
        if indicators:
            console.print()
            console.print(Text(text("screen.task.indicators", lang), style="bold"))
            for i in indicators:
                console.print(f"  {i.id}  {i.label(lang)}  {_target_text(i, lang)}")

    return render_console(build, color=color, width=width)


def _names(plan: Plan, unit_ids: list[str], lang: str) -> str:
    return text("list.separator", lang).join(
        plan.unit(u).label(lang) if plan.unit(u) else u for u in unit_ids)  # type: ignore[union-attr]


def _goal_heading(plan: Plan, lang: str) -> str:
    if plan.goal is None:
        return ""
    return (plan.goal.heading if lang == "zh" else None) or text("screen.goal", lang)


def _target_text(i: Indicator, lang: str) -> str:
    if not i.has_target:
        return text("screen.input_to_ratio", lang)
    return num.target(i.comparator, i.target, i.measure, i.target_year, lang, i.target_text)


def render_indicator(plan: Plan, i: Indicator, *, color: bool = False, width: int = 80,
                     lang: str = "en") -> str:
    def field(name: str) -> str:
        return text(f"screen.field.{name}", lang)

    def build(console: Console) -> None:
        console.print(Text(f"{i.id}  {i.label(lang)}", style="bold"))
        console.print()
        baseline = (text("screen.baseline", lang, value=i.baseline.value, year=i.baseline.year,
                         source=i.baseline.source) if i.baseline else text("screen.no_baseline", lang))
        task = plan.task(i.task)
        rows = [
            (field("measure"), i.measure), (field("kind"), text(f"screen.kind.{i.kind}", lang)),
            (field("target"), _target_text(i, lang)),
            (field("task"), f"{i.task}  {task.title if task else _goal_heading(plan, lang)}"),
            (field("baseline"), baseline),
            (field("reported_by"),
             _names(plan, plan.reporters(i), lang) or text("screen.never_reported", lang)),
        ]
        if i.ratio:
            rows.append((field("computed_as"), f"{i.ratio.numerator} ÷ ({i.ratio.denominator} ÷ "
                                               f"{num.figure(i.ratio.denominator_scale)})"))
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column(overflow="fold")  # every reporting unit, never cut off with an ellipsis
        for k, v in rows:
            table.add_row(k, escape(v))
        console.print(table)
        console.print()
        console.print(Text(text("screen.source", lang), style="bold").append(i.source_text))

    return render_console(build, color=color, width=width)


def render_unit(plan: Plan, unit: Unit, *, color: bool = False, width: int = 80, lang: str = "en") -> str:
    def build(console: Console) -> None:
        console.print(Text(f"{unit.label(lang)}  ({unit.id})", style="bold"))
        if unit.aliases:
            console.print(text("screen.aliases", lang) + text("list.separator", lang).join(unit.aliases))
        if unit.hosted_by:
            console.print(text("screen.placed_at", lang, host=_names(plan, [unit.hosted_by], lang)))
        console.print()
        groups = plan.groups_of_unit(unit.id)
        if groups:
            table = Table(title=text("screen.unit.groups", lang), title_justify="left")
            table.add_column(text("screen.col.role", lang))
            table.add_column(text("screen.col.group", lang), overflow="fold")
            table.add_column(text("screen.col.tasks", lang))
            for g, role in groups:
                table.add_row(text(f"screen.role.{role}", lang), f"{g.label(lang)} ({g.id})",
                              ", ".join(t.id for t in g.tasks))
            console.print(table)
        else:
            console.print(text("screen.unit.no_groups", lang))
        indicators = plan.indicators_of_unit(unit.id)
        if indicators:
            console.print()
            table = Table(title=text("screen.unit.may_report", lang), title_justify="left")
            # An id is what the user types next: never folded.
            table.add_column(text("screen.col.indicator", lang), no_wrap=True)
            table.add_column(text("screen.col.name", lang), overflow="fold")
            table.add_column(text("screen.col.target", lang), justify="right")
            for i in indicators:
                table.add_row(i.id, i.label(lang), _target_text(i, lang))
            console.print(table)
        milestones = [m for m in plan.milestones if unit.id in plan.milestone_reporters(m)]
        if milestones:
            console.print()
            console.print(Text(text("screen.milestones", lang), style="bold"))
            for m in milestones:
                console.print(f"  {m.year}  {m.id}  {m.text}")

    return render_console(build, color=color, width=width)
