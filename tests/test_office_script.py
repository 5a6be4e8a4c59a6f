"""An office script written from the README's "Dùng từ Python" section alone runs every job.

The script works in a copy of the shipped content, in a temporary folder, with
the relative paths the README uses; it touches only ``import lsdocs``.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

import lsdocs

ROOT = Path(__file__).resolve().parent.parent
PLAN = "content/kh-182-2023.yaml"
REGISTER = "so-van-ban-di.sqlite"

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice and poppler are needed for PDF")


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LSDOCS_REGISTER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return tmp_path


def _errors(problems: list[lsdocs.Problem]) -> list[str]:
    return [p.format("vi") for p in problems if p.is_error]


@needs_office
def test_the_readme_office_script_runs_every_job(office: Path) -> None:
    assert _errors(lsdocs.validate("content")) == []

    content = lsdocs.load_content(PLAN)
    built = lsdocs.build_plan(content, "output")
    assert [p.name for p in built.files] == ["ke-hoach.docx", "phu-luc-phan-cong.docx"]

    letter = lsdocs.write_letter(content, "giao-nhiem-vu", agency="syt", date="30/11/2026")
    assert letter.path == Path("output/kh-182-2023/giao-nhiem-vu-syt.docx") and letter.changed

    batch = lsdocs.run_batch(content, "don-doc", as_of="30/11/2026", jobs=2)
    assert batch.items and not batch.failed

    status = lsdocs.year_status(content, 2025)
    assert {a.id for a in status.missing} == {"snv", "sngv"}
    report = lsdocs.write_report(PLAN, "bao-cao-tong-hop", 2025, date="22/12/2025")
    own = lsdocs.write_report(PLAN, "bao-cao-co-quan", 2025, agency="syt", date="10/12/2025")
    for path in (report, own, letter.path, *built.files):
        assert lsdocs.check_document(path).passed(), path

    table = lsdocs.export_table(PLAN, "phan-cong.xlsx")
    assert table.path == Path("phan-cong.xlsx") and table.tasks > 0
    again = lsdocs.import_table("phan-cong.xlsx", PLAN, dry_run=True)
    assert not again.changed and not again.added

    books = lsdocs.export_progress(PLAN, 2025, output_dir="gui-co-quan")
    assert {b.agency.id for b in books} >= {"snv", "sngv", "syt"}
    plan_before = Path(PLAN).read_bytes()
    done = lsdocs.import_progress([b.path for b in books], PLAN, year=2025)
    assert not any(r.changed for r in done.records)  # exported as they are: nothing changes
    assert Path(PLAN).read_bytes() == plan_before

    fixed = lsdocs.fix_document(letter.path, "da-sua.docx")
    assert fixed.after is not None and fixed.after.passed()
    assert zipfile.is_zipfile("da-sua.docx")

    draft = lsdocs.write_letter(content, "trien-khai", date="30/11/2026")
    issued = lsdocs.issue_documents(draft.path, date="30/11/2026", register=REGISTER)
    assert issued.issued[0].entry.reference == "01/UBND-KGVX"
    assert issued.paths[0].name == "trien-khai-so-01-ubnd-kgvx-2026.docx"
    assert lsdocs.check_document(issued.paths[0]).passed()
    pdfs = lsdocs.write_pdf(issued.paths)
    assert pdfs[0].path == issued.paths[0].with_suffix(".pdf") and pdfs[0].pages >= 1

    entries = lsdocs.search_register(register=REGISTER, year=2026)
    assert [e.reference for e in entries] == ["01/UBND-KGVX"]
    sheet = lsdocs.export_register("so-2026.xlsx", register=REGISTER, year=2026)
    assert zipfile.is_zipfile(sheet)
    assert lsdocs.verify_register(REGISTER) == []
    cancelled = lsdocs.cancel_number("01/UBND-KGVX", 2026, "Ban hành nhầm", register=REGISTER,
                                     date="01/12/2026")
    assert cancelled.cancelled and cancelled.number == 1
    assert lsdocs.search_register(register=REGISTER, active_only=True) == []

    with pytest.raises(lsdocs.LsdocsError) as caught:
        lsdocs.write_letter(content, "giao-nhiem-vu", agency="khong-co")
    assert caught.value.exit_code == 2
    assert "tham số agency" in caught.value.problems[0].format("vi")
