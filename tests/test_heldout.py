"""Regression guard on the held-out documents (fixtures/heldout/): the figures the reader reached.

The thresholds are the figures measured after the last change to the reader (rounded down),
per group and document kind: verdict agreement, failing-components-and-terms agreement and
field accuracy, in percent. The six templates were used to develop the reader (they are no
longer held out), so these figures show it has not lost what it learned, not how it
generalises. Raise them when the reader improves; never above what it reaches.
Documents are checked in this process (``fixtures/heldout/evaluate.py``), not one CLI run each.
The group final2 was scored once on the reader before it was opened for development; its rows
below are development figures since. The group final3 is not scored here: it is kept for the
lead's single scoring (tests/test_heldout_final2.py and tests/test_heldout_final3.py only check
that their documents say what their expectations claim).
"""

from __future__ import annotations

import pytest

from fixtures.heldout.evaluate import ALL, group_of, run, tallies
from tests.fixture_eval import HELDOUT_DIR, expectations

# (group, kind): (documents, verdict %, failing components and terms %, fields %)
# All six templates are development templates now (the final score is taken on a fresh group).
REACHED = {
    ("dev", "all"): (104, 100.0, 100.0, 100.0),
    ("dev", "docx"): (31, 100.0, 100.0, 100.0),
    ("dev", "pdf-form"): (18, 100.0, 100.0, 100.0),
    ("dev", "pdf-text"): (55, 100.0, 100.0, 100.0),
    ("final", "all"): (104, 100.0, 100.0, 100.0),
    ("final", "docx"): (31, 100.0, 100.0, 100.0),
    ("final", "pdf-form"): (18, 100.0, 100.0, 100.0),
    ("final", "pdf-text"): (55, 100.0, 100.0, 100.0),
    # final2, opened for development after its one scoring (docx 70.0 / 0.0 / 40.5, pdf-text 72.9 / 0.0 / 47.8)
    ("final2", "docx"): (50, 94.0, 94.0, 99.7),
    ("final2", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final2", "pdf-text"): (48, 72.9, 12.5, 90.9),
    ("final2", "all"): (113, 85.8, 60.1, 96.0),
}
SCORED = (*ALL, "final2")
"""The groups this guard scores."""


@pytest.fixture(scope="module")
def measured():
    cases = [c for c in expectations(HELDOUT_DIR) if group_of(c) in SCORED]
    if not cases:
        pytest.skip("no held-out documents (run fixtures/heldout/make_heldout.py)")
    return tallies(run(cases))


@pytest.mark.parametrize("key", sorted(REACHED), ids=["-".join(k) for k in sorted(REACHED)])
def test_heldout_figures_do_not_drop(measured, key):
    docs, verdict, failing, fields = REACHED[key]
    t = measured[key]
    assert t.docs == docs
    assert 100 * t.verdict / t.docs >= verdict
    assert 100 * t.failing / t.docs >= failing
    assert 100 * t.field_rate() >= fields


def test_every_heldout_document_is_scored(measured):
    """Every held-out document has a kind the table names, and each group holds every kind.

    final3 is not scored here (it is kept for one scoring).
    """
    assert set(measured) == set(REACHED)
