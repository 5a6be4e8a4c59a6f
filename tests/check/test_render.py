"""``check --render``: page-level checks on layouts made by real LibreOffice.

Every document of this module is laid out by **one** LibreOffice process (the
``laid`` fixture), as ``lsdocs check --render f1 f2 …`` does; the pages are read with
poppler and checked.  Each document breaks one thing visible on the page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from docx.shared import Twips
from nd30_builder import build_plan, mutate
from nd30_variants import _blank_page, _gap_before_date, _no_title_pg, _wide_table, cell, set_text

from lsdocs.check.pdfpages import Page, read_pages
from lsdocs.check.render import expected_of, lost_words, page_issues
from lsdocs.check.soffice import lay_out
from lsdocs.errors import Problem


def _narrow_right_cell(d: object) -> None:
    """The Quốc hiệu cell 5 cm wide: the Quốc hiệu and the Tiêu ngữ wrap."""
    for row in d.tables[0].rows:  # type: ignore[attr-defined]
        row.cells[1].width = Twips(2835)
    grid = d.tables[0]._tbl.tblGrid.gridCol_lst  # type: ignore[attr-defined]
    grid[1].w = Twips(2835)


def _long_agency(d: object) -> None:
    """An agency line that breaks with its last word alone on the next line."""
    set_text(cell(d, 0, 0).paragraphs[1], "BAN QUẢN LÝ KHU KINH TẾ")


CHANGES = {
    "blank-page": _blank_page,
    "wide-table": _wide_table,
    "number-on-page-1": _no_title_pg,
    "date-below-so": _gap_before_date,
    "narrow-quoc-hieu": _narrow_right_cell,
    "agency-lone-word": _long_agency,
}


@pytest.fixture(scope="module")
def laid(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[
        str, tuple[Path, list[Page] | Problem]]:
    """Every document laid out by one LibreOffice process; a broken file among them."""
    folder = tmp_path_factory.mktemp("render-src")
    good = build_plan(repeat=4)
    documents = {"good": good, **{name: mutate(good, change)
                                  for name, change in CHANGES.items()}}
    paths = {}
    for name, data in documents.items():
        paths[name] = folder / f"{name}.docx"
        paths[name].write_bytes(data)
    paths["broken"] = folder / "broken.docx"
    paths["broken"].write_bytes(b"PK\x03\x04 not a document")
    order = list(paths)
    results = lay_out([paths[n] for n in order], tmp_path_factory.mktemp("render-work"))
    return {name: (paths[name], read_pages(result) if isinstance(result, Path) else result)
            for name, result in zip(order, results, strict=True)}


def _rules(laid: dict[str, tuple[Path, list[Page] | Problem]], name: str) -> Counter[str]:
    path, pages = laid[name]
    assert isinstance(pages, list), pages
    expected = expected_of(path)
    found = page_issues(pages, expected) + lost_words(pages, expected.words)
    return Counter(item.rule for item in found)


def test_one_process_lays_out_all_files_and_names_the_one_it_cannot_open(
        laid: dict[str, tuple[Path, list[Page] | Problem]]) -> None:
    _, broken = laid["broken"]
    assert isinstance(broken, Problem)
    assert broken.location.file is not None and broken.location.file.endswith("broken.docx")
    assert "LibreOffice không mở được tệp này" in broken.message.vi
    assert all(isinstance(pages, list) and pages for name, (_, pages) in laid.items()
               if name != "broken")


def test_a_good_plan_has_no_page_findings(
        laid: dict[str, tuple[Path, list[Page] | Problem]]) -> None:
    assert _rules(laid, "good") == Counter()


@pytest.mark.parametrize(("name", "rules"), [
    ("blank-page", {"R47": 1}),
    # the table's right border runs past the paper edge (its text still fits)
    ("wide-table", {"R48": 1}),
    ("number-on-page-1", {"R37": 1}),
    ("date-below-so", {"R19": 1}),
    # «BAN QUẢN LÝ KHU KINH / TẾ»: one word alone; the wrap pushes Số a line below the date
    ("agency-lone-word", {"R13": 1, "R19": 1}),
    # the 5 cm cell breaks the Quốc hiệu and the Tiêu ngữ; the date prints three lines below
    # Số; the longer header pushes the signer's name alone onto page 3
    ("narrow-quoc-hieu", {"R10": 1, "R11": 1, "R19": 1, "R47": 1}),
])
def test_each_fault_is_seen_on_its_page(laid: dict[str, tuple[Path, list[Page] | Problem]],
                                        name: str, rules: dict[str, int]) -> None:
    assert _rules(laid, name) == Counter(rules)


# --- failures: a hanging or crashing LibreOffice, a missing one ----------------------------

FAKE = textwrap.dedent("""\
    import sys, time, pathlib
    args = sys.argv[1:]
    out = pathlib.Path(args[args.index("--outdir") + 1])
    for name in [a for a in args if a.endswith(".docx")]:
        data = pathlib.Path(name).read_bytes()
        if data == b"hang":
            time.sleep(60)
        if data == b"crash":
            sys.exit(134)
        if data == b"bad":
            print("Error: source file could not be loaded", flush=True)
            continue
        pdf = out / (pathlib.Path(name).stem + ".pdf")
        print(f"convert {name} -> {pdf} using filter : writer_pdf_Export", flush=True)
        pdf.write_bytes(b"%PDF-1.4 fake %%EOF")
""")


def test_a_hanging_or_crashing_file_is_named_and_the_others_are_laid_out(
        tmp_path: Path) -> None:
    """A stand-in for soffice (a script that hangs, crashes or fails on chosen files) drives
    the watchdog: each culprit is named, a new process continues after it."""
    fake = tmp_path / "soffice"
    fake.write_text(f"#!{sys.executable}\n{FAKE}")
    fake.chmod(0o755)
    contents = [b"ok", b"hang", b"ok", b"bad", b"crash", b"ok"]
    paths = []
    for index, data in enumerate(contents):
        paths.append(tmp_path / f"d{index}.docx")
        paths[-1].write_bytes(data)
    ready: list[int] = []
    results = lay_out(paths, tmp_path / "work", soffice=str(fake), start_seconds=20,
                      per_file_seconds=2, ready=lambda index, pdf: ready.append(index))
    kinds = [r.name.endswith(".pdf") if isinstance(r, Path) else r.code for r in results]
    assert kinds == [True, "render-stopped", True, "render-unreadable", "render-stopped", True]
    hang, crash = results[1], results[4]
    assert isinstance(hang, Problem) and isinstance(crash, Problem)
    assert "sau 2 giây" in hang.message.vi and hang.location.file == str(paths[1])
    assert "dừng đột ngột" in crash.message.vi and crash.location.file == str(paths[4])
    assert sorted(ready) == [0, 2, 5]  # each PDF handed over once


def test_libreoffice_that_does_not_answer_in_time_is_ended(soffice: str, tmp_path: Path) -> None:
    """Real LibreOffice given 0.3 s: each of the first two files is named and the process
    ended; after two runs without a word the rest are not tried again."""
    sources = []
    for name in ("a", "b", "c", "d"):
        sources.append(tmp_path / f"{name}.docx")
        sources[-1].write_bytes(build_plan())
    work = tmp_path / "work"
    results = lay_out(sources, work, start_seconds=0.3)
    assert [r.code for r in results if isinstance(r, Problem)] == [
        "render-stopped", "render-stopped", "render-broken", "render-broken"]
    assert isinstance(results[0], Problem) and "sau 0,3 giây" in results[0].message.vi
    left = [pid for pid in os.listdir("/proc") if pid.isdigit() and str(work) in _cmdline(pid)]
    assert left == []


def _cmdline(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""


def test_without_libreoffice_every_file_is_still_checked_and_the_render_is_named(
        tmp_path: Path) -> None:
    """PATH holds poppler but no soffice: the static reports come, each file says why it
    was not laid out, exit 2."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for program in ("pdftotext", "pdftoppm"):
        found = shutil.which(program)
        assert found, program
        (bin_dir / program).symlink_to(found)
    files = []
    for name in ("a", "b"):
        files.append(tmp_path / f"{name}.docx")
        files[-1].write_bytes(build_plan())
    env = {**os.environ, "PATH": str(bin_dir)}
    done = subprocess.run([sys.executable, "-m", "lsdocs", "check", "--render", "--json",
                           *map(str, files)], capture_output=True, text=True, env=env,
                          check=False, timeout=120)
    assert done.returncode == 2, done.stderr
    result = json.loads(done.stdout)["result"]["files"]
    assert [item["errors"] for item in result] == [0, 0]
    assert all("không tìm thấy LibreOffice" in item["render_error"] for item in result)
    assert done.stderr.count("không tìm thấy LibreOffice") == 2
    assert "Traceback" not in done.stderr
