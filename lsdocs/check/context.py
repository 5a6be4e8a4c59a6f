"""What every check function receives: the document, its layout and a locator.

In a compilation (:mod:`lsdocs.check.compilation`) there is one context per
document: ``doc`` is then a view holding that document's blocks, ``part``
says which document it is and :meth:`Context.sections` lists its sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lsdocs.check.compilation import Part
from lsdocs.check.docmodel import Document, Paragraph
from lsdocs.check.layout import Layout
from lsdocs.check.places import Locator, join
from lsdocs.check.sections import Section
from lsdocs.errors import Text


@dataclass
class Context:
    doc: Document
    layout: Layout
    where: Locator
    part: Part | None = None
    _by_element: dict[int, Paragraph] = field(default_factory=dict)
    #: what several rules work out alike, kept for this document's check (by name)
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.layout.kind

    def sections(self) -> list[Section]:
        """The sections of this document (all of them outside a compilation)."""
        if self.part is None:
            return self.doc.sections
        return [self.doc.sections[i] for i in self.part.sections]

    @property
    def first_section(self) -> int:
        """Index (into ``doc.sections``) of this document's first section."""
        return self.part.sections.start if self.part is not None else 0

    def foreign(self, part_name: str) -> bool:
        """A header/footer part first used by an earlier document of the compilation."""
        owned = self.doc.hf_owned
        return owned is not None and part_name not in owned

    def place(self, where: Text) -> Text:
        """*where* with the document of the compilation named first."""
        return join(self.part.label, where) if self.part is not None else where

    def is_appendix_section(self, index: int) -> bool:
        return self.kind == "phu-luc" or index not in self.layout.main_sections

    def paragraph_of(self, element: object) -> Paragraph | None:
        """The paragraph built from an lxml ``w:p`` element."""
        if not self._by_element:
            self._by_element = {id(p.el): p for p in self.doc.all_paragraphs()}
        return self._by_element.get(id(element))
