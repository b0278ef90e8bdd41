"""The plan format as a JSON Schema (`sciplan schema --plan`), made from the models, for editors that
complete keys and mark mistakes in a plan file as it is written.

The schema says what each key holds; the rules across keys (references, targets that fit their
kind) are `sciplan plan check`'s. YAML dates and year keys (`by_year: {2028: 50}`) are read by an
editor as the strings JSON has, and the schema takes them so.
"""

from __future__ import annotations

from .models import Plan


def json_schema() -> dict:
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "sciplan plan file"
    schema["description"] = ("A plan (implementation scheme) for sciplan, format 1 or 2; "
                             "`sciplan plan check` checks the rules across keys.")
    return schema
