"""Messages: Vietnamese msgids, English from the gettext catalog, never a crash."""

from __future__ import annotations

import gettext
import io
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lsdocs.errors import Location, Problem, T, Text
from lsdocs.i18n import catalog, compile_all, compile_po, po_path, translate

ROOT = Path(__file__).resolve().parents[1]


def test_english_comes_from_the_catalog() -> None:
    text = T("Đã ghi: {p}", p="a.docx")
    assert (text.vi, text.en) == ("Đã ghi: a.docx", "Written: a.docx")
    assert text.get("en") == "Written: a.docx" and text.get("vi") == "Đã ghi: a.docx"


def test_written_english_wins_during_the_transition() -> None:
    assert T("Đã ghi: {p}", "Saved: {p}", p=1).en == "Saved: 1"
    assert T("Đã ghi: {p}", "Written: {p}", p=1) == T("Đã ghi: {p}", p=1)


def test_a_message_without_english_reads_in_vietnamese() -> None:
    text = T("một câu chưa có trong danh mục {n}", n=3)
    assert text.en == text.vi == "một câu chưa có trong danh mục 3"
    problem = Problem(Location(file="a.yaml", line=2), text)
    assert problem.format("en") == "a.yaml:2: error: một câu chưa có trong danh mục 3"


def test_format_later_like_before() -> None:
    template = T("Không đổi: {p}")  # a module constant, filled where it is used
    assert template.format(p="x").en == "Unchanged: x"
    assert template.format(p="x") == Text("Không đổi: x", "Unchanged: x")
    assert Text("{a}", "{a}!").format(a=1) == Text("1", "1!")


def test_texts_compare_hash_unpack_and_pickle_like_the_old_pair() -> None:
    text = T("Đã ghi: {p}", p=1)
    vi, en = text
    assert (vi, en) == (text[0], text[1]) == ("Đã ghi: 1", "Written: 1")
    assert hash(text) == hash(Text("Đã ghi: 1", "Written: 1"))
    assert pickle.loads(pickle.dumps(text)) == text  # batch workers send problems back
    assert text != ("Đã ghi: 1", "Written: 1")


def test_a_translation_that_names_an_unknown_field_falls_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lsdocs.i18n

    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "lsdocs.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "câu {a}"\nmsgstr "sentence {b}"\n\nmsgid "câu hai {a}"\n'
        'msgstr "sentence two {a}"\n', encoding="utf-8")
    monkeypatch.setattr(lsdocs.i18n, "LOCALE_DIR", tmp_path)
    catalog.cache_clear()
    try:
        assert T("câu hai {a}", a=1).en == "sentence two 1"
        assert T("câu {a}", a=1).en == "câu 1"  # the translation's {b} is not passed
    finally:
        catalog.cache_clear()


def test_nothing_is_read_until_english_is_asked_for() -> None:
    code = ("import sys, lsdocs.cli, lsdocs.errors as e; t = e.T('Đã ghi: {p}', p=1); "
            "assert not e.__dict__.get('_loaded'); "
            "from lsdocs.i18n import catalog; assert catalog.cache_info().currsize == 0; "
            "t.vi; assert catalog.cache_info().currsize == 0; t.en; "
            "assert catalog.cache_info().currsize == 1")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr


def test_the_po_compiles_in_memory_and_at_build_time(tmp_path: Path) -> None:
    po = po_path("en")
    translations = gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    assert translations.gettext("lỗi") == "error"
    locale = tmp_path / "locale" / "en" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    (locale / "lsdocs.po").write_bytes(po.read_bytes())
    assert compile_all(tmp_path / "locale") == [locale / "lsdocs.mo"]
    with (locale / "lsdocs.mo").open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("cảnh báo") == "warning"
    assert translate("cảnh báo", "en") == "warning" and translate("cảnh báo", "vi") == "cảnh báo"
    assert catalog("xx").gettext("lỗi") == "lỗi"  # no catalog: the Vietnamese


def test_click_catalog_has_every_click_message() -> None:
    from babel.messages.pofile import read_po

    from tools.click_catalog import PO, click_messages, merge, untranslated

    with PO.open("rb") as handle:
        current = read_po(handle, locale="vi", domain="click")
    missing = untranslated(merge(current, click_messages()))
    assert not missing, f"run `python -m tools.click_catalog` and translate: {missing}"


def test_the_build_ships_compiled_catalogs(tmp_path: Path) -> None:
    """setup.py's build step compiles every .po into a .mo inside the built package."""
    source = tmp_path / "src"
    shutil.copytree(ROOT / "lsdocs", source / "lsdocs",
                    ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    for name in ("setup.py", "setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    done = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib",
                           str(tmp_path / "lib")], cwd=source, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    locale = tmp_path / "lib" / "lsdocs" / "locale"
    with (locale / "en" / "LC_MESSAGES" / "lsdocs.mo").open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("cảnh báo") == "warning"
    with (locale / "vi" / "LC_MESSAGES" / "click.mo").open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("Usage:") == "Cách dùng:"
