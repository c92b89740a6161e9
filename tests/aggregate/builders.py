"""Records for aggregate tests: an article's facts with only the fields a test is about."""

from __future__ import annotations

from typing import Any

from briefgen.model import ArticleFacts, ArticleMeta, CleanArticle


def clean_article(
    article_id: str, paragraphs: tuple[str, ...] = (), published: str | None = None
) -> CleanArticle:
    """Return a cleaned article titled by its id, with these paragraphs and date."""
    meta = ArticleMeta(
        title=article_id,
        title_generated=False,
        outlet=None,
        authors=(),
        published=published,
        updated=None,
        dateline=None,
    )
    return CleanArticle(
        id=article_id,
        path=f"seeds/{article_id}.txt",
        meta=meta,
        paragraphs=paragraphs,
        dropped=(),
    )


def article_facts(
    article_id: str,
    paragraphs: tuple[str, ...] = (),
    published: str | None = None,
    **found: Any,
) -> ArticleFacts:
    """Return an article's facts: nothing found but what `found` gives (mentions=..., ...)."""
    empty: dict[str, Any] = {
        "sentences": (),
        "mentions": (),
        "statements": (),
        "relations": (),
    }
    return ArticleFacts(article=clean_article(article_id, paragraphs, published), **(empty | found))
