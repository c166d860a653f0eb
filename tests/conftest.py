"""Shared test helpers: the compliant base record, a tiny JSON Patch, the CLI runner."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
BASE_RECORD = FIXTURES / "records" / "compliant-base.json"


def base_record() -> dict[str, Any]:
    """A fresh copy of the compliant base record."""
    return json.loads(BASE_RECORD.read_text(encoding="utf-8"))


def apply_patch(doc: Any, ops: list[dict[str, Any]]) -> Any:
    """Apply JSON Patch (RFC 6902) replace/add/remove operations to a copy of ``doc``."""
    doc = copy.deepcopy(doc)
    for op in ops:
        if op["path"] == "":
            doc = copy.deepcopy(op["value"])
            continue
        parts = [p.replace("~1", "/").replace("~0", "~") for p in op["path"].split("/")[1:]]
        parent = doc
        for part in parts[:-1]:
            parent = parent[int(part)] if isinstance(parent, list) else parent[part]
        last = parts[-1]
        if isinstance(parent, list):
            index = len(parent) if last == "-" else int(last)
            if op["op"] == "remove":
                del parent[index]
            elif op["op"] == "add":
                parent.insert(index, copy.deepcopy(op["value"]))
            else:
                parent[index] = copy.deepcopy(op["value"])
        elif op["op"] == "remove":
            del parent[last]
        else:
            parent[last] = copy.deepcopy(op["value"])
    return doc


@pytest.fixture
def runner() -> CliRunner:
    """A click runner that keeps stderr apart from stdout."""
    return CliRunner()


@pytest.fixture
def write_record(tmp_path: Path):
    """Write a (patched) base record to a file and return its path."""

    def write(ops: list[dict[str, Any]] | None = None, name: str = "record.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(apply_patch(base_record(), ops or [])), encoding="utf-8")
        return path

    return write


def pytest_terminal_summary(terminalreporter):  # noqa: D103
    from tests import test_fixture_documents as fixtures

    if not fixtures.VERDICTS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("fixture documents: verdict agreement and field accuracy")
    for kind in sorted(fixtures.VERDICTS):
        verdicts = fixtures.VERDICTS[kind]
        fields = [ok for results in fixtures.ACCURACY[kind].values() for ok in results]
        field_rate = f"{100 * sum(fields) / len(fields):.1f}%" if fields else "n/a"
        write(f"{kind:<10} documents {len(verdicts):>4}  verdict+findings {100 * sum(verdicts) / len(verdicts):5.1f}%"
              f"  fields {field_rate}")
    worst = sorted(((sum(v) / len(v), k, name) for k, d in fixtures.ACCURACY.items() for name, v in d.items()),
                   key=lambda t: t[0])[:5]
    for rate, kind, name in worst:
        if rate < 1:
            write(f"  weakest: {kind} {name} {100 * rate:.1f}%")
