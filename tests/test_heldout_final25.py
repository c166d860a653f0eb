"""The held-out group final25 draws what its expectations claim (fixture honesty; the reader is not run).

final25 (fixtures/heldout/final25.py, drawn by fixtures/heldout/render25.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final25``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its logged channel, its text in
the bilingual grid, the toggle switched ON, the "[•]" option or the radio button), the goals' and jobs' money as
written and the monthly figure it comes to; the services as marked and described, and counseling's source.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from fixtures.heldout.final25 import (
    BUILDERS25,
    ELDMOOR_CHANNEL,
    FERNLEA_MET,
    GALLOWBROOK_MET,
    HARTWELL_CHANNEL,
    HARTWELL_CHANNEL_WORDS,
    HARTWELL_SERVICE_FIELDS,
    NOT_LOGGED,
    Drawn25,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording25 import GROUPS25, SOU25, TERMS25, TITLES25
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
DATE_STYLES = ("mon-dd-yyyy", "mon-dot-dd", "dow-mon-d", "dd-mon-yy")
IDEAS25 = {
    1: ["no cost", "free of charge", "no charge", "never charge", "not charge"],
    2: ["voluntar"],
    3: ["no longer take", "stop taking part", "stops taking part", "no longer takes", "stops participating",
        "stop participating"],
    4: ["amendment"],
    5: ["copy", "copies"],
    6: ["confidential", "privacy", "private"],
    7: ["grievance"],
    8: ["pabss", "protection and advocacy"],
    9: ["pay stub", "paystub"],
    10: ["timely progress"],
    11: ["two-way"],
    12: ["carry out"],
    13: ["wipa"],
    14: ["14 days", "fourteen days", "14 calendar days"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final25 (made from the requirements, not from the reader): each final25 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""

# Where each template's services part (start, end) and terms part (start, ends) are (as drawn).
PARTS = {
    "eldmoor": (("Lesson 6 Services from the Academy", "Lesson 7 Academy standards"),
                "Lesson 7 Academy standards", ("Lesson 8 Agent's statement", "Lesson 9 Sign-off")),
    "fernlea": (("Secci\u00f3n F \u00b7 Section F", "Secci\u00f3n G \u00b7 Section G"),
                "Secci\u00f3n G \u00b7 Section G",
                ("Secci\u00f3n H \u00b7 Section H", "Secci\u00f3n I \u00b7 Section I")),
    "gallowbrook": (("ON = included in this plan", "Policies (terms and conditions)"),
                    "Policies (terms and conditions)", ("Driver-Member's statement", "E-signatures")),
    "hartwell": (("SCREEN 6 OF 9", "SCREEN 7 OF 9"), "My pledges (terms and conditions)",
                 ("SCREEN 8 OF 9", "SCREEN 9 OF 9")),
}
MODALITY = {"eldmoor": ELDMOOR_CHANNEL, "fernlea": FERNLEA_MET, "gallowbrook": GALLOWBROOK_MET,
            "hartwell": HARTWELL_CHANNEL_WORDS}
_FRAMES = (
    (r"contact center academy · agent development program · individual work plan",
     r"academy iwp · cohort edition · page \d+ of \d+"),
    (r"drivers' association member portal — individual work plan",
     r"https://portal\.driversassociation\.example/members/plans/iwp/print \d+/\d+"),
    (r"remote work platform · individual work plan \(ticket to work\) · online form", r"form rw-iwp v3 · \d+ of \d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""

CASES = _cases(BUILDERS25)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn25(source, style, "eldmoor", "").date(iso) for style in DATE_STYLES]


def test_final25_is_there():
    """Four templates of every kind, each defect at least twice on two templates, 113 documents."""
    assert len(CASES) == 113
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("eldmoor", "docx"), ("eldmoor", "pdf-text"), ("fernlea", "docx"),
                     ("gallowbrook", "pdf-text"), ("hartwell", "pdf-form"), ("hartwell", "pdf-text")}
    counts = {k: sum(data["kind"] == k for _, data in CASES) for k in ("docx", "pdf-form", "pdf-text")}
    assert counts == {"docx": 50, "pdf-form": 15, "pdf-text": 48}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    for d in DEFECTS:  # each defect on two templates
        assert len({doc.parent.name for doc, data in CASES if data["defect"] == d}) >= 2, d
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final25_stays_out_of_all():
    """``evaluate.py --group all`` does not score final25 (read from its source: importing it loads the reader)."""
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final25" in keys
    assert ast.unparse(groups.values[keys.index("final25")]) == "tuple(FINAL25)"
    assert "final25" not in ast.literal_eval(assigned["ALL"])
    assert "from fixtures.heldout.final25 import BUILDERS25 as FINAL25" in source
    make = (ROOT / "fixtures" / "heldout" / "make_heldout.py").read_text(encoding="utf-8")
    assert '"final25": list(final25.BUILDERS25)' in make


def test_final25_templates_are_new():
    """No final25 template shares its name, or a term's wording, with an earlier template."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout.templates import TEMPLATES
    from fixtures.heldout.wording import TERMS

    earlier = {"beacon", "crossroads", "meridian", "harbor", "pathways", "summit"} | set(TEMPLATES)
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values()) for text in terms.values()}
    for n in range(2, 24):
        module = importlib.import_module(f"fixtures.heldout.final{n}")
        earlier |= set(getattr(module, "BUILDERS" if n == 2 else f"BUILDERS{n}"))
        if n >= 3:
            wording = importlib.import_module(f"fixtures.heldout.wording{n}")
            old |= {_norm(text) for terms in getattr(wording, f"TERMS{n}").values() for text in terms.values()}
    assert not set(BUILDERS25) & earlier
    assert not {_norm(text) for terms in TERMS25.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS25.values())
    assert all(sum(len(g) > 1 for g in groups) == 1 for groups in GROUPS25.values())
    assert len({tuple(map(tuple, groups)) for groups in GROUPS25.values()}) == 4
    assert len({groups[0][0] for groups in GROUPS25.values()}) == 4  # each starts with its own term


@pytest.mark.parametrize("template", list(BUILDERS25))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement, nor a
    caption of another term)."""
    texts = {n: _norm(TERMS25[template][n]) for n in range(1, 16)}
    for n, words in IDEAS25.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
            if template == "fernlea":
                assert not any(w in _norm(TITLES25[m]) for w in words), (n, m)
        assert not any(w in _norm(SOU25[template]) for w in words), (template, n)


def test_dates_and_money():
    """Each template's dates, and its money in the unit a reviewer converts from."""
    source = heldout_people()["gonzalez"]
    d = {s: Drawn25(source, s, "eldmoor", "") for s in DATE_STYLES}
    assert d["mon-dd-yyyy"].date("2025-03-04") == "Mar-04-2025"
    assert d["mon-dot-dd"].date("2025-03-04") == "Mar. 04, 2025"
    assert d["mon-dot-dd"].date("2025-05-14") == "May 14, 2025"
    assert d["dow-mon-d"].date("2025-03-04") == "Tue, Mar 4, 2025"
    assert d["dd-mon-yy"].date("2025-03-04") == "04-Mar-25"
    item = {"monthly_earnings": 1516.67, "earnings_as_written": "$14.00/hour at 25 hrs/wk", "hours_per_week": 25}
    assert Drawn25(source, "dow-mon-d", "gallowbrook", "").pay(dict(item)) == "$350.00/wk"
    assert Drawn25(source, "mon-dd-yyyy", "eldmoor", "").pay(dict(item)) == "$14.00/h \u00d7 25 h/wk"


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"\$\s*(\d[\d,]*(?:\.\d+)?)", written).group(1).replace(",", ""))
    low = written.casefold()
    if re.search(r"/h\b|per hr|hourly", low):
        return amount * hours * 52 / 12
    if "/wk" in low:
        return amount * 52 / 12
    assert "mo" in low, written
    return amount


@pytest.mark.parametrize("doc,data", CASES, ids=[f"{d.parent.name}/{d.name}" for d, _ in CASES])
def test_document_says_what_its_expectation_claims(doc: Path, data: dict):
    raw, fields = document_text(doc)
    assert len(raw) > 500, "the document opens and has text"
    text = re.sub(FURNITURE, "", raw)
    template, variant = doc.parent.name, data["template"]
    rec, defect = data["record"], data["defect"]
    source = heldout_people()[doc.name.split("-")[0]]
    (services_start, services_end), terms_start, terms_ends = PARTS[template]
    terms = _part(text, terms_start, terms_ends)
    check_terms(text, terms, rec, IDEAS25, SOU25[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature or a printed name
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (the logged channel, the grid's text, the toggle, "[•]", the radio button).
    written = rec["discussion"]["modality_as_written"]
    options = MODALITY[template]
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
    if template == "eldmoor":
        assert f"channel: {_norm(written or NOT_LOGGED)}" in text
        if not written:
            assert not any(_norm(w) in text for w in options.values())
    elif template == "fernlea":
        assert f"how we met {_norm(written) + ' ' if written else ''}c\u00f3mo nos reunimos" in text
    elif template == "gallowbrook":
        for option in options.values():
            on = re.search(r"(?:^|\s)on " + re.escape(_norm(option)), text)
            off = re.search(r"(?:^|\s)off " + re.escape(_norm(option)), text)
            assert bool(on) == (option == written) and bool(off) == (option != written), option
    elif data["kind"] == "pdf-form":
        chosen = form["meeting:channel"].get("/V")
        assert (chosen not in (None, "/Off")) == bool(written)
        if written:
            assert chosen == "/" + dict(HARTWELL_CHANNEL)[written]
    else:  # hartwell-flat: "[•]" before the chosen option, "[ ]" before the others
        for option in options.values():
            assert (f"[\u2022] {_norm(option)}" in text) == (option == written), option
            assert (f"[ ] {_norm(option)}" in text) == (option != written), option
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
    hows = {how for _, how in HARTWELL_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in hows])
    selected = [s for s in rec["services"] if s["selected"]]
    assert sorted(s["service"] for s in rec["services"]) == sorted(SERVICE_KEYS)
    for s in rec["services"]:
        label = re.escape(_norm(s["label"]))
        assert re.search(label, services), s["label"]
        if template == "eldmoor":
            included = _part(services, "included in your plan", ("not included right now",))
            rest = services[services.index("not included right now"):]
            assert bool(re.search(label, included)) == s["selected"], s["label"]
            assert bool(re.search(label, rest)) != s["selected"], s["label"]
        elif template == "fernlea":
            mark = re.search(rf"{label} (s\u00ed / yes|no)(?: |$)", services)
            assert mark and (mark.group(1) != "no") == s["selected"], s["label"]
        elif template == "gallowbrook":
            mark = re.search(rf"(?:^|\s)(on|off) {label}", services)
            assert mark and (mark.group(1) == "on") == s["selected"], s["label"]
        elif variant == "hartwell-flat":
            assert bool(re.search(rf"\u2713 {label}", services)) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            check, how = HARTWELL_SERVICE_FIELDS[s["service"]]
            assert (form[check].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[how].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
        assert all(re.fullmatch(r"[a-z]+(?::[a-z0-9_]+)+", name) for name in form), sorted(form)
        assert not any(str(form[check].get("/TU", "")) for check, _ in HARTWELL_SERVICE_FIELDS.values())
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced

    # Template furniture.
    if template == "eldmoor":
        assert "planning session log" in text and "session closed." in text and "my individual work plan" in text
    if template == "fernlea":
        assert "plan individual de trabajo / individual work plan" in text and "n\u00famero de seguro social" in text
    if template == "gallowbrook":
        assert "trips & earnings" in text and "print view" in text
    if template == "hartwell":
        assert "screen 1 of 9" in text and "my pledges (terms and conditions)" in text
