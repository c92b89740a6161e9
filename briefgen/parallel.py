"""Per-article work on all cores: a process pool for large corpora.

Each worker process loads the spaCy pipeline once (in its initializer) and analyses chunks of
articles; results come back in corpus order, so the output does not depend on scheduling. A
progress bar is shown on a terminal, never in CI or a log.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
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


def _load_model() -> None:
    global _worker_nlp
    from briefgen.extract import load_nlp

    _worker_nlp = load_nlp()


def _analyse_chunk(job: tuple[list[RawArticle], Settings]) -> list[Analysed]:
    from briefgen.pipeline import analyse

    raws, settings = job
    return analyse(raws, settings, _worker_nlp)


def show_progress() -> bool:
    """Return True when a person watches a terminal (not in CI, not piped to a log)."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def analyse_in_pool(raws: Sequence[RawArticle], settings: Settings) -> list[Analysed]:
    """Return the analysis of each article, in order, computed on settings.workers processes."""
    chunks = [list(raws[i : i + CHUNK_ARTICLES]) for i in range(0, len(raws), CHUNK_ARTICLES)]
    context = multiprocessing.get_context("spawn")  # safe beside mkdocs serve's threads
    with ProcessPoolExecutor(
        max_workers=min(settings.workers, len(chunks)),
        mp_context=context,
        initializer=_load_model,
    ) as pool:
        done: Iterator[list[Analysed]] = pool.map(_analyse_chunk, [(c, settings) for c in chunks])
        if show_progress():
            from tqdm import tqdm

            done = iter(tqdm(done, total=len(chunks), unit="chunk", desc="analysing articles"))
        return [result for chunk in done for result in chunk]
