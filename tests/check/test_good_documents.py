"""Known-good documents pass: as built, re-saved by LibreOffice, and longer ones."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from nd30_builder import (
    build_bao_cao,
    build_cong_van,
    build_phu_luc,
    build_plan,
    build_quyet_dinh,
    mutate,
    styled,
)
from nd30_variants import CASES

from lsdocs.check import assert_conformant, check_bytes

#: the same documents drawn with the other techniques Word, LibreOffice and
#: generators use: underscore or DrawingML rules, a simple PAGE field, spacing
#: after instead of before, exact line spacing, a two-row header; other kinds
ALTERNATIVES = {
    "rules-underscore": ({"rule": "underscore"}, build_plan),
    "rules-drawing": ({"rule": "drawing"}, build_plan),
    "rules-drawing-cong-van": ({"rule": "drawing"}, build_cong_van),
    "page-field-simple": ({"page": "simple"}, build_plan),
    "spacing-after": ({"spacing": "after"}, build_plan),
    "spacing-exact": ({"spacing": "exact"}, build_plan),
    "header-two-rows": ({"rows": "2"}, build_plan),
    "header-two-rows-cong-van": ({"rows": "2"}, build_cong_van),
    "bao-cao-kinh-gui": ({}, build_bao_cao),
    "quyet-dinh": ({}, build_quyet_dinh),
    "phu-luc-file": ({}, build_phu_luc),
}
KINDS = {"bao-cao-kinh-gui": "bao-cao", "quyet-dinh": "quyet-dinh", "phu-luc-file": "phu-luc",
         "rules-drawing-cong-van": "cong-van", "header-two-rows-cong-van": "cong-van"}


@pytest.fixture(scope="module")
def alternatives() -> dict[str, bytes]:
    built = {}
    for name, (options, build) in ALTERNATIVES.items():
        with styled(**options):
            built[name] = build()
    return built


def _describe(data: bytes) -> list[str]:
    return [f"{f.rule} {f.location.vi}: {f.sentence()}" for f in check_bytes(data).findings]


def test_known_good_plan_has_no_findings(good_plan: bytes) -> None:
    report = check_bytes(good_plan, "kh.docx")
    assert report.kind == "ke-hoach"
    assert report.findings == [], _describe(good_plan)


def test_known_good_cong_van_has_no_findings(good_cong_van: bytes) -> None:
    report = check_bytes(good_cong_van, "cv.docx")
    assert report.kind == "cong-van"
    assert report.findings == [], _describe(good_cong_van)


def test_multi_page_plan_has_no_findings(long_plan: bytes) -> None:
    assert check_bytes(long_plan).findings == [], _describe(long_plan)


@pytest.mark.parametrize("name", list(ALTERNATIVES))
def test_other_drawing_techniques_and_kinds_have_no_findings(alternatives: dict[str, bytes],
                                                             name: str) -> None:
    report = check_bytes(alternatives[name], f"{name}.docx")
    assert report.kind == KINDS.get(name, "ke-hoach")
    assert report.findings == [], _describe(alternatives[name])


@pytest.mark.parametrize("kind", ["ke-hoach", "auto"])
def test_assert_conformant_passes_good_and_lists_errors_of_bad(good_plan: bytes,
                                                                kind: str) -> None:
    assert assert_conformant(good_plan, kind).passed()
    broken = mutate(good_plan, next(c for c in CASES if c.id == "R11-en-dash").change)
    with pytest.raises(AssertionError, match="R11"):
        assert_conformant(broken, kind)


def test_forced_kind_that_contradicts_the_title_is_reported(good_plan: bytes) -> None:
    report = check_bytes(good_plan, kind="bao-cao")
    assert "R20" in {f.rule for f in report.errors}


RESAVED = ("R07-arial", "R11-en-dash", "R12-no-rule", "R26-size-12", "R37-number-on-page-1")


@pytest.fixture(scope="module")
def resaved(resave: Callable[[dict[str, bytes]], dict[str, bytes]], good_plan: bytes,
            good_cong_van: bytes, long_plan: bytes,
            alternatives: dict[str, bytes]) -> dict[str, bytes]:
    docs = {"plan": good_plan, "cong_van": good_cong_van, "long_plan": long_plan, **alternatives}
    cases = {c.id: c for c in CASES}
    for case_id in RESAVED:
        base = good_plan if cases[case_id].base == "plan" else good_cong_van
        docs[case_id] = mutate(base, cases[case_id].change)
    return resave(docs)


@pytest.mark.parametrize("name", ["plan", "cong_van", "long_plan", *ALTERNATIVES])
def test_libreoffice_resave_of_good_document_passes(resaved: dict[str, bytes],
                                                    name: str) -> None:
    report = check_bytes(resaved[name], f"{name}-lo.docx")
    assert report.errors == [], _describe(resaved[name])


@pytest.mark.parametrize("case_id", RESAVED)
def test_libreoffice_resave_keeps_faults_visible(resaved: dict[str, bytes],
                                                 case_id: str) -> None:
    rule = case_id.split("-")[0]
    assert rule in {f.rule for f in check_bytes(resaved[case_id]).findings}
