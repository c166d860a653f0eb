"""The held-out group final3 draws what its expectations claim (fixture honesty; the reader is not run).

final3 (fixtures/heldout/final3.py) is scored once, by the lead, with ``fixtures/heldout/evaluate.py
--group final3``; no test runs the reader on it and no threshold guards it. These tests only open its
documents with python-docx / pypdf and check that each NAME.expected.json says what a reviewer finds
there: every term's idea in the terms part of a plan that has it and no word of a missing term's idea
left in that part; the Statement of Understanding; the contact values where the record has them and
nowhere where a defect removed them; dates, the meeting modality, the goals' money as written and
the monthly figure it comes to; the services as described, and counseling's source.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from fixtures.heldout.final3 import BUILDERS3, Drawn3
from fixtures.heldout.people import heldout_people
from fixtures.heldout.wording3 import SOU3, TERMS3
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import (IDEAS, _cases, _norm, _part, check_terms, check_values,
                                       document_text)

DATE_STYLES = ("ordinal-dm", "slash-ymd", "mon-d-y", "weekday")

# Each term's idea words: final2's and a few more; each final3 wording of a term holds one of its own
# and none of another term's, so a missing term leaves none of them behind.
IDEAS3 = {n: IDEAS[n] + extra for n, extra in {
    1: ["no cost", "fee", "bill you", "pay nothing"], 2: ["you decide", "your decision"],
    3: ["suspend", "stop providing", "revise this plan"], 4: ["amend"], 5: ["large print"],
    6: ["records are private"], 7: ["complaint"], 8: ["advocate"], 9: ["wages", "reporting your pay"],
    10: ["progress review", "keep making"], 11: ["at least monthly", "contact you", "contact the claimant"],
    12: ["services described", "services listed", "services shown", "services set out"],
    13: ["benefits counseling", "incentives counselor"], 14: ["effective", "starts"],
    15: ["no additional", "nothing else"]}.items()}
# Where each template's services part and terms part begin and end (headings as drawn).
PARTS = {
    "harborview": ("How we will help you", "The terms of this plan", ("Your statement of understanding", "Sincerely,")),
    "ridgeline": ("Part F. Services", "Part G. Terms and conditions", ("Part H.", "Part I.")),
    "granite": ("SECTION 6.", "SECTION 7.", ("SECTION 8.", "SECTION 9.")),
    "lantern": ("Part 5. Services", "Part 6. Terms", ("Part 7.", "Part 8.")),
}
MODALITY_MARK = {"granite": "☒ ", "lantern-flat": "☒ "}


CASES = _cases(BUILDERS3)


def test_final3_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("harborview", "docx"), ("harborview", "pdf-text"), ("ridgeline", "docx"),
                     ("granite", "pdf-text"), ("lantern", "pdf-form"), ("lantern", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final3_stays_out_of_all():
    """``evaluate.py --group all`` does not score final3 (nor final2)."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final3"]) == set(BUILDERS3)
    assert not set(BUILDERS3) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


@pytest.mark.parametrize("template", list(BUILDERS3))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's."""
    texts = {n: _norm(TERMS3[template][n]) for n in range(1, 16)}
    for n, words in IDEAS3.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])


def _monthly(written: str, hours: int) -> float:
    amount = float(re.search(r"[\d,]+(?:\.\d+)?", written).group().replace(",", ""))
    if "k per month" in written:
        return amount * 1000
    return amount * hours * 52 / 12 if "hour" in written else amount


@pytest.mark.parametrize("doc,data", CASES, ids=[f"{d.parent.name}/{d.name}" for d, _ in CASES])
def test_document_says_what_its_expectation_claims(doc, data):
    text, fields = document_text(doc)
    assert len(text) > 500, "the document opens and has text"
    template = doc.parent.name
    rec, defect = data["record"], data["defect"]
    source = heldout_people()[doc.name.split("-")[0]]
    services_start, terms_start, terms_ends = PARTS[template]
    terms = _part(text, terms_start, terms_ends)
    check_terms(text, terms, rec, IDEAS3, SOU3[template])
    check_values(text, rec, source, defect,
                 lambda iso: [Drawn3(source, style, "usd", "").date(iso) for style in DATE_STYLES])
    if not rec["ticketholder"]["name"]:  # nor in a signature or a salutation
        assert _norm(source["ticketholder"]["name"]) not in text
    if defect == "en-printed-name":
        printed = source["signatures"]["en_representative"]["printed_name"]
        assert printed != source["en"]["contact_person"] or _norm(printed) in text  # named as the contact only

    # The meeting modality as written (a mark beside it where the template marks options), or none.
    written = rec["discussion"]["modality_as_written"]
    variant = data["template"]
    if data["kind"] == "pdf-form":
        held = PdfReader(str(doc)).get_fields()["radContactType"].get("/V")
        assert (held not in (None, "/Off")) == bool(written)
        if written:
            assert held == "/" + written.replace(" ", "")
    elif written:
        assert _norm(MODALITY_MARK.get(variant, "") + written) in text
    if not written:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if data["kind"] != "pdf-form":
            assert not any(_norm(MODALITY_MARK.get(variant, "") + w) in text for w in (
                "In person", "Telephone", "Video conference", "At our office", "By phone", "By video link",
                "in person at our office", "during a telephone call", "during a video call", "Over a video call",
                "By telephone"))
    if not rec["work_history"]:
        assert not any(_norm(j["employer"]) in text for j in source["work_history"])

    # Goals: the money as written, and the monthly figure it comes to.
    for which in ("short_term", "long_term"):
        goal = rec["employment_goals"][which]
        if goal:
            money = goal["earnings_as_written"]
            assert _norm(money) in text
            assert abs(_monthly(money, goal["hours_per_week"]) - goal["monthly_earnings"]) < \
                0.01 * goal["monthly_earnings"], which

    # Services: each selected one described as the record says; counseling's source in the services part.
    services = " ".join([_part(text, services_start, (terms_start,))] +
                        [value for name, value in fields.items() if name.startswith("chkSvc")])
    for s in rec["services"]:
        if s["selected"]:
            assert _norm(s["label"]) in services
            if s["description"]:
                assert _norm(s["description"]) in services
    bc = next((s for s in rec["services"] if s["service"] == "benefits_counseling" and s["selected"]), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
