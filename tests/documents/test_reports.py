"""Annual reports: agency report and consolidated report, rendered from progress records."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from lsdocs.check import check_bytes
from lsdocs.content import load_plan
from lsdocs.content.model import Content
from lsdocs.errors import ContentError, UsageError
from lsdocs.progress.records import PlanProgress
from lsdocs.reports import (
    Report,
    render_agency_report,
    render_consolidated_report,
    report_status,
    write_report,
)
from tests.documents import progress_fixture as pf

PLAN = Path(__file__).resolve().parents[2] / "content" / "kh-182-2023.yaml"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_plan(PLAN)


@pytest.fixture(scope="module")
def progress() -> PlanProgress:
    return pf.progress()


def _consolidated(content: Content, progress: PlanProgress, year: int) -> Report:
    return render_consolidated_report(report_status(content, progress, year))


def _agency(content: Content, progress: PlanProgress, year: int, agency: str) -> Report:
    return render_agency_report(report_status(content, progress, year), agency)


def _text(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs if p.text.strip()]


def _annex_rows(data: bytes) -> list[list[str]]:
    document = docx.Document(io.BytesIO(data))
    table = document.tables[-1]
    return [[c.text for c in row.cells] for row in table.rows][1:]


@pytest.mark.parametrize("year", [2024, 2025])
def test_consolidated_report_passes_the_checker_without_warnings(content, progress, year):
    report = _consolidated(content, progress, year)
    found = check_bytes(report.data, report.name).problems()
    assert found == []


@pytest.mark.parametrize(("year", "agency"), [(2024, "snnptnt"), (2024, "syt"),
                                              (2025, "stnmt"), (2025, "sct")])
def test_agency_report_passes_the_checker_without_warnings(content, progress, year, agency):
    report = _agency(content, progress, year, agency)
    assert check_bytes(report.data, report.name).problems() == []


def test_reports_are_byte_identical_on_rerun(content, progress):
    assert _consolidated(content, progress, 2024).data == \
        _consolidated(content, progress, 2024).data
    assert _agency(content, progress, 2024, "syt").data == \
        _agency(content, progress, 2024, "syt").data


def test_consolidated_report_is_from_the_so_to_ubnd_tinh(content, progress):
    text = _text(_consolidated(content, progress, 2024).data)
    assert "BÁO CÁO" in text
    assert ("Kết quả thực hiện Kế hoạch số 182/KH-UBND ngày 06/9/2023 của UBND tỉnh năm 2024"
            in text)
    assert "Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn." in text
    assert "Số liệu báo cáo tính từ ngày 15/12/2023 đến ngày 14/12/2024." in text
    assert "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025" in text
    document = docx.Document(io.BytesIO(_consolidated(content, progress, 2024).data))
    header = document.tables[0].rows[1].cells[0].text
    assert header.strip().endswith("/BC-SKHCN")


def test_agency_report_of_a_2023_agency_in_2025_is_issued_by_its_successor(content, progress):
    report = _agency(content, progress, 2025, "stnmt")
    assert report.name == "bao-cao-co-quan-2025-snnmt.docx"
    document = docx.Document(io.BytesIO(report.data))
    head = " ".join(document.tables[0].rows[0].cells[0].text.split())
    assert "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" in head
    assert document.tables[0].rows[1].cells[0].text.strip().endswith("/BC-SNNMT")
    tasks = [row[0] for row in _annex_rows(report.data)]
    assert "3.1" in tasks and "3.4" in tasks
    text = "\n".join(_text(report.data))
    assert "Kính gửi: Sở Khoa học và Công nghệ." in text
    # The former agency is named only as the one whose task the successor took over.
    assert text.count("Sở Tài nguyên và Môi trường") == \
        text.count("(tiếp nhận nhiệm vụ của Sở Tài nguyên và Môi trường)") == 1


def test_merged_agencies_tasks_are_counted_once_under_the_successor(content, progress):
    rows = _annex_rows(_consolidated(content, progress, 2025).data)
    ids = [r[0] for r in rows if re.fullmatch(r"\d+\.\d+", r[0])]
    assert len(ids) == len(set(ids))
    leads = {r[0]: r[2] for r in rows if r[0] in ("3.1", "3.4")}
    assert leads == {
        "3.1": "Sở Nông nghiệp và Môi trường (tiếp nhận nhiệm vụ của Sở Nông nghiệp và Phát "
               "triển nông thôn)",
        "3.4": "Sở Nông nghiệp và Môi trường (tiếp nhận nhiệm vụ của Sở Tài nguyên và Môi "
               "trường)",
    }
    text = "\n".join(_text(_consolidated(content, progress, 2025).data))
    assert text.count("- Sở Nông nghiệp và Môi trường:") == 1


def test_agency_report_cites_products_and_money_in_words(content, progress):
    text = "\n".join(_text(_agency(content, progress, 2024, "snnptnt").data))
    assert ("Kế hoạch số 125/KH-SNN ngày 15/3/2024 về ứng dụng công nghệ sinh học trong sản "
            "xuất nông nghiệp năm 2024") in text
    assert "350.000.000 đồng (Ba trăm năm mươi triệu đồng)" in text
    assert "Nguyễn Văn B" in "\n".join(
        c.text for t in docx.Document(io.BytesIO(
            _agency(content, progress, 2024, "snnptnt").data)).tables for r in t.rows
        for c in r.cells)


def test_no_zero_counts_and_no_lone_first_heading(content, progress):
    for year in (2024, 2025):
        paragraphs = _text(_consolidated(content, progress, year).data)
        for agency in ("sct",):
            paragraphs += _text(_agency(content, progress, year, agency).data)
        joined = "\n".join(paragraphs)
        assert not re.search(r"\b0+ nhiệm vụ", joined)
        numbered = [p for p in paragraphs if re.match(r"^\d\. ", p)]
        starts = [p for p in numbered if p.startswith("1. ")]
        seconds = [p for p in numbered if p.startswith("2. ")]
        assert len(starts) == len(seconds) or len(seconds) >= len(starts)
        lettered = [p for p in paragraphs if re.match(r"^[a-zđ]\) ", p)]
        if lettered:
            assert any(p.startswith("b) ") for p in lettered)


def test_missing_record_names_the_expected_file(content, progress):
    status = report_status(content, progress, 2024)
    with pytest.raises(UsageError) as caught:
        render_agency_report(status, "snv")
    assert "tien-do/kh-182-2023/2024/snv.yaml" in caught.value.format("vi")


def test_collector_is_sent_to_the_consolidated_report(content, progress):
    with pytest.raises(UsageError) as caught:
        render_agency_report(report_status(content, progress, 2024), "skhcn")
    assert "report tong-hop" in caught.value.format("vi")


def test_unknown_agency_lists_the_choices(content, progress):
    with pytest.raises(UsageError) as caught:
        render_agency_report(report_status(content, progress, 2024), "sytt")
    message = caught.value.format("vi")
    assert "syt" in message and "--agency" in message


def test_missing_signature_names_the_file_and_key(content):
    records = pf.records_2024()
    records["syt"] = pf._record(2024, "syt", records["syt"].tasks, signature=None)
    status = report_status(content, PlanProgress("kh-182-2023", {2024: records}), 2024)
    with pytest.raises(ContentError) as caught:
        render_agency_report(status, "syt")
    message = caught.value.format("vi")
    assert "content/tien-do/kh-182-2023/2024/syt.yaml" in message and "signature" in message


def test_year_before_the_plan_is_a_usage_error(content, progress):
    with pytest.raises(UsageError):
        report_status(content, progress, 2022)


def test_consolidated_report_carries_a_native_chart(content, progress):
    data = _consolidated(content, progress, 2024).data
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert any(n.startswith("word/charts/chart") for n in names)
    assert "[[BIEU_DO]]" not in "\n".join(_text(data))


def test_write_report_writes_under_bao_cao(content, progress, tmp_path):
    path = write_report(_consolidated(content, progress, 2024), tmp_path, "kh-182-2023")
    assert path == tmp_path / "kh-182-2023" / "bao-cao" / "bao-cao-tong-hop-2024.docx"
    assert path.read_bytes()[:2] == b"PK"


def test_a_year_without_any_record_says_so_without_zero_counts(content):
    status = report_status(content, PlanProgress("kh-182-2023", {}), 2023)
    data = render_consolidated_report(status).data
    text = "\n".join(_text(data))
    assert "Chưa có cơ quan, đơn vị chủ trì nhiệm vụ nào gửi báo cáo" in text
    assert not re.search(r"\b0+(/| nhiệm vụ| cơ quan)", text)
    assert check_bytes(data, "bao-cao-tong-hop-2023.docx").problems() == []
