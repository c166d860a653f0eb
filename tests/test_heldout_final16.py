"""The held-out group final16 draws what its expectations claim (fixture honesty; the reader is not run).

final16 (fixtures/heldout/final16.py, drawn by fixtures/heldout/render16.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final16``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its words, its mark or the form's
radio group), the goals' and jobs' money as written and the monthly figure it comes to; the services as marked
(a check mark in a column of its own, a ✔ / ✘ before the name, a form checkbox or a drawn check mark in a box) and
described, and counseling's source.
"""

from __future__ import annotations

import ast
import re

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from fixtures.heldout.final16 import (
    BELLWICK_HOW,
    BELLWICK_PARTS,
    BOX_OFF,
    BOX_ON,
    BUILDERS16,
    CHECK,
    CROSS,
    HAZELFORD_HOW,
    KELDERBY_HOW,
    LARCHMERE_MET,
    LARCHMERE_OPTIONS,
    LARCHMERE_SERVICE_FIELDS,
    MODALITY_FIELD,
    TICK,
    Drawn16,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.templates import SERVICE_KEYS, _rate
from fixtures.heldout.wording16 import GROUPS16, SOU16, TERMS16
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
DATE_STYLES = ("dow-short", "mdy-dow", "caps", "dow-slash")
IDEAS16 = {
    1: ["free of charge", "no cost"],
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
    12: ["deliver"],
    13: ["wipa", "work incentives"],
    14: ["14 days", "takes effect", "in effect"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final16 (made from the requirements, not from the reader): each final16 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "hazelford": (("Shelf 6 \u2014 Library services", "Shelf 7 \u2014 Conditions"),
                  "Shelf 7 \u2014 Conditions of this plan", ("Shelf 8 \u2014", "Shelf 9 \u2014")),
    "bellwick": ((BELLWICK_PARTS[5], BELLWICK_PARTS[6]), BELLWICK_PARTS[6], (BELLWICK_PARTS[7], BELLWICK_PARTS[8])),
    "kelderby": (("Tab 6 \u00b7 Support Offered", "Tab 7 \u00b7"), "Tab 7 \u00b7 Our Promises to Each Other",
                 ("Tab 8 \u00b7", "Tab 9 \u00b7")),
    "larchmere": (("Segment 6 \u00b7 Services", "Segment 7 \u00b7"), "Segment 7 \u00b7 Terms and conditions",
                  ("Segment 8 \u00b7", "Segment 9 \u00b7")),
}
MODALITY = {"hazelford": HAZELFORD_HOW, "bellwick": BELLWICK_HOW, "kelderby": KELDERBY_HOW,
            "larchmere": LARCHMERE_OPTIONS}
_FRAMES = (
    (r"county library system · career services · individual work plan \(ticket to work\)", r"lib-iwp · \d+ of \d+"),
    (r"staffing cooperative · member-worker individual work plan \(ticket to work\)", r"sc-iwp · page \d+"),
    (r"faith community services · work partner plan \(ticket to work iwp\)", r"fcs-wp · \d+/\d+"),
    (r"university disability resources · student work plan \(ticket to work iwp\)",
     r"drs-25 iwp · page \d+ of \d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?|{h} ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""

CASES = _cases(BUILDERS16)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn16(source, style, "hazelford", "").date(iso) for style in DATE_STYLES]


def test_final16_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("hazelford", "docx"), ("hazelford", "pdf-text"), ("bellwick", "docx"),
                     ("kelderby", "pdf-text"), ("larchmere", "pdf-form"), ("larchmere", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    assert {doc.parent.name for doc, data in CASES if data["defect"]} == set(BUILDERS16)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final16_stays_out_of_all():
    """``evaluate.py --group all`` does not score final16 (read from its source: importing it loads the reader)."""
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final16" in keys
    assert ast.unparse(groups.values[keys.index("final16")]) == "tuple(FINAL16)"
    assert "final16" not in ast.literal_eval(assigned["ALL"])
    assert "from fixtures.heldout.final16 import BUILDERS16 as FINAL16" in source
    maker = (ROOT / "fixtures" / "heldout" / "make_heldout.py").read_text(encoding="utf-8")
    assert '"final16": list(final16.BUILDERS16)' in maker and re.search(r'"final16"(?:,\s*"final\d+")*\)', maker)


def test_final16_templates_are_new():
    """No final16 template shares its name, or a term's wording, with an earlier template."""
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
    )

    earlier = {"beacon", "crossroads", "meridian", "lakeshore", "northstar", "prairie"}
    for module in (final2, final3, final4, final5, final6, final7, final8, final9, final10, final11, final12,
                   final13, final14, final15):
        earlier |= set(next(v for k, v in vars(module).items() if k.startswith("BUILDERS")))
    assert len(earlier) == 62
    assert not set(BUILDERS16) & earlier
    assert all(name.isalpha() and name.islower() and "a" <= name[0] <= "l" for name in BUILDERS16)
    old = {_norm(text) for terms in DEV_TERMS.values() for text in terms.values()}
    for module in (wording, wording3, wording4, wording5, wording6, wording7, wording8, wording9, wording10,
                   wording11, wording12, wording13, wording14, wording15):
        table = next(v for k, v in vars(module).items() if k.startswith("TERMS") and isinstance(v, dict))
        old |= {_norm(text) for terms in table.values() for text in terms.values()}
    assert not {_norm(text) for terms in TERMS16.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS16.values())
    assert all(1 <= sum(len(g) > 1 for g in groups) <= 2 for groups in GROUPS16.values())
    assert len({tuple(map(tuple, groups)) for groups in GROUPS16.values()}) == 4


@pytest.mark.parametrize("template", list(BUILDERS16))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement)."""
    texts = {n: _norm(TERMS16[template][n]) for n in range(1, 16)}
    for n, words in IDEAS16.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU16[template]) for w in words), (template, n)


def test_date_styles():
    src = heldout_people()["gonzalez"]
    assert _dates(src, "2025-03-04") == ["Tue, Mar 4, 2025", "March 4, 2025 (Tuesday)", "MARCH 4, 2025",
                                         "Tuesday 03/04/2025"]
    assert _dates(src, "2026-04-14")[1] == "April 14, 2026 (Tuesday)"


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    low = written.casefold()
    amount = float(re.search(r"\$\s*(\d[\d,]*(?:\.\d+)?)", low).group(1).replace(",", ""))
    if "twice a month" in low:
        return amount * 2
    if "a week" in low:
        return amount * 52 / 12
    if low.endswith(" hr") or "hourly" in low:
        return amount * hours * 52 / 12
    assert "mo." in low or "month" in low, written
    return amount


def _rotated(path) -> list[str]:
    """The texts of bellwick's table cells turned on their side."""
    d = docx.Document(str(path))
    out = []
    for tc in d.element.body.iter(qn("w:tc")):
        direction = tc.find(f"{qn('w:tcPr')}/{qn('w:textDirection')}")
        if direction is not None and direction.get(qn("w:val")) == "btLr":
            out.append("".join(t.text for t in tc.iter(qn("w:t"))))
    return out


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
    check_terms(text, terms, rec, IDEAS16, SOU16[template])
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
        export = dict(LARCHMERE_MET)
        assert form[MODALITY_FIELD].get("/V") in ((f"/{export[written]}",) if written else (None, "/Off"))
        assert all(_norm(o) in text for o in options.values())
    elif template == "larchmere":
        for option, _ in LARCHMERE_MET:
            mark = BOX_ON if option == written else BOX_OFF
            assert re.search(rf"{mark}\s*{re.escape(_norm(option))}", text), option
    elif written:
        assert _norm(written) in text
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template != "larchmere":
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
    details = {detail for _, detail in LARCHMERE_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert len(rec["services"]) == len(SERVICE_KEYS)
    for s in rec["services"]:
        label = re.escape(_norm(s["label"]))
        assert re.search(label, services), s["label"]
        if template in ("hazelford", "kelderby"):
            assert bool(re.search(rf"{CHECK}\s*{label}", services)) == s["selected"], s["label"]
        elif template == "bellwick":
            mark = TICK if s["selected"] else CROSS
            assert re.search(rf"{mark} {label}", services), s["label"]
        elif variant == "larchmere-flat":
            assert bool(re.search(rf"{label}\s*{CHECK}", services)) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if template in ("hazelford", "kelderby") or variant == "larchmere-flat":
        assert services.count(CHECK) == len(selected) + (2 if template == "hazelford" else 0)
    if template == "bellwick":
        assert services.count(TICK) == len(selected) + 1 and services.count(CROSS) == 13 - len(selected)
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = LARCHMERE_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced


def test_bellwick_part_titles_are_turned():
    """bellwick's nine part titles stand on their side in the table's narrow left column (one merged cell when a
    part runs over several rows)."""
    doc = next(d for d, data in CASES if d.parent.name == "bellwick" and data["defect"] is None)
    assert _rotated(doc) == BELLWICK_PARTS
    d = docx.Document(str(doc))
    assert len(d.tables) == 1
    assert any(tc.tcPr is not None and tc.tcPr.vMerge is not None for tc in d.tables[0]._tbl.iter(qn("w:tc")))


def test_larchmere_form_fields():
    """The larchmere form's fields are named after its question numbers and each has a tooltip."""
    doc = next(d for d, data in CASES if data["kind"] == "pdf-form")
    form = PdfReader(str(doc)).get_fields()
    assert all(re.fullmatch(r"DRS25_Q\d\d\w*", name) for name in form)
    assert all(f.get("/TU") for f in form.values())
