"""What changed since the previous build: snapshots of the briefings and their comparison.

A snapshot keeps, per briefing, only stable keys: each article's id, title and a digest of its
cleaned paragraphs; each statement's speaker id, speaker name and words; each figure's claimant,
what it counts and the figure. The plugin stores snapshots in a history (history.py) under the
cache folder; comparing the briefings of this build with the previous snapshot gives
each briefing's `BriefingChanges`, which the changes page shows. Everything here is pure.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from briefgen.model import Briefing, MergedStatement, SourceArticle, SourceRef

# Share of words two wordings must have in common to be one statement (difflib's ratio).
SAME_STATEMENT = 0.8
ChangeStatus = Literal["first", "new", "compared"]


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefingSnapshot:
    """The stable keys of one briefing, as the history stores them."""

    slug: str
    title: str
    articles: tuple[tuple[str, str, str], ...]  # (id, title, digest of the paragraphs), sorted
    statements: tuple[tuple[str, str, str], ...]  # (speaker id, speaker name, words), sorted
    figures: tuple[tuple[str, str, str], ...]  # (key, label, figure), sorted


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """The stable keys of every briefing of one build."""

    briefings: tuple[BriefingSnapshot, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementChange:
    """A statement that appeared (with its sources) or disappeared (no sources)."""

    speaker_name: str
    text: str
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureChange:
    """A figure whose value differs from the previous build's ('' before: a new figure)."""

    label: str
    before: str
    after: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefingChanges:
    """One briefing compared with the previous build; empty tuples when nothing changed."""

    status: ChangeStatus  # first build, a briefing new since then, or compared with its match
    previous_title: str = ""
    new_sources: tuple[SourceArticle, ...] = ()
    updated_sources: tuple[SourceArticle, ...] = ()
    removed_sources: tuple[str, ...] = ()  # titles of the previous build's articles
    new_statements: tuple[StatementChange, ...] = ()
    removed_statements: tuple[StatementChange, ...] = ()
    figures: tuple[FigureChange, ...] = ()

    @property
    def count(self) -> int:
        """Return the number of changes listed."""
        return sum(
            len(group)
            for group in (
                self.new_sources,
                self.updated_sources,
                self.removed_sources,
                self.new_statements,
                self.removed_statements,
                self.figures,
            )
        )


# ---------------------------------------------------------------- snapshots


def _fold(text: str) -> str:
    """Return text compared loosely: NFKC, case-folded, hyphens dropped ("north-east" is
    "northeast"), other punctuation as spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("-", "")
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def digest_paragraphs(paragraphs: Sequence[str]) -> str:
    """Return a short SHA-256 of an article's cleaned paragraphs."""
    return hashlib.sha256("\n\n".join(paragraphs).encode("utf-8")).hexdigest()[:16]


def briefing_figures(briefing: Briefing) -> tuple[tuple[str, str, str], ...]:
    """Return (key, label, figure) of the briefing's figure claims; assertions have none.

    One claimant giving several figures for one thing shows them joined: '300 / 320'.
    """
    found: dict[str, tuple[str, set[str]]] = {}
    for claim in briefing.claims:
        what, figure = claim.counted, claim.figure
        claimant = claim.claimant_name or claim.claimant_text or ""
        if not what or not figure:
            continue
        label = f"{what} ({claimant})" if claimant else what
        found.setdefault(_fold(label), (label, set()))[1].add(figure)
    return tuple(
        (key, label, " / ".join(sorted(figures))) for key, (label, figures) in sorted(found.items())
    )


def snapshot_briefing(briefing: Briefing) -> BriefingSnapshot:
    """Return the stable keys of one briefing."""
    return BriefingSnapshot(
        slug=briefing.slug,
        title=briefing.title,
        articles=tuple(
            sorted((a.id, a.meta.title, digest_paragraphs(a.paragraphs)) for a in briefing.articles)
        ),
        statements=tuple(
            sorted(
                {
                    (sp.speaker_id, sp.speaker_name, st.text)
                    for sp in briefing.statements
                    for st in sp.statements
                }
            )
        ),
        figures=briefing_figures(briefing),
    )


def snapshot_site(briefings: Iterable[Briefing]) -> Snapshot:
    """Return the snapshot of a build's briefings, in slug order."""
    return Snapshot(briefings=tuple(sorted((snapshot_briefing(b) for b in briefings), key=_slug)))


def _slug(snapshot: BriefingSnapshot) -> str:
    return snapshot.slug


# ---------------------------------------------------------------- comparing


def match_previous(briefing: Briefing, previous: Snapshot) -> BriefingSnapshot | None:
    """Return the previous build's briefing with the same slug, or else the one sharing the most
    articles (a new article can move a briefing's date, hence its slug); None if none shares."""
    for old in previous.briefings:
        if old.slug == briefing.slug:
            return old
    ids = {a.id for a in briefing.articles}
    shared = [(len(ids & {a[0] for a in old.articles}), old) for old in previous.briefings]
    best = max(shared, key=lambda pair: pair[0], default=(0, None))  # first of equals: slug order
    return best[1] if best[0] > 0 else None


def _is_same_statement(text: str, others: Iterable[str]) -> bool:
    """Return True if a statement's words equal, contain, are contained in or nearly equal
    another's: a later copy often quotes more or less of the sentence, or edits a word
    ("had killed" for "have killed", "northeast" for "north-east")."""
    others = list(others)
    if text in others:  # most statements of an unchanged story: no need to compare words
        return True
    folded = _fold(text)
    words = folded.split()
    for other in others:
        folded_other = _fold(other)
        if folded in folded_other or folded_other in folded:
            return True
        matcher = SequenceMatcher(a=words, b=folded_other.split(), autojunk=False)
        if matcher.real_quick_ratio() >= SAME_STATEMENT and matcher.ratio() >= SAME_STATEMENT:
            return True
    return False


def _new_statements(briefing: Briefing, old: BriefingSnapshot) -> tuple[StatementChange, ...]:
    """Return the briefing's statements that the previous build did not have."""
    before: dict[str, list[str]] = {}
    for speaker_id, _, text in old.statements:
        before.setdefault(speaker_id, []).append(text)
    return tuple(
        StatementChange(speaker_name=sp.speaker_name, text=st.text, sources=st.sources)
        for sp in briefing.statements
        for st in sp.statements
        if not _is_same_statement(st.text, before.get(sp.speaker_id, ()))
    )


def _removed_statements(briefing: Briefing, old: BriefingSnapshot) -> tuple[StatementChange, ...]:
    """Return the previous build's statements that this briefing no longer has."""
    now: dict[str, list[MergedStatement]] = {}
    for sp in briefing.statements:
        now.setdefault(sp.speaker_id, []).extend(sp.statements)
    return tuple(
        StatementChange(speaker_name=name, text=text)
        for speaker_id, name, text in old.statements
        if not _is_same_statement(text, (st.text for st in now.get(speaker_id, ())))
    )


def _figures(current: BriefingSnapshot, old: BriefingSnapshot) -> tuple[FigureChange, ...]:
    """Return the figures that are new or differ from the previous build's."""
    before = {key: figure for key, _, figure in old.figures}
    return tuple(
        FigureChange(label=label, before=before.get(key, ""), after=figure)
        for key, label, figure in current.figures
        if before.get(key) != figure
    )


def compare_briefing(briefing: Briefing, previous: Snapshot | None) -> BriefingChanges:
    """Return what changed in a briefing since the previous build (None: the first build)."""
    if previous is None:
        return BriefingChanges(status="first")
    old = match_previous(briefing, previous)
    if old is None:
        return BriefingChanges(status="new")
    current = snapshot_briefing(briefing)
    old_articles = {a[0]: a for a in old.articles}
    digests = {a[0]: a[2] for a in current.articles}
    ids = set(digests)
    return BriefingChanges(
        status="compared",
        previous_title=old.title,
        new_sources=tuple(a for a in briefing.articles if a.id not in old_articles),
        updated_sources=tuple(
            a
            for a in briefing.articles
            if a.id in old_articles and old_articles[a.id][2] != digests[a.id]
        ),
        removed_sources=tuple(title for id_, title, _ in old.articles if id_ not in ids),
        new_statements=_new_statements(briefing, old),
        removed_statements=_removed_statements(briefing, old),
        figures=_figures(current, old),
    )


def compare_site(
    briefings: Sequence[Briefing], previous: Snapshot | None
) -> Mapping[str, BriefingChanges]:
    """Return each briefing's changes, keyed by slug."""
    return {b.slug: compare_briefing(b, previous) for b in briefings}
