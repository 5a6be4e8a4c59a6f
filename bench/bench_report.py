"""Benchmark: the consolidated annual report over a large synthetic plan, against the plan build.

    python bench/bench_report.py [--agencies 100] [--tasks 50] [--years 5] [--repeat 3]

Synthetic content: ``tools.synthetic`` plans with N agencies × M tasks, and one
progress record per agency and year for the last *years* reporting years
(some agencies missing, tasks done on time, late, in progress, not started).
Two measurements, each in a fresh process, interleaved *repeat* times:

* the whole command, start-up included: ``lsdocs report tong-hop`` against
  ``lsdocs build`` on the same plan (wall time, peak RSS of the command);
* the in-process function: ``render_consolidated_report(report_status(…))``
  against ``render_plan_documents(…)`` with content and records already
  loaded (wall time of a first run; peak Python allocation, by tracemalloc,
  of a second, traced run).

Printed: median and spread (min–max) of each, and the ratios report / plan, all
from this run.  This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STATES = ("hoan-thanh", "dang-thuc-hien", "chua-trien-khai")


def synthetic_progress(plan: Path, years: int) -> int:
    """Write progress records for the plan's first *years* years; return the last year.

    Uses ``tools.synthetic.write_synthetic_progress`` when it exists (the
    project's generator), else the small generator below.
    """
    import tools.synthetic as synthetic

    writer = getattr(synthetic, "write_synthetic_progress", None)
    if writer is None:
        return write_progress(plan, years)[0]
    from lsdocs.content import load_plan
    from lsdocs.progress.year_status import first_year

    writer(plan, years)
    return first_year(load_plan(plan)) + years - 1


def write_progress(plan_path: Path, years: int) -> tuple[int, Path]:
    """Progress records for the plan's last *years* reporting years; the last year and root."""
    from ruamel.yaml import YAML

    from lsdocs.content import load_plan
    from lsdocs.progress.year_status import reporting_period

    content = load_plan(plan_path)
    first = content.plan.document.date.year if content.plan.document.date else 2023
    last = min(first + years - 1, dt.date.today().year + 1)
    root = plan_path.parent / "tien-do" / content.plan.id
    yaml = YAML()
    done: set[str] = set()
    for year in range(last - years + 1, last + 1):
        start, end = reporting_period(content, year)
        by_agency: dict[str, list[dict[str, object]]] = {}
        for n, task in enumerate(content.plan.tasks):
            if task.id in done:
                continue
            by_agency.setdefault(task.lead, []).append(_task(task, n + year, start, end, done))
        folder = root / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for i, (agency, tasks) in enumerate(sorted(by_agency.items())):
            if i % 17 == 3:  # a few agencies never report
                continue
            record = {"lsdocs": 1, "kind": "tien-do", "plan": content.plan.id, "year": year,
                      "agency": agency, "budget": 10_000_000 * (i + 1),
                      "signature": {"authority": ["KT. GIÁM ĐỐC"], "title": "PHÓ GIÁM ĐỐC",
                                    "name": "Nguyễn Văn B"},
                      "tasks": tasks}
            with (folder / f"{agency}.yaml").open("w", encoding="utf-8") as handle:
                yaml.dump(record, handle)
    return last, root


def _task(task: object, n: int, start: dt.date, end: dt.date, done: set[str]
          ) -> dict[str, object]:
    state = STATES[n % 3]
    entry: dict[str, object] = {"task": task.id, "status": state,  # type: ignore[attr-defined]
                                "result": f"Kết quả thực hiện nhiệm vụ năm {end.year}."}
    if state == "hoan-thanh":
        day = start + dt.timedelta(days=(n * 37) % max((end - start).days, 1))
        entry["completed"] = f"{day.day:02d}/{day.month:02d}/{day.year}"
        if task.deadline.kind not in ("annual", "regular"):  # type: ignore[attr-defined]
            done.add(task.id)  # type: ignore[attr-defined]
    return entry


def run_function(mode: str, plan: str, year: int) -> dict[str, float]:
    """In a fresh process: load once, then time and trace one render."""
    import time
    import tracemalloc

    from lsdocs.plan_writer import render_plan_documents
    from lsdocs.reports import load_inputs, render_consolidated_report, report_status

    content, progress = load_inputs(Path(plan))

    def render() -> None:
        if mode == "report":
            render_consolidated_report(report_status(content, progress, year))
        else:
            render_plan_documents(content)

    begin = time.perf_counter()
    render()  # timed without tracing: tracemalloc slows Python down several times
    seconds = time.perf_counter() - begin
    tracemalloc.start()
    render()  # the same work again, traced for its peak allocation
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    return {"seconds": seconds, "peak_mib": peak}


def measure_function(mode: str, plan: Path, year: int) -> dict[str, float]:
    code = (f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
            f"import bench_report as b; print(json.dumps(b.run_function({mode!r}, "
            f"{str(plan)!r}, {year})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def measure_command(args: list[str]) -> dict[str, float]:
    """Wall time and peak RSS of one ``python -m lsdocs …`` run, start-up included."""
    code = (
        "import json, resource, subprocess, sys, time; t = time.perf_counter(); "
        f"subprocess.run([sys.executable, '-m', 'lsdocs', *{args!r}], check=True, "
        "stdout=subprocess.DEVNULL); s = time.perf_counter() - t; "
        "m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024; "
        "print(json.dumps({'seconds': s, 'peak_mib': m}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _summary(label: str, runs: list[dict[str, float]], base: list[dict[str, float]]) -> None:
    for key, unit in (("seconds", "s"), ("peak_mib", "MiB")):
        mine = [r[key] for r in runs]
        theirs = [r[key] for r in base]
        ratio = statistics.median(mine) / statistics.median(theirs)
        print(f"  {label:<9} {key:<8} report {statistics.median(mine):8.2f} {unit} "
              f"({min(mine):.2f}–{max(mine):.2f})   plan {statistics.median(theirs):8.2f} "
              f"{unit} ({min(theirs):.2f}–{max(theirs):.2f})   ratio {ratio:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=100)
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from tools.synthetic import write_synthetic

    work = Path(tempfile.mkdtemp(prefix="lsdocs-bench-report-"))
    plan = write_synthetic(work / "content", args.agencies, args.tasks)
    year = synthetic_progress(plan, args.years)
    out = work / "output"
    print(f"Synthetic plan: {args.agencies} agencies × {args.tasks} tasks, progress "
          f"{year - args.years + 1}–{year}; report year {year}; {work}")
    runs: dict[str, list[dict[str, float]]] = {k: [] for k in ("cmd_r", "cmd_p", "fn_r", "fn_p")}
    for _ in range(args.repeat):  # interleaved, so drift hits both alike
        runs["cmd_r"].append(measure_command(["report", "tong-hop", str(plan), "--year",
                                              str(year), "-o", str(out)]))
        runs["cmd_p"].append(measure_command(["build", str(plan), "-o", str(out)]))
        runs["fn_r"].append(measure_function("report", plan, year))
        runs["fn_p"].append(measure_function("plan", plan, year))
    print(f"{args.repeat} interleaved repetitions; median (min–max); ratio = report / plan")
    _summary("command", runs["cmd_r"], runs["cmd_p"])
    _summary("function", runs["fn_r"], runs["fn_p"])


if __name__ == "__main__":
    main()
