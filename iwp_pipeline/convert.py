"""Word to PDF through LibreOffice (``soffice --headless --convert-to pdf``): the one place.

Used by ``iwp packet`` (Word inputs), ``iwp render --pdf`` and ``iwp amend --pdf``. The
documents are copied into a private temporary folder and converted there, in one LibreOffice
run, with a throw-away LibreOffice profile, so the inputs and the user's LibreOffice settings
are never touched; the run is killed (with the helper processes it started) after ``timeout``
seconds and the folder is removed afterwards.

Where LibreOffice is found: the ``soffice`` argument, else the ``IWP_SOFFICE`` environment
variable (an empty value means "no LibreOffice", which tests use), else ``soffice`` or
``libreoffice`` on ``PATH``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from iwp_pipeline.errors import ConversionFailed, ConverterMissing
from iwp_pipeline.extract.detect import sniff

SOFFICE_ENV = "IWP_SOFFICE"
DEFAULT_TIMEOUT = 120.0
"""Seconds one LibreOffice run may take."""
INSTALL_HINT = f"install LibreOffice (Debian: apt-get install libreoffice-writer) or name its program in {SOFFICE_ENV}"


def find_soffice(soffice: str | None = None) -> str | None:
    """The LibreOffice program to run, or None when there is none."""
    wanted = soffice if soffice is not None else os.environ.get(SOFFICE_ENV)
    if wanted is not None:
        return shutil.which(wanted) if wanted.strip() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(documents: Sequence[tuple[str, bytes]], *, soffice: str | None = None,
                   timeout: float = DEFAULT_TIMEOUT, missing: str | None = None) -> list[bytes]:
    """Convert Word files, given as (name for messages, bytes), to PDF bytes with LibreOffice.

    ``missing`` is the message when LibreOffice is not installed (default: ask for a PDF).
    """
    program = find_soffice(soffice)
    if program is None:
        names = ", ".join(name for name, _ in documents)
        raise ConverterMissing(missing or f"{names}: a Word (DOCX) file must be converted to PDF and LibreOffice "
                               f"(soffice) was not found; give the document as a PDF, or {INSTALL_HINT}")
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


def docx_to_pdf(docx_bytes: bytes, *, timeout: float = DEFAULT_TIMEOUT, soffice: str | None = None) -> bytes:
    """Convert one Word document (bytes) that iwp-pipeline generated to PDF (bytes)."""
    return convert_to_pdf([("the generated document", docx_bytes)], soffice=soffice, timeout=timeout,
                          missing=f"PDF output (--pdf) needs LibreOffice (soffice), which was not found; "
                                  f"leave out --pdf, or {INSTALL_HINT}")[0]


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
