"""Reading agencies and headers as clerks write them."""

from __future__ import annotations

import pytest

from lsdocs.content import load_registry
from lsdocs.tabular.agency_cells import AgencyNames, Unresolved, join_agencies, split_agencies
from lsdocs.tabular.columns import column_for_header, column_letter, fold

from .conftest import SHIPPED


@pytest.fixture(scope="module")
def names() -> AgencyNames:
    return AgencyNames(load_registry(SHIPPED / "agencies.yaml"), "agencies.yaml")


@pytest.mark.parametrize("written", [
    "Sở Khoa học và Công nghệ",  # the name the table shows
    "sở khoa học và  công nghệ",  # case and spacing
    "So Khoa hoc va Cong nghe",  # typed without diacritics
    "Sở KH&CN",  # the short name
    "skhcn",  # the id
    "SKHCN",
])
def test_an_agency_is_read_by_name_short_name_or_id(names: AgencyNames, written: str) -> None:
    assert names.resolve(written) == "skhcn"


@pytest.mark.parametrize("written, suggestion", [
    ("Sở Khoa học công nghệ", "Sở Khoa học và Công nghệ"),
    ("Sở Tài chánh", "Sở Tài chính"),
    ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Lạng Sơn"),  # close is not enough
])
def test_an_unknown_agency_is_never_guessed_but_suggested(names: AgencyNames, written: str,
                                                          suggestion: str) -> None:
    result = names.resolve(written)
    assert isinstance(result, Unresolved) and result.hint is not None
    assert suggestion in result.hint.vi and suggestion in result.hint.en


def test_the_table_shows_the_official_name(names: AgencyNames) -> None:
    assert names.display("sttt") == "Sở Thông tin và Truyền thông"


@pytest.mark.parametrize("cell, parts", [
    ("", []),
    ("Sở Y tế", ["Sở Y tế"]),
    ("Sở Y tế;Sở Tài chính", ["Sở Y tế", "Sở Tài chính"]),
    ("Sở Y tế;\nSở Tài chính;", ["Sở Y tế", "Sở Tài chính"]),
    ("Sở Y tế\r\n\r\nSở Tài chính", ["Sở Y tế", "Sở Tài chính"]),
    ("UBND các huyện, thành phố", ["UBND các huyện, thành phố"]),  # a comma is part of a name
])
def test_coordinators_are_split_on_semicolons_and_line_breaks(cell: str,
                                                              parts: list[str]) -> None:
    assert split_agencies(cell) == parts
    assert split_agencies(join_agencies(parts)) == parts


@pytest.mark.parametrize("header, key", [
    ("Cơ quan chủ trì", "lead"),
    ("  co quan CHU TRI ", "lead"),
    ("Thời hạn", "deadline"),
    ("Nhóm", "group"),
    ("Ghi chú", None),
])
def test_headers_are_matched_leniently(header: str, key: str | None) -> None:
    column = column_for_header(header)
    assert (column.key if column else None) == key


@pytest.mark.parametrize("index, letter", [(1, "A"), (9, "I"), (26, "Z"), (27, "AA"), (53, "BA")])
def test_column_letters(index: int, letter: str) -> None:
    assert column_letter(index) == letter


def test_fold_removes_diacritics_case_and_spacing() -> None:
    assert fold("  Đài Phát thanh  ") == "dai phat thanh"
