"""The held-out group final17 draws what its expectations claim (fixture honesty; the reader is not run).

final17 (fixtures/heldout/final17.py, drawn by fixtures/heldout/render17.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final17``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its text, its radio button, or
the dot drawn before it), the goals' and jobs' money as written and the monthly figure it comes to; the
services as marked and described, and counseling's source.
"""

from __future__ import annotations

import ast
import re

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from fixtures.heldout.final17 import (
    BUILDERS17,
    CROSS,
    NUTHURST_HOW,
    OTTERY_MODE,
    OTTERY_MODE_WORDS,
    OTTERY_SERVICE_FIELDS,
    RUSHWICK_MANNER,
    SHALL,
    SHALL_NOT,
    TICK,
    WE_WILL,
    WE_WONT,
    WICKHAMFORD_MANNER,
    Drawn17,
    dollars_in_words,
    kilo_k,
    ordinal_words,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render17 import CHECK, DOT_OFF, DOT_ON
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording17 import GROUPS17, SOU17, TERMS17
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
DATE_STYLES = ("day-in-words", "dow-numeric", "dd-MON-yyyy", "iso")
IDEAS17 = {
    1: ["free of charge", "no charge", "without charge", "costs nothing"],
    2: ["voluntar"],
    3: ["suspend", "discontinue"],
    4: ["amendment"],
    5: ["copy"],
    6: ["confidential", "private", "privacy"],
    7: ["grievance", "dispute"],
    8: ["pabss", "protection and advocacy"],
    9: ["pay stub", "paystub"],
    10: ["timely progress", "continuing disability review"],
    11: ["two-way", "180 days"],
    12: ["deliver"],
    13: ["wipa"],
    14: ["14 days", "fourteen days", "14 calendar days"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final17 (made from the requirements, not from the reader): each final17 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "rushwick": (("5. SERVICES AND SUPPORTS", "6. TERMS AND CONDITIONS"), "6. TERMS AND CONDITIONS",
                 ("7. ACKNOWLEDGMENT OF THE TICKET USER", "8. EXECUTION")),
    "nuthurst": (("What we will do for you", "Important things you should know"), "Important things you should know",
                 ("Your statement", "Signatures")),
    "wickhamford": (("COMPONENT 5 \u2014 SUPPORTS AND SERVICES", "COMPONENT 6 \u2014 TERMS AND CONDITIONS"),
                    "COMPONENT 6 \u2014 TERMS AND CONDITIONS",
                    ("COMPONENT 7 \u2014 ENTRANT'S STATEMENT OF UNDERSTANDING",)),
    "ottery": (("Step 6 of 9 \u00b7 Services", "Step 7 of 9 \u00b7 Terms"), "Step 7 of 9 \u00b7 Terms",
               ("Step 8 of 9 \u00b7 Acknowledgment", "Step 9 of 9 \u00b7 Sign-off")),
}
MODALITY = {"rushwick": RUSHWICK_MANNER, "nuthurst": NUTHURST_HOW, "wickhamford": WICKHAMFORD_MANNER,
            "ottery": OTTERY_MODE_WORDS}
_FRAMES = (
    (r"individual work plan agreement — ticket to work program", r"iwp-agr-17 — page \d+ of \d+"),
    (r"sending office \(employment network\) · notice about your individual work plan", r"notice iwp-n17 · page \d*"),
    (r"network office · iwp completeness checklist \(ticket to work\)", r"form no-qa-17 · checklist page \d+ of \d+"),
    (r"casetrail export · individual work plan \(ticket to work\)", r"casetrail://plans/iwp · \d+/\d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""
EARLIER = set("""alderbank ashgrove beacon birchmoor bluestem brackenridge bramblewood cedarbrook clayhurst copperline
crossroads dovecote driftwood dunmore elmstead fernhill flintridge foxglove glasswater gorsefield granite harborview
heatherlea hollyhock ironwood juniper kettleworth keystone lakeshore lantern larkspur marlstone marrowfield meridian
millbrook mossbank nettlecombe northstar orchardvale oxbow pinecrest prairie quarry quenby reedwater ridgeline
rookhaven saltmarsh sandpiper slateford stonegate sweetgrass tamarack tansycroft tidewater underhill vesperhill
whinmoor willowmere wrenfield yarrowby yewstead""".split())


CASES = _cases(BUILDERS17)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn17(source, style, "rushwick", "").date(iso) for style in DATE_STYLES]


def test_final17_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("rushwick", "docx"), ("rushwick", "pdf-text"), ("nuthurst", "docx"),
                     ("wickhamford", "pdf-text"), ("ottery", "pdf-form"), ("ottery", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    for d in DEFECTS:  # each defect on two templates
        assert len({doc.parent.name for doc, data in CASES if data["defect"] == d}) >= 2, d
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final17_stays_out_of_all():
    """``evaluate.py --group all`` does not score final17 (read from its source: importing it loads the reader)."""
    tree = ast.parse((ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8"))
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final17" in keys
    value = groups.values[keys.index("final17")]
    assert ast.unparse(value) == "tuple(FINAL17)"
    assert "final17" not in ast.literal_eval(assigned["ALL"])
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    assert "from fixtures.heldout.final17 import BUILDERS17 as FINAL17" in source


def test_final17_templates_are_new():
    """No final17 template shares its name, or a term's wording, with an earlier template; names start m to z."""
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
    )
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
    from fixtures.heldout.wording14 import TERMS14
    from fixtures.heldout.wording15 import TERMS15

    earlier = set(EARLIER)
    for module, name in ((final2, "BUILDERS"), (final3, "BUILDERS3"), (final4, "BUILDERS4"), (final5, "BUILDERS5"),
                         (final6, "BUILDERS6"), (final7, "BUILDERS7"), (final8, "BUILDERS8"),
                         (final9, "BUILDERS9"), (final10, "BUILDERS10"), (final11, "BUILDERS11"),
                         (final12, "BUILDERS12"), (final13, "BUILDERS13"), (final14, "BUILDERS14"),
                         (final15, "BUILDERS15")):
        earlier |= set(getattr(module, name))
    assert not set(BUILDERS17) & earlier
    assert all(re.fullmatch(r"[m-z][a-z]+", name) for name in BUILDERS17)
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values(), *TERMS6.values(), *TERMS7.values(), *TERMS8.values(),
                                     *TERMS9.values(), *TERMS10.values(), *TERMS11.values(), *TERMS12.values(),
                                     *TERMS13.values(), *TERMS14.values(), *TERMS15.values())
           for text in terms.values()}
    assert not {_norm(text) for terms in TERMS17.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS17.values())
    assert all(1 <= sum(len(g) > 1 for g in groups) <= 2 for groups in GROUPS17.values())
    assert len({tuple(map(tuple, groups)) for groups in GROUPS17.values()}) == 4


@pytest.mark.parametrize("template", list(BUILDERS17))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement)."""
    texts = {n: _norm(TERMS17[template][n]) for n in range(1, 16)}
    for n, words in IDEAS17.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU17[template]) for w in words), (template, n)


def test_words_and_money():
    """rushwick's dates and money in words, wickhamford's monthly amounts in thousands."""
    assert ordinal_words(4) == "fourth"
    assert ordinal_words(12) == "twelfth"
    assert ordinal_words(20) == "twentieth"
    assert ordinal_words(21) == "twenty-first"
    assert ordinal_words(30) == "thirtieth"
    assert ordinal_words(23) == "twenty-third"
    assert dollars_in_words(2600.0) == "two thousand six hundred dollars ($2,600.00)"
    assert dollars_in_words(19.5) == "nineteen dollars and fifty cents ($19.50)"
    assert dollars_in_words(715.0) == "seven hundred fifteen dollars ($715.00)"
    assert kilo_k(2600.0) == "$2.6k monthly"
    assert kilo_k(1516.67) == "$1,516.67 monthly"
    assert kilo_k(715.0) == "$715.00 monthly"
    d = Drawn17(heldout_people()["gonzalez"], "day-in-words", "rushwick", "")
    assert d.date("2025-03-04") == "the fourth day of March, 2025"
    assert d.date("2026-01-21") == "the twenty-first day of January, 2026"


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"(?:\$|USD )\s*(\d[\d,]*(?:\.\d+)?)", written).group(1).replace(",", ""))
    low = written.casefold()
    if "k monthly" in low:
        return amount * 1000
    if "each week" in low:
        return amount * 52 / 12
    if "month" in low:
        return amount
    assert "hr" in low or "hour" in low or "/h" in low, written
    if " x " in low:  # "$14.00/hr x 25": the hours are written too
        assert int(low.rsplit(" x ", 1)[1]) == hours
    return amount * hours * 52 / 12


def _shaded_boxes(path) -> int:  # noqa: ANN001
    d = docx.Document(str(path))
    return sum(1 for shd in d.element.body.iter(qn("w:shd")) if shd.get(qn("w:fill")) == "E6ECF3")


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
    check_terms(text, terms, rec, IDEAS17, SOU17[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature or a printed name
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (its words, its radio button, the dot before it), or none.
    written = rec["discussion"]["modality_as_written"]
    options = MODALITY[template]
    if data["kind"] == "pdf-form":
        chosen = form["session-mode"].get("/V")
        exports = dict(OTTERY_MODE)
        assert (chosen not in (None, "/Off")) == bool(written)
        if written:
            assert chosen == "/" + exports[written]
    elif variant == "ottery-flat":
        for option in options.values():
            assert (f"{DOT_ON} {_norm(option)}" in text) == (option == written), option
            assert (f"{DOT_OFF} {_norm(option)}" in text) != (option == written), option
    elif written:
        assert _norm(written) in text
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template != "ottery":
            assert not any(_norm(w) in text for w in options.values())
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
    details = {notes for _, notes in OTTERY_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert sorted(s["service"] for s in rec["services"]) == sorted(SERVICE_KEYS)
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if template == "rushwick":
            assert (f"{label}. — {_norm(SHALL)}" in services) == s["selected"], s["label"]
            assert (f"{label}. — {_norm(SHALL_NOT)}" in services) != s["selected"], s["label"]
        elif template == "nuthurst":
            assert (f"{label}: {_norm(WE_WILL)}" in services) == s["selected"], s["label"]
            assert (f"{label}: {_norm(WE_WONT)}" in services) != s["selected"], s["label"]
        elif template == "wickhamford":
            assert (f"{label} {TICK}" in services) == s["selected"], s["label"]
            assert (f"{label} {CROSS}" in services) != s["selected"], s["label"]
        elif variant == "ottery-flat":
            assert (f"{CHECK} {label}" in services) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, notes = OTTERY_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[notes].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
        # Every field has a kebab-case name and a data path as its tooltip.
        assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) for name in form)
        assert all(str(f.get("/TU", "")).startswith("plan.") for f in form.values())
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced

    # Template furniture: recitals, shaded boxes, Met / Not met marks that agree with the record.
    if template == "rushwick":
        assert text.count("whereas") >= 3 and "now, therefore," in text
    if template == "nuthurst":
        assert _shaded_boxes(doc) == 4
    if template == "wickhamford":
        th, en, sig = rec["ticketholder"], rec["en"], rec["signatures"]
        for item, value in (("program entrant's name", th["name"]), ("entrant's social security number", th["ssn"]),
                            ("alternate contact (name, relationship, phone)", rec["alternate_contact"]["name"]),
                            ("network office (en)", en["name"]), ("network payee number (pid)", en["pid"]),
                            ("date of the discussion", rec["discussion"]["date"]),
                            ("manner of the discussion", written),
                            ("statement, in the entrant's words", rec["statement_of_understanding"]["present"]),
                            ("entrant (or representative) signature", sig["ticketholder"]["signed"]),
                            ("date the entrant signed", sig["ticketholder"]["date"]),
                            ("intake specialist signature", sig["en_representative"]["signed"]),
                            ("intake specialist printed name", sig["en_representative"]["printed_name"]),
                            ("date the intake specialist signed", sig["en_representative"]["date"])):
            assert (f"{item} {TICK}" in text) == bool(value), item
            assert (f"{item} {CROSS}" in text) != bool(value), item
