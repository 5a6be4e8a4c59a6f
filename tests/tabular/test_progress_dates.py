"""Dates in the progress workbooks show as lsdocs writes them: 06/9/2023, 15/01/2025."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from lsdocs import vnformat as vn

from .progress_fill import export_one


def _date_cells(path: Path) -> dict[str, list[str]]:
    """Every cell holding a date or formatted as one, by sheet."""
    found: dict[str, list[str]] = {}
    for ws in openpyxl.load_workbook(path):
        for row in ws.iter_rows():
            for cell in row:
                if getattr(cell, "is_date", False):
                    found.setdefault(ws.title, []).append(cell.coordinate)
    return found


def _january_rule_covers(ws: openpyxl.worksheet.worksheet.Worksheet, coordinate: str) -> bool:
    for rng in ws.conditional_formatting:
        if coordinate in rng.sqref:
            return any(rule.dxf is not None and rule.dxf.numFmt is not None
                       and rule.dxf.numFmt.formatCode == "DD/MM/YYYY"
                       and "MONTH(" in rule.formula[0] and "<3" in rule.formula[0]
                       for rule in rng.rules)
    return False


def test_every_date_cell_pads_january_and_february_only(plan: Path, tmp_path: Path) -> None:
    path = export_one(plan, 2025, "syt", tmp_path)
    cells = _date_cells(path)
    assert set(cells) >= {"Thông tin chung", "Nhiệm vụ", "Sản phẩm"}
    book = openpyxl.load_workbook(path)
    for sheet, coordinates in cells.items():
        for coordinate in coordinates:
            cell = book[sheet][coordinate]
            assert cell.number_format == "DD/M/YYYY", (sheet, coordinate)
            assert _january_rule_covers(book[sheet], coordinate), (sheet, coordinate)
    assert (vn.EXCEL_SHORT_DATE, vn.EXCEL_SHORT_DATE_JAN_FEB) == ("DD/M/YYYY", "DD/MM/YYYY")


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler are needed")
def test_libreoffice_shows_the_dates_as_short_date_writes_them(plan: Path,
                                                               tmp_path: Path) -> None:
    path = export_one(plan, 2025, "syt", tmp_path)
    book = openpyxl.load_workbook(path)
    days = {("Nhiệm vụ", "G3"): dt.date(2025, 1, 15), ("Sản phẩm", "D3"): dt.date(2025, 9, 6),
            ("Sản phẩm", "D4"): dt.date(2025, 2, 3), ("Thông tin chung", "B7"):
            dt.date(2025, 12, 1)}
    for (sheet, ref), day in days.items():
        assert book[sheet][ref].is_date, (sheet, ref)  # the cells the clerk types dates in
        book[sheet][ref].value = day
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(filled)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "filled.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    for day in days.values():
        assert vn.short_date(day) in text, vn.short_date(day)
    assert "15/1/2025" not in text and "06/09/2025" not in text
