"""Reading the cells of a progress workbook: one small reader per kind of value.

Each reader takes a :class:`Cell` (raw value, text and location) and returns
the value, or None when the cell is empty *or* wrong; a wrong cell is
reported to the :class:`Cells` collector with what was expected and recorded
in ``bad``, so checks between cells (a done task needs its completion date)
stay quiet about a cell already reported.  Agencies type dates and amounts as
text (``15/3/2024``, ``350.000.000``): those are read as they are meant.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from lsdocs import vnformat as vn
from lsdocs.errors import Location, Problem, ProblemList, T, Text
from lsdocs.progress.records import STATE_LABELS, TaskState
from lsdocs.tabular.columns import fold
from lsdocs.tabular.read import cell_text

_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SPACED = re.compile(r"\d{1,3}(?: \d{3})+")
_DECIMAL = re.compile(r"(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?")
_NUMBER_SYMBOL = re.compile(r"(\d+)\s*/\s*(\S+)")
_CURRENCY = re.compile(r"\s*(?:đồng|đ|vnđ|vnd)\.?$", re.IGNORECASE)
_STATE_WORDS = {fold(label): state for state, label in STATE_LABELS.items()}
_STATE_WORDS.update({state: state for state in STATE_LABELS})
_STATE_WORDS.update({"hoan thanh": "hoan-thanh", "dang trien khai": "dang-thuc-hien"})

EXPECTED_DATE = T("một ngày có thật, dạng DD/MM/YYYY")


@dataclass(frozen=True)
class Cell:
    raw: object
    text: str  # as the clerk sees it: trimmed, NFC, dates as DD/MM/YYYY
    location: Location
    ref: str  # "Nhiệm vụ!F5"

    @staticmethod
    def of(raw: object, location: Location, ref: str) -> Cell:
        return Cell(raw, cell_text(raw), location, ref)


@dataclass
class Cells:
    """Collects the problems of one pass and which cells were wrong."""

    problems: ProblemList = field(default_factory=ProblemList)
    bad: set[str] = field(default_factory=set)

    def error(self, cell: Cell, message: Text, *, expected: Text | None = None,
              hint: Text | None = None, code: str = "", found: str | None = None) -> None:
        self.bad.add(cell.ref)
        shown = found if found is not None else cell.text or None
        self.problems.add(Problem(cell.location, message, found=shown, expected=expected,
                                  hint=hint, code=code))

    def warning(self, cell: Cell, message: Text, *, hint: Text | None = None,
                code: str = "") -> None:
        self.problems.add(Problem(cell.location, message, found=cell.text or None, hint=hint,
                                  severity="warning", code=code))

    # --- readers -------------------------------------------------------------------------

    def text(self, cell: Cell) -> str | None:
        """One line of text (Excel line breaks and repeated spaces folded)."""
        return " ".join(cell.text.split()) or None

    def lines(self, cell: Cell) -> tuple[str, ...]:
        """Paragraphs: one per line of the cell, blank lines dropped."""
        return tuple(" ".join(line.split()) for line in cell.text.splitlines() if line.strip())

    def status(self, cell: Cell) -> TaskState | None:
        if not cell.text:
            return None
        state = _STATE_WORDS.get(fold(cell.text).strip(" ."))
        if state is not None:
            return state  # type: ignore[return-value]  # values are TaskState
        labels = {fold(label): label for label in STATE_LABELS.values()}
        close = difflib.get_close_matches(fold(cell.text), list(labels), n=1, cutoff=0.5)
        self.error(cell, T("tình trạng không hợp lệ"),
                   expected=T("một trong: {s}",
                              s=", ".join(f"«{s}»" for s in STATE_LABELS.values())),
                   hint=T("có phải «{s}»?", s=labels[close[0]])
                   if close else None, code="bad-status")
        return None

    def date(self, cell: Cell) -> dt.date | None:
        raw = cell.raw
        if raw is None or cell.text == "":
            return None
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        if isinstance(raw, str):
            try:
                return vn.parse_vn_date(raw)
            except ValueError as e:
                real = "not a real date" in str(e)
                self.error(cell, T("ngày không tồn tại") if real
                           else T("không phải một ngày"),
                           expected=EXPECTED_DATE, code="bad-date")
                return None
        self.error(cell, T("không phải một ngày"), expected=EXPECTED_DATE,
                   hint=T("định dạng ô là Ngày (Date) hoặc gõ dạng DD/MM/YYYY"), code="bad-date")
        return None

    def money(self, cell: Cell) -> int | None:
        """A whole amount of đồng, 0 or more: 350000000, «350.000.000», «350 000 000 đồng»."""
        raw = cell.raw
        if raw is None or cell.text == "":
            return None
        amount: float | None = None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            amount = raw
        elif isinstance(raw, str):
            amount = _money_text(raw)
        expected = T("số nguyên đồng, không âm, ví dụ 350000000 hoặc 350.000.000")
        if amount is None:
            self.error(cell, T("kinh phí không phải một số"),
                       expected=expected, code="bad-money")
        elif amount < 0:
            self.error(cell, T("kinh phí âm"), expected=expected,
                       code="negative-money")
        elif not float(amount).is_integer():
            self.error(cell, T("kinh phí không phải số nguyên đồng"),
                       expected=expected, code="bad-money")
        else:
            return int(amount)
        return None

    def number(self, cell: Cell) -> float | None:
        """A count or measure, 0 or more: 15, 12,5, «1.234»."""
        raw = cell.raw
        if raw is None or cell.text == "":
            return None
        value: float | None = None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            value = float(raw)
        elif isinstance(raw, str) and (match := _DECIMAL.fullmatch(raw.strip().lstrip("-"))):
            sign = -1 if raw.strip().startswith("-") else 1
            value = sign * float(match[1].replace(".", "") + "." + (match[2] or "0"))
        expected = T("một số không âm, ví dụ 15 hoặc 12,5")
        if value is None:
            self.error(cell, T("không phải một số"), expected=expected,
                       code="bad-number")
        elif value < 0:
            self.error(cell, T("số âm"), expected=expected,
                       code="bad-number")
        else:
            return value
        return None

    def doc_type(self, cell: Cell) -> str | None:
        """A document type by name (Kế hoạch), code (KH) or slug (ke-hoach)."""
        if not cell.text:
            return None
        by_name = vn.type_from_title(cell.text) or vn.type_from_code(cell.text)
        if by_name is not None:
            return by_name.slug
        if cell.text in vn.TYPE_CODES:
            return cell.text
        by_fold = {fold(t.name): t.slug for t in vn.TYPE_CODES.values()}
        if fold(cell.text) in by_fold:
            return by_fold[fold(cell.text)]
        names = [t.name for t in vn.TYPE_CODES.values()]
        close = difflib.get_close_matches(fold(cell.text), [fold(n) for n in names], n=1)
        self.error(cell, T("không có loại văn bản này"),
                   expected=T("tên loại văn bản, ví dụ Kế hoạch, Quyết định, Công văn"),
                   hint=T("có phải «{s}»?",
                          s=next(n for n in names if fold(n) == close[0])) if close else None,
                   code="bad-doc-type")
        return None

    def doc_number(self, cell: Cell, doc_type: str | None) -> str | None:
        """A số, ký hiệu (``125/KH-SNN``) whose type code agrees with *doc_type*."""
        if not cell.text:
            return None
        text = re.sub(r"^s[ốo]\s*:?\s*", "", cell.text, flags=re.IGNORECASE)
        match = _NUMBER_SYMBOL.fullmatch(text)
        symbol = ""
        try:
            if match is None:
                raise ValueError(text)
            symbol = match[2]
            vn.number_symbol(int(match[1]), symbol)
        except ValueError:
            self.error(cell, T("không phải số, ký hiệu văn bản"),
                       expected=T("số/ký hiệu như in trên văn bản, ví dụ 125/KH-SNN"),
                       code="bad-doc-number")
            return None
        number = f"{int(match[1]):02d}/{symbol}"
        if doc_type is not None and not self._code_agrees(cell, symbol, doc_type):
            return None
        return number

    def _code_agrees(self, cell: Cell, symbol: str, doc_type: str) -> bool:
        kind = vn.TYPE_CODES[doc_type]
        first = symbol.split("-")[0]
        if kind.code is not None and first != kind.code:
            self.error(cell, T("mã loại trong ký hiệu không khớp loại văn bản «{t}»",
                               t=kind.name),
                       expected=T("ký hiệu bắt đầu bằng {c}, ví dụ 25/{c}-…",
                                  c=kind.code),
                       code="doc-code-mismatch")
            return False
        other = vn.type_from_code(first)
        if kind.code is None and other is not None:
            self.error(cell, T("{t} không có mã loại; «{c}» là mã của {o}",
                               t=kind.name.lower(), c=first, o=other.name),
                       expected=T("ký hiệu dạng <cơ quan>-<đơn vị>, ví dụ 1465/SNN-VP, hoặc "
                                  "chọn đúng loại văn bản"), code="doc-code-mismatch")
            return False
        return True


def _money_text(text: str) -> float | None:
    cleaned = _CURRENCY.sub("", text.strip()).strip()
    sign = -1 if cleaned.startswith("-") else 1
    cleaned = cleaned.lstrip("-").strip()
    if cleaned.isdigit():
        return sign * float(cleaned)
    if _GROUPED.fullmatch(cleaned) or _SPACED.fullmatch(cleaned):
        return sign * float(cleaned.replace(".", "").replace(" ", ""))
    if (match := _DECIMAL.fullmatch(cleaned)) and match[2]:
        return sign * float(match[1].replace(".", "") + "." + match[2])
    return None
