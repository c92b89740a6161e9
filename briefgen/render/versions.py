"""Wire copies side by side: how each version of a wire story differs from the first one.

The first version of a group (the lowest source number) is the reference; each paragraph of
another version is matched with the most alike paragraph of the reference by difflib's word
ratio, which counts the paragraphs kept word for word, edited, added and left out. The sources
page shows the counts in one table per group, so a reader sees at a glance which outlet cut or
rewrote the copy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from briefgen.model import Briefing, SourceArticle

# Share of words two paragraphs must have in common to be versions of one paragraph.
EDIT_SIMILARITY = 0.6


@dataclass(frozen=True, slots=True, kw_only=True)
class Version:
    """One article of a wire group, compared with the group's first version."""

    article: SourceArticle
    number: int  # its source number
    same: int  # paragraphs identical to the first version's
    edited: int  # paragraphs that replace different ones of the first version
    added: int  # paragraphs the first version does not have
    missing: int  # paragraphs of the first version this one leaves out


@dataclass(frozen=True, slots=True, kw_only=True)
class VersionGroup:
    """A wire group's versions in source-number order; the first is the reference."""

    id: str
    versions: tuple[Version, ...]


def _similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Return how alike two word lists are, 0 to 1 (difflib's ratio)."""
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    if matcher.real_quick_ratio() < EDIT_SIMILARITY or matcher.quick_ratio() < EDIT_SIMILARITY:
        return 0.0  # upper bounds of the ratio, far cheaper to compute
    return matcher.ratio()


def compare_paragraphs(first: Sequence[str], other: Sequence[str]) -> tuple[int, int, int, int]:
    """Return (same, edited, added, missing) paragraphs of `other` against `first`.

    Each paragraph of `other` is the same as a paragraph of `first` if their words are equal,
    an edit of the most alike one if at least EDIT_SIMILARITY of their words match, else added;
    paragraphs of `first` that nothing matches are missing.
    """
    words = [p.split() for p in first]
    same = edited = added = 0
    matched: set[int] = set()
    for paragraph in other:
        mine = paragraph.split()
        if mine in words:
            same += 1
            matched.add(words.index(mine))
            continue
        scores = [(_similarity(w, mine), -n) for n, w in enumerate(words)]
        score, index = max(scores, default=(0.0, 0))
        if score >= EDIT_SIMILARITY:
            edited += 1
            matched.add(-index)
        else:
            added += 1
    return same, edited, added, len(first) - len(matched)


def version_groups(briefing: Briefing, numbers: Mapping[str, int]) -> tuple[VersionGroup, ...]:
    """Return the briefing's wire groups with each version compared to the first."""
    by_id = {a.id: a for a in briefing.articles}
    groups = []
    for group in briefing.wire_groups:
        members = sorted(
            (by_id[i] for i in group.article_ids if i in by_id), key=lambda a: numbers[a.id]
        )
        if len(members) < 2:
            continue
        first = members[0].paragraphs
        versions = []
        for article in members:
            same, edited, added, missing = compare_paragraphs(first, article.paragraphs)
            versions.append(
                Version(
                    article=article,
                    number=numbers[article.id],
                    same=same,
                    edited=edited,
                    added=added,
                    missing=missing,
                )
            )
        groups.append(VersionGroup(id=group.id, versions=tuple(versions)))
    return tuple(sorted(groups, key=lambda g: g.versions[0].number))
