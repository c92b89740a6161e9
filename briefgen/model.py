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
ActorType = Literal["person", "government", "organisation", "group", "place", "unknown"]

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
    """One sentence of a cleaned paragraph, by offsets."""

    text: str
    source: SourceRef
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A named entity in a sentence, with the actor id it resolves to."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC
    actor_id: str
    source: SourceRef
    start: int
    end: int


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

    name: str  # the most used surface form: "Hama", "Idlib province"
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """The rendered output: Markdown pages and JSON exports keyed by URI under docs_dir."""

    files: Mapping[str, str]
    problems: tuple[Problem, ...]
