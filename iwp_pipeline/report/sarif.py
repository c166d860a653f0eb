"""SARIF 2.1.0, for code-scanning dashboards.

Rules come from the catalogue; a location is the file, with the page (or Word paragraph) in the
region's properties and as a logical location.
"""

from __future__ import annotations

import json
from typing import Any

from iwp_pipeline.model import Finding, Report, Severity
from iwp_pipeline.rules import all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(report: Report) -> str:
    """The report as a SARIF 2.1.0 log."""
    rules = list(all_rules())
    index = {r.code: i for i, r in enumerate(rules)}
    driver = {
        "name": "iwp-pipeline",
        "version": report.tool_version,
        "informationUri": "https://iwp-pipeline.invalid/",
        "rules": [{
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.explanation or r.summary},
            "help": {"text": r.hint},
            "defaultConfiguration": {"level": "error" if r.severity is Severity.ERROR else "warning"},
            "properties": {"component": r.component, "basis": r.basis, **({"term": r.term} if r.term else {})},
        } for r in rules],
    }
    results: list[dict[str, Any]] = []
    for doc in report.documents:
        if doc.error:
            results.append({"ruleId": "DOC00", "level": "error", "kind": "fail",
                            "message": {"text": f"Could not be read ({doc.error.code}): {doc.error.message}"},
                            "locations": [_location(doc.path, None)]})
            continue
        for f in doc.findings:
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "level": "error" if f.severity is Severity.ERROR else "warning",
                "message": {"text": f"{f.message} Fix: {f.hint}"},
                "locations": [_location(doc.path, f)],
                "properties": {"component": f.component, **({"term": f.term} if f.term else {}),
                               **({"pointer": f.pointer} if f.pointer else {})},
            }
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            results.append(result)
    driver["rules"].append({"id": "DOC00", "name": "unreadable",
                            "shortDescription": {"text": "The document could not be read."},
                            "defaultConfiguration": {"level": "error"}})
    log = {"$schema": SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _location(path: str, finding: Finding | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": path}}
    location: dict[str, Any] = {"physicalLocation": physical}
    loc = finding.location if finding else None
    if loc is not None and (loc.page or loc.paragraph is not None):
        props = loc.to_dict()
        physical["region"] = {"startLine": 1, "properties": props}
        where = f"page {loc.page}" if loc.page else f"paragraph {loc.paragraph}"
        location["logicalLocations"] = [{"name": where + (f", field {loc.field}" if loc.field else ""),
                                         "kind": "element"}]
    if finding and finding.pointer:
        location.setdefault("logicalLocations", []).append({"name": finding.pointer, "kind": "member"})
    return location
