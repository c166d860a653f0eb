"""The run from paths to a Report, shared by the CLI and Python callers.

One document goes: read the bytes -> sniff the type -> build the record (a JSON record, or a
PDF/DOCX read into a layout and interpreted) -> schema and rules -> result. Any failure to
read becomes that document's ``error``; the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from iwp_pipeline import __version__
from iwp_pipeline.checker import check_data, check_record, components
from iwp_pipeline.errors import CorruptDocument, InputError, InvalidRecord, TooLarge, UnsupportedFormat
from iwp_pipeline.extract.detect import sniff
from iwp_pipeline.model import DocumentResult, ErrorInfo, Finding, Record, Report, Severity, Status
from iwp_pipeline.rules.base import CheckOptions

if TYPE_CHECKING:
    from iwp_pipeline.batch import BatchLimits, Progress

DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".json"})
"""What a folder contributes: these files, recursively (the type is still sniffed)."""


MAX_ARCHIVE_MEMBERS = 10_000
MAX_MEMBER_BYTES = 200_000_000


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Everything that shapes a run."""

    check: CheckOptions = field(default_factory=CheckOptions)
    max_pages: int = 2000
    """A PDF with more pages is reported as ``too-large``."""
    select: frozenset[str] = frozenset()
    """Rule codes (or code prefixes such as ``TERM``) to report; empty means all."""
    ignore: frozenset[str] = frozenset()
    """Rule codes (or prefixes) not to report."""

    def keeps(self, rule: str) -> bool:
        """Whether findings of ``rule`` are reported under --select / --ignore."""
        if self.select and not any(rule.startswith(s) for s in self.select):
            return False
        return not any(rule.startswith(i) for i in self.ignore)


@dataclass(frozen=True, slots=True)
class Source:
    """One input document: where it is and how to name it in reports."""

    path: Path
    display: str
    member: str | None = None
    """The document's name inside a .zip archive at ``path``."""


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Source]:
    """Expand folders (every PDF, DOCX and JSON inside, recursively, sorted); keep files as given.

    A path that does not exist is kept, so that it is reported as an error and not lost.
    """
    sources: list[Source] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES | {".zip"}
                 and (p.is_file() or p.is_symlink())),
                key=lambda p: p.as_posix(),
            )
            for p in found:
                sources.extend(_expand(p, p.as_posix()))
        else:
            sources.extend(_expand(path, str(raw)))
    return sources


def _expand(path: Path, display: str) -> list[Source]:
    """A file as one source, or a .zip archive of submissions as one source per document in it."""
    if not _is_archive(path):
        return [Source(path, display)]
    try:
        with zipfile.ZipFile(path) as archive:
            names = sorted(i.filename for i in archive.infolist()
                           if not i.is_dir() and Path(i.filename).suffix.lower() in DOCUMENT_SUFFIXES)
    except (zipfile.BadZipFile, OSError, ValueError):
        return [Source(path, display)]
    if len(names) > MAX_ARCHIVE_MEMBERS:
        return [Source(path, display, member="")]  # reported as too large when read
    return [Source(path, f"{display}!{name}", member=name) for name in names] or [Source(path, display)]


def _is_archive(path: Path) -> bool:
    """A zip file that is not itself a Word document."""
    try:
        if not path.is_file() or not zipfile.is_zipfile(path):
            return False
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" not in archive.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def check_paths(paths: Sequence[str | os.PathLike[str]], options: RunOptions | None = None, *,
                limits: BatchLimits | None = None, progress: Progress | None = None) -> Report:
    """Check every document named or found under ``paths``.

    With ``limits``, documents are checked in worker processes under a time limit and a memory
    cap (``iwp check`` does this); without, in this process, one after another.
    """
    options = options or RunOptions()
    sources = discover(paths)
    if limits is not None:
        from iwp_pipeline.batch import run_batch

        results = tuple(run_batch(sources, options, limits, progress))
    else:
        results = tuple(check_source(source, options) for source in sources)
    return Report(documents=results, tool_version=__version__)


def check_source(source: Source, options: RunOptions) -> DocumentResult:
    """Check one document; never raises for a bad document."""
    try:
        data = _read_source(source)
    except InputError as exc:
        return _failed(source.display, None, "unknown", exc)
    return check_bytes(data, source.display, options)


def check_bytes(data: bytes, display: str, options: RunOptions) -> DocumentResult:
    """Check the bytes of one document shown as ``display``; never raises for a bad document."""
    digest = hashlib.sha256(data).hexdigest()
    kind = "unknown"
    try:
        kind, record, findings = build_and_check(data, options)
    except InputError as exc:
        return _failed(display, digest, exc_kind(exc, kind), exc)
    except MemoryError:
        return _failed(display, digest, kind, TooLarge("reading the document needed more memory than allowed"))
    except RecursionError:
        return _failed(display, digest, kind, CorruptDocument("the document is nested too deeply to read"))
    except Exception as exc:  # noqa: BLE001  a bug on one document must not stop the batch
        bug = InputError(f"iwp-pipeline failed on this document ({type(exc).__name__}); "
                         "please report it", code="internal-error")
        return _failed(display, digest, kind, bug)
    findings = [f for f in findings if options.keeps(f.rule)]
    status = Status.NONCOMPLIANT if any(f.severity is Severity.ERROR for f in findings) else Status.COMPLIANT
    return DocumentResult(
        path=display, sha256=digest, kind=kind, status=status, record=record,
        findings=tuple(findings), document_type=record.document_type,
        components=components(record, findings,
                              with_submission=options.check.submission_date is not None),
    )


def build_and_check(data: bytes, options: RunOptions) -> tuple[str, Record, list[Finding]]:
    """Bytes -> (report kind, record, findings)."""
    filetype = document_filetype(data)
    if filetype == "json":
        record, findings = check_data(_load_json(data), options.check)
        return "json", record, findings
    from iwp_pipeline.extract import extract_record

    kind, record = extract_record(data, filetype, max_pages=options.max_pages)
    return kind, record, check_record(record, options.check)


def extract_path(path: Path) -> Record:
    """The record of one document (JSON records are normalised); raises InputError when unreadable."""
    data = read_bytes(path)
    filetype = document_filetype(data)
    if filetype == "json":
        return check_data(_load_json(data), CheckOptions())[0]
    from iwp_pipeline.extract import extract_record

    return extract_record(data, filetype)[1]


def document_filetype(data: bytes) -> str:
    """``json``, ``pdf`` or ``docx``; any other content is an InputError."""
    if not data:
        raise CorruptDocument("the file is empty", code="empty")
    filetype = sniff(data)
    if filetype == "unknown" and data.startswith(b"PK\x03\x04"):
        raise CorruptDocument("a damaged zip file (a Word file cut short?)")
    if filetype == "zip":
        raise UnsupportedFormat("a zip archive that is not a Word file "
                                "(archives are expanded only when given as paths)")
    if filetype not in ("json", "pdf", "docx"):
        raise UnsupportedFormat("not a PDF, Word (DOCX) or JSON record file")
    return filetype


def exc_kind(exc: InputError, fallback: str) -> str:
    """The report kind to show for a document that failed with ``exc``."""
    return "pdf-image" if exc.code == "no-text-layer" else fallback


def _failed(display: str, digest: str | None, kind: str, exc: InputError) -> DocumentResult:
    return DocumentResult(path=display, sha256=digest, kind=kind, status=Status.ERROR,
                          error=ErrorInfo(exc.code, exc.message))


def _read_source(source: Source) -> bytes:
    """The bytes of a file, or of a document inside a .zip archive (with size guards)."""
    if source.member is None:
        return read_bytes(source.path)
    if not source.member:
        raise TooLarge(f"the archive holds more than {MAX_ARCHIVE_MEMBERS} documents")
    try:
        with zipfile.ZipFile(source.path) as archive:
            info = archive.getinfo(source.member)
            if info.file_size > MAX_MEMBER_BYTES:
                raise TooLarge(f"the document unpacks to more than {MAX_MEMBER_BYTES // 1_000_000} MB")
            with archive.open(info) as handle:
                data = handle.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
        raise CorruptDocument("cannot unpack this document from the archive") from exc
    if len(data) > MAX_MEMBER_BYTES:
        raise TooLarge(f"the document unpacks to more than {MAX_MEMBER_BYTES // 1_000_000} MB")
    return data


def read_bytes(path: Path) -> bytes:
    """The bytes of a file; a missing, unreadable or folder path is an :class:`InputError`."""
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
