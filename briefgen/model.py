"""The frozen records the stages exchange: briefgen's vocabulary.

Every record is frozen, slotted and keyword-only; collections inside are tuples, so records hash,
compare and never change under a later stage. A position is an article id, a paragraph index and
character offsets into that cleaned paragraph (`SourceRef` plus `start`/`end`): the offsets are
the truth and every fact on a page links back through them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from briefgen.errors import Problem

StatementKind = Literal["direct", "indirect"]
RelationKind = Literal["backing", "allied", "solidarity", "denial"]
ActorType = Literal[
    "person",
    "government",
    "military",
    "armed group",
    "organisation",
    "media",
    "group",
    "place",
    "unknown",
]

# ---------------------------------------------------------------- settings and knowledge


@dataclass(frozen=True, slots=True, kw_only=True)
class Principal:
    """A configured actor whose statements lead the statements page."""

    id: str
    name: str
    type: ActorType
    role: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    """A country as general knowledge names it: its names, demonyms and capitals (packaged data).

    Used to canonicalise actors: a capital or "the <demonym> government" names the country's
    government, "<demonym> troops" its armed forces.
    """

    name: str
    names: tuple[str, ...]  # the name itself and other spellings ("Republic of Ruritania")
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Knowledge:
    """Topic knowledge from configuration plus general language knowledge from resources."""

    principals: tuple[Principal, ...]
    speech_verbs: frozenset[str]
    titles: tuple[tuple[str, str], ...]  # (surface form, canonical title), sorted
    ranks: frozenset[str]  # lower-case titles that are ranks or honorifics, not offices
    boilerplate: tuple[str, ...]
    end_markers: tuple[str, ...]
    speaker_nouns: frozenset[str]
    dependent_openers: frozenset[str]
    official_words: frozenset[str] = frozenset()  # offices and state bodies, lower case
    not_official_words: frozenset[str] = frozenset()  # "former", "rebel", "opposition"
    countries: tuple[Country, ...] = ()
    state_nouns: tuple[tuple[str, str], ...] = ()  # ("troops", "military")
    source_words: frozenset[str] = frozenset()  # roles of sources, not parties: "monitor"
    actor_words: tuple[tuple[str, str, str], ...] = ()  # (word, type or "-", side or "-")
    person_nouns: frozenset[str] = frozenset()  # head nouns of roles only persons hold
    hedges: tuple[tuple[str, str, str], ...] = ()  # (phrase, status, extent): hedges.tsv
    outcomes: tuple[tuple[str, str, str], ...] = ()  # (lemma, words, outcome): outcomes.tsv
    counted_nouns: frozenset[str] = frozenset()  # lemmas a figure may count: "civilian"
    units: tuple[tuple[str, str, str], ...] = ()  # (surface, unit, kind): units.tsv
    date_words: tuple[tuple[str, str, int], ...] = ()  # (phrase, precision, offset)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryPin:
    """Articles configuration puts into one briefing, whatever the automatic grouping says."""

    title: str | None
    articles: tuple[str, ...]  # article ids: file names without extension


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Validated configuration, independent of MkDocs."""

    corpus_dir: str
    output_dir: str
    templates_dir: str
    summary_sentences: int
    max_article_bytes: int
    knowledge: Knowledge
    stories: tuple[StoryPin, ...] = ()
    cache_dir: str | None = None  # None: no cache
    workers: int = 1  # processes for per-article work
    executor: str = "process"  # what runs it: "process" or a factory, "module:callable"


# ---------------------------------------------------------------- ingest and clean


@dataclass(frozen=True, slots=True, kw_only=True)
class Declared:
    """Metadata an article declares outside its text: front matter, HTML tags or a sidecar.

    None means "not declared"; a declared value beats what the cleaner reads from the text.
    """

    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] | None = None
    published: str | None = None  # ISO 8601, as precise as declared
    updated: str | None = None
    url: str | None = None

    def over(self, other: Declared) -> Declared:
        """Return these values where set, and other's where not (sidecar over front matter)."""
        return Declared(
            title=self.title if self.title is not None else other.title,
            outlet=self.outlet if self.outlet is not None else other.outlet,
            authors=self.authors if self.authors is not None else other.authors,
            published=self.published if self.published is not None else other.published,
            updated=self.updated if self.updated is not None else other.updated,
            url=self.url if self.url is not None else other.url,
        )


ArticleFormat = Literal["text", "markdown", "html"]


@dataclass(frozen=True, slots=True, kw_only=True)
class RawArticle:
    """One corpus file, decoded, not yet cleaned, with what its sidecar declares."""

    id: str
    path: str
    format: ArticleFormat
    text: str
    sha256: str  # of the file's bytes and its sidecar's: the article's identity and cache key
    sidecar: Declared = Declared()


@dataclass(frozen=True, slots=True, kw_only=True)
class Corpus:
    """What ingest read: the readable articles and a problem for each file it could not use."""

    articles: tuple[RawArticle, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Dropped:
    """A line the cleaner removed, and why; kept to measure and debug boilerplate removal."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleMeta:
    """What an article says about itself; None where the text does not say."""

    title: str
    title_generated: bool
    outlet: str | None
    authors: tuple[str, ...]
    published: str | None  # ISO 8601, only as precise as the text: "2024-12-01" or with time
    updated: str | None
    dateline: str | None
    url: str | None = None
    outlet_from: str | None = None  # where the outlet name comes from, shown beside it


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanArticle:
    """An article's body paragraphs with boilerplate removed, plus its metadata."""

    id: str
    path: str
    meta: ArticleMeta
    paragraphs: tuple[str, ...]
    dropped: tuple[Dropped, ...]


# ---------------------------------------------------------------- extract


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class SourceRef:
    """Where a fact stands: an article and a paragraph index into CleanArticle.paragraphs."""

    article_id: str
    paragraph: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """One sentence of a cleaned paragraph, by offsets, with its sketch: what finds its light
    edits in other articles (briefgen/sketch.py); b"" for a sentence not compared so."""

    text: str
    source: SourceRef
    start: int
    end: int
    sketch: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A named entity in a sentence, with the actor id it resolves to."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC
    actor_id: str
    source: SourceRef
    start: int
    end: int
    role: str = ""  # what the text calls it right there: "jihadi group", "a main backer of X"
    place_cue: bool = False  # used as a place: "in X", "seized X", "X province"
    alias_of: str = ""  # id of the name this one is defined as: "(NLF)", ", also known as X"


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """What one speaker said, as one article reports it."""

    speaker_id: str
    speaker_name: str  # canonical display name
    speaker_text: str  # as the article names them: "the UN special envoy"
    role: str  # as the text gives it: "Rebel commander", "" if none
    cue: str  # the attribution verb: "warned", "claimed"
    kind: StatementKind
    text: str
    source: SourceRef
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    """One actor's stance toward another, as one sentence states it."""

    kind: RelationKind
    source_id: str  # the backer
    source_name: str
    target_id: str  # the backed
    target_name: str
    evidence: str  # the sentence
    source: SourceRef


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleFacts:
    """Everything extracted from one article."""

    article: CleanArticle
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    statements: tuple[Statement, ...]
    relations: tuple[Relation, ...]
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()


# ---------------------------------------------------------------- claims and timeline

ClaimKind = Literal["count", "distance", "money", "assertion"]
ClaimStatus = Literal["stated", "unconfirmed", "disputed"]
DatePrecision = Literal["day", "night", "week", "month", "year"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """A figure, or a hedged assertion, as one article reports it: who claims it and how the
    text qualifies it. No claimant means the article states it itself."""

    kind: ClaimKind
    figure: str  # as written: "nearly 2,000", "30 miles (48km)"; "" for an assertion
    value: float | None  # 1000.0; None for "hundreds" and for assertions
    unit: str  # "km", "$" from units.tsv; "" for counts and assertions
    counted: str  # what the figure counts, with what happened to it: "strikers injured"
    noun: str  # the words of what it counts: "strikers"; "" if the text names none
    outcome: str  # what figures are compared by: "dead", "wounded" (outcomes.tsv); "" if none
    claimant_id: str | None  # None when the claimant is not an actor we can name, or absent
    claimant_name: str | None
    claimant_text: str | None  # as the article names them; None: the article states it
    qualifiers: tuple[str, ...]  # the hedges, verbatim: "without giving evidence"
    status: ClaimStatus
    sentence: str
    source: SourceRef
    start: int  # the figure's offsets in the paragraph; the sentence's for an assertion
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A dated sentence of one article; relative dates resolved against its publication date."""

    date: str  # ISO day: the date, or the first day of its week, month or year
    precision: DatePrecision  # "night": the night after `date`
    words: str  # the words that gave the date: "on Wednesday", "overnight"
    background: bool  # well before the article's date: "the 2008 floods"
    sentence: str
    source: SourceRef
    start: int  # the date words' offsets in the paragraph
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimGroup:
    """One claim as one or more articles report it; `conflicts` names the groups that give
    another figure for what may be the same thing."""

    id: str  # stable: a hash of the grouping key
    kind: ClaimKind
    figure: str  # as the first source writes it
    value: float | None
    unit: str
    counted: str
    noun: str
    outcome: str
    claimant_id: str | None
    claimant_name: str | None
    claimant_text: str | None
    qualifiers: tuple[str, ...]  # every source's hedges, verbatim, first seen first
    status: ClaimStatus
    text: str  # the fullest sentence
    sources: tuple[SourceRef, ...]
    lineages: int  # independent sources: a wire group counts once
    conflicts: tuple[str, ...] = ()  # ids of the other groups


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    """One dated event as one or more articles report it."""

    date: str
    precision: DatePrecision
    words: tuple[str, ...]  # every wording of the date, sorted
    background: bool
    text: str  # the fullest sentence
    sources: tuple[SourceRef, ...]
    lineages: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    """A briefing's dated entries in date order, current events apart from background."""

    current: tuple[TimelineEntry, ...] = ()
    background: tuple[TimelineEntry, ...] = ()


# ---------------------------------------------------------------- aggregate


@dataclass(frozen=True, slots=True, kw_only=True)
class Cited:
    """A piece of text shown on a page with every source that states it."""

    text: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorLink:
    """A relation as seen from one actor: the other party, the kind, and the evidence."""

    kind: RelationKind
    other_id: str
    other_name: str
    evidence: tuple[Cited, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """One canonical actor of a briefing."""

    id: str
    name: str
    type: ActorType
    role: str
    principal: bool
    aliases: tuple[str, ...]
    backed_by: tuple[ActorLink, ...]
    backs: tuple[ActorLink, ...]
    sources: tuple[SourceRef, ...]
    side: str = ""  # as the text places it: "government", "opposition", "supports X"; "" unknown
    party: bool = True  # False for sources: monitors, news media, rescuers, commentators


@dataclass(frozen=True, slots=True, kw_only=True)
class MergedStatement:
    """One statement as reported by one or more outlets; `text` is the fullest wording."""

    kind: StatementKind
    cue: str
    text: str
    speaker_text: str
    sources: tuple[SourceRef, ...]
    lineages: int  # independent sources: a wire group counts once


@dataclass(frozen=True, slots=True, kw_only=True)
class SpeakerStatements:
    """A speaker and everything they said, principals first on the page."""

    speaker_id: str
    speaker_name: str
    role: str
    principal: bool
    statements: tuple[MergedStatement, ...]
    official: bool = False  # an office holder or state body, recognised from name and role


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceArticle:
    """An article as the sources page lists it."""

    id: str
    path: str
    meta: ArticleMeta
    wire_group: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class WireGroup:
    """Articles that are versions of one story: together they count as one source lineage."""

    id: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place the briefing's articles name (NER GPE, LOC or FAC), as named, with its sources."""

    name: str  # the most used surface form: "Mombasa", "Kilifi county"
    label: str  # the NER label most used for it
    mentions: int
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Briefing:
    """One story: everything its pages show, already sorted."""

    slug: str
    title: str
    period: tuple[str, str] | None  # first and last published date
    lead: str
    summary: tuple[Cited, ...]
    actors: tuple[Actor, ...]
    statements: tuple[SpeakerStatements, ...]
    articles: tuple[SourceArticle, ...]
    wire_groups: tuple[WireGroup, ...]
    places: tuple[Place, ...] = ()  # most mentioned first
    claims: tuple[ClaimGroup, ...] = ()
    timeline: Timeline = Timeline()


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """The rendered output: Markdown pages and JSON exports keyed by URI under docs_dir. A
    file is text, or UTF-8 bytes when it is large (the export: see render/export.py)."""

    files: Mapping[str, str | bytes]
    problems: tuple[Problem, ...]
