"""Wire copies side by side: each version's paragraphs against the group's first version."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.model import WireGroup
from briefgen.render.versions import EDIT_SIMILARITY, compare_paragraphs, version_groups

from .strike import PARAGRAPHS, article, briefing

EDITED = "The union said about 4,000 of its members had joined the strike on Monday."


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (PARAGRAPHS, (3, 0, 0, 0)),
        (PARAGRAPHS[:2], (2, 0, 0, 1)),  # the last paragraph cut
        ((PARAGRAPHS[0], EDITED, PARAGRAPHS[2]), (2, 1, 0, 0)),
        ((*PARAGRAPHS, "Talks resume on Thursday at the labour ministry."), (3, 0, 1, 0)),
        (("Talks resume on Thursday at the labour ministry.",), (0, 0, 1, 3)),
        ((PARAGRAPHS[2], PARAGRAPHS[0]), (2, 0, 0, 1)),  # reordered
    ],
)
def test_compare_paragraphs(other: tuple[str, ...], expected: tuple[int, int, int, int]) -> None:
    assert compare_paragraphs(PARAGRAPHS, other) == expected


def plain_compare(first: list[str], other: list[str]) -> tuple[int, int, int, int]:
    """compare_paragraphs by its definition: difflib's ratio with every paragraph of first."""
    words = [p.split() for p in first]
    same = edited = added = 0
    matched: set[int] = set()
    for paragraph in other:
        mine = paragraph.split()
        if mine in words:
            same += 1
            matched.add(words.index(mine))
            continue
        scores = [
            (SequenceMatcher(a=w, b=mine, autojunk=False).ratio(), -n) for n, w in enumerate(words)
        ]
        score, index = max(scores, default=(0.0, 0))
        if score >= EDIT_SIMILARITY:
            edited += 1
            matched.add(-index)
        else:
            added += 1
    return same, edited, added, len(first) - len(matched)


# Paragraphs of a few words from a small vocabulary, so that many pairs are near the threshold.
PARAGRAPH = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f"]), min_size=1, max_size=9).map(
    " ".join
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=6), st.lists(PARAGRAPH, max_size=6))
def test_compare_paragraphs_as_defined(first: list[str], other: list[str]) -> None:
    """The bounded search finds what comparing every pair with difflib finds, ties and
    paragraphs of first matched twice included."""
    assert compare_paragraphs(first, other) == plain_compare(first, other)


def test_version_groups_in_source_order() -> None:
    first = article("001_wire", "Dockers walk out", wire_group="wire-1")
    copy = article(
        "003_copy", "Dockers walk out", wire_group="wire-1", paragraphs=(PARAGRAPHS[0], EDITED)
    )
    alone = article("002_herald", "Dockers strike")
    group = WireGroup(id="wire-1", article_ids=("003_copy", "001_wire"))
    strike = briefing((first, alone, copy), wire_groups=(group,))
    numbers = {"001_wire": 1, "002_herald": 2, "003_copy": 3}
    (found,) = version_groups(strike, numbers)
    assert found.id == "wire-1"
    assert [(v.number, v.same, v.edited, v.added, v.missing) for v in found.versions] == [
        (1, 3, 0, 0, 0),
        (3, 1, 1, 0, 1),
    ]
