"""One exception tree and one exit-code enum for the whole tool.

Non-compliance is never an exception: rules return findings. Exceptions mean the tool could
not do its job for one document (an :class:`InputError`, reported as that document's
``error`` and never stopping a batch) or for the whole run (a :class:`UsageError`).
The CLI converts them to exit codes in one place; nothing matches on message text.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the ``iwp`` command (documented in the README)."""

    OK = 0
    """Every document is compliant (or the command succeeded)."""
    NONCOMPLIANT = 1
    """At least one document is noncompliant."""
    USAGE = 2
    """Bad options or arguments."""
    INPUT_ERROR = 3
    """At least one input could not be read; wins over NONCOMPLIANT."""
    INTERNAL = 4
    """A bug in iwp-pipeline itself."""


class IwpError(Exception):
    """Base of every error the tool raises on purpose.

    ``code`` is stable and machine-readable; the message is one line for people and never
    contains a full SSN or document content.
    """

    code = "error"
    exit_code = ExitCode.INTERNAL

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        """The one-line human message."""
        return str(self)


class UsageError(IwpError):
    """The command line or a configuration file is wrong."""

    code = "usage"
    exit_code = ExitCode.USAGE


class InputError(IwpError):
    """One input document could not be read; the batch goes on."""

    code = "unreadable"
    exit_code = ExitCode.INPUT_ERROR


class UnsupportedFormat(InputError):
    """The bytes are not a PDF, DOCX or JSON record."""

    code = "unsupported-format"


class CorruptDocument(InputError):
    """The file claims a known format but cannot be parsed."""

    code = "corrupt"


class EncryptedDocument(InputError):
    """The PDF is encrypted and cannot be opened with an empty password."""

    code = "encrypted"


class NoTextLayer(InputError):
    """A PDF of page images (a scan) with no text to read; it needs OCR first."""

    code = "no-text-layer"


class TooLarge(InputError):
    """The document exceeds a configured size limit (pages, bytes, unpacked size)."""

    code = "too-large"


class DocumentTimeout(InputError):
    """Reading the document took longer than the time limit."""

    code = "timeout"


class InvalidRecord(InputError):
    """A JSON file that is not valid JSON or not a JSON object."""

    code = "invalid-json"


class GenerationError(IwpError):
    """A document could not be generated (template, converter or data problem)."""

    code = "generation-failed"
    exit_code = ExitCode.INPUT_ERROR


class ConverterMissing(GenerationError):
    """A Word document must become a PDF and LibreOffice (``soffice``) is not installed or not found.

    Raised for ``--pdf`` and for a Word input to ``iwp packet``: give a PDF, or install LibreOffice.
    """

    code = "converter-missing"
    exit_code = ExitCode.USAGE


class ConversionFailed(GenerationError):
    """LibreOffice ran but did not produce a PDF (error, crash or time limit)."""

    code = "conversion-failed"


class InvalidChanges(UsageError):
    """The changes file of ``iwp amend`` cannot be read or does not match its schema."""

    code = "invalid-changes"


class ChangesRefused(UsageError):
    """The changes contradict the original IWP or would make the plan noncompliant."""

    code = "changes-refused"
