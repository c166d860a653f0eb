"""What kind of file is this? Decided from the bytes, never from the name."""

from __future__ import annotations

import io
import zipfile
from typing import Literal

FileType = Literal["pdf", "docx", "zip", "json", "unknown"]

_BOM = b"\xef\xbb\xbf"


def sniff(data: bytes) -> FileType:
    """The file type from its content: PDF header, a Word zip, another zip, a JSON object."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return "unknown"
        return "docx" if "word/document.xml" in names else "zip"
    head = data[:64].removeprefix(_BOM).lstrip()
    if head[:1] in (b"{", b"["):
        return "json"
    return "unknown"
