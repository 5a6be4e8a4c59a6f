"""Kế hoạch: the plan itself, with its assignment appendix."""

from __future__ import annotations

from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.model import Content, Plan, Registry, ReportingRegime, Task
from lsdocs.documents import shared_parts
from lsdocs.errors import T, Text

PLAN_TYPE = "ke-hoach"
PLAN_TYPE_NAME = "Kế hoạch"

ORGANIZATION_INTRO = (
    "Căn cứ nhiệm vụ được phân công tại Kế hoạch này và Phụ lục kèm theo, các cơ quan, "
    "đơn vị chủ động xây dựng kế hoạch, tổ chức triển khai thực hiện; cụ thể như sau:"
)


def plan_context(content: Content) -> dict[str, Any]:
    """Everything ``templates/ke-hoach.docx`` needs, as plain values."""
    plan, registry = content.plan, content.registry
    doc = plan.document
    issuer = registry.get(doc.issuer)
    header = shared_parts.header_context(issuer, PLAN_TYPE, doc.number, doc.date, doc.place,
                                   draft_year=doc.draft_year)
    return {
        "header": header,
        "trich_yeu": doc.trich_yeu,
        "preamble": list(plan.preamble),
        "purposes": {"muc_dich": list(plan.purposes), "yeu_cau": list(plan.requirements)},
        "objectives": [
            {"number": i, "title": o.title, "paragraphs": [item.text for item in o.items]}
            for i, o in enumerate(plan.objectives, 1)
        ],
        "task_groups": [
            {"number": i, "title": g.title, "paragraphs": list(g.paragraphs)}
            for i, g in enumerate(plan.task_groups, 1)
        ],
        "organization": organization_context(plan, registry),
        "signature": shared_parts.signature_context(doc.signature),
        "noi_nhan": shared_parts.recipient_lines(doc.recipients, registry),
        "luu": shared_parts.filing_line(doc.filing),
        "appendix": appendix_context(content, header["symbol"]),
    }


def organization_context(plan: Plan, registry: Registry) -> dict[str, Any]:
    """Section IV: one khoản per agency, then the reporting regime, then the closing."""
    org = plan.organization
    sections: list[dict[str, Any]] = [
        {
            "title": r.title or registry.get(r.agency).name,
            "paragraphs": list(r.paragraphs),
        }
        for r in org.responsibilities
    ]
    sections.append(
        {
            "title": "Chế độ thông tin, báo cáo",
            "paragraphs": [reporting_text(org.reporting, registry)],
        }
    )
    for number, section in enumerate(sections, 1):
        section["number"] = number
    return {
        "intro": [ORGANIZATION_INTRO],
        "sections": sections,
        "closing": closing_text(org.closing),
    }


def reporting_text(regime: ReportingRegime, registry: Registry) -> str:
    """The yearly reporting chain, in one sentence."""
    collector = registry.get(regime.reporters_to).name
    compiler_to = registry.get(regime.compiler_to).name
    text = (
        f"Các cơ quan, đơn vị được giao nhiệm vụ tại Kế hoạch này báo cáo kết quả thực hiện "
        f"về {collector} trước ngày {vn.day_month(regime.day, regime.month)} hằng năm; "
        f"{collector} tổng hợp, báo cáo {compiler_to} trước ngày "
        f"{vn.day_month(regime.compile_day, regime.compile_month)} hằng năm"
    )
    if regime.also_to:
        others = ", ".join(registry.get(a).name for a in regime.also_to)
        text += f" và {others} theo quy định"
    return text + "."


def closing_text(closing: str) -> str:
    """The last body paragraph ends with ``./.`` (nd30-format.md §3.7)."""
    return closing.rstrip(" .") + "./."


def appendix_context(content: Content, symbol: str) -> dict[str, Any]:
    """The assignment appendix: heading lines and table rows (groups and tasks)."""
    plan, registry = content.plan, content.registry
    doc = plan.document
    issuer = registry.get(doc.issuer)
    number = vn.number_symbol(doc.number, symbol)
    return {
        "label": "Phụ lục",
        "title": vn.upper_vi(f"Phân công nhiệm vụ thực hiện Kế hoạch số {number}"),
        "reference": "(Kèm theo "
        f"{shared_parts.citation(PLAN_TYPE_NAME, number, doc.date, issuer, doc.draft_year)})",
        "rows": assignment_rows(plan, registry),
    }


def assignment_rows(plan: Plan, registry: Registry) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i, group in enumerate(plan.task_groups, 1):
        rows.append({"group": True, "label": f"{vn.roman(i)}. {group.title}"})
        rows.extend(task_row(task, registry) for task in group.tasks)
    return rows


def task_row(task: Task, registry: Registry) -> dict[str, Any]:
    """One task's row.  Its STT (``number``) is the task's id: letters, reminders and
    reports cite «nhiệm vụ 2.4 tại Phụ lục Kế hoạch», so the Phụ lục must print 2.4."""
    return {
        "group": False,
        "id": task.id,
        "number": task.id,
        "name": task.name,
        "lead": registry.get(task.lead).name,
        "support": support_text(task, registry),
        "deadline": task.deadline.text,
        "product": task.product,
    }


def support_text(task: Task, registry: Registry) -> str:
    # The lead is never its own coordinator; validate warns when content says so.
    names = [registry.get(a).name for a in dict.fromkeys(task.support) if a != task.lead]
    if task.support_text:
        names.append(task.support_text)
    return "; ".join(names)


def illustrative_parts(plan: Plan) -> list[Text]:
    """Which parts are illustrative, for the document properties and the CLI."""
    parts = []
    if plan.preamble_source == "illustrative":
        parts.append(T("phần mở đầu"))
    groups = [f"III.{i}" for i, g in enumerate(plan.task_groups, 1) if g.source == "illustrative"]
    parts += [Text(group, group) for group in groups]
    if plan.organization.source == "illustrative":
        parts.append(Text("IV", "IV"))
    if any(t.source == "illustrative" for t in plan.tasks):
        parts.append(T("Phụ lục phân công"))
    if plan.document.recipients_source == "illustrative":
        parts.append(T("Nơi nhận"))
    return parts


def illustrative_note(plan: Plan) -> str:
    """:func:`illustrative_parts` in Vietnamese, for the document properties."""
    return ", ".join(part.vi for part in illustrative_parts(plan))
