"""Walk one paragraph: its visible runs, fields, drawings and text boxes.

Deleted revisions, ``mc:Fallback`` duplicates and hidden text (``w:vanish``, or white
text without highlight or shading, which prints as nothing) are skipped, so
the text is what Word shows.  Complex fields (``w:fldChar``) are tracked so a
run knows which field's result it shows (the PAGE number).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lsdocs.check._xml import Element, child, qn, w, wattr
from lsdocs.check.doc_parts import Container, Paragraph, Run, appended

if TYPE_CHECKING:
    from lsdocs.check.docmodel import _Builder

_SKIP = {w("del"), w("moveFrom"), w("pPr"), w("rPr"), qn("mc:Fallback"), w("proofErr"),
         w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"), w("commentRangeEnd")}
_TEXT = {w("t"): None, w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}
_R, _FLD_SIMPLE, _FLD_CHAR, _INSTR = w("r"), w("fldSimple"), w("fldChar"), w("instrText")
_T = w("t")
_TXBX, _FALLBACK, _RPR = w("txbxContent"), qn("mc:Fallback"), w("rPr")
_DRAWINGS = {qn("wp:inline"), qn("wp:anchor"), qn("v:line"), qn("v:shape"), qn("v:rect")}
#: elements whose content the run walker does not read: a run's formatting, and the
#: duplicate an ``mc:Fallback`` holds
_OPAQUE = {w("rPr"), _FALLBACK}
_BLOCKS = {w("p"), w("tbl")}
_WRAPPERS = {w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("moveTo")}
_ALTERNATE, _CHOICE = qn("mc:AlternateContent"), qn("mc:Choice")


class RunWalker:
    """Collects the runs, fields, drawings and text boxes of one paragraph."""

    def __init__(self, builder: _Builder, para: Paragraph, table_style: str | None,
                 pstyle: str | None) -> None:
        self.builder, self.para = builder, para
        self.table_style, self.pstyle = table_style, pstyle
        self.stack: list[list[str]] = []  # open complex fields: [instr, state]

    def walk(self, el: Element, simple_field: str | None = None) -> None:
        for sub in el:
            tag = sub.tag
            if tag == _R:
                self.run(sub, simple_field)
            elif tag == _FLD_SIMPLE:
                instr = (wattr(sub, "instr") or "").strip()
                self.para.fields = appended(self.para.fields, instr)
                self.walk(sub, instr)
            elif tag not in _SKIP and isinstance(tag, str):
                self.walk(sub, simple_field)

    def run(self, r: Element, simple_field: str | None) -> None:
        rpr: Element | None = None
        parts: list[str] = []
        marks = False
        for sub in r:  # one pass: the w:rPr (the first one) and the content, in order
            tag = sub.tag
            if tag == _T and not len(sub):  # most children are plain text
                parts.append(sub.text or "")
            elif tag == _RPR:
                if rpr is None:
                    rpr = sub
            elif self._item(sub, tag, parts):
                marks = True
        props = self.builder.styles.run_props_of(self.table_style, self.pstyle, rpr)
        text = "".join(parts)
        if marks:
            self.para.field_props = appended(self.para.field_props, props)
        if text and not props.vanish and not (props.is_white and not _shaded_cell(r)):
            field_name = simple_field or (self._current_result() if self.stack else None)
            self.para.runs.append(Run(r, text, props, field_name))

    def _items(self, el: Element, parts: list[str]) -> None:
        """Read the descendants of *el* in document order, leaving out what an
        ``mc:Fallback`` duplicates and what a text box holds (walked on its own)."""
        for sub in el:
            self._item(sub, sub.tag, parts)

    def _item(self, sub: Element, tag: object, parts: list[str]) -> bool:
        """Read *sub* (and what it holds); True when it is a field code or field character."""
        if tag in _OPAQUE:
            return False
        marks = False
        text = _TEXT.get(tag, "") if isinstance(tag, str) else ""
        if text is None:
            parts.append(sub.text or "")
        elif text:
            parts.append(text)
        elif tag == _FLD_CHAR:
            marks = True
            self._fld_char(wattr(sub, "fldCharType") or "")
        elif tag == _INSTR:
            marks = True
            if self.stack:
                self.stack[-1][0] += sub.text or ""
        elif tag in _DRAWINGS:
            self.para.drawings = appended(self.para.drawings, sub)
        elif tag == _TXBX:
            self._textbox(sub)
            return False
        if len(sub):
            self._items(sub, parts)
        return marks

    def _fld_char(self, kind: str) -> None:
        if kind == "begin":
            self.stack.append(["", "instr"])
        elif kind == "separate" and self.stack:
            self.stack[-1][1] = "result"
            self.para.fields = appended(self.para.fields, self.stack[-1][0].strip())
        elif kind == "end" and self.stack:
            instr, state = self.stack.pop()
            if state == "instr":
                self.para.fields = appended(self.para.fields, instr.strip())

    def _current_result(self) -> str | None:
        for instr, state in reversed(self.stack):
            if state == "result":
                return instr.strip()
        return None

    def _textbox(self, box: Element) -> None:
        container = Container("textbox", self.para.section, parent=self.para,
                              part=self.para.container.part)
        for sub in block_children(box):
            if sub.tag == w("p"):
                box = self.builder.paragraph(sub, container, len(self.para.textboxes) + 1, None)
                self.para.textboxes = appended(self.para.textboxes, box)


def block_children(root: Element) -> Iterator[Element]:
    """Paragraphs and tables of a story, looking through content controls."""
    for el in root:
        tag = el.tag
        if tag in _BLOCKS:
            yield el
        elif tag in _WRAPPERS:
            yield from block_children(el)
        elif tag == _ALTERNATE:
            choice = el.find(_CHOICE)
            if choice is not None:
                yield from block_children(choice)


def _shaded_cell(run: Element) -> bool:
    """The run sits in a table cell with a coloured background (white text shows there)."""
    cell = next(run.iterancestors(w("tc")), None)
    shading = child(child(cell, "tcPr"), "shd") if cell is not None else None
    fill = wattr(shading, "fill") if shading is not None else None
    return fill is not None and fill.lower() not in ("auto", "ffffff")
