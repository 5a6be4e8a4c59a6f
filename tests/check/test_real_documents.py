"""The checker on real .docx files written by other people (../shared/corpus/real-docx).

Every expected finding below was decided from the file's page image (LibreOffice →
PDF → PNG), as a văn thư would read the printout; anything else the checker says
about these files is a false finding and fails the test.  Files outside Decree 30
(Party documents, a normative legal document, a citizen's petition, a register
form) must be named as such, with no findings.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

from lsdocs.check import check_document, fix_document

CORPUS = Path(os.environ.get("LSDOCS_REAL_CORPUS", "/work/shared/corpus/real-docx"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="real-docx corpus not present")

#: file → (kind, sorted (rule, severity, count) of every finding), judged on the page image
EXPECTED: dict[str, tuple[str, list[tuple[str, str, int]]]] = {
    # bottom margin 5 mm; «- Lưu: VT, NC.Châu» lacks its final period
    "e01-cv3980-ubnd-lamdong.docx": ("cong-van", [("R04", "error", 1), ("R35", "error", 1)]),
    # tab/space layout: NFD «việc»; the signer's second line «CHÁNH VĂN PHÒNG» is pushed out
    # of the printed page by tabs (the warning on the typed signature block)
    "e04-cv4552-notable.docx": ("cong-van", [("R09", "error", 1), ("R32", "warning", 1)]),
    # margins 15/17.5 mm, en dashes in the Tiêu ngữ, 14 pt agency and Số, a 3 cm rule under
    # a 13 cm trích yếu, six titled khoản not bold (warning)
    "e06-tbkl-skhcn.docx": ("van-ban", [
        ("R03", "error", 1), ("R04", "error", 1), ("R11", "error", 1), ("R13", "error", 2),
        ("R15", "error", 1), ("R21", "error", 1), ("R29", "warning", 6)]),
    # no issuing-authority line, căn cứ lines without «Căn cứ», «,» ending two căn cứ lines,
    # «GIÁM ĐỐC» not bold, «CỘNG HOÀ» (warning); the agency name wraps in its cell, so Số
    # prints one line below the date (warning)
    "e09-qd-bonhiem.docx": ("quyet-dinh", [
        ("R10", "warning", 1), ("R19", "warning", 1), ("R30", "error", 1), ("R30", "error", 1),
        ("R30", "error", 1), ("R30", "error", 1), ("R32", "error", 1)]),
    # the decree's own Phụ lục I: page 13 is landscape and holds one heading (R02, R47);
    # 15 mm landscape margin
    # and the Mục V table that belongs on it sits in the next, portrait section, 8.9 cm
    # past the paper edge: its right columns are cut off on pages 14–17 (R48)
    "e12-nd30-phuluc1.docx": ("phu-luc", [("R02", "warning", 1), ("R04", "warning", 1),
                                          ("R47", "warning", 1), ("R48", "warning", 1)]),
    # fragment of a 2012 draft: Letter paper, 25.4 mm margins, red text, no header or
    # signature, «gửi:» without «Kính», a quoted line flush left, 3 pt spacing, no «./.»
    "e14-btttt-cv-draft-2012.docx": ("cong-van", [
        ("R01", "error", 1), ("R03", "error", 1), ("R04", "error", 1), ("R05", "error", 1),
        ("R06", "error", 1), ("R08", "error", 8), ("R10", "error", 1), ("R23", "error", 1),
        ("R24", "error", 1), ("R25", "error", 1), ("R28", "error", 4), ("R31", "warning", 1),
        ("R32", "error", 1)]),
}

OUT_OF_SCOPE = {
    "e11-nd30-decree.docx": "qppl",
    "e16-dang-hd36.docx": "dang",
    "e18-don-khoi-kien.docx": "cong-dan",
    "e20-so-theo-doi-tp-cc-36.docx": "so-mau",
}


@needs_corpus
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_document_findings_are_the_ones_seen_on_the_page(name: str) -> None:
    kind, expected = EXPECTED[name]
    report = check_document(CORPUS / name)
    found = sorted((f.rule, f.severity, f.count) for f in report.findings)
    assert (report.kind, found) == (kind, sorted(expected)), "\n".join(
        f"{f.rule} {f.location.vi}: {f.sentence()}" for f in report.findings)


@needs_corpus
@pytest.mark.parametrize("name", sorted(OUT_OF_SCOPE))
def test_files_outside_decree_30_are_named_not_checked(name: str) -> None:
    report = check_document(CORPUS / name)
    assert report.scope is not None and report.scope.category == OUT_OF_SCOPE[name]
    assert (report.kind, report.findings, report.in_scope) == ("ngoai-pham-vi", [], False)


@needs_corpus
def test_an_explicit_kind_checks_an_out_of_scope_file_anyway() -> None:
    report = check_document(CORPUS / "e18-don-khoi-kien.docx", kind="cong-van")
    assert report.in_scope and report.findings


@needs_corpus
def test_no_finding_assumes_lang_son_or_its_filing_unit() -> None:
    for name in EXPECTED:
        for finding in check_document(CORPUS / name).findings:
            text = f"{finding.sentence('vi')} {finding.sentence('en')}"
            assert "Lạng Sơn" not in text and "KGVX" not in text, (name, text)


def _texts(path: Path) -> dict[str, str]:
    """All text of each XML part, NFC (the fix's stated normalisation)."""
    with zipfile.ZipFile(path) as archive:
        return {name: unicodedata.normalize("NFC", "".join(re.findall(
            r"<w:t(?: [^>]*)?>([^<]*)</w:t>", archive.read(name).decode())))
            for name in archive.namelist() if name.startswith("word/") and name.endswith(".xml")}


@needs_corpus
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fix_keeps_the_text_char_for_char(name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    report = fix_document(CORPUS / name, out)
    before, after = _texts(CORPUS / name), _texts(out)
    fixed = {a.rule for a in report.actions}
    for part, text in before.items():
        # the stated corrections: Tiêu ngữ hyphens (R11) and HOÀ → HÒA in the Quốc hiệu (R10)
        wanted = text
        if "R11" in fixed:
            wanted = wanted.replace("Độc lập – Tự do – Hạnh phúc", "Độc lập - Tự do - Hạnh phúc",
                                    1)
        if "R10" in fixed:
            wanted = wanted.replace("CỘNG HOÀ XÃ HỘI", "CỘNG HÒA XÃ HỘI", 1)
        assert after[part] == wanted, part
    assert report.after is not None
    assert len(report.after.findings) <= len(report.before.findings)  # type: ignore[union-attr]


@needs_corpus
def test_fix_reports_lines_that_will_break_elsewhere(tmp_path: Path) -> None:
    report = fix_document(CORPUS / "e14-btttt-cv-draft-2012.docx", tmp_path / "out.docx")
    notes = [a for a in report.actions if a.note]
    assert len(notes) == 1
    assert "xuống dòng" in notes[0].description.vi
    assert "«- Uỷ ban nhân dân các tỉnh,…»" in notes[0].description.vi


@needs_corpus
def test_render_adds_page_level_findings_from_one_libreoffice_run(soffice: str) -> None:
    """e04's «CHÁNH VĂN PHÒNG» is pushed off the page by tabs; e09's date one line above its
    Số (seen on the page image), e12's empty landscape page and cut-off table are already
    estimated statically and are not repeated."""
    files = [str(CORPUS / name) for name in ("e04-cv4552-notable.docx", "e09-qd-bonhiem.docx",
                                             "e12-nd30-phuluc1.docx")]
    result = subprocess.run([sys.executable, "-m", "lsdocs", "check", "--render", "--json",
                             *files], capture_output=True, text=True, check=False, timeout=600)
    e04, e09, e12 = json.loads(result.stdout)["result"]["files"]
    [lost] = [f for f in e04["findings"] if f["places"][0].get("container") == "page"]
    assert lost["rule"] == "R48" and "CHÁNH VĂN PHÒNG" in lost["found"]
    rendered = [f for f in e09["findings"] if f["places"][0].get("container") == "page"]
    assert (rendered, [f["rule"] for f in e09["findings"]].count("R19")) == ([], 1)
    assert [f["rule"] for f in e12["findings"]].count("R47") == 1
    assert [f["rule"] for f in e12["findings"]].count("R48") == 1
