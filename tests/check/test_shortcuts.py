"""The checker's shortcuts (issue 12: speed) must not hide a fault.

R07, R08, R09 and R46 first look at the distinct run formattings and at the whole text
of a document and read the paragraphs one by one only when something is at fault; the
style sheet of a styles part seen before is reused, and a styles part not seen before is
parsed once, through the package's checked parser."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import RGBColor
from nd30_builder import mutate

from lsdocs.check import check_bytes, styles
from lsdocs.errors import DocumentReadError

Change = Callable[[docx.document.Document], None]


def _cell_run(d: docx.document.Document) -> docx.text.run.Run:
    """The first run of the header table's first cell (the issuing body's name)."""
    return next(r for p in d.tables[0].cell(0, 0).paragraphs for r in p.runs if r.text.strip())


def _nfd(d: docx.document.Document) -> None:
    run = _cell_run(d)
    run.text = unicodedata.normalize("NFD", run.text)


def _arial(d: docx.document.Document) -> None:
    _cell_run(d).font.name = "Arial"


def _legacy(d: docx.document.Document) -> None:
    _cell_run(d).font.name = ".VnTime"


def _red(d: docx.document.Document) -> None:
    _cell_run(d).font.color.rgb = RGBColor(0xC0, 0, 0)


def _highlight(d: docx.document.Document) -> None:
    _cell_run(d).font.highlight_color = WD_COLOR_INDEX.YELLOW


@pytest.mark.parametrize(("change", "rule"), [(_nfd, "R09"), (_arial, "R07"),
                                              (_legacy, "R09"), (_red, "R08"),
                                              (_highlight, "R46")])
def test_a_fault_in_one_table_cell_is_found(good_plan: bytes, change: Change,
                                            rule: str) -> None:
    assert rule not in check_bytes(good_plan, "good.docx").rules()
    report = check_bytes(mutate(good_plan, change), "x.docx")
    found = [f for f in report.findings if f.rule == rule]
    assert len(found) == 1 and found[0].count == 1, report.findings
    assert "bảng" in found[0].location.vi, found[0].location.vi


def _with_part(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info))
    return out.getvalue()


@pytest.mark.parametrize(("content", "words"), [
    (b"<w:styles", "không phải XML hợp lệ"),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', "DTD"),
])
def test_a_damaged_styles_part_is_refused_after_good_documents(good_plan: bytes,
                                                                content: bytes,
                                                                words: str) -> None:
    check_bytes(good_plan, "good.docx")  # a style sheet is kept for the good styles
    with pytest.raises(DocumentReadError) as caught:
        check_bytes(_with_part(good_plan, "word/styles.xml", content), "x.docx")
    assert words in caught.value.problems[0].message.vi
    assert "word/styles.xml" in caught.value.problems[0].message.vi


def _extra_style(d: docx.document.Document) -> None:
    d.styles.add_style("Kiểu thêm", WD_STYLE_TYPE.PARAGRAPH)  # a styles part of its own


def test_kept_sheets_are_bounded_and_give_the_same_findings(
        good_plan: bytes, good_cong_van: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = mutate(good_plan, _arial)
    letter = mutate(good_cong_van, _extra_style)
    styles.shared_sheet.cache_clear()
    expected = {name: check_bytes(data, "x.docx").to_dict("vi")
                for name, data in (("plan", broken), ("letter", letter))}
    monkeypatch.setattr(styles, "KEPT_SHEETS", 1)
    styles.shared_sheet.cache_clear()
    for _ in range(2):  # each document drops the other's sheet
        for name, data in (("plan", broken), ("letter", letter)):
            assert check_bytes(data, "x.docx").to_dict("vi") == expected[name]
        assert len(styles.shared_sheet._kept) == 1
    styles.shared_sheet.cache_clear()
    assert _part(broken, "word/styles.xml") != _part(letter, "word/styles.xml")


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def test_paragraphs_without_fields_or_drawings_share_nothing_that_grows(
        good_plan: bytes) -> None:
    """Most paragraphs have no field, drawing, text box or nested table: they share one
    empty tuple, and a paragraph (cell) that has one gets a list of its own."""
    from lsdocs.check.doc_parts import appended
    from lsdocs.check.runner import open_document

    doc = open_document(good_plan, "good.docx")
    paragraphs = list(doc.all_paragraphs())
    with_field = [p for p in paragraphs if p.fields]
    assert with_field and all(isinstance(p.fields, list) for p in with_field)
    assert any("PAGE" in f for p in with_field for f in p.fields)
    plain = [p for p in paragraphs if not p.fields]
    assert len(plain) > len(with_field)
    assert all(not p.drawings and not p.textboxes and not p.field_props for p in plain)
    shared = plain[0].fields
    assert appended(shared, "X") == ["X"] and not shared and not plain[1].fields
    mine = appended([], 1)
    assert appended(mine, 2) is mine == [1, 2]


def test_a_table_in_a_cell_is_read_once_with_its_cell() -> None:
    """Cells share an empty tuple of tables; one holding a table gets a list."""
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).paragraphs[0].add_run("bên trong")
    outer.cell(0, 0).paragraphs[0].add_run("bên ngoài")
    out = io.BytesIO()
    document.save(out)
    from lsdocs.check.runner import open_document

    doc = open_document(out.getvalue(), "nested.docx")
    first, second = doc.tables[0].rows[0]
    assert first.tables == () and len(second.tables) == 1
    assert second.tables[0].rows[0][0].text == "bên trong"
    assert [t.number for t in doc.tables] == [1, 2] and doc.tables[1] is second.tables[0]


def test_a_checked_document_is_freed_without_the_garbage_collector(good_plan: bytes) -> None:
    """A cell's container holds its table weakly: a document's tables are no reference
    cycles, so the model goes as soon as it is dropped (less garbage-collector work)."""
    import gc
    import weakref

    from lsdocs.check.runner import open_document

    gc.collect()
    gc.disable()
    try:
        doc = open_document(good_plan, "good.docx")
        para = next(p for p in doc.all_paragraphs() if p.container.kind == "cell")
        table = para.container.table
        assert table is not None and para in list(table.paragraphs())
        gone = weakref.ref(para), weakref.ref(table)
        del doc, para, table
        assert [ref() for ref in gone] == [None, None]
    finally:
        gc.enable()
