"""Every rule: a copy of the good document broken in exactly that way is reported
with that rule id, its severity and a location a clerk can find."""

from __future__ import annotations

import pytest
from nd30_builder import mutate
from nd30_variants import CASES, Case

from lsdocs.check import RULES, check_bytes


@pytest.fixture(scope="module")
def bases(good_plan: bytes, good_cong_van: bytes) -> dict[str, bytes]:
    return {"plan": good_plan, "cong_van": good_cong_van}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_document_is_reported_with_rule_and_location(
        case: Case, bases: dict[str, bytes]) -> None:
    report = check_bytes(mutate(bases[case.base], case.change), f"{case.id}.docx")
    hits = [f for f in report.findings if f.rule == case.rule]
    assert hits, f"{case.rule} not reported; got {[f.rule for f in report.findings]}"
    assert any(f.severity == case.severity for f in hits)
    assert any(case.where in f.location.vi for f in hits), [f.location.vi for f in hits]
    assert all(f.location.en and f.message.en and f.clause.vi.startswith("NĐ 30")
               or f.rule in ("R43", "R44") for f in hits)
    unexpected = {f.rule for f in report.errors} - {case.rule, *case.also}
    assert not unexpected, [(f.rule, f.location.vi, f.sentence()) for f in report.errors
                            if f.rule in unexpected]


def test_every_rule_of_the_table_has_a_broken_variant() -> None:
    covered = {c.rule for c in CASES}
    assert {r.id for r in RULES} <= covered | {"R21"}


def test_rule_table_is_the_single_source_of_ids_and_severities() -> None:
    ids = [r.id for r in RULES]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    assert all(r.severity in ("error", "warning") for r in RULES)
    assert all(r.clause.vi and r.clause.en and r.title.vi and r.title.en for r in RULES)
