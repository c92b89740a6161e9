"""Places: what the articles name as countries, cities, regions and sites, counted and cited."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from briefgen.config import slugify
from briefgen.model import ArticleFacts, Place, SourceRef

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def collect_places(facts: Sequence[ArticleFacts]) -> tuple[Place, ...]:
    """Return the places the articles mention, most mentioned first, each with its sources.

    Mentions join on their surface form, not their actor id: a capital stands for its
    government as an actor, but is a city on a map.
    """
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, set[SourceRef]] = defaultdict(set)
    for f in facts:
        for m in f.mentions:
            if m.label in PLACE_LABELS:
                key = slugify(m.text)
                forms[key][m.text] += 1
                labels[key][m.label] += 1
                sources[key].add(m.source)
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
