"""The indexed groupings (issue 8) must group exactly as the plain loops they replaced: each
item joins the first group, in order, that the pairwise test accepts."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from briefgen.aggregate import MovedNames
from briefgen.aggregate.claims import ClaimIndex, is_same_claim
from briefgen.aggregate.similarity import comparable, is_same_sentence
from briefgen.aggregate.summary import cluster_sentences, extends
from briefgen.model import Claim, Sentence, SourceRef
from briefgen.sketch import sentence_sketch

from .test_claims import claim

T = TypeVar("T")

# Sentences of a ferry disruption, with light edits, extensions (a hedge added) and repeats.
FERRY = [
    "The ferry operator cancelled all sailings to the northern islands on Tuesday.",
    "The ferry operator cancelled all crossings to the northern islands on Tuesday.",
    "The ferry operator cancelled all sailings to the northern islands on Tuesday. "
    "The figure could not be independently verified.",
    "Storm Ilse brought winds of up to 140 km/h to the coast.",
    "Storm Ilse brought gusts of up to 140 km/h to the western coast, forecasters said.",
    "About 3,000 passengers were stranded in the port of Skarvik.",
    "About 3,000 travellers were stranded at the port of Skarvik.",
    "The harbour master said the sailings would resume on Thursday.",
    "The ferry operator said it regretted the disruption.",
]


def plain_grouping(items: Sequence[T], same: Callable[[T, T], bool]) -> list[list[T]]:
    """The loop the indexes replace: first group whose first item the test accepts."""
    groups: list[list[T]] = []
    for item in items:
        home = next((g for g in groups if same(g[0], item)), None)
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    return groups


def test_cluster_sentences_groups_as_the_pairwise_loop() -> None:
    rng = random.Random(4)
    texts = [rng.choice(FERRY) for _ in range(60)]
    sentences = [
        Sentence(
            text=t,
            source=SourceRef(article_id=f"a{n}", paragraph=0),
            start=0,
            end=len(t),
            sketch=sentence_sketch(t),
        )
        for n, t in enumerate(texts)
    ]
    expected = plain_grouping(
        sentences,
        lambda g, s: (
            is_same_sentence(comparable(s.text), comparable(g.text))
            or extends(comparable(s.text), comparable(g.text))
        ),
    )
    got = cluster_sentences(sentences)
    assert [list(c.variants) for c in got] == expected
    assert 3 < len(got) < len(FERRY)  # edits joined, different sentences apart


def test_claim_index_groups_as_the_pairwise_loop() -> None:
    # a figure whose value was not read first: a later "12" with its value joins it by words
    claims: list[Claim] = [claim("u0", 0, "12", None, "passengers", "", None)]
    claims += [
        claim(f"a{n}", 0, figure, value, noun, outcome, claimant)
        for n, ((figure, value), noun, outcome, claimant) in enumerate(
            itertools.product(
                [("3,000", 3000.0), ("about 3,000", 3000.0), ("thousands", None), ("12", 12.0)],
                ["passengers", "travellers"],
                ["", "dead"],
                ["Harbour Authority", None],
            )
        )
    ]
    claims += [
        claim(
            "h1",
            1,
            "",
            None,
            "",
            "",
            "Harbour Authority",
            kind="assertion",
            sentence="The harbour authority said the port may stay shut, without evidence.",
        ),
        claim(
            "h2",
            1,
            "",
            None,
            "",
            "",
            "Harbour Authority",
            kind="assertion",
            sentence="The harbour authority said the port may stay shut without evidence.",
        ),
        claim(
            "h3",
            1,
            "",
            None,
            "",
            "",
            None,
            kind="assertion",
            sentence="The harbour authority said the port may stay shut without evidence.",
        ),
    ]
    expected = plain_grouping(claims, is_same_claim)
    groups: list[list[Claim]] = []
    index = ClaimIndex()
    for c in claims:
        home = next((g for g in index.candidates(c) if is_same_claim(groups[g][0], c)), None)
        if home is None:
            index.add(c, len(groups))
            groups.append([c])
        else:
            groups[home].append(c)
    assert groups == expected
    assert len(groups) < len(claims)
    assert any(g[0].value is None and any(c.value is not None for c in g) for g in groups)


def test_moved_names_equal_moving_in_a_copy() -> None:
    names = {
        "government": Counter({"the government": 3}),
        "army": Counter({"Army": 2, "the army": 1}),
        "valdoria government": Counter({"Valdoria": 4}),
        "mayor": Counter({"Mayor Ilse Varga": 1}),
    }
    moves = {"army": "valdoria armed forces", "government": "valdoria government"}
    copy = {k: Counter(v) for k, v in names.items()}
    for old, new in moves.items():
        copy[new] = copy.get(new, Counter()) + copy.pop(old)
    moved = MovedNames(names, moves)
    assert dict(moved) == copy
    assert "army" not in moved
    assert moved.get("army") is None
    assert names["valdoria government"] == Counter({"Valdoria": 4})  # the corpus' names intact
