"""Statements across outlets: one entry per statement, citing every article that reports it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from briefgen.aggregate.similarity import comparable, is_same_statement
from briefgen.aggregate.wire import count_lineages
from briefgen.model import Knowledge, MergedStatement, SpeakerStatements, Statement


def cluster_statements(statements: Sequence[Statement]) -> list[list[Statement]]:
    """Return a speaker's statements grouped so that each group reports the same words."""
    clusters: list[tuple[list[str], list[Statement]]] = []
    for s in statements:
        key = comparable(s.text)
        home = next((c for c in clusters if any(is_same_statement(key, k) for k in c[0])), None)
        if home is None:
            clusters.append(([key], [s]))
        else:
            home[0].append(key)
            home[1].append(s)
    return [members for _, members in clusters]


def merge_cluster(members: Sequence[Statement], lineage: Mapping[str, str]) -> MergedStatement:
    """Return one statement for a group: the fullest wording, every source, its lineages."""
    fullest = max(members, key=lambda s: (len(s.text), s.kind == "direct", -members.index(s)))
    sources = tuple(sorted({s.source for s in members}))
    return MergedStatement(
        kind=fullest.kind,
        cue=fullest.cue,
        text=fullest.text,
        speaker_text=fullest.speaker_text,
        sources=sources,
        lineages=count_lineages(sources, lineage),
    )


def is_official(name: str, role: str, knowledge: Knowledge) -> bool:
    """Return True if a speaker's name or role names an office or a state body ("Transport
    Minister", "the foreign ministry", "security officials"), and nothing makes it a former,
    rebel or opposition one."""
    words = re.findall(r"[a-z]+", f"{name} {role}".lower())
    if any(w in knowledge.not_official_words for w in words):
        return False
    text = f" {' '.join(words)} "
    return any(f" {phrase} " in text for phrase in knowledge.official_words)


def merge_statements(
    statements: Sequence[Statement],
    lineage: Mapping[str, str],
    knowledge: Knowledge,
    roles: Mapping[str, str],
    governments: frozenset[str] = frozenset(),
) -> tuple[SpeakerStatements, ...]:
    """Return statements per speaker: principals in configured order, then officials (from
    their name and role, or a country speaking as its government), then everyone else, each
    by number of statements and name."""
    by_speaker: dict[str, list[Statement]] = defaultdict(list)
    for s in sorted(statements, key=lambda s: (s.source, s.start)):
        by_speaker[s.speaker_id].append(s)
    principals = {p.id: p for p in knowledge.principals}
    entries = []
    for speaker_id, own in by_speaker.items():
        merged = tuple(merge_cluster(c, lineage) for c in cluster_statements(own))
        principal = principals.get(speaker_id)
        name = principal.name if principal else own[0].speaker_name
        role = principal.role if principal and principal.role else roles.get(speaker_id, "")
        entries.append(
            SpeakerStatements(
                speaker_id=speaker_id,
                speaker_name=name,
                role=role,
                principal=principal is not None,
                statements=merged,
                official=principal is None
                and (speaker_id in governments or is_official(name, role, knowledge)),
            )
        )
    silent = [
        SpeakerStatements(
            speaker_id=p.id, speaker_name=p.name, role=p.role, principal=True, statements=()
        )
        for p in knowledge.principals
        if p.id not in by_speaker
    ]
    order = {p.id: n for n, p in enumerate(knowledge.principals)}
    return tuple(
        sorted(
            entries + silent,
            key=lambda e: (
                order.get(e.speaker_id, len(order)),
                not e.official,
                -len(e.statements),
                e.speaker_name,
            ),
        )
    )
