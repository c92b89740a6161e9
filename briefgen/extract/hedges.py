"""Hedges: the words with which a text qualifies a claim ("There was no independent
confirmation", "may have been", "without giving evidence"), kept verbatim."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefgen.model import ClaimStatus

# A clause-long hedge runs to the next of these marks (or the end of the sentence).
_CLAUSE_END = re.compile(r"[,;:.!?\u2013\u2014()]")


@dataclass(frozen=True, slots=True, kw_only=True)
class Hedge:
    """A hedge in a text, verbatim, with the status it gives and its offsets."""

    text: str
    status: ClaimStatus
    clause: bool  # a hedge that is a clause of its own, not a word of another clause
    tail_words: int  # words of the clause after the hedge phrase: 2 in "... of the toll"
    start: int
    end: int


@lru_cache(maxsize=8)
def _compiled(
    hedges: tuple[tuple[str, str, str], ...],
) -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]]:
    """Return one pattern for all hedge phrases, longest first so that the longest wins, and
    each phrase's entry by its normalised wording. A pure function of the (immutable) hedge
    table, memoised: it used to be rebuilt for every sentence."""
    phrases = sorted((h[0] for h in hedges), key=lambda p: (-len(p), p))
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    return pattern, {" ".join(h[0].lower().split()): h for h in hedges}


def find_hedges(text: str, hedges: Sequence[tuple[str, str, str]]) -> tuple[Hedge, ...]:
    """Return the hedges of a text in order, each verbatim to its extent (phrase or clause)."""
    if not hedges:
        return ()
    pattern, table = _compiled(tuple(hedges))
    found = []
    for match in pattern.finditer(text):
        _, status, extent = table[" ".join(match.group(0).lower().split())]
        end = match.end()
        if extent == "clause":
            stop = _CLAUSE_END.search(text, end)
            end = stop.start() if stop else len(text)
        words = text[match.start() : end].rstrip()
        found.append(
            Hedge(
                text=words,
                status="disputed" if status == "disputed" else "unconfirmed",
                clause=extent == "clause",
                tail_words=len(text[match.end() : end].split()),
                start=match.start(),
                end=match.start() + len(words),
            )
        )
    return tuple(found)


def status_of(hedges: Sequence[Hedge]) -> ClaimStatus:
    """Return the status hedges give a claim: disputed beats unconfirmed beats stated."""
    statuses = {h.status for h in hedges}
    if "disputed" in statuses:
        return "disputed"
    return "unconfirmed" if statuses else "stated"
