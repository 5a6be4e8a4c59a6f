"""A clean validation is remembered; any change to what it read makes lsdocs look again."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lsdocs import clean_cache
from lsdocs.cli import cli

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def content(cached_copy: Path) -> Path:
    return cached_copy


def validate(plan: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", str(plan), "--json", *extra])
    return result.exit_code, result.output


def entry(plan: Path) -> dict[str, object]:
    (file,) = (Path(clean_cache.cache_dir()) / "validate").glob("*.json")
    data: dict[str, object] = json.loads(file.read_text(encoding="utf-8"))
    return data


def test_a_clean_result_is_remembered_with_everything_it_read(content: Path) -> None:
    assert not clean_cache.is_known_clean(content)
    assert validate(content)[0] == 0
    assert clean_cache.is_known_clean(content)
    paths = entry(content)["paths"]
    assert isinstance(paths, list)
    names = {Path(p).name for p in paths}
    assert {"kh-182-2023.yaml", "agencies.yaml", "2024", "2025", "skhcn.yaml"} <= names


def test_an_edited_progress_record_is_checked_again(content: Path) -> None:
    assert validate(content)[0] == 0
    record = content.parent / "tien-do" / "kh-182-2023" / "2024" / "skhcn.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "\nkhong_co_khoa_nay: 1\n",
                      encoding="utf-8")
    assert not clean_cache.is_known_clean(content)
    code, output = validate(content)
    assert code == 1 and "khong_co_khoa_nay" in output


def test_a_new_record_in_a_new_year_is_checked(content: Path) -> None:
    assert validate(content)[0] == 0
    year = content.parent / "tien-do" / "kh-182-2023" / "2026"
    year.mkdir()
    (year / "skhcn.yaml").write_text("nam: abc\n", encoding="utf-8")
    assert not clean_cache.is_known_clean(content)
    assert validate(content)[0] == 1


def test_a_problem_is_never_remembered(content: Path) -> None:
    content.write_text(content.read_text(encoding="utf-8").replace("id: kh-182-2023",
                                                                    "id: Sai Ma"),
                       encoding="utf-8")
    assert validate(content)[0] == 1
    assert not (Path(clean_cache.cache_dir()) / "validate").exists()


def test_another_day_or_no_cache_validates_again(content: Path) -> None:
    assert validate(content)[0] == 0
    today = dt.date.today()
    assert clean_cache.is_known_clean(content, today)
    assert not clean_cache.is_known_clean(content, today + dt.timedelta(days=1))
    assert validate(content, "--no-cache") == validate(content)


def test_an_unwritable_cache_folder_is_not_an_error(content: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("LSDOCS_CACHE_DIR", str(blocker))
    assert validate(content)[0] == 0
    assert not clean_cache.is_known_clean(content)


def test_a_damaged_entry_means_validate_again(content: Path) -> None:
    assert validate(content)[0] == 0
    (file,) = (Path(clean_cache.cache_dir()) / "validate").glob("*.json")
    file.write_text("{not json", encoding="utf-8")
    assert not clean_cache.is_known_clean(content)
    assert validate(content)[0] == 0
    assert clean_cache.is_known_clean(content)


def test_code_stamp_covers_the_package_and_nothing_beside_it() -> None:
    """The stamp walks lsdocs/ only: a checkout's tests or site-packages are not its code."""
    package = ROOT / "lsdocs"
    files = [Path(f) for f in clean_cache.stamped_files()]
    assert package / "__init__.py" in files
    assert package / "check" / "rules.py" in files
    assert all(package in f.parents for f in files)
    assert not any("__pycache__" in f.parts for f in files)
