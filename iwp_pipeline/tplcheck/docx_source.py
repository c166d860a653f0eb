"""A Word template's paragraphs as text, with their runs and their places, and rewritten copies.

The template is read straight from its XML (no DTDs, entities or network, as the document
reader does). Every ``w:p`` becomes a :class:`Piece`: its text (the ``w:t`` texts joined, as
docxtpl sees them once it has rejoined tags split across runs), where each run starts, and its
place in the numbering the document reader uses for filled documents (paragraph N, or table T
row R cell C). That place is found by reading a copy of the template in which every paragraph
starts with a numbered marker, so template findings and filled-document findings share one
numbering.

:func:`rewrite` writes a copy of the template with each paragraph's text replaced (run by run,
keeping the runs, paragraphs, rows and cells in place) so that the document reader and the
interpreter can read a template whose tags have been neutralised.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from iwp_pipeline.errors import CorruptDocument, UnsupportedFormat
from iwp_pipeline.extract.docx_reader import MC, W, _parse, _read_member, read_docx
from iwp_pipeline.model import Location

_W = f"{{{W}}}"
_MARK = re.compile("\u27e6(\\d+)\u27e7")
MAX_UNPACKED = 200_000_000


@dataclass(frozen=True, slots=True)
class Piece:
    """One paragraph of the template."""

    index: int
    """Position among all paragraphs (body, tables and text boxes) in document order."""
    text: str
    runs: tuple[int, ...]
    """Offsets in ``text`` where the second, third, ... run starts."""
    location: Location


@dataclass(frozen=True, slots=True)
class DocxSource:
    """A Word template opened for checking."""

    data: bytes
    pieces: tuple[Piece, ...]


def _runs_of(p: etree._Element) -> list[list[etree._Element]]:
    """The ``w:t`` elements of paragraph ``p`` (not of paragraphs nested in it), grouped by run."""
    runs: list[list[etree._Element]] = []
    last_run = None
    for t in p.iter(f"{_W}t"):
        owner = next((a for a in t.iterancestors() if a.tag == f"{_W}p"), None)
        if owner is not p or any(a.tag == f"{{{MC}}}Fallback" for a in t.iterancestors()):
            continue
        run = t.getparent()
        if run is not last_run:
            runs.append([])
            last_run = run
        runs[-1].append(t)
    return runs


def _paragraphs(root: etree._Element) -> list[etree._Element]:
    body = root.find(f"{_W}body")
    if body is None:
        raise CorruptDocument("the Word document has no body")
    return [p for p in body.iter(f"{_W}p")
            if not any(a.tag == f"{{{MC}}}Fallback" for a in p.iterancestors())]


def _document_xml(data: bytes) -> tuple[zipfile.ZipFile, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo("word/document.xml")
    except KeyError as exc:
        raise UnsupportedFormat("a zip archive that is not a Word document") from exc
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise CorruptDocument("not a readable Word file (broken zip archive)") from exc
    return archive, _read_member(archive, info, MAX_UNPACKED)


def _with_document(archive: zipfile.ZipFile, document: bytes) -> bytes:
    """A copy of the Word file with ``word/document.xml`` replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            body = document if info.filename == "word/document.xml" else archive.read(info)
            target.writestr(info, body)
    return out.getvalue()


def open_docx(data: bytes) -> DocxSource:
    """Read the template's paragraphs with their runs and places (raises InputError when unreadable)."""
    read_docx(data)  # the same guards as for filled documents (zip bombs, DTDs, broken XML)
    archive, xml = _document_xml(data)
    root = _parse(xml)
    paragraphs = _paragraphs(root)
    texts: list[tuple[str, tuple[int, ...]]] = []
    for i, p in enumerate(paragraphs):
        runs = _runs_of(p)
        pieces = ["".join(t.text or "" for t in run) for run in runs]
        starts, pos = [], 0
        for text in pieces[:-1]:
            pos += len(text)
            starts.append(pos)
        texts.append(("".join(pieces), tuple(s for s in starts if 0 < s)))
        marker = etree.SubElement(p, f"{_W}r")
        ppr = p.find(f"{_W}pPr")
        p.remove(marker)
        p.insert(p.index(ppr) + 1 if ppr is not None else 0, marker)
        etree.SubElement(marker, f"{_W}t").text = f"\u27e6{i}\u27e7"
    marked = _with_document(archive, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
    places: dict[int, Location] = {}
    for line in read_docx(marked).lines:
        loc = Location(paragraph=line.paragraph, table=line.table, row=line.row, cell=line.cell,
                       part=line.part if line.part != "body" else None)
        for m in _MARK.finditer(line.text):
            places.setdefault(int(m.group(1)), loc)
    pieces_out = tuple(Piece(i, text, runs, places.get(i, Location()))
                       for i, (text, runs) in enumerate(texts))
    return DocxSource(data, pieces_out)


Rewriter = Callable[[int, str], list[tuple[int, int, str]]]
"""(piece index, text) -> replacements (start, end, new text), sorted and not overlapping."""


def rewrite(source: DocxSource, replacements: Rewriter) -> bytes:
    """A copy of the template with spans of each paragraph's text replaced, run by run.

    A replacement's text goes into the run where its span starts; the rest of the span is
    removed from the runs it covers, so every run, paragraph, row and cell stays where it was.
    """
    archive, xml = _document_xml(source.data)
    root = _parse(xml)
    for i, p in enumerate(_paragraphs(root)):
        nodes = [t for run in _runs_of(p) for t in run]
        text = "".join(t.text or "" for t in nodes)
        spans = replacements(i, text)
        if not spans:
            continue
        pos = 0
        for t in nodes:
            old = t.text or ""
            start, end = pos, pos + len(old)
            new = []
            for k in range(start, end):
                span = next((s for s in spans if s[0] <= k < s[1]), None)
                if span is None:
                    new.append(old[k - start])
                elif k == span[0]:
                    new.append(span[2])
            t.text = "".join(new)
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            pos = end
    return _with_document(archive, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
