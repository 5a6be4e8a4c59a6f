"""Throughput of ``lsdocs check --render`` (a script, not a timed test).

Lays the same files out (LibreOffice → PDF) and reads their pages (poppler) in two ways,
interleaved, *reps* times each, and prints medians with their spread:

- one LibreOffice process for all files (what ``check --render f1 f2 …`` does);
- the baseline: one LibreOffice process per file (what a loop over ``soffice
  --convert-to`` would cost).

    python bench/bench_render.py [--files 6] [--reps 3]

The files are lsdocs' own eleven-page plans and one-page công văn, half and half.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "check"))

from nd30_builder import build_cong_van, build_plan  # noqa: E402

from lsdocs.check.pdfpages import read_pages  # noqa: E402
from lsdocs.check.soffice import lay_out  # noqa: E402


def make_files(folder: Path, count: int) -> list[Path]:
    plan, letter = build_plan(repeat=8), build_cong_van()
    paths = []
    for index in range(count):
        path = folder / f"doc{index}.docx"
        path.write_bytes(plan if index % 2 == 0 else letter)
        paths.append(path)
    return paths


def one_process(paths: list[Path], work: Path) -> int:
    """Pages laid out and read, with one LibreOffice process for every file; each PDF is
    read while LibreOffice lays out the next file (as ``check --render`` does)."""
    pages: list[int] = []
    lay_out(paths, work, ready=lambda index, pdf: pages.append(len(read_pages(pdf))))
    return sum(pages)


def process_per_file(paths: list[Path], work: Path) -> int:
    pages = 0
    for index, path in enumerate(paths):
        [pdf] = lay_out([path], work / f"w{index}")
        if isinstance(pdf, Path):
            pages += len(read_pages(pdf))
    return pages


def timed(action: Callable[[list[Path], Path], int], paths: list[Path]) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(prefix="lsdocs-bench-") as temp:
        start = time.perf_counter()
        pages = action(paths, Path(temp))
        return time.perf_counter() - start, pages


def summary(name: str, seconds: list[float], files: int, pages: int) -> float:
    rates = sorted(files / s for s in seconds)
    median = statistics.median(rates)
    print(f"{name:<28} {median:6.2f} files/s  ({pages / statistics.median(seconds):5.1f} "
          f"pages/s; spread {rates[0]:.2f}–{rates[-1]:.2f} files/s over {len(rates)} reps)")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=6, help="files per measurement")
    parser.add_argument("--reps", type=int, default=3, help="interleaved repetitions (>= 3)")
    args = parser.parse_args()
    reps = max(3, args.reps)
    with tempfile.TemporaryDirectory(prefix="lsdocs-bench-src-") as temp:
        paths = make_files(Path(temp), args.files)
        runs: dict[str, list[float]] = {"one": [], "per-file": []}
        pages = 0
        for _ in range(reps):  # interleaved, so drift hits both ways alike
            seconds, pages = timed(one_process, paths)
            runs["one"].append(seconds)
            seconds, _ = timed(process_per_file, paths)
            runs["per-file"].append(seconds)
    print(f"--render on {args.files} files, {pages} pages:")
    one = summary("one process for all files", runs["one"], args.files, pages)
    each = summary("one process per file", runs["per-file"], args.files, pages)
    print(f"ratio one/per-file:          {one / each:6.2f}")


if __name__ == "__main__":
    main()
