"""The register of outgoing documents (sổ đăng ký văn bản đi) behind one small interface.

:class:`RegisterStore` is everything issuing and the register commands need
from storage.  The embedded SQLite file (:mod:`lsdocs.issuing.sqlite_store`)
is the default; a server database shared by several offices implements the
same protocol (see the README, "Sổ đăng ký dùng chung").

Numbers run per issuing agency and calendar year from 01 (Decree 30, Điều 15):
an entry is never deleted, a cancelled one keeps its number, so within one
agency and year the numbers are exactly 1..n.
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from lsdocs import vnformat as vn
from lsdocs.errors import Location, LsdocsError, Problem, Text


class RegisterError(LsdocsError):
    """The register cannot be opened, is damaged, or refuses a change."""

    exit_code = 2


def register_error(path: object, message: Text, **params: object) -> RegisterError:
    return RegisterError(Problem(Location(file=str(path)), message.format(**params)))


@dataclass(frozen=True)
class EntryData:
    """What issuing records about one document: the columns of Phụ lục IV, plus the files."""

    agency: str  # the issuing agency as its header names it: "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    symbol: str  # ký hiệu: "UBND-KGVX"
    issued_on: dt.date
    doc_type: str  # tên loại: "Công văn", "Kế hoạch"
    trich_yeu: str
    signer: str
    recipients: str  # nơi nhận, "; "-separated
    filing: str  # đơn vị, người nhận bản lưu: "VT, KGVX"
    copies: int  # số lượng bản
    note: str
    file: str  # the issued .docx (absolute path)
    sha256: str  # of the issued .docx
    draft_file: str
    draft_sha256: str


@dataclass(frozen=True)
class Entry(EntryData):
    """One line of the register, as stored."""

    year: int = 0
    number: int = 0
    recorded_at: str = ""  # UTC, ISO 8601
    cancelled_on: dt.date | None = None
    cancel_reason: str = ""

    @property
    def reference(self) -> str:
        """Số, ký hiệu as cited: ``05/UBND-KGVX``."""
        return vn.number_symbol(self.number, self.symbol)

    @property
    def cancelled(self) -> bool:
        return self.cancelled_on is not None

    def to_dict(self) -> dict[str, object]:
        """The entry for ``--json``: dates in ISO form, plus ``so_ky_hieu``."""
        data = dict(self.__dict__)
        data["issued_on"] = self.issued_on.isoformat()
        data["cancelled_on"] = self.cancelled_on.isoformat() if self.cancelled_on else None
        return {"so_ky_hieu": self.reference, **data}

    def title(self) -> str:
        """Tên loại và trích yếu nội dung, as one cell of the register."""
        return f"{self.doc_type} {self.trich_yeu}".strip()


@dataclass(frozen=True)
class Query:
    """A search of the register; every field left empty matches everything."""

    year: int | None = None
    agency: str | None = None  # substring, case-insensitive
    symbol: str | None = None  # substring of the ký hiệu: "KH-", "UBND-KGVX"
    text: str | None = None  # substring of trích yếu, nơi nhận, người ký, ghi chú
    include_cancelled: bool = True


class Allocation(Protocol):
    """One open write transaction: numbers taken here are kept only if it commits."""

    def next_number(self, agency: str, year: int) -> int:
        """The next free number of *agency* in *year* (1 for the first), counting this one's."""

    def last_date(self, agency: str, year: int) -> dt.date | None:
        """The issue date of the highest number so far (to keep numbers in date order)."""

    def issued_from(self, draft_sha256: str, draft_file: str) -> Entry | None:
        """A live entry issued from this draft (same bytes, or same file and not cancelled)."""

    def record(self, data: EntryData, number: int) -> Entry:
        """Add an entry with *number* (which must be :meth:`next_number`)."""


class RegisterStore(Protocol):
    """Storage of the register; the SQLite file is one implementation."""

    location: str

    def allocation(self) -> AbstractContextManager[Allocation]:
        """A transaction that locks numbering for everyone until it ends.

        Leaving the block normally commits; an exception rolls back, and
        every number taken inside it is free again.
        """

    def search(self, query: Query) -> list[Entry]:
        """Entries matching *query*, by agency, year and number."""

    def get(self, agency: str, year: int, number: int) -> Entry | None: ...

    def by_draft(self, draft_sha256: str) -> Entry | None:
        """The entry issued from a draft with these bytes, cancelled or not."""

    def cancel(self, entry: Entry, on: dt.date, reason: str) -> Entry:
        """Mark *entry* cancelled (kept, with its number, as the decree requires)."""

    def verify(self) -> list[Problem]:
        """Integrity of the storage and of the numbering (no gap, no repeat)."""

    def close(self) -> None: ...

