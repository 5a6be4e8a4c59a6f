"""The agency registry: checking references to it, building it, and following
an agency to the ones that took over its work.

A 2023 plan names the agencies of 2023; a letter written in 2026 must go to the
agencies of 2026.  :func:`resolve_agency` makes that step explicit and never
guesses: when an agency was split, the content must say which part it means
(``succession:``).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping, MutableMapping
from typing import Any

from lsdocs.content._dates import parse_dmy
from lsdocs.content._report import Reporter
from lsdocs.content.model import Agency, Content, Registry, Successor
from lsdocs.content.yamlsource import Node
from lsdocs.errors import ContentError, Location, Problem, T, Text
from lsdocs.vnformat.dates import short_date


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class AgencyIndex:
    """Ids and names of a registry's agencies, for checking references to them.

    Built from the raw file too, so references are checked even while the
    registry itself still has errors.
    """

    def __init__(self, names: Mapping[str, tuple[str, ...]], file: str,
                 keep: frozenset[str] | None = None):
        self.names = dict(names)  # id -> (name, short name)
        self.file = file
        self.refs: list[Node] = []  # every valid reference checked, for later checks
        self.keep = keep  # which ids go to refs (None: all)

    def check_ref(self, node: Node, rep: Reporter) -> bool:
        """Report *node* unless it names a known agency; known ones go to ``refs``."""
        if node.value in self.names:
            if self.keep is None or node.value in self.keep:
                self.refs.append(node)
            return True
        rep.error(node.line, node.path, T("không có cơ quan mã này trong danh mục"),
                  found=node.value, hint=self.hint_for(node.value), code="unknown-agency")
        return False

    def accepts(self, value: str) -> bool:
        """Whether :meth:`check_ref` would pass *value* without a word and without keeping it."""
        return value in self.names and self.keep is not None and value not in self.keep

    def adopt(self, refs: list[Node]) -> None:
        """Take references checked earlier, as the schema walk reaches them."""
        self.refs += refs

    def hint_for(self, word: str) -> Text:
        """A suggestion for an unknown id: the id of a name, or the closest id or name."""
        for ident, names in self.names.items():
            if any(_fold(word) == _fold(n) for n in names):
                return T("«{w}» là tên cơ quan; hãy ghi mã «{i}»",
                         w=word, i=ident)
        closest = self._closest(word)
        if closest is None:
            return T("xem các mã trong {f}", f=self.file)
        name = self.names[closest][0] if self.names[closest] else closest
        return T("có phải «{i}» ({n})?", i=closest, n=name)

    def _closest(self, word: str) -> str | None:
        close = difflib.get_close_matches(word, list(self.names), n=1, cutoff=0.6)
        if close:
            return close[0]
        by_name = {_fold(n): ident for ident, names in self.names.items() for n in names}
        close = difflib.get_close_matches(_fold(word), list(by_name), n=1, cutoff=0.6)
        return by_name[close[0]] if close else None


def check_entry(entry: Node, first_line: MutableMapping[str, int], rep: Reporter) -> None:
    """Checks of one registry entry (a mapping) across entries: duplicate ids (*first_line*:
    id -> line of its first entry, filled as entries come), dates in order, successors sound."""
    _check_duplicate(entry, first_line, rep)
    _check_dates(entry, rep)
    _check_successors(entry, rep)


def _check_duplicate(entry: Node, first_line: MutableMapping[str, int], rep: Reporter
                     ) -> None:
    ident = entry.get("id")
    if ident is None or not isinstance(ident.value, str):
        return
    if ident.value in first_line:
        rep.error(ident.line, ident.path, T("mã cơ quan bị trùng (đã có ở dòng {n})",
                                            n=first_line[ident.value]),
                  found=ident.value, code="duplicate-id")
    else:
        first_line[ident.value] = ident.line


def _date_of(node: Node | None) -> dt.date | None:
    if node is None or not isinstance(node.value, str):
        return None
    try:
        return parse_dmy(node.value)
    except ValueError:
        return None  # already reported by the schema


def _check_dates(entry: Node, rep: Reporter) -> None:
    start, end = _date_of(entry.get("valid_from")), _date_of(entry.get("valid_until"))
    if start and end and end < start:
        node = entry.value["valid_until"]
        rep.error(node.line, node.path, T("ngày chấm dứt trước ngày thành lập"),
                  found=node.value, expected=T("ngày từ {d} trở đi",
                                               d=short_date(start)), code="bad-date-order")


def _check_successors(entry: Node, rep: Reporter) -> None:
    successors = entry.get("successors")
    if successors is None or not successors.is_list or not successors.value:
        return
    ident = entry.get("id")
    own_id = ident.value if ident is not None else None
    for item in successors.value:
        agency = item.get("agency")
        if agency is not None and agency.value == own_id:
            rep.error(agency.line, agency.path, T("cơ quan không thể tự kế thừa chính mình"),
                      found=agency.value, code="self-successor")
        if len(successors.value) > 1 and item.is_map and item.get("scope") is None:
            rep.error(item.line, f"{item.path}.scope",
                      T("cơ quan được chia cho nhiều nơi: cần ghi phạm vi (scope) của mỗi nơi"),
                      code="missing-scope")
    if entry.get("valid_until") is None:
        rep.warning(successors.anchor_line, successors.path,
                    T("có cơ quan kế thừa nhưng không ghi ngày chấm dứt (valid_until)"),
                    code="successors-without-end")


def agency_of(raw: dict[str, Any]) -> Agency:
    """The :class:`Agency` of one checked registry entry's plain value."""

    def date(key: str) -> dt.date | None:
        return parse_dmy(raw[key]) if raw.get(key) else None

    return Agency(
        id=raw["id"], name=raw["name"], short_name=raw["short_name"],
        symbol=raw.get("symbol"), kind=raw["kind"], parent=raw.get("parent"),
        header_lines=tuple(raw.get("header_lines") or ()),
        parent_header_lines=tuple(raw.get("parent_header_lines") or ()),
        group=bool(raw.get("group", False)),
        valid_from=date("valid_from"), valid_until=date("valid_until"),
        successors=tuple(Successor(s["agency"], s.get("scope"))
                         for s in raw.get("successors") or ()),
        verified=bool(raw.get("verified", False)), note=raw.get("note"),
    )


def existed_on(agency: Agency, on_date: dt.date) -> bool:
    """Whether *agency* existed on *on_date* (both ends inclusive)."""
    after_start = agency.valid_from is None or agency.valid_from <= on_date
    return after_start and (agency.valid_until is None or on_date <= agency.valid_until)


def resolve_agency(registry: Registry, agency_id: str, on_date: dt.date | None,
                   choices: Mapping[str, str] | None = None) -> tuple[Agency, ...]:
    """The agency or agencies responsible on *on_date* for the work of *agency_id*.

    An agency that still existed on that day is returned as it is; one that
    had ceased is followed through its successors (merges, chains such as
    district → commune).  When an agency was split, *choices* (the content's
    ``succession:``, old id → new id) must pick one; otherwise
    :class:`~lsdocs.errors.ContentError` lists every choice with its scope
    and the YAML line to add.  It is also raised for an unknown id, a day
    before the agency existed and a successor chain that loops.  With
    *on_date* ``None`` the agency is returned unresolved.  The result is a
    tuple so that a future "all successors" choice keeps this signature.
    """
    choices = choices or {}
    agency = _known(registry, agency_id)
    seen: list[str] = []
    while on_date is not None and not existed_on(agency, on_date):
        if agency.id in seen:
            raise ContentError(_problem(T("chuỗi cơ quan kế thừa bị vòng: {c}",
                                          c=" → ".join([*seen, agency.id]))))
        seen.append(agency.id)
        agency = _known(registry, _next_id(agency, on_date, choices))
    return (agency,)


def _known(registry: Registry, agency_id: str) -> Agency:
    if agency_id in registry:
        return registry.get(agency_id)
    index = AgencyIndex({a.id: (a.name, a.short_name) for a in registry.agencies.values()},
                        "agencies.yaml")
    raise ContentError(_problem(T("không có cơ quan mã này trong danh mục"),
                                found=agency_id, hint=index.hint_for(agency_id),
                                code="unknown-agency", path=None))


def _next_id(agency: Agency, on_date: dt.date, choices: Mapping[str, str]) -> str:
    label = f"{agency.name} ({agency.id})"
    if agency.valid_from is not None and on_date < agency.valid_from:
        raise ContentError(_problem(T("{a} chưa thành lập vào ngày {d}",
                                      a=label, d=short_date(on_date))))
    if not agency.successors:
        raise ContentError(_problem(T("{a} không còn vào ngày {d} và danh mục không ghi "
                                      "cơ quan kế thừa", a=label, d=short_date(on_date))))
    if len(agency.successors) == 1:
        return agency.successors[0].agency
    chosen = choices.get(agency.id)
    if chosen in {s.agency for s in agency.successors}:
        return str(chosen)
    raise ContentError(_split_problem(agency, on_date, chosen))


def _split_problem(agency: Agency, on_date: dt.date, chosen: str | None) -> Problem:
    options = "; ".join(f"{s.agency} ({s.scope or '?'})" for s in agency.successors)
    example = f"succession: {{{agency.id}: {agency.successors[0].agency}}}"
    if chosen is None:
        message = T("{a} ({i}) không còn vào ngày {d} và được chia cho nhiều cơ quan; "
                    "cần chọn một", a=agency.name, i=agency.id, d=short_date(on_date))
    else:
        message = T("«{c}» không phải cơ quan kế thừa của {a} ({i})",
                    c=chosen, a=agency.name, i=agency.id)
    return _problem(message, expected=T("một trong: {o}", o=options),
                    hint=T("thêm vào tệp nội dung dòng «{e}»",  e=example),
                    code="ambiguous-successor")


def _problem(message: Text, *, found: str | None = None, expected: Text | None = None,
             hint: Text | None = None, code: str = "succession",
             path: str | None = "succession") -> Problem:
    return Problem(Location(path=path), message, found=found, expected=expected,
                   hint=hint, code=code)


class AgencyResolver:
    """Maps plan agency ids to the agencies that exist on *on_date*, reporting in one pass."""

    def __init__(self, content: Content, on_date: dt.date):
        self.content = content
        self.on_date = on_date
        self._cache: dict[str, Agency] = {}
        self.problems: list[Problem] = []

    def current(self, agency_id: str) -> Agency | None:
        if agency_id not in self._cache:
            try:
                found = resolve_agency(
                    self.content.registry, agency_id, self.on_date, self.content.plan.succession
                )
            except ContentError as exc:
                self.problems += [self._locate(p) for p in exc.problems]
                return None
            self._cache[agency_id] = found[0]
        return self._cache[agency_id]

    def _locate(self, problem: Problem) -> Problem:
        if problem.location.file:
            return problem
        loc = Location(self.content.plan_file, problem.location.line, problem.location.path)
        return Problem(loc, problem.message, problem.found, problem.expected, problem.hint,
                       problem.severity, problem.code)

    def name(self, agency_id: str) -> str:
        """The current name of *agency_id*; ContentError (with the choices) if it cannot tell."""
        agency = self.current(agency_id)
        self.raise_problems()
        return agency.name if agency is not None else agency_id

    def raise_problems(self) -> None:
        if self.problems:
            unique = {p.format("vi"): p for p in self.problems}
            raise ContentError(list(unique.values()))
