"""Per-article work on all cores: a process pool for large corpora, or another executor.

Each worker loads the spaCy pipeline once (in the pool's initializer, or on its first chunk)
and analyses chunks of articles; results come back in corpus order, so the output does not
depend on scheduling. A progress bar is shown on a terminal, never in CI or a log.

The executor is pluggable (the `executor` option): anything with the `map` and context
manager of `concurrent.futures.Executor` will do, made by a factory named "module:callable"
that takes the number of workers. That is how the per-article stage runs on a cluster, e.g.
a Dask `Client(...).get_executor()`: see docs/guide/scale.md.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from briefgen.model import RawArticle, Settings

if TYPE_CHECKING:
    from briefgen.cache import Analysed

# Below this many articles to analyse, starting workers (each loads the model) costs more
# than it saves.
PARALLEL_MIN_ARTICLES = 48
CHUNK_ARTICLES = 16

# The spaCy pipeline of this worker process, set by _load_model; unused in the main process.
_worker_nlp: Any = None


# What makes an executor for N workers; the default is PROCESS_POOL.
ExecutorFactory = Callable[[int], Executor]
PROCESS_POOL = "process"


def _load_model() -> None:
    global _worker_nlp
    from briefgen.extract import load_nlp

    _worker_nlp = load_nlp()


def _analyse_chunk(job: tuple[list[RawArticle], Settings]) -> list[Analysed]:
    from briefgen.pipeline import analyse

    if _worker_nlp is None:  # an executor without our initializer: load on the first chunk
        _load_model()
    raws, settings = job
    return analyse(raws, settings, _worker_nlp)


def process_pool(workers: int) -> Executor:
    """Return the default executor: `workers` local processes, each loading the model once."""
    context = multiprocessing.get_context("spawn")  # safe beside mkdocs serve's threads
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_load_model)


def executor_factory(spec: str) -> ExecutorFactory:
    """Return the executor factory an `executor` option names: "process" (the default) or
    "module:callable", a callable taking the number of workers. Raise ValueError, with the
    reason, if it cannot be imported."""
    if spec == PROCESS_POOL:
        return process_pool
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise ValueError(f"executor {spec!r}: expected 'process' or 'module:callable'")
    try:
        found = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise ValueError(f"executor {spec!r}: cannot import it ({error})") from error
    if not callable(found):
        raise ValueError(f"executor {spec!r}: not callable")
    return found  # type: ignore[no-any-return]


def show_progress() -> bool:
    """Return True when a person watches a terminal (not in CI, not piped to a log)."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def analyse_in_pool(raws: Sequence[RawArticle], settings: Settings) -> list[Analysed]:
    """Return the analysis of each article, in order, computed on settings.workers workers of
    the configured executor."""
    chunks = [list(raws[i : i + CHUNK_ARTICLES]) for i in range(0, len(raws), CHUNK_ARTICLES)]
    make = executor_factory(settings.executor)
    with make(min(settings.workers, len(chunks))) as pool:
        done: Iterator[list[Analysed]] = pool.map(_analyse_chunk, [(c, settings) for c in chunks])
        if show_progress():
            from tqdm import tqdm

            done = iter(tqdm(done, total=len(chunks), unit="chunk", desc="analysing articles"))
        return [result for chunk in done for result in chunk]
