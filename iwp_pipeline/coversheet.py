"""The IWP Submission Coversheet: its data, built from a record, and its PDF and DOCX renderers.

:func:`build_coversheet` takes the IWP record and the EN's options and returns a frozen
:class:`Coversheet`; a value the IWP lacks and no option gives stays ``None`` (a visible blank
on the page, listed in :attr:`Coversheet.missing`), never a guess. :meth:`Coversheet.context`
turns it into the one dict both renderers use, described by
``schemas/coversheet-context.schema.json``: :func:`render_pdf` draws it directly (no LibreOffice,
no Word) and :func:`render_docx` fills the docxtpl template ``templates/coversheet.docx``.
The coversheet carries the full SSN: it goes to the program manager. Nothing here prints.

The official coversheet could not be obtained: the layout is iwp-pipeline's own, and the
routing text (GSO, fax, mail) is data in ``data/submission.json``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from iwp_pipeline import __version__
from iwp_pipeline.errors import GenerationError
from iwp_pipeline.model import Record
from iwp_pipeline.pdfpage import Page, can_show, text_width
from iwp_pipeline.resources import load_json_data
from iwp_pipeline.rules.submission import DEADLINE_DAYS
from iwp_pipeline.values import parse_date

REASONS = ("new", "amended", "revised_after_review", "other")
"""Why the IWP is sent; labels in ``data/submission.json``."""

SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Employment Network (EN)", (
        ("EN name", "en.name"),
        ("Provider Identification Number (PID)", "en.pid"),
        ("Contact person", "en.contact_person"),
        ("Contact phone", "en.phone"),
        ("Contact email", "en.email"),
    )),
    ("Ticketholder", (
        ("Ticketholder name", "ticketholder.name"),
        ("Social Security number", "ticketholder.ssn"),
    )),
    ("Dates and pages", (
        ("Signed by the ticketholder", "dates.ticketholder_signed"),
        ("Signed by the EN representative", "dates.en_signed"),
        ("Date sent", "dates.sent"),
        (f"Due (later signature + {DEADLINE_DAYS} days)", "dates.due"),
        ("Pages sent, this coversheet included", "pages"),
    )),
)
"""The boxed fields of the coversheet: (section title, ((label, context path), ...)). The PDF
layout and the DOCX template (``templates/build/coversheet_template.py``) are both drawn from it."""

MAX_CHARS = 120
"""A longer value is cut to this many characters (ending in '...') so the page stays one page."""

FIELD_LABELS = {path: label for _, rows in SECTIONS for label, path in rows} | {
    "reason.other_text": "Other reason (text)"}


def submission_data() -> Mapping[str, Any]:
    """The routing text, reason labels and titles of ``data/submission.json``."""
    data: Mapping[str, Any] = load_json_data("submission.json")
    return data


@dataclass(frozen=True, slots=True)
class CoversheetOptions:
    """What the EN says on the command line; a value given here wins over the IWP's."""

    reason: str = "new"
    reason_other: str | None = None
    date_sent: date | None = None
    """None means today."""
    en_name: str | None = None
    pid: str | None = None
    contact_person: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    pages: int | None = None
    """Total pages sent, coversheet included; replaces the counted number."""


@dataclass(frozen=True, slots=True)
class Override:
    """An option that replaced a different value written on the IWP."""

    path: str
    iwp_value: str
    value: str

    @property
    def label(self) -> str:
        """The field's label on the coversheet."""
        return FIELD_LABELS[self.path]


@dataclass(frozen=True, slots=True)
class Coversheet:
    """Everything printed on the coversheet; ``None`` is a blank left for a missing value."""

    reason: str
    date_sent: date
    reason_other: str | None = None
    en_name: str | None = None
    pid: str | None = None
    contact_person: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    ticketholder_name: str | None = None
    ssn: str | None = None
    ticketholder_signed: date | None = None
    en_signed: date | None = None
    pages: int | None = None
    overrides: tuple[Override, ...] = ()

    @property
    def later_signature(self) -> date | None:
        """When the IWP was fully signed: the later signature date, if both are known."""
        if self.ticketholder_signed is None or self.en_signed is None:
            return None
        return max(self.ticketholder_signed, self.en_signed)

    @property
    def due_date(self) -> date | None:
        """The day the program manager must have the IWP: later signature + 14 days."""
        signed = self.later_signature
        return signed + timedelta(days=DEADLINE_DAYS) if signed else None

    @property
    def too_long(self) -> tuple[str, ...]:
        """Context paths of the values cut to :data:`MAX_CHARS` characters."""
        raw = {"reason.other_text": self.reason_other, "en.name": self.en_name, "en.pid": self.pid,
               "en.contact_person": self.contact_person, "en.phone": self.contact_phone,
               "en.email": self.contact_email, "ticketholder.name": self.ticketholder_name,
               "ticketholder.ssn": self.ssn}
        return tuple(path for path, value in raw.items() if value and len(value) > MAX_CHARS)

    @property
    def missing(self) -> tuple[str, ...]:
        """Context paths of the fields left blank, in the order they appear on the page."""
        context = self.context()
        paths = ["reason.other_text"] if self.reason == "other" and not self.reason_other else []
        paths += [path for _, rows in SECTIONS for _, path in rows if not lookup(context, path)]
        return tuple(paths)

    def context(self) -> dict[str, Any]:
        """The render context of both templates (``schemas/coversheet-context.schema.json``)."""
        data = submission_data()
        return {
            "title": data["title"],
            "subtitle": data["subtitle"],
            "reason": {"code": self.reason, "other_text": _cap(self.reason_other)},
            "reasons": {key: {"label": data["reasons"][key], "mark": "X" if key == self.reason else ""}
                        for key in REASONS},
            "en": {"name": _cap(self.en_name), "pid": _cap(self.pid),
                   "contact_person": _cap(self.contact_person), "phone": _cap(self.contact_phone),
                   "email": _cap(self.contact_email)},
            "ticketholder": {"name": _cap(self.ticketholder_name), "ssn": _cap(_format_ssn(self.ssn))},
            "dates": {"ticketholder_signed": us_date(self.ticketholder_signed),
                      "en_signed": us_date(self.en_signed), "sent": us_date(self.date_sent),
                      "due": us_date(self.due_date)},
            "pages": str(self.pages) if self.pages is not None else "",
            "routing": dict(data["routing"]),
            "generator": f"iwp-pipeline {__version__}",
        }


def build_coversheet(record: Record, options: CoversheetOptions, *, pages: int | None = None) -> Coversheet:
    """The coversheet of ``record``: the IWP's values, replaced by the options that are given.

    ``pages`` is the counted total (coversheet included); ``options.pages`` replaces it.
    """
    if options.reason not in REASONS:
        raise GenerationError(f"unknown reason {options.reason!r} (one of {', '.join(REASONS)})")
    en, sig = record.en, record.signatures
    overrides: list[Override] = []

    def pick(path: str, given: str | None, on_iwp: str | None) -> str | None:
        given, on_iwp = _one_line(given), _one_line(on_iwp)
        if given and on_iwp and given != on_iwp:
            overrides.append(Override(path, on_iwp, given))
        return given or on_iwp

    return Coversheet(
        reason=options.reason,
        reason_other=_one_line(options.reason_other) if options.reason == "other" else None,
        date_sent=options.date_sent or date.today(),
        en_name=pick("en.name", options.en_name, en.name),
        pid=pick("en.pid", options.pid, en.pid),
        contact_person=pick("en.contact_person", options.contact_person, en.contact_person),
        contact_phone=pick("en.phone", options.contact_phone, en.phone),
        contact_email=pick("en.email", options.contact_email, en.email),
        ticketholder_name=_one_line(record.ticketholder.name),
        ssn=_one_line(record.ticketholder.ssn),
        ticketholder_signed=parse_date(sig.ticketholder.date),
        en_signed=parse_date(sig.en_representative.date),
        pages=options.pages if options.pages is not None else pages,
        overrides=tuple(overrides),
    )


def us_date(value: date | None) -> str:
    """MM/DD/YYYY, or an empty string."""
    return value.strftime("%m/%d/%Y") if value else ""


def lookup(context: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path of the context."""
    value: Any = context
    for part in path.split("."):
        value = value[part]
    return value


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None


def _cap(text: str | None) -> str:
    if not text:
        return ""
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 3] + "..."


def _format_ssn(ssn: str | None) -> str:
    digits = re.sub(r"\D", "", ssn or "")
    if len(digits) == 9:
        return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"
    return ssn or ""


# --- PDF ------------------------------------------------------------------------------------

_LEFT, _RIGHT, _BOX_X = 54.0, 558.0, 268.0
_VALUE_SIZE, _MIN_SIZE = 11.0, 7.0


def _fit(text: str, width: float) -> tuple[str, float, bool]:
    """(text, font size, cut): shrink to fit ``width``, cutting with '...' below the minimum size."""
    size = _VALUE_SIZE
    while size > _MIN_SIZE and text_width(text, size) > width:
        size -= 0.5
    if text_width(text, size) <= width:
        return text, size, False
    while text and text_width(text + "...", size) > width:
        text = text[:-1]
    return text + "...", size, True


def pdf_problems(context: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Fields the PDF cannot print exactly: (path, 'cut' or 'characters')."""
    problems = []
    for path in [p for _, rows in SECTIONS for _, p in rows] + ["reason.other_text"]:
        value = lookup(context, path)
        if value and not can_show(value):
            problems.append((path, "characters"))
        width = _RIGHT - _BOX_X - 8 if path != "reason.other_text" else _RIGHT - _LEFT - 120
        if value and _fit(value, width)[2]:
            problems.append((path, "cut"))
    return problems


def render_pdf(context: Mapping[str, Any]) -> bytes:
    """The coversheet as a one-page PDF (US Letter), drawn directly with the standard fonts."""
    page = Page()
    y = page.size[1] - 62
    page.text(_LEFT, y, context["title"], 20, "bold")
    y -= 18
    page.text(_LEFT, y, context["subtitle"], 10)
    y -= 10
    page.line(_LEFT, y, _RIGHT, y, 1.5)
    y -= 24
    page.text(_LEFT, y, "Reason for submission", 11, "bold")
    for key in REASONS:
        y -= 18
        reason = context["reasons"][key]
        page.rect(_LEFT + 4, y - 2, 11, 11)
        if reason["mark"]:
            page.text(_LEFT + 9.5 - text_width(reason["mark"], 10, "bold") / 2, y + 0.5, reason["mark"], 10, "bold")
        page.text(_LEFT + 24, y, reason["label"], 10)
        if key == "other":
            x = _LEFT + 24 + text_width(reason["label"] + ": ", 10)
            page.text(x - text_width(": ", 10), y, ":", 10)
            page.line(x + 2, y - 3, _RIGHT, y - 3, 0.5)
            other = context["reason"]["other_text"]
            if other:
                text, size, _ = _fit(other, _RIGHT - x - 8)
                page.text(x + 6, y, text, size)
    for title, rows in SECTIONS:
        y -= 28
        page.text(_LEFT, y, title, 11, "bold")
        y -= 4
        for label, path in rows:
            y -= 22
            page.text(_LEFT + 4, y + 6, label, 9, "bold")
            page.rect(_BOX_X, y, _RIGHT - _BOX_X, 18)
            value = lookup(context, path)
            if value:
                text, size, _ = _fit(value, _RIGHT - _BOX_X - 8)
                page.text(_BOX_X + 4, y + 5, text, size)
    y -= 30
    routing = context["routing"]
    page.text(_LEFT, y, "Where to send it", 11, "bold")
    y -= 16
    page.text(_LEFT + 4, y, routing["intro"], 9)
    fax, mail = routing["fax"], routing["mail"]
    lines = [(routing["gso"]["label"], routing["gso"]["text"]),
             (fax["label"], f"{fax['number']}   {fax['attn']}"),
             (mail["label"], mail["recipient"]), ("", mail["attn"]), ("", mail["street"]), ("", mail["city"])]
    for label, text in lines:
        y -= 14
        if label:
            page.text(_LEFT + 14, y, label, 10, "bold")
        page.text(_LEFT + 64, y, text, 10)
    page.line(_LEFT, 54, _RIGHT, 54, 0.5)
    page.text(_LEFT, 42, f"Prepared with {context['generator']}. The layout is not an official SSA form.", 7.5,
              gray=0.35)
    return page.to_pdf(title=context["title"], producer=context["generator"])


# --- DOCX -----------------------------------------------------------------------------------

TEMPLATE = "coversheet.docx"


def render_docx(context: Mapping[str, Any]) -> bytes:
    """The coversheet as a Word file, from the docxtpl template ``templates/coversheet.docx``."""
    from iwp_pipeline.render import render_template

    return render_template(TEMPLATE, context)
