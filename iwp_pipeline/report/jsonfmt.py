"""The JSON report: the public, versioned contract (``schemas/report.schema.json``)."""

from __future__ import annotations

import json
from typing import Any

from iwp_pipeline.model import DocumentResult, Report

REPORT_VERSION = "1"


def report_data(report: Report) -> dict[str, Any]:
    """The report as JSON data, exactly as the contract spells it (plus additive extensions)."""
    return {
        "report_version": REPORT_VERSION,
        "tool": {"name": "iwp-pipeline", "version": report.tool_version},
        "documents": [document_data(d) for d in report.documents],
        "summary": report.summary,
    }


def document_data(doc: DocumentResult) -> dict[str, Any]:
    """One ``documents[]`` entry."""
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "kind": doc.kind,
        "status": str(doc.status),
        "record": doc.record.to_dict() if doc.record is not None else None,
        "findings": [f.to_dict() for f in doc.findings],
        "error": {"code": doc.error.code, "message": doc.error.message} if doc.error else None,
        # Extensions to the contract (additive):
        "document_type": doc.document_type,
        "components": [c.to_dict() for c in doc.components],
    }


def render(report: Report) -> str:
    """The JSON report as text."""
    return json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"


def report_validator() -> Any:
    """A jsonschema validator for the JSON report (resolves the record schema it refers to)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    from iwp_pipeline.resources import load_schema

    record, report = load_schema("iwp.schema.json"), load_schema("report.schema.json")
    registry: Registry[Any] = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in (record, report)]
    )
    return Draft202012Validator(report, registry=registry)
