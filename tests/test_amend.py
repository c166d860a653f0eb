"""iwp amend: changes files, refusals, the amendment's content, and iwp check on amendments."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from jsonschema import Draft202012Validator

from iwp_pipeline.amend import amendment_context, load_changes, parse_changes
from iwp_pipeline.cli import cli
from iwp_pipeline.errors import ChangesRefused, InvalidChanges
from iwp_pipeline.model import record_from_dict
from iwp_pipeline.render import render_amendment, render_iwp
from iwp_pipeline.resources import load_schema
from tests.conftest import FIXTURES

BASE = FIXTURES / "records" / "compliant-base.json"
RECORDS = sorted((FIXTURES / "samples").glob("*.json")) + [BASE]

SIGNATURES = {"ticketholder": {"name": "Maria L. Gonzalez", "date": "2026-03-20"},
              "en_representative": {"printed_name": "Dana Whitfield", "date": "2026-03-21",
                                    "title": "Employment Specialist"}}
CHANGES = {
    "effective_date": "2026-04-01",
    "date": "2026-03-20",
    "reason": "Maria finished her certificate and wants full-time office work sooner.",
    "goals": {
        "short_term": {"description": "Full-time office assistant, 40 hours a week at $17.00/hour within 6 months.",
                       "job_title": "Office Assistant", "hours_per_week": 40,
                       "earnings_as_written": "$17.00/hour at 40 hrs/wk", "time_frame": "within 6 months"},
        "long_term": {"description": "Office manager earning $3,600 per month within 3 years.",
                      "job_title": "Office Manager", "monthly_earnings": 3600, "time_frame": "within 3 years"},
    },
    "services": {"add": [{"service": "job_coaching",
                          "description": "Weekly on-site coaching for the first two months in the new job."}]},
}
REMOVE_SEARCH = {"remove": [{"service": "job_search", "reason": "Maria has accepted a job offer."}]}


def write_changes(folder: Path, changes: dict, *, as_yaml: bool = True) -> Path:
    path = folder / ("changes.yaml" if as_yaml else "changes.json")
    path.write_text(yaml.safe_dump(changes, sort_keys=False) if as_yaml else json.dumps(changes), encoding="utf-8")
    return path


def amend(runner, folder: Path, changes: dict, *extra: str, iwp: Path = BASE, as_yaml: bool = True):
    out = folder / "amendment.docx"
    result = runner.invoke(cli, ["amend", str(iwp), "--changes", str(write_changes(folder, changes, as_yaml=as_yaml)),
                                 "-o", str(out), *extra])
    return result, out


def document_text(path: Path) -> tuple[str, list[list[str]]]:
    document = docx.Document(str(path))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return "\n".join(p.text for p in document.paragraphs), rows


def check_json(runner, path: Path) -> dict:
    result = runner.invoke(cli, ["check", str(path), "--format", "json"])
    return json.loads(result.stdout)["documents"][0]


# --- content ------------------------------------------------------------------------------------


def test_amendment_content(runner, tmp_path):
    result, out = amend(runner, tmp_path, CHANGES)
    assert result.exit_code == 0, result.output
    text, rows = document_text(out)
    assert "EN Name: Bright Path Employment Services" in text
    assert "PID: EN-104233" in text
    assert "SSN: ***-**-3456" in text and "900-12-3456" not in text
    goals = {row[0]: row[1:] for row in rows if row[0] in ("Short-term goal", "Long-term goal")}
    assert goals["Short-term goal"][0].startswith("Part-time office assistant")
    assert goals["Short-term goal"][1].startswith("Full-time office assistant")
    assert goals["Long-term goal"][0].startswith("Full-time administrative coordinator")
    assert goals["Long-term goal"][1].startswith("Office manager")
    assert any(row[1].startswith("☒ Job Coaching") and row[2] == "Added" for row in rows)
    for label in ("Ticketholder (or Representative) Signature", "EN Representative Signature",
                  "EN Representative Printed Name", "Date:"):
        assert label in text
    assert "411.610(b)" not in text, "no service is reduced: no dispute notice"
    assert "900-12-3456" not in result.output


def test_full_ssn_only_when_asked(runner, tmp_path):
    result, out = amend(runner, tmp_path, CHANGES, "--full-ssn")
    assert result.exit_code == 0
    assert "SSN: 900-12-3456" in document_text(out)[0]
    assert "900-12-3456" not in result.output


@pytest.mark.parametrize("services", [REMOVE_SEARCH,
                                      {"change": [{"service": "job_placement", "change": "reduced",
                                                   "description": "Referrals once a month."}]},
                                      {"change": [{"service": "job_placement", "change": "suspended",
                                                   "description": "Paused while Maria is in training."}]}],
                         ids=["terminated", "reduced", "suspended"])
def test_dispute_notice_when_services_are_reduced(runner, tmp_path, services):
    changes = {**CHANGES, "services": services}
    result, out = amend(runner, tmp_path, changes)
    assert result.exit_code == 0, result.output
    text, _ = document_text(out)
    assert "411.610(b)" in text and "grievance procedure" in text


@pytest.mark.parametrize("services", [{"change": [{"service": "job_placement", "change": "expanded",
                                                   "description": "Referrals every week."}]}],
                         ids=["expanded"])
def test_no_dispute_notice_otherwise(runner, tmp_path, services):
    result, out = amend(runner, tmp_path, {**CHANGES, "services": services})
    assert result.exit_code == 0, result.output
    assert "411.610(b)" not in document_text(out)[0]


def test_json_changes_work_too(runner, tmp_path):
    result, out = amend(runner, tmp_path, CHANGES, as_yaml=False)
    assert result.exit_code == 0, result.output
    assert out.exists()


def test_context_matches_its_schema_and_template():
    record = record_from_dict(json.loads(BASE.read_text(encoding="utf-8")))
    context = amendment_context(record, parse_changes(json.dumps({**CHANGES, "services": REMOVE_SEARCH}).encode()))
    Draft202012Validator(load_schema("amendment-context.schema.json")).validate(context)
    from docxtpl import DocxTemplate

    from iwp_pipeline.resources import template_file

    with template_file("amendment.docx").open("rb") as handle:
        template = DocxTemplate(handle)
        template.init_docx()
        variables = template.get_undeclared_template_variables()
    assert variables <= set(load_schema("amendment-context.schema.json")["properties"])


# --- iwp check on amendments ----------------------------------------------------------------------


@pytest.mark.parametrize("source", RECORDS, ids=lambda p: p.name)
def test_signed_amendment_passes_and_unsigned_fails(runner, tmp_path, source):
    data = json.loads(source.read_text(encoding="utf-8"))
    if not any(s["service"] == "job_search" and s["selected"] for s in data["services"]):
        pytest.skip("the record has no job search service to end")
    signed, out = amend(runner, tmp_path, {**CHANGES, "services": REMOVE_SEARCH, "signatures": SIGNATURES},
                        iwp=source)
    assert signed.exit_code == 0, signed.output
    doc = check_json(runner, out)
    assert doc["document_type"] == "amendment"
    # an IWP without a PID gives an amendment without one (AMEND02); otherwise it is compliant
    expected = set() if data["en"]["pid"] else {"AMEND02"}
    assert {f["rule"] for f in doc["findings"]} == expected
    assert doc["status"] == ("compliant" if not expected else "noncompliant")
    amendment = doc["record"]["amendments"][0]
    assert amendment["effective_date"] == "2026-04-01" and amendment["services_reduced"] is True
    assert amendment["dispute_notice_present"] is True

    unsigned, out = amend(runner, tmp_path, {**CHANGES, "services": REMOVE_SEARCH}, iwp=source)
    assert unsigned.exit_code == 0
    doc = check_json(runner, out)
    assert doc["status"] == "noncompliant"
    assert {f["rule"] for f in doc["findings"]} == {"AMEND05", "AMEND06", "AMEND07", "AMEND09"} | expected


def test_amendment_attached_after_the_iwp_is_checked(runner, tmp_path):
    """An IWP and its amendment in one Word file (the amendment's body appended after the plan's)."""
    record = record_from_dict(json.loads(BASE.read_text(encoding="utf-8")))
    changes = parse_changes(json.dumps({**CHANGES, "services": REMOVE_SEARCH}).encode())
    import io

    from docx.enum.text import WD_BREAK

    plan = docx.Document(io.BytesIO(render_iwp(record)))
    extra = docx.Document(io.BytesIO(render_amendment(amendment_context(record, changes))))
    plan.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    body = plan.element.body
    for element in list(extra.element.body):
        if not element.tag.endswith("sectPr"):
            body.insert(len(body) - 1, copy.deepcopy(element))
    path = tmp_path / "with-amendment.docx"
    plan.save(str(path))
    doc = check_json(runner, path)
    assert doc["document_type"] == "iwp"
    assert len(doc["record"]["amendments"]) == 1
    assert {f["rule"] for f in doc["findings"]} == {"AMEND05", "AMEND06", "AMEND07", "AMEND09"}
    assert all(f["component"] == "amendment" for f in doc["findings"])


# --- refusals and bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "words"), [
    ({**CHANGES, "services": {"remove": [{"service": "job_coaching"}]}}, "does not provide it"),
    ({**CHANGES, "services": {"change": [{"service": "training", "change": "revised", "description": "x"}]}},
     "does not provide it"),
    ({**CHANGES, "services": {"add": [{"service": "job_search", "description": "More leads."}]}},
     "already provides it"),
    ({**CHANGES, "effective_date": "2025-01-01"}, "before the IWP was signed"),
    ({**CHANGES, "goals": {"long_term": {"description": "Office manager earning $1,200 per month.",
                                         "monthly_earnings": 1200}}}, "below the 2026 SGA"),
], ids=["remove-missing-service", "change-unselected-service", "add-existing-service", "effective-before-signing",
        "long-term-below-sga"])
def test_refused_changes(runner, tmp_path, changes, words):
    result, out = amend(runner, tmp_path, changes)
    assert result.exit_code == 2
    assert "changes contradict" in result.stderr or "would be noncompliant" in result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.output and not out.exists()


def test_removing_every_service_is_refused(runner, tmp_path):
    data = json.loads(BASE.read_text(encoding="utf-8"))
    removals = [{"service": s["service"]} for s in data["services"] if s["selected"]]
    result, _ = amend(runner, tmp_path, {**CHANGES, "services": {"remove": removals}})
    assert result.exit_code == 2 and "SERV" in result.stderr


@pytest.mark.parametrize(("text", "words"), [
    ("reason: [unclosed", "not valid YAML or JSON"),
    ("- a list", "is not of type 'object'"),
    ("effective_date: 2026-04-01\nreason: x\n", "nothing changes"),
    ("effective_date: April\nreason: x\ngoals: {long_term: {description: y}}\n", "effective_date"),
    ("effective_date: 2026-04-01\nreason: x\nservices: {remove: [{service: magic}]}\n", "magic"),
    ("effective_date: 2026-04-01\nreason: x\ncolour: red\ngoals: {long_term: {description: y}}\n", "unknown key"),
])
def test_invalid_changes_files(tmp_path, text, words):
    path = tmp_path / "changes.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidChanges) as caught:
        load_changes(path)
    assert caught.value.code == "invalid-changes"
    assert words in caught.value.message


def test_invalid_changes_on_the_command_line(runner, tmp_path):
    path = tmp_path / "changes.yaml"
    path.write_text("reason: [unclosed", encoding="utf-8")
    result = runner.invoke(cli, ["amend", str(BASE), "--changes", str(path), "-o", str(tmp_path / "a.docx")])
    assert result.exit_code == 2
    assert result.stderr.startswith("iwp: error: ") and "Traceback" not in result.output
    missing = runner.invoke(cli, ["amend", str(BASE), "--changes", str(tmp_path / "nope.yaml"),
                                  "-o", str(tmp_path / "a.docx")])
    assert missing.exit_code == 2 and "cannot read the changes file" in missing.stderr


def test_unreadable_iwp_is_an_input_error(runner, tmp_path):
    result, _ = amend(runner, tmp_path, CHANGES, iwp=tmp_path / "missing.pdf")
    assert result.exit_code == 3


def test_refused_when_the_original_is_not_an_iwp(tmp_path):
    from iwp_pipeline.amend import review_changes
    from iwp_pipeline.model import Record

    with pytest.raises(ChangesRefused):
        review_changes(Record(document_type="other"), parse_changes(json.dumps(CHANGES).encode()))


def test_inputs_are_not_modified(runner, tmp_path):
    iwp = tmp_path / "iwp.json"
    shutil.copy(BASE, iwp)
    before = iwp.read_bytes()
    result, _ = amend(runner, tmp_path, CHANGES, iwp=iwp)
    assert result.exit_code == 0
    assert iwp.read_bytes() == before


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice (soffice) is not installed")
def test_amendment_as_pdf(runner, tmp_path):
    result, out = amend(runner, tmp_path, {**CHANGES, "signatures": SIGNATURES}, "--pdf")
    assert result.exit_code == 0, result.output
    doc = check_json(runner, out.with_suffix(".pdf"))
    assert doc["document_type"] == "amendment" and doc["status"] == "compliant", doc["findings"]


def test_amend_pdf_without_libreoffice(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("IWP_SOFFICE", str(tmp_path / "no-soffice"))
    result, out = amend(runner, tmp_path, CHANGES, "--pdf")
    assert result.exit_code == 2 and "needs LibreOffice" in result.stderr
    assert not out.exists()
