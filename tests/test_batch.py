"""``lsdocs batch``: one file per agency, manifest, isolation of failures, atomicity, merge."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile

import docx
import pytest

from lsdocs.batch import BatchOptions, run_batch
from lsdocs.documents.letter_contexts import LetterOptions
from tests.conftest import ROOT, SHIPPED_PLAN
from tools.synthetic import write_synthetic

TODAY = dt.date(2026, 11, 29)


def options(tmp_path, kind="giao-nhiem-vu", **extra):
    letter = LetterOptions(date=TODAY, as_of=extra.pop("as_of", None))
    return BatchOptions(kind=kind, letter=letter, output_root=tmp_path, **extra)


def test_one_file_per_agency_with_manifest(tmp_path):
    result = run_batch(SHIPPED_PLAN, options(tmp_path))
    directory = tmp_path / "kh-182-2023" / "giao-nhiem-vu"
    assert result.directory == directory
    files = sorted(p.name for p in directory.glob("*.docx"))
    assert len(files) == len(result.items) >= 10
    assert all(name.isascii() and " " not in name for name in files)
    with (directory / "manifest.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["file"] for r in rows] == [i.file for i in result.items]
    for row in rows:
        data = (directory / row["file"]).read_bytes()
        assert row["sha256"] == hashlib.sha256(data).hexdigest()
        assert int(row["lead"]) + int(row["support"]) > 0
        assert row["status"] == "written"
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    assert [i["agency"] for i in manifest["items"]] == [r["agency"] for r in rows]


def test_parallel_and_serial_runs_write_identical_files(tmp_path):
    serial = run_batch(SHIPPED_PLAN, options(tmp_path / "a", jobs=1))
    parallel = run_batch(SHIPPED_PLAN, options(tmp_path / "b", jobs=2))
    assert [i.sha256 for i in serial.items] == [i.sha256 for i in parallel.items]


def test_rerun_rewrites_only_what_changed(tmp_path):
    run_batch(SHIPPED_PLAN, options(tmp_path))
    again = run_batch(SHIPPED_PLAN, options(tmp_path))
    assert {i.status for i in again.items} == {"unchanged"}


def test_only_selects_agencies_and_maps_2023_ids_to_successors(tmp_path):
    result = run_batch(SHIPPED_PLAN, options(tmp_path, only=("syt", "sct", "stnmt")))
    assert [i.agency for i in result.items] == ["syt", "sct", "snnmt"]


def test_only_with_an_unknown_id_is_refused_with_a_suggestion(tmp_path):
    from lsdocs.errors import UsageError

    with pytest.raises(UsageError) as info:
        run_batch(SHIPPED_PLAN, options(tmp_path, only=("syt", "skhcnn")))
    assert "«skhcnn»" in info.value.format("vi") and "skhcn" in info.value.format("vi")
    assert not (tmp_path / "kh-182-2023").exists()


def test_a_run_with_only_keeps_the_other_rows_of_the_manifest(tmp_path):
    full = run_batch(SHIPPED_PLAN, options(tmp_path))
    run_batch(SHIPPED_PLAN, options(tmp_path, only=("syt",)))
    manifest = json.loads((full.directory / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(i["agency"] for i in manifest["items"]) == sorted(i.agency for i in full.items)


def test_a_failing_agency_does_not_stop_the_others(tmp_path):
    directory = tmp_path / "kh-182-2023" / "giao-nhiem-vu"
    (directory / "giao-nhiem-vu-syt.docx").mkdir(parents=True)  # cannot be replaced by a file
    result = run_batch(SHIPPED_PLAN, options(tmp_path, jobs=2))
    failed = [i.agency for i in result.failed]
    assert failed == ["syt"]
    written = [i for i in result.items if i.status == "written"]
    assert len(written) == len(result.items) - 1
    assert all((directory / i.file).is_file() for i in written)


def test_cli_exit_code_and_summary_on_failure(tmp_path):
    directory = tmp_path / "kh-182-2023" / "giao-nhiem-vu"
    (directory / "giao-nhiem-vu-syt.docx").mkdir(parents=True)
    run = subprocess.run(
        [sys.executable, "-m", "lsdocs", "batch", "giao-nhiem-vu", "-o", str(tmp_path), "-q",
         "--date", "29/11/2026"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "Lỗi: syt" in run.stderr
    assert "1 lỗi" in run.stdout


def test_reminder_batch_skips_agencies_with_nothing_due(tmp_path):
    result = run_batch(SHIPPED_PLAN, options(tmp_path, kind="don-doc",
                                              as_of=dt.date(2023, 10, 1)))
    assert all(i.lead + i.support for i in result.items)
    assert len(result.items) < 14


def test_merge_puts_each_letter_in_its_own_numbered_section(tmp_path):
    result = run_batch(SHIPPED_PLAN, options(tmp_path, only=("syt", "sct", "stc"), merge=True))
    assert result.merged is not None
    merged = docx.Document(str(result.merged))
    assert len(merged.sections) == 3
    for section in merged.sections:
        assert section._sectPr.xpath("./w:pgNumType/@w:start") == ["1"]
        assert section.different_first_page_header_footer
    kinh_gui = [p.text for p in merged.paragraphs if p.text.startswith("Kính gửi:")]
    assert kinh_gui == [
        "Kính gửi: Sở Y tế.", "Kính gửi: Sở Công Thương.", "Kính gửi: Sở Tài chính."
    ]


def test_killed_batch_leaves_every_old_letter_whole_and_rerun_finishes(tmp_path):
    plan = write_synthetic(tmp_path / "content", agencies=300, tasks_per_agency=4)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "lsdocs", "batch", "giao-nhiem-vu", str(plan), "-o", str(out),
               "-q", "-j", "1"]
    first = subprocess.run([*command, "--date", "28/11/2026"], cwd=ROOT, capture_output=True,
                           text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    directory = out / "kh-182-2023" / "giao-nhiem-vu"
    old = {p.name: p.read_bytes() for p in directory.glob("*.docx")}
    assert len(old) == 300
    process = subprocess.Popen([*command, "--date", "29/11/2026"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(directory.glob(".*.tmp"))) < 20:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert list(directory.glob(".*.tmp"))  # killed while writing: new letters not in place
    assert {p.name: p.read_bytes() for p in directory.glob("*.docx")} == old
    rerun = subprocess.run([*command, "--date", "29/11/2026"], cwd=ROOT, capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    new = {p.name: p.read_bytes() for p in directory.glob("*.docx")}
    assert new.keys() == old.keys() and all(new[k] != old[k] for k in new)
    for data in list(new.values())[:5]:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
    assert not list(directory.glob(".*.tmp"))
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    assert {i["sha256"] for i in manifest["items"]} == {
        hashlib.sha256(d).hexdigest() for d in new.values()}
