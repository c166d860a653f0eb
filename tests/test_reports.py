"""Reports: JSON against its schema, text/Markdown/HTML against golden files.

Regenerate the golden files after an intended change with IWP_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from iwp_pipeline.cli import cli
from iwp_pipeline.report.jsonfmt import report_validator
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
INPUTS = ["tests/data/golden/a-compliant.json", "tests/data/golden/b-noncompliant.json",
          "tests/data/golden/c-broken.json"]
ARGS = ["--submission-date", "2025-03-20"]


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def _render(runner, fmt):
    result = runner.invoke(cli, ["check", *INPUTS, *ARGS, "--format", fmt])
    assert result.exit_code == 3, result.stderr
    return result.stdout


@pytest.mark.parametrize(("fmt", "name"), [("text", "report.txt"), ("markdown", "report.md"),
                                          ("html", "report.html")])
def test_golden(runner, in_root, fmt, name):
    out = _render(runner, fmt).replace(_version(), "VERSION")
    golden = GOLDEN / name
    if os.environ.get("IWP_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def _version():
    from iwp_pipeline import __version__

    return __version__


def test_json_report_is_valid_and_adds_up(runner, in_root):
    data = json.loads(_render(runner, "json"))
    report_validator().validate(data)
    assert [d["path"] for d in data["documents"]] == INPUTS
    assert data["summary"] == {"documents": 3, "compliant": 1, "noncompliant": 1, "error": 1}
    bad = data["documents"][1]
    terms = {f["term"] for f in bad["findings"] if f["component"] == "part3.terms"}
    assert terms == {7, 8}
    assert {"GOAL03", "GOAL04"} <= {f["rule"] for f in bad["findings"]}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self.scripts += tag == "script"


def test_html_is_self_contained_and_escaped(runner, in_root):
    page = _render(runner, "html")
    parser = _Collector()
    parser.feed(page)
    assert parser.scripts == 1  # only our inline script; the document's <script> is escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for name, value in parser.attrs:
        if name in ("src", "href") and value:
            assert value.startswith("#"), f"external reference {value}"
    assert not re.search(r"https?://", page.replace("https://iwp-pipeline.invalid", ""))
