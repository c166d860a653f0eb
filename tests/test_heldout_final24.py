"""The held-out group final24 draws what its expectations claim (fixture honesty; the reader is not run).

final24 (fixtures/heldout/final24.py, drawn by fixtures/heldout/render24.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final24``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates; the meeting modality (its words, its "[ X ]", its ring
(drawn in bold), its fisheye or the form's radio group); the goals' and jobs' money as written and the monthly
figure it comes to; the services as marked and described, and counseling's source.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from fixtures.heldout.final24 import (
    ASHWELL_WHERE,
    BROCKHURST_HOW,
    BROCKHURST_PARTS,
    BUILDERS24,
    CHECK,
    CULVERTON_HOW,
    CULVERTON_QUESTIONS,
    DASH,
    DUNSFORD_HOW,
    DUNSFORD_SERVICE_FIELDS,
    DUNSFORD_WORDS,
    MEETING_FIELD24,
    X_MARK,
    Drawn24,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render24 import CHOSEN24, FLAT_CHECK, OTHER24
from fixtures.heldout.templates import SERVICE_KEYS, _rate
from fixtures.heldout.wording24 import GROUPS24, SOU24, TERMS24
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
DATE_STYLES = ("paren-weekday", "d-month-yy", "month-nth", "mon-dot-nth")
IDEAS24 = {
    1: ["no charge", "free of charge", "costs nothing"],
    2: ["voluntar"],
    3: ["suspend", "on hold"],
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
"""Each term's idea words for final24 (made from the requirements, not from the reader): each final24 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "ashwell": (("Services from the Extension Office", "What we both understand"), "What we both understand",
                ("The Client\u2019s statement", "No. 9")),
    "brockhurst": ((f"[D]  {BROCKHURST_PARTS['D']}", f"[E]  {BROCKHURST_PARTS['E']}"),
                   f"[G]  {BROCKHURST_PARTS['G']}", (f"[H]  {BROCKHURST_PARTS['H']}", f"[I]  {BROCKHURST_PARTS['I']}")),
    "culverton": ((CULVERTON_QUESTIONS[4], CULVERTON_QUESTIONS[5]), CULVERTON_QUESTIONS[6],
                  (CULVERTON_QUESTIONS[7], CULVERTON_QUESTIONS[8])),
    "dunsford": (("STOP 6", "STOP 7"), "STOP 7", ("STOP 8", "STOP 9")),
}
MODALITY = {"ashwell": ASHWELL_WHERE, "brockhurst": BROCKHURST_HOW, "culverton": CULVERTON_HOW,
            "dunsford": DUNSFORD_WORDS}
_FRAMES = (
    (r"cooperative extension · county office · rural employment program", r"ce-rep plan sheet \d+ · county copy"),
    (r"main street chamber of commerce · job desk", r"job desk form jd-7 · p\. \d+"),
    (r"farm workers' cooperative · individual work plan \(ticket to work\)", r"fwc-iwp \(field copy\) — sheet \d+/\d+"),
    (r"mobile job center · visitor work plan \(iwp, ticket to work\)", r"mjc route form 24 · \d+ of \d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?|{h} ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""

CASES = _cases(BUILDERS24)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn24(source, style, "ashwell", "").date(iso) for style in DATE_STYLES]


@cache
def _fields(path: Path) -> dict:
    return PdfReader(str(path)).get_fields() or {}


@cache
def _marked(path: Path) -> str:
    """A flat PDF's text with each bold run between "**", normalised."""
    parts: list[str] = []

    def visit(text, cm, tm, font, size):  # noqa: ANN001, ARG001
        bold = font is not None and "Bold" in str(font.get("/BaseFont", ""))
        if bold and text.strip():
            core = text.strip()
            start = text.index(core)
            text = f"{text[:start]}**{core}**{text[start + len(core):]}"
        parts.append(text)

    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
        parts.append("\n")
    return _norm(re.sub(FURNITURE, "", _norm("".join(parts))))


def test_final24_is_there():
    """Four templates of every kind, each defect at least twice, 113 documents as in the earlier groups."""
    assert len(CASES) == 113
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("ashwell", "docx"), ("ashwell", "pdf-text"), ("brockhurst", "docx"),
                     ("culverton", "pdf-text"), ("dunsford", "pdf-form"), ("dunsford", "pdf-text")}
    counts = {k: sum(data["kind"] == k for _, data in CASES) for k in ("docx", "pdf-form", "pdf-text")}
    assert counts == {"docx": 50, "pdf-form": 15, "pdf-text": 48}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    assert {doc.parent.name for doc, data in CASES if data["defect"]} == set(BUILDERS24)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final24_stays_out_of_all():
    """``evaluate.py --group all`` does not score final24 (read from its source: importing it loads the reader)."""
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final24" in keys
    assert ast.unparse(groups.values[keys.index("final24")]) == "tuple(FINAL24)"
    assert "final24" not in ast.literal_eval(assigned["ALL"])
    assert "from fixtures.heldout.final24 import BUILDERS24 as FINAL24" in source
    maker = (ROOT / "fixtures" / "heldout" / "make_heldout.py").read_text(encoding="utf-8")
    assert '"final24": list(final24.BUILDERS24)' in maker and re.search(r'"final24"[,)]', maker)


def test_final24_templates_are_new():
    """No final24 template shares its name, or a term's wording, with an earlier template (compared by program)."""
    import importlib

    from fixtures.gen.wording import TERMS as DEV_TERMS

    earlier = {"beacon", "crossroads", "meridian", "lakeshore", "northstar", "prairie"}
    for n in range(2, 24):
        module = importlib.import_module(f"fixtures.heldout.final{n}")
        earlier |= set(next(v for k, v in vars(module).items() if k.startswith("BUILDERS")))
    assert not set(BUILDERS24) & earlier
    old = {_norm(text) for terms in DEV_TERMS.values() for text in terms.values()}
    for name in ["wording"] + [f"wording{n}" for n in range(3, 24)]:
        module = importlib.import_module(f"fixtures.heldout.{name}")
        table = next(v for k, v in vars(module).items() if k.startswith("TERMS") and isinstance(v, dict))
        old |= {_norm(text) for terms in table.values() for text in terms.values() if isinstance(text, str)}
    assert not {_norm(text) for terms in TERMS24.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS24.values())
    assert all(sum(len(g) > 1 for g in groups) == 1 for groups in GROUPS24.values())
    assert len({tuple(map(tuple, groups)) for groups in GROUPS24.values()}) == 4


@pytest.mark.parametrize("template", list(BUILDERS24))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement)."""
    texts = {n: _norm(TERMS24[template][n]) for n in range(1, 16)}
    for n, words in IDEAS24.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU24[template]) for w in words), (template, n)


def test_date_styles():
    src = heldout_people()["gonzalez"]
    assert _dates(src, "2025-03-04") == ["March 4, 2025 (Tue)", "4 March '25", "March 4th 2025", "Mar. 4th, 2025"]
    assert Drawn24(src, "mon-dot-nth", "dunsford", "").month("2024-09") == "Sep. 2024"


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    low = written.casefold()
    amount = float(re.search(r"(\d[\d,]*(?:\.\d+)?)", low).group(1).replace(",", ""))
    if "hour" in low or " an hr" in low:
        return amount * hours * 52 / 12
    assert "month" in low or " a mo." in low, written
    return amount


def _brockhurst_services(doc: Path) -> dict[str, tuple[str, str, str]]:
    """brockhurst's services table: the service's name -> (Y cell, N cell, details cell)."""
    table = next(t for t in docx.Document(str(doc)).tables if [c.text for c in t.rows[0].cells][1:3] == ["Y", "N"])
    return {r.cells[0].text: (r.cells[1].text, r.cells[2].text, r.cells[3].text) for r in table.rows[1:]}


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
    check_terms(text, terms, rec, IDEAS24, SOU24[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature or a printed name
        assert _norm(source["ticketholder"]["name"]) not in raw
    if not rec["en"]["name"]:  # nor in the terms, the statement or a header
        assert _norm(source["en"]["name"]) not in raw
    form = _fields(doc) if data["kind"] == "pdf-form" else {}
    flat_pdf = data["kind"] == "pdf-text" and not variant.endswith("-exported")
    marked = _marked(doc) if flat_pdf else ""

    # The meeting modality as written (its words, its "[ X ]", its ring, its fisheye, the radio group), or none.
    written = rec["discussion"]["modality_as_written"]
    options = MODALITY[template]
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
    if data["kind"] == "pdf-form":
        export = dict(DUNSFORD_HOW)
        assert form[MEETING_FIELD24].get("/V") in ((f"/{export[written]}",) if written else (None, "/Off"))
        assert all(_norm(o) in text for o in options.values())
    elif template == "dunsford":
        for option, _ in DUNSFORD_HOW:
            mark = CHOSEN24 if option == written else OTHER24
            assert re.search(rf"{mark}\s*{re.escape(_norm(option))}", text), option
    elif template == "brockhurst":
        meeting = _part(text, f"[E]  {BROCKHURST_PARTS['E']}", (f"[F]  {BROCKHURST_PARTS['F']}",))
        assert meeting.count("[ x ]") == (1 if written else 0)
        for option in options.values():
            chosen = re.search(rf"\[ x \] {re.escape(_norm(option))}", meeting)
            assert bool(chosen) == (option == written), option
    elif template == "culverton":
        meeting = _part(marked, CULVERTON_QUESTIONS[2], (CULVERTON_QUESTIONS[3],))
        for option in options.values():  # every option printed; only the chosen one ringed (and bold)
            assert _norm(option) in meeting
            assert (f"**{_norm(option)}**" in meeting) == (option == written), option
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
    details = {detail for _, detail in DUNSFORD_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert len(rec["services"]) == len(SERVICE_KEYS)
    grid = _brockhurst_services(doc) if template == "brockhurst" else {}
    rings = _part(marked, services_start, (services_end,)) if template == "culverton" else ""
    for s in rec["services"]:
        label = re.escape(_norm(s["label"]))
        assert re.search(label, services), s["label"]
        if template == "ashwell":
            mark = CHECK if s["selected"] else DASH
            assert re.search(rf"{mark}\s*{label}", services), s["label"]
        elif template == "brockhurst":
            yes, no, action = grid[s["label"]]
            assert (yes, no) == ((X_MARK, "") if s["selected"] else ("", X_MARK)), s["label"]
            assert action == ((s["description"] or "") if s["selected"] else "")
        elif template == "culverton":
            ring = r"\*\*yes\*\* no" if s["selected"] else r"yes \*\*no\*\*"
            name = r"(?:\s|\*\*\s*\*\*)+".join(re.escape(w) for w in _norm(s["label"]).split())  # over lines
            assert re.search(rf"{ring}\s*\*\*{name}\*\*", rings), s["label"]
        elif variant == "dunsford-flat":
            assert bool(re.search(rf"{FLAT_CHECK}\s*{label}", services)) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if template == "ashwell":
        assert services.count(CHECK) == len(selected) + 1  # and the key line's
    if variant == "dunsford-flat":
        assert services.count(FLAT_CHECK) == len(selected)
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = DUNSFORD_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced


def test_dunsford_form_fields():
    """The dunsford form's fields carry its own names; tooltips only on the checkboxes and the radio group."""
    doc = next(d for d, data in CASES if data["kind"] == "pdf-form")
    form = _fields(doc)
    assert all(re.fullmatch(r"P\d-[A-Za-z0-9-]+", name) for name in form)
    assert len(form) > 60
    for name, f in form.items():
        assert bool(f.get("/TU")) == (f.get("/FT") == "/Btn"), name
