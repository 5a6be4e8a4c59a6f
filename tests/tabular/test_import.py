"""Importing an edited assignment table: round trips, edits, and every kind of faulty cell."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from lsdocs.content import load_plan, validate
from lsdocs.errors import ContentError, Location, Problem, T
from lsdocs.tabular import TableFileError, export_assignments, import_assignments

from .conftest import SHIPPED, EditSheet

NEW_TASK = [
    "5.4", 5, "Tổ chức hội thảo về ứng dụng công nghệ sinh học vùng biên giới", "Sở Ngoại vụ",
    "Sở Khoa học và Công nghệ;\nSở Công Thương", "", "31/12/2025", "Kỷ yếu hội thảo", "",
]
NEW_TASK_YAML = """\
      - id: "5.4"
        name: Tổ chức hội thảo về ứng dụng công nghệ sinh học vùng biên giới
        lead: sngv
        support: [skhcn, sct]
        deadline: 31/12/2025
        product: Kỷ yếu hội thảo
        source: illustrative
"""
TASK_3_4_YAML = """\
      - id: "3.4"
        name: Ứng dụng công nghệ sinh học trong xử lý chất thải, cải tạo môi trường và bảo tồn đa
          dạng sinh học
        lead: stnmt
        support: [skhcn, snnptnt, ubnd-cac-huyen-thanh-pho]
        deadline: năm 2026
        product: Báo cáo
        source: illustrative
"""


def problems_of(error: pytest.ExceptionInfo[ContentError]) -> dict[str, Problem]:
    """Errors by the place they name (``Phân công!G5 (…)``), warnings left out."""
    return {p.location.format(): p for p in error.value.problems if p.is_error}


def put(sheet: Worksheet, row: int, column: int, value: object) -> None:
    """Set a cell the way a clerk does, also to empty (``sheet.cell(r, c, None)`` does not)."""
    sheet.cell(row, column).value = value


def append_row(sheet: Worksheet, values: list[object]) -> int:
    row = sheet.max_row + 1
    for col, value in enumerate(values, 1):
        put(sheet, row, col, value)
    return row


# --- round trips --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_leaves_the_plan_byte_identical(plan: Path, tmp_path: Path,
                                                            fmt: str) -> None:
    before = plan.read_bytes()
    table = export_assignments(plan, tmp_path / f"pc.{fmt}", fmt).path
    result = import_assignments(table, plan)
    assert not result.has_changes and not result.written
    assert plan.read_bytes() == before == (SHIPPED / plan.name).read_bytes()


def test_a_workbook_saved_again_by_a_spreadsheet_still_round_trips(edit_xlsx: EditSheet,
                                                                   plan: Path) -> None:
    before = plan.read_bytes()
    table = edit_xlsx(lambda sheet, rows: None)  # openpyxl re-saves it, as Excel would
    assert not import_assignments(table, plan).has_changes
    assert plan.read_bytes() == before


def test_reordered_columns_and_semicolons_in_csv_change_nothing(plan: Path, tmp_path: Path,
                                                                csv_file: Path) -> None:
    rows = list(csv.reader(io.StringIO(csv_file.read_text("utf-8-sig"), newline="")))
    shuffled = [[row[8], *row[:8]] for row in rows]  # "Nguồn" first
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(shuffled)
    table = tmp_path / "excel.csv"
    table.write_text(out.getvalue(), encoding="utf-8-sig")
    assert not import_assignments(table, plan).has_changes


def test_values_are_compared_by_meaning_not_spelling(edit_xlsx: EditSheet, plan: Path) -> None:
    def respell(sheet: Worksheet, rows: dict[str, int]) -> None:
        put(sheet, rows["1.1"], 7, "quý 4/2023")  # was «Quý IV/2023»
        put(sheet, rows["1.1"], 4, "Sở KH&CN")  # the short name of skhcn
        put(sheet, rows["1.2"], 5, "skhcn\nbaols; Dai Phat thanh va Truyen hinh tinh")
        put(sheet, rows["3.3"], 7, dt.datetime(2025, 12, 31))  # Excel turned it into a date
        put(sheet, rows["2.1"], 3, sheet.cell(rows["2.1"], 3).value.replace(" ", "\n", 3))

    before = plan.read_bytes()
    assert not import_assignments(edit_xlsx(respell), plan).has_changes
    assert plan.read_bytes() == before


# --- edits --------------------------------------------------------------------------------


def test_added_changed_and_deleted_rows_edit_the_yaml_in_place(edit_xlsx: EditSheet,
                                                               plan: Path) -> None:
    def clerk(sheet: Worksheet, rows: dict[str, int]) -> None:
        put(sheet, rows["2.1"], 4, "Sở Tài chính")
        sheet.delete_rows(rows["3.4"])
        append_row(sheet, NEW_TASK)

    original = plan.read_text("utf-8")
    result = import_assignments(edit_xlsx(clerk), plan)

    assert result.added == ("5.4",)
    assert result.changed == {"2.1": ("lead",)}
    assert result.removed == ("3.4",)
    assert result.written
    lead_2_1 = original.index("lead: skhcn", original.index('id: "2.1"'))
    expected = original[:lead_2_1] + "lead: stc" + original[lead_2_1 + len("lead: skhcn"):]
    expected = expected.replace(TASK_3_4_YAML, "")
    last = expected.index("source: illustrative\n", expected.index('id: "5.3"')) + 21
    expected = expected[:last] + NEW_TASK_YAML + expected[last:]
    assert plan.read_text("utf-8") == expected
    assert [p for p in validate(plan) if p.is_error] == []


def test_optional_fields_are_added_and_removed_as_keys(edit_xlsx: EditSheet,
                                                       plan: Path) -> None:
    def clerk(sheet: Worksheet, rows: dict[str, int]) -> None:
        put(sheet, rows["1.3"], 6, None)  # support_text removed
        put(sheet, rows["2.2"], 6, "các hiệp hội doanh nghiệp")  # support_text added
        put(sheet, rows["2.3"], 5, None)  # support removed

    import_assignments(edit_xlsx(clerk), plan)
    text = plan.read_text("utf-8")
    assert "support: [stc, skhdt, stp]\n        support_text: các hiệp hội doanh nghiệp\n" in text
    assert '"1.3"' in text and "support: [sttt]\n        deadline: 2024 - 2025" in text
    tasks = {t.id: t for t in load_plan(plan).plan.tasks}
    assert tasks["2.3"].support == () and tasks["1.3"].support_text is None


def test_a_new_group_moves_the_task_to_the_end_of_that_group(edit_xlsx: EditSheet,
                                                            plan: Path) -> None:
    result = import_assignments(edit_xlsx(lambda s, rows: put(s, rows["4.3"], 2, 5)), plan)
    assert result.changed == {"4.3": ("moved",)}
    groups = {g.id: [t.id for t in g.tasks] for g in load_plan(plan).plan.task_groups}
    assert groups["nguon-nhan-luc-tiem-luc"] == ["4.1", "4.2"]
    assert groups["hop-tac-lien-ket"] == ["5.1", "5.2", "5.3", "4.3"]


def test_group_may_be_given_by_its_id(edit_xlsx: EditSheet, plan: Path) -> None:
    edit = edit_xlsx(lambda s, rows: put(s, rows["4.3"], 2, "hop-tac-lien-ket"))
    assert import_assignments(edit, plan).changed == {"4.3": ("moved",)}


def test_a_changed_comment_line_and_untouched_text_stay(edit_xlsx: EditSheet,
                                                        plan: Path) -> None:
    import_assignments(edit_xlsx(lambda s, rows: put(s, rows["1.1"], 8, "Hội nghị")), plan)
    text = plan.read_text("utf-8")
    assert text.startswith("# Kế hoạch số 182/KH-UBND ngày 06/9/2023")
    assert "        product: Hội nghị\n" in text
    assert "# Thời hạn viết: hằng năm | thường xuyên" in text


def test_dry_run_reports_changes_and_writes_nothing(edit_xlsx: EditSheet, plan: Path) -> None:
    before = plan.read_bytes()
    result = import_assignments(edit_xlsx(lambda s, rows: s.delete_rows(rows["1.4"])), plan,
                                dry_run=True)
    assert result.removed == ("1.4",) and result.dry_run and not result.written
    assert plan.read_bytes() == before


def test_an_id_excel_stored_as_a_number_is_a_warning(edit_xlsx: EditSheet, plan: Path) -> None:
    result = import_assignments(edit_xlsx(lambda s, rows: append_row(s, [5.4, *NEW_TASK[1:]])),
                                plan)
    assert result.added == ("5.4",)
    assert [w.code for w in result.warnings] == ["numeric-id"]


# --- faults: every one reported with its cell, nothing written --------------------------------


def test_every_faulty_cell_is_reported_with_sheet_row_and_column(edit_xlsx: EditSheet,
                                                                 plan: Path) -> None:
    at: dict[str, int] = {}

    def clerk(sheet: Worksheet, rows: dict[str, int]) -> None:
        at.update(rows)
        put(sheet, rows["1.3"], 7, "31/02/2025")
        put(sheet, rows["2.1"], 4, "Sở Khoa học công nghệ")
        put(sheet, rows["2.2"], 3, None)
        put(sheet, rows["3.1"], 2, 9)

    table = edit_xlsx(clerk)
    before = plan.read_bytes()
    with pytest.raises(ContentError) as error:
        import_assignments(table, plan)
    found = problems_of(error)
    date = f"{table}: Phân công!G{at['1.3']} (Thời gian hoàn thành)"
    agency = f"{table}: Phân công!D{at['2.1']} (Cơ quan chủ trì)"
    name = f"{table}: Phân công!C{at['2.2']} (Nhiệm vụ)"
    group = f"{table}: Phân công!B{at['3.1']} (Nhóm)"
    assert set(found) == {date, agency, name, group}
    assert (found[date].code, found[date].found) == ("impossible-date", "31/02/2025")
    assert found[agency].code == "unknown-agency" and found[agency].hint is not None
    assert "Sở Khoa học và Công nghệ" in found[agency].hint.vi
    assert found[name].code == "empty-cell"
    assert (found[group].code, found[group].found) == ("unknown-group", "9")
    assert plan.read_bytes() == before


def test_messages_read_in_both_languages(edit_xlsx: EditSheet, plan: Path) -> None:
    table = edit_xlsx(lambda s, rows: put(s, rows["1.3"], 7, "31/02/2025"))
    with pytest.raises(ContentError) as error:
        import_assignments(table, plan)
    assert error.value.format("vi") == (
        f"{table}: Phân công!G5 (Thời gian hoàn thành): lỗi: ngày không tồn tại: «31/02/2025» "
        "(cần ngày có thật, dạng DD/MM/YYYY)")
    assert error.value.format("en") == (
        f"{table}: Phân công!G5 («Thời gian hoàn thành» — deadline): error: no such date: "
        "«31/02/2025» (expected a real date, in the form DD/MM/YYYY)")


@pytest.mark.parametrize("column, value, code", [
    (1, "3.x", "bad-id"),
    (1, "1.1", "duplicate-task-id"),  # an id changed to collide with another task
    (4, "Sở Y tế; Sở Tài chính", "several-leads"),
    (5, "Sở Y tế; Sở Tài chánh", "unknown-agency"),
    (5, "Sở Y tế\nsyt", "repeated-agency"),
    (7, "quý V/2025", "bad-deadline"),
    (7, "01/01/2020", "deadline-before-issue"),
    (7, "2026 - 2024", "bad-period"),
    (9, "chính thức", "bad-source"),
    (8, " ", "empty-cell"),
])
def test_each_kind_of_faulty_cell(edit_xlsx: EditSheet, plan: Path, column: int, value: str,
                                  code: str) -> None:
    before = plan.read_bytes()
    with pytest.raises(ContentError) as error:
        import_assignments(edit_xlsx(lambda s, rows: put(s, rows["1.2"], column, value)), plan)
    assert [(p.code, p.location.place and p.location.place.vi.split(" (")[0])
            for p in error.value.problems] == [(code, f"Phân công!{'ABCDEFGHI'[column - 1]}4")]
    assert plan.read_bytes() == before


def test_csv_faults_name_row_and_column(plan: Path, csv_file: Path) -> None:
    rows = list(csv.reader(io.StringIO(csv_file.read_text("utf-8-sig"), newline="")))
    rows[3][6] = "31/02/2025"
    rows[4][3] = "Sở Khoa học công nghệ"
    rows.append(["9.1", "9", "", "Sở Y tế", "", "", "năm 2025", "Báo cáo", ""])
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    csv_file.write_text(out.getvalue(), encoding="utf-8-sig")
    before = plan.read_bytes()
    with pytest.raises(ContentError) as error:
        import_assignments(csv_file, plan)
    last = len(rows)  # the header is row 1, as a spreadsheet shows the file
    assert set(problems_of(error)) == {
        f"{csv_file}: hàng 4, cột G (Thời gian hoàn thành)",
        f"{csv_file}: hàng 5, cột D (Cơ quan chủ trì)",
        f"{csv_file}: hàng {last}, cột B (Nhóm)",
        f"{csv_file}: hàng {last}, cột C (Nhiệm vụ)",
    }
    assert plan.read_bytes() == before


# --- table-level faults ----------------------------------------------------------------------


def test_missing_unknown_and_misspelt_columns(edit_xlsx: EditSheet, plan: Path) -> None:
    def clerk(sheet: Worksheet, rows: dict[str, int]) -> None:
        sheet.delete_cols(4)  # Cơ quan chủ trì; «Nguồn» moves to column H
        put(sheet, 2, 7, "Sản phẩn")  # a typo of «Sản phẩm»
        put(sheet, 2, 10, "Ghi chú")
        put(sheet, 3, 10, "xem lại")
        put(sheet, 4, 12, "dữ liệu lạc")  # under no header at all

    table = edit_xlsx(clerk)
    with pytest.raises(ContentError) as error:
        import_assignments(table, plan)
    found = {p.location.format(): (p.code, p.found) for p in error.value.problems}
    assert found == {
        f"{table}: Phân công!G2 (tiêu đề)": ("unknown-column", "Sản phẩn"),
        f"{table}: Phân công!J2 (tiêu đề)": ("unknown-column", "Ghi chú"),
        f"{table}: Phân công!L4 (không tiêu đề)": ("unnamed-column", "dữ liệu lạc"),
        f"{table}: Phân công, hàng 2": ("missing-column", None),
    }
    typo = next(p for p in error.value.problems if p.found == "Sản phẩn")
    assert typo.hint is not None and "«Sản phẩm»" in typo.hint.vi
    missing = [p.expected.vi for p in error.value.problems if p.expected and
               p.code == "missing-column"]
    assert missing == ["Cơ quan chủ trì", "Sản phẩm"] or missing == ["Cơ quan chủ trì"]


def test_no_header_row(plan: Path, tmp_path: Path) -> None:
    table = tmp_path / "pc.csv"
    table.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        import_assignments(table, plan)
    assert [p.code for p in error.value.problems] == ["missing-header"]


def test_an_empty_table_is_refused(edit_xlsx: EditSheet, plan: Path) -> None:
    with pytest.raises(ContentError) as error:
        import_assignments(edit_xlsx(lambda s, rows: s.delete_rows(3, 30)), plan)
    assert [p.code for p in error.value.problems] == ["empty-table"]


def test_a_table_from_another_plan_is_refused(xlsx: Path, plan: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    wb.properties.identifier = "kh-99-2024"
    wb.save(xlsx)
    with pytest.raises(ContentError) as error:
        import_assignments(xlsx, plan)
    assert [p.code for p in error.value.problems] == ["other-plan"]


def test_a_workbook_without_the_assignment_sheet(xlsx: Path, plan: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    wb["Phân công"].title = "Sheet1"
    wb.save(xlsx)
    with pytest.raises(ContentError) as error:
        import_assignments(xlsx, plan)
    assert [p.code for p in error.value.problems] == ["missing-sheet"]


@pytest.mark.parametrize("name, data, code", [
    ("renamed.xlsx", b"just text, not a workbook\n", "not-xlsx"),
    ("ansi.csv", b"M\xe3 nhi\xeam v\xf9,Nh\xf3m\n", "not-utf8"),  # saved as "CSV", not UTF-8
    ("notes.txt", b"x", "table-type"),
    ("missing.xlsx", None, "missing-file"),
])
def test_unreadable_tables_are_exit_code_2(plan: Path, tmp_path: Path, name: str,
                                           data: bytes | None, code: str) -> None:
    if data is not None:
        (tmp_path / name).write_bytes(data)
    with pytest.raises(TableFileError) as error:
        import_assignments(tmp_path / name, plan)
    assert error.value.exit_code == 2
    assert [p.code for p in error.value.problems] == [code]


def test_content_invalid_after_the_import_writes_nothing(edit_xlsx: EditSheet, plan: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(path: str) -> list[Problem]:
        return [Problem(Location(file=str(path), line=3), T("hỏng", "broken"))]

    monkeypatch.setattr("lsdocs.tabular.importing.validate", failing)
    before = plan.read_bytes()
    with pytest.raises(ContentError) as error:
        import_assignments(edit_xlsx(lambda s, rows: s.delete_rows(rows["1.4"])), plan)
    assert error.value.problems[0].code == "invalid-after-import"
    assert str(plan) in error.value.problems[1].location.format()
    assert plan.read_bytes() == before
    assert sorted(p.name for p in plan.parent.iterdir()) == ["agencies.yaml", plan.name]
