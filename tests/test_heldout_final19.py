"""The held-out group final19 draws what its expectations claim (fixture honesty; the reader is not run).

final19 (fixtures/heldout/final19.py, drawn by fixtures/heldout/render19.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final19``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its words, its tick, its code,
its radio button or the mark drawn before it), the goals' and jobs' money as written and the monthly figure it
comes to; the services as marked and described, and counseling's source.
"""

from __future__ import annotations

import ast
import re

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from fixtures.heldout.final19 import (
    BUILDERS19,
    CHOSEN,
    EMPTY19,
    NOT_SCHEDULED,
    PLUMSTEAD_FORMAT,
    PROVIDE_HEADERS,
    SCHEDULED,
    SORRELBY_HOW,
    THORNBURY_CODES,
    THORNBURY_LEGEND,
    TICK19,
    WESTERDALE_MODE,
    WESTERDALE_MODE_WORDS,
    WESTERDALE_SERVICE_FIELDS,
    Drawn19,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render19 import SMALL_BOX
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording19 import GROUPS19, SOU19, TERMS19
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
DATE_STYLES = ("ap-weekday", "nth-mon", "rfc", "iso-dow")
IDEAS19 = {
    1: ["free of charge", "no charge", "without charge", "cost nothing", "costs nothing"],
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
"""Each term's idea words for final19 (made from the requirements, not from the reader): each final19 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (as drawn).
PARTS = {
    "plumstead": (("SUPPORT PLAN", "PROGRAM POLICIES"), "PROGRAM POLICIES", ("MY STATEMENT", "SIGNATURES")),
    "sorrelby": (("UNIT 6 \u00b7 SUPPORTS", "UNIT 7 \u00b7 GUIDELINES"), "UNIT 7 \u00b7 GUIDELINES",
                 ("UNIT 8 \u00b7 MEMBER'S UNDERSTANDING", "UNIT 9 \u00b7 SIGNATURES")),
    "thornbury": ((f"{SCHEDULED} = the Program will provide it", "Plan assurances"), "Plan assurances",
                  ("Member statement", "Signatures")),
    "westerdale": (("Area 6 \u00b7 Services", "Area 7 \u00b7 Rights and responsibilities"),
                   "Area 7 \u00b7 Rights and responsibilities",
                   ("Area 8 \u00b7 Account holder's statement", "Area 9 \u00b7 E-signatures")),
}
MODALITY = {"plumstead": PLUMSTEAD_FORMAT, "sorrelby": SORRELBY_HOW, "thornbury": THORNBURY_CODES,
            "westerdale": WESTERDALE_MODE_WORDS}
_FRAMES = (
    (r"career profile and individual work plan \(ticket to work\) · skills academy en",
     r"career profile form cp-3 · sheet \d+ of \d+"),
    (r"clubhouse employment unit · member work plan \(iwp\)", r"ch-te-iwp · leaf \d*"),
    (r"myhealthplan · work plan \(iwp\) · member view", r"printed from the myhealthplan app · \d+/\d+"),
    (r"remote employment services · individual work plan \(online form\)", r"rw-iwp web form · page \d+ of \d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""
EARLIER = set("""alderbank ashgrove beacon bellwick birchmoor bluestem brackenridge bramblewood cedarbrook clayhurst
copperline crossroads dovecote driftwood dunmore elmstead fernhill flintridge foxglove glasswater gorsefield granite
harborview hazelford heatherlea hollyhock ironwood juniper kelderby kettleworth keystone lakeshore lantern larchmere
larkspur marlstone marrowfield meridian millbrook mossbank nettlecombe northstar nuthurst orchardvale ottery oxbow
pinecrest prairie quarry quenby reedwater ridgeline rookhaven rushwick saltmarsh sandpiper slateford stonegate
sweetgrass tamarack tansycroft tidewater underhill vesperhill whinmoor wickhamford willowmere wrenfield yarrowby
yewstead""".split())


CASES = _cases(BUILDERS19)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn19(source, style, "plumstead", "").date(iso) for style in DATE_STYLES]


def test_final19_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("plumstead", "docx"), ("plumstead", "pdf-text"), ("sorrelby", "docx"),
                     ("thornbury", "pdf-text"), ("westerdale", "pdf-form"), ("westerdale", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    for d in DEFECTS:  # each defect on two templates
        assert len({doc.parent.name for doc, data in CASES if data["defect"] == d}) >= 2, d
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final19_stays_out_of_all():
    """``evaluate.py --group all`` does not score final19 (read from its source: importing it loads the reader)."""
    tree = ast.parse((ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8"))
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final19" in keys
    value = groups.values[keys.index("final19")]
    assert ast.unparse(value) == "tuple(FINAL19)"
    assert "final19" not in ast.literal_eval(assigned["ALL"])
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    assert "from fixtures.heldout.final19 import BUILDERS19 as FINAL19" in source


def test_final19_templates_are_new():
    """No final19 template shares its name, or a term's wording, with an earlier template; names start n to z."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout import (
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

    assert not set(BUILDERS19) & EARLIER
    assert all(re.fullmatch(r"[n-z][a-z]+", name) for name in BUILDERS19)
    tables = [DEV_TERMS, wording.TERMS]
    for module, n in ((wording3, 3), (wording4, 4), (wording5, 5), (wording6, 6), (wording7, 7), (wording8, 8),
                      (wording9, 9), (wording10, 10), (wording11, 11), (wording12, 12), (wording13, 13),
                      (wording14, 14), (wording15, 15), (wording16, 16), (wording17, 17)):
        tables.append(getattr(module, f"TERMS{n}"))
    old = {_norm(text) for table in tables for terms in table.values() for text in terms.values()}
    assert not {_norm(text) for terms in TERMS19.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS19.values())
    assert all(1 <= sum(len(g) > 1 for g in groups) <= 2 for groups in GROUPS19.values())
    assert len({tuple(map(tuple, groups)) for groups in GROUPS19.values()}) == 4


@pytest.mark.parametrize("template", list(BUILDERS19))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement)."""
    texts = {n: _norm(TERMS19[template][n]) for n in range(1, 16)}
    for n, words in IDEAS19.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU19[template]) for w in words), (template, n)


def test_dates_and_money():
    """The four date styles and the four pay periods, and the monthly figure a reviewer works out."""
    source = heldout_people()["gonzalez"]
    assert _dates(source, "2025-03-04") == ["Tues. 4 Mar. 2025", "4th Mar. 2025", "Tue, 4 Mar 2025",
                                            "2025-03-04 (Tue)"]
    assert Drawn19(source, "nth-mon", "sorrelby", "").date("2025-09-22") == "22nd Sept. 2025"
    hourly = {"earnings_as_written": "$14.00/hour at 25 hrs/wk", "hours_per_week": 25, "monthly_earnings": 1516.67}
    monthly = {"earnings_as_written": "$2,600 per month", "hours_per_week": 40, "monthly_earnings": 2600.0}
    for style, a, b in (("plumstead", "$1,400.00 every four weeks", "$2,400.00 every four weeks"),
                        ("sorrelby", "$70.00 a day, 5 days a week", "$120.00 a day, 5 days a week"),
                        ("thornbury", "$4,550.00 per quarter", "$7,800.00 per quarter"),
                        ("westerdale", "$18,200.00 per year", "$31,200.00 per year")):
        d = Drawn19(source, "rfc", style, "")
        h, m = dict(hourly), dict(monthly)
        assert (d.pay(h), d.pay(m)) == (a, b)
        assert h["monthly_earnings"] == 1516.67 and m["monthly_earnings"] == 2600.0, style


def _monthly(written: str) -> float:
    """The monthly figure a reviewer works out from a pay as written."""
    amount = float(re.search(r"\$(\d[\d,]*\.\d\d)", written).group(1).replace(",", ""))
    low = written.casefold()
    if low.endswith("every four weeks"):
        return amount * 13 / 12
    if low.endswith("a day, 5 days a week"):
        return amount * 5 * 52 / 12
    if low.endswith("per quarter"):
        return amount / 3
    assert low.endswith("per year"), written
    return amount / 12


def _support_cells(path) -> tuple[str, str]:  # noqa: ANN001
    """plumstead's two support columns (WE WILL PROVIDE, NOT IN THIS PLAN), as text."""
    d = docx.Document(str(path))
    for table in d.tables:
        if table.rows[0].cells[0].text == PROVIDE_HEADERS[0]:
            left, right = table.rows[1].cells
            return _norm("\n".join(p.text for p in left.paragraphs)), \
                _norm("\n".join(p.text for p in right.paragraphs))
    raise AssertionError("no support table")


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
    check_terms(text, terms, rec, IDEAS19, SOU19[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature or a printed name
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (its words, its tick, its code, its radio button, the mark before it).
    written = rec["discussion"]["modality_as_written"]
    options = MODALITY[template]
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
    if data["kind"] == "pdf-form":
        chosen = form["iwp[meeting][mode]"].get("/V")
        assert (chosen not in (None, "/Off")) == bool(written)
        if written:
            assert chosen == "/" + dict(WESTERDALE_MODE)[written]
    elif variant == "westerdale-flat":
        for option in options.values():
            assert (f"{CHOSEN} {_norm(option)}" in text) == (option == written), option
    elif template == "sorrelby":
        for option in options.values():
            assert (f"{TICK19} {_norm(option)}" in text) == (option == written), option
            assert (f"{EMPTY19} {_norm(option)}" in text) != (option == written), option
    elif template == "thornbury":
        assert _norm(THORNBURY_LEGEND) in text
        for code in options.values():
            assert (f"contact type {_norm(code)}" in text) == (code == written), code
        if not written:
            assert "contact type \u2014" in text
    else:
        assert all((_norm(o) in text) == (o == written) for o in options.values())
    if not rec["work_history"]:
        assert not any(_norm(j["employer"]) in text for j in source["work_history"])

    # Goals and jobs: the money as written, and the monthly figure it comes to.
    for which in ("short_term", "long_term"):
        goal = rec["employment_goals"][which]
        if goal:
            money = goal["earnings_as_written"]
            assert _norm(money) in text
            assert _norm(goal["job_title"]) in text and _norm(goal["time_frame"]) in text
            assert abs(_monthly(money) - goal["monthly_earnings"]) < 0.006, which
    for job in rec["work_history"]:
        assert _norm(job["earnings_as_written"]) in text
        assert abs(_monthly(job["earnings_as_written"]) - job["monthly_earnings"]) < 0.006

    # Services: each marked exactly when selected, and described; counseling's source in the services part.
    details = {detail for _, detail in WESTERDALE_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert sorted(s["service"] for s in rec["services"]) == sorted(SERVICE_KEYS)
    provide, not_in = _support_cells(doc) if template == "plumstead" and data["kind"] == "docx" else ("", "")
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if provide or not_in:
            assert (label in provide) == s["selected"], s["label"]
            assert (label in not_in) != s["selected"], s["label"]
        elif template == "sorrelby":
            assert (f"{label} {TICK19}" in services) == s["selected"], s["label"]
        elif template == "thornbury":
            assert (f"{label} {_norm(SCHEDULED)}" in services) == s["selected"], s["label"]
            assert (f"{label} {_norm(NOT_SCHEDULED)}" in services) != s["selected"], s["label"]
        elif variant == "westerdale-flat":
            assert (f"{SMALL_BOX} {label}" in services) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            if provide:
                assert f"{label}: {_norm(s['description'])}" in provide
            else:
                assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = WESTERDALE_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
        # Every field is named the way a web form posts it, and none has a tooltip.
        assert all(re.fullmatch(r"iwp(?:\[[a-z0-9_]+\])+", name) for name in form)
        assert not any(f.get("/TU") for f in form.values())
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced

    # Template furniture: the profile's name line, the paper form's rules, the app's column.
    if template == "plumstead" and data["kind"] == "docx":
        d = docx.Document(str(doc))
        assert any(stop.get(qn("w:val")) == "right" for stop in d.element.body.iter(qn("w:tab")))
        assert "ticketholder · career profile and individual work plan" in text
    if template == "sorrelby":
        d = docx.Document(str(doc))
        rules = sum(1 for b in d.element.body.iter(qn("w:pBdr")))
        assert rules >= 20
    if template == "thornbury":
        reader = PdfReader(str(doc))
        assert all(float(page.mediabox.width) == 612 for page in reader.pages)
