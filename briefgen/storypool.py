"""Building and rendering each story on local worker processes (parallel.LocalWorkers).

A cold build of 1,000 articles spent about 6 s of one process on its 144 stories after the
analysis (bench/README.md). Workers receive what every story reads (the corpus-wide tables;
the templates and the gazetteer) once per stage, then each story's records as MessagePack,
about 15 times faster than pickling frozen dataclasses. They always run on this machine,
whatever the `executor` option says: the tables are made here, by the build. The results are
those of aggregate.build_stories and render.pages.briefing_pages, in the same order
(tests/test_storypool.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from briefgen.aggregate import BuiltStory, StoryJob, StoryTables, build_story
from briefgen.codec import from_msgpack, to_msgpack
from briefgen.collector import collector_paused
from briefgen.geo import Gazetteer
from briefgen.model import Briefing
from briefgen.parallel import LocalWorkers
from briefgen.render import build_env
from briefgen.render.pages import briefing_pages

# Below this many stories to build or render, starting workers costs more than it saves.
PARALLEL_MIN_STORIES = 32


def _build_packed(tables: StoryTables, job: bytes) -> bytes:
    with collector_paused():
        story = from_msgpack(StoryJob, job)
    return to_msgpack(build_story(tables, story))


def build_stories_on_workers(
    tables: StoryTables, jobs: Sequence[StoryJob], workers: LocalWorkers
) -> list[BuiltStory]:
    """Return the built stories (aggregate.build_stories), in order, built on the workers."""
    with collector_paused():
        return workers.map(
            _build_packed,
            tables,
            jobs,
            pack=to_msgpack,
            unpack=functools.partial(from_msgpack, BuiltStory),
            weights=[text_size(f.article.paragraphs for f in job.facts) for job in jobs],
            desc="building briefings",
        )


def text_size(articles: Iterable[Sequence[str]]) -> int:
    """Return the number of characters of the articles' paragraphs: how long a story takes
    to build or render, roughly."""
    return sum(len(p) for paragraphs in articles for p in paragraphs)


@dataclass(frozen=True, slots=True, kw_only=True)
class PagesContext:
    """What rendering every briefing reads: the templates, where the pages go, and the
    gazetteer (as MessagePack, decoded by a worker when a briefing has places)."""

    templates_dir: str
    base: str
    gazetteer: bytes | None


_worker_env = functools.cache(build_env)  # one Jinja2 environment per worker


@functools.cache
def _worker_gazetteer(data: bytes) -> Gazetteer:
    with collector_paused():
        found: Gazetteer = from_msgpack(Gazetteer, data)
    return found


def _no_gazetteer() -> Gazetteer:
    raise RuntimeError("a briefing with places was sent to a worker without the gazetteer")


def _render_packed(context: PagesContext, briefing: bytes) -> bytes:
    with collector_paused():
        found = from_msgpack(Briefing, briefing)
    data = context.gazetteer
    gazetteer = functools.partial(_worker_gazetteer, data) if data is not None else _no_gazetteer
    pages = briefing_pages(_worker_env(context.templates_dir), found, context.base, gazetteer)
    return to_msgpack(pages)


def render_pages_on_workers(
    briefings: Sequence[Briefing],
    templates_dir: str,
    base: str,
    gazetteer: Callable[[], Gazetteer],
    workers: LocalWorkers,
) -> list[dict[str, str]]:
    """Return each briefing's pages (render.pages.briefing_pages), in order, rendered on the
    workers; `gazetteer` is called if one of them has places."""
    places = any(b.places for b in briefings)
    context = PagesContext(
        templates_dir=templates_dir,
        base=base,
        gazetteer=to_msgpack(gazetteer()) if places else None,
    )
    with collector_paused():
        return workers.map(
            _render_packed,
            context,
            briefings,
            pack=to_msgpack,
            unpack=functools.partial(from_msgpack, dict[str, str]),
            weights=[text_size(a.paragraphs for a in b.articles) for b in briefings],
            desc="rendering briefings",
        )
