"""The ``iwp`` command: options in, one library call, exit code out."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from iwp_pipeline import __version__
from iwp_pipeline.batch import BatchLimits
from iwp_pipeline.cli_params import DateParam
from iwp_pipeline.config import load_config, read_settings
from iwp_pipeline.errors import ExitCode, IwpError, UsageError
from iwp_pipeline.model import Report, Status
from iwp_pipeline.output import write_atomic
from iwp_pipeline.pipeline import RunOptions, check_paths, extract_path
from iwp_pipeline.privacy import known_ssns, redact_data, redact_report
from iwp_pipeline.reference import ThresholdTable, default_thresholds
from iwp_pipeline.report import RENDERERS
from iwp_pipeline.report.text import summary_line
from iwp_pipeline.rules.base import CheckOptions

EXIT_CODES_HELP = """\b
Exit codes:
  0  every document is compliant
  1  at least one document is noncompliant
  2  usage error (bad option or argument)
  3  at least one input could not be read (wins over 1 and --fail-on)
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


@click.group(cls=IwpGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iwp")
def cli() -> None:
    """Check Ticket to Work Individual Work Plans (IWPs) and write compliance reports.

    An IWP must have six required components and the 15 terms and conditions; `iwp check`
    says which are missing, why, and how to fix them.
    """


FORMATS = sorted(RENDERERS)


class ReportTarget(click.ParamType):
    """``FORMAT:PATH`` for --report."""

    name = "FORMAT:PATH"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> tuple[str, Path]:
        """Split and check the format name."""
        if isinstance(value, tuple):
            return value
        fmt, sep, path = str(value).partition(":")
        if not sep or not path or fmt not in RENDERERS:
            self.fail(f"{value!r}: use FORMAT:PATH with FORMAT one of {', '.join(FORMATS)}", param, ctx)
        return fmt, Path(path)


def _codes(values: tuple[str, ...] | list[str]) -> frozenset[str]:
    return frozenset(c.strip().upper() for v in values for c in v.split(",") if c.strip())


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format on standard output (default text).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--report", "reports", type=ReportTarget(), multiple=True,
              help="Also write a report: FORMAT:PATH, repeatable (e.g. --report sarif:iwp.sarif).")
@click.option("--submission-date", type=DateParam(),
              help="Date the IWP is (or was) sent to the program manager: applies the 14-day rule.")
@click.option("--thresholds", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A JSON table of SGA/TWL amounts by year replacing the bundled one.")
@click.option("--show-ssn", is_flag=True,
              help="Show full Social Security numbers (masked as ***-**-1234 otherwise).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Worker processes (default: one per core; 0 means the same).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
              help="Seconds one document may take before it is given up as 'timeout' (default 30).")
@click.option("--max-memory", type=click.IntRange(min=64), default=None,
              help="Memory cap of a worker in MB (default 2048).")
@click.option("--max-pages", type=click.IntRange(min=1), default=None,
              help="A PDF with more pages is reported as 'too-large' (default 2000).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default=None,
              help="Exit 1 on noncompliant documents (error, the default), also on warnings, or never.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Leave out these rule codes or prefixes (comma-separated).")
@click.option("-q", "--quiet", is_flag=True, default=None, help="No progress bar and no summary line.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Settings file (default: the nearest .iwp.toml or [tool.iwp] in pyproject.toml).")
def check(paths: tuple[Path, ...], fmt: str | None, output: Path | None, reports: tuple[tuple[str, Path], ...],
          submission_date: date | None, thresholds: Path | None, show_ssn: bool, jobs: int | None,
          timeout: float | None, max_memory: int | None, max_pages: int | None, fail_on: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], quiet: bool | None, config_path: Path | None) -> None:
    """Check IWP documents: JSON records, PDF forms and flat PDFs, Word files, .zip archives.

    PATHS are files, folders or .zip archives; a folder contributes every PDF, DOCX, JSON and
    ZIP file inside it, recursively, in sorted order. The file type is read from the content,
    not the name. Documents are checked in parallel worker processes; one that hangs, crashes
    or needs too much memory is reported as an error and the batch goes on.
    """
    settings = read_settings(config_path) if config_path else load_config(Path.cwd())[0]

    def pick(value: Any, key: str, default: Any) -> Any:
        return value if value is not None else settings.get(key, default)

    fmt = pick(fmt, "format", "text")
    if fmt not in RENDERERS:
        raise UsageError(f"unknown format {fmt!r} in the settings file")
    threshold_file = thresholds or (Path(settings["thresholds"]) if "thresholds" in settings else None)
    table = ThresholdTable.from_file(threshold_file) if threshold_file else default_thresholds()
    reports = reports or tuple(ReportTarget().convert(r, None, None) for r in settings.get("report", []))
    fail_on = pick(fail_on, "fail_on", "error")
    if fail_on not in ("error", "warning", "never"):
        raise UsageError(f"fail_on must be error, warning or never, not {fail_on!r}")
    quiet = bool(pick(quiet, "quiet", False))
    options = RunOptions(check=CheckOptions(submission_date=submission_date, thresholds=table),
                         max_pages=pick(max_pages, "max_pages", 2000),
                         select=_codes(select or tuple(settings.get("select", []))),
                         ignore=_codes(ignore or tuple(settings.get("ignore", []))))
    limits = BatchLimits(jobs=pick(jobs, "jobs", 0), timeout=float(pick(timeout, "timeout", 30.0)),
                         memory_mb=pick(max_memory, "max_memory", 2048))
    bar = _ProgressBar() if not quiet and sys.stderr.isatty() else None
    report = check_paths(paths, options, limits=limits, progress=bar)
    if bar:
        bar.finish()
    if not show_ssn:
        report = redact_report(report)
    finish(report, fmt, output, reports, quiet=quiet, fail_on=fail_on)


def finish(report: Report, fmt: str, output: Path | None, reports: Sequence[tuple[str, Path]], *,
           quiet: bool, fail_on: str) -> NoReturn:
    """Write the report and the extra ``--report`` files, the step summary and the summary line; exit."""
    for extra_fmt, path in reports:
        write_atomic(path, RENDERERS[extra_fmt](report))
    _emit(RENDERERS[fmt](report), output)
    if "github" in {fmt, *(r[0] for r in reports)} and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), report)
    if not quiet and (output is not None or fmt != "text"):
        click.echo(summary_line(report), err=True)
    sys.exit(int(exit_code(report, fail_on)))


class _ProgressBar:
    """A one-line progress bar on standard error (only when it is a terminal)."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(time.monotonic() - self.started, 1e-6)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}  {rate:.1f} docs/s")
        sys.stderr.flush()

    def finish(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


def _append_step_summary(path: Path, report: Report) -> None:
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(RENDERERS["markdown"](report))
    except OSError as exc:
        raise UsageError(f"cannot append to GITHUB_STEP_SUMMARY ({path}): {exc.strerror or exc}") from exc


def exit_code(report: Report, fail_on: str = "error") -> ExitCode:
    """3 if any document could not be read; else 1 per --fail-on; else 0."""
    statuses = {d.status for d in report.documents}
    if Status.ERROR in statuses:
        return ExitCode.INPUT_ERROR
    if fail_on == "never":
        return ExitCode.OK
    if Status.NONCOMPLIANT in statuses:
        return ExitCode.NONCOMPLIANT
    if fail_on == "warning" and any(d.warnings for d in report.documents):
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
        data = redact_data(data, known_ssns(record.ticketholder.ssn))
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


# Command groups in their own modules (they import helpers from this one, hence the late import).
from iwp_pipeline.cli_generate import amend, render  # noqa: E402
from iwp_pipeline.cli_submission import coversheet, packet  # noqa: E402
from iwp_pipeline.cli_template import template  # noqa: E402

for _command in (amend, render, coversheet, packet, template):
    cli.add_command(_command)


def main() -> None:
    """Entry point of the ``iwp`` console script."""
    cli(prog_name="iwp")
