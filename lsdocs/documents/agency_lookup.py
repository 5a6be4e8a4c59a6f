"""Agencies as people type them: an id, a 2023 id, a name or an abbreviation.

Wherever lsdocs asks for an agency (``--agency``, ``--only``, ``--issuer``),
``skhcn``, ``Sở Khoa học và Công nghệ``, ``Sở KH&CN``, ``so khcn`` and
``SKHCN`` all name the same agency; a word that names none gets a
did-you-mean.  Library errors name the *parameter* (``only``); the CLI maps
parameters to its flags (:func:`lsdocs.errors.parameter_name`).
"""

from __future__ import annotations

import re

from lsdocs.content.model import Content
from lsdocs.errors import T, parameter_error
from lsdocs.tabular.agency_cells import AgencyNames
from lsdocs.tabular.columns import fold


def find_agency(content: Content, written: str, parameter: str) -> str:
    """The registry id of the agency *written* names; UsageError with a suggestion otherwise."""
    names = AgencyNames(content.registry, content.registry_file or "agencies.yaml")
    found = names.resolve(written.strip())
    if isinstance(found, str):
        return found
    compact = _compact_index(content)
    matches = compact.get(_compact(written), ())
    if len(matches) == 1:
        return matches[0]
    raise parameter_error(parameter, found.message, written,
                          T("mã, tên hoặc tên viết tắt của một cơ quan trong danh mục"),
                          found.hint)


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _compact_index(content: Content) -> dict[str, tuple[str, ...]]:
    """Names with spaces, ``&`` and punctuation removed: ``Sở KHCN`` finds ``Sở KH&CN``."""
    index: dict[str, tuple[str, ...]] = {}
    for agency in content.registry.agencies.values():
        for word in {agency.id, agency.name, agency.short_name, agency.symbol or ""}:
            key = _compact(word)
            if key and agency.id not in index.get(key, ()):
                index[key] = (*index.get(key, ()), agency.id)
    return index
