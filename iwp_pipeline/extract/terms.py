"""Recognising the 15 terms and conditions by their ideas, in the terms part only.

ENs word, number and order the terms their own way. The terms part is cut into blocks (a
numbered or bulleted item, a paragraph, a term title with its text) and a term is present when
one block expresses every one of its ideas (``data/terms.json``). Text outside the terms part
never counts: the terms are what both parties sign up to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from iwp_pipeline.extract.units import (
    UNPLACED,
    Unit,
    learned_person_nouns,
    looks_like_heading,
    place_part,
    unplaced_parts,
)
from iwp_pipeline.model import Location, Term
from iwp_pipeline.reference import TermIdea, TermSpec, terms_catalogue

_INITIALS = re.compile(r"^\s*(?:initials?|initial here|initialed)\s*:?\s*$", re.I)
"""The caption of a box for the person's initials beside each term: no part of the term."""
_ITEM = re.compile(r"^\s*(?:\(?(\d{1,2})[a-z]?[.):]|\(?[a-z][.)]|[ivx]{1,4}[.)]|[•·▪■◦\-–*]|\[[x ]\]"
                   r"|\[[a-z0-9]{1,2}\])\s*", re.I)
_EVIDENCE_CHARS = 400
_SENTENCE_DONE = re.compile(r"[.:;!?)\]]\s*$")
_TITLE_WORDS = 8


@dataclass
class Block:
    """A run of text in the terms part that can hold one term."""

    text: str
    first: Unit
    number: int | None


def term_blocks(units: Sequence[Unit]) -> list[Block]:
    """The blocks of the terms part, in order."""
    body = [u for u in units if u.section == "terms" and not u.heading and u.field is None
            and not _INITIALS.match(u.text)]
    if not any(u.section == "terms" for u in units):
        body = [u for u in units if u.section is None and u.field is None and not u.heading]
    body = _column_order(body)
    lines: list[list[Unit]] = []
    for u in body:  # join the segments of one PDF line
        if lines and u.top is not None and lines[-1][0].line == u.line and lines[-1][0].page == u.page:
            lines[-1].append(u)
        else:
            lines.append([u])
    blocks: list[Block] = []
    prev: Unit | None = None
    for line in lines:
        text = " ".join(u.text for u in line)
        head = line[0]
        m = _ITEM.match(text) or _number_cell(line)
        # A page break ends a block unless the text runs on mid-sentence (a paragraph split by it).
        page_break = prev is not None and head.page != prev.page \
            and (not blocks or bool(_SENTENCE_DONE.search(blocks[-1].text)))
        new = (prev is None or head.top is None or bool(m) or page_break
               or (head.page == prev.page and (head.top - (prev.bottom or head.top)) > 6))
        if blocks and not new:
            blocks[-1].text += " " + text
        else:
            number = int(m.group(1)) if m and m.group(1) else None
            blocks.append(Block(text, head, number))
        prev = line[-1]
    return _split_lead_ins(_merge_titles([piece for block in blocks for piece in _inline_items(block)]))


_LEAD_IN = re.compile(r"(?<=[a-z0-9)][.;])\s+(?=(?:[A-Z][A-Z'’-]+\s+){1,6}[A-Z][A-Z'’-]+\.\s)")
"""Where a second capitalised lead-in starts inside a block: '... need. CHANGES YOU ASK FOR. You ...'."""


def _split_lead_ins(blocks: list[Block]) -> list[Block]:
    """A block that holds two terms, each under its own capitalised lead-in, is two blocks."""
    out: list[Block] = []
    for block in blocks:
        parts = _LEAD_IN.split(block.text)
        out.append(Block(parts[0], block.first, block.number))
        out += [Block(part, block.first, None) for part in parts[1:]]
    return out


COLUMN_GAP = 12.0
"""Least gap (points) between the right edge of a left column and the left edge of a right one."""
_COLUMN_LINES = 3
COLUMN_SHARE = 0.35
"""A column of text is at least this share of the text's width (a number column is not one)."""


def _column_order(body: list[Unit]) -> list[Unit]:
    """Text set in two columns on a PDF page, read column by column (left, then right).

    Two columns: on a page, the units fall into a left and a right group, each of several lines,
    with a clear vertical gap between them that no unit crosses.
    """
    out: list[Unit] = []
    pages: dict[object, list[Unit]] = {}
    for u in body:
        pages.setdefault(u.page, []).append(u)
    for units in pages.values():
        placed = [u for u in units if u.x0 is not None and u.x1 is not None and u.top is not None]
        if len(placed) != len(units) or len(units) < 2 * _COLUMN_LINES:
            out.extend(units)
            continue
        split = _column_split(placed)
        if split is None:
            out.extend(units)
            continue
        out.extend(_by_lines([u for u in units if (u.x0 or 0) < split])
                   + _by_lines([u for u in units if (u.x0 or 0) >= split]))
    return out


def _by_lines(pieces: Sequence[Unit]) -> list[Unit]:
    """Pieces top to bottom, those on one line (tops within 3 points: an item's number and its text) left to right."""
    rows: list[list[Unit]] = []
    for u in sorted(pieces, key=lambda u: u.top or 0):
        if rows and abs((u.top or 0) - (rows[-1][0].top or 0)) < 3:
            rows[-1].append(u)
        else:
            rows.append([u])
    return [u for row in rows for u in sorted(row, key=lambda u: u.x0 or 0)]


def _gutter(pieces: Sequence[Unit]) -> float | None:
    """An x that no piece crosses, in the middle third of the pieces' span, with pieces on both sides."""
    x0, x1 = min(u.x0 or 0 for u in pieces), max(u.x1 or 0 for u in pieces)
    spans = sorted(((u.x0 or 0), (u.x1 or 0)) for u in pieces)
    reach, best = spans[0][1], None
    for a, b in spans[1:]:
        if a > reach + 6 and x0 + (x1 - x0) / 3 <= (a + reach) / 2 <= x1 - (x1 - x0) / 3:
            best = (a + reach) / 2
        reach = max(reach, b)
    return best


def _column_split(units: list[Unit]) -> float | None:
    """The x between two columns of ``units``, or None when they are not set in two columns."""
    edges = sorted({round(u.x0 or 0) for u in units})
    span = max(u.x1 or 0 for u in units) - min(u.x0 or 0 for u in units)
    for x in edges[1:]:
        left = [u for u in units if (u.x0 or 0) < x]
        right = [u for u in units if (u.x0 or 0) >= x]
        if len(left) >= _COLUMN_LINES and len(right) >= _COLUMN_LINES \
                and max(u.x1 or 0 for u in left) + COLUMN_GAP <= x \
                and all(max((u.x1 or 0) - (u.x0 or 0) for u in side) >= COLUMN_SHARE * span for side in (left, right)):
            return x - COLUMN_GAP / 2
    return None


_INLINE_NUMBER = re.compile(r"(?:(?<=^)|(?<=\s))\((\d{1,2})\)\s+")
_INLINE_ITEMS = 3


def _inline_items(block: Block) -> list[Block]:
    """A paragraph numbered inline ('(1) ... (2) ... (3) ...') cut into one block per number.

    Cut only when it holds at least three such numbers counting up from 1 in order, so a
    stray '(2)' in a sentence does not cut it.
    """
    marks = list(_INLINE_NUMBER.finditer(block.text))
    numbered: list[re.Match[str]] = []
    for m in marks:
        if int(m.group(1)) == len(numbered) + 1:
            numbered.append(m)
    if len(numbered) < _INLINE_ITEMS:
        return [block]
    pieces = []
    head = block.text[:numbered[0].start()].strip()
    if head:
        pieces.append(Block(head, block.first, block.number))
    for i, m in enumerate(numbered):
        end = numbered[i + 1].start() if i + 1 < len(numbered) else len(block.text)
        pieces.append(Block(block.text[m.start():end].strip(), block.first, int(m.group(1))))
    return pieces


_NUMBER_ALONE = re.compile(r"^\(?(\d{1,2})[.)]?$")


def _number_cell(line: list[Unit]) -> re.Match[str] | None:
    """A number standing alone before the text of its line: the number column of a terms table ('1 | ...')."""
    if len(line) < 2:
        return None
    return _NUMBER_ALONE.match(line[0].text.strip())


def _merge_titles(blocks: list[Block]) -> list[Block]:
    """A short title block ('6. Confidentiality') belongs with the text that follows it."""
    merged: list[Block] = []
    for block in blocks:
        if merged and _is_title(merged[-1]) and block.number is None:
            merged[-1].text += " " + block.text
        else:
            merged.append(block)
    return merged


def _is_title(block: Block) -> bool:
    text = _ITEM.sub("", block.text).strip()
    return len(text.split()) <= _TITLE_WORDS and not text.endswith(".")


def recognise_terms(units: Sequence[Unit], en_name: str | None = None) -> tuple[list[Term], dict[int, Location]]:
    """The 15 terms: present or not, the matched text as evidence, and where it was found.

    Terms that call the EN by its name ('Harbor Light Careers may revise this plan') are read
    as if they said 'the EN'; the evidence keeps the document's words.
    """
    quoted = term_blocks(units)
    blocks = [replace(b, text=_as_en(b.text, en_name)) for b in quoted]
    specs = terms_catalogue(learned_person_nouns())
    candidates: dict[int, list[int]] = {spec.number: [] for spec in specs}
    for i, b in enumerate(blocks):
        for number in _terms_of_block(specs, b.text):
            candidates[number].append(i)
    if len(blocks) >= LIST_ITEMS:
        chosen = _one_block_per_term(candidates)
        _add_merged_terms(specs, blocks, candidates, chosen)
        _place_leftover_items(specs, blocks, candidates, chosen)
        _place_by_meaning(specs, blocks, candidates, chosen)
    else:
        chosen = {n: c[0] for n, c in candidates.items() if c}
    if 15 not in chosen:
        numbered = [i for i, b in enumerate(blocks) if b.number == 15 and i not in chosen.values()]
        if numbered:
            chosen[15] = numbered[0]
    terms, where = [], {}
    for spec in specs:
        block = blocks[chosen[spec.number]] if spec.number in chosen else None
        if block is None:
            terms.append(Term(number=spec.number, present=False, evidence=None))
            continue
        terms.append(Term(number=spec.number, present=True, evidence=_evidence(quoted[chosen[spec.number]].text)))
        where[spec.number] = block.first.location
    return terms, where


TERMS_RUN = 8
"""List items stating a term, close together, that make a run of text the terms part."""
RUN_GAP = 3
"""Units between two items stating a term that still keep them in one run (the items' other lines)."""


def terms_list_by_content(units: Sequence[Unit]) -> None:
    """Find the terms part by what it says when no title named it.

    A plan whose terms part has a title the vocabulary does not know ('Pledges', 'Provisions')
    has its terms read as part of whatever precedes them. When no unit is in the terms part,
    the longest run of text in which at least ``TERMS_RUN`` items each state a whole term, with
    at most ``RUN_GAP`` units between two of them, becomes the terms part, with the lines that
    continue its last item and a short title just before it.
    """
    if any(u.section == "terms" for u in units):
        return
    specs = terms_catalogue(learned_person_nouns())
    for part in unplaced_parts(units):  # a part whose title names no part: its text, however it wraps
        text = " ".join(u.text for u in part[1:] if u.field is None)
        if sum(expresses(spec, text) for spec in specs) >= TERMS_RUN:
            place_part(part, "terms")
            return
    for i, u in enumerate(units):  # a Word cell holding the whole list, one item a paragraph
        lines = u.text.split("\n") if u.field is None and u.section != "signatures" else []
        if len(lines) >= TERMS_RUN and sum(len(line.split()) >= LEFTOVER_WORDS and any(
                expresses(spec, line) for spec in specs) for line in lines) >= TERMS_RUN:
            u.section = "terms"
            if i > 0 and units[i - 1].heading == UNPLACED:
                units[i - 1].heading = units[i - 1].section = "terms"
            return
    hits = [i for i, u in enumerate(units) if u.field is None and not u.heading and u.section != "signatures"
            and len(u.text.split()) >= LEFTOVER_WORDS and any(expresses(spec, u.text) for spec in specs)]
    runs: list[list[int]] = []
    for i in hits:
        if runs and i - runs[-1][-1] <= RUN_GAP + 1 \
                and not any(_other_part(u) for u in units[runs[-1][-1] + 1:i + 1]):
            runs[-1].append(i)
        else:
            runs.append([i])
    best = max(runs, key=len, default=[])
    if len(best) < TERMS_RUN:
        return
    start, end = best[0], best[-1]
    for k in range(start + 1, end):  # a short title inside the run starts the list (services' lines above it
        # that happen to say something a term says are not terms)
        if k not in best and _title_before(units[k]) and sum(i > k for i in best) >= TERMS_RUN:
            start = k + 1
    while end + 1 < len(units) and _continues_item(units[end], units[end + 1]):
        end += 1
    if start > 0 and _ITEM_MARK.match(units[start - 1].text):
        start -= 1  # 'Provision 1' on a line of its own, its statement under it
    if start > 0 and _title_before(units[start - 1]):
        start -= 1
        units[start].heading = "terms"
    for u in units[start:end + 1]:
        u.section = "terms"


def _other_part(u: Unit) -> bool:
    """A title of a known part: a terms list found by its content does not run past it."""
    return u.heading is not None and u.heading != UNPLACED


def _continues_item(prev: Unit, u: Unit) -> bool:
    """A line that carries on the item before it (PDF lines of one paragraph)."""
    return u.field is None and not u.heading and u.label is None and u.section == prev.section \
        and not u.heading_hint and not looks_like_heading(u) and (
            u.text[:1].islower() or not _SENTENCE_DONE.search(prev.text))


_ITEM_MARK = re.compile(r"^\W*(?:[A-Za-z¶§]{1,12}\.?\s*)?[\dA-Za-z]{1,3}\s*[.:)-]?\s*$")
"""An item's number or mark alone on its line: 'Provision 1', 'C-01', '¶ 3', '7.'."""


def _title_before(u: Unit) -> bool:
    """A short line with no full stop just before a terms list: its title ('7) Pledges')."""
    return u.field is None and u.label is None and len(u.text.split()) <= 5 and not u.text.rstrip().endswith(".") \
        and not _ITEM_MARK.match(u.text)


def _as_en(text: str, en_name: str | None) -> str:
    """``text`` with the EN's own name written 'the EN'."""
    name = (en_name or "").strip(" .,")
    if len(name) < 4:
        return text
    return re.sub(rf"(?:\bthe\s+)?{re.escape(name)}\b", lambda m: "The EN" if m[0][:1].isupper() else "the EN", text,
                  flags=re.I)  # a sentence that opens with the name still opens with a capital


LIST_ITEMS = 10
"""A terms part cut into at least this many blocks is a list: one block states one term."""


def _one_block_per_term(candidates: dict[int, list[int]]) -> dict[int, int]:
    """A maximum matching of terms to blocks, each block used once (augmenting paths).

    Terms with fewer candidate blocks are placed first, so a block that reads as two terms
    goes to the term that has no other block.
    """
    owner: dict[int, int] = {}

    def place(term: int, seen: set[int]) -> bool:
        for block in candidates[term]:
            if block in seen:
                continue
            seen.add(block)
            if block not in owner or place(owner[block], seen):
                owner[block] = term
                return True
        return False

    for term in sorted(candidates, key=lambda n: (len(candidates[n]), n)):
        place(term, set())
    return {term: block for block, term in owner.items()}


def _add_merged_terms(specs: Sequence[TermSpec], blocks: list[Block], candidates: dict[int, list[int]],
                      chosen: dict[int, int]) -> None:
    """Let a list item state a second term when each term has a sentence of its own there.

    Lists often merge two terms into one item ('... set out in Step 5. There is no charge to
    you.'). A term left without a block of its own is placed in a candidate block already taken
    when the block's sentences that do not state the new term still state each of its own terms,
    and its other sentences (those not stating only its own terms) state the whole new term
    together: separate statements, not one statement read two ways.
    """
    by_number = {spec.number: spec for spec in specs}
    for number, options in candidates.items():
        if number in chosen:
            continue
        for i in options:
            owners = [by_number[n] for n, b in chosen.items() if b == i]
            sentences = _FULL_STOP.split(blocks[i].text)  # a sentence may join its halves with ';'
            term = by_number[number]
            # the sentences that do not state only the block's own terms: together they state this one
            own = " ".join(s for s in sentences if expresses(term, s) or not any(expresses(o, s) for o in owners))
            rest = " ".join(s for s in sentences if not expresses(term, s))  # the block's own terms, apart
            if own and expresses(term, own) and rest and all(expresses(o, rest) for o in owners):
                chosen[number] = i
                break


LEFTOVER_SHARE = 0.5
"""Share of a missing term's ideas a list item stating no term must hold to be read as that term."""


def _place_leftover_items(specs: Sequence[TermSpec], blocks: list[Block], candidates: dict[int, list[int]],
                          chosen: dict[int, int]) -> None:
    """A list item that states no term is a term in the EN's own words: the missing one it is closest to.

    In a list of the terms each item states a term. An item left without one, with a sentence
    or more of text, is given to the missing term most of whose ideas it holds (at least half,
    and more than any other missing term); an item near two missing terms equally is left.
    """
    missing = [spec for spec in specs if spec.number not in chosen and len(spec.ideas) > 1]
    used = set(chosen.values())
    for i, block in enumerate(blocks):
        if i in used or not missing or len(block.text.split()) < LEFTOVER_WORDS \
                or any(i in c for c in candidates.values()):
            continue
        scores = sorted(((sum(bool(idea.search(block.text)) for idea in spec.ideas) / len(spec.ideas), spec.number)
                         for spec in missing), reverse=True)
        best, number = scores[0]
        if best >= LEFTOVER_SHARE and (len(scores) == 1 or best > scores[1][0]):
            chosen[number] = i
            missing = [spec for spec in missing if spec.number != number]


LEFTOVER_WORDS = 6
"""Words a list item needs to be a statement at all (not a title or a caption)."""


MEANING_SCORE = 3.0
"""Least closeness (shared weighted word stems, see ``_closeness``) for a list item to be read as a missing term."""
MEANING_MARGIN = 1.5
"""How many times closer than to any other missing term (and than any other item) the item must be."""


def _place_by_meaning(specs: Sequence[TermSpec], blocks: list[Block], candidates: dict[int, list[int]],
                      chosen: dict[int, int]) -> None:
    """List items that state no term, read as the missing terms whose meaning they share most.

    An EN's list of the terms states one term per item, each in its own words. When an item is
    left over and a term is missing, the item is compared with what each missing term is about
    (its title, its requirement, its ideas' descriptions and the words of its patterns): the
    stems they share, each weighed by how few terms use it. A pair is placed only when the item
    is clearly closest to that term and that term clearly closest to that item; anything less
    stays a missing term.
    """
    used = set(chosen.values())
    items = [i for i, block in enumerate(blocks) if i not in used and _statement(block.text)
             and not any(i in c for c in candidates.values())]
    missing = [spec.number for spec in specs if spec.number not in chosen]
    stems = {i: _stems(blocks[i].text) for i in items}
    while items and missing:
        scores = {(i, n): _closeness(stems[i], n) for i in items for n in missing}
        (i, n), best = max(scores.items(), key=lambda kv: kv[1])
        rivals = [v for (j, m), v in scores.items() if (j == i) != (m == n)]  # same item or same term
        if best < MEANING_SCORE or any(v * MEANING_MARGIN > best for v in rivals):
            return
        chosen[n] = i
        items.remove(i)
        missing.remove(n)


def _statement(text: str) -> bool:
    """A list item that can state a term: a sentence of its own.

    Not a question (a Q&A title), nor a continuation cut from the item before (it starts in lower case).
    """
    body = _ITEM.sub("", text).strip()
    return len(body.split()) >= LEFTOVER_WORDS and not body.endswith("?") and not body[:1].islower()


def _closeness(stems: frozenset[str], number: int) -> float:
    """The weight of the term's stems among ``stems`` (each weighs more the fewer terms use it).

    0 unless one of them is a stem only this term's meaning uses: shared words alone are no sign.
    """
    bags, weights, own = _meaning_bags()
    held = stems & bags[number]
    return sum(weights[s] for s in held) if held & own[number] else 0.0


_WORD = re.compile(r"[a-z]{4,}")
_NOT_MEANING = frozenset(
    "this that with from have will your their they them when what which other about there these those must "
    "shall into also been each more than only such under upon same does were being both plan term terms "
    "ticketholder ticket".split())


def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in _WORD.findall(text.lower()) if w not in _NOT_MEANING)


@lru_cache(maxsize=1)
def _meaning_bags() -> tuple[dict[int, frozenset[str]], dict[str, float], dict[int, frozenset[str]]]:
    """Each term's word stems, each stem's weight, and each term's own stems.

    A term's stems come from its title, requirement, ideas and pattern words; a stem weighs more
    the fewer terms use it; a term's own stems are those no other term uses.
    """
    bags = {}
    for spec in terms_catalogue():
        words = [spec.title, spec.requirement]
        for idea in spec.ideas:
            words.append(idea.description)
            words.extend(re.sub(r"\\[a-zA-Z]|%[A-Z]+%", " ", p.pattern) for p in idea.patterns)
        bags[spec.number] = _stems(" ".join(words))
    counts: dict[str, int] = {}
    for bag in bags.values():
        for stem in bag:
            counts[stem] = counts.get(stem, 0) + 1
    weights = {stem: math.log(len(bags) / n) for stem, n in counts.items()}
    own = {number: frozenset(s for s in bag if counts[s] == 1) for number, bag in bags.items()}
    return bags, weights, own


_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z(\"'])")
_FULL_STOP = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def _terms_of_block(specs: Sequence[TermSpec], text: str) -> list[int]:
    """The terms a block states.

    In a paragraph of several sentences a term's ideas may be spread over its sentences, but
    not gathered only from sentences that each state another term: 'You may contact the
    PABSS office. Report your wages every month.' states terms 8 and 9, not the monthly
    contact of term 11.
    """
    whole = [spec for spec in specs if expresses(spec, text)]
    sentences = _SENTENCE_END.split(text)
    if len(whole) < 2 or len(sentences) < 2:
        return [spec.number for spec in whole]
    own = [{spec.number for spec in whole if expresses(spec, sentence)} for sentence in sentences]
    found = []
    for spec in whole:
        if any(spec.number in terms for terms in own):
            found.append(spec.number)
            continue
        free = [sentence for sentence, terms in zip(sentences, own, strict=True) if not terms - {spec.number}]
        if any(idea.search(sentence) for idea in spec.ideas for sentence in free):
            found.append(spec.number)
    return found


def expresses(spec: TermSpec, text: str) -> bool:
    """Whether ``text`` expresses every idea of the term.

    An idea may be anchored at the start of a statement; in a paragraph that states several
    terms, each sentence is such a start too.
    """
    sentences = None
    for idea in spec.ideas:
        if _holds(idea, text):
            continue
        if not idea.anchored:
            return False
        if sentences is None:
            sentences = _SENTENCE_END.split(text)
        if not any(_holds(idea, s) for s in sentences[1:]):
            return False
    return True


@lru_cache(maxsize=16384)
def _holds(idea: TermIdea, text: str) -> bool:
    """Whether ``text`` holds the idea (cached: a block's text is tried for every term, whole and by sentence)."""
    return idea.search(text) is not None


def clear_caches() -> None:
    """Forget which texts held which ideas (benchmarks time a template not seen before)."""
    _holds.cache_clear()


def _evidence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= _EVIDENCE_CHARS else text[: _EVIDENCE_CHARS - 1].rstrip() + "…"
