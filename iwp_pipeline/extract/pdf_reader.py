"""PDF -> Layout: page text with positions, form fields and checkboxes, all through pdfium.

pypdfium2 gives the text as positioned runs about a hundred times faster than pdfminer, so it
reads every page; its form API gives field values, checkbox states (any on-state name), radio
groups and tooltips, and the appearance stream of a field that has no value, whose drawn text
is then read. Checkbox glyphs and small drawn boxes (with or without a drawn mark) become
``[x]`` / ``[ ]``.
"""

from __future__ import annotations

import ctypes
import logging
import re
import warnings
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from iwp_pipeline.errors import CorruptDocument, EncryptedDocument, NoTextLayer, TooLarge
from iwp_pipeline.extract.layout import CHECKED, UNCHECKED, BBox, FieldOption, FormField, Layout, Line, Rule, Segment

SEGMENT_GAP = 9.0
"""A horizontal gap wider than this (points) separates two segments of a line."""

_GLYPHS = {"☒": CHECKED, "☑": CHECKED, "✔": CHECKED, "✓": CHECKED, "✗": CHECKED, "✘": CHECKED, "■": CHECKED,
           "☐": UNCHECKED, "□": UNCHECKED, "❑": UNCHECKED, "❒": UNCHECKED}
_DINGBATS = {"4": CHECKED, "3": CHECKED, "8": CHECKED, "7": CHECKED, "n": CHECKED, "l": CHECKED, "u": CHECKED,
             "o": UNCHECKED, "q": UNCHECKED, "p": UNCHECKED}
_WINGDINGS = {"\uf0fe": CHECKED, "\uf0fd": CHECKED, "\uf0fc": CHECKED, "\uf078": CHECKED, "þ": CHECKED,
              "ý": CHECKED, "ü": CHECKED, "\uf0a8": UNCHECKED, "\uf06f": UNCHECKED, "¨": UNCHECKED, "o": UNCHECKED}
logging.getLogger("pypdfium2").setLevel(logging.ERROR)  # its XFA notice is not for our users
warnings.filterwarnings("ignore", category=pdfium.PdfiumWarning)

_BRACKETS = re.compile(r"\[\s*[xX✓✔]\s*\]|\(\s*[xX]\s*\)")
_EMPTY_BRACKETS = re.compile(r"\[\s{0,3}\]|\(\s{1,3}\)")


@dataclass
class _Run:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0
    bold: bool = False


def read_pdf(data: bytes, *, max_pages: int = 2000) -> Layout:
    """Read a PDF into a Layout (kind ``pdf-form`` or ``pdf-text``)."""
    try:
        pdf = pdfium.PdfDocument(data)
        pdf.init_forms()
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedDocument("the PDF is encrypted and needs a password") from exc
        raise CorruptDocument("the PDF cannot be parsed (damaged or truncated)") from exc
    try:
        pages = len(pdf)
        if pages > max_pages:
            raise TooLarge(f"the PDF has {pages} pages (limit {max_pages})")
        if pages == 0:
            raise CorruptDocument("the PDF has no pages")
        lines: list[Line] = []
        rules: list[Rule] = []
        runs_by_page: list[list[_Run]] = []
        images = 0
        heights: list[float] = []
        widgets: list[_Widget] = []
        form = pdf.formenv.raw if pdf.formenv is not None else None
        for index in range(pages):
            try:
                page = pdf[index]
            except pdfium.PdfiumError as exc:
                raise CorruptDocument(f"page {index + 1} of the PDF cannot be read (damaged)") from exc
            heights.append(page.get_height())
            try:
                runs, page_rules, page_images = _page_runs(page, index + 1)
                if form is not None:
                    widgets.extend(_page_widgets(form, page, index + 1))
            finally:
                page.close()
            images += page_images
            rules.extend(page_rules)
            runs_by_page.append(runs)
            lines.extend(_lines(runs, index + 1))
    finally:
        pdf.close()
    lines = _without_furniture(lines, heights)
    fields = _form_fields(widgets, runs_by_page)
    if not lines and not fields:
        raise NoTextLayer("the PDF has no text layer (a scan or page images); it needs OCR first"
                          if images else "the PDF has no text")
    kind = "pdf-form" if fields else "pdf-text"
    return Layout(kind=kind, pages=pages, lines=tuple(lines), fields=tuple(fields), rules=tuple(rules))


# --- text --------------------------------------------------------------------------------------


def _page_runs(page: pdfium.PdfPage, number: int) -> tuple[list[_Run], list[Rule], int]:
    """Text runs with positions (top-left origin), the page's horizontal rules, its image count."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    runs: list[_Run] = []
    try:
        if textpage.count_chars() > 0:
            for i in range(textpage.count_rects()):
                left, bottom, right, top = textpage.get_rect(i)
                text = textpage.get_text_bounded(left, bottom, right, top)
                text = text.replace("\r", " ").replace("\n", " ").replace("\x02", "-").strip()
                if not text:
                    continue
                run = _Run(text, left, height - top, right, height - bottom)
                if runs:
                    _trim_overlap(runs[-1], run)
                _font(textpage, run, left, bottom, right, top)
                runs.append(run)
        boxes, rules, images = _drawn_boxes(page, height, number)
    finally:
        textpage.close()
    return _apply_boxes(runs, boxes), rules, images


def _trim_overlap(prev: _Run, run: _Run) -> None:
    """Drop the character that two overlapping rectangles of a line both give, from the first.

    ('... (1): J' and 'June 2023': the 'J' is the start of 'June'.)
    """
    if prev.x1 <= run.x0 or run.top >= prev.bottom or prev.top >= run.bottom:
        return
    for n in range(min(3, len(prev.text) - 1), 0, -1):
        tail = prev.text[-n:]
        if not tail.isspace() and run.text.startswith(tail) and prev.text[-n - 1].isspace():
            prev.text = prev.text[:-n].rstrip() + " "  # the seam was a space
            return


def _font(textpage: pdfium.PdfTextPage, run: _Run, left: float, bottom: float, right: float, top: float) -> None:
    """Size, weight and symbol-font mapping of a run, from its first character."""
    index = textpage.get_index((left + min(right, left + 3)) / 2, (bottom + top) / 2, 2, 2)
    if index is None or index < 0:
        return
    run.size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
    weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int(0)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, 128, ctypes.byref(flags))
    name = buffer.value.decode("latin-1", "replace").lower()
    run.bold = weight >= 600 or "bold" in name or "black" in name or "heavy" in name
    if "dingbat" in name:
        run.text = "".join(_DINGBATS.get(c, c) for c in run.text)
    elif "wingding" in name:
        run.text = "".join(_WINGDINGS.get(c, c) for c in run.text)


def _lines(runs: list[_Run], page: int) -> list[Line]:
    """Group runs into lines (vertical overlap), order them, split lines into segments at gaps."""
    runs = sorted(runs, key=lambda r: (r.top, r.x0))
    groups: list[list[_Run]] = []
    for run in runs:
        middle = (run.top + run.bottom) / 2
        for group in reversed(groups[-3:]):
            g_top = min(r.top for r in group)
            g_bottom = max(r.bottom for r in group)
            if g_top - 1 <= middle <= g_bottom + 1:
                group.append(run)
                break
        else:
            groups.append([run])
    lines = []
    for group in groups:
        group.sort(key=lambda r: r.x0)
        segments: list[list[_Run]] = [[group[0]]]
        for run in group[1:]:
            if run.x0 - segments[-1][-1].x1 > SEGMENT_GAP:
                segments.append([run])
            else:
                segments[-1].append(run)
        segs = tuple(Segment(_normalise(_join(s)), s[0].x0, s[-1].x1, min(r.top for r in s), max(r.bottom for r in s),
                             max(r.size for r in s) or None, all(r.bold for r in s)) for s in segments)
        text = " ".join(s.text for s in segs)
        bbox = (group[0].x0, min(r.top for r in group), max(r.x1 for r in group), max(r.bottom for r in group))
        lines.append(Line(text, page=page, bbox=bbox, segments=segs, bold=all(r.bold for r in group),
                          size=max(r.size for r in group) or None))
    lines.sort(key=lambda line: (line.bbox[1] if line.bbox else 0))
    return lines


MARGIN = 0.09
"""Share of the page height at the top and bottom where running headers and footers live."""
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d+(?:\s*(?:of|/)\s*\d+)?$", re.I)


def _without_furniture(lines: list[Line], heights: list[float]) -> list[Line]:
    """Drop running headers and footers: margin lines repeated on several pages, page numbers."""
    def in_margin(line: Line) -> bool:
        if line.bbox is None or line.page is None:
            return False
        height = heights[line.page - 1]
        return line.bbox[1] < height * MARGIN or line.bbox[3] > height * (1 - MARGIN)

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.casefold())

    pages_with: dict[str, set[int]] = {}
    for line in lines:
        if in_margin(line):
            pages_with.setdefault(key(line), set()).add(line.page or 0)
    repeated = {k for k, pages in pages_with.items() if len(pages) > 1}
    return [line for line in lines if not (in_margin(line) and (key(line) in repeated
                                                               or _PAGE_NUMBER.match(line.text.strip())))]


def _join(runs: list[_Run]) -> str:
    out = runs[0].text
    for prev, run in zip(runs, runs[1:], strict=False):
        out += (" " if run.x0 - prev.x1 > 1.0 and not out.endswith(" ") else "") + run.text
    return out


_BOXY = frozenset(_GLYPHS) | frozenset("[(")


def _normalise(text: str) -> str:
    if _BOXY.isdisjoint(text):
        return " ".join(text.split())
    text = "".join(_GLYPHS.get(c, c) for c in text)
    text = _BRACKETS.sub(CHECKED, text)
    text = _EMPTY_BRACKETS.sub(UNCHECKED, text)
    text = re.sub(r"(\[[x ]\])(?=\S)", r"\1 ", text)
    return re.sub(r"\s+", " ", text).strip()


# --- drawn checkboxes ----------------------------------------------------------------------------


@dataclass
class _Box:
    x0: float
    top: float
    x1: float
    bottom: float
    checked: bool = False


RULE_WIDTH = 20.0
"""A drawn path at least this wide (points) and at most RULE_THICKNESS high is a horizontal rule."""
RULE_THICKNESS = 2.0


def _drawn_boxes(page: pdfium.PdfPage, height: float, number: int) -> tuple[list[_Box], list[Rule], int]:
    """Small square paths (checkboxes), whether a mark is drawn in each, and horizontal rules.

    Rules are thin wide paths and the top and bottom edges of drawn rectangles (table rows).
    """
    squares: list[_Box] = []
    rules: list[Rule] = []
    marks: list[tuple[float, float, float, float, bool]] = []
    """Small paths that could be a tick or cross: bounds, and whether the path is open (a stroke)."""
    images = 0
    for obj in page.get_objects(max_depth=4):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        box = (left, height - top, right, height - bottom)
        closed = _closed_shape(obj)
        if w >= RULE_WIDTH:
            if h <= RULE_THICKNESS:
                rules.append(Rule(number, left, height - (top + bottom) / 2, right))
            elif closed and h > 18:
                rules += [Rule(number, left, height - top, right), Rule(number, left, height - bottom, right)]
            continue
        if 5 <= w <= 18 and 5 <= h <= 18 and abs(w - h) <= 2.5 and closed:
            squares.append(_Box(*box))
        elif w <= 18 and h <= 18:
            marks.append((*box, not closed))
    for sq in squares:
        others = [(o.x0, o.top, o.x1, o.bottom, False) for o in squares if o is not sq]
        for m in marks + others:
            inside = m[0] >= sq.x0 - 1 and m[2] <= sq.x1 + 1 and m[1] >= sq.top - 1 and m[3] <= sq.bottom + 1
            if inside and (m[4] or (m[2] - m[0]) < (sq.x1 - sq.x0) - 1):
                sq.checked = True
                break
    return squares, rules, images


def _closed_shape(obj: pdfium.PdfObject) -> bool:
    """A rectangle or other outline (four or more segments), not a stroke of a tick mark."""
    return int(pdfium_c.FPDFPath_CountSegments(obj.raw)) >= 4


def _apply_boxes(runs: list[_Run], boxes: list[_Box]) -> list[_Run]:
    """Turn drawn boxes into checkbox runs; a glyph or X drawn in a box is that box's mark."""
    out = list(runs)
    for box in boxes:
        inside = [r for r in runs if r.x0 >= box.x0 - 1 and r.x1 <= box.x1 + 1 and r.top >= box.top - 2
                  and r.bottom <= box.bottom + 2]
        if inside:
            for r in inside:
                if r.text.strip() in ("X", "x", "✓", "✔", "[x]", "☒", "☑"):
                    r.text = CHECKED
            continue
        out.append(_Run(CHECKED if box.checked else UNCHECKED, box.x0, box.top, box.x1, box.bottom))
    return out


# --- form fields ---------------------------------------------------------------------------------

_FIELD_KINDS = {pdfium_c.FPDF_FORMFIELD_TEXTFIELD: "text", pdfium_c.FPDF_FORMFIELD_CHECKBOX: "checkbox",
                pdfium_c.FPDF_FORMFIELD_RADIOBUTTON: "radio", pdfium_c.FPDF_FORMFIELD_COMBOBOX: "choice",
                pdfium_c.FPDF_FORMFIELD_LISTBOX: "choice", pdfium_c.FPDF_FORMFIELD_PUSHBUTTON: "button",
                pdfium_c.FPDF_FORMFIELD_SIGNATURE: "signature"}


@dataclass
class _Widget:
    name: str
    kind: str
    value: str
    tooltip: str
    checked: bool
    export: str
    appearance: str
    page: int
    rect: BBox


def _page_widgets(form: pdfium_c.FPDF_FORMHANDLE, page: pdfium.PdfPage, number: int) -> list[_Widget]:
    """The form widgets of one page, read through pdfium's form API."""
    height = page.get_height()
    widgets = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_WIDGET:
                continue
            name = _wide(pdfium_c.FPDFAnnot_GetFormFieldName, form, annot)
            if not name:
                continue
            kind = _FIELD_KINDS.get(pdfium_c.FPDFAnnot_GetFormFieldType(form, annot), "text")
            rect = pdfium_c.FS_RECTF()
            pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect))
            x0, x1 = sorted((rect.left, rect.right))
            y0, y1 = sorted((rect.bottom, rect.top))
            value = _wide(pdfium_c.FPDFAnnot_GetFormFieldValue, form, annot)
            widgets.append(_Widget(
                name=name, kind=kind, value=value,
                tooltip=_wide(pdfium_c.FPDFAnnot_GetFormFieldAlternateName, form, annot),
                checked=bool(pdfium_c.FPDFAnnot_IsChecked(form, annot)) if kind in ("checkbox", "radio") else False,
                export=_wide(pdfium_c.FPDFAnnot_GetFormFieldExportValue, form, annot) if kind in ("checkbox", "radio") else "",
                appearance=_wide(pdfium_c.FPDFAnnot_GetAP, annot, pdfium_c.FPDF_ANNOT_APPEARANCEMODE_NORMAL)
                if kind == "text" and not value.strip() else "",
                page=number, rect=(x0, height - y1, x1, height - y0)))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return widgets


def _wide(function: object, *args: object) -> str:
    """Call a pdfium getter that fills a UTF-16LE buffer (asking for its size first)."""
    size = function(*args, None, 0)  # type: ignore[operator]
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    function(*args, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), size)  # type: ignore[operator]
    return buffer.raw[: size - 2].decode("utf-16-le", "replace")


def _form_fields(widgets: list[_Widget], runs_by_page: list[list[_Run]]) -> list[FormField]:
    """Widgets merged into fields: values, states, radio options, tooltips, printed labels."""
    grouped: dict[str, list[_Widget]] = {}
    for w in widgets:
        grouped.setdefault(w.name, []).append(w)
    return [_field(name, ws, runs_by_page) for name, ws in grouped.items()]


def _field(name: str, widgets: list[_Widget], runs_by_page: list[list[_Run]]) -> FormField:
    first = widgets[0]
    runs = runs_by_page[first.page - 1]
    tooltip = first.tooltip or None
    if first.kind == "radio" or (first.kind == "checkbox" and len(widgets) > 1):
        options = tuple(FieldOption(name=w.export or "", label=_label(w.rect, runs_by_page[w.page - 1], box=True),
                                    selected=w.checked) for w in widgets)
        chosen = next((o.name for o in options if o.selected), None)
        return FormField(name, "radio", value=chosen, tooltip=tooltip, label=_label(first.rect, runs, box=False),
                         page=first.page, rect=first.rect, options=options)
    if first.kind == "checkbox":
        return FormField(name, "checkbox", checked=first.checked, tooltip=tooltip,
                         label=_label(first.rect, runs, box=True), page=first.page, rect=first.rect)
    if first.kind == "button":
        return FormField(name, "button", tooltip=tooltip, page=first.page, rect=first.rect)
    text = first.value.replace("\r\n", "\n").replace("\r", "\n").strip() or None
    from_appearance = False
    if text is None and first.appearance:
        text = _appearance_text(first.appearance)
        from_appearance = text is not None
    return FormField(name, first.kind, value=text, tooltip=tooltip,  # type: ignore[arg-type]
                     label=_label(first.rect, runs, box=False), page=first.page, rect=first.rect,
                     from_appearance=from_appearance)


_STRING = re.compile(r"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>")
_SHOW = re.compile(r"(\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>)\s*(?:Tj|'|\")|\[((?:[^\]\\]|\\.)*)\]\s*TJ|(T\*|Td|TD|Tm)")
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "(": "(", ")": ")", "\\": "\\"}


def _appearance_text(stream: str) -> str | None:
    """The text a widget's appearance stream draws (Tj / TJ), lines kept apart."""
    pieces: list[str] = []
    for m in _SHOW.finditer(stream):
        if m.group(1):
            pieces.append(_pdf_string(m.group(1)))
        elif m.group(2) is not None:
            pieces.append("".join(_pdf_string(x.group(0)) for x in _STRING.finditer(m.group(2))))
        elif pieces and not pieces[-1].endswith("\n"):
            pieces.append("\n")
    text = re.sub(r"[ \t]+", " ", "".join(pieces)).strip()
    return text or None


def _pdf_string(token: str) -> str:
    if token.startswith("<"):
        digits = re.sub(r"\s", "", token[1:-1])
        try:
            return bytes.fromhex(digits + "0" * (len(digits) % 2)).decode("latin-1")
        except ValueError:
            return ""
    body, out, i = token[1:-1], [], 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            octal = re.match(r"[0-7]{1,3}", body[i + 1:i + 4])
            if octal:
                out.append(chr(int(octal.group(0), 8)))
                i += 1 + len(octal.group(0))
                continue
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _label(rect: BBox, runs: list[_Run], *, box: bool) -> str | None:
    """Printed text next to a widget: right of a box (else left); left of a text field (else above)."""
    x0, top, x1, bottom = rect
    middle = (top + bottom) / 2
    if bottom - top > 20:  # a multi-line field: its label sits level with its first line
        middle = top + 8
    same_line = [r for r in runs if r.top - 3 <= middle <= r.bottom + 3 and r.text not in (CHECKED, UNCHECKED)]
    right = sorted((r for r in same_line if r.x0 >= x1 - 2 and r.x0 - x1 < 80), key=lambda r: r.x0)
    left = sorted((r for r in same_line if r.x1 <= x0 + 2 and x0 - r.x1 < 250), key=lambda r: -r.x1)
    if box and right:
        return right[0].text
    if left:
        return left[0].text
    above = sorted((r for r in runs if r.bottom <= top + 2 and top - r.bottom < 22 and r.x1 > x0 - 10
                    and r.x0 < x1), key=lambda r: -r.bottom)
    if above:
        return above[0].text
    return right[0].text if right else None
