"""The situation summary: units that keep their hedges, citations only of matching wordings."""

from __future__ import annotations

import dataclasses
import re

from briefgen.aggregate.summary import rank_sentences, units
from briefgen.model import ArticleFacts, Sentence, SourceRef
from briefgen.sketch import sentence_sketch

from .test_stories import facts

OPENERS = frozenset({"he", "she", "it", "they", "but", "this"})


def article(article_id: str, paragraphs: list[str]) -> ArticleFacts:
    """Return an article's facts with its sentences split at '. ' (enough for these texts)."""
    sentences = []
    for n, paragraph in enumerate(paragraphs):
        for found in re.finditer(r"[^.]+\.", paragraph):
            start = found.start() + len(found[0]) - len(found[0].lstrip())
            sentences.append(
                Sentence(
                    text=paragraph[start : found.end()],
                    source=SourceRef(article_id=article_id, paragraph=n),
                    start=start,
                    end=found.end(),
                    sketch=sentence_sketch(paragraph[start : found.end()]),
                )
            )
    base = facts(article_id)
    return dataclasses.replace(
        base,
        article=dataclasses.replace(base.article, paragraphs=tuple(paragraphs)),
        sentences=tuple(sentences),
    )


CLAIM = "The rebels said they had captured the river port of Kisoro on Tuesday night."
HEDGE = "There was no independent confirmation of the claim."


def test_a_hedge_stays_with_its_claim() -> None:
    (unit,) = units(article("a1", [f"{CLAIM} {HEDGE}"]), OPENERS)
    assert unit.text == f"{CLAIM} {HEDGE}"


def test_sentences_leaning_back_are_never_alone() -> None:
    found = units(
        article(
            "a1",
            [
                "He added that the talks in the capital would resume on Monday morning.",
                "The port authority put the figure closer to five thousand dock workers.",
                '"We will not give in to anybody, whatever they threaten us with.',
            ],
        ),
        OPENERS,
    )
    assert found == []  # a pronoun, "the figure", one sentence of a longer quotation


def test_the_hedged_wording_wins_over_a_bare_one() -> None:
    bare = article("a1", [CLAIM])
    other = article("a2", ["Officials in the capital met aid agencies on Wednesday afternoon."])
    hedged = article("a3", [f"{CLAIM} {HEDGE}"])
    summary = rank_sentences([bare, other, hedged], {}, 2, OPENERS)
    texts = [c.text for c in summary]
    assert f"{CLAIM} {HEDGE}" in texts
    assert CLAIM not in texts
    cited = next(c for c in summary if c.text.startswith(CLAIM))
    # the bare wording is cited too only if it holds the shown words; it does not: a3 alone
    assert [s.article_id for s in cited.sources] == ["a3"]
