"""``lsdocs check --render``: page-level checks on a real layout made by LibreOffice.

All files are laid out by **one** headless LibreOffice run (``soffice --convert-to
pdf`` with every file on its command line), then each PDF page is read with poppler
(``pdftotext -bbox-layout`` for the words and their boxes, ``pdftoppm`` at 10 dpi
for the ink).  Checked per page:

- R47: a blank or nearly empty page (few words and almost no ink);
- R48: words cut off at the paper edge, and words of the document that do not appear
  on any page at all (pushed out of a cell or off the page by tabs and indents);
- R10: the Quốc hiệu broken over two lines;
- R19: Số and the date not on one baseline;
- R37: a page number on page 1, or no page number on any later page.

Costs one LibreOffice start (a few seconds) plus 0.25–0.4 s per page (measured by
``bench/bench_check.py --render``), against ~50 pages/s for the static check.
Without ``soffice``/``pdftotext``/``pdftoppm`` the check says so (exit 2).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree import ElementTree

from lsdocs.check.findings import CheckReport, Finding, Issue
from lsdocs.check.rules import RULES_BY_ID
from lsdocs.check.text import key, nfc
from lsdocs.errors import Location, Problem, T, Text, UsageError

#: a page with at most this many words and this share of dark pixels is nearly empty
EMPTY_WORDS, EMPTY_INK = 15, 0.002
#: baselines closer than this (points) are one line
SAME_LINE = 3.0
#: the top band where page numbers sit (points; the top margin is 20–25 mm ≈ 57–71 pt)
TOP_BAND = 75.0
_XHTML = "{http://www.w3.org/1999/xhtml}"


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

    @property
    def words(self) -> int:
        return sum(len(line.words) for line in self.lines)


def tools() -> tuple[str, str, str]:
    """soffice, pdftotext and pdftoppm, or a UsageError naming what is missing."""
    found = [shutil.which("soffice") or shutil.which("libreoffice"), shutil.which("pdftotext"),
             shutil.which("pdftoppm")]
    if not all(found):
        raise UsageError(Problem(Location(), T(
            "--render cần LibreOffice (soffice) và poppler (pdftotext, pdftoppm)")))
    return found[0], found[1], found[2]  # type: ignore[return-value]


def render_all(paths: Sequence[Path], workdir: Path) -> dict[Path, Path]:
    """Lay every file out with one LibreOffice run; returns the PDFs made, by source."""
    soffice, _, _ = tools()
    inputs = workdir / "in"
    inputs.mkdir()
    names: dict[Path, Path] = {}
    for index, path in enumerate(paths):
        copy = inputs / f"f{index:04d}.docx"
        shutil.copyfile(path, copy)
        names[path] = workdir / f"f{index:04d}.pdf"
    profile = workdir / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(workdir),
                    *sorted(str(p) for p in inputs.iterdir())],
                   check=False, capture_output=True, timeout=120 + 20 * len(paths))
    return {src: pdf for src, pdf in names.items() if pdf.is_file()}


def read_pages(pdf: Path) -> list[Page]:
    _, pdftotext, pdftoppm = tools()
    done = subprocess.run([pdftotext, "-bbox-layout", str(pdf), "-"], capture_output=True,
                          check=False, timeout=120)
    pages = _parse_bbox(done.stdout)
    with tempfile.TemporaryDirectory() as temp:
        subprocess.run([pdftoppm, "-r", "10", "-gray", str(pdf), f"{temp}/p"], check=False,
                       capture_output=True, timeout=120)
        images = sorted(Path(temp).glob("p*.pgm"))
        for page, image in zip(pages, images, strict=False):
            page.ink = _ink(image.read_bytes())
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


def _ink(pgm: bytes) -> float:
    """Share of dark pixels of a binary PGM (P5) image."""
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    if not fields:
        return 1.0
    pixels = pgm[fields.end():]
    return sum(1 for value in pixels if value < 160) / max(len(pixels), 1)


@dataclass(frozen=True)
class PageIssue:
    rule: str
    page: int
    issue: Issue


def _where(page: Page) -> Text:
    return T("trang {n} (bản dàn trang)", n=page.number)


def page_issues(pages: list[Page]) -> list[PageIssue]:
    found: list[PageIssue] = []
    for page in pages:
        found.extend(_empty(page))
        found.extend(_cut_off(page))
    if pages:
        found.extend(_page_numbers(pages))
        found.extend(_first_page(pages[0]))
    return found


def _empty(page: Page) -> list[PageIssue]:
    body = [line for line in page.lines if not (line.y_max < TOP_BAND and line.text.isdigit())]
    words = sum(len(line.words) for line in body)
    if words <= EMPTY_WORDS and page.ink < EMPTY_INK:
        return [PageIssue("R47", page.number, Issue(
            _where(page), T("Trang trống hoặc gần như trống trên bản dàn trang"),
            T("{n} chữ", n=words),
            T("không để trang trống")))]
    return []


def _cut_off(page: Page) -> list[PageIssue]:
    cut = [line for line in page.lines if line.x_max > page.width + 1 or line.x_min < -1]
    if not cut:
        return []
    return [PageIssue("R48", page.number, Issue(
        _where(page), T("Chữ bị cắt ở mép giấy trên bản dàn trang"),
        T("{n} dòng, ví dụ «{t}»", n=len(cut), t=cut[0].text[:40]),
        T("mọi chữ nằm trong trang")))]


def _numbers(page: Page) -> list[Line]:
    return [line for line in page.lines if line.y_max < TOP_BAND and line.text.isdigit()]


def _page_numbers(pages: list[Page]) -> list[PageIssue]:
    """A number on page 1; no number on any later page of a multi-page document (an
    appendix may hide its first number, so single pages without one are not reported)."""
    found: list[PageIssue] = []
    first = _numbers(pages[0])
    if first:
        found.append(PageIssue("R37", 1, Issue(_where(pages[0]), T(
            "Trang 1 có số trang trên bản dàn trang"), T("«{n}»", n=first[0].text),
                                               T("không có số trang ở trang 1"))))
    if len(pages) > 1 and not any(_numbers(page) for page in pages[1:]):
        found.append(PageIssue("R37", 2, Issue(_where(pages[1]), T(
            "Không trang nào có số trang ở đầu trang trên bản dàn trang"),
                                               T("{n} trang, không có số", n=len(pages)),
            T("số trang canh giữa ở lề trên từ trang 2"))))
    return found


def _first_page(page: Page) -> list[PageIssue]:
    found: list[PageIssue] = []
    top = [line for line in page.lines if line.y_max < page.height / 3]
    qh = next((line for line in top if "CỘNG HÒA XÃ HỘI" in key(line.text)), None)
    if qh is not None and "VIỆT NAM" not in key(qh.text):
        found.append(PageIssue("R10", 1, Issue(_where(page), T(
            "Quốc hiệu bị xuống hai dòng trên bản dàn trang"), T("«{t}»", t=qh.text),
            T("một dòng"))))
    so = next((line for line in top if re.match(r"^Số\s*:", line.text)), None)
    date = next((line for line in top if re.search(r", ngày\b", line.text)), None)
    if so is not None and date is not None and so is not date \
            and abs(so.y_max - date.y_max) > SAME_LINE:
        found.append(PageIssue("R19", 1, Issue(_where(page), T(
            "Số và ngày tháng không cùng một dòng trên bản dàn trang"), T("lệch {d:.0f} pt",
                d=abs(so.y_max - date.y_max)),
            T("cùng một dòng"))))
    return found


def add_rendered(report: CheckReport, pages: list[Page],
                 words: Counter[str] | None = None) -> CheckReport:
    """*report* with the page-level findings of its layout added; an estimate the static
    check already made (R19 Số/date, R10 wrapped Quốc hiệu, R47 blank pages, R48 past the
    edge) is not repeated.  In a
    compilation only the first page's rules apply to page 1 (the others are per letter)."""
    static = {f.rule for f in report.findings if f.rule in ("R19", "R47", "R48") or (
        f.rule == "R10" and "xuống dòng" in f.message.vi)}
    added = []
    lost = lost_words(pages, words) if words is not None else []
    for item in page_issues(pages) + lost:
        if item.rule in static or (report.documents and item.rule == "R37" and item.page > 1):
            continue  # a compilation restarts numbering: each letter's page 1 has none
        rule = RULES_BY_ID[item.rule]
        place: dict[str, object] = {"container": "page"}
        if item.page:
            place["page"] = item.page
        added.append(Finding(rule.id, rule.severity, rule.clause, item.issue.place,
                             item.issue.message, item.issue.found, item.issue.expected,
                             places=(item.issue.place,), structured=(place,)))
    return replace(report, findings=report.findings + added)


_WORD = re.compile(r"\w+")


def document_words(path: Path) -> Counter[str]:
    """The words the document shows in its body and tables (field results left out)."""
    from lsdocs.check.runner import open_document, read_path

    doc = open_document(read_path(path), str(path))
    words: Counter[str] = Counter()
    for para in doc.all_paragraphs():
        if para.container.kind in ("header", "footer"):
            continue
        text = nfc("".join(r.display for r in para.runs if not r.field))
        words.update(w for w in _WORD.findall(text) if any(ch.isalnum() for ch in w))
    return words


def lost_words(pages: list[Page], words: Counter[str]) -> list[PageIssue]:
    """Words of the document that no page shows: pushed out of their cell or off the page."""
    shown: Counter[str] = Counter()
    for page in pages:
        for line in page.lines:
            shown.update(_WORD.findall(nfc(line.text)))
    missing = [w for w in words if not shown[w]]
    if not missing:
        return []
    sample = " ".join(missing[:6])
    return [PageIssue("R48", 0, Issue(
        T("bản dàn trang"),
        T("Có chữ trong văn bản nhưng không hiện trên trang nào (bị đẩy ra ngoài ô hoặc mép "
          "giấy)"), T("{n} từ, ví dụ «{t}»", n=len(missing),
                           t=sample), T("mọi chữ hiện trên trang in")))]
