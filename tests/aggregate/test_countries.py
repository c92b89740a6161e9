"""Countries as actors: names, capitals and demonyms for states, from packaged data and text."""

from __future__ import annotations

import dataclasses

import pytest

from briefgen.aggregate.countries import (
    build_country_index,
    is_demonym_of,
    state_actor,
    state_ids,
    text_countries,
)
from briefgen.model import Knowledge, Mention, SourceRef

from .test_stories import facts


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Nairobi", ("kenya", "Kenya")),
        ("the Kenyan government", ("kenya", "Kenya")),
        ("Kenya's government", ("kenya", "Kenya")),
        ("the Ugandan regime", ("uganda", "Uganda")),
        ("Kenyan troops", ("kenya-armed-forces", "Kenya")),
        ("Uganda's army", ("uganda-armed-forces", "Uganda")),
        ("Chilean government forces", ("chile-armed-forces", "Chile")),
        ("Britain", ("united-kingdom", "United Kingdom")),
        ("the UAE", ("united-arab-emirates", "United Arab Emirates")),
        ("US", ("united-states", "United States")),
        ("us", None),  # the pronoun is no country: short forms match as written
        ("Congolese army", None),  # two countries share the demonym: left alone
        ("Kenya Airways", None),
        ("the Law Society of Kenya", None),
    ],
)
def test_state_phrases(knowledge: Knowledge, phrase: str, expected: object) -> None:
    assert state_actor(phrase, build_country_index(knowledge)) == expected


def test_demonyms_follow_english_endings() -> None:
    assert is_demonym_of("Nordmarkian", "Nordmark")
    assert is_demonym_of("Kasangan", "Kasanga")
    assert is_demonym_of("Sudanese", "Sudan")
    assert not is_demonym_of("Nordic", "Nordmark")


def test_states_the_text_reveals(knowledge: Knowledge) -> None:
    at = SourceRef(article_id="a1", paragraph=0)
    named = [("Nordmark", "GPE"), ("Nordmarkian", "NORP"), ("Halden", "GPE"), ("Kenya", "GPE")]
    article = dataclasses.replace(
        facts("a1"),
        mentions=tuple(
            Mention(text=t, label=label, actor_id=t.lower(), source=at, start=0, end=1)
            for t, label in named
        ),
    )
    known = build_country_index(knowledge)
    found = text_countries([article], known)
    assert [(c.name, c.demonyms) for c in found] == [("Nordmark", ("Nordmarkian",))]
    index = build_country_index(knowledge, found)
    assert state_actor("the Nordmarkian government", index) == ("nordmark", "Nordmark")
    assert state_actor("Nordmarkian soldiers", index) == ("nordmark-armed-forces", "Nordmark")


def test_ids_move_only_when_every_name_agrees(knowledge: Knowledge) -> None:
    index = build_country_index(knowledge)
    names = {
        "nairobi": ["Nairobi"],
        "kenyan-government": ["Kenyan government", "the Kenyan government"],
        "washington": ["Washington", "George Washington"],  # a surname too: stays
    }
    assert state_ids(names, index) == {"nairobi": "kenya", "kenyan-government": "kenya"}
