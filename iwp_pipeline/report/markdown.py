"""Markdown: for pasting into a ticket or a CI job summary."""

from __future__ import annotations

from iwp_pipeline.model import COMPONENTS, DocumentResult, Report, Severity
from iwp_pipeline.report.text import location_text, summary_line

_ICON = {"compliant": "✅", "noncompliant": "❌", "error": "⚠️"}


def render(report: Report) -> str:
    """The whole report as GitHub-flavoured Markdown."""
    out = ["# IWP compliance report", "", f"**{summary_line(report)}**", ""]
    out += ["| Document | Kind | Status | Errors | Warnings |", "|---|---|---|---:|---:|"]
    for d in report.documents:
        out.append(f"| {_cell(d.path)} | {d.kind} | {_ICON[str(d.status)]} {d.status} | "
                   f"{len(d.errors)} | {len(d.warnings)} |")
    for d in report.documents:
        out += ["", *_document(d)]
    return "\n".join(out) + "\n"


def _document(doc: DocumentResult) -> list[str]:
    out = [f"## {_ICON[str(doc.status)]} `{doc.path}`", ""]
    if doc.error:
        return out + [f"Could not be read: **{doc.error.code}**: {_cell(doc.error.message)}"]
    if doc.components:
        out += ["| Component | Result | Evidence |", "|---|---|---|"]
        for c in doc.components:
            out.append(f"| {c.title} | {'pass' if c.passed else '**FAIL**'} | {_cell(c.evidence or '')} |")
        out.append("")
    for f in doc.findings:
        sev = "**error**" if f.severity is Severity.ERROR else "warning"
        term = f", term {f.term}" if f.term else ""
        where = location_text(f)
        out.append(f"- {sev} `{f.rule}` ({COMPONENTS[f.component].split(':')[0]}{term}): "
                   f"{_cell(f.message)}{f' _({where})_' if where else ''}  ")
        out.append(f"  Fix: {_cell(f.hint)}")
    if not doc.findings:
        out.append("No findings.")
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
