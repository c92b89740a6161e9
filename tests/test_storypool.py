"""Stories built and pages rendered on worker processes (briefgen/storypool.py) must be exactly
those made in this process: same briefings, same names read for the memo, same pages, same
order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPORA, analysed_corpus
from hypothesis import given
from hypothesis import strategies as st
from test_memo import DictMemo

from briefgen import pipeline
from briefgen.aggregate import BuiltStory, StoryJob, StoryTables, build_briefings, build_stories
from briefgen.aggregate.memo import Entry
from briefgen.geo import load_gazetteer
from briefgen.model import ArticleFacts, Settings
from briefgen.parallel import CHUNK_TASKS, LocalWorkers, balanced_chunks
from briefgen.pipeline import generate_site
from briefgen.render import build_env
from briefgen.render.pages import briefing_pages
from briefgen.storypool import build_stories_on_workers, render_pages_on_workers

MIXED = CORPORA / "mixed"


@pytest.fixture(scope="module")
def mixed(nlp: Any) -> tuple[Settings, list[ArticleFacts]]:
    return analysed_corpus(MIXED, nlp)


def stories_of(
    settings: Settings, facts: list[ArticleFacts]
) -> tuple[StoryTables, list[StoryJob], list[BuiltStory]]:
    """Return the tables and stories a build with a memo gives its story builder."""
    seen: list[tuple[StoryTables, list[StoryJob]]] = []

    def capture(tables: StoryTables, jobs: Any) -> list[BuiltStory]:
        seen.append((tables, list(jobs)))
        return build_stories(tables, jobs)

    sources = {f.article.id: f"sha-{f.article.id}" for f in facts}
    build_briefings(facts, settings, DictMemo(), sources, capture)
    ((tables, jobs),) = seen
    return tables, jobs, build_stories(tables, jobs)


def test_stories_built_on_workers_equal_stories_built_here(
    mixed: tuple[Settings, list[ArticleFacts]],
) -> None:
    tables, jobs, here = stories_of(*mixed)
    assert len(jobs) >= 3
    assert tables.record
    assert all(story.reads for story in here)  # the memo's reads come back too
    with LocalWorkers(2) as workers:
        assert build_stories_on_workers(tables, jobs, workers) == here
        # the same workers serve a second stage, with its own context
        plain = replace(tables, record=False)
        assert build_stories_on_workers(plain, jobs, workers) == build_stories(plain, jobs)


def test_pages_rendered_on_workers_equal_pages_rendered_here(
    mixed: tuple[Settings, list[ArticleFacts]],
) -> None:
    settings, facts = mixed
    briefings = build_briefings(facts, settings)
    assert any(b.places for b in briefings)  # the gazetteer travels to the workers
    env = build_env(settings.templates_dir)
    here = [briefing_pages(env, b, "briefings", load_gazetteer) for b in briefings]
    with LocalWorkers(2) as workers:
        there = render_pages_on_workers(
            briefings, settings.templates_dir, "briefings", load_gazetteer, workers
        )
    assert there == here


def test_a_site_built_on_workers_equals_a_site_built_here(
    mixed: tuple[Settings, list[ArticleFacts]],
    nlp: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = mixed[0]
    here = generate_site(replace(settings, workers=1), nlp)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_STORIES", 1)
    assert generate_site(replace(settings, workers=2), nlp) == here
    # and with the cache: the memo stores what the workers built, and a second build reuses it
    cached = replace(settings, workers=2, cache_dir=str(tmp_path / "cache"))
    first = generate_site(cached, nlp)
    assert generate_site(cached, nlp).files == first.files
    for uri, page in here.files.items():
        if not uri.endswith("/changes.md") and uri != "briefings/index.md":
            assert first.files[uri] == page, uri


def test_memo_entries_of_stories_built_on_workers_are_those_built_here(
    mixed: tuple[Settings, list[ArticleFacts]],
) -> None:
    settings, facts = mixed
    sources = {f.article.id: f"sha-{f.article.id}" for f in facts}
    here, there = DictMemo(), DictMemo()
    build_briefings(facts, settings, here, sources)
    with LocalWorkers(2) as workers:

        def on_workers(tables: StoryTables, jobs: Any) -> list[BuiltStory]:
            return build_stories_on_workers(tables, jobs, workers)

        build_briefings(facts, settings, there, sources, on_workers)
    assert there.entries == here.entries
    assert all(isinstance(e, Entry) and e.reads for e in here.entries.values())


def _square(context: int, item: bytes) -> bytes:
    value = int(item)
    if value == 13:
        raise ValueError("thirteen")
    return str(context * value * value).encode()


def test_local_workers_keep_the_order_and_pass_errors_on() -> None:
    items = list(range(14, 60))
    with LocalWorkers(2) as workers:
        out = workers.map(
            _square,
            3,
            items,
            pack=lambda n: str(n).encode(),
            unpack=int,
            weights=[n % 7 for n in items],
            desc="squares",
        )
        assert out == [3 * n * n for n in items]
        with pytest.raises(ValueError, match="thirteen"):
            workers.map(
                _square, 1, [12, 13], pack=lambda n: str(n).encode(), unpack=int,
                weights=[1, 1], desc="squares",
            )  # fmt: skip
        folder = workers._folder
        assert folder is not None
        assert Path(folder.name).is_dir()
    assert not Path(folder.name).exists()  # the contexts are deleted with the workers


@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=200), st.integers(1, 4))
def test_balanced_chunks_send_each_item_once_heaviest_first(sizes: list[int], workers: int) -> None:
    chunks = balanced_chunks(sizes, workers)
    assert sorted(i for chunk in chunks for i in chunk) == list(range(len(sizes)))
    assert all(0 < len(chunk) <= CHUNK_TASKS for chunk in chunks)
    order = [sizes[i] for chunk in chunks for i in chunk]
    assert order == sorted(order, reverse=True)
