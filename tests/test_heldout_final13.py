"""The held-out group final13 draws what its expectations claim (fixture honesty; the reader is not run).

final13 (fixtures/heldout/final13.py, drawn by fixtures/heldout/render13.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final13``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its text, its answers, its mark,
or the form's radio group), the goals' and jobs' money as written and the monthly figure it comes to; the
services as marked and described, and counseling's source.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from fixtures.heldout.final13 import (
    BUILDERS13,
    MODALITY_FIELD,
    NO,
    NOT_APPLICABLE,
    NOT_OFFERED,
    OFFERED,
    PLANNED,
    QUENBY_MET,
    ROOKHAVEN_HOW,
    UNDERHILL_MODE,
    WHINMOOR_MET,
    WHINMOOR_OPTIONS,
    WHINMOOR_SERVICE_FIELDS,
    YES,
    Drawn13,
    dollars_in_words,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render13 import PAREN_OFF, PAREN_ON
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording13 import GROUPS13, SOU13, SOU13_ES, TERMS13
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text

DATE_STYLES = ("d-mon.", "MONTH-d", "ddMONyyyy", "dd/Mon/yyyy")
IDEAS13 = {
    1: ["no cost", "free of charge", "not charge"],
    2: ["voluntar"],
    3: ["discontinue"],
    4: ["amendment"],
    5: ["copy"],
    6: ["confidential", "private", "privacy"],
    7: ["grievance", "dispute", "complaint"],
    8: ["pabss", "protection and advocacy"],
    9: ["pay stub"],
    10: ["timely progress", "medical review", "continuing disability review"],
    11: ["two-way", "quarterly"],
    12: ["deliver"],
    13: ["wipa", "work incentives"],
    14: ["14 days", "14 calendar days", "takes effect", "in force"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final13 (made from the requirements, not from the reader): each final13 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "quenby": (("What the Studio will do", "Ground rules"), "Ground rules",
               ("The Artist's understanding", "Signatures")),
    "rookhaven": (("Chapter 5 \u2014 Services", "Chapter 6 \u2014 Conditions"), "Chapter 6 \u2014 Conditions",
                  ("Chapter 7 \u2014 Worker", "Chapter 8 \u2014 Execution")),
    "underhill": (("REHABILITATION SERVICES", "PROGRAM TERMS"), "PROGRAM TERMS",
                  ("EVALUEE ACKNOWLEDGMENT", "ATTESTATION")),
    "whinmoor": (("6. Help You Will Get", "7. Rules of This Plan"), "7. Rules of This Plan",
                 ("8. What You Understand", "9. Signatures")),
}
_HEADERS = (r"arts studio employment network · artist work plan \(ticket to work iwp\)",
            r"older worker employment program — individual work plan \(ticket to work\)",
            r"vocational rehabilitation report · individual work plan \(ticket to work\)",
            r"farmworker employment network · individual work plan / plan individual de trabajo")
_FOOTERS = (r"awp-2 · sheet \d+", r"owep form 7 \(rev\. 3/2025\) — page \d+ of \d+", r"vrr-iwp-3 · p\. \d+ of \d+",
            r"fw-iwp · sheet \d+ of \d+ · hoja \d+ de \d+")
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?" for h, f in zip(_HEADERS, _FOOTERS, strict=True))
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""


CASES = _cases(BUILDERS13)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn13(source, style, "quenby", "").date(iso) for style in DATE_STYLES]


def test_final13_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("quenby", "docx"), ("quenby", "pdf-text"), ("rookhaven", "docx"),
                     ("underhill", "pdf-text"), ("whinmoor", "pdf-form"), ("whinmoor", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final13_stays_out_of_all():
    """``evaluate.py --group all`` does not score final13."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final13"]) == set(BUILDERS13)
    assert not set(BUILDERS13) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


def test_final13_templates_are_new():
    """No final13 template shares its name, or a term's wording, with an earlier template."""
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

    earlier = {t for g, names in evaluate.GROUPS.items() if g != "final13" for t in names}
    assert not set(BUILDERS13) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values(), *TERMS6.values(), *TERMS7.values(), *TERMS8.values(),
                                     *TERMS9.values(), *TERMS10.values(), *TERMS11.values())
           for text in terms.values()}
    assert not {_norm(text) for terms in TERMS13.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS13.values())
    assert sum(any(len(g) > 1 for g in groups) for groups in GROUPS13.values()) >= 3


@pytest.mark.parametrize("template", list(BUILDERS13))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement)."""
    texts = {n: _norm(TERMS13[template][n]) for n in range(1, 16)}
    for n, words in IDEAS13.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU13[template]) for w in words), (template, n)


def test_money_in_words():
    """rookhaven's amounts in words and figures."""
    assert dollars_in_words(14.0) == "fourteen dollars ($14.00)"
    assert dollars_in_words(19.5) == "nineteen dollars and fifty cents ($19.50)"
    assert dollars_in_words(2600.0) == "two thousand six hundred dollars ($2,600.00)"
    assert dollars_in_words(715.0) == "seven hundred fifteen dollars ($715.00)"


def _slash(text: str) -> str:
    """No space after a "/" (a line may end in one)."""
    return text.replace("/ ", "/")


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"\$\s*(\d[\d,]*(?:\.\d+)?)", written).group(1).replace(",", ""))
    low = written.casefold()
    if "week" in low:
        return amount * 52 / 12
    if "hour" in low:
        return amount * hours * 52 / 12
    assert "month" in low, written
    return amount


@pytest.mark.parametrize("doc,data", CASES, ids=[f"{d.parent.name}/{d.name}" for d, _ in CASES])
def test_document_says_what_its_expectation_claims(doc, data):
    raw, fields = document_text(doc)
    assert len(raw) > 500, "the document opens and has text"
    text = re.sub(FURNITURE, "", raw)
    template, variant = doc.parent.name, data["template"]
    rec, defect = data["record"], data["defect"]
    source = heldout_people()[doc.name.split("-")[0]]
    (services_start, services_end), terms_start, terms_ends = PARTS[template]
    terms = _part(text, terms_start, terms_ends)
    check_terms(text, terms, rec, IDEAS13, SOU13[template])
    if template == "whinmoor":
        assert (_norm(SOU13_ES.format(en=rec["en"]["name"] or "the EN")) in text) == \
            rec["statement_of_understanding"]["present"]
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (its words, its answers, its mark, the radio group's value), or none.
    written = rec["discussion"]["modality_as_written"]
    if data["kind"] == "pdf-form":
        export = {english: value for english, _, value in WHINMOOR_MET}
        assert form[MODALITY_FIELD].get("/V") in ((f"/{export[written]}",) if written else (None, "/Off"))
    elif template == "whinmoor":
        for english, spanish, _ in WHINMOOR_MET:
            option = _norm(f"{english} ({spanish})")
            assert (f"{_norm(PAREN_ON)} {option}" in text) == (english == written), option
            assert (f"{_norm(PAREN_OFF)} {option}" in text) == (english != written), option
    elif template == "rookhaven":
        for option in ROOKHAVEN_HOW.values():
            question = _norm(f"Held {option[0].lower() + option[1:]}?")
            assert question in text
            assert (f"{question} {_norm(YES)}" in text) == (option == written), option
            assert (f"{question} {_norm(NO)}" in text) == (written is not None and option != written), option
    elif written:
        assert _norm(written) in text
    options = {"quenby": QUENBY_MET, "rookhaven": ROOKHAVEN_HOW, "underhill": UNDERHILL_MODE,
               "whinmoor": WHINMOOR_OPTIONS}[template]
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template in ("quenby", "underhill"):
            assert not any(_norm(w) in text for w in options.values())
    if not rec["work_history"]:
        assert not any(_norm(j["employer"]) in text for j in source["work_history"])

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
    details = {detail for _, detail in WHINMOOR_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if template == "quenby":
            assert (f"{label} {_norm(OFFERED)}" in services) == s["selected"], s["label"]
            assert (f"{label} {_norm(NOT_OFFERED)}" in services) != s["selected"], s["label"]
        elif template == "rookhaven":
            assert (f"{label}? {_norm(YES)}" in services) == s["selected"], s["label"]
            assert (f"{label}? {_norm(NO)}" in services) != s["selected"], s["label"]
        elif template == "underhill":
            assert bool(re.search(rf"{re.escape(label)} {_norm(PLANNED)}\b", services)) == s["selected"], s["label"]
            assert bool(re.search(rf"{re.escape(label)} {re.escape(_norm(NOT_APPLICABLE))}", services)) != \
                s["selected"], s["label"]
        elif variant == "whinmoor-flat":
            assert (f"{_norm(PAREN_ON)} {label}" in services) == s["selected"], s["label"]
            assert (f"{_norm(PAREN_OFF)} {label}" in services) != s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = WHINMOOR_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
    assert SERVICE_KEYS  # the twelve services, in the order every template lists them
