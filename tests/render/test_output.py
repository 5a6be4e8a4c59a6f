"""Atomic writes: a failed or interrupted write never leaves a partial file."""

from __future__ import annotations

import os

import pytest

from lsdocs.errors import OutputError
from lsdocs.render.output import remove_stale_temporaries, write_atomic, write_atomic_pieces


def test_write_creates_file_and_reports_change(tmp_path):
    path = tmp_path / "a" / "x.docx"
    assert write_atomic(path, b"abc") is True
    assert path.read_bytes() == b"abc"


def test_identical_rewrite_leaves_file_untouched(tmp_path):
    path = tmp_path / "x.docx"
    write_atomic(path, b"abc")
    before = path.stat().st_mtime_ns
    assert write_atomic(path, b"abc") is False
    assert path.stat().st_mtime_ns == before


def test_failure_during_rename_keeps_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "x.docx"
    write_atomic(path, b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError):
        write_atomic(path, b"new content")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.docx"]


def test_stale_temporaries_are_removed(tmp_path):
    (tmp_path / ".x.docx.abc123.tmp").write_bytes(b"half")
    (tmp_path / "keep.docx").write_bytes(b"whole")
    remove_stale_temporaries(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.docx"]


def test_new_files_get_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "x.docx"
        write_atomic(path, b"abc")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_existing_permissions_and_symlinks_are_kept(tmp_path):
    target = tmp_path / "real.yaml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = tmp_path / "plan.yaml"
    link.symlink_to(target)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_staged_files_replace_their_targets_only_at_commit(tmp_path):
    from lsdocs.render.output import StagedWrites

    old, same = tmp_path / "old.docx", tmp_path / "same.docx"
    old.write_bytes(b"old")
    same.write_bytes(b"same")
    staged = StagedWrites()
    assert staged.stage(tmp_path / "sub" / "new.docx", b"new") is not None
    assert staged.stage(old, b"newer") is not None
    assert staged.stage(same, b"same") is None  # identical: nothing to do
    assert old.read_bytes() == b"old" and not (tmp_path / "sub" / "new.docx").exists()
    staged.commit()
    assert old.read_bytes() == b"newer"
    assert (tmp_path / "sub" / "new.docx").read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["new.docx", "old.docx", "same.docx",
                                                           "sub"]


def test_discarded_stage_keeps_old_files_and_leaves_no_temporary(tmp_path):
    from lsdocs.render.output import StagedWrites

    path = tmp_path / "x.docx"
    path.write_bytes(b"old")
    staged = StagedWrites()
    staged.stage(path, b"new")
    staged.discard()
    staged.commit()  # nothing left to commit
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.docx"]


def test_failed_commit_is_an_output_error_and_removes_the_temporaries(tmp_path, monkeypatch):
    from lsdocs.render.output import StagedWrites

    path = tmp_path / "x.docx"
    path.write_bytes(b"old")
    staged = StagedWrites()
    staged.stage(path, b"new")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError):
        staged.commit()
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.docx"]


def test_staged_temporary_is_hidden_complete_and_has_the_final_mode(tmp_path):
    from lsdocs.render.output import StagedWrites, stage_file

    old = tmp_path / "old.docx"
    old.write_bytes(b"old")
    old.chmod(0o640)
    folders: set = set()
    staged = StagedWrites(folders)
    first = staged.stage(old, b"x" * 300_000)
    second = stage_file(tmp_path / "sub" / "new.docx", b"new", folders)
    assert folders == {tmp_path, tmp_path / "sub"}  # each folder made/checked once
    for name, size, mode in [(first, 300_000, 0o640), (second, 3, 0o666 & ~_umask())]:
        assert name is not None
        tmp = os.path.basename(name)
        assert tmp.startswith(".") and tmp.endswith(".tmp")
        assert os.stat(name).st_size == size and os.stat(name).st_mode & 0o777 == mode
    assert stage_file(tmp_path / "sub" / "new.docx", b"again", folders) != second  # unique
    staged.commit()
    assert old.read_bytes() == b"x" * 300_000 and old.stat().st_mode & 0o777 == 0o640
    remove_stale_temporaries(tmp_path / "sub")
    assert [p.name for p in (tmp_path / "sub").iterdir()] == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_pieces_are_written_whole_and_an_identical_file_is_left_untouched(tmp_path):
    target = tmp_path / "manifest.csv"
    assert write_atomic_pieces(target, [b"a,b\n", b"", b"1,2\n"]) is True
    assert target.read_bytes() == b"a,b\n1,2\n"
    os.utime(target, (1, 1))
    assert write_atomic_pieces(target, [b"a,b\n1", b",2\n"]) is False  # same bytes, cut elsewhere
    assert target.stat().st_mtime == 1
    for other in ([b"a,b\n1,2\n", b"x"], [b"a,b\n1,2"], [b"a,b\n1,3\n"]):
        assert write_atomic_pieces(target, other) is True
        assert target.read_bytes() == b"".join(other)
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.csv"]


def test_pieces_failing_midway_keep_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "manifest.json"
    target.write_bytes(b"old")

    def pieces():
        yield b"new part"
        raise RuntimeError("row 7 could not be made")

    with pytest.raises(RuntimeError):
        write_atomic_pieces(target, pieces())
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


def test_pieces_refuse_a_folder_and_keep_a_link(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(OutputError):
        write_atomic_pieces(tmp_path / "folder", [b"x"])
    real = tmp_path / "real.csv"
    real.write_bytes(b"old")
    (tmp_path / "link.csv").symlink_to(real)
    assert write_atomic_pieces(tmp_path / "link.csv", [b"new"]) is True
    assert (tmp_path / "link.csv").is_symlink() and real.read_bytes() == b"new"


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="syncfs is Linux")
def test_commit_syncs_the_output_file_system_once_and_fails_on_its_error(tmp_path, monkeypatch):
    """One syncfs() for many letters in one folder; a write-back error it reports fails the
    commit like any other, the old files kept and no temporary left."""
    from lsdocs.render import output

    real = output._syncfs()
    assert real is not None  # the C library has it
    synced: list[int] = []

    def counting(fd: int) -> int:
        synced.append(fd)
        return real(fd)

    monkeypatch.setattr(output, "_syncfs", lambda: counting)
    staged = output.StagedWrites()
    for n in range(5):
        staged.stage(tmp_path / f"{n}.docx", b"new")
    staged.commit()
    assert len(synced) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{n}.docx" for n in range(5)]

    monkeypatch.setattr(output, "_syncfs", lambda: lambda fd: -1)
    monkeypatch.setattr(output, "_c_errno", lambda: 5)  # EIO: a page could not be written
    staged.stage(tmp_path / "0.docx", b"newer")
    with pytest.raises(OutputError) as caught:
        staged.commit()
    assert (tmp_path / "0.docx").read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{n}.docx" for n in range(5)]
    assert "không ghi được" in caught.value.format("vi")
