"""What the checker reports: one :class:`Finding` per fault, a report per file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lsdocs.errors import SEVERITY_ERROR, SEVERITY_WARNING, Location, Problem, T, Text, join_texts

if TYPE_CHECKING:
    from lsdocs.check.scope import Scope


def N(value: object) -> Text:  # noqa: N802 - a Text that reads the same in both languages
    """A value shown the same in Vietnamese and English (numbers, quoted text)."""
    return Text(str(value), str(value))


@dataclass(frozen=True)
class Issue:
    """What a check function yields: the rule table adds id, severity and clause.

    *relaxed* asks for the rule's lighter severity, for the cases the decree
    itself tolerates (landscape appendix margins, ``CỘNG HOÀ`` …).
    """

    place: Text
    message: Text
    found: Text | None = None
    expected: Text | None = None
    relaxed: bool = False


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    clause: Text
    location: Text
    message: Text
    found: Text | None = None
    expected: Text | None = None
    document: int | None = None  # 1-based document of a compilation; None otherwise
    #: how many places have this same fault (grouped into this one finding), and where
    count: int = 1
    places: tuple[Text, ...] = ()
    #: each place as data (section, container, paragraph, table, row, cell …)
    structured: tuple[dict[str, object], ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity == SEVERITY_ERROR

    def sentence(self, lang: str = "vi") -> str:
        """Message, found and expected as one sentence."""
        text = self.message.get(lang)
        if self.found is not None:
            text += ": " + self.found.get(lang)
        if self.expected is not None:
            text += f" ({'expected' if lang == 'en' else 'cần'} {self.expected.get(lang)})"
        return text

    def to_dict(self, lang: str = "vi") -> dict[str, object]:
        data: dict[str, object] = {
            "rule": self.rule,
            "severity": self.severity,
            "clause": self.clause.get(lang),
            "location": self.location.get(lang),
            "found": self.found.get(lang) if self.found else None,
            "expected": self.expected.get(lang) if self.expected else None,
            "message": self.message.get(lang),
            "count": self.count,
            "places": [{"location": p.get(lang), **data} for p, data in
                       zip(self.places or (self.location,), self.structured or ({},),
                           strict=False)],
        }
        if self.document is not None:
            data["document"] = self.document
        return data

    def to_problem(self, file: str | None = None) -> Problem:
        """The finding in the project's error model (:class:`lsdocs.errors.Problem`)."""
        return Problem(
            location=Location(file=file, place=self.location),
            message=join_texts([self.rule, self.message], ": "),
            found=self.found,
            expected=self.expected,
            hint=T("căn cứ: {c}", c=self.clause),
            severity=self.severity,
            code=self.rule,
        )


KIND_LABELS = {
    "ke-hoach": T("kế hoạch"),
    "bao-cao": T("báo cáo"),
    "cong-van": T("công văn"),
    "phu-luc": T("phụ lục"),
    "quyet-dinh": T("quyết định"),
    "to-trinh": T("tờ trình"),
    "giay-moi": T("giấy mời"),
    "van-ban": T("văn bản có tên loại"),
    "khong-ro": T("không xác định"),
    "tep-ghep": T("tệp ghép nhiều loại văn bản"),
    "ngoai-pham-vi": T("không phải văn bản hành chính theo NĐ 30"),
}
#: the report kind of a file that is not a Decree 30 administrative document
OUT_OF_SCOPE = "ngoai-pham-vi"


@dataclass(frozen=True)
class DocumentInfo:
    """One document of a compilation: its number in the file and its kind."""

    index: int
    kind: str


@dataclass
class CheckReport:
    """All findings for one file, errors first within document order.

    For a compilation, *documents* lists its documents (empty otherwise) and
    *kind* is their common kind, or ``tep-ghep`` when they differ.
    """

    file: str
    kind: str
    findings: list[Finding] = field(default_factory=list)
    documents: list[DocumentInfo] = field(default_factory=list)
    #: set when the file is not a Decree 30 administrative document (no rule was run)
    scope: Scope | None = None

    @property
    def in_scope(self) -> bool:
        return self.scope is None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == SEVERITY_WARNING]

    def passed(self, strict: bool = False) -> bool:
        """No errors (and, with *strict*, no warnings either)."""
        return not self.errors and not (strict and self.warnings)

    def rules(self) -> set[str]:
        return {f.rule for f in self.findings}

    def counts(self, document: int) -> tuple[int, int]:
        """Errors and warnings of one document of a compilation."""
        mine = [f for f in self.findings if f.document == document]
        return (sum(1 for f in mine if f.is_error),
                sum(1 for f in mine if f.severity == SEVERITY_WARNING))

    def to_dict(self, lang: str = "vi") -> dict[str, object]:
        data: dict[str, object] = {
            "file": self.file,
            "kind": self.kind,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "in_scope": self.in_scope,
        }
        if self.scope is not None:
            data["scope"] = self.scope.category
            data["scope_reason"] = self.scope.reason.get(lang)
        if self.documents:
            data["documents"] = [self._document_dict(d) for d in self.documents]
        data["findings"] = [f.to_dict(lang) for f in self.findings]
        return data

    def _document_dict(self, document: DocumentInfo) -> dict[str, object]:
        errors, warnings = self.counts(document.index)
        return {"index": document.index, "kind": document.kind, "errors": errors,
                "warnings": warnings}

    def problems(self) -> list[Problem]:
        return [f.to_problem(self.file) for f in self.findings]
