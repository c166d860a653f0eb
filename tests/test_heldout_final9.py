"""The held-out group final9 draws what its expectations claim (fixture honesty; the reader is not run).

final9 (fixtures/heldout/final9.py, drawn by fixtures/heldout/render9.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final9``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its text, its mark, or the
form field's value), the goals' and jobs' money as written and the monthly figure it comes to; the services
as marked and described, and counseling's source.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from fixtures.heldout.final9 import (
    AGREED,
    BUILDERS9,
    DUNMORE_VISIT,
    GLASSWATER_MODE,
    HOLLYHOCK_HOW,
    HOLLYHOCK_SERVICE_FIELDS,
    NOT_NEEDED,
    OFF,
    ON,
    WRENFIELD_SETTING,
    Drawn9,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render9 import INSET_ON
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording9 import GROUPS9, SOU9, TERMS9
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text
from tests.test_heldout_final3 import IDEAS3

DATE_STYLES = ("mon-d-comma", "weekday-long", "mm-dd-yy", "dd-month")
IDEAS9 = IDEAS3
"""Each term's idea words (final2's and final3's): each final9 wording of a term holds one of its own and
none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "wrenfield": (("Panel 6 \u2014 Supports", "Panel 7 \u2014"), "Panel 7 \u2014 Corps commitments",
                  ("Panel 8 \u2014", "Panel 9 \u2014")),
    "dunmore": (("6) Services", "7) Pledges"), "7) Pledges", ("8) Neighbor's statement", "9) Signatures")),
    "glasswater": (("\u25be Services", "\u25be Planning meeting"), "\u25be Provisions",
                   ("\u25be Assignee acknowledgment", "\u25be E-signatures")),
    "hollyhock": (("F. Help I Will Get", "G. Our Agreement"), "G. Our Agreement",
                  ("H. What I Understand", "I. Signatures")),
}
MODALITY = {"wrenfield": WRENFIELD_SETTING, "dunmore": DUNMORE_VISIT, "glasswater": GLASSWATER_MODE,
            "hollyhock": HOLLYHOCK_HOW}
_HEADERS = (r"corpsmember work plan • ticket to work",
            r"neighbor work plan — ticket to work",
            r"en portal › plans › view individual work plan",
            r"supported employment \| person-centered work plan \(ticket to work\)")
_FOOTERS = (r"cc-iwp form 12 · page \d+", r"form nw-9 — (\d+ )?of( \d+)?",
            r"https://portal\.en-services\.example/plans/iwp/view \d+/\d+", r"hh-pcp-iwp \(2024\) · \d+/\d+")
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?" for h, f in zip(_HEADERS, _FOOTERS, strict=True))
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""


CASES = _cases(BUILDERS9)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn9(source, style, "wrenfield", "").date(iso) for style in DATE_STYLES]


def test_final9_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("wrenfield", "docx"), ("wrenfield", "pdf-text"), ("dunmore", "docx"),
                     ("glasswater", "pdf-text"), ("hollyhock", "pdf-form"), ("hollyhock", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final9_stays_out_of_all():
    """``evaluate.py --group all`` does not score final9 (nor final2 to final8)."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final9"]) == set(BUILDERS9)
    assert not set(BUILDERS9) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


def test_final9_templates_are_new():
    """No final9 template shares its name, or a term's wording, with an earlier template."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout import evaluate
    from fixtures.heldout.wording import TERMS
    from fixtures.heldout.wording3 import TERMS3
    from fixtures.heldout.wording4 import TERMS4
    from fixtures.heldout.wording5 import TERMS5
    from fixtures.heldout.wording6 import TERMS6
    from fixtures.heldout.wording7 import TERMS7
    from fixtures.heldout.wording8 import TERMS8

    earlier = {t for g, names in evaluate.GROUPS.items() if g != "final9" for t in names}
    assert not set(BUILDERS9) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values(), *TERMS6.values(), *TERMS7.values(), *TERMS8.values())
           for text in terms.values()}
    assert not {_norm(text) for terms in TERMS9.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS9.values())


@pytest.mark.parametrize("template", list(BUILDERS9))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's."""
    texts = {n: _norm(TERMS9[template][n]) for n in range(1, 16)}
    for n, words in IDEAS9.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])


def _slash(text: str) -> str:
    """No space after a "/" (a line may end in one)."""
    return text.replace("/ ", "/")


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"\$\s*(\d[\d,]*(?:\.\d+)?)", written).group(1).replace(",", ""))
    low = written.casefold()
    if "annually" in low:
        return amount / 12
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
    check_terms(text, terms, rec, IDEAS9, SOU9[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written, or none.
    written = rec["discussion"]["modality_as_written"]
    options = list(MODALITY[template].values())
    if data["kind"] == "pdf-form":
        assert (form["meeting-how"].get("/V") or "") == (written or "")
    elif template == "wrenfield":
        for option in options:
            assert (f"{ON} {_norm(option)}" in text) == (option == written), option
            assert (f"{OFF} {_norm(option)}" in text) == (option != written), option
    elif written:
        assert _norm(written) in text
    if written:
        assert written in options
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template != "wrenfield":
            assert not any(_norm(w) in text for w in options)
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
    details = {detail for _, detail in HOLLYHOCK_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if template == "wrenfield":
            assert (f"{ON} {label}" in services) == s["selected"], s["label"]
            assert (f"{OFF} {label}" in services) != s["selected"], s["label"]
        elif template == "dunmore":
            assert (f"{label} {_norm(AGREED)}" in services) == s["selected"], s["label"]
            assert (f"{label} {_norm(NOT_NEEDED)}" in services) != s["selected"], s["label"]
        elif template == "glasswater":
            assert bool(re.search(rf"{re.escape(label)} on\b", services)) == s["selected"], s["label"]
            assert bool(re.search(rf"{re.escape(label)} off\b", services)) != s["selected"], s["label"]
        elif variant == "hollyhock-flat":
            assert (f"{INSET_ON} {label}" in services) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = HOLLYHOCK_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
    assert SERVICE_KEYS  # the twelve services, in the order every template lists them
