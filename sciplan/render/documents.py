"""The renderers the registries in `sciplan.render` name: one per document and format, all called
`render(document, style, **options)`. Each takes the document whole (its `source` included), says
when the figures are the invented sample in the way its format allows (lines opening a screen, a
Markdown quote, a CSV comment, a GitHub notice, JSON's `sample` key), and hands the rest to its
format's module. Format modules are imported inside the functions: looking one up costs one import."""

from __future__ import annotations

from typing import Any

from ..i18n import text
from . import Style


def _sample(document: Any) -> bool:
    source = getattr(document, "source", None)
    return source is not None and source.sample


def _notice_lines(document: Any, style: Style) -> str:
    """The first lines of a text screen made from the shipped sample (empty otherwise)."""
    if not _sample(document):
        return ""
    from .text import render_sample_notice

    return render_sample_notice(color=style.color, width=style.width, lang=style.lang)


def _notice_markdown(document: Any, style: Style) -> str:
    if not _sample(document):
        return ""
    return f"> **{text('sample.line', style.lang)}** {text('sample.hint', style.lang)}\n\n"


def csv_note(document: Any) -> str | None:
    """The note that opens a CSV file or an export workbook made from the shipped sample: in Chinese
    and English, as machine formats are the same in every language (None for real reports)."""
    if not _sample(document):
        return None
    return " ".join(f"{text('sample.line', lang)} {text('sample.hint', lang)}" for lang in ("zh", "en"))


def as_json(document: Any, style: Style, **layout: Any) -> str:
    """The document's own keys (its source's included), as every JSON document is written; JSON has
    no layout (a gap table's `by` groups only the formats for people)."""
    from .json import dumps

    return dumps(document.as_dict())


# --- findings: a checked set of files (`api.Checked`: a report and, for `validate`, its source) -----

def findings_text(checked: Any, style: Style) -> str:
    plain = _plain_summary(checked, style)
    if plain is not None:
        return plain
    from .text import render_findings

    report = checked.report.localized(style.lang)  # findings are data until shown: worded here
    return _notice_lines(checked, style) + render_findings(report, color=style.color, width=style.width,
                                                           lang=style.lang)


def _plain_summary(checked: Any, style: Style) -> str | None:
    """The screen of a clean run without colour - its one summary line - written without rich (which
    costs more start-up than checking a file); None when rich must draw it. The same text as rich's:
    a line of no more UTF-8 bytes than the width is never wrapped (no character is wider than its
    bytes)."""
    report = checked.report
    if report.findings or style.color or _sample(checked):
        return None
    from ..i18n import plural

    line = (plural("screen.checked", report.files, style.lang) + plural("screen.errors", 0, style.lang)
            + text("screen.comma", style.lang) + plural("screen.warnings", 0, style.lang)).rstrip()
    return line + "\n" if len(line.encode("utf-8")) <= style.width and "\n" not in line else None


def findings_json(checked: Any, style: Style) -> str:
    from .json import dumps

    return dumps(checked.localized(style.lang).as_dict())


def findings_github(checked: Any, style: Style) -> str:
    from .github import render_findings

    notice = f"::notice title=sciplan::{text('sample.line', style.lang)}\n" if _sample(checked) else ""
    return notice + render_findings(checked.report.localized(style.lang))


# --- workbooks imported into a progress folder (`api.ImportBatch`) --------------------------------------

def imports_text(batch: Any, style: Style) -> str:
    """One line per workbook (what became of it, or why it was refused), the findings that refused
    workbooks, and the counts."""
    lines = []
    for r in batch.workbooks:
        if r.state == "refused":
            reason = r.reason.render(style.lang) if r.reason is not None else ""
            lines.append(text("cli.import_refused_line", style.lang, path=r.shown, reason=reason))
        else:
            state = text(f"cli.import_state.{r.state}", style.lang)
            lines.append(text("cli.import_line", style.lang, state=state, path=r.shown,
                              target=r.target_shown))
    refused = batch.findings()
    shown = findings_text(refused, style) if refused.report.findings else ""
    summary = text("cli.import_summary", style.lang, total=len(batch.workbooks), **batch.counts())
    return "\n".join(lines) + "\n" + shown + summary + "\n"


def imports_json(batch: Any, style: Style) -> str:
    from .json import dumps

    return dumps(batch.as_dict(style.lang))


def imports_github(batch: Any, style: Style) -> str:
    """The findings that refused workbooks, as annotations (nothing when none was refused for them)."""
    refused = batch.findings()
    return findings_github(refused, style) if refused.report.findings else ""


# --- the gap table and the status overview -----------------------------------------------------------

def gap_text(table: Any, style: Style, by: str = "indicator") -> str:
    from .text import render_gap

    return _notice_lines(table, style) + render_gap(table, by, color=style.color, width=style.width,
                                                    lang=style.lang)


def gap_markdown(table: Any, style: Style, by: str = "indicator") -> str:
    from .markdown import render_gap

    return _notice_markdown(table, style) + render_gap(table, by, lang=style.lang)


def gap_csv(table: Any, style: Style, by: str = "indicator") -> str:
    from .csv import render_gap

    return render_gap(table, by, sample_note=csv_note(table))


def status_text(overview: Any, style: Style) -> str:
    from .text import render_status

    return _notice_lines(overview, style) + render_status(overview, color=style.color, width=style.width,
                                                          lang=style.lang)


def status_markdown(overview: Any, style: Style) -> str:
    from .markdown import render_status

    return _notice_markdown(overview, style) + render_status(overview, lang=style.lang)


def status_csv(overview: Any, style: Style) -> str:
    from .csv import render_status

    return render_status(overview, sample_note=csv_note(overview))


# --- units ------------------------------------------------------------------------------------------

def units_text(roster: Any, style: Style) -> str:
    from .units import render_units

    return _notice_lines(roster, style) + render_units(roster.plan, roster.units, color=style.color,
                                                       width=style.width, lang=style.lang)


def unit_text(detail: Any, style: Style) -> str:
    from .units import render_unit_detail

    return _notice_lines(detail, style) + render_unit_detail(detail, color=style.color, width=style.width,
                                                             lang=style.lang)


# --- who still owes (`sciplan missing`) -------------------------------------------------------------

def missing_text(missing: Any, style: Style) -> str:
    from .missing import render_text

    return _notice_lines(missing, style) + render_text(missing, color=style.color, width=style.width,
                                                       lang=style.lang)


def missing_markdown(missing: Any, style: Style) -> str:
    from .missing import render_markdown

    return _notice_markdown(missing, style) + render_markdown(missing, lang=style.lang)


def missing_csv(missing: Any, style: Style) -> str:
    from .missing import render_csv

    return render_csv(missing, sample_note=csv_note(missing))


# --- the yearly report (its header names its source itself) -----------------------------------------

def report_html(data: Any, style: Style) -> str:
    from .html import render_report

    return render_report(data, style.lang)


def report_markdown(data: Any, style: Style) -> str:
    from .report_markdown import render_report

    return render_report(data, style.lang)
