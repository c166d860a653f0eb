"""Part Three: the 15 terms and conditions, one rule per term, built from ``data/terms.json``."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from iwp_pipeline.model import Severity
from iwp_pipeline.reference import TermSpec, terms_catalogue
from iwp_pipeline.rules.base import Rule, RuleContext, Violation, register

C = "part3.terms"


def _checker(spec: TermSpec) -> Callable[[RuleContext], Iterator[Violation]]:
    def check(ctx: RuleContext) -> Iterator[Violation]:
        terms = ctx.record.terms_and_conditions
        if any(t.number == spec.number and t.present for t in terms):
            return
        index = next((i for i, t in enumerate(terms) if t.number == spec.number), None)
        pointer = f"/terms_and_conditions/{index}" if index is not None else "/terms_and_conditions"
        yield Violation(f"Term {spec.number} is missing: {spec.title}.", pointer)

    return check


def _register_terms() -> None:
    for spec in terms_catalogue():
        register(Rule(
            code=f"TERM{spec.number:02d}",
            name=f"term-{spec.number}",
            component=C,
            term=spec.number,
            severity=Severity.ERROR,
            basis=spec.basis,
            summary=f"Term {spec.number} is missing: {spec.title}.",
            hint=f"Add term {spec.number} to the terms and conditions: {spec.requirement}",
            check=_checker(spec),
            explanation=(
                f"An EN's own IWP must contain all 15 terms and conditions, in its terms and "
                f"conditions part; the same idea written elsewhere does not count.\n\n"
                f"Term {spec.number} ({spec.title}): {spec.requirement}\n\n"
                "Recognised by these ideas, each of which must be present: "
                + "; ".join(idea.description for idea in spec.ideas) + "."
            ),
        ))


_register_terms()
