"""The two schemas: valid themselves, holding every contract pointer, and their findings."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from iwp_pipeline.checker import check_data
from iwp_pipeline.resources import load_schema
from iwp_pipeline.rules.base import CheckOptions
from tests.conftest import ROOT, apply_patch, base_record

CONTRACT_POINTERS = [
    "/en/name", "/en/pid", "/en/business_model", "/ticketholder/name", "/ticketholder/ssn",
    "/alternate_contact/name", "/discussion/date", "/discussion/modality", "/discussion/summary",
    "/work_history", "/employment_goals/short_term/description",
    "/employment_goals/short_term/monthly_earnings", "/employment_goals/long_term/description",
    "/employment_goals/long_term/monthly_earnings", "/services", "/terms_and_conditions",
    "/statement_of_understanding/present", "/signatures/ticketholder/signed",
    "/signatures/ticketholder/date", "/signatures/en_representative/signed",
    "/signatures/en_representative/printed_name", "/signatures/en_representative/date",
]


def test_schemas_are_valid_2020_12():
    for name in ("iwp.schema.json", "report.schema.json"):
        Draft202012Validator.check_schema(load_schema(name))


def test_packaged_schemas_are_the_repository_files():
    for name in ("iwp.schema.json", "report.schema.json"):
        assert load_schema(name) == json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))


def _resolve(pointer: str, data):
    for part in pointer.split("/")[1:]:
        data = data[part]
    return data


def test_record_holds_every_contract_pointer():
    record, _ = check_data(base_record(), CheckOptions())
    data = record.to_dict()
    for pointer in CONTRACT_POINTERS:
        _resolve(pointer, data)  # raises KeyError when absent
    Draft202012Validator(load_schema("iwp.schema.json")).validate(data)


def test_missing_property_finding_names_the_property():
    data = apply_patch(base_record(), [{"op": "remove", "path": "/statement_of_understanding"}])
    _, findings = check_data(data, CheckOptions())
    pointers = {f.pointer for f in findings if f.rule == "SCHEMA01"}
    assert "/statement_of_understanding" in pointers
    schema_finding = next(f for f in findings if f.pointer == "/statement_of_understanding")
    assert schema_finding.component == "part3.statement_of_understanding"


def test_invalid_values_are_reported_then_treated_as_absent():
    data = apply_patch(base_record(), [{"op": "replace", "path": "/discussion/date", "value": "March 4"}])
    record, findings = check_data(data, CheckOptions())
    assert record.discussion.date is None
    assert {"SCHEMA01", "DISC01"} <= {f.rule for f in findings}
    Draft202012Validator(load_schema("iwp.schema.json")).validate(record.to_dict())
