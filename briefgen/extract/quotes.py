"""Finding quotations in a paragraph, including those that run over several paragraphs.

Press convention: a quotation that runs on opens each paragraph with a quotation mark and closes
only in its last one ("The US said ..." then three paragraphs each opening with “). Single quotes
are left alone: in English text they are far more often apostrophes ("troops’").
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteSpan:
    """The inner text of one quotation in one paragraph, by character offsets."""

    start: int
    end: int
    closed: bool  # False: the quotation runs on into the next paragraph
    continued: bool  # True: the quotation opened in an earlier paragraph


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Return (start, end) moved inward past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str, carried_open: bool) -> tuple[QuoteSpan, ...]:
    """Return the quotations of a paragraph; carried_open says one ran on from the last one."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    continued = False
    for i, ch in enumerate(text):
        opens = ch == OPENING or (ch == STRAIGHT and open_at is None)
        closes = ch == CLOSING or (ch == STRAIGHT and open_at is not None)
        if opens:
            open_at = i + 1
            continued = carried_open and not spans and not text[:i].strip()
        elif closes and open_at is not None:
            start, end = _trimmed(text, open_at, i)
            if end > start:
                spans.append(QuoteSpan(start=start, end=end, closed=True, continued=continued))
            open_at, continued = None, False
    if open_at is not None:
        start, end = _trimmed(text, open_at, len(text))
        if end > start:
            spans.append(QuoteSpan(start=start, end=end, closed=False, continued=continued))
    return tuple(spans)


def runs_on(spans: tuple[QuoteSpan, ...]) -> bool:
    """Return True if the paragraph's last quotation is still open at its end."""
    return bool(spans) and not spans[-1].closed
