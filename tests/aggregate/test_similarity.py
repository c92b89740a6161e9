"""The shortcuts of the similarity helpers give the results of the plain definitions."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from briefgen.aggregate.actors import merge_ids
from briefgen.aggregate.similarity import SAME_NAME_RATIO, name_variant_pairs


@given(st.lists(st.text(alphabet="abcd ", min_size=12, max_size=24), max_size=12))
@example(["kenya civil defense", "kenya civil service", "kenya civil defence", "abcd"])
def test_name_variant_pairs_are_the_pairs_whose_ratio_reaches_the_cutoff(names: list[str]) -> None:
    expected = {
        (i, j)
        for i, j in combinations(range(len(names)), 2)
        if fuzz.ratio(names[i], names[j]) >= SAME_NAME_RATIO
    }
    found = name_variant_pairs(names)
    assert len(found) == len(set(found))
    assert set(found) == expected
    if names[:3] == ["kenya civil defense", "kenya civil service", "kenya civil defence"]:
        assert found == [(0, 2)]


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
