"""PDF through LibreOffice: one headless ``soffice`` process for a whole batch.

``soffice --convert-to pdf --outdir D a.docx b.docx …`` converts every file in
one start of LibreOffice, with a private profile (so it neither waits for nor
disturbs a LibreOffice the clerk has open).  The PDFs are made in a temporary
folder, checked with poppler (page count, every word of the .docx present,
fonts embedded, PDF/A identification when asked) and only then written beside
their .docx, atomically.  A missing program is a clear error before anything
is written.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lsdocs.check._xml import PARSER, w
from lsdocs.errors import Location, LsdocsError, Problem, T, Text, UsageError
from lsdocs.render.output import write_atomic

PDF_FILTER = "pdf:writer_pdf_Export"
# PDF/A-2b (SelectPdfVersion 2), in the JSON filter-option syntax of LibreOffice >= 7.4.
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
SECONDS_PER_FILE = 20
START_SECONDS = 90


class ToolMissingError(LsdocsError):
    """A program lsdocs needs is not installed."""

    exit_code = 2


class PdfError(LsdocsError):
    """LibreOffice did not make a PDF, or the PDF does not match its .docx."""


@dataclass(frozen=True)
class PdfInfo:
    path: Path
    pages: int
    pdfa: bool


def require(program: str, package: str) -> str:
    """The path of *program*, or a Vietnamese error naming the Debian package to install."""
    found = shutil.which(program) or (shutil.which("libreoffice") if program == "soffice" else None)
    if found:
        return found
    raise ToolMissingError(Problem(Location(), T(
        "không tìm thấy chương trình «{p}»; cài gói {k} (Debian/Ubuntu: sudo apt-get install {k}) "
        "rồi chạy lại. Chưa có tệp nào được ghi.",
        p=program, k=package), code="tool-missing"))


def require_tools() -> str:
    """Check LibreOffice and poppler before any work; return the soffice path."""
    soffice = require("soffice", "libreoffice-writer")
    for program in ("pdfinfo", "pdftotext", "pdffonts"):
        require(program, "poppler-utils")
    return soffice


def convert(documents: Sequence[Path], *, pdfa: bool = False,
            out_dir: Path | None = None) -> list[PdfInfo]:
    """Write a checked PDF for each .docx (beside it, or into *out_dir*)."""
    soffice = require_tools()
    sources = [Path(d) for d in documents]
    _require_readable(sources)
    with tempfile.TemporaryDirectory(prefix="lsdocs-pdf-") as tmp:
        made = render_pdfs(soffice, sources, Path(tmp), pdfa=pdfa)
        infos = [verify(source, pdf, pdfa=pdfa) for source, pdf in zip(sources, made, strict=True)]
        results = []
        for source, pdf, info in zip(sources, made, infos, strict=True):
            target = (out_dir or source.parent) / f"{source.stem}.pdf"
            write_atomic(target, pdf.read_bytes())
            results.append(PdfInfo(target, info.pages, info.pdfa))
    return results


def render_pdfs(soffice: str, sources: Sequence[Path], work: Path, *,
                pdfa: bool = False, profile: Path | None = None) -> list[Path]:
    """PDFs of *sources* in *work*, one soffice run per group of distinct file names.

    *profile* is the LibreOffice user profile to use (default: a new one in *work*).
    """
    profile = profile or work / "profile"
    made: dict[Path, Path] = {}
    for index, group in enumerate(_distinct_stems(sources)):
        out = work / f"out{index}"
        out.mkdir(parents=True)
        _run_soffice(soffice, profile, out, group, pdfa)
        for source in group:
            pdf = out / f"{source.stem}.pdf"
            if not pdf.is_file() or pdf.stat().st_size == 0:
                raise PdfError(Problem(Location(file=str(source)), T(
                    "LibreOffice không tạo được tệp PDF từ văn bản này"), code="pdf-failed"))
            made[source] = pdf
    return [made[s] for s in sources]


def _run_soffice(soffice: str, profile: Path, out: Path, group: list[Path], pdfa: bool) -> None:
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", PDFA_FILTER if pdfa else PDF_FILTER,
               "--outdir", str(out), *map(str, group)]
    try:
        subprocess.run(command, capture_output=True, check=False, stdin=subprocess.DEVNULL,
                       timeout=START_SECONDS + SECONDS_PER_FILE * len(group))
    except subprocess.TimeoutExpired as exc:
        raise PdfError(Problem(Location(), T(
            "LibreOffice không trả lời sau {s} giây; chưa có tệp PDF nào được ghi",
            s=int(exc.timeout)), code="pdf-timeout")) from exc


def _distinct_stems(sources: Sequence[Path]) -> list[list[Path]]:
    """Groups in which no two files share a name (soffice names outputs by the stem)."""
    groups: list[list[Path]] = []
    for source in sources:
        group = next((g for g in groups if all(s.stem != source.stem for s in g)), None)
        if group is None:
            groups.append([source])
        else:
            group.append(source)
    return groups


def _require_readable(sources: Sequence[Path]) -> None:
    problems = [Problem(Location(file=str(s)), T("không có tệp này"),
                        code="missing-file") for s in sources if not s.is_file()]
    problems += [Problem(Location(file=str(s)), T("tệp không phải văn bản Word .docx"),
                         code="not-docx") for s in sources
                 if s.is_file() and not zipfile.is_zipfile(s)]
    if problems:
        raise UsageError(problems)


# --- checking a PDF against its .docx -------------------------------------------------------


def verify(source: Path, pdf: Path, *, pdfa: bool = False) -> PdfInfo:
    """Page count, words, embedded fonts and (when asked) PDF/A of *pdf* made from *source*."""
    problems: list[Problem] = []
    pages = page_count(pdf)
    sections = _section_count(source.read_bytes())
    if pages < sections:
        problems.append(_pdf_problem(source, T(
            "PDF có {p} trang, ít hơn số phần (section) của văn bản ({s})"),
            p=pages, s=sections))
    missing = missing_words(source.read_bytes(), pdf_text(pdf))
    if missing:
        problems.append(_pdf_problem(source, T(
            "PDF thiếu chữ có trong văn bản: {m}"),
            m=", ".join(missing[:10])))
    unembedded = _unembedded_fonts(pdf)
    if unembedded:
        problems.append(_pdf_problem(source, T(
            "phông chữ không được nhúng vào PDF: {f}"),
            f=", ".join(unembedded)))
    is_pdfa = pdfa_part(pdf) is not None
    if pdfa and not is_pdfa:
        problems.append(_pdf_problem(source, T(
            "PDF không mang nhận dạng PDF/A")))
    if problems:
        raise PdfError(problems)
    return PdfInfo(pdf, pages, is_pdfa)


def page_count(pdf: Path) -> int:
    out = _poppler("pdfinfo", str(pdf))
    match = re.search(r"^Pages:\s+(\d+)", out, flags=re.MULTILINE)
    return int(match[1]) if match else 0


def pdf_text(pdf: Path) -> str:
    return _poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-")


def pdfa_part(pdf: Path) -> str | None:
    """The ``pdfaid:part`` of the PDF's XMP metadata (``"2"`` for PDF/A-2), or None."""
    meta = _poppler("pdfinfo", "-meta", str(pdf))
    match = re.search(r"pdfaid:part(?:>|=\")\s*(\d)", meta)
    return match[1] if match else None


def _unembedded_fonts(pdf: Path) -> list[str]:
    lines = _poppler("pdffonts", str(pdf)).splitlines()[2:]
    names = []
    for line in lines:
        fields = line.split()
        # name type… encoding emb sub uni object ID: "emb" is the 5th field from the end.
        if len(fields) >= 7 and fields[-5] == "no":
            names.append(fields[0])
    return names


def _poppler(*command: str) -> str:
    done = subprocess.run(list(command), capture_output=True, check=False, timeout=120)
    if done.returncode != 0:
        raise PdfError(Problem(Location(file=command[-2] if command[-1] == "-" else command[-1]),
                               T("không đọc được tệp PDF ({e})",
                                 e=done.stderr.decode("utf-8", "replace").strip()),
                               code="pdf-unreadable"))
    return done.stdout.decode("utf-8", "replace")


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold()))


def missing_words(docx: bytes, text: str) -> list[str]:
    """Words of the document body that the PDF text lacks (counted, in document order).

    pdftotext joins a word broken at a hyphen at the end of a line
    ("88-" / "CTr" → "88CTr"); such a joined token counts as its two words.
    """
    need = words(" ".join(_docx_paragraphs(docx)))
    have: Counter[str] = Counter()
    for token, count in words(text).items():
        for part in _unjoin(token, need):
            have[part] += count
    return [word for word, count in need.items() if have[word] < count]


def _unjoin(token: str, vocabulary: Counter[str]) -> list[str]:
    if token in vocabulary:
        return [token]
    for cut in range(1, len(token)):
        head, tail = token[:cut], token[cut:]
        if head in vocabulary and tail in vocabulary:
            return [head, tail]
    return [token]


def _docx_paragraphs(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"), PARSER)
    return ["".join(t.text or "" for t in p.iter(w("t"))) for p in root.iter(w("p"))]


def _section_count(docx: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"), PARSER)
    return max(1, sum(1 for _ in root.iter(w("sectPr"))))


def _pdf_problem(source: Path, message: Text, **params: object) -> Problem:
    return Problem(Location(file=str(source)), message.format(**params), code="pdf-mismatch")
