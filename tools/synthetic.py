"""Synthetic content for tests and benchmarks: many agencies, a few tasks each.

    python -m tools.synthetic OUT_DIR --agencies 1000 --tasks 10 [--years 5]

Starts from the shipped content (so the plan text stays realistic) and
replaces its agencies' tasks: each synthetic agency leads half of its tasks
and supports the other half.  With ``--years K`` it also writes progress
records (``tien-do/<plan id>/<year>/<agency>.yaml``, see
:func:`write_synthetic_progress`) for the plan's first K reporting years.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def agency_id(n: int) -> str:
    return f"stn-{n:04d}"


def write_synthetic(out: Path, agencies: int, tasks_per_agency: int = 10) -> Path:
    """Write ``agencies.yaml`` and ``plan.yaml`` into *out*; return the plan path."""
    out.mkdir(parents=True, exist_ok=True)
    yaml = YAML()
    yaml.width = 4096
    registry = yaml.load((CONTENT / "agencies.yaml").read_text(encoding="utf-8"))
    for n in range(1, agencies + 1):
        registry["agencies"].append({
            "id": agency_id(n), "name": f"Sở Thử nghiệm số {n}", "short_name": f"Sở TN {n}",
            "symbol": f"STN{n}", "kind": "so", "parent": "ubnd-tinh",
            "header_lines": ["SỞ THỬ NGHIỆM", f"SỐ {n}"],
            "parent_header_lines": ["UBND TỈNH LẠNG SƠN"],
        })
    with (out / "agencies.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump(registry, handle)
    plan = yaml.load((CONTENT / "kh-182-2023.yaml").read_text(encoding="utf-8"))
    groups = plan["task_groups"]
    for group in groups:
        group["tasks"] = []
    lead_count = max(1, tasks_per_agency // 2)
    for n in range(1, agencies + 1):
        for k in range(lead_count):
            group_index = (n + k) % len(groups)
            group = groups[group_index]
            supporters = [agency_id((n + j) % agencies + 1) for j in range(1, 2)]
            group["tasks"].append({
                "id": f"{group_index + 1}.{len(group['tasks']) + 1}",
                "name": f"Nhiệm vụ thử nghiệm {k + 1} của Sở Thử nghiệm số {n}: triển khai "
                        "ứng dụng công nghệ sinh học trong lĩnh vực được giao",
                "lead": agency_id(n), "support": supporters,
                "deadline": ["hằng năm", "31/12/2026", "quý IV/2026", "2024 - 2030"][k % 4],
                "product": "Báo cáo kết quả thực hiện", "source": "illustrative",
            })
    plan["organization"]["responsibilities"] = plan["organization"]["responsibilities"][:1]
    path = out / "plan.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(plan, handle)
    return path


def write_synthetic_progress(plan: Path, years: int = 5, *, missing_every: int = 10,
                             seed: int = 182) -> Path:
    """Write progress records for *plan* (a plan written by :func:`write_synthetic`).

    One record per agency leading tasks and per reporting year, for the plan's
    first *years* years (2023, 2024 … for the 06/9/2023 plan), in the agreed
    format, next to the plan: ``<plan folder>/tien-do/<plan id>/<year>/<agency>.yaml``.
    Each year every *missing_every*-th agency (shifted by the year) does not
    report; the others report every task they lead that is active that year
    (done, late, in progress or not started, chosen by a seeded generator), with a
    product document per done task, narrative, figures (every fifth agency),
    budget and signature.  Deterministic for a given *seed*.  Returns the folder
    ``tien-do/<plan id>``; ``lsdocs.progress.record_loader.load_progress`` reads it.
    """
    from lsdocs.content import load_plan
    from tools.synthetic_progress import synthetic_records

    content = load_plan(plan)
    root = plan.parent / "tien-do" / content.plan.id
    for (year, agency), text in synthetic_records(content, years, missing_every, seed):
        path = root / str(year) / f"{agency}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--agencies", type=int, default=1000)
    parser.add_argument("--tasks", type=int, default=10)
    parser.add_argument("--years", type=int, default=0, help="progress records for K years")
    args = parser.parse_args()
    plan_path = write_synthetic(args.out, args.agencies, args.tasks)
    print(plan_path)
    if args.years:
        print(write_synthetic_progress(plan_path, args.years))
