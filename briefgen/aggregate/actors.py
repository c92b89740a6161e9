"""Actors: one entry per actor across a briefing's articles, with its relations and sources.

Canonical ids come from the extract stage (principal aliases, titles stripped); here a surname
used alone joins the one full name it ends ("Kamau" -> "John Kamau") and long names
spelt two ways join ("Kenya Civil Defense" / "Kenya Civil Defence").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from briefgen.aggregate.countries import (
    CountryIndex,
    build_country_index,
    country_of,
    state_actor,
)
from briefgen.aggregate.similarity import comparable, could_be_variant, name_variant_pairs
from briefgen.config import slugify
from briefgen.extract.entities import PLACE_NOUNS
from briefgen.extract.names import name_tokens
from briefgen.model import (
    Actor,
    ActorLink,
    ActorType,
    ArticleFacts,
    Cited,
    Knowledge,
    Principal,
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
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BACKER_NOUNS = frozenset({"backer", "sponsor", "supporter", "patron", "ally"})
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
        capitalised = all(n[:1].isupper() for n in names[i])  # "Kamau", not "government"
        if "-" not in i and i not in principal_ids and len(owners.get(i, ())) == 1 and capitalised:
            merged[i] = owners[i][0]  # a surname alone: "Kamau" joins the one "John Kamau"
    by_weight = sorted(names, key=lambda i: (-sum(names[i].values()), i))
    rank = {i: n for n, i in enumerate(by_weight)}
    shown = {i: names[i].most_common(1)[0][0] for i in by_weight}
    # Spelling variants keep their first or their last word ("Kenya Civil Defense/Defence"):
    # only names sharing one are compared, which keeps this near-linear on large corpora.
    # Names too short to be variants (is_name_variant) are left out of the comparison. Each
    # block of names sharing a word is compared all at once by rapidfuzz (cdist, in C): at
    # 10,000 articles the blocks hold 9 million pairs, which one by one took 13 s.
    plain = {i: comparable(shown[i]) for i in by_weight if could_be_variant(shown[i])}
    blocks: dict[str, list[str]] = defaultdict(list)
    for i, text in plain.items():
        words = text.split()
        if words:
            for key in {f"first {words[0]}", f"last {words[-1]}"}:
                blocks[key].append(i)
    variants: dict[str, set[str]] = defaultdict(set)
    for key in sorted(blocks):
        block = blocks[key]
        for x, y in name_variant_pairs([plain[member] for member in block]):
            first, then = sorted((block[x], block[y]), key=rank.__getitem__)
            variants[first].add(then)
    for i in plain:
        if merged[i] != i or i in principal_ids:
            continue
        for j in sorted(variants[i], key=rank.__getitem__):
            if merged[j] == j and j not in principal_ids:
                merged[j] = i
    return merged


def best_name(counts: Counter[str]) -> str:
    """Return the display name: the most used surface form, then the longest, then A-Z; an
    acronym ("NLF") only when no written-out name was used."""
    return min(counts, key=lambda n: (is_acronym(n), -counts[n], -len(n), n))


def is_acronym(name: str) -> bool:
    """Return True for a name written as one all-capitals word: "NLF", "U.N."."""
    bare = name.replace(".", "").replace("-", "")
    return " " not in name and bare.isupper() and len(bare) > 1


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


def has_word(phrase: str, text: str) -> bool:
    """Return True if a lower-case word or phrase occurs in a text as whole words."""
    return any_word((phrase,)).search(text.lower()) is not None


@functools.cache
def any_word(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Return the pattern of any of some lower-case words or phrases, as whole words. Its
    search finds the leftmost place where one of them stands, as the leftmost of each
    phrase's own first match would (an alternative that fails at a place lets the next one
    try there). No phrase: a pattern that never matches."""
    if not phrases:
        return re.compile(r"(?!)")
    words = "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")


@functools.cache
def _words_by(
    actor_words: tuple[tuple[str, str, str], ...], field: int
) -> dict[str, tuple[str, ...]]:
    """Return the actor words by their type (field 1) or side (field 2), "-" left out
    (grouped once per list: it is asked for every actor of every story)."""
    found: dict[str, list[str]] = defaultdict(list)
    for row in actor_words:
        if row[field] != "-":
            found[row[field]].append(row[0])
    return {key: tuple(words) for key, words in sorted(found.items())}


def word_type(texts: Sequence[str], knowledge: Knowledge) -> ActorType | None:
    """Return the type the first type word of a name or role gives ("rebel group" -> armed
    group), looking at the texts in order; None if none has one."""
    kinds = _words_by(knowledge.actor_words, 1)
    for text in texts:
        lowered = text.lower()
        hits = [
            (m.start(), kind)
            for kind, words in kinds.items()
            if (m := any_word(words).search(lowered)) is not None
        ]
        if hits:
            return cast(ActorType, min(hits)[1])
    return None


def word_side(texts: Sequence[str], knowledge: Knowledge) -> str:
    """Return the side the words of names and roles give, "" if none or if they disagree."""
    lowered = [text.lower() for text in texts]
    sides = {
        side
        for side, words in _words_by(knowledge.actor_words, 2).items()
        if any(any_word(words).search(text) for text in lowered)
    }
    return sides.pop() if len(sides) == 1 else ""


def is_source(texts: Sequence[str], knowledge: Knowledge) -> bool:
    """Return True if a name or role makes the actor a source, not a party ("war monitor")."""
    pattern = any_word(tuple(sorted(knowledge.source_words)))
    return any(pattern.search(text.lower()) for text in texts)


def role_country(role: str, index: CountryIndex) -> str | None:
    """Return the country a role says the office belongs to, or None: a demonym or country
    leading the role ("Kenyan Foreign Minister", "Kenya's army") or "of" a country
    ("President of Kenya"); not a country the office deals with ("envoy for Kenya")."""
    words = name_tokens(role)
    for size in (3, 2, 1):
        if country := country_of(words[:size], index):
            return country
    found = re.search(r"\bof\s+(?:the\s+)?(.+)$", role)
    return country_of(name_tokens(found[1]), index) if found else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """What the articles say of one actor id, gathered before it is classified."""

    names: Counter[str]
    labels: Counter[str]
    roles: Counter[str]
    sources: frozenset[SourceRef]
    place_cues: int
    mentions: int


def role_words(knowledge: Knowledge) -> frozenset[str]:
    """Return the words that make a role on their own ("spokesman", "monitor", "rebels")."""
    known = knowledge.person_nouns | knowledge.source_words | knowledge.speaker_nouns
    return known | {w for w, _, _ in knowledge.actor_words}


def is_role(role: str, known: frozenset[str]) -> bool:
    """Return True if words read before or after a name make a role: not a number, not a
    dangling preposition, and a lone word only if it is a known role word (`role_words`)."""
    words = role.lower().split()
    if not words or not any(c.isalpha() for c in role) or words[-1] in {"in", "of", "for", "at"}:
        return False
    return len(words) > 1 or words[0] in known


def gather(
    facts: Sequence[ArticleFacts], roles: Mapping[str, str], knowledge: Knowledge
) -> dict[str, Evidence]:
    """Return the evidence of every actor id of a story's facts."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    role_counts: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, set[SourceRef]] = defaultdict(set)
    cues: Counter[str] = Counter()
    known = role_words(knowledge)
    for f in facts:
        for m in f.mentions:
            names[m.actor_id][m.text] += 1
            labels[m.actor_id][m.label] += 1
            sources[m.actor_id].add(m.source)
            cues[m.actor_id] += m.place_cue
            if m.role and is_role(m.role, known):
                role_counts[m.actor_id][m.role] += 1
    for actor_id, role in roles.items():
        role_counts[actor_id][role] += 2  # a speaker's role as given beside their words
    ids = set(names) | set(role_counts)
    return {
        i: Evidence(
            names=names[i],
            labels=labels[i],
            roles=role_counts[i],
            sources=frozenset(sources[i]),
            place_cues=cues[i],
            mentions=sum(labels[i].values()),
        )
        for i in ids
    }


def is_place(evidence: Evidence) -> bool:
    """Return True if the text uses a name as a place more than as an actor, or calls it a
    place ("X, the capital of the province")."""
    if role_head(best_role(evidence.roles)) in PLACE_NOUNS | {"capital"}:
        return True
    if not evidence.mentions:
        return False
    top = evidence.labels.most_common(1)[0][0]
    return top in PLACE_LABELS or evidence.place_cues * 3 >= evidence.mentions


def best_role(counts: Counter[str]) -> str:
    """Return the role given most often, then the longest."""
    return min(counts, key=lambda r: (-counts[r], -len(r), r)) if counts else ""


def home_country(facts: Sequence[ArticleFacts], index: CountryIndex) -> str | None:
    """Return the country the story's places name most often (where it happens), or None."""
    counts: Counter[str] = Counter()
    for f in facts:
        for m in f.mentions:
            if m.label in PLACE_LABELS and (state := state_actor(m.text, index)):
                counts[state[1]] += 1
    return min(counts, key=lambda c: (-counts[c], c)) if counts else None


def classify(
    actor_id: str,
    name: str,
    evidence: Evidence,
    principal: Principal | None,
    knowledge: Knowledge,
    states: Mapping[str, str],
) -> tuple[ActorType, bool]:
    """Return an actor's type and whether it is a party (not a source)."""
    texts = [best_role(evidence.roles), name, *sorted(evidence.names)]
    party = not is_source(texts, knowledge)
    if principal is not None:
        return principal.type, True
    if actor_id in states:
        return ("military" if actor_id.endswith("-armed-forces") else "government"), True
    label = evidence.labels.most_common(1)[0][0] if evidence.labels else ""
    role = texts[0]
    if role and role_head(role) in knowledge.person_nouns:
        return "person", party
    found = word_type([role], knowledge)
    if found is None and label == "PERSON":
        return "person", party
    found = found or word_type([name], knowledge)
    if found is not None:
        return found, party and found != "media"
    return LABEL_TYPES.get(label, "unknown"), party


def role_head(role: str) -> str:
    """Return a role's head noun: its last word, or the last before "of", "for" or "to"
    ("a main backer of the rebels" -> "backer"; "envoy for the region" -> "envoy")."""
    words = re.split(r"\s+(?:of|for|to|at|in)\s+", role.lower(), maxsplit=1)[0].split()
    return words[-1].strip(".,") if words else ""


def assign_sides(
    actors: Sequence[Actor],
    relations: Sequence[Relation],
    texts: Mapping[str, Sequence[str]],
    countries: Mapping[str, str],
    home: str | None,
    knowledge: Knowledge,
    index: CountryIndex,
) -> dict[str, str]:
    """Return each actor's side as the text gives it (see the module docstring)."""
    side: dict[str, str] = {}
    for a in actors:
        country = countries.get(a.id) or role_country(a.role, index) or role_country(a.name, index)
        if not a.party:
            side[a.id] = "source"
        elif a.id in countries:  # a state: the home one governs, a foreign one takes a side
            side[a.id] = "government" if countries[a.id] == home else ""
        elif country is not None and country != home:
            side[a.id] = f"@{slugify(country)}"  # a foreign state's body: its state's side
        elif a.type in {"government", "military"}:
            side[a.id] = ""  # a state body of no known country: its relations say its side
        elif role_head(a.role) in BACKER_NOUNS:
            side[a.id] = ""  # "a main backer of the government": the relation says it
        elif a.type == "person" and country is not None:
            official = any(has_word(w, a.role.lower()) for w in knowledge.official_words)
            side[a.id] = "government" if official else ""
        else:
            side[a.id] = word_side(texts[a.id], knowledge)
    positive = [r for r in relations if r.kind != "denial"]
    for _ in range(2):  # a backer of a backer: two steps are enough for news text
        for r in positive:
            theirs = side.get(r.target_id, "")
            if side.get(r.source_id) == "" and theirs in {"government", "opposition"}:
                side[r.source_id] = f"supports {theirs}"
    states = {slugify(c): i for i, c in countries.items() if not i.endswith("-armed-forces")}
    for actor_id, value in sorted(side.items()):
        if value.startswith("@"):
            state_side = side.get(states.get(value[1:], value[1:]), "")
            side[actor_id] = "" if state_side.startswith("@") else state_side
    for _ in range(2):
        for r in positive:
            theirs = side.get(r.target_id, "")
            if side.get(r.source_id) == "" and theirs in {"government", "opposition"}:
                side[r.source_id] = f"supports {theirs}"
    return side


def build_actors(
    facts: Sequence[ArticleFacts],
    relations: Sequence[Relation],
    knowledge: Knowledge,
    roles: Mapping[str, str],
    names_of: Mapping[str, Counter[str]],
    states: Mapping[str, str],
    index: CountryIndex | None = None,
    home: str | None = None,
) -> tuple[Actor, ...]:
    """Return the briefing's actors: grouped by side, principals first, then by sources.

    `names_of` gives every surface name of each canonical id (mentions, speakers, relation
    ends); `states` the ids that are a country's government or armed forces, and the country.
    """
    index = index or build_country_index(knowledge)
    home = home or home_country(facts, index)
    evidence = gather(facts, roles, knowledge)
    speakers = {s.speaker_id: s.speaker_name for f in facts for s in f.statements}
    ends = {r.source_id for r in relations} | {r.target_id for r in relations}
    principals = {p.id: p for p in knowledge.principals}
    empty = Evidence(
        names=Counter(),
        labels=Counter(),
        roles=Counter(),
        sources=frozenset(),
        place_cues=0,
        mentions=0,
    )
    shown: dict[str, str] = {}
    for i in set(evidence) | set(speakers) | ends | set(principals):
        counts = evidence.get(i, empty).names
        shown[i] = best_name(counts) if counts else best_name(names_of.get(i, Counter({i: 1})))
    for r in relations:  # an end no mention names: as the relation calls it
        if not evidence.get(r.source_id, empty).names and not names_of.get(r.source_id):
            shown[r.source_id] = r.source_name
        if not evidence.get(r.target_id, empty).names and not names_of.get(r.target_id):
            shown[r.target_id] = r.target_name
    shown |= {
        i: n
        for i, n in speakers.items()
        if i not in principals and not evidence.get(i, empty).names
    }
    shown |= {i: p.name for i, p in principals.items()}
    present = {i for i in principals if i in evidence and evidence[i].sources}
    listed = present | set(speakers) | ends
    for i, e in evidence.items():
        label = e.labels.most_common(1)[0][0] if e.labels else ""
        articles = {s.article_id for s in e.sources}
        if label in ACTOR_LABELS and len(articles) >= MIN_ARTICLES and not is_place(e):
            listed.add(i)
    actors = []
    for i in sorted(listed):
        e = evidence.get(i, empty)
        p = principals.get(i)
        kind, party = classify(i, shown[i], e, p, knowledge, states)
        if kind == "unknown" and is_place(e) and i not in speakers and i not in ends:
            continue
        all_names = set(names_of.get(i, Counter())) | set(e.names)
        actors.append(
            Actor(
                id=i,
                name=shown[i],
                type=kind,
                role=(
                    p.role
                    if p and p.role
                    else roles.get(i, "") or ("" if i in states else best_role(e.roles))
                ),
                principal=p is not None,
                aliases=tuple(sorted(all_names - {shown[i]})),
                backed_by=_links(relations, i, outgoing=False, names=shown),
                backs=_links(relations, i, outgoing=True, names=shown),
                sources=tuple(sorted(e.sources)),
                party=party,
            )
        )
    texts = {a.id: [a.role, a.name] for a in actors}
    sides = assign_sides(actors, relations, texts, states, home, knowledge, index)
    order = {p.id: n for n, p in enumerate(knowledge.principals)}
    with_sides = [dataclasses.replace(a, side=sides.get(a.id, "")) for a in actors]
    return tuple(
        sorted(
            with_sides,
            key=lambda a: (
                side_rank(a.side),
                a.side,
                order.get(a.id, len(order)),
                -len({s.article_id for s in a.sources}),
                a.name,
            ),
        )
    )


SIDE_ORDER = ("government", "supports government", "opposition", "supports opposition")


def side_rank(side: str) -> int:
    """Return where a side's group stands on the page: the two camps, other parties, sources."""
    if side in SIDE_ORDER:
        return SIDE_ORDER.index(side)
    return len(SIDE_ORDER) + (2 if side == "source" else 1 if side == "" else 0)
