"""Where each component of a Decree 30 document is: the layout analysis.

:func:`analyse` finds the header table (:mod:`lsdocs.check.header_table`), the
title and trích yếu with their rule, the Kính gửi block, the body paragraphs,
the signature table and the appendix sections, and decides the document
kind: công văn when there is no tên loại and the header has a ``V/v`` line,
otherwise the kind named by the title (KẾ HOẠCH → ``ke-hoach`` …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lsdocs.check.docmodel import Document, Paragraph, Table
from lsdocs.check.header_table import HeaderBlock, find_header
from lsdocs.check.lines import HRule, rule_after
from lsdocs.check.text_keys import (
    APPENDIX_LABEL,
    KIND_BY_TYPE,
    key,
    squash,
    type_name,
    urgency_mark,
)

KINDS = ("ke-hoach", "bao-cao", "cong-van", "phu-luc", "quyet-dinh", "to-trinh", "giay-moi",
         "van-ban", "khong-ro")
SIGNER_PREFIX = re.compile(r"^(TM|KT|Q|TL|TUQ)\.?\s")
_DASH_ITEM = re.compile(r"^[-–]\s*")


@dataclass
class Appendix:
    label: Paragraph
    blocks: list[Paragraph | Table]
    starts_section: bool

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph) and not b.empty]

    @property
    def numeral(self) -> str | None:
        match = APPENDIX_LABEL.match(squash(self.label.display))
        return match.group(2) if match else None


@dataclass
class Layout:
    kind: str
    header: HeaderBlock | None = None
    title: Paragraph | None = None
    trich_yeu: list[Paragraph] = field(default_factory=list)
    trich_yeu_rule: HRule | None = None
    kinh_gui: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    signature: Table | None = None
    appendices: list[Appendix] = field(default_factory=list)
    urgency: list[Paragraph] = field(default_factory=list)
    main_sections: set[int] = field(default_factory=set)
    roles: dict[int, str] = field(default_factory=dict)  # id(table) → role
    #: a header or signature typed as paragraphs with tabs and spaces (no table)
    header_paragraphs: list[Paragraph] = field(default_factory=list)
    signature_paragraphs: list[Paragraph] = field(default_factory=list)
    vv_paragraph: Paragraph | None = None

    @property
    def is_named(self) -> bool:
        return self.kind not in ("cong-van", "phu-luc")


class _Analyser:
    def __init__(self, doc: Document, kind: str) -> None:
        self.doc = doc
        self.blocks = doc.blocks
        self.paras = doc.body_paragraphs()
        self.layout = Layout(kind)
        self.used: set[int] = set()  # id() of paragraphs that are not body text

    def run(self) -> Layout:
        header, start = find_header(self.doc)
        self.layout.header = header
        if header is not None:
            self.layout.roles[id(header.table)] = "header"
            self.layout.urgency.extend(header.urgency)
        else:
            start = self._paragraph_header()
        cursor = self._title_block(start + 1)
        cursor = self._kinh_gui(cursor)
        main_end = self._appendices(cursor)
        self._signature_and_body(cursor, main_end)
        first = self.blocks[0].section if self.blocks else 0
        self.layout.main_sections = {b.section for b in self.blocks[:main_end]} or {first}
        return self.layout

    def _paragraph_header(self) -> int:
        """A header typed with tabs and spaces: the paragraphs from the start through the
        Quốc hiệu, Tiêu ngữ, Số/date and V/v lines.  Returns the last one's block index."""
        limit = next((i for i, b in enumerate(self.blocks[:12]) if isinstance(b, Table)),
                     min(len(self.blocks), 12))
        paras = [(i, b) for i, b in enumerate(self.blocks[:limit]) if isinstance(b, Paragraph)]
        qh = next((i for i, p in paras if _has_quoc_hieu(p)), -1)
        if qh < 0:
            return -1
        last, vv_at = qh, -1
        for index, para in paras:
            if index <= qh:
                continue
            text = key(para.display)
            if para.empty:
                continue
            if "ĐỘC LẬP" in text or text.startswith("SỐ") or re.search(r"\bNGÀY\b.*\bNĂM\b",
                                                                         text):
                last = index
            elif text.startswith("V/V"):
                last, vv_at = index, index
                self.layout.vv_paragraph = para
            elif vv_at >= 0 and index - vv_at <= 3 and len(text.split()) <= 12 and not (
                    text.startswith(("KÍNH GỬI", "GỬI:")) or type_name(para.display)):
                last = index
            else:
                break
        self.layout.header_paragraphs = [b for b in self.blocks[:last + 1]
                                         if isinstance(b, Paragraph) and not b.empty]
        self.used.update(id(p) for p in self.layout.header_paragraphs)
        return last

    def _next_text(self, cursor: int, limit: int = 6) -> list[int]:
        """Indexes of the next non-empty body paragraphs (stopping at a table)."""
        found: list[int] = []
        for index in range(cursor, len(self.blocks)):
            block = self.blocks[index]
            if isinstance(block, Table):
                break
            if not block.empty:
                found.append(index)
                if len(found) >= limit:
                    break
        return found

    def _title_block(self, cursor: int) -> int:
        for index in self._next_text(cursor, 4):
            para = self.blocks[index]
            assert isinstance(para, Paragraph)
            if urgency_mark(para.display):
                self.layout.urgency.append(para)
                self.used.add(id(para))
                continue
            if type_name(para.display) or key(para.display) == "CÔNG VĂN" or _title_like(para):
                self.layout.title = para
                self.used.add(id(para))
                return self._trich_yeu(index + 1)
            break
        return cursor

    def _trich_yeu(self, cursor: int) -> int:
        candidates = self._next_text(cursor, 3)
        for index in candidates:
            para = self.blocks[index]
            assert isinstance(para, Paragraph)
            if _starts_other_block(para):
                break
            position = self.paras.index(para)
            rule = rule_after(self.doc, self.paras, position)
            self.layout.trich_yeu.append(para)
            if rule is not None:
                self.layout.trich_yeu_rule = rule
                self.used.update({id(para), id(rule.para)})
                return self.blocks.index(rule.para) + 1
        if candidates and not _starts_other_block(self.blocks[candidates[0]]):  # type: ignore
            first = self.blocks[candidates[0]]
            self.layout.trich_yeu = [first]  # type: ignore[list-item]
            self.used.add(id(first))
            return candidates[0] + 1
        self.layout.trich_yeu = []
        return cursor

    def _kinh_gui(self, cursor: int) -> int:
        for index in self._next_text(cursor, 3):
            para = self.blocks[index]
            assert isinstance(para, Paragraph)
            if key(para.display).startswith(("KÍNH GỬI", "GỬI:")):
                return self._kinh_gui_items(index)
        table = self._kinh_gui_table(cursor)
        return table if table is not None else cursor

    def _kinh_gui_items(self, index: int) -> int:
        para = self.blocks[index]
        assert isinstance(para, Paragraph)
        block = [para]
        rest = squash(para.display.split(":", 1)[1]) if ":" in para.display else ""
        last = index
        if not rest or _DASH_ITEM.match(rest):
            for nxt in self._next_text(index + 1, 40):
                item = self.blocks[nxt]
                assert isinstance(item, Paragraph)
                if not _DASH_ITEM.match(item.display) or block[-1].display.endswith("."):
                    break
                block.append(item)
                last = nxt
        self.layout.kinh_gui = block
        self.used.update(id(p) for p in block)
        return last + 1

    def _kinh_gui_table(self, cursor: int) -> int | None:
        for index in range(cursor, min(cursor + 4, len(self.blocks))):
            block = self.blocks[index]
            if isinstance(block, Table) and "KÍNH GỬI" in key("\n".join(
                    c.text for c in block.cells())):
                self.layout.kinh_gui = [p for p in block.paragraphs() if not p.empty]
                self.layout.roles[id(block)] = "kinh_gui"
                return index + 1
        return None

    def _paragraph_signature(self, cursor: int, end: int) -> int:
        """A Nơi nhận and signer typed with tabs and spaces after the body: its first block
        index (*end* when there is none)."""
        texts = [i for i in range(cursor, end) if isinstance(self.blocks[i], Paragraph)
                 and not self.blocks[i].empty]  # type: ignore[union-attr]
        for position, index in enumerate(texts):
            para = self.blocks[index]
            assert isinstance(para, Paragraph)
            text = para.display
            starts = key(text).startswith("NƠI NHẬN") or (
                SIGNER_PREFIX.match(text) and is_upper_line(text))
            if starts and position > 0:
                self.layout.signature_paragraphs = [
                    b for b in self.blocks[index:end] if isinstance(b, Paragraph)
                    and not b.empty]
                return index
        return end

    def _appendices(self, cursor: int) -> int:
        starts = [i for i, block in enumerate(self.blocks) if i >= cursor
                  and isinstance(block, Paragraph) and _is_appendix_label(block)]
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(self.blocks)
            label = self.blocks[start]
            assert isinstance(label, Paragraph)
            self.layout.appendices.append(
                Appendix(label, self.blocks[start:end], self._starts_section(start)))
        return starts[0] if starts else len(self.blocks)

    def _starts_section(self, index: int) -> bool:
        section = self.blocks[index].section
        for block in reversed(self.blocks[:index]):
            if block.section != section:
                return True
            if isinstance(block, Table) or not block.empty:
                return False
        return True

    def _signature_and_body(self, cursor: int, end: int) -> None:
        sig_index = end
        for index in range(cursor, end):
            block = self.blocks[index]
            if isinstance(block, Table) and id(block) not in self.layout.roles \
                    and _looks_like_signature(block):
                self.layout.signature = block
                self.layout.roles[id(block)] = "signature"
                sig_index = index
                break
        if self.layout.signature is None:
            sig_index = self._paragraph_signature(cursor, end)
        self.layout.body = [b for b in self.blocks[cursor:sig_index]
                            if isinstance(b, Paragraph) and not b.empty and id(b) not in self.used
                            and not urgency_mark(b.display)]


#: marks in bold capitals that are not type names: secrecy, circulation, draft
NOT_TITLES = ("MẬT", "TỐI MẬT", "TUYỆT MẬT", "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ", "DỰ THẢO",
              "BẢN SAO", "TÀI LIỆU THU HỒI")


def _title_like(para: Paragraph) -> bool:
    """A short centred line in bold capitals: a type name the checker may not know."""
    text = para.display
    if key(text).strip("() ") in NOT_TITLES:
        return False
    runs = [r for r in para.text_runs if any(ch.isalpha() for ch in r.text)]
    return (is_upper_line(text) and 1 <= len(text.split()) <= 4 and para.props.centered
            and bool(runs) and all(r.props.bold for r in runs)
            and not re.match(r"^([IVXLC]+|\d+|[A-Z])[.)]", text) and not urgency_mark(text))


def _has_quoc_hieu(para: Paragraph) -> bool:
    text = key(para.display)
    return "CỘNG HÒA XÃ HỘI" in text and "VIỆT NAM" in text


def _is_appendix_label(para: Paragraph) -> bool:
    return bool(APPENDIX_LABEL.match(squash(para.display)))


def _starts_other_block(para: Paragraph) -> bool:
    text = key(para.display)
    return text.startswith("KÍNH GỬI") or text.startswith("CĂN CỨ") or bool(
        re.match(r"^(I|1)\.\s", para.display))


def is_upper_line(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _looks_like_signature(table: Table) -> bool:
    text = key("\n".join(c.text for c in table.cells()))
    if "NƠI NHẬN" in text:
        return True
    return any(SIGNER_PREFIX.match(p.display) for p in table.paragraphs())


def analyse(doc: Document, kind: str = "auto") -> Layout:
    """Find every component; *kind* ``auto`` detects the document kind."""
    layout = _Analyser(doc, kind).run()
    if kind == "auto":
        layout.kind = detect_kind(doc, layout)
    return layout


def detect_kind(doc: Document, layout: Layout) -> str:
    first = next((p for p in doc.body_paragraphs() if not p.empty), None)
    if layout.header is None and layout.appendices and first is layout.appendices[0].label:
        return "phu-luc"
    if layout.title is not None and key(layout.title.display) == "CÔNG VĂN":
        return "cong-van"
    if layout.title is not None:
        return KIND_BY_TYPE.get(type_name(layout.title.display) or "", "van-ban")
    if layout.header is not None and layout.header.vv is not None:
        return "cong-van"
    if layout.vv_paragraph is not None or (layout.kinh_gui and layout.header is None):
        return "cong-van"
    return "khong-ro"
