"""Công văn for a plan: triển khai, giao nhiệm vụ, đôn đốc, đề nghị báo cáo.

Each function returns the context of one letter for ``templates/cv-*.docx``.
Wording follows the structure of real Lạng Sơn letters (related-documents.md
§a): a basis clause, numbered requests each with a product and a deadline, a
closing line on where to report.  Agencies are the ones that exist on the
letter's date (see :mod:`lsdocs.documents.assignments`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.model import Agency, Task
from lsdocs.documents import common
from lsdocs.documents.assignments import AgencyTasks
from lsdocs.documents.letter_setup import LetterOptions, LetterSetup, resolve_recipient, setup
from lsdocs.errors import Location, Problem, T, UsageError
from lsdocs.kinds import kind_ids

LETTER_KINDS = kind_ids("letter")
PER_AGENCY = kind_ids("letter", per_agency=True)
DUE_WINDOW_DAYS = 30

__all__ = [
    "DUE_WINDOW_DAYS",
    "LETTER_KINDS",
    "PER_AGENCY",
    "LetterOptions",
    "LetterSetup",
    "due_tasks",
    "letter_context",
    "recipients",
    "setup",
]


def recipients(s: LetterSetup) -> list[str]:
    """Agencies that get a per-agency letter of this kind, in plan order."""
    ids = [a for a, t in s.tasks.items() if a != s.issuer.id and t.count]
    if s.kind == "don-doc":
        ids = [a for a in ids if due_tasks(s, s.tasks[a])]
    return ids


def letter_context(s: LetterSetup, agency_id: str | None = None) -> dict[str, Any]:
    """The context of one letter: to all agencies (triển khai) or to *agency_id*."""
    builders = {
        "trien-khai": _deploy,
        "giao-nhiem-vu": _assign,
        "don-doc": _remind,
        "de-nghi-bao-cao": _request_report,
    }
    body = builders[s.kind](s, agency_id)
    return {**_frame(s, body.pop("vv"), body.pop("to")), **body}


# --- the four letters ----------------------------------------------------------------------


def _deploy(s: LetterSetup, _agency: str | None) -> dict[str, Any]:
    reporting = _reporting(s)
    everyone = [s.tasks[a].agency for a in recipients(s)]
    return {
        "vv": f"triển khai thực hiện {s.plan_ref}",
        "to": everyone,
        "intro": [
            f"Thực hiện {s.plan_ref_full} về {_lower_first(_trich_yeu(s))} "
            f"(sau đây gọi là Kế hoạch), {s.subject} {s.verb} các cơ quan, đơn vị triển khai "
            "thực hiện một số nội dung sau:"
        ],
        "requests": [
            "1. Căn cứ chức năng, nhiệm vụ và các nhiệm vụ được phân công tại Phụ lục kèm theo "
            "Kế hoạch, chủ động xây dựng kế hoạch hoặc lồng ghép nội dung thực hiện vào chương "
            "trình, kế hoạch công tác hằng năm của cơ quan, đơn vị; tổ chức thực hiện đầy đủ, "
            "đúng thời hạn các nhiệm vụ được giao.",
            "2. Tăng cường phối hợp giữa các cơ quan, đơn vị trong triển khai các nhiệm vụ có "
            "liên quan; kịp thời đề xuất điều chỉnh, bổ sung nhiệm vụ khi cần thiết.",
            f"3. Định kỳ báo cáo kết quả thực hiện về {reporting['collector']} trước ngày "
            f"{reporting['day']} hằng năm để tổng hợp, báo cáo {reporting['compiler_to']}.",
        ],
        "closing": f"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan, "
        f"đơn vị phản ánh về {reporting['collector']} để tổng hợp, báo cáo "
        f"{reporting['compiler_to']} xem xét, giải quyết./.",
    }


def _assign(s: LetterSetup, agency_id: str | None) -> dict[str, Any]:
    work = _agency_tasks(s, agency_id)
    name = work.agency.name
    sections = []
    if work.lead:
        sections.append(("Nhiệm vụ chủ trì thực hiện", [_lead_item(s, t) for t in work.lead]))
    if work.support:
        supported = [_support_item(s, t) for t in work.support]
        sections.append(("Nhiệm vụ phối hợp thực hiện", supported))
    sections.append(("Chế độ báo cáo", [_report_duty(s, work.agency)]))
    return {
        "vv": f"giao nhiệm vụ thực hiện {s.plan_ref}",
        "to": [work.agency],
        "intro": [
            f"Thực hiện {s.plan_ref_full} về {_lower_first(_trich_yeu(s))}, "
            f"{s.subject} {s.verb} {name} thực hiện các nhiệm vụ sau:"
        ],
        "sections": _number_sections(sections),
        "closing": f"Đề nghị {name} quan tâm, tổ chức thực hiện./.",
    }


def _remind(s: LetterSetup, agency_id: str | None) -> dict[str, Any]:
    work = _agency_tasks(s, agency_id)
    name = work.agency.name
    as_of = _as_of(s)
    overdue: list[str] = []
    due: list[str] = []
    for task, due_date in due_tasks(s, work):
        item = _due_item(s, work, task, due_date)
        (overdue if due_date < as_of else due).append(item)
    sections = []
    if overdue:
        sections.append(("Nhiệm vụ đã quá hạn", overdue))
    if due:
        sections.append(("Nhiệm vụ đến hạn", due))
    reporting = _reporting(s)
    reply_by = vn.short_date(as_of + dt.timedelta(days=15))
    return {
        "vv": f"đôn đốc thực hiện nhiệm vụ tại {s.plan_ref}",
        "to": [work.agency],
        "intro": [
            f"Theo {s.plan_ref_full}, {name} được giao chủ trì, phối hợp thực hiện "
            f"một số nhiệm vụ. Tính đến ngày {vn.short_date(as_of)}, các nhiệm vụ sau đã đến "
            "hạn hoặc quá hạn hoàn thành:"
        ],
        "sections": _number_sections(sections),
        "closing": f"{s.subject} {s.verb} {name} khẩn trương hoàn thành các nhiệm vụ trên; báo "
        "cáo kết quả thực hiện (nêu rõ kết quả, sản phẩm, khó khăn, vướng mắc và nguyên nhân) "
        f"về {reporting['collector']} trước ngày {reply_by}./.",
    }


def _request_report(s: LetterSetup, agency_id: str | None) -> dict[str, Any]:
    work = _agency_tasks(s, agency_id)
    name = work.agency.name
    year = s.options.year or s.options.date.year
    reporting = _reporting(s)
    regime = s.content.plan.organization.reporting
    deadline = vn.short_date(dt.date(year, regime.month, regime.day))
    return {
        "vv": f"báo cáo kết quả thực hiện {s.plan_ref} năm {year}",
        "to": [work.agency],
        "intro": [
            f"Thực hiện chế độ báo cáo tại {s.plan_ref_full}, để có cơ sở tổng hợp, "
            f"báo cáo {reporting['compiler_to']} kết quả thực hiện Kế hoạch năm {year}, "
            f"{s.subject} {s.verb} {name} báo cáo kết quả thực hiện các nhiệm vụ được giao "
            f"({len(work.lead)} nhiệm vụ chủ trì, {len(work.support)} nhiệm vụ phối hợp) theo "
            "Đề cương tại Phụ lục kèm theo."
        ],
        "requests": [
            f"Số liệu báo cáo tính từ ngày 15/12/{year - 1} đến ngày 14/12/{year}.",
            f"Báo cáo gửi về {reporting['collector']} trước ngày {deadline}.",
        ],
        "closing": f"Đề nghị {name} quan tâm, phối hợp thực hiện./.",
        "appendix": _outline(s, work, year),
    }


# --- pieces --------------------------------------------------------------------------------


def _frame(s: LetterSetup, vv: str, to: list[Agency]) -> dict[str, Any]:
    """Header, Kính gửi, signature and Nơi nhận of a công văn (Mẫu 1.5)."""
    opts = s.options
    number = None if opts.draft else opts.number
    header = common.header_context(
        s.issuer, "cong-van", number, opts.date, s.content.plan.document.place,
        unit=s.settings.unit, vv=vv,
    )
    addressed = {a.id for a in to}
    # "Như trên" already covers the addressees; do not list one of them again.
    others = [r for r in s.settings.recipients if r.agency not in addressed]
    return {
        "header": header,
        "kinh_gui": _kinh_gui([a.name for a in to]),
        "signature": common.signature_context(s.settings.signature),
        "noi_nhan": ["- Như trên;", *common.recipient_lines(others, s.content.registry)],
        "luu": common.filing_line(s.settings.filing),
    }


def _kinh_gui(names: list[str]) -> dict[str, Any]:
    if len(names) == 1:
        return {"single": f"{names[0]}.", "lines": []}
    lines = [f"- {n};" for n in names]
    lines[-1] = lines[-1][:-1] + "."
    return {"single": "", "lines": lines}


def _number_sections(sections: list[tuple[str, list[str]]]) -> list[dict[str, Any]]:
    return [
        {"heading": f"{i}. {title}", "paragraphs": _lettered(items)}
        for i, (title, items) in enumerate(sections, 1)
    ]


def _lettered(items: list[str]) -> list[str]:
    """``a) …``, ``b) …`` (Vietnamese điểm letters); a single item stands alone; dashes past 23."""
    if len(items) == 1:
        return items
    if len(items) <= len(vn.DIEM_LETTERS):
        return [f"{vn.diem_letter(i)}) {text}" for i, text in enumerate(items, 1)]
    return [f"- {text}" for text in items]


def _lead_item(s: LetterSetup, task: Task) -> str:
    support = _names(s, task.support, task.support_text)
    text = f"{_sentence(task.name)} (nhiệm vụ {task.id} tại Phụ lục Kế hoạch)."
    if support:
        text += f" Cơ quan phối hợp: {support}."
    return text + f" Thời gian hoàn thành: {task.deadline.text}. Sản phẩm: {task.product}."


def _support_item(s: LetterSetup, task: Task) -> str:
    lead = s.name_of(task.lead)
    return (
        f"{_sentence(task.name)} (nhiệm vụ {task.id}; cơ quan chủ trì: {lead}). "
        f"Thời gian hoàn thành: {task.deadline.text}."
    )


def _due_item(s: LetterSetup, work: AgencyTasks, task: Task, due_date: dt.date) -> str:
    role = "chủ trì" if task in work.lead else "phối hợp"
    as_of = _as_of(s)
    if due_date < as_of:
        status = f"quá hạn {(as_of - due_date).days} ngày"
    else:
        status = f"đến hạn ngày {vn.short_date(due_date)}"
    return (
        f"{_sentence(task.name)} (nhiệm vụ {task.id}, {role}; thời gian hoàn thành: "
        f"{task.deadline.text}; {status})."
    )


def _report_duty(s: LetterSetup, agency: Agency) -> str:
    reporting = _reporting(s)
    if agency.id == s.content.plan.organization.reporting.reporters_to:
        return (
            f"Tổng hợp kết quả thực hiện Kế hoạch, báo cáo {reporting['compiler_to']} trước "
            f"ngày {reporting['compile_day']} hằng năm."
        )
    return (
        f"Báo cáo kết quả thực hiện các nhiệm vụ trên về {reporting['collector']} trước ngày "
        f"{reporting['day']} hằng năm để tổng hợp, báo cáo {reporting['compiler_to']}."
    )


def due_tasks(s: LetterSetup, work: AgencyTasks) -> list[tuple[Task, dt.date]]:
    """Tasks of *work* due within the window or overdue on the as-of date, with due dates."""
    as_of = _as_of(s)
    horizon = as_of + dt.timedelta(days=DUE_WINDOW_DAYS)
    found = []
    for task in [*work.lead, *work.support]:
        due = _due_date(s, task, as_of)
        if due is not None and due <= horizon:
            found.append((task, due))
    return found


def _due_date(s: LetterSetup, task: Task, as_of: dt.date) -> dt.date | None:
    deadline = task.deadline
    if deadline.kind == "regular":
        return None
    if deadline.kind == "annual":
        regime = s.content.plan.organization.reporting
        return dt.date(as_of.year, regime.month, regime.day)
    return deadline.due


def _outline(s: LetterSetup, work: AgencyTasks, year: int) -> dict[str, Any]:
    """Đề cương báo cáo (the appendix of the report request)."""
    header = common.header_context(
        s.issuer, "cong-van", None if s.options.draft else s.options.number, s.options.date,
        s.content.plan.document.place, unit=s.settings.unit,
    )
    number = vn.number_symbol(header["number"], header["symbol"])
    when = vn.long_date(s.options.date)
    task_lines = [
        f"- Nhiệm vụ {t.id} ({'chủ trì' if t in work.lead else 'phối hợp'}): "
        f"{_sentence(t.name)}: kết quả, sản phẩm, tiến độ so với thời hạn ({t.deadline.text})."
        for t in [*work.lead, *work.support]
    ]
    sections = [
        ("I. KẾT QUẢ THỰC HIỆN", [
            "1. Công tác lãnh đạo, chỉ đạo, tuyên truyền, quán triệt.",
            "2. Kết quả thực hiện các nhiệm vụ được giao:",
            *task_lines,
            "3. Đánh giá chung.",
        ]),
        ("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", [
            "1. Tồn tại, hạn chế.",
            "2. Nguyên nhân (khách quan, chủ quan).",
        ]),
        (f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}", [
            "Nêu nhiệm vụ, giải pháp trọng tâm; tiến độ các nhiệm vụ chưa hoàn thành.",
        ]),
        ("IV. ĐỀ XUẤT, KIẾN NGHỊ", [
            "Đối với Trung ương, các bộ, ngành; đối với UBND tỉnh./.",
        ]),
    ]
    return {
        "label": "Phụ lục",
        # The plan's number is in the letter; without it the title fits one line.
        "title": vn.upper_vi(f"Đề cương báo cáo kết quả thực hiện Kế hoạch năm {year}"),
        "reference": f"(Kèm theo Công văn số {number} {when} của {s.issuer.name})",
        "sections": [{"heading": h, "paragraphs": p} for h, p in sections],
    }


def _reporting(s: LetterSetup) -> dict[str, str]:
    regime = s.content.plan.organization.reporting
    return {
        "collector": s.name_of(regime.reporters_to),
        "compiler_to": s.name_of(regime.compiler_to),
        "day": vn.day_month(regime.day, regime.month),
        "compile_day": vn.day_month(regime.compile_day, regime.compile_month),
    }


def _names(s: LetterSetup, ids: tuple[str, ...], extra: str | None) -> str:
    names = list(dict.fromkeys(s.name_of(a) for a in ids))
    if extra:
        names.append(extra)
    return "; ".join(names)


def _agency_tasks(s: LetterSetup, agency_id: str | None) -> AgencyTasks:
    work = s.tasks[resolve_recipient(s, agency_id or "")]
    if s.kind == "don-doc" and not due_tasks(s, work):
        raise UsageError(Problem(
            Location(place=T("tùy chọn --agency", "option --agency")),
            T("cơ quan không có nhiệm vụ đến hạn hoặc quá hạn; không cần công văn đôn đốc",
              "the agency has no task due or overdue; no reminder is needed"),
            found=agency_id, expected=T("một trong: {k}", "one of: {k}",
                                        k=", ".join(recipients(s)) or "—"),
        ))
    return work


def _as_of(s: LetterSetup) -> dt.date:
    return s.options.as_of or s.options.date


def _trich_yeu(s: LetterSetup) -> str:
    return s.content.plan.document.trich_yeu


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _sentence(text: str) -> str:
    return text.rstrip(" .;")
