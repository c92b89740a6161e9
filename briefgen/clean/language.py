"""Is this English? The pipeline's model reads English only; other languages are reported."""

from __future__ import annotations

import re

# The commonest English function words; in English news prose they make up a third or more of
# the words, in other languages written in Latin script a few percent (shared words like "a").
FUNCTION_WORDS = frozenset(
    (
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "he",
        "she",
        "his",
        "her",
        "they",
        "their",
        "said",
        "has",
        "have",
        "had",
        "be",
        "been",
        "were",
        "are",
        "not",
        "but",
        "an",
        "this",
        "which",
        "who",
        "will",
        "would",
        "after",
        "its",
    )
)
MIN_FUNCTION_SHARE = 0.15
MIN_WORDS = 30
_WORD = re.compile(r"[^\W\d_]+")


def looks_english(text: str) -> bool:
    """Return True if the text reads as English, or is too short to tell."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return True
    share = sum(1 for word in words if word in FUNCTION_WORDS) / len(words)
    return share >= MIN_FUNCTION_SHARE
