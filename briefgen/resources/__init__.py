"""General language knowledge as sorted data files, and the loader that builds `Knowledge`."""

from __future__ import annotations

import json
from importlib import resources

from briefgen.model import Country, Knowledge, Principal

# countryinfo (MIT) ships one JSON file per country: name, other spellings, demonym, capital.
COUNTRY_DATA = ("countryinfo", "data")


def read_lines(name: str) -> tuple[str, ...]:
    """Return the non-comment, non-empty lines of a packaged resource file."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of a tab-separated resource."""
    return tuple(tuple(line.split("\t")) for line in read_lines(name))


def is_code(form: str, iso: dict[str, str]) -> bool:
    """Return True for an ISO code ("GB", "GBR", "826"): not how news text names a country."""
    return form in iso.values()


def load_countries() -> tuple[Country, ...]:
    """Return every country of the packaged data plus `country_forms.tsv`, sorted by name.

    Inverted spellings ("Korea, Republic of") and ISO codes are left out.
    """
    folder = resources.files(COUNTRY_DATA[0]).joinpath(COUNTRY_DATA[1])
    extra: dict[str, list[str]] = {}
    for form, name in read_rows("country_forms.tsv"):
        extra.setdefault(name, []).append(form)
    countries = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        name, iso = data.get("name"), data.get("ISO") or {}
        if not name:
            continue
        others = [
            form
            for form in data.get("altSpellings") or []
            if "," not in form and not is_code(form, iso) and form != name
        ]
        capital = data.get("capital") or ()
        capitals = (capital,) if isinstance(capital, str) else tuple(capital)
        countries.append(
            Country(
                name=name,
                names=(name, *sorted(set(others) | set(extra.get(name, [])))),
                demonyms=(data["demonym"],) if data.get("demonym") else (),
                capitals=capitals,
            )
        )
    return tuple(sorted(countries, key=lambda c: c.name))


def load_knowledge(principals: tuple[Principal, ...]) -> Knowledge:
    """Return Knowledge: the configured principals plus the packaged language data."""
    return Knowledge(
        principals=principals,
        speech_verbs=frozenset(read_lines("speech_verbs.txt")),
        titles=tuple(sorted((row[0], row[1]) for row in read_rows("titles.tsv"))),
        ranks=frozenset(row[0].lower() for row in read_rows("titles.tsv") if row[2] == "rank"),
        boilerplate=read_lines("boilerplate.txt"),
        end_markers=read_lines("end_markers.txt"),
        speaker_nouns=frozenset(read_lines("speaker_nouns.txt")),
        dependent_openers=frozenset(read_lines("dependent_openers.txt")),
        official_words=frozenset(read_lines("official_words.txt"))
        | frozenset(row[1].lower() for row in read_rows("titles.tsv") if row[2] == "office"),
        not_official_words=frozenset(read_lines("not_official_words.txt")),
        countries=load_countries(),
        state_nouns=tuple(sorted((row[0], row[1]) for row in read_rows("state_nouns.tsv"))),
        source_words=frozenset(read_lines("source_words.txt")),
        actor_words=tuple(sorted((r[0], r[1], r[2]) for r in read_rows("actor_words.tsv"))),
        person_nouns=frozenset(read_lines("person_nouns.txt")),
        hedges=tuple(sorted((r[0], r[1], r[2]) for r in read_rows("hedges.tsv"))),
        outcomes=tuple(sorted((r[0], r[1], r[2]) for r in read_rows("outcomes.tsv"))),
        counted_nouns=frozenset(read_lines("counted_nouns.txt")),
        units=tuple(sorted((r[0], r[1], r[2]) for r in read_rows("units.tsv"))),
        date_words=tuple(sorted((r[0], r[1], int(r[2])) for r in read_rows("date_words.tsv"))),
    )
