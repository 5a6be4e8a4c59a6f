"""Compilations (tệp ghép): several complete documents in one file, one after another.

``lsdocs batch --merge`` writes such a file for printing: each letter is its
own section (two with an appendix), starts on a new page and numbers its pages
from 1.  A later document starts at a section whose first block (empty
paragraphs aside) is a header table with the Quốc hiệu in the right cell of
its first row; a table anywhere else never splits the file.  :func:`split`
cuts the body at those starts so that each part is checked as a document of
its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lsdocs.check.docmodel import Document, Paragraph, Table
from lsdocs.check.header_table import find_quoc_hieu
from lsdocs.errors import T, Text


@dataclass(frozen=True)
class Part:
    """One document of a compilation."""

    index: int  # 1-based
    count: int
    doc: Document  # a view: this document's blocks and tables, the headers it owns
    sections: range  # its sections, as indexes into ``doc.sections``
    body_offset: int  # non-empty body paragraphs of the documents before it
    table_offset: int  # body tables of the documents before it

    @property
    def label(self) -> Text:
        return T("văn bản thứ {n} trong tệp ghép", n=self.index)


def _blank(block: Paragraph | Table) -> bool:
    return (isinstance(block, Paragraph) and block.empty and not block.drawings
            and not block.textboxes)


def document_start(blocks: list[Paragraph | Table], index: int) -> int | None:
    """Where a later document opened by ``blocks[index]`` starts, or None.

    ``blocks[index]`` must be a table whose first row's right cell holds the
    Quốc hiệu and that opens a section other than the first (only empty
    paragraphs before it in that section).
    """
    table = blocks[index]
    if not isinstance(table, Table) or not table.rows or len(table.rows[0]) < 2:
        return None
    first = index
    while first > 0 and blocks[first - 1].section == table.section:
        first -= 1
        if not _blank(blocks[first]):
            return None
    if first == 0 or find_quoc_hieu(table.rows[0][-1].paragraphs) < 0:
        return None
    return first


def split(doc: Document) -> list[Part]:
    """The documents of a compilation, or an empty list for a file of one document."""
    blocks = doc.blocks
    starts = [0] + [s for i in range(1, len(blocks))
                    if (s := document_start(blocks, i)) is not None]
    if len(starts) < 2:
        return []
    bounds = starts + [len(blocks)]
    first_sections = [0] + [blocks[s].section for s in starts[1:]] + [len(doc.sections)]
    parts: list[Part] = []
    seen: set[str] = set()
    for k in range(len(starts)):
        sections = range(first_sections[k], first_sections[k + 1])
        refs = {name for i in sections for refs in (doc.sections[i].headers,
                                                   doc.sections[i].footers)
                for name in refs.values()}
        own = frozenset(refs - seen)
        seen |= refs
        part_blocks = blocks[bounds[k]:bounds[k + 1]]
        tables = [t for t in doc.tables if t.section in sections]
        view = replace(doc, blocks=part_blocks, tables=tables, hf_owned=own)
        body = next((b.body_no for b in part_blocks
                     if isinstance(b, Paragraph) and b.body_no), 1)
        first_table = min((t.number for t in tables), default=1)
        parts.append(Part(k + 1, len(starts), view, sections, body - 1, first_table - 1))
    return parts
