"""Grouping articles into stories: shared actors, wire copies, and configuration's pins."""

from __future__ import annotations

from briefgen.aggregate.stories import group_stories
from briefgen.model import (
    ArticleFacts,
    Mention,
    SourceRef,
    WireGroup,
)

from .builders import article_facts


def facts(article_id: str, *actors: str) -> ArticleFacts:
    at = SourceRef(article_id=article_id, paragraph=0)
    mentions = tuple(
        Mention(text=a, label="ORG", actor_id=a, source=at, start=0, end=1) for a in actors
    )
    return article_facts(article_id, paragraphs=("x",), mentions=mentions)


CORPUS = [
    facts("a1", "summit", "lima", "ana-ruiz", "peru"),
    facts("a2", "summit", "lima", "ana-ruiz", "bolivia"),
    facts("b1", "quake", "tarsa", "red-crescent", "omar-haddad"),
    facts("b2", "quake", "tarsa", "red-crescent"),
    facts("c1", "court", "judge-mbeki", "opposition"),
]


def test_stories_from_shared_actors() -> None:
    assert group_stories(CORPUS, []) == (("a1", "a2"), ("b1", "b2"), ("c1",))


def test_wire_copies_are_one_story_whatever_their_actors() -> None:
    wire = [WireGroup(id="w1", article_ids=("a1", "c1"))]
    assert group_stories(CORPUS, wire) == (("a1", "a2", "c1"), ("b1", "b2"))


def test_pins_split_and_join() -> None:
    # split b2 off its story, and join c1 with a2 (which leaves a1 alone)
    pinned = [("b2",), ("a2", "c1"), ("gone",)]
    assert group_stories(CORPUS, [], pinned) == (("a1",), ("a2", "c1"), ("b1",), ("b2",))


def test_actors_named_across_the_corpus_do_not_join_stories() -> None:
    """Two strikes and a flood, all naming the UN and the capital: articles of different
    events share those two actors (plain Jaccard 2/6 = 0.33 would join every one of them);
    weighted by rarity they count for little, and the events' own actors decide."""
    common = ("un", "valdora")
    corpus = [
        facts("s1", *common, "dockers-union", "port-hesk", "ilse-varga"),
        facts("s2", *common, "dockers-union", "port-hesk", "ilse-varga"),
        facts("f1", *common, "river-oda", "red-cross", "mayor-tenn"),
        facts("f2", *common, "river-oda", "red-cross", "mayor-tenn"),
        facts("t1", *common, "rail-workers", "north-line", "odo-kai"),
        facts("t2", *common, "rail-workers", "north-line", "odo-kai"),
        *[facts(f"x{n}", *common, f"only-{n}-a", f"only-{n}-b", f"only-{n}-c") for n in range(6)],
    ]
    stories = group_stories(corpus, [])
    assert ("s1", "s2") in stories
    assert ("f1", "f2") in stories
    assert ("t1", "t2") in stories
    assert len(stories) == 9
