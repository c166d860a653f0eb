"""The held-out group final5 draws what its expectations claim (fixture honesty; the reader is not run).

final5 (fixtures/heldout/final5.py, drawn by fixtures/heldout/render5.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final5``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the
record has them and nowhere where a defect removed them; dates, the meeting modality (its mark, its value,
or the combo box's value), the goals' and jobs' money as written and the monthly figure it comes to; the
services as marked (a Y/N cell, a Wingdings symbol, a "*" mark, a "✔", a form checkbox) and described, and
counseling's source.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from fixtures.heldout.final5 import (
    ASHGROVE_MEETING,
    BUILDERS5,
    LARKSPUR_MET,
    LARKSPUR_SERVICE_FIELDS,
    MILLBROOK_MODE,
    STONEGATE_CONTACT,
    Drawn5,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording5 import GROUPS5, SOU5, TERMS5, TOPICS5
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text
from tests.test_heldout_final3 import IDEAS3

DATE_STYLES = ("mdy-comma", "slash-mdY", "dd-MON-yyyy", "iso")
IDEAS5 = IDEAS3
"""Each term's idea words (final2's and final3's): each final5 wording of a term holds one of its own and
none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part and terms part begin and end (headings as drawn).
PARTS = {
    "ashgrove": ("WHAT WE'LL PROVIDE", "PLAN RULES", ("TALENT ACKNOWLEDGEMENT", "SIGN-OFF")),
    "millbrook": ("Supports from the EN", "Agreement", ("Career Seeker's Understanding", "Signatures")),
    "stonegate": ("*** SERVICES ***", "*** CONDITIONS OF PARTICIPATION ***",
                  ("*** RECIPIENT STATEMENT ***", "*** SIGNATURES ***")),
    "larkspur": ("5 | Services", "7 | Terms", ("8 | Candidate statement", "9 | Signatures")),
}
MODALITY = {"ashgrove": ASHGROVE_MEETING, "millbrook": MILLBROOK_MODE, "stonegate": STONEGATE_CONTACT,
            "larkspur": LARKSPUR_MET}
MODALITY_MARK = {"millbrook": "☑ "}
SYM = {"F0FE": "☑", "F0A8": "☐"}
FURNITURE = (r"report iwp-r07 page \d+ of \d+ |larkspur form iwp-c \| candidate plan \| \d+/\d+ |"
             r"form tep-1 \(02/2025\) \| p\. \d+ "
             r"(talent employment plan - ticket to work individual work plan \(iwp\) )?")
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""


CASES = _cases(BUILDERS5)


@cache
def text_of(path: Path) -> tuple[str, dict[str, str]]:
    """document_text, with Word symbols (w:sym, which have no text) as the boxes they show."""
    if path.suffix != ".docx":
        return document_text(path)
    d = docx.Document(str(path))
    lines = []
    for p in d.element.body.iter(qn("w:p")):
        parts = []
        for el in p.iter(qn("w:t"), qn("w:sym")):
            parts.append(el.text or "" if el.tag == qn("w:t") else SYM[el.get(qn("w:char"))])
        lines.append("".join(parts))
    for section in d.sections:
        lines += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return _norm("\n".join(lines)), {}


def test_final5_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("ashgrove", "docx"), ("ashgrove", "pdf-text"), ("millbrook", "docx"),
                     ("stonegate", "pdf-text"), ("larkspur", "pdf-form"), ("larkspur", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final5_stays_out_of_all():
    """``evaluate.py --group all`` does not score final5 (nor final2, final3, final4)."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final5"]) == set(BUILDERS5)
    assert not set(BUILDERS5) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


def test_final5_templates_are_new():
    """No final5 template shares its name, or a term's wording, with an earlier template."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout import evaluate
    from fixtures.heldout.wording import TERMS
    from fixtures.heldout.wording3 import TERMS3
    from fixtures.heldout.wording4 import TERMS4

    earlier = {t for g, names in evaluate.GROUPS.items() if g != "final5" for t in names}
    assert not set(BUILDERS5) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values())
           for text in terms.values()}
    assert not {_norm(text) for terms in TERMS5.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS5.values())
    for topics in TOPICS5.values():  # a topic heading carries no term's idea
        assert sorted(n for _, numbers in topics for n in numbers) == list(range(1, 16))
        assert not [title for title, _ in topics for words in IDEAS5.values() if any(w in _norm(title) for w in words)]


@pytest.mark.parametrize("template", list(BUILDERS5))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's."""
    texts = {n: _norm(TERMS5[template][n]) for n in range(1, 16)}
    for n, words in IDEAS5.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"\d[\d,]*(?:\.\d+)?", written).group().replace(",", ""))
    low = written.casefold()
    if "/hr" in low or "hourly" in low:
        return amount * hours * 52 / 12
    if "biweekly" in low:
        return amount * 26 / 12
    assert "/mo" in low or "monthly" in low, written
    return amount


@pytest.mark.parametrize("doc,data", CASES, ids=[f"{d.parent.name}/{d.name}" for d, _ in CASES])
def test_document_says_what_its_expectation_claims(doc, data):
    text, fields = text_of(doc)
    assert len(text) > 500, "the document opens and has text"
    template, variant = doc.parent.name, data["template"]
    rec, defect = data["record"], data["defect"]
    source = heldout_people()[doc.name.split("-")[0]]
    services_start, terms_start, terms_ends = PARTS[template]
    terms = _part(text, terms_start, terms_ends)
    check_terms(text, terms, rec, IDEAS5, SOU5[template])
    check_values(text, rec, source, defect,
                 lambda iso: [Drawn5(source, style, "ashgrove", "").date(iso) for style in DATE_STYLES])
    if not rec["ticketholder"]["name"]:  # nor in a signature
        assert _norm(source["ticketholder"]["name"]) not in text
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written (with its mark where the template marks options), or none.
    written = rec["discussion"]["modality_as_written"]
    options = list(MODALITY[template].values())
    if data["kind"] == "pdf-form":
        held = form["Meeting type"].get("/V")
        assert held == (written or " ")
        assert form["Meeting type"]["/Opt"] == [" ", *options]
    elif written:
        assert _norm(MODALITY_MARK.get(variant, "") + written) in text
    if not written:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if data["kind"] != "pdf-form":
            assert not any(_norm(MODALITY_MARK.get(variant, "") + w) in text for w in options)
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
    details = {detail for _, detail in LARKSPUR_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (terms_start,))] +
                        [value for name, value in fields.items() if name in details])
    # A line or table row that runs onto the next page carries the page's footer and running header inside it.
    services = re.sub(FURNITURE, "", services)
    selected = [s for s in rec["services"] if s["selected"]]
    for s in rec["services"]:
        label = _norm(s["label"])
        code = f"s{SERVICE_KEYS.index(s['service']) + 1:02d}"
        marked = {"ashgrove": f"{label} y", "millbrook": f"☑ {label}", "stonegate": f"* {code} {label}",
                  "larkspur-flat": f"✔ {label}"}.get(variant)
        if marked:
            assert (marked in services) == s["selected"], s["label"]
        if variant == "ashgrove":
            assert (f"{label} n" in services) != s["selected"], s["label"]
        if s["selected"]:
            if variant.endswith("-exported"):  # a wrapped table cell's lines interleave with the next cell's
                assert all(word in services for word in label.split()), s["label"]
            else:
                assert label in services
            if s["description"]:
                assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = LARKSPUR_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
        acks = [name for name in form if re.fullmatch(r"Initial(_\d+)?", name)]
        assert len(acks) == len(re.findall(r"(?:^| )\d+\. ", terms))
        assert all(form[name].get("/V") == "/Yes" for name in acks)
    if doc.suffix == ".docx" and template == "millbrook":
        syms = list(docx.Document(str(doc)).element.body.iter(qn("w:sym")))
        assert sum(s.get(qn("w:char")) == "F0FE" for s in syms) == len(selected) + bool(written)
        assert len(syms) == len(options) + len(rec["services"])
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
