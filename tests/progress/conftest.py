"""Shared paths and helpers for the progress tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lsdocs.content import load_plan
from lsdocs.content.model import Content
from lsdocs.errors import Problem
from lsdocs.progress.record_loader import validate_progress

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "progress"
SHIPPED_PLAN = ROOT / "content" / "kh-182-2023.yaml"
SHIPPED_PROGRESS = ROOT / "content" / "tien-do" / "kh-182-2023"
#: The day the fixtures' year limit is computed from (reporting years up to 2027).
TODAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="session")
def content() -> Content:
    return load_plan(SHIPPED_PLAN)


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the fixture folder, so messages name files as a clerk would type them."""
    monkeypatch.chdir(FIXTURES)
    return FIXTURES


def problems_of(content: Content, name: str) -> list[Problem]:
    """Problems of fixture root *name* (run from the fixture folder, see in_fixtures)."""
    return validate_progress(content, name, today=TODAY)


def errors_of(content: Content, name: str) -> list[Problem]:
    return [p for p in problems_of(content, name) if p.is_error]
