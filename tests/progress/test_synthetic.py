"""tools.synthetic writes progress records in the agreed format, for the report benchmark."""

from __future__ import annotations

from pathlib import Path

from lsdocs.content import load_plan
from lsdocs.progress.record_loader import load_progress, validate_progress
from lsdocs.progress.year_status import year_status
from tests.progress.conftest import TODAY
from tools.synthetic import write_synthetic, write_synthetic_progress


def test_synthetic_progress_loads_cleanly_and_is_counted_once(tmp_path: Path) -> None:
    plan = write_synthetic(tmp_path / "content", agencies=12, tasks_per_agency=8)
    root = write_synthetic_progress(plan, years=3, missing_every=5)
    assert root == tmp_path / "content" / "tien-do" / "kh-182-2023"
    content = load_plan(plan)
    assert validate_progress(content, today=TODAY) == []
    progress = load_progress(content, today=TODAY)
    assert progress.years == [2023, 2024, 2025]
    for year in progress.years:
        status = year_status(content, progress, year)
        reported = sum(len(r.tasks) for r in progress.year(year).values())
        counts = status.total
        assert counts.total - counts.not_reported == reported
        assert status.missing  # some agencies do not report each year
        assert len(status.missing) + len(progress.year(year)) == len(status.reporters)
    again = tmp_path / "again"
    write_synthetic_progress(write_synthetic(again, agencies=12, tasks_per_agency=8), years=3,
                             missing_every=5)
    first = sorted(p.relative_to(root) for p in root.rglob("*.yaml"))
    second_root = again / "tien-do" / "kh-182-2023"
    assert first == sorted(p.relative_to(second_root) for p in second_root.rglob("*.yaml"))
    assert all((root / p).read_bytes() == (second_root / p).read_bytes() for p in first)
