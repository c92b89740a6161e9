"""Vendored browser assets (see README.md here): the site's own copy of Mermaid.

Material for MkDocs fetches Mermaid from a CDN for a page holding a diagram unless
`window.mermaid` exists. The plugin adds `mermaid.min.js` to the site at MERMAID_URI and a
script tag for it to the pages that hold a diagram, so that no request leaves the site.
"""

from __future__ import annotations

from importlib import resources

MERMAID_URI = "assets/briefgen/mermaid.min.js"
# What a diagram looks like in a built page: pymdownx.superfences' custom fence and the
# templates' raw HTML both give <pre class="mermaid">.
_DIAGRAM = '<pre class="mermaid">'


def read_mermaid() -> bytes:
    """Return the packaged mermaid.min.js."""
    return resources.files(__package__).joinpath("mermaid.min.js").read_bytes()


def add_mermaid_script(html: str, src: str) -> str:
    """Return a built page with a script tag for Mermaid at `src` before </body>, if the page
    holds a diagram and no such tag yet; any other page unchanged."""
    tag = f'<script src="{src}"></script>'
    if _DIAGRAM not in html or tag in html or "</body>" not in html:
        return html
    head, _, tail = html.rpartition("</body>")
    return f"{head}{tag}\n</body>{tail}"
