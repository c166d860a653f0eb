"""The command line: help, version, exit codes, formats, output files, SSN masking."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from iwp_pipeline import __version__
from iwp_pipeline.cli import cli
from iwp_pipeline.report.jsonfmt import report_validator

FULL_SSN = "900-12-3456"
SSN_SHAPES = re.compile(r"900[- ]?12[- ]?3456")


def test_help_lists_subcommands(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "check" in result.output and "rules" in result.output


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_check_help_documents_exit_codes(runner):
    result = runner.invoke(cli, ["check", "--help"])
    assert result.exit_code == 0
    for line in ("0  every document is compliant", "1  at least one document is noncompliant",
                 "2  usage error", "3  at least one input could not be read"):
        assert line in result.output


def test_python_dash_m_runs_the_command():
    result = subprocess.run([sys.executable, "-m", "iwp_pipeline", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and __version__ in result.stdout


def test_exit_code_0_for_compliant(runner, write_record):
    assert runner.invoke(cli, ["check", str(write_record())]).exit_code == 0


def test_exit_code_1_for_noncompliant(runner, write_record):
    path = write_record([{"op": "replace", "path": "/en/pid", "value": None}])
    assert runner.invoke(cli, ["check", str(path)]).exit_code == 1


def test_exit_code_2_for_usage_errors(runner, write_record):
    assert runner.invoke(cli, ["check"]).exit_code == 2
    assert runner.invoke(cli, ["check", "--format", "yaml", str(write_record())]).exit_code == 2
    assert runner.invoke(cli, ["check", "--submission-date", "someday", str(write_record())]).exit_code == 2
    assert runner.invoke(cli, ["rules", "NOPE99"]).exit_code == 2


def test_exit_code_3_wins_over_1(runner, write_record, tmp_path):
    bad = write_record([{"op": "replace", "path": "/en/pid", "value": None}], name="bad.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(bad), str(broken), "--format", "json"])
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert [d["status"] for d in data["documents"]] == ["noncompliant", "error"]
    assert data["documents"][1]["error"]["code"] == "invalid-json"


def test_missing_file_is_reported_not_fatal(runner, write_record, tmp_path):
    result = runner.invoke(cli, ["check", str(tmp_path / "nope.pdf"), str(write_record()), "-f", "json"])
    assert result.exit_code == 3
    docs = json.loads(result.stdout)["documents"]
    assert docs[0]["error"]["code"] == "not-found" and docs[1]["status"] == "compliant"


def test_unknown_bytes_are_unsupported_format(runner, tmp_path):
    fake = tmp_path / "letter.pdf"
    fake.write_text("Dear Sir, this is plain text.", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(fake), "-f", "json"])
    doc = json.loads(result.stdout)["documents"][0]
    assert result.exit_code == 3 and doc["error"]["code"] == "unsupported-format"


def test_folder_is_expanded_recursively_in_sorted_order(runner, write_record, tmp_path):
    (tmp_path / "b").mkdir()
    write_record(name="b/z.json")
    write_record(name="a.json")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(tmp_path), "-f", "json"])
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert [p.rsplit("/", 2)[-2:] for p in paths] == [[tmp_path.name, "a.json"], ["b", "z.json"]]


def test_every_format_masks_the_ssn_unless_asked(runner, write_record):
    path = write_record([{"op": "replace", "path": "/discussion/summary",
                          "value": "Attached summary for SSN 900-12-3456 (900123456) about goals and services."}])
    for fmt in ("text", "json", "markdown", "html"):
        out = runner.invoke(cli, ["check", str(path), "--format", fmt]).stdout
        assert not SSN_SHAPES.search(out), fmt
    shown = runner.invoke(cli, ["check", str(path), "--format", "json", "--show-ssn"]).stdout
    assert json.loads(shown)["documents"][0]["record"]["ticketholder"]["ssn"] == FULL_SSN
    masked = runner.invoke(cli, ["check", str(path), "--format", "json"]).stdout
    assert json.loads(masked)["documents"][0]["record"]["ticketholder"]["ssn"] == "***-**-3456"


def test_output_file_is_written_and_nothing_left_behind(runner, write_record, tmp_path):
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    result = runner.invoke(cli, ["check", str(write_record()), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    report_validator().validate(json.loads(out.read_text(encoding="utf-8")))
    assert [p.name for p in out.parent.iterdir()] == ["report.json"]


def test_output_to_missing_folder_is_a_clear_error(runner, write_record, tmp_path):
    result = runner.invoke(cli, ["check", str(write_record()), "-o", str(tmp_path / "no" / "r.txt")])
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_submission_date_accepts_us_dates(runner, write_record):
    path = write_record()
    late = runner.invoke(cli, ["check", str(path), "--submission-date", "04/30/2025", "-f", "json"])
    assert late.exit_code == 1
    assert any(f["rule"] == "SUB01" for f in json.loads(late.stdout)["documents"][0]["findings"])
    ok = runner.invoke(cli, ["check", str(path), "--submission-date", "2025-03-20"])
    assert ok.exit_code == 0


def test_thresholds_file_replaces_the_table(runner, write_record, tmp_path):
    table = tmp_path / "t.json"
    table.write_text(json.dumps({"rows": [{"year": 2025, "sga": 3000, "sga_blind": 4000, "twl": 1000}]}))
    result = runner.invoke(cli, ["check", str(write_record()), "--thresholds", str(table), "-f", "json"])
    assert result.exit_code == 1
    assert "GOAL03" in {f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]}
    table.write_text("{}")
    assert runner.invoke(cli, ["check", str(write_record()), "--thresholds", str(table)]).exit_code == 2


def test_rules_lists_and_explains(runner):
    listing = runner.invoke(cli, ["rules"])
    assert listing.exit_code == 0
    for n in range(1, 16):
        assert f"TERM{n:02d}" in listing.output
    one = runner.invoke(cli, ["rules", "term07"])
    assert one.exit_code == 0 and "411.605" in one.output
    data = json.loads(runner.invoke(cli, ["rules", "--format", "json"]).output)
    assert {r["component"] for r in data} >= {"part1.contact", "part3.terms"}
