"""The registry: loading, its own mistakes, and following agencies to their successors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lsdocs.content import load_registry, resolve_agency, validate
from lsdocs.content.model import Registry
from lsdocs.errors import ContentError

from .conftest import FIXTURES, SHIPPED

AFTER_MERGERS = dt.date(2026, 1, 15)
IN_2023 = dt.date(2023, 9, 6)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(FIXTURES / "agencies.yaml")


def ids(agencies: tuple[object, ...]) -> list[str]:
    return [a.id for a in agencies]  # type: ignore[attr-defined]


def test_load_registry_builds_agencies(registry: Registry) -> None:
    sttt = registry.get("sttt")
    assert sttt.valid_until == dt.date(2025, 2, 28)
    assert [(s.agency, s.scope) for s in sttt.successors] == [
        ("skhcn", "công nghệ thông tin, viễn thông, chuyển đổi số"),
        ("svhttdl", "báo chí, xuất bản, thông tin cơ sở"),
    ]
    assert registry.get("skhcn").header_lines == ("SỞ KHOA HỌC", "VÀ CÔNG NGHỆ")
    assert registry.get("ubnd-cac-xa-phuong").group is True


def test_registry_mistakes_are_all_reported(in_fixtures: object) -> None:
    problems = validate("agencies-broken.yaml")
    assert [(p.location.line, p.location.path, p.code) for p in problems] == [
        (11, "agencies[0].header_lines[0]", "not-upper"),
        (12, "agencies[1].id", "duplicate-id"),
        (21, "agencies[2].valid_until", "bad-date-order"),
        (23, "agencies[2].successors[0].scope", "missing-scope"),
        (24, "agencies[2].successors[1].agency", "unknown-agency"),
        (29, "agencies[3].kind", "bad-choice"),
    ]
    assert problems[1].format() == (
        "agencies-broken.yaml:12: agencies[1].id: lỗi: mã cơ quan bị trùng (đã có ở dòng 6): "
        "«skhcn»")
    assert problems[4].format("en") == (
        "agencies-broken.yaml:24: agencies[2].successors[1].agency: error: no agency with this "
        "id in the registry: «svhtdl»; see the ids in agencies-broken.yaml")
    with pytest.raises(ContentError):
        load_registry("agencies-broken.yaml")


def test_an_agency_that_still_exists_is_itself(registry: Registry) -> None:
    assert ids(resolve_agency(registry, "syt", AFTER_MERGERS)) == ["syt"]
    assert ids(resolve_agency(registry, "skhcn", AFTER_MERGERS)) == ["skhcn"]


def test_an_old_agency_on_an_old_date_is_itself(registry: Registry) -> None:
    assert ids(resolve_agency(registry, "snnptnt", IN_2023)) == ["snnptnt"]
    assert ids(resolve_agency(registry, "sttt", IN_2023)) == ["sttt"]


def test_a_merged_agency_goes_to_its_one_successor(registry: Registry) -> None:
    assert ids(resolve_agency(registry, "snnptnt", AFTER_MERGERS)) == ["snnmt"]
    assert ids(resolve_agency(registry, "snnptnt", dt.date(2025, 3, 1))) == ["snnmt"]
    assert ids(resolve_agency(registry, "snnptnt", dt.date(2025, 2, 28))) == ["snnptnt"]


def test_districts_go_to_communes(registry: Registry) -> None:
    assert ids(resolve_agency(registry, "ubnd-cac-huyen-thanh-pho", AFTER_MERGERS)) == [
        "ubnd-cac-xa-phuong"]
    assert ids(resolve_agency(registry, "ubnd-cac-huyen-thanh-pho", dt.date(2025, 6, 30))) == [
        "ubnd-cac-huyen-thanh-pho"]


def test_a_split_without_a_choice_lists_every_choice(registry: Registry) -> None:
    with pytest.raises(ContentError) as caught:
        resolve_agency(registry, "sttt", AFTER_MERGERS)
    (problem,) = caught.value.problems
    assert problem.format() == (
        "succession: lỗi: Sở Thông tin và Truyền thông (sttt) không còn vào ngày 15/01/2026 và "
        "được chia cho nhiều cơ quan; cần chọn một (cần một trong: skhcn (công nghệ thông tin, "
        "viễn thông, chuyển đổi số); svhttdl (báo chí, xuất bản, thông tin cơ sở)); thêm vào tệp "
        "nội dung dòng «succession: {sttt: skhcn}»")
    assert "add the line «succession: {sttt: skhcn}» to the content file" in problem.format("en")


def test_a_split_with_a_choice_goes_to_the_chosen_agency(registry: Registry) -> None:
    assert ids(resolve_agency(registry, "sttt", AFTER_MERGERS, {"sttt": "svhttdl"})) == [
        "svhttdl"]
    assert ids(resolve_agency(registry, "sttt", AFTER_MERGERS, {"sttt": "skhcn"})) == ["skhcn"]


def test_a_choice_that_is_not_a_successor_is_refused(registry: Registry) -> None:
    with pytest.raises(ContentError) as caught:
        resolve_agency(registry, "sttt", AFTER_MERGERS, {"sttt": "syt"})
    assert caught.value.problems[0].message.vi == (
        "«syt» không phải cơ quan kế thừa của Sở Thông tin và Truyền thông (sttt)")


def test_an_agency_before_it_existed_is_refused(registry: Registry) -> None:
    with pytest.raises(ContentError) as caught:
        resolve_agency(registry, "snnmt", IN_2023)
    assert caught.value.problems[0].message.vi == (
        "Sở Nông nghiệp và Môi trường (snnmt) chưa thành lập vào ngày 06/9/2023")


def test_an_unknown_id_is_refused_with_a_suggestion(registry: Registry) -> None:
    with pytest.raises(ContentError) as caught:
        resolve_agency(registry, "skhc", AFTER_MERGERS)
    assert caught.value.problems[0].hint.vi == "có phải «skhcn» (Sở Khoa học và Công nghệ)?"


def test_without_a_date_nothing_is_followed(registry: Registry) -> None:
    assert ids(resolve_agency(registry, "sttt", None)) == ["sttt"]


def test_shipped_registry_maps_every_2023_agency_to_2026() -> None:
    shipped = load_registry(SHIPPED / "agencies.yaml")
    choices = {"sttt": "skhcn", "sldtbxh": "snv"}
    expected = {"snnptnt": "snnmt", "stnmt": "snnmt", "skhdt": "stc", "sttt": "skhcn",
                "sgtvt": "sxd", "sldtbxh": "snv", "bdt": "sdttg", "baols": "bptth",
                "dptth": "bptth", "ubnd-cac-huyen-thanh-pho": "ubnd-cac-xa-phuong",
                "skhcn": "skhcn", "cat": "cat"}
    for old, new in expected.items():
        assert ids(resolve_agency(shipped, old, AFTER_MERGERS, choices)) == [new], old
    for split in ("sttt", "sldtbxh"):
        with pytest.raises(ContentError):
            resolve_agency(shipped, split, AFTER_MERGERS)


def test_a_long_header_line_is_a_warning(tmp_path: Path) -> None:
    folder = tmp_path
    text = (FIXTURES / "agencies.yaml").read_text(encoding="utf-8").replace(
        "header_lines: [SỞ KHOA HỌC, VÀ CÔNG NGHỆ]",
        "header_lines: [SỞ KHOA HỌC VÀ CÔNG NGHỆ LẠNG SƠN]")
    (folder / "agencies.yaml").write_text(text, encoding="utf-8")
    (problem,) = validate(folder / "agencies.yaml")
    assert (problem.severity, problem.code, problem.location.path) == (
        "warning", "header-line-long", "agencies[1].header_lines[0]")
    assert load_registry(folder / "agencies.yaml").get("skhcn").header_lines == (
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ LẠNG SƠN",)
