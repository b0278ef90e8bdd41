"""Number formatting for the renderers: kept in `sciplan.figures` (below the core that also
needs it); this name stays for the renderers and their readers."""

import math

from ..figures import (
    MAX_DECIMALS,
    UNKNOWN,
    decimals_for,
    figure,
    percent_of,
    ratio,
    target,
    written,
    years,
)
from ..i18n import text

__all__ = ["MAX_DECIMALS", "UNKNOWN", "decimals_for", "figure", "forecast_short_note", "measured",
           "percent_of", "pro_rata_note", "ratio", "row_short_note", "target", "written", "years"]


def measured(value: float, measure: str, decimals: int | None = None, lang: str = "en") -> str:
    """A figure with its measure: '138人次' in Chinese (no line may part them), '138 people', '0.4%'."""
    space = "" if lang == "zh" or measure == "%" else " "
    return figure(value, measure, decimals) + (space + measure if measure else "")


def forecast_short_note(short: float, measure: str, whole: bool, lang: str) -> str:
    """'按当前进度预计差 138 人次' / 'forecast short by 138 人次': a whole-number indicator's shortfall is
    rounded up (half a training short is still one more to hold)."""
    value = math.ceil(short - 1e-9) if whole else short
    return text("note.forecast_short", lang, value=measured(value, measure, 0 if whole else None, lang))


def pro_rata_note(expected: float, measure: str, lang: str, decimals: int | None = None) -> str:
    """'按进度应达 2.4家': the expected figure of a whole-number indicator as the pro-rata share it is."""
    return text("note.pro_rata", lang, value=measured(expected, measure, decimals, lang))



def row_short_note(row, lang: str) -> str:
    """The forecast's shortfall of a gap row at risk (overview.GapRow), worded; empty otherwise."""
    a, i = row.assessment, row.indicator
    if not a.at_risk:
        return ""
    return forecast_short_note(a.forecast_short, i.measure, str(i.value_type) == "count", lang)
