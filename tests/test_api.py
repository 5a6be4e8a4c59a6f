"""The public API, used only as an office script would: ``import lsdocs``."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import lsdocs

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "content" / "kh-182-2023.yaml"


def test_every_exported_name_resolves() -> None:
    for name in lsdocs.__all__:
        assert getattr(lsdocs, name) is not None, name


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        lsdocs.no_such_thing  # noqa: B018


def test_build_plan_accepts_plain_strings(tmp_path: Path) -> None:
    result = lsdocs.build_plan(str(PLAN), str(tmp_path))
    assert [p.name for p in result.files] == ["ke-hoach.docx", "phu-luc-phan-cong.docx"]
    assert lsdocs.check_document(result.files[0]).passed(strict=True)


def test_a_script_loads_once_and_writes_many(tmp_path: Path) -> None:
    content = lsdocs.load_content(str(PLAN.parent))
    first = lsdocs.write_letter(content, "giao-nhiem-vu", agency="syt", date="30/11/2026",
                                output_dir=tmp_path)
    again = lsdocs.write_letter(content, "giao-nhiem-vu", agency="syt",
                                date=dt.date(2026, 11, 30), output_dir=tmp_path)
    assert first.path == again.path and first.path.is_file()
    assert first.changed and not again.changed
    assert first.agency == "syt"


def test_a_2023_agency_id_reaches_its_successor(tmp_path: Path) -> None:
    letter = lsdocs.write_letter(PLAN, "giao-nhiem-vu", agency="snnptnt", date="30/11/2026",
                                 output_dir=tmp_path)
    assert letter.agency == "snnmt"


def test_run_batch_returns_its_items(tmp_path: Path) -> None:
    result = lsdocs.run_batch(PLAN, "de-nghi-bao-cao", date="30/11/2026", year=2026,
                              output_dir=tmp_path)
    assert result.items and not result.failed
    assert all((result.directory / item.file).is_file() for item in result.items)
    assert (result.directory / "manifest.json").is_file()


@pytest.mark.parametrize(
    ("kwargs", "place"),
    [
        ({"date": "31/02/2026"}, "tham số date"),
        ({"date": "30/11/2026"}, "tham số agency"),
    ],
)
def test_mistakes_raise_usage_errors_naming_the_parameter(
        tmp_path: Path, kwargs: dict[str, str], place: str) -> None:
    with pytest.raises(lsdocs.UsageError) as caught:
        lsdocs.write_letter(PLAN, "giao-nhiem-vu", output_dir=tmp_path, **kwargs)
    assert caught.value.exit_code == 2
    assert str(caught.value).startswith(place)
    assert not any(tmp_path.iterdir())


def test_a_kind_from_another_family_is_refused(tmp_path: Path) -> None:
    with pytest.raises(lsdocs.UsageError, match="trien-khai"):
        lsdocs.run_batch(PLAN, "trien-khai", output_dir=tmp_path)


def test_content_errors_carry_located_problems(tmp_path: Path) -> None:
    broken = ROOT / "tests" / "fixtures" / "content" / "impossible-date.yaml"
    with pytest.raises(lsdocs.ContentError) as caught:
        lsdocs.load_content(broken)
    problem = caught.value.problems[0]
    assert problem.location.file and problem.location.line
    assert lsdocs.validate(broken)


def test_check_and_fix_a_document(tmp_path: Path) -> None:
    built = lsdocs.build_plan(PLAN, tmp_path).files[0]
    report = lsdocs.check_document(built.read_bytes())
    assert report.passed(strict=True)
    fixed = lsdocs.fix_document(built, tmp_path / "fixed.docx")
    assert fixed.after is not None and fixed.after.passed()


def test_the_assignment_table_round_trip(tmp_path: Path) -> None:
    plan = tmp_path / "plan" / "kh-182-2023.yaml"
    plan.parent.mkdir()
    plan.write_bytes(PLAN.read_bytes())
    (plan.parent / "agencies.yaml").write_bytes((PLAN.parent / "agencies.yaml").read_bytes())
    table = tmp_path / "pc.xlsx"
    lsdocs.export_table(plan, table)
    before = plan.read_bytes()
    lsdocs.import_table(table, plan)
    assert plan.read_bytes() == before


def test_kinds_are_one_table() -> None:
    assert lsdocs.KINDS["giao-nhiem-vu"].per_agency
    assert lsdocs.KINDS["ke-hoach"].template == "ke-hoach.docx"


def test_a_year_of_progress_and_its_reports(tmp_path: Path) -> None:
    status = lsdocs.year_status(PLAN, 2025)
    assert [a.id for a in status.missing] == ["snv", "sngv"]
    assert status.total.total == sum(r.counts.total for r in status.by_group())
    summary = lsdocs.write_report(PLAN, "bao-cao-tong-hop", 2025, output_dir=tmp_path)
    agency = lsdocs.write_report(PLAN, "bao-cao-co-quan", 2025, agency="snnptnt",
                                 date="09/12/2025", output_dir=tmp_path)
    assert agency.path.name == "bao-cao-co-quan-2025-snnmt.docx"  # the 2025 successor reports
    assert agency.agency == "snnmt" and summary.agency is None
    assert (agency.kind, agency.year) == ("bao-cao-co-quan", 2025)
    for report in (summary, agency):
        assert lsdocs.check_document(report.path).passed(strict=True), report
        assert os.fspath(report) == str(report.path)  # usable where a path is


def test_a_report_on_sample_records_says_so_with_its_warnings(tmp_path: Path) -> None:
    """An office script learns what ``lsdocs report`` prints: sample records, missing results."""
    from lsdocs.reports import make_consolidated_report

    _path, made = make_consolidated_report(PLAN, 2025, tmp_path / "cli")
    result = lsdocs.write_report(PLAN, "bao-cao-tong-hop", 2025, output_dir=tmp_path)
    assert result.illustrative == made.illustrative
    assert result.warnings == list(made.warnings)
    assert result.illustrative or result.warnings  # the shipped records are illustrative


def test_progress_loads_once_and_feeds_the_status(tmp_path: Path) -> None:
    content = lsdocs.load_content(PLAN)
    progress = lsdocs.load_progress(content)
    assert progress.years == [2024, 2025]
    status = lsdocs.year_status(content, 2024, progress=progress, as_of="30/6/2024")
    assert status.as_of == dt.date(2024, 6, 30)


def test_an_agency_report_needs_its_agency(tmp_path: Path) -> None:
    with pytest.raises(lsdocs.UsageError, match="tham số agency"):
        lsdocs.write_report(PLAN, "bao-cao-co-quan", 2025, output_dir=tmp_path)
    with pytest.raises(lsdocs.UsageError, match="tham số kind"):
        lsdocs.write_report(PLAN, "giao-nhiem-vu", 2025, output_dir=tmp_path)
    assert not any(tmp_path.iterdir())


def test_only_kinds_that_read_progress_stop_on_a_broken_record(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "content"
    shutil.copytree(PLAN.parent, folder)
    record = folder / "tien-do" / "kh-182-2023" / "2025" / "syt.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "status: hoan-thanh", "status: xong-roi", 1), encoding="utf-8")
    plan = folder / PLAN.name
    letter = lsdocs.write_letter(plan, "trien-khai", date="30/11/2026",
                                 output_dir=tmp_path / "out")
    assert letter.path.is_file()  # a deployment letter does not read progress records
    for kind in ("giao-nhiem-vu", "don-doc"):  # these say what was reported done
        with pytest.raises(lsdocs.ContentError) as caught:
            lsdocs.write_letter(plan, kind, agency="syt", date="30/11/2026",
                                output_dir=tmp_path / "out")
        assert caught.value.problems[0].location.file == str(record)


# --- issuing, register, PDF, preview, progress workbooks -------------------------------------

needs_office = pytest.mark.skipif(
    __import__("shutil").which("soffice") is None
    or __import__("shutil").which("pdftoppm") is None,
    reason="LibreOffice and poppler are needed")


def _drafts(tmp_path: Path) -> list[Path]:
    batch = lsdocs.run_batch(PLAN, "giao-nhiem-vu", date="30/11/2026", only=["syt", "sct"],
                             output_dir=tmp_path)
    return [batch.directory / item.file for item in batch.items]


def test_issue_numbers_drafts_in_order_and_the_register_finds_them(tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite"
    first, second = _drafts(tmp_path)
    result = lsdocs.issue_documents([str(first), second], date=dt.date(2026, 11, 30),
                                    register=str(register))
    assert [i.entry.reference for i in result.issued] == ["01/UBND-KGVX", "02/UBND-KGVX"]
    assert all(p.is_file() and p != first and p != second for p in result.paths)
    found = lsdocs.search_register(register=register, text="Sở Y tế")
    assert [e.number for e in found] == [1]
    assert lsdocs.verify_register(register) == []
    with pytest.raises(lsdocs.IssueError):  # a draft is issued once
        lsdocs.issue_documents(first, date="30/11/2026", register=register)
    assert len(lsdocs.search_register(register=register)) == 2


def test_cancel_a_number_keeps_it_and_refuses_twice(tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite"
    lsdocs.issue_documents(_drafts(tmp_path)[0], date="30/11/2026", register=register)
    entry = lsdocs.cancel_number("01/UBND-KGVX", 2026, "Ban hành nhầm", register=register,
                                 date="01/12/2026")
    assert entry.cancelled_on == dt.date(2026, 12, 1) and entry.cancel_reason == "Ban hành nhầm"
    with pytest.raises(lsdocs.UsageError, match="đã hủy từ trước"):
        lsdocs.cancel_number("01/UBND-KGVX", 2026, "lần nữa", register=register)
    with pytest.raises(lsdocs.UsageError, match="không phải số, ký hiệu"):
        lsdocs.cancel_number("UBND-KGVX", 2026, "x", register=register)
    with pytest.raises(lsdocs.UsageError, match="tham số reason"):
        lsdocs.cancel_number("01/UBND-KGVX", 2026, " ", register=register)
    assert [e.reference for e in lsdocs.search_register(register=register)] == ["01/UBND-KGVX"]


def test_export_register_writes_a_workbook(tmp_path: Path) -> None:
    import openpyxl

    register = tmp_path / "so.sqlite"
    lsdocs.issue_documents(_drafts(tmp_path), date="30/11/2026", register=register)
    path = lsdocs.export_register(str(tmp_path / "so.xlsx"), register=register, year=2026)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet["A7"].value == "01/UBND-KGVX" and sheet["B7"].value == "30/11/2026"


@needs_office
def test_pdf_and_previews_of_a_letter(tmp_path: Path) -> None:
    letter = lsdocs.write_letter(PLAN, "giao-nhiem-vu", agency="syt", date="30/11/2026",
                                 output_dir=tmp_path)
    infos = lsdocs.write_pdf(str(letter.path), output_dir=tmp_path / "pdf")
    assert infos[0].path == tmp_path / "pdf" / "giao-nhiem-vu-syt.pdf" and not infos[0].pdfa
    images = lsdocs.write_previews(infos[0].path, page=1, size=200, output_dir=tmp_path)
    assert [p.name for p in images] == ["giao-nhiem-vu-syt-trang-1.png"]
    assert images[0].read_bytes().startswith(b"\x89PNG")


def test_pdf_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(lsdocs.LsdocsError) as caught:
        lsdocs.write_pdf(tmp_path / "khong-co.docx")
    assert caught.value.exit_code == 2


def test_progress_workbooks_round_trip(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(PLAN.parent, tmp_path / "content")
    plan = tmp_path / "content" / PLAN.name
    books = lsdocs.export_progress(plan, 2024, agencies=["syt"], output_dir=tmp_path / "out")
    assert [(b.agency.id, b.path.name, b.prefilled) for b in books] == [
        ("syt", "tien-do-2024-syt.xlsx", True)]
    done = lsdocs.import_progress(books[0].path, plan, year=2024)
    assert [(r.agency, r.changed, r.written) for r in done.records] == [("syt", False, False)]
    with pytest.raises(lsdocs.UsageError, match="năm báo cáo"):
        lsdocs.export_progress(plan, 1990, output_dir=tmp_path / "out")
