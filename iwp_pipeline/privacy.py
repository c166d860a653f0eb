"""Keep Social Security numbers out of every output unless the user asks for them.

Reports are redacted in one place, :func:`redact_report`, before any renderer sees them: the
record's SSN becomes ``***-**-1234`` and any SSN-shaped number (or the record's own SSN
written another way) in any text of the result is masked too, since summaries, evidence and
attachments can repeat it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

from iwp_pipeline.model import DocumentResult, Report

T = TypeVar("T")

_DASHED = re.compile(r"(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])")


def mask_ssn(ssn: str | None) -> str | None:
    """``900-12-3456`` -> ``***-**-3456``; a value with fewer than 4 digits is fully masked."""
    if ssn is None:
        return None
    digits = re.sub(r"\D", "", ssn)
    if not digits:
        return ssn
    return "***-**-" + digits[-4:] if len(digits) >= 4 else "***-**-****"


def known_ssns(*ssns: str | None) -> tuple[str, ...]:
    """The 9-digit forms of the given SSNs (separators dropped), for :func:`scrub_text`; others are left out."""
    found = (re.sub(r"\D", "", ssn or "") for ssn in ssns)
    return tuple(digits for digits in found if len(digits) == 9)


def scrub_text(text: str, known: tuple[str, ...] = ()) -> str:
    """Mask SSN-shaped numbers and the given SSNs (as 9 digits, any separators) in ``text``."""
    text = _DASHED.sub(lambda m: f"***-**-{m.group(3)}", text)
    for digits in known:
        pattern = r"(?<!\d)" + r"[- ]?".join(digits) + r"(?!\d)"
        text = re.sub(pattern, "***-**-" + digits[-4:], text)
    return text


def redact_report(report: Report) -> Report:
    """A copy of the report with every SSN masked."""
    return dataclasses.replace(report, documents=tuple(_redact_document(d) for d in report.documents))


def _redact_document(doc: DocumentResult) -> DocumentResult:
    if doc.record is None:
        return _scrub(doc, ())
    record = doc.record
    return _scrub(doc, known_ssns(record.ticketholder.ssn, *(a.ticketholder.ssn for a in record.amendments)))


def _scrub(value: T, known: tuple[str, ...]) -> T:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return scrub_text(value, known)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = mask_ssn(old) if f.name == "ssn" and isinstance(old, str) else _scrub(old, known)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        return tuple(_scrub(v, known) for v in value)  # type: ignore[return-value]
    if isinstance(value, Mapping):
        return {k: _scrub(v, known) for k, v in value.items()}  # type: ignore[return-value]
    return value


def redact_data(data: Any, known: tuple[str, ...] = ()) -> Any:
    """Mask SSNs in plain JSON data (used for ``iwp extract`` output)."""
    if isinstance(data, str):
        return scrub_text(data, known)
    if isinstance(data, list):
        return [redact_data(v, known) for v in data]
    if isinstance(data, dict):
        return {k: (mask_ssn(v) if k == "ssn" and isinstance(v, str) else redact_data(v, known))
                for k, v in data.items()}
    return data
