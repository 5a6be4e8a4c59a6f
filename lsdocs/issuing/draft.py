"""Reading a draft as it is now: its Số line, date line, and the register's columns.

The draft may have been edited in Word since lsdocs wrote it, so nothing is
taken from the content files: everything comes from the document's own text
(the Số line gives the symbol, the header the agency, Nơi nhận the recipients).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from lsdocs import vnformat as vn
from lsdocs.check._xml import PARSER, Element, w
from lsdocs.errors import DocumentReadError, Location, Problem, T, Text
from lsdocs.limits import Refused, read_zip_parts

DOCUMENT_PART = "word/document.xml"
NUMBER_LINE = re.compile(r"^(?P<head>\s*Số\s*:)(?P<number>\s*[0-9]*\s*)/\s*(?P<symbol>\S+)\s*$")
DATE_LINE = re.compile(r"^(?P<place>[^,]+),\s*(?P<date>ngày\s.*tháng\s.*năm\b.*)$")


@dataclass
class Draft:
    """One draft .docx: its zip, its main part parsed, and what issuing needs from it."""

    name: str
    data: bytes
    root: Element
    number_para: Element | None = None
    date_para: Element | None = None
    symbol: str = ""
    number: str = ""  # what stands in the Số line before the '/': blank in a draft
    problems: list[Problem] = field(default_factory=list)

    def paragraphs(self) -> list[Element]:
        return list(self.root.iter(w("p")))


def read_draft(data: bytes, name: str) -> Draft:
    """Parse *data*; a file that is not a Word document raises DocumentReadError."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            read_zip_parts(archive, xml_only=True)  # zip bombs, zip-slip names, DTDs refused
            xml = archive.read(DOCUMENT_PART)
        root = etree.fromstring(xml, PARSER)
    except Refused as exc:
        raise DocumentReadError(Problem(Location(file=name), T(
            "tệp Word (.docx) bị từ chối: {why}", why=exc.message))) from exc
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError) as exc:
        raise DocumentReadError(Problem(Location(file=name), T(
            "không đọc được tệp Word (.docx) ({e})", e=exc))) from exc
    draft = Draft(name, data, root)
    _find_header_lines(draft)
    return draft


def para_text(para: Element) -> str:
    return "".join(t.text or "" for t in para.iter(w("t")))


def _find_header_lines(draft: Draft) -> None:
    numbered = [p for p in draft.paragraphs() if NUMBER_LINE.match(vn.nfc(para_text(p)))]
    if not numbered:
        attached = any("(Kèm theo" in para_text(p) for p in draft.paragraphs())
        draft.problems.append(_problem(draft, T(
            "tệp này là phụ lục kèm theo văn bản khác, không có số riêng; phát hành văn bản "
            "chính (phụ lục in trong cùng tệp được ghi số cùng lúc)") if attached else T(
            "không thấy dòng «Số: …/…» ở phần đầu văn bản")))
        return
    if len(numbered) > 1:
        draft.problems.append(_problem(draft, T(
            "tệp có {n} dòng «Số:» (tệp ghép?); phát hành từng văn bản riêng"),
            n=len(numbered)))
        return
    para = numbered[0]
    _nfc_runs(para)
    match = NUMBER_LINE.match(para_text(para))
    assert match is not None
    draft.number_para, draft.symbol = para, match["symbol"]
    draft.number = match["number"].strip()
    if draft.number:
        draft.problems.append(_problem(draft, T(
            "văn bản đã có số {s}: đã phát hành rồi, không cấp số lần nữa"),
            s=f"{draft.number}/{draft.symbol}"))
    draft.date_para = _date_para(draft, para)
    if draft.date_para is None:
        draft.problems.append(_problem(draft, T(
            "không thấy dòng địa danh, ngày tháng («…, ngày … tháng … năm …») sau dòng Số")))


def _date_para(draft: Draft, after: Element) -> Element | None:
    paras = draft.paragraphs()
    start = paras.index(after)
    # The date line stands in the header table, beside or under the Số line.
    for para in paras[start + 1:start + 12] + paras[max(0, start - 6):start]:
        if DATE_LINE.match(vn.nfc(para_text(para)).strip()):
            _nfc_runs(para)
            return para
    return None


def _nfc_runs(para: Element) -> None:
    for node in para.iter(w("t")):
        if node.text:
            node.text = vn.nfc(node.text)


def _problem(draft: Draft, message: Text, **params: object) -> Problem:
    return Problem(Location(file=draft.name), message.format(**params), code="issue-draft")


# --- the register's columns, read from the document ---------------------------------------


@dataclass(frozen=True)
class Particulars:
    """Phụ lục IV columns a document says about itself."""

    agency: str
    doc_type: str
    trich_yeu: str
    signer: str
    recipients: list[str]
    filing: str

    @property
    def copies(self) -> int:
        """One copy per recipient plus one per filing unit (VT, the drafting unit)."""
        units = [u for u in re.split(r"[,;]", self.filing) if u.strip()]
        return max(1, len(self.recipients) + len(units))


def particulars(draft: Draft) -> Particulars:
    texts = [vn.nfc(para_text(p)).strip() for p in draft.paragraphs()]
    doc_type = _doc_type(draft.symbol)
    recipients, filing, signer = _closing(draft, texts)
    return Particulars(
        agency=_agency(draft), doc_type=doc_type, trich_yeu=_trich_yeu(texts, doc_type),
        signer=signer, recipients=recipients, filing=filing)


def _doc_type(symbol: str) -> str:
    found = vn.type_from_code(symbol.split("-")[0])
    return found.name if found is not None else "Công văn"


def _agency(draft: Draft) -> str:
    """The issuing agency as the header's left cell names it (parent line included)."""
    assert draft.number_para is not None
    row = next(draft.number_para.iterancestors(w("tr")), None)
    table = next(draft.number_para.iterancestors(w("tbl")), None)
    first_row = table.find(w("tr")) if table is not None else None
    source = first_row if first_row is not None else row
    cell = source.find(w("tc")) if source is not None else None
    lines = [vn.nfc(para_text(p)).strip() for p in cell.iter(w("p"))] if cell is not None else []
    return " ".join(line for line in lines if line) or "?"


def _trich_yeu(texts: list[str], doc_type: str) -> str:
    if doc_type == "Công văn":
        return next((t for t in texts if t.startswith("V/v")), "")
    title = vn.upper_vi(doc_type)
    for i, text in enumerate(texts):
        if text == title:
            return next((t for t in texts[i + 1:] if t), "")
    return ""


def _closing(draft: Draft, texts: list[str]) -> tuple[list[str], str, str]:
    """Nơi nhận items ("Như trên" spelled out), the Lưu units, and the signer's name."""
    paras = draft.paragraphs()
    start = next((i for i, t in enumerate(texts) if t.startswith("Nơi nhận")), None)
    if start is None:
        return [], "", ""
    cell = next(paras[start].iterancestors(w("tc")), None)
    mine = [vn.nfc(para_text(p)).strip() for p in cell.iter(w("p"))] if cell is not None else []
    items = [t.lstrip("-– ").rstrip(";.,").strip() for t in mine if t[:1] in "-–"]
    filing = next((i.split(":", 1)[1].strip() for i in items if i.startswith("Lưu")), "")
    recipients = [i for i in items if not i.startswith("Lưu")]
    if "Như trên" in recipients:
        at = recipients.index("Như trên")
        recipients[at:at + 1] = _kinh_gui(texts) or ["Như trên"]
    return recipients, filing, _signer(cell)


def _kinh_gui(texts: list[str]) -> list[str]:
    """The addressees: after "Kính gửi:" on its line, or the "- …;" lines that follow it."""
    for i, text in enumerate(texts):
        if text.startswith("Kính gửi"):
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if rest:
                return [rest.rstrip(".;").strip()]
            names = []
            for line in texts[i + 1:]:
                if line[:1] in "-–":
                    names.append(line.lstrip("-– ").rstrip(";.").strip())
                elif line or names:
                    break
            return names
    return []


def _signer(noi_nhan_cell: Element | None) -> str:
    row = next(noi_nhan_cell.iterancestors(w("tr")), None) if noi_nhan_cell is not None else None
    if row is None:
        return ""
    cells = [c for c in row.iter(w("tc")) if c is not noi_nhan_cell]
    lines = [vn.nfc(para_text(p)).strip() for c in cells for p in c.iter(w("p"))]
    return next((line for line in reversed(lines) if line), "")
