"""Untrusted articles in the newer outputs: the Atom feed, the print page and the changes page.

The changes page shows text from two builds: this build's articles and the snapshot of the
previous build kept in the cache folder. The hostile corpus is built twice, with an article
added and another removed in between, so that new and removed sources and statements, all
carrying payloads, reach the page.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sites import mkdocs_build

from .conftest import HostileSite, parse_html, unsafe_elements
from .payloads import HEADLINE, PRINCIPAL_QUOTE, SIDECAR_TITLE, write_hostile_corpus
from .test_injection import injected_markup

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_TAGS = {
    f"{ATOM}{t}"
    for t in (
        "feed", "title", "id", "updated", "link", "author", "name", "generator", "entry",
        "published", "summary", "category",
    )
}  # fmt: skip


def test_hostile_feed_is_inert_xml(hostile_site: HostileSite) -> None:
    text = (hostile_site.site / "briefings" / "feed.xml").read_text(encoding="utf-8")
    feed = ET.fromstring(text)
    assert {e.tag for e in feed.iter()} <= ATOM_TAGS
    titles = [e.findtext(f"{ATOM}title") or "" for e in feed.iter(f"{ATOM}entry")]
    summaries = [e.findtext(f"{ATOM}summary") or "" for e in feed.iter(f"{ATOM}entry")]
    assert titles
    # The payloads are there, as text: a feed reader shows them, it does not run them.
    assert any("<" in t for t in titles + summaries), (titles, summaries)
    for element in feed.iter():
        for value in element.attrib.values():
            assert "<" not in value or element.tag == f"{ATOM}category", value


def test_hostile_print_page_is_inert(hostile_site: HostileSite) -> None:
    pages = sorted((hostile_site.site / "briefings").glob("*/print/index.html"))
    assert pages
    for page in pages:
        parsed = parse_html(page.read_text(encoding="utf-8"))
        assert not unsafe_elements(parsed) + injected_markup(parsed), page
        assert PRINCIPAL_QUOTE in parsed.article_text or HEADLINE in parsed.article_text


def build(folder: Path, site: Path) -> None:
    """Run mkdocs build --strict on the corpus folder with its own cache folder."""
    result = mkdocs_build(folder / "mkdocs.yml", site, cache_dir=folder / "cache")
    assert result.returncode == 0, result.stderr


def test_hostile_changes_page_is_inert(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write_hostile_corpus(folder)
    seeds = folder / "seeds"
    held = tmp_path / "held"
    held.mkdir()
    for name in ("003_fire-wire.txt", "003_fire-wire.meta.yml"):
        shutil.move(seeds / name, held / name)
    build(folder, tmp_path / "one")

    # The update: the wire copy arrives, the post (and its principal's statement) goes.
    for name in ("003_fire-wire.txt", "003_fire-wire.meta.yml"):
        shutil.move(held / name, seeds / name)
    (seeds / "000_fire-post.txt").unlink()
    build(folder, tmp_path / "two")

    pages = sorted((tmp_path / "two" / "briefings").glob("*/changes/index.html"))
    shown = []
    for page in pages:
        parsed = parse_html(page.read_text(encoding="utf-8"))
        assert not unsafe_elements(parsed) + injected_markup(parsed), page
        shown.append(parsed.article_text)
    text = "\n".join(shown)
    assert "First build" not in text
    assert SIDECAR_TITLE in text  # a new source, from this build
    assert HEADLINE in text  # a removed source, from the snapshot of the previous build
    assert PRINCIPAL_QUOTE in text  # a statement no longer found, from the snapshot
