"""Number formatting for the renderers: kept in `sciplan.figures` (below the core that also
needs it); this name stays for the renderers and their readers."""

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

__all__ = ["MAX_DECIMALS", "UNKNOWN", "decimals_for", "figure", "percent_of", "ratio", "target", "written",
           "years"]
