"""Progress records: every kind of mistake, with its file, line and key path, in one pass."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from lsdocs.content.model import Content
from lsdocs.errors import ContentError
from lsdocs.progress.record_loader import default_root, load_progress, validate_progress
from lsdocs.progress.records import ProductDocument
from tests.progress.conftest import FIXTURES, TODAY, errors_of, problems_of

# fixture root -> (file, line, key path, code) of its one error
MISTAKES = {
    "wrong-plan": ("2024/skhcn.yaml", 4, "plan", "wrong-plan"),
    "year-differs-from-folder": ("2024/skhcn.yaml", 5, "year", "year-folder"),
    "year-outside-plan": ("2022/skhcn.yaml", 5, "year", "bad-year"),
    "agency-differs-from-file": ("2024/skhcn.yaml", 6, "agency", "agency-file-name"),
    "unknown-agency": ("2024/skhcn.yaml", 6, "agency", "unknown-agency"),
    "agency-merged-before-year": ("2025/snnptnt.yaml", 6, "agency", "agency-not-in-year"),
    "agency-not-founded-yet": ("2024/snnmt.yaml", 6, "agency", "agency-not-in-year"),
    "issuer-did-not-exist-yet": ("2025/snnmt.yaml", 18, "tasks[0].products[0].date",
                                 "issuer-not-existing"),
    "unknown-task": ("2024/skhcn.yaml", 19, "tasks[1].task", "unknown-task"),
    "task-led-by-another-agency": ("2024/skhcn.yaml", 19, "tasks[1].task", "not-lead"),
    "task-listed-twice": ("2024/skhcn.yaml", 19, "tasks[1].task", "duplicate-task"),
    "bad-status": ("2024/skhcn.yaml", 20, "tasks[1].status", "bad-status"),
    "done-without-date": ("2024/skhcn.yaml", 11, "tasks[0].completed", "missing-completed"),
    "date-on-unfinished-task": ("2024/skhcn.yaml", 21, "tasks[1].completed",
                                "completed-not-done"),
    "completed-after-period": ("2024/skhcn.yaml", 13, "tasks[0].completed",
                               "date-after-period"),
    "completed-before-plan": ("2024/skhcn.yaml", 13, "tasks[0].completed", "date-before-plan"),
    "impossible-date": ("2024/skhcn.yaml", 13, "tasks[0].completed", "impossible-date"),
    "unknown-document-type": ("2024/skhcn.yaml", 16, "tasks[0].products[0].type",
                              "bad-doc-type"),
    "type-code-mismatch": ("2024/skhcn.yaml", 17, "tasks[0].products[0].number",
                           "doc-type-code"),
    "bad-document-number": ("2024/skhcn.yaml", 17, "tasks[0].products[0].number",
                            "bad-doc-number"),
    "cong-van-with-type-code": ("2024/skhcn.yaml", 17, "tasks[0].products[0].number",
                                "doc-type-code"),
    "product-after-period": ("2024/skhcn.yaml", 18, "tasks[0].products[0].date",
                             "date-after-period"),
    "report-number-not-bc": ("2024/skhcn.yaml", 8, "report_number", "doc-type-code"),
    "reported-before-period": ("2024/skhcn.yaml", 7, "reported_on", "reported-before-period"),
    "negative-budget": ("2024/skhcn.yaml", 9, "budget", "out-of-range"),
    "budget-not-whole": ("2024/skhcn.yaml", 9, "budget", "wrong-type"),
    "unknown-target": ("2024/skhcn.yaml", 22, "figures[0].target", "unknown-target"),
    "unknown-key": ("2024/skhcn.yaml", 14, "tasks[0].ket_qua", "unknown-key"),
}


@pytest.mark.usefixtures("in_fixtures")
@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_is_one_error_at_its_place(content: Content, name: str) -> None:
    file, line, path, code = MISTAKES[name]
    errors = errors_of(content, name)
    assert [(e.location.file, e.location.line, e.location.path, e.code) for e in errors] == [
        (f"{name}/{file}", line, path, code)]
    error = errors[0]
    assert error.message.vi != error.message.en  # both languages
    assert error.found is not None or error.expected is not None


@pytest.mark.usefixtures("in_fixtures")
def test_the_good_fixture_has_no_error_and_names_the_tasks_left_out(content: Content) -> None:
    problems = problems_of(content, "good")
    assert [p.code for p in problems] == ["task-left-out"]
    assert problems[0].found == "1.3, 2.2, 2.4, 2.5, 4.2, 5.1"
    assert problems[0].location.line == 10


@pytest.mark.usefixtures("in_fixtures")
def test_every_mistake_of_a_file_in_one_pass_in_line_order(content: Content) -> None:
    errors = errors_of(content, "many-mistakes")
    assert [(e.location.line, e.location.path) for e in errors] == [
        (4, "plan"), (9, "budget"), (13, "tasks[0].completed"),
        (17, "tasks[0].products[0].number"), (20, "tasks[1].status"),
        (22, "figures[0].target")]


@pytest.mark.usefixtures("in_fixtures")
def test_a_2023_agency_in_a_2025_file_is_told_its_successor(content: Content) -> None:
    error = errors_of(content, "agency-merged-before-year")[0]
    assert error.hint is not None
    assert "snnmt" in error.hint.vi and "Sở Nông nghiệp và Môi trường" in error.hint.vi
    assert "snnmt.yaml" in error.hint.en
    assert error.format("vi").startswith(
        "agency-merged-before-year/2025/snnptnt.yaml:6: agency: lỗi: Sở Nông nghiệp và Phát "
        "triển nông thôn không còn vào cuối kỳ báo cáo năm 2025 (đến 28/02/2025)")


@pytest.mark.usefixtures("in_fixtures")
def test_a_task_of_another_agency_names_its_reporter(content: Content) -> None:
    error = errors_of(content, "task-led-by-another-agency")[0]
    assert "snnptnt" in error.message.vi and error.hint is not None
    assert "snnptnt.yaml" in error.hint.vi


@pytest.mark.usefixtures("in_fixtures")
def test_files_outside_a_year_folder_and_twin_files_are_errors(content: Content) -> None:
    outside = errors_of(content, "file-outside-year-folder")
    assert [(e.location.file, e.code) for e in outside] == [
        ("file-outside-year-folder/skhcn.yaml", "misplaced-progress")]
    twins = errors_of(content, "two-files-for-one-agency")
    assert [(e.location.file, e.code) for e in twins] == [
        ("two-files-for-one-agency/2024/skhcn.yml", "duplicate-progress-file")]


@pytest.mark.usefixtures("in_fixtures")
def test_text_not_in_nfc_is_a_warning_and_is_normalised(content: Content) -> None:
    problems = problems_of(content, "text-not-nfc")
    assert ("not-nfc", 14, "tasks[0].result") in [
        (p.code, p.location.line, p.location.path) for p in problems]
    record = load_progress(content, "text-not-nfc", today=TODAY).year(2024)["skhcn"]
    result = record.tasks[0].result
    assert result is not None and result.startswith("Tổ chức hội nghị")


@pytest.mark.usefixtures("in_fixtures")
def test_english_messages(content: Content) -> None:
    error = errors_of(content, "completed-after-period")[0]
    assert error.format("en") == (
        "completed-after-period/2024/skhcn.yaml:13: tasks[0].completed: error: completion date "
        "after the last day of the 2024 reporting period (14/12/2024): «20/12/2024» "
        "(expected a date up to 14/12/2024)")


@pytest.mark.usefixtures("in_fixtures")
def test_load_builds_the_record(content: Content) -> None:
    progress = load_progress(content, "good", today=TODAY)
    assert progress.plan == "kh-182-2023" and progress.years == [2024]
    record = progress.year(2024)["skhcn"]
    assert record.source is None  # only shipped data says where it comes from
    assert (record.budget, record.reported_on, record.report_number) == (
        850_000_000, dt.date(2024, 12, 10), "215/BC-SKHCN")
    done = record.task("1.1")
    assert done is not None and done.state == "hoan-thanh"
    assert done.completed == dt.date(2024, 1, 22)
    assert done.products == (ProductDocument("ke-hoach", "12/KH-SKHCN", dt.date(2024, 1, 5)),)
    unfinished = record.task("2.1")
    assert unfinished is not None and unfinished.completed is None
    assert [(f.target, f.baseline, f.value) for f in record.figures] == [("dn-htx-cnsh", 5, 6)]
    assert record.file == "good/2024/skhcn.yaml"


@pytest.mark.usefixtures("in_fixtures")
def test_load_raises_with_every_problem(content: Content) -> None:
    with pytest.raises(ContentError) as caught:
        load_progress(content, "many-mistakes", today=TODAY)
    assert len([p for p in caught.value.problems if p.is_error]) == 6


def test_no_folder_means_no_records(content: Content, tmp_path: Path) -> None:
    assert validate_progress(content, tmp_path / "none") == []
    assert load_progress(content, tmp_path / "none").records == {}


def test_default_root_is_next_to_the_plan(content: Content) -> None:
    assert default_root(content).parts[-3:] == ("content", "tien-do", "kh-182-2023")


def test_a_task_reported_done_again_later_is_a_warning(content: Content, tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "good" / "2024", tmp_path / "2024")
    later = (FIXTURES / "good" / "2024" / "skhcn.yaml").read_text(encoding="utf-8")
    later = later.replace("year: 2024", "year: 2025").replace("10/12/2024", "10/12/2025")
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "skhcn.yaml").write_text(later, encoding="utf-8")
    problems = validate_progress(content, tmp_path, today=TODAY)
    assert [p for p in problems if p.is_error] == []
    done = [p for p in problems if p.code == "done-before"]
    assert [(p.location.file, p.location.line, p.found) for p in done] == [
        (str(tmp_path / "2025" / "skhcn.yaml"), 11, "1.1")]


@pytest.mark.usefixtures("in_fixtures")
def test_a_symbol_of_another_agency_is_a_warning(content: Content) -> None:
    problems = problems_of(content, "symbol-of-another-agency")
    found = [(p.location.line, p.location.path, p.code) for p in problems
             if p.code != "task-left-out"]
    assert found == [(17, "tasks[0].products[0].number", "issuer-symbol")]
