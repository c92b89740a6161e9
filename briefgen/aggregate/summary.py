"""The situation summary: sentences that many independent sources carry, without repeats.

Sentences are clustered across articles (an outlet's light edit of another's is one sentence),
ranked by independent lineages (a wire group counts once) and by how early they stand in their
articles, picked greedily while skipping near-repeats, then put back in reading order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefgen.aggregate.similarity import comparable, is_same_sentence
from briefgen.aggregate.wire import count_lineages
from briefgen.model import ArticleFacts, Cited, Sentence

MIN_WORDS = 8
MAX_WORDS = 55
# A candidate this close (token set ratio) to a chosen sentence repeats it.
REPEAT_RATIO = 65.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """A cluster of one sentence as several articles give it."""

    key: str
    variants: tuple[Sentence, ...]


def is_standalone(sentence: Sentence, openers: frozenset[str]) -> bool:
    """Return True if a sentence can stand alone: not a quote, not leaning on the last one."""
    words = sentence.text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or sentence.text[:1] in "“\"'‘(":
        return False
    return words[0].lower().strip(",") not in openers and sentence.text[-1:] in '.!?”"'


def cluster_sentences(sentences: Sequence[Sentence]) -> list[Candidate]:
    """Return sentences grouped with their light edits from other articles."""
    groups: list[tuple[str, list[Sentence]]] = []
    for s in sentences:
        key = comparable(s.text)
        home = next((g for g in groups if is_same_sentence(key, g[0])), None)
        if home is None:
            groups.append((key, [s]))
        else:
            home[1].append(s)
    return [Candidate(key=k, variants=tuple(v)) for k, v in groups]


def score(candidate: Candidate, lineage: Mapping[str, str]) -> float:
    """Return a candidate's rank: independent lineages, plus a bonus for standing early."""
    sources = [v.source for v in candidate.variants]
    earliest = min(s.paragraph for s in sources)
    return count_lineages(sources, lineage) + 1.0 / (1 + earliest)


def rank_sentences(
    facts: Sequence[ArticleFacts],
    lineage: Mapping[str, str],
    count: int,
    openers: frozenset[str],
) -> tuple[Cited, ...]:
    """Return the summary: `count` sentences, each citing every article that carries it."""
    sentences = [s for f in facts for s in f.sentences if is_standalone(s, openers)]
    ranked = sorted(
        cluster_sentences(sentences),
        key=lambda c: (-score(c, lineage), c.variants[0].source, c.key),
    )
    chosen: list[Candidate] = []
    for candidate in ranked:
        if len(chosen) == count:
            break
        if all(fuzz.token_set_ratio(candidate.key, c.key) < REPEAT_RATIO for c in chosen):
            chosen.append(candidate)
    chosen.sort(key=lambda c: (min(v.source.paragraph for v in c.variants), c.variants[0].source))
    return tuple(
        Cited(
            text=max(c.variants, key=lambda v: (len(v.text), v.source)).text,
            sources=tuple(sorted({v.source for v in c.variants})),
        )
        for c in chosen
    )
