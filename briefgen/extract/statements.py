"""Statements: who said what in one article, direct and indirect, attributed or dropped.

A speech clause is a speech verb with a nominal subject outside any quotation ("X said",
"said X", "X told reporters that ..."), a passive one with its agent ("it was announced by X
that ..."), or "according to X"; a negated verb ("did not say whether") reports nothing. A
reported clause ends where another speaker's clause begins ("..., while X said ...").
Quotations attach to the clause in their sentence, else to the paragraph's only clause; a
sentence interrupted by its attribution ('"The port," she said, "will stay open."') is one
statement. A quotation that opens a paragraph right after a statement continues it (press
convention for multi-paragraph quotes), as does one after a lead-in that ends its paragraph
with a colon ("X said in a statement:"). Pronoun subjects take the antecedent tracked sentence
by sentence; a subject naming several people leaves none. Whatever cannot be attributed is
dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

from briefgen.extract.names import AliasIndex
from briefgen.extract.quotes import QuoteSpan, find_quote_spans, runs_on
from briefgen.extract.speakers import (
    People,
    Speaker,
    is_group,
    known_people,
    name_before_verb,
    resolve_speaker,
    resolve_speakers,
)
from briefgen.model import Knowledge, SourceRef, Statement, StatementKind

log = logging.getLogger(__name__)

Doc = Any  # spaCy Doc
Token = Any
Span = Any  # spaCy Span

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


# Signs spaCy counts as punctuation that belong to the number before them.
NUMBER_SIGNS = frozenset({"%", "‰"})


def _inside(offset: int, quotes: tuple[QuoteSpan, ...]) -> bool:
    """Return True if a character offset lies inside a quotation."""
    return any(q.start <= offset < q.end for q in quotes)


def _loose_punct(token: Token) -> bool:
    """Return True for punctuation that ends no words of a statement: not a sign that belongs
    to its number ("61.3%", which spaCy counts as punctuation) nor a closing quotation mark."""
    return bool(token.is_punct) and token.text not in NUMBER_SIGNS and token.text not in '”"'


def _subtree_range(token: Token, stop: int | None = None) -> tuple[int, int]:
    """Return the character range of a token's subtree, up to the token index stop."""
    tokens = [t for t in token.subtree if stop is None or t.i < stop]
    while tokens and (_loose_punct(tokens[-1]) or tokens[-1].dep_ == "cc"):
        tokens.pop()
    return int(tokens[0].idx), int(tokens[-1].idx + len(tokens[-1].text))


def _has_subject(verb: Token) -> bool:
    """Return True if a verb has a subject of its own."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def content_range(verb: Token, knowledge: Knowledge) -> tuple[int, int] | None:
    """Return the character range a speech verb reports: its clausal complements, if any.

    A coordinated speech verb with a clause of its own reports it apart (secondary_verbs);
    one without ('said the process was flawed and called for an audit') stays in the range.
    """
    others = secondary_verbs(verb, knowledge)
    stops = [t.left_edge.i for t in others]
    ranges = [
        _subtree_range(c, stop=min([i for i in stops if i > c.i], default=None))
        for c in verb.children
        if c.dep_ == "ccomp" and c.i > verb.i and all(c.i != t.i for t in others)
    ]
    if not ranges:
        return None
    ranges += [
        _subtree_range(c)
        for c in verb.children
        if c.dep_ == "conj" and c.i > verb.i and not _has_subject(c)
        if all(c.i != t.i for t in others)
    ]
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


def _own_clause(verb: Token) -> bool:
    """Return True if a verb has a reported clause of its own: 'warned that ...'."""
    has_ccomp = any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    return has_ccomp or _noun_complement(verb) is not None


def _noun_complement(verb: Token) -> tuple[int, int] | None:
    """Return a that-clause hung on the verb's prepositional phrase: 'said in a statement that'."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for token in prep.subtree:
            if token.dep_ in {"acl", "ccomp"} and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in token.children
            ):
                return _subtree_range(token)
    return None


def _reported_before(verb: Token, quotes: tuple[QuoteSpan, ...]) -> tuple[int, int] | None:
    """Return the reported clause before its attribution: '..., the ministry said.'.

    Only outside quotations: a quotation before the verb is attached as a quotation.
    """
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if before:
        start, end = _subtree_range(before[0])
    elif verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # 'The toll rose to 52, the government said, as ...': the clause the verb hangs on
        tokens = [t for t in verb.head.subtree if t.i < verb.left_edge.i]
        while tokens and (
            (tokens[-1].is_punct and tokens[-1].text not in NUMBER_SIGNS) or tokens[-1].dep_ == "cc"
        ):
            tokens.pop()
        if not tokens:
            return None
        start, end = int(tokens[0].idx), int(tokens[-1].idx + len(tokens[-1].text))
    else:
        return None
    if any(q.start < end and start < q.end for q in quotes):
        return None
    return start, end


def secondary_verbs(verb: Token, knowledge: Knowledge) -> list[Token]:
    """Return the speech verbs that share a speech verb's subject: each is a statement.

    'said the push poses a risk ... and called on ...', '..., adding that ...', and 'said ...
    but warned that ...', which the parser may hang on the first verb as a second complement.
    """
    found = []
    for child in verb.children:
        if child.i <= verb.i or child.pos_ != "VERB" or _has_subject(child):
            continue
        if any(c.dep_ == "neg" for c in child.children):
            continue  # "said ... but did not say whether ..."
        if child.lemma_.lower() not in knowledge.speech_verbs:
            continue
        left = child.left_edge.i
        coordinated = left > 0 and verb.doc[left - 1].dep_ == "cc"
        shaped = (
            child.dep_ == "conj"
            or (child.dep_ == "advcl" and child.tag_ == "VBG")
            or (child.dep_ == "ccomp" and coordinated)
        )
        if shaped and _own_clause(child):
            found.append(child)
    return found + _hung_on_complement(verb, knowledge)


def _hung_on_complement(verb: Token, knowledge: Knowledge) -> list[Token]:
    """Return speech verbs the parser joined to the reported clause instead of to the verb.

    'said the push poses a risk ... and called on ...': "called" agrees with "said" (both
    past), not with "poses", so it is the speaker's second verb. A verb in the reported
    clause's own form ('said workers would return and demand ...') stays in it.
    """
    found = []
    for comp in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        found += [
            c
            for c in comp.children
            if c.dep_ == "conj"
            and c.pos_ == "VERB"
            and c.lemma_.lower() in knowledge.speech_verbs
            and not _has_subject(c)
            and not any(n.dep_ == "neg" for n in c.children)
            and c.tag_ == verb.tag_
            and comp.tag_ != verb.tag_
            and _own_clause(c)
        ]
    return found


@dataclass(frozen=True, slots=True, kw_only=True)
class Antecedent:
    """The last named actor a pronoun can refer to, and how many sentences ago it was named."""

    speaker: Speaker | None = None
    age: int = 0


def _passive_agent(verb: Token) -> Token | None:
    """Return the agent of a passive speech verb: 'It was announced by the commission that'."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def _sentence_clauses(
    sent: Any,
    quotes: tuple[QuoteSpan, ...],
    index: AliasIndex,
    knowledge: Knowledge,
    antecedent: Speaker | None,
    people: People,
) -> list[Clause]:
    """Return the speech clauses of one sentence whose speaker can be named."""
    clauses = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in knowledge.speech_verbs:
            continue
        if _inside(verb.idx, quotes) or any(c.dep_ == "neg" for c in verb.children):
            continue  # quoted words, or "did not say whether ...": nothing is reported
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        subject = subject if subject is not None else _passive_agent(verb)
        subject = subject if subject is not None else _borrowed_subject(verb, knowledge)
        if subject is None and verb.dep_ != "ROOT":
            continue
        speakers = (
            resolve_speakers(subject, index, knowledge, antecedent, people) if subject else []
        )
        if not speakers and (subject is None or not is_group(subject)):
            fallback = name_before_verb(verb, index, knowledge, people)
            speakers = [fallback] if fallback is not None else []
        content = content_range(verb, knowledge) or _noun_complement(verb)
        content = content or _reported_before(verb, quotes)
        clauses += [
            Clause(verb=verb, speaker=s, cue=verb.text.lower(), content=content) for s in speakers
        ]
        others = secondary_verbs(verb, knowledge) if speakers else []
        while others:  # "said ..., adding that ..., and warned that ..."
            other = others.pop(0)
            reported = content_range(other, knowledge) or _noun_complement(other)
            clauses += [
                Clause(verb=other, speaker=s, cue=other.text.lower(), content=reported)
                for s in speakers
            ]
            others += secondary_verbs(other, knowledge)
    return _cut_at_other_clauses(clauses)


def _borrowed_subject(verb: Token, knowledge: Knowledge) -> Token | None:
    """Return the subject a subjectless speech verb shares with the verb it hangs on.

    'Kamau rejected the claim, saying ...' and 'The union met on Monday and said ...'. Not
    when that verb is a speech verb itself (its reported range already holds this one), nor
    for 'declined to say', where nothing is said.
    """
    head = verb.head
    shape = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    if not shape or head.i == verb.i or head.lemma_.lower() in knowledge.speech_verbs:
        return None
    if any(c.dep_ == "neg" for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)


def _cut_at_other_clauses(clauses: list[Clause]) -> list[Clause]:
    """Return clauses whose reported range stops where another speaker's clause begins.

    'Lopez said the port would reopen, while union leader John Kamau said ...': Kamau's clause
    hangs inside Lopez's reported clause but is not part of what she said. A speech verb that
    is itself the reported clause ('Lopez said Kamau had said ...') stays inside.
    """
    cut = []
    for clause in clauses:
        content = clause.content
        for other in clauses:
            if content is None or other.verb.i == clause.verb.i or other.verb.dep_ == "ccomp":
                continue
            left = int(other.verb.left_edge.idx)
            if content[0] < left < content[1] and content[0] <= other.verb.idx < content[1]:
                end = left
                text = clause.verb.doc.text
                while end > content[0] and text[end - 1] in " ,;:-–—":
                    end -= 1
                content = (content[0], end) if end > content[0] else None
        cut.append(replace(clause, content=content) if content != clause.content else clause)
    return cut


def next_antecedent(
    sent: Any,
    clauses: list[Clause],
    index: AliasIndex,
    knowledge: Knowledge,
    current: Antecedent,
    people: People,
    quotes: tuple[QuoteSpan, ...] = (),
) -> Antecedent:
    """Return the antecedent after a sentence: its speaker, else its named subject.

    A quoted sentence changes nothing: its subjects are the speaker's words ("My ministry had
    nothing to do with it," she said), not the narrative's.
    """
    if clauses:
        return Antecedent(speaker=clauses[-1].speaker)
    if _inside(sent.root.idx, quotes):
        return current
    # 'Transport Minister Peter Mwangi visited the port. He told reporters ...'
    subject = next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and is_group(subject):
        return Antecedent()  # 'Peter Njoroge and David Kimani met ... He said': which one?
    if subject is not None and subject.lower_ not in {"he", "she", "it", "they"}:
        named = resolve_speaker(subject, index, knowledge, None, people)
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
    people: People | None = None,
) -> tuple[list[Clause], Antecedent]:
    """Return a paragraph's speech clauses in order, and the antecedent after it."""
    people = people if people is not None else People()
    clauses: list[Clause] = []
    for sent in doc.sents:
        found = _sentence_clauses(sent, quotes, index, knowledge, antecedent.speaker, people)
        found += find_according_to(sent, quotes, index, knowledge, people)
        antecedent = next_antecedent(sent, found, index, knowledge, antecedent, people, quotes)
        clauses += sorted(found, key=lambda c: c.verb.i)
        people.speakers.extend(c.speaker for c in found)
    return clauses, antecedent


def find_according_to(
    sent: Any,
    quotes: tuple[QuoteSpan, ...],
    index: AliasIndex,
    knowledge: Knowledge,
    people: People,
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
        speakers = resolve_speakers(obj, index, knowledge, None, people)
        if not speakers:
            continue
        phrase_start, phrase_end = _subtree_range(token)
        before = (int(sent.start_char), phrase_start)
        after = (phrase_end, int(sent.end_char))
        content = max(before, after, key=lambda r: r[1] - r[0])
        clauses += [
            Clause(verb=token, speaker=s, cue="according to", content=content) for s in speakers
        ]
    return clauses


def _opens_sentence(doc: Doc, quote: QuoteSpan, sent: Any) -> bool:
    """Return True if only punctuation stands between a sentence's start and the quotation."""
    return not doc.text[sent.start_char : quote.start].strip(" “\"'‘")


def attach_quotes(
    doc: Doc, quotes: tuple[QuoteSpan, ...], clauses: list[Clause], knowledge: Knowledge
) -> dict[int, tuple[Clause, ...]]:
    """Return, for each quotation index, the clauses it belongs to: one verb's, or none.

    A verb has several clauses when it has several speakers ('said X and Y').
    """
    attached: dict[int, tuple[Clause, ...]] = {}
    sents = list(doc.sents)
    for n, quote in enumerate(quotes):
        touched = [s for s in sents if s.start_char < quote.end and s.end_char > quote.start]
        starts = {s.start for s in touched}
        # '“...,” Ana Torres said in a statement.': the clause in the quotation's sentence
        same = [c for c in clauses if c.verb.sent.start in starts]
        if not same and touched:
            same = _previous_sentence_clause(doc, quote, touched[0], sents, clauses, knowledge)
        if not same or _reported_by_another(quote, touched, same, knowledge):
            attached[n] = ()
            continue
        nearest = min(same, key=lambda c: abs(c.verb.idx - quote.start)).verb.i
        attached[n] = tuple(c for c in same if c.verb.i == nearest)
    return attached


def _reported_by_another(
    quote: QuoteSpan, touched: list[Span], clauses: list[Clause], knowledge: Knowledge
) -> bool:
    """Return True if the quotation lies in the clause another speech verb reports, one
    whose speaker is not known: in '... after the commission declared X the winner, as
    observers said the vote was marred by "serious irregularities"', the words are the
    observers', never the commission's."""
    verbs = {c.verb.i for c in clauses}
    for sent in touched:
        for verb in sent:
            if (
                verb.i in verbs
                or verb.pos_ != "VERB"
                or verb.lemma_.lower() not in knowledge.speech_verbs
            ):
                continue
            for child in verb.children:
                if child.dep_ == "ccomp" and child.i > verb.i:
                    start, end = _subtree_range(child)
                    if start <= quote.start and quote.end <= end + 1:
                        return True
    return False


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
    while end > start and text[end - 1] in " ,;:-–—":
        end -= 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    # a closing quotation mark the parse hung elsewhere: 'had chosen "stability over chaos".'
    inner = text[start:end]
    if end < len(text) and (
        (text[end] == '"' and inner.count('"') % 2 == 1)
        or (text[end] == "”" and inner.count("“") > inner.count("”"))
    ):
        end += 1
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
    words = text[span[0] : span[1]]
    if words.count("“") > words.count("”") and text[span[1] : span[1] + 1] == "”":
        span = (span[0], span[1] + 1)  # 'will continue to “defend its ...”': close the quotation
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


def _within(text: str, quote: QuoteSpan, content: tuple[int, int]) -> bool:
    """Return True if a quotation lies in a reported range, but for closing punctuation."""
    spill = text[content[1] : quote.end] if quote.end > content[1] else ""
    return content[0] <= quote.start and not spill.strip(' .,;:!?”"’')


def statements_of_clause(
    clause: Clause, quotes: list[QuoteSpan], text: str, source: SourceRef
) -> list[Statement]:
    """Return the statements one clause makes: its reported clause and its quotations."""
    content = clause.content
    if content and any(q.start <= content[0] and content[1] <= q.end for q in quotes):
        content = None  # the reported clause is quoted: its quotation is the statement
    inside = [q for q in quotes if content and _within(text, q, content)]
    outside = [q for q in quotes if q not in inside]
    found = []
    if content and not any(q.start < content[1] and content[0] < q.end for q in outside):
        # 'Lopez said the city will continue to “keep the port open ...”': a partial quotation;
        # 'X said the embankments had held. “Where they failed ...': a clause, then a quotation
        span = (content[0], max([content[1], *(q.end for q in inside)]))
        kind = direct_kind(span, inside) if inside else "indirect"
        found.append(_statement(clause.speaker, clause.cue, kind, text, span, source))
    if outside:
        for group in _sentences_of_quotes(clause, outside, text):
            parts = [
                _statement(clause.speaker, clause.cue, "direct", text, (q.start, q.end), source)
                for q in group
            ]
            words = " ".join(p.text.rstrip(" ,") for p in parts[:-1]) + " " + parts[-1].text
            if len(words.split()) >= MIN_QUOTE_WORDS:
                found.append(replace(parts[0], text=words.strip(), end=parts[-1].end))
    if not found:
        log.debug("speech verb %r without reported content in %s", clause.cue, source)
    return sorted(found, key=lambda s: s.start)


def _interrupted(text: str, first: QuoteSpan, second: QuoteSpan, clause: Clause) -> bool:
    """Return True if two quotations are one sentence cut by the clause's attribution.

    '“The port,” Lopez said, “will stay open.”': the first part ends with a comma, only the
    attribution stands between, and the second part goes on in lower case.
    """
    between = text[first.end : second.start]
    if not first.end <= clause.verb.idx < second.start:
        return False
    first_part = text[first.start : first.end]
    comma_after_first = first_part.endswith(",") or between.lstrip(' ”"’').startswith(",")
    comma_before_second = between.rstrip(' “"‘').endswith(",")
    goes_on = text[second.start : second.start + 1].islower()
    return comma_after_first and comma_before_second and goes_on


def _sentences_of_quotes(
    clause: Clause, quotes: list[QuoteSpan], text: str
) -> list[list[QuoteSpan]]:
    """Return a clause's quotations grouped into sentences: an interrupted one is one group."""
    groups: list[list[QuoteSpan]] = []
    for quote in quotes:
        if groups and _interrupted(text, groups[-1][-1], quote, clause):
            groups[-1].append(quote)
        else:
            groups.append([quote])
    return groups


def _lead_in(text: str, clauses: list[Clause], quotes: tuple[QuoteSpan, ...]) -> Clause | None:
    """Return the clause that ends a paragraph with a colon and reports nothing in it.

    'The Kenyan government said in a statement:' then paragraphs of quotation: the clause
    introduces them, and the quotation opening the next paragraph is its statement.
    """
    if not clauses or not text.rstrip().endswith(":"):
        return None
    last = max(clauses, key=lambda c: c.verb.i)
    after_quotes = all(q.end <= last.verb.idx for q in quotes)
    last_sentence = (
        last.verb.sent.end == len(last.verb.doc) or not text[int(last.verb.sent.end_char) :].strip()
    )
    if last.content is None and after_quotes and last_sentence:
        return last
    return None


def _introduction(clause: Clause, source: SourceRef, at: int) -> Statement:
    """Return an empty statement that stands for a lead-in clause: what follows continues it."""
    return Statement(
        speaker_id=clause.speaker.id,
        speaker_name=clause.speaker.name,
        speaker_text=clause.speaker.text,
        role=clause.speaker.role,
        cue=clause.cue,
        kind="direct",
        text="",
        source=source,
        start=at,
        end=at,
    )


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
    people = known_people(docs, knowledge)
    for n, (text, doc) in enumerate(zip(paragraphs, docs, strict=True)):
        source = SourceRef(article_id=article_id, paragraph=n)
        here = replace(people, paragraph=n)  # the same lists: what it learns, people knows
        quotes = find_quote_spans(text, carried_open)
        clauses, antecedent = find_clauses(doc, quotes, index, knowledge, antecedent, here)
        found = paragraph_statements(doc, text, quotes, clauses, previous, source, knowledge)
        speakers.update((c.speaker.id, c.speaker) for c in clauses)
        if found:
            antecedent = Antecedent(speaker=speakers.get(found[-1].speaker_id))
        statements += found
        previous = found[-1] if found else None
        lead = _lead_in(text, clauses, quotes)
        if lead is not None:  # 'X said in a statement:' introduces the next paragraph
            previous = _introduction(lead, source, len(text))
            antecedent = Antecedent(speaker=lead.speaker)
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
        own = [q for n, q in enumerate(quotes) if any(c is clause for c in attached[n])]
        found += [(s.start, s) for s in statements_of_clause(clause, own, text, source)]
    for n, quote in enumerate(quotes):
        if attached[n] or previous is None:
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
