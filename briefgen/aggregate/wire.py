"""Wire copies: articles that are versions of one story, which count as one source lineage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefgen.aggregate.similarity import SAME_SENTENCE_RATIO, WIRE_SHARE, comparable
from briefgen.model import ArticleFacts, SourceRef, WireGroup
from briefgen.sketch import SKETCH_MAX_BUCKET, held_counts, keys, partners, shared_buckets


@dataclass(frozen=True, slots=True, kw_only=True)
class WireState:
    """What one build found, for the next to start from: its articles, as (id, digest of the
    article's file), and its copies, as pairs of article ids (ascending) of which one is a
    copy of the other. Article ids are ascending too."""

    articles: tuple[tuple[str, str], ...]
    copies: tuple[tuple[str, str], ...]


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
        sketches = [s.sketch for s in self.sentences]
        self.held = held_counts(sketches)
        self.buckets = shared_buckets(sketches, self.held)
        self._texts: dict[int, str] = {}

    def positions(self, article: int) -> range:
        return range(self.starts[article], self.starts[article + 1])

    def size(self, article: int) -> int:
        return self.starts[article + 1] - self.starts[article]

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

    def reached_by(self, article: int) -> Counter[int]:
        """Return, for each other article, how many of its sentences share a sketch bucket
        with one of this article's sentences: its reach() count of this article."""
        near: set[int] = set()
        for p in self.positions(article):
            near |= partners(self.sentences[p].sketch, self.buckets)
        counts = Counter(self.owner[q] for q in near)
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

    def is_copy(self, a: int, b: int) -> bool:
        """Return True when WIRE_SHARE of one article's sentences stand in the other."""
        size_a, size_b = self.size(a), self.size(b)
        return (size_a > 0 and self.matched(a, b) / size_a >= WIRE_SHARE) or (
            size_b > 0 and self.matched(b, a) / size_b >= WIRE_SHARE
        )

    def copies(self) -> set[tuple[int, int]]:
        """Return every pair of articles (a < b) of which one is a copy of the other. Only
        pairs that could reach the share are compared: matched(a, b) <= reach(a)[b]."""
        possible: set[tuple[int, int]] = set()
        for a in range(len(self.ids)):
            for b, count in self.reach(a).items():
                if count / self.size(a) >= WIRE_SHARE:
                    possible.add((min(a, b), max(a, b)))
        return {pair for pair in possible if self.is_copy(*pair)}

    def copies_since(self, earlier: WireState) -> set[tuple[int, int]] | None:
        """Return the copies() of the corpus from those of an earlier build whose articles
        all stand unchanged in it, comparing only what the new articles can change; None if
        the earlier build is not of such a corpus.

        A pair of earlier articles is compared only with its own sentences and the sketch
        buckets they share. A new article adds its sentences to some buckets, which adds no
        match between earlier articles, but it can take a bucket over SKETCH_MAX_BUCKET (a
        stock phrase), which drops the matches it gave: the copies among the articles that
        hold such a bucket are compared again. Pairs with a new article are compared as in
        copies()."""
        at = {article: n for n, article in enumerate(self.ids)}
        if not all(a in at and b in at for a, b in earlier.copies):
            return None
        old = {at[article] for article, _ in earlier.articles}
        new = [a for a in range(len(self.ids)) if a not in old]
        found = {(at[a], at[b]) for a, b in earlier.copies}
        added = Counter(k for a in new for p in self.positions(a) for k in self._keys(p))
        crossed = {
            k for k, n in added.items() if self.held[k] > SKETCH_MAX_BUCKET >= self.held[k] - n
        }
        if crossed:
            holders = {
                self.owner[p]
                for p in range(len(self.sentences))
                if not crossed.isdisjoint(self._keys(p))
            }
            found = {
                (a, b)
                for a, b in found
                if a not in holders or b not in holders or self.is_copy(a, b)
            }
        compared: set[tuple[int, int]] = set()
        for a in new:
            size = self.size(a)
            forward, backward = self.reach(a), self.reached_by(a)
            near = {b for b, count in forward.items() if count / size >= WIRE_SHARE}
            near |= {b for b, count in backward.items() if count / self.size(b) >= WIRE_SHARE}
            for b in near:
                pair = (min(a, b), max(a, b))
                if pair not in compared:
                    compared.add(pair)
                    if self.is_copy(*pair):
                        found.add(pair)
        return found

    def _keys(self, position: int) -> tuple[int, ...]:
        return keys(self.sentences[position].sketch)


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
    return wire_copies(facts)[0]


def wire_copies(
    facts: Sequence[ArticleFacts],
    digests: Mapping[str, str] | None = None,
    earlier: WireState | None = None,
) -> tuple[tuple[WireGroup, ...], WireState | None]:
    """Return group_wire_copies(facts) and, given each article's file digest (article id ->
    digest), the state for a later build. Given also the state of an earlier build whose
    articles all stand unchanged in this one (a corpus that only grew), start from its copies
    and compare only what the new articles change: the same groups, much faster after adding
    a few articles. Any other earlier state is ignored."""
    corpus = _Sentences(facts)
    articles = None
    if digests is not None and all(a in digests for a in corpus.ids):
        articles = tuple((a, digests[a]) for a in corpus.ids)
    found = None
    if earlier is not None and articles is not None and set(earlier.articles) <= set(articles):
        found = corpus.copies_since(earlier)
    if found is None:
        found = corpus.copies()
    parent = list(range(len(corpus.ids)))
    for a, b in sorted(found):
        parent[_find(parent, b)] = _find(parent, a)
    groups: dict[int, list[str]] = {}
    for n, article in enumerate(corpus.ids):
        groups.setdefault(_find(parent, n), []).append(article)
    members = sorted(tuple(g) for g in groups.values() if len(g) > 1)
    wire = tuple(WireGroup(id=f"wire-{n + 1}", article_ids=g) for n, g in enumerate(members))
    if articles is None:
        return wire, None
    copies = tuple(sorted((corpus.ids[a], corpus.ids[b]) for a, b in found))
    return wire, WireState(articles=articles, copies=copies)


def lineage_of(groups: Sequence[WireGroup]) -> dict[str, str]:
    """Return, for each article in a wire group, the group id: its source lineage."""
    return {article: g.id for g in groups for article in g.article_ids}


def count_lineages(sources: Sequence[SourceRef], lineage: Mapping[str, str]) -> int:
    """Return how many independent lineages cite a fact: a wire group counts once."""
    return len({lineage.get(s.article_id, s.article_id) for s in sources})
