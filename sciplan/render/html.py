"""The yearly report as one self-contained HTML file: a Jinja2 template, matplotlib charts inlined as SVG.

Nothing is fetched: the styles are in the page, the charts are inline SVG, the fonts are the reader's
own, and a Content-Security-Policy forbids every fetch, so the file opens offline from a USB stick
and cannot call out even if someone edits it. Needs the `report` extra (jinja2, matplotlib).
"""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from .. import __version__
from ..i18n import text
from ..overview import TASK_COLUMNS
from ..report import (
    FINAL_TASK_COLUMNS,
    FINAL_VERDICTS,
    HEADLINE_ORDER,
    ReportData,
    final_method_paragraph,
    method_paragraph,
)
from . import numbers as num
from . import report_labels as say
from .charts import EXPECTED_COLOUR, STATUS_COLOURS, TARGET_COLOUR, chart_svg

HTML_LANG = {"zh": "zh-CN", "en": "en"}
# Blocks every fetch (scripts, styles, fonts, images, frames, connections) except the inline styles.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_environment: jinja2.Environment | None = None


def css_string(value: str) -> Markup:
    """`value` as a quoted CSS string (for `content:`): quotes, backslashes and line ends escaped, and
    `<` too, so the text cannot close the style element."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\\n<>' else c for c in value)
    return Markup(f'"{escaped}"')


def environment() -> jinja2.Environment:
    global _environment
    if _environment is None:
        _environment = jinja2.Environment(
            loader=jinja2.PackageLoader("sciplan.render", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        _environment.filters["css_string"] = css_string
    return _environment


def chart_id(indicator_id: str) -> str:
    return f"chart-{indicator_id}"


# A chart costs about 60 ms to draw and a quarter of a printed page: a plan with hundreds of targets
# gets charts for those that need attention most, and the tables list every target.
MAX_CHARTS = 60


def _charted(data: ReportData) -> list:
    """The targets drawn as charts, in the report's order: all of them up to MAX_CHARTS; past that
    the overall goal and the rest worst first."""
    if len(data.indicators) <= MAX_CHARTS:
        return list(data.indicators)
    first = [data.goal] if data.goal is not None else []
    chosen = {r.id for r in first}
    for row in data.worst_first:
        if len(chosen) >= MAX_CHARTS:
            break
        chosen.add(row.id)
    return [r for r in data.indicators if r.id in chosen]


def render_report(data: ReportData, lang: str) -> str:
    def t(message_id: str, **fields: object) -> str:
        return text(message_id, lang, **fields)

    charted = _charted(data)
    charts = {
        ind.id: Markup(chart_svg(ind, data.year, data.start_year, chart_id(ind.id),
                                 t("report.chart_label", name=ind.name, status=say.status(ind.status, lang))))
        for ind in charted
    }
    template = environment().get_template("report.html.j2" if data.final is None else "final.html.j2")
    return template.render(
        data=data,
        lang=lang,
        html_lang=HTML_LANG[lang],
        csp=CONTENT_SECURITY_POLICY,
        t=t,
        say=say,
        num=num,
        charts=charts,
        charted=charted,
        not_charted=len(data.indicators) - len(charted),
        chart_id=chart_id,
        headline_order=HEADLINE_ORDER,
        task_columns=TASK_COLUMNS,
        status_colours={str(s): c for s, c in STATUS_COLOURS.items()},
        expected_colour=EXPECTED_COLOUR,
        target_colour=TARGET_COLOUR,
        method=method_paragraph(data, lang) if data.final is None else final_method_paragraph(data, lang),
        final_task_columns=FINAL_TASK_COLUMNS,
        final_verdicts=FINAL_VERDICTS,
        version=__version__,
    )
