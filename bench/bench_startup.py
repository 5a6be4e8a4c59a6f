"""Benchmark: how long a whole ``lsdocs`` process takes to start, against ``python -c pass``.

    python bench/bench_startup.py [--runs 30] [--script] [--tree DIR ...]

Each command runs as a fresh process, ``--runs`` times, interleaved (one run of every command
per round, so a busy machine slows them alike): ``python -c pass``, ``lsdocs --version``,
``--help``, ``--lang en --help``, ``validate`` of the shipped content and ``letter --help``.
lsdocs runs from this checkout (``PYTHONPATH``) as ``python -m lsdocs``; ``--script`` adds the
installed ``lsdocs`` console script (still on this checkout through ``PYTHONPATH``; an editable
install also pays its import hook); ``--tree DIR`` adds another checkout (say, a worktree of
an older commit) timed in the same rounds, for a before/after in one run.

Printed per command: the median wall time, the spread (interquartile range, min–max), the
cost over ``python -c pass``: the median of the per-round differences (with its IQR), which is
what the target speaks of: ``--help``, ``--version`` and ``validate`` within 150 ms of
``python -c pass``; and the process's CPU time (user + system) with its median cost over
``python -c pass``, which a busy machine distorts less.  This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 150.0
#: label -> lsdocs arguments; the ones the target names are marked
COMMANDS: dict[str, list[str]] = {
    "--version": ["--version"],
    "--help": ["--help"],
    "--lang en --help": ["--lang", "en", "--help"],
    "validate": ["validate"],
    "letter --help": ["letter", "--help"],
}
TARGETED = {"--version", "--help", "--lang en --help", "validate"}


@dataclass
class Case:
    label: str
    argv: list[str]
    env: dict[str, str]
    cwd: Path
    command: str = ""
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process


def _env(tree: Path) -> dict[str, str]:
    clean = {"LSDOCS_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
    return {**os.environ, **clean, "PYTHONPATH": str(tree)}


def _console_script() -> str | None:
    """The installed ``lsdocs`` beside this interpreter (a pyenv shim would time pyenv too)."""
    beside = Path(sys.executable).with_name("lsdocs")
    return str(beside) if beside.is_file() else shutil.which("lsdocs")


def cases(trees: list[tuple[str, Path]], script: str | None) -> list[Case]:
    out = [Case("python -c pass", [sys.executable, "-c", "pass"], _env(ROOT), ROOT)]
    for name, tree in trees:
        launchers = [("python -m lsdocs", [sys.executable, "-m", "lsdocs"])]
        if script and name == "this":
            launchers.append(("lsdocs (script)", [script]))
        for launcher, prefix in launchers:
            for command, args in COMMANDS.items():
                label = f"{name}: {launcher} {command}"
                # run in the tree: ``-m`` puts the folder first on sys.path; its content/
                out.append(Case(label, [*prefix, *args], _env(tree), tree, command))
    return out


def run_once(case: Case) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of *case*."""
    start = time.perf_counter()
    process = subprocess.Popen(case.argv, env=case.env, cwd=case.cwd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        again = subprocess.run(case.argv, env=case.env, cwd=case.cwd, capture_output=True,
                               text=True)
        raise SystemExit(f"{case.label} failed ({process.returncode}): {again.stderr[-500:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def quartiles(values: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]


def report(all_cases: list[Case]) -> None:
    base = all_cases[0]
    print(f"{'command':<52} {'median':>7} {'IQR':>15} {'min-max':>15} {'over pass (IQR)':>22}"
          f"  {'CPU, over pass':>15}")
    for case in all_cases:
        ms = [t * 1000 for t in case.times]
        q1, q3 = quartiles(ms)
        line = (f"{case.label:<52} {statistics.median(ms):7.0f} {q1:7.0f}-{q3:<7.0f} "
                f"{min(ms):7.0f}-{max(ms):<7.0f}")
        if case is not base:
            diffs = [(t - b) * 1000 for t, b in zip(case.times, base.times, strict=True)]
            d1, d3 = quartiles(diffs)
            over = statistics.median(diffs)
            mark = ""
            if case.command in TARGETED:
                mark = "  target met" if over <= TARGET_MS else "  TARGET MISSED"
            cpu = statistics.median(case.cpu) * 1000
            cpu_over = statistics.median(
                (c - b) * 1000 for c, b in zip(case.cpu, base.cpu, strict=True))
            line += f" {over:+7.0f} ({d1:+.0f}..{d3:+.0f})  {cpu:5.0f}, {cpu_over:+5.0f}{mark}"
        else:
            line += f" {'':22}  {statistics.median(case.cpu) * 1000:5.0f}"
        print(line)
    print(f"(milliseconds, {len(base.times)} interleaved runs each; medians; target: --help, "
          f"--version and validate within {TARGET_MS:.0f} ms of python -c pass, wall time; CPU: "
          f"user + system time of the process, which a busy machine inflates less; load "
          f"average {os.getloadavg()[0]:.1f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="runs of each command (>= 20)")
    parser.add_argument("--script", action="store_true",
                        help="also time the installed lsdocs console script")
    parser.add_argument("--tree", type=Path, action="append", default=[],
                        help="another lsdocs checkout to time in the same rounds")
    args = parser.parse_args(argv)
    script = _console_script() if args.script else None
    if args.script and script is None:
        print("no lsdocs script on PATH; timing python -m lsdocs only", file=sys.stderr)
    trees = [("this", ROOT), *((str(t), t.resolve()) for t in args.tree)]
    all_cases = cases(trees, script)
    for case in all_cases:  # warm-up: caches, compiled catalogs, the page cache
        run_once(case)
    for _ in range(args.runs):
        for case in all_cases:
            wall, cpu = run_once(case)
            case.times.append(wall)
            case.cpu.append(cpu)
    report(all_cases)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
