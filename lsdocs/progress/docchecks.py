"""Checks on the documents a progress record cites, and the node helpers the checks share.

A product of a task is an official document: its type must be known, its
số/ký hiệu must carry that type's code (a công văn carries none), its issuer
must have existed on its date, and the date must fall inside the plan's life
up to the end of the reporting period.  Problems go to the file's reporter
with the line and key path of the value at fault.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lsdocs.content._dates import parse_dmy
from lsdocs.content._report import Reporter
from lsdocs.content.agencies import AgencyResolver, existed_on
from lsdocs.content.model import Content
from lsdocs.content.yamlsource import Node
from lsdocs.errors import T, Text, join_texts
from lsdocs.progress.record_specs import NUMBER_PATTERN
from lsdocs.vnformat import TYPE_CODES, short_date

_CODES = {t.code for t in TYPE_CODES.values() if t.code}


def items(node: Node | None) -> list[Node]:
    return node.value if node is not None and node.is_list else []


def text(node: Node | None) -> str | None:
    return node.value if node is not None and isinstance(node.value, str) else None


def whole(node: Node | None) -> int | None:
    if node is None or isinstance(node.value, bool) or not isinstance(node.value, int):
        return None
    return node.value


def day(node: Node | None) -> dt.date | None:
    value = text(node)
    try:
        return parse_dmy(value) if value is not None else None
    except ValueError:
        return None  # reported by the schema


@dataclass(frozen=True)
class Period:
    """A reporting year: its data period and who answers for each plan agency in it."""

    year: int
    start: dt.date
    end: dt.date
    resolver: AgencyResolver


def check_in_period(content: Content, node: Node, rep: Reporter, period: Period,
                    what: Text) -> None:
    """A date (of completion, of a document) from the plan's date to the period's end."""
    found = day(node)
    issued = content.plan.document.date
    if found is None:
        return
    end = short_date(period.end)
    if issued is not None and found < issued:
        rep.error(node.line, node.path,
                  T("{what} trước ngày ban hành kế hoạch ({d})", what=what, d=short_date(issued)),
                  found=node.value, expected=T("ngày từ {d} đến {e}", d=short_date(issued), e=end),
                  code="date-before-plan")
    elif found > period.end:
        rep.error(node.line, node.path,
                  T("{what} sau ngày cuối kỳ báo cáo năm {y} ({e})", what=what, y=period.year,
                    e=end),
                  found=node.value, expected=T("ngày đến {e}", e=end),
                  code="date-after-period")


def check_product(content: Content, product: Node, rep: Reporter, period: Period,
                  agency: str) -> None:
    """One ``products`` entry of a task (its schema walk is done)."""
    doc_type = text(product.get("type"))
    number = product.get("number")
    issuer = text(product.get("issuer"))
    if (doc_type is not None and doc_type in TYPE_CODES and number is not None
            and text(number) is not None):
        check_number(content, number, rep, doc_type, issuer or agency, product.get("type"))
    date = product.get("date")
    if date is not None:
        check_in_period(content, date, rep, period, T("ngày văn bản"))
        _check_issuer_existed(content, date, rep, issuer or agency, issuer is None)


def check_number(content: Content, node: Node, rep: Reporter, doc_type: str,
                 issuer: str | None, type_node: Node | None) -> None:
    """A số/ký hiệu whose type code matches *doc_type* and names its issuer."""
    match = re.fullmatch(NUMBER_PATTERN, node.value)
    if match is None:
        return  # reported by the schema
    groups = match.group(2).split("-")
    wanted = TYPE_CODES[doc_type]
    if wanted.code is None and groups[0] in _CODES:
        rep.error(node.line, node.path,
                  T("{n} không có mã loại văn bản trong ký hiệu", n=wanted.name, s=doc_type),
                  found=node.value, expected=T("dạng 1465/SNN-PTNT (cơ quan - đơn vị soạn "
                                               "thảo)"),
                  code="doc-type-code")
        return
    if wanted.code is not None and groups[0] != wanted.code:
        where = f" ({type_node.path}: {type_node.value})" if type_node is not None else ""
        rep.error(node.line, node.path,
                  join_texts([T("mã loại trong ký hiệu không khớp loại văn bản"), where]),
                  found=node.value, expected=T("mã {c} của {n}", c=wanted.code, n=wanted.name),
                  code="doc-type-code")
        return
    _check_issuer_symbol(content, node, rep, groups, wanted.code is not None, issuer)


def _check_issuer_symbol(content: Content, node: Node, rep: Reporter, groups: list[str],
                         typed: bool, issuer: str | None) -> None:
    if issuer is None or issuer not in content.registry:
        return
    agency = content.registry.get(issuer)
    symbol = (groups[1] if len(groups) > 1 else None) if typed else groups[0]
    if agency.symbol is None or symbol == agency.symbol:
        return
    rep.warning(node.line, node.path,
                T("ký hiệu không mang ký hiệu của cơ quan ban hành, {n} ({s})",
                  n=agency.name, s=agency.symbol),
                found=node.value,
                hint=T("văn bản do cơ quan khác ban hành thì ghi issuer: <mã cơ quan>"),
                code="issuer-symbol")


def _check_issuer_existed(content: Content, node: Node, rep: Reporter, issuer: str,
                          own: bool) -> None:
    """The issuer existed on the document's date (a 2025 agency issued nothing in 2024)."""
    found = day(node)
    if found is None or issuer not in content.registry:
        return
    agency = content.registry.get(issuer)
    if existed_on(agency, found):
        return
    if agency.valid_from is not None and found < agency.valid_from:
        message = T("{n} chưa thành lập vào ngày văn bản (thành lập từ {d})",
                    n=agency.name, d=short_date(agency.valid_from))
    else:
        until = short_date(agency.valid_until) if agency.valid_until else "?"
        message = T("{n} đã không còn vào ngày văn bản (đến {d})",
                    n=agency.name, d=until)
    rep.error(node.line, node.path, message, found=node.value,
              hint=T("văn bản của cơ quan trước sáp nhập thì ghi issuer: <mã cơ quan đó>")
              if own else None, code="issuer-not-existing")
