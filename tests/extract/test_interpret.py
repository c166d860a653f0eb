"""The interpreter on layouts built from text: Word-like paragraphs/tables and PDF-like lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from iwp_pipeline.checker import check_record
from iwp_pipeline.extract.interpret import interpret, normalise_modality
from iwp_pipeline.rules.base import CheckOptions
from tests.extract.layouts import layout_from_text, pdf_layout

SAMPLE = (Path(__file__).parent / "sample_iwp.txt").read_text(encoding="utf-8")


def _errors(record):
    return sorted({f.rule for f in check_record(record, CheckOptions()) if f.severity == "error"})


def test_word_like_sample_reads_every_component():
    r = interpret(layout_from_text(SAMPLE))
    assert (r.en.name, r.en.pid, r.en.business_model) == ("Harbor Light Careers", "P-20931", "Traditional EN")
    assert (r.ticketholder.name, r.ticketholder.ssn) == ("Kevin T. Brandt", "901-44-1234")
    assert (r.alternate_contact.name, r.alternate_contact.relationship) == ("Janet Brandt", "mother")
    assert (r.discussion.date, r.discussion.modality) == ("2025-02-14", "telephone")
    assert r.discussion.summary.startswith("Kevin and I talked")
    assert [(w.employer, w.start_date, w.end_date, w.monthly_earnings) for w in r.work_history] == [
        ("Acme Storage", "2022-01", "2024-08", 2145.0)]
    assert r.employment_goals.short_term.monthly_earnings == pytest.approx(1841.67)
    assert r.employment_goals.long_term.monthly_earnings == 3100
    services = {s.service: s for s in r.services}
    assert services["job_search"].selected and not services["job_coaching"].selected
    assert services["benefits_counseling"].wipa_referral is True
    assert all(t.present for t in r.terms_and_conditions)
    assert r.statement_of_understanding.present
    sig = r.signatures
    assert (sig.ticketholder.signed, sig.ticketholder.date) == (True, "2025-02-20")
    assert (sig.en_representative.signed, sig.en_representative.printed_name, sig.en_representative.date) == (
        True, "Luis Ortega", "2025-02-21")
    assert _errors(r) == []


@pytest.mark.parametrize(("number", "line_start"), [(7, "7. If you disagree"), (8, "8. The Protection"),
                                                     (13, "13. Benefits counseling")])
def test_a_removed_term_is_missing_and_only_that_one(number, line_start):
    text = "\n".join(line for line in SAMPLE.splitlines() if not line.startswith(line_start))
    r = interpret(layout_from_text(text))
    assert [t.number for t in r.terms_and_conditions if not t.present] == [number]


def test_term_ideas_outside_the_terms_part_do_not_count():
    text = SAMPLE.replace("8. The Protection and Advocacy for Beneficiaries of Social Security (PABSS) program "
                          "can help with disputes.\n", "")
    text = text.replace("Referrals to our employer partners.", "Referrals; PABSS can help with disputes.")
    r = interpret(layout_from_text(text))
    assert [t.number for t in r.terms_and_conditions if not t.present] == [8]


def test_missing_signature_and_statement():
    text = SAMPLE.replace("Beneficiary Signature: /s/ Kevin T. Brandt", "Beneficiary Signature: ________")
    text = text.replace("# Statement of Understanding\nI understand that Harbor Light Careers will provide the "
                        "services and supports in this plan to help me become financially self-sufficient.\n", "")
    r = interpret(layout_from_text(text))
    assert _errors(r) == ["SIG01", "SOU01"]


def test_not_an_iwp():
    r = interpret(layout_from_text("Invoice 2291\nDate: 03/01/2025\nAmount due: $120.00\nThank you!"))
    assert r.document_type == "other"


def test_another_forms_numbered_sections_do_not_make_an_iwp():
    # A government form with "SECTION 1/3/4" headings, names, dates and phones, but nothing of an IWP.
    text = """# APPLICATION FOR THE REVIEW OF A DECISION
# SECTION 1: APPLICANT (the person whose case is to be reviewed)
Name: Jordan Q. Sample
Date of birth: 01/02/1980
Phone: 555-010-2000
# SECTION 3: REQUEST
I request a review of the decision of 03/04/2024.
# SECTION 4: EVIDENCE AND RECORDS
Attach copies of the records you want considered.
Signature: ________  Date: ________"""
    assert interpret(layout_from_text(text)).document_type == "other"


def test_pdf_like_layout_values_right_and_below():
    rows = [
        (1, 40, [(72, "INDIVIDUAL WORK PLAN")]),
        (1, 70, [(72, "PART ONE: CONTACT INFORMATION")]),
        (1, 90, [(72, "Employment Network:"), (250, "Open Door Staffing")]),
        (1, 105, [(72, "EN Provider Identification Number:"), (250, "0004417")]),
        (1, 120, [(72, "Consumer Name:"), (250, "Ana Ruiz"), (400, "SSN:"), (440, "902-11-7777")]),
        (1, 135, [(72, "Emergency contact:"), (250, "Luis Ruiz (brother) 555-111-2222")]),
        (1, 160, [(72, "DOCUMENTATION OF ONE-ON-ONE DISCUSSION")]),
        (1, 175, [(72, "Meeting date:"), (250, "March 3, 2025")]),
        (1, 190, [(72, "How the meeting was held:"), (250, "Video (Zoom)")]),
        (1, 205, [(72, "Summary of discussion:")]),
        (1, 217, [(72, "Ana wants to return to retail work. Her goal of part-time cashier work is reasonable")]),
        (1, 229, [(72, "given her five years at a grocery store. Our coaching and placement will help.")]),
        (1, 255, [(72, "EMPLOYMENT GOALS")]),
        (1, 270, [(72, "Immediate goal:"), (250, "Cashier, part time, 20 hrs/wk at $15.00/hour within 6 months")]),
        (1, 285, [(72, "Long-term goal:"), (250, "Store supervisor, full time, $2,900 per month within 4 years")]),
        (2, 40, [(72, "WORK HISTORY")]),
        (2, 55, [(72, "Employer"), (200, "Position"), (320, "From"), (380, "To"), (440, "Earnings")]),
        (2, 70, [(72, "FreshMart"), (200, "Cashier"), (320, "05/2019"), (380, "11/2024"), (440, "$1,300/mo")]),
        (2, 100, [(72, "SERVICES AND SUPPORTS")]),
        (2, 115, [(72, "[x]"), (90, "Job Coaching"), (250, "On-site coaching for the first month of work.")]),
        (2, 130, [(72, "[ ]"), (90, "Job Development")]),
        (2, 300, [(72, "SIGNATURES")]),
        (2, 320, [(72, "Ana Ruiz"), (300, "03/10/2025")]),
        (2, 332, [(72, "Consumer Signature"), (300, "Date")]),
    ]
    r = interpret(pdf_layout(rows))
    assert (r.en.name, r.en.pid, r.ticketholder.name, r.ticketholder.ssn) == (
        "Open Door Staffing", "0004417", "Ana Ruiz", "902-11-7777")
    assert (r.alternate_contact.name, r.alternate_contact.phone) == ("Luis Ruiz", "555-111-2222")
    assert (r.discussion.date, r.discussion.modality) == ("2025-03-03", "video")
    assert r.discussion.summary.endswith("placement will help.")
    short, long_ = r.employment_goals.short_term, r.employment_goals.long_term
    assert (short.job_title, short.hours_per_week, short.monthly_earnings) == ("Cashier", 20, 1300)
    assert (long_.job_title, long_.monthly_earnings) == ("Store supervisor", 2900)
    assert [(w.employer, w.job_title, w.start_date, w.end_date) for w in r.work_history] == [
        ("FreshMart", "Cashier", "2019-05", "2024-11")]
    coaching = next(s for s in r.services if s.service == "job_coaching")
    assert coaching.selected and coaching.description.startswith("On-site")
    assert (r.signatures.ticketholder.signed, r.signatures.ticketholder.date) == (True, "2025-03-10")


@pytest.mark.parametrize(("text", "expected"), [("Face-to-face", "in_person"), ("In person at our office", "in_person"),
                                                ("Telephone", "telephone"), ("Zoom video call", "video"),
                                                ("[ ] Phone [x] Face to face", "in_person"), ("E-mail", "email"),
                                                (None, None)])
def test_modalities(text, expected):
    assert normalise_modality(text) == expected


def test_two_terms_merged_into_one_list_item_both_count():
    # A 'No. | Condition' table: items 12 and 14 are folded into items 1 and 13, each term in its own sentence.
    lines = SAMPLE.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Part Three")) + 1
    terms = {n: lines[start + n - 1].split(". ", 1)[1] for n in range(1, 16)}
    table = ["No. | Condition"]
    table.append(f"1 | {terms[12]} {terms[1]}")
    table += [f"{n} | {terms[n]}" for n in range(2, 12)]
    table.append(f"12 | {terms[13]}")
    table.append(f"13 | {terms[14]} {terms[15]}")
    text = "\n".join(lines[:start] + table + [""] + lines[start + 15:])
    r = interpret(layout_from_text(text))
    assert [t.number for t in r.terms_and_conditions if not t.present] == []



def test_terms_as_questions_and_answers():
    text = SAMPLE.replace("4. You may request changes to this plan; an amendment must be agreed by both of us "
                          "in writing.",
                          "# Can I change my plan?\nYes. Ask us any time. A change only counts when we both agree, "
                          "write it down, and both sign it.")
    text = text.replace("11. We will contact you at least monthly while you look for work and quarterly after that.",
                        "# How often will we talk?\nEvery month, at least, while you are job hunting; once you "
                        "have a job, at least every three months.")
    r = interpret(layout_from_text(text))
    assert [t.number for t in r.terms_and_conditions if not t.present] == []


def test_terms_table_with_a_number_column_in_a_flat_pdf():
    lines = SAMPLE.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Part Three")) + 1
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "PART ONE: CONTACT INFORMATION")]),
            (1, 75, [(72, "Employment Network:"), (250, "Open Door Staffing")]),
            (1, 90, [(72, "Beneficiary Name:"), (250, "Kevin T. Brandt")]),
            (1, 110, [(72, "TERMS AND CONDITIONS")]), (1, 125, [(72, "No."), (110, "Condition")])]
    for n in range(1, 16):
        rows.append((1, 125 + 14 * n, [(72, str(n)), (110, lines[start + n - 1].split(". ", 1)[1])]))
    r = interpret(pdf_layout(rows))
    assert len(r.terms_and_conditions) == 15
    assert [t.number for t in r.terms_and_conditions if not t.present] == []
    # each row is its own item: a term's evidence is its row, not the whole table
    assert r.terms_and_conditions[1].evidence == "2 " + lines[start + 1].split(". ", 1)[1]


def test_terms_in_one_paragraph_numbered_inline_set_in_two_columns():
    lines = SAMPLE.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Part Three")) + 1
    words = " ".join(f"({n}) {lines[start + n - 1].split('. ', 1)[1]}" for n in range(1, 16)).split()
    chunks: list[str] = []
    for word in words:  # lines of at most 40 characters: a column 220 points wide
        if chunks and len(chunks[-1]) + 1 + len(word) <= 40:
            chunks[-1] += " " + word
        else:
            chunks.append(word)
    half = (len(chunks) + 1) // 2
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "PART ONE: CONTACT INFORMATION")]),
            (1, 75, [(72, "Employment Network:"), (250, "Open Door Staffing")]),
            (1, 90, [(72, "Beneficiary Name:"), (250, "Kevin T. Brandt")]),
            (1, 110, [(72, "TERMS AND CONDITIONS")])]
    for i, chunk in enumerate(chunks[:half]):  # balanced columns, their lines a little out of step
        rows.append((1, 125 + 12 * i, [(50, chunk)]))
    for i, chunk in enumerate(chunks[half:]):
        rows.append((1, 129 + 12 * i, [(316, chunk)]))
    rows.sort(key=lambda r: r[1])
    r = interpret(pdf_layout(rows))
    assert len(r.terms_and_conditions) == 15
    assert [t.number for t in r.terms_and_conditions if not t.present] == []
    assert r.terms_and_conditions[1].evidence.startswith("(2) Your participation is voluntary")


@pytest.mark.parametrize(("number", "text"), [
    (1, "The EN charges the Ticket holder nothing for its services."),
    (12, "The EN will furnish each service and support that this plan lists.")])
def test_term_ideas_in_other_words(number, text):
    from iwp_pipeline.extract.terms import expresses
    from iwp_pipeline.reference import terms_catalogue

    spec = next(s for s in terms_catalogue() if s.number == number)
    assert expresses(spec, text)


ENROLLEE_PLAN = """
# INDIVIDUAL WORK PLAN
# SECTION 1. EMPLOYMENT NETWORK
1a. Name of EN: Harbor Light Careers
1b. PID (Vendor #): P-20931
# SECTION 2. JOBHOLDER
2a. Jobholder name: Kevin T. Brandt
2b. SSN: 901-44-1234
# SECTION 3. PLANNING CONTACT
3a. Date of contact: 14 Feb 2025
# SECTION 9. SIGNATURES
Jobholder signature: Kevin T. Brandt
"""


def test_the_documents_own_word_for_the_person_is_learned():
    # 'Jobholder' is in no vocabulary: used twice before 'name' / 'signature', it is this plan's person.
    r = interpret(layout_from_text(ENROLLEE_PLAN))
    assert (r.ticketholder.name, r.ticketholder.ssn) == ("Kevin T. Brandt", "901-44-1234")
    assert (r.en.name, r.en.pid, r.discussion.date) == ("Harbor Light Careers", "P-20931", "2025-02-14")


def test_a_word_used_once_or_for_someone_else_is_not_learned():
    from iwp_pipeline.extract.units import learn_person_nouns
    assert learn_person_nouns(["Jobholder name: A", "Staff name: B", "Staff signature"]) == ()
    assert learn_person_nouns(["Member name: A", "Member signature"]) == ("member",)
    assert learn_person_nouns(["Participant name: A", "Participant signature"]) == ()  # already known


def test_a_numbered_sections_words_decide_its_part_not_its_number():
    # 'SECTION 1' of SSA-1370 is the discussion; an EN's 'SECTION 1. EMPLOYMENT NETWORK' is Part One.
    r = interpret(layout_from_text(ENROLLEE_PLAN))
    assert r.en.name == "Harbor Light Careers" and r.discussion.summary is None


QUESTIONNAIRE = """
# Planning Questionnaire
# Part A. About the Applicant
1. What is the Applicant's name?
Maria L. Gonzalez
2. What is the Applicant's Social Security number?
900-12-3456
3. Who else may we contact about you (name, relationship, phone)?
Rosa Gonzalez, Sister, 555-310-9901
# Part C. The planning session
9. On what date did we plan this together?
2025/03/04
10. How did we meet?
In person at our office
"""


def test_questions_are_labels_and_their_answers_the_values():
    r = interpret(layout_from_text(QUESTIONNAIRE))
    assert (r.ticketholder.name, r.ticketholder.ssn) == ("Maria L. Gonzalez", "900-12-3456")
    assert r.alternate_contact.name == "Rosa Gonzalez"
    assert (r.discussion.date, r.discussion.modality) == ("2025-03-04", "in_person")


def test_a_part_that_starts_in_the_right_column_beside_the_left_ones_last_lines():
    # Balanced columns: the terms run down the left column and on in the right one, where the
    # statement of understanding starts beside the left column's last lines; the signatures
    # follow across the page, below a wider gap.
    lines = SAMPLE.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Part Three")) + 1
    words = " ".join(f"({n}) {lines[start + n - 1].split('. ', 1)[1]}" for n in range(1, 16)).split()
    chunks: list[str] = []
    for word in words:
        if chunks and len(chunks[-1]) + 1 + len(word) <= 40:
            chunks[-1] += " " + word
        else:
            chunks.append(word)
    left, right = chunks[:len(chunks) // 2 + 3], chunks[len(chunks) // 2 + 3:]
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 60, [(72, "PART ONE: CONTACT INFORMATION")]),
            (1, 75, [(72, "Employment Network:"), (250, "Open Door Staffing")]),
            (1, 90, [(72, "Beneficiary Name:"), (250, "Kevin T. Brandt")]),
            (1, 110, [(72, "TERMS AND CONDITIONS")])]
    rows += [(1, 125 + 12 * i, [(50, chunk)]) for i, chunk in enumerate(left)]
    rows += [(1, 129 + 12 * i, [(316, chunk)]) for i, chunk in enumerate(right)]
    sou_top = 129 + 12 * len(right) + 6
    rows += [(1, sou_top, [(316, "STATEMENT OF UNDERSTANDING")]),
             (1, sou_top + 12, [(316, "I understand that the services in this plan help me work.")])]
    bottom = max(r[1] for r in rows) + 30
    rows += [(1, bottom, [(50, "SIGNATURES")]), (1, bottom + 20, [(50, "Beneficiary signature:"), (250, "Kevin T. Brandt")])]
    assert sou_top < 125 + 12 * (len(left) - 1)  # the statement starts beside the left column's text
    rows.sort(key=lambda r: r[1])
    r = interpret(pdf_layout(rows))
    assert [t.number for t in r.terms_and_conditions if not t.present] == []
    assert r.statement_of_understanding.present and r.signatures.ticketholder.signed


TABLE_GOALS_AND_LISTED_JOBS = """
# INDIVIDUAL WORK PLAN
# Beneficiary Information
Beneficiary Name: Kevin T. Brandt
# Work History (past 18 months)
- Acme Storage, Inventory Clerk, January 2022 to August 2024, $495 weekly
# Employment Goals
Goal | Occupation | Hours | Earnings
Short range (within 18 months) | Inventory Clerk | 25 hrs/wk, part time | $425 weekly
Long range (3 to 5 years) | Warehouse Lead | 40 hrs/wk, full time | $3,100 monthly
"""


def test_goals_as_a_table_with_a_row_per_goal_and_jobs_as_a_list():
    r = interpret(layout_from_text(TABLE_GOALS_AND_LISTED_JOBS))
    short, long = r.employment_goals.short_term, r.employment_goals.long_term
    assert (short.job_title, short.monthly_earnings) == ("Inventory Clerk", pytest.approx(1841.67))
    assert (long.job_title, long.monthly_earnings) == ("Warehouse Lead", 3100.0)
    assert [(w.employer, w.start_date, w.end_date) for w in r.work_history] == [("Acme Storage", "2022-01", "2024-08")]


def test_a_work_history_table_with_no_rows_has_no_jobs():
    text = "# Work History\nEmployer | Job title | Start | End | Pay\n# Employment Goals\nShort-term goal: Clerk"
    r = interpret(layout_from_text(text + "\nBeneficiary Name: Kevin T. Brandt"))
    assert r.document_type == "iwp" and not r.work_history


def test_a_form_that_prints_each_label_under_the_line_its_value_is_written_on():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]),
            (1, 60, [(72, "Part A. Enrollee")]),
            (1, 80, [(72, "Kevin T. Brandt"), (300, "901-44-1234")]),
            (1, 92, [(72, "Enrollee name"), (300, "Social Security number")]),
            (1, 110, [(72, "555-880-3131"), (300, "Janet Brandt, Mother, 555-880-3132")]),
            (1, 122, [(72, "Phone"), (300, "Alternate contact (name, relationship, phone)")]),
            (1, 145, [(72, "Part B. Employment Network")]),
            (1, 165, [(72, "Harbor Light Careers"), (300, "P-20931")]),
            (1, 177, [(72, "Employment Network"), (300, "EN PID")]),
            (1, 200, [(72, "Part C. Our planning conversation")]),
            (1, 220, [(72, "2-14-25")]),
            (1, 232, [(72, "Date we met")]),
            (1, 255, [(72, "Part D. Services")]),
            (1, 275, [(72, "X"), (84, "Looking for jobs with you"), (300, "Weekly job leads.")]),
            (1, 290, [(84, "Getting you hired")])]
    r = interpret(pdf_layout(rows))
    assert (r.ticketholder.name, r.ticketholder.ssn, r.alternate_contact.name) == (
        "Kevin T. Brandt", "901-44-1234", "Janet Brandt")
    assert (r.en.name, r.en.pid, r.discussion.date) == ("Harbor Light Careers", "P-20931", "2025-02-14")
    assert {s.service for s in r.services if s.selected} == {"job_search"}


LETTER = """
Harbor Light Careers
An Employment Network in the Ticket to Work program (Provider ID P-20931)
Re: Your Individual Work Plan, prepared for Kevin T. Brandt, Social Security number 901-44-1234
Dear Kevin T. Brandt,
This letter is your plan. We wrote it together with you when you came to see us by phone on 14th February 2025.
Your contact person here is Luis Ortega. If we cannot reach you, you asked us to contact Janet Brandt, Mother.
# Your work in the last 18 months
From January 2022 to August 2024 you worked as an Inventory Clerk at Acme Storage, 30 hours a week, earning $16.50 an hour.
# Your goals
Your short-term goal is to work as an Inventory Clerk, part time, 25 hours a week, earning $17.00 an hour, within 6 months.
Your long-term goal is to work as a Warehouse Lead, full time, earning $3,100 a month, within 3 years.
# How we will help you
Getting you placed in a job: Referrals to our employer partners.
Sincerely,
For the Employment Network: Luis Ortega
Date: 21st February 2025
Your signature: Kevin T. Brandt
Date: 20th February 2025
"""


def test_a_plan_written_as_a_letter():
    r = interpret(layout_from_text(LETTER))
    assert (r.en.name, r.en.pid) == ("Harbor Light Careers", "P-20931")
    assert (r.ticketholder.name, r.ticketholder.ssn, r.alternate_contact.name) == (
        "Kevin T. Brandt", "901-44-1234", "Janet Brandt")
    assert (r.discussion.date, r.discussion.modality) == ("2025-02-14", "telephone")
    assert [(w.employer, w.start_date) for w in r.work_history] == [("Acme Storage", "2022-01")]
    assert r.employment_goals.short_term.monthly_earnings == pytest.approx(1841.67)
    assert r.employment_goals.long_term.monthly_earnings == 3100.0
    assert {s.service for s in r.services if s.selected} == {"job_placement"}
    assert (r.signatures.en_representative.signed, r.signatures.en_representative.date) == (True, "2025-02-21")
    assert (r.signatures.ticketholder.signed, r.signatures.ticketholder.date) == (True, "2025-02-20")


def test_a_benefits_claim_with_a_persons_identification_and_signature_is_no_iwp():
    text = """# INTENT TO FILE A CLAIM FOR COMPENSATION
# SECTION I: VETERAN'S IDENTIFICATION INFORMATION
1. Veteran's name: John Q. Public
2. Social Security number: 123-45-6789
# SECTION II: CLAIMANT'S IDENTIFICATION INFORMATION
10. Claimant's name: Jane Public
11. Social Security number: 987-65-4321
# SECTION IV: DECLARATION OF INTENT AND SIGNATURE
Veteran's signature: John Q. Public
21. Date signed: 01/02/2025
"""
    assert interpret(layout_from_text(text)).document_type == "other"


def test_a_list_item_stating_no_term_is_read_as_the_missing_term_it_is_closest_to():
    from iwp_pipeline.extract.terms import Block, _place_leftover_items
    from iwp_pipeline.reference import terms_catalogue
    first = None  # where a block starts is not read here
    blocks = [Block("Reports: the Worker tells Social Security about wages and hands over pay stubs.", first, None),
              Block("Contents: a list of what is in this plan.", first, None)]
    specs = terms_catalogue()
    chosen: dict[int, int] = {n: 99 for n in range(1, 16) if n != 9}
    _place_leftover_items(specs, blocks, {n: [] for n in range(1, 16)}, chosen)
    assert chosen[9] == 0  # half or more of term 9's ideas, and more than any other missing term's


def test_an_item_near_no_missing_term_is_left_alone():
    from iwp_pipeline.extract.terms import Block, _place_leftover_items
    from iwp_pipeline.reference import terms_catalogue
    blocks = [Block("These terms apply to the whole of this plan from the day it is signed.", None, None)]
    chosen: dict[int, int] = {n: 99 for n in range(1, 16) if n != 6}
    _place_leftover_items(terms_catalogue(), blocks, {n: [] for n in range(1, 16)}, chosen)
    assert 6 not in chosen


def test_a_leftover_item_is_read_as_the_missing_term_whose_meaning_it_shares():
    from iwp_pipeline.extract.terms import Block, _place_by_meaning
    from iwp_pipeline.reference import terms_catalogue
    blocks = [Block("C-02 Bright Path may rewrite the plan, pause services or unassign the Ticket if the Trainee "
                    "stops taking part.", None, None)]
    chosen: dict[int, int] = {n: 99 for n in range(1, 16) if n not in (3, 12)}
    _place_by_meaning(terms_catalogue(), blocks, {n: [] for n in range(1, 16)}, chosen)
    assert chosen[3] == 0  # 'rewrite', 'pause': words only term 3 is about
    assert 12 not in chosen


@pytest.mark.parametrize("text", [
    "Ticket Program Manager, then the Social Security Administration.",  # shares words, none only term 8's
    "Can you change the plan or stop helping me?",  # a question: the title of an answer
    "when the Student no longer participates or the EN can no longer meet the Student's needs.",  # a tail
])
def test_an_item_sharing_only_common_words_or_no_statement_is_not_placed_by_meaning(text):
    from iwp_pipeline.extract.terms import Block, _place_by_meaning
    from iwp_pipeline.reference import terms_catalogue
    chosen: dict[int, int] = {n: 99 for n in range(1, 16) if n not in (2, 4, 8)}
    _place_by_meaning(terms_catalogue(), [Block(text, None, None)], {n: [] for n in range(1, 16)}, chosen)
    assert not {2, 4, 8} & set(chosen)


def test_a_term_spread_over_sentences_beside_another_term_in_one_item_is_read_too():
    from iwp_pipeline.extract.terms import Block, _add_merged_terms
    from iwp_pipeline.reference import terms_catalogue
    text = "Participation is voluntary. You may take the Ticket back at any time. No fee of any kind is asked of you."
    chosen = {1: 0}
    _add_merged_terms(terms_catalogue(), [Block(text, None, None)], {n: [0] if n in (1, 2) else []
                                                                     for n in range(1, 16)}, chosen)
    assert chosen.get(2) == 0  # term 2's two ideas in two sentences of their own, term 1 in the third


def test_the_documents_word_for_the_person_counts_in_the_terms():
    from iwp_pipeline.reference import terms_catalogue
    services = next(i for i in terms_catalogue()[0].ideas if i.name == "services")
    learned = next(i for i in terms_catalogue(("trainee",))[0].ideas if i.name == "services")
    text = "No fee of any kind is asked of the Trainee."
    assert services.search(text) is None and learned.search(text) is not None


def test_a_date_in_three_boxes_on_a_printed_line_is_one_value():
    from iwp_pipeline.extract.layout import Segment
    from iwp_pipeline.extract.pdf_reader import _dates_in_boxes
    segs = (Segment("Date", 40, 60), Segment("03", 100, 110), Segment("/ 04", 120, 140), Segment("/ 2025", 150, 180),
            Segment("555-310-7788", 300, 360))
    assert [s.text for s in _dates_in_boxes(segs)] == ["Date", "03/04/2025", "555-310-7788"]
    far = (Segment("03", 100, 110), Segment("04", 400, 410), Segment("2025", 700, 720))
    assert [s.text for s in _dates_in_boxes(far)] == ["03", "04", "2025"]  # three columns of a table


def test_a_date_in_three_form_fields_side_by_side_is_one_value():
    from iwp_pipeline.extract.interpret import _join_date_boxes
    from iwp_pipeline.extract.layout import FormField
    from iwp_pipeline.extract.units import Unit

    def box(name, value, x0):
        return Unit(value, 0, page=1, field=FormField(name, "text", value=value, page=1, rect=(x0, 100, x0 + 20, 112)))
    units = [box("f9_02_m", "02", 100), box("f9_02_d", "20", 130), box("f9_02_y", "2025", 160)]
    _join_date_boxes(units)
    assert [u.text for u in units] == ["02/20/2025", "", ""]
    apart = [box("a", "02", 100), box("b", "20", 300), box("c", "2025", 500)]
    _join_date_boxes(apart)
    assert [u.text for u in apart] == ["02", "20", "2025"]


def test_two_follow_up_services_read_as_one_phase_take_their_phases_by_order():
    from iwp_pipeline.extract.interpret import _follow_up_phases
    from iwp_pipeline.extract.units import Unit, vocabulary
    rows = [Unit("[x] Check-ins after you are hired", 0, section="services"),
            Unit("[ ] Check-ins later on the job", 1, section="services")]
    assert _follow_up_phases(rows, vocabulary()["services"]) == {
        "Check-ins after you are hired": "follow_up_initial", "Check-ins later on the job": "follow_up_ongoing"}
    told = [Unit("[x] Follow-up (initial phase)", 0, section="services"),
            Unit("[x] Follow-up (ongoing phase)", 1, section="services")]
    assert _follow_up_phases(told, vocabulary()["services"]) == {}  # the names say which is which


def test_the_plans_own_word_for_its_en_labels_the_ens_name():
    from iwp_pipeline.extract.interpret import _label_en_words
    from iwp_pipeline.extract.units import Unit, match_label
    units = [Unit(t, i) for i, t in enumerate(["WORKFORCE PARTNER (EN)", "Workforce Partner", "Bright Path"])]
    for u in units:
        u.label = match_label(u.text)
    _label_en_words(units)
    assert units[1].label is not None and units[1].label.key == "en.name"
    assert units[0].label is None  # the part's title
    assert units[2].label is None


def test_a_lone_value_naming_a_way_of_meeting_is_the_modality():
    from iwp_pipeline.extract.interpret import _lone_modality
    from iwp_pipeline.extract.units import Unit
    held = [Unit("Meeting held", 0, section="discussion"), Unit("In person", 1, section="discussion")]
    assert _lone_modality(held) == "In person"
    options = [Unit("In person", 0, section="discussion"), Unit("Telephone", 1, section="discussion")]
    assert _lone_modality(options) is None  # options printed side by side: none is chosen
