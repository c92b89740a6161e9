"""Text similarity shared by the aggregate stage, and its thresholds."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Hashable, Iterator, Sequence
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


def could_be_variant(name: str) -> bool:
    """Return False for a name too short to be a spelling variant of another."""
    return len(name) >= SAME_NAME_MIN_CHARS


def could_match(length_a: int, length_b: int) -> bool:
    """Return False when two comparable names of these lengths cannot reach SAME_NAME_RATIO:
    rapidfuzz's ratio is at most 200 * shorter / (sum of the lengths)."""
    total = length_a + length_b
    return total == 0 or 200 * min(length_a, length_b) / total >= SAME_NAME_RATIO


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
    """Yield each pair of keys whose texts share a sketch hash, once, in a stable order: by
    the first key's position, then the second's (earlier first). Pairs are found item by item
    rather than kept in one set: at 10,000 articles there are 4 million."""
    sketches = [sketch(text) for _, text in items]
    buckets: dict[int, list[int]] = {}
    for position, values in enumerate(sketches):
        for value in values:
            buckets.setdefault(value, []).append(position)
    for position, (key, _) in enumerate(items):
        partners: set[int] = set()
        for value in sketches[position]:
            bucket = buckets[value]
            if len(bucket) <= SKETCH_MAX_BUCKET:
                partners.update(bucket)
        for other in sorted(partners):
            if other > position and items[other][0] != key:
                yield key, items[other][0]


def pairs_sharing(sets: dict[K, frozenset[str]], max_share: float) -> Iterator[tuple[K, K]]:
    """Yield, once each, the pairs of keys whose sets share an element held by at most
    max_share of all keys (and at least 64): common elements do not make candidates on their
    own. Pairs come key by key (keys in text order), not from one set of all pairs: at 10,000
    articles there are 4 million."""
    cap = max(64, int(max_share * len(sets)))
    keys = sorted(sets, key=str)
    holders: dict[str, list[int]] = {}
    for n, key in enumerate(keys):
        for element in sets[key]:
            holders.setdefault(element, []).append(n)
    for n, key in enumerate(keys):
        partners: set[int] = set()
        for element in sets[key]:
            held = holders[element]
            if len(held) <= cap:
                partners.update(held)
        for other in sorted(partners):
            if other > n:
                yield key, keys[other]
