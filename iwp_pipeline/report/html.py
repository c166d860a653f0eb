"""HTML: one self-contained page (no external assets), every document text escaped.

For one document it is the reviewer's page: the component checklist with evidence and the
findings grouped by component with their hints. For a batch it is a dashboard: every
document with its status and failing components, filters, and each document's detail.
"""

from __future__ import annotations

import json
from typing import Any

import jinja2

from iwp_pipeline.model import COMPONENTS, DocumentResult, Report
from iwp_pipeline.report.text import location_text, summary_line
from iwp_pipeline.resources import template_file


def _environment() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def render(report: Report) -> str:
    """The report as a self-contained HTML page."""
    template = _environment().from_string(template_file("report.html").read_text(encoding="utf-8"))
    return template.render(
        version=report.tool_version,
        summary=report.summary,
        summary_text=summary_line(report),
        documents=[_document(d) for d in report.documents],
        single=len(report.documents) == 1,
        titles=COMPONENTS,
        component_titles=list(COMPONENTS.items()),
    )


def _document(doc: DocumentResult) -> dict[str, Any]:
    failing = sorted({f.component for f in doc.errors}, key=list(COMPONENTS).index)
    groups = []
    for key, title in COMPONENTS.items():
        found = [f for f in doc.findings if f.component == key]
        if found:
            groups.append({"title": title, "findings": [
                {"rule": f.rule, "severity": str(f.severity), "term": f.term, "message": f.message,
                 "hint": f.hint, "where": location_text(f)} for f in found]})
    return {
        "path": doc.path, "kind": doc.kind, "status": str(doc.status), "sha256": doc.sha256,
        "error": doc.error, "document_type": doc.document_type, "components": doc.components,
        "failing": failing, "errors": len(doc.errors), "warnings": len(doc.warnings),
        "groups": groups,
        "record_json": json.dumps(_without_provenance(doc.record.to_dict()), indent=2, ensure_ascii=False)
        if doc.record is not None else None,
    }


def _without_provenance(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "provenance"}
