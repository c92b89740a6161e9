"""Grouping articles into stories: shared actors, wire copies, and configuration's pins."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

from briefgen.aggregate.stories import (
    group_stories,
    overlapping_pairs,
    rarity_weights,
    weighted_jaccard,
)
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


def plain_overlapping_pairs(
    sets: dict[str, frozenset[str]], weight: dict[str, float], threshold: float, cap: int
) -> set[tuple[str, str]]:
    """The definition: every pair sharing an element held by at most cap sets, scored by
    weighted_jaccard."""
    held = Counter(x for s in sets.values() for x in s)
    total = {k: sum(weight[x] for x in s) for k, s in sets.items()}
    return {
        (a, b)
        for a, b in combinations(sorted(sets), 2)
        if any(held[x] <= cap for x in sets[a] & sets[b])
        and weighted_jaccard(sets[a], sets[b], weight, (total[a], total[b])) >= threshold
    }


def test_overlapping_pairs_are_those_of_the_plain_definition() -> None:
    rng = random.Random(5)
    # 200 articles: "un" in all (common: more than 64 holders), a few mid-size actors,
    # and each event's own actors
    sets = {
        f"a{n:03d}": frozenset(
            {
                "un",
                f"event-{n // 4}",
                f"place-{n // 9}",
                *rng.sample([f"p{k}" for k in range(30)], 3),
            }
        )
        for n in range(200)
    }
    sets["empty"] = frozenset()
    weight = rarity_weights(sets)
    for threshold in (0.0, 0.12, 0.3):
        found = overlapping_pairs(sets, weight, threshold, max_share=0.05)  # cap 64
        assert len(found) == len(set(found))
        assert set(found) == plain_overlapping_pairs(sets, weight, threshold, 64)
    assert ("a000", "a001") in found  # one event
    candidates = overlapping_pairs(sets, weight, 0.0, max_share=0.05)
    assert all(sets[a] & sets[b] - {"un"} for a, b in candidates)  # "un" alone links nothing
    assert any(sets[a] & sets[b] == {"un"} for a, b in combinations(sorted(sets), 2))
