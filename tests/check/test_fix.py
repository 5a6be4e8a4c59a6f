"""``--fix``: the fixable variants become passing documents with unchanged text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pytest
from nd30_builder import mutate
from nd30_variants import CASES, Case

from lsdocs.check import check_document, fix_document
from lsdocs.errors import UsageError

FIXABLE = [c for c in CASES if c.fixable]


def paragraph_texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [p.text for c in row.cells for p in c.paragraphs]
    return texts


def comparable(text: str) -> str:
    """The three text corrections --fix may make: NFC, Tiêu ngữ hyphens, HOÀ."""
    text = unicodedata.normalize("NFC", text).replace("CỘNG HOÀ", "CỘNG HÒA")
    return text.replace("Độc lập – Tự do – Hạnh phúc", "Độc lập - Tự do - Hạnh phúc")


@pytest.mark.parametrize("case", FIXABLE, ids=[c.id for c in FIXABLE])
def test_fix_turns_fixable_variant_into_passing_document(case: Case, good_plan: bytes,
                                                         tmp_path: Path) -> None:
    src, out = tmp_path / "in.docx", tmp_path / "out.docx"
    src.write_bytes(mutate(good_plan, case.change))
    before = src.read_bytes()
    report = fix_document(src, out)
    assert report.after is not None and report.after.errors == [], [
        (f.rule, f.location.vi, f.sentence()) for f in report.after.errors]
    assert any(a.rule == case.rule for a in report.actions) or case.rule == "R10"
    assert src.read_bytes() == before, "the input must not change"
    fixed, broken = paragraph_texts(out), paragraph_texts(src)
    assert [comparable(t) for t in broken] == fixed
    assert check_document(out).errors == []


def test_fix_on_plain_python_docx_file_fixes_page_and_fonts(tmp_path: Path) -> None:
    src, out = tmp_path / "plain.docx", tmp_path / "plain-fixed.docx"
    document = docx.Document()
    document.add_paragraph("Nội dung thử")
    document.save(str(src))
    report = fix_document(src, out)
    assert report.before is not None and report.after is not None
    fixed_rules = {a.rule for a in report.actions}
    assert {"R01", "R03", "R06", "R07"} <= fixed_rules
    assert not {"R01", "R03", "R04", "R05", "R06", "R07", "R08", "R37"} & {
        f.rule for f in report.after.errors}
    assert paragraph_texts(out) == paragraph_texts(src)


def test_fix_refuses_to_overwrite_input_without_in_place(good_plan: bytes,
                                                         tmp_path: Path) -> None:
    src = tmp_path / "kh.docx"
    src.write_bytes(good_plan)
    with pytest.raises(UsageError):
        fix_document(src, src)
    with pytest.raises(UsageError):
        fix_document(src)


def test_fix_in_place_writes_atomically(good_plan: bytes, tmp_path: Path) -> None:
    src = tmp_path / "kh.docx"
    src.write_bytes(mutate(good_plan, next(c for c in CASES if c.id == "R11-en-dash").change))
    report = fix_document(src, in_place=True)
    assert report.output == str(src)
    assert check_document(src).errors == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kh.docx"], "no temporary file left"


def test_fix_keeps_red_urgency_mark(good_plan: bytes, tmp_path: Path) -> None:
    def red_urgency(d: object) -> None:
        next(c for c in CASES if c.id == "R41-urgency-no-box").change(d)
        run = d.tables[0].rows[0].cells[0].paragraphs[-1].runs[0]  # type: ignore[attr-defined]
        run.font.color.rgb = docx.shared.RGBColor(0xFF, 0, 0)

    src, out = tmp_path / "in.docx", tmp_path / "out.docx"
    src.write_bytes(mutate(good_plan, red_urgency))
    fix_document(src, out)
    run = docx.Document(str(out)).tables[0].rows[0].cells[0].paragraphs[-1].runs[0]
    assert str(run.font.color.rgb) == "FF0000"
