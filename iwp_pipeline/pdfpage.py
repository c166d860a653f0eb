"""A one-page PDF written by hand: text in Helvetica, lines and boxes.

Enough for a form-like page such as the submission coversheet, with no dependency: the two
standard fonts used (Helvetica, Helvetica-Bold) are not embedded, text is encoded in
WinAnsiEncoding (cp1252), and their glyph widths come from ``data/core-font-widths.json`` so text
can be measured, fitted and aligned. Coordinates are PDF points from the bottom-left corner.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from iwp_pipeline.resources import load_json_data

LETTER = (612.0, 792.0)
FONTS = {"regular": ("F1", "Helvetica"), "bold": ("F2", "Helvetica-Bold")}


@cache
def _widths(font: str) -> tuple[int, ...]:
    return tuple(load_json_data("core-font-widths.json")["fonts"][FONTS[font][1]])


def encode(text: str) -> bytes:
    """``text`` in WinAnsiEncoding; a character the fonts lack loses its accent, or becomes '?'."""
    out = bytearray()
    for char in text:
        for candidate in (char, unicodedata.normalize("NFKD", char)[:1]):
            try:
                code = candidate.encode("cp1252")
            except UnicodeEncodeError:
                continue
            if len(code) == 1 and _widths("regular")[code[0]]:
                out += code
                break
        else:
            out += b"?"
    return bytes(out)


def can_show(text: str) -> bool:
    """Whether every character of ``text`` prints as itself in the standard fonts."""
    return encode(text).decode("cp1252") == text


def text_width(text: str, size: float, font: str = "regular") -> float:
    """The width of ``text`` in points at ``size``."""
    widths = _widths(font)
    return sum(widths[b] for b in encode(text)) * size / 1000


def _pdf_string(text: str) -> bytes:
    out = bytearray(b"(")
    for b in encode(text):
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    return bytes(out + b")")


def _num(value: float) -> bytes:
    return (b"%.2f" % value).rstrip(b"0").rstrip(b".") or b"0"


class Page:
    """One US Letter page; drawing calls append to its content stream."""

    def __init__(self, size: tuple[float, float] = LETTER) -> None:
        self.size = size
        self._ops: list[bytes] = []

    def text(self, x: float, y: float, text: str, size: float = 10, font: str = "regular",
             gray: float = 0.0) -> None:
        """Write ``text`` with its baseline starting at (x, y)."""
        name = FONTS[font][0].encode()
        self._ops.append(b"BT %s g /%s %s Tf %s %s Td %s Tj ET" % (
            _num(gray), name, _num(size), _num(x), _num(y), _pdf_string(text)))

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.75) -> None:
        """A straight black line."""
        self._ops.append(b"%s w %s %s m %s %s l S" % (_num(width), _num(x1), _num(y1), _num(x2), _num(y2)))

    def rect(self, x: float, y: float, w: float, h: float, width: float = 0.75) -> None:
        """The outline of a rectangle whose lower-left corner is (x, y)."""
        self._ops.append(b"%s w %s %s %s %s re S" % (_num(width), _num(x), _num(y), _num(w), _num(h)))

    def to_pdf(self, title: str, producer: str) -> bytes:
        """The page as a complete PDF 1.4 file."""
        content = b"\n".join(self._ops)
        fonts = b" ".join(b"/%s %d 0 R" % (ref.encode(), 4 + i) for i, (ref, _) in enumerate(FONTS.values()))
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources << /Font << %s >> >> "
            b"/Contents 6 0 R >>" % (_num(self.size[0]), _num(self.size[1]), fonts),
            *(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % base.encode()
              for _, base in FONTS.values()),
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Title %s /Producer %s >>" % (_pdf_string(title), _pdf_string(producer)),
        ]
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(objects) + 1, len(objects), xref)
        return bytes(out)
