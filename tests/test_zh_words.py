"""Chinese all the way: in a Chinese run every word a user reads is Chinese, except what the user
types (ids of the plan, option names, commands, statuses), file names, units of measure and format
names. Every command and every `--help` is run in Chinese and its output searched for other Latin
words; click's own usage errors are Chinese too; and the English run is the mirror image.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from sciplan.cli import cli as sciplan_group
from sciplan.domain import GAP_GROUPING, KIND, TARGET_STATUS, TASK_STATUS
from sciplan.validation import load_plan

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "plan.yaml"
SAMPLE = ROOT / "data" / "progress"

# Names of formats, programs and standards a reader meets as such, and what a user types.
NAMES = {"sciplan", "text", "json", "github", "markdown", "csv", "html", "xlsx", "yaml", "YAML", "JSON",
         "Schema", "Markdown", "GitHub", "Actions", "HTML", "A4", "CPU", "Open", "SDG", "zh", "en", "pip",
         "install", "report", "ID", "LANG", "cache", "Values", "Tasks", "Milestones", "Info", "Gap"}


def _typed_words() -> set[str]:
    plan = load_plan(PLAN)
    words = {g.id for g in plan.groups} | {t.id for g in plan.groups for t in g.tasks}
    words |= {i.id for i in plan.indicators} | {u.id for u in plan.units} | {a.id for a in plan.areas}
    words |= {m.id for m in plan.milestones} | {plan.id}
    for vocabulary in (TARGET_STATUS, TASK_STATUS, KIND, GAP_GROUPING):
        words |= set(vocabulary.ids)
    words |= set(_commands_by_name())
    return words


def _commands_by_name(group: click.Group = sciplan_group) -> dict[str, click.Command]:
    found = {}
    for name, command in group.commands.items():
        found[name] = command
        if isinstance(command, click.Group):
            found.update(_commands_by_name(command))
    return found


LATIN = re.compile(r"(?<![\w.\-/$`'])[A-Za-z][A-Za-z0-9_]*(?:[.\-/][A-Za-z0-9_]+)*")


def english_words(output: str, typed: set[str]) -> list[str]:
    """The Latin words of `output` a Chinese reader did not type and should not meet."""
    output = re.sub(r"`[^`\n]*`", "", output)  # a command to type, in a code span
    output = re.sub(r"(?<![\w])-{1,2}[a-z][a-z\-]*", "", output)  # options
    output = re.sub(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", "", output)  # environment variables
    output = re.sub(r"\b[A-Z]{1,2}[0-9]+\b", "", output)  # a cell of a workbook (F7)
    output = re.sub(r"[\w\-.<>\[\]]*[./][\w\-.<>\[\]/]+", "", output)  # file names and paths
    return sorted({w for w in LATIN.findall(output) if w not in typed and w not in NAMES})


def _paths(group: click.Group = sciplan_group, prefix: tuple[str, ...] = ()):
    yield prefix
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _paths(command, (*prefix, name))
        else:
            yield (*prefix, name)


@pytest.fixture(scope="module")
def typed() -> set[str]:
    return _typed_words()


@pytest.mark.parametrize("path", list(_paths()), ids=lambda p: " ".join(p) or "sciplan")
def test_every_help_is_chinese(cli, typed, path):
    code, out, err = cli(*path, "--help", "--lang", "zh")
    assert code == 0, err
    assert "用法：" in out and "选项" in out
    assert english_words(out, typed) == [], out


@pytest.mark.parametrize("path", list(_paths()), ids=lambda p: " ".join(p) or "sciplan")
def test_every_help_is_english_in_english(cli, path):
    code, out, _ = cli(*path, "--help", "--lang", "en")
    assert code == 0 and "Usage:" in out
    typed_in_chinese = re.sub("按指标|按分组|按单位", "", out)  # what --by also takes
    assert not re.search(r"[\u4e00-\u9fff]", typed_in_chinese)
    assert "opt." not in out and "cmd." not in out and "var." not in out


def test_help_follows_the_locale(cli, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = cli("export", "--help")
    assert code == 0 and "用法：" in out and "--year 年份" in out and "[必填]" in out


@pytest.mark.parametrize(("args", "words"), [
    (("gap", "--yaer", "2024"), ["没有选项 '--yaer'", "是否要用", "运行 'sciplan gap --help' 查看帮助"]),
    (("export",), ["缺少选项 '--year'。"]),
    (("gap", "--year", "x"), ["'--year' 的值无效：'x' 不是有效的数字。"]),
    (("gap", "--year", "2024", "--format", "pdf"), ["不在可选值"]),
    (("gap", "--year", "2024", "--by", "按年"), ["不是可用的分组方式", "按单位"]),
    (("plan", "show"), ["缺少参数 '编号或名称'。"]),
    (("nope",), ["没有命令 'nope'"]),
    (("validate", "-j", "0"), ["不在范围"]),
])
def test_usage_errors_are_chinese(cli, typed, args, words):
    code, out, err = cli(*args, "--lang", "zh")
    assert code == 2, out
    for word in words:
        assert word in err, err
    assert err.startswith("用法：") and "错误：" in err
    assert english_words(err, typed | {"nope", "x", "pdf"}) == [], err


def test_usage_errors_stay_english_in_english(cli):
    code, _, err = cli("gap", "--yaer", "2024", "--lang", "en")
    assert code == 2 and "No such option '--yaer'" in err and err.startswith("Usage:")


@pytest.mark.parametrize(("typed_by", "heading"), [
    ("按单位", "县科协"), ("unit", "县科协"), ("by unit", "县科协"),
    ("分组", "提升行动"), ("group", "提升行动")])
def test_gap_by_takes_the_chinese_words(cli, typed_by, heading):
    code, out, err = cli("gap", "--year", "2024", "--by", typed_by, "--lang", "zh", "--plan", PLAN,
                         "--progress", SAMPLE)
    assert code == 0, err
    assert heading in out


# Each command in Chinese on the shipped plan and its sample: (arguments, stream to read).
RUNS = [
    ("status",), ("gap", "--year", "2024"), ("gap", "--year", "2024", "--by", "按单位"),
    ("units", "--year", "2024"), ("unit", "县科协"), ("unit", "县卫生健康局"), ("validate",),
    ("status", "--format", "markdown"), ("gap", "--year", "2024", "--format", "markdown"),
    ("report", "--year", "2024", "--format", "markdown"),
]


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
@pytest.mark.parametrize("columns", ["60", "120"])
def test_every_screen_is_chinese(cli, monkeypatch, typed, args, columns):
    monkeypatch.setenv("COLUMNS", columns)
    code, out, err = cli(*args, "--lang", "zh", "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0, err
    assert english_words(out, typed) == [], out
    assert english_words(err, typed) == [], err


@pytest.mark.parametrize("args", [("plan",), ("plan", "show", "youth.4"), ("plan", "show", "cast"),
                                  ("plan", "check")])
def test_the_plan_screens_are_chinese(cli, typed, args):
    code, out, err = cli(args[0], "--plan", PLAN, *args[1:], "--lang", "zh")
    assert code == 0, err
    assert english_words(out, typed) == [], out


def test_status_names_what_a_missing_unit_owes(cli):
    code, out, _ = cli("status", "--lang", "zh", "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0
    line = out[out.index("未报送的单位"):]
    assert "老年人科学素质提升行动" in line and "全县居民健康素养水平" in line and "elderly" not in line


def test_units_and_unit_name_groups_and_tasks_in_chinese(cli):
    code, out, _ = cli("units", "--lang", "zh", "--plan", PLAN)
    assert code == 0 and "青少年" in out and "\nedu " in out and "youth " not in out
    code, out, _ = cli("unit", "县科协", "--lang", "zh", "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0 and "实施智慧科普建设工程" in out and "informatization.3" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_units_fit_every_width_and_keep_ids_whole(cli, monkeypatch, lang, columns):
    """COLUMNS holds when the output is piped; below 70 columns one block per unit, every unit id
    printed whole; no line is wider than the terminal."""
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = cli("units", "--year", "2024", "--lang", lang, "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0
    assert max(cell_len(line) for line in out.splitlines()) <= columns
    if columns < 70:  # the table at 80 columns still folds the longest unit id (not yet solved)
        words = set(re.findall(r"[a-z][a-z0-9\-]*", out))
        assert {u.id for u in load_plan(PLAN).units} <= words
    stacked = "\n  " + ("牵头：" if lang == "zh" else "Leads: ") in out
    assert stacked == (columns < 70)


def test_output_never_fails_on_a_gbk_console(tmp_path):
    """A Windows console in code page 936: characters GBK lacks are replaced, the run still succeeds."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "gbk", "LANG": "zh_CN.UTF-8", "COLUMNS": "60", "NO_COLOR": "1"}
    for args in (["status"], ["units", "--year", "2024"], ["gap", "--year", "2024"], ["gap", "--help"],
                 ["gap", "--yaer", "1"]):
        result = subprocess.run([sys.executable, "-c", "import sys; from sciplan.cli import main; "
                                 "sys.exit(main(sys.argv[1:]))", *args, "--plan", str(PLAN), "--progress",
                                 str(SAMPLE)], cwd=ROOT, env=env, capture_output=True, timeout=120)
        assert result.returncode in (0, 2), result.stderr.decode("gbk", "replace")
        assert b"Traceback" not in result.stderr
        text = result.stdout.decode("gbk") + result.stderr.decode("gbk")
        assert "进" in text or "用法" in text


# --- the export workbook, for people --------------------------------------------------------------

def _export(cli, tmp_path, lang):
    import openpyxl

    out = tmp_path / f"export-{lang}.xlsx"
    code, _, err = cli("export", "--year", "2024", "--format", "xlsx", "--lang", lang, "-o", out,
                       "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0, err
    return openpyxl.load_workbook(out)


def test_the_chinese_export_workbook_is_chinese(cli, tmp_path, typed):
    book = _export(cli, tmp_path, "zh")
    assert book.sheetnames == ["报送数值", "差距"]
    gap = book["差距"]
    header = [c.value for c in gap[1]]
    assert header[:3] == ["年份", "编号", "指标"] and "状态" in header and "按当前进度预计差" in header
    rows = {r[1].value: r for r in gap.iter_rows(min_row=2)}
    farmers = rows["farmer-trainings"]
    cell = dict(zip(header, farmers, strict=True))
    shown = (cell["状态"].value, cell["类型"].value, cell["预测能否达标"].value)
    assert shown == ("进展顺利", "累计类", "难达标")
    assert cell["分组"].value == "农民科学素质提升行动" and cell["进展尚可但达标有风险"].value == "是"
    words = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=3 if sheet is book.worksheets[0] else 1):  # row 1: the sample note
            words += english_words(" ".join(str(c.value) for c in row if isinstance(c.value, str)), typed)
    assert words == []


def test_export_numbers_are_numbers_rounded_by_their_format_and_columns_fit_what_shows(cli, tmp_path):
    from openpyxl.utils import get_column_letter

    from sciplan.figures import decimals_for
    from sciplan.workbook.sheets import display_width

    book = _export(cli, tmp_path, "zh")
    gap = book["差距"]
    header = [c.value for c in gap[1]]
    rows = {r[1].value: dict(zip(header, r, strict=True)) for r in gap.iter_rows(min_row=2)}
    area = rows["exhibition-area-per-10k"]
    expected = area["应达"]
    assert isinstance(expected.value, float) and expected.value != round(expected.value, 1)  # every digit
    places = decimals_for(expected.value, area["实际"].value, area["差距"].value)
    assert expected.number_format == "#,##0." + "0" * places == "#,##0.0"
    assert area["进度比"].number_format == "0.00"
    assert rows["farmer-trainings"]["按当前进度预计差"].value == 137.5
    assert rows["farmer-trainings"]["按当前进度预计差"].number_format == "#,##0"
    assert gap.freeze_panes == "A2" and book["报送数值"].freeze_panes == "A3"  # the sample's note above
    widths = {h: gap.column_dimensions[get_column_letter(n)].width for n, h in enumerate(header, start=1)}
    longest = max(display_width(r["指标"].value) for r in rows.values())
    assert widths["指标"] >= longest  # a Chinese character takes two
    assert widths["应达"] < len(repr(expected.value))  # fitted to '1,600,000', not to 17 digits


def test_the_english_export_workbook_keeps_the_csv_column_names(cli, tmp_path):
    book = _export(cli, tmp_path, "en")
    assert book.sheetnames == ["Values", "Gap"]
    header = [c.value for c in book["Gap"][1]]
    assert header[:3] == ["year", "id", "name"] and header[-3:] == ["forecast_short", "at_risk",
                                                                       "expected_pro_rata"]
    status = {r[1]: r[header.index("status")] for r in book["Gap"].iter_rows(min_row=2, values_only=True)}
    assert status["farmer-trainings"] == "on_track"


# --- terminals of every width ---------------------------------------------------------------------

from sciplan.render.narrow import atoms, wrap  # noqa: E402


@pytest.mark.parametrize(("line", "width", "lines"), [
    ("指标 exhibition-area-per-10k 到2025年", 24, ["指标", "exhibition-area-per-10k", "到2025年"]),
    ("指标 exhibition-area-per-10k", 12, ["指标", "exhibition-", "area-per-10k"]),  # wider than a line
    ("合计 1,550,000 人次", 10, ["合计", "1,550,000", "人次"]),
    ("请运行 `sciplan validate` 查看", 18, ["请运行", "`sciplan validate`", "查看"]),
    ("一二三四五，六七", 10, ["一二三四", "五，六七"]),  # a closing mark never starts a line
    ("（2021-2025年）的宣传", 8, ["（2021-", "2025年）", "的宣传"]),  # a run wider than a line is cut
    ("abc def", 20, ["abc def"]),
])
def test_lines_break_only_where_they_may(line, width, lines):
    assert wrap(line, width) == lines


def test_figures_with_their_labels_stay_together():
    lines = atoms(["应达：155.0", "实际：139.0", "差距：16.0"], 30)
    assert lines == ["  应达：155.0 · 实际：139.0", "  差距：16.0"]


SCREENS = [("gap", "--year", "2024"), ("gap", "--year", "2024", "--by", "unit"), ("status",),
           ("unit", "县科协"), ("unit", "县卫生健康局"), ("units", "--year", "2024")]
NUMBER = re.compile(r"\d[\d,.]*%?")


def _screen(cli, monkeypatch, args, lang, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, err = cli(*args, "--lang", lang, "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0, err
    return err + out  # the sample's notice, then the screen


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("args", SCREENS, ids=" ".join)
def test_every_screen_fits_every_width_and_keeps_ids_and_numbers_whole(cli, monkeypatch, args, lang):
    from rich.cells import cell_len

    plan = load_plan(PLAN)
    wide = _screen(cli, monkeypatch, args, lang, 160)
    ids = {i.id for i in plan.targeted_indicators()} if args[0] == "gap" else set()
    if args[:2] == ("unit", "县科协"):
        ids = {t.id for g in plan.groups if "cast" in g.lead for t in g.tasks}
    for columns in (40, 60, 80, 120):
        out = _screen(cli, monkeypatch, args, lang, columns)
        too_wide = [line for line in out.splitlines() if cell_len(line) > columns]
        assert too_wide == [], f"{columns} columns:\n" + "\n".join(too_wide)
        if columns < 70:  # the stacked layout: no id and no number is cut, no table folds names
            assert ids <= set(re.findall(r"[a-z][a-z0-9\-.]*[a-z0-9]", out)), columns
            assert set(NUMBER.findall(out)) <= set(NUMBER.findall(wide)), columns
            assert "│" not in out and "┃" not in out
            if lang == "zh" and args[0] in ("gap", "status"):  # every indicator's name on one line
                lines = [line.strip() for line in out.splitlines()]
                assert all(any(i.name in line for line in lines) for i in plan.targeted_indicators())


# --- the English mirror -----------------------------------------------------------------------------

# Each English screen of the shipped plan and its sample, in every grouping and both text formats.
ENGLISH_RUNS = [
    ("status",), ("status", "--format", "markdown"), ("missing",), ("missing", "--format", "markdown"),
    ("units", "--year", "2024"), ("unit", "cast"), ("unit", "health"), ("unit", "leading-group-office"),
    *(("gap", "--year", "2024", "--by", by) for by in ("indicator", "group", "unit", "area")),
    *(("gap", "--year", "2024", "--by", by, "--format", "markdown") for by in ("group", "unit", "area")),
]
PLAN_RUNS = [("plan",), ("plan", "show", "youth.4"), ("plan", "show", "health-literacy-rate"),
             ("plan", "show", "hrss"), ("plan", "show", "leading-group-office")]


def _without_english_names(plan) -> list[str]:
    """The plan's words an English screen quotes as the plan gives them, having no English of their own:
    the texts of tasks, milestones and the goal, the indicators' sources and measures, the document's
    number and issuer, the units' Chinese aliases (what a user may type)."""
    words = [t.title for g in plan.groups for t in g.tasks] + [t.text for g in plan.groups for t in g.tasks]
    words += [m.text for m in plan.milestones] + [plan.goal.text, plan.goal_summary]
    words += [i.source_text for i in plan.indicators] + [i.measure for i in plan.indicators]
    words += [plan.reference, plan.document.issuer] + [a for u in plan.units for a in u.aliases]
    # and the units' contacts, which their progress files give
    words += {found for f in SAMPLE.rglob("*.yaml")
              for found in re.findall(r"^contact: (.+)$", f.read_text("utf-8"), re.M)}
    return sorted((w for w in words if w), key=len, reverse=True)


def _english_names_missing(plan) -> list[tuple[str, str]]:
    """(Chinese name, English name) of everything the plan names in English."""
    named = [(plan.title, plan.title_en)] + [(g.title, g.title_en) for g in plan.groups]
    named += [(i.name, i.name_en) for i in plan.indicators] + [(u.name, u.name_en) for u in plan.units]
    named += [(a.name, a.name_en) for a in plan.areas]
    return [(zh, en) for zh, en in named if en]


@pytest.mark.parametrize("args", ENGLISH_RUNS + PLAN_RUNS, ids=" ".join)
@pytest.mark.parametrize("columns", ["60", "80", "120"])
def test_english_screens_name_the_plans_things_in_english(cli, monkeypatch, args, columns):
    """The mirror image: in English every group, indicator, unit and area is shown by the plan's English
    name, and the plan by its English title; the only Chinese left is what the plan gives no English for."""
    plan = load_plan(PLAN)
    monkeypatch.setenv("COLUMNS", columns)
    if args[0] == "plan":
        code, out, err = cli(args[0], "--plan", PLAN, *args[1:], "--lang", "en")
    else:
        code, out, err = cli(*args, "--lang", "en", "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0, err
    quoted = [re.sub(r"\s+", "", q) for q in _without_english_names(plan)]
    squeezed = re.sub(r"\s+", "", out)  # names and quoted texts wrap anywhere
    for text in quoted:
        squeezed = squeezed.replace(text, "")
    assert [zh for zh, _ in _english_names_missing(plan) if zh in squeezed] == [], out
    # Any Chinese left is a piece of what the plan gives no English for (a table may wrap it in pieces).
    blob = "\n".join(quoted)
    assert [run for run in re.findall(r"[\u3400-\u9fff]+", out) if run not in blob] == [], out
