"""Fixtures shared by the whole suite: the shipped content and its generated documents."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from lsdocs.content import load_plan
from lsdocs.content.model import Content
from lsdocs.plan_writer import build

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_PLAN = ROOT / "content" / "kh-182-2023.yaml"

# Remembered clean validations (lsdocs.clean_cache) and loaded content (lsdocs.content_cache)
# go to a folder of this run, not ~/.cache, and are off: every test reads and checks its
# content for real.  The caches' own tests turn them on.
os.environ["LSDOCS_CACHE_DIR"] = tempfile.mkdtemp(prefix="lsdocs-test-cache-")
os.environ["LSDOCS_NO_CACHE"] = "1"


@pytest.fixture()
def cached_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped plan copied to a temp folder, with the caches on, in a folder of this test."""
    monkeypatch.setenv("LSDOCS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LSDOCS_NO_CACHE", raising=False)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content" / SHIPPED_PLAN.name


@pytest.fixture(scope="session")
def shipped_content() -> Content:
    return load_plan(SHIPPED_PLAN)


@pytest.fixture(scope="session")
def built_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan as ``lsdocs build`` writes it from the shipped content."""
    out = tmp_path_factory.mktemp("build")
    result = build(SHIPPED_PLAN, out)
    return result.directory / "ke-hoach.docx"


@pytest.fixture(autouse=True)
def _vietnamese_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests expect Vietnamese unless they ask otherwise, whatever the machine's locale."""
    for name in ("LSDOCS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
