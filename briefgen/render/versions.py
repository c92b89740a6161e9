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

from rapidfuzz.distance import Indel

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


def _best_match(words: Sequence[Sequence[str]], mine: list[str]) -> tuple[float, int]:
    """Return the highest difflib word ratio of `mine` with a paragraph of `words` if it is
    at least EDIT_SIMILARITY, and that paragraph's index (the first, if tied); else (0, 0).

    difflib's ratio is 2 M / T, M the words of its matching blocks, which form a common
    subsequence: so it is at most 2 LCS / T, which rapidfuzz computes in C. Only paragraphs
    whose bound reaches the threshold and beats the best so far are given to difflib, which
    holds `mine` as its second sequence (indexed once) throughout."""
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(mine)
    best, index = 0.0, 0
    for n, theirs in enumerate(words):
        total = len(theirs) + len(mine)
        bound = Indel.similarity(theirs, mine) / total if total else 1.0
        if bound < EDIT_SIMILARITY or bound <= best:
            continue  # cannot reach the threshold, or cannot beat an earlier paragraph
        matcher.set_seq1(theirs)
        score = matcher.ratio()
        if score >= EDIT_SIMILARITY and score > best:
            best, index = score, n
    return best, index


def compare_paragraphs(first: Sequence[str], other: Sequence[str]) -> tuple[int, int, int, int]:
    """Return (same, edited, added, missing) paragraphs of `other` against `first`.

    Each paragraph of `other` is the same as a paragraph of `first` if their words are equal,
    an edit of the most alike one if at least EDIT_SIMILARITY of their words match, else added;
    paragraphs of `first` that nothing matches are missing.
    """
    words = [p.split() for p in first]
    position: dict[tuple[str, ...], int] = {}
    for n, kept in enumerate(words):
        position.setdefault(tuple(kept), n)
    same = edited = added = 0
    matched: set[int] = set()
    for paragraph in other:
        mine = paragraph.split()
        if (found := position.get(tuple(mine))) is not None:
            same += 1
            matched.add(found)
            continue
        score, index = _best_match(words, mine)
        if score >= EDIT_SIMILARITY:
            edited += 1
            matched.add(index)
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
