"""Progress records: what each agency reports, year by year, about the tasks it leads.

One record per plan, reporting year and reporting agency, read from
``content/tien-do/<plan id>/<year>/<agency id>.yaml`` (or built from an
agency's filled-in workbook, see :mod:`lsdocs.tabular`).  Like the plan model
these are plain frozen dataclasses with NFC strings; nothing here does I/O.

The reporting agency is the one that exists in the reporting year: for 2023
and 2024 the agencies named in the plan, from 2025 their successors (a
successor reports the tasks of every agency it took over).  Statuses, on-time
judgements and yearly figures are derived in :mod:`lsdocs.progress.year_status`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from lsdocs.content.model import Signature, Source

#: What a task's state is at the end of the reporting period.
TaskState = Literal["hoan-thanh", "dang-thuc-hien", "chua-trien-khai"]
TASK_STATES: tuple[TaskState, ...] = ("hoan-thanh", "dang-thuc-hien", "chua-trien-khai")

#: How each state is printed in reports and offered in workbooks.
STATE_LABELS: dict[str, str] = {
    "hoan-thanh": "Đã hoàn thành",
    "dang-thuc-hien": "Đang thực hiện",
    "chua-trien-khai": "Chưa triển khai",
}


@dataclass(frozen=True)
class ProductDocument:
    """A document that a task produced: ``Kế hoạch số 25/KH-SKHCN ngày 15/11/2023``.

    *doc_type* is a type slug of :data:`lsdocs.vnformat.TYPE_CODES`
    (``ke-hoach``, ``quyet-dinh``, ``cong-van`` …); *number* is the số/ký hiệu
    as printed on the document (``25/KH-SKHCN``), whose type code must agree
    with *doc_type*.
    """

    doc_type: str
    number: str
    date: dt.date
    trich_yeu: str | None = None  # what it is about, sentence case
    issuer: str | None = None  # agency id when not the reporting agency itself


@dataclass(frozen=True)
class TaskProgress:
    """What the reporting agency says about one task it leads."""

    task: str  # task id in the plan, "3.2"
    state: TaskState
    completed: dt.date | None = None  # required when state is hoan-thanh
    result: str | None = None  # kết quả thực hiện (text)
    products: tuple[ProductDocument, ...] = ()
    difficulties: str | None = None  # khó khăn, vướng mắc
    causes: str | None = None  # nguyên nhân
    proposals: str | None = None  # đề xuất, kiến nghị for this task


@dataclass(frozen=True)
class Narrative:
    """The agency's own sections of its report, each a list of paragraphs."""

    leadership: tuple[str, ...] = ()  # lãnh đạo, chỉ đạo và tuyên truyền
    results: tuple[str, ...] = ()  # kết quả (đánh giá chung)
    shortcomings: tuple[str, ...] = ()  # tồn tại, hạn chế
    causes: tuple[str, ...] = ()  # nguyên nhân
    next_year: tuple[str, ...] = ()  # phương hướng, nhiệm vụ năm sau
    proposals: tuple[str, ...] = ()  # kiến nghị, đề xuất


@dataclass(frozen=True)
class Figure:
    """The agency's count for one measurable objective of the plan (a ``target`` id)."""

    target: str  # target id in the plan's objectives
    value: float  # the value at the end of this reporting year
    baseline: float | None = None  # the value in the target's baseline year, when known
    note: str | None = None


@dataclass(frozen=True)
class ProgressRecord:
    """One agency's report for one year of a plan."""

    plan: str  # plan id, "kh-182-2023"
    year: int  # reporting year; data period 15/12 of year-1 to 14/12 of year
    agency: str  # reporting agency id, existing in *year*
    source: Source | None = None  # only lsdocs' shipped examples say (illustrative)
    tasks: tuple[TaskProgress, ...] = ()
    narrative: Narrative = Narrative()
    figures: tuple[Figure, ...] = ()
    budget: int | None = None  # kinh phí đã sử dụng in the year, đồng
    reported_on: dt.date | None = None  # date of the agency's report
    report_number: str | None = None  # số/ký hiệu of the agency's report, if issued
    signature: Signature | None = None  # who signs the agency's report (lsdocs report co-quan)
    file: str = ""  # where it was read from, for messages

    def task(self, task_id: str) -> TaskProgress | None:
        return next((t for t in self.tasks if t.task == task_id), None)


@dataclass(frozen=True)
class PlanProgress:
    """Every progress record of one plan, by year and reporting agency."""

    plan: str
    records: dict[int, dict[str, ProgressRecord]]  # year -> agency id -> record
    #: year -> task id -> what the first record (in agency order) reporting it says; built
    #: on first use, so that finding a task is not a scan of every agency's record
    _by_task: dict[int, dict[str, TaskProgress]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def year(self, year: int) -> dict[str, ProgressRecord]:
        return self.records.get(year, {})

    def find(self, year: int, task_id: str) -> TaskProgress | None:
        """What the report of *year* on *task_id* says (the first record naming it), if any."""
        index = self._by_task.get(year)
        if index is None:
            index = self._by_task[year] = {}
            for record in self.year(year).values():
                for item in record.tasks:
                    index.setdefault(item.task, item)
        return index.get(task_id)

    @property
    def years(self) -> list[int]:
        return sorted(self.records)
