"""``--fix`` on a compilation, and the real ``lsdocs batch --merge`` output passing."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from compilation_builder import NOT_MERGEABLE, compilation, letters
from docx.oxml.ns import qn
from docx.shared import Mm
from nd30_builder import mutate
from nd30_variants import CASES, Case

from lsdocs.batch import BatchOptions, run_batch
from lsdocs.check import check_bytes, check_document, fix_document
from lsdocs.documents.letter_contexts import LetterOptions
from lsdocs.render.merge import merge_documents

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content" / "kh-182-2023.yaml"


def _en_dash(document: object) -> None:
    next(c for c in CASES if c.id == "R11-en-dash").change(document)


def _top_15mm(document: object) -> None:
    document.sections[0].top_margin = Mm(15)  # type: ignore[attr-defined]


def _continue_numbering(document: object) -> None:
    """Letter 2 (sections 3–4 of the merged file) no longer restarts at page 1."""
    sect = document.sections[2]._sectPr  # type: ignore[attr-defined]
    sect.remove(sect.find(qn("w:pgNumType")))


@pytest.fixture(scope="module")
def broken() -> bytes:
    built = letters(3, broken=2, change=_en_dash)
    built[2] = mutate(built[2], _top_15mm)
    return mutate(compilation(built), _continue_numbering)


def test_faults_of_a_compilation_are_found_in_their_documents(broken: bytes) -> None:
    report = check_bytes(broken)
    assert sorted((f.rule, f.document) for f in report.findings) == [
        ("R03", 3), ("R11", 2), ("R37", 2)], [(f.rule, f.location.vi) for f in report.findings]
    r37 = next(f for f in report.findings if f.rule == "R37")
    assert r37.location.vi == "văn bản thứ 2 trong tệp ghép, mục 1 (trang đứng)"


def test_fix_on_a_compilation_fixes_every_document(broken: bytes, tmp_path: Path) -> None:
    src, out = tmp_path / "tong-hop.docx", tmp_path / "tong-hop-fixed.docx"
    src.write_bytes(broken)
    report = fix_document(src, out)
    assert report.after is not None and report.after.findings == [], [
        (f.rule, f.location.vi) for f in report.after.findings]
    assert len(report.after.documents) == 3
    places = {a.rule: a.location.vi for a in report.actions}
    assert places["R11"].startswith("văn bản thứ 2 trong tệp ghép, mục 1 (trang đứng), bảng tiêu")
    assert places["R03"] == "văn bản thứ 3 trong tệp ghép, mục 1 (trang đứng)"
    assert places["R37"] == "văn bản thứ 2 trong tệp ghép, mục 1 (trang đứng)"
    assert check_document(out).findings == []


FIXABLE = [c for c in CASES if c.fixable and c.id not in NOT_MERGEABLE]


@pytest.mark.parametrize("fault", FIXABLE, ids=[c.id for c in FIXABLE])
def test_fix_repairs_a_fault_of_the_middle_document(fault: Case, good_plan: bytes,
                                                    tmp_path: Path) -> None:
    src, out = tmp_path / "in.docx", tmp_path / "out.docx"
    src.write_bytes(merge_documents([good_plan, mutate(good_plan, fault.change), good_plan]))
    report = fix_document(src, out)
    assert report.after is not None and report.after.errors == [], [
        (f.rule, f.location.vi) for f in report.after.errors]
    assert len(report.after.documents) == 3
    assert any(a.rule == fault.rule for a in report.actions) or fault.rule == "R10"


@pytest.mark.parametrize("kind", ["de-nghi-bao-cao", "giao-nhiem-vu", "don-doc"])
def test_batch_merge_of_the_shipped_content_passes_strictly(kind: str, tmp_path: Path) -> None:
    options = BatchOptions(kind=kind, letter=LetterOptions(date=datetime.date(2026, 11, 29),
                                                           year=2026),
                           output_root=tmp_path, merge=True)
    result = run_batch(CONTENT, options)
    assert result.merged is not None and not result.failed
    report = check_document(result.merged)
    assert report.errors == [] and report.warnings == [], [
        (f.rule, f.location.vi, f.sentence()) for f in report.findings]
    assert len(report.documents) == len(result.items) > 1
    assert {d.kind for d in report.documents} == {"cong-van"}
