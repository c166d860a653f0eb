"""Layouts the reader must understand whatever the template: each test is one layout habit of
EN forms (signature tables, marks in cells, labels above values, two columns, wrapped cells,
terms merged into paragraphs), built from text so that it states exactly what is on the page."""

from __future__ import annotations

from dataclasses import replace

import pytest

from iwp_pipeline.extract.interpret import interpret, normalise_modality
from iwp_pipeline.extract.layout import Layout
from iwp_pipeline.extract.pdf_reader import _Run, _trim_overlap, read_pdf
from iwp_pipeline.extract.units import Unit, assign_sections, build_units, heading_section
from tests.extract.layouts import layout_from_text, pdf_layout

HEAD = """# INDIVIDUAL WORK PLAN
# Part One: Contact Information
EN Name: Harbor Light Careers
Provider ID: P-20931
Beneficiary Name: Kevin T. Brandt
Social Security Number: 901-44-1234
Alternate Contact: Janet Brandt (mother), 555-880-3132
# Discussion
Date of Discussion: 02/14/2025
"""
TERMS = """# Terms and Conditions
1. Our services and supports are free of charge to you.
2. Taking part is voluntary; you may take your Ticket to another EN at any time.
"""

PDF_HEAD = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "PART ONE: CONTACT INFORMATION")]),
            (1, 75, [(72, "Employment Network:"), (250, "Open Door Staffing")]),
            (1, 90, [(72, "EN Provider ID:"), (250, "0004417")])]
"""The opening lines of a flat-PDF IWP, for tests about what follows them."""
SERVICES_HEAD = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "EMPLOYMENT GOALS")]),
                 (1, 75, [(72, "Long-term goal:"), (250, "Cook, full time, $2,900 per month within 4 years")]),
                 (1, 690, [(72, "SERVICES")]),
                 (1, 705, [(72, "Service"), (200, "Yes"), (240, "No"), (300, "What the EN will do")])]
"""A flat-PDF IWP down to the header of a Yes/No services table at the foot of page 1."""


def _word(body: str) -> Layout:
    return layout_from_text(HEAD + body)


@pytest.mark.parametrize(("text", "section"), [("SECTION IV - GOALS", "goals"), ("Section 5: Services", "services"),
                                               ("PART 2. MEETING", "discussion"), ("Step 3 - Signatures", "signatures"),
                                               ("SECTION VI - TERMS AND CONDITIONS", "terms")])
def test_numbered_headings_name_their_section(text, section):
    assert heading_section(Unit(text, 0, heading_hint=True)) == section


def test_word_signature_table_reads_each_party_row():
    r = interpret(_word(TERMS + """# Signatures
 | Signature | Printed name | Date
Participant | /s/ Kevin T. Brandt | Kevin T. Brandt | 02/20/2025
EN Representative | /s/ Luis Ortega | Luis Ortega | 02/21/2025
"""))
    sig = r.signatures
    assert (sig.ticketholder.signed, sig.ticketholder.date) == (True, "2025-02-20")
    assert (sig.en_representative.signed, sig.en_representative.printed_name, sig.en_representative.date) == (
        True, "Luis Ortega", "2025-02-21")


def test_word_signature_table_with_an_empty_cell():
    r = interpret(_word(TERMS + """# Signatures
 | Signature | Printed name | Date
Customer | Kevin T. Brandt | Kevin T. Brandt | 02/20/2025
EN Representative |  | Luis Ortega | 02/21/2025
"""))
    assert r.signatures.ticketholder.signed and not r.signatures.en_representative.signed
    assert r.signatures.en_representative.printed_name == "Luis Ortega"


def test_pdf_signature_table_with_wrapped_cells_over_a_page_break():
    rows = [*PDF_HEAD,
            (1, 105, [(72, "Social Security Number:"), (250, "902-11-7777")]),
            (1, 700, [(72, "SIGNATURES")]),
            (1, 720, [(200, "Signature"), (310, "Printed name"), (420, "Date")]),
            (2, 74, [(72, "Participant"), (200, "Ana"), (310, "Ana"), (420, "3 March 2025")]),
            (2, 87, [(200, "Ruiz"), (310, "Ruiz")]),
            (2, 100, [(72, "EN"), (200, "Dana Whitfield"), (310, "Dana Whitfield"), (420, "4 March 2025")]),
            (2, 113, [(72, "Representative")])]
    sig = interpret(pdf_layout(rows)).signatures
    assert (sig.ticketholder.signed, sig.ticketholder.name, sig.ticketholder.date) == (True, "Ana Ruiz", "2025-03-03")
    assert (sig.en_representative.printed_name, sig.en_representative.date) == ("Dana Whitfield", "2025-03-04")


def test_x_in_a_cell_beside_the_chosen_option():
    r = interpret(_word("""Type of contact:
 | Type
 | Face to face
X | Telephone
 | Video
"""))
    assert (r.discussion.modality, r.discussion.modality_as_written) == ("telephone", "Telephone")


def test_x_alone_on_a_pdf_line_beside_the_chosen_option():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "DISCUSSION")]),
            (1, 75, [(72, "Date of meeting:"), (250, "03/04/2025")]),
            (1, 90, [(72, "Type of contact:")]),
            (1, 103, [(300, "Type")]),
            (1, 116, [(72, "X"), (300, "Face to face")]),
            (1, 129, [(300, "Telephone")]),
            (1, 160, [(72, "EMPLOYMENT GOALS")]),
            (1, 175, [(72, "Long-term goal:"), (250, "Cook, full time, $2,900 per month within 4 years")])]
    assert interpret(pdf_layout(rows)).discussion.modality == "in_person"


@pytest.mark.parametrize(("options", "expected"), [
    ([(250, "[ ]"), (268, "In person"), (330, "[x]"), (348, "Phone")], "telephone"),
    ([(250, "[ ]"), (268, "In person"), (330, "[ ]"), (348, "Phone")], None)])
def test_boxes_set_apart_from_their_words(options, expected):
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "DISCUSSION")]),
            (1, 75, [(72, "Date of meeting:"), (250, "03/04/2025")]),
            (1, 90, [(72, "Meeting type:"), *options]),
            (1, 160, [(72, "EMPLOYMENT GOALS")]),
            (1, 175, [(72, "Long-term goal:"), (250, "Cook, full time, $2,900 per month within 4 years")])]
    assert interpret(pdf_layout(rows)).discussion.modality == expected


def test_yes_no_columns_on_pdf_lines_also_after_a_page_break():
    rows = [*SERVICES_HEAD,
            (1, 720, [(72, "Job Coaching"), (202, "X"), (300, "Weekly coaching at work.")]),
            (2, 74, [(72, "Job Placement"), (242, "X")]),
            (2, 90, [(72, "Job Search"), (202, "X"), (300, "Daily job leads.")])]
    services = {s.service: s for s in interpret(pdf_layout(rows)).services}
    assert services["job_coaching"].selected and services["job_search"].selected
    assert not services["job_placement"].selected
    assert services["job_search"].description == "Daily job leads."


def test_an_x_heading_a_mark_column_is_not_a_mark():
    r = interpret(_word("""# Services
X | Service | What we will do
X | Job Coaching | Weekly coaching at work.
 | Job Placement |
"""))
    services = {s.service: s.selected for s in r.services}
    assert services == {"job_coaching": True, "job_placement": False}


def test_two_labels_in_one_word_paragraph():
    r = interpret(_word(TERMS + """# Signatures
Customer signature: /s/ Kevin T. Brandt    Date: 02/20/2025
Staff signature: ____________________    Date: 02/21/2025
Printed name: Luis Ortega
"""))
    sig = r.signatures
    assert (sig.ticketholder.signed, sig.ticketholder.date) == (True, "2025-02-20")
    assert (sig.en_representative.signed, sig.en_representative.date) == (False, "2025-02-21")


def test_word_cell_of_stacked_labels_and_values():
    layout = layout_from_text("""# INDIVIDUAL WORK PLAN
# Part One: Contact Information
X | Y
# Discussion
Date of Discussion: 02/14/2025
Modality: Telephone
""")
    left = "Employment Network\nHarbor Light Careers\nProvider ID\nP-20931"
    right = "Client name\nKevin T. Brandt\nClient SSN\n901-44-1234"
    lines = tuple(replace(line, text=left) if line.text == "X" else replace(line, text=right) if line.text == "Y"
                  else line for line in layout.lines)
    r = interpret(replace(layout, lines=lines))
    assert (r.en.name, r.en.pid, r.ticketholder.name, r.ticketholder.ssn) == (
        "Harbor Light Careers", "P-20931", "Kevin T. Brandt", "901-44-1234")


def test_a_party_named_under_signatures_is_its_signature_line():
    r = interpret(_word(TERMS + """# Signatures
Participant: /s/ Kevin T. Brandt    Date: 02/20/2025
EN Representative: /s/ Luis Ortega    Date: 02/21/2025
"""))
    assert (r.signatures.ticketholder.signed, r.signatures.en_representative.signed) == (True, True)
    assert r.ticketholder.name == "Kevin T. Brandt"  # not taken from the signature block


@pytest.mark.parametrize(("th_label", "en_label", "lines"), [
    ("Participant", "EN Representative", (320, 333, 360, 373)),  # a party named alone under its line
    ("Consumer Signature", "EN Representative Signature", (320, 341, 360, 380))])  # values further over than under
def test_pdf_signature_values_over_their_labels(th_label, en_label, lines):
    rows = [*PDF_HEAD, (1, 300, [(72, "SIGNATURES")]),
            (1, lines[0], [(72, "/s/ Ana Ruiz"), (380, "03/10/2025")]), (1, lines[1], [(72, th_label), (380, "Date")]),
            (1, lines[2], [(72, "/s/ Dana Whitfield"), (380, "03/11/2025")]),
            (1, lines[3], [(72, en_label), (380, "Date")])]
    sig = interpret(pdf_layout(rows)).signatures
    assert (sig.ticketholder.signed, sig.ticketholder.date) == (True, "2025-03-10")
    assert (sig.en_representative.signed, sig.en_representative.date) == (True, "2025-03-11")


def test_unlabelled_synopsis_over_several_pdf_lines():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "PLANNING DISCUSSION")]),
            (1, 75, [(72, "Discussion date:"), (250, "03-04-2025")]),
            (1, 95, [(72, "We met one-on-one to talk about Maria's plans. Her goal of office work")]),
            (1, 107, [(72, "is reasonable because she did this work for two years, and our job development")]),
            (1, 119, [(72, "and placement services will help her reach it.")]),
            (1, 150, [(72, "EMPLOYMENT GOALS")]),
            (1, 165, [(72, "Long-term goal:"), (250, "Office coordinator, full time, $2,600 per month in 3 years")])]
    summary = interpret(pdf_layout(rows)).discussion.summary
    assert summary.startswith("We met one-on-one") and summary.endswith("help her reach it.")


def test_wrapped_cells_of_a_ruled_pdf_table_are_joined():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "WORK HISTORY")]),
            (1, 80, [(72, "Employer"), (200, "Job title"), (330, "Start"), (400, "End")]),
            (1, 95, [(72, "Springfield"), (200, "Receptionist"), (330, "Jun 2023"), (400, "Sep 2024")]),
            (1, 107, [(72, "Dental Group")]),
            (1, 125, [(72, "Lakeside"), (200, "Cashier"), (330, "Jan 2022"), (400, "May 2023")]),
            (1, 137, [(72, "Grocery")]),
            (1, 170, [(72, "EMPLOYMENT GOALS")]),
            (1, 185, [(72, "Long-term goal:"), (250, "Office coordinator, full time, $2,600 per month in 3 years")])]
    rules = ((1, 66, 78, 500), (1, 66, 92, 500), (1, 66, 121, 500), (1, 66, 150, 500))
    work = interpret(pdf_layout(rows, rules=rules)).work_history
    assert [w.employer for w in work] == ["Springfield Dental Group", "Lakeside Grocery"]
    unruled = interpret(pdf_layout(rows)).work_history  # without rules, lines are not joined
    assert [w.employer for w in unruled][0] == "Springfield"


def test_stacked_label_and_value_are_not_joined_as_a_wrapped_cell():
    rows = [(1, 80, [(72, "Client name"), (300, "Client SSN")]),
            (1, 92, [(72, "Maria L. Gonzalez"), (300, "900-12-3456")])]
    units = build_units(pdf_layout(rows, rules=((1, 66, 78, 560), (1, 66, 104, 560))))
    assert [u.text for u in units] == ["Client name", "Client SSN", "Maria L. Gonzalez", "900-12-3456"]


def test_two_columns_of_labels_with_values_under_them():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "PART ONE: CONTACT INFORMATION")]),
            (1, 80, [(72, "Provider")]),
            (1, 95, [(72, "Provider name"), (320, "Customer name")]),
            (1, 108, [(72, "Riverbend Career Partners"), (320, "Chinedu Okafor")]),
            (1, 123, [(72, "Vendor ID"), (320, "Social Security #")]),
            (1, 136, [(72, "EN0028814"), (320, "904-62-7719")])]
    # The left column starts one line lower: its labels share lines with the right column's values.
    shifted = [(p, top + (13 if segs[0][0] == 72 and top > 80 else 0), segs) for p, top, segs in rows]
    split = []
    for page, top, segs in shifted:
        split += [(page, top, [s]) for s in segs]
    r = interpret(pdf_layout(sorted(split, key=lambda row: row[1])))
    assert (r.en.name, r.en.pid, r.ticketholder.name, r.ticketholder.ssn) == (
        "Riverbend Career Partners", "EN0028814", "Chinedu Okafor", "904-62-7719")


def test_a_caption_is_never_a_value():
    r = interpret(_word("""Modality: Telephone
Synopsis: Kevin wants warehouse work again; his experience makes the goals reasonable and attainable now.
# Employment Goals
# Short-term goal
Target occupation:
Hours per week:
Gross monthly wages:
# Long-term goal
Target occupation: Warehouse lead
Hours per week: 40
Gross monthly wages: $3,100.00 monthly
Target date: within 3 years
"""))
    assert r.employment_goals.short_term is None
    long_ = r.employment_goals.long_term
    assert (long_.job_title, long_.hours_per_week, long_.monthly_earnings) == ("Warehouse lead", 40, 3100)


def test_terms_merged_into_paragraphs_are_read_by_their_ideas():
    terms = """# Terms and Conditions
Services under this plan are free to you. Participation is voluntary and you may unassign your Ticket at any time.
The Protection and Advocacy (PABSS) program can help you, free of charge, with disputes.
We will be in touch with you at least monthly while you look for work and at least once a quarter after that.
"""
    present = {t.number for t in interpret(_word(terms)).terms_and_conditions if t.present}
    assert {1, 2, 8, 11} <= present
    without_1 = terms.replace("Services under this plan are free to you. ", "")
    present = {t.number for t in interpret(_word(without_1)).terms_and_conditions if t.present}
    assert 1 not in present and {2, 8, 11} <= present  # PABSS being free is not the EN's services being free


def test_a_request_to_change_the_plan_is_not_the_en_changing_it():
    terms = """# Terms and Conditions
1. Changing the plan. You may request changes to this plan. A change is valid only when both of us
agree and sign it in writing.
"""
    present = {t.number for t in interpret(_word(terms)).terms_and_conditions if t.present}
    assert 4 in present and 3 not in present


def test_a_term_paragraph_split_by_a_page_break_stays_whole():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "EMPLOYMENT GOALS")]),
            (1, 75, [(72, "Long-term goal:"), (250, "Cook, full time, $2,900 per month within 4 years")]),
            (1, 680, [(72, "TERMS AND CONDITIONS")]),
            (1, 700, [(72, "You will report your wages to Social Security and give us your pay stubs. We will be")]),
            (2, 74, [(72, "in touch with you at least monthly while you look for work.")])]
    present = {t.number for t in interpret(pdf_layout(rows)).terms_and_conditions if t.present}
    assert {9, 11} <= present


def test_overlapping_pdf_rectangles_do_not_repeat_the_seam_character():
    prev, run = _Run("Dates worked (1): J", 90.6, 100, 203.5, 110), _Run("June 2023", 202.7, 100, 370, 110)
    _trim_overlap(prev, run)
    assert (prev.text.strip(), run.text) == ("Dates worked (1):", "June 2023")
    apart = _Run("Job", 90, 100, 110, 110)
    _trim_overlap(apart, _Run("Job Coach", 120, 100, 160, 110))  # not overlapping: left alone
    assert apart.text == "Job"


def test_a_term_is_not_gathered_from_sentences_that_state_other_terms():
    terms = """# Terms and Conditions
I know I can contact the state P&A agency (PABSS) for help. I will report my wages to Social Security every month.
"""
    present = {t.number for t in interpret(_word(terms)).terms_and_conditions if t.present}
    assert {8, 9} <= present and 11 not in present  # 'contact' and 'every month' belong to terms 8 and 9
    spread = """# Terms and Conditions
Our services are free and taking part is voluntary. You may take your Ticket to another EN at any time.
"""
    present = {t.number for t in interpret(_word(spread)).terms_and_conditions if t.present}
    assert {1, 2} <= present  # term 2's ideas are spread over both sentences, the second states no other term


def test_boxes_after_their_words_and_yes_no_answers():
    r = interpret(_word("""Modality: In person [ ]   Telephone [x]   Video [ ]
# Services
Job Coaching: [ ] Yes [x] No
Job Placement: [x] Yes [ ] No - referrals to employer partners.
Job Search | [ ] Yes | [x] No
"""))
    assert r.discussion.modality == "telephone"
    services = {s.service: s for s in r.services}
    assert not services["job_coaching"].selected and not services["job_search"].selected
    assert services["job_placement"].selected
    assert services["job_placement"].description == "referrals to employer partners."


def test_a_value_wrapped_onto_the_next_line_is_not_a_heading():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "PART ONE: CONTACT INFORMATION")]),
            (1, 75, [(72, "Employment Network Name: Bright Path")]),
            (1, 88, [(72, "Employment Services")]),
            (1, 110, [(72, "EN Provider ID: EN-104233")]),
            (1, 125, [(72, "Participant Name:"), (250, "Maria L. Gonzalez")])]
    r = interpret(pdf_layout(rows))
    assert (r.en.name, r.en.pid, r.ticketholder.name) == (
        "Bright Path Employment Services", "EN-104233", "Maria L. Gonzalez")


@pytest.mark.parametrize(("text", "section"), [("Section 2: One-on-One Meeting", "discussion"),
                                               ("Section 2", "work_history"),
                                               ("DISCUSSION SUMMARY AND ARRANGEMENT", "discussion")])
def test_a_headings_words_win_over_its_number(text, section):
    assert heading_section(Unit(text, 0, heading_hint=True)) == section


def test_a_date_wrapped_to_the_paragraphs_left_edge():
    rows = [*PDF_HEAD, (1, 300, [(72, "SIGNATURES")]),
            (1, 320, [(72, "Individual's signature: /s/ Erik Lindqvist"), (330, "Date signed: April 14, 2026")]),
            (1, 343, [(72, "Employment Network Signature: /s/ Hannah Moreau"), (386, "Date signed: April 14,")]),
            (1, 356, [(72, "2026")])]
    sig = interpret(pdf_layout(rows)).signatures
    assert (sig.ticketholder.date, sig.en_representative.date) == ("2026-04-14", "2026-04-14")


def test_a_service_name_wrapped_over_a_page_break():
    rows = [*SERVICES_HEAD,
            (1, 720, [(72, "Work Incentives"), (202, "X"), (300, "Thomas is referred")]),
            (2, 74, [(72, "Counseling"), (300, "to a WIPA project.")])]
    counseling = next(s for s in interpret(pdf_layout(rows)).services if s.service == "benefits_counseling")
    assert counseling.selected and counseling.wipa_referral


def test_a_work_history_header_wrapped_over_a_page_break():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "EMPLOYMENT GOALS")]),
            (1, 75, [(72, "Long-term goal:"), (250, "Cook, full time, $2,900 per month within 4 years")]),
            (1, 690, [(72, "WORK HISTORY")]),
            (1, 705, [(72, "Employer name"), (176, "Job title"), (264, "Start"), (350, "End"), (436, "Gross monthly")]),
            (2, 76, [(436, "wages")]),
            (2, 90, [(72, "CityNet Services"), (176, "Help Desk"), (264, "03-2023"), (350, "05-2024"),
                     (436, "$2,600")])]
    bold = ("Employer name", "Job title", "Start", "End", "Gross monthly", "wages")
    work = interpret(pdf_layout(rows, bold=bold)).work_history
    assert [(w.employer, w.start_date, w.monthly_earnings) for w in work] == [("CityNet Services", "2023-03", 2600)]


def test_a_number_label_takes_no_name_from_the_next_column():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "PART ONE: CONTACT INFORMATION")]),
            (1, 80, [(72, "Vendor name"), (320, "Customer")]),
            (1, 95, [(72, "Harbor Light Careers"), (320, "Individual's name")]),
            (1, 110, [(72, "Provider Number"), (320, "Kevin T. Brandt")]),
            (1, 140, [(72, "Staff contact"), (320, "SSN")]),
            (1, 155, [(72, "Luis Ortega"), (320, "901-44-1234")])]
    r = interpret(pdf_layout(rows))
    assert (r.en.name, r.en.pid, r.ticketholder.name, r.ticketholder.ssn) == (
        "Harbor Light Careers", None, "Kevin T. Brandt", "901-44-1234")


def test_an_empty_modality_takes_nothing_from_the_next_label():
    r = interpret(_word("""Method of completion:
Summary of discussion: Aisha met with Priya over Zoom. She wants to return to health care as a nursing assistant.
"""))
    assert r.discussion.modality is None


def test_headings_set_apart_by_larger_type_only():
    rows = [(1, 40, [(72, "Individual work plan")]), (1, 60, [(72, "Contact information")]),
            (1, 80, [(72, "Employment Network:"), (250, "Open Door Staffing")]),
            (1, 95, [(72, "Provider ID:"), (250, "0004417")]),
            (1, 120, [(72, "Employment goals")]),
            (1, 140, [(72, "Long-term goal:"), (250, "Cook, full time, $2,900 per month within 4 years")]),
            (1, 160, [(72, "Terms and conditions")]),
            (1, 180, [(72, "1. Our services are free of charge to you.")])]
    larger = {"Individual work plan": 16.0, "Contact information": 13.0, "Employment goals": 13.0,
              "Terms and conditions": 13.0}
    r = interpret(pdf_layout(rows, sizes=larger))
    assert r.employment_goals.long_term.monthly_earnings == 2900
    assert [t.number for t in r.terms_and_conditions if t.present] == [1]
    headings = [u.heading for u in _sectioned(pdf_layout(rows, sizes=larger)) if u.heading]
    assert headings == ["part1", "goals", "terms"]
    assert not any(u.heading for u in _sectioned(pdf_layout(rows)))  # the same words in body type


def _sectioned(layout: Layout) -> list[Unit]:
    units = build_units(layout)
    assign_sections(units)
    return units


@pytest.mark.parametrize(("text", "section"), [
    ("Who is this plan for?", "part1"), ("When and how did we meet?", "discussion"),
    ("What work have you done?", "work_history"), ("What job do you want?", "goals"),
    ("Step 4 — Your job goals", "goals"), ("How will we help?", "services"),
    ("What are the rules of this plan?", "terms"), ("Step 6 — Agreement", "terms"),
    ("What do you understand?", "sou"), ("Who signed this plan?", "signatures")])
def test_headings_asked_as_questions_or_steps_name_their_section(text, section):
    assert heading_section(Unit(text, 0, heading_hint=True)) == section


def test_signature_of_a_party_is_a_label_not_the_signatures_heading():
    assert heading_section(Unit("Signature of job seeker (or representative)", 0, heading_hint=True)) is None
    assert heading_section(Unit("Signatures", 0, heading_hint=True)) == "signatures"


@pytest.mark.parametrize("mark", ["(•)", "(●)", "◉", "[■]"])
def test_a_filled_radio_button_is_a_ticked_box(mark):
    from iwp_pipeline.extract.layout import CHECKED, EMPTY_BRACKETS, MARKED_BRACKETS

    written = f"{mark} Office visit ( ) Phone call ( ) Online (video)"
    text = EMPTY_BRACKETS.sub("[ ]", MARKED_BRACKETS.sub(CHECKED, written))
    assert text == "[x] Office visit [ ] Phone call [ ] Online (video)"


@pytest.mark.parametrize(("name", "key"), [
    ("Work incentives / benefits planning", "benefits_counseling"), ("Benefits advice", "benefits_counseling"),
    ("Planning your goals", "goal_setting"), ("Career goal planning", "goal_setting"),
    ("On-the-job coaching", "job_coaching"), ("Coaching on the job", "job_coaching"),
    ("Reaching out to employers (job development)", "job_development"), ("Training or classes", "training"),
    ("Help searching for jobs", "job_search"), ("Job search help", "job_search"),
    ("Help getting hired (placement)", "job_placement"),
    ("Follow-up while getting the first job", "follow_up_initial"),
    ("Check-ins while you start out", "follow_up_initial"),
    ("Follow-up once employed", "follow_up_ongoing"), ("Check-ins after you settle in", "follow_up_ongoing"),
    ("Help keeping your job", "job_stabilization"), ("Help moving up at work", "career_advancement")])
def test_plain_language_service_names(name, key):
    r = interpret(_word(f"# Services and Supports\n[x] {name} - weekly meetings with the EN.\n" + TERMS))
    assert [s.service for s in r.services if s.selected] == [key]


def test_a_description_that_opens_with_a_service_name_is_still_the_description():
    r = interpret(_word("# Services and Supports\n[x] Job Coach | Coaching on the job during the first month.\n"
                        "[ ] Job Search | \n" + TERMS))
    coach = next(s for s in r.services if s.service == "job_coaching")
    assert coach.selected and coach.description == "Coaching on the job during the first month."


def test_word_signature_values_on_the_line_under_their_labels():
    r = interpret(_word(TERMS + """# Signatures
Signature of job seeker (or representative)
/s/ Kevin T. Brandt
Date
02/20/2025
Signature of EN staff member
/s/ Luis Ortega
Printed name of EN staff member
Luis Ortega
Date
02/21/2025
"""))
    sig = r.signatures
    assert sig.ticketholder.signed and sig.ticketholder.date == "2025-02-20"
    assert sig.en_representative.signed and sig.en_representative.printed_name == "Luis Ortega"
    assert sig.en_representative.date == "2025-02-21"


def test_dot_leaders_between_a_label_and_its_value():
    r = interpret(pdf_layout([(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "CONTACT INFORMATION")]),
                              (1, 75, [(72, "Employment Network: ............ Open Door Staffing")]),
                              (1, 90, [(72, "EN PID no. ........................"), (300, "0004417")]),
                              (1, 105, [(72, "Beneficiary Name . . . . . . . . Kevin T. Brandt")])]))
    assert (r.en.name, r.en.pid, r.ticketholder.name) == ("Open Door Staffing", "0004417", "Kevin T. Brandt")


@pytest.mark.parametrize("header", ["Where you worked | What you did | From | To | Pay",
                                    "Employer / firm | Job held | Started | Ended | Monthly gross pay",
                                    "Business name | Your position | Began | Left | Pay per month"])
def test_work_history_columns_in_other_words(header):
    r = interpret(_word(f"""# Work History
{header}
Springfield Dental Group | Receptionist | 06/2023 | 09/2024 | $1,200 a month
""" + TERMS))
    assert [(j.employer, j.job_title) for j in r.work_history] == [("Springfield Dental Group", "Receptionist")]


def test_goals_as_career_objectives_with_values_under_labels_and_money_in_dollars():
    r = interpret(_word("""# CAREER OBJECTIVES
Career objective (short range)
Office Assistant — PT, 25 hrs/wk, 14.00 dollars/hour, within 9 months
Career objective (long range)
Administrative Coordinator — FT, 40 hrs/wk, 2,600 dollars/month, within 3 years
""" + TERMS))
    goals = r.employment_goals
    assert goals.short_term is not None and goals.short_term.monthly_earnings == pytest.approx(1516.67, abs=0.01)
    assert goals.long_term is not None and goals.long_term.monthly_earnings == 2600.0


def test_party_label_set_off_by_a_comma():
    r = interpret(_word(TERMS + """# Signatures
EN representative signature: /s/ Luis Ortega
EN representative, printed name: Luis Ortega
"""))
    assert r.signatures.en_representative.printed_name == "Luis Ortega"


@pytest.mark.parametrize(("sentence", "modality"), [("We met by video (Zoom).", "video"),
                                                    ("We talked by phone on March 4.", "telephone"),
                                                    ("We met in person at our office.", "in_person"),
                                                    ("We met one-on-one to talk about work.", None)])
def test_modality_stated_in_a_sentence(sentence, modality):
    r = interpret(layout_from_text(HEAD.replace("Date of Discussion: 02/14/2025", sentence) + TERMS))
    assert r.discussion.modality == modality


def test_labels_with_an_aside_before_the_colon():
    r = interpret(layout_from_text("""# INDIVIDUAL WORK PLAN
# Contact information
Our organization (your EN): Open Door Staffing
Provider no. (PID): P-20931
Helper/rep. name and phone: Janet Brandt, mother, 555-880-3132
# Discussion
Date of Discussion: 02/14/2025
""" + TERMS))
    assert (r.en.name, r.en.pid, r.alternate_contact.name) == ("Open Door Staffing", "P-20931", "Janet Brandt")


def test_goals_labelled_by_their_time_horizon():
    r = interpret(_word("""# What job do you want?
First, within 18 months: Work as a Line Cook, part time (25 hours a week), earning $15.00 an hour.
Later, in 3 to 5 years: Work as a Kitchen Manager, full time, earning about $3,100 per month.
""" + TERMS))
    goals = r.employment_goals
    assert goals.short_term is not None and goals.short_term.job_title == "Line Cook"
    assert goals.long_term is not None and goals.long_term.monthly_earnings == 3100.0


def test_past_jobs_told_as_sentences():
    r = interpret(_word("""# What work have you done?
Receptionist at Springfield Dental Group, June 2023 to September 2024, 20 hours a week, $12.00 an hour.
Cashier at Lakeside Grocery, January 2022 to May 2023, about $700 per month.
We met at the library to talk about work.
""" + TERMS))
    assert [(j.employer, j.job_title, j.start_date) for j in r.work_history] == [
        ("Springfield Dental Group", "Receptionist", "2023-06"), ("Lakeside Grocery", "Cashier", "2022-01")]
    assert r.work_history[1].monthly_earnings == 700.0


def test_plain_language_signature_lines_addressed_to_the_person():
    r = interpret(_word(TERMS + """# Who signed this plan?
You (or your representative): Kevin T. Brandt (signed electronically)
Date: February 20th, 2025
Your contact at the EN: Luis Ortega (signed electronically)
Date: February 21st, 2025
EN contact's printed name: Luis Ortega
"""))
    sig = r.signatures
    assert sig.ticketholder.signed and sig.ticketholder.date == "2025-02-20"
    assert sig.en_representative.signed and sig.en_representative.date == "2025-02-21"
    assert sig.en_representative.printed_name == "Luis Ortega"


def test_your_name_in_a_plan_addressed_to_the_person_is_theirs():
    r = interpret(layout_from_text("""# INDIVIDUAL WORK PLAN
# Who is this plan for?
Your name: Kevin T. Brandt
Our organization (your EN): Open Door Staffing
# Discussion
Date of Discussion: 02/14/2025
""" + TERMS))
    assert r.ticketholder.name == "Kevin T. Brandt"


def test_pdf_signature_values_on_the_line_under_their_labels():
    rows = PDF_HEAD + [(1, 120, [(72, "TERMS AND CONDITIONS")]),
                       (1, 135, [(72, "1. Our services and supports are free of charge to you.")]),
                       (1, 200, [(72, "SIGNATURES")]),
                       (1, 215, [(72, "Signature of job seeker (or representative)")]),
                       (1, 236, [(72, "/s/ Kevin T. Brandt")]),
                       (1, 258, [(72, "Date")]), (1, 279, [(72, "02/20/2025")]),
                       (1, 301, [(72, "Signature of EN staff member")]), (1, 322, [(72, "/s/ Luis Ortega")]),
                       (1, 340, [(72, "Printed name of EN staff member")]), (1, 363, [(72, "Luis Ortega")]),
                       (1, 386, [(72, "Date")]), (1, 407, [(72, "02/21/2025")])]
    sig = interpret(pdf_layout(rows)).signatures
    assert sig.ticketholder.signed and sig.ticketholder.date == "2025-02-20"
    assert sig.en_representative.printed_name == "Luis Ortega" and sig.en_representative.date == "2025-02-21"


def test_a_monospaced_case_record_print_has_its_label_and_value_columns(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "print.pdf"
    c = canvas.Canvas(str(path), pagesize=(612, 792))
    c.setFont("Courier", 9)
    rows = ["INDIVIDUAL WORK PLAN (IWP) - TICKET TO WORK", "-" * 60, "*** RECIPIENT ***", "-" * 60,
            "SERVICE RECIPIENT         Kevin T. Brandt", "SSN                       901-44-1234",
            "*** PROVIDER ***", "PROVIDER (EN)             Harbor Light Careers",
            "PROVIDER ID (PID)         P-20931", "*** PLANNING CONTACT ***", "CONTACT DATE              14 FEB 2025",
            "*** SIGNATURES ***", "RECIPIENT E-SIGNED BY     Kevin T. Brandt", "RECIPIENT SIGN DATE       20 FEB 2025"]
    for i, row in enumerate(rows):
        c.drawString(50, 740 - 14 * i, row)
    c.save()
    layout = read_pdf(path.read_bytes())
    assert [s.text for s in layout.lines[4].segments] == ["SERVICE RECIPIENT", "Kevin T. Brandt"]
    r = interpret(layout)
    assert (r.ticketholder.name, r.ticketholder.ssn) == ("Kevin T. Brandt", "901-44-1234")
    assert (r.en.name, r.en.pid, r.discussion.date) == ("Harbor Light Careers", "P-20931", "2025-02-14")
    assert (r.signatures.ticketholder.signed, r.signatures.ticketholder.date) == (True, "2025-02-20")


PLEDGES = """# Services
Job Search: [x] Yes - weekly leads.
7) Pledges
Pledge 1 Working with us is voluntary. You can take your Ticket back from us at any time.
Pledge 2 We do not charge you anything for the services and supports in this plan.
Pledge 3 We will contact you at least monthly while you look for work, and at least quarterly after you start.
Pledge 4 We will give you the services listed in this plan.
Pledge 5 What you share with us, including about your disability, stays private and confidential.
Pledge 6 We will give you a copy of this plan in large print, braille or another accessible format.
Pledge 7 When you work, you report your wages to Social Security and bring us your pay stubs.
Pledge 8 You agree to make timely progress toward your goals; Social Security reviews your progress.
Pledge 9 If you have a complaint, use our grievance procedure, then the Ticket Program Manager, then SSA.
"""


def test_a_terms_list_under_a_title_the_vocabulary_does_not_know_is_found_by_what_it_says():
    r = interpret(_word(PLEDGES))
    present = {t.number for t in r.terms_and_conditions if t.present}
    assert {1, 2, 5, 6, 9, 11, 12} <= present
    assert [s.service for s in r.services] == ["job_search"]  # the pledges are not read as services


def test_a_few_sentences_stating_terms_elsewhere_do_not_make_a_terms_part():
    r = interpret(_word("""# Services
Job Search: [x] Yes - weekly leads.
Our services are free of charge to you.
Taking part is voluntary; you may take your Ticket back at any time.
"""))
    assert not any(t.present for t in r.terms_and_conditions)


@pytest.mark.parametrize(("text", "section"), [("▾ Services", "services"), ("► Work history (last 18 months)",
                                                                           "work_history"),
                                               ("▾ E-signatures", "signatures")])
def test_a_glyph_before_a_short_line_makes_it_a_title(text, section):
    assert heading_section(Unit(text, 0)) == section


def test_a_status_column_says_which_services_the_plan_gives():
    r = interpret(_word("""# Services
| Service | Status | What we will do |
| Looking for openings | ON | Weekly job leads. |
| A coach beside you at work | OFF |
| Getting hired | [x] Agreed | Referrals to employer partners. |
| Learning new skills | [x] Not needed |
"""))
    services = {s.service: s for s in r.services}
    assert services["job_search"].selected and services["job_search"].description == "Weekly job leads."
    assert services["job_placement"].selected
    assert not services["job_coaching"].selected and services["job_coaching"].description is None
    assert not services["training"].selected  # 'Not needed', whatever the box beside it


def test_a_filled_dot_among_empty_options_is_the_chosen_one_and_a_lone_dot_a_bullet():
    from iwp_pipeline.extract.layout import radio_dots
    assert radio_dots("● In person [ ] Voice call [ ] Video") == "[x] In person [ ] Voice call [ ] Video"
    assert radio_dots("● Weekly job leads") == "● Weekly job leads"


def test_panel_numbers_lead_titles():
    assert heading_section(Unit("Panel 9 — Sign-off", 0)) == "signatures"


def test_a_value_in_parentheses_after_the_colon_is_the_value_and_a_dash_before_a_role_joins_it():
    from iwp_pipeline.extract.units import match_label, person_nouns
    with person_nouns(("veteran", "neighbor")):
        assert match_label("Veteran (or representative) signature: (signed)").rest == "(signed)"
        assert match_label("EN Provider no. (PID): 12345").rest == "12345"
        m = match_label("Neighbor or representative — signature")
        assert m is not None and m.key == "generic.signature"


def test_the_persons_word_is_learned_from_the_title_of_their_statement():
    from iwp_pipeline.extract.units import learn_person_nouns
    assert learn_person_nouns(["8) Neighbor's statement", "Neighbor's full name"]) == ("neighbor",)


def test_a_rate_written_before_the_amount_gives_the_period():
    r = interpret(_word("""# Goals
Short-term goal: Office Assistant, part time, hourly wage of $14.00, 25 hours a week, within 9 months
Long-term goal: Administrative Coordinator, full time, monthly income of $2,600.00, within 3 years
"""))
    assert r.employment_goals.short_term.monthly_earnings == 1516.67
    assert r.employment_goals.long_term.monthly_earnings == 2600.0


def test_a_numbered_title_in_a_heading_style_is_placed_by_its_words_but_a_numbered_question_is_not():
    assert heading_section(Unit("4) Past 18 months of work", 0, heading_hint=True)) == "work_history"
    assert heading_section(Unit("16. Applicant's signature (or representative's)", 0, heading_hint=True)) is None


@pytest.mark.parametrize(("text", "key"), [("Second point of contact (name, relationship, phone)", "alternate.name"),
                                           ("Within 18 months", "goals.short_term"),
                                           ("In 3 to 5 years", "goals.long_term"),
                                           ("Enterprise PID", "en.pid"), ("3-5 year goal: job", "goals.long_term"),
                                           ("18-month goal: job", "goals.short_term"),
                                           ("Goal for 3 to 5 years from now", "goals.long_term"),
                                           ("Peer Network (Employment Network) name", "en.name")])
def test_labels_known_by_what_they_ask_for_their_time_frame_or_their_structure(text, key):
    from iwp_pipeline.extract.units import match_label
    m = match_label(text)
    assert m is not None and m.key == key


def test_a_signature_field_naming_its_own_signer_takes_no_party_from_a_neighbouring_label():
    from iwp_pipeline.extract import fields
    from iwp_pipeline.extract.layout import FormField
    f = FormField("MTR_SIG", "text", value="Dana Whitfield", tooltip="Peer Mentor signature", label="Mentee signature")
    assert fields.field_party(f, "Peer Mentor signature") is None  # so it is the other signer, the EN's
    g = FormField("SIG", "text", value="Ana", tooltip="Signature", label="Customer signature")
    assert fields.field_party(g, "Signature") == "ticketholder"


def test_a_text_box_of_label_lines_is_read_line_by_line():
    from iwp_pipeline.extract.layout import Line
    head = layout_from_text("""# INDIVIDUAL WORK PLAN
# 1 · Who this plan is for""")
    box = Line("The Youth\nFull name: Maria L. Gonzalez\nSocial Security no.: 900-12-3456", paragraph=5)
    r = interpret(replace(head, lines=(*head.lines, box)))
    assert r.ticketholder.ssn is not None and r.ticketholder.ssn.endswith("3456")


@pytest.mark.parametrize(("text", "section"), [("2 · How we planned", "discussion"),
                                               ("6 · Our agreement with you", "terms"),
                                               ("3 · Where I'm headed", "goals"),
                                               ("5 · What We Will Do", "services")])
def test_titles_numbered_with_a_middle_dot_are_placed_by_their_words(text, section):
    assert heading_section(Unit(text, 0, heading_hint=True)) == section


def test_a_table_that_gives_each_job_and_goal_a_column_is_read_sideways():
    r = interpret(_word("""# Goals
| Detail | Next step (within 18 months) | Bigger goal (3 to 5 years) |
| Job | Office Assistant | Administrative Coordinator |
| Hours a week | 25 | 40 |
| Pay | $14.00/h, 25 h/wk | $2,600.00/mth |
| By when | within 9 months | within 3 years |

# Work history
| Past jobs | Job 1 | Job 2 |
| Employer | Springfield Dental Group | Lakeside Grocery |
| Job title | Receptionist | Cashier |
| Started | June, 2023 | January, 2022 |
| Finished | September, 2024 | May, 2023 |
"""))
    goals = r.employment_goals
    assert (goals.short_term.job_title, goals.long_term.job_title) == ("Office Assistant", "Administrative Coordinator")
    assert goals.long_term.monthly_earnings == 2600.0
    assert [(w.employer, w.job_title, w.start_date) for w in r.work_history] == [
        ("Springfield Dental Group", "Receptionist", "2023-06"), ("Lakeside Grocery", "Cashier", "2022-01")]


@pytest.mark.parametrize("texts", [["Assignee e-signature", "Assignee acknowledgment"],
                                   ["PATIENT STATEMENT", "Patient name"]])
def test_the_persons_word_is_learned_from_an_e_signature_or_a_statement_without_an_apostrophe(texts):
    from iwp_pipeline.extract.units import learn_person_nouns
    assert len(learn_person_nouns(texts)) == 1


def test_a_term_merged_into_another_terms_item_is_read_when_each_is_stated_apart():
    from iwp_pipeline.extract.terms import Block, _add_merged_terms
    from iwp_pipeline.reference import terms_catalogue
    text = ("If you have a complaint, begin with our grievance steps. If that does not fix it, you may take it to "
            "the Ticket Program Manager, and then to Social Security. The Protection and Advocacy for Beneficiaries "
            "of Social Security (PABSS) program can also help you.")
    chosen = {7: 0}
    _add_merged_terms(terms_catalogue(), [Block(text, None, None)],
                      {n: [0] if n in (7, 8) else [] for n in range(1, 16)}, chosen)
    assert chosen.get(8) == 0


def test_a_goal_named_with_its_time_frame_and_a_colon():
    from iwp_pipeline.extract.units import match_label
    m = match_label("Target A (within 18 months): Office Assistant - part time")
    assert m is not None and m.key == "goals.short_term" and m.rest.startswith("Office Assistant")
    assert match_label("Short range (within 18 months)") is None  # a goals table's row head, read with its table


def test_signature_label_rows_with_no_party_column_read_their_values_under_them():
    r = interpret(_word("""# Signatures
| Resident (or representative) signature | Date signed |
| Maria L. Gonzalez | 3.10.2025 |

| Coordinator signature | Coordinator (print) | Date signed |
| Dana Whitfield | Dana Whitfield | 3.11.2025 |
""".replace("Resident", "Participant")))
    assert (r.signatures.ticketholder.signed, r.signatures.ticketholder.date) == (True, "2025-03-10")
    en = r.signatures.en_representative
    assert (en.signed, en.printed_name, en.date) == (True, "Dana Whitfield", "2025-03-11")


def test_a_lone_dot_in_a_mark_column_of_empty_boxes_is_a_ticked_box():
    r = interpret(_word("""# Services
| Mark | Support | What we will do |
| ● | Job hunting with your Advisor | Weekly job leads. |
| [ ] | Career exploration and goal choice |
"""))
    services = {s.service: s for s in r.services}
    assert services["job_search"].selected and services["job_search"].description == "Weekly job leads."
    assert not services["goal_setting"].selected and services["goal_setting"].description is None


def test_a_ticked_option_among_many_is_a_short_modality():
    r = interpret(_word("""# Planning meeting
| Meeting setting | [x] In person at the Corps base [ ] Voice call [ ] Video (Google Meet) |
| What we discussed | We met to plan Maria's return to office work. |
"""))
    assert r.discussion.modality == "in_person"


def test_a_statement_of_understanding_in_the_persons_own_words_after_the_terms():
    r = interpret(_word(TERMS + """Section 8 - In your words
I know that Harbor Light Careers will provide the supports and services in this plan to help me reach my employment goals.
"""))
    assert r.statement_of_understanding.present


def test_an_i_statement_among_the_terms_without_the_statements_point_is_no_statement():
    r = interpret(_word(TERMS + """3. I understand that I may ask for changes to the services in this plan at any time.
"""))
    assert not r.statement_of_understanding.present


def test_a_signature_table_whose_first_column_is_headed_signed_by():
    r = interpret(_word("""# Signatures
| Signed by | Signature | Print name | Date |
| Participant (or representative) | Maria L. Gonzalez | Maria L. Gonzalez | 03/10/2025 |
| Apprenticeship Coordinator | Dana Whitfield | Dana Whitfield | 03/11/2025 |
"""))
    th, en = r.signatures.ticketholder, r.signatures.en_representative
    assert (th.signed, th.date) == (True, "2025-03-10")
    assert (en.signed, en.printed_name, en.date) == (True, "Dana Whitfield", "2025-03-11")


def test_words_of_two_labels_apart_on_one_line_are_not_one_label():
    from iwp_pipeline.extract.units import match_label
    assert match_label("Employment Services   Trust PID no.: EN-104233") is None
    assert match_label("Trust PID no.: EN-104233").key == "en.pid"


@pytest.mark.parametrize(("text", "section"), [("C. Our Meeting", "discussion"), ("D. My Work Dreams", "goals"),
                                               ("F. Help I Will Get", "services")])
def test_lettered_titles_in_bold_are_placed_by_their_words(text, section):
    assert heading_section(Unit(text, 0, heading_hint=True)) == section


@pytest.mark.parametrize(("text", "key"), [("Ticket Assignee", "ticketholder.name"),
                                           ("Assignee e-signature", "generic.signature"),
                                           ("Signed (date)", "generic.date")])
def test_e_signature_labels(text, key):
    from iwp_pipeline.extract.units import match_label, person_nouns
    with person_nouns(("assignee",)):
        m = match_label(text)
    assert m is not None and m.key == key


def test_service_names_with_a_bracketed_or_trailing_word_and_an_ordered_status():
    r = interpret(_word("""# SERVICE ORDERS
| Service | Status | Plan detail |
| Work incentives planning (benefits) | Ordered | A WIPA referral through the Help Line. |
| Skills training referral | Not ordered |
"""))
    services = {s.service: s for s in r.services}
    assert services["benefits_counseling"].selected
    assert services["benefits_counseling"].description == "A WIPA referral through the Help Line."
    assert not services["training"].selected and services["training"].description is None


@pytest.mark.parametrize(("text", "key"), [("Clinic visit", "in_person"), ("Telehealth - video", "video"),
                                           ("Telehealth - audio only", "telephone")])
def test_encounter_types_as_ways_of_meeting(text, key):
    assert normalise_modality(text) == key


def test_label_and_value_set_apart_by_an_em_dash():
    from iwp_pipeline.extract.units import match_label
    assert match_label("Learning Center (Employment Network) — Bright Path").rest == "Bright Path"
    assert match_label("When we met — the 4th of March, 2025").key == "discussion.date"
    assert match_label("What we talked about — We met one-on-one").key == "discussion.summary"
    assert match_label("Near goal (up to 18 months) — Office Assistant").key == "goals.short_term"


def test_a_caption_before_the_first_label_shows_labels_stand_over_their_values():
    from iwp_pipeline.extract.interpret import _labels_under_values
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "C. Our Meeting")]),
            (1, 75, [(72, "When did we meet?:")]), (1, 88, [(72, "04 March 2025")]),
            (1, 101, [(72, "What we talked about:")]), (1, 114, [(72, "We met to plan a return to work.")]),
            (1, 140, [(72, "D. My Work Dreams")]), (1, 155, [(72, "How many hours?:")]), (1, 168, [(72, "25")]),
            (1, 181, [(72, "Short-term goal:")]), (1, 194, [(72, "Office Assistant")])]
    units = build_units(pdf_layout(rows, bold=("C. Our Meeting", "D. My Work Dreams")))
    assign_sections(units)
    assert not _labels_under_values(units)


def test_an_abbreviated_staff_title_is_no_word_for_the_person():
    from iwp_pipeline.extract.units import learn_person_nouns
    texts = ["My Employment Support Professional (ESP):", "ESP signature", "ESP name (printed)", "My name:"]
    assert learn_person_nouns(texts) == ()


def test_a_question_mark_ends_a_label_and_my_signature_is_the_persons():
    from iwp_pipeline.extract.units import match_label, party_of
    assert match_label("How did we meet?: In person").rest == "In person"
    assert party_of("My signature (or my representative's)") == "ticketholder"


def test_y_and_n_marks_and_service_lines_with_an_em_dash():
    from iwp_pipeline.extract.layout import CHECKED, EMPTY_BRACKETS, MARKED_BRACKETS, UNCHECKED
    assert MARKED_BRACKETS.sub(CHECKED, "[Y] Job search") == "[x] Job search"
    assert EMPTY_BRACKETS.sub(UNCHECKED, "[N] Job search") == "[ ] Job search"
    r = interpret(_word("""# Services
[x] Understanding your benefits — We refer you to a WIPA project through the Help Line.
[ ] Deciding on a work goal
"""))
    services = {s.service: s for s in r.services}
    assert services["benefits_counseling"].selected
    assert services["benefits_counseling"].description.startswith("We refer you")
    assert not services["goal_setting"].selected


def test_signature_lines_naming_their_signer_before_an_em_dash():
    r = interpret(_word("""# Signatures
Participant or representative — Maria L. Gonzalez
Signed on — 03/10/2025
Learner Navigator — Dana Whitfield
Navigator's printed name — Dana Whitfield
Signed on — 03/11/2025
"""))
    th, en = r.signatures.ticketholder, r.signatures.en_representative
    assert (th.signed, th.date) == (True, "2025-03-10")
    assert (en.signed, en.printed_name, en.date) == (True, "Dana Whitfield", "2025-03-11")


def test_small_capitals_stay_one_word():
    from iwp_pipeline.extract.pdf_reader import _join
    capital, rest = _Run("M", 72, 100, 79.5, 110, size=10), _Run("EMBER", 80.8, 101, 110, 110, size=8)
    assert _join([capital, rest]) == "MEMBER"
    apostrophe, s = _Run("MEMBER'", 72, 100, 110, 110, size=8), _Run("S FULL NAME", 111.5, 101, 160, 110, size=8)
    assert _join([apostrophe, s]) == "MEMBER'S FULL NAME"
    assert _join([_Run("A", 72, 100, 79, 110, size=10), _Run("BIG", 86, 100, 100, 110, size=10)]) == "A BIG"
