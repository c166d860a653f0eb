"""Amendments: read a changes file, refuse changes that cannot be, build the amendment's context.

The changes file (YAML or JSON, ``schemas/changes.schema.json``) holds the revised goals, the
services added, removed or changed, the reason, the effective date and optionally who signed.
:func:`load_changes` reads and validates it; :func:`review_changes` refuses changes that
contradict the original IWP (removing a service the plan does not have) or that would make the
plan noncompliant (a long-term goal below SGA, no service left), by applying them to the
original record and running the goal and service rules on the result; :func:`amendment_context`
is what ``templates/amendment.docx`` is rendered with (``schemas/amendment-context.schema.json``).
:func:`sample_amendment_context` is the same context for the bundled sample record and changes
(the dry render of ``iwp template check``).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from iwp_pipeline.errors import ChangesRefused, InvalidChanges
from iwp_pipeline.model import (
    ENSignature,
    Goal,
    Record,
    Service,
    Severity,
    Signatures,
    TicketholderSignature,
    record_from_dict,
)
from iwp_pipeline.privacy import mask_ssn
from iwp_pipeline.render import SERVICE_NAMES
from iwp_pipeline.resources import data_file, load_json_data, schema_validator
from iwp_pipeline.rules.base import CheckOptions
from iwp_pipeline.values import parse_hours, parse_money

REDUCING = frozenset({"removed", "reduced", "suspended"})
"""Changes that reduce, suspend or end a service: 20 CFR 411.610(b) asks for the dispute notice."""
REVIEWED_COMPONENTS = frozenset({"part2.employment_goals", "part2.supports_services"})
"""The components whose rules a revised plan must still pass."""
MAX_CHANGES_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class ServiceChange:
    """One service added, removed or changed."""

    service: str
    action: str
    """``added``, ``removed`` or one of ``expanded``, ``revised``, ``reduced``, ``suspended``."""
    description: str | None = None
    label: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Changes:
    """A validated changes file."""

    effective_date: str
    date: str
    reason: str
    short_term: Goal | None = None
    long_term: Goal | None = None
    services: tuple[ServiceChange, ...] = ()
    signatures: Signatures = dataclasses.field(default_factory=Signatures)

    @property
    def services_reduced(self) -> bool:
        """A service is reduced, suspended or ended."""
        return any(c.action in REDUCING for c in self.services)


# --- reading ------------------------------------------------------------------------------------


def _changes_validator() -> Draft202012Validator:
    return schema_validator("changes.schema.json")  # type: ignore[no-any-return]


def load_changes(path: Path) -> Changes:
    """Read and validate a YAML or JSON changes file; :class:`InvalidChanges` says what is wrong."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidChanges(f"cannot read the changes file {path} ({exc.strerror or type(exc).__name__})") from exc
    if len(raw) > MAX_CHANGES_BYTES:
        raise InvalidChanges(f"the changes file {path} is larger than {MAX_CHANGES_BYTES // 1000} kB")
    return parse_changes(raw, str(path))


def parse_changes(raw: bytes, name: str = "changes") -> Changes:
    """Parse changes from YAML or JSON bytes (JSON is YAML too, but is read as JSON first)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidChanges(f"{name}: not UTF-8 text") from exc
    data = _parse_text(text, name)
    data = _dates_as_text(data)
    errors = sorted(_changes_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        first = errors[0]
        where = "/" + "/".join(str(p) for p in first.absolute_path)
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise InvalidChanges(f"{name}: {where}: {_schema_message(first)}{more}")
    return _changes_from(data)


def _parse_text(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        pass
    import yaml  # PyYAML: only needed for YAML changes files

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark is not None else ""
        raise InvalidChanges(f"{name}: not valid YAML or JSON{where}") from exc


def _dates_as_text(value: Any) -> Any:
    """YAML reads 2026-04-01 as a date; the schema wants the text."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value


def _schema_message(error: Any) -> str:
    if error.validator == "anyOf" and not error.absolute_path:
        return "nothing changes: give revised 'goals' or 'services'"
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown key(s)")
    message = str(error.message)
    return message if len(message) <= 140 else message[:137] + "..."


def _goal(data: Mapping[str, Any] | None) -> Goal | None:
    if data is None:
        return None
    hours = data.get("hours_per_week")
    if hours is None:
        hours = parse_hours(data["description"])
    monthly = data.get("monthly_earnings")
    written = data.get("earnings_as_written")
    if monthly is None:
        money = parse_money(written or data["description"], hours_per_week=hours)
        monthly = money.monthly if money else None
    full_time = data.get("full_time")
    if full_time is None and hours is not None:
        full_time = hours >= 35
    return Goal(description=data["description"], job_title=data.get("job_title"),
                hours_per_week=float(hours) if hours is not None else None, full_time=full_time,
                time_frame=data.get("time_frame"), monthly_earnings=float(monthly) if monthly is not None else None,
                earnings_as_written=written)


def _changes_from(data: Mapping[str, Any]) -> Changes:
    goals = data.get("goals", {})
    services = data.get("services", {})
    items = [ServiceChange(s["service"], "added", s["description"], s.get("label")) for s in services.get("add", [])]
    items += [ServiceChange(s["service"], "removed", None, None, s.get("reason")) for s in services.get("remove", [])]
    items += [ServiceChange(s["service"], s["change"], s["description"]) for s in services.get("change", [])]
    sig = data.get("signatures", {})
    th, en = sig.get("ticketholder"), sig.get("en_representative")
    signatures = Signatures(
        ticketholder=TicketholderSignature(signed=True, name=th["name"], date=th["date"],
                                           by_representative=th.get("by_representative"))
        if th else TicketholderSignature(),
        en_representative=ENSignature(signed=True, printed_name=en["printed_name"], date=en["date"],
                                      title=en.get("title")) if en else ENSignature(),
    )
    return Changes(effective_date=data["effective_date"], date=data.get("date", data["effective_date"]),
                   reason=data["reason"].strip(), short_term=_goal(goals.get("short_term")),
                   long_term=_goal(goals.get("long_term")), services=tuple(items), signatures=signatures)


# --- checking against the original --------------------------------------------------------------


def review_changes(original: Record, changes: Changes, options: CheckOptions | None = None) -> Record:
    """The revised plan, or :class:`ChangesRefused` when the changes cannot be made.

    Refused: a change to the original that is not there (removing or changing a service the
    plan does not provide, adding one it already provides, one service twice), an effective
    date before the plan was signed, and a revised plan that breaks a goal or service rule the
    original passes (checked for the year the amendment takes effect).
    """
    if original.document_type != "iwp":
        raise ChangesRefused("the original is not an IWP (an amendment can only amend an IWP)")
    problems = _contradictions(original, changes)
    if problems:
        raise ChangesRefused("the changes contradict the original IWP: " + "; ".join(problems))
    revised = apply_changes(original, changes)
    new_errors = _new_errors(original, revised, changes, options or CheckOptions())
    if new_errors:
        raise ChangesRefused("the amended plan would be noncompliant: " + "; ".join(new_errors))
    return revised


def _contradictions(original: Record, changes: Changes) -> list[str]:
    selected = {s.service for s in original.services if s.selected}
    problems, seen = [], set()
    for c in changes.services:
        if c.service in seen:
            problems.append(f"service {c.service} is changed more than once")
        seen.add(c.service)
        if c.action == "added" and c.service in selected:
            problems.append(f"service {c.service} is added but the IWP already provides it (use 'change')")
        elif c.action != "added" and c.service not in selected:
            verb = "removed" if c.action == "removed" else "changed"
            problems.append(f"service {c.service} is {verb} but the IWP does not provide it")
    signed = [d for d in (original.signatures.ticketholder.date, original.signatures.en_representative.date) if d]
    if signed and changes.effective_date < max(signed):
        problems.append(f"the effective date {changes.effective_date} is before the IWP was signed ({max(signed)})")
    for who, when in (("ticketholder", changes.signatures.ticketholder.date),
                      ("EN representative", changes.signatures.en_representative.date)):
        if when and signed and when < max(signed):
            problems.append(f"the {who} signs the amendment ({when}) before the IWP was signed ({max(signed)})")
    return problems


def apply_changes(original: Record, changes: Changes) -> Record:
    """The original record with the revised goals and services (for checking the revised plan)."""
    goals = dataclasses.replace(original.employment_goals,
                                short_term=changes.short_term or original.employment_goals.short_term,
                                long_term=changes.long_term or original.employment_goals.long_term)
    by_key = {c.service: c for c in changes.services}
    services = []
    for s in original.services:
        c = by_key.get(s.service)
        if c is None or c.action == "added":
            services.append(s)
        elif c.action == "removed":
            services.append(dataclasses.replace(s, selected=False))
        else:
            services.append(_service_with(s, c.description))
    known = {s.service for s in original.services}
    for c in changes.services:
        if c.action == "added":
            new = _service_with(Service(service=c.service, label=c.label or SERVICE_NAMES[c.service]), c.description)
            if c.service in known:
                services = [new if s.service == c.service else s for s in services]
            else:
                services.append(new)
    return dataclasses.replace(original, employment_goals=goals, services=tuple(services), provenance={})


def _service_with(service: Service, description: str | None) -> Service:
    """A selected service with a new description (benefits-counseling facts re-read from it)."""
    from iwp_pipeline.extract.interpret import service_facts

    counselor, wipa = service_facts(service.service, description)
    return dataclasses.replace(service, selected=True, description=description,
                               certified_counselor=counselor if service.service == "benefits_counseling"
                               else service.certified_counselor,
                               wipa_referral=wipa if service.service == "benefits_counseling"
                               else service.wipa_referral)


def _new_errors(original: Record, revised: Record, changes: Changes, options: CheckOptions) -> list[str]:
    from iwp_pipeline.checker import run_rules

    def at_effective_date(record: Record) -> Record:
        when = changes.effective_date
        sig = Signatures(ticketholder=dataclasses.replace(record.signatures.ticketholder, date=when),
                         en_representative=dataclasses.replace(record.signatures.en_representative, date=when))
        return dataclasses.replace(record, signatures=sig)

    def errors(record: Record) -> dict[str, str]:
        return {f.rule: f.message for f in run_rules(at_effective_date(record), options)
                if f.severity is Severity.ERROR and f.component in REVIEWED_COMPONENTS}

    before = errors(original)
    return [f"{message} ({code})" for code, message in sorted(errors(revised).items()) if code not in before]


# --- the template's context ---------------------------------------------------------------------


def amendment_context(original: Record, changes: Changes, *, show_ssn: bool = False) -> dict[str, Any]:
    """What templates/amendment.docx is rendered with (``schemas/amendment-context.schema.json``)."""
    en, th = original.en, original.ticketholder
    signed = [d for d in (original.signatures.ticketholder.date, original.signatures.en_representative.date) if d]
    ssn = th.ssn if show_ssn else mask_ssn(th.ssn)
    goals = []
    for key, label in (("short_term", "Short-term goal"), ("long_term", "Long-term goal")):
        before = getattr(original.employment_goals, key)
        after = getattr(changes, key)
        goals.append({"label": label, "original": _goal_context(before),
                      "revised": _goal_context(after or before), "changed": after is not None})
    sig = changes.signatures
    en_sig = original.signatures.en_representative
    printed = sig.en_representative.printed_name or en_sig.printed_name or en.contact_person
    return {
        "en": {"name": en.name or "N/A", "pid": en.pid or "N/A"},
        "ticketholder": {"name": th.name or "N/A", "ssn": ssn or "N/A"},
        "original_signed": max(signed) if signed else None,
        "date": changes.date,
        "effective_date": changes.effective_date,
        "reason": changes.reason,
        "goals": goals,
        "services": _service_rows(original, changes),
        "services_reduced": changes.services_reduced,
        "signatures": {
            "ticketholder": {"signed": sig.ticketholder.signed, "name": sig.ticketholder.name,
                             "date": sig.ticketholder.date},
            "en_representative": {"signed": sig.en_representative.signed, "printed_name": printed,
                                  "date": sig.en_representative.date,
                                  "title": sig.en_representative.title or en_sig.title},
        },
    }


def _goal_context(goal: Goal | None) -> dict[str, Any] | None:
    if goal is None:
        return None
    earnings = goal.earnings_as_written or (
        f"${goal.monthly_earnings:,.2f} per month" if goal.monthly_earnings is not None else None)
    return {"description": goal.description, "job_title": goal.job_title, "hours_per_week": goal.hours_per_week,
            "earnings": earnings, "time_frame": goal.time_frame}


_CHANGE_TEXT = {
    "unchanged": "No change",
    "added": "Added",
    "removed": "Ended on {date}",
    "expanded": "Expanded",
    "revised": "Revised",
    "reduced": "Reduced from {date}",
    "suspended": "Suspended from {date}",
}


def _service_rows(original: Record, changes: Changes) -> list[dict[str, Any]]:
    by_key = {c.service: c for c in changes.services}
    rows = []
    for s in original.services:
        c = by_key.get(s.service)
        if not s.selected and (c is None or c.action != "added"):
            continue
        label = s.label or SERVICE_NAMES[s.service]
        action = "unchanged" if c is None else c.action
        revised_description = s.description if c is None else c.description
        if action == "removed":
            revised_description = "ends" + (f": {c.reason}" if c and c.reason else "")
        rows.append(_row(s.service, label, True, s.description, action != "removed", revised_description, action,
                         changes.effective_date))
    for c in changes.services:
        if c.action == "added":
            rows.append(_row(c.service, c.label or SERVICE_NAMES[c.service], False, None, True, c.description,
                             "added", changes.effective_date))
    return rows


def _row(service: str, label: str, was: bool, was_text: str | None, now: bool, now_text: str | None,
         change: str, when: str) -> dict[str, Any]:
    return {"service": service, "label": label, "original_selected": was, "original_description": was_text,
            "revised_selected": now, "revised_description": now_text, "change": change,
            "change_text": _CHANGE_TEXT[change].format(date=when)}


SAMPLE_CHANGES = "sample-changes.json"
"""Bundled changes to the bundled sample record: goals revised, a service added and one ended, signed."""


def sample_amendment_context() -> dict[str, Any]:
    """The amendment context of the bundled sample record and changes, signed by both parties.

    ``data/sample-record.json`` amended by ``data/sample-changes.json``, reviewed and built exactly
    as ``iwp amend`` does; ``iwp template check`` renders amendment templates with it.
    """
    original = record_from_dict(load_json_data("sample-record.json"))
    changes = parse_changes(data_file(SAMPLE_CHANGES).read_bytes(), SAMPLE_CHANGES)
    review_changes(original, changes)
    return amendment_context(original, changes)


def make_amendment(iwp_path: Path, changes_path: Path, *, show_ssn: bool = False,
                   options: CheckOptions | None = None) -> bytes:
    """The amendment (Word bytes) to the IWP in ``iwp_path`` from the changes in ``changes_path``."""
    from iwp_pipeline.pipeline import extract_path
    from iwp_pipeline.render import render_amendment

    changes = load_changes(changes_path)
    original = extract_path(iwp_path)
    review_changes(original, changes, options)
    return render_amendment(amendment_context(original, changes, show_ssn=show_ssn))
