"""Numbers as news text writes them: "nearly 1,000", "four", "2.5 million", "a dozen".

A figure's value is the number it names; words that bound or round it ("nearly", "at least")
stay in the figure's text, not in its value. Vague plurals ("hundreds", "dozens of") name no
value.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SCALE_SUFFIXES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
# Words that bound, round or introduce a number without changing it.
BOUNDS = frozenset(
    {
        "a",
        "about",
        "above",
        "almost",
        "an",
        "and",
        "approximately",
        "around",
        "at",
        "below",
        "estimated",
        "fewer",
        "just",
        "least",
        "less",
        "more",
        "most",
        "nearly",
        "over",
        "roughly",
        "some",
        "than",
        "to",
        "under",
        "up",
    }
)
_DIGITS = re.compile(r"^(\d+(?:,\d{3})*(?:\.\d+)?)(k|m|bn)?$")
_WORD = re.compile(r"[a-z]+|\d[\d,.]*(?:k|m|bn)?")


def _digits(word: str) -> float | None:
    """Return the value of '1,000', '2.5' or '3m'; None if the word is not one."""
    match = _DIGITS.match(word)
    if match is None:
        return None
    value = float(match.group(1).replace(",", ""))
    return value * SCALE_SUFFIXES.get(match.group(2) or "", 1)


def parse_number(text: str) -> float | None:
    """Return the number a figure names ("nearly 1,000" -> 1000.0), or None if it names none
    ("hundreds", "dozens of thousands") or holds words that are not numbers."""
    total, current, seen = 0.0, 0.0, False
    for word in _WORD.findall(text.lower().replace("-", " ")):
        if word in BOUNDS:
            continue
        if (value := _digits(word)) is not None:
            current, seen = current + value, True
        elif word in UNITS:
            current, seen = current + UNITS[word], True
        elif word in SCALES and seen:
            scale = SCALES[word]
            if scale == 100:
                current *= scale
            else:
                total, current = total + current * scale, 0.0
        else:
            return None  # "hundreds", "scores", or a word that is no number
    return total + current if seen else None
