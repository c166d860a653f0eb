"""The IWP record and the check results as frozen dataclasses.

No parsing of documents and no checking happens here. :func:`record_from_dict` builds a
:class:`Record` from JSON leniently: a missing or mistyped value becomes ``None`` (the schema
check reports it), so the rules always see well-typed data.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal


class Severity(StrEnum):
    """How bad a finding is: errors make a document noncompliant, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


class Status(StrEnum):
    """The verdict on one document."""

    COMPLIANT = "compliant"
    NONCOMPLIANT = "noncompliant"
    ERROR = "error"


COMPONENTS: dict[str, str] = {
    "part1.contact": "Part One: EN and ticketholder contact information",
    "part2.discussion": "Part Two, Section 1: one-on-one discussion",
    "part2.work_history": "Part Two, Section 2: recent work history",
    "part2.employment_goals": "Part Two, Section 3: employment goals",
    "part2.supports_services": "Part Two, Section 4: EN supports and services",
    "part3.terms": "Part Three: the 15 terms and conditions",
    "part3.statement_of_understanding": "Part Three: Statement of Understanding",
    "part3.signatures": "Part Three: signatures",
    "submission": "Submission timing",
    "document": "The document itself",
    "amendment": "Attached amendment",
}
"""Component keys of the report contract, with their titles, in checklist order."""

CHECKLIST = tuple(k for k in COMPONENTS if k.startswith("part"))
"""The components every IWP must have: the rows of a report's checklist."""

SERVICES = (
    "benefits_counseling", "goal_setting", "job_coaching", "job_development", "training",
    "job_search", "job_accommodation", "job_placement", "follow_up_initial",
    "follow_up_ongoing", "job_stabilization", "career_advancement", "other",
)
MODALITIES = ("in_person", "telephone", "video", "email", "mail", "other")


# --- the record ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EmploymentNetwork:
    """Part One: the Employment Network."""

    name: str | None = None
    pid: str | None = None
    business_model: str | None = None
    business_models_selected: tuple[str, ...] = ()
    contact_person: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Ticketholder:
    """Part One: the ticketholder (beneficiary)."""

    name: str | None = None
    ssn: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    blind: bool | None = None


@dataclass(frozen=True, slots=True)
class AlternateContact:
    """Part One: the alternate contact."""

    name: str | None = None
    relationship: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Discussion:
    """Part Two, Section 1: the one-on-one discussion."""

    date: str | None = None
    modality: str | None = None
    modality_as_written: str | None = None
    summary: str | None = None
    attached: bool = False
    attachment_identifies: dict[str, bool] | None = None


@dataclass(frozen=True, slots=True)
class WorkEntry:
    """Part Two, Section 2: one job."""

    employer: str | None = None
    job_title: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    hours_per_week: float | None = None
    monthly_earnings: float | None = None
    earnings_as_written: str | None = None


@dataclass(frozen=True, slots=True)
class Goal:
    """A short- or long-term employment goal."""

    description: str | None = None
    job_title: str | None = None
    hours_per_week: float | None = None
    full_time: bool | None = None
    time_frame: str | None = None
    monthly_earnings: float | None = None
    earnings_as_written: str | None = None


@dataclass(frozen=True, slots=True)
class Training:
    """Training or education that is part of the plan."""

    type: str | None = None
    enrollment_status: str | None = None
    expected_completion: str | None = None
    provider: str | None = None


@dataclass(frozen=True, slots=True)
class EmploymentGoals:
    """Part Two, Section 3."""

    short_term: Goal | None = None
    long_term: Goal | None = None
    training: Training | None = None


@dataclass(frozen=True, slots=True)
class Service:
    """Part Two, Section 4: one service or support."""

    service: str = "other"
    selected: bool = False
    description: str | None = None
    label: str | None = None
    certified_counselor: str | None = None
    wipa_referral: bool | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """One of the 15 terms and conditions."""

    number: int = 0
    present: bool = False
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class StatementOfUnderstanding:
    """Part Three: the Statement of Understanding."""

    present: bool = False
    text: str | None = None


@dataclass(frozen=True, slots=True)
class TicketholderSignature:
    """The ticketholder's (or representative's) signature."""

    signed: bool = False
    name: str | None = None
    date: str | None = None
    by_representative: bool | None = None


@dataclass(frozen=True, slots=True)
class ENSignature:
    """The EN representative's signature."""

    signed: bool = False
    printed_name: str | None = None
    date: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Signatures:
    """Part Three: both signatures."""

    ticketholder: TicketholderSignature = field(default_factory=TicketholderSignature)
    en_representative: ENSignature = field(default_factory=ENSignature)


@dataclass(frozen=True, slots=True)
class AmendmentParty:
    """Who an amendment names."""

    name: str | None = None
    pid: str | None = None
    ssn: str | None = None


@dataclass(frozen=True, slots=True)
class Amendment:
    """An amendment attached to an IWP."""

    en: AmendmentParty = field(default_factory=AmendmentParty)
    ticketholder: AmendmentParty = field(default_factory=AmendmentParty)
    date: str | None = None
    effective_date: str | None = None
    reason: str | None = None
    revised_goals: EmploymentGoals = field(default_factory=EmploymentGoals)
    revised_services: tuple[Service, ...] = ()
    services_reduced: bool | None = None
    dispute_notice_present: bool = False
    signatures: Signatures = field(default_factory=Signatures)


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was found in a source document."""

    page: int | None = None
    field: str | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    part: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The location as JSON, without unknown parts."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}


@dataclass(frozen=True, slots=True)
class Record:
    """One IWP: the six required components and what surrounds them."""

    en: EmploymentNetwork = field(default_factory=EmploymentNetwork)
    ticketholder: Ticketholder = field(default_factory=Ticketholder)
    alternate_contact: AlternateContact = field(default_factory=AlternateContact)
    discussion: Discussion = field(default_factory=Discussion)
    work_history: tuple[WorkEntry, ...] = ()
    no_work_history_statement: str | None = None
    employment_goals: EmploymentGoals = field(default_factory=EmploymentGoals)
    services: tuple[Service, ...] = ()
    terms_and_conditions: tuple[Term, ...] = ()
    statement_of_understanding: StatementOfUnderstanding = field(
        default_factory=StatementOfUnderstanding
    )
    signatures: Signatures = field(default_factory=Signatures)
    amendments: tuple[Amendment, ...] = ()
    document_type: Literal["iwp", "amendment", "other"] = "iwp"
    record_version: str = "1"
    provenance: Mapping[str, Location] = field(default_factory=dict)

    def location_of(self, pointer: str) -> Location | None:
        """Where the value at ``pointer`` (or the nearest enclosing value) was found."""
        while pointer:
            if pointer in self.provenance:
                return self.provenance[pointer]
            pointer = pointer.rpartition("/")[0]
        return None

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON data, valid against ``iwp.schema.json``."""
        data = _to_json(self)
        assert isinstance(data, dict)
        return data


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a document (report contract, ``findings[]``)."""

    rule: str
    severity: Severity
    component: str
    message: str
    hint: str
    term: int | None = None
    location: Location | None = None
    pointer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The finding as the report contract spells it."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": str(self.severity),
            "component": self.component,
        }
        if self.term is not None:
            data["term"] = self.term
        data["message"] = self.message
        data["hint"] = self.hint
        data["location"] = self.location.to_dict() if self.location else None
        data["pointer"] = self.pointer
        return data


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """Why a document could not be read at all."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class ComponentResult:
    """One row of a document's checklist."""

    key: str
    passed: bool
    errors: int
    warnings: int
    evidence: str | None = None

    @property
    def title(self) -> str:
        """The component's human title."""
        return COMPONENTS[self.key]

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON (a report extension: ``documents[].components``)."""
        return {
            "component": self.key,
            "title": self.title,
            "status": "pass" if self.passed else "fail",
            "errors": self.errors,
            "warnings": self.warnings,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything known about one input document."""

    path: str
    sha256: str | None
    kind: str
    status: Status
    record: Record | None = None
    findings: tuple[Finding, ...] = ()
    error: ErrorInfo | None = None
    components: tuple[ComponentResult, ...] = ()
    document_type: str | None = None

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)


@dataclass(frozen=True, slots=True)
class Report:
    """The result of one run over any number of documents."""

    documents: tuple[DocumentResult, ...]
    tool_version: str

    @property
    def summary(self) -> dict[str, int]:
        """Counts by status; they add up to the number of documents."""
        counts = {"documents": len(self.documents)}
        for status in Status:
            counts[str(status)] = sum(1 for d in self.documents if d.status is status)
        return counts


# --- JSON <-> dataclasses -------------------------------------------------------------------


def record_from_dict(data: Mapping[str, Any]) -> Record:
    """Build a Record from JSON data leniently (missing or mistyped values become None)."""
    return _build(Record, data)


def _to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, Location):
            return value.to_dict()
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_to_json(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _to_json(v) for k, v in value.items()}
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _build(cls: type[Any], data: Any) -> Any:
    if not isinstance(data, Mapping):
        return cls()
    kwargs = {}
    hints = _hints(cls)
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        value = _coerce(hints[f.name], data[f.name])
        if value is None and not _is_optional(hints[f.name]):
            continue  # keep the field's default rather than an ill-typed None
        kwargs[f.name] = value
    return cls(**kwargs)


def _is_optional(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in typing.get_args(
        tp
    )


def _coerce(tp: Any, value: Any) -> Any:
    """Return ``value`` as type ``tp``, or a neutral value when it does not fit."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        if value is None:
            return None
        for arg in non_none:
            coerced = _coerce(arg, value)
            if coerced is not None:
                return coerced
        return None
    if origin is tuple:
        if not isinstance(value, list | tuple):
            return ()
        return tuple(_coerce(args[0], v) for v in value)
    if origin in (Mapping, dict):
        if not isinstance(value, Mapping):
            return {}
        return {str(k): _coerce(args[1], v) for k, v in value.items()}
    if origin is Literal:
        return value if value in args else args[0]
    if dataclasses.is_dataclass(tp):
        return _build(tp, value)
    if tp is bool:
        return value if isinstance(value, bool) else None
    if tp is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if tp is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if ok else None
    if tp is str:
        return value if isinstance(value, str) else None
    return value
