"""``lsdocs check --fix``: safe automatic fixes, each reported, then a re-check.

Safe means the wording never changes, except three corrections the decree
itself dictates: Unicode NFC, the hyphens of the Tiêu ngữ, and ``HOÀ`` → ``HÒA``
in the Quốc hiệu.  Fixed: page size and margins into range, fonts to Times
New Roman (theme fonts replaced), text colour to black (urgency marks keep
their red), page numbers to the header centre with none on page 1, appendix
numbering restarted at 1.  The input is never overwritten unless asked; the
output is written by :func:`lsdocs.render.output.write_atomic` (atomic, keeps
the file's permissions, refuses devices and folders) and holds only the parts
a .docx needs (:func:`needed_parts`), zipped reproducibly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from lsdocs.check._xml import Element, child, w
from lsdocs.check.checks.fonts import LEGACY_FONT
from lsdocs.check.checks.measures import cm, para_width
from lsdocs.check.context import Context
from lsdocs.check.docmodel import Document, Paragraph
from lsdocs.check.findings import CheckReport, N
from lsdocs.check.fix_pages import AFTER_PG_NUM, PageNumberFixer, insert_ordered
from lsdocs.check.package import CONTENT_TYPES, Package, rels_name
from lsdocs.check.runner import check_loaded, open_document, read_path
from lsdocs.check.text_keys import (
    QUOC_HIEU,
    TIEU_NGU,
    has_combining,
    key,
    nfc,
    snippet,
    urgency_mark,
)
from lsdocs.errors import Location, Problem, T, Text, UsageError
from lsdocs.render.output import write_atomic, zip_package

TNR = "Times New Roman"
#: margin → value to clamp to (inside the range, away from the ±3 tw tolerance)
CLAMP = {"top": (1134, 1418), "bottom": (1134, 1418), "left": (1701, 1985), "right": (850, 1134)}
A4 = (11906, 16838)
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme")
_SIDES = {"top": T("trên"), "bottom": T("dưới"), "left": T("trái"), "right": T("phải")}


@dataclass(frozen=True)
class FixAction:
    rule: str
    location: Text
    description: Text
    note: bool = False  # a consequence to look at (lines break elsewhere), not a fix


@dataclass
class FixReport:
    source: str
    output: str
    actions: list[FixAction] = field(default_factory=list)
    before: CheckReport | None = None
    after: CheckReport | None = None


class _Fixer:
    """Applies the fixes whose rules the check reported (*found*).

    *contexts* are those of the check: one, or one per document of a compilation.
    """

    def __init__(self, doc: Document, contexts: list[Context], found: set[str]) -> None:
        self.doc, self.contexts, self.found = doc, contexts, found
        self.package = doc.package
        self.actions: list[FixAction] = []
        self.dirty: set[str] = {doc.package.main}

    def section_place(self, index: int) -> Text:
        """Where section *index* is, naming its document in a compilation."""
        ctx = next((c for c in self.contexts if c.part is None or index in c.part.sections),
                   self.contexts[0])
        return ctx.place(ctx.where.section(index))

    def record(self, rule: str, place: Text, what: Text, note: bool = False) -> None:
        self.actions.append(FixAction(rule, place, what, note))

    def touch(self, part: str) -> None:
        self.dirty.add(part)

    def stories(self) -> list[str]:
        return [self.package.main, *self.doc.parts]

    def run(self) -> dict[str, Element]:
        steps = ((("R01", "R03", "R04", "R05", "R06"), self.pages), (("R07",), self.fonts),
                 (("R08",), self.colours), (("R09",), self.unicode),
                 (("R10", "R11"), self.national_motto))
        for rules, step in steps:
            if self.found & set(rules):
                step()
        pages = PageNumberFixer(self.doc, self.contexts, self.record, self.touch,
                                self.section_place)
        if self.found & {"R37", "R40"}:
            pages.run()
        return pages.new_parts

    def pages(self) -> None:
        for section in self.doc.sections:
            if section.el is None:
                continue
            before = _text_width(section.el)
            size = child(section.el, "pgSz")
            if size is None:
                size = etree.Element(w("pgSz"))
                insert_ordered(section.el, size, ("pgMar",) + AFTER_PG_NUM)
            self._page_size(section.index, size)
            margins = child(section.el, "pgMar")
            if margins is None:
                margins = etree.SubElement(section.el, w("pgMar"))
                insert_ordered(section.el, margins, ("pgNumType",) + AFTER_PG_NUM)
            self._margins(section.index, margins)
            after = _text_width(section.el)
            if after != before:
                self._rewrap(section.index, before, after)

    def _rewrap(self, index: int, before: int, after: int) -> None:
        """Report that the lines break elsewhere now, naming the one-line paragraphs that
        no longer fit on one line (a Kính gửi line that would wrap, say)."""
        wraps = [p for p in self.doc.all_paragraphs() if p.section == index
                 and p.container.kind == "body" and "\n" not in p.text.strip()
                 and after < _line_width(p) <= before]
        names = "; ".join(snippet(p.display) for p in wraps[:5])
        more = T(" Đoạn một dòng nay xuống dòng: {names}.", names=names) if wraps else N("")
        old, new = cm(before), cm(after)
        self.record("R05", self.section_place(index),
                    T("vùng chữ đổi từ {old} thành {new} nên chỗ xuống dòng thay đổi, cần "
                      "xem lại bản in.{more}", old=old, new=new, more=more),
                    note=True)

    def _page_size(self, index: int, size: Element) -> None:
        width, height = int(size.get(w("w"), "0")), int(size.get(w("h"), "0"))
        landscape = width > height
        wanted = A4[::-1] if landscape else A4
        if abs(width - wanted[0]) > 5 or abs(height - wanted[1]) > 5:
            size.set(w("w"), str(wanted[0]))
            size.set(w("h"), str(wanted[1]))
            self.record("R01", self.section_place(index), T("đổi khổ giấy thành A4"))

    def _margins(self, index: int, margins: Element) -> None:
        for side, (low, high) in CLAMP.items():
            value = abs(int(float(margins.get(w(side), "0"))))
            if low - 3 <= value <= high + 3:
                continue
            new = min(max(value, low), high)
            margins.set(w(side), str(new))
            self.record(f"R0{3 + list(CLAMP).index(side)}", self.section_place(index),
                        T("lề {side}: {value} → {new} tw", side=_SIDES[side], value=value,
                          new=new))

    def fonts(self) -> None:
        styles = self.doc.package.rel_types(self.package.main).get("/styles")
        root = self.package.xml(styles) if styles else None
        if root is not None and styles:
            self._defaults_font(root, styles)
        for part in ([styles] if styles else []) + self.stories():
            part_root = self.package.xml(part)
            if part_root is None:
                continue
            changed = sum(self._font(el) for el in part_root.iter(w("rFonts")))
            if changed:
                self.touch(part)
                self.record("R07", T("phần {p}", p=part),
                            T("đổi {n} chỗ phông sang Times New Roman", n=changed))

    def _defaults_font(self, root: Element, part: str) -> None:
        defaults = child(root, "docDefaults")
        if defaults is None:
            defaults = etree.Element(w("docDefaults"))
            root.insert(0, defaults)
        rpr_default = child(defaults, "rPrDefault")
        if rpr_default is None:
            rpr_default = etree.Element(w("rPrDefault"))
            defaults.insert(0, rpr_default)
        rpr = child(rpr_default, "rPr")
        if rpr is None:
            rpr = etree.SubElement(rpr_default, w("rPr"))
        if child(rpr, "rFonts") is None:
            rpr.insert(0, etree.Element(w("rFonts")))
            self.touch(part)

    def _font(self, fonts: Element) -> int:
        names = [fonts.get(w(s)) for s in ("ascii", "hAnsi")]
        if any(n and LEGACY_FONT.match(n) for n in names):
            return 0  # legacy-encoded text would turn into garbage: needs conversion
        themed = any(fonts.get(w(a)) is not None for a in _THEME_ATTRS)
        other = any(n is not None and n != TNR for n in names)
        if not (themed or other or (self._is_default(fonts) and names != [TNR, TNR])):
            return 0
        for attr in _THEME_ATTRS:
            fonts.attrib.pop(w(attr), None)
        for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(w(slot), TNR)
        return 1

    @staticmethod
    def _is_default(fonts: Element) -> bool:
        parent = fonts.getparent()
        grand = parent.getparent() if parent is not None else None
        return grand is not None and grand.tag == w("rPrDefault")

    def colours(self) -> None:
        keep = {id(r.el) for p in self.doc.all_paragraphs() if urgency_mark(p.display)
                for r in p.runs}
        styles = self.doc.package.rel_types(self.package.main).get("/styles")
        for part in ([styles] if styles else []) + self.stories():
            root = self.package.xml(part)
            if root is None:
                continue
            changed = 0
            for colour in root.iter(w("color")):
                run = colour.getparent().getparent() if colour.getparent() is not None else None
                if run is not None and id(run) in keep:
                    continue
                changed += _blacken(colour)
            if changed:
                self.touch(part)
                self.record("R08", T("phần {p}", p=part),
                            T("đổi {n} chỗ màu chữ sang đen", n=changed))

    def unicode(self) -> None:
        for part in self.stories():
            root = self.package.xml(part)
            if root is None:
                continue
            changed = sum(_nfc_paragraph(p) for p in root.iter(w("p")))
            if changed:
                self.touch(part)
                self.record("R09", T("phần {p}", p=part),
                            T("chuẩn hóa {n} đoạn sang Unicode dựng sẵn (NFC)", n=changed))

    def national_motto(self) -> None:
        for ctx in self.contexts:
            if ctx.layout.header is not None:
                self._motto(ctx)

    def _motto(self, ctx: Context) -> None:
        header = ctx.layout.header
        assert header is not None
        for para, wanted, rule in ((header.quoc_hieu, QUOC_HIEU, "R10"),
                                   (header.tieu_ngu, TIEU_NGU, "R11")):
            if para is None or para.display == wanted or _motto_key(para.display) != _motto_key(
                    wanted):
                continue
            if rule == "R10" and para.display.replace("HOÀ", "HÒA") != wanted:
                continue
            if para.line_of is not None:  # one line of a paragraph split at a line break
                continue
            texts = [t for r in para.runs for t in r.el.iter(w("t"))]
            if not texts:
                continue
            full = "".join(t.text or "" for t in texts)
            lead = full[:len(full) - len(full.lstrip())]
            trail = full[len(full.rstrip()):] if full.strip() else ""
            texts[0].text = lead + wanted + trail  # spaces around the words stay as they were
            if lead or trail:
                texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            for extra in texts[1:]:
                extra.text = ""
            self.record(rule, ctx.place(ctx.where.para(para)),
                        T("sửa thành «{t}»", t=wanted))


def _text_width(sect: Element) -> int:
    size, margins = child(sect, "pgSz"), child(sect, "pgMar")
    width = int(size.get(w("w"), "0")) if size is not None else 0
    if margins is None:
        return width
    return width - sum(abs(int(float(margins.get(w(side), "0"))))
                       for side in ("left", "right", "gutter"))


def _line_width(para: Paragraph) -> float:
    """Width the paragraph's text needs on one line, indents included (twips)."""
    props = para.props
    return para_width(para) + props.ind_left + props.ind_right + max(props.first_line, 0)


def _motto_key(text: str) -> str:
    """Comparison key that also ignores spacing around the hyphens."""
    return re.sub(r"\s*-\s*", " - ", key(text))


def _blacken(colour: Element) -> int:
    value, theme = colour.get(w("val")), colour.get(w("themeColor"))
    if (value or "").lower() == "ffffff" and theme is None or theme in ("background1", "light1"):
        return 0  # white text prints as nothing: it stays hidden (the checker skips it too)
    if (value is None or value.lower() in ("auto", "000000")) and theme in (None, "text1",
                                                                             "dark1"):
        return 0
    colour.set(w("val"), "000000")
    for attr in ("themeColor", "themeShade", "themeTint"):
        colour.attrib.pop(w(attr), None)
    return 1


def _nfc_paragraph(para: Element) -> int:
    texts = list(para.iter(w("t")))
    changed = 0
    for i, t in enumerate(texts):
        text = t.text or ""
        if i > 0 and text and has_combining(text[0]):
            lead = len(text) - len(text.lstrip("".join(chr(c) for c in range(0x300, 0x370))))
            texts[i - 1].text = nfc((texts[i - 1].text or "") + text[:lead])
            text = text[lead:]
            changed = 1
        if nfc(text) != (t.text or ""):
            t.text = nfc(text)
            changed = 1
    return changed


def _serialise(doc: Document, dirty: set[str], new_parts: dict[str, Element]) -> bytes:
    """The fixed package: only the parts a .docx needs, zipped reproducibly."""
    parts: dict[str, bytes] = {}
    for name in needed_parts(doc.package):
        root = doc.package.xml(name) if name in dirty else None
        parts[name] = _xml_bytes(root) if root is not None else doc.package.read(name)
    for name, root in new_parts.items():
        parts[name] = _xml_bytes(root)
    return zip_package(parts)


def _xml_bytes(root: Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def needed_parts(package: Package) -> list[str]:
    """``[Content_Types].xml`` and every part reachable through relationships, in zip order.

    A part nothing refers to (a stray entry, a payload for whoever unpacks
    the file) is not written.
    """
    names = [info.filename for info in package.zip.infolist() if not info.is_dir()]
    present = set(names)
    keep = {CONTENT_TYPES} & present
    todo, seen = [""], {""}
    while todo:
        source = todo.pop()
        rels = rels_name(source)
        if rels not in present:
            continue
        keep.add(rels)
        for target in package.rels(source).values():
            if target in present and target not in seen:
                seen.add(target)
                keep.add(target)
                todo.append(target)
    return [name for name in names if name in keep]


def _target(src: Path, dst: str | Path | None, in_place: bool) -> Path:
    if in_place:
        return src
    if dst is None:
        raise UsageError(Problem(Location(file=str(src)), T(
            "Cần chỉ ra tệp kết quả (-o) hoặc dùng --in-place")))
    target = Path(dst)
    if target.exists() and target.resolve() == src.resolve():
        raise UsageError(Problem(Location(file=str(src)), T(
            "Tệp kết quả trùng tệp gốc; dùng --in-place nếu muốn ghi đè")))
    return target


def fix_document(src: str | Path, dst: str | Path | None = None, *, in_place: bool = False,
                 kind: str = "auto") -> FixReport:
    """Apply the safe fixes to *src*, write *dst* (or *src* with *in_place*), re-check.

    Raises DocumentReadError for unreadable input and UsageError when *dst*
    would overwrite *src* without *in_place*.
    """
    source = Path(src)
    target = _target(source, dst, in_place)
    doc = open_document(read_path(source), str(source))
    before, contexts = check_loaded(doc, kind)
    fixer = _Fixer(doc, contexts, before.rules())
    new_parts = fixer.run()
    data = _serialise(doc, fixer.dirty, new_parts)
    write_atomic(target, data)
    after, _ = check_loaded(open_document(data, str(target)), kind)
    return FixReport(str(source), str(target), fixer.actions, before, after)
