"""Conformant ways of writing the documents that an earlier checker flagged:
each change keeps the document conformant, so it must get no findings."""

from __future__ import annotations

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from nd30_builder import mutate, size_table, write
from nd30_variants import para

from lsdocs.check import check_bytes


def _nil_cell_borders(d: object) -> None:
    """Table Grid style, but every cell's tcBorders nil (Word's "no border")."""
    for table in d.tables[:2]:
        table.style = d.styles["Table Grid"]
        for row in table.rows:
            for c in row.cells:
                tcpr = c._tc.get_or_add_tcPr()
                borders = OxmlElement("w:tcBorders")
                for side in ("top", "left", "bottom", "right"):
                    el = OxmlElement(f"w:{side}")
                    el.set(qn("w:val"), "nil")
                    borders.append(el)
                tcpr.append(borders)


def _none_table_borders(d: object) -> None:
    """LibreOffice's re-save: Table Grid style, outer tblBorders none, inner edges
    switched off by each cell's nil tcBorders."""
    _nil_cell_borders(d)
    for table in d.tables[:2]:
        tblpr = table._tbl.tblPr
        borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:val"), "none")
            el.set(qn("w:sz"), "0")
            borders.append(el)
        tblpr.append(borders)


def _join_with_breaks(paras: list[object]) -> None:
    """Move the runs of paras[1:] into paras[0], each after a <w:br/>."""
    first = paras[0]._p
    for other in paras[1:]:
        br_run = OxmlElement("w:r")
        br_run.append(OxmlElement("w:br"))
        first.append(br_run)
        for run in other._p.findall(qn("w:r")):
            first.append(run)
        other._p.getparent().remove(other._p)


def _motto_one_paragraph(d: object) -> None:
    _join_with_breaks([para(d, "CỘNG HÒA"), para(d, "Độc lập")])


def _noi_nhan_one_paragraph(d: object) -> None:
    cell = para(d, "Nơi nhận")._parent
    items = [p for p in cell.paragraphs if p.text.startswith("- ")]
    _join_with_breaks(items)


def _before(anchor: object, new: object) -> None:
    anchor._p.addprevious(new)


def _unit_line_over_table(d: object) -> None:
    anchor = para(d, "2. Yêu cầu")
    unit = write(d.add_paragraph(), "Đơn vị tính: nhiệm vụ", 13, "right", italic=True,
                 before=120, line=276)
    table = d.add_table(rows=2, cols=2)
    table.style = d.styles["Table Grid"]
    # python-docx sizes a new table for the last (landscape) section: fit it to the portrait
    # text area, or it runs 7 cm past the paper edge (R48, seen on the page image)
    size_table(table, [5000, 4000])
    for r, texts in enumerate((("Nội dung", "Số lượng"), ("Nhiệm vụ hoàn thành", "12"))):
        for c, text in enumerate(texts):
            write(table.rows[r].cells[c].paragraphs[0], text, 13, "center")
    _before(anchor, unit._p)
    anchor._p.addprevious(table._tbl)


def _part_heading_two_lines(d: object) -> None:
    anchor = para(d, "I. MỤC ĐÍCH")
    part = write(d.add_paragraph(), "Phần I", 14, "center", bold=True, before=120, line=276)
    title = write(d.add_paragraph(), "MỤC TIÊU VÀ NHIỆM VỤ", 14, "center", bold=True,
                  line=276)
    anchor._p.addprevious(part._p)
    anchor._p.addprevious(title._p)


CHANGES = {
    "unit-line-over-data-table": ("plan", _unit_line_over_table),
    "part-heading-and-title-0pt": ("plan", _part_heading_two_lines),
    "motto-one-paragraph-br": ("plan", _motto_one_paragraph),
    "noi-nhan-one-paragraph-br": ("plan", _noi_nhan_one_paragraph),
    "tablegrid-cells-nil": ("plan", _nil_cell_borders),
    "tablegrid-table-none": ("cong_van", _none_table_borders),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_conformant_variant_has_no_findings(name: str, good_plan: bytes,
                                            good_cong_van: bytes) -> None:
    base, change = CHANGES[name]
    data = mutate(good_plan if base == "plan" else good_cong_van, change)
    report = check_bytes(data, f"{name}.docx")
    assert report.findings == [], [f"{f.rule} {f.location.vi}: {f.sentence()}"
                                   for f in report.findings]
