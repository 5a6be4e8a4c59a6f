"""Jinja filters available in every template (one registry, plain data).

Template authors write ``{{ doc.date | ngay }}`` or ``{{ amount | so }}``; each
filter is a pure function from :mod:`lsdocs.vnformat`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lsdocs import vnformat as vn

FILTERS: dict[str, Callable[..., Any]] = {
    "ngay": vn.long_date,  # ngày 06 tháng 9 năm 2023
    "ngay_ngan": vn.short_date,  # 06/9/2023
    "so": vn.format_number,  # 1.234.567,5
    "phan_tram": vn.format_percent,  # 12,5%
    "tien": vn.format_money,  # 1.234.567 đồng
    "tien_bang_chu": vn.money_in_words,  # Một triệu đồng
    "la_ma": vn.roman,  # IV
    "diem": vn.diem_letter,  # a, b, …, đ, e
    "in_hoa": vn.upper_vi,  # Vietnamese-safe upper case
}
