from datetime import date

from iwp_pipeline.checker import check_data
from iwp_pipeline.rules import get_rule
from iwp_pipeline.rules.base import CheckOptions
from tests.conftest import base_record


def test_a_crashing_rule_fails_its_component(monkeypatch):
    rule = get_rule("GOAL03")

    def boom(ctx):
        raise RuntimeError("bug")

    import dataclasses

    from iwp_pipeline.rules import base

    broken = dataclasses.replace(rule, check=boom)
    monkeypatch.setitem(base._REGISTRY, "GOAL03", broken)
    _, findings = check_data(base_record(), CheckOptions(today=date(2026, 1, 1)))
    crash = [f for f in findings if f.rule == "DOC02"]
    assert len(crash) == 1
    assert crash[0].component == "part2.employment_goals" and crash[0].severity == "error"
    assert "GOAL03" in crash[0].message


def test_non_iwp_json_gets_one_document_finding():
    _, findings = check_data({"invoice": 1}, CheckOptions())
    assert [(f.rule, f.component) for f in findings] == [("DOC01", "document")]
