"""A product document is cited as a văn thư cites it: one «về», the issuer by name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lsdocs.content import load_plan
from lsdocs.documents.report_common import product_citation
from lsdocs.progress.model import ProductDocument

PLAN = Path(__file__).resolve().parents[2] / "content" / "kh-182-2023.yaml"


@pytest.mark.parametrize(("trich_yeu", "tail"), [
    ("Về việc giao dự toán thu, chi ngân sách nhà nước năm 2026",
     " về việc giao dự toán thu, chi ngân sách nhà nước năm 2026"),
    ("V/v triển khai Kế hoạch số 182/KH-UBND", " về việc triển khai Kế hoạch số 182/KH-UBND"),
    ("Ban hành Quy chế quản lý cơ sở dữ liệu.", " về ban hành Quy chế quản lý cơ sở dữ liệu"),
    ("UBND tỉnh giao dự toán", " về UBND tỉnh giao dự toán"),
])
def test_the_trich_yeu_follows_one_ve(trich_yeu: str, tail: str) -> None:
    content = load_plan(PLAN)
    product = ProductDocument("quyet-dinh", "2318/QĐ-UBND", dt.date(2025, 12, 9), trich_yeu,
                              "ubnd-tinh")
    cited = product_citation(product, content)
    assert cited == ("Quyết định số 2318/QĐ-UBND ngày 09/12/2025 của Ủy ban nhân dân tỉnh "
                     "Lạng Sơn" + tail)
    assert "về về" not in cited
