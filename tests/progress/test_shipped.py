"""The shipped illustrative progress (content/tien-do/kh-182-2023): valid, and what it says.

Every number below was counted by hand from the YAML files, not from the analysis.
"""

from __future__ import annotations

import pytest

from lsdocs.content.model import Content
from lsdocs.progress.record_loader import load_progress, validate_progress
from lsdocs.progress.records import PlanProgress
from lsdocs.progress.year_status import YearStatus, year_status
from tests.progress.conftest import SHIPPED_PROGRESS


@pytest.fixture(scope="module")
def progress(content: Content) -> PlanProgress:
    return load_progress(content)


def test_shipped_progress_has_no_error_and_no_warning(content: Content) -> None:
    assert validate_progress(content) == []


def test_every_shipped_file_says_it_is_illustrative(progress: PlanProgress) -> None:
    files = sorted(SHIPPED_PROGRESS.glob("*/*.yaml"))
    assert len(files) == 18
    for file in files:
        head = file.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# BÁO CÁO TIẾN ĐỘ MINH HỌA"), file
    assert {r.source for y in progress.years for r in progress.year(y).values()} == {
        "illustrative"}


def test_the_2024_reports_come_from_2023_agencies(progress: PlanProgress) -> None:
    assert progress.years == [2024, 2025]
    assert sorted(progress.year(2024)) == [
        "sct", "sgddt", "skhcn", "skhdt", "snnptnt", "snv", "stc", "stnmt", "sttt", "syt"]
    assert sorted(progress.year(2025)) == [
        "cat", "sct", "sgddt", "skhcn", "snnmt", "stc", "svhttdl", "syt"]


def _states(status: YearStatus) -> dict[str, tuple[str, str | None, bool | None]]:
    return {t.task.id: (t.reporter.id, t.state, t.on_time) for t in status.tasks}


def test_2024_by_hand(content: Content, progress: PlanProgress) -> None:
    status = year_status(content, progress, 2024)
    assert (status.period_start.isoformat(), status.period_end.isoformat()) == (
        "2023-12-15", "2024-12-14")
    assert [a.id for a in status.missing] == ["cat", "sngv"]
    states = _states(status)
    assert len(states) == 20 and status.done_before == ()
    late = sorted(k for k, (_, state, on_time) in states.items() if on_time is False)
    assert late == ["1.1", "2.1"]  # done 22/01/2024 (due 31/12/2023), 15/8/2024 (due 30/6/2024)
    on_time = sorted(k for k, (_, _, on_time) in states.items() if on_time)
    assert on_time == ["1.4", "2.3", "4.1", "5.1"]
    assert sorted(k for k, (_, s, _) in states.items() if s == "chua-trien-khai") == ["3.4", "4.2"]
    assert sorted(k for k, (_, s, _) in states.items() if s is None) == ["3.5", "5.2"]
    assert [t.task.id for t in status.tasks if t.overdue(status.as_of)] == ["3.2"]
    total = status.total
    assert (total.total, total.due, total.done_on_time, total.done_late, total.in_progress,
            total.not_started, total.not_reported, total.overdue) == (20, 11, 4, 2, 10, 2, 2, 1)
    # 850 + 120 + 1.200 + 350 + 400 + 180 (+ 0 of Sở TN&MT) million đồng
    assert status.budget == 3_100_000_000
    target = status.targets[0]
    assert (target.baseline, target.value) == (5 + 18 + 9, 6 + 21 + 11)
    assert target.reporters == ("sct", "skhcn", "snnptnt")


def test_2025_successors_answer_for_merged_agencies_exactly_once(
        content: Content, progress: PlanProgress) -> None:
    status = year_status(content, progress, 2025)
    states = _states(status)
    # Sở NN&MT reports the tasks of Sở NN&PTNT (3.1) and Sở TN&MT (3.4); Sở Tài chính those of
    # itself (2.3) and Sở KH&ĐT (5.3); Sở VHTTDL reports 1.2 of Sở TT&TT (succession: sttt).
    assert [k for k, v in states.items() if v[0] == "snnmt"] == ["3.1", "3.4"]
    assert [k for k, v in states.items() if v[0] == "stc"] == ["2.3", "5.3"]
    assert [k for k, v in states.items() if v[0] == "svhttdl"] == ["1.2"]
    reporters = [a.id for a in status.reporters]
    assert len(reporters) == len(set(reporters)) == 10
    assert not {"snnptnt", "stnmt", "skhdt", "sttt"} & set(reporters)
    assert [t.task.id for t in status.tasks].count("3.1") == 1
    assert [a.id for a in status.missing] == ["snv", "sngv"]
    assert [t.task.id for t in status.done_before] == ["1.1", "2.1"]  # done in 2024
    assert len(states) == 18
    assert sorted(k for k, v in states.items() if v[2] is False) == ["3.2"]  # 20/3/2025
    assert sorted(k for k, v in states.items() if v[1] is None) == ["1.4", "4.3", "5.2"]
    assert [t.task.id for t in status.tasks if t.overdue(status.as_of)] == ["4.3"]
    total = status.total
    assert (total.total, total.done_on_time, total.done_late, total.in_progress,
            total.not_started, total.not_reported, total.overdue) == (18, 3, 1, 10, 1, 3, 1)
    assert status.budget == (1350 + 95 + 1500 + 420 + 380 + 150 + 200) * 1_000_000
    target = status.targets[0]
    assert (target.baseline, target.value) == (32, 8 + 24 + 13)
