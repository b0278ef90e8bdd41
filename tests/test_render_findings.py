"""The three findings formats on one hand-built report, compared with their exact output; and the
CLI's output compared with what the Python API gives for the same files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len

from sciplan.findings import Report, make
from sciplan.render import github, text
from sciplan.render import json as json_format
from sciplan.validation import load_plan, validate_paths

REPO = Path(__file__).parent.parent
PLAN = REPO / "data" / "plan.yaml"
EXAMPLES = Path(__file__).parent / "examples"


def sample() -> Report:
    """Several files, a finding with no location, one with a line only, Chinese text, warnings, and the
    characters GitHub's workflow commands must escape."""
    agriculture = "2024/agriculture.yaml"
    return Report(files=4, findings=[
        make("P301", "县司法局 may not report `farmer-trainings` (培训农民)", file="2024/司法局.yaml",
             line=7, column=16, path="values[0].indicator",
             hint="It is reported by 县农业农村局、县乡村振兴局; `sciplan unit justice` lists them."),
        make("L004", "YAML syntax error: 100% wrong\r\nsecond line", file="data/progress/2024/a,b:c.yaml",
             line=1, column=1),
        make("W503", "task farmers.3 is in progress but has no `evidence`", file=agriculture, line=12,
             column=5, path="tasks[2]", hint="Add `evidence:` with a line on what has been done so far."),
        make("S104", "`value` is text ('1,200'), not a number", file=agriculture, line=8, column=12,
             path="values[0].value", hint="Write `value: 1200`: digits only, no quotes, commas or % sign."),
        make("X401", "县农业农村局 reports `farmer-trainings` for 2024 in 晃州镇 twice: here and at "
             "2024/agriculture-huangzhou.yaml:10", file=agriculture, line=8,
             hint="Keep one figure; if both are parts of a total, add them up."),
        make("L016", "no .yaml files in progress",
             hint="Progress files are named like 2024/agriculture.yaml."),
    ])


# --- text -----------------------------------------------------------------------------------------

TEXT = """\
(no file)
  -    warning L016 no .yaml files in progress
                    hint: Progress files are named like 2024/agriculture.yaml.

2024/agriculture.yaml
  8    error   X401 县农业农村局 reports `farmer-trainings` for 2024 in 晃州镇
                    twice: here and at 2024/agriculture-huangzhou.yaml:10
                    hint: Keep one figure; if both are parts of a total, add
                    them up.
  8:12 error   S104 `value` is text ('1,200'), not a number
                    hint: Write `value: 1200`: digits only, no quotes, commas or
                    % sign.
  12:5 warning W503 task farmers.3 is in progress but has no `evidence`
                    hint: Add `evidence:` with a line on what has been done so
                    far.

2024/司法局.yaml
  7:16 error   P301 县司法局 may not report `farmer-trainings` (培训农民)
                    hint: It is reported by 县农业农村局、县乡村振兴局; `sciplan
                    unit justice` lists them.

data/progress/2024/a,b:c.yaml
  1:1  error   L004 YAML syntax error: 100% wrong
                    second line

4 files checked: 4 errors, 2 warnings
"""


def test_text():
    assert text.render_findings(sample()) == TEXT


def test_text_no_findings():
    assert text.render_findings(Report(files=1)) == "1 file checked: 0 errors, 0 warnings\n"
    assert text.render_findings(Report()) == "0 files checked: 0 errors, 0 warnings\n"


def test_text_fits_80_columns_with_chinese():
    for line in text.render_findings(sample()).splitlines():
        assert cell_len(line) <= 80, line


def test_text_colour_only_when_asked():
    assert "\x1b[" not in text.render_findings(sample())
    coloured = text.render_findings(sample(), color=True)
    assert "\x1b[" in coloured and "S104" in coloured


def test_text_does_not_read_brackets_as_markup():
    report = Report(files=1, findings=[make("S103", "`note` must be text, not [bold]a list[/bold]",
                                            file="x.yaml", line=1, column=1)])
    assert "not [bold]a list[/bold]" in text.render_findings(report)


# --- GitHub ---------------------------------------------------------------------------------------

GITHUB = (
    "::warning title=L016::no .yaml files in progress"
    "%0Ahint: Progress files are named like 2024/agriculture.yaml.\n"
    "::error file=2024/agriculture.yaml,line=8,title=X401::"
    "县农业农村局 reports `farmer-trainings` for 2024 in 晃州镇 twice: here and at "
    "2024/agriculture-huangzhou.yaml:10%0Ahint: Keep one figure; if both are parts of a total, add them up.\n"
    "::error file=2024/agriculture.yaml,line=8,col=12,title=S104::`value` is text ('1,200'), not a number"
    "%0Ahint: Write `value: 1200`: digits only, no quotes, commas or %25 sign.\n"
    "::warning file=2024/agriculture.yaml,line=12,col=5,title=W503::"
    "task farmers.3 is in progress but has no `evidence`"
    "%0Ahint: Add `evidence:` with a line on what has been done so far.\n"
    "::error file=2024/司法局.yaml,line=7,col=16,title=P301::"
    "县司法局 may not report `farmer-trainings` (培训农民)"
    "%0Ahint: It is reported by 县农业农村局、县乡村振兴局; `sciplan unit justice` lists them.\n"
    "::error file=data/progress/2024/a%2Cb%3Ac.yaml,line=1,col=1,title=L004::"
    "YAML syntax error: 100%25 wrong%0D%0Asecond line\n"
)


def test_github():
    assert github.render_findings(sample()) == GITHUB


def test_github_no_findings_prints_nothing():
    assert github.render_findings(Report(files=3)) == ""


def test_github_lines_are_workflow_commands():
    # The exact grammar GitHub parses: ::severity key=value,...::message, one command per line.
    import re

    command = re.compile(r"^::(error|warning)( (file=[^,:]+,)?(line=[1-9][0-9]*,)?(col=[1-9][0-9]*,)?"
                         r"title=[A-Z][0-9]{3})::[^\r\n]+$")
    lines = github.render_findings(sample()).splitlines()
    assert len(lines) == 6
    for line in lines:
        assert command.match(line), line


# --- JSON -----------------------------------------------------------------------------------------

JSON = """\
{
  "schema_version": 1,
  "files": 4,
  "errors": 4,
  "warnings": 2,
  "findings": [
    {
      "code": "L016",
      "severity": "warning",
      "file": null,
      "line": null,
      "column": null,
      "path": null,
      "message": "no .yaml files in progress",
      "hint": "Progress files are named like 2024/agriculture.yaml."
    },
    {
      "code": "X401",
      "severity": "error",
      "file": "2024/agriculture.yaml",
      "line": 8,
      "column": null,
      "path": null,
      "message": "县农业农村局 reports `farmer-trainings` for 2024 in 晃州镇 twice: here and at \
2024/agriculture-huangzhou.yaml:10",
      "hint": "Keep one figure; if both are parts of a total, add them up."
    },
    {
      "code": "S104",
      "severity": "error",
      "file": "2024/agriculture.yaml",
      "line": 8,
      "column": 12,
      "path": "values[0].value",
      "message": "`value` is text ('1,200'), not a number",
      "hint": "Write `value: 1200`: digits only, no quotes, commas or % sign."
    },
    {
      "code": "W503",
      "severity": "warning",
      "file": "2024/agriculture.yaml",
      "line": 12,
      "column": 5,
      "path": "tasks[2]",
      "message": "task farmers.3 is in progress but has no `evidence`",
      "hint": "Add `evidence:` with a line on what has been done so far."
    },
    {
      "code": "P301",
      "severity": "error",
      "file": "2024/司法局.yaml",
      "line": 7,
      "column": 16,
      "path": "values[0].indicator",
      "message": "县司法局 may not report `farmer-trainings` (培训农民)",
      "hint": "It is reported by 县农业农村局、县乡村振兴局; `sciplan unit justice` lists them."
    },
    {
      "code": "L004",
      "severity": "error",
      "file": "data/progress/2024/a,b:c.yaml",
      "line": 1,
      "column": 1,
      "path": null,
      "message": "YAML syntax error: 100% wrong\\r\\nsecond line",
      "hint": null
    }
  ]
}
"""


def test_json():
    assert json_format.render_findings(sample()) == JSON


def test_json_no_findings():
    assert json.loads(json_format.render_findings(Report(files=2))) == {
        "schema_version": 1, "files": 2, "errors": 0, "warnings": 0, "findings": []}


def test_json_contract_keys():
    document = json.loads(json_format.render_findings(sample()))
    assert {"files", "errors", "warnings", "findings"} <= document.keys()
    for finding in document["findings"]:
        assert {"code", "severity", "file", "line", "column", "message", "hint"} <= finding.keys()


# --- the CLI says what the API says ---------------------------------------------------------------

@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """Every invalid example side by side in one folder, as if a county had submitted them all."""
    folder = tmp_path / "progress"
    for case in sorted((EXAMPLES / "invalid").iterdir()):
        shutil.copytree(case, folder / case.name, ignore=shutil.ignore_patterns("expected.yaml"))
    return folder


def test_cli_json_equals_the_api_report(cli, corpus_copy: Path, tmp_path: Path):
    code, out, err = cli("validate", "progress", "--plan", PLAN, "--format", "json", cwd=tmp_path)
    report = validate_paths(load_plan(PLAN), [corpus_copy], ["progress"]).report
    assert (code, err) == (1, "")
    assert report.files > 40 and len(report.findings) > 100
    document = json.loads(out)
    # the CLI adds where the files came from; the rest is the API's report, key for key
    assert {k: document.pop(k) for k in ("sample", "plan_path", "progress_dir")} == {
        "sample": False, "plan_path": str(PLAN), "progress_dir": "progress"}
    assert document == json.loads(json_format.render_findings(report))


@pytest.mark.parametrize("fmt, render", [("github", github.render_findings), ("text", text.render_findings)])
def test_cli_other_formats_equal_the_api_report(cli, corpus_copy: Path, tmp_path: Path, fmt, render):
    code, out, _ = cli("validate", "progress", "--plan", PLAN, "--format", fmt, cwd=tmp_path)
    report = validate_paths(load_plan(PLAN), [corpus_copy], ["progress"]).report
    assert code == 1
    assert out == render(report)


def test_whole_corpus_text_fits_80_columns(corpus_copy: Path):
    report = validate_paths(load_plan(PLAN), [corpus_copy], ["progress"]).report
    for line in text.render_findings(report, width=80).splitlines():
        assert cell_len(line) <= 80, line
