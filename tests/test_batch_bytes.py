"""A batch writes, byte for byte, the letters ``lsdocs letter`` writes one at a time.

The batch renders from a template loaded once per process, reuses the
compressed bytes of parts that come out the same for every letter, and stages
files without :mod:`tempfile`; none of that may change a byte, whatever the
text: quotes, ampersands, angle brackets, Jinja-like braces, non-ASCII.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

from lsdocs.batch import BatchOptions, run_batch
from lsdocs.content import load_plan
from lsdocs.documents.letter_contexts import LetterOptions
from lsdocs.letter_writer import write_letter
from lsdocs.render.output import zip_package
from tools.synthetic import agency_id, write_synthetic

TODAY = dt.date(2026, 11, 29)
ODD_NAMES = [
    'Sở "Thử" nghiệm & Phát triển <số 1>',
    "Sở Thử nghiệm {_{ số }_} {_% 2 %_} {{ x }}",
    "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn 'mới' Ω ∑ 𝔸",
    "Trung tâm  hai  khoảng   trắng; dấu > và ]]>",
]


@pytest.fixture(scope="module")
def odd_plan(tmp_path_factory):
    folder = tmp_path_factory.mktemp("odd") / "content"
    plan = write_synthetic(folder, 6)
    registry = folder / "agencies.yaml"
    text = registry.read_text(encoding="utf-8")
    for n, name in enumerate(ODD_NAMES, start=1):
        quoted = "'" + name.replace("'", "''") + "'"
        text = text.replace(f"name: Sở Thử nghiệm số {n}\n", f"name: {quoted}\n", 1)
    registry.write_text(text, encoding="utf-8")
    return plan


def options(root, jobs):
    return BatchOptions(kind="giao-nhiem-vu", letter=LetterOptions(date=TODAY),
                        output_root=root, jobs=jobs)


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_letters_equal_single_letters_with_odd_text(tmp_path, odd_plan, jobs):
    result = run_batch(odd_plan, options(tmp_path / "batch", jobs))
    content = load_plan(odd_plan)
    names = {item.agency_name for item in result.items}
    assert set(ODD_NAMES) <= names  # the odd names reached the letters
    for item in result.items:
        single, _, _ = write_letter(content, "giao-nhiem-vu", LetterOptions(date=TODAY),
                                    item.agency, tmp_path / "single")
        batch = (result.directory / item.file).read_bytes()
        assert batch == single.read_bytes(), item.agency
        with zipfile.ZipFile(io.BytesIO(batch)) as archive:  # zipfile, no cached deflate
            parts = {name: archive.read(name) for name in archive.namelist()}
        assert zip_package(parts) == batch, item.agency


def test_odd_text_reads_back_exactly(tmp_path, odd_plan):
    result = run_batch(odd_plan, options(tmp_path, 2))
    by_agency = {item.agency: item for item in result.items}
    for n, name in enumerate(ODD_NAMES, start=1):
        path = result.directory / by_agency[agency_id(n)].file
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
        document = docx.Document(io.BytesIO(path.read_bytes()))
        texts = [p.text for p in document.paragraphs]
        texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
        assert any(name in t for t in texts), name
