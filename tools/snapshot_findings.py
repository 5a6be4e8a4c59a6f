"""Snapshot of the checker's findings on every .docx at hand, to compare before/after a change.

    python tools/snapshot_findings.py corpus DIR          # gather the files once into DIR
    python tools/snapshot_findings.py snap DIR OUT.json   # findings (vi + en) and --fix digests
    python tools/snapshot_findings.py diff A.json B.json  # exit 1 and list files that differ

``corpus`` writes: lsdocs' own outputs (build, every letter kind, batch with and
without --merge, report co-quan/tong-hop 2024 and 2025), the checker's test
documents (known-good plans and letters, every single-fault variant of
tests/check, compilations) and the real documents of /work/shared/corpus/real-docx.
A file is then checked from disk, so two snapshots of one corpus see the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = Path("/work/shared/corpus/real-docx")
DATE = "29/11/2026"


def _lsdocs(out: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "lsdocs", *args, "-o", str(out)], cwd=ROOT,
                   check=False, capture_output=True, timeout=600)


def generated(dest: Path) -> None:
    """lsdocs' own outputs: the plan, each letter kind, batches, reports."""
    _lsdocs(dest / "build", "build")
    for kind in ("trien-khai", "giao-nhiem-vu", "don-doc", "de-nghi-bao-cao"):
        _lsdocs(dest / f"letter-{kind}", "letter", kind, "--date", DATE, "--as-of", DATE,
                "--year", "2026") if kind != "trien-khai" else \
            _lsdocs(dest / f"letter-{kind}", "letter", kind, "--date", DATE)
    for kind in ("giao-nhiem-vu", "don-doc", "de-nghi-bao-cao"):
        extra = {"don-doc": ["--as-of", DATE], "de-nghi-bao-cao": ["--year", "2026"]}.get(kind, [])
        _lsdocs(dest / f"batch-{kind}", "batch", kind, "--date", DATE, "-q", "-j", "2", *extra)
        _lsdocs(dest / f"merge-{kind}", "batch", kind, "--date", DATE, "-q", "-j", "2", "--merge",
                *extra)
    for year, date in (("2024", "22/12/2024"), ("2025", "22/12/2025")):
        _lsdocs(dest / f"report-tong-hop-{year}", "report", "tong-hop", "--year", year,
                "--date", date)
        for agency in ("snnmt", "syt", "skhcn"):
            _lsdocs(dest / f"report-co-quan-{year}-{agency}", "report", "co-quan", "--year",
                    year, "--agency", agency, "--date", date)


def _variant_sources() -> Iterable[tuple[str, Callable[[], bytes]]]:
    sys.path.insert(0, str(ROOT / "tests" / "check"))
    import compilation_builder as cb
    import nd30_builder as nb
    import nd30_variants as nv

    bases = {"plan": nb.build_plan(), "cong_van": nb.build_cong_van()}
    for name, make in (("plan", nb.build_plan), ("cong-van", nb.build_cong_van),
                       ("bao-cao", nb.build_bao_cao), ("quyet-dinh", nb.build_quyet_dinh),
                       ("phu-luc", nb.build_phu_luc)):
        yield f"good-{name}", make
    yield "plan-repeat4", lambda: nb.build_plan(repeat=4)
    yield "plan-repeat22", lambda: nb.build_plan(repeat=22)
    for case in nv.CASES:
        yield f"variant-{case.id}", lambda c=case: nb.mutate(bases[c.base], c.change)
    for module in ("test_missed_rules", "test_conformant_variants", "test_fix_gaps"):
        yield from _module_cases(module, bases, nb.mutate)
    yield "compilation-3", lambda: cb.compilation(cb.letters(3))
    yield "compilation-broken", lambda: cb.compilation(cb.letters(3, broken=1))


def _module_cases(module_name: str, bases: dict[str, bytes],
                  mutate: Callable[..., bytes]) -> Iterable[tuple[str, Callable[[], bytes]]]:
    import importlib

    module = importlib.import_module(module_name)
    for case in getattr(module, "CASES", []):
        change, base = getattr(case, "change", None), getattr(case, "base", "plan")
        if callable(change) and base in bases:
            yield f"{module_name}-{case.id}", lambda c=change, b=base: mutate(bases[b], c)
    for key, value in getattr(module, "CHANGES", {}).items():
        items = value if isinstance(value, tuple) else (value,)
        change = next((v for v in items if callable(v)), None)
        named = [v for v in items if isinstance(v, str) and v in bases]
        for base_name in named or ["plan", "cong_van"]:
            if change is not None:
                yield (f"{module_name}-{key}-{base_name}",
                       lambda c=change, b=base_name: mutate(bases[b], c))


def variants(dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name, make in _variant_sources():
        try:
            data = make()
        except Exception as exc:  # noqa: BLE001 - a change that does not apply to this base
            print(f"skip {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        (dest / f"{name}.docx").write_bytes(data)


def corpus(dest: Path) -> None:
    generated(dest / "generated")
    variants(dest / "tests")
    fixtures = ROOT / "tests" / "fixtures"
    for path in sorted(fixtures.rglob("*.docx")):
        target = dest / "fixtures" / path.relative_to(fixtures)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    if REAL.is_dir():
        (dest / "real").mkdir(parents=True, exist_ok=True)
        for path in sorted(REAL.glob("*.docx")):
            shutil.copy(path, dest / "real" / path.name)
    print(f"{sum(1 for _ in dest.rglob('*.docx'))} files in {dest}")


def snapshot(folder: Path) -> dict[str, object]:
    from lsdocs.check import check_document, fix_document
    from lsdocs.errors import DocumentReadError

    found: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as temp:
        for path in sorted(folder.rglob("*.docx")):
            name = str(path.relative_to(folder))
            try:
                report = check_document(path)
            except DocumentReadError as exc:
                found[name] = {"read_error": exc.format("vi")}
                continue
            entry: dict[str, object] = {"vi": report.to_dict("vi"), "en": report.to_dict("en")}
            if report.in_scope:
                out = Path(temp) / "fixed.docx"
                fixed = fix_document(path, out)
                entry["fix"] = {
                    "actions": [[a.rule, a.location.vi, a.location.en, a.description.vi,
                                 a.description.en, a.note] for a in fixed.actions],
                    "after": _after(fixed.after.to_dict("vi")) if fixed.after else None,
                    "sha256": hashlib.sha256(out.read_bytes()).hexdigest()
                    if out.exists() else None,
                }
            found[name] = entry
    return found


def _after(report: dict[str, object]) -> dict[str, object]:
    return {**report, "file": "fixed.docx"}  # the output's temporary folder changes per run


def diff(a: dict[str, object], b: dict[str, object]) -> list[str]:
    differ = [name for name in sorted(set(a) | set(b)) if a.get(name) != b.get(name)]
    return differ


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "corpus":
        corpus(Path(args[0]))
    elif command == "snap":
        data = snapshot(Path(args[0]))
        Path(args[1]).write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True),
                                 encoding="utf-8")
        print(f"{len(data)} files, {sum(1 for v in data.values() if 'fix' in v)} fixed")  # type: ignore[operator]
    elif command == "diff":
        left, right = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args[:2])
        changed = diff(left, right)
        print(f"{len(left)} vs {len(right)} files; {len(changed)} differ")
        for name in changed:
            print("  " + name)
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
