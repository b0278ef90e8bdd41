"""Write deterministic corpora of valid progress files for the benchmark.

    python benchmarks/make_corpus.py                 # both corpora under benchmarks/corpus/
    python benchmarks/make_corpus.py --only full     # the full county for the shipped plan
    python benchmarks/make_corpus.py --check         # and prove every file validates cleanly

Two corpora, each in its own folder with a manifest.json (seed, counts, the plan used):

- `full/`: the whole county under the shipped plan `data/plan.yaml` - every unit, every township
  plus the county-wide report, every year of the plan period. Each file carries every indicator
  the unit may report (up to the ~30 values a file holds) and some of its groups' tasks.
- `stress/`: 40,000 files for a synthetic plan written alongside (`stress/plan.yaml`), derived from
  the shipped one: more townships, units cloned into the same groups, every flow indicator cloned,
  so that each file carries ~30 values. The files are split into eight parts (`part-1` ... `part-8`)
  of disjoint units, so the benchmark can check 1, 2, 4 and 8 parts for linear growth.

The same seed gives the same bytes. Figures are chosen so that the set is clean across files too:
no unit reports anything twice, yearly flows stay within a factor 1.5 of the year before, levels
never fall, percentages stay below 100. Each corpus is built in a temporary folder and renamed into
place, so an interrupted run never leaves a half-written corpus behind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_PLAN = ROOT / "data" / "plan.yaml"
DEFAULT_OUT = ROOT / "benchmarks" / "corpus"
DEFAULT_SEED = 20221014  # the day the plan was issued
STRESS_FILES = 40_000
STRESS_PARTS = 8
STRESS_YEARS = 5
STRESS_AREAS = 100  # 99 townships and the county-wide report
STRESS_FLOW_COPIES = 3  # each flow indicator and two clones
MAX_VALUES = 30
MAX_TASKS = 8

STATUSES = ("done", "in_progress", "in_progress", "not_started")
EVIDENCE = ("举办培训班 {n} 期，参训 {m} 人次", "开展科普进村入户活动 {n} 场",
            "组织专家下乡服务 {n} 次，服务群众 {m} 人次",
            "建成科普宣传栏 {n} 处", "完成年度工作总结并报县科协备案（第 {n} 号）")
NOTES = ("含线上培训 {m} 人次", "数据来源：年度统计报表", "已与乡镇核对", "按季度汇总")
CONTACTS = ("张丽 0745-622{n:04d}", "杨华 0745-623{n:04d}", "吴敏 0745-624{n:04d}", "龙海 0745-625{n:04d}")


@dataclass(frozen=True)
class Indicator:
    id: str
    kind: str
    value_type: str
    target: float | None
    reporters: tuple[str, ...]
    additive: bool | None


@dataclass
class PlanFacts:
    """What the generator needs to know of a plan, read from its YAML."""

    id: str
    version: int
    start: int
    end: int
    unit_names: dict[str, str]  # id -> full name
    townships: list[tuple[str, str]]  # (id, name)
    indicators: list[Indicator]
    group_tasks: dict[str, list[str]]
    unit_groups: dict[str, list[str]]
    milestones: list[tuple[str, int, tuple[str, ...]]]  # (id, year, reporters)

    @classmethod
    def from_data(cls, data: dict) -> PlanFacts:
        groups = data["groups"]
        group_units = {g["id"]: [*g["responsibility"]["lead"], *g["responsibility"].get("participating", [])]
                       for g in groups}
        task_group = {t["id"]: g["id"] for g in groups for t in g["tasks"]}
        indicators = []
        for ind in data["indicators"]:
            if ind["kind"] == "ratio":
                continue  # computed, never reported
            if ind["reported_by"] == "group":
                reporters = tuple(group_units.get(task_group.get(ind["task"], ""), []))
            else:
                reporters = tuple(ind["reported_by"])
            indicators.append(Indicator(ind["id"], ind["kind"], ind["value_type"], ind.get("target"),
                                        reporters, ind.get("additive")))
        unit_groups: dict[str, list[str]] = {u["id"]: [] for u in data["units"]}
        for group_id, units in group_units.items():
            for unit in units:
                unit_groups.setdefault(unit, []).append(group_id)
        hosts = {u["id"]: u.get("hosted_by") for u in data["units"]}
        milestones = []
        for m in data.get("milestones", []):
            responsible = list(m.get("responsible") or ["leading-group-office"])
            reporters = [*responsible, *(hosts[u] for u in responsible if hosts.get(u))]
            milestones.append((m["id"], m["year"], tuple(reporters)))
        return cls(id=data["id"], version=data["version"], start=data["period"]["start"],
                   end=data["period"]["end"], unit_names={u["id"]: u["name"] for u in data["units"]},
                   townships=[(t["id"], t["name"]) for t in data["areas"]], indicators=indicators,
                   group_tasks={g["id"]: [t["id"] for t in g["tasks"]] for g in groups},
                   unit_groups=unit_groups, milestones=milestones)

    def indicators_of(self, unit: str) -> list[Indicator]:
        return [i for i in self.indicators if unit in self.reporters_of(i)]

    def reporters_of(self, indicator: Indicator) -> tuple[str, ...]:
        return indicator.reporters

    def tasks_of(self, unit: str) -> list[str]:
        return [t for g in self.unit_groups.get(unit, []) for t in self.group_tasks[g]]


def _rng(seed: int, *parts: object) -> random.Random:
    # A string seed is hashed with SHA-512 by `random`, independent of PYTHONHASHSEED.
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def _figure(seed: int, facts: PlanFacts, ind: Indicator, unit: str, area: str | None, year: int) -> str:
    """The value a unit reports for one indicator, area and year, as YAML text."""
    rng = _rng(seed, unit, area, ind.id)
    steps = year - facts.start
    if ind.value_type == "percent":
        start = rng.uniform(6.0, 12.0)
        return f"{min(start + steps * rng.uniform(0.5, 1.5), 99.0):.1f}"
    if ind.kind == "level":
        start = rng.uniform(50, 500) if ind.value_type == "count" else rng.uniform(500, 5000)
        value = start * (1.0 + 0.08 * steps)  # levels grow, never fall
        return str(int(value)) if ind.value_type == "count" else f"{value:.1f}"
    # A flow: around its share of the target, within +/-20% from one year to the next.
    share = (ind.target or 500) / max(1, (facts.end - facts.start + 1) * max(1, len(ind.reporters)))
    base = max(3.0, share * rng.uniform(0.5, 1.5))
    factor = _rng(seed, unit, area, ind.id, year).uniform(0.85, 1.2)
    value = base * factor
    return str(max(1, round(value))) if ind.value_type == "count" else f"{value:.1f}"


def progress_text(seed: int, facts: PlanFacts, unit: str, area: tuple[str, str] | None, year: int,
                  *, unit_label: str | None = None) -> str:
    """One progress file: header, the unit's values, some of its tasks, its milestones."""
    rng = _rng(seed, "file", unit, area[0] if area else None, year)
    lines = [f"plan: {facts.id}", f"plan_version: {facts.version}",
             f"unit: {unit_label or facts.unit_names[unit]}", f"period: {year}"]
    if area is not None:
        lines.append(f"area: {area[1]}")
    submitted = dt.date(year + 1, 1, 1) + dt.timedelta(days=rng.randrange(0, 60))
    lines.append(f"submitted: {submitted.isoformat()}")
    lines.append("contact: " + rng.choice(CONTACTS).format(n=rng.randrange(10000)))
    values = [i for i in facts.indicators_of(unit)
              if area is None or i.kind != "level" or i.additive][:MAX_VALUES]
    if values:
        lines.append("values:")
        for ind in values:
            lines.append(f"- indicator: {ind.id}")
            lines.append(f"  value: {_figure(seed, facts, ind, unit, area[0] if area else None, year)}")
            if rng.random() < 0.25:
                lines.append("  note: " + rng.choice(NOTES).format(m=rng.randrange(10, 500)))
    tasks = facts.tasks_of(unit)
    if tasks:
        # A different window of the unit's tasks each year, so every task turns up over the period.
        offset = (year - facts.start) * MAX_TASKS % len(tasks)
        chosen = sorted({tasks[(offset + k) % len(tasks)] for k in range(min(MAX_TASKS, len(tasks)))},
                        key=tasks.index)
        lines.append("tasks:")
        for task in chosen:
            status = rng.choice(STATUSES)
            lines.append(f"- task: {task}")
            lines.append(f"  status: {status}")
            if status != "not_started":
                lines.append("  evidence: " + rng.choice(EVIDENCE).format(n=rng.randrange(1, 20),
                                                                          m=rng.randrange(20, 2000)))
    milestones = [m for m in facts.milestones if area is None and m[1] == year and unit == m[2][-1]]
    if milestones:
        lines.append("milestones:")
        for milestone_id, _, _ in milestones:
            lines.append(f"- milestone: {milestone_id}")
            lines.append("  status: done")
            lines.append(f"  date: {year}-{rng.randrange(3, 12):02d}-{rng.randrange(1, 28):02d}")
            lines.append("  evidence: 已按期完成，材料报县科协存档")
    return "\n".join(lines) + "\n"


def _file_name(unit: str, area: tuple[str, str] | None) -> str:
    return f"{unit}.yaml" if area is None else f"{unit}.{area[0]}.yaml"


# --- the full county under the shipped plan ---------------------------------------------------------

def write_full(out: Path, seed: int, plan_path: Path = SHIPPED_PLAN) -> dict:
    data = yaml.load(plan_path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    facts = PlanFacts.from_data(data)
    areas: list[tuple[str, str] | None] = [None, *facts.townships]
    count = 0
    for year in range(facts.start, facts.end + 1):
        folder = out / "progress" / str(year)
        folder.mkdir(parents=True)
        for unit in facts.unit_names:
            for area in areas:
                (folder / _file_name(unit, area)).write_text(progress_text(seed, facts, unit, area, year),
                                                             encoding="utf-8")
                count += 1
    return {"corpus": "full", "seed": seed, "plan": str(plan_path), "files": count,
            "units": len(facts.unit_names), "areas": len(areas), "years": facts.end - facts.start + 1,
            "paths": ["progress"]}


# --- the synthetic larger plan and its 40,000 files ----------------------------------------------------

def stress_plan(data: dict, units_needed: int) -> dict:
    """A larger plan derived from the shipped one: a prefecture's worth of townships and units."""
    plan = json.loads(json.dumps(data, default=str))  # a deep copy with dates as text
    plan["id"] = f"{data['id']}-stress"
    plan["title"] = plan["title"] + "（压力测试用合成规划）"
    plan["title_en"] = "Synthetic stress-test plan derived from " + plan["title_en"]
    plan["document"]["issued"] = str(data["document"]["issued"])
    plan["areas"] = list(plan["areas"])
    for n in range(len(plan["areas"]) + 1, STRESS_AREAS):
        plan["areas"].append({"id": f"township-{n:03d}", "name": f"合成乡镇{n:03d}",
                                  "name_en": f"Synthetic township {n}"})
    # Clone every flow indicator reported by a whole group, so each unit has ~30 values to report.
    clones = []
    for ind in plan["indicators"]:
        if ind["reported_by"] == "group" and ind["kind"] in ("cumulative", "annual"):
            for copy in range(2, STRESS_FLOW_COPIES + 1):
                clone = dict(ind, id=f"{ind['id']}-{copy}", name=f"{ind['name']}（{copy}）",
                             name_en=f"{ind['name_en']} ({copy})")
                clones.append(clone)
    plan["indicators"].extend(clones)
    # Clone the units that report flows into the same groups until there are enough.
    facts = PlanFacts.from_data(data)
    busy = sorted((u for u in facts.unit_names if len(facts.indicators_of(u)) >= 8),
                  key=lambda u: (-len(facts.indicators_of(u)), u))
    reporters = busy[:units_needed]
    copy = 2
    while len(reporters) < units_needed:
        for unit in busy:
            if len(reporters) == units_needed:
                break
            reporters.append(f"{unit}-{copy}")
        copy += 1
    originals = {u["id"]: u for u in plan["units"]}
    for clone_id in reporters[len(busy):]:
        source, number = clone_id.rsplit("-", 1)
        unit = originals[source]
        plan["units"].append({"id": clone_id, "name": f"{unit['name']}（{number}）",
                              "name_en": f"{unit['name_en']} ({number})"})
        for group in plan["groups"]:
            resp = group["responsibility"]
            if source in resp["lead"] or source in resp.get("participating", []):
                resp.setdefault("participating", []).append(clone_id)
    plan["_stress_reporters"] = reporters
    return plan


def write_stress(out: Path, seed: int, files: int = STRESS_FILES, parts: int = STRESS_PARTS,
                 plan_path: Path = SHIPPED_PLAN) -> dict:
    per_unit = STRESS_YEARS * STRESS_AREAS
    if files % (parts * per_unit):
        raise SystemExit(f"--stress-files must be a multiple of {parts * per_unit}")
    units_needed = files // per_unit
    data = yaml.load(plan_path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    plan = stress_plan(data, units_needed)
    reporters = plan.pop("_stress_reporters")
    out.mkdir(parents=True, exist_ok=True)
    header = ("# Synthetic plan for sciplan's benchmark, generated by benchmarks/make_corpus.py from "
              "data/plan.yaml.\n# Not a real plan: more townships, cloned units and indicators.\n")
    dumped = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=1000)
    (out / "plan.yaml").write_text(header + dumped, encoding="utf-8")
    facts = PlanFacts.from_data(plan)
    areas: list[tuple[str, str] | None] = [None, *facts.townships[: STRESS_AREAS - 1]]
    years = range(facts.start, facts.start + STRESS_YEARS)
    per_part = len(reporters) // parts
    count = 0
    for p in range(parts):
        for unit in reporters[p * per_part:(p + 1) * per_part]:
            for year in years:
                folder = out / f"part-{p + 1}" / str(year)
                folder.mkdir(parents=True, exist_ok=True)
                for area in areas:
                    # Clones are named by id: their long Chinese names would be written the same way.
                    (folder / _file_name(unit, area)).write_text(
                        progress_text(seed, facts, unit, area, year, unit_label=unit), encoding="utf-8")
                    count += 1
    return {"corpus": "stress", "seed": seed, "plan": "plan.yaml", "files": count, "units": len(reporters),
            "areas": len(areas), "years": STRESS_YEARS, "paths": [f"part-{p + 1}" for p in range(parts)]}


# --- building in place -------------------------------------------------------------------------------

def build(out: Path, name: str, seed: int, **options) -> dict:
    """Write one corpus into `out/name` (replacing it) via a temporary folder and a rename."""
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=out))
    try:
        writer = write_full if name == "full" else write_stress
        manifest = writer(tmp, seed, **options)
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
        target = out / name
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def manifest(out: Path, name: str) -> dict | None:
    try:
        return json.loads((out / name / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def ensure(out: Path, name: str, seed: int, **options) -> dict:
    """The corpus's manifest, building the corpus first when it is missing or was made differently."""
    found = manifest(out, name)
    wanted_files = options.get("files")
    if found and found.get("seed") == seed and (wanted_files is None or found.get("files") == wanted_files):
        return found
    return build(out, name, seed, **options)


def check(out: Path, name: str) -> int:
    """Validate a corpus in-process; returns the number of findings (0 for a sound corpus)."""
    sys.path.insert(0, str(ROOT))
    from sciplan.validation import load_plan, validate_paths

    info = manifest(out, name)
    if info is None:
        raise SystemExit(f"no corpus at {out / name}")
    plan_path = Path(info["plan"]) if name == "full" else out / name / info["plan"]
    plan = load_plan(plan_path)
    result = validate_paths(plan, [out / name / p for p in info["paths"]], jobs=None, cache=None)
    for finding in result.report.sorted()[:20]:
        where = f"{finding.file}:{finding.line}:{finding.column}"
        print(f"{where}: {finding.code} {finding.message}", file=sys.stderr)
    print(f"{name}: {result.report.files} files, {len(result.values)} values, {len(result.tasks)} tasks, "
          f"{len(result.report.findings)} findings")
    return len(result.report.findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Folder of the corpora (%(default)s).")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--only", choices=["full", "stress"], help="Build only this corpus.")
    parser.add_argument("--stress-files", type=int, default=STRESS_FILES,
                        help="Files in the stress corpus, a multiple of "
                             f"{STRESS_PARTS * STRESS_YEARS * STRESS_AREAS}.")
    parser.add_argument("--check", action="store_true", help="Validate each corpus after writing it.")
    args = parser.parse_args(argv)
    bad = 0
    for name in ("full", "stress"):
        if args.only and name != args.only:
            continue
        options = {"files": args.stress_files} if name == "stress" else {}
        info = build(args.out, name, args.seed, **options)
        print(f"wrote {info['files']:,} files to {args.out / name}")
        if args.check:
            bad += check(args.out, name)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
