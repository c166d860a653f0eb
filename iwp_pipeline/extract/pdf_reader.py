"""PDF -> Layout: page text with positions, form fields and checkboxes, all through pdfium.

pypdfium2 gives the text as positioned runs about a hundred times faster than pdfminer, so it
reads every page; its form API gives field values, checkbox states (any on-state name), radio
groups and tooltips, and the appearance stream of a field that has no value, whose drawn text
is then read. Checkbox glyphs and small drawn boxes (with or without a drawn mark) become
``[x]`` / ``[ ]``.
"""

from __future__ import annotations

import bisect
import ctypes
import logging
import re
import warnings
from dataclasses import dataclass, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from iwp_pipeline.errors import CorruptDocument, EncryptedDocument, NoTextLayer, TooLarge
from iwp_pipeline.extract.layout import (
    BOX_GLYPHS,
    CHECKED,
    EMPTY_BRACKETS,
    MARKED_BRACKETS,
    UNCHECKED,
    BBox,
    FieldOption,
    FormField,
    Layout,
    Line,
    Rule,
    Segment,
    radio_dots,
)

SEGMENT_GAP = 9.0
"""A horizontal gap wider than this (points) separates two segments of a line."""

_GLYPHS = {**BOX_GLYPHS, "❑": UNCHECKED, "❒": UNCHECKED}
_DINGBATS = {"4": CHECKED, "3": CHECKED, "8": CHECKED, "7": CHECKED, "n": CHECKED, "l": CHECKED, "u": CHECKED,
             "o": UNCHECKED, "q": UNCHECKED, "p": UNCHECKED}
_WINGDINGS = {"\uf0fe": CHECKED, "\uf0fd": CHECKED, "\uf0fc": CHECKED, "\uf078": CHECKED, "þ": CHECKED,
              "ý": CHECKED, "ü": CHECKED, "\uf0a8": UNCHECKED, "\uf06f": UNCHECKED, "¨": UNCHECKED, "o": UNCHECKED}
logging.getLogger("pypdfium2").setLevel(logging.ERROR)  # its XFA notice is not for our users
warnings.filterwarnings("ignore", category=pdfium.PdfiumWarning)



@dataclass
class _Run:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0
    bold: bool = False
    italic: bool = False
    underlined: bool = False


def read_pdf(data: bytes, *, max_pages: int = 2000) -> Layout:
    """Read a PDF into a Layout (kind ``pdf-form`` or ``pdf-text``)."""
    try:
        pdf = pdfium.PdfDocument(data)
        pdf.init_forms()
    except pdfium.PdfiumError as exc:
        # pdfium's last error is not reset between documents: a damaged file read after an
        # encrypted one may still report "password"; only a file with an /Encrypt entry is encrypted.
        if "password" in str(exc).lower() and b"/Encrypt" in data:
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
            width = page.get_width()
            try:
                runs, page_rules, page_images = _page_runs(page, index + 1)
                if form is not None:
                    widgets.extend(_page_widgets(form, page, index + 1))
            finally:
                page.close()
            images += page_images
            rules.extend(page_rules)
            runs_by_page.append(runs)
            halves = _two_up(runs, width, heights[-1])
            for half in halves:
                lines.extend(_lines_in_columns(half, index + 1))
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
        count = textpage.count_chars()
        if count > 0:
            rects = [textpage.get_rect(i) for i in range(textpage.count_rects())]
            texts = _rect_texts(textpage, rects, count)
            for (left, bottom, right, top), (text, first) in zip(rects, texts, strict=True):
                text = text.replace("\r", " ").replace("\n", " ").replace("\x02", "-").replace("\ufffe", "-").strip()
                if not text:
                    continue
                if first >= 0 and _LETTER_SPACED.fullmatch(text) and sum(c.isalpha() for c in text) >= 0.35 * len(text):
                    text = _spaced_letters(textpage, first, len(text))
                run = _Run(text, left, height - top, right, height - bottom)
                if runs:
                    _trim_overlap(runs[-1], run)
                if _font(textpage, run, first, left, bottom, right, top):
                    runs.extend(_monospace_columns(textpage, run, left, bottom, top))
                    continue
                runs.append(run)
        boxes, rules, images = _drawn_boxes(page, height, number)
    finally:
        textpage.close()
    _mark_underlines(runs, rules)
    return _apply_boxes(runs, boxes), rules, images


_LETTER_SPACED = re.compile(r"(?:[^\s] ){4,}[^\s]")
"""A run of single characters set apart: a title in letter-spaced capitals ('T H E   P R O G R A M')."""


def _spaced_letters(textpage: pdfium.PdfTextPage, first: int, length: int) -> str:
    """A letter-spaced title's words: its letters closed up, its words apart where the gap is wider.

    pdfium gives one space between every two letters, so the gaps between the letters' boxes
    say where a word ends: wider than one and a half times the usual gap.
    """
    boxes = [(textpage.get_text_range(i, 1), textpage.get_charbox(i)) for i in range(first, first + length)]
    return _spaced_out([(c, box[0], box[2]) for c, box in boxes if c.strip()])


def _spaced_out(letters: list[tuple[str, float, float]]) -> str:
    """Letters set one by one, (letter, left, right) in order: closed up, words apart where the gap is wider.

    A word ends where the gap is wider than one and a half times the usual (median) gap.
    """
    gaps = [b[1] - a[2] for a, b in zip(letters, letters[1:], strict=False)]
    if not gaps:
        return "".join(c for c, _, _ in letters)
    usual = sorted(gaps)[len(gaps) // 2]
    return letters[0][0] + "".join((" " if gap > 1.5 * usual + 0.5 else "") + c
                                   for gap, (c, _, _) in zip(gaps, letters[1:], strict=True))


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


def _rect_texts(textpage: pdfium.PdfTextPage, rects: list[tuple[float, float, float, float]],
                count: int) -> list[tuple[str, int]]:
    """The text of each of a page's text rectangles, with the index of its first character (-1: unknown).

    pdfium lays the rectangles out in character order, so a rectangle's text runs from its first
    character to the next rectangle's first: one read of the page's text and one position lookup
    per rectangle, instead of a bounded read that scans the whole page for each. A rectangle whose
    first character cannot be found inside it (a wide glyph overlapping it), or whose range is
    not before the next one, is read by its bounds as before.
    """
    full = textpage.get_text_range(0, count)
    if len(full) != count:  # pdfium left characters out of, or put some into, the text: indices do not line up
        return [(textpage.get_text_bounded(*rect), -1) for rect in rects]
    starts = [_first_index(textpage, rect) for rect in rects]
    out = []
    for k, rect in enumerate(rects):
        start, end = starts[k], starts[k + 1] if k + 1 < len(starts) else count
        out.append((full[start:end], start) if 0 <= start < end else (textpage.get_text_bounded(*rect), start))
    return out


def _first_index(textpage: pdfium.PdfTextPage, rect: tuple[float, float, float, float]) -> int:
    """The index of the character at a rectangle's left edge when that character lies inside it, else -1."""
    left, bottom, right, top = rect
    index = textpage.get_index(left + 0.5, (bottom + top) / 2, 1, 1)
    if index is None or index < 0:
        return -1
    x0, y0, x1, y1 = textpage.get_charbox(index)
    inside = left - 0.5 <= (x0 + x1) / 2 <= right + 0.5 and bottom - 0.5 <= (y0 + y1) / 2 <= top + 0.5
    return index if inside else -1


def _font(textpage: pdfium.PdfTextPage, run: _Run, first: int, left: float, bottom: float, right: float,
          top: float) -> bool:
    """Size, weight and symbol-font mapping of a run, from its first character; True for a monospaced font."""
    index = first if first >= 0 else textpage.get_index((left + min(right, left + 3)) / 2, (bottom + top) / 2, 2, 2)
    if index is None or index < 0:
        return False
    run.size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
    weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
    flags = ctypes.c_int(0)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, _FONT_NAME, len(_FONT_NAME), ctypes.byref(flags))
    name = _FONT_NAME.value.decode("latin-1", "replace").lower()
    run.bold = weight >= 600 or "bold" in name or "black" in name or "heavy" in name
    run.italic = bool(flags.value & _ITALIC_FLAG) or "italic" in name or "oblique" in name
    if "dingbat" in name:
        run.text = "".join(_DINGBATS.get(c, c) for c in run.text)
    elif "wingding" in name:
        run.text = "".join(_WINGDINGS.get(c, c) for c in run.text)
    return "courier" in name or "mono" in name


_ITALIC_FLAG = 0x40
"""The italic bit of a PDF font descriptor's flags."""
_FONT_NAME = ctypes.create_string_buffer(128)
"""The buffer a font's name is read into (one for all runs: the reader is single-threaded per process)."""

COLUMN_SPACES = 2.5
"""Character widths of blank between two columns of a monospaced print (one blank is a space)."""


def _monospace_columns(textpage: pdfium.PdfTextPage, run: _Run, left: float, bottom: float,
                       top: float) -> list[_Run]:
    """A monospaced print's line cut where its columns are ('SERVICE RECIPIENT         Kevin T. Brandt').

    Such a print sets label and value apart with runs of blanks that the text layer gives as one
    space; the characters' boxes still show the gap.
    """
    start = textpage.get_index(left + 1, (bottom + top) / 2, 2, 2)
    if start is None or start < 0:
        return [run]
    chars: list[tuple[str, float, float]] = []
    for i in range(start, min(start + len(run.text) + 40, textpage.count_chars())):
        char = textpage.get_text_range(i, 1)
        if char in ("\r", "\n"):
            break
        x0, _, x1, _ = textpage.get_charbox(i)
        if x0 > run.x1 + 1:
            break
        if not char.isspace():
            chars.append((char, x0, x1))
    if len(chars) < 2:
        return [run]
    steps = sorted(b[1] - a[1] for a, b in zip(chars, chars[1:], strict=False))
    pitch = steps[len(steps) // 4] or 1.0  # the advance of one character (most steps are one)
    pieces: list[list[tuple[str, float, float]]] = [[chars[0]]]
    for prev, char in zip(chars, chars[1:], strict=False):
        gap = char[1] - prev[1]
        if gap > COLUMN_SPACES * pitch and gap > 0:
            pieces.append([char])
        elif gap > 1.5 * pitch:
            pieces[-1].append((" ", prev[2], prev[2]))
            pieces[-1].append(char)
        else:
            pieces[-1].append(char)
    if len(pieces) == 1:
        return [run]
    return [_Run("".join(c for c, _, _ in piece), piece[0][1], run.top, piece[-1][2], run.bottom, run.size, run.bold)
            for piece in pieces]


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
                             max(r.size for r in s) or None, all(r.bold for r in s), all(r.italic for r in s))
                     for s in segments)
        segs = _dates_in_boxes(segs)
        text = " ".join(s.text for s in segs)
        bbox = (group[0].x0, min(r.top for r in group), max(r.x1 for r in group), max(r.bottom for r in group))
        lines.append(Line(text, page=page, bbox=bbox, segments=segs, bold=all(r.bold for r in group),
                          size=max(r.size for r in group) or None, blanks=_underlined_spans(text, group)))
    lines.sort(key=lambda line: (line.bbox[1] if line.bbox else 0))
    return lines


COLUMN_GUTTER = 8.0
"""Fewest points of blank between two columns of text read one after the other."""
COLUMN_PITCH = 1.0
"""Points by which two columns' line spacings must differ for them to be independent columns, not a table's."""
COLUMN_MIN_LINES = 5
"""Fewest lines on each side, and of lines off each other's baselines, before two columns are read one by one."""


TWO_UP_GUTTER = 12.0
"""Fewest points of blank down the middle of a landscape sheet that holds two pages side by side."""


def _two_up(runs: list[_Run], width: float, height: float) -> list[list[_Run]]:
    """A landscape sheet printed two pages to a sheet, as its left page and then its right one.

    Runs on both halves, none crossing a blank band at least ``TWO_UP_GUTTER`` wide near the middle
    of the sheet, from its top to its bottom (running headers and footers aside). Otherwise the page
    as it is.
    """
    if width <= height or len(runs) < 2 * COLUMN_MIN_LINES:
        return [runs]
    middle = width / 2
    body = [r for r in runs if r.top >= height * MARGIN and r.bottom <= height * (1 - MARGIN)]
    edges = sorted({round(r.x1) for r in body if abs(r.x1 - middle) < width * 0.15})
    for edge in edges:
        left = [r for r in body if r.x1 <= edge]
        right = [r for r in body if r.x0 >= edge + TWO_UP_GUTTER]
        if len(left) + len(right) == len(body) and len(left) >= COLUMN_MIN_LINES \
                and len(right) >= COLUMN_MIN_LINES:
            margins = [r for r in runs if r not in body]  # a running header or footer: with the page it starts on
            return [left + [r for r in margins if r.x0 < edge], right + [r for r in margins if r.x0 >= edge]]
    return [runs]


def _lines_in_columns(runs: list[_Run], page: int) -> list[Line]:
    """A page's lines, a band of two independent columns read column by column.

    Two columns whose lines do not share baselines (a shaded sidebar of particulars in small type
    beside the report's text) come out of ``_lines`` interleaved: one line from each side in turn,
    or a sidebar's line and a text line joined as one (off its baseline).
    When ``COLUMN_MIN_LINES`` lines do that across the same blank gutter, the band where no text
    crosses the gutter is read as its left column, then its right one. A table's columns share
    their rows: when most lines of one side line up with the other's, or both sides have the same
    line spacing, they stay as they are.
    """
    lines = _lines(runs, page)
    evidence = _off_baseline(lines)
    if len(evidence) < COLUMN_MIN_LINES:
        return lines
    # The gutter: the x inside most gaps; the pairs whose gap holds it say where it is open and how far down.
    points = sorted({x for (a, b), _ in evidence for x in (a, b)})
    best = max(points, key=lambda x: sum(1 for (a, b), _ in evidence if a <= x <= b))
    kept = [(a, b, top, bottom) for (a, b), (top, bottom) in evidence if a <= best <= b]
    if len(kept) < COLUMN_MIN_LINES:
        return lines
    left_edge, right_edge = max(k[0] for k in kept), min(k[1] for k in kept)
    if right_edge - left_edge < COLUMN_GUTTER:
        return lines
    ordered = sorted(runs, key=lambda r: r.top)
    first = min(k[2] for k in kept)
    last = max(k[3] for k in kept)
    start = next(i for i, r in enumerate(ordered) if r.bottom >= first)
    end = max(i for i, r in enumerate(ordered) if r.top <= last) + 1
    if any(r.x0 < right_edge and r.x1 > left_edge for r in ordered[start:end]):
        return lines
    while start > 0 and not (ordered[start - 1].x0 < right_edge and ordered[start - 1].x1 > left_edge):
        start -= 1
    while end < len(ordered) and not (ordered[end].x0 < right_edge and ordered[end].x1 > left_edge):
        end += 1
    band = ordered[start:end]
    left_lines = _lines([r for r in band if r.x1 <= left_edge], page)
    right_lines = _lines([r for r in band if r.x0 >= right_edge], page)
    if len(left_lines) < COLUMN_MIN_LINES or len(right_lines) < COLUMN_MIN_LINES:
        return lines
    tops = [line.bbox[1] for line in right_lines if line.bbox]
    aligned = sum(1 for line in left_lines if line.bbox and any(abs(line.bbox[1] - t) <= 1.0 for t in tops))
    if 2 * aligned > min(len(left_lines), len(right_lines)) \
            or abs(_line_pitch(left_lines) - _line_pitch(right_lines)) < COLUMN_PITCH:
        return lines  # rows of a table: its two sides share their lines, or at least their spacing
    return _lines(ordered[:start], page) + left_lines + right_lines + _lines(ordered[end:], page)


def _line_pitch(lines: list[Line]) -> float:
    """The usual distance from one line's top to the next one's (the median), 0 for fewer than two lines."""
    steps = sorted(b.bbox[1] - a.bbox[1] for a, b in zip(lines, lines[1:], strict=False)
                   if a.bbox and b.bbox and b.bbox[1] > a.bbox[1])
    return steps[len(steps) // 2] if steps else 0.0


def _off_baseline(lines: list[Line]) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Text side by side off a shared baseline: each gap (left's right edge, right's left edge) and its rows.

    Two segments of one line whose tops and bottoms differ (a small-type sidebar line caught beside
    a text line), or two consecutive lines that do not overlap across (one line from each column).
    """
    out = []
    for line in lines:
        for a, b in zip(line.segments, line.segments[1:], strict=False):
            if None in (a.x1, b.x0, a.top, b.top, a.bottom, b.bottom):
                continue
            if b.x0 - a.x1 >= COLUMN_GUTTER and abs(a.top - b.top) > 1.5 and abs(a.bottom - b.bottom) > 1.5:
                out.append(((a.x1, b.x0), (min(a.top, b.top), max(a.bottom, b.bottom))))
    for one, two in zip(lines, lines[1:], strict=False):
        if one.bbox is None or two.bbox is None or len(one.segments) > 1 or len(two.segments) > 1:
            continue
        a, b = (one.bbox, two.bbox) if one.bbox[0] < two.bbox[0] else (two.bbox, one.bbox)
        if a[2] + COLUMN_GUTTER <= b[0]:
            out.append(((a[2], b[0]), (min(a[1], b[1]), max(a[3], b[3]))))
    return out


def _underlined_spans(text: str, runs: list[_Run]) -> tuple[tuple[int, int], ...]:
    """Where the line's underlined runs stand in its text (a blank's value, as ``Line.blanks``)."""
    if not any(run.underlined for run in runs):
        return ()
    spans: list[tuple[int, int]] = []
    at = 0
    for run in runs:
        piece = _normalise(run.text).strip()
        found = text.find(piece, at) if piece else -1
        if found < 0:
            continue
        at = found + len(piece)
        if run.underlined:
            if spans and not text[spans[-1][1]:found].strip():
                spans[-1] = (spans[-1][0], at)  # one blank drawn as two runs
            else:
                spans.append((found, at))
    return tuple(spans)


_DATE_PIECE = re.compile(r"^[\d\s/.\-]+$")
_BOXED_DATE = re.compile(r"^\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{2}|\d{4})$")
DATE_BOX_GAP = 60.0
"""Most points between two boxes of a date written in a row of boxes (MM / DD / YYYY)."""


def _dates_in_boxes(segs: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """A date written in three boxes on a line ('03', '/ 04', '/ 2025') as one segment '03/04/2025'."""
    if len(segs) < 2 or sum(1 for seg in segs if _DATE_PIECE.match(seg.text)) < 2:
        return segs
    out: list[Segment] = []
    i = 0
    while i < len(segs):
        for width in (5, 4, 3, 2):
            window = segs[i:i + width]
            if len(window) < width or not all(_DATE_PIECE.match(w.text) for w in window):
                continue
            joined = "".join(w.text for w in window).replace(" ", "")
            near = all((b.x0 or 0) - (a.x1 or 0) <= DATE_BOX_GAP for a, b in zip(window, window[1:], strict=False))
            if near and _BOXED_DATE.match(joined):
                out.append(replace(window[0], text=joined, x1=window[-1].x1,
                                   bottom=max(w.bottom or 0 for w in window) or None))
                i += width
                break
        else:
            out.append(segs[i])
            i += 1
    return tuple(out)


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
    if len(runs) >= 3 and all(len(r.text) == 1 and r.text.isalpha() for r in runs):
        return _spaced_out([(r.text, r.x0, r.x1) for r in runs])  # a title set letter by letter ('T H E   P R ...')
    out = runs[0].text
    for prev, run in zip(runs, runs[1:], strict=False):
        gap = run.x0 - prev.x1
        possessive = prev.text.endswith(("'", "’")) and re.match(r"[sS](?![A-Za-z])", run.text) is not None
        apart = gap > 1.0 and not ((_small_caps(prev, run) or possessive) and gap < SMALL_CAPS_GAP * (prev.size or 10))
        out += (" " if apart and not out.endswith(" ") else "") + run.text
    return out


SMALL_CAPS_GAP = 0.3
"""Most gap, in the capital's size, between a word's capital and the smaller capitals that follow it."""


def _small_caps(prev: _Run, run: _Run) -> bool:
    """``run`` carries on in smaller capitals the word whose capital ends ``prev`` ('M' + 'EMBER')."""
    return bool(prev.size and run.size and run.size < prev.size * 0.95 and re.search(r"(?:^|[\s(])[A-Z]$", prev.text)
                and re.match(r"[A-Z'’]", run.text))


_BOXY = frozenset(_GLYPHS) | frozenset("[(")
_MARK_IN_BOX = re.compile(r"\[ \]\s*[✕✖▸►▶](?=\s|$)")
"""An empty box with a cross or a pointer set on it as text of its own ('☐ ✕', '○ ▸'): a ticked box."""


def _normalise(text: str) -> str:
    if "( " in text or " )" in text:  # '( PRINTED )' as small capitals are set: '(PRINTED)'
        text = re.sub(r"(?<=[A-Za-z]{2})\s+\)", ")", re.sub(r"\(\s+(?=[A-Za-z]{2})", "(", text))
    if _BOXY.isdisjoint(text):
        return " ".join(text.split())
    text = MARKED_BRACKETS.sub(CHECKED, text)  # '[✓]' is one box, before its glyph becomes a box of its own
    text = "".join(_GLYPHS.get(c, c) for c in text)
    text = re.sub(r"[\[(]\s*(\[[x ]\])\s*[\])]", r"\1", text)  # '[☒]', '(■)': a glyph box in brackets
    text = MARKED_BRACKETS.sub(CHECKED, text)
    text = radio_dots(EMPTY_BRACKETS.sub(UNCHECKED, text))
    text = re.sub(r"(\[[x ]\])(?=\S)", r"\1 ", text)
    text = _MARK_IN_BOX.sub(CHECKED, text)  # '[ ] ✕ At the clinic', '[ ] ▸ In person': a mark set on the box
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


UNDERLINE_DROP = 4.0
"""Most points under a run's bottom that a rule underlining it is drawn."""
UNDERLINE_OVERHANG = 12.0
"""Most points by which a rule underlining a run reaches past either end of it (a table's rule spans its row)."""


def _mark_underlines(runs: list[_Run], rules: list[Rule]) -> None:
    """Runs with a rule drawn right under them (or through their descenders), about as wide as they are.

    Text written on a blank.
    """
    if not rules:
        return
    rules = sorted(rules, key=lambda r: r.y)
    heights = [r.y for r in rules]
    for run in runs:
        low, high = run.top + 0.6 * (run.bottom - run.top), run.bottom + UNDERLINE_DROP
        run.underlined = any(r.x0 <= run.x0 + 2 and r.x1 >= run.x1 - 2
                             and run.x0 - r.x0 <= UNDERLINE_OVERHANG and r.x1 - run.x1 <= UNDERLINE_OVERHANG
                             for r in rules[bisect.bisect_left(heights, low):bisect.bisect_right(heights, high)])


def _apply_boxes(runs: list[_Run], boxes: list[_Box]) -> list[_Run]:
    """Turn drawn boxes into checkbox runs; a glyph or X drawn in a box is that box's mark."""
    out = list(runs)
    for box in boxes:
        inside = [r for r in runs if r.x0 >= box.x0 - 1 and r.x1 <= box.x1 + 1 and r.top >= box.top - 2
                  and r.bottom <= box.bottom + 2]
        if inside:
            for r in inside:
                if r.text.strip() in ("X", "x", "✓", "✔", "[x]", "☒", "☑", "▪", "■", "●", "•", "◼"):
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
    multiline: bool = False
    choices: tuple[FieldOption, ...] = ()


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
                export=(_wide(pdfium_c.FPDFAnnot_GetFormFieldExportValue, form, annot)
                        if kind in ("checkbox", "radio") else ""),
                appearance=_wide(pdfium_c.FPDFAnnot_GetAP, annot, pdfium_c.FPDF_ANNOT_APPEARANCEMODE_NORMAL)
                if kind in ("text", "signature") and not value.strip() else "",
                page=number, rect=(x0, height - y1, x1, height - y0),
                multiline=kind == "text" and bool(pdfium_c.FPDFAnnot_GetFormFieldFlags(form, annot)
                                                  & pdfium_c.FPDF_FORMFLAG_TEXT_MULTILINE),
                choices=_choices(form, annot) if kind == "choice" else ()))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return widgets


def _choices(form: pdfium_c.FPDF_FORMHANDLE, annot: pdfium_c.FPDF_ANNOTATION) -> tuple[FieldOption, ...]:
    """The options of a combo box or list box, and which are selected."""
    out = []
    for i in range(max(0, pdfium_c.FPDFAnnot_GetOptionCount(form, annot))):
        label = _wide(pdfium_c.FPDFAnnot_GetOptionLabel, form, annot, i)
        selected = bool(pdfium_c.FPDFAnnot_IsOptionSelected(form, annot, i))
        out.append(FieldOption(name=label, label=label, selected=selected))
    return tuple(out)


def _wide(function: object, *args: object) -> str:
    """Call a pdfium getter that fills a UTF-16LE buffer (asking for its size first)."""
    global _WIDE_BUFFER
    size = function(*args, None, 0)  # type: ignore[operator]
    if size <= 2:
        return ""
    if size > len(_WIDE_BUFFER):
        _WIDE_BUFFER = ctypes.create_string_buffer(size)
    function(*args, ctypes.cast(_WIDE_BUFFER, ctypes.POINTER(ctypes.c_ushort)), size)  # type: ignore[operator]
    return _WIDE_BUFFER.raw[: size - 2].decode("utf-16-le", "replace")


_WIDE_BUFFER = ctypes.create_string_buffer(4096)
"""The buffer pdfium's UTF-16 getters fill (grown when a value is longer; the reader is single-threaded)."""


def _form_fields(widgets: list[_Widget], runs_by_page: list[list[_Run]]) -> list[FormField]:
    """Widgets merged into fields: values, states, radio options, tooltips, printed labels."""
    grouped: dict[str, list[_Widget]] = {}
    rects: dict[int, list[BBox]] = {}
    for w in widgets:
        grouped.setdefault(w.name, []).append(w)
        rects.setdefault(w.page, []).append(w.rect)
    pages = [_PageText(runs, rects.get(number, [])) for number, runs in enumerate(runs_by_page, 1)]
    return _headers_across_pages([_field(name, ws, pages) for name, ws in grouped.items()], pages)


def _headers_across_pages(fields: list[FormField], pages: list[_PageText]) -> list[FormField]:
    """Headers for a table of fields continued on the next page under no header row.

    Its columns take the headers they have on the page before (a checklist or a signature table
    that runs over a page break); a text field there takes the header as its label (the text
    left of it is its row's).
    """
    tops: dict[int, list[float]] = {}
    for f in fields:
        if f.rect is not None and f.page:
            tops.setdefault(f.page, []).append(f.rect[1])
    # Per page break: where the printed text of the page before ends and of the page after starts.
    # Text on both pages is a running header or footer; other text between the table's last row
    # and the next page's first (a heading, a paragraph) means a new part of the form.
    text_ends: dict[int, float] = {}
    text_starts: dict[int, float] = {}
    for number in range(2, len(pages) + 1):
        before, after = pages[number - 2].runs, pages[number - 1].runs
        running = {r.text for r in before} & {r.text for r in after}
        text_ends[number - 1] = max((r.top for r in before if r.text not in running), default=0.0)
        text_starts[number] = min((r.bottom for r in after if r.text not in running), default=float("inf"))
    done: list[FormField] = []
    for f in sorted(fields, key=lambda f: (f.page or 0, f.rect[1] if f.rect else 0)):
        if f.column_header is None and f.rect is not None and f.page and f.kind in ("checkbox", "text"):
            rect = f.rect
            over = _widget_over(rect, pages[f.page - 1])
            first_row = rect[1] <= min(tops[f.page]) + ROW_TOLERANCE and text_starts.get(f.page, 0.0) > rect[1] + 2
            same_column = [d for d in done if d.kind == f.kind and d.column_header and d.rect is not None
                           and min(d.rect[2], rect[2]) - max(d.rect[0], rect[0]) > 0.5 * (rect[2] - rect[0])
                           and ((d.page == f.page and d.rect == over)
                                or (d.page == f.page - 1 and first_row
                                    and d.rect[1] >= max(tops[d.page]) - ROW_TOLERANCE
                                    and text_ends[d.page] < d.rect[3] - 2))]
            if same_column:
                last = max(same_column, key=lambda d: (d.page or 0, d.rect[1] if d.rect else 0))
                if f.kind == "checkbox":
                    f = replace(f, column_header=last.column_header)
                else:
                    f = replace(f, label=last.column_header, column_header=last.column_header,
                                row_label=f.label or f.row_label)
        done.append(f)
    return _in_order(done, fields)


ROW_TOLERANCE = 4.0
"""Points within which widgets count as one row (first or last row of widgets on a page)."""


def _in_order(changed: list[FormField], original: list[FormField]) -> list[FormField]:
    """``changed`` (the same fields, some replaced) in the order of ``original``."""
    by_name = {f.name: f for f in changed}
    return [by_name[f.name] for f in original]


@dataclass
class _PageText:
    """What the printed label of a widget is looked for in: a page's text runs and its widgets."""

    runs: list[_Run]
    widgets: list[BBox]


MULTILINE_HEIGHT = 26.0
"""A text widget this tall (points) holds several lines even without the multiline flag."""


def _field(name: str, widgets: list[_Widget], pages: list[_PageText]) -> FormField:
    first = widgets[0]
    page = pages[first.page - 1]
    tooltip = first.tooltip or None
    if first.kind == "radio" or (first.kind == "checkbox" and len(widgets) > 1):
        options = tuple(FieldOption(name=w.export or "", label=_label(w.rect, pages[w.page - 1], box=True,
                                                                      option=True),
                                    selected=w.checked) for w in widgets)
        chosen = next((o.name for o in options if o.selected), None)
        return FormField(name, "radio", value=chosen, tooltip=tooltip, label=_group_label(widgets, page),
                         page=first.page, rect=first.rect, options=options)
    if first.kind == "checkbox":
        label = _label(first.rect, page, box=True)
        row = _row_label(first.rect, page)
        return FormField(name, "checkbox", checked=first.checked, tooltip=tooltip, label=label, page=first.page,
                         rect=first.rect, row_label=row if row != label else None,
                         column_header=_above(first.rect, page) or _column_header(first.rect, page))
    if first.kind == "button":
        return FormField(name, "button", tooltip=tooltip, page=first.page, rect=first.rect)
    text = first.value.replace("\r\n", "\n").replace("\r", "\n").strip() or None
    from_appearance = False
    if text is None and first.appearance:
        text = _appearance_text(first.appearance)
        from_appearance = text is not None
    x0, top, x1, bottom = first.rect
    if first.kind == "text" and x1 - x0 <= MARK_BOX and bottom - top <= MARK_BOX and (text or "") in _MARK_VALUES:
        # a text box one character wide to type an X in ('Type X in one box'): a checkbox
        label = _label(first.rect, page, box=True)
        return FormField(name, "checkbox", checked=bool(text), tooltip=tooltip, label=label, page=first.page,
                         rect=first.rect, column_header=_above(first.rect, page) or _column_header(first.rect, page))
    tall = first.rect[3] - first.rect[1] >= MULTILINE_HEIGHT
    header = _table_header(first.rect, page)  # a cell of a table of fields: its column says what it holds
    label = header or _label(first.rect, page, box=False)
    row = _row_label(first.rect, page)
    return FormField(name, first.kind, value=text, tooltip=tooltip,  # type: ignore[arg-type]
                     label=label, page=first.page, rect=first.rect, options=first.choices,
                     from_appearance=from_appearance, multiline=first.multiline or tall,
                     row_label=row if row != label else None, column_header=header)


MARK_BOX = 20.0
"""Largest width and height (points) of a text field that only takes a mark, as a checkbox does."""
_MARK_VALUES = {"", "X", "x", "✓", "✔", "*", "Y", "y"}
"""What such a field holds: a mark, or nothing."""


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


_ENUMERATOR = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.):]?$", re.I)
"""A row number printed left of a row of fields ('1.', '(b)'): not the label of the field beside it."""
LEFT_REACH = 250.0
"""How far (points) left of a text widget its printed label may stand."""
RIGHT_REACH = 80.0
"""How far right of a box its printed label may start."""
ABOVE_REACH = 22.0
"""How far over a widget its printed label may stand (a label above the field)."""


def _label(rect: BBox, page: _PageText, *, box: bool, option: bool = False) -> str | None:
    """Printed text next to a widget: right of a box (else left); left of a text field (else above).

    Text on the far side of another widget belongs to that widget. A widget with no label of its
    own that sits under other widgets (a row of a table of fields) takes the label over the top
    widget of its column: the column header. An ``option`` of a radio group is named by the text
    right of it or the header over its column ('Yes' / 'No'); text left of it names the group.
    """
    x0, top, x1, bottom = rect
    middle = (top + bottom) / 2
    if bottom - top > 20:  # a multi-line field: its label sits level with its first line
        middle = top + 8
    same_line = [r for r in page.runs if r.top - 3 <= middle <= r.bottom + 3 and r.text not in (CHECKED, UNCHECKED)]
    right = sorted((r for r in same_line if r.x0 >= x1 - 2 and r.x0 - x1 < RIGHT_REACH
                    and _clear(page, x1, r.x0, middle)), key=lambda r: r.x0)
    left = sorted((r for r in same_line if r.x1 <= x0 + 2 and x0 - r.x1 < LEFT_REACH
                   and _clear(page, r.x1, x0, middle) and not _ENUMERATOR.match(r.text)), key=lambda r: -r.x1)
    if box and right:
        return right[0].text
    if left and not option:
        return left[0].text
    vertical = _over_or_under(rect, page)
    if vertical is not None:
        return vertical
    if right:
        return right[0].text
    header = _column_header(rect, page)
    if header is None and left:
        return left[0].text
    return header


def _column_header(rect: BBox, page: _PageText) -> str | None:
    """The label over the top widget of the column of widgets ``rect`` is in (a table of fields)."""
    column = rect
    for _ in range(40):  # up the column of widgets to its header
        over = _widget_over(column, page)
        if over is None:
            break
        column = over
        header = _above(column, page)
        if header is not None:
            return header
    return None


def _widget_over(rect: BBox, page: _PageText) -> BBox | None:
    """The widget right over ``rect`` in the same column with no printed text in between, if any."""
    over = [w for w in page.widgets if w != rect and w[3] <= rect[1] + 2 and rect[1] - w[3] < ABOVE_REACH
            and min(w[2], rect[2]) - max(w[0], rect[0]) > 0.5 * min(w[2] - w[0], rect[2] - rect[0])]
    if not over:
        return None
    w = max(over, key=lambda w: w[3])
    between = any(r.top >= w[3] - 2 and r.bottom <= rect[1] + 2 and r.x0 < min(w[2], rect[2])
                  and r.x1 > max(w[0], rect[0]) for r in page.runs)
    return None if between else w


def _table_header(rect: BBox, page: _PageText) -> str | None:
    """The header of a table of fields over the column of ``rect``, when it is one.

    A table: the top widget of the column has text right over it, and a widget beside it in
    the same row has other text over it on the same line (a header row over two columns).
    """
    top = rect
    for _ in range(40):
        over = _widget_over(top, page)
        if over is None:
            break
        top = over
    header = _nearest_run(top, page, above=True)
    if header is None:
        return None
    middle = (top[1] + top[3]) / 2
    for w in page.widgets:
        if w == top or not (w[1] <= middle <= w[3]) or (w[0] < top[2] and w[2] > top[0]):
            continue
        other = _nearest_run(w, page, above=True)
        if other is not None and other[1] is not header[1] and abs(other[1].top - header[1].top) < 3:
            return header[1].text
    return None


def _above(rect: BBox, page: _PageText) -> str | None:
    """The printed text just over a widget, overlapping it horizontally, no widget in between."""
    run = _nearest_run(rect, page, above=True)
    return run[1].text if run is not None else None


def _over_or_under(rect: BBox, page: _PageText) -> str | None:
    """The label over a widget, or under it (a signature line with its caption below).

    The nearer of the two wins, and text nearer to another widget is that widget's label: in a
    column of label-over-field pairs the text under a field is the next field's label, under a
    column of signature lines the text over a line is the caption of the line before.
    """
    found = [c for c in (_nearest_run(rect, page, above=True), _nearest_run(rect, page, above=False))
             if c is not None and not _nearer_to_another(c[1], c[0], rect, page)]
    if not found:
        return None
    return min(found, key=lambda c: c[0])[1].text


BELOW_REACH = 12.0
"""How far under a widget its caption may stand (signature lines)."""


def _nearest_run(rect: BBox, page: _PageText, *, above: bool) -> tuple[float, _Run] | None:
    """The nearest text over (or under) a widget that overlaps it horizontally, and its distance.

    None when there is none, or another widget stands in between.
    """
    x0, top, x1, bottom = rect
    if above:
        near = [(top - r.bottom, r) for r in page.runs if r.bottom <= top + 2 and top - r.bottom < ABOVE_REACH
                and r.x1 > x0 - 10 and r.x0 < x1 and r.text not in (CHECKED, UNCHECKED)]
    else:
        near = [(r.top - bottom, r) for r in page.runs if r.top >= bottom - 2 and r.top - bottom < BELOW_REACH
                and r.x1 > x0 - 10 and r.x0 < x1 and r.text not in (CHECKED, UNCHECKED)]
    if not near:
        return None
    gap, run = min(near, key=lambda c: c[0])
    lo, hi = (run.bottom, top) if above else (bottom, run.top)
    if any(w != rect and w[1] >= lo - 1 and w[3] <= hi + 1 and w[0] < min(x1, run.x1) and w[2] > max(x0, run.x0)
           for w in page.widgets):
        return None
    return gap, run


def _nearer_to_another(run: _Run, gap: float, rect: BBox, page: _PageText) -> bool:
    """Another widget on the far side of ``run`` is nearer to it than ``rect`` is."""
    for w in page.widgets:
        if w == rect or not (w[0] < run.x1 and w[2] > run.x0 - 10):
            continue
        if w[1] >= run.bottom - 2 and w[1] - run.bottom < gap and w[1] > rect[3]:
            return True  # a widget under the text (and under ours)
        if w[3] <= run.top + 2 and run.top - w[3] < gap and w[3] < rect[1]:
            return True  # a widget over the text (and over ours)
    return False


def _row_label(rect: BBox, page: _PageText) -> str | None:
    """The printed text that starts a widget's line, whatever widgets stand in between."""
    x0, top, _, bottom = rect
    middle = (top + bottom) / 2
    left = [r for r in page.runs if r.top - 3 <= middle <= r.bottom + 3 and r.x1 <= x0 + 2
            and r.text not in (CHECKED, UNCHECKED) and not _ENUMERATOR.match(r.text)]
    return min(left, key=lambda r: r.x0).text if left else None


def _clear(page: _PageText, left: float, right: float, middle: float) -> bool:
    """No widget stands on the line between ``left`` and ``right`` (the text is not another's label)."""
    return not any(w[1] - 3 <= middle <= w[3] + 3 and w[0] >= left - 1 and w[2] <= right + 1
                   for w in page.widgets)


def _group_label(widgets: list[_Widget], page: _PageText) -> str | None:
    """The printed label of a radio group: left of its first button, else over the buttons."""
    first = min(widgets, key=lambda w: (w.rect[1], w.rect[0]))
    x0, top, _, bottom = first.rect
    middle = (top + bottom) / 2
    left = sorted((r for r in page.runs if r.top - 3 <= middle <= r.bottom + 3 and r.x1 <= x0 + 2
                   and x0 - r.x1 < LEFT_REACH and r.text not in (CHECKED, UNCHECKED)), key=lambda r: -r.x1)
    options = {_label(w.rect, page, box=True, option=True) for w in widgets}
    for r in left:
        if r.text in options:
            continue  # the text of an option printed left of its button, not the group's label
        return r.text if _clear(page, r.x1, x0, middle) else None
    return _above(first.rect, page)
