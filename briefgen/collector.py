"""The cyclic garbage collector kept out of the way of large numbers of long-lived records."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Python's cyclic garbage collector runs a full collection, which walks every tracked object,
# each time enough new objects have survived; the facts of a corpus are millions of objects,
# long-lived and free of cycles (reference counting frees them). Walking them again and again
# cost up to a fifth of an incremental build at 1,000 articles. So the collector is paused
# while they are made (decoded from the cache, or received from the workers), as srsly does
# while it unpacks msgpack, and the objects that exist when the corpus-wide steps start are
# frozen out of its sight until they end (gc.freeze: they are still freed when unused).


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector in the block (unless it was off already)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def collector_spares_existing() -> Iterator[None]:
    """Keep the objects that exist now out of the cyclic garbage collector's walks in the
    block; give them back to it at the end of the outermost such block (an inner block, one
    entered while objects are frozen, leaves them and its own frozen for the outer one)."""
    outermost = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        yield
    finally:
        if outermost:
            gc.unfreeze()


def empty_free_lists() -> None:
    """Give back the memory that CPython's free lists keep mapped after a bulk free.

    CPython keeps freed tuples (up to 2,000 of each length), dicts and lists for reuse. When
    the facts of a corpus are freed, the last ones freed stay in these lists, scattered over
    the heap, and each keeps its whole arena of freed objects mapped: 420 MB at 10,000
    articles, kept to the end of the build and its peak. Only a full collection empties them;
    call this inside `collector_spares_existing`, where that collection walks nothing."""
    gc.collect()
