"""The held-out group final2 draws what its expectations claim (fixture honesty; the reader is not run).

final2 (fixtures/heldout/final2.py) is scored once, by the lead, with ``fixtures/heldout/evaluate.py
--group final2``; no test runs the reader on it and no threshold guards it. These tests only open its
documents and read their text with python-docx / pypdf, and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of
a missing term's idea left anywhere in that part; the contact values where the record has them and
nowhere where a defect removed them; the goals' money as written; the services as described.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from fixtures.heldout.final2 import BUILDERS, Drawn
from fixtures.heldout.people import heldout_people
from fixtures.heldout.wording import QUESTIONS, SOU, TERMS
from tests.conftest import ROOT

DOCS = ROOT / "fixtures" / "heldout" / "documents"
DATE_STYLES = ("dots", "ordinal", "dmy-abbr", "numeric")

# Words that carry each term's idea. Each final2 wording of a term holds one of its words, and no
# other term's wording (question included) holds any: so "term n missing" leaves none behind.
IDEAS = {
    1: ["charge", "payment", "fees", "pay us", "cost"],
    2: ["voluntary", "your own choice", "it is your choice", "whenever you"],
    3: ["put services on hold", "pause services", "suspend services", "stop services", "stop helping"],
    4: ["amendment", "amended", "change only counts", "change my plan"],
    5: ["copy", "accessible format"],
    6: ["confidential", "private", "privacy", "disclose"],
    7: ["grievance", "disagree", "dispute", "settle"],
    8: ["pabss", "protection and advocacy", "advocacy"],
    9: ["earnings", "pay stubs", "work and pay"],
    10: ["timely progress", "continuing disability review", "medical review"],
    11: ["at least monthly", "once a month", "at least quarterly", "once a quarter", "every three months",
         "in touch", "in contact"],
    12: ["services and supports set out", "services and supports written", "services and supports listed",
         "supports and services listed", "set down in this plan", "each service and support",
         "each support and service", "what will you do for me"],
    13: ["wipa", "counsel"],
    14: ["takes effect", "in force", "becomes effective", "plan start", "ticket is assigned", "has been assigned"],
    15: ["further terms", "other terms", "additional terms", "anything else"],
}
# Where each template's services part and terms part begin and end (headings as drawn).
PARTS = {
    "keystone": ("Step 5", "Terms and conditions", ("statement of understanding", "Signature of job seeker")),
    "tidewater": ("How will we help?", "What are the rules of this plan?", ("What do you understand?", "Who signed")),
    "copperline": ("SUPPORTS AND SERVICES", "Terms and conditions",
                   ("Statement of understanding", "Ticket holder (or representative) signature")),
    "bluestem": ("5. Supports and services", "6. Terms of participation",
                 ("Statement of the person", "Signature of person served")),
}


def _norm(text: str) -> str:
    """Casefolded, one space between words, and no break after a hyphen (a line may end in one)."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text.replace("’", "'"))).strip().casefold()


@cache
def document_text(path: Path) -> tuple[str, dict[str, str]]:
    """All text a reviewer sees (body, tables, running headers and footers, form field values), and the
    values of the form fields by name."""
    if path.suffix == ".docx":
        d = docx.Document(str(path))
        lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in d.element.body.iter(qn("w:p"))]
        for section in d.sections:
            lines += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
        return _norm("\n".join(lines)), {}
    reader = PdfReader(str(path))
    fields = {name: _norm(f["/V"]) for name, f in (reader.get_fields() or {}).items() if isinstance(f.get("/V"), str)}
    lines = [page.extract_text() or "" for page in reader.pages] + list(fields.values())
    return _norm("\n".join(lines)), fields


def _part(text: str, start: str, ends: tuple[str, ...]) -> str:
    begin = text.index(_norm(start))
    stops = [i for i in (text.find(_norm(e), begin + len(start)) for e in ends) if i >= 0]
    return text[begin:min(stops, default=len(text))]


def _cases(templates: Iterable[str] = BUILDERS) -> list[tuple[Path, dict]]:
    """Every document of ``templates`` (folders under DOCS) with its expectation."""
    out = []
    for template in templates:
        for exp in sorted((DOCS / template).glob("*.expected.json")):
            stem = exp.name[: -len(".expected.json")]
            doc = next(p for p in exp.parent.glob(stem + ".*") if not p.name.endswith(".expected.json"))
            out.append((doc, json.loads(exp.read_text(encoding="utf-8"))))
    return out


CASES = _cases()


def test_final2_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("keystone", "docx"), ("keystone", "pdf-text"), ("tidewater", "docx"),
                     ("copperline", "pdf-text"), ("bluestem", "pdf-form"), ("bluestem", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    from fixtures.make_fixtures import DEFECTS

    assert all(defects.count(d) >= 2 for d in DEFECTS)


@pytest.mark.parametrize("template", list(BUILDERS))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's."""
    texts = {n: _norm(TERMS[template][n] + " " + QUESTIONS.get(template, {}).get(n, "")) for n in range(1, 16)}
    for n, words in IDEAS.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m)


def check_terms(text: str, terms: str, rec: dict, ideas: dict[int, list[str]], sou: str) -> None:
    """Each term's idea words in the terms part exactly when the term is present; the Statement of
    Understanding (``sou``, its wording with ``{en}``) in the document exactly when the record has it."""
    present = {t["number"] for t in rec["terms_and_conditions"] if t["present"]}
    for n, words in ideas.items():
        assert any(w in terms for w in words) == (n in present), f"term {n}"
    assert (_norm(sou.format(en=rec["en"]["name"] or "the EN")) in text) == rec["statement_of_understanding"]["present"]


def check_values(text: str, rec: dict, source: dict, defect: str | None, dates: Callable[[str], list[str]]) -> None:
    """Contact values written where the record has them and nowhere when a defect removed them; each date
    as the template writes it (``dates``: its possible renderings), and a removed date nowhere."""
    # Contact values: written where the record has them; nowhere when a defect removed them.
    for key, value, was in [("en.name", rec["en"]["name"], source["en"]["name"]),
                            ("en.pid", rec["en"]["pid"], source["en"]["pid"]),
                            ("ssn", rec["ticketholder"]["ssn"], source["ticketholder"]["ssn"]),
                            ("alternate", rec["alternate_contact"]["name"], source["alternate_contact"]["name"]),
                            ("summary", rec["discussion"]["summary"], source["discussion"]["summary"])]:
        assert (_norm(value or was) in text) == bool(value), key
    if rec["ticketholder"]["name"]:
        assert _norm(rec["ticketholder"]["name"]) in text
    for which in ("discussion", "ticketholder", "en_representative"):
        iso = rec["discussion"]["date"] if which == "discussion" else rec["signatures"][which]["date"]
        if iso:
            assert any(_norm(d) in text for d in dates(iso))
    if defect in ("discussion-date", "ticketholder-date", "en-date"):
        sig = source["signatures"]
        gone = source["discussion"]["date"] if defect == "discussion-date" else \
            sig["ticketholder" if defect == "ticketholder-date" else "en_representative"]["date"]
        others = {rec["discussion"]["date"], rec["signatures"]["ticketholder"]["date"],
                  rec["signatures"]["en_representative"]["date"]}
        if gone not in others:
            assert not any(_norm(d) in text for d in dates(gone))


@pytest.mark.parametrize("doc,data", CASES, ids=[f"{d.parent.name}/{d.name}" for d, _ in CASES])
def test_document_says_what_its_expectation_claims(doc, data):
    text, fields = document_text(doc)
    assert len(text) > 500, "the document opens and has text"
    template = doc.parent.name
    rec, defect = data["record"], data["defect"]
    source = heldout_people()[doc.name.split("-")[0]]
    services_start, terms_start, terms_ends = PARTS[template]
    terms = _part(text, terms_start, terms_ends)
    check_terms(text, terms, rec, IDEAS, SOU[template])

    check_values(text, rec, source, defect,
                 lambda iso: [Drawn(source, style, "whole", "").date(iso) for style in DATE_STYLES])
    if defect == "discussion-modality":
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        assert not any(mark in text for mark in ("(•)", "[✓]", "we met by", "we met in person"))
        if data["kind"] == "pdf-form":
            held = PdfReader(str(doc)).get_fields()["p1_SessionHeld"].get("/V")
            assert held in (None, "/Off")
    if not rec["work_history"]:
        assert not any(_norm(j["employer"]) in text for j in source["work_history"])

    # Goals: the money as written, and the monthly figure it comes to.
    for which in ("short_term", "long_term"):
        goal = rec["employment_goals"][which]
        if goal:
            written = goal["earnings_as_written"]
            assert _norm(written) in text
            amount = float(re.search(r"[\d,]+(?:\.\d+)?", written).group().replace(",", ""))
            monthly = amount * goal["hours_per_week"] * 52 / 12 if "hour" in written else amount
            assert abs(monthly - goal["monthly_earnings"]) < 0.01 * goal["monthly_earnings"], which

    # Services: each selected one described as the record says; counseling's source in the services part.
    services = " ".join([_part(text, services_start, (terms_start,))] +
                        [value for name, value in fields.items() if name.startswith("p3_Svc")])
    for s in rec["services"]:
        if s["selected"]:
            assert _norm(s["label"]) in services
            if s["description"]:
                assert _norm(s["description"]) in services
    bc = next((s for s in rec["services"] if s["service"] == "benefits_counseling" and s["selected"]), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
