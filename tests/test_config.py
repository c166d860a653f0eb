"""Settings from pyproject.toml [tool.iwp] or .iwp.toml; --fail-on, --select, --ignore."""

from __future__ import annotations

import json

from iwp_pipeline.cli import cli
from tests.conftest import ROOT

TERM7 = ROOT / "fixtures" / "documents" / "ownflat" / "whitaker-term-07.pdf"
BASE = ROOT / "fixtures" / "samples" / "bright-path-gonzalez.json"


def _findings(result):
    return {f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]}


def test_fail_on(runner, write_record):
    warn_only = write_record([{"op": "replace", "path": "/employment_goals/short_term/monthly_earnings", "value": 900}])
    assert runner.invoke(cli, ["check", str(warn_only), "-q"]).exit_code == 0
    assert runner.invoke(cli, ["check", str(warn_only), "-q", "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(cli, ["check", str(TERM7), "-q", "--fail-on", "never"]).exit_code == 0


def test_select_and_ignore(runner):
    ignored = runner.invoke(cli, ["check", str(TERM7), "-q", "-f", "json", "--ignore", "TERM07"])
    assert ignored.exit_code == 0 and "TERM07" not in _findings(ignored)
    selected = runner.invoke(cli, ["check", str(TERM7), "-q", "-f", "json", "--select", "TERM"])
    assert selected.exit_code == 1 and _findings(selected) == {"TERM07"}


def test_pyproject_settings_apply_and_options_win(runner, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.iwp]\nignore = ["TERM07"]\nformat = "json"\nquiet = true\n',
                                            encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from_file = runner.invoke(cli, ["check", str(TERM7)])
    assert from_file.exit_code == 0 and "TERM07" not in _findings(from_file)
    overridden = runner.invoke(cli, ["check", str(TERM7), "--ignore", "SIG06", "-f", "text"])
    assert overridden.exit_code == 1 and "TERM07" in overridden.stdout


def test_iwp_toml_in_a_parent_folder(runner, tmp_path, monkeypatch):
    (tmp_path / ".iwp.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert runner.invoke(cli, ["check", str(TERM7), "-q"]).exit_code == 0


def test_bad_settings_are_usage_errors(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".iwp.toml").write_text('fail_on_warning = true\n', encoding="utf-8")
    result = runner.invoke(cli, ["check", str(BASE)])
    assert result.exit_code == 2 and "unknown setting 'fail_on_warning'" in result.stderr
    (tmp_path / ".iwp.toml").write_text('jobs = "two"\n', encoding="utf-8")
    assert runner.invoke(cli, ["check", str(BASE)]).exit_code == 2
    (tmp_path / ".iwp.toml").write_text('jobs = [\n', encoding="utf-8")
    result = runner.invoke(cli, ["check", str(BASE)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_report_option_needs_format_and_path(runner):
    assert runner.invoke(cli, ["check", str(BASE), "--report", "pdf:x.pdf"]).exit_code == 2
    assert runner.invoke(cli, ["check", str(BASE), "--report", "csv"]).exit_code == 2
