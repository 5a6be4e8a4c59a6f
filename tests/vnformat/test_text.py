"""Unicode form, case and file-name ids (lsdocs.vnformat.text)."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

import pytest

from lsdocs.vnformat import nfc, nfc_deep, sentence_case, slugify, upper_vi


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def is_nfc(s: str) -> bool:
    return unicodedata.is_normalized("NFC", s)


@pytest.mark.parametrize(
    "text",
    ["Lạng Sơn", "Ủy ban nhân dân", "Độc lập - Tự do - Hạnh phúc", "ĐỒNG ĐĂNG", ""],
)
def test_nfc_recomposes_decomposed_text(text: str) -> None:
    decomposed = nfd(text)
    assert nfc(decomposed) == text
    assert is_nfc(nfc(decomposed))


class Pair(NamedTuple):
    left: str
    right: object


def test_nfc_deep_normalises_keys_values_and_nested_containers() -> None:
    data = {nfd("tên"): [nfd("Lạng Sơn"), {"x": (nfd("Hòa"), 3)}], "n": None}
    assert nfc_deep(data) == {"tên": ["Lạng Sơn", {"x": ("Hòa", 3)}], "n": None}


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(42, id="int"),
        pytest.param(None, id="none"),
        pytest.param(2.5, id="float"),
        pytest.param(b"L\xe1", id="bytes"),
    ],
)
def test_nfc_deep_returns_other_values_unchanged(value: object) -> None:
    assert nfc_deep(value) is value


def test_nfc_deep_keeps_named_tuples() -> None:
    result = nfc_deep(Pair(nfd("Sơn"), [nfd("Hòa")]))
    assert result == Pair("Sơn", ["Hòa"])
    assert type(result) is Pair


def test_nfc_deep_does_not_modify_its_argument() -> None:
    data = [nfd("Sơn")]
    nfc_deep(data)
    assert data == [nfd("Sơn")]


UPPER_CASES = [
    pytest.param("ủy ban nhân dân tỉnh lạng sơn", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", id="agency"),
    pytest.param("kế hoạch", "KẾ HOẠCH", id="title"),
    pytest.param("đề án đường", "ĐỀ ÁN ĐƯỜNG", id="d-with-stroke"),
    pytest.param(
        nfd("ủy ban nhân dân tỉnh lạng sơn"), "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", id="nfd-input"
    ),
    pytest.param("V/v triển khai", "V/v TRIỂN KHAI", id="keeps-V/v"),
    pytest.param("thực hiện 88-CTr/TU", "THỰC HIỆN 88-CTr/TU", id="keeps-CTr-symbol"),
    pytest.param("theo tờ trình số 12/TTr-UBND", "THEO TỜ TRÌNH SỐ 12/TTr-UBND", id="keeps-TTr"),
    pytest.param("ban hành 05/QyĐ-UBND", "BAN HÀNH 05/QyĐ-UBND", id="keeps-QyĐ"),
    pytest.param("bản 07/TrS-VP,", "BẢN 07/TrS-VP,", id="keeps-TrS-with-comma"),
    pytest.param("số 182/kh-ubnd", "SỐ 182/KH-UBND", id="upper-cases-plain-symbols"),
    pytest.param("ctrl ttrang", "CTRL TTRANG", id="code-letters-inside-words-are-not-codes"),
    pytest.param("a  b\tc\n", "A  B\tC\n", id="keeps-whitespace"),
]


@pytest.mark.parametrize(("text", "expected"), UPPER_CASES)
def test_upper_vi(text: str, expected: str) -> None:
    assert upper_vi(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("kết quả thực hiện", "Kết quả thực hiện", id="first-letter"),
        pytest.param("ủy ban nhân dân", "Ủy ban nhân dân", id="accented-first-letter"),
        pytest.param("đề án", "Đề án", id="d-with-stroke"),
        pytest.param(nfd("lạng sơn"), "Lạng sơn", id="nfd-input-is-not-broken"),
        pytest.param(
            "triển khai Nghị quyết tại tỉnh Lạng Sơn",
            "Triển khai Nghị quyết tại tỉnh Lạng Sơn",
            id="keeps-inner-capitals",
        ),
        pytest.param("thực hiện KẾ HOẠCH", "Thực hiện KẾ HOẠCH", id="does-not-lower-the-rest"),
        pytest.param("  (đợt 2)", "  (Đợt 2)", id="skips-leading-punctuation"),
        pytest.param("2025 - năm", "2025 - Năm", id="first-letter-after-digits"),
        pytest.param("", "", id="empty"),
        pytest.param("123", "123", id="no-letters"),
    ],
)
def test_sentence_case(text: str, expected: str) -> None:
    assert sentence_case(text) == expected


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        pytest.param("Sở Khoa học và Công nghệ", "so-khoa-hoc-va-cong-nghe", id="agency"),
        pytest.param("ĐỒNG ĐĂNG", "dong-dang", id="upper-d-with-stroke"),
        pytest.param(nfd("Lạng Sơn"), "lang-son", id="nfd-input"),
        pytest.param("KH 182/KH-UBND", "kh-182-kh-ubnd", id="symbol"),
        pytest.param("  --Hòa   bình!!  ", "hoa-binh", id="trims-and-collapses-dashes"),
        pytest.param("Ưu tiên ươm tạo", "uu-tien-uom-tao", id="horn-letters"),
        pytest.param("Năm 2026", "nam-2026", id="digits"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_caps_length_at_80_on_a_dash() -> None:
    slug = slugify("Kế hoạch " * 20)
    assert len(slug) <= 80
    assert not slug.endswith("-")
    assert slug.split("-")[-1] in {"ke", "hoach"}


def test_slugify_cuts_one_long_word_at_80() -> None:
    assert slugify("a" * 100) == "a" * 80


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("  ", id="spaces"),
        pytest.param("—/…", id="punctuation"),
    ],
)
def test_slugify_rejects_text_without_letters_or_digits(text: str) -> None:
    with pytest.raises(ValueError, match="file-name id"):
        slugify(text)
