"""Headers typed with tabs and spaces (no table): the words of ô 1–4 are still checked.

Real công văn are often laid out with tabs: «ỦY BAN NHÂN DÂN⇥CỘNG HÒA XÃ HỘI …».  The
layout (:mod:`lsdocs.check.layout`) finds those paragraphs; here the Quốc hiệu, Tiêu ngữ,
Số and date are read from them.  Fonts and positions are not measured.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lsdocs.check.checks.measures import quoted
from lsdocs.check.context import Context
from lsdocs.check.findings import Issue
from lsdocs.check.text_keys import QUOC_HIEU, TIEU_NGU, squash
from lsdocs.errors import T, Text

SO_RE = re.compile(r"^Số: ?(\d+|[\s.…]+)/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ][A-Za-zĐđ0-9]*)+$")
_BLANK = r"[\s.…]*"
#: «<Địa danh>, ngày DD tháng M năm YYYY»; in a draft the day, the month or both
#: may be left blank (nd30-format.md §3.4), the year may be blank too
DATE_RE = re.compile(r"^(?P<place>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^,]*), ngày(?P<day> (0[1-9]|[12]\d|3[01]) |"
                     + _BLANK + r")tháng(?P<month> (01|02|[3-9]|1[0-2]) |" + _BLANK
                     + r")năm( \d{4}|" + _BLANK + r")$")


def place_of(text: str) -> str:
    return squash(text.split(",", 1)[0]) if "," in text else ""


def wanted_date(place: str) -> Text:
    return T("«{p}, ngày DD tháng M năm YYYY» (ngày < 10 và tháng 1, 2 thêm số 0)",
             p=place or "<Địa danh>")


_QH_TEXT = re.compile(r"CỘNG\s+HO?[ÒÀ]A?\s+XÃ\s+HỘI.*?VIỆT\s+NAM", re.IGNORECASE)
_TN_TEXT = re.compile(r"Độc\s+lập.*?Hạnh\s+phúc", re.IGNORECASE)
_SO_TEXT = re.compile(r"\bSố\s*[:.]?[\s.…]*\d*[\s.…]*/\s*[^\s]+")
_DATE_TEXT = re.compile(r"(?:^|\t|\s{2,})([^\t,]{2,40}, ngày\b.*?)\s*$")


def typed_header(ctx: Context, rule: str) -> Iterator[Issue]:
    """The words of a header typed with tabs and spaces (no table): Quốc hiệu, Tiêu ngữ,
    Số and date are read from the lines; their fonts and places are not measured."""
    for para in ctx.layout.header_paragraphs:
        text = para.display
        where = ctx.where.para(para)
        if rule == "R10" and (found := _QH_TEXT.search(text)):
            words = squash(found.group(0))
            if words != QUOC_HIEU:
                old_tone = words.replace("HOÀ", "HÒA") == QUOC_HIEU
                yield Issue(where, T("Quốc hiệu viết «HOÀ» (dấu đặt kiểu cũ)") if old_tone else
                            T("Quốc hiệu viết sai"),
                            quoted(words), quoted(QUOC_HIEU), old_tone)
        if rule == "R11" and (found := _TN_TEXT.search(text)):
            words = squash(found.group(0))
            if words != TIEU_NGU:
                yield Issue(where, T("Tiêu ngữ viết sai hoặc sai dấu gạch nối"), quoted(words),
                            quoted(TIEU_NGU))
        so = _SO_TEXT.search(text)
        if rule == "R15" and so:
            number = re.sub(r"^Số\s*[:.]?\s*", "Số: ", squash(so.group(0)))
            number = re.sub(r"^Số: [\s.…]*/", "Số:    /", number)
            if not SO_RE.match(number):
                yield Issue(where, T("Số, ký hiệu không đúng dạng"), quoted(squash(so.group(0))),
                            T("«Số: <số>/<ký hiệu>»"))
        date = _DATE_TEXT.search(text[so.end():] if so else text)
        if rule == "R18" and date and not DATE_RE.match(squash(date.group(1))):
            found_date = squash(date.group(1))
            yield Issue(where, T("Địa danh, ngày tháng năm không đúng dạng"), quoted(found_date),
                        wanted_date(place_of(found_date)))


def typed_same_line(ctx: Context) -> Iterator[Issue]:
    paras = ctx.layout.header_paragraphs
    so = next((p for p in paras if _SO_TEXT.search(p.display)), None)
    date = next((p for p in paras if _DATE_TEXT.search(p.display) or re.match(
        r"^[^,]{2,40}, ngày\b", p.display)), None)
    if so is not None and date is not None and so is not date:
        yield Issue(ctx.where.para(date), T("Số, ký hiệu và ngày tháng không cùng một dòng"),
                    T("hai đoạn khác nhau"),
                    T("cùng một dòng (ô 3 và ô 4)"))
