"""Locating a briefing's places in the offline gazetteer, or saying why not: never a guess.

A name is tried as written and then without the words around it ("the", "city of",
"province"): as an ISO code written in capitals ("UK"), as a country, then as a city. A city
name several cities share is decided by the briefing's own countries (a "Springfield" in the one
country the articles name), then by a clearly dominant population; otherwise it stays
unlocated, with the reason shown on the map page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from briefgen.geo.gazetteer import City, Gazetteer, fold
from briefgen.model import Place

PlaceKind = Literal["country", "city", "region"]

# A city this many times more populous than the next of its name is the one meant.
DOMINANCE = 10
# "the Caprivi Strip" -> "Caprivi Strip"; "Ruritania's" -> "Ruritania".
_LEADING_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")
_CITY = re.compile(r"^city of\s+(?P<name>.+)$|^(?P<before>.+?)\s+city$", re.I)
# Words naming a division rather than a town: "Nakuru county", "province of Ostrava".
_DIVISION_WORDS = (
    "province|region|governorate|district|county|state|department|prefecture|oblast|strip"
)
_DIVISION = re.compile(
    rf"^(?:{_DIVISION_WORDS})\s+of\s+(?P<name>.+)$|^(?P<before>.+?)\s+(?:{_DIVISION_WORDS})$",
    re.I,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class LocatedPlace:
    """A place of the briefing with the gazetteer entry it was found as."""

    place: Place
    kind: PlaceKind  # "region": a division, drawn at the city it is named after
    lat: float
    lon: float
    country_code: str
    country: str  # the country's English name
    matched: str  # the gazetteer's name for it: "Mombasa", "Ḩamāh"


@dataclass(frozen=True, slots=True, kw_only=True)
class UnlocatedPlace:
    """A place of the briefing the gazetteer does not place, and why."""

    place: Place
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceMap:
    """A briefing's places split into located (drawn) and unlocated (listed) ones."""

    located: tuple[LocatedPlace, ...]  # in the briefing's order: most mentioned first
    unlocated: tuple[UnlocatedPlace, ...]
    countries: tuple[str, ...]  # codes of the countries the articles name, sorted


@dataclass(frozen=True, slots=True, kw_only=True)
class _Found:
    """What a lookup found: a country or a city, or nothing with a reason."""

    kind: PlaceKind | None = None
    lat: float = 0.0
    lon: float = 0.0
    country_code: str = ""
    matched: str = ""
    reason: str = "not in the offline gazetteer"


def name_variants(name: str) -> tuple[tuple[str, PlaceKind | None], ...]:
    """Return the forms of a place name to look up, each with the kind it implies.

    "the Ostrava region" -> (("Ostrava region", None), ("Ostrava", "region")).
    """
    base = _LEADING_THE.sub("", " ".join(name.split()))
    bases = dict.fromkeys([base, _POSSESSIVE.sub("", base).strip()])  # "St John's" stays first
    variants: list[tuple[str, PlaceKind | None]] = [(b, None) for b in bases]
    patterns: tuple[tuple[re.Pattern[str], PlaceKind], ...] = (
        (_CITY, "city"),
        (_DIVISION, "region"),
    )
    for pattern, kind in patterns:
        for b in bases:
            if match := pattern.match(b):
                inner = match["name"] or match["before"]
                variants.append((_LEADING_THE.sub("", inner), kind))
    return tuple(dict.fromkeys(v for v in variants if fold(v[0])))


def find_country(name: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """Return the ISO codes a name can mean as a country: one, several (ambiguous) or none.

    The short forms of `country_forms` ("Britain") count only where no city has the name: a
    capital's name stands for its government in a statement, but on a map it is the city.
    """
    code = name.replace(".", "")
    if code in gazetteer.country_codes:  # "UK", "U.S.": capitals only, as written
        return (gazetteer.country_codes[code],)
    key = fold(name)
    if key in gazetteer.country_names:
        return tuple(sorted(gazetteer.country_names[key]))
    short = gazetteer.country_forms.get(key)
    return (short,) if short and not _city_named(key, gazetteer) else ()


def _city_named(key: str, gazetteer: Gazetteer) -> bool:
    return key in gazetteer.city_names or key in gazetteer.city_alt_names


def _country(code: str, gazetteer: Gazetteer) -> _Found | None:
    """Return a country as found, or None if the data has no point for it."""
    country = gazetteer.countries.get(code)
    if country is None or country.lat is None or country.lon is None:
        return None
    return _Found(
        kind="country",
        lat=country.lat,
        lon=country.lon,
        country_code=country.code,
        matched=country.name,
    )


def _dominant(cities: Sequence[City]) -> City | None:
    """Return the first city if DOMINANCE times more populous than the next, or the only one."""
    if len(cities) == 1 or (cities and cities[0].population >= DOMINANCE * cities[1].population):
        return cities[0]
    return None


def pick_city(cities: Sequence[City], context: frozenset[str]) -> City | None:
    """Return the one city a shared name means, or None when nothing decides.

    Strategies in order (lists are by population, largest first):
    1. the only city, or the only (or dominant) one in a country the briefing names, unless a
       city elsewhere dwarfs it: a Ruritanian story's "Paris" is still the French capital;
    2. a city DOMINANCE times more populous than every other of its name.
    """
    local = _dominant([c for c in cities if c.country in context])
    dwarfed = local is not None and any(
        c.population >= DOMINANCE * local.population for c in cities if c.country not in context
    )
    if local is not None and not dwarfed:
        return local
    return _dominant(cities)


def _find_city(name: str, gazetteer: Gazetteer, context: frozenset[str]) -> _Found | None:
    """Return the city a name means, an ambiguity, or None if no city has that name."""
    key = fold(name)
    cities = gazetteer.cities_named(key)
    if not cities:
        return None
    city = pick_city(cities, context)
    if city is None:
        countries = sorted({c.country for c in cities})
        return _Found(reason=f"ambiguous: {len(cities)} cities ({', '.join(countries)})")
    return _Found(
        kind="city", lat=city.lat, lon=city.lon, country_code=city.country, matched=city.name
    )


def _find(name: str, gazetteer: Gazetteer, context: frozenset[str]) -> _Found:
    """Return what the first decisive form of a name finds (see `name_variants`)."""
    for form, kind in name_variants(name):
        codes = find_country(form, gazetteer) if kind is None else ()
        if len(codes) > 1:
            return _Found(reason=f"ambiguous: countries {', '.join(codes)}")
        if codes and (country := _country(codes[0], gazetteer)):
            return country
        found = _find_city(form, gazetteer, context)
        if found is not None:
            return found if kind is None or found.kind is None else _with_kind(found, kind)
    return _Found()


def _with_kind(found: _Found, kind: PlaceKind) -> _Found:
    """Return a found city as the kind its name implied ("Ostrava region": a region)."""
    return _Found(
        kind=kind,
        lat=found.lat,
        lon=found.lon,
        country_code=found.country_code,
        matched=found.matched,
    )


def named_countries(places: Sequence[Place], gazetteer: Gazetteer) -> frozenset[str]:
    """Return the codes of the countries the places name unambiguously."""
    codes = (
        find_country(form, gazetteer)
        for p in places
        for form, kind in name_variants(p.name)
        if kind is None
    )
    return frozenset(c[0] for c in codes if len(c) == 1)


def locate_places(places: Sequence[Place], gazetteer: Gazetteer) -> PlaceMap:
    """Return the places split into located and unlocated ones, in the order given."""
    context = named_countries(places, gazetteer)
    located, unlocated = [], []
    for place in places:
        found = _find(place.name, gazetteer, context)
        if found.kind is None:
            unlocated.append(UnlocatedPlace(place=place, reason=found.reason))
            continue
        country = gazetteer.countries.get(found.country_code)
        located.append(
            LocatedPlace(
                place=place,
                kind=found.kind,
                lat=found.lat,
                lon=found.lon,
                country_code=found.country_code,
                country=country.name if country else found.country_code,
                matched=found.matched,
            )
        )
    return PlaceMap(
        located=tuple(located), unlocated=tuple(unlocated), countries=tuple(sorted(context))
    )
