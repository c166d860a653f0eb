"""The terminal report: per document a component checklist, then the findings."""

from __future__ import annotations

import textwrap

from iwp_pipeline.model import COMPONENTS, DocumentResult, Finding, Report, Severity

WIDTH = 100


def render(report: Report) -> str:
    """The whole report as plain text."""
    blocks = [_document(d) for d in report.documents]
    blocks.append(summary_line(report))
    return "\n\n".join(blocks) + "\n"


def summary_line(report: Report) -> str:
    """One line: how many documents, and how many of each status."""
    s = report.summary
    noun = "document" if s["documents"] == 1 else "documents"
    return (f"{s['documents']} {noun}: {s['compliant']} compliant, {s['noncompliant']} noncompliant, "
            f"{s['error']} could not be read")


def _document(doc: DocumentResult) -> str:
    head = f"{doc.path}  [{doc.kind}]  {str(doc.status).upper()}"
    if doc.error:
        return f"{head}\n  error {doc.error.code}: {doc.error.message}"
    lines = [head]
    if doc.document_type == "other":
        lines.append("  not an Individual Work Plan")
    if doc.components:
        width = max(len(c.title) for c in doc.components)
        for c in doc.components:
            mark = "pass" if c.passed else "FAIL"
            extra = f"  ({c.warnings} warning{'s' if c.warnings != 1 else ''})" if c.warnings else ""
            lines.append(f"  {c.title:<{width}}  {mark}{extra}")
    if doc.findings:
        lines.append("  Findings:")
        lines.extend(_finding(f) for f in doc.findings)
    return "\n".join(lines)


def _finding(f: Finding) -> str:
    label = "ERROR  " if f.severity is Severity.ERROR else "warning"
    where = COMPONENTS[f.component].split(":")[0]
    if f.term:
        where += f", term {f.term}"
    place = f" [{location_text(f)}]" if location_text(f) else ""
    first = f"    {label} {f.rule:<9} {f.message}{place}"
    wrapped = textwrap.fill(f"fix: {f.hint}", WIDTH, initial_indent=" " * 22,
                            subsequent_indent=" " * 27)
    return f"{first}\n{' ' * 22}({where})\n{wrapped}"


def location_text(f: Finding) -> str:
    """Where a finding points, for people: page/field/paragraph, else the JSON pointer."""
    parts = []
    if f.location:
        loc = f.location
        if loc.page:
            parts.append(f"page {loc.page}")
        if loc.field:
            parts.append(f"field {loc.field}")
        if loc.paragraph is not None:
            parts.append(f"paragraph {loc.paragraph}")
        if loc.table is not None:
            parts.append(f"table {loc.table} row {loc.row} cell {loc.cell}")
    if not parts and f.pointer:
        parts.append(f.pointer)
    return ", ".join(parts)
