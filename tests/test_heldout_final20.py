"""The held-out group final20 draws what its expectations claim (fixture honesty; the reader is not run).

final20 (fixtures/heldout/final20.py, drawn by fixtures/heldout/render20.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final20``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its words, its mark or the form's
radio group), the goals' and jobs' money as written and the monthly figure it comes to; the services as marked
and described, and counseling's source.
"""

from __future__ import annotations

import ast
import re

import pytest
from pypdf import PdfReader

from fixtures.heldout.final20 import (
    ARDENVALE_HOW,
    BUILDERS20,
    COBBLEFIELD_HOW,
    EMBERTON_HOW,
    LINDENMOOR_SERVICE_FIELDS,
    LINDENMOOR_TYPE,
    LINDENMOOR_WORDS,
    MEETING_FIELD,
    Drawn20,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render17 import CHECK, DOT_OFF, DOT_ON
from fixtures.heldout.templates import SERVICE_KEYS, _rate
from fixtures.heldout.wording20 import GROUPS20, SOU20, TERMS20
from tests.conftest import ROOT
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text

DEFECTS = tuple([f"term-{n:02d}" for n in range(1, 16)] + [
    "no-statement-of-understanding", "ticketholder-signature", "ticketholder-date", "en-signature", "en-date",
    "en-printed-name", "discussion-date", "discussion-modality", "discussion-summary", "no-work-history",
    "short-term-goal", "long-term-goal", "long-term-below-sga", "service-without-description",
    "counseling-without-source", "en-name", "pid", "ticketholder-name", "ssn", "alternate-contact",
    "warn-short-term-under-twl", "warn-short-work-history"])
"""The report contract's defects as the development generator names them (listed here, so that this check does
not import the generator, which uses the reader's checker for the expected status)."""
DATE_STYLES = ("ap", "dmy-long", "dashes", "spaced")
IDEAS20 = {
    1: ["without charge", "no charge", "free to you"],
    2: ["voluntar"],
    3: ["on hold", "suspend", "pause"],
    4: ["amend"],
    5: ["accessible format"],
    6: ["confiden"],
    7: ["grievance"],
    8: ["pabss", "protection and advocacy"],
    9: ["pay stub"],
    10: ["timely progress", "continuing disability review"],
    11: ["two-way"],
    12: ["deliver"],
    13: ["wipa", "work incentives counselor"],
    14: ["14 days"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final20 (made from the requirements, not from the reader): each final20 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "ardenvale": (("Item IV \u2014 Services From the Post", "Item V \u2014"), "Item VII \u2014 Terms of Agreement",
                  ("Item VIII \u2014", "Item IX \u2014")),
    "cobblefield": (("F. What the Job Center will do", "G. Ground rules"), "G. Ground rules",
                    ("H. In your words", "I. Signing")),
    "emberton": (("Panel 5 \u2014 Supports", "Panel 6 \u2014"), "Panel 7 \u2014 Provisions",
                 ("Panel 8 \u2014", "Panel 9 \u2014")),
    "lindenmoor": (("Block F \u2014 Services", "Block G \u2014"), "Block G \u2014 Conditions",
                   ("Block H \u2014", "Block I \u2014")),
}
MODALITY = {"ardenvale": ARDENVALE_HOW, "cobblefield": COBBLEFIELD_HOW, "emberton": EMBERTON_HOW,
            "lindenmoor": LINDENMOOR_WORDS}
_FRAMES = (
    (r"veterans employment post · ticket to work · individual work plan", r"vep-iwp-20 · page \d+ of \d+"),
    (r"workforce board · american job center · ticket to work", r"ajc-iwp · \d+"),
    (r"clubhouse · transitional employment unit · ticket to work iwp", r"ech-iwp · sheet \d+ of \d+"),
    (r"county department of human services · employment network · form hs-iwp-20",
     r"hs-iwp-20 \(rev\. 2025\) · p\. \d+ of \d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?|{h} ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""

CASES = _cases(BUILDERS20)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn20(source, style, "ardenvale", "").date(iso) for style in DATE_STYLES]


def test_final20_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("ardenvale", "docx"), ("ardenvale", "pdf-text"), ("cobblefield", "docx"),
                     ("emberton", "pdf-text"), ("lindenmoor", "pdf-form"), ("lindenmoor", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    assert {doc.parent.name for doc, data in CASES if data["defect"]} == set(BUILDERS20)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final20_stays_out_of_all():
    """``evaluate.py --group all`` does not score final20 (read from its source: importing it loads the reader)."""
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final20" in keys
    assert ast.unparse(groups.values[keys.index("final20")]) == "tuple(FINAL20)"
    assert "final20" not in ast.literal_eval(assigned["ALL"])
    assert "from fixtures.heldout.final20 import BUILDERS20 as FINAL20" in source
    maker = (ROOT / "fixtures" / "heldout" / "make_heldout.py").read_text(encoding="utf-8")
    assert '"final20": list(final20.BUILDERS20)' in maker and re.search(r'"final20"(?:,\s*"final\d+")*\)', maker)


def test_final20_templates_are_new():
    """No final20 template shares its name, or a term's wording, with an earlier template."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout import (
        final2,
        final3,
        final4,
        final5,
        final6,
        final7,
        final8,
        final9,
        final10,
        final11,
        final12,
        final13,
        final14,
        final15,
        final16,
        final17,
        wording,
        wording3,
        wording4,
        wording5,
        wording6,
        wording7,
        wording8,
        wording9,
        wording10,
        wording11,
        wording12,
        wording13,
        wording14,
        wording15,
        wording16,
        wording17,
    )

    earlier = {"beacon", "crossroads", "meridian", "lakeshore", "northstar", "prairie"}
    for module in (final2, final3, final4, final5, final6, final7, final8, final9, final10, final11, final12,
                   final13, final14, final15, final16, final17):
        earlier |= set(next(v for k, v in vars(module).items() if k.startswith("BUILDERS")))
    earlier |= {"amberley", "fallowfield", "halewood", "kingsmoor", "plumstead", "sorrelby", "thornbury",
                "westerdale"}  # final18 and final19, by name only
    assert not set(BUILDERS20) & earlier
    assert all(name.isalpha() and name.islower() and "a" <= name[0] <= "m" for name in BUILDERS20)
    old = {_norm(text) for terms in DEV_TERMS.values() for text in terms.values()}
    for module in (wording, wording3, wording4, wording5, wording6, wording7, wording8, wording9, wording10,
                   wording11, wording12, wording13, wording14, wording15, wording16, wording17):
        table = next(v for k, v in vars(module).items() if k.startswith("TERMS") and isinstance(v, dict))
        old |= {_norm(text) for terms in table.values() for text in terms.values()}
    assert not {_norm(text) for terms in TERMS20.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS20.values())
    assert all(sum(len(g) > 1 for g in groups) == 1 for groups in GROUPS20.values())
    assert len({tuple(map(tuple, groups)) for groups in GROUPS20.values()}) == 4


@pytest.mark.parametrize("template", list(BUILDERS20))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement)."""
    texts = {n: _norm(TERMS20[template][n]) for n in range(1, 16)}
    for n, words in IDEAS20.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU20[template]) for w in words), (template, n)


def test_date_styles():
    src = heldout_people()["gonzalez"]
    assert _dates(src, "2025-03-04") == ["March 4, 2025", "4 March 2025", "03-04-2025", "03 / 04 / 2025"]
    assert _dates(src, "2025-09-14")[0] == "Sept. 14, 2025"
    assert _dates(src, "2026-01-04")[0] == "Jan. 4, 2026"


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    low = written.casefold()
    amount = float(re.search(r"(\d[\d,]*(?:\.\d+)?)", low).group(1).replace(",", ""))
    if "a year" in low:  # cobblefield: the rate, then the yearly figure it makes
        yearly = float(re.search(r"\(\$(\d[\d,]*(?:\.\d+)?) a year\)", low).group(1).replace(",", ""))
        assert abs(yearly - amount * hours * 52) < 0.01
    if "per hr." in low or "an hour" in low or "hourly" in low or "/ hour" in low:
        return amount * hours * 52 / 12
    assert "mo." in low or "month" in low, written
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
    check_terms(text, terms, rec, IDEAS20, SOU20[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature
        assert _norm(source["ticketholder"]["name"]) not in raw
    if not rec["en"]["name"]:  # nor in the terms, the statement or a header
        assert _norm(source["en"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (its words, its mark, the radio group's value), or none.
    written = rec["discussion"]["modality_as_written"]
    options = MODALITY[template]
    if data["kind"] == "pdf-form":
        export = dict(LINDENMOOR_TYPE)
        assert form[MEETING_FIELD].get("/V") in ((f"/{export[written]}",) if written else (None, "/Off"))
        assert all(_norm(o) in text for o in options.values())
    elif template == "lindenmoor":
        for option, _ in LINDENMOOR_TYPE:
            mark = DOT_ON if option == written else DOT_OFF
            assert re.search(rf"{mark}\s*{re.escape(_norm(option))}", text), option
    elif written:
        assert _norm(written) in text
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template != "lindenmoor":
            assert not any(_norm(w) in text for w in options.values())
    if not rec["work_history"]:
        assert not any(_norm(j["employer"]) in text for j in source["work_history"])

    # Goals and jobs: the money as written, and the monthly figure it comes to.
    for which in ("short_term", "long_term"):
        goal = rec["employment_goals"][which]
        if goal:
            money = goal["earnings_as_written"]
            assert _norm(money) in text, money
            assert _norm(goal["job_title"]) in text and _norm(goal["time_frame"]) in text
            assert abs(_monthly(money, goal["hours_per_week"]) - goal["monthly_earnings"]) < \
                0.01 * goal["monthly_earnings"], which
        else:  # a goal left out keeps no money of its own
            assert _norm(source["employment_goals"][which]["earnings_as_written"] or "\x00") not in text or \
                _rate(source["employment_goals"][which]) is not None
    for job in rec["work_history"]:
        assert _norm(job["earnings_as_written"]) in text
        assert abs(_monthly(job["earnings_as_written"], job["hours_per_week"]) - job["monthly_earnings"]) < \
            0.01 * job["monthly_earnings"]

    # Services: each marked exactly when selected, and described; counseling's source in the services part.
    details = {detail for _, detail in LINDENMOOR_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert len(rec["services"]) == len(SERVICE_KEYS)
    for s in rec["services"]:
        label = re.escape(_norm(s["label"]))
        assert re.search(label, services), s["label"]
        if template == "ardenvale" and data["kind"] == "docx":
            mark = "yes" if s["selected"] else "no"
            assert re.search(rf"{label}\s*{mark}\b", services), s["label"]
        elif template == "cobblefield":
            answer = r"yes\." if s["selected"] else r"no\."
            assert re.search(rf"{label}\W*\?\s*answer: {answer}", services), s["label"]
        elif template == "emberton":
            mark = "yes" if s["selected"] else "no"
            assert re.search(rf"\b{mark}\s*{label}", services), s["label"]
        elif variant == "lindenmoor-flat":
            assert bool(re.search(rf"{CHECK}\s*{label}", services)) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if variant == "lindenmoor-flat":
        assert services.count(CHECK) == len(selected)
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = LINDENMOOR_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced


def test_lindenmoor_form_fields():
    """The lindenmoor form's fields are named in capitals by block and each has a tooltip."""
    doc = next(d for d, data in CASES if data["kind"] == "pdf-form")
    form = PdfReader(str(doc)).get_fields()
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]+", name) for name in form)
    assert all(f.get("/TU") for f in form.values())
