"""Output file names are unique by construction; a collision stops the run before writing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from lsdocs.batch import BatchOptions, run_batch
from lsdocs.documents.letter_contexts import LetterOptions
from lsdocs.errors import ContentError
from lsdocs.letter_writer import letter_file_name
from lsdocs.vnformat import file_id, slugify
from tests.conftest import SHIPPED_PLAN

LONG = "so-" + "khoa-hoc-cong-nghe-" * 5


def renamed_content(tmp_path: Path, renames: dict[str, str]) -> Path:
    """The shipped plan and registry with agency ids renamed everywhere."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name in ("kh-182-2023.yaml", "agencies.yaml"):
        text = (SHIPPED_PLAN.parent / name).read_text(encoding="utf-8")
        for old, new in renames.items():
            text = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / "kh-182-2023.yaml"


def batch(plan: Path, out: Path):
    options = BatchOptions(kind="giao-nhiem-vu", letter=LetterOptions(date=dt.date(2026, 11, 29)),
                           output_root=out)
    return run_batch(plan, options)


def test_ids_that_slugify_alike_get_different_names() -> None:
    first, second = LONG + "a", LONG + "b"
    assert slugify(first) == slugify(second)  # the old naming collided
    assert letter_file_name("giao-nhiem-vu", first) != letter_file_name("giao-nhiem-vu", second)
    assert letter_file_name("giao-nhiem-vu", "skhcn") == "giao-nhiem-vu-skhcn.docx"
    assert letter_file_name("giao-nhiem-vu", "tong-hop") != "giao-nhiem-vu-tong-hop.docx"
    assert file_id("ABC") != file_id("abc")
    assert file_id("kh-182-2023") == "kh-182-2023"  # shipped names do not change


def test_long_ids_sharing_a_prefix_get_a_letter_each(tmp_path: Path) -> None:
    plan = renamed_content(tmp_path / "c", {"skhcn": LONG + "a", "snv": LONG + "b"})
    result = batch(plan, tmp_path / "out")
    files = [item.file for item in result.items]
    assert len(files) == len(set(files))
    mine = [i for i in result.items if i.agency.startswith(LONG)]
    assert len(mine) == 2 and all(i.status == "written" for i in mine)
    assert len({i.sha256 for i in mine}) == 2


def test_a_crafted_collision_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    crafted = letter_file_name("giao-nhiem-vu", LONG + "a")[len("giao-nhiem-vu-"):-5]
    plan = renamed_content(tmp_path / "c", {"skhcn": LONG + "a", "snv": crafted})
    with pytest.raises(ContentError) as info:
        batch(plan, tmp_path / "out")
    message = info.value.format("vi")
    assert "cùng một tệp" in message and crafted in message
    assert not (tmp_path / "out").exists()
