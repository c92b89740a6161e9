"""Scoring the actors table and its relations against the hand labels of whole corpora.

Label sets: the `actors`, `relations` and (optional) `junk` sections of tests/labels/seeds.yml
and of each labelled corpus's expected.yml. The real pipeline runs to briefings (no cache), and
every briefing's actors are pooled.

- Actor match: a predicted actor is a gold actor when one of its names (name and aliases) is
  one of the gold actor's names (name and aliases), compared as `name_tokens` (case, accents,
  hyphens, dots, leading "the", possessive s removed). A gold alias of one lower-case common
  noun ("the government", "rebels") is not used to match: it says the text calls the actor so,
  not that a table row with that name is the actor.
- Actor precision = predicted actors that match a gold actor / predicted actors. An actor the
  labels do not list counts against precision: the labels list every actor named as speaker,
  backer or backed, plus the sources.
- Actor recall = gold actors matched by some predicted actor / gold actors.
- Duplicates = gold actors matched by more than one predicted actor (one actor, two rows).
- Merged = predicted actors matching more than one gold actor (two actors, one row).
- Junk = predicted actors one of whose names is in the `junk` list.
- Sides: for each predicted actor matching exactly one gold actor with a side label, the
  predicted side is right when it is the label's, read as: government, opposition ("rebels"
  too), "supports government" (external backer or solidarity with the government),
  "supports opposition" (external backer, or accused backer, of the rebels), "source"
  (neutral-source), "" (neutral or null).
- Relation match: a predicted relation (an actor's `backs` link: backer, kind, backed) is a
  gold relation when both ends match the gold actors and the kind is the same; relations are
  counted once per corpus (gold: distinct (source, relation, target) triples). Relations whose
  ends are not actors of the table are matched by the link's shown name.

Used by tests/test_actor_scores.py and bench/actors.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from statement_scores import LABEL_SETS, LabelSet, _corpus, read_labels, settings_for

from briefgen.extract.names import name_tokens
from briefgen.model import Actor, Briefing
from briefgen.pipeline import generate_briefings

Names = frozenset[tuple[str, ...]]

ACTOR_SETS: dict[str, LabelSet] = {
    name: LABEL_SETS[name] for name in ("seeds", "port-strike", "flood")
} | ({"conflict": _corpus("conflict")} if (_corpus("conflict").labels.exists()) else {})


@dataclass(frozen=True)
class GoldActor:
    name: str
    names: Names
    party: bool
    side: str | None  # None: not labelled


def gold_side(label: str | None) -> str | None:
    """Return the side a label means, in the predicted vocabulary (module doc)."""
    if label is None:
        return ""
    text = label.lower()
    if text in {"government", "opposition", "rebels"}:
        return "opposition" if text == "rebels" else text
    if text.startswith("external") and "government" in text:
        return "supports government"
    if text.startswith("external") and ("opposition" in text or "rebel" in text):
        return "supports opposition"
    if text == "neutral-source":
        return "source"
    return "" if text.startswith("neutral") else None


@dataclass(frozen=True)
class ActorScore:
    name: str
    predicted: int
    gold: int
    correct: int  # predicted actors matching a gold actor
    found: int  # gold actors matched
    duplicates: tuple[str, ...]
    merged: tuple[str, ...]
    junk: tuple[str, ...]
    unmatched: tuple[str, ...]  # predicted actors no label holds
    missed: tuple[str, ...]  # gold actors not found
    rel_predicted: int
    rel_gold: int
    rel_correct: int
    rel_extra: tuple[str, ...] = field(default=())
    rel_missed: tuple[str, ...] = field(default=())
    sides_scored: int = 0
    sides_right: int = 0
    side_errors: tuple[str, ...] = field(default=())

    @property
    def side_accuracy(self) -> float:
        return self.sides_right / self.sides_scored if self.sides_scored else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def rel_precision(self) -> float:
        return self.rel_correct / self.rel_predicted if self.rel_predicted else 1.0

    @property
    def rel_recall(self) -> float:
        return self.rel_correct / self.rel_gold if self.rel_gold else 1.0


def forms(names: Iterable[str]) -> Names:
    """Return the comparable forms of some names, without lone lower-case common nouns."""
    out = set()
    for name in names:
        tokens = name_tokens(name)
        bare = name[4:] if name.lower().startswith("the ") else name
        if tokens and (len(tokens) > 1 or bare[:1].isupper()):
            out.add(tokens)
    return frozenset(out)


def gold_actors(labels: dict[str, Any]) -> tuple[GoldActor, ...]:
    return tuple(
        GoldActor(
            name=a["name"],
            names=forms([a["name"], *(a.get("aliases") or [])]),
            party=bool(a.get("party", a.get("side") != "neutral-source")),
            side=gold_side(a.get("side")) if "side" in a else None,
        )
        for a in labels.get("actors") or []
    )


def matches(names: Names, gold: Sequence[GoldActor]) -> list[GoldActor]:
    return [g for g in gold if names & g.names]


def actor_names(actor: Actor) -> Names:
    return forms([actor.name, *actor.aliases])


def score_briefings(name: str, briefings: Sequence[Briefing], labels: dict[str, Any]) -> ActorScore:
    """Return the scores of some briefings' actors and relations against a label file."""
    gold = gold_actors(labels)
    junk = forms(labels.get("junk") or [])
    actors = [a for b in briefings for a in b.actors]
    hits = {a.id + "@" + a.name: matches(actor_names(a), gold) for a in actors}
    found: dict[str, int] = {}
    for matched in hits.values():
        for g in matched:
            found[g.name] = found.get(g.name, 0) + 1
    by_id = {a.id: a for a in actors}

    def gold_of(actor_id: str, shown: str) -> str | None:
        actor = by_id.get(actor_id)
        names = actor_names(actor) if actor else forms([shown])
        matched = matches(names, gold)
        return matched[0].name if len(matched) == 1 else None

    gold_rel = {(r["source"], r["relation"], r["target"]) for r in labels.get("relations") or []}
    predicted_rel: set[tuple[str, str, str]] = set()
    shown_rel: dict[tuple[str, str, str], str] = {}
    for a in actors:
        for link in a.backs:
            src, tgt = gold_of(a.id, a.name), gold_of(link.other_id, link.other_name)
            key = (src or f"?{a.name}", link.kind, tgt or f"?{link.other_name}")
            predicted_rel.add(key)
            shown_rel[key] = f"{a.name} -{link.kind}-> {link.other_name}"
    side_pairs = [(a, m[0]) for a in actors for m in [hits[a.id + "@" + a.name]] if len(m) == 1]
    scored = [(a, g) for a, g in side_pairs if g.side is not None]
    wrong = [f"{a.name}: {a.side!r} (gold {g.side!r})" for a, g in scored if a.side != g.side]
    return ActorScore(
        name=name,
        sides_scored=len(scored),
        sides_right=len(scored) - len(wrong),
        side_errors=tuple(sorted(wrong)),
        predicted=len(actors),
        gold=len(gold),
        correct=sum(1 for m in hits.values() if m),
        found=len(found),
        duplicates=tuple(sorted(g for g, n in found.items() if n > 1)),
        merged=tuple(sorted(k for k, m in hits.items() if len(m) > 1)),
        junk=tuple(sorted(a.name for a in actors if actor_names(a) & junk)),
        unmatched=tuple(sorted(a.name for a in actors if not hits[a.id + "@" + a.name])),
        missed=tuple(sorted(g.name for g in gold if g.name not in found)),
        rel_predicted=len(predicted_rel),
        rel_gold=len(gold_rel),
        rel_correct=len(predicted_rel & gold_rel),
        rel_extra=tuple(sorted(shown_rel[k] for k in predicted_rel - gold_rel)),
        rel_missed=tuple(sorted(" -".join(k[:2]) + "-> " + k[2] for k in gold_rel - predicted_rel)),
    )


def score_actor_set(label_set: LabelSet, nlp: Any) -> ActorScore:
    """Return the actor and relation scores of one label set."""
    settings = dataclasses.replace(settings_for(label_set.config), cache_dir=None)
    briefings, _ = generate_briefings(settings, nlp)
    return score_briefings(label_set.name, briefings, read_labels(Path(label_set.labels)))
