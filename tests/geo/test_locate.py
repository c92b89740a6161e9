"""Locating places in the packaged gazetteer: stories of other worlds, ambiguity, no guesses."""

from __future__ import annotations

import pytest

from briefgen.geo import PlaceMap, load_gazetteer, locate_places, make_gazetteer
from briefgen.geo.gazetteer import City, fold
from briefgen.geo.locate import name_variants, pick_city
from briefgen.model import Place, SourceRef


def places(*names: str) -> tuple[Place, ...]:
    """Places as aggregate hands them over: most mentioned first."""
    return tuple(
        Place(
            name=name,
            label="GPE",
            mentions=len(names) - n,
            sources=(SourceRef(article_id="a", paragraph=n),),
        )
        for n, name in enumerate(names)
    )


def locate(*names: str) -> PlaceMap:
    return locate_places(places(*names), load_gazetteer())


def found(place_map: PlaceMap) -> dict[str, tuple[str, str, str]]:
    """{name: (kind, country code, gazetteer name)} of the located places."""
    return {p.place.name: (p.kind, p.country_code, p.matched) for p in place_map.located}


def why(place_map: PlaceMap) -> dict[str, str]:
    return {u.place.name: u.reason for u in place_map.unlocated}


def test_locate_places_story_of_a_kenyan_port() -> None:
    result = locate("Mombasa", "Nairobi", "Kenya", "Rift Valley", "Port Avalon", "Kenya's")
    assert found(result) == {
        "Mombasa": ("city", "KE", "Mombasa"),
        "Nairobi": ("city", "KE", "Nairobi"),
        "Kenya": ("country", "KE", "Kenya"),
        "Kenya's": ("country", "KE", "Kenya"),
    }
    # A former province (no point in the data) and an invented town: listed, not guessed.
    assert why(result) == {
        "Rift Valley": "not in the offline gazetteer",
        "Port Avalon": "not in the offline gazetteer",
    }
    assert result.countries == ("KE",)
    nairobi = next(p for p in result.located if p.place.name == "Nairobi")
    assert (round(nairobi.lat), round(nairobi.lon), nairobi.country) == (-1, 37, "Kenya")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # Tripoli: Libya's capital and a Lebanese port; the briefing's country decides.
        (("Tripoli",), None),
        (("Tripoli", "Libya"), "LY"),
        (("Tripoli", "Lebanon"), "LB"),
        # Eight Springfields of 15,000+ people in one country: context cannot decide.
        (("Springfield", "United States"), None),
        # One Paris dwarfs every other: a story set in the United States keeps it in France.
        (("Paris",), "FR"),
        (("Paris", "United States"), "FR"),
    ],
)
def test_locate_places_shared_city_names(names: tuple[str, ...], expected: str | None) -> None:
    result = locate(*names)
    if expected is None:
        assert why(result)[names[0]].startswith("ambiguous: "), result
    else:
        assert found(result)[names[0]][:2] == ("city", expected)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("UK", ("country", "GB", "United Kingdom")),
        ("U.S.", ("country", "US", "United States")),
        ("the United States", ("country", "US", "United States")),
        ("Britain", ("country", "GB", "United Kingdom")),  # resources/country_forms.tsv
        ("Washington", ("city", "US", "Washington")),  # on a map the capital is a city
        ("Nakuru County", ("region", "KE", "Nakuru")),  # drawn at the town it is named after
        ("the city of Mombasa", ("city", "KE", "Mombasa")),
        ("Mexico City", ("city", "MX", "Mexico City")),  # the whole name first
        ("Tromsø", ("city", "NO", "Tromsø")),
        ("TROMSO", ("city", "NO", "Tromsø")),  # accents and case folded
    ],
)
def test_locate_places_name_forms(name: str, expected: tuple[str, str, str]) -> None:
    assert found(locate(name)) == {name: expected}


@pytest.mark.parametrize(
    "name", ["Harbour Workers Federation", "Port Avalon", "us", "Atlantis Bay", "", "   "]
)
def test_locate_places_leaves_non_places_unlocated(name: str) -> None:
    result = locate(name)
    assert not result.located
    assert [u.place.name for u in result.unlocated] == [name]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kisumu", (("Kisumu", None),)),
        ("the Ostrava region", (("Ostrava region", None), ("Ostrava", "region"))),
        ("province of Ostrava", (("province of Ostrava", None), ("Ostrava", "region"))),
        ("Kansas City", (("Kansas City", None), ("Kansas", "city"))),
        ("Ruritania's", (("Ruritania's", None), ("Ruritania", None))),
        ("", ()),
    ],
)
def test_name_variants(name: str, expected: tuple[tuple[str, str | None], ...]) -> None:
    assert name_variants(name) == expected


def city(country: str, population: int) -> City:
    return City(name="Avalon", country=country, lat=0.0, lon=0.0, population=population)


@pytest.mark.parametrize(
    ("cities", "context", "expected"),
    [
        ([city("AA", 500)], frozenset(), 0),  # the only one
        ([city("AA", 5000), city("BB", 500)], frozenset(), 0),  # 10 times the next
        ([city("AA", 4999), city("BB", 500)], frozenset(), None),  # not quite
        ([city("AA", 900), city("BB", 800)], frozenset({"BB"}), 1),  # the briefing's country
        ([city("AA", 7000), city("BB", 800)], frozenset({"BB"}), 1),  # not dwarfed: 8.75x
        ([city("AA", 7000), city("BB", 800)], frozenset({"CC"}), None),
        ([city("AA", 90000), city("BB", 800)], frozenset({"BB"}), 0),  # dwarfed: 112x
        ([city("BB", 900), city("BB", 800)], frozenset({"BB"}), None),  # two in context
    ],
)
def test_pick_city(cities: list[City], context: frozenset[str], expected: int | None) -> None:
    picked = pick_city(cities, context)
    assert picked is (None if expected is None else cities[expected])


def test_make_gazetteer_matches_codes_only_as_written() -> None:
    gazetteer = make_gazetteer(
        {"RU": "Ruritania"},
        [
            {
                "name": "Ruritania",
                "ISO": {"alpha2": "RU"},
                "altSpellings": ["RU", "RUR", "Kingdom of Ruritania"],
                "latlng": [48, 15],
            }
        ],
        [],
        [("Rurit", "Ruritania")],
    )
    result = locate_places(places("RUR", "rur", "Kingdom of Ruritania", "Rurit"), gazetteer)
    assert [p.place.name for p in result.located] == ["RUR", "Kingdom of Ruritania", "Rurit"]
    assert [u.place.name for u in result.unlocated] == ["rur"]
    assert {(p.lat, p.lon) for p in result.located} == {(48.0, 15.0)}


def test_fold() -> None:
    assert fold("Ḩamāh") == "hamah"
    assert fold(" Port-au-Prince ") == "port au prince"
    assert fold("St. John's") == "st john s"


def test_cities_are_held_once_and_named_most_populous_first() -> None:
    def record(name: str, code: str, people: int, *others: str) -> dict[str, object]:
        return {
            "name": name,
            "countrycode": code,
            "latitude": "1.0",
            "longitude": str(people / 1000),
            "population": people,
            "alternatenames": list(others),
        }

    gazetteer = make_gazetteer(
        {},
        [],
        [
            record("Port Amara", "AA", 20_000, "Amara", "PA"),  # "PA": a code, not a name
            record("Amara", "BB", 90_000),
            record("Nova Amara", "AA", 50_000, "Amara", "Port Amara"),
        ],
    )
    assert [c.name for c in gazetteer.cities] == ["Amara", "Nova Amara", "Port Amara"]
    # a main name first; other names only when no city has it as its main name
    assert [c.name for c in gazetteer.cities_named("amara")] == ["Amara"]
    assert [c.name for c in gazetteer.cities_named("port amara")] == ["Port Amara"]
    assert gazetteer.city_alt_names["amara"] == (1, 2)  # by population
    assert gazetteer.cities_named("pa") == ()
    assert gazetteer.cities_named("atlantis") == ()
