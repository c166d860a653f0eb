"""`iwp template check`: the test templates of tests/template_cases/ and the project's own templates."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from iwp_pipeline.cli import cli
from iwp_pipeline.report.jsonfmt import report_data, report_validator
from iwp_pipeline.resources import load_schema
from iwp_pipeline.rules import all_rules
from iwp_pipeline.tplcheck import TemplateOptions, check_template, check_templates
from iwp_pipeline.tplcheck.schema_paths import check_path, sample_instance

CASES = Path(__file__).parent / "template_cases"
EXPECTED = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parent.parent
PROJECT_TEMPLATES = sorted((ROOT / "templates").glob("*.docx"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_template_case(name):
    expected = EXPECTED[name]
    result = check_template(CASES / name, TemplateOptions())
    assert str(result.status) == expected["status"], [f.message for f in result.findings]
    rules = {f.rule for f in result.findings}
    assert set(expected["rules"]) <= rules, rules
    if not expected["rules"]:
        assert not result.findings, [f.message for f in result.findings]
    for code in expected["rules"]:
        hits = [f for f in result.findings if f.rule == code]
        if "location" in expected:
            assert any(f.location and f.location.to_dict() == expected["location"] for f in hits), \
                [f.location for f in hits]
        if "term" in expected:
            assert any(f.term == expected["term"] and f.component == "part3.terms" for f in hits)


def test_errors_only_from_the_expected_rules():
    """A defect does not drag unrelated errors in (a missing term is not also a dry-render failure)."""
    for name, expected in EXPECTED.items():
        result = check_template(CASES / name, TemplateOptions())
        errors = {f.rule for f in result.errors}
        assert errors <= set(expected["rules"]) | set(expected.get("also", [])), (name, errors)


def test_missing_section_points_at_the_next_heading():
    result = check_template(CASES / "missing-section.docx", TemplateOptions())
    (finding,) = [f for f in result.findings if f.rule == "TPL12"]
    assert finding.component == "part2.work_history"
    assert "Employment Goals" in finding.message and finding.location.paragraph is not None


def test_unknown_variable_names_the_path_and_a_suggestion():
    result = check_template(CASES / "unknown-variable.docx", TemplateOptions())
    (finding,) = [f for f in result.findings if f.rule == "TPL02"]
    assert "'en.nmae'" in finding.message and "'en.name'" in finding.message


def test_allowed_filter_is_accepted():
    result = check_template(CASES / "unknown-filter.docx", TemplateOptions(filters=frozenset({"shout"})))
    assert str(result.status) == "compliant", [f.message for f in result.findings]


def test_json_report_keeps_the_contract_and_inputs_are_not_modified():
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in CASES.glob("*.docx")}
    report = check_templates([CASES])
    report_validator().validate(report_data(report))
    assert len(report.documents) == len(EXPECTED)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in CASES.glob("*.docx")}
    assert before == after


def test_cli_exit_codes_and_formats(tmp_path, runner):
    good = str(CASES / "good-iwp.docx")
    bad = str(CASES / "missing-term.docx")
    assert runner.invoke(cli, ["template", "check", good]).exit_code == 0
    result = runner.invoke(cli, ["template", "check", good, bad, "--format", "json", "-q",
                                 "--report", f"sarif:{tmp_path / 't.sarif'}", "--report", f"junit:{tmp_path / 't.xml'}"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    report_validator().validate(data)
    sarif = json.loads((tmp_path / "t.sarif").read_text())
    assert any(r["ruleId"] == "TPL30" for r in sarif["runs"][0]["results"])
    assert "TPL30" in {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    ET.fromstring((tmp_path / "t.xml").read_text())
    github = runner.invoke(cli, ["template", "check", bad, "--format", "github"])
    assert github.exit_code == 1 and "::error" in github.output and "TPL30" in github.output
    assert runner.invoke(cli, ["template", "check", str(tmp_path / "missing.docx")]).exit_code == 3
    assert runner.invoke(cli, ["template", "check", good, "--kind", "nope"]).exit_code == 2
    split = str(CASES / "split-tag.docx")
    assert runner.invoke(cli, ["template", "check", split]).exit_code == 0
    assert runner.invoke(cli, ["template", "check", split, "--fail-on", "warning"]).exit_code == 1
    out = tmp_path / "r.txt"
    assert runner.invoke(cli, ["template", "check", bad, "-o", str(out), "-q"]).exit_code == 1
    assert "TPL30" in out.read_text()


def test_a_json_record_is_not_a_template(tmp_path, runner):
    record = tmp_path / "r.json"
    record.write_text("{}")
    result = runner.invoke(cli, ["template", "check", str(record), "--format", "json"])
    assert result.exit_code == 3
    assert json.loads(result.stdout)["documents"][0]["error"]["code"] == "unsupported-format"


def test_template_rules_are_in_the_catalogue(runner):
    codes = {r.code for r in all_rules()}
    assert {"TPL01", "TPL02", "TPL03", "TPL04", "TPL05", "TPL10", "TPL20", "TPL30"} <= codes
    assert "TPL30" in runner.invoke(cli, ["rules"]).output


def test_schema_paths():
    schema = load_schema("iwp.schema.json")
    assert check_path(("services", "[*]", "description"), schema) is None
    assert check_path(("employment_goals", "short_term", "monthly_earnings"), schema) is None
    problem = check_path(("services", "[*]", "descripton"), schema)
    assert problem is not None and problem.step == 2 and problem.suggestion == "description"
    assert check_path(("nope",), schema) is not None
    sample = sample_instance(schema)
    assert isinstance(sample["services"], list) and "description" in sample["services"][0]


@pytest.mark.skipif(not PROJECT_TEMPLATES, reason="no templates/*.docx in the project yet (issues #5 and #6 add them)")
@pytest.mark.parametrize("path", PROJECT_TEMPLATES, ids=[p.name for p in PROJECT_TEMPLATES])
def test_project_templates_pass(path):
    result = check_template(path, TemplateOptions())
    assert str(result.status) == "compliant", [f"{f.rule}: {f.message}" for f in result.errors]
