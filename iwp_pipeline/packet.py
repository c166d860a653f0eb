"""Documents as PDF pages: Word files converted with LibreOffice, pages counted, PDFs merged.

Input files are only read. A Word (DOCX) file is copied into a temporary folder and converted
there by ``soffice --headless`` with its own throw-away profile and a time limit; the folder is
removed afterwards. Where ``soffice`` is looked up can be injected: the ``soffice`` argument, else
the ``IWP_SOFFICE`` environment variable (an empty value means "no LibreOffice"), else ``soffice``
or ``libreoffice`` on the PATH.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from iwp_pipeline import __version__
from iwp_pipeline.errors import (
    ConversionFailed,
    ConverterMissing,
    CorruptDocument,
    EncryptedDocument,
    GenerationError,
    UnsupportedFormat,
    UsageError,
)
from iwp_pipeline.extract.detect import sniff
from iwp_pipeline.pipeline import _read_bytes

SOFFICE_ENV = "IWP_SOFFICE"
CONVERT_TIMEOUT = 120.0
"""Seconds LibreOffice may take for one conversion run."""


@dataclass(frozen=True, slots=True)
class Part:
    """One document of a packet, as PDF."""

    path: str
    role: str
    """``iwp`` or ``amendment``."""
    pdf: bytes
    pages: int
    converted: bool
    """Whether it was a Word file converted by LibreOffice."""


def find_soffice(soffice: str | None = None) -> str | None:
    """The LibreOffice program to run, or None when there is none."""
    wanted = soffice if soffice is not None else os.environ.get(SOFFICE_ENV)
    if wanted is not None:
        return shutil.which(wanted) if wanted.strip() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def load_parts(documents: Sequence[tuple[Path, str]], *, soffice: str | None = None,
               timeout: float = CONVERT_TIMEOUT) -> list[Part]:
    """Read each (path, role) as PDF pages; the Word files are converted in one LibreOffice run."""
    found: list[tuple[Path, str, str, bytes]] = []
    for path, role in documents:
        data = _read_bytes(path)
        kind = sniff(data)
        if kind == "json":
            raise UsageError(f"{path}: a JSON record has no pages to send; give the signed document as a PDF "
                             "or Word file")
        if kind not in ("pdf", "docx"):
            raise UnsupportedFormat(f"{path}: not a PDF or Word (DOCX) file")
        found.append((path, role, kind, data))
    words = [(str(path), data) for path, _, filetype, data in found if filetype == "docx"]
    converted = iter(convert_to_pdf(words, soffice=soffice, timeout=timeout) if words else [])
    parts = []
    for path, role, filetype, data in found:
        pdf = next(converted) if filetype == "docx" else data
        parts.append(Part(str(path), role, pdf, count_pages(pdf, str(path)), filetype == "docx"))
    return parts


def convert_to_pdf(documents: Sequence[tuple[str, bytes]], *, soffice: str | None = None,
                   timeout: float = CONVERT_TIMEOUT) -> list[bytes]:
    """Convert Word files, given as (name for messages, bytes), to PDF with LibreOffice."""
    program = find_soffice(soffice)
    if program is None:
        names = ", ".join(name for name, _ in documents)
        raise ConverterMissing(
            f"{names}: a Word (DOCX) file must be converted to PDF and LibreOffice (soffice) was not found; "
            "give the document as a PDF (in Word: File > Save As > PDF), or install LibreOffice "
            f"(e.g. apt-get install libreoffice-writer) or name its program in {SOFFICE_ENV}")
    with tempfile.TemporaryDirectory(prefix="iwp-convert-") as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        inputs = []
        for number, (_, data) in enumerate(documents, start=1):
            inputs.append(folder / "in" / f"document-{number}.docx")
            inputs[-1].write_bytes(data)
        command = [program, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                   f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--convert-to", "pdf", "--outdir", str(folder / "out"), *map(str, inputs)]
        _run(command, timeout)
        out = []
        for (name, _), source in zip(documents, inputs, strict=True):
            target = folder / "out" / (source.stem + ".pdf")
            if not target.is_file() or sniff(target.read_bytes()) != "pdf":
                raise ConversionFailed(f"{name}: LibreOffice could not convert this Word file to PDF; "
                                       "save it as PDF in Word and give the PDF")
            out.append(target.read_bytes())
        return out


def _run(command: list[str], timeout: float) -> None:
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        raise ConversionFailed(f"cannot run LibreOffice ({command[0]}): {exc.strerror or exc}") from exc
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)  # soffice starts helper processes: end them all
        else:  # pragma: no cover - Windows
            process.kill()
        process.wait()
        raise ConversionFailed(f"LibreOffice did not finish converting within {timeout:g} seconds") from exc


def _reader(pdf: bytes, name: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(pdf), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedDocument(f"{name}: the PDF needs a password")
        return reader
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CorruptDocument(f"{name}: a damaged PDF ({type(exc).__name__})") from exc


def count_pages(pdf: bytes, name: str = "the PDF") -> int:
    """The number of pages of a PDF (an encrypted one with an empty password is read)."""
    try:
        pages = len(_reader(pdf, name).pages)
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise CorruptDocument(f"{name}: a damaged PDF ({type(exc).__name__})") from exc
    if pages < 1:
        raise CorruptDocument(f"{name}: the PDF has no pages")
    return pages


def merge(pdfs: Sequence[tuple[str, bytes]], title: str) -> bytes:
    """The PDFs, given as (name, bytes), one after the other in one PDF; form fields are kept."""
    writer = PdfWriter()
    for name, pdf in pdfs:
        try:
            writer.append(_reader(pdf, name))
        except (PyPdfError, ValueError, KeyError, TypeError) as exc:
            raise CorruptDocument(f"{name}: cannot copy the pages of this PDF ({type(exc).__name__})") from exc
    writer.add_metadata({"/Title": title, "/Producer": f"iwp-pipeline {__version__}"})
    out = io.BytesIO()
    try:
        writer.write(out)
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise GenerationError(f"cannot write the packet ({type(exc).__name__})") from exc
    return out.getvalue()
