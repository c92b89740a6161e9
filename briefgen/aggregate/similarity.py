"""Text similarity shared by the aggregate stage, and its thresholds."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from briefgen.sketch import comparable as comparable  # the extract stage uses it too

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


def is_name_variant(a: str, b: str) -> bool:
    """Return True if two long names differ only by spelling: 'Defense' and 'Defence'."""
    if min(len(a), len(b)) < SAME_NAME_MIN_CHARS:
        return False
    return bool(fuzz.ratio(comparable(a), comparable(b)) >= SAME_NAME_RATIO)


def name_variant_pairs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Return the pairs of positions (i < j) of comparable names, each long enough to be a
    variant (could_be_variant), that is_name_variant would match: all pairs scored at once by
    rapidfuzz in C, as doubles (float32 could round 89.99 up to the cutoff)."""
    if len(texts) < 2:
        return []
    scores = process.cdist(
        texts, texts, scorer=fuzz.ratio, score_cutoff=SAME_NAME_RATIO, dtype="float64"
    )
    rows, columns = scores.nonzero()
    return [(i, j) for i, j in zip(rows.tolist(), columns.tolist(), strict=True) if i < j]
