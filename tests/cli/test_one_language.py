"""`--lang en` shows no Vietnamese and no mixed text; Vietnamese shows no click English.

Every command is run as a clerk runs it, with the mistakes clerks make (a missing file, a
date that does not exist, an agency that is not in the registry, broken YAML, a bad cell
in a workbook, a wrong option value, a file that is not .docx, …).  In English, no word
outside quoted content, workbook cells and agency names from the registry may carry a
Vietnamese letter; in Vietnamese, no click English may leak.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
import yaml

from lsdocs.cli import main
from lsdocs.tabular.progress_export import export_progress
from tests.language import CLICK_ENGLISH, vietnamese_words

ROOT = Path(__file__).resolve().parents[2]
PLAN = "content/kh-182-2023.yaml"

#: (arguments, exit code): a clerk's mistakes and ordinary runs of every command
RUNS: list[tuple[str, int]] = [
    # validate / build: files, YAML and content mistakes
    ("validate missing.yaml", 2),
    ("validate broken.yaml", 1),
    ("validate notes.txt", 1),
    *[(f"validate fx/{name}.yaml", 1) for name in (
        "bad-date-shape", "bad-deadline", "bad-signature", "bad-source", "deadline-before-issue",
        "draft-with-number", "duplicate-key", "duplicate-task-id", "empty-text", "empty",
        "impossible-date", "many-errors", "missing-key", "missing-registry", "not-yaml",
        "top-level-list", "trich-yeu-capitals", "unknown-agency", "unknown-key",
        "unsupported-kind", "unsupported-version", "wrong-type", "agencies-broken")],
    ("validate content/tien-do", 1),
    ("validate .", 1),
    ("build missing.yaml", 2),
    ("build broken.yaml", 1),
    ("build fx/unknown-agency.yaml", 1),
    ("build fx/many-errors.yaml --lang en", 1),
    ("build --no-such-option", 2),
    # letters
    ("letter trien-khai --date 32/01/2026", 2),
    ("letter trien-khai --date 2026-01-05", 0),
    ("letter giao-nhiem-vu --agency khong-co", 2),
    ("letter giao-nhiem-vu", 2),
    ("letter don-doc --as-of abc", 2),
    ("letter de-nghi-bao-cao --agency syt --year 1899", 2),
    ("letter khong-co", 2),
    ("letter trien-khai missing.yaml", 2),
    ("letter trien-khai broken.yaml", 1),
    ("letter trien-khai --issuer khong-co", 2),
    ("batch don-doc --only khong-co", 2),
    ("batch don-doc --as-of 31/13/2026", 2),
    ("batch giao-nhiem-vu --date 05/01/2026 -o out-batch", 0),
    ("batch khong-co", 2),
    # the checker
    ("check missing.docx", 2),
    ("check notdocx.docx", 2),
    ("check notes.txt", 2),
    ("check empty.docx", 2),
    ("check plain.docx", 1),
    ("check plain.docx --json", 1),
    ("check plain.docx --fix", 2),
    ("check plain.docx --fix -o fixed.docx", 1),
    ("check", 2),
    ("check plain.docx --kind khong-co", 2),
    # tables
    ("export-xlsx missing.yaml", 2),
    ("export-csv broken.yaml", 1),
    ("export-csv --delimiter xx", 2),
    ("import-xlsx missing.xlsx", 2),
    ("import-xlsx notes.txt", 2),
    ("import-xlsx notdocx.xlsx", 2),
    ("import-xlsx bad-table.xlsx", 1),
    ("import-xlsx bad-header.csv", 1),
    ("export-progress", 2),
    ("export-progress --year 3000", 2),
    ("export-progress --year 2025 --agency stnmt", 2),
    ("export-progress --year 2025 --agency khong-co", 2),
    ("import-progress bad-progress.xlsx", 1),
    ("import-progress missing.xlsx", 2),
    ("import-progress notes.txt", 2),
    # progress, reports, new plans
    ("status", 2),
    ("status --year abc", 2),
    ("status --year 2025 --as-of 31/02/2026", 2),
    ("status --year 2025", 0),
    ("status --year 2024 prog/kh-182-2023.yaml", 1),
    ("validate prog/kh-182-2023.yaml", 1),
    ("report co-quan --year 2025", 2),
    ("report co-quan --year 2025 --agency khong-co --date 09/12/2025", 2),
    ("report tong-hop --year 1800 --date 22/12/2025", 2),
    ("report khong-co", 2),
    ("new khong-co", 2),
    ("new ke-hoach new-plans", 0),
    ("new ke-hoach content --id kh-182-2023", 2),
    ("new ke-hoach --year 1", 2),
    # issuing, PDF, previews
    ("phat-hanh missing.docx", 2),
    ("phat-hanh notdocx.docx", 1),
    ("phat-hanh plain.docx", 1),
    ("phat-hanh plain.docx --date 30/02/2026", 2),
    ("so-van-ban danh-sach --year abc", 2),
    ("so-van-ban danh-sach", 0),
    ("so-van-ban huy 99/UBND --year 2026", 2),
    ("so-van-ban huy 99/UBND --year 2026 --reason test", 2),
    ("so-van-ban kiem-tra --register notes.txt", 2),
    ("so-van-ban xuat-excel notes.txt/x.xlsx --year 2026", 2),
    ("pdf missing.docx", 2),
    ("pdf notes.txt", 2),
    ("preview missing.docx", 2),
    ("nocmd", 2),
    # ordinary runs and answers for scripts
    ("build", 0),
    ("validate", 0),
    ("letter don-doc --agency snv --as-of 30/11/2025", 0),
    ("report co-quan --year 2025 --agency snnmt --date 09/12/2025", 0),
    ("export-progress --year 2025 --agency snnmt -o tables", 0),
    ("validate fx/many-errors.yaml --json", 1),
    ("status --year 2025 --json", 0),
    ("check fx/../plain.docx --json", 1),
]


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node.strip()
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _content_words() -> set[str]:
    """What the shipped plan and agency registry say (agency names, group titles, deadlines
    as the plan words them): content a report may show as written, not lsdocs' words."""
    found: set[str] = set()
    for name in ("agencies.yaml", "kh-182-2023.yaml"):
        data = yaml.safe_load((ROOT / "content" / name).read_text(encoding="utf-8"))
        found.update(s for s in _strings(data) if len(s) >= 6 and "\n" not in s)
        if name == "agencies.yaml":
            found.update(str(a[k]) for a in data["agencies"] for k in ("name", "short_name")
                         if a.get(k))
    return found


NAMES = _content_words()


def _workspace(folder: Path) -> None:
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "tests" / "fixtures" / "content", folder / "fx")
    shutil.copytree(ROOT / "tests" / "fixtures" / "progress", folder / "fxp")
    (folder / "prog").mkdir()
    for name in ("kh-182-2023.yaml", "agencies.yaml"):
        shutil.copy(ROOT / "content" / name, folder / "prog" / name)
    shutil.copytree(ROOT / "tests" / "fixtures" / "progress" / "many-mistakes",
                    folder / "prog" / "tien-do" / "kh-182-2023")
    (folder / "broken.yaml").write_text("a: [1, 2\nb: :\n", encoding="utf-8")
    (folder / "notes.txt").write_text("ghi chú\n", encoding="utf-8")
    (folder / "notdocx.docx").write_text("a: 1\n", encoding="utf-8")
    (folder / "notdocx.xlsx").write_text("a: 1\n", encoding="utf-8")
    (folder / "empty.docx").write_bytes(b"")
    document = docx.Document()
    document.add_paragraph("Xin chào")
    document.save(str(folder / "plain.docx"))
    (folder / "bad-header.csv").write_text("Mã;Tên việc;Ai làm\n1.1;x;y\n", encoding="utf-8")


def _bad_workbooks(folder: Path) -> None:
    """An assignment table and a progress workbook, each with cells a clerk got wrong."""
    with _in(folder):
        assert _run(["export-xlsx", PLAN, "-o", "bad-table.xlsx"])[0] == 0
    table = openpyxl.load_workbook(folder / "bad-table.xlsx")
    sheet = table["Phân công"]
    sheet["G5"], sheet["D6"], sheet["A7"] = "31/02/2025", "Sở Khoa học công nghệ", ""
    table.save(folder / "bad-table.xlsx")
    [progress] = export_progress(folder / PLAN, 2024, ["skhcn"], folder)
    book = openpyxl.load_workbook(progress.path)
    book["Nhiệm vụ"]["F3"], book["Nhiệm vụ"]["G3"] = "Hoàn tất", "31/02/2024"
    book.save(folder / "bad-progress.xlsx")


@contextlib.contextmanager
def _in(folder: Path) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("LSDOCS_REGISTER", str(folder / "so-van-ban-di.sqlite"))
        for name in ("LSDOCS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
            patch.delenv(name, raising=False)
        yield


def _run(args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code: object = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
        except SystemExit as exit_:
            code = exit_.code or 0
    assert isinstance(code, int), code
    return code, out.getvalue() + err.getvalue()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("clerk")
    _workspace(folder)
    _bad_workbooks(folder)
    return folder


@pytest.fixture(scope="module")
def spaces(workspace: Path) -> dict[str, Path]:
    """One copy of the workspace per language, so runs that write do not meet."""
    out = {}
    for lang in ("en", "vi"):
        copy = workspace / lang
        copy.mkdir()
        for item in workspace.iterdir():
            if item.name in ("en", "vi"):
                continue
            if item.is_dir():
                shutil.copytree(item, copy / item.name)
            else:
                shutil.copy(item, copy / item.name)
        out[lang] = copy
    return out


@pytest.mark.parametrize(("args", "code"), RUNS, ids=[a for a, _ in RUNS])
def test_english_output_is_english(args: str, code: int, spaces: dict[str, Path]) -> None:
    with _in(spaces["en"]):
        got, output = _run(["--lang", "en", *args.split()])
    assert got == code, output
    assert output.strip(), "a run says nothing"
    assert "Traceback" not in output
    assert not vietnamese_words(output, NAMES), output


@pytest.mark.parametrize(("args", "code"), RUNS, ids=[a for a, _ in RUNS])
def test_vietnamese_output_has_no_click_english(args: str, code: int,
                                                spaces: dict[str, Path]) -> None:
    with _in(spaces["vi"]):
        got, output = _run(args.replace("--lang en", "").split())
    assert got == code, output
    assert "Traceback" not in output
    assert not CLICK_ENGLISH.search(output), output


def test_the_detector_sees_vietnamese_and_spares_quoted_content() -> None:
    assert vietnamese_words("error: the trích yếu is written in capitals") == ["trích", "yếu"]
    assert vietnamese_words("x.yaml:3: error: no such date: «31/02/2024 là ngày»") == []
    assert vietnamese_words("Nhiệm vụ!G3 (Completion date): error") == []
    assert vietnamese_words("did you mean «skhcn» (Sở Y tế)?", {"Sở Y tế"}) == []
    assert vietnamese_words("did you mean «skhcn» (Sở Y tế)?") == ["(Sở", "tế)?"]
    assert vietnamese_words("the symbol 182/QĐ-UBND (type code QĐ)") == []
    assert vietnamese_words("expected KH (KẾ HOẠCH)") == ["(KẾ", "HOẠCH)"]
    assert CLICK_ENGLISH.search("Lỗi cách dùng: Invalid value for '--date'")


def test_issuing_from_draft_to_cancellation_in_english(tmp_path: Path) -> None:
    """A letter issued, issued again by mistake, listed, cancelled, cancelled again."""
    _workspace(tmp_path)
    steps: list[tuple[str, int]] = [
        ("letter giao-nhiem-vu --agency syt -o drafts", 0),
        ("phat-hanh drafts/kh-182-2023/giao-nhiem-vu-syt.docx --date 30/11/2026", 0),
        ("phat-hanh drafts/kh-182-2023/giao-nhiem-vu-syt.docx --date 30/11/2026", 1),
        ("so-van-ban kiem-tra", 0),
        ("so-van-ban huy 1/UBND-KGVX --year 2026 --reason nhầm", 0),
        ("so-van-ban huy 1/UBND-KGVX --year 2026 --reason nhầm", 2),
        ("so-van-ban xuat-excel so.xlsx --year 2026", 0),
    ]
    with _in(tmp_path):
        for args, code in steps:
            got, output = _run(["--lang", "en", *args.split()])
            assert got == code, (args, output)
            assert not vietnamese_words(output, NAMES), (args, output)
        got, listing = _run(["--lang", "en", "so-van-ban", "danh-sach"])
    assert got == 0 and "[CANCELLED]" in listing and "1 document(s)." in listing, listing
