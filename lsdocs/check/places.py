"""Locations a clerk can find: section, table and cell, paragraph number and first words.

``mục 1 (trang đứng), bảng tiêu đề, ô phải, đoạn 2 «Độc lập - Tự do - Hạnh phúc»``
/ ``section 1 (portrait), header table, right cell, paragraph 2 «…»``.  Body
paragraphs are numbered over the non-empty paragraphs outside tables within
the section named before them («mục 2 …, đoạn 1» is the first of section 2);
paragraphs in a cell, header or footer by their position there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsdocs.check.docmodel import Document, Paragraph, Table
from lsdocs.check.layout import Layout
from lsdocs.check.sections import Section
from lsdocs.check.text_keys import snippet
from lsdocs.errors import T, Text

if TYPE_CHECKING:
    from lsdocs.check.compilation import Part

_ROLES = {
    "header": T("bảng tiêu đề"),
    "signature": T("bảng chữ ký"),
    "kinh_gui": T("bảng Kính gửi"),
}
_HF = {
    ("header", "default"): T("đầu trang (mặc định)"),
    ("header", "first"): T("đầu trang (trang đầu)"),
    ("header", "even"): T("đầu trang (trang chẵn)"),
    ("footer", "default"): T("chân trang (mặc định)"),
    ("footer", "first"): T("chân trang (trang đầu)"),
    ("footer", "even"): T("chân trang (trang chẵn)"),
}


def join(*parts: Text) -> Text:
    return Text(", ".join(p.vi for p in parts if p.vi), ", ".join(p.en for p in parts if p.en))


class Locator:
    """Turns paragraphs, tables and sections into bilingual places."""

    def __init__(self, doc: Document, layout: Layout, part: Part | None = None) -> None:
        self.doc = doc
        self.layout = layout
        self.first_section = part.sections.start if part is not None else 0
        self.body_offset = part.body_offset if part is not None else 0
        self.table_offset = part.table_offset if part is not None else 0
        self._data: dict[Text, dict[str, object]] = {}
        self._previous: dict[int, Paragraph | None] = {}
        self._in_section: dict[int, int] = {}
        counts: dict[int, int] = {}
        last: Paragraph | None = None
        for block in doc.blocks:
            if isinstance(block, Paragraph):
                self._previous[id(block)] = last
                if not block.empty:
                    last = block
                    counts[block.section] = counts.get(block.section, 0) + 1
                    self._in_section[id(block)] = counts[block.section]

    def structured(self, place: Text) -> dict[str, object]:
        """The place as data (section, container, paragraph, table, row, cell …) for
        ``--json``; empty for places that are not a paragraph, table or section."""
        return dict(self._data.get(place, {}))

    def _keep(self, place: Text, **data: object) -> Text:
        self._data.setdefault(place, {k: v for k, v in data.items() if v is not None})
        return place

    def _section_no(self, index: int) -> int:
        index = min(max(index, 0), len(self.doc.sections) - 1)
        return index - self.first_section + 1

    def section(self, index: int) -> Text:
        index = min(max(index, 0), len(self.doc.sections) - 1)
        sect: Section = self.doc.sections[index]
        number = index - self.first_section + 1
        if sect.landscape:
            text = T("mục {n} (trang ngang)", n=number)
        else:
            text = T("mục {n} (trang đứng)", n=number)
        return self._keep(text, section=number, container="section")

    def _table_data(self, table: Table) -> dict[str, object]:
        return {"section": self._section_no(table.section),
                "table": table.number - self.table_offset,
                "table_role": self.layout.roles.get(id(table))}

    def table(self, table: Table) -> Text:
        role = _ROLES.get(self.layout.roles.get(id(table), ""))
        label = role or T("bảng {n}", n=table.number - self.table_offset)
        return self._keep(join(self.section(table.section), label), container="table",
                          **self._table_data(table))

    def cell_label(self, table: Table, row: int, col: int) -> Text:
        if id(table) in self.layout.roles:
            last = len(table.rows[row]) - 1
            side = T("ô trái") if col == 0 else (
                T("ô phải") if col == last else T("ô {c}", c=col + 1))
            if len(table.rows) == 1:
                return side
            return join(T("hàng {r}", r=row + 1), side)
        return T("hàng {r}, ô {c}", r=row + 1, c=col + 1)

    def para(self, para: Paragraph) -> Text:
        box = para.container
        excerpt = " ".join(para.display.split()[:8]) or None
        if box.kind == "textbox" and box.parent is not None:
            return self._keep(join(self.para(box.parent), T("hộp văn bản"),
                                   self._line(para)), **self.structured(self.para(box.parent)),
                              textbox_paragraph=para.number)
        if box.kind == "cell" and box.table is not None:
            return self._keep(join(self.table(box.table),
                                   self.cell_label(box.table, box.row, box.col),
                                   self._line(para)), container="cell",
                              **self._table_data(box.table), row=box.row + 1, cell=box.col + 1,
                              paragraph=para.number, excerpt=excerpt)
        if box.kind in ("header", "footer"):
            return self._keep(join(self.section(para.section), _HF[(box.kind, box.hf_type)],
                                   self._line(para)), section=self._section_no(para.section),
                              container=box.kind, header_footer=box.hf_type,
                              paragraph=para.number, excerpt=excerpt)
        return self._keep(join(self.section(para.section), self._body_line(para)),
                          section=self._section_no(para.section), container="body",
                          paragraph=self._no(para) if not para.empty else None,
                          after_paragraph=None if not para.empty else self._no(
                              self._previous.get(id(para)) or para),
                          body_index=para.body_no, excerpt=excerpt)

    def _line(self, para: Paragraph) -> Text:
        if para.empty:
            return T("đoạn {n} (trống)", n=para.number)
        quote = snippet(para.display)
        return T("đoạn {n} {q}", n=para.number, q=quote)

    def _body_line(self, para: Paragraph) -> Text:
        if not para.empty:
            quote = snippet(para.display)
            return T("đoạn {n} {q}", n=self._no(para), q=quote)
        prev = self._previous.get(id(para))
        if prev is None:
            return T("đoạn trống ở đầu văn bản")
        quote = snippet(prev.display)
        return T("đoạn trống sau đoạn {n} {q}", n=self._no(prev), q=quote)

    def _no(self, para: Paragraph) -> int | None:
        """The paragraph's number within its section (the section is named before it)."""
        return self._in_section.get(id(para))

    def header_part(self, section: int, kind: str, hf_type: str) -> Text:
        return self._keep(join(self.section(section), _HF[(kind, hf_type)]),
                          section=self._section_no(section), container=kind,
                          header_footer=hf_type)
