"""Fixtures for the browser tests: the seed site built, served under a sub-path, and Chromium.

The site is built once per session with `mkdocs build --strict` into a temporary folder named
`briefings-site`, and its parent is served by a local http.server, so every page is reached as
http://127.0.0.1:PORT/briefings-site/...: a site that only works from the server root fails here.

Chromium is Debian's /usr/bin/chromium (`./dev test` installs it), driven by playwright with its
`executable_path`; playwright never downloads a browser here. Everything every page asks the
network for, and every console error, is recorded in one `Traffic` for the whole session, so the
network and console tests can judge all the pages the other tests visited as well.
"""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError
from sites import mkdocs_build

ROOT = Path(__file__).resolve().parents[2]
SUB_PATH = "briefings-site"
CHROMIUM = Path(os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",  # else it calls Google, which a closed network refuses
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
TIMEOUT_MS = 15_000


@dataclass
class Traffic:
    """What the pages of the session asked for and complained about."""

    requests: list[tuple[str, str]] = field(default_factory=list)  # (page URL, request URL)
    bad_responses: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    visited: set[str] = field(default_factory=set)

    def watch(self, context: BrowserContext) -> None:
        """Record every request of every page (and worker) opened in `context`."""

        def on_request(request: Request) -> None:
            try:
                frame_url = request.frame.url
            except PlaywrightError:  # a worker's request has no frame
                frame_url = "(worker)"
            self.requests.append((frame_url, request.url))

        def on_response(response: Response) -> None:
            if response.status >= 400:
                self.bad_responses.append(f"{response.status} {response.url}")

        def on_failed(request: Request) -> None:
            self.failed.append(f"{request.url}: {request.failure}")

        def on_page(page: Page) -> None:
            def on_console(message: ConsoleMessage) -> None:
                if message.type == "error":
                    where = message.location.get("url", "") if message.location else ""
                    self.console_errors.append(f"{page.url}: {message.text} ({where})")

            def on_page_error(error: Any) -> None:
                self.console_errors.append(f"{page.url}: uncaught {error}")

            def on_load(loaded: Page) -> None:
                self.visited.add(loaded.url)

            page.on("console", on_console)
            page.on("pageerror", on_page_error)
            page.on("load", on_load)

        context.on("request", on_request)
        context.on("response", on_response)
        context.on("requestfailed", on_failed)
        context.on("page", on_page)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def served_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site built with `mkdocs build --strict`, in `<tmp>/briefings-site/`."""
    parent = tmp_path_factory.mktemp("serve")
    site = parent / SUB_PATH
    result = mkdocs_build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    assert (site / "index.html").is_file(), sorted(p.name for p in site.iterdir())
    return parent


@pytest.fixture(scope="session")
def base_url(served_root: Path) -> Iterator[str]:
    """http://127.0.0.1:PORT/briefings-site/ served from a thread, on a free port."""

    def handler(*args: Any, **kwargs: Any) -> QuietHandler:
        return QuietHandler(*args, directory=str(served_root), **kwargs)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Headless Debian Chromium, with a fresh temporary profile (playwright's default)."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: `./dev test` installs Debian's chromium and chromium-driver"
            " (or deselect these tests with -m 'not browser')"
        )
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        chromium_sandbox=False,
        args=CHROMIUM_ARGS,
    )
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture(scope="session")
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def page(browser: Browser, traffic: Traffic) -> Iterator[Page]:
    """A new page in a new context whose requests and console errors go into `traffic`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    traffic.watch(context)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


SETTLE_TRIES, SETTLE_MS = 50, 250  # how long search() waits for the result list to settle


def search(page: Page, query: str) -> list[str]:
    """Type `query` into Material's search box; return the links of its results once the list
    has settled (the list is redrawn after each key: read item by item while it is redrawn, a
    link can vanish between finding it and reading it)."""
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for()
    links = page.locator(".md-search-result a")
    previous: list[str] | None = None
    for _ in range(SETTLE_TRIES):
        hrefs: list[str] = links.evaluate_all("as => as.map(a => a.getAttribute('href') || '')")
        if hrefs and hrefs == previous:
            break
        previous = hrefs
        page.wait_for_timeout(SETTLE_MS)
    return hrefs


def page_urls(base_url: str, site: Path) -> list[str]:
    """The URL of every page of a built site (use_directory_urls: each is a folder's index)."""
    return sorted(
        base_url + "".join(f"{part}/" for part in html.parent.relative_to(site).parts)
        for html in site.rglob("index.html")
    )


@pytest.fixture(scope="session")
def tour(browser: Browser, traffic: Traffic, base_url: str, served_root: Path) -> list[str]:
    """Open every page of the site, and search once, recording it all in `traffic`.

    Each page is left only once the network has been idle for a moment, so a late request
    (a web font, a script loaded after `load`) is recorded too.
    """
    urls = page_urls(base_url, served_root / SUB_PATH)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    traffic.watch(context)
    try:
        page = context.new_page()
        for url in urls:
            response = page.goto(url, wait_until="networkidle")
            assert response is not None, url
            assert response.status == 200, f"{response.status} {url}"
        page.goto(base_url)
        search(page, "Pedersen")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return urls
