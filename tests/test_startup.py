"""Start-up: a command imports only what it uses.

`sciplan --version` imports click and nothing of the core; `sciplan validate FILE` imports neither
rich (its clean screen is one plain line), nor openpyxl, Jinja2 or matplotlib, nor the modules of the
documents it does not build, and never builds the pydantic models of the progress file (they serve
`sciplan schema` only). With the cache warm, the plan is read back from it without being parsed or
validated. Each check runs in a fresh interpreter, so an import that creeps in fails here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sciplan import progress as pf

ROOT = Path(__file__).parent.parent
PLAN = ROOT / "data" / "plan.yaml"
SAMPLE_FILE = ROOT / "data" / "progress" / "2024" / "cast.yaml"

# Runs sciplan's main() with the given arguments, then prints what was imported and whether the
# progress models were built and the plan file parsed, as JSON on standard error's last line.
PROBE = """
import json, sys
import sciplan.cli
code = sciplan.cli.main(sys.argv[1:])
progress = sys.modules.get("sciplan.progress")
plan_file = sys.modules.get("sciplan.validation.plan_file")
print(json.dumps({"code": code, "modules": sorted(sys.modules),
                  "models_built": bool(progress and progress.models.cache_info().misses),
                  "plan_checked": plan_file is not None and plan_file._check_loaded.calls}), file=sys.stderr)
"""
# Counts the plan checks: wraps plan_file._check_loaded before main() runs.
COUNT_CHECKS = """
import sciplan.validation.plan_file as plan_file
real = plan_file._check_loaded
def counted(*args, **kwargs):
    counted.calls += 1
    return real(*args, **kwargs)
counted.calls = 0
plan_file._check_loaded = counted
"""

NEVER_FOR_VALIDATE = ("rich", "openpyxl", "jinja2", "matplotlib", "sciplan.overview", "sciplan.duties",
                      "sciplan.report", "sciplan.ledger", "sciplan.assessment", "sciplan.export",
                      "sciplan.workbook", "sciplan.templates", "sciplan.render.text")


def probe(args: list[str], cache: Path | None, *, count_checks: bool = False) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCIPLAN_", "FORCE_COLOR"))}
    env.update(NO_COLOR="1", LANG="C.UTF-8", PYTHONPATH=str(ROOT))
    if cache is not None:
        env["SCIPLAN_CACHE_DIR"] = str(cache)
    code = (COUNT_CHECKS if count_checks else "") + PROBE
    if not count_checks:
        code = code.replace("plan_file._check_loaded.calls", "None")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1])


def imported(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


@pytest.fixture
def own_file(tmp_path: Path) -> Path:
    """A clean progress file outside the shipped sample (whose screen opens with a notice)."""
    path = tmp_path / "progress" / "cast-2024.yaml"
    path.parent.mkdir()
    shutil.copyfile(SAMPLE_FILE, path)
    return path


def test_version_imports_click_and_no_core() -> None:
    result = probe(["--version"], None)
    assert result["code"] == 0
    sciplan_modules = [m for m in result["modules"] if m.startswith("sciplan")]
    # The words (the message catalogues and the domain's vocabularies) decide the language of any
    # message, --version's included; they are plain tables, not the core.
    assert sorted(sciplan_modules) == ["sciplan", "sciplan.cli", "sciplan.domain", "sciplan.helptext",
                                       "sciplan.i18n", "sciplan.render"]
    assert imported(result["modules"], ("pydantic", "yaml", "rich", "sqlite3", "platformdirs")) == []


@pytest.mark.parametrize("cache", [False, True], ids=["no-cache", "cache"])
def test_validate_one_file_imports_only_what_it_uses(own_file: Path, tmp_path: Path, cache: bool) -> None:
    args = ["validate", "--plan", str(PLAN), str(own_file), *([] if cache else ["--no-cache"])]
    result = probe(args, tmp_path / "cache")
    assert result["code"] == 0
    assert imported(result["modules"], NEVER_FOR_VALIDATE) == []
    assert result["models_built"] is False


def test_a_warm_start_reads_the_plan_from_the_cache(own_file: Path, tmp_path: Path) -> None:
    args = ["validate", "--plan", str(PLAN), str(own_file)]
    cold = probe(args, tmp_path / "cache", count_checks=True)
    warm = probe(args, tmp_path / "cache", count_checks=True)
    assert (cold["code"], warm["code"]) == (0, 0)
    assert cold["plan_checked"] == 1
    assert warm["plan_checked"] == 0


def test_the_written_keys_are_the_models_fields() -> None:
    models = pf.models()
    assert pf.TOP_KEYS == tuple(models.ProgressFile.model_fields)
    fields = models.ProgressFile.model_fields
    assert pf.REQUIRED_TOP_KEYS == tuple(k for k, f in fields.items() if f.is_required())
    assert pf.VALUE_KEYS == tuple(models.ValueEntry.model_fields)
    assert pf.TASK_KEYS == tuple(models.TaskEntry.model_fields)
    assert pf.MILESTONE_KEYS == tuple(models.MilestoneEntry.model_fields)
