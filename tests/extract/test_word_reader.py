"""The Word reader on hand-written document XML: the habits of EN templates that only show in the file
itself (tables laid inside tables, boxes typed in a symbol font)."""

from __future__ import annotations

import io
import zipfile

from iwp_pipeline.extract.docx_reader import read_docx
from iwp_pipeline.extract.layout import CHECKED, UNCHECKED

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(body: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}'
                                        "</w:body></w:document>")
    return out.getvalue()


def _p(text: str, font: str | None = None) -> str:
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return f"<w:p><w:r>{rpr}<w:t>{text}</w:t></w:r></w:p>"


def _tc(*content: str) -> str:
    return "<w:tc>" + "".join(content) + "</w:tc>"


def _tbl(*rows: list[str]) -> str:
    return "<w:tbl>" + "".join("<w:tr>" + "".join(r) + "</w:tr>" for r in rows) + "</w:tbl>"


def test_a_table_inside_a_frame_cell_is_read_as_a_table():
    inner = _tbl([_tc(_p("Support")), _tc(_p("Status"))],
                 [_tc(_p("Job search")), _tc(_p("AUTHORIZED"))])
    frame = _tbl([_tc(_p("Checkpoint 6 — Supports")), _tc(_p("What we arrange:"), inner, _p("Reviewed monthly."))])
    lines = read_docx(_docx(frame)).lines
    assert [line.text for line in lines] == ["Checkpoint 6 — Supports", "What we arrange:", "Support", "Status",
                                             "Job search", "AUTHORIZED", "Reviewed monthly."]
    inner_cells = [(line.table, line.row, line.cell) for line in lines[2:6]]
    assert inner_cells == [(1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)]  # the inner table's own rows and cells
    assert (lines[1].table, lines[1].cell) == (lines[6].table, lines[6].cell) == (0, 1)


def test_a_cell_without_a_table_inside_keeps_its_paragraphs_together():
    lines = read_docx(_docx(_tbl([_tc(_p("Name"), _p("of the Member")), _tc(_p("Kevin"))]))).lines
    assert [line.text for line in lines] == ["Name\nof the Member", "Kevin"]


def test_boxes_typed_as_letters_in_wingdings_are_boxes():
    body = _p("þ", "Wingdings") + _p("¨", "Wingdings") + _p("þ")  # the last one is no symbol font: a letter
    assert [line.text for line in read_docx(_docx(body)).lines] == [CHECKED, UNCHECKED, "þ"]


def test_a_cell_of_stacked_labels_beside_a_cell_of_stacked_values_pairs_them_line_against_line():
    from iwp_pipeline.extract.units import build_units
    labels = _tc(_p("Guest's name"), _p("Social Security no."), _p("Phone"), _p("Person close to you"))
    values = _tc("<w:p/>", _p("901-44-1234"), _p("555-880-3131"), _p("Janet Brandt, Mother"))  # the name is blank
    units = build_units(read_docx(_docx(_tbl([labels, values]))))
    assert [(u.text, u.cell) for u in units] == [("Guest's name", 0), ("Social Security no.", 0), ("901-44-1234", 1),
                                                 ("Phone", 0), ("555-880-3131", 1), ("Person close to you", 0),
                                                 ("Janet Brandt, Mother", 1)]


def test_cells_of_label_and_value_pairs_side_by_side_are_no_stacked_labels():
    from iwp_pipeline.extract.units import build_units
    person = _tc(_p("The Youth"), _p("Full name: Kevin T. Brandt"), _p("Cell phone: 555-880-3131"))
    en = _tc(_p("Transition EN"), _p("Program (EN): Harbor Light"), _p("Ticket provider no. (PID): P-20931"))
    units = build_units(read_docx(_docx(_tbl([person, en]))))
    # the person's cell is read (as its lines of pairs) before the EN's, not line against line with it
    assert [u.text for u in units][:4] == ["The Youth", "Full name: Kevin T. Brandt", "Cell phone: 555-880-3131",
                                           "Transition EN"]


def test_more_box_glyphs():
    body = _p("⊠ Benefits help") + _p("▣ Job search") + _p("⊙ By phone") + _p("□ Job coaching")
    assert [line.text for line in read_docx(_docx(body)).lines] == [
        f"{CHECKED} Benefits help", f"{CHECKED} Job search", f"{CHECKED} By phone", f"{UNCHECKED} Job coaching"]


def test_options_struck_through_are_left_out():
    struck = '<w:r><w:rPr><w:strike/></w:rPr><w:t>{}</w:t></w:r>'
    plain = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    unstruck = '<w:r><w:rPr><w:strike w:val="0"/></w:rPr><w:t>{}</w:t></w:r>'
    runs = (plain.format("Interview held: ") + struck.format("At the center") + plain.format(" / ")
            + unstruck.format("By telephone") + plain.format(" / ") + struck.format("By video link"))
    assert [line.text for line in read_docx(_docx(f"<w:p>{runs}</w:p>")).lines] == ["Interview held: By telephone"]
