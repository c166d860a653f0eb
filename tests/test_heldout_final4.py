"""The held-out group final4 draws what its expectations claim (fixture honesty; the reader is not run).

final4 (fixtures/heldout/final4.py, drawn by fixtures/heldout/render4.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final4``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the
record has them and nowhere where a defect removed them; dates, the meeting modality (its mark, the
drop-down's text or the radio button's export value), the goals' money as written and the monthly figure
it comes to; the services as marked and described, and counseling's source.
"""

from __future__ import annotations

import re

import docx
import pytest
from pypdf import PdfReader

from fixtures.heldout.final4 import (
    BUILDERS4,
    FERNHILL_MET,
    JUNIPER_METHOD,
    QUARRY_SERVICE_FIELDS,
    QUARRY_SESSION,
    SALTMARSH_METHOD,
    Drawn4,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.wording4 import GROUPS4, SOU4, TERMS4
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text
from tests.test_heldout_final3 import IDEAS3

DATE_STYLES = ("d-mon-y", "mdy-plain", "short-dash", "slash-yy")
IDEAS4 = IDEAS3
"""Each term's idea words (final2's and final3's): each final4 wording of a term holds one of its own and
none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part and terms part begin and end (headings as drawn).
PARTS = {
    "juniper": ("Section 5 - Services", "Section 7 - Terms", ("Section 8 -", "Section 9 -")),
    "saltmarsh": ("4.0 SERVICES AND SUPPORTS", "6.0 TERMS AND CONDITIONS", ("7.0 CONSUMER", "8.0 SIGNATURES")),
    "fernhill": ("Part D. What we will do", "Part G. Conditions", ("Part H.", "Part I.")),
    "quarry": ("Section 5. Services", "Section 7. Terms", ("Section 8.", "Section 9.")),
}
MODALITY = {"juniper": JUNIPER_METHOD, "saltmarsh": SALTMARSH_METHOD, "fernhill": FERNHILL_MET,
            "quarry": QUARRY_SESSION}
MODALITY_MARK = {"fernhill": "X ", "quarry-flat": "◉ "}
SERVICE_MARK = {"juniper": None, "juniper-exported": None, "saltmarsh": "☑ ", "fernhill": "X ",
                "quarry": None, "quarry-flat": "☑ "}


CASES = _cases(BUILDERS4)


def test_final4_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("juniper", "docx"), ("juniper", "pdf-text"), ("saltmarsh", "docx"),
                     ("fernhill", "pdf-text"), ("quarry", "pdf-form"), ("quarry", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final4_stays_out_of_all():
    """``evaluate.py --group all`` does not score final4 (nor final2, final3)."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final4"]) == set(BUILDERS4)
    assert not set(BUILDERS4) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


def test_final4_templates_are_new():
    """No final4 template shares its name, or a term's wording, with an earlier template."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout import evaluate
    from fixtures.heldout.wording import TERMS
    from fixtures.heldout.wording3 import TERMS3

    earlier = {t for g, names in evaluate.GROUPS.items() if g != "final4" for t in names}
    assert not set(BUILDERS4) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values()) for text in terms.values()}
    assert not {_norm(text) for terms in TERMS4.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS4.values())


@pytest.mark.parametrize("template", list(BUILDERS4))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's."""
    texts = {n: _norm(TERMS4[template][n]) for n in range(1, 16)}
    for n, words in IDEAS4.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"\d[\d,]*(?:\.\d+)?", written).group().replace(",", ""))
    if "hr" in written or "hour" in written:
        return amount * hours * 52 / 12
    if "weekly" in written:
        return amount * 52 / 12
    if "/yr" in written:
        return amount / 12
    return amount


@pytest.mark.parametrize("doc,data", CASES, ids=[f"{d.parent.name}/{d.name}" for d, _ in CASES])
def test_document_says_what_its_expectation_claims(doc, data):
    text, fields = document_text(doc)
    assert len(text) > 500, "the document opens and has text"
    template, variant = doc.parent.name, data["template"]
    rec, defect = data["record"], data["defect"]
    source = heldout_people()[doc.name.split("-")[0]]
    services_start, terms_start, terms_ends = PARTS[template]
    terms = _part(text, terms_start, terms_ends)
    check_terms(text, terms, rec, IDEAS4, SOU4[template])
    check_values(text, rec, source, defect,
                 lambda iso: [Drawn4(source, style, "juniper", "").date(iso) for style in DATE_STYLES])
    if not rec["ticketholder"]["name"]:  # nor in a signature or on the attachment
        assert _norm(source["ticketholder"]["name"]) not in text
    if defect == "en-printed-name":
        printed = source["signatures"]["en_representative"]["printed_name"]
        assert printed != source["en"]["contact_person"] or _norm(printed) in text  # named as the contact only
    if template == "saltmarsh":  # each term under its own fixed number; the summary on Attachment A
        present = [n for g in GROUPS4["saltmarsh"] for n in g
                   if n in {t["number"] for t in rec["terms_and_conditions"] if t["present"]}]
        order = [n for g in GROUPS4["saltmarsh"] for n in g]
        assert re.findall(r"term (\d+) of 15\.", terms) == [str(order.index(n) + 1) for n in present]
        assert (_norm("ATTACHMENT A - DISCUSSION SUMMARY") in text) == bool(rec["discussion"]["summary"])
        assert rec["discussion"]["attached"] == bool(rec["discussion"]["summary"])

    # The meeting modality as written (with its mark where the template marks options), or none.
    written = rec["discussion"]["modality_as_written"]
    options = list(MODALITY[template].values())
    if data["kind"] == "pdf-form":
        held = PdfReader(str(doc)).get_fields()["Group3"].get("/V")
        assert (held not in (None, "/Off")) == bool(written)
        if written:
            assert held == f"/Choice{options.index(written) + 1}"
    elif written:
        assert _norm(MODALITY_MARK.get(variant, "") + written) in text
    if not written:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if data["kind"] != "pdf-form":
            assert not any(_norm(MODALITY_MARK.get(variant, "") + w) in text for w in options)
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
    for job in rec["work_history"]:
        assert _norm(job["earnings_as_written"]) in text
        assert abs(_monthly(job["earnings_as_written"], job["hours_per_week"]) - job["monthly_earnings"]) < \
            0.01 * job["monthly_earnings"]

    # Services: each selected one marked and described as the record says; counseling's source in the services part.
    details = {detail for _, detail in QUARRY_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (terms_start,))] +
                        [value for name, value in fields.items() if name in details])
    # A table row that runs onto the next page carries the page's footer and running header inside it.
    services = re.sub(r"iwp template v5\.2 page \d+ of \d+ ticket to work \| individual work plan \(iwp\) ", "",
                      services)
    selected = [s for s in rec["services"] if s["selected"]]
    for s in rec["services"]:
        mark = SERVICE_MARK[variant]
        if mark:
            assert (_norm(mark + s["label"]) in services) == s["selected"], s["label"]
        if s["selected"]:
            if variant.endswith("-exported"):  # a wrapped table cell's lines interleave with the next cell's
                assert all(word in services for word in _norm(s["label"]).split()), s["label"]
            else:
                assert _norm(s["label"]) in services
            if s["description"]:
                assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        form = PdfReader(str(doc)).get_fields()
        for s in rec["services"]:
            box, _ = QUARRY_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert not form[box].get("/TU")
    if doc.suffix == ".docx" and template == "juniper":
        w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
        boxes = docx.Document(str(doc)).element.body.iter(w14 + "checked")
        assert sum(b.get(w14 + "val") == "1" for b in boxes) == len(selected)
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
