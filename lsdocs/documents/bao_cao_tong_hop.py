"""Báo cáo tổng hợp: the collecting Sở's report to UBND tỉnh on one reporting year.

Compiled from every agency's progress record through one
:class:`~lsdocs.progress.year_status.YearStatus`: counts by task group and by
agency, measurable objectives, budget, who has not reported, the result annex
and the chart data all come from it, so they agree.  A merged agency's tasks
are counted once, under its successor (``YearStatus`` resolves this).
Context for ``templates/bc-tong-hop.docx``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.agencies import AgencyResolver
from lsdocs.content.model import Agency, LetterIssuer, Signature
from lsdocs.documents import report_common as rc
from lsdocs.documents import shared_parts
from lsdocs.errors import ContentError, Location, Problem, T
from lsdocs.progress.records import ProgressRecord
from lsdocs.progress.year_status import TargetYear, YearStatus

STATE_SERIES = (  # chart series: name, Counts attribute, colour (the same in every year)
    ("Đã hoàn thành", "done", "70AD47"),
    ("Đang thực hiện", "in_progress", "5B9BD5"),
    ("Chưa triển khai", "not_started", "FFC000"),
    ("Chưa có báo cáo", "not_reported", "A5A5A5"),
)


def compiler(status: YearStatus) -> Agency:
    """The agency that compiles the reports (Sở Khoa học và Công nghệ), in the year."""
    if status.collector is not None:
        return status.collector
    return _current(status, status.content.plan.organization.reporting.reporters_to)


def consolidated_context(status: YearStatus, date: dt.date | None) -> dict[str, Any]:
    """Everything ``bc-tong-hop.docx`` needs for the report on ``status.year``."""
    content = status.content
    issuer = compiler(status)
    own = status.records.get(issuer.id)
    if own is None:
        own = next((r for r in status.extra_records if r.agency == issuer.id), None)
    regime = content.plan.organization.reporting
    to = _current(status, regime.compiler_to)
    header = shared_parts.header_context(issuer, rc.REPORT_TYPE, None, date,
                                   content.plan.document.place, draft_year=status.year)
    settings = content.plan.letters.issuer(issuer.id) if content.plan.letters else None
    also = [_current(status, a).name for a in regime.also_to]
    return {
        "header": header,
        "trich_yeu": rc.trich_yeu(content, status.year),
        "kinh_gui": {"single": f"{to.name}.", "lines": []},
        "intro": [
            rc.basis(content, status.year, issuer.name,
                     "trên cơ sở báo cáo của các cơ quan, đơn vị, "),
            rc.period_sentence(status),
            reporting_sentence(status),
        ],
        "next_year": status.year + 1,
        "sections": {
            "results": _results(status, own),
            "shortcomings": rc.or_none(_shortcomings(status, own)),
            "next_year": _next_year(status, own),
            "proposals": rc.or_none(_proposals(status, own)),
        },
        "closing": rc.closing(status, None,
                              f"{issuer.name} kính báo cáo {to.short_name} xem xét, chỉ đạo"),
        "signature": shared_parts.signature_context(_signature(status, own, settings)),
        "noi_nhan": ["- Như trên;", *[f"- {name} (b/c);" for name in also],
                     "- Các cơ quan, đơn vị chủ trì nhiệm vụ;"],
        "luu": shared_parts.filing_line(settings.filing if settings else "VT"),
        "appendix": _annex(status, issuer, header, date),
    }


def reporting_sentence(status: YearStatus) -> str:
    """Who reported: ``Có 07/09 cơ quan, đơn vị đã gửi báo cáo; chưa gửi báo cáo: …``.

    The compiling Sở is not counted: it does not send a report to itself.
    """
    expected = len(status.senders)
    missing = status.missing
    sent = expected - len(missing)
    if not missing:
        return f"Các cơ quan, đơn vị chủ trì nhiệm vụ ({rc.count(expected)} cơ quan) đã gửi " \
               "báo cáo đầy đủ."
    if not sent:
        return (f"Chưa có cơ quan, đơn vị chủ trì nhiệm vụ nào gửi báo cáo "
                f"({rc.count(expected)} cơ quan: {rc.agency_names(missing)}).")
    return (f"Có {rc.count(sent)}/{rc.count(expected)} cơ quan, đơn vị chủ trì nhiệm vụ đã gửi "
            f"báo cáo; {rc.count(len(missing))} cơ quan chưa gửi báo cáo: "
            f"{rc.agency_names(missing)}.")


def _results(status: YearStatus, own: ProgressRecord | None) -> list[rc.Item]:
    narrative = own.narrative if own else None
    parts: list[rc.Part] = [
        ("Công tác lãnh đạo, chỉ đạo, tuyên truyền, quán triệt",
         rc.body(narrative.leadership if narrative else ())),
        ("Kết quả thực hiện các nhiệm vụ, giải pháp", _by_group(status)),
        ("Kết quả thực hiện theo cơ quan chủ trì", _by_agency(status)),
        ("Kết quả thực hiện các chỉ tiêu", rc.body(target_sentence(status.year, t)
                                                   for t in status.targets)),
        ("Kinh phí thực hiện", rc.body([budget_sentence(status)])),
        ("Đánh giá chung", rc.body(narrative.results if narrative else ())),
    ]
    return rc.numbered(parts)


def overall_sentence(status: YearStatus) -> str:
    total = status.total
    return (f"Năm {status.year}, Kế hoạch có {rc.counts_sentence(total)}. Chi tiết tại Phụ lục "
            "kèm theo.")


def _by_group(status: YearStatus) -> list[rc.Item]:
    groups: list[rc.Part] = [
        (f"{row.label}", rc.body([f"Nhóm nhiệm vụ này có {rc.counts_sentence(row.counts)}."]))
        for row in status.by_group()
    ]
    return [*rc.body([overall_sentence(status)]), *rc.lettered(groups)]


def _by_agency(status: YearStatus) -> list[rc.Item]:
    lines = []
    for row in status.by_agency():
        if row.key in status.records:
            text = f"- {row.label}: {rc.counts_sentence(row.counts)}"
        else:  # its tasks are all without a report: say why, once
            why = ("chưa cập nhật kết quả thực hiện" if row.key == compiler(status).id
                   else "chưa gửi báo cáo")
            text = f"- {row.label}: {rc.counts_head(row.counts)}; {why}"
            if row.counts.overdue:
                text += f"; quá hạn {rc.tasks(row.counts.overdue)}"
        lines.append(text + ";")
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return rc.body(lines)


def target_sentence(year: int, t: TargetYear) -> str:
    """One measurable objective: baseline, target, this year, % of target."""
    target = t.target
    unit = "" if target.unit == "%" else f" {target.unit}"
    aim = (f"tăng {vn.format_number(target.value)}%" if target.unit == "%" and
           target.change == "increase" else
           f"giảm {vn.format_number(target.value)}%" if target.unit == "%" else
           f"đạt {vn.format_number(target.value)}{unit}")
    text = f"Chỉ tiêu «{target.indicator}» ({aim} vào năm {target.year}"
    if target.baseline_year:
        text += f" so với năm {target.baseline_year}"
    text += ")"
    if t.value is None:
        return text + f": năm {year} chưa có cơ quan, đơn vị báo cáo số liệu."
    parts = []
    if t.baseline is not None and target.baseline_year:
        parts.append(f"năm {target.baseline_year} là {_num(t.baseline)}{unit}")
    if t.target_value is not None and target.unit == "%":
        parts.append(f"mục tiêu năm {target.year} là {_num(t.target_value)}")
    reached = f"năm {year} đạt {_num(t.value)}{unit}"
    if t.change_percent is not None:
        verb = "tăng" if t.change_percent >= 0 else "giảm"
        reached += f", {verb} {_pct(abs(t.change_percent))} so với năm gốc"
    if t.achieved_percent is not None:
        reached += f", bằng {_pct(t.achieved_percent)} mục tiêu"
    parts.append(reached)
    return f"{text}: {'; '.join(parts)}."


def _num(value: float) -> str:
    return vn.format_number(round(value, 1))


def _pct(value: float) -> str:
    return vn.format_percent(round(value, 1))


def budget_sentence(status: YearStatus) -> str:
    records = [*status.records.values(), *status.extra_records]
    reported = [r for r in records if r.budget is not None]
    if not reported:
        return "Các cơ quan, đơn vị chưa báo cáo kinh phí thực hiện trong năm."
    amount = status.budget
    return (f"Tổng kinh phí các cơ quan, đơn vị báo cáo đã sử dụng trong năm {status.year} "
            f"(theo báo cáo của {rc.count(len(reported))} cơ quan): {vn.format_money(amount)} "
            f"({vn.money_in_words(amount)}).")


def _shortcomings(status: YearStatus, own: ProgressRecord | None) -> list[rc.Item]:
    overdue = [t for t in status.tasks if t.overdue(status.as_of)]
    found = []
    if overdue:
        listed = "; ".join(f"{t.task.id} ({t.reporter.name})" for t in overdue)
        found.append(f"Còn {rc.tasks(len(overdue))} quá hạn chưa hoàn thành: nhiệm vụ {listed}.")
    if status.missing:
        found.append(f"Còn {rc.count(len(status.missing))} cơ quan chưa gửi báo cáo: "
                     f"{rc.agency_names(status.missing)}.")
    unreported = status.unreported_tasks
    if unreported:
        listed = "; ".join(f"{t.task.id} ({t.reporter.name})" for t in unreported)
        found.append(f"Có {rc.tasks(len(unreported))} chưa có báo cáo kết quả thực hiện: "
                     f"nhiệm vụ {listed}.")
    narrative = own.narrative if own else None
    return rc.numbered([
        ("Tồn tại, hạn chế", rc.body([*found, *(narrative.shortcomings if narrative else ()),
                                      *_attributed(status, "difficulties")])),
        ("Nguyên nhân", rc.body([*(narrative.causes if narrative else ()),
                                 *_attributed(status, "causes")])),
    ])


def _attributed(status: YearStatus, field: str) -> list[str]:
    """Per-task difficulties, causes or proposals, each with the agency that said it."""
    lines = []
    for t in status.tasks:
        said = getattr(t.progress, field, None) if t.progress else None
        if said:
            lines.append(f"- {t.reporter.name} (nhiệm vụ {t.task.id}): {rc.sentence(said)}")
    return lines


def _next_year(status: YearStatus, own: ProgressRecord | None) -> list[rc.Item]:
    lines = list(own.narrative.next_year) if own else []
    open_count = sum(1 for t in status.tasks if not t.done)
    overdue = sum(1 for t in status.tasks if t.overdue(status.as_of))
    if overdue:
        lines.append(f"Đôn đốc các cơ quan, đơn vị khẩn trương hoàn thành "
                     f"{rc.tasks(overdue)} quá hạn.")
    if open_count:
        lines.append(f"Tiếp tục theo dõi, đôn đốc thực hiện {rc.tasks(open_count)} chưa hoàn "
                     f"thành; tổng hợp, báo cáo kết quả thực hiện năm {status.year + 1} theo "
                     "quy định.")
    else:
        lines.append(f"Tiếp tục theo dõi, tổng hợp, báo cáo kết quả thực hiện năm "
                     f"{status.year + 1} theo quy định.")
    return rc.body(lines)


def _proposals(status: YearStatus, own: ProgressRecord | None) -> list[rc.Item]:
    return rc.body([*(own.narrative.proposals if own else ()),
                    *_attributed(status, "proposals")])


def chart_data(status: YearStatus
               ) -> tuple[tuple[str, ...], list[tuple[str, tuple[int, ...], str]]]:
    """Categories (task groups) and one series (name, values, colour) per task state."""
    rows = status.by_group()
    categories = tuple(f"{vn.roman(_group_number(status, r.key))}. {_short(r.label)}"
                       for r in rows)
    series = [(name, tuple(getattr(r.counts, attr) for r in rows), color)
              for name, attr, color in STATE_SERIES]
    return categories, [s for s in series if any(s[1])]


def _group_number(status: YearStatus, group_id: str) -> int:
    groups = status.content.plan.task_groups
    return next(i for i, g in enumerate(groups, 1) if g.id == group_id)


def _short(label: str, limit: int = 40) -> str:
    if len(label) <= limit:
        return label
    cut = label[:limit].rsplit(" ", 1)[0].rstrip(" ,;")
    return f"{cut}…"


def _annex(status: YearStatus, issuer: Agency, header: dict[str, Any],
           date: dt.date | None) -> dict[str, Any]:
    number = vn.number_symbol(None, header["symbol"])
    when = vn.long_date(date) if date else vn.draft_long_date(status.year)
    return {
        "label": "Phụ lục",
        "title": vn.upper_vi(f"Biểu tổng hợp kết quả thực hiện nhiệm vụ năm {status.year}"),
        "reference": f"(Kèm theo Báo cáo số {number} {when} của {issuer.name})",
        "rows": rc.annex_rows(status.tasks, status, with_lead=True),
        "chart_title": vn.upper_vi(f"Biểu đồ tình hình thực hiện nhiệm vụ theo nhóm năm "
                                   f"{status.year}"),
    }


def _current(status: YearStatus, agency_id: str) -> Agency:
    resolver = AgencyResolver(status.content, status.period_end)
    found = resolver.current(agency_id)
    resolver.raise_problems()
    return found or status.content.registry.get(agency_id)


def _signature(status: YearStatus, own: ProgressRecord | None,
               settings: LetterIssuer | None) -> Signature:
    """The Sở's signer: from its own progress record, else from its letter settings."""
    if own is not None and own.signature is not None:
        return own.signature
    if settings is not None:
        return settings.signature
    raise ContentError(Problem(
        Location(status.content.plan_file, path="letters.issuers"),
        T("chưa có người ký báo cáo tổng hợp"),
        expected=T("khóa signature trong báo cáo tiến độ của cơ quan tổng hợp, hoặc mục "
                   "letters.issuers của cơ quan này"),
    ))
