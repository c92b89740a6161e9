"""Wire copies: articles most of whose sentences stand, lightly edited, in another."""

from __future__ import annotations

import random
from itertools import combinations

from briefgen.aggregate.similarity import WIRE_SHARE, comparable, is_same_sentence
from briefgen.aggregate.wire import WireState, group_wire_copies, wire_copies
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


def random_corpus(seed: int, size: int) -> list[ArticleFacts]:
    """Copies of the original with some sentences edited or replaced, and an empty article."""
    rng = random.Random(seed)
    others = [f"Filler sentence number {n} about another part of the day's news." for n in range(9)]
    corpus = [facts("r-empty", [])]
    for n in range(size):
        own = [edited(s) if rng.random() < 0.3 else s for s in ORIGINAL]
        for at in rng.sample(range(len(own)), rng.randint(2, 7)):
            own[at] = rng.choice(others)
        corpus.append(facts(f"r{n:02d}", own[: rng.randint(3, len(own))]))
    return corpus


def digests(corpus: list[ArticleFacts]) -> dict[str, str]:
    return {f.article.id: "sha-" + f.article.id for f in corpus}


def test_a_grown_corpus_from_the_earlier_state_gives_the_groups_of_a_full_build() -> None:
    for seed in range(4):
        corpus = random_corpus(seed, 36)
        random.Random(seed).shuffle(corpus)
        state = None
        for end in (12, 13, 20, 21, 22, 30, 37):  # one article, then several, at a time
            grown = corpus[:end]
            found, state = wire_copies(grown, digests(grown), state)
            full, full_state = wire_copies(grown, digests(grown))
            assert found == full
            assert state == full_state
            assert [g.article_ids for g in found] == plain_groups(grown)


def test_an_earlier_state_is_used_only_for_a_corpus_that_only_grew() -> None:
    corpus = random_corpus(3, 20)
    ids = sorted(f.article.id for f in corpus)
    # an earlier state that claims two articles with nothing in common are copies: used
    # when its articles all stand unchanged (which proves that it is used), else ignored
    lie = WireState(
        articles=tuple((a, "sha-" + a) for a in ids[:10]), copies=(("r-empty", ids[9]),)
    )
    found, _ = wire_copies(corpus, digests(corpus), lie)
    assert any("r-empty" in g.article_ids for g in found)
    changed = WireState(articles=((ids[0], "sha-other"), *lie.articles[1:]), copies=lie.copies)
    removed = WireState(articles=(*lie.articles, ("gone", "sha-gone")), copies=lie.copies)
    for ignored in (changed, removed):
        assert wire_copies(corpus, digests(corpus), ignored) == wire_copies(corpus, digests(corpus))


def test_a_new_article_that_makes_a_phrase_a_stock_phrase_undoes_the_copies_it_made() -> None:
    # one-sentence articles of a three-word sentence (its one 3-gram: one hash) are copies of
    # each other while at most SKETCH_MAX_BUCKET sentences hold it; one more makes it a stock
    # phrase, which no longer counts as a match
    line = "Markets stayed calm."
    corpus = [facts(f"s{n:03d}", [line]) for n in range(SKETCH_MAX_BUCKET)]
    found, state = wire_copies(corpus, digests(corpus))
    assert [len(g.article_ids) for g in found] == [SKETCH_MAX_BUCKET]
    grown = [*corpus, facts("s999", [line, *ORIGINAL[:2]]), facts("t1", ORIGINAL)]
    found, _ = wire_copies(grown, digests(grown), state)
    assert found == wire_copies(grown, digests(grown))[0]
    assert [g.article_ids for g in found] == [("s999", "t1")]
