"""Countries as actors: a capital, a demonym or a country's name standing for its state.

"Ruritania", "Strelsau" and "the Ruritanian government" are one actor, the government of
Ruritania; "Ruritanian troops" and "Ruritania's army" are another, its armed forces. The
country names, other spellings, demonyms and capitals are general knowledge (packaged data,
see `briefgen.resources.load_countries`); the nouns that name a state's parts are
`resources/state_nouns.tsv`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from briefgen.config import slugify
from briefgen.extract.names import name_tokens
from briefgen.model import ArticleFacts, Country, Knowledge

MILITARY = "military"
K = TypeVar("K")


@dataclass(frozen=True, slots=True, kw_only=True)
class CountryIndex:
    """Lookups from names to countries: build once per run with `build_country_index`."""

    names: Mapping[tuple[str, ...], str]  # name, spelling or capital tokens -> country name
    exact: Mapping[str, str]  # short capitalised forms ("UAE") matched case-sensitively
    demonyms: Mapping[tuple[str, ...], str]
    nouns: tuple[tuple[tuple[str, ...], str], ...]  # state noun tokens -> kind, longest first


def is_short_form(form: str) -> bool:
    """Return True for an acronym such as "UAE" or "U.S.", which must match exactly."""
    bare = form.replace(".", "")
    return bare.isupper() and len(bare) <= 4


def unambiguous(table: Mapping[K, set[str]]) -> dict[K, str]:
    """Return the keys that name exactly one country ("Congolese" names two: left out)."""
    return {key: next(iter(found)) for key, found in table.items() if len(found) == 1}


def build_country_index(knowledge: Knowledge, extra: Iterable[Country] = ()) -> CountryIndex:
    """Return the index of the knowledge's countries and some found in the text; a name that
    would point at two countries is left out."""
    names: dict[tuple[str, ...], set[str]] = defaultdict(set)
    exact: dict[str, set[str]] = defaultdict(set)
    demonyms: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for country in (*knowledge.countries, *extra):
        for form in (*country.names, *country.capitals):
            if is_short_form(form):
                exact[form].add(country.name)
            elif tokens := name_tokens(form):
                names[tokens].add(country.name)
        for demonym in country.demonyms:
            if tokens := name_tokens(demonym):
                demonyms[tokens].add(country.name)
    nouns = sorted(
        ((name_tokens(noun), kind) for noun, kind in knowledge.state_nouns),
        key=lambda item: (-len(item[0]), item[0]),
    )
    return CountryIndex(
        names=unambiguous(names),
        exact=unambiguous(exact),
        demonyms=unambiguous(demonyms),
        nouns=tuple(nouns),
    )


def country_of(words: tuple[str, ...], index: CountryIndex) -> str | None:
    """Return the country some name tokens or a demonym name, or None."""
    return index.names.get(words) or index.demonyms.get(words)


def state_actor(text: str, index: CountryIndex) -> tuple[str, str] | None:
    """Return (actor id, country) if a phrase names a country's government or armed forces.

    "Strelsau", "Ruritania", "the Ruritanian government" -> ("ruritania", "Ruritania");
    "Ruritanian troops", "Ruritania's army" -> ("ruritania-armed-forces", "Ruritania").
    """
    bare = text.strip()
    bare = bare[4:] if bare.lower().startswith("the ") else bare
    if bare in index.exact:
        return slugify(index.exact[bare]), index.exact[bare]
    tokens = name_tokens(text)
    if tokens in index.names:
        return slugify(index.names[tokens]), index.names[tokens]
    if "of" in tokens:  # "the government of Ruritania", "the army of Ruritania"
        at = tokens.index("of")
        owner = country_of(tokens[at + 1 :], index)
        kind = dict(index.nouns).get(tokens[:at])
        if owner is not None and kind is not None:
            return state_id(owner, kind), owner
    for noun, kind in index.nouns:
        if len(tokens) > len(noun) and tokens[-len(noun) :] == noun:
            head = tokens[: -len(noun)]
            country = country_of(head, index) or index.exact.get(
                " ".join(text.split()[: len(head)]).removesuffix("'s").removesuffix("’s")
            )
            if country is None:
                continue
            return state_id(country, kind), country
    return None


def state_id(country: str, kind: str) -> str:
    """Return the actor id of a country's government, or of its armed forces ("military")."""
    return slugify(country + (" armed forces" if kind == MILITARY else ""))


def state_ids(names: Mapping[str, Iterable[str]], index: CountryIndex) -> dict[str, str]:
    """Return a map from actor ids whose every name is a state phrase to the state's id.

    An id is moved only when all its surface names agree on one state, so an id that is
    sometimes a person's name ("Washington" the surname) stays as it is.
    """
    moved = {}
    for actor_id, forms in names.items():
        targets = {state_actor(form, index) for form in forms}
        target = targets.pop() if len(targets) == 1 else None
        if target is not None and target[0] != actor_id:
            moved[actor_id] = target[0]
    return moved


# How English derives a demonym from a place name: Kenya -> Kenyan, Sudan -> Sudanese.
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")


def regular_demonyms(place: str) -> set[str]:
    """Return the regular demonyms of a place name: Kenya -> Kenyan, Kenyian, Kenyese..."""
    stems = {place, place[:-1]} if place[-1:] in "aeiouy" else {place}
    return {stem + ending for stem in stems for ending in DEMONYM_ENDINGS}


def is_demonym_of(demonym: str, place: str) -> bool:
    """Return True if a word is a regular demonym of a place name ("Nordlandic" is not)."""
    return demonym in regular_demonyms(place)


def text_countries(facts: Sequence[ArticleFacts], index: CountryIndex) -> tuple[Country, ...]:
    """Return states the text itself reveals: a place name with its regular demonym beside it
    (GPE "Nordmark" and NORP "Nordmarkian"), unknown to the packaged data (invented or minor
    states, regions that act as states). Sorted by name."""
    places = {m.text for f in facts for m in f.mentions if m.label == "GPE" and " " not in m.text}
    peoples = {m.text for f in facts for m in f.mentions if m.label == "NORP" and " " not in m.text}
    found = []
    for place in sorted(places):
        if name_tokens(place) in index.names:
            continue
        demonyms = tuple(sorted(regular_demonyms(place) & peoples))
        if demonyms:
            found.append(Country(name=place, names=(place,), demonyms=demonyms, capitals=()))
    return tuple(found)
