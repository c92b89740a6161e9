"""The Atom feed: well-formed, dated by its articles, escaped, the same for the same corpus."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from briefgen.render.feed import EPOCH, atom_date, render_feed

from .strike import article, briefing

A = "{http://www.w3.org/2005/Atom}"
STRIKE = briefing(
    (
        article("000_herald", "Dockers strike", published="2025-03-10T08:30:00+01:00"),
        article("001_wire", "Dockers walk out", published="2025-03-11", updated="2025-03-12T18:00"),
    )
)
FLOOD = briefing(
    (article("009_flood", "River bursts its banks", published="2025-04-02"),),
    slug="2025-04-02-flood",
    title="Flood in the lower valley",
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-11", "2025-03-11T00:00:00Z"),
        ("2025-03-10T08:30:00+01:00", "2025-03-10T07:30:00Z"),
        ("2025-03-12T18:00", "2025-03-12T18:00:00Z"),  # no zone: taken as UTC
        ("March 2025", None),
        (None, None),
    ],
)
def test_atom_date(value: str | None, expected: str | None) -> None:
    assert atom_date(value) == expected


def test_render_feed_entries_newest_first_with_article_dates() -> None:
    feed = ET.fromstring(render_feed([STRIKE, FLOOD], "briefings"))
    assert feed.tag == f"{A}feed"
    assert feed.findtext(f"{A}updated") == "2025-04-02T00:00:00Z"
    entries = feed.findall(f"{A}entry")
    assert [e.findtext(f"{A}title") for e in entries] == [FLOOD.title, STRIKE.title]
    strike = entries[1]
    assert strike.findtext(f"{A}published") == "2025-03-10T07:30:00Z"
    assert strike.findtext(f"{A}updated") == "2025-03-12T18:00:00Z"
    assert strike.find(f"{A}link").get("href") == "2025-03-10-port-avalon/"  # type: ignore[union-attr]
    assert "(2 articles)" in (strike.findtext(f"{A}summary") or "")
    ids = [e.findtext(f"{A}id") for e in entries]
    assert len(set(ids)) == 2
    assert all(i and i.startswith("urn:uuid:") for i in ids)


def test_render_feed_is_stable() -> None:
    assert render_feed([STRIKE, FLOOD], "briefings") == render_feed([FLOOD, STRIKE], "briefings")
    # An entry keeps its id when other briefings come and go.
    one = ET.fromstring(render_feed([STRIKE], "briefings")).find(f"{A}entry")
    two = ET.fromstring(render_feed([FLOOD, STRIKE], "briefings")).findall(f"{A}entry")[1]
    assert one is not None
    assert one.findtext(f"{A}id") == two.findtext(f"{A}id")


def test_render_feed_empty_and_undated() -> None:
    feed = ET.fromstring(render_feed([], "briefings"))
    assert feed.findtext(f"{A}updated") == EPOCH
    undated = briefing((article("000_herald", "Dockers strike", published=None),))
    entry = ET.fromstring(render_feed([undated], "briefings")).find(f"{A}entry")
    assert entry is not None
    assert entry.findtext(f"{A}updated") == EPOCH


def test_render_feed_escapes_article_text() -> None:
    title = 'Dockers <script>alert(1)</script> & "crane" ]]> strike\x0b\x00'
    hostile = briefing(
        (article("000_herald", title, outlet="<img src=x onerror=alert(2)>"),), title=title
    )
    text = render_feed([hostile], "briefings")
    assert "<script" not in text
    assert "<img" not in text
    entry = ET.fromstring(text).find(f"{A}entry")
    assert entry is not None
    assert entry.findtext(f"{A}title") == 'Dockers <script>alert(1)</script> & "crane" ]]> strike'
    assert entry.find(f"{A}category").get("term") == "<img src=x onerror=alert(2)>"  # type: ignore[union-attr]
