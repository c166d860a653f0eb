"""The held-out group final8 draws what its expectations claim (fixture honesty; the reader is not run).

final8 (fixtures/heldout/final8.py, drawn by fixtures/heldout/render8.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final8``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its text, the radio group's
value, or the ticked option of the flattened form), the goals' and jobs' money as written and the monthly
figure it comes to; the services as marked ("Arranged" / "Not arranged", "[Y]" / "[N]", "Y" / "N", a form
checkbox or the flattened tick) and described, and counseling's source.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from fixtures.heldout.final8 import (
    BRAMBLEWOOD_HOW,
    BRAMBLEWOOD_SERVICE_FIELDS,
    BUILDERS8,
    ORCHARDVALE_HELD,
    PINECREST_MET,
    SLATEFORD_ACTIVITY,
    Drawn8,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording8 import GROUPS8, SOU8, TERMS8
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text
from tests.test_heldout_final3 import IDEAS3

DATE_STYLES = ("m.d.yyyy", "the-nth-of", "ymd-dots", "mon-dot")
IDEAS8 = IDEAS3
"""Each term's idea words (final2's and final3's): each final8 wording of a term holds one of its own and
none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "orchardvale": (("Module 4 - Supports", "Module 5 - Employment targets"), "Module 7 - Conditions",
                    ("Module 8 - Resident statement", "Module 9 - Signatures")),
    "pinecrest": (("Part Four: Services", "Part Five: Your Work Goals"), "Part Seven: Our Commitments",
                  ("Part Eight: What You Understand", "Part Nine: Signing")),
    "slateford": (("[SVC] SERVICES", "[TRM] TERMS"), "[TRM] TERMS",
                  ("[ACK] REGISTRANT ACKNOWLEDGMENT", "[SIG] SIGNATURES")),
    "bramblewood": (("Part 5 - Supports and services", "Part 6 - Past work"), "Part 7 - Terms",
                    ("Part 8 - Associate's understanding", "Part 9 - Signatures")),
}
MODALITY = {"orchardvale": ORCHARDVALE_HELD, "pinecrest": PINECREST_MET, "slateford": SLATEFORD_ACTIVITY,
            "bramblewood": BRAMBLEWOOD_HOW}
FURNITURE = (r"ha-iwp \(rev\. 11/24\) ?-p\. \d+ (family self-sufficiency and ticket to work )?"
             r"|case report iwp-08 ?-pg \d+/\d+ (workforce case system ?-ticket to work individual work plan )?"
             r"|bw-assoc-iwp \| \d+ / \d+ (social enterprise employment network ?-associate work plan )?")
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""
FLAT_MARK = "■"
"""How pypdf reads the ZapfDingbats tick of a flattened bramblewood box or option."""


CASES = _cases(BUILDERS8)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn8(source, style, "orchardvale", "").date(iso) for style in DATE_STYLES]


def test_final8_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("orchardvale", "docx"), ("orchardvale", "pdf-text"), ("pinecrest", "docx"),
                     ("slateford", "pdf-text"), ("bramblewood", "pdf-form"), ("bramblewood", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final8_stays_out_of_all():
    """``evaluate.py --group all`` does not score final8 (nor final2 to final7)."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final8"]) == set(BUILDERS8)
    assert not set(BUILDERS8) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


def test_final8_templates_are_new():
    """No final8 template shares its name, or a term's wording, with an earlier template."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout import evaluate
    from fixtures.heldout.wording import TERMS
    from fixtures.heldout.wording3 import TERMS3
    from fixtures.heldout.wording4 import TERMS4
    from fixtures.heldout.wording5 import TERMS5
    from fixtures.heldout.wording6 import TERMS6
    from fixtures.heldout.wording7 import TERMS7

    earlier = {t for g, names in evaluate.GROUPS.items() if g != "final8" for t in names}
    assert not set(BUILDERS8) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values(), *TERMS6.values(), *TERMS7.values())
           for text in terms.values()}
    assert not {_norm(text) for terms in TERMS8.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS8.values())


@pytest.mark.parametrize("template", list(BUILDERS8))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's."""
    texts = {n: _norm(TERMS8[template][n]) for n in range(1, 16)}
    for n, words in IDEAS8.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"\$\s*(\d[\d,]*(?:\.\d+)?)", written).group(1).replace(",", ""))
    low = written.casefold()
    if "per wk." in low:
        return amount * 52 / 12
    if "hour" in low or "hrly" in low:
        return amount * hours * 52 / 12
    assert "month" in low or "mthly" in low, written
    return amount


@pytest.mark.parametrize("doc,data", CASES, ids=[f"{d.parent.name}/{d.name}" for d, _ in CASES])
def test_document_says_what_its_expectation_claims(doc, data):
    text, fields = document_text(doc)
    assert len(text) > 500, "the document opens and has text"
    template, variant = doc.parent.name, data["template"]
    rec, defect = data["record"], data["defect"]
    source = heldout_people()[doc.name.split("-")[0]]
    (services_start, services_end), terms_start, terms_ends = PARTS[template]
    terms = re.sub(FURNITURE, "", _part(text, terms_start, terms_ends))
    check_terms(text, terms, rec, IDEAS8, SOU8[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature
        assert _norm(source["ticketholder"]["name"]) not in text
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written, or none.
    written = rec["discussion"]["modality_as_written"]
    options = list(MODALITY[template].values())
    if data["kind"] == "pdf-form":
        value = form["MtgHow"].get("/V")
        if written:
            assert value == "/" + written.replace(" ", "")
        else:
            assert value in (None, "/Off", "")
    elif variant == "bramblewood-flat":
        for option in options:
            assert (f"{FLAT_MARK} {_norm(option)}" in text) == (option == written), option
    elif written:
        assert _norm(written) in text
    if not written:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template != "bramblewood":
            assert not any(_norm(w) in text for w in options)
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
    details = {detail for _, detail in BRAMBLEWOOD_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    services = re.sub(FURNITURE, "", services)
    selected = [s for s in rec["services"] if s["selected"]]
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if template == "orchardvale":
            assert (f"{label} arranged" in services) == s["selected"], s["label"]
            assert (f"{label} not arranged" in services) != s["selected"], s["label"]
        elif template == "pinecrest":
            assert (f"[y] {label}" in services) == s["selected"], s["label"]
            assert (f"[n] {label}" in services) != s["selected"], s["label"]
        elif template == "slateford":
            assert (f"{label} y" in services) == s["selected"], s["label"]
            assert (f"{label} n" in services) != s["selected"], s["label"]
        elif variant == "bramblewood-flat":
            assert (f"{FLAT_MARK} {label}" in services) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = BRAMBLEWOOD_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
    assert SERVICE_KEYS  # the twelve services, in the order every template lists them
