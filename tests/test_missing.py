"""`sciplan missing`: who still owes what for a year, on a copy of the sample with one unit's file
removed and one task status left out."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len

from sciplan import api
from sciplan.duties import duty
from sciplan.validation import load_plan

ROOT = Path(__file__).resolve().parent.parent
PLAN = load_plan(ROOT / "data" / "plan.yaml")


@pytest.fixture
def progress(tmp_path: Path) -> Path:
    folder = tmp_path / "progress"
    shutil.copytree(ROOT / "data" / "progress", folder)
    (folder / "2024" / "edu.yaml").unlink()  # 县教育局 sent nothing for 2024
    old = folder / "2023" / "edu.yaml"
    lines = [("contact: 王老师 0745-1234567" if line.startswith("contact:") else line)
             for line in old.read_text(encoding="utf-8").splitlines()]
    old.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cast = folder / "2024" / "cast.yaml"  # 县科协 left out its status of youth.5
    text = cast.read_text(encoding="utf-8")
    entry = "  - task: youth.5\n    status: in_progress\n    evidence: 开展“科普进校园”活动 18 场\n"
    assert entry in text
    cast.write_text(text.replace(entry, ""), encoding="utf-8")
    return folder


def _by_unit(doc: dict) -> dict[str, dict]:
    return {u["id"]: u for u in doc["units"]}


def test_json_lists_what_each_unit_owes_and_has_not_sent(cli, progress: Path) -> None:
    code, out, err = cli("missing", "--year", "2024", "--format", "json", "--progress", progress)
    assert code == 0, err
    doc = json.loads(out)
    units = _by_unit(doc)
    edu = units["edu"]
    assert edu["report_missing"] is True
    assert edu["contact"] == "王老师 0745-1234567" and edu["last_report"] == 2023
    owed = duty(PLAN, PLAN.unit("edu"), 2024)
    assert {t["id"] for t in edu["tasks"]} == {t.task.id for t in owed.owed_tasks}
    assert {v["id"] for v in edu["values"]} == {i.id for i in owed.owed_indicators}
    cast = units["cast"]
    assert cast["report_missing"] is False
    assert "youth.5" in {t["id"] for t in cast["tasks"]}
    assert "infrastructure.3" not in {t["id"] for t in cast["tasks"]}  # reported for 2024
    assert doc["year"] == 2024 and doc["owing"] == doc["complete"] + len(doc["units"])
    assert doc["sample"] is False


def test_the_sample_copy_before_the_changes_owes_less(cli, progress: Path, sample_figures: Path) -> None:
    """The same unit and year on the untouched copy: the removed status is what makes the difference."""
    before = _by_unit(json.loads(cli("missing", "--format", "json", "--progress", sample_figures)[1]))
    after = _by_unit(json.loads(cli("missing", "--format", "json", "--progress", progress)[1]))
    assert "youth.5" not in {t["id"] for t in before["cast"]["tasks"]}
    added = {t["id"] for t in after["cast"]["tasks"]} - {t["id"] for t in before["cast"]["tasks"]}
    assert added == {"youth.5"}
    assert before["edu"]["report_missing"] is False


def test_default_year_is_the_latest_with_data(cli, progress: Path) -> None:
    code, out, _ = cli("missing", "--format", "json", "--progress", progress)
    assert code == 0 and json.loads(out)["year"] == 2024


def test_text_in_chinese_aligns_the_items_under_their_label(cli, progress: Path) -> None:
    code, out, err = cli("missing", "--lang", "zh", "--progress", progress)
    assert code == 0, err
    assert "2024年度尚未报齐的单位" in out
    assert "联系人：王老师 0745-1234567；最近一次报送：2023年" in out
    assert "未收到2024年度报告。" in out
    lines = out.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("县科协"))
    block = lines[start + 2:lines.index("", start)]
    label = next(line for line in block if "任务进展：" in line)
    column = cell_len(label.split("：")[0] + "：") + 1  # where the first item starts, in display cells
    for line in block[1:]:
        if line.strip() and "：" not in line:  # a continuation line: starts in the same column
            assert cell_len(line) - cell_len(line.lstrip()) == column, line
    assert any("youth.5" in line for line in block)


def test_markdown_and_csv_for_the_reminder_notice(cli, progress: Path) -> None:
    code, md, _ = cli("missing", "--format", "markdown", "--lang", "zh", "--progress", progress)
    assert code == 0
    assert "### 县教育局" in md and "- **未收到2024年度报告。**" in md
    code, out, _ = cli("missing", "--format", "csv", "--progress", progress)
    assert code == 0 and out.startswith("\ufeffyear,unit,")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    cast = [r for r in rows if r["unit"] == "cast" and r["item"] == "task"]
    assert "youth.5" in {r["id"] for r in cast}
    edu = [r for r in rows if r["unit"] == "edu"]
    assert edu and all(r["report_missing"] == "true" and r["contact"] == "王老师 0745-1234567" for r in edu)


def test_api_equals_the_command_json(cli, progress: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    document = api.missing(api.load_plan(ROOT / "data" / "plan.yaml"), progress, 2024)
    assert json.loads(api.render(document, "json")) == json.loads(
        cli("missing", "--year", "2024", "--format", "json", "--progress", progress)[1])


def test_a_year_outside_the_period_cannot_run(cli, progress: Path) -> None:
    code, _, err = cli("missing", "--year", "2030", "--progress", progress)
    assert code == 2 and "2030" in err


def test_nothing_owed_says_so(cli, tmp_path: Path) -> None:
    empty = tmp_path / "progress"
    empty.mkdir()
    code, out, _ = cli("missing", "--year", "2021", "--format", "json", "--progress", empty)
    doc = json.loads(out)
    assert code == 0 and doc["complete"] == 0
    assert all(u["report_missing"] and u["contact"] is None and u["last_report"] is None
               for u in doc["units"])
