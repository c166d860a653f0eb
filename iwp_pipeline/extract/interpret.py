"""Layout -> IWP record: the same recognisers for every document kind.

The document becomes ordered units (``units.py``) split into sections by their headings.
Labels from the vocabulary (``data/vocabulary.json``) are resolved in context (whose name,
which date) and their values found inline, to the right, or below. The 15 terms are recognised
by their ideas (``data/terms.json``) in the terms part only. Nothing is guessed: a value that
is not found is None, and every value found records where it was found.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from iwp_pipeline.extract import fields, prose
from iwp_pipeline.extract.layout import CHECKED, UNCHECKED, FormField, Layout
from iwp_pipeline.extract.terms import recognise_terms, terms_list_by_content
from iwp_pipeline.extract.units import (
    BOX_NUMBER,
    CONTEXT_ONLY,
    TRANSLATION,
    UNPLACED,
    LabelMatch,
    Unit,
    any_match,
    assign_sections,
    build_units,
    continues,
    cue_scores,
    dashed_signer,
    field_hints,
    inline_pairs,
    learn_person_nouns,
    looks_like_heading,
    match_label,
    party_of,
    person_nouns,
    place_part,
    service_by_cues,
    strip_lead,
    unplaced_parts,
    vocabulary,
    written_out,
)
from iwp_pipeline.model import (
    AlternateContact,
    Amendment,
    AmendmentParty,
    Discussion,
    EmploymentGoals,
    EmploymentNetwork,
    ENSignature,
    Goal,
    Location,
    Record,
    Service,
    Signatures,
    StatementOfUnderstanding,
    Ticketholder,
    TicketholderSignature,
    Training,
    WorkEntry,
)
from iwp_pipeline.values import (
    clean,
    find_money,
    is_absent,
    iso_date,
    parse_date,
    parse_hours,
    parse_money,
    parse_month,
)

_PLACEHOLDER = re.compile(r"^[\s_\-.x/]*$|^(?:signature|sign here|date|print(?:ed)? name|mm/dd/yyyy)$", re.I)
_TIME_FRAME = re.compile(
    r"\b(?:within|in|by|over|after)\s+(?:the\s+next\s+|about\s+|approximately\s+)?"
    r"(?:\d+|one|two|three|four|five|six|nine|twelve|eighteen)\s*(?:-\s*\d+\s*)?(?:months?|years?|weeks?)\b"
    r"|\bby\s+(?:the\s+end\s+of\s+)?(?:[A-Z][a-z]+\.?\s+)?\d{4}\b|\bby\s+\d{1,2}/\d{1,2}/\d{2,4}\b", re.I)
_JOB_AS = re.compile(r"\b(?:as an?|position as an?|work as an?|job as an?)\s+([A-Za-z][A-Za-z /&-]{2,40}?)"
                     r"(?=[,.;(]|\s+[—–]\s|\s+(?:at|for|with|earning|making|working|in|within|by|\d))", re.I)
_FULL_PART = re.compile(r"\b(full|part)[- ]time\b", re.I)
_SIGNED_NOTE = re.compile(r"//\s*signed\s*//|/s/|electronically signed|e-?signed|signed (?:via|with|by)|docusign"
                          r"|adobe sign", re.I)
_REDUCE = re.compile(r"\b(reduc|suspend|terminat|discontinu|remov|no longer|stop|end(?:ing|ed)?\b)\w*", re.I)
_DISPUTE = re.compile(r"\b(disput|grievance|PABSS|protection and advocacy|appeal)\w*", re.I)
_SOU_TEXT = re.compile(r"\bI(?:,\s+(?:the\s+)?[\w' ]{1,30},)?\s+"
                       r"(?:understand|agree|acknowledge|know|confirm|recogni[sz]e|accept)\b", re.I)
_SOU_GOALS = re.compile(r"\b(?:goals?|self[- ]support\w*|independen\w*|financial\w*|rely less)\b", re.I)

_BOX = re.compile(r"^\[[x ]\]")
ABOVE_REACH = 32.0
"""How far (points) over a signature label its value may stand."""
SUMMARY_WORDS = 20
"""An unlabelled paragraph of the discussion section this long is its synopsis."""
PAGE_TOP_ZONE = 150.0
"""Points from the top of a page within which a label may continue a row from the page before."""
OWN_EDGE = 3.0
"""Points of slack when a value under a label is compared with the label under it by where both start."""


@dataclass
class Found:
    """Values found so far, with where each was found (first found wins)."""

    values: dict[str, str] = field(default_factory=dict)
    where: dict[str, Location] = field(default_factory=dict)

    claimed: set[str] = field(default_factory=set)

    def put(self, key: str, value: str | None, unit: Unit | None, *, claim: bool = False) -> None:
        """Keep ``value`` for ``key`` unless one was found before.

        ``claim`` (a form field meant for this key) keeps the key even when the field is empty,
        so that printed text near the form is not taken for its value.
        """
        value = clean(value)
        if key in self.claimed:
            return
        if claim:
            self.claimed.add(key)
        if value is None or key in self.values:
            return
        self.values[key] = value
        if unit is not None:
            self.where[key] = unit.location

    def get(self, key: str) -> str | None:
        """The value found for ``key`` (None when absent)."""
        return self.values.get(key)


_CLAUSE_NUMBER = re.compile(r"\(?\d{1,2}(?:\.\d{1,2})*[.)]?")
"""A clause's or an item's number on its own ('1.2', '5.10', '(3)')."""


_OUTLINE_MARK = re.compile(r"\(?(?:\d{1,2}(?:\.\d{1,2})*|[A-Za-z]|[ivxIVX]{2,4})[.)]")
"""An outline's number or letter on its own: '1.', 'A.', '(b)', 'iv.'."""


class Reader:
    """Finds the value that belongs to a label: inline, to the right, below (or above)."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = list(units)
        self.pos = {id(u): i for i, u in enumerate(self.units)}
        self.values_above = _values_over_labels(self.units)
        """The signature block writes its values on the lines over their labels."""
        self.values_below = not self.values_above and _values_under_labels(self.units)
        self.labels_under = _labels_under_values(self.units)
        """The whole form prints each label under the line its value is written on."""

    def index(self, u: Unit) -> int:
        """Position of ``u`` in this reader's units."""
        return self.pos[id(u)]

    def right(self, u: Unit) -> Unit | None:
        """The next unit on the same line or in the same table row."""
        i = self.index(u) + 1
        if i >= len(self.units):
            return None
        nxt = self.units[i]
        if u.sub is not None:
            return None  # a line of a cell read as stacked labels and values: nothing beside it
        if u.table is not None:
            same_row = nxt.table == u.table and nxt.row == u.row and u.part == nxt.part
            return nxt if same_row else None
        if nxt.field is not None and u.top is not None and nxt.top is not None and nxt.page == u.page:
            if abs(nxt.top - u.top) < 8 and (nxt.x0 or 0) >= (u.x0 or 0):
                return nxt
        if nxt.line == u.line and nxt.field is None and u.field is None and nxt.page == u.page:
            return nxt
        return self._field_beside(u)

    def left(self, u: Unit) -> Unit | None:
        """The unit before ``u`` on the same line or in the same table row (printed text only)."""
        i = self.index(u) - 1
        if i < 0 or u.sub is not None or u.field is not None:
            return None
        prev = self.units[i]
        if prev.field is not None or prev.part != u.part:
            return None
        if u.table is not None:
            return prev if (prev.table, prev.row) == (u.table, u.row) else None
        return prev if prev.line == u.line and prev.page == u.page else None

    def _field_beside(self, u: Unit) -> Unit | None:
        """A form field just before ``u`` in reading order that stands right of it on its line.

        A field box taller than the printed label starts higher, so it is ordered first.
        """
        if u.field is not None or u.top is None or u.bottom is None:
            return None
        middle = (u.top + u.bottom) / 2
        i = self.index(u)
        for prev in self.units[max(0, i - 2):i]:
            if prev.field is not None and prev.page == u.page and prev.top is not None and prev.bottom is not None \
                    and prev.top <= middle <= prev.bottom and (prev.x0 or 0) >= (u.x1 or 0) - 2:
                return prev
        return None

    def below(self, u: Unit) -> Unit | None:
        """The next unit under ``u`` (next paragraph, or the line below overlapping it)."""
        i = self.index(u) + 1
        if u.top is None:  # Word: the next paragraph, or the cell below in a table
            if u.sub is not None:  # the next line of a cell cut into its lines
                nxt = self.units[i] if i < len(self.units) else None
                return nxt if nxt is not None and _same_cell(nxt, u) and nxt.sub == u.sub + 1 else None
            if u.table is not None:
                for nxt in self.units[i:i + 40]:
                    if nxt.table == u.table and nxt.row == (u.row or 0) + 1 and nxt.cell == u.cell:
                        return nxt
                return None
            return self.units[i] if i < len(self.units) and self.units[i].table is None else None
        for nxt in self.units[i:i + 12]:
            if nxt.page == (u.page or 0) + 1 and nxt.top is not None and nxt.top < PAGE_TOP_ZONE \
                    and _overlaps(u, nxt) and nxt is self.units[i] and not nxt.heading:
                return nxt  # a row split by a page break: the label ends one page, its value starts the next
            if nxt.page != u.page or nxt.top is None or u.bottom is None:
                return None
            if nxt.top - u.bottom > 28:
                return None
            if nxt.top >= u.bottom - 2 and _overlaps(u, nxt):
                return nxt
        return None

    def above(self, u: Unit) -> Unit | None:
        """The unit just above ``u`` (for signature lines that carry the value over the label)."""
        i = self.index(u) - 1
        if u.sub is not None:  # the line before, in a cell cut into its lines
            prev = self.units[i] if i >= 0 else None
            return prev if prev is not None and _same_cell(prev, u) and prev.sub == u.sub - 1 else None
        if u.table is not None:  # Word: the cell above in the same table
            for prev in reversed(self.units[max(0, i - 40):i + 1]):
                if prev.table == u.table and prev.row == (u.row or 0) - 1 and prev.cell == u.cell:
                    return prev
            return None
        for prev in reversed(self.units[max(0, i - 12):i + 1]):
            if u.top is None:
                return prev if prev.table is None else None
            if prev.heading and prev.page == u.page:
                return None  # nothing above a part's heading belongs to a label under it
            if prev.page == (u.page or 0) - 1 and prev.bottom is not None and (u.top or 0) < PAGE_TOP_ZONE:
                between = self.units[self.index(prev) + 1:i + 1]
                last_on_page = all(x.page != prev.page or (x.top or 0) <= (prev.bottom or 0) for x in between)
                first_on_page = all(x.page != u.page or (x.top or 0) >= (u.top or 0) - 2 for x in between)
                if _overlaps(u, prev) and last_on_page and first_on_page:
                    return prev  # a row split by a page break: the value ends the previous page
                continue
            if prev.page != u.page or prev.bottom is None or u.top is None:
                return None
            if prev.bottom > u.top + 2 or not _overlaps(u, prev):
                continue
            return prev if u.top - prev.bottom <= ABOVE_REACH else None
        return None

    def checklist_entry(self, u: Unit) -> Unit | None:
        """The entry a checklist row gives for its item: after a lone mark right of ``u``, last on the line.

        'Synopsis: why the goals are reasonable | ✔ | We met one-on-one ...': the words after the
        item's colon describe the item; the entry after the mark is the value.
        """
        mark = self.right(u) if u.top is not None and u.table is None else None
        if mark is None or mark.checked is None or not _bare_mark(mark.text):
            return None
        entry = self.right(mark)
        return entry if entry is not None and entry.checked is None and self.right(entry) is None \
            and not _is_label_unit(entry) else None

    def value(self, u: Unit, rest: str, *, allow_above: bool = False,
              accept: Callable[[str], bool] | None = None,
              wanted: Callable[[str], bool] | None = None) -> tuple[str | None, Unit]:
        """The value of a label unit: its inline rest, else the unit right of it, else below.

        With ``allow_above`` (signature lines) the value may also stand over the label: the
        nearer of above and below wins, and a value below that sits right over another label
        belongs to that label. ``accept`` rejects neighbours that cannot be the value (a date
        label takes only text that reads as a date); ``wanted`` lets through a neighbour that
        looks like a label but is the kind of value asked for ('Telephone' as a modality).
        On a PDF line, text far to the right that stands under a label of its own belongs to
        that label (two columns of labels with their values under them).
        """
        if rest and is_absent(rest):
            return None, u  # 'N/A': the document says there is no value
        if self.labels_under and rest and not _has_digit(rest):
            above = self.above(u)  # 'Short-term goal: job, hours, by when' under its line: words of the label
            if above is not None and not above.heading and match_label(above.text) is None:
                return above.text, above
            return None, u  # and an empty line over it
        if rest and not _PLACEHOLDER.match(rest):
            if (entry := self.checklist_entry(u)) is not None:
                return entry.text, entry  # the words after the colon describe the item
            beside = self.right(u)
            if _BOX.match(rest) and beside is not None and beside.field is None:
                return f"{rest} {self.row_text(beside)}", u  # 'Type: [ ] In person   [x] Phone', boxes apart
            return rest, u
        if self.labels_under:
            order = [self.above(u)]  # the line over the label is its value, and only that
        else:
            order = self._neighbours(u, allow_above)
        for candidate in order:
            if candidate is None or candidate.heading or _OUTLINE_MARK.fullmatch(candidate.text.strip()):
                continue  # (an outline's number or letter on its own, 'A.', '1.', is no value)
            if (_is_label_unit(candidate) or _caption(candidate)) \
                    and not (wanted and len(candidate.text.split()) <= 3 and wanted(candidate.text)):
                continue  # a label, unless it is a word or two of the kind asked for ('Telephone')
            if candidate.checked is not None and candidate.table is None and _bare_mark(candidate.text):
                after = self.right(candidate)
                if after is None or after.checked is None and self.right(after) is None:
                    # a checklist's mark between an item and the entry found ('Name | ✔ | Maria L.
                    # Gonzalez'): the entry is the value; a mark with no entry after it, no value
                    if after is None or _is_label_unit(after) or accept is not None and not accept(after.text):
                        return None, u
                    return after.text, after
            if accept is not None and not accept(candidate.text):
                continue
            if candidate.field is not None:
                return candidate.text, candidate
            if candidate.checked is not None and candidate.table is None:
                return self.row_text(candidate), candidate  # '[x] In person [ ] Phone', boxes apart
            if not _PLACEHOLDER.match(candidate.text):
                return candidate.text, candidate
        return None, u

    def wrapped(self, u: Unit, text: str) -> str:
        """``text`` (a PDF line's value) with the lines of its paragraph that carry it on.

        They stand under it or start at the paragraph's left edge ('Date: April 14,' / '2026').
        """
        return self.wrapped_lines(u, text)[0]

    def wrapped_lines(self, u: Unit, text: str) -> tuple[str, list[Unit]]:
        """``wrapped``, and the units of the lines it took."""
        taken: list[Unit] = []
        last = u
        i = self.index(u)
        while i > 0 and self.units[i - 1].page == u.page and self.units[i - 1].line == u.line:
            i -= 1
        left = self.units[i].x0
        for nxt in self.units[self.index(u) + 1:]:
            if nxt.heading or nxt.field is not None or _is_label_unit(nxt) or _caption(nxt) \
                    or nxt.section != u.section or not continues(last, nxt, left if last is u else None) \
                    or _CLAUSE_NUMBER.fullmatch(nxt.text.strip()):  # ('1.2': the next clause's number)
                break
            # ('EN-' / '104233', 'one-' / 'on-one': a line broken after a hyphen joins without a space)
            text, last = f"{text}{'' if re.search(r'[A-Za-z0-9]-$', text) else ' '}{nxt.text}", nxt
            taken.append(nxt)
        return text, taken

    def name_tail(self, u: Unit) -> Unit | None:
        """The end of a name wrapped in its cell of a flat PDF: a word or three alone on the next line, under it."""
        i = self.index(u) + 1
        while i < len(self.units) and self.units[i].page == u.page and self.units[i].line == u.line:
            i += 1  # (past what stands beside it on its line)
        if i >= len(self.units):
            return None
        nxt = self.units[i]
        alone = i + 1 >= len(self.units) or self.units[i + 1].line != nxt.line or self.units[i + 1].page != nxt.page
        return nxt if alone and len(nxt.text.split()) <= 3 and continues(u, nxt) and not nxt.heading \
            and nxt.field is None and not _is_label_unit(nxt) and not _caption(nxt) else None

    def column_text(self, u: Unit) -> str:
        """A PDF table cell's text: ``u`` and the lines under it that start at its x.

        Also past a page break (a row split over two pages). Text of the other columns beside
        those lines is passed over; the cell ends at a gap, a box in its column, or a new row
        starting to its left.
        """
        pieces, last = [u.text], u
        if u.x0 is None:
            return u.text
        for nxt in self.units[self.index(u) + 1:]:
            if nxt.x0 is None or nxt.top is None or last.bottom is None or nxt.heading or nxt.field is not None \
                    or nxt.section != u.section:
                break
            if nxt.page == last.page and nxt.line == last.line:
                continue  # another cell of a line already read
            below_last = nxt.page == last.page and nxt.top > last.bottom - 1
            if abs(nxt.x0 - u.x0) > 3:
                if below_last and (nxt.x0 < u.x0 - 3 or nxt.top - last.bottom > 18):
                    break  # the next row begins (its first cell is left of this one), or the table ends
                continue
            if nxt.checked is not None or (nxt.page == last.page and nxt.top - last.bottom > 18) \
                    or (nxt.page != last.page and nxt.top > PAGE_TOP_ZONE):
                break
            pieces.append(nxt.text)
            last = nxt
        return " ".join(pieces)

    def row_text(self, u: Unit) -> str:
        """``u`` and the units right of it on its line or table row, joined."""
        pieces, nxt = [u.text], self.right(u)
        while nxt is not None and nxt.field is None:
            pieces.append(nxt.text)
            nxt = self.right(nxt)
        return " ".join(pieces)

    def _owned_right(self, u: Unit, candidate: Unit, gap_below: float) -> bool:
        """Whether text right of ``u`` on its PDF line is the value of another label.

        It is when it sits under that label, starting where the label starts and as close as the
        text under ``u`` sits under ``u`` (two columns of labels with values under them).
        """
        if candidate.top is None or candidate.field is not None:
            return False
        over = self.above(candidate)
        return over is not None and over is not u and over.label is not None \
            and abs((over.x0 or 0) - (candidate.x0 or 0)) <= 6 \
            and _gap(over, candidate) <= max(12.0, gap_below + 6)

    def _neighbours(self, u: Unit, allow_above: bool) -> list[Unit | None]:
        """Where a label's value may stand, nearest first: right, below (or above), the next line's start."""
        below = self.below(u)
        if allow_above and below is not None and self._owned_below(u, below):
            below = None
        right = self.right(u)
        if right is not None and below is not None and self._owned_right(u, right, _gap(u, below)):
            right = None
        order = [right, below]
        if allow_above:
            above = self.above(u)
            above_first = self.values_above or (_gap(above, u) <= _gap(u, below) and not self.values_below
                                                and (u.top is not None or u.table is None or below is None))
            # (in a Word table, the cell under a label first)
            order.insert(1 if above_first else 2, above)
        if u.top is not None:
            order.append(self._run_on(u))  # 'Date:' ending a wrapped line, its date starting the next
        return order

    def _run_on(self, u: Unit) -> Unit | None:
        """The text starting the next line, left of ``u``, when ``u`` ends its line (a wrapped line)."""
        i = self.index(u) + 1
        if i >= len(self.units):
            return None
        nxt = self.units[i]
        if nxt.field is not None or nxt.page != u.page or nxt.top is None or u.bottom is None or nxt.line == u.line:
            return None
        same_line = [x for x in self.units[max(0, i - 4):i] if x.line == u.line and x.page == u.page]
        before = [x for x in same_line if x is not u]
        if not before or any(x.label is not None and not x.label.rest for x in before):
            return None  # first on its line, or in a row of labels over their values: no wrapped line
        start = min((x.x0 or 0) for x in same_line)
        return nxt if 0 <= nxt.top - u.bottom <= 8 and abs((nxt.x0 or 0) - start) <= 4 else None

    def _owned_below(self, u: Unit, candidate: Unit) -> bool:
        """A value under ``u`` that sits right over another label belongs to that label."""
        if candidate.top is None or u.bottom is None:
            return False
        under = self.below(candidate)
        return under is not None and under.label is not None and _gap(candidate, under) < _gap(u, candidate) \
            and abs((under.x0 or 0) - (candidate.x0 or 0)) <= abs((u.x0 or 0) - (candidate.x0 or 0)) + OWN_EDGE
        # (and it starts where that label starts, as near as where ``u`` starts: a value between two
        # rows of labels belongs to the one it lines up with)

    def long_text(self, u: Unit, rest: str, stop: Iterable[str] = ()) -> tuple[str | None, Unit]:
        """A value that may run over several lines or paragraphs, until the next label or heading."""
        start, where = self.value(u, rest)
        if start is None:
            return None, u
        pieces = [start]
        i = self.index(where) + 1
        stops = tuple(stop)
        while i < len(self.units):
            nxt = self.units[i]
            if nxt.heading or _is_label_unit(nxt) or _caption(nxt) or nxt.field is not None \
                    or nxt.section != u.section:
                break
            if where.top is not None and nxt.top is not None and nxt.page == where.page:
                if nxt.top - (self.units[i - 1].bottom or nxt.top) > 18:
                    break
                if where.x0 is not None and nxt.x0 is not None and nxt.x0 + 40 < where.x0:
                    break
            if where.table is not None and (nxt.table, nxt.row) != (where.table, where.row):
                break
            if any(re.search(s, nxt.text, re.I) for s in stops) or nxt.checked is not None:
                break
            if nxt.sub is not None and _CELL_PAIR.match(nxt.text):
                break  # the next line of a cell read line by line is a pair of its own ('Supports in this plan: ...')
            pieces.append(nxt.text)
            i += 1
        return " ".join(pieces), where


_CELL_PAIR = re.compile(r"^[A-Z][\w'’ ()/&-]{1,40}:\s+\S")
"""A line of a cell that opens with a caption and its colon ('Supports in this plan: Rent, ...')."""

_SIGNATURE_LABELS = ("generic.signature", "generic.date")


def _values_over_labels(units: Sequence[Unit]) -> bool:
    """Whether the signatures part puts values on the line over their labels.

    ('/s/ Ana Ruiz', then 'Participant signature' under it): its first signature or date label
    on a PDF page has plain text straight over it, after the heading.
    """
    previous: Unit | None = None
    for u in units:
        if u.section != "signatures" or u.field is not None:
            continue
        m = match_label(u.text) if not u.heading else None
        if m is not None and m.key in _SIGNATURE_LABELS:
            return u.top is not None and previous is not None and previous.top is not None \
                and previous.page == u.page and previous.bottom is not None and previous.bottom <= u.top + 2 \
                and match_label(previous.text) is None and previous.checked is None \
                and u.top - previous.bottom <= ABOVE_REACH
        if not u.heading and (previous is None or previous.line != u.line):
            previous = u
        elif u.heading:
            previous = None
    return False


def _has_word(text: str) -> bool:
    """Text with a letter or digit in it: not a rule of dashes or stars printed across the page."""
    return any(c.isalnum() for c in text)


LABELS_UNDER_SHARE = 0.6
"""Share of a flat form's parts whose first label must have its value on the line over it."""


def _labels_under_values(units: Sequence[Unit]) -> bool:
    """Whether a flat PDF form prints its labels under the lines the values are written on.

    'Part A. Enrollee' / 'Kevin T. Brandt' / 'Enrollee name': in most parts, the first label
    under the heading has plain text between the heading and itself, straight over it (not a row
    of three or more column headers). (Where labels stand over their values, the first label comes
    right under the heading; deeper in a part the two layouts look alike, each label between two
    values.)
    """
    if any(u.top is None for u in units if u.field is None) or any(u.field is not None for u in units):
        return False
    parts = over = 0
    since_heading: list[Unit] | None = None
    for u in units:
        if u.heading:
            since_heading = []
            continue
        if since_heading is None or u.section in ("signatures", "terms", None):
            continue
        m = match_label(u.text)
        if m is None or m.key.startswith(CONTEXT_ONLY):
            since_heading.append(u)
            continue
        if not m.rest and any(p.text.rstrip().endswith(":") for p in since_heading):
            since_heading = None  # a caption of its own ('When did we meet?:') before it: labels stand over values
            continue
        if not m.rest:
            parts += 1
            if any(p.page == u.page and p.checked is None and _has_word(p.text) and p.bottom is not None
                   and p.bottom <= (u.top or 0) + 2 and sum(q.line == p.line for q in since_heading) < 3
                   and _overlaps(u, p) and (u.top or 0) - p.bottom <= ABOVE_REACH / 2 for p in since_heading):
                over += 1
        since_heading = None  # only the first label of a part
    return parts >= 2 and over >= LABELS_UNDER_SHARE * parts


def _values_under_labels(units: Sequence[Unit]) -> bool:
    """Whether a signatures part writes each value under its label.

    Its first signature or date label comes straight after the heading (or another label),
    with no text over it that could be its value: 'Signatures' / 'Signature of job seeker' /
    '/s/ Maria L. Gonzalez'.
    """
    previous: Unit | None = None
    for u in units:
        if u.section != "signatures" or u.field is not None:
            continue
        m = match_label(u.text) if not u.heading else None
        if m is not None and m.key in _SIGNATURE_LABELS:
            return u.table is None and (previous is None or previous.heading or match_label(previous.text) is not None)
        previous = u
    return False


def _same_cell(a: Unit, b: Unit) -> bool:
    """Both units stand in the same Word table cell."""
    return (a.table, a.row, a.cell, a.part) == (b.table, b.row, b.cell, b.part)


def _gap(upper: Unit | None, lower: Unit | None) -> float:
    """Vertical distance between two units (Word: 0 for adjacent table rows); inf when unknown."""
    if upper is None or lower is None:
        return float("inf")
    if upper.bottom is None or lower.top is None:
        return 0.0 if upper.table is not None else float("inf")
    return lower.top - upper.bottom


def _is_date(text: str) -> bool:
    return iso_date(text) is not None


_NUMBERS = ("en.pid", "ticketholder.ssn")
"""Labels whose value is a number: text beside or under them without a digit is not theirs."""


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _overlaps(a: Unit, b: Unit) -> bool:
    if None in (a.x0, a.x1, b.x0, b.x1):
        return True
    assert a.x0 is not None and a.x1 is not None and b.x0 is not None and b.x1 is not None
    return b.x0 < a.x1 + 20 and b.x1 > a.x0 - 20


def _is_label_unit(u: Unit) -> bool:
    return u.label is not None


_CAPTION = re.compile(r"^[^:\d]{2,40}:$")


def _caption(u: Unit) -> bool:
    """Printed text that is a label of its own ('Target occupation:'), known or not: never a value."""
    return u.field is None and bool(_CAPTION.match(u.text.strip())) and len(u.text.split()) <= 6


# --- labels in context ----------------------------------------------------------------------


def _label_for_field(u: Unit) -> tuple[str, str] | None:
    """(key, label text) for a form-field unit: its tooltip, printed label, name or context.

    See ``fields.field_label``; computed once per unit.
    """
    assert u.field is not None
    if u.field_label is False:
        u.field_label = fields.field_label(u.field, u.section)
    return u.field_label  # type: ignore[return-value]


def _resolve(key: str, section: str | None, party: str | None) -> str | None:
    """Turn a generic label into a record key using the section and the party in context."""
    if not key.startswith("generic."):
        if key == "alternate.relationship" or key == "generic.relationship":
            return "alternate.relationship"
        if key == "en.contact_person" and section == "signatures":
            return "sig.en.printed_name"  # 'Staff name' in the signature block names who signed
        return key
    what = key.split(".", 1)[1]
    if section == "signatures":
        who = "sig.en" if party in (None, "en") else "sig.th" if party == "ticketholder" else None
        if who is None:
            return None
        return {"signature": f"{who}.signature", "date": f"{who}.date", "printed_name": f"{who}.printed_name",
                "name": f"{who}.printed_name", "title": f"{who}.title"}.get(what)
    if what == "date" and section == "discussion":
        return "discussion.date"
    if what == "signature":
        return None
    if what == "relationship":
        return "alternate.relationship"
    if what == "id":
        # 'Program ID', 'Agency ID': the plan's only identifier is the EN's; the person's is the SSN.
        return "en.pid" if party == "en" or (party is None and section in (None, "part1")) else None
    if party is None:
        return None
    prefix = {"en": "en", "ticketholder": "ticketholder", "alternate": "alternate"}[party]
    if what in ("name", "phone", "email", "address"):
        if party == "en" and what == "name" and section not in (None, "part1"):
            return None
        return f"{prefix}.{what}"
    if what == "printed_name" and party == "en":
        return "sig.en.printed_name"
    return None


def _label_party(label_text: str) -> str | None:
    head = re.split(r"[:]", label_text, maxsplit=1)[0]
    return party_of(head)


def label_targets(units: Sequence[Unit]) -> Iterator[tuple[str, Unit]]:
    """Every label of ``units`` (printed label or form field) with the record key it stands for.

    Generic labels ("Name", "Date", "Signature") are resolved with the section and the party
    in context. Used to read values (:func:`collect_labels`) and to see which labels a blank
    template has (``iwp template check``).
    """
    party: str | None = None
    section: str | None = None
    person_signed = False
    person_signed_as = ""  # the words of the person's signature field, once read
    person_dated = False  # the person's signature field and then its date field read
    for i, u in enumerate(units):
        if u.section != section:
            section, party = u.section, None
        if u.heading:
            party = party_of(u.text) or u.party or party
            continue
        if u.field is not None:
            hit = _label_for_field(u)
            if hit is None:
                continue
            key, text = hit
            named = fields.field_party(u.field, text)
            party = named or _other_signer(key, party, text) or party
            if key == "generic.signature" and party == "ticketholder" and person_signed_as \
                    and _first_word(text) != _first_word(person_signed_as):
                party = "en"  # 'Outreach Worker signature' after 'Farmworker signature': the other signer
            elif named is None and person_dated and party == "ticketholder" and key in _SIGNER_FIELDS:
                party = "en"  # '33. Printed name' after the person's signature and its date: the other signer's
            # A field that says it is a signature (or its date) is one, whatever section it is in.
            target = _resolve(key, "signatures" if fields.is_signature(u.field, key) else section, party)
            if target == "sig.th.signature" and not person_signed_as:
                person_signed_as = text
            person_dated = person_dated or (target == "sig.th.date" and bool(person_signed_as))
            if target:
                yield target, u
            continue
        if u.label is None:
            if section in ("part1", "signatures", None):
                words = len(re.findall(r"[A-Za-z]+", u.text))
                if section == "signatures" and person_signed and words <= 5 \
                        and vocabulary()["staff_caption"].match(u.text.strip()):
                    party = "en"  # 'Tenant Services Coordinator' over a block: the EN's staff, whatever word leads it
                elif words <= 6 and (named := party_of(u.text)):
                    party = named
                elif section == "signatures" and party == "ticketholder" and person_signed and words <= 4 \
                        and _opens_signer_block(units, i):
                    party = "en"  # 'Transition Specialist' over the other block, after the person's: the other signer
            continue
        party = _label_party(u.text) or (_other_signer(u.label.key, party, u.text) if section == "signatures"
                                          else None) or party
        if section == "signatures" and person_signed and party == "ticketholder" \
                and (signer := dashed_signer(u.text)) is not None and party_of(signer) is None:
            party = "en"  # 'Placement Steward — Printed name: ...' after the person's lines: the other signer
        if party is None and u.label.key == "generic.name" and section in ("part1", None) and any(
                n.label is not None and n.label.key == "ticketholder.ssn" for n in units[i + 1:i + 3]):
            party = "ticketholder"  # a name given with a Social Security number is the person's ('The Youth')
        target = _resolve(u.label.key, section, party)
        person_signed = person_signed or target == "sig.th.signature"
        if target is not None:
            yield target, u


_SIGNER_FIELDS = ("generic.signature", "generic.name", "generic.printed_name", "generic.date", "generic.title")
"""A signer's fields: after the person's signature and date, the next such field with no party is the other signer's."""


def _first_word(text: str) -> str:
    """The first word of a field's words, in lower case ('' when it has none)."""
    m = re.search(r"[A-Za-z]+", text)
    return m[0].lower() if m else ""


def _opens_signer_block(units: Sequence[Unit], i: int) -> bool:
    """``units[i]`` is a caption over a signer's lines: plain words, with a signature label right after it.

    (An outline's number between them, 'B. The College' / '1.' / 'Signature ...', is passed over.)
    """
    u = units[i]
    nxt = next((v for v in units[i + 1:i + 3] if not _OUTLINE_MARK.fullmatch(v.text.strip())), None)
    return nxt is not None and nxt.label is not None \
        and nxt.label.key in ("generic.signature", "generic.printed_name", "generic.name") \
        and not re.search(r"\d", u.text) and u.checked is None and nxt.section == u.section


def _other_signer(key: str, party: str | None, label: str) -> str | None:
    """'Recruiter signature' (no party word) right after the person's signature: the EN's, the other signer.

    Only a signature label that names who signs with words of its own, not a bare 'Signature' (nor
    'e-signed:', 'Signed:').
    """
    label = BOX_NUMBER.sub("", strip_lead(label), count=1)  # ('34 COORDINATOR SIGNATURE')
    if key == "generic.signature" and party == "ticketholder" \
            and re.match(r"^\s*(?!signature\b|sign\b|date\b|e-?sign|signed\s*:|electronic)[A-Za-z]", label, re.I):
        return "en"
    of = re.match(r"^\s*signature of (?:the )?([A-Za-z][\w ]{2,40}?)\s*(?::|$)", strip_lead(label), re.I)
    if key == "generic.signature" and party == "ticketholder" and of and party_of(of[1]) != "ticketholder":
        return "en"  # 'Signature of the Career Pathways Advisor' after the person's: the other signer
    return None


_PARTY_CAPTION = re.compile(r"^([A-Za-z][A-Za-z'’ ().-]{1,40}?)\s*(?:(?::|\s[—–])\s*(.*))?$", re.S)


def mark_party_signature_lines(units: Sequence[Unit]) -> None:
    """Under the signatures heading, a party named on its own is that party's signature line.

    Named with a colon ('Participant: /s/ Ana Ruiz', 'EN Representative: ____'), or alone in
    plain type under a signature line: not a name, and not nothing.
    """
    person_signed = False
    for u in units:
        if u.section != "signatures" or u.field is not None or u.heading:
            continue
        m = _PARTY_CAPTION.match(strip_lead(u.text))  # '(a) Veteran (or representative): //signed// ...'
        if m is None or re.search(r"\b(?:name|date|signed on|dated|title)\b", m.group(1), re.I):
            continue
        party = party_of(m.group(1))
        if party is None and person_signed and m.group(2) and u.label is None and len(m.group(1).split()) <= 4:
            u.label = LabelMatch("generic.signature", m.group(2).strip())  # 'Learner Navigator — Dana Whitfield'
            continue  # after the person's line: the other signer's (see _other_signer)
        if party is None:
            continue
        person_signed = person_signed or party == "ticketholder"
        if m.group(2) is None and (u.heading_hint or len(m.group(1).split()) > 4 or not _only_party(m.group(1))):
            continue  # a party named alone must be only the party, in plain type (not a sub-heading)
        if u.label is None or u.label.key == "ticketholder.name":
            u.label = LabelMatch("generic.signature", (m.group(2) or "").strip())


def _only_party(text: str) -> bool:
    """The text names a party and nothing else ('EN Representative', 'Participant')."""
    rest = text
    for patterns in vocabulary()["parties"].values():
        for p in patterns:
            rest = p.sub(" ", rest)
    return not re.sub(r"(?i)\b(?:the|or|and|authorized|rep)\b|[\W_]", "", rest)


_WRAPPING_NAMES = ("en.name", "alternate.name", "discussion.modality")
"""Values read beside or under their label that may wrap in a narrow cell of a flat PDF."""


def collect_labels(units: Sequence[Unit], reader: Reader, found: Found) -> None:
    """Resolve every label of the main part into ``found``."""
    long_keys = ("discussion.summary", "goals.short_term", "goals.long_term")
    # Form fields first: a field holds what its words say, before printed text near it is read.
    for target, u in sorted(label_targets(units), key=lambda hit: hit[1].field is None):
        if u.field is not None:
            if u.field.kind in ("text", "choice", "signature", "radio"):
                found.put(target, u.text, u, claim=True)
            continue
        if target in long_keys or u.label is None:
            continue  # handled by the component readers
        accept = _is_date if target.endswith(".date") else _has_digit if target in _NUMBERS \
            else _short if target == "discussion.modality" else None
        wanted = _names_modality if target == "discussion.modality" else None
        value, where = reader.value(u, u.label.rest, allow_above=target.startswith("sig."), accept=accept,
                                    wanted=wanted)
        if value is not None and where is u and u.top is not None:
            value = reader.wrapped(u, value)
        elif value is not None and where is not u and where.top is not None and target in _WRAPPING_NAMES \
                and (tail := reader.name_tail(where)) is not None:
            value = f"{value} {tail.text}"  # a name wrapped in its cell ('Bright Path Employment' / 'Services')
        found.put(target, value, where)
    box, ticked = fields.modality_boxes(units)  # a checkbox per way of meeting: the boxes decide
    known = found.where.get("discussion.modality")
    # The boxes decide over a printed neighbour of the label, and over a box the label took as its value ('[ ]').
    if box is not None and (known is None or known.field is None or not _chosen_text(found.get("discussion.modality"))):
        found.values.pop("discussion.modality", None)
        found.where.pop("discussion.modality", None)
        found.claimed.discard("discussion.modality")
        found.put("discussion.modality", ticked, box, claim=True)


MODALITY_WORDS = 12
"""Most words of a way of meeting written beside its label; a longer text near it is the summary."""


def _short(text: str) -> bool:
    return len((_chosen_text(text) or text).split()) <= MODALITY_WORDS  # the ticked option's words


_GRID_LABELS = ("generic.signature", "generic.date", "generic.printed_name", "generic.name", "generic.title")
"""Labels a signature table's header row is made of."""
GRID_ROW_GAP = 30.0
"""Points between two lines of a PDF signature table beyond which the table has ended."""


@dataclass
class _GridRow:
    head: list[Unit] = field(default_factory=list)
    cells: dict[int, list[Unit]] = field(default_factory=dict)


def collect_header_rows(units: Sequence[Unit], found: Found) -> None:
    """Signature tables: a header row of labels and one row per party.

    The header holds 'Signature', 'Printed name', 'Date'; each row names its party in its first
    cell ('Customer', 'EN Representative').

    Word tables by their rows and cells, PDF tables by lines and the header's columns (cells
    that wrap onto more lines are joined). The values are put first, and the table's units lose
    their labels: a header cell's value is the cell of each party, not the one under it.
    """
    person_word = ""  # the first word of the person's own block of labels, once read
    for header, rows in _signature_grids(units):
        own_party = None
        if not rows:
            continue  # a header with nothing under it read as a grid: its labels read their values themselves
        if not any(row.head for row in rows):
            # Labels over one signer's values ('Coordinator signature' over 'Dana Whitfield'), no party
            # column: in Word the labels read the cells under them; on a PDF line the header says whose
            # they are, or else they are the other signer's, after the person's.
            if header[0].table is not None:
                continue
            own_party = party_of(" ".join(h.text for h in header)) or (
                "en" if found.get("sig.th.signature") is not None else None)
            if own_party == "ticketholder" and person_word and _first_word(header[0].text) != person_word:
                own_party = "en"  # 'Outreach Worker signature' after 'Farmworker signature': the other signer's
            elif own_party == "ticketholder":
                person_word = _first_word(header[0].text)
            if own_party is None:
                continue  # whose they are is read with the labels, in order
        signers: list[str | None] = []
        for row in rows:
            party = own_party or party_of(" ".join(u.text for u in row.head))
            if party in (None, "ticketholder") and row.head and "ticketholder" in signers and "en" not in signers:
                # 'Apprenticeship Coordinator' in the row after the person's (or 'Member Assistance
                # Representative', which names the person's word too): the other signer
                party = "en"
            signers.append(party)
            for column, cell in sorted(row.cells.items()):
                label = match_label(header[column].text)
                target = _resolve(label.key, "signatures", party) if label and party else None
                if target:
                    found.put(target, " ".join(u.text for u in cell), cell[0])
        for u in header + [u for row in rows for u in row.head + [c for cell in row.cells.values() for c in cell]]:
            u.label = None


_SIGNER_COLUMN = re.compile(r"^\s*(?:signed by|signer|signatory|party|who(?: signs)?|role)\s*:?\s*$", re.I)
"""The header of a signature table's first column, the one that names who signs each row."""


def _grid_header(cells: Sequence[Unit]) -> bool:
    """Two or more label cells and nothing else, none naming a party: a signature table's header."""
    labels = [match_label(u.text) for u in cells]
    return len(cells) >= 2 and all(m is not None and m.key in _GRID_LABELS and not m.rest for m in labels) \
        and not any(party_of(u.text) for u in cells)


def _signature_grids(units: Sequence[Unit]) -> Iterator[tuple[list[Unit], list[_GridRow]]]:
    """Each signature table of the signatures section: its header cells (columns in order) and rows."""
    section = [u for u in units if u.section == "signatures" and u.field is None]
    tables: dict[tuple[str, int], list[Unit]] = {}
    for u in section:
        if u.table is not None and u.row is not None:
            tables.setdefault((u.part, u.table), []).append(u)
    for cells in tables.values():  # Word: rows and cells
        by_row: dict[int, list[Unit]] = {}
        for u in cells:
            by_row.setdefault(u.row or 0, []).append(u)
        def labels(row: list[Unit]) -> list[Unit]:  # (a 'Role' column anywhere names each row's party)
            return [u for u in row if not _SIGNER_COLUMN.match(u.text)] if len(row) >= 3 else row
        header_row = next((r for r in sorted(by_row) if _grid_header(labels(by_row[r]))
                           and len(by_row[r]) - len(labels(by_row[r])) <= 1), None)
        if header_row is None:
            continue
        header = sorted(by_row[header_row], key=lambda u: u.cell or 0)
        party_column = next((u.cell for u in header if len(header) >= 3 and _SIGNER_COLUMN.match(u.text)), None)
        if party_column is not None:
            header = [u for u in header if u.cell != party_column]  # 'Signed by' / 'Role' names each row's party
        first = min(u.cell or 0 for u in header)
        rows = []
        for r in sorted(r for r in by_row if r > header_row):
            row = _GridRow()
            for u in by_row[r]:
                if (u.cell or 0) < first or party_column is not None and u.cell == party_column:
                    row.head.append(u)
                else:
                    column = max((i for i, h in enumerate(header) if (h.cell or 0) <= (u.cell or 0)), default=0)
                    row.cells.setdefault(column, []).append(u)
            rows.append(row)
        yield header, rows
    lines: list[list[Unit]] = []
    for u in section:  # PDF: lines, and columns from the header's positions
        if u.table is None and u.top is not None:
            if lines and (lines[-1][0].page, lines[-1][0].line) == (u.page, u.line):
                lines[-1].append(u)
            else:
                lines.append([u])
    for i, line in enumerate(lines):
        role = next((u for u in line if _SIGNER_COLUMN.match(u.text)), None) if len(line) >= 3 else None
        if role is not None and _grid_header([u for u in line if u is not role]):
            # 'Role' heads the column that names each row's party, first or anywhere in the header
            yield [u for u in line if u is not role], _pdf_grid_rows([u for u in line if u is not role],
                                                                    lines[i + 1:], role)
        elif _grid_header(line):
            yield line, _pdf_grid_rows(line, lines[i + 1:])


def _pdf_grid_rows(header: list[Unit], lines: list[list[Unit]], role: Unit | None = None) -> list[_GridRow]:
    """The rows under a PDF table header.

    A line with a row head and a cell starts a row; a line with only some of them continues the
    row above (text wrapped in its cell). Under a ``role`` column set among the others, what is
    written is the row's head too (it names the row's party).
    """
    left = min(h.x0 or 0 for h in header)
    if role is not None and (role.x0 or 0) < left:
        role = None  # the role column first: left of the others, the row's head as usual
    after_role = min((h.x0 or 0 for h in header if role is not None and (h.x0 or 0) > (role.x0 or 0)),
                     default=float("inf"))

    def under_role(u: Unit) -> bool:
        return role is not None and (role.x0 or 0) - 4 <= (u.x0 or 0) < after_role - 4

    rows: list[_GridRow] = []
    previous = header[0]
    for line in lines:
        u0 = line[0]
        if u0.heading or (u0.page == previous.page and (u0.top or 0) - (previous.bottom or 0) > GRID_ROW_GAP) \
                or (u0.page != previous.page and (u0.top or 0) > PAGE_TOP_ZONE):
            break
        head = [u for u in line if (u.x1 or 0) <= left + 2 or under_role(u)]
        body = [u for u in line if (u.x1 or 0) > left + 2 and not under_role(u)]
        if any(u.x0 is not None and u.x0 < left - 2 and (u.x1 or 0) > left + 2 for u in line):
            break  # text running across the columns: the table has ended
        if head and body or not rows:
            if not head:
                break
            rows.append(_GridRow())
        rows[-1].head += head
        for u in body:
            column = max((i for i, h in enumerate(header) if (h.x0 or 0) <= (u.x0 or 0) + 4), default=0)
            rows[-1].cells.setdefault(column, []).append(u)
        previous = line[-1]
    return rows


# --- components -----------------------------------------------------------------------------


def read_discussion(units: Sequence[Unit], reader: Reader, found: Found) -> Discussion:
    """Part Two, Section 1: date, modality and synopsis."""
    summary, where = None, None
    for u in units:
        if u.label and u.label.key == "discussion.summary" and u.section in ("discussion", "part1", None, UNPLACED):
            summary, where = _paragraph_above(reader, u) if reader.labels_under else \
                (reader.wrapped(entry, entry.text), entry) if (entry := reader.checklist_entry(u)) is not None else \
                reader.long_text(u, u.label.rest)
            if summary:
                break
    if summary is None:  # an unlabelled paragraph in the discussion section (PDF: its lines joined)
        for u in units:
            if u.section == "discussion" and not u.heading and u.label is None and u.field is None \
                    and u.checked is None:
                text, start = reader.long_text(u, u.text)
                if text and len(text.split()) >= SUMMARY_WORDS:
                    summary, where = text, start
                    break
    if summary and where is not None:
        found.put("discussion.summary", summary, where)
    labelled = found.get("discussion.modality")
    if labelled and labelled.count(UNCHECKED) == 1 and CHECKED not in labelled:
        labelled = None  # the first of options set one under another, not ticked: the ticked one is further down
    modality_text = labelled or _checked_option(units, reader, "discussion") \
        or _modality_sentence(units) or next((s for s in prose.meeting_sentences(units) if _names_modality(s)), None) \
        or _lone_modality(units) or _modality_answered(units, reader)
    if modality_text and (coded := _CODE.fullmatch(modality_text.strip())):
        modality_text = _legend_meaning(units, coded[0]) or modality_text  # 'TC' under 'TC = telephone call'
    return Discussion(
        date=iso_date(found.get("discussion.date")),
        modality=normalise_modality(modality_text),
        modality_as_written=clean(_chosen_text(modality_text)),
        summary=found.get("discussion.summary"),
    )


def _modality_answered(units: Sequence[Unit], reader: Reader) -> str | None:
    """The way of meeting a plan asks about in Yes/No questions, one per way: the one answered Yes.

    ('Held in person at the Program office?' / 'Yes', 'Held by telephone?' / 'No'.) Only when
    exactly one question that names a way of meeting has the answer Yes beside or under it.
    """
    chosen = []
    for u in units:
        if u.section != "discussion" or u.field is not None or not u.text.rstrip().endswith("?") \
                or not _names_modality(u.text):
            continue
        answer = reader.right(u) or reader.below(u)
        if answer is not None and re.fullmatch(r"\s*(?:yes|y)\s*\.?\s*", answer.text, re.I):
            chosen.append(u.text.rstrip(" ?"))
    return chosen[0] if len(chosen) == 1 else None


def _paragraph_above(reader: Reader, u: Unit) -> tuple[str | None, Unit]:
    """On a form that prints labels under the lines, the paragraph written over a label: its value."""
    i = reader.index(u) - 1
    lines: list[Unit] = []
    while i >= 0:
        above = reader.units[i]
        if above.heading or above.label is not None or above.field is not None or above.section != u.section \
                or above.page != u.page or above.checked is not None:
            break
        lines.append(above)
        i -= 1
    text = " ".join(line.text for line in reversed(lines))
    return (text, lines[-1]) if len(text.split()) >= SUMMARY_WORDS else (None, u)


_MET = re.compile(r"\b(?:we|I|you and (?:I|we)|they)\s+(?:met|talked|spoke|had (?:our|the|this) (?:meeting|discussion))"
                  r"\b([^.;]{0,50})", re.I)
"""A sentence that says how the meeting took place: 'We met by video (Zoom).', 'We talked by phone.'"""


def _modality_sentence(units: Sequence[Unit]) -> str | None:
    """The way of meeting stated in a sentence of the discussion part, when no label or box gives it."""
    for u in units:
        if u.section != "discussion" or u.heading or u.field is not None:
            continue
        for m in _MET.finditer(u.text):
            if _names_modality(m.group(1)):
                return m.group(1).strip()
    return None


LONE_MODALITY_WORDS = 6
"""Most words of a value that alone names the way of meeting ('In person', 'Video call (Teams)')."""


def _lone_modality(units: Sequence[Unit]) -> str | None:
    """The one short value of the discussion part that names a way of meeting, under a label not in the vocabulary.

    ('Meeting held' / 'In person'.) Options printed side by side without marks name several
    ways: then none is chosen here.
    """
    found = [u.text for u in units if u.section == "discussion" and u.field is None and not u.heading
             and u.label is None and u.checked is None and len(u.text.split()) <= LONE_MODALITY_WORDS
             and _names_modality(u.text)]
    return found[0] if len(found) == 1 else None


_CODE = re.compile(r"[A-Z]{1,4}")
"""A value written as a short code in capitals ('TC'), explained elsewhere by a legend."""


def _legend_meaning(units: Sequence[Unit], code: str) -> str | None:
    """What a legend line says a code means ('Contact types: IP = in person · TC = telephone call')."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(code)}\s*[=:–—-]\s*([^=·;|,]+?)\s*(?=[·;|,]|\s+[A-Z]{{1,4}}\s*=|$)")
    for u in units:
        if u.field is None and u.text.count("=") >= 2 and (m := pattern.search(u.text)):
            return m[1]
    return None


def normalise_modality(text: str | None) -> str | None:
    """face-to-face -> in_person, phone call -> telephone, Zoom -> video, ..."""
    chosen = _chosen_text(text)
    if not chosen:
        return None  # nothing written, or boxes none of which is ticked
    for key, patterns in vocabulary()["modalities"].items():
        if any_match(patterns, chosen):
            return key
    return "other" if clean(chosen) else None


def _names_modality(text: str) -> bool:
    """The text names a way of meeting ('Telephone', 'Video call'), not 'other' or nothing."""
    return normalise_modality(text) not in (None, "other")


def _chosen_text(text: str | None) -> str | None:
    """The option chosen in ``text``.

    The words of the ticked box, or the text itself when it has no boxes; empty when it has
    boxes and none is ticked.
    """
    if not text:
        return None
    checked = _checked_text(text)
    return text if checked is None else checked


def _checked_text(text: str) -> str | None:
    """The words of the ticked option in '[ ] Phone [x] Face-to-face' or 'Phone [ ] Video [x]'.

    None when there are no boxes, '' when none is ticked.
    """
    if "[x]" not in text and "[ ]" not in text:
        return None
    ticked = _ticked_options(text)
    return ticked[0] if ticked else ""


def _ticked_options(text: str) -> list[str]:
    """The words beside each ticked box: after the boxes when the text opens with a box, else before."""
    if text.lstrip().startswith("["):
        return [m.strip() for m in re.findall(r"\[x\]\s*([^\[]+)", text) if m.strip()]
    return [m.strip() for m in re.findall(r"(?:^|\])\s*([^\[\]]+?)\s*\[x\]", text) if m.strip()]


_ANSWER = re.compile(r"^\s*(?:\[(?P<box1>[x ])\]\s*(?P<word1>yes|no)|(?P<word2>yes|no)\s*\[(?P<box2>[x ])\])\s*$", re.I)


def _answer(text: str) -> bool | None:
    """'[x] Yes' -> True, '[x] No' -> False; an unticked or other text -> None."""
    m = _ANSWER.match(text)
    if m is None or (m["box1"] or m["box2"]) != "x":
        return None
    return (m["word1"] or m["word2"]).lower() == "yes"


def _answers(text: str) -> tuple[bool | None, str]:
    """A service line's own Yes / No boxes: the answer, and the text without them.

    'Job coaching [x] Yes [ ] No - weekly' gives True and 'Job coaching - weekly'; boxes none of
    which is ticked give False.
    """
    answer = None
    for m in re.finditer(r"\[([x ])\]\s*(yes|no)\b|\b(yes|no)\s*\[([x ])\]", text, re.I):
        if (m[1] or m[4]) == "x":
            answer = (m[2] or m[3]).lower() == "yes"
    if answer is None and not re.search(r"\[[x ]\]\s*(?:yes|no)\b|\b(?:yes|no)\s*\[[x ]\]", text, re.I):
        return None, text
    rest = re.sub(r"\[[x ]\]\s*(?:yes|no)\b|\b(?:yes|no)\s*\[[x ]\]", " ", text, flags=re.I)
    return answer if answer is not None else False, re.sub(r"^[\s:.\-–—]+|\s{2,}", " ", rest).strip()


def _checked_option(units: Sequence[Unit], reader: Reader, section: str) -> str | None:
    """A modality given only as checked boxes in the section (no label or no value beside it).

    The option's words follow the box in the same text, or stand in the next unit of the line
    or table row (an 'X' in a cell beside the option).
    """
    for u in units:
        if u.section != section or not u.checked:
            continue
        text = _checked_text(u.text)
        if not text:
            beside = reader.right(u)
            text = beside.text if beside is not None and beside.checked is None and beside.field is None else ""
        if normalise_modality(text) not in (None, "other"):
            return text
    return None


_PROMPT = re.compile(r"(?:\?(?:\s+[A-Za-z]+){0,3}\W*|:|\bexplain\W*|\(explain\)\W*)\s*$", re.I)
"""A line asking for a statement ('No work in the last 18 months? Explain', 'No past work? Say why'), not it."""


def read_work_history(units: Sequence[Unit], reader: Reader, found: Found) -> tuple[list[WorkEntry], str | None]:
    """Part Two, Section 2: a table of jobs, or label groups, or a statement that there is none."""
    section = [u for u in units if u.section == "work_history"]
    rows = fields.work_rows(section)  # jobs written into form fields
    if rows is not None:
        entries = [e for e in map(_work_entry, rows) if e is not None]
    else:  # a table of jobs, even one with no rows, says what jobs there are
        table = _work_table(_transposed(section, _WORK_COLUMNS))
        entries = table if table is not None else (_work_listed(section, reader) or _work_groups(section, reader)
                                                   or _work_sentences(section))
    statement = None
    unticked = fields.unticked_box_labels(section)  # 'No work in the last 18 months' beside an empty box
    for u in section:
        if u.heading is None and " ".join(u.text.split()) not in unticked and not _PROMPT.search(u.text) \
                and any_match(vocabulary()["no_work_history"], u.text):
            statement = clean(strip_lead(u.text))
            found.where.setdefault("no_work_history_statement", u.location)
            break
    return entries, statement


_WORK_COLUMNS = ("work.employer", "work.job_title", "work.dates", "work.start", "work.end", "work.hours",
                 "work.earnings")


_ROW_PREFIX = re.compile(
    r"^\s*(?:job|employment|employer|position|work|entry|row|engagement|assignment|role)\s*(?:#|no\.?)?\s*\d{1,2}"
    r"\s*[:.\-–—)·]\s*", re.I)
"""'Job 1: employer': a header cell that numbers its row (one header per job) before the column's words."""


def _work_header(text: str) -> LabelMatch | None:
    """A column header of a table of jobs: a job column's caption with no value after it."""
    m = match_label(_ROW_PREFIX.sub("", text) + ":", _WORK_COLUMNS)
    return None if m is None or m.rest.strip(" :") else m


def _transposed(section: Sequence[Unit], keys: tuple[str, ...]) -> list[Unit]:
    """``section`` with each Word table that runs sideways turned the usual way round.

    A table of jobs or goals may give one column to each job ('Job 1' | 'Job 2') with the
    details' labels down its first column ('Employer', 'Job title', 'Pay'). Such a table (two or
    more of ``keys`` down the first column and none in the first row) is read as if each
    column were a row, the first column becoming the header row. Copies of the units are
    returned; the section's own units are left as they are.
    """
    tables: dict[tuple[object, int], list[Unit]] = {}
    for u in section:
        if u.table is not None and u.row is not None and u.cell is not None and u.field is None and u.sub is None:
            tables.setdefault((u.part, u.table), []).append(u)
    turned: dict[int, Unit] = {}
    for cells in tables.values():
        top, left = min(u.row for u in cells), min(u.cell for u in cells)  # type: ignore[type-var]
        down = [u for u in cells if u.cell == left and u.row != top]
        across = [u for u in cells if u.row == top and u.cell != left]
        labels = [u for u in down if (m := match_label(u.text + ":", keys)) is not None and not m.rest]
        if len(labels) < 2 or len(labels) < 0.6 * len(down) or not across \
                or any(match_label(u.text + ":", keys) for u in across):
            continue
        orders = sorted(u.order for u in cells)
        for order, u in zip(orders, sorted(cells, key=lambda u: (u.cell, u.row)), strict=True):
            turned[id(u)] = replace(u, row=u.cell, cell=u.row, order=order)
    if not turned:
        return list(section)
    return sorted((turned.get(id(u), u) for u in section), key=lambda u: u.order)


def _rows(units: Sequence[Unit]) -> list[list[Unit]]:
    """Units by the row they stand in: a Word table row, or a PDF line."""
    rows: dict[tuple[object, object], list[Unit]] = {}
    for u in units:
        rows.setdefault((u.table, u.row) if u.table is not None else (u.page, u.line), []).append(u)
    return list(rows.values())


def _work_table(section: Sequence[Unit]) -> list[WorkEntry] | None:
    """Jobs from a table of columns: one header row over the jobs, or a header row over each job.

    None when there is no header row; an empty list when the table has no jobs in it.
    """
    ordered = _rows(section)
    entries: list[WorkEntry] = []
    headed = False
    i = 0
    while i < len(ordered):
        row = ordered[i]
        stacked = _stacked_job(row)  # each cell its column's caption over the value ('EMPLOYER' / 'Acme')
        if stacked is not None:
            headed = True
            if (entry := _work_entry(stacked)) is not None:
                entries.append(entry)
            i += 1
            continue
        header = [_work_header(c.text) for c in row]
        i += 1
        if sum(h is not None for h in header) < max(2, 0.6 * len(row)):
            continue  # no header row ('Dates worked | Jan. 2022 - Aug. 2024 | Pay | $16.50': captions beside values)
        headed = True
        texts = {id(c): c.text for c in row}
        columns = [(c, h.key if h else None) for c, h in zip(row, header, strict=True)]
        block: list[WorkEntry] = []
        while i < len(ordered):
            data = ordered[i]
            if not block and data and all(c.heading_hint and c.top is not None for c in data):
                # The header's own words wrapped onto a line of their own ('Gross monthly' / 'wages').
                for c in data:
                    head = next((h for h, _ in columns if h.x0 is not None and abs(h.x0 - (c.x0 or 0)) <= 3), None)
                    if head is not None:
                        texts[id(head)] += " " + c.text
                columns = [(h, m.key if (m := _work_header(texts[id(h)])) else None) for h, _ in columns]
                i += 1
                continue
            if any(c.heading for c in data):
                return entries + block
            if not block and data and len(data) < len(columns) and all(c.cell is not None for c in data) \
                    and all(_work_header(c.text) is not None for c in data) \
                    and not any(h.cell == c.cell for h, _ in columns for c in data[1:]):
                # 'Began' | 'Ended' under a merged 'Dates': the merged column's own headers, the others kept
                under = {c.cell: c for c in data}
                columns = sorted([(h, k) for h, k in columns if h.cell not in under]
                                 + [(c, m.key if (m := _work_header(c.text)) else None) for c in data],
                                 key=lambda hk: hk[0].cell or 0)
                i += 1
                continue
            if sum(_work_header(c.text) is not None for c in data) >= 2:
                break  # the next job's header row
            if any(_work_header(c.text) for c in data) or len(data) == 1 and _PROMPT.search(data[0].text):
                return entries + block  # another label ('If none, explain:') ends the table
            entry = _work_entry(_assign_columns(columns, data))
            if entry is not None:
                block.append(entry)
            i += 1
        entries += block
    return entries if headed else None


def _stacked_job(row: list[Unit]) -> dict[str, str] | None:
    """A table row whose cells each hold a caption over its value ('EMPLOYER' / 'Acme Storage'), as one job."""
    cells: dict[int | None, list[Unit]] = {}
    for u in row:
        if u.sub is None:
            return None
        cells.setdefault(u.cell, []).append(u)
    values: dict[str, str] = {}
    for parts in cells.values():
        head = _work_header(parts[0].text) if parts[0].sub == 0 else None
        if head is not None and len(parts) > 1:
            values[head.key] = " ".join(p.text for p in parts[1:])
    return values if len(values) >= 2 else None


def _assign_columns(columns: list[tuple[Unit, str | None]], data: list[Unit]) -> dict[str, str]:
    """The cells of a data row by the column they stand in (None: a column the reader does not use)."""
    values: dict[str, str] = {}
    left = min((c.x0 for c, _ in columns if c.x0 is not None), default=None)
    for cell in data:
        if cell.cell is None and left is not None and cell.x1 is not None and cell.x1 < left - 2:
            continue  # left of the table: a title in the page's margin ('the last 18 months')
        if cell.cell is not None:
            match = next((k for c, k in columns if c.cell == cell.cell), None)
        elif cell.x0 is not None:
            match = min(columns, key=lambda ck: abs((ck[0].x0 or 0) - (cell.x0 or 0)))[1]
        else:
            match = None
        if match:
            values[match] = (values.get(match, "") + " " + cell.text).strip()
    return values


def _work_entry(values: dict[str, str]) -> WorkEntry | None:
    employer, title = clean(values.get("work.employer")), clean(values.get("work.job_title"))
    if employer is None and title is None:
        return None
    if any_match(vocabulary()["no_work_history"], (employer or "") + " " + (title or "")):
        return None
    start, end = values.get("work.start"), values.get("work.end")
    if "work.dates" in values:
        pieces = re.split(r"\s+(?:-|–|—|to|through)\s+|\s*[-–—]\s*(?=[A-Z0-9])", values["work.dates"], maxsplit=1)
        start = start or pieces[0]
        end = end or (pieces[1] if len(pieces) > 1 else None)
    hours = parse_hours(values.get("work.hours")) if values.get("work.hours") else None
    money = parse_money(values.get("work.earnings"), hours_per_week=hours)
    return WorkEntry(employer=employer, job_title=title, start_date=parse_month(start), end_date=parse_month(end),
                     hours_per_week=hours, monthly_earnings=money.monthly if money else None,
                     earnings_as_written=clean(values.get("work.earnings")))


_NUMBERED_CAPTION = re.compile(r"^(?P<label>[A-Za-z][A-Za-z /]{1,30}?)\s+(?:#|no\.?\s*)?\d{1,2}\s*:?\s*$", re.I)


def _work_groups(section: Sequence[Unit], reader: Reader) -> list[WorkEntry]:
    groups: list[dict[str, str]] = []
    for i, u in enumerate(section):
        numbered = _NUMBERED_CAPTION.match(u.text)  # 'Company 1', 'Employer #2': a job's first caption
        if numbered and i + 1 < len(section) and (nxt := match_label(section[i + 1].text, _WORK_COLUMNS)) \
                and nxt.rest:
            continue  # 'Job 1' over 'Employer — Acme Storage': the job's title, its pairs follow
        text = numbered["label"] if numbered else _ROW_PREFIX.sub("", u.text)  # 'Job 1: Employer: Acme'
        m = u.label if u.label and u.label.key in _WORK_COLUMNS else (
            match_label(text, _WORK_COLUMNS) if u.field is None else None)
        if m is None:
            continue
        value, _ = reader.value(u, m.rest)
        if value is None:
            continue
        if m.key == "work.employer" or not groups or m.key in groups[-1]:
            groups.append({})
        groups[-1][m.key] = value
    return [e for e in (_work_entry(g) for g in groups) if e is not None]


_JOB_SENTENCE = re.compile(
    r"^(?:(?:I|he|she|they|[A-Z][a-z]+)\s+(?:worked|was employed|was|were)\s+)?(?:as\s+(?:an?\s+)?)?"
    r"(?P<title>[A-Z][\w'&/\- ]{1,40}?)\s+(?:at|for|with)\s+(?P<employer>[A-Z][\w'.&\- ]{1,60}?)"
    r"\s*(?:,|\bfrom\b|\bsince\b|\(|$)(?P<rest>.*)$")
"""A past job told as a sentence: 'Receptionist at Springfield Dental Group, June 2023 to September 2024, ...'."""
_WORKED_AS = re.compile(r"\b(?:you|I|he|she|they|[A-Z][a-z]+)\s+(?:worked|was employed|were employed)\s+as\s+"
                        r"(?:an?\s+)?(?P<title>[A-Z][\w'&/\- ]{1,40}?)\s+(?:at|for|with)\s+"
                        r"(?P<employer>[A-Z][\w'.&\- ]{1,60}?)\s*(?:,|\.|\bfrom\b|\bsince\b|\(|$)")
"""A past job inside a sentence: 'From June 2023 to September 2024 you worked as a Receptionist at ...'."""
_WORKED_AT = re.compile(r"\b(?:worked|was employed|were employed)\s+(?:at|for|with)\s+"
                        r"(?P<employer>[A-Z][\w'.&\- ]{1,60}?)\s+as\s+(?:an?\s+)?(?P<title>[A-Z][\w'&/\- ]{1,40}?)"
                        r"\s*(?:,|\.|\bfrom\b|\bsince\b|\(|$)")
"""The employer first: '... the Artist worked at Springfield Dental Group as Receptionist, about 20 hours ...'."""
_JOB_LIST = re.compile(r"^(?P<employer>[A-Z][^,;:—–]{1,60}?)\s*(?:[,;]|\s[—–]\s)\s*(?:as\s+(?:an?\s+)?)?"
                       r"(?P<title>[A-Z][^,;:(—–·]{1,40}?)\s*(?:[,;—–·]|(?=\())\s*(?P<rest>.+)$")
"""A past job as a list: 'Acme Storage, Inventory Clerk, January 2022 to August 2024, $495 weekly' (employer first),
'Acme Storage — Inventory Clerk (January/2022 to August/2024), ...', 'Acme — Clerk — Jan '22 to ...'."""
_MONTH = (r"[A-Z][a-z]+\.?(?:[ /-]\d{4}|\s*['’]\d{2})|\d{1,2}[/.-]\d{2,4}|\d{4}\s+[A-Z][a-z]{2,8}"
          r"|\d{4}[./-]\d{1,2}(?!\d)")
"""A month as a job's dates give it: 'June 2023', "June '23", '6/2023', '2023 Jun'."""
_MONTH_SPAN = re.compile(rf"(?P<start>{_MONTH})\s+(?:to|-|–|—|through|until)\s+(?P<end>{_MONTH}|present|now|today)",
                         re.I)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s]


def _work_listed(section: Sequence[Unit], reader: Reader) -> list[WorkEntry]:
    """Jobs each written whole under a caption listing their parts ('Job 1 (employer, title, dates, hours, pay)')."""
    entries = []
    for u in section:
        if u.field is not None or "(" not in u.text or fields.listed_parts(u.text, "") is None:
            continue
        i = reader.index(u) + 1  # the value beside the caption, or on the line after it
        nxt = reader.right(u) or (reader.units[i] if i < len(reader.units) else None)
        if nxt is not None and nxt.field is None and nxt.section == u.section \
                and fields.listed_parts(nxt.text, "") is None and (parts := fields.listed_parts(u.text, nxt.text)) \
                and (entry := _work_entry(parts)) is not None:
            entries.append(entry)
    return entries


def _work_sentences(section: Sequence[Unit]) -> list[WorkEntry]:
    """Past jobs written as sentences, when there is no table or labels.

    One to a paragraph or line, or several in a paragraph ('From June 2023 to September 2024
    you worked as a ...').
    """
    entries = []
    paragraphs: list[str] = []  # a PDF paragraph's lines joined again ('... worked at Springfield' / 'Dental ...')
    prev: Unit | None = None
    for u in section:
        if u.heading or u.field is not None or u.label is not None:
            prev = None
            continue
        if prev is not None and paragraphs and continues(prev, u):
            paragraphs[-1] += " " + u.text
        else:
            paragraphs.append(_ROW_PREFIX.sub("", strip_lead(u.text)).strip())  # 'Job 1: Acme — Clerk; ...'
        prev = u
    sentences = [s for text in paragraphs for s in _sentences(text)]
    for text in sentences:
        # 'you worked for X as a Y' first: as a plain sentence 'You worked' would be the title
        worked = "worked" in text or "employed" in text
        m = (_WORKED_AS.search(text) or _WORKED_AT.search(text) if worked else None) \
            or _JOB_SENTENCE.match(text) or _JOB_LIST.match(text)
        if m is None:
            continue
        rest = m["rest"] if m.re not in (_WORKED_AS, _WORKED_AT) else text
        span = _MONTH_SPAN.search(rest)
        values = {"work.employer": m["employer"], "work.job_title": m["title"]}
        if span:
            values.update({"work.start": span["start"], "work.end": span["end"]})
        elif m.re is _JOB_LIST:
            continue  # a list of words with commas, not a job
        if money := find_money(rest):
            values["work.earnings"] = rest[money.start():].split(";")[0].rstrip(" .")
        hours = re.search(r"\d{1,2}\s*(?:hours?|hrs?)\b[^,;.]{0,12}", rest)
        if hours:
            values["work.hours"] = hours.group(0)
        if span or "work.earnings" in values:  # a job, not any sentence with 'at' in it
            entry = _work_entry(values)
            if entry is not None:
                entries.append(entry)
    return entries


_GOAL_SUB = ("goal.job_title", "goal.hours", "goal.earnings", "goal.time_frame")


def read_goals(units: Sequence[Unit], reader: Reader, found: Found) -> EmploymentGoals:
    """Part Two, Section 3: the short- and long-term goals and any training."""
    texts: dict[str, tuple[str, Unit]] = {}
    subs: dict[str, dict[str, str]] = {"goals.short_term": {}, "goals.long_term": {}}
    current: str | None = None
    table = _goal_table(_transposed([u for u in units if u.section == "goals"], _GOAL_SUB))
    for u in units:
        if u.heading and u.section not in ("goals", None):
            current = None
        label = u.label if u.label else None
        if label and label.key in ("goals.short_term", "goals.long_term"):
            current = label.key
            if current not in texts and (row := _caption_row_goal(reader, u)):
                subs[current] = row  # 'Near goal (18 months): job | Hours/wk | Pay | By' over a row of values
                texts[current] = (fields.describe_goal(row), u)
            if current not in texts:
                stop = r"^\s*(?:job title|position|hours(?: per week)?|earnings|wages?|time ?frame)\s*:"
                nxt = reader.units[reader.index(u) + 1] if reader.index(u) + 1 < len(reader.units) else None
                if fields.names_goal(u.text) and nxt is not None and _goal_detail_label(nxt.text):
                    # the goal's name over a row of its details' labels (a table, read below); on a PDF
                    # line beside its details' captions, the job is what is written under the goal's name
                    below = reader.below(u) if u.top is not None and nxt.line == u.line else None
                    if below is not None and below.label is None and not _goal_detail_label(below.text):
                        subs[current].setdefault("goal.job_title", below.text)
                    continue
                text, where = reader.long_text(u, label.rest, stop=[stop])
                if text and not label.rest and match_label(text, _GOAL_SUB) is not None:
                    text = None  # no goal text: its details follow as labels of their own ('Target occupation: ...')
                if text:
                    texts[current] = (text, where)
            continue
        if current and u.section in ("goals", None):
            m = match_label(u.text, _GOAL_SUB) if u.field is None else None
            if m:  # not another detail's caption beside it ('Pay' / 'Reach it' over their values)
                value, at = reader.value(u, m.rest, accept=lambda text: not _goal_detail_label(text))
                if value and at is u and u.top is not None:
                    value = reader.wrapped(u, value)  # 'Pay: 24' / 'hours weekly at $21.00 an hour'
                if value and re.search(r"\s[·•|]\s", value) and current not in texts:
                    # 'Job: Office Assistant · 25 hours a week · Pay: $14/h': the goal's particulars in one line
                    texts[current] = (u.text, u)
                    value = re.split(r"\s[·•|]\s", value)[0]
                if value:
                    subs[current].setdefault(m.key, value)
    for key, (cells, first) in _goal_columns([u for u in units if u.section == "goals"]).items():
        if len(cells) >= 2:  # each goal's column under its horizon: the layout says whose each line is
            subs[key] = cells
            texts[key] = (fields.describe_goal(cells), first)
    for key, (cells, first) in table.items():
        # a table of goals: a row each (or a table each), a column per detail (details read by their captions
        # already are the goal's; a row opened by the goal's label is read by its cells, not as one text)
        at = texts[key][1] if key in texts else None
        in_row = at is not None and (at.page, at.line, at.table, at.row) == (first.page, first.line, first.table,
                                                                             first.row)
        if key not in texts and len(subs[key]) < 2 or in_row and len(subs[key]) < len(cells):
            subs[key] = cells
            texts[key] = (fields.describe_goal(cells), first)
    in_fields = fields.goal_fields(units)  # goals written into form fields win over printed text
    goals = {}
    for key in ("goals.short_term", "goals.long_term"):
        if key in in_fields.claimed:
            subs[key] = {sub: u.text for sub, u in in_fields.details.get(key, {}).items()}
            texts.pop(key, None)
        if key in in_fields.whole:
            texts[key] = (in_fields.whole[key].text, in_fields.whole[key])
        elif subs[key] and key in in_fields.details:
            texts[key] = (fields.describe_goal(subs[key]), next(iter(in_fields.details[key].values())))
        text, where = texts.get(key, (None, None))
        if text is None and not subs[key]:
            goals[key] = None
            continue
        if where is not None:
            found.where[key] = where.location
        text = _split_goal_lines(text, subs[key])
        goals[key] = _goal(text, subs[key])
    training = _training(found)
    return EmploymentGoals(short_term=goals["goals.short_term"], long_term=goals["goals.long_term"],
                           training=training)


_SHORT_ROW = re.compile(r"\b(?:short|near)[- ]?(?:term|range)\b|\b(?:first|next|within)\s+(?:\d{1,2}|six|nine|twelve|"
                        r"eighteen)\s+months\b|\b(?:immediate|initial)\b", re.I)
_LONG_ROW = re.compile(r"\blong[- ]?(?:term|range)\b|\b\d\s*(?:to|-|–)\s*\d{1,2}\s+years\b"
                       r"|\b(?:future|ultimate|later)\b", re.I)


def _goal_table(section: Sequence[Unit]) -> dict[str, tuple[dict[str, str], Unit]]:
    """Goals as a table: a header row of details, a row per goal named in its first cell.

    'Goal | Occupation | Hours | Earnings' over 'Short range (within 18 months) | ...' and
    'Long range (3 to 5 years) | ...'.
    """
    out: dict[str, tuple[dict[str, str], Unit]] = {}
    columns: list[tuple[Unit, str | None]] | None = None
    named: str | None = None  # a goal named on a line of its own over its table
    for row in _rows([u for u in section if u.field is None]):
        header = [match_label(c.text + ":", _GOAL_SUB) for c in row]
        if sum(h is not None for h in header) >= 2 and not any(_has_digit(c.text) for c in row):
            # a row of labels, no values among them ('Pay | $14.00/hr | Target date | within 9 months' is not)
            columns = [(c, h.key if h else None) for c, h in zip(row, header, strict=True)]
            continue
        if len(row) == 1 and (goal := fields.names_goal(row[0].text)):
            named, columns = goal, None
            continue
        if columns is None and len(row) >= 3 and row[0].table is not None and all(c.text.strip() for c in row[1:]) \
                and (goal := _LONG_ROW.search(row[0].text) and "goals.long_term" or _SHORT_ROW.search(row[0].text)
                     and "goals.short_term") and goal not in out:
            # 'D1 Short-term goal (first 18 months)' | 'Office Assistant' | 'part time, 25 hours a week,
            # $14.00 per hour' | 'within 9 months' under captions the vocabulary does not know: the job,
            # then the goal's other particulars in order
            out[goal] = ({"goal.job_title": row[1].text, "goal.other": ", ".join(c.text for c in row[2:])}, row[0])
            continue
        if columns is None or len(row) < 2:
            continue
        name = row[0].text
        key = "goals.long_term" if _LONG_ROW.search(name) else "goals.short_term" if _SHORT_ROW.search(name) else None
        data = row[1:]
        if key is None and named is not None:
            key, data = named, row
        if key is None or key in out:
            continue
        cells = {k: v for k, v in _assign_columns(columns, data).items() if clean(v)}
        if cells:
            out[key] = (cells, row[0])
    return out


def _goal_columns(section: Sequence[Unit]) -> dict[str, tuple[dict[str, str], Unit]]:
    """Goals as columns of a Word table under a header row naming their horizons.

    '● Step 1 · within 18 months →' | '● Step 2 · in 3 to 5 years' over cells of the goal's
    details ('Job: Office Assistant' / 'Schedule: part time, 25 hours a week' / 'Earnings: ...'):
    each column below a horizon is that goal's. A detail whose caption the vocabulary does not
    know still gives the hours it states.
    """
    out: dict[str, tuple[dict[str, str], Unit]] = {}
    tables: dict[tuple[object, int], list[Unit]] = {}
    for u in section:
        if u.table is not None and u.row is not None and u.cell is not None and u.field is None:
            tables.setdefault((u.part, u.table), []).append(u)
    for cells in tables.values():
        top = min(u.row for u in cells if u.row is not None)
        heads = {u.cell: key for u in cells if u.row == top and (key := fields.horizon_goal(u.text))}
        if len(heads) != 2 or len(set(heads.values())) != 2:
            continue
        for column, key in heads.items():
            below = [u for u in cells if u.cell == column and u.row != top]
            if below and (details := _goal_details(below)):
                out[key] = (details, below[0])
    if not out:
        out = _goal_columns_on_page(section)
    return out


def _caption_row_goal(reader: Reader, u: Unit) -> dict[str, str]:
    """A goal's details on a flat PDF as a row of captions over a row of values.

    The goal's label opens the row, naming its first detail or none ('Near goal (18 months): job'),
    and at least two captions of details follow it on its line ('Hours/wk', 'FT/PT', 'Pay', 'By');
    the next line holds the values, each under its caption (the nearest by its left edge). The
    label's own column is the job.
    """
    if u.top is None or u.x0 is None or u.field is not None:
        return {}
    i = reader.index(u)
    row = [v for v in reader.units[i + 1:i + 12] if v.page == u.page and v.top is not None
           and abs(v.top - u.top) < 3 and v.field is None]
    captions = [(v, hit.key if (hit := match_label(v.text + ":", _GOAL_SUB)) is not None and not hit.rest
                 else "goal.other" if len(v.text.split()) <= 4 and not re.search(r"[\d:]", v.text) else None)
                for v in row]  # ('FT/PT', 'By': captions the vocabulary does not know, read by their values)
    if sum(key not in (None, "goal.other") for _, key in captions) < 2 or any(key is None for _, key in captions):
        return {}
    bottom = max(v.bottom or 0 for v in [u, *row])
    after = [v for v in reader.units[i + len(row) + 1:i + len(row) + 14] if v.page == u.page and v.top is not None
             and v.field is None and v.top > bottom - 1]
    values = [v for v in after if after and abs((v.top or 0) - (after[0].top or 0)) < 3]
    columns = [(u.x0, "goal.job_title")] + [(v.x0 or 0.0, key) for v, key in captions]
    details: dict[str, str] = {}
    for v in values:
        key = min(columns, key=lambda c: abs(c[0] - (v.x0 or 0.0)))[1]
        if key == "goal.other" and re.match(r"^(?:within|by|in|before)\b", v.text, re.I):
            key = "goal.time_frame"
        details[key] = f"{details[key]}, {v.text}" if key in ("goal.other", "goal.hours") and key in details else \
            details.get(key, v.text)
    return details if len(details) >= 2 else {}


def _goal_details(units: Sequence[Unit]) -> dict[str, str]:
    """A goal's details from its lines ('Job: Office Assistant', 'Pay: $350.00 a week'); hours from any caption."""
    details: dict[str, str] = {}
    texts = [piece for u in units for piece in _CAPTION_AHEAD.split(u.text)]  # lines run together on a page
    for text, nxt in zip(texts, [*texts[1:], None], strict=True):
        m = match_label(text, _GOAL_SUB)
        if m is not None and clean(m.rest):
            details.setdefault(m.key, m.rest)
        elif m is not None and nxt is not None and not _goal_detail_label(nxt):
            details.setdefault(m.key, nxt)  # a caption over its value ('Job' / 'Office Assistant')
        elif (caption := re.match(r"^[^:]{1,30}:\s*(\S.*)$", text)) and parse_hours(caption[1]):
            details.setdefault("goal.hours", caption[1])
    return details


_CAPTION_AHEAD = re.compile(r"\s+(?=[A-Z][a-z]+(?: [a-z]+)?:\s)")
"""Where a short caption starts inside a text ('Job: Office Assistant Schedule: part time ...')."""


def _goal_columns_on_page(section: Sequence[Unit]) -> dict[str, tuple[dict[str, str], Unit]]:
    """Goals as two columns of a flat PDF: captions naming the horizons side by side, each goal's lines below."""
    placed = [u for u in section if u.field is None and u.top is not None and u.x0 is not None]
    for i, u in enumerate(placed):
        row = [v for v in placed if v.page == u.page and abs((v.top or 0) - (u.top or 0)) < 3]
        heads = sorted(((v.x0 or 0.0, key, v) for v in row if (key := fields.horizon_goal(v.text))),
                       key=lambda h: h[0])
        if len(heads) != 2 or heads[0][1] == heads[1][1]:
            continue
        after = [v for v in placed[i:] if v not in row and not v.heading]
        if rows := _captioned_goal_rows(after, heads):
            return rows
        columns: dict[str, list[Unit]] = {heads[0][1]: [], heads[1][1]: []}
        for v in after:  # under the caption nearest its left edge
            columns[min(heads, key=lambda h: abs(h[0] - (v.x0 or 0.0)))[1]].append(v)
        out = {}
        for key, lines in columns.items():
            if lines and (details := _goal_details(lines)):
                out[key] = (details, lines[0])
        return out
    return {}


def _captioned_goal_rows(after: list[Unit], heads: list[tuple[float, str, Unit]],
                         ) -> dict[str, tuple[dict[str, str], Unit]]:
    """Goals as columns under their horizons with the details' captions down the left.

    'Job' | 'Office Assistant' | 'Administrative Coordinator': each line's values are its
    caption's, in the column of the goal whose horizon is nearest above.
    """
    left = heads[0][0]
    out: dict[str, tuple[dict[str, str], Unit]] = {}
    for line in _rows(after):
        caption = line[0]
        if (caption.x1 or 0) > left + 2 or len(line) < 2:
            if out:
                break  # the table has ended
            continue
        hit = match_label(caption.text + ":", _GOAL_SUB)
        sub = hit.key if hit is not None and not hit.rest else "goal.other" if len(caption.text.split()) <= 4 else None
        if sub is None:
            break
        if any(_goal_detail_label(v.text) for v in line[1:]):
            return {}  # each goal's column has captions of its own: read column by column
        for v in line[1:]:
            key = min(heads, key=lambda h: abs(h[0] - (v.x0 or 0.0)))[1]
            details, _ = out.setdefault(key, ({}, v))
            details[sub] = f"{details[sub]}, {v.text}" if sub in details else v.text
    if not any(sub != "goal.other" for details, _ in out.values() for sub in details):
        return {}
    return out if len(out) == 2 or any(len(d) >= 2 for d, _ in out.values()) else {}


def _goal_detail_label(text: str) -> bool:
    """The text is a goal detail's label alone ('Monthly gross pay', 'Hours/week'): a goal's text ends there."""
    m = match_label(text, _GOAL_SUB)
    return m is not None and not m.rest


def _split_goal_lines(text: str | None, subs: dict[str, str]) -> str | None:
    """A goal written with its details on lines of its own ('Job title: ...' in the same table cell).

    The details go to ``subs``, the other lines are the goal as written.
    """
    if not text or "\n" not in text:
        return text
    kept = []
    for line in text.split("\n"):
        m = match_label(line, _GOAL_SUB) if kept else None
        if m and m.rest:
            subs.setdefault(m.key, m.rest)
        else:
            kept.append(line)
    return " ".join(kept)


def _goal(text: str | None, subs: dict[str, str]) -> Goal:
    all_text = " ".join([text or ""] + list(subs.values()))
    in_column = subs.get("goal.hours", "")
    hours = parse_hours(in_column) or parse_hours(text)
    if hours is None and len(bare := re.findall(r"\d+(?:\.\d+)?", in_column)) == 1 and "$" not in in_column \
            and re.fullmatch(r"\d{1,2}", bare[0]) and 0 < int(bare[0]) <= 80:
        hours = int(bare[0])  # '25' under 'Hrs/wk' ('part time, 25'): the one number in the hours column
    full = _FULL_PART.search(in_column + " " + (text or "")) or re.search(r"\b([FP])T\b", in_column)
    earnings_text = subs.get("goal.earnings") or _money_phrase(text)
    money = parse_money(earnings_text, hours_per_week=hours) if earnings_text else None
    if money is None and earnings_text and subs.get("goal.earnings"):
        money = parse_money(subs["goal.earnings"] + " " + (subs.get("goal.hours") or ""), hours_per_week=hours)
    title = clean(subs.get("goal.job_title"))
    if title is None and text:
        m = _JOB_AS.search(text)
        title = clean(m.group(1)) if m else _leading_title(text)
    frame = clean(subs.get("goal.time_frame"))
    if frame is None:
        m = _TIME_FRAME.search(all_text)
        frame = m.group(0) if m else None
    return Goal(description=clean(text), job_title=title, hours_per_week=hours,
                full_time=(full.group(1).lower() in ("full", "f")) if full else (hours >= 35 if hours else None),
                time_frame=frame, monthly_earnings=money.monthly if money else None,
                earnings_as_written=clean(earnings_text))


def _leading_title(text: str) -> str | None:
    """'Part-time office assistant, 25 hours...' -> 'office assistant' (a short lead phrase)."""
    lead = re.split(r"[,;:(]|\s[-–—]\s", text, maxsplit=1)[0]
    lead = _FULL_PART.sub("", lead).strip(" -")
    words = lead.split()
    if 1 <= len(words) <= 4 and not re.search(r"\d|\$", lead) and not re.match(
            r"(?i)(work|get|find|obtain|become|earn|increase|maintain|secure|to|i|my|the|she|he|they)\b", lead):
        return lead
    return None


_AFTER_MONEY = re.compile(r"(?:[^.;,$]|\.\d){0,60}")


def _money_phrase(text: str | None) -> str | None:
    """The earnings phrase of a goal description ('$14.00/hour at 25 hrs/wk', '2,600 dollars/month')."""
    if not text:
        return None
    money = find_money(text)
    if not money:
        return None
    m = _AFTER_MONEY.match(text, money.end())
    lead = _RATE_LEAD.search(text[:money.start()])
    start = lead.start() if lead else money.start()
    phrase = re.split(r"\s+(?:within|by|in|over|after|starting|beginning|as)\s+(?!\d+\s*(?:hours?|hrs?))",
                      text[start:m.end() if m else money.end()], maxsplit=1)[0]
    return phrase.strip(" ,")


_RATE_LEAD = re.compile(r"\b(?:hourly|weekly|bi-?weekly|monthly|annual|yearly)\s+(?:gross\s+|base\s+)?"
                        r"(?:wage|rate|pay|income|salary|earnings|gross|amount)?(?:\s+of)?\s*$", re.I)
"""The period written before an amount: 'hourly wage of $14.00', 'monthly income of $2,600.00'."""


def _training(found: Found) -> Training | None:
    values = {k: found.get(f"training.{k}") for k in ("type", "enrollment_status", "expected_completion")}
    if not any(values.values()):
        return None
    return Training(type=values["type"], enrollment_status=values["enrollment_status"],
                    expected_completion=values["expected_completion"])


_BULLET_ROW = re.compile(r"^\s*[▪•◦‣►▸]\s+\S")
"""A bulleted line ('▪ Dispatch and placement'): in a services part, a service's row when it is short."""
_NAMED_ITEM = re.compile(r"^(?P<name>[A-Z][^:.;—–]{2,50}?)(?::|\.?\s*[—–]\s|\s+-\s)\s*(?P<rest>\S.*)$", re.S)
"""'Finding employers for you: Resume writing and ...' ('... - ...'): a service's name, then what will be done."""


ROW_REACH = 40.0
"""Points under a service's checkbox within which an unnamed text field is that service's description."""


def read_services(units: Sequence[Unit], reader: Reader) -> tuple[list[Service], dict[str, Location]]:
    """Part Two, Section 4: each service named, whether it is selected, and its description."""
    section = [u for u in units if u.section == "services"]
    _statuses_in_parentheses(section)
    names = vocabulary()["services"]
    phases = _follow_up_phases(section, names)
    services, where, unnamed, read_in = _scan_services(section, reader, names, phases, None)
    if unnamed:
        # a service named by pattern only in a sentence ('Coaching on the job during the first
        # month.' describing the row above) is still open to a row read by its stems
        # (a 'Name: what will be done.' line names its service, however long)
        in_sentence = {k for k, u in read_in.items() if (u.text.rstrip().endswith(".") or len(u.text.split()) > 7)
                       and not ((named := _NAMED_ITEM.match(strip_lead(u.text))) and len(named["name"].split()) <= 7
                                and _service_in([named["name"]], names)[0] == k)}
        forced = _by_stems(unnamed, {k: v for k, v in services.items() if k not in in_sentence}, names)
        services, where, _, _ = _scan_services(section, reader, names, phases, forced)
    return list(services.values()), where


_PAREN_STATUS = re.compile(r"^(?P<name>[A-Z][^()\[\]]{2,60}?)\s*\((?P<status>[^()]{2,30})\)\s*[.:—–-]?\s*(?P<rest>.*)$",
                           re.S)
"""'Placement in a job (will provide). Direct referrals ...': a service, its status in brackets, what will be done."""


def _statuses_in_parentheses(section: Sequence[Unit]) -> None:
    """Services whose status follows their name in brackets, read as a checklist's lines.

    'Placement in a job (will provide). Direct referrals ...' is a ticked line 'Placement in a job:
    Direct referrals ...'; 'Workplace adjustments (not needed now).' an empty one. Only a status
    the plan words as one: a word that says it is given, or a negative.
    """
    for u in section:
        m = _PAREN_STATUS.match(u.text) if u.field is None and u.checked is None else None
        if m is None:
            continue
        status = m["status"].strip()
        given = re.match(rf"(?:{_YES_WORDS})\b", status, re.I) is not None
        refused = re.match(r"(?:not|no|none)\b", status, re.I) is not None
        if given != refused and not re.match(r"(?:or|and)\b|/", m["rest"].strip()):
            # (not 'Each support below is marked (will provide) or (not needed now).': the key to them)
            rest = m["rest"].strip()
            u.text = f"{CHECKED if given else UNCHECKED} {m['name'].strip()}" + (f": {rest}" if rest else "")


SERVICES_LISTED = 8
"""Services a list must name before its last unread rows are read as the services it has not named."""


def _by_stems(unnamed: list[tuple[Unit, str, str]], services: dict[str, Service],
              names: dict[str, tuple[re.Pattern[str], ...]]) -> dict[int, tuple[str, str]]:
    """The services of rows whose names no service pattern matched, read by their word stems.

    Each such row is one of the services the list has not named by pattern, and no two rows are
    the same service: the row whose stems point most clearly to one service left is read first,
    and that service is no longer open to the others ('Holding steady in your job' is job
    stabilization, so 'Staying close in the first months' is the first follow-up). Two rows named
    alike, one of them a follow-up, are the two phases of follow-up in their order. A list that
    names at least ``SERVICES_LISTED`` services, with as many rows left as services missing from
    it (at most three), pairs them so the most stems agree, else in the order of SSA's form
    ('Staying close after that' is the ongoing follow-up).
    """
    open_keys = [k for k in names if k != "other" and k not in services]
    scores = {id(u): cue_scores("service_cues", written_out(name)[0]) for u, name, _ in unnamed}
    rows = {id(u): (u, rest) for u, _, rest in unnamed}
    forced: dict[int, tuple[str, str]] = {}
    phases = _FOLLOW_UP if all(k in open_keys for k in _FOLLOW_UP) else ()
    for (a, name_a, rest_a), (b, name_b, rest_b) in itertools.combinations(unnamed, 2) if phases else ():
        # 'Staying close in the first months' / 'Staying close after that': named alike, one a
        # follow-up: the two phases of follow-up, in their order
        if name_a.lower().split()[:2] == name_b.lower().split()[:2] and len(name_a.split()) > 2 \
                and any(scores[id(u)][k] for u in (a, b) for k in _FOLLOW_UP):
            first, second = sorted(((a, rest_a), (b, rest_b)), key=lambda row: row[0].order)
            forced[id(first[0])], forced[id(second[0])] = (phases[0], first[1]), (phases[1], second[1])
            open_keys = [k for k in open_keys if k not in phases]
            break
    while True:
        clear = []
        for row, score in scores.items():
            ranked = sorted((score[k] for k in open_keys), reverse=True) + [0, 0]
            if row not in forced and ranked[0] > ranked[1]:
                clear.append((ranked[0], -rows[row][0].order, row))
        if not clear:
            break
        _, _, row = max(clear)
        key = max(open_keys, key=lambda k: scores[row][k])
        forced[row] = (key, rows[row][1])
        open_keys.remove(key)
    left = [row for row in rows if row not in forced]
    if left and len(left) == len(open_keys) <= 3 and len(services) + len(forced) >= SERVICES_LISTED:
        best = max(itertools.permutations(open_keys),
                   key=lambda keys: sum(scores[row][k] for row, k in zip(left, keys, strict=True)))
        forced.update({row: (key, rows[row][1]) for row, key in zip(left, best, strict=True)})
    return forced


def _scan_services(section: Sequence[Unit], reader: Reader, names: dict[str, tuple[re.Pattern[str], ...]],
                   phases: dict[str, str], forced: dict[int, tuple[str, str]] | None,
                   ) -> tuple[dict[str, Service], dict[str, Location], list[tuple[Unit, str, str]], dict[str, Unit]]:
    """The services of the part, and the rows that look like a service's row but name none by pattern.

    Those rows (the unit, its name, the rest of its text) are left out when ``forced`` is None;
    else ``forced`` gives the service of each that was read by its stems (by the row's ``id``).
    Also answers the unit each service was read in.
    """
    has_boxes = any(u.checked is not None for u in section)
    services: dict[str, Service] = {}
    where: dict[str, Location] = {}
    unnamed: list[tuple[Unit, str, str]] = []
    read_in: dict[str, Unit] = {}
    last_box: Unit | None = None  # the last service checkbox, for the text field that describes it
    carried: set[int] = set()  # lines that carry on a row's text
    forced_names = {" ".join(_service_name_text(x.text).lower().split()): forced[id(x)][0]
                    for x in section if forced and id(x) in forced and forced[id(x)][0]}
    for u in sorted(section, key=lambda u: u.field is not None):  # form fields last: what they hold wins
        if u.heading or id(u) in carried:
            continue
        if u.field is not None:
            field_service = _field_service(u.field, phases)
            if field_service is None and u.field.kind == "text" and last_box is not None \
                    and last_box.page == u.page and (u.top or 0) - (last_box.bottom or 0) < ROW_REACH:
                # 'What we will do' beside or under its box
                field_service = _field_service(last_box.field, phases)
            if field_service is not None:
                _merge_field_service(services, where, field_service, u)
            if u.field.kind == "checkbox" and field_service is not None:
                last_box = u
            elif u.field.kind == "text":
                last_box = None
            continue
        hints = [u.text]
        service_key, rest = _service_in(hints, names)
        if service_key is not None:
            service_key = phases.get(_service_label(u.text, names[service_key]) or "", service_key)
        if service_key is not None and rest and u.table is not None and (
                reader.right(u) is not None or not re.match(r"^\s*[:\-–—]", rest)):
            rest = ""  # 'Training and credentials' in a name column: the whole cell is the name
        if service_key is None and u.field is None and u.top is not None:
            # A name wrapped in its cell, perhaps over a page break ('Work Incentives' / 'Counseling').
            service_key, _ = _service_in([reader.column_text(u)], names)
            rest = ""
        named = _NAMED_ITEM.match(strip_lead(u.text) if u.checked is None else _service_name_text(u.text))
        beside = reader.right(u) if service_key is None else None
        if service_key is None and (u.checked is not None or u.cell == 0 and u.row or named
                                    or _BULLET_ROW.match(u.text) or _left_box(section, u) is not None
                                    or (before := reader.left(u)) is not None and _status_only(before.text)
                                    or beside is not None and (_STATUS.match(beside.text) or beside.checked is not None
                                                               or _status_only(beside.text))):
            # A checklist row whose name the vocabulary does not know, or a 'Name: what we will do'
            # line of a list of the services given: read the name by its word stems.
            name = named["name"] if named else _service_name_text(u.text)
            if named and 0 < len(named["rest"].split()) <= 3 and named["rest"].strip()[:1].islower() \
                    and not re.search(r"[.;!?]\s*$", named["rest"]) and not named["name"].rstrip().endswith(".") \
                    and not _STATUS.match(named["rest"]) and _cell_status(named["rest"]) is None:
                name, named = f"{named['name']}: {named['rest'].strip()}", None  # 'Follow-up: first job', the name
            if len(name.split()) <= (9 if named or _BULLET_ROW.match(u.text) else 7 if u.checked is not None
                                     or u.table is not None
                                     or beside is not None else 5) \
                    and not name.endswith((".", ";", ",")):  # a name, not a description
                rest = named["rest"] if named else ""
                if forced is None and name.strip() and not _HEADER_CELL.match(name) \
                        and not _first_row(section, u):
                    unnamed.append((u, name, rest))
                service_key, rest = forced.get(id(u), (None, rest)) if forced else (None, rest)
        if service_key is None and u.checked is None and forced_names:
            # a row's name read by its stems, written again over what will be done for it
            service_key = forced_names.get(" ".join(_service_name_text(u.text).lower().split()))
            rest = ""
        if service_key is None:
            continue
        if not rest and u.checked is None and _SERVICE_FAMILY.fullmatch(_service_name_text(u.text)) \
                and re.match(r"^\s*\(?\d{1,2}[.)](?:\s|$)", _next_text(section, u)):
            continue  # 'A. Career planning' over its numbered services: the family's title, not a service
        answer, rest = _answers(rest)
        if rest and u.top is not None and not re.search(r"[.:;!?]\s*$", rest):
            rest, taken = reader.wrapped_lines(u, rest)  # 'Name. — The Contractor' / 'SHALL NOT PROVIDE' / ...
            carried.update(id(t) for t in taken)  # (those lines are this row's text, not rows of their own)
        if re.fullmatch(r"[^.]{0,80}\?\s*(?:\([^)]{0,40}\))?\s*", rest):
            rest = ""  # 'will the Co-op do this? (circle one)': the question asked, no description
        selected = answer if answer is not None else u.checked
        status_cell = _status_beside(u, reader) if not rest else None
        if status_cell is None and (before := reader.left(u)) is not None and before.checked is None:
            status_cell = _cell_status(before.text)  # 'Yes' / 'No' in a status column left of the name
        if status_cell is not None:  # 'Agreed' / 'Not needed', 'ON' / 'OFF' in the row: the words decide
            selected = status_cell
        if selected is None:
            left = _left_box(section, u)
            selected = left if left is not None else (None if has_boxes else True)
        if selected is None and service_key in services:
            # named again without a box of its own: prose, not its row; or a list of what will be done for
            # each service included ('Employer relationships' over its description)
            known = services[service_key]
            if known.selected and not known.description and not rest and (under := reader.below(u)) is not None \
                    and under.checked is None and not under.heading and under.label is None \
                    and under.section == "services" and not _service_in([under.text], names)[0] \
                    and not _chip(under) and len(under.text.split()) > 3:
                services[service_key] = replace(known, description=clean(_indented_text(reader, under)))
            continue
        description = rest
        marked_beside = False
        if not description:
            nxt = reader.right(u)
            while nxt is not None and (nxt.checked is not None and (
                    not strip_lead(nxt.text).strip(" []xX") or _ANSWER.match(nxt.text)) or _status_only(nxt.text)):
                nxt = reader.right(nxt)  # past the Yes / No mark cells of a checklist row
            marked_beside = nxt is not None and nxt.checked is not None and not _names_service(nxt.text, names) \
                and not _chip(nxt)  # ('[x] Employer relationships' beside it: another service's chip, not a status)
            if marked_beside and selected is None:
                # a status mark beside the name with what will be done after it ('PLANNED Weekly job
                # leads ...' under a key line): the mark answers, its text describes
                selected = nxt.checked
                description = _service_name_text(reader.column_text(nxt)) if nxt.checked else ""
            elif nxt is not None and nxt.checked is None and not _names_service(nxt.text, names) \
                    and not _OTHER_COLUMN.match(_column_head(section, nxt)):
                description = reader.column_text(nxt)
                status = _STATUS.match(description)
                if status and not description[status.end():].strip() and status["no"] is None:
                    after = reader.right(nxt)  # 'TRUE' in an Include? column, the description beside it
                    if after is not None and after.checked is None and not _names_service(after.text, names):
                        description += " - " + reader.column_text(after)
        if not description and not marked_beside and status_cell is None and not _row_has_cells(section, u):
            # in a table row, the row below is another service
            below = reader.below(u)
            for _ in range(2):  # past the row's own '[x] Yes' / '[ ] No' lines under its name
                if below is not None and below.checked is not None and _ANSWER.match(below.text):
                    below = reader.below(below)
            if below is not None and below.checked is None and not below.heading and below.label is None \
                    and not _service_in([below.text], names)[0] and below.section == "services":
                description, _ = reader.long_text(below, below.text)
                prompt = re.match(r"^if\b[^:]{0,60}:\s*", description or "", re.I)
                if prompt:  # 'If YES, what my Career Ally will do: ...': the answer after the prompt
                    description = description[prompt.end():]
        if not description and status_cell and (mark := reader.right(u)) is not None and mark.checked is not None \
                and _ANSWER.match(mark.text) and (under := reader.below(mark)) is not None and under.checked is None \
                and not under.heading and under.label is None and under.section == "services" \
                and not _service_in([under.text], names)[0]:
            description, _ = reader.long_text(under, under.text)  # '[x] Yes  [ ] No' beside the name, what
            # will be done under the boxes
        if description and (status := _STATUS.match(description)):
            # 'INCLUDED - Weekly job leads ...' / 'Not included' in a status column: the answer
            selected = status["no"] is None
            description = description[status.end():] if selected else ""
        if description and (note := _SEE_NOTE.match(description)):
            description = _note_text(section, note[1]) or description  # 'Yes — see note 2': the note says what
        elif description and (said := status_sentence(description)) is not None:
            # 'We are not doing this for you now.' / 'The Contractor SHALL PROVIDE this service, as
            # follows: ...': the plan's sentence answers, what follows it describes
            selected, description = said[0], said[1] if said[0] else ""
        previous = services.get(service_key)
        if previous and previous.description and not description:
            continue
        label = clean(_service_label(hints[0], names[service_key]))
        if not label and forced and id(u) in forced:
            label = clean(named["name"] if named else _service_name_text(u.text))  # read by its stems
        services[service_key] = _service(service_key, bool(selected), clean(description), label)
        where[service_key] = u.location
        read_in[service_key] = u
    return services, where, unnamed, read_in


DISCUSSION_BY_LABELS = 2
"""Labels of the meeting (its date, its way, its summary) that make a part under an unknown title the discussion's."""


def discussion_part_by_labels(units: Sequence[Unit]) -> None:
    """Find the discussion part by its labels when no title named it ('Segment 3 · Your appointment').

    When no unit is in the discussion part: the first part whose title the vocabulary could not
    place, holding at least ``DISCUSSION_BY_LABELS`` labels (printed or a form field's) of the
    meeting's date, way or summary. A form field's reading is done again in its new part (a
    multi-line field there is the summary).
    """
    if any(u.section == "discussion" for u in units):
        return
    for part in unplaced_parts(units):
        keys = {hit[0] for u in part if (hit := (_label_for_field(u) if u.field is not None else
                                                 (u.label.key, "") if u.label is not None else None))}
        if len({k for k in keys if k.startswith("discussion.")}) >= DISCUSSION_BY_LABELS:
            place_part(part, "discussion")
            for u in part:
                u.field_label = False
            return


SERVICES_BY_CONTENT = 5
"""Different services named in a part under an unknown title that make it the services part."""


def services_part_by_content(units: Sequence[Unit]) -> None:
    """Find the services part by what it lists when no title named it ('5. How We Will Walk With You').

    When no unit is in the services part: a part whose title the vocabulary could not place, in
    which at least ``SERVICES_BY_CONTENT`` short lines or cells each name a different service (by
    the service patterns, or by their word stems), becomes the services part; failing that, the
    run of units (at most ``SERVICE_RUN_GAP`` apart) naming most services, when they are that
    many, with a short title just before it ('Help from the Program' over a form's checkboxes).
    """
    names = vocabulary()["services"]
    placed = [i for i, u in enumerate(units) if u.section == "services"]
    if placed:
        _services_start(units, placed, names)
        return
    for part in unplaced_parts(units):
        if len({_named_service(u, names) for u in part[1:]} - {None}) >= SERVICES_BY_CONTENT:
            place_part(part, "services")
            return
    keys = [_named_service(u, names) for u in units]
    best = max(_service_runs(units, keys), key=lambda run: len({keys[i] for i in run}), default=[])
    if len({keys[i] for i in best}) >= SERVICES_BY_CONTENT:
        _mark_services(units, best[0], best[-1])


def _services_start(units: Sequence[Unit], placed: list[int], names: dict[str, tuple[re.Pattern[str], ...]]) -> None:
    """A services part whose first rows fell under the part before it: where its list starts.

    A form's services part may be placed by its later fields only ('Coach at the job' reads as a
    service part's field; 'Help from the Program' over the first ones does not read as a title):
    the run of services that reaches into the part starts it.
    """
    # Only the units that could run into the part are read: back from its first unit until a gap no run bridges.
    keys: list[str | None] = [None] * len(units)
    for i in range(min(placed[0] + SERVICE_RUN_GAP, len(units)) - 1, -1, -1):
        keys[i] = _named_service(units[i], names) or ("placed" if i == placed[0] else None)
        if i < placed[0] and not any(keys[i:i + SERVICE_RUN_GAP + 1]):
            break
    for run in _service_runs(units, keys):
        if run[0] < placed[0] <= run[-1] and len({keys[i] for i in run if i < placed[0]} - {None}) >= 2:
            _mark_services(units, run[0], placed[0] - 1)
            return


def _service_runs(units: Sequence[Unit], keys: list[str | None]) -> list[list[int]]:
    """Runs of units naming services (their indices), at most ``SERVICE_RUN_GAP`` apart, no title between."""
    runs: list[list[int]] = []
    for i, key in enumerate(keys):
        if key is None or units[i].section in ("terms", "signatures", "sou"):
            continue
        if runs and i - runs[-1][-1] <= SERVICE_RUN_GAP and not any(
                units[j].heading for j in range(runs[-1][-1] + 1, i + 1)):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _mark_services(units: Sequence[Unit], first: int, last: int) -> None:
    """Units ``first`` to ``last`` are the services part, with the form fields and a short title just before them."""
    while first > 0 and units[first - 1].field is not None:
        first -= 1  # a service's description field, ordered before its checkbox
    title = units[first - 1] if first > 0 else None
    if title is not None and title.field is None and title.label is None and len(title.text.split()) <= 6 \
            and not title.heading and looks_like_heading(title):
        title.heading, first = "services", first - 1
    for u in units[first:last + 1]:
        u.section = "services"


SERVICE_RUN_GAP = 6
"""Most units between two that name services in one list found by its content."""


def _named_service(u: Unit, names: dict[str, tuple[re.Pattern[str], ...]]) -> str | None:
    """The service a short line, a cell or a form field names, if any."""
    if u.field is not None:
        return _field_service(u.field, {}) if u.field.kind in ("checkbox", "radio") else None
    if u.heading:
        return None
    text = u.text
    named = _NAMED_ITEM.match(_service_name_text(text))
    if named and len(named["name"].split()) <= 8 and not _PROMPT_WORDS.match(named["name"]):
        text = named["name"]  # 'Finding employers for me: will the Co-op do this? ...': the name before the colon
    elif len(text.split()) > 8:
        return None
    key = _service_in([text], names)[0]
    if key is None and len(_service_name_text(text).split()) <= 6:
        key = service_by_cues(written_out(_service_name_text(text))[0])
    return key


_PROMPT_WORDS = re.compile(r"^(?:if|what|how|when|who|where|why)\b", re.I)
"""A caption that asks ('If YES, what ... will do'), not a service's name."""


_FOLLOW_UP = ("follow_up_initial", "follow_up_ongoing")


def _follow_up_phases(section: Sequence[Unit], names: dict[str, tuple[re.Pattern[str], ...]]) -> dict[str, str]:
    """Two follow-up services whose names both read as the same phase: the first listed is the initial one.

    SSA lists follow-up in two phases, the first while the person looks for work and settles in,
    the second later on. An EN's names may not say which is which ('Check-ins after you are
    hired', 'Check-ins later on the job'); when both read as one phase, their order does. Returns
    each name's phase (empty when the names tell the phases apart).
    """
    seen: dict[str, str] = {}
    boxes = any(u.field is not None and u.field.kind == "checkbox" and u.field.label for u in section)
    for u in section:
        if u.heading or boxes != (u.field is not None):  # a form's boxes, else the printed rows
            continue
        if u.field is not None:
            if u.field.kind != "checkbox" or not u.field.label:
                continue
            name = u.field.label
            if re.fullmatch(r"\s*(?:yes|no|y|n)\s*", name, re.I):
                name = u.field.row_label or u.field.tooltip or ""  # a row's 'Yes' / 'No' box: the row names it
            key, name = _field_service(u.field, {}), " ".join(name.split())
        else:
            key = _service_in([u.text], names)[0]
            name = (_service_label(u.text, names[key]) or "") if key is not None else ""
            if key is None and u.checked is not None:
                name = _service_name_text(u.text)
                key = service_by_cues(written_out(name)[0]) if len(name.split()) <= 7 else None
        if key in _FOLLOW_UP and name and not any(name.startswith(n) or n.startswith(name) for n in seen):
            seen[name] = key
    if len(seen) != 2 or len(set(seen.values())) != 1:
        return {}
    first, second = seen
    return {first: _FOLLOW_UP[0], second: _FOLLOW_UP[1]}


_SERVICE_FAMILY = re.compile(r"(?:career planning|job placement(?: assistance)?|ongoing employment support)\s*:?",
                             re.I)
"""The three families SSA's form groups the services under, as titles over them."""


def _next_text(section: Sequence[Unit], u: Unit) -> str:
    """The text of the unit after ``u`` in its part ('' at its end)."""
    i = next((k for k, x in enumerate(section) if x is u), len(section))
    return section[i + 1].text if i + 1 < len(section) else ""


def _field_service(f: FormField, phases: dict[str, str]) -> str | None:
    """The service a field names.

    A follow-up phase by its place in the list (``_follow_up_phases``), else its words, else a
    checklist box's (or its description's) name not in the vocabulary, by its stems.
    """
    phase = next((phases[w] for w in fields.field_words(f) if w in phases), None) if phases else None
    key = phase or fields.service_of(f)
    if key is None and f.kind in ("checkbox", "text") and f.label and len(f.label.split()) <= 7:
        key = service_by_cues(written_out(f.label)[0])
    return key


def _row_has_cells(section: Sequence[Unit], u: Unit) -> bool:
    """Whether ``u`` is a Word table cell whose row has other cells (a row of a service table)."""
    return u.table is not None and any(o is not u and (o.table, o.row, o.part) == (u.table, u.row, u.part)
                                       for o in section)


def _status_over(section: Sequence[Unit], mark: Unit) -> bool | None:
    """On a PDF page, the status the column header over ``mark`` gives ('Planned' / 'Not planned'), or None.

    The nearest header above the mark's middle (on its page or an earlier one) in a row of
    headers (two or more pieces of text on its line, each of a few words) that opens with a
    status word.
    """
    if mark.top is None or mark.x0 is None or mark.x1 is None:
        return None
    middle = (mark.x0 + mark.x1) / 2
    over = [h for h in section if h.top is not None and (h.page or 0, h.top) < (mark.page or 0, mark.top - 2)
            and h.checked is None and h.field is None and (h.x0 or 0) - 3 <= middle <= (h.x1 or 0) + 3]
    for head in sorted(over, key=lambda h: (-(h.page or 0), -(h.top or 0))):  # (a header carried over a page)
        words = head.text.split()
        if len(words) > 8 or sum(1 for h in section if h.page == head.page and h.line == head.line) < 2:
            continue
        for n in (2, 1):
            if (status := _cell_status(" ".join(words[:n]))) is not None:
                return status
    return None


_SEE_NOTE = re.compile(r"^\s*\(?see (?:note|footnote|remark) ([0-9a-z]{1,2})\)?\.?\s*$", re.I)
"""A service's cell pointing to a note under the table ('see note 2')."""


def _note_text(section: Sequence[Unit], number: str) -> str | None:
    """The text of the numbered note in the part ('Note 2.   Resume writing ...'), if any."""
    pattern = re.compile(rf"^\s*(?:note|footnote|remark)\s+{re.escape(number)}\s*[.:)—–-]\s*(\S.*)$", re.I)
    for u in section:
        if u.field is None and (m := pattern.match(u.text)):
            return m[1].strip()
    return None


def _indented_text(reader: Reader, first: Unit) -> str:
    """A paragraph under a name, on a page its lines set at its first line's left edge (a Word paragraph: itself)."""
    pieces, prev = [first.text], first
    i = reader.index(first) + 1
    while first.top is not None and i < len(reader.units):
        nxt = reader.units[i]
        if nxt.page != prev.page or nxt.top is None or nxt.x0 is None or abs(nxt.x0 - (first.x0 or 0)) > 3 \
                or nxt.top - (prev.bottom or nxt.top) > 6 or nxt.heading or nxt.label is not None \
                or nxt.field is not None or nxt.checked is not None:
            break
        pieces.append(nxt.text)
        prev, i = nxt, i + 1
    return " ".join(pieces)


def _chip(u: Unit) -> bool:
    """A box with a short service name of its own after it ('[x] Employer relationships'), named by its stems."""
    name = _service_name_text(u.text).strip()
    return 0 < len(name.split()) <= 4 and not name.endswith((".", ";", ":", "!")) \
        and service_by_cues(written_out(name)[0]) is not None  # (a sentence after a mark describes)


def _bare_mark(text: str) -> bool:
    """The text is a box or mark and nothing else ('[x]', '[ ]')."""
    return not strip_lead(text).replace(CHECKED, "").replace(UNCHECKED, "").strip()


def _cell_status(text: str) -> bool | None:
    """What a cell that only gives a service's status says ('ON', '[x] Not needed', 'Agreed'), else None."""
    m = _STATUS_CELL.match(text) if len(text.split()) <= 4 else None
    if m is None and len(halves := TRANSLATION.split(text)) == 2:  # 'Sí / Yes': the status in two languages
        answers = {_cell_status(half) for half in halves} - {None}
        return answers.pop() if len(answers) == 1 else None
    return None if m is None else m["no"] is None


def _status_only(text: str) -> bool:
    """A cell that only gives a service's status."""
    return _cell_status(text) is not None


def _status_beside(u: Unit, reader: Reader) -> bool | None:
    """The status a service's row gives in a cell right of its name: True, False, or None when none does."""
    nxt = reader.right(u)
    for _ in range(3):
        if nxt is None:
            return None
        status = _cell_status(nxt.text)
        if status is not None and nxt.checked is not False:  # an option with an empty box ('[ ] Yes') states nothing
            return status
        nxt = reader.right(nxt)
    return None


def _service_name_text(text: str) -> str:
    """A checklist line without its numbering and its box: where a service's name starts."""
    return re.sub(r"^\[[x ]\]\s*", "", strip_lead(text).strip()).strip()


def _service_in(hints: list[str], names: dict[str, tuple[re.Pattern[str], ...]]) -> tuple[str | None, str]:
    for hint in hints:
        original = _service_name_text(hint)
        body, where = written_out(original)  # 'Job dev.', 'F/U initial'
        for key, patterns in names.items():
            for p in patterns:
                m = p.match(body)
                if m and m.start() == 0 and not re.match(r"-[a-z]", body[m.end():m.end() + 2]):
                    # ('Placement-focused job search' is not placement: the name is a compound's first word)
                    at = m.end() if where is None else where[min(m.end(), len(where) - 1)]
                    rest = original[at + _label_tail(original[at:]):]
                    caption = re.match(r"^\s+\w[^:.;,—–()]{0,50}?(?::|\.?\s?[—–]\s)\s*", rest)
                    if caption and len(caption[0].split()) <= 6:
                        rest = rest[caption.end():]  # 'Training to learn new skills: ...': the name runs to its colon
                    elif rest and not re.match(r"^\s*[:.\-–—)(]", rest) and len(rest.split()) <= 3 \
                            and not rest[:1].isspace() or re.match(r"^\s*/\s*\w", rest) \
                            or re.fullmatch(r"\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*", rest):
                        rest = ""  # 'Coaching at work|site', 'Training / certificates', 'Skills training referral'
                    rest = re.sub(r"^[\s:.\-–—)]+", "", rest)
                    rest = re.sub(r"^(?:\(?(?:services?|assistance|supports?|help)\)?\s*[:.\-–—]?\s*)", "", rest,
                                  flags=re.I)
                    bare = re.sub(r"^[\s:.\-–—]+(?=\S)", "", rest)
                    rest = "" if is_absent(bare) and not _STATUS.match(bare) else rest  # ('Not provided' answers)
                    if re.fullmatch(r"\s*\([^()]{1,40}\)\s*", rest):
                        rest = ""  # 'Work incentives planning (benefits)': a word of the name in brackets
                    return key, rest
    return None, ""


def _names_service(text: str, names: dict[str, tuple[re.Pattern[str], ...]]) -> bool:
    """The text is a service's name (another row of the list), not a sentence that opens with one.

    'Job Search' names a service; 'Coaching on the job during the first month.' describes one.
    """
    key, rest = _service_in([text], names)
    return key is not None and len(rest.split()) < 3


def _service_label(text: str, patterns: tuple[re.Pattern[str], ...]) -> str | None:
    body = _service_name_text(text)
    for p in patterns:
        m = p.match(body)
        if m:
            return body[:m.end() + _label_tail(body[m.end():])]
    return None


def _label_tail(after: str) -> int:
    """How much of ``after`` still belongs to a service's name: up to a colon a few words on.

    'Follow-up, initial phase: monthly contact' names the service 'Follow-up, initial phase'.
    """
    m = re.match(r"[^:.;]{1,30}(?=:)", after)
    return m.end() if m and len(m.group(0).split()) <= 3 else 0


def _left_box(section: Sequence[Unit], u: Unit) -> bool | None:
    """A checkbox in a unit just left of ``u`` on the same line or table row.

    In a table row, or on a PDF line whose marks sit under mark columns, a mark anywhere in
    the row counts (checklists with 'Yes' / 'No' columns after the service name); checked wins
    when the row holds several. Boxes labelled Yes and No in the row ('[x] Yes  [ ] No') answer
    for the service: selected when Yes is ticked; so do marks under status columns ('Provide' /
    'Not now').
    """
    marks, answers, beside = [], [], []
    for other in section:
        if other is u or other.checked is None:
            continue
        in_row = u.table is not None and (other.table, other.row, other.part) == (u.table, u.row, u.part)
        on_line = u.top is not None and other.page == u.page and other.top is not None and abs(other.top - u.top) < 6
        left = on_line and (other.x1 or 0) <= (u.x0 or 0) + 5
        if (in_row or on_line) and _ANSWER.match(other.text):
            answers.append(_answer(other.text))
        elif in_row and (head := _cell_status(_column_head(section, other))) is not None:
            if other.checked:  # a mark under 'Provide' or under 'Not now'
                answers.append(head)
        elif on_line and u.table is None and _bare_mark(other.text) \
                and (head := _status_over(section, other)) is not None:
            if other.checked:  # on a page, a mark under 'Planned' or under 'Not planned'
                answers.append(head)
        elif (in_row or left or (on_line and other.mark_cell)) \
                and len(strip_lead(other.text).replace("[x]", "").replace("[ ]", "").strip()) < 3:
            if left and not other.mark_cell:
                return other.checked
            marks.append(bool(other.checked))
        elif on_line and len(strip_lead(other.text).replace("[x]", "").replace("[ ]", "").strip()) < 3:
            beside.append(bool(other.checked))  # a lone mark at the line's right ('Offered' column)
    if answers:
        return any(a is True for a in answers)
    return any(marks) if marks else beside[0] if len(beside) == 1 else None


def _merge_field_service(services: dict[str, Service], where: dict[str, Location], key: str, u: Unit) -> None:
    assert u.field is not None
    old = services.setdefault(key, _service(key, False, None, None))
    if u.field.kind == "checkbox" and fields.in_no_column(u.field):
        if u.field.checked:  # a ticked 'No'; an empty 'No' box says nothing
            services[key] = replace(old, selected=False)
        where.setdefault(key, u.location)
    elif u.field.kind == "checkbox":
        services[key] = replace(old, selected=bool(u.field.checked))
        where.setdefault(key, u.location)
    elif u.field.kind == "radio" and fields.chosen_yes_no(u.field) is not None:
        services[key] = replace(old, selected=bool(fields.chosen_yes_no(u.field)))
        where.setdefault(key, u.location)
    elif u.field.kind in ("text", "choice"):
        services[key] = replace(old, description=clean(u.text) or old.description)
        where[key] = u.location
    if services[key].label is None:
        services[key] = replace(services[key], label=key.replace("_", " ").capitalize())


_NO_WORDS = r"not\s+[a-z]+|no|none|n/?a|false|declined|excluded|omitted|inactive|deferred"
_YES_WORDS = (r"included|provided|selected|yes|offered|true|agreed|arranged|ordered|planned|approved|active"
              r"|authori[sz]ed|chosen|scheduled|we will|will provide")
_STATUS = re.compile(rf"^\s*(?:\[[x ]\]\s*)?(?:(?P<no>{_NO_WORDS})|{_YES_WORDS})\b\s*(?:[-–—:.]\s*|$)", re.I)
"""A service's status before its description: 'INCLUDED - ...', 'Yes: ...', 'Not included'."""
_STATUS_SENTENCE = re.compile(r"^\s*(?P<sentence>[^.:;]{0,60}?\b(?:will|shall|are|is|am|can|won[’']t|cannot|does|do)\s+"
                              r"(?:not\s+)?(?:be\s+)?(?:do(?:ing)?|provid\w*|offer\w*|deliver\w*|arrang\w*"
                              r"|includ\w*|giv\w*)\s+(?:you\s+)?(?:this|it)\b(?:\s+(?:service|support))?"
                              r"(?P<tail>[^.:;]{0,40}?))(?:[.:;]+\s*|$)", re.I)
"""A sentence that says whether a service is given: 'We will do this for you.', 'We are not doing this for you now.'"""


def status_sentence(text: str) -> tuple[bool, str] | None:
    """Whether the sentence opening ``text`` says the service is given, and what follows it, or None.

    Only a short sentence whose object is the service itself ('this', 'it', 'this service') and
    that adds at most a few words ('for you now', 'under this Agreement', 'as follows'): a sentence
    with more in it is a description. A 'not' or "n't" makes it a refusal.
    """
    m = _STATUS_SENTENCE.match(text)
    if m is None or len(m["sentence"].split()) > 12 or len(m["tail"].split()) > 4:
        return None
    refused = re.search(r"\bnot\b|n[’']t\b|\bno longer\b", m["sentence"], re.I) is not None
    return not refused, text[m.end():].strip()


_STATUS_CELL = re.compile(rf"^\s*(?:\[[x ]\]\s*)?(?:(?P<no>{_NO_WORDS}|off|n)|{_YES_WORDS}|on|y)\s*\.?\s*$", re.I)
"""A cell that gives only a service's status: the words above, and 'ON' / 'OFF', 'Y' / 'N' (only on their own)."""
_OTHER_COLUMN = re.compile(r"^\s*(?:how often|frequency|when|schedule|start(?: date)?|dates?|(?:provided )?by(?: whom)?"
                           r"|who|provider|staff|hours|duration|cost)\b", re.I)
"""A service table's column that holds no description ('How often', 'Start date', 'By whom')."""


_HEADER_CELL = re.compile(r"^\s*(?:services?|supports?|help|(?:type of )?(?:service|support)(?: name| type)?"
                          r"|what\b.{0,40}\b(?:will|to) (?:do|arrange|provide)|description|details|status"
                          r"|(?:selected|provided|included|offered)\??|notes?)\s*:?\s*$", re.I)
"""A services table's column header ('Service', 'What the EN will do'): no row of a service."""


def _first_row(section: Sequence[Unit], cell: Unit) -> bool:
    """Whether ``cell`` is in the first row of a Word table that has more rows (its header row)."""
    if cell.table is None or cell.row is None:
        return False
    rows = {u.row for u in section if u.table == cell.table and u.part == cell.part and u.row is not None}
    return len(rows) > 1 and cell.row == min(rows)


def _column_head(section: Sequence[Unit], cell: Unit) -> str:
    """The text heading a Word table cell's column (its table's first row), or ''."""
    if cell.table is None or cell.cell is None:
        return ""
    rows = sorted({u.row for u in section if u.table == cell.table and u.part == cell.part and u.row is not None})
    first = rows[0] if rows else None
    if first is None or first == cell.row:
        return ""
    if len(rows) > 2 and rows[1] != cell.row:  # 'Yes' | 'No' under a merged 'Provided?': the column's own header
        second = next((u.text for u in section if u.table == cell.table and u.part == cell.part and u.row == rows[1]
                       and u.cell == cell.cell), "")
        if re.fullmatch(r"\s*(?:yes|no|y|n)\s*", second, re.I):
            return second
    return next((u.text for u in section if u.table == cell.table and u.part == cell.part and u.row == first
                 and u.cell == cell.cell), "")


_DESCRIPTION_LABEL = re.compile(r"^\s*(?:what (?:we|the \w+) will do|description|details|how(?: we will help)?|"
                                r"plan(?:ned)? (?:services?|activities))\s*:\s*", re.I)
"""'What we will do: ...' before a service's description: the label, not the description."""


def _service(key: str, selected: bool, description: str | None, label: str | None) -> Service:
    if description:
        description = clean(_DESCRIPTION_LABEL.sub("", description, count=1))
    counselor, wipa = service_facts(key, description)
    return Service(service=key, selected=selected, description=description, label=label,
                   certified_counselor=counselor, wipa_referral=wipa)


def service_facts(key: str, description: str | None) -> tuple[str | None, bool | None]:
    """For benefits counseling: (the certified counselor named, whether a WIPA referral is stated)."""
    if key != "benefits_counseling" or not description:
        return None, None
    vocab = vocabulary()
    m = any_match(vocab["certified_counselor"], description)
    return (m.group(0) if m else None), (True if any_match(vocab["wipa_referral"], description) else None)


def read_statement(units: Sequence[Unit], reader: Reader) -> StatementOfUnderstanding:
    """Part Three: the Statement of Understanding (a heading with text, or 'I understand...')."""
    for u in units:
        if u.heading == "sou":
            rest = re.split(r"statement of understanding\s*[:.\-–—]?", u.text, maxsplit=1, flags=re.I)
            inline = rest[1].strip() if len(rest) > 1 else ""
            text, _ = reader.long_text(u, inline) if inline else _following_text(reader, u)
            if text and len(text.split()) >= 8:
                return StatementOfUnderstanding(present=True, text=clean(text))
    for u in units:
        if u.section in ("signatures", "sou", "terms", UNPLACED) and _SOU_TEXT.search(u.text) \
                and len(u.text.split()) >= 12 \
                and re.search(r"\b(services?|supports?|employment network|EN)\b", u.text, re.I):
            # under the terms only with the statement's own point: services to reach the goals
            text = (reader.long_text(u, u.text)[0] or u.text) if u.top is not None else u.text
            if u.section != "terms" or _SOU_GOALS.search(text):
                return StatementOfUnderstanding(present=True, text=clean(text))
    return StatementOfUnderstanding(present=False, text=None)


def _following_text(reader: Reader, u: Unit) -> tuple[str | None, Unit]:
    i = reader.index(u) + 1
    pieces = []
    while i < len(reader.units):
        nxt = reader.units[i]
        if nxt.heading or nxt.label is not None or nxt.field is not None:
            break
        pieces.append(nxt.text)
        i += 1
    return (" ".join(pieces) if pieces else None), u


def read_signatures(found: Found) -> Signatures:
    """Part Three: who signed, when, and the EN representative's printed name."""

    def signed(key: str) -> bool:
        value = found.get(key)
        return bool(value) and not _PLACEHOLDER.match(value or "")

    th_sig, en_sig = found.get("sig.th.signature"), found.get("sig.en.signature")
    return Signatures(
        ticketholder=TicketholderSignature(
            signed=signed("sig.th.signature"),
            name=_signer_name(th_sig) or found.get("sig.th.printed_name"),
            date=iso_date(found.get("sig.th.date")),
            by_representative=bool(th_sig and re.search(r"\brepresentative\b", th_sig, re.I)) or None,
        ),
        en_representative=ENSignature(
            signed=signed("sig.en.signature"),
            printed_name=found.get("sig.en.printed_name"),
            date=iso_date(found.get("sig.en.date")),
            title=found.get("sig.en.title"),
        ),
    ) if (th_sig or en_sig or found.get("sig.en.printed_name") or found.get("sig.th.date")
          or found.get("sig.en.date")) else Signatures()


def _signer_name(signature: str | None) -> str | None:
    if not signature:
        return None
    name = _SIGNED_NOTE.sub("", signature)
    name = re.sub(r"\(.*?\)", "", name)
    return clean(name.strip(" :-"))


# --- the whole record -------------------------------------------------------------------------


def interpret(layout: Layout) -> Record:
    """Build the IWP record of a document from its layout."""
    units = build_units(layout)
    texts = [hint for u in units for hint in ([u.text] if u.field is None else field_hints(u.field))]
    # The document's own word for the person is learned only from a document that says it is a
    # work plan of the Ticket program: a veteran's claim form has a 'Veteran's name' too.
    own_words = learn_person_nouns(texts) if _IWP_WORDS.search("\n".join(texts)) else ()
    with person_nouns(own_words):
        return _interpret(inline_pairs(units))


_IWP_WORDS = re.compile(r"individual work plan|\bIWP\b|ticket to work|employment network", re.I)


_PROSE_KEYS = ("ticketholder.name", "ticketholder.ssn", "en.name", "en.pid", "en.contact_person", "alternate.name",
               "discussion.date")
"""Values a plan written as a letter may state in its sentences instead of beside labels."""


_DATE_PART = re.compile(r"^(?P<base>.+?)\s*\(\s*(?P<part>mm|dd|yy|yyyy|month|day|year)\s*\)\s*:?$", re.I)
"""A date written in three boxes: 'Meeting date (MM)', '(DD)', '(YYYY)'."""


def _join_date_boxes(units: list[Unit]) -> None:
    """A date split into month, day and year fields is read as one date, in its first field."""
    groups: dict[str, dict[str, Unit]] = {}
    for u in units:
        if u.field is not None and u.field.kind == "text" and u.field.tooltip:
            m = _DATE_PART.match(u.field.tooltip.strip())
            if m:
                groups.setdefault(m["base"].casefold(), {})[m["part"].lower()[:1]] = u  # m, d or y
    for parts in groups.values():
        if set(parts) == {"m", "d", "y"} and all(p.text.strip() for p in parts.values()):
            first = parts["m"]
            first.text = f"{parts['m'].text.strip()}/{parts['d'].text.strip()}/{parts['y'].text.strip()}"
            for key in ("d", "y"):
                parts[key].text = ""
    boxes = [u for u in units if u.field is not None and u.field.kind == "text" and u.field.rect is not None]
    for a, b, c in zip(boxes, boxes[1:], boxes[2:], strict=False):
        if _date_in_fields(a, b, c):
            a.text = f"{a.text.strip()}/{b.text.strip()}/{c.text.strip()}"
            b.text = c.text = ""


_MONTH_BOX = re.compile(r"0?[1-9]|1[0-2]")
_DAY_BOX = re.compile(r"0?[1-9]|[12]\d|3[01]")
_YEAR_BOX = re.compile(r"(?:19|20)?\d\d")
DATE_FIELD_GAP = 40.0
"""Most points between two fields of one date written in a row of three (month, day, year)."""


def _date_in_fields(a: Unit, b: Unit, c: Unit) -> bool:
    """Three small fields side by side on one line holding a month, a day and a year ('02' '20' '2025')."""
    boxes = [u.field.rect for u in (a, b, c) if u.field is not None and u.field.rect is not None]
    if len(boxes) != 3 or len({u.page for u in (a, b, c)}) != 1:
        return False
    if not (_MONTH_BOX.fullmatch(a.text.strip()) and _DAY_BOX.fullmatch(b.text.strip())
            and _YEAR_BOX.fullmatch(c.text.strip())):
        return False
    (x0, top0, x1, bottom0), (x2, top1, x3, bottom1), (x4, top2, x5, bottom2) = boxes
    in_row = all(abs(t - top0) < 4 and abs(bt - bottom0) < 4 for t, bt in ((top1, bottom1), (top2, bottom2)))
    return in_row and 0 <= x2 - x1 <= DATE_FIELD_GAP and 0 <= x4 - x3 <= DATE_FIELD_GAP


_EN_WORDS = re.compile(r"^\s*(?:(?:part|section|step)?\s*[\dA-Z]{1,3}[.):]?\s+(?=\S+\s))?"
                       r"([A-Za-z][A-Za-z&'’ -]{2,40}?)\s*\((?:EN|Employment Network)\)", re.I)
"""A part or label that says what the plan calls its EN: 'WORKFORCE PARTNER (EN)', '2. Agency (Employment Network)'."""
_NAME_WORD = re.compile(r"\s*(?:'s|’s)?\s*(?:name)?\s*:?\s*$", re.I)


HORIZON_WORDS = 8


def _goals_by_horizon(units: Sequence[Unit]) -> None:
    """A short caption in the goals part that names a goal's horizon ('Target 1 — within 18 months').

    The program's two horizons (18 months; 3 to 5 years) name the short- and the long-term goal;
    a caption of at most ``HORIZON_WORDS`` words, with no amount, that names one of them, is no
    label yet and names a goal no label names, labels that goal (the value is what follows it);
    not in a table's header row or a row of more than two cells, whose rows and columns say which
    goal a cell is.
    A goal's own target date ('within 6 months') names no horizon.
    """
    labelled = {u.label.key for u in units if u.label is not None}
    goals = [u for u in units if u.section == "goals"]
    cells = Counter((part, table, row) for part, table, row, _ in
                    {(u.part, u.table, u.row, u.cell) for u in goals if u.table is not None})
    for u, nxt in zip(goals, [*goals[1:], None], strict=False):
        caption, colon, inline = u.text.partition(":")  # 'Long-term (3-5 years): Administrative ...'
        if inline.strip() and len(inline.split()) <= HORIZON_WORDS and fields.horizon_goal(inline):
            caption, inline = u.text, ""  # 'Goal 1: in the next 18 months': the horizon is the caption's
        if u.field is not None or u.heading or u.label is not None or "$" in caption \
                or len(caption.split()) > HORIZON_WORDS \
                or u.table is not None and (cells[(u.part, u.table, u.row)] > 2 or _first_row(goals, u)) \
                or not inline.strip() and (nxt is None or nxt.label is not None or fields.SHORT_HORIZON.search(
                    nxt.text) or fields.LONG_HORIZON.search(nxt.text)):  # a caption with no value after it
            continue
        key = fields.horizon_goal(caption)
        if key is not None and key not in labelled:
            given = re.match(r"[^:]*:\s*(\S.*)$", u.text) if inline.strip() else None
            u.label = LabelMatch(key, given[1] if given else "")
            labelled.add(key)


DATE_CAPTION_WORDS = 6


def _date_captions(units: Sequence[Unit]) -> None:
    """A short caption opening with 'Date' over, beside or before a date ('Date held', 'Date we planned: ...').

    A caption of at most ``DATE_CAPTION_WORDS`` words, no label yet and no digits, whose next
    unit is a date, or followed by a colon and a date, is a date label; the part it stands in
    says whose date it is.
    """
    for u, nxt in zip(units, [*units[1:], None], strict=False):
        if u.label is not None or u.field is not None or u.heading or not _DATE_CAPTION.match(u.text):
            continue
        caption, colon, given = u.text.partition(":")
        if colon and len(caption.split()) <= DATE_CAPTION_WORDS and not re.search(r"\d", caption) \
                and len(given.split()) <= 5 and parse_date(given) is not None:
            u.label = LabelMatch("generic.date", given.strip())  # 'Date we planned: February 14, 2025'
        elif not colon and len(u.text.split()) <= DATE_CAPTION_WORDS and not re.search(r"\d", u.text) \
                and nxt is not None and nxt.field is None and len(nxt.text.split()) <= 4 \
                and parse_date(nxt.text) is not None:
            u.label = LabelMatch("generic.date", "")


_SIGNER_NAME = re.compile(r"^\s*(?P<who>[A-Za-z][A-Za-z .'’/()-]{0,40}?)\s+name\s*(?:\(printed\)\s*)?:\s*(?P<rest>.*)$",
                          re.I | re.S)
"""'IPS Specialist name: Luis Ortega' in the signatures part: a signer's name written out."""


def _signer_name_captions(units: Sequence[Unit]) -> None:
    """In the signatures part, '<who> name:' that no label matched is that signer's printed name."""
    for u in units:
        if u.section == "signatures" and u.label is None and u.field is None and not u.heading \
                and (m := _SIGNER_NAME.match(u.text)) and len(m["who"].split()) <= 4:
            u.label = LabelMatch("generic.printed_name", m["rest"].strip())


_DATE_CAPTION = re.compile(r"^\s*dated?\b(?!\s*(?:of birth|range|span))", re.I)
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]*\d{3}[\s.-]\d{4}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_RELATIVE = re.compile(
    r"^\s*(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][a-z'’-]+){1,2})\s*(?:,|\(|\s[—–-]\s)\s*(?:my\s+|his\s+|her\s+)?"
    r"(?:step-?)?(?:mother|father|mom|dad|sister|brother|daughter|son|aunt|uncle|cousin|grand(?:mother|father|parent)"
    r"|niece|nephew|wife|husband|spouse|partner|fianc[ée]e?|friend|neighbou?r|guardian|parent|pastor|sponsor"
    r"|roommate|caregiver|godmother|godfather)\b.{0,40}?" + _PHONE.pattern, re.I)
"""A person, their relationship to the plan's person and a phone: 'Janet Brandt, Mother, 555-880-3132'."""


def _alternate_by_value(units: Sequence[Unit], found: Found) -> None:
    """The alternate contact known by what its value is, when no label named it.

    In the parties' part, an unlabelled value giving a name, a relationship ('Mother', 'friend')
    and a phone number is the alternate contact: no other party of the plan is given that way.
    The value may follow a caption the vocabulary does not know ('Support person outside the
    program → Janet Brandt, Mother, 555-880-3132').
    """
    for u in units:
        if u.section in _PARTY_PARTS and u.field is None and u.label is None and not u.heading:
            value = _AFTER_CAPTION.split(u.text, maxsplit=1)[-1]
            if _RELATIVE.match(value):
                found.put("alternate.name", value, u)
                return


_AFTER_CAPTION = re.compile(r"(?:(?<=\S):|\s[→⇒➔]|\s[—–]\s)\s*")
"""Where a caption ends and its value starts: a colon, an arrow or a dash."""
_SEGMENT = re.compile(r"\s+[·•|]\s+")
"""Between the particulars run together on one line ('Case note · Feb. 14, 2025 · Phone call')."""
SEGMENT_WORDS = 8
SEGMENTS = 3
"""Particulars a line must run together to be read piece by piece."""


def _discussion_by_value(units: Sequence[Unit], found: Found) -> None:
    """The meeting's date and way, known by what they are, when no label gave them.

    In the discussion part, on a line that runs at least ``SEGMENTS`` particulars together
    between '·', '•' or '|', a short one that is a date is the meeting's date, and one that names
    a way of meeting is its modality: 'Case note · Feb. 14, 2025 · Phone call with the case worker
    · entered by ...'. Other text (the summary) is not searched.
    """
    want_date = found.get("discussion.date") is None and "discussion.date" not in found.claimed
    want_way = found.get("discussion.modality") is None and "discussion.modality" not in found.claimed
    for u in units if want_date or want_way else ():
        if u.section != "discussion" or u.field is not None or u.heading or u.label is not None:
            continue
        pieces = _SEGMENT.split(u.text)
        for piece in pieces if len(pieces) >= SEGMENTS else ():
            if len(piece.split()) > SEGMENT_WORDS:
                continue
            if want_date and len(piece.split()) <= 4 and parse_date(piece) is not None:
                found.put("discussion.date", piece, u)
                want_date = False
            elif want_way and _names_modality(piece):
                found.put("discussion.modality", piece, u)
                want_way = False


def _label_en_words(units: list[Unit]) -> None:
    """The plan's own word for its EN, given once as 'X (EN)', read as the EN's name label elsewhere ('X:').

    Only a unit that is that word alone (with 'name' or a colon), in the parties' part, and is no label
    already (a work table's 'Employer' column is no EN's name, whatever the plan calls its EN).
    """
    words, titles = set(), []
    for u in units:
        m = _EN_WORDS.match(u.text) if u.field is None and len(u.text.split(":")[0].split()) <= 8 else None
        if m and len(m.group(1).split()) <= 4:
            words.add(" ".join(m.group(1).split()).casefold())
            if not u.text[m.end():].strip(" :"):
                titles.append(u)
            elif (given := re.match(r"\s*(?:name\s*)?[:→⇒➔]\s*(\S.*)$", u.text[m.end():], re.S)) and u.label is None \
                    and not u.heading and u.section in _PARTY_PARTS:
                u.label = LabelMatch("en.name", given[1])  # 'County Behavioral Health (EN): Harbor Light Careers'
    labelled = False
    for u in units if words else ():
        if u.field is None and u.label is None and not u.heading and u.section in _PARTY_PARTS \
                and " ".join(_NAME_WORD.sub("", u.text).split()).casefold() in words:
            u.label = LabelMatch("en.name", "")
            labelled = True
    if labelled:  # the word labels the name: 'X (EN)' alone on its line is the part's title, no label
        for u in titles:
            if u.label is not None and u.label.key == "en.name" and not u.label.rest:
                u.label = None
        return
    captions = {id(u) for u in titles} | {id(u) for u in units if u.field is None and _EN_CAPTION.match(u.text)}
    for u, nxt in zip(units, units[1:], strict=False):
        # no other line uses the word: 'Deaf Services Center (EN)' captions the EN's name, given
        # right after it (a part's title 'WORKFORCE PARTNER (EN)' has labels after it, not a value)
        if id(u) in captions and u.label is None and not u.heading and u.section in _PARTY_PARTS \
                and nxt.field is None and nxt.label is None and not nxt.heading and nxt.section == u.section \
                and not _EN_WORDS.match(nxt.text):
            u.label = LabelMatch("en.name", "")


_PERSON_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,3}")
"""A person's name as a value: 'Maria L. Gonzalez'."""
_CAPTIONED_NAME = re.compile(r"^[A-Z][\w'’ ]{1,30}?\s*(?:[:—–]|\s-\s)\s*(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?"
                             r"(?:\s+[A-Z][a-z'’-]+){1,3})\s*$")
"""'Learner — Kevin T. Brandt': a caption, then a person's name."""


def _name_before_ssn(units: list[Unit]) -> None:
    """In the parties' part, a caption no label read over a person's name, just before the SSN: the person's name.

    ('Learner — Kevin T. Brandt' followed by 'Social Security number — 901-44-1234'.)
    """
    if any(u.label is not None and u.label.key == "ticketholder.name" for u in units):
        return
    for i, u in enumerate(units):
        if u.label is not None or u.field is not None or u.heading or u.checked is not None \
                or u.section not in _PARTY_PARTS:
            continue
        m = _CAPTIONED_NAME.match(u.text.strip())
        if m and any(n.label is not None and n.label.key == "ticketholder.ssn" for n in units[i + 1:i + 3]):
            u.label = LabelMatch("ticketholder.name", m["name"])
            return
        # a caption over the name ('Jobseeker client' / 'Maria L. Gonzalez'), the SSN's caption after them
        if len(u.text.split()) <= 4 and not re.search(r"\d|:", u.text) and i + 1 < len(units) \
                and _PERSON_NAME.fullmatch(units[i + 1].text.strip()) and units[i + 1].label is None and any(
                    n.label is not None and n.label.key == "ticketholder.ssn" for n in units[i + 2:i + 5]):
            u.label = LabelMatch("ticketholder.name", "")
            return
        # the person's word alone in a row of captions, the SSN's caption beside it ('Work Partner' |
        # 'Social Security number' over their values), or any short caption there over a person's name
        # ('Profile holder' | 'SSN' over 'Maria L. Gonzalez' | '900-12-3456')
        if len(u.text.split()) <= 3 and not re.search(r"\d|:", u.text) and any(
                n.label is not None and n.label.key == "ticketholder.ssn" and n.top is not None and u.top is not None
                and abs(n.top - u.top) < 3 for n in units[i + 1:i + 3]) \
                and (party_of(u.text) == "ticketholder" or _name_under(units, i)):
            u.label = LabelMatch("ticketholder.name", "")
            return


def _name_under(units: Sequence[Unit], i: int) -> bool:
    """On a PDF page, the first text straight under ``units[i]`` (within two lines) is a person's name."""
    u = units[i]
    under = next((v for v in units[i + 1:i + 10] if v.page == u.page and v.top is not None and u.bottom is not None
                  and v.top >= u.bottom - 1 and abs((v.x0 or 0) - (u.x0 or 0)) < 4), None)
    return under is not None and (under.top or 0) - (u.bottom or 0) < 30 and \
        _PERSON_NAME.fullmatch(under.text.strip()) is not None


def _label_staff_captions(units: list[Unit]) -> None:
    """In the parties' part, a staff member's title captions the EN's contact person ('Employment Caseworker').

    A caption of at most four words that ends in a staff title (``staff_titles`` in the
    vocabulary), alone or before a colon and its value, and that no label read.
    """
    caption, of_en = vocabulary()["staff_caption"], vocabulary()["staff_of_en"]
    if any(u.label is not None and u.label.key == "en.contact_person" for u in units):
        return
    for u in units:
        if u.field is None and u.label is None and not u.heading and u.section in _PARTY_PARTS \
                and ((m := caption.match(u.text.strip())) or (m := of_en.match(strip_lead(u.text).strip()))):
            u.label = LabelMatch("en.contact_person", m["value"] or "")


_PARTY_PARTS = (None, "part1", UNPLACED)
"""Parts where a caption naming the EN captions its name: the parties' part, or one whose title names no part."""
_EN_CAPTION = re.compile(r"^\s*[A-Z][A-Za-z&'’ ]{2,30}?\s+EN\s*\([a-z][^)]{1,30}\)\s*:?\s*$")
"""A caption naming the EN by its kind: 'Employer EN (hospital system)'."""


def _dots_among_boxes(units: list[Unit]) -> None:
    """A filled dot opening one of a row of options whose others open with an empty box is the chosen one.

    '[ ] In person' | '● Phone call' | '[ ] Video call' drawn apart (a radio group, each option
    a piece of its own); within one piece of text, ``radio_dots`` reads them already.
    """
    for i, u in enumerate(units):
        if u.field is None and u.text.startswith("●") and sum(
                v.text.startswith(UNCHECKED) for v in units[max(0, i - 2):i + 3] if v is not u) >= 1:
            u.text = CHECKED + u.text[1:]


_NAMES_THE_PLAN = re.compile(r"individual work plan|\bIWP\b", re.I)
"""A line that names the plan itself."""


def _interpret(units: list[Unit]) -> Record:
    _join_date_boxes(units)
    _dots_among_boxes(units)
    parts = assign_sections(units)
    for u in units:
        if u.field is None and not u.heading:
            u.label = match_label(u.text)
    if units and units[0].field is None and units[0].label is not None and looks_like_heading(units[0]) \
            and _NAMES_THE_PLAN.search(units[0].text):
        units[0].label = None  # 'ENCOUNTER NOTE — INDIVIDUAL WORK PLAN': the document's title, not a caption
    _label_en_words(units)
    _label_staff_captions(units)
    _name_before_ssn(units)
    _goals_by_horizon(units)
    _date_captions(units)
    _signer_name_captions(units)
    if parts.starts_with_amendment and not _iwp_signals(parts.main):
        amendments = tuple(read_amendment(a) for a in parts.amendments)
        return Record(document_type="amendment", amendments=amendments,
                      provenance={"/amendments": Location(page=parts.amendments[0][0].page)} if amendments else {})
    main = parts.main
    if not _iwp_signals(main):
        return Record(document_type="other")
    discussion_part_by_labels(main)  # the meeting's part under a title the vocabulary does not know
    services_part_by_content(main)  # a services part under a title the vocabulary does not know
    terms_list_by_content(main)  # a terms part under a title the vocabulary does not know ('7) Pledges')
    reader = Reader(main)
    found = Found()
    mark_party_signature_lines(main)
    collect_header_rows(main, found)
    collect_labels(main, reader, found)
    missing = {key for key in _PROSE_KEYS if found.get(key) is None and key not in found.claimed}
    for key, (value, where) in prose.prose_values(main, missing).items():  # a plan written as a letter
        found.put(key, value, where)
    if found.get("alternate.name") is None and "alternate.name" not in found.claimed:
        _alternate_by_value(main, found)
    _discussion_by_value(main, found)
    discussion = read_discussion(main, reader, found)
    attachment = _read_attachment(parts.discussion_attachment)
    work, statement = read_work_history(main, reader, found)
    goals = read_goals(main, reader, found)
    services, service_where = read_services(main, reader)
    terms, term_where = recognise_terms(main, found.get("en.name"))
    statement_of_understanding = read_statement(main, reader)
    signatures = read_signatures(found)
    if attachment is not None:
        discussion = _merge_discussion(discussion, attachment)
    elif discussion.summary is None and "discussion.summary" not in found.claimed:  # no empty summary field
        # Term 15 ('other terms') may carry the discussion summary; not when its text also states
        # other terms (a paragraph holding several terms).
        own_block = 15 in term_where and all(term_where[n] != term_where[15] for n in term_where if n != 15)
        fifteen = next((t for t in terms if t.number == 15 and t.evidence and len(t.evidence.split()) > 25), None)
        if fifteen is not None and own_block:
            discussion = replace(discussion, summary=fifteen.evidence)
    record = Record(
        document_type="iwp",
        en=EmploymentNetwork(
            name=found.get("en.name"), pid=found.get("en.pid"),
            business_model=_business_model(found.get("en.business_model")),
            business_models_selected=_business_models(found.get("en.business_model")),
            contact_person=found.get("en.contact_person"), phone=found.get("en.phone"),
            email=found.get("en.email"), address=found.get("en.address")),
        ticketholder=Ticketholder(name=found.get("ticketholder.name"), ssn=_ssn(found.get("ticketholder.ssn")),
                                  phone=found.get("ticketholder.phone"), email=found.get("ticketholder.email"),
                                  address=found.get("ticketholder.address")),
        alternate_contact=_alternate(found),
        discussion=discussion,
        work_history=tuple(work),
        no_work_history_statement=statement if not work else None,
        employment_goals=goals,
        services=tuple(services),
        terms_and_conditions=tuple(terms),
        statement_of_understanding=statement_of_understanding,
        signatures=signatures,
        amendments=tuple(read_amendment(a) for a in parts.amendments),
    )
    return replace(record, provenance=_provenance(found, service_where, term_where, services))


def _iwp_signals(units: Sequence[Unit]) -> bool:
    """Enough of an IWP's parts to treat the text as one (else it is 'not an IWP')."""
    sections = {u.heading for u in units if u.heading}
    labels = {u.label.key for u in units if u.label}
    fields = {hit[0] for u in units if u.field is not None for hit in [_label_for_field(u)] if hit}
    keys = labels | fields
    strong = {"en.pid", "ticketholder.ssn", "goals.short_term", "goals.long_term", "discussion.modality",
              "discussion.date"}
    iwp_words = any(re.search(r"individual work plan|\bIWP\b|ticket to work", u.text, re.I) for u in units[:80])
    score = len(sections & {"part1", "discussion", "work_history", "goals", "services", "terms", "sou",
                            "signatures"}) + len(keys & strong)
    # Numbered headings alone ("SECTION 1", "SECTION 3"), a person's identification and a
    # signature are common to many forms (a benefits claim has an SSN): without the words
    # "Individual Work Plan", two parts or labels that only a work plan has are needed.
    specific = len(sections & {"discussion", "work_history", "goals", "services", "terms", "sou"}) \
        + len(keys & (strong - {"ticketholder.ssn"}))
    return (score >= 3 and specific >= 2 and bool(keys & strong)) or (iwp_words and score >= 2)


def _alternate(found: Found) -> AlternateContact:
    """The alternate contact; 'Janet Brandt (mother), 555-880-3132' is split into its parts."""
    raw = found.get("alternate.name")
    name, relationship, phone, email = raw, found.get("alternate.relationship"), found.get("alternate.phone"), \
        found.get("alternate.email")
    if raw:
        paren = re.search(r"\(([^)]{2,30})\)", raw)
        if paren and not _PHONE.search(paren.group(1)):
            relationship = relationship or paren.group(1).strip()
        phone = phone or (m.group(0) if (m := _PHONE.search(raw)) else None)
        email = email or (m.group(0) if (m := _EMAIL.search(raw)) else None)
        name = clean(re.split(r"\s*(?:\(|,|;|\s-\s|\s–\s|\d{3}|[\w.+-]+@)", raw, maxsplit=1)[0])
    return AlternateContact(name=name, relationship=relationship, phone=phone, email=email)


def _ssn(value: str | None) -> str | None:
    if value is None:
        return None
    digits = re.sub(r"\D", "", value)
    if len(digits) == 9:
        return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"
    return value


def _business_models(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(_ticked_options(value))


def _business_model(value: str | None) -> str | None:
    if value and ("[x]" in value or "[ ]" in value):
        chosen = _business_models(value)
        return chosen[0] if len(chosen) == 1 else (", ".join(chosen) if chosen else None)
    return value


@dataclass
class _Attachment:
    discussion: Discussion
    identifies: dict[str, bool]


def _read_attachment(units: list[Unit]) -> _Attachment | None:
    if not units:
        return None
    for u in units:
        if u.field is None and not u.heading:
            u.label = match_label(u.text)
        if u.section == "discussion_attachment":
            u.section = "discussion"
    reader = Reader(units)
    found = Found()
    collect_labels(units, reader, found)
    disc = read_discussion(units, reader, found)
    if disc.summary is None:  # the summary as running text under the attachment's identifying labels
        prose = [u.text for u in units if u.label is None and not u.heading and u.field is None
                 and len(u.text.split()) >= SUMMARY_WORDS]
        if prose:
            disc = replace(disc, summary=clean(" ".join(prose)))
    identifies = {"en_name": bool(found.get("en.name")), "pid": bool(found.get("en.pid")),
                  "ticketholder_name": bool(found.get("ticketholder.name")),
                  "ssn": bool(found.get("ticketholder.ssn"))}
    return _Attachment(disc, identifies)


_SEE_ATTACHED = re.compile(
    r"^\W*(?:see\s+|refer to\s+|as\s+)?(?:the\s+)?(?:attach(?:ed|ment)|enclosed|appendix)\b.{0,40}$", re.I)
"""A summary field that only points to an attachment ('See Attachment A', 'Attached')."""


def _merge_discussion(main: Discussion, attachment: _Attachment) -> Discussion:
    att = attachment.discussion
    own = None if main.summary and _SEE_ATTACHED.match(main.summary) else main.summary
    return Discussion(date=main.date or att.date, modality=main.modality or att.modality,
                      modality_as_written=main.modality_as_written or att.modality_as_written,
                      summary=own or att.summary, attached=own is None and att.summary is not None,
                      attachment_identifies=attachment.identifies)


_ORIGINAL_COLUMN = re.compile(r"^\s*(?:original|current|previous|prior|old|before)\b", re.I)


def _revised_only(units: list[Unit]) -> list[Unit]:
    """Leave out the table columns headed 'Original ...' of an amendment.

    An amendment shows the plan's old values beside the revised ones; only the revised ones are the
    amendment's.
    """
    header_rows = {(u.table, u.part): u.row for u in units if u.table is not None and u.row is not None
                   and _ORIGINAL_COLUMN.match(u.text) and len(u.text.split()) <= 4}
    dropped = {(u.table, u.part, u.cell) for u in units if u.table is not None
               and header_rows.get((u.table, u.part)) == u.row and _ORIGINAL_COLUMN.match(u.text)}
    return [u for u in units if (u.table, u.part, u.cell) not in dropped
            or (u.row is not None and u.row < header_rows.get((u.table, u.part), 0))]


def read_amendment(units: list[Unit]) -> Amendment:
    """An amendment attached to (or standing for) an IWP."""
    units = _revised_only(units)
    for u in units:
        if u.field is None and not u.heading:
            u.label = match_label(u.text)
        if u.section == "amendment":
            u.section = None
    reader = Reader(units)
    found = Found()
    collect_labels(units, reader, found)
    goals = read_goals(units, reader, found)
    for u in units:
        if u.section == "services":
            break
    services, _ = read_services(units, reader)
    text = " ".join(u.text for u in units)
    services_text = " ".join(u.text for u in units if u.section == "services" and not u.heading)
    date = iso_date(found.get("amendment.date")) or iso_date(found.get("discussion.date")) or next(
        (iso_date(u.text) for u in units[:12] if re.search(r"\bdate\b", u.text, re.I) and iso_date(u.text)
         and not (u.label and u.label.key == "amendment.effective_date")), None)
    return Amendment(
        en=AmendmentParty(name=found.get("en.name"), pid=found.get("en.pid")),
        ticketholder=AmendmentParty(name=found.get("ticketholder.name"), ssn=_ssn(found.get("ticketholder.ssn"))),
        date=date,
        effective_date=iso_date(found.get("amendment.effective_date")),
        reason=found.get("amendment.reason"),
        revised_goals=goals,
        revised_services=tuple(services),
        services_reduced=True if _REDUCE.search(services_text) else None,
        dispute_notice_present=bool(_DISPUTE.search(text)),
        signatures=read_signatures(found),
    )


_POINTERS = {
    "en.name": "/en/name", "en.pid": "/en/pid", "en.business_model": "/en/business_model",
    "en.contact_person": "/en/contact_person", "en.phone": "/en/phone", "en.email": "/en/email",
    "en.address": "/en/address", "ticketholder.name": "/ticketholder/name", "ticketholder.ssn": "/ticketholder/ssn",
    "ticketholder.phone": "/ticketholder/phone", "ticketholder.email": "/ticketholder/email",
    "ticketholder.address": "/ticketholder/address", "alternate.name": "/alternate_contact/name",
    "alternate.relationship": "/alternate_contact/relationship", "alternate.phone": "/alternate_contact/phone",
    "discussion.date": "/discussion/date", "discussion.modality": "/discussion/modality",
    "discussion.summary": "/discussion/summary", "goals.short_term": "/employment_goals/short_term",
    "goals.long_term": "/employment_goals/long_term", "no_work_history_statement": "/no_work_history_statement",
    "sig.th.signature": "/signatures/ticketholder/signed", "sig.th.date": "/signatures/ticketholder/date",
    "sig.en.signature": "/signatures/en_representative/signed", "sig.en.date": "/signatures/en_representative/date",
    "sig.en.printed_name": "/signatures/en_representative/printed_name",
    "training.type": "/employment_goals/training",
}


def _provenance(found: Found, service_where: dict[str, Location], term_where: dict[int, Location],
                services: list[Service]) -> dict[str, Location]:
    out = {_POINTERS[k]: loc for k, loc in found.where.items() if k in _POINTERS}
    for i, s in enumerate(services):
        if s.service in service_where:
            out[f"/services/{i}"] = service_where[s.service]
    for number, loc in term_where.items():
        out[f"/terms_and_conditions/{number - 1}"] = loc
    return out
