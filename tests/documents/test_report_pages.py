"""The consolidated report as LibreOffice prints it: portrait body, landscape annex with
its header row on every page, the chart drawn, no near-empty page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lsdocs.progress.record_loader import load_progress
from lsdocs.reports import render_consolidated_report, report_status

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are needed (make test installs them)",
)


@pytest.fixture(scope="module")
def pdf(shipped_content, tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("report-pdf")
    status = report_status(shipped_content, load_progress(shipped_content), 2025)
    source = work / "bao-cao-tong-hop-2025.docx"
    source.write_bytes(render_consolidated_report(status).data)
    profile = (work / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(source)],
                   check=True, capture_output=True, timeout=240)
    return work / "bao-cao-tong-hop-2025.pdf"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def _landscape(pdf: Path) -> list[bool]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True,
                          capture_output=True, text=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    return [float(w) > float(h) for w, h in sizes]


def test_body_is_portrait_and_annex_landscape(pdf):
    pages = _pages(pdf)
    landscape = _landscape(pdf)
    annex = next(i for i, p in enumerate(pages) if "BIỂU TỔNG HỢP KẾT QUẢ" in p)
    assert not any(landscape[:annex]) and all(landscape[annex:])


def test_annex_header_row_on_every_table_page(pdf):
    pages = _pages(pdf)
    annex = next(i for i, p in enumerate(pages) if "BIỂU TỔNG HỢP KẾT QUẢ" in p)
    chart = next(i for i, p in enumerate(pages) if "BIỂU ĐỒ TÌNH HÌNH" in p)
    for page in pages[annex:chart]:
        assert "Kết quả thực hiện / sản phẩm" in page


def test_chart_is_drawn_with_its_legend_and_no_page_is_near_empty(pdf):
    pages = _pages(pdf)
    last = pages[-1]
    assert "Đã hoàn thành" in last and "Đang thực hiện" in last and "./." in last
    for page in pages:
        assert len([line for line in page.splitlines() if line.strip()]) >= 5
