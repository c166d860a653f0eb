"""Plans written as contracts and notices, parts held whole in one cell, goals as columns (reader round 8)."""

from __future__ import annotations

import pytest

from iwp_pipeline.extract.interpret import interpret, status_sentence
from iwp_pipeline.extract.layout import BOX_GLYPHS, CHECKED, UNCHECKED, Layout, Line, ticks_and_crosses
from iwp_pipeline.extract.pdf_reader import _normalise
from iwp_pipeline.extract.units import _word_pieces, build_units, learn_person_nouns, match_label, person_nouns
from iwp_pipeline.values import parse_date, parse_money
from tests.extract.layouts import layout_from_text, pdf_layout


@pytest.mark.parametrize("text, given, rest", [
    ("We will do this for you.", True, ""),
    ("We are not doing this for you now.", False, ""),
    ("We will do this for you. Ellen Park will meet Kevin twice.", True, "Ellen Park will meet Kevin twice."),
    ("The Contractor SHALL PROVIDE this service, as follows: weekly job leads", True, "weekly job leads"),
    ("The Contractor SHALL NOT PROVIDE this service under this Agreement.", False, ""),
    ("We won't provide this now.", False, ""),
])
def test_a_sentence_that_says_whether_a_service_is_given(text, given, rest):
    assert status_sentence(text) == (given, rest)


@pytest.mark.parametrize("text", [
    "We will provide it through our partner agency every week until you start.",  # more than a status
    "Coaching to do it well at work.",  # no 'will' / 'shall': a description
    "Weekly job leads by email",
])
def test_a_description_is_not_a_status_sentence(text):
    assert status_sentence(text) is None


@pytest.mark.parametrize("text, monthly, period", [
    ("$350.00 each week", 1516.67, "week"),
    ("$758.33 twice a month", 1516.66, "semimonthly"),
    ("$14 hr, 25 hours a week", 1516.67, "hour"),
])
def test_pay_each_week_twice_a_month_and_by_the_hour(text, monthly, period):
    money = parse_money(text)
    assert money is not None and money.monthly == monthly and money.period == period


@pytest.mark.parametrize("text, iso", [
    ("the fourth day of March, 2025", "2025-03-04"),
    ("Dated — the twenty-first day of March, 2025", "2025-03-21"),
    ("the thirty first day of May 2025", "2025-05-31"),
])
def test_a_day_of_the_month_in_words(text, iso):
    assert str(parse_date(text)) == iso


def test_a_contracts_defined_terms_name_its_parties():
    opening = ("THIS AGREEMENT is made between the individual named in Clause 1.1 (the “Ticket User”) and the "
               "Employment Network named in Clause 1.5 (the “Contractor”).")
    learned = learn_person_nouns([opening, "(the “Parties”)"])
    assert learned == ("ticket user", "en:contractor")
    with person_nouns(learned):
        assert match_label("Name of the Ticket User — Maria L. Gonzalez").key == "ticketholder.name"
        pid = match_label("Provider Identification Number (PID) of the Contractor — EN-104233")
        assert pid is not None and (pid.key, pid.rest) == ("en.pid", "EN-104233")


def test_crosses_are_noes_only_beside_ticks():
    assert ticks_and_crosses("✘ In person") is BOX_GLYPHS
    both = ticks_and_crosses("✔ Placement ✘ Training")
    assert both["✔"] == CHECKED and both["✘"] == UNCHECKED and both["✗"] == UNCHECKED


def test_a_cell_holding_a_whole_part_is_read_line_by_line():
    cell = ("Job 1\nEmployer: Springfield Dental Group\nJob: Receptionist\nFrom: June 2023\n"
            "Pay: $520.00 twice a month")
    assert [p for p, _ in _word_pieces(cell, True)] == cell.split("\n")
    prose = "We met at the library.\nMaria brought her resume and we read it together."
    assert len(_word_pieces(prose, True)) == 1  # lines of prose stay one paragraph


def test_pairs_set_apart_by_dashes_are_cut_before_each_label():
    line = ("Cardholder (or representative) — Name: Maria L. Gonzalez — Signature: /s/ Maria L. Gonzalez — "
            "Date: Mon, Mar 10, 2025")
    assert [p for p, _ in _word_pieces(line, True)] == [
        "Cardholder (or representative) — Name: Maria L. Gonzalez", "Signature: /s/ Maria L. Gonzalez",
        "Date: Mon, Mar 10, 2025"]


NOTICE = """
# NOTICE OF YOUR INDIVIDUAL WORK PLAN
This Ticket to Work plan is between you and the Employment Network named below.
# About you
Your name: Maria L. Gonzalez
Your Social Security number: 900-12-3456
# Your past work
Job 1: You worked for Springfield Dental Group as a Receptionist from Jun 2023 to Sep 2024, 20 hours a week, earning $240.00 each week.
# Your goals
Your first goal (within 18 months): You plan to work as an Office Assistant, part time, 25 hours a week, earning $350.00 each week, within 9 months.
# What we will do for you
Help understanding your benefits: We will do this for you. A certified counselor will meet you twice.
Training to learn new skills: We are not doing this for you now.
Help looking for jobs: We will do this for you.
Finding employers who may hire you: We will do this for you. Resume writing and mock interviews.
Help getting hired: We will do this for you. Referrals to our employer partners.
"""  # noqa: E501


def test_a_notice_in_the_second_person():
    record = interpret(layout_from_text(NOTICE))
    assert [j.employer for j in record.work_history] == ["Springfield Dental Group"]
    goal = record.employment_goals.short_term
    assert goal is not None and goal.monthly_earnings == 1516.67
    services = {s.service: (s.selected, bool(s.description)) for s in record.services}
    assert services["benefits_counseling"] == (True, True)
    assert services["training"] == (False, False)
    assert services["job_search"] == (True, False)  # 'We will do this for you.' and nothing more
    assert services["job_development"] == (True, True)  # named by its stems
    assert services["job_placement"] == (True, True)


def _cell(text: str, table: int, row: int, cell: int) -> Line:
    return Line(text, table=table, row=row, cell=cell)


def test_goals_as_columns_under_their_horizons():
    lines = (
        Line("Individual Work Plan — Ticket to Work", paragraph=0),
        Line("Ticketholder name: Maria L. Gonzalez", paragraph=1),
        Line("Social Security number: 900-12-3456", paragraph=2),
        Line("Employment goals", paragraph=3, bold=True, style="Heading 2"),
        _cell("● This plan is signed →", 0, 0, 0), _cell("● Step 1 · within 18 months →", 0, 0, 1),
        _cell("● Step 2 · in 3 to 5 years", 0, 0, 2),
        _cell("Work with the Career Librarian begins.", 0, 1, 0),
        _cell("Job: Office Assistant\nSchedule: part time, 25 hours a week\nEarnings: $14 hr\n"
              "Reach by: within 9 months",
              0, 1, 1),
        _cell("Job: Administrative Coordinator\nSchedule: full time, 40 hours a week\nEarnings: $2,600 mo.\n"
              "Reach by: within 3 years", 0, 1, 2),
    )
    goals = interpret(Layout(kind="docx", pages=1, lines=lines)).employment_goals
    assert goals.short_term is not None and goals.short_term.job_title == "Office Assistant"
    assert goals.short_term.monthly_earnings == 1516.67
    assert goals.long_term is not None and goals.long_term.monthly_earnings == 2600.0


def _journey_rows() -> list[tuple[int, float, list[tuple[float, str]]]]:
    return [
        (1, 40, [(50, "Work Partner Plan — Individual Work Plan under the Ticket to Work program")]),
        (1, 60, [(50, "Tab 1 · Work Partner")]),
        (1, 80, [(55, "Work Partner"), (183, "Social Security number"), (311, "Phone")]),
        (1, 92, [(55, "Maria L. Gonzalez"), (183, "900-12-3456"), (311, "555-310-7788")]),
        (1, 120, [(50, "Tab 4 · The Journey Ahead (Goals)")]),
        (1, 140, [(73, "First steps (within 18 months)"), (329, "Further along (3 to 5 years)")]),
        (1, 155, [(60, "Job: Office Assistant"), (316, "Job: Administrative Coordinator")]),
        (1, 167, [(61, "Hours: 25 a week, part time"), (317, "Hours: 40 a week, full time")]),
        (1, 179, [(61, "Pay: $350.00 a week (25 h × $14.00)"), (317, "Pay: $2,600.00 a month")]),
        (1, 191, [(61, "By: within 9 months"), (317, "By: within 3 years")]),
        (1, 220, [(50, "Tab 6 · Support Offered")]),
        (1, 235, [(50, "Support, and what the Outreach Worker will do"), (524, "Offered")]),
        (1, 250, [(50, "Talking through your benefits"), (537, "[x]")]),
        (1, 262, [(65, "A certified counselor meets the Work Partner twice.")]),
        (1, 277, [(50, "Classes to build skills"), (534, "[ ]")]),
        (1, 292, [(50, "Help getting hired"), (537, "[x]")]),
        (1, 304, [(65, "Direct referrals to employer partners hiring office staff.")]),
        (1, 330, [(50, "Tab 9 · Signatures")]),
        (1, 345, [(50, "Work Partner signature: Maria L. Gonzalez")]),
        (1, 357, [(50, "Work Partner's printed name: Maria L. Gonzalez")]),
    ]


def test_a_grid_of_captions_goals_in_columns_and_marks_at_the_right_on_a_flat_pdf():
    rows = _journey_rows()
    record = interpret(pdf_layout(rows, bold=tuple(t for _, _, segs in rows for _, t in segs if t.startswith("Tab "))))
    assert record.ticketholder.name == "Maria L. Gonzalez"  # the person's word over the name, the SSN's beside
    short, long = record.employment_goals.short_term, record.employment_goals.long_term
    assert short is not None and short.job_title == "Office Assistant" and short.monthly_earnings == 1516.67
    assert long is not None and long.job_title == "Administrative Coordinator" and long.monthly_earnings == 2600.0
    services = {s.service: s.selected for s in record.services}
    assert services["benefits_counseling"] is True and services["job_placement"] is True
    assert services["training"] is False


def test_a_signer_caption_over_a_printed_name_opens_the_other_signers_block():
    rows = [
        (1, 40, [(50, "Individual Work Plan under the Ticket to Work program")]),
        (1, 60, [(50, "Participant name: Maria L. Gonzalez")]),
        (1, 72, [(50, "Social Security number: 900-12-3456")]),
        (1, 100, [(50, "Signatures")]),
        (1, 115, [(50, "Participant (or representative)")]),
        (1, 127, [(50, "Signature: Maria L. Gonzalez")]),
        (1, 139, [(50, "Date: March 10, 2025")]),
        (1, 160, [(50, "Employment Outreach Worker")]),
        (1, 172, [(50, "Printed name: Dana Whitfield")]),
        (1, 184, [(50, "Signature: Dana Whitfield")]),
        (1, 196, [(50, "Date: March 11, 2025")]),
    ]
    signatures = interpret(pdf_layout(rows, bold=("Signatures",))).signatures
    assert signatures.ticketholder.date == "2025-03-10"
    en = signatures.en_representative
    assert (en.signed, en.printed_name, en.date) == (True, "Dana Whitfield", "2025-03-11")


def _checklist_rows() -> list[tuple[int, float, list[tuple[float, str]]]]:
    return [
        (1, 30, [(54, "INDIVIDUAL WORK PLAN — COMPLETENESS CHECKLIST")]),
        (1, 60, [(54, "COMPONENT 1 — CONTACT PARTICULARS")]),
        (1, 75, [(54, "No."), (83, "Item checked"), (230, "Met"), (276, "Not met"), (330, "Entry found in the plan")]),
        (1, 90, [(54, "1.1"), (84, "Program Entrant's name"), (230, "[x]"), (330, "Maria L. Gonzalez")]),
        (1, 105, [(54, "1.2"), (84, "Entrant's Social Security number"), (230, "[x]"), (330, "900-12-3456")]),
        (1, 120, [(54, "1.3"), (84, "Network Office (EN)"), (230, "[x]"), (330, "Bright Path Employment Services")]),
        (1, 135, [(54, "1.4"), (84, "Network payee number (PID)"), (276, "[x]")]),
        (1, 145, [(54, "COMPONENT 2 — INDIVIDUALIZED DISCUSSION")]),
        (1, 152, [(54, "2.1"), (84, "Synopsis: why the goals fit"), (230, "[x]"),
                  (330, "We met one-on-one about Maria's plans for an hour.")]),
        (1, 160, [(54, "COMPONENT 3 — WORK HISTORY (LAST 18 MONTHS)")]),
        (1, 175, [(54, "3.1"), (83, "Job 1: employer, job, dates,"), (230, "[x]"),
                  (330, "Springfield Dental Group; Receptionist; JUN-2023 to")]),
        (1, 185.5, [(83, "earnings"), (330, "SEP-2024; 20 hrs/wk; $240.00 weekly")]),
        (1, 210, [(54, "COMPONENT 5 — SUPPORTS AND SERVICES")]),
        (1, 225, [(54, "No."), (83, "Service"), (230, "Planned"), (276, "Not planned"), (330, "What we will do")]),
        (1, 240, [(54, "5.1"), (84, "Benefits review"), (230, "[x]"),
                  (330, "A WIPA referral for benefits counseling.")]),
        (1, 255, [(54, "5.2"), (84, "Goal plan"), (276, "[x]")]),
        (1, 270, [(54, "5.3"), (84, "Job placement"), (230, "[x]"), (330, "Direct referrals to employer partners.")]),
    ]


def test_a_checklist_gives_the_entry_after_its_mark_and_marks_under_status_columns():
    record = interpret(pdf_layout(_checklist_rows(), bold=("COMPONENT",)))
    assert (record.ticketholder.name, record.ticketholder.ssn) == ("Maria L. Gonzalez", "900-12-3456")
    assert record.en.name == "Bright Path Employment Services"
    assert record.en.pid is None  # marked under 'Not met', no entry
    assert record.discussion.summary == "We met one-on-one about Maria's plans for an hour."  # not the item's gloss
    assert [j.employer for j in record.work_history] == ["Springfield Dental Group"]  # its row wrapped, read whole
    assert record.work_history[0].end_date == "2024-09"
    services = {s.service: s.selected for s in record.services}
    assert services["benefits_counseling"] is True and services["job_placement"] is True
    assert services["goal_setting"] is False  # a mark under 'Not planned'


def test_a_word_broken_where_a_narrow_cell_ends_is_joined_again():
    rows = [
        (1, 40, [(50, "Individual Work Plan under the Ticket to Work program")]),
        (1, 60, [(50, "Library System (Employmen"), (200, "Bright Path Employment Services")]),
        (1, 71, [(50, "t Network)")]),
    ]
    units = build_units(pdf_layout(rows))
    assert [u.text for u in units][1] == "Library System (Employment Network)"


def test_a_pdf_line_of_pairs_set_apart_by_dashes_is_cut_before_each_caption():
    rows = [
        (1, 40, [(50, "Career Librarian — Printed name: Dana Whitfield — Signature: /s/ Dana Whitfield")]),
        (1, 52, [(50, "— Date: Tue, Mar 11, 2025")]),
        (1, 64, [(50, "Job: Office Assistant — full time")]),  # a dash inside a value stays
    ]
    assert [u.text for u in build_units(pdf_layout(rows))] == [
        "Career Librarian", "Printed name: Dana Whitfield", "Signature: /s/ Dana Whitfield",
        "Date: Tue, Mar 11, 2025", "Job: Office Assistant — full time"]


def test_services_lines_before_a_terms_list_found_by_content_stay_services():
    layout = layout_from_text(NOTICE.replace("# What we will do for you\n", "# What we will do for you\n"
                                             "Staying in touch when you start work: We will do this for you. "
                                             "Monthly calls to keep two-way contact.\n") + """
Important things you should know
(1) You have the right to a copy of your plan in an accessible format you choose, such as large print, braille, audio or email.
(2) You do not pay for anything in this plan. Our services are free of charge to you, and we will not ask for or accept money or gifts from you for them.
(3) Taking part is voluntary. You can take your Ticket back from us (unassign it) at any time, for example if you are not happy with our services.
(4) We keep what we know about you private, including anything about your disability. We share it only if you say yes in writing or the law requires it.
(5) You can ask for an amendment to your plan at any time. We both have to agree to an amendment, and it must be written down, signed and dated by you and by us. We may change your plan, suspend or discontinue your services, or unassign your Ticket if you stop working with us, tell us to stop, or need services we cannot offer.
(6) If you disagree with a decision we make, you can use the grievance procedure of Harbor Light Careers. If that does not settle the dispute, you can take it to the Ticket Program Manager, and then to the Social Security Administration.
(7) You can contact the Protection and Advocacy for Beneficiaries of Social Security (PABSS) program in your state. PABSS can speak up for you and help you with a problem you have with us.
(8) For benefits counseling, you see a certified work incentives counselor on our staff, or we refer you to a WIPA project through the Ticket to Work Help Line.
(9) We will deliver the services listed under “What we will do for you” in this notice, in the way described there.
(10) Your Plan Officer will have two-way contact with you at least once a month while you are getting your first job, and at least once every three months after that. If there is no two-way contact for 60 days in the first phase, or 180 days after that, we may unassign your Ticket.
(11) You must report your work and earnings to Social Security, and show us your pay stubs as evidence of what you earn.
(12) You need to make timely progress toward your goals. This keeps Social Security from starting a medical continuing disability review because of your work. Without it, you can lose that protection.
(13) Your plan starts only after you and we have both signed and dated it and your Ticket is assigned to us. We send your plan to the Ticket Program Manager within 14 days after the last signature.
(14) We have not agreed any other terms with you. If we agree more terms later, they must follow the Ticket Program Agreement.
""")  # noqa: E501
    record = interpret(layout)
    services = {s.service: s.selected for s in record.services}
    assert services.get("follow_up_initial") is True
    assert sum(t.present for t in record.terms_and_conditions) >= 5


def test_a_goal_as_a_row_of_captions_over_a_row_of_values_and_a_caption_over_the_name():
    rows = [
        (1, 30, [(50, "Individual Work Plan — record export, Ticket to Work")]),
        (1, 50, [(50, "Step 1 of 9 · Profile")]),
        (1, 65, [(55, "Profile holder"), (250, "SSN"), (400, "Phone")]),
        (1, 75, [(55, "Maria L. Gonzalez"), (250, "900-12-3456"), (400, "555-310-7788")]),
        (1, 100, [(50, "Step 4 of 9 · Goals")]),
        (1, 115, [(55, "Near goal (18 months): job"), (200, "Hours/wk"), (260, "FT/PT"), (320, "Pay"), (450, "By")]),
        (1, 125, [(55, "Office Assistant"), (200, "25"), (260, "part time"), (320, "USD 14.00/h, 25 h/wk"),
                  (450, "within 9 months")]),
        (1, 145, [(55, "Far goal (3-5 years): job"), (200, "Hours/wk"), (260, "FT/PT"), (320, "Pay"), (450, "By")]),
        (1, 155, [(55, "Administrative Coordinator"), (200, "40"), (260, "full time"), (320, "USD 2,600.00/month"),
                  (450, "within 3 years")]),
    ]
    record = interpret(pdf_layout(rows, bold=("Step 1 of 9 · Profile", "Step 4 of 9 · Goals")))
    assert record.ticketholder.name == "Maria L. Gonzalez"
    short, long = record.employment_goals.short_term, record.employment_goals.long_term
    assert short is not None and (short.job_title, short.full_time, short.monthly_earnings, short.time_frame) == (
        "Office Assistant", False, 1516.67, "within 9 months")
    assert long is not None and (long.job_title, long.monthly_earnings) == ("Administrative Coordinator", 2600.0)


def test_a_contracts_clauses_wrapped_over_pdf_lines():
    rows = [
        (1, 30, [(50, "INDIVIDUAL WORK PLAN AGREEMENT under the Ticket to Work program")]),
        (1, 42, [(50, "THIS AGREEMENT is made between the individual named in Clause 1.1 (the")]),
        (1, 54, [(50, "“Ticket User”) and the Employment Network named in Clause 1.5 (the")]),
        (1, 66, [(50, "“Contractor”), together the “Parties”.")]),
        (1, 90, [(50, "1. THE PARTIES")]),
        (1, 105, [(50, "1.1"), (80, "Name of the Ticket User— Maria L. Gonzalez")]),
        (1, 117, [(50, "1.2"), (80, "Social Security number— 900-12-3456")]),
        (1, 129, [(50, "1.6"), (80, "Provider Identification Number (PID) of the Contractor — EN-")]),
        (1, 139.5, [(80, "104233")]),
        (1, 160, [(50, "5. SERVICES AND SUPPORTS")]),
        (1, 175, [(50, "5.1"), (80, "Counseling on benefits and work incentives.— The Contractor")]),
        (1, 185.5, [(80, "SHALL PROVIDE this service, as follows: a WIPA referral.")]),
        (1, 200, [(50, "5.7"), (80, "Workplace accommodation assistance. — The Contractor SHALL")]),
        (1, 210.5, [(80, "NOT PROVIDE this service under this Agreement.")]),
        (1, 225, [(50, "5.8"), (80, "Job placement. — The Contractor SHALL PROVIDE this")]),
        (1, 235.5, [(80, "service, as follows: direct referrals to employers.")]),
    ]
    record = interpret(pdf_layout(rows, bold=("1. THE PARTIES", "5. SERVICES AND SUPPORTS")))
    assert (record.ticketholder.name, record.en.pid) == ("Maria L. Gonzalez", "EN-104233")
    services = {s.service: (s.selected, s.description) for s in record.services}
    assert services["benefits_counseling"] == (True, "a WIPA referral.")
    assert services["job_accommodation"][0] is False
    assert services["job_placement"] == (True, "direct referrals to employers.")


def test_goal_columns_of_captions_over_values_and_a_name_wrapped_in_its_cell():
    rows = [
        (1, 30, [(50, "Individual Work Plan under the Ticket to Work program")]),
        (1, 50, [(50, "Segment 2 · Our Organization (EN)")]),
        (1, 65, [(55, "Faith Community Services (Employment Network)"), (311, "Ministry provider no. (PID)")]),
        (1, 77, [(55, "Bright Path Employment"), (311, "EN-104233")]),
        (1, 87.5, [(55, "Services")]),
        (1, 110, [(50, "Segment 4 · Employment goals")]),
        (1, 125, [(70, "Within 18 months"), (330, "In 3 to 5 years")]),
        (1, 140, [(70, "Job"), (330, "Job")]),
        (1, 152, [(70, "Office Assistant"), (330, "Administrative Coordinator")]),
        (1, 167, [(70, "Hours a week"), (330, "Hours a week")]),
        (1, 179, [(70, "25"), (330, "40")]),
        (1, 194, [(70, "Pay"), (330, "Pay")]),
        (1, 206, [(70, "$14.00 hourly rate"), (330, "$2,600.00 monthly rate")]),
    ]
    record = interpret(pdf_layout(rows, bold=("Segment 2 · Our Organization (EN)", "Segment 4 · Employment goals")))
    assert record.en.name == "Bright Path Employment Services"
    short, long = record.employment_goals.short_term, record.employment_goals.long_term
    assert short is not None and (short.job_title, short.monthly_earnings) == ("Office Assistant", 1516.67)
    assert long is not None and (long.job_title, long.monthly_earnings) == ("Administrative Coordinator", 2600.0)


def test_a_filled_dot_among_empty_boxes_drawn_apart_is_the_chosen_option():
    rows = [
        (1, 30, [(50, "Individual Work Plan — record export, Ticket to Work")]),
        (1, 50, [(50, "Planning session")]),
        (1, 65, [(55, "Session date: 2025-02-14")]),
        (1, 80, [(55, "Session mode")]),
        (1, 92, [(55, "[ ] In person"), (160, "● Phone call"), (260, "[ ] Video call")]),  # three boxes apart
    ]
    assert interpret(pdf_layout(rows, bold=("Planning session",))).discussion.modality == "telephone"


def test_dates_run_together_year_first():
    assert str(parse_date("20250214")) == "2025-02-14"
    assert parse_date("EN20250214") is None and parse_date("20251399") is None


def test_a_cross_set_on_an_empty_box_a_prompt_row_and_a_signature_grid_with_a_role_column():
    rows = [
        (1, 30, [(50, "Individual Work Plan under the Ticket to Work program")]),
        (1, 50, [(50, "Section C — Planning visit")]),
        (1, 65, [(55, "Visit date: 03-04-2025")]),
        (1, 80, [(55, "How did the visit take place? Check one.")]),
        (1, 92, [(55, _normalise("☐ ✕ At the clinic, in person"))]),
        (1, 104, [(55, "[ ] By telephone")]),
        (1, 130, [(50, "Section E — Past work (last 18 months)")]),
        (1, 145, [(55, "Employer"), (200, "Job"), (300, "From"), (360, "To"), (420, "Pay")]),
        (1, 157, [(55, "Springfield Dental Group"), (200, "Receptionist"), (300, "06-2023"), (360, "09-2024"),
                  (420, "$12.00 per hour, 20 hours a week")]),
        (1, 172, [(55, "No past work? Say why")]),
        (1, 200, [(50, "Section I — Signatures")]),
        (1, 215, [(55, "Role"), (220, "Name"), (330, "Signature"), (440, "Date")]),
        (1, 227, [(55, "Recruit (or representative)"), (220, "Maria L. Gonzalez"), (330, "Maria L. Gonzalez"),
                  (440, "03-10-2025")]),
        (1, 239, [(55, "Talent Partner"), (220, "Dana Whitfield"), (330, "Dana Whitfield"), (440, "03-11-2025")]),
    ]
    bold = ("Section C — Planning visit", "Section E — Past work (last 18 months)", "Section I — Signatures")
    record = interpret(pdf_layout(rows, bold=bold))
    assert record.discussion.modality == "in_person"
    assert [j.employer for j in record.work_history] == ["Springfield Dental Group"]
    th, en = record.signatures.ticketholder, record.signatures.en_representative
    assert (th.signed, th.date) == (True, "2025-03-10")
    assert (en.signed, en.printed_name, en.date) == (True, "Dana Whitfield", "2025-03-11")


def test_an_outline_of_numbered_lines():
    rows = [
        (1, 30, [(50, "Individual Work Plan — Ticket to Work")]),
        (1, 50, [(50, "I. THE SCHOLAR")]),
        (1, 62, [(55, "A."), (75, "Identification")]),
        (1, 74, [(75, "1."), (95, "Scholar's full name: Maria L. Gonzalez")]),
        (1, 86, [(75, "2."), (95, "Social Security number: 900-12-3456")]),
        (1, 98, [(55, "B."), (75, "Person to reach when we cannot reach the Scholar")]),
        (1, 110, [(75, "1."), (95, "Name, relationship and phone: Rosa Gonzalez, Sister, 555-310-9901")]),
        (1, 140, [(50, "VI. SERVICES AND SUPPORTS")]),
        (1, 152, [(55, "A."), (75, "Career planning")]),
        (1, 164, [(75, "1."), (95, "Understanding your benefits and work: Included — Bright Path will")]),
        (1, 174.5, [(95, "refer Maria to a WIPA project for benefits counseling.")]),
        (1, 186, [(75, "2."), (95, "Choosing a career path: Not included")]),
        (1, 198, [(75, "3."), (95, "Getting the offer: Included — Direct referrals to employers.")]),
        (1, 230, [(50, "IX. SIGNATURES")]),
        (1, 242, [(75, "1."), (95, "Signature of the Scholar (or representative): /s/ Maria L. Gonzalez")]),
        (1, 254, [(75, "2."), (95, "Date: 2025/3/10")]),
        (1, 266, [(55, "B."), (75, "The College")]),
        (1, 278, [(75, "1."), (95, "Signature of the Career Pathways Advisor: /s/ Dana Whitfield")]),
        (1, 290, [(75, "2."), (95, "Date: 2025/3/11")]),
    ]
    record = interpret(pdf_layout(rows, bold=("I. THE SCHOLAR", "VI. SERVICES AND SUPPORTS",
                                              "IX. SIGNATURES")))
    assert record.ticketholder.name == "Maria L. Gonzalez"  # not the outline's 'A.'
    assert record.alternate_contact.name == "Rosa Gonzalez"
    services = {s.service: (s.selected, s.description) for s in record.services}
    assert services["benefits_counseling"] == (
        True, "Bright Path will refer Maria to a WIPA project for benefits counseling.")
    assert services.get("goal_setting", (False, None))[0] is False  # 'A. Career planning' is a family, not a row
    en = record.signatures.en_representative
    assert (en.signed, en.date) == (True, "2025-03-11")


def test_two_row_headers_merged_over_their_own_columns():
    def row(table, r, *cells):  # (cell index, text): 'Dates' and 'Provided?' span two columns in Word
        return [_cell(text, table, r, c) for c, text in cells]

    lines = [
        Line("Individual Work Plan (Ticket to Work)", paragraph=0),
        Line("Beneficiary name: Kevin T. Brandt", paragraph=1),
        Line("Social Security number: 901-44-1234", paragraph=2),
        Line("Recent work (last 18 months)", paragraph=3, bold=True, style="Heading 2"),
        *row(0, 0, (0, "Employer"), (1, "Position"), (2, "Dates"), (4, "Hours a week"), (5, "Pay")),
        *row(0, 1, (2, "Began"), (3, "Ended")),
        *row(0, 2, (0, "Acme Storage"), (1, "Inventory Clerk"), (2, "Jan '22"), (3, "Aug '24"), (4, "30"),
             (5, "$16.50/h")),
        Line("Services", paragraph=4, bold=True, style="Heading 2"),
        *row(1, 0, (0, "Service"), (1, "Provided?"), (3, "What we will do")),
        *row(1, 1, (1, "Yes"), (2, "No")),
        *row(1, 2, (0, "Job search support"), (1, "[x]"), (2, "[ ]"), (3, "Weekly job leads from local warehouses.")),
        *row(1, 3, (0, "Career pathway planning"), (1, "[ ]"), (2, "[x]")),
    ]
    record = interpret(Layout(kind="docx", pages=1, lines=tuple(lines)))
    assert [(j.employer, j.start_date) for j in record.work_history] == [("Acme Storage", "2022-01")]
    services = {s.service: s.selected for s in record.services}
    assert services["job_search"] is True and services.get("goal_setting", False) is False


def test_values_written_over_their_captions_in_word_cells_and_a_days_pay():
    lines = [
        Line("MEMBER WORK PLAN", paragraph=0),
        Line("Individual Work Plan under the Ticket to Work program", paragraph=1),
        Line("UNIT 1 · THE MEMBER", paragraph=2, bold=True, style="Heading 2"),
        _cell("Maria L. Gonzalez\nClubhouse Member's full name", 0, 0, 0),
        _cell("900-12-3456\nSocial Security number", 0, 0, 1),
        _cell("555-310-7788\nMember's phone", 0, 0, 2),
        _cell("\nClubhouse EN provider number (PID)", 0, 1, 0),  # an empty rule: a blank
        Line("UNIT 5 · EMPLOYMENT GOALS", paragraph=3, bold=True, style="Heading 2"),
        Line("Step 1 — in the next 18 months", paragraph=4),
        _cell("Office Assistant\nJob I want", 1, 0, 0), _cell("25\nHours a week", 1, 0, 1),
        _cell("$70.00 a day, 5 days a week\nPay I expect", 1, 0, 2), _cell("within 9 months\nBy when", 1, 0, 3),
    ]
    record = interpret(Layout(kind="docx", pages=1, lines=tuple(lines)))
    assert (record.ticketholder.name, record.ticketholder.ssn) == ("Maria L. Gonzalez", "900-12-3456")
    assert record.en.pid is None
    goal = record.employment_goals.short_term
    assert goal is not None and (goal.job_title, goal.monthly_earnings) == ("Office Assistant", 1516.67)
    assert parse_money("$120.00 a day, 5 days a week").monthly == 2600.0
    assert ticks_and_crosses("√ At the Clubhouse")["√"] == CHECKED


def test_a_word_signature_grid_with_its_role_column_second_and_a_goal_table_under_unknown_captions():
    def row(table, r, *texts):
        return [_cell(text, table, r, c) for c, text in enumerate(texts)]

    lines = [
        Line("Individual Work Plan (Ticket to Work)", paragraph=0),
        Line("Union Member name: Maria L. Gonzalez", paragraph=1),
        Line("Social Security number: 900-12-3456", paragraph=2),
        Line("Employment goals", paragraph=3, bold=True, style="Heading 2"),
        *row(0, 0, "Goal", "Specific: the job", "Measurable: schedule and pay", "Time-bound: reach it"),
        *row(0, 1, "D1 Short-term goal (first 18 months)", "Office Assistant",
             "part time, 25 hours a week, $14.00 per hour", "within 9 months"),
        Line("Services and supports", paragraph=4, bold=True, style="Heading 2"),
        Line("Included in this plan — what your Representative will do:", paragraph=5),
        Line("▪ Job placement", paragraph=6),
        Line("Direct referrals to employer partners hiring office staff.", paragraph=7),
        Line("Signature certificate", paragraph=8, bold=True, style="Heading 2"),
        *row(1, 0, "Signer (printed name)", "Role", "Electronic signature", "Date signed"),
        *row(1, 1, "Maria L. Gonzalez", "Union Member (or representative)", "/e/ Maria L. Gonzalez", "March 10, 2025"),
        *row(1, 2, "Dana Whitfield", "Member Assistance Representative", "/e/ Dana Whitfield", "March 11, 2025"),
    ]
    record = interpret(Layout(kind="docx", pages=1, lines=tuple(lines)))
    goal = record.employment_goals.short_term
    assert goal is not None and (goal.job_title, goal.hours_per_week, goal.monthly_earnings) == (
        "Office Assistant", 25.0, 1516.67)
    services = {s.service: (s.selected, s.description) for s in record.services}
    assert services["job_placement"] == (True, "Direct referrals to employer partners hiring office staff.")
    th, en = record.signatures.ticketholder, record.signatures.en_representative
    assert (th.signed, th.date) == (True, "2025-03-10")
    assert (en.signed, en.printed_name, en.date) == (True, "Dana Whitfield", "2025-03-11")


def test_pairs_set_apart_by_middle_dots_with_no_colon_and_pay_every_four_weeks():
    pieces = [p for p, _ in _word_pieces(
        "SSN 900-12-3456 · Tel. 555-310-7788 · Alternate point of contact Rosa Gonzalez, Sister, 555-310-9901", False)]
    assert pieces == ["SSN: 900-12-3456", "Tel.: 555-310-7788",
                      "Alternate point of contact: Rosa Gonzalez, Sister, 555-310-9901"]
    assert [p for p, _ in _word_pieces("Part time · 25 hours a week · $1,400.00 every four weeks", False)] == [
        "Part time · 25 hours a week · $1,400.00 every four weeks"]  # no labels: one piece
    assert parse_money("$1,400.00 every four weeks").monthly == 1516.67
