"""The files of a new plan's workspace, written by `sciplan init DIR` (through `api.init_workspace`).

They lie beside this module as plain files, so that they read as what they are and are shipped in
the wheel: `plan.yaml` (a commented skeleton that passes `sciplan plan check`, in neutral
placeholder words: one group kind, one group, one task, an indicator of every kind), the office's
README (Chinese first), and the pre-commit configuration and GitHub Actions workflow exactly as
README.md and docs/github-actions.md show them (tests/test_init.py keeps them equal).
"""

from __future__ import annotations

from pathlib import Path

# Where each file goes in the workspace -> its name beside this module.
FILES = {
    "data/plan.yaml": "plan.yaml",
    "README.md": "README.md",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".github/workflows/validate-progress.yml": "validate-progress.yml",
}
FOLDERS = ("data/progress",)  # made empty


def workspace_files() -> dict[str, str]:
    """Each file of a new workspace: its path inside the workspace -> its text."""
    here = Path(__file__).resolve().parent
    return {target: (here / name).read_text(encoding="utf-8") for target, name in FILES.items()}
