"""Every "must be an error" of the report contract, one defect at a time, through the CLI."""

from __future__ import annotations

import json

import pytest

from iwp_pipeline.cli import cli
from iwp_pipeline.report.jsonfmt import report_validator

R = "replace"

# (defect, patch, component, term, extra CLI args)
DEFECTS = [
    *[(f"term {n} missing", [{"op": R, "path": f"/terms_and_conditions/{n - 1}/present", "value": False}],
       "part3.terms", n, []) for n in range(1, 16)],
    ("no statement of understanding", [{"op": R, "path": "/statement_of_understanding/present", "value": False}],
     "part3.statement_of_understanding", None, []),
    ("ticketholder signature missing", [{"op": R, "path": "/signatures/ticketholder/signed", "value": False}],
     "part3.signatures", None, []),
    ("ticketholder signature date missing", [{"op": R, "path": "/signatures/ticketholder/date", "value": None}],
     "part3.signatures", None, []),
    ("EN signature missing", [{"op": R, "path": "/signatures/en_representative/signed", "value": False}],
     "part3.signatures", None, []),
    ("EN signature date missing", [{"op": R, "path": "/signatures/en_representative/date", "value": None}],
     "part3.signatures", None, []),
    ("EN printed name missing", [{"op": R, "path": "/signatures/en_representative/printed_name", "value": None}],
     "part3.signatures", None, []),
    ("discussion date missing", [{"op": R, "path": "/discussion/date", "value": None}], "part2.discussion", None, []),
    ("discussion modality missing", [{"op": R, "path": "/discussion/modality", "value": None}],
     "part2.discussion", None, []),
    ("discussion synopsis missing", [{"op": R, "path": "/discussion/summary", "value": None}],
     "part2.discussion", None, []),
    ("no work history and no statement", [{"op": R, "path": "/work_history", "value": []}],
     "part2.work_history", None, []),
    ("short-term goal missing", [{"op": R, "path": "/employment_goals/short_term", "value": None}],
     "part2.employment_goals", None, []),
    ("long-term goal missing", [{"op": R, "path": "/employment_goals/long_term", "value": None}],
     "part2.employment_goals", None, []),
    ("long-term earnings below SGA", [{"op": R, "path": "/employment_goals/long_term/monthly_earnings", "value": 1400}],
     "part2.employment_goals", None, []),
    ("selected service without description", [{"op": R, "path": "/services/2/description", "value": None}],
     "part2.supports_services", None, []),
    ("benefits counseling without counselor or WIPA referral",
     [{"op": R, "path": "/services/0/wipa_referral", "value": None},
      {"op": R, "path": "/services/0/description", "value": "Monthly benefits counseling sessions."}],
     "part2.supports_services", None, []),
    ("EN name missing", [{"op": R, "path": "/en/name", "value": None}], "part1.contact", None, []),
    ("PID missing", [{"op": R, "path": "/en/pid", "value": None}], "part1.contact", None, []),
    ("ticketholder name missing", [{"op": R, "path": "/ticketholder/name", "value": None}], "part1.contact", None, []),
    ("SSN missing", [{"op": R, "path": "/ticketholder/ssn", "value": None}], "part1.contact", None, []),
    ("alternate contact missing", [{"op": R, "path": "/alternate_contact/name", "value": None}],
     "part1.contact", None, []),
    ("submitted after 14 days", [], "submission", None, ["--submission-date", "2025-04-30"]),
]


def _run(runner, path, extra=()):
    result = runner.invoke(cli, ["check", str(path), "--format", "json", *extra])
    data = json.loads(result.stdout)
    report_validator().validate(data)
    return result.exit_code, data["documents"][0]


def test_compliant_base_record_is_compliant(runner, write_record):
    code, doc = _run(runner, write_record())
    assert code == 0
    assert doc["status"] == "compliant"


@pytest.mark.parametrize(("defect", "patch", "component", "term", "extra"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_each_contract_defect_is_an_error(runner, write_record, defect, patch, component, term, extra):
    code, doc = _run(runner, write_record(patch), extra)
    assert code == 1
    assert doc["status"] == "noncompliant"
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert errors, defect
    assert {f["component"] for f in errors} == {component}, errors
    if term is not None:
        assert {f["term"] for f in errors} == {term}
    else:
        assert all("term" not in f for f in errors)
