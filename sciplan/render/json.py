"""JSON output: public API. Every document carries `schema_version`; keys are documented in docs/."""

from __future__ import annotations

import json
import math
from typing import Any

from ..findings import Report

SCHEMA_VERSION = 1


def _clean(value: Any) -> Any:
    # JSON has no NaN or infinity; unknown is null.
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def dumps(document: dict) -> str:
    document = _clean({"schema_version": SCHEMA_VERSION, **document})
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_findings(report: Report) -> str:
    return dumps(report.as_dict())
