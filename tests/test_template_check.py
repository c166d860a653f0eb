"""`iwp template check`: the test templates of tests/template_cases/ and the project's own templates."""

from __future__ import annotations

import hashlib
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import docx.document
import pytest
from jsonschema import Draft202012Validator

from iwp_pipeline.amend import sample_amendment_context
from iwp_pipeline.cli import cli
from iwp_pipeline.model import record_from_dict
from iwp_pipeline.render import FILTERS, iwp_context, render_amendment, sample_context
from iwp_pipeline.report.jsonfmt import report_data, report_validator
from iwp_pipeline.resources import data_file, load_json_data, load_schema
from iwp_pipeline.rules import all_rules
from iwp_pipeline.tplcheck import TemplateOptions, check_template, check_templates
from iwp_pipeline.tplcheck import jinja_check as jc
from iwp_pipeline.tplcheck.dry_render import environment
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


def test_the_project_ships_its_templates():
    assert {"iwp.docx", "amendment.docx"} <= {p.name for p in PROJECT_TEMPLATES}


@pytest.mark.parametrize("path", PROJECT_TEMPLATES, ids=[p.name for p in PROJECT_TEMPLATES])
def test_project_templates_pass(path):
    result = check_template(path, TemplateOptions())
    assert str(result.status) == "compliant", [f"{f.rule}: {f.message}" for f in result.errors]
    assert not result.errors
    # The IWP template mirrors its record: the terms and the Statement of Understanding are printed
    # when the record marks them present. That is one warning for the terms and one for the SOU.
    warnings = [(f.rule, f.component, f.term) for f in result.warnings]
    if path.name == "iwp.docx":
        assert sorted(warnings) == [("TPL08", "part3.statement_of_understanding", None),
                                    ("TPL08", "part3.terms", None)], [f.message for f in result.warnings]
    else:
        assert warnings == [], [f.message for f in result.warnings]


def test_project_templates_pass_on_the_command_line(runner):
    """What .ci/run runs: `iwp template check templates/*.docx -q` exits 0."""
    result = runner.invoke(cli, ["template", "check", *map(str, PROJECT_TEMPLATES), "-q"])
    assert result.exit_code == 0, result.output


# --- broken copies of the bundled templates -----------------------------------------------------------


def bundled(name: str) -> docx.document.Document:
    return docx.Document(str(ROOT / "templates" / name))


def index_of(doc, start: str) -> int:
    return next(i for i, p in enumerate(doc.paragraphs) if p.text.startswith(start))


def drop(*elements) -> None:
    for element in elements:
        element.getparent().remove(element)


def replace_text(paragraph, old: str, new: str) -> None:
    hits = [r for r in paragraph.runs if old in r.text]
    assert hits, (old, paragraph.text)
    for run in hits:
        run.text = run.text.replace(old, new)


def check_copy(doc, tmp_path: Path, name: str):
    path = tmp_path / name
    doc.save(str(path))
    return check_template(path, TemplateOptions())


def only(result, *rules: str, also: tuple[str, ...] = ()):
    errors = {f.rule for f in result.errors}
    assert set(rules) <= errors <= set(rules) | set(also), [f"{f.rule}: {f.message}" for f in result.errors]
    return [f for f in result.findings if f.rule in rules]


def test_bundled_iwp_without_a_term(tmp_path):
    doc = bundled("iwp.docx")
    term = index_of(doc, "8. ")
    paragraphs = doc.paragraphs
    assert paragraphs[term - 1].text.startswith("{%p if terms_and_conditions[7].present")
    drop(*(p._element for p in paragraphs[term - 1:term + 2]))
    result = check_copy(doc, tmp_path, "iwp-no-term-8.docx")
    (finding,) = only(result, "TPL30")
    assert finding.term == 8 and finding.component == "part3.terms"
    assert finding.location.to_dict() == {"paragraph": index_of(doc, "Part Three: IWP Terms")}


def test_bundled_iwp_without_a_section(tmp_path):
    doc = bundled("iwp.docx")
    start = doc.paragraphs[index_of(doc, "Section 2:")]._element
    end = doc.paragraphs[index_of(doc, "Section 3:")]._element
    body = list(start.getparent())
    drop(*body[body.index(start):body.index(end)])  # the heading, its paragraphs and the table
    result = check_copy(doc, tmp_path, "iwp-no-work-history.docx")
    (finding,) = only(result, "TPL12")
    assert finding.component == "part2.work_history" and "Employment Goals" in finding.message
    assert finding.location.to_dict() == {"paragraph": index_of(doc, "Section 3:")}


def test_bundled_iwp_with_a_broken_tag(tmp_path):
    doc = bundled("iwp.docx")
    where = index_of(doc, "EN Name:")
    replace_text(doc.paragraphs[where], "else 'N/A' }}", "else 'N/A' ")
    result = check_copy(doc, tmp_path, "iwp-broken-tag.docx")
    findings = only(result, "TPL01")
    assert any(f.location.to_dict() == {"paragraph": where} for f in findings), [f.location for f in findings]


def test_bundled_iwp_with_an_unknown_variable(tmp_path):
    doc = bundled("iwp.docx")
    where = index_of(doc, "EN Provider Identification Number")
    replace_text(doc.paragraphs[where], "en.pid", "en.pdi")
    result = check_copy(doc, tmp_path, "iwp-unknown-variable.docx")
    (finding,) = only(result, "TPL02", also=("TPL05",))  # the PID renders empty
    assert finding.location.to_dict() == {"paragraph": where}
    assert "'en.pdi'" in finding.message and "did you mean 'en.pid'" in finding.message


def test_bundled_iwp_term_guarded_by_another_terms_flag(tmp_path):
    """Only a term's own presence flag is the mirror pattern; any other condition is a warning of its own."""
    doc = bundled("iwp.docx")
    term = index_of(doc, "3. ")
    replace_text(doc.paragraphs[term - 1], "terms_and_conditions[2]", "terms_and_conditions[5]")
    result = check_copy(doc, tmp_path, "iwp-wrong-flag.docx")
    assert str(result.status) == "compliant"
    own = [f for f in result.warnings if f.rule == "TPL08" and f.term == 3]
    assert len(own) == 1 and own[0].location.to_dict() == {"paragraph": term}
    (block,) = [f for f in result.warnings if f.rule == "TPL08" and f.component == "part3.terms" and f.term is None]
    assert block.message.startswith("Terms 1, 2 and 4-15 are each printed only when")


def test_bundled_amendment_without_its_revised_goals_table(tmp_path):
    doc = bundled("amendment.docx")
    drop(doc.tables[0]._element)  # the goals table; its heading stays
    result = check_copy(doc, tmp_path, "amendment-no-goals.docx")
    (finding,) = only(result, "TPL05")
    assert "AMEND03" in finding.message and finding.location.part == "rendered"


def test_bundled_amendment_without_signature_lines(tmp_path):
    doc = bundled("amendment.docx")
    heading = doc.paragraphs[index_of(doc, "Signatures")]._element
    body = list(heading.getparent())
    drop(*[e for e in body[body.index(heading) + 1:] if not e.tag.endswith("sectPr")])
    result = check_copy(doc, tmp_path, "amendment-unsigned.docx")
    findings = only(result, "TPL21", also=("TPL05",))
    assert {f.component for f in findings} == {"amendment"}
    assert any("ticketholder signature" in f.message for f in findings)


def test_bundled_amendment_that_never_prints_the_ticketholder_signature(tmp_path):
    """The labels are there, the values are not: only a signed sample shows it (AMEND05, AMEND06)."""
    doc = bundled("amendment.docx")
    for start in ("Ticketholder (or Representative) Signature", "Date:"):
        for run in doc.paragraphs[index_of(doc, start)].runs[1:]:
            run.text = "______________"
    result = check_copy(doc, tmp_path, "amendment-blank-signature.docx")
    findings = only(result, "TPL05")
    assert {f.message.split(" fails ")[1][:7] for f in findings} == {"AMEND05", "AMEND06"}


def test_bundled_amendment_without_the_dispute_notice(tmp_path):
    """The sample amendment ends a service, so a template that never prints the notice fails."""
    doc = bundled("amendment.docx")
    start = index_of(doc, "{%p if services_reduced")
    end = next(i for i in range(start, len(doc.paragraphs)) if doc.paragraphs[i].text.startswith("{%p endif"))
    drop(*(p._element for p in doc.paragraphs[start:end + 1]))
    result = check_copy(doc, tmp_path, "amendment-no-notice.docx")
    (finding,) = only(result, "TPL05")
    assert "AMEND10" in finding.message


# --- one render context per kind, the renderer's filters, variable paths ---------------------------------


def test_dry_render_contexts_are_built_by_the_renderers():
    record = record_from_dict(load_json_data("sample-record.json"))
    assert sample_context("iwp") == iwp_context(record)
    context = sample_context("amendment")
    assert context == sample_amendment_context()
    Draft202012Validator(load_schema("amendment-context.schema.json")).validate(context)
    assert all(context["signatures"][who]["signed"] and context["signatures"][who]["date"]
               for who in ("ticketholder", "en_representative"))
    assert context["services_reduced"] and all(g["changed"] for g in context["goals"])
    assert {s["change"] for s in context["services"]} >= {"added", "removed", "unchanged"}


def test_sample_amendment_is_what_iwp_amend_writes(runner, tmp_path):
    out = tmp_path / "amendment.docx"
    result = runner.invoke(cli, ["amend", str(data_file("sample-record.json")), "--changes",
                                 str(data_file("sample-changes.json")), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = docx.Document(str(out))
    rendered = docx.Document(io.BytesIO(render_amendment(sample_context("amendment"))))
    assert [p.text for p in written.paragraphs] == [p.text for p in rendered.paragraphs]
    assert [c.text for t in written.tables for r in t.rows for c in r.cells] == \
        [c.text for t in rendered.tables for r in t.rows for c in r.cells]
    assert runner.invoke(cli, ["check", str(out)]).exit_code == 0


def test_renderer_filters_are_known_others_are_not(tmp_path):
    assert set(FILTERS) <= set(environment().filters)
    doc = docx.Document(str(CASES / "good-iwp.docx"))
    (paragraph,) = [p for p in doc.paragraphs if "{{ s.label }}" in p.text]
    replace_text(paragraph, "{{ s.label }}", "{{ s.label or s.service|service_label }}")
    result = check_copy(doc, tmp_path, "service-label.docx")
    assert str(result.status) == "compliant" and not result.findings, [f.message for f in result.findings]
    unknown = check_template(CASES / "unknown-filter.docx", TemplateOptions())
    assert [f.rule for f in unknown.errors] == ["TPL04"]


def unknown_paths(source: str, schema: str = "iwp.schema.json") -> list[str]:
    env = environment()
    uses = jc.variable_uses(env.parse(source), env)
    return [i.message.split("'")[1] for i in jc.unknown_variables(uses, load_schema(schema), schema, [])]


@pytest.mark.parametrize("source", [
    "{% for w in work_history %}{{ w.start_date[:7] }} {{ w.end_date[5:7] ~ '/' ~ w.end_date[:4] }}{% endfor %}",
    "{% for w in work_history %}{{ w.employer|default('')|upper }} {{ w.job_title.upper() }}{% endfor %}",
    "{{ en.name[0] }} {{ (en.name|default(''))[:3] }} {{ en.name.split(' ')[0] }}",
    "{{ terms_and_conditions[0].present }} {{ work_history[1].employer }} {{ services[-1].description }}",
    "{% for w in work_history[:2] %}{{ w.hours_per_week }}{% endfor %} "
    "{{ '%g'|format(work_history[0].hours_per_week) }}",
], ids=["slices", "filters-and-methods", "string-index", "list-index", "list-slice"])
def test_slices_and_string_methods_are_not_list_indexes(source):
    assert unknown_paths(source) == []


@pytest.mark.parametrize(("source", "path"), [
    ("{% for w in work_history %}{{ w.start_dat[:7] }}{% endfor %}", "work_history[*].start_dat"),
    ("{{ en.nmae.upper() }}", "en.nmae"),
    ("{{ (en.nmae|default(''))[:3] }}", "en.nmae"),
    ("{{ en.nmae.split(' ')[0] }}", "en.nmae"),
    ("{{ (en.name|default(ticketholder.nmae))[:3] }}", "ticketholder.nmae"),
    ("{{ en.name[:ticketholder.nmae] }}", "ticketholder.nmae"),
    ("{{ en.name.first }}", "en.name.first"),
    ("{% for w in work_history %}{{ w.hours_per_week[0] }}{% endfor %}", "work_history[*].hours_per_week[*]"),
    ("{{ terms_present }}", "terms_present"),
])
def test_unknown_names_are_still_flagged(source, path):
    assert unknown_paths(source) == [path]
