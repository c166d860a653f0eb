"""Reference data: the earnings thresholds table and the 15 terms and conditions.

Both live in JSON files under ``iwp_pipeline/data`` so that a new year or the official wording
of a term is a data change. A user may pass their own thresholds file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from iwp_pipeline.errors import UsageError
from iwp_pipeline.resources import load_json_data


@dataclass(frozen=True, slots=True)
class ThresholdRow:
    """Monthly SGA (non-blind and blind) and TWL amounts for one calendar year."""

    year: int
    sga: float
    sga_blind: float
    twl: float


@dataclass(frozen=True, slots=True)
class ThresholdLookup:
    """The row used for a year, and why it may not be that year's own row."""

    row: ThresholdRow
    requested_year: int | None
    exact: bool


@dataclass(frozen=True, slots=True)
class ThresholdTable:
    """The SGA/TWL table, one row per year, sorted by year."""

    rows: tuple[ThresholdRow, ...]

    def for_year(self, year: int | None) -> ThresholdLookup:
        """The row for ``year``; a year outside the table uses the nearest row (not exact)."""
        by_year = {r.year: r for r in self.rows}
        if year is not None and year in by_year:
            return ThresholdLookup(by_year[year], year, True)
        if year is not None and year < self.rows[0].year:
            return ThresholdLookup(self.rows[0], year, False)
        return ThresholdLookup(self.rows[-1], year, False)

    @classmethod
    def from_data(cls, data: Any, source: str = "thresholds") -> ThresholdTable:
        """Build the table from parsed JSON (``{"rows": [{year, sga, sga_blind, twl}]}``)."""
        try:
            rows = tuple(
                sorted(
                    (
                        ThresholdRow(
                            int(r["year"]), float(r["sga"]), float(r["sga_blind"]), float(r["twl"])
                        )
                        for r in data["rows"]
                    ),
                    key=lambda r: r.year,
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise UsageError(
                f"{source}: expected {{'rows': [{{'year', 'sga', 'sga_blind', 'twl'}}, ...]}}"
            ) from exc
        if not rows:
            raise UsageError(f"{source}: the thresholds table has no rows")
        return cls(rows)

    @classmethod
    def from_file(cls, path: Path) -> ThresholdTable:
        """Load a user's thresholds file (same format as the bundled one)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"cannot read thresholds file {path}: {exc}") from exc
        return cls.from_data(data, str(path))


@cache
def default_thresholds() -> ThresholdTable:
    """The bundled SGA/TWL table."""
    return ThresholdTable.from_data(load_json_data("thresholds.json"), "bundled thresholds")


@dataclass(frozen=True, slots=True, eq=False)
class TermIdea:
    """One idea a term must express, with the patterns that express it."""

    name: str
    description: str
    patterns: tuple[re.Pattern[str], ...]
    combined: re.Pattern[str]
    """All the patterns as one alternation (one search instead of one per pattern)."""
    anchored: bool = False
    """Whether a pattern is anchored at the start of the text ('^'): such an idea may hold in a
    sentence of a paragraph and not in the paragraph as a whole; any other holds in the whole
    whenever it holds in one of its sentences."""

    def search(self, text: str) -> re.Match[str] | None:
        """A match of any of the idea's patterns in ``text``."""
        return self.combined.search(text)


@dataclass(frozen=True, slots=True)
class TermSpec:
    """One of the 15 terms and conditions."""

    number: int
    title: str
    basis: str
    requirement: str
    ideas: tuple[TermIdea, ...]


EN_WORD = "en:"
"""The mark of a learned word that is the EN's, not the person's ('en:contractor')."""


def noun_pattern(kind: str, learned: tuple[str, ...] = ()) -> str:
    """The alternation of the words for the person (``person``) or the EN (``en``), from vocabulary.json."""
    words = list(load_json_data("vocabulary.json")["nouns"][kind])
    if kind == "en":  # the EN's own defined term ('the “Contractor”'), learned as 'en:contractor'
        words += [rf"\b{re.escape(w[3:])}\b" for w in learned if w.startswith(EN_WORD)]
        return "|".join(words)
    # A learned word is the person's only where it is not someone else's ('staff member').
    words += [rf"(?<!staff )(?<!team )(?<!board )\b{re.escape(w)}" for w in learned if not w.startswith(EN_WORD)]
    return "|".join(words)


def with_nouns(pattern: str, learned: tuple[str, ...] = ()) -> str:
    """``pattern`` with its %PERSON% and %EN% slots filled in."""
    if "%" not in pattern:
        return pattern
    return pattern.replace("%PERSON%", noun_pattern("person", learned)).replace("%EN%", noun_pattern("en", learned))


_ANCHOR = re.compile(r"(?<![\\\[])\^")
"""A '^' that anchors a pattern (not an escaped caret, nor a negated character class)."""


def _idea(raw: dict[str, Any], learned: tuple[str, ...]) -> TermIdea:
    patterns = [with_nouns(p, learned) for p in raw["patterns"]]
    return TermIdea(raw["name"], raw["description"], tuple(re.compile(p, re.IGNORECASE) for p in patterns),
                    re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE),
                    any(_ANCHOR.search(p) for p in raw["patterns"]))


@lru_cache(maxsize=32)
def terms_catalogue(learned: tuple[str, ...] = ()) -> tuple[TermSpec, ...]:
    """The 15 terms and conditions, in number order.

    ``learned``: the document's own words for the person ('Trainee'), read as %PERSON% too (one
    catalogue per set of words, the last few kept: a batch meets many documents' words).
    """
    data = load_json_data("terms.json")
    specs = tuple(
        TermSpec(
            number=int(t["number"]),
            title=t["title"],
            basis=t["basis"],
            requirement=t["requirement"],
            ideas=tuple(_idea(i, learned) for i in t["ideas"]),
        )
        for t in data["terms"]
    )
    numbers = [s.number for s in specs]
    if numbers != list(range(1, 16)):
        raise ValueError(f"terms.json must list terms 1-15 in order, got {numbers}")
    return specs
