"""Claims across articles: one group per claim, however many outlets report it, and the groups
that give different figures for what may be the same thing marked disputed.

Two claims are one when they have the same kind, value, unit and outcome and the same claimant
(or none); assertions when their sentences are one sentence lightly edited. Two counts conflict
when they say the same happened ("dead") to the same kind of people ("civilians") with
different values, and no article gives both: an article that gives two figures ("over 120
people killed", and elsewhere "six people killed" in one strike) does not dispute itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from briefgen.aggregate.similarity import (
    comparable,
    is_name_variant,
    is_same_sentence,
    same_sentence_positions,
)
from briefgen.aggregate.wire import count_lineages
from briefgen.model import ArticleFacts, Claim, ClaimGroup, ClaimStatus, SourceRef

KIND_ORDER = {"count": 0, "distance": 1, "money": 2, "assertion": 3}


def is_same_claimant(a: Claim, b: Claim) -> bool:
    """Return True if two claims have one claimant: the same actor, spelling variants of one
    name ('Defense', 'Defence'), the same words, or none at all."""
    if a.claimant_id is not None and a.claimant_id == b.claimant_id:
        return True
    if a.claimant_text is None or b.claimant_text is None:
        return a.claimant_text is None and b.claimant_text is None
    names = (a.claimant_name or a.claimant_text, b.claimant_name or b.claimant_text)
    return comparable(names[0]) == comparable(names[1]) or is_name_variant(*names)


def is_same_claim(a: Claim, b: Claim) -> bool:
    """Return True if two claims (of different articles, usually) are one claim."""
    if a.kind != b.kind or not is_same_claimant(a, b):
        return False
    if a.kind == "assertion":
        return is_same_sentence(comparable(a.sentence), comparable(b.sentence))
    if a.value is None or b.value is None:
        same = comparable(a.figure) == comparable(b.figure)
        return same and comparable(a.counted) == comparable(b.counted)
    if (a.value, a.unit, a.outcome) != (b.value, b.unit, b.outcome):
        return False
    if a.outcome:  # "others wounded" and "others injured"
        return noun_word(a) == noun_word(b)
    return is_same_sentence(_squeezed(a.counted), _squeezed(b.counted))


def noun_word(claim: Claim) -> str:
    """Return the last word of what a count counts: 'troops' of 'Kenyan troops'; '' if none."""
    words = comparable(claim.noun).split()
    return words[-1] if words else ""


def _squeezed(text: str) -> str:
    """Return text comparable and without spaces: 'south-east' and 'southeast' are one."""
    return comparable(text).replace(" ", "")


def _counted_key(group: Sequence[Claim]) -> tuple[str, str, str] | None:
    """Return what a group of counts or distances is compared by, or None if it has no value:
    (kind, outcome, last word of what is counted) or (kind, unit, what is measured)."""
    first = group[0]
    if first.value is None or first.kind in {"money", "assertion"}:
        return None
    if first.kind == "distance":
        return first.kind, first.unit, _squeezed(first.counted)
    if not first.outcome or not first.noun:
        return None
    return first.kind, first.outcome, noun_word(first)


def _conflicts(groups: Sequence[Sequence[Claim]]) -> list[set[int]]:
    """Return, for each group, the indexes of the groups that give another figure for the
    same thing in other articles."""
    keys = [_counted_key(g) for g in groups]
    articles = [{c.source.article_id for c in g} for g in groups]
    found: list[set[int]] = [set() for _ in groups]
    for i, key in enumerate(keys):
        for j in range(i + 1, len(groups)):
            if key is None or keys[j] != key or articles[i] & articles[j]:
                continue
            if groups[i][0].value != groups[j][0].value:
                found[i].add(j)
                found[j].add(i)
    return found


def _group_id(claims: Sequence[Claim]) -> str:
    """Return a stable id from the group's first claim."""
    first = claims[0]
    key = "\x1f".join(
        [first.kind, first.figure, first.counted, first.claimant_text or "", first.sentence]
    )
    return "claim-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def _status(claims: Sequence[Claim], conflicted: bool) -> ClaimStatus:
    """Return a group's status: disputed if a source or another group disputes it,
    unconfirmed if any source hedges it, else stated."""
    if conflicted or any(c.status == "disputed" for c in claims):
        return "disputed"
    return "unconfirmed" if any(c.qualifiers for c in claims) else "stated"


def _merged(
    claims: Sequence[Claim], conflicts: tuple[str, ...], lineage: Mapping[str, str]
) -> ClaimGroup:
    """Return the group record of claims that are one claim."""
    first = claims[0]
    named = next((c for c in claims if c.claimant_id is not None), first)
    sources = tuple(sorted({c.source for c in claims}))
    qualifiers = tuple(dict.fromkeys(q for c in claims for q in c.qualifiers))
    return ClaimGroup(
        id=_group_id(claims),
        kind=first.kind,
        figure=first.figure,
        value=first.value,
        unit=first.unit,
        counted=first.counted,
        noun=first.noun,
        outcome=first.outcome,
        claimant_id=named.claimant_id,
        claimant_name=named.claimant_name,
        claimant_text=named.claimant_text,
        qualifiers=qualifiers,
        status=_status(claims, bool(conflicts)),
        text=max((c.sentence for c in claims), key=lambda s: (len(s), s)),
        sources=sources,
        lineages=count_lineages(sources, lineage),
        conflicts=conflicts,
    )


@dataclass
class ClaimIndex:
    """The first claim of each group, indexed by what is_same_claim requires to be equal, so
    that a claim is compared with the few groups it could join, not with all of them. It
    yields exactly the groups is_same_claim could accept, in group order."""

    assertions: list[str] = field(default_factory=list)  # comparable sentences
    assertion_groups: list[int] = field(default_factory=list)
    by_value: dict[tuple[object, ...], list[int]] = field(default_factory=dict)
    by_words: dict[tuple[str, str, str], list[int]] = field(default_factory=dict)
    unvalued_by_words: dict[tuple[str, str, str], list[int]] = field(default_factory=dict)

    def add(self, claim: Claim, group: int) -> None:
        if claim.kind == "assertion":
            self.assertions.append(comparable(claim.sentence))
            self.assertion_groups.append(group)
            return
        words = (claim.kind, comparable(claim.figure), comparable(claim.counted))
        self.by_words.setdefault(words, []).append(group)
        if claim.value is None:
            self.unvalued_by_words.setdefault(words, []).append(group)
        else:
            key = (claim.kind, claim.value, claim.unit, claim.outcome)
            self.by_value.setdefault(key, []).append(group)

    def candidates(self, claim: Claim) -> list[int]:
        """Return, in order, the groups whose first claim may be the same claim."""
        if claim.kind == "assertion":
            near = same_sentence_positions(comparable(claim.sentence), self.assertions)
            return [self.assertion_groups[n] for n in near]
        words = (claim.kind, comparable(claim.figure), comparable(claim.counted))
        if claim.value is None:  # compared by words with every group of its kind
            return self.by_words.get(words, [])
        key = (claim.kind, claim.value, claim.unit, claim.outcome)
        return sorted(self.by_value.get(key, []) + self.unvalued_by_words.get(words, []))


def _order(claim: Claim) -> tuple[str, int, int, str]:
    return claim.source.article_id, claim.source.paragraph, claim.start, claim.figure


def merge_claims(
    facts: Sequence[ArticleFacts], lineage: Mapping[str, str]
) -> tuple[ClaimGroup, ...]:
    """Return the briefing's claims, one group per claim: counts first, then distances, sums
    and assertions; within each, the most independent sources first, then in reading order."""
    groups: list[list[Claim]] = []
    index = ClaimIndex()
    for claim in sorted((c for f in facts for c in f.claims), key=_order):
        home = next(
            (g for g in index.candidates(claim) if is_same_claim(groups[g][0], claim)), None
        )
        if home is None:
            index.add(claim, len(groups))
            groups.append([claim])
        else:
            groups[home].append(claim)
    ids = [_group_id(g) for g in groups]
    conflicts = _conflicts(groups)
    merged = [
        _merged(g, tuple(sorted(ids[j] for j in conflicts[i])), lineage)
        for i, g in enumerate(groups)
    ]
    return tuple(
        sorted(merged, key=lambda m: (KIND_ORDER[m.kind], -m.lineages, _first(m.sources), m.id))
    )


def _first(sources: tuple[SourceRef, ...]) -> tuple[str, int]:
    return sources[0].article_id, sources[0].paragraph
