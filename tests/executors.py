"""Executor factories for tests/test_executor.py: named by `executor: "executors:..."`."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

# How many executors `counting_threads` made: the test checks the option reached the pool.
made: list[int] = []


def counting_threads(workers: int) -> Executor:
    """Return one thread (spaCy pipelines are not shared across threads), noting the call."""
    made.append(workers)
    return ThreadPoolExecutor(max_workers=1)


class Interrupted(Exception):
    """What `interrupted_after_one` raises in place of a kill."""


# The cache file `interrupted_after_one` looks into, and what it saw there.
watched: list[Path] = []
committed: list[int] = []


class _InterruptedAfterOne(ThreadPoolExecutor):
    """Gives the first chunk's result, then counts the analyses another connection can see in
    the watched cache (those committed: a kill would keep them) and stops the build."""

    def map(self, fn: Any, *iterables: Any, **kwargs: Any) -> Iterator[Any]:
        results = super().map(fn, *iterables, **kwargs)

        def stream() -> Iterator[Any]:
            yield next(results)
            with contextlib.closing(sqlite3.connect(watched[-1])) as db:
                committed.append(db.execute("SELECT count(*) FROM entries").fetchone()[0])
            raise Interrupted("stopped after the first chunk")

        return stream()


def interrupted_after_one(workers: int) -> Executor:
    """Return an executor that stops the build after its first chunk (see above)."""
    return _InterruptedAfterOne(max_workers=1)
