"""Text similarity shared by the aggregate stage, and its thresholds."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Hashable, Iterable, Iterator, Sequence
from itertools import combinations
from typing import TypeVar

from rapidfuzz import fuzz, process

K = TypeVar("K", bound=Hashable)

# Two sentences are the same sentence (one outlet's light edit of another's) at this ratio.
SAME_SENTENCE_RATIO = 85.0
# Two statements of one speaker are one statement at this partial ratio (shorter in longer).
SAME_STATEMENT_RATIO = 85.0
# An article is a wire copy of another when this share of its sentences appear in the other.
WIRE_SHARE = 0.6
# Two different actor names are spelling variants at this ratio ("Defense"/"Defence").
SAME_NAME_RATIO = 90.0
SAME_NAME_MIN_CHARS = 12

_NON_WORD = re.compile(r"[^\w\s]")


def comparable(text: str) -> str:
    """Return text lower-cased without punctuation and with single spaces, for comparison."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def is_same_sentence(a: str, b: str) -> bool:
    """Return True if two comparable sentences are one sentence lightly edited."""
    return bool(fuzz.ratio(a, b) >= SAME_SENTENCE_RATIO)


def same_sentence_positions(key: str, keys: Sequence[str]) -> list[int]:
    """Return, in order, the positions of the keys that are `key` lightly edited: the keys k
    with is_same_sentence(key, k), all compared in one rapidfuzz call instead of one Python
    call per pair (the greedy clusterings ask this of every group for every sentence)."""
    found = process.extract(
        key, keys, scorer=fuzz.ratio, score_cutoff=SAME_SENTENCE_RATIO, limit=None
    )
    return sorted(position for _, _, position in found)


def is_same_statement(a: str, b: str) -> bool:
    """Return True if two comparable statements report the same words (one may be shorter)."""
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    if len(shorter.split()) < 4:
        return shorter in longer
    return bool(fuzz.partial_ratio(shorter, longer) >= SAME_STATEMENT_RATIO)


def is_name_variant(a: str, b: str) -> bool:
    """Return True if two long names differ only by spelling: 'Defense' and 'Defence'."""
    if min(len(a), len(b)) < SAME_NAME_MIN_CHARS:
        return False
    return bool(fuzz.ratio(comparable(a), comparable(b)) >= SAME_NAME_RATIO)


# Candidate pairs for near-duplicate sentences come from a bottom-k sketch of each sentence's
# word 3-grams: lightly edited copies share most 3-grams, so they share one of the smallest
# hashes; only those pairs are compared with rapidfuzz. A hash shared by more than
# SKETCH_MAX_BUCKET sentences is a stock phrase, not evidence of copying, and is skipped.
SKETCH_SHINGLE_WORDS = 3
SKETCH_SIZE = 6
SKETCH_MAX_BUCKET = 64


def _stable_hash(text: str) -> int:
    """Return a hash that is the same in every process (Python's hash() is salted)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def sketch(text: str) -> tuple[int, ...]:
    """Return the SKETCH_SIZE smallest hashes of a comparable sentence's word 3-grams."""
    words = text.split()
    n = SKETCH_SHINGLE_WORDS
    shingles = {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}
    return tuple(sorted(_stable_hash(s) for s in shingles)[:SKETCH_SIZE])


def candidate_pairs(items: Sequence[tuple[K, str]]) -> Iterator[tuple[K, K]]:
    """Yield each pair of keys whose texts share a sketch hash, once, in a stable order."""
    buckets: dict[int, list[K]] = {}
    for key, text in items:
        for value in sketch(text):
            buckets.setdefault(value, []).append(key)
    seen: set[tuple[K, K]] = set()
    for value in sorted(buckets):
        bucket = buckets[value]
        if len(bucket) > SKETCH_MAX_BUCKET:
            continue
        for a, b in combinations(bucket, 2):
            if (a, b) not in seen and a != b:
                seen.add((a, b))
                yield a, b


def pairs_sharing(sets: dict[K, frozenset[str]], max_share: float) -> Iterable[tuple[K, K]]:
    """Return the pairs of keys whose sets share an element held by at most max_share of all
    keys (and at least 64): common elements do not make candidates on their own."""
    cap = max(64, int(max_share * len(sets)))
    holders: dict[str, list[K]] = {}
    for key in sorted(sets, key=str):
        for element in sets[key]:
            holders.setdefault(element, []).append(key)
    pairs: set[tuple[K, K]] = set()
    for element in sorted(holders):
        keys = holders[element]
        if len(keys) <= cap:
            pairs.update(combinations(keys, 2))
    return sorted(pairs, key=str)
