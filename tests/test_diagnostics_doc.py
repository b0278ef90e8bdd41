"""The codes catalogue, the sources that raise codes, and docs/diagnostics.md agree.

docs/diagnostics.md is generated: after changing the catalogue, regenerate it on purpose with
`sciplan diagnostics -o docs/diagnostics.md --force` and review the diff.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from sciplan.findings import CATALOGUE, STAGES
from sciplan.render.catalogue import render_catalogue

REPO = Path(__file__).parent.parent
PACKAGE = REPO / "sciplan"
DOC = REPO / "docs" / "diagnostics.md"
CODE = re.compile(rf"^[{''.join(STAGES)}][0-9]{{3}}$")
REGENERATE = "regenerate with `sciplan diagnostics -o docs/diagnostics.md --force` and review the diff"


def codes_in_source(path: Path) -> set[str]:
    """Every code constant the module names: `S104.say(...)`, codes in (path, code, message) tuples,
    codes compared against (`S102.code`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and CODE.match(node.id)}


def code_literals(path: Path) -> set[str]:
    """Every string literal in the module that looks like a finding code (`"S104"`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.match(node.value)}


def rule_modules() -> list[Path]:
    """Every module except the findings package, where the codes are defined."""
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "findings" not in p.relative_to(PACKAGE).parts]


def raised_codes() -> dict[str, set[str]]:
    """code -> modules that name it, for every module outside the findings package."""
    found: dict[str, set[str]] = {}
    for path in rule_modules():
        for code in codes_in_source(path):
            found.setdefault(code, set()).add(str(path.relative_to(REPO)))
    return found


def test_the_scan_sees_the_rules():
    # A scan that finds nothing would make the next test pass vacuously.
    raised = raised_codes()
    for module, some in (("validation/values.py", {"S104", "P301"}), ("validation/header.py", {"R203"}),
                         ("validation/crossfile.py", {"X401", "W501"}),
                         ("loading.py", {"L001", "L004", "L007", "L017"}),
                         ("plan/integrity.py", {"C002", "C003", "C004"}),
                         ("workbook/importing.py", {"I601", "I603", "S102"})):
        for code in some:
            assert f"sciplan/{module}" in raised.get(code, set()), (module, code)


def test_every_raised_code_is_catalogued():
    unknown = {code: sorted(where) for code, where in raised_codes().items() if code not in CATALOGUE}
    assert not unknown, f"codes raised but not in findings.CATALOGUE: {unknown}"


def test_no_code_is_raised_as_a_bare_string():
    """Rules name codes by their constants (`S103`), never as text (`"S103"`): a typo in a constant is
    an import error, one in a string is a finding nobody can look up."""
    bare = {str(p.relative_to(REPO)): sorted(code_literals(p)) for p in rule_modules() if code_literals(p)}
    assert bare == {}
    assert "S103" in code_literals(PACKAGE / "findings" / "structure.py")  # the scan sees literals


def test_retired_codes_are_never_raised():
    retired = {code for code, entry in CATALOGUE.items() if entry.retired}
    assert {code: where for code, where in raised_codes().items() if code in retired} == {}


def test_catalogue_is_well_formed():
    slugs = [c.slug for c in CATALOGUE.values()]
    assert len(slugs) == len(set(slugs)), "two codes share a slug"
    for code, entry in CATALOGUE.items():
        assert CODE.match(code) and entry.code == code and entry.stage == code[0]
        assert entry.title["en"] and entry.title["zh"] and entry.description, code


def test_every_code_is_documented():
    doc = DOC.read_text(encoding="utf-8")
    missing = [code for code in CATALOGUE if f"\n### {code}\n" not in doc]
    assert not missing, f"not in docs/diagnostics.md: {missing}; {REGENERATE}"


def test_doc_is_the_generated_catalogue():
    assert DOC.read_text(encoding="utf-8") == render_catalogue(), \
        f"docs/diagnostics.md is stale: {REGENERATE}"


def test_diagnostics_command_prints_the_catalogue(cli):
    code, out, err = cli("diagnostics")
    assert (code, err) == (0, "")
    assert out == render_catalogue()


def test_diagnostics_command_writes_the_doc_and_will_not_overwrite(cli, tmp_path: Path):
    target = tmp_path / "diagnostics.md"
    assert cli("diagnostics", "-o", target)[0] == 0
    assert target.read_text(encoding="utf-8") == render_catalogue()
    code, _, err = cli("diagnostics", "-o", target)
    assert code == 2 and "Error:" in err


def test_a_retired_code_is_listed_and_documented_as_retired():
    assert CATALOGUE["R212"].retired and not CATALOGUE["R212"].messages
    doc = render_catalogue()
    assert "| Not a reportable indicator (retired) | 不是可填报的指标（已停用） |" in doc
    assert "\n### R212\n" in doc and "**Retired.** Never raised" in doc


def test_a_code_cannot_be_defined_twice_or_reused():
    from sciplan.findings import ERROR, Code
    with pytest.raises(ValueError, match="R212 is defined twice"):
        Code("R212", "something-new", ERROR, {"en": "New", "zh": "新"}, "A new meaning.")
    with pytest.raises(ValueError, match="not a finding code"):
        Code("Z999", "z", ERROR, {"en": "Z", "zh": "Z"}, "z")


def test_a_message_id_cannot_be_registered_twice():
    from sciplan import i18n
    with pytest.raises(ValueError, match="finding.S103.not_text"):
        i18n.register({"finding.S103.not_text": {"en": "x", "zh": "x"}})


def test_the_session_check_names_the_codes_no_test_raised():
    from conftest import unraised_codes
    assert unraised_codes(set(CATALOGUE)) == []
    missing = unraised_codes({"S103"})
    assert "S104" in missing and "S103" not in missing
    assert "R212" not in missing  # retired
