"""The held-out group final11 draws what its expectations claim (fixture honesty; the reader is not run).

final11 (fixtures/heldout/final11.py, drawn by fixtures/heldout/render11.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final11``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its text, its mark, or the
form's radio group), the goals' and jobs' money as written and the monthly figure it comes to; the services
as marked and described, and counseling's source.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from fixtures.heldout.final11 import (
    AUTHORIZED,
    BUILDERS11,
    DIAMOND_OFF,
    DIAMOND_ON,
    MODALITY_FIELD,
    NOT_AUTHORIZED,
    NOT_NOW,
    OXBOW_MET,
    OXBOW_SERVICE_FIELDS,
    SWEETGRASS_HOW,
    TAMARACK_TYPE,
    VESPERHILL_WAY,
    WE_WILL,
    Drawn11,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render11 import DOT_OFF, DOT_ON, TIMES_OFF, TIMES_ON
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording11 import GROUPS11, SOU11, TERMS11
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text
from tests.test_heldout_final3 import IDEAS3

DATE_STYLES = ("mm.dd.yy", "m-d-yyyy", "dow-dd-mon", "d-mon-yyyy")
IDEAS11 = IDEAS3
"""Each term's idea words (final2's and final3's): each final11 wording of a term holds one of its own and
none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "sweetgrass": (("Section 6 of 9 \u2014 Services", "Section 7 of 9"), "Section 7 of 9 \u2014 Agreements",
                   ("Section 8 of 9", "Section 9 of 9")),
    "vesperhill": (("5. How We Will Walk With You", "6. Where You Are Headed"), "7. Our Covenant",
                   ("8. Your Understanding", "9. Signatures")),
    "tamarack": (("5. SERVICES AUTHORIZED", "6. EMPLOYMENT HISTORY"), "7. NOTICES TO THE PERSON",
                 ("8. ACKNOWLEDGMENT", "9. SIGNATURES")),
    "oxbow": (("Part F. Services", "Part G. Promises"), "Part G. Promises",
              ("Part H. Patron Statement", "Part I. Signatures")),
}
MODALITY = {"sweetgrass": SWEETGRASS_HOW, "vesperhill": VESPERHILL_WAY, "tamarack": TAMARACK_TYPE,
            "oxbow": OXBOW_MET}
_HEADERS = (r"tribal vocational program · individual work plan \(ticket to work\)",
            r"jobs ministry · guest work plan \(ticket to work iwp\)",
            r"behavioral health · supported employment · individual work plan \(ticket to work\)",
            r"public library job center — patron work plan \(ticket to work iwp\)")
_FOOTERS = (r"tvp form 22-b page \d+", r"jm-iwp 2025 · page \d+ of \d+", r"bh-se-14 \(11/2024\) pg \d+ of \d+",
            r"ljc-iwp form 3 \(rev\. 2025\) \d+ \| \d+")
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?" for h, f in zip(_HEADERS, _FOOTERS, strict=True))
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""


CASES = _cases(BUILDERS11)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn11(source, style, "sweetgrass", "").date(iso) for style in DATE_STYLES]


def test_final11_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("sweetgrass", "docx"), ("sweetgrass", "pdf-text"), ("vesperhill", "docx"),
                     ("tamarack", "pdf-text"), ("oxbow", "pdf-form"), ("oxbow", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final11_stays_out_of_all():
    """``evaluate.py --group all`` does not score final11 (nor final2 to final9)."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final11"]) == set(BUILDERS11)
    assert not set(BUILDERS11) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


def test_final11_templates_are_new():
    """No final11 template shares its name, or a term's wording, with an earlier template."""
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

    earlier = {t for g, names in evaluate.GROUPS.items() if g != "final11" for t in names}
    assert not set(BUILDERS11) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values(), *TERMS6.values(), *TERMS7.values(), *TERMS8.values(),
                                     *TERMS9.values())
           for text in terms.values()}
    assert not {_norm(text) for terms in TERMS11.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS11.values())


@pytest.mark.parametrize("template", list(BUILDERS11))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's."""
    texts = {n: _norm(TERMS11[template][n]) for n in range(1, 16)}
    for n, words in IDEAS11.items():
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
    if "weekly" in low:
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
    check_terms(text, terms, rec, IDEAS11, SOU11[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written, or none.
    written = rec["discussion"]["modality_as_written"]
    options = list(MODALITY[template].values())
    if data["kind"] == "pdf-form":
        assert form[MODALITY_FIELD].get("/V") in ((f"/{written.replace(' ', '')}",) if written else (None, "/Off"))
    elif variant == "oxbow-flat":
        for option in options:
            assert (f"{DOT_ON} {_norm(option)}" in text) == (option == written), option
            assert (f"{DOT_OFF} {_norm(option)}" in text) == (option != written), option
    elif written:
        assert _norm(written) in text
    if written:
        assert written in options
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template != "oxbow":
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
    details = {detail for _, detail in OXBOW_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if template == "sweetgrass":
            assert (f"{DIAMOND_ON} {label}" in services) == s["selected"], s["label"]
            assert (f"{DIAMOND_OFF} {label}" in services) != s["selected"], s["label"]
        elif template == "vesperhill":
            assert (f"{label} {_norm(WE_WILL)}" in services) == s["selected"], s["label"]
            assert (f"{label} {_norm(NOT_NOW)}" in services) != s["selected"], s["label"]
        elif template == "tamarack":
            assert bool(re.search(rf"{re.escape(label)} {_norm(AUTHORIZED)}\b", services)) == s["selected"], s["label"]
            assert bool(re.search(rf"{re.escape(label)} {_norm(NOT_AUTHORIZED)}\b", services)) != s["selected"], \
                s["label"]
        elif variant == "oxbow-flat":
            assert (f"{TIMES_ON} {label}" in services) == s["selected"], s["label"]
            assert (f"{TIMES_OFF} {label}" in services) != s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = OXBOW_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
    assert SERVICE_KEYS  # the twelve services, in the order every template lists them
