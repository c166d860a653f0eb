"""Schema + rules -> findings for one record. Never prints, never raises for a bad record."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from iwp_pipeline.model import (
    CHECKLIST,
    COMPONENTS,
    ComponentResult,
    Finding,
    Record,
    Severity,
    record_from_dict,
)
from iwp_pipeline.resources import schema_validator
from iwp_pipeline.rules import all_rules, get_rule
from iwp_pipeline.rules.base import CheckOptions, Rule, RuleContext

_POINTER_COMPONENTS = (
    ("/en", "part1.contact"),
    ("/ticketholder", "part1.contact"),
    ("/alternate_contact", "part1.contact"),
    ("/discussion", "part2.discussion"),
    ("/work_history", "part2.work_history"),
    ("/no_work_history_statement", "part2.work_history"),
    ("/employment_goals", "part2.employment_goals"),
    ("/services", "part2.supports_services"),
    ("/terms_and_conditions", "part3.terms"),
    ("/statement_of_understanding", "part3.statement_of_understanding"),
    ("/signatures", "part3.signatures"),
    ("/amendments", "amendment"),
)


def record_validator() -> Draft202012Validator:
    """The validator for ``iwp.schema.json`` (built once)."""
    return schema_validator("iwp.schema.json")  # type: ignore[no-any-return]


IWP_KEYS = frozenset((
    "en", "ticketholder", "alternate_contact", "discussion", "work_history", "employment_goals",
    "services", "terms_and_conditions", "statement_of_understanding", "signatures"))


def check_data(data: Any, options: CheckOptions) -> tuple[Record, list[Finding]]:
    """Check a JSON record: schema findings first, then the rules on the leniently built record.

    Values that break the schema (a date in the wrong format, a string for a number) are
    reported and then treated as absent, so the record in the report is valid against the
    schema. A JSON object with none of the record's parts is a readable non-IWP document.
    """
    if not isinstance(data, Mapping) or not IWP_KEYS & set(data):
        record = Record(document_type="other")
        return record, run_rules(record, options)
    errors = list(record_validator().iter_errors(data))
    schema_findings, missing = _schema_findings(errors, data)
    record = record_from_dict(_without_invalid(data, errors))
    return record, merge(schema_findings, missing, run_rules(record, options))


def check_record(record: Record, options: CheckOptions) -> list[Finding]:
    """Check a record built by an extractor.

    Such a record is valid against the schema by construction (typed fields, ISO dates, known
    enumerations); the test suite validates every fixture document's record to keep it so.
    """
    return sorted(run_rules(record, options), key=_finding_order)


def _schema_findings(errors: list[ValidationError], data: Any) -> tuple[list[Finding], set[str]]:
    """Schema violations as findings whose pointer names the offending (or missing) property.

    Also returns the pointers of missing properties, which a rule finding may explain better.
    """
    meta = get_rule("SCHEMA01")
    assert meta is not None
    findings, missing = [], set()
    for error in sorted(errors, key=lambda e: list(map(str, e.absolute_path))):
        for pointer, message in _describe(error):
            component, term = _component_for(pointer, data)
            findings.append(Finding(rule=meta.code, severity=meta.severity, component=component,
                                    term=term, message=message, hint=meta.hint, pointer=pointer))
            if error.validator == "required":
                missing.add(pointer)
    return findings, missing


def _without_invalid(data: Mapping[str, Any], errors: list[ValidationError]) -> Any:
    """A deep copy of ``data`` with every value that broke the schema set to None."""
    clean = copy.deepcopy(dict(data))
    for error in errors:
        path = list(error.absolute_path)
        if error.validator == "required" or not path:
            continue
        parent: Any = clean
        try:
            for part in path[:-1]:
                parent = parent[part]
            parent[path[-1]] = None
        except (KeyError, IndexError, TypeError):
            continue
    return clean


def run_rules(record: Record, options: CheckOptions) -> list[Finding]:
    """Run every rule that applies to the record's document type."""
    ctx = RuleContext(record, options)
    findings: list[Finding] = []
    for rule in all_rules():
        if record.document_type in rule.applies_to:
            findings.extend(_run_one(rule, ctx))
    return findings


def _run_one(rule: Rule, ctx: RuleContext) -> Iterable[Finding]:
    try:
        violations = list(rule.check(ctx))
    except Exception as exc:  # noqa: BLE001  a crashing rule must fail the document, not pass it
        crashed = get_rule("DOC02")
        assert crashed is not None
        return [Finding(rule=crashed.code, severity=Severity.ERROR, component=rule.component,
                        term=rule.term, hint=crashed.hint,
                        message=f"Rule {rule.code} could not run ({type(exc).__name__}); "
                                f"this component was not checked.")]
    return [
        Finding(rule=rule.code, severity=rule.severity, component=rule.component, term=rule.term,
                message=v.message, hint=v.hint or rule.hint, pointer=v.pointer,
                location=ctx.record.location_of(v.pointer) if v.pointer else None)
        for v in violations
    ]


def merge(schema_findings: list[Finding], missing: set[str], rule_findings: list[Finding]) -> list[Finding]:
    """Rule findings, plus the schema findings no rule finding already explains.

    A missing property that a rule reports at the same pointer (the PID, say) is reported once,
    by the rule; any other schema violation stays.
    """
    explained = {f.pointer for f in rule_findings if f.pointer} & missing
    extra = [f for f in schema_findings if f.pointer not in explained]
    return sorted(extra + rule_findings, key=_finding_order)


def _finding_order(f: Finding) -> tuple[int, int, int, str]:
    order = list(CHECKLIST) + ["submission", "amendment", "document"]
    return (order.index(f.component) if f.component in order else len(order),
            0 if f.severity is Severity.ERROR else 1, f.term or 0, f.rule)


def components(record: Record | None, findings: Iterable[Finding], *,
               with_submission: bool = False) -> tuple[ComponentResult, ...]:
    """The checklist: one row per required component (and submission timing when checked)."""
    findings = list(findings)
    doc_type = record.document_type if record else None
    keys = list(CHECKLIST) + (["submission"] if with_submission else []) if doc_type == "iwp" else []
    if doc_type == "amendment" or any(f.component == "amendment" for f in findings):
        keys.append("amendment")
    keys += [k for k in COMPONENTS if k not in keys and any(f.component == k for f in findings)]
    rows = []
    for key in keys:
        errors = sum(1 for f in findings if f.component == key and f.severity is Severity.ERROR)
        warnings = sum(1 for f in findings if f.component == key and f.severity is Severity.WARNING)
        rows.append(ComponentResult(key, errors == 0, errors, warnings,
                                    _evidence(key, record) if record else None))
    return tuple(rows)


def _describe(error: ValidationError) -> list[tuple[str, str]]:
    base = "".join(f"/{_escape(p)}" for p in error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, Mapping):
        return [(f"{base}/{_escape(name)}", f"The record has no '{name}' property (at {base or '/'}).")
                for name in error.validator_value if name not in error.instance]
    return [(base or "", f"{base or 'The record'}: {_short(error.message)}")]


def _short(message: str) -> str:
    return message if len(message) <= 160 else message[:157] + "..."


def _escape(part: object) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def _component_for(pointer: str, data: Any) -> tuple[str, int | None]:
    for prefix, component in _POINTER_COMPONENTS:
        if pointer == prefix or pointer.startswith(prefix + "/"):
            if component != "part3.terms":
                return component, None
            term = _term_number(pointer, data)
            return ("part3.terms", term) if term else ("document", None)
    return "document", None


def _term_number(pointer: str, data: Any) -> int | None:
    parts = pointer.split("/")
    if len(parts) < 3 or not parts[2].isdigit():
        return None
    index = int(parts[2])
    try:
        number = data["terms_and_conditions"][index]["number"]
    except (KeyError, IndexError, TypeError):
        number = None
    if isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= 15:
        return number
    return index + 1 if index < 15 else None


def _evidence(key: str, record: Record) -> str | None:
    """A one-line summary of what the record holds for a component (no full SSN)."""
    en, th = record.en, record.ticketholder
    if key == "part1.contact":
        ssn = f"SSN ending {th.ssn[-4:]}" if th.ssn and len(th.ssn) >= 4 else "no SSN"
        return (f"EN {en.name or '?'} (PID {en.pid or '?'}); ticketholder {th.name or '?'}, {ssn}; "
                f"alternate contact {record.alternate_contact.name or '?'}")
    if key == "part2.discussion":
        d = record.discussion
        words = len(d.summary.split()) if d.summary else 0
        return f"{d.date or 'no date'}, {d.modality or 'no modality'}, synopsis of {words} words"
    if key == "part2.work_history":
        if record.work_history:
            return f"{len(record.work_history)} job(s)"
        return "no jobs; " + ("statement: " + record.no_work_history_statement
                              if record.no_work_history_statement else "no statement")
    if key == "part2.employment_goals":
        g = record.employment_goals

        def money(goal: Any) -> str:
            return f"${goal.monthly_earnings:,.0f}/month" if goal and goal.monthly_earnings else "no earnings"

        return (f"short-term: {'yes' if g.short_term else 'missing'} ({money(g.short_term)}); "
                f"long-term: {'yes' if g.long_term else 'missing'} ({money(g.long_term)})")
    if key == "part2.supports_services":
        chosen = [s.label or s.service for s in record.services if s.selected]
        return f"{len(chosen)} selected: " + ", ".join(chosen) if chosen else "none selected"
    if key == "part3.terms":
        found = sorted(t.number for t in record.terms_and_conditions if t.present)
        return f"{len(found)} of 15 terms found"
    if key == "part3.statement_of_understanding":
        return "present" if record.statement_of_understanding.present else "missing"
    if key == "part3.signatures":
        sig = record.signatures

        def state(signed: bool, when: str | None) -> str:
            return ("signed" if signed else "not signed") + (f" {when}" if when else ", no date")

        return (f"ticketholder {state(sig.ticketholder.signed, sig.ticketholder.date)}; "
                f"EN {state(sig.en_representative.signed, sig.en_representative.date)}"
                f" ({sig.en_representative.printed_name or 'no printed name'})")
    return None
