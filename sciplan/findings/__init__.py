"""Findings: what sciplan says about a file, as data, and the catalogue of codes.

`core` holds the types (Severity, Code, Finding, Report) and `say`; each stage has one module here
defining its codes, each code once: slug, severity, titles, the description `docs/diagnostics.md`
is generated from, and its messages and hints in English and Chinese. `words` holds the words
findings share (type names, YAML's and the operating system's phrases, the workbook's wording).
Codes are stable and grouped by stage; a retired code stays listed and is never reused.

Rules raise the constants (`from ..findings import S103`; `S103.say("not_text", ...)`), never a
bare "S103". Importing this package adds every finding message to `i18n.MESSAGES`, under the ids
`finding.CODE.variant` the per-file cache keeps. Like i18n, this package imports nothing else of
sciplan: it is the bottom layer.
"""

from __future__ import annotations

from .. import i18n
from .core import (
    CATALOGUE,
    ERROR,
    OBSERVERS,
    STAGES,
    WARNING,
    Code,
    Finding,
    Report,
    Severity,
    UsageError,
    code_of,
    format_path,
    make,
    say,
)
from .crossfile import X401, X402, X403
from .loading import (
    L001,
    L002,
    L003,
    L004,
    L005,
    L006,
    L007,
    L008,
    L009,
    L010,
    L011,
    L012,
    L013,
    L014,
    L015,
    L016,
    L017,
    L018,
    L019,
    L020,
)
from .plan import C001, C002, C003, C004, C005, C006, C007
from .plausibility import W501, W502, W503, W504
from .references import R201, R202, R203, R204, R205, R206, R207, R208, R209, R210, R211, R212, R213
from .responsibility import P301, P302, P303
from .structure import S101, S102, S103, S104, S105, S106, S107, S108, S109, S110, S111, S112, S113, S114
from .words import WORDS
from .workbook import I601, I602, I603, I604, I605, I606, I607, I608, I609

# The catalogue in the order of the stages (the modules above are imported in alphabetical order).
_ORDER = list(STAGES)
_ordered = sorted(CATALOGUE.values(), key=lambda c: (_ORDER.index(c.stage), c.code))
CATALOGUE.clear()
CATALOGUE.update((c.code, c) for c in _ordered)

i18n.register(WORDS)
for _code in CATALOGUE.values():
    i18n.register(_code.message_ids())

__all__ = [
    "CATALOGUE", "ERROR", "OBSERVERS", "STAGES", "WARNING", "Code", "Finding", "Report", "Severity",
    "UsageError", "code_of", "format_path", "make", "say",
    "L001", "L002", "L003", "L004", "L005", "L006", "L007", "L008", "L009", "L010", "L011", "L012", "L013",
    "L014", "L015", "L016", "L017", "L018", "L019", "L020",
    "S101", "S102", "S103", "S104", "S105", "S106", "S107", "S108", "S109", "S110", "S111", "S112", "S113",
    "S114",
    "R201", "R202", "R203", "R204", "R205", "R206", "R207", "R208", "R209", "R210", "R211", "R212", "R213",
    "P301", "P302", "P303", "X401", "X402", "X403", "W501", "W502", "W503", "W504",
    "C001", "C002", "C003", "C004", "C005", "C006", "C007", "I601", "I602", "I603", "I604", "I605", "I606",
    "I607", "I608", "I609",
]
