"""Part Two, Section 3: the ticketholder's employment goals."""

from __future__ import annotations

from collections.abc import Iterator

from iwp_pipeline.model import Goal, Severity
from iwp_pipeline.rules.base import RuleContext, Violation, blank, rule

BASIS = "EN Guide, Part Two, Section 3: Ticketholder's Employment Goals"
C = "part2.employment_goals"


def _missing(goal: Goal | None) -> bool:
    return goal is None or (blank(goal.description) and blank(goal.job_title)
                            and goal.monthly_earnings is None)


def _money(amount: float) -> str:
    return f"${amount:,.2f}".replace(".00", "")


@rule("GOAL01", name="short-term-goal", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The short-term employment goal is missing.",
      hint="State the short-term goal for the first 18 months: job, hours and monthly earnings.")
def short_term_goal(ctx: RuleContext) -> Iterator[Violation]:
    """Employment goals include a short-term goal (the first 18 months of Ticket assignment)."""
    if _missing(ctx.record.employment_goals.short_term):
        yield Violation("The short-term employment goal is missing.", "/employment_goals/short_term")


@rule("GOAL02", name="long-term-goal", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The long-term employment goal is missing.",
      hint="State the long-term goal for the next 3 to 5 years, with monthly earnings at or above SGA.")
def long_term_goal(ctx: RuleContext) -> Iterator[Violation]:
    """Employment goals include a long-term goal (the next three to five years)."""
    if _missing(ctx.record.employment_goals.long_term):
        yield Violation("The long-term employment goal is missing.", "/employment_goals/long_term")


@rule("GOAL03", name="long-term-sga", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The long-term goal's monthly earnings are below SGA for the signing year.",
      hint="Raise the long-term goal to monthly earnings at or above the SGA amount for the year "
           "the IWP is signed.")
def long_term_sga(ctx: RuleContext) -> Iterator[Violation]:
    """Long-term goals for monthly earnings must be at or above Substantial Gainful Activity (SGA).

    The SGA amount is the one for the year the IWP was signed (the later signature date), from
    the thresholds table; the blind amount applies when the record says the ticketholder is
    blind.
    """
    goal = ctx.record.employment_goals.long_term
    if goal is None or goal.monthly_earnings is None:
        return
    if goal.monthly_earnings < ctx.sga:
        year = ctx.thresholds.row.year
        yield Violation(
            f"The long-term goal earns {_money(goal.monthly_earnings)} a month, below the "
            f"{year} SGA amount of {_money(ctx.sga)}.",
            "/employment_goals/long_term/monthly_earnings",
        )


@rule("GOAL04", name="short-term-twl", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="The short-term goal's monthly earnings are below the Trial Work Level.",
      hint="A short-term goal at TWL is acceptable as a step toward SGA; below TWL, explain the progression.")
def short_term_twl(ctx: RuleContext) -> Iterator[Violation]:
    """For short-term goals, TWL earnings are permissible as a step toward SGA; below TWL is questionable."""
    goal = ctx.record.employment_goals.short_term
    if goal is None or goal.monthly_earnings is None:
        return
    twl = ctx.thresholds.row.twl
    if goal.monthly_earnings < twl:
        yield Violation(
            f"The short-term goal earns {_money(goal.monthly_earnings)} a month, below the "
            f"{ctx.thresholds.row.year} Trial Work Level of {_money(twl)}.",
            "/employment_goals/short_term/monthly_earnings",
        )


@rule("GOAL05", name="measurable-goal", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="A goal does not say the hours, the job title or the time frame.",
      hint="Make each goal measurable: hours a week (full or part time), job title, and when it is reached.")
def measurable_goal(ctx: RuleContext) -> Iterator[Violation]:
    """Goals are clear and measurable: hours, full or part time, job title, time frame."""
    goals = ctx.record.employment_goals
    for key, goal in (("short_term", goals.short_term), ("long_term", goals.long_term)):
        if goal is None or _missing(goal):
            continue
        lacking = []
        if goal.hours_per_week is None and goal.full_time is None:
            lacking.append("hours")
        if blank(goal.job_title):
            lacking.append("job title")
        if blank(goal.time_frame):
            lacking.append("time frame")
        if lacking:
            name = key.replace("_", "-")
            yield Violation(f"The {name} goal does not state its {', '.join(lacking)}.",
                            f"/employment_goals/{key}")


@rule("GOAL06", name="long-term-earnings", component=C, severity=Severity.ERROR, basis=BASIS,
      summary="The long-term goal states no monthly earnings.",
      hint="Give the long-term goal's earnings (a month, or an hourly wage with hours a week).")
def long_term_earnings(ctx: RuleContext) -> Iterator[Violation]:
    """Without an earnings figure the long-term goal cannot be shown to reach SGA."""
    goal = ctx.record.employment_goals.long_term
    if goal is not None and not _missing(goal) and goal.monthly_earnings is None:
        yield Violation("The long-term goal states no earnings, so it cannot be shown to reach SGA.",
                        "/employment_goals/long_term/monthly_earnings")


@rule("GOAL07", name="goal-progression", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="The long-term goal earns less than the short-term goal.",
      hint="Goals show a progression: the long-term goal builds on the short-term one.")
def goal_progression(ctx: RuleContext) -> Iterator[Violation]:
    """The short- and long-term goals show a clear progression toward self-sufficiency."""
    goals = ctx.record.employment_goals
    short, long_ = goals.short_term, goals.long_term
    if short and long_ and short.monthly_earnings and long_.monthly_earnings:
        if long_.monthly_earnings < short.monthly_earnings:
            yield Violation("The long-term goal earns less than the short-term goal.",
                            "/employment_goals/long_term/monthly_earnings")


@rule("GOAL08", name="training-details", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="Training is part of the plan without its type, enrollment status or completion date.",
      hint="For training or education, give its type, the enrollment status (part/full time) and the "
           "expected completion date.")
def training_details(ctx: RuleContext) -> Iterator[Violation]:
    """If training/education is part of the plan, the goals name it, the enrollment status and completion date."""
    training = ctx.record.employment_goals.training
    if training is None:
        return
    lacking = [name for name, value in (("type", training.type),
                                        ("enrollment status", training.enrollment_status),
                                        ("expected completion date", training.expected_completion))
               if blank(value)]
    if lacking:
        yield Violation(f"The training in the plan does not state its {', '.join(lacking)}.",
                        "/employment_goals/training")


@rule("GOAL09", name="thresholds-year", component=C, severity=Severity.WARNING,
      basis="iwp-requirements.md, Earnings thresholds",
      summary="The signing year is not in the SGA/TWL table; the nearest year's amounts were used.",
      hint="Add the year's SGA and TWL amounts to the thresholds table (--thresholds FILE).")
def thresholds_year(ctx: RuleContext) -> Iterator[Violation]:
    """Earnings are compared with the amounts of the signing year; a year past the table uses its latest row."""
    lookup = ctx.thresholds
    if lookup.exact:
        return
    when = f"the signing year {lookup.requested_year}" if lookup.requested_year else "no signing date"
    yield Violation(f"The thresholds table has no row for {when}; the {lookup.row.year} amounts "
                    f"(SGA {_money(lookup.row.sga)}, TWL {_money(lookup.row.twl)}) were used.",
                    "/employment_goals")


@rule("GOAL10", name="short-term-earnings", component=C, severity=Severity.WARNING, basis=BASIS,
      summary="The short-term goal states no earnings.",
      hint="Give the short-term goal's expected monthly earnings (or hourly wage and hours).")
def short_term_earnings(ctx: RuleContext) -> Iterator[Violation]:
    """Measurable goals include the expected earnings."""
    goal = ctx.record.employment_goals.short_term
    if goal is not None and not _missing(goal) and goal.monthly_earnings is None:
        yield Violation("The short-term goal states no earnings.",
                        "/employment_goals/short_term/monthly_earnings")
