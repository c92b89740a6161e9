"""Text similarity shared by the aggregate stage, and its thresholds."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

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
