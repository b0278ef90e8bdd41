"""The invented sample shipped with sciplan never passes as real figures.

It is read only with the shipped plan and only when no progress folder was given or found; whenever
it is in use every output says so, and every JSON document and report header names the plan file and
the progress folder actually read.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from sciplan.i18n import text

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "data" / "plan.yaml"
SAMPLE = ROOT / "data" / "progress"
LINE = {lang: text("sample.line", lang) for lang in ("en", "zh")}


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """A new county's first year: its own ./data/plan.yaml and no ./data/progress."""
    (tmp_path / "data").mkdir()
    shutil.copy(PLAN, tmp_path / "data" / "plan.yaml")
    return tmp_path


# --- a user's plan never meets the sample --------------------------------------------------------------

def test_own_plan_without_progress_has_zero_files(cli, county):
    code, out, err = cli("status", "--format", "json", cwd=county)
    assert code == 0
    doc = json.loads(out)
    assert doc["validation"] == {"files": 0, "errors": 0, "warnings": 0}
    assert doc["sample"] is False
    assert (doc["plan_path"], doc["progress_dir"]) == ("data/plan.yaml", None)
    assert {row["status"] for row in doc["indicators"]} == {"no_data"}
    assert doc["reporting"]["submitted"] == [] and doc["reporting"]["missing"] == doc["reporting"]["owed"]
    # where it looked and what to do next
    assert "looked for data/progress and found none" in err and "sciplan template" in err


def test_plan_option_alone_reads_no_sample_file(cli, tmp_path):
    own = tmp_path / "plan.yaml"
    shutil.copy(PLAN, own)
    code, out, err = cli("gap", "--year", "2024", "--format", "json", "--plan", own, cwd=tmp_path)
    assert code == 0
    doc = json.loads(out)
    assert doc["sample"] is False and doc["progress_dir"] is None and doc["plan_path"] == "plan.yaml"
    assert all(row["actual"] is None for row in doc["indicators"])


@pytest.mark.parametrize("args", [
    ("status",), ("gap", "--year", "2024"), ("units", "--year", "2024"), ("unit", "县科协"),
    ("export", "--year", "2024"), ("report", "--year", "2024", "--format", "markdown"),
])
def test_every_command_works_with_zero_files(cli, county, args):
    code, out, err = cli(*args, cwd=county)
    assert code == 0, err
    assert LINE["en"] not in out + err
    assert "no progress folder: looked for data/progress and found none, so 0 progress files" in err
    if args[0] == "export":
        assert out.splitlines()[1:] == []  # the header and no value at all


def test_own_plan_in_the_source_checkout_does_not_take_its_sample(cli, tmp_path, monkeypatch):
    # In the repository root ./data/progress IS the sample: a user's plan still has no progress files.
    own = tmp_path / "plan.yaml"
    shutil.copy(PLAN, own)
    monkeypatch.chdir(ROOT)
    code, out, _ = cli("status", "--format", "json", "--plan", own)
    doc = json.loads(out)
    assert code == 0 and doc["validation"]["files"] == 0 and doc["sample"] is False


def test_own_progress_folder_is_not_the_sample(cli, tmp_path, sample_figures):
    # Same figures as the sample, in the user's own folder, checked against the shipped plan.
    for args in (("status", "--format", "json"), ("gap", "--year", "2024", "--format", "json"),
                 ("units", "--year", "2024", "--format", "json"), ("unit", "县科协", "--format", "json"),
                 ("validate", "--format", "json")):
        code, out, err = cli(*args, "--progress", sample_figures, cwd=tmp_path)
        doc = json.loads(out)
        assert code == 0 and doc["sample"] is False, args
        assert doc["progress_dir"] == str(sample_figures) and Path(doc["plan_path"]).name == "plan.yaml"
        assert LINE["en"] not in err
    code, out, _ = cli("report", "--year", "2024", "--progress", sample_figures, cwd=tmp_path)
    assert code == 0 and 'id="sample-banner"' not in out and "@top-center" not in out
    assert f'<dd id="progress-dir"><code>{sample_figures}</code></dd>' in out
    code, out, _ = cli("status", "--progress", sample_figures, cwd=tmp_path)
    assert LINE["en"] not in out


# --- the sample, wherever it is in use, says so ---------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", [
    ("status",), ("gap", "--year", "2024"), ("units", "--year", "2024"), ("unit", "县科协"), ("validate",),
])
def test_text_screens_open_with_the_notice(cli, tmp_path, args, lang):
    code, out, _ = cli(*args, "--lang", lang, cwd=tmp_path)  # no ./data: the shipped plan and sample
    assert code == 0
    assert out.splitlines()[0].startswith(LINE[lang][:12])


@pytest.mark.parametrize("args", [
    ("status",), ("gap", "--year", "2024"), ("units", "--year", "2024"), ("unit", "县科协"), ("validate",),
])
def test_json_says_sample_and_names_its_inputs(cli, tmp_path, args):
    code, out, err = cli(*args, "--format", "json", cwd=tmp_path)
    assert code == 0
    doc = json.loads(out)
    assert doc["sample"] is True
    assert doc["plan_path"] == str(PLAN) and doc["progress_dir"] == str(SAMPLE)
    assert err.startswith(LINE["en"])  # the reader of a pipe hears it too


def test_units_without_year_read_no_progress(cli, tmp_path):
    code, out, _ = cli("units", "--format", "json", cwd=tmp_path)
    doc = json.loads(out)
    assert code == 0 and (doc["sample"], doc["progress_dir"]) == (False, None)


def test_sample_in_the_source_checkout_is_announced(cli, monkeypatch):
    # Found as ./data/progress in the repository root, it is still the sample.
    monkeypatch.chdir(ROOT)
    code, out, _ = cli("status", "--format", "json")
    doc = json.loads(out)
    assert (doc["sample"], doc["plan_path"], doc["progress_dir"]) == (True, "data/plan.yaml", "data/progress")
    code, out, _ = cli("status")
    assert out.startswith("SAMPLE DATA: invented figures shipped with sciplan")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", [("status",), ("gap", "--year", "2024")])
def test_markdown_opens_with_the_notice(cli, tmp_path, args, lang):
    code, out, _ = cli(*args, "--format", "markdown", "--lang", lang, cwd=tmp_path)
    assert code == 0 and out.startswith(f"> **{LINE[lang]}**")


@pytest.mark.parametrize("args", [("status", "--format", "csv"), ("gap", "--year", "2024", "--format", "csv"),
                                  ("export", "--year", "2024"), ("export", "--year", "2024", "--gap")])
def test_csv_opens_with_a_comment_line(cli, tmp_path, args):
    code, out, _ = cli(*args, cwd=tmp_path)
    assert code == 0
    first, header = out.splitlines()[:2]
    assert first == "\ufeff# " + " ".join(f"{text('sample.line', lang)} {text('sample.hint', lang)}"
                                          for lang in ("zh", "en"))
    assert header.startswith(("year,", "section,"))  # the header follows the comment line


def test_xlsx_export_notes_the_sample_on_its_first_sheet(cli, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "export.xlsx"
    code, _, _ = cli("export", "--year", "2024", "--format", "xlsx", "-o", out, cwd=tmp_path)
    assert code == 0
    book = load_workbook(io.BytesIO(out.read_bytes()))
    first = book.worksheets[0]
    assert LINE["zh"] in first["A1"].value and LINE["en"] in first["A1"].value
    assert first["A2"].value == "年份 year" and first.freeze_panes == "A3"
    assert book.worksheets[1]["A1"].value == "year"  # the note is on the first sheet only


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_report_banner_on_screen_and_every_printed_page(cli, tmp_path, lang):
    out = tmp_path / "r.html"
    code, _, err = cli("report", "--year", "2024", "--lang", lang, "-o", out, cwd=tmp_path)
    assert code == 0 and LINE[lang] in err
    html = out.read_text(encoding="utf-8")
    body = html[html.index("<body>"):]
    assert body.startswith(f'<body>\n<div class="sample-banner" id="sample-banner" role="note"><strong>'
                           f'{LINE[lang]}</strong>')
    style = html[html.index("<style>"):html.index("</style>")]
    assert ".sample-banner { position: sticky; top: 0;" in style  # stays in view while scrolling
    # printing: a page margin box, repeated on every page, carries the notice
    page = style[style.index("@page {\n  @top-center"):]
    assert f'content: "{text("sample.print", lang)}"' in page
    assert f'<dd id="plan-path"><code>{PLAN}</code></dd>' in html
    assert f'<dd id="progress-dir"><code>{SAMPLE}</code></dd>' in html


def test_markdown_report_opens_with_the_notice_and_names_its_inputs(cli, county):
    code, out, _ = cli("report", "--year", "2024", "--format", "markdown", "--lang", "zh", cwd=ROOT)
    assert code == 0 and out.startswith(f"> **{LINE['zh']}**")
    assert "- 方案文件：`data/plan.yaml`\n- 进展报告文件夹：`data/progress`\n" in out
    code, out, _ = cli("report", "--year", "2024", "--format", "markdown", cwd=county)
    assert code == 0 and not out.startswith(">")
    assert "- Plan file: `data/plan.yaml`\n- Progress folder: none (no progress folder was found)\n" in out
