"""`sciplan init DIR`: a new plan's workspace that works at once and never overwrites."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sciplan.domain import Kind
from sciplan.starter import workspace_files

ROOT = Path(__file__).resolve().parents[1]
MADE = ["data/plan.yaml", "README.md", ".pre-commit-config.yaml", ".github/workflows/validate-progress.yml"]


def test_a_new_workspace_passes_plan_check_validate_and_status(tmp_path, cli, monkeypatch):
    code, out, err = cli("init", tmp_path / "office", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "a new plan's workspace is ready in office:"
    folder = tmp_path / "office"
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == sorted(MADE)
    assert (folder / "data" / "progress").is_dir() and not any((folder / "data" / "progress").iterdir())
    code, out, err = cli("plan", "check", cwd=folder)
    assert code == 0 and "plan `my-plan` version 1 is sound" in out
    code, out, err = cli("validate", cwd=folder)
    assert code == 0 and "0 files checked: 0 errors" in out
    code, out, err = cli("status", "--lang", "zh", cwd=folder)
    assert code == 0 and "示例实施方案" in out and "SAMPLE" not in out + err
    lines = out.splitlines()
    assert "目标" not in lines  # the skeleton states no goal: no heading over nothing
    assert "" not in [a + b for a, b in zip(lines, lines[1:], strict=False)]  # nor two blank lines in a row
    for columns in ("40", "120"):
        monkeypatch.setenv("COLUMNS", columns)
        code, out, err = cli("status", "--lang", "en", cwd=folder)
        assert code == 0 and "Goal" not in out.splitlines()
    code, out, err = cli("template", "--unit", "unit-one", "--year", "2026", "--format", "yaml", cwd=folder)
    assert code == 0 and "plan: my-plan" in out


def test_the_skeleton_has_one_group_one_task_and_an_indicator_of_every_kind_in_neutral_words():
    text = workspace_files()["data/plan.yaml"]
    plan = yaml.safe_load(text)
    assert plan["schema_version"] == 2
    assert len(plan["group_kinds"]) == 1 and len(plan["groups"]) == 1 and len(plan["groups"][0]["tasks"]) == 1
    assert {i["kind"] for i in plan["indicators"]} == {str(k) for k in Kind}
    assert text.count("\n#") >= 3  # commented for the person who fills it in
    shipped = yaml.safe_load((ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"))
    words = ["晃", "县科协", "提升行动", "重点工程", shipped["id"], shipped["title"],
             *(u["name"] for u in shipped["units"]), *(a["name"] for a in shipped["areas"])]
    for name, content in workspace_files().items():
        assert [w for w in words if w in content] == [], name


def test_the_ci_files_are_the_snippets_the_docs_show():
    files = workspace_files()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert files[".pre-commit-config.yaml"] in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
    actions = (ROOT / "docs" / "github-actions.md").read_text(encoding="utf-8")
    assert files[".github/workflows/validate-progress.yml"] in re.findall(r"```yaml\n(.*?)```", actions,
                                                                          flags=re.S)
    office = files["README.md"]
    assert office.index("实施方案") < office.index("implementation scheme")  # Chinese first


def test_init_never_overwrites_and_writes_nothing_when_anything_is_there(tmp_path, cli):
    for existing in [*MADE, "data/progress"]:
        folder = tmp_path / existing.replace("/", "_")
        (folder / existing).parent.mkdir(parents=True, exist_ok=True)
        if existing == "data/progress":
            (folder / existing).mkdir()
        else:
            (folder / existing).write_text("mine\n", encoding="utf-8")
        code, out, err = cli("init", folder, "--lang", "zh")
        assert code == 2 and out == "" and "以下文件或文件夹已存在" in err and existing in err
        assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == (
            [] if existing == "data/progress" else [existing])
        if existing != "data/progress":
            assert (folder / existing).read_text(encoding="utf-8") == "mine\n"


def test_init_into_a_file_or_an_existing_folder(tmp_path, cli):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    code, out, err = cli("init", tmp_path / "a-file")
    assert code == 2 and "is a file, not a folder" in err
    code, out, err = cli("init", tmp_path / "a-file" / "inside")
    assert (code, out) == (2, "") and "cannot write" in err and "Traceback" not in err
    (tmp_path / "repo" / "other").mkdir(parents=True)  # a folder that holds other things is fine
    code, _, _ = cli("init", tmp_path / "repo")
    assert code == 0 and (tmp_path / "repo" / "data" / "plan.yaml").is_file()
