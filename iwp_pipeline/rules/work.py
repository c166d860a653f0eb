"""Part Two, Section 2: the ticketholder's recent work history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from iwp_pipeline.model import Severity, WorkEntry
from iwp_pipeline.rules.base import RuleContext, Violation, blank, rule

BASIS = "EN Guide, Part Two, Section 2: Ticketholder's Recent Work History"
C = "part2.work_history"
MIN_MONTHS = 6


@rule("WORK01", name="work-history", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="No work history and no statement that there is none.",
      hint="List the last 6 to 18 months of work and earnings (best recollection is fine), or state "
           "that the ticketholder has not worked in that time.")
def work_history(ctx: RuleContext) -> Iterator[Violation]:
    """The IWP records at least the last 6 to 18 months of work and earnings, or says there were none."""
    if not _real_entries(ctx) and blank(ctx.record.no_work_history_statement):
        yield Violation("The IWP has no work history and no statement that there is none.",
                        "/work_history")


@rule("WORK02", name="work-history-span", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="The work history covers less than 6 months.",
      hint="Record at least the last 6 to 18 months of work, or note why there is less.")
def work_history_span(ctx: RuleContext) -> Iterator[Violation]:
    """The guide asks for at least the last six to 18 months of work and earnings."""
    entries = _real_entries(ctx)
    if not entries:
        return
    months = _months_covered(entries, ctx.later_signature_date)
    if months is not None and months < MIN_MONTHS:
        yield Violation(f"The work history covers about {months} month(s), less than {MIN_MONTHS}.",
                        "/work_history")


@rule("WORK03", name="work-earnings", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="A job in the work history has no earnings.",
      hint="Give the earnings for each job; the ticketholder's best recollection is acceptable.")
def work_earnings(ctx: RuleContext) -> Iterator[Violation]:
    """Earnings are part of the work history (they show whether the goals are attainable)."""
    for i, entry in enumerate(ctx.record.work_history):
        if _is_real(entry) and entry.monthly_earnings is None and blank(entry.earnings_as_written):
            who = entry.employer or entry.job_title or f"entry {i + 1}"
            yield Violation(f"No earnings are given for {who}.", f"/work_history/{i}/monthly_earnings")


def _is_real(entry: WorkEntry) -> bool:
    return not (blank(entry.employer) and blank(entry.job_title))


def _real_entries(ctx: RuleContext) -> list[WorkEntry]:
    return [e for e in ctx.record.work_history if _is_real(e)]


def _month_index(value: str | None) -> int | None:
    if not value:
        return None
    try:
        year, month = int(value[0:4]), int(value[5:7])
    except ValueError:
        return None
    return year * 12 + month - 1 if 1 <= month <= 12 else None


def _months_covered(entries: list[WorkEntry], until: date | None) -> int | None:
    """Calendar months covered by the jobs (union of their spans); None when no job is dated."""
    months: set[int] = set()
    end_default = until.year * 12 + until.month - 1 if until else None
    for entry in entries:
        start = _month_index(entry.start_date)
        end = _month_index(entry.end_date) or end_default
        if start is None or end is None or end < start:
            continue
        months.update(range(start, end + 1))
    return len(months) if months else None
