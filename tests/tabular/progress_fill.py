"""Filling exported progress workbooks as an agency's clerk would, with openpyxl."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl import Workbook

from lsdocs.tabular.progress_export import ProgressExport, export_progress

Fill = Callable[[Workbook], None]
INFO_ROW = {"reported_on": 7, "report_number": 8, "budget": 9, "authority": 10, "title": 11,
            "name": 12, "chi_dao": 13, "ket_qua": 14}


def export_one(plan: Path, year: int, agency: str, folder: Path) -> Path:
    results: list[ProgressExport] = export_progress(plan, year, [agency], folder)
    return results[0].path


def fill(path: Path, change: Fill) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def task_row(wb: Workbook, task_id: str) -> int:
    sheet = wb["Nhiệm vụ"]
    return next(r for r in range(3, sheet.max_row + 1) if sheet.cell(r, 2).value == task_id)


def answer(wb: Workbook, task_id: str, status: object, completed: object = None,
           result: str | None = None) -> None:
    sheet, row = wb["Nhiệm vụ"], task_row(wb, task_id)
    sheet[f"F{row}"] = status
    sheet[f"G{row}"] = completed
    sheet[f"H{row}"] = result


def good_snnmt_2025(wb: Workbook) -> None:
    """A complete, correct report of Sở Nông nghiệp và Môi trường for 2025."""
    answer(wb, "3.1", "Đã hoàn thành", dt.datetime(2025, 11, 20),
           "Xây dựng 05 mô hình ứng dụng chế phẩm sinh học trong sản xuất nông nghiệp")
    answer(wb, "3.4", "Đang thực hiện", None, "Đang khảo sát các cơ sở chế biến")
    wb["Nhiệm vụ"][f"I{task_row(wb, '3.4')}"] = "Thiếu kinh phí"
    info = wb["Thông tin chung"]
    info[f"B{INFO_ROW['reported_on']}"] = dt.datetime(2025, 12, 10)
    info[f"B{INFO_ROW['report_number']}"] = "215/BC-SNNMT"
    info[f"B{INFO_ROW['budget']}"] = 350000000
    info[f"B{INFO_ROW['authority']}"] = "KT. GIÁM ĐỐC"
    info[f"B{INFO_ROW['title']}"] = "PHÓ GIÁM ĐỐC"
    info[f"B{INFO_ROW['name']}"] = "Nguyễn Văn B"
    info[f"B{INFO_ROW['chi_dao']}"] = "Ban hành kế hoạch triển khai.\nTuyên truyền trên báo."
    products = wb["Sản phẩm"]
    for col, value in zip("ABCDE", ("3.1", "Kế hoạch", "125/KH-SNNMT", dt.datetime(2025, 3, 15),
                                    "Ứng dụng công nghệ sinh học trong nông nghiệp"), strict=True):
        products[f"{col}3"] = value
    targets = wb["Chỉ tiêu"]
    targets["D3"], targets["E3"] = 12, 15
