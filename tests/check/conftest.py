"""Shared fixtures: the known-good documents, built once per session, and a
LibreOffice re-save of them (one soffice run per session)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from nd30_builder import build_cong_van, build_plan  # noqa: E402


@pytest.fixture(scope="session")
def good_plan() -> bytes:
    return build_plan()


@pytest.fixture(scope="session")
def good_cong_van() -> bytes:
    return build_cong_van()


@pytest.fixture(scope="session")
def long_plan() -> bytes:
    return build_plan(repeat=4)


@pytest.fixture(scope="session")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs it (.ci/run)")
    return found


@pytest.fixture(scope="session")
def resave(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Callable[
        [dict[str, bytes]], dict[str, bytes]]:
    """Re-save named documents with ``soffice --headless --convert-to docx`` in one run."""
    cache: dict[str, bytes] = {}

    def run(documents: dict[str, bytes]) -> dict[str, bytes]:
        todo = {k: v for k, v in documents.items() if k not in cache}
        if todo:
            src = tmp_path_factory.mktemp("lo-src")
            out = tmp_path_factory.mktemp("lo-out")
            profile = tmp_path_factory.mktemp("lo-profile")
            for name, data in todo.items():
                (src / f"{name}.docx").write_bytes(data)
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                            "--convert-to", "docx", "--outdir", str(out),
                            *sorted(str(p) for p in src.iterdir())],
                           check=True, capture_output=True, timeout=240)
            for name in todo:
                cache[name] = (out / f"{name}.docx").read_bytes()
        return {k: cache[k] for k in documents}

    return run
