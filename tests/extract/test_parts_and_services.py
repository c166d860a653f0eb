"""Parts titled in an EN's own series ('Checkpoint 6 — Supports', 'F · SUPPORTS'), and service lists
whose names the vocabulary does not know, read by their word stems and by what is left."""

from __future__ import annotations

import pytest

from iwp_pipeline.extract.interpret import interpret
from iwp_pipeline.extract.units import UNPLACED, Unit, build_units, series_titles
from tests.extract.layouts import layout_from_text, pdf_layout

OPENING = """Individual Work Plan (Ticket to Work)
Employment Network: Harbor Light Careers
Provider ID: P-20931
"""

SERVICES_ROWS = """Service | Provide | Not now | What we will do
Understanding your benefits | [x] | [ ] | A certified counselor reviews your benefits.
Picking a work goal | [ ] | [x]
A coach beside you at work | [ ] | [x]
Opening doors with employers | [ ] | [x]
Classes and training | [ ] | [x]
Looking for openings | [x] | [ ] | Weekly job leads.
Changes at work you need | [ ] | [x]
Landing the job | [x] | [ ] | Referrals to employer partners.
Staying close in the first months | [x] | [ ] | Monthly calls.
Staying close after that | [ ] | [x]
Holding on to your job | [ ] | [x]
Growing in your career | [ ] | [x]
"""


def _units(titles: list[str]) -> list[Unit]:
    return [Unit(t, i) for i, t in enumerate(titles)]


def test_a_series_of_numbered_titles_names_the_plans_parts():
    units = _units(["Checkpoint 1 — Prospective Team Member", "Legal name", "Checkpoint 2 — Employer EN",
                    "Checkpoint 3 — Planning meeting", "Checkpoint 4 — Employment goals", "Checkpoint 5 — Supports",
                    "Checkpoint 6 — Standards of this plan", "Checkpoint 7 — Signatures"])
    assert series_titles(units) == {0: "part1", 2: "part1", 3: "discussion", 4: "goals", 5: "services",
                                    6: UNPLACED, 7: "signatures"}


def test_lettered_titles_and_a_first_title_read_as_another_part():
    units = _units(["A · SERVICE USER", "B · DEAF SERVICES CENTER (EN)", "C · PLANNING MEETING",
                    "D · CAREER TARGETS", "E · WORK BACKGROUND (LAST 18 MONTHS)", "F · SUPPORTS"])
    assert series_titles(units) == {0: "part1", 1: "part1", 2: "discussion", 3: "goals", 4: "work_history",
                                    5: "services"}


@pytest.mark.parametrize("titles", [
    ["5. Provider (Employment Network) name", "6. Program ID", "7. Meeting", "8. Goals", "9. Services"],  # labels
    ["Goal 1 — Office Assistant", "Goal 2 — Lead", "Goal 3 — Manager", "Goal 4 — Director"],  # no parts named
    [f"Term {n} — {w}" for n, w in enumerate(["Fees", "Services", "Goals", "Meetings", "Signatures", "Reports",
                                              "Records", "Grievance", "Ticket", "Rights", "Duties", "Plans",
                                              "Changes", "Copies", "Other"], 1)],  # fifteen items: a list
])
def test_numbered_labels_items_and_long_lists_are_no_series_of_parts(titles):
    assert series_titles(_units(titles)) == {}


def test_services_in_plain_words_under_status_columns():
    record = interpret(layout_from_text(OPENING + "# Checkpoint 1 — The Member\nMember name: Kevin T. Brandt\n"
                                        "# Checkpoint 2 — Planning meeting\nDate of meeting: 02/14/2025\n"
                                        "# Checkpoint 3 — Work goals\nShort-term goal: Clerk\n"
                                        "# Checkpoint 4 — How we will walk with you\n" + SERVICES_ROWS
                                        + "# Checkpoint 5 — Signatures\nMember signature: Kevin T. Brandt\n"))
    chosen = {s.service for s in record.services if s.selected}
    assert chosen == {"benefits_counseling", "job_search", "job_placement", "follow_up_initial"}
    named = {s.service for s in record.services}
    assert named == {"benefits_counseling", "goal_setting", "job_coaching", "job_development", "training",
                     "job_search", "job_accommodation", "job_placement", "follow_up_initial", "follow_up_ongoing",
                     "job_stabilization", "career_advancement"}  # each row one service, none twice


def test_a_service_named_only_in_a_description_leaves_its_row_to_the_row():
    rows = SERVICES_ROWS.replace("A coach beside you at work | [ ] | [x]",
                                 "A coach beside you at work | [x] | [ ] | Coaching on the job in the first month.")
    record = interpret(layout_from_text(OPENING + "# Services\n" + rows))
    coaching = next(s for s in record.services if s.service == "job_coaching")
    assert (coaching.selected, coaching.label) == (True, "A coach beside you at work")


def test_a_column_header_is_no_service():
    rows = "[x] Service | What the EN will do\n" + "\n".join(
        f"{n} | {d}" for n, d in [("Benefits Counseling", "Reviews."), ("Job Search", "Leads."),
                                  ("Placement", "Referrals."), ("Job Coaching", ""), ("Job Development", ""),
                                  ("Training", ""), ("Goal Setting", ""), ("Career Advancement", "")])
    record = interpret(layout_from_text(OPENING + "# Services\n" + rows))
    assert "job_accommodation" not in {s.service for s in record.services}


def test_particulars_run_together_with_semicolons_over_wrapped_lines():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN — TICKET TO WORK")]), (1, 60, [(72, "1. PARTICIPANT")]),
            (1, 75, [(72, "Name: Kevin T. Brandt; SSN: 901-44-1234; Phone: 555-880-3131; Natural support contact")]),
            (1, 87, [(72, "(name, relationship, phone): Janet Brandt, Mother")]),
            (1, 110, [(72, "2. EMPLOYMENT NETWORK")]),
            (1, 125, [(72, "County Behavioral Health (EN): Harbor Light Careers; BH provider no. (PID): P-20931;")]),
            (1, 137, [(72, "Vocational Liaison: Luis Ortega")]),
            (1, 160, [(72, "3. PLANNING SESSION")]), (1, 175, [(72, "Session date: 02/14/2025; Session type: Phone")]),
            (1, 200, [(72, "4. SERVICES")]), (1, 215, [(72, "Job search: weekly leads.")])]
    record = interpret(pdf_layout(rows))
    assert (record.ticketholder.name, record.ticketholder.ssn) == ("Kevin T. Brandt", "901-44-1234")
    assert record.alternate_contact.name == "Janet Brandt"
    assert (record.en.name, record.en.pid) == ("Harbor Light Careers", "P-20931")


def test_one_pair_with_a_semicolon_in_its_value_stays_whole():
    units = build_units(layout_from_text("Goal: Clerk; part time; 25 hours"))
    assert [u.text for u in units] == ["Goal: Clerk; part time; 25 hours"]


def test_a_caption_naming_the_en_by_its_kind_labels_the_ens_name():
    record = interpret(layout_from_text(
        "Individual Work Plan (Ticket to Work)\n# Checkpoint 1 — Prospective Team Member\n"
        "Legal name | Kevin T. Brandt\n"
        "# Checkpoint 2 — Employer EN\nEmployer EN (hospital system) | Harbor Light Careers\n"
        "EN vendor ID (PID) | P-20931\n# Checkpoint 3 — Planning meeting\nDate held | 02/14/2025\n"
        "# Checkpoint 4 — Supports\nJob search | Yes\n# Checkpoint 5 — Signatures\n"))
    assert (record.en.name, record.en.pid) == ("Harbor Light Careers", "P-20931")
    assert record.ticketholder.name == "Kevin T. Brandt"  # the plan's first part is the person's


@pytest.mark.parametrize(("text", "key", "value"), [
    ("SSN → 901-44-1234", "ticketholder.ssn", "901-44-1234"),
    ("Provider ID (PID) → P-20931", "en.pid", "P-20931"),
    ("Returning Citizen's name → Kevin T. Brandt", "generic.name", "Kevin T. Brandt"),
    ("Guest's name", "generic.name", ""),
    ("How the conversation took place", "discussion.modality", ""),
    ("Way we met: by phone", "discussion.modality", "by phone"),
])
def test_an_arrow_sets_a_value_apart_and_anyones_name_is_a_name(text, key, value):
    from iwp_pipeline.extract.units import match_label
    hit = match_label(text)
    assert hit is not None and (hit.key, hit.rest) == (key, value)


def test_whoever_gives_the_services_is_staff_not_the_person():
    from iwp_pipeline.extract.units import learn_person_nouns
    texts = ["Member (or representative) signature", "Member name", "Vocational Guide signature",
             "Vocational Guide name (printed)", "The Vocational Guide will make two-way contact with the Member"]
    assert learn_person_nouns(texts) == ("member",)
    assert learn_person_nouns(texts[:-1]) == ("member", "guide")  # without the sentence nothing tells them apart


def test_a_party_and_its_lines_role_set_apart_by_a_dash():
    from iwp_pipeline.extract.units import match_label
    hit = match_label("Prospective Team Member (or representative) — signature")
    assert hit is not None and hit.key == "generic.signature"


def test_a_part_titled_for_the_person_is_not_the_services_part():
    units = _units(["1. PERSON RECEIVING SERVICES", "2. EMPLOYMENT NETWORK", "3. PLANNING SESSION",
                    "4. SERVICES AUTHORIZED", "5. NOTICES TO THE PERSON RECEIVING SERVICES", "6. SIGNATURES"])
    assert series_titles(units) == {0: "part1", 1: "part1", 2: "discussion", 3: "services", 4: "terms",
                                    5: "signatures"}


STANDARDS = [
    "Harbor Light Careers will deliver each service marked AUTHORIZED, free of charge to the Member.",
    "Taking part is voluntary; the Member may take the Ticket to another EN or unassign it at any time.",
    "Harbor Light Careers will not ask the Member for any fee or payment for its services.",
    "Harbor Light Careers may end its services or unassign the Ticket if the Member stops taking part.",
    "The Member may ask for an amendment to this plan at any time; both must agree in writing.",
    "The Member will get a copy of this plan and of any amendment, in an accessible format if needed.",
    "Harbor Light Careers keeps the Member's records private and will not share them without consent.",
    "If the Member disagrees with Harbor Light Careers, the Member may use its grievance procedure and "
    "then ask the Ticket Program Manager, and then the Protection and Advocacy system, for help.",
    "The Member will report work and earnings to Social Security when employed.",
    "The Member must make timely progress toward the goals of this plan.",
]


def test_a_terms_part_under_a_title_naming_no_part_is_found_by_what_its_text_states():
    from iwp_pipeline.extract.terms import terms_list_by_content
    wrapped = [line for item in STANDARDS for line in _wrap(item, 45)]
    units = _units(["Checkpoint 7 — Standards of this plan", *wrapped, "Checkpoint 8 — Signatures"])
    units[0].heading = UNPLACED
    units[-1].heading = "signatures"
    terms_list_by_content(units)
    assert units[0].heading == "terms"
    assert {u.section for u in units[:-1]} == {"terms"}
    assert units[-1].section is None


def test_a_terms_list_in_one_cell_is_the_terms_part():
    from iwp_pipeline.extract.terms import terms_list_by_content
    units = _units(["Our standards", "\n".join(STANDARDS)])
    terms_list_by_content(units)
    assert units[1].section == "terms"


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) >= width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return [*lines, line]


def test_marks_explained_by_a_key_line_are_boxes():
    rows = ("◆ = provided under this plan   ◇ = not in this plan\n◆ Benefits counseling: a CWIC reviews benefits.\n"
            "◇ Job coaching\n◆ Job search: weekly leads.\n◇ Long-term follow-up\n")
    record = interpret(layout_from_text(OPENING + "# Services\n" + rows))
    assert {s.service: s.selected for s in record.services} == {
        "benefits_counseling": True, "job_coaching": False, "job_search": True, "follow_up_ongoing": False}


def test_status_words_authorized_and_not_authorized():
    rows = "Service | Status | Liaison action\nJob search | Authorized | Weekly leads.\nJob coaching | Not authorized\n"
    record = interpret(layout_from_text(OPENING + "# Services\n" + rows))
    assert {s.service: s.selected for s in record.services} == {"job_search": True, "job_coaching": False}


def test_two_rows_named_alike_one_a_follow_up_are_the_two_phases():
    rows = SERVICES_ROWS.replace("Staying close after that | [ ] | [x]",
                                 "Staying close after that | [x] | [ ] | Calls.")
    record = interpret(layout_from_text(OPENING + "# Services\n" + rows))
    chosen = {s.service for s in record.services if s.selected}
    assert {"follow_up_initial", "follow_up_ongoing"} <= chosen and "job_stabilization" not in chosen


PARTIES = ("Individual Work Plan (Ticket to Work)\n# Checkpoint 1 — The Guest\nGuest's name | Kevin T. Brandt\n"
           "Person close to you | {alternate}\n# Checkpoint 2 — The Ministry (Employment Network)\n"
           "Ministry (Employment Network) | Harbor Light Careers\nProvider ID (PID) | P-20931\n"
           "# Checkpoint 3 — Our conversation\nDate we sat down\n2-14-2025\n"
           "# Checkpoint 4 — Where you are headed\nTarget 1 — within 18 months\n"
           "Inventory Clerk, part time — $17.00/hr; 25 hr/wk — within 6 months\nTarget 2 — in 3 to 5 years\n"
           "Warehouse Lead, full time — $3,100.00 per month — within 3 years\n"
           "# Checkpoint 5 — Our covenant\nThe Ministry will not charge you for any service.\n"
           "# Checkpoint 6 — Signatures\n")


def test_captions_known_by_the_value_they_caption():
    record = interpret(layout_from_text(PARTIES.format(alternate="Janet Brandt, Mother, 555-880-3132")))
    assert record.discussion.date == "2025-02-14"  # 'Date we sat down' over a date
    assert record.employment_goals.short_term.monthly_earnings == pytest.approx(1841.67)  # 'within 18 months'
    assert record.employment_goals.long_term.monthly_earnings == 3100
    assert (record.alternate_contact.name, record.alternate_contact.phone) == ("Janet Brandt", "555-880-3132")


def test_no_alternate_contact_is_made_up_from_other_values():
    record = interpret(layout_from_text(PARTIES.format(alternate="")))
    assert record.alternate_contact.name is None


def test_the_statement_under_a_title_naming_no_part_is_the_statement_of_understanding():
    text = PARTIES.format(alternate="").replace(
        "# Checkpoint 6 — Signatures\n", "# Checkpoint 6 — In closing\nI, the Guest, understand that the Ministry "
        "will provide the services in this plan to help me reach my work goals.\n# Checkpoint 7 — Signatures\n")
    assert interpret(layout_from_text(text)).statement_of_understanding.present is True
    assert interpret(layout_from_text(PARTIES.format(alternate=""))).statement_of_understanding.present is False


def test_a_forms_first_service_boxes_under_an_unknown_title_join_the_services_part():
    from iwp_pipeline.extract.interpret import services_part_by_content
    from iwp_pipeline.extract.layout import FormField

    def box(name, tip):
        return Unit("[ ]", 0, field=FormField(name, "checkbox", checked=False, tooltip=tip, label=tip), part="form")

    units = [Unit("Jobs you had", 0, section="work_history", heading="work_history", heading_hint=True),
             Unit("Help from the Program", 0, section="work_history", heading_hint=True),
             Unit("", 0, field=FormField("BenefitsHow", "text", tooltip="Benefits help: what we will do"),
                  section="work_history"),
             box("Benefits_cb", "Benefits help"), box("Hunt_cb", "Job hunting together"),
             box("Coach_cb", "Coach at the job"), box("Hired_cb", "Getting hired")]
    for u in units[3:5]:
        u.section = "work_history"
    for u in units[5:]:
        u.section = "services"  # the later boxes were placed by their own words
    services_part_by_content(units)
    assert [u.section for u in units] == ["work_history"] + ["services"] * 6
    assert units[1].heading == "services"


def test_a_word_for_anyone_with_a_word_before_it_is_the_persons():
    from iwp_pipeline.extract.units import learn_person_nouns
    assert learn_person_nouns(["Service User name", "Service User (or representative) signature"]) == (
        "service user",)
    assert learn_person_nouns(["Career Coach name", "Career Coach signature"]) == ()  # a staff title stays staff


def test_a_horizon_caption_with_no_value_after_it_labels_nothing():
    from iwp_pipeline.extract.interpret import _goals_by_horizon
    units = [Unit(t, i, section="goals") for i, t in enumerate(["Short range (within 18 months)",
                                                               "Long range (3 to 5 years)", "Warehouse Lead"])]
    _goals_by_horizon(units)
    assert [u.label.key if u.label else None for u in units] == [None, "goals.long_term", None]


def test_stacked_captions_beside_stacked_values():
    from iwp_pipeline.extract.docx_reader import read_docx
    from iwp_pipeline.extract.units import build_units
    from tests.extract.test_word_reader import _docx, _p, _tbl, _tc
    cells = [_tc(_p("Date we sat down"), _p("Way we met")), _tc(_p("2-14-2025"), _p("Over the telephone"))]
    assert [u.text for u in build_units(read_docx(_docx(_tbl(cells))))] == [
        "Date we sat down", "2-14-2025", "Way we met", "Over the telephone"]
    labels_over_values = [_tc(_p("NAME"), _p("Kevin T. Brandt")), _tc(_p("SOCIAL SECURITY NUMBER"), _p("901-44-1234"))]
    assert [u.text for u in build_units(read_docx(_docx(_tbl(labels_over_values))))] == [
        "NAME", "Kevin T. Brandt", "SOCIAL SECURITY NUMBER", "901-44-1234"]  # each cell a label over its value


def test_lines_set_like_the_known_part_titles_are_part_titles():
    from iwp_pipeline.extract.units import styled_titles
    lines = ["Your details", "Guest name", "When and how we met", "Your job goals", "Jobs you had (last 18 months)",
             "Help from the Program", "Our agreement", "What you understand", "Signing"]
    units = [Unit(t, i, page=1, line=i, top=20.0 * i, x0=72, size=10.5, heading_hint=t != "Guest name")
             for i, t in enumerate(lines)]
    titles = styled_titles(units)
    assert titles[4] == "work_history" and titles[3] == "goals" and titles[6] == "terms"
    assert titles[8] == "signatures" and titles[5] == UNPLACED
    assert 1 not in titles  # not in the titles' style
    caps = [replace_text(u, u.text.upper()) if u.order in (3, 6, 8) else u for u in units]
    assert set(styled_titles(caps)) == {3, 6, 8}  # the known titles are in capitals, the other lines not


def replace_text(u: Unit, text: str) -> Unit:
    from dataclasses import replace
    return replace(u, text=text)


def test_a_line_of_particulars_gives_the_meetings_date_and_way():
    text = ("Individual Work Plan (Ticket to Work)\n# Topic 1 — About you\nReturning Citizen's name → Kevin T. Brandt\n"
            "Support person outside the program → Janet Brandt, Mother, 555-880-3132\n"
            "# Topic 2 — Planning session\n"
            "Case note · Feb. 14, 2025 · Phone call with the case worker · entered by Luis Ortega\n"
            "Kevin and I talked about returning to warehouse work.\n# Topic 3 — Your goals\nShort-term goal: Clerk\n"
            "# Topic 4 — Signatures\n")
    record = interpret(layout_from_text(text))
    assert (record.discussion.date, record.discussion.modality) == ("2025-02-14", "telephone")
    assert record.alternate_contact.name == "Janet Brandt"



def test_a_numbered_line_giving_a_past_job_with_dashes_and_brackets():
    text = ("Individual Work Plan (Ticket to Work)\n# Work you have done (last 18 months)\n"
            "1. Acme Storage — Inventory Clerk (January/2022 to August/2024), $16.50 x 30 hrs = $495.00 a week\n"
            "# Your goals\nShort-term goal: Clerk\n# Signatures\n")
    jobs = interpret(layout_from_text(text)).work_history
    assert [(j.employer, j.job_title, j.start_date, j.end_date) for j in jobs] == [
        ("Acme Storage", "Inventory Clerk", "2022-01", "2024-08")]
    assert jobs[0].monthly_earnings == pytest.approx(2145.0)


def test_signer_blocks_captioned_by_the_person_then_by_a_staff_title():
    text = ("Individual Work Plan (Ticket to Work)\n# 1 · Who this plan is for\nFull name: Kevin T. Brandt\n"
            "# 2 · How we planned\nDate we planned: February 14, 2025\n# 3 · Our agreement\n"
            "#1 You will never be asked to pay a fee.\n# 4 · Sign here\n"
            "Youth (or parent / guardian / representative)\nSignature: Kevin T. Brandt\nDate: February 20, 2025\n"
            "Transition Specialist\nSignature: Luis Ortega\nDate: February 21, 2025\nName (printed): Luis Ortega\n")
    record = interpret(layout_from_text(text))
    assert record.discussion.date == "2025-02-14"  # 'Date we planned: ...'
    th, en = record.signatures.ticketholder, record.signatures.en_representative
    assert (th.signed, th.date) == (True, "2025-02-20")
    assert (en.signed, en.printed_name, en.date) == (True, "Luis Ortega", "2025-02-21")


def test_a_signers_name_written_out_under_the_signatures():
    text = ("Individual Work Plan (Ticket to Work)\n# 1 · About you\nFull name: Kevin T. Brandt\n# 2 · Our meeting\n"
            "Meeting date: 02/14/2025\n# 3 · Our agreement\n#1 You will never be asked to pay a fee.\n"
            "# 4 · SIGNATURES\nPatient e-signature: Kevin T. Brandt\nSigned on: 02/20/2025\n"
            "IPS Specialist e-signature: Luis Ortega\nSigned on: 02/21/2025\nIPS Specialist name: Luis Ortega\n")
    assert interpret(layout_from_text(text)).signatures.en_representative.printed_name == "Luis Ortega"
