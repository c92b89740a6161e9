"""The reader's other ways in: the home page, the navigation, search, print, the feed.

Every page these tests open is also recorded in the session's `traffic` (see conftest), so the
network and console tests of test_browser.py judge them as well.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import Page, expect

from .conftest import search

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"
SECTIONS = ("actors", "statements", "sources", "changes", "print")


def open_briefing(page: Page, base_url: str) -> str:
    """Open the first briefing from the list of briefings; return its URL."""
    page.goto(base_url + "briefings/")
    page.locator("article h2 a:not(.headerlink)").first.click()
    expect(page).to_have_url(re.compile(re.escape(base_url) + r"briefings/[^/#?]+/$"))
    return page.url


def test_home_lists_briefings_with_period_count_and_lead(page: Page, base_url: str) -> None:
    page.goto(base_url + "briefings/")
    entry = page.locator("article h2").first
    expect(entry.locator("a:not(.headerlink)")).to_have_text(re.compile(r"\w{10,}"))
    meta = page.locator("article h2 + p").first
    expect(meta).to_have_text(
        re.compile(r"^\d{4}-\d{2}-\d{2}( to \d{4}-\d{2}-\d{2})? · \d+ articles")
    )
    lead = page.locator("article h2 + p + p").first
    expect(lead).to_have_text(re.compile(r"\w+( \w+){8,}"))


def test_briefing_sections_are_in_the_navigation(page: Page, base_url: str) -> None:
    url = open_briefing(page, base_url)
    nav = page.locator("nav.md-nav--primary")
    hrefs = {a.get_attribute("href") or "" for a in nav.locator("a.md-nav__link[href]").all()}
    absolute = {page.evaluate("h => new URL(h, location.href).href", h) for h in hrefs}
    for section in SECTIONS:
        assert f"{url}{section}/" in absolute, (section, sorted(absolute))
    # The summary's header line links to them too.
    for name in ("Actors", "Statements", "Sources", "What changed", "Print"):
        expect(page.locator("article").get_by_role("link", name=name, exact=True)).to_have_count(1)


def test_changes_page_of_a_first_build(page: Page, base_url: str) -> None:
    url = open_briefing(page, base_url)
    page.goto(url + "changes/")
    expect(page.locator("article h1")).to_have_text(re.compile("What changed"))
    expect(page.locator("article")).to_contain_text("First build")


@pytest.mark.parametrize(
    ("query", "page_name"),
    [
        ("Hayat Tahrir", "actors"),  # an actor
        ("Turkey-backed", "actors"),  # an actor's relation
        ("Sheikh Najjar", "sources"),  # words of an article's text
        ("Abdulghani", "statements"),  # a speaker
    ],
)
def test_search_finds_actors_statements_and_source_text(
    page: Page, base_url: str, query: str, page_name: str
) -> None:
    page.goto(base_url)
    hrefs = search(page, query)
    pattern = re.escape(base_url) + rf"briefings/[^/#?]+/{page_name}/"
    assert any(re.match(pattern, h) for h in hrefs), (query, hrefs)
    assert not any("/print/" in h for h in hrefs), "the print page repeats every page: excluded"


def test_print_page_is_one_page_with_citations_inside(page: Page, base_url: str) -> None:
    url = open_briefing(page, base_url)
    page.locator("article").get_by_role("link", name="Print", exact=True).click()
    expect(page).to_have_url(url + "print/")
    article = page.locator("article")
    expect(article.locator("h1")).to_have_count(1)
    for part in ("actors", "statements", "sources"):
        expect(article.locator(f"h2#part-{part}")).to_have_count(1)
    citation = article.locator("li a[href^='#s']").filter(has_text=re.compile(r"^\[\d+\]$")).first
    fragment = (citation.get_attribute("href") or "").lstrip("#")
    assert re.fullmatch(r"s\d+-p\d+", fragment), fragment
    citation.click()
    expect(page).to_have_url(url + "print/#" + fragment)
    expect(page.locator(f"[id='{fragment}']")).to_be_in_viewport()

    # Printed, only the content is left: Material's print styles hide the navigation.
    page.emulate_media(media="print")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(article.locator("h2#part-sources")).to_be_visible()


def test_feed_lists_briefings_with_working_links(page: Page, base_url: str) -> None:
    page.goto(base_url + "briefings/")
    feed_link = page.locator("article").get_by_role("link", name="Atom feed")
    feed_url = page.evaluate("h => new URL(h, location.href).href", feed_link.get_attribute("href"))
    response = page.request.get(feed_url)
    assert response.ok, feed_url
    feed = ET.fromstring(response.body())
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        link = entry.find(f"{ATOM}link")
        assert link is not None
        target = page.evaluate("h => new URL(h[0], h[1]).href", [link.get("href"), feed_url])
        page.goto(target)
        expect(page.locator("article h1")).to_contain_text(entry.findtext(f"{ATOM}title") or "?")
