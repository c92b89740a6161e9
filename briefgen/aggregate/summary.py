"""The situation summary: sentences that many independent sources carry, without repeats.

Sentences are clustered across articles (an outlet's light edit of another's is one sentence),
ranked by independent lineages (a wire group counts once) and by how early they stand in their
articles, picked greedily while skipping near-repeats, then put back in reading order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefgen.aggregate.similarity import comparable, same_sentence_positions
from briefgen.aggregate.wire import count_lineages
from briefgen.model import ArticleFacts, Cited, Sentence

MIN_WORDS = 8
MAX_WORDS = 55
# A candidate this close (token set ratio) to a chosen sentence repeats it.
REPEAT_RATIO = 65.0
# A variant is cited for the shown wording when this close to it (ratio of comparable texts).
CITE_RATIO = 90.0
MAX_ATTACHED = 2
# Words that qualify a claim anywhere in a unit: its hedge.
QUALIFIES = re.compile(
    r"\b(?:There (?:was|has been|is|were) no|No independent|(?:could|can)(?: not|not) be "
    r"(?:independently )?(?:verified|confirmed)|has not been (?:independently )?(?:verified|"
    r"confirmed)|without (?:providing |offering |giving )?evidence)\b",
    re.IGNORECASE,
)
# A qualified wording this close (token set ratio) to a chosen bare one is the same claim.
SAME_CLAIM_RATIO = 85.0
# A sentence that points back: a hedge opening it, or a definite figure or claim.
LEANS_BACK = re.compile(
    r"^(?:There (?:was|has been|is|were) no|No independent|Neither|That)\b"
    r"|\b(?:the|this|that|either|both|these|those) (?:figure|figures|number|numbers|total|"
    r"toll|claim|claims|account|accounts|estimate|estimates|report|reports)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """A cluster of one sentence as several articles give it."""

    key: str
    variants: tuple[Sentence, ...]


def is_standalone(sentence: Sentence, openers: frozenset[str]) -> bool:
    """Return True if a sentence can stand alone: not a quote, not leaning on the last one."""
    words = sentence.text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or sentence.text[:1] in "“\"'‘(":
        return False
    if not quotes_balanced(sentence.text):
        return False  # one sentence of a quotation running over several
    return not is_dependent(sentence.text, openers) and sentence.text[-1:] in '.!?”"'


def quotes_balanced(text: str) -> bool:
    """Return True if every quotation a sentence opens it also closes."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def is_dependent(text: str, openers: frozenset[str]) -> bool:
    """Return True if a sentence leans on the one before: it opens with a pronoun or a
    connective ("He added", "But"), qualifies it ("There was no independent confirmation"),
    or points back at a figure or claim ("put the figure closer to 5,000")."""
    first = text.split()[0].lower().strip(",") if text.split() else ""
    return first in openers or bool(LEANS_BACK.search(text))


def units(facts: ArticleFacts, openers: frozenset[str]) -> list[Sentence]:
    """Return an article's summary units: each standalone sentence with the dependent
    sentences right after it in its paragraph (at most two), as one contiguous slice of the
    paragraph, so that a claim keeps its "There was no independent confirmation"."""
    out = []
    sentences = facts.sentences
    for k, head in enumerate(sentences):
        if not is_standalone(head, openers):
            continue
        last = head
        for nxt in sentences[k + 1 : k + 1 + MAX_ATTACHED]:
            if nxt.source != head.source or not is_dependent(nxt.text, openers):
                break
            if not quotes_balanced(nxt.text):
                break
            last = nxt
        if last is head:
            out.append(head)
            continue
        paragraph = facts.article.paragraphs[head.source.paragraph]
        out.append(
            Sentence(
                text=paragraph[head.start : last.end].strip(),
                source=head.source,
                start=head.start,
                end=last.end,
                sketch=b"",  # a summary unit: never compared with other articles' sentences
            )
        )
    return out


def extends(a: str, b: str) -> bool:
    """Return True if one comparable unit is the other with a sentence added (its hedge)."""
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) * 2 < len(longer) or shorter.split()[:3] != longer.split()[:3]:
        return False  # cheap tests first: this runs for every pair of candidates
    return bool(fuzz.partial_ratio(shorter, longer) >= 97)


def cluster_sentences(sentences: Sequence[Sentence]) -> list[Candidate]:
    """Return sentences grouped with their light edits from other articles: each joins the
    first group whose key it repeats (is_same_sentence) or extends, else starts a group."""
    keys: list[str] = []
    members: list[list[Sentence]] = []
    by_opening: dict[tuple[str, ...], list[int]] = defaultdict(list)  # extends() needs one
    for s in sentences:
        key = comparable(s.text)
        opening = tuple(key.split()[:3])
        same = same_sentence_positions(key, keys)[:1]
        extended = [g for g in by_opening.get(opening, ()) if extends(key, keys[g])][:1]
        if same or extended:
            members[min(same + extended)].append(s)
        else:
            by_opening[opening].append(len(keys))
            keys.append(key)
            members.append([s])
    return [Candidate(key=k, variants=tuple(v)) for k, v in zip(keys, members, strict=True)]


def score(candidate: Candidate, lineage: Mapping[str, str]) -> float:
    """Return a candidate's rank: independent lineages, plus a bonus for standing early."""
    sources = [v.source for v in candidate.variants]
    earliest = min(s.paragraph for s in sources)
    return count_lineages(sources, lineage) + 1.0 / (1 + earliest)


def rank_sentences(
    facts: Sequence[ArticleFacts],
    lineage: Mapping[str, str],
    count: int,
    openers: frozenset[str],
) -> tuple[Cited, ...]:
    """Return the summary: `count` sentences, each citing every article that carries it."""
    sentences = [u for f in facts for u in units(f, openers)]
    ranked = sorted(
        cluster_sentences(sentences),
        key=lambda c: (-score(c, lineage), c.variants[0].source, c.key),
    )
    chosen: list[Candidate] = []
    for candidate in ranked:
        if len(chosen) == count:
            break
        if all(fuzz.token_set_ratio(candidate.key, c.key) < REPEAT_RATIO for c in chosen):
            chosen.append(candidate)
    chosen = [with_qualifier(c, ranked) for c in chosen]
    chosen.sort(key=lambda c: (min(v.source.paragraph for v in c.variants), c.variants[0].source))
    return tuple(cited(c) for c in chosen)


def qualified(candidate: Candidate) -> bool:
    """Return True if a candidate's fullest wording carries a sentence that qualifies it."""
    return bool(QUALIFIES.search(max(candidate.variants, key=lambda v: len(v.text)).text))


def with_qualifier(chosen: Candidate, ranked: Sequence[Candidate]) -> Candidate:
    """Return the chosen candidate, or, if another wording of it keeps the sentence that
    qualifies it ("There was no independent confirmation of their claim."), that wording
    with both clusters' variants: a hedge is never dropped for a better-ranked bare claim."""
    if qualified(chosen):
        return chosen
    for other in ranked:
        if other is not chosen and qualified(other) and extends(chosen.key, other.key):
            return Candidate(key=other.key, variants=other.variants + chosen.variants)
        if (
            other is not chosen
            and qualified(other)
            and fuzz.token_set_ratio(chosen.key, other.key) >= SAME_CLAIM_RATIO
        ):
            return Candidate(key=other.key, variants=other.variants + chosen.variants)
    return chosen


def cited(candidate: Candidate) -> Cited:
    """Return a chosen candidate as shown: its fullest wording, citing the articles whose
    wording is that one lightly edited (a paraphrase that joined the cluster is not cited
    for words it does not hold)."""
    shown = max(candidate.variants, key=lambda v: (len(v.text), v.source))
    key = comparable(shown.text)
    return Cited(
        text=shown.text,
        sources=tuple(
            sorted(
                {
                    v.source
                    for v in candidate.variants
                    if fuzz.ratio(comparable(v.text), key) >= CITE_RATIO
                }
            )
        ),
    )
