"""Installed copies ship the progress records next to the plan (setup.cfg data_files)."""

from __future__ import annotations

import configparser

from tests.progress.conftest import ROOT, SHIPPED_PROGRESS


def test_every_progress_file_is_installed_where_the_loader_looks() -> None:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    installed: set[str] = set()
    for target, sources in config["options.data_files"].items():
        for pattern in sources.split(","):
            for path in ROOT.glob(pattern.strip()):
                installed.add(f"{target}/{path.name}")
    shipped = sorted(SHIPPED_PROGRESS.rglob("*.yaml"))
    assert shipped
    for path in shipped:
        relative = path.relative_to(ROOT / "content").as_posix()
        # load_progress looks in <plan folder>/tien-do/<plan id>/<year>/ of share/lsdocs/content
        assert f"share/lsdocs/content/{relative}" in installed, relative
    assert "share/lsdocs/content/README.md" in installed
