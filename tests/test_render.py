"""iwp render: a complete IWP from a record, read back into the same record and checked."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from docxtpl import DocxTemplate
from jinja2 import meta
from jsonschema import Draft202012Validator

from iwp_pipeline.checker import check_data, check_record
from iwp_pipeline.cli import cli
from iwp_pipeline.model import record_from_dict
from iwp_pipeline.pipeline import extract_path
from iwp_pipeline.render import FILTERS, iwp_context, jinja_environment, render_iwp
from iwp_pipeline.resources import load_schema, template_file
from iwp_pipeline.rules.base import CheckOptions
from tests.conftest import FIXTURES

RECORDS = sorted((FIXTURES / "samples").glob("*.json")) + [FIXTURES / "records" / "compliant-base.json"]
OPTIONS = CheckOptions(today=date(2026, 11, 24))

NOT_CARRIED = {
    "/provenance": "where values were found: a property of a read document, not of the plan",
    "/terms_and_conditions/*/evidence": "the template words each term its own way; the evidence is the text matched",
    "/ticketholder/blind": "the template has no place for it (it only changes which SGA amount applies)",
    "/signatures/ticketholder/by_representative": "false and unknown print the same signature line",
    "/en/business_models_selected": "read from the ticked business-model boxes, so it names the model when the "
                                    "record leaves it empty",
    "/discussion/attached": "the rendered IWP carries the summary in Section 1, not as an attachment",
    "/discussion/attachment_identifies": "as above",
    "/employment_goals/training/provider": "the reader does not read a training provider",
    "/amendments": "amendments are separate documents (iwp amend)",
}
"""Fields a rendered IWP cannot carry back to ``iwp extract``; every other field must round-trip."""


def _flat(value, pointer=""):
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            out.update(_flat(item, f"{pointer}/{key}"))
        return out
    if isinstance(value, list):
        out = {pointer: len(value)} if not value else {}
        for i, item in enumerate(value):
            out.update(_flat(item, f"{pointer}/{i}"))
        return out
    return {pointer: value}


def _carried(pointer: str) -> bool:
    generic = re.sub(r"/\d+(?=/|$)", "/*", pointer)
    return not any(generic == p or generic.startswith(p + "/") or pointer.startswith(p + "/") or pointer == p
                   for p in NOT_CARRIED)


def _norm(value):
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip()
    return value


def same_record(want: dict, got: dict) -> list[str]:
    """The carried fields that differ between two records (as JSON)."""
    a, b = _flat(want), _flat(got)
    return [f"{p}: {a.get(p)!r} != {b.get(p)!r}" for p in sorted(set(a) | set(b))
            if _carried(p) and _norm(a.get(p)) != _norm(b.get(p))]


@pytest.fixture(scope="module", params=RECORDS, ids=lambda p: p.name)
def round_trip(request, tmp_path_factory):
    source = json.loads(request.param.read_text(encoding="utf-8"))
    record, _ = check_data(source, OPTIONS)
    path = tmp_path_factory.mktemp("render") / "iwp.docx"
    path.write_bytes(render_iwp(record))
    return source, record, path


def test_render_then_extract_gives_the_same_record(round_trip):
    source, record, path = round_trip
    back = extract_path(path)
    assert back.document_type == "iwp"
    assert same_record(record.to_dict(), back.to_dict()) == []


def test_rendered_iwp_checks_like_its_record(round_trip):
    source, record, path = round_trip
    _, want = check_data(source, OPTIONS)
    got = check_record(extract_path(path), OPTIONS)
    assert sorted({f.rule for f in got}) == sorted({f.rule for f in want})


def test_compliant_records_render_compliant_iwps(runner, tmp_path):
    out = tmp_path / "plan.docx"
    result = runner.invoke(cli, ["render", str(FIXTURES / "records" / "compliant-base.json"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    check = runner.invoke(cli, ["check", str(out), "--format", "json"])
    assert check.exit_code == 0, check.output
    report = json.loads(check.stdout)
    assert report["documents"][0]["status"] == "compliant"


def test_rendered_iwp_has_every_part_and_the_full_ssn(round_trip):
    _, record, path = round_trip
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    for heading in ("Part One", "Section 1", "Section 2", "Section 3", "Section 4", "Part Three",
                    "Signatures"):
        assert heading in text
    assert record.ticketholder.ssn in text
    assert "{{" not in text and "{%" not in text


def test_a_term_the_record_lacks_is_left_out():
    source = json.loads((FIXTURES / "samples" / "bright-path-gonzalez-draft.json").read_text(encoding="utf-8"))
    record = record_from_dict(source)
    text = render_iwp(record)
    back = extract_path_bytes(text)
    assert {t.number for t in back.terms_and_conditions if t.present} == set(range(1, 16)) - {8}


def extract_path_bytes(data: bytes):
    from iwp_pipeline.extract import extract_record

    return extract_record(data, "docx")[1]


def test_template_context_is_the_record_json():
    """Issue #7 contract: the IWP template reads the record's JSON and nothing else (no helper values)."""
    with template_file("iwp.docx").open("rb") as handle:
        template = DocxTemplate(handle)
        template.init_docx()
        variables = template.get_undeclared_template_variables(jinja_environment())
    source = json.loads((FIXTURES / "records" / "compliant-base.json").read_text())
    record_keys = set(source) - {"provenance"}
    assert variables <= record_keys, variables - record_keys
    context = iwp_context(record_from_dict(source))
    assert set(context) == record_keys
    Draft202012Validator(load_schema("iwp.schema.json")).validate(context)
    assert meta  # jinja2.meta is what docxtpl uses for the variables above


def test_context_lists_every_term_in_order():
    """terms_and_conditions[N - 1] is term N, even when the record lists fewer terms or another order."""
    source = json.loads((FIXTURES / "records" / "compliant-base.json").read_text())
    source["terms_and_conditions"] = [t for t in reversed(source["terms_and_conditions"]) if t["number"] != 8]
    terms = iwp_context(record_from_dict(source))["terms_and_conditions"]
    assert [t["number"] for t in terms] == list(range(1, 16))
    assert [t["number"] for t in terms if not t["present"]] == [8]
    back = extract_path_bytes(render_iwp(record_from_dict(source)))
    assert {t.number for t in back.terms_and_conditions if t.present} == set(range(1, 16)) - {8}


def test_service_label_filter():
    label = FILTERS["service_label"]
    assert label("job_search") == "Job Search" and label("other") == "Other:"
    assert label(None) == "" and label("unheard_of") == "unheard_of"


def test_render_refuses_a_document_that_is_not_an_iwp(runner, tmp_path):
    other = tmp_path / "other.json"
    other.write_text('{"hello": "world"}')
    result = runner.invoke(cli, ["render", str(other), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 3
    assert "not an IWP" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "x.docx").exists()


def test_render_never_overwrites_its_input(runner, tmp_path):
    record = tmp_path / "record.json"
    shutil.copy(FIXTURES / "records" / "compliant-base.json", record)
    before = record.read_bytes()
    result = runner.invoke(cli, ["render", str(record), "-o", str(record)])
    assert result.exit_code == 2
    assert record.read_bytes() == before


def test_missing_libreoffice_is_a_clear_error(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("IWP_SOFFICE", str(tmp_path / "no-such-soffice"))
    out = tmp_path / "plan.docx"
    result = runner.invoke(cli, ["render", str(FIXTURES / "records" / "compliant-base.json"), "-o", str(out),
                                 "--pdf"])
    assert result.exit_code == 2
    assert "needs LibreOffice" in result.stderr and "--pdf" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() and not out.with_suffix(".pdf").exists()


def test_missing_libreoffice_on_path(tmp_path, monkeypatch):
    from iwp_pipeline.convert import docx_to_pdf
    from iwp_pipeline.errors import ConverterMissing

    monkeypatch.delenv("IWP_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConverterMissing) as caught:
        docx_to_pdf(b"PK", timeout=5)
    assert caught.value.code == "converter-missing" and "apt-get install" in caught.value.message


def test_a_failing_converter_is_conversion_failed(tmp_path, monkeypatch):
    from iwp_pipeline.convert import docx_to_pdf
    from iwp_pipeline.errors import ConversionFailed

    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    with pytest.raises(ConversionFailed) as caught:
        docx_to_pdf(b"PK", timeout=5, soffice=str(fake))
    assert caught.value.code == "conversion-failed"


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice (soffice) is not installed")
def test_pdf_output_is_a_compliant_iwp(runner, tmp_path):
    out = tmp_path / "plan.docx"
    result = runner.invoke(cli, ["render", str(FIXTURES / "records" / "compliant-base.json"), "-o", str(out),
                                 "--pdf"])
    assert result.exit_code == 0, result.output
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    check = runner.invoke(cli, ["check", str(pdf), "--format", "json"])
    assert json.loads(check.stdout)["documents"][0]["status"] == "compliant", check.stdout
