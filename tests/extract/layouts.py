"""Build Layouts from plain text for interpreter tests (no PDF or Word file needed).

Each line is a paragraph; a line with ' | ' is a table row (consecutive rows form one table;
'| x' starts with an empty cell); a line starting with '# ' is a bold heading.
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
        if " | " in raw or raw.startswith("| "):
            if not in_table:
                in_table, row = True, 0
                table += 1
            for c, cell in enumerate(f" {raw} ".split(" | ")):
                if cell.strip():  # like the Word reader: an empty cell gives no line
                    lines.append(Line(cell.strip(), table=table - 1, row=row, cell=c))
            row += 1
            continue
        in_table = False
        bold = raw.startswith("# ")
        lines.append(Line(raw[2:] if bold else raw, paragraph=paragraph, bold=bold))
        paragraph += 1
    return Layout(kind="docx", pages=1, lines=tuple(lines))


def pdf_layout(rows: list[tuple[int, float, list[tuple[float, str]]]], *, bold: tuple[str, ...] = (),
               rules: tuple[tuple[int, float, float, float], ...] = (),
               sizes: dict[str, float] | None = None) -> Layout:
    """A flat-PDF-like layout: rows of (page, top, [(x0, text), ...]) become lines with segments.

    Segments whose text is in ``bold`` are bold; ``rules`` are horizontal lines drawn on the
    page as (page, x0, y, x1); ``sizes`` gives the font size of some texts (10 otherwise).
    """
    from iwp_pipeline.extract.layout import Rule, Segment

    lines = []
    for page, top, segs in rows:
        segments = tuple(Segment(text, x0, x0 + 5.5 * len(text), top, top + 10, (sizes or {}).get(text, 10.0),
                                 text in bold) for x0, text in segs)
        bbox = (segments[0].x0, top, segments[-1].x1, top + 10)
        lines.append(Line(" ".join(s.text for s in segments), page=page, bbox=bbox, segments=segments,
                          bold=all(s.bold for s in segments), size=max(s.size or 10.0 for s in segments)))
    return Layout(kind="pdf-text", pages=max(r[0] for r in rows), lines=tuple(lines),
                  rules=tuple(Rule(*r) for r in rules))
