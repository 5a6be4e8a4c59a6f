"""A filled progress workbook opened by LibreOffice Calc and printed, as a clerk would.

Needs LibreOffice with Calc (``libreoffice-calc``); skipped without it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .progress_fill import export_one, fill, good_snnmt_2025

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None
    or shutil.which("pdfinfo") is None, reason="LibreOffice or poppler not installed")


def _pdf(workbook: Path, tmp_path: Path) -> Path:
    profile = (tmp_path / "profile").as_uri()
    run = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                          str(workbook)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "pdf" / f"{workbook.stem}.pdf"
    if not pdf.exists():
        pytest.skip(f"LibreOffice cannot open .xlsx here (libreoffice-calc missing?): "
                    f"{run.stderr.strip()}")
    return pdf


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")


def test_every_sheet_prints_whole(plan: Path, tmp_path: Path) -> None:
    workbook = fill(export_one(plan, 2025, "snnmt", tmp_path), good_snnmt_2025)
    pdf = _pdf(workbook, tmp_path)
    pages = [" ".join(p.split()) for p in _pages(pdf) if p.strip()]
    # one page per sheet; the products sheet's empty rows for new documents take two
    assert len(pages) == 6
    guide, info, tasks, products, _more_products, targets = pages
    assert guide.startswith("HƯỚNG DẪN ĐIỀN BẢNG BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025")
    assert "Hạn gửi: trước ngày 15/12/2025, gửi tệp này" in guide  # not cut at the margin
    assert "Kinh phí đã sử dụng trong năm (đồng)" in info and "Nguyễn Văn B" in info
    assert "20/11/2025" in tasks and "Đã hoàn thành" in tasks and "Đang thực hiện" in tasks
    assert "125/KH-SNNMT" in products and "15/3/2025" in products
    assert "tăng 50% đến năm 2030 so với" in targets and "dn-htx-cnsh" in targets
    sizes = subprocess.run(["pdfinfo", "-f", "1", "-l", "6", str(pdf)], capture_output=True,
                           text=True, check=True).stdout
    widths = [line.split()[3:6:2] for line in sizes.splitlines()
              if line.startswith("Page ") and " size:" in line]
    portrait = [float(w) < float(h) for w, h in widths]
    assert portrait == [True, True, False, False, False, False]
