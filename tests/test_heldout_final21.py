"""The held-out group final21 draws what its expectations claim (fixture honesty; the reader is not run).

final21 (fixtures/heldout/final21.py, drawn by fixtures/heldout/render21.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final21``; no test runs the reader on it and no threshold guards it.
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

import pytest
from pypdf import PdfReader

from fixtures.heldout.final21 import (
    BUILDERS21,
    NO_WONT,
    NOT_PROVIDED,
    PENNYROYAL_HOW,
    SABLECREST_HOW,
    TOLLBROOK_HOW,
    VINECREST_SERVICE_FIELDS,
    VINECREST_VISIT,
    VINECREST_VISIT_WORDS,
    YES_WILL,
    Drawn21,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render17 import DOT_OFF, DOT_ON
from fixtures.heldout.render21 import BOX_OFF, BOX_ON
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording21 import GROUPS21, SOU21, TERMS21
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
DATE_STYLES = ("abbr-dot", "military", "d-mon-y", "mdy-2")
IDEAS21 = {
    1: ["free to you", "no cost", "pays nothing", "not billed", "free of charge"],
    2: ["voluntar", "your choice", "by choice"],
    3: ["stop taking part", "no longer participates", "stops taking part", "stops participating"],
    4: ["amendment"],
    5: ["copy", "copies"],
    6: ["confidential", "private", "privacy"],
    7: ["grievance"],
    8: ["pabss", "protection and advocacy"],
    9: ["pay stub"],
    10: ["timely progress"],
    11: ["two-way"],
    12: ["on the terms"],
    13: ["wipa"],
    14: ["14 days"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final21 (made from the requirements, not from the reader): each final21 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""


def _spaced(title: str) -> str:
    return " ".join(title)


# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "pennyroyal": (("How will the Desk help?", "What are the ground rules?"), "What are the ground rules?",
                   ("What does the Patron understand?", "Who signed, and when?")),
    "sablecrest": (("6. SERVICES AND SUPPORTS.", "7. TERMS AND CONDITIONS."), "7. TERMS AND CONDITIONS.",
                   ("8. STATEMENT OF THE VETERAN.", "9. SIGNATURES.")),
    "tollbrook": ((_spaced("SERVICES AND SUPPORTS"), _spaced("TERMS AND CONDITIONS")), _spaced("TERMS AND CONDITIONS"),
                  (_spaced("PARTICIPANT'S STATEMENT"), _spaced("SIGNATURES"))),
    "vinecrest": (("Mark Yes or No for each service", "TERMS AND CONDITIONS G-1"), "TERMS AND CONDITIONS G-1",
                  ("PATIENT ACKNOWLEDGMENT", "J SIGNATURES", "JSIGNATURES")),
}
MODALITY = {"pennyroyal": PENNYROYAL_HOW, "sablecrest": SABLECREST_HOW, "tollbrook": TOLLBROOK_HOW,
            "vinecrest": VINECREST_VISIT_WORDS}
_FRAMES = (
    (r"library workforce desk • my work plan \(ticket to work iwp\)", r"my work plan • sheet \d* of \d*"),
    (r"veterans employment post — individual work plan memorandum", r"vep-iwp \| \d*"),
    (r"tribal vocational rehabilitation program — individual work plan", r"tvr work plan — leaf \d+"),
    (r"vocational clinic · individual work plan \(ticket to work\)", r"vc-iwp form · p\. \d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""
EARLIER = set("""alderbank amberley ashgrove beacon bellwick birchmoor bluestem brackenridge bramblewood cedarbrook
clayhurst copperline crossroads dovecote driftwood dunmore elmstead fallowfield fernhill flintridge foxglove glasswater
gorsefield granite halewood harborview hazelford heatherlea hollyhock ironwood juniper kelderby kettleworth keystone
kingsmoor lakeshore lantern larchmere larkspur marlstone marrowfield meridian millbrook mossbank nettlecombe northstar
nuthurst orchardvale ottery oxbow pinecrest plumstead prairie quarry quenby reedwater ridgeline rookhaven rushwick
saltmarsh sandpiper slateford sorrelby stonegate sweetgrass tamarack tansycroft thornbury tidewater underhill
vesperhill westerdale whinmoor wickhamford willowmere wrenfield yarrowby yewstead""".split())


CASES = _cases(BUILDERS21)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn21(source, style, "pennyroyal", "").date(iso) for style in DATE_STYLES]


def test_final21_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("pennyroyal", "docx"), ("pennyroyal", "pdf-text"), ("sablecrest", "docx"),
                     ("tollbrook", "pdf-text"), ("vinecrest", "pdf-form"), ("vinecrest", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    for d in DEFECTS:  # each defect on two templates
        assert len({doc.parent.name for doc, data in CASES if data["defect"] == d}) >= 2, d
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final21_stays_out_of_all():
    """``evaluate.py --group all`` does not score final21 (read from its source: importing it loads the reader)."""
    tree = ast.parse((ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8"))
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final21" in keys
    assert ast.unparse(groups.values[keys.index("final21")]) == "tuple(FINAL21)"
    assert "final21" not in ast.literal_eval(assigned["ALL"])
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    assert "from fixtures.heldout.final21 import BUILDERS21 as FINAL21" in source


def test_final21_templates_are_new():
    """No final21 template shares its name, or a term's wording, with an earlier template; names start n to z."""
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
    from fixtures.heldout.wording16 import TERMS16
    from fixtures.heldout.wording17 import TERMS17

    earlier = set(EARLIER)
    for module, name in ((final2, "BUILDERS"), (final3, "BUILDERS3"), (final4, "BUILDERS4"), (final5, "BUILDERS5"),
                         (final6, "BUILDERS6"), (final7, "BUILDERS7"), (final8, "BUILDERS8"),
                         (final9, "BUILDERS9"), (final10, "BUILDERS10"), (final11, "BUILDERS11"),
                         (final12, "BUILDERS12"), (final13, "BUILDERS13"), (final14, "BUILDERS14"),
                         (final15, "BUILDERS15"), (final16, "BUILDERS16"), (final17, "BUILDERS17")):
        earlier |= set(getattr(module, name))
    assert not set(BUILDERS21) & earlier
    assert all(re.fullmatch(r"[n-z][a-z]+", name) for name in BUILDERS21)
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values(), *TERMS6.values(), *TERMS7.values(), *TERMS8.values(),
                                     *TERMS9.values(), *TERMS10.values(), *TERMS11.values(), *TERMS12.values(),
                                     *TERMS13.values(), *TERMS14.values(), *TERMS15.values(), *TERMS16.values(),
                                     *TERMS17.values())
           for text in terms.values()}
    assert not {_norm(text) for terms in TERMS21.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS21.values())
    assert all(1 <= sum(len(g) > 1 for g in groups) <= 2 for groups in GROUPS21.values())
    assert len({tuple(map(tuple, groups)) for groups in GROUPS21.values()}) == 4


@pytest.mark.parametrize("template", list(BUILDERS21))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement)."""
    texts = {n: _norm(TERMS21[template][n]) for n in range(1, 16)}
    for n, words in IDEAS21.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU21[template]) for w in words), (template, n)


def test_dates_and_money():
    """Each template's dates, and its money in the unit a reviewer converts from."""
    d = {s: Drawn21(heldout_people()["gonzalez"], s, "pennyroyal", "") for s in DATE_STYLES}
    assert d["abbr-dot"].date("2025-03-04") == "Mar. 4, 2025"
    assert d["abbr-dot"].date("2025-05-14") == "May 14, 2025"
    assert d["military"].date("2025-03-04") == "4 March 2025"
    assert d["d-mon-y"].date("2025-03-04") == "4 Mar 2025"
    assert d["mdy-2"].date("2025-03-04") == "03/04/25"
    item = {"monthly_earnings": 2600.0, "earnings_as_written": "$2,600 a month", "hours_per_week": 40}
    assert Drawn21({**heldout_people()["gonzalez"]}, "d-mon-y", "tollbrook", "").pay(item) == "$31,200.00 a year"


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"\$\s*(\d[\d,]*(?:\.\d+)?)", written).group(1).replace(",", ""))
    low = written.casefold()
    if "a year" in low:
        return amount / 12
    if "month" in low:
        return amount
    assert "hr" in low or "hour" in low, written
    if "hours a week" in low:  # pennyroyal writes the hours too
        assert f"for {hours} hours a week" in low
    return amount * hours * 52 / 12


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
    check_terms(text, terms, rec, IDEAS21, SOU21[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature or a printed name
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (its words, its radio button, the dot before it), or none.
    written = rec["discussion"]["modality_as_written"]
    options = MODALITY[template]
    if data["kind"] == "pdf-form":
        chosen = form["optVisitType"].get("/V")
        exports = dict(VINECREST_VISIT)
        assert (chosen not in (None, "/Off")) == bool(written)
        if written:
            assert chosen == "/" + exports[written]
    elif variant == "vinecrest-flat":
        for option in options.values():
            assert (f"{DOT_ON} {_norm(option)}" in text) == (option == written), option
            assert (f"{DOT_OFF} {_norm(option)}" in text) != (option == written), option
    elif written:
        assert _norm(written) in text
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template != "vinecrest":
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
    details = {notes for _, _, notes in VINECREST_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert sorted(s["service"] for s in rec["services"]) == sorted(SERVICE_KEYS)
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if template == "pennyroyal":
            assert (f"q. {label}? a. {_norm(YES_WILL)}" in services) == s["selected"], s["label"]
            assert (f"q. {label}? a. {_norm(NO_WONT)}" in services) != s["selected"], s["label"]
        elif template == "sablecrest":
            assert (f"{label}: yes." in services) == s["selected"], s["label"]
            assert (f"{label}: no." in services) != s["selected"], s["label"]
        elif template == "tollbrook":
            assert bool(re.search(re.escape(label) + r"[ .]*provided", services)) == s["selected"], s["label"]
            assert bool(re.search(re.escape(label) + r"[ .]*" + _norm(NOT_PROVIDED), services)) != s["selected"]
        elif variant == "vinecrest-flat":
            assert (f"{label} {BOX_ON} yes {BOX_OFF} no" in services) == s["selected"], s["label"]
            assert (f"{label} {BOX_OFF} yes {BOX_ON} no" in services) != s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            yes, no, notes = VINECREST_SERVICE_FIELDS[s["service"]]
            assert (form[yes].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert (form[no].get("/V") not in (None, "/Off")) != s["selected"], s["service"]
            assert _norm(form[notes].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
        assert all(re.fullmatch(r"(?:txt|chk|opt)[A-Z][A-Za-z0-9]*", name) for name in form)
        assert all(str(f.get("/TU", "")) for f in form.values())
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced

    # Template furniture.
    if template == "pennyroyal":
        assert text.count("q. ") >= 40
    if template == "sablecrest":
        assert "memorandum for record" in text and "subject:" in text
    if template == "tollbrook":
        assert _norm(_spaced("THE PARTICIPANT")) in text and ". . . ." in text
