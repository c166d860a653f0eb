"""GitHub Actions: workflow annotations on standard output (one per finding or unreadable file)."""

from __future__ import annotations

from iwp_pipeline.model import COMPONENTS, Report, Severity


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    """``::error file=...,title=...::message`` lines."""
    lines = []
    for doc in report.documents:
        file = _escape_property(doc.path)
        if doc.error:
            lines.append(f"::error file={file},title=iwp {doc.error.code}::{_escape_data(doc.error.message)}")
            continue
        for f in doc.findings:
            level = "error" if f.severity is Severity.ERROR else "warning"
            where = COMPONENTS[f.component].split(":")[0] + (f", term {f.term}" if f.term else "")
            title = _escape_property(f"iwp {f.rule} ({where})")
            page = f" (page {f.location.page})" if f.location and f.location.page else ""
            lines.append(f"::{level} file={file},title={title}::{_escape_data(f.message + page + ' Fix: ' + f.hint)}")
    return "\n".join(lines) + ("\n" if lines else "")
