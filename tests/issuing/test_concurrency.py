"""Several clerks numbering at once, in real processes, one of them killed mid-transaction."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from lsdocs.issuing.sqlite_store import open_sqlite
from lsdocs.issuing.storage import Query
from tests.conftest import ROOT
from tests.issuing.conftest import make_batch

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.issuing._worker", *args], cwd=ROOT,
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def numbers_in(register: Path) -> list[int]:
    store = open_sqlite(register)
    try:
        assert [p for p in store.verify() if p.is_error] == []
        return [e.number for e in store.search(Query())]
    finally:
        store.close()


def test_four_processes_numbering_at_once_never_share_or_skip_a_number(tmp_path):
    register = tmp_path / "so.sqlite"
    open_sqlite(register).close()
    clerks = [worker("take", str(register), "10", f"clerk{i}") for i in range(4)]
    taken = []
    for clerk in clerks:
        out, err = clerk.communicate(timeout=120)
        assert clerk.returncode == 0, err
        taken += [int(line) for line in out.split()]
    assert sorted(taken) == list(range(1, 41))
    assert numbers_in(register) == list(range(1, 41))


def test_a_clerk_killed_inside_the_transaction_leaves_no_number_taken(tmp_path):
    register = tmp_path / "so.sqlite"
    first = worker("take", str(register), "3", "before")
    assert first.communicate(timeout=60)[0].split() == ["1", "2", "3"]
    killed = worker("hold", str(register), "killed")
    assert killed.stdout is not None
    assert killed.stdout.readline().strip() == "holding 4"
    waiting = worker("take", str(register), "2", "after")  # blocks on the write lock
    time.sleep(0.5)
    assert waiting.poll() is None
    os.kill(killed.pid, signal.SIGKILL)
    killed.communicate(timeout=30)
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert out.split() == ["4", "5"]  # number 4 was never committed: it is taken again
    assert numbers_in(register) == [1, 2, 3, 4, 5]
    store = open_sqlite(register)
    assert all("killed" not in e.trich_yeu for e in store.search(Query()))
    store.close()


def lsdocs(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "lsdocs", *args], cwd=ROOT, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def issue_at_once(folders: list[Path], register: Path) -> list[subprocess.Popen[str]]:
    runs = [lsdocs("phat-hanh", str(f), "--register", str(register), "--date", "30/11/2026",
                   "--json") for f in folders]
    for run in runs:
        run.wait(timeout=180)
    return runs


def test_two_clerks_issuing_batches_at_once_get_two_unbroken_runs(tmp_path):
    folders = [make_batch(tmp_path / "van-thu-1", "giao-nhiem-vu", dt.date(2026, 11, 27)),
               make_batch(tmp_path / "van-thu-2", "giao-nhiem-vu", dt.date(2026, 11, 28))]
    register = tmp_path / "so.sqlite"
    batches = []
    for run in issue_at_once(folders, register):
        out, err = run.communicate()
        assert run.returncode == 0, err
        batches.append([entry["number"] for entry in json.loads(out)["result"]["issued"]])
    assert sorted(batches[0] + batches[1]) == list(range(1, 29))
    for numbers in batches:  # each batch is one transaction: its numbers are consecutive
        assert numbers == list(range(numbers[0], numbers[0] + 14))
    assert numbers_in(register) == list(range(1, 29))


def test_two_clerks_issuing_the_same_drafts_at_once_number_them_once(assignment_drafts,
                                                                     tmp_path):
    folders = [tmp_path / "van-thu-1", tmp_path / "van-thu-2"]
    for folder in folders:
        shutil.copytree(assignment_drafts, folder)
    register = tmp_path / "so.sqlite"
    runs = issue_at_once(folders, register)
    outcomes = sorted((run.returncode, run.communicate()[1]) for run in runs)
    assert [code for code, _ in outcomes] == [0, 1]
    assert "đã được phát hành" in outcomes[1][1]
    assert numbers_in(register) == list(range(1, 15))


def test_a_killed_issuing_run_is_all_or_nothing_and_a_rerun_completes_it(batch, tmp_path):
    register = tmp_path / "so.sqlite"
    run = lsdocs("phat-hanh", str(batch), "--register", str(register), "--date", "30/11/2026")
    time.sleep(0.8)
    run.send_signal(signal.SIGKILL)  # a quiet machine may have finished (or committed) already
    run.communicate(timeout=30)
    numbered = numbers_in(register) if register.exists() else []
    assert numbered in ([], list(range(1, 15)))
    finished_before_kill = bool(numbered)  # the one transaction committed: all were numbered
    rerun = lsdocs("phat-hanh", str(batch), "--register", str(register), "--date", "30/11/2026",
                   "--json")
    out, err = rerun.communicate(timeout=180)
    if finished_before_kill:
        # Nothing was interrupted: the same drafts are refused, never numbered twice.
        assert rerun.returncode == 1 and "đã được phát hành" in err
    else:
        assert rerun.returncode == 0, err
        issued_now = json.loads(out)["result"]["issued"]
        assert sorted(entry["number"] for entry in issued_now) == list(range(1, 15))
    assert numbers_in(register) == list(range(1, 15))
    issued = sorted(batch.glob("*-so-*-ubnd-kgvx-2026.docx"))
    assert len(issued) == 14
