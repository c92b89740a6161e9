"""Statements: who said what in one article, direct and indirect, attributed or dropped.

A speech clause is a speech verb with a nominal subject outside any quotation ("X said",
"said X", "X told reporters that ..."), or "according to X". Quotations attach to the clause in
their sentence, else to the paragraph's only clause; a quotation that opens a paragraph right
after a statement continues it (press convention for multi-paragraph quotes). Pronoun subjects
take the antecedent tracked sentence by sentence. Whatever cannot be attributed is dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from briefgen.extract.names import AliasIndex
from briefgen.extract.quotes import QuoteSpan, find_quote_spans, runs_on
from briefgen.extract.speakers import Speaker, name_before_verb, resolve_speaker
from briefgen.model import Knowledge, SourceRef, Statement, StatementKind

log = logging.getLogger(__name__)

Doc = Any  # spaCy Doc
Token = Any

SUBJECT_DEPS = frozenset({"nsubj"})
# Quoted words at or above this share of a reported clause make the statement direct.
DIRECT_SHARE = 0.5
# An antecedent is forgotten after this many sentences without a new mention.
ANTECEDENT_SENTENCES = 3
MIN_QUOTE_WORDS = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class Clause:
    """A speech verb, its speaker, and the character range of what it reports (if any)."""

    verb: Token
    speaker: Speaker
    cue: str
    content: tuple[int, int] | None


def _inside(offset: int, quotes: tuple[QuoteSpan, ...]) -> bool:
    """Return True if a character offset lies inside a quotation."""
    return any(q.start <= offset < q.end for q in quotes)


def _subtree_range(token: Token) -> tuple[int, int]:
    """Return the character range of a token's subtree."""
    tokens = list(token.subtree)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in '”"':
        tokens.pop()
    return int(tokens[0].idx), int(tokens[-1].idx + len(tokens[-1].text))


def content_range(verb: Token) -> tuple[int, int] | None:
    """Return the character range a speech verb reports: its clausal complement, if any."""
    ranges = [_subtree_range(c) for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    # "... poses a risk ... and called on resuming diplomatic efforts": a conjoined speech verb
    ranges += [_subtree_range(c) for c in verb.children if c.dep_ == "conj" and c.i > verb.i]
    if not ranges or not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


@dataclass(frozen=True, slots=True, kw_only=True)
class Antecedent:
    """The last named actor a pronoun can refer to, and how many sentences ago it was named."""

    speaker: Speaker | None = None
    age: int = 0


def _sentence_clauses(
    sent: Any,
    quotes: tuple[QuoteSpan, ...],
    index: AliasIndex,
    knowledge: Knowledge,
    antecedent: Speaker | None,
) -> list[Clause]:
    """Return the speech clauses of one sentence whose speaker can be named."""
    clauses = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in knowledge.speech_verbs:
            continue
        if _inside(verb.idx, quotes):
            continue
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None and verb.dep_ != "ROOT":
            continue
        speaker = resolve_speaker(subject, index, knowledge, antecedent) if subject else None
        speaker = speaker or name_before_verb(verb, index, knowledge)
        if speaker is not None:
            clauses.append(
                Clause(
                    verb=verb, speaker=speaker, cue=verb.text.lower(), content=content_range(verb)
                )
            )
    return clauses


def next_antecedent(
    sent: Any,
    clauses: list[Clause],
    index: AliasIndex,
    knowledge: Knowledge,
    current: Antecedent,
) -> Antecedent:
    """Return the antecedent after a sentence: its speaker, else its named subject."""
    if clauses:
        return Antecedent(speaker=clauses[-1].speaker)
    # 'Transport Minister Peter Mwangi visited the port. He told reporters ...'
    subject = next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.lower_ not in {"he", "she", "it", "they"}:
        named = resolve_speaker(subject, index, knowledge, None)
        if named is not None:
            return Antecedent(speaker=named)
    if current.age + 1 >= ANTECEDENT_SENTENCES:
        return Antecedent()
    return Antecedent(speaker=current.speaker, age=current.age + 1)


def find_clauses(
    doc: Doc,
    quotes: tuple[QuoteSpan, ...],
    index: AliasIndex,
    knowledge: Knowledge,
    antecedent: Antecedent,
) -> tuple[list[Clause], Antecedent]:
    """Return a paragraph's speech clauses in order, and the antecedent after it."""
    clauses: list[Clause] = []
    for sent in doc.sents:
        found = _sentence_clauses(sent, quotes, index, knowledge, antecedent.speaker)
        found += find_according_to(sent, quotes, index, knowledge)
        antecedent = next_antecedent(sent, found, index, knowledge, antecedent)
        clauses += sorted(found, key=lambda c: c.verb.i)
    return clauses, antecedent


def find_according_to(
    sent: Any, quotes: tuple[QuoteSpan, ...], index: AliasIndex, knowledge: Knowledge
) -> list[Clause]:
    """Return clauses of the form 'according to X, <report>' or '<report>, according to X'."""
    clauses = []
    for token in sent:
        if token.lower_ != "according" or _inside(token.idx, quotes):
            continue
        prep = next((c for c in token.children if c.lower_ == "to"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if obj is None:
            continue
        speaker = resolve_speaker(obj, index, knowledge, None)
        if speaker is None:
            continue
        phrase_start, phrase_end = _subtree_range(token)
        before = (int(sent.start_char), phrase_start)
        after = (phrase_end, int(sent.end_char))
        content = max(before, after, key=lambda r: r[1] - r[0])
        clauses.append(Clause(verb=token, speaker=speaker, cue="according to", content=content))
    return clauses


def _opens_sentence(doc: Doc, quote: QuoteSpan, sent: Any) -> bool:
    """Return True if only punctuation stands between a sentence's start and the quotation."""
    return not doc.text[sent.start_char : quote.start].strip(" “\"'‘")


def attach_quotes(
    doc: Doc, quotes: tuple[QuoteSpan, ...], clauses: list[Clause], knowledge: Knowledge
) -> dict[int, Clause | None]:
    """Return, for each quotation index, the clause it belongs to (None if none)."""
    attached: dict[int, Clause | None] = {}
    sents = list(doc.sents)
    for n, quote in enumerate(quotes):
        touched = [s for s in sents if s.start_char < quote.end and s.end_char > quote.start]
        starts = {s.start for s in touched}
        # '“...,” Ana Torres said in a statement.': the clause in the quotation's sentence
        same = [c for c in clauses if c.verb.sent.start in starts]
        if not same and touched:
            same = _previous_sentence_clause(doc, quote, touched[0], sents, clauses, knowledge)
        attached[n] = min(same, key=lambda c: abs(c.verb.idx - quote.start)) if same else None
    return attached


def _previous_sentence_clause(
    doc: Doc,
    quote: QuoteSpan,
    sent: Any,
    sents: list[Any],
    clauses: list[Clause],
    knowledge: Knowledge,
) -> list[Clause]:
    """Return the clause of the sentence just before a quotation that opens its own sentence.

    '"...," he told MailOnline. "If this shows ...': the second quotation has no verb of its
    own and follows the clause directly. A sentence with a speech verb we could not resolve
    never borrows another sentence's speaker.
    """
    has_verb = any(
        t.lemma_.lower() in knowledge.speech_verbs and not _inside(t.idx, (quote,))
        for t in sent
        if t.pos_ == "VERB"
    )
    if has_verb or not _opens_sentence(doc, quote, sent):
        return []
    before = [s for s in sents if s.end <= sent.start]
    if not before:
        return []
    return [c for c in clauses if c.verb.sent.start == before[-1].start]


def direct_kind(content: tuple[int, int], quotes: list[QuoteSpan]) -> StatementKind:
    """Return 'direct' if quoted words make up most of the reported clause."""
    quoted = sum(min(q.end, content[1]) - max(q.start, content[0]) for q in quotes)
    return "direct" if quoted >= DIRECT_SHARE * (content[1] - content[0]) else "indirect"


def _reported(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Return a reported span without a leading 'that' or punctuation: ', the army ...'."""
    start, end = span
    while start < end and text[start] in " ,;:-–—":
        start += 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    return start, end


def _statement(
    clause_speaker: Speaker,
    cue: str,
    kind: StatementKind,
    text: str,
    span: tuple[int, int],
    source: SourceRef,
) -> Statement:
    """Return a Statement record for one span of one paragraph."""
    span = _reported(text, span)
    if kind == "direct" and not text[span[0] : span[1]].count("“"):
        # '“... back to the table,” Ana Torres said': no comma
        while span[1] > span[0] and text[span[1] - 1] in ",;:":
            span = (span[0], span[1] - 1)
    return Statement(
        speaker_id=clause_speaker.id,
        speaker_name=clause_speaker.name,
        speaker_text=clause_speaker.text,
        role=clause_speaker.role,
        cue=cue,
        kind=kind,
        text=text[span[0] : span[1]],
        source=source,
        start=span[0],
        end=span[1],
    )


def statements_of_clause(
    clause: Clause, quotes: list[QuoteSpan], text: str, source: SourceRef
) -> list[Statement]:
    """Return the statements one clause makes: its quotations, or its reported clause."""
    content = clause.content
    if content and quotes and all(content[0] <= q.start and q.end <= content[1] for q in quotes):
        # 'Lopez said the city will continue to “keep the port open ...”': a partial quotation
        kind = direct_kind(content, quotes)
        return [_statement(clause.speaker, clause.cue, kind, text, content, source)]
    if quotes:
        return [
            _statement(clause.speaker, clause.cue, "direct", text, (q.start, q.end), source)
            for q in quotes
            if len(text[q.start : q.end].split()) >= MIN_QUOTE_WORDS
        ]
    if content:
        return [_statement(clause.speaker, clause.cue, "indirect", text, content, source)]
    log.debug("speech verb %r without reported content in %s", clause.cue, source)
    return []


def find_statements(
    article_id: str,
    paragraphs: tuple[str, ...],
    docs: list[Doc],
    index: AliasIndex,
    knowledge: Knowledge,
) -> tuple[Statement, ...]:
    """Return every attributable statement of an article, in reading order."""
    statements: list[Statement] = []
    antecedent = Antecedent()
    carried_open = False
    previous: Statement | None = None  # the last statement of the previous paragraph
    speakers: dict[str, Speaker] = {}
    for n, (text, doc) in enumerate(zip(paragraphs, docs, strict=True)):
        source = SourceRef(article_id=article_id, paragraph=n)
        quotes = find_quote_spans(text, carried_open)
        clauses, antecedent = find_clauses(doc, quotes, index, knowledge, antecedent)
        found = paragraph_statements(doc, text, quotes, clauses, previous, source, knowledge)
        speakers.update((c.speaker.id, c.speaker) for c in clauses)
        if found:
            antecedent = Antecedent(speaker=speakers.get(found[-1].speaker_id))
        statements += found
        previous = found[-1] if found else None
        carried_open = runs_on(quotes)
    return tuple(statements)


def paragraph_statements(
    doc: Doc,
    text: str,
    quotes: tuple[QuoteSpan, ...],
    clauses: list[Clause],
    previous: Statement | None,
    source: SourceRef,
    knowledge: Knowledge,
) -> list[Statement]:
    """Return a paragraph's statements: each clause's, then quotations that continue one."""
    attached = attach_quotes(doc, quotes, clauses, knowledge)
    found: list[tuple[int, Statement]] = []
    for clause in clauses:
        own = [q for n, q in enumerate(quotes) if attached[n] is clause]
        found += [(s.start, s) for s in statements_of_clause(clause, own, text, source)]
    for n, quote in enumerate(quotes):
        if attached[n] is not None or previous is None:
            continue
        opens_paragraph = not text[: quote.start].strip(' “"')
        if quote.continued or (opens_paragraph and not clauses):
            # a quotation opening the paragraph after "The US said ...": the same speaker
            found.append((quote.start, _continued(previous, text, quote, source)))
    return [s for _, s in sorted(found, key=lambda pair: pair[0])]


def _continued(previous: Statement, text: str, quote: QuoteSpan, source: SourceRef) -> Statement:
    """Return a direct statement continuing the previous paragraph's speaker."""
    return Statement(
        speaker_id=previous.speaker_id,
        speaker_name=previous.speaker_name,
        speaker_text=previous.speaker_text,
        role=previous.role,
        cue=previous.cue,
        kind="direct",
        text=text[quote.start : quote.end],
        source=source,
        start=quote.start,
        end=quote.end,
    )
