"""Screenshots of the seed site for the README: home, a briefing, statements, actors, map.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots]

Builds the site with `mkdocs build --strict` into a temporary folder, serves it on 127.0.0.1,
and photographs each page at 1280x900 in Debian's headless Chromium (/usr/bin/chromium, driven
by playwright; BRIEFGEN_CHROMIUM overrides the path). The cache is off, so the pages are those
of a first build. PNGs are re-encoded with 256 colours when Pillow is installed.
"""

from __future__ import annotations

import argparse
import http.server
import io
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1280, "height": 900}
# (file name, path under the site, what must be on the page before the picture is taken)
SHOTS = (
    ("home.png", "briefings/", "article h2 a"),
    ("briefing.png", "{briefing}", "article ol"),
    ("statements.png", "{briefing}statements/", "article h3"),
    # Material draws the diagram in a closed shadow root: wait for its host, then a moment
    ("actors.png", "{briefing}actors/", "article div.mermaid"),
    ("map.png", "{briefing}map/", "article img, article svg"),
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def build_site(site: Path) -> None:
    """Build the seed site into `site` (strict, without the cache)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFGEN_NO_CACHE="1")
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml")]
    subprocess.run([*args, "-d", str(site)], check=True, env=env, cwd=ROOT)


def optimise(png: bytes) -> bytes:
    """Return the PNG with a 256-colour palette if Pillow is installed, else unchanged."""
    try:
        from PIL import Image
    except ImportError:
        return png
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=256)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue() if out.tell() < len(png) else png


def first_briefing(page: Page, base: str) -> str:
    """Return the URL of the first briefing listed."""
    page.goto(base + "briefings/")
    href = page.locator("article h2 a:not(.headerlink)").first.get_attribute("href") or ""
    return str(page.evaluate("h => new URL(h, location.href).href", href))


def take(out: Path, base: str) -> list[Path]:
    """Photograph each page of SHOTS that exists; return the files written."""
    written = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport=VIEWPORT, color_scheme="light")
        briefing = first_briefing(page, base)
        for name, path, ready in SHOTS:
            url = path.format(briefing=briefing) if "{" in path else base + path
            response = page.goto(url, wait_until="networkidle")
            if response is None or response.status != 200:
                print(f"skipped {name}: {url} answered {response and response.status}")  # noqa: T201
                continue
            page.locator(ready).first.wait_for()
            if "mermaid" in ready:  # show the diagram, not the tables above it
                page.locator(ready).first.scroll_into_view_if_needed()
                page.wait_for_timeout(1500)
            target = out / name
            target.write_bytes(optimise(page.screenshot(full_page=False)))
            written.append(target)
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build_site(site)
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), lambda *a, **k: QuietHandler(*a, directory=str(site), **k)
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            written = take(out, f"http://127.0.0.1:{server.server_address[1]}/")
        finally:
            server.shutdown()
    for path in written:
        print(f"{path}: {path.stat().st_size // 1024} KiB")  # noqa: T201


if __name__ == "__main__":
    main()
