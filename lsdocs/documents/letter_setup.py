"""What every letter of a run shares: options, issuer settings, current assignments.

Computed once per run (and inherited by batch workers), so each letter only
fills in its own recipient.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from lsdocs import vnformat as vn
from lsdocs.content.model import Agency, Content, LetterIssuer
from lsdocs.documents.assignments import AgencyResolver, AgencyTasks, tasks_by_agency
from lsdocs.errors import ContentError, Location, Problem, T, Text, UsageError


@dataclass(frozen=True)
class LetterOptions:
    """What the clerk chooses for a letter run (CLI options)."""

    date: dt.date  # date of the letter; agencies are those existing that day
    draft: bool = True  # blank number (the văn thư numbers it when signed)
    number: int | None = None
    issuer: str | None = None  # agency id; default from the content's letters section
    as_of: dt.date | None = None  # đôn đốc: tasks due or overdue on this day
    year: int | None = None  # đề nghị báo cáo: the reporting year


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

    def name_of(self, agency_id: str) -> str:
        """The name, on the letter's date, of the agency a plan task names."""
        return self.resolver.name(agency_id)

    @property
    def plan_ref(self) -> str:
        doc = self.content.plan.document
        symbol = vn.document_symbol("ke-hoach", self.content.registry.get(doc.issuer).symbol or "")
        number = vn.number_symbol(doc.number, symbol)
        when = f" ngày {vn.short_date(doc.date)}" if doc.date else ""
        return f"Kế hoạch số {number}{when}"

    @property
    def plan_ref_full(self) -> str:
        """``Kế hoạch số 182/KH-UBND ngày 06/9/2023 của UBND tỉnh``."""
        issuer = self.content.registry.get(self.content.plan.document.issuer)
        return f"{self.plan_ref} của {issuer.short_name}"

    @property
    def subject(self) -> str:
        """How the issuer names itself in the body: "UBND tỉnh", "Sở Khoa học và Công nghệ"."""
        return self.issuer.short_name if self.issuer.kind == "ubnd" else self.issuer.name

    @property
    def verb(self) -> str:
        return "yêu cầu" if self.issuer.kind == "ubnd" else "đề nghị"


def setup(content: Content, kind: str, options: LetterOptions) -> LetterSetup:
    """Check the options against the content and compute what every letter shares."""
    if options.as_of is not None and options.as_of > options.date:
        raise UsageError(Problem(
            Location(place=T("tùy chọn --as-of", "option --as-of")),
            T("ngày tính đến sau ngày của công văn", "the as-of date is after the letter's date"),
            found=vn.short_date(options.as_of),
            expected=T("không sau {d} (--date)", "not after {d} (--date)",
                       d=vn.short_date(options.date)),
        ))
    _check_dates(content, options)
    issuer_id = options.issuer or _default_issuer(content, kind)
    settings = _issuer_settings(content, issuer_id)
    issuer = content.registry.get(issuer_id)
    resolver = AgencyResolver(content, options.date)
    tasks = tasks_by_agency(content, resolver)
    return LetterSetup(content, kind, options, issuer, settings, tasks, resolver)


def _check_dates(content: Content, options: LetterOptions) -> None:
    """A letter cannot predate its plan; a reporting year lies between the plan and the letter."""
    issued = content.plan.document.date
    if issued is not None and options.date < issued:
        raise _option_error("--date", T("công văn có ngày trước ngày ban hành kế hoạch",
                                        "the letter is dated before the plan was issued"),
                            vn.short_date(options.date),
                            T("từ {d} trở đi", "on or after {d}", d=vn.short_date(issued)))
    first = issued.year if issued else content.plan.document.draft_year or options.date.year
    if options.year is not None and not first <= options.year <= options.date.year + 1:
        raise _option_error("--year", T("năm báo cáo không hợp lý", "implausible reporting year"),
                            str(options.year),
                            T("từ {a} đến {b}", "from {a} to {b}", a=first,
                              b=options.date.year + 1))


def _option_error(option: str, message: Text, found: str, expected: Text) -> UsageError:
    return UsageError(Problem(Location(place=T("tùy chọn {o}", "option {o}", o=option)),
                              message, found=found, expected=expected))


def resolve_recipient(s: LetterSetup, agency_id: str) -> str:
    """The current agency that receives a letter named by *agency_id*.

    A 2023 id (``stnmt``) is taken to its successor on the letter's date;
    the issuer itself and agencies without tasks are refused with the choices.
    """
    current = agency_id
    if agency_id not in s.tasks and agency_id in s.content.registry:
        found = s.resolver.current(agency_id)
        s.resolver.raise_problems()
        current = found.id if found is not None else agency_id
    if current == s.issuer.id:
        raise _option_error("--agency", T("cơ quan ban hành không gửi công văn cho chính mình",
                                          "the issuer does not write to itself"),
                            agency_id, T("một cơ quan khác, hoặc đổi --issuer",
                                         "another agency, or change --issuer"))
    if current not in s.tasks:
        known = [a for a in s.tasks if a != s.issuer.id]
        close = difflib.get_close_matches(agency_id, known, n=1)
        problem = Problem(
            Location(place=T("tùy chọn --agency", "option --agency")),
            T("cơ quan không có nhiệm vụ nào trong kế hoạch", "agency has no task in the plan"),
            found=agency_id, expected=T("một trong: {k}", "one of: {k}", k=", ".join(known)),
            hint=T("có phải «{c}»?", "did you mean «{c}»?", c=close[0]) if close else None,
        )
        raise UsageError(problem)
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
                T("chưa khai báo cơ quan ban hành công văn", "no letter settings for this issuer"),
                found=issuer_id,
                expected=T("một cơ quan trong letters.issuers: {k}",
                           "an agency listed in letters.issuers: {k}", k=known or "—"),
                hint=T("thêm mục letters.issuers (đơn vị soạn thảo, người ký, nơi nhận)",
                       "add a letters.issuers entry (unit, signer, recipients)"),
            )
        )
    return found
