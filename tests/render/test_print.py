"""The print page: a briefing's four pages in one, one <h1>, citations within the page."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from briefgen.model import SourceRef
from briefgen.render import build_env
from briefgen.render.pages import demote_headings, render_site

from .strike import article, briefing, said

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_demote_headings_leaves_code_fences_alone() -> None:
    text = "# Title\n\n## Part\n\n```mermaid\n# not a heading\n```\n\n###### Deepest\n"
    assert demote_headings(text) == (
        "## Title\n\n### Part\n\n```mermaid\n# not a heading\n```\n\n###### Deepest\n"
    )


def test_print_page_holds_every_part_with_links_inside() -> None:
    herald = article("000_herald", "Dockers strike in Port Avalon")
    caro = said(
        "Ines Caro", "ships would wait offshore", SourceRef(article_id="000_herald", paragraph=2)
    )
    site = render_site([briefing((herald,), (caro,))], build_env(str(TEMPLATES)), "briefings")
    page = site.files["briefings/2025-03-10-port-avalon/print.md"]
    assert isinstance(page, str)
    front, body = page.split("---\n")[1:3]
    assert "search:\n  exclude: true" in front
    headings = re.findall(r"^(#+) (.*)$", body, re.M)
    assert [h for h, _ in headings].count("#") == 1
    assert headings[0][1].startswith("Dock strike in Port Avalon")
    for part in ("actors", "statements", "sources"):
        assert f"{{: #part-{part} }}" in body, part
        assert f"](#part-{part})" in body  # the summary's links to the other pages
    assert "ships would wait offshore" in body
    assert "sources.md#" not in body  # citations point to the paragraphs on this page
    html = markdown.markdown(body, extensions=["attr_list", "tables", "toc"])
    anchors = set(re.findall(r' id="([^"]+)"', html))
    targets = set(re.findall(r' href="#([^"]+)"', html))
    assert targets, html[:500]
    assert targets <= anchors, targets - anchors


def test_print_page_keeps_only_the_cited_paragraphs_of_the_sources() -> None:
    herald = article("000_herald", "Dockers strike in Port Avalon")
    caro = said(
        "Ines Caro", "ships would wait offshore", SourceRef(article_id="000_herald", paragraph=2)
    )
    site = render_site([briefing((herald,), (caro,))], build_env(str(TEMPLATES)), "briefings")
    page = site.files["briefings/2025-03-10-port-avalon/print.md"]
    assert isinstance(page, str)
    sources = page[page.index("{: #part-sources }") :]
    # paragraph 0 is cited by the summary, paragraph 2 by the statement; paragraph 1 by nothing
    assert '<p id="s1-p0">' in sources
    assert '<p id="s1-p2">' in sources
    assert "4,000 members" not in sources
    assert '<p id="s1-p1">' not in sources
    assert '](sources.md "The full texts")' in sources  # the full texts are one click away
    # the sources page itself still holds every paragraph
    full = site.files["briefings/2025-03-10-port-avalon/sources.md"]
    assert "4,000 members" in full
    assert "print version" not in full
