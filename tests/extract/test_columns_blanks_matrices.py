"""Layouts of EN plans read by their structure: a sidebar beside the report, blanks filled in inside
sentences, both parties in one table, translations under labels, status words under a key, and the
part and signature structures that go with them."""

from __future__ import annotations

import io
import zipfile

import pytest

from iwp_pipeline.extract.docx_reader import read_docx
from iwp_pipeline.extract.fields import names_goal, readings, work_rows
from iwp_pipeline.extract.interpret import interpret
from iwp_pipeline.extract.layout import FormField, Layout, Line, Segment
from iwp_pipeline.extract.pdf_reader import _lines_in_columns, _Run
from iwp_pipeline.extract.units import (
    Unit,
    build_units,
    glyph_titles,
    inline_pairs,
    series_titles,
)
from iwp_pipeline.values import parse_date, parse_month
from tests.extract.layouts import layout_from_text, pdf_layout

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(body: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}'
                                        "</w:body></w:document>")
    return out.getvalue()


def _run(text: str, *, underline: bool = False, bold: bool = False, italic: bool = False,
         size: float | None = None) -> str:
    props = ('<w:u w:val="single"/>' if underline else "") + ("<w:b/>" if bold else "") + (
        "<w:i/>" if italic else "") + (f'<w:sz w:val="{int(size * 2)}"/>' if size else "")
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


# --- a sidebar of particulars beside the report's text (flat PDF) ---------------------------------


def _sidebar_runs() -> list[_Run]:
    """A sidebar of small labels over values at the left, the report's text at the right, off each other's lines."""
    runs = [_Run("Individual Work Plan — Report", 215, 20, 540, 30, 12.0)]
    pairs = [("Evaluee", "Maria L. Gonzalez"), ("SSN", "900-12-3456"), ("Interview date", "04MAR2025"),
             ("Interview mode", "Office interview (in person)")]
    top = 65.0
    for label, value in pairs:  # a small label over its value, 6.7 points apart; pairs 20.7 points apart
        runs.append(_Run(label, 56, top, 56 + 5 * len(label), top + 5.1, 6.5))
        runs.append(_Run(value, 56, top + 6.7, 56 + 5 * len(value), top + 13.2, 7.5))
        top += 20.7
    for k in range(8):  # the report's lines, 11.8 points apart
        runs.append(_Run(f"Report line {k + 1} of the interview summary text.", 215, 65.2 + 11.8 * k,
                         540, 73.4 + 11.8 * k, 9.0))
    return runs


def test_a_sidebar_is_read_before_the_text_beside_it():
    lines = _lines_in_columns(_sidebar_runs(), 1)
    texts = [line.text for line in lines]
    assert texts[:8] == ["Evaluee", "Maria L. Gonzalez", "SSN", "900-12-3456", "Interview date", "04MAR2025",
                         "Interview mode", "Office interview (in person)"]
    assert texts[8] == "Individual Work Plan — Report"  # the report's column, from its title down
    assert texts[9].startswith("Report line 1") and texts[-1].startswith("Report line 8")


def test_a_table_whose_sides_share_their_rows_is_not_split_into_columns():
    runs = []
    for k, (label, value) in enumerate([("Name", "Maria"), ("SSN", "900-12-3456"), ("Phone", "555-310-7788"),
                                        ("Employer", "Acme"), ("Job", "Clerk"), ("Pay", "$12 an hour")]):
        top = 50 + 12 * k
        runs.append(_Run(label, 56, top + 1.8, 90, top + 8.2, 7.0))  # a smaller label, a little lower
        runs.append(_Run(value, 215, top, 300, top + 10, 10.0))
    texts = [line.text for line in _lines_in_columns(runs, 1)]
    assert texts[:2] == ["Name Maria", "SSN 900-12-3456"]


# --- values ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "iso"), [("04MAR2025", "2025-03-04"), ("04/Mar/2025", "2025-03-04"),
                                          ("2025-Mar-04", "2025-03-04"), ("4 Mar. 2025", "2025-03-04")])
def test_dates_written_the_military_and_the_year_first_ways(text, iso):
    assert parse_date(text).isoformat() == iso


@pytest.mark.parametrize(("text", "month"), [("MAR2024", "2024-03"), ("2024-Mar", "2024-03"), ("Mar/2024", "2024-03")])
def test_months_run_together_or_year_first(text, month):
    assert parse_month(text) == month


# --- part titles --------------------------------------------------------------------------------------


def _units(*texts: str) -> list[Unit]:
    return [Unit(t, i, heading_hint=True) for i, t in enumerate(texts)]


def test_parts_numbered_with_circled_digits_are_a_series():
    titles = series_titles(_units("❶  The Artist", "text", "❷  Our planning session", "❸  Your work in the last "
                                  "18 months", "❹  Where you want to go", "❺  What the Studio will do",
                                  "❻  Ground rules"))
    assert titles[2] == "discussion" and titles[3] == "work_history" and titles[6] == "terms"
    assert titles[0] == "part1"


def test_a_series_led_by_two_words_and_titles_with_their_translation():
    titles = series_titles(_units("Agenda item 1 – Conference details", "Agenda item 2 – The Survivor",
                                  "Stage 3 · Etapa 3 — Work in the last 18 months / Trabajo en los últimos 18 meses",
                                  "Agenda item 4 – Work in the last 18 months", "Agenda item 5 – Goals agreed",
                                  "Agenda item 6 – Services discussed"))
    assert titles[0] == "discussion"  # a conference is a meeting
    assert titles[3] == "work_history" and titles[4] == "goals" and titles[5] == "services"


def test_titles_led_by_the_same_symbol_name_their_parts_even_unknown_ones():
    units = _units("▾ Ticket Assignee", "▾ Provider Agency (EN)", "▾ Employment goals", "▾ Services",
                   "▾ Provisions", "• a bullet")
    titles = glyph_titles(units)
    assert titles[2] == "goals" and titles[3] == "services"
    assert 1 in titles and 5 not in titles  # a title all the same; a bullet is no title


# --- pairs on one line, signature parts by their content -------------------------------------------------------


def test_a_line_of_pairs_with_no_semicolons_is_cut_before_each_label():
    units = inline_pairs([Unit("Counselor signature: Dana Whitfield Printed name: Dana Whitfield Date: 11MAR2025",
                               0)])
    assert [u.text for u in units] == ["Counselor signature: Dana Whitfield", "Printed name: Dana Whitfield",
                                       "Date: 11MAR2025"]


def test_pairs_one_of_whose_captions_is_no_label_are_left_whole():
    text = "Full name: Maria L. Gonzalez Social Security no.:900-12-3456 Favourite colour:blue"
    assert [u.text for u in inline_pairs([Unit(text, 0)])] == [text]


def test_the_last_part_holding_the_signature_lines_is_the_signatures_part():
    rows = [(1, 40, [(72, "INDIVIDUAL WORK PLAN")]), (1, 55, [(72, "Beneficiary Name: Maria L. Gonzalez")]),
            (1, 80, [(72, "ACKNOWLEDGMENT")]),
            (1, 95, [(72, "I understand that Bright Path will provide the services in this plan to help me.")]),
            (1, 120, [(72, "ATTESTATION")]),
            (1, 135, [(72, "Beneficiary signature: Maria L. Gonzalez Date: 10MAR2025")]),
            (1, 150, [(72, "Counselor signature: Dana Whitfield Printed name: Dana Whitfield Date: 11MAR2025")])]
    record = interpret(pdf_layout(rows))
    sig = record.signatures
    assert (sig.ticketholder.signed, sig.ticketholder.date) == (True, "2025-03-10")
    assert (sig.en_representative.signed, sig.en_representative.printed_name, sig.en_representative.date) == (
        True, "Dana Whitfield", "2025-03-11")


# --- blanks filled in inside printed sentences (Word) -------------------------------------------------------


def test_underlined_blanks_are_found_in_a_paragraph():
    body = _p(_run("The Studio (Employment Network) is "), _run(" Bright Path ", underline=True),
              _run(", Studio EN provider no. (PID) "), _run(" EN-104233 ", underline=True), _run("."))
    line = read_docx(_docx(body)).lines[0]
    assert line.text == "The Studio (Employment Network) is Bright Path, Studio EN provider no. (PID) EN-104233."
    assert [line.text[a:b] for a, b in line.blanks] == ["Bright Path", "EN-104233"]


def test_a_heading_underlined_at_its_start_has_no_blanks():
    line = read_docx(_docx(_p(_run("Agenda item 1", underline=True), _run(" – Conference details")))).lines[0]
    assert line.blanks == ()


def test_a_fill_in_plan_is_read_as_pairs():
    body = "".join([
        _p(_run("Artist Work Plan — an Individual Work Plan under the Ticket to Work program")),
        _p(_run("❶ The Artist", bold=True)),
        _p(_run("This plan is written for "), _run(" Maria L. Gonzalez ", underline=True),
           _run(" (the Artist). The Artist's Social Security number is "), _run(" 900-12-3456 ", underline=True),
           _run(".")),
        _p(_run("❷ The Studio (Employment Network)", bold=True)),
        _p(_run("The Studio (Employment Network) is "), _run(" Bright Path Employment Services ", underline=True),
           _run(", Studio EN provider no. (PID) "), _run(" EN-104233 ", underline=True), _run(".")),
        _p(_run("❸ Our planning session", bold=True)),
        _p(_run("We held the planning session on "), _run(" 4 Mar. 2025 ", underline=True), _run(", "),
           _run(" face to face at the Studio ", underline=True), _run(".")),
        _p(_run("❹ Your work in the last 18 months", bold=True)),
        _p(_run("(1) From "), _run(" June 2023 ", underline=True), _run(" to "), _run(" Sep. 2024 ", underline=True),
           _run(" the Artist worked at "), _run(" Springfield Dental Group ", underline=True), _run(" as "),
           _run(" Receptionist ", underline=True), _run(", earning "), _run(" $12.00 an hour ", underline=True),
           _run(".")),
        _p(_run("❺ Signatures", bold=True)),
        _p(_run("Signed by the Artist (or representative) "), _run(" Maria L. Gonzalez ", underline=True),
           _run(" on "), _run(" 10 Mar. 2025 ", underline=True), _run(".")),
    ])
    record = interpret(read_docx(_docx(body)))
    assert (record.en.name, record.en.pid) == ("Bright Path Employment Services", "EN-104233")
    assert record.ticketholder.ssn == "900-12-3456"
    assert (record.discussion.date, record.discussion.modality) == ("2025-03-04", "in_person")
    assert [job.employer for job in record.work_history] == ["Springfield Dental Group"]
    assert record.work_history[0].job_title == "Receptionist"
    assert (record.signatures.ticketholder.signed, record.signatures.ticketholder.date) == (True, "2025-03-10")


# --- both parties in one table, a way of meeting asked as questions ----------------------------------------


def test_a_table_of_both_parties_side_by_side_gives_each_party_its_values():
    record = interpret(layout_from_text("""
# Individual Work Plan — Ticket to Work
# Chapter 1 — The Parties
| Mature Worker | Program (Employment Network)
Name | Maria L. Gonzalez | Bright Path Employment Services
Number (SSN / PID) | 900-12-3456 | EN-104233
Contact person | Rosa Gonzalez, Sister, 555-310-9901 | Dana Whitfield
# Chapter 2 — Planning Interview
Date of the planning interview | MARCH 4, 2025
Held in person at the Program office? | Yes
Held by telephone? | No
Held by video call? | No
"""))
    assert (record.ticketholder.name, record.ticketholder.ssn) == ("Maria L. Gonzalez", "900-12-3456")
    assert (record.en.name, record.en.pid, record.en.contact_person) == (
        "Bright Path Employment Services", "EN-104233", "Dana Whitfield")
    assert record.alternate_contact.name == "Rosa Gonzalez"
    assert record.discussion.modality == "in_person"


# --- translations under labels -------------------------------------------------------------------------------------


def test_a_translation_in_small_italics_under_a_word_label_is_left_out():
    cell = ("<w:tbl><w:tr><w:tc>" + _p(_run("Newcomer's full name", bold=True))
            + _p(_run("Nombre completo", italic=True, size=8)) + "</w:tc><w:tc>"
            + _p(_run("Maria L. Gonzalez")) + "</w:tc></w:tr></w:tbl>")
    assert [line.text for line in read_docx(_docx(cell)).lines] == ["Newcomer's full name", "Maria L. Gonzalez"]


def _line(top: float, *segs: tuple[float, str, bool, bool, float]) -> Line:
    segments = tuple(Segment(text, x0, x0 + 5 * len(text), top, top + 8, size, bold, italic)
                     for x0, text, bold, italic, size in segs)
    return Line(" ".join(s.text for s in segments), page=1, bbox=(segments[0].x0, top, segments[-1].x1, top + 8),
                segments=segments)


def test_a_pdf_line_of_translations_under_bold_labels_is_left_out_and_an_italic_value_is_not():
    lines = (_line(100, (50, "Job 1: employer", True, False, 7.5), (170, "Job title", True, False, 7.5)),
             _line(109, (51, "Empleo 1: patrón", False, True, 7.0), (171, "Puesto", False, True, 7.0)),
             _line(130, (50, "Ticketholder signature", True, False, 7.5)),
             _line(140, (51, "Maria L. Gonzalez", False, True, 10.0)))
    texts = [u.text for u in build_units(Layout(kind="pdf-text", pages=1, lines=lines))]
    assert "Empleo 1: patrón" not in texts and "Puesto" not in texts
    assert "Maria L. Gonzalez" in texts  # a signature in italics, no smaller than its label, is a value


# --- services under a key of status words; bilingual statuses ----------------------------------------------------


def test_status_words_explained_by_a_key_line_mark_the_services():
    rows = [(1, 20, [(72, "INDIVIDUAL WORK PLAN")]), (1, 30, [(72, "EMPLOYMENT GOALS")]),
            (1, 45, [(72, "Long-term goal:"), (250, "Cook, full time, $2,900 per month within 4 years")]),
            (1, 60, [(72, "REHABILITATION SERVICES")]),
            (1, 75, [(72, "Status: PLANNED = to be provided under this plan; N/A = not part of this plan.")]),
            (1, 90, [(72, "RS-01"), (120, "Benefits planning consultation"),
                     (330, "PLANNED We refer you to a WIPA project.")]),
            (1, 105, [(72, "RS-02"), (120, "Job search assistance"), (330, "PLANNED Weekly job leads.")]),
            (1, 120, [(72, "RS-03"), (120, "Vocational training"), (330, "N/A")]),
            (1, 135, [(72, "RS-04"), (120, "Placement-focused coaching"), (330, "PLANNED Mock interviews.")])]
    services = {s.service: s for s in interpret(pdf_layout(rows)).services}
    assert services["benefits_counseling"].selected and services["job_search"].selected
    assert services["job_search"].description == "Weekly job leads."
    assert not services["training"].selected
    assert "job_placement" not in services  # 'Placement-focused' is a compound's first word, not placement


def test_a_status_in_two_languages():
    record = interpret(layout_from_text("""
# Individual Work Plan
# Employment goals
Long-term goal: Cook, full time, $2,900 per month within 4 years
# Services
Service | Provided? / ¿Se ofrece? | What the Caseworker will do
Benefits and work rules explained | Sí / Yes | We refer you to a WIPA project.
Choosing a work goal | No | —
"""))
    services = {s.service: s for s in record.services}
    assert services["benefits_counseling"].selected and services["benefits_counseling"].description.startswith("We")
    assert not services["goal_setting"].selected


def test_a_staff_title_in_the_parties_part_captions_the_contact_person():
    record = interpret(layout_from_text("""
# Individual Work Plan
# The Agency (Employment Network)
Resettlement Agency (Employment Network) | Bright Path Employment Services
Employment Caseworker | Dana Whitfield
Caseworker's telephone | 555-201-4400
# Employment goals
Long-term goal: Cook, full time, $2,900 per month within 4 years
"""))
    assert (record.en.name, record.en.contact_person, record.en.phone) == (
        "Bright Path Employment Services", "Dana Whitfield", "555-201-4400")


# --- goals, jobs and form fields ------------------------------------------------------------------------


def test_a_goal_named_by_its_horizon():
    assert names_goal("Goal 2 (3 to 5 years)") == "goals.long_term"
    assert names_goal("Goal 1 (next 18 months)") == "goals.short_term"
    assert names_goal("Job 1 (last 18 months)") is None  # no goal word


def test_a_hint_in_two_languages_is_also_read_in_its_first():
    assert "Job 1: employer" in readings("Job 1: employer / Empleo 1: patrón")
    assert "Other person to call (name, relationship, phone)" in readings(
        "Other person to call (name, relationship, phone) / Otra persona a quien llamar")


def _field_unit(name: str, tooltip: str, value: str, order: int) -> Unit:
    return Unit(value, order, field=FormField(name, "text", value=value, tooltip=tooltip), section="work_history")


def test_numbered_jobs_take_their_unnumbered_fields_in_order():
    units = [_field_unit("empleo1_patron", "Job 1: employer", "Springfield Dental Group", 0),
             _field_unit("empleo1_puesto", "Job title", "Receptionist", 1),
             _field_unit("empleo2_patron", "Job 2: employer", "Lakeside Grocery", 2),
             _field_unit("empleo2_puesto", "Job title", "Cashier", 3)]
    rows = work_rows(units)
    assert rows == [{"work.employer": "Springfield Dental Group", "work.job_title": "Receptionist"},
                    {"work.employer": "Lakeside Grocery", "work.job_title": "Cashier"}]


def test_jobs_listed_with_semicolons_and_short_years():
    record = interpret(layout_from_text("""
# Individual Work Plan
# Employment goals
Long-term goal: Cook, full time, $2,900 per month within 4 years
# Work in the last 18 months
Job 1. Springfield Dental Group; Receptionist; June '23 to September '24; 20 hours/week; $12.00/hour.
"""))
    job = record.work_history[0]
    assert (job.employer, job.job_title, job.start_date, job.end_date) == (
        "Springfield Dental Group", "Receptionist", "2023-06", "2024-09")


@pytest.mark.parametrize("text", ["(not signed)", "Not given", "not obtained", "(not recorded)", "not dated"])
def test_absent_values_written_out(text):
    from iwp_pipeline.values import is_absent

    assert is_absent(text)
    assert not is_absent("Not signed until the plan is final")


def test_medium_squares_are_boxes():
    from iwp_pipeline.extract.layout import BOX_GLYPHS, CHECKED, UNCHECKED

    assert (BOX_GLYPHS["◼"], BOX_GLYPHS["◻"]) == (CHECKED, UNCHECKED)


def test_a_pdf_run_with_a_rule_drawn_under_it_is_written_on_a_blank():
    from iwp_pipeline.extract.layout import Rule
    from iwp_pipeline.extract.pdf_reader import _mark_underlines

    runs = [_Run("This plan is written for", 90, 172, 211, 182), _Run("Maria L. Gonzalez", 215, 172, 311, 180),
            _Run("Employer", 90, 200, 140, 210)]
    _mark_underlines(runs, [Rule(1, 210.4, 181.0, 311.3), Rule(1, 60, 212, 560)])  # a blank's line; a table's rule
    assert [r.underlined for r in runs] == [False, True, False]


def _pdf_line(text: str, top: float, blanks: tuple[str, ...] = (), bold: bool = False) -> Line:
    spans = []
    for blank in blanks:
        start = text.index(blank)
        spans.append((start, start + len(blank)))
    return Line(text, page=1, bbox=(90, top, 500, top + 10), segments=(Segment(text, 90, 500, top, top + 10, 10.0,
                                                                                 bold),),
                bold=bold, size=10.0, blanks=tuple(spans))


def test_a_pdf_paragraph_with_blanks_over_two_lines_is_read_as_pairs():
    lines = (_pdf_line("The Studio (Employment Network)", 100, bold=True),
             _pdf_line("The Studio (Employment Network) is Bright Path, Studio EN provider", 115, ("Bright Path",)),
             _pdf_line("no. (PID) EN-104233. Signed for the Studio by the Mentor Dana", 130, ("EN-104233", "Dana")),
             _pdf_line("Whitfield on 11 Mar. 2025.", 145, ("Whitfield", "11 Mar. 2025")))
    texts = [u.text for u in build_units(Layout(kind="pdf-text", pages=1, lines=lines))]
    assert texts == ["The Studio (Employment Network)", "Studio (Employment Network): Bright Path",
                     "Studio EN provider no. (PID): EN-104233", "Signed for the Studio by the Mentor: Dana Whitfield",
                     "Date: 11 Mar. 2025"]


def test_a_job_told_over_two_pdf_lines():
    rows = [(1, 20, [(72, "INDIVIDUAL WORK PLAN")]), (1, 30, [(72, "EMPLOYMENT GOALS")]),
            (1, 45, [(72, "Long-term goal:"), (250, "Cook, full time, $2,900 per month within 4 years")]),
            (1, 60, [(72, "WORK IN THE LAST 18 MONTHS")]),
            (1, 75, [(72, "From June 2023 to Sep. 2024 the Artist worked at Springfield Dental Group")]),
            (1, 87, [(72, "as Receptionist, about 20 hours a week, earning $12.00 an hour.")])]
    jobs = interpret(pdf_layout(rows)).work_history
    assert [(j.employer, j.job_title, j.start_date) for j in jobs] == [
        ("Springfield Dental Group", "Receptionist", "2023-06")]


def test_a_name_given_with_a_social_security_number_is_the_persons():
    record = interpret(layout_from_text("""
# Individual Work Plan
# 1 · Who this plan is for
The Youth
Full name: Maria L. Gonzalez
Social Security no.: 900-12-3456
Cell phone: 555-310-7788
# Employment goals
Long-term goal: Cook, full time, $2,900 per month within 4 years
"""))
    assert (record.ticketholder.name, record.ticketholder.phone) == ("Maria L. Gonzalez", "555-310-7788")


@pytest.mark.parametrize(("text", "term"), [
    ("We will give you each service and support in the part headed What We Will Do.", 12),
    ("There is nothing else to this agreement beyond what is written here.", 15),
    ("Everything the Learning Center does for you under this plan is without cost to you.", 1),
    ("You signed up by your own choice, and you may take your Ticket away at any time you wish.", 2)])
def test_terms_in_plain_words(text, term):
    from iwp_pipeline.extract.terms import expresses, terms_catalogue

    assert expresses(terms_catalogue()[term - 1], text)


def test_jobs_as_tabbed_pairs_and_services_named_before_a_hyphen():
    # (the Word reader writes a tab as three spaces)
    record = interpret(layout_from_text("""
# Individual Work Plan
# Part 4 Goals
Long-term goal: Cook, full time, $2,900 per month within 4 years
# Part 5 Employment in the last 18 months
(a)   Employer: Acme Storage   Trade: Inventory Clerk   From: January 2022   To: August 2024   Pay: $16.50 an hour
# Part 6 Services
Help applying for openings - Weekly job leads from local warehouses.
Placement with a contractor - Referrals to our employer partners.
"""))
    assert [(j.employer, j.job_title, j.start_date) for j in record.work_history] == [
        ("Acme Storage", "Inventory Clerk", "2022-01")]
    services = {s.service: s for s in record.services if s.selected}
    assert services["job_search"].description == "Weekly job leads from local warehouses."


def test_a_horizon_caption_with_its_goal_on_the_same_line():
    rows = [(1, 20, [(72, "INDIVIDUAL WORK PLAN")]), (1, 30, [(72, "VOCATIONAL GOALS")]),
            (1, 45, [(72, "Short-term (up to 18 months):")]),
            (1, 57, [(72, "Office Assistant; part time; 25 hrs/wk; Hourly $14.00; within 9 months")]),
            (1, 72, [(72, "Long-term (3-5 years): Administrative Coordinator; full time; 40 hrs/wk; Monthly $2,600.00")])]
    goals = interpret(pdf_layout(rows)).employment_goals
    assert goals.long_term.monthly_earnings == 2600.0 and goals.short_term.job_title == "Office Assistant"


def test_the_persons_name_under_a_caption_no_label_knows_just_before_the_ssn():
    record = interpret(layout_from_text("""
# Individual Work Plan
# Part One: About You
Learner — Kevin T. Brandt
Social Security number — 901-44-1234
# Employment goals
Short-term goal: Inventory Clerk, part time, $425.00 per wk., within 6 months
"""))
    assert record.ticketholder.name == "Kevin T. Brandt"
    assert record.employment_goals.short_term.monthly_earnings == 1841.67  # 'per wk.': weekly


def test_single_letter_statuses_and_a_sign_date_named_by_its_signer():
    rows = [(1, 20, [(72, "INDIVIDUAL WORK PLAN")]), (1, 30, [(72, "EMPLOYMENT GOALS")]),
            (1, 45, [(72, "Long-term goal:"), (250, "Cook, full time, $2,900 per month within 4 years")]),
            (1, 60, [(72, "SERVICES")]), (1, 75, [(72, "Service"), (300, "Y/N"), (340, "Planned activity")]),
            (1, 90, [(72, "ASSISTED JOB SEARCH"), (300, "Y"), (340, "Weekly job leads.")]),
            (1, 105, [(72, "OCCUPATIONAL SKILLS TRAINING"), (300, "N")]),
            (1, 130, [(72, "SIGNATURES")]), (1, 145, [(72, "Participant signature:"), (250, "Kevin T. Brandt")]),
            (1, 160, [(72, "Participant sign date:"), (250, "02/20/2025")]),
            (1, 175, [(72, "Career Planner signature:"), (250, "Luis Ortega")]),
            (1, 190, [(72, "Planner sign date:"), (250, "02/21/2025")])]
    record = interpret(pdf_layout(rows))
    services = {s.service: s.selected for s in record.services}
    assert services["job_search"] and not services["training"]
    assert record.signatures.en_representative.date == "2025-02-21"


def test_a_pdf_parenthesis_set_apart_from_its_words_is_closed_up():
    from iwp_pipeline.extract.pdf_reader import _normalise

    assert _normalise("VOCATIONAL GUIDE NAME ( PRINTED )") == "VOCATIONAL GUIDE NAME (PRINTED)"
    assert _normalise("( X ) By phone") == "[x] By phone"  # a marked option stays one


def test_services_grouped_under_the_forms_three_families():
    record = interpret(layout_from_text("""
# Individual Work Plan
# Goals
Long-term goal: Cook, full time, $2,900 per month within 4 years
# VI. Services
A.   Career planning
1.   Understanding your benefits and work: Included — We refer you to a WIPA project.
2.   Choosing a career path: Not included
B.   Job placement assistance
1.   Getting the offer: Included — Direct referrals to employer partners.
C.   Ongoing employment support
1.   Check-ins in the first months of the job: Included — Monthly contact by phone.
# IX. Signatures
A.   The Scholar
1.   Signature of the Scholar (or representative): /s/ Maria L. Gonzalez
2.   Date: 2025/3/10
B.   The College
1.   Signature of the Career Pathways Advisor: /s/ Dana Whitfield
2.   Date: 2025/3/11
"""))
    chosen = {s.service for s in record.services if s.selected}
    assert chosen == {"benefits_counseling", "job_placement", "follow_up_initial"}  # no family read as a service
    assert (record.signatures.en_representative.signed, record.signatures.en_representative.date) == (
        True, "2025-03-11")


def test_dates_with_the_and_pay_every_other_week():
    from iwp_pipeline.values import parse_money

    assert parse_date("March the 10th, 2025").isoformat() == "2025-03-10"
    assert parse_money("$700 every other week").monthly == 1516.67


def test_a_word_for_the_person_joined_to_another_and_the_ens_word_only_in_the_parties_part():
    record = interpret(layout_from_text("""
# Individual Work Plan
APPLICANT-CLIENT
Applicant-Client name | Social Security no.
Maria L. Gonzalez | 900-12-3456
EMPLOYER (EMPLOYMENT NETWORK)
Retail Employer (Employment Network) | Employer EN number (PID)
Bright Path Employment Services | EN-104233
# Work history
Employer | Position | From | To | Pay
Springfield Dental Group | Receptionist | June 2023 | Sep. 2024 | $240 a week
"""))
    assert (record.ticketholder.name, record.en.name) == ("Maria L. Gonzalez", "Bright Path Employment Services")


def test_services_with_their_status_in_brackets():
    record = interpret(layout_from_text("""
# Individual Work Plan
# Goals
Long-term goal: Cook, full time, $2,900 per month within 4 years
# Services
Job placement (will provide). Direct referrals to employer partners.
Job accommodations (not needed now).
"""))
    services = {s.service: s for s in record.services}
    assert services["job_placement"].selected and services["job_placement"].description.startswith("Direct")
    assert not services["job_accommodation"].selected


def test_a_word_signature_table_of_label_rows_over_value_rows():
    record = interpret(layout_from_text("""
# Individual Work Plan
Participant name: Maria L. Gonzalez
# Goals
Long-term goal: Cook, full time, $2,900 per month within 4 years
# Signatures
Participant signature | Date signed
Maria L. Gonzalez | March 10, 2025
Coordinator signature | Printed name | Date signed
Dana Whitfield | Dana Whitfield | March 11, 2025
"""))
    sig = record.signatures
    assert (sig.en_representative.printed_name, sig.en_representative.date) == ("Dana Whitfield", "2025-03-11")


def test_a_landscape_sheet_of_two_pages_is_read_page_by_page():
    from iwp_pipeline.extract.pdf_reader import _two_up

    left = [_Run(f"Left page line {k}", 58, 80 + 12 * k, 370, 88 + 12 * k) for k in range(8)]
    right = [_Run(f"Right page line {k}", 419, 80 + 12 * k, 730, 88 + 12 * k) for k in range(8)]
    footer = [_Run("FORM · sheet 1 of 2", 353, 580, 439, 588)]  # a footer across the middle
    halves = _two_up(left + right + footer, 792, 612)
    assert [len(h) for h in halves] == [9, 8] and halves[0][0].text.startswith("Left")  # the footer starts left
    assert _two_up(left, 612, 792) == [left]  # a portrait page is one page


def test_titles_numbered_without_a_mark_and_a_part_named_by_the_en_in_brackets():
    titles = series_titles(_units("1 PATIENT-WORKER", "2 VOCATIONAL SERVICES (EMPLOYMENT NETWORK)",
                                  "3 VOCATIONAL INTAKE VISIT", "4 WORK HISTORY (PRIOR 18 MONTHS)",
                                  "5 VOCATIONAL GOALS", "6 SERVICE PLAN"))
    assert [titles[k] for k in range(6)] == ["part1", "part1", "discussion", "work_history", "goals", "services"]


def test_a_ringed_answer_among_options_in_capitals():
    body = _p(_run("How did we meet? (circle one)    "),
              '<w:r><w:rPr><w:b/><w:bdr w:val="single" w:sz="8"/></w:rPr><w:t>IN PERSON AT THE CO-OP</w:t></w:r>',
              _run("     "), _run("BY PHONE"), _run("     "), _run("BY VIDEO"))
    line = read_docx(_docx(body)).lines[0]
    assert line.text == "How did we meet? (circle one) [x] IN PERSON AT THE CO-OP [ ] BY PHONE [ ] BY VIDEO"


def test_dates_and_months_in_roman_numerals():
    assert parse_date("10-III-2025").isoformat() == "2025-03-10"
    assert parse_month("VI-2023") == "2023-06"
    assert parse_month("Part IV 2025") is None


def test_services_asked_one_by_one_with_the_answer_ringed_and_what_will_be_done_under_it():
    record = interpret(layout_from_text("""
# Individual Work Plan
# Goals
Long-term goal: Cook, full time, $2,900 per month within 4 years
# Part 5 — Help from the Co-op
Finding employers for me: will the Co-op do this? (circle one) [x] YES [ ] NO
If YES, what my Career Ally will do: Resume writing and mock interviews.
Classes and learning: will the Co-op do this? (circle one) [ ] YES [x] NO
If YES, what my Career Ally will do: ______
Looking for jobs with me: will the Co-op do this? (circle one) [x] YES [ ] NO
If YES, what my Career Ally will do: Weekly job leads.
Getting hired: will the Co-op do this? (circle one) [x] YES [ ] NO
If YES, what my Career Ally will do: Referrals to employer partners.
Keeping my job: will the Co-op do this? (circle one) [ ] YES [x] NO
If YES, what my Career Ally will do: ______
"""))
    services = {s.service: s for s in record.services}
    assert services["job_development"].selected and services["job_development"].description == (
        "Resume writing and mock interviews.")
    assert not services["training"].selected


def test_labels_in_text_boxes_in_the_margin_are_read_before_their_values():
    def boxed(label: str, value: str) -> str:
        box = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
               + _p(_run(label, bold=True)) + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
        return "<w:p>" + box + _run(value) + "</w:p>"
    lines = read_docx(_docx(boxed("Social Security no.", "900-12-3456") + boxed("Phone", "555-310-7788"))).lines
    assert [line.text for line in lines] == ["Social Security no.", "900-12-3456", "Phone", "555-310-7788"]


def test_a_goals_particulars_in_one_line_after_a_detail_caption():
    record = interpret(layout_from_text("""
# Individual Work Plan
Participant name: Maria L. Gonzalez
# Employment Targets
Near-term target (within 18 months)
Job: Office Assistant · 25 hours a week, part time · Pay: $14/h · By: within 9 months
Longer-term target (3 to 5 years)
Job: Administrative Coordinator · 40 hours a week, full time · Pay: $2,600 a month · By: within 3 years
"""))
    goals = record.employment_goals
    assert (goals.short_term.job_title, goals.short_term.monthly_earnings) == ("Office Assistant", 1516.67)
    assert goals.long_term.monthly_earnings == 2600.0


def test_values_written_on_lines_with_their_labels_printed_small_at_the_right():
    lines = (_line(100, (54, "900-12-3456", False, True, 11.0), (224, "Social Security number", False, False, 7.0),
                   (310, "555-310-7788", False, True, 11.0), (491, "Phone", False, False, 7.0)),)
    texts = [u.text for u in build_units(Layout(kind="pdf-text", pages=1, lines=lines))]
    assert texts == ["Social Security number", "900-12-3456", "Phone", "555-310-7788"]
    assert parse_date("Mar. 4th '25").isoformat() == "2025-03-04"
