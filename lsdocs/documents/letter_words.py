"""Phrases every letter shares: the plan citation, the reporting chain, tasks as items.

Each phrase knows who writes: an agency never tells a reader to report to the
reader itself, and UBND tỉnh never writes "báo cáo UBND tỉnh" of itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.model import Agency, Task
from lsdocs.documents.lateness import overdue_phrase
from lsdocs.documents.letter_setup import LetterSetup


@dataclass(frozen=True)
class Chain:
    """The plan's reporting chain as it stands on the letter's date."""

    collector: Agency  # receives the agencies' reports (Sở KH&CN)
    compiler_to: Agency  # receives the compiled report (UBND tỉnh)
    also_to: tuple[Agency, ...]  # further recipients of the compiled report (Bộ KH&CN)
    day: str  # "15/12"
    compile_day: str  # "25/12"


#: A last section of at most this many paragraphs is kept with the signature.
KEEP_WITH_SIGNATURE = 2


def chain(s: LetterSetup) -> Chain:
    found = s.shared(Chain, lambda: _chain(s))
    s.resolver.raise_problems()  # as looking its agencies up again would
    return found


def _chain(s: LetterSetup) -> Chain:
    regime = s.content.plan.organization.reporting
    return Chain(
        collector=_current(s, regime.reporters_to),
        compiler_to=_current(s, regime.compiler_to),
        also_to=tuple(_current(s, a) for a in regime.also_to),
        day=vn.day_month(regime.day, regime.month),
        compile_day=vn.day_month(regime.compile_day, regime.compile_month),
    )


def _current(s: LetterSetup, agency_id: str) -> Agency:
    found = s.resolver.current(agency_id)
    s.resolver.raise_problems()
    return found if found is not None else s.content.registry.get(agency_id)


def plan_citation(s: LetterSetup) -> str:
    """The plan as the writer cites it: its own plan without "của UBND tỉnh"."""
    return s.plan_ref if s.issuer.id == s.content.plan.document.issuer else s.plan_ref_full


def plan_basis(s: LetterSetup, directs: bool) -> str:
    """The opening basis: ``Thực hiện Kế hoạch …`` or, relayed, ``Thực hiện chỉ đạo của …``."""
    return s.shared((plan_basis, directs), lambda: _plan_basis(s, directs))


def _plan_basis(s: LetterSetup, directs: bool) -> str:
    plan_issuer = s.content.registry.get(s.content.plan.document.issuer)
    about = f"về {_lower_first(s.content.plan.document.trich_yeu)}"
    if directs or s.issuer.id == plan_issuer.id:
        return f"Thực hiện {plan_citation(s)} {about}"
    return f"Thực hiện chỉ đạo của {plan_issuer.short_name} tại {s.plan_ref} {about}"


def compile_purpose(s: LetterSetup, c: Chain) -> str:
    """Why the collector gathers the reports, as this writer may say it."""
    if s.issuer.id == c.compiler_to.id:
        return "để tổng hợp, báo cáo theo quy định"
    return f"để tổng hợp, báo cáo {c.compiler_to.name}"


def report_duty(s: LetterSetup, agency: Agency) -> str:
    """The yearly reporting duty of *agency* (the collector compiles instead)."""
    c = chain(s)
    if agency.id == c.collector.id:
        also = "; ".join(a.name for a in c.also_to)
        to = "" if s.issuer.id == c.compiler_to.id else f" {c.compiler_to.name}"
        text = (f"Tổng hợp kết quả thực hiện Kế hoạch của các cơ quan, đơn vị, báo cáo{to} "
                f"trước ngày {c.compile_day} hằng năm")
        return text + (f"; đồng thời báo cáo {also} theo quy định." if also else ".")
    return (f"Báo cáo kết quả thực hiện các nhiệm vụ trên về {c.collector.name} trước ngày "
            f"{c.day} hằng năm {compile_purpose(s, c)}.")


def coordinators(s: LetterSetup, task: Task) -> str:
    """The task's coordinators on the letter's date, without its lead; "" when none remain.

    After the 2025 mergers several 2023 coordinators may be one agency, or
    the lead itself: each current agency is named once and never the lead.
    """
    lead = _current(s, task.lead).id
    names = list(dict.fromkeys(
        _current(s, a).name for a in task.support if _current(s, a).id != lead))
    if task.support_text:
        names.append(task.support_text)
    return "; ".join(names)


def deadline_text(task: Task) -> str:
    """The deadline as it reads inside a sentence: ``quý II/2024``, ``hằng năm``."""
    return _lower_first(task.deadline.text)


def past_due_note(due: dt.date | None, on: dt.date) -> str:
    """`` (đã quá hạn hơn 2 năm)`` for a deadline before *on*, else ""."""
    if due is None or due >= on:
        return ""
    return f" ({overdue_phrase(due, on)})"


def count_phrase(lead: int, support: int) -> str:
    """``01 nhiệm vụ chủ trì, 02 nhiệm vụ phối hợp`` without the zero parts (as reports count)."""
    parts = [f"{vn.format_count(n)} nhiệm vụ {role}"
             for n, role in ((lead, "chủ trì"), (support, "phối hợp")) if n]
    return ", ".join(parts)


def sentence(text: str) -> str:
    return text.rstrip(" .;")


def _lower_first(text: str) -> str:
    # Only a capitalised first word is lowered: "Quý II/2024", never "II" or "UBND".
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower() or len(first) == 1:
        return text[:1].lower() + text[1:]
    return text


def number_sections(sections: list[tuple[str, list[str]]]) -> list[dict[str, Any]]:
    """``1. Title`` khoản with their items; never a lone ``1.`` (one section has no number)."""
    last = len(sections)
    return [
        {"heading": f"{i}. {title}" if last > 1 else title, "paragraphs": lettered(items),
         # A short last section goes with the closing and the signature to the next page.
         "keep": i == last and len(items) <= KEEP_WITH_SIGNATURE}
        for i, (title, items) in enumerate(sections, 1)
    ]


def lettered(items: list[str]) -> list[str]:
    """``a) …``, ``b) …`` (Vietnamese điểm letters); a single item stands alone; dashes past 23."""
    if len(items) == 1:
        return items
    if len(items) <= len(vn.DIEM_LETTERS):
        return [f"{vn.diem_letter(i)}) {text}" for i, text in enumerate(items, 1)]
    return [f"- {text}" for text in items]
