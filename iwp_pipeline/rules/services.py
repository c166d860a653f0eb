"""Part Two, Section 4: EN supports and services."""

from __future__ import annotations

import re
from collections.abc import Iterator

from iwp_pipeline.model import Service, Severity
from iwp_pipeline.rules.base import RuleContext, Violation, blank, rule

BASIS = "EN Guide, Part Two, Section 4: EN Supports and Services"
C = "part2.supports_services"

_WIPA_REFERRAL = re.compile(
    r"\b(WIPA|work incentives? planning (and|&) assistance|ticket to work help ?line|CWIC)\b", re.I)
_CERTIFIED = re.compile(
    r"\bcertified\b[^.;]{0,40}\b(counsel\w*|practitioner|coordinator|CWIC|specialist|planner)\b"
    r"|\bCWIC\b|\bon staff\b", re.I)
_ALTERNATIVE = re.compile(r"\b(or|either|whichever|as (needed|appropriate|applicable))\b", re.I)


def _label(service: Service) -> str:
    return service.label or service.service.replace("_", " ")


@rule("SERV01", name="service-description", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="A selected service does not say what the EN will do.",
      hint="For every service checked, describe what the EN will actually do and how it helps the goals.")
def service_description(ctx: RuleContext) -> Iterator[Violation]:
    """If an EN checks a service, it must specify the service it is going to provide."""
    for i, service in enumerate(ctx.record.services):
        if service.selected and blank(service.description):
            yield Violation(f"The service '{_label(service)}' is selected but not described.",
                            f"/services/{i}/description")


def counseling_arranged(service: Service) -> bool:
    """Whether the IWP states how this ticketholder gets benefits counseling.

    A named certified counselor or a stated WIPA referral counts; a description offering
    "a certified counselor or a WIPA referral" without saying which does not.
    """
    if service.wipa_referral or not blank(service.certified_counselor):
        return True
    text = service.description or ""
    referral, counselor = _WIPA_REFERRAL.search(text), _CERTIFIED.search(text)
    if referral and counselor:
        between = text[min(referral.start(), counselor.start()):max(referral.end(), counselor.end())]
        return not _ALTERNATIVE.search(between)
    return bool(referral or counselor)


@rule("SERV02", name="benefits-counseling-source", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="Benefits counseling is selected with neither a certified counselor nor a WIPA referral.",
      hint="Name the EN's SSA-certified benefits counselor, or state that the ticketholder is referred "
           "to a WIPA project through the Ticket to Work Help Line.")
def benefits_counseling_source(ctx: RuleContext) -> Iterator[Violation]:
    """Benefits counseling comes from a certified counselor on staff or a WIPA referral; the IWP says which.

    "The IWP must clearly state that the Ticketholder is being referred to a WIPA via the
    Ticket to Work Help Line for benefits counseling" when the EN has no certified counselor.
    The statement is about this ticketholder, in the services part; a general term does not count.
    """
    for i, service in enumerate(ctx.record.services):
        if service.service == "benefits_counseling" and service.selected and not counseling_arranged(service):
            yield Violation("Benefits counseling is selected, but the IWP names no certified benefits "
                            "counselor and states no referral to a WIPA project.", f"/services/{i}")


@rule("SERV03", name="services-selected", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="No service or support is selected.",
      hint="Check and describe the services and supports the EN will provide.")
def services_selected(ctx: RuleContext) -> Iterator[Violation]:
    """The IWP documents the specific services and supports the EN will provide."""
    if not any(s.selected for s in ctx.record.services):
        yield Violation("No service or support is selected.", "/services")


_TRAINING_FACTS = {
    "who provides it": re.compile(r"\b(by|through|at|provider|college|school|academy|institute|instructor|trainer)\b", re.I),  # noqa: E501
    "how it is delivered": re.compile(r"\b(online|virtual\w*|in[- ]person|on[- ]site|classroom|remote\w*|hybrid|self[- ]paced)\b", re.I),  # noqa: E501
    "who pays": re.compile(r"\b(pay\w*|paid|cost|fund\w*|tuition|free|no charge|scholarship|grant|cover\w*)\b", re.I),
}


@rule("SERV04", name="training-description", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="Training is selected without who trains, how it is delivered and who pays.",
      hint="For training, say who performs it, how it is delivered (virtual or in person) and who pays.")
def training_description(ctx: RuleContext) -> Iterator[Violation]:
    """Training describes who will perform it, how it will be delivered and who will pay for it."""
    for i, service in enumerate(ctx.record.services):
        if service.service != "training" or not service.selected or blank(service.description):
            continue
        lacking = [fact for fact, pattern in _TRAINING_FACTS.items()
                   if not pattern.search(service.description or "")]
        if lacking:
            yield Violation(f"The training description does not say {', '.join(lacking)}.",
                            f"/services/{i}/description")
