"""The four công văn: official letter form, agencies as they are today, succession."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import docx
import pytest

from lsdocs.content import load_plan
from lsdocs.documents import letter_contexts as L
from lsdocs.errors import ContentError
from lsdocs.letter_writer import render_letter
from tests.conftest import ROOT

TODAY = dt.date(2026, 11, 29)


def open_letter(content, kind, agency=None, **options):
    setup = L.setup(content, kind, L.LetterOptions(date=TODAY, **options))
    return docx.Document(io.BytesIO(render_letter(setup, agency)))


def cell_texts(cell):
    return [p.text for p in cell.paragraphs if p.text.strip()]


def body_texts(document):
    return [p.text for p in document.paragraphs if p.text.strip()]


@pytest.mark.parametrize("kind", L.LETTER_KINDS)
def test_every_letter_has_the_cong_van_form(shipped_content, kind):
    agency = None if kind == "trien-khai" else "snnmt"
    document = open_letter(shipped_content, kind, agency, as_of=TODAY)
    number_cell = document.tables[0].rows[1].cells[0]
    number, vv = cell_texts(number_cell)
    assert number.startswith("Số:") and "/" in number
    assert vv.startswith("V/v ")
    body = body_texts(document)
    assert not any(t in body for t in ("KẾ HOẠCH", "BÁO CÁO", "CÔNG VĂN"))
    assert body[0].startswith("Kính gửi:")
    recipients = cell_texts(document.tables[1].rows[0].cells[0])
    assert recipients[0] == "Nơi nhận:" and recipients[1] == "- Như trên;"
    assert recipients[-1].startswith("- Lưu: VT, ") and recipients[-1].endswith(".")
    closing = [p for p in document.paragraphs if p.text.endswith("./.")]
    assert closing


def test_draft_letters_leave_the_number_blank(shipped_content):
    document = open_letter(shipped_content, "giao-nhiem-vu", "syt")
    assert cell_texts(document.tables[0].rows[1].cells[0])[0] == "Số:      /UBND-KGVX"
    date = cell_texts(document.tables[0].rows[1].cells[1])[0]
    assert date == "Lạng Sơn, ngày 29 tháng 11 năm 2026"


def test_numbered_letter_pads_small_numbers(shipped_content):
    document = open_letter(shipped_content, "trien-khai", draft=False, number=5)
    assert cell_texts(document.tables[0].rows[1].cells[0])[0] == "Số: 05/UBND-KGVX"


def test_issuer_can_be_the_standing_agency(shipped_content):
    document = open_letter(shipped_content, "giao-nhiem-vu", "syt", issuer="skhcn")
    header_left = cell_texts(document.tables[0].rows[0].cells[0])
    assert header_left == ["UBND TỈNH LẠNG SƠN", "SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]
    signer = cell_texts(document.tables[1].rows[0].cells[1])
    assert signer == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]
    assert "/SKHCN-QLKH" in cell_texts(document.tables[0].rows[1].cells[0])[0]


def test_deploy_letter_goes_to_every_agency_as_of_today(shipped_content):
    body = body_texts(open_letter(shipped_content, "trien-khai"))
    assert body[0] == "Kính gửi:"
    lines = [t for t in body if t.startswith("- ")]
    assert all(line.endswith(";") for line in lines[:-1]) and lines[-1].endswith(".")
    assert "- Sở Nông nghiệp và Môi trường;" in lines
    assert lines[-1] == "- Ủy ban nhân dân các xã, phường."  # the local committees come last
    assert not any("Tài nguyên và Môi trường" in line for line in lines)
    assert not any("huyện" in line for line in lines)


def test_merged_agency_gets_the_tasks_of_both_predecessors(shipped_content):
    setup = L.setup(shipped_content, "giao-nhiem-vu", L.LetterOptions(date=TODAY))
    work = setup.tasks["snnmt"]
    leads = {t.lead for t in work.lead}
    assert leads == {"snnptnt", "stnmt"}
    text = "\n".join(body_texts(open_letter(shipped_content, "giao-nhiem-vu", "snnmt")))
    assert "Kính gửi: Sở Nông nghiệp và Môi trường." in text
    assert "1. Nhiệm vụ chủ trì thực hiện" in text
    assert "a) " in text


def test_letters_before_the_mergers_go_to_the_2023_agencies(shipped_content):
    setup = L.setup(shipped_content, "giao-nhiem-vu", L.LetterOptions(date=dt.date(2024, 3, 1)))
    assert "snnptnt" in setup.tasks and "snnmt" not in setup.tasks


def test_reminder_lists_only_due_or_overdue_tasks(shipped_content):
    as_of = dt.date(2024, 7, 15)
    setup = L.setup(shipped_content, "don-doc", L.LetterOptions(date=as_of, as_of=as_of))
    for agency in L.recipients(setup):
        for _task, due in L.due_tasks(setup, setup.tasks[agency]):
            assert due <= as_of + dt.timedelta(days=L.DUE_WINDOW_DAYS)
    text = "\n".join(body_texts(open_letter(shipped_content, "don-doc", "skhcn", issuer="ubnd-tinh",
                                            as_of=as_of)))
    assert "quá hạn" in text and "30/6/2024" in text


def test_report_request_has_the_outline_as_appendix(shipped_content):
    document = open_letter(shipped_content, "de-nghi-bao-cao", "syt", year=2026)
    texts = body_texts(document)
    assert "Phụ lục" in texts
    assert "ĐỀ CƯƠNG BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2026" in texts
    assert texts[-1].endswith("./.")
    assert "I. KẾT QUẢ THỰC HIỆN" in texts and "IV. ĐỀ XUẤT, KIẾN NGHỊ" in texts
    assert any("Kế hoạch số 182/KH-UBND" in t for t in texts)
    assert any("15/12/2025 đến ngày 14/12/2026" in t for t in texts)
    assert len(document.sections) == 2
    assert document.sections[1]._sectPr.xpath("./w:pgNumType/@w:start") == ["1"]


def test_unresolved_split_stops_with_the_choices(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    plan = content / "kh-182-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("succession:\n  sttt: svhttdl\n  sldtbxh: sgddt", "succession: {}")
    plan.write_text(text, encoding="utf-8")
    loaded = load_plan(plan)
    with pytest.raises(ContentError) as info:
        L.setup(loaded, "giao-nhiem-vu", L.LetterOptions(date=TODAY))
    message = info.value.format("vi")
    assert str(plan) in message
    assert "skhcn (công nghệ thông tin, viễn thông, chuyển đổi số)" in message
    assert "svhttdl (báo chí, xuất bản, thông tin cơ sở)" in message
    assert "succession: {sttt: skhcn}" in message
    assert "sldtbxh" in message  # every split is reported in one pass


def test_same_letter_twice_is_byte_identical(shipped_content):
    setup = L.setup(shipped_content, "giao-nhiem-vu", L.LetterOptions(date=TODAY))
    assert render_letter(setup, "syt") == render_letter(setup, "syt")


def test_noi_nhan_does_not_repeat_the_addressee(shipped_content):
    document = open_letter(shipped_content, "giao-nhiem-vu", "skhcn")
    recipients = cell_texts(document.tables[1].rows[0].cells[0])
    assert recipients[1] == "- Như trên;"
    assert not any("Sở Khoa học và Công nghệ" in r for r in recipients)
    other = open_letter(shipped_content, "giao-nhiem-vu", "syt")
    others = cell_texts(other.tables[1].rows[0].cells[0])
    assert any("Sở Khoa học và Công nghệ" in r for r in others)


def test_a_lone_point_is_not_lettered(shipped_content):
    texts = body_texts(open_letter(shipped_content, "giao-nhiem-vu", "syt"))
    report = texts[texts.index("3. Chế độ báo cáo") + 1]
    assert report.startswith("Báo cáo kết quả thực hiện")


def test_as_of_after_the_letter_date_is_refused(shipped_content):
    from lsdocs.errors import UsageError

    options = L.LetterOptions(date=TODAY, as_of=dt.date(2026, 12, 31))
    with pytest.raises(UsageError) as info:
        L.setup(shipped_content, "don-doc", options)
    assert "31/12/2026" in info.value.format("vi") and "29/11/2026" in info.value.format("vi")


@pytest.mark.parametrize(
    ("kind", "agency", "options", "expected"),
    [
        ("de-nghi-bao-cao", "skhcn", {}, "không gửi công văn cho chính mình"),
        ("giao-nhiem-vu", "skhcnn", {}, "có phải «skhcn» (Sở Khoa học và Công nghệ)?"),
        ("don-doc", "stp", {"date": dt.date(2023, 10, 1), "as_of": dt.date(2023, 10, 1)},
         "không có nhiệm vụ đến hạn"),
        ("giao-nhiem-vu", "syt", {"date": dt.date(2020, 1, 1)}, "trước ngày ban hành kế hoạch"),
        ("de-nghi-bao-cao", "syt", {"year": 1999}, "năm báo cáo không hợp lý"),
    ],
)
def test_impossible_letters_are_usage_errors(shipped_content, kind, agency, options, expected):
    from lsdocs.errors import UsageError

    settings = {"date": TODAY, **options}
    with pytest.raises(UsageError) as info:
        setup = L.setup(shipped_content, kind, L.LetterOptions(**settings))
        render_letter(setup, agency)
    assert expected in info.value.format("vi")


def test_a_2023_agency_id_reaches_its_successor(shipped_content):
    document = open_letter(shipped_content, "giao-nhiem-vu", "stnmt")
    assert "Kính gửi: Sở Nông nghiệp và Môi trường." in body_texts(document)


def assignment(content, agency, on):
    from lsdocs.progress.record_loader import load_progress

    setup = L.setup(content, "giao-nhiem-vu", L.LetterOptions(date=on), load_progress(content))
    text = "\n".join(body_texts(docx.Document(io.BytesIO(render_letter(setup, agency)))))
    return text, [w.get("vi") for w in L.letter_warnings(setup, agency)]


def test_assignment_says_when_a_task_reported_done_was_done(shipped_content):
    """Sở Y tế reported task 3.2 done on 20/3/2025 (report 2025) and Sở KH&CN task 2.1 done on
    15/8/2024: a letter of 2026 says so instead of urging them as overdue."""
    text, warnings = assignment(shipped_content, "syt", TODAY)
    assert ("Thời gian hoàn thành: quý II/2024 (theo báo cáo năm 2025, đã hoàn thành ngày "
            "20/3/2025).") in text
    assert ("Thời gian hoàn thành: 30/6/2024 (theo báo cáo năm 2024, đã hoàn thành ngày "
            "15/8/2024).") in text
    assert "quá hạn" not in text and "khẩn trương" not in text
    assert warnings == ["công văn giao nhiệm vụ có 2 nhiệm vụ đã được báo cáo hoàn thành "
                        "(3.2, 2.1); công văn ghi rõ ngày hoàn thành, không đôn đốc"]


def test_assignment_urges_a_task_whose_report_had_not_arrived(shipped_content):
    """On 01/12/2024 neither the 2025 report (3.2 done) nor the 2024 one (2.1 done, due by
    15/12/2024) had arrived: both tasks are overdue as far as the letter's writer knows."""
    text, warnings = assignment(shipped_content, "syt", dt.date(2024, 12, 1))
    assert ("Thời gian hoàn thành: quý II/2024 (đã quá hạn hơn 5 tháng; khẩn trương hoàn thành "
            "nếu chưa thực hiện xong).") in text
    assert warnings == ["công văn giao nhiệm vụ có 2 nhiệm vụ đã quá thời hạn hoàn thành "
                        "(3.2, 2.1); công văn ghi rõ đã quá hạn"]
