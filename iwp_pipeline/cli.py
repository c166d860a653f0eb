"""The ``iwp`` command: options in, one library call, exit code out."""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from iwp_pipeline import __version__
from iwp_pipeline.errors import ExitCode, IwpError, UsageError
from iwp_pipeline.model import Report, Status
from iwp_pipeline.output import write_atomic
from iwp_pipeline.pipeline import RunOptions, check_paths, extract_path
from iwp_pipeline.privacy import redact_data, redact_report
from iwp_pipeline.reference import ThresholdTable, default_thresholds
from iwp_pipeline.report import RENDERERS
from iwp_pipeline.rules.base import CheckOptions
from iwp_pipeline.values import parse_date

EXIT_CODES_HELP = """\b
Exit codes:
  0  every document is compliant
  1  at least one document is noncompliant
  2  usage error (bad option or argument)
  3  at least one input could not be read (wins over 1)
  4  internal error (a bug in iwp-pipeline)"""


class IwpGroup(click.Group):
    """A click group that turns IwpError into its exit code, in one place, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand; convert the tool's own errors and unexpected ones."""
        try:
            return super().invoke(ctx)
        except IwpError as exc:
            _fail(exc.message, exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001  no Python traceback ever reaches the user
            if os.environ.get("IWP_DEBUG"):
                raise
            _fail(f"internal error ({type(exc).__name__}); rerun with IWP_DEBUG=1 for details",
                  ExitCode.INTERNAL)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"iwp: error: {message}", err=True)
    sys.exit(int(code))


class DateParam(click.ParamType):
    """A date in ISO or the usual US forms."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        """Parse the option value or fail with a usage error."""
        if isinstance(value, date):
            return value
        parsed = parse_date(str(value))
        if parsed is None:
            self.fail(f"{value!r} is not a date (use YYYY-MM-DD or MM/DD/YYYY)", param, ctx)
        return parsed


@click.group(cls=IwpGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iwp")
def cli() -> None:
    """Check Ticket to Work Individual Work Plans (IWPs) and write compliance reports.

    An IWP must have six required components and the 15 terms and conditions; `iwp check`
    says which are missing, why, and how to fix them.
    """


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--submission-date", type=DateParam(),
              help="Date the IWP is (or was) sent to the program manager: applies the 14-day rule.")
@click.option("--thresholds", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A JSON table of SGA/TWL amounts by year replacing the bundled one.")
@click.option("--show-ssn", is_flag=True,
              help="Show full Social Security numbers (masked as ***-**-1234 otherwise).")
def check(paths: tuple[Path, ...], fmt: str, output: Path | None, submission_date: date | None,
          thresholds: Path | None, show_ssn: bool) -> None:
    """Check IWP documents: JSON records, PDF forms and flat PDFs, Word files.

    PATHS are files or folders; a folder contributes every PDF, DOCX and JSON file inside it,
    recursively, in sorted order. The file type is read from the content, not the name.
    """
    table = ThresholdTable.from_file(thresholds) if thresholds else default_thresholds()
    options = RunOptions(check=CheckOptions(submission_date=submission_date, thresholds=table))
    report = check_paths(paths, options)
    if not show_ssn:
        report = redact_report(report)
    _emit(RENDERERS[fmt](report), output)
    sys.exit(int(exit_code(report)))


def exit_code(report: Report) -> ExitCode:
    """3 if any document could not be read, else 1 if any is noncompliant, else 0."""
    statuses = {d.status for d in report.documents}
    if Status.ERROR in statuses:
        return ExitCode.INPUT_ERROR
    if Status.NONCOMPLIANT in statuses:
        return ExitCode.NONCOMPLIANT
    return ExitCode.OK


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the record to this file (atomically) instead of standard output.")
@click.option("--show-ssn", is_flag=True, help="Show the full Social Security number.")
def extract(path: Path, output: Path | None, show_ssn: bool) -> None:
    """Print the IWP record read from a PDF, Word or JSON file, as JSON.

    The record is valid against schemas/iwp.schema.json; its "provenance" says where each value
    was found (page and form field, or paragraph / table cell). Exit code 3 when the file cannot
    be read.
    """
    record = extract_path(path)
    data = record.to_dict()
    if not show_ssn:
        ssn = re.sub(r"\D", "", record.ticketholder.ssn or "")
        data = redact_data(data, (ssn,) if len(ssn) == 9 else ())
    _emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", output)


@cli.command()
@click.argument("code", required=False)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def rules(code: str | None, fmt: str) -> None:
    """List the rules, or explain the rule CODE."""
    from iwp_pipeline.rules import all_rules, get_rule

    if code:
        found = get_rule(code)
        if found is None:
            raise UsageError(f"no rule {code!r}; `iwp rules` lists them")
        selected = (found,)
    else:
        selected = all_rules()
    if fmt == "json":
        data = [{"code": r.code, "name": r.name, "component": r.component, "term": r.term,
                 "severity": str(r.severity), "basis": r.basis, "summary": r.summary,
                 "hint": r.hint, "explanation": r.explanation} for r in selected]
        click.echo(json.dumps(data, indent=2))
        return
    if code:
        r = selected[0]
        term = f" (term {r.term})" if r.term else ""
        click.echo(f"{r.code}  {r.name}\n\nComponent: {r.component}{term}\nSeverity:  {r.severity}\n"
                   f"Basis:     {r.basis}\n\n{r.summary}\n\n{r.explanation}\n\nFix: {r.hint}")
        return
    for r in selected:
        click.echo(f"{r.code:<10} {str(r.severity):<8} {r.component:<33} {r.summary}")


def main() -> None:
    """Entry point of the ``iwp`` console script."""
    cli(prog_name="iwp")
