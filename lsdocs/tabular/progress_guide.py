"""The «Hướng dẫn» sheet of a progress workbook: what a clerk of the agency reads first."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from lsdocs import vnformat as vn
from lsdocs.content.model import Content, Target
from lsdocs.progress.records import STATE_LABELS
from lsdocs.tabular.progress_sheets import (
    INFO_SHEET,
    PRODUCT_SHEET,
    TARGET_SHEET,
    TASK_SHEET,
)

if TYPE_CHECKING:
    from lsdocs.tabular.progress_workbook import Sheet


def guide_lines(sheet: Sheet) -> list[tuple[str, bool]]:
    """(text, bold) lines, the first one the title."""
    status, agency = sheet.status, sheet.agency
    year = status.year
    regime = sheet.content.plan.organization.reporting
    deadline = vn.short_date(dt.date(year, regime.month, regime.day))
    start, end = vn.short_date(status.period_start), vn.short_date(status.period_end)
    symbol = agency.symbol or "SKHCN"
    tasks = sheet.tasks
    taken_over = sorted({sheet.content.registry.get(t.task.lead).name for t in tasks
                         if t.task.lead != agency.id})
    lines: list[tuple[str, bool]] = [
        (f"HƯỚNG DẪN ĐIỀN BẢNG BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM {year}", True),
        (f"Kế hoạch: {plan_reference(sheet.content)}.", False),
        (f"Cơ quan báo cáo: {agency.name}; {len(tasks)} nhiệm vụ chủ trì trong năm {year}.",
         False),
    ]
    if taken_over:
        lines.append((f"Gồm cả nhiệm vụ Kế hoạch giao {', '.join(taken_over)} chủ trì, nay do "
                      f"{agency.name} thực hiện sau sắp xếp tổ chức bộ máy.", False))
    lines += [
        (f"Kỳ số liệu: từ ngày {start} đến ngày {end}.", False),
        (f"Hạn gửi: trước ngày {deadline}, gửi tệp này (giữ dạng .xlsx) cùng báo cáo bằng văn "
         f"bản về {sheet.collector.name}.", False),
        ("1. Ai điền gì", True),
        (f"- Trang «{INFO_SHEET}»: ngày, số, ký hiệu báo cáo; kinh phí đã sử dụng; người ký; "
         "các phần lời văn của báo cáo (lãnh đạo, chỉ đạo; đánh giá chung; tồn tại, hạn chế; "
         "nguyên nhân; phương hướng năm sau; đề xuất, kiến nghị). Chỉ điền cột «Nội dung».",
         False),
        (f"- Trang «{TASK_SHEET}»: mỗi nhiệm vụ một hàng. Các cột từ «STT» đến «Thời hạn» là "
         "của Kế hoạch, đã khóa; cơ quan điền các cột từ «Tình trạng» trở đi.", False),
        (f"- Trang «{PRODUCT_SHEET}»: mỗi văn bản là sản phẩm của nhiệm vụ ghi một hàng: mã "
         "nhiệm vụ, loại văn bản, số và ký hiệu, ngày ban hành, trích yếu.", False),
        (f"- Trang «{TARGET_SHEET}»: số liệu của chỉ tiêu đo được (giá trị năm gốc và giá trị "
         "đến hết kỳ báo cáo), nếu cơ quan có số liệu; không có thì để trống.", False),
        ("2. Cách ghi", True),
        ("- Tình trạng: chọn một trong " + ", ".join(STATE_LABELS.values()) + ".", False),
        (f"- Ngày: dạng DD/MM/YYYY, ví dụ 20/11/{year}. Ngày hoàn thành bắt buộc khi «Đã hoàn "
         "thành», để trống khi chưa hoàn thành, và không sau ngày cuối kỳ số liệu "
         f"({end}).", False),
        (f"- Số, ký hiệu văn bản: ghi như in trên văn bản, ví dụ 125/KH-{symbol} (mã loại KH "
         f"phải khớp loại «Kế hoạch»); công văn không có mã loại, ví dụ 1465/{symbol}-VP.",
         False),
        ("- Kinh phí: số nguyên, đơn vị đồng, ví dụ 350000000 (không ghi chữ «đồng»).", False),
        ("- Nhiều đoạn văn trong một ô: xuống dòng bằng Alt+Enter; mỗi dòng là một đoạn.", False),
        ("3. Lưu ý", True),
        ("- Không đổi tên trang; không thêm, xóa hay đổi thứ tự hàng ở trang «Nhiệm vụ»; không "
         "sửa mã nhiệm vụ. Các trang được khóa cấu trúc (không có mật khẩu); ô cần điền không "
         "bị khóa.", False),
        ("- Khi nhập lại, phần mềm kiểm tra từng ô và báo lỗi theo tên trang và ô (ví dụ "
         f"{TASK_SHEET}!F5); nếu có lỗi, cơ quan sửa đúng ô đó rồi gửi lại.", False),
    ]
    return lines


def plan_reference(content: Content) -> str:
    """``Kế hoạch số 182/KH-UBND ngày 06/9/2023 của UBND tỉnh``."""
    doc = content.plan.document
    issuer = content.registry.get(doc.issuer)
    number = vn.number_symbol(doc.number, vn.document_symbol("ke-hoach", issuer.symbol or ""))
    when = f" ngày {vn.short_date(doc.date)}" if doc.date else ""
    return f"Kế hoạch số {number}{when} của {issuer.short_name}"


def target_goal(target: Target) -> str:
    """``tăng 50% đến năm 2030 so với năm 2023`` / ``đạt 10 mô hình đến năm 2030``."""
    whole = float(target.value).is_integer()
    value = vn.format_number(int(target.value) if whole else target.value)
    if target.unit == "%":
        verb = {"increase": "tăng", "decrease": "giảm"}.get(target.change, "đạt")
        since = f" so với năm {target.baseline_year}" if target.baseline_year else ""
        return f"{verb} {value}% đến năm {target.year}{since}"
    return f"đạt {value} {target.unit} đến năm {target.year}"
