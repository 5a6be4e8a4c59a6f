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


ODD_ROWS = [
    {"agency": "a", "agency_name": 'Sở "Y tế"\nvà\tback\\slash ✓ \u2028', "lead": 3, "error": None},
    {"agency": "=b", "sha256": "", "lead": 1.5, "support": True},  # an earlier run's row
    {"agency": "c", "nested": {"x": [1, "y"]}},  # not written by lsdocs: kept as it was
    {},
]


def test_manifest_texts_are_what_json_and_csv_write_for_the_rows():
    """Made piece by piece (and by the C encoder for flat rows), the manifests read exactly as
    json.dumps(indent=2) and csv.DictWriter write them."""
    import csv
    import io

    from lsdocs.batch import MANIFEST_FIELDS, _csv_pieces, _encoded, _json_pieces
    from lsdocs.tabular.csvsafe import neutralise

    payload = {"items": [], "skipped": ["x"], "warnings": [], "removed": []}
    made = b"".join(_encoded(_json_pieces(payload, ODD_ROWS))).decode("utf-8")
    assert made == json.dumps({**payload, "items": ODD_ROWS}, ensure_ascii=False, indent=2)
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, MANIFEST_FIELDS, lineterminator="\n", restval="",
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: neutralise(v) if isinstance(v, str) else v for k, v in row.items()}
                     for row in ODD_ROWS)
    assert b"".join(_csv_pieces(ODD_ROWS)).decode("utf-8") == "\ufeff" + text.getvalue()


def test_content_digest_covers_the_progress_records_of_letters_that_read_them(tmp_path):
    """A reminder is written from the records too: changing one changes its digest; a report
    request (no records read) keeps the digest of plan and registry alone."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SHIPPED_PLAN.parent, content)
    plan = content / SHIPPED_PLAN.name

    def digests(out: str) -> dict[str, str]:
        found = {}
        for kind in ("don-doc", "de-nghi-bao-cao"):
            letter = LetterOptions(date=TODAY, as_of=TODAY, year=2026)
            result = run_batch(plan, BatchOptions(kind=kind, letter=letter,
                                                  output_root=tmp_path / out))
            found[kind] = result.items[0].content_sha256
        return found

    before = digests("a")
    record = content / "tien-do" / "kh-182-2023" / "2025" / "syt.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "\n# ghi chú\n", encoding="utf-8")
    after = digests("b")
    assert after["don-doc"] != before["don-doc"]
    assert after["de-nghi-bao-cao"] == before["de-nghi-bao-cao"]
