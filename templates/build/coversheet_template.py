"""Build ``templates/coversheet.docx``, the docxtpl template of the IWP Submission Coversheet.

Run from the repository root after changing the layout, and commit the result:
``.venv/bin/python templates/build/coversheet_template.py``. The fields come from
``iwp_pipeline.coversheet.SECTIONS`` (the PDF is drawn from the same list), and every Jinja tag is
written whole inside one Word run, so docxtpl renders it. The variables are the paths of
``schemas/coversheet-context.schema.json``. This script is not shipped in the wheel.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt, RGBColor

from iwp_pipeline.coversheet import REASONS, SECTIONS

OUT = Path(__file__).resolve().parents[1] / "coversheet.docx"
LABEL_WIDTH, VALUE_WIDTH = Inches(2.9), Inches(4.1)


def _paragraph(doc, text: str = "", *, bold: bool = False, size: float = 10, space_after: float = 2,
               space_before: float = 0, gray: bool = False):
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(space_after)
    paragraph.paragraph_format.space_before = Pt(space_before)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)
        if gray:
            run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    return paragraph


def _table(doc, rows: int, widths: tuple[int, int]):
    """A bordered two-column table of fixed widths, with rows tall enough to write in by hand."""
    table = doc.add_table(rows=rows, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        row.height, row.height_rule = Inches(0.27), WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return table


def _cell_text(cell, text: str, *, bold: bool = False, size: float = 10, center: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _labelled_runs(doc, parts: list[tuple[str, bool]], indent: float = 0.15) -> None:
    paragraph = _paragraph(doc, space_after=1)
    paragraph.paragraph_format.left_indent = Inches(indent)
    for text, bold in parts:
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(10)


def build() -> Path:
    """Write the template and return its path."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.top_margin = section.bottom_margin = Inches(0.7)
    section.left_margin = section.right_margin = Inches(0.75)
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    props = doc.core_properties
    props.title = "IWP Submission Coversheet"
    props.author = props.last_modified_by = "iwp-pipeline"
    props.created = props.modified = datetime.datetime(2025, 1, 1)
    props.revision = 1

    _paragraph(doc, "{{ title }}", bold=True, size=18, space_after=0)
    _paragraph(doc, "{{ subtitle }}", size=10, space_after=8)

    _paragraph(doc, "Reason for submission", bold=True, size=11, space_after=3)
    table = _table(doc, len(REASONS), (Inches(0.35), Inches(6.65)))
    for row, key in zip(table.rows, REASONS, strict=True):
        _cell_text(row.cells[0], f"{{{{ reasons.{key}.mark }}}}", bold=True, center=True)
        text = f"{{{{ reasons.{key}.label }}}}"
        if key == "other":
            text += ": {{ reason.other_text }}"
        _cell_text(row.cells[1], text)

    for title, rows in SECTIONS:
        _paragraph(doc, title, bold=True, size=11, space_before=10, space_after=3)
        table = _table(doc, len(rows), (LABEL_WIDTH, VALUE_WIDTH))
        for row, (label, path) in zip(table.rows, rows, strict=True):
            _cell_text(row.cells[0], label, bold=True, size=9)
            _cell_text(row.cells[1], f"{{{{ {path} }}}}", size=11)

    _paragraph(doc, "Where to send it", bold=True, size=11, space_before=12, space_after=3)
    _paragraph(doc, "{{ routing.intro }}", size=9, space_after=3)
    _labelled_runs(doc, [("{{ routing.gso.label }}: ", True), ("{{ routing.gso.text }}", False)])
    _labelled_runs(doc, [("{{ routing.fax.label }}: ", True), ("{{ routing.fax.number }}", False),
                         ("   {{ routing.fax.attn }}", False)])
    _labelled_runs(doc, [("{{ routing.mail.label }}: ", True), ("{{ routing.mail.recipient }}", False)])
    for part in ("attn", "street", "city"):
        _labelled_runs(doc, [(f"{{{{ routing.mail.{part} }}}}", False)], indent=0.62)

    _paragraph(doc, "Prepared with {{ generator }}. The layout is not an official SSA form.", size=7.5,
               space_before=18, gray=True)
    doc.save(OUT)
    return OUT


if __name__ == "__main__":
    print(f"wrote {build()}")
