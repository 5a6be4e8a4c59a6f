"""Merge letters rendered from one template into a single file for printing.

Each letter becomes its own section: it starts on a new page, its pages are
numbered from 1 and its first page carries no number, exactly as when printed
alone.  Letters from one template share styles, headers and relationships,
so their bodies can be joined directly; documents from different templates
are refused rather than merged badly.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from lxml import etree

from lsdocs.errors import Location, Problem, T, TemplateError
from lsdocs.limits import SAFE_PARSER
from lsdocs.render.output import zip_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOC = "word/document.xml"
_RELS = "word/_rels/document.xml.rels"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def merge_documents(documents: Sequence[bytes]) -> bytes:
    """Join *documents* (same template) into one .docx; each keeps its own numbering."""
    if not documents:
        raise ValueError("nothing to merge")
    packages = [_read(d) for d in documents]
    _check_same_template(packages)
    first = etree.fromstring(packages[0][_DOC], SAFE_PARSER)
    body = first.find(_w("body"))
    assert body is not None
    for child in list(body):
        body.remove(child)
    for index, package in enumerate(packages):
        last = index == len(packages) - 1
        for element in _letter_body(package[_DOC], last):
            body.append(element)
    merged = dict(packages[0])
    merged[_DOC] = etree.tostring(first, xml_declaration=True, encoding="UTF-8", standalone=True)
    return zip_package(merged)


def _letter_body(xml: bytes, last: bool) -> list[etree._Element]:
    body = etree.fromstring(xml, SAFE_PARSER).find(_w("body"))
    assert body is not None
    children = list(body)
    final = children.pop() if children and children[-1].tag == _w("sectPr") else None
    sections = [p for p in body.iter(_w("sectPr"))]
    if sections:
        _restart_numbering(sections[0])
    if final is not None and not last:
        # A paragraph-level sectPr ends this letter's last section with a page break.
        _holder(children).append(final)
    elif final is not None:
        children.append(final)
    return children


def _holder(children: list[etree._Element]) -> etree._Element:
    """The pPr that will carry a letter's final sectPr: its empty closing paragraph's, if any.

    Reusing the template's 1-pt closing paragraph keeps the section break from
    adding a line (and possibly a blank page) after the signature table.
    """
    last = children[-1] if children else None
    if last is not None and last.tag == _w("p") and not "".join(last.itertext()).strip():
        ppr = last.find(_w("pPr"))
        if ppr is None:
            ppr = etree.Element(_w("pPr"))
            last.insert(0, ppr)
        if ppr.find(_w("sectPr")) is None:
            return ppr
    paragraph = etree.Element(_w("p"))
    children.append(paragraph)
    return etree.SubElement(paragraph, _w("pPr"))


def _restart_numbering(sect: etree._Element) -> None:
    numbering = sect.find(_w("pgNumType"))
    if numbering is None:
        numbering = etree.Element(_w("pgNumType"))
        anchor = sect.find(_w("pgMar"))
        (anchor.addnext if anchor is not None else sect.append)(numbering)
    numbering.set(_w("start"), "1")


def _check_same_template(packages: list[dict[str, bytes]]) -> None:
    reference = packages[0].get(_RELS)
    for index, package in enumerate(packages[1:], 2):
        if package.get(_RELS) != reference or package.keys() != packages[0].keys():
            raise TemplateError(
                Problem(
                    Location(place=T("văn bản thứ {n}", n=index)),
                    T("không ghép được: các văn bản không cùng một mẫu"),
                )
            )


def _read(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}
