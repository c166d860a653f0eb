"""The IWP Submission Coversheet: every field read back from the PDF and the DOCX produced."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from datetime import date, timedelta

import docx
import jinja2
import pypdfium2 as pdfium
import pytest
from docxtpl import DocxTemplate
from jinja2 import nodes
from jsonschema import Draft202012Validator

from iwp_pipeline.cli import cli
from iwp_pipeline.coversheet import (
    FIELD_LABELS,
    CoversheetOptions,
    build_coversheet,
    render_docx,
    render_pdf,
)
from iwp_pipeline.model import record_from_dict
from iwp_pipeline.packet import convert_to_pdf
from iwp_pipeline.resources import template_file
from tests.conftest import ROOT, base_record
from tests.submission_helpers import (
    HAS_SOFFICE,
    SAMPLE_DOCUMENTS,
    SAMPLE_RECORDS,
    SSN_SHAPES,
    coversheet_from_docx,
    coversheet_from_pdf_text,
    expected_fields,
    pdf_page_count,
    pdf_texts,
    sha256,
    source_record,
)

GIVEN = {"en.phone": "555-201-0000", "en.email": "intake@en.example"}
GIVEN_OPTIONS = ["--contact-phone", GIVEN["en.phone"], "--contact-email", GIVEN["en.email"]]
PAGES = FIELD_LABELS["pages"]
DUE = FIELD_LABELS["dates.due"]
SENT = FIELD_LABELS["dates.sent"]
SCHEMA = json.loads((ROOT / "schemas" / "coversheet-context.schema.json").read_text(encoding="utf-8"))
needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
READABLE_SAMPLES = [d for d in SAMPLE_DOCUMENTS if "/scans/" not in d]


@pytest.fixture(scope="module")
def iwp_pages():
    """The number of pages of a sample document (a Word file's once converted by LibreOffice)."""
    cache: dict[str, int] = {}

    def pages(document: str) -> int:
        if document not in cache:
            data = (ROOT / document).read_bytes()
            if document.endswith(".docx"):
                data = convert_to_pdf([(document, data)])[0]
            cache[document] = pdf_page_count(data)
        return cache[document]

    return pages


def read_back(data: bytes, fmt: str) -> dict[str, str]:
    if fmt == "pdf":
        texts = pdf_texts(data)
        assert len(texts) == 1, "the coversheet must be one page"
        return coversheet_from_pdf_text(texts[0])
    return coversheet_from_docx(data)


def later_signature(record) -> date:
    sig = record["signatures"]
    return max(date.fromisoformat(sig["ticketholder"]["date"]), date.fromisoformat(sig["en_representative"]["date"]))


def assert_renders(data: bytes) -> None:
    """Every page renders to an image with ink on it, and is not solid black."""
    pdf = pdfium.PdfDocument(data)
    try:
        for page in pdf:
            image = page.render(scale=0.5).to_pil().convert("L")
            dark = sum(image.histogram()[:128])
            assert 0.001 < dark / (image.width * image.height) < 0.5
    finally:
        pdf.close()


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("document", READABLE_SAMPLES)
def test_sample_document_coversheet(runner, tmp_path, document, fmt, iwp_pages):
    if document.endswith(".docx") and not HAS_SOFFICE:
        pytest.skip("counting a Word file's pages needs LibreOffice")
    record = source_record(document)
    sent = later_signature(record) + timedelta(days=2)
    path, out = ROOT / document, tmp_path / f"coversheet.{fmt}"
    before = sha256(path)
    result = runner.invoke(cli, ["coversheet", str(path), "--reason", "new", "-o", str(out),
                                 "--date-sent", sent.isoformat(), *GIVEN_OPTIONS])
    assert result.exit_code == 0, result.output
    fields = read_back(out.read_bytes(), fmt)
    expected = expected_fields(record, **GIVEN)
    for label, value in expected.items():
        assert fields[label] == value, label
    assert fields["reason"] == "new"
    assert fields[SENT] == sent.strftime("%m/%d/%Y")
    assert fields[DUE] == (later_signature(record) + timedelta(days=14)).strftime("%m/%d/%Y")
    assert fields[PAGES] == str(1 + iwp_pages(document))
    for label, value in expected.items():
        assert (f"left blank on the coversheet: {label} " in result.stderr) is (value == "")
    assert not SSN_SHAPES.search(result.stdout + result.stderr)
    assert sha256(path) == before
    if fmt == "pdf":
        assert_renders(out.read_bytes())


def test_missing_pid_is_a_named_blank_and_the_option_fills_it(runner, tmp_path):
    path, out = ROOT / "fixtures/samples/bright-path-gonzalez-draft.json", tmp_path / "c.pdf"
    result = runner.invoke(cli, ["coversheet", str(path), "--reason", "new", "-o", str(out),
                                 "--date-sent", "2025-03-12"])
    assert result.exit_code == 0
    assert coversheet_from_pdf_text(pdf_texts(out.read_bytes())[0])[FIELD_LABELS["en.pid"]] == ""
    assert "left blank on the coversheet: Provider Identification Number (PID) (give --pid)" in result.stderr
    result = runner.invoke(cli, ["coversheet", str(path), "--reason", "new", "-o", str(out), "--pid", "EN-104233"])
    assert result.exit_code == 0
    assert coversheet_from_pdf_text(pdf_texts(out.read_bytes())[0])[FIELD_LABELS["en.pid"]] == "EN-104233"
    assert "Provider Identification Number" not in result.stderr


def test_an_option_replaces_the_iwps_value_and_says_so(runner, tmp_path):
    out = tmp_path / "c.docx"
    result = runner.invoke(cli, ["coversheet", str(ROOT / SAMPLE_RECORDS[1]), "--reason", "amended", "-o", str(out),
                                 "--contact-person", "Sam Lee"])
    assert result.exit_code == 0
    assert coversheet_from_docx(out.read_bytes())[FIELD_LABELS["en.contact_person"]] == "Sam Lee"
    assert "Contact person: 'Sam Lee' given replaces 'Dana Whitfield' on the IWP" in result.stderr
    assert coversheet_from_docx(out.read_bytes())["reason"] == "amended"


@pytest.mark.parametrize("record", SAMPLE_RECORDS)
def test_json_record_has_no_pages_unless_given(runner, tmp_path, record):
    out = tmp_path / "c.pdf"
    result = runner.invoke(cli, ["coversheet", str(ROOT / record), "--reason", "new", "-o", str(out)])
    assert result.exit_code == 0
    assert coversheet_from_pdf_text(pdf_texts(out.read_bytes())[0])[PAGES] == ""
    assert f"left blank on the coversheet: {PAGES} (give --pages N" in result.stderr
    result = runner.invoke(cli, ["coversheet", str(ROOT / record), "--reason", "new", "-o", str(out), "--pages", "7"])
    assert coversheet_from_pdf_text(pdf_texts(out.read_bytes())[0])[PAGES] == "7"
    assert PAGES not in result.stderr


def test_full_ssn_only_in_the_file(runner, tmp_path):
    out = tmp_path / "c.pdf"
    result = runner.invoke(cli, ["coversheet", str(ROOT / SAMPLE_RECORDS[0]), "--reason", "other", "-o", str(out),
                                 "--reason-text", "resent: 900-12-3456 unreadable"])
    assert result.exit_code == 0
    text = pdf_texts(out.read_bytes())[0]
    assert "900-12-3456" in text
    assert not SSN_SHAPES.search(result.stdout + result.stderr)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_other_reason_text_and_marks(tmp_path, fmt):
    sheet = build_coversheet(record_from_dict(base_record()),
                             CoversheetOptions(reason="other", reason_other="Replacement (lost fax) \\ & <copy>",
                                               date_sent=date(2025, 3, 20)), pages=5)
    render = render_pdf if fmt == "pdf" else render_docx
    fields = read_back(render(sheet.context()), fmt)
    assert fields["reason"] == "other"
    assert fields["other"] == "Replacement (lost fax) \\ & <copy>"
    assert fields[PAGES] == "5"


def test_due_date_needs_both_signature_dates():
    data = base_record()
    data["signatures"]["en_representative"]["date"] = None
    sheet = build_coversheet(record_from_dict(data), CoversheetOptions(date_sent=date(2025, 3, 20)))
    assert sheet.due_date is None
    assert "dates.due" in sheet.missing and "dates.en_signed" in sheet.missing
    assert sheet.context()["dates"]["due"] == ""


def test_empty_record_leaves_every_iwp_field_blank():
    from iwp_pipeline.model import Record

    sheet = build_coversheet(Record(), CoversheetOptions(date_sent=date(2025, 1, 2)))
    assert set(sheet.missing) == set(FIELD_LABELS) - {"dates.sent", "reason.other_text"}
    fields = coversheet_from_pdf_text(pdf_texts(render_pdf(sheet.context()))[0])
    assert all(fields[FIELD_LABELS[p]] == "" for p in sheet.missing)
    assert fields[SENT] == "01/02/2025"


def long_sheet():
    return build_coversheet(record_from_dict(base_record()), CoversheetOptions(
        en_name="Very Long Employment Network Name " * 5, contact_email="someone." * 12 + "@example.org",
        reason="other", reason_other="A reason that goes on and on " * 6, date_sent=date(2025, 3, 20)), pages=9)


def test_long_values_keep_the_pdf_to_one_page_and_are_reported(runner, tmp_path):
    sheet = long_sheet()
    assert "en.name" in sheet.too_long
    data = render_pdf(sheet.context())
    assert pdf_page_count(data) == 1
    assert_renders(data)
    from iwp_pipeline.submission import coversheet_notes

    messages = [n.message for n in coversheet_notes(sheet, "pdf")]
    assert "EN name: longer than the coversheet allows, cut" in messages
    assert "Contact email: cut to fit its box" in messages


@needs_soffice
def test_docx_coversheet_is_one_page_even_with_long_values():
    data = render_docx(long_sheet().context())
    assert pdf_page_count(convert_to_pdf([("coversheet.docx", data)])[0]) == 1


def test_characters_outside_the_standard_font_are_warned_about(runner, tmp_path):
    out = tmp_path / "c.pdf"
    result = runner.invoke(cli, ["coversheet", str(ROOT / SAMPLE_RECORDS[0]), "--reason", "new", "-o", str(out),
                                 "--en-name", "Nguyễn Career Services 職業"])
    assert result.exit_code == 0
    assert "EN name: has characters the PDF's standard font cannot show" in result.stderr
    name = coversheet_from_pdf_text(pdf_texts(out.read_bytes())[0])[FIELD_LABELS["en.name"]]
    assert name == "Nguyen Career Services ??"
    docx_out = tmp_path / "c.docx"
    runner.invoke(cli, ["coversheet", str(ROOT / SAMPLE_RECORDS[0]), "--reason", "new", "-o", str(docx_out),
                        "--en-name", "Nguyễn Career Services 職業"])
    assert coversheet_from_docx(docx_out.read_bytes())[FIELD_LABELS["en.name"]] == "Nguyễn Career Services 職業"


def test_scan_needs_force(runner, tmp_path):
    scan, out = ROOT / "fixtures/documents/scans/brandt-compliant-scan.pdf", tmp_path / "c.pdf"
    result = runner.invoke(cli, ["coversheet", str(scan), "--reason", "new", "-o", str(out)])
    assert result.exit_code == 3 and "(no-text-layer)" in result.stderr and not out.exists()
    result = runner.invoke(cli, ["coversheet", str(scan), "--reason", "new", "-o", str(out), "--force"])
    assert result.exit_code == 0
    fields = coversheet_from_pdf_text(pdf_texts(out.read_bytes())[0])
    assert fields[FIELD_LABELS["ticketholder.name"]] == "" and fields[PAGES] == "3"
    assert "no text layer" in result.stderr


def test_usage_errors(runner, tmp_path):
    record = str(ROOT / SAMPLE_RECORDS[0])
    assert runner.invoke(cli, ["coversheet", record, "--reason", "new", "-o", str(tmp_path / "c.txt")]).exit_code == 2
    assert runner.invoke(cli, ["coversheet", record, "--reason", "later", "-o", str(tmp_path / "c.pdf")]).exit_code == 2
    assert runner.invoke(cli, ["coversheet", record, "-o", str(tmp_path / "c.pdf")]).exit_code == 2
    assert runner.invoke(cli, ["coversheet", record, "--reason", "new", "--reason-text", "x",
                               "-o", str(tmp_path / "c.pdf")]).exit_code == 2
    assert runner.invoke(cli, ["coversheet", record, "--reason", "new", "-o", str(tmp_path / "c.pdf"),
                               "--date-sent", "soon"]).exit_code == 2
    copy = tmp_path / "iwp.pdf"
    shutil.copy(ROOT / SAMPLE_DOCUMENTS[0], copy)
    before = sha256(copy)
    result = runner.invoke(cli, ["coversheet", str(copy), "--reason", "new", "-o", str(copy)])
    assert result.exit_code == 2 and sha256(copy) == before


# --- the shared context and the DOCX template -----------------------------------------------


def test_context_is_valid_against_its_schema():
    Draft202012Validator.check_schema(SCHEMA)
    validator = Draft202012Validator(SCHEMA)
    from iwp_pipeline.model import Record

    for sheet in (long_sheet(), build_coversheet(Record(), CoversheetOptions(reason="revised_after_review"))):
        validator.validate(sheet.context())


def template_paths() -> set[str]:
    """Every variable path (``en.name``) the DOCX template uses, read from its Jinja tags."""
    template = DocxTemplate(io.BytesIO(template_file("coversheet.docx").read_bytes()))
    template.init_docx()
    tree = jinja2.Environment().parse(template.patch_xml(template.get_xml()))
    paths = set()
    for node in tree.find_all(nodes.Output):
        for expr in node.find_all((nodes.Getattr, nodes.Name)):
            parts, current = [], expr
            while isinstance(current, nodes.Getattr):
                parts.insert(0, current.attr)
                current = current.node
            if isinstance(current, nodes.Name):
                paths.add(".".join([current.name, *parts]))
    return {p for p in paths if not any(other.startswith(p + ".") for other in paths)}


def schema_leaf(path: str):
    node = SCHEMA
    for part in path.split("."):
        node = node["properties"][part]
    return node


def test_every_template_variable_is_a_string_in_the_schema():
    paths = template_paths()
    assert {"en.name", "ticketholder.ssn", "dates.due", "pages", "routing.fax.attn", "reasons.other.mark"} <= paths
    for path in paths:
        assert schema_leaf(path)["type"] == "string", path


def test_pdf_and_docx_show_the_same_fields():
    sheet = long_sheet()
    pdf_fields = read_back(render_pdf(sheet.context()), "pdf")
    docx_fields = read_back(render_docx(sheet.context()), "docx")
    for label in FIELD_LABELS.values():
        if label in docx_fields and not label.startswith(("EN name", "Contact email")):  # cut to fit in the PDF
            assert pdf_fields[label] == docx_fields[label], label
    assert pdf_fields["reason"] == docx_fields["reason"] == "other"


def test_routing_text_comes_from_the_data_file():
    data = json.loads((ROOT / "iwp_pipeline/data/submission.json").read_text(encoding="utf-8"))["routing"]
    sheet = build_coversheet(record_from_dict(base_record()), CoversheetOptions())
    pdf_text = pdf_texts(render_pdf(sheet.context()))[0]
    docx_text = "\n".join(p.text for p in docx.Document(io.BytesIO(render_docx(sheet.context()))).paragraphs)
    for text in (data["fax"]["number"], data["fax"]["attn"], data["mail"]["street"], data["mail"]["city"],
                 data["gso"]["text"]):
        assert text in pdf_text and text in docx_text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_poppler_renders_the_coversheet(tmp_path):
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(render_pdf(long_sheet().context()))
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, capture_output=True)
    assert len(list(tmp_path.glob("page*.png"))) == 1
