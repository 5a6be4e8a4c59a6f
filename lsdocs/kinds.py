"""Every kind of document lsdocs writes, as one table of plain data.

A kind says what a document is (its title in Vietnamese and English, the
Decree 30 type it has, which family it belongs to), which template writes it,
whether one is written for the whole plan or one per agency, and how its file
is named.  Every layer asks this table: templates are found through it, the
CLI offers its ids as choices, letters and reports take their titles and type
codes from it.  Adding a kind is one row here, one ``documents/<kind>.py``
context builder and one template.

>>> KINDS["giao-nhiem-vu"].template
'cv-giao-nhiem-vu.docx'
>>> [k.id for k in kinds_of("report")]
['bao-cao-co-quan', 'bao-cao-tong-hop']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Family = Literal["plan", "letter", "report"]


@dataclass(frozen=True)
class Kind:
    """One kind of document lsdocs writes."""

    id: str  # CLI and file-name id: "giao-nhiem-vu"
    title: str  # what a clerk calls it: "Công văn giao nhiệm vụ"
    title_en: str
    family: Family
    doc_type: str  # Decree 30 type slug (lsdocs.vnformat.TYPE_CODES): "cong-van", "bao-cao"
    template: str  # file in the templates folder
    per_agency: bool = False  # one document per agency (batch), else one per plan
    landscape_annex: bool = False  # carries a landscape annex table
    uses_progress: bool = False  # reads the progress records (assignments, reminders, reports)

    def file_name(self, agency_id: str | None = None, year: int | None = None) -> str:
        """Safe ASCII file name from ids, e.g. ``giao-nhiem-vu-snnmt.docx``.

        >>> KINDS["bao-cao-co-quan"].file_name("skhcn", 2024)
        'bao-cao-co-quan-2024-skhcn.docx'
        """
        parts = [self.id]
        if year is not None:
            parts.append(str(year))
        if agency_id:
            parts.append(agency_id)
        return "-".join(parts) + ".docx"


_KINDS = (
    Kind("ke-hoach", "Kế hoạch", "Plan", "plan", "ke-hoach", "ke-hoach.docx",
         landscape_annex=True),
    Kind("phu-luc-phan-cong", "Phụ lục phân công nhiệm vụ", "Assignment appendix", "plan",
         "ke-hoach", "phu-luc-phan-cong.docx", landscape_annex=True),
    Kind("trien-khai", "Công văn triển khai", "Deployment letter", "letter", "cong-van",
         "cv-trien-khai.docx"),
    Kind("giao-nhiem-vu", "Công văn giao nhiệm vụ", "Assignment letter", "letter", "cong-van",
         "cv-giao-nhiem-vu.docx", per_agency=True, uses_progress=True),
    Kind("don-doc", "Công văn đôn đốc", "Reminder letter", "letter", "cong-van",
         "cv-don-doc.docx", per_agency=True, uses_progress=True),
    Kind("de-nghi-bao-cao", "Công văn đề nghị báo cáo", "Report request letter", "letter",
         "cong-van", "cv-de-nghi-bao-cao.docx", per_agency=True),
    Kind("bao-cao-co-quan", "Báo cáo kết quả thực hiện của cơ quan", "Agency annual report",
         "report", "bao-cao", "bc-co-quan.docx", per_agency=True, landscape_annex=True,
         uses_progress=True),
    Kind("bao-cao-tong-hop", "Báo cáo tổng hợp kết quả thực hiện", "Consolidated annual report",
         "report", "bao-cao", "bc-tong-hop.docx", landscape_annex=True, uses_progress=True),
)

#: Every kind by id, in the order above.
KINDS: Mapping[str, Kind] = MappingProxyType({k.id: k for k in _KINDS})


def kinds_of(family: Family, *, per_agency: bool | None = None) -> tuple[Kind, ...]:
    """The kinds of *family*, optionally only those written per agency (or not)."""
    return tuple(k for k in _KINDS if k.family == family
                 and (per_agency is None or k.per_agency == per_agency))


def kind_ids(family: Family, *, per_agency: bool | None = None) -> tuple[str, ...]:
    """Ids of :func:`kinds_of`, for CLI choices and content validation."""
    return tuple(k.id for k in kinds_of(family, per_agency=per_agency))
