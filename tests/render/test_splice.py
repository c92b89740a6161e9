"""The print page in a MkDocs build: parts spliced in from their own pages' HTML."""

from __future__ import annotations

import re

import pytest

from briefgen.render.splice import Part, mark_part, splice_parts, stub_parts

SUMMARY = (
    '<h1 id="dock-strike">Dock strike</h1>\n'
    '<p>Dockers walked out <a href="sources/#s1-p0">[1]</a>; see the '
    '<a href="actors/">actors</a> and <a href="actors/#union">the union</a>.</p>\n'
    '<h2 id="timeline">Timeline</h2>\n<p><a href="#timeline">back</a> '
    '<a href="map/">map</a> <a href="https://example.org/a">outlet</a> '
    '<img src="../../assets/logo.png" alt="x"></p>'
)
ACTORS = (
    '<h1 id="actors">Actors</h1>\n<h2 id="union">Union</h2>\n'
    '<p>Named by <a href="../sources/#s1-p2">[1]</a> and on the '
    '<a href="../">summary</a>. Its text says id="union" and href="#x".</p>\n'
    '<h2 id="timeline">Timeline</h2>'
)
URLS = {
    "index": "briefings/strike/",
    "actors": "briefings/strike/actors/",
    "sources": "briefings/strike/sources/",
}
PRINT_URL = "briefings/strike/print/"


def spliced() -> str:
    page = (
        "<!-- briefgen:insert index -->\n<!-- briefgen:insert actors -->\n"
        '<h2 id="part-sources">Sources</h2><p id="s1-p0">...</p><p id="s1-p2">...</p>'
    )
    parts = {
        "index": Part(url=URLS["index"], html=SUMMARY, demote=False),
        "actors": Part(url=URLS["actors"], html=ACTORS, demote=True),
    }
    return splice_parts(page, PRINT_URL, parts, URLS)


def test_stub_parts_replaces_only_parts_found_word_for_word() -> None:
    page = f"# Print\n\n{mark_part('# Actors', 'actors')}\n{mark_part('# Sources', 'sources')}"
    stubbed, names = stub_parts(page, {"actors": "# Actors", "sources": "# Sources (all)"})
    assert names == ("actors",)
    assert "<!-- briefgen:insert actors -->" in stubbed
    assert "# Actors" not in stubbed
    assert mark_part("# Sources", "sources") in stubbed  # not the sources page: left as is


def test_splice_demotes_and_anchors_each_part() -> None:
    html = spliced()
    assert "briefgen:insert" not in html
    assert re.findall(r"<h(\d) id=\"([^\"]+)\"", html) == [
        ("1", "part-index"),
        ("2", "index-timeline"),
        ("2", "part-actors"),
        ("3", "actors-union"),
        ("3", "actors-timeline"),
        ("2", "part-sources"),
    ]
    assert "</h1>" in html
    assert html.count("<h1") == 1


def test_splice_points_links_within_the_page() -> None:
    html = spliced()
    hrefs = re.findall(r'<a href="([^"]*)"', html)  # in tags, not in the text
    assert hrefs == [
        "#s1-p0",  # a cited paragraph, on the print page's sources part
        "#part-actors",  # another part's page
        "#actors-union",  # an anchor in another part
        "#index-timeline",  # an anchor in its own part
        "../map/",  # a page that is not a part: re-based from the summary's folder
        "https://example.org/a",
        "#s1-p2",
        "#part-index",
    ]
    assert re.findall(r' src="([^"]*)"', html) == ["../../../assets/logo.png"]
    ids = re.findall(r'<\w+ id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert {h.lstrip("#") for h in hrefs if h.startswith("#")} <= set(ids)


def test_splice_leaves_the_text_alone() -> None:
    assert 'Its text says id="union" and href="#x".' in spliced()


def test_splice_of_a_missing_part_is_an_error() -> None:
    with pytest.raises(ValueError, match="no part 'actors'"):
        splice_parts("<!-- briefgen:insert actors -->", PRINT_URL, {}, URLS)
