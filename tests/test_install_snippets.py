"""The install and pin snippets of README.md and docs/github-actions.md work as written.

The hosting address is a placeholder (OWNER) in the docs, so it is replaced by this checkout; the
rev and everything else are taken from the snippets as they stand. These tests build a package, so
they reach the package index (pip and pre-commit install build tools and dependencies from it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).parent.parent
PLACEHOLDER = "https://github.com/OWNER/sciplan"
AGRICULTURE = ("plan: xinhuang-science-literacy\nplan_version: 1\nunit: 县农业农村局\nperiod: 2024\n"
               "values:\n  - indicator: farmer-trainings\n    value: 500\n")


def readme_precommit_config() -> dict:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
               if b.startswith("# .pre-commit-config.yaml")]
    return yaml.safe_load(block)


def actions_install_command() -> list[str]:
    doc = (REPO / "docs" / "github-actions.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```yaml\n(.*?)```", doc, flags=re.S)
    steps = yaml.safe_load(block)["jobs"]["validate"]["steps"]
    [install] = [s["run"] for s in steps if s.get("name") == "Install sciplan"]
    return install.split(" ", 3)  # python -m pip "install ..." is split below


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def is_checkout() -> bool:
    return shutil.which("git") is not None and subprocess.run(
        ["git", "rev-parse", "--git-dir"], cwd=REPO, capture_output=True).returncode == 0


def has_ref(ref: str) -> bool:
    return subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{ref}"], cwd=REPO,
                          capture_output=True).returncode == 0


def test_the_precommit_snippet_names_this_repositorys_hook() -> None:
    [repo] = readme_precommit_config()["repos"]
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert repo["repo"] == PLACEHOLDER
    assert [h["id"] for h in repo["hooks"]] == ["sciplan-validate"]
    assert "sciplan-validate" in {h["id"] for h in hooks}


@pytest.mark.skipif(not is_checkout(), reason="not a git checkout of sciplan")
def test_the_pinned_revision_exists() -> None:
    """A tag that was never made (the former `v0.1.0`) fails as soon as the snippet is copied."""
    [repo] = readme_precommit_config()["repos"]
    ref = actions_install_command()[3].rsplit("@", 1)[1].rstrip('"')
    assert repo["rev"] == ref
    known = git("for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/tags", "refs/remotes",
                cwd=REPO)
    assert ref in {name.removeprefix("origin/") for name in known.split()}, f"no branch or tag {ref}"


def data_repository(folder: Path) -> Path:
    """A repository laid out as the README says: data/progress/ with one report, committed."""
    progress = folder / "data" / "progress" / "2024"
    progress.mkdir(parents=True)
    (progress / "agriculture.yaml").write_text(AGRICULTURE, encoding="utf-8")
    git("init", "-q", cwd=folder)
    git("add", "-A", cwd=folder)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first report", cwd=folder)
    return progress


@pytest.mark.skipif(shutil.which("pre-commit") is None or shutil.which("git") is None,
                    reason="pre-commit (the test extra) or git is not installed")
def test_the_precommit_hook_installs_and_runs_as_the_readme_says(tmp_path: Path) -> None:
    """`pre-commit try-repo` is the README's configuration with this checkout as the repository: it
    builds the hook's environment from this checkout (uncommitted changes included) and runs it."""
    [repo] = readme_precommit_config()["repos"]
    [hook] = repo["hooks"]
    data = tmp_path / "data-repo"
    data.mkdir()
    progress = data_repository(data)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    try_repo = ["pre-commit", "try-repo", str(REPO), hook["id"]]

    clean = subprocess.run([*try_repo, "--all-files"], cwd=data, env=env, capture_output=True, text=True,
                           timeout=540)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"sciplan validate\.+Passed", clean.stdout), clean.stdout

    # Only the second report is staged; the hook still sees the first and finds the double count.
    (progress / "agriculture-again.yaml").write_text(AGRICULTURE, encoding="utf-8")
    git("add", "data/progress/2024/agriculture-again.yaml", cwd=data)
    twice = subprocess.run(try_repo, cwd=data, env=env, capture_output=True, text=True, timeout=540)
    assert twice.returncode == 1, twice.stdout + twice.stderr
    assert "X401" in twice.stdout


@pytest.mark.skipif(not is_checkout() or not has_ref("main"), reason="no branch `main` in this checkout")
def test_the_actions_install_step_installs_sciplan(tmp_path: Path) -> None:
    """The workflow's pip command with this checkout for OWNER's repository. --no-deps and --target keep
    it quick: what is tested is that the requirement resolves to a ref that exists and builds sciplan."""
    python, m, pip, rest = actions_install_command()
    assert (python, m, pip) == ("python", "-m", "pip")
    requirement = rest.removeprefix("install ").strip('"')
    assert requirement.startswith(f"sciplan @ git+{PLACEHOLDER}@")
    # file://localhost/…: older pip refuses a requirement URL without a host (file:///…)
    local = requirement.replace(PLACEHOLDER, f"file://localhost{REPO.resolve().as_posix()}")
    target = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                           local], capture_output=True, text=True, timeout=540)
    assert done.returncode == 0, done.stderr
    assert (target / "sciplan" / "cli.py").is_file()
    assert (target / "sciplan" / "_bundled" / "plan.yaml").is_file()
