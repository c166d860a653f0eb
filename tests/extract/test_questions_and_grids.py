"""Plans written as marked questions and answers, status columns, Yes / No box pairs, whole jobs in one
line, goal grids on a page, dot-leader rows and letter-spaced titles (reader round 10)."""

from __future__ import annotations

import io

import pytest

from iwp_pipeline.extract.fields import in_no_column, listed_parts
from iwp_pipeline.extract.interpret import interpret
from iwp_pipeline.extract.layout import FormField
from iwp_pipeline.extract.units import as_label, build_units, match_label
from tests.extract.layouts import layout_from_text, pdf_layout

TITLE = [(1, 60, [(50, "INDIVIDUAL WORK PLAN (IWP) - Ticket to Work")]), (1, 75, [(50, "EN PID: EN-400500")])]
"""A flat page's title and PID lines: enough to make a few rows a work plan."""

QUESTIONS = """
# Your Work Plan
# 1. About you
Q1. What is your name? (the Customer)
Answer: Tomas R. Ibarra
Q2. What is your Social Security number?
Answer: 900-44-1298
Q3. What phone number should we call you on?
Answer: 555-777-1200
# 2. About the Hub (Employment Network)
Q4. Which Career Hub is your Employment Network?
Answer: Northgate Career Hub
Q5. What is the Hub's provider number (PID)?
Answer: EN-773311
Q6. Who is your Employment Specialist?
Answer: Ruth Okonkwo
# 3. Our planning meeting
Q7. On what day did we meet?
Answer: 12 May 2025
Q8. How did we meet?
Answer: Face to face at the Hub
Q9. What did we talk about, and why do your goals fit you?
Answer: Tomas wants steady warehouse work and has forklift experience from his last job.
# 4. Goals
Q10. What job do you want within the next 18 months?
Answer: Forklift operator, full time, 40 hours a week, $19.00 an hour, within 6 months
Q11. What job do you want 3 to 5 years from now?
Answer: Warehouse lead, full time, 40 hours a week, $3,900.00 monthly, within 4 years
# 5. Services from the Hub
Q12. Will the Hub provide “Help with your job search”?
Answer: Yes. Two job leads a week and help with each application.
Q13. Will the Hub provide “Training”?
Answer: No.
Q14. Will the Hub provide “Getting placed in a job”?
Answer: Yes. Referrals to three logistics employers.
"""


def test_a_plan_of_marked_questions_and_answers_is_read_as_captions_over_values():
    record = interpret(layout_from_text(QUESTIONS))
    assert record.ticketholder.name == "Tomas R. Ibarra"
    assert record.ticketholder.ssn == "900-44-1298"
    assert record.en.name == "Northgate Career Hub"
    assert record.en.pid == "EN-773311"
    assert str(record.discussion.date) == "2025-05-12"
    assert record.discussion.modality == "in_person"
    assert record.discussion.summary.startswith("Tomas wants steady warehouse work")
    short, long = record.employment_goals.short_term, record.employment_goals.long_term
    assert short.job_title == "Forklift operator" and short.hours_per_week == 40
    assert long.monthly_earnings == 3900.0
    chosen = {s.service: s.description for s in record.services if s.selected}
    assert set(chosen) == {"job_search", "job_placement"}
    assert chosen["job_placement"] == "Referrals to three logistics employers."
    assert not any(s.selected for s in record.services if s.service == "training")


def test_an_a_after_anything_but_a_marked_question_stays_as_written():
    layout = layout_from_text("""
# A. About you
Name: Tomas R. Ibarra
A. The plan starts when both of us sign it.
Q. What is your name?
Answer: Tomas
""")
    texts = [u.text for u in build_units(layout)]
    assert "A. About you" in texts and "A. The plan starts when both of us sign it." in texts
    assert "Q. What is your name?" in texts and "Answer: Tomas" in texts  # one pair: not a plan of questions
    three = layout_from_text("\n".join(f"Q{i}. What is your name?\nAnswer: Tomas" for i in range(3)))
    assert [u.text for u in build_units(three)][:2] == ["What is your name?", "Tomas"]


@pytest.mark.parametrize("question, label", [
    ("What is your name? (the Customer)", "your name:"),
    ("Which Career Hub is your Employment Network?", "Career Hub (Employment Network):"),
    ("Which Library Desk (Employment Network) is this?", "Library Desk (Employment Network):"),
    ("Who is your Employment Specialist?", "Employment Specialist:"),
    ("What phone number should we call you on?", "phone number:"),
    ("Will the Hub provide “Training”?", "Training"),
    ("What did we talk about, why are your goals within reach, and how will the Hub help you get there?",
     "What did we talk about:"),
    ("How did we meet?", "How did we meet?"),  # a label as it is
    ("Do you have a car?", "Do you have a car?"),  # nothing asked for that a label names
])
def test_a_question_as_the_caption_of_what_it_asks_for(question, label):
    assert as_label(question) == label


def test_captions_read_from_questions():
    assert match_label("Career Hub (Employment Network):").key == "en.name"
    assert match_label("Employment Specialist:").key == "en.contact_person"
    assert match_label("What is the Hub's provider number (PID)?").key == "en.pid"
    assert match_label("Day of the talk").key == "discussion.date"
    assert match_label("Date held: 4 March 2025").key == "discussion.date"
    assert match_label("Met by").key == "discussion.modality"


def test_a_status_word_in_a_column_left_of_the_service():
    rows = [*TITLE, (1, 100, [(50, "SUPPORTS")]),
            (1, 120, [(50, "Provided?"), (120, "Support"), (270, "What staff will do")]),
            (1, 135, [(50, "Yes"), (120, "Help with benefits questions"), (270, "Referral to a WIPA counselor.")]),
            (1, 150, [(50, "No"), (120, "Coach at the job site")]),
            (1, 165, [(50, "Yes"), (120, "Job hunting help"), (270, "Weekly leads by email.")]),
            (1, 180, [(50, "No"), (120, "Skills training")])]
    record = interpret(pdf_layout(rows, bold=("SUPPORTS",)))
    chosen = {s.service for s in record.services if s.selected}
    assert chosen == {"benefits_counseling", "job_search"}


@pytest.mark.parametrize("name, tooltip, is_no", [
    ("chkSvcCoachNo", None, True),
    ("svc_coach_no", None, True),
    ("Check7", "Worksite coaching: No", True),
    ("chkSvcCoachYes", "Worksite coaching: Yes", False),
    ("chkMoreInfo", None, False),
    ("chkSvcCasino", None, False),
])
def test_the_no_box_of_a_pair_by_its_name_or_tooltip(name, tooltip, is_no):
    assert in_no_column(FormField(name=name, kind="checkbox", tooltip=tooltip)) is is_no


@pytest.mark.parametrize("caption, value, want", [
    ("Job 1 (employer, title, dates, hours, pay)",
     "Harbor Foods, Stocker, 02/2024-11/2024, 30 hrs/wk, $15.50/hr",
     {"work.employer": "Harbor Foods", "work.job_title": "Stocker", "work.hours": "30 hrs/wk",
      "work.earnings": "$15.50/hr"}),
    ("Job 2 (employer; position; pay)", "Acme, Inc.; Clerk; $1,200 monthly",
     {"work.employer": "Acme, Inc.", "work.job_title": "Clerk", "work.earnings": "$1,200 monthly"}),
    ("Job 1 (employer, title, pay)", "Harbor Foods, Stocker", {"work.employer": "Harbor Foods"}),
    ("Contact (name, phone)", "Ana, 555-1000", None),
])
def test_a_job_written_whole_under_a_caption_listing_its_parts(caption, value, want):
    got = listed_parts(caption, value)
    if want is None:
        assert got is None
    else:
        assert {k: v for k, v in (got or {}).items() if k in want} == want


def test_jobs_written_whole_beside_captions_listing_their_parts():
    rows = [*TITLE, (1, 100, [(50, "WORK HISTORY, LAST 18 MONTHS")]),
            (1, 120, [(50, "Job 1 (employer, title, dates, hours, pay)"),
                      (300, "Harbor Foods, Stocker, 02/2024-11/2024, 30 hrs/wk, $15.50/hr")]),
            (1, 140, [(50, "Job 2 (employer, title, dates, hours, pay)"),
                      (300, "City Parks, Groundskeeper, 03/2023-01/2024, 20 hrs/wk, $900.00 monthly")])]
    record = interpret(pdf_layout(rows, bold=("WORK HISTORY, LAST 18 MONTHS",)))
    assert [j.employer for j in record.work_history] == ["Harbor Foods", "City Parks"]
    assert record.work_history[1].monthly_earnings == 900.0


def test_a_goal_grid_on_a_page_under_captions_some_unknown():
    rows = [*TITLE, (1, 100, [(50, "EMPLOYMENT GOALS")]),
            (1, 120, [(50, "Horizon"), (135, "Job"), (250, "Hrs/wk"), (290, "FT/PT"), (330, "Pay"), (450, "Target")]),
            (1, 135, [(50, "Within 18 months"), (135, "Stock clerk"), (250, "30"), (290, "PT"),
                      (330, "16.00 USD hourly"), (450, "within 6 months")]),
            (1, 150, [(50, "3 to 5 years"), (135, "Store manager"), (250, "40"), (290, "FT"),
                      (330, "3,800.00 USD monthly"), (450, "within 4 years")])]
    goals = interpret(pdf_layout(rows, bold=("EMPLOYMENT GOALS",))).employment_goals
    assert goals.short_term.job_title == "Stock clerk"
    assert goals.short_term.hours_per_week == 30 and goals.short_term.full_time is False
    assert goals.short_term.monthly_earnings == 2080.0
    assert goals.long_term.full_time is True and goals.long_term.monthly_earnings == 3800.0


def test_rows_opened_by_dot_leaders_are_not_joined_to_the_value_above():
    rows = [(1, 100, [(50, "PAST WORK")]),
            (1, 120, [(50, "Work 1 . . . . . . . . . . ."),
                      (266, "Stocker with Harbor Foods, Feb 2024 - Nov 2024, 30")]),
            (1, 131, [(266, "hours weekly, $15.50 hourly")]),
            (1, 146, [(50, "Work 2 . . . . . . . . . . ."), (266, "Clerk with City Parks, Mar 2023 - Jan 2024, 20")]),
            (1, 157, [(266, "hours weekly, $900.00 monthly")])]
    texts = [u.text for u in build_units(pdf_layout(rows, bold=("PAST WORK",), rules=((1, 40, 110, 560),)))]
    assert "Stocker with Harbor Foods, Feb 2024 - Nov 2024, 30 hours weekly, $15.50 hourly" in texts
    assert "Clerk with City Parks, Mar 2023 - Jan 2024, 20 hours weekly, $900.00 monthly" in texts


def test_signatures_marked_signed_and_dated_after_a_dash():
    record = interpret(layout_from_text("""
INDIVIDUAL WORK PLAN (IWP) - Ticket to Work
EN PID: EN-400500
# 9. SIGNATURES.
(a) Veteran (or representative): //signed// Tomas R. Ibarra
(b) Date: 20 May 2025
(c) Employment Officer: //signed// Ruth Okonkwo
(d) Employment Officer, printed name: Ruth Okonkwo
(e) Date: 21 May 2025
"""))
    assert record.signatures.ticketholder.signed and str(record.signatures.ticketholder.date) == "2025-05-20"
    assert record.signatures.en_representative.signed
    assert str(record.signatures.en_representative.date) == "2025-05-21"


def test_a_service_row_named_like_a_goal_stays_in_the_services_part():
    rows = [*TITLE, (1, 100, [(50, "SERVICES AND SUPPORTS")]),
            (1, 120, [(50, "Benefits planning"), (235, "[x] Yes"), (290, "[ ] No")]),
            (1, 133, [(238, "Referral to a WIPA counselor.")]),
            (1, 150, [(50, "Career goal review"), (235, "[ ] Yes"), (290, "[x] No")]),
            (1, 170, [(50, "Placement help"), (235, "[x] Yes"), (290, "[ ] No")]),
            (1, 183, [(238, "Referrals to three employers.")])]
    record = interpret(pdf_layout(rows, bold=("SERVICES AND SUPPORTS", "Career goal review")))
    chosen = {s.service: s.description for s in record.services if s.selected}
    assert chosen == {"benefits_counseling": "Referral to a WIPA counselor.",
                      "job_placement": "Referrals to three employers."}


def _letter_spaced_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("Helvetica-Bold", 10)
    x = 200.0
    for word in ("THE", "PROGRAM"):  # each letter set on its own, words further apart
        for letter in word:
            c.drawString(x, 700, letter)
            x += 10
        x += 18
    c.setFont("Helvetica", 10)
    c.drawString(50, 680, "Program PID: EN-400500")
    c.save()
    return out.getvalue()


def test_a_letter_spaced_title_reads_as_its_words():
    from iwp_pipeline.extract.pdf_reader import read_pdf

    texts = [line.text for line in read_pdf(_letter_spaced_pdf()).lines]
    assert "THE PROGRAM" in texts


@pytest.mark.parametrize("text, monthly", [
    ("$4,550.00 per quarter", 1516.67),
    ("$7,800 quarterly", 2600.0),
    ("$900/qtr", 300.0),
])
def test_pay_by_the_quarter(text, monthly):
    from iwp_pipeline.values import parse_money

    money = parse_money(text)
    assert money is not None and money.monthly == monthly and money.period == "quarter"


def test_a_coded_modality_read_through_its_legend_and_e_signed_lines():
    record = interpret(pdf_layout([
        *TITLE,
        (1, 100, [(50, "Planning contact")]),
        (1, 120, [(50, "Contact date"), (300, "12 May 2025")]),
        (1, 135, [(50, "Contact type"), (300, "VC")]),
        (1, 150, [(50, "Contact types: IP = in person · TC = telephone call · VC = video call")]),
        (1, 200, [(50, "Signatures")]),
        (1, 220, [(50, "Plan Member (or representative)")]),
        (1, 235, [(50, "e-signed: Tomas R. Ibarra")]),
        (1, 250, [(50, "Signed on"), (300, "20 May 2025")]),
        (1, 270, [(50, "Care Coordinator")]),
        (1, 285, [(50, "e-signed: Ruth Okonkwo")]),
        (1, 300, [(50, "Printed name"), (300, "Ruth Okonkwo")]),
        (1, 315, [(50, "Signed on"), (300, "21 May 2025")]),
    ], bold=("Planning contact", "Signatures")))
    assert record.discussion.modality == "video"
    assert record.signatures.ticketholder.signed and str(record.signatures.ticketholder.date) == "2025-05-20"
    assert record.signatures.en_representative.printed_name == "Ruth Okonkwo"
    assert str(record.signatures.en_representative.date) == "2025-05-21"


def test_a_pdf_signature_grid_with_its_role_column_second():
    signatures = interpret(pdf_layout([
        *TITLE,
        (1, 100, [(90, "Signature certificate")]),
        (1, 120, [(90, "Signer (printed name)"), (206, "Role"), (343, "Electronic signature"), (465, "Date signed")]),
        (1, 140, [(90, "Tomas R. Ibarra"), (206, "Member (or representative)"), (342, "/e/ Tomas R. Ibarra"),
                  (465, "May 20, 2025")]),
        (1, 160, [(90, "Ruth Okonkwo"), (206, "Program Representative"), (342, "/e/ Ruth Okonkwo"),
                  (465, "May 21, 2025")]),
    ], bold=("Signature certificate",))).signatures
    assert signatures.ticketholder.signed and str(signatures.ticketholder.date) == "2025-05-20"
    assert signatures.en_representative.printed_name == "Ruth Okonkwo"
    assert str(signatures.en_representative.date) == "2025-05-21"


def test_goals_as_columns_with_their_captions_down_the_left():
    goals = interpret(pdf_layout([
        *TITLE,
        (1, 100, [(50, "Goals")]),
        (1, 120, [(235, "Short-term (within 18 months)"), (380, "Long-term (3 to 5 years)")]),
        (1, 135, [(90, "Job"), (235, "Stock clerk"), (380, "Store manager")]),
        (1, 150, [(90, "Full or part time"), (235, "Part time"), (380, "Full time")]),
        (1, 165, [(90, "Schedule"), (235, "30 hrs/wk"), (380, "40 hrs/wk")]),
        (1, 180, [(90, "Pay"), (235, "$16.00/hr"), (380, "$3,800.00/mo")]),
        (1, 195, [(90, "Target date"), (235, "within 6 months"), (380, "within 4 years")]),
    ], bold=("Goals",))).employment_goals
    assert goals.short_term.job_title == "Stock clerk" and goals.short_term.monthly_earnings == 2080.0
    assert goals.short_term.full_time is False
    assert goals.long_term.job_title == "Store manager" and goals.long_term.monthly_earnings == 3800.0


def test_a_word_profile_of_titled_cells_and_first_person_parts():
    from iwp_pipeline.extract.layout import Layout, Line

    cells = [
        ("About me\nMy name: Tomas R. Ibarra\nMy Social Security number: 900-44-1298", True),
        ("Someone who supports me\nName: Ana Ibarra\nRelationship: Aunt\nPhone: 555-777-1300", True),
        ("Where I'm headed\nSoon (within 18 months): I want to work as a Stock clerk — part time, 30 hours a week — "
         "$16.00 an hour — within 6 months", True),
        ("Where I've worked (last 18 months)\nJob 1: Harbor Foods — Stocker — Feb '24 to Nov '24 — "
         "30 hours a week — $2,015 a month", True),
    ]
    lines = [Line("My Work Plan — Individual Work Plan (Ticket to Work)", paragraph=0, bold=True),
             Line("EN PID: EN-400500", paragraph=1)]
    lines += [Line(text, table=0, row=0, cell=i, title_bold=title) for i, (text, title) in enumerate(cells)]
    record = interpret(Layout(kind="docx", pages=1, lines=tuple(lines)))
    assert record.ticketholder.name == "Tomas R. Ibarra"
    assert record.alternate_contact.name == "Ana Ibarra"
    assert record.employment_goals.short_term.job_title == "Stock clerk"
    assert [j.employer for j in record.work_history] == ["Harbor Foods"]


def test_chips_two_to_a_line_and_what_will_be_done_for_each_listed_after():
    rows = [*TITLE, (1, 100, [(50, "Services")]),
            (1, 120, [(50, "[x] Benefits and budgeting counseling"), (300, "Career goal planning")]),
            (1, 135, [(50, "Job coaching at work"), (300, "[x] Employer relationships")]),
            (1, 150, [(50, "[x] Job search sessions"), (300, "Accommodation requests")]),
            (1, 175, [(50, "What the Coach will do for each included service")]),
            (1, 190, [(50, "Benefits and budgeting counseling")]),
            (1, 203, [(60, "Referral to a certified benefits counselor at the WIPA project.")]),
            (1, 220, [(50, "Employer relationships")]),
            (1, 233, [(60, "Introductions to three hiring managers in retail.")]),
            (1, 250, [(50, "Job search sessions")]),
            (1, 263, [(60, "Weekly leads and help with every application.")])]
    record = interpret(pdf_layout(rows, bold=("Services", "Benefits and budgeting counseling", "Employer relationships",
                                              "Job search sessions")))
    chosen = {s.service: s.description for s in record.services if s.selected}
    assert set(chosen) == {"benefits_counseling", "job_development", "job_search"}
    assert chosen["job_development"] == "Introductions to three hiring managers in retail."


def test_a_column_of_help_notes_beside_a_forms_rows_is_not_read_as_values():
    record = interpret(pdf_layout([
        *TITLE,
        (1, 100, [(50, "Area 1 · Account holder"), (395, "Why we ask")]),
        (1, 120, [(50, "Account holder's full name"), (395, "Use the name on your Social Security records.")]),
        (1, 132, [(54, "Tomas R. Ibarra")]),
        (1, 150, [(50, "Someone else we may speak with (name, relationship, phone)"),
                  (395, "We call this person only if we cannot reach you.")]),
        (1, 162, [(54, "Ana Ibarra, Aunt, 555-777-1300")]),
        (1, 190, [(50, "Area 2 · Planning session"), (395, "Why we ask")]),
        (1, 210, [(50, "How the session took place"), (395, "Choose one.")]),
        (1, 222, [(54, "[ ] Video session")]),
        (1, 234, [(54, "[x] In person at a partner site")]),
    ], bold=("Area 1 · Account holder", "Area 2 · Planning session")))
    assert record.ticketholder.name == "Tomas R. Ibarra"
    assert record.alternate_contact.name == "Ana Ibarra"
    assert record.discussion.modality == "in_person"


def test_a_pointer_set_on_an_empty_box_is_the_chosen_option():
    from iwp_pipeline.extract.pdf_reader import _normalise

    assert _normalise("○ ▸ In person at a partner site") == "[x] In person at a partner site"
    assert _normalise("▸ Services") == "▸ Services"  # a title's glyph, no box


@pytest.mark.parametrize("name, label, service", [
    ("iwp[services][job_development][details]", "Online skills courses", "job_development"),
    ("iwp[services][training][details]", "Job board coaching", "training"),
    ("svc_job_search_notes", "Accommodation requests", "job_search"),
    ("training_type", "Job search help", "job_search"),  # no service's own key: the printed words
])
def test_a_field_named_with_the_records_own_service_key(name, label, service):
    from iwp_pipeline.extract.fields import service_of

    assert service_of(FormField(name=name, kind="text", label=label)) == service


def test_an_account_holders_e_signature_caption():
    assert match_label("Member (or representative) e-signature").key == "generic.signature"


# --- round 11 (final22 and final23 opened) -------------------------------------------------------------------


def test_a_memorandum_with_numbered_articles_in_cells_beside_their_titles():
    record = interpret(layout_from_text("""
MEMORANDUM OF UNDERSTANDING
Individual Work Plan — Ticket to Work program
ARTICLE 1 | The Crew Applicant
▸ Crew Applicant: Tomas R. Ibarra
▸ Social Security no.: 900-44-1298
▸ Who else we can call (name, relationship, phone): Ana Ibarra, Aunt, 555-777-1300
ARTICLE 2 | The Restaurant Group (Employment Network)
▸ Restaurant Group (Employment Network): Northgate Foods
▸ Franchise EN code (PID): EN-773311
ARTICLE 3 | The Hiring Conversation
▸ Date we talked: 2025.05.12
▸ Where we talked: Across the table at one of our restaurants
ARTICLE 4 | Career Path
Step | Position | Hours a week | Pay | Reach by
Step 1 · first 18 months | Line cook | 30 | $16.00/h | within 6 months
ARTICLE 5 | Work in the Last 18 Months
Harbor Foods — Stocker — 2024.02 to 2024.11 — 30 h/wk — $15.50/h
"""))
    assert record.ticketholder.name == "Tomas R. Ibarra" and record.ticketholder.ssn == "900-44-1298"
    assert record.en.name == "Northgate Foods" and record.en.pid == "EN-773311"
    assert str(record.discussion.date) == "2025-05-12" and record.discussion.modality == "in_person"
    assert record.alternate_contact.name == "Ana Ibarra"
    assert [(j.employer, j.start_date) for j in record.work_history] == [("Harbor Foods", "2024-02")]
    assert record.statement_of_understanding.present is False  # the memorandum's title is no statement


def test_numbered_boxes_of_a_word_form_caption_their_values():
    from iwp_pipeline.extract.layout import Layout, Line

    cells = ["1 Industry Jobseeker — full name\nTomas R. Ibarra", "2 Social Security number\n900-44-1298",
             "9 Date of meeting\n2025-05-12", "10 Meeting held: At the Association’s training centre",
             "11 Meeting held: Telephone call\n[x]", "12 Meeting held: Video conference"]
    lines = [Line("INDIVIDUAL WORK PLAN (TICKET TO WORK)", paragraph=0, bold=True),
             Line("EN PID: EN-400500", paragraph=1)]
    lines += [Line(text, table=0, row=0, cell=i) for i, text in enumerate(cells)]
    record = interpret(Layout(kind="docx", pages=1, lines=tuple(lines)))
    assert record.ticketholder.name == "Tomas R. Ibarra"
    assert record.discussion.modality == "telephone"
    assert match_label("At the Association’s training centre") is None
    from iwp_pipeline.extract.interpret import normalise_modality

    assert normalise_modality("At the Association’s training centre") == "in_person"


def test_a_document_titled_as_a_kind_of_agreement_is_not_a_part():
    from iwp_pipeline.extract.units import Unit, heading_section

    for title in ("LETTER OF AGREEMENT", "MEMORANDUM OF UNDERSTANDING"):
        assert heading_section(Unit(title, 0, heading_hint=True)) is None
    assert heading_section(Unit("Statement of Understanding", 0, heading_hint=True)) == "sou"


def test_an_encounter_note_with_lettered_soap_parts():
    record = interpret(layout_from_text("""
# ENCOUNTER NOTE — INDIVIDUAL WORK PLAN
Peer Participant: Tomas R. Ibarra
EN PID: EN-400500
# S Subjective — what we discussed, why the goals are within reach, how the Center will help
Tomas wants steady warehouse work and has forklift experience from his last job, so the goals fit; the
Center's job leads and benefits planning will help him reach them within the year.
# P Plan — services ordered for this Participant
# | Service | Order status | What the Coach will do
P1 | Money-and-benefits planning | ORDERED | Referral to a WIPA counselor.
P2 | Job coaching | not ordered
P3 | Job-search sessions with your coach | ORDERED | Two job leads a week.
"""))
    assert record.discussion.summary.startswith("Tomas wants steady warehouse work")
    chosen = {s.service for s in record.services if s.selected}
    assert chosen == {"benefits_counseling", "job_search"}


def test_numbered_boxes_of_a_flat_form_and_the_other_signers_box():
    assert match_label("6 DISTRICT EN NO. (PID)").key == "en.pid"
    assert match_label("12 Main Street") is None
    signatures = interpret(pdf_layout([
        *TITLE,
        (1, 100, [(50, "SIGNATURES")]),
        (1, 120, [(50, "32 YOUNG ADULT (OR REPRESENTATIVE) SIGNATURE"), (400, "33 DATE")]),
        (1, 132, [(50, "Tomas R. Ibarra"), (400, "MAY 20, 2025")]),
        (1, 150, [(50, "34 TRANSITION COORDINATOR SIGNATURE"), (250, "35 PRINTED NAME"), (400, "36 DATE")]),
        (1, 162, [(50, "Ruth Okonkwo"), (250, "Ruth Okonkwo"), (400, "MAY 21, 2025")]),
    ], bold=("SIGNATURES",))).signatures
    assert signatures.ticketholder.signed and str(signatures.ticketholder.date) == "2025-05-20"
    assert signatures.en_representative.printed_name == "Ruth Okonkwo"
    assert str(signatures.en_representative.date) == "2025-05-21"


def test_services_described_in_numbered_notes_under_the_table():
    record = interpret(layout_from_text("""
INDIVIDUAL WORK PLAN (IWP) - Ticket to Work
EN PID: EN-400500
# 06 — Supports from the Housing Provider
Support | In this plan?
Rent, benefits and income planning | Yes — see note 1
Job coach at the worksite | No
Searching and applying for jobs | Yes — see note 2
Note 1.   Referral to a WIPA counselor.
Note 2.   Two job leads a week and help with each application.
"""))
    chosen = {s.service: s.description for s in record.services if s.selected}
    assert chosen == {"benefits_counseling": "Referral to a WIPA counselor.",
                      "job_search": "Two job leads a week and help with each application."}


def test_one_underlined_option_among_options_set_apart_by_slashes():
    from iwp_pipeline.extract.docx_reader import _BLANK_CLOSE, _BLANK_OPEN, _underlined_option

    text = f"In person (home visit or office) / By phone / {_BLANK_OPEN}By video call{_BLANK_CLOSE}"
    assert _underlined_option(text) == "[ ] In person (home visit or office)  [ ] By phone  [x] By video call"
    assert _underlined_option("In person / By phone / By video call") == "In person / By phone / By video call"
    both = f"{_BLANK_OPEN}In person{_BLANK_CLOSE} / By phone / {_BLANK_OPEN}By video call{_BLANK_CLOSE}"
    assert _underlined_option(both) == both  # two underlined: no answer read
