"""Write iwp_pipeline/data/core-font-widths.json: glyph widths of Helvetica and Helvetica-Bold.

The coversheet PDF is written by hand with two of the PDF standard fonts (no font is embedded)
and needs their widths to fit and align text. The widths are Adobe's Core 14 AFM metrics, read
here from reportlab (a test extra), indexed by WinAnsiEncoding (cp1252) code; 0 means no glyph.
Run it from the repository root: ``.venv/bin/python templates/build/font_widths.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

OUT = Path(__file__).resolve().parents[2] / "iwp_pipeline" / "data" / "core-font-widths.json"


def main() -> None:
    """Measure every cp1252 character in both fonts and write the table."""
    fonts = {}
    for name in ("Helvetica", "Helvetica-Bold"):
        widths = [0] * 256
        for code in range(32, 256):
            try:
                char = bytes([code]).decode("cp1252")
            except UnicodeDecodeError:
                continue
            widths[code] = round(pdfmetrics.stringWidth(char, name, 1000))
        fonts[name] = widths
    data = {"source": "Adobe Core 14 AFM metrics (via reportlab), units of 1/1000 em, indexed by "
                      "WinAnsiEncoding (cp1252) code; 0 means the font has no glyph there",
            "fonts": fonts}
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
