"""How figures are written: each row of expected, actual and gap with the decimals that make the figures
shown add up, and targets as the plan writes them. Hand-worked cases first, then every human format on
the shipped sample."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from sciplan.render import numbers as num

REPO = Path(__file__).parent.parent


def row(expected, actual, gap, measure=""):
    d = num.decimals_for(expected, actual, gap, measure)
    return tuple(num.figure(v, measure, d) for v in (expected, actual, gap))


# --- hand-worked ---------------------------------------------------------------------------------

def test_a_gap_smaller_than_a_tenth_is_not_shown_as_zero():
    # One decimal would show 10.0, 10.0 and 0.0: a gap of nothing, though there is one.
    assert num.figure(0.04) == "0.0"  # a figure alone keeps its natural precision
    assert num.decimals_for(10.04, 10, 0.04) == 2
    assert row(10.04, 10, 0.04) == ("10.04", "10.00", "0.04")


def test_a_falling_targets_shortfall_adds_up_without_extra_decimals():
    # a falling level: 18 expected, 18.5 reported, 0.5 behind (actual − expected); an annual cap: 57 over 50
    assert row(18.0, 18.5, 0.5, "%") == ("18.0", "18.5", "0.5")
    assert row(50, 57, 7) == ("50", "57", "7")
    assert row(20.0, 20.04, 0.04, "%") == ("20.00", "20.04", "0.04")


def test_expected_and_actual_add_up_to_the_gap_shown():
    # 109.6 and 110 used to show as 110 and 110 with a gap of -0.4.
    assert row(109.6, 110, -0.4) == ("109.6", "110.0", "-0.4")
    assert row(0.8, 1, -0.2) == ("0.8", "1.0", "-0.2")


def test_large_counts_keep_thousands_separators_and_no_decimals():
    assert row(1_600_000, 1_550_000, 50_000) == ("1,600,000", "1,550,000", "50,000")
    # 5000 × 2/3 is expected after two of three years: 3,333 − 3,000 = 333 at whole numbers.
    assert row(10_000 / 3, 3000, 10_000 / 3 - 3000) == ("3,333", "3,000", "333")


def test_percentages_show_one_decimal_or_more():
    assert row(13.8, 13.4, 13.8 - 13.4, "%") == ("13.8", "13.4", "0.4")
    assert row(13.85, 13.8, 13.85 - 13.8, "%") == ("13.85", "13.80", "0.05")
    assert row(15, 15, 0, "%") == ("15.0", "15.0", "0.0")


def test_rounding_that_would_not_add_up_takes_another_decimal():
    # At one decimal: 2.3 − 1.1 = 1.2, but the gap 1.12 shows as 1.1: two decimals add up.
    assert row(2.26, 1.14, 1.12) == ("2.26", "1.14", "1.12")


def test_at_most_four_decimals_and_never_minus_zero():
    assert num.decimals_for(1e-9, 0, 1e-9) == num.MAX_DECIMALS == 4
    assert num.figure(-0.00001, decimals=2) == "0.00"
    assert row(None, 12.0, None) == ("-", "12", "-")  # the natural precision when nothing is compared


def test_targets_are_written_as_the_plan_writes_them():
    assert num.written(15.0) == "15"  # the shortest form of the number, when the text is unknown
    assert num.written(0.35) == "0.35"
    assert num.written(3.0, "3.0") == "3.0"  # the plan's own text wins
    assert num.written(2_000_000.0, "2000000") == "2,000,000"
    assert num.written(1_000_000.0, "1_000_000") == "1,000,000"
    assert num.target(">", 15.0, "%", 2025, "en", "15") == "> 15% (2025)"
    assert num.target(">=", 3.0, "家", 2025, "en", "3.0") == ">= 3.0 (2025)"


# --- every human format on the shipped sample ----------------------------------------------------

def adds_up(expected: str, actual: str, gap: str) -> bool:
    def number(shown: str) -> Decimal:
        return Decimal(shown.replace(",", "").rstrip("%"))
    return number(expected) - number(actual) == number(gap)


def check_rows(triples: list[tuple[str, str, str]]) -> None:
    # A pro-rata expected figure carries its mark, '109.6 (pro-rata)' or '109.6（按进度折算）'.
    triples = [tuple(re.sub(r" ?[（(][^)）]*[)）]$", "", cell) for cell in t) for t in triples]
    compared = [t for t in triples if num.UNKNOWN not in t]
    assert len(compared) >= 14, triples  # the sample's 16 targets, less those without a figure
    assert all(adds_up(*t) for t in compared), [t for t in compared if not adds_up(*t)]
    assert ("109.6", "110.0", "-0.4") in triples  # 县派科技特派员 in 2024


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(REPO)


def test_text_gap_rows_add_up(cli, in_repo):
    code, out, _ = cli("gap", "--year", "2024")
    assert code == 0
    shown = r" +([-0-9.,%]+)"
    figures = re.findall(rf"^  [a-z_]+{shown * 3} +[-0-9.]+ ", out, re.MULTILINE)
    check_rows(figures)
    assert "> 15% by 2025" in out


def test_markdown_gap_rows_add_up(cli, in_repo):
    code, out, _ = cli("gap", "--year", "2024", "--format", "markdown")
    assert code == 0
    cells = [line.split(" | ") for line in out.splitlines() if line.startswith("| ") and "`" in line]
    check_rows([(c[3], c[4], c[5]) for c in cells])


@pytest.mark.parametrize("name", ["report-2024.en.md", "report-2024.zh.md"])
def test_report_markdown_rows_add_up(name):
    text = (REPO / "docs" / "examples" / name).read_text(encoding="utf-8")
    start = text.index("| ---: | ---: | ---: |")
    cells = [line.split(" | ") for line in text[start:].split("\n\n")[0].splitlines()[1:]]
    check_rows([(c[2], c[3], c[4]) for c in cells])


@pytest.mark.parametrize("name", ["report-2024.en.html", "report-2024.zh.html"])
def test_report_html_rows_add_up(name):
    html = (REPO / "docs" / "examples" / name).read_text(encoding="utf-8")
    section = html[html.index('<section id="targets">'):]
    section = section[:section.index("</section>")]
    cell = r'<td class="num">([^<]*)</td>\s*'
    rows = re.findall(cell * 3, section)
    check_rows(rows)


def test_xlsx_export_shows_rows_that_add_up(cli, in_repo, tmp_path):
    out = tmp_path / "export.xlsx"
    assert cli("export", "--year", "2024", "--format", "xlsx", "-o", out)[0] == 0
    sheet = openpyxl.load_workbook(out)["Gap"]
    header = [c.value for c in sheet[1]]
    columns = [header.index(c) for c in ("expected", "actual", "gap")]
    shown = []
    for cells in sheet.iter_rows(min_row=2):
        triple = []
        for c in columns:
            cell = cells[c]
            if cell.value is None:
                triple.append("-")
                continue
            decimals = len(cell.number_format.partition(".")[2])
            assert cell.number_format.startswith("#,##0"), cell.number_format
            triple.append(num.figure(cell.value, decimals=decimals))  # what Excel shows
        shown.append(tuple(triple))
    check_rows(shown)
    tech = next(cells for cells in sheet.iter_rows(min_row=2) if cells[header.index("id")].value ==
                "tech-commissioners")
    assert isinstance(tech[columns[0]].value, float)  # the cell keeps every digit; only the format rounds
