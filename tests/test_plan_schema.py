"""`sciplan schema --plan`: the plan format's JSON Schema, proved right by a real validator on every plan
file of the repository (the shipped plan, the examples, the `sciplan init` skeleton)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PLAN_FILES = [ROOT / "data" / "plan.yaml", *sorted(ROOT.glob("examples/*/plan.yaml")),
              ROOT / "sciplan" / "starter" / "plan.yaml"]


def as_an_editor_reads(path: Path) -> object:
    """The YAML as JSON holds it: dates and year keys become strings, as a YAML language server reads them."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def schema_of(cli) -> dict:
    code, out, err = cli("schema", "--plan")
    assert (code, err) == (0, "")
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_plan_file_of_the_repository_meets_the_schema(cli, path):
    schema = schema_of(cli)
    assert schema["title"] == "sciplan plan file" and "groups" in schema["required"]
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in jsonschema.Draft202012Validator(schema).iter_errors(as_an_editor_reads(path))]
    assert errors == []


def test_the_schema_refuses_what_plan_check_refuses(cli, tmp_path):
    validator = jsonschema.Draft202012Validator(schema_of(cli))
    plan = as_an_editor_reads(ROOT / "sciplan" / "starter" / "plan.yaml")
    assert validator.is_valid(plan)
    plan["indicators"][0]["comparator"] = "=>"
    plan["groups"][0]["colour"] = "red"
    del plan["units"]
    problems = sorted((list(e.absolute_path), e.validator) for e in validator.iter_errors(plan))
    assert problems == [([], "required"), (["groups", 0], "additionalProperties"),
                        (["indicators", 0, "comparator"], "anyOf")]


def test_without_plan_the_progress_schema_is_unchanged(cli):
    code, out, _ = cli("schema")
    assert code == 0 and json.loads(out)["title"] == "sciplan progress file"
