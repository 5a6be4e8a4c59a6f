"""Benchmark: PDFs of a 100-letter batch, one LibreOffice process vs one process per file.

    python bench/bench_pdf.py [--letters 100] [--baseline 20]

The letters are made by ``python -m lsdocs batch giao-nhiem-vu`` on synthetic
content (tools/synthetic.py: one agency per letter, 10 tasks each).  lsdocs
converts the whole batch with one ``soffice`` start (lsdocs.issuing.pdf); the
baseline starts ``soffice --convert-to pdf`` once per file, with the same
private profile, on the first *--baseline* letters (reported per document, so
the two rates compare).  A warm-up conversion runs first so neither side pays
for creating the profile.  Printed: documents per second and the ratio, both
from this run.  This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_letters(work: Path, count: int) -> list[Path]:
    from tools.synthetic import write_synthetic

    plan = write_synthetic(work / "content", count)
    subprocess.run([sys.executable, "-m", "lsdocs", "batch", "giao-nhiem-vu", str(plan),
                    "-o", str(work / "out"), "--date", "29/11/2026", "--quiet"],
                   check=True, cwd=ROOT, capture_output=True)
    letters = sorted((work / "out").glob("*/giao-nhiem-vu/*.docx"))
    return letters[:count]


def one_process(soffice: str, letters: list[Path], profile: Path, work: Path) -> float:
    from lsdocs.issuing.pdf import render_pdfs

    start = time.perf_counter()
    made = render_pdfs(soffice, letters, work, profile=profile)
    elapsed = time.perf_counter() - start
    assert len(made) == len(letters)
    return elapsed


def one_per_file(soffice: str, letters: list[Path], profile: Path, out: Path) -> float:
    start = time.perf_counter()
    for letter in letters:
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out), str(letter)],
                       check=True, capture_output=True, timeout=300)
    elapsed = time.perf_counter() - start
    assert len(list(out.glob("*.pdf"))) == len(letters)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--letters", type=int, default=100)
    parser.add_argument("--baseline", type=int, default=20,
                        help="letters converted one soffice start each (the slow side)")
    args = parser.parse_args()

    from lsdocs.issuing.pdf import require_tools

    soffice = require_tools()
    work = Path(tempfile.mkdtemp(prefix="lsdocs-bench-pdf-"))
    try:
        letters = make_letters(work, args.letters)
        profile = work / "profile"
        one_per_file(soffice, letters[:1], profile, work / "warm")  # create the profile
        batch_seconds = one_process(soffice, letters, profile, work / "batch")
        sample = letters[:args.baseline]
        single_seconds = one_per_file(soffice, sample, profile, work / "single")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    batch_rate = len(letters) / batch_seconds
    single_rate = len(sample) / single_seconds
    print(f"{'way':34} {'docs':>5} {'seconds':>8} {'docs/s':>7}")
    print(f"{'lsdocs: one soffice for the batch':34} {len(letters):5d} {batch_seconds:8.1f} "
          f"{batch_rate:7.2f}")
    print(f"{'one soffice start per file':34} {len(sample):5d} {single_seconds:8.1f} "
          f"{single_rate:7.2f}")
    print(f"speed ratio one process / one per file: {batch_rate / single_rate:.1f}x")


if __name__ == "__main__":
    main()
