"""Checking many documents in worker processes that no bad file can take down.

Each worker checks one document at a time. The parent gives every document a deadline; a worker
that runs past it is killed and the document gets the error ``timeout``; a worker that dies (a
crash in a native library, or the memory cap) gives ``worker-crashed``; either way a fresh
worker takes over and the batch goes on. Results come back in input order whatever the number
of jobs.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from iwp_pipeline.model import DocumentResult, ErrorInfo, Status
from iwp_pipeline.pipeline import RunOptions, Source, check_source

Progress = Callable[[int, int], None]
"""Called with (documents done, documents in all) after each document."""


@dataclass(frozen=True, slots=True)
class BatchLimits:
    """Per-document guards."""

    jobs: int = 0
    """Worker processes; 0 means one per core."""
    timeout: float = 30.0
    """Seconds one document may take."""
    memory_mb: int | None = 2048
    """Address-space cap of a worker in MiB (None: no cap)."""


def default_jobs() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_batch(sources: Sequence[Source], options: RunOptions, limits: BatchLimits,
              progress: Progress | None = None) -> list[DocumentResult]:
    """Check every source in worker processes; one result per source, in input order."""
    if not sources:
        return []
    jobs = min(limits.jobs or default_jobs(), len(sources))
    pool = _Pool(jobs, options, limits)
    try:
        return pool.run(sources, progress)
    finally:
        pool.close()


class _Worker:
    def __init__(self, context: Any, options: RunOptions, memory_mb: int | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, options, memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None
        self.deadline = 0.0

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class _Pool:
    def __init__(self, jobs: int, options: RunOptions, limits: BatchLimits) -> None:
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        self.context = multiprocessing.get_context(method)
        self.options = options
        self.limits = limits
        self.workers = [self._spawn() for _ in range(jobs)]

    def _spawn(self) -> _Worker:
        return _Worker(self.context, self.options, self.limits.memory_mb)

    def run(self, sources: Sequence[Source], progress: Progress | None) -> list[DocumentResult]:
        results: list[DocumentResult | None] = [None] * len(sources)
        pending = list(range(len(sources)))[::-1]
        done = 0
        while done < len(sources):
            for i, worker in enumerate(self.workers):
                if worker.task is None and pending:
                    index = pending.pop()
                    try:
                        worker.conn.send((index, sources[index]))
                    except (BrokenPipeError, OSError):
                        worker.stop()
                        self.workers[i] = worker = self._spawn()
                        worker.conn.send((index, sources[index]))
                    worker.task = index
                    worker.deadline = time.monotonic() + self.limits.timeout
            busy = [w for w in self.workers if w.task is not None]
            wait_for = min(w.deadline for w in busy) - time.monotonic()
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=max(0.0, wait_for))
            for i, worker in enumerate(self.workers):
                if worker.task is None:
                    continue
                index = worker.task
                result = self._collect(worker, ready, sources[index])
                if result is None:
                    continue
                results[index] = result
                done += 1
                if progress is not None:
                    progress(done, len(sources))
                if result.error is not None and result.error.code in ("timeout", "worker-crashed"):
                    worker.stop()
                    self.workers[i] = self._spawn()
                else:
                    worker.task = None
        return [r for r in results if r is not None]

    def _collect(self, worker: _Worker, ready: list[Any], source: Source) -> DocumentResult | None:
        """The worker's result if it has one; an error result if it died or ran out of time."""
        if worker.conn in ready:
            try:
                index, result = worker.conn.recv()
            except (EOFError, OSError):
                return _error(source, "worker-crashed", "the document crashed the reader process")
            if index == worker.task:
                return result  # type: ignore[no-any-return]
        if worker.process.sentinel in ready or not worker.process.is_alive():
            return _error(source, "worker-crashed",
                          "the document crashed the reader process (or exceeded the memory limit)")
        if time.monotonic() >= worker.deadline:
            return _error(source, "timeout", f"reading took longer than {self.limits.timeout:g} s")
        return None

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        for worker in self.workers:
            worker.process.join(timeout=2)
            worker.stop()


def _error(source: Source, code: str, message: str) -> DocumentResult:
    return DocumentResult(path=source.display, sha256=None, kind="unknown", status=Status.ERROR,
                          error=ErrorInfo(code, message))


def _serve(conn: Connection, options: RunOptions, memory_mb: int | None) -> None:
    """Worker loop: check each document sent, until told to stop."""
    if memory_mb:
        try:
            import resource

            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message is None:
            return
        index, source = message
        try:
            result = check_source(source, options)
        except MemoryError:
            result = _error(source, "too-large", f"reading needed more than {memory_mb} MB of memory")
        conn.send((index, result))
