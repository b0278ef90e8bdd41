"""The `.pre-commit-hooks.yaml` other repositories use: its entry is a real command, its `files`
pattern picks progress files only, and running the entry on staged files behaves like the hook should."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml

from sciplan.cli import cli as sciplan_group

REPO = Path(__file__).parent.parent
HOOKS = REPO / ".pre-commit-hooks.yaml"
PLAN = REPO / "data" / "plan.yaml"


@pytest.fixture(scope="module")
def hook() -> dict:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    [only] = [h for h in hooks if h["id"] == "sciplan-validate"]
    return only


def test_hook_fields(hook: dict):
    assert hook["entry"] == "sciplan validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False  # the whole folder: see test_a_figure_reported_twice_…
    assert hook["files"] == r"^data/progress/.*\.ya?ml$"
    assert hook["name"]


def test_entry_names_a_real_command(hook: dict, cli):
    program, *command = shlex.split(hook["entry"])
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert program in scripts, f"`{program}` is not a console script of this package"
    assert scripts[program] == "sciplan.cli:run"
    assert command[0] in sciplan_group.commands
    code, out, _ = cli(*command, "--help")
    assert code == 0 and "Usage: sciplan validate" in out


@pytest.mark.parametrize("path, picked", [
    ("data/progress/2024/x.yaml", True),
    ("data/progress/2024/agriculture-huangzhou.yml", True),
    ("data/progress/x.yaml", True),
    ("data/plan.yaml", False),
    ("data/progress/README.md", False),
    ("data/progress/2024/x.yaml.bak", False),
    ("tests/examples/invalid/tabs/2024/agriculture.yaml", False),
    ("other/data/progress/2024/x.yaml", False),
])
def test_files_pattern(hook: dict, path: str, picked: bool):
    # pre-commit matches `files` with re.search against the path relative to the repository root.
    assert bool(re.search(hook["files"], path)) is picked


def hook_command(hook: dict, changed: list[str]) -> list[str]:
    """The command pre-commit runs: the entry, with the changed files that match `files` appended
    unless `pass_filenames` is false."""
    _, *command = shlex.split(hook["entry"])
    picked = [p for p in changed if re.search(hook["files"], p)]
    assert picked, "pre-commit would not run the hook at all"
    return [*command, *picked] if hook.get("pass_filenames", True) else command


AGRICULTURE = "plan: xinhuang-science-literacy\nplan_version: 1\nunit: 县农业农村局\nperiod: 2024\n"


def repository(tmp_path: Path) -> Path:
    progress = tmp_path / "data" / "progress" / "2024"
    progress.mkdir(parents=True)
    (tmp_path / "data" / "plan.yaml").write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    return progress


def test_running_the_hook_on_a_commit(hook: dict, cli, tmp_path: Path):
    """What pre-commit does: run the entry in the repository root when a progress file changed."""
    progress = repository(tmp_path)
    good = progress / "agriculture.yaml"
    good.write_text(AGRICULTURE, encoding="utf-8")
    code, out, _ = cli(*hook_command(hook, [good.relative_to(tmp_path).as_posix()]), cwd=tmp_path)
    assert code == 0 and out == "1 file checked: 0 errors, 0 warnings\n"

    bad = progress / "cast.yaml"
    bad.write_text("plan: xinhuang-science-literacy\nplan_version: 1\nunit: 县科协\nperiod: 2024\n"
                   "values:\n  - indicator: literacy-rate\n    value: 15%\n", encoding="utf-8")
    code, out, _ = cli(*hook_command(hook, [bad.relative_to(tmp_path).as_posix()]), cwd=tmp_path)
    assert code == 1
    assert "data/progress/2024/cast.yaml\n  7:12 error   S104" in out


def test_a_figure_reported_twice_across_two_files_fails_the_hook(hook: dict, cli, tmp_path: Path):
    """One file is already committed, the other is the change: the hook must still see both, as CI
    does, or the double count passes the commit and fails CI."""
    progress = repository(tmp_path)
    figure = "values:\n  - indicator: farmer-trainings\n    value: 500\n"
    (progress / "agriculture.yaml").write_text(AGRICULTURE + figure, encoding="utf-8")
    changed = progress / "agriculture-again.yaml"
    changed.write_text(AGRICULTURE + figure, encoding="utf-8")
    code, out, _ = cli(*hook_command(hook, [changed.relative_to(tmp_path).as_posix()]), cwd=tmp_path)
    assert code == 1, out
    assert "X401" in out


# --- the example GitHub Actions workflow in docs/ --------------------------------------------------

def test_documented_workflow_runs_validate_with_github_format(cli, tmp_path: Path):
    doc = (REPO / "docs" / "github-actions.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```yaml\n(.*?)```", doc, flags=re.S)
    workflow = yaml.safe_load(block)
    steps = workflow["jobs"]["validate"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    [validate] = [r for r in runs if "--format github" in r]
    program, *args = shlex.split(validate)
    assert program == "sciplan" and args[0] == "validate"
    # The same arguments, in a repository laid out as the workflow expects.
    (tmp_path / "data" / "progress" / "2024").mkdir(parents=True)
    (tmp_path / "data" / "progress" / "2024" / "cast.yaml").write_text(
        "plan: xinhuang-science-literacy\nplan_version: 1\nunit: 县科协\nperiod: 2024\n"
        "values:\n  - indicator: literacy-rate\n    value: 1.2.3\n", encoding="utf-8")
    code, out, _ = cli(*args, cwd=tmp_path)
    assert code == 1
    assert out.startswith("::error file=data/progress/2024/cast.yaml,line=7,col=12,title=S103::")
