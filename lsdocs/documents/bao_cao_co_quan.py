"""Báo cáo of one agency: its results on the tasks it leads in one reporting year.

Issued by the agency that exists in the reporting year (2025 onward: the
successor, answering for every task it took over), addressed to the agency
that collects the reports (Sở Khoa học và Công nghệ), signed by the signer of
the agency's progress record.  Context for ``templates/bc-co-quan.docx``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.agencies import AgencyResolver
from lsdocs.content.model import Agency, Signature
from lsdocs.documents import report_common as rc
from lsdocs.documents import shared_parts
from lsdocs.errors import ContentError, Location, Problem, T
from lsdocs.progress.records import ProgressRecord
from lsdocs.progress.year_status import TaskYear, YearStatus


def agency_report_context(status: YearStatus, agency: Agency, record: ProgressRecord,
                          date: dt.date | None) -> dict[str, Any]:
    """Everything ``bc-co-quan.docx`` needs for *agency*'s report on ``status.year``."""
    content = status.content
    items = status.tasks_of(agency.id)
    header = shared_parts.header_context(agency, rc.REPORT_TYPE, None, date,
                                   content.plan.document.place, draft_year=status.year)
    collector = content.registry.get(content.plan.organization.reporting.reporters_to)
    collector_name = _name_in_year(status, collector.id)
    return {
        "header": header,
        "trich_yeu": rc.trich_yeu(content, status.year),
        "kinh_gui": {"single": f"{collector_name}.", "lines": []},
        "intro": [rc.basis(content, status.year, agency.name), rc.period_sentence(status)],
        "next_year": status.year + 1,
        "sections": {
            "results": _results(status, agency, record, items),
            "shortcomings": rc.or_none(_shortcomings(record, items)),
            "next_year": _next_year(status, record, items),
            "proposals": rc.or_none(_proposals(record, items)),
        },
        "closing": rc.closing(status, agency.name,
                              f"kính gửi {collector_name} tổng hợp, báo cáo "
                              f"{_compiler(status)}"),
        "signature": shared_parts.signature_context(_signature(record)),
        "noi_nhan": ["- Như trên;"],
        "luu": shared_parts.filing_line("VT"),
        "appendix": _annex(status, agency, header, date, items),
    }


def _results(status: YearStatus, agency: Agency, record: ProgressRecord,
             items: list[TaskYear]) -> list[rc.Item]:
    narrative = record.narrative
    parts: list[rc.Part] = [
        ("Công tác lãnh đạo, chỉ đạo, tuyên truyền, quán triệt", rc.body(narrative.leadership)),
        ("Kết quả thực hiện các nhiệm vụ được giao", _task_results(status, agency, items)),
        ("Kết quả thực hiện các chỉ tiêu", rc.body(_figures(status, record))),
        ("Kinh phí thực hiện", rc.body(_budget(record))),
        ("Đánh giá chung", rc.body(narrative.results)),
    ]
    return rc.numbered(parts)


def _task_results(status: YearStatus, agency: Agency, items: list[TaskYear]) -> list[rc.Item]:
    counts = status.by_agency()
    row = next(r for r in counts if r.key == agency.id)
    summary = (f"Năm {status.year}, {agency.name} chủ trì {rc.counts_sentence(row.counts)}. "
               "Chi tiết tại Phụ lục kèm theo.")
    groups: list[rc.Part] = []
    for item in items:
        if not groups or groups[-1][0] != item.group.title:
            groups.append((item.group.title, []))
        groups[-1][1].append({"kind": "body", "text": _task_paragraph(status, item)})
    return [*rc.body([summary]), *rc.lettered(groups)]


def _task_paragraph(status: YearStatus, item: TaskYear) -> str:
    state = rc.state_text(item, status.as_of)
    if item.progress is not None and item.progress.completed is not None:
        state += f" (ngày {vn.short_date(item.progress.completed)})"
    origin = rc.taken_over(item, status.content)
    text = (f"- Nhiệm vụ {item.task.id}{origin}: {item.task.name.rstrip(' .;')} (thời hạn: "
            f"{rc.lower_first(item.task.deadline.text)}): {state.lower()[:1]}{state[1:]}.")
    result = rc.result_text(item.progress, status.content)
    if result.rstrip(" .").casefold() == state.rstrip(" .").casefold():
        return text  # the result says only the state: "chưa triển khai. Chưa triển khai."
    return f"{text} {result}" if result else text


def _figures(status: YearStatus, record: ProgressRecord) -> list[str]:
    targets = {t.target.id: t.target for t in status.targets}
    lines = []
    for figure in record.figures:
        target = targets.get(figure.target)
        name = target.indicator if target else figure.target
        text = f"{name}: năm {status.year} đạt {vn.format_number(figure.value)}"
        if figure.baseline is not None and target is not None and target.baseline_year:
            text += (f" (năm {target.baseline_year}: {vn.format_number(figure.baseline)})")
        lines.append(text + "." + (f" {rc.sentence(figure.note)}" if figure.note else ""))
    return lines


def _budget(record: ProgressRecord) -> list[str]:
    if not record.budget:
        return []
    amount = record.budget
    return [f"Kinh phí đã sử dụng trong năm: {vn.format_money(amount)} "
            f"({vn.money_in_words(amount)})."]


def _shortcomings(record: ProgressRecord, items: list[TaskYear]) -> list[rc.Item]:
    narrative = record.narrative
    difficulties = [f"- Nhiệm vụ {i.task.id}: {rc.sentence(i.progress.difficulties)}"
                    for i in items if i.progress and i.progress.difficulties]
    causes = [f"- Nhiệm vụ {i.task.id}: {rc.sentence(i.progress.causes)}"
              for i in items if i.progress and i.progress.causes]
    return rc.numbered([
        ("Tồn tại, hạn chế", rc.body([*narrative.shortcomings, *difficulties])),
        ("Nguyên nhân", rc.body([*narrative.causes, *causes])),
    ])


def _next_year(status: YearStatus, record: ProgressRecord,
               items: list[TaskYear]) -> list[rc.Item]:
    if record.narrative.next_year:
        return rc.body(record.narrative.next_year)
    open_tasks = [i.task.id for i in items if not i.done]
    if open_tasks:
        which = "các nhiệm vụ" if len(open_tasks) > 1 else "nhiệm vụ"
        return rc.body([f"Tiếp tục triển khai, hoàn thành {which} chưa hoàn thành "
                        f"(nhiệm vụ {', '.join(open_tasks)}) theo {rc.plan_ref(status.content)}."])
    return rc.body([f"Tiếp tục thực hiện các nhiệm vụ được giao tại "
                    f"{rc.plan_ref(status.content)} theo tiến độ."])


def _proposals(record: ProgressRecord, items: list[TaskYear]) -> list[rc.Item]:
    per_task = [f"- Nhiệm vụ {i.task.id}: {rc.sentence(i.progress.proposals)}"
                for i in items if i.progress and i.progress.proposals]
    return rc.body([*record.narrative.proposals, *per_task])


def _annex(status: YearStatus, agency: Agency, header: dict[str, Any], date: dt.date | None,
           items: list[TaskYear]) -> dict[str, Any]:
    number = vn.number_symbol(None, header["symbol"])
    return {
        "label": "Phụ lục",
        "title": vn.upper_vi(f"Biểu kết quả thực hiện nhiệm vụ năm {status.year}"),
        "reference": f"(Kèm theo Báo cáo số {number} {_date_text(date, status.year)} "
                     f"của {agency.name})",
        "rows": rc.annex_rows(items, status, with_lead=False),
    }


def _date_text(date: dt.date | None, year: int) -> str:
    return vn.long_date(date) if date else vn.draft_long_date(year)


def _name_in_year(status: YearStatus, agency_id: str) -> str:
    return AgencyResolver(status.content, status.period_end).name(agency_id)


def _compiler(status: YearStatus) -> str:
    return _name_in_year(status, status.content.plan.organization.reporting.compiler_to)


def _signature(record: ProgressRecord) -> Signature:
    if record.signature is None:
        raise ContentError(Problem(
            Location(record.file, path="signature"),
            T("thiếu người ký báo cáo của cơ quan"),
            expected=T("khóa signature: authority, title, name"),
        ))
    return record.signature
