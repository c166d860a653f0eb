"""Documents -> IWP records: readers build a Layout, the interpreter builds the record."""

from __future__ import annotations

from iwp_pipeline.extract.layout import Layout
from iwp_pipeline.model import Record


def read_layout(data: bytes, filetype: str, *, max_pages: int = 2000) -> Layout:
    """Read a PDF or DOCX into its layout (raises an InputError for unreadable files)."""
    if filetype == "pdf":
        from iwp_pipeline.extract.pdf_reader import read_pdf

        return read_pdf(data, max_pages=max_pages)
    from iwp_pipeline.extract.docx_reader import read_docx

    return read_docx(data)


def extract_record(data: bytes, filetype: str, *, max_pages: int = 2000) -> tuple[str, Record]:
    """Read a PDF or DOCX into (report kind, record)."""
    from iwp_pipeline.extract.interpret import interpret

    layout = read_layout(data, filetype, max_pages=max_pages)
    return layout.kind, interpret(layout)


def clear_caches() -> None:
    """Forget every label, field and term reading cached so far (benchmarks time a template not seen before)."""
    from iwp_pipeline.extract import fields, terms, units

    units.clear_label_caches()
    fields.clear_caches()
    terms.clear_caches()
