"""Fillable forms: what a field stands for (iwp_pipeline/extract/fields.py) and the whole form path.

The end-to-end form here is drawn in a layout none of the fixture templates uses: no tooltips
and meaningless field names (``Text7``, ``Group2``), labels over the fields, the work history as
a table of fields under column headers, the modality as three separate checkboxes, services as
Yes/No radio groups, signature lines with their captions under them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from iwp_pipeline.extract.fields import (
    chosen_yes_no,
    field_label,
    goal_part,
    match_field,
    name_words,
    service_of,
    work_part,
)
from iwp_pipeline.extract.interpret import (
    Found,
    Reader,
    collect_labels,
    interpret,
    read_discussion,
    read_services,
    read_signatures,
    read_work_history,
)
from iwp_pipeline.extract.layout import FieldOption, FormField, Layout
from iwp_pipeline.extract.pdf_reader import read_pdf
from iwp_pipeline.extract.units import Unit, assign_sections, build_units, match_label


@pytest.mark.parametrize(("name", "words"), [
    ("txt_alt_contact", "alternate contact"),
    ("EN_PrintedName", "EN Printed Name"),
    ("form1[0].Page1[0].TH_SSN[0]", "ticketholder SSN"),
    ("txt_job1_employer", "job 1 employer"),
    ("Part1.EN.Name", "EN Name"),
    ("form1[0].Page1[0].TextField1[0]", ""),
    ("Field_12", ""),
    ("Check Box3", ""),
    ("Text12", ""),
])
def test_field_names_are_read_as_words(name, words):
    assert name_words(name) == words


@pytest.mark.parametrize(("tooltip", "label", "name", "key"), [
    (None, "Name of Employment Network", "Text3", "en.name"),
    ("Printed name of EN staff", None, "Text40", "generic.printed_name"),
    ("EN staff signature", None, "sig_en_sig", "generic.signature"),
    (None, "Synopsis of discussion", "Field_10", "discussion.summary"),
    ("Notes of the meeting", "Why the goals are right for you:", "Field_10", "discussion.summary"),
    ("Please complete", "Line 8:", "txt_alt_contact", "alternate.name"),
    ("Individual's signature date", None, "Text9", "generic.date"),
    (None, "EN staff name (print):", "Text41", "generic.printed_name"),
    ("Alternate contact", "Someone else we can call:", "Field_8", "alternate.name"),
])
def test_a_field_is_matched_by_tooltip_label_or_name(tooltip, label, name, key):
    f = FormField(name, "text", tooltip=tooltip, label=label)
    hit = match_field(f)
    assert hit is not None and hit[0] == key


@pytest.mark.parametrize("label", ["Date of birth", "Comments", "Field 7", "Name of the program"])
def test_words_that_are_no_label_match_nothing(label):
    assert match_field(FormField("Text1", "text", label=label)) is None


def test_the_context_says_what_an_unlabelled_field_is():
    notes = FormField("Text10", "text", label="In your own words:", multiline=True)
    assert field_label(notes, "discussion") == ("discussion.summary", "In your own words:")
    assert field_label(notes, "goals") is None
    ways = FormField("Group1", "radio", options=(
        FieldOption("Choice1", "In Person"), FieldOption("Choice2", "By Phone"),
        FieldOption("Choice3", "Video Call", selected=True)))
    assert field_label(ways, "discussion")[0] == "discussion.modality"
    assert field_label(ways, None) is None  # a preferred way of contact on some other form
    yes_no = FormField("Group2", "radio", options=(FieldOption("Yes", "Yes", selected=True), FieldOption("No", "No")))
    assert field_label(yes_no, "services") is None
    assert chosen_yes_no(yes_no) is True


@pytest.mark.parametrize(("tooltip", "label", "expected"), [
    ("Employer 2", None, ("work.employer", 2)),
    (None, "Dates worked (1):", ("work.dates", 1)),
    ("Wages 3", "Gross monthly wages (3):", ("work.earnings", 3)),
    (None, "Position", ("work.job_title", None)),
])
def test_work_history_fields_give_column_and_row(tooltip, label, expected):
    assert work_part(FormField("Text5", "text", tooltip=tooltip, label=label)) == expected


@pytest.mark.parametrize(("tooltip", "label", "expected"), [
    ("Short-term goal wages", "Gross monthly wages:", ("goals.short_term", "goal.earnings")),
    ("Long-term goal time frame", "Target date:", ("goals.long_term", "goal.time_frame")),
    (None, "Target occupation:", (None, "goal.job_title")),
    ("First goal (within 18 months)", None, ("goals.short_term", None)),
    ("Long-term goal", "Occupation", ("goals.long_term", "goal.job_title")),
])
def test_goal_fields_name_their_goal_and_detail(tooltip, label, expected):
    assert goal_part(FormField("Field_15", "text", tooltip=tooltip, label=label)) == expected


def test_a_goals_table_names_the_goal_by_row_and_the_detail_by_column():
    cell = FormField("Text31", "text", label="Hours per week", row_label="Short-term goal",
                     column_header="Hours per week")
    assert goal_part(cell) == ("goals.short_term", "goal.hours")


@pytest.mark.parametrize(("words", "service"), [
    ("Career Goal Setting selected", "goal_setting"),
    ("Education/Training", "training"),
    ("Benefits Planning selected - what the EN will do", "benefits_counseling"),
    ("Follow-Up (Ongoing Support)", "follow_up_ongoing"),
])
def test_a_service_field_is_named_anywhere_in_its_words(words, service):
    assert service_of(FormField("Check Box4", "checkbox", tooltip=words)) == service


# --- a whole form in a layout no fixture template has ------------------------------------------

TERMS = [
    "No fees. You will never pay us for job services; they are free.",
    "Your choice. Taking part is voluntary. You can take your Ticket back or move it to another provider at any time.",
    "When we may end services. Bright Path may change this plan, suspend services or unassign your Ticket if you "
    "miss appointments for 60 days or no longer wish to work.",
    "Changing the plan. You may request changes to this plan. A change is valid only when both you and Bright Path "
    "agree and sign and date it in writing.",
    "Your copy. You will receive a copy of this plan in an accessible format you choose.",
    "Privacy. We protect your personal and medical information and keep it confidential.",
    "Problems and complaints. If you disagree with us, use our grievance process first. You may then ask the Ticket "
    "Program Manager for help, and after that Social Security.",
    "Outside help. You may contact your state's Protection and Advocacy (PABSS) office for help with a disagreement.",
    "Reporting pay. You report your earnings to Social Security and give us proof of your wages, such as pay stubs.",
    "Progress. You agree to make timely progress on your goals. Social Security looks at your progress in Timely "
    "Progress Reviews.",
    "Staying in touch. We will contact you at least once a month while you search for work and at least every three "
    "months once you have a job.",
    "Our services. We will provide the services listed in this plan.",
    "Benefits advice. We will refer you to a WIPA benefits counselor through the Ticket to Work Help Line.",
    "Start of the plan. The plan is in effect when we have both signed and dated it and your Ticket is assigned.",
    "Anything else. No other terms have been agreed.",
]
SUMMARY = ("We met at our office and talked about Dana's wish to return to bookkeeping. The short-term goal of "
           "part-time accounts clerk work suits her experience, and the long-term goal of a full-time bookkeeper role "
           "is within reach with job development and follow-up.")


def _draw_form(path: Path) -> None:
    """An IWP as a fillable form with generic field names, no tooltips and its own layout."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    form = c.acroForm
    counter = iter(range(1, 200))
    y = 740.0

    def text(x: float, y: float, s: str, size: float = 9, bold: bool = False) -> None:
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        c.drawString(x, y, s)

    def field(x: float, y: float, w: float, value: str, h: float = 14, multiline: bool = False) -> None:
        form.textfield(name=f"Text{next(counter)}", value=value, x=x, y=y, width=w, height=h, borderWidth=0.5,
                       fontSize=8, fieldFlags="multiline" if multiline else "")

    def beside(label: str, value: str, step: float = 20) -> None:
        """A label with its field to the right, then down a row."""
        nonlocal y
        text(50, y, label)
        field(200, y - 4, 350, value)
        y -= step

    text(50, y, "Individual Work Plan", 14, True)
    y -= 26
    text(50, y, "PARTICIPANT AND EN INFORMATION", 10, True)
    y -= 16
    for label, value in (("Name of Employment Network", "Bright Path Employment Services"),
                         ("Provider ID", "EN-104233"), ("Participant name", "Dana R. Ellison"),
                         ("SSN", "900-55-7788"), ("Alternate contact person", "Rob Ellison, brother, 555-310-4400")):
        text(50, y, label, 7)  # the label over its field
        field(50, y - 16, 300, value)
        y -= 30
    text(50, y, "PLANNING MEETING", 10, True)
    y -= 18
    beside("Meeting date:", "03/04/2025")
    text(50, y, "We met:")
    for i, (word, on) in enumerate((("In person", True), ("Phone", False), ("Video", False))):
        form.checkbox(name=f"Check Box{i + 1}", x=200 + 90 * i, y=y - 2, size=9, checked=on, buttonStyle="cross")
        text(213 + 90 * i, y, word)
    y -= 20
    text(50, y, "Why this plan fits:")
    field(200, y - 44, 350, SUMMARY, h=50, multiline=True)
    y -= 66
    text(50, y, "WORK HISTORY", 10, True)
    y -= 16
    columns = ((50, "Employer"), (190, "Job title"), (300, "Dates"), (420, "Monthly pay"))
    for x, header in columns:
        text(x, y, header, 8, True)
    jobs = (("Harbor Books", "Bookkeeper", "2019-2023", "$2,400 per month"),
            ("Main St Deli", "Cashier", "2018-2019", "$900 per month"))
    for row, job in enumerate(jobs):
        for (x, _), value in zip(columns, job, strict=True):
            field(x, y - 18 - 17 * row, 105, value)
    y -= 60
    text(50, y, "EMPLOYMENT GOALS", 10, True)
    y -= 18
    beside("Short-term goal:", "Part-time accounts clerk, 20 hours a week at $18.00/hour within 6 months.")
    beside("Long-term goal:", "Full-time bookkeeper earning $3,400 per month within 3 years.", 24)
    text(50, y, "SERVICES AND SUPPORTS", 10, True)
    y -= 16
    text(50, y, "Service", 8, True)
    text(200, y, "Yes", 8, True)
    text(240, y, "No", 8, True)
    text(280, y, "What we will do", 8, True)
    services = (("Job Development", True, "Contact three employers a week about clerk openings."),
                ("Job Coaching", False, ""),
                ("Follow-up (initial phase)", True, "Monthly calls until Dana earns at TWL."))
    for name, chosen, description in services:
        y -= 18
        text(50, y, name)
        group = f"Group{next(counter)}"
        form.radio(name=group, value="Yes", selected=chosen, x=200, y=y - 2, size=9, buttonStyle="circle")
        form.radio(name=group, value="No", selected=not chosen, x=240, y=y - 2, size=9, buttonStyle="circle")
        field(280, y - 4, 270, description)
    c.showPage()
    y = 740.0
    text(50, y, "TERMS AND CONDITIONS", 10, True)
    y -= 16
    for i, term in enumerate(TERMS, 1):
        words, line = term.split(), ""
        text(50, y, f"{i}.")
        for word in words:
            if len(line) + len(word) > 95:
                text(66, y, line)
                y -= 11
                line = ""
            line = f"{line} {word}".strip()
        text(66, y, line)
        y -= 14
    y -= 6
    text(50, y, "STATEMENT OF UNDERSTANDING", 10, True)
    y -= 14
    text(50, y, "I understand that Bright Path will provide the services in this plan to help me reach my goals.")
    y -= 30
    text(50, y, "SIGNATURES", 10, True)
    y -= 26
    for caption, value, date in (("Participant signature", "Dana R. Ellison", "03/06/2025"),
                                 ("EN representative signature", "Dana Whitfield", "03/07/2025")):
        field(50, y, 300, value)
        field(380, y, 120, date)
        c.line(50, y - 1, 350, y - 1)
        text(50, y - 10, caption, 7)  # captions under the lines
        text(380, y - 10, "Date", 7)
        y -= 34
    beside("EN representative (print name):", "Dana Whitfield")
    c.save()


@pytest.fixture(scope="module")
def unseen_form(tmp_path_factory) -> Path:
    pytest.importorskip("reportlab")
    path = tmp_path_factory.mktemp("form") / "unseen-form.pdf"
    _draw_form(path)
    return path


def test_a_form_in_an_unseen_layout_is_read(unseen_form):
    layout = read_pdf(unseen_form.read_bytes())
    assert layout.kind == "pdf-form"
    record = interpret(layout)
    assert (record.en.name, record.en.pid) == ("Bright Path Employment Services", "EN-104233")
    assert (record.ticketholder.name, record.ticketholder.ssn) == ("Dana R. Ellison", "900-55-7788")
    assert record.alternate_contact.name == "Rob Ellison"
    assert record.discussion.date == "2025-03-04"
    assert record.discussion.modality == "in_person"
    assert record.discussion.summary == SUMMARY
    assert [(j.employer, j.job_title, j.monthly_earnings) for j in record.work_history] == [
        ("Harbor Books", "Bookkeeper", 2400.0), ("Main St Deli", "Cashier", 900.0)]
    goals = record.employment_goals
    assert goals.short_term is not None and goals.long_term is not None
    assert goals.long_term.monthly_earnings == 3400.0
    selected = {s.service: bool(s.description) for s in record.services if s.selected}
    assert selected == {"job_development": True, "follow_up_initial": True}
    assert all(t.present for t in record.terms_and_conditions)
    signatures = record.signatures
    assert signatures.ticketholder.signed and signatures.ticketholder.date == "2025-03-06"
    assert signatures.en_representative.signed and signatures.en_representative.date == "2025-03-07"
    assert signatures.en_representative.printed_name == "Dana Whitfield"


def test_the_work_history_table_takes_its_column_headers(unseen_form):
    layout = read_pdf(unseen_form.read_bytes())
    labels = [f.label for f in layout.fields if f.value in ("Main St Deli", "Cashier", "2018-2019")]
    assert labels == ["Employer", "Job title", "Dates"]


def test_signature_lines_take_the_caption_under_them(unseen_form):
    layout = read_pdf(unseen_form.read_bytes())
    by_value = {f.value: f.label for f in layout.fields}
    assert by_value["Dana R. Ellison"] == "Participant signature"
    assert by_value["03/07/2025"] == "Date"


def test_values_only_in_appearance_streams_give_the_same_record(unseen_form, tmp_path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(str(unseen_form)))
    for page in writer.pages:
        for annot in page.get("/Annots", []):
            obj = annot.get_object()
            if obj.get("/FT") == "/Tx" and "/V" in obj:
                del obj[NameObject("/V")]
    stripped = tmp_path / "appearance-only.pdf"
    with open(stripped, "wb") as handle:
        writer.write(handle)
    layout = read_pdf(stripped.read_bytes())
    assert any(f.from_appearance for f in layout.fields)
    assert not any(f.value for f in read_pdf(stripped.read_bytes()).fields if not f.from_appearance
                   and f.kind == "text")
    original = interpret(read_pdf(unseen_form.read_bytes()))
    again = interpret(layout)
    assert again.en == original.en and again.ticketholder == original.ticketholder
    assert again.work_history == original.work_history
    assert again.signatures == original.signatures
    assert again.discussion.summary is not None and again.discussion.summary.split() == SUMMARY.split()


def _labels_read(layout: Layout) -> tuple[list[Unit], Reader, Found]:
    """The units of a layout with every label read, as interpret() reads them."""
    units = build_units(layout)
    assign_sections(units)
    for u in units:
        if u.field is None and not u.heading:
            u.label = match_label(u.text)
    reader, found = Reader(units), Found()
    collect_labels(units, reader, found)
    return units, reader, found


def _draw_checklist_form(path: Path, *, no_work_ticked: bool) -> None:
    """A form with qualified field names, a combo box, an empty 'no work' box and a No/Yes grid."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    form = c.acroForm
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, 740, "Individual Work Plan")
    c.setFont("Helvetica", 9)
    c.drawString(50, 715, "PLANNING MEETING")
    c.drawString(50, 695, "How the meeting was held:")
    form.choice(name="Part2.Disc.Held", value="Video", options=["In person", "Telephone", "Video"], x=200, y=691,
                width=120, height=14, fontSize=8)
    c.drawString(50, 665, "WORK HISTORY")
    form.checkbox(name="Part2.Work.None", x=50, y=643, size=9, checked=no_work_ticked, buttonStyle="cross")
    c.drawString(64, 645, "No work in the last 18 months")
    c.drawString(50, 615, "SERVICES AND SUPPORTS")
    for x, header in ((50, "Service"), (200, "No"), (240, "Yes")):
        c.drawString(x, 597, header)
    rows = (("Job Coaching", False, True), ("Job Placement", True, False), ("Benefits Counseling", False, False))
    for i, (service, yes, no) in enumerate(rows):
        y = 580 - 18 * i
        c.drawString(50, y, service)
        form.checkbox(name=f"Part2.Svc.R{i}.N", x=200, y=y - 2, size=9, checked=no, buttonStyle="check")
        form.checkbox(name=f"Part2.Svc.R{i}.Y", x=240, y=y - 2, size=9, checked=yes, buttonStyle="check")
    c.save()


@pytest.mark.parametrize("no_work_ticked", [False, True])
def test_checklists_combo_boxes_and_empty_boxes(tmp_path, no_work_ticked):
    pytest.importorskip("reportlab")
    path = tmp_path / "checklist.pdf"
    _draw_checklist_form(path, no_work_ticked=no_work_ticked)
    layout = read_pdf(path.read_bytes())
    combo = next(f for f in layout.fields if f.kind == "choice")
    assert [o.label for o in combo.options] == ["In person", "Telephone", "Video"]
    units, reader, found = _labels_read(layout)
    assert read_discussion(units, reader, found).modality == "video"
    _, statement = read_work_history(units, reader, found)
    assert (statement is not None) is no_work_ticked  # the printed words beside an empty box state nothing
    services, _ = read_services(units, reader)
    assert {s.service: s.selected for s in services} == {
        "job_coaching": False, "job_placement": True, "benefits_counseling": False}


def test_a_form_that_is_no_iwp_stays_no_iwp(tmp_path):
    """An appointment request with an SSN, a way of meeting and a comments box is not an IWP."""
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "appointment.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    form = c.acroForm
    c.setFont("Helvetica", 10)
    c.drawString(50, 780, "Appointment Request")
    for i, (label, value) in enumerate((("Name", "Dana Ellison"), ("SSN", "900-55-7788"), ("Phone", "555-310-7788"))):
        c.drawString(50, 750 - 22 * i, label + ":")
        form.textfield(name=f"Text{i}", value=value, x=150, y=746 - 22 * i, width=200, height=14)
    c.drawString(50, 670, "Preferred meeting:")
    for i, option in enumerate(("In person", "Phone", "Video")):
        form.radio(name="Group1", value=option.replace(" ", ""), selected=i == 1, x=150 + 80 * i, y=668, size=9)
        c.drawString(163 + 80 * i, 670, option)
    c.drawString(50, 640, "Comments:")
    form.textfield(name="Text9", value="Mornings are best for me, any weekday after the first of the month is fine.",
                   x=150, y=590, width=300, height=50, fieldFlags="multiline")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, 560, "Signature")
    c.setFont("Helvetica", 10)
    c.drawString(50, 540, "Signed:")
    form.textfield(name="Text10", value="Dana Ellison", x=150, y=536, width=200, height=14)
    c.save()
    assert interpret(read_pdf(path.read_bytes())).document_type == "other"


@pytest.mark.parametrize("page_break", [False, True])
def test_a_signature_table_of_fields_over_a_page_break(tmp_path, page_break):
    """Header row 'Signature | Printed name | Date', a row per party named in its first cell; the
    second row may start the next page, under no header."""
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "signatures.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    form = c.acroForm
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, 160 if page_break else 700, "SIGNATURES")
    y = 140 if page_break else 680
    c.setFont("Helvetica", 9)
    for x, header in ((200, "Signature"), (350, "Printed name"), (480, "Date")):
        c.drawString(x, y, header)
    rows = (("Participant", "Dana R. Ellison", "Dana R. Ellison", "03/06/2025"),
            ("EN Representative", "Dana Whitfield", "Dana Whitfield", "03/07/2025"))
    for i, row in enumerate(rows):
        if page_break and i == 1:
            c.showPage()
            c.setFont("Helvetica", 9)
            y = 760
        y -= 22
        c.drawString(50, y + 2, row[0])
        for j, (x, w) in enumerate(((200, 140), (350, 120), (480, 80))):
            form.textfield(name=f"Text{i}{j}", value=row[j + 1], x=x, y=y - 2, width=w, height=14, fontSize=8)
    c.save()
    layout = read_pdf(path.read_bytes())
    assert [f.label for f in layout.fields] == ["Signature", "Printed name", "Date"] * 2
    assert [f.row_label for f in layout.fields][::3] == ["Participant", "EN Representative"]
    _, _, found = _labels_read(layout)
    signatures = read_signatures(found)
    assert signatures.ticketholder.signed and signatures.ticketholder.date == "2025-03-06"
    assert signatures.en_representative.signed and signatures.en_representative.date == "2025-03-07"
    assert signatures.en_representative.printed_name == "Dana Whitfield"


# --- goals split into boxes, services as box + detail, other words for the parts (#3) -----------

@pytest.mark.parametrize(("tooltip", "label", "expected"), [
    ("Career objective (short range) — within 18 months: monthly gross pay", "Monthly gross pay",
     ("goals.short_term", "goal.earnings")),
    ("Goal (long range) - 3 to 5 years: hours", None, ("goals.long_term", "goal.hours")),
])
def test_a_goal_field_may_qualify_the_goal_before_its_detail(tooltip, label, expected):
    assert goal_part(FormField("Text20", "text", tooltip=tooltip, label=label)) == expected


@pytest.mark.parametrize(("label", "expected"), [
    ("Business name", ("work.employer", None)),
    ("Pay per month", ("work.earnings", None)),
    ("Monthly gross pay (2)", ("work.earnings", 2)),
])
def test_work_history_columns_in_other_words(label, expected):
    assert work_part(FormField("Text5", "text", label=label)) == expected


@pytest.mark.parametrize(("words", "service"), [
    ("Goal Development: what the agency will do", "goal_setting"),
    ("Job Developer Services", "job_development"),
    ("Ongoing Follow-Along", "follow_up_ongoing"),
    ("Initial Follow-Along detail", "follow_up_initial"),
])
def test_service_names_in_other_words(words, service):
    assert service_of(FormField("Text9", "text", tooltip=words)) == service


def _iwp_canvas(path: Path, title_y: float):
    """A letter-size reportlab canvas and its AcroForm, 'Individual Work Plan' drawn at ``title_y``."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, title_y, "Individual Work Plan")
    return c, c.acroForm


def _draw_boxed_form(path: Path) -> None:
    """A form whose labels are printed inside the fields' boxes, goals as detail boxes under a goal name.

    Field names say nothing (``Text1`` ...), no tooltips; 'Person served' for the ticketholder,
    'Career objectives' and 'Terms of participation' as section headings, the terms lettered.
    """
    c, form = _iwp_canvas(path, 750)
    n = iter(range(1, 100))

    def boxed(x: float, y: float, w: float, label: str, value: str) -> None:
        c.rect(x, y, w, 26)
        c.setFont("Helvetica", 6)
        c.drawString(x + 2, y + 19, label)
        form.textfield(name=f"Text{next(n)}", value=value, x=x + 2, y=y + 2, width=w - 4, height=14,
                       fontSize=8, borderWidth=0)

    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, 728, "A. About you")
    boxed(50, 696, 250, "Person served", "Dana Whitfield")
    boxed(310, 696, 250, "Social Security number", "123-45-6789")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, 676, "B. Career objectives")
    goals = (("Near-term goal — within 12 months", ("Accounts Clerk", "20", "$1,650", "by June 2026")),
             ("Long-term goal — 3 to 5 years", ("Bookkeeper", "40", "$3,900", "within 4 years")))
    y = 656
    for heading, values in goals:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(50, y, heading)
        for i, (label, value) in enumerate(zip(("Occupation", "Hours per week", "Monthly gross pay", "Time frame"),
                                               values)):
            boxed(50 + 128 * i, y - 32, 124, label, value)
        y -= 56
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, y, "C. Terms of participation")
    c.setFont("Helvetica", 8)
    for i, term in enumerate(TERMS):
        y -= 14
        c.drawString(50, y, f"{'ABCDEFGHIJKLMNO'[i]}.")
        c.drawString(64, y, term.split(". ", 1)[0].upper() + ". " + term.split(". ", 1)[1][:110])
    c.save()


def test_labels_inside_boxes_goal_boxes_and_other_part_names(tmp_path):
    pytest.importorskip("reportlab")
    path = tmp_path / "boxed.pdf"
    _draw_boxed_form(path)
    record = interpret(read_pdf(path.read_bytes()))
    assert record.ticketholder.name == "Dana Whitfield"
    short, long_ = record.employment_goals.short_term, record.employment_goals.long_term
    assert short is not None and short.monthly_earnings == 1650 and short.job_title == "Accounts Clerk"
    assert long_ is not None and long_.monthly_earnings == 3900 and long_.hours_per_week == 40
    assert record.work_history == ()  # the goal boxes are no jobs
    assert sum(t.present for t in record.terms_and_conditions) >= 12  # the lettered terms part is read


def test_goal_fields_under_an_unknown_heading_are_goals_not_jobs(tmp_path):
    """Goal detail fields after the work history, under a heading no vocabulary knows."""
    pytest.importorskip("reportlab")
    path = tmp_path / "aims.pdf"
    c, form = _iwp_canvas(path, 750)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, 712, "Work history")
    c.setFont("Helvetica", 8)
    fields = [("Social Security number", "SSN", "123-45-6789", 735), ("EN provider ID", "PID", "P12345", 725),
              ("Employer 1", "Employer 1", "Acme Foods", 700), ("Job title 1", "Job title 1", "Cook", 680),
              ("What you are aiming for", None, None, 650)]
    for tip, label, value, y in fields:
        if value is None:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(50, y, tip)
            c.setFont("Helvetica", 8)
            continue
        c.drawString(50, y + 3, f"{label}:")
        form.textfield(name=f"Text{y}", tooltip=tip, value=value, x=150, y=y, width=200, height=14, fontSize=8)
    aims = (("Objective (short range) — within 18 months: job title", "Line Cook"),
            ("Objective (short range) — within 18 months: monthly gross pay", "$1,900"),
            ("Objective (long range) — 3 to 5 years: job title", "Kitchen Manager"),
            ("Objective (long range) — 3 to 5 years: monthly gross pay", "$3,400"))
    for i, (tip, value) in enumerate(aims):
        y = 630 - 20 * i
        c.drawString(50, y + 3, tip.split("— ")[1].split(": ")[1].capitalize() + ":")
        form.textfield(name=f"Aim{i}", tooltip=tip, value=value, x=150, y=y, width=200, height=14, fontSize=8)
    c.save()
    record = interpret(read_pdf(path.read_bytes()))
    assert [(w.employer, w.job_title) for w in record.work_history] == [("Acme Foods", "Cook")]
    goals = record.employment_goals
    assert goals.short_term is not None and goals.short_term.monthly_earnings == 1900
    assert goals.long_term is not None and goals.long_term.job_title == "Kitchen Manager"


@pytest.mark.parametrize(("name", "words"), [
    ("p1_PersonName", "Person Name"),
    ("Page2.TH_Name", "ticketholder Name"),
    ("p3_Svc_JobDev_Dtl", "service Job development detail"),
    ("Emp2Name", "employer 2 Name"),
])
def test_page_prefixes_go_and_abbreviations_are_written_out(name, words):
    assert name_words(name) == words


@pytest.mark.parametrize(("name", "tooltip", "expected"), [
    ("p2_Job2_Employer", None, ("work.employer", 2)),
    ("Text8", "Job 3: employer", ("work.employer", 3)),
    ("Emp2Name", None, ("work.employer", 2)),
    ("Row3_Title", None, ("work.job_title", 3)),
    ("pg2_Job1_Pay", None, ("work.earnings", 1)),
])
def test_a_row_number_inside_a_field_name_gives_the_row(name, tooltip, expected):
    assert work_part(FormField(name, "text", tooltip=tooltip)) == expected


def test_a_detail_field_named_by_abbreviations_belongs_to_its_service():
    assert service_of(FormField("p3_Svc_JobDev_Dtl", "text")) == "job_development"


def test_a_lettered_terms_part_with_lead_ins_and_two_terms_in_one_item(tmp_path):
    """A form's printed terms: lettered items under capitalised lead-ins, two terms in one item.

    Item D holds terms 3 and 4, each under its own lead-in; term 2 says 'of your own free will'
    and term 12 'each service this plan lists is one we undertake to provide'.
    """
    pytest.importorskip("reportlab")
    import textwrap

    texts = [t.split(". ", 1) for t in TERMS]
    texts[1][1] = "You take part of your own free will. You can take your Ticket back or move it at any time."
    texts[11][1] = "Each service this plan lists is one Bright Path undertakes to provide."
    items = [f"{lead.upper()}. {body}" for lead, body in texts]
    items[2:4] = [f"{items[2]} {items[3]}"]
    path = tmp_path / "lettered.pdf"
    c, form = _iwp_canvas(path, 750)
    c.setFont("Helvetica", 9)
    c.drawString(50, 730, "SSN:")
    form.textfield(name="Text1", value="123-45-6789", x=150, y=727, width=120, height=14, fontSize=8)
    c.drawString(50, 712, "EN PID:")
    form.textfield(name="Text2", value="P99887", x=150, y=709, width=120, height=14, fontSize=8)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, 685, "6. Terms of participation")
    c.setFont("Helvetica", 8)
    y = 685
    for letter, item in zip("ABCDEFGHIJKLMN", items):
        for i, line in enumerate(textwrap.wrap(item, 110)):
            y -= 10 if i else 14
            if i == 0:
                c.drawString(50, y, f"{letter}.")
            c.drawString(64, y, line)
    c.save()
    record = interpret(read_pdf(path.read_bytes()))
    assert [t.number for t in record.terms_and_conditions if not t.present] == []


@pytest.mark.parametrize(("name", "expected"), [
    ("LTGoalTitle", ("goals.long_term", "goal.job_title")),
    ("STGoal_Hrs", ("goals.short_term", "goal.hours")),
    ("p1_st_goal_wage", ("goals.short_term", "goal.earnings")),
])
def test_st_and_lt_before_a_goal_are_short_and_long_term(name, expected):
    assert goal_part(FormField(name, "text")) == expected
    assert name_words("Addr_St") == "address St"  # elsewhere 'St' stays what it was


@pytest.mark.parametrize(("name", "service"), [
    ("Workplace adjustments", "job_accommodation"),
    ("Benefits and work incentives", "benefits_counseling"),
    ("Follow-up in the first months", "follow_up_initial"),
    ("Follow-up later on", "follow_up_ongoing"),
    ("Keeping the job", "job_stabilization"),
    ("Moving up in a career: promotion", "career_advancement"),
])
def test_an_unknown_service_name_is_read_by_its_word_stems(name, service):
    assert service_of(FormField("chk7", "checkbox", tooltip=name)) == service


def test_a_service_name_of_no_service_or_of_two_is_no_service():
    assert service_of(FormField("chk8", "checkbox", tooltip="Something else")) is None
    from iwp_pipeline.extract.units import service_by_cues
    assert service_by_cues("Mentor or class") is None  # one stem of job coaching, one of training: a tie


def test_a_goal_tooltip_that_names_no_detail_is_the_whole_goal_whatever_the_label():
    f = FormField("txtGoalLong", "text", tooltip="Goal in 3 to 5 years: job, full or part time, when", label="Wage")
    assert goal_part(f) == ("goals.long_term", None)


@pytest.mark.parametrize(("label", "key"), [
    ("TH Name:", "ticketholder.name"),
    ("Alt. contact (name/relation/phone):", "alternate.name"),
    ("Social Security no.:", "ticketholder.ssn"),
])
def test_shortened_words_on_printed_labels_are_written_out(label, key):
    assert match_field(FormField("Text3", "text", label=label))[0] == key


@pytest.mark.parametrize(("label", "service"), [
    ("Benefits cnsl.", "benefits_counseling"), ("Job dev.", "job_development"), ("F/U initial", "follow_up_initial"),
    ("Job accomm.", "job_accommodation")])
def test_shortened_service_names(label, service):
    assert service_of(FormField("Check Box9", "checkbox", label=label)) == service


def test_a_value_keeps_its_own_words_when_its_label_is_shortened():
    from iwp_pipeline.extract.units import match_label
    assert match_label("TH Name: Dev. Rep. Ltd").rest == "Dev. Rep. Ltd"


@pytest.mark.parametrize(("tooltip", "expected"), [
    ("Next 18 months: job I want", ("goals.short_term", "goal.job_title")),
    ("3 to 5 years: pay amount ($)", ("goals.long_term", "goal.earnings")),
    ("3 to 5 years: pay is per hour, week or month", ("goals.long_term", "goal.period")),
    ("Next 18 months: full time or part time", ("goals.short_term", "goal.other")),
    ("Goal within 18 months: job, full or part time, when", ("goals.short_term", None)),  # a whole goal
])
def test_a_goals_horizon_leading_a_fields_words_names_the_goal(tooltip, expected):
    from iwp_pipeline.extract.fields import goal_part
    assert goal_part(FormField("Goal1X_txt", "text", tooltip=tooltip)) == expected


def test_an_amount_field_and_a_period_choice_make_the_goals_pay():
    from iwp_pipeline.extract.fields import goal_fields

    def fld(name, tip, value, kind="text"):
        return Unit(value, 0, field=FormField(name, kind, value=value, tooltip=tip), section="goals", part="form")

    units = [fld("G1Pay", "Next 18 months: pay amount ($)", "$17.00"),
             fld("G1Per", "Next 18 months: pay is per hour, week or month", "hour", "choice"),
             fld("G1Hours", "Next 18 months: hours a week", "25")]
    details = goal_fields(units).details["goals.short_term"]
    assert details["goal.earnings"].text == "$17.00 per hour" and "goal.period" not in details


def test_goal_fields_named_by_the_caption_at_their_rows_left_and_by_the_field_over_them():
    from iwp_pipeline.extract.fields import goal_fields

    def fld(name, tip, value, top, x0, x1):
        return Unit(value, 0, field=FormField(name, "text", value=value, tooltip=tip), section="goals", part="form",
                    page=1, top=top, bottom=top + 23, x0=x0, x1=x1)

    def caption(text, top):
        return Unit(text, 0, section="goals", page=1, top=top + 5, bottom=top + 21, x0=52, x1=119)

    units = [fld("f1", "Job title", "Inventory Clerk", 413, 132, 234),
             fld("f2", "Gross pay", "$17.00 an hour", 413, 347, 460),
             caption("Short-term (first 18 months)", 413),  # printed after its row's fields
             fld("f3", None, "Warehouse Lead", 436, 132, 234), fld("f4", None, "$3,100.00 a month", 436, 347, 460),
             caption("Long-term (3 to 5 years)", 436)]
    units[3].field = FormField("f3", "text", value="Warehouse Lead", tooltip="Job title")
    found = goal_fields(units).details
    assert found["goals.short_term"]["goal.job_title"].text == "Inventory Clerk"
    assert found["goals.long_term"]["goal.job_title"].text == "Warehouse Lead"
    assert found["goals.long_term"]["goal.earnings"].text == "$3,100.00 a month"  # under the 'Gross pay' field
