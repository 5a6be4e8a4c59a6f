"""Reminders follow the progress records: done tasks never appear, missing reports are urged."""

from __future__ import annotations

import datetime as dt

from lsdocs.documents import letter_contexts as L
from lsdocs.progress.records import PlanProgress, ProgressRecord, TaskProgress

DATE = dt.date(2026, 11, 30)


def record(year, agency, *tasks):
    return ProgressRecord("kh-182-2023", year, agency, "illustrative", tuple(tasks))


def progress(*records):
    by_year: dict[int, dict[str, ProgressRecord]] = {}
    for r in records:
        by_year.setdefault(r.year, {})[r.agency] = r
    return PlanProgress("kh-182-2023", by_year)


def reminder_text(content, records, agency="skhcn"):
    options = L.LetterOptions(date=DATE, as_of=DATE, issuer="ubnd-tinh")
    setup = L.setup(content, "don-doc", options, progress(*records))
    context = L.letter_context(setup, agency)
    return "\n".join([*context["intro"], *[p for s in context["sections"]
                                          for p in s["paragraphs"]], context["closing"]])


def test_a_task_reported_done_never_appears(shipped_content):
    done = TaskProgress("2.1", "hoan-thanh", completed=dt.date(2024, 6, 20))
    text = reminder_text(shipped_content, [record(2024, "skhcn", done)])
    assert "nhiệm vụ 2.1," not in text
    assert "nhiệm vụ 1.1, chủ trì" in text and "chưa có báo cáo kết quả" in text
    assert "chưa có báo cáo hoàn thành" in text


def test_a_task_in_progress_says_what_was_reported_and_how_late(shipped_content):
    going = TaskProgress("2.1", "dang-thuc-hien")
    text = reminder_text(shipped_content, [record(2025, "skhcn", going)])
    assert "nhiệm vụ 2.1, chủ trì; thời gian hoàn thành: 30/6/2024; đã quá hạn hơn 2 năm; " \
        "báo cáo năm 2025: đang thực hiện" in text


def test_a_yearly_task_done_last_year_is_due_again(shipped_content):
    done = TaskProgress("2.3", "hoan-thanh", completed=dt.date(2025, 12, 1))
    text = reminder_text(shipped_content, [record(2025, "stc", done)], agency="stc")
    assert "nhiệm vụ 2.3, chủ trì" in text


def test_missing_reports_go_only_to_agencies_without_a_report(shipped_content):
    records = [record(2025, "skhcn"), record(2025, "syt"), record(2025, "snnmt")]
    options = L.LetterOptions(date=DATE, year=2025, missing_reports=True)
    setup = L.setup(shipped_content, "don-doc", options, progress(*records))
    recipients = L.recipients(setup)
    assert recipients and not {"syt", "snnmt", "skhcn"} & set(recipients)
    assert "stc" in recipients
    context = L.letter_context(setup, "stc")
    text = "\n".join(context["intro"])
    assert context["header"]["vv"].startswith("V/v đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch")
    assert "trước ngày 15/12/2025" in text and "chưa nhận được báo cáo của Sở Tài chính" in text
    assert "đã quá hạn hơn 11 tháng" in text
    assert "trước ngày 10/12/2026" in text  # a new deadline after the letter's date
    assert "số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025" in text


def test_a_report_still_expected_is_a_reminder_with_the_plan_deadline(shipped_content):
    options = L.LetterOptions(date=DATE, year=2026, missing_reports=True)
    setup = L.setup(shipped_content, "don-doc", options, progress())
    text = "\n".join(L.letter_context(setup, "stc")["intro"])
    assert "thời hạn gửi báo cáo là ngày 15/12/2026" in text
    assert "trước ngày 15/12/2026" in text


def test_shipped_progress_leaves_out_what_was_reported_done(shipped_content):
    from lsdocs.letter_writer import progress_for

    shipped = progress_for(shipped_content, "don-doc")
    options = L.LetterOptions(date=DATE, issuer="ubnd-tinh")
    setup = L.setup(shipped_content, "don-doc", options, shipped)
    context = L.letter_context(setup, "skhcn")
    text = "\n".join(p for s in context["sections"] for p in s["paragraphs"])
    assert "nhiệm vụ 1.1," not in text and "nhiệm vụ 2.1," not in text  # done in 2024
    assert "báo cáo năm 2025: đang thực hiện" in text
    assert "hằng năm; đến hạn ngày 15/12/2026)." in text  # no stale note on a yearly task


def test_a_task_is_found_in_the_first_record_of_its_year_that_names_it():
    """``PlanProgress.find`` answers from an index, as the scan of the records in agency order
    did: the first record naming the task wins; another year or task gives nothing."""
    first = TaskProgress("2.1", "dang-thuc-hien")
    found = progress(record(2025, "skhcn", TaskProgress("1.1", "hoan-thanh",
                                                        completed=dt.date(2025, 3, 1)), first),
                     record(2025, "stc", TaskProgress("2.1", "hoan-thanh",
                                                      completed=dt.date(2025, 5, 1))))
    assert found.find(2025, "2.1") is first
    assert found.find(2025, "9.9") is None and found.find(2024, "2.1") is None
    assert found == progress(*[r for y in found.years for r in found.year(y).values()])
