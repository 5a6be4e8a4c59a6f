"""Exported progress workbooks: who gets one, what a clerk sees, and that it is reproducible."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from lsdocs.content import load_plan
from lsdocs.errors import UsageError
from lsdocs.progress.records import PlanProgress
from lsdocs.progress.year_status import year_status
from lsdocs.tabular.progress_export import export_progress
from lsdocs.tabular.progress_import import import_progress

from .progress_fill import export_one, fill, good_snnmt_2025


def test_one_workbook_per_reporting_agency_of_the_year(plan: Path, tmp_path: Path) -> None:
    content = load_plan(plan)
    for year in (2024, 2025):
        status = year_status(content, PlanProgress(content.plan.id, {}), year)
        results = export_progress(plan, year, (), tmp_path / str(year))
        assert [r.agency.id for r in results] == [a.id for a in status.reporters]
        assert [r.tasks for r in results] == [len(status.tasks_of(a.id))
                                              for a in status.reporters]
        assert sorted(p.name for p in (tmp_path / str(year)).iterdir()) == sorted(
            f"tien-do-{year}-{a.id}.xlsx" for a in status.reporters)
    names_2024 = {p.name for p in (tmp_path / "2024").iterdir()}
    names_2025 = {p.name for p in (tmp_path / "2025").iterdir()}
    assert "tien-do-2024-snnptnt.xlsx" in names_2024 and "tien-do-2024-stnmt.xlsx" in names_2024
    assert "tien-do-2025-snnmt.xlsx" in names_2025
    assert not {"tien-do-2025-snnptnt.xlsx", "tien-do-2025-stnmt.xlsx"} & names_2025


def test_same_content_gives_the_same_bytes(plan: Path, tmp_path: Path) -> None:
    first = export_one(plan, 2025, "skhcn", tmp_path / "a")
    second = export_one(plan, 2025, "skhcn", tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    again = export_progress(plan, 2025, ["skhcn"], tmp_path / "a")
    assert again[0].changed is False


def test_sheets_locks_lists_and_print_layout(plan: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export_one(plan, 2025, "snnmt", tmp_path))
    assert wb.sheetnames == ["Hướng dẫn", "Thông tin chung", "Nhiệm vụ", "Sản phẩm",
                             "Chỉ tiêu", "lsdocs"]
    assert wb["lsdocs"].sheet_state == "hidden"
    assert wb.properties.identifier == "tien-do:kh-182-2023/2025/snnmt"
    tasks = wb["Nhiệm vụ"]
    assert [tasks.cell(2, c).value for c in range(1, 12)] == [
        "STT", "Mã nhiệm vụ", "Nội dung nhiệm vụ", "Chủ trì theo Kế hoạch", "Thời hạn",
        "Tình trạng", "Ngày hoàn thành", "Kết quả thực hiện", "Khó khăn, vướng mắc",
        "Nguyên nhân", "Đề xuất, kiến nghị"]
    assert [tasks.cell(r, 2).value for r in (3, 4)] == ["3.1", "3.4"]
    # the 2023 agencies whose tasks the successor reports are named
    assert tasks["D3"].value == "Sở NN&PTNT (nay là Sở NN&MT)"
    assert tasks["D4"].value.endswith("(nay là Sở NN&MT)")
    for sheet in ("Hướng dẫn", "Thông tin chung", "Nhiệm vụ", "Sản phẩm", "Chỉ tiêu"):
        assert wb[sheet].protection.sheet is True
        assert wb[sheet].protection.password is None
    assert tasks["B3"].protection.locked and tasks["C3"].protection.locked
    assert not tasks["F3"].protection.locked and not tasks["H3"].protection.locked
    assert tasks["C3"].alignment.wrap_text
    assert tasks.column_dimensions["C"].width == 34
    assert tasks.page_setup.orientation == "landscape"
    assert tasks.page_setup.fitToWidth == 1 and tasks.print_title_rows == "$2:$2"
    rules = {str(dv.sqref): dv for dv in tasks.data_validations.dataValidation}
    assert rules["F3:F4"].type == "list"
    assert rules["F3:F4"].formula1 == '"Đã hoàn thành,Đang thực hiện,Chưa triển khai"'
    assert rules["G3:G4"].type == "date" and rules["G3:G4"].operator == "between"
    assert rules["G3:G4"].formula2 == "DATE(2025,12,14)"
    assert tasks["G3"].number_format == "DD/M/YYYY"
    products = wb["Sản phẩm"]
    product_rules = {str(dv.sqref).split(":")[0]: dv for dv in
                     products.data_validations.dataValidation}
    assert product_rules["A3"].formula1 == '"3.1,3.4"'
    assert "Kế hoạch" in product_rules["B3"].formula1
    assert not products["C3"].protection.locked and products["C3"].number_format == "@"
    targets = wb["Chỉ tiêu"]
    assert [targets.cell(3, c).value for c in (1, 3)] == [
        "dn-htx-cnsh", "tăng 50% đến năm 2030 so với năm 2023"]
    assert targets["A3"].protection.locked and not targets["E3"].protection.locked


def test_the_guide_says_period_deadline_and_where_to_send(plan: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export_one(plan, 2024, "snnptnt", tmp_path))
    text = "\n".join(str(c.value) for c in wb["Hướng dẫn"]["A"] if c.value)
    assert "KẾ HOẠCH NĂM 2024" in text
    assert "Kỳ số liệu: từ ngày 15/12/2023 đến ngày 14/12/2024." in text
    assert "Hạn gửi: trước ngày 15/12/2024" in text
    assert "về Sở Khoa học và Công nghệ" in text
    assert "Cơ quan báo cáo: Sở Nông nghiệp và Phát triển nông thôn; 1 nhiệm vụ" in text
    assert "125/KH-SNN " in text
    info = wb["Thông tin chung"]
    assert [info.cell(r, 2).value for r in (3, 4, 5, 6)] == [
        "Kế hoạch số 182/KH-UBND ngày 06/9/2023 của UBND tỉnh", "2024",
        "từ 15/12/2023 đến 14/12/2024", "Sở Nông nghiệp và Phát triển nông thôn"]
    assert info["B3"].protection.locked and not info["B7"].protection.locked


def test_the_successor_guide_names_the_merged_agencies(plan: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export_one(plan, 2025, "snnmt", tmp_path))
    text = " ".join(str(c.value) for c in wb["Hướng dẫn"]["A"] if c.value)
    assert ("Gồm cả nhiệm vụ Kế hoạch giao Sở Nông nghiệp và Phát triển nông thôn, Sở Tài "
            "nguyên và Môi trường chủ trì, nay do Sở Nông nghiệp và Môi trường thực hiện") in text


def test_agencies_that_do_not_report_that_year_are_refused(plan: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        export_progress(plan, 2025, ["stnmt", "skhcnn"], tmp_path / "out")
    messages = [p.format() for p in caught.value.problems]
    assert messages[0] == ("tùy chọn --agency: lỗi: cơ quan không còn hoạt động trong năm "
                           "2025: «stnmt»; năm 2025 do Sở Nông nghiệp và Môi trường (snnmt) "
                           "báo cáo")
    assert "có phải «skhcn»?" in messages[1]
    with pytest.raises(UsageError, match="năm báo cáo ngoài thời gian"):
        export_progress(plan, 2021, (), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_existing_records_fill_the_workbook_in(plan: Path, tmp_path: Path) -> None:
    sent = fill(export_one(plan, 2025, "snnmt", tmp_path / "sent"), good_snnmt_2025)
    import_progress([sent], plan)
    wb = openpyxl.load_workbook(export_one(plan, 2025, "snnmt", tmp_path / "again"))
    tasks = wb["Nhiệm vụ"]
    assert [tasks[f"{c}3"].value for c in "FG"] == ["Đã hoàn thành", dt.datetime(2025, 11, 20)]
    assert tasks["I4"].value == "Thiếu kinh phí"
    assert [wb["Sản phẩm"][f"{c}3"].value for c in "ABC"] == ["3.1", "Kế hoạch", "125/KH-SNNMT"]
    assert wb["Thông tin chung"]["B9"].value == 350000000
    assert wb["Thông tin chung"]["B13"].value == ("Ban hành kế hoạch triển khai.\n"
                                                 "Tuyên truyền trên báo.")
    assert [wb["Chỉ tiêu"][f"{c}3"].value for c in "DE"] == [12, 15]
