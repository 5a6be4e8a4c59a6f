"""The assignment table as data: its sheets, its columns and how values are written.

One row per task.  The column table below is the single description both the
exporter (headers, widths, order) and the importer (which header is which
field, which are required) read.  Headers are matched case-, space- and
diacritic-insensitively, so ``Co quan chu tri`` still finds its column.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lsdocs.errors import T, Text

#: Sheet names of the workbook.
ASSIGNMENT_SHEET = "Phân công"
AGENCY_SHEET = "Cơ quan"
GROUP_SHEET = "Nhóm"

#: File written by default, under ``output/<plan id>/``.
DEFAULT_NAME = "phan-cong-nhiem-vu"

#: How several coordinating agencies are separated in one cell (newlines work too).
AGENCY_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    """One column: the task field it holds and how it looks.

    *required* columns must be present in an imported table; an optional column
    that is missing leaves its field of existing tasks as it is.  *cell_required*
    cells must not be empty.
    """

    key: str
    header: str
    header_en: str
    width: float
    required: bool = True
    cell_required: bool = True
    aliases: tuple[str, ...] = ()

    def label(self) -> Text:
        """``Cơ quan chủ trì`` in Vietnamese, ``«Cơ quan chủ trì» — lead agency`` in English
        (the header as the table shows it, quoted, then what it means)."""
        return Text(self.header, "«" + self.header + "» — " + self.header_en)


COLUMNS: tuple[Column, ...] = (
    Column("id", "Mã nhiệm vụ", "task id", 9, aliases=("Mã", "Số thứ tự", "STT")),
    Column("group", "Nhóm", "group", 6, aliases=("Nhóm nhiệm vụ",)),
    Column("name", "Nhiệm vụ", "task", 46, aliases=("Tên nhiệm vụ", "Nội dung nhiệm vụ")),
    Column("lead", "Cơ quan chủ trì", "lead agency", 22, aliases=("Chủ trì",)),
    Column("support", "Cơ quan phối hợp", "coordinating agencies", 26, required=False,
           cell_required=False, aliases=("Phối hợp",)),
    Column("support_text", "Phối hợp khác", "other coordinators", 18, required=False,
           cell_required=False),
    Column("deadline", "Thời gian hoàn thành", "deadline", 13,
           aliases=("Thời hạn", "Thời hạn hoàn thành")),
    Column("product", "Sản phẩm", "product", 22, aliases=("Sản phẩm dự kiến",)),
    Column("source", "Nguồn", "source", 10, required=False, cell_required=False),
)

BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}

#: How ``source`` is shown in the table; the YAML words are accepted too.
SOURCE_LABELS: dict[str, str] = {"verbatim": "nguyên văn", "illustrative": "minh họa"}

#: Task fields in the order a task is written in YAML.
FIELD_ORDER = ("id", "name", "lead", "support", "support_text", "deadline", "product", "source")


def fold(text: str) -> str:
    """Text reduced for lenient matching: no diacritics, lower case, single spaces.

    >>> fold("  Cơ quan  CHỦ trì ")
    'co quan chu tri'
    >>> fold("Sở Giáo dục và Đào tạo")
    'so giao duc va dao tao'
    """
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split()).casefold()


def column_for_header(header: str) -> Column | None:
    """The column a header names (its header or an alias), or ``None``."""
    key = fold(header)
    for column in COLUMNS:
        if key in {fold(column.header), *(fold(a) for a in column.aliases)}:
            return column
    return None


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 1-based column index: 1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


FIELD_LABELS: dict[str, Text] = {
    **{c.key: Text(c.header.lower(), c.header_en) for c in COLUMNS},
    "moved": T("chuyển nhóm"),
}
