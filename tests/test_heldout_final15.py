"""The held-out group final15 draws what its expectations claim (fixture honesty; the reader is not run).

final15 (fixtures/heldout/final15.py, drawn by fixtures/heldout/render15.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final15``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its text, its checkbox, or the
"✕" drawn in its square), the goals' and jobs' money as written and the monthly figure it comes to; the
services as marked and described, and counseling's source.
"""

from __future__ import annotations

import ast
import re

import pytest
from pypdf import PdfReader

from fixtures.heldout.final15 import (
    BUILDERS15,
    GORSEFIELD_MODE,
    INCLUDED,
    MARLSTONE_VISIT,
    MINUS,
    NOT_INCLUDED,
    NOT_NEEDED,
    PLUS,
    TANSYCROFT_BOX,
    TANSYCROFT_MET,
    TANSYCROFT_SERVICE_FIELDS,
    TANSYCROFT_TEXT,
    WILL_PROVIDE,
    YEWSTEAD_HELD,
    Drawn15,
    kilo,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render15 import CROSS
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording15 import GROUPS15, SOU15, TERMS15, TOPICS15
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
DATE_STYLES = ("ymd-slash", "month-the-nth", "y-mon-d", "mm-dd-yyyy")
IDEAS15 = {
    1: ["free of charge", "no charge", "costs nothing", "never be charged"],
    2: ["voluntar"],
    3: ["suspend", "discontinue"],
    4: ["amendment"],
    5: ["copy"],
    6: ["confidential", "private", "privacy"],
    7: ["grievance", "dispute"],
    8: ["pabss", "protection and advocacy"],
    9: ["pay stub"],
    10: ["timely progress", "medical review", "continuing disability review"],
    11: ["two-way", "180 days"],
    12: ["deliver"],
    13: ["wipa"],
    14: ["14 days", "14 calendar days"],
    15: ["ticket program agreement"],
}
"""Each term's idea words for final15 (made from the requirements, not from the reader): each final15 wording of a
term holds one of its own and none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "gorsefield": (("VI. SERVICES FROM THE CAREER CENTER", "VII. TERMS OF THIS PLAN"), "VII. TERMS OF THIS PLAN",
                   ("VIII. THE SCHOLAR'S STATEMENT", "IX. SIGNATURES")),
    "yewstead": (("SUPPORT WE WILL PROVIDE", "PLAN TERMS"), "PLAN TERMS", ("APPLICANT-CLIENT STATEMENT", "SIGNATURES")),
    "marlstone": (("6 SERVICE PLAN", "7 AGREEMENT POINTS"), "7 AGREEMENT POINTS",
                  ("8 PATIENT-WORKER ACKNOWLEDGMENT", "9 SIGNATURES")),
    "tansycroft": (("Section F \u2014 Services", "Section G \u2014 Terms to initial"),
                   "Section G \u2014 Terms to initial",
                   ("Section H \u2014 Recruit's understanding", "Section I \u2014 Signature grid")),
}
MODALITY = {"gorsefield": GORSEFIELD_MODE, "yewstead": YEWSTEAD_HELD, "marlstone": MARLSTONE_VISIT,
            "tansycroft": TANSYCROFT_MET}
_FRAMES = (
    (r"community college career center · individual work plan \(ticket to work\)",
     r"ccc-iwp outline form · page \d+ of \d+"),
    (r"employer employment network · individual work plan for ticket to work", r"hr-ttw-iwp · \d+"),
    (r"medical center vocational services — individual work plan \(ticket to work\) — 2-up print",
     r"page \d+ page \d+ mc-voc-iwp · sheet \d+ of \d+"),
    (r"clinic group careers · recruit work plan \(iwp\)", r"tc-iwp fillable · \d+/\d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""


CASES = _cases(BUILDERS15)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn15(source, style, "gorsefield", "").date(iso) for style in DATE_STYLES]


def test_final15_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("gorsefield", "docx"), ("gorsefield", "pdf-text"), ("yewstead", "docx"),
                     ("marlstone", "pdf-text"), ("tansycroft", "pdf-form"), ("tansycroft", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert {d for d in defects if d} == set(DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final15_stays_out_of_all():
    """``evaluate.py --group all`` does not score final15 (read from its source: importing it loads the reader)."""
    tree = ast.parse((ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8"))
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    groups = assigned["GROUPS"]
    keys = [ast.literal_eval(k) for k in groups.keys]
    assert "final15" in keys
    value = groups.values[keys.index("final15")]
    assert ast.unparse(value) == "tuple(FINAL15)"
    assert "final15" not in ast.literal_eval(assigned["ALL"])
    source = (ROOT / "fixtures" / "heldout" / "evaluate.py").read_text(encoding="utf-8")
    assert "from fixtures.heldout.final15 import BUILDERS15 as FINAL15" in source


def test_final15_templates_are_new():
    """No final15 template shares its name, or a term's wording, with an earlier template."""
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

    earlier = {"beacon", "crossroads", "meridian", "lakeshore", "northstar", "prairie"}
    for module, name in ((final2, "BUILDERS"), (final3, "BUILDERS3"), (final4, "BUILDERS4"), (final5, "BUILDERS5"),
                         (final6, "BUILDERS6"), (final7, "BUILDERS7"), (final8, "BUILDERS8"),
                         (final9, "BUILDERS9"), (final10, "BUILDERS10"), (final11, "BUILDERS11"),
                         (final12, "BUILDERS12"), (final13, "BUILDERS13")):
        earlier |= set(getattr(module, name))
    assert not set(BUILDERS15) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values(), *TERMS6.values(), *TERMS7.values(), *TERMS8.values(),
                                     *TERMS9.values(), *TERMS10.values(), *TERMS11.values(), *TERMS12.values(),
                                     *TERMS13.values())
           for text in terms.values()}
    assert not {_norm(text) for terms in TERMS15.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS15.values())
    assert all(1 <= sum(len(g) > 1 for g in groups) <= 2 for groups in GROUPS15.values())


@pytest.mark.parametrize("template", list(BUILDERS15))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's (nor does the statement, nor, in
    yewstead, another term's topic)."""
    texts = {n: _norm(TERMS15[template][n]) for n in range(1, 16)}
    if template == "yewstead":
        texts = {n: f"{_norm(TOPICS15[n])} {text}" for n, text in texts.items()}
    for n, words in IDEAS15.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])
        assert not any(w in _norm(SOU15[template]) for w in words), (template, n)


def test_money_in_thousands():
    """gorsefield's monthly amounts in thousands when they are whole tens of dollars."""
    assert kilo(2600.0) == "$2.6K/mo"
    assert kilo(2250.0) == "$2.25K/mo"
    assert kilo(1570.0) == "$1.57K/mo"
    assert kilo(715.0) == "$715/mo"
    assert kilo(1516.67) == "$1,516.67/mo"


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"\$\s*(\d[\d,]*(?:\.\d+)?)", written).group(1).replace(",", ""))
    low = written.casefold()
    if "k/mo" in low:
        return amount * 1000
    if "every other week" in low:
        return amount * 26 / 12
    if "/mo" in low or "month" in low:
        return amount
    assert "hr" in low or "hour" in low, written
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
    check_terms(text, terms, rec, IDEAS15, SOU15[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature, a printed name or the initials
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (its words, its checkbox, the "✕" in its square), or none.
    written = rec["discussion"]["modality_as_written"]
    options = MODALITY[template]
    if data["kind"] == "pdf-form":
        for key, option in TANSYCROFT_MET.items():
            assert (form[TANSYCROFT_BOX[f"mtg_{key}"]].get("/V") not in (None, "/Off")) == (option == written), option
    elif variant == "tansycroft-flat":
        for option in options.values():
            assert _norm(option) in text
            assert (f"{CROSS} {_norm(option)}" in text) == (option == written), option
    elif written:
        assert _norm(written) in text
    if written:
        assert written in options.values()
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template != "tansycroft":
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
    details = {detail for _, detail in TANSYCROFT_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert sorted(s["service"] for s in rec["services"]) == sorted(SERVICE_KEYS)
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if template == "gorsefield":
            assert (f"{label}: {_norm(INCLUDED)}" in services) == s["selected"], s["label"]
            assert (f"{label}: {_norm(NOT_INCLUDED)}" in services) != s["selected"], s["label"]
        elif template == "yewstead":
            assert (f"{label} {WILL_PROVIDE}" in services) == s["selected"], s["label"]
            assert (f"{label} {NOT_NEEDED}" in services) != s["selected"], s["label"]
        elif template == "marlstone":
            assert (f"{PLUS} {label}" in services) == s["selected"], s["label"]
            assert (f"{MINUS} {label}" in services) != s["selected"], s["label"]
        elif variant == "tansycroft-flat":
            assert (f"{CROSS} {label}" in services) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = TANSYCROFT_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
        # Every field has a generic name and a tooltip of its own words (not its printed label).
        assert set(TANSYCROFT_TEXT.values()) | set(TANSYCROFT_BOX.values()) >= set(form)
        assert all(re.fullmatch(r"(Text Field|Check Box) \d+", name) for name in form)
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced

    # tansycroft: the person's initials before each statement exactly when the person signed.
    if template == "tansycroft":
        name = rec["ticketholder"]["name"]
        initials = "".join(f"{w[0]}." for w in name.replace(".", " ").split()) if name else ""
        signed = rec["signatures"]["ticketholder"]["signed"] and initials
        if data["kind"] == "pdf-form":
            values = [form[TANSYCROFT_TEXT[f"init{i}"]].get("/V") or "" for i in range(1, len(GROUPS15[template]) + 1)
                      if TANSYCROFT_TEXT[f"init{i}"] in form]
            assert values and all(v == (initials.upper() if signed else "") for v in values)
        else:
            assert (_norm(initials) in terms) == bool(signed) or not initials
