"""Build the docxtpl templates templates/iwp.docx and templates/amendment.docx with python-docx.

Run from the repository root: ``.venv/bin/python templates/build/build_templates.py``. The built
files are committed; this script is not shipped in the wheel. The Jinja tags are plain text in
the paragraphs and table cells; docxtpl renders them.

* ``iwp.docx`` is rendered with the record's JSON (``iwp_pipeline.render.iwp_context``: the shape
  of schemas/iwp.schema.json, the terms in term order so that ``terms_and_conditions[N - 1]`` is
  term N) and nothing else; service names come from the renderer's ``service_label`` filter
  (``iwp_pipeline.render.FILTERS``).
* ``amendment.docx`` is rendered with the context described by
  schemas/amendment-context.schema.json.

Both must pass ``iwp template check templates/*.docx`` (the project's CI runs it).

Labels follow iwp_pipeline/data/vocabulary.json so that ``iwp extract`` reads a rendered
document back into the same record.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent

# Blank values print as N/A, which the reader treats as absent.
NA = "'N/A'"


def val(expr: str) -> str:
    """A Jinja expression that prints N/A for a missing value."""
    return "{{ " + expr + " if " + expr + " is not none and " + expr + " != '' else " + NA + " }}"


def box(condition: str) -> str:
    """A ☒/☐ checkbox character."""
    return "{{ '☒' if " + condition + " else '☐' }}"


class Builder:
    """A thin wrapper over a python-docx document."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10.5)

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, level=level)

    def para(self, text: str, *, bold_label: bool = True) -> None:
        p = self.doc.add_paragraph()
        if bold_label and ": " in text and not text.startswith("{"):
            label, rest = text.split(": ", 1)
            p.add_run(label + ": ").bold = True
            p.add_run(rest)
        else:
            p.add_run(text)

    def tag(self, text: str) -> None:
        """A paragraph holding only a ``{%p ... %}`` tag (docxtpl removes the paragraph)."""
        self.doc.add_paragraph(text)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def save(self, name: str) -> None:
        self.doc.save(str(OUT / name))


TERMS = {
    1: "The services and supports in this plan are free of charge to you: {{ en.name }} will never ask you for "
       "or accept payment for them.",
    2: "Taking part is voluntary. You may unassign your Ticket and stop working with us at any time.",
    3: "{{ en.name }}, the Employment Network, may amend this plan, stop services or unassign your Ticket, for example if you no longer "
       "take part, do not make timely progress or ask us to.",
    4: "You may ask us to amend this plan at any time. An amendment must be agreed by both of us, put in "
       "writing, and signed and dated by both of us.",
    5: "You will receive a copy of this plan, and of every amendment, in an accessible format you choose.",
    6: "Everything you tell us, including information about your disability, is kept private and "
       "confidential and is shared only as the law allows.",
    7: "If you disagree with a decision of ours, you may use our grievance procedure; if the dispute is not "
       "resolved, you may take it to the Ticket Program Manager and then to Social Security.",
    8: "The Protection and Advocacy for Beneficiaries of Social Security (PABSS) program in your state can "
       "help you with problems or disputes with us.",
    9: "You agree to report your work and earnings to Social Security and to give us copies of your pay "
       "stubs.",
    10: "You agree to make timely progress toward your goals; Social Security reviews your progress from "
        "time to time (Timely Progress Reviews).",
    11: "We will contact you at least once a month while you look for work and at least once a quarter in "
        "the ongoing support phase.",
    12: "{{ en.name }} will provide the services and supports written in Section 4 of this plan.",
    13: "For benefits counseling we will refer you to a Work Incentives Planning and Assistance (WIPA) "
        "project through the Ticket to Work Help Line, or to a certified benefits counselor.",
    14: "This plan takes effect when both of us have signed and dated it and your Ticket is assigned to "
        "{{ en.name }}.",
    15: "Other terms and conditions agreed between us: none beyond those listed here.",
}

SOU_DEFAULT = ("I understand that {{ en.name }} will provide the services and supports in this plan to help me "
               "reach my employment goals and become financially self-sufficient.")

MODALITIES = [("in_person", "In person"), ("telephone", "Telephone"), ("video", "Video"), ("email", "Email"),
              ("mail", "Mail"), ("other", "Other")]
BUSINESS_MODELS = ["Traditional EN", "Workforce EN", "Administrative EN"]


def goal_block(b: Builder, var: str, label: str) -> None:
    g = f"employment_goals.{var}"
    b.tag("{%p if " + g + " %}")
    b.para(f"{label}: {{{{ {g}.description or 'N/A' }}}}")
    b.para(f"Job title: {val(g + '.job_title')}")
    b.para("Hours per week: {% if " + g + ".hours_per_week is not none %}{{ '%g'|format(" + g + ".hours_per_week) }}"
           " hours a week{% else %}N/A{% endif %}{% if " + g + ".full_time == true %}, full-time"
           "{% elif " + g + ".full_time == false %}, part-time{% endif %}")
    b.para("Earnings: {{ " + g + ".earnings_as_written if " + g + ".earnings_as_written else ('$%.2f per month'|"
           "format(" + g + ".monthly_earnings) if " + g + ".monthly_earnings is not none else 'N/A') }}")
    b.para(f"Time frame: {val(g + '.time_frame')}")
    b.tag("{%p else %}")
    b.para(f"{label}: N/A")
    b.tag("{%p endif %}")


def build_iwp() -> None:
    b = Builder()
    b.heading("Ticket to Work Program Individual Work Plan (IWP)", 0)
    b.para("This Individual Work Plan is an agreement between {{ en.name }} and {{ ticketholder.name }}.",
           bold_label=False)

    b.heading("Part One: Employment Network and Ticketholder Contact Information", 1)
    b.heading("Employment Network", 2)
    b.para(f"EN Name: {val('en.name')}")
    b.para(f"EN Provider Identification Number (PID): {val('en.pid')}")
    models = " ".join(
        box(f"'{m}' == en.business_model or '{m}' in en.business_models_selected") + f" {m}  "
        for m in BUSINESS_MODELS)
    b.para("Business Model: " + models + "{% if en.business_model and en.business_model not in "
           + repr(BUSINESS_MODELS) + " %}☒ {{ en.business_model }}{% endif %}")
    b.para(f"EN Contact Person: {val('en.contact_person')}")
    b.para(f"EN Phone: {val('en.phone')}")
    b.para(f"EN Email: {val('en.email')}")
    b.para(f"EN Address: {val('en.address')}")
    b.heading("Ticketholder", 2)
    b.para(f"Ticketholder Name: {val('ticketholder.name')}")
    b.para(f"Social Security Number: {val('ticketholder.ssn')}")
    b.para(f"Ticketholder Phone: {val('ticketholder.phone')}")
    b.para(f"Ticketholder Email: {val('ticketholder.email')}")
    b.para(f"Ticketholder Address: {val('ticketholder.address')}")
    b.heading("Alternate Contact", 2)
    b.para(f"Alternate Contact Name: {val('alternate_contact.name')}")
    b.para(f"Relationship: {val('alternate_contact.relationship')}")
    b.para(f"Phone: {val('alternate_contact.phone')}")
    b.para(f"Email: {val('alternate_contact.email')}")

    b.heading("Part Two, Section 1: Discussion Arrangement", 1)
    b.para(f"Date of Discussion: {val('discussion.date')}")
    # The ticked box carries the words the record has for the modality ("Face-to-face").
    options = " ".join(box(f"discussion.modality == '{key}'")
                       + f" {{{{ discussion.modality_as_written if discussion.modality == '{key}' and "
                       f"discussion.modality_as_written else '{text}' }}}}  " for key, text in MODALITIES)
    b.para("Modality: " + options)
    b.para(f"Discussion Summary: {val('discussion.summary')}")

    b.heading("Section 2: Ticketholder's Recent Work History", 1)
    b.tag("{%p if work_history %}")
    table = b.doc.add_table(rows=3, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells,
                          ["Employer", "Job Title", "Start", "End", "Hours/Week", "Earnings"], strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for job in work_history %}"
    row = table.rows[2].cells
    row[0].text = "{{ job.employer or '' }}"
    row[1].text = "{{ job.job_title or '' }}"
    row[2].text = "{{ job.start_date[5:7] ~ '/' ~ job.start_date[:4] if job.start_date else '' }}"
    row[3].text = "{{ job.end_date[5:7] ~ '/' ~ job.end_date[:4] if job.end_date else '' }}"
    row[4].text = "{{ '%g'|format(job.hours_per_week) if job.hours_per_week is not none else '' }}"
    row[5].text = ("{{ job.earnings_as_written if job.earnings_as_written else ('$%.2f per month'|"
                   "format(job.monthly_earnings) if job.monthly_earnings is not none else '') }}")
    end_row = table.add_row().cells
    end_row[0].text = "{%tr endfor %}"
    b.tag("{%p else %}")
    b.para("{{ no_work_history_statement or 'N/A' }}", bold_label=False)
    b.tag("{%p endif %}")

    b.heading("Section 3: Ticketholder's Employment Goals", 1)
    goal_block(b, "short_term", "Short-Term Goal")
    goal_block(b, "long_term", "Long-Term Goal")
    b.tag("{%p if employment_goals.training %}")
    b.para(f"Type of training: {val('employment_goals.training.type')}")
    b.para(f"Enrollment status: {val('employment_goals.training.enrollment_status')}")
    b.para(f"Expected completion date: {val('employment_goals.training.expected_completion')}")
    b.tag("{%p endif %}")

    b.heading("Section 4: EN Supports and Services", 1)
    b.para("A checked box means the service is part of this plan.", bold_label=False)
    b.tag("{%p for s in services %}")
    b.para(box("s.selected") + " {{ s.label or s.service|service_label }}{% if s.description %}: "
           "{{ s.description }}{% endif %}", bold_label=False)
    b.tag("{%p endfor %}")

    b.heading("Part Three: IWP Terms and Conditions", 1)
    b.para("{{ en.name }} and {{ ticketholder.name }} agree to the following terms and conditions.",
           bold_label=False)
    # Each term is printed when the record marks it present (a record lacking a term renders and
    # reads back without it); `iwp template check` reports this as one TPL08 warning for the block.
    for number, text in TERMS.items():
        b.tag("{%p if terms_and_conditions[" + str(number - 1) + "].present %}")
        b.para(f"{number}. {text}", bold_label=False)
        b.tag("{%p endif %}")

    b.tag("{%p if statement_of_understanding.present %}")
    b.heading("Statement of Understanding", 1)
    b.para("{{ statement_of_understanding.text if statement_of_understanding.text else '" + SOU_DEFAULT + "' }}",
           bold_label=False)
    b.tag("{%p endif %}")

    b.heading("Signatures", 1)
    th, en = "signatures.ticketholder", "signatures.en_representative"
    b.para("Ticketholder (or Representative) Signature: {{ '/s/ ' ~ (" + th + ".name or ticketholder.name) if "
           + th + ".signed else '______________________' }}")
    b.para("Date: {{ " + th + ".date if " + th + ".date else '______________' }}")
    b.para("EN Representative Signature: {{ '/s/ ' ~ (" + en + ".printed_name or en.contact_person) if "
           + en + ".signed else '______________________' }}")
    b.para("Date: {{ " + en + ".date if " + en + ".date else '______________' }}")
    b.para("EN Representative Printed Name: {{ " + en + ".printed_name or '______________________' }}")
    b.tag("{%p if " + en + ".title %}")
    b.para("Title: {{ " + en + ".title }}")
    b.tag("{%p endif %}")
    b.save("iwp.docx")


def build_amendment() -> None:
    b = Builder()
    b.heading("Individual Work Plan Amendment", 1)
    b.para("This amendment changes the Individual Work Plan (IWP) signed by {{ ticketholder.name }} and "
           "{{ en.name }}{% if original_signed %} on {{ original_signed }}{% endif %}. It is attached to that "
           "plan; everything the amendment does not change stays as the plan says.", bold_label=False)
    b.para("EN Name: {{ en.name }}")
    b.para("PID: {{ en.pid }}")
    b.para("Ticketholder Name: {{ ticketholder.name }}")
    b.para("SSN: {{ ticketholder.ssn }}")
    b.para("Date of Amendment: {{ date }}")
    b.para("Effective Date: {{ effective_date }}")
    b.para("Reason for Amendment: {{ reason }}")

    b.heading("Revised Employment Goals", 1)
    table = b.doc.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Goal", "Original IWP", "Revised by this amendment"], strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for g in goals %}"
    cells = table.rows[2].cells
    cells[0].text = "{{ g.label }}"
    for cell, side in ((cells[1], "g.original"), (cells[2], "g.revised")):
        cell.text = "{{ " + side + ".description if " + side + " else 'None' }}"
        for line in ("{% if " + side + " and " + side + ".job_title %}Job title: {{ " + side + ".job_title }}"
                     "{% endif %}",
                     "{% if " + side + " and " + side + ".hours_per_week is not none %}Hours per week: "
                     "{{ '%g'|format(" + side + ".hours_per_week) }}{% endif %}",
                     "{% if " + side + " and " + side + ".earnings %}Earnings: {{ " + side + ".earnings }}"
                     "{% endif %}",
                     "{% if " + side + " and " + side + ".time_frame %}Time frame: {{ " + side + ".time_frame }}"
                     "{% endif %}"):
            cell.add_paragraph(line)
    table.rows[3].cells[0].text = "{%tr endfor %}"

    b.heading("Revised Services and Supports", 1)
    b.para("A checked box means the service is part of the plan.", bold_label=False)
    table = b.doc.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Original IWP", "Revised by this amendment", "Change"], strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for s in services %}"
    cells = table.rows[2].cells
    cells[0].text = ("{{ '☒' if s.original_selected else '☐' }} {{ s.label }}{% if s.original_description %}: "
                     "{{ s.original_description }}{% endif %}")
    cells[1].text = ("{{ '☒' if s.revised_selected else '☐' }} {{ s.label }}{% if s.revised_description %}: "
                     "{{ s.revised_description }}{% endif %}")
    cells[2].text = "{{ s.change_text }}"
    table.rows[3].cells[0].text = "{%tr endfor %}"

    b.tag("{%p if services_reduced %}")
    b.heading("Your Right to Dispute This Change (20 CFR 411.610(b))", 1)
    b.para("This amendment reduces, suspends or ends services or supports you receive from {{ en.name }}. If you "
           "disagree with this change, you may ask for a review under our grievance procedure. If the dispute is "
           "not resolved, you may take it to the Ticket Program Manager and then to Social Security, and the "
           "Protection and Advocacy for Beneficiaries of Social Security (PABSS) program in your state can help "
           "you at no cost.", bold_label=False)
    b.tag("{%p endif %}")

    b.para("By signing below, both of us agree to this amendment and to attach it to the Individual Work Plan.",
           bold_label=False)
    b.heading("Signatures", 1)
    th, en = "signatures.ticketholder", "signatures.en_representative"
    b.para("Ticketholder (or Representative) Signature: {{ '/s/ ' ~ " + th + ".name if " + th
           + ".signed else '______________________' }}")
    b.para("Date: {{ " + th + ".date or '______________' }}")
    b.para("EN Representative Signature: {{ '/s/ ' ~ " + en + ".printed_name if " + en
           + ".signed else '______________________' }}")
    b.para("Date: {{ " + en + ".date or '______________' }}")
    b.para("EN Representative Printed Name: {{ " + en + ".printed_name or '______________________' }}")
    b.tag("{%p if " + en + ".title %}")
    b.para("Title: {{ " + en + ".title }}")
    b.tag("{%p endif %}")
    b.save("amendment.docx")


def main() -> int:
    build_iwp()
    build_amendment()
    print(f"wrote {OUT / 'iwp.docx'} and {OUT / 'amendment.docx'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
