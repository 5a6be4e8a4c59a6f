"""Message catalogs: Vietnamese is the source language, English a gettext catalog.

Every message lsdocs shows is written in Vietnamese in the code (``T("Đã ghi: {p}", p=path)``);
the Vietnamese text is the gettext *msgid*.  English comes from
``lsdocs/locale/en/LC_MESSAGES/lsdocs.po``, compiled to ``lsdocs.mo`` when the package is
built.  Click's own texts ("Usage:", "Show this message and exit.") have a Vietnamese catalog,
``lsdocs/locale/vi/LC_MESSAGES/click.po``.

Nothing is read until a translation is asked for, and each catalog is read once per
process.  When the ``.mo`` is missing or older than its ``.po`` (a fresh clone, an
editable install, a translator's edit), the ``.po`` is compiled in memory instead, and
the result kept next to it when that folder is writable, so the next run starts fast.

>>> translate("lỗi", "vi")
'lỗi'
>>> translate("lỗi", "en")
'error'
>>> translate("một câu chưa dịch", "en")
'một câu chưa dịch'
"""

from __future__ import annotations

import functools
import gettext
import io
import os
import tempfile
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"

#: Domain of lsdocs' own messages (msgid Vietnamese, msgstr English).
DOMAIN = "lsdocs"
#: Domain of click's messages (msgid English, msgstr Vietnamese).
CLICK_DOMAIN = "click"
#: The language the code is written in; it needs no catalog.
SOURCE_LANGUAGE = "vi"


def po_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


@functools.cache
def catalog(lang: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The compiled catalog of *domain* in *lang*; an empty one when there is none."""
    po = po_path(lang, domain)
    mo = po.with_suffix(".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.is_file():
        data = compile_po(po)
        _save_quietly(mo, data)
        return gettext.GNUTranslations(io.BytesIO(data))
    return gettext.NullTranslations()


def _save_quietly(mo: Path, data: bytes) -> None:
    """Keep the compiled catalog for the next run when the folder is writable (a checkout)."""
    try:
        with tempfile.NamedTemporaryFile(dir=mo.parent, prefix=".", suffix=".mo",
                                         delete=False) as handle:
            handle.write(data)
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, mo)
    except OSError:
        pass  # read-only install: compile in memory again next time


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file (untranslated and fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        messages = read_po(handle)
    out = io.BytesIO()
    write_mo(out, messages, use_fuzzy=False)
    return out.getvalue()


def translate(msgid: str, lang: str, domain: str = DOMAIN) -> str:
    """*msgid* in *lang*; the msgid itself when the catalog has no translation."""
    if not msgid or (lang == SOURCE_LANGUAGE and domain == DOMAIN):
        return msgid  # gettext's "" is the catalog header
    return catalog(lang, domain).gettext(msgid)


def has_translation(msgid: str, lang: str = "en", domain: str = DOMAIN) -> bool:
    translations = catalog(lang, domain)
    return msgid in getattr(translations, "_catalog", {})


def compile_all(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write a ``.mo`` next to every ``.po`` under *locale_dir* (used by the build)."""
    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        data = compile_po(po)
        if not mo.is_file() or mo.read_bytes() != data:
            mo.write_bytes(data)
        written.append(mo)
    return written
