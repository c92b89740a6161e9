"""Relations between actors stated in one sentence: backing, alliance, solidarity, denial.

Shapes, each read off the dependency parse:
  passive    "Government forces have been backed by Norway, Japan and its allied groups"
  compound   "Japan-backed engineers"
  appositive "Japan, a main backer of the river authority"
  active     "Tokyo will back the Bangladeshi government"
  solidarity "leaders ... expressed their solidarity with Dhaka"
  denial     "the union has nothing to do with this blockade"
"""

from __future__ import annotations

import re
from typing import Any

from briefgen.config import slugify
from briefgen.extract.names import AliasIndex, match_principal
from briefgen.model import Knowledge, Relation, RelationKind, SourceRef

Token = Any
BACK_LEMMAS = frozenset({"back", "support", "arm", "fund", "sponsor"})
BACKER_NOUNS = frozenset({"backer", "sponsor", "supporter", "patron"})
ALLY_NOUNS = frozenset({"ally", "allies"})
GROUP_NOUNS = frozenset({"leader", "government", "official", "representative", "minister"})
RELATIVES = frozenset({"who", "which", "that"})  # "X, which has backed Y": X backs Y


MODIFIERS = frozenset({"amod", "compound", "poss", "nmod"})


def is_owner(child: Token) -> bool:
    """Return True for "of" + a name after a noun: "the army of Nordmark" keeps it."""
    if child.dep_ != "prep" or child.lower_ != "of":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return len(objects) == 1 and objects[0].pos_ == "PROPN" and not list(objects[0].children)


def phrase_of(token: Token) -> str:
    """Return a noun's phrase without relative clauses, appositions or trailing punctuation.

    A bare conjunct shares the first conjunct's modifiers: in "the Nordic government and
    army", "army" is "Nordic army".
    """
    skip = {
        t.i
        for c in token.children
        if c.dep_ in {"relcl", "appos", "acl", "conj", "cc", "punct", "prep"} and not is_owner(c)
        for t in c.subtree
    }
    words = [t for t in token.subtree if t.i not in skip]
    if not words:
        return str(token.text)
    text = "".join(str(t.text_with_ws) for t in words).strip()
    if token.dep_ == "conj" and len(words) == 1 and token.pos_ == "NOUN":
        first = token.head
        shared = [c for c in first.children if c.dep_ in MODIFIERS and c.i < first.i]
        if shared and first.pos_ == "NOUN":
            start = min(t.i for c in shared for t in c.subtree)
            text = f"{token.doc[start : first.i].text} {text}"
    text = text[4:] if text.lower().startswith("the ") else text
    return re.sub(r"\s*['’]s?$", "", text)  # the owner of "Nordland's allies"


def with_conjuncts(token: Token) -> list[Token]:
    """Return a noun and the nouns conjoined with it: 'Norway, Japan and its allied groups'.

    A common noun that lists its members stands for them: "leaders, including A and B" -> A, B;
    so do "leaders of A and B".
    """
    members_of = {"including", "like"} | ({"of"} if token.lemma_.lower() in GROUP_NOUNS else set())
    including = next(
        (c for c in token.children if c.dep_ == "prep" and c.lower_ in members_of), None
    )
    member = next((c for c in including.children if c.dep_ == "pobj"), None) if including else None
    if token.pos_ == "NOUN" and member is not None:
        token = member
    return [token, *[t for t in token.conjuncts if t.pos_ in {"NOUN", "PROPN"}]]


def actor_ref(token: Token, index: AliasIndex) -> tuple[str, str]:
    """Return (id, name) for the actor a noun phrase names: a principal or the phrase itself."""
    phrase = phrase_of(token)
    if token.lower_ in RELATIVES and token.head.dep_ == "relcl":
        phrase = phrase_of(token.head.head)
    principal = match_principal(phrase, index)
    if principal is not None:
        return principal.id, principal.name
    return slugify(phrase), phrase


def _relation(
    kind: RelationKind,
    backer: Token,
    backed: Token,
    index: AliasIndex,
    sent: Any,
    source: SourceRef,
) -> Relation:
    """Return one Relation between two noun tokens of a sentence."""
    source_id, source_name = actor_ref(backer, index)
    target_id, target_name = actor_ref(backed, index)
    return Relation(
        kind=kind,
        source_id=source_id,
        source_name=source_name,
        target_id=target_id,
        target_name=target_name,
        evidence=str(sent.text).strip(),
        source=source,
    )


def backing_pairs(token: Token) -> list[tuple[RelationKind, Token, Token]]:
    """Return (kind, backer, backed) pairs a single token anchors."""
    pairs: list[tuple[RelationKind, Token, Token]] = []
    lemma = token.lemma_.lower()
    if lemma in BACK_LEMMAS and token.tag_ == "VBN":
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        backed = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if backed is None and token.dep_ in {"acl", "amod"}:
            backed = token.head
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if obj is not None and backed is not None:
            pairs += [
                ("backing", b, t)
                for b in with_conjuncts(obj)
                for t in (with_conjuncts(backed) if backed.dep_ == "nsubjpass" else [backed])
            ]
        prefix = next((c for c in token.children if c.dep_ in {"npadvmod", "compound"}), None)
        if prefix is not None and token.dep_ == "amod":
            pairs.append(("backing", prefix, token.head))  # "Japan-backed engineers"
    elif lemma in BACK_LEMMAS and token.pos_ == "VERB":
        subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if subj is not None and obj is not None:
            pairs += [("backing", subj, o) for o in with_conjuncts(obj)]
    elif lemma in ALLY_NOUNS | {"ally"} and token.pos_ == "NOUN" and token.dep_ != "appos":
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        members = next((c for c in token.children if c.dep_ == "appos"), None)
        if owner is not None and members is not None:  # "Nordland's allies - A and B"
            pairs += [("allied", m, owner) for m in with_conjuncts(members)]
    elif lemma in BACKER_NOUNS | ALLY_NOUNS and token.dep_ == "appos":
        of = next((c for c in token.children if c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        kind: RelationKind = "backing" if lemma in BACKER_NOUNS else "allied"
        if obj is not None:
            pairs.append((kind, token.head, obj))
    return pairs


def stance_pairs(token: Token) -> list[tuple[RelationKind, Token, Token]]:
    """Return solidarity and denial pairs a token anchors."""
    if token.lower_ == "solidarity":
        verb = token.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        with_ = next((c for c in token.children if c.lower_ == "with"), None) or next(
            (c for c in verb.children if c.lower_ == "with" and c.i > token.i), None
        )
        obj = next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ else None
        if subj is not None and obj is not None:
            return [("solidarity", s, obj) for s in with_conjuncts(subj)]
    if token.lower_ == "nothing" and token.head.lemma_ == "have":
        subj = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        with_ = next((t for t in token.subtree if t.lower_ == "with"), None)
        obj = next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ else None
        if subj is not None and obj is not None:
            return [("denial", subj, obj)]
    return []


def _is_unresolved(token: Token) -> bool:
    """Return True if a relation end is a pronoun or owned by one: 'it', 'its forces',
    "its members' dues"."""
    if token.pos_ == "PRON" and token.lower_ not in RELATIVES:
        return True
    owners = [c for c in token.children if c.dep_ == "poss"]
    while owners:
        owner = owners.pop()
        if owner.pos_ == "PRON":
            return True
        owners += [c for c in owner.children if c.dep_ == "poss"]
    return False


def is_actor_like(token: Token, nouns: frozenset[str]) -> bool:
    """Return True if a noun can be a party to a relation: a name, or a common noun that
    names a body of people ("rebels", "the government"), not a thing ("the strike")."""
    words = [token, *(c for c in token.children if c.dep_ in {"compound", "amod"})]
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in words):
        return True
    return any(t.lemma_.lower() in nouns or t.lower_ in nouns for t in words)


def actor_nouns(knowledge: Knowledge) -> frozenset[str]:
    """Return the common nouns that name bodies of people, from the packaged word lists."""
    words = {w for w, _ in knowledge.state_nouns}
    words |= {w for w, kind, side in knowledge.actor_words if (kind, side) != ("-", "-")}
    words |= knowledge.speaker_nouns | {"opposition", "union", "workers"}
    return frozenset(w for w in words if " " not in w)


def speaker_of(token: Token) -> Token:
    """Return the noun a relative or a pronoun stands for: "X, which has backed Y" -> X; "The
    alliance said it backed the strikers" -> "The alliance"; else the token itself."""
    if token.lower_ in RELATIVES and token.head.dep_ == "relcl":
        return token.head.head  # "X, which has backed Y": X
    if token.lower_ not in {"it", "they"} or token.dep_ != "nsubj":
        return token
    verb = token.head
    while verb.dep_ in {"ccomp", "conj"} and verb.head.i != verb.i:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            return subject
    return token


def find_relations(
    article_id: str, docs: list[Any], index: AliasIndex, knowledge: Knowledge
) -> tuple[Relation, ...]:
    """Return the relations stated in an article's sentences, in reading order."""
    nouns = actor_nouns(knowledge)
    relations = []
    for n, doc in enumerate(docs):
        source = SourceRef(article_id=article_id, paragraph=n)
        for token in doc:
            for kind, backer, backed in backing_pairs(token) + stance_pairs(token):
                backer, backed = speaker_of(backer), speaker_of(backed)
                if _is_unresolved(backer) or _is_unresolved(backed):
                    continue  # "its forces", "they": no antecedent resolution for relations yet
                if not is_actor_like(backer, nouns) or (
                    kind != "denial" and not is_actor_like(backed, nouns)
                ):
                    continue  # "backed the strike": a stance toward an event, not an actor
                relations.append(_relation(kind, backer, backed, index, token.sent, source))
    return tuple(relations)
