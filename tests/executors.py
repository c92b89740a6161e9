"""Executor factories for tests/test_executor.py: named by `executor: "executors:..."`."""

from __future__ import annotations

from concurrent.futures import Executor, ThreadPoolExecutor

# How many executors `counting_threads` made: the test checks the option reached the pool.
made: list[int] = []


def counting_threads(workers: int) -> Executor:
    """Return one thread (spaCy pipelines are not shared across threads), noting the call."""
    made.append(workers)
    return ThreadPoolExecutor(max_workers=1)
