"""Findings about the document itself rather than one component."""

from __future__ import annotations

from collections.abc import Iterator

from iwp_pipeline.model import Severity
from iwp_pipeline.rules.base import RuleContext, Violation, rule


@rule("DOC01", name="not-an-iwp", component="document", severity=Severity.ERROR,
      basis="EN Guide, Required Components of an IWP",
      summary="The document is readable but is not an Individual Work Plan.",
      hint="Submit the signed IWP (SSA-1370 or the EN's own form with all six components).",
      applies_to=frozenset({"other"}))
def not_an_iwp(ctx: RuleContext) -> Iterator[Violation]:
    """A readable file with none of the IWP's parts is reported as such, not as every component missing."""
    yield Violation("The document does not look like an Individual Work Plan: none of its required "
                    "parts were found.")


# The two rules below are emitted by the checker itself (iwp_pipeline.checker), not by a
# check function; they are registered so that `iwp rules` lists and explains them.
ENGINE_RULES = frozenset({"SCHEMA01", "DOC02"})


@rule("SCHEMA01", name="record-schema", component="document", severity=Severity.ERROR,
      basis="schemas/iwp.schema.json (report contract: the record)",
      summary="The record does not match the IWP record schema.",
      hint="Fix the property named by the finding's pointer (see schemas/iwp.schema.json).",
      applies_to=frozenset())
def record_schema(ctx: RuleContext) -> Iterator[Violation]:
    """A JSON record that misses a required property or has a value of the wrong type.

    The finding's pointer names the property; its component is the one that property belongs
    to. Emitted by the checker, which validates every record against the schema first.
    """
    return iter(())


@rule("DOC02", name="rule-crashed", component="document", severity=Severity.ERROR,
      basis="iwp-pipeline: a document never passes because of a bug",
      summary="A rule could not run on this document (a bug in iwp-pipeline).",
      hint="Report the bug with the rule code; check this component by hand meanwhile.",
      applies_to=frozenset())
def rule_crashed(ctx: RuleContext) -> Iterator[Violation]:
    """When a rule raises, the checker records this error on the rule's component instead of passing."""
    return iter(())
