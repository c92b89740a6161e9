"""Briefings reused from the previous build (aggregate/memo.py) must be exactly the briefings
a build from nothing makes: same corpus, same pages, byte for byte."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPORA, analysed_corpus, settings_for

from briefgen.aggregate import build_briefings
from briefgen.aggregate.memo import Entry, RecordingNames, still_holds, story_key
from briefgen.aggregate.wire import WireState
from briefgen.cache import PAGES_PREFIX, STORY_PREFIX
from briefgen.model import ArticleFacts, Settings
from briefgen.pipeline import generate_site

CONFLICT = CORPORA / "conflict"


class DictMemo:
    """An in-memory memo that counts reuse."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.found = 0
        self.wire: WireState | None = None

    def get_entry(self, key: str) -> Entry | None:
        entry = self.entries.get(key)
        self.found += entry is not None
        return entry

    def put_entry(self, key: str, entry: Entry) -> None:
        self.entries[key] = entry

    def get_wire(self) -> WireState | None:
        return self.wire

    def put_wire(self, state: WireState) -> None:
        self.wire = state


@pytest.fixture(scope="module")
def conflict_facts(nlp: Any) -> tuple[Settings, list[ArticleFacts]]:
    return analysed_corpus(CONFLICT, nlp)


def test_a_build_from_the_memo_equals_a_build_from_nothing(
    conflict_facts: tuple[Settings, list[ArticleFacts]],
) -> None:
    settings, facts = conflict_facts
    sources = {f.article.id: f"sha-{f.article.id}" for f in facts}
    memo = DictMemo()
    # first build without the last war article; then the whole corpus
    before = build_briefings(
        [f for f in facts if f.article.id != "004_kalindi-equator"], settings, memo, sources
    )
    assert len(memo.entries) == len(before) >= 2
    assert memo.wire is not None
    assert len(memo.wire.articles) == len(facts) - 1
    after = build_briefings(facts, settings, memo, sources)
    assert after == build_briefings(facts, settings)
    assert memo.wire is not None
    assert len(memo.wire.articles) == len(facts)
    assert memo.found >= 1  # the ferry story, unchanged, was looked up and reused
    assert any(b in before for b in after)
    assert not all(b in before for b in after)  # the war story was rebuilt
    # and again with nothing changed: every briefing comes from the memo
    memo.found = 0
    again = build_briefings(facts, settings, memo, sources)
    assert again == after
    assert memo.found == len(after)
    # an article whose text changed but not its names, slug or wire groups: its story is
    # built again all the same
    herald = next(f for f in facts if f.article.id == "000_kalindi-herald")
    text = herald.article.paragraphs
    article = replace(herald.article, paragraphs=(*text[:-1], text[-1] + " (Corrected.)"))
    edited = [replace(f, article=article) if f is herald else f for f in facts]
    fresh = build_briefings(edited, settings)
    assert fresh != after
    assert build_briefings(edited, settings, memo) == fresh


def test_articles_are_keyed_by_their_files_and_canonical_ids(
    conflict_facts: tuple[Settings, list[ArticleFacts]],
) -> None:
    settings, facts = conflict_facts
    sources = {f.article.id: f"sha-{f.article.id}" for f in facts}
    memo = DictMemo()
    first = build_briefings(facts, settings, memo, sources)
    assert first == build_briefings(facts, settings)
    memo.found = 0
    assert build_briefings(facts, settings, memo, sources) == first
    assert memo.found == len(first)
    # a file that changed is a new key for its story only
    memo.found = 0
    assert build_briefings(facts, settings, memo, {**sources, facts[0].article.id: "x"}) == first
    assert memo.found == len(first) - 1
    # the key holds the ids canonicalization gave: the same file with another id is another key
    story = [f for f in facts if f.mentions][:2]
    mention = story[0].mentions[0]
    renamed = replace(story[0], mentions=(replace(mention, actor_id="someone-else"),))
    key = story_key("run", story, [], "slug", None, sources)
    assert key == story_key("run", list(story), [], "slug", None, dict(sources))
    assert key != story_key("run", [renamed, story[1]], [], "slug", None, sources)
    assert key != story_key("run", story, [], "slug", None, {})  # unknown files: whole facts


def test_a_briefing_is_not_reused_when_a_name_it_read_changed() -> None:
    names = {
        "ines-caro": Counter({"Ines Caro": 2, "Caro": 1}),
        "harbour-board": Counter({"the board": 1}),
        "port-guild": Counter({"Port Guild": 4, "the guild": 1}),
    }
    recording = RecordingNames(names)
    assert recording.get("ines-caro") == Counter({"Ines Caro": 2, "Caro": 1})
    assert recording.get("nobody") is None
    assert recording.counts("port-guild") == Counter({"Port Guild": 4, "the guild": 1})
    entry = Entry(reads=tuple(sorted(recording.read.items())), briefing=None)  # type: ignore[arg-type]
    assert not recording.read_all
    assert still_holds(entry, names)
    assert still_holds(entry, {**names, "harbour-board": Counter({"Harbour Board": 3})})
    # a name looked up: its names and best name count, not how often each was used
    assert still_holds(entry, {**names, "ines-caro": Counter({"Ines Caro": 5, "Caro": 2})})
    assert not still_holds(entry, {**names, "ines-caro": Counter({"Ines Caro": 1, "Caro": 4})})
    assert not still_holds(entry, {**names, "ines-caro": Counter({"Ines Caro": 2})})
    assert not still_holds(entry, {**names, "nobody": Counter({"Nobody": 1})})
    # counts read exactly: any change of a count
    assert not still_holds(
        entry, {**names, "port-guild": Counter({"Port Guild": 5, "the guild": 1})}
    )
    recording.get("port-guild")  # a later plain lookup does not loosen an exact one
    again = Entry(reads=tuple(sorted(recording.read.items())), briefing=None)  # type: ignore[arg-type]
    assert not still_holds(
        again, {**names, "port-guild": Counter({"Port Guild": 5, "the guild": 1})}
    )
    list(recording)
    assert recording.read_all  # iterated: the build read every name, so it is not stored


def test_cached_build_stores_briefings_and_gives_the_same_pages(tmp_path: Path, nlp: Any) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(CONFLICT / "seeds", corpus)
    held = corpus / "004_kalindi-equator.txt"
    aside = tmp_path / held.name
    held.replace(aside)
    settings = replace(
        settings_for(CONFLICT / "mkdocs.yml"),
        corpus_dir=str(corpus),
        cache_dir=str(tmp_path / "cache"),
    )
    generate_site(settings, nlp)
    aside.replace(held)
    cached = generate_site(settings, nlp)
    plain = generate_site(replace(settings, cache_dir=None), nlp)
    assert sorted(cached.files) == sorted(plain.files)
    for uri, page in plain.files.items():
        # what changed, and the list of briefings with its change counts, differ by design
        if not uri.endswith("/changes.md") and uri != "briefings/index.md":
            assert cached.files[uri] == page, uri
    db = sqlite3.connect(tmp_path / "cache" / "articles.sqlite")
    briefings = len([u for u in plain.files if u.endswith("/actors.md")])
    for prefix in (STORY_PREFIX, PAGES_PREFIX):  # the first build's war story was dropped
        stored = db.execute("SELECT count(*) FROM entries WHERE key LIKE ?", (prefix + "%",))
        assert stored.fetchone()[0] == briefings, prefix

    # pages come from the memo only for the same templates
    templates = tmp_path / "templates"
    shutil.copytree(settings.templates_dir, templates)
    statements = templates / "statements.md.j2"
    statements.write_text(
        statements.read_text(encoding="utf-8").replace("# Official statements", "# Who said what"),
        encoding="utf-8",
    )
    edited = generate_site(replace(settings, templates_dir=str(templates)), nlp)
    pages = [u for u in edited.files if u.endswith("/statements.md")]
    assert pages
    for uri in pages:
        assert "# Who said what" in edited.files[uri]
