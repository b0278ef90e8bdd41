"""Chinese and English on the command line: `--lang zh|en` on every command, the default from the
locale, the terminal and Markdown screens in either language, machine formats the same in both, and
every message id the code names present in the catalogue.

English output is the output sciplan has always printed: the exact-output tests of the renderers
(test_render_tables, test_status_gap_cli, test_units_cli, test_plan, test_render_findings) hold it.
Here the Chinese side is checked, and that English and Chinese differ only where people read.
"""

from __future__ import annotations

import inspect
import json
import re
import shutil
from pathlib import Path

import click
import pytest
from rich.cells import cell_len

from sciplan.assessment import Kind, Status
from sciplan.cli import cli as sciplan_group
from sciplan.findings import Finding, Report, Severity
from sciplan.i18n import MESSAGES, parts, plural, text
from sciplan.overview import TASK_COLUMNS
from sciplan.plan.diff import FIELDS as DIFF_FIELDS
from sciplan.render import markdown, plan_text, units
from sciplan.render import text as text_render
from sciplan.validation import load_plan

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "plan.yaml"
SAMPLE = ROOT / "data" / "progress"
SOURCES = ROOT / "sciplan"

BROKEN = """plan: xinhuang-science-literacy
plan_version: 1
unit: 县科协
period: 2024
values:
  - {indicator: literacy-rate, value: abc}
"""


@pytest.fixture
def run(cli, sample_figures):
    """sciplan on the shipped plan and (a copy of) the sample progress files."""
    def go(*args):
        return cli(*args, "--plan", PLAN, "--progress", sample_figures)
    return go


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The sample with one more file that has an error (its entry is left out, the rest counted)."""
    folder = tmp_path / "progress"
    shutil.copytree(SAMPLE, folder)
    (folder / "2024" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


def _commands(group: click.Group = sciplan_group, prefix: tuple[str, ...] = ()):
    yield prefix, group
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


# --- every command takes --lang ------------------------------------------------------------------------

def test_every_command_has_the_lang_option():
    without = [" ".join(path) or "sciplan" for path, command in _commands()
               if not any("--lang" in p.opts for p in command.params)]
    assert without == []
    paths = {path for path, _ in _commands()}
    assert {(), ("plan",), ("plan", "check"), ("plan", "show"), ("report",), ("import",)} <= paths


def _workbook(cli, folder: Path) -> Path:
    path = folder / "cast-2024.xlsx"
    code, _, err = cli("template", "--unit", "县科协", "--year", "2024", "--format", "xlsx", "-o", path,
                       "--plan", PLAN)
    assert code == 0, err
    return path


# (arguments, expected exit code); the plan and progress options are added where the command has them.
COMMANDS = [
    (("plan",), 0),
    (("plan", "check"), 0),
    (("plan", "show", "youth.4"), 0),
    (("validate",), 0),
    (("schema",), 0),
    (("schema", "--plan"), 0),
    (("diagnostics",), 0),
    (("gap", "--year", "2024"), 0),
    (("status",), 0),
    (("units", "--year", "2024"), 0),
    (("unit", "县科协"), 0),
    (("template", "--unit", "县科协", "--year", "2024"), 0),
    (("export", "--year", "2024"), 0),
    (("report", "--year", "2024", "--format", "markdown"), 0),
]


def _with_data(args: tuple[str, ...]) -> list:
    """The command's arguments with --plan and --progress where it takes them."""
    path = next(path for path, _ in _commands() if path == args[:len(path)] and path)
    command = dict(_commands())[path]
    # options that take a path (`schema --plan` is a flag: the plan format's schema)
    names = {opt for p in command.params if not getattr(p, "is_flag", False) for opt in p.opts}
    extra = [*(["--plan", PLAN] if "--plan" in names else []),
             *(["--progress", SAMPLE] if "--progress" in names else [])]
    if args[0] == "plan" and len(args) > 1:
        return ["plan", "--plan", PLAN, *args[1:]]  # the plan group takes --plan, its subcommands do not
    return [*args, *extra]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("args", "exit_code"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_every_command_runs_with_lang(cli, args, exit_code, lang):
    code, out, err = cli(*_with_data(args), "--lang", lang)
    assert code == exit_code, err
    assert out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_import_runs_with_lang(cli, tmp_path, lang):
    """An unfilled template has findings (exit 1); the summary under them is in the language asked for."""
    workbook = _workbook(cli, tmp_path)
    code, out, err = cli("import", workbook, "--lang", lang, "--plan", PLAN)
    assert code == 1, err
    summary = out.rstrip().splitlines()[-1]
    assert summary.startswith("已检查 1 个文件：" if lang == "zh" else "1 file checked: ")
    assert ("错误" in out) == (lang == "zh")


def test_lang_goes_before_the_command_too(cli, sample_figures):
    code, out, _ = cli("--lang", "zh", "validate", "--plan", PLAN, "--progress", sample_figures)
    assert code == 0 and out.startswith("已检查 ")
    # `plan --lang zh check`: the group's --lang holds for its subcommands unless they give their own.
    code, out, _ = cli("plan", "--plan", PLAN, "--lang", "zh", "check")
    assert code == 0 and "方案 `xinhuang-science-literacy` 第 1 版无误" in out
    code, out, _ = cli("plan", "--plan", PLAN, "--lang", "zh", "check", "--lang", "en")
    assert code == 0 and "is sound" in out


# --- the default comes from the locale -------------------------------------------------------------------

@pytest.mark.parametrize(("environ", "lang"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_TW.UTF-8"}, "zh"),
    ({"LANG": "C"}, "en"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL overrides LANG
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "C"}, "zh"),
])
def test_default_language_follows_the_locale(run, monkeypatch, environ, lang):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    code, out, _ = run("validate")
    assert code == 0
    assert out == ("已检查 73 个文件：0 个错误，0 个警告\n" if lang == "zh" else
                   "73 files checked: 0 errors, 0 warnings\n")


def test_lang_overrides_the_locale(run, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    chinese_locale_english_asked = run("status", "--lang", "en")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert chinese_locale_english_asked == run("status")
    english_locale_chinese_asked = run("status", "--lang", "zh")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert english_locale_chinese_asked == run("status")
    assert english_locale_chinese_asked != chinese_locale_english_asked


def test_each_run_starts_from_the_locale_again(run):
    """The language a --lang chose does not leak into the next run in the same process."""
    assert run("validate", "--lang", "zh")[1].startswith("已检查")
    assert run("validate")[1].startswith("73 files checked")


# --- the Chinese screens --------------------------------------------------------------------------------

def _plan_ids() -> set[str]:
    plan = load_plan(PLAN)
    return ({i.id for i in plan.indicators} | {i.task for i in plan.indicators} | {g.id for g in plan.groups}
            | {u.id for u in plan.units} | {t.id for g in plan.groups for t in g.tasks}
            | {m.id for m in plan.milestones} | {plan.id})


def _latin_words(output: str) -> set[str]:
    """Words in Latin letters, except commands the reader types (`code spans`, `sciplan …` lines)."""
    typed = re.sub(r"`[^`]*`|sciplan .*", "", output)
    return set(re.findall(r"[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]", typed))


def _not_ids(output: str) -> set[str]:
    """The Latin words of `output` that are not plan ids, nor the two halves of an id a narrow table
    column folded (leading-group-offi / ce)."""
    ids = _plan_ids()
    return {word for word in _latin_words(output)
            if word not in ids and not any(i.startswith(word) or i.endswith(word) for i in ids)}


def test_chinese_status_screen(run):
    code, out, _ = run("status", "--lang", "zh")
    assert code == 0
    headings = [text("screen.col.indicators_in", "zh", year=2024),
                text("screen.col.target_in", "zh", year=2025), text("screen.col.actual", "zh"),
                text("screen.col.progress", "zh"),
                text("screen.col.tasks_for", "zh", year=2024), text("screen.reports.head", "zh", year=2024),
                "2024年进展", "进展报告 73 份", "年份  状态"]
    assert [heading for heading in headings if heading not in out] == []
    statuses = ("achieved", "on_track", "needs_acceleration", "limited_progress", "deterioration", "no_data")
    assert [s for s in statuses if text(f"status.{s}", "zh") not in out] == []
    english = [text("screen.col.indicators_in", "en", year=2024),
               text("screen.col.target_in", "en", year=2025),
               text("screen.col.actual", "en"), text("screen.col.progress", "en"),
               text("screen.col.status", "en"), text("screen.col.tasks_for", "en", year=2024),
               text("screen.reports.head", "en", year=2024).strip(), "way made", "forecast", "expected",
               "on_track", "needs_acceleration", "achieved", "not received", "in progress", "blocked"]
    assert [word for word in english if word in out] == []
    # Every word in Latin letters is an id from the plan (a unit, group or indicator), never a label.
    assert _not_ids(out) == set()


@pytest.mark.parametrize("args", [
    ("gap", "--year", "2024"), ("gap", "--year", "2024", "--by", "unit"), ("units", "--year", "2024"),
    ("unit", "县科协"), ("unit", "县委组织部"),
])
def test_chinese_screens_have_no_english_labels(run, args):
    code, out, _ = run(*args, "--lang", "zh")
    assert code == 0
    assert _not_ids(out) == set()


@pytest.mark.parametrize("key", ["youth.4", "literacy-rate", "exhibition-area-per-10k", "县科协",
                                 "领导小组办公室"])
def test_chinese_plan_screens_have_no_english_labels(cli, key):
    code, out, _ = cli("plan", "--plan", PLAN, "show", key, "--lang", "zh")
    assert code == 0
    assert _not_ids(out) == set()
    code, out, _ = cli("plan", "--plan", PLAN, "--lang", "zh")
    assert code == 0
    assert "分组与任务" in out and "共 30 个单位" in out
    assert _not_ids(out) == set()


def test_english_screens_keep_the_plans_english_names(cli):
    code, out, _ = cli("plan", "--plan", PLAN, "show", "literacy-rate", "--lang", "en")
    assert code == 0 and "Share of citizens with basic science literacy" in out
    code, out, _ = cli("plan", "--plan", PLAN, "show", "literacy-rate", "--lang", "zh")
    assert code == 0 and "Share of citizens" not in out and "公民具备科学素质的比例" in out


@pytest.mark.parametrize("args", [
    ("status",), ("status", "--year", "2022"), ("gap", "--year", "2024"),
    ("gap", "--year", "2024", "--by", "group"),
    ("units",), ("units", "--year", "2024"), ("unit", "县科协"), ("unit", "县教育局", "--year", "2023"),
    ("plan",), ("plan", "show", "youth.4"), ("plan", "show", "县科协"), ("validate",),
])
def test_chinese_screens_fit_80_columns(cli, args):
    if args[0] == "plan":
        code, out, _ = cli("plan", "--plan", PLAN, *args[1:], "--lang", "zh")
    else:
        code, out, _ = cli(*args, "--lang", "zh", "--plan", PLAN, "--progress", SAMPLE)
    assert code == 0
    wide = [line for line in out.splitlines() if cell_len(line) > 80]
    assert wide == []


def test_chinese_gap_columns_line_up(run):
    """The hand-aligned figures sit under their headings although the headings are two cells a character."""
    _, out, _ = run("gap", "--year", "2024", "--lang", "zh")
    lines = out.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("状态"))
    figures = next(line for line in lines if line.lstrip().startswith("出现倒退"))
    assert cell_len(header[:header.index("进度比") + 3]) == cell_len(figures[:figures.index("-0.07") + 5])
    assert cell_len(header[:header.index("应达") + 2]) == cell_len(figures[:figures.index("155.0") + 5])


def test_chinese_markdown(run):
    code, out, _ = run("status", "--format", "markdown", "--lang", "zh")
    assert code == 0
    assert out.startswith("# 2024年实施进展\n")
    assert "| 指标 | 编号 | 目标 | 应达 | 实际 | 差距 | 进度比 | 状态 | 预测 | 缺报年份 |" in out
    assert "**需加快推进**" in out and "## 2024年任务报送情况" in out and "| 分组 | 已完成 | 推进中 |" in out
    assert "**on_track**" not in out and "Overall goal" not in out
    code, out, _ = run("gap", "--year", "2024", "--format", "markdown", "--lang", "zh")
    assert code == 0 and out.startswith("# 截至2024年底的差距\n")
    assert "| 培训技能劳动者 | `skilled-worker-trainings` | >= 2,000 /年 |" in out and "未达标 2022" in out


def test_chinese_errors_in_the_progress_files(cli, broken):
    code, out, err = cli("gap", "--year", "2024", "--lang", "zh", "--plan", PLAN, "--progress", broken)
    assert code == 0
    assert err == "警告：进展报告中有 1 处错误，出错的条目未计入（请运行 `sciplan validate`）\n"
    code, out, _ = cli("status", "--lang", "zh", "--plan", PLAN, "--progress", broken)
    assert "进展报告中有 1 处错误，出错的条目未计入。详情请运行 `sciplan validate`。" in out
    code, out, _ = cli("validate", "--lang", "zh", "--plan", PLAN, "--progress", broken)
    assert code == 1
    assert "  6:39 错误 S103 " in out and "提示：" in out
    assert out.endswith("已检查 74 个文件：1 个错误，0 个警告\n")


# --- the command line's own messages ---------------------------------------------------------------------

@pytest.mark.parametrize(("args", "english", "chinese"), [
    (("gap", "--year", "2030"), "Error: --year 2030 is outside the plan period 2021-2025",
     "错误：--year 2030 不在方案实施期 2021-2025 内"),
    (("unit", "foo"), "Error: no unit is called `foo`; `sciplan units` lists them",
     "错误：没有名为 `foo` 的单位；`sciplan units` 可列出全部单位"),
    (("gap", "--year", "2024", "--status", "x"),
     "Error: unknown status x; choose from not_achieved, deterioration, limited_progress, "
     "needs_acceleration, no_data, no_baseline, on_track, achieved",
     "错误：未知状态 x；可选：not_achieved, deterioration, limited_progress, needs_acceleration, no_data, "
     "no_baseline, on_track, achieved"),
])
def test_command_errors_in_both_languages(run, args, english, chinese):
    assert run(*args, "--lang", "en") == (2, "", english + "\n")
    assert run(*args, "--lang", "zh") == (2, "", chinese + "\n")


def test_plan_errors_and_written_files_in_chinese(cli, tmp_path):
    code, _, err = cli("status", "--lang", "zh", "--plan", tmp_path / "missing.yaml", "--progress", SAMPLE)
    assert (code, err) == (2, f"错误：找不到方案文件：{tmp_path / 'missing.yaml'}\n")
    code, _, err = cli("plan", "--plan", PLAN, "show", "zzz", "--lang", "zh")
    assert (code, err) == (2, "错误：方案中没有 `zzz`；`sciplan plan` 可列出全部编号\n")
    out = tmp_path / "status.txt"
    code, _, err = cli("status", "--lang", "zh", "-o", out, "--plan", PLAN, "--progress", SAMPLE)
    assert (code, err) == (0, f"已写入 {out}\n")
    code, _, err = cli("status", "--lang", "zh", "-o", out, "--plan", PLAN, "--progress", SAMPLE)
    assert (code, err) == (2, f"错误：{out} 已存在；如需覆盖请加 --force\n")
    code, _, err = cli("status", "--lang", "en", "-o", out, "--plan", PLAN, "--progress", SAMPLE)
    assert (code, err) == (2, f"Error: {out} already exists; pass --force to overwrite it\n")


# --- machine formats are the same in both languages ---------------------------------------------------

@pytest.mark.parametrize("args", [
    ("status", "--format", "json"), ("gap", "--year", "2024", "--format", "json"),
    ("units", "--year", "2024", "--format", "json"), ("unit", "县科协", "--format", "json"),
    ("gap", "--year", "2024", "--format", "csv"), ("status", "--format", "csv"), ("export", "--year", "2024"),
    ("export", "--year", "2024", "--gap"),
])
def test_machine_formats_do_not_change_with_the_language(run, args):
    english, chinese = run(*args, "--lang", "en"), run(*args, "--lang", "zh")
    assert english[0] == 0 and english == chinese


FREE_TEXT = {"message", "hint"}  # the findings' sentences for people; everything else is data


def _without_free_text(value):
    if isinstance(value, dict):
        return {k: _without_free_text(v) for k, v in value.items() if k not in FREE_TEXT}
    if isinstance(value, list):
        return [_without_free_text(v) for v in value]
    return value


def test_validate_json_differs_at_most_in_free_text(cli, broken):
    outputs = {}
    for lang in ("en", "zh"):
        code, out, _ = cli("validate", "--format", "json", "--lang", lang, "--plan", PLAN,
                           "--progress", broken)
        assert code == 1
        outputs[lang] = json.loads(out)
    assert outputs["en"]["errors"] == 1
    assert _without_free_text(outputs["en"]) == _without_free_text(outputs["zh"])


def test_schema_and_diagnostics_accept_lang_and_stay_as_they_are(cli):
    for command in ("schema", "diagnostics"):
        assert cli(command, "--lang", "zh") == cli(command, "--lang", "en")


# --- renderers: the `lang` keyword ----------------------------------------------------------------------

RENDERERS = [text_render.render_findings, text_render.render_plan_findings, plan_text.render_plan,
             plan_text.render_task, plan_text.render_indicator, plan_text.render_unit,
             text_render.render_gap, text_render.render_status, units.render_units, units.render_unit_detail,
             markdown.render_gap, markdown.render_status]


@pytest.mark.parametrize("render", RENDERERS, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_renderers_take_lang_defaulting_to_english(render):
    parameter = inspect.signature(render).parameters["lang"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY and parameter.default == "en"


def test_findings_in_chinese():
    report = Report(files=2, findings=[
        Finding(code="S103", severity=Severity.ERROR, file="2024/a.yaml", line=6, column=39,
                path="values[0].value", message="m", hint="h"),
        Finding(code="S201", severity=Severity.WARNING, file=None, line=None, column=None, path="",
                message="w", hint=""),
    ])
    out = text_render.render_findings(report, lang="zh")
    assert "  6:39 错误 S103 m\n" in out and "提示：h" in out
    assert "（无文件）\n  -    警告 S201 w" in out
    assert out.endswith("已检查 2 个文件：1 个错误，1 个警告\n")
    assert text_render.render_findings(Report(files=1), lang="zh") == "已检查 1 个文件：0 个错误，0 个警告\n"
    assert text_render.render_findings(Report(files=1)) == "1 file checked: 0 errors, 0 warnings\n"


# --- the catalogue: helpers and the ids the code names ----------------------------------------------------

def test_plural_picks_the_form_by_count():
    assert plural("screen.errors", 1, "en") == "1 error"
    assert plural("screen.errors", 0, "en") == "0 errors"
    assert plural("screen.errors", 2, "en") == "2 errors"
    assert plural("screen.errors", 1, "zh") == plural("screen.errors", 1, "zh") == "1 个错误"


def test_parts_cuts_a_message_at_its_fields():
    assert parts("screen.goal.actual", "en", actual="13.4%", year=2024) == [
        ("13.4%", "actual"), (" in ", None), ("2024", "year")]
    assert parts("screen.goal.actual", "zh", actual="13.4%", year=2024) == [
        ("2024", "year"), ("年为 ", None), ("13.4%", "actual")]
    for message_id, lang in (("screen.gap.legend", "zh"), ("cli.plan_sound", "en")):
        fields = {name: f"<{name}>" for name in re.findall(r"{(\w+)}", MESSAGES[message_id][lang])}
        joined = "".join(piece for piece, _ in parts(message_id, lang, **fields))
        assert joined == text(message_id, lang, **fields)
    with pytest.raises(ValueError, match="unknown language"):
        parts("screen.none", "fr")


OWN_PREFIXES = ("screen", "markdown", "cli")
# A literal id in the code ("screen.none", also one held in a variable), or the base of a plural() id.
LITERAL_ID = re.compile(r"""["']((?:screen|markdown|cli)\.[a-z_]+(?:\.[a-z_]+)*)["']""")
# Ids made from a prefix and a value (f"screen.kind.{i.kind}"): the prefix and what fills it.
DYNAMIC_IDS = {
    "screen.kind.": [str(k) for k in Kind],
    "screen.severity.": [str(s) for s in Severity],
    "screen.tasks.": list(TASK_COLUMNS),
    "screen.role.": ["lead", "participating"],
    "status.": [str(s) for s in Status],
    "milestone.": ["done", "due", "overdue"],
    "screen.diff.what.": ["group", "task", "indicator", "unit", "area"],
    "screen.diff.change.": ["added", "removed", "changed"],
    "screen.diff.field.": sorted({f for fields in DIFF_FIELDS.values() for f in fields}),
}


def _source() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(SOURCES.rglob("*.py")))


def test_every_message_id_named_in_the_code_is_in_the_catalogue():
    """tests/test_report.py checks the ids in text("…") calls; this adds ids passed to plural(), parts(),
    the command line's _say() and the renderers' _styled(), ids held in variables, and made ones."""
    named = set(LITERAL_ID.findall(_source()))
    assert {"screen.errors", "cli.no_plan", "markdown.goal_line", "screen.goal.actual"} <= named
    missing = sorted(i for i in named
                     if i not in MESSAGES and not {f"{i}.one", f"{i}.other"} <= set(MESSAGES))
    assert missing == []
    source = _source()
    for prefix, values in DYNAMIC_IDS.items():
        assert f'f"{prefix}{{' in source, f"no id is made with {prefix}"
        assert [f"{prefix}{v}" for v in values if f"{prefix}{v}" not in MESSAGES] == []


def test_every_screen_and_command_line_message_is_used():
    """A message nobody prints is a translation nobody reads: every id of this part is named somewhere."""
    named = set(LITERAL_ID.findall(_source()))
    unused = []
    for message_id in MESSAGES:
        if not message_id.startswith(tuple(f"{p}." for p in OWN_PREFIXES)):
            continue
        base = message_id.rsplit(".", 1)[0]
        made = any(message_id.startswith(prefix) for prefix in DYNAMIC_IDS)
        if message_id not in named and not (message_id.endswith((".one", ".other")) and base in named) \
                and not made:
            unused.append(message_id)
    assert unused == []


@pytest.mark.parametrize(("locale", "lang", "said"), [
    ("zh_CN.UTF-8", "en", "Invalid value for 'OLD': File 'nope.yaml' does not exist."),
    ("C.UTF-8", "zh", "'原方案' 的值无效：文件 'nope.yaml' 不存在。"),
    ("zh_CN.UTF-8", None, "'原方案' 的值无效：文件 'nope.yaml' 不存在。"),
])
def test_a_path_is_named_in_the_language_of_the_run_not_of_the_locale(cli, tmp_path, monkeypatch, locale,
                                                                       lang, said):
    # click words a path type's name ("File") once, when sciplan is imported: before --lang is read.
    monkeypatch.setenv("LANG", locale)
    given = ["--lang", lang] if lang else []
    code, _, err = cli("plan", "diff", *given, "nope.yaml", "nope.yaml", cwd=tmp_path)
    assert code == 2 and said in err
