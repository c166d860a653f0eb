"""The intermediate layout every document reader produces.

Readers (``pdf.py``, ``docx.py``) turn bytes into a :class:`Layout`: the document's text as
ordered lines with where each came from, and, for fillable PDFs, the form fields. They know
nothing about IWPs. ``interpret.py`` turns a Layout into an IWP record; it never looks at the
original bytes, so every document kind flows through the same recognisers.

Conventions every reader follows:

* Checkboxes in the text are normalised to the tokens ``[x]`` (checked) and ``[ ]``
  (unchecked), whatever they were in the source: glyphs (☒ ☑ ✔ ✓ ✗ ☐, Wingdings and
  ZapfDingbats codes), ``[X]``/``(X)``, drawn boxes with drawn marks, Word content-control
  and legacy form-field checkboxes. Other text is kept as written (whitespace collapsed).
* PDF coordinates are points with the origin at the top-left of the page (``top`` grows
  downwards), like pdfplumber.
* Pages are numbered from 1; paragraphs, tables, rows and cells from 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

CHECKED = "[x]"
UNCHECKED = "[ ]"
BOX_GLYPHS = {"☒": CHECKED, "☑": CHECKED, "✔": CHECKED, "✓": CHECKED, "√": CHECKED, "✗": CHECKED, "✘": CHECKED,
              "■": CHECKED, "◉": CHECKED, "⦿": CHECKED, "⊠": CHECKED, "▣": CHECKED, "⊙": CHECKED, "◼": CHECKED,
              "◾": CHECKED,
              "☐": UNCHECKED, "□": UNCHECKED, "◻": UNCHECKED, "◽": UNCHECKED, "○": UNCHECKED, "◯": UNCHECKED}
"""Characters drawn as a ticked or an empty box (or a chosen or an open option), whatever the document."""
TICKS = frozenset("✔✓☑√")
CROSSES = frozenset("✘✗")


def ticks_and_crosses(text: str) -> dict[str, str]:
    """The box glyphs for a document: a cross is a 'no' where the same document ticks with a check mark.

    '✔ Getting you placed' beside '✘ Skills classes — not part of this plan': a document that
    marks with both a tick and a cross uses the cross for what it does not do. Alone, a cross
    is a mark like any other ('✗ In person').
    """
    if TICKS.isdisjoint(text) or CROSSES.isdisjoint(text):
        return BOX_GLYPHS
    return {**BOX_GLYPHS, **dict.fromkeys(CROSSES, UNCHECKED)}


MARKED_BRACKETS = re.compile(r"\[\s*[xX✓✔■●•Y]\s*\]|\(\s*[xX✓✔•●◉■]\s*\)|[◉⦿]")
"""A mark inside brackets or parentheses: '[x]', '[✓]', '[Y]' (yes), a radio button's '(•)' or '(●)', or '◉'."""
EMPTY_BRACKETS = re.compile(r"\[\s{0,3}\]|\[\s*N\s*\]|\(\s{1,3}\)")
"""Empty brackets or parentheses, or '[N]' (no): an unticked box or radio button."""


def radio_dots(text: str) -> str:
    """'● In person  [ ] Phone  [ ] Video': a filled dot among empty options is the chosen one.

    Alone, '●' is a bullet; only on a line that also holds an empty option is it a mark.
    """
    return text.replace("●", CHECKED) if "●" in text and UNCHECKED in text else text


BLANK_WORDS = 15
"""Most words an underlined blank holds: a longer underlined stretch is emphasis, not a filled-in blank."""

BBox = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in points, top-left origin."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text on one line, set apart from its neighbours by a gap or a cell border."""

    text: str
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None
    size: float | None = None
    """Font size in points (the largest in the segment), when known."""
    bold: bool = False
    """All the text of the segment is bold."""
    italic: bool = False
    """All the text of the segment is in italics."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a PDF page, or one paragraph or table cell of a Word document."""

    text: str
    page: int | None = None
    bbox: BBox | None = None
    segments: tuple[Segment, ...] = ()
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    part: str = "body"
    """``body``, ``textbox`` (Word text box or shape), ``form`` (text drawn by a form field)."""
    style: str | None = None
    """Word paragraph style name (e.g. ``Heading 2``), when known."""
    bold: bool = False
    """All the text of the line is bold."""
    size: float | None = None
    """Font size in points (the largest on the line), when known."""
    paragraphs: tuple[str, ...] = ()
    """A Word table cell of several paragraphs: each one's text, the empty ones too."""
    title_bold: bool = False
    """A Word table cell of several paragraphs whose first paragraph alone is bold (a title over the rest)."""
    blanks: tuple[tuple[int, int], ...] = ()
    """Blanks filled in inside printed words: where in ``text`` each underlined blank's value is (start,
    end); an empty blank is an empty span ('This plan is written for ___Maria L. Gonzalez___ ...'). A Word
    paragraph gives them when it is written as a form to fill in; a PDF line gives every text it
    underlines (its paragraph, read over several lines, says whether they are blanks)."""


@dataclass(frozen=True, slots=True)
class FieldOption:
    """One choice of a radio group or choice field."""

    name: str
    """The export / on-state name (``/Yes``, ``/Choice2``, ``Telephone``) without the slash."""
    label: str | None = None
    """The printed text next to this option's widget, when there is one."""
    selected: bool = False


@dataclass(frozen=True, slots=True)
class FormField:
    """One AcroForm field of a fillable PDF (terminal field, widgets merged)."""

    name: str
    """Fully qualified field name (``Part1.EN.Name`` or ``Text12``)."""
    kind: Literal["text", "checkbox", "radio", "choice", "signature", "button"]
    value: str | None = None
    """Text value (text, choice); the selected option's name for a radio group; None if empty."""
    checked: bool | None = None
    """For a checkbox: whether it is on (any on-state name counts)."""
    tooltip: str | None = None
    """The /TU alternate name."""
    label: str | None = None
    """Printed page text nearest the widget: left or above for text fields, right for boxes."""
    page: int | None = None
    rect: BBox | None = None
    options: tuple[FieldOption, ...] = ()
    from_appearance: bool = False
    """The value was read from the widget's appearance stream (no /V)."""
    multiline: bool = False
    """A text field that takes several lines (the multiline flag, or a widget several lines tall)."""
    row_label: str | None = None
    """The printed text that starts the widget's line past other widgets (a checklist row), when
    it is not the label."""
    column_header: str | None = None
    """The printed text over the widget's column: of boxes ('Yes', 'No', 'Selected'), or of a
    table of fields (for a text field in one, also its label)."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line drawn on a PDF page (a table border, a rule under a row)."""

    page: int
    x0: float
    y: float
    x1: float


@dataclass(frozen=True, slots=True)
class Layout:
    """A whole document as the readers see it."""

    kind: Literal["pdf-form", "pdf-text", "pdf-image", "docx"]
    pages: int
    lines: tuple[Line, ...]
    fields: tuple[FormField, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    """Horizontal lines drawn on PDF pages, in page order (none for Word)."""

    @property
    def text(self) -> str:
        """All line texts joined by newlines."""
        return "\n".join(line.text for line in self.lines)
