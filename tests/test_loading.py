"""The loader on hand-written input: each case is the text and the findings it must give.

Expected findings are (code, line, column), 1-based, at the offending value (or key). Cases are one
per line so a new one is one new line.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sciplan.loading import decode, load_file, load_text, read_text

DEEP = 32  # the default nesting limit


def found(loaded) -> list[tuple[str, int | None, int | None]]:
    return [(f.code, f.line, f.column) for f in loaded.findings]


# (id, text, expected findings, whether a document still comes back)
TEXT_CASES = [
    ("clean", "plan: x\nperiod: 2024\n", [], True),
    ("duplicate-key", "a: 1\na: 2\n", [("L006", 2, 1)], True),
    ("duplicate-nested-key", "a: 1\nb:\n  c: 1\n  c: 2\n", [("L006", 4, 3)], True),
    ("duplicate-key-in-flow", "a: {x: 1, x: 2}\n", [("L006", 1, 11)], True),
    ("duplicate-chinese-key", "名称: 县科协\n单位: 县科协\n名称: 2\n", [("L006", 3, 1)], True),
    ("duplicate-key-quoted", "a: 1\n'a': 2\n", [("L006", 2, 1)], True),
    ("duplicate-key-crlf", "a: 1\r\na: 2\r\n", [("L006", 2, 1)], True),
    ("anchor-and-alias", "a: &x 1\nb: *x\n", [("L007", 1, 4), ("L007", 2, 4)], False),
    ("alias-reported-once", "a: &x [1, 2]\nb: *x\nc: *x\n", [("L007", 1, 4), ("L007", 2, 4)], False),
    ("merge-key", "b: &x {c: 1}\nd:\n  <<: *x\n", [("L007", 1, 4), ("L007", 3, 7)], False),
    ("anchor-alone", "a: &x 1\n", [("L007", 1, 4)], True),
    ("standard-tag", "a: !!str 1\n", [("L008", 1, 4)], True),
    ("custom-tag", "a: !custom 1\n", [("L008", 1, 4)], True),
    ("binary-tag", "a: !!binary aGk=\n", [("L008", 1, 4)], True),
    ("tag-on-root", "!!map\na: 1\n", [("L008", 1, 1)], True),
    ("tab-indent", "a:\n\tb: 1\n", [("L005", 2, 1)], False),
    ("tab-after-spaces", "a: 1\nb:\n  - 1\n \t- 2\n", [("L005", 4, 2)], False),
    ("tab-after-dash", "x:\n  - a\n  -\tb\n", [("L005", 3, 4)], False),
    ("tab-inside-value", "a: x\ty\n", [], True),
    ("unclosed-list", "a: [1, 2\n", [("L004", 1, 4)], False),
    ("unclosed-quote", "a: 'x\n", [("L004", 1, 4)], False),
    ("colon-in-value", "a: b: c\n", [("L004", 1, 5)], False),
    ("colon-in-chinese-value", "a: 中文: 1\n", [("L004", 1, 6)], False),
    ("list-item-in-mapping", "a: 1\n- 2\n", [("L004", 2, 1)], False),
    ("mapping-as-key", "? [1]\n: 2\n", [("L004", 1, 3)], False),
    ("second-document", "a: 1\n---\nb: 2\n", [("L015", 2, 1)], True),
    ("second-document-after-end", "a: 1\n...\n---\nb: 1\n", [("L015", 3, 1)], True),
    ("document-start-marker", "---\na: 1\n", [], True),
    ("document-end-marker", "a: 1\n...\n", [], True),
    ("empty", "", [("L002", 1, 1)], False),
    ("blank-lines", "\n\n  \n", [("L002", 1, 1)], False),
    ("comments-only", "# 2024 年报告\n# 待填写\n", [("L002", 1, 1)], False),
    ("empty-document", "---\n", [("L002", 1, 1)], False),
    ("null-document", "~\n", [("L002", 1, 1)], False),
    ("top-level-list", "- 1\n- 2\n", [("L010", 1, 1)], False),
    ("top-level-text", "just text\n", [("L010", 1, 1)], False),
    ("top-level-number", "42\n", [("L010", 1, 1)], False),
    ("duplicate-in-top-level-list", "- {x: 1, x: 2}\n", [("L006", 1, 10), ("L010", 1, 1)], False),
    ("nul-in-text", "a: 1\n\x00b: 2\n", [("L011", 2, 1)], False),
    ("bell-character", "a: 1\nb: \x07\n", [("L011", 2, 4)], False),
    ("escape-character", "a: \x1b\n", [("L017", 1, 4)], False),
    ("delete-character", "a: 值\nb: \x7f\n", [("L017", 2, 4)], False),
    ("noncharacter", "a: \ufffe\n", [("L017", 1, 4)], False),
    ("nested-at-the-limit", "a: " + "[" * (DEEP - 1) + "]" * (DEEP - 1) + "\n", [], True),
    ("nested-past-the-limit", "a: " + "[" * DEEP + "]" * DEEP + "\n", [("L009", 1, 4 + DEEP - 1)], False),
    ("block-nesting", "".join("  " * i + "k:\n" for i in range(40)), [("L009", DEEP + 1, 2 * DEEP + 1)],
     False),
]


@pytest.mark.parametrize(("text", "expected", "loads"), [c[1:] for c in TEXT_CASES],
                         ids=[c[0] for c in TEXT_CASES])
def test_text(text: str, expected: list, loads: bool) -> None:
    loaded = load_text(text, "f.yaml")
    assert found(loaded) == expected
    assert (loaded.document is not None) == loads
    assert all(f.file == "f.yaml" for f in loaded.findings)
    assert all(f.message and f.hint for f in loaded.findings)


def test_a_non_mapping_is_accepted_when_not_required() -> None:
    loaded = load_text("- 1\n- 2\n", "f.yaml", require_mapping=False)
    assert loaded.findings == [] and loaded.document is not None and loaded.document.data == [1, 2]


def test_duplicate_key_keeps_the_first_value_and_names_its_line() -> None:
    loaded = load_text("unit: 县科协\nperiod: 2024\nunit: 县教育局\n", "f.yaml")
    assert loaded.document is not None and loaded.document.data == {"unit": "县科协", "period": 2024}
    assert loaded.findings[0].message == "key `unit` appears twice (first on line 1)"
    assert loaded.findings[0].path == "unit"


@pytest.mark.parametrize("depth", [10_000, 1_000_000])
def test_a_nesting_bomb_is_refused_at_once(depth: int) -> None:
    started = time.perf_counter()
    loaded = load_text("[" * depth, "f.yaml")  # no RecursionError, no parse of the rest
    elapsed = time.perf_counter() - started
    assert found(loaded) == [("L009", 1, DEEP + 1)]
    assert elapsed < 3  # ~0.03 s for a million; reading on to the end took ~30 s


def test_a_lower_depth_limit() -> None:
    assert found(load_text("a: [[1]]\n", "f.yaml", max_depth=2)) == [("L009", 1, 5)]


# --- positions ------------------------------------------------------------------------------------

SAMPLE = """\
plan: xinhuang-science-literacy
unit: 县科协
values:
  - indicator: science-volunteers
    value: 120
  - {indicator: info-officers, value: 3000}
名称: "含线上"
"""


def test_positions_point_at_values_and_keys() -> None:
    loaded = load_text(SAMPLE, "f.yaml")
    doc = loaded.document
    assert loaded.findings == [] and doc is not None
    assert doc.positions[()] == (1, 1)
    assert doc.positions[("unit",)] == (2, 7)
    assert doc.key_positions[("unit",)] == (2, 1)
    assert doc.positions[("values",)] == (4, 3)  # the list starts at its first dash
    assert doc.positions[("values", 0)] == (4, 5)  # the entry starts at its first key
    assert doc.positions[("values", 0, "value")] == (5, 12)
    assert doc.key_positions[("values", 0, "value")] == (5, 5)
    assert doc.positions[("values", 1)] == (6, 5)
    assert doc.positions[("values", 1, "value")] == (6, 39)
    assert doc.key_positions[("values", 1, "value")] == (6, 32)
    assert doc.positions[("名称",)] == (7, 5)  # columns count characters, not bytes
    assert doc.raw[("values", 0, "value")] == "120"
    assert ("名称",) not in doc.raw  # quoted: not a plain scalar


def test_locate_falls_back_to_the_nearest_enclosing_value() -> None:
    doc = load_text(SAMPLE, "f.yaml").document
    assert doc is not None
    assert doc.locate(("values", 0, "note")) == (4, 5)
    assert doc.locate(("values", 7, "value")) == (4, 3)
    assert doc.locate(("nothing",)) == (1, 1)
    assert doc.locate_key(("values", 0, "indicator")) == (4, 5)
    assert doc.locate_key(("values", 0, "note")) == (4, 5)


def test_plain_scalars_are_typed_and_quoted_ones_are_text() -> None:
    text = 'a: 1200\nb: "1200"\nc: 15.5\nd: 2025-01-20\ne: yes\nf: 2024-02-30\ng: ~\nh: 1,200\n'
    doc = load_text(text, "f.yaml").document
    assert doc is not None
    data = doc.data
    assert data["a"] == 1200 and data["b"] == "1200" and data["c"] == 15.5
    assert data["d"].isoformat() == "2025-01-20"
    assert data["e"] is True and doc.raw[("e",)] == "yes"
    assert data["f"] == "2024-02-30"  # looks like a date but is none: kept as written
    assert data["g"] is None and data["h"] == "1,200"


# --- bytes: encodings, NUL, size ------------------------------------------------------------------

BYTE_CASES = [
    ("utf8", "unit: 县科协\n".encode(), []),
    ("utf8-bom", b"\xef\xbb\xbf" + "unit: 县科协\n".encode(), []),
    ("bom-only", b"\xef\xbb\xbf", []),
    ("gbk", "unit: 县科协\n".encode("gbk"), [("L001", 1, 7)]),
    ("gbk-second-line", "plan: x\nunit: 县科协\n".encode("gbk"), [("L001", 2, 7)]),
    ("bad-byte-after-chinese", "unit: 县科协".encode() + b"\xff\n", [("L001", 1, 10)]),
    ("bad-byte-after-bom", b"\xef\xbb\xbfab\xff", [("L001", 1, 3)]),
    ("utf16", "unit: 县科协\n".encode("utf-16"), [("L001", 1, 1)]),
    ("nul", b"a: 1\n\x00\x00", [("L011", 2, 1)]),
    ("nul-after-chinese", "x: 中".encode() + b"\x00", [("L011", 1, 5)]),
    ("nul-after-bom", b"\xef\xbb\xbfab\x00", [("L011", 1, 3)]),
    ("png-header", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", [("L011", 3, 1)]),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in BYTE_CASES], ids=[c[0] for c in BYTE_CASES])
def test_bytes(data: bytes, expected: list) -> None:
    text, findings = decode(data, "f.yaml")
    assert [(f.code, f.line, f.column) for f in findings] == expected
    assert (text is None) == bool(expected)


def test_utf8_bom_is_dropped_and_positions_are_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + "unit: 县科协\n".encode())
    loaded = load_file(path, "bom.yaml")
    assert loaded.findings == [] and loaded.document is not None
    assert loaded.document.data == {"unit": "县科协"}
    assert loaded.document.key_positions[("unit",)] == (1, 1)


def test_gbk_is_named(tmp_path: Path) -> None:
    path = tmp_path / "wps.yaml"
    path.write_bytes("plan: xinhuang-science-literacy\nunit: 县农业农村局\n".encode("gbk"))
    (finding,) = load_file(path, "wps.yaml").findings
    assert finding.code == "L001" and "GBK" in finding.message
    assert "UTF-8" in (finding.hint or "")


def test_bytes_that_are_neither_utf8_nor_gbk_are_not_called_gbk() -> None:
    _, (finding,) = decode(b"a: \xff\xff\n", "f.yaml")
    assert finding.code == "L001" and "GBK" not in finding.message


def test_a_file_over_the_limit_is_refused_without_reading_it(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" * 5)  # 25 bytes

    def refuse(*args, **kwargs):
        raise AssertionError("the file was opened although its size is over the limit")

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)
    text, (finding,) = read_text(path, "big.yaml", max_bytes=24)
    assert text is None and finding.code == "L003"
    assert "25 bytes" in finding.message and "24" in finding.message


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exact.yaml"
    path.write_bytes(b"a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n")  # 25 bytes
    loaded = load_file(path, "exact.yaml", max_bytes=25)
    assert loaded.findings == [] and loaded.document is not None


def test_decode_refuses_more_bytes_than_the_limit() -> None:
    # A file that grows between stat and read is caught by the bounded read: decode sees limit + 1.
    text, (finding,) = decode(b"x" * 11, "f.yaml", max_bytes=10)
    assert text is None and finding.code == "L003"


def test_a_folder_given_as_a_file(tmp_path: Path) -> None:
    loaded = load_file(tmp_path, "progress")
    assert loaded.document is None
    assert found(loaded) == [("L012", None, None)]
    assert "folder" in loaded.findings[0].message


def test_a_missing_file(tmp_path: Path) -> None:
    (finding,) = load_file(tmp_path / "gone.yaml", "gone.yaml").findings
    assert (finding.code, finding.message) == ("L014", "cannot read file: it does not exist")


def test_a_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "link.yaml").symlink_to(tmp_path / "gone.yaml")
    (finding,) = load_file(tmp_path / "link.yaml", "link.yaml").findings
    assert finding.code == "L012" and "broken symlink" in finding.message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # 1,200 block levels, each key one space further in: the 33rd key is too deep.
        ("".join(" " * i + f"k{i}:\n" for i in range(1200)) + " " * 1200 + "v\n", (33, 33)),
        # 1,200 nested block sequences on one line: the 33rd `- ` starts at column 65.
        ("- " * 1200 + "x\n", (1, 65)),
        # Flow brackets past libyaml's own limit of 1,000 (newer PyYAML wheels refuse them itself).
        ("[" * 1500 + "]" * 1500, (1, 33)),
    ],
)
def test_deep_nesting_is_l009_whatever_the_libyaml_version(text: str, where: tuple[int, int]):
    loaded = load_text(text, "f.yaml")
    assert [(f.code, f.line, f.column) for f in loaded.findings] == [("L009", *where)]
