"""Compilations (tệp ghép): each letter of a merged print file is checked as its own
document, and every finding names the document it is in."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from compilation_builder import NOT_MERGEABLE, compilation, letter, letters
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from nd30_builder import mutate
from nd30_variants import CASES, Case, para, remove

from lsdocs.check import check_bytes
from lsdocs.check.report_output import format_report
from lsdocs.render.merge import merge_documents

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
BODY_CASES = [c for c in CASES if c.id not in NOT_MERGEABLE]


def case(case_id: str) -> Case:
    return next(c for c in CASES if c.id == case_id)


def _describe(report: object) -> list[tuple[str, str, str]]:
    return [(f.rule, f.location.vi, f.sentence()) for f in report.findings]  # type: ignore


def _no_luu(document: object) -> None:
    remove(para(document, "- Lưu:"))


@pytest.fixture(scope="module")
def good_letters() -> list[bytes]:
    return letters(3)


def test_compilation_of_good_letters_with_appendices_has_no_findings(
        good_letters: list[bytes]) -> None:
    report = check_bytes(compilation(good_letters), "tong-hop.docx")
    assert report.findings == [], _describe(report)
    assert report.kind == "cong-van"
    assert [(d.index, d.kind) for d in report.documents] == [
        (1, "cong-van"), (2, "cong-van"), (3, "cong-van")]


def test_each_letter_alone_passes_and_is_not_a_compilation(good_letters: list[bytes]) -> None:
    for data in good_letters:
        report = check_bytes(data)
        assert report.findings == [] and report.documents == [], _describe(report)


@pytest.mark.parametrize(("change", "rule", "where"), [
    (case("R11-en-dash").change, "R11", "mục 1 (trang đứng), bảng tiêu đề, ô phải, đoạn 2"),
    (_no_luu, "R35", "mục 1 (trang đứng), bảng chữ ký, ô trái, đoạn 5"),
], ids=["tieu-ngu-en-dash", "noi-nhan-without-luu"])
def test_fault_in_letter_2_is_reported_once_in_document_2(change: object, rule: str,
                                                          where: str) -> None:
    report = check_bytes(compilation(letters(3, broken=2, change=change)))  # type: ignore
    assert [f.rule for f in report.findings] == [rule], _describe(report)
    finding = report.findings[0]
    assert finding.document == 2
    assert finding.location.vi.startswith(f"văn bản thứ 2 trong tệp ghép, {where}")


def test_location_in_english_names_the_document() -> None:
    report = check_bytes(compilation(letters(3, broken=2, change=case("R11-en-dash").change)))
    assert report.findings[0].location.en.startswith(
        "document 2 of the compilation, section 1 (portrait), header table, right cell, "
        "paragraph 2 «Độc lập – Tự do – Hạnh phúc»")


@pytest.fixture(scope="module")
def bases(good_plan: bytes, good_cong_van: bytes) -> dict[str, bytes]:
    return {"plan": good_plan, "cong_van": good_cong_van}


@pytest.mark.parametrize("fault", BODY_CASES, ids=[c.id for c in BODY_CASES])
def test_every_fault_of_the_middle_document_is_located_there(fault: Case,
                                                             bases: dict[str, bytes]) -> None:
    good = bases[fault.base]
    report = check_bytes(merge_documents([good, mutate(good, fault.change), good]))
    assert len(report.documents) == 3
    assert {f.document for f in report.findings} == {2}, _describe(report)
    hits = [f for f in report.findings if f.rule == fault.rule]
    assert any(f.severity == fault.severity for f in hits), _describe(report)
    assert any(fault.where in f.location.vi for f in hits), [f.location.vi for f in hits]
    assert all(f.location.vi.startswith("văn bản thứ 2 trong tệp ghép, ") for f in hits)
    assert not {f.rule for f in report.errors} - {fault.rule, *fault.also}, _describe(report)


def test_r39_numbers_appendices_within_a_document_not_across_the_compilation() -> None:
    built = [letter(1234), letter(1235, appendices=2, labelled=False), letter(1236)]
    report = check_bytes(compilation(built))
    r39 = [f for f in report.findings if f.rule == "R39"]
    assert [f.document for f in r39] == [2, 2], _describe(report)
    assert [f.expected.vi for f in r39] == ["«Phụ lục I»", "«Phụ lục II»"]  # type: ignore
    assert [f.rule for f in report.findings] == ["R39", "R39"], _describe(report)


def test_two_numbered_appendices_in_one_letter_of_a_compilation_pass() -> None:
    built = [letter(1234, appendices=2), letter(1235, appendices=2)]
    report = check_bytes(compilation(built))
    assert len(report.documents) == 2 and report.findings == [], _describe(report)


def _table(document: object, rows: list[tuple[str, str]]) -> object:
    table = document.add_table(rows=len(rows), cols=2)  # type: ignore[attr-defined]
    for row, (left, right) in zip(table.rows, rows, strict=True):
        row.cells[0].paragraphs[0].add_run(left)
        row.cells[1].paragraphs[0].add_run(right)
    return table


def _table_in_body(rows: list[tuple[str, str]]) -> object:
    def change(document: object) -> None:
        para(document, "a) Nâng cao")._p.addnext(_table(document, rows)._tbl)  # type: ignore
    return change


def _table_opening_section(rows: list[tuple[str, str]], blank: bool = False) -> object:
    """A section break after the body, then a section whose first block is the table
    (after an empty paragraph with *blank*)."""
    def change(document: object) -> None:
        table = _table(document, rows)
        document.add_section(WD_SECTION.NEW_PAGE)  # type: ignore[attr-defined]
        breaker = document.paragraphs[-1]._p  # type: ignore[attr-defined]
        table._tbl.addprevious(breaker)  # type: ignore[attr-defined]
        if blank:
            table._tbl.addprevious(OxmlElement("w:p"))  # type: ignore[attr-defined]
    return change


@pytest.mark.parametrize(("change", "split"), [
    (_table_in_body([("Mẫu", QUOC_HIEU)]), False),
    (_table_opening_section([("ỦY BAN NHÂN DÂN", "Độc lập"), ("Số: 1/UBND", QUOC_HIEU)]),
     False),
    (_table_opening_section([(QUOC_HIEU, "Độc lập - Tự do - Hạnh phúc")]), False),
    (_table_opening_section([("ỦY BAN NHÂN DÂN", QUOC_HIEU)]), True),
    (_table_opening_section([("ỦY BAN NHÂN DÂN", QUOC_HIEU)], blank=True), True),
], ids=["mid-body", "quoc-hieu-in-row-2", "quoc-hieu-in-left-cell", "real-start",
        "real-start-after-empty-paragraph"])
def test_only_a_section_opening_header_table_starts_a_document(
        good_cong_van: bytes, change: object, split: bool) -> None:
    report = check_bytes(mutate(good_cong_van, change))  # type: ignore[arg-type]
    assert bool(report.documents) is split, _describe(report)


def test_reports_list_the_documents_with_their_counts() -> None:
    report = check_bytes(compilation(letters(3, broken=2, change=case("R11-en-dash").change)),
                         "tong-hop.docx")
    data = report.to_dict()
    assert data["documents"] == [
        {"index": 1, "kind": "cong-van", "errors": 0, "warnings": 0},
        {"index": 2, "kind": "cong-van", "errors": 1, "warnings": 0},
        {"index": 3, "kind": "cong-van", "errors": 0, "warnings": 0}]
    assert [f["document"] for f in data["findings"]] == [2]  # type: ignore[index, union-attr]
    text = format_report(report)
    assert text.startswith("tong-hop.docx (tệp ghép 3 văn bản — 1–3: công văn)")
    assert "văn bản 2 (công văn): 1 lỗi, 0 cảnh báo" in text
    assert format_report(report, "en").startswith(
        "tong-hop.docx (compilation of 3 documents — 1–3: official letter)")


def test_single_document_report_has_no_document_fields(good_cong_van: bytes) -> None:
    broken = mutate(good_cong_van, case("R11-en-dash").change)
    data = check_bytes(broken).to_dict()
    assert "documents" not in data
    assert all("document" not in f for f in data["findings"])  # type: ignore[union-attr]


def test_mixed_kinds_are_listed_per_document(good_plan: bytes, good_cong_van: bytes) -> None:
    report = check_bytes(merge_documents([good_plan, good_plan, good_cong_van]))
    assert report.findings == [], _describe(report)
    assert report.kind == "tep-ghep"
    assert [d.kind for d in report.documents] == ["ke-hoach", "ke-hoach", "cong-van"]
    assert "1–2: kế hoạch; 3: công văn" in format_report(report)


def test_cli_json_for_a_compilation(tmp_path: Path) -> None:
    merged = tmp_path / "tong-hop.docx"
    merged.write_bytes(compilation(letters(2, broken=2, change=_no_luu)))
    result = subprocess.run([sys.executable, "-m", "lsdocs", "check", "--json", str(merged)],
                            capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 1, result.stderr
    (data,) = json.loads(result.stdout)["result"]["files"]
    assert [d["errors"] for d in data["documents"]] == [0, 1]
    assert [(f["rule"], f["document"]) for f in data["findings"]] == [("R35", 2)]
    assert data["findings"][0]["location"].startswith("văn bản thứ 2 trong tệp ghép, mục 1")
