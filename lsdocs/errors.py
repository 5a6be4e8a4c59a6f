"""One exception tree for everything a user can get wrong.

Every problem lsdocs reports carries *where* (file, line, key path or a place
in a document), *what* was found and *what* was expected, in Vietnamese and in
English.  The CLI catches :class:`LsdocsError` only and prints its problems; it
never shows a traceback for a user mistake.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

#: Languages lsdocs speaks.  Vietnamese is the default everywhere.
LANGUAGES = ("vi", "en")


class Text:
    """A sentence in both languages.

    ``Text(vi, en)`` holds both; ``Text(vi)`` (what :func:`T` builds) looks the English up
    in the catalog (:mod:`lsdocs.i18n`) the first time it is asked for, with the Vietnamese
    as the msgid.  A sentence the catalog does not know reads in Vietnamese in both languages.

    >>> Text("lỗi", "error").get("en")
    'error'
    >>> Text("lỗi").en
    'error'
    >>> Text("lỗi") == Text("lỗi", "error")
    True
    """

    __slots__ = ("vi", "_en", "_msgid", "_steps")

    vi: str
    _en: str | None
    _msgid: str
    _steps: tuple[dict[str, object], ...]

    def __init__(self, vi: str, en: str | None = None) -> None:
        self.vi = vi
        self._en = en
        self._msgid = vi
        self._steps = ()

    @property
    def en(self) -> str:
        if self._en is None:
            self._en = _english(self._msgid, self._steps, self.vi)
        return self._en

    def get(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi

    def format(self, **params: object) -> Text:
        """Fill ``{name}`` fields in both languages; a :class:`Text` value fills each
        language with its own words.

        >>> T("{name} chưa in đậm", name=T("Quốc hiệu")).get("en")
        'The national name is not bold'
        """
        new = Text(_fill(self.vi, params, "vi"), None if self._en is None
                   else _fill(self._en, params, "en"))
        if self._en is None:
            new._msgid, new._steps = self._msgid, (*self._steps, params)
        return new

    def _pair(self) -> tuple[str, str]:
        return (self.vi, self.en)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return self._pair() == other._pair()

    def __hash__(self) -> int:
        return hash(self.vi)  # equal texts have equal Vietnamese; no catalog needed

    def __iter__(self) -> Iterator[str]:
        return iter(self._pair())

    def __getitem__(self, index: int) -> str:
        return self._pair()[index]

    def __repr__(self) -> str:
        # Not self.en: a repr (e.g. of a dataclass default at import) must not load the catalog.
        english = "<catalog>" if self._en is None else repr(self._en)
        return f"Text(vi={self.vi!r}, en={english})"

    def __reduce__(self) -> tuple[type[Text], tuple[str, str]]:
        return (Text, self._pair())


def _english(msgid: str, steps: tuple[dict[str, object], ...], vi: str) -> str:
    """The catalog's English for *msgid*, formatted like the Vietnamese; else the Vietnamese."""
    from lsdocs.i18n import translate

    english = translate(msgid, "en")
    if english == msgid:
        return vi
    try:
        for params in steps:
            english = _fill(english, params, "en")
    except (KeyError, IndexError, ValueError, AttributeError):
        return vi  # a translation naming a field the code does not pass
    return english


def _fill(template: str, params: dict[str, object], lang: str) -> str:
    """*template* with its fields filled; :class:`Text` values in *lang*."""
    values = {key: value.get(lang) if isinstance(value, Text) else value
              for key, value in params.items()}
    return template.format(**values)


def join_texts(parts: Iterable[Text | str], sep: Text | str = "") -> Text:
    """*parts* joined with *sep*, each language with its own words (a plain ``str`` is the
    same in both: a number, a file name, a cell reference).

    >>> join_texts([T("lỗi"), "R05"], " · ").get("en")
    'error · R05'
    """
    items = list(parts)

    def side(lang: str) -> str:
        between = sep.get(lang) if isinstance(sep, Text) else sep
        return between.join(p.get(lang) if isinstance(p, Text) else p for p in items)

    return Text(side("vi"), side("en"))


def T(vi: str, en: str | None = None, /, **params: object) -> Text:  # noqa: N802 - like _()
    """A message: Vietnamese *vi* (the msgid), English from the catalog, ``{name}`` filled.

    ``T(vi, en, ...)`` with the English written out is still accepted while the code moves
    to the catalog (``tools/i18n_codemod.py``); the written English wins.

    >>> T("Đã ghi: {p}", p="a.docx").get("en")
    'Written: a.docx'
    >>> T("Đã ghi: {p}", "Saved: {p}", p="a.docx").en
    'Saved: a.docx'
    """
    text = Text(vi, en)
    return text.format(**params) if params else text


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file plus a line, a key path and/or a place.

    *place* is a free description for documents (``đoạn 12 «Thực hiện …»``,
    ``bảng 2, hàng 3, ô 4``) and is bilingual.
    """

    file: str | None = None
    line: int | None = None
    path: str | None = None
    place: Text | None = None

    def format(self, lang: str = "vi") -> str:
        parts: list[str] = []
        if self.file:
            parts.append(f"{self.file}:{self.line}" if self.line else self.file)
        if self.path:
            parts.append(self.path)
        if self.place:
            parts.append(self.place.get(lang))
        return ": ".join(parts)


SEVERITY_ERROR = "error"
SEVERITY_WARNING = "warning"
_SEVERITY_LABEL = {
    SEVERITY_ERROR: Text("lỗi", "error"),
    SEVERITY_WARNING: Text("cảnh báo", "warning"),
}


@dataclass(frozen=True)
class Problem:
    """One finding: location, message, and optionally found/expected/hint."""

    location: Location
    message: Text
    found: str | Text | None = None  # a str is the user's own text, shown as written
    expected: Text | None = None
    hint: Text | None = None
    severity: str = SEVERITY_ERROR
    code: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == SEVERITY_ERROR

    def format(self, lang: str = "vi") -> str:
        where = self.location.format(lang)
        text = self.message.get(lang)
        found = self.found_text(lang)
        if found is not None:
            text += ": " + repr_found(found)
        if self.expected is not None:
            label = "cần" if lang == "vi" else "expected"
            text += f" ({label} {self.expected.get(lang)})"
        if self.hint is not None:
            text += f"; {self.hint.get(lang)}"
        head = f"{where}: " if where else ""
        return f"{head}{_SEVERITY_LABEL[self.severity].get(lang)}: {text}"

    def found_text(self, lang: str = "vi") -> str | None:
        return self.found.get(lang) if isinstance(self.found, Text) else self.found

    def to_dict(self, lang: str = "vi") -> dict[str, object]:
        loc = self.location
        return {
            "code": self.code,
            "severity": self.severity,
            "file": loc.file,
            "line": loc.line,
            "path": loc.path,
            "place": loc.place.get(lang) if loc.place else None,
            "message": self.message.get(lang),
            "found": self.found_text(lang),
            "expected": self.expected.get(lang) if self.expected else None,
            "hint": self.hint.get(lang) if self.hint else None,
        }


def repr_found(value: str) -> str:
    """Quote a found value the way messages show it: «…», shortened."""
    value = value if len(value) <= 60 else value[:57] + "…"
    return f"«{value}»"


class LsdocsError(Exception):
    """Base of every error lsdocs reports to a user.

    It holds one or more :class:`Problem`; ``str()`` gives them in Vietnamese.
    """

    #: exit code the CLI uses for this kind of error
    exit_code = 1

    def __init__(self, problems: Iterable[Problem] | Problem):
        self.problems: list[Problem] = (
            [problems] if isinstance(problems, Problem) else list(problems)
        )
        super().__init__(self.format("vi"))

    def format(self, lang: str = "vi") -> str:
        return "\n".join(p.format(lang) for p in self.problems)


class ContentError(LsdocsError):
    """Content files (YAML, Excel, CSV) are not what lsdocs expects."""

    @property
    def exit_code(self) -> int:  # type: ignore[override]
        """1 for content mistakes; 2 when the file named on the command line is missing."""
        return 2 if is_missing_file(self.problems) else 1


def is_missing_file(problems: Iterable[Problem]) -> bool:
    errors = [p for p in problems if p.is_error]
    return bool(errors) and all(p.code in _FILE_CODES for p in errors)


#: Problems that mean the file named could not be read at all (exit code 2).
_FILE_CODES = frozenset({"missing-file", "not-a-file"})


class TemplateError(LsdocsError):
    """A .docx template cannot be compiled or rendered."""


class DocumentReadError(LsdocsError):
    """A .docx file cannot be opened (not a zip, not Word, encrypted, damaged)."""

    exit_code = 2


class OutputError(LsdocsError):
    """A file cannot be written: not a regular file, no permission, disk full.

    Raised by :func:`lsdocs.render.output.write_atomic`; nothing was changed.
    """

    exit_code = 2


class UsageError(LsdocsError):
    """The command line asks for something that cannot be done."""

    exit_code = 2


@dataclass
class ProblemList:
    """Collects problems during a pass, so every one is reported at once."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def raise_if_errors(self, error_class: type[LsdocsError] = ContentError) -> None:
        if self.errors:
            raise error_class(self.problems)

    def __len__(self) -> int:
        return len(self.problems)


#: Problem code prefix of a problem about a value given to a library parameter.
PARAMETER_CODE = "parameter:"


def parameter_problem(parameter: str, message: Text, found: str | None = None,
                      expected: Text | None = None, hint: Text | None = None) -> Problem:
    """A problem with the value given for *parameter* (``only``, ``as_of``).

    Library errors speak of parameters; the CLI names them as its flags
    (:func:`parameter_name` gives the parameter back).
    """
    return Problem(Location(place=T("tham số {p}", p=parameter)), message,
                   found=found, expected=expected, hint=hint,
                   code=PARAMETER_CODE + parameter)


def parameter_error(parameter: str, message: Text, found: str | None = None,
                    expected: Text | None = None, hint: Text | None = None) -> UsageError:
    return UsageError(parameter_problem(parameter, message, found, expected, hint))


def parameter_name(problem: Problem) -> str | None:
    """The parameter a problem is about, if it is about one."""
    code = problem.code or ""
    return code[len(PARAMETER_CODE):] if code.startswith(PARAMETER_CODE) else None
