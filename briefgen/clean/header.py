"""Reading an article's own metadata from the first lines of a text dump.

Strategies, tried in order on the first lines (trafilatura's `extract_title` is the model):
a scraper's `date YYYY-MM-DD` label, date lines, bylines, the headline (a short line with no
sentence ending before the first prose line; lines that address the reader are furniture, not
prose), the standfirst right under it (kept as body), and the
"PLACE (OUTLET) —" dateline that opens the lead. Where the text says nothing, the field is None.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import dateparser

from briefgen.clean import patterns as p
from briefgen.clean.boilerplate import addresses_reader
from briefgen.clean.paragraphs import word_count
from briefgen.model import Dropped

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Header:
    """What the first lines say about the article, and which lines they used up."""

    title: str | None
    authors: tuple[str, ...]
    published: str | None
    updated: str | None
    used: tuple[Dropped, ...]  # header lines, removed from the body with the reason
    used_lines: frozenset[int]
    standfirst: int | None  # the summary line under the headline: body, even without a period


DATE_PARSERS = ["custom-formats", "absolute-time"]


def parse_date(text: str) -> str | None:
    """Return an ISO 8601 date or date-time as precise as the text, or None.

    A generic North American zone ("3:05 p.m. ET") takes the offset in force on that day.
    """
    text = text.strip(" ,|-")
    zone = p.GENERIC_ZONE.search(text)
    if zone:
        text = p.GENERIC_ZONE.sub("", text).strip(" ,|-")
    order = {"DATE_ORDER": "DMY"} if p.NUMERIC_DATE.search(text) else {}
    # Written dates only: "2 hours ago" or "yesterday" would be read against the clock of the
    # build, which is not when the article appeared (and would change from build to build),
    # and a bare number is not a date line.
    only = {"PARSERS": DATE_PARSERS, **order}
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True, **only})
    if parsed is None:
        # STRICT_PARSING refuses a date without a time; retry for plain dates.
        parsed = dateparser.parse(text, languages=["en"], settings=only)
    if parsed is None or parsed.year < 1900:
        log.debug("no date in %r", text)
        return None
    if not re.search(r"\d{1,2}[:.]\d{2}\b(?![./]\d{4})", text):
        return parsed.date().isoformat()
    if zone and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(p.GENERIC_ZONES[zone["zone"]]))
    return parsed.isoformat()


def parse_date_line(line: str) -> tuple[str | None, str | None]:
    """Return (published, updated) from a date line such as '1 Dec 2024 | Updated: 2 Dec',
    or 'Last updated 14 Mar 2025, 18:05 SAST (first published 13:20 SAST)'."""
    if first := p.FIRST_PUBLISHED.search(line):
        rest = p.UPDATED_SPLIT.sub(" ", line[: first.start()]).strip()
        when = first["when"]
        day = p.DATE_IN_TEXT.search(rest)
        if not p.DATE_IN_TEXT.search(when) and day:
            when = f"{day[0]} {when}"
        return parse_date(when), parse_date(rest)
    parts = [part for part in p.UPDATED_SPLIT.split(line, maxsplit=1) if part.strip()]
    if re.match(r"\s*(?:last\s+)?updated", line, re.IGNORECASE):
        return None, parse_date(parts[0]) if parts else None
    parts = [
        re.sub(r"^\s*(?:published|posted)\s*(?:on\s*)?:?\s*", "", x, flags=re.I) for x in parts
    ]
    published = parse_date(parts[0]) if parts else None
    updated = parse_date(parts[1]) if len(parts) > 1 else None
    return published, updated


def is_date_line(line: str) -> bool:
    """Return True if the line is a date and nothing else of note."""
    return word_count(line) <= p.DATE_LINE_MAX_WORDS and bool(p.DATE_LINE.search(line))


def split_authors(names: str) -> tuple[str, ...]:
    """Return the names of a byline: 'A, B and C' -> (A, B, C); an agency acronym such as
    'By AFP' names no person and gives no author, nor a role ('A, Europe Correspondent')."""
    parts = (n.strip() for n in re.split(r",|;|\band\b|&", names))
    return tuple(
        n for n in parts if n and not p.AGENCY_ACRONYM.match(n) and not p.JOURNALIST_ROLE.match(n)
    )


def is_title_line(line: str) -> bool:
    """Return True if the line reads as a headline: short, no sentence ending."""
    words = word_count(line)
    return p.TITLE_MIN_WORDS <= words <= p.TITLE_MAX_WORDS and not p.SENTENCE_END.search(line)


def same_title(line: str, title: str) -> bool:
    """Return True if a line repeats a title, ignoring case, punctuation and spacing."""

    def letters(text: str) -> str:
        return "".join(ch for ch in text.lower() if ch.isalnum())

    return letters(line) == letters(title)


def is_prose_line(line: str) -> bool:
    """Return True if the line ends like a sentence and is longer than a label."""
    return bool(p.SENTENCE_END.search(line)) and word_count(line) > 5


def find_header(
    lines: tuple[str, ...], is_boilerplate: frozenset[int], *, known_title: str | None = None
) -> Header:
    """Return the metadata the first lines give, and the indexes of the lines it used.

    With a known_title (declared in front matter, HTML or a sidecar) only a line that repeats
    it is taken as the headline: a short first paragraph is not mistaken for one.
    """
    furniture = frozenset(
        i for i in range(min(len(lines), p.HEADER_MAX_LINES)) if addresses_reader(lines[i])
    )
    window = range(header_end(lines, is_boilerplate | furniture))
    dates = [i for i in window if i not in is_boilerplate and is_date_line(lines[i])]
    used: dict[int, str] = dict.fromkeys(dates, "date line")
    authors: tuple[str, ...] = ()
    for i in window:
        byline = p.BYLINE.match(lines[i])
        next_to_date = i + 1 in dates or i - 1 in dates
        name_role = p.NAME_ROLE_LINE.match(lines[i])
        if byline and word_count(lines[i]) <= 9:
            authors, used[i] = split_authors(byline["names"]), "byline"
        elif name_role and not authors:
            authors, used[i] = (name_role["name"],), "byline"
        elif p.NAME_LINE.match(lines[i]) and not authors:
            role_next = i + 1 < len(lines) and bool(p.JOURNALIST_ROLE.match(lines[i + 1]))
            if next_to_date or role_next:
                authors, used[i] = (lines[i],), "byline"
            if role_next:
                used[i + 1] = "byline (role)"
    title_at = _find_title(lines, window, is_boilerplate | furniture | frozenset(used))
    if (
        title_at is not None
        and known_title is not None
        and not same_title(lines[title_at], known_title)
    ):
        title_at = None
    title, standfirst = None, None
    if title_at is not None:
        title, used[title_at] = lines[title_at], "headline"
        after = title_at + 1
        if after < len(lines) and after not in used and not p.SENTENCE_END.search(lines[after]):
            standfirst = after
    published, updated = _dates_of(lines, dates)
    return Header(
        title=title,
        authors=authors,
        published=published,
        updated=updated,
        used=tuple(Dropped(text=lines[i], reason=used[i]) for i in sorted(used)),
        used_lines=frozenset(used),
        standfirst=standfirst,
    )


def header_end(lines: tuple[str, ...], furniture: frozenset[int]) -> int:
    """Return the index after the header: a few lines past the first prose line that is not
    page furniture (the lead, or a standfirst that ends with a period)."""
    limit = min(len(lines), p.HEADER_MAX_LINES)
    for i in range(limit):
        if i not in furniture and is_prose_line(lines[i]) and not is_date_line(lines[i]):
            return min(limit, i + 1 + p.HEADER_AFTER_PROSE)
    return limit


def _find_title(lines: tuple[str, ...], window: range, skip: frozenset[int]) -> int | None:
    """Return the index of the headline: the first title-like line of a headline's length
    before any prose line, or else the first shorter title-like line."""
    short = None
    for i in window:
        if i in skip:
            continue
        if is_prose_line(lines[i]):
            break
        if is_title_line(lines[i]):
            if word_count(lines[i]) >= p.TITLE_PREFERRED_WORDS:
                return i
            short = i if short is None else short
    return short


def _dates_of(lines: tuple[str, ...], dates: list[int]) -> tuple[str | None, str | None]:
    """Return published and updated from the date lines, first line first."""
    published = updated = None
    for i in dates:
        first, second = parse_date_line(lines[i])
        published = published or first
        updated = updated or second
    return published, updated
