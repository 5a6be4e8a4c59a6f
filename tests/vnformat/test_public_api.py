"""The public surface of lsdocs.vnformat and its purity."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import lsdocs.vnformat as vnformat

PUBLIC_API = {
    "nfc", "nfc_deep", "upper_vi", "sentence_case", "long_date", "date_line", "short_date",
    "day_month", "number_symbol", "draft_long_date",
    "month_year", "parse_vn_date", "TYPE_CODES", "DocType", "type_from_title", "type_from_code",
    "document_symbol", "number_line", "format_number", "format_percent", "format_money",
    "format_count",
    "number_to_words", "money_in_words", "roman", "parse_roman", "diem_letter", "DIEM_LETTERS",
    "slugify", "file_id", "hoa_key", "normalise_tone_placement",
    "EXCEL_SHORT_DATE", "EXCEL_SHORT_DATE_JAN_FEB", "EXCEL_JAN_FEB_TEST",
}  # fmt: skip

PACKAGE_DIR = Path(vnformat.__file__).parent
MODULES = sorted(PACKAGE_DIR.glob("*.py"))
FORBIDDEN_IMPORTS = {"os", "io", "pathlib", "shutil", "subprocess", "socket", "tempfile", "sys"}
FORBIDDEN_CALLS = {"open", "input", "print"}


def test_all_lists_exactly_the_public_api() -> None:
    assert set(vnformat.__all__) == PUBLIC_API


def test_every_public_name_exists() -> None:
    assert all(hasattr(vnformat, name) for name in vnformat.__all__)


def _imported_roots(tree: ast.AST) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def _called_names(tree: ast.AST) -> set[str]:
    return {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }


@pytest.mark.parametrize("module", MODULES, ids=[m.name for m in MODULES])
def test_module_does_no_io(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    assert not _imported_roots(tree) & FORBIDDEN_IMPORTS
    assert not _called_names(tree) & FORBIDDEN_CALLS
