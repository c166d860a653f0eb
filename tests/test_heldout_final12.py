"""The held-out group final12 draws what its expectations claim (fixture honesty; the reader is not run).

final12 (fixtures/heldout/final12.py, drawn by fixtures/heldout/render12.py) is scored once, by the lead, with
``fixtures/heldout/evaluate.py --group final12``; no test runs the reader on it and no threshold guards it.
These tests only open its documents with python-docx / pypdf and check that each NAME.expected.json says
what a reviewer finds there: every term's idea in the terms part of a plan that has it and no word of a
missing term's idea left in that part; the Statement of Understanding; the contact values where the record
has them and nowhere where a defect removed them; dates, the meeting modality (its text, or the "X" typed in
front of it), the goals' and jobs' money as written and the monthly figure it comes to; the services as
marked and described, and counseling's source.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from fixtures.heldout.final12 import (
    BUILDERS12,
    FLINTRIDGE_SESSION,
    HEATHERLEA_FORMAT,
    MODALITY_FIELDS,
    MOSSBANK_MET,
    NO,
    NOT_PLANNED,
    NOT_REQUIRED,
    PLANNED,
    REEDWATER_MET,
    REEDWATER_SERVICE_FIELDS,
    SI_YES,
    WILL_PROVIDE,
    Drawn12,
)
from fixtures.heldout.people import heldout_people
from fixtures.heldout.render12 import SQUARE_OFF, SQUARE_ON
from fixtures.heldout.templates import SERVICE_KEYS
from fixtures.heldout.wording12 import GROUPS12, SOU12, TERMS12
from fixtures.make_fixtures import DEFECTS
from tests.test_heldout_final2 import _cases, _norm, _part, check_terms, check_values, document_text
from tests.test_heldout_final3 import IDEAS3

DATE_STYLES = ("yyyy-mon-dd", "month-nth", "month-d-dow", "mon-dd-yyyy")
IDEAS12 = IDEAS3
"""Each term's idea words (final2's and final3's): each final12 wording of a term holds one of its own and
none of another term's, so a missing term leaves none of them behind."""
# Where each template's services part (start, end) and terms part (start, ends) are (headings as drawn).
PARTS = {
    "mossbank": (("Stage 6 \u00b7 Etapa 6 \u2014 Services", "Stage 7 \u00b7 Etapa 7"),
                 "Stage 7 \u00b7 Etapa 7 \u2014 Commitments", ("Stage 8 \u00b7 Etapa 8", "Stage 9 \u00b7 Etapa 9")),
    "heatherlea": (("Agenda item 6 \u2013 Services discussed", "Agenda item 7"), "Agenda item 7 \u2013 Ground rules",
                   ("Agenda item 8", "Agenda item 9")),
    "flintridge": (("F | SERVICES", "G | RULES"), "G | RULES OF THIS PLAN",
                   ("H | CAREER CLIENT'S STATEMENT", "I | SIGNATURES")),
    "reedwater": (("Support from the Collective", "Our agreements"), "Our agreements",
                  ("Artist's statement", "Signatures")),
}
MODALITY = {"mossbank": MOSSBANK_MET, "heatherlea": HEATHERLEA_FORMAT, "flintridge": FLINTRIDGE_SESSION,
            "reedwater": REEDWATER_MET}
_FRAMES = (
    (r"refugee & immigrant services · employment plan \(iwp\) · plan de empleo", r"ra-emp-iwp \(en/es\) · p\. \d+/\d+"),
    (r"brain injury alliance · planning conference minutes \(iwp\)", r"bia minutes form m-7 · page \d+ of \d+"),
    (r"vision services agency · individual work plan · large print edition", r"vsa-iwp-lp · page \d+ of \d+"),
    (None, r"arts collective · artist iwp \(web form export\) · page \d+ of \d+"),
)
FURNITURE = "|".join(rf"(?:{h} )?{f}(?: {h})? ?" if h else rf"{f} ?" for h, f in _FRAMES)
"""Page footers and running headers (normalised), as they fall inside a part that runs onto the next page."""


CASES = _cases(BUILDERS12)


def _dates(source: dict, iso: str) -> list[str]:
    return [Drawn12(source, style, "mossbank", "").date(iso) for style in DATE_STYLES]


def test_final12_is_there():
    """Four templates of every kind, each defect at least twice, about a hundred documents."""
    assert 90 <= len(CASES) <= 130
    kinds = {(doc.parent.name, data["kind"]) for doc, data in CASES}
    assert kinds == {("mossbank", "docx"), ("mossbank", "pdf-text"), ("heatherlea", "docx"),
                     ("flintridge", "pdf-text"), ("reedwater", "pdf-form"), ("reedwater", "pdf-text")}
    defects = [data["defect"] for doc, data in CASES if not doc.stem.endswith("-exported")]
    assert all(defects.count(d) >= 2 for d in DEFECTS)
    assert sum(p.stat().st_size for p, _ in CASES) < 15_000_000


def test_final12_stays_out_of_all():
    """``evaluate.py --group all`` does not score final12 (nor final2 to final11)."""
    from fixtures.heldout import evaluate

    assert set(evaluate.GROUPS["final12"]) == set(BUILDERS12)
    assert not set(BUILDERS12) & {t for g in evaluate.ALL for t in evaluate.GROUPS[g]}


def test_final12_templates_are_new():
    """No final12 template shares its name, or a term's wording, with an earlier template."""
    from fixtures.gen.wording import TERMS as DEV_TERMS
    from fixtures.heldout import evaluate
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

    earlier = {t for g, names in evaluate.GROUPS.items() if g != "final12" for t in names}
    assert not set(BUILDERS12) & earlier
    old = {_norm(text) for terms in (*DEV_TERMS.values(), *TERMS.values(), *TERMS3.values(), *TERMS4.values(),
                                     *TERMS5.values(), *TERMS6.values(), *TERMS7.values(), *TERMS8.values(),
                                     *TERMS9.values(), *TERMS10.values(), *TERMS11.values())
           for text in terms.values()}
    assert not {_norm(text) for terms in TERMS12.values() for text in terms.values()} & old
    assert all(sorted(n for g in groups for n in g) == list(range(1, 16)) for groups in GROUPS12.values())
    assert sum(any(len(g) > 1 for g in groups) for groups in GROUPS12.values()) >= 3


@pytest.mark.parametrize("template", list(BUILDERS12))
def test_each_term_has_its_own_words(template):
    """Every wording holds its term's idea words and none of another term's."""
    texts = {n: _norm(TERMS12[template][n]) for n in range(1, 16)}
    for n, words in IDEAS12.items():
        assert any(w in texts[n] for w in words), (template, n)
        for m in set(texts) - {n}:
            assert not any(w in texts[m] for w in words), (template, n, m, [w for w in words if w in texts[m]])


def _slash(text: str) -> str:
    """No space after a "/" (a line may end in one)."""
    return text.replace("/ ", "/")


def _monthly(written: str, hours: int) -> float:
    """The monthly figure a reviewer reads off a pay as written."""
    low = written.casefold()
    if "=" in low:  # "$14.00/hour x 25 hours/week = $1,516.67/month": the figure worked out
        low = low.split("=", 1)[1]
    amount = float(re.search(r"\$\s*(\d[\d,]*(?:\.\d+)?)", low).group(1).replace(",", ""))
    if "every two weeks" in low:
        return amount * 26 / 12
    if "hour" in low:
        return amount * hours * 52 / 12
    assert "month" in low, written
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
    check_terms(text, terms, rec, IDEAS12, SOU12[template])
    check_values(text, rec, source, defect, lambda iso: _dates(source, iso))
    if not rec["ticketholder"]["name"]:  # nor in a signature or in the minutes' list of those present
        assert _norm(source["ticketholder"]["name"]) not in raw
    form = PdfReader(str(doc)).get_fields() if data["kind"] == "pdf-form" else {}

    # The meeting modality as written, or none.
    written = rec["discussion"]["modality_as_written"]
    options = list(MODALITY[template].values())
    if data["kind"] == "pdf-form":
        for key, option in REEDWATER_MET.items():
            assert (form[MODALITY_FIELDS[key]].get("/V") or "") == ("X" if option == written else ""), option
    elif variant == "reedwater-flat":
        for option in options:
            assert (f"x {_norm(option)}" in text) == (option == written), option
    elif written:
        assert _norm(written) in text
    if written:
        assert written in options
    else:
        assert not re.search(r"phone|zoom|video|office|in person|face", rec["discussion"]["summary"].casefold())
        if template != "reedwater":
            assert not any(_norm(w) in text for w in options)
    if not rec["work_history"]:
        assert not any(_norm(j["employer"]) in text for j in source["work_history"])

    # Goals and jobs: the money as written (a table cell may wrap after its "/"), and the monthly figure.
    wrapped = _slash(text)
    for which in ("short_term", "long_term"):
        goal = rec["employment_goals"][which]
        if goal:
            money = goal["earnings_as_written"]
            assert _slash(_norm(money)) in wrapped
            assert _norm(goal["job_title"]) in text and _norm(goal["time_frame"]) in text
            assert abs(_monthly(money, goal["hours_per_week"]) - goal["monthly_earnings"]) < \
                0.01 * goal["monthly_earnings"], which
    for job in rec["work_history"]:
        assert _slash(_norm(job["earnings_as_written"])) in wrapped
        assert abs(_monthly(job["earnings_as_written"], job["hours_per_week"]) - job["monthly_earnings"]) < \
            0.01 * job["monthly_earnings"]

    # Services: each marked exactly when selected, and described; counseling's source in the services part.
    details = {detail for _, detail in REEDWATER_SERVICE_FIELDS.values()}
    services = " ".join([_part(text, services_start, (services_end,))] +
                        [value for name, value in fields.items() if name in details])
    selected = [s for s in rec["services"] if s["selected"]]
    assert [s["service"] for s in rec["services"] if s["service"] in SERVICE_KEYS] and len(rec["services"]) == 12
    for s in rec["services"]:
        label = _norm(s["label"])
        assert label in services, s["label"]
        if template == "mossbank":
            assert (f"{label} {_norm(SI_YES)}" in services) == s["selected"], s["label"]
            assert bool(re.search(rf"{re.escape(label)} {_norm(NO)}\b", services)) != s["selected"], s["label"]
        elif template == "heatherlea":
            assert (f"{label} {_norm(WILL_PROVIDE)}" in services) == s["selected"], s["label"]
            assert (f"{label} {_norm(NOT_REQUIRED)}" in services) != s["selected"], s["label"]
        elif template == "flintridge":
            assert bool(re.search(rf"(?<!not ){_norm(PLANNED)} {re.escape(label)}", services)) == s["selected"], \
                s["label"]
            assert (f"{_norm(NOT_PLANNED)} {label}" in services) != s["selected"], s["label"]
        elif variant == "reedwater-flat":
            assert (f"{SQUARE_ON} {label}" in services) == s["selected"], s["label"]
            assert (f"{SQUARE_OFF} {label}" in services) != s["selected"], s["label"]
        if s["selected"] and s["description"]:
            assert _norm(s["description"]) in services
    if data["kind"] == "pdf-form":
        for s in rec["services"]:
            box, detail = REEDWATER_SERVICE_FIELDS[s["service"]]
            assert (form[box].get("/V") not in (None, "/Off")) == s["selected"], s["service"]
            assert _norm(form[detail].get("/V") or "") == _norm((s["description"] or "") if s["selected"] else "")
    bc = next((s for s in selected if s["service"] == "benefits_counseling"), None)
    if bc:
        sourced = bool(bc.get("wipa_referral") or bc.get("certified_counselor"))
        assert bool(re.search(r"wipa|certified|cwic", services)) == sourced
