"""The seed site built for file:// (BRIEFGEN_OFFLINE=true: Material's offline plugin), opened
from the file system in headless Chromium: links work, search works, nothing is fetched from
any network (the Worker shim the plugin would load from unpkg is our local copy)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from .conftest import ROOT, TIMEOUT_MS, search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site built with the offline plugin switched on."""
    site = tmp_path_factory.mktemp("offline") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFGEN_OFFLINE="true")
    args = ["-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (site / "search" / "search_index.js").is_file()
    return site


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


def test_site_works_from_file_urls(offline_site: Path, context: BrowserContext) -> None:
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    home = (offline_site / "index.html").as_uri()

    # Home -> briefings -> a briefing -> its statements -> a citation's paragraph.
    page.goto(home)
    page.locator("article a[href$='briefings/index.html']").first.click()
    page.locator("article h2 a:not(.headerlink)").first.click()
    expect(page).to_have_url(re.compile(r"/briefings/[^/]+/index\.html$"))
    page.locator("article").get_by_role("link", name="Statements", exact=True).click()
    expect(page).to_have_url(re.compile(r"/statements\.html$"))
    page.locator("li a[href*='sources.html#s']").first.click()
    expect(page).to_have_url(re.compile(r"/sources\.html#s\d+-p\d+$"))
    fragment = urlsplit(page.url).fragment
    expect(page.locator(f"[id='{fragment}']")).to_be_in_viewport()

    # Search runs from the file system too (the index is a script, the worker an iframe).
    page.goto(home)
    hrefs = search(page, "Pedersen")
    assert any(re.search(r"/statements\.html", h) for h in hrefs), hrefs

    assert requests, "no request was recorded"
    offending = sorted({u for u in requests if urlsplit(u).scheme not in {"file", "data", "blob"}})
    assert not offending, offending
    assert not errors, errors
