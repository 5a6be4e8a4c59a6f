"""Importing filled-in progress workbooks: every faulty cell named, records written safely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from ruamel.yaml import YAML

from lsdocs.errors import ContentError, LsdocsError
from lsdocs.tabular.progress_import import import_progress
from lsdocs.tabular.table_errors import TableFileError

from .progress_fill import INFO_ROW, answer, export_one, fill, good_snnmt_2025, task_row


def record_file(plan: Path, year: int, agency: str) -> Path:
    return plan.parent / "tien-do" / "kh-182-2023" / str(year) / f"{agency}.yaml"


def errors_of(exc: LsdocsError) -> list[str]:
    return [p.format() for p in exc.problems if p.is_error]


def test_a_clean_workbook_becomes_a_commented_record(plan: Path, tmp_path: Path) -> None:
    sent = fill(export_one(plan, 2025, "snnmt", tmp_path), good_snnmt_2025)
    result = import_progress([sent], plan)
    target = record_file(plan, 2025, "snnmt")
    assert [(r.path, r.written, r.created, r.tasks) for r in result.records] == [
        (target, True, True, 2)]
    text = target.read_text("utf-8")
    assert text.startswith("# Tiến độ thực hiện Kế hoạch số 182/KH-UBND ngày 06/9/2023 của "
                           "UBND tỉnh năm 2025: Sở Nông nghiệp và Môi trường.\n")
    assert ("year: 2025                 # năm báo cáo: số liệu từ 15/12/2024 đến 14/12/2025\n"
            in text)
    assert '  - task: "3.1"\n    status: hoan-thanh     # hoan-thanh | dang-thuc-hien' in text
    data = YAML(typ="safe").load(text)
    assert data["agency"] == "snnmt" and data["budget"] == 350000000
    assert data["reported_on"] == "10/12/2025" and data["report_number"] == "215/BC-SNNMT"
    assert data["signature"] == {"authority": ["KT. GIÁM ĐỐC"], "title": "PHÓ GIÁM ĐỐC",
                                 "name": "Nguyễn Văn B"}
    assert data["narrative"] == {"chi_dao": ["Ban hành kế hoạch triển khai.",
                                             "Tuyên truyền trên báo."]}
    assert data["tasks"][0] == {
        "task": "3.1", "status": "hoan-thanh", "completed": "20/11/2025",
        "result": "Xây dựng 05 mô hình ứng dụng chế phẩm sinh học trong sản xuất nông nghiệp",
        "products": [{"type": "ke-hoach", "number": "125/KH-SNNMT", "date": "15/3/2025",
                      "trich_yeu": "Ứng dụng công nghệ sinh học trong nông nghiệp"}]}
    assert data["tasks"][1] == {"task": "3.4", "status": "dang-thuc-hien",
                                "result": "Đang khảo sát các cơ sở chế biến",
                                "difficulties": "Thiếu kinh phí"}
    assert data["figures"] == [{"target": "dn-htx-cnsh", "baseline": 12, "value": 15}]
    assert "source" not in data  # real reports are not lsdocs' illustrative examples


def test_export_then_import_unchanged_keeps_the_yaml_byte_for_byte(plan: Path,
                                                                    tmp_path: Path) -> None:
    sent = fill(export_one(plan, 2025, "snnmt", tmp_path / "1"), good_snnmt_2025)
    import_progress([sent], plan)
    target = record_file(plan, 2025, "snnmt")
    # a clerk adds a comment by hand; the key a workbook does not carry stays too
    text = target.read_text("utf-8").replace("agency: snnmt  ", "source: illustrative\n"
                                             "agency: snnmt  ").replace(
        "  - task: \"3.4\"", "  # còn chờ kinh phí năm sau\n  - task: \"3.4\"")
    target.write_text(text, encoding="utf-8")
    before = target.read_bytes()
    again = export_one(plan, 2025, "snnmt", tmp_path / "2")
    result = import_progress([again], plan)
    assert [(r.changed, r.written) for r in result.records] == [(False, False)]
    assert target.read_bytes() == before


def test_a_changed_workbook_edits_the_record_and_keeps_hand_comments(plan: Path,
                                                                     tmp_path: Path) -> None:
    sent = fill(export_one(plan, 2025, "snnmt", tmp_path / "1"), good_snnmt_2025)
    import_progress([sent], plan)
    target = record_file(plan, 2025, "snnmt")
    # a hand-wrapped paragraph (not as lsdocs would wrap it) and a comment on a task
    wrapped = ("  ket_qua:\n    - Hoàn thành\n      đúng hạn\n      các nhiệm vụ được giao trong "
               "năm, trong đó có nhiều nhiệm vụ khó về chế phẩm sinh học.\n")
    target.write_text(target.read_text("utf-8").replace(
        "  - task: \"3.4\"\n", "  - task: \"3.4\"  # hỏi lại phòng Kế hoạch\n").replace(
        "tasks:", wrapped + "tasks:"), encoding="utf-8")
    before = target.read_text("utf-8")
    again = fill(export_one(plan, 2025, "snnmt", tmp_path / "2"),
                 lambda wb: answer(wb, "3.4", "Đã hoàn thành", "01/12/2025", "Xong"))
    result = import_progress([again], plan)
    assert [(r.changed, r.written) for r in result.records] == [(True, True)]
    text = target.read_text("utf-8")
    assert "# hỏi lại phòng Kế hoạch" in text
    # only the lines of task 3.4 changed; everything else is kept byte for byte
    head = before[:before.index('  - task: "3.4"')]
    assert text.startswith(head) and wrapped in text
    data = YAML(typ="safe").load(text)
    assert data["tasks"][1] == {"task": "3.4", "status": "hoan-thanh", "completed": "01/12/2025",
                                "result": "Xong", "difficulties": "Thiếu kinh phí"}
    assert data["budget"] == 350000000


def test_hand_edits_made_after_the_export_are_not_overwritten(plan: Path, tmp_path: Path) -> None:
    sent = fill(export_one(plan, 2025, "snnmt", tmp_path / "1"), good_snnmt_2025)
    import_progress([sent], plan)
    workbook = export_one(plan, 2025, "snnmt", tmp_path / "2")
    target = record_file(plan, 2025, "snnmt")
    target.write_text(target.read_text("utf-8").replace("budget: 350000000", "budget: 360000000"),
                      encoding="utf-8")
    fill(workbook, lambda wb: answer(wb, "3.4", "Chưa triển khai"))
    edited = target.read_bytes()
    with pytest.raises(ContentError) as caught:
        import_progress([workbook], plan)
    assert errors_of(caught.value) == [
        f"{target}: lỗi: tệp đã được sửa sau khi xuất bảng tien-do-2025-snnmt.xlsx; nhập bảng "
        "sẽ xóa các sửa đổi đó; xuất lại bảng (lsdocs export-progress) để cơ quan điền trên "
        "bảng mới, hoặc dùng --force để ghi đè"]
    assert target.read_bytes() == edited
    import_progress([workbook], plan, force=True)
    data = YAML(typ="safe").load(target.read_text("utf-8"))
    assert data["budget"] == 350000000 and data["tasks"][1]["status"] == "chua-trien-khai"


def test_dry_run_writes_nothing(plan: Path, tmp_path: Path) -> None:
    sent = fill(export_one(plan, 2025, "snnmt", tmp_path), good_snnmt_2025)
    result = import_progress([sent], plan, dry_run=True)
    assert [(r.changed, r.written) for r in result.records] == [(True, False)]
    assert not record_file(plan, 2025, "snnmt").exists()


def test_text_dates_and_amounts_are_read_as_meant(plan: Path, tmp_path: Path) -> None:
    def typed_as_text(wb: Workbook) -> None:
        good_snnmt_2025(wb)
        answer(wb, "3.1", "đã hoàn thành", "15/3/2025", "Xong")  # any case
        wb["Thông tin chung"][f"B{INFO_ROW['budget']}"] = "350.000.000"
        wb["Thông tin chung"][f"B{INFO_ROW['reported_on']}"] = "10/12/2025"
        wb["Chỉ tiêu"]["E3"] = "15,5"
        wb["Sản phẩm"]["D3"] = "15/3/2025"

    import_progress([fill(export_one(plan, 2025, "snnmt", tmp_path), typed_as_text)], plan)
    data = YAML(typ="safe").load(record_file(plan, 2025, "snnmt").read_text("utf-8"))
    assert data["budget"] == 350000000 and data["tasks"][0]["completed"] == "15/3/2025"
    assert data["figures"][0]["value"] == 15.5


def test_every_faulty_cell_of_every_workbook_in_one_pass(plan: Path, tmp_path: Path) -> None:
    def mistakes(wb: Workbook) -> None:
        good_snnmt_2025(wb)
        answer(wb, "3.1", "Đã hoàn thàn", "31/02/2025")
        answer(wb, "3.4", "Đang thực hiện", dt.datetime(2025, 6, 1))
        info = wb["Thông tin chung"]
        info[f"B{INFO_ROW['budget']}"] = "ba trăm triệu"
        info[f"B{INFO_ROW['report_number']}"] = "215/KH-SNNMT"
        products = wb["Sản phẩm"]
        products["C3"] = "125/QĐ-SNNMT"
        for col, value in zip("ABCD", ("3.4", "Công văn", "1465/KH-SNNMT", "2025-12-20"),
                              strict=True):
            products[f"{col}4"] = value
        wb["Chỉ tiêu"]["E3"] = "-3"

    def other_mistakes(wb: Workbook) -> None:
        row = task_row(wb, "1.1")
        wb["Nhiệm vụ"][f"F{row}"] = "Đã hoàn thành"
        wb["Nhiệm vụ"][f"G{row + 1}"] = "20/12/2025"
        wb["Nhiệm vụ"][f"F{row + 1}"] = "Đã hoàn thành"
        wb["Thông tin chung"][f"B{INFO_ROW['budget']}"] = -5

    first = fill(export_one(plan, 2025, "snnmt", tmp_path), mistakes)
    second = fill(export_one(plan, 2025, "skhcn", tmp_path), other_mistakes)
    with pytest.raises(ContentError) as caught:
        import_progress([first, second], plan)
    assert errors_of(caught.value) == [
        f"{first}: Thông tin chung!B9 (Kinh phí đã sử dụng trong năm (đồng)): lỗi: kinh phí "
        "không phải một số: «ba trăm triệu» (cần số nguyên đồng, không âm, ví dụ 350000000 "
        "hoặc 350.000.000)",
        f"{first}: Thông tin chung!B8 (Số, ký hiệu báo cáo): lỗi: mã loại trong ký hiệu không "
        "khớp loại văn bản «Báo cáo»: «215/KH-SNNMT» (cần ký hiệu bắt đầu bằng BC, ví dụ "
        "25/BC-…)",
        f"{first}: Nhiệm vụ!F3 (Tình trạng): lỗi: tình trạng không hợp lệ: «Đã hoàn thàn» (cần "
        "một trong: «Đã hoàn thành», «Đang thực hiện», «Chưa triển khai»); có phải «Đã hoàn "
        "thành»?",
        f"{first}: Nhiệm vụ!G3 (Ngày hoàn thành): lỗi: ngày không tồn tại: «31/02/2025» (cần "
        "một ngày có thật, dạng DD/MM/YYYY)",
        f"{first}: Nhiệm vụ!G4 (Ngày hoàn thành): lỗi: chỉ ghi ngày hoàn thành khi tình trạng "
        "là «Đã hoàn thành»: «01/6/2025»; xóa ngày, hoặc chọn tình trạng «Đã hoàn thành»",
        f"{first}: Sản phẩm!C3 (Số, ký hiệu): lỗi: mã loại trong ký hiệu không khớp loại văn "
        "bản «Kế hoạch»: «125/QĐ-SNNMT» (cần ký hiệu bắt đầu bằng KH, ví dụ 25/KH-…)",
        f"{first}: Sản phẩm!C4 (Số, ký hiệu): lỗi: công văn không có mã loại; «KH» là mã của "
        "Kế hoạch: «1465/KH-SNNMT» (cần ký hiệu dạng <cơ quan>-<đơn vị>, ví dụ 1465/SNN-VP, "
        "hoặc chọn đúng loại văn bản)",
        f"{first}: Sản phẩm!D4 (Ngày ban hành): lỗi: ngày ban hành sau ngày cuối kỳ số liệu "
        "(14/12/2025): «2025-12-20» (cần ngày đến 14/12/2025; việc sau ngày này báo cáo vào "
        "năm 2026)",
        f"{first}: Chỉ tiêu!E3 (Giá trị đến hết kỳ báo cáo): lỗi: số âm: «-3» (cần một số "
        "không âm, ví dụ 15 hoặc 12,5)",
        f"{second}: Thông tin chung!B9 (Kinh phí đã sử dụng trong năm (đồng)): lỗi: kinh phí "
        "âm: «-5» (cần số nguyên đồng, không âm, ví dụ 350000000 hoặc 350.000.000)",
        f"{second}: Nhiệm vụ!G3 (Ngày hoàn thành): lỗi: nhiệm vụ đã hoàn thành cần ngày hoàn "
        "thành (cần ngày dạng DD/MM/YYYY, đến 14/12/2025)",
        f"{second}: Nhiệm vụ!G4 (Ngày hoàn thành): lỗi: ngày hoàn thành sau ngày cuối kỳ số "
        "liệu (14/12/2025): «20/12/2025» (cần ngày đến 14/12/2025; việc sau ngày này báo cáo "
        "vào năm 2026)",
    ]
    assert not (plan.parent / "tien-do").exists()


def test_structure_changes_are_reported(plan: Path, tmp_path: Path) -> None:
    def tampered(wb: Workbook) -> None:
        good_snnmt_2025(wb)
        del wb["Sản phẩm"]
        wb["Chỉ tiêu"].title = "Chi tieu 2025"
        tasks = wb["Nhiệm vụ"]
        tasks["B4"] = "3.5"  # task id changed
        tasks["B5"], tasks["F5"] = "2.1", "Đã hoàn thành"  # a task of Sở KH&CN added
        tasks["B6"], tasks["F6"] = "9.9", "Đang thực hiện"  # no such task

    workbook = fill(export_one(plan, 2025, "snnmt", tmp_path), tampered)
    with pytest.raises(ContentError) as caught:
        import_progress([workbook], plan)
    assert errors_of(caught.value) == [
        f"{workbook}: lỗi: thiếu trang «Sản phẩm»: «Hướng dẫn, Thông tin chung, Nhiệm vụ, Chi "
        "tieu 2025, lsdocs»; xuất lại bảng và điền lại trang này",
        f"{workbook}: lỗi: thiếu trang «Chỉ tiêu»: «Hướng dẫn, Thông tin chung, Nhiệm vụ, Chi "
        "tieu 2025, lsdocs»; đổi tên trang «Chi tieu 2025» lại thành «Chỉ tiêu»",
        f"{workbook}: Nhiệm vụ!B4 (Mã nhiệm vụ): lỗi: mã nhiệm vụ đã bị sửa: «3.5» (cần 3.4 "
        "như khi xuất bảng); không sửa các cột của Kế hoạch",
        f"{workbook}: Nhiệm vụ!B5 (Mã nhiệm vụ): lỗi: nhiệm vụ 2.1 do Sở Khoa học và Công nghệ "
        "chủ trì, không thuộc bảng của cơ quan này: «2.1»; không thêm hàng; chỉ điền các hàng "
        "đã có",
        f"{workbook}: Nhiệm vụ!B6 (Mã nhiệm vụ): lỗi: không có nhiệm vụ mã này trong Kế hoạch: "
        "«9.9»",
    ]


def test_a_renamed_sheet_is_found_and_a_wrong_name_suggested(plan: Path, tmp_path: Path) -> None:
    def renamed(wb: Workbook) -> None:
        good_snnmt_2025(wb)
        wb["Chỉ tiêu"].title = "CHI TIEU"  # same name without accents: still found
        wb["Sản phẩm"].title = "San pham 2025"

    workbook = fill(export_one(plan, 2025, "snnmt", tmp_path), renamed)
    with pytest.raises(ContentError) as caught:
        import_progress([workbook], plan)
    assert [p.hint.vi if p.hint else "" for p in caught.value.problems] == [
        "đổi tên trang «San pham 2025» lại thành «Sản phẩm»"]


def test_workbooks_of_another_plan_year_or_repeated(plan: Path, tmp_path: Path) -> None:
    def other_plan(wb: Workbook) -> None:
        wb["lsdocs"]["B1"] = "kh-99-2024"

    def pasted(wb: Workbook) -> None:
        wb["Thông tin chung"]["B6"] = "Sở Y tế"

    foreign = fill(export_one(plan, 2025, "snnmt", tmp_path / "a"), other_plan)
    copied = fill(export_one(plan, 2025, "sct", tmp_path / "b"), pasted)
    twice = export_one(plan, 2025, "sct", tmp_path / "c")
    older = export_one(plan, 2024, "skhcn", tmp_path / "d")
    with pytest.raises(ContentError) as caught:
        import_progress([foreign, copied, twice, older], plan, year=2025)
    assert errors_of(caught.value) == [
        f"{foreign}: lỗi: bảng của kế hoạch khác: «kh-99-2024» (cần bảng của kế hoạch "
        "«kh-182-2023»)",
        f"{copied}: Thông tin chung!B6 (Cơ quan báo cáo): lỗi: không khớp với bảng được xuất "
        "(bảng của năm hoặc cơ quan khác?): «Sở Y tế» (cần Sở Công Thương)",
        f"{older}: lỗi: bảng của năm khác: «2024» (cần bảng của năm 2025 (--year))",
    ]
    with pytest.raises(ContentError) as caught:
        import_progress([twice, fill(twice.with_name("x.xlsx").write_bytes(twice.read_bytes())
                                     and twice.with_name("x.xlsx"), lambda wb: None)], plan)
    assert errors_of(caught.value) == [
        f"{twice.with_name('x.xlsx')}: lỗi: trùng với {twice}: cùng cơ quan, cùng năm; nhập "
        "một bảng cho mỗi cơ quan mỗi năm"]


def test_files_that_are_not_progress_workbooks(plan: Path, tmp_path: Path, xlsx: Path) -> None:
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(TableFileError) as caught:
        import_progress([broken, xlsx], plan)
    assert caught.value.exit_code == 2
    assert [p.format() for p in caught.value.problems][0].startswith(
        f"{broken}: lỗi: tệp không phải bảng tính Excel (.xlsx)")
    with pytest.raises(ContentError) as caught_other:
        import_progress([xlsx], plan)
    assert errors_of(caught_other.value) == [(
        f"{xlsx}: lỗi: bảng tính không phải bảng báo cáo tiến độ do lsdocs xuất (thiếu trang "
        "ẩn «lsdocs»); đây là bảng phân công nhiệm vụ; nhập bằng lsdocs import-xlsx")]


def test_an_unanswered_task_is_a_warning(plan: Path, tmp_path: Path) -> None:
    sent = fill(export_one(plan, 2025, "snnmt", tmp_path),
                lambda wb: answer(wb, "3.1", "Đang thực hiện"))
    result = import_progress([sent], plan)
    record = record_file(plan, 2025, "snnmt")
    assert [w.format() for w in result.warnings] == [
        f"{sent}: Nhiệm vụ: cảnh báo: 1 nhiệm vụ chưa có tình trạng, coi như chưa báo cáo: 3.4",
        # and the progress loader says the same of the file written
        f"{record}:8: tasks: cảnh báo: thiếu nhiệm vụ do cơ quan chủ trì (sẽ tính là chưa báo "
        "cáo): «3.4» (cần mỗi nhiệm vụ một mục «- task: \"…\"» với status)"]
    assert result.records[0].tasks == 1


def test_a_document_of_the_agency_before_the_merger_names_its_issuer(plan: Path,
                                                                     tmp_path: Path) -> None:
    def early_document(wb: Workbook) -> None:
        good_snnmt_2025(wb)
        wb["Sản phẩm"]["C3"], wb["Sản phẩm"]["D3"] = "12/KH-SNN", "20/01/2025"

    workbook = fill(export_one(plan, 2025, "snnmt", tmp_path / "1"), early_document)
    with pytest.raises(ContentError) as caught:
        import_progress([workbook], plan)
    assert errors_of(caught.value) == [
        f"{workbook}: Sản phẩm!F3 (Cơ quan ban hành (nếu không phải cơ quan báo cáo)): lỗi: Sở "
        "Nông nghiệp và Môi trường không hoạt động vào ngày văn bản (20/01/2025): «Sở Nông "
        "nghiệp và Môi trường»; ghi cơ quan đã ban hành văn bản (ví dụ cơ quan trước sáp nhập) "
        "ở ô này"]
    fill(workbook, lambda wb: wb["Sản phẩm"].__setitem__("F3", "Sở NN&PTNT"))
    import_progress([workbook], plan)
    data = YAML(typ="safe").load(record_file(plan, 2025, "snnmt").read_text("utf-8"))
    assert data["tasks"][0]["products"][0]["issuer"] == "snnptnt"
    again = openpyxl.load_workbook(export_one(plan, 2025, "snnmt", tmp_path / "2"))
    assert again["Sản phẩm"]["F3"].value == "Sở Nông nghiệp và Phát triển nông thôn"


def test_tasks_the_workbook_has_no_row_for_are_kept(plan: Path, tmp_path: Path) -> None:
    done_2024 = fill(export_one(plan, 2024, "skhcn", tmp_path / "2024"),
                     lambda wb: answer(wb, "2.1", "Đã hoàn thành", "20/6/2024", "Xong"))
    import_progress([done_2024], plan)
    first = fill(export_one(plan, 2025, "skhcn", tmp_path / "1"),
                 lambda wb: answer(wb, "1.3", "Đang thực hiện"))
    import_progress([first], plan)
    target = record_file(plan, 2025, "skhcn")
    # task 2.1 was done in 2024, so the 2025 workbook has no row for it; a clerk lists it anyway
    target.write_text(target.read_text("utf-8") + '  - task: "2.1"   # ghi tay\n'
                      "    status: hoan-thanh\n    completed: 20/6/2024\n", encoding="utf-8")
    again = fill(export_one(plan, 2025, "skhcn", tmp_path / "2"),
                 lambda wb: answer(wb, "1.3", "Chưa triển khai"))
    result = import_progress([again], plan)
    data = YAML(typ="safe").load(target.read_text("utf-8"))
    assert [(t["task"], t["status"]) for t in data["tasks"]] == [
        ("1.3", "chua-trien-khai"), ("2.1", "hoan-thanh")]
    assert '  - task: "2.1"   # ghi tay' in target.read_text("utf-8")
    assert "done-before" in [w.code for w in result.warnings]  # the loader's word on it


def test_an_empty_workbook_writes_no_record(plan: Path, tmp_path: Path) -> None:
    untouched = export_one(plan, 2025, "sct", tmp_path)
    result = import_progress([untouched], plan)
    assert [(r.empty, r.written) for r in result.records] == [(True, False)]
    assert not record_file(plan, 2025, "sct").exists()
    assert f"{untouched}: cảnh báo: bảng chưa điền gì; không ghi tệp tiến độ (cơ quan vẫn là " \
           "chưa báo cáo)" in [w.format() for w in result.warnings]
