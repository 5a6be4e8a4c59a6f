"""Số, ký hiệu (lsdocs.vnformat.docnumber)."""

from __future__ import annotations

import pytest

from lsdocs import vnformat
from lsdocs.vnformat import document_symbol, number_line


@pytest.mark.parametrize(
    ("doc_type", "issuer", "unit", "symbol"),
    [
        pytest.param("ke-hoach", "UBND", None, "KH-UBND", id="ke-hoach"),
        pytest.param("bao-cao", "SKHCN", None, "BC-SKHCN", id="bao-cao-of-a-so"),
        pytest.param("quyet-dinh", "UBND", None, "QĐ-UBND", id="quyet-dinh"),
        pytest.param("to-trinh", "UBND", None, "TTr-UBND", id="to-trinh-mixed-case"),
        pytest.param("chuong-trinh", "UBND", None, "CTr-UBND", id="chuong-trinh-mixed-case"),
        pytest.param("giay-moi", "UBND", None, "GM-UBND", id="giay-moi"),
        pytest.param("ke-hoach", "UBND", "KGVX", "KH-UBND", id="unit-not-used-with-a-type-code"),
        pytest.param("cong-van", "UBND", "KGVX", "UBND-KGVX", id="cong-van-issuer-then-unit"),
        pytest.param("cong-van", "SKHCN", "VP", "SKHCN-VP", id="cong-van-of-a-so"),
        pytest.param("cong-van", " UBND ", "KT", "UBND-KT", id="spaces-trimmed"),
        pytest.param("thu-cong", "UBND", "VP", "UBND-VP", id="thu-cong-like-cong-van"),
    ],
)
def test_document_symbol(doc_type: str, issuer: str, unit: str | None, symbol: str) -> None:
    assert document_symbol(doc_type, issuer, unit) == symbol


@pytest.mark.parametrize(
    ("doc_type", "issuer", "unit", "message"),
    [
        pytest.param("cong-van", "UBND", None, "drafting unit", id="cong-van-needs-a-unit"),
        pytest.param("thong-tu", "UBND", None, "unknown document type", id="unknown-type"),
        pytest.param("KH", "UBND", None, "unknown document type", id="code-instead-of-slug"),
        pytest.param("ke-hoach", "", None, "issuer symbol", id="empty-issuer"),
        pytest.param("ke-hoach", "UB ND", None, "issuer symbol", id="space-in-issuer"),
        pytest.param("ke-hoach", "ubnd", None, "issuer symbol", id="lower-case-issuer"),
        pytest.param("cong-van", "UBND", "", "unit", id="empty-unit"),
        pytest.param("cong-van", "UBND", "KG/VX", "unit", id="slash-in-unit"),
    ],
)
def test_document_symbol_rejects(
    doc_type: str, issuer: str, unit: str | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        document_symbol(doc_type, issuer, unit)


@pytest.mark.parametrize(
    ("number", "symbol", "line"),
    [
        pytest.param(182, "KH-UBND", "Số: 182/KH-UBND", id="three-digits"),
        pytest.param(5, "KH-UBND", "Số: 05/KH-UBND", id="below-10-padded"),
        pytest.param(1, "UBND-KGVX", "Số: 01/UBND-KGVX", id="first-of-the-year"),
        pytest.param(10, "TTr-UBND", "Số: 10/TTr-UBND", id="ten-not-padded"),
        pytest.param(1234, "UBND-KT", "Số: 1234/UBND-KT", id="no-thousands-separator"),
        pytest.param(None, "KH-UBND", "Số:      /KH-UBND", id="draft-6-space-blank"),
    ],
)
def test_number_line(number: int | None, symbol: str, line: str) -> None:
    assert number_line(number, symbol) == line


@pytest.mark.parametrize(
    ("number", "symbol"),
    [
        pytest.param(0, "KH-UBND", id="zero"),
        pytest.param(-3, "KH-UBND", id="negative"),
        pytest.param(5.0, "KH-UBND", id="float"),
        pytest.param("05", "KH-UBND", id="string"),
        pytest.param(True, "KH-UBND", id="bool"),
        pytest.param(5, "", id="empty-symbol"),
        pytest.param(5, "KH UBND", id="space-in-symbol"),
        pytest.param(5, "KH-", id="dangling-dash"),
    ],
)
def test_number_line_rejects(number: object, symbol: str) -> None:
    with pytest.raises(ValueError):
        number_line(number, symbol)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("number", "symbol", "expected"),
    [(182, "KH-UBND", "182/KH-UBND"), (5, "UBND-KGVX", "05/UBND-KGVX"),
     (None, "KH-UBND", "      /KH-UBND")],
)
def test_number_symbol_as_cited_in_text(number, symbol, expected):
    assert vnformat.number_symbol(number, symbol) == expected
