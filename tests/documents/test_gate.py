"""The format gate: a template edited out of the Decree 30 format stops the run, writes nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile

import pytest

from lsdocs.batch import BatchOptions, run_batch
from lsdocs.documents.letter_contexts import LetterOptions
from lsdocs.gate import FormatError
from lsdocs.plan_writer import build
from tests.conftest import ROOT, SHIPPED_PLAN


def copy_with_font(tmp_path, template: str, font: str):
    """A copy of templates/ where *template* uses *font* instead of Times New Roman."""
    target = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", target)
    path = target / template
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"Times New Roman", font.encode()
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def test_build_with_an_arial_template_fails_and_writes_nothing(tmp_path):
    templates = copy_with_font(tmp_path, "ke-hoach.docx", "Arial")
    with pytest.raises(FormatError) as info:
        build(SHIPPED_PLAN, tmp_path / "out", templates)
    codes = {p.code for p in info.value.problems}
    assert "R07" in codes
    assert "ke-hoach.docx" in info.value.format("vi")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_stops_before_writing_when_the_first_letter_fails(tmp_path, jobs):
    """With two jobs the workers make letters while the first is checked: none is written."""
    templates = copy_with_font(tmp_path, "cv-giao-nhiem-vu.docx", "Calibri")
    options = BatchOptions(kind="giao-nhiem-vu", letter=LetterOptions(date=dt.date(2026, 11, 29)),
                           output_root=tmp_path / "out", templates_dir=templates, jobs=jobs)
    with pytest.raises(FormatError) as info:
        run_batch(SHIPPED_PLAN, options)
    assert "R07" in {p.code for p in info.value.problems}
    assert not (tmp_path / "out").exists()  # no letter, no temporary, no folder
