"""The map page and a Mermaid diagram in headless Chromium, with nothing fetched from outside.

The seed site (conftest) has a map page per briefing, whose SVG must load as an image. A small
site of its own holds a hand-written page with a diagram from templates/_diagram.md.j2 whose
names are hostile: Material must draw it with the copy of Mermaid the briefgen plugin adds,
every request must go to the local server, and no injected script may run.
"""

from __future__ import annotations

import http.server
import re
import threading
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from sites import mkdocs_build

from briefgen.assets import MERMAID_URI
from briefgen.render.env import build_env

from .conftest import ROOT, TIMEOUT_MS, QuietHandler

pytestmark = pytest.mark.browser

HOSTILE = "<script>window.__pwned=1</script>"
EDGES = [
    ("Port Workers' Union", "solidarity", "Harbour Pilots"),
    ("Ministry of Labour", "denial", "Port Workers' Union"),
    (HOSTILE, "backing", '"onload=window.__pwned=2'),
]
ARTICLE = """\
Dockers strike at Valparaíso

Published 2025-03-10

VALPARAÍSO, Chile — Dock workers in Valparaíso walked out on Monday, the port workers' union
said, and ships waiting off San Antonio were sent to Callao in Peru.

"We will stay out until the contract is signed," said Rosa Díaz, the union's president.
"""
MKDOCS_YML = """\
site_name: Diagram test
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - search
  - briefgen:
      corpus_dir: seeds
      templates_dir: {templates}
"""
# Material draws a diagram into a closed shadow root; opened here so that the test can read it.
OPEN_SHADOWS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attach.call(this, {...init, mode: "open"});
};
"""


def test_map_page_shows_its_svg(page: Page, base_url: str) -> None:
    page.goto(base_url + "briefings/")
    page.locator("article h2 a:not(.headerlink)").first.click()
    page.locator("article").get_by_role("link", name="Map", exact=True).click()
    expect(page).to_have_url(re.compile(r"/briefings/[^/]+/map/$"))
    image = page.locator("article img[src$='map.svg']")
    expect(image).to_have_count(1)
    assert (image.get_attribute("alt") or "").startswith("Map of ")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth") == 800
    expect(page.locator("article table").first).to_contain_text("country")


@pytest.fixture(scope="module")
def diagram_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site with a hand-written diagram page, built --strict and served locally."""
    folder = tmp_path_factory.mktemp("diagram")
    (folder / "seeds").mkdir()
    (folder / "seeds" / "000_dockers.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "docs").mkdir()
    (folder / "docs" / "index.md").write_text("# Diagram test\n", encoding="utf-8")
    call = '{% import "_diagram.md.j2" as d %}# Backing\n\n{{ d.relations(edges) }}\n'
    diagram = build_env(str(ROOT / "templates")).from_string(call).render(edges=EDGES)
    (folder / "docs" / "diagram.md").write_text(diagram, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(templates=ROOT / "templates"), encoding="utf-8")
    result = mkdocs_build(config, folder / "site")
    assert result.returncode == 0, result.stderr

    def handler(*args: Any, **kwargs: Any) -> QuietHandler:
        return QuietHandler(*args, directory=str(folder / "site"), **kwargs)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_mermaid_diagram_renders_from_the_site_itself(browser: Browser, diagram_site: str) -> None:
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.add_init_script(OPEN_SHADOWS)
    try:
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(diagram_site + "diagram/", wait_until="networkidle")
        drawing = page.locator("article div.mermaid svg")
        expect(drawing).to_have_count(1)
        labels = drawing.locator(".nodeLabel")
        expect(labels).to_have_count(5)
        shown = sorted(labels.all_inner_texts())
        assert shown == sorted({n for s, _, t in EDGES for n in (s, t)}), shown
        edge_labels = drawing.locator(".edgeLabel").evaluate_all(
            "labels => labels.map(label => label.textContent.trim()).filter(Boolean)"
        )
        assert set(edge_labels) == {"backing", "denial", "solidarity"}, edge_labels
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("typeof window.mermaid") == "object"  # the site's copy
    finally:
        context.close()
    own = urlsplit(diagram_site).netloc
    assert diagram_site + MERMAID_URI in requests, requests
    assert not [url for url in requests if urlsplit(url).netloc != own], requests
    assert not errors, errors


def test_pages_without_a_diagram_load_no_mermaid(diagram_site: str) -> None:
    with urllib.request.urlopen(diagram_site, timeout=10) as response:  # the local server
        home = response.read().decode("utf-8")
    assert "Diagram test" in home
    assert "mermaid" not in home
