"""Wire copies: articles most of whose sentences stand, lightly edited, in another."""

from __future__ import annotations

import random
from itertools import combinations

from briefgen.aggregate.similarity import WIRE_SHARE, comparable, is_same_sentence
from briefgen.aggregate.wire import group_wire_copies
from briefgen.model import ArticleFacts, Sentence, SourceRef
from briefgen.sketch import HASH_BYTES, SKETCH_MAX_BUCKET, sentence_sketch

from .builders import article_facts

ORIGINAL = [
    "Dock workers at the port of Valmera walked out on Monday over a new shift system.",
    "The union said about 2,400 members had joined the strike, which halted container traffic.",
    '"We will not accept twelve-hour shifts," union leader Tomas Ekberg told reporters.',
    "The port authority said it was ready to resume talks but would not withdraw the plan.",
    "Shipping lines diverted at least six vessels to the northern terminal at Ostrava Bay.",
    "Transport minister Lena Hart called on both sides to return to the table by Friday.",
    "The last strike at the port, in 2019, lasted nine days and cost exporters millions.",
    "Police said the picket lines outside the main gate had remained peaceful.",
]


def facts(article_id: str, sentences: list[str]) -> ArticleFacts:
    """Return an article's facts holding these sentences, one paragraph each."""
    return article_facts(
        article_id,
        paragraphs=tuple(sentences),
        sentences=tuple(
            Sentence(
                text=text,
                source=SourceRef(article_id=article_id, paragraph=n),
                start=0,
                end=len(text),
                sketch=sentence_sketch(text),
            )
            for n, text in enumerate(sentences)
        ),
    )


def edited(text: str) -> str:
    """A sub-editor's light touch: one word changed, one dropped."""
    return text.replace(" said ", " stated ", 1).replace(" at least ", " ")


def groups(corpus: list[ArticleFacts]) -> list[tuple[str, ...]]:
    return [g.article_ids for g in group_wire_copies(corpus)]


def test_a_lightly_edited_copy_is_grouped_and_an_own_report_is_not() -> None:
    copy = [edited(s) for s in ORIGINAL[:6]] + ["The strike is the third this year."]
    own = [
        "Valmera's port was quiet on Tuesday as a strike by dock workers entered its second day.",
        '"We will not accept twelve-hour shifts," union leader Tomas Ekberg told reporters.',
        "Exporters of timber and paper said their shipments were stuck at the quay.",
        "Economists at the central bank warned of delays to deliveries across the region.",
    ]
    corpus = [facts("a-wire", ORIGINAL), facts("b-copy", copy), facts("c-own", own)]
    assert groups(corpus) == [("a-wire", "b-copy")]


def test_a_short_excerpt_is_a_copy_and_copies_of_copies_join_one_group() -> None:
    excerpt = ORIGINAL[:3]  # all of its sentences stand in the original: 3 of 8 of it
    second = [edited(s) for s in ORIGINAL[2:]]
    third = [*second[1:], "A court hearing on the shift plan is set for next month."]
    corpus = [
        facts("x1", ORIGINAL),
        facts("x2", excerpt),
        facts("x3", second),
        facts("x4", third),
        facts("y1", ["An unrelated sentence about the weather in the capital on Sunday."]),
    ]
    assert groups(corpus) == [("x1", "x2", "x3", "x4")]


def test_sharing_less_than_the_share_is_not_a_copy() -> None:
    half = ORIGINAL[:4]
    other = [
        "A different report on the dock strike, written by another outlet's own staff.",
        "It quotes the union and the port authority in its own words, not the wire's.",
        "Its reporter spoke to drivers queueing outside the gate since early morning.",
        "Several said they had been waiting for more than a day with perishable goods.",
    ]
    mixed = half[:2] + other  # 2 of its 6 sentences stand in the original; 2 of 8 of it
    assert WIRE_SHARE > 2 / 6
    assert groups([facts("m1", ORIGINAL), facts("m2", mixed)]) == []


def plain_groups(corpus: list[ArticleFacts]) -> list[tuple[str, ...]]:
    """The definition without shortcuts: every pair of articles, every pair of sentences
    sharing a small sketch bucket compared, shares from the matches, components."""
    holders: dict[bytes, set[tuple[str, int]]] = {}
    for f in corpus:
        for n, s in enumerate(f.sentences):
            for i in range(0, len(s.sketch), HASH_BYTES):
                holders.setdefault(s.sketch[i : i + HASH_BYTES], set()).add((f.article.id, n))
    near = {
        pair
        for held in holders.values()
        if len(held) <= SKETCH_MAX_BUCKET
        for pair in combinations(sorted(held), 2)
    }
    texts = {f.article.id: [comparable(s.text) for s in f.sentences] for f in corpus}

    def matched(a: str, b: str) -> int:
        return sum(
            1
            for i, mine in enumerate(texts[a])
            if any(
                ((a, i), (b, j)) in near or ((b, j), (a, i)) in near
                for j, theirs in enumerate(texts[b])
                if is_same_sentence(mine, theirs)
            )
        )

    joined = {a: {a} for a in texts}
    for a, b in combinations(sorted(texts), 2):
        if not texts[a] or not texts[b]:
            continue
        if max(matched(a, b) / len(texts[a]), matched(b, a) / len(texts[b])) >= WIRE_SHARE:
            union = joined[a] | joined[b]
            for member in union:
                joined[member] = union
    return sorted({tuple(sorted(g)) for g in joined.values() if len(g) > 1})


def test_groups_are_those_of_the_plain_definition() -> None:
    rng = random.Random(8)
    others = [
        f"Filler sentence number {n} about another part of the day's news." for n in range(60)
    ]
    corpus = []
    for n in range(40):  # copies of the original with 2 to 7 of its sentences replaced
        own = [edited(s) if rng.random() < 0.3 else s for s in ORIGINAL]
        for at in rng.sample(range(len(own)), rng.randint(2, 7)):
            own[at] = rng.choice(others)
        corpus.append(facts(f"r{n:02d}", own[: rng.randint(3, len(own))]))
    corpus.append(facts("r-empty", []))
    found = groups(corpus)
    assert found == plain_groups(corpus)
    assert 1 < sum(len(g) for g in found) < 35  # some articles are copies, not all
