"""Every fixture document gives the verdict and findings its expectations name, through the CLI.

Documents and expectations are made by fixtures/make_fixtures.py. At the end of the run the
field accuracy per document kind is printed (see conftest's terminal summary).
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from iwp_pipeline.checker import record_validator
from iwp_pipeline.cli import cli
from tests.fixture_eval import DOCUMENT_DIRS, expectations, score

CASES = [e for folder in DOCUMENT_DIRS for e in expectations(folder)]
ACCURACY: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
VERDICTS: dict[str, list[bool]] = defaultdict(list)


@pytest.mark.skipif(not CASES, reason="no fixture documents (run fixtures/make_fixtures.py)")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_document(runner, case):
    result = runner.invoke(cli, ["check", str(case.path), "--format", "json", "--show-ssn"])
    doc = json.loads(result.stdout)["documents"][0]
    scored = score(doc, case)
    errors = scored.got_errors
    VERDICTS[case.kind].append(scored.verdict and scored.findings)
    for name, ok in scored.fields.items():
        ACCURACY[case.kind][name].append(ok)
    if doc["record"] is not None:
        record_validator().validate(doc["record"])
    assert doc["kind"] == case.kind
    assert doc["status"] == case.status
    if case.error_code:
        assert doc["error"]["code"] == case.error_code
    assert errors == case.errors
