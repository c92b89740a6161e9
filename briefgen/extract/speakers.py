"""Who is speaking: turning a clause's subject into a canonical speaker, or refusing to.

Strategies, in order: a pronoun takes the antecedent the caller tracked; a configured alias
makes a principal; a person's name (titles stripped, role kept); a named organisation, government
or group; a phrase headed by an institutional noun ("Turkish security officials"). Anything else
is not a speaker we can name, and we return None: a wrong speaker is worse than a missing one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from briefgen.config import slugify
from briefgen.extract.names import AliasIndex, match_principal, name_tokens, strip_titles
from briefgen.model import Knowledge

log = logging.getLogger(__name__)

Token = Any  # spaCy Token; spaCy's stubs do not type-check under --strict
Span = Any

PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Children that describe a subject rather than name it: "Jane Otieno, Kenya's former envoy".
DESCRIPTIVE_DEPS = frozenset({"appos", "relcl", "acl", "advcl"})
MAX_SPEAKER_TOKENS = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """A resolved speaker: canonical id and name, the role the text gives, and its kind."""

    id: str
    name: str
    role: str
    text: str
    is_person: bool


def naming_tokens(subject: Token) -> list[Token]:
    """Return the subject's tokens without descriptive children and edge punctuation."""
    excluded: set[int] = set()
    for child in subject.children:
        if child.dep_ in DESCRIPTIVE_DEPS:
            excluded.update(t.i for t in child.subtree)
    tokens = [t for t in subject.subtree if t.i not in excluded]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def descriptive_role(subject: Token) -> str:
    """Return the appositive role of a subject: 'Kenya's former envoy to Chile'."""
    for child in subject.children:
        if child.dep_ == "appos":
            return _clean_role(str(subject.doc[child.left_edge.i : child.right_edge.i + 1].text))
    return ""


def _clean_role(role: str) -> str:
    """Return a role without edge punctuation or a leading 'the'."""
    role = role.strip(" ,;:-–—")
    return role[4:] if role.lower().startswith("the ") else role


def _span_text(tokens: list[Token]) -> str:
    """Return the original text covered by a contiguous list of tokens."""
    doc = tokens[0].doc
    return str(doc[tokens[0].i : tokens[-1].i + 1].text)


def _entity_of(tokens: list[Token], head: Token) -> Span | None:
    """Return the name in a subject: the entity holding its head, else its last named entity.

    The second case is 'Geneva-based rights monitor the Coastal Observatory for Human
    Rights', where the parser makes 'monitor' the head and the name stands beside it.
    """
    inside = [
        e
        for e in head.doc.ents
        if e.label_ in NAME_LABELS and tokens[0].i <= e.start and e.end <= tokens[-1].i + 1
    ]
    holding = next((e for e in inside if e.start <= head.i < e.end), None)
    if holding is not None:
        return holding
    named = [e for e in inside if e.label_ in {"PERSON", "ORG"} and e.end == tokens[-1].i + 1]
    return named[-1] if named else None


def _join_role(*parts: str) -> str:
    """Return the non-empty role parts joined with a comma."""
    return ", ".join(p.strip(" ,") for p in parts if p.strip(" ,"))


def resolve_speaker(
    subject: Token,
    index: AliasIndex,
    knowledge: Knowledge,
    antecedent: Speaker | None,
) -> Speaker | None:
    """Return the canonical speaker a clause's subject names, or None if it names none."""
    lower = subject.lower_
    if lower in PERSON_PRONOUNS | THING_PRONOUNS:
        wanted_person = lower in PERSON_PRONOUNS
        if antecedent is not None and antecedent.is_person == wanted_person:
            return antecedent
        log.debug("pronoun %r without a fitting antecedent", subject.text)
        return None
    tokens = naming_tokens(subject)
    if not tokens:
        return None
    text = _span_text(tokens)
    role = descriptive_role(subject)
    if principal := match_principal(text, index):
        aliases = {name_tokens(a) for a in principal.aliases}
        rest = "" if name_tokens(text) in aliases else text
        return Speaker(
            id=principal.id,
            name=principal.name,
            role=_join_role(principal.role or rest, role),
            text=text,
            is_person=principal.type == "person",
        )
    return _named_speaker(tokens, subject, text, role, knowledge)


def _named_speaker(
    tokens: list[Token], subject: Token, text: str, role: str, knowledge: Knowledge
) -> Speaker | None:
    """Return a speaker named by an entity or an institutional phrase, or None."""
    ent = _entity_of(tokens, subject)
    if ent is not None and ent.label_ in {"PERSON", "ORG", "GPE", "FAC"}:
        full = str(ent.text)
        name, _ = strip_titles(full[4:] if full.lower().startswith("the ") else full, knowledge)
        before = text[: text.find(full)].strip() if full in text else ""
        before = _strip_trailing_ranks(before, knowledge)
        is_person = ent.label_ == "PERSON"
        return Speaker(
            id=slugify(name),
            name=name,
            role=_join_role(_clean_role(before), role),
            text=text,
            is_person=is_person,
        )
    if len(tokens) > MAX_SPEAKER_TOKENS:
        return None
    if subject.lemma_.lower() in knowledge.speaker_nouns or lower_in(subject, knowledge):
        name = text[4:] if text.lower().startswith("the ") else text
        if len(name.split()) < 2:
            log.debug("bare institutional speaker %r: which one is not said", text)
            return None
        return Speaker(
            id=slugify(name),
            name=name[:1].upper() + name[1:],
            role=role,
            text=text,
            is_person=False,
        )
    log.debug("no nameable speaker in %r", text)
    return None


def lower_in(token: Token, knowledge: Knowledge) -> bool:
    """Return True if the token's lower-case form is an institutional speaker noun."""
    return bool(token.lower_ in knowledge.speaker_nouns)


def _strip_trailing_ranks(text: str, knowledge: Knowledge) -> str:
    """Return a role without the ranks at its end: 'Rebel commander Col.' -> 'Rebel commander'.

    Offices stay: in 'Kenyan Foreign Minister' the title is the role.
    """
    words = text.split()
    while words and words[-1].lower() in knowledge.ranks:
        words.pop()
    return " ".join(words)


def name_before_verb(verb: Token, index: AliasIndex, knowledge: Knowledge) -> Speaker | None:
    """Return the speaker named by an entity ending right before a speech verb, or None.

    A fallback for parses that lose the subject: in 'Geneva-based rights monitor the
    Coastal Observatory for Human Rights said', the model tags 'monitor' as a verb.
    """
    ent = next((e for e in verb.doc.ents if e.end == verb.i), None)
    if ent is None or ent.label_ not in {"PERSON", "ORG", "FAC"} or ent.start < verb.sent.start:
        return None
    full = str(ent.text)
    if principal := match_principal(full, index):
        return Speaker(
            id=principal.id,
            name=principal.name,
            role=principal.role,
            text=full,
            is_person=principal.type == "person",
        )
    name, _ = strip_titles(full[4:] if full.lower().startswith("the ") else full, knowledge)
    before = str(verb.doc[verb.sent.start : ent.start].text)
    return Speaker(
        id=slugify(name),
        name=name,
        role=_clean_role(_strip_trailing_ranks(before, knowledge)),
        text=full,
        is_person=ent.label_ == "PERSON",
    )
