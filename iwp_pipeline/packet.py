"""Documents as PDF pages: Word files converted with LibreOffice, pages counted, PDFs merged.

Input files are only read. Word (DOCX) files are converted by :mod:`iwp_pipeline.convert`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from iwp_pipeline import __version__
from iwp_pipeline.convert import (
    DEFAULT_TIMEOUT,
    convert_to_pdf,
    find_soffice,  # noqa: F401  (tests and callers find it here too)
)
from iwp_pipeline.errors import CorruptDocument, EncryptedDocument, GenerationError, UsageError
from iwp_pipeline.pipeline import document_filetype, read_bytes

if TYPE_CHECKING:
    from pypdf import PdfReader


@dataclass(frozen=True, slots=True)
class Part:
    """One document of a packet, as PDF."""

    path: str
    role: str
    """``iwp`` or ``amendment``."""
    pdf: bytes
    pages: int


def load_parts(documents: Sequence[tuple[Path, str]], *, soffice: str | None = None,
               timeout: float = DEFAULT_TIMEOUT, read: Mapping[Path, bytes] | None = None) -> list[Part]:
    """Read each (path, role) as PDF pages; the Word files are converted in one LibreOffice run.

    ``read`` holds the bytes of documents the caller has read already (they are not read again).
    """
    found: list[tuple[Path, str, str, bytes]] = []
    for path, role in documents:
        data = read[path] if read and path in read else read_bytes(path)
        kind = document_filetype(data)
        if kind == "json":
            raise UsageError(f"{path}: a JSON record has no pages to send; give the signed document as a PDF "
                             "or Word file")
        found.append((path, role, kind, data))
    words = [(str(path), data) for path, _, filetype, data in found if filetype == "docx"]
    converted = iter(convert_to_pdf(words, soffice=soffice, timeout=timeout) if words else [])
    parts = []
    for path, role, filetype, data in found:
        pdf = next(converted) if filetype == "docx" else data
        parts.append(Part(str(path), role, pdf, count_pages(pdf, str(path))))
    return parts


def _pypdf_errors() -> tuple[type[Exception], ...]:
    from pypdf.errors import PyPdfError  # pypdf is imported on first use: `iwp check` never needs it

    return (PyPdfError, ValueError, KeyError, TypeError)


def _reader(pdf: bytes, name: str) -> PdfReader:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(pdf), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedDocument(f"{name}: the PDF needs a password")
        return reader
    except (*_pypdf_errors(), OSError) as exc:
        raise CorruptDocument(f"{name}: a damaged PDF ({type(exc).__name__})") from exc


def count_pages(pdf: bytes, name: str = "the PDF") -> int:
    """The number of pages of a PDF (an encrypted one with an empty password is read)."""
    try:
        pages = len(_reader(pdf, name).pages)
    except _pypdf_errors() as exc:
        raise CorruptDocument(f"{name}: a damaged PDF ({type(exc).__name__})") from exc
    if pages < 1:
        raise CorruptDocument(f"{name}: the PDF has no pages")
    return pages


def merge(pdfs: Sequence[tuple[str, bytes]], title: str) -> bytes:
    """The PDFs, given as (name, bytes), one after the other in one PDF; form fields are kept."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for name, pdf in pdfs:
        try:
            writer.append(_reader(pdf, name))
        except _pypdf_errors() as exc:
            raise CorruptDocument(f"{name}: cannot copy the pages of this PDF ({type(exc).__name__})") from exc
    writer.add_metadata({"/Title": title, "/Producer": f"iwp-pipeline {__version__}"})
    out = io.BytesIO()
    try:
        writer.write(out)
    except _pypdf_errors() as exc:
        raise GenerationError(f"cannot write the packet ({type(exc).__name__})") from exc
    return out.getvalue()
