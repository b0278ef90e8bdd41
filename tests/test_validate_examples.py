"""The example corpus: every folder under tests/examples/ is one case, found by listing.

- `valid/<case>/`: progress files that must validate with no finding at all.
- `invalid/<case>/`: progress files plus `expected.yaml`, the exact findings sciplan must report:
  a list of `{code, file, line, column}` (file relative to the case folder; line/column may be null),
  optionally with `message_contains` / `hint_contains`, text the finding's message / hint must hold.

A new case is just new files. Cases whose bytes git would mangle or cannot hold (GBK text, binary
junk, control characters, a file over the size limit, symlinks, a named pipe) are built at test time
below, with their expectations next to them in the same form.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from sciplan.findings import Finding
from sciplan.plan import Plan
from sciplan.validation import Validation, load_plan, validate_paths

EXAMPLES = Path(__file__).parent / "examples"
PLAN = Path(__file__).parent.parent / "data" / "plan.yaml"
EXPECTED = "expected.yaml"

HEADER = "plan: xinhuang-science-literacy\nplan_version: 1\nunit: 县农业农村局\nperiod: 2024\n"


def _cases(kind: str) -> list[Path]:
    return sorted(p for p in (EXAMPLES / kind).iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


def _validate(plan: Plan, folder: Path) -> Validation:
    """Validate a folder the way `sciplan validate <folder>` does, naming files relative to it."""
    return validate_paths(plan, [folder], ["."])


def _copy(case: Path, tmp_path: Path) -> Path:
    # The case is checked from a copy, so that expected.yaml is not itself taken for a progress file.
    work = tmp_path / case.name
    shutil.copytree(case, work, symlinks=True, ignore=shutil.ignore_patterns(EXPECTED))
    return work


def _key(f: Finding) -> tuple:
    return (f.code, f.file, f.line, f.column)


def _show(keys: Counter) -> str:
    return "\n".join(f"  {code} {file}:{line}:{column}" for code, file, line, column in
                     sorted(keys.elements(), key=lambda k: (k[1] or "", k[2] or 0, k[3] or 0, k[0])))


def _assert_findings(found: list[Finding], expected: list[dict]) -> None:
    # A multiset: three missing keys of one mapping are three findings at the same place.
    want = Counter((e["code"], e["file"], e.get("line"), e.get("column")) for e in expected)
    got = Counter(_key(f) for f in found)
    assert got == want, f"\nmissing:\n{_show(want - got)}\nunexpected:\n{_show(got - want)}"
    for e in expected:
        at = [f for f in found if _key(f) == (e["code"], e["file"], e.get("line"), e.get("column"))]
        if "message_contains" in e:
            assert any(e["message_contains"] in f.message for f in at), (e, [f.message for f in at])
        if "hint_contains" in e:
            assert any(f.hint and e["hint_contains"] in f.hint for f in at), (e, [f.hint for f in at])


def test_corpus_is_there():
    # Guards against a refactor that moves the corpus and leaves the parametrized tests with nothing to run.
    assert len(_cases("valid")) >= 5
    assert len(_cases("invalid")) >= 25
    for case in _cases("invalid"):
        assert (case / EXPECTED).is_file(), f"{case.name} has no {EXPECTED}"


@pytest.mark.parametrize("case", _cases("valid"), ids=lambda p: p.name)
def test_valid_case(plan: Plan, case: Path, tmp_path: Path):
    result = _validate(plan, _copy(case, tmp_path))
    assert result.report.findings == []
    files = [p for p in case.rglob("*") if p.suffix in (".yaml", ".yml")]
    assert result.report.files == len(files) > 0
    # Every file was accepted as a submission, so its entries reach the ledger.
    assert len(result.submissions) == len(files)


def test_bom_case_still_has_its_bom():
    # An editor that "fixes" the file would make the BOM case silently test nothing.
    data = (EXAMPLES / "valid" / "utf8-bom" / "2024" / "youth-league.yaml").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("case", _cases("invalid"), ids=lambda p: p.name)
def test_invalid_case(plan: Plan, case: Path, tmp_path: Path):
    expected = yaml.safe_load((case / EXPECTED).read_text(encoding="utf-8"))
    assert isinstance(expected, list) and expected, f"{case.name}/{EXPECTED} lists no findings"
    result = _validate(plan, _copy(case, tmp_path))
    _assert_findings(result.report.findings, expected)


# --- cases built at test time ---------------------------------------------------------------------

def _gbk(folder: Path) -> None:
    text = HEADER.replace("县农业农村局", "agriculture") + (
        "values:\n  - indicator: farmer-trainings\n    value: 1200\n    note: 含线上培训 300 人次\n")
    (folder / "2024").mkdir()
    (folder / "2024" / "agriculture.yaml").write_bytes(text.encode("gbk"))
    (folder / "2024" / "cast.yaml").write_bytes(HEADER.replace("县农业农村局", "县科协").encode("gb18030"))
    (folder / "2024" / "latin1.yaml").write_bytes(HEADER.replace("县农业农村局", "agriculture").encode()
                                                  + b"contact: Jos\xe9 \xff\n")


def _bom_and_crlf(folder: Path) -> None:
    (folder / "2024").mkdir()
    (folder / "2024" / "agriculture.yaml").write_bytes(
        b"\xef\xbb\xbf" + (HEADER + "values:\n  - indicator: farmer-trainings\n    value: 1200\n")
        .replace("\n", "\r\n").encode())


def _binary(folder: Path) -> None:
    (folder / "2024").mkdir()
    (folder / "2024" / "photo.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "2024" / "random.yaml").write_bytes(bytes(range(256)) * 4)
    # One stray control character in otherwise good text: NUL-free, so it is caught as text, on its line.
    (folder / "2024" / "control.yaml").write_bytes((HEADER + "contact: 张三\x01\n").encode())


def _not_printable(folder: Path) -> None:
    # ESC and DEL pass the binary check but YAML refuses them; the line must be right despite the
    # multi-byte Chinese characters before them.
    (folder / "2024").mkdir()
    (folder / "2024" / "escape.yaml").write_bytes((HEADER + "contact: 张三\x1b[0m\n").encode())
    (folder / "2024" / "delete.yaml").write_bytes((HEADER + "values:\n  - indicator: x\x7f\n").encode())


def _too_large(folder: Path) -> None:
    (folder / "2024").mkdir()
    padding = b"# " + b"x" * (1 << 20) + b"\n"
    (folder / "2024" / "agriculture.yaml").write_bytes(HEADER.encode() + padding)
    (folder / "2024" / "cast.yaml").write_text(HEADER.replace("县农业农村局", "县科协"), encoding="utf-8")


def _symlinks(folder: Path) -> None:
    outside = folder.parent / "outside"
    outside.mkdir()
    (outside / "agriculture.yaml").write_text(HEADER, encoding="utf-8")
    (folder / "2024").mkdir()
    (folder / "2024" / "cast.yaml").write_text(HEADER.replace("县农业农村局", "县科协"), encoding="utf-8")
    os.symlink(outside / "agriculture.yaml", folder / "2024" / "agriculture.yaml")
    os.symlink(outside, folder / "2023")
    os.symlink("../..", folder / "2024" / "up")
    os.symlink("nowhere.yaml", folder / "2024" / "broken.yaml")
    # A link to a file inside the folder is not outside it: it is checked like any file.
    os.symlink("cast.yaml", folder / "2024" / "cast-copy.yaml")


def _pipe(folder: Path) -> None:
    # Reading a named pipe would wait forever; it must be reported, not opened.
    (folder / "2024").mkdir()
    os.mkfifo(folder / "2024" / "agriculture.yaml")


def _empty_folder(folder: Path) -> None:
    (folder / "2024").mkdir()


GENERATED: dict[str, tuple[Callable[[Path], None], list[dict]]] = {
    "gbk": (_gbk, [
        {"code": "L001", "file": "2024/agriculture.yaml", "line": 8, "column": 11,
         "message_contains": "GBK/GB18030", "hint_contains": "UTF-8"},
        {"code": "L001", "file": "2024/cast.yaml", "line": 3, "column": 7, "message_contains": "GBK/GB18030"},
        # Latin-1 bytes that are not valid GBK either: not UTF-8, and no guess about GBK.
        {"code": "L001", "file": "2024/latin1.yaml", "line": 5, "column": 13, "message_contains": "0xE9"},
    ]),
    "bom-and-crlf": (_bom_and_crlf, []),
    "binary": (_binary, [
        {"code": "L011", "file": "2024/photo.yaml", "line": 3, "column": 1},
        {"code": "L011", "file": "2024/random.yaml", "line": 1, "column": 1},
        {"code": "L011", "file": "2024/control.yaml", "line": 5, "column": 12},
    ]),
    "not-printable": (_not_printable, [
        {"code": "L017", "file": "2024/escape.yaml", "line": 5, "column": 12, "message_contains": "U+001B"},
        {"code": "L017", "file": "2024/delete.yaml", "line": 6, "column": 17, "message_contains": "U+007F"},
    ]),
    "too-large": (_too_large, [
        {"code": "L003", "file": "2024/agriculture.yaml", "line": None, "column": None,
         "message_contains": "1,048,576"},
    ]),
    "symlinks": (_symlinks, [
        {"code": "L013", "file": "2023", "line": None, "column": None},
        {"code": "L013", "file": "2024/agriculture.yaml", "line": None, "column": None},
        {"code": "L013", "file": "2024/up", "line": None, "column": None},
        {"code": "L012", "file": "2024/broken.yaml", "line": None, "column": None,
         "message_contains": "broken symlink"},
    ]),
    "named-pipe": (_pipe, [
        {"code": "L012", "file": "2024/agriculture.yaml", "line": None, "column": None},
    ]),
    "empty-folder": (_empty_folder, [
        {"code": "L016", "file": ".", "line": None, "column": None},
    ]),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_case(plan: Plan, name: str, tmp_path: Path):
    build, expected = GENERATED[name]
    folder = tmp_path / name
    folder.mkdir()
    build(folder)
    result = _validate(plan, folder)
    _assert_findings(result.report.findings, expected)


def test_symlinked_file_inside_the_folder_is_checked(plan: Plan, tmp_path: Path):
    folder = tmp_path / "symlinks"
    folder.mkdir()
    _symlinks(folder)
    result = _validate(plan, folder)
    assert sorted(s.file for s in result.submissions) == ["2024/cast-copy.yaml", "2024/cast.yaml"]
