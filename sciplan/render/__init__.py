"""Renderers: one module per output format. Each turns a core value into a string.

Only `text` knows rich. Number formatting shared by the formats lives in `numbers`.
"""

FINDINGS_FORMATS = ("text", "json", "github")
TABLE_FORMATS = ("text", "json", "markdown", "csv")
