"""What every check function receives: the document, its layout and a locator."""

from __future__ import annotations

from dataclasses import dataclass, field

from lsdocs.check.docmodel import Document, Paragraph
from lsdocs.check.layout import Layout
from lsdocs.check.places import Locator
from lsdocs.check.sections import Section


@dataclass
class Context:
    doc: Document
    layout: Layout
    where: Locator
    _by_element: dict[int, Paragraph] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.layout.kind

    def sections(self) -> list[Section]:
        return self.doc.sections

    def is_appendix_section(self, index: int) -> bool:
        return self.kind == "phu-luc" or index not in self.layout.main_sections

    def paragraph_of(self, element: object) -> Paragraph | None:
        """The paragraph built from an lxml ``w:p`` element."""
        if not self._by_element:
            self._by_element = {id(p.el): p for p in self.doc.all_paragraphs()}
        return self._by_element.get(id(element))
