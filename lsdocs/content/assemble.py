"""Build the model from a plan file that passed every check.

Input is the plain value of the checked tree (:meth:`Node.plain`); nothing here
reports problems, because there are none left by the time it runs.
"""

from __future__ import annotations

from typing import Any

from lsdocs.content._dates import parse_dmy
from lsdocs.content.deadlines import parse_deadline
from lsdocs.content.model import (
    Deadline,
    DocumentInfo,
    LetterIssuer,
    LetterSettings,
    Objective,
    ObjectiveItem,
    Organization,
    Plan,
    Recipient,
    Registry,
    ReportingRegime,
    Responsibility,
    Signature,
    Source,
    Target,
    Task,
    TaskGroup,
)
from lsdocs.content.node import Streamed

Raw = dict[str, Any]


def build_plan(raw: Raw, registry: Registry, deadlines: Deadlines | None = None) -> Plan:
    """The plan of a checked file's plain value.

    Task lists read piece by piece (:class:`Streamed`) already hold their
    model tasks, built with *deadlines*.
    """
    return _Builder(registry, deadlines or Deadlines()).plan(raw)


class Deadlines:
    """Deadlines by the text written: tasks with the same text share one :class:`Deadline`."""

    def __init__(self) -> None:
        self.by_text: dict[str, Deadline] = {}

    def __call__(self, written: str) -> Deadline:
        found = self.by_text.get(written)
        if found is None:
            found = self.by_text[written] = parse_deadline(written)
        return found

    def written(self) -> dict[int, str]:
        """The text written for each deadline, by ``id()`` of the shared :class:`Deadline`."""
        return {id(deadline): text for text, deadline in self.by_text.items()}


class _Builder:
    """Builds one plan; tasks with the same deadline text share one :class:`Deadline`."""

    def __init__(self, registry: Registry, deadlines: Deadlines):
        self.registry = registry
        self.deadline = deadlines

    def plan(self, raw: Raw) -> Plan:
        return _plan(raw, self.registry, self)


def _plan(raw: Raw, registry: Registry, builder: _Builder) -> Plan:
    return Plan(
        id=raw["id"],
        kind=raw["kind"],
        document=_document(raw["document"], raw["noi_nhan"], registry),
        preamble=tuple(raw["preamble"]["paragraphs"]),
        preamble_source=_source(raw["preamble"]),
        purposes=tuple(raw["purposes"]["muc_dich"]),
        requirements=tuple(raw["purposes"]["yeu_cau"]),
        purposes_source=_source(raw["purposes"]),
        objectives=tuple(_objective(o) for o in raw["objectives"]),
        task_groups=tuple(_task_group(g, builder) for g in raw["task_groups"]),
        organization=_organization(raw["organization"]),
        source_note=raw.get("source_note"),
        succession=dict(raw.get("succession") or {}),
        letters=_letters(raw["letters"], registry) if raw.get("letters") else None,
    )


def _document(doc: Raw, noi_nhan: Raw, registry: Registry) -> DocumentInfo:
    draft = bool(doc.get("draft", False))
    sig = doc["signature"]
    return DocumentInfo(
        number=None if draft else doc["number"],
        date=None if draft else parse_dmy(doc["date"]),
        place=doc["place"],
        issuer=doc["issuer"],
        trich_yeu=doc["trich_yeu"],
        signature=Signature(tuple(sig["authority"]), sig["title"], sig["name"]),
        recipients=tuple(_recipient(item, registry) for item in noi_nhan["items"]),
        filing=noi_nhan["filing"],
        source=_source(doc),
        recipients_source=_source(noi_nhan),
        draft_year=doc.get("year") if draft else None,
    )


def _recipient(item: str | Raw, registry: Registry) -> Recipient:
    if isinstance(item, str):
        return Recipient(item)
    agency = registry.get(item["agency"])
    return Recipient(item.get("text") or agency.name, agency.id)


def _objective(raw: Raw) -> Objective:
    return Objective(id=raw["id"], title=raw["title"], year=raw.get("year"),
                     items=tuple(_objective_item(i) for i in raw["items"]),
                     source=_source(raw))


def _objective_item(item: str | Raw) -> ObjectiveItem:
    if isinstance(item, str):
        return ObjectiveItem(item)
    target = item.get("target")
    return ObjectiveItem(item["text"], _target(target) if target else None)


def _target(raw: Raw) -> Target:
    return Target(indicator=raw["indicator"], value=raw["value"], unit=raw["unit"],
                  year=raw["year"], change=raw.get("change", "reach"),
                  baseline_year=raw.get("baseline_year"), id=raw.get("id"))


def _task_group(raw: Raw, builder: _Builder) -> TaskGroup:
    listed = raw.get("tasks") or ()
    if isinstance(listed, Streamed):  # built as they were read
        tasks = tuple(listed.items)
        assert all(isinstance(t, Task) for t in tasks), "tasks with errors are never built"
    else:
        tasks = tuple(build_task(t, builder.deadline) for t in listed)
    return TaskGroup(id=raw["id"], title=raw["title"], paragraphs=tuple(raw["paragraphs"]),
                     tasks=tasks, source=_source(raw))


def build_task(raw: Raw, deadlines: Deadlines) -> Task:
    """The :class:`Task` of one checked task's plain value."""
    return Task(id=raw["id"], name=raw["name"], lead=raw["lead"],
                support=tuple(raw.get("support") or ()),
                deadline=deadlines(raw["deadline"]), product=raw["product"],
                source=_source(raw), support_text=raw.get("support_text"))


def _organization(raw: Raw) -> Organization:
    rep = raw["reporting"]
    reporting = ReportingRegime(
        reporters_to=rep["reporters_to"], day=rep["day"], month=rep["month"],
        compiler_to=rep["compiler_to"], compile_day=rep["compile_day"],
        compile_month=rep["compile_month"], also_to=tuple(rep.get("also_to") or ()))
    responsibilities = tuple(
        Responsibility(r["agency"], tuple(r["paragraphs"]), r.get("title"),
                       tuple(r.get("together_with") or ()))
        for r in raw["responsibilities"])
    return Organization(responsibilities, reporting, raw["closing"], _source(raw))


def _letters(raw: Raw, registry: Registry) -> LetterSettings:
    issuers = tuple(
        LetterIssuer(
            agency=i["agency"],
            unit=i["unit"],
            signature=_signature(i["signature"]),
            recipients=tuple(_recipient(r, registry) for r in i.get("noi_nhan") or ()),
            filing=i["filing"],
        )
        for i in raw["issuers"]
    )
    return LetterSettings(issuers, dict(raw.get("default_issuer") or {}), _source(raw))


def _signature(sig: Raw) -> Signature:
    return Signature(tuple(sig["authority"]), sig["title"], sig["name"])


def _source(raw: Raw) -> Source:
    """A block's ``source``; without one it is the office's own text (``verbatim``).

    Only content whose official text is partly unavailable (the shipped KH 182)
    needs to mark blocks ``illustrative``.
    """
    value = raw.get("source")
    return "illustrative" if value == "illustrative" else "verbatim"
