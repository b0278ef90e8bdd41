"""Measure sciplan against the parse floor and check-jsonschema; print every ratio against its goal.

    pip install -e '.[bench]' && python benchmarks/run.py      # the full run: about 8 minutes on 2 cores
    python benchmarks/run.py --quick                          # a smoke run: a few minutes

Every measurement is a separate process, started as a user would start it, timed on the wall
clock; its CPU time and peak memory (ru_maxrss, which covers worker processes) come from wait4.
Each command runs several times after an unmeasured warm-up: ratios use the median, and min and
max are shown beside it. The corpora come from benchmarks/make_corpus.py, built on first use.

- the floor: a process that only walks the folders and parses every file with yaml.CSafeLoader;
- `sciplan validate`, `gap` and `status` on the full-county corpus, without the cache, so each run
  does the whole work; check-jsonschema with the schema from `sciplan schema` on the same files
  (when installed: the `bench` extra);
- start-up: `sciplan --version` and validating one file, against `python -c "import yaml"`;
- the cache: a second run over unchanged files against the first (an empty cache each time);
- growth: 1, 2, 4 and 8 parts of the stress corpus, in one process: time per file;
- the stress corpus (40,000 files): `--jobs 2` against the single-process floor, peak memory, cache.

Results are also written as JSON to benchmarks/out/ (not kept in git).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402  (a sibling script, not a package)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"

# The floor: walk the given folders in sorted order and parse each .yaml file; nothing else.
FLOOR = """
import os, sys, yaml
n = 0
for root in sys.argv[1:]:
    for current, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(('.yaml', '.yml')):
                with open(os.path.join(current, name), 'rb') as handle:
                    yaml.load(handle.read(), Loader=yaml.CSafeLoader)
                n += 1
print(n)
"""


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float


@dataclass
class Measure:
    name: str
    command: list[str]
    samples: list[Sample] = field(default_factory=list)

    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    def rss(self) -> float:
        return max(s.rss_mb for s in self.samples)

    def row(self) -> str:
        walls = [s.wall for s in self.samples]
        return (f"  {self.name:<46} {self.wall():9.3f} {min(walls):9.3f} {max(walls):9.3f} "
                f"{self.cpu():9.3f} {self.rss():8.1f}")

    def as_dict(self) -> dict:
        walls = [s.wall for s in self.samples]
        return {"name": self.name, "command": self.command, "median_wall_s": self.wall(),
                "min_wall_s": min(walls), "max_wall_s": max(walls), "median_cpu_s": self.cpu(),
                "max_rss_mb": self.rss(), "runs": len(self.samples)}


def heading(title: str) -> None:
    print(f"\n{title:<48} {'median s':>9} {'min s':>9} {'max s':>9} {'cpu s':>9} {'peak MB':>8}", flush=True)


def run_once(command: list[str], env: dict[str, str]) -> Sample:
    """Run one process to its end: wall time, CPU time (with its children) and peak memory."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace")[-2000:]
            shown = " ".join(command[:6])
            raise SystemExit(f"`{shown} ...` exited {code}; the corpus must be clean:\n{message}")
    # ru_maxrss is in KiB on Linux: the child's own peak, or its largest waited-for descendant's.
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


class Bench:
    def __init__(self, runs: int, big_runs: int, env: dict[str, str]):
        self.runs = runs
        self.big_runs = big_runs
        self.env = env
        self.measures: dict[str, Measure] = {}

    def measure(self, key: str, name: str, command: list[str], *, runs: int | None = None,
                warmup: bool = True, env: dict[str, str] | None = None,
                before: Callable[[], None] | None = None) -> Measure:
        """Run `command` (warm-up, then `runs` times); `before` runs, untimed, ahead of each run."""
        measure = Measure(name, command)
        for n in range(-1 if warmup else 0, runs or self.runs):
            if before:
                before()
            sample = run_once(command, env or self.env)
            if n >= 0:
                measure.samples.append(sample)
        self.measures[key] = measure
        print(measure.row(), flush=True)
        return measure

    def side_by_side(self, *rows: tuple[str, str, list[str]], runs: int | None = None,
                     env: dict[str, str] | None = None) -> list[Measure]:
        """Measure commands in turns (a, b, a, b, ...), so that a goal's value and its reference see the
        same load on a shared machine; each row is (key, name, command)."""
        measures = [Measure(name, command) for _, name, command in rows]
        for n in range(-1, runs or self.runs):
            for measure in measures:
                sample = run_once(measure.command, env or self.env)
                if n >= 0:
                    measure.samples.append(sample)
        for (key, _, _), measure in zip(rows, measures, strict=True):
            self.measures[key] = measure
            print(measure.row(), flush=True)
        return measures


@dataclass
class Goal:
    name: str
    value: float
    goal: float
    at_most: bool  # the value must be <= goal (else >=)
    unit: str = "x"

    @property
    def met(self) -> bool:
        return self.value <= self.goal if self.at_most else self.value >= self.goal

    def row(self) -> str:
        sign = "<=" if self.at_most else ">="
        value = f"{self.value:.2f}{self.unit}"
        verdict = "met" if self.met else "MISSED"
        return f"  {self.name:<60} {value:>11}  goal {sign} {self.goal:g}{self.unit:<4} {verdict}"


def machine() -> dict:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    info: dict = {"python": platform.python_version(), "platform": platform.platform(), "cpus": cpus}
    lscpu = shutil.which("lscpu")
    if lscpu:
        lines = subprocess.run([lscpu], capture_output=True, text=True, check=False).stdout.splitlines()
        info["cpu"] = next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("Model name")), "?")
    try:
        total_kb = int(Path("/proc/meminfo").read_text(encoding="utf-8").split()[1])
        info["memory_gb"] = round(total_kb / 1024 / 1024, 1)
    except (OSError, IndexError, ValueError):
        pass
    return info


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def installed(name: str, fallback: list[str] | None = None) -> list[str] | None:
    """A console script installed beside this Python (not a shim such as pyenv's, whose own start-up
    would be measured too); else one on PATH; else `fallback`."""
    beside = Path(sys.executable).parent / (f"{name}.exe" if os.name == "nt" else name)
    if beside.is_file():
        return [str(beside)]
    found = shutil.which(name)
    return [found] if found else fallback


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="Fewer runs and a 4,000-file stress corpus.")
    parser.add_argument("--runs", type=int, help="Runs of each full-county command (default 7; quick 3).")
    parser.add_argument("--big-runs", type=int, help="Runs of each stress command (default 3; quick 1).")
    parser.add_argument("--corpus", type=Path, default=make_corpus.DEFAULT_OUT, help="Where the corpora are.")
    parser.add_argument("--seed", type=int, default=make_corpus.DEFAULT_SEED)
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 7)
    big_runs = args.big_runs or (1 if args.quick else 3)
    corpus = args.corpus / "quick" if args.quick else args.corpus

    started = time.time()
    print(f"sciplan benchmark{' (quick)' if args.quick else ''}: {machine()}")
    print(f"load average at start: {load()}", flush=True)
    full = make_corpus.ensure(corpus, "full", args.seed)
    stress = make_corpus.ensure(corpus, "stress", args.seed,
                                files=4_000 if args.quick else make_corpus.STRESS_FILES)
    print(f"corpora: full county {full['files']:,} files; stress {stress['files']:,} files in "
          f"{len(stress['paths'])} parts", flush=True)

    work = Path(tempfile.mkdtemp(prefix="sciplan-bench-"))
    # PYTHONDONTWRITEBYTECODE (set on some development machines) would make every sciplan process
    # compile its modules from source - which no installed sciplan does (pip writes the bytecode at
    # install) and which the references, compiled in site-packages, never pay. Measured as installed.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SCIPLAN_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NO_COLOR="1", SCIPLAN_CACHE_DIR=str(work / "cache"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "sciplan")], check=True, env=env)
    # The installed `sciplan` script imports whichever sciplan is installed (an editable install may point
    # at another checkout): this checkout's package goes first on the path, so it is the one measured.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    bench = Bench(runs, big_runs, env)
    try:
        growth = measure_all(bench, corpus, full, stress, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    goals, other = judge(bench.measures, full, stress, growth)
    print("\ngoals (medians)")
    for goal in goals:
        print(goal.row())
    print("other ratios")
    for name, value in other:
        print(f"  {name:<60} {value:11.2f}")
    missed = [g for g in goals if not g.met]
    print(f"\n{len(goals) - len(missed)} of {len(goals)} goals met; load average at end: {load()}; "
          f"{(time.time() - started) / 60:.1f} minutes")

    OUT.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    report = {"quick": args.quick, "machine": machine(), "runs": runs, "big_runs": big_runs,
              "corpora": {"full": full, "stress": stress},
              "measures": {k: m.as_dict() for k, m in bench.measures.items()},
              "growth_ms_per_file": {f"{k}x": p * 1000 for k, _, p in growth},
              "goals": [{"name": g.name, "value": g.value, "goal": g.goal, "at_most": g.at_most, "met": g.met}
                        for g in goals],
              "other": dict(other)}
    path = OUT / f"results-{stamp}{'-quick' if args.quick else ''}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


def measure_all(bench: Bench, corpus: Path, full: dict, stress: dict, work: Path
                ) -> list[tuple[int, int, float]]:
    """Every measurement, printed as it is made; returns (parts, files, seconds per file) of growth."""
    py = sys.executable
    sciplan = installed("sciplan", [py, "-c", "from sciplan.cli import run; run()"])
    assert sciplan is not None
    full_dir = corpus / "full" / "progress"
    plan = ["--plan", str(make_corpus.SHIPPED_PLAN)]
    once = ["--jobs", "1", "--no-cache"]

    heading(f"full county: {full['files']:,} files, shipped plan (load {load()})")
    bench.side_by_side(("floor", "floor: parse only (CSafeLoader)", [py, "-c", FLOOR, str(full_dir)]),
                       ("validate", "sciplan validate --jobs 1 --no-cache",
                        [*sciplan, "validate", *plan, *once, str(full_dir)]))
    bench.measure("validate_cores", "sciplan validate --no-cache (all cores)",
                  [*sciplan, "validate", *plan, "--no-cache", str(full_dir)])
    bench.measure("gap", "sciplan gap --year 2025 --jobs 1 --no-cache",
                  [*sciplan, "gap", "--year", "2025", *plan, "--progress", str(full_dir), *once])
    bench.measure("status", "sciplan status --jobs 1 --no-cache",
                  [*sciplan, "status", *plan, "--progress", str(full_dir), *once])
    checker = installed("check-jsonschema")
    if checker:
        schema = work / "progress.schema.json"
        subprocess.run([*sciplan, "schema", "-o", str(schema)], check=True, env=bench.env, cwd=ROOT,
                       capture_output=True)
        files = [str(p) for p in sorted(full_dir.rglob("*.yaml"))]
        bench.measure("check_jsonschema", "check-jsonschema --schemafile (sciplan schema)",
                      [*checker, "--schemafile", str(schema), *files], runs=bench.big_runs)
    else:
        print("  check-jsonschema is not installed: pip install -e '.[bench]'")

    heading(f"start-up, side by side with python -c \"import yaml\" (load {load()})")
    one_file = str(full_dir / "2023" / "cast.yaml")
    many = max(bench.runs, 11)
    warm_env = dict(bench.env, SCIPLAN_CACHE_DIR=str(work / "warm-cache"))
    bench.side_by_side(("import_yaml", 'python -c "import yaml"', [py, "-c", "import yaml"]),
                       ("version", "sciplan --version", [*sciplan, "--version"]),
                       ("one_file", "sciplan validate ONE-FILE --no-cache",
                        [*sciplan, "validate", *plan, "--no-cache", one_file]),
                       # what pre-commit runs: the plan and the file come from the cache the warm-up filled
                       ("one_file_cached", "sciplan validate ONE-FILE (warm cache)",
                        [*sciplan, "validate", *plan, one_file]),
                       ("status_warm", "sciplan status, full county (warm cache)",
                        [*sciplan, "status", *plan, "--progress", str(full_dir)]),
                       runs=many, env=warm_env)

    heading(f"cache: full county, all cores (load {load()})")
    fresh = work / "fresh-cache"
    cache_env = dict(bench.env, SCIPLAN_CACHE_DIR=str(fresh))
    command = [*sciplan, "validate", *plan, str(full_dir)]
    bench.measure("cache_first", "first run (empty cache)", command, env=cache_env,
                  before=lambda: shutil.rmtree(fresh, ignore_errors=True))
    bench.measure("cache_second", "second run (unchanged files)", command, env=cache_env)
    bench.measure("status_cold", "sciplan status (empty cache)",
                  [*sciplan, "status", *plan, "--progress", str(full_dir)], env=cache_env,
                  before=lambda: shutil.rmtree(fresh, ignore_errors=True))
    # One file edited since the last run (a comment line, so the corpus stays clean): the whole run
    # is not kept, every other file's result is.
    edited = full_dir / "2025" / "cast.yaml"
    original = edited.read_bytes()
    edits = iter(range(1, 1000))
    try:
        bench.measure("status_one_edited", "sciplan status, one file edited (warm cache)",
                      [*sciplan, "status", *plan, "--progress", str(full_dir)], env=cache_env,
                      before=lambda: edited.write_bytes(original + f"# edit {next(edits)}\n".encode()))
    finally:
        edited.write_bytes(original)

    stress_plan = ["--plan", str(corpus / "stress" / "plan.yaml")]
    parts = [str(corpus / "stress" / p) for p in stress["paths"]]
    heading("growth: stress plan, --jobs 1 --no-cache")
    growth = []
    for k in (1, 2, 4, 8):
        files = stress["files"] * k // len(parts)
        m = bench.measure(f"growth_{k}", f"{k}x: {files:,} files",
                          [*sciplan, "validate", *stress_plan, *once, *parts[:k]], runs=bench.big_runs,
                          warmup=k == 1)
        growth.append((k, files, m.wall() / files))
    for k, files, per_file in growth:
        print(f"    {k}x {files:>7,} files: {per_file * 1000:.3f} ms per file")

    heading(f"stress: {stress['files']:,} files (load {load()})")
    bench.measure("big_floor", "floor: parse only, one process", [py, "-c", FLOOR, *parts],
                  runs=bench.big_runs, warmup=False)
    bench.measure("big_jobs2", "sciplan validate --jobs 2 --no-cache",
                  [*sciplan, "validate", *stress_plan, "--jobs", "2", "--no-cache", *parts],
                  runs=bench.big_runs, warmup=False)
    big_cache = work / "big-cache"
    big_env = dict(bench.env, SCIPLAN_CACHE_DIR=str(big_cache))
    command = [*sciplan, "validate", *stress_plan, *parts]
    bench.measure("big_cache_first", "sciplan validate (all cores; empty cache)", command,
                  runs=bench.big_runs, warmup=False, env=big_env,
                  before=lambda: shutil.rmtree(big_cache, ignore_errors=True))
    bench.measure("big_cache_second", "sciplan validate (all cores; unchanged files)", command,
                  runs=bench.big_runs, warmup=False, env=big_env)
    return growth


def judge(m: dict[str, Measure], full: dict, stress: dict, growth: list[tuple[int, int, float]]
          ) -> tuple[list[Goal], list[tuple[str, float]]]:
    n_full, n_stress = f"{full['files']:,}", f"{stress['files']:,}"
    floor = m["floor"]
    per_file = [g[2] for g in growth]
    yaml_start = m["import_yaml"].wall()
    peak = max(m[k].rss() for k in ("growth_8", "big_jobs2", "big_cache_first", "big_cache_second"))
    # The table of the start-up, cache and memory goals: each value against the reference measured beside it.
    goals = [
        Goal('validate ONE-FILE (warm cache) / python -c "import yaml"',
             m["one_file_cached"].wall() / yaml_start, 2.5, True),
        Goal('status, full county, warm cache / python -c "import yaml"',
             m["status_warm"].wall() / yaml_start, 4, True),
        Goal("cache: first run / second run, full county", m["cache_first"].wall() / m["cache_second"].wall(),
             8, False),
        Goal(f"peak memory, {n_stress} files (any mode measured)", peak, 250, True, " MB"),
    ]
    goals += [
        Goal(f"validate / floor, full county ({n_full} files, --jobs 1)", m["validate"].wall() / floor.wall(),
             1.3, True),
        Goal(f"validate / floor, full county ({n_full} files, all cores)",
             m["validate_cores"].wall() / floor.wall(), 1.3, True),
        Goal(f"validate --jobs 2 / one-process floor, {n_stress} files",
             m["big_jobs2"].wall() / m["big_floor"].wall(), 0.8, True),
    ]
    if "check_jsonschema" in m:
        goals.append(Goal("check-jsonschema / validate --jobs 1, full county", m["check_jsonschema"].wall()
                          / m["validate"].wall(), 8, False))
    goals += [
        Goal('sciplan --version / python -c "import yaml"', m["version"].wall() / m["import_yaml"].wall(),
             2, True),
        Goal(f"cache: first run / second run, {n_stress} files",
             m["big_cache_first"].wall() / m["big_cache_second"].wall(), 5, False),
        Goal("growth: slowest / fastest time per file, 1x to 8x", max(per_file) / min(per_file), 1.25, True),
    ]
    other = [
        ("gap / floor, full county (--jobs 1)", m["gap"].wall() / floor.wall()),
        ("status / floor, full county (--jobs 1)", m["status"].wall() / floor.wall()),
        ("validate / floor in CPU time, full county (--jobs 1)", m["validate"].cpu() / floor.cpu()),
        ("validate --jobs 1 / floor, stress 8x (one process each)",
         m["growth_8"].wall() / m["big_floor"].wall()),
        ("validate one file with the cache, ms", m["one_file_cached"].wall() * 1000),
        ("validate one file without the cache, ms", m["one_file"].wall() * 1000),
        ("status, full county, warm cache, ms", m["status_warm"].wall() * 1000),
        ("status: empty cache / warm cache, full county", m["status_cold"].wall() / m["status_warm"].wall()),
        ("status, full county, one file edited since the last run, ms", m["status_one_edited"].wall() * 1000),
        ('python -c "import yaml", ms', yaml_start * 1000),
        (f"peak memory, {n_stress} files, --jobs 1 --no-cache, MB", m["growth_8"].rss()),
        (f"peak memory, {n_stress} files, --jobs 2 --no-cache, MB", m["big_jobs2"].rss()),
        (f"peak memory, {n_stress} files, all cores and the cache, MB",
         max(m["big_cache_first"].rss(), m["big_cache_second"].rss())),
    ]
    return goals, other


if __name__ == "__main__":
    sys.exit(main())
