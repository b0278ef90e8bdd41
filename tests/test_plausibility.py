"""W504: a flow far from what the unit reported in earlier years, or from what other units report for
the same indicator and year - each warning names both figures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sciplan.validation import load_plan, validate_paths

ROOT = Path(__file__).resolve().parents[1]
PLAN = load_plan(ROOT / "data" / "plan.yaml")
HEADER = "plan: xinhuang-science-literacy\nplan_version: 1\nunit: {unit}\nperiod: {year}\n"


def _write(folder: Path, rel: str, unit: str, year: int, *pairs: tuple[str, float]) -> None:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [HEADER.format(unit=unit, year=year), "values:\n"]
    lines += [f"  - indicator: {indicator}\n    value: {value}\n" for indicator, value in pairs]
    path.write_text("".join(lines), encoding="utf-8")


def _findings(folder: Path, code: str, lang: str = "en") -> list:
    report = validate_paths(PLAN, [folder], ["progress"]).report.localized(lang)
    return [f for f in report.findings if f.code == code]


def test_a_figure_typed_into_another_units_row_names_what_the_others_report(tmp_path: Path) -> None:
    folder = tmp_path / "progress"
    shutil.copytree(ROOT / "data" / "progress", folder)
    # 1,200 rural-doctor trainings typed under the farmers' trainings row
    _write(folder, "2024/health.yaml", "县卫生健康局", 2024, ("farmer-trainings", 1200))
    found = _findings(folder, "W504")
    assert [(f.file, f.line) for f in found] == [("progress/2024/health.yaml", 6)]
    message = found[0].message
    assert message == ("`farmer-trainings` is 1200 in 2024, 11x the median of what other units reported "
                       "for it in 2023、2024: 105 (10 figures, 75 to 680)")
    zh = _findings(folder, "W504", "zh")[0].message
    assert "是 2023、2024 年其他单位同类数值中位数 105（共 10 个，75 至 680）的 11 倍" in zh


def test_the_sample_raises_none(sample_figures: Path) -> None:
    assert _findings(sample_figures, "W504") == []


@pytest.mark.parametrize(("value", "warned"),
                         [(3101, True), (3100, False), (119, True), (124, False), (9, True)])
def test_far_from_the_units_own_earlier_years(tmp_path: Path, value: float, warned: bool) -> None:
    """2021-2022 at 600 and 640 (median 620), 2023 missing so W501 cannot judge 2024."""
    for year, figure in ((2021, 600), (2022, 640), (2024, value)):
        _write(tmp_path, f"{year}/agriculture.yaml", "县农业农村局", year, ("farmer-trainings", figure))
    found = _findings(tmp_path, "W504")
    assert bool(found) is warned
    if warned:
        assert found[0].file.endswith("2024/agriculture.yaml")
        assert f"is {value} in 2024" in found[0].message and "median 620 over 2021、2022" in found[0].message


def test_small_earlier_figures_are_not_judged(tmp_path: Path) -> None:
    for year, figure in ((2021, 1), (2022, 1), (2024, 4)):
        _write(tmp_path, f"{year}/cast.yaml", "县科协", year, ("provincial-science-bases", figure))
    assert _findings(tmp_path, "W504") == []


def test_a_jump_from_the_previous_year_is_w501_alone(tmp_path: Path) -> None:
    for year, figure in ((2021, 600), (2022, 640), (2023, 620), (2024, 6200)):
        _write(tmp_path, f"{year}/agriculture.yaml", "县农业农村局", year, ("farmer-trainings", figure))
    assert _findings(tmp_path, "W504") == [] and len(_findings(tmp_path, "W501")) == 1


def test_a_unit_with_figures_of_its_own_is_held_to_those(tmp_path: Path) -> None:
    """The county-wide figure of the unit that runs the trainings is far above the other units', year
    after year: once it has reported the indicator, its own years are its measure (its first figure
    came before the others reported)."""
    _write(tmp_path, "2021/agriculture.yaml", "县农业农村局", 2021, ("farmer-trainings", 650))
    for year in (2022, 2023, 2024):
        _write(tmp_path, f"{year}/agriculture.yaml", "县农业农村局", year, ("farmer-trainings", 680))
        for unit, file in (("县妇联", "women-federation"), ("县乡村振兴局", "rural-revitalization"),
                           ("县卫生健康局", "health")):
            _write(tmp_path, f"{year}/{file}.yaml", unit, year, ("farmer-trainings", 100))
    assert _findings(tmp_path, "W504") == []


def test_fewer_than_three_other_reports_make_no_comparison(tmp_path: Path) -> None:
    _write(tmp_path, "2024/agriculture.yaml", "县农业农村局", 2024, ("farmer-trainings", 100))
    _write(tmp_path, "2024/women-federation.yaml", "县妇联", 2024, ("farmer-trainings", 90))
    _write(tmp_path, "2024/health.yaml", "县卫生健康局", 2024, ("farmer-trainings", 5000))
    assert _findings(tmp_path, "W504") == []
    _write(tmp_path, "2024/rural-revitalization.yaml", "县乡村振兴局", 2024, ("farmer-trainings", 110))
    assert [f.file for f in _findings(tmp_path, "W504")] == ["progress/2024/health.yaml"]
