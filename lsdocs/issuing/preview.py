"""``lsdocs preview``: PNG images of a document's pages, for a quick look and for tests.

The .docx goes through the same one-process LibreOffice conversion as
``lsdocs pdf`` (into a temporary folder), then ``pdftoppm`` draws the pages
scaled so that the longer side is *size* pixels: an A4 portrait page is always
707 x 1000 at the default size, a landscape page 1000 x 707.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from lsdocs.errors import Location, Problem, T, UsageError
from lsdocs.issuing.pdf import PdfError, page_count, render_pdfs, require, require_tools
from lsdocs.names import DEFAULT_PREVIEW_SIZE
from lsdocs.render.output import write_atomic

DEFAULT_SIZE = DEFAULT_PREVIEW_SIZE


def preview(document: Path, *, page: int | None = None, out_dir: Path | None = None,
            size: int = DEFAULT_SIZE) -> list[Path]:
    """Write ``<stem>-trang-<N>.png`` for every page (or page *page*); return the paths."""
    if not document.is_file():
        raise UsageError(Problem(Location(file=str(document)), T("không có tệp này"),
                                 code="missing-file"))
    with tempfile.TemporaryDirectory(prefix="lsdocs-preview-") as tmp:
        work = Path(tmp)
        pdf = document if document.suffix.lower() == ".pdf" else render_pdfs(
            require_tools(), [document], work)[0]
        pages = _pages(document, pdf, page)
        images = _draw(pdf, pages, work / "png", size)
        target = out_dir or document.parent
        written = []
        for number, image in zip(pages, images, strict=True):
            path = target / f"{document.stem}-trang-{number}.png"
            write_atomic(path, image.read_bytes())
            written.append(path)
    return written


def _pages(document: Path, pdf: Path, page: int | None) -> list[int]:
    total = page_count(pdf)
    if page is None:
        return list(range(1, total + 1))
    if not 1 <= page <= total:
        raise UsageError(Problem(Location(file=str(document)), T(
            "không có trang {n}: văn bản có {t} trang", n=page, t=total), code="no-such-page"))
    return [page]


def _draw(pdf: Path, pages: list[int], out: Path, size: int) -> list[Path]:
    pdftoppm = require("pdftoppm", "poppler-utils")
    out.mkdir()
    images = []
    for number in pages:
        prefix = out / f"p{number}"
        done = subprocess.run(
            [pdftoppm, "-png", "-singlefile", "-f", str(number), "-l", str(number),
             "-scale-to", str(size), str(pdf), str(prefix)],
            capture_output=True, check=False, timeout=120)
        image = prefix.with_suffix(".png")
        if done.returncode != 0 or not image.is_file():
            raise PdfError(Problem(Location(file=str(pdf)), T(
                "pdftoppm không vẽ được trang {n} ({e})",
                n=number, e=done.stderr.decode("utf-8", "replace").strip()), code="preview"))
        images.append(image)
    return images
