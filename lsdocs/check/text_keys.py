"""Vietnamese text helpers for the checker: comparison keys, snippets, patterns.

No I/O.  Comparison keys fold the old/new tone-mark placement (``HOÀ``/``HÒA``,
``UỶ``/``ỦY``), case, dashes and runs of spaces, so a component is *found*
even when it is written wrongly; the rules then say what is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

#: Tên loại văn bản hành chính → viết tắt (NĐ 30, Phụ lục III, Mục I)
TYPE_CODES = {
    "NGHỊ QUYẾT": "NQ", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ", "THÔNG CÁO": "TC", "THÔNG BÁO": "TB", "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr", "KẾ HOẠCH": "KH", "PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA", "BÁO CÁO": "BC", "BIÊN BẢN": "BB", "TỜ TRÌNH": "TTr", "HỢP ĐỒNG": "HĐ",
    "CÔNG ĐIỆN": "CĐ", "BẢN GHI NHỚ": "BGN", "BẢN THỎA THUẬN": "BTT", "GIẤY ỦY QUYỀN": "GUQ",
    "GIẤY MỜI": "GM", "GIẤY GIỚI THIỆU": "GGT", "GIẤY NGHỈ PHÉP": "GNP", "PHIẾU GỬI": "PG",
    "PHIẾU CHUYỂN": "PC", "PHIẾU BÁO": "PB",
}
#: type names with no abbreviation: thư công (Điều 7 lists it, Phụ lục III gives no code) and
#: phiếu trình, the internal submission slip used in practice alongside the phiếu of Phụ lục III
UNCODED_TYPES = ("THƯ CÔNG", "PHIẾU TRÌNH")
#: document kinds the checker knows, by title
KIND_BY_TYPE = {"KẾ HOẠCH": "ke-hoach", "BÁO CÁO": "bao-cao", "QUYẾT ĐỊNH": "quyet-dinh",
                "TỜ TRÌNH": "to-trinh", "GIẤY MỜI": "giay-moi"}
URGENCY_MARKS = ("HỎA TỐC", "THƯỢNG KHẨN", "KHẨN")
VN_POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"

_TONE_VARIANTS = {
    "OÀ": "ÒA", "OÁ": "ÓA", "OẢ": "ỎA", "OÃ": "ÕA", "OẠ": "ỌA",
    "OÈ": "ÒE", "OÉ": "ÓE", "OẺ": "ỎE", "OẼ": "ÕE", "OẸ": "ỌE",
    "UỲ": "ÙY", "UÝ": "ÚY", "UỶ": "ỦY", "UỸ": "ŨY", "UỴ": "ỤY",
}
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")

ROMAN_HEADING = re.compile(r"^[IVXLC]+\.\s")
KHOAN_HEADING = re.compile(r"^\d+(\.\d+)*\.\s")
DIEM_HEADING = re.compile(r"^([a-zđ])\)\s")
PART_HEADING = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+([IVXLC]+|\d+)\.?$")
DIEU_HEADING = re.compile(r"^Điều\s+\d+\.")
LETTER_PART = re.compile(r"^[A-Z]\.\s")
APPENDIX_LABEL = re.compile(r"^Phụ\s+lục(\s+(\S+))?$", re.IGNORECASE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """Comparison key: NFC, upper case, one space, ASCII hyphen, new tone placement."""
    folded = _SPACES.sub(" ", _DASHES.sub("-", nfc(text))).strip().upper()
    for old, new in _TONE_VARIANTS.items():
        folded = folded.replace(old, new)
    return folded


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """NFC with runs of whitespace made one space, stripped."""
    return _SPACES.sub(" ", nfc(text)).strip()


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def is_upper(text: str) -> bool:
    """True when the text has letters and none of them is lower case."""
    return has_letters(text) and text == text.upper()


def snippet(text: str, words: int = 6) -> str:
    """The first *words* words of *text* (dashes do not count), quoted «…».

    >>> snippet("Độc lập - Tự do - Hạnh phúc")
    '«Độc lập - Tự do - Hạnh phúc»'
    >>> snippet("Giao Sở Khoa học và Công nghệ theo dõi")
    '«Giao Sở Khoa học và Công…»'
    """
    parts = squash(text).split(" ")
    count, shown = 0, []
    for part in parts:
        if count == words:
            break
        shown.append(part)
        count += any(ch.isalnum() for ch in part)
    cut = len(shown) < len(parts)
    return "«" + " ".join(shown) + ("…" if cut else "") + "»"


def type_name(text: str) -> str | None:
    """The tên loại a title names (``KẾ HOẠCH``), matched on the comparison key."""
    wanted = key(text).rstrip(":")
    for name in (*TYPE_CODES, *UNCODED_TYPES):
        if key(name) == wanted:
            return name
    return None


def urgency_mark(text: str) -> str | None:
    if not text or len(text) > 14:
        return None
    wanted = key(text)
    for mark in URGENCY_MARKS:
        if key(mark) == wanted:
            return mark
    return None


def roman_value(numeral: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not numeral or any(ch not in values for ch in numeral):
        return None
    total = 0
    for i, ch in enumerate(numeral):
        value = values[ch]
        total += -value if i + 1 < len(numeral) and values[numeral[i + 1]] > value else value
    return total


_COMBINING = re.compile("[\u0300-\u036f]")


def has_combining(text: str) -> bool:
    return _COMBINING.search(text) is not None
