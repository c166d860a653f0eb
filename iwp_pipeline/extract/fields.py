"""What the fields of a fillable PDF form stand for, read from the words around them.

A field says what it holds in three places: its tooltip (``/TU``), the text printed next to its
widget (left of a text field or over it, right of a box, the caption under a signature line, the
header of its column in a table of fields; found by ``pdf_reader``) and its own name, split into
words (``txt_alt_contact`` is "alternate contact", ``EN_PrintedName`` "EN Printed Name";
``Field_12`` or ``Check Box3`` say nothing). Forms differ in all three, so each is matched
against the label vocabulary (``data/vocabulary.json``) in a few readings: as written, without a
row number ("Employer 1"), without an "of the EN" tail ("Printed name of EN staff"), without the
party words it starts with ("EN staff signature") and without a qualifier ("Target
occupation"). The first of tooltip, printed label and name that reads as a label wins.

Where the words say nothing the context does: in the discussion part a radio group whose options
are ways of meeting is the modality, and a multi-line field the summary; a text
field in the work history or the goals part is read with that part's own labels (employer, job
title, dates, wages; occupation, hours, wages, time frame), grouped by the number in its words
or by the order of the fields.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from iwp_pipeline.extract.layout import FormField
from iwp_pipeline.extract.units import (
    TRANSLATION,
    Unit,
    any_match,
    match_label,
    on_nouns_changed,
    party_of,
    service_by_cues,
    vocabulary,
    written_out,
)
from iwp_pipeline.resources import load_json_data

WORK_KEYS = ("work.employer", "work.job_title", "work.dates", "work.start", "work.end", "work.hours",
             "work.earnings")
GOAL_KEYS = ("goals.short_term", "goals.long_term")
GOAL_PARTS = ("goal.job_title", "goal.hours", "goal.earnings", "goal.time_frame")

_NUMBER = re.compile(r"\s*(?:\(\s*(?:#|no\.?\s*)?(\d{1,2})\s*\)|#\s*(\d{1,2})|\b(?:no\.?\s*)?(\d{1,2}))\s*:?\s*$", re.I)
_OF_TAIL = re.compile(r"^(.+?)\s+(?:of|for|by|from|about)\s+(?:the\s+)?(.+?)\s*:?$", re.I)
_PARTY_LEAD = re.compile(r"^\s*(?:the\s+)?(\S+?)(?:'s)?\s+(?=\S)", re.I)
_SIGNATURE_DATE = re.compile(r"^(?=.*\bdate\b)(?=.*\bsign).*$", re.I)
_YES = re.compile(r"^(?:yes|y|true|on|selected|x|1)$", re.I)
_NO = re.compile(r"^(?:no|n|false|off|not selected|0)$", re.I)


@cache
def _name_vocabulary() -> tuple[frozenset[str], dict[str, str], tuple[str, ...]]:
    raw = load_json_data("vocabulary.json")["form_fields"]
    return (frozenset(w.casefold() for w in raw["noise"]),
            {k.casefold(): v for k, v in raw["abbreviations"].items()},
            tuple(w.casefold() for w in raw["qualifiers"]))


def name_words(name: str) -> str:
    """A field name as words: ``txt_alt_contact`` -> 'alternate contact', ``Field_12`` -> ''.

    Array indices and the parent parts of a qualified name (``form1[0].Page1[0].EN_Name[0]``)
    are dropped; widget-kind words ('txt', 'chk', 'Field', 'Check Box') are noise; a name left
    with only numbers says nothing.
    """
    parts = [_part_words(p) for p in re.sub(r"\[\d+\]", "", name).split(".")]
    words = parts[-1]
    if len(words) == 1 and len(parts) > 1:  # 'Part1.EN.Name': the name of the EN
        words = parts[-2] + words
    if all(w.isdigit() or len(w) == 1 for w in words):
        return ""  # 'Text12', 'Check Box3', 't21': a widget kind and a number say nothing
    return " ".join(words)


def _part_words(part: str) -> list[str]:
    """One part of a field name as words, widget-kind words left out, abbreviations written out."""
    noise, abbreviations, _ = _name_vocabulary()
    spaced = re.sub(r"([a-z])([A-Z])|([A-Z])([A-Z][a-z])", lambda m: " ".join(g for g in m.groups() if g), part)
    spaced = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", spaced)
    words: list[str] = []
    after_page = False
    for token in re.split(r"[\s_\-#]+", spaced):
        low = token.casefold()
        if after_page and token.isdigit():
            after_page = False
            continue  # 'p1_Name', 'Page2.Name': the page a field is on says nothing of it
        after_page = low in _PAGE_WORDS
        if token and low not in noise:
            words.append(abbreviations.get(low, token))
    for i, word in enumerate(words[:-1]):  # 'ST_Goal', 'LTGoalTitle': short and long term before a goal
        if word.casefold() in _TERM_LETTERS and words[i + 1].casefold().startswith(("goal", "objective")):
            words[i] = _TERM_LETTERS[word.casefold()]
    return words


_TERM_LETTERS = {"st": "short-term", "lt": "long-term"}


_PAGE_WORDS = frozenset({"p", "pg", "page"})


def field_words(f: FormField) -> tuple[str, ...]:
    """What says what a field is: tooltip, printed label, name as words, the text starting its row.

    In that order; the row's text is there for a box in a checklist (a service name left of it).
    """
    return _words(f.tooltip, f.label, f.name, f.row_label)


@lru_cache(maxsize=8192)
def _words(tooltip: str | None, label: str | None, name: str, row: str | None) -> tuple[str, ...]:
    out: list[str] = []
    if tooltip and " " not in tooltip.strip() and re.search(r"[a-z][A-Z]|[A-Za-z]\d|_", tooltip):
        tooltip = name_words(tooltip)  # a tooltip that only repeats the field's name ('EmployerRow1')
    for text in (tooltip, label, name_words(name), row):
        text = " ".join((text or "").split())
        if text and text.casefold() not in (o.casefold() for o in out):
            out.append(text)
    return tuple(out)


def _without_number(text: str) -> tuple[str, int | None]:
    """'Employer name (2):' -> ('Employer name', 2); the text itself when no row number is in it.

    The number may also lead ('3 Title', a name whose row word was noise) or stand inside: after a
    word for a row ('Job 2: employer' -> ('employer', 2))
    or after the column's first word ('Employer 2 name' -> ('Employer name', 2)).
    """
    m = _NUMBER.search(text)
    if m is not None and m.start() > 0:
        return text[:m.start()].strip(), int(next(g for g in m.groups() if g))
    lead = _LEAD_NUMBER.match(text)  # 'Row3_Title' reads '3 Title': the row word is noise
    if lead is not None:
        return lead.group(2).strip(), int(lead.group(1))
    inner = _INNER_NUMBER.match(text)
    if inner is None:
        return text, None
    head = "" if inner.group(1).strip().casefold() in _ROW_WORDS else inner.group(1).strip()
    return " ".join(f"{head} {inner.group(3)}".split()), int(inner.group(2))


_LEAD_NUMBER = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z].*)$")
_INNER_NUMBER = re.compile(r"^\s*([A-Za-z][\w ]{0,20}?)\s*#?\s*(\d{1,2})\s*[:.\-–]?\s+([A-Za-z].*)$")
_ROW_WORDS = frozenset({"job", "row", "line", "entry", "position", "employment", "work", "item", "no", "no."})


def _context_word(text: str) -> bool:
    """Words naming a party or a part of the plan ('the EN', 'discussion', 'the meeting')."""
    if party_of(text) is not None and len(text.split()) <= 3:
        return True
    return any(any_match(patterns, text) for patterns in vocabulary()["sections"].values()) and len(text.split()) <= 3


def readings(hint: str) -> list[str]:
    """The ways a field's hint is tried against the vocabulary, plainest first.

    A hint in two languages ('Job 1: employer / Empleo 1: patrón') is also tried in its first one.
    """
    out = [hint]
    if len(halves := TRANSLATION.split(hint)) == 2 and halves[0].count("(") == halves[0].count(")"):
        out.extend(r for r in readings(halves[0]) if r not in out)
    bare, _ = _without_number(hint)
    if bare and bare != hint:
        out.append(bare)
    m = _OF_TAIL.match(bare)
    if m and _context_word(m.group(2)):
        out += [m.group(1), f"{m.group(2)} {m.group(1)}"]  # 'Printed name of EN staff', 'Notes of the meeting'
    elif m:
        out.append(f"{m.group(2)} {m.group(1)}")
    rest = bare
    for _ in range(2):  # 'EN staff signature' -> 'staff signature' -> 'signature'
        lead = _PARTY_LEAD.match(rest)
        if lead is None or party_of(lead.group(1)) is None:
            break
        rest = rest[lead.end():]
        out.append(rest)
    if "(" in bare:  # 'EN representative (print name)'
        out.append(" ".join(bare.replace("(", " ").replace(")", " ").split()))
    qualifiers = _name_vocabulary()[2]
    words = bare.split()
    if len(words) > 1 and words[0].casefold() in qualifiers:
        out.append(" ".join(words[1:]))
    return out


def _full(text: str, keys: tuple[str, ...] | None) -> str | None:
    """The vocabulary key ``text`` is a whole label of (no other words after it), or None."""
    m = match_label(text.rstrip(" :") + ":", keys)
    return m.key if m is not None and not m.rest else None


def _first_full(texts: list[str], keys: tuple[str, ...]) -> str | None:
    """The key the first of ``texts`` that is a whole label of one of ``keys`` stands for."""
    return next((key for text in texts if (key := _full(text, keys)) is not None), None)


def _lead(text: str, keys: tuple[str, ...]) -> tuple[str, str] | None:
    """The vocabulary key ``text`` starts with, and the words after it ('Short-term goal wages')."""
    body = text.strip()
    best: tuple[int, str] | None = None
    for key in keys:
        for pattern in vocabulary()["labels"][key]:
            m = pattern.match(body)
            if m and (best is None or m.end() > best[0]):
                best = (m.end(), key)
    if best is None:
        return None
    rest = re.sub(r"\([^)]*\)", " ", body[best[0]:])  # '(within 18 months)' says when, not what
    return best[1], " ".join(rest.split()).strip(" :-–—")


def match_field(f: FormField, keys: tuple[str, ...] | None = None) -> tuple[str, str] | None:
    """(vocabulary key, the hint that says so) for a field, or None.

    The first hint with a reading that is a whole label wins. ``keys`` limits the labels (None:
    every label but the work-history and goal details).
    """
    return _match_words(field_words(f), keys)


@lru_cache(maxsize=8192)
def _match_words(words: tuple[str, ...], keys: tuple[str, ...] | None) -> tuple[str, str] | None:
    for hint in words:
        if keys is None and _SIGNATURE_DATE.search(hint):
            return "generic.date", hint  # 'Individual's signature date', 'Date signed'
        for reading in readings(hint):
            key = _full(reading, keys)
            if key is not None:
                return key, hint
    alone = next((h for h in words if _names_only_ticketholder(h)), None) if keys is None else None
    return ("ticketholder.name", alone) if alone is not None else None


def _names_only_ticketholder(hint: str) -> bool:
    """A hint that is the ticketholder's party words alone ('Person served', 'Participant:').

    A field named so holds the person's name. Only the ticketholder: a field named 'Staff' or
    'Representative' alone may hold a name, a title or a signature.
    """
    text = hint.strip(" :")
    return bool(text) and len(text.split()) <= 3 and any(
        p.fullmatch(text) for p in vocabulary()["parties"]["ticketholder"])


def is_signature(f: FormField, key: str) -> bool:
    """A field whose words make it a signature, or the date of one.

    'Individual signature date', or 'Date' in a row that starts 'Individual signature'.
    """
    return key == "generic.signature" or (
        key == "generic.date" and any(re.search(r"\bsign", text, re.I) for text in field_words(f)))


def field_party(f: FormField, hint: str) -> str | None:
    """Whose value a field holds, as its words say: the hint that named it first, then the others."""
    for text in (hint, *field_words(f)):
        party = party_of(text.split(":", 1)[0])
        if party is not None:
            return party
        if text is hint and _SIGNER_NAMED.match(hint):
            return None  # 'Peer Mentor signature': the hint names a signer the vocabulary does not know
    return None


_SIGNER_NAMED = re.compile(r"^\s*(?!(?:signature|sign|signed|date|name|print|printed)\b)[A-Za-z][\w'’ ]{1,40}\s+"
                           r"(?:signature|sign(?:ed)?)\b", re.I)
"""A signature hint that names who signs in words of its own ('Peer Mentor signature'), not 'Signature'."""


def field_label(f: FormField, section: str | None) -> tuple[str, str] | None:
    """What a field holds, as (label key, hint text), or None when nothing says.

    Its words first; then, in the discussion part, the context: a group of options that are ways
    of meeting is the modality, a multi-line text field the summary. A checkbox holds no value of
    a label (what it says is read where boxes are read: services, modality, 'no work').
    """
    if f.kind in ("checkbox", "button"):
        return None
    hit = match_field(f)
    if hit is not None:
        return hit
    if section != "discussion":
        return None
    if f.kind in ("radio", "choice") and is_modality_choice(f):
        return "discussion.modality", next(iter(field_words(f)), "modality")
    if f.kind == "text" and f.multiline:
        return "discussion.summary", next(iter(field_words(f)), "summary")
    return None


def is_modality_choice(f: FormField) -> bool:
    """A radio group or choice whose options are at least two different ways of meeting."""
    found = set()
    for option in f.options:
        for text in (option.label, name_words(option.name) or option.name):
            if not text:
                continue
            for key, patterns in vocabulary()["modalities"].items():
                if key != "other" and any_match(patterns, text):
                    found.add(key)
                    break
    return len(found) >= 2


def modality_boxes(units: Sequence[Unit]) -> tuple[Unit | None, str | None]:
    """A modality given as separate checkboxes in the discussion part.

    Returns the first such box (None when the part has none) and the words of the ticked one
    (None when none is ticked).
    """
    first: Unit | None = None
    for u in units:
        if u.field is None or u.field.kind != "checkbox" or u.section != "discussion":
            continue
        for hint in field_words(u.field):
            if len(hint.split()) <= 4 and any(any_match(p, hint) for p in vocabulary()["modalities"].values()):
                if u.field.checked:
                    return u, hint
                first = first or u
                break
    return first, None


def unticked_box_labels(units: Sequence[Unit]) -> set[str]:
    """The printed labels of the checkboxes left empty: what they say is not stated."""
    return {" ".join(u.field.label.split()) for u in units
            if u.field is not None and u.field.kind == "checkbox" and not u.field.checked and u.field.label}


def service_of(f: FormField) -> str | None:
    """The service a field is about: the one its name spells as the record does, else the one named earliest.

    Earliest in its tooltip, label or name. 'iwp[services][job_development][details]' is job
    development whatever is printed near its box (the next row's name under a details box).
    """
    return _keyed_service(f.name) or _service_words(field_words(f))


@lru_cache(maxsize=4096)
def _keyed_service(name: str) -> str | None:
    lowered = name.lower()
    for key in sorted(vocabulary()["services"], key=len, reverse=True):
        if re.search(rf"(?<![a-z0-9]){key}(?![a-z0-9])", lowered) and ("_" in key or f"[{key}]" in lowered):
            return key
    return None


@lru_cache(maxsize=4096)
def _service_words(words: tuple[str, ...]) -> str | None:
    words = tuple(written_out(hint)[0] for hint in words)  # 'Benefits cnsl.', 'F/U initial'
    for hint in words:
        best: tuple[int, int, str] | None = None
        for key, patterns in vocabulary()["services"].items():
            for pattern in patterns:
                m = pattern.search(hint)
                if m and (best is None or (m.start(), -m.end()) < best[:2]):
                    best = (m.start(), -m.end(), key)
        if best is not None:
            return best[2]
    return service_by_cues(words[0]) if words else None


def in_no_column(f: FormField) -> bool:
    """A checkbox under a 'No' column header, or a thing's 'No' box: ticked, it says the row's thing is not so.

    The 'No' of a pair of boxes is told by its column, its tooltip ('Worksite coaching: No') or
    the last word of its name ('chkSvcCoachNo').
    """
    if f.column_header and _NO.match(f.column_header.strip(" :")):
        return True
    if f.tooltip and _SAYS_NO.search(f.tooltip):
        return True
    return _NAMED_NO.search(f.name) is not None


_SAYS_NO = re.compile(r"(?:[:\-–—]|\bor)\s*no\s*\??\s*$", re.I)
"""A box's tooltip that ends in its answer 'No' ('Worksite coaching: No')."""
_NAMED_NO = re.compile(r"(?:(?<=[a-z0-9])No|[_.\-\s]no)$")
"""A box's name that ends in 'No' as a word of its own ('chkSvcCoachNo', 'svc_coach_no'), not 'Info'."""


def chosen_yes_no(f: FormField) -> bool | None:
    """For a Yes/No radio group: True for 'Yes', False for 'No', None when neither is chosen."""
    chosen = next((o for o in f.options if o.selected), None)
    if chosen is None:
        return None
    for text in (chosen.label, chosen.name):
        if text and _YES.match(text.strip()):
            return True
        if text and _NO.match(text.strip()):
            return False
    return None


def work_part(f: FormField) -> tuple[str, int | None] | None:
    """(work-history column key, row number) of a field: 'Employer 2', 'Dates worked (1)', 'Wages'."""
    return _work_words(field_words(f))


@lru_cache(maxsize=4096)
def _work_words(words: tuple[str, ...]) -> tuple[str, int | None] | None:
    number = None
    for hint in words:
        bare, n = _without_number(hint)
        number = number if number is not None else n
        key = _first_full(readings(bare), WORK_KEYS)
        if key is not None:
            return key, number
    return None


_LISTED = re.compile(r"\(([^()]*[,;][^()]*)\)")
"""A caption's list of what its field holds: '(employer, title, dates, hours, pay)'."""


def _listed_columns(f: FormField, value: str) -> dict[str, str] | None:
    """A job written whole into one field whose caption lists its parts (:func:`listed_parts`)."""
    for hint in (f.tooltip, f.label):
        if hint and (parts := listed_parts(hint, value)) is not None:
            return parts
    return None


def listed_parts(caption: str, value: str) -> dict[str, str] | None:
    """A job written whole under a caption that lists its parts, as {column key: value}.

    'Job 1 (employer, title, dates, hours, pay)' over 'Lakeside Grocery, Cashier, 01/2022-05/2023,
    ...'. The caption's list must name the employer and at least two other columns; the value is
    cut at its semicolons, else at its commas, into as many pieces as the list names (else only
    the employer, the first piece, is taken). None when the caption lists no such parts.
    """
    m = _LISTED.search(caption)
    if m is None:
        return None
    keys = [_first_full(readings(item.strip()), WORK_KEYS) for item in re.split(r"[,;/]|\band\b", m[1])]
    if "work.employer" not in keys or sum(k is not None for k in keys) < 3:
        return None
    pieces = [p.strip() for p in re.split(r"\s*;\s*" if ";" in value else r",\s+", value)]
    if len(pieces) != len(keys):
        return {"work.employer": pieces[0]} if keys[0] == "work.employer" else None
    return {k: p for k, p in zip(keys, pieces, strict=True) if k is not None and p}


def work_rows(units: Sequence[Unit]) -> list[dict[str, str]] | None:
    """The jobs written into work-history fields, as {column key: value} per job (in order).

    None when the part has no such fields (its jobs are printed text). Jobs are told apart by the
    number in their fields' words, else a job starts at each employer or repeated column.
    """
    numbered: dict[int, dict[str, str]] = {}
    sequence: list[dict[str, str]] = []
    seen = False
    for u in units:
        if u.field is None or u.field.kind not in ("text", "choice") or u.section != "work_history":
            continue
        part = work_part(u.field)
        if part is None or goal_part(u.field)[0] is not None:
            continue  # 'Short-term goal: job title' under an unrecognised goals heading is no job
        seen = True
        key, number = part
        if not u.text:
            continue
        if (listed := _listed_columns(u.field, u.text)) is not None:
            # 'Job 1 (employer, title, dates, hours, pay)': the whole job in one field, its parts in that order
            if number is not None:
                numbered.setdefault(number, {}).update(listed)
            else:
                sequence.append(listed)
            continue
        if number is not None:
            numbered.setdefault(number, {})[key] = u.text
            continue
        if key == "work.employer" or not sequence or key in sequence[-1]:
            sequence.append({})
        sequence[-1][key] = u.text
    if not seen:
        return None
    jobs = [numbered[n] for n in sorted(numbered)]
    pairs = list(zip(jobs, sequence, strict=False))
    if len(jobs) == len(sequence) and all(not job.keys() & more.keys() for job, more in pairs):
        # 'Job 1: employer' numbered, its 'Job title' / 'From' / 'Pay' not: the rest of each numbered job, in order
        return [{**job, **more} for job, more in pairs]
    return jobs + sequence


def goal_part(f: FormField) -> tuple[str | None, str | None]:
    """(goal key, detail key) a goal field names.

    ('goals.short_term', 'goal.earnings') for 'Short-term goal wages', (None, 'goal.job_title')
    for 'Target occupation', (key, None) for a whole goal, (None, None) for no goal field.
    """
    return _goal_words(field_words(f))


_PERIOD_WORDS = re.compile(r"\bper\b[^:]{0,20}\b(?:hour|week|month|year)\b.*\bor\b", re.I)
"""A choice of the period an amount is paid by: 'pay is per hour, week or month'."""
SHORT_HORIZON = re.compile(r"\b(?:18|eighteen)[- ]months?\b", re.I)
"""The program's horizon of a short-term goal."""
LONG_HORIZON = re.compile(r"\b(?:(?:3|three)\s*(?:-|–|to)\s*(?:5|five)\s*years?|years?\s*(?:3|three)\s*(?:-|–|to)\s*"
                          r"(?:5|five))\b", re.I)
"""The program's horizon of a long-term goal."""
_HORIZON_LEAD = re.compile(r"^\s*(?:(?:the\s+)?(?:next|first|within|in)\s+)?(?P<span>[^:]{2,24}?)\s*:\s*(?P<rest>.*)$",
                           re.I)
"""A horizon leading a field's words: 'Next 18 months: ...'."""


def horizon_goal(text: str) -> str | None:
    """The goal a text's program horizon names: 18 months the short-term one, 3 to 5 years the long-term one."""
    short, long = SHORT_HORIZON.search(text), LONG_HORIZON.search(text)
    if bool(short) == bool(long):
        return None
    return "goals.short_term" if short else "goals.long_term"


@lru_cache(maxsize=4096)
def _goal_words(words: tuple[str, ...]) -> tuple[str | None, str | None]:
    goal = detail = None  # one hint may name both, or one the goal (a table row) and another the detail
    for hint in words:
        for reading in readings(hint):
            lead = _lead(reading, GOAL_KEYS)
            if lead is not None:
                key, rest = lead
                sub = _goal_detail(rest) if rest else None
                if sub is not None:
                    return key, sub
                if rest:
                    # Words about the goal that name no detail ('...: job, full or part time, when'):
                    # the whole goal, whatever a nearby printed word says.
                    return key, None
                goal = goal or key
                break
            if detail is None:
                detail = _full(reading, GOAL_PARTS)
                if detail is not None:
                    break
    if goal is None:
        return _horizon_words(words, detail)
    return goal, detail


def _horizon_words(words: tuple[str, ...], detail: str | None) -> tuple[str | None, str | None]:
    """A field whose words open with a goal's horizon: 'Next 18 months: job I want', '3 to 5 years: pay amount ($)'.

    The horizon names the goal; the words after it the detail (one no goal's detail names is
    ``goal.other``, no whole goal), a choice of period ('pay is per hour, week or month') being
    ``goal.period``.
    """
    for hint in words:
        lead_in = _HORIZON_LEAD.match(hint)
        if lead_in and (key := horizon_goal(lead_in["span"])) is not None:
            rest = lead_in["rest"]
            if _PERIOD_WORDS.search(rest):
                return key, "goal.period"
            if not rest:
                return key, None
            cue = next((sub for sub, words in _DETAIL_CUES if words.search(rest)), None)
            return key, _goal_detail(rest) or detail or cue or "goal.other"
    return None, detail


_DETAIL_CUES = (
    ("goal.hours", re.compile(r"\bhours?\b|\bhrs?\b", re.I)),
    ("goal.earnings", re.compile(r"\b(?:pay|wages?|earn\w*|salary|income|amount)\b|\$", re.I)),
    ("goal.job_title", re.compile(r"\b(?:job|occupation|position|title|work)\b", re.I)),
    ("goal.time_frame", re.compile(r"\b(?:when|by|date|target)\b", re.I)),
)
"""A goal field's detail by a word of its own, after its horizon ('job I want', 'pay amount ($)')."""


def _goal_detail(rest: str) -> str | None:
    """The goal detail the words after a goal's name stand for, or None.

    The words may be the detail itself ('wages') or a qualifier of the goal and then the detail
    after a colon or dash ('within 18 months: job title', '3 to 5 years - hours').
    """
    sub = _first_full(readings(rest), GOAL_PARTS)
    if sub is None:
        tail = re.split(r"\s*(?::|\s[-–—]\s)\s*", rest)[-1]
        if tail and tail != rest:
            sub = _first_full(readings(tail), GOAL_PARTS)
    return sub


_GOAL_WORD = re.compile(r"\b(?:goal|objective|target|aim)s?\b", re.I)


def names_goal(text: str) -> str | None:
    """The goal a printed line names as a heading: 'Short-term goal', 'Goal (long range) — 3 to 5 years'.

    A line that names a goal and then a value or a detail label ('Short-term goal: Cashier') does
    not count: only a goal's name, maybe with a time qualifier after it.
    """
    lead = _lead(text, GOAL_KEYS)
    if lead is None:  # 'Goal 2 (3 to 5 years)': a goal named by its horizon
        named = len(text.split()) <= 8 and ":" not in text and _GOAL_WORD.search(text) is not None
        return horizon_goal(text) if named else None
    key, rest = lead
    if not rest or (len(rest.split()) <= 5 and _TIME_QUALIFIER.fullmatch(rest)):
        return key
    return None


_TIME_QUALIFIER = re.compile(r"(?:(?:within|in|by|over|for)\s+(?:the\s+)?(?:next\s+|first\s+)?)?"
                             r"(?:\d+|one|two|three|five|eighteen)(?:\s*(?:to|-|–)\s*(?:\d+|five))?\s+"
                             r"(?:months?|years?)", re.I)


@dataclass
class GoalFields:
    """The goals of a form: what its goal fields hold."""

    whole: dict[str, Unit] = field(default_factory=dict)
    """The filled field holding each whole goal."""
    details: dict[str, dict[str, Unit]] = field(default_factory=dict)
    """Per goal, the filled fields of its details (occupation, hours, wages, time frame)."""
    claimed: set[str] = field(default_factory=set)
    """The goals the form has fields for, filled or empty (printed text near them is no value)."""


def goal_fields(units: Sequence[Unit]) -> GoalFields:
    """Goals written into form fields: whole goals, and goals split into detail fields.

    A detail field whose own words do not say which goal it belongs to belongs to the goal named
    at the left of its row, else to the goal named last before it, by a field or by printed text
    ('Short-term goal' over its fields).
    """
    out = GoalFields()
    current: str | None = None
    columns: list[tuple[float, float, str]] = []  # (x0, x1, detail) of the detail fields read so far
    # a goal named at the left of its row of fields ('Short-term (first 18 months)' | job | hours | ...)
    row_names = [(v, key) for v in units if v.field is None and v.section == "goals" and v.top is not None
                 and v.bottom is not None and (key := names_goal(v.text) or (
                     horizon_goal(v.text) if len(v.text.split()) <= 6 and ":" not in v.text else None))]
    for u in units:
        if u.field is None:
            if u.section != "goals":
                current = None
                continue
            current = names_goal(u.text) or current
            continue
        if u.field.kind not in ("text", "choice"):
            continue
        goal, detail = goal_part(u.field)
        if detail is None and u.section == "goals" and u.x0 is not None:
            # a field under another of the same width whose words say what it holds: the same detail
            detail = next((d for x0, x1, d in columns if abs(x0 - u.x0) < 2 and abs(x1 - (u.x1 or 0)) < 2), None)
        elif detail is not None and u.x0 is not None:
            columns.append((u.x0, u.x1 or 0.0, detail))
        if u.section != "goals" and goal is None:
            continue  # outside the goals part only a field whose words name its goal counts
        if goal is None and detail is not None and u.section == "goals":
            goal = next((key for v, key in row_names if v.page == u.page and u.top is not None and u.bottom is not None
                         and (v.top or 0) < u.bottom and (v.bottom or 0) > u.top and (v.x1 or 0) <= (u.x0 or 0) + 2),
                        current)
        if goal is None:
            continue
        current = goal
        out.claimed.add(goal)
        if not u.text:
            continue
        if detail is None:
            out.whole.setdefault(goal, u)
        else:
            out.details.setdefault(goal, {}).setdefault(detail, u)
    for details in out.details.values():  # an amount field and a period choice beside it: '$17.00' per 'hour'
        period, amount = details.pop("goal.period", None), details.get("goal.earnings")
        details.pop("goal.other", None)
        if period is not None and amount is not None and period.text.strip():
            details["goal.earnings"] = replace(amount, text=f"{amount.text} per {period.text.strip()}")
    return out


def describe_goal(details: dict[str, str]) -> str:
    """A goal given only as detail fields, as one description ('Clerk, 25 hours per week, ...')."""
    hours = details.get("goal.hours")
    if hours and re.fullmatch(r"\d+(?:\.\d+)?", hours.strip()):
        hours = f"{hours.strip()} hours per week"
    parts = [details.get("goal.job_title"), details.get("goal.other"), hours, details.get("goal.earnings"),
             details.get("goal.time_frame")]  # ('goal.other': a detail under a caption no label names, 'part time')
    return ", ".join(p for p in parts if p)


def clear_caches() -> None:
    """Forget every field's reading (benchmarks time a form of a template not seen before)."""
    for cached in (_words, _match_words, _service_words, _work_words, _goal_words):
        cached.cache_clear()



on_nouns_changed(clear_caches)
