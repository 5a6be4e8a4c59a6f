"""Packages that lie: zip-slip names, stray parts, DTDs and entities, zip bombs, special files."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lsdocs.check import check_bytes, check_document, fix_document
from lsdocs.errors import DocumentReadError
from lsdocs.render.output import zip_package

ROOT = Path(__file__).resolve().parents[2]


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def raw_zip(parts: dict[str, bytes]) -> bytes:
    """A zip written without lsdocs' checks (names as given)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return buffer.getvalue()


def with_dtd(xml: bytes, declaration: bytes) -> bytes:
    head, rest = xml.split(b"?>", 1)
    return head + b"?>" + declaration + rest


@pytest.mark.parametrize("name", ["../../evil.sh", "/etc/cron.d/evil", "word/../../x.xml",
                                  "C:/Windows/evil.dll", "word\\..\\..\\evil"])
def test_entries_that_climb_out_are_refused(good_plan: bytes, name: str) -> None:
    data = raw_zip({**parts_of(good_plan), name: b"payload"})
    with pytest.raises(DocumentReadError) as info:
        check_bytes(data, "slip.docx")
    assert "«..»" in info.value.format("vi")


def test_fix_writes_only_the_parts_a_docx_needs(good_plan: bytes, tmp_path: Path) -> None:
    parts = parts_of(good_plan)
    source = tmp_path / "in.docx"
    source.write_bytes(raw_zip({**parts, "payload/run-me.sh": b"#!/bin/sh\n",
                                "word/orphan.xml": b"<x/>"}))
    fix_document(source, tmp_path / "out.docx")
    written = set(parts_of((tmp_path / "out.docx").read_bytes()))
    assert "payload/run-me.sh" not in written and "word/orphan.xml" not in written
    assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= written
    assert check_document(tmp_path / "out.docx").errors == check_document(source).errors


@pytest.mark.parametrize("declaration", [
    b'<!DOCTYPE w:document [<!ENTITY x "HOA">]>',
    b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
    b'<!DOCTYPE w:document [<!ENTITY a "aa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
])
def test_dtds_and_entities_are_refused(good_plan: bytes, declaration: bytes,
                                       tmp_path: Path) -> None:
    parts = parts_of(good_plan)
    for part in ("word/document.xml", "word/styles.xml"):
        evil = {**parts, part: with_dtd(parts[part], declaration)}
        source = tmp_path / "dtd.docx"
        source.write_bytes(zip_package(evil))
        with pytest.raises(DocumentReadError) as info:
            fix_document(source, tmp_path / "out.docx")
        assert "DTD" in info.value.format("vi") and part in info.value.format("vi")
        assert not (tmp_path / "out.docx").exists()


def test_a_utf16_part_with_a_dtd_is_refused(good_plan: bytes) -> None:
    parts = parts_of(good_plan)
    xml = parts["word/document.xml"].decode("utf-8").replace("UTF-8", "UTF-16")
    head, rest = xml.split("?>", 1)
    evil = (head + '?><!DOCTYPE w:document [<!ENTITY x "y">]>' + rest).encode("utf-16")
    with pytest.raises(DocumentReadError, match="DTD"):
        check_bytes(zip_package({**parts, "word/document.xml": evil}))


def test_zip_bombs_are_refused_before_unpacking(good_plan: bytes) -> None:
    parts = parts_of(good_plan)
    huge = zip_package({**parts, "word/media/zero.bin": bytes(70 * 1024 * 1024)})
    with pytest.raises(DocumentReadError, match="giới hạn 64 MB"):
        check_bytes(huge)
    padded = zip_package({**parts, "word/media/pad.bin": bytes(20 * 1024 * 1024)})
    with pytest.raises(DocumentReadError, match="bom ZIP"):
        check_bytes(padded)
    big_xml = parts["word/document.xml"].replace(
        b"</w:body>", b"<!--" + b"x" * (9 * 1024 * 1024) + b"--></w:body>")
    with pytest.raises(DocumentReadError, match="giới hạn 8 MB mỗi phần XML"):
        check_bytes(zip_package({**parts, "word/document.xml": big_xml}))


def test_special_files_are_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.docx"
    os.mkfifo(fifo)
    run = subprocess.run([sys.executable, "-m", "lsdocs", "check", str(fifo), "/dev/zero"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 2
    assert run.stderr.count("không phải tệp thường") == 2


@pytest.mark.parametrize("data", [
    b"<w:t>Hello!</w:t>", b"<w:t>no mark</w:t>", b"<!DOCTYPE x>", b"<x/><!-- c -->",
    "<!DOCTYPE x>".encode("utf-16-le"), "<w:t>Chào!</w:t>".encode("utf-16"), b"", b"!<",
])
def test_the_quick_dtd_scan_finds_what_the_full_scan_finds(data: bytes) -> None:
    """The DTD scan looks for a lone "!" before "<!" (quicker): it must agree with the
    full scan on every part."""
    from lsdocs.check.package import _may_hold_dtd

    assert _may_hold_dtd(data) == (b"<!" in data or b"<\x00!" in data)
