"""Figures that matter in one sentence: counts of people or things with what happened to them
("60 guards were taken prisoner"), distances and sums of money, read off the parse.

A count matters when its verb (or adjective) says what happened to what it counts
(outcomes.tsv: "killed", "taken prisoner", "missing"), or when it counts people or the things
of counted_nouns.txt. Years, ages, times, percentages and counts of anything else are left out.
A conversion in brackets ("30 miles (48km)") belongs to its figure; the metric value is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from briefgen.extract.numbers import SCALE_SUFFIXES, parse_number
from briefgen.model import ClaimKind, Knowledge

Span = Any  # spaCy Span
Token = Any

FIGURE_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ"})
# A count's noun reaches its verb in at most this many steps up the parse:
# "dozens of civilians" -> "including" -> "round" -> "in" -> "killed".
MAX_HOPS = 6
# Verbs that report a count rather than say what happened to it: "are said to have died".
HEARSAY_LEMMAS = frozenset({"say", "report", "believe", "think", "fear", "estimate", "confirm"})
# Words of a noun phrase that are not what it counts.
SKIPPED_DEPS = frozenset({"det", "punct", "prep", "cc", "case", "poss", "predet"})
METRIC_UNITS = frozenset({"km", "m"})
_UNIT_IN_WORD = re.compile(r"^[\d.,]+([^\d.,]+)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A figure in a sentence: its text, value, unit, what it counts and where it stands."""

    kind: ClaimKind
    text: str
    value: float | None
    unit: str
    counted: str
    noun: str
    outcome: str
    start: int  # offsets in the paragraph
    end: int


def _unit_of(tokens: list[Token], knowledge: Knowledge) -> tuple[str, str]:
    """Return the canonical unit and kind the tokens carry ("48km" -> km), or ("", "")."""
    table = {row[0]: (row[1], row[2]) for row in knowledge.units}
    for token in tokens:
        word = token.text.lower()
        match = _UNIT_IN_WORD.match(word)
        for form in (word, match.group(1) if match else ""):
            if form in table:
                return table[form]
    return "", ""


def _value(ent: Span, knowledge: Knowledge) -> float | None:
    """Return the number an entity names, its unit words left out."""
    units = {row[0] for row in knowledge.units}
    words = []
    for token in ent:
        word = token.text.lower()
        match = _UNIT_IN_WORD.match(word)
        if word in units:
            continue
        kept = word[: match.start(1)] if match and match.group(1) in units else word
        words.append(kept + token.whitespace_)
    return parse_number("".join(words))  # "40" "m" written "40m" is 40 million


def _conversion(ent: Span, ents: list[Span]) -> Span | None:
    """Return the entity in brackets right after this one ("30 miles (48km)"), if any."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != "(":
        return None
    for other in ents:
        if other.start == ent.end + 1 and other.end < len(doc) and doc[other.end].text == ")":
            return other
    return None


def _noun_of(root: Token, in_figure: set[int]) -> Token | None:
    """Return the noun a count counts: '60 guards', 'hundreds of people'; None for 'over 120
    were killed'."""
    if root.dep_ in {"nummod", "quantmod"} and root.head.pos_ in NOUN_POS:
        return root.head if root.head.i not in in_figure else None
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [t for t in child.children if t.dep_ == "pobj" and t.i not in in_figure]
            if objects:
                return objects[0]
    return None


def _predicate(start: Token) -> tuple[Token | None, str]:
    """Return the verb or adjective above a counted word and the dependency it arrives by."""
    token, dep = start, start.dep_
    for _ in range(MAX_HOPS):
        if token.head.i == token.i:
            return None, dep
        dep, token = token.dep_, token.head
        if token.pos_ in PREDICATE_POS and token.dep_ != "prep":  # not "including", "among"
            if token.lemma_ in HEARSAY_LEMMAS:  # "are said to have died": the xcomp says it
                xcomps = [c for c in token.children if c.dep_ == "xcomp"]
                return (xcomps[0], "nsubj") if xcomps else (None, dep)
            return token, dep
    return None, dep


def _outcome(predicate: Token | None, dep: str, knowledge: Knowledge) -> tuple[str, str]:
    """Return the words and outcome of what happened to the counted: ('taken prisoner',
    'captured'); ('', '') if the predicate says none or the counted are its agents."""
    if predicate is None or dep == "agent":
        return "", ""
    transitive = any(c.dep_ == "dobj" for c in predicate.children)
    if dep == "nsubj" and transitive:  # "30 gunmen killed five guards": the gunmen did it
        return "", ""
    table = {row[0]: (row[1], row[2]) for row in knowledge.outcomes}
    complements = [c for c in predicate.children if c.dep_ in {"oprd", "attr", "dobj", "acomp"}]
    for complement in complements:
        if (key := f"{predicate.lemma_} {complement.lemma_.lower()}") in table:
            return table[key]
    if predicate.lemma_.lower() in table:
        return table[predicate.lemma_.lower()]
    for complement in complements:  # "12 people are missing"
        if complement.dep_ == "acomp" and complement.lemma_.lower() in table:
            return table[complement.lemma_.lower()]
    return "", ""


def _noun_phrase(noun: Token, in_figure: set[int]) -> str:
    """Return the words naming what is counted: 'Kenyan troops' of '60 Kenyan troops'."""
    words = [
        t
        for left in noun.lefts
        if left.dep_ not in SKIPPED_DEPS
        for t in left.subtree
        if t.i not in in_figure and t.dep_ not in SKIPPED_DEPS
    ]
    return _text([*words, noun])


def _text(tokens: list[Token]) -> str:
    """Return tokens as the text spaces them: 'south-east of the port', not 'south - east'."""
    return "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i)).strip()


def _count(ent: Span, knowledge: Knowledge) -> tuple[str, str, str] | None:
    """Return what a count counts (with its outcome words, and without), and its outcome;
    None if it counts nothing that matters."""
    in_figure = set(range(ent.start, ent.end))
    noun = _noun_of(ent.root, in_figure)
    if noun is not None and noun.pos_ == "PRON" and noun.lower_ not in {"others"}:
        return None
    predicate, dep = _predicate(noun if noun is not None else ent.root)
    words, outcome = _outcome(predicate, dep, knowledge)
    counts = noun is not None and noun.lemma_.lower() in knowledge.counted_nouns
    if not outcome and not counts:
        return None
    phrase = _noun_phrase(noun, in_figure) if noun is not None else ""
    shown = phrase
    if noun is not None and noun.head.lower_ == "of" and noun.head.head.i in in_figure:
        shown = f"of {phrase}"  # "hundreds" + "of people died"
    return " ".join(w for w in (shown, words) if w), phrase, outcome


def _measure(ent: Span, end: int) -> str:
    """Return what a distance or sum measures: the words after the figure (which ends at the
    end offset) in its phrase ('south-east of the port'), or '' if none."""
    after = [t for t in ent.root.subtree if t.idx >= end]
    while after and after[-1].is_punct:
        after.pop()
    while after and after[0].is_punct:
        after.pop(0)
    return _text(after)


def find_figures(sent: Span, knowledge: Knowledge) -> tuple[Figure, ...]:
    """Return the figures of a sentence that matter, in order."""
    ents = [e for e in sent.ents if e.label_ in FIGURE_LABELS]
    figures: list[Figure] = []
    converted: set[int] = set()
    for ent in ents:
        if ent.start in converted:
            continue
        figure = _figure(ent, ents, knowledge)
        if figure is not None:
            figures.append(figure)
            if (other := _conversion(ent, ents)) is not None:
                converted.add(other.start)
    return tuple(figures)


def _widened(ent: Span, knowledge: Knowledge) -> Span:
    """Return a sum with the symbol and scale the parser left out: '$' + '40' + 'm'."""
    if ent.label_ != "MONEY":
        return ent
    doc, start, end = ent.doc, ent.start, ent.end
    if start > 0 and doc[start - 1].text in {row[0] for row in knowledge.units}:
        start -= 1
    if end < len(doc) and doc[end].lower_ in SCALE_SUFFIXES:
        end += 1
    return doc[start:end]


def _figure(ent: Span, ents: list[Span], knowledge: Knowledge) -> Figure | None:
    """Return the figure an entity gives, or None if it is no figure that matters."""
    ent = _widened(ent, knowledge)
    unit, kind = _unit_of(list(ent), knowledge)
    value = _value(ent, knowledge)
    end = ent.end_char
    if ent.label_ == "CARDINAL":
        if unit or (ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in {"%", "percent"}):
            return None
        found = _count(ent, knowledge)
        if found is None:
            return None
        counted, noun, outcome = found
        kind = "count"
    else:
        if not kind:
            return None
        if (other := _conversion(ent, ents)) is not None:
            end = other.end_char + 1
            other_unit, _ = _unit_of(list(other), knowledge)
            if other_unit in METRIC_UNITS and unit not in METRIC_UNITS:
                unit, value = other_unit, _value(other, knowledge)
        counted, noun, outcome = _measure(ent, end), "", ""
    return Figure(
        kind="distance" if kind == "distance" else "money" if kind == "money" else "count",
        text=ent.doc.text[ent.start_char : end],
        value=value,
        unit=unit,
        counted=counted,
        noun=noun,
        outcome=outcome,
        start=ent.start_char,
        end=end,
    )
