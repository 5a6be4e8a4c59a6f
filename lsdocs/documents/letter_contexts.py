"""Công văn for a plan: triển khai, giao nhiệm vụ, đôn đốc, đề nghị báo cáo.

Each function returns the context of one letter for ``templates/cv-*.docx``.
Wording follows the structure of real Lạng Sơn letters (related-documents.md
§a): a basis clause, numbered requests each with a product and a deadline, a
closing line on where to report.  Agencies are the ones that exist on the
letter's date (see :mod:`lsdocs.documents.assignments`); every sentence that
depends on who writes to whom takes its words from
:mod:`lsdocs.documents.letter_voice`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.model import Agency, Task
from lsdocs.documents import letter_words as w
from lsdocs.documents import shared_parts
from lsdocs.documents.assignments import AgencyTasks
from lsdocs.documents.letter_outline import outline
from lsdocs.documents.letter_remind import (
    DUE_WINDOW_DAYS,
    due_tasks,
    missing_report_recipients,
    remind,
    remind_report,
    report_deadline,
    report_year,
    reported_completion,
)
from lsdocs.documents.letter_setup import LetterOptions, LetterSetup, resolve_recipient, setup
from lsdocs.documents.letter_voice import group_voice, voice
from lsdocs.errors import T, Text, parameter_error
from lsdocs.kinds import kind_ids
from lsdocs.progress.year_status import reporting_period

LETTER_KINDS = kind_ids("letter")
PER_AGENCY = kind_ids("letter", per_agency=True)

__all__ = [
    "DUE_WINDOW_DAYS",
    "LETTER_KINDS",
    "PER_AGENCY",
    "LetterOptions",
    "LetterSetup",
    "due_tasks",
    "letter_context",
    "letter_warnings",
    "recipients",
    "setup",
]


def recipients(s: LetterSetup) -> list[str]:
    """Agencies that get a per-agency letter of this kind, in plan order."""
    if s.kind == "don-doc" and s.options.missing_reports:
        return missing_report_recipients(s)
    ids = [a for a, t in s.tasks.items() if a != s.issuer.id and t.count]
    if s.kind == "don-doc":
        ids = [a for a in ids if due_tasks(s, s.tasks[a])]
    return ids


def letter_context(s: LetterSetup, agency_id: str | None = None) -> dict[str, Any]:
    """The context of one letter: to all agencies (triển khai) or to *agency_id*."""
    if s.kind == "trien-khai":
        body = _deploy(s)
    else:
        work = s.tasks[_reminded(s, resolve_recipient(s, agency_id or ""), agency_id or "")]
        builders = {"giao-nhiem-vu": _assign, "de-nghi-bao-cao": _request_report,
                    "don-doc": remind_report if s.options.missing_reports else remind}
        body = builders[s.kind](s, work)
    return {**_frame(s, body.pop("vv"), body.pop("to")), **body}


def letter_warnings(s: LetterSetup, agency_id: str | None) -> list[Text]:
    """What a clerk should know about one letter before signing it."""
    if s.kind != "giao-nhiem-vu" or agency_id is None:
        return []
    work = s.tasks[resolve_recipient(s, agency_id)]
    tasks = [*work.lead, *work.support]
    done = [t.id for t in tasks if reported_completion(s, t) is not None]
    late = [t.id for t in tasks if _past_due(t, s.options.date) and t.id not in done]
    found = []
    if late:
        found.append(T("công văn giao nhiệm vụ có {n} nhiệm vụ đã quá thời hạn hoàn thành ({t}); "
                       "công văn ghi rõ đã quá hạn", n=len(late), t=", ".join(late)))
    if done:
        found.append(T("công văn giao nhiệm vụ có {n} nhiệm vụ đã được báo cáo hoàn thành ({t}); "
                       "công văn ghi rõ ngày hoàn thành, không đôn đốc", n=len(done),
                       t=", ".join(done)))
    return found


def _reminded(s: LetterSetup, current: str, written: str) -> str:
    """*current*, unless a reminder has nothing to remind it of."""
    if s.kind != "don-doc" or current in recipients(s):
        return current
    message = (T("cơ quan đã gửi báo cáo năm {y}; không cần đôn đốc",
                 y=report_year(s))
               if s.options.missing_reports else
               T("cơ quan không có nhiệm vụ đến hạn hoặc quá hạn chưa hoàn thành; không cần "
                 "công văn đôn đốc"))
    raise parameter_error("agency", message, written,
                          T("một trong: {k}", k=", ".join(recipients(s)) or "—"))


# --- the letters -----------------------------------------------------------------------------


#: How a văn thư lists several addressees: the sở, then the ngành (Công an, Quân sự, Báo, Đài),
#: other bodies, and the local People's Committees last.
_ADDRESSEE_RANK = {"trung-uong": 0, "dang": 1, "ubnd": 2, "so": 3, "nganh": 4, "khac": 5,
                   "dia-phuong": 6}


def addressee_order(agencies: list[Agency]) -> list[Agency]:
    """*agencies* grouped as a Kính gửi list is written, plan order kept within a group."""
    return sorted(agencies, key=lambda a: _ADDRESSEE_RANK.get(a.kind, len(_ADDRESSEE_RANK)))


def _deploy(s: LetterSetup) -> dict[str, Any]:
    c = w.chain(s)
    everyone = addressee_order([s.tasks[a].agency for a in recipients(s)])
    v = group_voice(s.issuer, everyone)
    purpose = w.compile_purpose(s, c)
    settle = ("để tổng hợp, tham mưu giải quyết" if s.issuer.id == c.compiler_to.id
              else f"để tổng hợp, báo cáo {c.compiler_to.name} xem xét, giải quyết")
    return {
        "vv": f"triển khai thực hiện {s.plan_ref}",
        "to": everyone,
        "intro": [
            f"{w.plan_basis(s, v.directs)} (sau đây gọi là Kế hoạch), {s.subject} {v.ask} "
            "các cơ quan, đơn vị triển khai thực hiện một số nội dung sau:"
        ],
        "requests": [
            "1. Căn cứ chức năng, nhiệm vụ và các nhiệm vụ được phân công tại Phụ lục kèm theo "
            "Kế hoạch, chủ động xây dựng kế hoạch hoặc lồng ghép nội dung thực hiện vào chương "
            "trình, kế hoạch công tác hằng năm của cơ quan, đơn vị; tổ chức thực hiện đầy đủ, "
            "đúng thời hạn các nhiệm vụ được giao.",
            "2. Tăng cường phối hợp giữa các cơ quan, đơn vị trong triển khai các nhiệm vụ có "
            "liên quan; kịp thời đề xuất điều chỉnh, bổ sung nhiệm vụ khi cần thiết.",
            f"3. Định kỳ báo cáo kết quả thực hiện về {c.collector.name} trước ngày "
            f"{c.day} hằng năm {purpose}.",
        ],
        "closing": "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị "
        f"kịp thời phản ánh về {c.collector.name} {settle}./.",
    }


def _assign(s: LetterSetup, work: AgencyTasks) -> dict[str, Any]:
    v = voice(s.issuer, work.agency)
    name = work.agency.name
    sections = []
    if work.lead:
        sections.append(("Nhiệm vụ chủ trì thực hiện", [_lead_item(s, t) for t in work.lead]))
    if work.support:
        supported = [_support_item(s, t) for t in work.support]
        sections.append(("Nhiệm vụ phối hợp thực hiện", supported))
    sections.append(("Chế độ báo cáo", [w.report_duty(s, work.agency)]))
    if v.directs:
        vv = f"giao nhiệm vụ thực hiện {s.plan_ref}"
        ask = f"{s.subject} giao {name} thực hiện các nhiệm vụ sau:"
    else:
        # A department cannot assign work to its peers; it passes on the province's decision.
        vv = f"triển khai nhiệm vụ được giao tại {s.plan_ref}"
        ask = (f"{s.subject} {v.ask} {name} triển khai thực hiện các nhiệm vụ được giao tại "
               "Kế hoạch như sau:")
    return {
        "vv": vv,
        "to": [work.agency],
        "intro": [f"{w.plan_basis(s, v.directs)}, {ask}"],
        "sections": w.number_sections(sections),
        "closing": f"{v.closing}./.",
    }


def _request_report(s: LetterSetup, work: AgencyTasks) -> dict[str, Any]:
    v = voice(s.issuer, work.agency)
    name = work.agency.name
    year = s.options.year or s.options.date.year
    c = w.chain(s)
    start, end = reporting_period(s.content, year)
    counts = w.count_phrase(len(work.lead), len(work.support))
    if s.issuer.id == c.compiler_to.id:
        why = f"để có cơ sở đánh giá kết quả thực hiện Kế hoạch năm {year}"
    else:
        why = (f"để có cơ sở tổng hợp, báo cáo {c.compiler_to.name} kết quả thực hiện Kế hoạch "
               f"năm {year}")
    return {
        "vv": f"báo cáo kết quả thực hiện {s.plan_number} năm {year}",
        "to": [work.agency],
        "intro": [
            f"Thực hiện chế độ báo cáo tại {w.plan_citation(s)}, {why}, {s.subject} {v.ask} "
            f"{name} báo cáo kết quả thực hiện các nhiệm vụ được giao ({counts}) theo Đề cương "
            "tại Phụ lục kèm theo."
        ],
        "requests": [
            f"Số liệu báo cáo tính từ ngày {vn.short_date(start)} đến ngày {vn.short_date(end)}.",
            _report_sending(s, work.agency, year),
        ],
        "closing": f"{v.close('báo cáo đầy đủ nội dung, đúng thời hạn')}./.",
        "appendix": outline(s, work, year),
    }


def _report_sending(s: LetterSetup, agency: Agency, year: int) -> str:
    """Where and by when the report goes; the collector compiles instead of sending to itself."""
    c = w.chain(s)
    due, plan_due = report_deadline(s, year)
    by = f"trước ngày {vn.short_date(due)}"
    if due != plan_due:
        by = (f"trước ngày {vn.short_date(due)} (thời hạn theo Kế hoạch là ngày "
              f"{vn.short_date(plan_due)} đã qua)")
    if agency.id == c.collector.id:
        compiled_due = dt.date(year, s.content.plan.organization.reporting.compile_month,
                               s.content.plan.organization.reporting.compile_day)
        to = "" if s.issuer.id == c.compiler_to.id else f" {c.compiler_to.name}"
        by = vn.short_date(max(compiled_due, due))
        return (f"{agency.name} tổng hợp báo cáo của các cơ quan, đơn vị cùng kết quả thực hiện "
                f"nhiệm vụ của mình, báo cáo{to} trước ngày {by}.")
    return f"Báo cáo gửi về {c.collector.name} {by}."


# --- pieces ----------------------------------------------------------------------------------


def _frame(s: LetterSetup, vv: str, to: list[Agency]) -> dict[str, Any]:
    """Header, Kính gửi, signature and Nơi nhận of a công văn (Mẫu 1.5)."""
    opts = s.options
    number = None if opts.draft else opts.number
    header = shared_parts.header_context(
        s.issuer, "cong-van", number, opts.date, s.content.plan.document.place,
        unit=s.settings.unit, vv=vv,
    )
    addressed = {a.id for a in to}
    # "Như trên" already covers the addressees; do not list one of them again.
    others = [r for r in s.settings.recipients if r.agency not in addressed]
    return {
        "header": header,
        "kinh_gui": _kinh_gui([a.name for a in to]),
        "signature": shared_parts.signature_context(s.settings.signature),
        "noi_nhan": ["- Như trên;", *shared_parts.recipient_lines(others, s.content.registry)],
        "luu": shared_parts.filing_line(s.settings.filing),
    }


def _kinh_gui(names: list[str]) -> dict[str, Any]:
    if len(names) == 1:
        return {"single": f"{names[0]}.", "lines": []}
    lines = [f"- {n};" for n in names]
    lines[-1] = lines[-1][:-1] + "."
    return {"single": "", "lines": lines}


def _lead_item(s: LetterSetup, task: Task) -> str:
    support = w.coordinators(s, task)
    text = f"{w.sentence(task.name)} (nhiệm vụ {task.id} tại Phụ lục Kế hoạch)."
    if support:
        text += f" Cơ quan phối hợp: {support}."
    return text + f" {_deadline_sentence(s, task)} Sản phẩm: {w.sentence(task.product)}."


def _support_item(s: LetterSetup, task: Task) -> str:
    lead = s.name_of(task.lead)
    return (
        f"{w.sentence(task.name)} (nhiệm vụ {task.id}; cơ quan chủ trì: {lead}). "
        f"{_deadline_sentence(s, task)}"
    )


def _deadline_sentence(s: LetterSetup, task: Task) -> str:
    """``Thời gian hoàn thành: 30/6/2024 (đã quá hạn hơn 2 năm).`` as seen on the letter's date.

    A task whose lead reported it done (a record received by the letter's date) is not
    urged: the letter says when it was done and in which year's report.
    """
    done = reported_completion(s, task)
    if done is not None:
        year, day = done
        note = f" (theo báo cáo năm {year}, đã hoàn thành ngày {vn.short_date(day)})"
    else:
        note = w.past_due_note(task.deadline.due, s.options.date)
        if note:
            note = note[:-1] + "; khẩn trương hoàn thành nếu chưa thực hiện xong)"
    return f"Thời gian hoàn thành: {w.deadline_text(task)}{note}."


def _past_due(task: Task, on: dt.date) -> bool:
    return task.deadline.due is not None and task.deadline.due < on
