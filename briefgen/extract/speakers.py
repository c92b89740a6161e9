"""Who is speaking: turning a clause's subject into a canonical speaker, or refusing to.

Strategies, in order: a pronoun takes the antecedent the caller tracked; two people joined by
"and" are no single speaker; "the minister" is the antecedent if it was introduced as one, and
"the ministry" the one institution of that kind that has spoken; a role with the name in
apposition ("the company's chief executive, Tom Berg") is the named one; a configured alias
makes a principal; a person's name (titles and role words stripped, role kept, a surname alone
read as the one full name of the article it ends); a named organisation, government or group,
with its possessor ("Brazil's foreign ministry"); a title before a name the model missed
("Goalkeeper Tomasz Wrobel"); a name after its kind ("news agency Nordpress"); a multi-word proper
name ("the Law Society of Kenya"); a phrase headed by an institutional noun ("Turkish security
officials"), unless it does not say which ("a war monitor", "local media", "its army").
Anything else is not a speaker we can name, and we return None: a wrong speaker is worse than a
missing one.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from briefgen.config import slugify
from briefgen.extract.names import AliasIndex, match_principal, name_tokens, strip_titles
from briefgen.model import Knowledge, Principal

log = logging.getLogger(__name__)

Token = Any  # spaCy Token; spaCy's stubs do not type-check under --strict
Span = Any

PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Children that describe a subject rather than name it: "Jane Otieno, Kenya's former envoy".
DESCRIPTIVE_DEPS = frozenset({"appos", "relcl", "acl", "advcl"})
MAX_SPEAKER_TOKENS = 10
COORDINATORS = frozenset({"and", "or", "&"})
PROPER_JOINERS = frozenset({"of", "for", "and", "&", "-"})
# First words of a phrase that does not say which one: "a war monitor", "local media".
INDEFINITE = frozenset(
    {
        "a",
        "an",
        "another",
        "one",
        "some",
        "several",
        "many",
        "other",
        "local",
        "unnamed",
        "anonymous",
        "two",
        "three",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """A resolved speaker: canonical id and name, the role the text gives, and its kind."""

    id: str
    name: str
    role: str
    text: str
    is_person: bool


@dataclass(frozen=True, slots=True)
class People:
    """Who an article has named so far, to read short references back.

    names: the full personal names it gives, for a surname used alone ("Farouk"); speakers:
    the speakers found so far, in order, for "the ministry" after "the water ministry
    said". The statement finder adds to `speakers` as it reads.
    """

    names: dict[tuple[str, ...], str] = field(default_factory=dict)  # name tokens -> name
    speakers: list[Speaker] = field(default_factory=list)
    # (paragraph, token, name tokens) of each full name, in reading order
    mentions: tuple[tuple[int, int, tuple[str, ...]], ...] = ()
    paragraph: int = 0  # the paragraph being read, set by the statement finder

    def last_named(self, tokens: tuple[str, ...], token: int) -> tuple[str, ...] | None:
        """Return the last full name ending with tokens named before the given token of the
        paragraph being read, or None."""
        found = None
        for paragraph, start, known in self.mentions:
            if (paragraph, start) >= (self.paragraph, token):
                break
            if len(known) > len(tokens) and known[len(known) - len(tokens) :] == tokens:
                found = known
        return found

    def institution(self, noun: str) -> Speaker | None:
        """Return the one earlier non-person speaker whose name or surface holds the noun."""
        found = {
            s.id: s
            for s in self.speakers
            if not s.is_person
            and noun in name_tokens(s.name) + tuple(re.findall(r"\w+", s.text.lower()))
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def full_name(self, short: str) -> str | None:
        """Return the one known full name that short ends, or None (none, or several)."""
        tokens = name_tokens(short)
        if not tokens:
            return None
        found = {
            name
            for known, name in self.names.items()
            if len(known) > len(tokens) and known[len(known) - len(tokens) :] == tokens
        }
        return found.pop() if len(found) == 1 else None


def known_people(docs: Iterable[Any], knowledge: Knowledge) -> People:
    """Return the full names (two words or more, no titles) of an article's PERSON entities."""
    names: dict[tuple[str, ...], str] = {}
    mentions: list[tuple[int, int, tuple[str, ...]]] = []
    for paragraph, doc in enumerate(docs):
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _person_name(str(ent.text), knowledge)
            tokens = name_tokens(name)
            if len(tokens) >= 2 and name[:1].isupper():
                names.setdefault(tokens, name)
                mentions.append((paragraph, ent.start, tokens))
    return People(names, mentions=tuple(mentions))


def _person_name(text: str, knowledge: Knowledge) -> str:
    """Return a person entity's name: no leading 'the', titles or role words, no possessive."""
    text = text[4:] if text.lower().startswith("the ") else text
    name, _ = strip_titles(text, knowledge)
    for suffix in ("'s", "’s"):
        name = name.removesuffix(suffix)
    return name.strip(" ,")


def naming_tokens(subject: Token, alone: bool = False) -> list[Token]:
    """Return the subject's tokens without descriptive children and edge punctuation.

    alone: without its conjuncts too, to name one of 'Nordpress and the observatory'.
    """
    excluded: set[int] = set()
    skipped = DESCRIPTIVE_DEPS | {"conj", "cc"} if alone else DESCRIPTIVE_DEPS
    for child in subject.children:
        if child.dep_ in skipped:
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
    """Return a role without edge punctuation, a leading 'the' or a dangling article.

    "A spokesman for the Ministry of Health": the role is "A spokesman for".
    """
    role = role.strip(" ,;:-–—")
    role = role[4:] if role.lower().startswith("the ") else role
    for article in (" the", " a", " an"):
        if role.lower().endswith(article):
            role = role[: -len(article)].strip(" ,;:-–—")
    return "" if role.lower() in {"the", "a", "an"} else role


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
        if e.label_ in NAME_LABELS and tokens[0].i <= e.start and _end(e) <= tokens[-1].i + 1
    ]
    holding = next((e for e in inside if e.start <= head.i < e.end), None)
    if holding is not None:
        return holding
    named = [e for e in inside if e.label_ in {"PERSON", "ORG"} and _end(e) == tokens[-1].i + 1]
    return named[-1] if named else None


def _end(ent: Span) -> int:
    """Return an entity's end without punctuation the model took in: 'the Harbour Guard,'."""
    end = int(ent.end)
    while end - 1 > ent.start and ent.doc[end - 1].is_punct:
        end -= 1
    return end


def _join_role(*parts: str) -> str:
    """Return the non-empty role parts joined with a comma."""
    return ", ".join(p.strip(" ,") for p in parts if p.strip(" ,"))


def is_group(subject: Token, alone: bool = False) -> bool:
    """Return True if a subject names several actors: 'Peter Njoroge and David Kimani'.

    alone: look past the subject's conjuncts, for coordinations the parser did not see.
    """
    tokens = naming_tokens(subject, alone)
    if not tokens:
        return False
    if not alone and any(c.dep_ == "conj" for c in subject.children):
        return True
    people = [
        e
        for e in subject.doc.ents
        if e.label_ == "PERSON" and tokens[0].i <= e.start and _end(e) <= tokens[-1].i + 1
    ]
    return any(
        t.lower_ in COORDINATORS
        for a, b in itertools.pairwise(people)
        for t in subject.doc[a.end : b.start]
    )


def resolve_speakers(
    subject: Token,
    index: AliasIndex,
    knowledge: Knowledge,
    antecedent: Speaker | None,
    people: People | None = None,
) -> list[Speaker]:
    """Return the speakers a subject names: one, or each nameable conjunct of a coordination.

    "According to state news agency Nordpress and a war monitor": Nordpress, not the monitor.
    """
    if not any(c.dep_ == "conj" for c in subject.children):
        one = resolve_speaker(subject, index, knowledge, antecedent, people)
        return [one] if one is not None else []
    found = [
        resolve_speaker(c, index, knowledge, antecedent, people, alone=True)
        for c in (subject, *subject.conjuncts)
    ]
    return [s for s in found if s is not None]


def resolve_speaker(
    subject: Token,
    index: AliasIndex,
    knowledge: Knowledge,
    antecedent: Speaker | None,
    people: People | None = None,
    alone: bool = False,
) -> Speaker | None:
    """Return the canonical speaker a clause's subject names, or None if it names none.

    alone: the subject without its conjuncts (see resolve_speakers).
    """
    lower = subject.lower_
    if lower in PERSON_PRONOUNS | THING_PRONOUNS:
        wanted_person = lower in PERSON_PRONOUNS
        if antecedent is not None and antecedent.is_person == wanted_person:
            return antecedent
        log.debug("pronoun %r without a fitting antecedent", subject.text)
        return None
    tokens = naming_tokens(subject, alone)
    if not tokens:
        return None
    if is_group(subject, alone):
        log.debug("several speakers in %r: none of them alone", subject.text)
        return None
    if _names_antecedent_role(tokens, antecedent, knowledge):
        return antecedent  # 'Finance Minister Henrik Dahl said ... The minister said ...'
    people = people if people is not None else People()
    if _bare_institution(tokens, knowledge):
        # "The ministry said" after "the water ministry said": that one
        return people.institution(tokens[1].lower_)
    named = _appositive_name(subject, tokens, index, knowledge, people)
    if named is not None:
        return named
    if alone and any(c.dep_ == "appos" for c in subject.children):
        return None  # the parser hangs a conjunct's name on the first one: no telling whose
    text = _span_text(tokens)
    role = descriptive_role(subject)
    if principal := match_principal(text, index):
        if _names_another_too(text, principal, index, knowledge, people, subject.i):
            log.debug("%r may be %s or another person of that name: none", text, principal.name)
            return None
        rest = _before_alias(text, principal)
        return Speaker(
            id=principal.id,
            name=principal.name,
            role=_join_role(principal.role or rest, role),
            text=text,
            is_person=principal.type == "person",
        )
    speaker = _named_speaker(tokens, subject, text, role, knowledge, people)
    return _with_full_name(speaker, people)


def _bare_institution(tokens: list[Token], knowledge: Knowledge) -> bool:
    """Return True if tokens are 'the' and an institutional noun alone: 'the ministry'."""
    return (
        len(tokens) == 2
        and tokens[0].lower_ == "the"
        and tokens[1].pos_ in {"NOUN", "PROPN"}
        and (
            tokens[1].lower_ in knowledge.speaker_nouns
            or tokens[1].lemma_.lower() in knowledge.speaker_nouns
        )
    )


def _names_antecedent_role(
    tokens: list[Token], antecedent: Speaker | None, knowledge: Knowledge
) -> bool:
    """Return True if 'the <title>' refers back to the antecedent, whose role holds the title."""
    if antecedent is None or not antecedent.is_person or len(tokens) != 2:
        return False
    if tokens[0].lower_ != "the" or tokens[1].pos_ != "NOUN":
        return False
    word = tokens[1].lower_
    if not any(word == surface.lower() for surface, _ in knowledge.titles):
        return False
    said_as = f"{antecedent.role} {antecedent.text}".lower()  # "Finance Minister Henrik Dahl"
    return word in re.findall(r"\w+", said_as)


def _before_alias(text: str, principal: Principal) -> str:
    """Return what a phrase says before the principal's name or alias: 'Finance Minister'.

    '' when the phrase is an alias itself ("Finance Minister Henrik Dahl" as configured).
    """
    tokens = name_tokens(text)
    forms = sorted({name_tokens(f) for f in (principal.name, *principal.aliases)}, key=len)
    if tokens in forms:
        return ""
    words = text.split()
    for form in reversed(forms):  # longest first
        if form and tokens[len(tokens) - len(form) :] == form:
            return _clean_role(" ".join(words[: max(0, len(words) - len(form))]))
    return _clean_role(text)


def _names_another_too(
    text: str,
    principal: Principal,
    index: AliasIndex,
    knowledge: Knowledge,
    people: People,
    token: int,
) -> bool:
    """Return True if a short name of the principal ("Demarin", "Mr Demarin"), at the given
    token of the paragraph being read, may stand for another person the article names in
    full: where it names President Aurel Demarin and his brother Costin Demarin, "Demarin
    said" is the one last named in full before it, and is left out if none was."""
    tokens = name_tokens(text)
    while len(tokens) > 1 and tokens[0] in knowledge.ranks:
        tokens = tokens[1:]
    own = index.own_words.get(principal.id, frozenset())
    if not any(
        len(known) > len(tokens) and known[len(known) - len(tokens) :] == tokens
        for known in people.names
        if not set(known) <= own
    ):
        return False
    last = people.last_named(tokens, token)
    return last is None or not set(last) <= own


def _with_full_name(speaker: Speaker | None, people: People) -> Speaker | None:
    """Return a person speaker named by a surname alone under the one full name it ends."""
    if speaker is None or (not speaker.is_person and len(speaker.name.split()) > 1):
        return speaker
    full = people.full_name(speaker.name)
    if full is None:
        return speaker
    # a one-word "organisation" that is a known person's surname is that person: the model
    # tags "Okafor" ORG as readily as PERSON
    return replace(speaker, id=slugify(full), name=full, is_person=True)


def _appositive_name(
    subject: Token, tokens: list[Token], index: AliasIndex, knowledge: Knowledge, people: People
) -> Speaker | None:
    """Return the speaker a role subject names in apposition: 'the state's fire officer, Jane'.

    Only for a subject headed by a common noun outside any name ("the city's port police, the
    Harbour Guard"), with no conjunct, and a comma before an appositive that is exactly one
    PERSON or ORG entity.
    """
    if subject.pos_ == "PROPN" or any(c.dep_ in {"conj", "cc"} for c in subject.children):
        return None
    doc = subject.doc
    if any(e.start <= subject.i < e.end for e in doc.ents):
        return None  # the head is part of a name: "Tom Berg, the chief executive"
    for child in subject.children:
        if child.dep_ != "appos" or child.i < subject.i:
            continue
        left, right = child.left_edge.i, child.right_edge.i + 1
        if left == 0 or doc[left - 1].text != ",":
            continue
        first = left + 1 if doc[left].lower_ == "the" else left  # ", the Harbour Guard,"
        ent = next((e for e in doc.ents if e.start in {left, first} and _end(e) == right), None)
        if ent is None or ent.label_ not in {"PERSON", "ORG"}:
            continue
        named = resolve_speaker(child, index, knowledge, None, people)
        if named is None:
            return None
        role = _clean_role(_span_text(tokens))
        whole = str(doc[tokens[0].i : right].text)
        return replace(named, role=_join_role(role, named.role), text=whole)
    return None


def _with_possessor(ent: Span, subject: Token) -> Span:
    """Return an organisation entity with the possessor the model left out of it.

    "Brazil's foreign ministry": the entity is "foreign ministry", but which ministry is said by
    "Brazil's". A person's possessor is a role, not part of the name ("Kenya's Grace Wanjiru").
    """
    if ent.label_ == "PERSON":
        return ent
    poss = [
        c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN" and c.i < ent.start
    ]
    if not poss:
        return ent
    return subject.doc[poss[0].left_edge.i : ent.end]


def _named_speaker(
    tokens: list[Token],
    subject: Token,
    text: str,
    role: str,
    knowledge: Knowledge,
    people: People,
) -> Speaker | None:
    """Return a speaker named by an entity or an institutional phrase, or None."""
    ent = _entity_of(tokens, subject)
    if ent is not None and ent.label_ in {"PERSON", "ORG", "GPE", "FAC"}:
        is_person = ent.label_ == "PERSON"
        label = ent.label_
        ent = _with_possessor(ent, subject)
        full = str(ent.text).strip(" ,;:")
        name = full[4:] if full.lower().startswith("the ") else full
        last = name.rsplit(", ", 1)[-1]
        if last != name and len(last.split()) >= 2 and last.istitle():
            # "the governor of Tarsa, Elena Sousa": the model ran place and name together
            name = last
        if is_person:  # titles belong to people: "General Motors" keeps its first word
            name, _ = strip_titles(name, knowledge)
        if not name:
            return None
        before = text[: text.find(name)].strip() if name in text else ""
        before = _strip_trailing_ranks(before, knowledge)
        if label != "PERSON" and not name[:1].isupper():
            name = name[:1].upper() + name[1:]
        return Speaker(
            id=slugify(name),
            name=name,
            role=_join_role(_clean_role(before), role),
            text=text,
            is_person=is_person,
        )
    if len(tokens) > MAX_SPEAKER_TOKENS:
        return None
    person = _untagged_person(tokens, text, knowledge, people)
    if person is not None:
        return replace(person, role=_join_role(person.role, role))
    named = _named_after_noun(tokens, text, knowledge)
    if named is not None:
        return replace(named, role=_join_role(named.role, role))
    if _is_proper_name(tokens, knowledge):
        # "the Law Society of Kenya", which the model may tag WORK_OF_ART or not at all
        name = text[4:] if text.lower().startswith("the ") else text
        return Speaker(id=slugify(name), name=name, role=role, text=text, is_person=False)
    if subject.lemma_.lower() in knowledge.speaker_nouns or lower_in(subject, knowledge):
        name = _without_common_possessor(
            tokens, text[4:] if text.lower().startswith("the ") else text
        )
        if len(name.split()) < 2:
            log.debug("bare institutional speaker %r: which one is not said", text)
            return None
        if tokens[0].lower_ in INDEFINITE or tokens[0].tag_ == "PRP$":
            log.debug("unnamed institutional speaker %r", text)  # "a war monitor", "its army"
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


def _without_common_possessor(tokens: list[Token], name: str) -> str:
    """Return an institution's name without a common-noun possessor: 'the country's ministry'.

    "Brazil's foreign ministry" keeps its possessor: that one says which ministry.
    """
    words = [t for t in tokens if t.lower_ != "the"]
    common = len(words) > 2 and words[0].pos_ == "NOUN" and words[0].text.islower()
    if common and words[1].dep_ == "case" and words[1].lower_ in {"'s", "’s"}:
        return name[name.find(words[1].text) + len(words[1].text) :].strip()
    return name


def _untagged_person(
    tokens: list[Token], text: str, knowledge: Knowledge, people: People
) -> Speaker | None:
    """Return a person the model found no entity for, or None.

    Two shapes: a title or role word before capitalised names ("Goalkeeper Tomasz Wrobel"),
    and a surname alone that ends exactly one full name of the article ("Farouk added").
    """
    run: list[Token] = []
    for token in reversed(tokens):
        if not (token.is_title and token.is_alpha) or token.pos_ not in {"PROPN", "NOUN"}:
            break
        run.insert(0, token)
    if not run:
        return None
    name = _span_text(run)
    before = text[: len(text) - len(name)].strip()
    if len(run) == len(tokens) and (full := people.full_name(name)):
        return Speaker(id=slugify(full), name=full, role="", text=text, is_person=True)
    # "Goalkeeper Tomasz Wrobel": a title is the run's first word or ends what comes before it
    stripped, removed = strip_titles(name, knowledge)
    if removed and len(stripped.split()) >= 2:
        role = _join_role(before, name[: len(name) - len(stripped)])
        return Speaker(
            id=slugify(stripped),
            name=stripped,
            role=_clean_role(_strip_trailing_ranks(role, knowledge)),
            text=text,
            is_person=True,
        )
    if len(run) >= 2 and _ends_with_title(before, knowledge):
        role = _clean_role(_strip_trailing_ranks(before, knowledge))
        return Speaker(id=slugify(name), name=name, role=role, text=text, is_person=True)
    return None


def _named_after_noun(tokens: list[Token], text: str, knowledge: Knowledge) -> Speaker | None:
    """Return an institution named right after its kind: 'state news agency Nordpress'.

    The model may tag the name as a product or nothing at all; the institutional noun before
    it ("agency", "monitor", "broadcaster") says what it is.
    """
    run: list[Token] = []
    for token in reversed(tokens):
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            break
        run.insert(0, token)
    if not run or len(run) == len(tokens):
        return None
    kind = tokens[len(tokens) - len(run) - 1]
    if kind.lemma_.lower() not in knowledge.speaker_nouns and not lower_in(kind, knowledge):
        return None
    name = _span_text(run)
    role = _clean_role(text[: len(text) - len(name)])
    return Speaker(id=slugify(name), name=name, role=role, text=text, is_person=False)


def _is_proper_name(tokens: list[Token], knowledge: Knowledge) -> bool:
    """Return True if tokens are a multi-word proper name: 'the Law Society of Kenya'.

    Capitalised proper nouns, joined only by 'of', 'for', 'and' or hyphens, after an optional
    leading 'the'; the last word is a proper noun.
    """
    words = tokens[1:] if tokens and tokens[0].lower_ == "the" else tokens
    capitals = [t for t in words if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if len(capitals) < 2 or words[-1].pos_ != "PROPN":
        return False
    if _ends_with_title(_span_text(words), knowledge):
        return False  # "Prime Minister said": an office, not whose
    return all(t in capitals or t.lower_ in PROPER_JOINERS for t in words)


def _ends_with_title(text: str, knowledge: Knowledge) -> bool:
    """Return True if a phrase ends with a title or role word: 'union leader', 'Col.'."""
    lower = text.lower()
    return any(
        lower == surface.lower() or lower.endswith(" " + surface.lower())
        for surface, _ in knowledge.titles
    )


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


def name_before_verb(
    verb: Token, index: AliasIndex, knowledge: Knowledge, people: People | None = None
) -> Speaker | None:
    """Return the speaker named by an entity ending right before a speech verb, or None.

    A fallback for parses that lose the subject: in 'Geneva-based rights monitor the
    Coastal Observatory for Human Rights said', the model tags 'monitor' as a verb.
    """
    ent = next((e for e in verb.doc.ents if e.end == verb.i), None)
    if ent is None or ent.label_ not in {"PERSON", "ORG", "FAC"} or ent.start < verb.sent.start:
        return None
    full = str(ent.text)
    principal = match_principal(full, index)
    if principal is not None and _names_another_too(
        full, principal, index, knowledge, people if people is not None else People(), ent.start
    ):
        return None
    if principal is not None:
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
