"""Valid forms real documents use must not be reported (issue 10), and the faults the
checker used to miss must be: each case changes one known-good document."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from nd30_builder import (
    BOTH,
    CENTER,
    build_quyet_dinh,
    mutate,
    write,
)
from nd30_variants import para, set_text

from lsdocs.check import check_bytes, fix_document
from lsdocs.check.text_keys import QUOC_HIEU, TIEU_NGU


def _rules(data: bytes, kind: str = "auto") -> list[str]:
    return sorted(f.rule for f in check_bytes(data, kind=kind).findings)


@pytest.fixture(scope="module")
def good_quyet_dinh() -> bytes:
    return build_quyet_dinh()


def test_base_documents_are_clean(good_plan: bytes, good_cong_van: bytes,
                                  good_quyet_dinh: bytes) -> None:
    assert (_rules(good_plan), _rules(good_cong_van), _rules(good_quyet_dinh)) == ([], [], [])


@pytest.mark.parametrize("date", ["Lạng Sơn, ngày      tháng 9 năm 2023",
                                  "Lạng Sơn, ngày   tháng   năm 2023",
                                  "Lạng Sơn, ngày … tháng … năm …"])
def test_draft_dates_with_blanks_are_valid(good_plan: bytes, date: str) -> None:
    data = mutate(good_plan, lambda d: set_text(para(d, "Lạng Sơn, ngày"), date))
    assert "R18" not in _rules(data)


def test_another_province_is_fine_when_the_agency_is_there(good_plan: bytes) -> None:
    def move(d: object) -> None:
        set_text(para(d, "TỈNH LẠNG SƠN"), "TỈNH LÂM ĐỒNG")
        set_text(para(d, "Lạng Sơn, ngày"), "Lâm Đồng, ngày 06 tháng 9 năm 2023")
    report = check_bytes(mutate(good_plan, move))
    assert "R18" not in report.rules()
    assert not any("Lạng Sơn" in f.sentence() for f in report.findings)


def test_place_must_match_the_agencys_province(good_plan: bytes) -> None:
    data = mutate(good_plan, lambda d: set_text(para(d, "TỈNH LẠNG SƠN"), "TỈNH LÂM ĐỒNG"))
    [finding] = [f for f in check_bytes(data).findings if f.rule == "R18"]
    assert finding.found is not None and "Lạng Sơn" in finding.found.vi
    assert finding.expected is not None and "LÂM ĐỒNG" in finding.expected.vi


def test_filing_line_expectation_comes_from_the_document(good_cong_van: bytes) -> None:
    data = mutate(good_cong_van, lambda d: set_text(para(d, "- Lưu:"), "- Lưu: VT, KT"))
    [finding] = [f for f in check_bytes(data).findings if f.rule == "R35"]
    assert finding.expected is not None and finding.expected.vi == "«- Lưu: VT, KT.»"


def test_wrapped_noi_nhan_item_is_one_item(good_plan: bytes) -> None:
    def wrap(d: object) -> None:
        item = para(d, "- Chủ tịch, các PCT")
        set_text(item, "- Chủ tịch, các PCT UBND tỉnh, Văn phòng Ủy ban nhân dân")
        tail = write(d.add_paragraph(), "tỉnh và các phòng chuyên môn;", 11, "left")
        item._p.addnext(tail._p)
    assert "R35" not in _rules(mutate(good_plan, wrap))


def test_drafter_initials_in_a_smaller_size_are_accepted(good_plan: bytes) -> None:
    def initials(d: object) -> None:
        item = para(d, "- Lưu:")
        set_text(item, "- Lưu: VT, KGVX.")
        run = item.add_run("Châu")
        run.font.size = Pt(8)
        run.font.name = "Times New Roman"
        item.runs[0].text = "- Lưu: VT, KGVX."
    data = mutate(good_plan, initials)
    assert not [f for f in check_bytes(data).findings if f.rule == "R35"
                and "Cỡ chữ" in f.message.vi]


def test_colon_after_noi_nhan_may_be_upright(good_plan: bytes) -> None:
    def colon(d: object) -> None:
        label = para(d, "Nơi nhận:")
        set_text(label, "Nơi nhận")
        run = label.add_run(":")
        run.font.size, run.font.bold, run.font.italic = Pt(12), True, False
        run.font.name = "Times New Roman"
    assert "R34" not in _rules(mutate(good_plan, colon))


def test_vv_in_the_row_under_so_takes_its_spacing(good_cong_van: bytes) -> None:
    def next_row(d: object) -> None:
        table = d.tables[0]
        so, vv = para(d, "Số:"), para(d, "V/v")
        so.paragraph_format.space_after = Pt(6)
        vv.paragraph_format.space_before = Pt(0)
        row = table.add_row()
        row.cells[0].paragraphs[0]._p.addnext(vv._p)
        row.cells[0]._tc.remove(row.cells[0].paragraphs[0]._p)
    data = mutate(good_cong_van, next_row)
    assert "R22" not in _rules(data)


def test_even_page_footer_is_ignored_without_even_and_odd_headers(good_plan: bytes) -> None:
    def even_footer(d: object) -> None:
        footer = d.sections[0].even_page_footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        run = p.add_run()
        for kind in ("begin", "end"):
            if kind == "end":
                instr = OxmlElement("w:instrText")
                instr.text = " PAGE "
                run._r.append(instr)
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    assert "R37" not in _rules(mutate(good_plan, even_footer))


def test_italic_can_cu_without_the_word_is_reported_once(good_quyet_dinh: bytes) -> None:
    def drop_word(d: object) -> None:
        for start in ("Căn cứ Luật", "Căn cứ Nghị định"):
            p = para(d, start)
            set_text(p, p.text.removeprefix("Căn cứ "))
    report = check_bytes(mutate(good_quyet_dinh, drop_word))
    assert "R26" not in report.rules()
    [finding] = [f for f in report.findings if "Căn cứ" in f.message.vi]
    assert finding.rule == "R30" and finding.expected is not None
    assert "2 dòng" in finding.expected.vi


def test_quyet_dinh_without_authority_line(good_quyet_dinh: bytes) -> None:
    data = mutate(good_quyet_dinh, lambda d: para(d, "CHỦ TỊCH ỦY BAN")._p.getparent().remove(
        para(d, "CHỦ TỊCH ỦY BAN")._p))
    messages = [f.message.vi for f in check_bytes(data).findings if f.rule == "R30"]
    assert any("thẩm quyền" in m for m in messages)


def test_repeated_fault_is_one_finding_with_its_places(good_plan: bytes) -> None:
    def red(d: object) -> None:
        for p in d.paragraphs:
            for run in p.runs:
                run.font.color.rgb = RGBColor(0xFF, 0, 0)
    report = check_bytes(mutate(good_plan, red))
    [finding] = [f for f in report.findings if f.rule == "R08"]
    assert finding.count > 5 and len(finding.places) == finding.count
    data = finding.to_dict()
    assert data["count"] == finding.count
    assert all(p["container"] == "body" and p["section"] >= 1 for p in data["places"]
               if "paragraph" in p)  # type: ignore[union-attr]


def _typed_header_doc(motto: str = TIEU_NGU) -> bytes:
    """A công văn typed with tabs: header lines, Kính gửi and signature as paragraphs."""
    import docx
    document = docx.Document()
    for style in ("Normal",):
        document.styles[style].font.name = "Times New Roman"
    lines = [f"ỦY BAN NHÂN DÂN\t{QUOC_HIEU}", f"TỈNH LÂM ĐỒNG\t{motto}",
             "Số:      /UBND-NC\tLâm Đồng, ngày      tháng 10 năm 2025",
             "V/v triển khai thực hiện", "Công văn số 4552/BCA-C04"]
    for line in lines:
        write(document.add_paragraph(), line, 13, CENTER)
    write(document.add_paragraph(), "Kính gửi: Công an tỉnh", 14, CENTER, before=120)
    write(document.add_paragraph(), "Ủy ban nhân dân tỉnh giao Công an tỉnh thực hiện./.", 14,
          BOTH, first=720, before=120)
    write(document.add_paragraph(), "Nơi nhận:\tTL. CHỦ TỊCH", 12, "left")
    write(document.add_paragraph(), "- Như trên;", 11, "left")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_typed_header_is_read_as_a_cong_van_header() -> None:
    report = check_bytes(_typed_header_doc())
    assert report.kind == "cong-van"
    assert not {"R10", "R11", "R15", "R18", "R24", "R25", "R26"} & report.rules()


def test_typed_header_words_are_still_checked() -> None:
    report = check_bytes(_typed_header_doc("Độc lập – Tự do – Hạnh phúc"))
    assert [f.rule for f in report.findings if f.rule == "R11"] == ["R11"]


def test_kinh_gui_without_kinh_is_reported(good_cong_van: bytes) -> None:
    data = mutate(good_cong_van, lambda d: set_text(para(d, "Kính gửi:"), "gửi:"))
    [finding] = [f for f in check_bytes(data).findings if f.rule == "R23"]
    assert finding.message.vi == "Thiếu chữ «Kính» trước «gửi:»"


def test_out_of_scope_exit_status_4(tmp_path: Path) -> None:
    import docx
    document = docx.Document()
    for text in (QUOC_HIEU, TIEU_NGU, "ĐƠN XIN XÁC NHẬN", "Kính gửi: Ủy ban nhân dân xã"):
        document.add_paragraph(text)
    path = tmp_path / "don.docx"
    document.save(str(path))
    result = subprocess.run([sys.executable, "-m", "lsdocs", "check", "--json", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 4
    envelope = json.loads(result.stdout)
    (data,) = envelope["result"]["files"]
    assert (envelope["exit_code"], envelope["ok"]) == (4, False)
    assert (data["in_scope"], data["scope"], data["findings"]) == (False, "cong-dan", [])


def _part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode()


def test_fix_keeps_white_text_hidden(good_plan: bytes, tmp_path: Path) -> None:
    def hide_and_redden(d: object) -> None:
        name = para(d, "Dương Xuân Huyên")
        run = name.add_run("[ (Đã ký)")
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        run.font.name = "Times New Roman"
        para(d, "Các sở, ban").runs[0].font.color.rgb = RGBColor(0, 0, 0xFF)
    src = tmp_path / "in.docx"
    src.write_bytes(mutate(good_plan, hide_and_redden))
    report = fix_document(src, tmp_path / "out.docx")
    assert report.after is not None and "R08" not in report.after.rules()
    xml = _part(tmp_path / "out.docx", "word/document.xml")
    assert 'w:val="FFFFFF"' in xml


def _everywhere(d: object) -> list[object]:
    found = list(d.paragraphs)
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    for sect in d.sections:
        for part in (sect.header, sect.first_page_header, sect.footer):
            if not part.is_linked_to_previous:
                found.extend(part.paragraphs)
    return found


def test_added_page_number_carries_times_new_roman(good_plan: bytes, tmp_path: Path) -> None:
    def vn_font_no_numbers(d: object) -> None:
        sect = d.sections[0]
        for p in sect.header.paragraphs:
            p._p.getparent().remove(p._p)
        sect.header.add_paragraph("")
        runs = [r for p in _everywhere(d) for r in p.runs]
        for run in runs:
            run.font.name = "Times New Roman"  # every run names its font …
        d.styles["Normal"].font.name = ".VnTime"  # … over a legacy-font Normal style
    src = tmp_path / "in.docx"
    src.write_bytes(mutate(good_plan, vn_font_no_numbers))
    report = fix_document(src, tmp_path / "out.docx")
    assert report.before is not None and not {"R07", "R09"} & report.before.rules()
    assert report.after is not None and "R37" not in report.after.rules()
    assert not {"R07", "R09"} & report.after.rules()


def test_text_without_diacritics_is_reported(good_plan: bytes) -> None:
    plain = ("Uy ban nhan dan tinh giao cac so, ban, nganh trien khai thuc hien ke hoach nay "
             "theo dung tien do va bao cao ket qua dinh ky hang quy")

    def strip(d: object) -> None:
        for p in d.paragraphs:
            if p.paragraph_format.first_line_indent and p.runs:
                set_text(p, plain)
    report = check_bytes(mutate(good_plan, strip))
    assert [f.message.vi for f in report.findings if f.rule == "R09"] == [
        "Văn bản gõ tiếng Việt không dấu"]


def test_quoc_hieu_too_wide_for_its_cell_is_reported(good_plan: bytes) -> None:
    def narrow(d: object) -> None:
        table = d.tables[0]
        for row in table.rows:
            row.cells[1].width = Pt(230)
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        grid[1].set(qn("w:w"), str(230 * 20))
    report = check_bytes(mutate(good_plan, narrow))
    assert [f.message.vi for f in report.findings if f.rule == "R10"] == [
        "Quốc hiệu không vừa một dòng, bị xuống dòng"]


def test_typed_header_so_and_date_on_two_lines() -> None:
    import docx
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    for line in (f"ỦY BAN NHÂN DÂN\t{QUOC_HIEU}", f"TỈNH LÂM ĐỒNG\t{TIEU_NGU}",
                 "Số:      /UBND-NC", "\tLâm Đồng, ngày 05 tháng 10 năm 2025",
                 "V/v triển khai"):
        write(document.add_paragraph(), line, 13, CENTER)
    write(document.add_paragraph(), "Kính gửi: Công an tỉnh", 14, CENTER, before=120)
    out = io.BytesIO()
    document.save(out)
    assert "R19" in check_bytes(out.getvalue()).rules()


def test_phieu_trinh_is_a_known_type_name(good_plan: bytes) -> None:
    def phieu(d: object) -> None:
        set_text(para(d, "KẾ HOẠCH"), "PHIẾU TRÌNH")
        set_text(para(d, "Số:"), "Số: 182/PTr-VP")
    report = check_bytes(mutate(good_plan, phieu))
    assert not {"R17", "R20"} & report.rules()


def test_unknown_type_name_is_a_warning(good_plan: bytes) -> None:
    data = mutate(good_plan, lambda d: set_text(para(d, "KẾ HOẠCH"), "BẢN TIN"))
    [finding] = [f for f in check_bytes(data).findings if f.rule == "R20"]
    assert finding.severity == "warning"


def test_blank_page_between_page_breaks(good_plan: bytes) -> None:
    from docx.enum.text import WD_BREAK

    def breaks(d: object) -> None:
        target = para(d, "Các sở, ban")
        first = d.add_paragraph()
        first.add_run().add_break(WD_BREAK.PAGE)
        second = d.add_paragraph()
        second.add_run().add_break(WD_BREAK.PAGE)
        target._p.addprevious(first._p)
        target._p.addprevious(second._p)
    assert [f.rule for f in check_bytes(mutate(good_plan, breaks)).findings] == ["R47"]


def test_body_text_naming_the_party_or_a_company_stays_in_scope(good_plan: bytes) -> None:
    def mention(d: object) -> None:
        p = para(d, "Các sở, ban")
        set_text(p, "Đơn vị thực hiện Nghị quyết của Đảng Cộng sản Việt Nam cùng Công ty cổ "
                    "phần Viễn thông và Công ty TNHH Minh Anh./.")
        p._p.getparent().insert(5, p._p)
    report = check_bytes(mutate(good_plan, mention))
    assert report.in_scope


def test_near_black_and_tnr_face_names_are_accepted(good_plan: bytes) -> None:
    def shades(d: object) -> None:
        p = para(d, "Các sở, ban")
        p.runs[0].font.color.rgb = RGBColor(0x0D, 0x0D, 0x0D)
        p.runs[0].font.name = "Times New Roman Bold"
    assert not {"R07", "R08"} & set(_rules(mutate(good_plan, shades)))


def test_dark_grey_is_still_not_black(good_plan: bytes) -> None:
    def grey(d: object) -> None:
        para(d, "Các sở, ban").runs[0].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    assert "R08" in _rules(mutate(good_plan, grey))


def test_wrapping_agency_line_puts_so_below_the_date(good_plan: bytes) -> None:
    data = mutate(good_plan, lambda d: set_text(para(d, "ỦY BAN NHÂN DÂN"),
                                                "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"))
    [finding] = [f for f in check_bytes(data).findings if f.rule == "R19"]
    assert "xuống dòng" in finding.message.vi and finding.found is not None
    assert finding.found.vi == "Số thấp hơn 1 dòng"
