"""Exporting the assignment table: the workbook a clerk gets, the CSV file, and their bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from lsdocs.content import load_plan
from lsdocs.tabular import TableFileError, export_assignments
from lsdocs.tabular.columns import COLUMNS

HEADERS = ["Mã nhiệm vụ", "Nhóm", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
           "Phối hợp khác", "Thời gian hoàn thành", "Sản phẩm", "Nguồn"]


def test_two_exports_of_the_same_content_are_identical_bytes(plan: Path, tmp_path: Path) -> None:
    first = export_assignments(plan, tmp_path / "a.xlsx").path.read_bytes()
    second = export_assignments(plan, tmp_path / "b.xlsx").path.read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2023-09-06T00:00:00Z" in archive.read("docProps/core.xml")


def test_an_identical_file_is_left_untouched(plan: Path, tmp_path: Path) -> None:
    first = export_assignments(plan, tmp_path / "a.xlsx")
    again = export_assignments(plan, tmp_path / "a.xlsx")
    assert (first.changed, again.changed) == (True, False)
    assert again.tasks == 20


def test_default_path_is_under_output_and_the_plan_id(plan: Path, tmp_path: Path) -> None:
    result = export_assignments(plan, output_root=tmp_path / "output")
    assert result.path == tmp_path / "output" / "kh-182-2023" / "phan-cong-nhiem-vu.xlsx"
    csv_result = export_assignments(plan, fmt="csv", output_root=tmp_path / "output")
    assert csv_result.path.name == "phan-cong-nhiem-vu.csv"


def test_assignment_sheet_has_title_header_and_one_row_per_task(xlsx: Path) -> None:
    sheet = openpyxl.load_workbook(xlsx)["Phân công"]
    assert "PHÂN CÔNG NHIỆM VỤ" in sheet["A1"].value
    assert "182/KH-UBND" in sheet["A1"].value
    assert [c.value for c in sheet[2]] == HEADERS
    assert [c.value for c in sheet[3]] == [
        "1.1", 1,
        "Tổ chức quán triệt, triển khai Nghị quyết số 36-NQ/TW, Chương trình hành động số "
        "88-CTr/TU và Kế hoạch này đến các sở, ban, ngành, địa phương",
        "Sở Khoa học và Công nghệ",
        "Sở Thông tin và Truyền thông;\nỦy ban nhân dân các huyện, thành phố",
        "các sở, ban, ngành liên quan", "Quý IV/2023", "Hội nghị quán triệt", "minh họa"]
    assert sheet.max_row == 2 + 20


def test_assignment_sheet_is_formatted_for_clerks_and_printing(xlsx: Path) -> None:
    sheet = openpyxl.load_workbook(xlsx)["Phân công"]
    assert sheet["A2"].font.b and sheet["A2"].font.name == "Times New Roman"
    assert sheet["C3"].font.name == "Times New Roman" and sheet["C3"].alignment.wrap_text
    assert sheet["A3"].number_format == "@"  # "1.10" stays text
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:I22"
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.column_dimensions["C"].width == COLUMNS[2].width


def test_rows_are_tall_enough_for_their_wrapped_text(xlsx: Path) -> None:
    # Neither Excel nor LibreOffice fits row heights when opening a file.
    sheet = openpyxl.load_workbook(xlsx)["Phân công"]
    heights = {r: sheet.row_dimensions[r].height for r in range(3, sheet.max_row + 1)}
    assert all(h and h >= 18 for h in heights.values())
    names = {r: len(sheet.cell(r, 3).value) for r in heights}
    longest, shortest = max(names, key=names.get), min(names, key=names.get)
    assert heights[longest] > heights[shortest] or names[longest] <= COLUMNS[2].width
    assert sheet.row_dimensions[2].height >= 30


def test_lead_and_group_columns_offer_the_reference_sheets(xlsx: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    rules = {str(v.sqref).split(":")[0]: v for v in wb["Phân công"].data_validations.dataValidation}
    assert rules["D3"].type == "list" and rules["D3"].formula1 == "'Cơ quan'!$A$2:$A$32"
    assert rules["B3"].formula1 == "'Nhóm'!$A$2:$A$6"
    assert rules["I3"].formula1 == '"nguyên văn,minh họa"'
    agencies = wb["Cơ quan"]
    assert [c.value for c in agencies[1]][:3] == ["Tên cơ quan", "Tên viết tắt", "Mã"]
    assert ("Sở Khoa học và Công nghệ", "Sở KH&CN", "skhcn") in {
        tuple(c.value for c in row[:3]) for row in agencies.iter_rows(min_row=2)}
    groups = wb["Nhóm"]
    assert [c.value for c in groups[2]][:2] == [1, "quan-triet-tuyen-truyen"]
    assert wb.properties.identifier == "kh-182-2023"


def test_csv_is_utf8_with_bom_comma_separated_with_one_header_row(csv_file: Path) -> None:
    data = csv_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + ",".join(HEADERS).encode("utf-8") + b"\r\n")
    text = data.decode("utf-8-sig")
    assert '"Sở Thông tin và Truyền thông;\nỦy ban nhân dân các huyện, thành phố"' in text


def test_csv_may_use_semicolons(plan: Path, tmp_path: Path) -> None:
    path = export_assignments(plan, tmp_path / "pc.csv", "csv", delimiter=";").path
    assert path.read_bytes().decode("utf-8-sig").startswith(";".join(HEADERS) + "\r\n")


@pytest.mark.parametrize("name, fmt", [("pc.csv", "xlsx"), ("pc.xlsx", "csv"), ("pc", "xlsx")])
def test_output_name_must_match_the_format(plan: Path, tmp_path: Path, name: str,
                                           fmt: str) -> None:
    with pytest.raises(TableFileError) as error:
        export_assignments(plan, tmp_path / name, fmt)
    assert error.value.exit_code == 2
    assert not (tmp_path / name).exists()


def test_every_task_of_the_plan_is_exported(plan: Path, csv_file: Path) -> None:
    ids = [line.split(",")[0] for line in csv_file.read_text("utf-8-sig").splitlines()
           if line[:1].isdigit()]
    assert ids == [t.id for t in load_plan(plan).plan.tasks]
