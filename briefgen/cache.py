"""The per-article cache: cleaning and extraction results in one SQLite file.

An entry is keyed by the article's identity (the hash of its bytes and its sidecar's, its id
and path) under a namespace that fingerprints everything else its result depends on: the
briefgen code and resources, the spaCy model and the configured knowledge. Changing any of
them starts a new namespace, so a stale entry is never read; old namespaces are deleted.

Entries are JSON (see codec.py) compressed with zlib, with a SHA-256 checksum. An entry that
fails its checksum or does not decode is deleted and recomputed; a database file that SQLite
cannot open is moved aside and a new one started. The cache is never trusted over the corpus.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from briefgen.aggregate.memo import Entry
from briefgen.aggregate.wire import WireState
from briefgen.codec import encode, from_json, to_json
from briefgen.errors import Problem
from briefgen.model import ArticleFacts, Knowledge, RawArticle

log = logging.getLogger(__name__)
T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    namespace TEXT NOT NULL,
    key TEXT NOT NULL,
    checksum TEXT NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (namespace, key)
)
"""
CACHE_FILE = "articles.sqlite"
# Keys of stored briefings (aggregate/memo.py); article keys are bare SHA-256 hex digests.
STORY_PREFIX = "story:"
PAGES_PREFIX = "pages:"  # a briefing's rendered pages (render/pages.py)
RESOURCE_PREFIX = "resource:"  # data built from installed packages (the gazetteer)
WIRE_KEY = "wire:latest"  # the wire copies of the latest build (aggregate/wire.py)
# How long a build waits for another build (mkdocs serve beside briefgen render) to release it.
SQLITE_TIMEOUT_S = 30.0
# Analyses stored between two commits: at 10,000 articles 40 commits, a few ms each; a
# killed build loses at most this many (about 15 s of two workers' time).
COMMIT_EVERY = 256


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysed:
    """What cleaning and extraction made of one article: its facts, or why it has none."""

    facts: ArticleFacts | None
    problems: tuple[Problem, ...]


def code_fingerprint() -> str:
    """Return a hash of briefgen's own code and resources: any change invalidates the cache."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".txt", ".tsv"} and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def model_version() -> str:
    """Return the spaCy and model versions installed: a model change invalidates the cache."""
    from importlib.metadata import PackageNotFoundError, version

    from briefgen.extract import NLP_MODEL

    found = []
    for name in ("spacy", NLP_MODEL):
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}==?")
    return " ".join(found)


def namespace_for(knowledge: Knowledge, model: str) -> str:
    """Return the namespace of cache entries made by this code, model and knowledge."""
    parts = [code_fingerprint(), model, json.dumps(encode(knowledge), sort_keys=True)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def _decoded(checksum: str, value: Any, hint: type[T]) -> T:
    """Return a stored value decoded; raise ValueError, TypeError or zlib.error if damaged."""
    if not isinstance(value, bytes) or hashlib.sha256(value).hexdigest() != checksum:
        raise ValueError("checksum mismatch")
    found: T = from_json(hint, zlib.decompress(value))
    return found


def article_key(raw: RawArticle) -> str:
    """Return the cache key of an article: its content and where it stands in the corpus."""
    return hashlib.sha256(f"{raw.sha256}\0{raw.id}\0{raw.path}".encode()).hexdigest()


class ArticleCache:
    """A SQLite file of Analysed results, for one namespace. Use as a context manager."""

    def __init__(self, folder: Path, namespace: str) -> None:
        self.path = folder / CACHE_FILE
        self.namespace = namespace
        folder.mkdir(parents=True, exist_ok=True)
        self.db = self._open()
        self.hits = self.misses = self.damaged = 0
        self.unsaved = 0  # results put since the last commit
        self.entries_used: set[str] = set()
        self._prefetched: dict[str, Entry] = {}

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=SQLITE_TIMEOUT_S)
            db.execute(SCHEMA)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("SELECT count(*) FROM entries").fetchone()
        except sqlite3.DatabaseError as error:
            aside = self.path.with_name(self.path.name + ".damaged")
            log.warning("cache %s is damaged (%s); starting a new one", self.path, error)
            db.close()
            self.path.replace(aside)
            db = sqlite3.connect(self.path, timeout=SQLITE_TIMEOUT_S)
            db.execute(SCHEMA)
        db.execute("DELETE FROM entries WHERE namespace != ?", (self.namespace,))
        db.commit()
        return db

    def __enter__(self) -> ArticleCache:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.db.commit()
        except sqlite3.Error as error:
            log.warning("cache: could not save (%s); the next build analyses again", error)
        self.db.close()

    def get(self, raw: RawArticle) -> Analysed | None:
        """Return the cached result for the article, or None (also for a damaged entry)."""
        found = self._get(article_key(raw), Analysed, raw.path)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def missing(self, raws: Sequence[RawArticle]) -> list[RawArticle]:
        """Return the articles with no stored result, without reading the others' results (a
        damaged one is found only by `get`); all of them if the cache cannot be read."""
        try:
            stored = {
                key
                for (key,) in self.db.execute(
                    "SELECT key FROM entries WHERE namespace = ?", (self.namespace,)
                )
            }
        except sqlite3.Error:
            return list(raws)
        return [raw for raw in raws if article_key(raw) not in stored]

    def put(self, raw: RawArticle, result: Analysed) -> None:
        """Store the result for the article; a cache that cannot be written (locked by another
        build, disk full) costs only speed, never the build. Every COMMIT_EVERY results are
        saved for good: a build killed while it analyses (a CI time limit, Ctrl-C) leaves the
        articles analysed so far to the next build, not only to the end of this one."""
        self._put(article_key(raw), result, raw.path)
        self.unsaved += 1
        if self.unsaved >= COMMIT_EVERY:
            self.unsaved = 0
            try:
                self.db.commit()
            except sqlite3.Error as error:
                log.warning("cache: could not save (%s); the next build analyses again", error)

    def get_entry(self, key: str) -> Entry | None:
        """Return the stored briefing of a story key (aggregate/memo.py), or None."""
        self.entries_used.add(STORY_PREFIX + key)
        if (found := self._prefetched.pop(STORY_PREFIX + key, None)) is not None:
            return found
        return self._get(STORY_PREFIX + key, Entry, f"story {key}")

    def prefetch_entries(self) -> None:
        """Read and decode every stored briefing now, for the `get_entry` calls to come: a
        small incremental build does it while its model process loads the model (0.15 s at
        1,000 articles). None is marked used by this; a damaged one is left to `get_entry`."""
        try:
            rows = self.db.execute(  # as bytes: a damaged value may be text, not UTF-8
                "SELECT key, checksum, CAST(value AS BLOB) FROM entries"
                " WHERE namespace = ? AND key LIKE ?",
                (self.namespace, STORY_PREFIX + "%"),
            ).fetchall()
        except sqlite3.Error:
            return
        for key, checksum, value in rows:
            with contextlib.suppress(ValueError, TypeError, zlib.error):
                self._prefetched[key] = _decoded(checksum, value, Entry)

    def put_entry(self, key: str, entry: Entry) -> None:
        """Store a story's briefing under its key (aggregate/memo.py)."""
        self.entries_used.add(STORY_PREFIX + key)
        self._put(STORY_PREFIX + key, entry, f"story {key}")

    def get_pages(self, key: str) -> dict[str, str] | None:
        """Return the stored pages of a briefing key (render/pages.py), or None."""
        self.entries_used.add(PAGES_PREFIX + key)
        return self._get(PAGES_PREFIX + key, dict[str, str], f"pages {key}")

    def put_pages(self, key: str, pages: dict[str, str]) -> None:
        """Store a briefing's pages under its key (render/pages.py)."""
        self.entries_used.add(PAGES_PREFIX + key)
        self._put(PAGES_PREFIX + key, pages, f"pages {key}")

    def get_wire(self) -> WireState | None:
        """Return the wire copies the latest build of this namespace stored, or None."""
        return self._get(WIRE_KEY, WireState, "wire copies")

    def put_wire(self, state: WireState) -> None:
        """Store this build's wire copies, for the next build to start from."""
        self._put(WIRE_KEY, state, "wire copies")

    def get_resource(self, name: str, hint: type[T]) -> T | None:
        """Return a resource stored under its name (which says what it was built from)."""
        return self._get(RESOURCE_PREFIX + name, hint, f"resource {name}")

    def put_resource(self, name: str, value: Any) -> None:
        """Store a resource under its name."""
        self._put(RESOURCE_PREFIX + name, value, f"resource {name}")

    def drop_unused_entries(self) -> int:
        """Delete the stored briefings and pages this build neither read nor wrote (stories
        that changed or went away); return how many."""
        try:
            stored = self.db.execute(
                "SELECT key FROM entries WHERE namespace = ? AND (key LIKE ? OR key LIKE ?)",
                (self.namespace, STORY_PREFIX + "%", PAGES_PREFIX + "%"),
            ).fetchall()
            unused = [(self.namespace, k) for (k,) in stored if k not in self.entries_used]
            self.db.executemany("DELETE FROM entries WHERE namespace = ? AND key = ?", unused)
        except sqlite3.Error as error:
            log.warning("cache: could not drop old briefings (%s)", error)
            return 0
        return len(unused)

    def _get(self, key: str, hint: type[T], label: str) -> T | None:
        try:
            row = self.db.execute(
                "SELECT checksum, value FROM entries WHERE namespace = ? AND key = ?",
                (self.namespace, key),
            ).fetchone()
        except sqlite3.Error as error:
            row = ("", str(error).encode())  # unreadable: handled as a damaged entry below
        if row is None:
            return None
        checksum, value = row
        try:
            return _decoded(checksum, value, hint)
        except (ValueError, TypeError, zlib.error) as error:
            log.warning("cache entry for %s is damaged (%s); recomputing", label, error)
            self.db.execute(
                "DELETE FROM entries WHERE namespace = ? AND key = ?", (self.namespace, key)
            )
            self.damaged += 1
            return None

    def _put(self, key: str, result: Any, label: str) -> None:
        value = zlib.compress(to_json(result), 6)
        try:
            self.db.execute(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)",
                (self.namespace, key, hashlib.sha256(value).hexdigest(), value),
            )
        except sqlite3.Error as error:
            log.warning("cache: could not store %s (%s)", label, error)

    def stats(self) -> dict[str, Any]:
        return {"hits": self.hits, "misses": self.misses, "damaged": self.damaged}
