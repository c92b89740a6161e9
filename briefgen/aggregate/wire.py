"""Wire copies: articles that are versions of one story, which count as one source lineage."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from briefgen.aggregate.similarity import (
    WIRE_SHARE,
    candidate_pairs,
    comparable,
    is_same_sentence,
)
from briefgen.model import ArticleFacts, SourceRef, WireGroup


def shared_share(mine: Sequence[str], theirs: Sequence[str]) -> float:
    """Return the share of my sentences that stand, lightly edited, among theirs."""
    if not mine:
        return 0.0
    found = sum(1 for s in mine if any(is_same_sentence(s, t) for t in theirs))
    return found / len(mine)


def matched_sentences(
    texts: Mapping[str, Sequence[str]],
) -> dict[tuple[str, str], set[int]]:
    """Return, for each ordered pair of articles (a, b), the indexes of a's sentences that
    stand lightly edited in b; only sketch candidates are compared (see similarity.py)."""
    items = [
        ((article, n), text) for article in sorted(texts) for n, text in enumerate(texts[article])
    ]
    by_key = dict(items)
    matched: dict[tuple[str, str], set[int]] = {}
    for (a, i), (b, j) in candidate_pairs(items):
        if a != b and is_same_sentence(by_key[(a, i)], by_key[(b, j)]):
            matched.setdefault((a, b), set()).add(i)
            matched.setdefault((b, a), set()).add(j)
    return matched


def _find(parent: dict[str, str], item: str) -> str:
    """Return the root of an item in a union-find forest."""
    while parent[item] != item:
        item = parent[item]
    return item


def group_wire_copies(facts: Sequence[ArticleFacts]) -> tuple[WireGroup, ...]:
    """Return groups of two or more articles that are copies of one wire story."""
    texts = {f.article.id: [comparable(s.text) for s in f.sentences] for f in facts}
    ids = sorted(texts)
    parent = {i: i for i in ids}
    matched = matched_sentences(texts)
    for a, b in sorted(pair for pair in matched if pair[0] < pair[1]):
        share = max(
            len(matched[(a, b)]) / len(texts[a]),
            len(matched.get((b, a), ())) / len(texts[b]),
        )
        if share >= WIRE_SHARE:
            parent[_find(parent, b)] = _find(parent, a)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(_find(parent, i), []).append(i)
    members = sorted(tuple(g) for g in groups.values() if len(g) > 1)
    return tuple(WireGroup(id=f"wire-{n + 1}", article_ids=g) for n, g in enumerate(members))


def lineage_of(groups: Sequence[WireGroup]) -> dict[str, str]:
    """Return, for each article in a wire group, the group id: its source lineage."""
    return {article: g.id for g in groups for article in g.article_ids}


def count_lineages(sources: Sequence[SourceRef], lineage: Mapping[str, str]) -> int:
    """Return how many independent lineages cite a fact: a wire group counts once."""
    return len({lineage.get(s.article_id, s.article_id) for s in sources})
