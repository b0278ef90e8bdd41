"""Rules -> findings: the plan file, each progress file, and the set of files as a whole.

One module per job, each saying what it owns:

- `plan_file`: loading and checking the plan file (`check_plan_file`, `load_plan`, `pydantic_findings`);
- `context`: what the section checkers of a progress file share (`Context`, `FileResult`);
- `header`, `values`, `tasks`, `milestones`: one checker per section of a progress file;
- `document`: one progress file, the sections in order (`check_document`, `check_loaded`);
- `crossfile`: the rules over the set of files (`cross_file_findings`, the plausibility warnings);
- `runner`: every file under the given paths, in worker processes and from the cache (`validate_paths`).

Finding the files is `sciplan.discovery`, beside loading. Nothing here reads the clock or the
environment: what a check needs is passed in. The names below are the package's face; callers
import them from `sciplan.validation`.
"""

from __future__ import annotations

from ..discovery import MAX_FOLDER_DEPTH, YAML_SUFFIXES, discover
from ..findings import UsageError
from .context import FileResult, number_from_text
from .crossfile import JUMP_FLOOR, cross_file_findings
from .document import check_document, check_file, check_loaded
from .plan_file import check_plan_file, load_plan, pydantic_findings
from .runner import Validation, default_jobs, validate_paths
from .values import LARGEST

__all__ = [
    "JUMP_FLOOR", "LARGEST", "MAX_FOLDER_DEPTH", "YAML_SUFFIXES", "FileResult", "UsageError", "Validation",
    "check_document", "check_file", "check_loaded", "check_plan_file", "cross_file_findings", "default_jobs",
    "discover", "load_plan", "number_from_text", "pydantic_findings", "validate_paths",
]
