"""The held-out group final14 draws what its expectations claim (fixture honesty; the reader is not run).

final14 (fixtures/heldout/final14.py, drawn by fixtures/heldout/render14.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final14``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its words, the ringed answer, its
mark, or the form's radio group), the goals' and jobs' money as written and the monthly figure it comes to; the
services as marked (a ■ in a Yes or No column, a ringed YES or NO, a hand-drawn check mark, a form checkbox or a
drawn box with a check mark) and described, and counseling's source.
"""

from __future__ import annotations

import re

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from fixtures.heldout.final14 import (
    BUILDERS14,
    DOVECOTE_HOW,
    FT_QUESTION,
    MARK_OFF,
    MARK_ON,
    MARROWFIELD_HOW,
    MEET_QUESTION,
    MODALITY_FIELD,
    NETTLECOMBE_MET,
    NETTLECOMBE_OPTIONS,
    NETTLECOMBE_SERVICE_FIELDS,
    NO,
    SERVICE_QUESTION,
    WORKED_QUESTION,
    YARROWBY_HOW,
    YES,
    Drawn14,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render14 import HEAVY_CHECK, TICK_WIDTH, ringed_answer
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording14 import GROUPS14, SOU14, TERMS14
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text

DATE_STYLES = ("dow-the-nth", "d-roman-y", "hand", "yyyymmdd")
IDEAS14 = {
    1: ["no charge", "never charge", "costs you nothing"],
    2: ["voluntar"],
    3: ["cease"],
    4: ["amendment"],
    5: ["copy"],
    6: ["confidential", "privacy"],
    7: ["grievance", "dispute"],
    8: ["pabss", "protection and advocacy"],
    9: ["pay stub"],
    10: ["timely progress", "medical review", "continuing disability review"],
    11: ["two-way", "quarterly"],
    12: ["deliver"],
    13: ["wipa", "work incentives"],
    14: ["14 days", "14 calendar days", "takes effect", "into effect", "in force"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final14 (made from the requirements, not from the reader): each final14 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "yarrowby": (("Element 6 \u00b7 Services", "Element 7 \u00b7 Plan Terms"), "Element 7 \u00b7 Plan Terms",
                 ("Element 8 \u00b7 Client Statement", "Element 9 \u00b7 Signatures")),
    "dovecote": (("Part 5 \u2014 Help from the Co-op", "Appendix A \u2014"),
                 "Appendix A \u2014 Terms and Conditions of My Plan", ("\x00",)),
    "marrowfield": (("SECTION FIVE", "SECTION SIX"), "SECTION SEVEN", ("SECTION EIGHT", "SECTION NINE")),
    "nettlecombe": (("Part E \u2014 Services", "Part F \u2014 Work History"), "Part G \u2014 Terms and Conditions",
                    ("Part H \u2014 Fellow", "Part I \u2014 Signatures")),
}
_HEADERS = (r"regional workforce development board · individual work plan \(ticket to work\)",
            r"self-advocacy cooperative · my work plan \(ticket to work iwp\)",
            r"independent living center · individual work plan \(ticket to work\)",
            r"fellowship program · fellow's individual work plan \(ticket to work\)")
_FOOTERS = (r"wdb-iwp-14 · \d+ / \d+", r"sac-iwp · page \d+", r"ilc form 14-h · page \d+ of \d+",
            r"nf-iwp/14 — \d+ of \d+")
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?|{h} ?" for h, f in zip(_HEADERS, _FOOTERS, strict=True))
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""

CASES = _cases(BUILDERS14)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn14(source, style, "yarrowby", "").date(iso) for style in DATE_STYLES]


def test_final14_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("yarrowby", "docx"), ("yarrowby", "pdf-text"), ("dovecote", "docx"),
                     ("marrowfield", "pdf-text"), ("nettlecombe", "pdf-form"), ("nettlecombe", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {doc.parent.name for doc, data in CASES if data["defect"]} == set(BUILDERS14)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final14_stays_out_of_all():
    """``evaluate.py --group all`` does not score final14."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final14"]) == set(BUILDERS14)
    assert not set(BUILDERS14) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


def test_final14_templates_are_new():
    """No final14 template shares its name, or a term's wording, with an earlier template."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout import evaluate
    from fixtures.heldout.wording import TERMS
    from fixtures.heldout.wording3 import TERMS3
    from fixtures.heldout.wording4 import TERMS4
    from fixtures.heldout.wording5 import TERMS5
    from fixtures.heldout.wording6 import TERMS6
    from fixtures.heldout.wording7 import TERMS7
    from fixtures.heldout.wording8 import TERMS8
    from fixtures.heldout.wording9 import TERMS9
    from fixtures.heldout.wording10 import TERMS10
    from fixtures.heldout.wording11 import TERMS11
    from fixtures.heldout.wording12 import TERMS12
    from fixtures.heldout.wording13 import TERMS13

    earlier = {t for g, names in evaluate.GROUPS.items() if g != "final14" for t in names}
    assert not set(BUILDERS14) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values(), *TERMS6.values(), *TERMS7.values(), *TERMS8.values(),
                                     *TERMS9.values(), *TERMS10.values(), *TERMS11.values(), *TERMS12.values(),
                                     *TERMS13.values())
           for text in terms.values()}
    assert not {_norm(text) for terms in TERMS14.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS14.values())
    assert all(any(len(g) > 1 for g in groups) for groups in GROUPS14.values())
    assert [g for g in GROUPS14["nettlecombe"] if len(g) > 1] == [[10, 9], [14, 15]]


@pytest.mark.parametrize("template", list(BUILDERS14))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement)."""
    texts = {n: _norm(TERMS14[template][n]) for n in range(1, 16)}
    for n, words in IDEAS14.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU14[template]) for w in words), (template, n)


def test_date_styles():
    src = heldout_people()["gonzalez"]
    assert _dates(src, "2025-03-04") == ["Tuesday the 4th of March 2025", "4-III-2025", "Mar. 4th '25", "20250304"]
    assert _dates(src, "2025-03-11")[0] == "Tuesday the 11th of March 2025"
    assert _dates(src, "2025-03-22")[2] == "Mar. 22nd '25"


def _slash(text: str) -> str:
    """No space after a "/" (a line may end in one)."""
    return text.replace("/ ", "/")


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"(?:\$|usd)\s*(\d[\d,]*(?:\.\d+)?)", written.casefold()).group(1).replace(",", ""))
    low = written.casefold()
    if "biweekly" in low:
        return amount * 26 / 12
    if "hour" in low or low.endswith("/h"):
        return amount * hours * 52 / 12
    assert "month" in low or "p.m." in low or "a mo." in low, written
    return amount


def _exported_text(path) -> str:
    """A yarrowby LibreOffice export's text as a reviewer reads it: the margin labels (text boxes, which the export
    draws after the page's footer) left out, so that they do not fall inside a value that runs onto the next
    page."""
    pages = []
    for page in PdfReader(str(path)).pages:
        body = _norm(page.extract_text() or "")
        footer = re.search(_FOOTERS[0], body)
        assert footer, "every page has its footer"
        pages.append(body[:footer.end()])
    return _norm("\n".join(pages))


def _ringed(path, question: str) -> list[str | None]:
    """The ringed answers of every "circle one" paragraph that starts with ``question`` (dovecote)."""
    d = docx.Document(str(path))
    return [ringed_answer(p) for p in d.paragraphs if p.text.startswith(question)]


def _ticks(path) -> int:
    """How many check marks are drawn by hand (strokes of their own width) in marrowfield."""
    return sum(page.get_contents().get_data().count(f"{TICK_WIDTH} w".encode()) for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize("doc,data", CASES, ids=[f"{d.parent.name}/{d.name}" for d, _ in CASES])
def test_document_says_what_its_expectation_claims(doc, data):
    raw, fields = document_text(doc) if not doc.name.endswith("-exported.pdf") else (_exported_text(doc), {})
    assert len(raw) > 500, "the document opens and has text"
    text = re.sub(FURNITURE, "", raw)
    template, variant = doc.parent.name, data["template"]
    rec, defect = data["record"], data["defect"]
    source = heldout_people()[doc.name.split("-")[0]]
    (services_start, services_end), terms_start, terms_ends = PARTS[template]
    terms = _part(text, terms_start, terms_ends)
    check_terms(text, terms, rec, IDEAS14, SOU14[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (its words, the ringed answer, its mark, the radio group's value), or none.
    written = rec["discussion"]["modality_as_written"]
    options = {"yarrowby": YARROWBY_HOW, "dovecote": DOVECOTE_HOW, "marrowfield": MARROWFIELD_HOW,
               "nettlecombe": NETTLECOMBE_OPTIONS}[template]
    if data["kind"] == "pdf-form":
        export = dict(NETTLECOMBE_MET)
        assert form[MODALITY_FIELD].get("/V") in ((f"/{export[written]}",) if written else (None, "/Off"))
    elif template == "nettlecombe":
        for option, _ in NETTLECOMBE_MET:
            assert bool(re.search(rf"{HEAVY_CHECK}\s*{re.escape(_norm(option))}", text)) == (option == written)
    elif template == "dovecote":
        assert _ringed(doc, MEET_QUESTION) == [written]
        assert all(_norm(o) in text for o in options.values())
    elif written:
        assert _norm(written) in text
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template in ("yarrowby", "marrowfield"):
            assert not any(_norm(w) in text for w in options.values())
    if not rec["work_history"]:
        assert not any(_norm(j["employer"]) in text for j in source["work_history"])
    if template == "dovecote":
        assert _ringed(doc, WORKED_QUESTION) == [YES if rec["work_history"] else NO]
        goals = [rec["employment_goals"][w] for w in ("short_term", "long_term")]
        assert _ringed(doc, FT_QUESTION) == [g and ("FULL TIME" if g.get("full_time") else "PART TIME")
                                             for g in goals]

    # Goals and jobs: the money as written (a table cell may wrap after its "/"), and the monthly figure.
    wrapped = _slash(text)
    for which in ("short_term", "long_term"):
        goal = rec["employment_goals"][which]
        if goal:
            money = goal["earnings_as_written"]
            assert _slash(_norm(money)) in wrapped
            assert _norm(goal["job_title"]) in text and _norm(goal["time_frame"]) in text
            assert abs(_monthly(money, goal["hours_per_week"]) - goal["monthly_earnings"]) < \
                0.01 * goal["monthly_earnings"], which
    for job in rec["work_history"]:
        assert _slash(_norm(job["earnings_as_written"])) in wrapped
        assert abs(_monthly(job["earnings_as_written"], job["hours_per_week"]) - job["monthly_earnings"]) < \
            0.01 * job["monthly_earnings"]

    # Services: each marked exactly when selected, and described; counseling's source in the services part.
    details = {detail for _, detail in NETTLECOMBE_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if template == "yarrowby":
            yes, no = f"{label} {MARK_ON} {MARK_OFF}", f"{label} {MARK_OFF} {MARK_ON}"
            assert (yes in services, no in services) == (s["selected"], not s["selected"]), s["label"]
        elif template == "dovecote":
            assert _ringed(doc, SERVICE_QUESTION.format(label=s["label"])) == [YES if s["selected"] else NO]
        elif variant == "nettlecombe-flat":
            assert bool(re.search(rf"{HEAVY_CHECK}\s*{re.escape(label)}", services)) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if template == "marrowfield":
        assert _ticks(doc) == len(selected)
        assert not re.search("[\u2713\u2714\u2611\u2612\u25a0]", raw)
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = NETTLECOMBE_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
    assert SERVICE_KEYS  # the twelve services, in the order every template lists them


def test_yarrowby_labels_are_margin_text_boxes():
    """yarrowby's labels are in text boxes (none in a body paragraph of its own) and its tables have merged
    header cells (a cell spanning two columns and cells merged down two rows)."""
    doc = next(d for d, data in CASES if d.parent.name == "yarrowby" and d.suffix == ".docx")
    d = docx.Document(str(doc))
    boxes = ["".join(t.text for t in box.iter(qn("w:t"))) for box in d.element.body.iter(qn("w:txbxContent"))]
    assert "Board EN payee ID (PID)" in boxes and "Workforce Navigator" in boxes
    assert not any(p.text.startswith("Board EN payee ID") for p in d.paragraphs)
    tables = d.tables
    assert any(tc.tcPr is not None and tc.tcPr.gridSpan is not None for t in tables for tc in t._tbl.iter(qn("w:tc")))
    assert any(tc.tcPr is not None and tc.tcPr.vMerge is not None for t in tables for tc in t._tbl.iter(qn("w:tc")))


def test_nettlecombe_field_names_say_nothing():
    """Every field of the nettlecombe form has an opaque name; only some have a tooltip."""
    doc = next(d for d, data in CASES if data["kind"] == "pdf-form")
    form = PdfReader(str(doc)).get_fields()
    assert all(re.fullmatch(r"f_[0-9a-f]{5}", name) for name in form)
    tips = [name for name, f in form.items() if f.get("/TU")]
    assert 0 < len(tips) < len(form) / 2
