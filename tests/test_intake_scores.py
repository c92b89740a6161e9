"""Boilerplate removal and metadata, scored against hand labels of every labelled article."""

from __future__ import annotations

import pytest
from intake_scores import LABEL_SETS, Counts, score_set

from briefgen.resources import load_knowledge

# Measured on the labelled sets (see bench/intake/RESULTS.md); a change that lowers a score
# fails here and must say why.
MIN_PRECISION = 0.97
MIN_RECALL = 0.95
MIN_BODY_KEPT = 0.98


@pytest.mark.parametrize("name", sorted(LABEL_SETS))
def test_boilerplate_removal_scores(name: str) -> None:
    scored = score_set(name, load_knowledge(()))
    total = sum((s.counts for s in scored), Counts())
    errors = [f"{s.name}: {e}" for s in scored for e in s.errors]
    assert total.precision >= MIN_PRECISION, errors
    assert total.recall >= MIN_RECALL, errors
    assert total.body_kept >= MIN_BODY_KEPT, errors


@pytest.mark.parametrize("name", sorted(LABEL_SETS))
def test_metadata_as_labelled(name: str) -> None:
    scored = score_set(name, load_knowledge(()))
    assert [f"{s.name}: {e}" for s in scored for e in s.meta_errors] == []
