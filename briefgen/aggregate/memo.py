"""Briefings of unchanged stories, reused from the previous build (issue 8: incremental).

A story's briefing is a pure function of its (canonical) articles' facts, its wire groups,
slug and title, the settings, and a few corpus-wide tables. The memo keys a briefing by a
digest of everything it was built from:

- the story's own inputs and the corpus-wide tables it reads whole (the country index, the
  states, the bare state nouns): `story_key`;
- the entries of the corpus-wide names it looked up while being built, recorded by
  `RecordingNames` with a digest of each value (or of its absence): `Entry.reads`.

A stored briefing is reused only when its key matches and every recorded read gives the same
value today. A build that read the names some other way (iterating them) is not stored. The
memo lives in the article cache's namespace, so any change of code, model or knowledge drops
it; tests/test_memo.py checks that a build from the memo is byte for byte a build without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from briefgen.aggregate.countries import CountryIndex
from briefgen.codec import digest
from briefgen.model import ArticleFacts, Briefing, WireGroup

MISSING = None  # the digest of a name that was looked up and not found


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """A stored briefing and the names it read: (actor id, digest of its names or None)."""

    reads: tuple[tuple[str, str | None], ...]
    briefing: Briefing


class Memo(Protocol):
    """Where entries are kept between builds (briefgen.cache.ArticleCache)."""

    def get_entry(self, key: str) -> Entry | None: ...

    def put_entry(self, key: str, entry: Entry) -> None: ...


class RecordingNames(Mapping[str, Counter[str]]):
    """The corpus-wide names by actor id, noting every id looked up and whether all of them
    were read (iterated), which makes the build depend on every name."""

    def __init__(self, names: Mapping[str, Counter[str]]) -> None:
        self.names = names
        self.read: dict[str, str | None] = {}
        self.read_all = False

    def __getitem__(self, key: str) -> Counter[str]:
        value = self.names.get(key)
        self.read[key] = MISSING if value is None else names_digest(value)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        self.read_all = True
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def names_digest(counts: Counter[str]) -> str:
    """Return the digest of one actor's names and their counts."""
    return digest(sorted(counts.items()))


def run_key(
    index: CountryIndex, states: Mapping[str, str], bare_kinds: Mapping[str, str], sentences: int
) -> str:
    """Return the digest of what every story of this build reads whole."""
    return digest([index, dict(states), dict(bare_kinds), sentences])


def story_key(
    run: str,
    facts: Sequence[ArticleFacts],
    wire: Sequence[WireGroup],
    slug: str,
    title: str | None,
) -> str:
    """Return the key of one story's briefing in this build."""
    return digest([run, list(facts), list(wire), slug, title])


def still_holds(entry: Entry, names: Mapping[str, Counter[str]]) -> bool:
    """Return True if every name the stored briefing read is the same today."""
    for actor_id, seen in entry.reads:
        value = names.get(actor_id)
        if (MISSING if value is None else names_digest(value)) != seen:
            return False
    return True
