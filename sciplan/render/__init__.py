"""Renderers: one module per output format, found by name.

Each kind of document the CLI writes has a registry here, `Renderers`, mapping a format's name to a
function `render(document, style, **options) -> str`. The names feed click's `--format` choices, and
a command looks its renderer up by the name given: parse options, call one core entry point, look the
renderer up, write. A renderer's module is imported only when it is looked up (rich, Jinja2 and
matplotlib cost start-up time), so importing this package imports no other part of sciplan.

The documents carry what every format shows beside the figures: their `source` (which plan, which
progress folder, and whether it is the invented sample), named in JSON and announced on screens.
Only `text` knows rich. Number formatting is `sciplan.figures` (re-exported as `numbers`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Style:
    """How a renderer for people draws: the language, colours (terminal text only) and the width."""

    lang: str = "en"
    color: bool = False
    width: int = 80


Renderer = Callable[..., str]


class Renderers:
    """Format name -> renderer, for one kind of document; the first name is the default."""

    def __init__(self, document: str, **formats: str) -> None:
        self.document = document  # what the renderers take, for error messages
        self._where = formats  # name -> "module:function" inside sciplan.render

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._where)

    @property
    def default(self) -> str:
        return self.names[0]

    def __contains__(self, name: object) -> bool:
        return name in self._where

    def __getitem__(self, name: str) -> Renderer:
        """The renderer of format `name` (its module imported now); KeyError for an unknown name."""
        if name not in self._where:
            raise KeyError(f"no {name!r} format for {self.document}; choose one of {', '.join(self.names)}")
        module, _, function = self._where[name].partition(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), function)


FINDINGS = Renderers("findings", text="documents:findings_text", json="documents:findings_json",
                     github="documents:findings_github")
GAP = Renderers("the gap table", text="documents:gap_text", json="documents:as_json",
                markdown="documents:gap_markdown", csv="documents:gap_csv")
STATUS = Renderers("the status overview", text="documents:status_text", json="documents:as_json",
                   markdown="documents:status_markdown", csv="documents:status_csv")
UNITS = Renderers("the list of units", text="documents:units_text", json="documents:as_json")
UNIT = Renderers("one unit's duties", text="documents:unit_text", json="documents:as_json")
MISSING = Renderers("who still owes", text="documents:missing_text", json="documents:as_json",
                    markdown="documents:missing_markdown", csv="documents:missing_csv")
PLAN_DIFF = Renderers("the changes between two plans", text="plan_diff:diff_text", json="documents:as_json",
                      markdown="plan_diff:diff_markdown")
REPORT = Renderers("the yearly report", html="documents:report_html", markdown="documents:report_markdown")
IMPORTS = Renderers("workbooks imported", text="documents:imports_text", json="documents:imports_json",
                    github="documents:imports_github")

# Which registry renders a document, by the document's class name (no import needed to decide).
BY_DOCUMENT = {"Checked": FINDINGS, "GapTable": GAP, "StatusOverview": STATUS, "UnitRoster": UNITS,
               "UnitDetail": UNIT, "ReportData": REPORT, "MissingList": MISSING, "PlanDiff": PLAN_DIFF,
               "ImportBatch": IMPORTS}

FINDINGS_FORMATS = FINDINGS.names
TABLE_FORMATS = STATUS.names


def renderers_for(document: Any) -> Renderers:
    try:
        return BY_DOCUMENT[type(document).__name__]
    except KeyError:
        raise TypeError(f"sciplan has no renderer for {type(document).__name__}") from None


def render(document: Any, fmt: str, style: Style = Style(), **options: Any) -> str:
    """`document` (a gap table, status overview, findings, units, a unit, a report) in format `fmt`."""
    return renderers_for(document)[fmt](document, style, **options)
