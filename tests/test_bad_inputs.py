"""Bad input: every file gets one result with a stable code, no traceback, nothing modified."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from iwp_pipeline.cli import cli
from tests.conftest import ROOT

FORM = ROOT / "fixtures" / "documents" / "form" / "gonzalez-compliant.pdf"
DOCX = ROOT / "fixtures" / "documents" / "harbor" / "gonzalez-compliant.docx"


def _check(runner, *paths, extra=()):
    result = runner.invoke(cli, ["check", *map(str, paths), "-f", "json", *extra])
    assert "Traceback" not in result.output + (result.stderr or "")
    return result.exit_code, json.loads(result.stdout)["documents"]


def _encrypted(tmp_path, user_password):
    writer = PdfWriter(clone_from=PdfReader(FORM))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    path = tmp_path / f"encrypted-{bool(user_password)}.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def _many_pages(tmp_path, pages):
    path = tmp_path / "huge.pdf"
    c = canvas.Canvas(str(path))
    for i in range(pages):
        c.drawString(72, 720, f"Page {i + 1}")
        c.showPage()
    c.save()
    return path


def _zip_bomb(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * 30_000_000 + b"</w:document>")
    return path


def _xxe(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "xxe.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", xml)
    return path


def _pdf_of_objects(*objects: bytes) -> bytes:
    """A small PDF whose numbered objects are given, with a correct cross-reference table."""
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def _broken_page(tmp_path):
    """A PDF that opens and counts one page, but the page object is a number."""
    path = tmp_path / "broken-page.pdf"
    path.write_bytes(_pdf_of_objects(b"<< /Type /Catalog /Pages 2 0 R >>",
                                     b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"42"))
    return path


def test_each_bad_file_gets_its_code(runner, tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(FORM.read_bytes()[:3000])
    text = tmp_path / "notes.pdf"
    text.write_text("just some notes", encoding="utf-8")
    broken_docx = tmp_path / "broken.docx"
    broken_docx.write_bytes(DOCX.read_bytes()[:2000])
    cases = {
        empty: "empty", truncated: "corrupt", text: "unsupported-format", broken_docx: "corrupt",
        _encrypted(tmp_path, "secret"): "encrypted", _many_pages(tmp_path, 30): "too-large",
        _zip_bomb(tmp_path): "too-large", _xxe(tmp_path): "corrupt", _broken_page(tmp_path): "corrupt",
    }
    code, docs = _check(runner, *cases, extra=["--max-pages", "20"])
    assert code == 3
    got = {d["path"]: d["error"]["code"] if d["error"] else d["status"] for d in docs}
    assert got == {str(p): c for p, c in cases.items()}
    for d in docs:
        assert d["status"] == "error" and d["record"] is None and d["findings"] == []
        assert "\n" not in d["error"]["message"]
        assert "TOP-SECRET" not in d["error"]["message"]


def test_pdf_encrypted_with_an_empty_user_password_is_read(runner, tmp_path):
    code, docs = _check(runner, _encrypted(tmp_path, ""))
    assert docs[0]["status"] == "compliant" and code == 0


def test_folder_with_odd_names_and_broken_links(runner, tmp_path):
    odd = tmp_path / "Jos\u00e9 P\u00e9rez plan (final).docx"
    odd.write_bytes(DOCX.read_bytes())
    (tmp_path / "dangling.pdf").symlink_to(tmp_path / "gone.pdf")
    code, docs = _check(runner, tmp_path)
    by_name = {os.path.basename(d["path"]): d for d in docs}
    assert by_name["dangling.pdf"]["error"]["code"] == "not-found"
    assert by_name[odd.name]["status"] == "compliant"
    assert code == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(runner, tmp_path):
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(FORM.read_bytes())
    locked.chmod(0)
    _, docs = _check(runner, locked)
    assert docs[0]["error"]["code"] == "unreadable"


def test_zip_archive_of_submissions(runner, tmp_path):
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FORM, "week1/gonzalez.pdf")
        z.write(DOCX, "week1/gonzalez.docx")
        z.writestr("week2/notes.txt", "ignored")
        z.writestr("week2/broken.pdf", b"%PDF-1.7 garbage")
    code, docs = _check(runner, archive)
    assert [d["path"] for d in docs] == [f"{archive}!week1/gonzalez.docx", f"{archive}!week1/gonzalez.pdf",
                                          f"{archive}!week2/broken.pdf"]
    assert [d["status"] for d in docs] == ["compliant", "compliant", "error"]
    assert code == 3


def test_inputs_are_never_modified(runner, tmp_path):
    files = [FORM, DOCX, ROOT / "fixtures" / "documents" / "scans" / "brandt-compliant-scan.pdf"]
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in files]
    stats = [p.stat().st_mtime_ns for p in files]
    _check(runner, *files)
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in files] == before
    assert [p.stat().st_mtime_ns for p in files] == stats


def test_reports_are_written_atomically_and_completely(runner, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "r.json").write_text("old", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(FORM), "-q", "-o", str(out / "r.json"), "-f", "json",
                                 "--report", f"sarif:{out / 'r.sarif'}", "--report", f"csv:{out / 'r.csv'}"])
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["r.csv", "r.json", "r.sarif"]
    json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert io.StringIO((out / "r.csv").read_text(encoding="utf-8")).readline().startswith("path,kind,status")


def test_a_damaged_pdf_read_after_an_encrypted_one_is_corrupt_not_encrypted(monkeypatch):
    """pdfium keeps its last error between documents: a damaged file may fail with a stale 'password'."""
    import pypdfium2 as pdfium

    from iwp_pipeline.errors import CorruptDocument
    from iwp_pipeline.extract import pdf_reader

    def stale(data):
        raise pdfium.PdfiumError("Failed to load document (PDFium: Incorrect password error).")

    monkeypatch.setattr(pdf_reader.pdfium, "PdfDocument", stale)
    with pytest.raises(CorruptDocument):
        pdf_reader.read_pdf(b"%PDF-1.3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
