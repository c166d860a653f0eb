"""Does a template hold what its kind must carry? The same recognisers as for filled documents.

A Word template is read with its tags neutralised: a ``{{ value }}`` becomes a placeholder
(``«en.name»``), block tags disappear, and the paragraphs, rows and cells stay where they are;
so "EN name: {{ en.name }}" reads as the label "EN name" with a value, and a ``{%tr for %}``
row leaves one row of placeholders, as a filled document would. The text inside an ``{% if %}``
still counts, with the branches that guard it: required content is conditional unless every
branch of an ``{% if %}...{% else %}`` holds it. A blank fillable PDF form is read as it is: its
printed text and its (empty) fields. Then the interpreter's section headings, labels in context
and the 15 terms by their ideas say what is there.

Conditional content is a ``TPL08`` warning. A term or the Statement of Understanding guarded
only by the record's own presence flag (``{% if terms_and_conditions[N].present %}`` around term
N + 1, ``{% if statement_of_understanding.present %}``) is the pattern of a renderer that
reproduces a record, as ``iwp render`` does: one warning says so for all the terms together.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from iwp_pipeline.extract.interpret import label_targets
from iwp_pipeline.extract.layout import Layout
from iwp_pipeline.extract.terms import recognise_terms
from iwp_pipeline.extract.units import Unit, any_match, assign_sections, build_units, match_label, vocabulary
from iwp_pipeline.model import Location
from iwp_pipeline.reference import terms_catalogue
from iwp_pipeline.render import TEMPLATE_KINDS
from iwp_pipeline.resources import load_json_data
from iwp_pipeline.rules import get_rule
from iwp_pipeline.tplcheck.issue import Issue, short

IF_OPEN = "\ue000"
"""Starts an ``{% if %}`` marker in the placeholder copy: ``IF_OPEN + block number + IF_ID_END``."""
IF_CLOSE = "\ue001"
IF_ELSE = "\ue002"
IF_ELIF = "\ue004"
IF_ID_END = "\ue003"
_MARK = re.compile(f"{IF_OPEN}(\\d+){IF_ID_END}|{IF_ELSE}|{IF_ELIF}|{IF_CLOSE}")
KINDS = tuple(TEMPLATE_KINDS)
PRESENCE_FLAGS = {"sou": "statement_of_understanding.present"}
"""Section keys whose heading a record-mirroring renderer prints only when the record's flag says so."""


def if_open(block: int) -> str:
    """The marker of the ``{% if %}`` tag number ``block``."""
    return f"{IF_OPEN}{block}{IF_ID_END}"


def term_flag(number: int) -> str:
    """The record's own presence flag of term ``number`` (``terms_and_conditions[N - 1].present``)."""
    return f"terms_and_conditions[{number - 1}].present"


Guard = tuple[tuple[int, int], ...]
"""The ``{% if %}`` branches around a line, outermost first: (block number, branch number)."""


@dataclass
class Block:
    """One ``{% if %}`` block of the template."""

    condition: str
    branches: int = 1
    has_else: bool = False


_COVERSHEET = re.compile(r"\bcover\s?sheet\b", re.I)


@cache
def requirements() -> dict[str, Any]:
    """What each template kind must hold (``data/template_requirements.json``)."""
    data: dict[str, Any] = load_json_data("template_requirements.json")
    return data


@dataclass(frozen=True, slots=True)
class Content:
    """A template read by the interpreter's recognisers."""

    layout: Layout
    """The layout with the conditional markers taken out (what the interpreter reads)."""
    units: tuple[Unit, ...]
    guards: Mapping[int, Guard] = dataclasses.field(default_factory=dict)
    """Layout line number -> the ``{% if %}`` branches its text is inside (absent: none)."""
    blocks: Mapping[int, Block] = dataclasses.field(default_factory=dict)

    def always(self, units: Sequence[Unit]) -> bool:
        """Whether every rendered document holds one of ``units``.

        True when one is outside any ``{% if %}``, or every branch of an ``{% if %}...{% else %}``
        holds one (recursively).
        """
        guards = [self.guards.get(u.line, ()) for u in units]

        def covered(prefix: Guard) -> bool:
            rest = [g[len(prefix):] for g in guards if g[:len(prefix)] == prefix]
            if any(not r for r in rest):
                return True
            for block in {r[0][0] for r in rest}:
                info = self.blocks[block]
                if info.has_else and all(covered(prefix + ((block, b),)) for b in range(info.branches)):
                    return True
            return False

        return covered(())

    def only_if(self, units: Sequence[Unit], flag: str) -> bool:
        """Whether one of ``units`` is guarded by nothing but ``{% if <flag> %}`` (first branches)."""
        want = _normal(flag)
        for u in units:
            guard = self.guards.get(u.line, ())
            if guard and all(branch == 0 and _normal(self.blocks[b].condition) == want for b, branch in guard):
                return True
        return False


def _normal(condition: str) -> str:
    """A condition without spaces or outer parentheses, ``x['present']`` spelled ``x.present``."""
    text = re.sub(r"\[\s*(['\"])(\w+)\1\s*\]", r".\2", condition)
    text = "".join(text.split())
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    return text


def read_content(layout: Layout, conditions: Mapping[int, str] | None = None) -> Content:
    """Units with sections and labels; ``{% if %}`` markers taken out of the text, each line's guard kept.

    ``conditions`` gives the condition of each ``{% if %}`` marker's block number.
    """
    conditions = conditions or {}
    stack: list[tuple[int, int]] = []
    blocks: dict[int, Block] = {}
    guards: dict[int, Guard] = {}
    lines = []
    for i, line in enumerate(layout.lines):
        guard: Guard | None = None
        pos = 0
        for m in _MARK.finditer(line.text):
            if guard is None and line.text[pos:m.start()].strip():
                guard = tuple(stack)  # the line's text starts before this marker
            pos = m.end()
            if m.group(1) is not None:
                number = int(m.group(1))
                blocks[number] = Block(conditions.get(number, ""))
                stack.append((number, 0))
            elif m.group() in (IF_ELSE, IF_ELIF) and stack:
                number, branch = stack[-1]
                stack[-1] = (number, branch + 1)
                blocks[number].branches = branch + 2
                blocks[number].has_else = blocks[number].has_else or m.group() == IF_ELSE
            elif m.group() == IF_CLOSE and stack:
                stack.pop()
        if guard is None:
            guard = tuple(stack)
        if guard:
            guards[i] = guard
        text = " ".join(_MARK.sub(" ", line.text).split())
        lines.append(dataclasses.replace(line, text=text))
    clean = dataclasses.replace(layout, lines=tuple(lines))
    units = build_units(clean)
    assign_sections(units)
    for u in units:
        if u.field is None and not u.heading:
            u.label = match_label(u.text)
    return Content(clean, tuple(units), guards, blocks)


def kind_of_title(text: str) -> str | None:
    """``coversheet`` or ``amendment`` when a title says so, else None."""
    if _COVERSHEET.search(text):
        return "coversheet"
    if any_match(vocabulary()["sections"]["amendment"], text):
        return "amendment"
    return None


def detect_kind(content: Content, title: str | None = None) -> str:
    """``amendment`` or ``coversheet`` when the first lines or the document's Title property say so, else ``iwp``.

    The Title property (Word's File > Properties) counts for templates whose printed title is
    itself a placeholder.
    """
    for u in content.units[:12]:
        if u.field is not None:
            continue
        if _COVERSHEET.search(u.text):
            return "coversheet"
        if u.heading == "amendment" or kind_of_title(u.text) == "amendment":
            return "amendment"
    return (kind_of_title(title) if title else None) or "iwp"


def check_content(content: Content, kind: str, *, rendered_text: str = "") -> list[Issue]:
    """Missing sections, labels and terms of a template of ``kind`` (and conditional ones).

    ``rendered_text`` is the text of the template's dry render: required wording (patterns) may
    stand there instead of in the template itself.
    """
    spec = requirements()[kind]
    units = content.units
    issues: list[Issue] = []
    issues += _sections(content, spec["sections"], kind)
    issues += _labels(content, spec["labels"])
    if spec.get("terms"):
        issues += _terms(content)
    if spec.get("patterns"):
        issues += missing_patterns("\n".join(u.text for u in units) + "\n" + rendered_text, kind)
    return issues


def missing_patterns(text: str, kind: str) -> list[Issue]:
    """The required wordings of ``kind`` (the coversheet's) that ``text`` does not carry."""
    return [Issue("TPL22", f"The coversheet template does not carry {item['title']}.")
            for item in requirements()[kind].get("patterns", [])
            if not any(re.search(p, text, re.I) for p in item["patterns"])]


MIRROR = ("right for a renderer that reproduces an existing record, as `iwp render` does; a template "
          "for new plans should print {it} unconditionally")


def _sections(content: Content, specs: list[dict[str, str]], kind: str) -> list[Issue]:
    units = content.units
    first: dict[str, Unit] = {}
    for u in units:
        if u.heading and u.heading not in first:
            first[u.heading] = u
    issues = []
    order = [s["section"] for s in specs]
    for i, spec in enumerate(specs):
        key = spec["section"]
        found = first.get(key)
        component = "amendment" if kind == "amendment" else None
        if found is None:
            later = next((first[k] for k in order[i + 1:] if k in first), None)
            where = f" (expected before the heading '{_short(later.text)}')" if later else ""
            issues.append(Issue(spec["rule"], f"The template has no section heading for {spec['title']}{where}.",
                                later.location if later else None, component=component))
            continue
        headings = [u for u in units if u.heading == key]
        if content.always(headings):
            continue
        flag = PRESENCE_FLAGS.get(key)
        on = component or _component(spec["rule"])
        if flag is not None and content.only_if(headings, flag):
            issues.append(Issue("TPL08", f"The section heading for {spec['title']} is printed only when the "
                                         f"rendered record marks it present ('{{% if {flag} %}}'): "
                                         + MIRROR.format(it="it") + ".", found.location, component=on))
        else:
            issues.append(Issue("TPL08", f"The section heading for {spec['title']} is inside an "
                                         "{% if %} block: documents may render without it.", found.location,
                                component=on))
    return issues


def _component(rule: str) -> str | None:
    """The component a section rule is about (``TPL15`` -> part3.statement_of_understanding)."""
    meta = get_rule(rule)
    return meta.component if meta is not None and meta.component != "document" else None


def _labels(content: Content, specs: list[dict[str, str]]) -> list[Issue]:
    found: dict[str, list[Unit]] = {}
    for target, u in label_targets(content.units):
        found.setdefault(target, []).append(u)
    issues = []
    for spec in specs:
        hits = found.get(spec["key"])
        if not hits:
            issues.append(Issue(spec.get("rule", "TPL20"), f"The template has no label or field for the "
                                                           f"{spec['title']}.", component=spec["component"]))
        elif all(u.field is None for u in hits) and not content.always(hits):
            issues.append(Issue("TPL08", f"The label for the {spec['title']} is inside an {{% if %}} block: "
                                         "documents may render without it.", hits[0].location,
                                component=spec["component"]))
    return issues


def _terms(content: Content) -> list[Issue]:
    units = content.units
    terms, where = recognise_terms(units)
    heading = next((u for u in units if u.heading == "terms"), None)
    by_place = {_key(u.location): u for u in units}
    titles = {spec.number: spec.title for spec in terms_catalogue()}
    issues, mirrored = [], []
    for term in terms:
        if not term.present:
            issues.append(Issue("TPL30", f"Term {term.number} is missing from the terms and conditions: "
                                         f"{titles[term.number]}.",
                                heading.location if heading else None, component="part3.terms", term=term.number))
            continue
        unit = by_place.get(_key(where[term.number]))
        if unit is None or content.always([unit]):
            continue
        if content.only_if([unit], term_flag(term.number)):
            mirrored.append((term.number, unit))
        else:
            issues.append(Issue("TPL08", f"Term {term.number} is inside an {{% if %}} block: documents may "
                                         "render without it.", unit.location, component="part3.terms",
                                term=term.number))
    if mirrored:
        numbers = [n for n, _ in mirrored]
        what = f"Term {numbers[0]} is" if len(numbers) == 1 else f"Terms {_numbers(numbers)} are each"
        issues.append(Issue("TPL08", f"{what} printed only when the rendered record marks the term present "
                                     "('{% if terms_and_conditions[N - 1].present %}' around term N): "
                                     + MIRROR.format(it="every term") + ".",
                            mirrored[0][1].location, component="part3.terms"))
    return issues


def _numbers(numbers: Sequence[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``1-3 and 5``."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [p for r in runs for p in ([f"{r[0]}-{r[-1]}"] if len(r) > 2 else map(str, r))]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _key(loc: Location) -> tuple[Any, ...]:
    return (loc.page, loc.paragraph, loc.table, loc.row, loc.cell, loc.part, loc.field)


def _short(text: str) -> str:
    return short(text, 50, one_line=False)
