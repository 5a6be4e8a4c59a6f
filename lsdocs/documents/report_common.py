"""What the agency report and the consolidated report share.

Both are báo cáo (Mẫu 1.4) sent upward, about one reporting year of a plan,
computed from one :class:`~lsdocs.progress.year_status.YearStatus` so the text,
the annex table and the chart say the same numbers.  Sections are lists of
``{kind, text}`` items (see ``tools/templatekit/reports.py``); the helpers here
number them so that no heading stands without content and no lone ``1.`` or
``a)`` is printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.model import Agency, Content
from lsdocs.progress.records import ProductDocument, TaskProgress
from lsdocs.progress.year_status import Counts, TaskYear, YearStatus

REPORT_TYPE = "bao-cao"
REPORT_TYPE_NAME = "Báo cáo"
NONE_TEXT = "Không có."

Item = dict[str, str]
Part = tuple[str, list[Item]]


# --- numbers -------------------------------------------------------------------------------


def count(n: int) -> str:
    """A count as clerks write it in running text: ``05``, ``12``, ``1.234``."""
    return vn.format_count(n)


def percent(part: int, whole: int) -> str:
    """``66,7%``: one decimal, rounded half up, no trailing ``,0``."""
    value = Decimal(part * 100) / Decimal(whole) if whole else Decimal(0)
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    return vn.format_percent(rounded)


def tasks(n: int) -> str:
    return f"{count(n)} nhiệm vụ"


# --- outline -------------------------------------------------------------------------------


def body(texts: Iterable[str]) -> list[Item]:
    return [{"kind": "body", "text": t} for t in texts if t]


def numbered(parts: Sequence[Part]) -> list[Item]:
    """``1. title`` headings over their items; a single part is printed without one."""
    return _headed(parts, "khoan", lambda i: f"{i}.")


def lettered(parts: Sequence[Part]) -> list[Item]:
    """``a) title`` headings over their items; a single part is printed without one."""
    return _headed(parts, "diem", lambda i: f"{vn.diem_letter(i)})")


def _headed(parts: Sequence[Part], kind: str, mark: Any) -> list[Item]:
    kept = [(title, items) for title, items in parts if items]
    if len(kept) == 1:
        return kept[0][1]
    out: list[Item] = []
    for i, (title, items) in enumerate(kept, 1):
        out.append({"kind": kind, "text": f"{mark(i)} {title}"})
        out += items
    return out


def or_none(items: list[Item]) -> list[Item]:
    """A section a report must answer: ``Không có.`` when there is nothing to say."""
    return items or body([NONE_TEXT])


# --- plan and period -----------------------------------------------------------------------


def plan_ref(content: Content) -> str:
    """``Kế hoạch số 182/KH-UBND ngày 06/9/2023 của UBND tỉnh``."""
    doc = content.plan.document
    issuer = content.registry.get(doc.issuer)
    symbol = vn.document_symbol("ke-hoach", issuer.symbol or "")
    when = f" ngày {vn.short_date(doc.date)}" if doc.date else ""
    return f"Kế hoạch số {vn.number_symbol(doc.number, symbol)}{when} của {issuer.short_name}"


def trich_yeu(content: Content, year: int) -> str:
    return f"Kết quả thực hiện {plan_ref(content)} năm {year}"


def basis(content: Content, year: int, subject: str, extra: str = "") -> str:
    """``Thực hiện Kế hoạch …; <subject> báo cáo kết quả thực hiện năm Y như sau:``."""
    about = lower_first(content.plan.document.trich_yeu.rstrip(" ."))
    return (f"Thực hiện {plan_ref(content)} về {about}; {extra}{subject} báo cáo kết quả "
            f"thực hiện Kế hoạch năm {year} như sau:")


def period_sentence(status: YearStatus) -> str:
    return (f"Số liệu báo cáo tính từ ngày {vn.short_date(status.period_start)} đến ngày "
            f"{vn.short_date(status.period_end)}.")


def date_of(date: dt.date | None) -> str:
    """The report's date in a citation; a draft leaves day and month blank."""
    return vn.long_date(date) if date else vn.draft_long_date()


# --- tasks ---------------------------------------------------------------------------------


def state_text(item: TaskYear, as_of: dt.date) -> str:
    """The Tình trạng cell: ``Đã hoàn thành đúng hạn``, ``Đang thực hiện (quá hạn)`` …"""
    if item.done:
        if item.done_before is not None:
            return f"Đã hoàn thành năm {item.done_before}"
        return "Đã hoàn thành đúng hạn" if item.on_time else "Đã hoàn thành, chậm so với thời hạn"
    text = {"dang-thuc-hien": "Đang thực hiện", "chua-trien-khai": "Chưa triển khai"}.get(
        item.state or "", "Chưa có báo cáo")
    return f"{text} (quá hạn)" if item.overdue(as_of) else text


def product_citation(product: ProductDocument, content: Content) -> str:
    """``Kế hoạch số 125/KH-SNN ngày 15/3/2024 về …``."""
    name = vn.TYPE_CODES[product.doc_type].name if product.doc_type in vn.TYPE_CODES else "Văn bản"
    text = f"{name} số {product.number} ngày {vn.short_date(product.date)}"
    if product.issuer and product.issuer in content.registry:
        text += f" của {content.registry.get(product.issuer).name}"
    if product.trich_yeu:
        text += f" {_about(product.trich_yeu)}"
    return text


def _about(trich_yeu: str) -> str:
    """A trích yếu after the document it names: ``về …``, never ``về về việc …``.

    >>> _about("Về việc giao dự toán năm 2026"), _about("V/v triển khai Kế hoạch")
    ('về việc giao dự toán năm 2026', 'về việc triển khai Kế hoạch')
    >>> _about("Ban hành Quy chế")
    'về ban hành Quy chế'
    """
    about = lower_first(trich_yeu.strip().rstrip(" ."))
    if about[:4].lower() == "v/v ":
        return f"về việc {about[4:].lstrip()}"
    return about if about.startswith("về ") else f"về {about}"


def result_text(progress: TaskProgress | None, content: Content) -> str:
    """What was done and the documents it produced, as one cell or sentence."""
    if progress is None:
        return ""
    parts = [sentence(progress.result)] if progress.result else []
    if progress.products:
        cited = "; ".join(product_citation(p, content) for p in progress.products)
        parts.append(f"Sản phẩm: {cited}.")
    return " ".join(parts)


def note_text(progress: TaskProgress | None) -> str:
    if progress is None:
        return ""
    labelled = [("Khó khăn", progress.difficulties), ("Nguyên nhân", progress.causes),
                ("Đề xuất", progress.proposals)]
    return " ".join(f"{label}: {sentence(text)}" for label, text in labelled if text)


def annex_rows(items: Sequence[TaskYear], status: YearStatus, *,
               with_lead: bool) -> list[dict[str, Any]]:
    """Group rows (Roman numerals), task rows, and the summary row of the result annex."""
    rows: list[dict[str, Any]] = []
    group = None
    for item in items:
        if item.group is not group:
            group = item.group
            rows.append({"label": f"{vn.roman(item.group_number)}. {item.group.title}"})
        result = result_text(item.progress, status.content)
        deadline = lower_first(item.task.deadline.text)
        row = {"label": "", "number": item.task.id,
               "name": f"{item.task.name.rstrip(' .;')} (thời hạn: {deadline})",
               "result": result, "state": state_text(item, status.as_of),
               "note": note_text(item.progress)}
        if with_lead:
            row["lead"] = item.reporter.name + taken_over(item, status.content)
        rows.append(row)
    rows.append({"label": total_label(_counts(items, status.as_of))})
    return rows


def total_label(c: Counts) -> str:
    """The summary row: ``Tổng cộng: 20 nhiệm vụ; đã hoàn thành 05 …``."""
    parts = [f"Tổng cộng: {tasks(c.total)}", *state_parts(c, with_percent=False)]
    if c.overdue:
        parts.append(f"quá hạn {tasks(c.overdue)}")
    return "; ".join(parts) + "."


def state_parts(c: Counts, *, with_percent: bool = True) -> list[str]:
    """``đã hoàn thành 05 nhiệm vụ (25%), …`` for each non-zero state, in a fixed order."""

    def share(n: int) -> str:  # "01 of 01 (100%)" is not what a clerk writes
        return f" ({percent(n, c.total)})" if with_percent and n != c.total else ""

    parts = []
    if c.done:
        parts.append(f"đã hoàn thành {tasks(c.done)}{share(c.done)}{_timeliness(c)}")
    if c.in_progress:
        parts.append(f"đang thực hiện {tasks(c.in_progress)}{share(c.in_progress)}")
    if c.not_started:
        parts.append(f"chưa triển khai {tasks(c.not_started)}{share(c.not_started)}")
    if c.not_reported:
        parts.append(f"chưa có báo cáo {tasks(c.not_reported)}{share(c.not_reported)}")
    return parts


def _timeliness(c: Counts) -> str:
    if not c.done_late:
        return ", đúng hạn" if c.done == 1 else ", đều đúng hạn"
    if not c.done_on_time:
        return ", chậm so với thời hạn"
    return (f", trong đó {count(c.done_on_time)} đúng hạn, {count(c.done_late)} chậm so với "
            "thời hạn")


def _counts(items: Iterable[TaskYear], as_of: dt.date) -> Counts:
    c = Counts()
    for item in items:
        c = c.add(item, as_of)
    return c


def counts_sentence(c: Counts) -> str:
    """Counts of one row (a group, an agency) as a clause, with the due and overdue figures."""
    parts = [counts_head(c), *state_parts(c)]
    if c.overdue:
        parts.append(f"quá hạn {tasks(c.overdue)}")
    return "; ".join(parts)


def counts_head(c: Counts) -> str:
    """``05 nhiệm vụ (02 nhiệm vụ đến hạn trong năm)``."""
    head = tasks(c.total)
    if c.due and c.due != c.total:
        head += f" ({count(c.due)} nhiệm vụ đến hạn trong năm)"
    elif c.due:
        head += " (đều đến hạn trong năm)" if c.total > 1 else " (đến hạn trong năm)"
    return head


def taken_over(item: TaskYear, content: Content) -> str:
    """`` (tiếp nhận nhiệm vụ của Sở …)`` when the plan gave the task to a former agency."""
    if item.task.lead == item.reporter.id or item.task.lead not in content.registry:
        return ""
    return f" (tiếp nhận nhiệm vụ của {content.registry.get(item.task.lead).name})"


def task_ref(item: TaskYear) -> str:
    return f"nhiệm vụ {item.task.id}"


def agency_names(agencies: Iterable[Agency]) -> str:
    return ", ".join(a.name for a in agencies)


# --- text ----------------------------------------------------------------------------------


def sentence(text: str) -> str:
    """A sentence that ends with one full stop."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else text.rstrip(" ;,") + "."


def lower_first(text: str) -> str:
    """Lower the first letter unless the first word is an abbreviation (``UBND``)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def closing(status: YearStatus, subject: str | None, ending: str) -> str:
    """``Trên đây là báo cáo kết quả thực hiện Kế hoạch … năm Y[ của X], <ending>./.``."""
    whose = f" của {subject}" if subject else ""
    return (f"Trên đây là báo cáo kết quả thực hiện {plan_ref(status.content)} năm "
            f"{status.year}{whose}, {ending}./.")
