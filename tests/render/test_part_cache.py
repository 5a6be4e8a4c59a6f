"""The cached zip writer gives exactly zip_package's bytes: switching never changes a file."""

from __future__ import annotations

import io
import zipfile

import pytest

from lsdocs.render.output import zip_package
from lsdocs.render.part_cache import PartCache
from tests.conftest import ROOT

TEMPLATES = sorted((ROOT / "templates").glob("*.docx"))


def parts_of(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_cached_parts_zip_to_the_same_bytes_as_zipfile(template):
    parts = parts_of(template)
    cache = PartCache(parts)
    for n in range(3):  # the cache is filled by the first build and reused after
        changed = {
            "word/document.xml": parts["word/document.xml"] + b" " * n,
            "docProps/core.xml": f"<core n='{n}'/>".encode(),
            "word/media/ảnh-mới.xml": b"<x/>" * (n + 1),  # a new part with a non-ASCII name
        }
        assert cache.build(changed) == zip_package({**parts, **changed})
    assert cache.build({}) == zip_package(parts)


def test_content_types_come_first_and_every_part_reads_back():
    parts = {"word/document.xml": b"<d/>", "[Content_Types].xml": b"<Types/>", "a.bin": b"\0" * 9}
    data = PartCache(parts).build({"a.bin": b"changed"})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == ["[Content_Types].xml", "word/document.xml", "a.bin"]
        assert archive.read("a.bin") == b"changed"
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_part_rendered_the_same_again_reuses_its_deflate_and_stays_exact():
    template = ROOT / "templates" / "cv-giao-nhiem-vu.docx"
    parts = parts_of(template)
    cache = PartCache(parts)
    header = parts["word/header1.xml"]
    for document, core in [(b"<d>1</d>", b"<c/>"), (b"<d>2</d>", b"<c/>"), (b"<d>2</d>", b"<c2/>"),
                           (b"<d>1</d>", b"<c/>"), (b"<d>1</d>", b"<c/>")]:
        changed = {"word/document.xml": document, "word/header1.xml": header + b" ",
                   "docProps/core.xml": core}
        assert cache.build(changed) == zip_package({**parts, **changed})
