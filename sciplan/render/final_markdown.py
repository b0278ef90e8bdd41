"""The final evaluation as Markdown: the report for the plan period's last year (`ReportData.final`),
the same header as the yearly report, then every target achieved or not (the goal's verdict first, no
forecasts), the tasks with their evidence, the milestones and each unit's record over the period."""

from __future__ import annotations

from .. import __version__
from ..i18n import text
from ..report import FINAL_TASK_COLUMNS, FINAL_VERDICTS, ReportData, final_method_paragraph
from . import numbers as num
from . import report_labels as say
from .markdown import _table
from .report_markdown import header_lines, milestone_lines, task_lines, values_lines


def render_final(data: ReportData, lang: str) -> str:
    def t(message_id: str, **fields: object) -> str:
        return text(message_id, lang, **fields)

    final = data.final
    assert final is not None
    colon = t("punctuation.colon")
    lines = header_lines(data, lang, t("final.title", start=data.start_year, end=data.end_year))
    lines += [f"## {t('final.summary')}", ""]
    if data.goal is not None:
        goal = data.goal
        line = t("final.goal_line", name=goal.name, target=say.target(goal, lang), year=goal.final_year,
                 actual=say.row_amount(goal, goal.actual))
        lines += [f"**{t('report.goal')}**{colon}{line} **{say.status(goal.status, lang)}**", ""]
    lines += [t("final.counts_intro", total=len(data.indicators), end=data.end_year), ""]
    lines += _table([t("report.col.status"), t("report.col.count")],
                    [[say.status(s, lang), data.counts[s]] for s in FINAL_VERDICTS], ["l", "r"])

    lines += ["", f"## {t('final.targets')}", ""]
    lines += _table([t("report.col.indicator"), t("report.col.target"), t("final.col.final"),
                     t("report.col.gap"), t("final.col.verdict"), t("report.col.notes")],
                    [[say.named(i.name, i.name_en, lang), say.target(i, lang), say.row_amount(i, i.actual),
                      say.row_amount(i, i.gap), f"**{say.status(i.status, lang)}**", say.notes(i, lang)]
                     for i in data.worst_first], ["l", "l", "r", "r", "l", "l"])
    lines += values_lines(data, lang)

    lines += ["", f"## {t('final.tasks')}", "", t("final.tasks_note")]
    lines += task_lines(data, lang, final.groups_of_kind, FINAL_TASK_COLUMNS,
                        [t("report.col.task"), t("report.col.status"), t("final.col.evidence")],
                        lambda task: [f"{task.number}. {task.title}", say.final_task(task, lang),
                                      "；".join(f"{unit}{colon}{said}" for unit, said in task.evidence)])
    lines += milestone_lines(data, lang)

    lines += ["", f"## {t('final.units', start=data.start_year, end=data.end_year)}", "",
              t("final.units_note"), ""]
    lines += _table([t("report.col.unit"), t("final.col.owed"), t("final.col.on_time"), t("final.col.late"),
                     t("final.col.undated"), t("final.col.missing"), t("final.col.figures"),
                     t("final.col.tasks_done")],
                    [[say.named(u.name, u.name_en, lang)]
                     + [say.years(y, lang) for y in (u.owed_years, u.on_time, u.late, u.undated)]
                     + [f"**{say.years(u.missing, lang)}**" if u.missing else num.UNKNOWN, u.figures,
                        u.tasks_done]
                     for u in final.units], ["l"] * 6 + ["r", "r"])

    lines += ["", f"## {t('report.method')}", "", final_method_paragraph(data, lang), "", "---", "",
              t("report.made_with", version=__version__)]
    return "\n".join(lines).rstrip() + "\n"
