"""The held-out group final7 draws what its expectations claim (fixture honesty; the reader is not run).

final7 (fixtures/heldout/final7.py, drawn by fixtures/heldout/render7.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final7``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its text, the list box's
value, the bold entry of a flattened list box, or the options left un-struck in Word), the goals' and jobs'
money as written and the monthly figure it comes to; the services as marked ("Ordered" / "Not ordered", a
dash item or the "Not part of this plan" line, strikethrough, a form checkbox or the flattened mark) and
described, and counseling's source.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from fixtures.heldout.final7 import (
    BRACKENRIDGE_TYPE,
    BUILDERS7,
    FOXGLOVE_MET,
    FOXGLOVE_SERVICE_FIELDS,
    KETTLEWORTH_HELD,
    WILLOWMERE_MET,
    Drawn7,
    surname_first,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render7 import LIST_PLACEHOLDER
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording7 import GROUPS7, SOU7, TERMS7
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text
from tests.test_heldout_final3 import IDEAS3

DATE_STYLES = ("month-dd", "mon-dd-yyyy", "mon-nth", "weekday-dmy")
IDEAS7 = IDEAS3
"""Each term's idea words (final2's and final3's): each final7 wording of a term holds one of its own and
none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "willowmere": (("5 · What We Will Do", "6 · Our agreement with you"), "6 · Our agreement with you",
                   ("7 · What I understand", "8 · Sign here")),
    "brackenridge": (("SERVICE ORDERS", "CONDITIONS OF PARTICIPATION"), "CONDITIONS OF PARTICIPATION",
                     ("PATIENT STATEMENT", "SIGNATURES")),
    "foxglove": (("Section 5 - Peer supports", "Section 6 - Work you have done"), "Section 7 - Agreement",
                 ("Section 8 - In your words", "Section 9 - Signatures")),
    "kettleworth": (("Part 6 Services", "Part 7 Conditions"), "Part 7 Conditions",
                    ("Part 8 Apprentice's declaration", "Part 9 Signatures")),
}
MODALITY = {"willowmere": WILLOWMERE_MET, "brackenridge": BRACKENRIDGE_TYPE, "foxglove": FOXGLOVE_MET,
            "kettleworth": KETTLEWORTH_HELD}
FURNITURE = (r"transition iwp · v3 · pg \d+ (youth transition services -individual work plan )?"
             r"|printed may-04-2026 08:03 by vocrec page \d+ of \d+ "
             r"(patient: .{0,60}? vocational services -individual work plan )?"
             r"|fg-iwp 2\.0 \| \d+ of \d+ (peer employment network -mentee work plan \(iwp\) )?")
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""
FLAT_MARK = "■"
"""How pypdf reads the ZapfDingbats dot of a flattened foxglove checkbox."""


CASES = _cases(BUILDERS7)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn7(source, style, "willowmere", "").date(iso) for style in DATE_STYLES]


def test_final7_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("willowmere", "docx"), ("willowmere", "pdf-text"), ("brackenridge", "pdf-text"),
                     ("foxglove", "pdf-form"), ("foxglove", "pdf-text"), ("kettleworth", "docx")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final7_stays_out_of_all():
    """``evaluate.py --group all`` does not score final7 (nor final2 to final6)."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final7"]) == set(BUILDERS7)
    assert not set(BUILDERS7) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


def test_final7_templates_are_new():
    """No final7 template shares its name, or a term's wording, with an earlier template."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout import evaluate
    from fixtures.heldout.wording import TERMS
    from fixtures.heldout.wording3 import TERMS3
    from fixtures.heldout.wording4 import TERMS4
    from fixtures.heldout.wording5 import TERMS5
    from fixtures.heldout.wording6 import TERMS6

    earlier = {t for g, names in evaluate.GROUPS.items() if g != "final7" for t in names}
    assert not set(BUILDERS7) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values(), *TERMS6.values()) for text in terms.values()}
    assert not {_norm(text) for terms in TERMS7.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS7.values())


@pytest.mark.parametrize("template", list(BUILDERS7))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's."""
    texts = {n: _norm(TERMS7[template][n]) for n in range(1, 16)}
    for n, words in IDEAS7.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    amount = float(re.search(r"\$\s*(\d[\d,]*(?:\.\d+)?)", written).group(1).replace(",", ""))
    low = written.casefold()
    if "semi-monthly" in low:
        return amount * 2
    if "hour" in low or "/h," in low or " hr" in low:
        return amount * hours * 52 / 12
    assert "month" in low or "/mth" in low or " a mo." in low, written
    return amount


@cache
def struck_runs(path: Path) -> tuple[str, ...]:
    """The texts of a Word file's struck-through runs."""
    out = []
    for r in docx.Document(str(path)).element.body.iter(qn("w:r")):
        strike = r.find(qn("w:rPr") + "/" + qn("w:strike"))
        if strike is not None and strike.get(qn("w:val")) not in ("0", "false"):
            out.append(_norm("".join(t.text or "" for t in r.iter(qn("w:t")))))
    return tuple(out)


@cache
def bold_texts(path: Path) -> str:
    """The text a PDF draws in a bold font."""
    parts: list[str] = []

    def visit(text, cm, tm, font, size):  # noqa: ANN001
        if font and "Bold" in str(font.get("/BaseFont", "")):
            parts.append(text)

    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
    return _norm(" ".join(parts))


@pytest.mark.parametrize("doc,data", CASES, ids=[f"{d.parent.name}/{d.name}" for d, _ in CASES])
def test_document_says_what_its_expectation_claims(doc, data):
    text, fields = document_text(doc)
    assert len(text) > 500, "the document opens and has text"
    template, variant = doc.parent.name, data["template"]
    rec, defect = data["record"], data["defect"]
    source = heldout_people()[doc.name.split("-")[0]]
    (services_start, services_end), terms_start, terms_ends = PARTS[template]
    terms = re.sub(FURNITURE, "", _part(text, terms_start, terms_ends))
    check_terms(text, terms, rec, IDEAS7, SOU7[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature or the banner
        assert _norm(source["ticketholder"]["name"]) not in text
        if template == "brackenridge":  # the banner says so, surname first nowhere
            assert "patient: (name not entered)" in text
            assert _norm(surname_first(source["ticketholder"]["name"])) not in text
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written, or none.
    written = rec["discussion"]["modality_as_written"]
    options = list(MODALITY[template].values())
    if data["kind"] == "pdf-form":
        assert form["MTG_MODE"].get("/V") == (written or LIST_PLACEHOLDER)
    elif variant == "foxglove-flat":
        bold = bold_texts(doc)
        for option in [*options, LIST_PLACEHOLDER]:
            assert (_norm(option) in bold) == (option == (written or LIST_PLACEHOLDER)), option
    elif template == "kettleworth":
        struck = struck_runs(doc)
        for option in options:
            assert (_norm(option) in struck) == (written is not None and option != written), option
    elif written:
        assert _norm(written) in text
    if not written:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template in ("willowmere", "brackenridge"):
            assert not any(_norm(w) in text for w in options)
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
    details = {detail for _, detail in FOXGLOVE_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    services = re.sub(FURNITURE, "", services)
    selected = [s for s in rec["services"] if s["selected"]]
    head, _, tail = services.partition("not part of this plan:")
    struck = struck_runs(doc) if template == "kettleworth" else ()
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if template == "willowmere":
            assert (label in tail) != s["selected"], s["label"]
            assert (f"– {label}" in head) == s["selected"], s["label"]
        elif template == "brackenridge":
            assert (f"{label} ordered" in services) == s["selected"], s["label"]
            assert (f"{label} not ordered" in services) != s["selected"], s["label"]
        elif template == "kettleworth":
            assert (label in struck) != s["selected"], s["label"]
        elif variant == "foxglove-flat":
            assert (f"{FLAT_MARK} {label}" in services) == s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = FOXGLOVE_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
    assert SERVICE_KEYS  # the twelve services, in the order every template lists them
