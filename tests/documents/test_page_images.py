"""Generated documents opened by real LibreOffice and looked at as printed pages.

LibreOffice converts them to PDF (which fails on a damaged file), pdftotext reads
the laid-out lines and pdftoppm renders page images, so the layout that a clerk
sees is what is tested: the national motto on one line, the date line whole,
page numbers from page 2, the appendix on landscape pages.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from lsdocs.documents import letter_contexts as L
from lsdocs.letter_writer import render_letter

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are needed (make test installs them)",
)


@pytest.fixture(scope="module")
def pdfs(built_plan, shipped_content, tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("pdf")
    sources = [built_plan, built_plan.with_name("phu-luc-phan-cong.docx")]
    setup = L.setup(shipped_content, "de-nghi-bao-cao",
                    L.LetterOptions(date=dt.date(2026, 11, 29)))
    letter = work / "de-nghi-bao-cao-syt.docx"
    letter.write_bytes(render_letter(setup, "syt"))
    sources.append(letter)
    profile = (work / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), *map(str, sources)],
        check=True, capture_output=True, timeout=240,
    )
    return {p.stem: p for p in work.glob("*.pdf")}


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def test_plan_opens_and_prints_the_header_lines_whole(pdfs):
    first = pages(pdfs["ke-hoach"])[0]
    lines = [" ".join(line.split()) for line in first.splitlines()]
    assert any("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in lines)
    assert any("TỈNH LẠNG SƠN Độc lập - Tự do - Hạnh phúc" in line for line in lines)
    assert any("Số: 182/KH-UBND Lạng Sơn, ngày 06 tháng 9 năm 2023" in line for line in lines)
    assert "KẾ HOẠCH" in lines


def test_page_numbers_start_on_page_two_and_restart_in_the_appendix(pdfs):
    printed = pages(pdfs["ke-hoach"])
    assert len(printed) >= 6
    first_lines = [page.strip().splitlines()[0].strip() for page in printed]
    assert not first_lines[0].isdigit()
    assert first_lines[1] == "2"
    appendix_start = next(i for i, page in enumerate(printed) if "PHÂN CÔNG NHIỆM VỤ" in page)
    assert not first_lines[appendix_start].isdigit()
    assert first_lines[appendix_start + 1] == "2"


def test_appendix_pages_are_landscape(pdfs):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdfs["phu-luc-phan-cong"])],
                          check=True, capture_output=True, text=True).stdout
    sizes = [line for line in info.splitlines() if line.startswith("Page") and "size" in line]
    assert sizes
    for line in sizes:
        width, height = (float(v) for v in line.split("size:")[1].split("pts")[0].split(" x "))
        assert abs(width - 841.9) < 1 and abs(height - 595.3) < 1  # A4 landscape


def test_letter_prints_v_v_under_the_number_and_signature(pdfs):
    text = "\n".join(pages(pdfs["de-nghi-bao-cao-syt"]))
    assert "V/v báo cáo kết quả thực hiện" in text
    assert "Kính gửi: Sở Y tế." in " ".join(text.split())
    assert "KT. GIÁM ĐỐC" in text and "Nguyễn Văn A" in text


def test_page_images_render(pdfs, tmp_path):
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1",
                    str(pdfs["ke-hoach"]), str(tmp_path / "page")], check=True, timeout=60)
    images = list(tmp_path.glob("page-*.png"))
    assert len(images) == 1 and images[0].stat().st_size > 5000
