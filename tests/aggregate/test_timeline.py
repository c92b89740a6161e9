"""The timeline: one entry per event, every source cited, in date order, current events apart
from background."""

from __future__ import annotations

from briefgen.aggregate.timeline import build_timeline
from briefgen.model import (
    ArticleFacts,
    DatePrecision,
    Event,
    SourceRef,
)

from .builders import article_facts


def event(
    article: str,
    paragraph: int,
    date: str,
    words: str,
    sentence: str,
    precision: DatePrecision = "day",
    background: bool = False,
) -> Event:
    return Event(
        date=date,
        precision=precision,
        words=words,
        background=background,
        sentence=sentence,
        source=SourceRef(article_id=article, paragraph=paragraph),
        start=0,
        end=len(words),
    )


def facts(article_id: str, *events: Event) -> ArticleFacts:
    return article_facts(article_id, published="2023-03-02", events=events)


WALKOUT = "Dock workers walked out on Monday, halting all traffic at the port."
WALKOUT_EDITED = "Dock workers walked out Monday, halting all traffic at the port."
FLOODS = "The 2008 floods destroyed the same bridge."


def test_build_timeline_orders_groups_and_separates_background() -> None:
    corpus = [
        facts(
            "a",
            event("a", 3, "2008-01-01", "2008", FLOODS, "year", background=True),
            event("a", 1, "2023-03-01", "overnight", "The river rose overnight.", "night"),
            event("a", 0, "2023-02-27", "on Monday", WALKOUT),
        ),
        facts("b", event("b", 2, "2023-02-27", "Monday", WALKOUT_EDITED)),
        facts("c", event("c", 0, "2023-02-27", "on Monday", "Talks failed on Monday.")),
    ]
    timeline = build_timeline(corpus, {"a": "wire-1", "b": "wire-1"})
    assert [(e.date, e.precision, e.words, e.lineages) for e in timeline.current] == [
        ("2023-02-27", "day", ("Monday", "on Monday"), 1),
        ("2023-02-27", "day", ("on Monday",), 1),
        ("2023-03-01", "night", ("overnight",), 1),
    ]
    walkout = timeline.current[0]
    assert walkout.text == WALKOUT
    assert [(s.article_id, s.paragraph) for s in walkout.sources] == [("a", 0), ("b", 2)]
    assert [(e.date, e.text, e.background) for e in timeline.background] == [
        ("2008-01-01", FLOODS, True)
    ]


def test_build_timeline_of_nothing_is_empty() -> None:
    timeline = build_timeline([facts("a")], {})
    assert (timeline.current, timeline.background) == ((), ())
