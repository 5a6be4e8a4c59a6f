"""Is the file a Decree 30 administrative document at all?

NĐ 30/2020/NĐ-CP governs the administrative documents of state bodies.  Other
documents have their own format and would only drown in findings: Party
documents (Hướng dẫn 36-HD/VPTW), normative legal documents (their number
carries the year, ``30/2020/NĐ-CP``), citizens' petitions and declarations,
private business papers and registers.  :func:`out_of_scope` recognises them
from what the first lines say; the checker then reports that instead of
checking R01–R49.  An explicit ``--kind`` checks the file anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsdocs.check.docmodel import Document, Paragraph, Table
from lsdocs.check.text_keys import key
from lsdocs.errors import T, Text

#: blocks read from the start of the document
HEAD_BLOCKS = 14

_PARTY_NUMBER = re.compile(r"^SỐ\s*:?\s*[\d\s.…]*-[A-ZĐ]+/[A-ZĐ]")
_LEGAL_NUMBER = re.compile(r"^SỐ\s*:?\s*\d*[\s.…]*/\d{4}/[A-ZĐ]")
_CITIZEN_TITLE = re.compile(r"^(ĐƠN(?! VỊ)|TỜ KHAI|BẢN KHAI|BẢN CAM KẾT|GIẤY CAM ĐOAN|BẢN TƯỜNG "
                            r"TRÌNH|SƠ YẾU LÝ LỊCH)\b")
_REGISTER_TITLE = re.compile(r"^SỔ\s")
_BUSINESS = re.compile(r"\bCÔNG TY (TNHH|CỔ PHẦN|CP)\b|\bDOANH NGHIỆP TƯ NHÂN\b")
_STATE_WORDS = ("CỘNG HÒA", "ĐỘC LẬP")


@dataclass(frozen=True)
class Scope:
    """Why a file is not a Decree 30 administrative document."""

    category: str  # dang, qppl, cong-dan, doanh-nghiep, so-mau
    reason: Text


def _head_lines(doc: Document) -> list[str]:
    """The first lines (table cells and tab-separated parts), as written."""
    lines: list[str] = []
    for block in doc.blocks[:HEAD_BLOCKS]:
        if isinstance(block, Table):
            lines.extend(p.display for p in block.paragraphs() if not p.empty)
        elif isinstance(block, Paragraph) and not block.empty:
            lines.extend(part.strip() for part in re.split(r"\t|\s{4,}", block.display)
                         if part.strip())
    return lines


def _capitals(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _title(lines: list[str]) -> str:
    """The first short line in capitals naming a citizen's form or a register."""
    for line in lines:
        upper = key(line)
        if upper.startswith(_STATE_WORDS) or len(line.split()) > 12 or not _capitals(line):
            continue
        if _CITIZEN_TITLE.match(upper) or _REGISTER_TITLE.match(upper):
            return upper
    return ""


def out_of_scope(doc: Document) -> Scope | None:
    """The reason *doc* is not a Decree 30 administrative document, or None."""
    written = _head_lines(doc)
    lines = [key(line) for line in written]
    party = any(line.rstrip(" -*") == "ĐẢNG CỘNG SẢN VIỆT NAM" for line in lines)
    if party or any(_PARTY_NUMBER.match(line) for line in lines):
        return Scope("dang", T("văn bản của Đảng (thể thức theo Hướng dẫn 36-HD/VPTW), không "
                               "phải văn bản hành chính theo NĐ 30"))
    if any(_LEGAL_NUMBER.match(line) for line in lines):
        return Scope("qppl", T("văn bản quy phạm pháp luật (số có năm ban hành, ví dụ "
                               "«30/2020/NĐ-CP»): thể thức theo Luật Ban hành văn bản QPPL, "
                               "không theo NĐ 30"))
    if any(_BUSINESS.search(key(line)) and _capitals(line) for line in written[:6]):
        return Scope("doanh-nghiep", T("giấy tờ của doanh nghiệp, không phải văn bản của cơ quan "
                                       "nhà nước"))
    title = _title(lines)
    if _CITIZEN_TITLE.match(title):
        return Scope("cong-dan", T("đơn, tờ khai của công dân («{t}»), không phải văn bản hành "
                                   "chính của cơ quan", t=title))
    if _REGISTER_TITLE.match(title):
        return Scope("so-mau", T("mẫu sổ («{t}»), không phải văn bản hành chính", t=title))
    return None
