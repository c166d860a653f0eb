"""Part Three: the Statement of Understanding and the signatures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from iwp_pipeline.model import Severity
from iwp_pipeline.rules.base import RuleContext, Violation, blank, rule

SOU_BASIS = "EN Guide, Part Three: Statement of Understanding"
SIG_BASIS = "EN Guide, Part Three; 20 CFR 411.470 (the IWP is not valid until both sign and date it)"
SIG = "part3.signatures"


@rule("SOU01", name="statement-of-understanding", component="part3.statement_of_understanding",
      severity=Severity.ERROR, basis=SOU_BASIS, summary="The Statement of Understanding is missing.",
      hint="Add a Statement of Understanding written from the ticketholder's point of view: the EN will "
           "provide the services in the IWP to help them become financially self-sufficient.")
def statement_of_understanding(ctx: RuleContext) -> Iterator[Violation]:
    """Part Three includes a Statement of Understanding written from the ticketholder's point of view."""
    if not ctx.record.statement_of_understanding.present:
        yield Violation("The Statement of Understanding is missing.", "/statement_of_understanding/present")


@rule("SIG01", name="ticketholder-signature", component=SIG, severity=Severity.ERROR, basis=SIG_BASIS,
      summary="The ticketholder (or representative) has not signed.",
      hint="Have the ticketholder or their representative sign the IWP.")
def ticketholder_signature(ctx: RuleContext) -> Iterator[Violation]:
    """The IWP is not valid until the ticketholder (or representative) signs it."""
    if not ctx.record.signatures.ticketholder.signed:
        yield Violation("The ticketholder's signature is missing.", "/signatures/ticketholder/signed")


@rule("SIG02", name="ticketholder-signature-date", component=SIG, severity=Severity.ERROR,
      basis=SIG_BASIS, summary="The ticketholder's signature is not dated.",
      hint="The ticketholder dates the signature.")
def ticketholder_signature_date(ctx: RuleContext) -> Iterator[Violation]:
    """Both parties sign and date the IWP."""
    if blank(ctx.record.signatures.ticketholder.date):
        yield Violation("The ticketholder's signature date is missing.", "/signatures/ticketholder/date")


@rule("SIG03", name="en-signature", component=SIG, severity=Severity.ERROR, basis=SIG_BASIS,
      summary="The EN representative has not signed.", hint="Have the EN representative sign the IWP.")
def en_signature(ctx: RuleContext) -> Iterator[Violation]:
    """The IWP is not valid until the EN representative signs it."""
    if not ctx.record.signatures.en_representative.signed:
        yield Violation("The EN representative's signature is missing.",
                        "/signatures/en_representative/signed")


@rule("SIG04", name="en-printed-name", component=SIG, severity=Severity.ERROR, basis=SIG_BASIS,
      summary="The EN representative's printed name is missing.",
      hint="Print the EN representative's name below the signature.")
def en_printed_name(ctx: RuleContext) -> Iterator[Violation]:
    """The EN representative's signature must be legible; the printed name makes it so."""
    if blank(ctx.record.signatures.en_representative.printed_name):
        yield Violation("The EN representative's printed name is missing.",
                        "/signatures/en_representative/printed_name")


@rule("SIG05", name="en-signature-date", component=SIG, severity=Severity.ERROR, basis=SIG_BASIS,
      summary="The EN representative's signature is not dated.",
      hint="The EN representative dates the signature.")
def en_signature_date(ctx: RuleContext) -> Iterator[Violation]:
    """Both parties sign and date the IWP."""
    if blank(ctx.record.signatures.en_representative.date):
        yield Violation("The EN representative's signature date is missing.",
                        "/signatures/en_representative/date")


@rule("SIG06", name="signature-date-future", component=SIG, severity=Severity.WARNING,
      basis=SIG_BASIS, summary="A signature is dated in the future.",
      hint="Check the signature dates: an IWP cannot be signed after it is submitted or checked.")
def signature_date_future(ctx: RuleContext) -> Iterator[Violation]:
    """A signature dated after the submission date (or today) is a typing error or a back-dating problem."""
    limit = ctx.options.submission_date or ctx.options.today or date.today()
    for who, when in zip(("ticketholder", "en_representative"), ctx.signature_dates, strict=True):
        if when and when > limit:
            yield Violation(f"The {who.replace('_', ' ')}'s signature is dated {when}, after {limit}.",
                            f"/signatures/{who}/date")
