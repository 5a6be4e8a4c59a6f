"""Agencies as people type them: an id, a 2023 id, a name or an abbreviation.

Wherever lsdocs asks for an agency (``--agency``, ``--only``, ``--issuer``),
``skhcn``, ``Sở Khoa học và Công nghệ``, ``Sở KH&CN``, ``so khcn`` and
``SKHCN`` all name the same agency; a word that names none gets a
did-you-mean.  Library errors name the *parameter* (``only``); the CLI maps
parameters to its flags (:func:`parameter_name`).
"""

from __future__ import annotations

import re

from lsdocs.content.model import Content
from lsdocs.errors import Location, Problem, T, Text, UsageError
from lsdocs.tabular.agencies import AgencyNames
from lsdocs.tabular.columns import fold

PARAMETER_CODE = "parameter:"


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


def parameter_problem(parameter: str, message: Text, found: str, expected: Text,
                      hint: Text | None = None) -> Problem:
    """A problem with a value given for *parameter* (``only``, ``as_of``)."""
    return Problem(Location(place=T("tham số {p}", p=parameter)), message,
                   found=found, expected=expected, hint=hint,
                   code=PARAMETER_CODE + parameter)


def parameter_error(parameter: str, message: Text, found: str, expected: Text,
                    hint: Text | None = None) -> UsageError:
    return UsageError(parameter_problem(parameter, message, found, expected, hint))


def parameter_name(problem: Problem) -> str | None:
    """The parameter a problem is about, if it is about one."""
    code = problem.code or ""
    return code[len(PARAMETER_CODE):] if code.startswith(PARAMETER_CODE) else None
