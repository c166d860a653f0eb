"""Build Layouts from plain text for interpreter tests (no PDF or Word file needed).

Each line is a paragraph; a line with ' | ' is a table row (consecutive rows form one table);
a line starting with '# ' is a bold heading.
"""

from __future__ import annotations

from iwp_pipeline.extract.layout import Layout, Line


def layout_from_text(text: str) -> Layout:
    lines: list[Line] = []
    paragraph = table = row = 0
    in_table = False
    for raw in text.strip("\n").splitlines():
        raw = raw.strip()
        if not raw:
            in_table = False
            continue
        if " | " in raw:
            if not in_table:
                in_table, row = True, 0
                table += 1
            for c, cell in enumerate(raw.split(" | ")):
                lines.append(Line(cell.strip(), table=table - 1, row=row, cell=c))
            row += 1
            continue
        in_table = False
        bold = raw.startswith("# ")
        lines.append(Line(raw[2:] if bold else raw, paragraph=paragraph, bold=bold))
        paragraph += 1
    return Layout(kind="docx", pages=1, lines=tuple(lines))


def pdf_layout(rows: list[tuple[int, float, list[tuple[float, str]]]]) -> Layout:
    """A flat-PDF-like layout: rows of (page, top, [(x0, text), ...]) become lines with segments."""
    from iwp_pipeline.extract.layout import Segment

    lines = []
    for page, top, segs in rows:
        segments = tuple(Segment(text, x0, x0 + 5.5 * len(text)) for x0, text in segs)
        bbox = (segments[0].x0, top, segments[-1].x1, top + 10)
        lines.append(Line(" ".join(s.text for s in segments), page=page, bbox=bbox, segments=segments))
    return Layout(kind="pdf-text", pages=max(r[0] for r in rows), lines=tuple(lines))
