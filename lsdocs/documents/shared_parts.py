"""Context pieces every Decree 30 document shares: header, signature, Nơi nhận."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from lsdocs import vnformat as vn
from lsdocs.content.model import Agency, Recipient, Registry, Signature


def header_context(
    issuer: Agency,
    doc_type: str,
    number: int | None,
    date: dt.date | None,
    place: str,
    *,
    unit: str | None = None,
    vv: str | None = None,
    draft_year: int | None = None,
) -> dict[str, Any]:
    """Ô 1–5b of the header table: agency lines, Số line, place-and-date, V/v."""
    symbol = vn.document_symbol(doc_type, issuer.symbol or "", unit)
    context: dict[str, Any] = {
        "parent_lines": list(issuer.parent_header_lines),
        "name_lines": list(issuer.header_lines) or [vn.upper_vi(issuer.name)],
        "symbol": symbol,
        "number": number,
        "number_line": vn.number_line(number, symbol),
        "date_line": vn.date_line(place, date, year=draft_year),
    }
    if vv is not None:
        context["vv"] = f"V/v {vv}"
    return context


def signature_context(signature: Signature) -> dict[str, Any]:
    return {"lines": [*signature.authority, signature.title], "name": signature.name}


def recipient_lines(recipients: Iterable[Recipient], registry: Registry) -> list[str]:
    """Nơi nhận items as printed: ``- Sở Khoa học và Công nghệ;``."""
    return [f"- {_recipient_text(r, registry)};" for r in recipients]


def filing_line(filing: str) -> str:
    return f"- Lưu: {filing}."


def _recipient_text(recipient: Recipient, registry: Registry) -> str:
    if recipient.agency and recipient.agency in registry:
        return recipient.text or registry.get(recipient.agency).name
    return recipient.text


def citation(
    doc_type_name: str, symbol_number: str, date: dt.date | None, issuer: Agency,
    draft_year: int | None = None,
) -> str:
    """``Kế hoạch số 182/KH-UBND ngày 06 tháng 9 năm 2023 của Ủy ban nhân dân tỉnh Lạng Sơn``.

    A draft (no date yet) leaves the day and month blank, as its header does.
    """
    when = vn.long_date(date) if date else vn.draft_long_date(draft_year)
    return f"{doc_type_name} số {symbol_number} {when} của {issuer.name}"
