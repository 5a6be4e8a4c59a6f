"""The document as the checker sees it: sections, body blocks, tables, headers.

:func:`load` walks the main part once, in order, and records for every
paragraph its section, its container (body, table cell, header, footer, text
box), its displayed text and the effective formatting of each run.  Deleted
revisions, ``mc:Fallback`` duplicates and hidden text are left out, so the
text is what Word shows.
"""

from __future__ import annotations

from lsdocs.check._xml import Element, child, w, wattr, wint
from lsdocs.check.doc_parts import (
    Cell,
    Container,
    Document,
    HeaderFooter,
    Paragraph,
    Run,
    Table,
    appended,
)
from lsdocs.check.package import Package
from lsdocs.check.runs import RunWalker, block_children
from lsdocs.check.sections import read_sections
from lsdocs.check.styles import StyleSheet, parse_borders, shared_sheet

__all__ = ["Cell", "Container", "Document", "HeaderFooter", "Paragraph", "Run", "Table", "load"]

DEFAULT_CELL_MARGIN = 108
_P, _TBL, _TC, _PPR = w("p"), w("tbl"), w("tc"), w("pPr")


class _Builder:
    """Walks one story (body, header, footer) and builds paragraphs and tables."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.styles = doc.styles
        self.section = 0
        self.table_count = 0
        self.in_body = True

    def story(self, root: Element, container: Container) -> tuple[list[Paragraph], list[Table],
                                                                  list[Paragraph | Table]]:
        paras: list[Paragraph] = []
        tables: list[Table] = []
        blocks: list[Paragraph | Table] = []
        body = container.kind == "body"
        boxes: dict[int, Container] = {}  # body: the paragraphs of a section share one
        for el in block_children(root):
            tag = el.tag
            if tag == _P:
                box = self._body_box(boxes) if body else container
                para = self.paragraph(el, box, len(paras) + 1, None)
                paras.append(para)
                blocks.append(para)
                if body and child(child(el, "pPr"), "sectPr") is not None:
                    self.section += 1
            elif tag == _TBL:
                table = self.table(el, None)
                tables.append(table)
                blocks.append(table)
        return paras, tables, blocks

    def _body_box(self, boxes: dict[int, Container]) -> Container:
        box = boxes.get(self.section)
        if box is None:
            box = boxes[self.section] = Container("body", self.section)
        return box

    def table(self, el: Element, parent: Cell | None) -> Table:
        if self.in_body:
            self.table_count += 1
        tblpr = child(el, "tblPr")
        style = wattr(child(tblpr, "tblStyle"), "val") or self.styles.default_ids.get("table")
        table = Table(el, self.section, self.table_count, style, parent=parent,
                      borders=parse_borders(child(tblpr, "tblBorders")))
        if self.in_body:
            self.doc.tables.append(table)
        grid = [wint(g, "w") or 0 for g in el.iterfind(f"{w('tblGrid')}/{w('gridCol')}")]
        margins = _cell_margins(tblpr)
        for r, tr in enumerate(el.iterfind(w("tr"))):
            table.rows.append(self._row(table, tr, r, grid, margins))
        return table

    def _row(self, table: Table, tr: Element, r: int, grid: list[int],
             margins: tuple[int, int]) -> list[Cell]:
        cells: list[Cell] = []
        pos = wint(child(child(tr, "trPr"), "gridBefore"), "val") or 0
        for c, tc in enumerate(tr.iterchildren(_TC)):
            tcpr = child(tc, "tcPr")
            span = wint(child(tcpr, "gridSpan"), "val") or 1
            cell = Cell(tc, r, c, sum(grid[pos:pos + span]), margins, tcpr, self.styles)
            pos += span
            container = Container("cell", self.section, table, r, c)
            for sub in block_children(tc):
                tag = sub.tag
                if tag == _P:
                    cell.paragraphs.append(self.paragraph(sub, container, len(cell.paragraphs) + 1,
                                                          table.style))
                elif tag == _TBL:
                    cell.tables = appended(cell.tables, self.table(sub, cell))
            cells.append(cell)
        return cells

    def paragraph(self, el: Element, container: Container, number: int,
                  table_style: str | None) -> Paragraph:
        first = el[0] if len(el) else None  # w:pPr comes first: look there before searching
        ppr = first if first is not None and first.tag == _PPR else child(el, "pPr")
        props, mark_sz = self.styles.paragraph_props_of(table_style, ppr)
        para = Paragraph(el, container, number, props, mark_sz=mark_sz)
        RunWalker(self, para, table_style, props.style_id).walk(el)
        return para


def _cell_margins(pr: Element | None, default: tuple[int, int] | None = None) -> tuple[int, int]:
    base = default or (DEFAULT_CELL_MARGIN, DEFAULT_CELL_MARGIN)
    mar = child(pr, "tblCellMar") if pr is not None and pr.tag == w("tblPr") else child(pr, "tcMar")
    if mar is None:
        return base
    left = wint(child(mar, "left"), "w") or wint(child(mar, "start"), "w")
    right = wint(child(mar, "right"), "w") or wint(child(mar, "end"), "w")
    return (base[0] if left is None else left, base[1] if right is None else right)


def load(package: Package) -> Document:
    """Build the :class:`Document` of an opened package."""
    main = package.main
    types = package.rel_types(main)
    def part(kind: str) -> Element | None:
        return package.xml(types[kind]) if kind in types else None

    styles = _style_sheet(package, types).for_document(lambda: part("/theme"))
    root = package.xml(main)
    assert root is not None  # Package.from_bytes checked it
    body = child(root, "body")
    rels = package.rels(main)
    doc = Document(package.name, package, styles, read_sections(body, rels), [], [], {})
    settings = package.xml(types["/settings"]) if "/settings" in types else None
    doc.even_and_odd = settings is not None and child(settings, "evenAndOddHeaders") is not None
    doc.mirror_margins = settings is not None and child(settings, "mirrorMargins") is not None
    doc.gutter_at_top = settings is not None and child(settings, "gutterAtTop") is not None
    builder = _Builder(doc)
    if body is not None:
        _, _, doc.blocks = builder.story(body, Container("body"))
    _number_body(doc)
    _drop_empty_last_section(doc)
    builder.in_body = False
    _load_headers(doc, builder)
    return doc


def _style_sheet(package: Package, types: dict[str, str]) -> StyleSheet:
    """The shared style sheet of the document's styles and numbering parts.  A part not
    seen before is parsed by the package's checked parser (a damaged part is reported
    as any other); a batch from one template reads its styles once."""
    names = {kind: types.get("/" + kind) or "" for kind in ("styles", "numbering")}

    def read(kind: str) -> bytes | None:
        name = names[kind]
        return package.read(name) if name and package.has(name) else None

    return shared_sheet(read("styles"), read("numbering"),
                        lambda kind, data: package.parse_part(names[kind], data))


def _number_body(doc: Document) -> None:
    count = 0
    for block in doc.blocks:
        if isinstance(block, Paragraph) and not block.empty:
            count += 1
            block.body_no = count


def _drop_empty_last_section(doc: Document) -> None:
    last = doc.sections[-1]
    if last.el is None and len(doc.sections) > 1 and not any(
            b.section == last.index for b in doc.blocks):
        doc.sections.pop()


def _load_headers(doc: Document, builder: _Builder) -> None:
    for section in doc.sections:
        for kind, refs in (("header", section.headers), ("footer", section.footers)):
            for hf_type, part in refs.items():
                if part in doc.parts:
                    continue
                root = doc.package.xml(part)
                if root is None:
                    continue
                builder.section = section.index
                container = Container(kind, section.index, hf_type=hf_type, part=part)
                paras, tables, _ = builder.story(root, container)
                doc.parts[part] = HeaderFooter(part, kind, paras, tables)
