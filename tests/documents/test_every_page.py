"""Every page of every generated document earns its place, as LibreOffice prints it.

All documents (the plan, its appendix, every letter kind to every agency from
both issuers, dated before the 2025 mergers, just after and in 2026) go
through one LibreOffice call; pdftotext then reads each page.  No page may be
blank or hold only its number; the signature block never opens a page without
the last lines of the body; no document ends on a near-empty page.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lsdocs.documents import letter_contexts as L
from lsdocs.letter_writer import render_letter
from lsdocs.plan_writer import render_plan_documents

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are needed (make test installs them)",
)

DATES = [dt.date(2023, 10, 2), dt.date(2025, 3, 3), dt.date(2026, 11, 30)]
MIN_LAST_PAGE_LINES = 7  # a last page with less is a wasted sheet (a row or two and "./.")


def _write_all(shipped_content, folder: Path) -> list[Path]:
    files = []
    for name, data in render_plan_documents(shipped_content).items():
        files.append(folder / name)
        files[-1].write_bytes(data)
    for kind in L.LETTER_KINDS:
        for issuer in ("ubnd-tinh", "skhcn"):
            for date in DATES:
                options = L.LetterOptions(date=date, issuer=issuer, as_of=date, year=date.year)
                setup = L.setup(shipped_content, kind, options)
                for agency in [None] if kind == "trien-khai" else L.recipients(setup):
                    path = folder / f"{kind}-{issuer}-{date.year}-{agency or 'all'}.docx"
                    path.write_bytes(render_letter(setup, agency))
                    files.append(path)
    return files


@pytest.fixture(scope="module")
def printed(shipped_content, tmp_path_factory) -> dict[str, list[list[str]]]:
    work = tmp_path_factory.mktemp("every-page")
    files = _write_all(shipped_content, work)
    profile = (work / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), *map(str, files)],
                   check=True, capture_output=True, timeout=900)
    result = {}
    for source in files:
        pdf = source.with_suffix(".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        result[source.stem] = [_lines(page) for page in text.split("\f")[:-1]]
    return result


def _lines(page: str) -> list[str]:
    """The text lines of a page, without the page number."""
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    return [line for line in lines if not re.fullmatch(r"\d+", line)]


def test_every_document_was_printed(printed):
    assert len(printed) > 150 and all(printed.values())


def test_no_page_is_blank_or_only_a_number(printed):
    empty = [(name, i + 1) for name, pages in printed.items()
             for i, page in enumerate(pages) if not page]
    assert not empty


def test_the_signature_never_opens_a_page(printed):
    alone = [(name, i + 1) for name, pages in printed.items()
             for i, page in enumerate(pages) if i and page[0].startswith("Nơi nhận:")]
    assert not alone


def test_no_document_ends_on_a_near_empty_page(printed):
    short = [(name, len(pages[-1])) for name, pages in printed.items()
             if len(pages) > 1 and len(pages[-1]) < MIN_LAST_PAGE_LINES]
    assert not short
