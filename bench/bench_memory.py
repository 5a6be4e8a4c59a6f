"""Benchmark: peak memory of a whole ``lsdocs batch`` at 100, 1,000 and 10,000 agencies.

    python bench/bench_memory.py [--sizes 100,1000,10000] [--reps 3] [--content DIR] [--cached]

Each measurement is one child process running ``lsdocs batch giao-nhiem-vu``
with 1 job into a temporary folder (the CLI's own code path: content loading,
planning, every letter, manifest); its peak resident memory is read from
``os.wait4``.  The sizes are run interleaved (100, 1k, 10k, 100, 1k, …) for
``--reps`` repetitions; printed are the median peak per size, the spread
(min–max) and the ratio of the 10,000 to the 1,000 peak (target: at most 2).
The child reads and checks the content (``LSDOCS_NO_CACHE=1``); with
``--cached`` it uses the content an untimed earlier run kept
(:mod:`lsdocs.content_cache`), as a repeated command on unchanged content does.

The synthetic content has 10 tasks per agency (:mod:`tools.synthetic`);
``--content`` keeps it between runs (writing 10,000 agencies takes minutes).
At 10,000 agencies the registry and plan files are larger than the content
size limit (:data:`lsdocs.limits.MAX_CONTENT_BYTES`) and hold more values than
:data:`lsdocs.limits.MAX_YAML_NODES`: the child raises both limits, and only
those, before running the CLI.  This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = """
import sys
import lsdocs.limits as limits
limits.MAX_CONTENT_BYTES = 64 << 20
limits.MAX_YAML_NODES = 10_000_000
from lsdocs.cli import main
sys.argv = ["lsdocs"] + sys.argv[1:]
main()
"""


def content_for(folder: Path, agencies: int) -> Path:
    """The synthetic plan for *agencies* in *folder*, written once.

    Written by a child process: a forked child starts with its parent's
    resident memory, so this process must stay small for wait4 to be fair.
    """
    target = folder / f"a{agencies}"
    plan = target / "plan.yaml"
    if not plan.exists():
        print(f"writing synthetic content for {agencies} agencies…", flush=True)
        subprocess.run([sys.executable, "-m", "tools.synthetic", str(target),
                        "--agencies", str(agencies)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    return plan


def peak_mib(plan: Path, cache: Path | None = None) -> tuple[float, float]:
    """(peak RSS in MiB, seconds) of one batch child process.

    Without *cache* the child reads and checks the content (``LSDOCS_NO_CACHE=1``);
    with it, the content kept in that folder by an earlier run is used.
    """
    with tempfile.TemporaryDirectory(prefix="lsdocs-mem-") as out:
        args = [sys.executable, "-c", CHILD, "batch", "giao-nhiem-vu", str(plan),
                "--date", "29/11/2026", "-j", "1", "-q", "-o", out]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LSDOCS_NO_CACHE": "1"}
        if cache is not None:
            env.update(LSDOCS_NO_CACHE="", LSDOCS_CACHE_DIR=str(cache))
        start = time.perf_counter()
        child = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
        assert child.stderr is not None
        errors = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise SystemExit(f"batch failed ({child.returncode}): {errors.decode()[-2000:]}")
        return usage.ru_maxrss / 1024, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--content", type=Path, help="folder keeping the synthetic content")
    parser.add_argument("--cached", action="store_true",
                        help="measure runs that use the content kept by an earlier run "
                             "(lsdocs.content_cache) instead of reading it")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = args.content or Path(tempfile.mkdtemp(prefix="lsdocs-mem-content-"))
    plans = {n: content_for(folder, n) for n in sizes}
    cache = None
    if args.cached:
        cache = Path(tempfile.mkdtemp(prefix="lsdocs-mem-cache-"))
        for n in sizes:
            peak_mib(plans[n], cache)  # untimed: keeps the loaded content

    peaks: dict[int, list[float]] = {n: [] for n in sizes}
    times: dict[int, list[float]] = {n: [] for n in sizes}
    for rep in range(args.reps):
        for n in sizes:
            mib, seconds = peak_mib(plans[n], cache)
            peaks[n].append(mib)
            times[n].append(seconds)
            print(f"rep {rep + 1}: {n:6} agencies  peak {mib:7.1f} MiB  {seconds:6.1f} s",
                  flush=True)

    print(f"\n{'agencies':>8} {'peak MiB (median)':>18} {'spread':>16} {'KiB/agency':>11} "
          f"{'seconds':>8}")
    base = min(sizes)
    for n in sizes:
        med = statistics.median(peaks[n])
        per = (med - statistics.median(peaks[base])) * 1024 / (n - base) if n > base else 0.0
        print(f"{n:8} {med:18.1f} {min(peaks[n]):7.1f}–{max(peaks[n]):<7.1f} {per:11.1f} "
              f"{statistics.median(times[n]):8.1f}")
    if 1000 in peaks and 10000 in peaks:
        ratios = [b / a for a, b in zip(peaks[1000], peaks[10000], strict=True)]
        print(f"\npeak 10,000 / 1,000 agencies: {statistics.median(ratios):.2f}x "
              f"(spread {min(ratios):.2f}–{max(ratios):.2f}; target ≤ 2)")


if __name__ == "__main__":
    main()
