"""Part One: Employment Network and ticketholder contact information."""

from __future__ import annotations

import re
from collections.abc import Iterator

from iwp_pipeline.model import Severity
from iwp_pipeline.rules.base import RuleContext, Violation, blank, rule

BASIS = "EN Guide, Part One: Employment Network and Ticketholder Contact Information"
C = "part1.contact"


def _required(ctx_value: object, message: str, pointer: str) -> Iterator[Violation]:
    if blank(ctx_value):
        yield Violation(message, pointer)


@rule("CONTACT01", name="en-name", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The EN's name is missing.", hint="Write the Employment Network's name in Part One.")
def en_name(ctx: RuleContext) -> Iterator[Violation]:
    """Part One must name the Employment Network ("the EN must fill these sections in completely")."""
    yield from _required(ctx.record.en.name, "The Employment Network's name is missing.", "/en/name")


@rule("CONTACT02", name="en-pid", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The EN's Provider Identification Number (PID) is missing.",
      hint="Write the EN's Provider Identification Number (PID) in Part One.")
def en_pid(ctx: RuleContext) -> Iterator[Violation]:
    """Part One must carry the EN's Provider Identification Number (PID)."""
    yield from _required(ctx.record.en.pid, "The EN's Provider Identification Number (PID) is missing.",
                         "/en/pid")


@rule("CONTACT03", name="ticketholder-name", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The ticketholder's name is missing.", hint="Write the ticketholder's full name in Part One.")
def ticketholder_name(ctx: RuleContext) -> Iterator[Violation]:
    """Part One must name the ticketholder."""
    yield from _required(ctx.record.ticketholder.name, "The ticketholder's name is missing.",
                         "/ticketholder/name")


@rule("CONTACT04", name="ticketholder-ssn", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The ticketholder's Social Security number is missing.",
      hint="Write the ticketholder's Social Security number in Part One.")
def ticketholder_ssn(ctx: RuleContext) -> Iterator[Violation]:
    """Part One must carry the ticketholder's Social Security number."""
    yield from _required(ctx.record.ticketholder.ssn, "The ticketholder's Social Security number is missing.",
                         "/ticketholder/ssn")


@rule("CONTACT05", name="alternate-contact", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="No alternate contact is named.",
      hint="Name an alternate contact (a relative, friend or representative) with a phone number or address.")
def alternate_contact(ctx: RuleContext) -> Iterator[Violation]:
    """Part One must include contact information for an alternate contact."""
    yield from _required(ctx.record.alternate_contact.name, "No alternate contact is named.",
                         "/alternate_contact/name")


_SSN_DIGITS = re.compile(r"^\D*(\d\D*){9}$")


@rule("CONTACT06", name="ssn-format", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="The Social Security number does not have nine digits.",
      hint="Check the Social Security number: it has nine digits (123-45-6789).")
def ssn_format(ctx: RuleContext) -> Iterator[Violation]:
    """A Social Security number that is present but is not nine digits is probably mistyped."""
    ssn = ctx.record.ticketholder.ssn
    if not blank(ssn) and not _SSN_DIGITS.match(ssn or "") and "*" not in (ssn or ""):
        yield Violation("The Social Security number does not have nine digits.", "/ticketholder/ssn")


@rule("CONTACT07", name="one-business-model", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="More than one business model is marked.",
      hint="An EN with several business models marks the one under which this ticketholder is served.")
def one_business_model(ctx: RuleContext) -> Iterator[Violation]:
    """ENs with multiple business models must say under which one the ticketholder is served."""
    models = ctx.record.en.business_models_selected
    if len(models) > 1:
        yield Violation(f"{len(models)} business models are marked ({', '.join(models)}); the IWP must "
                        "name the one under which this ticketholder is served.", "/en/business_model")


@rule("CONTACT08", name="en-contact-details", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="The EN's contact details (contact person, phone or email) are missing.",
      hint="Give the EN contact person and a phone number or email address.")
def en_contact_details(ctx: RuleContext) -> Iterator[Violation]:
    """Part One includes the EN's contact information: a person to reach and a way to reach them."""
    en = ctx.record.en
    missing = [what for what, value in (("contact person", en.contact_person),) if blank(value)]
    if blank(en.phone) and blank(en.email):
        missing.append("phone or email")
    if missing:
        yield Violation(f"The EN's contact details are incomplete: no {' and no '.join(missing)}.", "/en")


@rule("CONTACT09", name="ticketholder-contact-details", component=C, severity=Severity.WARNING,
      basis=BASIS, summary="The ticketholder's contact details are missing.",
      hint="Give the ticketholder's phone number, email or mailing address.")
def ticketholder_contact_details(ctx: RuleContext) -> Iterator[Violation]:
    """Part One includes contact information for the ticketholder."""
    th = ctx.record.ticketholder
    if blank(th.phone) and blank(th.email) and blank(th.address):
        yield Violation("The ticketholder has no phone number, email or address.", "/ticketholder")
