"""Word (DOCX) -> Layout, straight from the zip and its XML.

Body paragraphs and table cells become lines in document order; text boxes follow the
paragraph that anchors them; headers, footers, comments and deleted text are not content.
Checkboxes (characters, Wingdings symbols, content controls, legacy form fields) become the
``[x]`` / ``[ ]`` tokens. The XML is parsed without DTDs, entities or network access, and the
archive is checked against zip bombs before anything is unpacked.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from iwp_pipeline.errors import CorruptDocument, TooLarge, UnsupportedFormat
from iwp_pipeline.extract.layout import (
    BLANK_WORDS,
    BOX_GLYPHS,
    CHECKED,
    CROSSES,
    EMPTY_BRACKETS,
    MARKED_BRACKETS,
    TICKS,
    UNCHECKED,
    Layout,
    Line,
    radio_dots,
    ticks_and_crosses,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"

MAX_RATIO = 200
"""Largest uncompressed/compressed ratio accepted for one member (zip-bomb guard)."""

_CHECKED_CHARS = BOX_GLYPHS
_SYMBOL_BOXES = {"F0FE": CHECKED, "FE": CHECKED, "F0FD": CHECKED, "FD": CHECKED, "F0FC": CHECKED,
                 "FC": CHECKED, "F078": CHECKED, "F0A8": UNCHECKED, "A8": UNCHECKED, "F06F": UNCHECKED,
                 "6F": UNCHECKED, "F071": UNCHECKED, "F0A3": UNCHECKED, "F052": CHECKED, "F053": CHECKED,
                 "F054": CHECKED, "F050": CHECKED, "F051": CHECKED, "F0F0": UNCHECKED}


def read_docx(data: bytes, *, max_unpacked_bytes: int = 200_000_000) -> Layout:
    """Read a DOCX file's body into a Layout (kind ``docx``)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise CorruptDocument("not a readable Word file (broken zip archive)") from exc
    names = {i.filename: i for i in infos}
    if "word/document.xml" not in names:
        raise UnsupportedFormat("a zip archive that is not a Word document")
    total = sum(i.file_size for i in infos)
    if total > max_unpacked_bytes:
        raise TooLarge(f"the Word file unpacks to {total // 1_000_000} MB (limit {max_unpacked_bytes // 1_000_000} MB)")
    document = _read_member(archive, names["word/document.xml"], max_unpacked_bytes)
    styles = _styles(_read_member(archive, names["word/styles.xml"], max_unpacked_bytes)) \
        if "word/styles.xml" in names else {}
    pages = _pages(_read_member(archive, names["docProps/app.xml"], 1_000_000)) \
        if "docProps/app.xml" in names else None
    root = _parse(document)
    body = root.find(f"{_W}body")
    if body is None:
        raise CorruptDocument("the Word document has no body")
    walker = _Walker(styles, ticks_and_crosses("".join(g for g in TICKS | CROSSES if g.encode() in document)))
    walker.block(body)
    return Layout(kind="docx", pages=pages or walker.page_breaks + 1, lines=tuple(walker.lines))


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.compress_size and info.file_size / max(info.compress_size, 1) > MAX_RATIO and info.file_size > 1_000_000:
        raise TooLarge(f"{info.filename} is compressed {info.file_size // max(info.compress_size, 1)}:1 "
                       "(a zip bomb?)")
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise CorruptDocument(f"cannot unpack {info.filename} from the Word file") from exc
    if len(data) > limit:
        raise TooLarge(f"{info.filename} is larger than {limit // 1_000_000} MB")
    return data


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_comments=True, remove_pis=True)


def core_title(data: bytes) -> str | None:
    """The Title property of a Word file (``docProps/core.xml``), or None (also when unreadable)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = _parse(_read_member(archive, archive.getinfo("docProps/core.xml"), 1_000_000))
    except (KeyError, zipfile.BadZipFile, OSError, CorruptDocument, TooLarge):
        return None
    found = root.find("{http://purl.org/dc/elements/1.1/}title")
    return found.text if found is not None and found.text else None


def _parse(data: bytes) -> etree._Element:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:65536]:
        raise CorruptDocument("the Word file declares a DTD or entities, which Word never writes; refused")
    try:
        return etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise CorruptDocument("the Word file's XML is broken") from exc


@dataclass(frozen=True)
class _Style:
    name: str
    bold: bool


def _styles(data: bytes) -> dict[str, _Style]:
    root = _parse(data)
    styles: dict[str, _Style] = {}
    for style in root.iter(f"{_W}style"):
        sid = style.get(f"{_W}styleId")
        name_el = style.find(f"{_W}name")
        if sid is None:
            continue
        bold_el = style.find(f"{_W}rPr/{_W}b")
        bold = bold_el is not None and bold_el.get(f"{_W}val") not in ("0", "false")
        styles[sid] = _Style(name_el.get(f"{_W}val", sid) if name_el is not None else sid, bold)
    return styles


def _pages(data: bytes) -> int | None:
    m = re.search(rb"<Pages>(\d+)</Pages>", data)
    return int(m.group(1)) if m else None


@dataclass
class _Para:
    """Text collected from one paragraph."""

    parts: list[str] = field(default_factory=list)
    bold_runs: int = 0
    italic_runs: int = 0
    text_runs: int = 0
    size: float | None = None
    textboxes: list[etree._Element] = field(default_factory=list)
    field_mode: str = "normal"
    """normal | instr (inside a field code) | result (a field's shown result) | skip (a checkbox's result)."""
    struck: bool = False
    """Some of the paragraph's text is struck through (left out: 'delete as appropriate')."""
    blanks: tuple[tuple[int, int], ...] = ()
    """Underlined blanks filled in inside the paragraph's printed words (``Line.blanks``)."""
    ringed: list[int] = field(default_factory=list)
    """Where in ``parts`` runs drawn with a border start (a '(circle one)' answer ringed)."""


class _Walker:
    """Walks the body in order, producing Lines."""

    def __init__(self, styles: dict[str, _Style], glyphs: dict[str, str] = _CHECKED_CHARS) -> None:
        self.styles = styles
        self.glyphs = glyphs
        self.lines: list[Line] = []
        self.paragraphs = 0
        self.tables = 0
        self.page_breaks = 0

    def block(self, container: etree._Element, part: str = "body") -> None:
        for child in container:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "p":
                self.paragraph(child, part)
            elif tag == "tbl":
                self.table(child, part)
            elif tag == "sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.block(content, part)
            elif tag in ("customXml", "smartTag", "ins"):
                self.block(child, part)

    def paragraph(self, p: etree._Element, part: str) -> None:
        text, para = self.paragraph_text(p)
        style_id = p.find(f"{_W}pPr/{_W}pStyle")
        style = self.styles.get(style_id.get(f"{_W}val", "")) if style_id is not None else None
        # A caption in a text box anchored to the paragraph (a label set in the margin beside its value)
        # is read before the paragraph; other text boxes after it.
        captions = [box for box in para.textboxes if text.strip() and _margin_caption(box, self)]
        for box in captions:
            self.block(box, "textbox")
        if text.strip():
            bold = (para.text_runs > 0 and para.bold_runs == para.text_runs) or bool(style and style.bold)
            self.lines.append(Line(text, paragraph=self.paragraphs if part == "body" else None, part=part,
                                   style=style.name if style else None, bold=bold, size=para.size,
                                   blanks=para.blanks))
        if part == "body":
            self.paragraphs += 1
        for box in para.textboxes:
            if box not in captions:
                self.block(box, "textbox")

    def paragraph_text(self, p: etree._Element) -> tuple[str, _Para]:
        para = _Para()
        self._inline(p, para)
        _mark_ringed_option(para)
        text = _underlined_option("".join(para.parts))
        if para.struck:  # the separators left by options struck out ('held: ~~A~~ / B / ~~C~~')
            text = re.sub(r"(?:\s*/\s*){2,}", " / ", text)
            text = re.sub(r"(:\s*)/\s*|\s*/\s*$", r"\1", text)
        text = MARKED_BRACKETS.sub(CHECKED, text)
        text = radio_dots(EMPTY_BRACKETS.sub(UNCHECKED, text))
        # A tab keeps label and value apart ('Consumer name<tab>Kevin T. Brandt', a dot leader in
        # Word's tab stop): a wide gap, as a PDF line's; other runs of blanks are one space.
        text = re.sub(r"[ \u00a0]*\t[ \t\u00a0]*", "\x00", text)
        text = re.sub(r"[ \u00a0]+", " ", text).replace("\x00", "   ")
        text = "\n".join(line.strip() for line in text.split("\n"))
        text, para.blanks = _fill_in_blanks(text.strip())
        return text, para

    def _inline(self, el: etree._Element, para: _Para) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            qn = etree.QName(child)
            tag, ns = qn.localname, qn.namespace
            if ns == MC and tag == "AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                self._inline(choice if choice is not None else child, para)
                continue
            if ns != W:
                self._inline(child, para)
                continue
            if tag == "txbxContent":
                para.textboxes.append(child)
            elif tag in ("del", "moveFrom", "pPr", "rPr", "instrText", "delText", "footnoteReference",
                         "commentReference"):
                continue
            elif tag == "r":
                self._run(child, para)
            elif tag == "sdt":
                self._inline_sdt(child, para)
            elif tag == "fldSimple":
                self._inline(child, para)
            else:
                self._inline(child, para)

    def _run(self, r: etree._Element, para: _Para) -> None:
        rpr = r.find(f"{_W}rPr")
        bold = italic = False
        symbol_font = False
        if rpr is not None and _on(rpr, "strike", "dstrike"):
            para.struck = True
            return  # struck through: crossed out on the page, as deleted text is ('By video link')
        if rpr is not None:
            fonts = rpr.find(f"{_W}rFonts")
            symbol_font = fonts is not None and _SYMBOL_FONT.match(fonts.get(f"{_W}ascii") or "") is not None
            b = rpr.find(f"{_W}b")
            bold = b is not None and b.get(f"{_W}val") not in ("0", "false")
            italic = _on(rpr, "i")
            sz = rpr.find(f"{_W}sz")
            if sz is not None and (sz.get(f"{_W}val") or "").isdigit():
                size = int(sz.get(f"{_W}val") or 0) / 2
                para.size = max(para.size or 0, size)
        before = len(para.parts)
        underline = rpr.find(f"{_W}u") if rpr is not None else None
        underlined = underline is not None and underline.get(f"{_W}val") not in (None, "none", "0", "false")
        border = rpr.find(f"{_W}bdr") if rpr is not None else None
        if border is not None and border.get(f"{_W}val") not in (None, "none", "nil"):
            para.ringed.append(len(para.parts))  # where a run drawn in a frame (a ringed answer) starts
        if underlined:
            para.parts.append(_BLANK_OPEN)
        for child in r:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "fldChar":
                self._field_char(child, para)
            elif para.field_mode in ("instr", "skip"):
                continue
            elif tag == "t" and symbol_font:
                para.parts.append("".join(_symbol_box(c) for c in (child.text or "")))
            elif tag == "t":
                para.parts.append("".join(self.glyphs.get(c, c) for c in (child.text or "")))
            elif tag == "tab":
                para.parts.append(" \t ")
            elif tag in ("br", "cr"):
                if child.get(f"{_W}type") == "page":
                    self.page_breaks += 1
                else:
                    para.parts.append("\n")
            elif tag == "noBreakHyphen":
                para.parts.append("-")
            elif tag == "sym":
                code = (child.get(f"{_W}char") or "").upper()
                para.parts.append(" " + _SYMBOL_BOXES[code] + " " if code in _SYMBOL_BOXES else "")
            elif tag == "lastRenderedPageBreak":
                continue
            elif tag in ("drawing", "pict", "object", "AlternateContent"):
                for box in child.iter(f"{_W}txbxContent"):
                    para.textboxes.append(box)
                    break
        if underlined:
            para.parts.append(_BLANK_CLOSE)
        if len(para.parts) > before and "".join(para.parts[before:]).strip(f" {_BLANK_OPEN}{_BLANK_CLOSE}"):
            para.text_runs += 1
            para.bold_runs += bold
            para.italic_runs += italic

    def _field_char(self, fld: etree._Element, para: _Para) -> None:
        kind = fld.get(f"{_W}fldCharType")
        if kind == "begin":
            checkbox = fld.find(f"{_W}ffData/{_W}checkBox")
            if checkbox is not None:
                para.parts.append(" " + (CHECKED if _legacy_checked(checkbox) else UNCHECKED) + " ")
                para.field_mode = "skip"
            else:
                para.field_mode = "instr"
        elif kind == "separate":
            para.field_mode = "skip" if para.field_mode == "skip" else "result"
        elif kind == "end":
            para.field_mode = "normal"

    def _inline_sdt(self, sdt: etree._Element, para: _Para) -> None:
        props = sdt.find(f"{_W}sdtPr")
        content = sdt.find(f"{_W}sdtContent")
        if props is not None:
            box = props.find(f"{{{W14}}}checkbox")
            if box is not None:
                state = box.find(f"{{{W14}}}checked")
                on = state is not None and state.get(f"{{{W14}}}val") in ("1", "true")
                para.parts.append(" " + (CHECKED if on else UNCHECKED) + " ")
                return
            if props.find(f"{_W}showingPlcHdr") is not None:
                return
        if content is not None:
            self._inline(content, para)

    def table(self, tbl: etree._Element, part: str) -> None:
        index = self.tables
        self.tables += 1
        for r, tr in enumerate(tbl.findall(f"{_W}tr")):
            col = 0
            for tc in tr.findall(f"{_W}tc"):
                tcpr = tc.find(f"{_W}tcPr")
                span = 1
                merged = False
                if tcpr is not None:
                    gs = tcpr.find(f"{_W}gridSpan")
                    if gs is not None and (gs.get(f"{_W}val") or "").isdigit():
                        span = int(gs.get(f"{_W}val") or 1)
                    vm = tcpr.find(f"{_W}vMerge")
                    merged = vm is not None and vm.get(f"{_W}val") in (None, "continue")
                if merged:
                    pass
                elif tc.find(f"{_W}tbl") is not None:
                    self.frame_cell(tc, index, r, col, part)
                else:
                    text, bold, title = self.cell_text(tc)
                    if text.strip():
                        cell_paragraphs = tc.findall(f"{_W}p")  # each one's text, empty ones too, when several
                        paragraphs = tuple(self.paragraph_text(p)[0] for p in cell_paragraphs) \
                            if len(cell_paragraphs) > 1 else ()
                        self.lines.append(Line(text, table=index, row=r, cell=col, part=part, bold=bold,
                                               paragraphs=paragraphs, title_bold=title))
                col += span

    def frame_cell(self, tc: etree._Element, index: int, r: int, col: int, part: str) -> None:
        """A cell that holds a table of its own: a frame laid out with a table, not a cell of data.

        Its nested tables are read as tables, in their place; the paragraphs between them are the
        cell's text, one line per run of paragraphs ('Checkpoint 6 - Supports' in a left cell, the
        part's table in the right one).
        """
        pieces: list[etree._Element] = []

        def flush() -> None:
            if pieces:
                text, bold, _ = self.cell_text(pieces)
                if text.strip():
                    self.lines.append(Line(text, table=index, row=r, cell=col, part=part, bold=bold))
                pieces.clear()

        for child in tc:
            if isinstance(child.tag, str) and etree.QName(child).localname == "tbl":
                flush()
                self.table(child, part)
            elif isinstance(child.tag, str) and etree.QName(child).localname != "tcPr":
                pieces.append(child)
        flush()

    def cell_text(self, tc: etree._Element | list[etree._Element]) -> tuple[str, bool, bool]:
        """A cell's text (paragraphs on lines of their own), whether it is all bold, and whether only its first is.

        A first paragraph bold over plain ones is the cell's title ('About me' over 'My name: ...').
        """
        pieces, all_bold = [], True
        bolds: list[bool] = []
        last: _Para | None = None
        for child in tc:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "p":
                text, para = self.paragraph_text(child)
                if text and last is not None and _gloss(para, last):
                    continue  # 'Nombre completo' in small italics under 'Full name': a translation, not a value
                if text:
                    pieces.append(text)
                    bolds.append(para.text_runs > 0 and para.bold_runs == para.text_runs)
                    all_bold = all_bold and bolds[-1]
                    last = para
                for box in para.textboxes:
                    boxed = [self.paragraph_text(p)[0] for p in box.iter(f"{_W}p")]
                    pieces.extend(boxed)
                    bolds.extend(False for _ in boxed)
            elif tag == "tbl":
                for tr in child.findall(f"{_W}tr"):
                    cells = [self.cell_text(tc2)[0] for tc2 in tr.findall(f"{_W}tc")]
                    bolds.append(False)
                    pieces.append(" | ".join(c for c in cells if c))
            elif tag == "sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    for p in content.findall(f"{_W}p"):
                        pieces.append(self.paragraph_text(p)[0])
                        bolds.append(False)
        title = len(bolds) > 1 and bolds[0] and not any(bolds[1:])
        return "\n".join(p for p in pieces if p), bool(pieces) and all_bold, title


RINGED_WORDS = 6
"""Most words of an option printed among others and ringed as the answer ('IN PERSON AT THE CO-OP')."""


def _mark_ringed_option(para: _Para) -> None:
    """A '(circle one)' line whose answer is ringed (one run drawn with a border): the options as boxes.

    The options are the runs set in capitals, at most ``RINGED_WORDS`` words each; the ringed one
    is ticked, the others empty. A paragraph with more than one ringed run, or a ringed run that is
    no such option, is left as it is.
    """
    if len(para.ringed) != 1:
        return
    def option(piece: str) -> bool:
        letters = [c for c in piece if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters) and len(piece.split()) <= RINGED_WORDS
    ringed = para.ringed[0]
    if ringed >= len(para.parts) or not option(para.parts[ringed]):
        return
    for k, piece in enumerate(para.parts):
        if option(piece) and k >= min(i for i, p in enumerate(para.parts) if option(p)):
            para.parts[k] = f" {CHECKED if k == ringed else UNCHECKED} {piece.strip()} "


MARGIN_CAPTION_WORDS = 12
"""Most words of a text box's single paragraph read as the caption of the paragraph it is anchored to."""


def _margin_caption(box: etree._Element, walker: _Walker) -> bool:
    """A text box holding one short paragraph with no amount or long number: a label set beside its value."""
    paragraphs = [p for p in box.iter(f"{_W}p")]
    if len(paragraphs) != 1:
        return False
    text = walker.paragraph_text(paragraphs[0])[0]
    return 0 < len(text.split()) <= MARGIN_CAPTION_WORDS and not re.search(r"\$|\d{3}", text)  # no amount or number


def _gloss(para: _Para, before: _Para) -> bool:
    """A cell's paragraph that glosses the one before it: all in italics, in smaller type, under a bold label."""
    return (para.text_runs > 0 and para.italic_runs == para.text_runs and before.bold_runs == before.text_runs > 0
            and para.size is not None and para.size < (before.size or GLOSS_SIZE))


GLOSS_SIZE = 9.5
"""Points below which an italic line under a label of the style's own size (none set) is small type."""


_SYMBOL_FONT = re.compile(r"^Wingdings", re.I)
"""A symbol font whose letters are drawn as boxes: 'þ' typed in Wingdings shows a ticked box."""


_BLANK_OPEN, _BLANK_CLOSE = "\x01", "\x02"
"""Where an underlined run starts and ends in a paragraph's text while it is read."""


def _underlined_option(text: str) -> str:
    """Options set apart by slashes, the chosen one alone underlined, as boxes ('[ ] By phone  [x] By video call').

    'In person (home visit or office) / By phone / By video call' with 'By video call' underlined:
    two to six options of at most eight words, no caption before them, exactly one of them
    underlined whole.
    """
    if _BLANK_OPEN not in text or " / " not in text or ":" in text:
        return text
    options = [o.strip() for o in re.split(r"\s+/\s+", text.strip())]
    plain = [o.replace(_BLANK_OPEN, "").replace(_BLANK_CLOSE, "").strip() for o in options]
    marked = [i for i, o in enumerate(options)
              if o.startswith(_BLANK_OPEN) and o.endswith(_BLANK_CLOSE) and o.count(_BLANK_OPEN) == 1]
    if not 2 <= len(options) <= 6 or len(marked) != 1 or any(not p or len(p.split()) > 8 for p in plain) \
            or sum(o.count(_BLANK_OPEN) for o in options) != 1:
        return text
    return "  ".join(f"{CHECKED if i == marked[0] else UNCHECKED} {p}" for i, p in enumerate(plain))


def _fill_in_blanks(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text without its underline marks, and where its filled-in blanks are.

    Underlined runs are blanks when printed words stand before the first one and each holds at
    most ``BLANK_WORDS`` words ('This plan is written for _Maria L. Gonzalez_ (the Artist).'). A
    blank of underscores only is an empty blank; blanks next to each other are one.
    """
    if _BLANK_OPEN not in text:
        return text, ()
    out: list[str] = []
    spans: list[list[int]] = []
    inside = False
    plain = text.replace(_BLANK_OPEN, "").replace(_BLANK_CLOSE, "")
    k = 0  # the index in ``plain`` of the next character that is not a mark
    for c in text:
        if c not in (_BLANK_OPEN, _BLANK_CLOSE):
            k += 1
            if c == " " and (k >= len(plain) or plain[k] in " ,.;:)" or (out and out[-1] in " (")):
                continue  # the blank's padding: 'for  Maria' / 'Services , Studio'
        if c == _BLANK_OPEN:
            if not inside:
                here = len(out)
                if spans and not "".join(out[spans[-1][1]:]).strip():
                    spans[-1][1] = here  # one blank drawn as two underlined runs
                else:
                    spans.append([here, here])
            inside = True
        elif c == _BLANK_CLOSE:
            if inside and spans:
                spans[-1][1] = len(out)
            inside = False
        else:
            out.append(c)
    clean = "".join(out)
    blanks = []
    for start, end in spans:
        value = clean[start:end]
        start += len(value) - len(value.lstrip())
        end -= len(value) - len(value.rstrip())
        if re.fullmatch(r"[_\s]*", clean[start:end]):
            start = end  # '________': nothing written in it
        blanks.append((start, max(start, end)))
    if not blanks or not re.search(r"[A-Za-z]", clean[:blanks[0][0]]) \
            or any(len(clean[a:b].split()) > BLANK_WORDS for a, b in blanks):
        return clean, ()
    return clean, tuple(blanks)


def _symbol_box(c: str) -> str:
    """A character typed in a symbol font: the box it shows, else the character."""
    box = _SYMBOL_BOXES.get(f"F0{ord(c):02X}")
    return f" {box} " if box else c


def _on(rpr: etree._Element, *names: str) -> bool:
    """Whether a run property (``w:strike``, ...) is set on: present, and not turned off by its value."""
    for name in names:
        el = rpr.find(f"{_W}{name}")
        if el is not None and el.get(f"{_W}val") not in ("0", "false", "off"):
            return True
    return False


def _legacy_checked(checkbox: etree._Element) -> bool:
    checked = checkbox.find(f"{_W}checked")
    if checked is not None:
        return checked.get(f"{_W}val") in (None, "1", "true", "on")
    default = checkbox.find(f"{_W}default")
    return default is not None and default.get(f"{_W}val") in ("1", "true", "on")
