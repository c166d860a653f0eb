"""Submission timing: the IWP reaches the program manager within 14 days of the signatures."""

from __future__ import annotations

from collections.abc import Iterator

from iwp_pipeline.model import Severity
from iwp_pipeline.rules.base import RuleContext, Violation, rule

BASIS = "EN Guide, Submitting IWPs (no later than 14 calendar days after both signed and dated)"
DEADLINE_DAYS = 14


@rule("SUB01", name="submission-deadline", component="submission", severity=Severity.ERROR,
      basis=BASIS, summary="Submitted more than 14 calendar days after the later signature.",
      hint="Send the IWP to the program manager within 14 calendar days of the later signature date.")
def submission_deadline(ctx: RuleContext) -> Iterator[Violation]:
    """Checked only with ``--submission-date``: counted from the later of the two signature dates."""
    submitted, signed = ctx.options.submission_date, ctx.later_signature_date
    if submitted is None or signed is None:
        return
    days = (submitted - signed).days
    if days > DEADLINE_DAYS:
        yield Violation(f"Submitted on {submitted}, {days} days after the later signature ({signed}); "
                        f"the limit is {DEADLINE_DAYS} calendar days.", "/signatures")


@rule("SUB02", name="submitted-before-signed", component="submission", severity=Severity.WARNING,
      basis=BASIS, summary="The submission date is before the IWP was fully signed.",
      hint="Submit the IWP only after both parties have signed and dated it.")
def submitted_before_signed(ctx: RuleContext) -> Iterator[Violation]:
    """An IWP is submitted after both parties sign; an earlier submission date is a mistake."""
    submitted, signed = ctx.options.submission_date, ctx.later_signature_date
    if submitted and signed and submitted < signed:
        yield Violation(f"The submission date {submitted} is before the later signature ({signed}).",
                        "/signatures")
