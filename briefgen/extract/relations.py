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

from typing import Any

from briefgen.config import slugify
from briefgen.extract.names import AliasIndex, match_principal
from briefgen.model import Knowledge, Relation, RelationKind, SourceRef

Token = Any
BACK_LEMMAS = frozenset({"back", "support", "arm", "fund", "sponsor"})
BACKER_NOUNS = frozenset({"backer", "sponsor", "supporter", "patron"})
ALLY_NOUNS = frozenset({"ally", "allies"})


def phrase_of(token: Token) -> str:
    """Return a noun's phrase without relative clauses, appositions or trailing punctuation."""
    skip = {
        t.i
        for c in token.children
        if c.dep_ in {"relcl", "appos", "acl", "conj", "cc", "punct", "prep"}
        for t in c.subtree
    }
    words = [t for t in token.subtree if t.i not in skip]
    if not words:
        return str(token.text)
    text = str(token.doc[words[0].i : words[-1].i + 1].text)
    return text[4:] if text.lower().startswith("the ") else text


def with_conjuncts(token: Token) -> list[Token]:
    """Return a noun and the nouns conjoined with it: 'Norway, Japan and its allied groups'."""
    return [token, *[t for t in token.conjuncts if t.pos_ in {"NOUN", "PROPN"}]]


def actor_ref(token: Token, index: AliasIndex) -> tuple[str, str]:
    """Return (id, name) for the actor a noun phrase names: a principal or the phrase itself."""
    phrase = phrase_of(token)
    if token.lower_ == "who" and token.head.dep_ == "relcl":
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
            pairs += [("backing", b, backed) for b in with_conjuncts(obj)]
        prefix = next((c for c in token.children if c.dep_ in {"npadvmod", "compound"}), None)
        if prefix is not None and token.dep_ == "amod":
            pairs.append(("backing", prefix, token.head))  # "Japan-backed engineers"
    elif lemma in BACK_LEMMAS and token.pos_ == "VERB":
        subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if subj is not None and obj is not None:
            pairs += [("backing", subj, o) for o in with_conjuncts(obj)]
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
        with_ = next((c for c in token.children if c.lower_ == "with"), None)
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
    """Return True if a relation end is a pronoun or owned by one: 'it', 'its forces'."""
    if token.pos_ == "PRON" and token.lower_ != "who":
        return True
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


def find_relations(
    article_id: str, docs: list[Any], index: AliasIndex, knowledge: Knowledge
) -> tuple[Relation, ...]:
    """Return the relations stated in an article's sentences, in reading order."""
    del knowledge  # relation cues are structural; kept in the signature for later rules
    relations = []
    for n, doc in enumerate(docs):
        source = SourceRef(article_id=article_id, paragraph=n)
        for token in doc:
            for kind, backer, backed in backing_pairs(token) + stance_pairs(token):
                if _is_unresolved(backer) or _is_unresolved(backed):
                    continue  # "its forces", "they": no antecedent resolution for relations yet
                relations.append(_relation(kind, backer, backed, index, token.sent, source))
    return tuple(relations)
