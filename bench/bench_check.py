"""Benchmark of ``lsdocs check`` (a script, not a timed test).

    python bench/bench_check.py [--reps 3] [--seconds 2] [--files 20] [--render 0]

Documents: the eleven-page plan ``lsdocs build`` writes from content/kh-182-2023.yaml
(ke-hoach.docx) and the two-page trien-khai letter, both written afresh into a
temporary folder.  Printed, each as the median of ``--reps`` interleaved
repetitions with its spread (min–max):

1. In process, documents checked per second (``check_bytes`` on the bytes in memory),
   against a plain python-docx open of the same file (``docx.Document``: what any
   checker built on python-docx pays before checking anything) and against the
   target of issues 10 and 12 (100 eleven-page plans per second).  Two figures per
   document: «warm», the steady state of a batch (documents made from one template
   share their resolved style sheet, see ``lsdocs.check.styles.shared_sheet``), and
   «cold», the style sheet resolved afresh for every document (a folder of files
   from different templates).
2. The whole ``python -m lsdocs check`` process on 1 and on ``--files`` copies of the
   plan: what a user waits for, start-up included, as files per second, against a
   bare ``python -c pass``.

Absolute figures depend on the machine and on what else runs on it; the ratios,
measured side by side in one run, are the figures to compare (``--cpu`` counts the
in-process figures in CPU time, steadier on a busy machine).  A change smaller than the
machine's noise (a few per cent) is better judged by counting instructions, which load
does not change: ``valgrind --tool=callgrind python SCRIPT`` on a script that checks the
plan 0 and N times, before and after.  ``--render N`` also
lays N copies out with one LibreOffice run (``check --render``) and prints pages per
second.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lsdocs import api  # noqa: E402
from lsdocs.check import check_bytes  # noqa: E402
from lsdocs.check.styles import shared_sheet  # noqa: E402

CONTENT = ROOT / "content" / "kh-182-2023.yaml"
TARGET = 100.0  # eleven-page plans per second, in process (issues 10 and 12)


CLOCK = time.perf_counter  # --cpu: time.process_time


def rate(action: Callable[[], object], seconds: float) -> float:
    """Calls per second of *action*, measured for about *seconds* of :data:`CLOCK`."""
    action()  # warm-up (imports, caches)
    count, start = 0, CLOCK()
    while CLOCK() - start < seconds:
        action()
        count += 1
    return count / (CLOCK() - start)


def cold_check(data: bytes) -> None:
    shared_sheet.cache_clear()
    check_bytes(data, "bench.docx")


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):8.1f}  ({min(values):.1f}–{max(values):.1f})"


def ratio(top: list[float], bottom: list[float]) -> str:
    """Median of the per-repetition ratios, with their spread."""
    values = [a / b for a, b in zip(top, bottom, strict=True)]
    return f"{statistics.median(values):6.2f}  ({min(values):.2f}–{max(values):.2f})"


def documents(folder: Path) -> dict[str, bytes]:
    built = api.build_plan(CONTENT, folder / "build")
    plan = next(p for p in built.changed + built.unchanged if p.name == "ke-hoach.docx")
    letter = api.write_letter(CONTENT, "trien-khai", date="29/11/2026",
                              output_dir=folder / "letter").path
    return {"plan": plan.read_bytes(), "letter": letter.read_bytes()}


def in_process(docs: dict[str, bytes], reps: int, seconds: float) -> None:
    measures: dict[str, Callable[[bytes], object]] = {
        "open": lambda d: docx.Document(io.BytesIO(d)),
        "warm": lambda d: check_bytes(d, "bench.docx"),
        "cold": cold_check,
    }
    found: dict[tuple[str, str], list[float]] = {}
    for _ in range(reps):  # interleaved: every measure once per repetition
        for name, data in docs.items():
            for measure, action in measures.items():
                found.setdefault((name, measure), []).append(
                    rate(lambda a=action, d=data: a(d), seconds))
    label = {"plan": "eleven-page plan", "letter": "two-page letter"}
    clock = "CPU time" if CLOCK is time.process_time else "wall clock"
    print(f"\nIn process, documents/s ({clock}), median (min–max) of {reps} interleaved "
          "repetitions:")
    for name in docs:
        open_, warm, cold = (found[(name, m)] for m in ("open", "warm", "cold"))
        print(f"  {label[name]}:")
        print(f"    python-docx open (baseline)      {summary(open_)}")
        print(f"    lsdocs check, warm (batch)       {summary(warm)}")
        print(f"    lsdocs check, cold (new styles)  {summary(cold)}")
        print(f"    ratio warm / open                {ratio(warm, open_)}")
        print(f"    ratio cold / open                {ratio(cold, open_)}")
        if name == "plan":
            target = [TARGET] * len(warm)
            print(f"    warm / target {TARGET:g}/s              {ratio(warm, target)}")
            print(f"    cold / target {TARGET:g}/s              {ratio(cold, target)}")


def whole_process(plan: bytes, files: int, reps: int, folder: Path) -> None:
    paths = []
    for index in range(files):
        path = folder / f"plan{index:03d}.docx"
        path.write_bytes(plan)
        paths.append(str(path))
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "lsdocs check, 1 file": [sys.executable, "-m", "lsdocs", "check", paths[0]],
        f"lsdocs check, {files} files": [sys.executable, "-m", "lsdocs", "check", *paths],
    }
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times: dict[str, list[float]] = {}
    for _ in range(reps):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
            times.setdefault(name, []).append(time.perf_counter() - start)
    print(f"\nWhole process (start-up included), seconds, median (min–max) of {reps}:")
    for name, values in times.items():
        print(f"  {name:28s} {statistics.median(values):7.3f}  "
              f"({min(values):.3f}–{max(values):.3f})")
    many = times[f"lsdocs check, {files} files"]
    rates = [files / t for t in many]
    print(f"  plans per second, {files} files in one process: {summary(rates)}")


def render_rate(data: bytes, copies: int, checked: float) -> None:
    """Pages per second of ``--render`` (one LibreOffice run for all copies)."""
    from lsdocs.check.render import read_pages, render_all

    with tempfile.TemporaryDirectory() as temp:
        paths = []
        for index in range(copies):
            path = Path(temp) / f"plan{index}.docx"
            path.write_bytes(data)
            paths.append(path)
        work = Path(temp) / "work"
        work.mkdir()
        start = time.perf_counter()
        pdfs = render_all(paths, work)
        laid = time.perf_counter() - start
        pages = sum(len(read_pages(pdf)) for pdf in pdfs.values())
        total = time.perf_counter() - start
    print(f"\nrender: {copies} files, {pages} pages; LibreOffice {laid:.1f} s, "
          f"with page reading {total:.1f} s")
    print(f"render pages/s:              {pages / total:8.1f} "
          f"(static check: {checked * pages / max(copies, 1):8.1f} pages/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=3, help="interleaved repetitions (≥ 3)")
    parser.add_argument("--seconds", type=float, default=2.0, help="time per in-process measure")
    parser.add_argument("--files", type=int, default=20, help="files for the whole-process run")
    parser.add_argument("--render", type=int, default=0, help="also time --render on N copies")
    parser.add_argument("--cpu", action="store_true",
                        help="in-process rates in CPU time of this process (steadier on a "
                             "machine busy with other work) instead of wall-clock time")
    args = parser.parse_args()
    print(f"load average at start: {_load()} (2 cores shared: prefer --cpu when it is high)")
    if args.cpu:
        global CLOCK
        CLOCK = time.process_time
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        docs = documents(folder)
        for name, data in docs.items():
            report = check_bytes(data, f"{name}.docx")
            paragraphs = len(docx.Document(io.BytesIO(data)).paragraphs)
            print(f"{name}: {len(data)} bytes, {paragraphs} body paragraphs, kind {report.kind}, "
                  f"{len(report.findings)} findings")
        in_process(docs, args.reps, args.seconds)
        whole_process(docs["plan"], args.files, args.reps, folder)
        if args.render:
            render_rate(docs["plan"], args.render, rate(lambda: check_bytes(docs["plan"]), 1.0))
    print(f"\nload average at end: {_load()}")


def _load() -> str:
    return ", ".join(f"{v:.2f}" for v in os.getloadavg())


if __name__ == "__main__":
    main()
