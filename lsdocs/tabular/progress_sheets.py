"""The layout of an agency's progress workbook: sheets, columns, rows of general information.

Export and import both read this table, so a column cannot be written in one
place and looked for in another.  Sheets:

- ``Hướng dẫn``: who fills what, the data period, formats, deadline, where to send.
- ``Thông tin chung``: one row per item (report date, number, budget, signer, the
  narrative sections); column A the item (locked), column B the value.
- ``Nhiệm vụ``: one row per task the agency leads; the first columns are the plan's
  (locked), the others the agency's answer.
- ``Sản phẩm``: one row per document a task produced (task id, type, số/ký hiệu, date).
- ``Chỉ tiêu``: the plan's measurable targets, with the baseline and this year's value.
- ``lsdocs`` (hidden): plan, year, agency, the task of each row and the record's digest.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsdocs.errors import T, Text

GUIDE_SHEET = "Hướng dẫn"
INFO_SHEET = "Thông tin chung"
TASK_SHEET = "Nhiệm vụ"
PRODUCT_SHEET = "Sản phẩm"
TARGET_SHEET = "Chỉ tiêu"
IDENTITY_SHEET = "lsdocs"
#: The sheets import needs (the guide is for people only).
DATA_SHEETS = (INFO_SHEET, TASK_SHEET, PRODUCT_SHEET, TARGET_SHEET)

TITLE_ROW = 1
HEADER_ROW = 2
FIRST_ROW = 3
#: Empty rows offered for products, below the pre-filled ones.
SPARE_PRODUCT_ROWS = 60

#: Workbook property ``identifier`` prefix: ``tien-do:<plan>/<year>/<agency>``.
IDENTIFIER_PREFIX = "tien-do:"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    en: str  # the header in English, for messages with --lang en
    width: float
    locked: bool = False  # plan data the agency must not change
    kind: str = "text"  # text | date | status | number | type | task

    def label(self) -> Text:
        return Text(self.header, self.en)


TASK_COLUMNS: tuple[Column, ...] = (
    Column("stt", "STT", "No.", 5, locked=True),
    Column("id", "Mã nhiệm vụ", "Task id", 8, locked=True),
    Column("name", "Nội dung nhiệm vụ", "Task", 34, locked=True),
    Column("lead", "Chủ trì theo Kế hoạch", "Lead agency in the plan", 14, locked=True),
    Column("deadline", "Thời hạn", "Deadline", 11, locked=True),
    Column("status", "Tình trạng", "Status", 15, kind="status"),
    Column("completed", "Ngày hoàn thành", "Completion date", 12, kind="date"),
    Column("result", "Kết quả thực hiện", "Result", 34),
    Column("difficulties", "Khó khăn, vướng mắc", "Difficulties", 22),
    Column("causes", "Nguyên nhân", "Causes", 18),
    Column("proposals", "Đề xuất, kiến nghị", "Proposals", 18),
)

PRODUCT_COLUMNS: tuple[Column, ...] = (
    Column("task", "Mã nhiệm vụ", "Task id", 12, kind="task"),
    Column("type", "Loại văn bản", "Document type", 18, kind="type"),
    Column("number", "Số, ký hiệu", "Number and symbol", 20),
    Column("date", "Ngày ban hành", "Date", 15, kind="date"),
    Column("trich_yeu", "Trích yếu nội dung", "Subject", 50),
    Column("issuer", "Cơ quan ban hành (nếu không phải cơ quan báo cáo)",
           "Issuer (if not the reporting agency)", 24),
)

TARGET_COLUMNS: tuple[Column, ...] = (
    Column("id", "Mã chỉ tiêu", "Target id", 14, locked=True),
    Column("indicator", "Chỉ tiêu", "Indicator", 46, locked=True),
    Column("goal", "Mục tiêu của Kế hoạch", "Plan target", 24, locked=True),
    Column("baseline", "Giá trị năm gốc", "Baseline value", 14, kind="number"),
    Column("value", "Giá trị đến hết kỳ báo cáo", "Value at the end of the period", 16,
           kind="number"),
    Column("note", "Ghi chú", "Note", 40),
)


@dataclass(frozen=True)
class InfoRow:
    key: str
    label: str
    en: str
    kind: str = "text"  # text | date | money | lines | fixed (shown, not read)
    hint: str = ""

    def text(self) -> Text:
        return Text(self.label, self.en)


INFO_ROWS: tuple[InfoRow, ...] = (
    InfoRow("plan", "Kế hoạch", "Plan", "fixed"),
    InfoRow("year", "Năm báo cáo", "Reporting year", "fixed"),
    InfoRow("period", "Kỳ số liệu", "Data period", "fixed"),
    InfoRow("agency", "Cơ quan báo cáo", "Reporting agency", "fixed"),
    InfoRow("reported_on", "Ngày báo cáo", "Report date", "date", "Ngày ký báo cáo, dạng "
            "DD/MM/YYYY."),
    InfoRow("report_number", "Số, ký hiệu báo cáo", "Report number", "text",
            "Ví dụ 215/BC-SNN; để trống nếu chưa có số."),
    InfoRow("budget", "Kinh phí đã sử dụng trong năm (đồng)", "Budget spent (đồng)", "money",
            "Số nguyên, đơn vị đồng, ví dụ 350000000."),
    InfoRow("authority", "Quyền hạn ký", "Signing authority", "lines",
            "Ví dụ KT. GIÁM ĐỐC; mỗi dòng một cấp; để trống nếu người đứng đầu ký."),
    InfoRow("title", "Chức vụ người ký", "Signer's title", "text", "Ví dụ PHÓ GIÁM ĐỐC."),
    InfoRow("name", "Họ và tên người ký", "Signer's name", "text"),
    InfoRow("chi_dao", "1. Công tác lãnh đạo, chỉ đạo, tuyên truyền, quán triệt",
            "1. Leadership and communication", "lines", "Mỗi đoạn văn một dòng (Alt+Enter)."),
    InfoRow("ket_qua", "2. Đánh giá chung về kết quả", "2. Overall results", "lines"),
    InfoRow("ton_tai", "3. Tồn tại, hạn chế", "3. Shortcomings", "lines"),
    InfoRow("nguyen_nhan", "4. Nguyên nhân", "4. Causes", "lines"),
    InfoRow("phuong_huong", "5. Phương hướng, nhiệm vụ năm sau", "5. Next year", "lines"),
    InfoRow("kien_nghi", "6. Đề xuất, kiến nghị", "6. Proposals", "lines"),
)
INFO_BY_KEY = {r.key: r for r in INFO_ROWS}
#: Narrative rows -> keys of the record file's ``narrative:`` (and Narrative fields).
NARRATIVE_KEYS: dict[str, str] = {
    "chi_dao": "leadership", "ket_qua": "results", "ton_tai": "shortcomings",
    "nguyen_nhan": "causes", "phuong_huong": "next_year", "kien_nghi": "proposals",
}

SHEET_TEXT = {
    INFO_SHEET: T("Thông tin chung"),
    TASK_SHEET: T("Nhiệm vụ"),
    PRODUCT_SHEET: T("Sản phẩm"),
    TARGET_SHEET: T("Chỉ tiêu"),
}
