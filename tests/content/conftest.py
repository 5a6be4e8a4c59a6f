"""Shared paths and helpers for the content tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from lsdocs.content import validate
from lsdocs.errors import Problem

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "content"
SEED = ROOT / "tests" / "fixtures" / "seed" / "kh-182-2023-seed.txt"
SHIPPED = ROOT / "content"


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the fixture folder, so messages name files as a clerk types them."""
    monkeypatch.chdir(FIXTURES)
    return FIXTURES


def problems_of(name: str) -> list[Problem]:
    """Problems of a fixture file, named relative to the fixture folder (see in_fixtures)."""
    return validate(name)


def write_variant(tmp_path: Path, base: str, old: str, new: str) -> Path:
    """Copy fixture *base* and the fixture registry into *tmp_path*, replacing *old* by *new*."""
    text = (FIXTURES / base).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {base}"
    (tmp_path / "agencies.yaml").write_text(
        (FIXTURES / "agencies.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "plan.yaml"
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target
