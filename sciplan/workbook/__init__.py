"""Excel workbooks: the fill-in template, the import of a filled one, and the export workbook.

One room, four modules, driven by one description per sheet:

- `sheets`: the descriptions - Info's fields; Values', Tasks' and Milestones' columns (key, label,
  width, fill-in or locked, data validation) and how a row maps to a progress entry and back;
- `template`: a `templates.Template` written as the fill-in .xlsx;
- `reading`: opening a filled workbook with bounded cost (only the template's sheets; limits on
  bytes unpacked, parts read and cells scanned; hidden and look-alike sheets reported);
- `importing`: the sheets read back through the same descriptions into progress YAML and findings
  at their cells, then the shared checks of `sciplan.validation`;
- `export`: `table_workbook`, the plain data sheets of `sciplan export --format xlsx`.

The template is bilingual on purpose: each label is the catalogue's Chinese, then its English, in one
cell (`words.py` holds the `workbook.*` messages, added to `i18n.MESSAGES` here). Import finds a
header or an Info label by its English key word - the last ASCII word of the cell - so that contract
must hold whatever the Chinese says.

openpyxl is imported inside the functions, so that commands which do not touch workbooks start fast.
"""

from __future__ import annotations

from .. import i18n
from .words import WORDS

i18n.register(WORDS)

from .export import table_workbook  # noqa: E402 - the words are registered before the sheets are described
from .importing import Imported, import_workbook  # noqa: E402
from .reading import MAX_BYTES, MAX_COLUMNS, MAX_ROWS, MAX_UNPACKED, Cell  # noqa: E402
from .sheets import (  # noqa: E402
    FIRST_ROW,
    HEADER_ROW,
    INFO,
    INFO_FIELDS,
    INFO_KEYS,
    MILESTONE_COLUMNS,
    MILESTONES,
    STATUS_CHOICES,
    TASK_COLUMNS,
    TASKS,
    VALUE_COLUMNS,
    VALUES,
    Column,
    cell_ref,
    display_width,
)
from .template import template_workbook  # noqa: E402

__all__ = [
    "FIRST_ROW", "HEADER_ROW", "INFO", "INFO_FIELDS", "INFO_KEYS", "MAX_BYTES", "MAX_COLUMNS", "MAX_ROWS",
    "MAX_UNPACKED", "MILESTONES", "MILESTONE_COLUMNS", "STATUS_CHOICES", "TASKS", "TASK_COLUMNS", "VALUES",
    "VALUE_COLUMNS", "Cell", "Column", "Imported", "cell_ref", "display_width", "import_workbook",
    "table_workbook", "template_workbook",
]
