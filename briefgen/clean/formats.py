"""Turning each article format into the same thing: declared metadata plus lines of text.

- text dumps pass through unchanged;
- Markdown: YAML front matter is read as declared metadata, the body is rendered with the
  Markdown library and its blocks are taken as lines (a first-level heading is the headline,
  other headings are dropped as subheadings, raw HTML and scripts are never kept);
- HTML: trafilatura extracts the main text and the page's metadata; machine-readable dates
  (article:published_time, itemprop, JSON-LD) are read as given, with their time zone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown
from lxml import html as lxml_html

from briefgen.clean.header import split_authors
from briefgen.errors import Problem
from briefgen.ingest.sidecar import (
    declared_from_mapping,
    is_web_url,
    load_metadata_yaml,
    normalise_date,
)
from briefgen.model import Declared, Dropped, RawArticle

FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
# Front matter uses the sidecar's keys, plus the common aliases of static-site generators.
FRONT_MATTER_ALIASES = {"author": "authors", "date": "published", "source": "outlet"}
_BLOCKS = {"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "td", "th", "dd"}
_SKIPPED = {"script", "style", "template", "iframe", "object", "noscript", "svg"}
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "date",
)
_UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified")


@dataclass(frozen=True, slots=True, kw_only=True)
class Converted:
    """An article as text lines, with what it declares and what conversion dropped."""

    text: str
    declared: Declared
    dropped: tuple[Dropped, ...] = ()
    problems: tuple[Problem, ...] = ()


class _BlockText(HTMLParser):
    """Collects the text of block elements of rendered Markdown, skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # (tag, text)
        self._stack: list[str] = []
        self._parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self._flush()
            self._stack.append(tag)
        elif tag == "br":
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self._flush()
            if self._stack:
                self._stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip and self._stack:
            self._parts.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text and self._stack:
            self.blocks.append((self._stack[-1], text))
        self._parts = []

    def close(self) -> None:
        self._flush()
        super().close()


def markdown_blocks(body: str) -> list[tuple[str, str]]:
    """Return (tag, text) for each block of a Markdown body, in order."""
    parser = _BlockText()
    parser.feed(markdown.markdown(body, output_format="html"))
    parser.close()
    return parser.blocks


def split_front_matter(text: str) -> tuple[dict[Any, Any] | None, str, str | None]:
    """Return (front matter mapping or None, body, error message or None)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, None
    body = text[match.end() :]
    try:
        loaded = load_metadata_yaml(match["yaml"])
    except ValueError as error:
        return None, body, f"front matter is {error}; ignored"
    if loaded is None:
        return None, body, None
    if not isinstance(loaded, dict):
        return None, body, "front matter must be a mapping of metadata keys; ignored"
    return (
        {FRONT_MATTER_ALIASES.get(str(k).lower(), str(k).lower()): v for k, v in loaded.items()},
        body,
        None,
    )


def from_markdown(raw: RawArticle) -> Converted:
    """Return a Markdown article's lines and the metadata of its front matter."""
    front, body, error = split_front_matter(raw.text)
    problems: list[Problem] = []
    if error:
        problems.append(Problem(path=raw.path, code="BG111", message=error, severity="warning"))
    declared = Declared()
    if front is not None:
        declared, found = declared_from_mapping(front, raw.path, what="front matter")
        problems.extend(found)
    lines: list[str] = []
    dropped: list[Dropped] = []
    for tag, text in markdown_blocks(body):
        if tag == "h1" and not lines and declared.title in {None, text}:
            declared = Declared(title=text).over(declared)
            dropped.append(Dropped(text=text, reason="headline"))
        elif tag.startswith("h"):
            dropped.append(Dropped(text=text, reason="subheading"))
        else:
            lines.append(text)
    return Converted(
        text="\n".join(lines), declared=declared, dropped=tuple(dropped), problems=tuple(problems)
    )


def _meta_values(tree: Any) -> Iterator[tuple[str, str]]:
    """Yield (lower-case name, content) for every <meta> and itemprop/datetime date of a page."""
    for meta in tree.iter("meta"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if meta.get("content"):
            yield name.strip().lower(), meta.get("content").strip()
    for element in tree.xpath("//*[@itemprop][@datetime]"):
        yield element.get("itemprop").strip().lower(), element.get("datetime").strip()


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Yield each JSON-LD object of a page (graphs and lists flattened); bad JSON is skipped."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(v for k, v in item.items() if k == "@graph")
                yield item


def page_dates(tree: Any) -> tuple[str | None, str | None]:
    """Return the page's declared published and modified date-times, as ISO 8601."""
    found = dict(reversed(list(_meta_values(tree))))
    for item in _json_ld(tree):
        for key in ("datePublished", "dateModified"):
            if isinstance(item.get(key), str):
                found.setdefault(key.lower(), item[key])

    def first(names: tuple[str, ...]) -> str | None:
        for name in names:
            if name in found and (date := normalise_date(found[name])):
                return date
        return None

    return first(_PUBLISHED_META), first(_UPDATED_META)


def page_outlet(tree: Any) -> str | None:
    """Return the name a page gives its publisher (og:site_name, JSON-LD publisher), or None."""
    for name, content in _meta_values(tree):
        if name in {"og:site_name", "application-name"} and content:
            return " ".join(content.split())
    for item in _json_ld(tree):
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            return " ".join(publisher["name"].split())
    return None


def page_headline(tree: Any) -> str | None:
    """Return the text of the page's one <h1> (inside <article> if there is one), or None.

    The visible headline beats og:title and <title>, which are often rewritten for sharing.
    """
    headings = tree.xpath("//article//h1") or tree.xpath("//h1")
    if len(headings) != 1:
        return None
    text = " ".join(headings[0].text_content().split())
    return text or None


def from_html(raw: RawArticle) -> Converted:
    """Return an HTML page's main text (trafilatura) and the metadata the page declares."""
    import trafilatura  # a fifth of a second to import: only when a page is HTML

    try:
        tree = lxml_html.fromstring(raw.text.encode("utf-8"))
    except (ValueError, lxml_html.etree.ParserError):
        problem = Problem(path=raw.path, code="BG114", message="HTML could not be parsed")
        return Converted(text="", declared=Declared(), problems=(problem,))
    document = trafilatura.bare_extraction(
        raw.text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return Converted(text="", declared=Declared())
    found: dict[str, Any] = document if isinstance(document, dict) else document.as_dict()
    published, updated = page_dates(tree)
    if published is None and found.get("date"):
        published = normalise_date(found["date"])
    authors = split_authors(found.get("author") or "")  # "Reuters" is no person
    url = found.get("url") if found.get("url") and is_web_url(found["url"]) else None
    title = page_headline(tree) or found.get("title")
    declared = Declared(
        title=" ".join(title.split()) if title else None,
        outlet=page_outlet(tree),
        authors=authors or None,
        published=published,
        updated=updated,
        url=url,
    )
    return Converted(text=found.get("text") or "", declared=declared)


def convert(raw: RawArticle) -> Converted:
    """Return the article as text lines with what it declares about itself."""
    if raw.format == "markdown":
        return from_markdown(raw)
    if raw.format == "html":
        return from_html(raw)
    return Converted(text=raw.text, declared=Declared())
