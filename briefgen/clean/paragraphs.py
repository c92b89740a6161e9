"""Splitting a text dump into normalised lines: one paragraph per line."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalize_text(text: str) -> str:
    """Return text in NFC with unified newlines, no invisible characters and single spaces."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def split_lines(text: str) -> tuple[str, ...]:
    """Return the non-empty lines of a normalised dump: in text dumps a line is a paragraph."""
    return tuple(line for line in normalize_text(text).split("\n") if line)


def word_count(line: str) -> int:
    """Return the number of whitespace-separated words."""
    return len(line.split())
