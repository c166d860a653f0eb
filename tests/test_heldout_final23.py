"""The held-out group final23 draws what its expectations claim (fixture honesty; the reader is not run).

final23 (fixtures/heldout/final23.py, drawn by fixtures/heldout/render23.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final23``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its text, the underlined option,
the "X" in its box, or its radio button), the goals' and jobs' money as written and the monthly figure it comes
to; the services as marked and described, and counseling's source.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from fixtures.heldout.final23 import (
    BUILDERS23,
    GLENARIFF_TYPE,
    MALLOWBY_MET,
    NOT_DOCUMENTED,
    STOURHEAD_HOW,
    TARNBROOK_MEETING,
    TARNBROOK_MEETING_WORDS,
    TARNBROOK_SERVICE_FIELDS,
    Drawn23,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording23 import GROUPS23, SOU23, TERMS23
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
DATE_STYLES = ("apos", "d-mon-dot", "caps-long", "y-mon-dd")
IDEAS23 = {
    1: ["no charge", "no cost", "free of charge", "never bill", "not be billed"],
    2: ["voluntar"],
    3: ["no longer take", "stop taking part", "stops taking part", "no longer takes"],
    4: ["amendment"],
    5: ["copy", "copies"],
    6: ["confidential", "privacy", "private"],
    7: ["grievance"],
    8: ["pabss", "protection and advocacy"],
    9: ["pay stub"],
    10: ["timely progress"],
    11: ["two-way"],
    12: ["deliver"],
    13: ["wipa"],
    14: ["14 days", "fourteen days", "14 calendar days"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final23 (made from the requirements, not from the reader): each final23 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""

# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "glenariff": (("What the Coach and the Center will do", "Agreements (terms and conditions of this plan)"),
                  "Agreements (terms and conditions of this plan)", ("Participant statement",
                                                                     "Attestation and signatures")),
    "mallowby": (("06 \u2014 Supports from the Housing Provider", "07 \u2014 Terms and conditions"),
                 "07 \u2014 Terms and conditions", ("08 \u2014 Tenant's statement", "09 \u2014 Signatures")),
    "stourhead": (("PART 6 SERVICES AND SUPPORTS", "PART 7 CONDITIONS"), "PART 7 CONDITIONS",
                  ("PART 8 YOUNG ADULT'S STATEMENT", "PART 9 SIGNATURES")),
    "tarnbrook": (("SERVICES AND SUPPORTS Check each service", "TERMS AND CONDITIONS Provision 1"),
                  "TERMS AND CONDITIONS Provision 1", ("STUDENT'S STATEMENT", "SIGNATURES Student")),
}
MODALITY = {"glenariff": GLENARIFF_TYPE, "mallowby": MALLOWBY_MET, "stourhead": STOURHEAD_HOW,
            "tarnbrook": TARNBROOK_MEETING_WORDS}
_FRAMES = (
    (r"recovery community center · peer employment services · individual work plan \(ticket to work\)",
     r"rcc encounter note · pg \d+ of \d+"),
    (r"unified school district · transition services · individual work plan \(ticket to work\)",
     r"form ts-iwp \(2024\) · page \d+ of \d+"),
    (r"office of accessibility services · career pathways · individual work plan", r"oas-iwp fillable · \d+/\d+"),
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

CASES = _cases(BUILDERS23)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn23(source, style, "glenariff", "").date(iso) for style in DATE_STYLES]


def test_final23_is_there():
    """Four templates of every kind, each defect at least twice on two templates, 113 documents."""
    assert len(CASES) == 113
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("glenariff", "docx"), ("glenariff", "pdf-text"), ("mallowby", "docx"),
                     ("stourhead", "pdf-text"), ("tarnbrook", "pdf-form"), ("tarnbrook", "pdf-text")}
    counts = {k: sum(data["kind"] == k for _, data in CASES) for k in ("docx", "pdf-form", "pdf-text")}
    assert counts == {"docx": 50, "pdf-form": 15, "pdf-text": 48}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    for d in DEFECTS:  # each defect on two templates
        assert len({doc.parent.name for doc, data in CASES if data["defect"] == d}) >= 2, d
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final23_stays_out_of_all():
    """``evaluate.py --group all`` does not score final23 (read from its source: importing it loads the reader)."""
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final23" in keys
    assert ast.unparse(groups.values[keys.index("final23")]) == "tuple(FINAL23)"
    assert "final23" not in ast.literal_eval(assigned["ALL"])
    assert "from fixtures.heldout.final23 import BUILDERS23 as FINAL23" in source
    make = (ROOT / "fixtures" / "heldout" / "make_heldout.py").read_text(encoding="utf-8")
    assert '"final23": list(final23.BUILDERS23)' in make


def test_final23_templates_are_new():
    """No final23 template shares its name, or a term's wording, with an earlier template."""
    import importlib

    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout.wording import TERMS

    earlier = set(EARLIER)
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values()) for text in terms.values()}
    for n in range(2, 22):
        module = importlib.import_module(f"fixtures.heldout.final{n}")
        earlier |= set(getattr(module, "BUILDERS" if n == 2 else f"BUILDERS{n}"))
        if n >= 3:
            wording = importlib.import_module(f"fixtures.heldout.wording{n}")
            old |= {_norm(text) for terms in getattr(wording, f"TERMS{n}").values() for text in terms.values()}
    assert not set(BUILDERS23) & earlier
    assert not {_norm(text) for terms in TERMS23.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS23.values())
    assert all(sum(len(g) > 1 for g in groups) == 1 for groups in GROUPS23.values())
    assert len({tuple(map(tuple, groups)) for groups in GROUPS23.values()}) == 4
    assert len({groups[0][0] for groups in GROUPS23.values()}) == 4  # each starts with its own term


@pytest.mark.parametrize("template", list(BUILDERS23))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement)."""
    texts = {n: _norm(TERMS23[template][n]) for n in range(1, 16)}
    for n, words in IDEAS23.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU23[template]) for w in words), (template, n)


def test_dates_and_money():
    """Each template's dates, and its money in the unit a reviewer converts from."""
    source = heldout_people()["gonzalez"]
    d = {s: Drawn23(source, s, "glenariff", "") for s in DATE_STYLES}
    assert d["apos"].date("2025-03-04") == "Mar 4 '25"
    assert d["d-mon-dot"].date("2025-03-04") == "4 Mar. 2025"
    assert d["d-mon-dot"].date("2025-05-14") == "14 May 2025"
    assert d["caps-long"].date("2025-03-04") == "MARCH 4, 2025"
    assert d["y-mon-dd"].date("2025-03-04") == "2025-Mar-04"
    item = {"monthly_earnings": 1516.67, "earnings_as_written": "$14.00/hour at 25 hrs/wk", "hours_per_week": 25}
    assert Drawn23(source, "d-mon-dot", "mallowby", "").pay(item) == "$350.00 weekly (25 hrs at $14.00)"


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"(?:\$|USD )\s*(\d[\d,]*(?:\.\d+)?)", written).group(1).replace(",", ""))
    low = written.casefold()
    if "weekly (" in low:
        assert f"({hours} hrs at $" in low
        return amount * 52 / 12
    if "month" in low:
        return amount
    assert "hr" in low or "hour" in low, written
    return amount * hours * 52 / 12


@cache
def _underlined(path: Path) -> tuple[str, ...]:
    """The meeting options that mallowby's Word file underlines (in bold)."""
    d = docx.Document(str(path))
    out = []
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for run in p.runs:
                        if run.text in MALLOWBY_MET.values() and run.underline and run.bold:
                            out.append(run.text)
    return tuple(sorted(set(out)))


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
    check_terms(text, terms, rec, IDEAS23, SOU23[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature or a printed name
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (its words, the underlined option, the X in its box, its radio button).
    written = rec["discussion"]["modality_as_written"]
    options = MODALITY[template]
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
    if template == "glenariff":
        assert f"encounter type: {_norm(written or NOT_DOCUMENTED)}" in text
        if not written:
            assert not any(_norm(w) in text for w in options.values())
    elif template == "mallowby":
        assert _underlined(doc) == ((written,) if written else ())
        assert all(_norm(w) in text for w in options.values())
    elif data["kind"] == "pdf-form":
        chosen = form["MTG_MODE"].get("/V")
        assert (chosen not in (None, "/Off")) == bool(written)
        if written:
            assert chosen == "/" + dict(TARNBROOK_MEETING)[written]
    else:  # stourhead, tarnbrook-flat: an X typed in the chosen option's box
        for option in options.values():
            assert bool(re.search(r"(?:^|\s)x " + re.escape(_norm(option)), text)) == (option == written), option
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
    details = {notes for _, notes in TARNBROOK_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert sorted(s["service"] for s in rec["services"]) == sorted(SERVICE_KEYS)
    for s in rec["services"]:
        label = re.escape(_norm(s["label"]))
        assert re.search(label, services), s["label"]
        if template == "glenariff":
            assert bool(re.search(rf"{label} ordered", services)) == s["selected"], s["label"]
            assert bool(re.search(rf"{label} not ordered", services)) != s["selected"], s["label"]
        elif template == "mallowby":
            mark = re.search(rf"{label} (yes — see note (\d+)|yes|no)(?: |$)", services)
            assert mark and (mark.group(1) != "no") == s["selected"], s["label"]
            if s["selected"] and s["description"]:
                assert f"note {mark.group(2)}.{_norm(s['description'])}" in services
            else:
                assert mark.group(2) is None
        elif template == "stourhead":
            assert bool(re.search(rf"{label} x(?: |$)", services)) == s["selected"], s["label"]
        elif variant == "tarnbrook-flat":
            assert bool(re.search(rf"(?:^|\s)x {label}", services)) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            check, notes = TARNBROOK_SERVICE_FIELDS[s["service"]]
            assert (form[check].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[notes].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
        assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", name) for name in form)
        assert all(str(f.get("/TU", "")) for f in form.values())
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced

    # Template furniture.
    if template == "glenariff":
        assert "encounter note" in text and "s subjective" in text and "a assessment" in text
    if template == "mallowby":
        assert text.index("plan at a glance") < text.index("01 — the tenant")
    if template == "stourhead":
        assert "29 services (x = the district will provide" in text and "36 date" in text
