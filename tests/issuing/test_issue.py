"""``issue``: numbers written into the drafts as they are now, one transaction per run."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import docx
import pytest

from lsdocs.check import check_bytes
from lsdocs.check._xml import w
from lsdocs.documents import letter_contexts as letter_doc
from lsdocs.errors import UsageError
from lsdocs.issuing import IssueError, IssueOptions, Query, collect_drafts, issue
from lsdocs.issuing.draft import para_text, read_draft
from lsdocs.issuing.stamp import MARKER, issued_marker, stamp
from lsdocs.letter_writer import render_letter
from lsdocs.plan_writer import build
from lsdocs.render.merge import merge_documents
from tests.conftest import ROOT
from tests.issuing.conftest import DRAFTED

ISSUED = dt.date(2026, 11, 30)


def texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    header = [p.text for cell in document.tables[0]._cells for p in cell.paragraphs]
    return header + [p.text for p in document.paragraphs]


def manifest_files(folder: Path) -> list[str]:
    return [row["file"] for row in json.loads((folder / "manifest.json").read_text())["items"]]


def test_a_batch_is_numbered_01_to_14_in_manifest_order_and_passes_the_checker(batch, store):
    result = issue(collect_drafts([batch]), store, IssueOptions(ISSUED))
    assert [i.entry.number for i in result.issued] == list(range(1, 15))
    assert [Path(i.entry.draft_file).name for i in result.issued] == manifest_files(batch)
    first = result.issued[0]
    assert first.path.name == "giao-nhiem-vu-skhcn-so-01-ubnd-kgvx-2026.docx"
    lines = texts(first.path)
    assert "Số: 01/UBND-KGVX" in lines
    assert "Lạng Sơn, ngày 30 tháng 11 năm 2026" in lines
    for item in result.issued:
        data = item.path.read_bytes()
        assert check_bytes(data, item.path.name).passed()
        assert hashlib.sha256(data).hexdigest() == item.entry.sha256
        assert issued_marker(data) == f"{item.entry.reference} ngày 30/11/2026"
    # the drafts are untouched
    assert "Số:      /UBND-KGVX" in texts(batch / "giao-nhiem-vu-skhcn.docx")


def test_the_register_entry_holds_the_columns_of_phu_luc_iv(batch, store):
    issue([batch / "giao-nhiem-vu-syt.docx"], store, IssueOptions(ISSUED, note="Gửi qua eOffice"))
    (entry,) = store.search(Query())
    assert entry.reference == "01/UBND-KGVX"
    assert entry.issued_on == ISSUED
    assert entry.agency == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    assert entry.title() == ("Công văn V/v giao nhiệm vụ thực hiện Kế hoạch số 182/KH-UBND "
                             "ngày 06/9/2023")
    assert entry.signer == "Dương Xuân Huyên"
    assert entry.recipients.startswith("Sở Y tế; ")  # "Như trên" spelled out
    assert entry.filing == "VT, KGVX"
    assert entry.copies == len(entry.recipients.split("; ")) + 2
    assert entry.note == "Gửi qua eOffice"
    assert entry.draft_sha256 == hashlib.sha256(
        (batch / "giao-nhiem-vu-syt.docx").read_bytes()).hexdigest()


def test_edits_made_in_word_are_kept_and_a_split_number_line_is_filled(batch, store):
    draft = batch / "giao-nhiem-vu-stc.docx"
    document = docx.Document(str(draft))
    number_para = document.tables[0].rows[1].cells[0].paragraphs[0]
    run = number_para.runs[0]._r
    second = copy.deepcopy(run)
    run.find(w("t")).text = "Số:   "
    second.find(w("t")).text = "   /UBND-KGVX"
    run.addnext(second)
    body = document.paragraphs[1]
    body.runs[-1].text += " Văn thư đã sửa câu này trong Word."
    document.save(str(draft))

    (item,) = issue([draft], store, IssueOptions(ISSUED)).issued
    lines = texts(item.path)
    assert "Số: 01/UBND-KGVX" in lines
    assert any(line.endswith("Văn thư đã sửa câu này trong Word.") for line in lines)
    assert check_bytes(item.path.read_bytes()).passed()


def test_the_appendix_reference_line_gets_the_number_and_date(requests, store):
    (item,) = issue([requests / "de-nghi-bao-cao-syt.docx"], store,
                    IssueOptions(dt.date(2027, 1, 4))).issued
    assert item.entry.reference == "01/SKHCN-QLKH"
    assert item.entry.agency == "UBND TỈNH LẠNG SƠN SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    lines = [para_text(p) for p in read_draft(item.path.read_bytes(), "x").paragraphs()]
    assert ("(Kèm theo Công văn số 01/SKHCN-QLKH ngày 04 tháng 01 năm 2027 "
            "của Sở Khoa học và Công nghệ)") in lines
    assert "Lạng Sơn, ngày 04 tháng 01 năm 2027" in lines


def test_the_same_draft_is_not_numbered_twice(batch, store):
    issue([batch / "giao-nhiem-vu-syt.docx"], store, IssueOptions(ISSUED))
    with pytest.raises(IssueError) as caught:
        issue([batch / "giao-nhiem-vu-syt.docx"], store, IssueOptions(ISSUED))
    message = caught.value.format("vi")
    assert "đã được phát hành: số 01/UBND-KGVX ngày 30/11/2026" in message
    assert "lsdocs so-van-ban huy 01/UBND-KGVX --year 2026" in message
    assert len(store.search(Query())) == 1


def test_an_issued_copy_is_refused_by_its_marker_and_its_number(batch, store):
    (item,) = issue([batch / "giao-nhiem-vu-syt.docx"], store, IssueOptions(ISSUED)).issued
    with pytest.raises(IssueError) as caught:
        issue([item.path], store, IssueOptions(ISSUED))
    assert "bản đã phát hành (số 01/UBND-KGVX ngày 30/11/2026)" in caught.value.format("vi")
    assert MARKER == "lsdocs-phat-hanh"


def test_an_edited_draft_of_an_issued_document_needs_the_old_number_cancelled(batch, store):
    draft = batch / "giao-nhiem-vu-syt.docx"
    (first,) = issue([draft], store, IssueOptions(ISSUED)).issued
    document = docx.Document(str(draft))
    document.paragraphs[1].runs[-1].text += " Sửa sau khi đã phát hành."
    document.save(str(draft))
    with pytest.raises(IssueError, match="hủy số cũ trước"):
        issue([draft], store, IssueOptions(ISSUED))
    store.cancel(first.entry, ISSUED, "Sửa nội dung")
    (second,) = issue([draft], store, IssueOptions(ISSUED)).issued
    assert second.entry.number == 2


def test_a_document_failing_the_checker_stops_the_run_and_takes_no_number(batch, store):
    broken = batch / "giao-nhiem-vu-syt.docx"
    document = docx.Document(str(broken))
    for run in document.paragraphs[1].runs:
        run.font.name = "Arial"
    document.save(str(broken))
    before = sorted(p.name for p in batch.iterdir())
    with pytest.raises(IssueError) as caught:
        issue(collect_drafts([batch]), store, IssueOptions(ISSUED))
    assert "giao-nhiem-vu-syt.docx" in caught.value.format("vi")
    assert store.search(Query()) == []
    assert sorted(p.name for p in batch.iterdir()) == before
    broken.unlink()
    (batch / "manifest.json").write_text(json.dumps({"items": [
        row for row in json.loads((batch / "manifest.json").read_text())["items"]
        if row["file"] != broken.name]}))
    result = issue(collect_drafts([batch]), store, IssueOptions(ISSUED))
    assert [i.entry.number for i in result.issued] == list(range(1, 14))


def test_every_problem_of_every_draft_is_reported_at_once(batch, store, tmp_path):
    not_word = tmp_path / "ghi-chu.docx"
    not_word.write_text("không phải Word")
    issue([batch / "giao-nhiem-vu-syt.docx"], store, IssueOptions(ISSUED))
    with pytest.raises(IssueError) as caught:
        issue([not_word, batch / "giao-nhiem-vu-syt.docx", batch / "giao-nhiem-vu-stc.docx"],
              store, IssueOptions(ISSUED))
    message = caught.value.format("vi")
    assert "ghi-chu.docx: lỗi: không đọc được tệp Word" in message
    assert "giao-nhiem-vu-syt.docx: lỗi: bản dự thảo này đã được phát hành" in message
    assert len(store.search(Query())) == 1


def test_an_existing_file_with_the_issued_name_is_never_overwritten(batch, store):
    squatter = batch / "giao-nhiem-vu-syt-so-01-ubnd-kgvx-2026.docx"
    squatter.write_bytes(b"someone else's file")
    with pytest.raises(IssueError, match="không ghi đè"):
        issue([batch / "giao-nhiem-vu-syt.docx"], store, IssueOptions(ISSUED))
    assert squatter.read_bytes() == b"someone else's file"
    assert store.search(Query()) == []


def test_an_issued_file_lost_after_the_commit_is_rebuilt_byte_for_byte(batch, store):
    (item,) = issue([batch / "giao-nhiem-vu-syt.docx"], store, IssueOptions(ISSUED)).issued
    original = item.path.read_bytes()
    item.path.unlink()
    (again,) = issue([batch / "giao-nhiem-vu-syt.docx"], store, IssueOptions(ISSUED)).issued
    assert again.repaired and again.entry.number == 1
    assert again.path.read_bytes() == original
    assert len(store.search(Query())) == 1


def test_numbers_follow_the_order_of_dates_and_restart_on_1_january(batch, store):
    issue([batch / "giao-nhiem-vu-syt.docx"], store, IssueOptions(dt.date(2026, 12, 31)))
    with pytest.raises(IssueError, match="sớm hơn ngày của số trước"):
        issue([batch / "giao-nhiem-vu-stc.docx"], store, IssueOptions(dt.date(2026, 12, 30)))
    (new_year,) = issue([batch / "giao-nhiem-vu-stc.docx"], store,
                        IssueOptions(dt.date(2027, 1, 1))).issued
    assert new_year.entry.reference == "01/UBND-KGVX" and new_year.entry.year == 2027
    assert "Lạng Sơn, ngày 01 tháng 01 năm 2027" in texts(new_year.path)


def test_two_agencies_number_separately_in_one_run(batch, requests, store):
    result = issue([batch / "giao-nhiem-vu-syt.docx", requests / "de-nghi-bao-cao-syt.docx",
                    batch / "giao-nhiem-vu-stc.docx"], store, IssueOptions(ISSUED))
    assert [i.entry.reference for i in result.issued] == [
        "01/UBND-KGVX", "01/SKHCN-QLKH", "02/UBND-KGVX"]


def test_a_folder_without_manifest_and_a_missing_file_are_usage_errors(tmp_path):
    with pytest.raises(UsageError) as caught:
        collect_drafts([tmp_path, tmp_path / "khong-co.docx"])
    message = caught.value.format("vi")
    assert "không có manifest.json" in message and "khong-co.docx: lỗi: không có tệp này" in message


def test_a_merged_file_is_refused(batch, store):
    merged = batch / "tong-hop.docx"
    merged.write_bytes(merge_documents([(batch / "giao-nhiem-vu-syt.docx").read_bytes(),
                                        (batch / "giao-nhiem-vu-stc.docx").read_bytes()]))
    with pytest.raises(IssueError, match="tệp ghép"):
        issue([merged], store, IssueOptions(ISSUED))


def test_stamped_bytes_are_deterministic(batch, store, tmp_path):
    (item,) = issue([batch / "giao-nhiem-vu-syt.docx"], store, IssueOptions(ISSUED)).issued
    draft = read_draft((batch / "giao-nhiem-vu-syt.docx").read_bytes(), "x")
    assert stamp(draft, 1, ISSUED) == item.path.read_bytes()


def test_a_draft_plan_gets_its_number_in_the_header_and_in_its_appendix(tmp_path, store):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    plan = content / "kh-182-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("  number: 182\n  date: 06/9/2023\n",
                                 "  draft: true\n  year: 2026\n", 1), encoding="utf-8")
    draft = build(plan, tmp_path / "out").directory / "ke-hoach.docx"
    assert "Số:      /KH-UBND" in texts(draft)
    (item,) = issue([draft], store, IssueOptions(dt.date(2026, 12, 1))).issued
    assert item.entry.reference == "01/KH-UBND" and item.entry.doc_type == "Kế hoạch"
    assert item.entry.trich_yeu.startswith("Thực hiện Chương trình hành động số 88-CTr/TU")
    lines = [para_text(p) for p in read_draft(item.path.read_bytes(), "x").paragraphs()]
    assert "Số: 01/KH-UBND" in lines and "Lạng Sơn, ngày 01 tháng 12 năm 2026" in lines
    assert ("(Kèm theo Kế hoạch số 01/KH-UBND ngày 01 tháng 12 năm 2026 của Ủy ban nhân dân "
            "tỉnh Lạng Sơn)") in lines
    assert check_bytes(item.path.read_bytes()).passed()
    with pytest.raises(IssueError, match="phụ lục kèm theo văn bản khác"):
        issue([draft.with_name("phu-luc-phan-cong.docx")], store, IssueOptions(ISSUED))


def test_a_letter_to_many_addressees_registers_each_of_them(shipped_content, tmp_path, store):
    setup = letter_doc.setup(shipped_content, "trien-khai", letter_doc.LetterOptions(date=DRAFTED))
    draft = tmp_path / "trien-khai.docx"
    draft.write_bytes(render_letter(setup, None))
    (item,) = issue([draft], store, IssueOptions(ISSUED)).issued
    names = item.entry.recipients.split("; ")
    assert names[0] == "Sở Khoa học và Công nghệ" and "Sở Ngoại vụ" in names
    assert "Như trên" not in names and "" not in names
    assert not any(name.startswith("Lưu") for name in names)
    assert names[-1] == "C, PCVP UBND tỉnh"
    assert item.entry.copies == len(names) + 2  # + VT and KGVX


def test_a_deadline_the_issue_date_has_passed_is_a_warning(requests, store):
    late = issue([requests / "de-nghi-bao-cao-syt.docx"], store,
                 IssueOptions(dt.date(2027, 1, 4)))
    (warning,) = late.warnings
    assert not warning.is_error and warning.code == "issue-deadline-passed"
    assert "«trước ngày 15/12/2026»" in warning.format("vi") and "04/01/2027" in warning.format()
    in_time = issue([requests / "de-nghi-bao-cao-stc.docx"], store, IssueOptions(ISSUED))
    assert in_time.warnings == []


def test_one_draft_twice_in_a_run_is_refused(batch, store, tmp_path):
    copy_of = tmp_path / "ban-sao.docx"
    shutil.copy(batch / "giao-nhiem-vu-syt.docx", copy_of)
    with pytest.raises(IssueError, match="cùng một bản dự thảo với"):
        issue([batch / "giao-nhiem-vu-syt.docx", copy_of], store, IssueOptions(ISSUED))
    assert store.search(Query()) == []
