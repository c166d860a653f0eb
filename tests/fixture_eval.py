"""Compare what iwp-pipeline reads from a fixture document with the record it was made from.

Used by tests/test_fixture_documents.py and benchmarks/accuracy.py. A "field" is one value a
careful human reviewer would read off the document; accuracy is the share of fields that agree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iwp_pipeline.rules.base import get_rule
from tests.conftest import ROOT

DOCUMENT_DIRS = ("fixtures/documents", "fixtures/holdout")
HELDOUT_DIR = "fixtures/heldout/documents"


@dataclass(frozen=True)
class Expectation:
    """A fixture document and what it should give."""

    path: Path
    kind: str
    status: str
    error_code: str | None
    errors: tuple[str, ...]
    record: dict[str, Any] | None
    template: str | None = None

    @property
    def name(self) -> str:
        return self.path.relative_to(ROOT).as_posix()


def expectations(folder: str) -> Iterator[Expectation]:
    """Every document of ``folder`` that has a NAME.expected.json beside it."""
    base = ROOT / folder
    if not base.exists():
        return
    for exp in sorted(base.rglob("*.expected.json")):
        stem = exp.name[: -len(".expected.json")]
        docs = [p for p in exp.parent.glob(stem + ".*") if not p.name.endswith(".expected.json")]
        if not docs:
            continue
        data = json.loads(exp.read_text(encoding="utf-8"))
        yield Expectation(docs[0], data["kind"], data["status"], data.get("error_code"),
                          tuple(sorted(data.get("errors", []))), data.get("record"), data.get("template"))


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        value = re.sub(r"\s+", " ", value).strip().casefold()
        return value or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _money_equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= max(1.0, 0.01 * abs(float(b)))


def _text_equal(got: Any, want: Any) -> bool:
    """Long text agrees when both are absent, or most of the expected words were read."""
    if not want or not got:
        return not want and not got
    want_words = set(re.findall(r"\w+", want.casefold()))
    got_words = set(re.findall(r"\w+", got.casefold()))
    return len(want_words & got_words) >= 0.85 * len(want_words)


def _get(data: dict[str, Any] | None, path: str) -> Any:
    for part in path.split("."):
        if data is None:
            return None
        data = data.get(part) if isinstance(data, dict) else None
    return data


SCALARS = ["en.name", "en.pid", "ticketholder.name", "ticketholder.ssn", "alternate_contact.name",
           "discussion.date", "discussion.modality", "signatures.ticketholder.signed",
           "signatures.ticketholder.date", "signatures.en_representative.signed",
           "signatures.en_representative.printed_name", "signatures.en_representative.date",
           "statement_of_understanding.present"]


def field_results(got: dict[str, Any] | None, want: dict[str, Any]) -> dict[str, bool]:
    """Per field: does the extracted record agree with the expected one?"""
    out: dict[str, bool] = {}
    for path in SCALARS:
        out[path] = _norm(_get(got, path)) == _norm(_get(want, path))
    out["discussion.summary"] = _text_equal(_get(got, "discussion.summary"), _get(want, "discussion.summary"))
    for goal in ("short_term", "long_term"):
        g, w = _get(got, f"employment_goals.{goal}"), _get(want, f"employment_goals.{goal}")
        out[f"goals.{goal}.present"] = bool(g and (g.get("description") or g.get("monthly_earnings"))) == bool(
            w and (w.get("description") or w.get("monthly_earnings")))
        out[f"goals.{goal}.monthly_earnings"] = _money_equal(_get(g, "monthly_earnings"), _get(w, "monthly_earnings"))
    got_jobs = [(_norm(j.get("employer"))) for j in (got or {}).get("work_history", [])]
    want_jobs = [(_norm(j.get("employer"))) for j in want.get("work_history", [])]
    out["work_history.employers"] = got_jobs == want_jobs
    out["work_history.none_statement"] = bool((got or {}).get("no_work_history_statement")) == bool(
        want.get("no_work_history_statement"))

    def services(rec: dict[str, Any] | None, what: str) -> set[str]:
        items = (rec or {}).get("services", [])
        if what == "selected":
            return {s["service"] for s in items if s.get("selected")}
        return {s["service"] for s in items if s.get("selected") and s.get("description")}

    out["services.selected"] = services(got, "selected") == services(want, "selected")
    out["services.described"] = services(got, "described") == services(want, "described")
    got_terms = {t["number"] for t in (got or {}).get("terms_and_conditions", []) if t.get("present")}
    want_terms = {t["number"] for t in want.get("terms_and_conditions", []) if t.get("present")}
    out["terms.present"] = got_terms == want_terms
    return out


def failing_parts(rules: Any) -> frozenset[str]:
    """The components (and terms, as ``part3.terms#7``) that error rule codes name as failing."""
    parts = set()
    for code in rules:
        rule = get_rule(code)
        component = rule.component if rule else "unknown"
        parts.add(f"{component}#{rule.term}" if rule and rule.term else component)
    return frozenset(parts)


@dataclass(frozen=True)
class DocScore:
    """How one document's report agrees with what a careful reviewer reads off it."""

    case: Expectation
    got_kind: str
    got_status: str
    got_errors: tuple[str, ...]
    got_error_code: str | None
    fields: dict[str, bool]

    @property
    def verdict(self) -> bool:
        """Same status (compliant / noncompliant / error), and the same error code for unreadable files."""
        return self.got_status == self.case.status and (
            not self.case.error_code or self.got_error_code == self.case.error_code)

    @property
    def failing(self) -> bool:
        """The same failing components and terms."""
        return failing_parts(self.got_errors) == failing_parts(self.case.errors)

    @property
    def findings(self) -> bool:
        """Exactly the expected error rule codes (stricter than ``failing``)."""
        return self.got_errors == self.case.errors


def score(doc: dict[str, Any], case: Expectation) -> DocScore:
    """Score one ``documents[]`` entry of a JSON report against its expectation."""
    errors = tuple(sorted({f["rule"] for f in doc["findings"] if f["severity"] == "error"}))
    fields = field_results(doc["record"], case.record) if case.record is not None else {}
    return DocScore(case, doc["kind"], doc["status"], errors, (doc.get("error") or {}).get("code"), fields)
