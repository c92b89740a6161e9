"""The shortcuts of the similarity helpers give the results of the plain definitions."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from briefgen.aggregate.actors import merge_ids
from briefgen.aggregate.similarity import SAME_NAME_RATIO, could_match, pairs_sharing


@given(st.text(alphabet="abcde ", max_size=30), st.text(alphabet="abcde ", max_size=30))
def test_could_match_never_rules_out_a_match(a: str, b: str) -> None:
    if fuzz.ratio(a, b) >= SAME_NAME_RATIO:
        assert could_match(len(a), len(b))


def test_spelling_variants_merge_and_short_or_distant_names_do_not() -> None:
    names = {
        "civil-defense": Counter({"Kenya Civil Defense": 3}),
        "civil-defence": Counter({"Kenya Civil Defence": 1}),
        "civil-service": Counter({"Kenya Civil Service Commission": 2}),
        "red-crescent": Counter({"Red Crescent": 2}),
        "red-crescents": Counter({"Red Crescents": 1}),  # 12 and 13 letters: long enough
        "ifad": Counter({"IFAD": 2}),
        "ifac": Counter({"IFAC": 1}),  # too short to be a spelling variant
    }
    merged = merge_ids(names, persons=set(), principal_ids=set())
    assert merged["civil-defence"] == "civil-defense"
    assert merged["red-crescents"] == "red-crescent"
    assert merged["civil-service"] == "civil-service"
    assert merged["ifac"] == "ifac"


def test_pairs_sharing_yields_each_pair_with_a_rare_element_once() -> None:
    sets = {f"a{n:03d}": frozenset({"un", f"event-{n // 3}"}) for n in range(90)}
    sets["a999"] = frozenset({"un", "event-0", "event-1"})
    found = list(pairs_sharing(sets, max_share=0.05))  # cap 64: "un" (91 holders) is common
    expected = {
        (a, b)
        for a, b in combinations(sorted(sets), 2)
        if any(len([k for k in sets if e in sets[k]]) <= 64 for e in sets[a] & sets[b])
    }
    assert len(found) == len(set(found))
    assert set(found) == expected
    assert {("a000", "a999"), ("a003", "a999")} <= set(found)
    assert ("a000", "a003") not in found  # only "un" in common
