"""Statements scored against the hand labels of whole articles (see statement_scores.py).

Floors sit a little below what bench/statements.py measured (bench/statements/RESULTS.md); a
change that lowers a score fails here and must say why. A misattribution (the right words
given to the wrong speaker) is the worst error: none is allowed, and none on a principal.
"""

from __future__ import annotations

from typing import Any

import pytest
from statement_scores import (
    LABEL_SETS,
    Gold,
    SetScore,
    SpeakerJudge,
    score_article,
    score_set,
    text_matches,
)

from briefgen.model import Principal, SourceRef, Statement, StatementKind

# set -> (precision floor, recall floor); measured: 1.000 / 0.822, 1.000 / 0.903,
# 1.000 / 0.930, 1.000 / 0.907, and on the blind holdout (principals only, scored once
# before anyone looked at its misses) 1.000 / 1.000
FLOORS = {
    "seeds": (0.95, 0.80),
    "port-strike": (0.95, 0.87),
    "flood": (0.95, 0.90),
    "mixed": (0.95, 0.87),
    "holdout": (0.95, 0.90),
    # blind (session 21): first scored 0.711 / 0.714, the president given 9 statements of his
    # brother Costin Demarin; then 1.000 / 0.714 (same surname: speakers.py, names.py)
    "election": (0.95, 0.70),
}
MAX_MISATTRIBUTED = 0


@pytest.fixture(scope="module")
def scores(nlp: Any) -> dict[str, SetScore]:
    return {name: score_set(name, nlp) for name in LABEL_SETS}


def test_every_label_set_has_floors() -> None:
    assert FLOORS.keys() == LABEL_SETS.keys()


@pytest.mark.parametrize("name", sorted(LABEL_SETS))
def test_statement_precision_and_recall(name: str, scores: dict[str, SetScore]) -> None:
    score = scores[name]
    precision, recall = FLOORS[name]
    errors = [str(e) for e in score.errors]
    assert score.gold > 0
    assert score.precision >= precision, errors
    assert score.recall >= recall, errors


@pytest.mark.parametrize("name", sorted(LABEL_SETS))
def test_no_misattributions(name: str, scores: dict[str, SetScore]) -> None:
    wrong = [str(e) for e in scores[name].errors if e.what == "wrong speaker"]
    assert scores[name].misattributed <= MAX_MISATTRIBUTED, wrong


def test_no_principal_misattributed_on_seeds(scores: dict[str, SetScore]) -> None:
    wrong = [str(e) for e in scores["seeds"].errors if e.what == "wrong speaker" and e.principal]
    assert scores["seeds"].principal_misattributed == 0, wrong


# ---------------------------------------------------------------- the scorer itself


def said(
    speaker_id: str, name: str, text: str, paragraph: int = 0, kind: StatementKind = "indirect"
) -> Statement:
    return Statement(
        speaker_id=speaker_id,
        speaker_name=name,
        speaker_text=name,
        role="",
        cue="urged",
        kind=kind,
        text=text,
        source=SourceRef(article_id="a", paragraph=paragraph),
        start=0,
        end=len(text),
    )


def judge() -> SpeakerJudge:
    kenya = Principal(id="kenya", name="Kenya", type="government", role="", aliases=("Kenya",))
    return SpeakerJudge((kenya,), {("kenya", "red", "cross"): {("krcs",)}})


def test_text_matching_rules() -> None:
    gold = Gold(speaker="X", kind="direct", text="the port will “stay open”")
    assert text_matches(said("x", "X", "The port will stay open, she said"), gold)
    assert text_matches(
        said("x", "X", "de-escalation"), Gold("X", "indirect", "urged de-escalation")
    )
    long_gold = Gold("X", "indirect", "ships waited at anchor off the coast for days")
    assert text_matches(said("x", "X", "ships waited at anchor off the coast"), long_gold)
    assert not text_matches(said("x", "X", "ships waited"), long_gold)


def test_speaker_judge_is_strict() -> None:
    j = judge()
    assert j.right(said("kenya", "Kenya", "..."), "Kenya")
    assert not j.right(said("law-society-of-kenya", "Law Society of Kenya", "..."), "Kenya")
    assert not j.right(said("kenya", "Kenya", "..."), "Law Society of Kenya")
    assert j.right(said("kenya-red-cross", "the Kenya Red Cross", "..."), "Kenya Red Cross")
    assert j.right(said("krcs", "KRCS", "..."), "Kenya Red Cross")  # listed by the labels
    assert j.right(said("kamau", "Kamau", "..."), "John Kamau")  # surname alone
    assert not j.right(said("mary-kamau", "Mary Kamau", "..."), "John Kamau")
    assert not j.right(said("red-cross", "Red Cross", "..."), "Kenya Red Cross")


def test_score_article_counts_misattributions_apart() -> None:
    gold = [
        Gold("Kenya", "indirect", "the strike was illegal"),
        Gold("John Kamau", "direct", "we stay"),
    ]
    predicted = [
        said("john-kamau", "John Kamau", "the strike was illegal"),  # Kenya's words
        said("john-kamau", "John Kamau", "we stay", paragraph=1, kind="direct"),
        said("john-kamau", "John Kamau", "until Monday", paragraph=1, kind="direct"),  # joined
        said("nobody", "Nobody", "something else"),
    ]
    score = score_article("a", predicted, gold, judge(), principals_only=False)
    assert (score.predicted, score.correct, score.misattributed) == (3, 1, 1)
    assert (score.gold, score.found, score.principal_misattributed) == (2, 1, 1)
    only = score_article("a", predicted, gold, judge(), principals_only=True)
    assert (only.predicted, only.gold, only.misattributed) == (1, 1, 1)
