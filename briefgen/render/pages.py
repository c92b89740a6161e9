"""Rendering briefings to Markdown pages keyed by URI under docs_dir."""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml
from jinja2 import Environment, TemplateError

from briefgen.errors import Problem, RenderError
from briefgen.model import Briefing, Site
from briefgen.render.export import export_json

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


def render_briefing(env: Environment, briefing: Briefing, base: str) -> dict[str, str]:
    """Return the pages of one briefing, keyed by URI."""
    folder = f"{base}/{briefing.slug}"
    context = {"briefing": briefing, "numbers": source_numbers(briefing)}
    # A fixed set of pages however many articles: each article's text is a section of the
    # sources page (anchors #sN, #sN-pM by source number), not a page of its own.
    return {
        f"{folder}/index.md": render_template(env, "summary.md.j2", **context),
        f"{folder}/actors.md": render_template(env, "actors.md.j2", **context),
        f"{folder}/statements.md": render_template(env, "statements.md.j2", **context),
        f"{folder}/sources.md": render_template(env, "sources.md.j2", **context),
    }


def render_site(
    briefings: Sequence[Briefing], env: Environment, base: str, problems: Sequence[Problem] = ()
) -> Site:
    """Return every generated page and the export, keyed by URI under docs_dir."""
    files = {f"{base}/index.md": render_template(env, "home.md.j2", briefings=briefings)}
    for briefing in briefings:
        files |= render_briefing(env, briefing, base)
    files[f"{base}/{EXPORT_NAME}"] = export_json(briefings)
    return Site(files=dict(sorted(files.items())), problems=tuple(problems))
