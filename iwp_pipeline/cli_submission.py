"""``iwp coversheet`` and ``iwp packet``: options in, one library call, notes and exit code out.

What reaches the terminal is masked (``***-**-1234``) unless ``--show-ssn``; the coversheet file
itself carries the full SSN, since it goes to the program manager.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from iwp_pipeline import __version__
from iwp_pipeline.cli_params import DateParam
from iwp_pipeline.coversheet import FIELD_LABELS, CoversheetOptions
from iwp_pipeline.coversheet import REASONS as COVERSHEET_REASONS
from iwp_pipeline.errors import IwpError, UsageError
from iwp_pipeline.model import Report
from iwp_pipeline.output import write_atomic
from iwp_pipeline.privacy import known_ssns, redact_report, scrub_text
from iwp_pipeline.report import RENDERERS
from iwp_pipeline.submission import FORMATS, Submission, SubmitOptions, make_coversheet, make_packet

T = TypeVar("T")

REASONS = {reason.replace("_", "-"): reason for reason in COVERSHEET_REASONS}
"""--reason values (dashed) -> the coversheet's reason keys."""

HINTS = {
    "reason.other_text": "give --reason-text",
    "en.name": "give --en-name",
    "en.pid": "give --pid",
    "en.contact_person": "give --contact-person",
    "en.phone": "give --contact-phone",
    "en.email": "give --contact-email",
    "dates.due": "it needs both signature dates",
    "pages": "give --pages N, the pages sent with this coversheet included",
}
"""How to fill a field the IWP lacks; the others can only be fixed on the IWP."""

EXIT_CODES_HELP = """\b
Exit codes:
  0  written
  1  refused: the IWP is noncompliant (iwp packet, without --force)
  2  usage error (bad option or argument, a JSON record given to iwp packet)
  3  an input could not be read or converted (not-found, no-text-layer, converter-missing,
     conversion-failed, ...)
  4  internal error (a bug in iwp-pipeline)"""


def _submission_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options both commands share."""
    options = [
        click.option("--reason", required=True, type=click.Choice(list(REASONS)),
                     help="Why the IWP is sent: a new IWP for Ticket assignment, an amended IWP, an IWP "
                          "revised after a Program Integrity review, or other (say what with --reason-text)."),
        click.option("--reason-text", help="What 'other' means; printed after 'Other:'."),
        click.option("--date-sent", type=DateParam(), help="The date it is sent (default today): printed, and "
                     "checked against the 14-day deadline."),
        click.option("--en-name", help="EN name, when the IWP lacks it or to replace it."),
        click.option("--pid", help="EN Provider Identification Number, when the IWP lacks it or to replace it."),
        click.option("--contact-person", help="EN contact person (default: the IWP's)."),
        click.option("--contact-phone", help="EN contact phone (default: the IWP's)."),
        click.option("--contact-email", help="EN contact email (default: the IWP's)."),
        click.option("--show-ssn", is_flag=True, help="Show the full SSN on the terminal too (masked otherwise)."),
    ]
    return functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


def _coversheet_options(reason: str, reason_text: str | None, date_sent: date | None, en_name: str | None,
                        pid: str | None, contact_person: str | None, contact_phone: str | None,
                        contact_email: str | None, pages: int | None = None) -> CoversheetOptions:
    if reason_text and reason != "other":
        raise UsageError("--reason-text says what 'other' means: give it with --reason other")
    return CoversheetOptions(reason=REASONS[reason], reason_other=reason_text, date_sent=date_sent,
                             en_name=en_name, pid=pid, contact_person=contact_person,
                             contact_phone=contact_phone, contact_email=contact_email, pages=pages)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("iwp_file", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="OUT.pdf or OUT.docx: the format follows the suffix.")
@_submission_options
@click.option("--pages", type=click.IntRange(min=2),
              help="The number of pages sent, this coversheet included (replaces the counted number).")
@click.option("--force", is_flag=True,
              help="Also from a scan (no text layer): every field from the IWP is left blank.")
def coversheet(iwp_file: Path, output: Path, reason: str, reason_text: str | None, date_sent: date | None,
               en_name: str | None, pid: str | None, contact_person: str | None, contact_phone: str | None,
               contact_email: str | None, show_ssn: bool, pages: int | None, force: bool) -> None:
    """Fill the IWP Submission Coversheet from the IWP in IWP_FILE (PDF, Word or JSON record).

    The page count is this coversheet plus the IWP's pages (a Word file's are counted through
    LibreOffice when it is installed; a JSON record has none: give --pages). A value the IWP
    lacks and no option gives is left blank, and named on standard error.
    """
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError(f"{output}: the coversheet is written as .pdf or .docx")
    _refuse_overwriting(output, [iwp_file])
    options = SubmitOptions(coversheet=_coversheet_options(reason, reason_text, date_sent, en_name, pid,
                                                           contact_person, contact_phone, contact_email, pages),
                            force=force)
    result = _library(lambda: make_coversheet(iwp_file, fmt, options))
    say = _screen(result, show_ssn)
    _print_notes(result, say)
    assert result.output is not None
    write_atomic(output, result.output)
    count = result.coversheet.pages
    say(f"wrote {output}: the coversheet, " + (f"{count} pages to send with it on top" if count
                                               else "page count left blank"))


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("iwp_file", type=click.Path(path_type=Path))
@click.argument("amendments", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The packet, a PDF.")
@_submission_options
@click.option("--force", is_flag=True,
              help="Write the packet even for a noncompliant IWP, or a scan (fields from it left blank).")
def packet(iwp_file: Path, amendments: tuple[Path, ...], output: Path, reason: str, reason_text: str | None,
           date_sent: date | None, en_name: str | None, pid: str | None, contact_person: str | None,
           contact_phone: str | None, contact_email: str | None, show_ssn: bool, force: bool) -> None:
    """One PDF ready for GSO or fax: the coversheet, the IWP, then its AMENDMENTS.

    IWP_FILE and AMENDMENTS are PDF or Word files; Word files are converted to PDF with
    LibreOffice (without it: use PDFs). A noncompliant IWP is refused (exit 1, with its report)
    unless --force. Warns when the 14-day deadline has passed or is at most 3 days away.
    """
    if output.suffix.lower() != ".pdf":
        raise UsageError(f"{output}: the packet is a PDF: name it OUT.pdf")
    _refuse_overwriting(output, [iwp_file, *amendments])
    options = SubmitOptions(coversheet=_coversheet_options(reason, reason_text, date_sent, en_name, pid,
                                                           contact_person, contact_phone, contact_email),
                            force=force)
    result = _library(lambda: make_packet(iwp_file, amendments, options))
    say = _screen(result, show_ssn)
    if result.refused:
        report = Report((result.document,), __version__)
        click.echo(RENDERERS["text"](report if show_ssn else redact_report(report)), nl=False)
        _print_notes(result, say, missing=False)
        say("iwp: error: the IWP is noncompliant, so the packet was not written: fix the IWP "
            "(the report above says how), or give --force to write it anyway", err=True)
        sys.exit(1)
    _print_notes(result, say)
    assert result.output is not None
    write_atomic(output, result.output)
    pieces = ", ".join(f"{part.role} {part.path} ({part.pages})" for part in result.parts)
    say(f"wrote {output}: {result.coversheet.pages} pages: the coversheet (1), {pieces}")


def _library(call: Callable[[], T]) -> T:
    """Run the library; an error's message names its code (converter-missing, no-text-layer, ...)."""
    try:
        return call()
    except UsageError:
        raise
    except IwpError as exc:
        raise type(exc)(f"{exc.message} ({exc.code})", code=exc.code) from exc


def _screen(result: Submission, show_ssn: bool) -> Callable[..., None]:
    """``say(text, err=False)``: print with every SSN masked unless --show-ssn."""
    known = known_ssns(result.coversheet.ssn)

    def say(text: str, err: bool = False) -> None:
        click.echo(text if show_ssn else scrub_text(text, known), err=err)

    return say


def _print_notes(result: Submission, say: Callable[..., Any], *, missing: bool = True) -> None:
    for note in result.notes:
        say(f"iwp: {note.level}: {note.message}", err=True)
    if missing:
        for path in result.coversheet.missing:
            hint = HINTS.get(path, "not on the IWP")
            say(f"iwp: warning: left blank on the coversheet: {FIELD_LABELS[path]} ({hint})", err=True)


def _refuse_overwriting(output: Path, inputs: Sequence[Path]) -> None:
    """Inputs are only read: the output may not be one of them."""
    for path in inputs:
        same = output.resolve() == path.resolve()
        if not same and output.exists() and path.exists():
            same = output.samefile(path)
        if same:
            raise UsageError(f"{output} is an input: write the output to another file")
