"""Namespaces and small lxml helpers shared by the checker.

Every XML part is parsed with :data:`PARSER`: no entity expansion, no network,
no DTD loading, so a hostile .docx cannot read local files or fetch URLs.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from lxml.etree import _Element as Element

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V_NS = "urn:schemas-microsoft-com:vml"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

__all__ = ["Element", "NSMAP", "PARSER", "child", "children", "is_fallback", "on_off",
           "parse", "qn", "serial", "w", "wattr", "wint"]

_W_OPEN = "{" + W_NS + "}"
_W_ANY = _W_OPEN + "*"
_W_VAL = _W_OPEN + "val"
#: children that come first in their parent (an element's properties): :func:`child` looks at
#: the first child before searching.  Only for these: reading a child makes lxml build a Python
#: object for it, wasted when it is not the one sought.
_FIRST = frozenset({"pPr", "rPr", "tcPr", "trPr", "tblPr"})

NSMAP = {"w": W_NS, "r": R_NS, "a": A_NS, "wp": WP_NS, "mc": MC_NS, "v": V_NS}

#: Strict OOXML namespaces and their transitional twins; the checker reads both.
STRICT_TO_TRANSITIONAL = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W_NS.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": R_NS.encode(),
    b"http://purl.oclc.org/ooxml/drawingml/main": A_NS.encode(),
    b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": WP_NS.encode(),
}

PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
)



@lru_cache(maxsize=512)
def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag: ``w("p")`` → ``{…/main}p``."""
    return f"{{{W_NS}}}{tag}"


@lru_cache(maxsize=256)
def qn(prefixed: str) -> str:
    """Clark name from a prefixed name such as ``"wp:extent"``."""
    prefix, local = prefixed.split(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def parse(data: bytes) -> Element:
    """Parse one XML part safely (raises ``etree.XMLSyntaxError``)."""
    if b"http://purl.oclc.org/ooxml/" in data:  # one scan for the usual transitional part
        for strict, transitional in STRICT_TO_TRANSITIONAL.items():
            if strict in data:
                data = data.replace(strict, transitional)
    return etree.fromstring(data, PARSER)


def serial(el: Element) -> str:
    """*el* serialised without its tail: the key under which formatting worked out from a
    ``w:pPr``/``w:rPr``/``w:tcPr`` is kept (elements alike give equal keys)."""
    text: str = etree.tostring(el, encoding=str, with_tail=False)
    return text


def wattr(el: Element | None, name: str) -> str | None:
    """The ``w:name`` attribute of *el*, or None."""
    if el is None:
        return None
    value: str | None = el.get(w(name))
    return value


def wint(el: Element | None, name: str) -> int | None:
    """An integer ``w:`` attribute; None when absent or not a number."""
    value = None if el is None else el.get(w(name))
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


def on_off(el: Element | None) -> bool | None:
    """Value of a toggle element such as ``<w:b/>``: None when absent."""
    if el is None:
        return None
    return el.get(_W_VAL) not in ("0", "false", "off", "none")


def child(el: Element | None, tag: str) -> Element | None:
    """First ``w:tag`` child of *el*."""
    if el is None:
        return None
    name = w(tag)
    if tag in _FIRST and len(el):  # look at the first child before searching
        first = el[0]
        if first.tag == name:
            return first
    return next(el.iterchildren(name), None)


def children(el: Element | None) -> dict[str, Element]:
    """The ``w:`` children of *el* by local name (first of each), for repeated lookups."""
    if el is None:
        return {}
    prefix = len(_W_OPEN)
    # lxml picks the w: children; walked last to first so that the first of each name is kept
    return {sub.tag[prefix:]: sub for sub in el.iterchildren(_W_ANY, reversed=True)}


def is_fallback(el: Element) -> bool:
    """True when *el* sits in an ``mc:Fallback`` branch (a duplicate of the Choice)."""
    return any(a.tag == qn("mc:Fallback") for a in el.iterancestors())
