"""The held-out group final6 draws what its expectations claim (fixture honesty; the reader is not run).

final6 (fixtures/heldout/final6.py, drawn by fixtures/heldout/render6.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final6``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates (a form's three date fields included), the meeting
modality (its text, its "X" mark, or the form's checkbox), the goals' and jobs' money as written and the
monthly figure it comes to; the services as marked (an "INCLUDED" / "Not included" cell, "Yes"/"No",
"TRUE"/"FALSE", an "X", a form checkbox) and described, the initials beside every term of the form, and
counseling's source.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from fixtures.heldout.final6 import (
    BUILDERS6,
    CEDARBROOK_FORMAT,
    DRIFTWOOD_MANNER,
    IRONWOOD_HELD,
    SANDPIPER_MET,
    SANDPIPER_SERVICE_FIELDS,
    Drawn6,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording6 import GROUPS6, SOU6, TERMS6
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text
from tests.test_heldout_final3 import IDEAS3

DATE_STYLES = ("mdyy", "day-of", "excel", "split")
IDEAS6 = IDEAS3
"""Each term's idea words (final2's and final3's): each final6 wording of a term holds one of its own and
none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part and terms part begin and end (headings as drawn).
PARTS = {
    "cedarbrook": ("BLOCK 6 - SUPPORT PROVIDED", "BLOCK 7 - TERMS OF THIS PLAN",
                   ("BLOCK 8 - VETERAN'S STATEMENT", "BLOCK 9 - AUTHENTICATION")),
    "driftwood": ("SCHEDULE 4 - SERVICES", "PART A - OPERATIVE CLAUSES",
                  ("PART B - WORKER'S ACKNOWLEDGEMENT", "PART C - EXECUTION")),
    "ironwood": ("SERVICES TO BE PROVIDED", "CONDITIONS OF THIS PLAN", ("TRAINEE STATEMENT", "SIGN-OFF")),
    "sandpiper": ("Part 6 Services", "Part 7 Terms and conditions", ("Part 8 Student statement", "Part 9 Signatures")),
}
MODALITY = {"cedarbrook": CEDARBROOK_FORMAT, "driftwood": DRIFTWOOD_MANNER, "ironwood": IRONWOOD_HELD,
            "sandpiper": SANDPIPER_MET}
MODALITY_MARK = {"sandpiper-flat": "x "}
FURNITURE = (r"iwp_tracker\.xlsx -plan page \d+ |form ce-iwp \(rev\. 8/24\) page \d+ of \d+ "
             r"(campus employment network -student individual work plan )?|vets-iwp rev\. 7 \| page \d+ "
             r"(contains pii -handle in confidence )?|plan ref\. dw-iwp \| page \d+ of \d+ ")
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""


CASES = _cases(BUILDERS6)


def _dates(source: dict, iso: str) -> list[str]:
    """Every way a final6 template writes a date: its text, a flat form's three boxes (with the MM / DD / YYYY
    hints under them) and a form's three field values."""
    out = [Drawn6(source, style, "cedarbrook", "").date(iso) for style in DATE_STYLES]
    y, m, d = iso.split("-")
    return out + [f"{m} mm / {d} dd / {y} yyyy", f"{m} {d} {y}"]


def test_final6_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("cedarbrook", "docx"), ("cedarbrook", "pdf-text"), ("driftwood", "docx"),
                     ("ironwood", "pdf-text"), ("sandpiper", "pdf-form"), ("sandpiper", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final6_stays_out_of_all():
    """``evaluate.py --group all`` does not score final6 (nor final2 to final5)."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final6"]) == set(BUILDERS6)
    assert not set(BUILDERS6) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


def test_final6_templates_are_new():
    """No final6 template shares its name, or a term's wording, with an earlier template."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout import evaluate
    from fixtures.heldout.wording import TERMS
    from fixtures.heldout.wording3 import TERMS3
    from fixtures.heldout.wording4 import TERMS4
    from fixtures.heldout.wording5 import TERMS5

    earlier = {t for g, names in evaluate.GROUPS.items() if g != "final6" for t in names}
    assert not set(BUILDERS6) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values()) for text in terms.values()}
    assert not {_norm(text) for terms in TERMS6.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS6.values())


@pytest.mark.parametrize("template", list(BUILDERS6))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's."""
    texts = {n: _norm(TERMS6[template][n]) for n in range(1, 16)}
    for n, words in IDEAS6.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written (the dollar figure, or the figure before
    "USD")."""
    m = re.search(r"\$\s*(\d[\d,]*(?:\.\d+)?)", written) or re.search(r"(\d[\d,]*(?:\.\d+)?) usd", written.casefold())
    amount = float(m.group(1).replace(",", ""))
    low = written.casefold()
    if "hour" in low or "/hr" in low:
        return amount * hours * 52 / 12
    assert "month" in low or "/mo" in low, written
    return amount


def _on(field: dict) -> bool:
    return field.get("/V") not in (None, "/Off")


@pytest.mark.parametrize("doc,data", CASES, ids=[f"{d.parent.name}/{d.name}" for d, _ in CASES])
def test_document_says_what_its_expectation_claims(doc, data):
    text, fields = document_text(doc)
    assert len(text) > 500, "the document opens and has text"
    template, variant = doc.parent.name, data["template"]
    rec, defect = data["record"], data["defect"]
    source = heldout_people()[doc.name.split("-")[0]]
    services_start, terms_start, terms_ends = PARTS[template]
    terms = _part(text, terms_start, terms_ends)
    check_terms(text, terms, rec, IDEAS6, SOU6[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature
        assert _norm(source["ticketholder"]["name"]) not in text
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (with its mark where the template marks options), or none.
    written = rec["discussion"]["modality_as_written"]
    options = list(MODALITY[template].values())
    if data["kind"] == "pdf-form":
        for i, option in enumerate(options, 1):
            assert _on(form[f"c3_{i:02d}[0]"]) == (option == written), option
    elif written:
        assert _norm(MODALITY_MARK.get(variant, "") + written) in text
    if not written:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if data["kind"] != "pdf-form" and template != "sandpiper":
            assert not any(_norm(w) in text for w in options)
        if variant == "sandpiper-flat":
            assert not any(_norm("x " + w) in text for w in options)
    if not rec["work_history"]:
        assert not any(_norm(j["employer"]) in text for j in source["work_history"])

    # Goals and jobs: the money as written, and the monthly figure it comes to.
    for which in ("short_term", "long_term"):
        goal = rec["employment_goals"][which]
        if goal:
            money = goal["earnings_as_written"]
            assert _norm(money) in text
            assert _norm(goal["job_title"]) in text and _norm(goal["time_frame"]) in text
            assert abs(_monthly(money, goal["hours_per_week"]) - goal["monthly_earnings"]) < \
                0.01 * goal["monthly_earnings"], which
    for job in rec["work_history"]:
        assert _norm(job["earnings_as_written"]) in text
        assert abs(_monthly(job["earnings_as_written"], job["hours_per_week"]) - job["monthly_earnings"]) < \
            0.01 * job["monthly_earnings"]

    # Services: each marked exactly when selected, and described; counseling's source in the services part.
    details = {detail for _, detail in SANDPIPER_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (terms_start,))] +
                        [value for name, value in fields.items() if name in details])
    services = re.sub(FURNITURE, "", services)
    selected = [s for s in rec["services"] if s["selected"]]
    for s in rec["services"]:
        label = _norm(s["label"])
        number = SERVICE_KEYS.index(s["service"]) + 1
        marked = {"cedarbrook": (f"{label} included", f"{label} not included"),
                  "driftwood": (f"{label} yes", f"{label} no"),
                  "ironwood": (f"{number} {label} true", f"{number} {label} false"),
                  "sandpiper-flat": (f"x {label}", None)}.get(variant)
        if marked:
            yes, no = marked
            assert (yes in services) == s["selected"], s["label"]
            if no:
                assert (no in services) != s["selected"], s["label"]
        if s["selected"]:
            if variant.endswith("-exported"):  # a wrapped table cell's lines interleave with the next cell's
                assert all(word in services for word in label.split()), s["label"]
            else:
                assert label in services
            if s["description"]:
                assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = SANDPIPER_SERVICE_FIELDS[s["service"]]
            assert _on(form[box]) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
        items = re.findall(r"(?:^| )7[a-z]\. ", terms)
        inits = sorted(name for name in form if re.fullmatch(r"f7_\d\d\[0\]", name))
        assert len(inits) == len(items)
        sig, th = rec["signatures"]["ticketholder"], rec["ticketholder"]["name"]
        expected = "".join(p[0] + "." for p in (sig["name"] or th).replace(".", "").split()) \
            if sig["signed"] and th else ""
        assert all((form[name].get("/V") or "") == expected for name in inits)
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
