"""Terminal output with rich: tables that align Chinese text (rich measures cell width), colour only
when the caller says the output is a colour terminal, plain text otherwise.

Every renderer takes `lang` ("en" or "zh"); the words come from the catalogue in `i18n`. English
shows status, milestone-state and kind ids as they are (scripts grep `on_track`); Chinese shows their
labels. Hand-aligned columns are padded by display width (`cell_len`), since a Chinese character takes
two terminal cells."""

from __future__ import annotations

import io
import math
import os
import re
from collections.abc import Callable

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..assessment import Status
from ..findings import Report, Severity
from ..i18n import parts, plural, text
from ..overview import (
    GROUP_BY,
    TASK_COLUMNS,
    GapRow,
    GapTable,
    StatusOverview,
    grouped,
    part_name,
    parts_behind,
)
from ..plan import Group, Indicator, Plan
from . import narrow
from . import numbers as num

STATUS_STYLE = {
    "achieved": "bold green",
    "not_achieved": "bold white on red",  # the deadline has passed: stronger than deterioration
    "on_track": "green",
    "needs_acceleration": "yellow",
    "limited_progress": "red",
    "deterioration": "bold red",
    "no_data": "dim",
    "no_baseline": "cyan",
}
# A bar's blocks take the status's colour as foreground; a background would show through the blocks.
BAR_STYLE = {**STATUS_STYLE, "not_achieved": "bold red"}


def render_console(build: Callable[[Console], None], *, color: bool, width: int) -> str:
    """Run `build` against a rich console that writes to a string; the one place consoles are made."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, width=width, highlight=False, emoji=False,
                      soft_wrap=False, legacy_windows=False)
    build(console)
    # rich pads table cells to the full width; trailing blanks only get in the way of diffs and pastes.
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _label(prefix: str, value: object, lang: str) -> str:
    """An id as English output has always shown it (`on_track`), or its label from the catalogue."""
    return str(value) if lang == "en" else text(f"{prefix}.{value}", lang)


def group_name(plan: Plan, group_id: str, lang: str, *, short: bool = False) -> str:
    """How a group is shown: its title in the reader's language (the plan's English title in English,
    else its Chinese one); with `short`, without the words every group of its kind shares."""
    group = plan.group(group_id)
    if group is None:
        return group_id
    if lang == "en":
        return _short_english(plan, group) if short else group.label_en
    if not short:
        return group.title
    kin = [g.title for g in plan.groups if g.kind == group.kind]
    common = len(os.path.commonprefix([t[::-1] for t in kin])) if len(kin) > 1 else 0
    shortened = group.title[:len(group.title) - common] if common >= 2 else group.title
    return shortened or group.title


def _short_english(plan: Plan, group: Group) -> str:
    """An English group title without the words every title of its kind starts or ends with
    ("Youth" for "Youth science literacy enhancement action")."""
    words = group.label_en.split()
    kin = [g.label_en.split() for g in plan.groups if g.kind == group.kind]
    if len(kin) < 2:
        return group.label_en
    head = len(os.path.commonprefix(kin))
    tail = len(os.path.commonprefix([k[::-1] for k in kin]))
    kept = words[head if head >= 2 else 0:len(words) - tail if tail >= 2 else len(words)]
    if not kept or kept == words:
        return group.label_en
    # Without the noun they qualified, possessives read better plain: "Farmers' …" -> "Farmers".
    short = " ".join(re.sub(r"(?:'s|'|’s|’)$", "", w) for w in kept)
    return short[:1].upper() + short[1:]


def titled(name: str, aside: str, lang: str) -> str:
    """A name with a word beside it in brackets: 名称（个） in Chinese, Name (个) in English."""
    if lang == "en":
        return f"{name} ({aside})" if aside else name
    return f"{name}（{aside}）"


def indicator_name(plan: Plan, indicator_id: str, lang: str) -> str:
    """An indicator by its name in the reader's language (its id where the plan has no such indicator)."""
    indicator = plan.indicator(indicator_id)
    return indicator.label(lang) if indicator is not None else indicator_id


def _styled(message_id: str, lang: str, styles: dict[str, str], /, **fields: object) -> Text:
    """The message as rich Text, each field in its style from `styles` (the words around it plain)."""
    out = Text()
    for piece, field in parts(message_id, lang, **fields):
        out.append(piece, style=styles.get(field, "") if field else "")
    return out


def _ljust(value: str, width: int) -> str:
    return value + " " * max(0, width - cell_len(value))


def _rjust(value: str, width: int) -> str:
    return " " * max(0, width - cell_len(value)) + value


# --- findings -------------------------------------------------------------------------------------

def render_findings(report: Report, *, color: bool = False, width: int = 80, lang: str = "en") -> str:
    severity_width = max(cell_len(text(f"screen.severity.{s}", lang)) for s in Severity)

    def build(console: Console) -> None:
        by_file: dict[str, list] = {}
        for f in report.sorted():
            by_file.setdefault(f.file or text("screen.no_file", lang), []).append(f)
        # One width for every file's location and severity columns, so all messages start in one column.
        where_width = max((len(_where(f)) for f in report.findings), default=1) + 2
        for file, findings in by_file.items():
            console.print(Text(file, style="bold underline"))
            grid = Table.grid(padding=(0, 1), pad_edge=False)
            grid.add_column(no_wrap=True, style="dim", min_width=where_width)  # line:column
            grid.add_column(no_wrap=True, min_width=severity_width)
            grid.add_column(no_wrap=True, style="bold")  # code
            grid.add_column(overflow="fold")  # message and hint
            for f in findings:
                where = _where(f)
                style = "red" if f.severity is Severity.ERROR else "yellow"
                body = Text(f.message)
                if f.hint:
                    body.append("\n" + text("screen.hint", lang), style="dim")
                    body.append(f.hint, style="dim" if not color else "")
                severity = text(f"screen.severity.{f.severity}", lang)
                grid.add_row("  " + where, Text(severity, style=style), f.code, body)
            console.print(grid)
            console.print()
        summary = Text(plural("screen.checked", report.files, lang))
        summary.append(plural("screen.errors", report.errors, lang),
                       style="bold red" if report.errors else "green")
        summary.append(text("screen.comma", lang))
        summary.append(plural("screen.warnings", report.warnings, lang),
                       style="yellow" if report.warnings else "")
        console.print(summary)

    return render_console(build, color=color, width=width)


def _where(f) -> str:
    return f"{f.line}:{f.column}" if f.line and f.column else (f"{f.line}" if f.line else "-")


def render_plan_findings(findings, *, color: bool = False, width: int = 80, lang: str = "en") -> str:
    report = Report(files=1, findings=list(findings))
    return render_findings(report, color=color, width=width, lang=lang)


# --- gap and status -------------------------------------------------------------------------------
#
# Both screens must read in an 80-column terminal with Chinese names, so an indicator's name gets a
# line of its own (rich folds it by display width) and the figures go on the line below, in fixed
# ASCII columns that line up from one indicator to the next.

BAR_WIDTH = 10
BAR_FULL, BAR_EMPTY, BAR_EXPECTED = "█", "·", "┊"
_NUMBER_COLUMNS = (("screen.col.expected", 11), ("screen.col.actual", 11), ("screen.col.gap", 11),
                   ("screen.col.ratio", 7))


def _status_width(lang: str) -> int:
    return max(cell_len(_label("status", s, lang)) for s in Status)


def _status_text(status: Status | str, lang: str) -> Text:
    return Text(_label("status", status, lang), style=STATUS_STYLE.get(str(status), ""))


def _is_level(row: GapRow) -> bool:
    return row.indicator.kind in ("level", "ratio")


def _share(row: GapRow, value: float | None) -> float | None:
    """Where `value` lies on the way to the final target, in the target's direction: 0 at the start
    (0 for flows, the baseline for levels, whether they are to rise or fall), 1 at the target; an
    annual cap is full when the value is within it (cap ÷ value)."""
    a, i = row.assessment, row.indicator
    if value is None or not i.target:
        return None
    if _is_level(row):
        if a.baseline is None or i.target == a.baseline.value:
            return None
        return (value - a.baseline.value) / (i.target - a.baseline.value)
    if not i.rising:  # an annual cap: nothing to fall short of at 0, half full at twice the cap
        return i.target / value if value else 1.0
    return value / i.target


def progress_share(row: GapRow) -> float | None:
    """Share of the final target reached (flows) or of the way from baseline to target (levels)."""
    return _share(row, row.assessment.actual)


def _bar(row: GapRow, width: int = BAR_WIDTH) -> Text:
    """█ for the way made, ┊ where the straight line says the county should be by now."""
    share = progress_share(row)
    if share is None or math.isnan(share):
        return Text(BAR_EMPTY * width, style="dim")
    filled = round(max(0.0, min(1.0, share)) * width)  # clamped first: a huge share is a full bar
    cells = [BAR_FULL] * filled + [BAR_EMPTY] * (width - filled)
    expected = _share(row, row.assessment.expected)
    if expected is not None and math.isfinite(expected):
        # The cell holding the expected point; the small epsilon keeps 0.6 * 10 from landing on 5.
        mark = math.floor(max(0.0, min(1.0, expected)) * width + 1e-9)
        if filled <= mark < width:
            cells[mark] = BAR_EXPECTED
    # Styles go on the segments, not the Text: a base style would tint the dots too.
    bar = Text().append("".join(cells[:filled]), style=BAR_STYLE.get(str(row.status), ""))
    return bar.append("".join(cells[filled:]), style="dim")


def _unit_suffix(i: Indicator, value: float | None) -> str:
    return "%" if i.measure == "%" and value is not None else ""


def _figure(i: Indicator, value: float | None, decimals: int | None = None) -> str:
    return num.figure(value, i.measure, decimals) + _unit_suffix(i, value)


def _row_decimals(row: GapRow) -> int:
    """The decimals of a row's expected, actual and gap: enough that the figures shown add up."""
    a = row.assessment
    return num.decimals_for(a.expected, a.actual, a.gap, row.indicator.measure)


def _target_figure(i: Indicator) -> str:
    """The target as the plan writes it."""
    return num.written(i.target, i.target_text) + _unit_suffix(i, i.target)


def _short_target(row: GapRow, period_end: int, lang: str) -> str:
    """'>= 5,000', '> 15.0%', '>= 2,000/yr'; the year only when it is not the plan's end year."""
    i = row.indicator
    target = f"{i.comparator} {_target_figure(i)}"
    if i.kind == "annual":
        return text("screen.target.short_per_year", lang, target=target)
    if i.target_year and i.target_year != period_end:
        return text("screen.target.by", lang, target=target, year=i.target_year)
    return target


def _long_target(i: Indicator, lang: str) -> str:
    measure = "" if i.measure == "%" else f" {i.measure}"
    target = f"{i.comparator} {_target_figure(i)}{measure}"
    if i.kind == "annual":
        return text("screen.target.a_year", lang, target=target)
    return text("screen.target.by", lang, target=target, year=i.target_year)


def _forecast_text(row: GapRow, lang: str) -> str:
    a = row.assessment
    if a.forecast is None:
        return num.UNKNOWN
    figure = _figure(row.indicator, a.forecast)
    if a.forecast_meets_target is None:
        return figure
    verdict = "screen.forecast.meets" if a.forecast_meets_target else "screen.forecast.short"
    return f"{figure} {text(verdict, lang)}"


def _gap_header(table: GapTable, lang: str) -> Text:
    head = "  " + _ljust(text("screen.col.status", lang), _status_width(lang))
    head += "".join(_rjust(text(label, lang), w) for label, w in _NUMBER_COLUMNS)
    head += "  " + text("screen.col.forecast_in", lang, year=table.plan.period.end)
    return Text(head, style="bold")


def _gap_entry(row: GapRow, year: int, lang: str, plan: Plan) -> list[Text]:
    """Three lines: name, id and target (a part's share says whose); the figures under the column heads;
    kind and gaps in the data; a fourth with the notes that reconcile the figures, where there are any."""
    i, a = row.indicator, row.assessment
    target = _long_target(i, lang)
    if row.part is not None:
        target = text("screen.gap.share", lang, part=part_name(plan, row.part, lang), target=target)
    title = Text(i.label(lang), style="bold").append(f"  {i.id}", style="dim").append(f"  {target}")
    status = _status_text(a.status, lang)
    figures = Text("  ").append_text(status)
    figures.append(" " * (_status_width(lang) - status.cell_len))
    decimals = _row_decimals(row)
    for (_, w), value in zip(_NUMBER_COLUMNS, (a.expected, a.actual, a.gap), strict=False):
        figures.append(_figure(i, value, decimals).rjust(w))
    figures.append(num.ratio(a.ratio).rjust(_NUMBER_COLUMNS[-1][1]))
    figures.append("  " + _forecast_text(row, lang))
    detail = Text("  " + text(f"screen.kind.{i.kind}", lang), style="dim")
    if row.year < year:
        detail.append(text("screen.gap.judged_at", lang, year=row.year), style="yellow")
    if a.missing_years:
        detail.append(text("screen.gap.no_figure", lang, years=num.years(a.missing_years, lang)),
                      style="yellow")
    if a.missed_years:
        detail.append(text("screen.gap.missed", lang, years=num.years(a.missed_years, lang)), style="yellow")
    notes = row_notes(row, lang)
    if not notes:
        return [title, figures, detail]
    # On a line of its own: what reconciles the status with the figures is read, not folded away.
    return [title, figures, detail, Text("  " + " · ".join(notes), style="yellow")]


def row_notes(row: GapRow, lang: str) -> list[str]:
    """What reconciles a row's figures: the pro-rata expected figure of a whole-number indicator, and
    the forecast's shortfall where the status says the county is on its way."""
    i, a = row.indicator, row.assessment
    notes = []
    if row.pro_rata:
        notes.append(num.pro_rata_note(a.expected, i.measure, lang, _row_decimals(row)))  # type: ignore[arg-type]
    if a.at_risk:
        notes.append(num.row_short_note(row, lang))
    return notes


def _at_risk_lines(table: GapTable, lang: str) -> list[Text]:
    """The rows on track but at risk under a heading, one a line, each with its shortfall."""
    rows = table.at_risk()
    if not rows:
        return []
    out = [Text(text("note.at_risk", lang) + text("punctuation.colon", lang), style="yellow")]
    for r in rows:
        name = r.indicator.label(lang)  # the plan's English name in English, if it has one
        out.append(Text("  " + text("note.at_risk_row", lang, name=name, note=num.row_short_note(r, lang)),
                        style="yellow"))
    return out


def render_gap(table: GapTable, by: str = "indicator", *, color: bool = False, width: int = 80,
               lang: str = "en") -> str:
    assert by in GROUP_BY
    plan = table.plan

    def build(console: Console) -> None:
        console.print(Text(text("screen.gap.title", lang, year=table.year), style="bold"))
        if width < narrow.STACKED_BELOW:  # one block per indicator, lines wrapped where they may break
            narrow.put(console, plan.label(lang))
            narrow.put(console, text("screen.gap.plan", lang, number=plan.reference, version=plan.version))
            legend = text("screen.gap.legend", lang, start=plan.period.start, year=table.year)
            narrow.put(console, Text(legend, style="dim"))
            console.print()
            if not table.rows:
                narrow.put(console, text("screen.no_match", lang))
                return
            narrow.gap_rows(console, table, by, lang)
            narrow.counts(console, table, lang)
            return
        console.print(plan.label(lang))
        console.print(text("screen.gap.plan", lang, number=plan.reference, version=plan.version))
        # Plans with a falling target get the legend that says how its gap is counted.
        falling = any(not r.indicator.rising for r in table.rows)
        legend = "screen.gap.legend_falling" if falling else "screen.gap.legend"
        console.print(Text(text(legend, lang, start=plan.period.start, year=table.year), style="dim"))
        console.print()
        if not table.rows:
            console.print(text("screen.no_match", lang))
            return
        console.print(_gap_header(table, lang))
        for heading, rows in grouped(table, by, lang):
            if heading:
                console.print()
                console.print(Text(heading, style="bold underline"))
            for row in rows:
                title, *rest = _gap_entry(row, table.year, lang, plan)
                if lang == "en":  # a long English name wraps at a space, under itself
                    narrow.put(console, title, hang="    ")
                else:
                    console.print(title)
                for line in rest:
                    console.print(line)
        console.print()
        console.print(_counts_line(table, lang))
        for line in _at_risk_lines(table, lang):
            console.print(line)

    return render_console(build, color=color, width=width)


def _counts_line(table: GapTable, lang: str) -> Text:
    line = Text()
    for status, count in table.counts().items():
        if count:
            if line:
                line.append(" · ")
            line.append(f"{_label('status', status, lang)} {count}", style=STATUS_STYLE.get(status, ""))
    return line


def _goal_lines(overview: StatusOverview, lang: str) -> list[Text]:
    plan, goal = overview.plan, overview.goal_row
    if goal is None and not plan.goal_summary:
        return []  # a plan that states no goal (a new plan's skeleton): no heading over nothing
    title = (plan.goal_title if lang == "zh" else None) or text("screen.goal", lang)
    lines = [Text(title + " ", style="bold").append(plan.goal_summary)]
    if goal is None:
        return lines
    i, a = goal.indicator, goal.assessment
    decimals = _row_decimals(goal)
    line = Text(f"  {i.label(lang)} ")
    if a.actual is None:
        line.append(text("screen.goal.no_figure", lang, year=goal.year), style="bold")
    else:
        line.append_text(_styled("screen.goal.actual", lang, {"actual": "bold"},
                                 actual=_figure(i, a.actual, decimals), year=goal.year))
    if a.expected is not None:
        line.append(text("screen.goal.expected", lang, value=_figure(i, a.expected, decimals)))
    line.append(text("screen.goal.target", lang, target=_long_target(i, lang)))
    lines.append(line)
    bar = Text("  ").append_text(_bar(goal)).append("  ").append_text(_status_text(a.status, lang))
    if a.forecast is not None:
        verdict = text("screen.goal.meets" if a.forecast_meets_target else "screen.goal.short", lang)
        bar.append(text("screen.goal.forecast", lang, value=_figure(i, a.forecast), year=plan.period.end,
                        verdict=verdict))
    lines.append(bar)
    return lines


def _indicator_table(overview: StatusOverview, lang: str) -> Table:
    end = overview.plan.period.end
    table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold", show_edge=False)
    table.add_column(text("screen.col.indicators_in", lang, year=overview.year), overflow="fold", ratio=1)
    table.add_column(text("screen.col.target_in", lang, year=end), justify="right", no_wrap=True)
    table.add_column(text("screen.col.actual", lang), justify="right", no_wrap=True)
    table.add_column(text("screen.col.progress", lang), no_wrap=True)
    table.add_column(text("screen.col.status", lang), no_wrap=True)
    for row in overview.gap.rows:
        i, a = row.indicator, row.assessment
        table.add_row(Text(i.label(lang)), _short_target(row, end, lang), _figure(i, a.actual), _bar(row),
                      _status_text(a.status, lang))
    return table


def _task_table(overview: StatusOverview, lang: str) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold", show_edge=False)
    table.add_column(text("screen.col.tasks_for", lang, year=overview.year), overflow="fold", ratio=1,
                     vertical="bottom")
    for key in TASK_COLUMNS:
        table.add_column(text(f"screen.tasks.{key}", lang), justify="right", no_wrap=True)
    style = {"done": "green", "blocked": "red", "not_reported": "yellow"}
    for g in overview.groups:
        cells = [Text(str(g.counts[key]), style=style.get(key, "") if g.counts[key] else "dim")
                 for key in TASK_COLUMNS]
        table.add_row(g.group.label(lang), *cells)
    return table


def _milestone_table(overview: StatusOverview, lang: str) -> Table | None:
    shown = [m for m in overview.milestones if m.state != "upcoming"]
    if not shown:
        return None
    style = {"done": "green", "due": "yellow", "overdue": "bold red"}
    table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold", show_edge=False)
    table.add_column(text("screen.col.year", lang), no_wrap=True)
    table.add_column(text("screen.col.state", lang), no_wrap=True)
    table.add_column(text("screen.col.milestones_due", lang, year=overview.year), overflow="fold", ratio=1)
    for m in shown:
        state = Text(_label("milestone", m.state, lang), style=style.get(m.state, ""))
        table.add_row(str(m.milestone.year), state, m.milestone.text)
    return table


def _reporting_lines(overview: StatusOverview, lang: str) -> list[Text | Table]:
    plan = overview.plan
    missing = overview.missing_reports
    owed = len(overview.reporting)
    head = Text(text("screen.reports.head", lang, year=overview.year), style="bold")
    head.append(text("screen.reports.sent", lang, sent=owed - len(missing), owed=owed),
                style="bold" if not missing else "bold yellow")
    out: list[Text | Table] = [head]
    if not missing:
        return out
    table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=False, show_edge=False)
    if lang == "en":  # English unit names are long: they wrap in a column of their own, never cut off
        table.padding, table.pad_edge = (0, 0, 0, 2), True  # an indent kept on every line a name wraps onto
        table.add_column(overflow="fold", max_width=30)
    else:
        table.add_column(no_wrap=True)
    table.add_column(overflow="fold", ratio=1, style="dim")
    for unit in missing:
        groups = [r for r in unit.reasons if plan.group(r)]
        indicators = [r for r in unit.reasons if not plan.group(r)]
        separator = text("list.separator", lang)
        why = []
        if groups:
            why.append(text("screen.reports.leads", lang,
                            groups=separator.join(group_name(plan, g, lang) for g in groups)))
        if indicators:
            why.append(text("screen.reports.reports", lang,
                            indicators=separator.join(indicator_name(plan, i, lang) for i in indicators)))
        found = plan.unit(unit.unit_id)
        name = found.label(lang) if found else unit.unit_id
        table.add_row(name if lang == "en" else "  " + name, text("screen.semicolon", lang).join(why))
    out.append(Text(text("screen.reports.not_received_from", lang), style="yellow"))
    out.append(table)
    return out


def render_status(overview: StatusOverview, *, color: bool = False, width: int = 80, lang: str = "en") -> str:
    plan = overview.plan

    def build(console: Console) -> None:
        if width < narrow.STACKED_BELOW:
            _narrow_status(console, overview, lang)
            return
        console.print(Text(plan.label(lang), style="bold"))
        console.print(text("screen.status.head", lang, number=plan.reference, year=overview.year,
                           version=plan.version, files=plural("screen.progress_files", overview.files, lang)))
        if overview.errors:
            console.print(Text(plural("screen.status.errors", overview.errors, lang), style="bold red"))
        console.print()
        goal_lines = _goal_lines(overview, lang)
        for line in goal_lines:
            narrow.put(console, line, hang="    ")  # a long English name wraps under itself
        if goal_lines:
            console.print()
        console.print(_indicator_table(overview, lang))
        console.print(_counts_line(overview.gap, lang))
        for line in _at_risk_lines(overview.gap, lang):
            console.print(line)
        console.print(Text(text("screen.status.legend", lang, made=BAR_FULL, expected=BAR_EXPECTED),
                           style="dim"))
        console.print()
        behind = parts_behind(overview.gap)
        if behind:
            console.print(Text(text("screen.parts_behind", lang), style="bold"))
            console.print(_gap_header(overview.gap, lang))
            for row in behind:
                for line in _gap_entry(row, overview.year, lang, plan):
                    console.print(line)
            console.print()
        console.print(_task_table(overview, lang))
        console.print()
        milestones = _milestone_table(overview, lang)
        if milestones is not None:
            console.print(milestones)
            console.print()
        for item in _reporting_lines(overview, lang):
            console.print(item)

    return render_console(build, color=color, width=width)


def _narrow_status(console: Console, overview: StatusOverview, lang: str) -> None:
    """The status screen below narrow.STACKED_BELOW columns: one block per row, wrapped lines."""
    plan = overview.plan
    narrow.put(console, Text(plan.label(lang), style="bold"))
    files = plural("screen.progress_files", overview.files, lang)
    narrow.put(console, text("screen.status.head", lang, number=plan.reference, year=overview.year,
                             version=plan.version, files=files))
    if overview.errors:
        narrow.put(console, Text(plural("screen.status.errors", overview.errors, lang), style="bold red"))
    console.print()
    goal_lines = _goal_lines(overview, lang)
    for line in goal_lines:
        narrow.put(console, line, hang="  ")
    if goal_lines:
        console.print()
    narrow.status_sections(console, overview, lang)
    narrow.reporting(console, overview, lang)


def render_sample_notice(*, color: bool = False, width: int = 80, lang: str = "en") -> str:
    """The lines that open every screen made from the invented sample shipped with sciplan."""
    def build(console: Console) -> None:
        if width < narrow.STACKED_BELOW:
            narrow.put(console, Text(text("sample.line", lang), style="bold red"))
            narrow.put(console, text("sample.hint", lang))
            return
        console.print(Text(text("sample.line", lang), style="bold red"))
        console.print(text("sample.hint", lang))

    return render_console(build, color=color, width=width)
