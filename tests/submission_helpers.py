"""Reading coversheets back (PDF text through pdfium, DOCX through python-docx) for the tests."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import docx
import pypdfium2 as pdfium

from iwp_pipeline.coversheet import SECTIONS
from iwp_pipeline.packet import find_soffice
from tests.conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT))
import tasks  # noqa: E402

LABELS = [label for _, rows in SECTIONS for label, _ in rows]
PATHS = {label: path for _, rows in SECTIONS for label, path in rows}
REASON_LABELS = json.loads((ROOT / "iwp_pipeline" / "data" / "submission.json").read_text())["reasons"]

SAMPLE_DOCUMENTS = sorted(p for p in tasks.SAMPLES if p.endswith((".pdf", ".docx")))
"""The demo's sample documents (tasks.py SAMPLES): form PDF, flat PDF, Word files, a scan."""
SAMPLE_RECORDS = sorted(str(p.relative_to(ROOT)) for p in (FIXTURES / "samples").glob("*.json"))
SSN_SHAPES = re.compile(r"\b\d{3}[- ]?\d{2}[- ]?\d{4}\b")
HAS_SOFFICE = find_soffice() is not None


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def source_record(document: str) -> dict[str, Any] | None:
    """The record a fixture document was generated from (None for a scan)."""
    path = ROOT / document
    expected = path.with_name(path.stem + ".expected.json")
    if expected.exists():
        return json.loads(expected.read_text(encoding="utf-8"))["record"]
    return json.loads(path.read_text(encoding="utf-8"))


def pdf_texts(data: bytes) -> list[str]:
    """The text of every page, as pdfium reads it."""
    pdf = pdfium.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def pdf_page_count(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def coversheet_from_pdf_text(text: str) -> dict[str, str]:
    """Field label -> value ('' for a blank), 'reason' -> the checked reason's key, 'other'."""
    lines = [line.strip() for line in re.split(r"[\r\n]+", text)]
    found: dict[str, str] = {}
    for line in lines:
        for label in LABELS:
            if line == label or line.startswith(label + " "):
                found[label] = line[len(label):].strip()
        for key, label in REASON_LABELS.items():
            if re.match(r"^X\s+" + re.escape(label), line):
                found["reason"] = key
            if key == "other" and re.match(r"^(X\s+)?" + re.escape(label) + ":", line):
                found["other"] = line.split(":", 1)[1].strip()
    return found


def coversheet_from_docx(data: bytes) -> dict[str, str]:
    """The same mapping read from the Word coversheet's tables."""
    document = docx.Document(io.BytesIO(data))
    found: dict[str, str] = {}
    for table in document.tables:
        for row in table.rows:
            first, second = (cell.text.strip() for cell in row.cells)
            if first in LABELS:
                found[first] = second
            for key, label in REASON_LABELS.items():
                if second.startswith(label):
                    if first == "X":
                        found["reason"] = key
                    if key == "other":
                        found["other"] = second.split(":", 1)[1].strip()
    return found


def expected_fields(record: dict[str, Any] | None, **given: str) -> dict[str, str]:
    """What the coversheet must show for a source record, plus values given as options."""
    record = record or {}
    en, th = record.get("en") or {}, record.get("ticketholder") or {}
    sig = record.get("signatures") or {}

    def us(iso: str | None) -> str:
        return f"{iso[5:7]}/{iso[8:10]}/{iso[:4]}" if iso else ""

    values = {
        "en.name": en.get("name"), "en.pid": en.get("pid"), "en.contact_person": en.get("contact_person"),
        "en.phone": None, "en.email": None,  # no sample document prints the EN's phone or email
        "ticketholder.name": th.get("name"), "ticketholder.ssn": th.get("ssn"),
        "dates.ticketholder_signed": us((sig.get("ticketholder") or {}).get("date")),
        "dates.en_signed": us((sig.get("en_representative") or {}).get("date")),
    }
    values.update(given)
    return {label: values.get(path) or "" for label, path in PATHS.items() if path in values}

