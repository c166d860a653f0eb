"""Documents -> IWP records: readers build a Layout, the interpreter builds the record."""

from __future__ import annotations

from iwp_pipeline.errors import UnsupportedFormat
from iwp_pipeline.model import Record


def extract_record(data: bytes, filetype: str) -> tuple[str, Record]:
    """Read a PDF or DOCX into (report kind, record)."""
    raise UnsupportedFormat(f"reading {filetype.upper()} documents is not available yet")
