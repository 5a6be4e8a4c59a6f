"""Đề cương báo cáo: the outline appended to a report request.

It lists the tasks the agency leads and supports in the reporting year; a
one-off task an earlier report said was done is left out (nothing more to
report on it).
"""

from __future__ import annotations

from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.model import Task
from lsdocs.documents import letter_words as w
from lsdocs.documents import shared_parts
from lsdocs.documents.assignments import AgencyTasks
from lsdocs.documents.letter_setup import LetterSetup
from lsdocs.progress.year_status import latest_state


def outline(s: LetterSetup, work: AgencyTasks, year: int) -> dict[str, Any]:
    """The appendix context: heading, reference to the letter, sections I–IV."""
    header = shared_parts.header_context(
        s.issuer, "cong-van", None if s.options.draft else s.options.number, s.options.date,
        s.content.plan.document.place, unit=s.settings.unit,
    )
    number = vn.number_symbol(header["number"], header["symbol"])
    when = vn.long_date(s.options.date)
    tasks = [t for t in [*work.lead, *work.support] if not _done_before(s, t, year)]
    task_lines = [
        f"- Nhiệm vụ {t.id} ({'chủ trì' if t in work.lead else 'phối hợp'}; thời hạn: "
        f"{w.deadline_text(t)}): {w.sentence(t.name)}."
        for t in tasks
    ]
    sections = [
        ("I. KẾT QUẢ THỰC HIỆN", [
            "1. Công tác lãnh đạo, chỉ đạo, tuyên truyền, quán triệt.",
            "2. Kết quả thực hiện từng nhiệm vụ được giao (kết quả, sản phẩm, tiến độ so với "
            "thời hạn):" if tasks else "2. Kết quả thực hiện các nhiệm vụ được giao.",
            *task_lines,
            "3. Đánh giá chung.",
        ]),
        ("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", [
            "Tồn tại, hạn chế; nguyên nhân (khách quan, chủ quan).",
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


def _done_before(s: LetterSetup, task: Task, year: int) -> bool:
    if s.progress is None or task.deadline.kind in ("annual", "regular"):
        return False
    found = latest_state(s.progress, task.id, year - 1)
    return found is not None and found[1].state == "hoan-thanh"
