"""Sending an IWP to the program manager: the coversheet alone, or the whole packet.

Both runs read top to bottom: read and check the IWP -> count the pages -> build the coversheet
-> render (and, for the packet, merge). They return a :class:`Submission` with the file's bytes
and the notes to show; nothing is printed or written here. A noncompliant IWP is data, not an
error: :func:`make_packet` returns a refused submission (no bytes) unless ``force``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from iwp_pipeline.convert import DEFAULT_TIMEOUT, convert_to_pdf
from iwp_pipeline.coversheet import (
    FIELD_LABELS,
    Coversheet,
    CoversheetOptions,
    build_coversheet,
    pdf_problems,
    render_docx,
    render_pdf,
    us_date,
)
from iwp_pipeline.errors import ConversionFailed, ConverterMissing, GenerationError, InputError, UsageError
from iwp_pipeline.model import DocumentResult, Record, Status
from iwp_pipeline.packet import Part, count_pages, load_parts, merge
from iwp_pipeline.pipeline import RunOptions, check_bytes, read_bytes
from iwp_pipeline.rules.submission import DEADLINE_DAYS

WARN_DAYS = 3
"""Warn when the deadline is this many days or fewer after the date sent."""

FORMATS = ("pdf", "docx")


@dataclass(frozen=True, slots=True)
class Note:
    """Something the EN should know about the coversheet or packet."""

    level: Literal["warning", "note"]
    message: str


@dataclass(frozen=True, slots=True)
class Submission:
    """The result of :func:`make_coversheet` or :func:`make_packet`."""

    coversheet: Coversheet
    document: DocumentResult
    """The IWP's check result (its report when the packet is refused)."""
    output: bytes | None
    """The file to write; None when the packet was refused."""
    notes: tuple[Note, ...] = ()
    parts: tuple[Part, ...] = ()

    @property
    def refused(self) -> bool:
        """Whether the packet was refused because the IWP is noncompliant."""
        return self.output is None


@dataclass(frozen=True, slots=True)
class SubmitOptions:
    """How to make the coversheet or the packet."""

    coversheet: CoversheetOptions = dataclasses.field(default_factory=CoversheetOptions)
    force: bool = False
    """Write a packet for a noncompliant IWP; read a scan (no text layer) with every field blank."""
    soffice: str | None = None
    """The LibreOffice program; None looks it up (``IWP_SOFFICE``, then the PATH)."""
    timeout: float = DEFAULT_TIMEOUT


def make_coversheet(path: Path, fmt: str, options: SubmitOptions) -> Submission:
    """The coversheet of the IWP at ``path`` as PDF or DOCX bytes.

    The page count is this coversheet plus the IWP's pages: a PDF's are counted, a Word file's
    after a LibreOffice conversion (left blank, with a note, without LibreOffice), a JSON
    record's are unknown; ``options.coversheet.pages`` replaces the count.
    """
    if fmt not in FORMATS:
        raise UsageError(f"the coversheet is written as PDF or DOCX, not {fmt!r}")
    document, record, notes, data = read_iwp(path, options)
    pages = None
    if options.coversheet.pages is None:
        iwp_pages, count_notes = _iwp_pages(path, data, document.kind, options)
        pages, notes = (1 + iwp_pages if iwp_pages else None), notes + count_notes
    elif document.kind != "json":
        notes.append(Note("note", f"the page count {options.coversheet.pages} is the one given, not counted"))
    coversheet = build_coversheet(record, options.coversheet, pages=pages)
    notes += _compliance_notes(document, packet=False) + coversheet_notes(coversheet, fmt)
    context = coversheet.context()
    output = render_pdf(context) if fmt == "pdf" else render_docx(context)
    return Submission(coversheet, document, output, tuple(notes))


def make_packet(iwp: Path, amendments: Sequence[Path], options: SubmitOptions) -> Submission:
    """One PDF: the coversheet, the IWP, then the amendments; the coversheet counts all its pages.

    A noncompliant IWP gives a refused submission unless ``options.force``; the page count is
    always counted (``options.coversheet.pages`` is ignored).
    """
    cover_options = dataclasses.replace(options.coversheet, pages=None)
    document, record, notes, data = read_iwp(iwp, options)
    if document.kind == "json":
        raise UsageError(f"{iwp}: a JSON record has no pages to send; give the signed IWP as a PDF or Word file")
    if document.status is Status.NONCOMPLIANT and not options.force:
        coversheet = build_coversheet(record, cover_options)
        return Submission(coversheet, document, None, tuple(notes + deadline_notes(coversheet)))
    parts = load_parts([(iwp, "iwp")] + [(path, "amendment") for path in amendments],
                       soffice=options.soffice, timeout=options.timeout, read={iwp: data})
    total = 1 + sum(part.pages for part in parts)
    coversheet = build_coversheet(record, cover_options, pages=total)
    cover = render_pdf(coversheet.context())
    if count_pages(cover, "the coversheet") != 1:
        raise GenerationError("the coversheet did not fit on one page")
    packet = merge([("the coversheet", cover)] + [(part.path, part.pdf) for part in parts],
                   title="IWP submission packet")
    if count_pages(packet, "the packet") != total:
        raise GenerationError("the packet's page count differs from the coversheet's")
    notes += _compliance_notes(document, packet=True) + coversheet_notes(coversheet, "pdf")
    return Submission(coversheet, document, packet, tuple(notes), tuple(parts))


def read_iwp(path: Path, options: SubmitOptions) -> tuple[DocumentResult, Record, list[Note], bytes]:
    """Read (once) and check the IWP like ``iwp check`` does; an unreadable file is an InputError.

    Returns the check's result, the record, notes and the bytes that were checked (the packet
    holds exactly these). With ``force``, a scan (no text layer) gives an empty record: every
    field left blank.
    """
    try:
        data = read_bytes(path)
    except InputError as exc:
        raise InputError(f"{path}: {exc.message}", code=exc.code) from exc
    document = check_bytes(data, str(path), RunOptions())
    if document.status is not Status.ERROR:
        assert document.record is not None
        return document, document.record, [], data
    assert document.error is not None
    if options.force and document.error.code == "no-text-layer":
        return document, Record(), [Note("warning", "the IWP has no text layer (a scan): every field read from "
                                                    "the IWP is left blank on the coversheet")], data
    raise InputError(f"{path}: {document.error.message}", code=document.error.code)


def coversheet_notes(coversheet: Coversheet, fmt: str) -> list[Note]:
    """Options that replaced the IWP's values, values cut or not printable, and the deadline."""
    notes = [Note("note", f"{o.label}: {o.value!r} given replaces {o.iwp_value!r} on the IWP")
             for o in coversheet.overrides]
    notes += [Note("warning", f"{FIELD_LABELS[path]}: longer than the coversheet allows, cut")
              for path in coversheet.too_long]
    if fmt == "pdf":
        for path, problem in pdf_problems(coversheet.context()):
            what = ("cut to fit its box" if problem == "cut"
                    else "has characters the PDF's standard font cannot show (the DOCX coversheet can)")
            notes.append(Note("warning", f"{FIELD_LABELS[path]}: {what}"))
    return notes + deadline_notes(coversheet)


def deadline_notes(coversheet: Coversheet) -> list[Note]:
    """Warnings when the 14-day deadline has passed or is at most 3 days after the date sent."""
    signed, due, sent = coversheet.later_signature, coversheet.due_date, coversheet.date_sent
    if signed is None or due is None:
        return []
    if sent < signed:
        return [Note("warning", f"the date sent {us_date(sent)} is before the IWP was fully signed "
                                f"({us_date(signed)})")]
    left = (due - sent).days
    if left < 0:
        return [Note("warning", f"the {DEADLINE_DAYS}-day deadline has passed: the IWP was due on {us_date(due)}, "
                                f"{-left} day{'s' if left != -1 else ''} before the date sent ({us_date(sent)})")]
    if left <= WARN_DAYS:
        when = "on the date sent" if left == 0 else f"{left} day{'s' if left != 1 else ''} after the date sent"
        return [Note("warning", f"the {DEADLINE_DAYS}-day deadline is close: the IWP is due on {us_date(due)}, "
                                f"{when} ({us_date(sent)})")]
    return []


def _compliance_notes(document: DocumentResult, *, packet: bool) -> list[Note]:
    if document.status is not Status.NONCOMPLIANT:
        return []
    codes = ", ".join(dict.fromkeys(f.rule for f in document.errors))
    then = ("the packet is written anyway (forced)" if packet
            else "Program Integrity will return it; the packet is refused unless forced")
    return [Note("warning", f"the IWP is noncompliant ({codes}): {then}")]


def _iwp_pages(path: Path, data: bytes, kind: str, options: SubmitOptions) -> tuple[int | None, list[Note]]:
    """The IWP's own page count, when it can be known."""
    if kind == "json":
        return None, []  # a record has no pages: the blank is named with the other missing fields
    if kind != "docx":
        return count_pages(data, str(path)), []
    try:
        return count_pages(convert_to_pdf([(str(path), data)], soffice=options.soffice,
                                          timeout=options.timeout)[0], str(path)), []
    except (ConverterMissing, ConversionFailed) as exc:
        why = "LibreOffice (soffice) was not found" if isinstance(exc, ConverterMissing) else "the conversion failed"
        return None, [Note("warning", f"the page count is left blank: a Word file's pages are counted on its PDF "
                                      f"conversion by LibreOffice, and {why} ({exc.code})")]
