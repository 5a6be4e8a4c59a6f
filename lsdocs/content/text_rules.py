"""Content rules on well-typed text: capitals, signature lines, signer names.

Each rule takes the (NFC) text and returns a :class:`~lsdocs.content.schema.Finding`
when something is wrong, else ``None``.  The clause each comes from is in its
docstring (Nghị định 30/2020/NĐ-CP, Phụ lục I).
"""

from __future__ import annotations

import re

from lsdocs.content.schema import Finding
from lsdocs.errors import T
from lsdocs.vnformat.text import upper_vi

#: Authority prefixes of a signature block (ô 7a).
AUTHORITY_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")

_ACADEMIC = re.compile(
    r"(?:GS|PGS|TSKH|TS|ThS|Ths|THS|KS|BS|DS|CN|Dr|Prof|NGND|NGƯT)(?:\.|\s|,)", re.UNICODE
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def upper_case(text: str) -> Finding | None:
    """Header lines, signature title: capitals (ô 2, ô 7b)."""
    if text == upper_vi(text):
        return None
    return Finding(T("phải viết in hoa"),
                   expected=T("«{u}»", u=upper_vi(text)), code="not-upper")


#: About 6.5 cm of capitals at 13 pt bold (the header cell of ô 2).
HEADER_LINE_MAX = 25


def header_line(text: str) -> Finding | None:
    """A line of an issuing name: capitals, short enough for the header cell (ô 2)."""
    if len(text) <= HEADER_LINE_MAX:
        return upper_case(text)
    return upper_case(text) or Finding(
        T("dòng tên cơ quan dài {n} ký tự, có thể tràn ô tiêu đề (khoảng 6,5 cm)",
          n=len(text)),
        expected=T("tối đa khoảng {m} ký tự mỗi dòng; tách thành nhiều dòng",
                   m=HEADER_LINE_MAX),
        code="header-line-long", warning=True)


def authority_line(text: str) -> Finding | None:
    """A quyền hạn line: ``TM.``/``KT.``/``Q.``/``TL.``/``TUQ.`` then capitals (ô 7a)."""
    prefix = text.split(" ", 1)[0]
    if prefix.upper() not in AUTHORITY_PREFIXES:
        return Finding(T("dòng quyền hạn ký không bắt đầu bằng TM., KT., Q., TL. hoặc TUQ."),
                       expected=T("ví dụ «TM. ỦY BAN NHÂN DÂN», «KT. CHỦ TỊCH»"),
                       hint=T("chức vụ người ký ghi ở khóa title"),
                       code="signature-authority")
    return upper_case(text)


def signer_name(text: str) -> Finding | None:
    """No học hàm, học vị before the signer's name (ô 7c)."""
    if _ACADEMIC.match(text.strip() + " ") is None:
        return None
    return Finding(T("không ghi học hàm, học vị trước họ tên người ký"),
                   expected=T("chỉ họ và tên, ví dụ «Dương Xuân Huyên»"),
                   code="signer-title")


def sentence_case(text: str) -> Finding | None:
    """Trích yếu: sentence case, never the capitals web sites re-typeset it in (ô 5a)."""
    words = _WORD.findall(text)
    capitals = [w for w in words if w.isupper()]
    if len(words) >= 3 and len(capitals) * 2 > len(words):
        return Finding(T("trích yếu viết in hoa"),
                       expected=T("viết hoa chữ cái đầu câu và tên riêng, còn lại chữ thường"),
                       hint=T("các trang web thường in hoa lại trích yếu; hãy chép dạng câu "
                              "thường"), code="trich-yeu-capitals")
    if words and not text.lstrip()[:1].isupper():
        return Finding(T("trích yếu nên viết hoa chữ cái đầu"), code="trich-yeu-case", warning=True)
    return None
