"""The pages of a laid-out PDF, read with poppler: lines of words with their boxes
(``pdftotext -bbox-layout``) and the share of ink of each page (``pdftoppm`` at 10 dpi)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from lsdocs.errors import Location, LsdocsError, Problem, T

_XHTML = "{http://www.w3.org/1999/xhtml}"
#: a pixel darker than this (of 255) is ink
DARK = 160


class PageReadError(LsdocsError):
    """poppler could not read the PDF LibreOffice made."""

    exit_code = 2


@dataclass
class Line:
    words: list[str]
    x_min: float
    x_max: float
    y_min: float
    y_max: float

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    ink: float = 0.0  # share of dark pixels
    #: paper edges ("left", "right", "bottom") with ink on their outermost pixels
    edges: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        return sum(len(line.words) for line in self.lines)


def poppler() -> tuple[str, str] | None:
    """pdftotext and pdftoppm, or None when poppler is not installed."""
    text, image = shutil.which("pdftotext"), shutil.which("pdftoppm")
    return (text, image) if text and image else None


def no_poppler() -> Problem:
    return Problem(Location(), T(
        "không đọc được bản dàn trang: chưa cài poppler (pdftotext, pdftoppm); cài gói "
        "poppler-utils (Debian/Ubuntu: sudo apt-get install poppler-utils) rồi chạy lại"),
        code="render-no-poppler")


def read_pages(pdf: Path) -> list[Page]:
    """Every page of *pdf*; :class:`PageReadError` when poppler is missing or fails."""
    tools = poppler()
    if tools is None:
        raise PageReadError(no_poppler())
    pdftotext, pdftoppm = tools
    done = subprocess.run([pdftotext, "-bbox-layout", str(pdf), "-"], capture_output=True,
                          check=False, timeout=120)
    try:
        pages = _parse_bbox(done.stdout)
    except ElementTree.ParseError:
        pages = []
    if done.returncode != 0 or not pages:
        raise PageReadError(Problem(Location(), T(
            "không đọc được bản dàn trang LibreOffice tạo ra ({e})",
            e=done.stderr.decode("utf-8", "replace").strip()[:200] or "0 trang"),
            code="render-unreadable-pdf"))
    with tempfile.TemporaryDirectory() as temp:
        subprocess.run([pdftoppm, "-r", "10", "-gray", str(pdf), f"{temp}/p"], check=False,
                       capture_output=True, timeout=120)
        images = sorted(Path(temp).glob("p*.pgm"))
        for page, image in zip(pages, images, strict=False):
            data = image.read_bytes()
            page.ink, page.edges = ink(data), inked_edges(data)
    return pages


def _parse_bbox(data: bytes) -> list[Page]:
    root = ElementTree.fromstring(data)
    pages: list[Page] = []
    for number, el in enumerate(root.iter(f"{_XHTML}page"), 1):
        page = Page(number, float(el.get("width", "0")), float(el.get("height", "0")))
        for line in el.iter(f"{_XHTML}line"):
            words = [w.text or "" for w in line.iter(f"{_XHTML}word")]
            if words:
                page.lines.append(Line(words, *(float(line.get(k, "0")) for k in (
                    "xMin", "xMax", "yMin", "yMax"))))
        pages.append(page)
    return pages


def _pixels(pgm: bytes) -> tuple[int, int, bytes] | None:
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    if not fields:
        return None
    return int(fields[1]), int(fields[2]), pgm[fields.end():]


def ink(pgm: bytes) -> float:
    """Share of dark pixels of a binary PGM (P5) image."""
    image = _pixels(pgm)
    if image is None:
        return 1.0
    pixels = image[2]
    return sum(1 for value in pixels if value < DARK) / max(len(pixels), 1)


def inked_edges(pgm: bytes) -> tuple[str, ...]:
    """The sides whose outermost pixel column or row (2.5 mm at 10 dpi) holds ink: a table
    border or a picture running past the paper edge (margins are at least 15 mm)."""
    image = _pixels(pgm)
    if image is None:
        return ()
    width, height, pixels = image
    if len(pixels) < width * height or not width or not height:
        return ()
    sides = {"left": pixels[0::width][:height], "right": pixels[width - 1::width][:height],
             "bottom": pixels[(height - 1) * width:height * width]}
    return tuple(side for side, line in sides.items() if min(line) < DARK)
