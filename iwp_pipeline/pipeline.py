"""The run from paths to a Report, shared by the CLI and Python callers.

One document goes: read the bytes -> sniff the type -> build the record (a JSON record, or a
PDF/DOCX read into a layout and interpreted) -> schema and rules -> result. Any failure to
read becomes that document's ``error``; the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iwp_pipeline import __version__
from iwp_pipeline.checker import check_data, check_record, components
from iwp_pipeline.errors import InputError, InvalidRecord, UnsupportedFormat
from iwp_pipeline.extract.detect import sniff
from iwp_pipeline.model import DocumentResult, ErrorInfo, Finding, Record, Report, Severity, Status
from iwp_pipeline.rules.base import CheckOptions

DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".json"})
"""What a folder contributes: these files, recursively (the type is still sniffed)."""


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Everything that shapes a run."""

    check: CheckOptions = field(default_factory=CheckOptions)


@dataclass(frozen=True, slots=True)
class Source:
    """One input document: where it is and how to name it in reports."""

    path: Path
    display: str


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Source]:
    """Expand folders (every PDF, DOCX and JSON inside, recursively, sorted); keep files as given.

    A path that does not exist is kept, so that it is reported as an error and not lost.
    """
    sources: list[Source] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES
                 and (p.is_file() or p.is_symlink())),
                key=lambda p: p.as_posix(),
            )
            sources.extend(Source(p, p.as_posix()) for p in found)
        else:
            sources.append(Source(path, str(raw)))
    return sources


def check_paths(paths: Sequence[str | os.PathLike[str]], options: RunOptions | None = None) -> Report:
    """Check every document named or found under ``paths``."""
    options = options or RunOptions()
    results = tuple(check_source(source, options) for source in discover(paths))
    return Report(documents=results, tool_version=__version__)


def check_source(source: Source, options: RunOptions) -> DocumentResult:
    """Check one document; never raises for a bad document."""
    try:
        data = _read_bytes(source.path)
    except InputError as exc:
        return _failed(source, None, "unknown", exc)
    digest = hashlib.sha256(data).hexdigest()
    kind = "unknown"
    try:
        kind, record, findings = build_and_check(data, options)
    except InputError as exc:
        return _failed(source, digest, exc_kind(exc, kind), exc)
    except Exception as exc:  # noqa: BLE001  a bug on one document must not stop the batch
        bug = InputError(f"iwp-pipeline failed on this document ({type(exc).__name__}); "
                         "please report it", code="internal-error")
        return _failed(source, digest, kind, bug)
    status = Status.NONCOMPLIANT if any(f.severity is Severity.ERROR for f in findings) else Status.COMPLIANT
    return DocumentResult(
        path=source.display, sha256=digest, kind=kind, status=status, record=record,
        findings=tuple(findings), document_type=record.document_type,
        components=components(record, findings,
                              with_submission=options.check.submission_date is not None),
    )


def build_and_check(data: bytes, options: RunOptions) -> tuple[str, Record, list[Finding]]:
    """Bytes -> (report kind, record, findings)."""
    filetype = sniff(data)
    if filetype == "json":
        record, findings = check_data(_load_json(data), options.check)
        return "json", record, findings
    if filetype in ("pdf", "docx"):
        from iwp_pipeline.extract import extract_record

        kind, record = extract_record(data, filetype)
        return kind, record, check_record(record, options.check)
    raise UnsupportedFormat("not a PDF, Word (DOCX) or JSON record file")


def extract_path(path: Path) -> Record:
    """The record of one document (JSON records are normalised); raises InputError when unreadable."""
    data = _read_bytes(path)
    filetype = sniff(data)
    if filetype == "json":
        return check_data(_load_json(data), CheckOptions())[0]
    if filetype in ("pdf", "docx"):
        from iwp_pipeline.extract import extract_record

        return extract_record(data, filetype)[1]
    raise UnsupportedFormat("not a PDF, Word (DOCX) or JSON record file")


def exc_kind(exc: InputError, fallback: str) -> str:
    """The report kind to show for a document that failed with ``exc``."""
    return "pdf-image" if exc.code == "no-text-layer" else fallback


def _failed(source: Source, digest: str | None, kind: str, exc: InputError) -> DocumentResult:
    return DocumentResult(path=source.display, sha256=digest, kind=kind, status=Status.ERROR,
                          error=ErrorInfo(exc.code, exc.message))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("no such file (or a broken link)", code="not-found") from exc
    except IsADirectoryError as exc:
        raise InputError("is a folder, not a file", code="unreadable") from exc
    except PermissionError as exc:
        raise InputError("permission denied", code="unreadable") from exc
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or type(exc).__name__})",
                         code="unreadable") from exc


def _load_json(data: bytes) -> dict[str, object]:
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidRecord(f"not valid JSON: {_json_problem(exc)}") from exc
    if not isinstance(parsed, dict):
        raise InvalidRecord("a JSON record must be an object")
    return parsed


def _json_problem(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    return "the file is not UTF-8 text"
