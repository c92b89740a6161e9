"""Rendering briefings to Markdown pages keyed by URI under docs_dir."""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment, TemplateError

from briefgen.errors import Problem, RenderError
from briefgen.model import Briefing, Site
from briefgen.render.export import export_json

EXPORT_NAME = "briefing.json"


def source_numbers(briefing: Briefing) -> dict[str, int]:
    """Return each article's number on the briefing's pages (1-based, sources page order)."""
    return {a.id: n for n, a in enumerate(briefing.articles, start=1)}


def render_template(env: Environment, name: str, **context: object) -> str:
    """Return a rendered template, or raise RenderError naming it."""
    try:
        return env.get_template(name).render(**context)
    except TemplateError as error:
        raise RenderError(f"templates/{name}: {error}") from error


def render_briefing(env: Environment, briefing: Briefing, base: str) -> dict[str, str]:
    """Return the pages of one briefing, keyed by URI."""
    folder = f"{base}/{briefing.slug}"
    context = {"briefing": briefing, "numbers": source_numbers(briefing)}
    pages = {
        f"{folder}/index.md": render_template(env, "summary.md.j2", **context),
        f"{folder}/actors.md": render_template(env, "actors.md.j2", **context),
        f"{folder}/statements.md": render_template(env, "statements.md.j2", **context),
        f"{folder}/sources.md": render_template(env, "sources.md.j2", **context),
    }
    for article in briefing.articles:
        pages[f"{folder}/source/{article.id}.md"] = render_template(
            env, "source.md.j2", article=article, **context
        )
    return pages


def render_site(
    briefings: Sequence[Briefing], env: Environment, base: str, problems: Sequence[Problem] = ()
) -> Site:
    """Return every generated page and the export, keyed by URI under docs_dir."""
    files = {f"{base}/index.md": render_template(env, "home.md.j2", briefings=briefings)}
    for briefing in briefings:
        files |= render_briefing(env, briefing, base)
    files[f"{base}/{EXPORT_NAME}"] = export_json(briefings)
    return Site(files=dict(sorted(files.items())), problems=tuple(problems))
