"""``iwp template check``: options in, one library call, exit code out."""

from __future__ import annotations

from pathlib import Path

import click

from iwp_pipeline.privacy import redact_report

EXIT_CODES_HELP = """\b
Exit codes:
  0  every template passes (warnings allowed unless --fail-on warning)
  1  at least one template fails
  2  usage error (bad option or argument)
  3  at least one template could not be read (wins over 1)
  4  internal error (a bug in iwp-pipeline)"""

TEMPLATE_FORMATS = ("text", "json", "sarif", "github", "junit", "markdown")


@click.group("template")
def template() -> None:
    """Check EN templates (Word with docxtpl tags, blank PDF forms) before they are used."""


@template.command("check", epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(TEMPLATE_FORMATS), default="text", show_default=True,
              help="Report format on standard output.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--report", "reports", multiple=True, metavar="FORMAT:PATH",
              help="Also write a report: FORMAT:PATH, repeatable (e.g. --report sarif:templates.sarif).")
@click.option("--kind", type=click.Choice(["iwp", "amendment", "coversheet"]), default=None,
              help="The template kind (default: read from the template's title).")
@click.option("--sample", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON for the dry render: an IWP record (kind iwp) or the render context (other kinds).")
@click.option("--filter", "filters", multiple=True, metavar="NAME",
              help="A filter your renderer adds to Jinja's (comma-separated or repeated).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error", show_default=True,
              help="Exit 1 on failing templates, also on warnings, or never.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Leave out these rule codes or prefixes (comma-separated).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line on standard error.")
def check(paths: tuple[Path, ...], fmt: str, output: Path | None, reports: tuple[str, ...], kind: str | None,
          sample: Path | None, filters: tuple[str, ...], fail_on: str, select: tuple[str, ...],
          ignore: tuple[str, ...], quiet: bool) -> None:
    """Check IWP, amendment and coversheet templates: DOCX (docxtpl) files and blank PDF forms.

    Each template must hold every section of the six components and the 15 terms (amendment
    and coversheet templates: what those must carry), parse as docxtpl/Jinja, read only
    variables of its context schema, and render with a sample record into a document that
    `iwp check` finds compliant. A folder stands for every .docx and .pdf inside it.
    """
    from iwp_pipeline.cli import ReportTarget, _codes, finish
    from iwp_pipeline.tplcheck import TemplateOptions, check_templates

    targets = [ReportTarget().convert(r, None, click.get_current_context()) for r in reports]
    names = frozenset(n.strip() for f in filters for n in f.split(",") if n.strip())
    options = TemplateOptions(kind=kind, sample=sample, filters=names, select=_codes(select), ignore=_codes(ignore))
    finish(redact_report(check_templates(paths, options)), fmt, output, targets, quiet=quiet, fail_on=fail_on)
