"""Finding quotations in a paragraph, including those that run over several paragraphs.

Press convention: a quotation that runs on opens each paragraph with a quotation mark and closes
only in its last one ("The US said ..." then three paragraphs each opening with “). British
style quotes with single marks (‘...’); since ’ is also the apostrophe ("troops’", "don’t"), a
single quotation opens only before a word and after a space or an opening mark, closes only at
a mark that ends a word and is not followed by a letter, and never runs on over a paragraph.
Straight single quotes (') are left alone: far more often apostrophes than quotation marks.
A quotation inside another ("My client told me, ‘I never signed’, and ...") is part of the outer
one: only outermost quotations are returned.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
SINGLE_OPENING = "‘"
SINGLE_CLOSING = "’"
# Characters after which a single opening mark starts a quotation, not an elision.
_BEFORE_SINGLE = ' \t\n“"([—–-'
# A closing single mark followed by one of these ends a quotation ("final,’ said"); followed
# by a letter it is an apostrophe ("don’t").
_AFTER_SINGLE_CLOSE = ' \t\n,.;:?!)]—–-”"'


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


def _opens_single(text: str, i: int) -> bool:
    """Return True if the ‘ at i opens a quotation: after a space or mark, before a word."""
    before_ok = i == 0 or text[i - 1] in _BEFORE_SINGLE
    return before_ok and i + 1 < len(text) and text[i + 1].isalnum()


def _single_close(text: str, start: int) -> int | None:
    """Return the index of the ’ that closes a single quotation opened at start, or None.

    A ’ after a letter s and before a space may be a plural possessive ("the workers’ union");
    it closes the quotation only when no clearer closing mark follows in the paragraph.
    """
    doubtful = None
    for i in range(start, len(text)):
        if text[i] != SINGLE_CLOSING or i == start or text[i - 1].isspace():
            continue
        after = text[i + 1] if i + 1 < len(text) else " "
        if after not in _AFTER_SINGLE_CLOSE:
            continue  # "don’t", "it’s"
        if text[i - 1] in "sS" and after.isspace():
            doubtful = i if doubtful is None else doubtful
            continue
        return i
    return doubtful


def find_quote_spans(text: str, carried_open: bool) -> tuple[QuoteSpan, ...]:
    """Return the outermost quotations of a paragraph; carried_open: one ran on from before."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None  # inner start of the open double quotation
    continued = False
    i = 0
    while i < len(text):
        ch = text[i]
        if open_at is None and ch == SINGLE_OPENING and _opens_single(text, i):
            close = _single_close(text, i + 1)
            if close is not None:
                start, end = _trimmed(text, i + 1, close)
                if end > start:
                    spans.append(QuoteSpan(start=start, end=end, closed=True, continued=False))
                i = close + 1
                continue
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
        i += 1
    if open_at is not None:
        start, end = _trimmed(text, open_at, len(text))
        if end > start:
            spans.append(QuoteSpan(start=start, end=end, closed=False, continued=continued))
    return tuple(spans)


def runs_on(spans: tuple[QuoteSpan, ...]) -> bool:
    """Return True if the paragraph's last quotation is still open at its end."""
    return bool(spans) and not spans[-1].closed
