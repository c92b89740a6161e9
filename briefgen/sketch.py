"""Sentence sketches: which sentences may be light edits of one another, found without
comparing every pair.

A sentence's sketch is the SKETCH_SIZE smallest hashes of its comparable text's word 3-grams
(a bottom-k sketch): lightly edited copies share most 3-grams, so they share one of the
smallest hashes. Only sentences sharing a hash are compared with rapidfuzz. A hash shared by
more than SKETCH_MAX_BUCKET sentences is a stock phrase, not evidence of copying, and is
skipped.

Sketches are computed once per article, where its sentences are found (extract), and stored
with its facts in the cache, so a rebuild does not hash the whole corpus again.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections import Counter
from collections.abc import Sequence

SKETCH_SHINGLE_WORDS = 3
SKETCH_SIZE = 6
SKETCH_MAX_BUCKET = 64
# Each hash is 8 bytes, big-endian, so that byte order is numeric order.
HASH_BYTES = 8

_NON_WORD = re.compile(r"[^\w\s]")


def comparable(text: str) -> str:
    """Return text lower-cased without punctuation and with single spaces, for comparison."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def _stable_hash(text: str) -> bytes:
    """Return a hash that is the same in every process (Python's hash() is salted)."""
    return hashlib.blake2b(text.encode(), digest_size=HASH_BYTES).digest()


def sketch(text: str) -> bytes:
    """Return the sketch of a comparable text: the SKETCH_SIZE smallest hashes of its word
    3-grams (the whole text if shorter), ascending, HASH_BYTES each; b"" for no words."""
    words = text.split()
    if not words:
        return b""
    n = SKETCH_SHINGLE_WORDS
    shingles = {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}
    return b"".join(sorted(_stable_hash(s) for s in shingles)[:SKETCH_SIZE])


def sentence_sketch(text: str) -> bytes:
    """Return the sketch of a sentence as written."""
    return sketch(comparable(text))


def keys(value: bytes) -> tuple[int, ...]:
    """Return the hashes of a sketch (or of sketches joined end to end) as integers."""
    return struct.unpack(f">{len(value) // HASH_BYTES}Q", value)


def held_counts(sketches: Sequence[bytes]) -> Counter[int]:
    """Return how many of the sketches hold each hash (a sketch holds a hash at most once)."""
    return Counter(keys(b"".join(sketches)))


def shared_buckets(
    sketches: Sequence[bytes], held: Counter[int] | None = None
) -> dict[int, list[int]]:
    """Return, for each hash held by 2 to SKETCH_MAX_BUCKET of the sketches, the positions of
    those sketches, ascending. The other hashes give no candidates: alone, or stock phrases.
    `held` is held_counts(sketches), if the caller has it."""
    counts = held_counts(sketches) if held is None else held
    buckets: dict[int, list[int]] = {}
    for position, value in enumerate(sketches):
        for key in keys(value):
            if 1 < counts[key] <= SKETCH_MAX_BUCKET:
                bucket = buckets.get(key)
                if bucket is None:
                    buckets[key] = [position]
                else:
                    bucket.append(position)
    return buckets


def partners(value: bytes, buckets: dict[int, list[int]]) -> set[int]:
    """Return the positions of the sketches that share a bucket with this sketch (its own
    position among them)."""
    found: set[int] = set()
    for key in keys(value):
        bucket = buckets.get(key)
        if bucket is not None:
            found.update(bucket)
    return found
