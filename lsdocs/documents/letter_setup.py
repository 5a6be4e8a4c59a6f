"""What every letter of a run shares: options, issuer settings, current assignments.

Computed once per run (and inherited by batch workers), so each letter only
fills in its own recipient.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, cast

from lsdocs import vnformat as vn
from lsdocs.content.agencies import AgencyResolver
from lsdocs.content.model import Agency, Content, LetterIssuer
from lsdocs.documents.agency_lookup import find_agency
from lsdocs.documents.assignments import AgencyTasks, tasks_by_agency
from lsdocs.documents.letter_dates import odd_dates, refuse_impossible_dates
from lsdocs.errors import ContentError, Location, Problem, T, Text, parameter_error
from lsdocs.progress.records import PlanProgress
from lsdocs.progress.year_status import received_by

_T = TypeVar("_T")


@dataclass(frozen=True)
class LetterOptions:
    """What the clerk chooses for a letter run (CLI options)."""

    date: dt.date  # date of the letter; agencies are those existing that day
    draft: bool = True  # blank number (the văn thư numbers it when signed)
    number: int | None = None
    issuer: str | None = None  # agency id; default from the content's letters section
    as_of: dt.date | None = None  # đôn đốc: tasks due or overdue on this day
    year: int | None = None  # đề nghị báo cáo: the reporting year
    missing_reports: bool = False  # đôn đốc: urge the agencies whose report for *year* is missing


@dataclass(frozen=True)
class LetterSetup:
    """Everything a run of letters shares, computed once."""

    content: Content
    kind: str
    options: LetterOptions
    issuer: Agency
    settings: LetterIssuer
    tasks: dict[str, AgencyTasks]
    resolver: AgencyResolver  # agencies as of the letter's date, resolved once per run
    progress: PlanProgress | None = None  # what agencies reported (đôn đốc skips done tasks)
    warnings: tuple[Text, ...] = ()  # odd but possible choices, said once per run
    #: phrases every letter of the run words alike, made by the first (see :meth:`shared`)
    phrases: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def as_of(self) -> dt.date:
        """The day the letter's facts are counted to (--as-of, else the letter's date)."""
        return self.options.as_of or self.options.date

    def name_of(self, agency_id: str) -> str:
        """The name, on the letter's date, of the agency a plan task names."""
        return self.resolver.name(agency_id)

    def shared(self, key: Hashable, make: Callable[[], _T]) -> _T:
        """``make()``, made once per run under *key*: a phrase every letter words alike.

        A batch writes the same plan citation and reporting chain a thousand times.
        """
        if key not in self.phrases:
            self.phrases[key] = make()
        return cast(_T, self.phrases[key])

    @cached_property
    def plan_ref(self) -> str:
        doc = self.content.plan.document
        symbol = vn.document_symbol("ke-hoach", self.content.registry.get(doc.issuer).symbol or "")
        number = vn.number_symbol(doc.number, symbol)
        when = f" ngày {vn.short_date(doc.date)}" if doc.date else ""
        return f"Kế hoạch số {number}{when}"

    @property
    def plan_number(self) -> str:
        """``Kế hoạch số 182/KH-UBND`` (no date: for a V/v that goes on after it)."""
        return self.plan_ref.split(" ngày ")[0]

    @property
    def plan_ref_full(self) -> str:
        """``Kế hoạch số 182/KH-UBND ngày 06/9/2023 của UBND tỉnh``."""
        issuer = self.content.registry.get(self.content.plan.document.issuer)
        return f"{self.plan_ref} của {issuer.short_name}"

    @property
    def subject(self) -> str:
        """How the issuer names itself in the body: "UBND tỉnh", "Sở Khoa học và Công nghệ"."""
        return self.issuer.short_name if self.issuer.kind == "ubnd" else self.issuer.name


def setup(content: Content, kind: str, options: LetterOptions,
          progress: PlanProgress | None = None) -> LetterSetup:
    """Check the options against the content and compute what every letter shares.

    Impossible dates are refused (:class:`UsageError` naming the parameter);
    odd ones are kept and explained in ``warnings`` (see :mod:`.letter_dates`).
    *progress* makes the reminder letters skip tasks reported done (only the
    records received by the letter's date count).
    """
    refuse_impossible_dates(content, kind, options)
    issuer_id = options.issuer or _default_issuer(content, kind)
    if issuer_id not in content.registry:
        issuer_id = find_agency(content, issuer_id, "issuer")
    settings = _issuer_settings(content, issuer_id)
    issuer = content.registry.get(issuer_id)
    resolver = AgencyResolver(content, options.date)
    tasks = tasks_by_agency(content, resolver)
    warnings = odd_dates(content, kind, options)
    if progress is not None:  # only the reports that had arrived on the letter's date
        progress = received_by(content, progress, options.date)
    return LetterSetup(content, kind, options, issuer, settings, tasks, resolver, progress,
                       tuple(warnings))


def resolve_recipient(s: LetterSetup, written: str, parameter: str = "agency") -> str:
    """The current agency that receives a letter named by *written*.

    *written* may be an id, a 2023 id (``stnmt``, taken to its successor on
    the letter's date), a name or an abbreviation (``Sở KH&CN``).  The issuer
    itself and agencies without tasks are refused with the choices;
    *parameter* names the option in messages (``agency``, ``only``).
    """
    agency_id = written if written in s.tasks else find_agency(s.content, written, parameter)
    current = agency_id
    if agency_id not in s.tasks:
        found = s.resolver.current(agency_id)
        s.resolver.raise_problems()
        current = found.id if found is not None else agency_id
    if current == s.issuer.id:
        raise parameter_error(parameter, T("cơ quan ban hành không gửi công văn cho chính mình"),
                              written, T("một cơ quan khác, hoặc đổi cơ quan ban hành (issuer)"))
    if current not in s.tasks:
        known = [a for a in s.tasks if a != s.issuer.id]
        close = difflib.get_close_matches(agency_id, known, n=1)
        raise parameter_error(
            parameter,
            T("{n} không có nhiệm vụ nào trong kế hoạch vào ngày công văn",
              n=s.content.registry.get(current).name),
            written, T("một trong: {k}", k=", ".join(known)),
            T("có phải «{c}»?", c=close[0]) if close else None)
    return current


def _default_issuer(content: Content, kind: str) -> str:
    letters = content.plan.letters
    if letters and kind in letters.default_issuer:
        return letters.default_issuer[kind]
    return content.plan.document.issuer


def _issuer_settings(content: Content, issuer_id: str) -> LetterIssuer:
    letters = content.plan.letters
    found = letters.issuer(issuer_id) if letters else None
    if found is None:
        known = ", ".join(i.agency for i in letters.issuers) if letters else ""
        raise ContentError(
            Problem(
                Location(content.plan_file, content.line_of("letters", "document"),
                         path="letters.issuers"),
                T("chưa khai báo cơ quan ban hành công văn"),
                found=issuer_id,
                expected=T("một cơ quan trong letters.issuers: {k}",
                           k=known or "—"),
                hint=T("thêm mục letters.issuers (đơn vị soạn thảo, người ký, nơi nhận)"),
            )
        )
    return found
