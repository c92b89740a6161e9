"""Briefings of unchanged stories, reused from the previous build (issue 8: incremental).

A story's briefing is a pure function of its (canonical) articles' facts, its wire groups,
slug and title, the settings, and a few corpus-wide tables. The memo keys a briefing by a
digest of everything it was built from:

- the story's own inputs and the corpus-wide tables it reads whole (the country index, the
  states, the bare state nouns): `story_key`;
- the entries of the corpus-wide names it looked up while being built, recorded by
  `RecordingNames` with a digest of what it used of each (the exact counts, or the names and
  the best one) or of its absence: `Entry.reads`.

A stored briefing is reused only when its key matches and every recorded read gives the same
value today. A build that read the names some other way (iterating them) is not stored. The
memo lives in the article cache's namespace, so any change of code, model or knowledge drops
it; tests/test_memo.py checks that a build from the memo is byte for byte a build without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Protocol

from briefgen.aggregate.actors import best_name
from briefgen.aggregate.countries import CountryIndex
from briefgen.aggregate.wire import WireState
from briefgen.codec import digest
from briefgen.model import ArticleFacts, Briefing, WireGroup

MISSING = None  # the digest of a name that was looked up and not found


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """A stored briefing and the names it read: (actor id, `read_digest` of its names)."""

    reads: tuple[tuple[str, str | None], ...]
    briefing: Briefing


class Memo(Protocol):
    """Where entries are kept between builds (briefgen.cache.ArticleCache), with the wire
    copies the latest build found (aggregate/wire.py: the next build starts from them)."""

    def get_entry(self, key: str) -> Entry | None: ...

    def put_entry(self, key: str, entry: Entry) -> None: ...

    def get_wire(self) -> WireState | None: ...

    def put_wire(self, state: WireState) -> None: ...


class RecordingNames(Mapping[str, Counter[str]]):
    """The corpus-wide names by actor id, noting every id looked up and whether all of them
    were read (iterated), which makes the build depend on every name.

    Two kinds of lookup: `names[key]` (and `.get`) serves readers that use only which names
    an actor has and its best name (`build_actors`), so only those are recorded: a country
    named once more by another story does not rebuild every story that lists it. `counts(key)`
    records the exact counts, for readers that use them (`MovedNames` adds them up)."""

    def __init__(self, names: Mapping[str, Counter[str]]) -> None:
        self.names = names
        self.read: dict[str, str | None] = {}
        self.read_all = False

    def __getitem__(self, key: str) -> Counter[str]:
        value = self._note(key, exact=False)
        if value is None:
            raise KeyError(key)
        return value

    def counts(self, key: str) -> Counter[str] | None:
        """Return an actor's names with their exact counts (None if unknown), noting them."""
        return self._note(key, exact=True)

    def _note(self, key: str, exact: bool) -> Counter[str] | None:
        value = self.names.get(key)
        seen = self.read.get(key)
        exact = exact or (seen is not None and seen.startswith(EXACT))
        self.read[key] = read_digest(value, exact)
        return value

    def __iter__(self) -> Iterator[str]:
        self.read_all = True
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def names_digest(counts: Counter[str]) -> str:
    """Return the digest of one actor's names and their counts."""
    return digest(sorted(counts.items()))


EXACT, OUTLINE = "=", "~"  # how a recorded read was made: exact counts, or names and best


def read_digest(counts: Counter[str] | None, exact: bool) -> str | None:
    """Return what a read recorded of one actor's names: MISSING, or a digest of the exact
    counts, or of the set of names and the best one (what build_actors uses)."""
    if counts is None:
        return MISSING
    if exact:
        return EXACT + names_digest(counts)
    return OUTLINE + digest([sorted(counts), best_name(counts)])


def run_key(
    index: CountryIndex, states: Mapping[str, str], bare_kinds: Mapping[str, str], sentences: int
) -> str:
    """Return the digest of what every story of this build reads whole."""
    # the index's tables are keyed by token tuples, which JSON cannot key: written as pairs
    tables = [
        sorted(table.items()) if isinstance(table, Mapping) else table
        for table in (getattr(index, f.name) for f in fields(index))
    ]
    return digest([tables, dict(states), dict(bare_kinds), sentences])


def story_key(
    run: str,
    facts: Sequence[ArticleFacts],
    wire: Sequence[WireGroup],
    slug: str,
    title: str | None,
    sources: Mapping[str, str] | None = None,
) -> str:
    """Return the key of one story's briefing in this build. `sources` gives, by article id,
    the hash of the file the article's facts were extracted from: its facts as extracted are
    a function of that file (the memo shares the article cache's namespace: same code, model
    and knowledge), so an article is keyed by its file and its canonical actor ids instead of
    by all of its facts, which would cost encoding every article on every build."""
    known = sources or {}
    articles = [source_key(f, known[f.article.id]) if f.article.id in known else f for f in facts]
    return digest([run, articles, list(wire), slug, title])


def source_key(facts: ArticleFacts, sha256: str) -> list[object]:
    """Return what a story's key holds of an article given its source file's hash: that hash,
    the article's id and path, and the actor ids that canonicalization assigned, which are all
    that canonical facts add to the facts as extracted."""
    return [
        sha256,
        facts.article.id,
        facts.article.path,
        [m.actor_id for m in facts.mentions],
        [s.speaker_id for s in facts.statements],
        [(r.source_id, r.target_id) for r in facts.relations],
    ]


def still_holds(entry: Entry, names: Mapping[str, Counter[str]]) -> bool:
    """Return True if every name the stored briefing read is the same today."""
    for actor_id, seen in entry.reads:
        exact = seen is not None and seen.startswith(EXACT)
        if read_digest(names.get(actor_id), exact) != seen:
            return False
    return True
