"""The print page in a MkDocs build: parts taken from the HTML of their own pages.

A briefing's print page repeats its summary, actors and statements pages (render_print_page).
Converting their Markdown a second time was almost half of the site's Markdown conversion
(bench/scale/README.md). So each part is marked in the print page's Markdown (`mark_part`);
in a MkDocs build the plugin replaces each part that is exactly its own page's print_part by a
placeholder before the page is converted (`stub_parts`), and once every page is converted puts
the part page's HTML in its place (`splice_parts`), rewritten for the print page:

- headings one level down, but in the first part, so that the page has one <h1>;
- the part's first heading is #part-NAME, its other ids NAME-ID, so no two parts share one;
- links to a part's page or to an anchor in it point within the print page (#part-NAME,
  #NAME-ID); links to an anchor of a part converted on the print page itself (the cited
  paragraphs of the sources) point to that anchor; other relative links are re-based from
  the part's page to the print page.

Only the HTML that Python-Markdown wrote is rewritten, tag by tag: article text never holds a
bare '<' or '>' (md_inline writes them as references), so a tag is never found in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_relative_url

_START = "<!-- briefgen:part {} -->"
_END = "<!-- briefgen:end {} -->"
_INSERT = "<!-- briefgen:insert {} -->"
_INSERT_FOUND = re.compile(r"<!-- briefgen:insert (\w+) -->")
# The tags to rewrite: headings, and tags with an id or a link (not <p>, <td>, <li>...).
_TAG = re.compile(r'</?h[1-6]\b[^>]*>|<[a-zA-Z][^>]*\s(?:id|href|src)="[^>]*>')
_HEADING = re.compile(r"^<(/?)h([1-5])\b")
_FIRST_HEADING = re.compile(r"<h[1-6]\b[^>]*>")
_ID = re.compile(r'\sid="([^"]*)"')
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
# Any URL to resolve, made absolute on a made-up host: only its path matters.
_BASE = "http://site.invalid/"


def mark_part(markdown: str, name: str) -> str:
    """Return a part of the print page's Markdown between the markers that name it (HTML
    comments: invisible if the page is converted as it is)."""
    return f"{_START.format(name)}\n\n{markdown.strip()}\n\n{_END.format(name)}\n"


def stub_parts(markdown: str, parts: Mapping[str, str]) -> tuple[str, tuple[str, ...]]:
    """Return the print page's Markdown with each part found word for word as
    mark_part(parts[name], name) replaced by its placeholder, and the names replaced."""
    replaced = []
    for name, part in parts.items():
        marked = mark_part(part, name)
        if marked in markdown:
            markdown = markdown.replace(marked, f"{_INSERT.format(name)}\n")
            replaced.append(name)
    return markdown, tuple(replaced)


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    """A part of the print page as MkDocs built its own page."""

    url: str  # the page's URL, as MkDocs gives it (e.g. "briefings/x/actors/")
    html: str  # its converted content
    demote: bool  # headings one level down


def splice_parts(
    html: str, page_url: str, parts: Mapping[str, Part], urls: Mapping[str, str]
) -> str:
    """Return the print page's HTML with each placeholder replaced by its part, rewritten.

    `parts` are the stubbed parts; `urls` the URL of every part's page (stubbed or converted
    on the print page), by name. A placeholder without a part is an error (ValueError)."""
    firsts = {name: _first_heading_id(part.html) for name, part in parts.items()}
    pages = {_path(url): name for name, url in urls.items()}

    def local(name: str, anchor: str) -> str:
        if name not in parts:
            return anchor  # converted on the print page: its anchors are as on its own page
        return f"part-{name}" if anchor == firsts[name] else f"{name}-{anchor}"

    def rewrite(name: str, part: Part) -> str:
        def link(match: re.Match[str]) -> str:
            target = match[2]
            if target.startswith("#"):
                return f"{match[1]}#{local(name, target[1:])}{match[3]}"
            split = urlsplit(target)
            if split.scheme or split.netloc or target.startswith("/"):
                return match[0]  # not relative to the site
            resolved = urlsplit(urljoin(_BASE + part.url, target))
            if (other := pages.get(resolved.path)) is not None:
                anchor = local(other, resolved.fragment) if resolved.fragment else f"part-{other}"
                return f"{match[1]}#{anchor}{match[3]}"
            rebased = get_relative_url(resolved.path.removeprefix("/"), page_url)
            rebased += f"?{resolved.query}" if resolved.query else ""
            rebased += f"#{resolved.fragment}" if resolved.fragment else ""
            return f"{match[1]}{rebased}{match[3]}"

        def tag(match: re.Match[str]) -> str:
            found = match[0]
            if part.demote and (heading := _HEADING.match(found)):
                found = f"<{heading[1]}h{int(heading[2]) + 1}{found[heading.end() :]}"
            found = _ID.sub(lambda m: f' id="{local(name, m[1])}"', found)
            return _LINK.sub(link, found)

        rewritten = _TAG.sub(tag, part.html)
        if firsts[name] is None and (heading := _FIRST_HEADING.search(rewritten)):
            at = heading.end() - 1
            rewritten = f'{rewritten[:at]} id="part-{name}"{rewritten[at:]}'
        return rewritten

    def insert(match: re.Match[str]) -> str:
        name = match[1]
        if name not in parts:
            raise ValueError(f"the print page at {page_url} has no part {name!r} to insert")
        return rewrite(name, parts[name])

    return _INSERT_FOUND.sub(insert, html)


def _first_heading_id(html: str) -> str | None:
    """Return the id of the first heading of some HTML, None if it has none."""
    heading = _FIRST_HEADING.search(html)
    found = _ID.search(heading[0]) if heading else None
    return found[1] if found else None


def _path(url: str) -> str:
    """Return the absolute path of a page URL as MkDocs gives it ("a/b/" -> "/a/b/")."""
    return urlsplit(urljoin(_BASE, url)).path
