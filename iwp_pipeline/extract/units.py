"""A Layout as an ordered list of text units, with headings and labels recognised.

A unit is the smallest piece of text that can be a label or a value: a PDF line segment, a
Word paragraph or table cell, or a PDF form field (whose value is its text). Units are in
reading order; for PDFs fields are slotted into the page text by position.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from iwp_pipeline.extract.layout import BLANK_WORDS, CHECKED, UNCHECKED, FormField, Layout, Line, Rule, Segment
from iwp_pipeline.model import Location
from iwp_pipeline.reference import EN_WORD, with_nouns
from iwp_pipeline.resources import load_json_data
from iwp_pipeline.values import parse_date

_LEAD = re.compile(r"^\s*(?:\[[x ]\]\s*)?(?:(?:\(?[0-9]{1,2}[a-z]?[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)]"
                   r"|[•·▪■◦\-–*▸►➤])\s+"
                   r"|[0-9]{1,2}\.[0-9]{1,2}\.?\s+(?=(?-i:[A-Z])))?", re.I)
"""Numbering, bullets and a checkbox before a label: '3.', '1a.', '(ii)', '7.1 ', '•', '[x]'."""
_CHECK = re.compile(r"\[(x| )\]")


@dataclass(slots=True)
class Unit:
    """One label-or-value piece of text."""

    text: str
    order: int
    page: int | None = None
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    line: int = 0
    seg: int = 0
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    part: str = "body"
    heading_hint: bool = False
    field: FormField | None = None
    section: str | None = None
    """The section the unit belongs to (set by :func:`assign_sections`)."""
    heading: str | None = None
    """The section this unit starts, when it is a heading."""
    label: LabelMatch | None = None
    field_label: tuple[str, str] | None | bool = False
    """For a form field: its (label key, hint text), None when unknown; False until computed."""
    size: float | None = None
    """Font size of the unit's line (PDF), when known."""
    sub: int | None = None
    """For a Word table cell cut into its lines (stacked labels and values): the line's number."""
    mark_cell: bool = False
    """A mark alone in a table cell or under a mark column ('X', '✓'), read as a checkbox."""
    party: str | None = None
    """For a part's title whose words name no party: the party the part is about, when known."""

    @property
    def location(self) -> Location:
        """Where the unit is, for provenance and findings."""
        return Location(
            page=self.page,
            field=self.field.name if self.field else None,
            paragraph=self.paragraph,
            table=self.table,
            row=self.row,
            cell=self.cell,
            part=self.part if self.part != "body" else None,
        )

    @property
    def checked(self) -> bool | None:
        """The state of the first checkbox in the unit (or of a checkbox field)."""
        if self.field is not None and self.field.kind == "checkbox":
            return bool(self.field.checked)
        m = _CHECK.search(self.text)
        return None if m is None else m.group(1) == "x"


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """A unit that starts with a known label."""

    key: str
    rest: str
    """The text after the label and its punctuation: an inline value, or empty."""


_learned_person: tuple[str, ...] = ()
"""Words this document uses for the person, learned from it (``person_nouns``)."""
_noun_listeners: list[Callable[[], None]] = []


def on_nouns_changed(clear: Callable[[], None]) -> None:
    """Register a cache to clear when the document's learned nouns change."""
    _noun_listeners.append(clear)


@contextmanager
def person_nouns(words: Sequence[str]) -> Iterator[None]:
    """Read with ``words`` (learned from the document) as more words for the person."""
    global _learned_person
    before = _learned_person
    _set_learned(tuple(words))
    try:
        yield
    finally:
        _set_learned(before)


def learned_person_nouns() -> tuple[str, ...]:
    """The words for the person learned from the document being read (see :func:`person_nouns`)."""
    return _learned_person


def _set_learned(words: tuple[str, ...]) -> None:
    global _learned_person
    if words != _learned_person:
        _learned_person = words
        for clear in _noun_listeners:
            clear()


_PERSON_CUE = re.compile(
    r"\b([A-Za-z][a-z]{2,20})(?:'s|’s)?[ \t]+(?:\([^)\n]{0,30}\)[ \t]+)?(?:full[ \t]+|legal[ \t]+|printed[ \t]+)?"
    r"(?:name|(?:e-?)?signature|(?P<strong>social security|ssn\b|ss ?#|date of birth))"
    r"|\bname of (?:the )?([A-Za-z][a-z]{2,20})\b"
    r"|\b([A-Za-z][a-z]{2,20})(?:'s|’s)?[ \t]+(?P<plan>individual work plan|iwp\b|statement\b|acknowledge?ment\b"
    r"|declaration\b)", re.I)
"""On one line: 'Claimant name', 'Member's signature', 'Talent SSN', 'the Talent's Individual Work Plan'."""


_ABBREVIATED_TITLE = re.compile(r"((?:[A-Z][a-z]+\s+){1,4})\(([A-Z]{2,5})\)")
"""A title and its abbreviation in brackets: 'Employment Support Professional (ESP)'."""
_SERVICE_GIVER = re.compile(r"\b(?:[Tt]he|[Yy]our|[Oo]ur)\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]{2,20})\s+will\s+"
                            r"(?:do|arrange|provide|deliver|help|assist|refer|coach|support|make (?:\S+ )?contact"
                            r"|contact|meet with you|call you|reach you|keep in touch|stay in touch)\b")
"""'What the Guide will do', 'the Liaison will arrange': the one who gives the services (staff)."""
_ANYONE = frozenset({"user", "person"})
"""Words for anyone, never the person's alone, that a word before them makes the person's
('Service User', 'Focus Person')."""
_TITLE_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(]))([A-Z][a-z]{2,20})[ \t]+$", re.M)
"""A capitalised word right before another: 'Service' in 'Service User name'."""
_CUE_WORDS = re.compile(r"name|signature|social security|ssn|ss ?#|date of birth|work plan|iwp|statement|acknowledg"
                        r"|declaration", re.I)


@lru_cache(maxsize=1)
def _noun_rules() -> tuple[frozenset[str], re.Pattern[str]]:
    """Words that are never the person's, and the person's words the vocabulary already has."""
    raw = load_json_data("vocabulary.json")["nouns"]
    return frozenset(raw["not_person"]), re.compile(rf"^(?:{'|'.join(raw['person'])})$", re.I)


def learn_person_nouns(texts: Iterable[str], limit: int = 2) -> tuple[str, ...]:
    """Words a document uses for the person that the vocabulary does not know.

    'Claimant name', 'Member's signature', 'Name of the enrollee': a word used at least twice
    right before the person's name, signature or Social Security number, and not a word for
    someone else (``nouns.not_person``) or one the vocabulary already has.
    """
    stop, known = _noun_rules()
    counts: Counter[str] = Counter()
    texts = list(texts)
    # 'Employment Support Professional (ESP)': an abbreviation of a staff title is the staff's word
    staff = {m[2].lower() for t in texts for m in _ABBREVIATED_TITLE.finditer(t)
             if any(w.lower() in stop for w in m[1].split())}
    # 'What the Guide will do': who gives the services is staff, not the person
    staff |= {m[1].lower() for t in texts if " will " in t for m in _SERVICE_GIVER.finditer(t)}
    cued = [t for t in texts if _CUE_WORDS.search(t)]  # the cue's words first: most text has none
    joined = "\n".join(cued)
    for m in _PERSON_CUE.finditer(joined):
        written = m[1] or m[3] or m[4]
        word = written.lower()
        if not written[0].isupper():
            continue  # a party's word is written as a name is ('Veteran', 'MEMBER'), not 'which'
        if word in _ANYONE and m[1] and (before := _TITLE_WORD_BEFORE.search(joined, 0, m.start(1))) \
                and before[1].lower() not in stop:
            word = f"{before[1]} {written}".lower()  # 'Service User name': a word for anyone made the person's
        if word not in stop and word not in staff and not known.match(word):
            counts[word] += 2 if m["strong"] or m["plan"] else 1  # an SSN or the plan itself is the person's
    learned = [w for w, n in counts.most_common(limit) if n >= 2]
    quoted = [t for t in texts if "“" in t or '"' in t or "‘" in t]
    defined = [t for t in texts if "(" in t or t in quoted] if quoted else []  # (a term may wrap: '(the' / '“Ticket')
    for m in _DEFINED_PARTY.finditer(" ".join(defined)):
        # 'the individual named in Clause 1.1 (the “Ticket User”) and the Employment Network named in
        # Clause 1.5 (the “Contractor”)': a contract's own names for its parties
        word, party = m["term"].lower(), _defined_party(m["before"])
        if party == "en" and not known.match(word):
            learned.append(EN_WORD + word)
        elif party == "ticketholder" and word not in learned and word not in stop and not known.match(word):
            learned.append(word)
    return tuple(dict.fromkeys(learned))


_DEFINED_PARTY = re.compile(r"(?P<before>[^()\n]{0,100})\(\s*(?:the\s+|hereinafter(?:\s+called)?\s+(?:the\s+)?)?"
                            r"[“\"‘](?P<term>[A-Z][A-Za-z\-]{2,20}(?: [A-Z][A-Za-z\-]{2,20})?)[”\"’]\)")
"""A defined term in brackets: '... the Employment Network named in Clause 1.5 (the “Contractor”)'."""
_PARTY_KINDS = re.compile(r"\b(?P<en>employment network|EN|provider|organi[sz]ation|agency)\b"
                          r"|\b(?P<person>individual|person|beneficiary|ticket ?holder|claimant|participant)\b", re.I)


def _defined_party(before: str) -> str | None:
    """Whose defined term follows ``before``: the party its nearest party word names, or None."""
    kinds = list(_PARTY_KINDS.finditer(before))
    return None if not kinds else "en" if kinds[-1]["en"] else "ticketholder"


@lru_cache(maxsize=4)
def _cues(kind: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """Word stems of ``service_cues`` or ``section_cues`` (vocabulary.json), compiled."""
    raw = load_json_data("vocabulary.json")[kind]
    return {k: tuple(re.compile(rf"\b{re.escape(stem)}", re.I) for stem in v)
            for k, v in raw.items() if k != "description"}


def cue_scores(kind: str, text: str) -> dict[str, int]:
    """For each key of ``service_cues`` or ``section_cues``: how many of its stems ``text`` holds."""
    return {key: sum(bool(p.search(text)) for p in stems) for key, stems in _cues(kind).items()}


def by_cues(kind: str, text: str) -> str | None:
    """The key whose stems ``text`` holds most of (``service_cues`` or ``section_cues``); a tie is None."""
    scores = sorted(((n, key) for key, n in cue_scores(kind, text).items()), reverse=True)
    return scores[0][1] if scores[0][0] > 0 and scores[0][0] > scores[1][0] else None


def service_by_cues(name: str) -> str | None:
    """The service a short name is about by its word stems, when no service pattern matched.

    The service with the most stems in ``name`` wins; a tie, or no stem, is no answer.
    """
    return by_cues("service_cues", name) if len(name.split()) <= 8 else None


def vocabulary() -> dict[str, Any]:
    """The label vocabulary (``data/vocabulary.json``), compiled, with this document's learned nouns."""
    return _vocabulary(_learned_person)


@lru_cache(maxsize=16)
def _vocabulary(learned: tuple[str, ...]) -> dict[str, Any]:
    raw = load_json_data("vocabulary.json")
    def expand_all(value: Any) -> Any:
        if isinstance(value, str):
            return with_nouns(value, learned)
        if isinstance(value, list):
            return [expand_all(v) for v in value]
        if isinstance(value, dict):
            return {k: expand_all(v) for k, v in value.items()}
        return value

    raw = {k: expand_all(v) for k, v in raw.items() if k not in ("description", "form_fields", "nouns")}

    def comp(patterns: list[str], anchored: bool = False) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(("^" if anchored else "") + p, re.I) for p in patterns)

    party_words = "|".join(raw["parties"]["en"] + raw["parties"]["ticketholder"] + raw["parties"]["alternate"])
    # 'Customer', 'EN staff', 'Vendor (EN)', 'Ticketholder's authorized representative': whose the label is.
    owner = (rf"(?:(?:the\s+)?(?:{party_words})(?:'s)?\s*(?:(?:{party_words})(?:'s)?,?\s+)?(?:\([^)]{{0,40}}\)\s*)?"
             r"(?:(?:or\s+)?(?:authorized\s+)?representative(?:'s)?\s+|rep\.?\s+)?)?")
    labels = {}
    anywhere: dict[str, re.Pattern[str]] = {}
    for key, patterns in raw["labels"].items():
        prefix = owner if key.startswith("generic.") else ""
        # One alternation per key; the longest of its alternatives is wanted, so try longer first.
        alternatives = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
        labels[key] = (re.compile(f"^{prefix}(?:{alternatives})", re.I),)
        if prefix:  # a quick test first: the label's own words must be somewhere in the text
            anywhere[key] = re.compile(f"(?:{alternatives})", re.I)
    # One test for 'does any label start here': the owner prefix once, before all the generic labels.
    generic = "|".join(f"(?:{p})" for key, patterns in raw["labels"].items() if key.startswith("generic.")
                       for p in patterns)
    specific = "|".join(f"(?:{p})" for key, patterns in raw["labels"].items() if not key.startswith("generic.")
                        for p in patterns)
    return {
        "any_label": re.compile(f"^(?:{owner}(?:{generic})|(?:{specific}))", re.I),
        "parties": {k: comp(v) for k, v in raw["parties"].items()},
        "party_any": {k: re.compile("|".join(f"(?:{p})" for p in v), re.I) for k, v in raw["parties"].items()},
        "sections": {k: comp(v) for k, v in raw["sections"].items()},
        "labels": labels,
        "label_words": anywhere,
        "party_suffix": re.compile(
            rf"^(?:\s*\((?:[^)]{{0,40}})\))?(?:\s*(?:of|by|for)\s+(?:the\s+)?(?:{party_words})(?:'s)?"
            rf"(?:\s+(?:{party_words})(?:'s)?)?(?:\s+(?:member|person|worker))?"  # 'of EN staff member'
            r"(?:\s+(?:or\s+)?(?:representative|rep\.?))?(?:\s*\([^)]{0,40}\))?)?(?:\s+by\b)?", re.I),
        # 'Designated Representative of the Contractor — Dana Whitfield': someone of the EN's, by title
        "staff_of_en": re.compile(rf"^(?:[A-Z][a-z]+\s+){{0,2}}[A-Z][a-z]+\s+of\s+(?:the|its)\s+"
                                  rf"(?:{raw['parties']['en'][0]})"
                                  r"\s*(?:[:—–]\s*(?P<value>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}))?\s*$"),
        "services": {k: comp(v) for k, v in raw["services"].items()},
        "modalities": {k: comp(v) for k, v in raw["modalities"].items()},
        "no_work_history": comp(raw["no_work_history"]),
        "wipa_referral": comp(raw["wipa_referral"]),
        "certified_counselor": comp(raw["certified_counselor"]),
        "staff_caption": re.compile(
            r"^(?!(?:what|how|who|when|where|why|the|our|your|my|his|her|their|this|each|every)\b)"
            r"(?:[A-Za-z&]+\s+){0,3}(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                              for w in raw["staff_titles"]["words"])
            + r")(?:['’]s)?(?:\s+name)?\s*(?::\s*(?P<value>\S.*))?$", re.I | re.S),
    }


def any_match(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """The first match of any pattern in ``text``."""
    for p in patterns:
        m = p.search(text)
        if m:
            return m
    return None


def strip_lead(text: str) -> str:
    """Text without leading numbering, bullets and checkbox tokens."""
    return _LEAD.sub("", text, count=1)


def build_units(layout: Layout) -> list[Unit]:
    """The layout's lines (split into segments) and fields, in reading order."""
    units: list[Unit] = []
    body = _body_size(layout)
    under = layout.kind == "docx" and _captions_under_values(layout.lines)
    stacked = _stacked_pairs(layout.lines)
    filled_in, read_in_paragraph = _filled_in_paragraphs(layout.lines)
    for li, line in enumerate(layout.lines):
        if li in stacked:
            units.extend(stacked[li])
            continue
        if li in read_in_paragraph:
            continue
        if li in filled_in:  # a PDF paragraph written as a form to fill in, read as its pairs
            x0, top, x1, bottom = line.bbox or (None, None, None, None)
            units.extend(Unit(piece, 0, x0=x0, x1=x1, top=top, bottom=bottom, seg=si, page=line.page, line=li,
                              part=line.part, size=line.size) for si, piece in enumerate(filled_in[li]))
            continue
        hint = line.bold or bool(line.style and re.match(r"(heading|title)", line.style, re.I)) or (
            body is not None and line.size is not None and line.size >= body + LARGER_TYPE
            and len(line.text.split()) <= 12)
        base = dict(page=line.page, line=li, paragraph=line.paragraph, table=line.table, row=line.row,
                    cell=line.cell, part=line.part, heading_hint=hint, size=line.size)
        top = line.bbox[1] if line.bbox else None
        bottom = line.bbox[3] if line.bbox else None
        if _glosses(line, layout.lines[li - 1] if li else None):
            continue  # a line of translations under the labels ('Nombre del trabajador' under 'Farmworker's name')
        if len(line.segments) > 1:
            for si in _labels_first(line.segments):
                seg = line.segments[si]
                if text := _without_leaders(seg.text):
                    own = dict(base, size=seg.size or line.size, heading_hint=hint or seg.bold)
                    units.append(Unit(text, 0, x0=seg.x0, x1=seg.x1,
                                      top=seg.top if seg.top is not None else top,
                                      bottom=seg.bottom if seg.bottom is not None else bottom,
                                      seg=si, **own))  # type: ignore[arg-type]
        elif line.blanks and (filled := _fill_in_pieces(line.text, line.blanks)):
            for si, piece in enumerate(filled):
                units.append(Unit(piece, 0, seg=si, **base))  # type: ignore[arg-type]
        elif (text := _without_leaders(line.text)) and line.bbox is None and line.part != "form":
            pieces = _word_pieces(text, line.table is not None, under)
            if line.title_bold and "\n" in text and len(pieces) == 1:  # a cell's bold title over one more line
                title, rest = (part.strip() for part in text.split("\n", 1))
                pieces = [(title, 0), *((piece, 1 + (sub or 0)) for piece, sub in _word_pieces(rest, True, under))]
            for si, (piece, sub) in enumerate(pieces):
                # the cell's title, unless it names a signer or is a caption ('CAREER SEEKER (OR REPRESENTATIVE)')
                title = line.title_bold and sub == 0 and party_of(piece) is None and match_label(piece) is None
                own = dict(base, heading_hint=True) if title else base
                units.append(Unit(piece, 0, seg=si, sub=sub, **own))  # type: ignore[arg-type]
        elif text:
            x0 = line.bbox[0] if line.bbox else None
            x1 = line.bbox[2] if line.bbox else None
            for si, (start, piece) in enumerate(_dashed_pairs(text)):
                # pieces of a line of pairs set apart by dashes, placed along the line by their letters
                at = None if x0 is None or x1 is None else x0 + (x1 - x0) * start / len(text)
                units.append(Unit(piece, 0, x0=at, x1=x1, top=top, bottom=bottom, seg=si if si else None,
                                  **base))  # type: ignore[arg-type]
    if layout.kind != "docx":
        # a line that opens with a label run out to its value by dot leaders starts a row of its own
        leader_lines = {(line.page, li) for li, line in enumerate(layout.lines)
                        if _LEADERS.search(line.segments[0].text if line.segments else line.text)}
        units = _join_wrapped_cells(units, layout.rules, leader_lines)
        if not layout.fields:  # a fillable form's printed text is its labels, set where its fields are
            units = _prose_columns(units)
    units = _party_matrices(_run_in_pairs(_questions_and_answers(_without_help_column(units))))
    for f in layout.fields:
        units.append(_field_unit(f))
    if layout.fields:
        # Text units sort by their line's top, not their segment's: segments of one line may differ
        # in height (a small "1." before its term), and must stay in line order among the fields.
        line_top = {i: line.bbox[1] for i, line in enumerate(layout.lines) if line.bbox}

        def position(u: Unit) -> tuple[int, int, float]:
            top = u.top if u.field is not None else line_top.get(u.line, u.top)
            return (u.page or 0, round((top or 0) / 3), u.x0 or 0)

        units.sort(key=position)
    for i, u in enumerate(units):
        u.order = i
    _lone_dots(units)
    _legend_marks(units)
    _mark_cells(units)
    return units


_LEGEND = re.compile(r"^\s*(?P<a>[^\w\s\[\]()])\s*=\s*(?P<ma>[^=]+?)\s+(?P<b>[^\w\s\[\]()])\s*=\s*(?P<mb>[^=]+?)\s*$")
"""A key to two marks: '◆ = provided under this plan   ◇ = not in this plan'."""
_WORD_LEGEND = re.compile(r"^(?:[A-Za-z ]{1,20}:\s*)?(?P<a>[^=;.:]{1,20}?)\s*=\s*(?P<ma>[^=;]+?)\s*[;.·|]\s+"
                          r"(?P<b>[^=;.:]{1,20}?)\s*=\s*(?P<mb>[^=;]+?)\.?\s*$")
"""A key to two status words: 'Status: PLANNED = to be provided under this plan; N/A = not part of this plan.'"""
LEGEND_REACH = 80
"""Most units after a key line of status words that it explains."""
_NEGATIVE = re.compile(r"\b(?:not|no|none|declined|excluded|omitted|inactive)\b", re.I)


def _legend_marks(units: list[Unit]) -> None:
    """Marks a key line explains ('◆ = provided ... ◇ = not in this plan') as ticked and empty boxes.

    The mark whose meaning is negative is the empty box, the other the ticked one; a line that
    starts with either is a checklist line. Status words explained the same way ('PLANNED = to be
    provided ...; N/A = not part of this plan') mark the lines that start with them in the
    ``LEGEND_REACH`` units after the key.
    """
    for k, u in enumerate(units):
        m = None if u.field is not None or "=" not in u.text else _LEGEND.match(u.text) or _WORD_LEGEND.match(u.text)
        if m is None or m["a"] == m["b"]:
            continue
        empty_a, empty_b = bool(_NEGATIVE.search(m["ma"])), bool(_NEGATIVE.search(m["mb"]))
        if empty_a == empty_b:
            continue
        boxes = {m["a"]: UNCHECKED if empty_a else CHECKED, m["b"]: UNCHECKED if empty_b else CHECKED}
        if m.re is _LEGEND:
            for other in units:
                if other is not u and other.field is None and other.text[:1] in boxes:
                    other.text = f"{boxes[other.text[0]]} {other.text[1:].lstrip()}"
            return
        for other in units[k + 1:k + 1 + LEGEND_REACH]:
            word = next((w for w in sorted(boxes, key=len, reverse=True)
                         if other.text == w or other.text.startswith(w + " ")), None)
            if other.field is None and word is not None:
                other.text = f"{boxes[word]} {other.text[len(word):].lstrip()}".rstrip()
        return


STACKED_LABELS = 2
"""Known labels a Word cell of stacked labels must hold for the cell beside it to be read line against line."""


def _stacked_pairs(lines: Sequence[Line]) -> dict[int, list[Unit]]:
    """Word cells of stacked labels beside a cell of stacked values, read line against line.

    'Guest's name / Social Security no. / Phone' in one cell and 'Kevin T. Brandt / 901-44-1234 /
    555-880-3131' in the next: each label is followed by the value on its line, an empty
    paragraph being a blank. Both cells must have as many paragraphs, the labels none empty and
    none with a value of its own, and at least ``STACKED_LABELS`` of them known, or all of them
    short captions with no figures of which one is known or opens with 'Date' ('Date we sat
    down / Way we met') beside a cell with no label in it. The answer gives
    the units of the label cell's line (by its index); the value cell's line gives none.
    """
    out: dict[int, list[Unit]] = {}
    for li, (left, right) in enumerate(zip(lines, lines[1:], strict=False)):
        if left.table is None or not left.paragraphs or len(left.paragraphs) != len(right.paragraphs) \
                or (right.table, right.row, right.part) != (left.table, left.row, left.part) \
                or right.cell != (left.cell or 0) + 1 or not all(p.strip() for p in left.paragraphs):
            continue
        hits = [match_label(p) for p in left.paragraphs]
        if any(hit is not None and hit.rest for hit in hits):
            continue  # 'Full name: Kevin T. Brandt' over 'Cell phone: ...': pairs of their own, no labels alone
        captions = all(len(p.split()) <= 6 and not re.search(r"\d|[.:]\s*$", p) for p in left.paragraphs)
        if sum(hit is not None for hit in hits) < STACKED_LABELS and not (
                captions and any(hit is not None or re.match(r"\s*date\b", p, re.I) for hit, p in zip(
                    hits, left.paragraphs, strict=True))
                and not any(match_label(p) for p in right.paragraphs if p.strip())):
            continue  # (a cell of a label over its value beside another such cell is no stack of labels)
        base = dict(page=left.page, line=li, paragraph=left.paragraph, table=left.table, row=left.row,
                    part=left.part, size=left.size)
        units: list[Unit] = []
        for label, value in zip(left.paragraphs, right.paragraphs, strict=True):
            units.append(Unit(label, 0, cell=left.cell, heading_hint=left.bold, **base))  # type: ignore[arg-type]
            if value.strip():
                units.append(Unit(value, 0, cell=right.cell, **dict(base, line=li + 1)))  # type: ignore[arg-type]
        out[li] = units
        out[li + 1] = []
    return out


def _lone_dots(units: list[Unit]) -> None:
    """A '●' alone in its cell or segment, in a document whose other boxes are '[ ]', is a ticked box."""
    if any(u.field is None and u.text.strip() == UNCHECKED for u in units):
        for u in units:
            if u.field is None and u.text.strip() == "●":
                u.text = CHECKED


PROSE_COLUMN_CHARS = 30
"""Least mean length of the lines on each side of a gutter for the two sides to be running text."""
_PROSE_COLUMN_LINES = 4
PROSE_GAP = 2.0
"""Line heights of vertical gap between two lines that end a run of columns ('SIGNATURES' below them)."""
GUTTER = 6.0
"""Points of clearance a line keeps from the gutter between two columns of running text."""


def _prose_columns(units: list[Unit]) -> list[Unit]:
    """Running text set in two columns on a PDF page, read down the left column, then the right.

    On each page, the longest run of lines (top to bottom) that none crosses a vertical gutter,
    with at least four lines of running text on each side, is re-ordered column by column: the
    columns of an agreement page, whose lines need not share baselines ('balanced' columns), and
    whose right column may start a new part beside the left one's last lines. Rows of short
    labels and values beside each other are no running text and keep their order.
    """
    out: list[Unit] = []
    start = 0
    while start < len(units):
        end = start
        while end < len(units) and units[end].page == units[start].page:
            end += 1
        out += _page_columns(units[start:end])
        start = end
    return out


def _page_columns(page: list[Unit]) -> list[Unit]:
    placed = [u for u in page if u.x0 is not None and u.x1 is not None and u.top is not None]
    if len(placed) != len(page) or len(page) < 2 * _PROSE_COLUMN_LINES:
        return page
    running = [u for u in page if len(u.text) >= PROSE_COLUMN_CHARS]
    if len(running) < 2 * _PROSE_COLUMN_LINES - 2:
        return page  # too little running text on the page for two columns of it
    heights = sorted((u.bottom or 0) - (u.top or 0) for u in page)
    most_gap = PROSE_GAP * heights[len(heights) // 2]  # a wider gap between lines ends the columns

    def continues(k: int, gutter: float) -> bool:
        u = page[k]
        return ((u.x1 or 0) <= gutter or (u.x0 or 0) >= gutter) and (
            k == 0 or (u.top or 0) - (page[k - 1].top or 0) <= most_gap)

    best: tuple[int, int, int, float] | None = None  # (size, start, end, gutter)
    for x in sorted({round(u.x0 or 0) for u in running} - {round(min(u.x0 or 0 for u in page))}):
        gutter = x - GUTTER
        i = 0
        while i < len(page):
            j = i
            while j < len(page) and (j == i or continues(j, gutter)) and (
                    (page[j].x1 or 0) <= gutter or (page[j].x0 or 0) >= gutter):
                j += 1
            if j - i >= 2 * _PROSE_COLUMN_LINES and (best is None or j - i > best[0]):
                band = page[i:j]
                left = [u for u in band if (u.x0 or 0) < gutter]
                right = [u for u in band if (u.x0 or 0) >= gutter]
                if all(len(side) >= _PROSE_COLUMN_LINES
                       and sum(len(u.text) for u in side) / len(side) >= PROSE_COLUMN_CHARS for side in (left, right)):
                    best = (j - i, i, j, gutter)
            i = max(j, i + 1)
    if best is None:
        return page
    _, i, j, gutter = best
    band = page[i:j]
    left = [u for u in band if (u.x0 or 0) < gutter]
    right = [u for u in band if (u.x0 or 0) >= gutter]
    return page[:i] + left + right + page[j:]


LARGER_TYPE = 1.5
"""Points above the body text's size from which a short line is set apart as a heading."""
_LEADERS = re.compile(r"[ \t]*(?:[.·…][ \t]?){4,}[ \t]*")


def _without_leaders(text: str) -> str:
    """The text without dot leaders ('EN PID no. ........ EN-104233'): a gap between label and value."""
    return _LEADERS.sub("   ", text).strip()


def _body_size(layout: Layout) -> float | None:
    """The font size most of the document's text is set in, when sizes are known."""
    counts: dict[float, int] = {}
    for line in layout.lines:
        if line.size:
            size = round(line.size * 2) / 2
            counts[size] = counts.get(size, 0) + len(line.text)
    return max(counts, key=lambda k: counts[k]) if counts else None


_CAPTIONED = re.compile(r"^[A-Z][^:\n]{0,40}:")
"""Text that opens with a short caption and a colon ('EN Representative: ...')."""
_INLINE_LABEL = re.compile(r"(?<=\S)\s+(?:[—–|]\s+)?(?=[A-Z][^:\n—–]{0,40}:)")
INLINE_VALUE_WORDS = 12
"""Longest text (words) before a second label in one Word paragraph ('Signature: ... Date: ...')."""


_SENTENCE_BREAK = re.compile(r"(?<![Nn]o\.)(?<=[.!?;:])\s+(?=[A-Z(])")
_BLANK_LEAD_OUT = re.compile(r"^(?:[\s,;:.)(]+|(?:and|or|but|then)\s+|(?:the|a|an)\s+)", re.I)
_BLANK_TAIL_OUT = re.compile(r"(?:\s+|^)(?:is|are|was|were|on|at|for|of|by|to|as|from|in|with|dated|reached)\s*$"
                             r"|\s*[:(]\s*$", re.I)
_JOB_WORDS = re.compile(r"\b(?:worked|employed|work as|to work)\b", re.I)
"""A sentence about a job held or wanted: the job and goal readers take it as a sentence."""


LABEL_AFTER_SIZE = 2.0
"""Points by which a label printed after its value (at the right of the line it is written on) is smaller."""


def _labels_first(segments: Sequence[Segment]) -> list[int]:
    """The order to read a PDF line's pieces in: a value followed by its label in small type, label first.

    ('Maria L. Gonzalez ........ Plan holder's name': a form filled in on lines whose names are printed
    small at their right.) Every second piece is at least ``LABEL_AFTER_SIZE`` points smaller than the
    piece before it, and one of them at least is a known label; otherwise the line reads as it stands.
    """
    order = list(range(len(segments)))
    if len(segments) % 2 or not all(
            (a.size or 0) - (b.size or 0) >= LABEL_AFTER_SIZE for a, b in zip(segments[::2], segments[1::2],
                                                                             strict=True)):
        return order
    if not any(match_label(b.text) is not None for b in segments[1::2]):
        return order
    return [k for pair in zip(order[1::2], order[::2], strict=True) for k in pair]


def _glosses(line: Line, above: Line | None) -> bool:
    """A PDF line that glosses the labels over it: each piece in italics under a bold label at the same edge.

    Under a label a little larger than it, not in capitals (not a part's title), with the label's figures
    and no others ('Empleo 1: patrón' under 'Job 1: employer'; a date in italics is a value).
    """
    if above is None or line.page != above.page or not line.segments or not all(s.italic for s in line.segments):
        return False
    labels = [seg for seg in above.segments if seg.bold and not seg.italic and seg.x0 is not None]
    return all(not seg.bold and seg.x0 is not None and "/s/" not in seg.text and any(
        abs(seg.x0 - (lab.x0 or 0)) <= GLOSS_EDGE and 0 < (lab.size or 0) - (seg.size or 0) <= GLOSS_SIZE
        and _capitals(lab.text)[1] < 1
        and re.findall(r"\d+", seg.text) == re.findall(r"\d+", lab.text) for lab in labels)
        for seg in line.segments)


GLOSS_EDGE = 3.0
"""Most points between the left edges of a label and the translation printed under it."""
GLOSS_SIZE = 0.75
"""Most points by which such a label is larger than its translation (a value is set no smaller than its label)."""


def _fill_in_pieces(text: str, blanks: tuple[tuple[int, int], ...]) -> list[str] | None:
    """A Word paragraph of printed words with filled-in blanks, as the pairs it holds.

    The words before each blank (the last clause of them, without 'is', 'on', 'at' and the like)
    caption it: 'The Studio (Employment Network) is _Bright Path_, Studio EN provider no. (PID)
    _EN-104233_' gives 'Studio (Employment Network): Bright Path' and 'Studio EN provider no. (PID):
    EN-104233'. A caption that is no label keeps its sentence ('This plan is written for Maria L.
    Gonzalez'), unless its blank holds a date ('on _10 Mar. 2025_': 'Date: 10 Mar. 2025'); a blank
    with no words before it is its value alone ('face to face at the Studio'). Only a paragraph
    with at least one caption that is a label (or a dated blank), and not a sentence about a job,
    is read this way.
    """
    if _JOB_WORDS.search(text):
        return None
    pieces: list[str] = []
    labelled = 0
    prev = 0
    for start, end in blanks:
        before, value = text[prev:start], text[start:end]
        caption = _blank_caption(before)
        if caption and _is_caption(caption):
            labelled += 1
            pieces.append(f"{caption}: {value}")
        elif value and parse_date(value) is not None and not re.search(r"\d", caption):
            labelled += 1
            pieces.append(f"Date: {value}")
        elif caption:
            pieces.append(f"{_BLANK_LEAD_OUT.sub('', _SENTENCE_BREAK.split(before)[-1]).strip()} {value}".strip())
        elif value:
            pieces.append(value)
        prev = end
    return pieces if labelled else None


PARAGRAPH_LINES = 8
"""Most PDF lines of one paragraph written as a form to fill in."""


def _filled_in_paragraphs(lines: Sequence[Line]) -> tuple[dict[int, list[str]], set[int]]:
    """PDF paragraphs with underlined blanks inside their printed words, read as pairs (``_fill_in_pieces``).

    A paragraph: lines of one piece each, each just under the one before and starting where the
    first starts. Its blanks qualify as a Word paragraph's do: printed words before the first, at
    most ``BLANK_WORDS`` words in each. Answers the pieces by the paragraph's first line, and the
    other lines read with it.
    """
    pieces: dict[int, list[str]] = {}
    taken: set[int] = set()
    if not any(line.blanks and line.bbox is not None for line in lines):
        return pieces, taken
    i = 0
    while i < len(lines):
        first = lines[i]
        if first.bbox is None or len(first.segments) > 1 or first.part == "form":
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and j + 1 - i < PARAGRAPH_LINES and _next_in_paragraph(lines[j], lines[j + 1], first):
            j += 1
        group = lines[i:j + 1]
        if any(line.blanks for line in group):
            text, spans = "", []
            for line in group:
                start = len(text) + (1 if text else 0)
                text = f"{text} {line.text}" if text else line.text
                for a, b in line.blanks:
                    if spans and not text[spans[-1][1]:a + start].strip():
                        spans[-1] = (spans[-1][0], b + start)  # a blank carried on to the next line
                    else:
                        spans.append((a + start, b + start))
            if spans and re.search(r"[A-Za-z]", text[:spans[0][0]]) \
                    and all(len(text[a:b].split()) <= BLANK_WORDS for a, b in spans) \
                    and (found := _fill_in_pieces(text, tuple(spans))):
                pieces[i] = found
                taken.update(range(i + 1, j + 1))
        i = j + 1
    return pieces, taken


def _next_in_paragraph(prev: Line, nxt: Line, first: Line) -> bool:
    """``nxt`` carries on ``prev``'s paragraph on a PDF page: one piece, just under it, from the same margin."""
    if prev.bbox is None or nxt.bbox is None or first.bbox is None or nxt.page != prev.page \
            or len(nxt.segments) > 1 or nxt.part != prev.part:
        return False
    height = nxt.bbox[3] - nxt.bbox[1]
    return abs(nxt.bbox[0] - first.bbox[0]) <= 3 and 0 <= nxt.bbox[1] - prev.bbox[3] <= 0.8 * height \
        and nxt.size == prev.size and nxt.bold == prev.bold  # not a title over the paragraph


def _blank_caption(before: str) -> str:
    """The words that caption a blank: the last clause before it, without its joining words."""
    text = _SENTENCE_BREAK.split(before)[-1]
    depth, cut = 0, 0
    for i, c in enumerate(text):  # the last clause, at a comma outside brackets
        depth += (c == "(") - (c == ")")
        if c == "," and depth == 0:
            cut = i + 1
    text = text[cut:].strip()
    for _ in range(3):
        text = _BLANK_TAIL_OUT.sub("", _BLANK_LEAD_OUT.sub("", text)).strip()
    return text


def _is_caption(caption: str) -> bool:
    """A caption a label reads wholly, also without a party's possessive ('Artist's Social Security number')."""
    for text in (caption, re.sub(r"^[A-Za-z]+['’]s\s+", "", caption)):
        m = match_label(text + ":")
        if m is not None and not m.rest:
            return True
    return False


_SSN_VALUE = re.compile(r"^\s*(?:\d{3}-\d{2}-\d{4}|X{3}-X{2}-\d{4}|\*{3}-\*{2}-\d{4})\s*$", re.I)


def _party_matrices(units: list[Unit]) -> list[Unit]:
    """Word tables of both parties' particulars side by side, read as each party's pairs.

    A table whose top row leaves its first cell empty and heads two or more columns, one of them
    the EN ('Program (Employment Network)') and another a short word for the person ('Mature
    Worker'), gives each row's label (its first cell) to both parties: the person's value reads as
    'Ticketholder <label>', the EN's as 'EN <label>'. A row asked of both is each one's own item:
    the person's number is the SSN, the EN's the PID; the person's contact person is the
    alternate contact, the EN's its staff. The header and the row labels, read into the pairs, are
    left out.
    """
    read: set[int] = set()
    rows: dict[tuple[int, str], dict[int, dict[int, Unit]]] = {}
    for u in units:
        if u.field is None and u.table is not None and u.row is not None and u.cell is not None and u.sub is None:
            rows.setdefault((u.table, u.part), {}).setdefault(u.row, {})[u.cell] = u
    for table in rows.values():
        top = min(table)
        header = table[top]
        if 0 in header or len(header) < 2:
            continue
        en = [c for c, u in header.items() if party_of(u.text) == "en"]
        person = [c for c, u in header.items() if c not in en and len(u.text.split()) <= 4
                  and not re.search(r"\d|:", u.text) and party_of(u.text) in (None, "ticketholder")]
        if len(en) != 1 or len(person) != 1:
            continue
        for r, cells in table.items():
            label = cells.get(0)
            if r == top or label is None or len(label.text.split()) > 6 or ":" in label.text:
                continue
            for c, who in ((en[0], "EN"), (person[0], "Ticketholder")):
                value = cells.get(c)
                if value is None or ":" in value.text:
                    continue
                caption = f"{who} {label.text}"
                own = match_label(f"EN {label.text}:")
                if who == "Ticketholder" and _SSN_VALUE.match(value.text):
                    caption = "Ticketholder SSN"
                elif who == "Ticketholder" and own is not None and own.key == "en.contact_person":
                    caption = "Alternate contact"
                value.text = f"{caption}: {value.text}"
                read.add(id(label))
        read.update(id(u) for u in header.values())
    return [u for u in units if id(u) not in read] if read else units


def _capitals(text: str) -> tuple[int, float]:
    """How many letters ``text`` has, and the share of them in capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters), (sum(c.isupper() for c in letters) / len(letters) if letters else 0.0)


_BARE_MARK = re.compile(r"\[[x ]\]")


def _caption_line(line: str) -> bool:
    """A cell's first line that captions the value under it: a known label, or a short line in capitals."""
    hit = match_label(line)
    letters, upper = _capitals(line)
    caps = letters >= 2 and upper == 1.0 and len(line.split()) <= 12 and not any(c.isdigit() for c in line)
    return (hit is not None and not hit.rest) or caps


CELL_ITEMS = 2
"""Items or pairs a Word cell must hold (at least half its lines) before it is read line by line."""
_ITEM_LINE = re.compile(r"^(?:[A-Z][\w'’ ()/,—–-]{0,50}:\s*\S|[☒☐☑✔✘✓✗■□▣◉○●]|\[[ xX✓✔]?\]|\(?\d{1,2}[.)]\s"
                        r"|[•▸▪►–-]\s|[A-Z][a-z]+ \d{1,2}\s*(?:[—–:-]|$))")
"""A line that is an item of a list or a 'Label: value' pair ('Employer: ...', '[x] ...', 'Commitment 1 — ...')."""


def _labelled_at_start(piece: str) -> str | None:
    """'SSN 900-12-3456' as 'SSN: 900-12-3456': a known label, then its value with no colon (None if not)."""
    words = piece.split()
    for k in range(min(6, len(words) - 1), 0, -1):
        hit = match_label(" ".join(words[:k]) + ":")
        if hit is not None and not hit.rest and not hit.key.startswith(CONTEXT_ONLY):
            return " ".join(words[:k]) + ": " + " ".join(words[k:])
    return None


CAPTIONS_UNDER = 3
"""Word cells of a value over its caption a document needs before its cells are read caption first."""


def _captions_under_values(lines: Sequence[Line]) -> bool:
    """Whether a Word document writes each value on a line with its caption under it, in table cells.

    'Maria L. Gonzalez' over "Clubhouse Member's full name", '900-12-3456' over 'Social Security
    number': at least ``CAPTIONS_UNDER`` two-line cells whose second line is a known label and whose
    first is not, and more than twice as many as cells with a label over a value.
    """
    below = above = 0
    for line in lines:
        if line.table is None or line.text.count("\n") != 1:
            continue
        first, second = (part.strip() for part in line.text.split("\n"))
        first_label, second_label = match_label(first), match_label(second)
        if second_label is not None and not second_label.rest and first_label is None:
            below += 1
        elif first_label is not None and not first_label.rest and second_label is None:
            above += 1
    return below >= CAPTIONS_UNDER and below > 2 * above


def _word_pieces(text: str, in_table: bool, under: bool = False) -> list[tuple[str, int | None]]:
    """A Word paragraph or cell as label-or-value pieces, each with its line in the cell (or None).

    A cell whose lines are labels with their values under them (two columns drawn as a table)
    is cut into its lines; a short paragraph holding a second 'Label:' ('Signature: /s/ Ana
    Ruiz    Date: 03/10/2025') into one piece per label.
    """
    if under and in_table and text.count("\n") == 1:
        value, caption = (part.strip() for part in text.split("\n"))
        if caption and match_label(value) is None:  # in a document of values over their captions: caption first
            return [(f"{caption}: {value}" if value else f"{caption}: —", None)]
    if "\n" in text:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if in_table and len(lines) == 2 and (boxed := BOX_NUMBER.match(lines[0])) \
                and len((caption := lines[0][boxed.end():]).split()) <= 14 and not caption.rstrip().endswith("."):
            # '14 Employer 1' over 'Springfield Dental Group': a numbered box's caption over its value; a
            # box holding only a mark ('10 Meeting held: At the centre' over '✔') is that option ticked
            if _BARE_MARK.fullmatch(lines[1]):
                return [(f"{lines[1]} {caption}", None)]
            return [(caption, 0), (lines[1], 1)]
        hits = [match_label(line) for line in lines]
        bare = sum(1 for hit in hits if hit is not None and not hit.rest)
        if in_table and (bare >= 2 or len(lines) == 2 and _caption_line(lines[0]) and not _caption_line(lines[1])):
            return [(line, k) for k, line in enumerate(lines)]  # 'NAME' over 'Kevin T. Brandt' in one cell
        items = sum(bool(_ITEM_LINE.match(line)) for line in lines) if in_table else 0
        if sum(hit is not None for hit in hits) >= 2 or items >= CELL_ITEMS and 2 * items >= len(lines):
            # a text box or a paragraph of 'Label: value' lines, or a part's whole text in one cell
            # ('Employer: ...' / 'Job: ...', '[x] Sorting out your benefits — ...', 'Commitment 1 —
            # ...'): each line read as a paragraph of its own
            return [(piece, k) for k, line in enumerate(lines) for piece, _ in _word_pieces(line, in_table)]
    dotted = re.split(r"\s+·\s+", text) if " · " in text else []
    if len(dotted) > 1 and _labelled_at_start(dotted[0]) and sum(bool(_labelled_at_start(p)) for p in dotted) >= 2:
        # 'SSN 900-12-3456 · Tel. 555-310-7788 · Alternate point of contact Rosa ...': pairs with no colon
        return [(_labelled_at_start(piece) or piece, None) for piece in dotted]
    bars = re.split(r"\s+\|\s+", text)
    if len(bars) > 1 and all(re.match(r"^[^:|]{1,60}:\s*\S", b) for b in bars):
        return [(b, None) for b in bars]  # 'Position: Clerk | From: 01/22 | To: 08/24': pairs in a row
    pieces: list[tuple[str, int | None]] = []
    start = 0
    for gap in _INLINE_LABEL.finditer(text):
        cut = gap.end()
        caption = text[cut:text.index(":", cut) + 1]
        label = match_label(caption) or (  # after a tab, a job's or a goal's column caption too ('Trade:')
            match_label(caption, tuple(vocabulary()["labels"])) if len(gap[0]) >= 3 else None)
        if label is None or label.rest or len(text[start:gap.start()].split()) > INLINE_VALUE_WORDS \
                or not _CAPTIONED.match(strip_lead(text[start:gap.start()])):
            continue
        pieces.append((text[start:gap.start()], None))
        start = cut
    pieces.append((text[start:], None))
    return [(re.sub(r"\s*\|\s*$", "", piece), sub) for piece, sub in pieces]  # 'Name: Kevin |


_RUN_IN_LABEL = re.compile(r"(?:^|;\s+)([A-Za-z][^:;]{1,60}?):\s")
"""'Label: value; Label: value': a label at the start of a text or after a semicolon."""
RUN_IN_PAIRS = 2
"""Known labels a text runs together with semicolons before it is read as separate pairs."""
RUN_IN_LINE_GAP = 4.0
"""Most space between two lines (points) of a wrapped paragraph of pairs, on top of a line's height."""


_HELP_HEAD = re.compile(r"^\s*(?:why we ask|why we need (?:this|it)|help|notes? for you|guidance|tips?|what this means)"
                        r"\s*:?\s*$", re.I)
"""The head of a column of help notes beside a form's rows ('Why we ask'), not of values."""


def _without_help_column(units: list[Unit]) -> list[Unit]:
    """A flat form's right-hand column of help notes under a 'Why we ask' head, left out.

    The notes ('We call this person only if we cannot reach you.') explain the rows beside them;
    read as text they would be taken for the values under the labels. On a page, every unit
    set where the head is (its left edge within a few points), below it, is a note; a head
    repeated over each part starts the column again.
    """
    heads = [u for u in units if u.field is None and u.x0 is not None and u.seg and _HELP_HEAD.match(u.text)]
    if not heads:
        return units
    notes = {id(u) for h in heads for u in units
             if u is h or u.field is None and u.page == h.page and u.x0 is not None and abs(u.x0 - (h.x0 or 0)) <= 4
             and (u.top or 0) >= (h.top or 0) and u.seg}
    return [u for u in units if id(u) not in notes]


_ASKED = re.compile(r"^\s*(?:Q(?:uestion)?\s*\d{0,3}\s*[.:)]|Q\d{1,3}\b)\s*(?=\S)", re.I)
"""A question's mark: 'Q.', 'Q1.', 'Question 3:'."""
_ANSWERED = re.compile(r"^\s*(?:A(?:nswer)?\s*[.:)]|Answer\s*[\-–—])\s*", re.I)
"""An answer's mark: 'A.', 'Answer:'."""
QA_PAIRS = 3
_YES_OR_NO = re.compile(r"^\s*(?:yes|no)\b", re.I)
"""Fewest marked questions with a marked answer right after them for a document to be read as questions and answers."""


def _questions_and_answers(units: list[Unit]) -> list[Unit]:
    """A plan written as marked questions and answers ('Q1. What is your name?' / 'Answer: Maria ...').

    Where at least ``QA_PAIRS`` questions are followed by their marked answer, the marks are taken
    off both: the question (with the lines it wraps onto) is then a label whose value is under it
    (as in a questionnaire, :func:`as_label`), and the answer is the value itself. An answer that
    opens with Yes or No joins its question into one line ('Training: No.'), as a checklist row
    reads. An 'A.' after anything but a marked question stays as it is (a lettered part or item).
    """
    pairs: list[tuple[int, int]] = []
    for i, u in enumerate(units):
        if u.field is not None or not _ASKED.match(u.text):
            continue
        # the answer right after the question, or after the lines its question wraps onto (a PDF)
        for j in range(i + 1, min(i + 4, len(units))):
            v = units[j]
            if v.field is not None or _ASKED.match(v.text):
                break
            if _ANSWERED.match(v.text):
                if j == i + 1 or units[j - 1].text.rstrip().endswith("?"):
                    pairs.append((i, j))
                break
            if u.text.rstrip().endswith("?"):
                break
    if len(pairs) < QA_PAIRS:
        return units
    merged: set[int] = set()
    for i, j in pairs:
        asked = " ".join(units[k].text.strip() for k in range(i, j))
        merged.update(range(i + 1, j))
        question = as_label(_ASKED.sub("", asked, count=1))
        units[i].heading_hint = False  # a bold question is a particular's caption, not a part's title
        answer = _ANSWERED.sub("", units[j].text, count=1)
        if _YES_OR_NO.match(answer):
            # 'Will the Job Center provide “Training”?' / 'No.': one line, the thing asked about and its answer
            units[i].text = question.rstrip(" ?:") + ": " + answer
            merged.add(j)
        else:
            units[i].text, units[j].text = question, answer
    return [u for i, u in enumerate(units) if i not in merged]


_ASKS_FOR = (
    # 'What is your name? (the Jobseeker)', "What is the Desk's Provider ID (PID)?": what it names
    re.compile(r"^(?:what|which) (?:is|are|was) (?P<what>(?:the|your|our|his|her|their) [^?]{1,60})\?"
               r"\s*(?:\([^)]{0,40}\))?\s*$", re.I),
    # 'Who is your Career Navigator?': the person with that title
    re.compile(r"^who (?:is|was|will be) (?:the|your|our|his|her|their) (?P<what>[^?]{1,40})\?\s*$", re.I),
    # 'Which Library Workforce Desk (Employment Network) is this?', 'Which Job Center is your Employment Network?'
    re.compile(r"^which (?P<what>[^?]{1,60}?) (?:is|was) (?:this|it|(?:the|your|our) (?P<kind>[^?]{1,40}))\?\s*$",
               re.I),
    # 'What phone number can we reach you at?': the thing asked for
    re.compile(r"^what (?P<what>(?:[a-z]+ ){0,2}[a-z]+) (?:can|may|should|do|does|will) (?:we|you|I|they) [^?]{1,60}"
               r"\?\s*$", re.I),
)


_ASKED_ABOUT = re.compile(r"^(?:will|would|does|do|can|is|are|shall)\b[^“”\"?]{0,60}[“\"](?P<name>[^“”\"]{2,60})[”\"]"
                          r"[^?]{0,30}\?\s*$", re.I)
"""A yes-or-no question about a thing named in quotation marks."""


def as_label(question: str) -> str:
    """A question asking for one particular, as that particular's caption ('What is your name?' -> 'your name:').

    A question that a label already reads as written is left as it is ('How did we meet?',
    'What job do you want within the next 18 months?').
    """
    text = question.strip()
    if "?" not in text or match_label(text) is not None:
        return question
    if quoted := _ASKED_ABOUT.match(text):
        return quoted["name"]  # 'Will the Job Center provide “Training”?': the thing asked about
    for asks in _ASKS_FOR:
        if m := asks.match(text):
            kind = m.groupdict().get("kind")
            return m["what"].strip() + (f" ({kind.strip()})" if kind else "") + ":"
    first, comma, _ = text.partition(",")
    if comma and match_label(first + "?") is not None:
        return first + ":"  # 'What did we talk about, why are the goals within reach, ...?': its first question
    return question


def _run_in_pairs(units: list[Unit]) -> list[Unit]:
    """Particulars run together in one paragraph ('Name: Kevin; SSN: 901-...; Phone: 555-...') as separate pairs.

    A text that opens with a label and, with the lines of its paragraph that wrap under it (a
    PDF), holds at least ``RUN_IN_PAIRS`` known labels or more pairs than that, each label at its
    start or after a semicolon, is cut before each label after a semicolon; the pieces keep the
    paragraph's place.
    """
    out: list[Unit] = []
    i = 0
    while i < len(units):
        u = units[i]
        if u.field is not None or ";" not in u.text or not _RUN_IN_LABEL.match(u.text):
            out.append(u)
            i += 1
            continue
        text, last, j = u.text, u, i
        while j + 1 < len(units) and _wraps_under(last, units[j + 1]):
            j += 1
            last = units[j]
            text = f"{text} {last.text}"
        labels = [m[1] for m in _RUN_IN_LABEL.finditer(text)]
        if len(labels) <= RUN_IN_PAIRS and sum(match_label(label) is not None for label in labels) < RUN_IN_PAIRS:
            out.append(u)
            i += 1
            continue
        i = j
        pieces = [p.strip() for p in re.split(r";\s+(?=[A-Za-z][^:;]{1,60}?:\s)", text) if p.strip()]
        out.extend(replace(u, text=piece, seg=(u.seg or 0) * 100 + k) for k, piece in enumerate(pieces))
        i += 1
    return out


def inline_pairs(units: list[Unit]) -> list[Unit]:
    """Lines of pairs with no semicolons between them, cut into pairs ('Evaluee signature: Maria Date: ...').

    A line opens with a known label and its value, and a later caption before a colon is wholly a
    known label that starts with a capital ('Date', 'Printed name'; of the words before the colon,
    the fewest that make one): the line is cut before each such caption, when every colon after
    the first has one; one line, not a cell joined from several PDF lines. Run once the person's
    word is known ('Evaluee (or representative) signature'); the units are numbered again.
    """
    out: list[Unit] = []
    for u in units:
        out.extend(_inline_pieces(u))
    if len(out) != len(units):
        for i, u in enumerate(out):
            u.order = i
    return out


def _inline_pieces(u: Unit) -> list[Unit]:
    if u.field is not None or u.text.count(":") < 2 or (first := match_label(u.text)) is None or not first.rest:
        return [u]
    if u.top is not None and u.bottom is not None and u.size and u.bottom - u.top > 2 * u.size:
        return [u]  # a cell joined from several PDF lines: its pieces would lose their places
    by_colon: dict[int, int] = {}  # colon -> the last cut before it that leaves a whole label
    for gap in _INLINE_LABEL.finditer(u.text, len(u.text) - len(first.rest)):
        colon = u.text.index(":", gap.end())
        if (hit := match_label(u.text[gap.end():colon + 1])) is not None and not hit.rest:
            by_colon[colon] = gap.end()
    if not by_colon or len(by_colon) < u.text.count(":", len(u.text) - len(first.rest)):
        return [u]  # a caption no label makes whole ('Cell phone:'): the pairs are read as they stand
    bounds = [0, *sorted(by_colon.values()), len(u.text)]
    pieces = [u.text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return [replace(u, text=piece, seg=(u.seg or 0) * 100 + k) for k, piece in enumerate(pieces) if piece]


def _wraps_under(prev: Unit, u: Unit) -> bool:
    """``u`` is the next line of ``prev``'s paragraph on a PDF page: just under it, from the same margin."""
    return (u.field is None and prev.top is not None and u.top is not None and prev.bottom is not None
            and u.page == prev.page and prev.x0 is not None and u.x0 is not None and abs(u.x0 - prev.x0) <= 3
            and 0 < u.top - prev.bottom <= RUN_IN_LINE_GAP and not u.heading_hint
            and not _strong_heading(u) and (u.size or 0) == (prev.size or 0))


def _closes_parenthesis(text: str, following: str) -> bool:
    """``text`` leaves a parenthesis open that ``following`` closes ('Contact (name, relationship,' / 'phone)')."""
    return text.count("(") > text.count(")") and following.count(")") > following.count("(")


_DASHED_PAIR = re.compile(r"(?:^|\s+)[—–|]\s+(?=[A-Z][^:—–|]{0,40}:)")
"""A dash before a caption and its colon: where a pair starts on a line of pairs ('... — Date: ...')."""


def _dashed_pairs(text: str) -> list[tuple[int, str]]:
    """A PDF line of pairs set apart by dashes, cut before each caption: (where it starts, the piece).

    'Cardholder (or representative) — Name: Maria L. Gonzalez — Signature: /s/' is two pairs; a
    line that starts with the dash ('— Date: Tue, Mar 11, 2025', carried over) loses it. Only
    before a caption of a few words and a colon; other dashes stay.
    """
    if "—" not in text and "–" not in text and "|" not in text:
        return [(0, text)]
    pieces, start = [], 0
    for m in _DASHED_PAIR.finditer(text):
        if m.start() > start:
            pieces.append((start, text[start:m.start()]))
        start = m.end()
    pieces.append((start, text[start:]))
    return [(at, piece) for at, piece in pieces if piece.strip()] or [(0, text)]


_BROKEN_WORD = re.compile(r"^(?!(?:a|am|an|as|at|be|by|do|go|he|if|in|is|it|me|my|no|of|on|or|so|to|up|us|we"
                          r"|hr|wk|mo|yr|ft|pt|pm|id|ok|co|st)\b)[a-z]{1,2}(?:\s|[),.;:]|$)")
"""The last letter or two of a word that did not fit its cell, on the cell's next line ('Employmen' / 't Network')."""


def _join_wrapped_cells(units: list[Unit], rules: tuple[Rule, ...],
                        leader_lines: set[tuple[int | None, int]] | frozenset[tuple[int | None, int]] = frozenset(),
                        ) -> list[Unit]:
    """PDF tables with ruled rows: text that wraps inside a cell is one unit again.

    A unit continues the unit above it when both stand in a ruled table (a rule runs over the
    upper one's first line) or the upper one leaves a parenthesis open, start at the same x,
    share font size and weight, follow each other closely, no rule runs between them, and one
    of the two lines holds more than one cell or the lower one closes the upper one's parenthesis.
    So 'Follow-Up (Initial' / 'Job Acquisition)' is one service, 'Springfield' / 'Dental Group' one
    employer and 'Alternate Contact (name,' / 'relationship, phone)' one label, while rows and
    stacked labels with their values stay apart. Without a rule, a row whose cells wrap together
    (the line under it holds fewer cells, each under one of the row's, none under its first) is
    joined the same way. A line broken after a hyphen joins without a
    space ('EN-' / '104233)'). A line in ``leader_lines`` (a label run out to its value by dot
    leaders) starts a row: none of its units carries on the one above; a line holding only text
    under such a row's value carries that value on.
    """
    by_page: dict[int, list[Rule]] = {}
    for r in sorted(rules, key=lambda r: r.y):
        by_page.setdefault(r.page, []).append(r)
    heights = {page: [r.y for r in page_rules] for page, page_rules in by_page.items()}
    cells_on_line: dict[tuple[int | None, int], int] = {}
    edges: dict[tuple[int | None, int], list[tuple[float, float]]] = {}
    for u in units:
        cells_on_line[(u.page, u.line)] = cells_on_line.get((u.page, u.line), 0) + 1
        if u.x0 is not None and u.field is None:
            edges.setdefault((u.page, u.line), []).append((u.x0, u.x1 or u.x0))

    def row_wraps(a_line: tuple[int | None, int], u_line: tuple[int | None, int]) -> bool:
        """The lower line carries on the cells of the upper one (a row whose cells wrap).

        Fewer cells, each under one of the upper line's cells, and none under its first (a row
        number or an item, whose neighbours wrap).
        """
        upper, lower = sorted(edges.get(a_line, [])), edges.get(u_line, [])
        return 1 < len(lower) < len(upper) and not any(abs(x0 - upper[0][0]) <= 3 for x0, _ in lower) \
            and all(any(abs(x0 - y0) <= 3 for y0, _ in upper[1:]) for x0, _ in lower)

    def ruled(u: Unit, y0: float, y1: float) -> bool:
        """A rule between heights y0 and y1 running under or over the unit."""
        page_rules, ys = by_page.get(u.page or 0, []), heights.get(u.page or 0, [])
        return any(r.x0 <= (u.x0 or 0) + 2 and r.x1 >= (u.x1 or 0) - 2
                   for r in page_rules[bisect.bisect_left(ys, y0):bisect.bisect_right(ys, y1)])

    kept: list[Unit] = []
    open_cells: list[tuple[Unit, int]] = []
    """Cells that may still continue: (unit, the line it first stood on)."""
    for u in units:
        if u.top is None or u.x0 is None or u.field is not None or (u.page, u.line) in leader_lines:
            kept.append(u)
            if u.top is not None and u.x0 is not None and u.field is None:
                open_cells = [(a, first) for a, first in open_cells if a.page == u.page]
                open_cells.append((u, u.line))
            continue
        open_cells = [(a, first) for a, first in open_cells if a.page == u.page and (u.top or 0) - (a.bottom or 0) < 12]
        above = next((a for a, first in open_cells
                      if (abs((a.x0 or 0) - u.x0) <= 3 or abs((a.x1 or 0) - (u.x1 or 0)) <= 2
                          and _closes_parenthesis(a.text, u.text))  # (a label set to the right, '(or' / 'rep.)')
                      and a.line != u.line
                      and a.size == u.size and a.heading_hint == u.heading_hint and a.checked is None
                      and u.checked is None
                      and (cells_on_line[(a.page, first)] > 1 or cells_on_line[(u.page, u.line)] > 1
                           or _closes_parenthesis(a.text, u.text))
                      and 0 <= (u.top or 0) - (a.bottom or 0) <= max(4.0, 0.8 * ((u.bottom or 0) - (u.top or 0)))
                      and (ruled(a, (a.top or 0) - 14, (a.top or 0)) or a.text.count("(") > a.text.count(")")
                           or row_wraps((a.page, first), (u.page, u.line))
                           or (a.page, first) in leader_lines and cells_on_line[(u.page, u.line)] == 1
                           and cells_on_line[(a.page, first)] > 1 and u.x0 > min(edges[(a.page, first)])[0] + 3)
                      and not ruled(a, (a.bottom or 0) - 1, (u.top or 0) + 1)
                      and not _complete_label(a.text)),  # (the costliest test last)
                     None)
        if above is not None:
            # 'EN-' / '104233)'; 'Employmen' / 't Network)': a word broken where a narrow cell ends
            glued = above.text.endswith("-") or _BROKEN_WORD.match(u.text) is not None \
                and re.search(r"[A-Za-z]{4}$", above.text) is not None
            above.text = f"{above.text}{'' if glued else ' '}{u.text}"
            above.x1 = max(above.x1 or 0, u.x1 or 0)
            above.bottom = u.bottom
            continue
        open_cells.append((u, u.line))
        kept.append(u)
    return kept


def continues(prev: Unit, u: Unit, left: float | None = None) -> bool:
    """Whether ``u`` is, on a PDF page, the next line of the same paragraph as ``prev``.

    It starts where ``prev`` starts (or at ``left``, where the paragraph starts), follows at line
    spacing, and ``prev`` does not end a sentence or a label.
    """
    if prev.top is None or u.top is None or prev.bottom is None or u.bottom is None or prev.page != u.page \
            or prev.x0 is None or u.x0 is None or u.line == prev.line \
            or (abs(prev.x0 - u.x0) > 3 and (left is None or abs(left - u.x0) > 3)):
        return False
    height = u.bottom - u.top
    return 0 <= u.top - prev.bottom <= 0.6 * height and not re.search(r"[.:;!?]\s*$", prev.text) \
        and u.checked is None and prev.checked is None


def _complete_label(text: str) -> bool:
    """A known label with nothing after it: what follows is its value, not more of it."""
    m = match_label(text)
    return m is not None and not m.rest


_MARK = re.compile(r"^[xX✓✔✗*]$")
_MARK_HEADER = re.compile(r"^(?:yes|no|y|n|x|✓|✔|selected|check(?:ed)?|mark)$", re.I)


def _mark_cells(units: list[Unit]) -> None:
    """An 'X' alone in a table cell is a checkbox: checked, unless its column is headed 'No'.

    The column is the table column (Word) or the header text straight above (PDF): the nearest
    earlier unit on the page (or the page before, for a table running over a page break) that
    is a mark-column header ('Yes', 'No', 'X', 'Selected') and overlaps the mark horizontally.
    An 'X' that heads the column of another mark is that header, not a mark. On a PDF line
    without such a header, an 'X' standing apart beside other text on the same line (a row of
    a table whose mark column has no heading) is a checked box too.
    """
    lines: dict[tuple[int | None, int], int] = {}
    for u in units:
        if u.field is None and u.table is None:
            lines[(u.page, u.line)] = lines.get((u.page, u.line), 0) + 1
    headers: dict[int, Unit | None] = {}
    for i, u in enumerate(units):
        if u.field is None and _MARK.match(u.text):
            headers[i] = _mark_header(units, i)
    heading_marks = {id(h) for h in headers.values() if h is not None}
    for i, header in headers.items():
        u = units[i]
        if id(u) in heading_marks or (header is None and u.table is None and lines.get((u.page, u.line), 0) < 2
                                      and not _beside_next(units, i)):
            continue
        negative = header is not None and header.text.strip().lower() in ("no", "n")
        u.text = "[ ]" if negative else "[x]"
        u.mark_cell = True
    _yes_no_cells(units)
    for u in units:  # 'X By phone': a mark written on the blank before a short option
        if u.field is None and u.table is None and (m := _MARK_BEFORE.match(u.text)) and len(u.text.split()) <= 6:
            u.text = "[x] " + u.text[m.end():]


_YES_NO = re.compile(r"^(?:y|yes|n|no)$", re.I)
_YES_NO_HEADER = re.compile(
    r"^(?:y\s*/\s*n|yes\s*/\s*no|yes or no|selected\??|provided\??|included\??|will provide\??)$", re.I)


def _yes_no_cells(units: list[Unit]) -> None:
    """'Y' / 'N' in a Word table column headed 'Y/N' (or 'Selected?'): a ticked or an empty box."""
    heads = {(u.part, u.table, u.cell): u.row for u in units if u.table is not None and u.row is not None
             and _YES_NO_HEADER.match(u.text.strip())}
    sub_heads = {(u.part, u.table, u.row) for u in units if u.table is not None and u.row is not None
                 and u.text.strip().lower() == "no" and any(
                     v.table == u.table and v.part == u.part and v.row == u.row and v.text.strip().lower() == "yes"
                     for v in units)}  # a row 'Yes' | 'No' under a merged 'Provided?': the columns' own headers
    for u in units:
        head_row = heads.get((u.part, u.table, u.cell))
        if head_row is not None and u.row is not None and u.row > head_row and _YES_NO.match(u.text.strip()) \
                and (u.part, u.table, u.row) not in sub_heads:
            u.text = "[x]" if u.text.strip().lower().startswith("y") else "[ ]"
            u.mark_cell = True


_MARK_BEFORE = re.compile(r"^[xX✓✔]\s+(?=[A-Z])")


def _beside_next(units: list[Unit], i: int) -> bool:
    """The mark ``units[i]`` stands on the same row as the text right after it.

    An 'X' written on a short blank before a service's name, a line of its own only because its
    baseline differs.
    """
    u, nxt = units[i], units[i + 1] if i + 1 < len(units) else None
    return (nxt is not None and nxt.field is None and nxt.page == u.page and u.top is not None
            and nxt.top is not None and abs(nxt.top - u.top) <= 4 and (nxt.x0 or 0) >= (u.x1 or 0))


def _mark_header(units: list[Unit], i: int) -> Unit | None:
    """The mark-column header over the mark ``units[i]``, if there is one."""
    u = units[i]
    for j in range(i - 1, -1, -1):
        other = units[j]
        if other.field is not None or not _MARK_HEADER.match(other.text.strip()):
            continue
        if _MARK.match(other.text) and not (other.row == 0 if other.table is not None else other.heading_hint):
            continue  # a mark of a row above, not a header ('X' heads a column in a table's first row, or bold)
        if _MARK.match(other.text) and other.table is None and _beside_next(units, j) \
                and not _MARK_HEADER.match(units[j + 1].text.strip()):
            continue  # a bold 'X' before a row's text is that row's mark, not a column's header
        if u.table is not None and other.table == u.table and other.cell == u.cell and other.part == u.part:
            return other
        if u.table is None and u.x0 is not None and other.page in (u.page, (u.page or 0) - 1) \
                and other.x0 is not None \
                and other.x0 - 6 <= (u.x0 + (u.x1 or u.x0)) / 2 <= (other.x1 or other.x0) + 6:
            return other
    return None


def _field_unit(f: FormField) -> Unit:
    if f.kind == "checkbox":
        text = CHECKED if f.checked else UNCHECKED
    elif f.kind == "radio":
        chosen = next((o for o in f.options if o.selected), None)
        text = (chosen.label or chosen.name) if chosen else (f.value or "")
    else:
        text = f.value or ""
    x0, top, x1, bottom = f.rect if f.rect else (None, None, None, None)
    return Unit(text, 0, page=f.page, x0=x0, top=top, x1=x1, bottom=bottom, field=f, part="form")


def field_hints(f: FormField) -> list[str]:
    """Texts that say what a form field is: tooltip, printed label, and its name made readable."""
    name = f.name.rsplit(".", 1)[-1]
    readable = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    readable = re.sub(r"[_\-.]+", " ", readable).strip()
    return [h for h in (f.tooltip, f.label, readable) if h]


_PART_LEAD = re.compile(r"(?i:^(?:part|section|block|schedule|panel|module|chapter|stage)\s+"
                        r"(?:one|two|three|four|[0-9ivx]+)\b)"
                        r"(?=\s*(?:[:\-–—,.]|$)|\s+[A-Z(])")
"""'Part Two, ...', 'Section 4: ...', 'SECTION 3 EMPLOYMENT GOALS', not 'Section 4 of this plan.'"""


def looks_like_heading(u: Unit) -> bool:
    """Short text set apart as a heading: bold/heading style, all caps, or 'Part'/'Section' lead."""
    text = u.text.strip()
    if u.field is not None or not text or len(text) > 110:
        return False
    letters, upper = _capitals(text)
    caps = letters > 3 and upper > 0.8
    lead = bool(_PART_LEAD.match(text)) or bool(_TITLE_GLYPH.match(text))
    short = len(text.split()) <= 12
    return (u.heading_hint and short) or (caps and short) or lead or (short and text.endswith(":") is False
                                                                      and _title_case(text))


_TITLE_GLYPHS = "▾▿▸▹►▶▼▽◆◇❖➤➢"
"""Glyphs that mark a line as a part's title ('▾ Services', '► Your goals'); not bullets or boxes."""
_TITLE_GLYPH = re.compile(rf"^[{_TITLE_GLYPHS}]\s*[A-Za-z](?![^:]{{0,80}}:\s*\S)")
"""A title glyph before a short line's words: the line is a part's title (not '▸ Mobile: 555-...', a pair)."""


def _strong_heading(u: Unit) -> bool:
    """Set apart by more than title case: bold or a heading style, capitals, or a Part/Section lead."""
    text = u.text.strip()
    letters, upper = _capitals(text)
    return u.heading_hint or (letters > 3 and upper > 0.8) or bool(_PART_LEAD.match(text)) \
        or bool(_TITLE_GLYPH.match(text))


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'&-]*", text) if len(w) > 3]
    return len(words) >= 2 and all(w[0].isupper() for w in words) and len(text.split()) <= 8


_SECTION_LABEL_FAMILIES = {"goals": ("goals",), "discussion": ("discussion",), "signatures": ("generic",)}
"""Label families that, inside their own section, make a heading-like line a label."""

SECTION_ORDER = ("part1", "discussion", "work_history", "goals", "services", "terms", "sou",
                 "signatures", "discussion_attachment", "amendment")


_SECTION_NUMBER = re.compile(
    r"^(?:(?:part|section|step|block|schedule|annex|appendix|panel|module|chapter|stage)\s+"
    r"(?:[0-9]{1,2}[a-z]?|[ivx]{1,5}|[a-h]|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s*[-–—:.)|]|\s+(?=(?-i:[A-Z])))|[0-9]{1,2}\s*[|·•])\s*", re.I)
"""'SECTION IV - ', 'Part 2: ', 'Part 2 Campus ...', '4 | ': the numbering of a heading, before its words."""


_CLOSING = re.compile(r"^\s*(?:sincerely|yours (?:sincerely|truly|faithfully)|(?:kind |best |warm )?regards"
                      r"|respectfully)(?: yours)?\s*,?\s*$", re.I)
_DECORATION = re.compile(rf"^(?:[*=#~\s]{{2,}}|[{_TITLE_GLYPHS}→»›■▪●]\s*)|[*=#~\s]{{2,}}$")
"""Stars or rules around a printed title ('*** PROVIDER ***'), or a glyph before it ('▾ Services', '► Goals')."""
_INSTRUCTION = re.compile(r"\s*\([^)]{8,}\)\s*$")
"""A heading's trailing instruction: 'SERVICES (check each service the EN will provide)'."""


_STYLED_NUMBER = re.compile(r"^(?:\d{1,2}|[A-Z])[.)]\s+(?=[A-Za-z])")
"""A list number before a title set in a heading style (bold or a Word heading): the part's number."""


_DOCUMENT_TITLE = re.compile(r"^\s*(?:letter|memorandum|memo|deed|instrument)s? of (?:agreement|understanding)\b", re.I)
"""A document's own title naming its kind of agreement, not a part of the plan."""


def heading_section(u: Unit) -> str | None:
    """The section a heading unit starts, if it is a heading of a known section.

    The heading's words are matched first without a 'Section IV -' style lead, then as
    written: 'SECTION IV - GOALS' is the goals heading however the sections are numbered, and
    an EN's 'Section 2: One-on-One Meeting' is its discussion, not SSA-1370's Section 2 (work
    history); a number alone ('Part Three') still names its part.
    """
    if _CLOSING.match(u.text) and u.field is None:
        return "signatures"  # a letter's 'Sincerely,': its signatures follow
    lead, dash, tail = u.text.strip().partition(" — ")
    if u.heading_hint and u.field is None and dash and len(lead.split()) <= 2 and 2 <= len(tail.split()) <= 20 \
            and not tail.rstrip().endswith((".", ":", "?")):
        # 'S  Subjective — what we discussed, ...', 'P  Plan — services ordered': a lettered title whose
        # words after the dash say which part it is
        if named := _section_named(tail, _HEADING_SECTIONS[2:]) or by_cues("section_cues", tail):
            return named
    if not looks_like_heading(u):
        return None
    if any_match(vocabulary()["no_work_history"], u.text):
        return None  # 'No employment in the last 18 months? Explain' asks for a statement
    if _DOCUMENT_TITLE.match(strip_lead(u.text)):
        return None  # 'LETTER OF AGREEMENT', 'MEMORANDUM OF UNDERSTANDING': what the whole document is
    whole = written_out(_DECORATION.sub("", strip_lead(u.text)).strip())[0]
    text = _INSTRUCTION.sub("", whole).strip()
    bare = _SECTION_NUMBER.sub("", text, count=1)
    # The number alone ('Section 2') names a part only when the heading has no words of its own
    # to go by: an EN's 'SECTION 1. EMPLOYMENT NETWORK' is not SSA-1370's Section 1.
    number_only = len(text) - len(bare) if len(re.findall(r"[A-Za-z]{3,}", bare)) >= 2 else 0
    for candidate in dict.fromkeys((bare, text, whole)):  # 'Jobs you had (last 18 months)' names its part
        named = _section_named(candidate, _HEADING_SECTIONS,
                               None if candidate is bare else (lambda m: m.end() > number_only))
        if named:
            return named
    # '4) Past 18 months of work' in a heading style is a numbered part too
    styled = u.heading_hint and _STYLED_NUMBER.match(u.text.strip()) is not None \
        and not u.text.rstrip().endswith("?") and match_label(u.text) is None  # not a numbered question or label
    if bare != text or styled or _caps_title(u) or _TITLE_GLYPH.match(u.text):
        return by_cues("section_cues", bare)  # 'Part 5. Services we offer', 'TARGET JOBS'
    return None


def _caps_title(u: Unit) -> bool:
    """A short line in capitals (a paragraph, or a table's title cell) that is no label: a part's title."""
    letters, upper = _capitals(u.text)
    return (u.cell in (None, 0) and letters > 3 and upper == 1.0
            and len(u.text.split()) <= 5 and match_label(u.text) is None)


_DASHED_ROLE = re.compile(r"\s+[—–-]\s+(?=(?:signature|signed|date signed|printed name|print name|(?:full |legal )?name"
                         r"|title|date)\b)", re.I)
"""'Neighbor or representative — signature': a party and its line's role, set apart by a dash."""


def dashed_signer(text: str) -> str | None:
    """The words naming who signs before a dashed role ('Placement Steward — Printed name: ...'), or None."""
    m = _DASHED_ROLE.search(text)
    return text[:m.start()].strip() if m and len(text[:m.start()].split()) <= 6 else None
_QUESTION = re.compile(r"^(?:what|which) (?:is|are|was) (?=(?:the|your|our|this|his|her|their)\s.*\?\s*$)", re.I)
"""A question asking for a value: 'What is the Applicant's name?' is the label 'the Applicant's name?'."""
_SLASHED_WORDS = re.compile(r"^\s*/\s*[A-Za-z][A-Za-z .,()'’-]{0,40}(?:/\s*[A-Za-z][A-Za-z .,()'’-]{0,40})*\s*:?\s*$")
_COPULA = re.compile(r"^\s+(?:is|are|will be|was)\s+(?:to\s+)?(?=\S)", re.I)
_OWN_NAME = re.compile(r"^(?:your|my)\s+(?:full\s+|legal\s+)?name\s*(?::\s*(.*)|$)", re.I | re.S)
_POSSESSIVE = re.compile(r"^(?:your|our|my|the)\s+(?=\w)", re.I)
CONTEXT_ONLY = ("work.", "goal.")
"""Label families looked for only where they belong (work history columns, goal details)."""


_ABBREVIATED = re.compile(r"(?<![\w/])([A-Za-z]{1,6}(?:/[A-Za-z])?)(\.?)(?![\w/])")


@lru_cache(maxsize=1)
def _printed_abbreviations() -> tuple[dict[str, str], frozenset[str], re.Pattern[str]]:
    raw = load_json_data("vocabulary.json")["printed_abbreviations"]
    words = "|".join(re.escape(w) for w in sorted(raw["words"], key=len, reverse=True))
    return raw["words"], frozenset(raw["always"]), re.compile(rf"(?<![\w/])(?:{words})(?![\w/])", re.I)


@lru_cache(maxsize=8192)
def written_out(text: str) -> tuple[str, tuple[int, ...] | None]:
    """``text`` with its shortened words written out, and where each position came from.

    'TH Name' -> 'ticketholder Name', 'Job dev.' -> 'Job development'; the list gives, for each
    position of the new text, the position in ``text`` it stands for (None: nothing written out).
    """
    words, always, any_word = _printed_abbreviations()
    if not any_word.search(text):
        return text, None  # no shortened word in it (most text): nothing to write out
    out: list[str] = []
    where: list[int] = []
    last = 0
    for m in _ABBREVIATED.finditer(text):
        word, dot = m.group(1), m.group(2)
        full = words.get(word.lower())
        if full is None or word.lower() == "no" and not dot:
            continue
        if not (dot or word.isupper() and len(word) > 1 or word.lower() in always):
            continue
        out.append(text[last:m.start()])
        where.extend(range(last, m.start()))
        out.append(full)
        where.extend([m.end()] * len(full))
        last = m.end()
    if not out:
        return text, None
    out.append(text[last:])
    where.extend(range(last, len(text) + 1))
    return "".join(out), tuple(where)


def clear_label_caches() -> None:
    """Forget the labels, shortened words and parties read so far."""
    for cached in (_match_label, written_out, _party_of):
        cached.cache_clear()


LABEL_WORDS_REACH = 300
"""Characters from a text's start within which a generic label's own words must stand (past the
longest owner words before them, 'Ticketholder's authorized representative (if any)'), so a long
sentence is not searched to its end for them."""


def match_label(text: str, keys: tuple[str, ...] | None = None) -> LabelMatch | None:
    """The vocabulary label ``text`` starts with (longest match wins), with the rest of the text.

    A form box's number before a caption with nothing after it ('6 DISTRICT EN NO. (PID)') is
    passed over.
    """
    hit = _match_label(text, keys, _learned_person)
    if hit is None and text[:1].isdigit() and (boxed := BOX_NUMBER.match(text)) \
            and (not _AMOUNT_UNIT.match(text, boxed.end()) or text[boxed.end():].isupper()):
        inner = _match_label(text[boxed.end():], keys, _learned_person)
        if inner is not None and not inner.rest:
            return inner
    return hit


BOX_NUMBER = re.compile(r"^\d{1,2}[a-z]?\s+(?=[A-Za-z(])")
"""A form box's number before its caption ('6 DISTRICT EN NO. (PID)', '14 HRS/WK', '27 Short-term goal ...')."""
_AMOUNT_UNIT = re.compile(r"(?:hours?|hrs?|h|wks?|weeks?|months?|mos?|years?|yrs?|days?|min(?:ute)?s?|per|a|an|x|am|pm"
                          r"|percent)\b", re.I)
"""A unit after a number: '30 hrs/wk' is an amount, not box 30's caption (unless set in capitals as captions are)."""


@lru_cache(maxsize=8192)
def _match_label(text: str, keys: tuple[str, ...] | None, learned: tuple[str, ...]) -> LabelMatch | None:
    own = _OWN_NAME.match(strip_lead(text))
    if own and (keys is None or "ticketholder.name" in keys):
        # 'Your name:' in a plan addressed to the person (or 'My name' in their statement) is theirs.
        return LabelMatch("ticketholder.name", (own.group(1) or "").strip())
    dashed = _DASHED_ROLE.search(text)
    if dashed and len(text[:dashed.start()].split()) <= 6:
        role = _match_label(text[dashed.end():], keys, learned)
        if role is not None and role.key.startswith("generic."):
            return role  # 'Prospective Team Member (or representative) — signature': the line's role; the words
            # before the dash say whose it is
    original = _POSSESSIVE.sub("", _QUESTION.sub("", strip_lead(_DASHED_ROLE.sub(" ", text)), count=1), count=1)
    body, where = written_out(original)
    if keys is None and not vocabulary()["any_label"].match(body):
        return None  # (one test of every label at once; with ``keys``, testing those few is quicker)
    best: tuple[int, str, re.Match[str]] | None = None
    vocab = vocabulary()
    for key, patterns in vocab["labels"].items():
        if keys is None and key.startswith(CONTEXT_ONLY) or keys is not None and key not in keys:
            continue
        words = vocab["label_words"].get(key)
        if words is not None and not words.search(body, 0, LABEL_WORDS_REACH):
            continue
        for p in patterns:
            m = p.match(body)
            if m and (best is None or m.end() > best[0]):
                best = (m.end(), key, m)
    if best is None:
        return None
    end = best[0]
    suffix = vocabulary()["party_suffix"].match(body[end:])
    if suffix:
        end += suffix.end()
    if body[end:end + 1] == "?" and re.match(r"\?\s*(?:\([^)]{0,40}\)\s*)?(?:[:\-–—]|$|\[[x ]\])", body[end:]):
        end += 1  # 'How did we meet?:', 'How did we meet? (circle one) [x] ...': the question mark ends the label
    rest = original[end:] if where is None else original[where[end]:] if end < len(where) else ""
    if _POSSESSIVE.match(strip_lead(text)) and (copula := _COPULA.match(rest)):
        rest = ": " + rest[copula.end():]  # 'Your short-term goal is to work as ...': a label in a sentence
    # 'no. (PID): ', '(your EN): ', 'SSN → '; a parenthesis after the colon is the value ('signature: (signed)')
    rest_stripped = re.sub(r"^\s*(?:\([^)]{0,100}\)\s*|[#\-–—.→⇒➔]\s*)*(?::\s*(?:[\-–—.]\s*)*)?", "", rest)
    rest_stripped = re.sub(r"^_{2,}\s*", "", rest_stripped)
    # A label is followed by punctuation, a gap or nothing; 'Name of the program' is not a label.
    if _SLASHED_WORDS.match(rest):
        rest = rest_stripped = ""  # 'Emergency contact / relationship / phone': the label's other words
    separated = re.match(r"^\s*(?:\([^)]{0,100}\))?\s*[:#\-–—._→⇒➔]|^\s*$|^\s{2,}", rest) \
        or body[:end].endswith("   ")
    if body.rstrip().endswith("?") and len(rest) < 60:
        return LabelMatch(best[1], "")  # a question: the answer is under it, not in it
    if rest and not body[:end].rstrip().endswith((":", "#")) and not separated and len(rest_stripped) > 0:
        if not re.match(r"^\s*(?:\[[x ]\])", rest_stripped):
            return None
    return LabelMatch(best[1], rest_stripped.strip())


def is_label(u: Unit) -> bool:
    """The unit starts with a known label."""
    return u.field is None and match_label(u.text) is not None


def party_of(text: str) -> str | None:
    """Whose information a label or heading is about: en, ticketholder or alternate."""
    return _party_of(text, _learned_person)


@lru_cache(maxsize=4096)
def _party_of(text: str, learned: tuple[str, ...]) -> str | None:
    parties = _vocabulary(learned)["party_any"]
    text = written_out(text)[0]  # 'TH signature', 'Alt. contact'
    for key in ("alternate", "ticketholder", "en"):
        if parties[key].search(text):
            return key
    return None


def _row_key(u: Unit) -> tuple[object, ...]:
    return ("t", u.part, u.table, u.row) if u.table is not None else ("l", u.page, u.line)


def _shared_rows(units: list[Unit]) -> set[tuple[object, ...]]:
    """Table rows and PDF lines holding more than one text unit (label and value side by side)."""
    counts: dict[tuple[object, ...], int] = {}
    for u in units:
        if u.field is None:
            counts[_row_key(u)] = counts.get(_row_key(u), 0) + 1
    return {k for k, n in counts.items() if n > 1}


@dataclass(slots=True)
class Parts:
    """A document split into the main plan and what is attached after it."""

    main: list[Unit] = field(default_factory=list)
    discussion_attachment: list[Unit] = field(default_factory=list)
    amendments: list[list[Unit]] = field(default_factory=list)
    starts_with_amendment: bool = False


_SERIES_TITLE = re.compile(
    r"^(?:(?P<word>[A-Za-z][A-Za-z]{2,14}(?:\s+[a-z]{2,10})?)\s+)?(?P<n>\d{1,2}|[IVX]{1,4}|[A-L])(?:\s+of\s+\d{1,2})?"
    r"(?:\s*(?P<sep>[—–\-:.|·)])|\s+(?=[A-Z]{2}))\s*(?P<title>[A-Za-z(].*)$")
"""'Checkpoint 6 — Supports', 'Topic 2: The program', 'Section 1 of 9 — The Member', 'F · SUPPORTS',
'Agenda item 4 – Work in the last 18 months': a series' lead and title."""
_CIRCLED = {chr(base + k): k + 1 for base, count in ((0x2460, 20), (0x2776, 10), (0x2780, 10), (0x278A, 10))
            for k in range(count)}
"""Circled digits ('①', '❶', '➊') and the numbers they stand for."""


def _uncircled(text: str) -> str:
    """A title led by a circled digit as a numbered one: '❸  Our planning session' is '3. Our planning session'."""
    return f"{_CIRCLED[text[0]]}. {text[1:].lstrip()}" if text[:1] in _CIRCLED else text


SERIES_MIN = 4
"""Titles under one lead word, with different numbers, that make a series of part titles."""
SERIES_MAX = 12
"""More items than this under one lead word are a list (fifteen terms), not the plan's parts."""
SERIES_TITLE_WORDS = 8


TRANSLATION = re.compile(r"\s[·/|]\s|(?<=[a-z])/(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
"""Between a title and its translation ('Work in the Last 18 Months · Trabajo en los últimos 18 meses',
'... months/Trabajo ...' as a PDF export sets it)."""


_LEAD_ALONE = re.compile(r"[A-Za-z]{3,15}\s+(?:\d{1,2}|[IVX]{1,4}|[A-L])")
"""A series' lead and number alone ('ARTICLE 1', 'SCHEDULE C'), the title beside it."""


def _beside(a: Unit, b: Unit) -> bool:
    """``b`` stands right of ``a``: the next cell of its table row, or the next piece of its line."""
    if a.table is not None:
        return (a.table, a.row, a.part) == (b.table, b.row, b.part) and b.field is None
    return a.line == b.line and a.page == b.page and a.top is not None and b.field is None


def series_titles(units: Sequence[Unit]) -> dict[int, str]:
    """Part titles known by their series: one lead word numbered through the plan.

    An EN may number its parts with any word ('Checkpoint 1 — ...', 'Topic 5 — ...') or a circled
    digit ('❸  Our planning session'). Short
    lines that share a lead word with at least ``SERIES_MIN`` different numbers, at most
    ``SERIES_MAX`` of them, are the plan's part titles when their words place at least three of
    them in three different parts (a title's words counted before a translation after ' · ' or
    ' / '). The answer maps a unit's order to the part its title names
    (``UNPLACED``: a title of the series whose words name no part).
    """
    groups: dict[str, list[tuple[Unit, str, str]]] = {}
    for i, u in enumerate(units):
        if u.field is not None:
            continue
        text = _uncircled(u.text.strip())
        if i and _LEAD_ALONE.fullmatch(units[i - 1].text.strip()) and _beside(units[i - 1], u):
            text = f"{units[i - 1].text.strip()} — {text}"  # 'ARTICLE 1' in its own cell, the title in the next
        m = _SERIES_TITLE.match(text)
        if m:
            kind = "digit" if m["n"].isdigit() else "letter" if len(m["n"]) == 1 else "roman"
            # 'Stage 3 · Etapa 3 — Work in ...': the lead given again in a second language is no part of the title
            title = re.sub(rf"^[^\W\d]+\s+{re.escape(m['n'])}\s*[—–\-:.|·]\s*", "", m["title"])
            groups.setdefault(((m["word"] or "").casefold(), kind, m["sep"] if not m["word"] else ""),
                              []).append((u, m["n"], title))
    out: dict[int, str] = {}
    for numbered in groups.values():
        if len(numbered) > SERIES_MAX:
            continue  # a numbered list or questionnaire, not the plan's parts
        members = [(u, n, title) for u, n, title in numbered
                   if len(TRANSLATION.split(title)[0].split()) <= SERIES_TITLE_WORDS]
        asking = [u for u, _, title in members if u.text.rstrip().endswith(("?", ",")) or _asks_value(title)]
        if len(asking) > 1 or len({n for _, n, _ in members}) < SERIES_MIN:
            continue  # numbered questions or labels ('6. Program ID', '12. What jobs have you held?')
        placed = {u.order: _title_part(title) for u, _, title in members}
        if len(set(placed.values()) - {UNPLACED}) < 3:
            continue
        first = members[0][0].order
        if placed[first] != "part1" and (sum(p == placed[first] for p in placed.values()) > 1
                                         or cue_scores("section_cues", members[0][2])["part1"]):
            placed[first] = "part1"  # the plan opens on the person ('A · SERVICE USER'), however their word reads,
            # also under a title that names the parties and more ('Who we are, and our signatures')
        out.update(placed)
    return out


STYLED_TITLES = 3
TITLE_EDGE = 2.0
"""Points by which the left edges of lines in one title style may differ."""
"""Part titles a PDF's title style must be seen on before other lines in that style count as titles."""


def styled_titles(units: Sequence[Unit]) -> dict[int, str]:
    """Part titles known by their style: lines set like the titles the vocabulary knows.

    On a flat PDF, when at least ``STYLED_TITLES`` lines in a heading style (bold or larger) name
    their parts, the other short lines alone on their line in the very same style (size, weight,
    left edge, capitals or not) that are no label are titles too, placed by their words or
    ``UNPLACED`` ('Help from the Program' set like 'Your job goals' and 'Our agreement').
    """
    def style(u: Unit) -> tuple[float | None, float, bool]:
        _, upper = _capitals(u.text)
        return (u.size, round((u.x0 or 0) / TITLE_EDGE), upper > 0.8)

    lines = Counter((u.page, u.line) for u in units if u.field is None)
    candidates = [u for u in units if u.field is None and u.table is None and u.top is not None and u.heading_hint
                  and lines[(u.page, u.line)] == 1 and len(re.findall(r"[A-Za-z]", u.text)) >= 3
                  and len(u.text.split()) <= 6 and ":" not in u.text and not u.text.rstrip().endswith("?")
                  and len(re.findall(r"\d", u.text)) < 3]  # no value ('Social Security number 900-12-3456')
    placed = {u.order: heading_section(u) for u in candidates}
    known = Counter(style(u) for u in candidates if placed[u.order])
    if not known or known.most_common(1)[0][1] < STYLED_TITLES:
        return {}
    own = known.most_common(1)[0][0]
    edge = statistics.median(u.x0 or 0 for u in candidates if style(u) == own)
    return {u.order: placed[u.order] or _title_part(u.text) for u in candidates  # the left edge give or take
            if (u.size, style(u)[2]) == (own[0], own[2]) and abs((u.x0 or 0) - edge) <= TITLE_EDGE  # a point
            and match_label(u.text) is None}


_GLYPH_LEAD = re.compile(r"^([^\w\s\[\](){}•·*\-–—\"'“‘$#%&@/\\.,:;!?])\s+\S")
"""A line led by a symbol and a space ('▾ Services', '► Our agreement'); not a bullet, box, dash or quote."""


def glyph_titles(units: Sequence[Unit]) -> dict[int, str]:
    """Part titles known by the symbol that leads them: '▾ Provider Agency (EN)' among '▾ Services', '▾ Provisions'.

    When at least ``STYLED_TITLES`` short lines led by the same symbol name their parts, the other
    short lines it leads are titles too, placed by their words or ``UNPLACED``.
    """
    led: dict[str, list[Unit]] = {}
    for u in units:
        if u.field is None and u.table is None and len(u.text.split()) <= 8 and (m := _GLYPH_LEAD.match(u.text)):
            led.setdefault(m[1], []).append(u)
    for glyph_units in led.values():
        placed = {u.order: heading_section(u) for u in glyph_units}
        if sum(1 for sec in placed.values() if sec) >= STYLED_TITLES:
            return {u.order: placed[u.order] or _title_part(u.text[1:].strip()) for u in glyph_units}
    return {}


def _asks_value(title: str) -> bool:
    """A label, not a title: '6. Program ID', '5. Provider name'; a party alone ('The Member') is a title."""
    m = match_label(title)
    return m is not None and (not m.key.endswith(".name") or re.search(r"\bname\b", title, re.I) is not None)


_HEADING_SECTIONS = ("amendment", "discussion_attachment", "sou", "terms", "signatures", "services", "goals",
                     "work_history", "discussion", "part1")
"""The sections a heading may start, in the order their patterns are tried (the most particular first)."""


def _section_named(text: str, keys: Sequence[str],
                   accept: Callable[[re.Match[str]], bool] | None = None) -> str | None:
    """The first of ``keys`` whose section patterns match ``text`` (in a way ``accept`` takes)."""
    sections = vocabulary()["sections"]
    for key in keys:
        m = any_match(sections[key], text)
        if m and (accept is None or accept(m)):
            return key
    return None


def _title_part(title: str) -> str:
    """The part a title's own words name: by the section patterns, else by their word stems."""
    text = written_out(_INSTRUCTION.sub("", title).strip())[0]
    if _EN_IN_BRACKETS.search(title):
        return "part1"  # 'VOCATIONAL SERVICES (EMPLOYMENT NETWORK)': the EN, named by its kind
    named = _section_named(text, _HEADING_SECTIONS[2:])  # a title within the plan: no amendment or attachment
    if named:
        return named
    if any_match(vocabulary()["sections"]["part1"], f"Block A - {text}") or _NAMES_EN.search(title):
        return "part1"  # 'Employer EN', 'The Member', 'Deaf Services Center (EN)': a part titled by a party
    own_words = vocabulary()["parties"]["ticketholder"][0].sub(" ", written_out(title)[0])
    return by_cues("section_cues", own_words) or UNPLACED  # 'NOTICES TO THE PERSON RECEIVING SERVICES'


_EN_IN_BRACKETS = re.compile(r"\((?:the )?(?:EN|employment network)\)\s*$", re.I)
"""A title that ends by naming the EN in brackets: the part about the EN, whatever its words."""
_NAMES_EN = re.compile(r"\((?:the )?EN\)|\bemployment network\b", re.I)
"""A title that names the EN ('Deaf Services Center (EN)'): the part about the parties."""


UNPLACED = "unplaced"
"""The part of a series title whose words name no part of the plan: it still ends the part before."""


def unplaced_parts(units: Sequence[Unit]) -> list[list[Unit]]:
    """Each part whose title names no part (``UNPLACED``): its title, then its units."""
    parts: list[list[Unit]] = []
    for u in units:
        if u.heading is not None:
            parts.append([u] if u.heading == UNPLACED else [])
        elif parts and parts[-1]:
            parts[-1].append(u)
    return [part for part in parts if part]


def place_part(part: Sequence[Unit], section: str) -> None:
    """A part found by what it holds: its title starts ``section``, and its units are in it."""
    part[0].heading = section
    for u in part:
        u.section = section


def assign_sections(units: list[Unit]) -> Parts:
    """Mark headings and sections, and split off attached summaries and amendments.

    An amendment or discussion-summary heading after the main plan's signatures (or on a later
    page than the plan's last section) starts an attachment; a document that opens with an
    amendment heading is an amendment.
    """
    parts = Parts()
    current: str | None = None
    seen: set[str] = set()
    target = parts.main
    shared = _shared_rows(units)
    prev: Unit | None = None
    series = series_titles(units)
    titled = set(series.values()) - {UNPLACED}  # the parts the plan's own numbered series titles
    series = series or styled_titles(units) or glyph_titles(units)
    for u in units:
        if u.order in series:
            sec = series[u.order]
            if sec == UNPLACED and not seen:
                sec = "part1"  # the plan's first part, titled by the person's own word ('Prospective Team Member')
            if sec == "part1" and u.order == min(series) and party_of(u.text) is None:
                u.party = "ticketholder"  # a plan opens on the person, whatever word it has for them
        else:
            sec = None if _row_key(u) in shared and not u.heading_hint else heading_section(u)
            if sec in titled and target is parts.main:
                sec = None  # the plan's own series titles that part: 'Picking a job goal with you' is a service
        if sec and prev is not None and not prev.heading and continues(prev, u) and not _strong_heading(u) \
                and u.order not in series:
            sec = None  # 'Employment Services' ending 'Employment Network Name: Bright Path' on the next line
        prev = u if u.field is None else prev
        if sec in ("amendment", "discussion_attachment"):
            opens_document = not (seen & {"part1", "discussion", "goals", "services", "terms"})
            if sec == "amendment" and opens_document and not parts.main:
                parts.starts_with_amendment = True
            if sec == "amendment" and (opens_document or {"signatures", "terms"} & seen):
                parts.amendments.append([])
                target = parts.amendments[-1]
            elif sec == "discussion_attachment" and ({"signatures", "terms"} & seen):
                target = parts.discussion_attachment
            else:
                sec = "discussion" if sec == "discussion_attachment" else sec
        if sec and current in SECTION_ORDER and sec in SECTION_ORDER and u.order not in series \
                and SECTION_ORDER.index(sec) < SECTION_ORDER.index(current) and not _strong_heading(u):
            sec = None  # plain title-case text ('Career Goal Setting') does not go back a section
        if sec and current == "services" and sec in ("goals", "work_history", "discussion") \
                and len(u.text.split()) <= 6 and _service_row_name(units, u):
            sec = None  # 'Vocational goal review' in a list of services: a service's row, not the goals' title
        if sec and sec == current and (m := match_label(u.text)) is not None \
                and m.key.split(".")[0] in _SECTION_LABEL_FAMILIES.get(sec, ()):
            sec = None  # 'Short-term vocational goal' under 'Vocational Goals' is a label of that section
        if sec:
            u.heading = sec
            current = sec
            seen.add(sec)
        u.section = current
        target.append(u)
    _signatures_by_content(parts.main)
    return parts


def _service_row_name(units: list[Unit], u: Unit) -> bool:
    """``u`` names a service (by a pattern, or by its stems beside a row's box or its Yes / No)."""
    if any(any_match(patterns, u.text) for patterns in vocabulary()["services"].values()):
        return True
    def answer(v: Unit | None) -> bool:
        return v is not None and v is not u and (
            v.field is not None and v.field.kind == "checkbox"
            or re.fullmatch(r"\s*(?:yes|no|\[[x ]\](?:\s*(?:yes|no))?)\s*", v.text, re.I) is not None)

    before = units[u.order - 1] if 0 < u.order <= len(units) else None
    after = units[u.order + 1] if u.order + 1 < len(units) else None
    near = units[max(0, u.order - 3):u.order + 4]
    if any(v.field is not None and v.field.label and " ".join(v.field.label.split()) == " ".join(u.text.split())
           for v in near):
        return True  # the printed name of a form field beside it ('Career goal advising' by its box)
    return (answer(before) or answer(after)) and service_by_cues(u.text) is not None


SIGNATURE_LINES = 2
"""Fewest signature lines under the last title of a plan that has no signatures part for that part to be it."""


def _signatures_by_content(units: list[Unit]) -> None:
    """A plan with no signatures part: its last titled part is one when it holds the signature lines.

    ('ATTESTATION' over 'Evaluee signature: ... Date: ...' and the counselor's line.) At least
    ``SIGNATURE_LINES`` of its lines open with a signature label, and with the lines of dates and
    printed names they are most of its lines.
    """
    if any(u.section == "signatures" for u in units):
        return
    last = max((i for i, u in enumerate(units) if u.heading and u.heading in ("sou", "terms", UNPLACED)),
               default=None)
    if last is None:
        return
    lines = [u for u in units[last + 1:] if u.field is None and u.text.strip()]
    keys = [m.key if (m := match_label(u.text)) is not None else None for u in lines]
    block = sum(1 for k in keys if k in ("generic.signature", "generic.date", "generic.printed_name"))
    if keys.count("generic.signature") >= SIGNATURE_LINES and 2 * block >= len(lines):
        units[last].heading = "signatures"
        for u in units[last:]:
            u.section = "signatures"
