"""PDF and page images through the real LibreOffice and poppler."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from lsdocs.errors import UsageError
from lsdocs.issuing import IssueOptions, collect_drafts, issue
from lsdocs.issuing.pdf import (
    PdfInfo,
    ToolMissingError,
    convert,
    missing_words,
    page_count,
    pdf_text,
    pdfa_part,
    render_pdfs,
    require_tools,
)
from lsdocs.issuing.preview import preview
from lsdocs.issuing.sqlite_store import open_sqlite
from tests.issuing.conftest import needs_libreoffice

pytestmark = needs_libreoffice


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


@pytest.fixture(scope="module")
def issued(assignment_drafts, tmp_path_factory) -> list[Path]:
    """Three issued letters (LibreOffice is slow to start: the module shares them)."""
    folder = tmp_path_factory.mktemp("issued") / "giao-nhiem-vu"
    shutil.copytree(assignment_drafts, folder)
    store = open_sqlite(folder.parent / "so.sqlite")
    try:
        result = issue(collect_drafts([folder]), store, IssueOptions(dt.date(2026, 11, 30)))
    finally:
        store.close()
    return result.paths[:3]


@pytest.fixture(scope="module")
def pdfs(issued) -> list[PdfInfo]:
    return convert(issued)


def test_one_soffice_run_converts_a_batch_and_each_pdf_matches_its_document(issued, pdfs,
                                                                           tmp_path):
    infos = pdfs
    assert [i.path for i in infos] == [p.with_suffix(".pdf") for p in issued]
    alone = render_pdfs(require_tools(), [issued[0]], tmp_path)[0]  # one soffice per file
    assert infos[0].pages == page_count(alone) >= 1
    text = pdf_text(infos[0].path)
    assert "Số: 01/UBND-KGVX" in text
    assert "Lạng Sơn, ngày 30 tháng 11 năm 2026" in text
    for source, info in zip(issued, infos, strict=True):
        assert missing_words(source.read_bytes(), pdf_text(info.path)) == []
    fonts = subprocess.run(["pdffonts", str(infos[0].path)], capture_output=True, text=True,
                           check=True).stdout
    assert "LiberationSerif" in fonts or "TimesNewRoman" in fonts


def test_pdfa_is_identified_in_the_metadata(issued, tmp_path):
    (info,) = convert(issued[:1], pdfa=True, out_dir=tmp_path / "luu-tru")
    assert info.pdfa and pdfa_part(info.path) == "2"
    assert info.path.parent == tmp_path / "luu-tru"

def test_a_plain_pdf_is_not_marked_pdfa(pdfs):
    assert not pdfs[0].pdfa and pdfa_part(pdfs[0].path) is None


def test_missing_libreoffice_names_the_package_and_writes_nothing(issued, monkeypatch,
                                                                  tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ToolMissingError) as caught:
        convert(issued, out_dir=tmp_path / "pdf")
    message = caught.value.format("vi")
    assert "soffice" in message and "libreoffice-writer" in message
    assert not (tmp_path / "pdf").exists()



def test_a_word_the_pdf_lacks_is_reported(issued, pdfs):
    data = issued[0].read_bytes()
    text = pdf_text(pdfs[0].path)
    assert missing_words(data, text.replace("Huyên", "")) == ["huyên"]
    assert missing_words(data, text.replace("88-CTr", "88CTr")) == []  # joined at a line end


def test_preview_pages_have_a_fixed_size_and_a_page_can_be_chosen(pdfs, tmp_path):
    pdf = pdfs[0].path
    pages = preview(pdf, out_dir=tmp_path)
    assert [p.name for p in pages] == [f"{pdf.stem}-trang-{n}.png"
                                       for n in range(1, pdfs[0].pages + 1)]
    assert all(png_size(p) == (708, 1000) for p in pages)
    (first,) = preview(pdf, page=1, out_dir=tmp_path / "one", size=500)
    assert png_size(first) == (354, 500)
    with pytest.raises(UsageError, match="không có trang 99"):
        preview(pdf, page=99, out_dir=tmp_path)


def test_the_plan_with_its_landscape_appendix_previews_landscape_pages(built_plan, tmp_path):
    pages = preview(built_plan, out_dir=tmp_path)
    sizes = {png_size(p) for p in pages}
    assert sizes == {(708, 1000), (1000, 708)}
    assert os.path.getsize(pages[0]) > 10_000
