"""The final-evaluation example: the shipped sample plus the invented 2025 reports in sample-2025/,
copied into a temporary folder and reported on for the plan period's last year.

    python docs/examples/final_example.py 2025-01-20    # writes docs/examples/final-2025.{zh,en}.{html,md}

`make.sh` runs it; `tests/test_report.py` calls `final_report` and compares with the committed files.
The report names its inputs as the two folders in this repository and says it is sample data, as
every output made from the shipped sample does.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from sciplan import api
from sciplan.report import ReportData

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SOURCE = "data/progress + docs/examples/sample-2025"


def final_report(made: dt.date) -> ReportData:
    plan = api.load_plan(ROOT / "data" / "plan.yaml")
    with tempfile.TemporaryDirectory() as folder:
        progress = Path(folder) / "progress"
        shutil.copytree(ROOT / "data" / "progress", progress)
        shutil.copytree(HERE / "sample-2025" / str(plan.period.end), progress / str(plan.period.end))
        data = api.report(plan, progress, plan.period.end, made, jobs=1)
    return replace(data, source=replace(data.source, plan_path="data/plan.yaml", progress_dir=SOURCE,
                                        sample=True))


def main(argv: list[str]) -> None:
    made = dt.date.fromisoformat(argv[0]) if argv else dt.date.today()
    data = final_report(made)
    for lang in ("zh", "en"):
        for fmt, suffix in (("html", "html"), ("markdown", "md")):
            out = HERE / f"final-{data.year}.{lang}.{suffix}"
            out.write_text(api.render(data, fmt, lang=lang), encoding="utf-8")
            print(f"wrote {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
