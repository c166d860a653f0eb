"""Does a template hold what its kind must carry? The same recognisers as for filled documents.

A Word template is read with its tags neutralised: a ``{{ value }}`` becomes a placeholder
(``«en.name»``), block tags disappear, and the paragraphs, rows and cells stay where they are;
so "EN name: {{ en.name }}" reads as the label "EN name" with a value, and a ``{%tr for %}``
row leaves one row of placeholders, as a filled document would. The text inside an ``{% if %}``
still counts, marked as conditional. A blank fillable PDF form is read as it is: its printed
text and its (empty) fields. Then the interpreter's section headings, labels in context and
the 15 terms by their ideas say what is there.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from iwp_pipeline.extract.interpret import label_targets
from iwp_pipeline.extract.layout import Layout
from iwp_pipeline.extract.terms import recognise_terms
from iwp_pipeline.extract.units import Unit, any_match, assign_sections, build_units, match_label, vocabulary
from iwp_pipeline.model import Location
from iwp_pipeline.reference import terms_catalogue
from iwp_pipeline.resources import load_json_data
from iwp_pipeline.tplcheck.issue import Issue

IF_OPEN = "\ue000"
IF_CLOSE = "\ue001"
KINDS = ("iwp", "amendment", "coversheet")
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
    conditional: frozenset[int]
    """Layout line numbers whose text is inside an ``{% if %}`` block."""


def read_content(layout: Layout) -> Content:
    """Units with sections and labels; conditional markers taken out of the text."""
    depth, conditional, lines = 0, set(), []
    for i, line in enumerate(layout.lines):
        if depth > 0 or (IF_OPEN in line.text and not line.text.split(IF_OPEN, 1)[0].strip()):
            conditional.add(i)  # inside a block, or the line's text starts inside one
        depth = max(depth + line.text.count(IF_OPEN) - line.text.count(IF_CLOSE), 0)
        text = " ".join(line.text.replace(IF_OPEN, " ").replace(IF_CLOSE, " ").split())
        lines.append(dataclasses.replace(line, text=text))
    clean = dataclasses.replace(layout, lines=tuple(lines))
    units = build_units(clean)
    assign_sections(units)
    for u in units:
        if u.field is None and not u.heading:
            u.label = match_label(u.text)
    return Content(clean, tuple(units), frozenset(conditional))


def detect_kind(content: Content) -> str:
    """``amendment`` or ``coversheet`` when the title says so, else ``iwp``."""
    amendment = vocabulary()["sections"]["amendment"]
    for u in content.units[:12]:
        if u.field is not None:
            continue
        if _COVERSHEET.search(u.text):
            return "coversheet"
        if u.heading == "amendment" or any_match(amendment, u.text):
            return "amendment"
    return "iwp"


def check_content(content: Content, kind: str) -> list[Issue]:
    """Missing sections, labels and terms of a template of ``kind`` (and conditional ones)."""
    spec = requirements()[kind]
    units = content.units
    issues: list[Issue] = []
    issues += _sections(units, content.conditional, spec["sections"], kind)
    issues += _labels(units, content.conditional, spec["labels"])
    if spec.get("terms"):
        issues += _terms(units, content.conditional)
    if spec.get("patterns"):
        text = "\n".join(u.text for u in units)
        for item in spec["patterns"]:
            if not any(re.search(p, text, re.I) for p in item["patterns"]):
                issues.append(Issue("TPL22", f"The coversheet template does not carry {item['title']}."))
    return issues


def _sections(units: Sequence[Unit], conditional: frozenset[int], specs: list[dict[str, str]],
              kind: str) -> list[Issue]:
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
        elif found.line in conditional and all(u.line in conditional for u in units if u.heading == key):
            issues.append(Issue("TPL08", f"The section heading for {spec['title']} is inside an "
                                         "{% if %} block: documents may render without it.", found.location))
    return issues


def _labels(units: Sequence[Unit], conditional: frozenset[int], specs: list[dict[str, str]]) -> list[Issue]:
    found: dict[str, list[Unit]] = {}
    for target, u in label_targets(units):
        found.setdefault(target, []).append(u)
    issues = []
    for spec in specs:
        hits = found.get(spec["key"])
        if not hits:
            issues.append(Issue(spec.get("rule", "TPL20"), f"The template has no label or field for the "
                                                           f"{spec['title']}.", component=spec["component"]))
        elif all(u.line in conditional for u in hits if u.field is None) and all(u.field is None for u in hits):
            issues.append(Issue("TPL08", f"The label for the {spec['title']} is inside an {{% if %}} block: "
                                         "documents may render without it.", hits[0].location))
    return issues


def _terms(units: Sequence[Unit], conditional: frozenset[int]) -> list[Issue]:
    terms, where = recognise_terms(units)
    heading = next((u for u in units if u.heading == "terms"), None)
    by_place = {_key(u.location): u for u in units}
    titles = {spec.number: spec.title for spec in terms_catalogue()}
    issues = []
    for term in terms:
        if not term.present:
            issues.append(Issue("TPL30", f"Term {term.number} is missing from the terms and conditions: "
                                         f"{titles[term.number]}.",
                                heading.location if heading else None, component="part3.terms", term=term.number))
            continue
        unit = by_place.get(_key(where[term.number]))
        if unit is not None and unit.line in conditional:
            issues.append(Issue("TPL08", f"Term {term.number} is inside an {{% if %}} block: documents may "
                                         "render without it.", unit.location, component="part3.terms",
                                term=term.number))
    return issues


def _key(loc: Location) -> tuple[Any, ...]:
    return (loc.page, loc.paragraph, loc.table, loc.row, loc.cell, loc.part, loc.field)


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
