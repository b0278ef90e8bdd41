"""One small chart per targeted indicator, drawn with matplotlib as SVG to inline in the HTML report.

The expected path (the straight line to the target), the reported values (cumulative targets: their
running total), the target and the forecast, with the reported values coloured by status.

- Text stays text (svg.fonttype 'none') and its font-family is removed, so the browser draws it in
  the page's own fonts. The charts carry only years and figures; every word (names, units, legend)
  is in the HTML around them, so matplotlib never has to measure a Chinese glyph it may not have.
- No pyplot: a bare `Figure` renders through the SVG backend without selecting any GUI backend or
  touching global state; rcParams are set in a context for each chart only.
- Reproducible byte for byte: a fixed svg.hashsalt and no date or creator metadata.
- Inline-ready: the XML prolog, DOCTYPE, comments, metadata and namespace URLs are stripped, and every
  id is prefixed with the chart's own, so many charts can share one page.
"""

from __future__ import annotations

import io
import math
import re
from html import escape

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..assessment import Kind, Status
from ..report import IndicatorReport
from . import numbers as num

STATUS_COLOURS: dict[Status, str] = {
    Status.ACHIEVED: "#1a7f37",
    Status.NOT_ACHIEVED: "#8e1537",  # deep crimson: the deadline has passed, darker than deterioration
    Status.ON_TRACK: "#2f81c1",
    Status.NEEDS_ACCELERATION: "#b07d00",
    Status.LIMITED_PROGRESS: "#d4661c",
    Status.DETERIORATION: "#c62828",
    Status.NO_DATA: "#6e7781",
    Status.NO_BASELINE: "#6e7781",
}
EXPECTED_COLOUR = "#8c959f"
TARGET_COLOUR = "#24292f"
GRID_COLOUR = "#d8dee4"

RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "sciplan",
    "font.family": "sans-serif",
    "font.size": 8,
    "axes.edgecolor": "#57606a",
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": "#57606a",
    "ytick.color": "#57606a",
    "xtick.major.size": 2.5,
    "ytick.major.size": 2.5,
}
NO_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
FIGSIZE = (4.0, 2.3)  # inches; the page scales the SVG to its column


def chart_svg(ind: IndicatorReport, report_year: int, start_year: int, chart_id: str, label: str) -> str:
    """The chart of one indicator as an inline <svg> element; `label` becomes its accessible name."""
    with matplotlib.rc_context(RC):
        figure = _draw(ind, report_year, start_year)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata=NO_METADATA)
    return inline(buffer.getvalue(), chart_id, label)


def _draw(ind: IndicatorReport, report_year: int, start_year: int) -> Figure:
    colour = STATUS_COLOURS[ind.status]
    figure = Figure(figsize=FIGSIZE, layout="constrained")
    ax = figure.add_subplot()
    # Cumulative paths start from 0 at the end of the year before S; a plan baseline may be older still.
    first_year = min([start_year] + [year for year, _ in (*ind.expected_path, *ind.plotted)])
    ax.axvline(report_year, color=GRID_COLOUR, linewidth=3, zorder=0)
    if ind.expected_path:
        xs, ys = zip(*ind.expected_path, strict=True)
        ax.plot(xs, ys, linestyle=(0, (4, 3)), color=EXPECTED_COLOUR, linewidth=1.2, zorder=1)
    if ind.kind is Kind.ANNUAL:
        ax.axhline(ind.target, color=TARGET_COLOUR, linewidth=0.8, zorder=1)
    ax.plot([ind.final_year], [ind.target], linestyle="none", marker="*", markersize=9, color=TARGET_COLOUR,
            zorder=3)
    if ind.plotted:
        xs, ys = zip(*ind.plotted, strict=True)
        ax.plot(xs, ys, color=colour, linewidth=2, marker="o", markersize=4, zorder=4)
    if ind.forecast is not None and ind.forecast_from is not None:
        fx, fy = ind.forecast_from
        ax.plot([fx, ind.final_year], [fy, ind.forecast], linestyle=(0, (1, 2)), color=colour, linewidth=1.4,
                zorder=2)
        ax.plot([ind.final_year], [ind.forecast], linestyle="none", marker="D", markersize=5,
                markerfacecolor="white", markeredgecolor=colour, markeredgewidth=1.4, zorder=5)

    ax.set_xlim(first_year - 0.3, ind.final_year + 0.3)
    ax.set_xticks(range(first_year, ind.final_year + 1))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: str(int(round(x)))))
    ax.set_ylim(*value_range(ind))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=ind.measure != "%"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: _tick(y, ind.measure)))
    ax.grid(axis="y", color=GRID_COLOUR, linewidth=0.5)
    ax.set_axisbelow(True)
    return figure


def value_range(ind: IndicatorReport) -> tuple[float, float]:
    """The y axis: from 0 (or below, for a forecast under zero) to a little above the highest point."""
    heights = [ind.target] + [y for _, y in ind.plotted] + [y for _, y in ind.expected_path]
    if ind.forecast is not None:
        heights.append(ind.forecast)  # a least-squares forecast can fall below zero
    # A sum past the largest float is infinite, and a point off the scale is not drawn: the axis spans
    # the finite points, with its margin kept finite too (1e308 * 1.12 would not be).
    heights = [h for h in heights if math.isfinite(h)] or [0.0]
    top = _widened(max(heights)) if max(heights) > 0 else 1.0
    return min(0.0, _widened(min(heights))), top


def _widened(value: float) -> float:
    """`value` and 12% more, away from zero; the value itself where that is no longer finite."""
    wider = value * 1.12
    return wider if math.isfinite(wider) else value


# Beyond this a tick written out in full would be wider than the chart: it is written 1.2e+15.
HUGE_TICK = 1e12


def _tick(value: float, measure: str) -> str:
    if measure == "%":
        return f"{value:g}%"
    if abs(value) >= HUGE_TICK:
        return f"{value:.3g}"
    return num.figure(value)


_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_NAMESPACES = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_FONT_FAMILY = re.compile(r"font-family:[^;\"]*;?\s*")
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(xlink:href="#|href="#|url\(#)([^")]+)')


def inline(svg: str, chart_id: str, label: str) -> str:
    """matplotlib's SVG document made into an element that can sit inside an HTML page."""
    svg = _PROLOG.sub("", svg, count=1)
    svg = _COMMENT.sub("", svg)
    svg = _METADATA.sub("", svg)
    # In HTML the parser puts <svg> in the SVG namespace itself; the URLs would only look like links.
    svg = _NAMESPACES.sub("", svg)
    svg = _FONT_FAMILY.sub("", svg)
    svg = _ID.sub(lambda m: f'id="{chart_id}-{m.group(1)}"', svg)
    svg = _REFERENCE.sub(lambda m: f"{m.group(1)}{chart_id}-{m.group(2)}", svg)
    svg = svg.replace("<svg ", f'<svg id="{chart_id}" class="chart" role="img" aria-label="{escape(label)}" ',
                      1)
    return svg.strip() + "\n"
