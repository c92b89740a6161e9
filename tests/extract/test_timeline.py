"""Events on inline texts about other events: relative dates resolved against the article's
date (Thursday 2 March 2023 here, so weekdays cross a month boundary), background kept apart."""

from __future__ import annotations

from typing import Any

import pytest

from briefgen.extract.timeline import article_date, find_events
from briefgen.model import Knowledge

THURSDAY = "2023-03-02T08:30:00+01:00"
Row = tuple[str, str, str, bool]


def events_of(text: str, published: str | None, nlp: Any, knowledge: Knowledge) -> list[Row]:
    docs = list(nlp.pipe(p for p in text.split("\n\n") if p.strip()))
    return [
        (e.date, e.precision, e.words, e.background)
        for e in find_events("a", docs, published, knowledge)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the latest Monday before a Thursday, across the end of February
        (
            "Dock workers walked out on Monday.",
            [("2023-02-27", "day", "on Monday", False)],
        ),
        # the article's own weekday is its own day
        ("The mayor met union leaders on Thursday.", [("2023-03-02", "day", "on Thursday", False)]),
        # the future: the next Monday
        (
            "The port will reopen on Monday.",
            [("2023-03-06", "day", "on Monday", False)],
        ),
        # the future in reported speech or with "due to": forward, never the past weekday
        (
            "The union said its members would march on parliament on Monday.",
            [("2023-03-06", "day", "on Monday", False)],
        ),
        (
            "The minister is due to brief lawmakers on Saturday.",
            [("2023-03-04", "day", "on Saturday", False)],
        ),
        # overnight: the night before the article's date
        (
            "Floodwater reached the old town overnight.",
            [("2023-03-01", "night", "overnight", False)],
        ),
        (
            "Two bridges were closed on Tuesday night.",
            [("2023-02-28", "night", "on Tuesday night", False)],
        ),
        ("The river burst its banks yesterday.", [("2023-03-01", "day", "yesterday", False)]),
        ("Talks collapsed last week.", [("2023-02-20", "week", "last week", False)]),
        (
            "Prices rose earlier this month.",
            [("2023-03-01", "month", "earlier this month", False)],
        ),
        (
            "The strike began on 24 February.",
            [("2023-02-24", "day", "on 24 February", False)],
        ),
        # background: a year well before the article, apart from the current events
        (
            "The 2008 floods destroyed the same bridge.",
            [("2008-01-01", "year", "2008", True)],
        ),
        (
            "The union signed an agreement in December 2022.",
            [("2022-12-01", "month", "in December 2022", True)],
        ),
        # durations, decades and numbers that only look like years are no dates
        (
            "Rain fell for the past three days. Strikes were common in the 1980s. The council "
            "passed Resolution 2019. Talks have dragged on for years.",
            [],
        ),
    ],
)
def test_find_events(text: str, expected: list[Row], nlp: Any, knowledge: Knowledge) -> None:
    assert events_of(text, THURSDAY, nlp, knowledge) == expected


def test_find_events_without_article_date_keeps_only_explicit_dates(
    nlp: Any, knowledge: Knowledge
) -> None:
    text = "Dock workers walked out on Monday, as they did in March 2019."
    assert events_of(text, None, nlp, knowledge) == [
        ("2019-03-01", "month", "in March 2019", False)
    ]


def test_find_events_cites_paragraph_and_offsets(nlp: Any, knowledge: Knowledge) -> None:
    text = "The storm hit the coast.\n\nThe harbour flooded overnight, officials said."
    paragraphs = text.split("\n\n")
    (event,) = find_events("storm", list(nlp.pipe(paragraphs)), THURSDAY, knowledge)
    assert (event.source.article_id, event.source.paragraph) == ("storm", 1)
    assert paragraphs[1][event.start : event.end] == "overnight"
    assert event.sentence == paragraphs[1]


@pytest.mark.parametrize(
    ("published", "day"),
    [(THURSDAY, "2023-03-02"), ("2023-03-02", "2023-03-02"), ("2023-03", None), (None, None)],
)
def test_article_date(published: str | None, day: str | None) -> None:
    found = article_date(published)
    assert (found.isoformat() if found else None) == day
