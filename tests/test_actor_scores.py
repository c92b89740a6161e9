"""Floors for the actors table and its relations on every corpus with actor labels, so that a
change that loses actors, merges two, lets junk in or breaks relations fails. Scores and
rules: tests/actor_scores.py; current figures: bench/actors/RESULTS.md."""

from __future__ import annotations

from typing import Any

import pytest
from actor_scores import ACTOR_SETS, score_actor_set

# Measured in session 12 (see bench/actors/RESULTS.md), each a little under the measure.
FLOORS = {
    #              actors P, actors R, relations P, relations R, sides right
    "seeds": (0.95, 0.90, 0.70, 0.55, 0.90),
    "port-strike": (0.80, 0.90, 0.90, 0.30, 0.0),
    "flood": (0.75, 0.90, 1.0, 1.0, 0.0),
    "conflict": (0.80, 0.80, 0.80, 0.45, 0.50),
}


@pytest.mark.parametrize("name", sorted(ACTOR_SETS))
def test_actor_and_relation_scores(name: str, nlp: Any) -> None:
    score = score_actor_set(ACTOR_SETS[name], nlp)
    actors_p, actors_r, rel_p, rel_r, sides = FLOORS[name]
    assert score.junk == ()
    assert score.merged == ()  # two actors in one row: worse than a missing one
    assert score.precision >= actors_p, score.unmatched
    assert score.recall >= actors_r, score.missed
    assert score.rel_precision >= rel_p, score.rel_extra
    assert score.rel_recall >= rel_r, score.rel_missed
    assert score.side_accuracy >= sides, score.side_errors
