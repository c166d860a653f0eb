#!/usr/bin/env python3
"""Time one document end to end (read, interpret, check) per document kind, on one core.

Builds 5-page IWPs with the fixture templates (the plan, an attached discussion summary and an
amendment) as a fillable PDF form, a flat PDF and a Word file, then runs the pipeline on each
many times and prints the median and 90th percentile. Targets (issue #3): a 5-page IWP in under
30 ms as a fillable form and under 100 ms as a text PDF or DOCX.

Usage: .venv/bin/python benchmarks/bench_documents.py [--runs N]
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from fixtures.gen.people import people  # noqa: E402
from fixtures.gen.render_docx import write_docx  # noqa: E402
from fixtures.gen.render_pdf import write_pdf  # noqa: E402
from fixtures.gen.templates import TEMPLATES, amendment, attachment, build  # noqa: E402
from fixtures.make_fixtures import DOCX_STYLES, PDF_STYLES  # noqa: E402
from iwp_pipeline.extract import clear_caches  # noqa: E402
from iwp_pipeline.pipeline import RunOptions, build_and_check  # noqa: E402


def _elements(template: str) -> list[object]:
    rec = copy.deepcopy(people()["whitaker"])
    t = TEMPLATES[template]
    return build(rec, t) + attachment(rec, t) + amendment(rec, t)


def _pages(path: Path) -> int:
    if path.suffix == ".pdf":
        return len(pdfium.PdfDocument(str(path)))
    try:  # Word files have no fixed pages: count them as LibreOffice lays them out, when it is here
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(path)],
                           check=True, capture_output=True, timeout=120)
            return len(pdfium.PdfDocument(str(Path(tmp) / (path.stem + ".pdf"))))
    except (OSError, subprocess.SubprocessError):
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    options = RunOptions()
    with tempfile.TemporaryDirectory() as tmp:
        docs = {
            "pdf-form (SSA-1370 stand-in)": (Path(tmp) / "form.pdf", lambda p: write_pdf(_elements("form"), PDF_STYLES["form"], p)),
            "pdf-text (flat EN layout)": (Path(tmp) / "flat.pdf", lambda p: write_pdf(_elements("ownflat"), PDF_STYLES["ownflat"], p)),
            "docx (Word template)": (Path(tmp) / "plan.docx", lambda p: write_docx(_elements("pathways"), DOCX_STYLES["pathways"], p)),
        }
        print("| document | pages | first of its template: median ms | p90 ms | template seen before: median ms"
              " | ms per page |")
        print("|---|---:|---:|---:|---:|---:|")
        for label, (path, make) in docs.items():
            make(path)
            data = path.read_bytes()
            kind, record, findings = build_and_check(data, options)  # warm-up, and a sanity check
            assert record.document_type == "iwp", label
            cold, warm = [], []
            for _ in range(args.runs):
                clear_caches()  # a first-seen template: no label, field or term text seen before
                start = time.perf_counter()
                build_and_check(data, options)
                cold.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()  # the same template again, as in a batch
                build_and_check(data, options)
                warm.append((time.perf_counter() - start) * 1000)
            pages = _pages(path)
            median = statistics.median(cold)
            p90 = sorted(cold)[int(len(cold) * 0.9) - 1]
            per_page = f"{median / pages:.1f}" if pages else "n/a"
            print(f"| {label} | {pages or '?'} | {median:.1f} | {p90:.1f} | {statistics.median(warm):.1f} | {per_page} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
