"""Regression guard on the held-out documents (fixtures/heldout/): the figures the reader reached.

The thresholds are the figures measured after the last change to the reader (rounded down),
per group and document kind: verdict agreement, failing-components-and-terms agreement and
field accuracy, in percent. The six templates were used to develop the reader (they are no
longer held out), so these figures show it has not lost what it learned, not how it
generalises. Raise them when the reader improves; never above what it reaches.
Documents are checked in this process (``fixtures/heldout/evaluate.py``), not one CLI run each.
The groups final2 to final23 were each scored on the reader before they were opened for
development; their rows below are development figures since. The groups final24 and final25
(scored once on the round-11 reader) are not guarded here yet (tests/test_heldout_final2.py ...
test_heldout_final25.py only check that their documents say what their expectations claim).
"""

from __future__ import annotations

import pytest

from fixtures.heldout.evaluate import ALL, group_of, run, tallies
from tests.fixture_eval import HELDOUT_DIR, expectations

# (group, kind): (documents, verdict %, failing components and terms %, fields %)
# dev to final23 are development groups now (each new score is taken on a fresh, untouched group).
REACHED = {
    ("dev", "docx"): (31, 100.0, 100.0, 100.0),
    ("dev", "pdf-form"): (18, 100.0, 100.0, 100.0),
    ("dev", "pdf-text"): (55, 100.0, 100.0, 100.0),
    ("dev", "all"): (104, 100.0, 100.0, 100.0),
    ("final", "docx"): (31, 100.0, 100.0, 100.0),
    ("final", "pdf-form"): (18, 100.0, 100.0, 100.0),
    ("final", "pdf-text"): (55, 100.0, 100.0, 100.0),
    ("final", "all"): (104, 100.0, 100.0, 100.0),
    # final2, opened for development after its one scoring (all 69.9 / 0.0 / 44.2)
    ("final2", "docx"): (50, 100.0, 100.0, 100.0),
    ("final2", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final2", "pdf-text"): (48, 93.7, 87.5, 99.3),
    ("final2", "all"): (113, 97.3, 94.6, 99.7),
    # final3, opened for development after its one scoring (all 69.9 / 0.0 / 20.7)
    ("final3", "docx"): (50, 92.0, 90.0, 99.3),
    ("final3", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final3", "pdf-text"): (48, 95.8, 87.5, 99.0),
    ("final3", "all"): (113, 94.6, 90.2, 99.3),
    # final4, opened for development after its one scoring (all 75.2 / 28.3 / 59.8)
    ("final4", "docx"): (50, 100.0, 98.0, 99.8),
    ("final4", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final4", "pdf-text"): (48, 93.7, 93.7, 99.7),
    ("final4", "all"): (113, 97.3, 96.4, 99.8),
    # final5, opened for development after its one scoring (all 69.9 / 0.0 / 27.9)
    ("final5", "docx"): (50, 94.0, 94.0, 99.6),
    ("final5", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final5", "pdf-text"): (48, 89.5, 85.4, 97.1),
    ("final5", "all"): (113, 92.9, 91.1, 98.6),
    # final6, opened for development after its one scoring (all 69.9 / 0.0 / 49.3)
    ("final6", "docx"): (50, 100.0, 100.0, 100.0),
    ("final6", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final6", "pdf-text"): (48, 87.5, 70.8, 98.0),
    ("final6", "all"): (113, 94.6, 87.6, 99.1),
    # final7, opened for development after its scorings (all 69.9 / 0.0 / 31.4, then 33.6, 33.7)
    ("final7", "docx"): (50, 94.0, 80.0, 99.0),
    ("final7", "pdf-form"): (15, 93.3, 93.3, 99.7),
    ("final7", "pdf-text"): (48, 89.5, 68.7, 88.9),
    ("final7", "all"): (113, 92.0, 76.9, 94.8),
    # final8, opened for development after its scorings (all 69.9 / 0.0 / 47.3, then 48.2)
    ("final8", "docx"): (50, 98.0, 96.0, 99.8),
    ("final8", "pdf-form"): (15, 100.0, 100.0, 96.5),
    ("final8", "pdf-text"): (48, 97.9, 95.8, 97.4),
    ("final8", "all"): (113, 98.2, 96.4, 98.3),
    # final9, opened for development after its one scoring (all 69.9 / 0.0 / 42.3)
    ("final9", "docx"): (50, 94.0, 94.0, 99.8),
    ("final9", "pdf-form"): (15, 93.3, 93.3, 99.7),
    ("final9", "pdf-text"): (48, 95.8, 83.3, 97.5),
    ("final9", "all"): (113, 94.6, 89.3, 98.8),
    # final10, opened for development after its scorings (all 69.9 / 0.0 / 35.3, then 35.4)
    ("final10", "docx"): (50, 92.0, 80.0, 99.0),
    ("final10", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final10", "pdf-text"): (48, 97.9, 91.6, 97.7),
    ("final10", "all"): (113, 95.5, 87.6, 98.6),
    # final11, opened for development after its scorings (all 69.9 / 0.9 / 47.5, then 48.0)
    ("final11", "docx"): (50, 94.0, 94.0, 99.7),
    ("final11", "pdf-form"): (15, 100.0, 86.6, 95.3),
    ("final11", "pdf-text"): (48, 81.2, 81.2, 97.2),
    ("final11", "all"): (113, 89.3, 87.6, 98.0),
    # final12, opened for development after its scorings (all 69.9 / 0.0 / 64.4, the same twice more)
    ("final12", "docx"): (50, 94.0, 94.0, 99.7),
    ("final12", "pdf-form"): (15, 93.3, 93.3, 99.7),
    ("final12", "pdf-text"): (48, 83.3, 83.3, 98.5),
    ("final12", "all"): (113, 89.3, 89.3, 99.2),
    # final13, opened for development after its scorings (all 69.9 / 0.0 / 47.7, the same twice more)
    ("final13", "docx"): (50, 96.0, 96.0, 99.6),
    ("final13", "pdf-form"): (15, 93.3, 86.6, 99.4),
    ("final13", "pdf-text"): (48, 91.6, 85.4, 99.1),
    ("final13", "all"): (113, 93.8, 90.2, 99.4),
    # final14, opened for development after its one scoring (all 69.9 / 0.0 / 49.9; 49.1 on the round-6 reader)
    ("final14", "docx"): (50, 89.9, 87.9, 99.5),
    ("final14", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final14", "pdf-text"): (48, 74.9, 24.9, 87.0),
    ("final14", "all"): (113, 84.9, 62.7, 94.2),
    # final15, opened for development after its one scoring (all 73.5 / 10.6 / 70.9; 66.9 on the round-6 reader)
    ("final15", "docx"): (50, 94.0, 94.0, 99.3),
    ("final15", "pdf-form"): (15, 86.6, 60.0, 98.2),
    ("final15", "pdf-text"): (48, 91.6, 70.7, 98.5),
    ("final15", "all"): (113, 91.9, 79.5, 98.8),
    # final16, opened for development after its one scoring (all 69.9 / 0.0 / 61.6; 57.9 on the round-6 reader)
    ("final16", "docx"): (50, 95.9, 95.9, 99.7),
    ("final16", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final16", "pdf-text"): (48, 87.4, 74.9, 98.4),
    ("final16", "all"): (113, 92.8, 87.5, 99.2),
    # final17, opened for development after its one scoring (all 76.1 / 30.1 / 67.1; 65.3 on the round-6 reader)
    ("final17", "docx"): (50, 79.9, 77.9, 98.8),
    ("final17", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final17", "pdf-text"): (48, 93.7, 87.4, 97.8),
    ("final17", "all"): (113, 88.4, 84.9, 98.5),
    # final18, opened for development after its one scoring (all 73.5 / 8.8 / 71.7; 64.4 on the round-7 reader)
    ("final18", "docx"): (50, 91.9, 89.9, 99.4),
    ("final18", "pdf-form"): (15, 86.6, 66.6, 98.2),
    ("final18", "pdf-text"): (48, 74.9, 22.8, 79.5),
    ("final18", "all"): (113, 84.0, 58.3, 90.8),
    # final19, opened for development after its one scoring (all 69.9 / 0.0 / 58.7; 55.6 on the round-7 reader)
    ("final19", "docx"): (50, 79.9, 45.9, 89.1),
    ("final19", "pdf-form"): (15, 73.2, 19.9, 96.4),
    ("final19", "pdf-text"): (48, 79.1, 20.7, 88.8),
    ("final19", "all"): (113, 78.7, 31.8, 89.9),
    # final20, opened for development after its one scoring (all 85.8 / 52.2 / 77.1; 74.5 on the round-8 reader)
    ("final20", "docx"): (50, 89.9, 89.9, 99.5),
    ("final20", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final20", "pdf-text"): (48, 95.7, 91.6, 99.1),
    ("final20", "all"): (113, 93.7, 91.9, 99.4),
    # final21, opened for development after its one scoring (all 69.9 / 0.0 / 67.1; 67.1 on the round-8 reader)
    ("final21", "docx"): (50, 83.9, 83.9, 99.2),
    ("final21", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final21", "pdf-text"): (48, 87.4, 83.2, 99.1),
    ("final21", "all"): (113, 87.5, 85.7, 99.2),
    # final22, opened for development after its one scoring (all 69.9 / 0.9 / 51.1; the same on the round-9 reader)
    ("final22", "docx"): (50, 69.9, 3.9, 95.2),
    ("final22", "pdf-form"): (15, 59.9, 6.6, 91.5),
    ("final22", "pdf-text"): (48, 72.8, 0.0, 59.9),
    ("final22", "all"): (113, 69.8, 2.6, 79.7),
    # final23, opened for development after its one scoring (all 76.1 / 21.2 / 69.8; 70.6 on the round-9 reader)
    ("final23", "docx"): (50, 91.9, 79.9, 95.6),
    ("final23", "pdf-form"): (15, 100.0, 100.0, 100.0),
    ("final23", "pdf-text"): (48, 81.1, 45.7, 90.1),
    ("final23", "all"): (113, 88.4, 68.0, 93.8),
}
SCORED = (*ALL, "final2", "final3", "final4", "final5", "final6", "final7", "final8", "final9", "final10",
          "final11", "final12", "final13", "final14", "final15", "final16", "final17",
          "final18", "final19", "final20", "final21", "final22", "final23")
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

    final24 and final25 are not scored here (scored once, not yet developed on).
    """
    assert set(measured) == set(REACHED)
