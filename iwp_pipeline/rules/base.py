"""What a rule is, the registry of rules, and the context every rule receives.

A rule is a pure function ``RuleContext -> Iterable[Violation]`` registered with its metadata by
the :func:`rule` decorator: a stable code (never renumbered), the component it is about, its
severity, the requirement it comes from, a one-line summary and a fix hint. The function's
docstring is the rule's longer explanation (``iwp rules CODE``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from iwp_pipeline.model import COMPONENTS, Record, Severity
from iwp_pipeline.reference import ThresholdLookup, ThresholdTable, default_thresholds


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule reports; the engine adds the rule's metadata to make a Finding."""

    message: str
    pointer: str | None = None
    hint: str | None = None
    """Overrides the rule's hint when the fix depends on the case."""


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Settings that change what the rules check."""

    submission_date: date | None = None
    thresholds: ThresholdTable = field(default_factory=default_thresholds)
    today: date | None = None
    """The date used for 'in the future' checks; None means the real today."""


class RuleContext:
    """The record under check plus derived facts several rules need."""

    def __init__(self, record: Record, options: CheckOptions) -> None:
        self.record = record
        self.options = options

    @cached_property
    def signature_dates(self) -> tuple[date | None, date | None]:
        """(ticketholder, EN representative) signature dates, parsed."""
        sig = self.record.signatures
        return parse_date(sig.ticketholder.date), parse_date(sig.en_representative.date)

    @cached_property
    def later_signature_date(self) -> date | None:
        """The later of the two signature dates: when the IWP was fully signed."""
        dates = [d for d in self.signature_dates if d is not None]
        return max(dates) if dates else None

    @cached_property
    def signing_year(self) -> int | None:
        """The year the IWP was signed (falls back to the discussion year)."""
        when = self.later_signature_date or parse_date(self.record.discussion.date)
        return when.year if when else None

    @cached_property
    def thresholds(self) -> ThresholdLookup:
        """The SGA/TWL row for the signing year."""
        return self.options.thresholds.for_year(self.signing_year)

    @cached_property
    def sga(self) -> float:
        """The monthly SGA amount that applies to this ticketholder."""
        row = self.thresholds.row
        return row.sga_blind if self.record.ticketholder.blind else row.sga


RuleFunction = Callable[[RuleContext], Iterable[Violation]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule and its metadata."""

    code: str
    name: str
    component: str
    severity: Severity
    basis: str
    summary: str
    hint: str
    check: RuleFunction
    term: int | None = None
    explanation: str = ""
    applies_to: frozenset[str] = frozenset({"iwp"})
    """The document types (record ``document_type``) the rule checks."""


_REGISTRY: dict[str, Rule] = {}


def register(new: Rule) -> Rule:
    """Add a rule to the registry; codes are unique."""
    if new.code in _REGISTRY:
        raise ValueError(f"duplicate rule code {new.code}")
    if new.component not in COMPONENTS:
        raise ValueError(f"{new.code}: unknown component {new.component}")
    if (new.component == "part3.terms") != (new.term is not None):
        raise ValueError(f"{new.code}: a term number goes with part3.terms and only with it")
    _REGISTRY[new.code] = new
    return new


def rule(
    code: str,
    *,
    name: str,
    component: str,
    severity: Severity,
    basis: str,
    summary: str,
    hint: str,
    applies_to: frozenset[str] = frozenset({"iwp"}),
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as a rule with this metadata."""

    def decorate(fn: RuleFunction) -> RuleFunction:
        register(
            Rule(
                code=code,
                name=name,
                component=component,
                severity=severity,
                basis=basis,
                summary=summary,
                hint=hint,
                check=fn,
                explanation=inspect.getdoc(fn) or "",
                applies_to=applies_to,
            )
        )
        return fn

    return decorate


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, sorted by code."""
    from iwp_pipeline import rules  # noqa: F401  (importing the package registers the families)

    return tuple(sorted(_REGISTRY.values(), key=_sort_key))


def get_rule(code: str) -> Rule | None:
    """The rule with this code (case-insensitive), if any."""
    all_rules()
    return _REGISTRY.get(code.upper())


def _sort_key(r: Rule) -> tuple[int, str]:
    order = list(COMPONENTS)
    return (order.index(r.component), r.code)


def parse_date(value: str | None) -> date | None:
    """Parse an ISO ``YYYY-MM-DD`` date; anything else is None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def blank(value: object) -> bool:
    """True when a value is absent: None, an empty or whitespace-only string."""
    return value is None or (isinstance(value, str) and not value.strip())
