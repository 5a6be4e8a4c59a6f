"""Cancelling a number of the register (``lsdocs so-van-ban huy``): find it, then mark it.

A cancelled entry stays in the register with its number (Nghị định 30,
Điều 15: a number is never given again); only the date and the reason are added.
"""

from __future__ import annotations

import datetime as dt

from lsdocs import vnformat as vn
from lsdocs.errors import Location, Problem, T, Text, UsageError, parameter_error
from lsdocs.issuing.storage import Entry, Query, RegisterStore


def parse_reference(reference: str) -> tuple[int, str]:
    """``"05/UBND-KGVX"`` → ``(5, "UBND-KGVX")``; a UsageError naming *reference* otherwise.

    >>> parse_reference("05/UBND-KGVX")
    (5, 'UBND-KGVX')
    """
    number, _, symbol = vn.nfc(reference).strip().partition("/")
    if not number.strip().isdigit() or not symbol.strip():
        raise _usage(T("«{r}» không phải số, ký hiệu (cần dạng 05/UBND-KGVX)", r=reference))
    return int(number), symbol.strip()


def find_live_entry(store: RegisterStore, reference: str, year: int,
                    agency: str | None = None) -> Entry:
    """The one live entry numbered *reference* in *year* (of *agency* when several share it)."""
    number, symbol = parse_reference(reference)
    found = [e for e in store.search(Query(year=year, agency=agency, symbol=symbol))
             if e.number == number and e.symbol == symbol]
    if not found:
        raise _usage(T("không có số {r} năm {y} trong sổ", r=reference, y=year))
    if len(found) > 1:
        raise parameter_error("agency", T("có {n} cơ quan cùng số {r}: {a}",
                                          n=len(found), r=reference,
                                          a="; ".join(e.agency for e in found)),
                              expected=T("một phần tên của một trong các cơ quan đó"))
    if found[0].cancelled:
        old = found[0]
        raise _usage(T("số {r} năm {y} đã hủy từ trước (ngày {d}, lý do: «{why}»)",
                       r=reference, y=year, why=old.cancel_reason or "",
                       d=vn.short_date(old.cancelled_on) if old.cancelled_on else ""))
    return found[0]


def cancel_number(store: RegisterStore, reference: str, year: int, reason: str, *,
                  agency: str | None = None, on: dt.date | None = None) -> Entry:
    """Mark the number *reference* of *year* cancelled on *on* (default today); the entry."""
    if not reason.strip():
        raise parameter_error("reason", T("cần lý do hủy (ghi vào cột Ghi chú của sổ)"))
    entry = find_live_entry(store, reference, year, agency)
    return store.cancel(entry, on or dt.date.today(), reason)


def _usage(message: Text) -> UsageError:
    return UsageError(Problem(Location(), message, code="register-reference"))
