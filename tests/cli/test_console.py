"""The CLI under consoles that cannot print Vietnamese: readable or cleanly degraded."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata

import pytest

from tests.conftest import ROOT


def lsdocs(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "lsdocs", *args], capture_output=True,
                          cwd=ROOT, env=env, timeout=120)


def read(data: bytes, encoding: str) -> str:
    return unicodedata.normalize("NFC", data.decode(encoding))


@pytest.mark.parametrize("encoding", ["cp1258", "ascii", "latin-1"])
def test_build_succeeds_and_says_so(tmp_path, encoding):
    run = lsdocs(encoding, "build", "-o", str(tmp_path))
    assert run.returncode == 0, run.stderr
    text = read(run.stdout, "utf-8" if encoding == "ascii" else encoding)
    assert "ke-hoach.docx" in text and "\\u" not in text and "\\x" not in text
    assert (tmp_path / "kh-182-2023" / "ke-hoach.docx").is_file()


def test_windows_1258_keeps_the_vietnamese_letters():
    run = lsdocs("cp1258", "validate")
    assert run.returncode == 0, run.stderr
    assert "Nội dung hợp lệ" in read(run.stdout, "cp1258")


def test_latin_1_drops_marks_but_keeps_the_words_and_the_exit_code():
    run = lsdocs("latin-1", "batch", "don-doc", "--only", "skhcnn")
    assert run.returncode == 2
    text = read(run.stderr, "latin-1")
    assert "tùy chon --only" in text or "tuy chon --only" in text
    assert "skhcn" in text and "Traceback" not in text
