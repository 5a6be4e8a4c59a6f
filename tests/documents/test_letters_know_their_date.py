"""A letter knows only what had happened on its date: reports received later are not cited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx

import lsdocs
from lsdocs.content import load_plan
from lsdocs.progress.record_loader import load_progress
from lsdocs.progress.year_status import received_by

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "content" / "kh-182-2023.yaml"


def _body(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _reminder(tmp_path: Path, date: str) -> str:
    letter = lsdocs.write_letter(PLAN, "don-doc", agency="snnptnt", date=date,
                                 output_dir=tmp_path / date.replace("/", "-"))
    return _body(letter.path)


def test_a_june_reminder_does_not_cite_the_december_report(tmp_path: Path) -> None:
    # Sở KH&CN reported task 2.1 done in its 2024 report of 09/12/2024: unknown on 10/6/2024.
    june = _reminder(tmp_path, "10/6/2024")
    assert "báo cáo năm 2024" not in june
    assert ("(nhiệm vụ 2.1, phối hợp; thời gian hoàn thành: 30/6/2024; chưa có báo cáo kết "
            "quả)") in june


def test_a_date_deadline_is_not_said_twice(tmp_path: Path) -> None:
    june = _reminder(tmp_path, "10/6/2024")
    assert "thời gian hoàn thành: 30/6/2024; đến hạn ngày 30/6/2024" not in june
    # a quarter still says which day it ends
    assert "thời gian hoàn thành: quý II/2024; đến hạn ngày 30/6/2024" in june


def test_records_count_from_their_report_date_or_the_deadline() -> None:
    content = load_plan(PLAN)
    progress = load_progress(content)
    assert received_by(content, progress, dt.date(2024, 6, 10)).years == []
    before = received_by(content, progress, dt.date(2024, 12, 9)).year(2024)
    assert "skhcn" in before  # reported_on: 09/12/2024
    assert "snnptnt" not in before  # reported_on: 10/12/2024
    assert set(received_by(content, progress, dt.date(2026, 1, 5)).year(2025)) == set(
        progress.year(2025))


def test_the_kinh_gui_list_puts_the_so_first_and_the_districts_last(tmp_path: Path) -> None:
    letter = lsdocs.write_letter(PLAN, "trien-khai", date="12/9/2023", output_dir=tmp_path)
    lines = [p.text.strip() for p in docx.Document(str(letter.path)).paragraphs
             if p.text.strip().startswith("- ") and p.text.strip()[-1] in ";."]
    names = [line[2:-1] for line in lines if not line.startswith("- Như trên")]
    names = names[:names.index("Ủy ban nhân dân các huyện, thành phố") + 1]
    assert names[-1] == "Ủy ban nhân dân các huyện, thành phố"
    first_other = min(names.index(n) for n in ("Công an tỉnh", "Báo Lạng Sơn"))
    assert all(n.startswith("Sở ") for n in names[:first_other])
    assert not any(n.startswith("Sở ") for n in names[first_other:])
    assert names[0] == "Sở Khoa học và Công nghệ"  # plan order kept among the sở
