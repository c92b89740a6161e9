"""The per-article cache: hits after the first run, invalidation, damage detected and rebuilt."""

from __future__ import annotations

import hashlib
import logging
import shutil
import sqlite3
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import executors
import pytest
from conftest import CORPORA, settings_for

from briefgen import cache as cache_module
from briefgen import parallel, pipeline
from briefgen.aggregate.memo import Entry
from briefgen.cache import CACHE_FILE, Analysed, ArticleCache, model_version, namespace_for
from briefgen.codec import decode, encode
from briefgen.ingest import read_corpus
from briefgen.model import Settings
from briefgen.parallel import analyse_in_pool
from briefgen.pipeline import analyse, analyse_corpus, generate_briefings


@pytest.fixture
def corpus_settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "seeds"
    shutil.copytree(CORPORA / "flood" / "seeds", corpus)
    settings = settings_for(CORPORA / "flood" / "mkdocs.yml")
    return replace(settings, corpus_dir=str(corpus), cache_dir=str(tmp_path / "cache"))


def test_codec_round_trips_article_facts(corpus_settings: Settings, nlp: Any) -> None:
    facts, _ = analyse_corpus(
        read_corpus(corpus_settings), replace(corpus_settings, cache_dir=None), nlp
    )
    for item in facts:
        assert decode(type(item), encode(item)) == item


def test_second_run_reads_only_the_cache(corpus_settings: Settings, nlp: Any) -> None:
    first, problems = generate_briefings(corpus_settings, nlp)
    namespace = namespace_for(corpus_settings.knowledge, "m")
    with ArticleCache(Path(corpus_settings.cache_dir or ""), namespace) as cache:
        assert cache.db.execute("SELECT count(*) FROM entries").fetchone() == (0,)  # other ns
    second, again = generate_briefings(corpus_settings, None)  # no model needed: all cached
    assert second == first
    assert again == problems


def test_changed_article_is_analysed_again(
    corpus_settings: Settings, nlp: Any, caplog: pytest.LogCaptureFixture
) -> None:
    generate_briefings(corpus_settings, nlp)
    article = next(Path(corpus_settings.corpus_dir).glob("000_*.txt"))
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Sylhet", "Sunamganj"), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="briefgen.pipeline"):
        briefings, _ = generate_briefings(corpus_settings, nlp)
    assert "cache: {'hits': 2, 'misses': 1, 'damaged': 0}" in caplog.text
    changed = next(a for b in briefings for a in b.articles if a.id == article.stem)
    assert not any("Sylhet" in p for p in changed.paragraphs)
    assert any("Sunamganj" in p for p in changed.paragraphs)


def test_damaged_entries_are_recomputed(corpus_settings: Settings, nlp: Any) -> None:
    first, _ = generate_briefings(corpus_settings, nlp)
    db = sqlite3.connect(Path(corpus_settings.cache_dir or "") / CACHE_FILE)
    db.execute("UPDATE entries SET value = X'00' || value")
    db.commit()
    db.close()
    second, _ = generate_briefings(corpus_settings, nlp)
    assert second == first


@pytest.mark.parametrize(
    "stored",
    [
        b'{"facts": 3, "problems": []}',
        b'{"facts": null}',
        b'{"facts": null, "problems": [1]}',
        b"[{",
    ],
)
def test_entries_that_do_not_fit_their_type_are_recomputed(
    corpus_settings: Settings, nlp: Any, stored: bytes
) -> None:
    first, _ = generate_briefings(corpus_settings, nlp)
    value = zlib.compress(stored)
    db = sqlite3.connect(Path(corpus_settings.cache_dir or "") / CACHE_FILE)
    db.execute(
        "UPDATE entries SET value = ?, checksum = ?", (value, hashlib.sha256(value).hexdigest())
    )
    db.commit()
    db.close()
    with pytest.raises(ValueError, match="Expected"):
        decode(Analysed, {"facts": 3, "problems": []})
    second, _ = generate_briefings(corpus_settings, nlp)
    assert second == first


def test_damaged_database_file_is_replaced(corpus_settings: Settings, nlp: Any) -> None:
    folder = Path(corpus_settings.cache_dir or "")
    folder.mkdir(parents=True)
    (folder / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    first, _ = generate_briefings(corpus_settings, nlp)
    assert first
    assert (folder / (CACHE_FILE + ".damaged")).exists()
    second, _ = generate_briefings(corpus_settings, None)
    assert second == first


def test_analysed_problem_round_trips() -> None:
    from briefgen.errors import Problem

    item = Analysed(facts=None, problems=(Problem(path="seeds/a.txt", code="BG108", message="x"),))
    assert decode(Analysed, encode(item)) == item


def test_process_pool_gives_the_same_results(corpus_settings: Settings, nlp: Any) -> None:
    raws = read_corpus(corpus_settings).articles
    settings = replace(corpus_settings, workers=2, cache_dir=None)
    assert list(analyse_in_pool(raws, settings)) == analyse(raws, settings, nlp)


def test_named_executor_runs_the_articles(corpus_settings: Settings, nlp: Any) -> None:
    settings = replace(
        corpus_settings, workers=3, cache_dir=None, executor="executors:counting_threads"
    )
    raws = read_corpus(settings).articles
    executors.made.clear()
    assert list(analyse_in_pool(raws, settings)) == analyse(raws, settings, nlp)
    assert executors.made == [min(3, -(-len(raws) // 16))]


def test_unwritable_cache_folder_costs_speed_not_the_build(
    corpus_settings: Settings, nlp: Any, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    settings = replace(corpus_settings, cache_dir=str(blocker / "cache"))
    briefings, _ = generate_briefings(settings, nlp)
    assert briefings == generate_briefings(replace(settings, cache_dir=None), nlp)[0]


def test_gazetteer_is_built_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefgen.pipeline
    from briefgen.geo import load_gazetteer
    from briefgen.pipeline import gazetteer_loader

    built = load_gazetteer()
    with ArticleCache(tmp_path, "ns") as cache:
        assert gazetteer_loader(cache)() == built

    def no_building() -> None:
        raise AssertionError("the stored gazetteer should have been read")

    monkeypatch.setattr(briefgen.pipeline, "load_gazetteer", no_building)
    with ArticleCache(tmp_path, "ns") as cache:
        load = gazetteer_loader(cache)
        assert load() == built
        assert load() is load()  # read once per build
    with ArticleCache(tmp_path, "other code") as cache, pytest.raises(AssertionError):
        gazetteer_loader(cache)()


def test_prefetched_briefings_are_served_once_and_damage_is_left_to_get_entry(
    tmp_path: Path, nlp: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from briefgen.cache import STORY_PREFIX
    from briefgen.pipeline import generate_site

    settings = replace(
        settings_for(CORPORA / "conflict" / "mkdocs.yml"), cache_dir=str(tmp_path / "cache")
    )
    generate_site(settings, nlp)
    namespace = namespace_for(settings.knowledge, model_version())
    with ArticleCache(tmp_path / "cache", namespace) as cache:
        rows = cache.db.execute("SELECT key FROM entries WHERE key LIKE 'story:%' ORDER BY key")
        damaged, *sound = [key.removeprefix(STORY_PREFIX) for (key,) in rows]
        assert sound
        cache.db.execute(
            "UPDATE entries SET value = X'00' || value WHERE key = ?", (STORY_PREFIX + damaged,)
        )
        cache.prefetch_entries()
        assert cache.entries_used == set()  # read ahead is not used: unused ones are dropped
        cache.db.execute(
            "DELETE FROM entries WHERE key LIKE 'story:%' AND key != ?", (STORY_PREFIX + damaged,)
        )
        for key in sound:  # read before their rows went: served from memory, once
            assert isinstance(cache.get_entry(key), Entry)
            assert cache.get_entry(key) is None
        with caplog.at_level(logging.WARNING, logger="briefgen.cache"):
            assert cache.get_entry(damaged) is None
        assert f"story {damaged} is damaged" in caplog.text


def test_garbage_collector_is_paused_and_spares_objects_only_in_their_blocks() -> None:
    import gc

    from briefgen.collector import collector_paused, collector_spares_existing

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a failed build gives the collector back too")
    assert gc.isenabled()
    gc.disable()  # a caller that keeps it off keeps it off
    with collector_paused():
        pass
    assert not gc.isenabled()
    gc.enable()
    long_lived = [object() for _ in range(1000)]
    with collector_spares_existing():
        assert gc.get_freeze_count() >= len(long_lived)
    assert gc.get_freeze_count() == 0
    with collector_spares_existing():  # an inner block leaves everything to the outer one
        outer = gc.get_freeze_count()
        made_inside = [[i] for i in range(1000)]  # lists: tracked by the collector
        with collector_spares_existing():
            assert gc.get_freeze_count() >= outer + len(made_inside)
        assert gc.get_freeze_count() >= outer + len(made_inside)
    assert gc.get_freeze_count() == 0


def test_facts_are_kept_out_of_the_collectors_walks_before_it_resumes(
    corpus_settings: Settings, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Objects made while the collector is paused stay in its youngest generation: were
    they not frozen before it resumes, its next collection would walk every fact."""
    import gc
    from contextlib import contextmanager

    from briefgen.collector import collector_paused as paused

    frozen_on_resuming: list[int] = []

    @contextmanager
    def watched() -> Any:
        with paused():
            yield
            frozen_on_resuming.append(gc.get_freeze_count())

    monkeypatch.setattr(pipeline, "collector_paused", watched)
    before = gc.get_freeze_count()
    briefings, _ = generate_briefings(corpus_settings, nlp)
    assert briefings
    assert frozen_on_resuming[0] > before
    assert gc.get_freeze_count() == before  # and given back after the briefings


def test_free_lists_are_emptied_after_a_bulk_free() -> None:
    """CPython keeps up to 2,000 freed tuples of each length for reuse; scattered over the
    heap, they keep arenas of freed facts mapped (420 MB at 10,000 articles)."""
    import sys

    from briefgen.collector import collector_spares_existing, empty_free_lists

    with collector_spares_existing():
        empty_free_lists()
        made = [tuple(range(i % 7, i % 7 + 5)) for i in range(10_000)]
        del made  # the last 2,000 freed are kept in the free list of 5-tuples
        kept = sys.getallocatedblocks()
        empty_free_lists()
        assert kept - sys.getallocatedblocks() >= 2_000


def test_loading_the_model_keeps_a_paused_collector_paused() -> None:
    import gc

    from briefgen.collector import collector_paused
    from briefgen.extract import load_nlp

    with collector_paused():
        nlp = load_nlp()  # srsly switches the collector on while it reads the model
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # the objects kept out of its walks are given back
    assert nlp("Ines Caro spoke.")[0].text == "Ines"


def test_analyses_are_saved_as_they_come_so_a_stopped_build_keeps_them(
    corpus_settings: Settings, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_ARTICLES", 1)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 1)
    monkeypatch.setattr(cache_module, "COMMIT_EVERY", 1)
    settings = replace(corpus_settings, workers=2, executor="executors:interrupted_after_one")
    corpus = read_corpus(settings)
    assert len(corpus.articles) == 3
    executors.watched.append(Path(settings.cache_dir or "") / CACHE_FILE)
    executors.committed.clear()
    with pytest.raises(executors.Interrupted):
        analyse_corpus(corpus, settings)
    # the first analysis was committed while the second was awaited: a kill would keep it
    assert executors.committed == [1]
    namespace = namespace_for(settings.knowledge, model_version())
    with ArticleCache(Path(settings.cache_dir or ""), namespace) as cache:
        assert cache.missing(corpus.articles) == list(corpus.articles[1:])
    facts, _ = analyse_corpus(corpus, replace(settings, executor="process", workers=1), nlp)
    assert [f.article.id for f in facts] == [raw.id for raw in corpus.articles]
