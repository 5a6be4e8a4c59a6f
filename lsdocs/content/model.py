"""The content model: what a plan, its agencies and its assignments are.

These are plain frozen dataclasses built by :mod:`lsdocs.content.plan_loader` from
YAML (or from Excel/CSV).  Every string in them is NFC.  Nothing here does I/O.

``source`` on a block says whether its text is the official text (``verbatim``)
or written for lsdocs because the official text is not available
(``illustrative``).  Tools and the README use it; no one should mistake
illustrative text for the plan's own words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from lsdocs.errors import Problem

Source = Literal["verbatim", "illustrative"]
AgencyKind = Literal["ubnd", "so", "nganh", "dia-phuong", "trung-uong", "dang", "khac"]
DeadlineKind = Literal["date", "month", "quarter", "year", "period", "annual", "regular"]


@dataclass(frozen=True, slots=True)
class Successor:
    """One agency that took over (part of) another's work."""

    agency: str  # agency id
    scope: str | None = None  # which functions, when a mapping splits


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str  # official name in running text: "Sở Khoa học và Công nghệ"
    short_name: str  # "Sở KH&CN"
    symbol: str | None  # ký hiệu in document numbers: "SKHCN"; None for groups
    kind: AgencyKind
    parent: str | None = None  # agency id of the cơ quan chủ quản
    header_lines: tuple[str, ...] = ()  # issuing name as printed in a header, upper case
    parent_header_lines: tuple[str, ...] = ()  # parent name as printed above it
    group: bool = False  # a collective addressee ("UBND các xã, phường")
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None  # last day it existed
    successors: tuple[Successor, ...] = ()
    verified: bool = False  # facts confirmed in a source (agencies-langson.md [V])
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Signature:
    """Signature block: authority lines, title, name (ô 7a–7c)."""

    authority: tuple[str, ...]  # ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
    title: str  # "PHÓ CHỦ TỊCH"
    name: str  # "Dương Xuân Huyên"


@dataclass(frozen=True, slots=True)
class Recipient:
    """One Nơi nhận line: an agency reference or free text (without '- ' and ';')."""

    text: str
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    number: int | None  # None for a draft (blank number)
    date: dt.date | None  # None for a draft (blank date)
    place: str
    issuer: str  # agency id
    trich_yeu: str  # sentence case
    signature: Signature
    recipients: tuple[Recipient, ...]
    filing: str  # after "Lưu: ", e.g. "VT, KGVX"
    source: Source  # of the metadata (number, date, signer, trích yếu)
    recipients_source: Source  # of the Nơi nhận list and signature layout
    draft_year: int | None = None  # a draft's year (its date is left blank)


@dataclass(frozen=True, slots=True)
class Target:
    """A measurable objective: e.g. +50 % enterprises applying biotech by 2030."""

    indicator: str
    value: float
    unit: str  # "%", "doanh nghiệp", "mô hình", …
    year: int
    change: Literal["increase", "reach", "decrease"] = "reach"
    baseline_year: int | None = None
    id: str | None = None  # how progress records name it ("dn-htx-cnsh")


@dataclass(frozen=True, slots=True)
class ObjectiveItem:
    text: str
    target: Target | None = None


@dataclass(frozen=True, slots=True)
class Objective:
    id: str
    title: str  # "Mục tiêu đến năm 2030"
    year: int | None
    items: tuple[ObjectiveItem, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Deadline:
    """When a task must be done, as written in the appendix and as a due date.

    ``text`` is the Vietnamese form shown in documents ("Hằng năm",
    "Quý IV/2024", "2024 - 2025", "31/12/2024").  ``due`` is the last day the
    task is due (for a period, its end; None for "thường xuyên"/"hằng năm",
    whose due dates come from the reporting day each year).
    """

    kind: DeadlineKind
    text: str
    due: dt.date | None = None
    start_year: int | None = None
    end_year: int | None = None


@dataclass(frozen=True, slots=True)
class Task:
    id: str  # stable id, e.g. "3.2"; unique in the plan
    name: str  # short task text for the appendix
    lead: str  # agency id (cơ quan chủ trì)
    support: tuple[str, ...]  # agency ids (cơ quan phối hợp)
    deadline: Deadline
    product: str  # sản phẩm: "Kế hoạch của UBND tỉnh", "Báo cáo", …
    source: Source
    support_text: str | None = None  # extra free text after the agencies ("các cơ quan liên quan")


@dataclass(frozen=True, slots=True)
class TaskGroup:
    id: str
    title: str
    paragraphs: tuple[str, ...]
    tasks: tuple[Task, ...]
    source: Source  # of the title and paragraphs (tasks carry their own)


@dataclass(frozen=True, slots=True)
class Responsibility:
    """Section IV: what one agency (or group of agencies) is charged with."""

    agency: str  # agency id
    paragraphs: tuple[str, ...]
    title: str | None = None  # heading override; default is the agency name
    together_with: tuple[str, ...] = ()  # agency ids charged jointly ("Công an tỉnh, Bộ CHQS tỉnh")

    @property
    def agencies(self) -> tuple[str, ...]:
        """Every agency charged by this paragraph: *agency* first, then *together_with*."""
        return (self.agency, *self.together_with)


@dataclass(frozen=True, slots=True)
class ReportingRegime:
    """Who reports to whom, by which day each year."""

    reporters_to: str  # agency id that collects the reports (Sở KH&CN)
    day: int  # day of month of the yearly deadline (15)
    month: int  # month (12)
    compiler_to: str  # agency the collector reports to (UBND tỉnh)
    compile_day: int
    compile_month: int
    also_to: tuple[str, ...] = ()  # further recipients of the compiled report (Bộ KH&CN)


@dataclass(frozen=True, slots=True)
class Organization:
    responsibilities: tuple[Responsibility, ...]
    reporting: ReportingRegime
    closing: str  # last paragraph (the renderer appends "./.")
    source: Source


@dataclass(frozen=True, slots=True)
class LetterIssuer:
    """Who signs the công văn lsdocs writes for a plan, and how."""

    agency: str  # agency id of the issuer
    unit: str  # drafting unit in the công văn symbol: SKHCN-QLKH, UBND-KGVX
    signature: Signature
    recipients: tuple[Recipient, ...]  # Nơi nhận after "- Như trên;"
    filing: str  # "VT, QLKH"


@dataclass(frozen=True, slots=True)
class LetterSettings:
    issuers: tuple[LetterIssuer, ...]
    default_issuer: dict[str, str]  # letter kind -> agency id
    source: Source

    def issuer(self, agency_id: str) -> LetterIssuer | None:
        return next((i for i in self.issuers if i.agency == agency_id), None)


@dataclass(frozen=True, slots=True)
class Plan:
    """A kế hoạch and everything needed to write it and the papers it creates."""

    id: str  # safe id, used for output paths: "kh-182-2023"
    kind: Literal["ke-hoach"]
    document: DocumentInfo
    preamble: tuple[str, ...]
    preamble_source: Source
    purposes: tuple[str, ...]
    requirements: tuple[str, ...]
    purposes_source: Source
    objectives: tuple[Objective, ...]
    task_groups: tuple[TaskGroup, ...]
    organization: Organization
    source_note: str | None = None
    succession: dict[str, str] = field(default_factory=dict)  # old id -> chosen new id
    letters: LetterSettings | None = None

    @property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(t for g in self.task_groups for t in g.tasks)

    @property
    def targets(self) -> tuple[Target, ...]:
        """The measurable objectives, in plan order."""
        return tuple(i.target for o in self.objectives for i in o.items if i.target)


@dataclass(frozen=True, slots=True)
class Registry:
    """The agency registry, reusable by any plan."""

    agencies: dict[str, Agency]

    def get(self, agency_id: str) -> Agency:
        return self.agencies[agency_id]

    def __contains__(self, agency_id: object) -> bool:
        return agency_id in self.agencies


@dataclass(frozen=True, slots=True)
class Content:
    """A loaded content set: the plan, the registry, and where each came from."""

    plan: Plan
    registry: Registry
    plan_file: str
    registry_file: str
    warnings: tuple[Problem, ...] = ()  # what validate would warn about (already corrected)
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key -> its line

    def line_of(self, *keys: str) -> int | None:
        """The line of the first of *keys* present at the top of the plan file (for messages)."""
        return next((self.key_lines[k] for k in keys if k in self.key_lines), None)
