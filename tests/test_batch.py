"""Batches in worker processes: stable order, time limit, crashes and the memory cap."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from iwp_pipeline import pipeline
from iwp_pipeline.batch import BatchLimits, run_batch
from iwp_pipeline.pipeline import RunOptions, discover
from tests.conftest import ROOT

SAMPLES = sorted((ROOT / "fixtures" / "documents" / "harbor").glob("*.docx"))[:4] + [
    ROOT / "fixtures" / "samples" / "bright-path-gonzalez.json"]


@pytest.fixture
def folder(tmp_path):
    for i, src in enumerate(SAMPLES):
        shutil.copy(src, tmp_path / f"{i:02d}-{src.name}")
    return tmp_path


def _paths(results):
    return [r.path for r in results]


def test_same_results_in_the_same_order_whatever_the_jobs(folder):
    sources = discover([folder])
    one = run_batch(sources, RunOptions(), BatchLimits(jobs=1))
    two = run_batch(sources, RunOptions(), BatchLimits(jobs=2))
    assert _paths(one) == _paths(two) == [s.display for s in sources]
    assert [r.status for r in one] == [r.status for r in two]
    assert len(one) == len(SAMPLES)


def _sabotage(monkeypatch, action):
    """Make checking the JSON sample misbehave (workers are forked, so they inherit the patch)."""
    real = pipeline.build_and_check
    target = (ROOT / "fixtures" / "samples" / "bright-path-gonzalez.json").read_bytes()

    def fake(data, options):
        if data == target:
            action()
        return real(data, options)

    monkeypatch.setattr(pipeline, "build_and_check", fake)


def test_a_hanging_document_times_out_and_the_batch_goes_on(folder, monkeypatch):
    _sabotage(monkeypatch, lambda: time.sleep(60))
    start = time.monotonic()
    results = run_batch(discover([folder]), RunOptions(), BatchLimits(jobs=2, timeout=2))
    assert time.monotonic() - start < 30
    by_kind = {r.path.rsplit(".", 1)[-1]: r for r in results}
    assert by_kind["json"].error.code == "timeout"
    assert all(r.error is None for r in results if not r.path.endswith(".json"))
    assert len(results) == len(SAMPLES)


def test_a_document_that_kills_its_worker_is_reported(folder, monkeypatch):
    _sabotage(monkeypatch, lambda: os._exit(9))
    results = run_batch(discover([folder]), RunOptions(), BatchLimits(jobs=1, timeout=20))
    crashed = [r for r in results if r.error and r.error.code == "worker-crashed"]
    assert [r.path.endswith(".json") for r in crashed] == [True]
    assert sum(1 for r in results if r.error is None) == len(SAMPLES) - 1


def test_memory_cap_turns_a_blow_up_into_too_large(folder, monkeypatch):
    _sabotage(monkeypatch, lambda: bytearray(3 * 1024**3))
    results = run_batch(discover([folder]), RunOptions(), BatchLimits(jobs=1, timeout=20, memory_mb=512))
    bad = next(r for r in results if r.path.endswith(".json"))
    assert bad.error is not None and bad.error.code in ("too-large", "worker-crashed")
    assert sum(1 for r in results if r.error is None) == len(SAMPLES) - 1
