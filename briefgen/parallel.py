"""Per-article and per-story work on all cores.

Per article (the analysis): a process pool for large corpora, or another executor. Each
worker loads the spaCy pipeline once (in the pool's initializer, or on its first chunk) and
analyses chunks of articles.

A small incremental build analyses its few new articles in a `ModelProcess`, forked as soon
as the build knows there are some: the model loads there while this process reads the cached
analyses of the others.

Per story (building each story's briefing, then rendering its pages; see storypool.py):
`LocalWorkers`, local processes that receive what every task of a stage reads once, then each
task's input as bytes.

Results come back in input order, so the output does not depend on scheduling. A progress
bar is shown on a terminal, never in CI or a log.

The executor is pluggable (the `executor` option): anything with the `map` and context
manager of `concurrent.futures.Executor` will do, made by a factory named "module:callable"
that takes the number of workers. That is how the per-article stage runs on a cluster, e.g.
a Dask `Client(...).get_executor()`: see docs/guide/scale.md.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import itertools
import multiprocessing
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefgen.model import RawArticle, Settings

if TYPE_CHECKING:
    from briefgen.cache import Analysed

# Below this many articles to analyse, starting workers (each loads the model) costs more
# than it saves.
PARALLEL_MIN_ARTICLES = 48
CHUNK_ARTICLES = 16

# LocalWorkers sends tasks in chunks of at most this many, and about this many chunks per
# worker: stories vary widely in size, and small chunks keep the workers evenly busy to the end.
CHUNK_TASKS = 8
CHUNKS_PER_WORKER = 8
# How many chunks LocalWorkers keeps sent ahead, per worker.
QUEUED_CHUNKS_PER_WORKER = 2
# How long a model process may take to stop once told to, before it is killed.
MODEL_PROCESS_STOP_S = 10.0

T = TypeVar("T")
R = TypeVar("R")

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


def analyse_in_pool(raws: Sequence[RawArticle], settings: Settings) -> Iterator[Analysed]:
    """Yield the analysis of each article, in order, computed on settings.workers workers of
    the configured executor: each chunk's as soon as it and those before it are done, so
    that the caller can store them while the rest are analysed."""
    chunks = [list(raws[i : i + CHUNK_ARTICLES]) for i in range(0, len(raws), CHUNK_ARTICLES)]
    make = executor_factory(settings.executor)
    with make(min(settings.workers, len(chunks))) as pool:
        done: Iterator[list[Analysed]] = pool.map(_analyse_chunk, [(c, settings) for c in chunks])
        with progress_bar(len(chunks), "analysing articles") as bar:
            for chunk in done:
                yield from chunk
                bar.update(1)


# ---------------------------------------------------------------- the model, loaded early


def can_fork() -> bool:
    """Return True if this process may fork a child that goes on running Python: on Linux
    (elsewhere fork is unsafe or missing), and with no other thread (one holding a lock at
    the fork would leave it held in the child for ever; `mkdocs serve` runs threads)."""
    return sys.platform == "linux" and threading.active_count() == 1


def _picklable(error: BaseException) -> BaseException:
    try:
        pickle.dumps(error)
    except Exception:  # an exception that cannot cross: its type and message can
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _serve_model(
    connection: Connection,
    settings: Settings,
    load_model: Callable[[], Any],
    work: Callable[[Any, Settings, Any], list[Analysed]],
) -> None:
    """The model process: load the model, then answer each batch sent until None with
    work(batch, settings, nlp). An error (the model missing, an article breaking an
    extractor) goes back as the answer."""
    nlp: Any = None
    failure: BaseException | None = None
    try:
        nlp = load_model()
    except Exception as error:
        failure = _picklable(error)
    while (batch := connection.recv()) is not None:
        try:
            if failure is not None:
                raise failure
            connection.send((None, work(batch, settings, nlp)))
        except Exception as error:
            connection.send((_picklable(error), None))
    connection.close()


class ModelProcess:
    """A child process that loads the spaCy pipeline as soon as it is started, and then
    analyses what it is sent with `work`. A small incremental build starts it as soon as it
    knows that some articles are new, and reads the cached analyses of the others (about
    0.25 s at 1,000 articles) and cleans the new ones while the model loads (about 0.7 s).

    The child is forked (see `can_fork`): it has every module and the settings already, so
    it starts at once; `load_model` and `work` need not pickle, each batch and its answer
    must. Use as a context manager; leaving it stops the child."""

    def __init__(
        self,
        settings: Settings,
        load_model: Callable[[], Any],
        work: Callable[[Any, Settings, Any], list[Analysed]],
    ) -> None:
        context = multiprocessing.get_context("fork")
        self._connection, child_end = context.Pipe()
        sys.stdout.flush()  # the child must not write this process's buffered output again
        sys.stderr.flush()
        self._process = context.Process(
            target=_serve_model,
            args=(child_end, settings, load_model, work),
            name="briefgen-model",
            daemon=True,
        )
        self._process.start()
        child_end.close()
        self._asked = False

    def __enter__(self) -> ModelProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(
        self, batch: Sequence[Any], meanwhile: Callable[[], object] = lambda: None
    ) -> list[Analysed]:
        """Return work(batch, settings, nlp) computed in the child, calling `meanwhile` here
        while the child works; raise the child's error, if any."""
        self._asked = True
        try:
            self._connection.send(list(batch))
            meanwhile()
            error, results = self._connection.recv()
        except (EOFError, OSError) as lost:
            code = self._process.exitcode
            raise RuntimeError(f"the model process ended without an answer (exit {code})") from lost
        if error is not None:
            raise error
        return results  # type: ignore[no-any-return]

    def close(self) -> None:
        """Tell the child to stop, and wait for it; a child never asked anything (the build
        failed first) or that does not stop is killed."""
        with contextlib.suppress(OSError):
            self._connection.send(None)
        self._connection.close()
        self._process.join(timeout=MODEL_PROCESS_STOP_S if self._asked else 0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


# ---------------------------------------------------------------- any task, local processes


@functools.lru_cache(maxsize=1)  # one stage at a time: the next one's context replaces it
def _context_at(path: str) -> Any:
    with Path(path).open("rb") as file:
        return pickle.load(file)


def _run_chunk(job: tuple[Callable[[Any, bytes], bytes], str, list[bytes]]) -> list[bytes]:
    func, context_path, items = job
    context = _context_at(context_path)
    return [func(context, item) for item in items]


def balanced_chunks(sizes: Sequence[int], workers: int) -> list[list[int]]:
    """Return the positions of the items in chunks for `workers` processes: the largest items
    first (a large story last would leave one worker busy alone), each chunk at most
    CHUNK_TASKS items and about 1/(workers * CHUNKS_PER_WORKER) of the total size."""
    order = sorted(range(len(sizes)), key=lambda i: (-sizes[i], i))
    target = sum(sizes) / (max(1, workers) * CHUNKS_PER_WORKER)
    chunks: list[list[int]] = []
    chunk: list[int] = []
    weight = 0
    for i in order:
        chunk.append(i)
        weight += sizes[i]
        if weight >= target or len(chunk) == CHUNK_TASKS:
            chunks.append(chunk)
            chunk, weight = [], 0
    return chunks + ([chunk] if chunk else [])


class LocalWorkers:
    """Worker processes on this machine, started on first use and shared by the stages of a
    build that use them (starting a process and importing briefgen costs about 0.4 s).

    `map` sends each stage's context (what all its tasks read) once, as a file that each
    worker reads on its first task of the stage, then the tasks' inputs as bytes."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._stages = 0

    def __enter__(self) -> LocalWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers and delete the contexts (the next `map` starts new ones)."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def map(
        self,
        func: Callable[[Any, bytes], bytes],
        context: Any,
        items: Sequence[T],
        *,
        pack: Callable[[T], bytes],
        unpack: Callable[[bytes], R],
        weights: Sequence[int],
        desc: str,
    ) -> list[R]:
        """Return [unpack(func(context, pack(item))) for item in items], func computed on the
        workers: a module-level function (sent by name); the context must pickle. Items are
        sent by chunks, the heaviest first by `weights`, and only a few chunks ahead of the
        workers, so that the packed items are never all in memory at once."""
        if self._pool is None or self._folder is None:
            spawn = multiprocessing.get_context("spawn")  # safe beside mkdocs serve's threads
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=spawn)
            self._folder = tempfile.TemporaryDirectory(prefix="briefgen-")
        pool = self._pool
        self._stages += 1
        path = Path(self._folder.name) / f"context-{self._stages}.pickle"
        with path.open("wb") as file:
            pickle.dump(context, file, protocol=pickle.HIGHEST_PROTOCOL)
        chunks = balanced_chunks(weights, self.workers)
        results: dict[int, R] = {}
        pending: dict[Future[list[bytes]], list[int]] = {}

        def send(more: Iterable[list[int]]) -> None:
            for chunk in more:
                job = (func, str(path), [pack(items[i]) for i in chunk])
                pending[pool.submit(_run_chunk, job)] = chunk

        todo = iter(chunks)
        send(itertools.islice(todo, QUEUED_CHUNKS_PER_WORKER * self.workers))
        with progress_bar(len(chunks), desc) as bar:
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    chunk = pending.pop(future)
                    for i, data in zip(chunk, future.result(), strict=True):
                        results[i] = unpack(data)
                    bar.update(1)
                send(itertools.islice(todo, len(finished)))
        return [results[i] for i in range(len(items))]


class _NoBar:
    def update(self, n: int) -> None:
        pass


@contextmanager
def progress_bar(total: int, desc: str) -> Iterator[Any]:
    """Yield a progress bar (tqdm) on a terminal, else something with a silent `update`."""
    if not show_progress():
        yield _NoBar()
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="chunk", desc=desc) as bar:
        yield bar
