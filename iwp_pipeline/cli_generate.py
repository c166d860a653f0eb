"""The generating commands of ``iwp``: ``amend`` and ``render`` (options in, library call, exit)."""

from __future__ import annotations

from pathlib import Path

import click

from iwp_pipeline.amend import make_amendment
from iwp_pipeline.convert import DEFAULT_TIMEOUT, docx_to_pdf
from iwp_pipeline.errors import UsageError
from iwp_pipeline.output import write_atomic
from iwp_pipeline.render import render_record_file

GENERATE_EXIT_CODES = """\b
Exit codes:
  0  the document was written
  2  usage error: bad option, invalid or refused changes file, LibreOffice missing for --pdf
  3  the input could not be read, or the PDF conversion failed
  4  internal error (a bug in iwp-pipeline)"""

_pdf_option = click.option("--pdf", is_flag=True,
                           help="Also write a PDF beside the Word file (same name, .pdf), with LibreOffice.")
_timeout_option = click.option("--pdf-timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT,
                               show_default=True, help="Seconds LibreOffice may take for the PDF.")
_output_option = click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
                              help="The Word file to write (atomically).")


def _write(document: bytes, output: Path, inputs: tuple[Path, ...], pdf: bool, timeout: float) -> None:
    targets = [output] + ([output.with_suffix(".pdf")] if pdf else [])
    for target in targets:
        if any(target.exists() and p.exists() and target.resolve() == p.resolve() for p in inputs):
            raise UsageError(f"{target} is an input file; choose another output name")
    pdf_bytes = docx_to_pdf(document, timeout=timeout) if pdf else None
    write_atomic(output, document)
    if pdf_bytes is not None:
        write_atomic(targets[1], pdf_bytes)
    click.echo("wrote " + " and ".join(str(t) for t in targets), err=True)


@click.command(epilog=GENERATE_EXIT_CODES)
@click.argument("iwp_file", type=click.Path(path_type=Path))
@click.option("--changes", "changes_file", required=True, type=click.Path(path_type=Path),
              help="YAML or JSON file with the changes (schemas/changes.schema.json).")
@_output_option
@_pdf_option
@_timeout_option
@click.option("--show-ssn", "--full-ssn", "show_ssn", is_flag=True,
              help="Print the full SSN on the amendment (default: last 4 digits, ***-**-1234).")
def amend(iwp_file: Path, changes_file: Path, output: Path, pdf: bool, pdf_timeout: float, show_ssn: bool) -> None:
    """Write an amendment to the IWP in IWP_FILE (PDF, Word or JSON record) from a changes file.

    The amendment shows the original and revised goals and services side by side, with signature
    lines for both parties; the dispute-resolution notice (20 CFR 411.610(b)) is added when a
    service is reduced, suspended or ended. Changes that contradict the IWP or would make the plan
    noncompliant are refused.
    """
    document = make_amendment(iwp_file, changes_file, show_ssn=show_ssn)
    _write(document, output, (iwp_file, changes_file), pdf, pdf_timeout)


@click.command(epilog=GENERATE_EXIT_CODES)
@click.argument("record_file", type=click.Path(path_type=Path))
@_output_option
@_pdf_option
@_timeout_option
def render(record_file: Path, output: Path, pdf: bool, pdf_timeout: float) -> None:
    """Write a complete IWP (all six components, the terms) as a Word file from a JSON record.

    RECORD_FILE is a record (schemas/iwp.schema.json); a PDF or Word IWP is read first. The
    rendered IWP carries the full SSN: it is the document the parties sign.
    """
    _write(render_record_file(record_file), output, (record_file,), pdf, pdf_timeout)
