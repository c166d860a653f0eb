"""The rule catalogue: stable codes, full metadata, every component and every term covered."""

from __future__ import annotations

import re

from iwp_pipeline.model import CHECKLIST, COMPONENTS, Severity
from iwp_pipeline.reference import default_thresholds, terms_catalogue
from iwp_pipeline.rules import all_rules


def test_codes_are_unique_and_well_formed():
    codes = [r.code for r in all_rules()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]+\d{2}", c) for c in codes)


def test_every_rule_has_its_metadata():
    for r in all_rules():
        assert r.component in COMPONENTS
        assert isinstance(r.severity, Severity)
        assert r.basis and r.summary and r.hint and r.explanation, r.code


def test_rules_cover_every_component_and_each_of_the_15_terms():
    components = {r.component for r in all_rules()}
    assert set(CHECKLIST) <= components
    assert {"submission", "document"} <= components
    assert {r.term for r in all_rules() if r.term} == set(range(1, 16))


def test_terms_are_data_with_ideas():
    terms = terms_catalogue()
    assert [t.number for t in terms] == list(range(1, 16))
    for t in terms:
        assert t.title and t.basis and t.ideas
        assert all(i.patterns for i in t.ideas)


def test_thresholds_table_and_fallback_year():
    table = default_thresholds()
    assert table.for_year(2019).row.sga == 1220
    assert table.for_year(2025).exact
    late = table.for_year(2099)
    assert not late.exact and late.row.year == table.rows[-1].year
    assert not table.for_year(None).exact
