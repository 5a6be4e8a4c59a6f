"""Vietnamese formatting for Decree 30 documents: text, dates, numbers, symbols.

A pure layer: no file, network or environment access.  Functions raise
``ValueError`` when called with values they cannot format; callers that handle
user content turn those into :class:`lsdocs.errors.ContentError` with a location.
"""

from __future__ import annotations

from lsdocs.vnformat.dates import (
    EXCEL_JAN_FEB_TEST,
    EXCEL_SHORT_DATE,
    EXCEL_SHORT_DATE_JAN_FEB,
    date_line,
    day_month,
    draft_long_date,
    long_date,
    month_year,
    parse_vn_date,
    short_date,
)
from lsdocs.vnformat.docnumber import document_symbol, number_line, number_symbol
from lsdocs.vnformat.doctypes import TYPE_CODES, DocType, type_from_code, type_from_title
from lsdocs.vnformat.numbering import DIEM_LETTERS, diem_letter, parse_roman, roman
from lsdocs.vnformat.numbers import format_count, format_money, format_number, format_percent
from lsdocs.vnformat.text import file_id, nfc, nfc_deep, sentence_case, slugify, upper_vi
from lsdocs.vnformat.tones import hoa_key, normalise_tone_placement
from lsdocs.vnformat.words import money_in_words, number_to_words

__all__ = [
    "DIEM_LETTERS",
    "EXCEL_JAN_FEB_TEST",
    "EXCEL_SHORT_DATE",
    "EXCEL_SHORT_DATE_JAN_FEB",
    "TYPE_CODES",
    "DocType",
    "date_line",
    "day_month",
    "draft_long_date",
    "diem_letter",
    "file_id",
    "document_symbol",
    "format_count",
    "format_money",
    "format_number",
    "format_percent",
    "hoa_key",
    "long_date",
    "money_in_words",
    "month_year",
    "nfc",
    "nfc_deep",
    "normalise_tone_placement",
    "number_line",
    "number_symbol",
    "number_to_words",
    "parse_roman",
    "parse_vn_date",
    "roman",
    "sentence_case",
    "short_date",
    "slugify",
    "type_from_code",
    "type_from_title",
    "upper_vi",
]
