"""Aggregate: all articles' facts in, briefings out (one per story), sorted and cited."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from briefgen.aggregate.actors import (
    best_name,
    build_actors,
    collect_names,
    home_country,
    merge_ids,
)
from briefgen.aggregate.claims import merge_claims
from briefgen.aggregate.countries import (
    CountryIndex,
    build_country_index,
    state_actor,
    state_id,
    state_ids,
    text_countries,
)
from briefgen.aggregate.memo import (
    Entry,
    Memo,
    RecordingNames,
    run_key,
    still_holds,
    story_key,
)
from briefgen.aggregate.places import collect_places
from briefgen.aggregate.statements import merge_statements
from briefgen.aggregate.stories import group_stories
from briefgen.aggregate.summary import rank_sentences
from briefgen.aggregate.timeline import build_timeline
from briefgen.aggregate.wire import lineage_of, wire_copies
from briefgen.config import slugify
from briefgen.extract.names import name_tokens
from briefgen.model import (
    ArticleFacts,
    Briefing,
    Knowledge,
    Mention,
    Relation,
    Settings,
    SourceArticle,
    Statement,
    WireGroup,
)

__all__ = [
    "BuiltStory",
    "StoryBuilder",
    "StoryJob",
    "StoryTables",
    "build_briefings",
    "build_stories",
    "build_story",
]


def canonicalize(facts: ArticleFacts, id_map: Mapping[str, str]) -> ArticleFacts:
    """Return facts whose actor ids are the corpus-wide canonical ones. Records whose ids do
    not change are reused, not copied: at 10,000 articles the copies held hundreds of MB."""
    if not id_map:
        return facts

    def mention(m: Mention) -> Mention:
        new = id_map.get(m.actor_id, m.actor_id)
        return m if new == m.actor_id else dataclasses.replace(m, actor_id=new)

    def statement(s: Statement) -> Statement:
        new = id_map.get(s.speaker_id, s.speaker_id)
        return s if new == s.speaker_id else dataclasses.replace(s, speaker_id=new)

    def relation(r: Relation) -> Relation:
        source = id_map.get(r.source_id, r.source_id)
        target = id_map.get(r.target_id, r.target_id)
        if source == r.source_id and target == r.target_id:
            return r
        return dataclasses.replace(r, source_id=source, target_id=target)

    mentions = tuple(mention(m) for m in facts.mentions)
    statements = tuple(statement(s) for s in facts.statements)
    relations = tuple(relation(r) for r in facts.relations)
    if (
        all(a is b for a, b in zip(mentions, facts.mentions, strict=True))
        and all(a is b for a, b in zip(statements, facts.statements, strict=True))
        and all(a is b for a, b in zip(relations, facts.relations, strict=True))
    ):
        return facts
    return dataclasses.replace(facts, mentions=mentions, statements=statements, relations=relations)


class MovedNames(Mapping[str, Counter[str]]):
    """Names by id with some ids' names moved to other ids (`moves`: old -> new, in order),
    without copying the corpus' names for each story: an overlay of the changed entries."""

    def __init__(self, base: Mapping[str, Counter[str]], moves: Mapping[str, str]) -> None:
        self.base = base
        self.overlay: dict[str, Counter[str]] = {}
        self.removed: set[str] = set()
        for old_id, new_id in moves.items():  # names[new] = names.get(new) + names.pop(old)
            before = self._counts(new_id) or Counter()
            moved = self._counts(old_id)
            if moved is None:
                raise KeyError(old_id)
            self.overlay.pop(old_id, None)
            self.removed.add(old_id)
            self.removed.discard(new_id)
            self.overlay[new_id] = before + moved

    def _counts(self, key: str) -> Counter[str] | None:
        """Return the exact counts of a key, which the moves add up (a recording base notes
        that they were read exactly)."""
        if key in self.overlay:
            return self.overlay[key]
        if key in self.removed:
            return None
        if isinstance(self.base, RecordingNames):
            return self.base.counts(key)
        return self.base.get(key)

    def __getitem__(self, key: str) -> Counter[str]:
        if key in self.overlay:
            return self.overlay[key]
        value = None if key in self.removed else self.base.get(key)
        if value is None:  # .get: a defaultdict base must not grow by being read
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        yield from self.overlay
        yield from (k for k in self.base if k not in self.overlay and k not in self.removed)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def bare_state_kinds(names_of: Mapping[str, Counter[str]], knowledge: Knowledge) -> dict[str, str]:
    """Return id -> state kind ("government", "armed forces") for the actors named only by a
    bare state noun ("the government", "Army"). Computed once for the corpus."""
    kinds = dict(knowledge.state_nouns)
    found_kinds = {}
    for actor_id, counts in sorted(names_of.items()):
        found = {kinds.get(" ".join(name_tokens(name))) for name in counts}
        if len(found) == 1 and (kind := found.pop()) is not None:
            found_kinds[actor_id] = kind
    return found_kinds


def bare_state_ids(bare_kinds: Mapping[str, str], home: str) -> dict[str, str]:
    """Return id -> the home state's id for actors named only by a bare state noun (see
    bare_state_kinds): in a story about one country, its government and army."""
    moved = {}
    for actor_id, kind in sorted(bare_kinds.items()):
        target = state_id(home, kind)
        if target != actor_id:
            moved[actor_id] = target
    return moved


def defined_aliases(facts: Sequence[ArticleFacts]) -> list[tuple[str, str]]:
    """Return (alias id, id of the name it was defined as) pairs: "(NLF)", "also known as"."""
    return sorted({(m.actor_id, m.alias_of) for f in facts for m in f.mentions if m.alias_of})


def join_aliases(
    names: Mapping[str, Counter[str]],
    states: Mapping[str, str],
    aliases: Sequence[tuple[str, str]],
    principal_ids: set[str],
) -> dict[str, str]:
    """Return id -> canonical id for ids joined by state names or defined aliases.

    Joined ids form groups (union-find); a group's id is its principal, else its state, else
    its most named id. Two principals are never joined.
    """
    parent: dict[str, str] = {}

    def root(i: str) -> str:
        while parent.get(i, i) != i:
            i = parent[i]
        return i

    def weight(i: str) -> tuple[int, int, int, str]:
        named = sum(names.get(i, Counter()).values())
        return (i in principal_ids, i in states.values(), named, i)

    for a, b in sorted(states.items()) + list(aliases):
        ra, rb = root(a), root(b)
        if ra == rb or (ra in principal_ids and rb in principal_ids):
            continue
        keep, drop = (ra, rb) if weight(ra) >= weight(rb) else (rb, ra)
        parent[drop] = keep
    return {i: root(i) for i in parent if root(i) != i}


def follow(moved: Mapping[str, str], actor_id: str) -> str:
    """Return where an id ends up after following `moved` (cycles stop where they close)."""
    seen = {actor_id}
    while actor_id in moved and moved[actor_id] not in seen:
        actor_id = moved[actor_id]
        seen.add(actor_id)
    return actor_id


def speaker_roles(facts: Sequence[ArticleFacts]) -> dict[str, str]:
    """Return each speaker's role as the text gives it most often."""
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for f in facts:
        for s in f.statements:
            if s.role:
                roles[s.speaker_id][s.role] += 1
    return {i: min(c, key=lambda r: (-c[r], -len(r), r)) for i, c in roles.items()}


def briefing_slug(facts: Sequence[ArticleFacts], taken: set[str], title: str | None = None) -> str:
    """Return a URL slug from the story's first date and its configured title or else its
    most mentioned name."""
    dates = sorted(f.article.meta.published[:10] for f in facts if f.article.meta.published)
    names = Counter(
        m.text for f in facts for m in f.mentions if m.label in {"GPE", "ORG", "PERSON"}
    )
    top = title or (
        min(names, key=lambda n: (-names[n], n)) if names else facts[0].article.meta.title
    )
    base = f"{dates[0] if dates else 'undated'}-{slugify(top)}"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def build_briefing(
    facts: Sequence[ArticleFacts],
    wire: Sequence[WireGroup],
    settings: Settings,
    slug: str,
    title: str | None = None,
    names_of: Mapping[str, Counter[str]] | None = None,
    states: Mapping[str, str] | None = None,
    index: CountryIndex | None = None,
    bare_kinds: Mapping[str, str] | None = None,
) -> Briefing:
    """Return the briefing of one story's articles. The corpus-wide arguments (`names_of`,
    `states`, `index`, `bare_kinds`) are computed from these facts when not given."""
    knowledge = settings.knowledge
    index = index or build_country_index(knowledge)
    home = home_country(facts, index)
    names_of = names_of or {}
    if bare_kinds is None:
        bare_kinds = bare_state_kinds(names_of, knowledge)
    bare = bare_state_ids(bare_kinds, home) if home else {}
    if bare:  # "the government", "the army": the state of the country the story happens in
        facts = [canonicalize(f, bare) for f in facts]
        names_of = MovedNames(names_of, bare)
        states = {**(states or {}), **{new_id: str(home) for new_id in bare.values()}}
    lineage = lineage_of(wire)
    roles = speaker_roles(facts)
    relations = [r for f in facts for r in f.relations]
    summary = rank_sentences(
        facts, lineage, settings.summary_sentences, knowledge.dependent_openers
    )
    by_date = sorted(facts, key=lambda f: (f.article.meta.published or "9999", f.article.id))
    titled = [f for f in by_date if not f.article.meta.title_generated] or by_date
    dates = sorted(f.article.meta.published[:10] for f in facts if f.article.meta.published)
    return Briefing(
        slug=slug,
        title=title or titled[0].article.meta.title,
        period=(dates[0], dates[-1]) if dates else None,
        lead=summary[0].text if summary else "",
        summary=summary,
        actors=build_actors(
            facts, relations, knowledge, roles, names_of, states or {}, index, home
        ),
        statements=merge_statements(
            [s for f in facts for s in f.statements],
            lineage,
            knowledge,
            roles,
            frozenset(m.actor_id for f in facts for m in f.mentions if m.label == "GPE"),
        ),
        articles=tuple(
            SourceArticle(
                id=f.article.id,
                path=f.article.path,
                meta=f.article.meta,
                wire_group=lineage.get(f.article.id),
                paragraphs=f.article.paragraphs,
            )
            for f in by_date
        ),
        wire_groups=tuple(wire),
        places=collect_places(facts),
        claims=merge_claims(facts, lineage),
        timeline=build_timeline(facts, lineage),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryJob:
    """One story to build: its articles' canonical facts, its wire groups, slug and title."""

    facts: tuple[ArticleFacts, ...]
    wire: tuple[WireGroup, ...]
    slug: str
    title: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryTables:
    """What every story of a build reads besides its own articles: the settings and the
    corpus-wide tables, computed once; `record`: note the names each story reads (memo)."""

    settings: Settings
    names_of: dict[str, Counter[str]]
    states: dict[str, str]
    index: CountryIndex
    bare_kinds: dict[str, str]
    record: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class BuiltStory:
    """A story's briefing and the names it read (memo.Entry.reads); reads is None when they
    were not recorded, or when the build read all names, which no stored entry can check."""

    briefing: Briefing
    reads: tuple[tuple[str, str | None], ...] | None


def build_story(tables: StoryTables, job: StoryJob) -> BuiltStory:
    """Return the briefing of one story, with the names it read if the tables say so."""
    names: Mapping[str, Counter[str]] = tables.names_of
    recording = RecordingNames(tables.names_of) if tables.record else None
    briefing = build_briefing(
        job.facts,
        job.wire,
        tables.settings,
        job.slug,
        job.title,
        recording if recording is not None else names,
        tables.states,
        tables.index,
        tables.bare_kinds,
    )
    if recording is None or recording.read_all:
        return BuiltStory(briefing=briefing, reads=None)
    return BuiltStory(briefing=briefing, reads=tuple(sorted(recording.read.items())))


# Builds a list of stories with the same tables, results in order: build_stories in this
# process, or storypool.build_stories_on_workers.
StoryBuilder = Callable[[StoryTables, Sequence[StoryJob]], list[BuiltStory]]


def build_stories(tables: StoryTables, jobs: Sequence[StoryJob]) -> list[BuiltStory]:
    """Return the built stories, in order, built in this process."""
    return [build_story(tables, job) for job in jobs]


def build_briefings(
    facts: Sequence[ArticleFacts],
    settings: Settings,
    memo: Memo | None = None,
    sources: Mapping[str, str] | None = None,
    build_many: StoryBuilder = build_stories,
) -> tuple[Briefing, ...]:
    """Return one briefing per story, newest first; with a memo, a story whose inputs have
    not changed since the build that stored its briefing reuses it (see memo.py). `sources`
    (article id -> hash of its file, as read) lets the memo key articles by their files.
    `build_many` builds the stories not reused (in this process, or on workers)."""
    names = collect_names(facts)
    persons = {m.actor_id for f in facts for m in f.mentions if m.label == "PERSON"}
    persons |= {s.speaker_id for f in facts for s in f.statements if " " in s.speaker_name}
    principal_ids = {p.id for p in settings.knowledge.principals}
    known = build_country_index(settings.knowledge)
    index = build_country_index(settings.knowledge, text_countries(facts, known))
    moved = join_aliases(names, state_ids(names, index), defined_aliases(facts), principal_ids)
    merged_names: dict[str, Counter[str]] = defaultdict(Counter)
    for actor_id, counts in names.items():
        merged_names[follow(moved, actor_id)].update(counts)
    joined = merge_ids(merged_names, persons, principal_ids)
    id_map = {i: joined.get(follow(moved, i), follow(moved, i)) for i in names}
    names_of: dict[str, Counter[str]] = defaultdict(Counter)
    for actor_id, counts in names.items():
        names_of[id_map[actor_id]].update(counts)
    states = {
        id_map[i]: state[1]
        for i, counts in names.items()
        for state in [state_actor(best_name(counts), index)]
        if state is not None and follow(moved, state[0]) == id_map[i]
    }
    names_of = dict(names_of)  # read by every story: it must not grow by being read
    bare_kinds = bare_state_kinds(names_of, settings.knowledge)
    facts = [canonicalize(f, id_map) for f in facts]
    earlier = memo.get_wire() if memo is not None else None
    wire, state = wire_copies(facts, sources, earlier)
    if memo is not None and state is not None and state != earlier:
        memo.put_wire(state)
    by_id = {f.article.id: f for f in facts}
    taken: set[str] = set()
    pins = settings.stories
    run = run_key(index, states, bare_kinds, settings.summary_sentences) if memo is not None else ""
    reused: list[Briefing] = []
    jobs: list[StoryJob] = []
    keys: list[str] = []
    for story in group_stories(facts, wire, [pin.articles for pin in pins]):
        own = tuple(by_id[i] for i in story)
        own_wire = tuple(g for g in wire if set(g.article_ids) <= set(story))
        title = next((pin.title for pin in pins if story[0] in pin.articles), None)
        slug = briefing_slug(own, taken, title)
        if memo is not None:
            key = story_key(run, own, own_wire, slug, title, sources)
            entry = memo.get_entry(key)
            if entry is not None and still_holds(entry, names_of):
                reused.append(entry.briefing)
                continue
            keys.append(key)
        jobs.append(StoryJob(facts=own, wire=own_wire, slug=slug, title=title))
    tables = StoryTables(
        settings=settings,
        names_of=names_of,
        states=states,
        index=index,
        bare_kinds=bare_kinds,
        record=memo is not None,
    )
    built = build_many(tables, jobs) if jobs else []
    if memo is not None:
        for key, done in zip(keys, built, strict=True):
            if done.reads is not None:
                memo.put_entry(key, Entry(reads=done.reads, briefing=done.briefing))
    briefings = reused + [done.briefing for done in built]
    return tuple(
        sorted(briefings, key=lambda b: (b.period[1] if b.period else "", b.slug), reverse=True)
    )
