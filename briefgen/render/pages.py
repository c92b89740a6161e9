"""Rendering briefings to Markdown pages keyed by URI under docs_dir."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

import yaml
from jinja2 import Environment, TemplateError

from briefgen.codec import digest
from briefgen.errors import Problem, RenderError
from briefgen.geo import Gazetteer, load_gazetteer, map_places
from briefgen.model import Briefing, Site
from briefgen.render.changes import BriefingChanges, Snapshot, compare_site
from briefgen.render.export import export_json
from briefgen.render.feed import FEED_NAME, render_feed
from briefgen.render.splice import mark_part

EXPORT_NAME = "briefing.json"
# A page's YAML front matter: MkDocs and Material print its values (title, description) into
# the nav, the header, <title> and <meta> without escaping them.
_FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n", re.S)
# '<' and '>' become look-alikes rather than entities: Material passes some titles through
# `striptags`, which turns '&lt;/title&gt;' back into a tag.
_TAG_LOOKALIKES = str.maketrans({"<": "\uff1c", ">": "\uff1e"})


def source_numbers(briefing: Briefing) -> dict[str, int]:
    """Return each article's number on the briefing's pages (1-based, sources page order):
    its section's anchor on the sources page is #sN, its paragraphs' #sN-pM."""
    return {a.id: n for n, a in enumerate(briefing.articles, start=1)}


def inert_meta_value(text: str) -> str:
    """Return a front-matter text value that the theme can print as HTML without harm:
    `<script>` -> `\uff1cscript\uff1e`, `&` -> `&amp;`, `"` -> `&quot;`."""
    return text.translate(_TAG_LOOKALIKES).replace("&", "&amp;").replace('"', "&quot;")


def make_front_matter_inert(page: str) -> str:
    """Return the page with every text value of its front matter made inert (unchanged if
    none needed it): a headline's `<script>` must not become a tag in the nav."""
    match = _FRONT_MATTER.match(page)
    meta = yaml.safe_load(match["yaml"]) if match else None
    if match is None or not isinstance(meta, dict):
        return page
    inert = {k: inert_meta_value(v) if isinstance(v, str) else v for k, v in meta.items()}
    if inert == meta:
        return page
    dumped = yaml.safe_dump(inert, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{dumped}---\n{page[match.end() :]}"


def render_template(env: Environment, name: str, **context: object) -> str:
    """Return a rendered template with inert front matter, or raise RenderError naming it."""
    try:
        page = env.get_template(name).render(**context)
    except TemplateError as error:
        raise RenderError(f"templates/{name}: {error}") from error
    try:
        return make_front_matter_inert(page)
    except yaml.YAMLError as error:
        raise RenderError(f"templates/{name}: front matter is not valid YAML: {error}") from error


def render_briefing(
    env: Environment,
    briefing: Briefing,
    base: str,
    gazetteer: Callable[[], Gazetteer] = load_gazetteer,
) -> dict[str, str]:
    """Return the pages of one briefing, keyed by URI; `gazetteer` loads the gazetteer of its
    map, if it has places."""
    folder = f"{base}/{briefing.slug}"
    context = {"briefing": briefing, "numbers": source_numbers(briefing)}
    # A fixed set of pages however many articles: each article's text is a section of the
    # sources page (anchors #sN, #sN-pM by source number), not a page of its own.
    pages = {
        f"{folder}/index.md": render_template(env, "summary.md.j2", **context),
        f"{folder}/actors.md": render_template(env, "actors.md.j2", **context),
        f"{folder}/statements.md": render_template(env, "statements.md.j2", **context),
        f"{folder}/sources.md": render_template(env, "sources.md.j2", **context),
    }
    # The map page (briefgen.geo): the places located offline, drawn in map.svg beside it.
    place_map, svg = map_places(briefing.places, briefing.title, gazetteer)
    pages[f"{folder}/map.md"] = render_template(
        env, "map.md.j2", **context, place_map=place_map, svg="map.svg" if svg else ""
    )
    return pages | ({f"{folder}/map.svg": svg} if svg else {})


# ---------------------------------------------------------------- print page, changes, feed

# The pages of a briefing that its print page holds, in order; the first keeps its level-1
# heading, the others are demoted one level so that the print page has one <h1>.
PRINT_PARTS = ("index", "actors", "statements", "sources")
_HEADING = re.compile(r"^(#{1,5}) ")
_FENCE = re.compile(r"^(```|~~~)")


def demote_headings(markdown: str) -> str:
    """Return Markdown with every ATX heading outside code fences one level lower."""
    lines, fenced = [], False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        lines.append(f"#{line}" if not fenced and _HEADING.match(line) else line)
    return "\n".join(lines)


def anchor_first_heading(markdown: str, anchor: str) -> str:
    """Return Markdown with `{: #anchor }` after its first heading, unless it has an id."""
    lines = markdown.split("\n")
    for n, line in enumerate(lines):
        if _HEADING.match(line) or line.startswith("###### "):
            if "{:" not in line:
                lines[n] = f"{line.rstrip()} {{: #{anchor} }}"
            break
    return "\n".join(lines)


def print_part(page: str, name: str, demote: bool) -> str:
    """Return a rendered page as a part of the print page: front matter dropped, headings
    demoted, its first heading anchored #part-NAME, and links to the other parts (and to
    paragraphs on the sources page) turned into links within the print page."""
    body = _FRONT_MATTER.sub("", page, count=1).strip("\n")
    if demote:
        body = demote_headings(body)
    body = anchor_first_heading(body, f"part-{name}")
    body = body.replace("](sources.md#", "](#")
    for part in PRINT_PARTS:
        body = body.replace(f"]({part}.md)", f"](#part-{part})")
    return body + "\n"


# A citation on a briefing's pages: source number and paragraph (templates/_macros.md.j2).
_CITATION = re.compile(r"\]\(sources\.md#s(\d+)-p(\d+)\b")


def cited_paragraphs(pages: Sequence[str]) -> frozenset[tuple[int, int]]:
    """Return the (source number, paragraph) of every citation on the pages."""
    return frozenset((int(n), int(p)) for page in pages for n, p in _CITATION.findall(page))


def render_print_page(env: Environment, briefing: Briefing, pages: dict[str, str]) -> str:
    """Return a briefing's print page: its summary, actors, statements and sources in one.
    Of the sources it keeps the paragraphs the other parts cite: printing every article's
    full text would double the site's Markdown (bench/scale/README.md). Each part is marked
    (splice.mark_part), for a MkDocs build to take it from its own page's HTML."""
    folder = f"{briefing.slug}/"
    own = {
        name: page
        for name in PRINT_PARTS
        for uri, page in pages.items()
        if uri.endswith(f"{folder}{name}.md")
    }
    own["sources"] = render_template(
        env,
        "sources.md.j2",
        briefing=briefing,
        numbers=source_numbers(briefing),
        only=cited_paragraphs([page for name, page in own.items() if name != "sources"]),
    )
    parts = {
        name: mark_part(print_part(own[name], name, demote=name != PRINT_PARTS[0]), name)
        for name in PRINT_PARTS
        if name in own
    }
    return render_template(env, "print.md.j2", briefing=briefing, parts=parts)


def render_changes_page(
    env: Environment, briefing: Briefing, folder: str, changes: BriefingChanges
) -> dict[str, str]:
    """Return a briefing's What changed page, beside its other pages (keyed by URI)."""
    context = {"briefing": briefing, "numbers": source_numbers(briefing), "changes": changes}
    return {f"{folder}/changes.md": render_template(env, "changes.md.j2", **context)}


class PagesMemo(Protocol):
    """Where a briefing's pages are kept between builds (briefgen.cache.ArticleCache)."""

    def get_pages(self, key: str) -> dict[str, str] | None: ...

    def put_pages(self, key: str, pages: dict[str, str]) -> None: ...


def briefing_pages(
    env: Environment,
    briefing: Briefing,
    base: str,
    gazetteer: Callable[[], Gazetteer] = load_gazetteer,
) -> dict[str, str]:
    """Return a briefing's pages but What changed: they depend on the briefing alone."""
    pages = render_briefing(env, briefing, base, gazetteer)
    pages[f"{base}/{briefing.slug}/print.md"] = render_print_page(env, briefing, pages)
    return pages


# Renders the pages of a list of briefings, in order: briefing_pages in this process, or
# storypool.render_pages_on_workers.
PagesRenderer = Callable[[Sequence[Briefing]], list[dict[str, str]]]


def pages_key(briefing: Briefing, base: str, templates: str) -> str:
    """Return the memo key of a briefing's pages as rendered by these templates."""
    return digest([briefing, base, templates])


def templates_fingerprint(env: Environment) -> str:
    """Return a digest of every template the environment can load (its own folder)."""
    loader = env.loader
    names = sorted(loader.list_templates()) if loader is not None else []
    return digest([(name, loader.get_source(env, name)[0]) for name in names if loader])


def render_site(
    briefings: Sequence[Briefing],
    env: Environment,
    base: str,
    problems: Sequence[Problem] = (),
    *,
    previous: Snapshot | None = None,
    memo: PagesMemo | None = None,
    gazetteer: Callable[[], Gazetteer] = load_gazetteer,
    render_many: PagesRenderer | None = None,
) -> Site:
    """Return every generated page, the export and the feed, keyed by URI under docs_dir.

    previous is the snapshot of the build to compare with (None: this is the first build);
    memo keeps the pages of briefings rendered before by the same templates (see
    briefing_pages); gazetteer loads the gazetteer for the maps of the briefings rendered
    anew; render_many renders those (default: briefing_pages with env, in this process).
    """
    templates = templates_fingerprint(env) if memo is not None else ""
    keys = {b.slug: pages_key(b, base, templates) for b in briefings} if memo is not None else {}
    stored = {slug: memo.get_pages(key) for slug, key in keys.items()} if memo is not None else {}
    missing = [b for b in briefings if stored.get(b.slug) is None]
    if render_many is None:
        rendered = [briefing_pages(env, b, base, gazetteer) for b in missing]
    else:
        rendered = render_many(missing) if missing else []
    fresh = dict(zip([b.slug for b in missing], rendered, strict=True))
    if memo is not None:
        for slug, pages in fresh.items():
            memo.put_pages(keys[slug], pages)
    changes = compare_site(briefings, previous)
    files: dict[str, str | bytes] = {
        f"{base}/index.md": render_template(
            env, "home.md.j2", briefings=briefings, changes=changes, feed=FEED_NAME
        )
    }
    for briefing in briefings:
        folder = f"{base}/{briefing.slug}"
        pages = stored.get(briefing.slug) or fresh[briefing.slug]
        files |= pages | render_changes_page(env, briefing, folder, changes[briefing.slug])
    files[f"{base}/{EXPORT_NAME}"] = export_json(briefings)
    files[f"{base}/{FEED_NAME}"] = render_feed(briefings, base)
    return Site(files=dict(sorted(files.items())), problems=tuple(problems))
