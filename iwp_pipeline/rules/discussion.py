"""Part Two, Section 1: documentation of the one-on-one discussion."""

from __future__ import annotations

import re
from collections.abc import Iterator

from iwp_pipeline.model import Severity
from iwp_pipeline.rules.base import RuleContext, Violation, blank, parse_date, rule

BASIS = "EN Guide, Part Two, Section 1: Discussion Arrangement"
C = "part2.discussion"


@rule("DISC01", name="discussion-date", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The date of the one-on-one discussion is missing.",
      hint="Write the date the EN and the ticketholder met for the individualized discussion.")
def discussion_date(ctx: RuleContext) -> Iterator[Violation]:
    """The discussion summary must include the date of the discussion."""
    if blank(ctx.record.discussion.date):
        yield Violation("The date of the one-on-one discussion is missing.", "/discussion/date")


@rule("DISC02", name="discussion-modality", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The modality of the discussion (face-to-face, telephone, video, ...) is missing.",
      hint="Say how the discussion took place: face-to-face, telephone, video, ...")
def discussion_modality(ctx: RuleContext) -> Iterator[Violation]:
    """The discussion summary must include its modality (face-to-face, telephone, ...)."""
    if blank(ctx.record.discussion.modality):
        yield Violation("The modality of the discussion is missing.", "/discussion/modality")


@rule("DISC03", name="discussion-synopsis", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The synopsis of the discussion is missing.",
      hint="Summarise the discussion: why the goals are reasonable and attainable, and how the EN's "
           "services will help reach them.")
def discussion_synopsis(ctx: RuleContext) -> Iterator[Violation]:
    """The discussion summary must include a synopsis (on the form, under term 15, or attached)."""
    if blank(ctx.record.discussion.summary):
        yield Violation("The synopsis of the discussion is missing.", "/discussion/summary")


_GOAL_WORDS = re.compile(r"\b(goals?|reasonable|attainable|achiev\w*|realistic|experience|skills?)\b", re.I)
_SERVICE_WORDS = re.compile(r"\b(services?|supports?|help\w*|assist\w*|coach\w*|placement|training)\b", re.I)
_MIN_WORDS = 15


@rule("DISC04", name="synopsis-content", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="The synopsis does not explain why the goals are attainable and how the services help.",
      hint="The synopsis explains why the short- and long-term goals are reasonable and attainable and "
           "how the EN's services and supports will help.")
def synopsis_content(ctx: RuleContext) -> Iterator[Violation]:
    """A synopsis explains why the goals are reasonable and attainable and how the services help.

    This is a heuristic: a synopsis under 15 words, or one that mentions neither goals nor
    services, is flagged for a human to read.
    """
    summary = ctx.record.discussion.summary
    if blank(summary):
        return
    assert summary is not None
    gaps = []
    if len(summary.split()) < _MIN_WORDS:
        gaps.append(f"it has fewer than {_MIN_WORDS} words")
    if not _GOAL_WORDS.search(summary):
        gaps.append("it does not discuss the goals")
    if not _SERVICE_WORDS.search(summary):
        gaps.append("it does not say how the services will help")
    if gaps:
        yield Violation("The synopsis looks too thin: " + "; ".join(gaps) + ".", "/discussion/summary")


@rule("DISC05", name="discussion-before-signing", component=C, severity=Severity.WARNING,
      basis=BASIS, summary="The discussion is dated after the IWP was signed.",
      hint="Check the discussion date: the discussion comes before the plan is signed.")
def discussion_before_signing(ctx: RuleContext) -> Iterator[Violation]:
    """The individualized discussion leads to the plan, so it takes place before both sign."""
    held = parse_date(ctx.record.discussion.date)
    signed = ctx.later_signature_date
    if held and signed and held > signed:
        yield Violation(f"The discussion ({held}) is dated after the IWP was signed ({signed}).",
                        "/discussion/date")


@rule("DISC06", name="attached-summary-identifies", component=C, severity=Severity.WARNING,
      basis=BASIS, summary="An attached discussion summary does not identify the EN and ticketholder.",
      hint="An attached discussion summary also carries the EN name, PID, ticketholder name and SSN.")
def attached_summary_identifies(ctx: RuleContext) -> Iterator[Violation]:
    """A discussion summary attached as a separate document carries EN name, PID, ticketholder name and SSN."""
    disc = ctx.record.discussion
    if not disc.attached or disc.attachment_identifies is None:
        return
    labels = {"en_name": "EN name", "pid": "PID", "ticketholder_name": "ticketholder name", "ssn": "SSN"}
    missing = [labels[k] for k in labels if not disc.attachment_identifies.get(k, False)]
    if missing:
        yield Violation("The attached discussion summary does not show: " + ", ".join(missing) + ".",
                        "/discussion/attachment_identifies")
