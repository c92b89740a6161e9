"""Text similarity shared by the aggregate stage, and its thresholds."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from typing import TypeVar

from rapidfuzz import fuzz, process

from briefgen.sketch import comparable as comparable  # the extract stage uses it too

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
