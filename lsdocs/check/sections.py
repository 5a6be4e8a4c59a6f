"""Section properties (``w:sectPr``): page size, margins, headers and footers.

A section's properties sit at its end: in the ``w:pPr`` of its last paragraph,
or in the body's final ``w:sectPr``.  A section that names no header of a
type inherits the previous section's, as in Word.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lsdocs.check._xml import R_NS, Element, child, on_off, qn, w, wattr, wint

HF_TYPES = ("default", "first", "even")


@dataclass
class Section:
    index: int  # 0-based
    el: Element | None
    width: int = 0
    height: int = 0
    top: int = 0
    bottom: int = 0
    left: int = 0
    right: int = 0
    gutter: int = 0
    has_size: bool = True  # False: no w:pgSz (A4 assumed for widths)
    has_margins: bool = True  # False: no w:pgMar (Word's 1-inch margins assumed)
    title_pg: bool = False
    page_start: int | None = None
    page_format: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    footers: dict[str, str] = field(default_factory=dict)

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right


def _sect_prs(body: Element) -> Iterator[Element]:
    for el in body.iter(w("sectPr")):
        parent = el.getparent()
        if parent is body or (parent is not None and parent.tag == w("pPr")):
            if not any(a.tag in (w("tbl"), w("txbxContent"), qn("mc:Fallback"))
                       for a in el.iterancestors()):
                yield el


def read_sections(body: Element | None, rels: dict[str, str]) -> list[Section]:
    """Every section of the body, in order, with inherited header/footer parts."""
    elements: list[Element | None] = list(_sect_prs(body)) if body is not None else []
    last = elements[-1] if elements else None
    if last is None or last.getparent() is not body:
        elements.append(None)  # a body without a final sectPr
    sections: list[Section] = []
    headers: dict[str, str] = {}
    footers: dict[str, str] = {}
    for index, el in enumerate(elements):
        section = _read(index, el)
        headers = {**headers, **_refs(el, "headerReference", rels)}
        footers = {**footers, **_refs(el, "footerReference", rels)}
        section.headers, section.footers = dict(headers), dict(footers)
        sections.append(section)
    return sections


def _read(index: int, el: Element | None) -> Section:
    section = Section(index, el)
    if el is None:
        return section
    size, margins = child(el, "pgSz"), child(el, "pgMar")
    section.width, section.height = wint(size, "w") or 0, wint(size, "h") or 0
    if size is None:
        section.has_size, section.width, section.height = False, 11906, 16838
    for name in ("top", "bottom", "left", "right"):
        setattr(section, name, abs(wint(margins, name) or 0))
    if margins is None:
        section.has_margins = False
        section.top = section.bottom = section.left = section.right = 1440
    section.gutter = abs(wint(margins, "gutter") or 0)
    section.title_pg = bool(on_off(child(el, "titlePg")))
    numbering = child(el, "pgNumType")
    section.page_start = wint(numbering, "start")
    section.page_format = wattr(numbering, "fmt")
    return section


def _refs(el: Element | None, tag: str, rels: dict[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    if el is None:
        return found
    for ref in el.iterfind(w(tag)):
        target = rels.get(ref.get(f"{{{R_NS}}}id") or "")
        if target:
            found[wattr(ref, "type") or "default"] = target
    return found
