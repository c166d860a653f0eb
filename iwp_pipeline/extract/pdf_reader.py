"""PDF -> Layout: page text with positions (pypdfium2), form fields (pypdf), checkboxes.

pypdfium2 gives the text as positioned runs about a hundred times faster than pdfminer, so it
reads every page. pypdf reads the AcroForm: field values, checkbox states, radio groups,
tooltips, and the text drawn in a widget's appearance when a field has no value. Checkbox
glyphs and small drawn boxes (with or without a drawn mark) become ``[x]`` / ``[ ]``.
"""

from __future__ import annotations

import ctypes
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject, NameObject

from iwp_pipeline.errors import CorruptDocument, EncryptedDocument, NoTextLayer, TooLarge
from iwp_pipeline.extract.layout import CHECKED, UNCHECKED, BBox, FieldOption, FormField, Layout, Line, Segment

logging.getLogger("pypdf").setLevel(logging.ERROR)

SEGMENT_GAP = 9.0
"""A horizontal gap wider than this (points) separates two segments of a line."""

_GLYPHS = {"☒": CHECKED, "☑": CHECKED, "✔": CHECKED, "✓": CHECKED, "✗": CHECKED, "✘": CHECKED, "■": CHECKED,
           "☐": UNCHECKED, "□": UNCHECKED, "❑": UNCHECKED, "❒": UNCHECKED}
_DINGBATS = {"4": CHECKED, "3": CHECKED, "8": CHECKED, "7": CHECKED, "n": CHECKED, "l": CHECKED, "u": CHECKED,
             "o": UNCHECKED, "q": UNCHECKED, "p": UNCHECKED}
_WINGDINGS = {"\uf0fe": CHECKED, "\uf0fd": CHECKED, "\uf0fc": CHECKED, "\uf078": CHECKED, "þ": CHECKED,
              "ý": CHECKED, "ü": CHECKED, "\uf0a8": UNCHECKED, "\uf06f": UNCHECKED, "¨": UNCHECKED, "o": UNCHECKED}
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
        runs_by_page: list[list[_Run]] = []
        images = 0
        heights: list[float] = []
        for index in range(pages):
            page = pdf[index]
            heights.append(page.get_height())
            try:
                runs, page_images = _page_runs(page)
            finally:
                page.close()
            images += page_images
            runs_by_page.append(runs)
            lines.extend(_lines(runs, index + 1))
    finally:
        pdf.close()
    lines = _without_furniture(lines, heights)
    fields = _form_fields(data, runs_by_page)
    if not lines and not fields:
        raise NoTextLayer("the PDF has no text layer (a scan or page images); it needs OCR first"
                          if images else "the PDF has no text")
    kind = "pdf-form" if fields else "pdf-text"
    return Layout(kind=kind, pages=pages, lines=tuple(lines), fields=tuple(fields))


# --- text --------------------------------------------------------------------------------------


def _page_runs(page: pdfium.PdfPage) -> tuple[list[_Run], int]:
    """Text runs with positions (top-left origin), and how many image objects the page has."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    runs: list[_Run] = []
    try:
        if textpage.count_chars() > 0:
            for i in range(textpage.count_rects()):
                left, bottom, right, top = textpage.get_rect(i)
                text = textpage.get_text_bounded(left, bottom, right, top)
                text = text.replace("\r", " ").replace("\n", " ").strip()
                if not text:
                    continue
                run = _Run(text, left, height - top, right, height - bottom)
                _font(textpage, run, left, bottom, right, top)
                runs.append(run)
        boxes, images = _drawn_boxes(page, height)
    finally:
        textpage.close()
    return _apply_boxes(runs, boxes), images


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
        segs = tuple(Segment(_normalise(_join(s)), s[0].x0, s[-1].x1) for s in segments)
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


def _normalise(text: str) -> str:
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


def _drawn_boxes(page: pdfium.PdfPage, height: float) -> tuple[list[_Box], int]:
    """Small square paths (checkboxes) and whether a mark is drawn inside each."""
    squares: list[_Box] = []
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
    return squares, images


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


@dataclass
class _Widget:
    name: str
    field: DictionaryObject
    widget: DictionaryObject
    page: int
    rect: BBox


def _form_fields(data: bytes, runs_by_page: list[list[_Run]]) -> list[FormField]:
    """The AcroForm's terminal fields with values, states, tooltips and printed labels."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedDocument("the PDF is encrypted and needs a password")
        root = reader.trailer["/Root"]
        if "/AcroForm" not in root:
            return []
        widgets = list(_widgets(reader))
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise CorruptDocument("the PDF's form cannot be read") from exc
    grouped: dict[str, list[_Widget]] = {}
    for w in widgets:
        grouped.setdefault(w.name, []).append(w)
    return [_field(name, ws, runs_by_page) for name, ws in grouped.items()]


def _widgets(reader: PdfReader) -> Iterable[_Widget]:
    for page_index, page in enumerate(reader.pages):
        annots = page.get("/Annots")
        if isinstance(annots, IndirectObject):
            annots = annots.get_object()
        if not isinstance(annots, ArrayObject):
            continue
        box = page.mediabox
        height, x_off, y_off = float(box.height), float(box.left), float(box.bottom)
        for ref in annots:
            annot = ref.get_object()
            if not isinstance(annot, DictionaryObject) or annot.get("/Subtype") != "/Widget":
                continue
            field = annot if "/T" in annot else annot.get("/Parent", annot)
            field = field.get_object() if isinstance(field, IndirectObject) else field
            name = _qualified_name(field)
            if not name:
                continue
            try:
                x0, y0, x1, y1 = (float(v) for v in annot.get("/Rect", [0, 0, 0, 0]))
            except (TypeError, ValueError):
                continue
            x0, x1 = sorted((x0 - x_off, x1 - x_off))
            y0, y1 = sorted((y0 - y_off, y1 - y_off))
            yield _Widget(name, field, annot, page_index + 1, (x0, height - y1, x1, height - y0))


def _qualified_name(field: DictionaryObject) -> str:
    parts, node, seen = [], field, set()
    while isinstance(node, DictionaryObject) and id(node) not in seen and len(parts) < 32:
        seen.add(id(node))
        if "/T" in node:
            parts.append(str(node["/T"]))
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return ".".join(reversed(parts))


def _inherited(field: DictionaryObject, key: str) -> object | None:
    node, depth = field, 0
    while isinstance(node, DictionaryObject) and depth < 32:
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
        depth += 1
    return None


def _field(name: str, widgets: list[_Widget], runs_by_page: list[list[_Run]]) -> FormField:
    field = widgets[0].field
    ft = str(_inherited(field, "/FT") or "")
    flags = int(_inherited(field, "/Ff") or 0)
    value = _inherited(field, "/V")
    tooltip = str(field["/TU"]) if "/TU" in field else None
    first = widgets[0]
    runs = runs_by_page[first.page - 1] if first.page - 1 < len(runs_by_page) else []
    if ft == "/Btn" and not flags & (1 << 16):
        states = [_on_state(w.widget) for w in widgets]
        if flags & (1 << 15) or len(widgets) > 1:
            options = tuple(
                FieldOption(name=s or "", label=_label(w.rect, runs_by_page[w.page - 1], box=True),
                            selected=_is_on(value, w.widget, s))
                for w, s in zip(widgets, states, strict=True))
            chosen = next((o.name for o in options if o.selected), None)
            return FormField(name, "radio", value=chosen, tooltip=tooltip, label=_label(first.rect, runs, box=False),
                             page=first.page, rect=first.rect, options=options)
        return FormField(name, "checkbox", checked=_is_on(value, first.widget, states[0]), tooltip=tooltip,
                         label=_label(first.rect, runs, box=True), page=first.page, rect=first.rect)
    if ft == "/Btn":
        return FormField(name, "button", tooltip=tooltip, page=first.page, rect=first.rect)
    text = _text_value(value)
    from_appearance = False
    if text is None:
        text = _appearance_text(first.widget)
        from_appearance = text is not None
    kind = {"/Tx": "text", "/Ch": "choice", "/Sig": "signature"}.get(ft, "text")
    return FormField(name, kind, value=text, tooltip=tooltip, label=_label(first.rect, runs, box=False),  # type: ignore[arg-type]
                     page=first.page, rect=first.rect, from_appearance=from_appearance)


def _on_state(widget: DictionaryObject) -> str | None:
    try:
        normal = widget["/AP"].get_object()["/N"].get_object()
        names = [str(k) for k in normal.keys() if str(k) != "/Off"]
    except (KeyError, AttributeError, TypeError):
        return None
    return names[0].lstrip("/") if names else None


def _is_on(value: object, widget: DictionaryObject, on_state: str | None) -> bool:
    state = widget.get("/AS")
    if state is not None:
        return str(state) not in ("/Off", "Off", "")
    if value is None or str(value) in ("/Off", "Off", ""):
        return False
    return on_state is None or str(value).lstrip("/") == on_state


def _text_value(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, ArrayObject):
        value = ", ".join(str(v) for v in value)
    text = str(value)
    if isinstance(value, NameObject):
        text = text.lstrip("/")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def _appearance_text(widget: DictionaryObject) -> str | None:
    """Text drawn by the widget's normal appearance stream (a value without /V)."""
    try:
        normal = widget["/AP"].get_object()["/N"].get_object()
        stream = ContentStream(normal, None)
        pieces: list[str] = []
        for operands, operator in stream.operations:
            if operator in (b"Tj", b"'", b'"') and operands:
                pieces.append(str(operands[-1]))
            elif operator == b"TJ" and operands:
                pieces.append("".join(str(o) for o in operands[0] if isinstance(o, str | bytes)))
            elif operator in (b"Td", b"TD", b"T*", b"Tm") and pieces and not pieces[-1].endswith("\n"):
                pieces.append("\n")
    except (KeyError, AttributeError, TypeError, ValueError, PdfReadError):
        return None
    text = "".join(pieces).strip()
    return re.sub(r"[ \t]+", " ", text) or None


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
