"""Real drafts from the shipped content, a real register file, real LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from lsdocs.batch import BatchOptions, run_batch
from lsdocs.documents.letter_contexts import LetterOptions
from lsdocs.issuing.sqlite_store import SqliteRegister, open_sqlite
from tests.conftest import SHIPPED_PLAN

DRAFTED = dt.date(2026, 11, 29)

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice (soffice) and poppler are needed; make test installs them",
)


def make_batch(root: Path, kind: str, drafted: dt.date = DRAFTED) -> Path:
    options = BatchOptions(kind=kind, letter=LetterOptions(date=drafted), output_root=root)
    return run_batch(SHIPPED_PLAN, options).directory


@pytest.fixture(scope="session")
def assignment_drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``lsdocs batch giao-nhiem-vu``: 14 letters of UBND tỉnh (…/UBND-KGVX) + manifest."""
    return make_batch(tmp_path_factory.mktemp("drafts"), "giao-nhiem-vu")


@pytest.fixture(scope="session")
def report_request_drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``lsdocs batch de-nghi-bao-cao``: letters of the Sở (…/SKHCN-QLKH) with an appendix."""
    return make_batch(tmp_path_factory.mktemp("drafts"), "de-nghi-bao-cao")


@pytest.fixture
def batch(assignment_drafts: Path, tmp_path: Path) -> Path:
    """A private copy of the assignment batch folder."""
    target = tmp_path / "giao-nhiem-vu"
    shutil.copytree(assignment_drafts, target)
    return target


@pytest.fixture
def requests(report_request_drafts: Path, tmp_path: Path) -> Path:
    target = tmp_path / "de-nghi-bao-cao"
    shutil.copytree(report_request_drafts, target)
    return target


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteRegister]:
    register = open_sqlite(tmp_path / "so-van-ban-di.sqlite")
    yield register
    register.close()
