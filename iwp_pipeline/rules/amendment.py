"""Amendments attached to an IWP (or sent alone): what each must carry.

Basis: EN Guide, "Amending IWPs" (an amendment is documented, dated, signed by both and names
the EN, its PID, the revised goals and the revised services) and 20 CFR 411.610(b) (when services
are reduced, suspended or terminated the ticketholder is told how disputes are resolved).
Each rule checks every amendment of the record and points at ``/amendments/N/...``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from iwp_pipeline.model import Amendment, Severity
from iwp_pipeline.rules.base import RuleContext, Violation, blank, parse_date, rule

GUIDE = "EN Guide, Amending IWPs"
SIGNED = "EN Guide, Amending IWPs (documented, dated and signed by both parties)"
DISPUTE = "20 CFR 411.610(b); EN Guide, Amending IWPs"
BOTH = frozenset({"iwp", "amendment"})
AMENDMENT = "amendment"


def _each(ctx: RuleContext, missing: Callable[[Amendment], bool], message: str,
          pointer: str) -> Iterator[Violation]:
    """A violation for every amendment for which ``missing`` holds."""
    several = len(ctx.record.amendments) > 1
    for i, amendment in enumerate(ctx.record.amendments):
        if missing(amendment):
            which = f"Amendment {i + 1}: " if several else "The amendment: "
            yield Violation(which + message, f"/amendments/{i}/{pointer}")


@rule("AMEND01", name="amendment-en-name", component=AMENDMENT, severity=Severity.ERROR, basis=GUIDE,
      summary="The amendment does not name the Employment Network.",
      hint="Put the EN's name on the amendment.", applies_to=BOTH)
def en_name(ctx: RuleContext) -> Iterator[Violation]:
    """An amendment names the EN, so it can be matched to the plan it amends."""
    yield from _each(ctx, lambda a: blank(a.en.name), "the EN name is missing.", "en/name")


@rule("AMEND02", name="amendment-pid", component=AMENDMENT, severity=Severity.ERROR, basis=GUIDE,
      summary="The amendment does not carry the EN's Provider Identification Number (PID).",
      hint="Put the EN's PID on the amendment.", applies_to=BOTH)
def en_pid(ctx: RuleContext) -> Iterator[Violation]:
    """An amendment carries the EN's PID."""
    yield from _each(ctx, lambda a: blank(a.en.pid), "the EN's PID is missing.", "en/pid")


@rule("AMEND03", name="amendment-goals", component=AMENDMENT, severity=Severity.ERROR, basis=GUIDE,
      summary="The amendment states no revised employment goals.",
      hint="State the revised short- and long-term employment goals (restate a goal that does not change).",
      applies_to=BOTH)
def revised_goals(ctx: RuleContext) -> Iterator[Violation]:
    """An amendment contains the revised employment and financial goals."""
    def missing(a: Amendment) -> bool:
        return a.revised_goals.short_term is None and a.revised_goals.long_term is None

    yield from _each(ctx, missing, "no revised employment goals were found.", "revised_goals")


@rule("AMEND04", name="amendment-services", component=AMENDMENT, severity=Severity.ERROR, basis=GUIDE,
      summary="The amendment states no revised services and supports.",
      hint="List the services and supports the EN will provide from the amendment on.", applies_to=BOTH)
def revised_services(ctx: RuleContext) -> Iterator[Violation]:
    """An amendment contains the revised services and supports."""
    yield from _each(ctx, lambda a: not a.revised_services, "no revised services and supports were found.",
                     "revised_services")


@rule("AMEND05", name="amendment-ticketholder-signature", component=AMENDMENT, severity=Severity.ERROR,
      basis=SIGNED, summary="The ticketholder has not signed the amendment.",
      hint="Have the ticketholder (or representative) sign the amendment.", applies_to=BOTH)
def ticketholder_signature(ctx: RuleContext) -> Iterator[Violation]:
    """Both parties sign an amendment; the ticketholder's (or representative's) signature."""
    yield from _each(ctx, lambda a: not a.signatures.ticketholder.signed,
                     "the ticketholder's signature is missing.", "signatures/ticketholder/signed")


@rule("AMEND06", name="amendment-ticketholder-date", component=AMENDMENT, severity=Severity.ERROR,
      basis=SIGNED, summary="The ticketholder's signature on the amendment is not dated.",
      hint="The ticketholder dates the signature on the amendment.", applies_to=BOTH)
def ticketholder_date(ctx: RuleContext) -> Iterator[Violation]:
    """Both parties date their signatures on an amendment."""
    yield from _each(ctx, lambda a: blank(a.signatures.ticketholder.date),
                     "the ticketholder's signature date is missing.", "signatures/ticketholder/date")


@rule("AMEND07", name="amendment-en-signature", component=AMENDMENT, severity=Severity.ERROR, basis=SIGNED,
      summary="The EN representative has not signed the amendment.",
      hint="Have the EN representative sign the amendment.", applies_to=BOTH)
def en_signature(ctx: RuleContext) -> Iterator[Violation]:
    """Both parties sign an amendment; the EN representative's signature."""
    yield from _each(ctx, lambda a: not a.signatures.en_representative.signed,
                     "the EN representative's signature is missing.", "signatures/en_representative/signed")


@rule("AMEND08", name="amendment-en-printed-name", component=AMENDMENT, severity=Severity.ERROR,
      basis=SIGNED, summary="The EN representative's printed name is missing from the amendment.",
      hint="Print the EN representative's name on the amendment.", applies_to=BOTH)
def en_printed_name(ctx: RuleContext) -> Iterator[Violation]:
    """The amendment carries the EN representative's printed name, signature and date."""
    yield from _each(ctx, lambda a: blank(a.signatures.en_representative.printed_name),
                     "the EN representative's printed name is missing.", "signatures/en_representative/printed_name")


@rule("AMEND09", name="amendment-en-date", component=AMENDMENT, severity=Severity.ERROR, basis=SIGNED,
      summary="The EN representative's signature on the amendment is not dated.",
      hint="The EN representative dates the signature on the amendment.", applies_to=BOTH)
def en_date(ctx: RuleContext) -> Iterator[Violation]:
    """Both parties date their signatures on an amendment."""
    yield from _each(ctx, lambda a: blank(a.signatures.en_representative.date),
                     "the EN representative's signature date is missing.", "signatures/en_representative/date")


@rule("AMEND10", name="amendment-dispute-notice", component=AMENDMENT, severity=Severity.ERROR, basis=DISPUTE,
      summary="Services are reduced, suspended or ended without telling the ticketholder how disputes are resolved.",
      hint="Add the dispute-resolution notice: the EN's grievance procedure, then the Ticket Program Manager and "
           "SSA, and the PABSS program's help (20 CFR 411.610(b)).", applies_to=BOTH)
def dispute_notice(ctx: RuleContext) -> Iterator[Violation]:
    """Services reduced, suspended or ended: the amendment tells again how disputes are resolved.

    20 CFR 411.610(b): the ticketholder is given the dispute-resolution notice again.
    """
    yield from _each(ctx, lambda a: bool(a.services_reduced) and not a.dispute_notice_present,
                     "services are reduced, suspended or ended but the dispute-resolution notice is missing.",
                     "dispute_notice_present")


@rule("AMEND11", name="amendment-long-term-goal-sga", component=AMENDMENT, severity=Severity.ERROR,
      basis="EN Guide, Required Components (long-term goal above SGA); EN Guide, Amending IWPs",
      summary="The revised long-term goal earns less than SGA for the year of the amendment.",
      hint="A long-term goal must lead to earnings above the SGA amount; raise the revised goal's earnings.",
      applies_to=BOTH)
def long_term_sga(ctx: RuleContext) -> Iterator[Violation]:
    """A revised long-term goal still has to reach earnings above SGA.

    The SGA amount is that of the year the amendment takes effect (or is dated, or signed).
    """
    for i, a in enumerate(ctx.record.amendments):
        goal = a.revised_goals.long_term
        if goal is None or goal.monthly_earnings is None:
            continue
        when = parse_date(a.effective_date) or parse_date(a.date) or parse_date(a.signatures.ticketholder.date) \
            or parse_date(a.signatures.en_representative.date)
        row = ctx.options.thresholds.for_year(when.year if when else ctx.signing_year).row
        sga = row.sga_blind if ctx.record.ticketholder.blind else row.sga
        if goal.monthly_earnings < sga:
            yield Violation(f"Amendment {i + 1}: the revised long-term goal earns ${goal.monthly_earnings:,.0f} a "
                            f"month, below SGA (${sga:,.0f}) for {row.year}.",
                            f"/amendments/{i}/revised_goals/long_term/monthly_earnings")
