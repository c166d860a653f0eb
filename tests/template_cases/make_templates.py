#!/usr/bin/env python3
"""Write the test templates of `iwp template check` into tests/template_cases/ (outputs committed).

good-iwp.docx is an EN's IWP template with docxtpl tags in the record's JSON shape (the paths
of schemas/iwp.schema.json), all six components and the 15 terms (wording of the fixture
generator's "form" template). amendment.docx is an EN's amendment template on the context of
schemas/amendment-context.schema.json. Each other file is a copy with one defect; EXPECTED names the
rule each must raise and where ("also": errors that follow from the defect, such as the empty EN
name an unknown variable renders). blank-form.pdf is the fixture generator's fillable reference
form written blank.

Usage: .venv/bin/python tests/template_cases/make_templates.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from fixtures.gen.render_pdf import PdfStyle, write_pdf  # noqa: E402
from fixtures.gen.templates import TEMPLATES, build  # noqa: E402
from fixtures.gen.wording import SOU, TERMS  # noqa: E402

Change = Callable[[dict[str, object]], None]


def _fields(doc: Document, rows: list[tuple[str, str]]) -> None:
    for label, value in rows:
        p = doc.add_paragraph()
        p.add_run(label + ": ").bold = True
        p.add_run(value)


def iwp_template(path: Path, *, drop_term: int | None = None, drop_work: bool = False, en_tag: str = "{{ en.name }}",
                 split_tag: bool = False, service_loop_end: bool = True, conditional_term: int | None = None) -> None:
    doc = docx.Document()
    doc.add_heading("Ticket to Work Program Individual Work Plan (IWP)", level=1)
    doc.add_heading("Part One: Employment Network and Ticketholder Contact Information", level=2)
    p = doc.add_paragraph()
    p.add_run("EN Name: ").bold = True
    if split_tag:
        p.add_run("{{ en.")
        p.add_run("name }}").italic = True
    else:
        p.add_run(en_tag)
    _fields(doc, [("EN Provider Identification Number (PID)", "{{ en.pid }}"),
                  ("Business Model", "{{ en.business_model }}"),
                  ("EN Contact Person", "{{ en.contact_person }}"),
                  ("Ticketholder Name", "{{ ticketholder.name }}"),
                  ("Social Security Number", "{{ ticketholder.ssn }}"),
                  ("Phone", "{{ ticketholder.phone }}"),
                  ("Alternate Contact", "{{ alternate_contact.name }}{% if alternate_contact.relationship %} "
                                        "({{ alternate_contact.relationship }}){% endif %}")])
    doc.add_heading("Part Two, Section 1: Discussion Arrangement", level=2)
    _fields(doc, [("Date of Discussion", "{{ discussion.date }}"),
                  ("Modality", "{{ discussion.modality_as_written }}"),
                  ("Discussion Summary", "{{ discussion.summary }}")])
    if not drop_work:
        doc.add_heading("Section 2: Ticketholder's Recent Work History", level=2)
        table = doc.add_table(rows=4, cols=5)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["Employer", "Job Title", "Dates", "Hours/Week", "Earnings"],
                              strict=True):
            cell.text = text
        table.rows[1].cells[0].text = "{%tr for job in work_history %}"
        for cell, text in zip(table.rows[2].cells, ["{{ job.employer }}", "{{ job.job_title }}",
                                                    "{{ job.start_date }} - {{ job.end_date }}",
                                                    "{{ job.hours_per_week }}", "{{ job.earnings_as_written }}"],
                              strict=True):
            cell.text = text
        table.rows[3].cells[0].text = "{%tr endfor %}"
        doc.add_paragraph("{% if not work_history %}{{ no_work_history_statement }}{% endif %}")
    doc.add_heading("Section 3: Ticketholder's Employment Goals", level=2)
    _fields(doc, [("Short-Term Goal", "{{ employment_goals.short_term.description }}"),
                  ("Long-Term Goal", "{{ employment_goals.long_term.description }}")])
    doc.add_heading("Section 4: EN Supports and Services", level=2)
    doc.add_paragraph("{%p for s in services %}")
    doc.add_paragraph("{{ '☒' if s.selected else '☐' }} {{ s.label }}{% if s.description %}: "
                      "{{ s.description }}{% endif %}")
    if service_loop_end:
        doc.add_paragraph("{%p endfor %}")
    doc.add_heading("Part Three: IWP Terms and Conditions", level=2)
    for n in range(1, 16):
        if n == drop_term:
            continue
        text = f"{n}. {TERMS['form'][n]}"
        if n == conditional_term:
            text = "{% if en.name %}" + text + "{% endif %}"
        doc.add_paragraph(text)
    doc.add_heading("Statement of Understanding", level=2)
    doc.add_paragraph(SOU["form"])
    doc.add_heading("Signatures", level=2)
    for who, label in (("ticketholder", "Ticketholder (or Representative) Signature"),
                       ("en_representative", "EN Representative Signature")):
        name = "name" if who == "ticketholder" else "printed_name"
        table = doc.add_table(rows=2, cols=2)
        table.rows[0].cells[0].text = f"{{{{ signatures.{who}.{name} if signatures.{who}.signed }}}}"
        table.rows[0].cells[1].text = f"{{{{ signatures.{who}.date }}}}"
        table.rows[1].cells[0].text = label
        table.rows[1].cells[1].text = "Date"
    _fields(doc, [("EN Representative Printed Name", "{{ signatures.en_representative.printed_name }}")])
    doc.save(str(path))


def amendment_template(path: Path, *, with_goals: bool = True) -> None:
    """An EN's own amendment template, on the context of schemas/amendment-context.schema.json."""
    doc = docx.Document()
    doc.add_heading("Amendment to Individual Work Plan", level=1)
    _fields(doc, [("EN Name", "{{ en.name }}"), ("PID", "{{ en.pid }}"),
                  ("Ticketholder Name", "{{ ticketholder.name }}"),
                  ("Date of Amendment", "{{ date }}"), ("Effective Date", "{{ effective_date }}"),
                  ("Reason for Amendment", "{{ reason }}")])
    doc.add_heading("Revised Employment Goals", level=2)
    if with_goals:
        doc.add_paragraph("{%p for g in goals %}")
        _fields(doc, [("{{ g.label }}", "{{ g.revised.description if g.revised else 'None' }}"
                                        "{% if g.changed %} (was: {{ g.original.description if g.original "
                                        "else 'None' }}){% endif %}")])
        doc.add_paragraph("{%p endfor %}")
    doc.add_heading("Revised Services and Supports", level=2)
    doc.add_paragraph("{%p for s in services %}")
    doc.add_paragraph("{{ '☒' if s.revised_selected else '☐' }} {{ s.label }}{% if s.revised_description %}: "
                      "{{ s.revised_description }}{% endif %} ({{ s.change_text }})")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if services_reduced %}")
    doc.add_paragraph("This amendment reduces, suspends or ends services. If you disagree, you may ask for a review "
                      "under our grievance procedure, then go to the Ticket Program Manager and to Social Security; "
                      "the Protection and Advocacy for Beneficiaries of Social Security (PABSS) program can help you "
                      "(20 CFR 411.610(b)).")
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("Signatures", level=2)
    _fields(doc, [("Ticketholder Signature", "{{ '/s/ ' ~ signatures.ticketholder.name "
                                             "if signatures.ticketholder.signed else '' }}"),
                  ("Date", "{{ signatures.ticketholder.date or '' }}"),
                  ("EN Representative Signature", "{{ '/s/ ' ~ signatures.en_representative.printed_name "
                                                  "if signatures.en_representative.signed else '' }}"),
                  ("Date", "{{ signatures.en_representative.date or '' }}"),
                  ("EN Representative Printed Name", "{{ signatures.en_representative.printed_name or '' }}")])
    doc.save(str(path))


def coversheet_template(path: Path, *, with_destination: bool = True) -> None:
    doc = docx.Document()
    doc.add_heading("IWP Submission Coversheet", level=1)
    _fields(doc, [("Reason for submission", "{{ reasons.new.mark }} New IWP  {{ reasons.amended.mark }} Amended IWP  "
                                            "{{ reasons.other.mark }} Other: {{ reason.other_text }}"), ("EN Name", "{{ en.name }}"), ("PID", "{{ en.pid }}"),
                  ("EN Contact Person", "{{ en.contact_person }}"), ("Phone", "{{ en.phone }}"),
                  ("Ticketholder Name", "{{ ticketholder.name }}"), ("SSN", "{{ ticketholder.ssn }}"),
                  ("Ticketholder signature date", "{{ dates.ticketholder_signed }}"),
                  ("EN signature date", "{{ dates.en_signed }}"), ("Date sent", "{{ dates.sent }}"),
                  ("Number of pages", "{{ pages }}")])
    if with_destination:
        doc.add_paragraph("Send through GSO, or fax to 1-703-893-4020 ATTN: Program Integrity/Ticket Assignment, "
                          "or mail to Ticket Program Manager, ATTN: Ticket Assignment, P.O. Box 1433, "
                          "Alexandria, VA 22313.")
    doc.save(str(path))


EXPECTED: dict[str, dict[str, object]] = {
    "good-iwp.docx": {"status": "compliant", "rules": []},
    "missing-term.docx": {"status": "noncompliant", "rules": ["TPL30"], "term": 8},
    "missing-section.docx": {"status": "noncompliant", "rules": ["TPL12"]},
    "broken-tag.docx": {"status": "noncompliant", "rules": ["TPL01"], "location": {"paragraph": 2}},
    "unclosed-for.docx": {"status": "noncompliant", "rules": ["TPL01"], "location": {"paragraph": 20}},
    "split-tag.docx": {"status": "compliant", "rules": ["TPL03"], "location": {"paragraph": 2}},
    "unknown-filter.docx": {"status": "noncompliant", "rules": ["TPL04"], "location": {"paragraph": 2}},
    "unknown-variable.docx": {"status": "noncompliant", "rules": ["TPL02"], "location": {"paragraph": 2},
                              "also": ["TPL05"]},
    "conditional-term.docx": {"status": "compliant", "rules": ["TPL08"], "term": 6},
    "blank-form.pdf": {"status": "compliant", "rules": []},
    "amendment.docx": {"status": "compliant", "rules": [], "kind": "amendment"},
    "amendment-no-goals.docx": {"status": "noncompliant", "rules": ["TPL05"], "kind": "amendment"},
    "coversheet.docx": {"status": "compliant", "rules": [], "kind": "coversheet"},
    "coversheet-no-destination.docx": {"status": "noncompliant", "rules": ["TPL22"], "kind": "coversheet"},
}


def blank_form(path: Path) -> None:
    """The fixture generator's fillable reference form, with every field empty."""
    blank: dict[str, object] = {
        "en": {"name": None, "pid": None, "business_model": None, "contact_person": None},
        "ticketholder": {"name": None, "ssn": None, "phone": None},
        "alternate_contact": {"name": None},
        "discussion": {"date": None, "modality": None, "summary": None},
        "work_history": [], "no_work_history_statement": None,
        "employment_goals": {"short_term": None, "long_term": None},
        "services": [{"service": s, "selected": False, "label": label, "description": None}
                     for s, label in (("benefits_counseling", "Benefits Counseling"), ("job_coaching", "Job Coaching"),
                                      ("job_placement", "Job Placement"))],
        "terms_and_conditions": [{"number": n, "present": True} for n in range(1, 16)],
        "statement_of_understanding": {"present": True},
        "signatures": {"ticketholder": {"signed": False, "name": None, "date": None},
                       "en_representative": {"signed": False, "printed_name": None, "date": None}},
    }
    write_pdf(build(blank, TEMPLATES["form"]), PdfStyle(form=True), path)


def main() -> None:
    iwp_template(HERE / "good-iwp.docx")
    iwp_template(HERE / "missing-term.docx", drop_term=8)
    iwp_template(HERE / "missing-section.docx", drop_work=True)
    iwp_template(HERE / "broken-tag.docx", en_tag="{{ en.name ")
    iwp_template(HERE / "unclosed-for.docx", service_loop_end=False)
    iwp_template(HERE / "split-tag.docx", split_tag=True)
    iwp_template(HERE / "unknown-filter.docx", en_tag="{{ en.name|shout }}")
    iwp_template(HERE / "unknown-variable.docx", en_tag="{{ en.nmae }}")
    iwp_template(HERE / "conditional-term.docx", conditional_term=6)
    blank_form(HERE / "blank-form.pdf")
    amendment_template(HERE / "amendment.docx")
    amendment_template(HERE / "amendment-no-goals.docx", with_goals=False)
    coversheet_template(HERE / "coversheet.docx")
    coversheet_template(HERE / "coversheet-no-destination.docx", with_destination=False)
    (HERE / "expected.json").write_text(json.dumps(EXPECTED, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
