"""Document types and codes (lsdocs.vnformat.doctypes)."""

from __future__ import annotations

import pytest

from lsdocs.vnformat import TYPE_CODES, DocType, slugify, type_from_code, type_from_title

# Phụ lục III, Mục I of Decree 30, plus the two types without a code
DECREE_TABLE = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
    "Bản sao y": "SY",
    "Bản trích sao": "TrS",
    "Bản sao lục": "SL",
    "Công văn": None,
    "Thư công": None,
}


def test_every_type_of_the_decree_table_is_known_with_its_code() -> None:
    assert {t.name: t.code for t in TYPE_CODES.values()} == DECREE_TABLE


def test_slugs_are_the_slugified_names() -> None:
    assert all(slug == slugify(t.name) == t.slug for slug, t in TYPE_CODES.items())


@pytest.mark.parametrize(
    ("slug", "name", "code"),
    [
        ("ke-hoach", "Kế hoạch", "KH"),
        ("bao-cao", "Báo cáo", "BC"),
        ("quyet-dinh", "Quyết định", "QĐ"),
        ("to-trinh", "Tờ trình", "TTr"),
        ("chuong-trinh", "Chương trình", "CTr"),
        ("quy-dinh", "Quy định", "QyĐ"),
        ("giay-moi", "Giấy mời", "GM"),
        ("cong-van", "Công văn", None),
        ("thu-cong", "Thư công", None),
    ],
)
def test_type_codes(slug: str, name: str, code: str | None) -> None:
    assert TYPE_CODES[slug] == DocType(slug, name, code)


def test_type_codes_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        TYPE_CODES["ke-hoach"] = DocType("x", "x", "X")  # type: ignore[index]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        pytest.param("KẾ HOẠCH", "ke-hoach", id="upper-case-title"),
        pytest.param("Kế hoạch", "ke-hoach", id="name-case"),
        pytest.param("  BÁO   CÁO ", "bao-cao", id="extra-spaces"),
        pytest.param("TỜ TRÌNH", "to-trinh", id="to-trinh"),
        pytest.param("QUYẾT ĐỊNH", "quyet-dinh", id="quyet-dinh"),
        pytest.param("GIẤY MỜI", "giay-moi", id="giay-moi"),
        pytest.param("BẢN THOẢ THUẬN", "ban-thoa-thuan", id="old-tone-placement"),
        pytest.param("GIẤY UỶ QUYỀN", "giay-uy-quyen", id="old-placement-uy"),
        pytest.param("K\u00ca\u0301 HOA\u0323CH", "ke-hoach", id="nfd-title"),
    ],
)
def test_type_from_title(title: str, slug: str) -> None:
    found = type_from_title(title)
    assert found is not None and found.slug == slug


@pytest.mark.parametrize("title", ["THÔNG TƯ", "KẾ HOẠCH SỐ 1", ""])
def test_type_from_title_unknown_is_none(title: str) -> None:
    assert type_from_title(title) is None


@pytest.mark.parametrize(
    ("code", "slug"),
    [
        ("KH", "ke-hoach"),
        ("QĐ", "quyet-dinh"),
        ("CTr", "chuong-trinh"),
        ("QyĐ", "quy-dinh"),
        ("TrS", "ban-trich-sao"),
        ("GGT", "giay-gioi-thieu"),
    ],
)
def test_type_from_code(code: str, slug: str) -> None:
    found = type_from_code(code)
    assert found is not None and found.slug == slug


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("CTR", id="case-matters"),
        pytest.param("Ctr", id="secondary-site-spelling"),
        pytest.param("GT", id="obsolete-2011-code"),
        pytest.param("TTh", id="obsolete-ttth"),
        pytest.param("", id="empty"),
    ],
)
def test_type_from_code_unknown_is_none(code: str) -> None:
    assert type_from_code(code) is None
