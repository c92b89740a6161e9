"""Claims: the figures that matter in one article, and its hedged assertions, each with who
claims it and the hedges that qualify it.

Claimant, in order:
  1. the speaker of the statement the figure stands in ("Kamau said 60 guards were ...",
     "..., according to the Red Cross");
  2. the subject of a speech verb above the figure that find_statements could not name
     ("the ministry said 400 homes were lost"): its words only, no actor id;
  3. none: the article states the figure itself.
Hedges (hedges.tsv) count in the claim's sentence, and in the next sentence of its paragraph
or the next paragraph when that one only qualifies ("There was no independent confirmation
of the toll."), never when it qualifies a claim of its own; hedges inside direct quotations are the
speaker's words, not the text's doubt. A hedged sentence without figures is an assertion.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from briefgen.extract.figures import Figure, find_figures
from briefgen.extract.hedges import Hedge, find_hedges, status_of
from briefgen.model import Claim, Knowledge, SourceRef, Statement

Span = Any  # spaCy Span
Doc = Any
Token = Any

# A sentence is only a hedge when it has no figure, names nobody and is this short.
HEDGE_ONLY_MAX_TOKENS = 15
HEDGE_ONLY_TAIL_WORDS = 3
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
Claimant = tuple[str | None, str | None, str | None]  # id, name, text
NO_CLAIMANT: Claimant = (None, None, None)


def _hedges(sent: Span, direct: list[Statement], knowledge: Knowledge) -> tuple[Hedge, ...]:
    """Return the hedges of a sentence, offsets in its paragraph, outside direct quotations."""
    base = sent.start_char
    found = find_hedges(sent.text, knowledge.hedges)
    return tuple(
        replace(h, start=h.start + base, end=h.end + base)
        for h in found
        if not any(s.start <= h.start + base < s.end for s in direct)
    )


def _is_hedge_only(sent: Span, hedges: tuple[Hedge, ...], figures: tuple[Figure, ...]) -> bool:
    """Return True for a sentence that only qualifies another: 'There was no independent
    confirmation of the toll.'"""
    return (
        bool(hedges)
        # "may have", "reportedly" qualify their own clause; "conflicting reports over whether
        # the dam had burst" says what is in doubt; "of the toll" points back
        and all(h.clause and h.tail_words <= HEDGE_ONLY_TAIL_WORDS for h in hedges)
        and not figures
        and len(sent) <= HEDGE_ONLY_MAX_TOKENS
        and not any(e.label_ in NAME_LABELS for e in sent.ents)
    )


def _covering(start: int, end: int, statements: list[Statement]) -> Claimant | None:
    """Return the speaker of the one statement (or all statements of one speaker) that
    overlaps these offsets, or None."""
    hits = [s for s in statements if s.start < end and start < s.end]
    speakers = {(s.speaker_id, s.speaker_name, s.speaker_text) for s in hits}
    if len({s[0] for s in speakers}) != 1:
        return None
    return min(speakers, key=lambda s: (len(s[2]), s[2]))


def _subject_of(verb: Token) -> str | None:
    """Return the words of a verb's nominal subject (a conjoined verb shares its head's:
    'took the town and claimed ...'), or None if it has none or a pronoun."""
    heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    for child in (c for head in heads for c in head.children):
        if child.dep_ == "nsubj" and child.pos_ != "PRON":
            return _phrase(child)
    return None


def _phrase(token: Token) -> str:
    """Return the words of a token's subtree without punctuation at its edges."""
    words = list(token.subtree)
    while words and words[-1].is_punct:
        words.pop()
    return "".join(t.text_with_ws for t in words).strip()


def _speech_subject(token: Token, knowledge: Knowledge) -> str | None:
    """Return the words of the subject of a speech verb above a token (for the sentence root:
    of the sentence's only speech verb), or of 'according to X' in its sentence; None if there
    is neither or the subject is a pronoun."""
    verbs = [a for a in [token, *token.ancestors] if a.lemma_.lower() in knowledge.speech_verbs]
    if token.dep_ == "ROOT" and not verbs:
        verbs = [t for t in token.sent if t.lemma_.lower() in knowledge.speech_verbs]
    subjects = {found for verb in verbs if (found := _subject_of(verb))}
    if len(subjects) == 1:
        return subjects.pop()
    for word in token.sent:
        if word.lower_ == "according":
            for to in word.children:
                for obj in (c for c in to.children if c.dep_ == "pobj"):
                    return _phrase(obj)
    return None


def _claimant(
    token: Token, start: int, end: int, statements: list[Statement], knowledge: Knowledge
) -> Claimant:
    """Return who claims what stands at these offsets (see the module docstring)."""
    found = _covering(start, end, statements)
    if found is not None:
        return found
    text = _speech_subject(token, knowledge)
    return (None, None, text) if text else NO_CLAIMANT


def _claim(
    figure: Figure | None,
    sent: Span,
    hedges: tuple[Hedge, ...],
    claimant: Claimant,
    source: SourceRef,
) -> Claim:
    """Return the claim of a figure, or of the whole sentence when figure is None."""
    return Claim(
        kind=figure.kind if figure else "assertion",
        figure=figure.text if figure else "",
        value=figure.value if figure else None,
        unit=figure.unit if figure else "",
        counted=figure.counted if figure else "",
        noun=figure.noun if figure else "",
        outcome=figure.outcome if figure else "",
        claimant_id=claimant[0],
        claimant_name=claimant[1],
        claimant_text=claimant[2],
        qualifiers=tuple(h.text for h in hedges),
        status=status_of(hedges),
        sentence=str(sent.text).strip(),
        source=source,
        start=figure.start if figure else int(sent.start_char),
        end=figure.end if figure else int(sent.end_char),
    )


def _paragraph_claims(
    sents: list[Span],
    trailing: tuple[Hedge, ...],
    statements: list[Statement],
    knowledge: Knowledge,
    source: SourceRef,
) -> list[Claim]:
    """Return the claims of one paragraph; trailing hedges (from a next paragraph that is only
    a hedge) qualify its last sentence."""
    direct = [s for s in statements if s.kind == "direct"]
    figures = [find_figures(sent, knowledge) for sent in sents]
    hedges = [_hedges(sent, direct, knowledge) for sent in sents]
    claims = []
    for i, sent in enumerate(sents):
        attached = hedges[i]
        if i + 1 < len(sents) and _is_hedge_only(sents[i + 1], hedges[i + 1], figures[i + 1]):
            attached += hedges[i + 1]  # not a hedge of the next sentence's own claim
        if i + 1 == len(sents):
            attached += trailing
        for figure in figures[i]:
            root = sent.doc.char_span(figure.start, figure.end, alignment_mode="expand").root
            who = _claimant(root, figure.start, figure.end, statements, knowledge)
            claims.append(_claim(figure, sent, attached, who, source))
        if attached and not figures[i] and not _is_hedge_only(sent, hedges[i], figures[i]):
            who = _claimant(sent.root, sent.start_char, sent.end_char, statements, knowledge)
            claims.append(_claim(None, sent, attached, who, source))
    return claims


def _trailing(doc: Doc | None, knowledge: Knowledge) -> tuple[Hedge, ...]:
    """Return the hedges of a paragraph that is one hedge-only sentence, else ()."""
    if doc is None:
        return ()
    sents = list(doc.sents)
    if len(sents) != 1:
        return ()
    hedges = _hedges(sents[0], [], knowledge)
    return hedges if _is_hedge_only(sents[0], hedges, find_figures(sents[0], knowledge)) else ()


def find_claims(
    article_id: str, docs: list[Doc], statements: tuple[Statement, ...], knowledge: Knowledge
) -> tuple[Claim, ...]:
    """Return the claims of an article's paragraphs (parsed docs), in reading order."""
    claims = []
    for n, doc in enumerate(docs):
        source = SourceRef(article_id=article_id, paragraph=n)
        own = [s for s in statements if s.source.paragraph == n]
        trailing = _trailing(docs[n + 1] if n + 1 < len(docs) else None, knowledge)
        claims.extend(_paragraph_claims(list(doc.sents), trailing, own, knowledge, source))
    return tuple(sorted(claims, key=lambda c: (c.source.paragraph, c.start, c.end, c.figure)))
