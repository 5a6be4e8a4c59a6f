"""A batch run writes exactly its own set of letters, and its manifest says how they were made."""

from __future__ import annotations

import datetime as dt
import json

from lsdocs.batch import BatchOptions, run_batch
from lsdocs.documents.letter_contexts import LetterOptions
from tests.conftest import SHIPPED_PLAN

TODAY = dt.date(2026, 11, 29)


def run(tmp_path, as_of, **extra):
    letter = LetterOptions(date=TODAY, as_of=as_of)
    return run_batch(SHIPPED_PLAN, BatchOptions(kind="don-doc", letter=letter,
                                                output_root=tmp_path, **extra))


def folder_and_manifest(result):
    files = sorted(p.name for p in result.directory.glob("*.docx"))
    manifest = json.loads((result.directory / "manifest.json").read_text(encoding="utf-8"))
    return files, manifest


def test_rerun_removes_letters_of_agencies_that_no_longer_qualify(tmp_path):
    first = run(tmp_path, TODAY, merge=True)
    (first.directory / "ghi-chu.txt").write_text("notes", encoding="utf-8")  # not lsdocs' own
    second = run(tmp_path, dt.date(2024, 7, 1))
    assert len(second.items) < len(first.items)
    files, manifest = folder_and_manifest(second)
    assert files == sorted(i.file for i in second.items)
    assert sorted(r["file"] for r in manifest["items"]) == files
    gone = {i.file for i in first.items} - set(files)
    assert gone and gone <= {p.rsplit("/", 1)[-1] for p in second.removed}
    assert "don-doc-tong-hop.docx" in manifest["removed"]  # the old merged file went too
    assert (first.directory / "ghi-chu.txt").exists()


def test_only_keeps_the_other_agencies_letters(tmp_path):
    first = run(tmp_path, TODAY)
    chosen = first.items[-1]
    second = run(tmp_path, TODAY, only=(chosen.agency_name,))  # by name, as a clerk types it
    assert [i.agency for i in second.items] == [chosen.agency] and second.removed == []
    files, manifest = folder_and_manifest(second)
    assert files == sorted(i.file for i in first.items)
    assert len(manifest["items"]) == len(first.items)


def test_manifest_records_date_as_of_issuer_digest_and_warnings(tmp_path):
    result = run(tmp_path, dt.date(2026, 6, 30))
    _files, manifest = folder_and_manifest(result)
    row = manifest["items"][0]
    assert row["letter_date"] == "29/11/2026" and row["as_of"] == "30/6/2026"
    assert row["issuer"] == "skhcn" and len(row["content_sha256"]) == 64
    assert any("30/6/2026" in w for w in manifest["warnings"])
    csv_text = (result.directory / "manifest.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].endswith("letter_date,as_of,issuer,content_sha256,warnings")
