"""Actors of a briefing from real text of an invented conflict: one entry per actor, types,
roles, sides, sources apart from parties, places left out."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.aggregate import build_briefings
from briefgen.aggregate.actors import is_source, word_side, word_type
from briefgen.extract import extract_articles
from briefgen.model import Actor, Knowledge, Settings
from briefgen.resources import load_knowledge

from .builders import clean_article

ARTICLES = {
    "a1": [
        "Rebels of the Free Coast Front (FCF), a separatist group, seized the port city of "
        "Varna Bay on Saturday, the Nordmarkian army said.",
        "The FCF is backed by Ostland, according to the Coastal Watch, a Britain-based war "
        "monitor.",
        "Uganda, a main backer of the Nordmarkian government, said it would send troops to "
        "Nordmark.",
        "Nordmarkian troops retreated to Halden province, the state news agency NNA reported.",
    ],
    "a2": [
        "Fighters of the FCF took control of Varna Bay, the largest port in Nordmark.",
        "Ostland's Foreign Minister Piet Larsen said Ostland has nothing to do with this "
        "offensive.",
        "The Nordmarkian government and army will be backed by Uganda, officials in Halden said.",
    ],
}


@pytest.fixture(scope="module")
def actors(nlp: Any) -> dict[str, Actor]:
    knowledge: Knowledge = load_knowledge(())
    settings = Settings(
        corpus_dir="seeds",
        output_dir="briefings",
        templates_dir="templates",
        summary_sentences=5,
        max_article_bytes=1_000_000,
        knowledge=knowledge,
    )
    articles = [clean_article(i, tuple(p), "2025-04-13") for i, p in ARTICLES.items()]
    (briefing,) = build_briefings(extract_articles(articles, nlp, knowledge), settings)
    return {a.name: a for a in briefing.actors}


def test_a_state_is_one_actor_whatever_the_text_calls_it(actors: dict[str, Actor]) -> None:
    assert actors["Nordmark"].type == "government"
    assert "Nordmarkian government" in actors["Nordmark"].aliases
    assert actors["Nordmarkian army"].type == "military"


def test_an_acronym_defined_in_brackets_is_the_same_actor(actors: dict[str, Actor]) -> None:
    assert "FCF" in actors["Free Coast Front"].aliases
    assert "FCF" not in actors
    assert actors["Free Coast Front"].type == "armed group"


def test_sides_as_the_text_gives_them(actors: dict[str, Actor]) -> None:
    assert actors["Nordmark"].side == "government"
    assert actors["Nordmarkian army"].side == "government"
    assert actors["Uganda"].side == "supports government"  # it backs the government
    assert actors["Uganda"].role == "a main backer of the Nordmarkian government"
    assert actors["Ostland"].side == ""  # it backs the FCF, whose side the text never names


def test_backing_and_denial_with_their_evidence(actors: dict[str, Actor]) -> None:
    backs = {(link.other_name, link.kind) for link in actors["Uganda"].backs}
    assert backs == {("Nordmark", "backing"), ("Nordmarkian army", "backing")}
    assert [(x.other_name, x.kind) for x in actors["Ostland"].backs] == [
        ("Free Coast Front", "backing"),
        ("this offensive", "denial"),
    ]


def test_monitors_and_agencies_are_sources_not_parties(actors: dict[str, Actor]) -> None:
    watch = actors["Coastal Watch"]
    assert (watch.party, watch.side, watch.role) == (False, "source", "a Britain-based war monitor")


def test_places_are_not_actors(actors: dict[str, Actor]) -> None:
    assert "Varna Bay" not in actors  # "seized the port city of X", "took control of X"
    assert "Halden province" not in actors


def test_roles_from_the_words_before_a_name(actors: dict[str, Actor]) -> None:
    assert actors["Piet Larsen"].role == "Ostland's Foreign Minister"
    assert actors["Piet Larsen"].type == "person"


DEFAULT = load_knowledge(())
WORDS = sorted(
    {w for row in DEFAULT.actor_words for w in row[0].split()}
    | {w for p in DEFAULT.source_words for w in p.split()}
)
TEXT = st.lists(st.sampled_from([*WORDS, "the", "of", "-", "anti-", "x"]), max_size=8).map(
    lambda words: " ".join(words).replace(" -", "-").title()
)


def plain_has_word(phrase: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text.lower()) is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=3))
def test_word_lookups_as_defined_word_by_word(texts: list[str]) -> None:
    """Each lookup with one pattern per list of words finds what searching for each word
    does: the first type word (by place, then type), the sides named, a source word."""
    hits = [
        [
            (m.start(), kind)
            for word, kind, _ in DEFAULT.actor_words
            if kind != "-"
            for m in [re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", t.lower())]
            if m
        ]
        for t in texts
    ]
    first = next((min(h)[1] for h in hits if h), None)
    assert word_type(texts, DEFAULT) == first
    sides = {
        s for t in texts for w, _, s in DEFAULT.actor_words if s != "-" and plain_has_word(w, t)
    }
    assert word_side(texts, DEFAULT) == (sides.pop() if len(sides) == 1 else "")
    assert is_source(texts, DEFAULT) == any(
        plain_has_word(w, t) for t in texts for w in DEFAULT.source_words
    )


def test_no_source_words_make_no_source() -> None:
    """An empty list of words matches nothing (an empty alternation would match anywhere)."""
    assert is_source(["Coastal Watch, a war monitor"], DEFAULT)
    none = dataclasses.replace(DEFAULT, source_words=frozenset())
    assert not is_source(["Coastal Watch, a war monitor"], none)
