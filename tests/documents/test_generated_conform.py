"""Every document lsdocs generates passes its own Decree 30 checker, warnings included.

A generator that regresses (a template edit, a new letter wording, a content
change) fails here with the rule, the place and the clause.
"""

from __future__ import annotations

import datetime as dt

import pytest

from lsdocs.batch import BatchOptions, run_batch
from lsdocs.check import assert_conformant
from lsdocs.documents import letter_contexts as L
from lsdocs.letter_writer import render_letter
from lsdocs.plan_writer import render_plan_documents
from tests.conftest import SHIPPED_PLAN

TODAY = dt.date(2026, 11, 29)


@pytest.mark.parametrize("name", ["ke-hoach.docx", "phu-luc-phan-cong.docx"])
def test_plan_documents(shipped_content, name):
    assert_conformant(render_plan_documents(shipped_content)[name], strict=True)


@pytest.mark.parametrize("issuer", ["ubnd-tinh", "skhcn"])
@pytest.mark.parametrize("kind", L.LETTER_KINDS)
def test_every_letter_for_every_agency(shipped_content, kind, issuer):
    options = L.LetterOptions(date=TODAY, issuer=issuer, as_of=TODAY, year=2026)
    setup = L.setup(shipped_content, kind, options)
    agencies = [None] if kind == "trien-khai" else L.recipients(setup)
    assert agencies
    for agency in agencies:
        assert_conformant(render_letter(setup, agency), strict=True)


def test_numbered_letter(shipped_content):
    options = L.LetterOptions(date=TODAY, draft=False, number=7)
    setup = L.setup(shipped_content, "trien-khai", options)
    assert_conformant(render_letter(setup, None), strict=True)
@pytest.mark.parametrize("kind", L.PER_AGENCY)
def test_merged_print_files(tmp_path, kind):
    letter = L.LetterOptions(date=TODAY, as_of=TODAY, year=2026)
    options = BatchOptions(kind=kind, letter=letter, output_root=tmp_path, merge=True)
    result = run_batch(SHIPPED_PLAN, options)
    assert result.merged is not None
    assert_conformant(result.merged, strict=True)


@pytest.mark.parametrize("year", [2024, 2025])
@pytest.mark.parametrize("dated", [False, True])
@pytest.mark.parametrize("records", ["fixture", "shipped"])
def test_every_annual_report(shipped_content, year, dated, records):
    from lsdocs.progress.record_loader import load_progress
    from lsdocs.reports import render_agency_report, render_consolidated_report, report_status
    from tests.documents.progress_fixture import progress

    found = progress() if records == "fixture" else load_progress(shipped_content)
    status = report_status(shipped_content, found, year)
    date = status.period_end if dated else None
    assert_conformant(render_consolidated_report(status, date).data, strict=True)
    collector = shipped_content.plan.organization.reporting.reporters_to
    for agency in status.records:
        if agency != collector:
            assert_conformant(render_agency_report(status, agency, date).data, strict=True)
