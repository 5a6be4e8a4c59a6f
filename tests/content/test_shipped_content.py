"""The content shipped in content/: KH 182/KH-UBND loads cleanly and its verbatim
parts are the seed text, paragraph for paragraph."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from lsdocs.content import load_plan, validate
from lsdocs.content.model import Content

from .conftest import SEED, SHIPPED

PLAN_FILE = SHIPPED / "kh-182-2023.yaml"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_plan(PLAN_FILE)


@pytest.fixture(scope="module")
def seed() -> list[str]:
    """The seed's paragraphs: its non-blank lines, NFC."""
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    return [line.strip() for line in text.splitlines() if line.strip()]


def between(paragraphs: list[str], start: str, end: str) -> list[str]:
    first = paragraphs.index(start)
    return paragraphs[first + 1:paragraphs.index(end, first + 1)]


def test_shipped_content_has_no_problem_at_all() -> None:
    assert validate(PLAN_FILE) == []
    assert validate(SHIPPED) == []
    assert validate(SHIPPED / "agencies.yaml") == []


def test_every_shipped_string_is_nfc() -> None:
    for file in SHIPPED.glob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), file.name


def test_document_facts(content: Content) -> None:
    doc = content.plan.document
    assert (doc.number, doc.date, doc.place, doc.issuer) == (
        182, dt.date(2023, 9, 6), "Lạng Sơn", "ubnd-tinh")
    assert doc.signature.authority == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
    assert (doc.signature.title, doc.signature.name) == ("PHÓ CHỦ TỊCH", "Dương Xuân Huyên")
    assert doc.filing == "VT, KGVX"
    assert (doc.source, doc.recipients_source) == ("verbatim", "illustrative")


def test_trich_yeu_is_the_seed_title_in_sentence_case(content: Content,
                                                      seed: list[str]) -> None:
    title = seed[seed.index("KẾ HOẠCH") + 1]
    trich_yeu = content.plan.document.trich_yeu
    assert trich_yeu.upper() == title  # the web copy wrote 88-CTR/TU only because of the capitals
    assert trich_yeu.startswith("Thực hiện Chương trình hành động số 88-CTr/TU ngày 19/6/2023")
    assert trich_yeu.endswith("trong tình hình mới")


def test_preamble_and_purposes_are_verbatim(content: Content, seed: list[str]) -> None:
    plan = content.plan
    title = seed[seed.index("KẾ HOẠCH") + 1]
    assert list(plan.preamble) == between(seed, title, "I. MỤC ĐÍCH, YÊU CẦU")
    assert list(plan.purposes) == between(seed, "1. Mục đích", "2. Yêu cầu")
    assert list(plan.requirements) == between(seed, "2. Yêu cầu", "II. MỤC TIÊU")
    assert (plan.preamble_source, plan.purposes_source) == ("verbatim", "verbatim")
    assert "88- CTr/TU" in plan.purposes[0]  # the seed's own spacing is kept


def test_objectives_are_verbatim(content: Content, seed: list[str]) -> None:
    goal, vision = content.plan.objectives
    assert (goal.title, goal.year, vision.title, vision.year) == (
        "Mục tiêu đến năm 2030", 2030, "Tầm nhìn đến năm 2045", 2045)
    assert [i.text for i in goal.items] == between(
        seed, "1. Mục tiêu đến năm 2030", "2. Tầm nhìn đến năm 2045")
    assert [i.text for i in vision.items] == between(
        seed, "2. Tầm nhìn đến năm 2045", "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
    target = goal.items[-1].target
    assert target is not None
    assert (target.value, target.unit, target.change, target.year) == (50, "%", "increase", 2030)
    assert {goal.source, vision.source} == {"verbatim"}


def test_task_groups_1_and_2_are_verbatim(content: Content, seed: list[str]) -> None:
    section = between(seed, "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "[...]")
    second = next(i for i, p in enumerate(section) if p.startswith("2. "))
    first_group, second_group = content.plan.task_groups[:2]
    assert "1. " + first_group.title == section[0]
    assert list(first_group.paragraphs) == section[1:second]
    assert "2. " + second_group.title == section[second]
    assert list(second_group.paragraphs) == section[second + 1:]
    assert "phù hợp với với từng địa bàn" in first_group.paragraphs[1]
    assert {first_group.source, second_group.source} == {"verbatim"}


def test_missing_parts_are_marked_illustrative(content: Content) -> None:
    plan = content.plan
    assert [g.source for g in plan.task_groups[2:]] == ["illustrative"] * 3
    assert {t.source for t in plan.tasks} == {"illustrative"}
    assert plan.organization.source == "illustrative"
    assert plan.source_note and "minh họa" in plan.source_note
    for group in plan.task_groups[2:]:
        assert 2 <= len(group.paragraphs) <= 3


def test_task_table(content: Content) -> None:
    plan = content.plan
    ids = [t.id for t in plan.tasks]
    assert 18 <= len(ids) <= 22 and len(set(ids)) == len(ids)
    for number, group in enumerate(plan.task_groups, start=1):
        assert 3 <= len(group.tasks) <= 5
        assert all(t.id.startswith(f"{number}.") for t in group.tasks)
    kinds = {t.deadline.kind for t in plan.tasks}
    assert kinds == {"annual", "regular", "date", "month", "quarter", "year", "period"}
    issued = plan.document.date
    assert issued is not None
    assert all(t.deadline.due is None or t.deadline.due >= issued for t in plan.tasks)


def test_tasks_name_the_2023_agencies(content: Content) -> None:
    registry = content.registry
    plan = content.plan
    named = {t.lead for t in plan.tasks} | {a for t in plan.tasks for a in t.support}
    assert "sttt" in named and "ubnd-cac-huyen-thanh-pho" in named
    assert "snnptnt" in named and "snnmt" not in named
    for agency_id in named:
        until = registry.get(agency_id).valid_until
        assert until is None or until >= plan.document.date
    # Splits are resolved for letters written after the 2025 mergers, never guessed.
    assert plan.succession == {"sttt": "svhttdl", "sldtbxh": "sgddt"}


def test_section_iv(content: Content) -> None:
    organization = content.plan.organization
    charged = [a for r in organization.responsibilities for a in r.agencies]
    assert charged == ["skhcn", "snnptnt", "syt", "sct", "stnmt", "stc", "skhdt", "sgddt",
                       "sttt", "baols", "dptth", "cat", "bchqs", "ubnd-cac-huyen-thanh-pho"]
    reporting = organization.reporting
    assert (reporting.reporters_to, reporting.day, reporting.month) == ("skhcn", 15, 12)
    assert (reporting.compiler_to, reporting.compile_day, reporting.compile_month) == (
        "ubnd-tinh", 25, 12)
    assert reporting.also_to == ("bo-khcn",)
    assert not organization.closing.endswith("./.")


def test_every_block_of_the_shipped_plan_says_whether_it_is_verbatim() -> None:
    """Only KH 182 needs ``source`` (its published copy is cut short); it marks every block."""
    text = (SHIPPED / "kh-182-2023.yaml").read_text(encoding="utf-8")
    blocks = ["document:", "noi_nhan:", "preamble:", "purposes:", "organization:", "letters:"]
    per_block = text.count("\n  source: ")
    tasks = text.count("\n        source: ")
    groups_and_objectives = text.count("\n    source: ")
    assert per_block == len(blocks)
    assert tasks == text.count("\n      - id: \"")
    assert groups_and_objectives == text.count("\n  - id: ")
