"""Benchmark: content loading, libyaml fast path against the ruamel.yaml path, same run.

    python bench/bench_load.py [--agencies 1000] [--progress 100] [--tasks 50]
                               [--years 5] [--reps 3]

Loads, in this process, with the fast path and then with it switched off (every
file read by ruamel.yaml, as before), interleaved ``--reps`` times:

* the shipped content (``content/kh-182-2023.yaml`` and its registry);
* a synthetic plan of ``--agencies`` agencies × 10 tasks (:mod:`tools.synthetic`);
* the progress records of a synthetic plan of ``--progress`` agencies ×
  ``--tasks`` tasks × ``--years`` years (``load_progress``), and of half as many
  agencies, to show how it scales.

Printed: median time of each, spread (min–max), and the ratio ruamel / fast
with its spread; progress also per record.  ``--progress 0`` skips progress
(the ruamel.yaml path takes minutes at 100 × 50 × 5).  Content generation is
not timed.  This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 30)


def timed(load: Callable[[], object], fast: bool) -> float:
    from lsdocs.content import fastyaml

    saved = fastyaml._libyaml
    if not fast:
        fastyaml._libyaml = None  # every file falls back to ruamel.yaml
    gc.collect()
    try:
        start = time.perf_counter()
        load()
        return time.perf_counter() - start
    finally:
        fastyaml._libyaml = saved


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):9.3f} ({min(values):.3f}–{max(values):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agencies", type=int, default=1000)
    parser.add_argument("--progress", type=int, default=100, help="agencies with records")
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()

    from lsdocs.content import load_plan
    from lsdocs.progress.record_loader import load_progress
    from tools.synthetic import write_synthetic, write_synthetic_progress

    work = Path(tempfile.mkdtemp(prefix="lsdocs-load-"))
    cases: dict[str, Callable[[], object]] = {
        "shipped plan": lambda: load_plan(ROOT / "content" / "kh-182-2023.yaml"),
    }
    big = write_synthetic(work / "plan", args.agencies)
    cases[f"plan, {args.agencies} agencies"] = lambda: load_plan(big)
    records: dict[str, int] = {}
    for n in sorted({args.progress // 2, args.progress} - {0}):
        plan = write_synthetic(work / f"progress{n}", n, args.tasks)
        root = write_synthetic_progress(plan, args.years)
        content = load_plan(plan)
        name = f"progress, {n}×{args.tasks}×{args.years}"
        records[name] = sum(1 for _ in root.rglob("*.yaml"))
        cases[name] = lambda content=content: load_progress(content, today=TODAY)

    for fast in (True, False):  # first use: imports, caches
        timed(cases["shipped plan"], fast)
    results: dict[str, dict[bool, list[float]]] = {k: {True: [], False: []} for k in cases}
    for rep in range(args.reps):
        for name, load in cases.items():
            for fast in (True, False):
                results[name][fast].append(timed(load, fast))
            print(f"rep {rep + 1}: {name}: fast {results[name][True][-1]:.3f} s, "
                  f"ruamel {results[name][False][-1]:.3f} s", flush=True)

    print(f"\n{'case':34} {'fast s (spread)':>26} {'ruamel s (spread)':>26} {'ratio':>18}")
    for name, by_mode in results.items():
        ratios = [s / f for f, s in zip(by_mode[True], by_mode[False], strict=True)]
        print(f"{name:34} {spread(by_mode[True]):>26} {spread(by_mode[False]):>26} "
              f"{statistics.median(ratios):7.1f}x ({min(ratios):.1f}–{max(ratios):.1f})")
    for name, count in records.items():
        fast = statistics.median(results[name][True]) / count * 1000
        slow = statistics.median(results[name][False]) / count * 1000
        print(f"{name}: {count} records, {fast:.2f} ms per record (ruamel {slow:.1f} ms)")


if __name__ == "__main__":
    main()
