"""The submission packet: coversheet, IWP and amendments in one PDF whose page count is right."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from datetime import date, timedelta

import pypdfium2 as pdfium
import pytest
from PIL import ImageChops

from iwp_pipeline.cli import cli
from iwp_pipeline.coversheet import FIELD_LABELS
from iwp_pipeline.errors import ConversionFailed, ConverterMissing
from iwp_pipeline.packet import convert_to_pdf, find_soffice
from tests.conftest import ROOT
from tests.submission_helpers import (
    HAS_SOFFICE,
    SAMPLE_DOCUMENTS,
    SAMPLE_RECORDS,
    SSN_SHAPES,
    coversheet_from_pdf_text,
    expected_fields,
    pdf_page_count,
    pdf_texts,
    sha256,
    source_record,
)
from tests.test_coversheet import GIVEN, GIVEN_OPTIONS, assert_renders

FORM = ROOT / "fixtures/documents/form/gonzalez-compliant.pdf"  # signed 03/10 and 03/11/2025: due 03/25/2025
FLAT = ROOT / "fixtures/documents/ownflat/whitaker-term-07.pdf"  # noncompliant (TERM07)
WORD_NONCOMPLIANT = ROOT / "fixtures/documents/harbor/gonzalez-pid.docx"
PAGES = FIELD_LABELS["pages"]
needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")


def render(data: bytes, index: int):
    pdf = pdfium.PdfDocument(data)
    pdf.init_forms()
    try:
        return pdf[index].render(scale=0.6, may_draw_forms=True).to_pil().convert("L")
    finally:
        pdf.close()


def packet(runner, tmp_path, *inputs, date_sent="2025-03-20", extra=(), env=None):
    out = tmp_path / "packet.pdf"
    result = runner.invoke(cli, ["packet", *map(str, inputs), "--reason", "new", "-o", str(out),
                                 "--date-sent", date_sent, *extra], env=env)
    return result, out


@pytest.mark.parametrize("document", SAMPLE_DOCUMENTS)
def test_sample_document_packet(runner, tmp_path, document):
    if document.endswith(".docx") and not HAS_SOFFICE:
        pytest.skip("a Word file needs LibreOffice")
    path = ROOT / document
    record = source_record(document)
    expected_status = json.loads(path.with_name(path.stem + ".expected.json").read_text())["status"]
    force = ["--force"] if expected_status != "compliant" else []
    before = sha256(path)
    result, out = packet(runner, tmp_path, path, extra=[*GIVEN_OPTIONS, *force])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    original = path.read_bytes() if document.endswith(".pdf") else convert_to_pdf([(document, path.read_bytes())])[0]
    texts = pdf_texts(data)
    assert len(texts) == 1 + pdf_page_count(original)
    fields = coversheet_from_pdf_text(texts[0])
    assert fields[PAGES] == str(len(texts))
    for label, value in expected_fields(record, **GIVEN).items():
        assert fields[label] == value, label
    if record is not None:
        assert fields[FIELD_LABELS["dates.due"]] == (max(
            date.fromisoformat(record["signatures"][k]["date"]) for k in ("ticketholder", "en_representative"))
            + timedelta(days=14)).strftime("%m/%d/%Y")
        if document.endswith(".docx"):  # (a form PDF keeps its values in form fields, not page text)
            assert record["ticketholder"]["name"] in texts[1]
    assert texts[1:] == pdf_texts(original)
    assert_renders(data)
    assert not SSN_SHAPES.search(result.stdout + result.stderr)
    assert sha256(path) == before


UNSIGNED_FORM = ROOT / "fixtures/documents/generic-form/brandt-ticketholder-signature.pdf"


@pytest.mark.parametrize("document", [FORM, FLAT, UNSIGNED_FORM])
def test_iwp_pages_look_exactly_like_the_original(runner, tmp_path, document):
    result, out = packet(runner, tmp_path, document, extra=["--force"])
    assert result.exit_code == 0
    original, merged = document.read_bytes(), out.read_bytes()
    for index in range(pdf_page_count(original)):
        assert ImageChops.difference(render(original, index), render(merged, index + 1)).getbbox() is None


def test_amendments_follow_the_iwp_in_order(runner, tmp_path):
    inputs = [FORM, FLAT, UNSIGNED_FORM]
    before = [sha256(p) for p in inputs]
    result, out = packet(runner, tmp_path, *inputs)
    assert result.exit_code == 0, result.output
    texts = pdf_texts(out.read_bytes())
    expected = [t for p in inputs for t in pdf_texts(p.read_bytes())]
    assert texts[1:] == expected
    assert coversheet_from_pdf_text(texts[0])[PAGES] == str(1 + len(expected)) == str(len(texts))
    assert [sha256(p) for p in inputs] == before
    assert f"wrote {out}: {len(texts)} pages" in result.stdout


@needs_soffice
def test_word_iwp_and_word_amendment(runner, tmp_path):
    iwp = ROOT / "fixtures/documents/pathways/rahman-compliant.docx"
    amendment = ROOT / "fixtures/documents/pathways/brandt-with-amendment.docx"
    before = [sha256(iwp), sha256(amendment)]
    result, out = packet(runner, tmp_path, iwp, amendment, FLAT, date_sent="2026-01-16")
    assert result.exit_code == 0, result.output
    converted = convert_to_pdf([("iwp", iwp.read_bytes()), ("amendment", amendment.read_bytes())])
    total = 1 + sum(pdf_page_count(p) for p in converted) + pdf_page_count(FLAT.read_bytes())
    texts = pdf_texts(out.read_bytes())
    assert len(texts) == total and coversheet_from_pdf_text(texts[0])[PAGES] == str(total)
    assert "Aisha Rahman" in texts[1] and texts[-2:] == pdf_texts(FLAT.read_bytes())
    assert [sha256(iwp), sha256(amendment)] == before
    assert not list(tmp_path.glob("*.tmp"))


def test_noncompliant_iwp_is_refused_with_its_report(runner, tmp_path):
    result, out = packet(runner, tmp_path, FLAT, date_sent="2024-09-13")
    assert result.exit_code == 1
    assert not out.exists()
    assert "NONCOMPLIANT" in result.stdout and "TERM07" in result.stdout
    assert "the packet was not written" in result.stderr and "--force" in result.stderr
    assert not SSN_SHAPES.search(result.stdout + result.stderr)
    result, out = packet(runner, tmp_path, FLAT, date_sent="2024-09-13", extra=["--force"])
    assert result.exit_code == 0 and out.exists()
    assert "the IWP is noncompliant (TERM07)" in result.stderr


def test_noncompliant_word_iwp_is_refused_before_any_conversion(runner, tmp_path):
    result, out = packet(runner, tmp_path, WORD_NONCOMPLIANT, env={"IWP_SOFFICE": ""})
    assert result.exit_code == 1 and "CONTACT02" in result.stdout and not out.exists()


def test_terminal_output_is_masked_unless_show_ssn(runner, tmp_path):
    # an option echoed back in a note is the one way an SSN could reach the terminal here
    extra = ["--contact-person", "Case 900123456"]
    masked, out = packet(runner, tmp_path, FORM, extra=extra)
    assert masked.exit_code == 0
    assert "'Case ***-**-3456' given replaces 'Dana Whitfield'" in masked.stderr
    assert not SSN_SHAPES.search(masked.stdout + masked.stderr)
    assert "900-12-3456" in pdf_texts(out.read_bytes())[0]
    shown, _ = packet(runner, tmp_path, FORM, extra=[*extra, "--show-ssn"])
    assert "'Case 900123456' given replaces" in shown.stderr


@pytest.mark.parametrize(("sent", "warning"), [
    ("2025-03-20", None),
    ("2025-03-21", None),
    ("2025-03-22", "the 14-day deadline is close: the IWP is due on 03/25/2025, 3 days after the date sent "
                   "(03/22/2025)"),
    ("2025-03-24", "the 14-day deadline is close: the IWP is due on 03/25/2025, 1 day after the date sent"),
    ("2025-03-25", "the 14-day deadline is close: the IWP is due on 03/25/2025, on the date sent"),
    ("2025-03-26", "the 14-day deadline has passed: the IWP was due on 03/25/2025, 1 day before the date sent"),
    ("2025-04-08", "the 14-day deadline has passed: the IWP was due on 03/25/2025, 14 days before the date sent"),
    ("2025-03-10", "the date sent 03/10/2025 is before the IWP was fully signed (03/11/2025)"),
])
def test_deadline_warnings(runner, tmp_path, sent, warning):
    result, out = packet(runner, tmp_path, FORM, date_sent=sent)
    assert result.exit_code == 0 and out.exists()
    fields = coversheet_from_pdf_text(pdf_texts(out.read_bytes())[0])
    assert fields[FIELD_LABELS["dates.sent"]] == f"{sent[5:7]}/{sent[8:]}/{sent[:4]}"
    if warning is None:
        assert "deadline" not in result.stderr and "before the IWP" not in result.stderr
    else:
        assert f"iwp: warning: {warning}" in result.stderr


def test_date_sent_defaults_to_today(runner, tmp_path):
    out = tmp_path / "p.pdf"
    result = runner.invoke(cli, ["packet", str(FORM), "--reason", "new", "-o", str(out)])
    assert result.exit_code == 0
    fields = coversheet_from_pdf_text(pdf_texts(out.read_bytes())[0])
    assert fields[FIELD_LABELS["dates.sent"]] == date.today().strftime("%m/%d/%Y")
    assert "the 14-day deadline has passed" in result.stderr


def test_without_libreoffice_pdf_works_and_word_asks_for_a_pdf(runner, tmp_path):
    env = {"IWP_SOFFICE": ""}
    result, out = packet(runner, tmp_path, FORM, env=env)
    assert result.exit_code == 0 and pdf_page_count(out.read_bytes()) == 4
    word = ROOT / "fixtures/documents/pathways/rahman-compliant.docx"
    result, out = packet(runner, tmp_path, word, env=env)
    assert result.exit_code == 2
    assert "(converter-missing)" in result.stderr and "as a PDF" in result.stderr and "LibreOffice" in result.stderr
    result, out = packet(runner, tmp_path, FORM, word, env=env)
    assert result.exit_code == 2 and "(converter-missing)" in result.stderr
    cover = tmp_path / "c.pdf"
    result = runner.invoke(cli, ["coversheet", str(word), "--reason", "new", "-o", str(cover)], env=env)
    assert result.exit_code == 0
    assert coversheet_from_pdf_text(pdf_texts(cover.read_bytes())[0])[PAGES] == ""
    assert "converter-missing" in result.stderr and f"left blank on the coversheet: {PAGES}" in result.stderr


def test_soffice_lookup_is_injectable(monkeypatch, tmp_path):
    monkeypatch.setenv("IWP_SOFFICE", "")
    assert find_soffice() is None
    monkeypatch.setenv("IWP_SOFFICE", str(tmp_path / "nowhere" / "soffice"))
    assert find_soffice() is None
    with pytest.raises(ConverterMissing):
        convert_to_pdf([("a.docx", b"PK")])
    assert find_soffice("") is None


def fake_soffice(tmp_path, body: str) -> str:
    script = tmp_path / "fake-soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return str(script)


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_conversion_failure_and_timeout(tmp_path):
    word = (ROOT / "fixtures/documents/pathways/rahman-compliant.docx").read_bytes()
    with pytest.raises(ConversionFailed, match="could not convert"):
        convert_to_pdf([("plan.docx", word)], soffice=fake_soffice(tmp_path, "exit 1"))
    started = time.monotonic()
    with pytest.raises(ConversionFailed, match="did not finish"):
        convert_to_pdf([("plan.docx", word)], soffice=fake_soffice(tmp_path, "sleep 30 & sleep 30"), timeout=1)
    assert time.monotonic() - started < 10


def test_conversion_failure_exit_code(runner, tmp_path):
    word = ROOT / "fixtures/documents/pathways/rahman-compliant.docx"
    result, _ = packet(runner, tmp_path, word, env={"IWP_SOFFICE": fake_soffice(tmp_path, "exit 0")})
    assert result.exit_code == 3 and "(conversion-failed)" in result.stderr


def test_json_record_and_other_files_are_refused(runner, tmp_path):
    result, out = packet(runner, tmp_path, ROOT / SAMPLE_RECORDS[0])
    assert result.exit_code == 2 and "JSON record has no pages" in result.stderr and not out.exists()
    result, out = packet(runner, tmp_path, FORM, ROOT / SAMPLE_RECORDS[0])
    assert result.exit_code == 2 and not out.exists()
    text = tmp_path / "notes.pdf"
    text.write_text("not a pdf")
    result, out = packet(runner, tmp_path, FORM, text)
    assert result.exit_code == 3 and "(unsupported-format)" in result.stderr
    result, out = packet(runner, tmp_path, tmp_path / "missing.pdf")
    assert result.exit_code == 3 and "(not-found)" in result.stderr
    result = runner.invoke(cli, ["packet", str(FORM), "--reason", "new", "-o", str(tmp_path / "p.docx")])
    assert result.exit_code == 2


def test_output_may_not_be_an_input(runner, tmp_path):
    copy = tmp_path / "amendment.pdf"
    shutil.copy(FLAT, copy)
    before = sha256(copy)
    result = runner.invoke(cli, ["packet", str(FORM), str(copy), "--reason", "new", "-o", str(copy)])
    assert result.exit_code == 2 and sha256(copy) == before


def test_scan_packet_with_force(runner, tmp_path):
    scan = ROOT / "fixtures/documents/scans/brandt-compliant-scan.pdf"
    result, out = packet(runner, tmp_path, scan)
    assert result.exit_code == 3 and "(no-text-layer)" in result.stderr
    result, out = packet(runner, tmp_path, scan, extra=["--force"])
    assert result.exit_code == 0
    assert pdf_page_count(out.read_bytes()) == 3
    assert coversheet_from_pdf_text(pdf_texts(out.read_bytes())[0])[PAGES] == "3"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_poppler_renders_every_packet_page(runner, tmp_path):
    result, out = packet(runner, tmp_path, FORM, FLAT)
    assert result.exit_code == 0
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")], check=True, capture_output=True)
    assert len(list(tmp_path.glob("page*.png"))) == pdf_page_count(out.read_bytes()) == 6
