"""``lsdocs check --render``: page-level checks on a real layout made by LibreOffice.

All files are laid out by **one** headless LibreOffice process
(:func:`lsdocs.check.soffice.lay_out`), then each PDF page is read with poppler
(:mod:`lsdocs.check.pdfpages`).  Checked per page:

- R47: a blank or nearly empty page (few words and almost no ink);
- R48: words cut off at the paper edge, and words of the document that do not appear
  on any page at all (pushed out of a cell or off the page by tabs and indents);
- R10, R11: the Quốc hiệu or the Tiêu ngữ broken over two lines; R13: an agency name
  line broken so that one word stands alone on the next line;
- R19: Số and the date not on one baseline;
- R37: a page number on page 1, or no page number on any later page.

Cost (``bench/bench_render.py``): one LibreOffice start (about 3 s) plus about 0.1 s per
page, against ~50 pages/s for the static check.  A file LibreOffice cannot open or that
makes it hang, or a missing LibreOffice/poppler, is a :class:`~lsdocs.errors.Problem`
for that file; the other files are still laid out and checked.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lsdocs.check.findings import CheckReport, Finding, Issue
from lsdocs.check.pdfpages import (
    Line,
    Page,
    PageReadError,
    no_poppler,
    poppler,
    read_pages,
)
from lsdocs.check.rules import RULES_BY_ID
from lsdocs.check.soffice import lay_out
from lsdocs.check.text_keys import key, nfc, squash
from lsdocs.errors import Location, Problem, T, Text

__all__ = ["Line", "Page", "read_pages", "render_all", "render_reports", "add_rendered"]

#: a page with at most this many words and this share of dark pixels is nearly empty
EMPTY_WORDS, EMPTY_INK = 15, 0.002
#: baselines closer than this (points) are one line
SAME_LINE = 3.0
#: the top band where page numbers sit (points; the top margin is 20–25 mm ≈ 57–71 pt)
TOP_BAND = 75.0


def render_all(paths: Sequence[Path], workdir: Path) -> dict[Path, Path]:
    """Lay every file out with one LibreOffice process; the PDFs made, by source (files
    LibreOffice could not lay out are left out)."""
    laid = lay_out(paths, workdir)
    return {path: pdf for path, pdf in zip(paths, laid, strict=True) if isinstance(pdf, Path)}


def render_reports(items: Sequence[tuple[Path, CheckReport]]) -> list[CheckReport | Problem]:
    """Each report with the page-level findings of its file's layout added, or the problem
    that kept that file from being laid out or read (the others are still checked)."""
    if not items:
        return []
    if poppler() is None:
        return [_for_file(path, no_poppler()) for path, _ in items]
    done: dict[int, CheckReport | Problem] = {}

    def read(index: int, pdf: Path) -> None:  # runs while LibreOffice lays out the next file
        path, report = items[index]
        try:
            done[index] = add_rendered(report, read_pages(pdf), expected_of(path))
        except PageReadError as exc:
            done[index] = _for_file(path, exc.problems[0])

    with tempfile.TemporaryDirectory(prefix="lsdocs-render-") as temp:
        laid = lay_out([path for path, _ in items], Path(temp), ready=read)
    # lay_out handed every PDF it made to read()
    return [result if isinstance(result, Problem) else done[index]
            for index, result in enumerate(laid)]


def _for_file(path: Path, problem: Problem) -> Problem:
    return replace(problem, location=Location(file=str(path)))


@dataclass(frozen=True)
class Expected:
    """What the document itself says its layout should show."""

    words: Counter[str]
    #: (rule, line text, whether only a lone word on the next line counts as a wrap, the
    #: message when it wraps)
    lines: tuple[tuple[str, str, bool, Text], ...] = ()


@dataclass(frozen=True)
class PageIssue:
    rule: str
    page: int
    issue: Issue


def _where(page: Page) -> Text:
    return T("trang {n} (bản dàn trang)", n=page.number)


def page_issues(pages: list[Page], expected: Expected | None = None) -> list[PageIssue]:
    found: list[PageIssue] = []
    for page in pages:
        found.extend(_empty(page))
        found.extend(_cut_off(page))
    if pages:
        found.extend(_page_numbers(pages))
        found.extend(_first_page(pages[0], expected))
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
    if cut:
        return [PageIssue("R48", page.number, Issue(
            _where(page), T("Chữ bị cắt ở mép giấy trên bản dàn trang"),
            T("{n} dòng, ví dụ «{t}»", n=len(cut), t=cut[0].text[:40]),
            T("mọi chữ nằm trong trang")))]
    if page.edges:
        sides = ", ".join(_SIDES[side] for side in page.edges)
        return [PageIssue("R48", page.number, Issue(
            _where(page), T("Nội dung (đường kẻ bảng, hình) chạm tới mép giấy và bị cắt khi in "
                            "trên bản dàn trang"), T("mép {s}", s=sides),
            T("mọi nội dung nằm trong lề")))]
    return []


_SIDES = {"left": "trái", "right": "phải", "bottom": "dưới"}


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


def _first_page(page: Page, expected: Expected | None) -> list[PageIssue]:
    found: list[PageIssue] = []
    top = [line for line in page.lines if line.y_max < page.height / 3]
    if expected is not None and expected.lines:
        found.extend(_wrapped_lines(page, top, expected))
    else:  # no header table was read: the Quốc hiệu is found by its words
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


def _wrapped_lines(page: Page, top: list[Line], expected: Expected) -> list[PageIssue]:
    found: list[PageIssue] = []
    for rule, text, lone_only, name in expected.lines:
        pair = wrapped(top, text)
        if pair is None or (lone_only and len(pair[1].words) > 1):
            continue
        found.append(PageIssue(rule, 1, Issue(_where(page), name,
                                              T("«{a}» / «{b}»", a=pair[0].text, b=pair[1].text),
                                              T("một dòng"))))
    return found


def wrapped(lines: list[Line], text: str) -> tuple[Line, Line] | None:
    """The two laid-out lines *text* (one line in the document) was broken over, or None
    when it shows on one line (or cannot be found at all)."""
    want = squash(text)
    shown = [squash(line.text) for line in lines]
    if not want or any(want in line for line in shown):
        return None
    for line, head in zip(lines, shown, strict=True):
        if not head or len(head) >= len(want) or not want.startswith(head + " "):
            continue
        rest = want[len(head):].strip()
        height = line.y_max - line.y_min
        for other, tail in zip(lines, shown, strict=True):
            below = line.y_max - height / 2 < other.y_min < line.y_max + height
            if below and tail and (rest == tail or rest.startswith(tail + " ")
                                   or tail.startswith(rest + " ")):
                return line, other
    return None


def add_rendered(report: CheckReport, pages: list[Page],
                 expected: Expected | None = None) -> CheckReport:
    """*report* with the page-level findings of its layout added; an estimate the static
    check already made (R19 Số/date, R10/R11 wrapped Quốc hiệu or Tiêu ngữ, R47 blank
    pages, R48 past the edge) is not repeated.  In a compilation only the first page's
    rules apply to page 1 (the others are per letter)."""
    static = {f.rule for f in report.findings if f.rule in ("R19", "R47", "R48") or (
        f.rule in ("R10", "R11") and "xuống dòng" in f.message.vi)}
    added = []
    lost = lost_words(pages, expected.words) if expected is not None else []
    for item in page_issues(pages, expected) + lost:
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


def expected_of(path: Path) -> Expected:
    """The words the document shows in its body and tables (field results left out) and
    the header lines that must each stay on one line."""
    from lsdocs.check.docmodel import Paragraph
    from lsdocs.check.header_table import find_header
    from lsdocs.check.runner import open_document, read_path

    doc = open_document(read_path(path), str(path))
    words: Counter[str] = Counter()
    for para in doc.all_paragraphs():
        if para.container.kind in ("header", "footer"):
            continue
        text = nfc("".join(r.display for r in para.runs if not r.field))
        words.update(w for w in _WORD.findall(text) if any(ch.isalnum() for ch in w))
    header, _ = find_header(doc)
    lines: list[tuple[str, str, bool, Text]] = []
    if header is not None:
        named: list[tuple[str, Paragraph | None, bool, Text]] = [
            ("R10", header.quoc_hieu, False,
             T("Quốc hiệu bị xuống dòng trên bản dàn trang")),
            ("R11", header.tieu_ngu, False, T("Tiêu ngữ bị xuống dòng trên bản dàn trang"))]
        named += [("R13", line, True, T("Tên cơ quan bị xuống dòng, một chữ đứng riêng ở dòng "
                                        "dưới trên bản dàn trang")) for line in header.agency]
        for rule, item, lone, name in named:
            if item is not None:
                lines.extend((rule, part, lone, name) for part in item.display.split("\n")
                             if part.strip())
    return Expected(words, tuple(lines))


def document_words(path: Path) -> Counter[str]:
    """The words the document shows in its body and tables (field results left out)."""
    return expected_of(path).words


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
