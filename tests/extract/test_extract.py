"""Extraction of a batch of articles: each article's facts are those it has alone."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from aggregate.builders import clean_article

from briefgen.extract import extract_articles
from briefgen.model import Knowledge

WIRE = (
    "Dock workers at the port of Valmera walked out on Monday over a new shift system, "
    "the union said."
)
OWN_A = '"We will not accept twelve-hour shifts," union leader Tomas Ekberg told reporters.'
OWN_B = "Port director Lena Hart said the plan would be put to a vote of the board on Friday."


class CountingPipeline:
    """A spaCy pipeline that records the texts it is asked to parse."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.parsed: list[str] = []

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[Any]:
        texts = list(texts)
        self.parsed.extend(texts)
        return self.nlp.pipe(texts, batch_size=batch_size)


def test_a_recurring_paragraph_is_parsed_once_and_each_article_keeps_its_facts(
    nlp: Any, knowledge: Knowledge
) -> None:
    wire = clean_article("a-wire", (WIRE, OWN_A), "2025-03-03")
    copy = clean_article("b-copy", (OWN_B, WIRE, WIRE), "2025-03-03")
    counting = CountingPipeline(nlp)
    together = extract_articles([wire, copy], counting, knowledge)
    assert counting.parsed == [WIRE, OWN_A, OWN_B]
    alone = (
        extract_articles([wire], nlp, knowledge)[0],
        extract_articles([copy], nlp, knowledge)[0],
    )
    assert together == alone
    # the shared paragraph's facts are the copy's own: its id, its paragraph numbers
    assert {m.source.article_id for m in together[1].mentions} == {"b-copy"}
    assert {m.source.paragraph for m in together[1].mentions if "Valmera" in m.text} == {1, 2}
