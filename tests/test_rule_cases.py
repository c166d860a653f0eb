"""Rule behaviour as data: tests/rule_cases/CODE.json patches the compliant base record."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from iwp_pipeline.checker import check_data
from iwp_pipeline.model import Severity
from iwp_pipeline.rules import all_rules, get_rule
from iwp_pipeline.rules.base import CheckOptions
from tests.conftest import apply_patch, base_record

CASES_DIR = Path(__file__).parent / "rule_cases"
ENGINE_ONLY = {"DOC02": "emitted only when a rule crashes; see test_checker.py"}


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}: {case['name']}")


def _options(case) -> CheckOptions:
    raw = case.get("options", {})
    return CheckOptions(
        submission_date=date.fromisoformat(raw["submission_date"]) if "submission_date" in raw else None,
        today=date.fromisoformat(raw.get("today", "2026-11-24")),
    )


@pytest.mark.parametrize(("code", "case"), list(_load_cases()))
def test_rule_case(code, case):
    rule = get_rule(code)
    assert rule is not None, f"no rule {code}"
    record = apply_patch(base_record(), case.get("patch", []))
    _, findings = check_data(record, _options(case))
    mine = [f for f in findings if f.rule == code]
    if case["expect"] == "pass":
        assert mine == [], f"{code} fired unexpectedly: {[f.message for f in mine]}"
        return
    assert mine, f"{code} did not fire; findings were {[f.rule for f in findings]}"
    for finding in mine:
        assert finding.severity is rule.severity
        assert finding.component == case.get("component", rule.component)
        assert finding.term == case.get("term", rule.term)
        assert finding.message and finding.hint
    if rule.severity is Severity.ERROR:
        assert any(f.severity is Severity.ERROR for f in findings)


def test_every_rule_has_a_passing_and_a_failing_case():
    covered: dict[str, set[str]] = {}
    for path in CASES_DIR.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert path.stem == data["rule"], f"{path.name} holds cases for {data['rule']}"
        covered[data["rule"]] = {c["expect"] for c in data["cases"]}
    for rule in all_rules():
        if rule.code in ENGINE_ONLY or "template" in rule.applies_to:  # see test_template_check.py
            continue
        assert covered.get(rule.code, set()) >= {"pass", "fail"}, f"{rule.code} needs pass and fail cases"
    unknown = set(covered) - {r.code for r in all_rules()}
    assert not unknown, f"cases for unknown rules: {unknown}"


def test_base_record_is_compliant_without_warnings():
    _, findings = check_data(base_record(), CheckOptions(today=date(2026, 11, 24)))
    assert findings == []
