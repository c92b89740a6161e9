"""Boilerplate removal and metadata, scored against hand labels of every labelled article.

Floors are what was measured (bench/intake/RESULTS.md): a change that lowers a score fails here
and must say why. The `holdout` corpus was written blind (its author never saw the cleaner);
its first scores are kept in RESULTS.md and it keeps lower floors, with its known misses listed.
"""

from __future__ import annotations

import pytest
from intake_scores import LABEL_SETS, Counts, score_set

from briefgen.resources import load_knowledge

FLOORS = {"precision": 0.97, "recall": 0.95, "body_kept": 0.98}
HOLDOUT_FLOORS = {"precision": 0.98, "recall": 0.98, "body_kept": 0.95}

# Misses on the blind corpus that are understood and not yet fixed; fixing one fails this test
# until it is removed here.
KNOWN_METADATA_MISSES = {
    # the masthead line "The Northern Courier" is the page's only self-mention
    "holdout/000_mine-courier: outlet: want 'The Northern Courier', got None",
    # "Become a Warsaw Observer member" is not read as a self-mention, so the dateline wins
    "holdout/001_mine-wire: outlet: want 'The Warsaw Observer', got 'Reuters'",
    # conflict (written blind in session 12, first measurement; not yet worked on):
    # an HTML page whose JSON-LD author is the agency
    "conflict/002_kalindi-wire-copy: authors: want [], got ['Associated Press']",
    # outlets named only in mastheads, and a byline shape not read
    "conflict/000_kalindi-herald: outlet: want 'The Meridian Herald', got None",
    "conflict/003_kalindi-sentinel: authors: want ['Nomvula Dlamini', 'Peter Okello'], got []",
    "conflict/003_kalindi-sentinel: outlet: want 'The Sentinel', got None",
    "conflict/004_kalindi-equator: outlet: want 'The Equator Post', got None",
    # election (blind, session 21): three fixed at once (a "10th November 2025" date line, the
    # role in "By Marta Kovacs, Eastern Europe Correspondent", a "KOSTREL, Nov 10 (Reuters)"
    # dateline); these left
    "election/000_varnesia-courier: authors: want ['Fiona Carlisle'], got []",
    "election/000_varnesia-courier: outlet: want 'The Atlantic Courier', got None",
    "election/001_varnesia-wire: outlet: want 'The Danube Observer', got 'Reuters'",
    "election/003_varnesia-beacon: authors: want ['Sophie Marchetti', 'Daniel Hurst'], got []",
    "election/003_varnesia-beacon: outlet: want 'The Beacon', got None",
    "election/005_brakmoor-gazette: outlet: want 'Calder Valley Gazette', got None",
}


@pytest.mark.parametrize("name", sorted(LABEL_SETS))
def test_boilerplate_removal_scores(name: str) -> None:
    scored = score_set(name, load_knowledge(()))
    total = sum((s.counts for s in scored), Counts())
    errors = [f"{s.name}: {e}" for s in scored for e in s.errors]
    floors = HOLDOUT_FLOORS if name == "holdout" else FLOORS
    assert total.precision >= floors["precision"], errors
    assert total.recall >= floors["recall"], errors
    assert total.body_kept >= floors["body_kept"], errors


@pytest.mark.parametrize("name", sorted(LABEL_SETS))
def test_metadata_as_labelled(name: str) -> None:
    scored = score_set(name, load_knowledge(()))
    misses = {f"{s.name}: {e}" for s in scored for e in s.meta_errors}
    assert misses == {m for m in KNOWN_METADATA_MISSES if m.startswith(f"{name}/")}
