#!/usr/bin/env python3
"""Set-up and everyday tasks with nothing but python3: `python3 tasks.py demo|test|bench`.

demo   create .venv, install iwp-pipeline, check the bundled samples and write out/report.html, and
       the coversheet and submission packet of the compliant form sample
test   create .venv, install iwp-pipeline with its test extras, run the tests (pytest arguments
       may follow: `python3 tasks.py test -k cli`)
bench  run the benchmark scripts in benchmarks/
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
SAMPLES = [
    "fixtures/samples",  # JSON records, as an EN's case-management system exports them
    "fixtures/documents/form/gonzalez-compliant.pdf",  # filled SSA-1370 stand-in (fillable PDF)
    "fixtures/documents/pathways/rahman-compliant.docx",  # an EN's Word template
    "fixtures/documents/harbor/gonzalez-pid.docx",  # Word template, PID missing
    "fixtures/documents/ownflat/whitaker-term-07.pdf",  # flat PDF, term 7 (disputes) missing
    "fixtures/documents/generic-form/brandt-ticketholder-signature.pdf",  # EN's own form, unsigned
    "fixtures/documents/scans/brandt-compliant-scan.pdf",  # a scan: reported as needing OCR
]
SUBMISSION_SAMPLE = "fixtures/documents/form/gonzalez-compliant.pdf"  # `demo` writes its coversheet and packet


def run(*args: str | Path, check: bool = True) -> int:
    """Run a command from the project folder, echoing it."""
    print("+", " ".join(str(a) for a in args), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT)
    if check and code != 0:
        sys.exit(code)
    return code


def ensure_venv(extras: str) -> None:
    """Create .venv and (re)install the package when pyproject.toml or the extras changed."""
    if not PY.exists():
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as exc:  # noqa: BLE001  explain the usual cause instead of a traceback
            sys.exit(f"cannot create {VENV}: {exc}\n(On Debian/Ubuntu: apt-get install python3-venv)")
    stamp = VENV / ".iwp-installed"
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == want:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(PY, "-m", "pip", "install", "--quiet", "-e", target)
    stamp.write_text(want)


def demo() -> int:
    """Check the bundled samples: a text summary on screen and an HTML report in out/."""
    ensure_venv("test")
    (ROOT / "out").mkdir(exist_ok=True)
    iwp = BIN / "iwp"
    code = run(iwp, "check", *SAMPLES, "--format", "html", "--output", "out/report.html", check=False)
    run(iwp, "check", *SAMPLES, check=False)
    # The submission of the compliant form sample: its coversheet (Word) and the packet (PDF).
    sent = ["--reason", "new", "--date-sent", "2025-03-20", "--contact-phone", "555-201-4400"]
    run(iwp, "coversheet", SUBMISSION_SAMPLE, *sent, "-o", "out/coversheet.docx", check=False)
    run(iwp, "packet", SUBMISSION_SAMPLE, *sent, "-o", "out/packet.pdf", check=False)
    if code in (0, 1, 3):  # compliant / noncompliant / some unreadable: the tool did its job
        print(f"\nHTML report: {ROOT / 'out' / 'report.html'}; coversheet and packet: out/coversheet.docx, "
              "out/packet.pdf")
        return 0
    return code


def test(args: list[str]) -> int:
    """Run the test suite; no test collected is a failure."""
    ensure_venv("test")
    code = run(PY, "-m", "pytest", *args, check=False)
    if code == 5:
        print("pytest collected no tests: failing", file=sys.stderr)
        return 1
    return code


def bench() -> int:
    """Run every benchmark script."""
    ensure_venv("test")
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        run(PY, script)
    return 0


def main(argv: list[str]) -> int:
    """Dispatch the task named on the command line."""
    if not argv or argv[0] not in {"demo", "test", "bench"}:
        print(__doc__)
        return 2
    task, rest = argv[0], argv[1:]
    if task == "demo":
        return demo()
    if task == "test":
        return test(rest)
    return bench()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
