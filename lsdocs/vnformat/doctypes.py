"""Document types and their abbreviations (Decree 30, Điều 7 and Phụ lục III, Mục I).

The codes are written exactly as in the decree's table, mixed case included
(``CTr``, ``TTr``, ``QyĐ``, ``TrS``).  Công văn and thư công have no code.
The abbreviations of Thông tư 01/2011 (GN, TTh, UQ, GT, NP, TS) are obsolete.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from lsdocs.vnformat.text import nfc
from lsdocs.vnformat.tones import hoa_key


class DocType(NamedTuple):
    """A kind of administrative document: file-name slug, name, type code."""

    slug: str
    name: str
    code: str | None


_TYPES = (
    DocType("nghi-quyet", "Nghị quyết", "NQ"),
    DocType("quyet-dinh", "Quyết định", "QĐ"),
    DocType("chi-thi", "Chỉ thị", "CT"),
    DocType("quy-che", "Quy chế", "QC"),
    DocType("quy-dinh", "Quy định", "QyĐ"),
    DocType("thong-cao", "Thông cáo", "TC"),
    DocType("thong-bao", "Thông báo", "TB"),
    DocType("huong-dan", "Hướng dẫn", "HD"),
    DocType("chuong-trinh", "Chương trình", "CTr"),
    DocType("ke-hoach", "Kế hoạch", "KH"),
    DocType("phuong-an", "Phương án", "PA"),
    DocType("de-an", "Đề án", "ĐA"),
    DocType("du-an", "Dự án", "DA"),
    DocType("bao-cao", "Báo cáo", "BC"),
    DocType("bien-ban", "Biên bản", "BB"),
    DocType("to-trinh", "Tờ trình", "TTr"),
    DocType("hop-dong", "Hợp đồng", "HĐ"),
    DocType("cong-dien", "Công điện", "CĐ"),
    DocType("ban-ghi-nho", "Bản ghi nhớ", "BGN"),
    DocType("ban-thoa-thuan", "Bản thỏa thuận", "BTT"),
    DocType("giay-uy-quyen", "Giấy ủy quyền", "GUQ"),
    DocType("giay-moi", "Giấy mời", "GM"),
    DocType("giay-gioi-thieu", "Giấy giới thiệu", "GGT"),
    DocType("giay-nghi-phep", "Giấy nghỉ phép", "GNP"),
    DocType("phieu-gui", "Phiếu gửi", "PG"),
    DocType("phieu-chuyen", "Phiếu chuyển", "PC"),
    DocType("phieu-bao", "Phiếu báo", "PB"),
    DocType("ban-sao-y", "Bản sao y", "SY"),
    DocType("ban-trich-sao", "Bản trích sao", "TrS"),
    DocType("ban-sao-luc", "Bản sao lục", "SL"),
    DocType("cong-van", "Công văn", None),
    DocType("thu-cong", "Thư công", None),
)

#: Every document type by slug, e.g. ``TYPE_CODES["ke-hoach"].code == "KH"``.
TYPE_CODES: Mapping[str, DocType] = MappingProxyType({t.slug: t for t in _TYPES})

_BY_NAME = {hoa_key(t.name): t for t in _TYPES}
_BY_CODE = {t.code: t for t in _TYPES if t.code}


def type_from_title(title: str) -> DocType | None:
    """Return the type whose name is *title* (any case, either tone placement).

    Spaces around and inside the title are normalised; ``None`` if unknown.

    >>> type_from_title("KẾ HOẠCH").slug
    'ke-hoach'
    >>> type_from_title("BẢN THOẢ THUẬN").code
    'BTT'
    >>> type_from_title("THÔNG TƯ") is None
    True
    """
    return _BY_NAME.get(hoa_key(re.sub(r"\s+", " ", title).strip()))


def type_from_code(code: str) -> DocType | None:
    """Return the type with the abbreviation *code*, matched case-sensitively.

    ``None`` if unknown; the case matters because ``CTr`` is not ``CTR``.

    >>> type_from_code("QĐ").slug
    'quyet-dinh'
    >>> type_from_code("CTR") is None
    True
    """
    return _BY_CODE.get(nfc(code).strip())


def lookup_type(slug: str) -> DocType:
    """Return the type for *slug*, or raise ``ValueError`` naming the known slugs.

    >>> lookup_type("to-trinh").code
    'TTr'
    """
    try:
        return TYPE_CODES[slug]
    except KeyError:
        known = ", ".join(TYPE_CODES)
        raise ValueError(f"unknown document type {slug!r}; known types: {known}") from None
