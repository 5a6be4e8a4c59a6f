"""Benchmark of ``lsdocs check`` on a multi-page plan (a script, not a timed test).

Reports documents checked per second and compares them with a baseline measured
in the same run: opening the same file with python-docx (``docx.Document``),
which any checker built on python-docx would pay before checking anything.

    python bench/bench_check.py [--repeat 8] [--seconds 3] [--render 10]

``--render N`` also lays N copies out with one LibreOffice run (``check --render``) and
prints pages per second for the layout and the page reading, against the static check.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "check"))

from nd30_builder import build_plan  # noqa: E402

from lsdocs.check import check_bytes  # noqa: E402


def rate(action: Callable[[], object], seconds: float) -> float:
    """Calls per second of *action*, measured for about *seconds*."""
    action()  # warm-up (imports, caches)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        action()
        count += 1
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=8, help="body copies (pages ≈ repeat/2)")
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    parser.add_argument("--render", type=int, default=0, help="also time --render on N copies")
    args = parser.parse_args()
    data = build_plan(repeat=args.repeat)
    report = check_bytes(data, "bench.docx")
    paragraphs = len(docx.Document(io.BytesIO(data)).paragraphs)
    print(f"plan: {len(data)} bytes, {paragraphs} paragraphs, "
          f"{len(report.findings)} findings")
    baseline = rate(lambda: docx.Document(io.BytesIO(data)), args.seconds)
    checked = rate(lambda: check_bytes(data, "bench.docx"), args.seconds)
    print(f"baseline (python-docx open): {baseline:8.1f} documents/s")
    print(f"lsdocs check:                {checked:8.1f} documents/s")
    print(f"ratio check/open:            {checked / baseline:8.2f}")
    if args.render:
        render_rate(data, args.render, checked)


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
    print(f"render: {copies} files, {pages} pages; LibreOffice {laid:.1f} s, "
          f"with page reading {total:.1f} s")
    print(f"render pages/s:              {pages / total:8.1f} "
          f"(static check: {checked * pages / max(copies, 1):8.1f} pages/s)")


if __name__ == "__main__":
    main()
