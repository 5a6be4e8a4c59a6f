"""The page-number fix: a centred PAGE field in each default header, none on page 1,
none in footers, appendix sections restarting at 1.  In a compilation every
document gets these: no number on its page 1, its pages numbered from 1."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from lxml import etree

from lsdocs.check._xml import CT_NS, PKG_REL_NS, R_NS, W_NS, Element, child, qn, w
from lsdocs.check.docmodel import Document
from lsdocs.check.sections import Section
from lsdocs.errors import T, Text

if TYPE_CHECKING:
    from lsdocs.check.context import Context

PAGE_INSTR = re.compile(r"^\s*PAGE(\s|$)", re.IGNORECASE)
HEADER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
#: w:sectPr children that must come after w:titlePg / w:pgNumType (schema order)
AFTER_TITLE_PG = ("textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
                  "sectPrChange")
AFTER_PG_NUM = ("cols", "formProt", "vAlign", "noEndnote", "titlePg") + AFTER_TITLE_PG

Record = Callable[[str, Text, Text], None]
Place = Callable[[int], Text]


def insert_ordered(parent: Element, new: Element, before: tuple[str, ...]) -> None:
    """Insert *new* before the first child named in *before*, else append."""
    for index, sub in enumerate(parent):
        if isinstance(sub.tag, str) and sub.tag in {w(n) for n in before}:
            parent.insert(index, new)
            return
    parent.append(new)


def page_run(instr_part: str | None, text: str | None = None) -> Element:
    run = etree.Element(w("r"))
    rpr = etree.SubElement(run, w("rPr"))
    fonts = etree.SubElement(rpr, w("rFonts"))  # explicit: never inherit a .VnTime style
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(w(slot), "Times New Roman")
    etree.SubElement(rpr, w("b")).set(w("val"), "0")
    etree.SubElement(rpr, w("i")).set(w("val"), "0")
    etree.SubElement(rpr, w("color")).set(w("val"), "000000")
    etree.SubElement(rpr, w("sz")).set(w("val"), "28")
    etree.SubElement(rpr, w("szCs")).set(w("val"), "28")
    if instr_part == "instr":
        instr = etree.SubElement(run, w("instrText"))
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instr.text = " PAGE "
    elif instr_part is None:
        etree.SubElement(run, w("t")).text = text or ""
    else:
        etree.SubElement(run, w("fldChar")).set(w("fldCharType"), instr_part)
    return run


def page_paragraph() -> Element:
    para = etree.Element(w("p"))
    ppr = etree.SubElement(para, w("pPr"))
    etree.SubElement(ppr, w("jc")).set(w("val"), "center")
    for part in ("begin", "instr", "separate"):
        para.append(page_run(part))
    para.append(page_run(None, "1"))
    para.append(page_run("end"))
    return para


def has_page_field(root: Element) -> bool:
    simple = any(PAGE_INSTR.match(f.get(w("instr"), "")) for f in root.iter(w("fldSimple")))
    return simple or any(PAGE_INSTR.match(t.text or "") for t in root.iter(w("instrText")))


def remove_page_fields(root: Element) -> int:
    """Delete PAGE fields (simple and complex) from a story; returns how many."""
    count = 0
    for simple in list(root.iter(w("fldSimple"))):
        if PAGE_INSTR.match(simple.get(w("instr"), "")):
            simple.getparent().remove(simple)
            count += 1
    for para in root.iter(w("p")):
        count += _remove_complex(para)
    return count


def _remove_complex(para: Element) -> int:
    runs = list(para.iter(w("r")))
    count, start = 0, None
    for index, run in enumerate(runs):
        kind = run.find(w("fldChar"))
        kind_name = kind.get(w("fldCharType")) if kind is not None else None
        if kind_name == "begin":
            start = index
        elif kind_name == "end" and start is not None:
            field = runs[start:index + 1]
            instr = "".join(t.text or "" for r in field for t in r.iter(w("instrText")))
            if PAGE_INSTR.match(instr):
                for r in field:
                    r.getparent().remove(r)
                count += 1
            start = None
    return count


class PageNumberFixer:
    """Applies the page-number fixes to the parsed parts of one document."""

    def __init__(self, doc: Document, contexts: list[Context], record: Record,
                 touch: Callable[[str], None], place: Place) -> None:
        self.doc, self.contexts = doc, contexts
        self.record, self.touch, self.place = record, touch, place
        self.package = doc.package
        self.new_parts: dict[str, Element] = {}
        self.created_default = False

    def run(self) -> None:
        self._footers()
        sections = [s for s in self.doc.sections if s.el is not None]
        if not sections:
            return
        for ctx in self.contexts:
            first = next((s for s in ctx.sections() if s.el is not None), None)
            if first is not None:
                self._page_one(first)
        done: set[str] = set()
        for section in sections:
            self._default_header(section, done)
        self._restarts()
        self._formats(sections)

    def _formats(self, sections: list[Section]) -> None:
        """Arabic page numbers (pgNumType fmt decimal); the first page numbered from 1."""
        for section in sections:
            assert section.el is not None
            numbering = child(section.el, "pgNumType")
            if numbering is None:
                continue
            fmt = numbering.get(w("fmt"))
            if fmt not in (None, "decimal"):
                numbering.set(w("fmt"), "decimal")
                self.touch(self.package.main)
                self.record("R37", self.place(section.index),
                            T("đổi kiểu số trang {f} thành chữ số Ả Rập", f=fmt))
        first = sections[0]
        numbering = child(first.el, "pgNumType")
        start = numbering.get(w("start")) if numbering is not None else None
        if numbering is not None and first.index == 0 and start not in (None, "1"):
            numbering.set(w("start"), "1")
            self.touch(self.package.main)
            self.record("R37", self.place(first.index), T("đánh số trang từ 1 (trước là {s})",
                                                          s=start))

    def _footers(self) -> None:
        for name, part in self.doc.parts.items():
            root = self.package.xml(name)
            if part.kind == "footer" and root is not None and remove_page_fields(root):
                self.touch(name)
                self.record("R37", T("chân trang {p}", p=name),
                            T("bỏ số trang ở chân trang"))

    def _page_one(self, first: Section) -> None:
        assert first.el is not None
        if child(first.el, "titlePg") is None:
            insert_ordered(first.el, etree.Element(w("titlePg")), AFTER_TITLE_PG)
            self.record("R37", self.place(first.index), T("bật «Trang đầu khác» (titlePg)"))
        part = first.headers.get("first") if "first" in self._own_refs(first) else None
        if part is None:
            self._add_header(first, "first", with_page=False)
            return
        root = self.package.xml(part)
        if root is not None and remove_page_fields(root):
            self.touch(part)
            self.record("R37", T("đầu trang (trang đầu)"),
                        T("bỏ số trang ở trang 1"))

    def _own_refs(self, section: Section) -> set[str]:
        assert section.el is not None
        return {r.get(w("type"), "default") for r in section.el.iterfind(w("headerReference"))}

    def _default_header(self, section: Section, done: set[str]) -> None:
        part = section.headers.get("default")
        if part is None:
            if not self.created_default:  # later sections inherit the new header
                self._add_header(section, "default", with_page=True)
                self.created_default = True
            return
        if part in done:
            return
        done.add(part)
        root = self.package.xml(part)
        if root is None:
            return
        if not has_page_field(root):
            root.insert(0, page_paragraph())
            self.touch(part)
            self.record("R37", T("đầu trang {p}", p=part),
                        T("thêm số trang canh giữa ở đầu trang"))
            return
        self._centre_existing(root, part)

    def _centre_existing(self, root: Element, part: str) -> None:
        for para in root.iter(w("p")):
            if not has_page_field(para):
                continue
            ppr = para.find(w("pPr"))
            if ppr is None:
                ppr = etree.Element(w("pPr"))
                para.insert(0, ppr)
            jc = ppr.find(w("jc"))
            if jc is None or jc.get(w("val")) != "center":
                if jc is None:
                    jc = etree.SubElement(ppr, w("jc"))
                jc.set(w("val"), "center")
                self.touch(part)
                self.record("R37", T("đầu trang {p}", p=part),
                            T("canh giữa số trang"))
            self._page_size(para, part)
            return

    def _page_size(self, para: Element, part: str) -> None:
        """Page number runs in 14 pt when their size is not 13–14 pt."""
        changed = 0
        for run in para.iter(w("r")):
            rpr = run.find(w("rPr"))
            if rpr is None:
                continue
            for tag in ("sz", "szCs"):
                size = rpr.find(w(tag))
                val = size.get(w("val"), "") if size is not None else ""
                if size is not None and val.isdigit() and not 26 <= int(val) <= 28:
                    size.set(w("val"), "28")
                    changed += 1
        if changed:
            self.touch(part)
            self.record("R37", T("đầu trang {p}", p=part),
                        T("đổi cỡ chữ số trang thành 14 pt"))

    def _add_header(self, section: Section, hf_type: str, with_page: bool) -> None:
        assert section.el is not None
        name = self._free_name()
        root = etree.Element(w("hdr"), nsmap={"w": W_NS, "r": R_NS})
        root.append(page_paragraph() if with_page else etree.Element(w("p")))
        self.new_parts[name] = root
        rel_id = self._add_relationship(name)
        ref = etree.Element(w("headerReference"))
        ref.set(w("type"), hf_type)
        ref.set(qn("r:id"), rel_id)
        section.el.insert(0, ref)
        what = (T("thêm đầu trang có số trang canh giữa") if with_page else
                T("thêm đầu trang trống cho trang 1"))
        self.record("R37", self.place(section.index), what)

    def _free_name(self) -> str:
        n = 1
        while self.package.has(f"word/header{n}.xml") or f"word/header{n}.xml" in self.new_parts:
            n += 1
        return f"word/header{n}.xml"

    def _add_relationship(self, part: str) -> str:
        rels_name = "word/_rels/" + self.package.main.rsplit("/", 1)[-1] + ".rels"
        rels = self.package.xml(rels_name)
        assert rels is not None
        used = {r.get("Id") for r in rels}
        n = 1
        while f"rIdLsdocs{n}" in used:
            n += 1
        rel = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
        rel.set("Id", f"rIdLsdocs{n}")
        rel.set("Type", HEADER_TYPE)
        rel.set("Target", part.split("/", 1)[1])
        self.touch(rels_name)
        types = self.package.xml("[Content_Types].xml")
        if types is not None:
            override = etree.SubElement(types, f"{{{CT_NS}}}Override")
            override.set("PartName", "/" + part)
            override.set("ContentType", HEADER_CT)
            self.touch("[Content_Types].xml")
        return f"rIdLsdocs{n}"

    def _restarts(self) -> None:
        for ctx in self.contexts:
            if ctx.part is not None and ctx.part.index > 1:
                self._restart(self.doc.sections[ctx.first_section], "R37",
                              T("đánh lại số trang của văn bản từ 1"))
            for appendix in ctx.layout.appendices:
                if appendix.starts_section:
                    self._restart(self.doc.sections[appendix.label.section], "R40",
                                  T("đánh lại số trang phụ lục từ 1"))

    def _restart(self, section: Section, rule: str, what: Text) -> None:
        if section.el is None or section.page_start == 1:
            return
        numbering = child(section.el, "pgNumType")
        if numbering is None:
            numbering = etree.Element(w("pgNumType"))
            insert_ordered(section.el, numbering, AFTER_PG_NUM)
        if numbering.get(w("start")) == "1":
            return  # restarted already (a section can open a document and an appendix)
        numbering.set(w("start"), "1")
        self.touch(self.package.main)
        self.record(rule, self.place(section.index), what)
