"""Who writes to whom: the wording a letter takes from the rank of its writer and reader.

A Vietnamese công văn speaks differently up, down and across the
administration.  UBND tỉnh writing to its departments and to lower levels
*yêu cầu* and *giao*; a department writing to another department (or to an
agency it does not direct) can only *đề nghị*, and when it passes on the
province's decision it says so ("Thực hiện chỉ đạo của UBND tỉnh tại …").
Every sentence of a letter that depends on the relation asks :func:`relation`
once and takes its words from :class:`Voice`, so no sentence can slip into
the wrong register.

>>> from lsdocs.content.model import Agency
>>> province = Agency("ubnd-tinh", "Ủy ban nhân dân tỉnh", "UBND tỉnh", "UBND", "ubnd")
>>> health = Agency("syt", "Sở Y tế", "Sở YT", "SYT", "so", parent="ubnd-tinh")
>>> relation(province, health), relation(health, province)
('superior', 'subordinate')
>>> voice(province, health).ask, voice(health, health).ask
('yêu cầu', 'đề nghị')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lsdocs.content.model import Agency

Relation = Literal["superior", "peer", "subordinate"]

#: Agency kinds UBND tỉnh directs: its departments, sectors and the local UBND.
_DIRECTED_BY_PROVINCE = ("so", "nganh", "dia-phuong")


def relation(issuer: Agency, recipient: Agency) -> Relation:
    """How *issuer* stands to *recipient*: above it, level with it, or below it.

    The provincial People's Committee (kind ``ubnd`` without a parent) directs
    departments, sectors and local committees; it is level with other bodies
    (associations, ``khac``) and below central ministries.  Every other writer
    (a department) is level with everyone except the province and the centre.
    """
    if recipient.kind == "trung-uong":
        return "subordinate"
    if _is_province(issuer):
        return "superior" if recipient.kind in _DIRECTED_BY_PROVINCE else "peer"
    return "subordinate" if _is_province(recipient) else "peer"


def _is_province(agency: Agency) -> bool:
    return agency.kind == "ubnd" and agency.parent is None


@dataclass(frozen=True)
class Voice:
    """The words of one writer-to-reader relation."""

    relation: Relation
    ask: str  # the verb of a request: "yêu cầu" / "đề nghị" / "kính đề nghị"
    courtesy: str  # the closing a peer or a superior reader gets, without "./."
    reader: str  # the recipient's name

    @property
    def closing(self) -> str:
        """Last sentence of a per-agency letter, without "./."."""
        return self.close("nghiêm túc triển khai thực hiện")

    def close(self, order: str) -> str:
        """The closing; a superior states the *order* ("báo cáo đúng thời hạn")."""
        return f"Yêu cầu {self.reader} {order}" if self.directs else self.courtesy

    @property
    def directs(self) -> bool:
        """The writer may give orders (giao nhiệm vụ, yêu cầu)."""
        return self.relation == "superior"


def voice(issuer: Agency, recipient: Agency) -> Voice:
    """The wording *issuer* uses towards *recipient*."""
    rel = relation(issuer, recipient)
    name = recipient.name
    if rel == "superior":
        return Voice(rel, "yêu cầu", "", name)
    if rel == "subordinate":
        return Voice(rel, "kính đề nghị",
                     f"{_subject(issuer)} kính đề nghị {name} quan tâm, chỉ đạo", name)
    return Voice(rel, "đề nghị", "Rất mong nhận được sự quan tâm, phối hợp của Quý cơ quan",
                 name)


def group_voice(issuer: Agency, recipients: list[Agency]) -> Voice:
    """The voice towards several agencies at once: the most courteous any of them needs."""
    order = {"subordinate": 0, "peer": 1, "superior": 2}
    voices = [voice(issuer, r) for r in recipients]
    return min(voices, key=lambda v: order[v.relation]) if voices else voice(issuer, issuer)


def _subject(agency: Agency) -> str:
    return agency.short_name if agency.kind == "ubnd" else agency.name
