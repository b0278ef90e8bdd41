"""The yearly report as Markdown: the HTML report's content as tables and text, without the charts
(their numbers are in the table of reported values), for review in a repository."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import __version__
from ..i18n import text
from ..overview import TASK_COLUMNS
from ..report import ReportData, method_paragraph
from . import numbers as num
from . import report_labels as say
from .markdown import _table


def render_report(data: ReportData, lang: str) -> str:
    if data.final is not None:  # the period's last year: the final evaluation
        from .final_markdown import render_final

        return render_final(data, lang)

    def t(message_id: str, **fields: object) -> str:
        return text(message_id, lang, **fields)

    lines = header_lines(data, lang, t("report.title", year=data.year))
    colon = t("punctuation.colon")
    lines += [f"## {t('report.summary')}", ""]
    if data.goal is not None:
        lines += [f"**{t('report.goal')}**{colon}{say.goal_line(data.goal, data.year, lang)} "
                  f"**{say.status(data.goal.status, lang)}**", ""]
    lines += [t("report.counts_intro", total=len(data.indicators), year=data.year), ""]
    lines += _table([t("report.col.status"), t("report.col.count")],
                    [[say.status(s, lang), c] for s, c in data.counts.items()], ["l", "r"])
    if data.at_risk:
        lines += ["", f"**{say.at_risk_line(data.at_risk, lang)}**"]

    lines += ["", f"## {t('report.targets')}", ""]
    header = [t("report.col.indicator"), t("report.col.target"), t("report.col.expected"),
              t("report.col.actual"), t("report.col.gap"), t("report.col.ratio"), t("report.col.status"),
              t("report.col.forecast", year=data.end_year), t("report.col.notes")]
    rows = [[say.named(i.name, i.name_en, lang), say.target(i, lang), say.expected_amount(i, lang),
             say.row_amount(i, i.actual), say.row_amount(i, i.gap), num.ratio(i.ratio),
             f"**{say.status(i.status, lang)}**", say.forecast(i, lang), say.notes(i, lang)]
            for i in data.worst_first]
    lines += _table(header, rows, ["l", "l", "r", "r", "r", "r", "l", "r", "l"])
    if data.parts_behind:
        lines += ["", f"### {t('report.parts_behind')}", ""]
        lines += _table([t("report.col.indicator"), t("report.col.part"), *header[1:]],
                        [[say.named(i.name, i.name_en, lang), i.part, say.target(i, lang),
                          *(say.row_amount(i, v) for v in (i.expected, i.actual, i.gap)),
                          num.ratio(i.ratio), f"**{say.status(i.status, lang)}**", say.forecast(i, lang),
                          say.notes(i, lang)] for i in data.parts_behind],
                        ["l", "l", "l", "r", "r", "r", "r", "l", "r", "l"])

    lines += values_lines(data, lang)

    lines += ["", f"## {t('report.tasks', year=data.year)}"]
    lines += task_lines(data, lang, data.groups_of_kind, TASK_COLUMNS,
                        [t("report.col.task"), t("report.col.status")],
                        lambda task: [f"{task.number}. {task.title}", say.task_status(task.status, lang)])

    lines += milestone_lines(data, lang)

    lines += ["", f"## {t('report.reporting', year=data.year)}", "",
              t("report.reporting_line", sent=data.reports_received, owed=len(data.reporting)), ""]
    lines += _table([t("report.col.unit"), t("report.col.owes"), t("report.col.received", year=data.year)],
                    [[say.named(u.name, u.name_en, lang), say.joined(u.owes_for, lang),
                      t("report.received") if u.submitted else f"**{t('report.not_received')}**"]
                     for u in data.reporting])

    lines += ["", f"## {t('report.method')}", "", method_paragraph(data, lang), "", "---", "",
              t("report.made_with", version=__version__)]
    return "\n".join(lines).rstrip() + "\n"


def header_lines(data: ReportData, lang: str, title: str) -> list[str]:
    """The sample notice, the title and what the report was made from."""
    def t(message_id: str, **fields: object) -> str:
        return text(message_id, lang, **fields)

    lines = [f"> **{t('sample.line')}** {t('sample.hint')}", ""] if data.sample else []
    lines += [f"# {title}", ""]
    lines += [f"**{data.title}**" + (f"  \n{data.title_en}" if lang == "en" else ""), ""]
    colon = t("punctuation.colon")
    lines += [f"- {t('report.document_number')}{colon}{data.document_number}",
              f"- {t('report.plan_version')}{colon}{data.plan_version}",
              f"- {t('report.made')}{colon}{data.made.isoformat()}",
              f"- {t('report.data')}{colon}{t('report.data_files', files=data.files, year=data.year)}"]
    if data.source is not None:
        progress = (f"`{data.source.progress_dir}`" if data.source.progress_dir is not None
                    else t("report.no_progress_dir"))
        lines += [f"- {t('report.plan_file')}{colon}`{data.source.plan_path}`",
                  f"- {t('report.progress_dir')}{colon}{progress}"]
    lines.append("")
    if data.errors:
        lines += [f"> {t('report.errors', errors=data.errors, files=data.files)}", ""]

    return lines


def values_lines(data: ReportData, lang: str) -> list[str]:
    """The county's reported values, one row per target, one column per year."""
    lines = ["", f"## {text('report.values', lang)}", "", text("report.values_note", lang), ""]
    years = list(data.years)
    rows = []
    for i in data.indicators:
        values = dict(i.values)
        rows.append([say.named(i.name, i.name_en, lang), i.measure] + [say.amount(values.get(y), i.measure)
                                                                       for y in years])
    return lines + _table([text("report.col.indicator", lang), text("report.col.measure", lang)]
                          + [str(y) for y in years], rows, ["l", "l"] + ["r"] * len(years))


def milestone_lines(data: ReportData, lang: str) -> list[str]:
    if not data.milestones:
        return []
    lines = ["", f"## {text('report.milestones', lang)}", ""]
    return lines + _table([text("report.col.year", lang), text("report.col.milestone", lang),
                           text("report.col.status", lang)],
                          [[m.year, m.text, text(f"milestone.{m.state}", lang)] for m in data.milestones])


def task_lines(data: ReportData, lang: str, groups_of: Callable[[str], list], columns: tuple[str, ...],
               header: list[str], row: Callable[[Any], list]) -> list[str]:
    """Per kind of group: the counts of its groups' tasks by `columns`, then each group's tasks, one
    `row(task)` a line under `header`."""
    lines: list[str] = []
    colon = text("punctuation.colon", lang)
    for kind in data.kinds:
        groups = groups_of(kind.id)
        if not groups:
            continue
        lines += ["", f"### {kind.label(lang)}", ""]
        lines += _table([text("report.task_counts", lang)] + [say.task_status(c, lang) for c in columns],
                        [[say.named(g.title, g.title_en, lang)] + [g.counts[c] for c in columns]
                         for g in groups], ["l"] + ["r"] * len(columns))
        for g in groups:
            lines += ["", f"#### {say.named(g.title, g.title_en, lang)}", "",
                      f"{text('report.lead_units', lang)}{colon}{say.joined(g.lead, lang)}", ""]
            lines += _table(header, [row(task) for task in g.tasks])
    return lines
