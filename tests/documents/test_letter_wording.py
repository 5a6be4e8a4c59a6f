"""Every sentence of every letter, for every agency, both issuers, three dates, read as a văn thư.

The matrix is the one issue 9 is judged on: each letter kind to each agency
from UBND tỉnh and from Sở Khoa học và Công nghệ, dated before the 2025
mergers, just after them, and in 2026.  Each assertion is a sentence-level
rule a clerk would apply before signing.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pytest

from lsdocs.documents import letter_contexts as L
from lsdocs.documents import letter_words as w
from lsdocs.documents.lateness import overdue_phrase
from lsdocs.documents.letter_voice import relation
from lsdocs.letter_writer import render_letter

DATES = [dt.date(2023, 10, 2), dt.date(2025, 3, 3), dt.date(2026, 11, 30)]
ISSUERS = ["ubnd-tinh", "skhcn"]


def _texts(context):
    """Every sentence a letter context prints, in reading order."""
    header = context["header"]
    out = [header["vv"], *context["intro"], *context.get("requests", [])]
    for section in context.get("sections", []):
        out += [section["heading"], *section["paragraphs"]]
    out.append(context["closing"])
    appendix = context.get("appendix")
    if appendix:
        out += [appendix["title"], appendix["reference"]]
        for section in appendix["sections"]:
            out += [section["heading"], *section["paragraphs"]]
    return out


def _letters():
    from lsdocs.content import load_plan
    from tests.conftest import SHIPPED_PLAN

    content = load_plan(SHIPPED_PLAN)
    for kind in L.LETTER_KINDS:
        for issuer in ISSUERS:
            for date in DATES:
                options = L.LetterOptions(date=date, issuer=issuer, as_of=date, year=date.year)
                setup = L.setup(content, kind, options)
                for agency in [None] if kind == "trien-khai" else L.recipients(setup):
                    yield setup, agency, L.letter_context(setup, agency)


ALL = list(_letters())


def test_the_matrix_covers_every_kind_issuer_and_date():
    seen = {(s.kind, s.issuer.id, s.options.date) for s, _a, _c in ALL}
    assert len(seen) >= len(L.LETTER_KINDS) * len(ISSUERS) * len(DATES) - 2  # no đôn đốc in 2023
    assert len(ALL) > 150


@pytest.mark.parametrize("pattern", [
    r"\b0 nhiệm vụ",  # a zero count
    r"quá hạn \d+ ngày",  # a day count nobody writes
    r"\d{1,2}/\d{1,2}/\d{4} năm \d{4}",  # a year dangling after a citation date
    r"\(\)|\s[,;.]",  # an empty bracket or a space before punctuation
    r"\bNone\b|\{\{|\}\}",  # template leftovers
])
def test_no_artefact_a_person_would_not_write(pattern):
    bad = [(s.kind, s.issuer.id, s.options.date, a, t) for s, a, c in ALL for t in _texts(c)
           if re.search(pattern, t)]
    assert not bad[:3]


def test_no_lone_first_heading():
    for _s, _a, context in ALL:
        headings = [x["heading"] for x in context.get("sections", [])]
        assert not (len(headings) == 1 and headings[0].startswith("1.")), headings


def test_a_lead_never_coordinates_with_itself():
    for setup, agency, context in ALL:
        if setup.kind != "giao-nhiem-vu":
            continue
        name = setup.tasks[agency].agency.name
        for text in [p for x in context["sections"] for p in x["paragraphs"]]:
            found = re.search(r"Cơ quan phối hợp: (.*?)\. Thời gian", text)
            if found:
                coordinators = found.group(1).split("; ")
                assert name not in coordinators, (setup.options.date, agency, text)
                assert len(coordinators) == len(set(coordinators)), text


def test_merged_agency_reads_naturally_after_2025(shipped_content):
    setup = L.setup(shipped_content, "giao-nhiem-vu", L.LetterOptions(date=DATES[2]))
    text = "\n".join(_texts(L.letter_context(setup, "snnmt")))
    assert "Cơ quan phối hợp: Sở Khoa học và Công nghệ; Ủy ban nhân dân các xã, phường." in text
    assert "Sở Nông nghiệp và Môi trường; Sở Nông nghiệp" not in text


def test_the_province_directs_and_never_reports_to_itself():
    for setup, _agency, context in ALL:
        if setup.issuer.id != "ubnd-tinh":
            continue
        text = "\n".join(_texts(context))
        assert "báo cáo Ủy ban nhân dân tỉnh" not in text and "báo cáo UBND tỉnh" not in text
        assert "quan tâm, phối hợp" not in context["closing"]
        assert "yêu cầu" in text or "giao" in text
        if setup.kind == "giao-nhiem-vu":
            assert context["header"]["vv"].startswith("V/v giao nhiệm vụ")


def test_a_department_asks_its_peers_and_relays_the_province():
    for setup, _agency, context in ALL:
        if setup.issuer.id != "skhcn":
            continue
        text = "\n".join(_texts(context))
        assert "yêu cầu" not in text and " giao Sở" not in text
        assert "giao nhiệm vụ" not in context["header"]["vv"]
        if setup.kind == "giao-nhiem-vu":
            assert context["intro"][0].startswith(
                "Thực hiện chỉ đạo của UBND tỉnh tại Kế hoạch số 182/KH-UBND ngày 06/9/2023")
            assert "Sở Khoa học và Công nghệ đề nghị" in context["intro"][0]


def test_nobody_is_told_to_report_to_itself():
    for setup, agency, context in ALL:
        if agency is None:
            continue
        name = setup.tasks[agency].agency.name
        for text in _texts(context):
            assert f"gửi về {name} " not in text and f"về {name} trước" not in text, text


def test_relation_is_rank_against_rank(shipped_content):
    get = shipped_content.registry.get
    assert relation(get("ubnd-tinh"), get("syt")) == "superior"
    assert relation(get("ubnd-tinh"), get("ubnd-cac-xa-phuong")) == "superior"
    assert relation(get("skhcn"), get("syt")) == "peer"
    assert relation(get("skhcn"), get("cat")) == "peer"
    assert relation(get("skhcn"), get("ubnd-tinh")) == "subordinate"
    assert relation(get("skhcn"), get("bo-khcn")) == "subordinate"


@pytest.mark.parametrize(("due", "as_of", "expected"), [
    (dt.date(2024, 6, 30), dt.date(2026, 11, 30), "đã quá hạn hơn 2 năm"),
    (dt.date(2024, 6, 30), dt.date(2024, 7, 15), "đã quá thời hạn ngày 30/6/2024"),
    (dt.date(2026, 8, 31), dt.date(2026, 11, 30), "đã quá hạn 3 tháng"),
    (dt.date(2024, 12, 31), dt.date(2025, 3, 3), "đã quá hạn hơn 2 tháng"),
    (dt.date(2024, 6, 30), dt.date(2025, 6, 30), "đã quá hạn 1 năm"),
])
def test_lateness_is_said_in_months_or_years(due, as_of, expected):
    assert overdue_phrase(due, as_of) == expected


def test_an_old_as_of_never_asks_for_a_reply_before_the_letter(shipped_content):
    options = L.LetterOptions(date=DATES[2], as_of=dt.date(2024, 7, 1), issuer="ubnd-tinh")
    setup = L.setup(shipped_content, "don-doc", options)
    assert any("01/7/2024" in w.get("vi") for w in setup.warnings)
    closing = L.letter_context(setup, "skhcn")["closing"]
    reply = re.search(r"trước ngày (\d+)/(\d+)/(\d+)", closing)
    assert reply and dt.date(*map(int, reply.groups()[::-1])) > DATES[2]


def test_assignment_letters_say_when_deadlines_have_passed(shipped_content):
    setup = L.setup(shipped_content, "giao-nhiem-vu", L.LetterOptions(date=DATES[2]))
    text = "\n".join(_texts(L.letter_context(setup, "syt")))
    assert "Thời gian hoàn thành: quý II/2024 (đã quá hạn hơn 2 năm;" in text
    warnings = L.letter_warnings(setup, "syt")
    assert warnings and "3.2" in warnings[0].get("vi")


def test_single_reminder_group_has_no_numbered_heading(shipped_content):
    options = L.LetterOptions(date=DATES[1], as_of=DATES[1])
    setup = L.setup(shipped_content, "don-doc", options)
    context = L.letter_context(setup, "snv")
    assert context["sections"] == []
    assert context["intro"][0].endswith("nhiệm vụ sau đã quá hạn hoàn thành:")
    assert "đã quá hạn hơn 2 tháng" in context["intro"][1]


@pytest.mark.parametrize("issuer", ISSUERS)
def test_rendered_letter_says_the_same_as_its_context(shipped_content, issuer):
    options = L.LetterOptions(date=DATES[2], issuer=issuer, year=2026)
    setup = L.setup(shipped_content, "de-nghi-bao-cao", options)
    document = docx.Document(io.BytesIO(render_letter(setup, "stc")))
    printed = {p.text for p in document.paragraphs}
    context = L.letter_context(setup, "stc")
    assert set(context["intro"]) <= printed and context["closing"] in printed
    assert re.search(r"\(0\d nhiệm vụ chủ trì, 0\d nhiệm vụ phối hợp\)", context["intro"][0])


def test_letters_count_tasks_as_reports_do(shipped_content):
    """«02 nhiệm vụ chủ trì» in a letter, «05 nhiệm vụ» in a report: one way of counting."""
    assert w.count_phrase(1, 12) == "01 nhiệm vụ chủ trì, 12 nhiệm vụ phối hợp"
    assert w.count_phrase(0, 1234) == "1.234 nhiệm vụ phối hợp"
