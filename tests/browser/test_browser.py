"""The built seed site in headless Chromium, served under a sub-path, as a reader uses it.

A reader goes from the home page to a briefing's statements and follows a citation to the
paragraph of the source; searches; and the pages ask no host but the site's own for anything
and log no JavaScript error. The last two judge every page the session opened (see conftest).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .conftest import Traffic, search

pytestmark = pytest.mark.browser

CITATION = re.compile(r"^\[\d+\]$")


def test_citation_leads_to_source_paragraph(page: Page, base_url: str) -> None:
    page.goto(base_url)
    article = page.locator("article")

    # Home page → the list of briefings.
    article.locator("a[href$='briefings/']").first.click()
    expect(page).to_have_url(base_url + "briefings/")

    # The list → the first briefing (its title, a link in the heading).
    page.locator("article h2 a:not(.headerlink)").first.click()
    expect(page).to_have_url(re.compile(re.escape(base_url) + r"briefings/[^/#?]+/$"))
    briefing_url = page.url

    # The briefing → its statements page.
    article.get_by_role("link", name="Statements", exact=True).click()
    expect(page).to_have_url(briefing_url + "statements/")
    expect(page.locator("article h1")).to_contain_text("statements", ignore_case=True)

    # A statement's citation [N] → the sources page, at the cited paragraph of source N.
    citations = article.locator("li a[href*='sources/#s']").filter(has_text=CITATION)
    assert citations.count() > 0, f"no citation links [N] to sources/#sN-pM on {page.url}"
    citation = citations.first
    href = citation.get_attribute("href") or ""
    fragment = href.partition("#")[2]
    assert re.fullmatch(r"s\d+-p\d+", fragment), f"citation {href!r} has no #sN-pM anchor"
    citation.click()

    expect(page).to_have_url(briefing_url + "sources/#" + fragment)
    paragraph = page.locator(f"[id='{fragment}']")
    expect(paragraph).to_have_count(1)
    expect(paragraph).to_be_visible()
    expect(paragraph).to_be_in_viewport()
    text = paragraph.inner_text().strip()
    # The paragraph holds its own ¶ link and then the article's text.
    assert len(re.sub(r"^¶\s*\d+", "", text).strip()) > 20, (
        f"#{fragment} on {page.url} holds no text: {text!r}"
    )


def test_search_finds_statements(page: Page, base_url: str) -> None:
    page.goto(base_url)
    search(page, "Pedersen")

    hrefs = [link.get_attribute("href") or "" for link in page.locator(".md-search-result a").all()]
    statements = [
        href
        for href in hrefs
        if re.fullmatch(re.escape(base_url) + r"briefings/[^/#?]+/statements/", href.split("?")[0])
    ]
    assert statements, f"no search result for 'Pedersen' links to a statements page: {hrefs}"

    # Following it lands on the statements page, which names him.
    page.locator(f".md-search-result a[href='{statements[0]}']").first.click()
    expect(page).to_have_url(re.compile(re.escape(statements[0].split("?")[0])))
    expect(page.locator("article")).to_contain_text("Pedersen")


def test_every_page_loads(tour: list[str], base_url: str) -> None:
    # `tour` opened them all and checked each answered 200; here, that there were some.
    assert base_url in tour
    assert any(url.endswith("/statements/") for url in tour), tour
    assert any(url.endswith("/sources/") for url in tour), tour


def test_no_request_leaves_the_site(tour: list[str], traffic: Traffic, base_url: str) -> None:
    """Every request of every page the session opened went to the local server."""
    own = urlsplit(base_url).netloc
    assert traffic.requests, "no request was recorded"
    # The search index is fetched by Material's web worker: proof the recorder sees workers.
    assert any(url.endswith("/search/search_index.json") for _, url in traffic.requests), (
        "the search worker's fetch of search_index.json was not recorded"
    )
    offending = sorted(
        {
            f"{url}  (from {origin})"
            for origin, url in traffic.requests
            if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).netloc != own
        }
    )
    assert not offending, "requests to hosts other than {}:\n  {}".format(
        own, "\n  ".join(offending)
    )
    assert not traffic.bad_responses, "error responses:\n  " + "\n  ".join(traffic.bad_responses)
    failed = [f for f in traffic.failed if "ERR_ABORTED" not in f]  # left by navigating away
    assert not failed, "failed requests:\n  " + "\n  ".join(failed)


def test_no_console_errors(tour: list[str], traffic: Traffic) -> None:
    """No page the session opened logged a JavaScript error or threw."""
    assert traffic.visited, "no page load was recorded"
    assert not traffic.console_errors, "console errors:\n  " + "\n  ".join(traffic.console_errors)
