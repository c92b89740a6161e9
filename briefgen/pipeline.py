"""The pipeline: the only module that knows the order of the stages.

read_corpus -> clean_article -> extract_articles -> build_briefings -> render_site
"""

from __future__ import annotations

import logging
from typing import Any

from briefgen.aggregate import build_briefings
from briefgen.clean import clean_article
from briefgen.errors import Problem
from briefgen.extract import extract_articles, load_nlp
from briefgen.ingest import read_corpus
from briefgen.model import Briefing, CleanArticle, Corpus, Settings, Site
from briefgen.render import build_env, render_site

log = logging.getLogger(__name__)


def clean_corpus(corpus: Corpus, settings: Settings) -> tuple[list[CleanArticle], list[Problem]]:
    """Return the cleaned articles and every problem found so far, in file order."""
    articles: list[CleanArticle] = []
    problems = list(corpus.problems)
    for raw in corpus.articles:
        result = clean_article(raw, settings.knowledge)
        if isinstance(result, Problem):
            problems.append(result)
            continue
        if result.meta.published is None:
            problems.append(
                Problem(
                    path=raw.path,
                    code="BG109",
                    severity="warning",
                    message="no publication date found; listed as undated",
                )
            )
        articles.append(result)
    return articles, sorted(problems, key=lambda p: (p.path, p.code))


def check_corpus(settings: Settings) -> list[Problem]:
    """Return every problem of the corpus without extracting or building anything."""
    return clean_corpus(read_corpus(settings), settings)[1]


def generate_briefings(
    settings: Settings, nlp: Any | None = None
) -> tuple[tuple[Briefing, ...], list[Problem]]:
    """Return the briefings of the corpus and the problems met on the way."""
    articles, problems = clean_corpus(read_corpus(settings), settings)
    if not articles:
        return (), problems
    facts = extract_articles(articles, nlp if nlp is not None else load_nlp(), settings.knowledge)
    return build_briefings(facts, settings), problems + pin_problems(articles, settings)


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


def generate_site(settings: Settings, nlp: Any | None = None) -> Site:
    """Return the whole generated site (pages and export) for the settings' corpus."""
    briefings, problems = generate_briefings(settings, nlp)
    env = build_env(settings.templates_dir)
    return render_site(briefings, env, settings.output_dir, problems)
