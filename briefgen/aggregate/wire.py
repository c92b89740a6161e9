"""Wire copies: articles that are versions of one story, which count as one source lineage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

from briefgen.aggregate.similarity import SAME_SENTENCE_RATIO, WIRE_SHARE, comparable
from briefgen.model import ArticleFacts, SourceRef, WireGroup
from briefgen.sketch import partners, shared_buckets


class _Sentences:
    """The sentences of all articles in one list, articles in id order; an article's
    sentences are the positions starts[a] to starts[a + 1]."""

    def __init__(self, facts: Sequence[ArticleFacts]) -> None:
        ordered = sorted(facts, key=lambda f: f.article.id)
        self.ids = [f.article.id for f in ordered]
        self.sentences = [s for f in ordered for s in f.sentences]
        self.owner = [a for a, f in enumerate(ordered) for _ in f.sentences]
        self.starts = [0]
        for f in ordered:
            self.starts.append(self.starts[-1] + len(f.sentences))
        self.buckets = shared_buckets([s.sketch for s in self.sentences])
        self._texts: dict[int, str] = {}

    def positions(self, article: int) -> range:
        return range(self.starts[article], self.starts[article + 1])

    def text(self, position: int) -> str:
        """Return a sentence's comparable text (computed only for those compared)."""
        if (found := self._texts.get(position)) is None:
            found = self._texts[position] = comparable(self.sentences[position].text)
        return found

    def reach(self, article: int) -> Counter[int]:
        """Return, for each other article, how many of this article's sentences share a
        sketch bucket with one of its sentences: at most that many can stand in it."""
        counts: Counter[int] = Counter()
        owner = self.owner
        for p in self.positions(article):
            counts.update({owner[q] for q in partners(self.sentences[p].sketch, self.buckets)})
        counts.pop(article, None)
        return counts

    def matched(self, article: int, other: int) -> int:
        """Return how many of an article's sentences stand, lightly edited, in the other:
        compared only with the other's sentences that share a sketch bucket."""
        low, high = self.starts[other], self.starts[other + 1]
        found = 0
        for p in self.positions(article):
            near = [q for q in partners(self.sentences[p].sketch, self.buckets) if low <= q < high]
            if any(
                fuzz.ratio(self.text(p), self.text(q), score_cutoff=SAME_SENTENCE_RATIO)
                for q in near
            ):
                found += 1
        return found


def _find(parent: list[int], item: int) -> int:
    """Return the root of an item in a union-find forest."""
    while parent[item] != item:
        item = parent[item]
    return item


def group_wire_copies(facts: Sequence[ArticleFacts]) -> tuple[WireGroup, ...]:
    """Return groups of two or more articles that are copies of one wire story: an article is
    a copy of another when WIRE_SHARE of its sentences stand, lightly edited, in the other.

    Sentences are compared only with those sharing a sketch bucket (briefgen/sketch.py), and
    only between articles that could reach the share: those where enough of one article's
    sentences share a bucket with the other's. Every pair of articles on one story shares
    some sentences (a quotation, a stock phrase); few share most."""
    corpus = _Sentences(facts)
    sizes = [len(corpus.positions(a)) for a in range(len(corpus.ids))]
    possible: set[tuple[int, int]] = set()
    for a in range(len(corpus.ids)):
        for b, count in corpus.reach(a).items():
            if count / sizes[a] >= WIRE_SHARE:  # matched(a, b) <= count
                possible.add((min(a, b), max(a, b)))
    parent = list(range(len(corpus.ids)))
    for a, b in sorted(possible):
        share = max(corpus.matched(a, b) / sizes[a], corpus.matched(b, a) / sizes[b])
        if share >= WIRE_SHARE:
            parent[_find(parent, b)] = _find(parent, a)
    groups: dict[int, list[str]] = {}
    for n, article in enumerate(corpus.ids):
        groups.setdefault(_find(parent, n), []).append(article)
    members = sorted(tuple(g) for g in groups.values() if len(g) > 1)
    return tuple(WireGroup(id=f"wire-{n + 1}", article_ids=g) for n, g in enumerate(members))


def lineage_of(groups: Sequence[WireGroup]) -> dict[str, str]:
    """Return, for each article in a wire group, the group id: its source lineage."""
    return {article: g.id for g in groups for article in g.article_ids}


def count_lineages(sources: Sequence[SourceRef], lineage: Mapping[str, str]) -> int:
    """Return how many independent lineages cite a fact: a wire group counts once."""
    return len({lineage.get(s.article_id, s.article_id) for s in sources})
