"""Sentences of cleaned paragraphs, by offsets, as the parser splits them."""

from __future__ import annotations

from typing import Any

from briefgen.model import Sentence, SourceRef
from briefgen.sketch import sentence_sketch


def find_sentences(article_id: str, docs: list[Any]) -> tuple[Sentence, ...]:
    """Return every sentence of an article's paragraphs, in reading order."""
    return tuple(
        Sentence(
            text=text,
            source=SourceRef(article_id=article_id, paragraph=n),
            start=int(sent.start_char),
            end=int(sent.end_char),
            sketch=sentence_sketch(text),
        )
        for n, doc in enumerate(docs)
        for sent in doc.sents
        for text in [str(sent.text).strip()]
        if text
    )
