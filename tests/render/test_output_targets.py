"""The one writer: special targets refused, permissions kept, disk full reported, zips stable."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lsdocs.check import fix_document
from lsdocs.errors import OutputError
from lsdocs.render.output import ensure_directory, write_atomic, zip_package
from tests.conftest import ROOT


def lsdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lsdocs", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def special_targets(tmp_path: Path) -> list[Path]:
    """A FIFO, a folder, a symlink to the FIFO and (as root) a character device."""
    fifo = tmp_path / "fifo.docx"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    link = tmp_path / "link.docx"
    link.symlink_to(fifo)
    targets = [fifo, folder, link]
    if os.geteuid() == 0:
        device = tmp_path / "null.docx"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets.append(device)
    return targets


def test_targets_that_are_not_regular_files_are_refused_and_left_alone(tmp_path):
    for target in special_targets(tmp_path):
        before = os.lstat(target)
        with pytest.raises(OutputError) as info:
            write_atomic(target, b"data")
        assert info.value.exit_code == 2
        assert "không phải tệp thường" in info.value.format("vi")
        after = os.lstat(target)
        assert (before.st_mode, before.st_ino) == (after.st_mode, after.st_ino)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", [
    ["export-csv", "-o", "{t}.csv"],
    ["export-xlsx", "-o", "{t}.xlsx"],
    ["check", "--fix", "{doc}", "-o", "{t}.docx"],
])
def test_every_output_option_refuses_a_fifo(tmp_path, built_plan, command):
    target = tmp_path / "target"
    suffix = Path(command[-1]).suffix
    os.mkfifo(f"{target}{suffix}")
    args = [a.format(t=target, doc=built_plan) for a in command]
    run = lsdocs(*args)
    assert run.returncode == 2, run.stderr
    assert "không ghi được" in run.stderr and "Traceback" not in run.stderr
    assert stat.S_ISFIFO(os.lstat(f"{target}{suffix}").st_mode)


def test_output_folder_that_is_a_file_is_named(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x")
    with pytest.raises(OutputError) as info:
        ensure_directory(blocker / "plan" / "letters")
    assert info.value.problems[0].location.file == str(blocker)
    run = lsdocs("build", "-o", str(blocker / "sub"))
    assert run.returncode == 2 and "không ghi được" in run.stderr
    assert f"{blocker}:" in run.stderr


def test_fix_in_place_keeps_the_file_permissions(tmp_path, built_plan):
    target = tmp_path / "ke-hoach.docx"
    target.write_bytes(built_plan.read_bytes())
    with zipfile.ZipFile(built_plan) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    xml = parts["word/document.xml"].replace(b"Times New Roman", b"Arial")
    target.write_bytes(zip_package({**parts, "word/document.xml": xml}))
    target.chmod(0o644)
    report = fix_document(target, in_place=True)
    assert report.actions, "the Arial fonts should have been fixed"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_fixed_documents_are_byte_for_byte_reproducible(tmp_path, built_plan):
    source = tmp_path / "in.docx"
    with zipfile.ZipFile(built_plan) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    xml = parts["word/document.xml"].replace(b"Times New Roman", b"Arial")
    source.write_bytes(zip_package({**parts, "word/document.xml": xml}))
    fix_document(source, tmp_path / "a.docx")
    os.utime(source, (0, 0))
    fix_document(source, tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.fixture
def full_disk(tmp_path: Path):
    """A real 64 KB tmpfs, filled up (needs the right to mount; skipped without it)."""
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        with (mount / "filler").open("wb") as handle:
            try:
                handle.write(b"\0" * 200_000)
            except OSError:
                pass
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_disk_full_while_writing_a_workbook_is_exit_2(full_disk):
    run = lsdocs("export-xlsx", "-o", str(full_disk / "bang.xlsx"))
    assert run.returncode == 2, run.stderr
    assert "không ghi được" in run.stderr and "Traceback" not in run.stderr
    assert not (full_disk / "bang.xlsx").exists()
    assert [p.name for p in full_disk.iterdir()] == ["filler"]


def test_disk_full_while_building_leaves_no_half_file(full_disk):
    run = lsdocs("build", "-o", str(full_disk / "out"))
    assert run.returncode == 2, run.stderr
    assert "không ghi được" in run.stderr
    assert not list((full_disk / "out").rglob("*.docx"))
