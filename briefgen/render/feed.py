"""The Atom feed of briefings (RFC 4287): one entry per briefing, dated by its articles.

Dates come from the articles only, never from the clock, so the same corpus gives the same
feed: an entry is `updated` at its articles' latest publication or update time and `published`
at their earliest; a briefing with no dated article carries the epoch. Links are relative to
the feed (`<slug>/`), so the feed works from any host and sub-path. ElementTree escapes every
text and attribute; article text cannot become markup.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime

from briefgen.model import Briefing

FEED_NAME = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00Z"
# Characters outside XML 1.0's Char production: an article may hold them, a feed may not.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ID_NAMESPACE = uuid.UUID("6b1c9d0e-54a8-4b44-9a39-2f0ad5a4c1e7")  # briefgen's own: ids are stable


def atom_date(value: str | None) -> str | None:
    """Return an ISO 8601 date or date-time as an RFC 3339 UTC time, or None if unreadable:
    '2024-12-01' -> '2024-12-01T00:00:00Z'; a time without zone is taken as UTC."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def briefing_dates(briefing: Briefing) -> tuple[str, str]:
    """Return (published, updated) of a briefing: its articles' earliest and latest dates."""
    dates = sorted(
        date
        for a in briefing.articles
        for value in (a.meta.published, a.meta.updated)
        if (date := atom_date(value)) is not None
    )
    return (dates[0], dates[-1]) if dates else (EPOCH, EPOCH)


def entry_id(base: str, slug: str) -> str:
    """Return a briefing's stable entry id: a name-based UUID of the output folder and slug."""
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, f'{base}/{slug}')}"


def xml_text(text: str) -> str:
    """Return text without the characters XML 1.0 cannot hold (most control characters)."""
    return _NOT_XML.sub("", text)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    """Append an element holding text; return it."""
    element = ET.SubElement(parent, tag)
    element.text = xml_text(text)
    return element


def _entry(feed: ET.Element, briefing: Briefing, base: str) -> None:
    """Append the entry of one briefing."""
    published, updated = briefing_dates(briefing)
    entry = ET.SubElement(feed, "entry")
    _text(entry, "title", briefing.title)
    ET.SubElement(entry, "link", {"rel": "alternate", "href": f"{briefing.slug}/"})
    _text(entry, "id", entry_id(base, briefing.slug))
    _text(entry, "published", published)
    _text(entry, "updated", updated)
    count = len(briefing.articles)
    _text(entry, "summary", f"{briefing.lead} ({count} article{'s' if count != 1 else ''})")
    for outlet in sorted({a.meta.outlet for a in briefing.articles if a.meta.outlet}):
        ET.SubElement(entry, "category", {"term": xml_text(outlet)})


def render_feed(briefings: Sequence[Briefing], base: str, title: str = "Briefings") -> str:
    """Return the Atom feed of the briefings, most recently updated first."""
    feed = ET.Element("feed", {"xmlns": ATOM})
    ordered = sorted(briefings, key=lambda b: (briefing_dates(b)[1], b.slug), reverse=True)
    _text(feed, "title", title)
    _text(feed, "id", entry_id(base, FEED_NAME))
    _text(feed, "updated", max((briefing_dates(b)[1] for b in ordered), default=EPOCH))
    ET.SubElement(feed, "link", {"rel": "self", "href": FEED_NAME})
    ET.SubElement(feed, "link", {"rel": "alternate", "href": "./"})
    author = ET.SubElement(feed, "author")
    _text(author, "name", "briefgen")
    _text(feed, "generator", "briefgen")
    for briefing in ordered:
        _entry(feed, briefing, base)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'
