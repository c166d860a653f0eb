"""Plans written as contracts and notices, parts held whole in one cell, goals as columns (reader round 8)."""

from __future__ import annotations

import pytest

from iwp_pipeline.extract.interpret import interpret, status_sentence
from iwp_pipeline.extract.layout import BOX_GLYPHS, CHECKED, UNCHECKED, Layout, Line, ticks_and_crosses
from iwp_pipeline.extract.units import _word_pieces, learn_person_nouns, match_label, person_nouns
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
        _cell("Job: Office Assistant\nSchedule: part time, 25 hours a week\nEarnings: $14 hr\nReach by: within 9 months",
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
        (1, 240, [(54, "5.1"), (84, "Benefits review"), (230, "[x]"), (330, "A WIPA referral for benefits counseling.")]),
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
