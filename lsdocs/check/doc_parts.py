"""The checker's view of a document: paragraphs, runs, cells, tables, sections.

Plain data built by :func:`lsdocs.check.docmodel.load`.  Identity matters
(``eq=False``): two paragraphs with the same text are different paragraphs.
"""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from lsdocs.check._once import once
from lsdocs.check._xml import Element
from lsdocs.check.package import Package
from lsdocs.check.sections import Section
from lsdocs.check.styles import Border, CellFormat, ParaProps, RunProps, StyleSheet

_T = TypeVar("_T")


def appended(items: Sequence[_T], item: _T) -> list[_T]:
    """*items* with *item* added: *items* itself when it is a list, else a new list (for
    the shared empty tuple of a paragraph's fields, drawings, …)."""
    found = items if isinstance(items, list) else list(items)
    found.append(item)
    return found


@dataclass(eq=False)
class Run:
    """A run with visible text, its effective formatting and its field (if a result)."""

    el: Element
    text: str
    props: RunProps
    field: str | None = None

    @property
    def display(self) -> str:
        return self.text.upper() if self.props.caps else self.text


class Container:
    """Where a paragraph lives: ``body``, ``cell``, ``header``, ``footer`` or ``textbox``.

    The table of a cell and the paragraph holding a text box are held weakly: they hold
    this container's paragraphs, and a strong reference back would make every table of a
    document a reference cycle, freed only by the garbage collector (about 1 ms of its
    work per eleven-page plan).  The document holds its tables and paragraphs."""

    __slots__ = ("_parent", "_table", "col", "hf_type", "kind", "part", "row", "section")

    def __init__(self, kind: str, section: int = 0, table: Table | None = None, row: int = 0,
                 col: int = 0, hf_type: str = "", part: str = "",
                 parent: Paragraph | None = None) -> None:
        self.kind, self.section, self.row, self.col = kind, section, row, col
        self.hf_type, self.part = hf_type, part
        self._table = None if table is None else weakref.ref(table)
        self._parent = None if parent is None else weakref.ref(parent)

    @property
    def table(self) -> Table | None:
        return None if self._table is None else self._table()

    @property
    def parent(self) -> Paragraph | None:
        return None if self._parent is None else self._parent()


@dataclass(eq=False)
class Paragraph:
    el: Element
    container: Container
    number: int  # 1-based among all paragraphs of its container
    props: ParaProps
    runs: list[Run] = field(default_factory=list)
    # fields, drawings, text boxes and field runs are few: most paragraphs share the empty
    # tuple (the model builder, lsdocs.check.runs, gives a paragraph a list when it has one)
    fields: Sequence[str] = ()
    drawings: Sequence[Element] = ()
    textboxes: Sequence[Paragraph] = ()
    body_no: int | None = None  # 1-based among non-empty body paragraphs
    mark_sz: int = 20
    field_props: Sequence[RunProps] = ()  # runs holding field codes
    line_of: Paragraph | None = None  # set on one visual line of a paragraph split at <w:br/>

    @property
    def section(self) -> int:
        return self.container.section

    # text, display, empty and text_runs are computed once: the runs are complete when the model is
    # built (lsdocs.check.docmodel.load) and never change afterwards
    @once
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @once
    def display(self) -> str:
        """Text as shown (``w:caps`` applied), NFC, outer whitespace stripped."""
        return unicodedata.normalize("NFC", "".join(r.display for r in self.runs)).strip()

    @once
    def empty(self) -> bool:
        return not self.text.strip()

    @once
    def text_runs(self) -> list[Run]:
        """Runs that carry visible characters (not only spaces)."""
        return [r for r in self.runs if r.text.strip()]


def split_lines(para: Paragraph) -> list[Paragraph]:
    """*para* as one paragraph per visual line (split at ``w:br``/``w:cr``).

    Only the first line keeps a top border and only the last a bottom border and
    the drawings; a paragraph without breaks is returned as is."""
    if "\n" not in para.text.strip():
        return [para]
    lines: list[list[Run]] = [[]]
    for run in para.runs:
        pieces = run.text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append([])
            if piece:
                lines[-1].append(run if len(pieces) == 1 else
                                 Run(run.el, piece, run.props, run.field))
    lines = [line for line in lines if "".join(r.text for r in line).strip()]
    if len(lines) < 2:
        return [para]
    out = []
    for i, runs in enumerate(lines):
        borders = {side: b for side, b in para.props.borders.items()
                   if not (side == "bottom" and i < len(lines) - 1 or side == "top" and i)}
        props = replace(para.props, borders=borders)
        out.append(Paragraph(para.el, para.container, para.number, props, runs, para.fields,
                             para.drawings if i == len(lines) - 1 else [], [], para.body_no,
                             para.mark_sz, para.field_props, para))
    return out


@dataclass(eq=False)
class Cell:
    el: Element
    row: int
    col: int
    grid_width: int  # twips of the grid columns the cell spans (0: the grid does not say)
    margins: tuple[int, int]  # the table's left and right cell margins
    tcpr: Element | None
    styles: StyleSheet
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: Sequence[Table] = ()  # a list when the cell holds tables

    @property
    def text(self) -> str:
        return "\n".join(p.display for p in self.paragraphs)

    # the cell's own formatting is worked out when a rule first asks: most rules read the
    # cells' paragraphs only, and a w:tcPr is costly to key (see StyleSheet.cell_format_of)
    @once
    def _format(self) -> CellFormat:
        return self.styles.cell_format_of(self.tcpr)

    @property
    def width(self) -> int:
        """Twips available to text (cell width minus cell margins)."""
        tc_width, left, _ = self._format
        return ((self.grid_width or tc_width) - (self.margins[0] if left is None else left)
                - self.margins[1])

    @property
    def borders(self) -> dict[str, Border]:
        return self._format[2]


@dataclass(eq=False)
class Table:
    el: Element
    section: int
    number: int  # 1-based among all tables, in document order
    style: str | None
    rows: list[list[Cell]] = field(default_factory=list)
    borders: dict[str, Border] = field(default_factory=dict)
    parent: Cell | None = None

    def cells(self) -> Iterator[Cell]:
        for row in self.rows:
            yield from row

    def paragraphs(self) -> Iterator[Paragraph]:
        for cell in self.cells():
            yield from cell.paragraphs
            for table in cell.tables:
                yield from table.paragraphs()


@dataclass
class HeaderFooter:
    part: str
    kind: str  # "header" or "footer"
    paragraphs: list[Paragraph]
    tables: list[Table]

    def all_paragraphs(self) -> Iterator[Paragraph]:
        for para in self.paragraphs:
            yield para
            yield from para.textboxes
        for table in self.tables:
            yield from table.paragraphs()


@dataclass
class Document:
    name: str
    package: Package
    styles: StyleSheet
    sections: list[Section]
    blocks: list[Paragraph | Table]  # body-level, in order
    tables: list[Table]  # every table, nested included, in order
    parts: dict[str, HeaderFooter]  # header/footer part name → content
    even_and_odd: bool = False
    mirror_margins: bool = False
    gutter_at_top: bool = False
    #: in one document of a compilation: the header/footer parts it owns (None = all)
    hf_owned: frozenset[str] | None = None

    def all_paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph: body, tables, text boxes, then the headers and footers owned."""
        return iter(self._all_paragraphs)

    @once  # many rules read every paragraph: listed once, after the model is complete
    def _all_paragraphs(self) -> list[Paragraph]:
        return list(self._walk_paragraphs())

    def _walk_paragraphs(self) -> Iterator[Paragraph]:
        for block in self.blocks:
            if isinstance(block, Table):
                for para in block.paragraphs():
                    yield para
                    yield from para.textboxes
            else:
                yield block
                yield from block.textboxes
        for name, part in self.parts.items():
            if self.hf_owned is None or name in self.hf_owned:
                yield from part.all_paragraphs()

    def body_paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def header_footer(self, section: Section, kind: str, hf_type: str) -> HeaderFooter | None:
        refs = section.headers if kind == "header" else section.footers
        part = refs.get(hf_type)
        return self.parts.get(part) if part else None
