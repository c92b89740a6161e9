"""Mentions of named actors: the NER model's entities, canonicalised through the aliases."""

from __future__ import annotations

from typing import Any

from briefgen.config import slugify
from briefgen.extract.names import AliasIndex, match_principal, strip_titles
from briefgen.model import Knowledge, Mention, SourceRef

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def canonical_form(text: str, label: str, knowledge: Knowledge) -> str:
    """Return a mention's canonical surface: no leading 'the', possessive or titles."""
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    if label == "PERSON":
        text = strip_titles(text, knowledge)[0]
    return text.strip(" -–—,.")


def is_name(text: str) -> bool:
    """Return True if a surface form looks like a proper name: capitalised, not just digits."""
    return len(text) > 1 and text[:1].isupper() and not text.replace(" ", "").isdigit()


def mention_id(text: str, label: str, index: AliasIndex, knowledge: Knowledge) -> str | None:
    """Return the actor id a mention resolves to, or None if it is not a usable name."""
    if principal := match_principal(text, index):
        return principal.id
    form = canonical_form(text, label, knowledge)
    return slugify(form) if is_name(form) else None


def find_mentions(
    article_id: str, docs: list[Any], index: AliasIndex, knowledge: Knowledge
) -> tuple[Mention, ...]:
    """Return the article's mentions of named actors, in reading order."""
    mentions = []
    for n, doc in enumerate(docs):
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            actor_id = mention_id(str(ent.text), str(ent.label_), index, knowledge)
            if actor_id is None:
                continue
            mentions.append(
                Mention(
                    text=canonical_form(str(ent.text), str(ent.label_), knowledge),
                    label=str(ent.label_),
                    actor_id=actor_id,
                    source=SourceRef(article_id=article_id, paragraph=n),
                    start=int(ent.start_char),
                    end=int(ent.end_char),
                )
            )
    return tuple(mentions)
