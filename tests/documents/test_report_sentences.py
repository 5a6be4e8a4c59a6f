"""Report sentences as a văn thư writes them: one «về», no state said twice, plain deadlines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lsdocs.content import load_plan
from lsdocs.documents.report_common import product_citation
from lsdocs.progress.records import ProductDocument

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


def test_an_agency_report_says_a_state_once_and_deadlines_in_lower_case(tmp_path: Path) -> None:
    import docx

    import lsdocs

    path = lsdocs.write_report(PLAN, "bao-cao-co-quan", 2025, agency="snnmt", date="09/12/2025",
                               output_dir=tmp_path)
    document = docx.Document(str(path.path))
    text = [p.text for p in document.paragraphs]
    line = next(p for p in text if p.startswith("- Nhiệm vụ 3.4"))
    assert line.endswith("(thời hạn: năm 2026): chưa triển khai.")
    assert "Chưa triển khai. Chưa triển khai" not in "\n".join(text)
    annex = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any(c.endswith("(thời hạn: 2024 - 2030)") for c in annex)
    assert not any("(thời hạn: Năm" in c or "(thời hạn: Quý" in c for c in annex)


def test_one_open_task_is_not_called_tasks(tmp_path: Path) -> None:
    import docx

    import lsdocs

    path = lsdocs.write_report(PLAN, "bao-cao-co-quan", 2024, agency="skhdt", date="10/12/2024",
                               output_dir=tmp_path)
    text = [p.text for p in docx.Document(str(path.path)).paragraphs]
    assert ("Tiếp tục triển khai, hoàn thành nhiệm vụ chưa hoàn thành (nhiệm vụ 5.3) theo Kế "
            "hoạch số 182/KH-UBND ngày 06/9/2023 của UBND tỉnh.") in text
