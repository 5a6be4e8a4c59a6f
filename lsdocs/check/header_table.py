"""The page-1 header table: ô 1 (Quốc hiệu, Tiêu ngữ), ô 2 (agency), ô 3 (Số), ô 4 (date).

Both shapes are read: the official samples' one-row table (agency names, rule
and Số in the left cell; Quốc hiệu, Tiêu ngữ, rule and date in the right
cell) and the two-row form (row 1 names | Quốc hiệu; row 2 Số | date).  The
left and right *columns* are the first and last cell of each row, top to
bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lsdocs.check.doc_parts import split_lines
from lsdocs.check.docmodel import Document, Paragraph, Table
from lsdocs.check.lines import HRule, rule_after, rule_in
from lsdocs.check.text_keys import QUOC_HIEU, is_upper, key, urgency_mark

SO_LINE = re.compile(r"^Số\s*[:.]?\s*", re.IGNORECASE)
VV_LINE = re.compile(r"^V/v\b", re.IGNORECASE)
DATE_LINE = re.compile(r"^[^,]{2,60},\s*ngày\b")


@dataclass
class HeaderBlock:
    table: Table
    left: list[Paragraph]
    right: list[Paragraph]
    quoc_hieu: Paragraph | None = None
    quoc_hieu_elsewhere: bool = False
    tieu_ngu: Paragraph | None = None
    tieu_ngu_gap: bool = False  # empty paragraph(s) between Quốc hiệu and Tiêu ngữ
    tieu_ngu_rule: HRule | None = None
    agency: list[Paragraph] = field(default_factory=list)
    agency_rule: HRule | None = None
    agency_after_rule: list[Paragraph] = field(default_factory=list)  # name lines below the rule
    so: Paragraph | None = None
    date: Paragraph | None = None
    vv: Paragraph | None = None
    urgency: list[Paragraph] = field(default_factory=list)


def _is_header_table(table: Table) -> bool:
    text = key("\n".join(c.text for c in table.cells()))
    return "CỘNG HÒA" in text or "ĐỘC LẬP" in text or bool(re.search(r"(^|\n)SỐ\s*:", text))


def find_header(doc: Document) -> tuple[HeaderBlock | None, int]:
    """The header table and its index in ``doc.blocks`` (-1 when there is none)."""
    for index, block in enumerate(doc.blocks[:12]):
        if isinstance(block, Table) and _is_header_table(block):
            return read_header(doc, block), index
    return None, -1


def read_header(doc: Document, table: Table) -> HeaderBlock:
    left: list[Paragraph] = []
    right: list[Paragraph] = []
    for row in table.rows:
        if not row:
            continue
        left.extend(line for p in row[0].paragraphs for line in split_lines(p))
        if len(row) > 1:
            right.extend(line for p in row[-1].paragraphs for line in split_lines(p))
    header = HeaderBlock(table, left, right)
    _read_right(doc, header)
    _read_left(doc, header)
    return header


def find_quoc_hieu(paras: list[Paragraph]) -> int:
    """Index of the Quốc hiệu line in *paras* (misspellings such as HOÀ included), or -1."""
    wanted = key(QUOC_HIEU)
    for i, para in enumerate(paras):
        text = key(para.display)
        if text == wanted or ("CỘNG HÒA" in text and "VIỆT NAM" in text):
            return i
    return -1


def _read_right(doc: Document, header: HeaderBlock) -> None:
    right = header.right
    index = find_quoc_hieu(right)
    if index < 0:
        elsewhere = find_quoc_hieu(header.left)
        if elsewhere >= 0:
            header.quoc_hieu, header.quoc_hieu_elsewhere = header.left[elsewhere], True
        return
    header.quoc_hieu = right[index]
    nxt = index + 1
    while nxt < len(right) and right[nxt].empty and not right[nxt].drawings:
        nxt += 1
    if nxt < len(right) and "ĐỘC LẬP" in key(right[nxt].display):
        header.tieu_ngu, header.tieu_ngu_gap = right[nxt], nxt > index + 1
        header.tieu_ngu_rule = rule_after(doc, right, nxt)
    for para in right[index + 1:]:
        if DATE_LINE.match(para.display) or ("ngày" in para.display and "năm" in para.display):
            header.date = para
            break


def _read_left(doc: Document, header: HeaderBlock) -> None:
    left = header.left
    so_index = next((i for i, p in enumerate(left) if SO_LINE.match(p.display)
                     and not key(p.display).startswith("SỞ")), len(left))
    if so_index < len(left):
        header.so = left[so_index]
    header.vv = next((p for p in left[so_index:] if VV_LINE.match(p.display)), None)
    header.urgency = [p for p in left[so_index:] if urgency_mark(p.display)]
    for para in left[:so_index]:
        if para.empty and not para.drawings:
            found = rule_in(doc, para, own_text_ok=False) or rule_in(doc, para, side="top")
            if found is not None:
                header.agency_rule = found
                break
            continue
        own = rule_in(doc, para)
        if own is not None and (own.kind == "underscores" or para.empty):
            header.agency_rule = own
            break
        header.agency.append(para)
        if own is not None:
            header.agency_rule = own
            break
    if header.agency_rule is not None:
        after = left[left.index(header.agency_rule.para) + 1:so_index] \
            if header.agency_rule.para in left else []
        header.agency_after_rule = [p for p in after if not p.empty and is_upper(p.display)
                                    and not urgency_mark(p.display)]
    if header.agency_rule is None and header.so is not None:
        header.agency_rule = rule_in(doc, header.so, side="top")
