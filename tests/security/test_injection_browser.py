"""The hostile site in headless Chromium: no injected script runs, on any page or in search.

Every payload of the hostile corpus that could run sets `window.__pwned`, changes
`document.title` or calls `alert`. Each built page is loaded, the live DOM (after Material's
scripts have run) is searched for event attributes and `javascript:` links, and the search box
is asked for the payloads, whose results Material shows with innerHTML.

Chromium runs in a thread of its own: tests/browser keeps the session's sync playwright on the
main thread, and playwright refuses a second one there. The helpers of tests/browser/conftest.py
(the Chromium binary and flags, the quiet server, Traffic, page_urls, search) are reused.
"""

from __future__ import annotations

import http.server
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    TIMEOUT_MS,
    QuietHandler,
    Traffic,
    page_urls,
    search,
)
from playwright.sync_api import Dialog, Page, sync_playwright

from .conftest import HostileSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Run in each page once Material's scripts have run: what an injection would have left.
PROBE = """() => {
  const onAttributes = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) onAttributes.push(el.tagName + ' ' + attr.name);
    }
  }
  const scriptLinks = [...document.querySelectorAll('[href],[src],[action]')]
    .map(el => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action'))
    .filter(v => /^\\s*(javascript|vbscript|data:text\\/html)/i.test(v));
  return {
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    title: document.title,
    onAttributes,
    scriptLinks,
    frames: document.querySelectorAll('iframe, object, embed').length,
    injectedImages: document.querySelectorAll('img[src="x"], img[src="x.png"]').length,
    results: document.querySelector('.md-search-result__list')?.innerText || '',
  };
}"""
# Words the index holds as tokens, whose results show payloads (Material splits on spaces and
# hyphens only, so "script" inside "&lt;script&gt;window..." is no token of its own).
QUERIES = ("fire", "onerror", "window", "Reyes")


@dataclass
class Tour:
    """What Chromium found on each page and after each search."""

    probes: dict[str, dict[str, Any]] = field(default_factory=dict)
    dialogs: list[str] = field(default_factory=list)
    traffic: Traffic = field(default_factory=Traffic)


def probe(page: Page, tour: Tour, key: str) -> None:
    page.wait_for_load_state("networkidle")
    tour.probes[key] = page.evaluate(PROBE)


def take_tour(site: Path) -> Tour:
    """Serve the site on 127.0.0.1, open every page and search it in Chromium."""
    handler = partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="hostile-site", daemon=True)
    thread.start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    tour = Tour()
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(
                executable_path=str(CHROMIUM),
                headless=True,
                chromium_sandbox=False,
                args=CHROMIUM_ARGS,
            )
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(TIMEOUT_MS)
            tour.traffic.watch(context)
            page = context.new_page()

            def on_dialog(dialog: Dialog) -> None:
                tour.dialogs.append(f"{page.url}: {dialog.type} {dialog.message}")
                dialog.dismiss()

            page.on("dialog", on_dialog)
            for url in [*page_urls(base_url, site), base_url + "404.html"]:
                response = page.goto(url, wait_until="networkidle")
                assert response is not None, url
                assert response.ok, url
                probe(page, tour, url)
            for query in QUERIES:
                page.goto(base_url)
                search(page, query)
                probe(page, tour, f"search: {query}")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    return tour


@pytest.fixture(scope="module")
def tour(hostile_site: HostileSite) -> Tour:
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium") as pool:
        return pool.submit(take_tour, hostile_site.site).result()


def test_no_injected_script_runs(tour: Tour) -> None:
    # Every page (home, 404, the list of briefings, each briefing's four) and every search.
    pages = [key for key in tour.probes if not key.startswith("search: ")]
    assert len(pages) >= 7, sorted(tour.probes)
    assert any(key.endswith("/sources/") for key in pages), sorted(tour.probes)
    assert {f"search: {query}" for query in QUERIES} <= tour.probes.keys(), sorted(tour.probes)
    ran = {key: p["pwned"] for key, p in tour.probes.items() if p["pwned"] is not None}
    assert not ran, f"window.__pwned was set: {ran}"
    retitled = {key: p["title"] for key, p in tour.probes.items() if p["title"] == "pwned"}
    assert not retitled, retitled
    assert not tour.dialogs, tour.dialogs


def test_live_dom_holds_no_injected_attribute(tour: Tour) -> None:
    found = {
        key: {k: p[k] for k in ("onAttributes", "scriptLinks", "frames", "injectedImages") if p[k]}
        for key, p in tour.probes.items()
    }
    assert not {key: f for key, f in found.items() if f}


def test_search_shows_payloads_as_text(tour: Tour) -> None:
    # The search worker's fetch of the index proves the searches ran against this site.
    assert any(url.endswith("search/search_index.json") for _, url in tour.traffic.requests)
    results = [tour.probes[f"search: {q}"]["results"] for q in QUERIES]
    assert all(results), dict(zip(QUERIES, results, strict=True))
    shown = "\n".join(results)
    assert "<script>" in shown or "<img src=x onerror=" in shown, shown[:2000]


def test_hostile_pages_log_no_error_and_stay_local(tour: Tour) -> None:
    assert tour.traffic.visited, "no page load was recorded"
    assert not tour.traffic.console_errors, "\n".join(tour.traffic.console_errors)
    assert not tour.traffic.bad_responses, "\n".join(tour.traffic.bad_responses)
    hosts = {urlsplit(url).netloc for _, url in tour.traffic.requests}
    assert all(h.startswith("127.0.0.1:") or not h for h in hosts), hosts
