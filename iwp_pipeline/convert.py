"""Word to PDF through LibreOffice (``soffice --headless --convert-to pdf``).

The conversion runs in a private temporary folder with its own LibreOffice profile, so it
never touches the input file or the user's LibreOffice settings, and is killed after
``timeout`` seconds. Where LibreOffice is found: the ``soffice`` argument, else the
``IWP_SOFFICE`` environment variable, else ``soffice`` or ``libreoffice`` on ``PATH``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from iwp_pipeline.errors import ConversionFailed, ConverterMissing

SOFFICE_ENV = "IWP_SOFFICE"
DEFAULT_TIMEOUT = 120.0


def find_soffice(soffice: str | None = None) -> str:
    """The LibreOffice executable to use, or :class:`ConverterMissing` with what to do."""
    wanted = soffice or os.environ.get(SOFFICE_ENV)
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise ConverterMissing(f"PDF output needs LibreOffice, but {wanted!r} ({SOFFICE_ENV}) is not an "
                                   "executable; install LibreOffice or fix the path, or leave out --pdf")
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ConverterMissing("PDF output needs LibreOffice (soffice), which is not installed or not on PATH; "
                           f"install it (Debian: apt-get install libreoffice-writer), set {SOFFICE_ENV}, "
                           "or leave out --pdf")


def docx_to_pdf(docx_bytes: bytes, *, timeout: float = DEFAULT_TIMEOUT, soffice: str | None = None) -> bytes:
    """Convert a Word document (bytes) to PDF (bytes) with LibreOffice."""
    exe = find_soffice(soffice)
    with tempfile.TemporaryDirectory(prefix="iwp-convert-") as tmp:
        folder = Path(tmp)
        source = folder / "document.docx"
        source.write_bytes(docx_bytes)
        profile = (folder / "profile").as_uri()
        command = [exe, "--headless", "--norestore", f"-env:UserInstallation={profile}",
                   "--convert-to", "pdf", "--outdir", str(folder / "out"), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise ConversionFailed(f"LibreOffice did not finish the PDF within {timeout:g} s") from exc
        except OSError as exc:
            raise ConverterMissing(f"LibreOffice could not be started ({exc.strerror or exc})") from exc
        target = folder / "out" / "document.pdf"
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            raise ConversionFailed(f"LibreOffice could not convert the document to PDF (exit {done.returncode})")
        return target.read_bytes()
