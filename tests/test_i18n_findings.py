"""Findings in Chinese and English: validate's messages and hints come from the catalogue.

A finding keeps its message id and fields (`key`, `params`) next to its English words, so the same
finding is worded in either language when it is shown, also after a trip through the per-file cache.
Here: every id the sources name is in the catalogue, `--lang zh` leaves no English sentence in the
corpus's findings, `--lang en` and the JSON data are unchanged, and the cache keeps the ids.
"""

from __future__ import annotations

import ast
import copy
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from sciplan import cache
from sciplan import progress as pf
from sciplan.findings import CATALOGUE, Finding, Report, Severity, make, say
from sciplan.i18n import MESSAGES, Message, decode_fields, encode_fields, fields_of
from sciplan.validation import FileResult, UsageError, document, load_plan, plan_file, validate_paths

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "plan.yaml"
SOURCES = ROOT / "sciplan"
EXAMPLES = Path(__file__).parent / "examples"
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN)


def _case(case: Path, tmp_path: Path) -> Path:
    work = tmp_path / case.name
    shutil.copytree(case, work, symlinks=True, ignore=shutil.ignore_patterns("expected.yaml"))
    return work


def _finding_ids() -> list[str]:
    return [i for i in MESSAGES if i.startswith("finding.")]


def _modules() -> list[Path]:
    """The code that names message ids: every module but the catalogues themselves."""
    return [p for p in sorted(SOURCES.rglob("*.py")) if p.name != "i18n.py" and "findings" not in p.parts]


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in _modules())


def _variant_calls() -> list[tuple[str, str, str, str]]:
    """(module, code, method, variant) of every `S103.say("not_text", ...)`, `S103.message(...)` and
    `S103.key(...)` in the sources: the variants they name, read from the code without running it."""
    calls = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in CATALOGUE
                    and node.func.attr in ("say", "message", "key") and node.args
                    and isinstance(node.args[0], ast.Constant)):
                calls.append((path.name, node.func.value.id, node.func.attr, node.args[0].value))
    return calls


def _variant_literals() -> set[str]:
    """Ids `finding.CODE.v` for every string literal `v` in a module that names CODE: the variants
    held in a variable (`variant = "looks_gbk" if ... else "not_utf8"`)."""
    named = set()
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in CATALOGUE}
        strings = {n.value for n in ast.walk(tree)
                   if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        named |= {f"finding.{code}.{s}" for code in names for s in strings if s in CATALOGUE[code].messages}
    return named


# --- the catalogue and the ids the sources name -------------------------------------------------------

def test_the_findings_have_their_stages_in_the_package():
    package = SOURCES / "findings"
    for module in ("loading", "structure", "references", "responsibility", "crossfile", "plausibility",
                   "plan", "workbook"):
        tree = ast.parse((package / f"{module}.py").read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), module
    assert len(_finding_ids()) > 250


def test_every_variant_the_sources_name_is_defined():
    """An unknown variant is a programming error: caught here without running the rule."""
    calls = _variant_calls()
    assert ("values.py", "S104", "message", "number_as_text") in calls  # the scan sees the rules
    assert ("loading.py", "L004", "say", "syntax") in calls
    assert [c for c in calls if c[3] not in CATALOGUE[c[1]].messages] == []


def test_an_unknown_variant_or_field_is_refused_when_made():
    from sciplan.findings import S103
    with pytest.raises(KeyError, match="S103 has no message 'no_such'"):
        S103.message("no_such")
    with pytest.raises(KeyError):
        S103.say("no_such", file="a.yaml")
    with pytest.raises(TypeError, match="needs"):
        S103.message("not_text", key="unit")  # `got` is missing
    with pytest.raises(TypeError):
        S103.say("not_text", key="unit", got="x", typo=1)
    made = S103.message("not_text", key="unit", got="x")
    assert made == Message("finding.S103.not_text", key="unit", got="x")


# say(code, "finding.…"), Message("finding.…"), and ids held in a variable or table ("finding.…").
LITERAL_ID = re.compile(r"""["']((?:finding|error)\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)["']""")
SAY_CALL = re.compile(r"""\bsay\(\s*(?:["'][A-Z][0-9]{3}["']|[a-z_.]+),\s*["']([^"']+)["']""")
# Ids made from a prefix and a value, with every value the code can put there.
DYNAMIC_IDS = {
    "finding.plan.label.": ["group", "indicator", "unit", "township", "milestone"],
    "finding.pydantic.": list(plan_file._PYDANTIC_DETAILS),
    "finding.workbook.": ["S111", "S109", "S110", "W503", "S105", "S106", "S112"],
    "screen.kind.": ["level", "cumulative", "ratio"],  # a target that needs a year (plan.py)
}


def test_every_id_the_sources_name_is_in_the_catalogue():
    source = _source()
    named = set(LITERAL_ID.findall(source)) | set(SAY_CALL.findall(source))
    assert {"finding.in_cell", "finding.did_you_mean", "error.plan_unusable", "finding.plan.unknown_unit"
            } <= named  # the scan sees each module's ids (a code's own variants: test_every_variant_...)
    assert sorted(i for i in named if i not in MESSAGES) == []
    for prefix, values in DYNAMIC_IDS.items():
        assert f'f"{prefix}{{' in source, f"no id is made with {prefix}"
        assert [f"{prefix}{v}" for v in values if f"{prefix}{v}" not in MESSAGES] == []


def test_every_finding_message_is_used():
    """A finding's words nobody can see are a translation nobody reads: each id is named, made from a
    prefix, or the `.hint` of one that is."""
    named = set(LITERAL_ID.findall(_source())) | _variant_literals()
    named |= {f"finding.{code}.{variant}" for _, code, _, variant in _variant_calls()}
    unused = [i for i in _finding_ids()
              if i not in named and i.removesuffix(".hint") not in named
              and not i.startswith(tuple(DYNAMIC_IDS))]
    assert unused == []


def test_finding_messages_exist_in_both_languages_with_the_same_fields():
    for message_id in _finding_ids():
        assert set(MESSAGES[message_id]) == {"en", "zh"}, message_id
        assert fields_of(MESSAGES[message_id]["en"]) == fields_of(MESSAGES[message_id]["zh"]), message_id


def test_no_finding_field_is_named_like_a_place():
    """say() takes file, line, column, path and hint as the finding's own; a field by those names would
    be taken for them (`hint` is allowed only inside a nested message)."""
    taken = {"file", "line", "column", "path", "hint"}
    assert [i for i in _finding_ids() if fields_of(MESSAGES[i]["en"]) & taken] == []


def test_the_chinese_of_every_finding_message_is_chinese():
    # Except the few that only arrange other messages ("{cell}: {message}", " in {name}").
    arranging = {"finding.in_cell", "finding.as_is", "finding.area.in", "finding.workbook.suggestion",
                 "finding.L004.context", "finding.P301.more", "finding.C001.invalid"}
    assert [i for i in _finding_ids() if i not in arranging and not CJK.search(MESSAGES[i]["zh"])] == []


# --- say(), localized() and the fields ----------------------------------------------------------------

def test_say_words_in_english_and_keeps_the_id_and_fields():
    f = say("S103", "finding.S103.not_text", file="a.yaml", line=3, column=9, path="unit", key="unit",
            got=Message("finding.type.list"))
    assert (f.message, f.hint) == ("`unit` must be text, not a list", "Write it as `unit: ...` on one line.")
    assert f.severity is Severity.ERROR and f.key == "finding.S103.not_text"
    assert json.loads(f.params) == {"key": "unit", "got": "@finding.type.list"}
    zh = f.localized("zh")
    assert (zh.message, zh.hint) == ("`unit` 应填写文字，而不是列表", "请写在一行内：`unit: ...`。")
    assert (zh.code, zh.file, zh.line, zh.column, zh.path, zh.key, zh.params) == \
        (f.code, f.file, f.line, f.column, f.path, f.key, f.params)
    assert f.localized("en") is f


def test_a_given_hint_replaces_the_messages_own_and_none_means_no_hint():
    suggestion = say("R203", "finding.R203.unknown_unit", unit="县农业农村",
                     hint=Message("finding.did_you_mean", word="县农业农村局"))
    assert suggestion.hint == "Did you mean `县农业农村局`?"
    assert suggestion.localized("zh").hint == "是否应为 `县农业农村局`？"
    computed = say("R208", "finding.R208.computed", indicator="x", numerator="", denominator="", hint=None)
    assert computed.hint is None and computed.localized("zh").hint is None


def test_user_text_is_never_taken_for_a_message_id():
    for value in ("@finding.type.list", "@@x", "@", "{value}", "普通文字"):
        f = say("R203", "finding.R203.unknown_unit", unit=value)
        assert f.message == f"unknown unit `{value}`"
        assert f.localized("zh").message == f"未知的单位 `{value}`"
    fields = {"a": "@x", "b": Message("finding.area.in", name="@y"), "c": 3, "d": None, "e": True}
    assert decode_fields(json.loads(json.dumps(encode_fields(fields)))) == fields


def test_a_finding_made_from_english_text_stays_as_it_is():
    f = make("S103", "some English", hint="a hint")
    assert f.key is None and f.localized("zh") is f


def test_the_localized_report_keeps_the_english_order(plan, tmp_path):
    report = validate_paths(plan, [_case(EXAMPLES / "invalid" / "missing-keys", tmp_path)], ["."]).report
    zh = report.localized("zh")
    place = [(f.file, f.line, f.column, f.code, f.path) for f in report.sorted()]
    assert [(f.file, f.line, f.column, f.code, f.path) for f in zh.sorted()] == place
    assert zh.as_dict()["errors"] == report.errors and report.localized("en") is report


def test_usage_errors_are_worded_in_either_language():
    error = UsageError(Message("error.no_such_path", path="x/2024"))
    assert str(error) == "no such file or folder: x/2024" == error.text("en")
    assert error.text("zh") == "文件或文件夹不存在：x/2024"
    assert UsageError("plain").text("zh") == "plain"


# --- the command line ---------------------------------------------------------------------------------

# Words a Chinese finding may hold in Latin letters: names of formats and programs, and what the file
# itself says (keys, status words, ids, file names), which stays as written.
LATIN_NAMES = {"YAML", "UTF", "GBK", "Unicode", "Office", "WPS", "Excel", "YYYY", "true", "false", "sciplan",
               *pf.TOP_KEYS, *pf.VALUE_KEYS, *pf.TASK_KEYS, *pf.MILESTONE_KEYS, *pf.STATUS_WORDS}


def _english_words(text: str) -> list[str]:
    """ASCII words of four letters or more that are not code: outside `backticks` and quoted values,
    not part of an id (farmers.2, literacy-survey, not_started), a file name or a known name."""
    text = re.sub(r"`[^`]*`|'[^']*'", " ", text)
    tokens = re.findall(r"[A-Za-z0-9_.\-/*&:!]+", text)
    return [t for t in tokens if re.fullmatch(r"[A-Za-z]{4,}", t) and t not in LATIN_NAMES]


def _validate_json(cli, folder: Path, lang: str) -> dict:
    code, out, err = cli("validate", ".", "--plan", PLAN, "--format", "json", "--lang", lang, "--no-cache",
                         cwd=folder)
    assert code in (0, 1), err
    return json.loads(out)


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_validate_in_chinese_leaves_no_english_sentence(cli, tmp_path, case):
    findings = _validate_json(cli, _case(case, tmp_path), "zh")["findings"]
    assert findings
    for f in findings:
        for text in (f["message"], f["hint"] or "好"):
            assert CJK.search(text), (f["code"], text)
            assert _english_words(text) == [], (f["code"], text)


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_validate_json_in_both_languages_differs_only_in_the_words(cli, plan, tmp_path, case):
    folder = _case(case, tmp_path)
    english, chinese = _validate_json(cli, folder, "en"), _validate_json(cli, folder, "zh")
    # English is what the Python API says, as it always was.
    assert english["findings"] == validate_paths(plan, [folder], ["."]).report.as_dict()["findings"]
    data = ("code", "severity", "file", "line", "column", "path")
    assert [[f[k] for k in data] for f in chinese["findings"]] == \
        [[f[k] for k in data] for f in english["findings"]]
    assert {k: v for k, v in chinese.items() if k != "findings"} == \
        {k: v for k, v in english.items() if k != "findings"}
    for en, zh in zip(english["findings"], chinese["findings"], strict=True):
        assert en["message"] != zh["message"] and (en["hint"] is None) == (zh["hint"] is None)


def test_validate_text_in_chinese(cli, tmp_path):
    folder = _case(EXAMPLES / "invalid" / "number-as-text", tmp_path)
    code, out, _ = cli("validate", ".", "--plan", PLAN, "--lang", "zh", cwd=folder)
    assert code == 1
    assert re.search(r"\n  8:12 +错误 S104 `value` 填成了文字（'1,200'），不是数字\n"
                     r" +提示：请写成 `value: 1200`：只填数字", out)
    assert out.endswith("已检查 2 个文件：7 个错误，0 个警告\n")
    code, out, _ = cli("validate", ".", "--plan", PLAN, "--lang", "en", cwd=folder)
    assert re.search(r"\n  8:12 +error +S104 `value` is text \('1,200'\), not a number\n"
                     r" +hint: Write `value: 1200`", out)


def test_plan_check_and_an_unusable_plan_in_chinese(cli, tmp_path):
    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    data["coordinator"] = "nobody"
    data["units"].append(copy.deepcopy(data["units"][0]))
    broken = tmp_path / "plan.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, out, _ = cli("plan", "check", broken, "--lang", "zh", "--format", "json")
    assert code == 1
    said = {f["code"]: (f["message"], f["hint"]) for f in json.loads(out)["findings"]}
    fix = "请修改实施方案文件；`sciplan plan show ID` 可查看各编号所指的内容。"
    assert said == {"C002": ("单位编号 `edu` 用了两次（第一次在 units[0]）", fix),
                    "C003": ("未知的单位 `nobody`", fix)}
    code, out, _ = cli("plan", "check", broken, "--lang", "en", "--format", "json")
    said = {f["code"]: (f["message"], f["hint"]) for f in json.loads(out)["findings"]}
    assert said["C002"] == ("unit id `edu` is used twice (first at units[0])",
                            "Fix the plan file; `sciplan plan show ID` lists what each id names.")
    code, out, err = cli("validate", "--plan", broken, "--progress", tmp_path, "--lang", "zh")
    assert code == 2 and out == ""
    assert err.startswith(f"错误：实施方案 {broken} 无法使用；详情请运行 `sciplan plan check`\n")
    assert "未知的单位 `nobody`" in err
    code, _, err = cli("validate", "--plan", broken, "--progress", tmp_path, "--lang", "en")
    assert err.startswith(f"Error: the plan {broken} is not usable; run `sciplan plan check` for details\n")
    assert "unknown unit `nobody`" in err


def test_a_missing_path_in_chinese(cli, tmp_path):
    code, _, err = cli("validate", tmp_path / "nowhere", "--plan", PLAN, "--lang", "zh")
    assert (code, err) == (2, f"错误：文件或文件夹不存在：{tmp_path / 'nowhere'}\n")


def test_workbook_findings_in_chinese(cli, tmp_path):
    book = tmp_path / "cast.xlsx"
    assert cli("template", "--unit", "cast", "--year", 2024, "--format", "xlsx", "-o", book)[0] == 0
    workbook = openpyxl.load_workbook(book)
    values, tasks = workbook["Values"], workbook["Tasks"]
    values.cell(3, [c.value for c in values[2]].index("数值 value") + 1).value = "about 30"
    tasks.cell(3, [c.value for c in tasks[2]].index("状态 status") + 1).value = "don"
    workbook.save(book)
    code, out, _ = cli("import", book, "--plan", PLAN, "--format", "json", "--lang", "zh")
    assert code == 1
    findings = json.loads(out)["findings"]
    by_text = {f["message"]: f["hint"] for f in findings}
    assert by_text["Values!F3：`about 30` 不是数字"] == \
        "只填数字，例如 1200 或 15.2；说明文字请写在备注（note）列。"
    status = next(f for f in findings if f["code"] == "S109" and f["path"] == "Tasks!E3")
    assert status["message"] == \
        "Tasks!E3：`status` 应为 not_started | in_progress | done | blocked 之一，而不是 'don'"
    assert status["hint"].startswith("是否应为 `done`？请从单元格的下拉列表中选择状态：")
    assert any(f["message"].endswith("：数值未填写") and "备注（note）列填写 无" in f["hint"]
               for f in findings)
    for f in findings:
        assert CJK.search(f["message"]) and _english_words(f["message"] + (f["hint"] or "")) == [], f
    code, out, _ = cli("import", book, "--plan", PLAN, "--format", "json", "--lang", "en")
    english = json.loads(out)["findings"]
    assert next(f["hint"] for f in english if f["message"] == "Values!F3: `about 30` is not a number") == \
        "Type digits only, e.g. 1200 or 15.2; put remarks in the note column (备注 note)."
    assert [(f["code"], f["path"]) for f in english] == [(f["code"], f["path"]) for f in findings]


# --- the cache keeps the ids --------------------------------------------------------------------------

def test_a_finding_survives_the_cache_codec_with_its_id():
    finding = say("W501", "finding.W501.jump", file="2024/a.yaml", line=9, indicator="farmer-trainings",
                  value="1200", year=2024, previous="100", previous_year=2023, ratio="12")
    codec = cache.codec_for(FileResult)
    back = codec.loads(codec.dumps(FileResult(findings=[finding]))).findings[0]
    assert back == finding and isinstance(back.params, str)
    assert back.localized("zh").message == \
        "`farmer-trainings` 2024 年为 1200，2023 年为 100（是上年的 12 倍）"


def test_findings_from_the_cache_localize_like_fresh_ones(plan, tmp_path, monkeypatch):
    folder = tmp_path / "progress"
    for case in ("number-as-text", "status-words", "unknown-references", "double-counting"):
        shutil.copytree(EXAMPLES / "invalid" / case, folder / case,
                        ignore=shutil.ignore_patterns("expected.yaml"))
    store = tmp_path / "cache"
    fresh = validate_paths(plan, [folder], ["."], jobs=1, cache=store).report
    assert fresh.findings and all(f.key for f in fresh.findings)

    def not_again(*args, **kwargs):
        raise AssertionError("a file was checked again instead of read from the cache")

    monkeypatch.setattr(document, "check_document", not_again)
    cached = validate_paths(plan, [folder], ["."], jobs=1, cache=store).report
    assert cached.sorted() == fresh.sorted()
    assert [(f.key, f.params) for f in cached.sorted()] == [(f.key, f.params) for f in fresh.sorted()]
    assert cached.localized("zh").as_dict() == fresh.localized("zh").as_dict()
    assert all(CJK.search(f.message) for f in cached.localized("zh").findings)


def test_say_rejects_an_unknown_code_and_an_empty_report_localizes():
    # say() takes the severity from the catalogue, like make(): an unknown code is a programming error.
    with pytest.raises(KeyError):
        say("Z999", "finding.L002.empty")
    assert all(isinstance(CATALOGUE[c].severity, Severity) for c in CATALOGUE)
    empty = Report(files=0).localized("zh").as_dict()
    assert empty == {"files": 0, "errors": 0, "warnings": 0, "findings": []}
    assert Finding("S103", "m").localized("zh").message == "m"


def test_a_finding_is_not_worded_by_another_codes_message():
    with pytest.raises(ValueError, match="S104 finding cannot be worded by finding.S103.not_text"):
        say("S104", "finding.S103.not_text", key="unit", got="x")
    assert say("S104", "finding.in_cell", cell="B2", message="m").code == "S104"  # a shared message
