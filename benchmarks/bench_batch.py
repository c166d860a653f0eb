#!/usr/bin/env python3
"""Throughput and peak memory of `iwp check` over a large mixed batch, with 1 and 2 jobs.

Copies the fixture documents (fillable and flat PDFs, Word files, LibreOffice exports, scans,
JSON records, non-IWP files) into a temporary folder until it holds N documents, then runs the
real command on it and samples the memory (RSS) of the whole process tree every 20 ms.
Targets (issue #4): at least 40 documents a second on 2 cores, and peak memory that does not
grow with the batch (under 300 MB for 1,000 documents).

Usage: .venv/bin/python benchmarks/bench_batch.py [--documents 500 1000] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IWP = Path(sys.executable).parent / "iwp"


def corpus(folder: Path, count: int) -> dict[str, int]:
    """Fill ``folder`` with ``count`` documents copied round-robin from the fixtures."""
    sources = sorted(p for p in (ROOT / "fixtures").rglob("*")
                     if p.suffix in (".pdf", ".docx") and "holdout" not in p.parts
                     or (p.suffix == ".json" and "records" in p.parts))
    kinds: dict[str, int] = {}
    for i, src in zip(range(count), itertools.cycle(sources)):
        shutil.copy(src, folder / f"{i:05d}-{src.name}")
        kinds[src.suffix] = kinds.get(src.suffix, 0) + 1
    return kinds


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
        todo.extend(children.get(current, []))
    return total


def run(folder: Path, jobs: int) -> tuple[float, float, int]:
    """(seconds, peak MB of the process tree, exit code) of one `iwp check` run."""
    start = time.perf_counter()
    process = subprocess.Popen([str(IWP), "check", str(folder), "--jobs", str(jobs), "-q", "-f", "json",
                                "-o", os.devnull], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    stop.set()
    sampler.join()
    return time.perf_counter() - start, peak / 1024 / 1024, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, nargs="+", default=[500, 1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    print("| documents | jobs | seconds | documents/s | peak memory (MB, all processes) |")
    print("|---:|---:|---:|---:|---:|")
    for count in args.documents:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            kinds = corpus(folder, count)
            for jobs in args.jobs:
                seconds, peak, code = run(folder, jobs)
                assert code in (0, 1, 3), f"iwp check failed with exit code {code}"
                print(f"| {count} | {jobs} | {seconds:.1f} | {count / seconds:.1f} | {peak:.0f} |", flush=True)
        print(f"\nmix of the {count}-document batch: {kinds}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
