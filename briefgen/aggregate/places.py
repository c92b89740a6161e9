"""Places: what the articles name as countries, cities, regions and sites, counted and cited."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from briefgen.model import ArticleFacts, Place, SourceRef

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def collect_places(facts: Sequence[ArticleFacts]) -> tuple[Place, ...]:
    """Return the places the articles mention, most mentioned first, each with its sources.

    Mentions join on their canonical actor id, so "Kenya" and "Kenya's" are one place; the
    name shown is the form used most often.
    """
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, set[SourceRef]] = defaultdict(set)
    for f in facts:
        for m in f.mentions:
            if m.label in PLACE_LABELS:
                forms[m.actor_id][m.text] += 1
                labels[m.actor_id][m.label] += 1
                sources[m.actor_id].add(m.source)
    places = [
        Place(
            name=min(forms[i], key=lambda n: (-forms[i][n], -len(n), n)),
            label=min(labels[i], key=lambda n: (-labels[i][n], n)),
            mentions=sum(forms[i].values()),
            sources=tuple(sorted(sources[i])),
        )
        for i in forms
    ]
    return tuple(sorted(places, key=lambda p: (-p.mentions, p.name)))
