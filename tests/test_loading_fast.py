"""The loader's fast path builds exactly the Document the full path builds, or steps aside.

`loading._parse_simple` handles ordinary files; for anything else it returns None and `parse` runs
the full event loop. Each case here is parsed twice - as shipped, and with the fast path switched
off - and the results must be identical: data (with types), positions, key positions, raw text,
findings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciplan import loading

EXAMPLES = Path(__file__).parent / "examples"


def snapshot(loaded: loading.Loaded) -> tuple:
    doc = loaded.document
    if doc is None:
        return (None, loaded.findings)
    return (repr(doc.data), list(doc.positions.items()), list(doc.key_positions.items()),
            list(doc.raw.items()), doc.file, loaded.findings)


def both(text: str, monkeypatch: pytest.MonkeyPatch, max_depth: int = loading.DEFAULT_MAX_DEPTH
         ) -> tuple[tuple, tuple, bool]:
    """(fast, full, whether the fast path took the file)."""
    took = loading._parse_simple(text, "f.yaml", max_depth) is not None
    fast = snapshot(loading.parse(text, "f.yaml", max_depth))
    with monkeypatch.context() as patch:
        patch.setattr(loading, "_parse_simple", lambda *args: None)
        full = snapshot(loading.parse(text, "f.yaml", max_depth))
    return fast, full, took


ORDINARY = """\
plan: xinhuang-science-literacy
plan_version: 1
unit: 县科协
period: 2024
submitted: 2025-01-20
values:
- indicator: farmer-trainings
  value: 1200
  note: "含线上培训 300 人次"
- {indicator: science-volunteers, value: 1.5e3}
tasks:
- task: farmers.2
  status: done
  evidence: 举办培训班 6 期
  extra: [1, two, 3.0, null, ~, yes, no, on, 0x1F, 0o17, .inf, -.nan, 2024-02-30]
"""


@pytest.mark.parametrize("text, takes_fast_path", [
    (ORDINARY, True),
    ("a: 1\nb:\n  - x\n  - - y\n    - z\n", True),
    ("1: one\ntrue: yes\nnull: nothing\n2024-01-01: date key\n3.5: float key\n", True),
    ("a: 1\na: 2\n", False),  # duplicate key
    ("1: x\n'1': y\n", False),  # the same key as text
    ("a: &x 1\nb: *x\n", False),  # anchor and alias
    ("a: !!str 1\n", False),  # tag
    ("note: 3*5\n", False),  # looks like an alias: the full path decides
    ("? [a, b]\n: c\n", False),  # a list as a key
    ("a: 1\n---\nb: 2\n", False),  # two documents
    ("just text\n", False),
    ("", False),
    ("# only a comment\n", False),
    ("a: [1, 2\n", False),  # syntax error
    ("a:\n\tb: 1\n", False),  # tab indentation
    ("[]\n", True),
    ("{}\n", True),
    ("- a\n- b: 1\n  c: [x, {d: e}]\n", True),
    ("key: 'quoted'\nother: \"double\"\nblock: |\n  line one\n  line two\nfolded: >\n  a\n  b\n", True),
    ("\ufeffa: 1\n", True),
    ("%YAML 1.1\n---\na: 1\n", True),
])
def test_cases_agree(text: str, takes_fast_path: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, full, took = both(text, monkeypatch)
    assert fast == full
    assert took is takes_fast_path


@pytest.mark.parametrize("depth", [1, 5, 6, 7, 8, 32])
def test_nesting_limit_agrees(depth: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Seven mappings are open at the innermost value: the file is too deep below a limit of 7.
    text = "a:\n" + "".join("  " * n + f"k{n}:\n" for n in range(1, 6)) + "  " * 6 + "v: 1\n"
    fast, full, took = both(text, monkeypatch, max_depth=depth)
    assert fast == full
    assert took is (depth >= 7)
    assert (full[0] is None) is (depth < 7)


def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))


@pytest.mark.parametrize("path", example_files(), ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_example_files_agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text, findings = loading.decode(path.read_bytes(), str(path))
    if text is None:
        pytest.skip("not text: the loader stops before parsing")
    fast, full, _ = both(text, monkeypatch)
    assert fast == full


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.text(alphabet=st.sampled_from(list("abc xyz:-#'\"0123456789.科协县晃州镇,[]{}%@`|>?")), max_size=12),
)
keys = st.one_of(st.text(alphabet="abcdefgh_-", min_size=1, max_size=6), st.integers(0, 9), st.booleans())
documents = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)), max_leaves=20)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=documents, flow=st.sampled_from([None, True, False]), width=st.sampled_from([20, 80]))
def test_generated_documents_agree(data, flow, width, monkeypatch: pytest.MonkeyPatch) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, width=width)
    fast, full, _ = both(text, monkeypatch)
    assert fast == full


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(lines=st.lists(st.sampled_from([
    "a: 1", "a: 2", "b:", "  - x", "  - y: 1", "    z: 2", "- q", "c: [1, 2]", "d: {e: f}", "  f: g", "? k",
    ": v", "e: 'x", "g: \"y\"", "h: 3*4", "i: &a 1", "j: *a", "k: !t 1", "---", "# c", "", "\tl: 1",
    "m: n: o",
]), max_size=8))
def test_line_soup_agrees(lines: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast, full, _ = both("\n".join(lines) + "\n", monkeypatch)
    assert fast == full
