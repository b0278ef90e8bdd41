"""The benchmark's corpora are valid and deterministic, so the benchmark measures the normal path.

benchmarks/make_corpus.py is a script, not part of the package; it is imported from its folder.
The 40,000-file stress corpus is too slow to write here: its plan and a sample of its files are
checked instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from sciplan.validation import check_plan_file, load_plan, validate_paths

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def make_corpus():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import make_corpus

        yield make_corpus
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_full_county_corpus_is_clean_and_complete(make_corpus, tmp_path: Path) -> None:
    info = make_corpus.build(tmp_path, "full", seed=7)
    plan = load_plan(make_corpus.SHIPPED_PLAN)
    assert info["files"] == len(plan.units) * (len(plan.areas) + 1) * len(plan.period.years())
    result = validate_paths(plan, [tmp_path / "full" / "progress"], jobs=2)
    assert result.report.files == info["files"]
    assert result.report.findings == []
    # every unit that may report a figure does, in every area and year
    reporters = {u.id for u in plan.units if plan.indicators_of_unit(u.id)}
    assert {v.unit for v in result.values} == reporters
    assert {v.area for v in result.values} == {None} | {t.id for t in plan.areas}
    assert {v.year for v in result.values} == set(plan.period.years())
    assert result.tasks and result.milestones


def test_same_seed_same_bytes(make_corpus, tmp_path: Path) -> None:
    make_corpus.build(tmp_path / "a", "full", seed=7)
    make_corpus.build(tmp_path / "b", "full", seed=7)
    make_corpus.build(tmp_path / "c", "full", seed=8)
    name = Path("full/progress/2023/cast.huangzhou.yaml")
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert (tmp_path / "a" / name).read_bytes() != (tmp_path / "c" / name).read_bytes()


def test_stress_plan_is_sound_and_its_files_clean(make_corpus, tmp_path: Path) -> None:
    data = yaml.safe_load(make_corpus.SHIPPED_PLAN.read_text(encoding="utf-8"))
    stress = make_corpus.stress_plan(data, units_needed=80)
    reporters = stress.pop("_stress_reporters")
    assert len(reporters) == 80
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(yaml.safe_dump(stress, allow_unicode=True, sort_keys=False), encoding="utf-8")
    plan, findings = check_plan_file(plan_file)
    assert findings == [] and plan is not None
    assert len(plan.areas) == make_corpus.STRESS_AREAS - 1
    facts = make_corpus.PlanFacts.from_data(stress)
    progress = tmp_path / "progress"
    for unit in reporters[::9]:
        for year in (2021, 2022):
            for area in [None, *facts.townships[::20]]:
                folder = progress / str(year)
                folder.mkdir(parents=True, exist_ok=True)
                name = f"{unit}.{area[0] if area else 'county'}.yaml"
                text = make_corpus.progress_text(7, facts, unit, area, year, unit_label=unit)
                (folder / name).write_text(text, encoding="utf-8")
    result = validate_paths(plan, [progress])
    assert result.report.findings == []
    per_file = len(result.values) / result.report.files
    assert per_file >= 25  # "~30 values per file"
