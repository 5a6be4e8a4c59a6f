"""Loaded content is kept and reused only while nothing it was read from has changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from lsdocs import clean_cache, content_cache, limits
from lsdocs.cli import cli
from lsdocs.content import load_plan
from lsdocs.content.model import Content
from lsdocs.errors import ContentError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def plan(cached_copy: Path) -> Path:
    return cached_copy


def entries() -> list[Path]:
    return sorted((clean_cache.cache_dir() / "content").glob("*.pickle"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_second_load_gives_the_same_model_from_the_cache(plan: Path) -> None:
    first = load_plan(plan)
    assert len(entries()) == 1
    kept = content_cache.recall(plan, Content)
    assert kept is not None and kept is not first
    assert kept == first and load_plan(plan) == first
    assert kept.warnings == first.warnings


@pytest.mark.parametrize("file, old, new", [
    ("kh-182-2023.yaml", "deadline: 2024 - 2025", "deadline: 2024 - 2027"),
    ("agencies.yaml", "Sở Y tế", "Sở Y tế tỉnh"),
])
def test_an_edited_plan_or_registry_is_read_again(plan: Path, file: str, old: str,
                                                  new: str) -> None:
    before = load_plan(plan)
    edit(plan.parent / file, old, new)
    assert content_cache.recall(plan, Content) is None
    after = load_plan(plan)
    assert after != before
    assert new.split(": ")[-1] in repr(after)


def test_content_with_an_error_is_never_kept(plan: Path) -> None:
    edit(plan, "date: 06/9/2023", "date: 31/02/2023")
    for _ in range(2):
        with pytest.raises(ContentError) as info:
            load_plan(plan)
        assert "31/02/2023" in info.value.format("vi")
    assert entries() == []


def test_changed_limits_read_again(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_plan(plan)
    monkeypatch.setattr(limits, "MAX_YAML_NODES", 10)
    assert content_cache.recall(plan, Content) is None
    with pytest.raises(ContentError):
        load_plan(plan)


def test_a_damaged_or_foreign_entry_is_ignored(plan: Path) -> None:
    expected = load_plan(plan)
    (entry,) = entries()
    entry.write_bytes(entry.read_bytes()[:-100])
    assert content_cache.recall(plan, Content) is None
    assert load_plan(plan) == expected  # and stored afresh
    assert content_cache.recall(plan, Content) == expected
    os.chmod(entry, 0o666)  # anybody could have written it: never unpickled
    assert content_cache.recall(plan, Content) is None
    os.chmod(entry, 0o600)
    os.chmod(entry.parent, 0o777)
    assert content_cache.recall(plan, Content) is None
    os.chmod(entry.parent, 0o700)
    assert content_cache.recall(plan, Content) == expected


def test_entries_are_private(plan: Path) -> None:
    load_plan(plan)
    (entry,) = entries()
    assert entry.stat().st_mode & 0o077 == 0
    assert entry.parent.stat().st_mode & 0o077 == 0


def test_no_cache_keeps_nothing(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LSDOCS_NO_CACHE", "1")
    load_plan(plan)
    assert entries() == []


def test_validate_after_a_cached_load_still_sees_every_file(plan: Path) -> None:
    """Content taken from the cache still counts as read for the remembered validation."""
    load_plan(plan)
    assert CliRunner().invoke(cli, ["validate", str(plan)]).exit_code == 0
    assert clean_cache.is_known_clean(plan)
    edit(plan.parent / "agencies.yaml", "Sở Y tế", "Sở Y tế tỉnh")
    assert not clean_cache.is_known_clean(plan)


def test_letters_from_cached_content_are_byte_identical(plan: Path, tmp_path: Path) -> None:
    def batch(out: Path) -> dict[str, bytes]:
        args = ["batch", "giao-nhiem-vu", str(plan), "--date", "29/11/2026", "-q", "-j", "1",
                "-o", str(out)]
        assert CliRunner().invoke(cli, args).exit_code == 0
        return {p.name: p.read_bytes() for p in sorted(out.rglob("*.docx"))}

    cold = batch(tmp_path / "cold")  # reads the content and keeps it
    assert len(entries()) == 1
    warm = batch(tmp_path / "warm")
    assert cold and warm == cold


def test_very_large_content_is_not_kept(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    size = plan.stat().st_size + (plan.parent / "agencies.yaml").stat().st_size
    monkeypatch.setattr(content_cache, "MAX_KEPT_BYTES", size - 1)
    load_plan(plan)
    assert entries() == []
    monkeypatch.setattr(content_cache, "MAX_KEPT_BYTES", size)
    load_plan(plan)
    assert len(entries()) == 1
