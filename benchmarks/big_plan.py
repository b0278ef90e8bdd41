"""Write a synthetic plan with many indicators, to measure what a plan's size costs.

    python benchmarks/big_plan.py 10000 /tmp/big     # /tmp/big/plan.yaml and /tmp/big/progress/

The plan is the shipped one with its cumulative and level indicators cloned (ids `<id>-n<k>`) until it
has N indicators, and one progress file per reporting unit and year that reports every clone it may.
Timing `status`, `template` and `report` on N = 1,000 and N = 10,000 shows whether their cost grows
linearly with the plan (docs/performance.md has the measured run).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def main(count: int, out: Path) -> None:
    plan = yaml.safe_load((ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"))
    originals = [i for i in plan["indicators"]
                 if i["kind"] in ("cumulative", "level") and i.get("role") is None and i["task"] != "goal"]
    clones = []
    k = 0
    while len(plan["indicators"]) + len(clones) < count:
        source = originals[k % len(originals)]
        clone = copy.deepcopy(source)  # a shared list would be written as a YAML alias, which plans refuse
        clones.append({**clone, "id": f"{source['id']}-n{k}", "name": f"{source['name']}（{k}）"})
        k += 1
    plan["indicators"].extend(clones)
    out.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    (out / "plan.yaml").write_text(text, encoding="utf-8")
    groups = {g["id"]: g for g in plan["groups"]}
    by_unit: dict[str, list[dict]] = {}
    for indicator in clones:
        group = groups[indicator["task"].split(".")[0]]
        if indicator["reported_by"] == "group":
            unit = group["responsibility"]["lead"][0]
        else:
            unit = indicator["reported_by"][0]
        by_unit.setdefault(unit, []).append(indicator)
    for year in range(plan["period"]["start"], plan["period"]["end"]):
        folder = out / "progress" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for unit, indicators in by_unit.items():
            values = [{"indicator": i["id"], "value": 10 + (year - 2020) * 5} for i in indicators]
            report = {"plan": plan["id"], "plan_version": plan["version"], "unit": unit, "period": year,
                      "submitted": f"{year + 1}-01-15", "values": values}
            (folder / f"{unit}.yaml").write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False),
                                                  encoding="utf-8")


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
