"""Line-oriented formats: CSV (a row per document) and JSON Lines (a JSON object per document)."""

from __future__ import annotations

import csv
import io
import json

from iwp_pipeline.model import COMPONENTS, Report
from iwp_pipeline.report.jsonfmt import document_data

CSV_COLUMNS = ["path", "kind", "status", "errors", "warnings", "failing_components", "failing_terms",
               "error_code", "error_message", "sha256"]


def render_csv(report: Report) -> str:
    """One row per document: path, kind, status, counts, failing components and terms."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    order = list(COMPONENTS)
    for d in report.documents:
        failing = sorted({f.component for f in d.errors}, key=order.index)
        terms = sorted({f.term for f in d.errors if f.term})
        writer.writerow([d.path, d.kind, str(d.status), len(d.errors), len(d.warnings), " ".join(failing),
                         " ".join(str(t) for t in terms), d.error.code if d.error else "",
                         d.error.message if d.error else "", d.sha256 or ""])
    return out.getvalue()


def render_jsonl(report: Report) -> str:
    """One JSON object per line: the contract's ``documents[]`` entries, in order."""
    return "".join(json.dumps(document_data(d), ensure_ascii=False) + "\n" for d in report.documents)
