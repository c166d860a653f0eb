"""The held-out group final22 draws what its expectations claim (fixture honesty; the reader is not run).

final22 (fixtures/heldout/final22.py, drawn by fixtures/heldout/render22.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final22``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its words, its tick, its diamond or
the form's radio group), the goals' and jobs' money as written and the monthly figure it comes to; the services as
marked and described, and counseling's source; the form's nested field names.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from fixtures.heldout.final22 import (
    BUILDERS22,
    CORVEDALE_HOW,
    HAWKSMOOR_BANDS,
    HAWKSMOOR_OPTIONS,
    MEETING_FIELD,
    PENWITHY_HOW,
    RIVELIN_SERVICE_FIELDS,
    RIVELIN_TYPE,
    RIVELIN_WORDS,
    TICK,
    Drawn22,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render22 import CHOSEN, OTHER, TICKED
from fixtures.heldout.templates import SERVICE_KEYS, _rate
from fixtures.heldout.wording22 import GROUPS22, SOU22, TERMS22
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
DATE_STYLES = ("dotted", "iso", "weekday", "caps")
IDEAS22 = {
    1: ["no cost", "free of charge"],
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
    14: ["14 days", "14 calendar days", "fourteen days"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final22 (made from the requirements, not from the reader): each final22 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "corvedale": (("Support From the Group", "House Rules"), "House Rules",
                  ("The Crew Applicant's Understanding", "ARTICLE 9")),
    "hawksmoor": ((HAWKSMOOR_BANDS[5], HAWKSMOOR_BANDS[6]), HAWKSMOOR_BANDS[6], (HAWKSMOOR_BANDS[7],
                                                                                 HAWKSMOOR_BANDS[8])),
    "penwithy": (("2. What we will do for you.", "3. Your work in the last 18 months."), "5. What we both agree.",
                 ("6. Your acknowledgment.", "Yours sincerely,")),
    "rivelin": (("PART F \u00b7 SERVICES FROM THE FUND", "PART G \u00b7 TERMS"), "PART G \u00b7 TERMS",
                ("PART H \u00b7", "PART I \u00b7")),
}
MODALITY = {"corvedale": CORVEDALE_HOW, "hawksmoor": dict(HAWKSMOOR_OPTIONS), "penwithy": PENWITHY_HOW,
            "rivelin": RIVELIN_WORDS}
_FRAMES = (
    (r"restaurant group · crew hiring program · memorandum of understanding \(iwp\)", r"mou-chp-iwp · \d+/\d+"),
    (r"regional manufacturers' association · pathways into manufacturing · individual work plan",
     r"rma-pim-3 · sheet \d+"),
    (r"staffing agency · logistics branch · letter of agreement \(individual work plan\)",
     r"loa-iwp logistics · page \d+ of \d+"),
    (r"motor carriers' training fund · driver pathways · individual work plan \(ticket to work\)",
     r"mctf-iwp-2 · page \d+ of \d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?|{h} ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""

CASES = _cases(BUILDERS22)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn22(source, style, "corvedale", "").date(iso) for style in DATE_STYLES]


@cache
def _fields(path: Path) -> dict:
    return PdfReader(str(path)).get_fields() or {}


def test_final22_is_there():
    """Four templates of every kind, each defect at least twice, 113 documents as in the earlier groups."""
    assert len(CASES) == 113
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("corvedale", "docx"), ("corvedale", "pdf-text"), ("hawksmoor", "docx"),
                     ("penwithy", "pdf-text"), ("rivelin", "pdf-form"), ("rivelin", "pdf-text")}
    counts = {k: sum(data["kind"] == k for _, data in CASES) for k in ("docx", "pdf-form", "pdf-text")}
    assert counts == {"docx": 50, "pdf-form": 15, "pdf-text": 48}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    assert {doc.parent.name for doc, data in CASES if data["defect"]} == set(BUILDERS22)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final22_stays_out_of_all():
    """``evaluate.py --group all`` does not score final22 (read from its source: importing it loads the reader)."""
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final22" in keys
    assert ast.unparse(groups.values[keys.index("final22")]) == "tuple(FINAL22)"
    assert "final22" not in ast.literal_eval(assigned["ALL"])
    assert "from fixtures.heldout.final22 import BUILDERS22 as FINAL22" in source
    maker = (ROOT / "fixtures" / "heldout" / "make_heldout.py").read_text(encoding="utf-8")
    assert '"final22": list(final22.BUILDERS22)' in maker and re.search(r'"final22"(?:,\s*"final\d+")*\)', maker)


def test_final22_templates_are_new():
    """No final22 template shares its name, or a term's wording, with an earlier template (compared by program)."""
    import importlib

    from fixtures.gen.wording import TERMS as DEV_TERMS

    earlier = {"beacon", "crossroads", "meridian", "lakeshore", "northstar", "prairie"}
    for n in range(2, 22):
        module = importlib.import_module(f"fixtures.heldout.final{n}")
        earlier |= set(next(v for k, v in vars(module).items() if k.startswith("BUILDERS")))
    assert not set(BUILDERS22) & earlier
    old = {_norm(text) for terms in DEV_TERMS.values() for text in terms.values()}
    for name in ["wording"] + [f"wording{n}" for n in range(3, 22)]:
        module = importlib.import_module(f"fixtures.heldout.{name}")
        table = next(v for k, v in vars(module).items() if k.startswith("TERMS") and isinstance(v, dict))
        old |= {_norm(text) for terms in table.values() for text in terms.values() if isinstance(text, str)}
    assert not {_norm(text) for terms in TERMS22.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS22.values())
    assert all(sum(len(g) > 1 for g in groups) == 1 for groups in GROUPS22.values())
    assert len({tuple(map(tuple, groups)) for groups in GROUPS22.values()}) == 4


@pytest.mark.parametrize("template", list(BUILDERS22))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement)."""
    texts = {n: _norm(TERMS22[template][n]) for n in range(1, 16)}
    for n, words in IDEAS22.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU22[template]) for w in words), (template, n)


def test_date_styles():
    src = heldout_people()["gonzalez"]
    assert _dates(src, "2025-03-04") == ["2025.03.04", "2025-03-04", "Tuesday, March 4, 2025", "MAR 04 2025"]
    assert Drawn22(src, "caps", "rivelin", "").month("2024-09") == "SEP 2024"


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    low = written.casefold()
    amount = float(re.search(r"(\d[\d,]*(?:\.\d+)?)", low).group(1).replace(",", ""))
    if "a week" in low:  # penwithy: the weekly pay, then the hours and rate it comes from
        m = re.search(r"\((\d+) hrs at \$(\d[\d,]*(?:\.\d+)?)\)", low)
        assert int(m.group(1)) == hours and abs(float(m.group(2)) * hours - amount) < 0.01
        return amount * 52 / 12
    if "/h" in low or "per hour" in low:
        return amount * hours * 52 / 12
    assert "/mth" in low or "month" in low or "/mo" in low, written
    return amount


def _hawksmoor_services(doc: Path) -> dict[str, tuple[str, str, str]]:
    """hawksmoor's services table: the service's name -> (YES cell, NO cell, action cell)."""
    table = next(t for t in docx.Document(str(doc)).tables if [c.text for c in t.rows[0].cells][2:3] == ["YES"])
    return {r.cells[1].text: (r.cells[2].text, r.cells[3].text, r.cells[4].text) for r in table.rows[1:]}


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
    check_terms(text, terms, rec, IDEAS22, SOU22[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature or the letter's greeting
        assert _norm(source["ticketholder"]["name"]) not in raw
    if not rec["en"]["name"]:  # nor in the terms, the statement, a memo line or a header
        assert _norm(source["en"]["name"]) not in raw
    form = _fields(doc) if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (its words, its tick, its diamond, the radio group's value), or none.
    written = rec["discussion"]["modality_as_written"]
    options = MODALITY[template]
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
    if data["kind"] == "pdf-form":
        export = dict(RIVELIN_TYPE)
        assert form[MEETING_FIELD].get("/V") in ((f"/{export[written]}",) if written else (None, "/Off"))
        assert all(_norm(o) in text for o in options.values())
    elif template == "rivelin":
        for option, _ in RIVELIN_TYPE:
            mark = CHOSEN if option == written else OTHER
            assert re.search(rf"{mark}\s*{re.escape(_norm(option))}", text), option
    elif template == "hawksmoor":
        meeting = _part(text, HAWKSMOOR_BANDS[2], (HAWKSMOOR_BANDS[3],))
        assert meeting.count(TICK) == (1 if written else 0)
        for _, option in HAWKSMOOR_OPTIONS:
            ticked = re.search(rf"meeting held: {re.escape(_norm(option))}\s*{TICK}", meeting)
            assert bool(ticked) == (option == written), option
    elif written:
        assert _norm(written) in text
    else:
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
    details = {detail for _, detail in RIVELIN_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert len(rec["services"]) == len(SERVICE_KEYS)
    grid = _hawksmoor_services(doc) if template == "hawksmoor" else {}
    for s in rec["services"]:
        label = re.escape(_norm(s["label"]))
        assert re.search(label, services), s["label"]
        if template == "corvedale":
            mark = "included" if s["selected"] else "not included"
            assert re.search(rf"{label}\s*{mark}\b", services), s["label"]
        elif template == "hawksmoor":
            yes, no, action = grid[s["label"]]
            assert (yes, no) == ((TICK, "") if s["selected"] else ("", TICK)), s["label"]
            assert action == ((s["description"] or "") if s["selected"] else "")
        elif template == "penwithy":
            mark = "yes" if s["selected"] else "no"
            assert re.search(rf"\b{mark}\s*{label}", services), s["label"]
        elif variant == "rivelin-flat":
            assert bool(re.search(rf"{TICKED}\s*{label}", services)) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if variant == "rivelin-flat":
        assert services.count(TICKED) == len(selected)
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = RIVELIN_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced


def test_rivelin_form_fields():
    """The rivelin form's fields are nested under "IWP[0]" and its parts, and each terminal field has a tooltip."""
    doc = next(d for d, data in CASES if data["kind"] == "pdf-form")
    form = _fields(doc)
    assert all(re.fullmatch(r"IWP\[0\](?:\.[A-Za-z0-9]+\[0\])*", name) for name in form)
    terminal = {name: f for name, f in form.items() if f.get("/FT")}
    assert len(terminal) > 60 and all(f.get("/TU") for f in terminal.values())
    reader = PdfReader(str(doc))
    assert [str(f.get_object()["/T"]) for f in reader.trailer["/Root"]["/AcroForm"]["/Fields"]] == ["IWP[0]"]
