"""The held-out group final18 draws what its expectations claim (fixture honesty; the reader is not run).

final18 (fixtures/heldout/final18.py, drawn by fixtures/heldout/render18.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final18``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its words, its checkbox or the
box drawn before it), the goals' and jobs' money as written and the monthly figure it comes to; the services as
marked (in the included list or the not-included line, Yes / No in a column, a check mark on a chip, a Yes / No
radio pair or the boxes drawn for it) and described, and counseling's source.
"""

from __future__ import annotations

import ast
import re

import docx
import pytest
from docx.enum.section import WD_ORIENT
from pypdf import PdfReader

from fixtures.heldout.final18 import (
    AMBERLEY_HOW,
    AMBERLEY_PARTS,
    BOX_OFF,
    BOX_ON,
    BUILDERS18,
    CHIP,
    FALLOWFIELD_BOXES,
    FALLOWFIELD_HOW,
    FALLOWFIELD_PARTS,
    HALEWOOD_HOW,
    INCLUDED,
    KINGSMOOR_MET,
    KINGSMOOR_OPTIONS,
    KINGSMOOR_PARTS,
    KINGSMOOR_SERVICE_FIELDS,
    NOT_INCLUDED,
    Drawn18,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.templates import SERVICE_KEYS, _rate
from fixtures.heldout.wording18 import GROUPS18, SECTIONS18, SOU18, TERMS18, TITLES18
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
DATE_STYLES = ("ap", "slash-day", "caps-nocomma", "dow-long-short")
IDEAS18 = {
    1: ["free of charge", "no cost", "never be charged", "pays nothing"],
    2: ["voluntar"],
    3: ["suspend"],
    4: ["amend"],
    5: ["copy"],
    6: ["confidential", "privacy", "private"],
    7: ["grievance", "dispute"],
    8: ["pabss", "protection and advocacy"],
    9: ["pay stub"],
    10: ["timely progress", "continuing disability review"],
    11: ["two-way"],
    12: ["deliver", "carry out", "supply"],
    13: ["wipa", "work incentives"],
    14: ["14 days", "takes effect", "in effect", "starts only after"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final18 (made from the requirements, not from the reader): each final18 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""
_BANNER = {code: f"{code} {title}" for code, title in AMBERLEY_PARTS}
# Where each template's services part (start, end) and terms part (start, ends) are (as drawn).
PARTS = {
    "amberley": ((_BANNER["SCHEDULE F"], _BANNER["SCHEDULE G"]), _BANNER["SCHEDULE G"],
                 (_BANNER["SCHEDULE H"], _BANNER["SCHEDULE I"])),
    "fallowfield": ((FALLOWFIELD_PARTS[0], FALLOWFIELD_PARTS[1]), FALLOWFIELD_PARTS[1],
                    (FALLOWFIELD_PARTS[2], FALLOWFIELD_PARTS[3])),
    "halewood": (("A dark chip with", "Terms and conditions"), "Terms and conditions",
                 ("Member-Owner's statement", "Signatures")),
    "kingsmoor": ((KINGSMOOR_PARTS[5], KINGSMOOR_PARTS[6]), KINGSMOOR_PARTS[6], (KINGSMOOR_PARTS[7],
                                                                                 KINGSMOOR_PARTS[8])),
}
MODALITY = {"amberley": AMBERLEY_HOW, "fallowfield": FALLOWFIELD_HOW, "halewood": HALEWOOD_HOW,
            "kingsmoor": KINGSMOOR_OPTIONS}
_FRAMES = (
    (r"building trades union · member assistance program · individual work plan \(ticket to work\)",
     r"map-iwp · p\. \d+ of \d+"),
    (r"credit union financial wellness center · work & money plan \(ticket to work iwp\)",
     r"cu-fwc iwp · page \d+ of \d+"),
    (r"farmworker employment program · individual work plan \(ticket to work\)", r"fep-iwp form · page \d+ of \d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?|{h} ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""
EARLIER = {"beacon", "crossroads", "meridian", "lakeshore", "northstar", "prairie"}

CASES = _cases(BUILDERS18)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn18(source, style, "amberley", "").date(iso) for style in DATE_STYLES]


def test_final18_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("amberley", "docx"), ("amberley", "pdf-text"), ("fallowfield", "docx"),
                     ("halewood", "pdf-text"), ("kingsmoor", "pdf-form"), ("kingsmoor", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    assert {doc.parent.name for doc, data in CASES if data["defect"]} == set(BUILDERS18)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final18_stays_out_of_all():
    """``evaluate.py --group all`` does not score final18 (read from its source: importing it loads the reader)."""
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final18" in keys
    assert ast.unparse(groups.values[keys.index("final18")]) == "tuple(FINAL18)"
    assert "final18" not in ast.literal_eval(assigned["ALL"])
    assert "from fixtures.heldout.final18 import BUILDERS18 as FINAL18" in source
    maker = (ROOT / "fixtures" / "heldout" / "make_heldout.py").read_text(encoding="utf-8")
    assert '"final18": list(final18.BUILDERS18)' in maker and re.search(r'"final18"(?:,\s*"final\d+")*\)', maker)


def test_final18_templates_are_new():
    """No final18 template shares its name, or a term's wording, with an earlier template; names start a to m."""
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

    earlier = set(EARLIER)
    for module in (final2, final3, final4, final5, final6, final7, final8, final9, final10, final11, final12,
                   final13, final14, final15, final16, final17):
        earlier |= set(next(v for k, v in vars(module).items() if k.startswith("BUILDERS")))
    assert len(earlier) == 70
    assert not set(BUILDERS18) & earlier
    assert all(re.fullmatch(r"[a-m][a-z]+", name) for name in BUILDERS18)
    old = {_norm(text) for terms in DEV_TERMS.values() for text in terms.values()}
    old_sou: set[str] = set()
    for module in (wording, wording3, wording4, wording5, wording6, wording7, wording8, wording9, wording10,
                   wording11, wording12, wording13, wording14, wording15, wording16, wording17):
        table = next(v for k, v in vars(module).items() if k.startswith("TERMS") and isinstance(v, dict))
        old |= {_norm(text) for terms in table.values() for text in terms.values()}
        sous = next((v for k, v in vars(module).items() if k.startswith("SOU") and isinstance(v, dict)), {})
        old_sou |= {_norm(text) for text in sous.values()}
    assert not {_norm(text) for terms in TERMS18.values() for text in terms.values()} & old
    assert not {_norm(text) for text in SOU18.values()} & old_sou
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS18.values())
    assert all(1 <= sum(len(g) > 1 for g in groups) <= 2 for groups in GROUPS18.values())
    assert len({tuple(map(tuple, groups)) for groups in GROUPS18.values()}) == 4
    # amberley's sections hold every item once; fallowfield's cards have a title for every way an item can be left
    assert sorted(n for _, _, firsts in SECTIONS18 for n in firsts) == sorted(g[0] for g in GROUPS18["amberley"])
    for group in GROUPS18["fallowfield"]:
        for k in range(1, len(group) + 1):
            assert tuple(group[:k]) in TITLES18 and tuple(group[k - 1:]) in TITLES18


@pytest.mark.parametrize("template", list(BUILDERS18))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement, nor a
    fallowfield card title)."""
    texts = {n: _norm(TERMS18[template][n]) for n in range(1, 16)}
    titles = {key: _norm(t) for key, t in TITLES18.items()} if template == "fallowfield" else {}
    for n, words in IDEAS18.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU18[template]) for w in words), (template, n)
        for key, title in titles.items():
            assert n in key or not any(w in title for w in words), (key, n)


def test_date_styles():
    src = heldout_people()["gonzalez"]
    assert _dates(src, "2025-03-04") == ["Tues., March 4, 2025", "3/4/2025 (Tuesday)", "MAR 04 2025",
                                         "Tuesday, Mar 4, 2025"]
    assert _dates(src, "2024-09-12")[0] == "Thurs., Sept. 12, 2024"


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written (kingsmoor's goals: a bare monthly figure)."""
    low = written.casefold()
    if "\u2248" in low:  # halewood shows its working: the figure after ≈ is the month's
        low = low.split("\u2248")[1]
    amount = float(re.search(r"(\d[\d,]*(?:\.\d+)?)", low).group(1).replace(",", ""))
    if "a year" in low:
        return amount / 12
    if "per hour" in low:
        return amount * hours * 52 / 12
    assert "month" in low or "/mo" in low or re.fullmatch(r"[\d,.]+", low), written
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
    check_terms(text, terms, rec, IDEAS18, SOU18[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature
        assert _norm(source["ticketholder"]["name"]) not in raw
    if not rec["en"]["name"]:  # nor in the terms, the statement or a header
        assert _norm(source["en"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (its words, its checkbox, the box drawn before it), or none.
    written = rec["discussion"]["modality_as_written"]
    options = MODALITY[template]
    if data["kind"] == "pdf-form":
        for option, name in KINGSMOOR_MET:
            assert (form[name].get("/V") not in (None, "/Off")) == (option == written), option
        assert all(_norm(o) in text for o in options.values())
    elif template == "kingsmoor":
        for option, _ in KINGSMOOR_MET:
            mark = BOX_ON if option == written else BOX_OFF
            assert re.search(rf"{mark}\s*{re.escape(_norm(option))}", text), option
    elif written:
        assert _norm(written) in text
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template != "kingsmoor":
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
                0.005 * goal["monthly_earnings"], which
        else:  # a goal left out keeps no money of its own
            assert _norm(source["employment_goals"][which]["earnings_as_written"] or "\x00") not in text or \
                _rate(source["employment_goals"][which]) is not None
    for job in rec["work_history"]:
        written_pay = _norm(job["earnings_as_written"])
        if template == "amberley":  # the amount and its basis in cells side by side
            amount, _, basis = written_pay.partition(" ")
            assert re.search(rf"{re.escape(amount)}\s*{re.escape(basis)}", text), written_pay
        else:
            assert written_pay in text, written_pay
        assert abs(_monthly(job["earnings_as_written"], job["hours_per_week"]) - job["monthly_earnings"]) < \
            0.005 * job["monthly_earnings"]

    # Services: each marked exactly when selected, and described; counseling's source in the services part.
    details = {detail for _, detail in KINGSMOOR_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert len(rec["services"]) == len(SERVICE_KEYS)
    if template == "amberley":
        included = _part(services, INCLUDED, (NOT_INCLUDED,))
        rest = services[services.index(_norm(NOT_INCLUDED)):]
    for s in rec["services"]:
        label = re.escape(_norm(s["label"]))
        assert re.search(label, services), s["label"]
        if template == "amberley":
            assert bool(re.search(label, included)) == s["selected"], s["label"]
            assert bool(re.search(label, rest)) != s["selected"], s["label"]
        elif template == "fallowfield":
            assert re.search(rf"{label}\s*{'yes' if s['selected'] else 'no'}\b", services), s["label"]
        elif template == "halewood":
            assert bool(re.search(rf"{CHIP}\s*{label}", services)) == s["selected"], s["label"]
        elif variant == "kingsmoor-flat":
            marks = (BOX_ON, BOX_OFF) if s["selected"] else (BOX_OFF, BOX_ON)
            assert re.search(rf"{label}\s*{marks[0]}\s*yes\s*{marks[1]}\s*no", services), s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if template == "halewood":
        assert services.count(CHIP) == len(selected) + 1
    if variant == "kingsmoor-flat":
        assert services.count(BOX_ON) == 12 and text.count(BOX_ON) == 12 + bool(written)
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            group, detail = KINGSMOOR_SERVICE_FIELDS[s["service"]]
            assert form[group].get("/V") == ("/Yes" if s["selected"] else "/No"), s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced


def test_amberley_schedules_and_certificate():
    """amberley's nine schedule banners stand in dark cells, and its signatures are a certificate table."""
    doc = next(d for d, data in CASES if d.parent.name == "amberley" and data["kind"] == "docx" and not data["defect"])
    d = docx.Document(str(doc))
    banners = [t.rows[0].cells[0].text for t in d.tables if len(t.rows) == 1 and len(t.columns) == 2]
    assert banners == [code for code, _ in AMBERLEY_PARTS]
    assert [c.text for c in d.tables[-1].rows[0].cells] == ["Signer (printed name)", "Role", "Electronic signature",
                                                          "Date signed"]


def test_fallowfield_profile_is_landscape():
    """fallowfield's pages are landscape and its first table is the one-page profile of six boxes."""
    doc = next(d for d, data in CASES if d.parent.name == "fallowfield" and not data["defect"])
    d = docx.Document(str(doc))
    assert d.sections[0].orientation == WD_ORIENT.LANDSCAPE
    titles = [c.paragraphs[0].text for row in d.tables[0].rows for c in row.cells]
    assert titles == FALLOWFIELD_BOXES


def test_kingsmoor_form_fields():
    """The kingsmoor form's fields are named by part, row and column, and each has a tooltip."""
    doc = next(d for d, data in CASES if data["kind"] == "pdf-form")
    form = PdfReader(str(doc)).get_fields()
    assert all(re.fullmatch(r"s\d_r\d+_c\d", name) for name in form), sorted(form)
    assert all(f.get("/TU") for f in form.values())
