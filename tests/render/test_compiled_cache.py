"""Compiled templates kept between runs: found again, never stale, never read from others."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from lsdocs.render import compiled_cache
from lsdocs.render.engine import CoreProperties, DocxTemplateFile
from lsdocs.render.environment import ENV

CORE = CoreProperties(title="t")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The caches on, in a folder of this test; Jinja's in-memory templates forgotten."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LSDOCS_CACHE_DIR", str(folder))
    monkeypatch.delenv("LSDOCS_NO_CACHE", raising=False)
    assert ENV.cache is not None
    ENV.cache.clear()
    return folder / "templates"


class CountingPatch:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> str:
        self.calls += 1
        return text.upper()


def test_patched_text_is_kept_and_found_again(cache: Path) -> None:
    patch = CountingPatch()
    assert compiled_cache.patched("t:p", b"<a>{{ x }}</a>", patch) == "<A>{{ X }}</A>"
    assert compiled_cache.patched("t:p", b"<a>{{ x }}</a>", patch) == "<A>{{ X }}</A>"
    assert patch.calls == 1
    assert compiled_cache.patched("t:p", b"<a>{{ y }}</a>", patch) == "<A>{{ Y }}</A>"
    assert patch.calls == 2
    assert compiled_cache.patched("t:p", b"<a>{{ x }}</a>", patch) == "<A>{{ X }}</A>"
    assert patch.calls == 3  # the part changed back: one entry per part, replaced
    assert len(list(cache.iterdir())) == 1
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in cache.iterdir())
    assert cache.stat().st_mode & 0o777 == 0o700


def test_without_the_cache_every_part_is_patched(cache: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LSDOCS_NO_CACHE", "1")
    patch = CountingPatch()
    compiled_cache.patched("t:p", b"<a/>", patch)
    compiled_cache.patched("t:p", b"<a/>", patch)
    assert patch.calls == 2
    assert not cache.exists()


def test_an_entry_others_may_write_is_not_read(cache: Path) -> None:
    compiled_cache.patched("t:p", b"<a/>", CountingPatch())
    (entry,) = cache.iterdir()
    entry.write_bytes(entry.read_bytes().splitlines(keepends=True)[0] + b"<B/>")
    os.chmod(entry, 0o666)
    patch = CountingPatch()
    assert compiled_cache.patched("t:p", b"<a/>", patch) == "<A/>"
    assert patch.calls == 1


def test_a_template_renders_the_same_from_kept_code(cache: Path, make_template) -> None:
    path = make_template("Kính gửi: {{ name }}.")
    fresh = DocxTemplateFile(path).render({"name": "Sở Y tế"}, CORE)
    assert any(p.name.startswith("code-") for p in cache.iterdir())
    ENV.cache.clear()  # as in a new process: the code comes from the file
    assert DocxTemplateFile(path).render({"name": "Sở Y tế"}, CORE) == fresh


def test_damaged_code_is_compiled_again(cache: Path, make_template) -> None:
    path = make_template("Kính gửi: {{ name }}.")
    fresh = DocxTemplateFile(path).render({"name": "Sở Y tế"}, CORE)
    for entry in cache.glob("code-*"):
        entry.write_bytes(entry.read_bytes()[:40])
    ENV.cache.clear()
    assert DocxTemplateFile(path).render({"name": "Sở Y tế"}, CORE) == fresh


def test_a_changed_template_at_the_same_path_is_not_served_old_code(
        cache: Path, make_template) -> None:
    path = make_template("Kính gửi: {{ name }}.")
    DocxTemplateFile(path).render({"name": "Sở Y tế"}, CORE)
    entries = len(list(cache.iterdir()))
    make_template("Đồng kính gửi: {{ name }}.")  # same file name, new text
    ENV.cache.clear()
    again = DocxTemplateFile(path).render({"name": "Sở Y tế"}, CORE)
    assert "Đồng kính gửi: Sở Y tế." in body_text(again)
    assert len(list(cache.iterdir())) == entries  # replaced, not added


def body_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")
