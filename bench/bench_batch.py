"""Benchmark: giao-nhiem-vu letters for many synthetic agencies, lsdocs vs a naive docxtpl loop.

    python bench/bench_batch.py [--agencies 1000] [--naive 200] [--jobs N]

Both engines render the same letters (same template, same contexts) and write
them to disk; the content is loaded once beforehand and not timed.  Each
measurement runs in its own process so peak memory (max RSS, including worker
processes) is comparable.  The naive loop is what docxtpl's documentation
shows: a new DocxTemplate, render, save, per document.  It is timed on a
subset and reported per document.  Printed: documents per second, peak memory
and the ratios, all from this run.  This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATE = dt.date(2026, 11, 29)


def _setup(plan: Path):
    from lsdocs.batch import BatchOptions, plan_batch
    from lsdocs.content import load_plan
    from lsdocs.documents.letters import LetterOptions

    options = BatchOptions(kind="giao-nhiem-vu", letter=LetterOptions(date=DATE),
                           output_root=Path(tempfile.mkdtemp()), jobs=1)
    return options, *plan_batch(load_plan(plan), options)


def run_lsdocs(plan: Path, jobs: int) -> dict[str, float]:
    from lsdocs.batch import write_letters

    options, result, items, setup = _setup(plan)
    options.jobs = jobs
    result.directory.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    done = sum(1 for _ in write_letters(setup, options, result.directory, items))
    return {"documents": done, "seconds": time.perf_counter() - start}


def run_naive(plan: Path, count: int) -> dict[str, float]:
    from docxtpl import DocxTemplate

    from lsdocs.documents.letters import letter_context
    from lsdocs.render.environment import ENV
    from lsdocs.templates import template_path

    options, result, items, setup = _setup(plan)
    path = template_path("giao-nhiem-vu")
    out = Path(tempfile.mkdtemp())
    items = items[:count]
    start = time.perf_counter()
    for item in items:
        document = DocxTemplate(str(path))
        document.render(letter_context(setup, item.agency), ENV, autoescape=True)
        document.save(str(out / item.file))
    return {"documents": len(items), "seconds": time.perf_counter() - start}


def measure(mode: str, plan: Path, arg: int) -> dict[str, float]:
    """Run one measurement in a fresh process; add its peak RSS (MiB)."""
    code = (
        f"import json, sys, resource; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        f"import bench_batch as b; r = b.{mode}(b.Path({str(plan)!r}), {arg}); "
        "self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
        "r['peak_mib'] = max(self_rss, kids) / 1024; print(json.dumps(r))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agencies", type=int, default=1000)
    parser.add_argument("--naive", type=int, default=200, help="documents for the naive loop")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()

    from tools.synthetic import write_synthetic

    work = Path(tempfile.mkdtemp(prefix="lsdocs-bench-"))
    small = write_synthetic(work / "small", max(1, args.agencies // 4))
    full = write_synthetic(work / "full", args.agencies)
    print(f"synthetic content: {args.agencies} agencies x 10 tasks; {args.jobs} jobs")

    lsdocs_small = measure("run_lsdocs", small, args.jobs)
    lsdocs_full = measure("run_lsdocs", full, args.jobs)
    lsdocs_one = measure("run_lsdocs", full, 1)
    naive = measure("run_naive", full, args.naive)

    def rate(r: dict[str, float]) -> float:
        return r["documents"] / r["seconds"]

    rows = [
        (f"lsdocs, {args.jobs} jobs", lsdocs_full),
        ("lsdocs, 1 job", lsdocs_one),
        (f"lsdocs, {args.jobs} jobs, 1/4 agencies", lsdocs_small),
        ("naive docxtpl loop", naive),
    ]
    print(f"{'engine':34} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'peak MiB':>9}")
    for name, r in rows:
        print(f"{name:34} {r['documents']:6.0f} {r['seconds']:8.2f} {rate(r):8.1f} "
              f"{r['peak_mib']:9.1f}")
    print(f"speed ratio lsdocs ({args.jobs} jobs) / naive: {rate(lsdocs_full) / rate(naive):.1f}x")
    print(f"speed ratio lsdocs (1 job) / naive: {rate(lsdocs_one) / rate(naive):.1f}x")
    growth = lsdocs_full["peak_mib"] / lsdocs_small["peak_mib"]
    print(f"peak memory, {args.agencies} vs {args.agencies // 4} agencies: {growth:.2f}x "
          "(content for 4x the agencies is loaded; rendering memory does not accumulate)")


if __name__ == "__main__":
    main()
