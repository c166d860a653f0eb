"""Values a plan states in sentences instead of beside labels: a plan written as a letter.

'Re: Your Individual Work Plan, prepared for Maria L. Gonzalez, Social Security number ...',
'Dear Maria L. Gonzalez,', 'An Employment Network ... (Provider ID EN-104233)', 'Your contact
person here is Dana Whitfield', 'If we cannot reach you, ... contact Rosa Gonzalez, Sister, ...',
'... when you came to see us in person at our office on 4th March 2025.' Read only for the values
no label gave, and only from Part One and the discussion (or text before the first heading): a
sentence elsewhere (the terms, a summary about someone's work) names no party's details.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from iwp_pipeline.extract.units import Unit
from iwp_pipeline.values import parse_date

_NAME = r"(?:(?:Mr|Ms|Mrs|Mx|Dr)\.?\s+)?(?P<v>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,3})"
_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "ticketholder.name": (
        re.compile(r"\b(?:prepared|written|made|developed) (?:for|with)\s+" + _NAME),
        re.compile(r"^Dear\s+" + _NAME + r"\s*[,:]"),
    ),
    "ticketholder.ssn": (
        re.compile(r"\b(?:social security (?:number|no\.?)|SSN)\s*(?:is\s+|:\s*|#\s*)?"
                   r"(?P<v>\d{3}-\d{2}-\d{4}|[X*•]{3}-[X*•]{2}-\d{4})", re.I),
    ),
    "en.pid": (
        re.compile(r"\b(?:provider (?:id|number|no\.?)|PID|vendor (?:id|number|no\.?))\s*(?:is\s+|:\s*|#\s*)?"
                   r"(?P<v>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})", re.I),
    ),
    "en.contact_person": (
        re.compile(r"\bcontact person(?: here| with us| at [A-Z][\w&' ]+)? is\s+" + _NAME),
    ),
    "alternate.name": (
        re.compile(r"\b(?:cannot|can't|can not|are unable to|fail to) reach you\b[^.]*?\b(?:contact|call|reach)\s+"
                   + _NAME),
    ),
}
_MEETING = re.compile(r"\b(?:we|you and (?:I|we))\s+(?:met|talked|spoke|wrote (?:it|this plan) together)\b"
                      r"|\bcame to see us\b|\bvisited us\b", re.I)
_EN_LINE = re.compile(r"\b(?:an?|the|approved|authori[sz]ed)\s+employment network\b", re.I)


def _texts(units: Sequence[Unit]) -> Iterator[Unit]:
    """The paragraphs of Part One and the discussion; a PDF's lines of one paragraph joined."""
    paragraph: Unit | None = None
    last: Unit | None = None
    for u in units:
        if u.field is not None or u.heading or u.section not in (None, "part1", "discussion"):
            continue
        runs_on = (paragraph is not None and last is not None and u.top is not None and last.bottom is not None
                   and u.page == last.page and u.section == last.section and 0 <= u.top - last.bottom <= PARAGRAPH_GAP)
        if runs_on and paragraph is not None:
            glue = "" if paragraph.text.endswith("-") and u.text[:1].isdigit() else " "
            paragraph = replace(paragraph, text=paragraph.text + glue + u.text)
        else:
            if paragraph is not None:
                yield paragraph
            paragraph = u if u.top is None else replace(u)
        last = u
    if paragraph is not None:
        yield paragraph


PARAGRAPH_GAP = 6.0
"""Points between two lines of a PDF that are one paragraph."""


def prose_values(units: Sequence[Unit], missing: set[str]) -> dict[str, tuple[str, Unit]]:
    """Values for the keys in ``missing`` that sentences of the plan state, with where."""
    out: dict[str, tuple[str, Unit]] = {}
    texts = list(_texts(units))
    for key, patterns in _PATTERNS.items():
        if key not in missing:
            continue
        for u in texts:
            m = next((m for p in patterns if (m := p.search(u.text))), None)
            if m:
                out[key] = (m["v"].strip(), u)
                break
    if "en.name" in missing:
        # A letterhead: the EN's name alone on the first line, the next line saying it is an EN.
        head = [u for u in units if u.field is None][:2]
        if len(head) == 2 and head[0].section is None and len(head[0].text.split()) <= 8 \
                and not re.search(r"[\d:]", head[0].text) and _EN_LINE.search(head[1].text):
            out["en.name"] = (head[0].text.strip(), head[0])
    if "discussion.date" in missing:
        for u in texts:
            for sentence in re.split(r"(?<=[.!?])\s+", u.text):
                if _MEETING.search(sentence) and (d := parse_date(sentence)):
                    out["discussion.date"] = (d.isoformat(), u)
                    break
            if "discussion.date" in out:
                break
    return out


def meeting_sentences(units: Sequence[Unit]) -> Iterator[str]:
    """Sentences that tell how the planning meeting took place ('... came to see us in person ...')."""
    for u in _texts(units):
        for sentence in re.split(r"(?<=[.!?])\s+", u.text):
            if _MEETING.search(sentence):
                yield sentence
