"""Actors: one entry per actor across a briefing's articles, with its relations and sources.

Canonical ids come from the extract stage (principal aliases, titles stripped); here a surname
used alone joins the one full name it ends ("Kamau" -> "John Kamau") and long names
spelt two ways join ("Kenya Civil Defense" / "Kenya Civil Defence").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from briefgen.aggregate.similarity import comparable, is_name_variant
from briefgen.model import (
    Actor,
    ActorLink,
    ActorType,
    ArticleFacts,
    Cited,
    Knowledge,
    Relation,
    SourceRef,
)

# NER labels that make an actor of their own (places and demonyms only through relations).
ACTOR_LABELS = frozenset({"PERSON", "ORG"})
LABEL_TYPES: Mapping[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "government",
    "NORP": "group",
}
# An actor mentioned in fewer articles than this needs a statement or relation to be listed.
MIN_ARTICLES = 2


def collect_names(facts: Sequence[ArticleFacts]) -> dict[str, Counter[str]]:
    """Return, for each actor id, how often each surface name was used for it."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for f in facts:
        for m in f.mentions:
            names[m.actor_id][m.text] += 1
        for s in f.statements:
            names[s.speaker_id][s.speaker_name] += 1
        for r in f.relations:
            names[r.source_id][r.source_name] += 1
            names[r.target_id][r.target_name] += 1
    return names


def merge_ids(
    names: Mapping[str, Counter[str]], persons: set[str], principal_ids: set[str]
) -> dict[str, str]:
    """Return a map from each actor id to its canonical id (itself if it stands alone)."""
    merged = {i: i for i in names}
    owners: dict[str, list[str]] = defaultdict(list)
    for full in sorted(persons):
        if "-" in full:
            owners[full.rsplit("-", 1)[1]].append(full)
    for i in sorted(names):
        if "-" not in i and i not in principal_ids and len(owners.get(i, ())) == 1:
            merged[i] = owners[i][0]  # a surname alone: "Kamau" joins the one "John Kamau"
    by_weight = sorted(names, key=lambda i: (-sum(names[i].values()), i))
    rank = {i: n for n, i in enumerate(by_weight)}
    shown = {i: names[i].most_common(1)[0][0] for i in by_weight}
    # Spelling variants keep their first or their last word ("Kenya Civil Defense/Defence"):
    # only names sharing one are compared, which keeps this near-linear on large corpora.
    blocks: dict[str, list[str]] = defaultdict(list)
    for i in by_weight:
        words = comparable(shown[i]).split()
        if words:
            for key in {f"first {words[0]}", f"last {words[-1]}"}:
                blocks[key].append(i)
    for i in by_weight:
        if merged[i] != i or i in principal_ids:
            continue
        words = comparable(shown[i]).split()
        keys = {f"first {words[0]}", f"last {words[-1]}"} if words else set()
        candidates = sorted(
            {j for key in keys for j in blocks[key] if rank[j] > rank[i]}, key=rank.__getitem__
        )
        for j in candidates:
            if merged[j] == j and j not in principal_ids and is_name_variant(shown[i], shown[j]):
                merged[j] = i
    return merged


def best_name(counts: Counter[str]) -> str:
    """Return the display name: the most used surface form, then the longest, then A-Z."""
    return min(counts, key=lambda n: (-counts[n], -len(n), n))


def _links(
    relations: Sequence[Relation], actor_id: str, outgoing: bool, names: Mapping[str, str]
) -> tuple[ActorLink, ...]:
    """Return an actor's relations in one direction, evidence merged per other party."""
    grouped: dict[tuple[str, str], dict[str, list[SourceRef]]] = defaultdict(dict)
    for r in relations:
        mine, other = (r.source_id, r.target_id) if outgoing else (r.target_id, r.source_id)
        if mine == actor_id:
            grouped[(r.kind, other)].setdefault(r.evidence, []).append(r.source)
    return tuple(
        ActorLink(
            kind=kind,  # type: ignore[arg-type]
            other_id=other,
            other_name=names.get(other, other),
            evidence=tuple(
                Cited(text=t, sources=tuple(sorted(set(s)))) for t, s in sorted(evidence.items())
            ),
        )
        for (kind, other), evidence in sorted(grouped.items())
    )


def build_actors(
    facts: Sequence[ArticleFacts],
    relations: Sequence[Relation],
    knowledge: Knowledge,
    id_map: Mapping[str, str],
    roles: Mapping[str, str],
) -> tuple[Actor, ...]:
    """Return the briefing's actors: principals first, then by number of sources."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, set[SourceRef]] = defaultdict(set)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for f in facts:
        for m in f.mentions:
            cid = id_map.get(m.actor_id, m.actor_id)
            counts[cid][m.text] += 1
            sources[cid].add(m.source)
            labels[cid][m.label] += 1
    speakers = {
        id_map.get(s.speaker_id, s.speaker_id): s.speaker_name for f in facts for s in f.statements
    }
    ends = {r.source_id for r in relations} | {r.target_id for r in relations}
    principals = {p.id: p for p in knowledge.principals}
    names = {i: best_name(c) for i, c in counts.items()} | speakers
    names |= {r.source_id: r.source_name for r in relations if r.source_id not in names}
    names |= {r.target_id: r.target_name for r in relations if r.target_id not in names}
    names |= {i: p.name for i, p in principals.items()}
    keep = (
        set(principals)
        | set(speakers)
        | ends
        | {
            i
            for i, c in labels.items()
            if c.most_common(1)[0][0] in ACTOR_LABELS
            and len({s.article_id for s in sources[i]}) >= MIN_ARTICLES
        }
    )
    actors = []
    for i in keep:
        p = principals.get(i)
        label = labels[i].most_common(1)[0][0] if labels[i] else ""
        actors.append(
            Actor(
                id=i,
                name=names.get(i, i),
                type=p.type if p else LABEL_TYPES.get(label, "unknown"),
                role=(p.role if p and p.role else roles.get(i, "")),
                principal=p is not None,
                aliases=tuple(sorted(set(counts[i]) - {names.get(i, i)})),
                backed_by=_links(relations, i, outgoing=False, names=names),
                backs=_links(relations, i, outgoing=True, names=names),
                sources=tuple(sorted(sources[i])),
            )
        )
    order = {p.id: n for n, p in enumerate(knowledge.principals)}
    return tuple(
        sorted(
            actors,
            key=lambda a: (
                order.get(a.id, len(order)),
                -len({s.article_id for s in a.sources}),
                a.name,
            ),
        )
    )
