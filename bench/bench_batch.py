"""Benchmark: ``lsdocs batch`` for many synthetic agencies vs a naive docxtpl loop.

    python bench/bench_batch.py [--agencies 1000] [--reps 3] [--jobs 2] [--tree OTHER_CHECKOUT]

Two kinds of figures, each measured in its own process, the runs of every
repetition interleaved (rep 1: all measurements, rep 2: all again in a rotated
order, …) so that a noisy machine spreads its drift over all of them:

* **whole process** – what the user waits for: the wall clock of
  ``python -m lsdocs batch giao-nhiem-vu PLAN -j N`` from start-up to exit
  (import, content loading, the first letter's format check, every letter,
  the manifest), against a naive process that loads the same content with
  lsdocs and then, per agency, does what docxtpl's documentation shows
  (``DocxTemplate(path)``, ``render(context)``, ``save``) with the same
  template and the same context.  Measured twice for lsdocs: reading and
  checking the content (``LSDOCS_NO_CACHE=1``, the first run on new content)
  and with the content kept by an earlier run (:mod:`lsdocs.content_cache`,
  what an office script calling lsdocs again on unchanged content gets);
* **serial part** – the same whole process writing one letter (``--only``), cold and
  cached: what more cores cannot share.  From it the script prints the best ratio
  2 jobs could give over 1 if the other letters split perfectly (Amdahl's bound), next
  to the measured ratio;
* **inner loop** – rendering and writing the letters alone, content loaded
  beforehand and not timed: lsdocs as the batch writes (temporary files, one
  sync at the end, renames), lsdocs with the fsync of every letter it did
  before (``write_atomic`` per letter), and the naive docxtpl loop (timed
  inside the naive whole process).

With ``--tree`` the whole ``lsdocs batch`` process of another checkout (the
code before a change, say) is measured too, interleaved with the others, and
compared with this one: a before/after from one run on the same machine.

Printed: the load average before and after, medians with min–max over the
repetitions, documents per second,
peak memory and the ratios, all from this run.  This is a measurement, not a
test; the figures of one machine are in README.md.  The whole processes'
CPU time (user + system, from the kernel) is printed too: on a machine
shared with other work it varies less than the wall clock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATE = dt.date(2026, 11, 29)
KIND = "giao-nhiem-vu"
FIRST = "stn-0001"  # the first synthetic agency (tools.synthetic.agency_id(1))


def _setup(plan: Path, out: Path):
    from lsdocs.batch import BatchOptions, plan_batch
    from lsdocs.content import load_plan
    from lsdocs.documents.letter_contexts import LetterOptions

    options = BatchOptions(kind=KIND, letter=LetterOptions(date=DATE), output_root=out, jobs=1)
    return options, *plan_batch(load_plan(plan), options)


def inner_lsdocs(plan: Path, out: Path, jobs: int) -> dict[str, float]:
    """The batch's letter loop: render, stage, one sync, renames."""
    from lsdocs.batch import write_letters

    options, result, items, setup = _setup(plan, out)
    options.jobs = jobs
    result.directory.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    done = sum(1 for _ in write_letters(setup, options, result.directory, items))
    return {"documents": done, "seconds": time.perf_counter() - start}


def inner_fsync_each(plan: Path, out: Path, jobs: int) -> dict[str, float]:
    """The same letters, each written with write_atomic (fsync per letter), as before."""
    from lsdocs.letter_writer import render_letter
    from lsdocs.render.output import write_atomic

    options, result, items, setup = _setup(plan, out)
    result.directory.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for item in items:
        write_atomic(result.directory / item.file, render_letter(setup, item.agency))
    return {"documents": len(items), "seconds": time.perf_counter() - start}


def inner_naive(plan: Path, out: Path, jobs: int) -> dict[str, float]:
    from docxtpl import DocxTemplate

    from lsdocs.documents.letter_contexts import letter_context
    from lsdocs.render.environment import ENV
    from lsdocs.templates import template_path

    options, result, items, setup = _setup(plan, out)
    path = template_path(KIND)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for item in items:
        document = DocxTemplate(str(path))
        document.render(letter_context(setup, item.agency), ENV, autoescape=True)
        document.save(str(out / item.file))
    return {"documents": len(items), "seconds": time.perf_counter() - start}


def naive_process(plan: Path, out: Path) -> None:
    """The naive whole process: load the content with lsdocs, then the docxtpl loop.

    Prints its loop's figures: the inner-loop measurement of the naive loop.
    """
    print(json.dumps(inner_naive(plan, out, 1)))


_CHILD = (
    "import json, sys, resource; sys.path.insert(0, {bench!r}); import bench_batch as b; "
    "r = b.{mode}(b.Path({plan!r}), b.Path({out!r}), {jobs}); "
    "self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
    "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
    "r['peak_mib'] = max(self_rss, kids) / 1024; print(json.dumps(r))"
)


def measure_inner(mode: str, plan: Path, jobs: int) -> dict[str, float]:
    """One inner-loop measurement in a fresh process; adds its peak RSS (MiB)."""
    out = Path(tempfile.mkdtemp(prefix="lsdocs-bench-out-"))
    try:
        code = _CHILD.format(bench=str(Path(__file__).parent), mode=mode, plan=str(plan),
                             out=str(out), jobs=jobs)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, cwd=ROOT)
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))
    finally:
        shutil.rmtree(out, ignore_errors=True)


def measure_whole(mode: str, plan: Path, jobs: int, agencies: int,
                  root: Path = ROOT, cache: Path | None = None,
                  only: str | None = None) -> dict[str, float]:
    """Wall clock of a whole process, start-up to exit, into an empty output folder.

    *root*: the checkout whose ``lsdocs batch`` runs (mode "lsdocs").  *cache*: the
    cache folder to use (loaded content and compiled templates, warmed beforehand);
    without it the process reads and checks the content and compiles the template
    (``LSDOCS_NO_CACHE=1``).  *only*: one agency's letter (``--only``), the batch's
    serial part: everything but the other letters.
    """
    out = Path(tempfile.mkdtemp(prefix="lsdocs-bench-out-"))
    if mode == "lsdocs":
        command = [sys.executable, "-m", "lsdocs", "batch", KIND, str(plan), "-o", str(out),
                   "-q", "-j", str(jobs), "--date", DATE.strftime("%d/%m/%Y")]
        if only is not None:
            command += ["--only", only]
    else:
        command = [sys.executable, "-c",
                   f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
                   f"import bench_batch as b; b.naive_process(b.Path({str(plan)!r}), "
                   f"b.Path({str(out)!r}))"]
    env = {**os.environ, "PYTHONPATH": str(root), "LSDOCS_NO_CACHE": "1"}
    if cache is not None:
        env.update(LSDOCS_NO_CACHE="", LSDOCS_CACHE_DIR=str(cache))
    try:
        before = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run(command, cwd=root, env=env, check=True, capture_output=True,
                              text=True)
        wall = time.perf_counter() - start
        result = {"documents": 1 if only else agencies, "seconds": wall,
                  "cpu": _children_cpu() - before}
        if mode == "naive":
            result["inner_seconds"] = json.loads(done.stdout.strip().splitlines()[-1])["seconds"]
        return result
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):8.2f} ({min(values):.2f}–{max(values):.2f})"


def _ratio(slow: list[float], fast: list[float]) -> str:
    """Ratio of medians, with the spread of the per-repetition ratios."""
    pairs = [s / f for s, f in zip(slow, fast, strict=True)]
    return (f"{statistics.median(slow) / statistics.median(fast):5.1f}x "
            f"(per rep {min(pairs):.1f}–{max(pairs):.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agencies", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="jobs of the parallel run")
    parser.add_argument("--tree", type=Path, help="another checkout to compare whole runs with")
    args = parser.parse_args()

    from tools.synthetic import write_synthetic

    work = Path(tempfile.mkdtemp(prefix="lsdocs-bench-"))
    plan = write_synthetic(work / "content", args.agencies)
    n, j = args.agencies, args.jobs
    cache = work / "cache"
    measure_whole("lsdocs", plan, 1, n, cache=cache)  # untimed: keeps the loaded content
    runs = {
        "whole: lsdocs batch, 1 job": lambda: measure_whole("lsdocs", plan, 1, n),
        f"whole: lsdocs batch, {j} jobs": lambda: measure_whole("lsdocs", plan, j, n),
        "whole: batch, 1 job, cached": lambda: measure_whole("lsdocs", plan, 1, n, cache=cache),
        f"whole: batch, {j} jobs, cached": lambda: measure_whole("lsdocs", plan, j, n,
                                                                 cache=cache),
        "whole: batch, 1 letter": lambda: measure_whole("lsdocs", plan, 1, n, only=FIRST),
        "whole: batch, 1 letter, cached": lambda: measure_whole("lsdocs", plan, 1, n,
                                                               cache=cache, only=FIRST),
        "whole: naive docxtpl process": lambda: measure_whole("naive", plan, 1, n),
        "inner: lsdocs, 1 job": lambda: measure_inner("inner_lsdocs", plan, 1),
        f"inner: lsdocs, {j} jobs": lambda: measure_inner("inner_lsdocs", plan, j),
        "inner: lsdocs, fsync per letter": lambda: measure_inner("inner_fsync_each", plan, 1),
    }
    if args.tree:
        tree = args.tree.resolve()
        runs["whole: --tree batch, 1 job"] = lambda: measure_whole("lsdocs", plan, 1, n, tree)
        runs[f"whole: --tree batch, {j} jobs"] = lambda: measure_whole("lsdocs", plan, j, n, tree)
    names = list(runs)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    print(f"synthetic content: {n} agencies x 10 tasks; {args.reps} interleaved repetitions; "
          f"load average {os.getloadavg()[0]:.1f}")
    for rep in range(args.reps):
        for name in names[rep % len(names):] + names[:rep % len(names)]:
            results[name].append(runs[name]())
            print(f"  rep {rep + 1} {name:34} {results[name][-1]['seconds']:8.2f} s", flush=True)
    # The naive process times its own loop: that is the naive inner-loop measurement.
    naive = results["whole: naive docxtpl process"]
    results["inner: naive docxtpl loop"] = [
        {"documents": n, "seconds": r["inner_seconds"]} for r in naive]
    seconds = {name: [r["seconds"] for r in rs] for name, rs in results.items()}

    print(f"\n{'measurement':34} {'docs':>6} {'seconds, median (min–max)':>26} {'docs/s':>8} "
          f"{'peak MiB':>9} {'CPU s':>7}")
    for name, rs in results.items():
        peak = statistics.median(r.get("peak_mib", float("nan")) for r in rs)
        cpu = statistics.median(r.get("cpu", float("nan")) for r in rs)
        docs = rs[0]["documents"]
        print(f"{name:34} {docs:6.0f} {_spread(seconds[name]):>26} "
              f"{docs / statistics.median(seconds[name]):8.1f} {peak:9.1f} {cpu:7.2f}")
    whole1 = seconds["whole: lsdocs batch, 1 job"]
    wholej = seconds[f"whole: lsdocs batch, {j} jobs"]
    inner1, innerj = seconds["inner: lsdocs, 1 job"], seconds[f"inner: lsdocs, {j} jobs"]
    print("\nratios (medians; spread of the per-repetition ratios):")
    print(f"  whole process, lsdocs 1 job vs naive docxtpl:  "
          f"{_ratio(seconds['whole: naive docxtpl process'], whole1)}")
    print(f"  whole process, lsdocs {j} jobs vs 1 job:         {_ratio(whole1, wholej)}")
    cached1 = seconds["whole: batch, 1 job, cached"]
    cachedj = seconds[f"whole: batch, {j} jobs, cached"]
    print(f"  whole, content cached, 1 job vs naive docxtpl: "
          f"{_ratio(seconds['whole: naive docxtpl process'], cached1)}")
    print(f"  whole, content cached, {j} jobs vs 1 job:        {_ratio(cached1, cachedj)}")
    # Amdahl: the run of one letter is the part more cores cannot share (start-up, imports,
    # content, template, first-letter check, manifest); only the other letters can be split.
    for label, many, one in (("", whole1, "whole: batch, 1 letter"),
                             (", cached", cached1, "whole: batch, 1 letter, cached")):
        serial = statistics.median(seconds[one])
        total = statistics.median(many)
        print(f"  bound for {j} jobs vs 1{label}: {total / (serial + (total - serial) / j):.2f}x "
              f"(serial part {serial:.2f} s of {total:.2f} s, letters split perfectly)")
    cpu = {name: [r["cpu"] for r in results[name]] for name in names if name.startswith("whole")}
    print(f"  whole process CPU time, naive / lsdocs 1 job:  "
          f"{_ratio(cpu['whole: naive docxtpl process'], cpu['whole: lsdocs batch, 1 job'])}")
    print(f"  CPU time, naive / lsdocs 1 job cached:         "
          f"{_ratio(cpu['whole: naive docxtpl process'], cpu['whole: batch, 1 job, cached'])}")
    print(f"  inner loop, lsdocs 1 job vs naive docxtpl:     "
          f"{_ratio(seconds['inner: naive docxtpl loop'], inner1)}")
    print(f"  inner loop, lsdocs {j} jobs vs 1 job:            {_ratio(inner1, innerj)}")
    print(f"  inner loop, one sync vs fsync per letter:      "
          f"{_ratio(seconds['inner: lsdocs, fsync per letter'], inner1)}")
    if args.tree:
        for label in ("1 job", f"{j} jobs"):
            here, there = f"whole: lsdocs batch, {label}", f"whole: --tree batch, {label}"
            print(f"  whole process, this tree vs --tree, {label}:  "
                  f"{_ratio(seconds[there], seconds[here])}; "
                  f"CPU time {_ratio(cpu[there], cpu[here])}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
